//! Colour for text output: renderers mark what a span *is* ([`Role`]); whether it is coloured
//! is decided once, at the output ([`finish`]), from `--color`, `NO_COLOR` and the terminal.
//!
//! Renderers always call [`paint`]; the text sink strips every SGR sequence again when colour
//! is off, so a renderer never needs to know where its output goes. User- and server-supplied
//! text is escaped ([`crate::escape::printable`]) before it reaches a renderer, so the only
//! escape sequences in the text are the ones painted here.

use anstyle::{AnsiColor, Style};

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
}

/// `text` marked as `role` (SGR sequences around it).
pub fn paint(role: Role, text: &str) -> String {
    let style = role.style();
    format!("{style}{text}{style:#}")
}

/// The text as it leaves: unchanged when colour is on, every SGR sequence removed when off.
pub fn finish(text: &str, color: bool) -> String {
    if color {
        text.to_owned()
    } else {
        anstream::adapter::strip_str(text).to_string()
    }
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
}
