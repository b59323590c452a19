//! Command-line errors in mongotls' own words and style: `mongotls: error: …` like every other
//! error, in the language of `--lang` / the locale, with tips that point to the right option.
//!
//! clap finds the error; this module words it. A connection-string option typed as a flag
//! (`--tlsCAFile`) gets a tip naming the flag that does the job (`--ca FILE`) or saying to put
//! it in the string, instead of clap's advice to pass it as a value after `--`. Help and
//! version output are clap's rendering of the command main parsed with, which
//! [`super::help_zh`] words in Chinese when that is the language.

use std::ffi::OsString;
use std::fmt;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::CommandFactory;

use crate::i18n::Lang;
use crate::tr;

/// A command-line error as mongotls shows it.
#[derive(Debug)]
pub struct CliError {
    /// What to print (on stdout for `--help` and `--version`, else on stderr).
    pub text: String,
    /// The exit code: 0 for `--help` and `--version`, 2 for an error.
    pub exit_code: u8,
    /// `--help` or `--version`: not an error.
    pub informational: bool,
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The language a command line asks for, read before clap parses it so that what parsing
/// says is worded in it too: the last `--lang en|zh` (or `--lang=…`) before a `--`, as clap
/// reads a global option given before and after the subcommand; else the locale variables
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) through `var`.
pub fn language_before_parsing(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut chosen = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.as_ref() {
            "--" => break,
            "--lang" => words.next().map(|v| v.into_owned()),
            w => w.strip_prefix("--lang=").map(str::to_owned),
        };
        match value.as_deref() {
            Some("en") => chosen = Some(Lang::En),
            Some("zh") => chosen = Some(Lang::Zh),
            _ => {}
        }
    }
    chosen.unwrap_or_else(|| {
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    })
}

/// How a clap error is shown; `args` is the command line as typed (it finds the word behind a
/// short-option error such as `-tlsCAFile`). Help and version are clap's text; a value our
/// parsers refused names the option once and then says what is wrong with it
/// (`mongotls: error: --timeout 0s is out of range: …`); every other error is
/// `mongotls: error: <what>`, its tips, the usage line and where to read more.
pub fn render_error(e: &clap::Error, args: &[OsString]) -> CliError {
    let kind = e.kind();
    if matches!(
        kind,
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let informational = kind != ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
        return CliError {
            text: e.render().to_string(),
            exit_code: if informational { 0 } else { 2 },
            informational,
        };
    }
    let text = match value_validation(e) {
        Some(line) => prefixed(&line),
        None => match worded(e, args) {
            Some((message, tips)) => {
                let mut text = prefixed(&message);
                if !tips.is_empty() {
                    text.push('\n');
                    for tip in tips {
                        text.push_str(&format!("  {}\n", tr!("cli-error-tip", tip = tip)));
                    }
                }
                let command = match usage(e) {
                    Some(usage) => {
                        text.push_str(&format!("\n{usage}\n"));
                        command_line(&usage)
                    }
                    None => command_of_args(args),
                };
                text.push_str(&format!(
                    "\n{}\n",
                    tr!("cli-error-more-help", command = command)
                ));
                text
            }
            // Kinds not worded here: clap's text, in our prefix.
            None => {
                let rendered = e.render().to_string();
                let body = rendered.strip_prefix("error: ").unwrap_or(&rendered);
                prefixed(body.trim_end()) + "\n"
            }
        },
    };
    CliError {
        text,
        exit_code: 2,
        informational: false,
    }
}

/// A clap error in one line, without prefix, tips or usage: what an entry of a targets file
/// quotes (`--timeout 0s is out of range: …`).
pub fn one_line(e: &clap::Error) -> String {
    if let Some(line) = value_validation(e) {
        return line;
    }
    if let Some((message, _)) = worded(e, &[]) {
        return message;
    }
    let rendered = e.render().to_string();
    let body = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    body.lines().next().unwrap_or_default().trim().to_string()
}

