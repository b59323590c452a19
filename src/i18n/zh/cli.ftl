# 简体中文：cli。与 en/cli.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## 命令行错误（src/cli/errors.rs）：由 clap 发现，用这里的措辞说明。
cli-error-prefix = mongotls: 错误：{ $message }
cli-error-tip = 提示：{ $tip }
cli-error-more-help = 详细用法请运行 '{ $command } --help'。
cli-error-unknown-argument = 无法识别的参数 '{ $arg }'
cli-error-invalid-value = '{ $arg }' 的取值 '{ $value }' 无效
cli-error-empty-value = '{ $arg }' 需要一个值，但没有给出
cli-error-missing-argument = 缺少必需的参数：{ $args }
cli-error-repeated-argument = 参数 '{ $arg }' 只能给一次
cli-error-conflict = 参数 '{ $arg }' 不能与 { $others } 同时使用
cli-error-unknown-subcommand = 无法识别的命令 '{ $name }'
cli-error-missing-subcommand = 需要指定一个命令：{ $commands }
cli-tip-similar-argument = 有一个相近的选项：'{ $suggestion }'
cli-tip-did-you-mean = 是不是想输入 '{ $suggestion }'？
cli-tip-possible-values = 可选值：{ $values }
cli-tip-exists = 可以这样写：'{ $usage }'
cli-tip-uri-option-flag = { $option } 是连接串选项，不是 mongotls 的命令行选项：请改用 { $flag }，或在连接串中写 { $option }={ $value }
cli-tip-uri-option = { $option } 是连接串选项，不是 mongotls 的命令行选项：请写在连接串中，例如 "mongodb://HOST:PORT/?{ $option }=VALUE"
cli-tip-uri-option-key-password = tlsCertificateKeyFilePassword 是连接串选项：私钥密码请用 --client-key-password-env VAR 传入（VAR 是保存该密码的环境变量名），或写在连接串中
cli-tip-no-password-flag = { $typed } 不是 mongotls 的选项：mongotls 不在命令行上接收密码（否则会留在 shell 历史和 ps 输出里）；请用 --password-env VAR 或 --password-file FILE

## 输入（src/commands/inputs.rs）。
cli-driver-ca-not-written = 无法把 CA 证书合并成一个 PEM 文件供驱动阶段使用（{ $error }）：请用 --ca 只给一个 PEM 文件，或用 --no-driver 跳过驱动阶段

## 设置（src/settings.rs）。
cli-port-range = --port { $base } 加上 { $members } 个成员需要用到端口 { $last }，超过了最大端口 65535：起始端口最大只能是 { $highest }

