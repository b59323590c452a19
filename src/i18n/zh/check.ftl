# 简体中文：check。与 en/check.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## 网络错误（src/net/mod.rs）：探测的某一阶段，检查项会引用这些文字。
check-net-dns-failed = 解析 { $host } 失败：{ $detail }
check-net-dns-empty = 解析 { $host } 没有得到任何地址
check-net-dns-timeout = 解析 { $host } 在 { $after } 内没有完成
check-net-connect-refused = 连接 { $addr } 被拒绝
check-net-connect-timeout = 与 { $addr } 的 TCP 连接在 { $after } 内没有建立
check-net-connect-failed = 与 { $addr } 的 TCP 连接失败：{ $detail }
check-net-tls-timeout = TLS 握手在 { $after } 内没有完成
check-net-tls-failed = TLS 握手失败：{ $failure }
check-net-tls-alert = 服务器发来了 TLS 告警 { $alert }
check-net-tls-closed = 服务器在握手过程中关闭了连接（{ $detail }）
check-net-tls-not-tls = 服务器的应答不是 TLS（{ $detail }）
check-net-tls-config = 无法建立 TLS 客户端配置：{ $detail }
check-net-no-address = （没有地址）
check-net-end-of-stream = 连接已结束
check-net-connection-reset = 连接被重置

## DNS（src/net/dns.rs）。$server 为 check-dns-server 或 check-dns-system-resolver；$kind 为 SRV、TXT 或 A/AAAA。
check-dns-server = DNS 服务器 { $server }
check-dns-system-resolver = 系统解析器
check-dns-no-records = { $server }回答：{ $name } 没有 { $kind } 记录
check-dns-no-records-nxdomain = { $server }回答：{ $name } 没有 { $kind } 记录（该域名不存在：NXDOMAIN）
check-dns-timeout = { $server }没有在 { $after } 内回答 { $name } 的 { $kind } 查询
check-dns-failed = 通过{ $server }查询 { $name } 的 { $kind } 记录失败：{ $detail }
check-dns-no-configuration = 无法读取系统的 DNS 配置：{ $detail }；请用 --dns-server HOST:PORT 指定 DNS 服务器
check-dns-refused = 服务器拒绝了查询（REFUSED）
check-dns-servfail = 服务器未能应答（SERVFAIL）
check-dns-response-code = 服务器返回了错误 { $code }
check-dns-no-answer = 没有及时应答
check-dns-network-error = 网络错误：{ $error }
check-dns-no-connection = 无法连接到该服务器

