//! Every human-readable string, in English and Simplified Chinese, from Fluent catalogs.
//!
//! Text for people (headings, finding messages and hints, the verdict line, progress, errors)
//! comes from the message catalogs in `src/i18n/{en,zh}/*.ftl` through [`tr!`]; finding codes,
//! JSON keys and metric names are contract and never pass through here.
//!
//! The language is a process-wide setting, like the C locale: `main` picks it once (`--lang`,
//! else `LC_ALL` / `LC_MESSAGES` / `LANG`, see [`Lang::from_locale`]) with [`set_language`];
//! everything rendered afterwards uses it. Unset (unit tests, the library used as a crate), it
//! is English. A message missing from the Chinese catalog falls back to English; a message
//! missing from both renders as its id. `tests/it/i18n.rs` fails on either: every id used in
//! `src/` exists in both catalogs, with the placeholders the call site passes.
//!
//! Conventions for catalog authors (read before adding a message):
//! - ids are `area-what-detail` (kebab case), placeholders `$snake_case`;
//! - pass numbers as numbers only where a plural depends on them (`{ $count -> [one] … }`);
//!   pass anything already formatted (durations, dates, decimals) as a string;
//! - text quoted from the user or a server is escaped before it is passed in, as before;
//! - the Chinese names the console's own labels: 数据安全性 > SSL, 开通SSL, 更新证书,
//!   下载证书, 关闭SSL; 数据安全性 > 白名单设置 (IP whitelist); 实例会重启一次, 业务低峰期.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

pub use fluent_bundle::FluentArgs as Args;

/// The languages mongotls speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default, and the fallback for any message).
    En,
    /// Simplified Chinese, with the Alibaba Cloud console's Chinese labels.
    Zh,
}

impl Lang {
    /// Every language, in catalog order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language tag (`en`, `zh`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language the locale variables ask for, as POSIX orders them: the first non-empty
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG` decides; `zh…` (`zh_CN.UTF-8`, `zh_TW`, `zh`) is
    /// Chinese, anything else (`C`, `POSIX`, `en_US.UTF-8`, unset) English.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let chosen = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The catalog files of this language: `(file name, contents)`.
    pub fn catalog(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::Zh => ZH,
        }
    }
}

/// Declares the catalog files of one language, embedded in the binary.
macro_rules! catalog {
    ($dir:literal: $($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!($dir, "/", $file)))),+]
    };
}

/// One file per area, so that parallel work on different areas never edits the same file.
const EN: &[(&str, &str)] = catalog!("en":
    "common.ftl", "report.ftl", "progress.ftl", "check.ftl", "bench.ftl", "cli.ftl",
    "pki.ftl", "uri.ftl", "driver.ftl", "sandbox.ftl", "wait.ftl", "fleet.ftl",
    "serve.ftl",
);
const ZH: &[(&str, &str)] = catalog!("zh":
    "common.ftl", "report.ftl", "progress.ftl", "check.ftl", "bench.ftl", "cli.ftl",
    "pki.ftl", "uri.ftl", "driver.ftl", "sandbox.ftl", "wait.ftl", "fleet.ftl",
    "serve.ftl",
);

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Sets the language of everything rendered from now on. The first call wins (`main` makes
/// it, once); later calls are ignored, so a library user cannot switch it mid-report.
pub fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language in effect: the one `main` set, or English.
pub fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or(Lang::En)
}

type Bundle = FluentBundle<FluentResource>;

/// The parsed catalog of one language, with every problem found while loading it (empty for
/// the shipped catalogs: `tests/it/i18n.rs` checks it).
pub struct Catalog {
    bundle: Bundle,
    /// Syntax errors and duplicate ids, as `file: error`.
    pub problems: Vec<String>,
}

impl Catalog {
    /// Parses one language's files into a bundle. Bidirectional isolation marks are off: the
    /// output is a terminal or a file, not a web page.
    pub fn load(lang: Lang) -> Catalog {
        let id = match lang {
            Lang::En => unic_langid::langid!("en"),
            Lang::Zh => unic_langid::langid!("zh"),
        };
        let mut bundle = Bundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        let mut problems = Vec::new();
        for (file, text) in lang.catalog() {
            let resource = match FluentResource::try_new((*text).to_owned()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    problems.extend(errors.iter().map(|e| format!("{file}: {e:?}")));
                    r
                }
            };
            if let Err(errors) = bundle.add_resource(resource) {
                problems.extend(errors.iter().map(|e| format!("{file}: {e:?}")));
            }
        }
        Catalog { bundle, problems }
    }

    /// True when the catalog has a message with this id.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// Formats a message, or `None` when it is missing. Formatting problems (a placeholder
    /// not passed) leave `{$name}` in the text, visible rather than silent.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// The catalogs, parsed once on first use.
fn catalog(lang: Lang) -> &'static Catalog {
    static EN_CATALOG: OnceLock<Catalog> = OnceLock::new();
    static ZH_CATALOG: OnceLock<Catalog> = OnceLock::new();
    match lang {
        Lang::En => EN_CATALOG.get_or_init(|| Catalog::load(Lang::En)),
        Lang::Zh => ZH_CATALOG.get_or_init(|| Catalog::load(Lang::Zh)),
    }
}

/// A message in the given language, falling back to English, then to the id itself.
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    catalog(lang)
        .format(id, args)
        .or_else(|| catalog(Lang::En).format(id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// A message in the language in effect ([`language`]).
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(language(), id, args)
}

/// A translated message: `tr!("common-members", count = members.len())`.
///
/// The id must be a string literal (the catalog test finds every call site by it); arguments
/// are `name = value` with any value a Fluent argument accepts (`&str`, `String`, integers,
/// floats).
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_variables_choose_in_posix_order() {
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
        assert_eq!(Lang::from_locale(None, None, Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_locale(None, None, Some("C")), Lang::En);
        // LC_ALL beats LANG; an empty LC_ALL does not count.
        assert_eq!(
            Lang::from_locale(Some("C"), None, Some("zh_CN.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(Some(""), Some("zh_TW"), Some("en_US")),
            Lang::Zh
        );
    }

    #[test]
    fn missing_messages_fall_back_to_english_then_to_the_id() {
        assert_eq!(
            message_in(Lang::Zh, "no-such-message", None),
            "no-such-message"
        );
        let mut args = Args::new();
        args.set("count", 2);
        assert_eq!(
            message_in(Lang::En, "common-members", Some(&args)),
            "2 members"
        );
        assert_eq!(
            message_in(Lang::Zh, "common-members", Some(&args)),
            "2 个成员"
        );
    }
}
