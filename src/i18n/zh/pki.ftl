# 简体中文：pki。与 en/pki.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## verify/checks.rs：逐一检查路径上的每张证书

pki-chain-order = 证书链的发送顺序不是先服务器证书、再逐级发送签发者证书；路径按 { $order } 的顺序使用了服务器发来的证书
pki-chain-order-hint = TLS 1.2（RFC 5246）要求这一顺序；现有客户端也能容忍其他顺序，但请在服务器的 PEM 文件中先放服务器证书，再依次放其签发者证书
pki-pinned-leaf = 服务器证书 { $name } 受信任只是因为 CA 证书文件中恰好包含这张证书本身（固定证书），而不是通过 CA 签发
pki-pinned-leaf-hint = 固定证书只在证书更新之前有效；建议使用由 CA 签发的证书，并把该 CA 放入 CA 证书文件
pki-self-signed-leaf = 服务器证书 { $name } 是自签名证书，而 CA 证书文件中没有它（CA 证书文件包含 { $held }）
pki-self-signed-leaf-hint = 请由 CA 签发服务器证书并把该 CA 放入 CA 证书文件；或者（仅限测试环境）把这张证书本身放入 CA 证书文件
pki-root-not-in-ca-file = 服务器的证书链止于根证书 { $name }（SHA-256 { $fingerprint }），而 CA 证书文件中没有它（CA 证书文件包含 { $held }）：CA 证书文件很可能用错了
pki-root-not-in-ca-file-hint = 请在本实例的控制台（数据安全性 > SSL > 下载证书）重新下载 CA 证书（即服务器证书链所止的那张），并传入该文件
pki-bad-signature = { $name } 的签名无法用其签发者 { $issuer } 的公钥验证（名称相同，密钥标识符也一致）：证书被篡改或签发有误
pki-bad-signature-hint = 请由 CA 重新签发该证书；签名验证不通过的证书不会被任何客户端接受
pki-issuer-other-key-in-ca-file = { $name } 由 "{ $issuer }" 签发（authority key id { $aki }），CA 证书文件中有一张同名证书，但其公钥无法验证它（subject key id { $ski }）：那是另一个实例的 CA，或是证书更新之前的 CA
pki-issuer-other-key-in-chain = { $name } 由 "{ $issuer }" 签发（authority key id { $aki }），服务器发来的证书链中有一张同名证书，但其公钥无法验证它（subject key id { $ski }）：那是另一个实例的 CA，或是证书更新之前的 CA
pki-issuer-other-key-hint = 请在本实例的控制台（数据安全性 > SSL > 下载证书）重新下载 CA 证书，并传入新文件
pki-key-id-absent = 无
pki-issuer-download-from = ；证书注明其签发者证书可从 { $urls } 下载
pki-issuer-needed = "{ $issuer }"（authority key id { $aki }）
pki-issuer-not-found-leaf-only = 服务器只发送了自己的证书 { $name }；其签发者 { $needed }不在 CA 证书文件中（CA 证书文件包含 { $held }）{ $aia }。要么服务器的证书链不完整（还应发送该中间证书），要么这个 CA 证书文件并不是签发此证书的那一个
pki-issuer-not-found-leaf-only-hint = 如果签发者是中间 CA，请配置服务器在自身证书之后一并发送它（或把它加入 CA 证书文件）；否则请重新下载本实例的 CA 证书（数据安全性 > SSL > 下载证书）
pki-issuer-not-found = 证书链止于 { $name }，其签发者 { $needed }不在 CA 证书文件中（CA 证书文件包含 { $held }）{ $aia }：CA 证书文件很可能用错了，或者服务器的证书链还缺少一张中间证书
pki-issuer-not-found-hint = 请重新下载本实例的 CA 证书（数据安全性 > SSL > 下载证书）并用 --ca 传入；如果 CA 证书文件没有用错，服务器还必须发送缺少的中间证书
pki-ca-file-holds-nothing = 没有证书
pki-ca-file-holds-many = { $count } 张证书，例如 { $names }
pki-leaf-expired = 服务器证书 { $name } 已于 { $not_after } 过期（截至 { $when } 已过期 { $days } 天）
pki-leaf-expired-hint = 请更新服务器证书（控制台：数据安全性 > SSL > 更新证书；实例会重启一次，建议在业务低峰期操作），然后重新下载 CA 证书（下载证书）
pki-anchor-expired = 该证书链所信任的 CA 证书 { $name } 已于 { $not_after } 过期（截至 { $when } 已过期 { $days } 天）
pki-anchor-expired-hint = 请在控制台下载当前的 CA 证书（数据安全性 > SSL > 下载证书）；如果 CA 本身已过期，请更新服务器证书（更新证书），使其由有效的 CA 签发
pki-intermediate-expired = 中间证书 { $name } 已于 { $not_after } 过期（截至 { $when } 已过期 { $days } 天）
pki-intermediate-expired-hint = 服务器必须发送有效的中间证书：请更新服务器证书，或替换服务器 PEM 文件中的中间证书
pki-not-yet-valid = { $name } 在 { $not_before } 之前尚未生效（检查时间 { $when }）
pki-not-yet-valid-hint = 请检查签发证书的机器和本机的时钟；生效时间在未来的证书在此之前会被拒绝
pki-expiring-soon = { $name } 将于 { $not_after } 过期（剩余 { $days } 天，提醒阈值 { $warn_days } 天）
pki-expiring-soon-hint = 请在过期前更新证书（控制台：数据安全性 > SSL > 更新证书，到期前即可更新；SSL证书的有效期为一年；实例会重启一次，建议在业务低峰期操作），然后重新下载 CA 证书（下载证书）
pki-weak-ec-key = { $name } 使用的 EC 密钥所在曲线为 { $curve }（{ $bits } 位）
pki-curve-unknown = 未知曲线
pki-weak-ec-key-hint = 请改用 ECDSA P-256（或 2048 位以上的 RSA）密钥重新签发
pki-unhandled-critical = { $name } 将扩展 { $extensions } 标记为关键（critical），而 OpenSSL 无法处理这些扩展：基于 OpenSSL 的客户端会拒绝整个证书链
pki-unhandled-critical-hint = 请重新签发证书，不要把这些扩展标记为关键
pki-weak-rsa-key = { $name } 的 RSA 密钥只有 { $bits } 位
pki-weak-rsa-key-hint = 请改用至少 2048 位的 RSA 密钥或 ECDSA P-256 密钥重新签发
pki-weak-signature = { $name } 使用 { $algorithm } 签名
pki-weak-signature-hint = 请改用 SHA-256（或更强）的签名算法重新签发
pki-leaf-bad-eku = 服务器证书 { $name } 的用途限定为 [{ $usages }]，不包含 TLS 服务器身份验证（serverAuth）
pki-intermediate-bad-eku = 中间 CA { $name } 的用途限定为 [{ $usages }]，不包含 TLS 服务器身份验证（serverAuth）
pki-bad-eku-hint = 请重新签发并包含 extendedKeyUsage serverAuth（成员之间也用证书相互认证的 MongoDB 部署需要同时包含 serverAuth 和 clientAuth）
pki-ca-as-leaf = 服务器把一张 CA 证书当作自己的证书发送（{ $name } 带有 basicConstraints CA:TRUE）
pki-ca-as-leaf-hint = 请由该 CA 签发一张服务器证书（CA:FALSE），并配置到服务器上
pki-unused-in-ca-file = 服务器发来的证书 #{ $index } { $name } 也在 CA 证书文件中；使用的是 CA 证书文件中的那一份
pki-unused-off-path = 服务器发来的证书 #{ $index } { $name } 不在从服务器证书到 CA 证书文件的路径上
pki-unused-hint = 无害，但服务器的 PEM 文件应只包含其自身证书以及通往 CA 的中间证书

