//! `--help` in the language of `--lang` / the locale. In English the command is clap's derive,
//! untouched (its text is the doc comments in [`super`]); in Chinese every help text of that
//! same command (about, argument help, possible values, the prose of the examples, clap's own
//! headings and the `-h`/`-V`/`help` entries) is replaced by the catalog's. Only text changes:
//! names, flags, value names, defaults and possible values stay as they are, so parsing is the
//! same in both languages.
//!
//! `mongotls man` and `mongotls completions` stay English: they are generated from
//! [`super::Cli`]'s own command, for man pages and shells, not for this run's reader.
//!
//! clap wraps help only at ASCII spaces, and Chinese has few: in Chinese each text is wrapped
//! beforehand (Unicode line breaking, between any two Chinese characters) to the width clap
//! will give it, with every help on the line below its option (`next_line_help`), where that
//! width is known: the terminal's (or `COLUMNS`) up to 100 columns, less clap's indent.
//!
//! A new option without a translation keeps its English help; `tests/it/help_zh.rs` walks the
//! whole command and fails on it. Each text is a `tr!` with a literal id (the catalog test finds
//! them that way), hence the long matches.

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Command, CommandFactory, ValueEnum};
use textwrap::{Options, WordSeparator};

use super::{BenchFormat, ColorChoice, Format, LangChoice, WaitFormat};
use crate::i18n::{self, Lang};
use crate::sandbox::{ClientAuth, Scenario, TlsMode};
use crate::tr;

/// The command `main` parses with: the derive's in English; in Chinese, the same command with
/// its help in Chinese.
pub fn localized_command() -> Command {
    let command = super::Cli::command();
    match i18n::language() {
        Lang::En => command,
        Lang::Zh => {
            let width = help_width(&crate::report::Environment::of_stdout());
            translated(command, Some(width))
        }
    }
}

/// The width clap wraps help to: the terminal's, else `COLUMNS`, else 100; at most 100
/// (`max_term_width` of [`super::Cli`]).
fn help_width(env: &crate::report::Environment) -> usize {
    env.terminal_width
        .filter(|w| *w > 0)
        .or_else(|| env.columns.as_deref().and_then(|c| c.trim().parse().ok()))
        .filter(|w: &usize| *w > 0)
        .unwrap_or(MAX_WIDTH)
        .min(MAX_WIDTH)
}

/// `max_term_width` of [`super::Cli`].
const MAX_WIDTH: usize = 100;
/// Where clap starts a help on the line below its option or command (`next_line_help`).
const HELP_INDENT: usize = 10;
/// Narrowest width a text is wrapped to, however narrow the terminal.
const MIN_WRAP: usize = 20;

/// `text` broken into lines of at most `width` columns (none when `width` is `None`).
fn fill(text: String, width: Option<usize>) -> String {
    match width {
        None => text,
        Some(w) => {
            let options = Options::new(w.max(MIN_WRAP))
                .word_separator(WordSeparator::UnicodeBreakProperties)
                .break_words(false);
            textwrap::wrap(&text, options).join("\n")
        }
    }
}

/// `command` with every help text from the catalog of the language in effect. Built first: the
/// `-h`, `-V` flags and the `help` subcommand exist only then. With a terminal width, texts are
/// wrapped to it beforehand and laid out below their option.
pub fn translated(mut command: Command, width: Option<usize>) -> Command {
    command.build();
    translate_command(command, width)
}

fn translate_command(command: Command, width: Option<usize>) -> Command {
    let name = command.get_name().to_owned();
    // clap's own templates, with our word for "Usage".
    let usage = tr!("cli-help-heading-usage");
    let listed = command.get_arguments().any(|a| !a.is_hide_set())
        || command.get_subcommands().any(|s| !s.is_hide_set());
    let template = if listed {
        format!("{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}")
    } else {
        format!("{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}{{after-help}}")
    };
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(tr!("cli-help-heading-commands"));
    if let Some(w) = width {
        command = command.term_width(w).next_line_help(true);
    }
    // The about is shown in the list of commands too, below the command's name.
    let text_width = width.map(|w| w.saturating_sub(HELP_INDENT));
    if let Some(about) = about(&name) {
        // The derive sets no long about (`long_about = None`): the about serves both.
        command = command.about(fill(about, text_width));
    }
    if let Some(examples) = command.get_after_help().map(|e| examples(&e.to_string())) {
        command = command.after_help(examples);
    }
    command
        .mut_args(|arg| translate_arg(&name, arg, text_width))
        .mut_subcommands(|sub| translate_command(sub, width))
}

