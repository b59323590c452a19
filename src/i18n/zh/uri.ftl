# 简体中文：uri。与 en/uri.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## 连接串无法使用的原因（UriError）。引用的文本已由调用方转义。

uri-error-empty = 连接串为空：请写成 mongodb://host:27017/ 这样的形式
uri-error-missing-scheme = 缺少协议头：连接串应以 mongodb:// 开头
uri-error-malformed-scheme = 协议头格式有误：连接串应以 mongodb:// 开头（两个斜杠）
uri-error-unsupported-scheme = 不支持的协议头 '{ $scheme }://'：连接串应以 mongodb:// 开头
uri-error-srv-multiple-hosts = mongodb+srv:// 后只能写一个主机名，这里写了 { $count } 个：请写成 mongodb+srv://cluster0.example.net/（由它的 SRV 记录列出各主机），或用 mongodb://h1:p1,h2:p2/ 列出所有主机
uri-error-srv-port = mongodb+srv:// 后的主机名不能带端口：请去掉端口（各主机的端口由 SRV 记录给出）
uri-error-srv-ip-address = mongodb+srv:// 需要一个有 SRV 记录的 DNS 名称，不能用 IP 地址 { $host }：请改用 mongodb://{ $host }/
uri-error-srv-option-without-srv = 选项 '{ $option }' 只能用于 mongodb+srv:// 连接串：请删除它，或改用 mongodb+srv://HOST/
uri-error-srv-max-hosts-conflict = srvMaxHosts 不能与 { $other } 同时使用：请删除其中一个
uri-error-srv-direct-connection = directConnection=true 不能与 mongodb+srv:// 同时使用（SRV 记录可能列出多个主机）：请删除 directConnection，或用 mongodb://host:port/?directConnection=true 直连单个主机
uri-error-invalid-srv-service-name = srvServiceName '{ $value }' 不是有效的 SRV 服务名：只能使用字母、数字和 '-'（最多 62 个字符），例如 srvServiceName=mongodb
uri-error-invalid-srv-max-hosts = 选项 'srvMaxHosts' 需要一个非负整数，实际为 '{ $value }'：srvMaxHosts=0 表示使用全部主机，srvMaxHosts=N 表示只用其中 N 个
uri-error-unescaped-in-userinfo = 用户名或密码中含有未转义的 '{ $character }'：请把它百分号编码为 { $escaped }
uri-error-empty-username = '@' 前的用户名为空：请写成 user:password@host；不需要账号密码时请去掉 '@'
uri-error-at-sign-after-hosts = 主机列表之后出现了 '@'：如果用户名或密码中含有 '/'，请把它编码为 %2F（'@' 编码为 %40）
uri-error-ambiguous = 连接串无法解析，且第一个 '/' 之后出现了 '@'，说明用户名或密码中可能含有未转义的 '/' 或 '?'：请把它们编码为 %2F 和 %3F（为防止泄露密码，不显示具体内容；如果密码中没有这些字符，请把选项值中的 '@' 写成 %40 以查看详情）
uri-error-encoding = { $part }中的 '{ $text }' 不是有效的百分号编码：{ $problem }
uri-error-secret-encoding = { $part }中的百分号编码无效（内容不显示）：{ $problem }
uri-error-empty-host-list = 主机列表为空：请至少写一个主机，例如 mongodb://localhost:27017/
uri-error-empty-host = 主机列表 '{ $list }' 的第 { $position } 项为空：请删除多余的 ','
uri-error-missing-slash = 主机列表和选项之间必须有 '/'：请写成 mongodb://host/?options（如果用户名或密码中含有 '?'，请把它编码为 %3F）
uri-error-unix-socket = 不支持 Unix 域套接字：mongotls 检查的是基于 TCP 的 TLS（收到的是 '{ $host }'）；请给出服务器的 host:port
uri-error-invalid-ipv6 = IPv6 地址写法无效 '{ $text }'：{ $reason }
uri-error-ipv6-zone = 不支持 '{ $text }' 中的 IPv6 区域标识（zone id）：证书无法包含区域标识，请使用全局地址或 DNS 名称
uri-error-ipv6-not-bracketed = IPv6 地址 '{ $address }' 必须写在方括号中：请写成 [{ $address }]:{ $port }
uri-error-invalid-ipv4 = '{ $text }' 不是有效的 IPv4 地址：请写四个 0 到 255 之间的数，例如 10.0.0.5
uri-error-invalid-host-name = 主机名 '{ $host }' 无效：{ $reason }
uri-error-missing-host-name = '{ $entry }' 中缺少主机名：请写成 host:port
uri-error-too-many-colons = '{ $entry }' 中的 ':' 太多：请写成 host:port（IPv6 地址要写在方括号中：[::1]:27017）
uri-error-empty-port = '{ $entry }' 中 ':' 后缺少端口：请补上端口，或删除 ':'
uri-error-invalid-port = '{ $entry }' 中的端口 '{ $port }' 不是数字：请写 1 到 65535 之间的端口
uri-error-port-out-of-range = '{ $entry }' 中的端口 { $port } 超出范围：请使用 1 到 65535 之间的端口
uri-error-invalid-database = 数据库名 '{ $name }' 含有 MongoDB 不允许的字符 '{ $character }'：请修改主机列表的 '/' 之后的部分
uri-error-option-without-value = 选项 '{ $text }' 缺少 '='：请写成 name=value
uri-error-option-without-value-hidden = 有一个选项缺少 '='（不显示：选项中含有密钥，它可能是其中一部分）：请写成 name=value，并把值中的 '&' 和 ';' 编码为 %26 和 %3B
uri-error-empty-option-name = 有一个选项的名称为空（'=' 前没有内容）：请删除多余的 '='
uri-error-invalid-bool = 选项 '{ $option }' 的值只能是 true 或 false，实际为 '{ $value }'：请写 { $option }=true 或 { $option }=false
uri-error-invalid-integer = 选项 '{ $option }' 需要一个非负整数，实际为 '{ $value }'：单位是毫秒，例如 { $option }=10000 表示 10 秒
uri-error-unknown-auth-mechanism = authMechanism '{ $value }' 不是 SCRAM-SHA-1、SCRAM-SHA-256、MONGODB-X509、MONGODB-AWS、MONGODB-OIDC、GSSAPI、PLAIN 中的一种
uri-error-unknown-auth-mechanism-cr = authMechanism '{ $value }' 不是 SCRAM-SHA-1、SCRAM-SHA-256、MONGODB-X509、MONGODB-AWS、MONGODB-OIDC、GSSAPI、PLAIN 中的一种（MONGODB-CR 已在 MongoDB 4.0 中移除：请使用 SCRAM-SHA-256）
uri-error-tls-ssl-conflict = 'tls={ $tls }' 与 'ssl={ $ssl }' 相互矛盾：ssl 是 tls 的旧名称，只保留 tls 即可
uri-error-tls-insecure-conflict = 'tlsInsecure' 不能与 '{ $other }' 同时使用（tlsInsecure 已包含它）：只保留其中一个
uri-error-direct-connection-multiple-hosts = directConnection=true 只能有一个主机，这里有 { $count } 个：只写一个主机，或删除 directConnection

