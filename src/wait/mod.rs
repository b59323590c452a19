//! `mongotls wait`: poll every member of a replica set (the seeds and the members their `hello`
//! names) with the same probe as `check`, round after round, until every member passes and
//! presents the certificate asked for, or the time is up.
//!
//! This file is the polling loop (the I/O); [`timeline`] is the pure logic that turns the
//! rounds into events, downtimes, primary changes and the decision to stop.

pub mod timeline;

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::check::{check_set, SetExpectation};
use crate::findings::{Finding, Severity};
use crate::net::Target;
use crate::probe::progress::Progress;
use crate::probe::{MemberProbe, ProbeSettings, TlsMode};
pub use timeline::{Expectation, Observation, RoundUpdate, State, Timeline};

/// How long past a round's own bound a round may run before it is given up (what no phase
/// bound covers, as `check`'s grace).
const ROUND_GRACE: Duration = Duration::from_secs(3);

/// What to poll, how often, and for how long.
#[derive(Debug, Clone)]
pub struct WaitSettings {
    /// The seeds.
    pub seeds: Vec<Target>,
    /// The set expected, discovery, and how many members are probed at once.
    pub set: SetExpectation,
    /// What the certificates must show.
    pub expectation: Expectation,
    /// Time between the starts of two rounds.
    pub interval: Duration,
    /// Bound of the whole wait.
    pub timeout: Duration,
    /// Bound of each network phase of a probe (`--probe-timeout`).
    pub probe_timeout: Duration,
}

/// How the wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every member passes and shows the certificate asked for.
    Done,
    /// `--timeout` came first.
    TimedOut,
    /// Interrupted (Ctrl-C).
    Interrupted,
}

/// The wait's result: the timeline, how it ended, and each member's latest findings.
#[derive(Debug)]
pub struct WaitOutcome {
    /// Every round, as events per member.
    pub timeline: Timeline,
    /// How it ended.
    pub ending: Ending,
    /// When the wait started (wall clock).
    pub started_at: OffsetDateTime,
    /// When it ended.
    pub ended_at: OffsetDateTime,
    /// How long it took.
    pub duration: Duration,
    /// The `warn` and `fail` findings of each member's latest probe, by address.
    pub last_findings: Vec<(String, Vec<Finding>)>,
}

/// A member's probe as the timeline sees it.
pub fn observation(m: &MemberProbe) -> Observation {
    let problems: Vec<String> = m
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Fail)
        .map(|f| f.code.as_str().to_string())
        .collect();
    let state = if m.tls_mode == TlsMode::Unreachable || m.silent {
        State::Down
    } else if problems.is_empty() {
        State::Up
    } else {
        State::Failing
    };
    Observation {
        address: m.address.clone(),
        state,
        leaf: m.leaf.as_ref().map(|c| timeline::Leaf {
            fingerprint: Sha256::digest(&c.der).into(),
            not_after: c.info.not_after,
        }),
        tls_mode: (state != State::Down).then_some(m.tls_mode),
        primary: m.hello.as_ref().map(|h| h.is_primary()),
        problems: if state == State::Failing {
            problems
        } else {
            Vec::new()
        },
    }
}

/// A member's `warn` and `fail` findings, by its address.
fn kept_findings(m: &MemberProbe) -> (String, Vec<Finding>) {
    let kept = m
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warn)
        .cloned()
        .collect();
    (m.address.clone(), kept)
}

