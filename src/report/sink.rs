//! The text sink: where every text output passes on its way out (`check`, `ca`, `verify`,
//! `demo`, `bench` reports, and the sandbox's lines). It decides, once, what the reader's
//! terminal gets:
//!
//! - colour: the sequences renderers painted ([`super::style`]) stay or go ([`ColorWhen`]:
//!   `auto` is stdout being a terminal whose `TERM` is not `dumb`; `NO_COLOR` set to anything
//!   non-empty turns colour off in every mode, `always` included);
//! - width: each line is wrapped to the terminal's width (stdout a terminal), else to
//!   `COLUMNS` when it is a number, else to 80 columns (never below [`MIN_WIDTH`]); words are
//!   never broken unless one alone is longer than a line; continuation lines start at the
//!   line's own indentation, or where the renderer put [`super::style::HANG`]; width is
//!   counted in display columns (escape sequences count 0, CJK characters 2), Chinese wraps
//!   between characters;
//! - ASCII: when the locale's character set is not UTF-8 (the first non-empty of `LC_ALL`,
//!   `LC_CTYPE`, `LANG` names no UTF-8 codeset, or is `C`/`POSIX`/unset), the typographic
//!   characters of the English text become ASCII (`—` `--`, `→` `->`, `µ` `u`, …);
//! - safety: every control character except the painted sequences and tabs is shown escaped,
//!   as [`crate::escape::Escaping`] does for the other formats.
//!
//! [`layout_line`] is the whole transformation of one line, a pure function; [`TextSink`] applies
//! it to a stream, line by line; [`Environment`] reads what decides the [`Layout`].

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use textwrap::core::{display_width, Word};
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

use super::style::{self, HANG};
use crate::escape::printable;

/// Narrowest width text is wrapped to, whatever the terminal or `COLUMNS` says.
pub const MIN_WIDTH: usize = 20;
/// Width when neither the terminal nor `COLUMNS` says.
pub const DEFAULT_WIDTH: usize = 80;

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorWhen {
    /// When stdout is a terminal (and `TERM` is not `dumb`).
    Auto,
    /// Always (unless `NO_COLOR`).
    Always,
    /// Never.
    Never,
}

/// How text leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Keep the painted escape sequences.
    pub color: bool,
    /// Wrap lines to this many display columns (`None`: never wrap).
    pub width: Option<usize>,
    /// Replace typographic characters by ASCII.
    pub ascii: bool,
}

impl Layout {
    /// No colour, no wrapping, characters as written: the text of the library's
    /// [`super::Report::render`] and of files.
    pub const PLAIN: Layout = Layout {
        color: false,
        width: None,
        ascii: false,
    };
}

/// What decides the layout, read from the process ([`Environment::of_stdout`]) or given by a
/// test.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// stdout is a terminal.
    pub terminal: bool,
    /// The terminal's width in columns, when stdout is one and it could be asked.
    pub terminal_width: Option<usize>,
    /// `TERM`.
    pub term: Option<String>,
    /// `NO_COLOR`.
    pub no_color: Option<String>,
    /// `COLUMNS`.
    pub columns: Option<String>,
    /// `LC_ALL`.
    pub lc_all: Option<String>,
    /// `LC_CTYPE`.
    pub lc_ctype: Option<String>,
    /// `LANG`.
    pub lang: Option<String>,
}

