//! JUnit XML for CI test reporters (GitLab, Jenkins, GitHub), written with `quick-junit`.
//!
//! One test suite per report (`mongotls check`, `mongotls ca`, `mongotls verify`), one test case
//! per thing judged: each member and the replica set for `check`, each certificate and the
//! bundle for `ca`, the chain for `verify`. A case fails when it carries a `fail` finding: the
//! failure's message is the first such finding (`code: message`), its type the code, its text
//! every finding of the case with its fix. Warnings and informational findings go to the case's
//! system-out and never fail it (`--strict` changes the exit code, not the XML). Nothing is
//! added beyond the report: no host name, no clock; `time` comes from the report's durations.

use crate::tr;
use std::io::{self, Write};
use std::time::Duration;

use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};

use super::{CaReport, CheckReport, MemberReport, Report, VerifyReport};
use crate::dates::rfc3339;
use crate::findings::{Finding, Severity};

/// Class names of the test cases, one per kind of thing judged.
pub mod classname {
    /// A `check` member.
    pub const CHECK_MEMBER: &str = "mongotls.check.member";
    /// The `check` set-level case (the set, the connection string, the CA file, the options).
    pub const CHECK_SET: &str = "mongotls.check.set";
    /// The `check` driver stage (the official driver's server selection, ping, auth).
    pub const CHECK_DRIVER: &str = "mongotls.check.driver";
    /// A certificate of the `ca` bundle.
    pub const CA_CERTIFICATE: &str = "mongotls.ca.certificate";
    /// The `ca` bundle as a whole.
    pub const CA_BUNDLE: &str = "mongotls.ca.bundle";
    /// The `verify` chain.
    pub const VERIFY_CHAIN: &str = "mongotls.verify.chain";
    /// A `wait` member.
    pub const WAIT_MEMBER: &str = "mongotls.wait.member";
    /// What `wait` found about no one member (nothing answered at all, interrupted).
    pub const WAIT_SET: &str = "mongotls.wait.set";
    /// A target of `check --targets` that could not be checked: its entry in the file.
    pub const FLEET_TARGET: &str = "mongotls.fleet.target";
}

/// Name of the `check` set-level test case.
pub const SET_CASE: &str = "replica set";

/// The name of `check`'s driver-stage test case.
pub const DRIVER_CASE: &str = "driver";
/// Name of the test case of a fleet target that could not be checked.
pub const TARGET_ENTRY_CASE: &str = "targets file entry";
/// Name of the `ca` bundle-level test case.
pub const BUNDLE_CASE: &str = "bundle";

/// Writes the report as a JUnit XML document (`<testsuites>` with one `<testsuite>`).
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let suites = match report {
        Report::Ca(r) => vec![ca_suite(r)],
        Report::Verify(r) => vec![verify_suite(r)],
        Report::Check(r) => vec![check_suite(r)],
        Report::Fleet(r) => fleet_suites(r),
        Report::Wait(r) => vec![wait_suite(r)],
        Report::Bench(_) => {
            return Err(io::Error::other(
                "JUnit is a format of `ca`, `verify`, `check` and `demo`, not `bench`",
            ))
        }
    };
    let mut junit = quick_junit::Report::new("mongotls");
    let time = match report {
        Report::Fleet(r) => Some(r.duration),
        _ => suites.first().and_then(|s| s.time),
    };
    if let Some(time) = time {
        junit.set_time(time);
    }
    junit.add_test_suites(suites);
    // Serialised in memory first, so that a write error keeps its kind (a closed pipe).
    let mut xml = Vec::new();
    junit.serialize(&mut xml).map_err(io::Error::other)?;
    out.write_all(&xml)
}

/// `check --targets`: one suite per target, named after it, in the file's order; a target
/// that could not be checked is a suite with one failed case, its entry.
fn fleet_suites(r: &super::fleet::FleetReport) -> Vec<TestSuite> {
    r.targets
        .iter()
        .map(|t| {
            let mut suite = match (&t.report, &t.error) {
                (Some(report), _) => check_suite_named(report, t.name.clone()),
                (None, error) => {
                    let mut suite = TestSuite::new(t.name.clone());
                    suite.add_property(Property::new("verdict", t.verdict.as_str()));
                    if let Some(e) = error {
                        let finding =
                            Finding::new(e.code, Severity::Fail, e.message.clone(), e.hint.clone());
                        suite.add_test_case(case(
                            TARGET_ENTRY_CASE,
                            classname::FLEET_TARGET,
                            &[&finding],
                            &[],
                            None,
                        ));
                    }
                    suite
                }
            };
            suite.add_property(Property::new("target", t.name.as_str()));
            suite
        })
        .collect()
}