/// The about of a command, by name (the copies under `help` share their command's).
fn about(command: &str) -> Option<String> {
    Some(match command {
        "mongotls" => tr!("cli-help-about"),
        "check" => tr!("cli-help-about-check"),
        "wait" => tr!("wait-help-about"),
        "ca" => tr!("cli-help-about-ca"),
        "verify" => tr!("cli-help-about-verify"),
        "bench" => tr!("cli-help-about-bench"),
        "demo" => tr!("cli-help-about-demo"),
        "sandbox" => tr!("cli-help-about-sandbox"),
        "serve" => tr!("serve-help-about"),
        "completions" => tr!("cli-help-about-completions"),
        "man" => tr!("cli-help-about-man"),
        "help" => tr!("cli-help-about-help"),
        _ => return None,
    })
}

fn translate_arg(command: &str, arg: Arg, width: Option<usize>) -> Arg {
    // clap's "Arguments" and "Options" are fixed words; a heading of our own replaces them
    // (clap lists headed arguments in the order they were declared, as before).
    let arg = match arg.get_help_heading() {
        Some(_) => arg,
        None if arg.is_positional() => arg.help_heading(tr!("cli-help-heading-arguments")),
        None => arg.help_heading(tr!("cli-help-heading-options")),
    };
    let id = arg.get_id().as_str().to_owned();
    match id.as_str() {
        "help" if arg.get_long_help().is_some() => {
            return arg
                .help(tr!("cli-help-flag-help-more"))
                .long_help(tr!("cli-help-flag-help-summary"))
        }
        "help" => return arg.help(tr!("cli-help-flag-help")),
        "version" => return arg.help(tr!("cli-help-flag-version")),
        _ => {}
    }
    let arg = match arg_help(command, &id) {
        Some(help) => arg.help(fill(help, width)),
        None => arg,
    };
    possible_values(command, &id, arg, width)
}

