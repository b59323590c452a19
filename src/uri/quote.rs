//! What messages quote of the connection string: control characters escaped, long pieces
//! cut, and at most [`MAX_WARNINGS`] warnings.

/// Most warnings [`parse`](super::parse) returns; past it, the last one says how many more
/// there were.
pub const MAX_WARNINGS: usize = 50;

/// Longest piece of the connection string quoted in an error or a warning, in characters.
const MAX_QUOTED_CHARS: usize = 200;

/// At most [`MAX_WARNINGS`] warnings, with what they quote made printable.
pub(super) fn printable_warnings(mut warnings: Vec<String>) -> Vec<String> {
    if warnings.len() > MAX_WARNINGS {
        let hidden = warnings.len() - (MAX_WARNINGS - 1);
        warnings.truncate(MAX_WARNINGS - 1);
        warnings.push(crate::tr!("uri-warning-more", hidden = hidden.to_string()));
    }
    warnings.iter().map(|w| escape_controls(w)).collect()
}

/// A piece of the connection string fit to quote in a message: [`escape_controls`], and at
/// most [`MAX_QUOTED_CHARS`] characters (then `…`).
pub(super) fn printable(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", escape_controls(text.get(..end).unwrap_or(text))),
        None => escape_controls(text),
    }
}

/// `text` with control characters (line breaks, terminal escapes) and bidi overrides written
/// as escapes (`\n`, `\u{1b}`), so that a message cannot move the cursor, recolour the
/// terminal or reorder what the reader sees: the renderers' own rule.
pub(super) fn escape_controls(text: &str) -> String {
    crate::escape::printable(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::parse;

    #[test]
    fn errors_escape_control_characters_they_quote() {
        let cases = [
            ("mongodb://local\nhost:1/", "local\\nhost"),
            ("mongodb://h:1\u{1b}[2J/", "1\\u{1b}[2J"),
            ("mongodb://h/?tls=tr\u{7}ue", "tr\\u{7}ue"),
            ("mongodb://h/?connectTimeoutMS=1%0A2", "1\\n2"),
            ("mongodb://h/db%1B$", "db\\u{1b}$"),
            ("mongodb://h/?ap\u{1b}p=%zz", "ap\\u{1b}p"),
            ("mongodb://[::1\r]:1/", "[::1\\r]:1"),
        ];
        for (uri, quoted) in cases {
            let message = parse(uri).unwrap_err().to_string();
            assert!(message.contains(quoted), "{uri:?}: {message}");
            assert!(
                !message.chars().any(char::is_control),
                "{uri:?}: {message:?}"
            );
        }
    }

    #[test]
    fn warnings_escape_control_characters_and_name_unknown_options_as_listed() {
        let cs = parse("mongodb://h/?app%1B%5B31mName=x&a%0Ab=1&a%0Ab=2&c%0D=").unwrap();
        for w in &cs.warnings {
            assert!(!w.chars().any(char::is_control), "{w:?}");
        }
        assert_eq!(cs.unknown_options, ["app\\u{1b}[31mName", "a\\nb"]);
        // Each unknown option's warning quotes it as `unknown_options` lists it.
        for name in &cs.unknown_options {
            assert!(
                cs.warnings.iter().any(|w| w.contains(&format!("'{name}'"))),
                "{name}: {:?}",
                cs.warnings
            );
        }
        // The names stay as written where the string is rendered again (percent-encoded).
        assert!(
            cs.redacted().contains("app%1B%5B31mName=x"),
            "{}",
            cs.redacted()
        );
    }

    #[test]
    fn long_quoted_text_is_cut() {
        let host = format!("{}!", "h".repeat(10_000));
        let message = parse(&format!("mongodb://{host}/"))
            .unwrap_err()
            .to_string();
        assert!(message.len() < 1_000, "{} bytes", message.len());
        assert!(message.contains(&format!("'{}…'", "h".repeat(MAX_QUOTED_CHARS))));
        // The explanation after the quote is kept whole.
        assert!(
            message.ends_with("(letters, digits, '-', '.' only)"),
            "{message}"
        );

        let name = "n".repeat(10_000);
        let cs = parse(&format!("mongodb://h/?{name}=1")).unwrap();
        assert!(cs.warnings[0].len() < 1_000, "{}", cs.warnings[0]);
        assert_eq!(cs.unknown_options[0].chars().count(), MAX_QUOTED_CHARS + 1);
        assert_eq!(cs.other_options[0].name, name, "kept whole for redacted()");
    }

    #[test]
    fn warnings_are_capped_with_a_count_of_the_rest() {
        let options: Vec<String> = (0..120).map(|i| format!("opt{i}=1")).collect();
        let cs = parse(&format!("mongodb://h/?{}", options.join("&"))).unwrap();
        assert_eq!(cs.unknown_options.len(), 120);
        assert_eq!(cs.warnings.len(), MAX_WARNINGS);
        assert_eq!(
            cs.warnings[MAX_WARNINGS - 1],
            "71 more warnings about the connection string are not shown; fix the ones above \
             and run again"
        );
        assert!(cs.warnings[0].contains("'opt0'"));
        let few = parse("mongodb://h/?a=1&b=2").unwrap();
        assert_eq!(few.warnings.len(), 2);
    }
}