fn check_suite(r: &CheckReport) -> TestSuite {
    check_suite_named(r, format!("mongotls {}", r.command))
}

fn check_suite_named(r: &CheckReport, name: String) -> TestSuite {
    let mut suite = TestSuite::new(name);
    suite.add_properties(properties(&[
        ("verdict", Some(r.verdict.as_str().to_string())),
        ("evaluated_at", Some(rfc3339(r.evaluated_at))),
        ("seeds", Some(r.target.seeds.join(","))),
        ("replica_set", r.target.replica_set.clone()),
        ("set_name", r.target.set_name.clone()),
        ("ca_files", Some(r.ca.files.join(","))),
    ]));
    suite.set_time(r.duration);
    for m in &r.members {
        let findings: Vec<&Finding> = m.findings.iter().collect();
        suite.add_test_case(case(
            &m.address,
            classname::CHECK_MEMBER,
            &findings,
            &member_facts(m),
            member_time(m),
        ));
    }
    let mut facts = Vec::new();
    if let Some(name) = &r.target.set_name {
        facts.push(tr!("report-junit-set-name", name = name.as_str()));
    }
    if !r.options.insecure.is_empty() {
        facts.push(tr!(
            "report-junit-insecure",
            options = r.options.insecure.join(", ")
        ));
    }
    let findings: Vec<&Finding> = r.findings.iter().collect();
    suite.add_test_case(case(
        SET_CASE,
        classname::CHECK_SET,
        &findings,
        &facts,
        None,
    ));
    suite.add_test_case(driver_case(&r.driver));
    suite
}

/// `wait`: one test case per member, failed by the `fail` findings about it (`source`: the
/// member), with its events and downtime as its output.
fn wait_suite(r: &super::WaitReport) -> TestSuite {
    let mut suite = TestSuite::new("mongotls wait");
    suite.add_properties(properties(&[
        ("verdict", Some(r.verdict.as_str().to_string())),
        ("evaluated_at", Some(rfc3339(r.evaluated_at))),
        ("rounds", Some(r.rounds.to_string())),
    ]));
    suite.set_time(r.duration);
    for m in &r.members {
        let findings: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.source.as_deref() == Some(m.address.as_str()))
            .collect();
        let mut facts = vec![tr!(
            "wait-junit-downtime",
            downtime = crate::wait::timeline::shown(m.downtime)
        )];
        for e in &m.events {
            let mut line = format!("{} {} {}", rfc3339(e.at), e.event, e.state);
            if let Some(fp) = &e.sha256_fingerprint {
                line.push_str(&format!(" {fp}"));
            }
            facts.push(line);
        }
        suite.add_test_case(case(
            &m.address,
            classname::WAIT_MEMBER,
            &findings,
            &facts,
            None,
        ));
    }
    let others: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| {
            !r.members
                .iter()
                .any(|m| f.source.as_deref() == Some(m.address.as_str()))
        })
        .collect();
    if !others.is_empty() || r.members.is_empty() {
        suite.add_test_case(case(SET_CASE, classname::WAIT_SET, &others, &[], None));
    }
    suite
}

/// The driver stage as a test case: skipped (with the reason) when it did not run.
fn driver_case(d: &super::driver::DriverReport) -> TestCase {
    let mut facts = vec![format!("{} {}", d.name, d.version)];
    if let Some(trust) = &d.trust {
        facts.push(tr!("report-junit-trusts", trust = trust.as_str()));
    }
    if let Some(a) = &d.authenticated {
        facts.push(tr!(
            "report-junit-authenticated",
            user = a.user.as_str(),
            db = a.db.as_str(),
            mechanism = a.mechanism.as_str(),
            roles = a.roles.join(", ")
        ));
    }
    if let Some(e) = &d.error {
        facts.push(tr!("report-junit-driver-error", error = e.as_str()));
    }
    let findings: Vec<&Finding> = d.findings.iter().collect();
    // Skipped by choice; a stage the deadline cut short carries its failure instead.
    if d.verdict == crate::driver::DriverVerdict::Skipped && d.findings.is_empty() {
        let mut status = TestCaseStatus::skipped();
        if let Some(reason) = &d.reason {
            status.set_message(reason.clone());
        }
        let mut case = TestCase::new(DRIVER_CASE, status);
        case.set_classname(classname::CHECK_DRIVER);
        return case;
    }
    case(
        DRIVER_CASE,
        classname::CHECK_DRIVER,
        &findings,
        &facts,
        Some(d.duration),
    )
}