/// The help of argument `id` of `command`.
fn arg_help(command: &str, id: &str) -> Option<String> {
    Some(match (command, id) {
        (_, "lang") => tr!("cli-help-lang"),
        (_, "color") => tr!("cli-help-color"),
        ("demo", "format") => tr!("cli-help-demo-format"),
        ("wait", "strict") => tr!("wait-help-strict"),
        ("wait", "uri") => tr!("wait-help-uri"),
        ("wait", "ca") => tr!("wait-help-ca"),
        ("wait", "timeout") => tr!("wait-help-timeout"),
        ("wait", "interval") => tr!("wait-help-interval"),
        ("wait", "probe_timeout") => tr!("wait-help-probe-timeout"),
        ("wait", "expect_new_cert") => tr!("wait-help-expect-new-cert"),
        ("wait", "expect_fingerprint") => tr!("wait-help-expect-fingerprint"),
        ("wait", "expect_not_after_later_than") => tr!("wait-help-expect-not-after-later-than"),
        ("wait", "no_discover") => tr!("wait-help-no-discover"),
        ("wait", "no_progress") => tr!("wait-help-no-progress"),
        ("check" | "wait", "server_name") => tr!("cli-help-check-server-name"),
        ("check" | "wait", "allow_invalid_hostnames") => {
            tr!("cli-help-check-allow-invalid-hostnames")
        }
        ("check" | "wait", "no_plaintext_probe") => tr!("cli-help-check-no-plaintext-probe"),
        ("check" | "wait", "max_connections") => tr!("cli-help-check-max-connections"),
        ("check" | "wait", "dns_server") => tr!("cli-help-check-dns-server"),
        (_, "format") => tr!("cli-help-format"),
        (_, "warn_days") => tr!("cli-help-warn-days"),
        (_, "at") => tr!("cli-help-at"),
        (_, "strict") => tr!("cli-help-strict"),
        (_, "client_cert") => tr!("cli-help-client-cert"),
        (_, "client_key_password_env") => tr!("cli-help-client-key-password-env"),
        ("check", "uri") => tr!("cli-help-check-uri"),
        ("check", "ca") => tr!("cli-help-check-ca"),
        ("check", "timeout") => tr!("cli-help-check-timeout"),
        ("check", "deadline") => tr!("cli-help-check-deadline"),
        ("check", "no_discover") => tr!("cli-help-check-no-discover"),
        ("check", "no_driver") => tr!("cli-help-check-no-driver"),
        ("check", "no_progress") => tr!("cli-help-check-no-progress"),
        ("check", "username") => tr!("cli-help-check-username"),
        ("check", "password_env") => tr!("cli-help-check-password-env"),
        ("check", "password_file") => tr!("cli-help-check-password-file"),
        ("check", "targets") => tr!("fleet-help-targets"),
        ("check", "concurrency") => tr!("fleet-help-concurrency"),
        ("ca", "files") => tr!("cli-help-ca-files"),
        ("verify", "ca") => tr!("cli-help-verify-ca"),
        ("verify", "chain") => tr!("cli-help-verify-chain"),
        ("verify", "host") => tr!("cli-help-verify-host"),
        ("bench", "uri") => tr!("cli-help-bench-uri"),
        ("bench", "ca") => tr!("cli-help-bench-ca"),
        ("bench", "member") => tr!("cli-help-bench-member"),
        ("bench", "samples") => tr!("cli-help-bench-samples"),
        ("bench", "warmup") => tr!("cli-help-bench-warmup"),
        ("bench", "max_time") => tr!("cli-help-bench-max-time"),
        ("bench", "timeout") => tr!("cli-help-bench-timeout"),
        ("bench", "concurrency") => tr!("cli-help-bench-concurrency"),
        ("bench", "payload_sizes") => tr!("cli-help-bench-payload-sizes"),
        ("bench", "plain_uri") => tr!("cli-help-bench-plain-uri"),
        ("bench", "server_name") => tr!("cli-help-bench-server-name"),
        ("bench", "export_json") => tr!("cli-help-bench-export-json"),
        ("bench", "plot") => tr!("cli-help-bench-plot"),
        ("demo" | "sandbox", "members") => tr!("cli-help-sandbox-members"),
        ("demo" | "sandbox", "scenario") => tr!("cli-help-sandbox-scenario"),
        ("demo" | "sandbox", "tls_mode") => tr!("cli-help-sandbox-tls-mode"),
        ("demo" | "sandbox", "handshake_delay") => tr!("cli-help-sandbox-handshake-delay"),
        ("demo" | "sandbox", "auth") => tr!("cli-help-sandbox-auth"),
        ("demo" | "sandbox", "client_auth") => tr!("cli-help-sandbox-client-auth"),
        ("demo" | "sandbox", "port") => tr!("cli-help-sandbox-port"),
        ("sandbox", "ready_file") => tr!("cli-help-sandbox-ready-file"),
        ("serve", "targets") => tr!("serve-help-targets"),
        ("serve", "listen") => tr!("serve-help-listen"),
        ("serve", "cache_ttl") => tr!("serve-help-cache-ttl"),
        ("serve", "probe_timeout") => tr!("serve-help-probe-timeout"),
        ("serve", "ready_file") => tr!("serve-help-ready-file"),
        ("demo", "keep_ca") => tr!("cli-help-demo-keep-ca"),
        ("demo", "no_progress") => tr!("cli-help-demo-no-progress"),
        ("completions", "shell") => tr!("cli-help-completions-shell"),
        ("man", "command") => tr!("cli-help-man-command"),
        _ => return None,
    })
}

