# 简体中文：driver。与 en/driver.ftl 一一对应（同一 id、同样的占位符）。术语见 common.ftl。
