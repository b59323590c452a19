//! Colour for text output: renderers mark what a span *is* ([`Role`]); whether it is coloured
//! is decided once, at the output ([`super::sink`]), from `--color`, `NO_COLOR` and the
//! terminal.
//!
//! Renderers always call [`paint`]; the text sink removes the sequences again when colour is
//! off, so a renderer never needs to know where its output goes. The sink lets through only
//! the sequences painted here ([`sequences`]) and shows any other escape character escaped, so
//! server-supplied text cannot colour, hide or move anything even where a renderer forgot
//! [`crate::escape::printable`].
//!
//! Renderers may also mark, once per line, the column continuation lines align to when the
//! line is wrapped ([`HANG`]); without it they keep the line's own indentation.

use std::sync::OnceLock;

use anstyle::{AnsiColor, Style};

use crate::findings::{Severity, Verdict};

/// Put where continuation lines of a wrapped line should start (a hanging indent: under a
/// finding's message, under a label's value). Invisible: the text sink removes it.
pub const HANG: &str = "\u{1f}";

/// What a painted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A failure: the FAIL verdict, `fail` severities.
    Fail,
    /// A warning.
    Warn,
    /// A fact (`info`).
    Info,
    /// A pass.
    Pass,
    /// A heading or a label.
    Heading,
    /// Secondary detail (hints, durations).
    Dim,
}

impl Role {
    const ALL: [Role; 6] = [
        Role::Fail,
        Role::Warn,
        Role::Info,
        Role::Pass,
        Role::Heading,
        Role::Dim,
    ];

    fn style(self) -> Style {
        match self {
            Role::Fail => AnsiColor::Red.on_default().bold(),
            Role::Warn => AnsiColor::Yellow.on_default().bold(),
            Role::Info => AnsiColor::Cyan.on_default(),
            Role::Pass => AnsiColor::Green.on_default().bold(),
            Role::Heading => Style::new().bold(),
            Role::Dim => Style::new().dimmed(),
        }
    }

    /// The role of a finding's severity.
    pub fn of_severity(s: Severity) -> Role {
        match s {
            Severity::Fail => Role::Fail,
            Severity::Warn => Role::Warn,
            Severity::Info => Role::Info,
        }
    }

    /// The role of a verdict.
    pub fn of_verdict(v: Verdict) -> Role {
        match v {
            Verdict::Fail => Role::Fail,
            Verdict::Warn => Role::Warn,
            Verdict::Pass => Role::Pass,
        }
    }
}

/// `text` marked as `role` (SGR sequences around it).
pub fn paint(role: Role, text: &str) -> String {
    let style = role.style();
    format!("{style}{text}{style:#}")
}

/// The text as it leaves: unchanged when colour is on, every SGR sequence removed when off.
/// (Reports leave through the text sink, which does this itself.)
pub fn finish(text: &str, color: bool) -> String {
    if color {
        text.to_owned()
    } else {
        anstream::adapter::strip_str(text).to_string()
    }
}

/// Every escape sequence [`paint`] writes, longest first: the only ones the text sink keeps.
pub fn sequences() -> &'static [String] {
    static SEQUENCES: OnceLock<Vec<String>> = OnceLock::new();
    SEQUENCES.get_or_init(|| {
        let mut all: Vec<String> = Role::ALL
            .iter()
            .flat_map(|r| {
                let s = r.style();
                [format!("{s}"), format!("{s:#}")]
            })
            .filter(|s| !s.is_empty())
            .collect();
        all.sort_by_key(|s| std::cmp::Reverse(s.len()));
        all.dedup();
        all
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn painted_text_is_stripped_back_to_itself_when_colour_is_off() {
        let s = format!(
            "verdict: {} ({})",
            paint(Role::Fail, "FAIL"),
            paint(Role::Dim, "1 ms")
        );
        assert!(s.contains('\u{1b}'));
        assert_eq!(finish(&s, false), "verdict: FAIL (1 ms)");
        assert_eq!(finish(&s, true), s);
    }

    #[test]
    fn every_painted_sequence_is_known_to_the_sink() {
        for role in Role::ALL {
            let painted = paint(role, "x");
            let (start, end) = painted.split_once('x').unwrap();
            for part in [start, end] {
                assert!(
                    sequences().iter().any(|s| s == part),
                    "{role:?}: {part:?} is not in {:?}",
                    sequences()
                );
            }
        }
    }
}