/// The arguments whose possible values carry a description: the same parser, the same values,
/// the descriptions from the catalog.
fn possible_values(command: &str, id: &str, arg: Arg, width: Option<usize>) -> Arg {
    match (command, id) {
        (_, "lang") => described::<LangChoice>(arg, width, |v| match v {
            LangChoice::En => tr!("cli-help-value-lang-en"),
            LangChoice::Zh => tr!("cli-help-value-lang-zh"),
        }),
        (_, "color") => described::<ColorChoice>(arg, width, |v| match v {
            ColorChoice::Auto => tr!("cli-help-value-color-auto"),
            ColorChoice::Always => tr!("cli-help-value-color-always"),
            ColorChoice::Never => tr!("cli-help-value-color-never"),
        }),
        ("bench", "format") => described::<BenchFormat>(arg, width, |v| match v {
            BenchFormat::Text => tr!("cli-help-value-bench-format-text"),
            BenchFormat::Json => tr!("cli-help-value-bench-format-json"),
            BenchFormat::Markdown => tr!("cli-help-value-bench-format-markdown"),
            BenchFormat::Csv => tr!("cli-help-value-bench-format-csv"),
        }),
        ("wait", "format") => described::<WaitFormat>(arg, width, |v| match v {
            WaitFormat::Text => tr!("wait-help-value-format-text"),
            WaitFormat::Json => tr!("wait-help-value-format-json"),
            WaitFormat::Junit => tr!("wait-help-value-format-junit"),
        }),
        (_, "format") => described::<Format>(arg, width, |v| match v {
            Format::Text => tr!("cli-help-value-format-text"),
            Format::Json => tr!("cli-help-value-format-json"),
            Format::Junit => tr!("cli-help-value-format-junit"),
            Format::Prometheus => tr!("cli-help-value-format-prometheus"),
        }),
        (_, "scenario") => described::<Scenario>(arg, width, |v| match v {
            Scenario::Good => tr!("cli-help-value-scenario-good"),
            Scenario::Expired => tr!("cli-help-value-scenario-expired"),
            Scenario::NotYetValid => tr!("cli-help-value-scenario-not-yet-valid"),
            Scenario::WrongCa => tr!("cli-help-value-scenario-wrong-ca"),
            Scenario::HostnameMismatch => tr!("cli-help-value-scenario-hostname-mismatch"),
            Scenario::MissingIntermediate => tr!("cli-help-value-scenario-missing-intermediate"),
            Scenario::SelfSigned => tr!("cli-help-value-scenario-self-signed"),
            Scenario::PlaintextOnly => tr!("cli-help-value-scenario-plaintext-only"),
            Scenario::TlsRequired => tr!("cli-help-value-scenario-tls-required"),
            Scenario::OneMemberExpired => tr!("cli-help-value-scenario-one-member-expired"),
            Scenario::NoPrimary => tr!("cli-help-value-scenario-no-primary"),
            Scenario::WrongPassword => tr!("cli-help-value-scenario-wrong-password"),
            Scenario::ClientCertRequired => tr!("cli-help-value-scenario-client-cert-required"),
        }),
        (_, "tls_mode") => described::<TlsMode>(arg, width, |v| match v {
            TlsMode::Require => tr!("cli-help-value-tls-mode-require"),
            TlsMode::Allow => tr!("cli-help-value-tls-mode-allow"),
            TlsMode::Disabled => tr!("cli-help-value-tls-mode-disabled"),
        }),
        (_, "client_auth") => described::<ClientAuth>(arg, width, |v| match v {
            ClientAuth::None => tr!("cli-help-value-client-auth-none"),
            ClientAuth::Optional => tr!("cli-help-value-client-auth-optional"),
            ClientAuth::Required => tr!("cli-help-value-client-auth-required"),
        }),
        _ => arg,
    }
}