## verify/host.rs：客户端连接时使用的主机名

pki-no-san-cn-fallback = 服务器证书 { $name } 没有 subjectAltName 扩展；只有基于 OpenSSL、Node 和 Java 的客户端会退而使用其通用名称（CN）
pki-no-san = 服务器证书 { $name } 没有 subjectAltName 扩展
pki-no-san-hint = 请重新签发证书，把客户端使用的每个主机名和 IP 地址都写入 subjectAltName
pki-hostname-not-checked = 未检查主机名；证书覆盖的名称为 { $names }
pki-hostname-not-checked-hint = 请用 --host 传入客户端连接时使用的主机名（即连接串中的主机名，或副本集成员名）
pki-host-in-cn-only = 服务器证书只在通用名称（CN）中包含 { $host }，且没有 subjectAltName 扩展：基于 OpenSSL、Node 和 Java 的客户端会接受，rustls（Rust 驱动）和 Go（Go 驱动、数据库工具）会拒绝
pki-host-in-cn-only-hint = 请重新签发证书，加入 subjectAltName DNS:{ $host }（以及客户端使用的其他所有名称）
pki-hostname-mismatch = 服务器证书不包含主机名 { $host }；它覆盖的名称为 { $names }
pki-hostname-mismatch-waived = 服务器证书不包含主机名 { $host }；它覆盖的名称为 { $names }（连接串让客户端忽略这一点：tlsAllowInvalidHostnames）
pki-hostname-mismatch-hint = 请使用证书覆盖的名称连接；如果这是开通 SSL 之后新增的连接地址，证书签发时它还不存在：请更新证书（数据安全性 > SSL > 更新证书；实例会重启一次，建议在业务低峰期操作），使证书包含该地址
pki-covered-no-san = 没有 DNS 或 IP 类型的 subjectAltName
pki-covered-cn = CN={ $cn }（不是 subjectAltName）

