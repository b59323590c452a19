# 简体中文：driver。与 en/driver.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## check 的驱动阶段。{ $error } 是驱动自己的原文（已去除密钥），不翻译。
## 以 {" "} 开头的消息是接在另一句之后的句子（中文不需要空格）。

driver-what-options-refused = 驱动拒绝了这些选项
driver-what-ping-failed = 驱动无法执行 ping
driver-stage-failed-message = 驱动阶段：{ $what }：{ $error }
driver-options-rejected-hint = 使用 Rust 驱动的应用同样会拒绝这些选项：请修正连接串或它指定的文件
driver-failed-hint = 使用这个连接串的应用会以同样的方式失败；上面探测的检查项说明了每个成员的情况

driver-trust-ca-file = { $path }（取代驱动内置的根证书）
driver-trust-builtin-roots = 驱动内置的 Mozilla 根证书（webpki-roots），不是系统证书库
driver-trust-none = 无：连接串没有要求 TLS，驱动以明文连接

driver-server-removed = 驱动已将它移出拓扑：它的副本集名称或角色与连接串不符
driver-no-server = 一个服务器也没有
driver-every-server-failed = 所有服务器都失败了
driver-all-failed-message = 驱动阶段：没有可用于 ping 的服务器，所有服务器都失败了：{ $errors }
driver-all-failed-error = 没有可选的服务器：{ $errors }
driver-no-primary-message = 驱动阶段：没有可用于 ping 的服务器：读偏好（read preference）要求主节点，但这些服务器都不是主节点：{ $servers }
driver-no-primary-error = 没有主节点：{ $servers }
driver-hopeless-hint = 使用这个连接串的应用无法连接：探测对每个成员和整个副本集的检查项说明了问题所在
driver-selection-failed-message = 驱动阶段：没有可用于 ping 的服务器：{ $details }
driver-selection-saw = { $error } 驱动看到的服务器：{ $servers }
driver-selection-failed-hint = 使用这个连接串的应用无法连接：请先解决上面各服务器的错误（探测对每个成员的检查项说明了问题所在）

driver-mechanism-unavailable-message = 驱动阶段：认证机制不可用：{ $error }
driver-mechanism-unavailable-hint = 请使用服务器为该用户提供的认证机制（authMechanism=SCRAM-SHA-256 或 SCRAM-SHA-1；MONGODB-X509 需要客户端证书），或用该机制重新创建用户
driver-auth-failed-message = 驱动阶段：认证失败：{ $error }
driver-auth-failed-hint = 请检查用户名、密码和 authSource（创建该用户时所在的数据库）；服务器不会指出是哪一项错了

driver-no-answer-within = 驱动在 { $duration } 内没有结果
driver-deadline-message = 驱动阶段：{ $error }（受整个运行的截止时间或 --timeout 的三倍限制）
driver-deadline-hint = 调大 --deadline 或 --timeout，或用 --no-driver 跳过这一阶段

## driver.verdict_differs

driver-invalid-hostnames-message = 连接串设置了 tlsAllowInvalidHostnames，而基于 rustls 的 Rust 驱动没有这个功能：使用 Rust 驱动的应用在连接前就会拒绝这个连接串，而基于 OpenSSL 的驱动、Node.js、Go 和 Java 会照此设置连接（不校验主机名）
driver-invalid-hostnames-hint = 删除 tlsAllowInvalidHostnames，并修正证书中的名称（探测的检查项列出了每个成员的证书包含哪些名称）
driver-no-error-given = 未给出错误
driver-differs-message = 探测认为每个成员都可用，但 Rust 驱动无法连接（{ $error }）。使用 Rust 驱动的应用会失败；使用其他驱动的应用可能可以连接。
driver-differs-message-hostnames = 探测认为每个成员都可用，但 Rust 驱动无法连接（{ $error }）。连接串要求客户端忽略主机名（tlsAllowInvalidHostnames 或 tlsInsecure），基于 rustls 的 Rust 驱动做不到：基于 OpenSSL 的驱动、Java、Go 和 Node.js 会照此设置连接。使用 Rust 驱动的应用会失败；使用其他驱动的应用可能可以连接。
driver-differs-hint = 请阅读上面驱动的错误；为 Rust 驱动修正连接串，或删除它无法支持的选项
driver-connected-despite-message = Rust 驱动已连接并执行了 ping，但探测发现了 { $count } 个失败项（{ $codes }）。{ $rustls }{ $who }
driver-rustls-accepts = Rust 驱动（rustls）接受其中一部分；其他驱动不接受。
driver-one-server-enough = 驱动执行 ping 只需要一个合适的服务器：当有这些问题的成员成为主节点或被读取时，应用就会失败。
driver-refusing-clients = 会拒绝探测所发现问题的客户端：{ $clients }。
driver-connected-despite-hint = 驱动连接成功并不能证明没有问题：请修正探测发现的每一个失败项

## 客户端类别（检查项的 `clients`），driver.verdict_differs 中的叫法。

driver-family-openssl = 基于 OpenSSL 的驱动（PyMongo、C、C++、PHP、Ruby）
driver-family-node = Node.js 和 mongosh
driver-family-rustls = Rust 驱动
driver-family-go = Go 驱动和数据库工具
driver-family-java = Java 驱动
driver-family-other = 其他客户端
driver-selection-explained-hint = 原因见上面各成员和副本集的检查项：解决这些问题后，驱动即可连接
