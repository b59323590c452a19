//! Server-chosen text (host names and `setName` from `hello`, `errmsg`, certificate subjects)
//! reaches every report. Printed raw, a hostile server could write terminal escape sequences
//! (clear the screen, retitle the window, hide or recolour lines), bidirectional overrides
//! that reorder what the reader sees, or characters XML cannot carry into the JUnit file.
//!
//! Two layers: [`Escaping`] wraps the writer of every renderer (and of error messages) and
//! shows each such character escaped, as Rust writes it (`\r`, `\u{1b}`, `\u{202e}`; only
//! `\n` and `\t`, which the renderers write themselves, pass); [`printable`] also escapes line
//! breaks inside one value, for the text renderer and for messages that quote input, so a
//! server cannot forge report lines (a fake verdict) either.

use std::borrow::Cow;
use std::io::{self, Write};

/// Characters shown escaped: control characters (C0, DEL, C1) and the Unicode bidirectional
/// embeddings, overrides and isolates.
fn dangerous(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every dangerous character, line breaks included, escaped (`\n`, `\u{1b}`).
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(dangerous) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(escape(s, &[]))
}

fn escape(s: &str, keep: &[char]) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if dangerous(c) && !keep.contains(&c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer that escapes dangerous characters except `\n` and `\t`. Bytes that are not UTF-8
/// are written as U+FFFD; a UTF-8 sequence split across two writes is held until its end.
pub struct Escaping<'a> {
    inner: &'a mut dyn Write,
    pending: Vec<u8>,
}

impl<'a> Escaping<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a mut dyn Write) -> Self {
        Escaping {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes what is still held (an incomplete UTF-8 sequence, as U+FFFD) and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush_pending()?;
        self.inner.flush()
    }

    fn flush_pending(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let text = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner
                .write_all(escape(&text, &['\n', '\t']).as_bytes())?;
        }
        Ok(())
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut rest: &[u8] = &self.pending;
        let mut out = String::new();
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(&escape(s, &['\n', '\t']));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // `valid` is UTF-8 by construction.
                    out.push_str(&escape(&String::from_utf8_lossy(valid), &['\n', '\t']));
                    match e.error_len() {
                        Some(bad) => {
                            out.push('\u{FFFD}');
                            rest = &after[bad..];
                        }
                        // An incomplete sequence at the end: wait for the next write.
                        None => {
                            rest = after;
                            break;
                        }
                    }
                }
            }
        }
        let held = rest.to_vec();
        self.pending = held;
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let mut w = Escaping::new(&mut out);
        for p in parts {
            w.write_all(p).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn terminal_escapes_and_bidi_overrides_are_shown_not_obeyed() {
        let shown = through(&[
            "\u{1b}[2J\u{1b}]0;owned\u{7} ok\n\tnext \u{202E}txt \u{9b}31m\r".as_bytes(),
        ]);
        assert_eq!(
            shown,
            "\\u{1b}[2J\\u{1b}]0;owned\\u{7} ok\n\tnext \\u{202e}txt \\u{9b}31m\\r"
        );
    }

    #[test]
    fn plain_text_passes_unchanged_and_split_utf8_is_reassembled() {
        assert_eq!(
            through(&[b"h\xc3", b"\xa9llo \xe2\x80", b"\xae end"]),
            "héllo \\u{202e} end"
        );
        assert_eq!(through(&["Café — ✓\n".as_bytes()]), "Café — ✓\n");
        assert_eq!(
            through(&[b"bad \xff byte", b" and cut \xe2\x80"]),
            "bad \u{FFFD} byte and cut \u{FFFD}"
        );
    }

    #[test]
    fn printable_escapes_line_breaks_too() {
        assert_eq!(printable("rs0"), "rs0");
        assert!(matches!(printable("rs0"), Cow::Borrowed(_)));
        assert_eq!(printable("a\nVerdict PASS"), "a\\nVerdict PASS");
    }
}
