//! The timeline of a `wait` run, without I/O: the time is a parameter of every call, so that
//! a whole rolling restart can be replayed in a unit test.
//!
//! Each poll round gives one [`Observation`] per member (up, down or failing; the leaf it
//! presented, its TLS mode, whether it said it is the primary). [`Timeline::observe_round`]
//! turns them into [`Event`]s per member (seen, went away, came back, started failing,
//! recovered, certificate changed), adds up each member's downtime, records primary changes,
//! and [`Timeline::not_ready`] says, member by member, what still keeps the wait from ending.
//!
//! Times are those of the rounds: a member that went away between two rounds is recorded as
//! gone at the round that found it gone, so a downtime is exact to about one `--interval`.

use std::collections::BTreeMap;
use std::time::Duration;

use time::OffsetDateTime;

use crate::probe::TlsMode;

/// A certificate's SHA-256 fingerprint (of its DER encoding).
pub type Fingerprint = [u8; 32];

/// Why a `--expect-fingerprint` value is not a SHA-256 fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FingerprintError {
    /// A character that is neither a hex digit nor a separator.
    #[error("{}", crate::tr!("wait-fingerprint-bad-character", character = .0.to_string()))]
    BadCharacter(char),
    /// Not 64 hex digits.
    #[error("{}", crate::tr!("wait-fingerprint-bad-length", digits = .0.to_string()))]
    BadLength(usize),
}

/// A SHA-256 fingerprint as users copy it: 64 hex digits in any case, with or without colons
/// (`openssl x509 -fingerprint -sha256` writes `AB:CD:…`), spaces around it ignored.
pub fn parse_fingerprint(text: &str) -> Result<Fingerprint, FingerprintError> {
    let mut digits = Vec::with_capacity(64);
    for c in text.trim().chars() {
        match c {
            ':' => {}
            c if c.is_ascii_hexdigit() => digits.push(c),
            c => return Err(FingerprintError::BadCharacter(c)),
        }
    }
    if digits.len() != 64 {
        return Err(FingerprintError::BadLength(digits.len()));
    }
    let mut out = [0u8; 32];
    for (i, pair) in digits.chunks(2).enumerate() {
        let hex: String = pair.iter().collect();
        out[i] = u8::from_str_radix(&hex, 16).map_err(|_| FingerprintError::BadLength(0))?;
    }
    Ok(out)
}

/// A fingerprint as `openssl x509 -fingerprint -sha256` and `mongotls ca` write it:
/// upper-case hex, colon-separated.
pub fn format_fingerprint(f: &Fingerprint) -> String {
    f.iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// A measured duration as people read it in the text and the live status: to the tenth of
/// a second from one second on (`3.4s`, `1m12.5s`), else to the millisecond (JSON keeps
/// every microsecond).
pub fn shown(d: Duration) -> String {
    let ms = d.as_millis();
    let ms = if ms >= 1000 {
        (ms + 50) / 100 * 100
    } else {
        ms
    };
    crate::duration::format_duration(Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX)))
}

/// What must be true of every member's certificate before the wait ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    /// Nothing: every member passing is enough.
    Pass,
    /// `--expect-new-cert`: a leaf different from the one the member presented when first
    /// seen. A member first seen without a leaf (down, or failing before its handshake)
    /// has no known old leaf: whatever leaf it comes back with counts as renewed. (A member
    /// first seen only after it restarted, discovered late, takes its new leaf for the old:
    /// the seed list should name every member.)
    NewCert,
    /// `--expect-fingerprint`: exactly this leaf.
    Fingerprint(Fingerprint),
    /// `--expect-not-after-later-than`: a leaf valid until after this time.
    NotAfterLaterThan(OffsetDateTime),
}

/// How a member answered one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Answered, and its probe had no `fail` finding.
    Up,
    /// No connection (refused, timed out, nothing answering).
    Down,
    /// Answered, but its probe had a `fail` finding (a bad certificate, a failed handshake).
    Failing,
}

impl State {
    /// Lower-case name as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Up => "up",
            State::Down => "down",
            State::Failing => "failing",
        }
    }
}

/// The leaf certificate a member presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaf {
    /// SHA-256 of its DER encoding.
    pub fingerprint: Fingerprint,
    /// Its notAfter.
    pub not_after: OffsetDateTime,
}

