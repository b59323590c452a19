//! The targets file of `check --targets FILE` (and `serve --targets FILE`): TOML, one
//! `[[targets]]` table per deployment, an optional `[defaults]` table.
//!
//! ```toml
//! [defaults]
//! timeout = "5s"
//! [[targets]]
//! name = "prod-orders"
//! uri = "mongodb://root:${ORDERS_PW}@host:3717/admin?replicaSet=mgset-1&tls=true"
//! ca = "ApsaraDB-CA-Chain.pem"   # relative to this file
//! ```
//!
//! Every key but `name` and `uri` is a `check` option by its long flag name (`-` or `_`):
//! the entry becomes the command line `mongotls check --timeout 5s … -- URI` and goes through
//! the very clap parser `check` uses, then [`CheckSettings::from_args`], so each option has
//! the same validation and the same error messages as on the command line.
//!
//! `${VAR}` is replaced by the environment variable in every string but `name` (`$${` is a
//! literal `${`). Interpolated values appear in no message: errors quote the raw `${VAR}`
//! text, and a value the parser refuses after interpolation is not quoted at all.
//!
//! What makes the file unusable as a whole (unreadable, not TOML, no `[[targets]]`, two
//! targets with the same name, a `[defaults]` key that is not an option) is a
//! [`UsageError`] (exit 2); what is wrong with one entry is that entry's [`TargetError`],
//! reported with the others' results.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use clap::{ArgAction, CommandFactory, Parser};
use toml::{Table, Value};

use crate::cli::{Cli, Command};
use crate::escape::printable;
use crate::settings::{CheckSettings, Common, UsageError};
use crate::tr;

/// A targets file, read and resolved.
#[derive(Debug)]
pub struct TargetsFile {
    /// The file, as named on the command line.
    pub path: PathBuf,
    /// The entries, in the file's order.
    pub targets: Vec<TargetEntry>,
}

/// One `[[targets]]` entry.
#[derive(Debug)]
pub struct TargetEntry {
    /// Its `name` (or `#N`, its position from 1, when it has none).
    pub name: String,
    /// The check's settings, or why this entry cannot be checked (reported, never fatal).
    pub settings: Result<CheckSettings, TargetError>,
}

/// Why one entry cannot be checked: names the file, the target and the key, and says how to
/// fix it. Never holds an interpolated value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetError {
    /// The targets file.
    pub file: PathBuf,
    /// The target's name (`#N` when it has none).
    pub target: String,
    /// The key at fault (`timeout`, `[defaults] timeout`), when one is.
    pub key: Option<String>,
    /// What is wrong.
    problem: String,
    /// How to fix it.
    hint: String,
}

impl TargetError {
    fn new(ctx: &EntryContext<'_>, key: Option<String>, problem: String, hint: String) -> Self {
        TargetError {
            file: ctx.file.to_path_buf(),
            target: ctx.target.to_string(),
            key,
            problem,
            hint,
        }
    }

    /// What is wrong, naming the file, the target and the key.
    pub fn message(&self) -> String {
        let file = printable(&self.file.display().to_string()).into_owned();
        let target = printable(&self.target);
        match &self.key {
            Some(key) => tr!(
                "fleet-entry-error-key",
                file = file,
                target = target,
                key = printable(key),
                problem = self.problem.as_str()
            ),
            None => tr!(
                "fleet-entry-error",
                file = file,
                target = target,
                problem = self.problem.as_str()
            ),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> &str {
        &self.hint
    }
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!(
            "fleet-entry-error-display",
            message = self.message(),
            hint = self.hint.as_str()
        ))
    }
}

impl std::error::Error for TargetError {}

/// Options that apply to the whole run, never to one target.
const RUN_WIDE: [&str; 6] = [
    "format",
    "lang",
    "color",
    "targets",
    "no-progress",
    "concurrency",
];

/// Keys whose relative paths are relative to the targets file.
const PATH_KEYS: [&str; 3] = ["ca", "client-cert", "password-file"];