/// Polls until done, `--timeout`, or `stop` completes (Ctrl-C). `base` is the probe's
/// settings; each round gets its own deadline and evaluation time. `clock` is the wall clock;
/// `on_round` hears every round's changes (the live status).
pub async fn wait<S, C>(
    s: &WaitSettings,
    base: &ProbeSettings,
    clock: C,
    mut on_round: impl FnMut(&Timeline, &RoundUpdate, OffsetDateTime),
    stop: S,
) -> WaitOutcome
where
    S: Future<Output = ()>,
    C: Fn() -> OffsetDateTime,
{
    let start = Instant::now();
    let started_at = clock();
    let end = start + s.timeout;
    let mut timeline = Timeline::new(s.expectation);
    let mut last_findings: Vec<(String, Vec<Finding>)> = Vec::new();
    let mut known: Vec<Target> = s.seeds.clone();
    let polling = async {
        loop {
            let round_start = Instant::now();
            // Connect, TLS, hello, ping, buildInfo and the plaintext probe each have
            // --probe-timeout; a round is cut at a few of them, and never past the wait's end.
            let round_end = (round_start + s.probe_timeout * 4).min(end);
            let settings = Arc::new(ProbeSettings {
                timeout: s.probe_timeout,
                deadline: round_end,
                run_budget: round_end.saturating_duration_since(round_start),
                now: clock(),
                ..base.clone()
            });
            let limit = tokio::time::Instant::from_std(round_end + ROUND_GRACE);
            let silent = Progress::none();
            let round = check_set(known.clone(), &s.set, settings, &silent);
            // A round that overran its bound (what no phase bound covers) learnt nothing; the
            // next round tries again, until the wait's own end.
            if let Ok(outcome) = tokio::time::timeout_at(limit, round).await {
                let at = clock();
                for m in &outcome.members {
                    let new = !known
                        .iter()
                        .any(|t| t.address.eq_ignore_ascii_case(&m.address));
                    if new {
                        if let Ok(t) = Target::from_member_name(&m.address) {
                            known.push(t);
                        }
                    }
                }
                last_findings = outcome.members.iter().map(kept_findings).collect();
                let observations = outcome.members.iter().map(observation).collect();
                let update = timeline.observe_round(at, observations);
                on_round(&timeline, &update, at);
                if timeline.is_done() {
                    return Ending::Done;
                }
            }
            // Past `end`, the timeout around this loop ends the wait.
            tokio::time::sleep_until(tokio::time::Instant::from_std(round_start + s.interval))
                .await;
        }
    };
    let ending = tokio::select! {
        ending = tokio::time::timeout_at(tokio::time::Instant::from_std(end), polling) => {
            ending.unwrap_or(Ending::TimedOut)
        }
        () = stop => Ending::Interrupted,
    };
    WaitOutcome {
        timeline,
        ending,
        started_at,
        ended_at: clock(),
        duration: start.elapsed(),
        last_findings,
    }
}

