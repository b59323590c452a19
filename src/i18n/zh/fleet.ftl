# 简体中文：fleet（`check --targets FILE`）。与 en/fleet.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## 目标文件整体（src/commands/fleet/targets.rs）：用法错误，退出码 2。
fleet-file-unreadable = 无法读取目标文件 { $file }：{ $error }
fleet-file-not-toml = 目标文件 { $file } 不是合法的 TOML（第 { $line } 行第 { $column } 列）：{ $error }
fleet-file-unknown-section = 目标文件 { $file } 中有顶层键 `{ $key }`；只允许 [defaults] 和 [[targets]]（每个目标是一个 [[targets]] 表，注意是两层方括号）
fleet-file-defaults-not-table = 目标文件 { $file } 中的 `defaults` 必须是表：写成 [defaults]，键写在它下面
fleet-file-bad-default = 目标文件 { $file } 的 [defaults] { $key }：{ $problem }
fleet-file-no-targets = 目标文件 { $file } 中没有任何目标：每个实例写一个 [[targets]] 表，包含 name = "…" 和 uri = "mongodb://…"
fleet-file-targets-not-array = 目标文件 { $file } 中的 `targets` 必须是表数组：每个目标写成 [[targets]]（两层方括号）
fleet-file-duplicate-name = 目标文件 { $file } 中有两个目标都叫 "{ $name }"：每个目标的名称必须唯一

## 目标文件中的单个条目：作为该目标的错误报告，其他目标照常检查。
fleet-entry-error = { $file }：目标 "{ $target }"：{ $problem }
fleet-entry-error-key = { $file }：目标 "{ $target }" 的键 `{ $key }`：{ $problem }
fleet-entry-error-display = { $message } —— { $hint }
fleet-entry-not-table = `targets` 中的这一项不是表
fleet-entry-not-table-hint = 每个目标写成一个 [[targets]] 表，包含 name = "…" 和 uri = "mongodb://…"
fleet-entry-no-name = 该目标没有名称
fleet-entry-no-name-hint = 为每个 [[targets]] 表写一个唯一且非空的 name = "…"
fleet-entry-no-uri = 该目标没有连接串
fleet-entry-uri-not-string = 连接串必须是字符串
fleet-entry-no-uri-hint = 为该目标加上 uri = "mongodb://host:port/?tls=true"（密码放在环境变量里，写成 ${"{"}VAR{"}"}）
fleet-entry-not-check = 该条目无法组成 `check` 命令行
fleet-entry-option-hint = 按 `mongotls check --help` 中该选项的说明填写取值
fleet-default-per-target = `{ $key }` 应写在每个目标里，不能写在 [defaults] 中
fleet-key-run-wide = `{ $key }` 作用于整次运行，不能针对单个目标设置
fleet-key-run-wide-hint = 请在命令行上指定：mongotls check --targets FILE --{ $key }
fleet-key-unknown = `{ $key }` 不是 `mongotls check` 的选项
fleet-key-unknown-hint = 使用 `mongotls check` 选项的长名称，- 或 _ 均可（timeout = "5s"、no_driver = true）；完整列表见 `mongotls check --help`
fleet-key-twice = `{ $key }` 写了两次（一次用 -，一次用 _）
fleet-key-twice-hint = 两种写法只保留一种
fleet-value-flag = `{ $key }` 是开关选项：只能写 true 或 false
fleet-value-one = `{ $key }` 只接受一个值，不能写成列表
fleet-value-not-text = `{ $key }` 必须是字符串或数字
fleet-value-interpolated-refused = `{ $key }` 的值（`{ $raw }`，替换环境变量之后）被 { $flag } 拒绝；出于安全考虑不显示实际取值
fleet-var-unset = `{ $key }` 中用到的环境变量 { $var } 没有设置
fleet-var-unset-hint = 在本次运行的环境中设置 { $name }；如果要写字面的 ${"{"}，请写成 $${"{"}
fleet-var-unterminated = `{ $key }` 中的 ${"{"} 缺少配对的 {"}"}
fleet-var-bad-name = `{ $key }` 中的 ${"{"}{ $name }{"}"} 不是合法的变量名
fleet-var-syntax-hint = 写成 ${"{"}NAME{"}"}（字母、数字和 _），字面的 ${"{"} 请写成 $${"{"}