/// `mongotls: error: <message>` and a line break (the message's own line breaks kept).
fn prefixed(message: &str) -> String {
    let mut text = tr!("cli-error-prefix", message = message);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A value our parsers refused: `--timeout 0s is out of range: …` (the option once, then the
/// parser's words).
fn value_validation(e: &clap::Error) -> Option<String> {
    if e.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let (Some(ContextValue::String(arg)), Some(source)) =
        (e.get(ContextKind::InvalidArg), std::error::Error::source(e))
    else {
        return None;
    };
    let flag = arg.split_whitespace().next().unwrap_or(arg);
    let value = match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(v)) => v.trim().to_string(),
        _ => String::new(),
    };
    let message = source.to_string();
    // "--timeout 0s is out of range", "--timeout 'abc' is not a duration", but
    // "--timeout: empty duration".
    let starts_with_value = !value.is_empty()
        && (message.starts_with(&value) || message.starts_with(&format!("'{value}'")));
    let separator = if starts_with_value { " " } else { ": " };
    Some(format!("{flag}{separator}{message}"))
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

/// clap's own tips, except its advice to pass an unknown option as a value after `--` (never
/// what a mongotls user meant). "'check --ca' exists" is kept, in our words.
fn clap_tips(e: &clap::Error) -> Vec<String> {
    let tips = match e.get(ContextKind::Suggested) {
        Some(ContextValue::StyledStrs(tips)) => tips.iter().map(ToString::to_string).collect(),
        _ => Vec::<String>::new(),
    };
    tips.into_iter()
        .filter(|t| !t.contains("as a value, use"))
        .map(|t| {
            match t
                .strip_suffix("' exists")
                .and_then(|t| t.strip_prefix('\''))
            {
                Some(usage) => tr!("cli-tip-exists", usage = usage),
                None => t,
            }
        })
        .collect()
}

/// The message and tips of the error kinds worded here; `None` for the others.
fn worded(e: &clap::Error, args: &[OsString]) -> Option<(String, Vec<String>)> {
    let quoted = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("'{i}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match e.kind() {
        ErrorKind::UnknownArgument => {
            let mut arg = string(e, ContextKind::InvalidArg)?;
            let mut tips = Vec::new();
            let command = usage(e).and_then(|u| subcommand_of(&u));
            if let Some((typed, tip)) = option_tip(&arg, args, command.as_deref()) {
                // `-tlsCAFile` is named as typed, not as the `-t` clap stopped at.
                arg = typed;
                tips.push(tip);
            } else if let Some(similar) = string(e, ContextKind::SuggestedArg) {
                tips.push(tr!("cli-tip-similar-argument", suggestion = similar));
            }
            tips.extend(clap_tips(e));
            Some((tr!("cli-error-unknown-argument", arg = arg), tips))
        }
        ErrorKind::InvalidValue => {
            let arg = string(e, ContextKind::InvalidArg)?;
            let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
            let mut tips = Vec::new();
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                tips.push(tr!("cli-tip-possible-values", values = valid.join(", ")));
            }
            if let Some(s) = strings(e, ContextKind::SuggestedValue).first() {
                tips.push(tr!("cli-tip-did-you-mean", suggestion = s.clone()));
            }
            let message = if value.is_empty() {
                tr!("cli-error-empty-value", arg = arg)
            } else {
                tr!("cli-error-invalid-value", arg = arg, value = value)
            };
            Some((message, tips))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            Some((
                tr!("cli-error-missing-argument", args = missing.join(", ")),
                Vec::new(),
            ))
        }
        ErrorKind::ArgumentConflict => {
            let arg = string(e, ContextKind::InvalidArg)?;
            let prior = strings(e, ContextKind::PriorArg);
            // `check --targets FILE --timeout 5s`: a target's option belongs in the file.
            let with_targets = std::iter::once(&arg)
                .chain(&prior)
                .any(|a| a.starts_with("--targets"));
            let message = if prior.is_empty() || prior == [arg.clone()] {
                tr!("cli-error-repeated-argument", arg = arg)
            } else {
                tr!("cli-error-conflict", arg = arg, others = quoted(&prior))
            };
            let tips = if with_targets {
                vec![tr!("fleet-tip-option-in-targets-file")]
            } else {
                Vec::new()
            };
            Some((message, tips))
        }
        ErrorKind::InvalidSubcommand => {
            let name = string(e, ContextKind::InvalidSubcommand)?;
            let mut tips = Vec::new();
            if let Some(s) = strings(e, ContextKind::SuggestedSubcommand).first() {
                tips.push(tr!("cli-tip-did-you-mean", suggestion = s.clone()));
            }
            tips.extend(clap_tips(e));
            Some((tr!("cli-error-unknown-subcommand", name = name), tips))
        }
        ErrorKind::MissingSubcommand => {
            let valid = strings(e, ContextKind::ValidSubcommand);
            Some((
                tr!("cli-error-missing-subcommand", commands = valid.join(", ")),
                Vec::new(),
            ))
        }
        _ => None,
    }
}

/// The usage line clap attached (`Usage: mongotls check [OPTIONS] <URI>`).
fn usage(e: &clap::Error) -> Option<String> {
    match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(u)) => Some(u.to_string().trim().to_string()),
        _ => None,
    }
}