/// One member in one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    /// `host:port`, as the seed list or the set's configuration names it.
    pub address: String,
    /// How it answered.
    pub state: State,
    /// The leaf it presented, when the TLS handshake got that far.
    pub leaf: Option<Leaf>,
    /// How it treats TLS and plaintext (`None` when down).
    pub tls_mode: Option<TlsMode>,
    /// Its `hello` said `isWritablePrimary` (`None`: no `hello` answered).
    pub primary: Option<bool>,
    /// The codes of its `fail` findings (empty unless failing).
    pub problems: Vec<String>,
}

/// What happened to a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The first round that asked it.
    Seen,
    /// It was up or failing, and now nothing answers.
    WentAway,
    /// It was down, and answers again (its state says whether it passes).
    CameBack,
    /// It was up, and its probe now fails.
    StartedFailing,
    /// It was failing, and its probe passes again.
    Recovered,
    /// Same state as before, another leaf.
    CertChanged,
}

impl EventKind {
    /// Lower-case name as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Seen => "seen",
            EventKind::WentAway => "went_away",
            EventKind::CameBack => "came_back",
            EventKind::StartedFailing => "started_failing",
            EventKind::Recovered => "recovered",
            EventKind::CertChanged => "cert_changed",
        }
    }
}

/// One entry of a member's timeline: what happened, when, and what the member looked like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The round's time.
    pub at: OffsetDateTime,
    /// What happened.
    pub kind: EventKind,
    /// The member's state from then on.
    pub state: State,
    /// The leaf it presented (when it got that far).
    pub leaf: Option<Leaf>,
    /// Its TLS mode (`None` when down).
    pub tls_mode: Option<TlsMode>,
    /// Whether it said it is the primary (`None`: no `hello`).
    pub primary: Option<bool>,
    /// The codes of its `fail` findings, when failing.
    pub problems: Vec<String>,
}

/// One member's story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberTimeline {
    /// `host:port`.
    pub address: String,
    /// The leaf of its first observation; `None` when it had none then.
    pub initial: Option<Leaf>,
    /// Its latest observation.
    pub last: Observation,
    /// Everything that happened, oldest first.
    pub events: Vec<Event>,
    /// Downtime that has ended (down or failing, then up again).
    closed_downtime: Duration,
    /// Since when it has not been up, if it is not.
    not_up_since: Option<OffsetDateTime>,
}

impl MemberTimeline {
    /// Its total downtime until `now`: every stretch not up (down or failing), the current one
    /// counted up to `now`.
    pub fn downtime(&self, now: OffsetDateTime) -> Duration {
        let open = self
            .not_up_since
            .map(|since| positive(now - since))
            .unwrap_or_default();
        self.closed_downtime + open
    }

    /// Since when it has not been up, if it is not.
    pub fn not_up_since(&self) -> Option<OffsetDateTime> {
        self.not_up_since
    }

    /// Its latest leaf, if its latest observation had one.
    pub fn current(&self) -> Option<Leaf> {
        self.last.leaf
    }
}

fn positive(d: time::Duration) -> Duration {
    Duration::try_from(d).unwrap_or_default()
}

/// The primary changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrimaryChange {
    /// The round that saw the new primary.
    pub at: OffsetDateTime,
    /// The primary seen before.
    pub from: Option<String>,
    /// The new primary.
    pub to: String,
}

/// Why a member keeps the wait from ending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReady {
    /// Nothing answers, since then.
    Down(OffsetDateTime),
    /// It answers but its probe fails (these codes), since then.
    Failing(OffsetDateTime, Vec<String>),
    /// It passes with the leaf it had when first seen (`--expect-new-cert`).
    CertUnchanged(Leaf),
    /// It passes, but its leaf is not the expected one (`--expect-fingerprint`,
    /// `--expect-not-after-later-than`).
    CertNotExpected(Leaf),
    /// It passes without presenting a certificate (no TLS).
    NoCertificate,
}

/// What one round changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundUpdate {
    /// Events, by member address, in the round's member order.
    pub events: Vec<(String, Event)>,
    /// The primary change this round saw, if any.
    pub primary_change: Option<PrimaryChange>,
}

/// The timeline of the whole run.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// What the certificates must show.
    pub expectation: Expectation,
    /// Members by normalised address.
    members: BTreeMap<String, MemberTimeline>,
    /// Normalised addresses in the order first seen.
    order: Vec<String>,
    /// The last primary seen.
    primary: Option<String>,
    /// Every primary change, oldest first.
    pub primary_changes: Vec<PrimaryChange>,
    /// Rounds observed.
    pub rounds: usize,
}

fn key(address: &str) -> String {
    address.to_ascii_lowercase()
}