/// Reads, interpolates `${ENV}`, applies `[defaults]`, resolves paths relative to the file.
/// Err only when the file as a whole cannot be used (unreadable, not TOML, no `[[targets]]`,
/// duplicate names): exit 2.
pub fn load(path: &Path, common: &Common) -> Result<TargetsFile, UsageError> {
    load_with(path, common, &|name| std::env::var(name).ok())
}

/// [`load`] with the environment given (tests).
pub(crate) fn load_with(
    path: &Path,
    common: &Common,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<TargetsFile, UsageError> {
    let shown = || printable(&path.display().to_string()).into_owned();
    // The same reader as every input file: size-capped, no device, no wait on a pipe
    // without a writer.
    let unreadable =
        |error: String| UsageError(tr!("fleet-file-unreadable", file = shown(), error = error));
    let bytes = crate::pki::load::read_file(path).map_err(|e| unreadable(e.problem()))?;
    let text = String::from_utf8(bytes).map_err(|e| unreadable(e.to_string()))?;
    parse_text(&text, path, common, env)
}

/// A targets file's contents; `path` is where it was read from (messages, relative paths).
pub(crate) fn parse_text(
    text: &str,
    path: &Path,
    common: &Common,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<TargetsFile, UsageError> {
    let shown = || printable(&path.display().to_string()).into_owned();
    let table: Table = text.parse().map_err(|e: toml::de::Error| {
        // The error's own rendering quotes the line, which may hold a secret: only the
        // message and where.
        let (line, column) = e
            .span()
            .map_or((0, 0), |span| line_column(text, span.start));
        UsageError(tr!(
            "fleet-file-not-toml",
            file = shown(),
            line = line.to_string(),
            column = column.to_string(),
            error = printable(e.message().trim())
        ))
    })?;
    let options = CheckOptions::of_check();
    for key in table.keys() {
        if key != "targets" && key != "defaults" {
            return Err(UsageError(tr!(
                "fleet-file-unknown-section",
                file = shown(),
                key = printable(key)
            )));
        }
    }
    let defaults = match table.get("defaults") {
        None => Table::new(),
        Some(Value::Table(t)) => t.clone(),
        Some(_) => {
            return Err(UsageError(tr!(
                "fleet-file-defaults-not-table",
                file = shown()
            )))
        }
    };
    for key in defaults.keys() {
        if let Some(problem) = options.refuse_default_key(key) {
            return Err(UsageError(tr!(
                "fleet-file-bad-default",
                file = shown(),
                key = printable(key),
                problem = problem
            )));
        }
    }
    let entries = match table.get("targets") {
        Some(Value::Array(items)) if !items.is_empty() => items,
        Some(Value::Array(_)) | None => {
            return Err(UsageError(tr!("fleet-file-no-targets", file = shown())))
        }
        Some(_) => {
            return Err(UsageError(tr!(
                "fleet-file-targets-not-array",
                file = shown()
            )))
        }
    };
    let base = path.parent().unwrap_or_else(|| Path::new(""));
    let mut seen = HashSet::new();
    let mut targets = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let position = format!("#{}", i + 1);
        let Value::Table(entry) = entry else {
            let ctx = EntryContext {
                file: path,
                target: &position,
            };
            targets.push(TargetEntry {
                name: position.clone(),
                settings: Err(TargetError::new(
                    &ctx,
                    None,
                    tr!("fleet-entry-not-table"),
                    tr!("fleet-entry-not-table-hint"),
                )),
            });
            continue;
        };
        let name = match entry.get("name") {
            Some(Value::String(n)) if !n.trim().is_empty() => Some(n.clone()),
            _ => None,
        };
        if let Some(n) = &name {
            if !seen.insert(n.clone()) {
                return Err(UsageError(tr!(
                    "fleet-file-duplicate-name",
                    file = shown(),
                    name = printable(n)
                )));
            }
        }
        let label = name.clone().unwrap_or(position);
        let ctx = EntryContext {
            file: path,
            target: &label,
        };
        let settings = match name {
            Some(_) => entry_settings(&ctx, entry, &defaults, &options, base, common, env),
            None => Err(TargetError::new(
                &ctx,
                Some("name".into()),
                tr!("fleet-entry-no-name"),
                tr!("fleet-entry-no-name-hint"),
            )),
        };
        targets.push(TargetEntry {
            name: label,
            settings,
        });
    }
    Ok(TargetsFile {
        path: path.to_path_buf(),
        targets,
    })
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Which entry a message is about.
struct EntryContext<'a> {
    file: &'a Path,
    target: &'a str,
}

/// How one option of `check` takes its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// A flag: `true` gives it, `false` leaves it out.
    Flag,
    /// One value.
    One,
    /// Repeatable (`--ca`): a string or an array of strings.
    Many,
}