## verify/by_webpki.rs：rustls-webpki 自身的判断

pki-anchor-unusable = CA 证书 #{ $index } { $name } 无法被 rustls-webpki 用作信任锚（{ $error }）；Rust 驱动会不加提示地丢弃它
pki-anchor-unusable-hint = 请换成格式正确的 CA 证书副本
pki-webpki-path-missed = 存在一条通往 CA 证书文件的有效路径，但 rustls-webpki（Rust 驱动）找不到它并拒绝了证书链（{ $error }）；自颁发或交叉签名的中间证书会导致这种情况
pki-webpki-path-missed-hint = 请简化服务器发送的证书链（只包含服务器证书和同一条路径上的中间证书），让 Rust 驱动也能验证
pki-webpki-rejects = rustls-webpki（Rust 驱动）拒绝了证书链：{ $error }
pki-webpki-rejects-hint = 请参考 rustls-webpki 的错误；其他客户端可能接受该证书链，但 Rust 驱动不会

## verify/mod.rs

pki-invalid-host = '{ $host }' 既不是 IP 地址，也不是有效的 DNS 名称（只能包含字母、数字、'-' 和 '.'，不带端口）
pki-no-certificate-presented = 服务器没有发送任何证书
pki-no-certificate-presented-hint = 服务器必须发送其证书链

## ca_check.rs：单独检查 CA 证书文件，以及其中证书之间的签发关系