/// `mongotls check` of `Usage: mongotls check [OPTIONS] <URI>`.
fn command_line(usage: &str) -> String {
    let rest = usage.split_once(':').map_or(usage, |(_, r)| r);
    rest.split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `mongotls check` when the command line names the subcommand `check`, else `mongotls`.
fn command_of_args(args: &[OsString]) -> String {
    let cli = crate::cli::Cli::command();
    let sub = args.iter().skip(1).find_map(|a| {
        let a = a.to_string_lossy();
        cli.find_subcommand(a.as_ref())
            .map(|c| c.get_name().to_string())
    });
    match sub {
        Some(sub) => format!("mongotls {sub}"),
        None => "mongotls".to_string(),
    }
}

/// `check` of `Usage: mongotls check [OPTIONS] <URI>`; `None` at the top level.
fn subcommand_of(usage: &str) -> Option<String> {
    command_line(usage)
        .split_whitespace()
        .nth(1)
        .map(str::to_owned)
}

/// Connection-string options that have a flag of their own: the option as drivers spell it,
/// the flag (with its value name), and what the value looks like in the string.
const OPTION_FLAGS: &[(&str, &[&str], &str, &str)] = &[
    (
        "tlsCAFile",
        &["tlscafile", "sslcafile"],
        "--ca FILE",
        "FILE",
    ),
    (
        "tlsCertificateKeyFile",
        &["tlscertificatekeyfile", "sslpemkeyfile"],
        "--client-cert FILE",
        "FILE",
    ),
    (
        "tlsAllowInvalidHostnames",
        &["tlsallowinvalidhostnames"],
        "--allow-invalid-hostnames",
        "true",
    ),
];

/// The tip for an unknown option that is a connection-string option (`--tlsCAFile`,
/// `-tlsCAFile`, `--authSource=admin`) or a password given on the command line; `None` for
/// anything else. `command` is the subcommand, whose flags the tip may name. Returns the word
/// as typed and the tip.
fn option_tip(arg: &str, args: &[OsString], command: Option<&str>) -> Option<(String, String)> {
    let typed = typed_word(arg, args)?;
    let tip = uri_option_tip(&typed, command)?;
    Some((typed, tip))
}

/// The option of the command line behind clap's `arg`: itself for `--name`, the whole word
/// for a short option (clap reads `-tlsCAFile` as `-t`, `-l`, …); never a `=value` (it may be
/// a password).
fn typed_word(arg: &str, args: &[OsString]) -> Option<String> {
    let word = if arg.starts_with("--") {
        arg.to_string()
    } else {
        args.iter()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .find(|a| a.starts_with(arg) && a.len() > arg.len() && !a.starts_with("--"))?
    };
    Some(
        word.split_once('=')
            .map_or(word.as_str(), |(n, _)| n)
            .to_string(),
    )
}

fn uri_option_tip(typed: &str, command: Option<&str>) -> Option<String> {
    let name = typed.trim_start_matches('-');
    let name = name.split_once('=').map_or(name, |(n, _)| n);
    let lower = name.to_ascii_lowercase();
    let has_flag = |flag: &str| {
        let long = flag.trim_start_matches('-');
        let long = long.split_whitespace().next().unwrap_or(long);
        let cli = crate::cli::Cli::command();
        command
            .and_then(|sub| cli.find_subcommand(sub))
            .is_some_and(|c| c.get_arguments().any(|a| a.get_long() == Some(long)))
    };
    if matches!(lower.as_str(), "password" | "pass" | "pwd") && has_flag("--password-env") {
        return Some(tr!("cli-tip-no-password-flag", typed = typed));
    }
    if let Some((option, _, flag, value)) = OPTION_FLAGS
        .iter()
        .find(|(_, names, _, _)| names.contains(&lower.as_str()))
    {
        if has_flag(flag) {
            return Some(tr!(
                "cli-tip-uri-option-flag",
                option = *option,
                flag = *flag,
                value = *value
            ));
        }
        return Some(tr!("cli-tip-uri-option", option = *option));
    }
    if matches!(
        lower.as_str(),
        "tlscertificatekeyfilepassword" | "sslpemkeypassword"
    ) && has_flag("--client-key-password-env")
    {
        return Some(tr!("cli-tip-uri-option-key-password"));
    }
    let option = crate::uri::known_option(&lower)?;
    Some(tr!("cli-tip-uri-option", option = option))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    fn error_of(args: &[&str]) -> CliError {
        let argv = os(args);
        let e = crate::cli::Cli::try_parse_from(&argv).unwrap_err();
        render_error(&e, &argv)
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let none = |_: &str| None;
        assert_eq!(
            language_before_parsing(&os(&["m", "check", "--lang", "zh"]), none),
            Lang::Zh
        );
        assert_eq!(
            language_before_parsing(&os(&["m", "--lang=zh", "check"]), none),
            Lang::Zh
        );
        // Given before and after the subcommand, the last one counts, as for clap.
        assert_eq!(
            language_before_parsing(&os(&["m", "--lang", "zh", "check", "--lang", "en"]), none),
            Lang::En
        );
        let zh_locale = |v: &str| (v == "LANG").then(|| "zh_CN.UTF-8".to_string());
        assert_eq!(
            language_before_parsing(&os(&["m", "--lang", "en"]), zh_locale),
            Lang::En
        );
        assert_eq!(language_before_parsing(&os(&["m"]), zh_locale), Lang::Zh);
        // What clap reads agrees.
        for argv in [
            &["m", "--lang", "zh", "sandbox", "--lang", "en"][..],
            &["m", "--lang", "en", "sandbox", "--lang=zh"][..],
            &["m", "sandbox", "--lang", "zh"][..],
        ] {
            let parsed = crate::cli::Cli::try_parse_from(argv).unwrap();
            assert_eq!(
                parsed.lang.map(Lang::from),
                Some(language_before_parsing(&os(argv), none)),
                "{argv:?}"
            );
        }
        // After `--` it is a value, not an option; an unknown language is ignored.
        assert_eq!(
            language_before_parsing(&os(&["m", "--", "--lang", "zh"]), none),
            Lang::En
        );
        assert_eq!(
            language_before_parsing(&os(&["m", "--lang", "fr"]), none),
            Lang::En
        );
    }

    #[test]
    fn uri_options_typed_as_flags_point_to_the_flag_or_the_string() {
        let e = error_of(&["mongotls", "check", "--tlsCAFile", "ca.pem", "mongodb://h"]);
        assert!(e.text.starts_with("mongotls: error: "), "{e}");
        assert!(e.text.contains("use --ca FILE instead"), "{e}");
        assert!(!e.text.contains("-- --tlsCAFile"), "{e}");
        assert_eq!(e.exit_code, 2);

        let e = error_of(&["mongotls", "check", "-tlsCertificateKeyFile=c.pem", "u"]);
        assert!(e.text.contains("use --client-cert FILE instead"), "{e}");

        // verify has no --client-cert: the string is the only place for it.
        let e = error_of(&["mongotls", "verify", "--tlsCertificateKeyFile", "x"]);
        assert!(e.text.contains("in the connection string"), "{e}");
        assert!(!e.text.contains("--client-cert"), "{e}");

        let e = error_of(&["mongotls", "check", "--authSource=admin", "u"]);
        assert!(e.text.contains("authSource=VALUE"), "{e}");

        let e = error_of(&["mongotls", "check", "--password", "pw", "u"]);
        assert!(e.text.contains("--password-env"), "{e}");
    }

    #[test]
    fn other_errors_carry_the_prefix_usage_and_help_pointer() {
        let e = error_of(&["mongotls", "chek"]);
        assert!(e.text.starts_with("mongotls: error: "), "{e}");
        assert!(e.text.contains("did you mean 'check'?"), "{e}");

        let e = error_of(&["mongotls", "check", "u", "--format", "yaml"]);
        assert!(e.text.contains("invalid value 'yaml' for '--format"), "{e}");
        assert!(e.text.contains("possible values: text, json"), "{e}");
        assert!(e.text.contains("try 'mongotls check --help'"), "{e}");

        let e = error_of(&["mongotls", "check"]);
        assert!(e.text.contains("Usage: mongotls check"), "{e}");
        assert!(
            e.text
                .contains("required arguments were not provided: <URI>"),
            "{e}"
        );

        let e = error_of(&[
            "mongotls", "verify", "--ca", "a", "--chain", "b", "--chain", "c",
        ]);
        assert!(
            e.text
                .contains("'--chain <FILE>' cannot be used more than once"),
            "{e}"
        );

        let e = error_of(&["mongotls", "check", "u", "--timeout", "0s"]);
        assert_eq!(
            e.text.lines().next(),
            Some("mongotls: error: --timeout 0s is out of range: give a duration above 0 and at most 5m, e.g. 10s")
        );
    }

    #[test]
    fn help_and_version_are_not_errors() {
        let e = error_of(&["mongotls", "--version"]);
        assert!(e.informational && e.exit_code == 0, "{e}");
        let e = error_of(&["mongotls", "check", "--help"]);
        assert!(e.informational && e.text.contains("Usage:"), "{e}");
    }
}
