//! The live progress of `check` (and `demo`) on stderr: one line per member, seeds first and
//! discovered members as discovery finds them, showing the phases done and running with a
//! spinner and the time so far, then the member's end (✓ or ✗ and one short reason) as soon
//! as it finishes; the SRV lookup and the driver stage get a line of their own. A finished
//! line is printed above the live ones and leaves them, so that the live area only holds what
//! is still running or waiting (and 50 members fit any terminal as they finish).
//!
//! Only on a terminal: when stderr is not one (or `--no-progress`, or `TERM=dumb`), nothing
//! is built and nothing at all is written to stderr. The report on stdout is the same either
//! way. The events come from the probes as typed values ([`ProgressEvent`]); everything shown
//! here is translated (`progress-…` in `src/i18n/*/progress.ftl`) and every address is escaped.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use console::{measure_text_width, truncate_str, Term};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::duration::format_duration;
use crate::escape::printable;
use crate::findings::Code;
use crate::probe::progress::{MemberEnd, Phase, Progress, ProgressEvent};
use crate::tr;

use super::line_breaks::{EndOfDisplay, LineBreaks};

/// How often the spinners turn (and the elapsed times move).
const TICK: Duration = Duration::from_millis(120);

/// Widest address column; longer names push their own line's text to the right.
const MAX_LABEL: usize = 40;

/// The glyphs of one kind of terminal.
struct Glyphs {
    spinner: &'static [&'static str],
    passed: &'static str,
    failed: &'static str,
    done: &'static str,
    running: &'static str,
}

const UNICODE: Glyphs = Glyphs {
    spinner: &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏", " "],
    passed: "✓",
    failed: "✗",
    done: "✓",
    running: "…",
};

/// For a locale that is not UTF-8.
const ASCII: Glyphs = Glyphs {
    spinner: &["|", "/", "-", "\\", " "],
    passed: "+",
    failed: "x",
    done: "ok",
    running: "...",
};

/// The live display of one run. Drop it (or call [`Live::finish`]) before the report is
/// printed.
pub(super) struct Live {
    state: Arc<Mutex<State>>,
    ticking: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
    end_of_display: EndOfDisplay,
}

struct Line {
    bar: ProgressBar,
    label: String,
    running: BTreeSet<Phase>,
    done: BTreeSet<Phase>,
}

struct State {
    multi: MultiProgress,
    glyphs: &'static Glyphs,
    /// Width of the address column.
    width: usize,
    /// Members by address as the events name them.
    members: HashMap<String, Line>,
    srv: Option<Line>,
    driver: Option<Line>,
}

impl Live {
    /// The display, when it is wanted (`enabled`, i.e. not `--no-progress`) and stderr is a
    /// terminal; `None` otherwise.
    pub(super) fn start(enabled: bool) -> Option<Live> {
        if !enabled || !super::super::live_stderr() {
            return None;
        }
        // 20 redraws a second, as indicatif's own stderr target; real line breaks between
        // lines (see line_breaks.rs).
        let (term, end_of_display) = LineBreaks::stderr();
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::term_like_with_hz(
            Box::new(term),
            20,
        ));
        if multi.is_hidden() {
            return None;
        }
        let state = Arc::new(Mutex::new(State {
            multi,
            glyphs: if utf8_locale() { &UNICODE } else { &ASCII },
            width: 0,
            members: HashMap::new(),
            srv: None,
            driver: None,
        }));
        // One ticker for every line: spinners turn while a member is silent.
        let ticking = Arc::new(AtomicBool::new(true));
        let ticker = {
            let state = state.clone();
            let ticking = ticking.clone();
            std::thread::Builder::new()
                .name("mongotls-progress".into())
                .spawn(move || {
                    while ticking.load(Ordering::Relaxed) {
                        lock(&state).tick();
                        std::thread::sleep(TICK);
                    }
                })
                .ok()
        };
        Some(Live {
            state,
            ticking,
            ticker,
            end_of_display,
        })
    }

    /// The handle the probes emit into.
    pub(super) fn progress(&self) -> Progress {
        let state = self.state.clone();
        Progress::to(move |event| lock(&state).on(event))
    }

    /// Stops the spinners; the lines stay on the terminal as they last were.
    pub(super) fn finish(self) {
        drop(self);
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.ticking.store(false, Ordering::Relaxed);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        let state = lock(&self.state);
        for line in state.lines() {
            if !line.bar.is_finished() {
                line.bar.abandon();
            }
        }
        self.end_of_display.end();
    }
}