## 选项取值（src/cli/values.rs）：跟在选项名后面，例如 "--timeout 0s 超出范围：…"。
cli-value-duration-range = { $value } 超出范围：请给一个大于 0、不超过 { $max } 的时长，例如 { $example }
cli-value-not-a-number = '{ $value }' 不是整数：{ $range }
cli-value-out-of-range = { $value } 超出范围：{ $range }
cli-value-out-of-range-bare = { $value } 超出范围
cli-value-dns-port-zero = '{ $value }' 的端口是 0：请给出 DNS 服务器监听的端口，例如 127.0.0.1:53
cli-value-dns-not-an-address = '{ $value }' 不是 IP 地址加端口：请写成 10.0.0.2:53、[::1]:5353，或只写地址（默认端口 53）；不能写域名（解析域名本身就要用 DNS）
cli-value-not-a-time = '{ $value }' 不是时间：请用 RFC 3339 格式，如 2027-01-01T00:00:00Z，或日期，如 2027-01-01
cli-value-no-size = '{ $value }' 里没有大小：请写成例如 1KiB,64KiB,1MiB
cli-value-not-a-size = '{ $value }' 不是大小：请写成例如 1KiB,64KiB,1MiB
cli-value-unknown-unit = '{ $value }' 中的单位 '{ $unit }' 无法识别：请用 B、KiB、MiB、KB 或 MB
cli-value-size-range = { $value } 超出范围：应在 1 字节到 16 MiB 减 1 KiB 之间（MongoDB 单个文档的上限）
cli-range-max-connections = 请给 1 到 256
cli-range-concurrency = 取值 1 到 256
cli-range-samples = 取值 1 到 1000000
cli-range-warmup = 取值 0 到 1000
cli-range-warn-days = 请给 0 到 36500 之间的天数
cli-range-members = 沙箱可以有 1 到 7 个成员
cli-range-port = 请给 1 到 65535 之间的端口
cli-usage-key-password-without-cert = 给了 --client-key-password-env，却没有客户端证书：请加上 --client-cert FILE（或在连接串中写 tlsCertificateKeyFile=FILE）
cli-usage-uri = 连接串：{ $error }
cli-usage-sandbox-uri = 沙箱的连接串：{ $error }
cli-usage-too-many-seeds = 连接串列出了 { $count } 个主机，而一个副本集最多 { $max } 个成员：种子地址最多给 { $max } 个
cli-usage-bench-srv = bench 只接受 mongodb:// 连接串：请先对这个 mongodb+srv:// 连接串运行 mongotls check，看 { $srv_name } 列出了哪些主机，再用 mongodb://HOST:PORT/?tls=true 对其中一个运行 bench
cli-usage-member-not-a-seed = --member { $member } 不在连接串的主机列表中（{ $hosts }）
cli-usage-plain-uri-no-host = --plain-uri 里没有主机
cli-input-system-store = 没有给出 CA 证书文件（--ca 或 tlsCAFile），而系统信任库{ $problem }：请用 --ca FILE 指定从控制台下载的 CA 证书（数据安全性 > SSL > 下载证书），或安装发行版的 CA 证书包（ca-certificates）
cli-input-store-empty = 里没有任何证书
cli-input-store-unreadable = 无法读取（{ $errors }）
cli-input-password = 密码：{ $problem }
cli-input-no-usable-ca = 没有可用的 CA 证书（{ $rejections }）；可对它运行 `mongotls ca` 查看详情
cli-input-holds-no-certificate = 其中没有证书
cli-input-rejected-empty = 空文件
cli-input-rejected-unreadable = 无法解析（{ $detail }）
cli-input-rejected-private-key = 是私钥（{ $label }）
cli-input-rejected-other = 是 { $label }
cli-input-key-password-unset = --client-key-password-env { $var }：环境变量 { $var } 未设置；请把私钥密码 export 到这个变量，或在连接串中给出 tlsCertificateKeyFilePassword
cli-input-key-password-not-utf8 = --client-key-password-env { $var }：环境变量 { $var } 的值不是有效的 UTF-8
cli-input-client-cert-missing = 其中没有证书
cli-input-client-cert-unusable = 客户端证书无法使用：{ $problem }

## 命令在出报告之前就中止的原因（src/commands/mod.rs）。
cli-run-runtime = 无法启动异步运行时：{ $error }
cli-run-sandbox = 沙箱：{ $error }
cli-run-stdout = 无法写入标准输出：{ $error }

