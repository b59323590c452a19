//! Text output as a reader's terminal gets it, through the binary: colour only where asked
//! (`--color`, a terminal, never with `NO_COLOR`), every line within the width (`COLUMNS`, a
//! pseudo-terminal's size), English and Chinese, and ASCII when the locale is not UTF-8.

use std::process::Command;

use crate::support::run::{text, MONGOTLS};
use crate::support::screen::overflows;

/// Every scenario `demo --scenario` accepts.
const SCENARIOS: [&str; 13] = [
    "good",
    "expired",
    "not-yet-valid",
    "wrong-ca",
    "hostname-mismatch",
    "missing-intermediate",
    "self-signed",
    "plaintext-only",
    "tls-required",
    "one-member-expired",
    "no-primary",
    "wrong-password",
    "client-cert-required",
];

/// Runs `mongotls ARGS` into a pipe with exactly the locale and terminal variables given
/// (the others removed); returns the exit code and stdout.
fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = Command::new(MONGOTLS);
    cmd.args(args);
    for var in [
        "LC_ALL",
        "LC_CTYPE",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "COLUMNS",
        "TERM",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("run mongotls");
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "{args:?} {env:?}: exit {code}\n{}",
        text(&out.stderr)
    );
    (code, text(&out.stdout))
}

/// Every line of `out` within `width` display columns (colour takes none, Chinese two).
fn assert_within(out: &str, width: usize, what: &str) {
    let wide = overflows(out, width);
    assert!(wide.is_empty(), "{what}: {}\n{out}", wide.join("\n"));
}

const UTF8: (&str, &str) = ("LANG", "C.UTF-8");

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let (_, always) = run(&["demo", "--members", "1", "--color", "always"], &[UTF8]);
    assert!(always.contains("\u{1b}["), "{always}");
    // The verdict is painted, and no escape sequence is left open at the end of a line.
    assert!(
        always.lines().last().unwrap_or("").contains("\u{1b}["),
        "{always}"
    );

    let (_, no_color) = run(
        &["demo", "--members", "1", "--color", "always"],
        &[UTF8, ("NO_COLOR", "1")],
    );
    assert!(!no_color.contains('\u{1b}'), "{no_color}");
    // Into a pipe, auto is no colour; so is never.
    for when in ["auto", "never"] {
        let (_, piped) = run(&["demo", "--members", "1", "--color", when], &[UTF8]);
        assert!(!piped.contains('\u{1b}'), "{when}: {piped}");
    }
    // JSON is never painted.
    let (_, json) = run(
        &[
            "demo",
            "--members",
            "1",
            "--color",
            "always",
            "--format",
            "json",
        ],
        &[UTF8],
    );
    assert!(!json.contains('\u{1b}'));
}

/// Every demo scenario, in one language, within 80 columns.
fn every_scenario_within_80_columns(lang: &str) {
    for scenario in SCENARIOS {
        let (_, out) = run(
            &["demo", "--scenario", scenario, "--lang", lang],
            &[UTF8, ("COLUMNS", "80")],
        );
        assert_within(&out, 80, &format!("{scenario} --lang {lang}"));
        // The summary, then the verdict, end the report, in the language asked for.
        let (summary, verdict) = match lang {
            "zh" => ("\n汇总：", "结论："),
            _ => ("\nSummary: ", "verdict: "),
        };
        let last = out.trim_end().lines().last().unwrap_or("");
        assert!(
            last.starts_with(verdict),
            "{scenario} --lang {lang}: {last}"
        );
        let at = out.rfind(summary).unwrap_or(0);
        assert!(at > 0, "{scenario} --lang {lang}: no summary\n{out}");
        assert!(
            !out[at..].contains("\n\n"),
            "{scenario} --lang {lang}: the summary is not the end\n{out}"
        );
    }
}

#[test]
fn every_demo_scenario_fits_80_columns_in_english() {
    every_scenario_within_80_columns("en");
}

#[test]
fn every_demo_scenario_fits_80_columns_in_chinese() {
    every_scenario_within_80_columns("zh");
}

#[test]
fn columns_sets_the_width_of_a_pipe_and_80_is_the_default() {
    let (_, narrow) = run(&["demo", "--members", "1"], &[UTF8, ("COLUMNS", "50")]);
    assert_within(&narrow, 50, "COLUMNS=50");
    let (_, default) = run(&["demo", "--members", "1"], &[UTF8]);
    assert_within(&default, 80, "no COLUMNS");
    // Wrapping never breaks inside a word that fits on a line: every word of the unwrapped
    // report is still there, whole.
    let (_, wide) = run(&["demo", "--members", "1"], &[UTF8, ("COLUMNS", "100000")]);
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .filter(|w| w.len() <= 30 && !w.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_owned)
            .collect()
    };
    let narrow_words = words(&narrow);
    for w in words(&wide) {
        assert!(narrow_words.contains(&w), "{w:?} was broken:\n{narrow}");
    }
}

#[test]
fn a_locale_that_is_not_utf8_gets_pure_ascii() {
    for env in [vec![("LANG", "C")], vec![], vec![("LC_ALL", "POSIX")]] {
        let (_, out) = run(&["demo", "--scenario", "expired", "--lang", "en"], &env);
        assert!(
            out.is_ascii(),
            "{env:?}: {:?}",
            out.chars().filter(|c| !c.is_ascii()).collect::<String>()
        );
        assert!(out.contains(" -- "), "{out}");
    }
    let (_, ca) = run(
        &[
            "ca",
            concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/fixed/chain.pem"),
            "--at",
            "2020-06-01T00:00:00Z",
        ],
        &[("LANG", "C")],
    );
    assert!(ca.is_ascii(), "{ca}");
    assert!(ca.contains(" -> "), "{ca}");
    // A UTF-8 locale keeps the typography.
    let (_, utf8) = run(&["demo", "--members", "1"], &[UTF8]);
    assert!(utf8.contains(" — "), "{utf8}");
}

/// `auto` in a pseudo-terminal 80 columns wide: coloured, and within the terminal's width
/// whatever `COLUMNS` says. Needs util-linux `script`; skipped where it is missing.
#[test]
fn a_terminal_gets_colour_and_its_own_width() {
    let Ok(probe) = Command::new("script").arg("--version").output() else {
        eprintln!("skipped: no `script` to make a pseudo-terminal");
        return;
    };
    if !probe.status.success() {
        eprintln!("skipped: `script` does not run");
        return;
    }
    // The report alone (tests/it/first_hour.rs plays the live progress on a screen model:
    // its redraws are not lines).
    let inner = format!(
        "stty cols 80 rows 50; COLUMNS=200 '{MONGOTLS}' demo --scenario expired --no-progress"
    );
    let out = Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .output()
        .expect("run script");
    let stdout = text(&out.stdout).replace("\r\n", "\n");
    if !stdout.contains("verdict") {
        eprintln!("skipped: no report through `script`: {stdout}");
        return;
    }
    assert!(stdout.contains("\u{1b}["), "{stdout}");
    assert_within(&stdout, 80, "a terminal 80 columns wide");
}