fn member_facts(m: &MemberReport) -> Vec<String> {
    let mut facts = vec![tr!("report-junit-tls-mode", mode = m.tls_mode.as_str())];
    if let Some(t) = &m.tls {
        facts.push(tr!(
            "report-junit-tls",
            version = t.version.as_str(),
            cipher = t.cipher_suite.as_str(),
            group = t
                .key_exchange_group
                .as_deref()
                .map(|g| format!(" ({g})"))
                .unwrap_or_default()
        ));
    }
    if let Some(c) = &m.chain {
        if let Some(leaf) = c.path.first() {
            let (subject, not_after, days) = (
                leaf.subject.as_str(),
                rfc3339(leaf.not_after),
                super::days_left(leaf.days_remaining),
            );
            facts.push(if c.trusted {
                tr!(
                    "report-junit-certificate-trusted",
                    subject = subject,
                    not_after = not_after,
                    left = days
                )
            } else {
                tr!(
                    "report-junit-certificate-untrusted",
                    subject = subject,
                    not_after = not_after,
                    left = days
                )
            });
        }
    }
    if let Some(v) = &m.server_version {
        facts.push(tr!("report-junit-server", version = v.as_str()));
    }
    if let Some(p) = &m.plaintext {
        facts.push(tr!("report-junit-plaintext", detail = p.detail.as_str()));
    }
    facts
}

/// The sum of the member's phase durations.
fn member_time(m: &MemberReport) -> Option<Duration> {
    let phases: Vec<Duration> = m.timings.ran().map(|(_, d)| d).collect();
    if phases.is_empty() {
        return None;
    }
    Some(phases.iter().sum())
}

fn ca_suite(r: &CaReport) -> TestSuite {
    let mut suite = TestSuite::new(format!("mongotls {}", r.command));
    suite.add_properties(properties(&[
        ("verdict", Some(r.verdict.as_str().to_string())),
        ("evaluated_at", Some(rfc3339(r.evaluated_at))),
        ("warn_days", Some(r.warn_days.to_string())),
        ("files", Some(r.files.join(","))),
    ]));
    for c in &r.certificates {
        let findings: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.certificate == Some(c.index))
            .collect();
        let i = &c.info;
        let facts = vec![
            tr!("report-junit-subject", subject = i.subject.as_str()),
            tr!("report-junit-issuer", issuer = i.issuer.as_str()),
            tr!(
                "report-junit-sha256",
                sha256 = i.sha256_fingerprint.as_str()
            ),
            tr!(
                "report-junit-valid",
                not_before = rfc3339(i.not_before),
                not_after = rfc3339(i.not_after),
                left = super::days_left(i.days_remaining)
            ),
            tr!("report-junit-chain", chain = c.chain.as_str()),
            tr!("report-junit-source", source = c.source.to_string()),
        ];
        suite.add_test_case(case(
            &format!("#{} {}", c.index, i.subject),
            classname::CA_CERTIFICATE,
            &findings,
            &facts,
            None,
        ));
    }
    // Findings about no certificate (or one the report does not list) belong to the bundle.
    let listed = |i: usize| r.certificates.iter().any(|c| c.index == i);
    let findings: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| !f.certificate.is_some_and(listed))
        .collect();
    let mut facts = vec![tr!(
        "report-junit-certificates-in",
        count = r.certificates.len(),
        files = r.files.join(", ")
    )];
    facts.extend(r.notes.iter().map(|n| {
        tr!(
            "report-junit-note",
            source = n.source.as_str(),
            message = n.message.as_str()
        )
    }));
    suite.add_test_case(case(
        BUNDLE_CASE,
        classname::CA_BUNDLE,
        &findings,
        &facts,
        None,
    ));
    suite
}

