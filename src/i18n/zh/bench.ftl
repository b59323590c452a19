# 简体中文：bench。与 en/bench.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## 输出文件（--plot、--export-json），在开始测量之前检查。
bench-output-is-a-folder = 这是一个文件夹：请指定其中的文件，例如 { $example }
bench-output-no-folder = 文件夹 { $folder } 不存在：请先创建，或换一个路径
bench-output-parent-not-a-folder = { $folder } 不是文件夹
bench-output-permission-denied = 无法写入：没有文件夹 { $folder } 的写权限
bench-export-json-extension = 此选项只写 JSON，不写 .{ $extension }：请给一个以 .json 结尾的路径（Markdown 或 CSV 请用 --format markdown 或 csv 输出）
bench-plot-png-refused = 图只生成 SVG，不生成 PNG：请改为 { $svg }；如需位图可再转换，例如 rsvg-convert -o { $path } { $svg }
bench-plot-extension-unknown = 无法生成 .{ $extension } 文件：请给一个以 .svg 结尾的路径
bench-plot-extension-missing = 图的格式由文件扩展名决定：请给一个以 .svg 结尾的路径
bench-plot-skipped = 未生成图 { $path }：没有测到任何数据
bench-wrote-plot = 图已写入 { $path }（{ $format }，{ $size }）
bench-wrote-json = JSON 报告已写入 { $path }（{ $size }）

## 无法测量的成员，以及无法进行的对比。
bench-unreachable-refused = { $member }：连接 { $address } 被拒绝：该端口上没有服务在监听
bench-unreachable-refused-hint = 请检查端口（阿里云 MongoDB 使用 3717，MongoDB 默认是 27017）以及实例是否在运行；对同一连接串运行 `mongotls check` 可查看每个成员的状态
bench-unreachable-timeout = { $member }：{ $address } 在 { $timeout } 内没有应答（TCP 连接未建立）
bench-unreachable-timeout-hint = 通常是防火墙、安全组或 IP 白名单所致：请在控制台 数据安全性 > 白名单设置 中加入本机地址，或在同一专有网络 VPC 内的主机上运行
bench-unreachable-failed = { $member }：无法连接 { $address }：{ $detail }
bench-unreachable-failed-hint = 请检查本机到该成员的网络路由
bench-unreachable-dns = { $member }：{ $detail }
bench-unreachable-dns-hint = 请检查连接串中的主机名；`mongotls check` 会显示该名称解析到的地址
bench-unreachable-tls = { $member }：无法建立 TLS 连接：{ $detail }
bench-unreachable-tls-timeout = { $member }：TLS 握手在 { $timeout } 内未完成
bench-unreachable-tls-hint = 对同一连接串运行 `mongotls check` 可查明原因：服务器未开启 SSL（数据安全性 > SSL > 开通SSL）、证书有问题，或服务器要求客户端证书
bench-nothing-measured = 无法进行任何对比：{ $why }
bench-nothing-measured-hint = 对同一连接串运行 `mongotls check`，查看成员为何无法连接
bench-no-sample-succeeded = 没有一次采样成功
bench-no-answer = 无应答
bench-missing-plain-refused = { $address } 拒绝了明文连接（{ $error }）：服务器强制使用 TLS，没有可对比的明文数据；如有单独的明文地址，请用 --plain-uri 指定
bench-missing-plain-unreachable = 没有明文样本：{ $error }：无法连接明文地址 { $address }
bench-missing-plain-no-answer = 没有明文样本：{ $address } 对明文请求没有应答（{ $error }）
bench-note-no-warm-tls = { $member }：无法建立用于测量往返时延的 TLS 长连接：{ $error }
bench-note-tls-samples-failed = { $member }：部分 TLS 采样失败：{ $error }