## 单个成员的探测（src/probe.rs）。
check-member-error = { $address }：{ $error }
check-step-dns = 域名解析
check-step-tcp = TCP 连接
check-step-tls = TLS 握手
check-step-hello = MongoDB 握手（hello）
check-step-ping = ping
check-step-build-info = buildInfo
check-step-plaintext = 明文探测
check-deadline-before-phase = { $address }：本次运行的时限（开始后 { $budget }）在{ $phase }开始之前就已用完，这个成员没有检查完整
check-deadline-during-phase = { $address }：本次运行的时限（开始后 { $budget }）在{ $phase }期间用完，该阶段剩余时间已不足 --timeout，这个成员没有检查完整
check-deadline-stalled-hint = 有成员卡住，耗尽了本次运行的时间：请看这个成员的其他检查项；调大 --deadline，或调小 --timeout，避免一个卡住的阶段用掉全部时间
check-deadline-abandoned = { $address }：本次运行的时限（开始后 { $budget }）已到，已放弃对这个成员的探测
check-deadline-abandoned-hint = 调大 --deadline，或调小 --timeout，避免一个卡住的阶段用掉全部时间
check-dns-failed-hint = 检查连接串中的主机名；托管实例请使用控制台上的连接串，并确认本机的 DNS 能解析它（私网地址只能在实例所在的专有网络 VPC 内解析）
check-invalid-name-hint = 修正副本集配置（rs.conf()）或连接串中这个成员的主机名
check-connect-refused-hint = 该端口上没有服务在监听：检查端口（阿里云 MongoDB 使用 3717，MongoDB 默认端口为 27017）以及成员是否在运行；在控制台修改 SSL 设置时，成员会逐个重启
check-connect-timeout-hint = 完全没有响应：通常是防火墙、安全组或 IP 白名单所致；托管实例请在控制台 数据安全性 > 白名单设置 中加入本机的 IP 地址，并确认本机与实例在同一专有网络 VPC 内（或使用公网连接地址）
check-connect-failed-hint = 检查从本机到该成员的网络路由
check-cert-unparsable = { $address }：服务器出示的第 #{ $index } 张证书无法解析：{ $error }
check-cert-unparsable-hint = 服务器的证书文件已损坏，请用签发的证书重新生成
check-hello-failed = { $address }：通过 TLS 进行的 MongoDB 握手（hello）失败：{ $error }
check-hello-failed-hint = TLS 正常，但服务器没有以 MongoDB 的方式应答：确认这个端口上是 mongod/mongos，而不是其他服务
check-ping-failed = { $address }：通过 TLS 执行 ping 失败：{ $error }
check-ping-failed-hint = 服务器接受了握手，但不接受命令；请查看服务器日志
check-build-info-unavailable = { $address }：buildInfo 没有得到应答（{ $error }），服务器版本未知
check-build-info-unavailable-hint = 有些部署要求认证后才能执行 buildInfo；与 TLS 无关，无需处理
check-tls-not-enabled = { $address }：这个地址没有开启 TLS：它以明文方式应答 MongoDB 请求，而 TLS 握手失败（{ $error }）
check-tls-not-enabled-hint = 为实例开启 SSL（托管实例：在控制台 数据安全性 > SSL 中点击 开通SSL，实例会重启一次，建议在业务低峰期操作；自建实例：把 net.tls.mode 设为 allowTLS/preferTLS/requireTLS 并配置 certificateKeyFile）；如果本就打算使用明文连接，请从连接串中去掉 tls=true
check-plaintext-accepted = { $address }：TLS 端口仍然接受明文连接
check-plaintext-accepted-hint = 开通 SSL 后，在强制使用 SSL 之前，成员同时接受 TLS 和明文连接：待所有客户端都改用 TLS 后，再强制使用 SSL（net.tls.mode requireTLS）
check-plaintext-answered = 服务器应答了明文 hello
check-plaintext-closed = 该成员拒绝明文连接，这正是强制 TLS（requireTLS）时应有的表现：它未作应答就关闭了连接
check-plaintext-refused = 明文连接被拒绝：{ $error }
check-plaintext-timed-out = 明文 hello 在 { $after } 内没有得到应答：这并不能证明明文连接被拒绝
check-plaintext-no-connection = 无法建立第二个 TCP 连接：{ $error }
check-tls-timeout-hint = 服务器接受了 TCP 连接，但没有完成 TLS 握手：确认这个端口提供的是启用了 TLS 的 MongoDB 服务，并检查网络路径（不转发 TLS 的代理或负载均衡）
check-client-cert-required-alert = { $address }：服务器要求客户端证书，但没有提供（服务器发来了 TLS 告警 { $alert }）
check-client-cert-required = { $address }：服务器要求客户端证书，但没有提供（{ $error }）
check-client-cert-required-hint = 用 --client-cert client.pem（或在连接串中加 tlsCertificateKeyFile=client.pem）提供客户端证书及其私钥；服务器（net.tls.mode 配置了 CAFile，且 allowConnectionsWithoutCertificates 为 false）不接受没有客户端证书的连接
check-client-cert-rejected-alert = { $address }：服务器以 TLS 告警 { $alert } 拒绝了客户端证书：{ $meaning }
check-client-cert-rejected-alert-hint = 对比客户端证书的签发者与服务器用来信任客户端的 CA 文件（net.tls.CAFile 或 net.tls.clusterCAFile）；检查证书的有效期、扩展密钥用法（clientAuth）以及私钥是否与证书匹配——见“客户端证书”一节
check-client-cert-rejected-closed = { $address }：{ $error }，没有告警，发生在服务器索要并收到客户端证书之后：它很可能拒绝了这张证书
check-client-cert-rejected-closed-hint = 对比客户端证书的签发者与服务器用来信任客户端的 CA 文件（net.tls.CAFile 或 net.tls.clusterCAFile）；检查证书的有效期、扩展密钥用法（clientAuth）以及私钥是否与证书匹配；服务器日志会写明原因
check-tls-closed = { $address }：{ $error }；没有开启 TLS 的服务器收到 TLS ClientHello 时会这样，不接受本客户端的 TLS 版本或加密套件而又不发告警的服务器也会这样
check-tls-closed-hint = 确认实例已开启 SSL（控制台 数据安全性 > SSL），并允许 TLS 1.2 或 1.3；客户端在这种情况下看到的是 "EOF" 或 "connection reset"
check-tls-failed-hint = 对比服务器允许的 TLS 版本和加密套件与客户端支持的（TLS 1.2 或 1.3）
check-tls-closed-after-handshake = 握手后第一次读取时：{ $error }
check-alert-certificate-required = 服务器不接受没有客户端证书的连接
check-alert-bad-certificate = 证书已损坏，或其对握手的签名未通过验证（私钥与证书不匹配）
check-alert-unknown-ca = 这张证书不是服务器信任的客户端 CA（net.tls.CAFile / clusterCAFile）签发的：它来自另一个 CA，或文件中缺少中间证书
check-alert-certificate-expired = 按服务器的时钟，证书已过期或尚未生效
check-alert-unsupported-certificate = 服务器无法使用这种证书：通常是扩展密钥用法中没有 clientAuth，或密钥类型不受支持
check-alert-certificate-revoked = 证书在服务器的吊销列表中（net.tls.CRLFile）
check-alert-certificate-unknown = 服务器拒绝了证书，但没有说明原因（用途或策略检查）
check-alert-access-denied = 证书有效，但不允许这个客户端接入
check-alert-decrypt-error = 客户端的签名未通过验证：私钥与证书不匹配
check-alert-handshake-failure = 服务器放弃了握手；提供了客户端证书时，这通常表示它不接受这张证书
check-alert-illegal-parameter = 服务器认为客户端握手中的某个字段无效（常见原因是证书的签名算法）
check-alert-other = 客户端出示证书后，服务器结束了握手

