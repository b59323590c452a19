# 简体中文：各处共用的消息。与 en/common.ftl 一一对应（同一 id、同样的占位符）。
#
# 术语表（译文统一使用；控制台标签照抄阿里云 MongoDB 控制台的中文界面）：
#   replica set 副本集 · member 成员 · primary 主节点 · secondary 从节点 · seed 种子地址
#   CA bundle / CA file CA 证书文件 · certificate 证书 · chain 证书链 · leaf 服务器证书（叶证书）
#   intermediate 中间证书 · root 根证书 · trust anchor 信任锚 · host name 主机名
#   handshake 握手 · plaintext 明文 · connection string 连接串 · driver 驱动
#   finding 检查项 · hint 建议 · verdict 结论 · PASS 通过 · WARN 警告 · FAIL 失败
#   expired 已过期 · not yet valid 尚未生效 · expires in N days N 天后过期
#   console 控制台：数据安全性 > SSL；开通SSL；更新证书；下载证书；关闭SSL；
#   数据安全性 > 白名单设置（IP 白名单）；专有网络 VPC；实例会重启一次；建议在业务低峰期操作；
#   SSL 证书的有效期为一年；目前仅副本集实例支持 SSL 加密。

common-members = { $count } 个成员