## 文本报告。
bench-text-hint = 建议：{ $hint }
bench-nothing-compared-hint = TLS 已测量，但没有明文数据可供对比：请用 --plain-uri 指定一个本机能连上的明文地址
bench-note-clients-would-refuse = { $member }：客户端会拒绝连接此成员（{ $codes }）；下面的数据仍按 TLS 测量 —— 详情请运行 `mongotls check`
bench-text-member-line = { $member }：{ $line }
bench-text-nothing-compared = 没有可对比的数据：{ $reason }
bench-text-target = 目标    { $uri }
bench-text-plain = 明文    { $uri }
bench-text-run = 运行    每组 { $count } 个样本（另加 { $warmup } 次预热），用时 { $elapsed } 秒，上限 { $allowed } 秒
bench-text-col-metric = 指标（ms）
bench-text-col-plain-p50 = 明文 p50
bench-text-col-tls-p50 = TLS p50
bench-text-col-tls-p99 = TLS p99
bench-text-col-n = n
bench-text-col-adds = TLS 增加（95% 置信区间）
bench-text-resumed = { $metric }：{ $count } 次 TLS 握手中有 { $resumed } 次复用了会话
bench-text-cpu-plain = 每次 TCP 连接的客户端 CPU：{ $cpu }（墙钟 { $wall }）
bench-text-cpu-tls = 每次 TCP + TLS 握手的客户端 CPU：{ $cpu }（墙钟 { $wall }）
bench-text-throughput-plain = 明文吞吐量（{ $count } 个连接）：{ $ops } 次/秒
bench-text-throughput-tls = TLS 吞吐量（{ $count } 个连接）：{ $ops } 次/秒
bench-text-no-comparison = { $metrics } 无法对比：{ $reason }
bench-text-warnings = 警告：
bench-text-noise = { $total } 组数据中有 { $count } 组存在计时噪声：{ $kinds }
bench-text-noise-outliers = { $count } 组有较多离群值
bench-text-noise-variance = { $count } 组波动较大
bench-text-noise-cold = { $count } 组首个样本明显偏慢
bench-text-noise-why = 在本机回环地址或繁忙的机器上很常见：上面的中位数及其 95% 置信区间不受其影响，平均值则会受影响；想要更稳定的数据，请在空闲的机器上运行，并增大 --samples 和 --warmup
bench-text-ci-zero = { $metrics } 的开销 95% 置信区间包含 0：在当前样本量下看不出差别；可增大 --samples 或 --max-time 以缩小区间
bench-text-too-few = { $count } 组数据的样本少于 { $min } 个（{ $series }）：百分位数和离群值意义不大；请增大 --samples 或 --max-time
bench-text-warnings-json = 每组数据的全部警告及建议见 --format json（warnings[]）
bench-text-and-more = { $list } 等（另有 { $count } 项）
bench-text-notes = 说明：
bench-sentence-both = TLS 使每个新连接多花 { $connect }（95% 置信区间 { $connect_ci }），每次往返多花 { $ping }（95% 置信区间 { $ping_ci }）。
bench-sentence-connect = TLS 使每个新连接多花 { $connect }（95% 置信区间 { $connect_ci }）。
bench-sentence-ping = TLS 使每次往返多花 { $ping }（95% 置信区间 { $ping_ci }）。

## 指标的中文名称（JSON 中的指标名不翻译）。
bench-metric-connect-full = TCP + 完整握手
bench-metric-connect-resumed = TCP + 会话复用握手
bench-metric-connect-hello = 到连接可用
bench-metric-ping = ping 往返
bench-metric-payload = 携带 { $size } 的往返
bench-metric-throughput = { $count } 个连接的吞吐量
bench-text-list-separator = 、
bench-sentence-both-ping-zero = TLS 使每个新连接多花 { $connect }（95% 置信区间 { $connect_ci }），对往返时延没有可测出的影响（95% 置信区间 { $ping_ci }）。
bench-sentence-ping-zero = TLS 对往返时延没有可测出的影响（95% 置信区间 { $ping_ci }）。