/// `arg` parsing `E` as before, its possible values described by `describe`. clap lists them
/// as `- name: description` below the option's help, descriptions aligned.
fn described<E>(arg: Arg, width: Option<usize>, describe: impl Fn(&E) -> String) -> Arg
where
    E: ValueEnum + Clone + Send + Sync + 'static,
{
    let variants = E::value_variants();
    let longest = variants
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|p| p.get_name().len())
        .max()
        .unwrap_or(0);
    let width = width.map(|w| w.saturating_sub("- ".len() + longest + ": ".len()));
    let values = variants
        .iter()
        .filter_map(|v| {
            v.to_possible_value().map(|p| {
                if p.get_help().is_some() {
                    p.help(fill(describe(v), width))
                } else {
                    p
                }
            })
        })
        .collect();
    arg.value_parser(Described {
        inner: EnumValueParser::<E>::new(),
        values,
    })
}

/// An enum's parser with other words for its possible values.
#[derive(Clone)]
struct Described<E: ValueEnum + Clone + Send + Sync + 'static> {
    inner: EnumValueParser<E>,
    values: Vec<PossibleValue>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Described<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// The examples under `--help` with their prose translated, line by line; the command lines
/// are kept as they are.
fn examples(text: &str) -> String {
    text.lines()
        .map(example_line)
        .collect::<Vec<_>>()
        .join("\n")
}

fn example_line(line: &str) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    if body == "Examples:" {
        return format!("{indent}{}", tr!("cli-help-examples"));
    }
    if let Some(comment) = body.strip_prefix("# ") {
        if let Some(text) = example_prose(comment) {
            return format!("{indent}# {text}");
        }
    }
    if let Some((command, comment)) = line.split_once("   # ") {
        if let Some(text) = example_prose(comment) {
            return format!("{command}   # {text}");
        }
    }
    example_prose(line).unwrap_or_else(|| line.to_owned())
}

/// The Chinese of one piece of English prose in the examples of [`super`].
fn example_prose(english: &str) -> Option<String> {
    Some(match english {
        "What is in the CA bundle downloaded from the console (SSL > Download certificate)?" => {
            tr!("cli-help-example-ca-bundle")
        }
        "Check every member of the replica set against it (the password is read from $MONGO_PW)" => {
            tr!("cli-help-example-check-members")
        }
        "No server at hand: a loopback replica set with an expired certificate, checked" => {
            tr!("cli-help-example-demo")
        }
        "Run 'mongotls <COMMAND> --help' for the options and examples of each command." => {
            tr!("cli-help-example-run-help")
        }
        "prints its URI and CA file; Ctrl-C stops it" => tr!("cli-help-example-sandbox-prints"),
        "After the certificate is renewed (SSL > Update certificate): follow the restarts until every member is back" => {
            tr!("wait-help-example-follow")
        }
        "In a script: fixed ports, wait for the ready file, use it, stop the sandbox" => {
            tr!("cli-help-example-sandbox-script")
        }
        "Prometheus scrapes http://127.0.0.1:9716/probe?target=NAME" => {
            tr!("serve-help-example-scrape")
        }
        "In Kubernetes (behind the Service): listen on every interface, said loudly on stderr" => {
            tr!("serve-help-example-kubernetes")
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of the tree, with its path (`mongotls check`).
    fn all(command: &Command, path: String, out: &mut Vec<(String, Command)>) {
        out.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            all(sub, format!("{path} {}", sub.get_name()), out);
        }
    }

    /// Unit tests render English: translated through the English catalog, the help must be
    /// byte for byte the derive's — the English entries are the doc comments' text, and the
    /// rewritten headings, template and examples change nothing.
    #[test]
    fn the_english_catalog_is_the_derives_help() {
        let mut derived = super::super::Cli::command();
        derived.build();
        let catalog = translated(super::super::Cli::command(), None);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        all(&derived, "mongotls".into(), &mut a);
        all(&catalog, "mongotls".into(), &mut b);
        assert_eq!(a.len(), b.len());
        for ((path, mut d), (_, mut c)) in a.into_iter().zip(b) {
            assert_eq!(
                d.render_long_help().to_string(),
                c.render_long_help().to_string(),
                "{path} --help"
            );
            assert_eq!(
                d.render_help().to_string(),
                c.render_help().to_string(),
                "{path} -h"
            );
        }
    }
}