pki-relation-self-signed-root = 自签名根证书
pki-relation-issued-by = 由 #{ $index } 签发
pki-relation-not-in-bundle = 签发者 "{ $issuer }" 不在该证书文件中
pki-relation-issued-by-ca-file = 由 CA 证书文件中的 #{ $index } 签发
pki-relation-in-ca-file = 它本身就在 CA 证书文件中（#{ $index }），因此直接受信任
pki-relation-name-only-in-ca-file = 签发者 "{ $issuer }" 不在证书链中；CA 证书文件中的 #{ $index } 与其同名，但密钥不同
pki-relation-nowhere = 签发者 "{ $issuer }" 既不在证书链中，也不在 CA 证书文件中
pki-relation-and-issued = { $relation }；签发了 { $issued }
pki-input-empty = { $at } 中没有证书
pki-input-parse-error = { $at } 无法作为证书读取：{ $detail }
pki-ca-empty-hint = 请在控制台（数据安全性 > SSL > 下载证书）重新下载 CA 证书；它是一个以 -----BEGIN CERTIFICATE----- 开头的文本文件
pki-ca-parse-error-hint = 文件很可能已损坏（下载不完整、被手工编辑过，或粘贴时丢了行）；请重新下载。注意：Rust 驱动会不加提示地跳过这样的条目
pki-ca-unsupported = { $at }：{ $format }——不是 PEM、DER 或 PKCS#7 格式的证书文件
pki-ca-private-key = { $at } 是私钥（{ $label }）；其内容未被读取，也不会显示
pki-ca-private-key-hint = CA 证书文件只能包含证书：请把私钥从该文件中删除；如果这个文件曾被分享出去，请视该私钥为已泄露并更换
pki-ca-not-a-certificate = { $at } 是一个 { $label } 块，不是证书；不会被使用
pki-ca-not-a-certificate-hint = 请把它从 CA 证书文件中删除，或者传入包含 CA 证书的文件
pki-chain-private-key = { $at } 是私钥（{ $label }）；已忽略，也不会显示
pki-chain-private-key-hint = MongoDB 的 PEMKeyFile 中本就包含私钥；切勿把这个文件交给客户端
pki-chain-not-a-certificate = { $at } 是一个 { $label } 块，不是证书；已忽略
pki-chain-not-a-certificate-hint = 服务器的 PEM 文件应包含其证书、中间证书和私钥
pki-chain-empty-hint = 请传入服务器的证书文件
pki-chain-parse-error-hint = 服务器同样无法加载损坏的 PEM 文件；请用签发的证书重新生成该文件
pki-chain-unsupported = { $at }：{ $format }——不是证书
pki-ca-no-usable-certificate = CA 输入中没有找到可用的证书
pki-ca-no-usable-certificate-hint = 请传入从控制台下载的 CA 证书文件（数据安全性 > SSL > 下载证书，即 ZIP 中的 .pem 文件）
pki-ca-entry-parse-error-hint = 请重新下载 CA 证书文件
pki-note-source-bundle = 证书文件
pki-note-relations-incomplete = 许多证书同名：签发关系最多只用 { $max } 次签名验证来推断，超出部分的关系未列出
pki-ca-duplicate = 证书 #{ $index } { $name } 与 #{ $first } 是同一张证书
pki-ca-duplicate-hint = 对客户端无害，但说明这个文件是手工拼接的：保留一份即可
pki-ca-version-1-root = 证书 #{ $index } { $name } 是不带 basicConstraints 的 v1 证书：OpenSSL 会把它当作根证书接受，其他客户端未必
pki-ca-not-a-ca = 证书 #{ $index } { $name } 不是 CA 证书（basicConstraints { $constraints }）：它看起来是一张服务器证书，只能作为该服务器本身的固定证书被信任
pki-basic-constraints-absent = 缺失
pki-ca-not-a-ca-hint = 请传入 CA 证书（在控制台 数据安全性 > SSL > 下载证书 得到的文件），而不是服务器证书
pki-ca-expired = 证书 #{ $index } { $name } 已于 { $not_after } 过期（{ $days } 天前）
pki-ca-expired-hint = 请在控制台下载当前的 CA 证书（数据安全性 > SSL > 下载证书）；基于 OpenSSL 和 Node 的客户端会拒绝止于已过期 CA 的证书链
pki-ca-not-yet-valid = 证书 #{ $index } { $name } 在 { $not_before } 之前尚未生效
pki-ca-not-yet-valid-hint = 请检查本机时钟；尚未生效的 CA 会被基于 OpenSSL 和 Node 的客户端拒绝
pki-ca-expiring-soon = 证书 #{ $index } { $name } 将于 { $not_after } 过期（剩余 { $days } 天，提醒阈值 { $warn_days } 天）
pki-ca-expiring-soon-hint = 请在此之前在控制台更新证书（数据安全性 > SSL > 更新证书；SSL证书的有效期为一年；实例会重启一次，建议在业务低峰期操作），并把新的 CA 证书文件分发给所有客户端
pki-ca-weak-rsa-key = 证书 #{ $index } { $name } 的 RSA 密钥只有 { $bits } 位
pki-ca-weak-rsa-key-hint = 该 CA 必须改用至少 2048 位的 RSA 密钥（或 ECDSA P-256）重新签发
pki-ca-unhandled-critical = 证书 #{ $index } { $name } 将扩展 { $extensions } 标记为关键（critical），而 OpenSSL 无法处理这些扩展
pki-ca-unhandled-critical-hint = 基于 OpenSSL 的客户端会拒绝经过该 CA 的所有证书链；它必须重新签发
pki-ca-root-weak-signature = 根证书 #{ $index } { $name } 用 { $algorithm } 给自己签名；客户端不会验证根证书自身的签名，因此仅此一点无害
pki-ca-root-weak-signature-hint = 根证书本身无需处理
pki-ca-weak-signature = 证书 #{ $index } { $name } 使用 { $algorithm } 签名
pki-ca-weak-signature-hint = 该中间 CA 必须改用 SHA-256（或更强）的签名重新签发