## 编码错误所在的部分（“{ $part }中的……”）。

uri-part-user-name = 用户名
uri-part-password = 密码
uri-part-host = 主机
uri-part-database-name = 数据库名
uri-part-option-name = 选项名
uri-part-option-value = 选项 '{ $option }' 的值

## 百分号编码的问题。

uri-encoding-bad-escape = 第 { $position } 个字符 '%' 后面不是两位十六进制数（'%' 本身要写成 %25）
uri-encoding-not-utf8 = 这些 % 转义解码后不是 UTF-8 文本

## 方括号中的主机不是 IPv6 地址、主机名无效的原因（接在“……：”之后）。

uri-ipv6-bracket-without-open = 有 ']' 却没有 '['：请写成 [address]:port，例如 [::1]:27017
uri-ipv6-missing-close = 缺少 ']'：请把地址写在方括号中，例如 [::1]:27017
uri-ipv6-not-an-address = 不是 IPv6 地址（IPv4 地址和主机名不加方括号）
uri-ipv6-text-after-bracket = ']' 之后有多余的内容：请写成 [address]:port，例如 [::1]:27017
uri-host-non-ascii = 含有非 ASCII 字符：国际化域名请写成 xn--（punycode）形式
uri-host-bad-character = 主机名中不能有 '{ $character }'（只能使用字母、数字、'-' 和 '.'）
uri-host-too-long = 长度超过 253 个字符
uri-host-empty-label = 含有空的标签（以点开头，或连续两个点）
uri-host-label-too-long = 标签 '{ $label }' 超过 63 个字符
uri-host-label-hyphen = 标签 '{ $label }' 以 '-' 开头或结尾

