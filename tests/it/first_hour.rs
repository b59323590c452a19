//! Issue 11's acceptance as one user's first hour, through the binary: a pseudo-terminal 80
//! columns wide and a pipe, in `LANG=zh_CN.UTF-8` and in `LANG=C`.
//!
//! On the terminal, what the user sees is checked the way a terminal shows it: the transcript
//! (report on stdout and live progress on stderr, both the terminal) is played on a small
//! screen model, and no character may land past column 80 — a line that fills the terminal
//! and goes on (even one the terminal would wrap on its own) fails. Colour only there, never
//! with `NO_COLOR`; Chinese with the console's labels for `zh`; only ASCII for `C`; the report
//! ends with the summary and the verdict in either language.

use std::process::Command;

use crate::support::run::{text, MONGOTLS};
use crate::support::screen::{overflows, without_sgr};

const WIDTH: usize = 80;

/// `script` from util-linux, or the reason it cannot be used.
fn script_available() -> bool {
    let ok = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: no `script` (util-linux) to make a pseudo-terminal");
    }
    ok
}

/// `mongotls ARGS` on an 80×24 pseudo-terminal in `lang`; returns what the terminal got.
fn on_terminal(args: &str, lang: &str, no_color: bool) -> String {
    let inner = format!("stty cols {WIDTH} rows 24; '{MONGOTLS}' {args}");
    let mut cmd = Command::new("script");
    cmd.args(["-qfec", &inner, "/dev/null"])
        .env("LANG", lang)
        .env("TERM", "xterm-256color")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    text(&cmd.output().expect("run script").stdout)
}

/// `mongotls ARGS` into pipes with `LANG=lang` and no other locale, width or colour variable.
fn in_lang(args: &[&str], lang: &str) -> std::process::Output {
    Command::new(MONGOTLS)
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .output()
        .expect("run mongotls")
}

/// `mongotls ARGS` into pipes in `lang`, a report expected: (stdout, stderr).
fn piped(args: &[&str], lang: &str) -> (String, String) {
    let out = in_lang(args, lang);
    let code = out.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "{args:?}: exit {code}");
    (text(&out.stdout), text(&out.stderr))
}

fn has_colour(s: &str) -> bool {
    // SGR with parameters: a colour or a weight, not just a reset.
    s.split("\u{1b}[").skip(1).any(|rest| {
        rest.find('m').is_some_and(|end| {
            end > 0
                && rest[..end].bytes().all(|b| b.is_ascii_digit() || b == b';')
                && &rest[..end] != "0"
        })
    })
}

#[test]
fn the_screen_model_sees_a_line_that_goes_past_the_width() {
    assert!(overflows("abc\r\ndef", 3).is_empty());
    assert_eq!(overflows("abcd", 3).len(), 1);
    // Colour and cursor movement take no room; Chinese characters take two columns.
    assert!(overflows("\u{1b}[1;31mab\u{1b}[0m\u{1b}[K\r\n", 2).is_empty());
    assert_eq!(overflows("中文字", 5).len(), 1);
    // A redraw from the start of the row does not add to the row.
    assert!(overflows("abc\rabc\u{1b}[1A\rabc", 3).is_empty());
    // Moving up keeps the column: writing on goes past it.
    assert_eq!(overflows("abc\u{1b}[1Aabc", 3).len(), 1);
}

#[test]
fn in_a_terminal_every_line_fits_in_chinese_and_in_c() {
    if !script_available() {
        return;
    }
    for (lang, ascii) in [("zh_CN.UTF-8", false), ("C", true)] {
        for args in [
            "demo --scenario expired",
            "demo --scenario one-member-expired",
        ] {
            let shown = on_terminal(args, lang, false);
            let what = format!("{args} with LANG={lang}");
            assert!(
                shown.contains("verdict") || shown.contains("结论"),
                "{what}: no report on the terminal:\n{shown}"
            );
            let wide = overflows(&shown, WIDTH);
            assert!(wide.is_empty(), "{what}:\n{}\n\n{shown}", wide.join("\n"));
            assert!(has_colour(&shown), "{what}: no colour on a terminal");
            if ascii {
                assert!(shown.is_ascii(), "{what}: not ASCII:\n{shown}");
            } else {
                // Chinese, with the console's own label for renewing the certificate.
                let words = without_sgr(&shown);
                assert!(words.contains("汇总"), "{what}:\n{words}");
                assert!(words.contains("结论：失败"), "{what}:\n{words}");
                assert!(words.contains("更新证书"), "{what}:\n{words}");
            }
        }
        let plain = on_terminal("demo --scenario expired", lang, true);
        assert!(!has_colour(&plain), "NO_COLOR with LANG={lang}:\n{plain}");
    }
}

#[test]
fn into_a_pipe_the_report_fits_80_columns_without_colour_and_ends_with_its_answer() {
    for (lang, summary, verdict) in [
        ("zh_CN.UTF-8", "汇总：", "结论：失败"),
        ("C", "Summary: ", "verdict: FAIL"),
    ] {
        let (out, err) = piped(&["demo", "--scenario", "one-member-expired"], lang);
        let what = format!("LANG={lang}");
        assert!(
            !out.contains('\u{1b}'),
            "{what}: escape sequences into a pipe"
        );
        assert!(
            !err.contains('\u{1b}'),
            "{what}: progress into a pipe:\n{err}"
        );
        let wide = overflows(&out, WIDTH);
        assert!(wide.is_empty(), "{what}:\n{}", wide.join("\n"));
        if lang == "C" {
            assert!(out.is_ascii() && err.is_ascii(), "{what}: not ASCII");
        }
        // Under a member's heading, its findings do not name it again (in either language's
        // punctuation).
        for again in [
            "tls.plaintext_accepted: localhost:",
            "tls.plaintext_accepted：localhost:",
        ] {
            assert!(!out.contains(again), "{what}: {again}\n{out}");
        }
        // The summary block agrees with the verdict and ends the report.
        let last = out.trim_end().lines().last().unwrap_or("");
        assert!(last.starts_with(verdict), "{what}: {last}");
        let at = out
            .rfind(summary)
            .unwrap_or_else(|| panic!("{what}: no summary\n{out}"));
        assert!(out[at..].contains("cert.expired"), "{what}: {}", &out[at..]);
    }
}

#[test]
fn errors_fit_the_width_too_in_both_languages() {
    for lang in ["zh_CN.UTF-8", "C.UTF-8"] {
        for args in [
            &[
                "check",
                "--tlsCAFile",
                "x.pem",
                "mongodb://db1:3717/?tls=true",
            ][..],
            &[
                "bench",
                "mongodb://127.0.0.1:9/?tls=true",
                "--plot",
                "/no/such/directory/with/a/long/name/bench.png",
            ][..],
            &[
                "ca",
                "/no/such/directory/with/a/long/name/ApsaraDB-CA-Chain.pem",
            ][..],
        ] {
            let out = in_lang(args, lang);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = text(&out.stderr);
            let what = format!("{args:?} with LANG={lang}");
            assert!(!err.trim().is_empty(), "{what}: no error");
            let wide = overflows(&err, WIDTH);
            assert!(wide.is_empty(), "{what}:\n{}\n{err}", wide.join("\n"));
        }
    }
}
