# 简体中文：wait。与 en/wait.ftl 一一对应（同一 id、同样的占位符）。

# --expect-fingerprint 的取值（src/wait/timeline.rs）。
wait-fingerprint-bad-character = “{ $character }”不是十六进制数字：请给出 64 位十六进制的 SHA-256 指纹，带不带冒号均可（即 `openssl x509 -noout -fingerprint -sha256` 输出的格式）
wait-fingerprint-bad-length = 给出了 { $digits } 位十六进制数字，而 SHA-256 指纹应为 64 位：请按 `openssl x509 -noout -fingerprint -sha256` 的输出填写，带不带冒号均可

# 检查项（src/wait/mod.rs）。
wait-timeout-down = { $address } 没有恢复：自 { $since } 起一直无响应（已 { $ago }）
wait-timeout-down-hint = 该成员在 --timeout 内没有恢复。请在控制台查看实例状态（开通SSL或更新证书后，各成员会依次重启，每个成员需要几分钟）；恢复后可用 `mongotls check` 检查它，或加大 --timeout 再等一次。
wait-timeout-failing = { $address } 有响应但检查仍未通过（{ $codes }），自 { $since } 起（已 { $ago }）
wait-timeout-failing-hint = 该成员已启动，但客户端会拒绝连接，原因见检查项代码；对同一连接串运行 `mongotls check` 可看到每一项的说明和处理建议。
wait-timeout-no-round = { $after } 内没有完成任何一轮探测：对所有成员一无所知
wait-timeout-no-round-hint = 请把 --timeout 设得至少够一轮探测（每个探测阶段受 --probe-timeout 限制），或确认成员的主机名能解析、端口从本机可达。
wait-cert-unchanged = { $address } 检查通过，但出示的仍是开始时的证书（{ $fingerprint }，有效期至 { $not_after }）
wait-cert-unchanged-hint = 该成员重启后（或根本没有重启）没有换上新证书：请在控制台 数据安全性 > SSL 确认更新证书已完成，然后再等一次。
wait-cert-not-expected = { $address } 出示的证书是 { $fingerprint }（有效期至 { $not_after }），不是期望的证书
wait-cert-not-expected-hint = 请与期望的证书核对（对它运行 `mongotls ca` 或 `openssl x509 -noout -fingerprint -sha256 -enddate`）；该成员可能尚未重启，或用的是另一张证书。
wait-no-certificate = { $address } 未启用 TLS：没有证书可以比对
wait-no-certificate-hint = 该成员（尚）未启用 TLS：请在控制台 数据安全性 > SSL 开通SSL，然后再等一次。
wait-interrupted = 在 { $after } 后被中断；当时尚未就绪：{ $members }
wait-interrupted-hint = 报告列出了中断前观察到的情况；再次运行 `mongotls wait` 可以继续跟踪。

# 文本报告（src/report/text/wait.rs）。
wait-label-waited = 等待
wait-header-waited = 自 { $since } 起共 { $duration }，{ $rounds } 轮：{ $ending }
wait-ending-done = 所有成员均已就绪
wait-ending-timed-out = 已达到 --timeout
wait-ending-interrupted = 被中断
wait-label-expected = 期望
wait-expect-pass = 所有成员检查通过
wait-expect-new-cert = 所有成员检查通过，且证书已不是开始时的那张
wait-expect-fingerprint = 所有成员检查通过，且证书为 { $fingerprint }
wait-expect-not-after = 所有成员检查通过，且证书有效期晚于 { $date }
wait-member-downtime = 不可用时长 { $downtime }
wait-event-seen = 首次探测
wait-event-went-away = 失去响应
wait-event-came-back = 恢复响应
wait-event-started-failing = 转为异常
wait-event-recovered = 恢复正常
wait-event-cert-changed = 证书已更换
wait-state-up = 正常
wait-state-down = 无响应
wait-state-failing = 异常
wait-event-leaf = { $fingerprint }，有效期至 { $not_after }
wait-event-primary = 主节点
wait-certificate = { $fingerprint }（有效期至 { $not_after }）
wait-certificate-none = 未见到
wait-member-certificate-same = 证书：{ $certificate }（未更换）
wait-member-certificate-changed = 证书：{ $initial } → { $last }
wait-primary-title = 主节点切换
wait-primary-change = { $at }  { $from } → { $to }

# JUnit（src/report/junit.rs）。
wait-junit-downtime = 不可用时长 { $downtime }

# stderr 上的实时状态（src/commands/wait/live.rs）。
wait-live-first-round = 第一轮探测完成：{ $members } 个成员，{ $ready } 个就绪
wait-live-event = { $address }：{ $event }（{ $details }）
wait-live-primary-change = 主节点：{ $from } → { $to }
wait-live-ready = 就绪
wait-live-not-ready = 未就绪
wait-live-done = { $after } 后所有成员均已就绪
wait-live-timed-out = 已等待 { $after }，达到 --timeout

# `mongotls wait --help`（src/cli/help_zh.rs）。
wait-help-about = 跟踪滚动重启（开通SSL、更新证书之后）：轮询每个成员，直到每个成员重新通过检查（如有要求，还须换上新证书）；报告每个成员的停机时长和证书
wait-help-uri = 连接串，例如 mongodb://host1:3717,host2:3717/admin?replicaSet=mgset-123&tls=true（不需要密码：只用到 TLS 和 `hello`）
wait-help-ca = 客户端信任的 CA 证书文件（覆盖 URI 中的 tlsCAFile；可重复指定多个文件）。既没有它也没有 tlsCAFile 时，以系统信任库判断证书链
wait-help-timeout = 最多等待这么久（最长 24h）：到时以退出码 1 结束，并报告仍有问题的地方
wait-help-interval = 相邻两轮探测开始时间的间隔（最长 5m）
wait-help-probe-timeout = 单个成员探测中每个网络阶段（TCP、TLS、每条命令）的超时时间（最长 5m）：超时未响应的成员在该轮记为无响应
wait-help-expect-new-cert = 还要等到每个成员出示的服务器证书与首次探测时不同（开始时就无响应的成员，恢复后即视为已换证书）
wait-help-expect-fingerprint = 还要等到每个成员出示 SHA-256 指纹为该值的服务器证书（64 位十六进制，带不带冒号、大小写均可）
wait-help-expect-not-after-later-than = 还要等到每个成员出示的服务器证书有效期晚于该时间（RFC 3339 格式，或一个日期）
wait-help-no-discover = 只轮询种子地址，不根据 `hello` 的结果继续轮询其他成员
wait-help-no-progress = 不在 stderr 上显示实时状态（终端上每个成员一行，否则每个事件一行带时间戳的记录）
wait-help-strict = 有警告也以退出码 1 结束；被 --strict 升级为失败的警告（`lint.*` 检查项）会使该成员不算通过
wait-help-value-format-text = 每个成员的时间线和停机时长、检查项，最后一行结论
wait-help-value-format-json = 一个 JSON 对象（格式约定见 README）
wait-help-value-format-junit = JUnit XML：每个成员一个测试用例
wait-help-example-follow = 更新证书之后（数据安全性 > SSL > 更新证书）：跟踪各成员重启，直到全部恢复
