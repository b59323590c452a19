//! `mongotls check`: probe every seed concurrently, discover the replica set's members from
//! their `hello` replies, probe those too (under the names the configuration uses), then judge
//! the set as a whole. One member's failure never hides another's.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::dates::rfc3339;
use crate::duration::format_duration;
use crate::findings::{Code, Finding, Severity};
use crate::net::dns::{resolve_seedlist, DnsLookupError, DnsResolver, SrvResolution};
use crate::net::Target;
use crate::probe::progress::{MemberEnd, Progress, ProgressEvent};
use crate::probe::{probe_with, MemberProbe, ProbeSettings, TlsMode};
use crate::tr;
use crate::uri::SrvProblem;
use crate::wire::hello::HelloReply;

/// Upper bound on members probed in one run: discovery never follows `hello` further.
pub const MAX_MEMBERS: usize = 50;

/// Rounds of discovery: seeds, the members they name, and the members those name.
const MAX_DISCOVERY_ROUNDS: usize = 3;

/// How long past the run's deadline a probe may go before it is abandoned. Every phase is
/// already bounded by the deadline; this only catches what no phase bound covers (a resolver
/// answering several addresses, each tried in turn).
const DEADLINE_GRACE: Duration = Duration::from_secs(2);

/// What `check` needs to know about the set it expects.
#[derive(Debug, Clone)]
pub struct SetExpectation {
    /// `replicaSet` from the URI.
    pub replica_set: Option<String>,
    /// Follow `hello` to members beyond the seeds.
    pub discover: bool,
    /// Most members probed at once (each probe holds one connection at a time).
    pub max_connections: usize,
}

/// The members probed, and the set-level findings.
#[derive(Debug)]
pub struct SetOutcome {
    /// Every member, seeds first, then in discovery order.
    pub members: Vec<MemberProbe>,
    /// The replica set's name, as its members report it.
    pub set_name: Option<String>,
    /// Findings about the set as a whole.
    pub findings: Vec<Finding>,
}

/// Normalised address for comparisons (`Host:Port` and `host:port` are the same member).
fn key(address: &str) -> String {
    address.to_ascii_lowercase()
}

/// Probes the seeds and, unless told not to, every member they name, telling `progress` as
/// members are queued, go through their phases and end.
pub async fn check_set(
    seeds: Vec<Target>,
    expect: &SetExpectation,
    settings: Arc<ProbeSettings>,
    progress: &Progress,
) -> SetOutcome {
    let mut findings = Vec::new();
    let mut members: Vec<MemberProbe> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let seed_keys: BTreeSet<String> = seeds.iter().map(|t| key(&t.address)).collect();

    let mut wave: Vec<Target> = Vec::new();
    for t in seeds {
        if seen.insert(key(&t.address)) {
            wave.push(t);
        }
    }
    let mut capped = false;
    for round in 0..MAX_DISCOVERY_ROUNDS {
        if wave.is_empty() {
            break;
        }
        if Instant::now() >= settings.deadline {
            findings.push(not_probed_in_time(&wave, settings.run_budget));
            break;
        }
        for t in &wave {
            progress.emit(|| ProgressEvent::MemberQueued {
                address: t.address.clone(),
                seed: seed_keys.contains(&key(&t.address)),
            });
        }
        let reports = probe_all(&wave, &settings, expect.max_connections, progress).await;
        members.extend(reports);
        if !expect.discover || round + 1 == MAX_DISCOVERY_ROUNDS {
            break;
        }
        wave = Vec::new();
        for name in configured_names(&members) {
            if seen.contains(&key(&name)) {
                continue;
            }
            if seen.len() >= MAX_MEMBERS {
                capped = true;
                break;
            }
            // Seen either way: a name that cannot be dialled is reported once, not once per
            // round that meets it again.
            seen.insert(key(&name));
            match Target::from_member_name(&name) {
                Ok(t) => wave.push(t),
                Err(e) => findings.push(Finding::new(
                    Code::RsMemberUnreachable,
                    Severity::Fail,
                    tr!(
                        "check-member-name-invalid",
                        name = name.as_str(),
                        error = e.to_string()
                    ),
                    tr!("check-member-name-invalid-hint"),
                )),
            }
        }
    }
    if capped {
        findings.push(Finding::new(
            Code::RsDiscoveryCapped,
            Severity::Warn,
            tr!("check-discovery-capped", max = MAX_MEMBERS.to_string()),
            tr!("check-discovery-capped-hint"),
        ));
    }

    let config: BTreeSet<String> = configured_names(&members).iter().map(|n| key(n)).collect();
    for m in &mut members {
        m.seed = seed_keys.contains(&key(&m.address));
        m.in_config = config.contains(&key(&m.address));
    }
    let set_name = analyse_set(&members, expect, &config, &mut findings);
    SetOutcome {
        members,
        set_name,
        findings,
    }
}

