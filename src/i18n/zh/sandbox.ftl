# 简体中文：sandbox。与 en/sandbox.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## mongotls sandbox 与 demo（src/commands/sandbox.rs）。
sandbox-ready-file-not-a-file = --ready-file 给的是目录，不是文件
sandbox-demo-ca-kept = mongotls demo：沙箱已停止，它的 CA 证书文件保留在 { $path }
sandbox-demo-ca-removed = mongotls demo：沙箱已停止，它的文件已删除，CA 证书文件 { $path } 也一并删除；如需保留一份，请加 --keep-ca DIR；如需沙箱一直运行，请用 `mongotls sandbox`
sandbox-stopping = 正在停止沙箱

## mongotls sandbox 开始监听后打印的说明（src/sandbox/run.rs、access.rs）。
sandbox-describe-title = mongotls 沙箱：副本集 { $set }，{ $count } 个成员
sandbox-describe-scenario = 场景：     { $scenario }（{ $description }）
sandbox-describe-tls-mode = TLS 模式： { $mode }
sandbox-describe-delay = 延迟：     每次 TLS 握手前等待 { $delay }
sandbox-describe-uri = URI:       { $uri }
sandbox-describe-wrong-password = （其中的密码是故意写错的，正确的密码在下面的文件里）
sandbox-describe-ca-file = CA 文件：  { $path }
sandbox-describe-members = 成员：
sandbox-describe-primary = { $member }（主节点）
sandbox-describe-secondary = { $member }（从节点）
sandbox-describe-stop = 按 Ctrl-C 停止。
sandbox-describe-auth-off = 认证：     关闭（没有用户）
sandbox-describe-auth-on = 认证：     开启（用户必须先认证）
sandbox-describe-user = 用户：     { $name }，认证库 { $db }（{ $how }；角色 { $roles }）
sandbox-describe-no-roles = 无
sandbox-describe-password-file = 密码保存在 { $path }
sandbox-describe-client-certs-none = 客户端证书：none（成员不要求客户端证书）
sandbox-describe-client-certs-optional = 客户端证书：optional（提供了就校验）
sandbox-describe-client-certs-required = 客户端证书：required（没有客户端证书的连接会被拒绝）
sandbox-describe-cert-good = 有效：    { $path }（{ $subject }）
sandbox-describe-cert-expired = 已过期：  { $path }
sandbox-describe-cert-other-ca = 其他 CA： { $path }

## 各场景的说明（--help 里显示的是 Scenario::description 的英文）。
sandbox-scenario-good = 每个成员都出示有效的证书链（服务器证书 + 中间证书），能用 CA 证书文件验证通过
sandbox-scenario-expired = 每个成员的证书都已在 30 天前过期
sandbox-scenario-not-yet-valid = 每个成员的证书要 30 天后才生效
sandbox-scenario-wrong-ca = CA 证书文件里是另一个根证书，而不是签发成员证书的那个
sandbox-scenario-hostname-mismatch = 证书里只有 mongo-old.sandbox.invalid，没有 localhost（证书签发于该地址启用之前）
sandbox-scenario-missing-intermediate = 成员出示证书时没有附带中间证书
sandbox-scenario-self-signed = 每个成员出示的都是自签名证书
sandbox-scenario-plaintext-only = 未开通 SSL：成员只接受明文连接（连接串里仍写着 tls=true）
sandbox-scenario-tls-required = 成员拒绝明文连接（已强制 SSL，requireTLS）
sandbox-scenario-one-member-expired = 最后一个成员的证书已在 30 天前过期，其他成员正常
sandbox-scenario-no-primary = 所有成员都是从节点：没有主节点可选
sandbox-scenario-wrong-password = 已开启认证，连接串中的用户密码是错的
sandbox-scenario-client-cert-required = 成员要求出示由沙箱 CA 签发的客户端证书，而连接串没有提供

## 沙箱无法启动或运行的原因（src/sandbox/mod.rs）。
sandbox-error-member-count = 沙箱副本集可以有 1 到 7 个成员，不能是 { $requested } 个
sandbox-error-bind = 无法为沙箱成员 { $member } 在 127.0.0.1 上监听：{ $error }
sandbox-error-certificate = 无法生成沙箱的 { $what }：{ $error }
sandbox-error-tls-config = 无法为沙箱成员 { $member } 建立 TLS 配置：{ $error }
sandbox-error-client-verifier = 无法为沙箱成员 { $member } 建立客户端证书校验：{ $error }
sandbox-error-user = 无法设置沙箱用户 '{ $user }'：{ $reason }
sandbox-error-temp-dir = 无法在 { $path } 写入沙箱的临时文件：{ $error }
sandbox-error-output = 无法输出沙箱说明：{ $error }
sandbox-error-signal = 无法监听 Ctrl-C、SIGTERM 或 SIGHUP：{ $error }
sandbox-error-port = 无法为沙箱成员 { $member } 监听 127.0.0.1:{ $port }：{ $error }：请换一个 --port BASE（各成员依次使用 BASE、BASE+1……），或去掉 --port，改用系统分配的空闲端口
sandbox-error-port-range = 端口 { $base } 到 { $base }+{ $members }-1 超出了范围：请把 --port 设小一些
sandbox-error-keep-ca = 无法把沙箱的 CA 证书文件保存到 { $dir }：{ $error }
