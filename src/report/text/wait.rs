//! The text of `wait`: how long it waited and for what, then each member's short timeline
//! and downtime, the primary changes, the findings with their hints, and the verdict line.

use std::io::{self, Write};

use super::{findings_block, hang, label, verdict_line, HintsShown};
use crate::dates::rfc3339;
use crate::escape::printable;
use crate::report::style::{paint, Role};
use crate::report::wait::{CertificateRef, EventReport, WaitMember};
use crate::report::WaitReport;
use crate::tr;
use crate::wait::timeline::{format_fingerprint, shown};
use crate::wait::{Ending, Expectation};

/// Width of the header's labels.
const HEAD: usize = 10;

pub(super) fn render_wait(r: &WaitReport, out: &mut dyn Write) -> io::Result<()> {
    let ending = match r.ending {
        Ending::Done => paint(Role::Pass, &tr!("wait-ending-done")),
        Ending::TimedOut => paint(Role::Fail, &tr!("wait-ending-timed-out")),
        Ending::Interrupted => paint(Role::Fail, &tr!("wait-ending-interrupted")),
    };
    let waited = tr!(
        "wait-header-waited",
        duration = shown(r.duration),
        rounds = r.rounds,
        since = rfc3339(r.evaluated_at),
        ending = ending
    );
    writeln!(
        out,
        "{}{}",
        label(&tr!("wait-label-waited"), HEAD),
        hang(waited)
    )?;
    let expected = match r.expectation {
        Expectation::Pass => tr!("wait-expect-pass"),
        Expectation::NewCert => tr!("wait-expect-new-cert"),
        Expectation::Fingerprint(f) => {
            tr!(
                "wait-expect-fingerprint",
                fingerprint = format_fingerprint(&f)
            )
        }
        Expectation::NotAfterLaterThan(d) => {
            tr!("wait-expect-not-after", date = rfc3339(d))
        }
    };
    writeln!(
        out,
        "{}{}",
        label(&tr!("wait-label-expected"), HEAD),
        hang(expected)
    )?;
    for m in &r.members {
        writeln!(out)?;
        member(m, out)?;
    }
    writeln!(out)?;
    let title = paint(Role::Heading, &tr!("wait-primary-title"));
    if r.primary_changes.is_empty() {
        writeln!(out, "{}", tr!("report-section-none", title = title))?;
    } else {
        writeln!(out, "{}", tr!("report-section", title = title))?;
        for c in &r.primary_changes {
            let from = c
                .from
                .as_deref()
                .map_or_else(|| "-".to_string(), |f| printable(f).into_owned());
            writeln!(
                out,
                "   {}",
                tr!(
                    "wait-primary-change",
                    at = rfc3339(c.at),
                    from = from,
                    to = printable(&c.to).into_owned()
                )
            )?;
        }
    }
    writeln!(out)?;
    let mut hints = HintsShown::default();
    findings_block(
        &tr!("report-section-findings"),
        &r.findings,
        &mut hints,
        out,
    )?;
    writeln!(out)?;
    verdict_line(r.verdict, &r.findings, out)
}

/// `host:port  downtime 3s`, its events, and its first and last certificate.
fn member(m: &WaitMember, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}  {}",
        paint(Role::Heading, &printable(&m.address)),
        tr!("wait-member-downtime", downtime = shown(m.downtime))
    )?;
    for e in &m.events {
        writeln!(out, "   {}", event_line(e))?;
    }
    let cert = |c: &Option<CertificateRef>| match c {
        Some(c) => tr!(
            "wait-certificate",
            fingerprint = c.sha256_fingerprint.as_str(),
            not_after = rfc3339(c.not_after)
        ),
        None => tr!("wait-certificate-none"),
    };
    let line = if m.initial_certificate == m.final_certificate {
        tr!(
            "wait-member-certificate-same",
            certificate = cert(&m.initial_certificate)
        )
    } else {
        tr!(
            "wait-member-certificate-changed",
            initial = cert(&m.initial_certificate),
            last = cert(&m.final_certificate)
        )
    };
    writeln!(out, "   {}", hang(line))
}

/// `2026-12-07T06:00:02Z  came back  up · AB:CD:EF:01… until 2027-12-07 · tls_only · primary`.
fn event_line(e: &EventReport) -> String {
    let what = match e.event {
        "seen" => tr!("wait-event-seen"),
        "went_away" => tr!("wait-event-went-away"),
        "came_back" => tr!("wait-event-came-back"),
        "started_failing" => tr!("wait-event-started-failing"),
        "recovered" => tr!("wait-event-recovered"),
        _ => tr!("wait-event-cert-changed"),
    };
    let state = match e.state {
        "up" => paint(Role::Pass, &tr!("wait-state-up")),
        "down" => paint(Role::Fail, &tr!("wait-state-down")),
        _ => paint(Role::Fail, &tr!("wait-state-failing")),
    };
    let mut parts = vec![state];
    if let (Some(fp), Some(until)) = (&e.sha256_fingerprint, e.not_after) {
        parts.push(tr!(
            "wait-event-leaf",
            fingerprint = short(fp),
            not_after = rfc3339(until)
        ));
    }
    if let Some(mode) = e.tls_mode {
        parts.push(mode.to_string());
    }
    if e.primary == Some(true) {
        parts.push(tr!("wait-event-primary"));
    }
    if !e.problems.is_empty() {
        parts.push(e.problems.join(", "));
    }
    format!("{}  {}  {}", rfc3339(e.at), what, hang(parts.join(" · ")))
}

/// The first four bytes of a fingerprint, enough to tell two leaves apart at a glance.
fn short(fp: &str) -> String {
    let head: Vec<&str> = fp.split(':').take(4).collect();
    format!("{}…", head.join(":"))
}
