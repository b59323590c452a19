//! `mongotls wait`: the timeline of every member (its events, downtime, first and last
//! certificate), the primary changes, and what was still wrong at the end. Built from
//! [`crate::wait::WaitOutcome`]; this is the JSON contract (docs/json.md, `wait`).

use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;

use super::value;
use crate::findings::{Finding, Verdict};
use crate::wait::timeline::{format_fingerprint, Event, Leaf, PrimaryChange, Timeline};
use crate::wait::{Ending, Expectation};

/// `mongotls wait`.
#[derive(Clone, Debug, Serialize)]
pub struct WaitReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `wait`.
    pub command: &'static str,
    /// Derived from the findings.
    pub verdict: Verdict,
    /// When the wait started.
    #[serde(serialize_with = "value::time")]
    pub evaluated_at: OffsetDateTime,
    /// Wall time of the wait.
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
    /// Every member, in the order first seen.
    pub members: Vec<WaitMember>,
    /// Every change of primary, oldest first.
    pub primary_changes: Vec<PrimaryChangeReport>,
    /// What was still wrong at the end (`wait.timeout`, `wait.cert_unchanged`,
    /// `wait.interrupted`), and each member's last `warn`/`fail` findings (`source`: the
    /// member).
    pub findings: Vec<Finding>,
    /// How the wait ended (the text's last lines).
    #[serde(skip)]
    pub ending: Ending,
    /// What the certificates had to show (the text's header).
    #[serde(skip)]
    pub expectation: Expectation,
    /// Rounds polled.
    #[serde(skip)]
    pub rounds: usize,
}

/// One member's timeline.
#[derive(Clone, Debug, Serialize)]
pub struct WaitMember {
    /// `host:port`.
    pub address: String,
    /// Total time not up (down or failing), to the end of the wait.
    #[serde(rename = "downtime_ms", serialize_with = "value::millis")]
    pub downtime: Duration,
    /// The leaf it presented when first seen (`null`: none then, e.g. it was down).
    pub initial_certificate: Option<CertificateRef>,
    /// The leaf it presented last (a member that is down keeps the one it was last seen with).
    pub final_certificate: Option<CertificateRef>,
    /// What happened, oldest first.
    pub events: Vec<EventReport>,
}

/// A leaf certificate by its fingerprint and expiry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateRef {
    /// SHA-256 of the DER encoding, colon-separated upper-case hex.
    pub sha256_fingerprint: String,
    /// notAfter.
    #[serde(serialize_with = "value::time")]
    pub not_after: OffsetDateTime,
}

impl From<&Leaf> for CertificateRef {
    fn from(l: &Leaf) -> Self {
        CertificateRef {
            sha256_fingerprint: format_fingerprint(&l.fingerprint),
            not_after: l.not_after,
        }
    }
}

/// One event of a member's timeline.
#[derive(Clone, Debug, Serialize)]
pub struct EventReport {
    /// The round's time.
    #[serde(serialize_with = "value::time")]
    pub at: OffsetDateTime,
    /// `up`, `down` or `failing` from then on.
    pub state: &'static str,
    /// `seen`, `went_away`, `came_back`, `started_failing`, `recovered`, `cert_changed`.
    pub event: &'static str,
    /// The leaf's fingerprint, when one was presented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256_fingerprint: Option<String>,
    /// The leaf's notAfter, when one was presented.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_time"
    )]
    pub not_after: Option<OffsetDateTime>,
    /// The TLS mode (as in `check`), when the member answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_mode: Option<&'static str>,
    /// `isWritablePrimary`, when a `hello` was answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// The codes of the `fail` findings, when failing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

fn optional_time<S: serde::Serializer>(
    t: &Option<OffsetDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => value::time(t, s),
        None => s.serialize_none(),
    }
}

impl From<&Event> for EventReport {
    fn from(e: &Event) -> Self {
        EventReport {
            at: e.at,
            state: e.state.as_str(),
            event: e.kind.as_str(),
            sha256_fingerprint: e.leaf.map(|l| format_fingerprint(&l.fingerprint)),
            not_after: e.leaf.map(|l| l.not_after),
            tls_mode: e.tls_mode.map(crate::probe::TlsMode::as_str),
            primary: e.primary,
            problems: e.problems.clone(),
        }
    }
}

/// A change of primary.
#[derive(Clone, Debug, Serialize)]
pub struct PrimaryChangeReport {
    /// The round that saw the new primary.
    #[serde(serialize_with = "value::time")]
    pub at: OffsetDateTime,
    /// The primary before (`null`: none seen).
    pub from: Option<String>,
    /// The new primary.
    pub to: String,
}

impl From<&PrimaryChange> for PrimaryChangeReport {
    fn from(c: &PrimaryChange) -> Self {
        PrimaryChangeReport {
            at: c.at,
            from: c.from.clone(),
            to: c.to.clone(),
        }
    }
}

