# 简体中文：uri。与 en/uri.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。
