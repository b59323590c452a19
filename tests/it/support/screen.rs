//! Text as a terminal shows it: where a transcript would run past a screen's last column,
//! and the words once colour is taken out.

use unicode_width::UnicodeWidthChar;

/// Plays `transcript` on a screen `width` columns wide (a pseudo-terminal with `onlcr`, so a
/// line feed returns to column 0) and returns every place a character would have gone past
/// the last column.
pub fn overflows(transcript: &str, width: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut col = 0usize;
    let mut line = String::new();
    let mut chars = transcript.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    let mut params = String::new();
                    let mut end = None;
                    for c in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&c) {
                            end = Some(c);
                            break;
                        }
                        params.push(c);
                    }
                    let n = params
                        .trim_start_matches('?')
                        .split(';')
                        .next()
                        .and_then(|p| p.parse::<usize>().ok())
                        .unwrap_or(1);
                    match end {
                        Some('C') => col += n,
                        Some('D') => col = col.saturating_sub(n),
                        Some('G') => col = n.saturating_sub(1),
                        _ => {}
                    }
                }
                Some(']') => {
                    // An operating-system command, up to BEL.
                    for c in chars.by_ref() {
                        if c == '\u{7}' {
                            break;
                        }
                    }
                }
                _ => {
                    chars.next();
                }
            },
            '\r' | '\n' => {
                col = 0;
                line.clear();
            }
            '\u{8}' => col = col.saturating_sub(1),
            '\t' => col = (col / 8 + 1) * 8,
            c if c.is_control() => {}
            c => {
                let w = c.width().unwrap_or(0);
                line.push(c);
                if col + w > width {
                    found.push(format!("past column {width}: {line:?}"));
                    col = w;
                    line.clear();
                } else {
                    col += w;
                }
            }
        }
    }
    found
}

/// `s` without SGR sequences (colour and weight), the words as a reader sees them.
pub fn without_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(|c: char| c.is_ascii_alphabetic()) {
            Some(end) if after.as_bytes()[end] == b'm' => rest = &after[end + 1..],
            Some(_) => {
                out.push_str("\u{1b}[");
                rest = after;
            }
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}
