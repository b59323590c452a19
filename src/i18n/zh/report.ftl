# 简体中文：report。与 en/report.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。
# 文本报告（src/report/text/）与 main 的输出错误。出现在值开头的占位符可能带有不可见的
# 悬挂缩进标记：保持它在值的开头。

## 各报告通用的词

report-severity-fail = 失败
report-severity-warn = 警告
report-severity-info = 提示
report-verdict-pass = 通过
report-verdict-warn = 警告
report-verdict-fail = 失败
report-verdict = 结论：{ $verdict }（失败 { $fail } 项，警告 { $warn } 项）
report-section = { $title }：
report-section-none = { $title }：无
report-section-findings = 检查项
report-section-notes = 说明
report-join-clauses = { $left }；{ $right }
report-join-items = { $left }、{ $right }
report-join-places = { $left }、{ $right }
report-key-bits = { $bits } 位
report-write-failed = mongotls：无法写出报告：{ $error }

## 检查项

report-finding = { $severity } { $code }{ $certificate }：{ $message }
report-finding-repeated = { $severity } { $code }{ $certificate }：{ $message }（建议同上）
report-finding-hint = 建议：{ $hint }
report-finding-clients = 客户端：{ $clients }
report-clients-refused = 拒绝连接：{ $names }
report-clients-accepted = 可以连接：{ $names }
report-clients-unknown = 未知：{ $names }

## 每份报告末尾、结论之上的汇总

report-summary-title = 汇总
report-summary = { $title }：{ $what } · { $counts }
report-summary-counts = 失败 { $fail } 项，警告 { $warn } 项，提示 { $info } 项
report-summary-members = { $count } 个成员，{ $failing } 个有失败项
report-summary-certificates = { $count } 个证书
report-summary-on-members = { $hit }/{ $total } 个成员
report-summary-on-some-members = { $hit }/{ $total } 个成员（{ $members }）
report-summary-on-set = 副本集层面
report-summary-in-driver = 驱动
report-summary-code = { $severity } { $code }
report-summary-code-on = { $severity } { $code }：{ $places }
report-summary-code-certificates = { $severity } { $code }：证书 { $certificates }

## check：开头部分

report-label-target = 目标
report-label-set = 副本集
report-label-ca = CA
report-label-run = 运行
report-label-srv = SRV
report-label-seeds = 种子
report-label-driver = 驱动
report-set-none = （成员未报告副本集名称）
report-set-uri = （连接串中 replicaSet={ $name }）
report-ca-system = 系统信任库（{ $count } 个根证书；未指定 --ca 或 tlsCAFile）
report-ca-files = { $files }（{ $count } 个证书：{ $list }）
report-ca-until = { $subject }，有效期至 { $date }
report-run = { $count } 个成员，用时 { $ms } ms；--timeout { $timeout }，--deadline { $deadline }，--max-connections { $max }
report-run-no-discover = ，--no-discover（只检查种子地址）
report-run-no-plaintext = ，--no-plaintext-probe
report-insecure-label = 不安全
report-insecure = { $options }：客户端的证书校验被削弱；mongotls 仍会报告每一个证书问题
report-srv = { $name }，经 { $server } 查询，用时 { $ms } ms：{ $count } 条记录
report-srv-system-resolver = 系统解析器
report-srv-record = { $target }:{ $port }  优先级 { $priority }，权重 { $weight }
report-srv-no-seeds = 没有种子地址：{ $error }

## check：客户端证书

report-client-title = 客户端证书
report-client-subject = 主题
report-client-user = X.509 用户
report-client-issuer = 颁发者
report-client-valid = 有效期
report-client-key = 私钥
report-client-auth = clientAuth
report-client-user-value = { $user }（在 $external 上，用于 MONGODB-X509 认证）
report-client-valid-value = { $from } 至 { $to }（{ $left }）
report-client-key-value = { $key }，{ $matches }
report-client-key-encrypted = ，已加密（PKCS#8）
report-client-key-matches = 与证书匹配
report-client-key-mismatch = 与证书不匹配
report-client-eku-allowed = 扩展密钥用法（EKU）允许客户端认证
report-client-eku-refused = 扩展密钥用法（EKU）不允许客户端认证

## check：每个成员

report-member-address = 地址
report-member-tls = TLS
report-member-certificate = 证书
report-member-expires = 有效期
report-member-expired = 有效期
report-member-hello = hello
report-member-plaintext = 明文
report-member-timings = 耗时 ms
report-member-also-resolved = 另解析到：{ $addresses }
report-member-server-name = 服务器名 { $name }
report-member-tls-at = { $tls }，连接到 { $address }
report-member-primary = 主节点
report-member-arbiter = 仲裁节点
report-member-secondary = 从节点
report-member-hidden = 隐藏节点
report-member-other = 其他
report-member-no-hello = 无 hello 应答
report-member-seed = 种子地址
report-member-in-config = 在副本集配置中
report-member-tags = （{ $tags }）
report-member-certificate-value = { $subject }（{ $trust }）
report-member-chains = 可追溯到 CA 证书文件
report-member-does-not-chain = 无法追溯到 CA 证书文件
report-member-expires-in = { $date } 到期，{ $days ->
    [0] 还剩不到一天
   *[other] 还剩 { $days } 天
}
report-member-expired-ago = { $date } 到期，已过期 { $days } 天
report-member-wire = wire 版本 { $min }..{ $max }
report-member-infos = （另有提示 { $count } 项，见 --format json）
report-set-title = 副本集与输入（不属于单个成员的检查项）