## client_cert.rs：连接之前先检查客户端证书

pki-client-cert-expired = 客户端证书 { $file }（{ $subject }）已于 { $not_after } 过期（{ $days } 天前）：校验客户端证书的服务器会拒绝它
pki-client-cert-expired-hint = 请由同一个 CA 签发新的客户端证书（主题保持不变，这样 MONGODB-X509 用户名也不变），并让 --client-cert 或 tlsCertificateKeyFile 指向它
pki-client-cert-not-yet-valid = 客户端证书 { $file }（{ $subject }）在 { $not_before } 之前尚未生效：在此之前服务器会拒绝它
pki-client-cert-not-yet-valid-hint = 请检查本机和服务器的时钟；否则请重新签发一张生效时间早于现在的证书
pki-client-cert-expiring-soon = 客户端证书 { $file }（{ $subject }）将于 { $not_after } 过期（{ $days } 天后）
pki-client-cert-expiring-soon-hint = 请现在就签发替代证书（主题保持不变，这样 MONGODB-X509 用户名也不变），并在到期前完成替换
pki-client-cert-bad-eku = 客户端证书 { $file }（{ $subject }）的扩展密钥用法（Extended Key Usage）不包含 clientAuth：服务器不会接受它用于 TLS 客户端身份验证
pki-client-cert-bad-eku-hint = 请重新签发并加入 extendedKeyUsage = clientAuth（例如 openssl 的 `-addext extendedKeyUsage=clientAuth`），或者不带该扩展
pki-client-cert-key-mismatch = { $file } 中的私钥与其证书（{ $subject }）不匹配：服务器校验客户端签名时 TLS 握手会失败
pki-client-cert-key-mismatch-hint = 请在文件中放入证书及与之配对的私钥（可比较 `openssl x509 -noout -pubkey -in FILE` 与 `openssl pkey -pubout -in FILE` 的输出）
pki-unusable-key = 私钥无法使用：{ $reason }
pki-unusable-key-type = 它不是 TLS 库接受的 RSA（2048 位及以上）、ECDSA（P-256、P-384）或 Ed25519 密钥
pki-unusable-key-no-public-key = 无法从中推导出公钥
pki-key-file-no-certificate = 文件中没有证书：该文件必须包含客户端证书及其私钥（PEM）
pki-key-file-bad-certificate = 有一个证书块无法解码
pki-key-file-no-key = 文件中没有可用的私钥：该文件必须包含客户端证书及其私钥（PEM：PRIVATE KEY、RSA PRIVATE KEY、EC PRIVATE KEY 或 ENCRYPTED PRIVATE KEY）
pki-key-file-legacy-encrypted = 私钥采用旧的 OpenSSL 加密格式（Proc-Type: 4,ENCRYPTED），mongotls 和 Rust 驱动都无法读取：请用 `openssl pkcs8 -topk8 -v2 aes-256-cbc -in FILE -out client-key.pem` 转换为加密的 PKCS#8 私钥，再把证书和该私钥放进同一个文件
pki-key-file-no-password = 私钥已加密，但没有提供密码：请在连接串中加上 tlsCertificateKeyFilePassword=...，或传入 --client-key-password-env VAR 并把密码放在环境变量 VAR 中
pki-key-file-wrong-password = 提供的密码无法解密私钥：请检查密码（tlsCertificateKeyFilePassword 或 --client-key-password-env）
pki-key-file-unsupported-encryption = 私钥所用的加密算法 mongotls 无法解密（{ $algorithm }）：请用 `openssl pkcs8 -topk8 -v2 aes-256-cbc -in FILE -out client-key.pem` 重新加密
pki-key-file-algorithm-oid = 算法 { $oid }
pki-key-file-bad-encrypted-key = ENCRYPTED PRIVATE KEY 块不是有效的 PKCS#8 结构（{ $detail }）