/// The options of `check`, by long name, as clap defines them.
struct CheckOptions {
    shapes: BTreeMap<String, Shape>,
}

impl CheckOptions {
    fn of_check() -> Self {
        let cli = Cli::command();
        let mut shapes = BTreeMap::new();
        if let Some(check) = cli.find_subcommand("check") {
            for arg in check.get_arguments() {
                let Some(long) = arg.get_long() else { continue };
                if long == "help" || long == "version" {
                    continue;
                }
                let shape = match arg.get_action() {
                    ArgAction::Append => Shape::Many,
                    action if action.takes_values() => Shape::One,
                    _ => Shape::Flag,
                };
                shapes.insert(long.to_string(), shape);
            }
        }
        CheckOptions { shapes }
    }

    /// Why a key cannot be in `[defaults]`, if it cannot.
    fn refuse_default_key(&self, key: &str) -> Option<String> {
        if key == "name" || key == "uri" {
            return Some(tr!("fleet-default-per-target", key = printable(key)));
        }
        self.refuse_option(key)
    }

    /// Why a key is not a per-target option of `check`, if it is not.
    fn refuse_option(&self, key: &str) -> Option<String> {
        let long = key.replace('_', "-");
        if RUN_WIDE.contains(&long.as_str()) {
            return Some(tr!("fleet-key-run-wide", key = printable(key)));
        }
        if !self.shapes.contains_key(&long) {
            return Some(tr!("fleet-key-unknown", key = printable(key)));
        }
        None
    }
}

/// A string after `${VAR}` interpolation, with the variables it used.
struct Interpolated {
    value: String,
    /// `(name, value)` of each variable used.
    vars: Vec<(String, String)>,
}

/// What is wrong with a `${…}`.
#[derive(Debug, PartialEq, Eq)]
enum InterpolationError {
    /// `${VAR}` with VAR not set.
    Unset(String),
    /// `${` without its `}`.
    Unterminated,
    /// `${…}` whose inside is not a variable name.
    BadName(String),
}