## 图（--plot FILE.svg）。
bench-plot-title = mongotls bench：TLS 与明文的时延对比
bench-plot-nothing = 没有可画的数据
bench-plot-legend = 箱体：中间一半的样本，粗线为中位数；须线：1.5 倍四分位距以内的其余样本；圆点：离群值。坐标轴截至须线末端。
bench-plot-caption = { $label }（{ $metric }）
bench-plot-axis = 时延（{ $unit }）
bench-plot-beyond = 另有 { $count } 个离群值超出坐标轴，最大 { $max }
bench-plot-row-plain = 明文（n={ $count }）
bench-plot-row-tls = TLS（n={ $count }）
bench-plot-adds = TLS 增加 { $adds }（{ $ci }）
bench-plot-no-comparison = 没有明文数据可对比
bench-plot-bench-only = 只有 `bench` 报告可以画图

## Markdown（--format markdown）；CSV 保留机器可读的表头。
bench-md-title = ## mongotls bench — { $uri }
bench-md-series-header = | 成员 | 指标 | 传输 | n | 最小 ms | p50 ms | p90 ms | p99 ms | 最大 ms | 平均 ms | 标准差 ms |
bench-md-comparison-header = | 成员 | 指标 | TLS 开销 ms（中位数） | 95% 置信区间 ms | 比值 | 相对增加 |
bench-md-missing = { $member } 的 { $metric } 无法对比：{ $reason }
bench-tables-bench-only = Markdown 和 CSV 只用于 `bench`

## 统计警告（JSON 中的 warnings[]；文本报告会合并显示）。
bench-warn-too-few = { $label }：只有 { $count } 个样本
bench-warn-too-few-hint = 请增大 --samples 或 --max-time：百分位数和离群值至少需要 { $min } 个样本才有意义
bench-warn-cold-start = { $label }：第一个样本（{ $first }）比中位数（{ $median }）慢得多
bench-warn-cold-start-hint = 第一个连接要承担一次性开销（域名解析、路由、服务器端缓存）：用 --warmup 把它排除在外
bench-warn-outliers = { $label }：{ $samples } 个样本中有 { $count } 个离群值（{ $percent } %）：本机或网络有干扰
bench-warn-outliers-hint = 请关闭其他程序、使用 --warmup 或延长测量时间；中位数和百分位数不受离群值影响，平均值会受影响
bench-warn-variance = { $label }：标准差（{ $stddev }）达到平均值（{ $mean }）的 { $percent } %
bench-warn-variance-hint = 各次采样之间差异很大：请在空闲的机器和网络上运行，增大 --samples，并比较中位数而不是平均值
bench-warn-ci-zero = { $label }：开销的 95% 置信区间（{ $low } 到 { $high }）包含 0：在当前样本量下差异不显著
bench-warn-ci-zero-hint = 请增大 --samples 或 --max-time 以缩小区间；若区间仍包含 0，说明 TLS 在这里没有带来可测出的时延

## 测量过程中的错误、说明和进度。
bench-error-refused-during-warmup = 预热时明文连接被拒绝
bench-error-no-plaintext = 明文连接被拒绝
bench-progress-measuring = 正在测量 { $member }
bench-progress-line = mongotls bench：{ $what }…
bench-note-throughput-skipped = { $member }：已达到 --max-time，跳过吞吐量测试
bench-missing-throughput-plain = 无法打开 { $count } 个明文连接：{ $error }
bench-missing-throughput-tls = 无法打开 { $count } 个 TLS 连接：{ $error }
bench-note-tls-config-failed = { $member }：TLS 客户端配置失败：{ $error }
bench-note-no-resumption = { $member }：服务器没有复用任何 TLS 会话（未提供 session ticket / PSK）：connect_resumed 的数据实际是完整握手
bench-note-no-cpu-time = 此平台无法获取进程 CPU 时间
