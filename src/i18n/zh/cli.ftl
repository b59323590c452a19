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