## 能解析的连接串的警告。未知选项的警告必须用 ASCII 单引号写成 '{ $option }'：check 靠它识别。

uri-warning-duplicate-host = 主机 { $host } 重复列出；已忽略重复项
uri-warning-trailing-dot = 主机名 '{ $name }' 以 '.' 结尾：按 '{ $lower }' 使用，即证书中的写法
uri-warning-mixed-separators = 选项混用了 '&' 和 ';' 作分隔符：请只用 '&'（标准写法）
uri-warning-empty-value = 选项 '{ $option }' 的值为空，已忽略
uri-warning-repeated = 选项 '{ $option }' 出现了多次；以最后一个值为准
uri-warning-unknown-option = 未知选项 '{ $option }'，已忽略
uri-warning-unknown-option-suggestion = 未知选项 '{ $option }'，已忽略：是不是想写 '{ $suggestion }'？
uri-warning-tls-implied = 给出了 { $names } 但没有 tls=true：mongotls 按 TLS 处理，但各驱动对这些选项是否开启 TLS 的处理不一致；请加上 tls=true
uri-warning-tls-off = 设置了 tls=false，因此 { $names } { $count ->
    [1] 不起作用
   *[other] 都不起作用
}：要使用 TLS 请设置 tls=true
uri-warning-app-name-long = appName 长 { $bytes } 字节：驱动最多允许 128 字节
uri-warning-more = 另有 { $hidden } 条关于连接串的警告未显示；请先修正上面的问题再运行

## mongodb+srv://：SRV 目标或 TXT 记录不能使用的原因。

uri-srv-target-outside-parent = 它不在 { $host } 的上级域 { $domain } 之内
uri-srv-target-outside-host = 它不在 { $domain } 之下（主机名少于三级时，目标必须位于该域名之内）
uri-srv-txt-replica-set-with-max-hosts = TXT 记录设置了 replicaSet，它不能与 srvMaxHosts 同时使用；驱动会拒绝该连接串
uri-srv-txt-several = 该主机有 { $count } 条 TXT 记录；客户端最多允许一条，会拒绝该连接串（这里一条也没有使用）
uri-srv-txt-forbidden = TXT 记录设置了 { $options }，但 TXT 记录只能设置 authSource、replicaSet 和 loadBalanced；客户端会拒绝该连接串（mongotls 已忽略{ $count ->
    [1] 该选项
   *[other] 这些选项
}）
uri-srv-txt-unparsable = TXT 记录无法解析（{ $error }）；其中的内容均未使用

## 线路协议（src/wire）和文件模块（src/files.rs）的错误：这两个引擎没有自己的消息文件。
## 协议中的名称（OP_MSG、opCode、responseTo、numberReturned、`ok`）保持规范中的写法。

