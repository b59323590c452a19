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