/// The state, even after a panic elsewhere: a display is no reason to fail a run.
fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    fn lines(&self) -> impl Iterator<Item = &Line> {
        self.srv
            .iter()
            .chain(self.members.values())
            .chain(self.driver.iter())
    }

    fn tick(&self) {
        for line in self.lines() {
            if !line.bar.is_finished() {
                line.bar.tick();
            }
        }
    }

    /// `⠙ address   3s  dns ✓  tcp ✓  tls …`: the label padded to the column (by display
    /// width), the time so far, and the message ([`State::fit`] cuts it to the terminal).
    fn running_style(&self) -> ProgressStyle {
        let template = format!(
            "{{spinner}} {{prefix:{}}} {{elapsed:>5}}  {{msg}}",
            self.width
        );
        ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_spinner())
            .tick_strings(self.glyphs.spinner)
    }

    /// Columns left for a running line's message: the terminal's width less the spinner, the
    /// label column and the time, and one more, so that no line fills the terminal's last
    /// column (a full line makes the terminal wrap on its own, and indicatif then joins rows
    /// without a line break).
    fn message_columns(&self) -> usize {
        let columns = usize::from(Term::stderr().size().1);
        columns.saturating_sub(2 + self.width + 1 + 5 + 2 + 1)
    }

    /// A running line's message cut to [`State::message_columns`].
    fn fit(&self, message: String) -> String {
        cut(message, self.message_columns(), self.glyphs)
    }

    /// A new line at the bottom, spinning.
    fn add(&mut self, label: String, message: String) -> Line {
        let shown = measure_text_width(&label).min(MAX_LABEL);
        if shown > self.width {
            self.width = shown;
            let style = self.running_style();
            for line in self.lines() {
                if !line.bar.is_finished() {
                    line.bar.set_style(style.clone());
                }
            }
        }
        let bar = self.multi.add(ProgressBar::new_spinner());
        bar.set_style(self.running_style());
        bar.set_prefix(label.clone());
        bar.set_message(self.fit(message));
        Line {
            bar,
            label,
            running: BTreeSet::new(),
            done: BTreeSet::new(),
        }
    }

    /// Ends a line: printed for good above the live ones (the glyph, the label, how long, and
    /// what came of it, cut to the terminal's width), and taken out of the live area.
    fn end(&self, line: &Line, passed: bool, elapsed: Duration, text: String) {
        let glyph = if passed {
            self.glyphs.passed
        } else {
            self.glyphs.failed
        };
        let pad = self.width.saturating_sub(measure_text_width(&line.label));
        let full = format!(
            "{glyph} {}{} {:>5}  {text}",
            line.label,
            " ".repeat(pad),
            short(elapsed)
        );
        let columns = usize::from(Term::stderr().size().1);
        let shown = truncate_str(
            &full,
            columns.saturating_sub(1).max(20),
            self.glyphs.running,
        );
        line.bar.finish_and_clear();
        self.multi.remove(&line.bar);
        let _ = self.multi.println(shown);
    }

    fn on(&mut self, event: ProgressEvent) {
        match event {
            ProgressEvent::SrvStarted { name } => {
                let line = self.add(
                    tr!("progress-srv-label"),
                    tr!(
                        "progress-srv-looking-up",
                        name = printable(&name).into_owned()
                    ),
                );
                self.srv = Some(line);
            }
            ProgressEvent::SrvFinished { hosts } => {
                if let Some(line) = &self.srv {
                    let elapsed = line.bar.elapsed();
                    let (passed, text) = match hosts {
                        Some(n) => (true, tr!("progress-srv-found", count = n)),
                        None => (false, tr!("progress-srv-failed")),
                    };
                    self.end(line, passed, elapsed, text);
                }
            }
            ProgressEvent::MemberQueued { address, seed: _ } => {
                if self.members.contains_key(&address) {
                    return;
                }
                let line = self.add(
                    printable(&address).into_owned(),
                    tr!("progress-member-queued"),
                );
                self.members.insert(address, line);
            }
            ProgressEvent::PhaseStarted { address, phase } => {
                let glyphs = self.glyphs;
                let budget = self.message_columns();
                if let Some(line) = self.members.get_mut(&address) {
                    line.running.insert(phase);
                    line.bar
                        .set_message(cut(phases(line, glyphs), budget, glyphs));
                }
            }
            ProgressEvent::PhaseFinished { address, phase } => {
                let glyphs = self.glyphs;
                let budget = self.message_columns();
                if let Some(line) = self.members.get_mut(&address) {
                    line.running.remove(&phase);
                    line.done.insert(phase);
                    line.bar
                        .set_message(cut(phases(line, glyphs), budget, glyphs));
                }
            }
            ProgressEvent::MemberFinished { address, end } => {
                if let Some(line) = self.members.get(&address) {
                    self.end(line, end.failures == 0, end.elapsed, member_end(&end));
                }
            }
            ProgressEvent::DriverStarted => {
                let line = self.add(tr!("progress-driver-label"), tr!("progress-driver-running"));
                self.driver = Some(line);
            }
            ProgressEvent::DriverFinished { passed } => {
                if let Some(line) = &self.driver {
                    let elapsed = line.bar.elapsed();
                    match passed {
                        Some(true) => self.end(line, true, elapsed, tr!("progress-driver-passed")),
                        Some(false) => {
                            self.end(line, false, elapsed, tr!("progress-driver-failed"));
                        }
                        None => line.bar.finish_and_clear(),
                    }
                }
            }
        }
    }
}

