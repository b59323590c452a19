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

## openssl
# verify/engines.rs：真实的验证引擎（OpenSSL、Node.js、rustls-webpki）拒绝证书链，且没有更具体的发现项说明原因；原样引用引擎自己的错误文本和错误码。
pki-engine-rejects-at = { $engine }：{ $error }（{ $code }，深度 { $depth }）
pki-engine-rejects = { $engine }：{ $error }（{ $code }）
pki-engine-rejects-hint = 这是 { $engine } 自己对证书链的判定；请按其错误所指的问题修正后重新验证
## lint
pki-lint-cert-leaf = 服务器证书 { $name }
pki-lint-cert-intermediate = 中间证书 { $name }
pki-lint-cert-anchor = CA 证书文件中的证书 { $name }
pki-lint-cert-untrusted = 证书链顶端的证书 { $name }
pki-lint-strict-mode = 严格模式（--strict）：不符合 RFC 5280 和 CA/Browser Forum 基线要求之处（lint.*）判为失败，有警告时也以 1 退出
pki-lint-strict-run = ，--strict（lint.* 检查项判为失败）
pki-lint-strict = 严格模式：{ $message }（所有客户端都接受这一点；--strict 对不符合 RFC 5280 和 CA/Browser Forum 基线要求的证书判为失败）
pki-lint-missing-aki = { $cert } 没有 authorityKeyIdentifier 扩展，而 RFC 5280 §4.2.1.1 要求所有非自签名证书都带有该扩展
pki-lint-missing-aki-hint = 客户端可以接受，但只能按名称查找签发者。请重新签发证书并带上签发者的密钥标识（OpenSSL：在扩展段中设置 authorityKeyIdentifier = keyid:always）。
pki-lint-critical-aki = { $cert } 把 authorityKeyIdentifier 扩展标为关键（critical），RFC 5280 §4.2.1.1 禁止这样做
pki-lint-critical-aki-hint = 客户端可以接受。请重新签发证书，不要把 authorityKeyIdentifier 标为关键。
pki-lint-aki-without-key-id = { $cert } 的 authorityKeyIdentifier 缺少 keyIdentifier 字段，而 RFC 5280 §4.2.1.1 和 BR 7.1.2.1.3 要求有该字段
pki-lint-aki-without-key-id-hint = 客户端可以接受。请重新签发证书，设置 authorityKeyIdentifier = keyid（不要只用签发者名称和序列号）。
pki-lint-aki-issuer-serial = { $cert } 的 authorityKeyIdentifier 用 authorityCertIssuer 和 authorityCertSerialNumber 标识签发者，BR 7.1.2.1.3 和 7.1.2.11.1 禁止这样做
pki-lint-aki-issuer-serial-hint = 客户端可以接受。请重新签发证书，authorityKeyIdentifier 只用 keyid（OpenSSL：去掉 authorityKeyIdentifier 中的 "issuer"）。
pki-lint-aki-ski-mismatch = { $cert } 是自签名证书，但它的 authorityKeyIdentifier 与自身的 subjectKeyIdentifier 不同（BR 7.1.2.1.3）
pki-lint-aki-ski-mismatch-hint = 客户端可以接受。请重新签发根证书，两个密钥标识都由它自己的密钥生成。
pki-lint-missing-ski = { $cert } 是 CA 证书，但没有 subjectKeyIdentifier 扩展，而 RFC 5280 §4.2.1.2 要求有
pki-lint-missing-ski-hint = 客户端可以接受，但只能按名称查找该 CA。请重新签发，设置 subjectKeyIdentifier = hash。
pki-lint-critical-ski = { $cert } 把 subjectKeyIdentifier 扩展标为关键（critical），RFC 5280 §4.2.1.2 禁止这样做
pki-lint-critical-ski-hint = 客户端可以接受。请重新签发证书，不要把 subjectKeyIdentifier 标为关键。
pki-lint-basic-constraints-not-critical = { $cert } 是 CA 证书，但它的 basicConstraints 扩展不是关键扩展，而 RFC 5280 §4.2.1.9 要求标为关键
pki-lint-basic-constraints-not-critical-hint = 客户端可以接受。请重新签发 CA 证书，设置 basicConstraints = critical, CA:TRUE。
pki-lint-ca-missing-basic-constraints = { $cert } 被当作 CA 使用，却没有 basicConstraints 扩展，而 RFC 5280 §4.2.1.9 要求每张 CA 证书都有
pki-lint-ca-missing-basic-constraints-hint = 作为信任锚时客户端可以接受。请换成带 basicConstraints = critical, CA:TRUE 的 CA 证书。
pki-lint-ca-missing-key-usage = { $cert } 是 CA 证书，但没有 keyUsage 扩展，而 RFC 5280 §4.2.1.3 要求有
pki-lint-ca-missing-key-usage-hint = 客户端可以接受（没有 keyUsage 即允许所有用途）。请重新签发 CA 证书，设置 keyUsage = critical, keyCertSign, cRLSign。
pki-lint-ca-without-key-cert-sign = { $cert } 是 CA 证书（cA 为 TRUE），但 keyUsage 不允许 keyCertSign（RFC 5280 §4.2.1.3，BR 7.1.2.10.7）
pki-lint-ca-without-key-cert-sign-hint = 作为信任锚时客户端可以接受。请重新签发 CA 证书，设置 keyUsage = critical, keyCertSign, cRLSign。
pki-lint-key-cert-sign-without-ca = { $cert } 的 keyUsage 允许 keyCertSign，但它不是 CA（cA 不是 TRUE），RFC 5280 §4.2.1.3 和 §4.2.1.9 禁止这样做
pki-lint-key-cert-sign-without-ca-hint = 客户端可以接受。请重新签发证书，去掉 keyCertSign（服务器证书只需 digitalSignature，RSA 密钥再加 keyEncipherment）。
pki-lint-ca-empty-subject = { $cert } 是 CA 证书，但主题（subject）为空，RFC 5280 §4.1.2.6 禁止这样做
pki-lint-ca-empty-subject-hint = 客户端可以接受。请重新签发 CA 证书，填写可分辨名称（至少有 CN）。
pki-lint-empty-subject-san-not-critical = { $cert } 的主题（subject）为空，但 subjectAltName 扩展不是关键扩展，而 RFC 5280 §4.2.1.6 要求此时标为关键
pki-lint-empty-subject-san-not-critical-hint = 客户端可以接受。请重新签发证书，填写主题（CN），或把 subjectAltName 标为关键。
pki-lint-san-critical-with-subject = { $cert } 的主题不为空，却把 subjectAltName 标为关键，BR 7.1.2.7.12 禁止这样做
pki-lint-san-critical-with-subject-hint = 客户端可以接受。请重新签发证书，不要把 subjectAltName 标为关键。
pki-lint-empty-san = { $cert } 的 subjectAltName 扩展里一个名称也没有，RFC 5280 §4.2.1.6 禁止这样做
pki-lint-empty-san-hint = 客户端可以接受，但它不覆盖任何主机。请重新签发证书，在 subjectAltName 中写入服务器的主机名和 IP 地址。
pki-lint-serial-zero = { $cert } 的序列号为 0；RFC 5280 §4.1.2.2 要求序列号为正数
pki-lint-serial-negative = { $cert } 的序列号为负数（{ $serial }）；RFC 5280 §4.1.2.2 要求序列号为正数
pki-lint-serial-too-long = { $cert } 的序列号长 { $length } 个字节；RFC 5280 §4.1.2.2 最多允许 20 个字节
pki-lint-serial-hint = 客户端可以接受。请重新签发证书，使用不超过 20 字节的正随机序列号（OpenSSL 默认如此）。
pki-lint-invalid-dns-name = { $cert } 列出的 DNS 名称 "{ $name }" 不是合法的主机名（含下划线、空标签或字母、数字、连字符以外的字符；RFC 5280 §4.2.1.6，RFC 1034 §3.5）
pki-lint-invalid-dns-name-hint = 客户端可以接受该证书，但可能永远匹配不上这个名称。请重新签发，主机名只用字母、数字、连字符和点（国际化域名用 xn-- 形式）。
pki-lint-wildcard-not-leftmost = { $cert } 列出的 "{ $name }" 中，通配符不是完整的最左侧标签（RFC 6125 §6.4.3，BR 7.1.2.7.12）
pki-lint-wildcard-not-leftmost-hint = 各客户端对这种名称的处理不一致。通配符只用 "*.example.com" 的形式，或逐个列出主机名。
pki-lint-wildcard-public-suffix = { $cert } 列出的 "{ $name }" 是直接覆盖公共后缀的通配符，会覆盖许多不同所有者的域名（BR 3.2.2.6）
pki-lint-wildcard-public-suffix-hint = 客户端可以接受。请为部署自己的域名（如 *.mongo.example.com）或各主机名重新签发证书。
pki-lint-not-v3 = { $cert } 是 X.509 第 { $version } 版证书；RFC 5280 §4.1.2.1 和 BR 7.1.1 要求第 3 版
pki-lint-not-v3-hint = 这里客户端可以接受。请重新签发为第 3 版证书，并带上常用扩展（basicConstraints、keyUsage、密钥标识）。
pki-lint-unique-identifiers = { $cert } 带有 issuerUniqueID 或 subjectUniqueID，RFC 5280 §4.1.2.8 禁止合规 CA 生成这种证书
pki-lint-unique-identifiers-hint = 客户端可以接受。请重新签发证书，不带唯一标识符。
pki-lint-duplicate-extension = { $cert } 中扩展 { $oid } 出现了不止一次，RFC 5280 §4.2 禁止这样做
pki-lint-duplicate-extension-hint = 这里客户端可以接受，但读取哪一份没有定义。请重新签发证书，每个扩展只出现一次。
pki-lint-validity-encoding = { $cert } 的 { $field } 用了错误的 ASN.1 类型：RFC 5280 §4.1.2.5 要求 2049 年及以前用 UTCTime，2050 年起用 GeneralizedTime
pki-lint-validity-encoding-hint = 客户端可以接受。请用按 RFC 5280 编码有效期的 CA 工具重新签发证书（OpenSSL 即如此）。
pki-lint-eku-empty = { $cert } 的 extendedKeyUsage 扩展里没有任何用途，RFC 5280 §4.2.1.12 禁止这样做
pki-lint-eku-empty-hint = 请重新签发证书，设置 extendedKeyUsage = serverAuth（成员之间也用它认证时再加 clientAuth）。
pki-lint-eku-any = { $cert } 允许 anyExtendedKeyUsage，BR 7.1.2.7.10 禁止服务器证书这样做
pki-lint-eku-any-hint = 客户端可以接受。请重新签发证书，设置 extendedKeyUsage = serverAuth（成员之间也用它认证时再加 clientAuth）。
pki-lint-eku-critical = { $cert } 把 extendedKeyUsage 标为关键，BR 7.1.2.7.6 禁止服务器证书这样做
pki-lint-eku-critical-hint = 客户端可以接受。请重新签发证书，不要把 extendedKeyUsage 标为关键。
pki-lint-root-has-eku = { $cert } 是根证书，却带有 extendedKeyUsage 扩展，BR 7.1.2.1.2 禁止这样做
pki-lint-root-has-eku-hint = 这里客户端可以接受，但有些客户端会用根证书的扩展密钥用途限制其下所有证书。请重新签发不带 extendedKeyUsage 的根证书。
pki-lint-name-constraints-not-critical = { $cert } 的 nameConstraints 扩展不是关键扩展，而 RFC 5280 §4.2.1.10 要求标为关键
pki-lint-name-constraints-not-critical-hint = 客户端可以接受，并照样执行这些约束。请重新签发 CA 证书，把 nameConstraints 标为关键。
pki-lint-name-constraints-in-leaf = { $cert } 不是 CA 证书，却带有 nameConstraints 扩展，RFC 5280 §4.2.1.10 只允许 CA 证书带该扩展
pki-lint-name-constraints-in-leaf-hint = 客户端可以接受。请重新签发证书，不带 nameConstraints。
pki-lint-name-constraints-empty = { $cert } 的 nameConstraints 扩展中没有可读的允许或排除子树（RFC 5280 §4.2.1.10，BR 7.1.2.5.2）
pki-lint-name-constraints-bad-dns = { $cert } 用 "{ $name }" 约束名称，这不是合法的主机名（RFC 5280 §4.2.1.10：DNS 约束是主机名，不以点开头）
pki-lint-name-constraints-malformed-hint = 客户端可以接受，但对约束的理解各不相同。请用格式正确的子树重新签发 CA 证书（如 permitted;DNS:example.com）。
pki-lint-policy-constraints-not-critical = { $cert } 的 policyConstraints 扩展不是关键扩展，而 RFC 5280 §4.2.1.11 要求标为关键
pki-lint-policy-constraints-not-critical-hint = 客户端可以接受。请重新签发 CA 证书，把 policyConstraints 标为关键。
pki-lint-cn-differs-from-san = { $cert } 的通用名（CN）"{ $cn }" 指向它的某个 subjectAltName，但写法不同（BR 7.1.4.3 要求逐字符相同）
pki-lint-cn-differs-from-san-hint = 只读 subjectAltName 的客户端可以接受；退而使用 CN 的客户端可能读成别的名称。请重新签发证书，CN 与 subjectAltName 中的写法完全相同（IP 地址用常见的简写形式，域名用小写的 xn-- 形式），或不设 CN。
pki-lint-aia-empty = { $cert } 的 authorityInfoAccess 扩展中没有可读的访问描述（RFC 5280 §4.2.2.1）
pki-lint-aia-empty-hint = 客户端可以接受。请重新签发证书，带上格式正确的 authorityInfoAccess（caIssuers URL），或者不带该扩展。
pki-lint-dsa-key = { $cert } 使用 DSA 密钥；BR 6.1.5 只允许 RSA 和 ECDSA 密钥
pki-lint-dsa-key-hint = 仍支持 DSA 的客户端可以接受。请用 RSA（2048 位及以上）或 ECDSA P-256 密钥重新签发证书。
pki-lint-rsa-modulus-size = { $cert } 的 RSA 密钥为 { $bits } 位；BR 6.1.5 要求模数长度能被 8 整除
pki-lint-rsa-modulus-size-hint = 客户端可以接受。请用 2048、3072 或 4096 位 RSA 密钥重新签发证书。
## rfc5280
# RFC 5280 §6 路径验证（src/pki/verify/rules.rs、names.rs）。
pki-rfc5280-no-bits = 未设置任何位
pki-rfc5280-not-ca-version = 它是 v{ $version } 证书，无法携带 basicConstraints
pki-rfc5280-not-ca-false = 其 basicConstraints 为 cA=FALSE
pki-rfc5280-not-ca-missing = 它没有 basicConstraints 扩展
pki-rfc5280-issuer-not-ca = { $name } 签发了 { $child }，但它不是 CA 证书：{ $why }；所有客户端都会拒绝经过它的证书链
pki-rfc5280-issuer-not-ca-hint = 请重新签发该中间证书，带上关键（critical）的 basicConstraints 扩展 cA=TRUE（并在 keyUsage 中包含 keyCertSign），然后让服务器发送新证书
pki-rfc5280-anchor-not-ca = 该证书链所信任的 CA 证书 { $name } 在 OpenSSL 看来不是 CA 证书：{ $why }；基于 OpenSSL 的客户端会拒绝该证书链
pki-rfc5280-anchor-not-ca-hint = 请在 CA 证书文件中放入带 basicConstraints cA=TRUE 的 CA 证书（必要时重新签发根证书）
pki-rfc5280-issuer-key-usage = { $name } 签发了 { $child }，但其 keyUsage（{ $usages }）不包含 keyCertSign
pki-rfc5280-issuer-key-usage-hint = 请重新签发该 CA 证书，在 keyUsage 中包含 keyCertSign（以及 cRLSign）
pki-rfc5280-path-len = { $name } 的 pathLenConstraint 为 { $limit }，其下最多允许 { $limit } 张 CA 证书，但证书链中有 { $count } 张
pki-rfc5280-path-len-self-issued = 只有把自签发（self-issued）的中间证书也计算在内时，{ $name } 的 pathLenConstraint { $limit } 才会被超出：证书链中其下有 { $count } 张 CA 证书，不计自签发证书为 { $rfc_count } 张（RFC 5280 不计入；rustls-webpki 和 Go 计入）
pki-rfc5280-path-len-hint = 请让服务器发送更短的证书链，或重新签发该 CA 证书并放宽 pathLenConstraint
pki-rfc5280-leaf-key-usage = 服务器证书 { $name } 的 keyUsage 为 { $usages }，不包含 digitalSignature、keyEncipherment、keyAgreement 中的任何一项：不能用作 TLS 服务器证书
pki-rfc5280-leaf-key-usage-signature = 服务器证书 { $name } 的 keyUsage 为 { $usages }，不包含 digitalSignature；Java 在 TLS 1.3 和 ECDHE 密钥交换中要求该用途
pki-rfc5280-leaf-key-usage-hint = 请重新签发服务器证书，keyUsage 设为 digitalSignature（RSA 密钥再加上 keyEncipherment）
pki-rfc5280-leaf-version = 服务器证书 { $name } 是 v{ $version } 证书；rustls-webpki 只接受 v3 证书
pki-rfc5280-leaf-version-hint = 请重新签发 v3 服务器证书，并带上 subjectAltName 和 basicConstraints
pki-rfc5280-explicit-curve = { $name } 的 EC 密钥使用显式曲线参数，而不是命名曲线
pki-rfc5280-explicit-curve-hint = 请使用命名曲线（P-256 或 P-384）的密钥重新签发
pki-rfc5280-validity-boundary = { $name } 的 notAfter 为 { $not_after }，恰好等于评估时间：OpenSSL 从 notAfter 这一秒起就认为证书已过期，其他客户端要晚一秒
pki-rfc5280-validity-boundary-hint = 请立即更新证书
pki-rfc5280-critical-extension = { $name } 将扩展 { $extensions } 标记为关键（critical），以下客户端无法处理这些扩展，因此会拒绝：{ $families }
pki-rfc5280-empty-eku = 服务器证书 { $name } 的 extendedKeyUsage 扩展中没有列出任何用途
pki-rfc5280-anchor-bad-eku = 该证书链所信任的 CA 证书 { $name } 的用途限定为 [{ $usages }]，不包含 TLS 服务器身份验证（serverAuth）
pki-nc-kind-dns = DNS 名称
pki-nc-kind-ip = IP 地址
pki-nc-kind-email = 电子邮件地址
pki-nc-kind-uri = URI
pki-nc-kind-dir = 主题（subject）
pki-nc-kind-other = 名称
pki-nc-excluded = { $name } 的{ $kind } { $value } 被 { $ca } 的名称约束排除（{ $constraint }）
pki-nc-not-permitted = { $name } 的{ $kind } { $value } 不在 { $ca } 的名称约束范围内（允许：{ $constraint }）
pki-nc-cn-excluded = { $name } 没有 DNS 类型的 subjectAltName，其通用名称（CN）{ $value } 会被 OpenSSL 和 Java 当作 DNS 名称检查，而它被 { $ca } 的名称约束排除（{ $constraint }）
pki-nc-cn-not-permitted = { $name } 没有 DNS 类型的 subjectAltName，其通用名称（CN）{ $value } 会被 OpenSSL 和 Java 当作 DNS 名称检查，而它不在 { $ca } 的名称约束范围内（允许：{ $constraint }）
pki-nc-hint = 请用符合该 CA 名称约束的名称重新签发证书，或改由名称约束涵盖这些名称的 CA 签发
pki-nc-webpki-unsupported = { $ca } 约束了目录名称、URI 或电子邮件地址，rustls-webpki 无法检查这类约束：其下凡是带有这类名称的证书都会被它拒绝
pki-nc-webpki-unsupported-hint = 如需支持 Rust 驱动，请使用只约束 DNS 名称和 IP 地址（或不设名称约束）的 CA
pki-nc-malformed-constraint = { $ca } 的{ $kind }名称约束 { $value } 格式错误
pki-nc-malformed-constraint-hint = 请重新签发该 CA 证书，使用格式正确的名称约束（不含通配符，IP 掩码连续）
pki-nc-malformed-name = { $name } 的{ $kind } { $value } 格式错误，无法与 { $ca } 的名称约束比较
pki-nc-malformed-name-hint = 请使用格式正确的 subjectAltName（主机名、4 或 16 字节的 IP 地址）重新签发证书
pki-nc-other-form = { $name } 带有名称 { $value }，客户端无法将这种类型的名称与 { $ca } 的名称约束（{ $constraint }）进行比较
pki-nc-wildcard-excluded = { $name } 的通配符 DNS 名称 { $value } 可能代表 { $ca } 的名称约束所排除的名称（{ $constraint }）；rustls-webpki 会拒绝
pki-nc-empty = { $ca } 的 nameConstraints 扩展既没有允许子树也没有排除子树，Go 无法解析
pki-nc-own-san = { $ca } 自身 subjectAltName 中的{ $kind } { $value } 不在其自身的名称约束范围内（{ $constraint }）；Go 会用 CA 自身的名称约束检查它自己的名称
pki-rfc5280-dsa-issuer = { $name } 使用 DSA 密钥签发了 { $child }，rustls-webpki 和 Go 无法验证这种签名
pki-rfc5280-dsa-issuer-hint = 请使用 RSA（2048 位及以上）或 ECDSA P-256 密钥重新签发该 CA
pki-rfc5280-anchor-aki = 该证书链所信任的 CA 证书 { $name } 是自签名的，但其 authorityKeyIdentifier 的 { $field } 指向另一张证书：OpenSSL 因此不把它当作根证书，而去寻找它的签发者，结果找不到
pki-rfc5280-anchor-aki-hint = 请重新签发根证书，使其 authorityKeyIdentifier 指向自身（或不带该扩展），或把它所指向的证书加入 CA 证书文件

## parsers
pki-parsers-java-empty-subject = Java 无法读取 { $name }：其 subject 为空，且没有标记为关键（critical）的 subjectAltName 代替它（JDK 拒绝解析这种证书）
pki-parsers-java-empty-subject-hint = 请重新签发：填写 subject，或把 subjectAltName 标记为关键扩展
pki-parsers-go-malformed-aia = Go 无法读取 { $name }：其 authorityInfoAccess 扩展不是访问描述列表（"x509: invalid authority info access"）
pki-parsers-go-malformed-aia-hint = 请重新签发证书，去掉格式错误的 authorityInfoAccess 扩展
pki-parsers-dsa-server-key = 服务器证书 { $name } 使用 DSA 密钥，Go 和 rustls 的 TLS 层不支持这种密钥
pki-parsers-dsa-server-key-hint = 请使用 RSA（2048 位及以上）或 ECDSA P-256 密钥重新签发服务器证书
pki-parsers-java-host-not-ldh = Java 直接拒绝主机名 { $host }：其中含有字母、数字、连字符和点以外的字符（"Illegal given domain name"）
pki-parsers-java-host-not-ldh-hint = 请使用只含字母、数字和连字符（不含下划线）的主机名连接，并使用覆盖该名称的证书