impl Environment {
    /// This process's stdout and environment.
    pub fn of_stdout() -> Environment {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        Environment::of_stream(terminal, || {
            terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0))
        })
    }

    /// This process's stderr and environment: for the lines a command says as it goes
    /// (`demo`'s note about its CA file), which share the terminal with the report.
    pub fn of_stderr() -> Environment {
        let stderr = io::stderr();
        let terminal = stderr.is_terminal();
        Environment::of_stream(terminal, || {
            terminal_size::terminal_size_of(&stderr).map(|(w, _)| usize::from(w.0))
        })
    }

    fn of_stream(terminal: bool, width: impl FnOnce() -> Option<usize>) -> Environment {
        let var = |name| std::env::var(name).ok();
        Environment {
            terminal,
            terminal_width: if terminal { width() } else { None },
            term: var("TERM"),
            no_color: var("NO_COLOR"),
            columns: var("COLUMNS"),
            lc_all: var("LC_ALL"),
            lc_ctype: var("LC_CTYPE"),
            lang: var("LANG"),
        }
    }

    /// Colour for `--color when`.
    pub fn color(&self, when: ColorWhen) -> bool {
        if self.no_color.as_deref().is_some_and(|v| !v.is_empty()) {
            return false;
        }
        match when {
            ColorWhen::Never => false,
            ColorWhen::Always => true,
            ColorWhen::Auto => self.terminal && self.term.as_deref() != Some("dumb"),
        }
    }

    /// The width to wrap reports to: the terminal's, else `COLUMNS`, else 80.
    pub fn width(&self) -> usize {
        self.terminal_width
            .filter(|w| *w > 0)
            .or_else(|| {
                self.columns
                    .as_deref()
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .filter(|w| *w > 0)
            })
            .unwrap_or(DEFAULT_WIDTH)
            .max(MIN_WIDTH)
    }

    /// The locale's character set is not UTF-8.
    pub fn ascii(&self) -> bool {
        let locale = [&self.lc_all, &self.lc_ctype, &self.lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match locale {
            None => true,
            Some(l) => {
                let l = l.to_ascii_lowercase();
                !(l.contains("utf-8") || l.contains("utf8"))
            }
        }
    }

    /// The layout of reports: coloured per `when`, wrapped to [`Environment::width`].
    pub fn layout(&self, when: ColorWhen) -> Layout {
        Layout {
            color: self.color(when),
            width: Some(self.width()),
            ascii: self.ascii(),
        }
    }

    /// The layout of lines printed as a command goes (the sandbox's URI and CA file, which
    /// people copy and scripts read): wrapped only to a terminal's width, whole in a pipe.
    pub fn stream_layout(&self, when: ColorWhen) -> Layout {
        Layout {
            width: self.terminal.then(|| self.width()),
            ..self.layout(when)
        }
    }
}

/// Typographic characters of the English text and their ASCII stand-ins.
const ASCII: &[(char, &str)] = &[
    ('—', "--"),
    ('–', "-"),
    ('−', "-"),
    ('‐', "-"),
    ('·', "-"),
    ('•', "*"),
    ('µ', "u"),
    ('→', "->"),
    ('←', "<-"),
    ('⇒', "=>"),
    ('≤', "<="),
    ('≥', ">="),
    ('≠', "!="),
    ('≈', "~"),
    ('±', "+/-"),
    ('×', "x"),
    ('…', "..."),
    ('✓', "ok"),
    ('✔', "ok"),
    ('✗', "x"),
    ('✘', "x"),
    ('“', "\""),
    ('”', "\""),
    ('‘', "'"),
    ('’', "'"),
    ('«', "<<"),
    ('»', ">>"),
    ('§', "S"),
    ('°', " deg"),
    ('⌊', "floor("),
    ('⌋', ")"),
    ('─', "-"),
    ('│', "|"),
    ('\u{a0}', " "),
];