/// The phases of a running member: those done, then those running.
fn phases(line: &Line, glyphs: &Glyphs) -> String {
    let mut parts = Vec::new();
    for phase in Phase::ALL {
        if line.done.contains(&phase) {
            parts.push(format!("{} {}", phase_name(phase), glyphs.done));
        } else if line.running.contains(&phase) {
            parts.push(format!("{} {}", phase_name(phase), glyphs.running));
        }
    }
    if parts.is_empty() {
        tr!("progress-member-queued")
    } else {
        parts.join("  ")
    }
}

fn phase_name(phase: Phase) -> String {
    match phase {
        Phase::Dns => tr!("progress-phase-dns"),
        Phase::Tcp => tr!("progress-phase-tcp"),
        Phase::Tls => tr!("progress-phase-tls"),
        Phase::Mongo => tr!("progress-phase-mongo"),
        Phase::Plaintext => tr!("progress-phase-plaintext"),
    }
}

/// One short reason for a member's end.
fn member_end(end: &MemberEnd) -> String {
    let Some(cause) = end.cause else {
        let verdict = if end.warnings == 0 {
            tr!("progress-member-passed")
        } else {
            tr!("progress-member-warned", count = end.warnings)
        };
        return match &end.tls_version {
            Some(version) => format!("{verdict} ({version})"),
            None => verdict,
        };
    };
    let after = format_duration(end.timed_out_after.unwrap_or(end.elapsed));
    let reason = match cause {
        Code::NetDnsFailed => tr!("progress-cause-dns"),
        Code::NetConnectRefused => tr!("progress-cause-refused"),
        Code::NetConnectTimeout => tr!("progress-cause-connect-timeout", after = after),
        Code::NetConnectFailed => tr!("progress-cause-connect-failed"),
        Code::NetDeadlineExceeded => tr!("progress-cause-deadline"),
        Code::TlsHandshakeTimeout if end.silent => tr!("progress-cause-silent", after = after),
        Code::TlsHandshakeTimeout => tr!("progress-cause-tls-timeout", after = after),
        Code::TlsHandshakeFailed => tr!("progress-cause-tls-failed"),
        Code::TlsNotEnabled => tr!("progress-cause-tls-not-enabled"),
        Code::TlsClientCertRequired => tr!("progress-cause-client-cert-required"),
        Code::TlsClientCertRejected => tr!("progress-cause-client-cert-rejected"),
        Code::MongoHelloFailed => tr!("progress-cause-hello-failed"),
        // Certificate problems and the rest: the finding code says it best.
        other => other.as_str().to_owned(),
    };
    if end.failures > 1 {
        format!(
            "{reason} {}",
            tr!("progress-member-more", count = end.failures - 1)
        )
    } else {
        reason
    }
}

/// A duration for a status line: milliseconds below a second, tenths of a second above.
fn short(d: Duration) -> String {
    let rounded = if d < Duration::from_secs(1) {
        Duration::from_millis(d.as_millis().try_into().unwrap_or(u64::MAX))
    } else {
        Duration::from_millis(
            ((d.as_millis() + 50) / 100 * 100)
                .try_into()
                .unwrap_or(u64::MAX),
        )
    };
    format_duration(rounded)
}

/// The locale's character set is UTF-8 (the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG`
/// decides, as POSIX has it); otherwise the display keeps to ASCII.
fn utf8_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// `text` cut to `columns` display columns, ending in the running glyph when cut.
fn cut(text: String, columns: usize, glyphs: &Glyphs) -> String {
    if measure_text_width(&text) <= columns {
        text
    } else {
        truncate_str(&text, columns, glyphs.running).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(cause: Option<Code>) -> MemberEnd {
        MemberEnd {
            failures: usize::from(cause.is_some()),
            warnings: 0,
            cause,
            timed_out_after: Some(Duration::from_secs(10)),
            silent: false,
            tls_version: None,
            elapsed: Duration::from_millis(10_004),
        }
    }

    #[test]
    fn a_member_ends_with_one_short_reason() {
        assert_eq!(
            member_end(&end(Some(Code::NetConnectTimeout))),
            "connect timed out after 10s"
        );
        assert_eq!(
            member_end(&end(Some(Code::NetConnectRefused))),
            "connection refused"
        );
        let mut silent = end(Some(Code::TlsHandshakeTimeout));
        silent.silent = true;
        assert_eq!(member_end(&silent), "no answer within 10s");
        let mut expired = end(Some(Code::CertExpired));
        expired.failures = 3;
        assert_eq!(member_end(&expired), "cert.expired (and 2 more failures)");
        let mut ok = end(None);
        ok.tls_version = Some("TLSv1.3".into());
        assert_eq!(member_end(&ok), "passed (TLSv1.3)");
        ok.warnings = 1;
        assert_eq!(member_end(&ok), "passed with 1 warning (TLSv1.3)");
    }

    #[test]
    fn durations_are_short() {
        assert_eq!(short(Duration::from_micros(35_400)), "35ms");
        assert_eq!(short(Duration::from_millis(10_004)), "10s");
        assert_eq!(short(Duration::from_millis(1_460)), "1.5s");
    }
}