impl Timeline {
    /// An empty timeline.
    pub fn new(expectation: Expectation) -> Self {
        Timeline {
            expectation,
            members: BTreeMap::new(),
            order: Vec::new(),
            primary: None,
            primary_changes: Vec::new(),
            rounds: 0,
        }
    }

    /// Members in the order first seen.
    pub fn members(&self) -> impl Iterator<Item = &MemberTimeline> {
        self.order.iter().filter_map(|k| self.members.get(k))
    }

    /// The last primary seen.
    pub fn primary(&self) -> Option<&str> {
        self.primary.as_deref()
    }

    /// Records one round observed at `at`.
    pub fn observe_round(&mut self, at: OffsetDateTime, round: Vec<Observation>) -> RoundUpdate {
        self.rounds += 1;
        let mut update = RoundUpdate::default();
        let mut primary_now = None;
        for obs in round {
            if obs.state != State::Down && obs.primary == Some(true) && primary_now.is_none() {
                primary_now = Some(obs.address.clone());
            }
            if let Some(event) = self.observe(at, obs.clone()) {
                update.events.push((obs.address, event));
            }
        }
        if let Some(new) = primary_now {
            let changed = self.primary.as_deref().map(key) != Some(key(&new));
            if changed {
                if self.primary.is_some() {
                    let change = PrimaryChange {
                        at,
                        from: self.primary.clone(),
                        to: new.clone(),
                    };
                    self.primary_changes.push(change.clone());
                    update.primary_change = Some(change);
                }
                self.primary = Some(new);
            }
        }
        update
    }

    /// Records one member's observation; returns the event it makes, if any.
    fn observe(&mut self, at: OffsetDateTime, obs: Observation) -> Option<Event> {
        let k = key(&obs.address);
        let event = |kind: EventKind, obs: &Observation| Event {
            at,
            kind,
            state: obs.state,
            leaf: obs.leaf,
            tls_mode: obs.tls_mode,
            primary: obs.primary,
            problems: obs.problems.clone(),
        };
        let Some(m) = self.members.get_mut(&k) else {
            let first = event(EventKind::Seen, &obs);
            self.order.push(k.clone());
            self.members.insert(
                k,
                MemberTimeline {
                    address: obs.address.clone(),
                    initial: obs.leaf,
                    not_up_since: (obs.state != State::Up).then_some(at),
                    last: obs,
                    events: vec![first.clone()],
                    closed_downtime: Duration::ZERO,
                },
            );
            return Some(first);
        };
        let before = m.last.state;
        let kind = match (before, obs.state) {
            (State::Up | State::Failing, State::Down) => Some(EventKind::WentAway),
            (State::Down, State::Up | State::Failing) => Some(EventKind::CameBack),
            (State::Up, State::Failing) => Some(EventKind::StartedFailing),
            (State::Failing, State::Up) => Some(EventKind::Recovered),
            _ if obs.leaf.is_some() && obs.leaf != m.last.leaf => Some(EventKind::CertChanged),
            _ => None,
        };
        match (m.not_up_since, obs.state) {
            (Some(since), State::Up) => {
                m.closed_downtime += positive(at - since);
                m.not_up_since = None;
            }
            (None, State::Down | State::Failing) => m.not_up_since = Some(at),
            _ => {}
        }
        let out = kind.map(|kind| event(kind, &obs));
        if let Some(e) = &out {
            m.events.push(e.clone());
        }
        // A member that is down keeps the leaf it was last seen with, for the report.
        let leaf = obs.leaf.or(if obs.state == State::Down {
            m.last.leaf
        } else {
            None
        });
        m.last = Observation { leaf, ..obs };
        out
    }

    /// Why `m` keeps the wait from ending, or `None` when it is ready.
    pub fn member_not_ready(&self, m: &MemberTimeline) -> Option<NotReady> {
        match m.last.state {
            State::Down => return Some(NotReady::Down(m.not_up_since.unwrap_or(m.events[0].at))),
            State::Failing => {
                return Some(NotReady::Failing(
                    m.not_up_since.unwrap_or(m.events[0].at),
                    m.last.problems.clone(),
                ))
            }
            State::Up => {}
        }
        if self.expectation == Expectation::Pass {
            return None;
        }
        let Some(leaf) = m.last.leaf else {
            return Some(NotReady::NoCertificate);
        };
        match self.expectation {
            Expectation::Pass => None,
            Expectation::NewCert => match m.initial {
                Some(old) if old.fingerprint == leaf.fingerprint => {
                    Some(NotReady::CertUnchanged(leaf))
                }
                // A new leaf, or no known old one (first seen without a leaf): renewed.
                _ => None,
            },
            Expectation::Fingerprint(want) => {
                (leaf.fingerprint != want).then_some(NotReady::CertNotExpected(leaf))
            }
            Expectation::NotAfterLaterThan(date) => {
                (leaf.not_after <= date).then_some(NotReady::CertNotExpected(leaf))
            }
        }
    }