fn to_ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match ASCII.iter().find(|(g, _)| *g == c) {
            Some((_, a)) => out.push_str(a),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text as written, the tabs kept and every other dangerous character escaped.
fn escaped(text: &str) -> String {
    text.split('\t')
        .map(|part| printable(part))
        .collect::<Vec<_>>()
        .join("\t")
}

/// One line (without its line break) as it leaves: escaped, painted or not, in ASCII or not,
/// wrapped into one or more lines joined by `\n` (no trailing line break).
pub fn layout_line(line: &str, layout: &Layout) -> String {
    let line = line.strip_suffix('\r').unwrap_or(line);
    // Assemble the visible text, keeping the painted sequences (or not) and noting where
    // continuation lines should hang.
    let mut out = String::with_capacity(line.len());
    let mut hang: Option<usize> = None;
    let mut rest = line;
    while !rest.is_empty() {
        let next = rest
            .find(|c| c == '\u{1b}' || HANG.starts_with(c))
            .unwrap_or(rest.len());
        let (text, after) = rest.split_at(next);
        if !text.is_empty() {
            let text = escaped(text);
            if layout.ascii {
                out.push_str(&to_ascii(&text));
            } else {
                out.push_str(&text);
            }
        }
        rest = after;
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix(HANG) {
            hang.get_or_insert_with(|| display_width(&out));
            rest = after;
        } else if let Some(seq) = style::sequences().iter().find(|s| rest.starts_with(*s)) {
            if layout.color {
                out.push_str(seq);
            }
            rest = &rest[seq.len()..];
        } else {
            // An escape character nobody painted: shown, not obeyed.
            out.push_str(&printable("\u{1b}"));
            rest = &rest['\u{1b}'.len_utf8()..];
        }
    }
    match layout.width {
        Some(width) if display_width(&out) > width => wrap(&out, width, hang),
        _ => out,
    }
}

/// `line` wrapped to `width` columns; continuation lines at `hang` (else the line's indent).
fn wrap(line: &str, width: usize, hang: Option<usize>) -> String {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let hang = match hang {
        // A hang so deep that little would fit after it: the line's own indent, plus a step.
        Some(h) if h > indent && h <= width / 2 => h,
        Some(_) => (indent + 4).min(width / 2),
        None => indent.min(width / 2),
    };
    let first = " ".repeat(indent.min(width / 2));
    let next = " ".repeat(hang);
    let options = Options::new(width)
        .initial_indent(&first)
        .subsequent_indent(&next)
        .break_words(true)
        .word_separator(WordSeparator::Custom(words))
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    textwrap::wrap(body, &options).join("\n")
}

/// Where a line may break: after spaces, and beside wide (CJK) characters where the Unicode
/// line-breaking rules allow it — never inside an English word, an option (`--ca`), a path or
/// a host name (those break only when one alone is longer than a line).
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let found: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties
        .find_words(line)
        .collect();
    let mut out = Vec::with_capacity(found.len());
    let (mut start, mut end) = (0, 0);
    for (i, w) in found.iter().enumerate() {
        end += w.word.len() + w.whitespace.len() + w.penalty.len();
        let last = i + 1 == found.len();
        let breaks = last
            || !w.whitespace.is_empty()
            || last_visible(w.word).is_some_and(wide)
            || found
                .get(i + 1)
                .and_then(|n| first_visible(n.word))
                .is_some_and(wide);
        if breaks && end <= line.len() {
            split_long(&line[start..end], &mut out);
            start = end;
        }
    }
    if start < line.len() {
        split_long(&line[start..], &mut out);
    }
    Box::new(out.into_iter())
}

/// Tokens longer than this many columns (a URI, a path, a fingerprint) may break after their
/// punctuation rather than at an arbitrary character when they do not fit on a line.
const LONG_TOKEN: usize = 30;

/// `word`, or when it is a long token, its pieces up to and including each `,&:/;?`.
fn split_long<'a>(word: &'a str, out: &mut Vec<Word<'a>>) {
    if display_width(word) <= LONG_TOKEN {
        out.push(Word::from(word));
        return;
    }
    let mut start = 0;
    for (i, c) in word.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, ',' | '&' | ':' | '/' | ';' | '?') && end < word.trim_end().len() {
            out.push(Word::from(&word[start..end]));
            start = end;
        }
    }
    out.push(Word::from(&word[start..]));
}

/// `s` without escape sequences.
fn visible(s: &str) -> Cow<'_, str> {
    if s.contains('\u{1b}') {
        Cow::Owned(anstream::adapter::strip_str(s).to_string())
    } else {
        Cow::Borrowed(s)
    }
}

fn first_visible(s: &str) -> Option<char> {
    visible(s).chars().next()
}

fn last_visible(s: &str) -> Option<char> {
    visible(s).chars().next_back()
}

/// Two columns wide: CJK ideographs, kana, full-width forms and punctuation.
fn wide(c: char) -> bool {
    let mut buf = [0u8; 4];
    display_width(c.encode_utf8(&mut buf)) == 2
}

/// A writer that lays out each line as it is completed ([`layout_line`]). Bytes that are not
/// UTF-8 become U+FFFD. [`TextSink::finish`] writes an unterminated last line and flushes.
pub struct TextSink<W: Write> {
    inner: W,
    layout: Layout,
    pending: Vec<u8>,
}

impl<W: Write> TextSink<W> {
    /// Lays out what is written to `inner` with `layout`.
    pub fn new(inner: W, layout: Layout) -> Self {
        TextSink {
            inner,
            layout,
            pending: Vec::new(),
        }
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(line);
        let mut shown = layout_line(&text, &self.layout);
        shown.push('\n');
        self.inner.write_all(shown.as_bytes())
    }