impl WaitReport {
    /// The report of a timeline that ended (`ending`) at `ended_at`, started at
    /// `started_at`, with `findings`; the verdict follows from the findings.
    pub fn new(
        timeline: &Timeline,
        ending: Ending,
        started_at: OffsetDateTime,
        ended_at: OffsetDateTime,
        duration: Duration,
        findings: Vec<Finding>,
    ) -> Self {
        WaitReport {
            schema_version: super::SCHEMA_VERSION,
            command: "wait",
            verdict: Verdict::from_findings(&findings),
            evaluated_at: started_at,
            duration,
            members: timeline
                .members()
                .map(|m| WaitMember {
                    address: m.address.clone(),
                    downtime: m.downtime(ended_at),
                    initial_certificate: m.initial.as_ref().map(Into::into),
                    final_certificate: m.current().as_ref().map(Into::into),
                    events: m.events.iter().map(Into::into).collect(),
                })
                .collect(),
            primary_changes: timeline.primary_changes.iter().map(Into::into).collect(),
            findings,
            ending,
            expectation: timeline.expectation,
            rounds: timeline.rounds,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::findings::{Code, Severity};
    use crate::probe::TlsMode;
    use crate::wait::timeline::{Observation, State};
    use time::macros::datetime;

    /// One member that went away and came back with a new leaf, one that never came back.
    pub(crate) fn sample() -> WaitReport {
        let t0 = datetime!(2026-12-07 06:00:00 UTC);
        let s = |n: i64| t0 + time::Duration::seconds(n);
        let leaf = |b: u8, y: i32| Leaf {
            fingerprint: [b; 32],
            not_after: datetime!(2027-01-01 00:00:00 UTC).replace_year(y).unwrap(),
        };
        let obs = |a: &str, state: State, l: Option<Leaf>, primary: Option<bool>| Observation {
            address: a.into(),
            state,
            leaf: l,
            tls_mode: (state != State::Down).then_some(TlsMode::TlsOnly),
            primary,
            problems: Vec::new(),
        };
        let mut t = Timeline::new(Expectation::NewCert);
        let (a, b) = ("localhost:27017", "localhost:27018");
        t.observe_round(
            s(0),
            vec![
                obs(a, State::Up, Some(leaf(1, 2027)), Some(false)),
                obs(b, State::Up, Some(leaf(1, 2027)), Some(true)),
            ],
        );
        t.observe_round(
            s(2),
            vec![
                obs(a, State::Down, None, None),
                obs(b, State::Up, Some(leaf(1, 2027)), Some(true)),
            ],
        );
        t.observe_round(
            s(5),
            vec![
                obs(a, State::Up, Some(leaf(2, 2028)), Some(true)),
                obs(b, State::Down, None, None),
            ],
        );
        let findings = vec![Finding::new(
            Code::WaitTimeout,
            Severity::Fail,
            "localhost:27018 is not back",
            "look at it",
        )
        .with_source(b)];
        WaitReport::new(
            &t,
            Ending::TimedOut,
            t0,
            s(6),
            Duration::from_secs(6),
            findings,
        )
    }

    #[test]
    fn the_text_and_the_junit_show_each_member_and_what_is_wrong() {
        use crate::report::{OutputFormat, Report};
        let r = Report::Wait(Box::new(sample()));
        let mut out = Vec::new();
        r.render(OutputFormat::Text, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for part in [
            "Waited    6s from 2026-12-07T06:00:00Z, 3 rounds: --timeout reached",
            "localhost:27017  downtime 3s",
            "2026-12-07T06:00:02Z  went away  down",
            "2026-12-07T06:00:05Z  came back  up · 02:02:02:02… until 2028-01-01T00:00:00Z · tls_only · primary",
            "certificate: 01:01:",
            " → 02:02:",
            "localhost:27018  downtime 1s",
            "2026-12-07T06:00:05Z  localhost:27018 → localhost:27017",
            "FAIL wait.timeout: localhost:27018 is not back",
            "verdict: FAIL (1 failure, 0 warnings)",
        ] {
            assert!(text.contains(part), "{part:?} missing:\n{text}");
        }
        let mut out = Vec::new();
        r.render(OutputFormat::Junit, &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert_eq!(xml.matches("<testcase ").count(), 2, "{xml}");
        assert_eq!(xml.matches("<failure ").count(), 1, "{xml}");
        assert!(xml.contains("type=\"wait.timeout\""), "{xml}");
        let mut out = Vec::new();
        assert!(r.render(OutputFormat::Prometheus, &mut out).is_err());
    }

    #[test]
    fn the_json_shape_is_the_contract() {
        let r = sample();
        let v = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for k in [
            "schema_version",
            "command",
            "verdict",
            "evaluated_at",
            "duration_ms",
            "members",
            "primary_changes",
            "findings",
        ] {
            assert!(keys.contains(&k), "{k} in {keys:?}");
        }
        assert_eq!(keys.len(), 8, "{keys:?}");
        let m = &v["members"][0];
        assert!(m["downtime_ms"].as_f64().unwrap() > 0.0, "{m}");
        assert_eq!(m["events"][1]["event"], "went_away");
        assert!(m["events"][1].get("tls_mode").is_none(), "{m}");
        assert_eq!(m["events"][2]["tls_mode"], "tls_only");
    }
}
