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
