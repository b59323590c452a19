# 简体中文：sandbox。与 en/sandbox.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。

## mongotls sandbox 与 demo（src/commands/sandbox.rs）。
sandbox-ready-file-not-a-file = --ready-file 给的是目录，不是文件
sandbox-demo-ca-kept = mongotls demo：沙箱已停止，它的 CA 证书文件保留在 { $path }
sandbox-demo-ca-removed = mongotls demo：沙箱已停止，它的文件已删除，CA 证书文件 { $path } 也一并删除；如需保留一份，请加 --keep-ca DIR；如需沙箱一直运行，请用 `mongotls sandbox`