## inspect.rs：单张证书的内容

pki-cert-trailing-data = 证书之后还有 { $count } 字节的多余数据
pki-cert-invalid = 不是有效的 X.509 证书：{ $detail }
pki-extension-unreadable = （无法读取的扩展）
pki-san-ip-invalid = IP:（无效，{ $count } 字节）
pki-san-unsupported-type = （不支持的名称类型）

## load.rs：无法读取的输入文件（退出码 2）

pki-load-error = { $path }：{ $problem }
pki-load-not-found = 文件不存在；请检查拼写（相对路径以当前目录为起点）
pki-load-not-found-dash = 文件不存在；mongotls 不会把 '-' 当作标准输入读取：请传入文件，或 /dev/stdin
pki-load-dangling-symlink = 是指向 { $target } 的符号链接，但目标不存在；请让链接指向证书文件，或直接传入该文件
pki-load-link-target-unknown = 一个不存在的文件
pki-load-symlink-loop = 是一个符号链接循环（或连续的链接过多），不指向任何文件；请直接传入证书文件（`ls -l` 可以查看每个链接指向哪里）
pki-load-directory-without-candidates = 是一个目录；请传入证书文件而不是目录（该目录中没有 .pem、.crt、.cer、.der、.p7b 或 .zip 文件）
pki-load-directory = 是一个目录；请传入其中的证书文件（找到：{ $found }）
pki-load-directory-and-more = 是一个目录；请传入其中的证书文件（找到：{ $found }，另有 { $more } 个未列出）
pki-load-permission-denied = 权限不足；请让运行 mongotls 的用户能够读取该文件，或把它复制到可读的位置
pki-load-unreadable = 无法读取（{ $error }）；请检查文件是否完整、可读
pki-load-too-large = 文件太大（{ $size } 字节；mongotls 单个文件最多读取 { $max_mib } MiB，即 { $max } 字节）；CA 证书或证书文件只有几 KB，这很可能不是正确的文件
pki-load-not-a-file = 是{ $kind }，不是普通文件；请传入证书文件
pki-file-kind-character-device = 字符设备
pki-file-kind-block-device = 块设备
pki-file-kind-socket = 套接字
pki-file-kind-special = 特殊文件
pki-load-empty-pipe = 是一个管道，但没有读到数据（没有程序向它写入，或程序什么也没写）；请直接传入证书文件，或检查向管道提供数据的命令
pki-load-too-many-entries = 包含超过 { $max } 个证书及其他块，超出了 mongotls 单个文件的读取上限；CA 证书文件通常只有几张证书（整个系统的信任库也只有约 150 张），这很可能不是正确的文件

## bundle/：读取用户提供的文件（PEM、DER、PKCS#7、ZIP），并指出哪些内容不是证书