    /// Writes what is left (a last line without a line break) and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            let text = String::from_utf8_lossy(&rest);
            let shown = layout_line(&text, &self.layout);
            self.inner.write_all(shown.as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Write for TextSink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        while let Some(end) = self.pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            self.write_line(&line[..end])?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::style::{paint, Role};

    const COLOUR_80: Layout = Layout {
        color: true,
        width: Some(80),
        ascii: false,
    };

    fn width(w: usize) -> Layout {
        Layout {
            width: Some(w),
            ..Layout::PLAIN
        }
    }

    fn lines(s: &str) -> Vec<&str> {
        s.split('\n').collect()
    }

    #[test]
    fn short_lines_pass_unchanged_and_long_ones_wrap_between_words() {
        assert_eq!(
            layout_line("   a short line", &width(20)),
            "   a short line"
        );
        let out = layout_line(
            "   certificate CN=localhost expires in 365 days and chains to the CA file",
            &width(30),
        );
        assert_eq!(
            lines(&out),
            [
                "   certificate CN=localhost",
                "   expires in 365 days and",
                "   chains to the CA file"
            ]
        );
    }

    #[test]
    fn continuation_lines_hang_where_the_renderer_marked() {
        let line = format!("   WARN {HANG}tls.plaintext_accepted: plaintext is still accepted");
        let out = layout_line(&line, &width(40));
        assert_eq!(
            lines(&out),
            [
                "   WARN tls.plaintext_accepted:",
                "        plaintext is still accepted"
            ]
        );
        // A hang past half the width falls back to the indent plus a step.
        let line = format!("   {}{HANG}word word word word", "x".repeat(20));
        let out = layout_line(&line, &width(30));
        assert!(lines(&out)[1].starts_with("       word"), "{out}");
    }

    #[test]
    fn no_line_is_wider_than_the_width_words_break_only_when_alone_too_long() {
        let url = "mongodb://localhost:27017,localhost:27018/?tls=true&tlsCAFile=/tmp/x/ca.pem";
        let out = layout_line(&format!("Target  {HANG}{url} and --ca"), &width(40));
        for l in lines(&out) {
            assert!(display_width(l) <= 40, "{l:?} in {out}");
        }
        // The option stays whole on its line.
        assert!(lines(&out).last().unwrap().ends_with("and --ca"), "{out}");
        assert!(lines(&out)[1].starts_with("        "), "{out}");
        // Hyphens and slashes do not invite a break in a word that fits...
        let out = layout_line("see tls-and-plain a/b/c", &width(14));
        assert_eq!(lines(&out), ["see", "tls-and-plain", "a/b/c"]);
        // ... but a fingerprint too long for a line breaks after a colon.
        let sha = "59:DA:9F:54:58:62:30:01:42:8F:0E:37:75:AC:CA:5E:FA:05:0B:E3:0E:5F";
        let out = layout_line(&format!("   sha256      {HANG}{sha}"), &width(40));
        assert_eq!(
            lines(&out),
            [
                "   sha256      59:DA:9F:54:58:62:30:01:",
                "               42:8F:0E:37:75:AC:CA:5E:",
                "               FA:05:0B:E3:0E:5F"
            ]
        );
    }

    #[test]
    fn escape_sequences_count_zero_columns_and_colour_off_removes_them() {
        let line = format!(
            "{} {}",
            paint(Role::Fail, "FAIL"),
            "word ".repeat(20).trim_end()
        );
        let coloured = layout_line(&line, &COLOUR_80);
        assert!(coloured.contains("\u{1b}["), "{coloured:?}");
        for l in lines(&coloured) {
            assert!(display_width(l) <= 80);
        }
        assert_eq!(
            lines(&coloured)[0].len() - display_width(lines(&coloured)[0]),
            coloured.len() - display_width(&coloured) - lines(&coloured).len() + 1
        );
        let plain = layout_line(&line, &width(80));
        assert!(!plain.contains('\u{1b}'));
        assert!(plain.starts_with("FAIL word word"));
    }

    #[test]
    fn unpainted_escapes_are_shown_not_obeyed() {
        let out = layout_line("a\u{1b}[2Jb\u{1b}[31mc\u{7}d\te", &COLOUR_80);
        assert_eq!(out, "a\\u{1b}[2Jb\\u{1b}[31mc\\u{7}d\te");
    }

    #[test]
    fn chinese_counts_two_columns_and_wraps_between_characters() {
        let line = "   提示：开通SSL后，成员在强制SSL之前同时接受明文与加密连接，请在所有客户端都使用TLS后开启强制SSL。";
        let out = layout_line(line, &width(40));
        assert!(lines(&out).len() > 2, "{out}");
        for l in lines(&out) {
            assert!(display_width(l) <= 40, "{l:?}");
            assert!(l.starts_with("   "), "{l:?}");
            // Chinese punctuation never starts a line.
            assert!(!l.trim_start().starts_with('，'), "{l:?}");
        }
        assert_eq!(display_width("结论：失败"), 10);
    }

    #[test]
    fn ascii_fallback_maps_the_typographic_characters() {
        let l = Layout {
            ascii: true,
            ..Layout::PLAIN
        };
        assert_eq!(
            layout_line("a — b · 3 µs → ≤ ≥ … ✓ ✗ “q”", &l),
            "a -- b - 3 us -> <= >= ... ok x \"q\""
        );
    }

    #[test]
    fn the_environment_decides_colour_width_and_ascii() {
        let tty = Environment {
            terminal: true,
            terminal_width: Some(100),
            term: Some("xterm-256color".into()),
            lang: Some("en_US.UTF-8".into()),
            ..Environment::default()
        };
        assert!(tty.color(ColorWhen::Auto));
        assert_eq!(tty.width(), 100);
        assert!(!tty.ascii());
        let no_color = Environment {
            no_color: Some("1".into()),
            ..tty.clone()
        };
        for when in [ColorWhen::Auto, ColorWhen::Always, ColorWhen::Never] {
            assert!(!no_color.color(when), "{when:?}");
        }
        // An empty NO_COLOR does not count.
        let empty = Environment {
            no_color: Some(String::new()),
            ..tty.clone()
        };
        assert!(empty.color(ColorWhen::Auto));
        let dumb = Environment {
            term: Some("dumb".into()),
            ..tty.clone()
        };
        assert!(!dumb.color(ColorWhen::Auto) && dumb.color(ColorWhen::Always));

        let pipe = Environment {
            columns: Some("132".into()),
            ..Environment::default()
        };
        assert!(!pipe.color(ColorWhen::Auto) && pipe.color(ColorWhen::Always));
        assert_eq!(pipe.width(), 132);
        assert_eq!(pipe.layout(ColorWhen::Auto).width, Some(132));
        assert_eq!(pipe.stream_layout(ColorWhen::Auto).width, None);
        let odd = Environment {
            columns: Some("wide".into()),
            ..Environment::default()
        };
        assert_eq!(odd.width(), 80);
        let tiny = Environment {
            columns: Some("5".into()),
            ..Environment::default()
        };
        assert_eq!(tiny.width(), MIN_WIDTH);

        // The first non-empty of LC_ALL, LC_CTYPE, LANG names the character set.
        let locale = |all: &str, ctype: &str, lang: &str| Environment {
            lc_all: Some(all.into()),
            lc_ctype: Some(ctype.into()),
            lang: Some(lang.into()),
            ..Environment::default()
        };
        assert!(Environment::default().ascii());
        assert!(locale("", "", "C").ascii());
        assert!(locale("", "", "POSIX").ascii());
        assert!(locale("", "", "en_US").ascii());
        assert!(locale("", "", "en_US.ISO-8859-1").ascii());
        assert!(!locale("", "", "C.UTF-8").ascii());
        assert!(!locale("", "zh_CN.utf8", "C").ascii());
        assert!(locale("C", "zh_CN.UTF-8", "zh_CN.UTF-8").ascii());
    }

    #[test]
    fn the_sink_lays_out_line_by_line_across_writes() {
        let mut out = Vec::new();
        let mut sink = TextSink::new(&mut out, width(20));
        sink.write_all(b"first line that is long\nsecond \xe2\x80")
            .unwrap();
        sink.write_all(b"\x94 \xff\nlast").unwrap();
        sink.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "first line that is\nlong\nsecond \u{2014} \u{fffd}\nlast"
        );
    }
}