## check：驱动

report-driver-pass = 通过
report-driver-fail = 失败
report-driver-skipped = 跳过
report-driver-duration = ，{ $ms } ms
report-driver-skipped-because = 跳过原因：{ $reason }
report-driver-trusts = 信任 { $trust }
report-driver-authenticated = 服务器选择与 ping 成功；已认证为 { $user }（数据库 { $db }，机制 { $mechanism }）；角色：{ $roles }
report-driver-anonymous = 服务器选择与 ping 成功（未提供凭据）

## ca 与 verify

report-ca-title = CA 证书文件
report-ca-header = { $files }：{ $count } 个证书（评估时间 { $at }）
report-verify-title = 证书链
report-verify-header = { $file }（{ $count } 个证书），对照 CA { $ca }（{ $ca_count } 个证书），主机名 { $host }，时间 { $at }
report-verify-no-host = （未检查）
report-path-title = 验证路径
report-path = { $title }（{ $state }）：
report-path-trusted = 终止于 CA 证书文件
report-path-untrusted = 未到达 CA 证书文件
report-path-step = { $subject }（{ $source }；{ $validity }）
report-path-expires = { $date } 到期，{ $days ->
    [0] 还剩不到一天
   *[other] 还剩 { $days } 天
}
report-path-expired = { $date } 到期，已过期 { $days } 天
report-path-source-chain = 证书链 #{ $index }
report-path-source-ca = CA 证书文件 #{ $index }
report-role-leaf = 服务器证书
report-role-intermediate = 中间证书
report-role-anchor = 信任锚
report-role-untrusted = 不受信任
report-webpki-chain-accepted = 证书链通过
report-webpki-chain-rejected = 证书链被拒绝
report-webpki-name-accepted = ，主机名通过
report-webpki-name-rejected = ，主机名被拒绝
report-engine-accepted = 接受
report-engine-rejected = 拒绝
report-engine-rejected-errors = { $verdict }（{ $errors }）
report-engine-error-at = { $code } 深度 { $depth }
report-verify-presented = 服务器提供的证书
report-cert-chain = 关系
report-cert-issuer = 颁发者
report-cert-serial = 序列号
report-cert-sha256 = sha256
report-cert-valid = 有效期
report-cert-key = 公钥
report-cert-signature = 签名算法
report-cert-ca = CA
report-cert-key-usage = 密钥用法
report-cert-ext-usage = 扩展用法
report-cert-ski = SKI
report-cert-aki = AKI
report-cert-san = SAN
report-cert-source = 来源
report-cert-ca-issuers = 颁发者 URL
report-cert-valid-value = { $from } → { $to }（{ $left }）
report-cert-days-left = { $days ->
    [0] 剩余不到一天
   *[other] 剩余 { $days } 天
}
report-cert-expired-ago = 已过期 { $days } 天
report-cert-ca-path-length = 是，路径长度 ≤ { $length }
report-cert-ca-yes = 是
report-cert-ca-false = 否（CA:FALSE）
report-cert-ca-absent = 否（无 basicConstraints 扩展）
report-cert-eku-absent = （未设置：不限用途）
report-cert-san-absent = （无 subjectAltName 扩展）
report-plain-expired-ago = 已过期 { $days } 天
report-plain-days-left = 还剩 { $days } 天

# JUnit：<system-out> 与 <failure> 中给人看的事实和检查项列表（properties 的键保持英文）。
report-junit-set-name = 副本集名称：{ $name }
report-junit-insecure = 启用了不安全的选项：{ $options }
report-junit-trusts = 信任 { $trust }
report-junit-authenticated = 以 { $user } 身份在 { $db } 上通过 { $mechanism } 认证；角色：{ $roles }
report-junit-driver-error = 驱动错误：{ $error }
report-junit-tls-mode = TLS 模式：{ $mode }
report-junit-tls = TLS：{ $version } { $cipher }{ $group }
report-junit-certificate-trusted = 证书：{ $subject }，{ $not_after } 到期（{ $left }），可追溯到 CA 证书文件
report-junit-certificate-untrusted = 证书：{ $subject }，{ $not_after } 到期（{ $left }），无法追溯到 CA 证书文件
report-junit-server = 服务器：MongoDB { $version }
report-junit-plaintext = 明文：{ $detail }
report-junit-subject = 主体：{ $subject }
report-junit-issuer = 颁发者：{ $issuer }
report-junit-sha256 = sha256：{ $sha256 }
report-junit-valid = 有效期：{ $not_before } 至 { $not_after }（{ $left }）
report-junit-chain = 证书链：{ $chain }
report-junit-source = 来源：{ $source }
report-junit-certificates-in = { $files } 中有 { $count } 个证书
report-junit-note = 说明：{ $source }：{ $message }
report-junit-host = 主机名：{ $host }
report-junit-host-not-checked = 主机名：（未检查：没有指定 --host）
report-junit-path-trusted = 证书路径止于 CA 证书文件
report-junit-path-untrusted = 证书路径无法到达 CA 证书文件
report-junit-path-entry = {"  "}[{ $pos }] { $role } { $subject }（{ $not_after } 到期，{ $left }）
report-junit-fix = 建议：{ $hint }
report-junit-refused-by = 拒绝连接的客户端：{ $clients }