/// Replaces every `${VAR}` with the variable's value; `$${` is a literal `${`.
fn interpolate(
    raw: &str,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Interpolated, InterpolationError> {
    let mut value = String::with_capacity(raw.len());
    let mut vars = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find('$') {
        value.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("$${") {
            value.push_str("${");
            rest = after;
        } else if let Some(after) = tail.strip_prefix("${") {
            let end = after.find('}').ok_or(InterpolationError::Unterminated)?;
            let name = &after[..end];
            let valid = name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid {
                return Err(InterpolationError::BadName(name.to_string()));
            }
            let found = env(name).ok_or_else(|| InterpolationError::Unset(name.to_string()))?;
            value.push_str(&found);
            vars.push((name.to_string(), found));
            rest = &after[end + 1..];
        } else {
            value.push('$');
            rest = &tail[1..];
        }
    }
    value.push_str(rest);
    Ok(Interpolated { value, vars })
}

/// One key's value, interpolated, as command-line words.
struct Converted {
    /// `--timeout`, `5s` (flags: `--no-driver` alone; `false`: nothing).
    words: Vec<String>,
    /// The raw text when a `${…}` was interpolated into the value.
    interpolated: Option<String>,
    /// The variables' values (to keep them out of messages).
    secrets: Vec<(String, String)>,
}

/// The settings of one entry: `[defaults]` under its own keys, interpolated, through clap.
fn entry_settings(
    ctx: &EntryContext<'_>,
    entry: &Table,
    defaults: &Table,
    options: &CheckOptions,
    base: &Path,
    common: &Common,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<CheckSettings, TargetError> {
    let fail = |key: &str, problem: String, hint: String| {
        TargetError::new(ctx, Some(key.to_string()), problem, hint)
    };
    // Every option by its long name: the entry's own keys win over [defaults].
    let mut merged: BTreeMap<String, (String, &Value)> = BTreeMap::new();
    for (key, value) in defaults {
        merged.insert(key.replace('_', "-"), (format!("[defaults] {key}"), value));
    }
    let mut own = HashSet::new();
    for (key, value) in entry {
        if key == "name" || key == "uri" {
            continue;
        }
        if let Some(problem) = options.refuse_option(key) {
            return Err(fail(key, problem, refusal_hint(key)));
        }
        let long = key.replace('_', "-");
        if !own.insert(long.clone()) {
            return Err(fail(
                key,
                tr!("fleet-key-twice", key = printable(key)),
                tr!("fleet-key-twice-hint"),
            ));
        }
        merged.insert(long, (key.clone(), value));
    }
    let uri = match entry.get("uri") {
        Some(Value::String(u)) => u,
        Some(_) => {
            return Err(fail(
                "uri",
                tr!("fleet-entry-uri-not-string"),
                tr!("fleet-entry-no-uri-hint"),
            ))
        }
        None => {
            return Err(fail(
                "uri",
                tr!("fleet-entry-no-uri"),
                tr!("fleet-entry-no-uri-hint"),
            ))
        }
    };
    let uri = interpolate(uri, env).map_err(|e| interpolation_error(ctx, "uri", e))?;
    let mut secrets = uri.vars.clone();
    let mut argv = vec!["mongotls".to_string(), "check".to_string()];
    // `--long` → the key as written, and its raw text when interpolated (for messages).
    let mut written: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
    for (long, (label, value)) in &merged {
        let shape = options.shapes.get(long).copied().unwrap_or(Shape::One);
        let converted = convert(ctx, label, long, shape, value, base, env)?;
        secrets.extend(converted.secrets);
        argv.extend(converted.words);
        written.insert(format!("--{long}"), (label.clone(), converted.interpolated));
    }
    argv.push("--".into());
    argv.push(uri.value);
    let args = match Cli::try_parse_from(&argv) {
        Ok(Cli {
            command: Command::Check(args),
            ..
        }) => args,
        Ok(_) => {
            return Err(TargetError::new(
                ctx,
                None,
                tr!("fleet-entry-not-check"),
                tr!("fleet-entry-option-hint"),
            ))
        }
        Err(e) => return Err(clap_error(ctx, &e, &written, &secrets)),
    };
    let mut settings = CheckSettings::from_args(&args, common.now).map_err(|e| {
        TargetError::new(
            ctx,
            None,
            scrub(&e.0, &secrets),
            tr!("fleet-entry-option-hint"),
        )
    })?;
    // The run's shared settings, but the target's own --warn-days / --strict / --at.
    let mut shared = common.clone();
    if merged.contains_key("warn-days") {
        shared.warn_days = args.common.warn_days;
    }
    if merged.contains_key("strict") {
        shared.strict = args.common.strict;
    }
    if let Some(at) = args.common.at {
        shared.now = at;
    }
    settings.common = shared;
    // The fleet shows its own progress.
    settings.progress = false;
    Ok(settings)
}

/// The hint of a refused key.
fn refusal_hint(key: &str) -> String {
    if RUN_WIDE.contains(&key.replace('_', "-").as_str()) {
        tr!("fleet-key-run-wide-hint", key = printable(key))
    } else {
        tr!("fleet-key-unknown-hint")
    }
}

/// One key's value as command-line words.
fn convert(
    ctx: &EntryContext<'_>,
    label: &str,
    long: &str,
    shape: Shape,
    value: &Value,
    base: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Converted, TargetError> {
    let flag = format!("--{long}");
    let wrong = |problem: String| {
        TargetError::new(
            ctx,
            Some(label.to_string()),
            problem,
            tr!("fleet-entry-option-hint"),
        )
    };
    let mut out = Converted {
        words: Vec::new(),
        interpolated: None,
        secrets: Vec::new(),
    };
    if shape == Shape::Flag {
        return match value {
            Value::Boolean(true) => {
                out.words.push(flag);
                Ok(out)
            }
            Value::Boolean(false) => Ok(out),
            _ => Err(wrong(tr!("fleet-value-flag", key = printable(label)))),
        };
    }
    let items: Vec<&Value> = match (value, shape) {
        (Value::Array(items), Shape::Many) => items.iter().collect(),
        (Value::Array(_), _) => {
            return Err(wrong(tr!("fleet-value-one", key = printable(label))));
        }
        (v, _) => vec![v],
    };
    let is_path = PATH_KEYS.contains(&long);
    for item in items {
        let text = match item {
            Value::String(s) => {
                let done = interpolate(s, env).map_err(|e| interpolation_error(ctx, label, e))?;
                if !done.vars.is_empty() {
                    out.interpolated = Some(s.clone());
                }
                out.secrets.extend(done.vars);
                done.value
            }
            Value::Integer(n) => n.to_string(),
            Value::Float(x) => x.to_string(),
            Value::Datetime(d) => d.to_string(),
            Value::Boolean(_) | Value::Array(_) | Value::Table(_) => {
                return Err(wrong(tr!("fleet-value-not-text", key = printable(label))));
            }
        };
        let text = if is_path && !text.is_empty() && Path::new(&text).is_relative() {
            base.join(&text).to_string_lossy().into_owned()
        } else {
            text
        };
        out.words.push(flag.clone());
        out.words.push(text);
    }
    Ok(out)
}

/// The error of a `${…}` in a key's value.
fn interpolation_error(ctx: &EntryContext<'_>, label: &str, e: InterpolationError) -> TargetError {
    let key = Some(label.to_string());
    match e {
        InterpolationError::Unset(var) => TargetError::new(
            ctx,
            key,
            tr!(
                "fleet-var-unset",
                var = format!("${{{}}}", printable(&var)),
                key = printable(label)
            ),
            tr!("fleet-var-unset-hint", name = printable(&var)),
        ),
        InterpolationError::Unterminated => TargetError::new(
            ctx,
            key,
            tr!("fleet-var-unterminated", key = printable(label)),
            tr!("fleet-var-syntax-hint"),
        ),
        InterpolationError::BadName(name) => TargetError::new(
            ctx,
            key,
            tr!(
                "fleet-var-bad-name",
                name = printable(&name),
                key = printable(label)
            ),
            tr!("fleet-var-syntax-hint"),
        ),
    }
}

/// A clap error on an entry's command line, in one line, naming the key; a value that was
/// interpolated is never quoted.
fn clap_error(
    ctx: &EntryContext<'_>,
    e: &clap::Error,
    written: &BTreeMap<String, (String, Option<String>)>,
    secrets: &[(String, String)],
) -> TargetError {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let arg = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(a)) => a.split_whitespace().next().map(str::to_string),
        _ => None,
    };
    let entry = arg.as_ref().and_then(|a| written.get(a));
    let key = entry.map(|(label, _)| label.clone());
    let quotes_value = matches!(
        e.kind(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue
    );
    let problem = match entry {
        Some((label, Some(raw))) if quotes_value => tr!(
            "fleet-value-interpolated-refused",
            key = printable(label),
            raw = printable(raw),
            flag = arg.clone().unwrap_or_default()
        ),
        _ => scrub(&crate::cli::errors::one_line(e), secrets),
    };
    TargetError::new(ctx, key, problem, tr!("fleet-entry-option-hint"))
}

/// `text` with every interpolated value of 4 characters or more replaced by its `${VAR}`
/// (shorter ones would match ordinary words; the messages that quote values are not built
/// from interpolated ones, this is the second line of defence).
fn scrub(text: &str, secrets: &[(String, String)]) -> String {
    let mut out = text.to_string();
    let mut by_length: Vec<&(String, String)> = secrets.iter().collect();
    by_length.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    for (name, value) in by_length {
        if value.chars().count() >= 4 {
            out = out.replace(value.as_str(), &format!("${{{name}}}"));
        }
    }
    out
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
