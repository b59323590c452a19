//! The live status of `wait` on stderr. On a terminal: one line per member (state, leaf,
//! since when, ready or not), redrawn in place by indicatif, with each event printed above
//! them. When stderr is not a terminal: one plain line per event, stamped with its RFC 3339
//! time, for logs and CI. `--no-progress` turns both off. The report on stdout is the same
//! either way; everything shown is translated and every address escaped.

use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use time::OffsetDateTime;

use crate::dates::rfc3339;
use crate::escape::printable;
use crate::tr;
use crate::wait::timeline::{format_fingerprint, shown, Event, EventKind, MemberTimeline, State};
use crate::wait::{Ending, RoundUpdate, Timeline, WaitOutcome};

/// Where the status goes.
pub(super) enum Status {
    /// `--no-progress`.
    Off,
    /// Plain timestamped lines (stderr is not a terminal).
    Lines,
    /// One live line per member (stderr is a terminal).
    Live(Box<Bars>),
}

pub(super) struct Bars {
    multi: MultiProgress,
    members: HashMap<String, ProgressBar>,
}

impl Status {
    /// The status wanted: nothing with `--no-progress`, live lines on a terminal, plain lines
    /// otherwise.
    pub(super) fn start(enabled: bool) -> Status {
        if !enabled {
            return Status::Off;
        }
        if !super::super::live_stderr() {
            return Status::Lines;
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(10));
        Status::Live(Box::new(Bars {
            multi,
            members: HashMap::new(),
        }))
    }

    /// One round: its events (and the first round's summary), and each member's line.
    pub(super) fn round(&mut self, t: &Timeline, update: &RoundUpdate, at: OffsetDateTime) {
        let mut lines: Vec<String> = update
            .events
            .iter()
            .map(|(address, e)| event_line(address, e))
            .collect();
        if let Some(c) = &update.primary_change {
            let from = c
                .from
                .as_deref()
                .map_or_else(|| "-".to_string(), |f| printable(f).into_owned());
            lines.push(tr!(
                "wait-live-primary-change",
                from = from,
                to = printable(&c.to).into_owned()
            ));
        }
        if t.rounds == 1 {
            let members = t.members().count();
            let ready = t
                .members()
                .filter(|m| t.member_not_ready(m).is_none())
                .count();
            lines.push(tr!(
                "wait-live-first-round",
                members = members,
                ready = ready.to_string()
            ));
        }
        match self {
            Status::Off => {}
            Status::Lines => {
                let mut err = std::io::stderr().lock();
                for line in lines {
                    let _ = writeln!(err, "{} {line}", rfc3339(at));
                }
            }
            Status::Live(bars) => {
                for line in lines {
                    let _ = bars.multi.println(format!("{} {line}", rfc3339(at)));
                }
                for m in t.members() {
                    let bar = bars.members.entry(m.address.clone()).or_insert_with(|| {
                        let bar = bars.multi.add(ProgressBar::new_spinner());
                        bar.set_style(
                            ProgressStyle::with_template("{spinner} {prefix} {wide_msg}")
                                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                        );
                        bar.set_prefix(printable(&m.address).into_owned());
                        bar.enable_steady_tick(Duration::from_millis(120));
                        bar
                    });
                    bar.set_message(member_status(t, m, at));
                }
            }
        }
    }

    /// The end: the live lines are cleared (the report follows), plain lines get a last one.
    pub(super) fn finish(self, outcome: &WaitOutcome) {
        let after = shown(outcome.duration);
        let last = match outcome.ending {
            Ending::Done => tr!("wait-live-done", after = after),
            Ending::TimedOut => tr!("wait-live-timed-out", after = after),
            Ending::Interrupted => tr!("wait-ending-interrupted"),
        };
        match self {
            Status::Off => {}
            Status::Lines => {
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "{} {last}",
                    rfc3339(outcome.ended_at)
                );
            }
            Status::Live(bars) => {
                for bar in bars.members.values() {
                    bar.finish_and_clear();
                }
                let _ = bars.multi.clear();
            }
        }
    }
}

/// `localhost:27017: came back (up, AB:CD:…, until …, tls_only, primary)`.
fn event_line(address: &str, e: &Event) -> String {
    let event = match e.kind {
        EventKind::Seen => tr!("wait-event-seen"),
        EventKind::WentAway => tr!("wait-event-went-away"),
        EventKind::CameBack => tr!("wait-event-came-back"),
        EventKind::StartedFailing => tr!("wait-event-started-failing"),
        EventKind::Recovered => tr!("wait-event-recovered"),
        EventKind::CertChanged => tr!("wait-event-cert-changed"),
    };
    let mut details = vec![state_word(e.state)];
    if let Some(l) = e.leaf {
        details.push(tr!(
            "wait-event-leaf",
            fingerprint = format_fingerprint(&l.fingerprint),
            not_after = rfc3339(l.not_after)
        ));
    }
    if let Some(mode) = e.tls_mode {
        details.push(mode.as_str().to_string());
    }
    if e.primary == Some(true) {
        details.push(tr!("wait-event-primary"));
    }
    if !e.problems.is_empty() {
        details.push(e.problems.join(", "));
    }
    tr!(
        "wait-live-event",
        address = printable(address).into_owned(),
        event = event,
        details = details.join(", ")
    )
}

fn state_word(s: State) -> String {
    match s {
        State::Up => tr!("wait-state-up"),
        State::Down => tr!("wait-state-down"),
        State::Failing => tr!("wait-state-failing"),
    }
}

/// A member's live line: `up · AB:CD:EF:01… · ready` or `down for 12s · not ready`.
fn member_status(t: &Timeline, m: &MemberTimeline, at: OffsetDateTime) -> String {
    let mut parts = vec![state_word(m.last.state)];
    if let Some(since) = m.not_up_since() {
        let d = Duration::try_from(at - since).unwrap_or_default();
        parts.push(shown(d));
    }
    if let Some(l) = m.current() {
        let fp = format_fingerprint(&l.fingerprint);
        parts.push(format!("{}…", fp.get(..11).unwrap_or(&fp)));
    }
    parts.push(if t.member_not_ready(m).is_none() {
        tr!("wait-live-ready")
    } else {
        tr!("wait-live-not-ready")
    });
    parts.join(" · ")
}