uri-wire-too-large = 对端声明的消息长 { $declared } 字节，上限为 { $limit } 字节
uri-wire-shorter-than-header = 消息比 16 字节的消息头还短：声明的长度只有 { $declared } 字节
uri-wire-truncated = { $what } 不完整：需要 { $expected } 字节，实际只有 { $got } 字节
uri-wire-invalid-length = { $what } 声明的长度为 { $declared } 字节，最小应为 { $min } 字节
uri-wire-trailing-bytes = { $what } 在最后一个字段之后还多出 { $count } 字节
uri-wire-invalid-cstring = { $what } 不是有效的 C 字符串：{ $reason }
uri-wire-cstring-no-nul = 没有 NUL 结束符
uri-wire-cstring-not-utf8 = 不是 UTF-8
uri-wire-invalid-bson = { $what } 不是有效的 BSON：{ $message }
uri-wire-unsupported-opcode = 不支持的 opCode { $code }（{ $name }）
uri-wire-opcode-unknown = 未知
uri-wire-not-a-reply = 应收到回复（OP_MSG 或 OP_REPLY），实际收到的是 { $name }
uri-wire-response-to-mismatch = responseTo { $got } 与请求 { $expected } 对不上
uri-wire-unknown-flags = OP_MSG 设置了未知的必需标志位 { $flags }（第 0-15 位必须能识别）
uri-wire-checksum-missing = OP_MSG 声明带有校验和，但标志位之后只有 { $available } 字节，放不下 4 字节的 CRC-32C
uri-wire-checksum-mismatch = OP_MSG 的校验和不对：消息中写的是 { $stated }，按内容计算是 { $computed }
uri-wire-no-body-section = OP_MSG 没有 body 段（kind 0）
uri-wire-duplicate-body-section = OP_MSG 有不止一个 body 段（kind 0）；第二个位于第 { $offset } 字节
uri-wire-unknown-section-kind = OP_MSG 第 { $offset } 字节处的段类型 { $kind } 未知
uri-wire-number-returned-mismatch = OP_REPLY 的 numberReturned 为 { $declared }，实际包含 { $found } 个文档
uri-wire-empty-reply = OP_REPLY 不含任何文档；命令的回复至少要有一个
uri-wire-command-failed = 命令失败：{ $errmsg }
uri-wire-command-failed-code = 命令失败：{ $errmsg }（错误码 { $code }）
uri-wire-command-failed-name = 命令失败：{ $errmsg }（{ $name }）
uri-wire-command-failed-code-name = 命令失败：{ $errmsg }（错误码 { $code }，{ $name }）
uri-wire-no-errmsg = （没有 errmsg）
uri-wire-invalid-reply = 回复不符合预期：{ $message }
uri-wire-reply-without-ok = 回复中没有 `ok` 字段
uri-wire-ok-not-a-number = `ok` 的类型是 { $bson_type }，不是数字
uri-wire-hello-does-not-parse = hello 回复无法解析：{ $error }
uri-wire-ok-must-be-number = `ok` 必须是数字，实际是 { $bson_type } { $value }
uri-wire-expected-integer = 应为整数，实际是 { $value }
uri-wire-not-32-bit = { $value } 超出了 32 位整数的范围
uri-wire-encode = 无法把 { $what } 编码为 BSON：{ $message }
uri-wire-contains-nul = { $text } 中含有 NUL 字节
uri-wire-too-large-to-encode = { $len } 字节的 { $what } 超出了协议中 32 位长度字段的范围
uri-wire-connection-closed = 连接已关闭：{ $part }共 { $expected } 字节，只收到了 { $received } 字节
uri-wire-io = { $during }时出错：{ $error }
uri-wire-during-reading-header = 读取消息头
uri-wire-during-reading-body = 读取消息体
uri-wire-during-sending = 发送消息
uri-wire-part-message = 消息
uri-wire-part-message-header = 消息头
uri-wire-no-reply-within = { $duration } 内没有收到回复
uri-wire-more-bytes = …（另有 { $dropped } 字节未显示）
uri-files-pipe-unread = 这是一个没有读取方的命名管道：请先启动读取它的程序，或指定一个普通文件