fn verify_suite(r: &VerifyReport) -> TestSuite {
    let mut suite = TestSuite::new(format!("mongotls {}", r.command));
    suite.add_properties(properties(&[
        ("verdict", Some(r.verdict.as_str().to_string())),
        ("evaluated_at", Some(rfc3339(r.evaluated_at))),
        ("warn_days", Some(r.warn_days.to_string())),
        ("host", r.host.clone()),
        ("chain_file", Some(r.chain_file.clone())),
        ("ca_files", Some(r.ca_files.join(","))),
    ]));
    let mut facts = vec![
        match r.host.as_deref() {
            Some(host) => tr!("report-junit-host", host = host),
            None => tr!("report-junit-host-not-checked"),
        },
        if r.trusted {
            tr!("report-junit-path-trusted")
        } else {
            tr!("report-junit-path-untrusted")
        },
    ];
    facts.extend(r.path.iter().enumerate().map(|(pos, p)| {
        tr!(
            "report-junit-path-entry",
            pos = pos.to_string(),
            role = p.role.as_str(),
            subject = p.subject.as_str(),
            not_after = rfc3339(p.not_after),
            left = super::days_left(p.days_remaining)
        )
    }));
    facts.extend(r.notes.iter().map(|n| {
        tr!(
            "report-junit-note",
            source = n.source.as_str(),
            message = n.message.as_str()
        )
    }));
    let findings: Vec<&Finding> = r.findings.iter().collect();
    suite.add_test_case(case(
        &r.chain_file,
        classname::VERIFY_CHAIN,
        &findings,
        &facts,
        None,
    ));
    suite
}

/// One test case: failed when a finding is `fail`; facts, warnings and informational findings
/// in system-out.
fn case(
    name: &str,
    classname: &str,
    findings: &[&Finding],
    facts: &[String],
    time: Option<Duration>,
) -> TestCase {
    let status = match findings.iter().find(|f| f.severity == Severity::Fail) {
        Some(first) => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status
                .set_message(format!("{}: {}", first.code, first.message))
                .set_type(first.code.as_str())
                .set_description(listing(findings.iter().copied()));
            status
        }
        None => TestCaseStatus::success(),
    };
    let mut case = TestCase::new(name, status);
    case.set_classname(classname);
    if let Some(time) = time {
        case.set_time(time);
    }
    let mut system_out = String::new();
    for fact in facts {
        system_out.push_str(fact);
        system_out.push('\n');
    }
    let others = listing(
        findings
            .iter()
            .copied()
            .filter(|f| f.severity != Severity::Fail),
    );
    if !others.is_empty() {
        if !system_out.is_empty() {
            system_out.push('\n');
        }
        system_out.push_str(&others);
    }
    if !system_out.is_empty() {
        case.set_system_out(system_out);
    }
    case
}

/// Findings, worst first (report order within a severity): severity, code, message, fix.
fn listing<'a>(findings: impl Iterator<Item = &'a Finding>) -> String {
    let mut sorted: Vec<&Finding> = findings.collect();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let mut text = String::new();
    for f in sorted {
        let cert = f
            .certificate
            .map(|c| format!(" [#{c}]"))
            .unwrap_or_default();
        text.push_str(&format!(
            "{} {}{cert}: {}\n    {}\n",
            f.severity.as_str().to_uppercase(),
            f.code,
            f.message,
            tr!("report-junit-fix", hint = f.hint.as_str())
        ));
        if let Some(source) = &f.source {
            text.push_str(&format!(
                "    {}\n",
                tr!("report-junit-source", source = source.as_str())
            ));
        }
        if let Some(rejected) = f.rejected_by.as_deref().filter(|r| !r.is_empty()) {
            text.push_str(&format!(
                "    {}\n",
                tr!("report-junit-refused-by", clients = rejected.join(", "))
            ));
        }
    }
    text
}

fn properties(pairs: &[(&str, Option<String>)]) -> Vec<Property> {
    pairs
        .iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| Property::new(*name, v.as_str())))
        .collect()
}

/// JUnit XML (`--format junit`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Junit;