/// What was still wrong when the wait ended (nothing when it is done), then each member's
/// last `warn` and `fail` findings; every finding about a member has the member as `source`.
pub fn findings(outcome: &WaitOutcome) -> Vec<Finding> {
    use crate::findings::Code;
    use crate::tr;
    use timeline::{format_fingerprint, NotReady};

    let t = &outcome.timeline;
    let end = outcome.ended_at;
    let since = |at: OffsetDateTime| {
        (
            crate::dates::rfc3339(at),
            timeline::shown(Duration::try_from(end - at).unwrap_or_default()),
        )
    };
    let mut out = Vec::new();
    let not_ready = t.not_ready();
    match outcome.ending {
        Ending::Done => {}
        Ending::Interrupted => {
            let names: Vec<String> = not_ready.iter().map(|(m, _)| m.address.clone()).collect();
            out.push(Finding::new(
                Code::WaitInterrupted,
                Severity::Fail,
                tr!(
                    "wait-interrupted",
                    after = timeline::shown(outcome.duration),
                    members = if names.is_empty() {
                        "-".to_string()
                    } else {
                        names.join(", ")
                    }
                ),
                tr!("wait-interrupted-hint"),
            ));
        }
        Ending::TimedOut if t.members().next().is_none() => {
            out.push(Finding::new(
                Code::WaitTimeout,
                Severity::Fail,
                tr!(
                    "wait-timeout-no-round",
                    after = timeline::shown(outcome.duration)
                ),
                tr!("wait-timeout-no-round-hint"),
            ));
        }
        Ending::TimedOut => {
            let fingerprint = |l: &timeline::Leaf| format_fingerprint(&l.fingerprint);
            let expiry = |l: &timeline::Leaf| crate::dates::rfc3339(l.not_after);
            for (m, why) in &not_ready {
                let address = m.address.as_str();
                let f = match why {
                    NotReady::Down(at) => {
                        let (at, ago) = since(*at);
                        Finding::new(
                            Code::WaitTimeout,
                            Severity::Fail,
                            tr!(
                                "wait-timeout-down",
                                address = address,
                                since = at,
                                ago = ago
                            ),
                            tr!("wait-timeout-down-hint"),
                        )
                    }
                    NotReady::Failing(at, codes) => {
                        let (at, ago) = since(*at);
                        Finding::new(
                            Code::WaitTimeout,
                            Severity::Fail,
                            tr!(
                                "wait-timeout-failing",
                                address = address,
                                since = at,
                                ago = ago,
                                codes = codes.join(", ")
                            ),
                            tr!("wait-timeout-failing-hint"),
                        )
                    }
                    NotReady::CertUnchanged(leaf) => Finding::new(
                        Code::WaitCertUnchanged,
                        Severity::Fail,
                        tr!(
                            "wait-cert-unchanged",
                            address = address,
                            fingerprint = fingerprint(leaf),
                            not_after = expiry(leaf)
                        ),
                        tr!("wait-cert-unchanged-hint"),
                    ),
                    NotReady::CertNotExpected(leaf) => Finding::new(
                        Code::WaitCertUnchanged,
                        Severity::Fail,
                        tr!(
                            "wait-cert-not-expected",
                            address = address,
                            fingerprint = fingerprint(leaf),
                            not_after = expiry(leaf)
                        ),
                        tr!("wait-cert-not-expected-hint"),
                    ),
                    NotReady::NoCertificate => Finding::new(
                        Code::WaitCertUnchanged,
                        Severity::Fail,
                        tr!("wait-no-certificate", address = address),
                        tr!("wait-no-certificate-hint"),
                    ),
                };
                out.push(f.with_source(address));
            }
        }
    }
    // The same finding under several members (one about the CA file, say) is listed once,
    // about none of them.
    let mut members_of: Vec<(&Finding, Vec<&str>)> = Vec::new();
    for (address, list) in &outcome.last_findings {
        for f in list {
            let same = |g: &&Finding| {
                g.code == f.code && g.message == f.message && g.certificate == f.certificate
            };
            match members_of.iter_mut().find(|(g, _)| same(g)) {
                Some((_, members)) => members.push(address),
                None => members_of.push((f, vec![address])),
            }
        }
    }
    for (f, members) in members_of {
        out.push(match members.as_slice() {
            [only] => f.clone().with_source(*only),
            _ => f.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;
    use time::macros::datetime;
    use timeline::{Leaf, Observation};

    fn obs(address: &str, state: State, leaf: Option<Leaf>) -> Observation {
        Observation {
            address: address.into(),
            state,
            leaf,
            tls_mode: (state != State::Down).then_some(TlsMode::TlsOnly),
            primary: Some(false),
            problems: Vec::new(),
        }
    }

    #[test]
    fn at_the_timeout_each_member_not_ready_is_named_once_and_shared_findings_once() {
        let t0 = datetime!(2026-12-07 06:00:00 UTC);
        let old = Leaf {
            fingerprint: [1; 32],
            not_after: datetime!(2027-01-01 00:00:00 UTC),
        };
        let mut timeline = Timeline::new(Expectation::NewCert);
        timeline.observe_round(
            t0,
            vec![
                obs("a:1", State::Up, Some(old)),
                obs("b:1", State::Down, None),
            ],
        );
        let ca = Finding::new(Code::LintCaMissingKeyUsage, Severity::Warn, "the CA", "fix");
        let own = Finding::new(
            Code::TlsPlaintextAccepted,
            Severity::Warn,
            "a:1: plain",
            "x",
        );
        let outcome = WaitOutcome {
            timeline,
            ending: Ending::TimedOut,
            started_at: t0,
            ended_at: t0 + time::Duration::seconds(6),
            duration: Duration::from_secs(6),
            last_findings: vec![
                ("a:1".into(), vec![ca.clone(), own]),
                ("b:1".into(), vec![ca]),
            ],
        };
        let found = findings(&outcome);
        let summary: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|f| (f.code.as_str(), f.source.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("wait.cert_unchanged", Some("a:1")),
                ("wait.timeout", Some("b:1")),
                ("lint.ca_missing_key_usage", None),
                ("tls.plaintext_accepted", Some("a:1")),
            ]
        );
        assert!(found[1].message.contains("b:1"), "{}", found[1].message);
        assert!(found[1].message.contains("6s ago"), "{}", found[1].message);

        let done = WaitOutcome {
            ending: Ending::Done,
            last_findings: Vec::new(),
            ..outcome
        };
        assert!(findings(&done).is_empty());
    }
}
