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