## `--help`（src/cli/help_zh.rs）。标题后的冒号由 clap 加上（半角），示例标题与之一致。
cli-help-heading-usage = 用法
cli-help-heading-commands = 命令
cli-help-heading-arguments = 参数
cli-help-heading-options = 选项
cli-help-flag-help = 显示帮助
cli-help-flag-help-more = 显示帮助（用 '--help' 查看完整说明）
cli-help-flag-help-summary = 显示帮助（用 '-h' 查看摘要）
cli-help-flag-version = 显示版本号
cli-help-about = 验证 MongoDB 部署的 TLS 配置是否正确；不正确时，准确指出问题所在
cli-help-about-check = 通过 TLS 连接副本集的每个成员，逐项检查：TLS 握手、服务器出示的证书链能否由 CA 验证、主机名、有效期、MongoDB 握手，以及是否仍接受明文连接
cli-help-about-ca = 加载 CA 证书文件（PEM、DER、PKCS#7，或从控制台下载的 ZIP 包），报告其中有哪些证书、存在什么问题
cli-help-about-verify = 离线校验服务器的证书链：以 CA 证书文件为信任依据，针对给定的主机名和时间点，按 MongoDB 客户端的方式判断
cli-help-about-bench = 测量 TLS 带来的延迟开销：建立连接（完整握手和会话恢复，直到连接可用）、已建立连接上的往返时间、负载大小的影响、吞吐量
cli-help-about-demo = 启动沙箱，对它运行 `check`，输出报告后停止（沙箱的文件，包括 CA 证书文件，都会删除，除非指定 --keep-ca DIR）
cli-help-about-sandbox = 在本机回环地址上运行一个副本集，使用一次性的 PKI（可按需模拟一种故障场景），直到被停止；启动后输出连接串和 CA 证书文件。收到 SIGINT（Ctrl-C）、SIGTERM 或 SIGHUP 时停止：删除自己的文件，以 0 退出
cli-help-about-completions = 在标准输出上打印 shell 补全脚本（bash、zsh、fish、elvish、PowerShell），根据本程序的选项生成
cli-help-about-man = 在标准输出上打印 mongotls 或其中某个命令的手册页（roff 格式）
cli-help-about-help = 显示本帮助，或指定命令的帮助
cli-help-lang = 面向人的文字（标题、消息、建议、进度）使用的语言；默认取自 LC_ALL、LC_MESSAGES、LANG（zh_* 为中文）。检查项代码、JSON 键名和指标名始终不翻译
cli-help-color = 文本输出何时使用颜色：auto（标准输出是终端且未设置 NO_COLOR 时）、always、never。只要 NO_COLOR 非空，无论此选项如何都不使用颜色
cli-help-format = 输出格式
cli-help-warn-days = 证书在这么多天内过期时给出警告（0 到 36500）
cli-help-at = 以这个时间而不是当前时间为准进行判断（RFC 3339 格式，如 2027-01-01T00:00:00Z，或日期）
cli-help-strict = 有警告时也以 1 退出，而不仅是有失败时；`verify` 和 `check` 还会把客户端能容忍、但不符合 RFC 5280 和 CA/Browser Forum 基线要求之处（`lint.*` 检查项）判为失败
cli-help-client-cert = 要出示的客户端证书：包含证书及其私钥的 PEM 文件（覆盖 URI 中的 tlsCertificateKeyFile）
cli-help-client-key-password-env = 从这个环境变量读取加密客户端私钥（PKCS#8）的密码（覆盖 URI 中的 tlsCertificateKeyFilePassword）
cli-help-check-uri = 连接串，例如 mongodb://root@host1:3717,host2:3717/admin?replicaSet=mgset-123&tls=true（在 shell 中请加引号；密码请用 --password-env 或 --password-file 给出，不要写在连接串里）
cli-help-check-ca = 客户端信任的 CA 证书文件（覆盖 URI 中的 tlsCAFile；可重复指定多个文件，与 `verify` 一样合起来作为一个证书包信任）。既没有它也没有 tlsCAFile 时，以系统信任库判断证书链
cli-help-check-timeout = 每个网络阶段（DNS、TCP、TLS、每条命令）的超时时间：如 500ms、3s、2m（最长 5m）
cli-help-check-deadline = 整次运行的时限（最长 1h）：到时各阶段立即中断，到那时仍未检查的部分报告为 `net.deadline_exceeded`
cli-help-check-max-connections = 同时探测的成员数上限（每个成员同一时刻只占一个连接；最多 256）
cli-help-check-server-name = 作为 SNI 发送、并用来核对证书的名称，代替各成员的主机名（适用于通过 IP 地址或隧道连接）
cli-help-check-allow-invalid-hostnames = 仍报告主机名不匹配，但说明客户端已被设置为忽略它（不安全；报告中会醒目标出）
cli-help-check-no-discover = 只检查种子地址，不根据 `hello` 的结果继续检查其他成员
cli-help-check-no-plaintext-probe = 不在各成员的端口上尝试明文 `hello`
cli-help-check-no-driver = 跳过驱动阶段（用官方 Rust 驱动：服务器选择、`ping`；给了凭据时还做认证和 `connectionStatus`）
cli-help-check-no-progress = 不在 stderr 上显示实时进度（只有 stderr 是终端时才会显示）
cli-help-check-username = 驱动阶段用于认证的用户名（替换连接串中的用户名）
cli-help-check-password-env = 从这个环境变量读取密码（绝不从命令行读取）
cli-help-check-password-file = 从这个文件读取密码（取第一行；请妥善保管该文件）
cli-help-check-dns-server = 把本次运行的所有 DNS 查询（SRV、TXT、成员地址）发往这个服务器（IP:PORT，先 UDP 后 TCP），而不使用系统的解析器：用于 split DNS 和测试
cli-help-ca-files = CA 证书文件：PEM、DER、PKCS#7（.p7b），或从控制台下载的 ZIP 包（数据安全性 > SSL > 下载证书）
cli-help-verify-ca = 客户端将信任的 CA 证书文件（可重复指定多个文件）
cli-help-verify-chain = 服务器出示的证书链：服务器证书在前，其后是中间证书（也可以直接用含私钥的 MongoDB PEMKeyFile：私钥会被忽略，绝不显示）
cli-help-verify-host = 客户端连接时使用的主机名或 IP 地址
cli-help-bench-uri = 连接串（TLS 一侧）
cli-help-bench-ca = CA 证书文件（覆盖 tlsCAFile；可重复指定多个文件，合起来信任）。给出时，测量前先对每个成员的证书链检查一次，发现问题会注明（完整结论请用 `check`）
cli-help-bench-member = 只测量这个成员（host:port，写法与 URI 中一致）；默认测量所有种子地址
cli-help-bench-samples = 每个系列的样本数（1 到 1000000）
cli-help-bench-warmup = 每个系列开始前不计入结果的预热次数（最多 1000）
cli-help-bench-max-time = 到这个时长就停止，不论样本数是否已够
cli-help-bench-timeout = 每个网络阶段的超时时间（最长 5m）
cli-help-bench-concurrency = 另外用 N 个并发连接测量吞吐量（1 到 256）
cli-help-bench-payload-sizes = 用来测算每字节开销的负载大小，例如 1KiB,64KiB,1MiB
cli-help-bench-plain-uri = 单独的明文端点，用于强制 TLS 的服务器
cli-help-bench-server-name = 作为 SNI 发送的名称（用于 IP 地址和隧道）
cli-help-bench-export-json = 同时把 JSON 报告写入这个文件
cli-help-bench-plot = 把延迟分布（每项指标的明文与 TLS 对比）画到这个 SVG 文件
cli-help-sandbox-members = 成员数（1 到 7）
cli-help-sandbox-scenario = 模拟哪种故障
cli-help-sandbox-tls-mode = 每个成员的 TLS 模式（默认取场景的设定；`allow` 相当于托管实例刚开通SSL时的状态）
cli-help-sandbox-handshake-delay = 每次 TLS 握手前等待这么久（用来核对 `bench` 的测量结果）
cli-help-sandbox-auth = 开启认证并创建默认用户（`admin` 库上使用 SCRAM 的 `app`，密码保存在权限为 0600 的文件中；以及沙箱客户端证书对应的 MONGODB-X509 用户），不论哪种场景；除非 `--client-auth` 另行指定，客户端证书改为 `optional`
cli-help-sandbox-client-auth = 成员是否要求 TLS 客户端出示证书（默认取场景的设定：除 `wrong-password` 和 `client-cert-required` 外都是 `none`）
cli-help-sandbox-port = 监听固定端口：第一个成员用 BASE，下一个用 BASE+1，依此类推（默认由系统分配空闲端口）。端口已被占用时报错
cli-help-sandbox-ready-file = 所有成员开始监听后，把 JSON {"{"}pid, uri, ca, members, …{"}"} 写入这个文件（先完整写好再改名到位，脚本一看到文件即可读取）；沙箱停止时删除
cli-help-demo-format = 检查报告的输出格式
cli-help-demo-keep-ca = 把沙箱的 CA 证书文件以 mongotls-sandbox-ca.pem 为名保留在这个目录中（目录不存在时自动创建），报告中引用的就是这份副本。不指定时，demo 结束后 CA 证书文件随沙箱一起删除
cli-help-demo-no-progress = 不在 stderr 上显示检查的实时进度（只有 stderr 是终端时才会显示）
cli-help-completions-shell = 为哪种 shell 生成补全脚本
cli-help-man-command = 要打印手册页的命令（mongotls-check(1) 等）；默认打印 mongotls(1)，其中列出所有命令
cli-help-value-lang-en = 英语
cli-help-value-lang-zh = 简体中文，使用控制台的中文标签
cli-help-value-color-auto = 标准输出是终端且未设置 NO_COLOR 时使用颜色
cli-help-value-color-always = 始终使用颜色（输出到管道或文件时也是），除非设置了 NO_COLOR
cli-help-value-color-never = 不使用颜色
cli-help-value-format-text = 便于阅读的文本，最后一行是结论
cli-help-value-format-json = 一个 JSON 对象（格式约定见 README）
cli-help-value-format-junit = 供 CI 测试报告工具使用的 JUnit XML：每个成员、证书或证书链对应一个测试用例
cli-help-value-format-prometheus = Prometheus 文本格式，供 node_exporter 的 textfile collector 采集
cli-help-value-bench-format-text = 表格，外加每个成员一句总结
cli-help-value-bench-format-json = 一个 JSON 对象，包含全部原始样本
cli-help-value-bench-format-markdown = Markdown 表格
cli-help-value-bench-format-csv = 每个系列一行 CSV
cli-help-value-scenario-good = 每个成员都出示 CA 证书文件能验证通过的完整证书链（服务器证书 + 中间证书）
cli-help-value-scenario-expired = 每个成员的证书都已在 30 天前过期
cli-help-value-scenario-not-yet-valid = 每个成员的证书都要 30 天后才生效
cli-help-value-scenario-wrong-ca = CA 证书文件中是另一个根 CA，而不是为成员签发证书的那个
cli-help-value-scenario-hostname-mismatch = 证书中只有 mongo-old.sandbox.invalid，没有 localhost（证书签发时还没有这个地址）
cli-help-value-scenario-missing-intermediate = 成员出示证书时不带中间证书
cli-help-value-scenario-self-signed = 每个成员都出示自签名证书
cli-help-value-scenario-plaintext-only = 未启用 TLS：成员只接受明文连接（连接串中仍写着 tls=true）
cli-help-value-scenario-tls-required = 成员拒绝明文连接（强制 SSL，requireTLS）
cli-help-value-scenario-one-member-expired = 最后一个成员的证书已在 30 天前过期，其他成员正常
cli-help-value-scenario-no-primary = 所有成员都是从节点：没有可选的主节点
cli-help-value-scenario-wrong-password = 开启了认证，连接串中的用户密码错误
cli-help-value-scenario-client-cert-required = 成员要求出示沙箱 CA 签发的客户端证书，而连接串中没有提供
cli-help-value-tls-mode-require = 只接受 TLS（requireTLS，即强制 SSL）
cli-help-value-tls-mode-allow = 同一端口上同时接受 TLS 和明文（与刚开通SSL时相同）
cli-help-value-tls-mode-disabled = 只接受明文
cli-help-value-client-auth-none = 不要求客户端证书
cli-help-value-client-auth-optional = 客户端出示证书时验证
cli-help-value-client-auth-required = 拒绝没有沙箱 CA 签发证书的客户端
## --help 中示例的说明文字（示例命令行本身从不翻译）。
cli-help-examples = 示例:
cli-help-example-ca-bundle = 从控制台下载的 CA 证书（数据安全性 > SSL > 下载证书）里有哪些证书？
cli-help-example-check-members = 用它检查副本集的每个成员（密码从 $MONGO_PW 读取）
cli-help-example-demo = 手头没有服务器：在本机起一个证书已过期的副本集，检查一遍
cli-help-example-run-help = 运行 'mongotls <COMMAND> --help' 查看各命令的选项和示例。
cli-help-example-sandbox-prints = 输出连接串和 CA 证书文件；按 Ctrl-C 停止
cli-help-example-sandbox-script = 在脚本中：固定端口，等就绪文件出现后使用沙箱，最后停止它