pki-origin-block = 第 { $block } 块
pki-origin-line = （第 { $line } 行）
pki-origin-certificate = 第 { $index } 张证书
pki-origin-separator = { "" }
pki-pem-begin-literal-newlines = 其中包含字面的 `\n` 字符序列，像是从 JSON 或环境变量中复制来的；请把每个 `\n` 换成真正的换行
pki-pem-begin-run-on = 该行在头部之后还有其他文本，像是换行丢失了；请让头部、每一行 base64 和 END 行各占一行
pki-pem-begin-shape = PEM 头部必须独占一行，内容恰好是 `-----BEGIN LABEL-----`，两侧各五个短横线
pki-pem-bad-begin = 第 { $line } 行看起来像 PEM BEGIN 行，但格式不对：{ $why }
pki-pem-stray-end = 第 { $line } 行是 PEM END 行，但前面没有对应的 BEGIN 行；BEGIN 行可能被删掉了
pki-pem-bad-end = 第 { $line } 行看起来像 PEM END 行，但格式不对：END 行的内容必须恰好是 `-----END LABEL-----`，两侧各五个短横线
pki-pem-indented = BEGIN 或 END 行有缩进；OpenSSL（mongod 和大多数驱动都使用它）识别不了有缩进的 PEM 块，请删除行首的空格
pki-pem-end-missing = 缺少 -----END { $label }----- 行：从第 { $line } 行开始的块没有结束
pki-pem-end-mismatched = 该块以 -----END { $end }----- 结束，而不是 -----END { $label }-----
pki-pem-end-malformed = 第 { $line } 行应为 -----END { $label }-----，但不是格式正确的 END 行
pki-pem-body-empty = BEGIN 行和 END 行之间没有 base64 文本
pki-pem-not-base64 = 第 { $line } 行：{ $character } 不是 base64 字符
pki-pem-base64-undecodable = base64 文本无法解码（{ $error }）；可能缺了一行，或某一行被截断
pki-pem-byte = 字节 { $hex }
pki-pem-pkcs7-in-certificate = 标签为 { $label } 的块中是 PKCS#7 证书包；已读取其中的证书
pki-pem-trusted-certificate = TRUSTED CERTIFICATE 块：已读取其中的证书，附带的 OpenSSL 信任设置被忽略
pki-pem-not-pkcs7 = { $label } 块中不是 PKCS#7 结构（{ $detail }）
pki-der-pkcs7-broken = { $detail }；如果它使用了 BER 不定长编码，请用 `openssl pkcs7 -inform DER -in { $file } -print_certs -out ca.pem` 转换
pki-pkcs12-detail = mongotls 不读取 PKCS#12（其中通常还含有私钥）；请用 `openssl pkcs12 -in { $file } -nokeys -cacerts -out ca.pem` 导出 CA 证书（导出客户端或服务器证书时把 -cacerts 换成 -clcerts；旧文件在 OpenSSL 3 下可能需要加 -legacy）
pki-x509-followed-by-data = 证书之后还有 { $count } 字节的其他数据
pki-x509-incomplete = DER 数据不完整（文件或复制时被截断了？）
pki-x509-truncated = 数据不完整：DER 头部声明有 { $announced } 字节，实际只有 { $actual } 字节（下载或复制时被截断了？）
pki-pkcs7-undecodable = PKCS#7 证书包无法解码：{ $error }
pki-pkcs7-signed-data-not-sequence = PKCS#7 SignedData 不是 SEQUENCE
pki-pkcs7-signed-data-undecodable = PKCS#7 SignedData 无法解码：{ $error }
pki-pkcs7-extended-certificate = 扩展证书（PKCS#6，已废弃）
pki-pkcs7-attribute-certificate = 属性证书
pki-pkcs7-other-certificate-format = 其他格式的证书
pki-pkcs7-unknown-entry = 未知的 PKCS#7 证书条目（tag { $tag }）
pki-pkcs7-not-signed-data-detail = 只有 PKCS#7 SignedData 证书包（.p7b）中才有可读取的证书；请改为传入 CA 证书文件
pki-format-jks = Java 密钥库（JKS）
pki-format-jceks = Java 密钥库（JCEKS）
pki-keystore-instead-in-zip = 请改用同一下载包中的 .pem 文件
pki-keystore-instead = 请改为传入 PEM 格式的 CA 证书（提供 .jks 的控制台通常也会同时提供 .pem）
pki-keystore-detail = { $instead }；或者从密钥库中导出证书：`keytool -list -keystore { $file }{ $store_type }` 可列出别名，然后运行 `keytool -exportcert -rfc -alias ALIAS -keystore { $file }{ $store_type } -file ca.pem`
pki-format-utf16 = UTF-16 文本
pki-utf16-detail = 请把文件另存为 ASCII 或 UTF-8 编码（mongod 和各驱动都不能读取 UTF-16，也不能读取 PowerShell 用 `>` 写出的文件）；在 PowerShell 中：`Get-Content FILE | Set-Content -Encoding ascii ca.pem`
pki-format-gzip = gzip 压缩数据
pki-gzip-detail = 请先解压（`gunzip`），再传入其中的证书文件
pki-format-tar = tar 归档
pki-tar-detail = 请先解包（`tar xf FILE`），再传入其中的证书文件
pki-format-binary = 二进制数据（不是 DER、PEM、PKCS#7 或 ZIP）
pki-binary-detail = 这不是 mongotls 能读取的任何证书格式（PEM、DER、PKCS#7，或包含这些文件的 ZIP）；请确认这是 CA 证书文件，并且已完整下载
pki-format-text-without-pem = 不含任何 PEM 块的文本
pki-text-without-pem-detail = PEM 证书是夹在 `-----BEGIN CERTIFICATE-----` 行和 `-----END CERTIFICATE-----` 行之间的 base64 文本，而这个文件中没有这样的行；请直接传入 CA 证书文件（通常名为 ca.pem、ca.crt 或 *-CA-Chain.pem）
pki-format-bare-base64-certificate = 缺少 PEM 行的 base64 证书
pki-bare-base64-certificate-detail = 这是去掉了 PEM 行的证书 base64 文本；请在前面加一行 `-----BEGIN CERTIFICATE-----`，在后面加一行 `-----END CERTIFICATE-----`
pki-label-bare-base64 = { $label }，缺少 PEM 行的 base64
pki-format-bare-base64 = 缺少 PEM 行的 base64 文本
pki-bare-base64-detail = 文件是 base64 编码，但内容不是证书；请传入 PEM 格式的 CA 证书（`-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----`）
pki-label-base64-pem = { $label }，经 base64 编码的 PEM
pki-format-base64-pem = 经 base64 编码的 PEM
pki-base64-pem-detail = 这是又做了一次 base64 编码的 PEM 文件（比如 Kubernetes Secret 的 `data` 字段）；请先解码：`base64 -d FILE > ca.pem`
pki-format-nested-zip = 嵌套在 ZIP 中的 ZIP
pki-nested-zip-detail = 请解压出内层 ZIP 并传入它，或传入其中的证书文件
pki-zip-damaged = ZIP 压缩包已损坏（{ $error }）；请重新下载
pki-format-zip-with-members = 含 { $count } 个文件的 ZIP 压缩包
pki-zip-too-many-members = 证书下载包里只有几个文件，而 mongotls 最多读取 { $max } 个；请解压出证书文件并传入
pki-zip-member-unnamed = 第 { $number } 个文件
pki-zip-macos-metadata = 已忽略：macOS Finder 元数据，不是证书文件
pki-zip-member-undecompressable = 无法解压 ZIP 中的该文件（{ $error }）；请重新下载
pki-format-zip-member-too-large = ZIP 中超过 16 MiB 的文件
pki-zip-member-too-large-detail = 证书文件只有几 KB；这个文件是别的东西
pki-format-zip-too-large = 解压后超过 64 MiB 的 ZIP
pki-zip-too-large-detail = 读到该文件时已停止；请解压出证书文件并传入
pki-format-zip-member-unsupported = mongotls 无法解压的 ZIP 文件（{ $what }）
pki-zip-member-unsupported-detail = 请用解压工具解压该 ZIP（如有密码请输入密码），然后传入证书文件
pki-zip-member-unreadable = 无法读取 ZIP 中的该文件（{ $error }）；请重新下载
pki-zip-member-used = 使用了 ZIP 中的 { $member }
pki-zip-member-unused = 未使用：{ $what }；证书读取自 { $used }
pki-zip-member-unused-same = 未使用：{ $what }；同样的 { $count } 张证书已从 { $used } 读取
pki-zip-member-unused-other = 未使用：{ $what }，尽管其中有 { $count } 张证书不在 { $used } 中；只读取了 { $used }，如需检查，请解压出该文件并一并传入
pki-zip-holds-pem = PEM 证书
pki-zip-holds-der = DER 证书
pki-zip-holds-pkcs7-pem = PKCS#7 证书包（PEM）
pki-zip-holds-pkcs7-der = PKCS#7 证书包（DER）
pki-zip-holds-certificates = 证书
pki-zip-holds-unreadable = 无法读取（{ $detail }）
pki-zip-holds-private-key = 私钥（{ $label }）
pki-zip-holds-nothing = 空

## judges
pki-leaf-key-usage = 服务器证书 { $name } 的密钥用途限定为 [{ $usages }]，不包含 digitalSignature，而 TLS 1.3 握手需要用该密钥签名
pki-leaf-key-usage-hint = 请重新签发证书：keyUsage 包含 digitalSignature（RSA 密钥再加 keyEncipherment），或不带 keyUsage 扩展