## 副本集整体（src/check.rs）。
check-member-name-invalid = 副本集配置中的成员 '{ $name }' 不是 host:port 形式的地址（{ $error }）
check-member-name-invalid-hint = 修正副本集配置（rs.conf()）中这个成员的主机名
check-discovery-capped = 成员列出了超过 { $max } 个主机，只探测了前 { $max } 个
check-discovery-capped-hint = 一个副本集最多 50 个成员：列出更多主机的服务器行为异常；可用 --no-discover 只检查种子地址
check-deadline-members-not-probed = 本次运行的时限（开始后 { $budget }）已到，副本集配置中的 { $count } 个成员未能探测：{ $members }
check-deadline-members-not-probed-hint = 调大 --deadline，或调小 --timeout，避免卡住的成员用掉全部时间
check-list-and-more = { $list } 等，另有 { $more } 个
check-not-a-replica-set = 该部署不是副本集（没有成员报告 setName）
check-not-a-replica-set-hint = 托管服务只在副本集实例上提供 SSL（较新版本也支持分片集群）；单节点实例无法在控制台开通SSL
check-set-names-differ = 成员报告的副本集名称不一致：{ $names }
check-set-names-differ-hint = 种子地址混入了不同副本集的成员；请使用同一个实例的连接串
check-set-name-mismatch = 连接串要求 replicaSet={ $want }，但成员报告的 setName 是 { $got }
check-set-name-mismatch-hint = 驱动找不到 '{ $want }' 的成员，会一直等到超时：请改用 replicaSet={ $got }
check-no-primary = 没有成员报告自己是主节点
check-no-primary-hint = 选出主节点之前写入都会失败：请等待选举完成（修改 SSL 设置后的重启，每个成员约需 30 秒），或检查成员的健康状态
check-member-silent = 成员 { $address } 接受了连接，但始终没有应答（见其检查项）
check-member-unreachable = 无法连接成员 { $address }（见其检查项）
check-member-unreachable-others-hint = 客户端仍可使用其他成员，但这个成员已宕机或被阻断
check-member-unreachable-only-hint = 没有其他已知成员，在这个成员恢复应答之前客户端完全无法连接：确认它在运行、端口正确（阿里云 MongoDB 使用 3717），以及本机能够访问它（控制台 数据安全性 > 白名单设置 中已加入本机 IP，且与实例在同一专有网络 VPC 内）
check-member-unreachable-none-hint = 没有任何成员应答，客户端从本机完全无法连接：通常是本机 IP 不在实例的白名单中（控制台 数据安全性 > 白名单设置），或本机不在实例所在的专有网络 VPC 内，或端口错误（阿里云 MongoDB 使用 3717）
check-seed-not-member = 种子地址 { $seed } 不在副本集配置中，配置中的成员是 { $members }
check-seed-not-member-hint = 驱动会丢弃这个种子地址，转而连接配置中的名称：证书必须覆盖这些名称，连接串也应使用这些名称
check-key-id-absent = 无
check-issuer-with-key-id = { $issuer }（授权密钥标识 { $key_id }）
check-issuers-differ = 各成员出示的证书来自不同的签发者：{ $groups }
check-issuers-differ-hint = 证书正在轮换，或有成员被遗漏：每个成员都必须能通过客户端使用的 CA 证书文件得到信任
check-expiry-spread = 各成员证书的到期时间最多相差 { $days } 天：{ $groups }
check-expiry-spread-hint = 上次更新证书时遗漏了某个成员：请为它更新证书，让所有成员同时到期
check-group-on-members = { $what }（{ $members }）
check-mixed-tls-modes = 各成员的 TLS 模式不同：{ $groups }
check-mixed-tls-modes-hint = SSL 设置的变更仍在各成员间滚动生效（成员逐个重启），或有成员是手工配置的：请把它们调整为同一模式
check-srv-no-records = { $error }：客户端找不到这个 mongodb+srv:// 连接串的任何主机
check-srv-no-records-hint = 检查 mongodb+srv:// 之后的主机名（请从控制台复制连接串），并确认本机查询的 DNS 中存在该 SRV 记录（dig SRV { $name }{ $dig_server }）；私网域名只能在其所在网络内解析：在那里用 --dns-server 指定解析器
check-srv-lookup-failed = { $error }：这个 mongodb+srv:// 连接串的主机未知，因此没有探测任何成员
check-srv-lookup-failed-hint = 确认 DNS 服务器有应答（dig SRV { $name }{ $dig_server }），且 53 端口（UDP 和 TCP）没有被阻断；在分离 DNS 的环境中用 --dns-server IP:PORT 指定能解析该名称的解析器，或使用列出各主机的 mongodb:// 连接串
check-srv-invalid-target = SRV 记录 { $name } 列出了 { $target }，客户端会拒绝它：{ $reason }；没有探测它
check-srv-invalid-target-hint = 驱动拒绝父域之外的 SRV 目标（很多驱动会拒绝整个连接串）：让 SRV 记录指向 { $host } 域内的名称，或改用列出各主机的 mongodb:// 连接串
check-srv-txt-invalid = { $host } 的 TXT 记录：{ $reason }
check-srv-txt-invalid-hint = 在 { $host } 上只保留一条 TXT 记录，且只设置 authSource、replicaSet 和 loadBalanced（dig TXT { $host }{ $dig_server }）；其他选项都放进连接串

