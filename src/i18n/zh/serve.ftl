# mongotls serve：Prometheus exporter（src/commands/serve）。

## 帮助
serve-help-about = 通过 HTTP 提供 Prometheus 指标：`/probe?target=NAME` 在每次抓取时检查目标文件中的一个目标（与 blackbox_exporter 用法相同，结果短时间缓存），`/metrics` 是 exporter 自身的指标，另有 `/healthz`。收到 SIGINT（Ctrl-C）或 SIGTERM 时停止
serve-help-targets = 目标文件（TOML 格式，与 `check --targets` 读取的相同）：`/probe?target=NAME` 按名称检查其中的目标
serve-help-listen = 监听的地址和端口（IP:PORT；端口为 0 时自动选一个空闲端口）。允许监听非回环地址（容器中需要），但会在 stderr 上醒目提示
serve-help-cache-ttl = 一个目标的结果在多长时间内直接复用，过后下一次抓取才重新检查（0s 表示不缓存；最长 24h）。无论如何，检查进行期间到达的抓取都会等待这次检查的结果
serve-help-probe-timeout = 每次检查的时限（最长 5m）；Prometheus 的抓取超时更短时，以抓取超时为准
serve-help-ready-file = 开始监听后，把 JSON {"{"}pid, listen, url, targets{"}"} 写入这个文件（先完整写好再改名到位）；serve 停止时删除
serve-help-example-scrape = Prometheus 抓取 http://127.0.0.1:9716/probe?target=NAME
serve-help-example-kubernetes = 在 Kubernetes 中（位于 Service 之后）：监听所有网卡，会在 stderr 上醒目提示

## 选项取值
serve-listen-not-an-address = '{ $value }' 不是 IP:PORT 格式（例如 127.0.0.1:9716、0.0.0.0:9716、[::1]:9716）

## stderr 上给运维人员的提示
serve-listening = mongotls serve：正在监听 { $url }（共 { $count } 个目标）：/probe?target=NAME、/metrics、/healthz
serve-not-loopback = 警告：--listen { $address } 不是回环地址：任何能访问这个端口的人都能读取指标，并让 mongotls 检查每一个目标。请用防火墙或 NetworkPolicy 限制访问，或改为监听 127.0.0.1。
serve-target-invalid = mongotls serve：目标 { $name } 无法检查（它的 /probe 返回 probe_success 0）：{ $error }
serve-probe-input-error = mongotls serve：目标 { $name }：检查无法进行：{ $error }
serve-stopping = mongotls serve：收到 { $signal }，正在停止
serve-bind-failed = 无法监听 { $address }：{ $error }（端口是否被其他进程占用？可用 --listen 换一个端口）
serve-failed = mongotls serve 因错误停止：{ $error }

## HTTP 响应（text/plain）
serve-probe-missing-target = 缺少 ?target=NAME：应为 { $file } 中某个目标的名称（{ $names }）
serve-probe-unknown-target = { $file } 中没有名为“{ $name }”的目标；已有的目标：{ $names }
serve-encode-failed = 无法编码 Prometheus 指标