/// Members named by `hello` that the deadline left no time to probe.
fn not_probed_in_time(wave: &[Target], run_budget: Duration) -> Finding {
    let names: Vec<String> = wave.iter().map(|t| t.address.clone()).collect();
    Finding::new(
        Code::NetDeadlineExceeded,
        Severity::Fail,
        tr!(
            "check-deadline-members-not-probed",
            budget = format_duration(run_budget),
            count = names.len().to_string(),
            members = short_list(names.iter())
        ),
        tr!("check-deadline-members-not-probed-hint"),
    )
}

/// Probes `targets` concurrently, at most `max_connections` at a time, each bounded by the
/// run's deadline.
async fn probe_all(
    targets: &[Target],
    settings: &Arc<ProbeSettings>,
    max_connections: usize,
    progress: &Progress,
) -> Vec<MemberProbe> {
    let permits = Arc::new(tokio::sync::Semaphore::new(max_connections.max(1)));
    let mut set = tokio::task::JoinSet::new();
    for (i, t) in targets.iter().cloned().enumerate() {
        let s = settings.clone();
        let progress = progress.clone();
        // Taken here, in the targets' order, not inside the task: tasks start in no fixed
        // order, and the seeds listed first must be the first probed when --max-connections
        // makes the others wait (and perhaps miss the deadline). Every running probe is
        // bounded, so this wait is too. The semaphore is never closed; a failed acquire would
        // only mean no limit.
        let permit = permits.clone().acquire_owned().await.ok();
        set.spawn(async move {
            let _permit = permit;
            let start = Instant::now();
            let limit = tokio::time::Instant::from_std(s.deadline + DEADLINE_GRACE);
            let report = match tokio::time::timeout_at(limit, probe_with(&t, &s, &progress)).await {
                Ok(report) => report,
                Err(_) => crate::probe::abandoned(&t, &s),
            };
            progress.emit(|| ProgressEvent::MemberFinished {
                address: t.address.clone(),
                end: MemberEnd::of(&report, start.elapsed()),
            });
            (i, report)
        });
    }
    let mut out: Vec<(usize, MemberProbe)> = Vec::new();
    while let Some(joined) = set.join_next().await {
        if let Ok(pair) = joined {
            out.push(pair);
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

/// Every member name the `hello` replies list (hosts, passives, arbiters), in first-seen order.
/// Deduplicated through a set: a hostile `hello` may list many thousands of names, and a
/// linear scan per name (quadratic) stalled the run for minutes.
fn configured_names(members: &[MemberProbe]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for m in members {
        if let Some(h) = &m.hello {
            for name in h.hosts.iter().chain(&h.passives).chain(&h.arbiters) {
                if keys.insert(key(name)) {
                    out.push(name.clone());
                }
            }
        }
    }
    out
}

/// At most ten names, then how many more: a hostile `hello` can list thousands.
fn short_list<'a>(names: impl ExactSizeIterator<Item = &'a String>) -> String {
    let total = names.len();
    let shown: Vec<&str> = names.take(10).map(String::as_str).collect();
    if total > shown.len() {
        tr!(
            "check-list-and-more",
            list = shown.join(", "),
            more = (total - shown.len()).to_string()
        )
    } else {
        shown.join(", ")
    }
}

/// Clients can reach the member: it took a TCP connection and answered something.
fn reachable(m: &MemberProbe) -> bool {
    m.tls_mode != TlsMode::Unreachable && !m.silent
}

/// Set-level findings. Returns the set name the members report.
fn analyse_set(
    members: &[MemberProbe],
    expect: &SetExpectation,
    config: &BTreeSet<String>,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    let set_name = set_names(members, expect, findings);
    if set_name.is_some() {
        primary(members, findings);
    }
    unreachable_members(members, config, findings);
    seeds_outside_the_configuration(members, config, findings);
    certificate_consistency(members, findings);
    tls_mode_consistency(members, findings);
    set_name
}

/// The replica-set name the members report (the first, when they disagree), and the findings
/// about it: none reported (not a replica set), several, or not the connection string's.
fn set_names(
    members: &[MemberProbe],
    expect: &SetExpectation,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    let hellos: Vec<&HelloReply> = members.iter().filter_map(|m| m.hello.as_ref()).collect();
    let names: BTreeSet<String> = hellos.iter().filter_map(|h| h.set_name.clone()).collect();
    let set_name = names.iter().next().cloned();
    if !hellos.is_empty() && names.is_empty() {
        findings.push(Finding::new(
            Code::RsNotAReplicaSet,
            Severity::Warn,
            tr!("check-not-a-replica-set"),
            tr!("check-not-a-replica-set-hint"),
        ));
    }
    if names.len() > 1 {
        findings.push(Finding::new(
            Code::RsNameMismatch,
            Severity::Fail,
            tr!(
                "check-set-names-differ",
                names = names.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
            tr!("check-set-names-differ-hint"),
        ));
    }
    if let (Some(want), Some(got)) = (&expect.replica_set, &set_name) {
        if want != got {
            findings.push(Finding::new(
                Code::RsNameMismatch,
                Severity::Fail,
                tr!(
                    "check-set-name-mismatch",
                    want = want.as_str(),
                    got = got.as_str()
                ),
                tr!(
                    "check-set-name-mismatch-hint",
                    want = want.as_str(),
                    got = got.as_str()
                ),
            ));
        }
    }
    set_name
}

/// `rs.no_primary` when no member that answered reports itself primary.
fn primary(members: &[MemberProbe], findings: &mut Vec<Finding>) {
    let has_primary = members
        .iter()
        .any(|m| m.hello.as_ref().is_some_and(HelloReply::is_primary));
    if !has_primary {
        findings.push(Finding::new(
            Code::RsNoPrimary,
            Severity::Fail,
            tr!("check-no-primary"),
            tr!("check-no-primary-hint"),
        ));
    }
}

/// `rs.member_unreachable` for every member of the configuration (or, when no member
/// answered, every member probed) that could not be reached, or that took a connection and
/// then never answered. What it means for clients depends on the others: they go on with the
/// members that answer, or, when none does, cannot connect at all.
///
/// The member's own finding (`net.connect_refused`, `tls.handshake_timeout`, …) is the
/// failure; this one says what it means for the set, as information, so that one cause counts
/// as one failure. Only a member with no failure of its own to show (none today) fails here.
fn unreachable_members(
    members: &[MemberProbe],
    config: &BTreeSet<String>,
    findings: &mut Vec<Finding>,
) {
    let answering = members.iter().filter(|m| reachable(m)).count();
    for m in members {
        if reachable(m) || !(config.contains(&key(&m.address)) || config.is_empty()) {
            continue;
        }
        let address = m.address.as_str();
        let message = if m.silent {
            tr!("check-member-silent", address = address)
        } else {
            tr!("check-member-unreachable", address = address)
        };
        let hint = if answering > 0 {
            tr!("check-member-unreachable-others-hint")
        } else if members.len() == 1 {
            tr!("check-member-unreachable-only-hint")
        } else {
            tr!("check-member-unreachable-none-hint")
        };
        let explained = m.findings.iter().any(|f| f.severity == Severity::Fail);
        let severity = if explained {
            Severity::Info
        } else {
            Severity::Fail
        };
        findings.push(Finding::new(
            Code::RsMemberUnreachable,
            severity,
            message,
            hint,
        ));
    }
}

/// `rs.seed_not_member` for seeds the configuration does not name: drivers drop them and
/// connect to the configured names, which the certificates must then cover.
fn seeds_outside_the_configuration(
    members: &[MemberProbe],
    config: &BTreeSet<String>,
    findings: &mut Vec<Finding>,
) {
    if config.is_empty() {
        return;
    }
    for m in members.iter().filter(|m| m.seed) {
        if !config.contains(&key(&m.address)) {
            findings.push(Finding::new(
                Code::RsSeedNotMember,
                Severity::Warn,
                tr!(
                    "check-seed-not-member",
                    seed = m.address.as_str(),
                    members = short_list(config.iter())
                ),
                tr!("check-seed-not-member-hint"),
            ));
        }
    }
}

fn certificate_consistency(members: &[MemberProbe], findings: &mut Vec<Finding>) {
    let leaves: Vec<(&str, &crate::pki::inspect::Cert)> = members
        .iter()
        .filter_map(|m| m.leaf.as_ref().map(|l| (m.address.as_str(), l)))
        .collect();
    if leaves.len() < 2 {
        return;
    }
    let issuers: BTreeMap<String, Vec<&str>> = group(&leaves, |c| {
        let key_id = match c.info.authority_key_id.as_deref() {
            Some(id) => id.to_owned(),
            None => tr!("check-key-id-absent"),
        };
        tr!(
            "check-issuer-with-key-id",
            issuer = c.info.issuer.to_string(),
            key_id = key_id
        )
    });
    let earliest = leaves.iter().map(|(_, c)| c.info.not_after).min();
    let latest = leaves.iter().map(|(_, c)| c.info.not_after).max();
    let spread_days = match (earliest, latest) {
        (Some(a), Some(b)) => (b - a).whole_days(),
        _ => 0,
    };
    if issuers.len() > 1 {
        findings.push(Finding::new(
            Code::RsInconsistentCertificates,
            Severity::Warn,
            tr!("check-issuers-differ", groups = describe_groups(&issuers)),
            tr!("check-issuers-differ-hint"),
        ));
    }
    if spread_days > 1 {
        let expiry: BTreeMap<String, Vec<&str>> = group(&leaves, |c| rfc3339(c.info.not_after));
        findings.push(Finding::new(
            Code::RsInconsistentCertificates,
            Severity::Warn,
            tr!(
                "check-expiry-spread",
                days = spread_days.to_string(),
                groups = describe_groups(&expiry)
            ),
            tr!("check-expiry-spread-hint"),
        ));
    }
}

fn group<'a>(
    leaves: &[(&'a str, &crate::pki::inspect::Cert)],
    by: impl Fn(&crate::pki::inspect::Cert) -> String,
) -> BTreeMap<String, Vec<&'a str>> {
    let mut out: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (addr, c) in leaves {
        out.entry(by(c)).or_default().push(addr);
    }
    out
}

fn describe_groups(groups: &BTreeMap<String, Vec<&str>>) -> String {
    groups
        .iter()
        .map(|(k, v)| {
            tr!(
                "check-group-on-members",
                what = k.as_str(),
                members = v.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn tls_mode_consistency(members: &[MemberProbe], findings: &mut Vec<Finding>) {
    let modes: BTreeMap<&str, Vec<&str>> = members
        .iter()
        .filter(|m| {
            matches!(
                m.tls_mode,
                TlsMode::TlsOnly | TlsMode::TlsAndPlain | TlsMode::PlainOnly
            )
        })
        .fold(BTreeMap::new(), |mut acc, m| {
            acc.entry(m.tls_mode.as_str())
                .or_insert_with(Vec::new)
                .push(m.address.as_str());
            acc
        });
    if modes.len() > 1 {
        let detail = modes
            .iter()
            .map(|(mode, addrs)| {
                tr!(
                    "check-group-on-members",
                    what = *mode,
                    members = addrs.join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        findings.push(Finding::new(
            Code::RsMixedTlsModes,
            Severity::Warn,
            tr!("check-mixed-tls-modes", groups = detail),
            tr!("check-mixed-tls-modes-hint"),
        ));
    }
}

/// Resolves a `mongodb+srv://` name through `dns` (`--dns-server`), or the system's
/// resolver: the seeds to probe, the TXT options, and what the report shows.
pub async fn resolve_srv(
    seed: &crate::uri::SrvSeed,
    uri_options: &crate::uri::UriOptions,
    dns: Option<&DnsResolver>,
    timeout: Duration,
) -> SrvResolution {
    match dns {
        Some(dns) => resolve_seedlist(seed, uri_options, dns, timeout).await,
        None => match DnsResolver::system(timeout) {
            Ok(system) => resolve_seedlist(seed, uri_options, &system, timeout).await,
            Err(e) => SrvResolution {
                name: seed.srv_name(),
                host: seed.host.clone(),
                dns_server: None,
                records: Vec::new(),
                txt: Vec::new(),
                seeds: None,
                error: Some(e),
                elapsed: Duration::ZERO,
            },
        },
    }
}

/// The findings of a `mongodb+srv://` resolution: `srv.lookup_failed`, `srv.no_records`,
/// `srv.invalid_target`, `srv.txt_invalid`.
pub fn srv_findings(res: &SrvResolution) -> Vec<Finding> {
    let mut out = Vec::new();
    let dig_server = res
        .dns_server
        .map(|s| format!(" @{} -p {}", s.ip(), s.port()))
        .unwrap_or_default();
    match &res.error {
        Some(e @ DnsLookupError::NoRecords { .. }) => out.push(Finding::new(
            Code::SrvNoRecords,
            Severity::Fail,
            tr!("check-srv-no-records", error = e.to_string()),
            tr!(
                "check-srv-no-records-hint",
                name = res.name.as_str(),
                dig_server = dig_server.as_str()
            ),
        )),
        Some(e) => out.push(Finding::new(
            Code::SrvLookupFailed,
            Severity::Fail,
            tr!("check-srv-lookup-failed", error = e.to_string()),
            tr!(
                "check-srv-lookup-failed-hint",
                name = res.name.as_str(),
                dig_server = dig_server.as_str()
            ),
        )),
        None => {}
    }
    for problem in res.seeds.iter().flat_map(|s| &s.problems) {
        out.push(match problem {
            SrvProblem::InvalidTarget { target, reason } => Finding::new(
                Code::SrvInvalidTarget,
                Severity::Fail,
                tr!(
                    "check-srv-invalid-target",
                    name = res.name.as_str(),
                    target = target.as_str(),
                    reason = reason.to_string()
                ),
                tr!("check-srv-invalid-target-hint", host = res.host.as_str()),
            ),
            SrvProblem::TxtInvalid { reason } => Finding::new(
                Code::SrvTxtInvalid,
                Severity::Fail,
                tr!(
                    "check-srv-txt-invalid",
                    host = res.host.as_str(),
                    reason = reason.to_string()
                ),
                tr!(
                    "check-srv-txt-invalid-hint",
                    host = res.host.as_str(),
                    dig_server = dig_server.as_str()
                ),
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_read_like_the_connection_strings_hosts() {
        let t = Target::from_member_name("db-0.example:3717").unwrap();
        assert_eq!((t.host.as_str(), t.port), ("db-0.example", 3717));
        let t = Target::from_member_name("[::1]:27018").unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.address.as_str()),
            ("::1", 27018, "[::1]:27018")
        );
        assert_eq!(Target::from_member_name("db").unwrap().port, 27017);
        for bad in [
            "db:notaport",
            "::1:27017",
            ":27017",
            "localhost:65536",
            "db:0",
            "a b:1",
        ] {
            assert!(Target::from_member_name(bad).is_err(), "{bad}");
        }
    }

    use bson::doc;
    use time::macros::datetime;
    use time::OffsetDateTime;

    use crate::pki::inspect::Cert;
    use crate::wire::hello::parse_hello;

    const NOW: OffsetDateTime = datetime!(2026-06-01 00:00 UTC);

    /// A member that answered `hello` over TLS as `set` (primary or not) and lists `hosts`.
    fn answering(address: &str, set: Option<&str>, primary: bool, hosts: &[&str]) -> MemberProbe {
        let t = Target::from_member_name(address).unwrap();
        let mut m = MemberProbe::empty(&t, t.host.clone());
        let mut reply = doc! {
            "ok": 1,
            "isWritablePrimary": primary,
            "secondary": !primary,
            "hosts": hosts.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
            "maxWireVersion": 21,
        };
        if let Some(set) = set {
            reply.insert("setName", set);
        }
        m.hello = Some(parse_hello(&reply).unwrap());
        m.tls_mode = TlsMode::TlsOnly;
        m
    }

    /// A member that refused the connection, with the finding the probe gives it.
    fn unreachable(address: &str) -> MemberProbe {
        let t = Target::from_member_name(address).unwrap();
        let mut m = MemberProbe::empty(&t, t.host.clone());
        m.tls_mode = TlsMode::Unreachable;
        m.findings.push(Finding::new(
            Code::NetConnectRefused,
            Severity::Fail,
            format!("{address}: connection refused"),
            "nothing listens there",
        ));
        m
    }

    /// A member that took the TCP connection and then said nothing.
    fn silent(address: &str) -> MemberProbe {
        let t = Target::from_member_name(address).unwrap();
        let mut m = MemberProbe::empty(&t, t.host.clone());
        m.tls_mode = TlsMode::Unknown;
        m.silent = true;
        m.findings.push(Finding::new(
            Code::TlsHandshakeTimeout,
            Severity::Fail,
            format!("{address}: TLS handshake not finished within 10s"),
            "the server accepted TCP but did not complete TLS",
        ));
        m
    }

    fn expect(replica_set: Option<&str>) -> SetExpectation {
        SetExpectation {
            replica_set: replica_set.map(str::to_string),
            discover: true,
            max_connections: 16,
        }
    }

    /// Set-level findings for `members` (seeds marked), as `check_set` computes them.
    fn judge(members: &mut [MemberProbe], seeds: &[&str], want: Option<&str>) -> Vec<Finding> {
        let config: BTreeSet<String> = configured_names(members).iter().map(|n| key(n)).collect();
        for m in members.iter_mut() {
            m.seed = seeds.contains(&m.address.as_str());
        }
        let mut findings = Vec::new();
        analyse_set(members, &expect(want), &config, &mut findings);
        findings
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    const SET: [&str; 3] = ["a:1", "b:2", "c:3"];

    #[test]
    fn a_healthy_set_has_no_set_finding() {
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &SET),
            answering("b:2", Some("rs0"), false, &SET),
            answering("c:3", Some("rs0"), false, &SET),
        ];
        assert!(judge(&mut members, &["a:1"], Some("rs0")).is_empty());
    }

    #[test]
    fn the_wrong_replica_set_name_says_which_to_use() {
        let mut members = vec![answering("a:1", Some("mgset-1"), true, &["a:1"])];
        let f = judge(&mut members, &["a:1"], Some("mgset-2"));
        assert_eq!(codes(&f), ["rs.name_mismatch"]);
        assert!(f[0].message.contains("replicaSet=mgset-2") && f[0].message.contains("mgset-1"));
        assert!(
            f[0].hint.contains("use replicaSet=mgset-1"),
            "{}",
            f[0].hint
        );
    }

    #[test]
    fn members_of_two_sets_are_named() {
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &["a:1"]),
            answering("b:2", Some("rs1"), true, &["b:2"]),
        ];
        let f = judge(&mut members, &["a:1", "b:2"], None);
        assert_eq!(codes(&f), ["rs.name_mismatch"]);
        assert!(f[0].message.ends_with("rs0, rs1"), "{}", f[0].message);
    }

    #[test]
    fn no_primary_and_not_a_replica_set() {
        let mut members = vec![
            answering("a:1", Some("rs0"), false, &SET[..2]),
            answering("b:2", Some("rs0"), false, &SET[..2]),
        ];
        assert_eq!(
            codes(&judge(&mut members, &["a:1"], None)),
            ["rs.no_primary"]
        );
        let mut standalone = vec![answering("a:1", None, true, &[])];
        assert_eq!(
            codes(&judge(&mut standalone, &["a:1"], None)),
            ["rs.not_a_replica_set"]
        );
    }

    #[test]
    fn unreachable_configured_members_fail_and_stray_seeds_warn() {
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &SET),
            unreachable("c:3"),
            // A seed the configuration does not name (an IP address instead of the
            // configured name, say), unreachable: a warning about the seed, not a missing
            // member of the set.
            unreachable("10.0.0.9:3717"),
        ];
        let f = judge(&mut members, &["a:1", "10.0.0.9:3717"], Some("rs0"));
        assert_eq!(codes(&f), ["rs.member_unreachable", "rs.seed_not_member"]);
        assert!(f[0].message.contains("member c:3"), "{}", f[0].message);
        assert!(
            f[1].message.contains("10.0.0.9:3717") && f[1].message.contains("a:1, b:2, c:3"),
            "{}",
            f[1].message
        );
        assert_eq!(f[1].severity, Severity::Warn);
    }

    #[test]
    fn when_nothing_answered_every_unreachable_member_is_named() {
        let mut members = vec![unreachable("a:1"), unreachable("b:2")];
        let f = judge(&mut members, &["a:1", "b:2"], Some("rs0"));
        assert_eq!(
            codes(&f),
            ["rs.member_unreachable", "rs.member_unreachable"]
        );
    }

    /// One unreachable member is one failure (its own finding); the set-level finding says
    /// what it means for clients, as information, in the words that fit the case.
    #[test]
    fn an_unreachable_member_is_one_failure_and_the_set_finding_fits_the_case() {
        // Others answer: clients go on with them.
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &SET),
            answering("b:2", Some("rs0"), false, &SET),
            unreachable("c:3"),
        ];
        let f = judge(&mut members, &["a:1"], Some("rs0"));
        assert_eq!(codes(&f), ["rs.member_unreachable"]);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(
            f[0].hint.contains("can still use the other members"),
            "{}",
            f[0].hint
        );

        // The only member: nobody to fall back on.
        let mut members = vec![unreachable("a:1")];
        let f = judge(&mut members, &["a:1"], None);
        assert_eq!(codes(&f), ["rs.member_unreachable"]);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(!f[0].hint.contains("other members"), "{}", f[0].hint);
        assert!(f[0].hint.contains("cannot connect at all"), "{}", f[0].hint);
        assert!(f[0].hint.contains("whitelist"), "{}", f[0].hint);

        // Several members, none answering.
        let mut members = vec![unreachable("a:1"), silent("b:2")];
        let f = judge(&mut members, &["a:1", "b:2"], None);
        assert_eq!(
            codes(&f),
            ["rs.member_unreachable", "rs.member_unreachable"]
        );
        for finding in &f {
            assert!(!finding.hint.contains("other members"), "{}", finding.hint);
            assert!(
                finding.hint.contains("no member answered"),
                "{}",
                finding.hint
            );
        }
        let failures = f
            .iter()
            .chain(members.iter().flat_map(|m| &m.findings))
            .filter(|f| f.severity == Severity::Fail)
            .count();
        assert_eq!(
            failures, 2,
            "one failure per member, each for its own cause"
        );
    }

    /// A member that takes the connection and never answers is as unusable as one that
    /// refuses it, and the set says so.
    #[test]
    fn a_silent_member_is_unreachable_for_the_set() {
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &SET),
            answering("b:2", Some("rs0"), false, &SET),
            silent("c:3"),
        ];
        let f = judge(&mut members, &["a:1"], Some("rs0"));
        assert_eq!(codes(&f), ["rs.member_unreachable"]);
        assert!(f[0].message.contains("member c:3"), "{}", f[0].message);
        assert!(f[0].message.contains("never answered"), "{}", f[0].message);
        assert!(
            f[0].hint.contains("can still use the other members"),
            "{}",
            f[0].hint
        );
    }

    /// A member named in `rs.conf()` that is not even dialled fails on the set finding, having
    /// no finding of its own.
    #[test]
    fn an_unreachable_member_without_a_finding_of_its_own_fails_the_set() {
        let t = Target::from_member_name("c:3").unwrap();
        let mut bare = MemberProbe::empty(&t, t.host.clone());
        bare.tls_mode = TlsMode::Unreachable;
        let mut members = vec![answering("a:1", Some("rs0"), true, &SET), bare];
        let f = judge(&mut members, &["a:1"], Some("rs0"));
        assert_eq!(codes(&f), ["rs.member_unreachable"]);
        assert_eq!(f[0].severity, Severity::Fail);
    }

    /// A self-signed leaf named `cn`, expiring at `not_after`.
    fn leaf(cn: &str, not_after: OffsetDateTime) -> Cert {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(vec!["db.example".to_string()]).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, cn);
        params.not_before = not_after - time::Duration::days(365);
        params.not_after = not_after;
        let cert = params.self_signed(&key).unwrap();
        Cert::parse(cert.der().to_vec(), NOW).unwrap()
    }

    #[test]
    fn a_member_left_behind_at_a_renewal_is_named() {
        let renewed = datetime!(2027-06-01 00:00 UTC);
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &SET[..2]),
            answering("b:2", Some("rs0"), false, &SET[..2]),
        ];
        members[0].leaf = Some(leaf("Instance CA", renewed));
        members[1].leaf = Some(leaf("Old CA", renewed - time::Duration::days(300)));
        let f = judge(&mut members, &["a:1"], Some("rs0"));
        assert_eq!(
            codes(&f),
            [
                "rs.inconsistent_certificates",
                "rs.inconsistent_certificates"
            ]
        );
        assert!(
            f[0].message.contains("different issuers"),
            "{}",
            f[0].message
        );
        assert!(
            f[1].message.contains("up to 300 days apart")
                && f[1].message.contains("2027-06-01T00:00:00Z on a:1"),
            "{}",
            f[1].message
        );
    }

    #[test]
    fn members_in_different_tls_modes_are_grouped() {
        let mut members = vec![
            answering("a:1", Some("rs0"), true, &SET[..2]),
            answering("b:2", Some("rs0"), false, &SET[..2]),
        ];
        members[1].tls_mode = TlsMode::TlsAndPlain;
        let f = judge(&mut members, &["a:1"], Some("rs0"));
        assert_eq!(codes(&f), ["rs.mixed_tls_modes"]);
        assert!(
            f[0].message.contains("tls_and_plain on b:2")
                && f[0].message.contains("tls_only on a:1"),
            "{}",
            f[0].message
        );
    }
}