    /// Every member not ready yet, with why, in the order first seen.
    pub fn not_ready(&self) -> Vec<(&MemberTimeline, NotReady)> {
        self.members()
            .filter_map(|m| self.member_not_ready(m).map(|why| (m, why)))
            .collect()
    }

    /// The wait is over: at least one member, and every member ready.
    pub fn is_done(&self) -> bool {
        !self.members.is_empty() && self.not_ready().is_empty()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-12-07 06:00:00 UTC);

    fn at(secs: i64) -> OffsetDateTime {
        T0 + time::Duration::seconds(secs)
    }

    fn leaf(byte: u8, not_after: OffsetDateTime) -> Leaf {
        Leaf {
            fingerprint: [byte; 32],
            not_after,
        }
    }

    const OLD_END: OffsetDateTime = datetime!(2027-01-01 00:00:00 UTC);
    const NEW_END: OffsetDateTime = datetime!(2028-01-01 00:00:00 UTC);

    fn up(address: &str, l: Leaf, primary: bool) -> Observation {
        Observation {
            address: address.into(),
            state: State::Up,
            leaf: Some(l),
            tls_mode: Some(TlsMode::TlsOnly),
            primary: Some(primary),
            problems: Vec::new(),
        }
    }

    fn down(address: &str) -> Observation {
        Observation {
            address: address.into(),
            state: State::Down,
            leaf: None,
            tls_mode: None,
            primary: None,
            problems: Vec::new(),
        }
    }

    fn failing(address: &str, l: Option<Leaf>, code: &str) -> Observation {
        Observation {
            address: address.into(),
            state: State::Failing,
            leaf: l,
            tls_mode: Some(TlsMode::Unknown),
            primary: None,
            problems: vec![code.into()],
        }
    }

    fn kinds(m: &MemberTimeline) -> Vec<EventKind> {
        m.events.iter().map(|e| e.kind).collect()
    }