## 本次运行自身的检查项（src/commands/check.rs）。
check-system-store = 没有指定 CA 证书文件（--ca 或 tlsCAFile）：证书链按系统信任库判断，共 { $roots } 个根证书
check-system-store-unreadable = ；其中 { $count } 项无法作为证书读取，未使用
check-system-store-not-read = ；未能读取：{ $errors }
check-system-store-hint = 托管服务的私有 CA 不在系统信任库中：请用 --ca FILE 指定从控制台（数据安全性 > SSL，下载证书）下载的 CA 证书
check-driver-resolves-srv = SRV、TXT 记录和各成员的地址
check-driver-resolves-members = 各成员的地址
check-driver-skipped-dns-server = --dns-server { $server }：驱动通过系统解析器解析{ $what }，无法改用其他 DNS 服务器，因此它的结果并不代表本次运行；请在系统解析器能解析这些名称的地方不带 --dns-server 运行
check-driver-deadline = 本次运行的时限（开始后 { $budget }）在驱动阶段之前已到
check-driver-deadline-hint = 调大 --deadline，或用 --no-driver 跳过驱动阶段
check-insecure-option = 已启用 { $option }：这样配置的客户端会接受本应拒绝的证书
check-insecure-option-hint = 证书配置正确后请去掉它；mongotls 仍会在下面报告每一个证书问题
check-uri-without-tls = 连接串没有要求 TLS（没有 tls=true）：使用它的客户端以明文连接；mongotls 仍会探测 TLS
check-uri-without-tls-hint = 在应用使用的连接串中加上 tls=true（以及 tlsCAFile=...）
check-unknown-option-hint = 对照 MongoDB 连接串选项检查它的拼写
check-uri-warning-hint = 参见 MongoDB 连接串文档
