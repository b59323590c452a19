# 简体中文：bench。与 en/bench.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。