    fn member<'a>(t: &'a Timeline, address: &str) -> &'a MemberTimeline {
        t.members().find(|m| m.address == address).unwrap()
    }

    /// A rolling restart of three members onto new leaves, primary last (moved first).
    #[test]
    fn a_rolling_restart_onto_new_certificates_ends_when_the_last_member_is_back() {
        let (old, new) = (leaf(1, OLD_END), leaf(2, NEW_END));
        let mut t = Timeline::new(Expectation::NewCert);
        let round = |a: [Option<(Leaf, bool)>; 3]| -> Vec<Observation> {
            ["h0:1", "h1:1", "h2:1"]
                .iter()
                .zip(a)
                .map(|(addr, o)| match o {
                    Some((l, p)) => up(addr, l, p),
                    None => down(addr),
                })
                .collect()
        };
        let u = t.observe_round(
            at(0),
            round([Some((old, false)), Some((old, false)), Some((old, true))]),
        );
        assert_eq!(u.events.len(), 3);
        assert!(u.primary_change.is_none(), "the first primary is no change");
        assert_eq!(t.primary(), Some("h2:1"));
        assert!(!t.is_done());
        assert_eq!(t.not_ready().len(), 3);
        assert!(matches!(t.not_ready()[0].1, NotReady::CertUnchanged(_)));

        t.observe_round(at(2), round([None, Some((old, false)), Some((old, true))]));
        t.observe_round(
            at(6),
            round([Some((new, false)), Some((old, false)), Some((old, true))]),
        );
        t.observe_round(at(8), round([Some((new, false)), None, Some((old, true))]));
        t.observe_round(
            at(12),
            round([Some((new, false)), Some((new, false)), Some((old, true))]),
        );
        assert!(!t.is_done());
        // The primary moves to h0, then h2 restarts.
        let u = t.observe_round(
            at(14),
            round([Some((new, true)), Some((new, false)), Some((old, false))]),
        );
        assert_eq!(
            u.primary_change,
            Some(PrimaryChange {
                at: at(14),
                from: Some("h2:1".into()),
                to: "h0:1".into()
            })
        );
        t.observe_round(at(16), round([Some((new, true)), Some((new, false)), None]));
        assert!(!t.is_done());
        let why = t.not_ready();
        assert_eq!(why.len(), 1);
        assert_eq!(why[0].0.address, "h2:1");
        assert_eq!(why[0].1, NotReady::Down(at(16)));
        t.observe_round(
            at(19),
            round([Some((new, true)), Some((new, false)), Some((new, false))]),
        );
        assert!(t.is_done());

        let h0 = member(&t, "h0:1");
        assert_eq!(
            kinds(h0),
            [EventKind::Seen, EventKind::WentAway, EventKind::CameBack]
        );
        assert_eq!(h0.downtime(at(100)), Duration::from_secs(4));
        assert_eq!(h0.initial, Some(old));
        assert_eq!(h0.current(), Some(new));
        assert_eq!(h0.events[2].leaf, Some(new));
        assert_eq!(member(&t, "h1:1").downtime(at(100)), Duration::from_secs(4));
        assert_eq!(member(&t, "h2:1").downtime(at(100)), Duration::from_secs(3));
        assert_eq!(t.primary_changes.len(), 1);
        assert_eq!(t.rounds, 8);
    }

    #[test]
    fn a_member_back_with_its_old_certificate_is_not_ready() {
        let old = leaf(1, OLD_END);
        let mut t = Timeline::new(Expectation::NewCert);
        t.observe_round(at(0), vec![up("a:1", old, true)]);
        t.observe_round(at(1), vec![down("a:1")]);
        t.observe_round(at(2), vec![up("a:1", old, true)]);
        assert!(!t.is_done());
        assert_eq!(t.not_ready()[0].1, NotReady::CertUnchanged(old));
        // Down, it keeps the leaf it was last seen with.
        t.observe_round(at(3), vec![down("a:1")]);
        assert_eq!(member(&t, "a:1").current(), Some(old));
        assert_eq!(member(&t, "a:1").downtime(at(5)), Duration::from_secs(3));
    }

    /// Documented: a member down when first asked has no known old leaf, so the leaf it comes
    /// back with counts as renewed.
    #[test]
    fn a_member_down_at_the_start_counts_as_renewed_when_it_comes_back() {
        let any = leaf(7, OLD_END);
        let mut t = Timeline::new(Expectation::NewCert);
        t.observe_round(at(0), vec![down("a:1")]);
        assert_eq!(member(&t, "a:1").initial, None);
        assert!(!t.is_done());
        t.observe_round(at(5), vec![up("a:1", any, true)]);
        assert!(t.is_done());
        assert_eq!(member(&t, "a:1").downtime(at(9)), Duration::from_secs(5));
        assert_eq!(
            kinds(member(&t, "a:1")),
            [EventKind::Seen, EventKind::CameBack]
        );
    }

    #[test]
    fn a_failing_member_is_not_ready_and_its_failure_counts_as_downtime() {
        let (old, new) = (leaf(1, OLD_END), leaf(2, NEW_END));
        let mut t = Timeline::new(Expectation::NewCert);
        t.observe_round(at(0), vec![up("a:1", old, true)]);
        t.observe_round(at(1), vec![failing("a:1", Some(new), "cert.expired")]);
        assert_eq!(
            t.not_ready()[0].1,
            NotReady::Failing(at(1), vec!["cert.expired".into()])
        );
        t.observe_round(at(4), vec![up("a:1", new, true)]);
        assert!(t.is_done());
        let m = member(&t, "a:1");
        assert_eq!(
            kinds(m),
            [
                EventKind::Seen,
                EventKind::StartedFailing,
                EventKind::Recovered
            ]
        );
        assert_eq!(m.downtime(at(10)), Duration::from_secs(3));
    }

    #[test]
    fn a_leaf_changed_without_an_outage_is_an_event() {
        let (old, new) = (leaf(1, OLD_END), leaf(2, NEW_END));
        let mut t = Timeline::new(Expectation::NewCert);
        t.observe_round(at(0), vec![up("a:1", old, true)]);
        let u = t.observe_round(at(1), vec![up("a:1", new, true)]);
        assert_eq!(u.events[0].1.kind, EventKind::CertChanged);
        assert!(t.is_done());
        assert_eq!(member(&t, "a:1").downtime(at(9)), Duration::ZERO);
        // Nothing changed: no event.
        let u = t.observe_round(at(2), vec![up("a:1", new, true)]);
        assert!(u.events.is_empty());
    }

    #[test]
    fn the_expected_fingerprint_must_be_the_one_presented() {
        let (old, new) = (leaf(1, OLD_END), leaf(2, NEW_END));
        let mut t = Timeline::new(Expectation::Fingerprint(new.fingerprint));
        t.observe_round(at(0), vec![up("a:1", old, true), up("b:1", new, false)]);
        let why = t.not_ready();
        assert_eq!(why.len(), 1);
        assert_eq!(why[0].1, NotReady::CertNotExpected(old));
        t.observe_round(at(1), vec![up("a:1", new, true), up("b:1", new, false)]);
        assert!(t.is_done());
    }

    #[test]
    fn already_on_the_expected_fingerprint_is_done_at_the_first_round() {
        let new = leaf(2, NEW_END);
        let mut t = Timeline::new(Expectation::Fingerprint(new.fingerprint));
        t.observe_round(at(0), vec![up("a:1", new, true), up("b:1", new, false)]);
        assert!(t.is_done());
    }

    #[test]
    fn a_later_not_after_is_strictly_later() {
        let (old, new) = (leaf(1, OLD_END), leaf(2, NEW_END));
        let mut t = Timeline::new(Expectation::NotAfterLaterThan(OLD_END));
        t.observe_round(at(0), vec![up("a:1", old, true)]);
        assert_eq!(t.not_ready()[0].1, NotReady::CertNotExpected(old));
        t.observe_round(at(1), vec![up("a:1", new, true)]);
        assert!(t.is_done());
    }

    #[test]
    fn without_an_expectation_passing_is_enough_and_nothing_observed_is_not_done() {
        let mut t = Timeline::new(Expectation::Pass);
        assert!(!t.is_done(), "no member yet");
        t.observe_round(at(0), vec![up("a:1", leaf(1, OLD_END), true)]);
        assert!(t.is_done());
        let mut t = Timeline::new(Expectation::NewCert);
        let mut plain = up("a:1", leaf(1, OLD_END), true);
        plain.leaf = None;
        t.observe_round(at(0), vec![plain]);
        assert_eq!(t.not_ready()[0].1, NotReady::NoCertificate);
    }

    #[test]
    fn addresses_are_compared_without_case_and_members_keep_their_first_order() {
        let l = leaf(1, OLD_END);
        let mut t = Timeline::new(Expectation::Pass);
        t.observe_round(at(0), vec![up("B:1", l, false), up("a:1", l, true)]);
        let u = t.observe_round(at(1), vec![up("b:1", l, true), up("A:1", l, false)]);
        assert!(u.events.is_empty());
        let order: Vec<&str> = t.members().map(|m| m.address.as_str()).collect();
        assert_eq!(order, ["B:1", "a:1"]);
        assert_eq!(
            u.primary_change.map(|c| (c.from, c.to)),
            Some((Some("a:1".into()), "b:1".into()))
        );
    }

    #[test]
    fn durations_are_shown_rounded() {
        assert_eq!(shown(Duration::from_nanos(3_001_094_702)), "3s");
        assert_eq!(shown(Duration::from_millis(3_460)), "3.5s");
        assert_eq!(shown(Duration::from_micros(22_958)), "22ms");
        assert_eq!(shown(Duration::from_millis(72_520)), "1m12.5s");
        assert_eq!(shown(Duration::ZERO), "0s");
    }

    #[test]
    fn fingerprints_are_read_with_or_without_colons_in_any_case() {
        let want: Fingerprint = core::array::from_fn(|i| u8::try_from(i).unwrap() * 7);
        let upper = format_fingerprint(&want);
        assert_eq!(upper.len(), 95);
        assert_eq!(parse_fingerprint(&upper), Ok(want));
        assert_eq!(parse_fingerprint(&upper.to_lowercase()), Ok(want));
        let bare: String = upper.chars().filter(|c| *c != ':').collect();
        assert_eq!(parse_fingerprint(&format!("  {bare}\n")), Ok(want));
        assert_eq!(
            parse_fingerprint(&bare[..62]),
            Err(FingerprintError::BadLength(62))
        );
        assert_eq!(
            parse_fingerprint(&format!("{}g", &bare[..63])),
            Err(FingerprintError::BadCharacter('g'))
        );
        assert_eq!(parse_fingerprint(""), Err(FingerprintError::BadLength(0)));
        let message = parse_fingerprint("xyz").unwrap_err().to_string();
        assert!(message.contains('x'), "{message}");
    }
}
