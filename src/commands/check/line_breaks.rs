//! The terminal under the live progress, with real line breaks.
//!
//! indicatif fills every line it draws with spaces to the terminal's last column and writes
//! the next line straight after, counting on the terminal to wrap on its own. On screen that
//! is right, but a transcript of the terminal (`script`, a CI log of a pseudo-terminal, a
//! screen reader) then holds one "line" per redraw, three or more terminal widths long. This
//! [`TermLike`] keeps what is drawn and where the cursor ends, and changes only how a line
//! ends: the filling spaces become "clear to the end of the line" (`ESC [ K`), and the next
//! line starts after a line feed. The cursor is on the same row either way (after the last
//! line, on that line), so indicatif's own accounting of lines to redraw still holds.

use std::io;
use std::sync::{Arc, Mutex};

use console::Term;
use indicatif::TermLike;

/// [`Term`] with line feeds between the lines indicatif draws.
#[derive(Debug)]
pub(super) struct LineBreaks {
    term: Term,
    /// A line was just ended by filling: the next text starts on the next row. Shared with
    /// [`LineBreaks::end`], which ends the last row when the display is done.
    pending: Arc<Mutex<bool>>,
}

/// Ends the display's last row once it is done, so that what is printed next (the report,
/// `demo`'s note) starts on a row of its own, as it would after indicatif's filling.
#[derive(Clone, Debug)]
pub(super) struct EndOfDisplay {
    pending: Arc<Mutex<bool>>,
}

impl EndOfDisplay {
    pub(super) fn end(&self) {
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *pending {
            *pending = false;
            let _ = Term::stderr().write_str("\n");
        }
    }
}

impl LineBreaks {
    pub(super) fn stderr() -> (LineBreaks, EndOfDisplay) {
        let pending = Arc::new(Mutex::new(false));
        (
            LineBreaks {
                term: Term::stderr(),
                pending: pending.clone(),
            },
            EndOfDisplay { pending },
        )
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, bool> {
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What to write for `s` given whether a line was just filled: `(text, now pending)`.
fn translate(s: &str, pending: bool) -> (String, bool) {
    if !s.is_empty() && s.bytes().all(|b| b == b' ') {
        // The filling: clear the rest of the row instead; the line feed waits for the text.
        return ("\u{1b}[K".to_owned(), true);
    }
    if pending && !s.is_empty() && s != "\r" {
        return (format!("\n{s}"), false);
    }
    // A carriage return starts a redraw on the same row: nothing was left to break.
    (s.to_owned(), pending && s.is_empty())
}

impl TermLike for LineBreaks {
    fn width(&self) -> u16 {
        self.term.size().1
    }

    fn height(&self) -> u16 {
        self.term.size().0
    }

    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        // Moving by 0 rows leaves the row as it was, a line ended by filling included.
        if n > 0 {
            *self.pending() = false;
        }
        self.term.move_cursor_up(n)
    }

    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        // Moving by 0 rows leaves the row as it was, a line ended by filling included.
        if n > 0 {
            *self.pending() = false;
        }
        self.term.move_cursor_down(n)
    }

    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.term.move_cursor_right(n)
    }

    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        self.term.move_cursor_left(n)
    }

    fn write_line(&self, s: &str) -> io::Result<()> {
        let mut pending = self.pending();
        let prefix = if *pending { "\n" } else { "" };
        *pending = false;
        self.term.write_str(prefix)?;
        self.term.write_line(s)
    }

    fn write_str(&self, s: &str) -> io::Result<()> {
        let mut pending = self.pending();
        let (text, now) = translate(s, *pending);
        *pending = now;
        self.term.write_str(&text)
    }

    fn clear_line(&self) -> io::Result<()> {
        *self.pending() = false;
        self.term.clear_line()
    }

    fn flush(&self) -> io::Result<()> {
        self.term.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn filling_becomes_clear_to_end_and_the_next_line_starts_after_a_line_feed() {
        let (a, p) = translate("⠋ db1  0s  tls …", false);
        assert_eq!((a.as_str(), p), ("⠋ db1  0s  tls …", false));
        let (b, p) = translate("        ", p);
        assert_eq!((b.as_str(), p), ("\u{1b}[K", true));
        let (c, p) = translate("⠋ db2  0s  dns …", p);
        assert_eq!((c.as_str(), p), ("\n⠋ db2  0s  dns …", false));
        // The last line of a draw stays pending until the next draw's carriage return, which
        // returns to the start of the same row: no line feed.
        let (_, p) = translate("   ", p);
        let (d, p) = translate("\r", p);
        assert_eq!((d.as_str(), p), ("\r", false));
    }
}
