# 简体中文：progress。与 en/progress.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

# check 与 demo 在 stderr 上的实时状态行（src/commands/check/progress.rs）。
progress-srv-label = SRV
progress-srv-looking-up = 正在查询 { $name }
progress-srv-found = 找到 { $count } 个主机
progress-srv-failed = 查询失败
progress-member-queued = 等待开始
progress-phase-dns = DNS
progress-phase-tcp = TCP
progress-phase-tls = TLS
progress-phase-mongo = hello/ping
progress-phase-plaintext = 明文探测
progress-member-passed = 通过
progress-member-warned = 通过，{ $count } 个警告
progress-member-more = （另有 { $count } 项失败）
progress-cause-dns = 域名无法解析
progress-cause-refused = 连接被拒绝
progress-cause-connect-timeout = 连接超时（{ $after }）
progress-cause-connect-failed = TCP 连接失败
progress-cause-deadline = 已到 --deadline，检查被中断
progress-cause-silent = { $after } 内没有任何响应
progress-cause-tls-timeout = TLS 握手超时（{ $after }）
progress-cause-tls-failed = TLS 握手失败
progress-cause-tls-not-enabled = 未开启 TLS
progress-cause-client-cert-required = 服务器要求客户端证书
progress-cause-client-cert-rejected = 客户端证书被拒绝
progress-cause-hello-failed = TLS 连接上没有 MongoDB 响应
progress-driver-label = 驱动
progress-driver-running = 正在用官方驱动连接（选择服务器、ping）
progress-driver-passed = 驱动连接成功
progress-driver-failed = 驱动无法连接
