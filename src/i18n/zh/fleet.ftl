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

## `mongotls check --help` 的中文（src/cli/help_zh.rs）。
fleet-help-targets = 并发检查这个 TOML 文件中的所有实例，代替单个 URI：每个实例一个 [[targets]] 表（name、uri、ca，以及 check 的任意选项，用长选项名），可选的 [defaults] 表放公共选项；${"{"}VAR{"}"} 从环境变量读取
fleet-help-concurrency = 与 --targets 一起使用：同时检查的目标数上限（1 到 256，默认 8；每个目标内部的成员并发仍由它自己的 --max-connections 限制）
fleet-usage-no-uri = 请给出要检查的连接串，或者使用 --targets FILE

## 文本报告（src/report/text/fleet.rs）。
fleet-text-title = 批量检查
fleet-text-heading = { $title }：{ $file } · { $count } 个目标 · 并发 { $concurrency } · { $duration }
fleet-text-col-target = 目标
fleet-text-col-verdict = 结论
fleet-text-col-members = 正常成员
fleet-text-col-earliest = 最早到期
fleet-text-col-days = 剩余天数
fleet-text-col-problem = 首个问题
fleet-text-member-finding = { $address }：{ $message }
fleet-text-target = == { $name }：{ $verdict }
fleet-text-summary = { $title }：{ $count } 个目标 · 通过 { $pass } 个，有警告 { $warn } 个，失败 { $fail } 个
fleet-text-verdict = 结论：{ $verdict }（{ $count } 个目标中 { $failing } 个失败，{ $warning } 个有警告）

## 无法检查某个目标的原因（src/commands/fleet/mod.rs）。
fleet-target-input-hint = 请修正该目标引用的文件或环境变量；其他目标已照常检查
fleet-target-stopped = { $file }：目标 "{ $target }"：检查意外中止
fleet-target-stopped-hint = 单独对这个目标运行 `mongotls check`，查看具体情况

## stderr 上的实时进度（src/commands/fleet/progress.rs）。
fleet-progress = 已检查 { $done }/{ $count } 个目标 · { $failing } 个失败
fleet-usage-concurrency-without-targets = --concurrency 是同时检查的目标数，只能与 --targets FILE 一起使用（单次检查请用 --max-connections 限制成员并发）
fleet-tip-option-in-targets-file = 使用 --targets 时，各次检查的选项写在目标文件里：对所有目标生效的写在 [defaults] 中，只对某个目标生效的写在该目标下（timeout = "5s"、no_driver = true）