impl super::Renderer for Junit {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        render(report, out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::findings::Code;
    use crate::report::fixtures;

    fn finding(code: Code, severity: Severity, message: &str) -> Finding {
        Finding::new(code, severity, message, format!("fix for {message}"))
    }

    fn member(address: &str, findings: Vec<Finding>) -> MemberReport {
        let mut m = fixtures::member(address, findings);
        m.timings.dns = Some(Duration::from_micros(1500));
        m.timings.tls_handshake = Some(Duration::from_micros(2500));
        m
    }

    fn check_report() -> Report {
        let members = vec![
            member("a:1", vec![]),
            member(
                "b:2",
                vec![
                    finding(
                        Code::TlsPlaintextAccepted,
                        Severity::Warn,
                        "plain <ok> & \"so\"",
                    ),
                    finding(Code::CertExpired, Severity::Fail, "leaf expired"),
                    finding(Code::CertHostnameMismatch, Severity::Fail, "wrong name"),
                ],
            ),
        ];
        let findings = vec![finding(Code::RsNoPrimary, Severity::Warn, "no primary")];
        let mut report = fixtures::check_report(
            &["a:1", "b:2"],
            members,
            findings,
            Duration::from_millis(1234),
        );
        if let Report::Check(r) = &mut report {
            r.target.replica_set = Some("rs0".into());
            r.target.set_name = Some("rs0".into());
        }
        report
    }

    fn render_string(r: &Report) -> String {
        let mut out = Vec::new();
        render(r, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn check_cases_fail_on_fail_findings_only() {
        let xml = render_string(&check_report());
        let parsed = quick_junit::Report::deserialize_from_str(&xml).unwrap();
        assert_eq!(parsed.tests, 4);
        assert_eq!(parsed.failures, 1);
        let suite = &parsed.test_suites[0];
        assert_eq!(suite.name.as_str(), "mongotls check");
        let names: Vec<&str> = suite.test_cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a:1", "b:2", SET_CASE, DRIVER_CASE]);
        // The driver stage did not run (--no-driver): skipped, with the reason.
        assert!(
            matches!(&suite.test_cases[3].status, TestCaseStatus::Skipped { message, .. }
                if message.as_ref().is_some_and(|m| m.as_str() == "--no-driver")),
            "{:?}",
            suite.test_cases[3].status
        );
        match &suite.test_cases[1].status {
            TestCaseStatus::NonSuccess {
                kind,
                message,
                ty,
                description,
                ..
            } => {
                assert_eq!(*kind, NonSuccessKind::Failure);
                assert_eq!(
                    message.as_ref().unwrap().as_str(),
                    "cert.expired: leaf expired"
                );
                assert_eq!(ty.as_ref().unwrap().as_str(), "cert.expired");
                let text = description.as_ref().unwrap().as_str();
                for want in [
                    "FAIL cert.expired: leaf expired",
                    "fix: fix for leaf expired",
                    "FAIL cert.hostname_mismatch: wrong name",
                    "WARN tls.plaintext_accepted",
                ] {
                    assert!(text.contains(want), "{want} not in {text}");
                }
            }
            other => panic!("b:2 should fail: {other:?}"),
        }
        // Warnings alone do not fail a case: they are in system-out.
        let set = &suite.test_cases[2];
        assert!(matches!(set.status, TestCaseStatus::Success { .. }));
        assert!(set
            .system_out
            .as_ref()
            .unwrap()
            .as_str()
            .contains("WARN rs.no_primary: no primary"));
        assert_eq!(
            suite.test_cases[0].classname.as_ref().unwrap().as_str(),
            classname::CHECK_MEMBER
        );
        // Member time is the sum of its phases; the suite's the run's.
        assert_eq!(suite.test_cases[0].time, Some(Duration::from_millis(4)));
        assert_eq!(suite.time, Some(Duration::from_millis(1_234)));
    }

    #[test]
    fn escapes_and_never_renders_the_uri() {
        let xml = render_string(&check_report());
        assert!(!xml.contains("root:"), "{xml}");
        assert!(xml.contains("&lt;ok&gt; &amp;"), "{xml}");
        assert!(roxmltree::Document::parse(&xml).is_ok());
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(
            render_string(&check_report()),
            render_string(&check_report())
        );
    }

    #[test]
    fn bench_is_refused() {
        let err = render(
            &Report::Bench(fixtures::bench_report(Vec::new())),
            &mut Vec::new(),
        );
        assert!(err.is_err());
    }
}
