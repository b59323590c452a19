//! Prometheus text exposition format (0.0.4) for node_exporter's textfile collector, written
//! with the official `prometheus-client` crate (`encoding::prometheus_text`).
//!
//! Every metric is a gauge named `mongotls_…` in base units (seconds, Unix time), with HELP and
//! TYPE lines; label values are escaped by the encoder. Families and series come out in a fixed
//! order (the report's), so the same report always gives the same bytes. Report-level series
//! carry `command` and `target` (the seeds for `check`, the files for `ca`, the chain file for
//! `verify`; never the connection string), so that several runs' files can sit side by side in
//! the textfile directory without colliding; per-member series carry `member`.
//!
//! `check --targets` adds a `target_name` label (the name in the targets file) in front of every
//! series of every target; `serve`'s `/probe` ([`render_probe`]) writes blackbox_exporter's
//! `probe_success` and `probe_duration_seconds` before the check's families.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::time::Duration;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeMetric};
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::MetricType;
use prometheus_client::registry::{Registry, Unit};
use time::OffsetDateTime;

use super::fleet::FleetReport;
use super::{CaReport, CheckReport, Report, VerifyReport};
use crate::findings::{Finding, Severity, Verdict};

/// The prefix of every metric name.
pub const PREFIX: &str = "mongotls";

/// Writes the report's metrics in the Prometheus text exposition format.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let families = match report {
        Report::Ca(r) => ca(r),
        Report::Verify(r) => verify(r),
        Report::Check(r) => check(r),
        Report::Bench(_) => {
            return Err(io::Error::other(
                "Prometheus is a format of `ca`, `verify`, `check` and `demo`, not `bench`",
            ))
        }
        Report::Wait(_) => {
            return Err(io::Error::other(
                "Prometheus is a format of `ca`, `verify`, `check` and `demo`, not `wait`",
            ))
        }
        Report::Fleet(r) => fleet(r),
    };
    let mut registry = Registry::with_prefix(PREFIX);
    registry.register_collector(Box::new(families));
    let mut text = String::new();
    prometheus_client::encoding::prometheus_text::encode(&mut text, &registry)
        .map_err(|_| io::Error::other("cannot encode the Prometheus metrics"))?;
    out.write_all(text.as_bytes())
}

/// A label set: names are fixed, values come from the report.
type Labels = Vec<(&'static str, String)>;

/// A sample value: counts and flags are written as integers, durations as decimals.
#[derive(Clone, Copy, Debug)]
enum Value {
    Int(i64),
    Float(f64),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Float(v)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Int(i64::from(b))
    }
}

/// One metric family: name (without the prefix and unit), help, and its series in order.
#[derive(Debug)]
struct Family {
    name: &'static str,
    help: &'static str,
    unit: Option<Unit>,
    /// `Info` families are gauges of value 1 whose name ends in `_info`.
    info: bool,
    series: Vec<(Labels, Value)>,
}

impl Family {
    fn gauge(name: &'static str, help: &'static str) -> Self {
        Family {
            name,
            help,
            unit: None,
            info: false,
            series: Vec::new(),
        }
    }

    fn seconds(name: &'static str, help: &'static str) -> Self {
        Family {
            unit: Some(Unit::Seconds),
            ..Family::gauge(name, help)
        }
    }

    fn info(name: &'static str, help: &'static str) -> Self {
        Family {
            info: true,
            ..Family::gauge(name, help)
        }
    }

    fn push(&mut self, labels: Labels, value: impl Into<Value>) {
        self.series.push((labels, value.into()));
    }
}

/// The metrics of one report, as a `Collector` of constant gauges: a `Family` of the crate
/// keeps its series in a hash map, whose order would change from run to run; this keeps the
/// report's order, so that the same report always gives the same bytes.
#[derive(Debug, Default)]
struct Families(Vec<Family>);

impl Families {
    fn add(&mut self, family: Family) {
        self.0.push(family);
    }
}

impl Collector for Families {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        for f in self.0.iter().filter(|f| !f.series.is_empty()) {
            let kind = if f.info {
                MetricType::Info
            } else {
                MetricType::Gauge
            };
            let mut metric = encoder.encode_descriptor(f.name, f.help, f.unit.as_ref(), kind)?;
            for (labels, value) in &f.series {
                if f.info {
                    metric.encode_info(labels)?;
                    continue;
                }
                let series = metric.encode_family(labels)?;
                match *value {
                    Value::Int(v) => ConstGauge::new(v).encode(series)?,
                    Value::Float(v) => ConstGauge::new(v).encode(series)?,
                }
            }
        }
        Ok(())
    }
}

/// Metrics every command reports: success, findings by severity and by code, evaluation time.
fn common(
    command: &str,
    target: &str,
    verdict: Verdict,
    evaluated_at: OffsetDateTime,
    findings: &[&Finding],
    families: &mut Families,
) {
    let labels = || -> Labels { vec![("command", command.into()), ("target", target.into())] };
    let mut success = Family::gauge(
        "check_success",
        "1 when the mongotls check passed (verdict pass or warn), 0 when it failed.",
    );
    success.push(labels(), verdict != Verdict::Fail);
    families.add(success);

    let mut by_severity = Family::gauge(
        "findings",
        "Number of findings of the run, by severity (info, warn, fail).",
    );
    for severity in [Severity::Info, Severity::Warn, Severity::Fail] {
        let mut l = labels();
        l.push(("severity", severity.as_str().into()));
        by_severity.push(l, count(findings, severity));
    }
    families.add(by_severity);

    let mut codes: BTreeMap<(&str, Severity), i64> = BTreeMap::new();
    for f in findings {
        *codes.entry((f.code.as_str(), f.severity)).or_default() += 1;
    }
    let mut by_code = Family::gauge(
        "findings_by_code",
        "Number of findings of the run, by finding code and severity (codes found only).",
    );
    for ((code, severity), n) in codes {
        let mut l = labels();
        l.push(("code", code.into()));
        l.push(("severity", severity.as_str().into()));
        by_code.push(l, n);
    }
    families.add(by_code);

    let mut evaluated = Family::seconds(
        "evaluation_timestamp",
        "The time certificates were judged at (now, or --at), as Unix time.",
    );
    evaluated.push(labels(), evaluated_at.unix_timestamp());
    families.add(evaluated);
}

fn check(r: &CheckReport) -> Families {
    let mut families = Families::default();
    let target = r.target.seeds.join(",");
    let findings: Vec<&Finding> = r.all_findings().collect();
    common(
        r.command,
        &target,
        r.verdict,
        r.evaluated_at,
        &findings,
        &mut families,
    );

    let mut duration = Family::seconds("run_duration", "Wall time of the run, in seconds.");
    duration.push(
        vec![("command", r.command.into()), ("target", target.clone())],
        seconds(r.duration),
    );
    families.add(duration);

    for family in member_families(r) {
        families.add(family);
    }
    for family in chain_families(r) {
        families.add(family);
    }
    // The driver stage, when it ran: did an application's driver connect (and authenticate)?
    if r.driver.verdict != crate::driver::DriverVerdict::Skipped {
        let mut driver = Family::gauge(
            "driver_connected",
            "1 when the official driver selected a server and ran ping (and authenticated, with credentials), else 0.",
        );
        driver.push(
            vec![("target", target.clone())],
            i64::from(r.driver.verdict == crate::driver::DriverVerdict::Pass),
        );
        families.add(driver);
    }
    families
}

/// The per-member families, each with one series per member (the first of a name listed
/// twice: duplicate series would make the file unreadable).
fn member_families(r: &CheckReport) -> [Family; 8] {
    let mut up = Family::gauge(
        "member_up",
        "1 when the member completed a TLS handshake and answered hello over TLS (whatever its certificate), else 0.",
    );
    let mut handshake = Family::seconds(
        "member_tls_handshake",
        "Duration of the member's TLS handshake, in seconds (also when it failed).",
    );
    let mut phases = Family::seconds(
        "member_phase",
        "Duration of each phase of the member's probe that ran, in seconds.",
    );
    let mut version = Family::info(
        "member_tls_version",
        "The TLS protocol version and cipher suite the member negotiated; always 1.",
    );
    let mut plaintext = Family::gauge(
        "member_plaintext_accepted",
        "1 when the member also answered a plaintext hello on its TLS port, 0 when it refused (only when plaintext was probed).",
    );
    let mut not_after = Family::seconds(
        "member_cert_not_after_timestamp",
        "notAfter of the certificate the member presented (the leaf), as Unix time.",
    );
    let mut trusted = Family::gauge(
        "member_chain_trusted",
        "1 when the member's presented chain leads to a certificate of the CA file, else 0 (only when a chain was presented).",
    );
    let mut member_findings = Family::gauge(
        "member_findings",
        "Number of findings of the member, by severity (info, warn, fail).",
    );

    let mut seen = BTreeSet::new();
    // A member listed twice would give duplicate series: the first one is reported.
    for m in r.members.iter().filter(|m| seen.insert(m.address.as_str())) {
        let member = || -> Labels { vec![("member", m.address.clone())] };
        up.push(member(), m.tls.is_some() && m.hello.is_some());
        if let Some(d) = m.timings.tls_handshake {
            handshake.push(member(), seconds(d));
        }
        for (phase, d) in m.timings.ran() {
            let mut l = member();
            l.push(("phase", phase.into()));
            phases.push(l, seconds(d));
        }
        if let Some(t) = &m.tls {
            let mut l = member();
            l.push(("version", t.version.clone()));
            l.push(("cipher", t.cipher_suite.clone()));
            version.push(l, 1);
        }
        if let Some(p) = &m.plaintext {
            plaintext.push(member(), p.accepted);
        }
        if let Some(c) = &m.chain {
            if let Some(leaf) = c.path.first() {
                not_after.push(member(), leaf.not_after.unix_timestamp());
            }
            trusted.push(member(), c.trusted);
        }
        let own: Vec<&Finding> = m.findings.iter().collect();
        for severity in [Severity::Info, Severity::Warn, Severity::Fail] {
            let mut l = member();
            l.push(("severity", severity.as_str().into()));
            member_findings.push(l, count(&own, severity));
        }
    }
    [
        up,
        handshake,
        phases,
        version,
        plaintext,
        not_after,
        trusted,
        member_findings,
    ]
}

/// The families `serve` added (issue 13): each certificate of each member's path by position
/// (leaf, intermediate, anchor, untrusted) with its notAfter and the seconds left to it, and
/// the member's TLS mode as an info series.
fn chain_families(r: &CheckReport) -> [Family; 3] {
    let mut not_after = Family::seconds(
        "member_chain_cert_not_after_timestamp",
        "notAfter of each certificate on the member's path (leaf first; position leaf, intermediate, anchor or untrusted; index 0 is the leaf), as Unix time.",
    );
    // Days remaining in the base unit (promtool's lint rejects `days` in a name): divide by
    // 86400 for days.
    let mut left = Family::seconds(
        "member_chain_cert_expires_in",
        "Time from the evaluation to the notAfter of each certificate on the member's path, in seconds (negative once expired; / 86400 for days remaining).",
    );
    let mut mode = Family::info(
        "member_tls_mode",
        "How the member answers on its port (tls_only, tls_and_plain, plain_only, tls_plain_not_probed, unknown, unreachable); always 1.",
    );
    let mut seen = BTreeSet::new();
    for m in r.members.iter().filter(|m| seen.insert(m.address.as_str())) {
        if let Some(c) = &m.chain {
            // `index` makes each series unique, whatever the chain repeats.
            for (i, step) in c.path.iter().enumerate() {
                let labels = vec![
                    ("member", m.address.clone()),
                    ("position", step.role.as_str().to_string()),
                    ("index", i.to_string()),
                ];
                not_after.push(labels.clone(), step.not_after.unix_timestamp());
                left.push(labels, (step.not_after - r.evaluated_at).whole_seconds());
            }
        }
        mode.push(
            vec![
                ("member", m.address.clone()),
                ("mode", m.tls_mode.as_str().to_string()),
            ],
            1,
        );
    }
    [not_after, left, mode]
}

/// `check --targets FILE --format prometheus`: per target, `fleet_target_success` and (for an
/// entry that cannot be checked) `fleet_target_invalid`, then every check family of every
/// target's report, each series with a `target_name` label first (the name in the targets
/// file), so that one file holds the whole fleet without colliding series.
fn fleet(r: &FleetReport) -> Families {
    let mut success = Family::gauge(
        "fleet_target_success",
        "1 when the target's check ran and passed (verdict pass or warn), else 0 (also for an entry that cannot be checked).",
    );
    let mut invalid = Family::gauge(
        "fleet_target_invalid",
        "1 when the target's entry in the targets file cannot be checked (fleet.target_invalid).",
    );
    let mut merged: Vec<Family> = Vec::new();
    let mut seen = BTreeSet::new();
    for t in r.targets.iter().filter(|t| seen.insert(t.name.as_str())) {
        let name = || -> Labels { vec![("target_name", t.name.clone())] };
        success.push(name(), t.verdict != Verdict::Fail);
        if t.error.is_some() {
            invalid.push(name(), 1);
        }
        let Some(report) = &t.report else { continue };
        for family in check(report).0 {
            let series = family.series.into_iter().map(|(labels, value)| {
                let mut l = name();
                l.extend(labels);
                (l, value)
            });
            match merged.iter_mut().find(|f| f.name == family.name) {
                Some(existing) => existing.series.extend(series),
                None => merged.push(Family {
                    series: series.collect(),
                    ..family
                }),
            }
        }
    }
    let mut families = Families::default();
    families.add(success);
    families.add(invalid);
    for family in merged {
        families.add(family);
    }
    families
}

/// What `serve` knows of one `/probe` besides the check report: blackbox_exporter's
/// `probe_success` and `probe_duration_seconds`, and why no report could be made.
#[derive(Debug, Clone)]
pub struct ProbeOutcome<'a> {
    /// The target's name in the targets file.
    pub target: &'a str,
    /// The check's report, when the check ran (whatever its verdict).
    pub report: Option<&'a Report>,
    /// Why there is no report (`target_invalid`, `input`, `timeout`, `internal`), when there is none.
    pub error: Option<&'a str>,
    /// Wall time of the probe that made this result.
    pub duration: Duration,
    /// How old the result is (0 for a fresh probe, more when it came from the cache).
    pub age: Duration,
}

/// The exposition of one `/probe`: `probe_success` (1 when the check ran and passed or
/// warned), `probe_duration_seconds`, `mongotls_probe_error{reason}` when the check could not
/// run, `mongotls_probe_cache_age_seconds`, then the check report's own families.
pub fn render_probe(outcome: &ProbeOutcome<'_>) -> io::Result<String> {
    let mut families = Families::default();
    let success = match outcome.report {
        Some(r) => r.verdict() != Verdict::Fail,
        None => false,
    };
    let mut probe = Probe::default();
    let mut s = Family::gauge(
        "success",
        "1 when the target's check ran and passed (verdict pass or warn), else 0.",
    );
    s.push(vec![], success);
    probe.0.add(s);
    let mut d = Family::seconds(
        "duration",
        "Wall time of the probe that made this result, in seconds.",
    );
    d.push(vec![], seconds(outcome.duration));
    probe.0.add(d);

    let mut error = Family::gauge(
        "probe_error",
        "1 with the reason the target's check could not run (target_invalid, input, timeout, internal); absent when it ran.",
    );
    if let Some(reason) = outcome.error {
        error.push(
            vec![
                ("target_name", outcome.target.to_string()),
                ("reason", reason.to_string()),
            ],
            1,
        );
    }
    families.add(error);
    let mut age = Family::seconds(
        "probe_cache_age",
        "Age of this result: 0 when probed for this scrape, more when served from the cache (--cache-ttl).",
    );
    age.push(
        vec![("target_name", outcome.target.to_string())],
        seconds(outcome.age),
    );
    families.add(age);
    if let Some(Report::Check(r)) = outcome.report {
        let report = check(r);
        families.0.extend(report.0);
    }

    let mut registry = Registry::with_prefix("probe");
    registry.register_collector(Box::new(probe));
    let mut own = Registry::with_prefix(PREFIX);
    own.register_collector(Box::new(families));
    let mut text = String::new();
    let encode = prometheus_client::encoding::prometheus_text::encode::<String>;
    encode(&mut text, &registry)
        .and_then(|()| encode(&mut text, &own))
        .map_err(|_| io::Error::other("cannot encode the Prometheus metrics"))?;
    Ok(text)
}

/// The `probe_` families, under blackbox_exporter's names (a registry of their own: they
/// carry no `mongotls_` prefix, so that dashboards and alerts written for it work).
#[derive(Debug, Default)]
struct Probe(Families);

impl Collector for Probe {
    fn encode(&self, encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        self.0.encode(encoder)
    }
}

fn ca(r: &CaReport) -> Families {
    let mut families = Families::default();
    let target = r.files.join(",");
    let findings: Vec<&Finding> = r.findings.iter().collect();
    common(
        r.command,
        &target,
        r.verdict,
        r.evaluated_at,
        &findings,
        &mut families,
    );

    let mut certificates = Family::gauge(
        "ca_certificates",
        "Number of certificates found in the CA file(s).",
    );
    certificates.push(
        vec![("target", target.clone())],
        i64::try_from(r.certificates.len()).unwrap_or(i64::MAX),
    );
    families.add(certificates);

    let mut not_after = Family::seconds(
        "ca_cert_not_after_timestamp",
        "notAfter of each distinct certificate of the CA file(s), as Unix time.",
    );
    let mut seen = BTreeSet::new();
    // A duplicated certificate (ca.duplicate) is one series.
    for c in &r.certificates {
        let i = &c.info;
        if !seen.insert(i.sha256_fingerprint.as_str()) {
            continue;
        }
        not_after.push(
            vec![
                ("target", target.clone()),
                ("subject", i.subject.clone()),
                ("sha256", i.sha256_fingerprint.clone()),
            ],
            i.not_after.unix_timestamp(),
        );
    }
    families.add(not_after);
    families
}

fn verify(r: &VerifyReport) -> Families {
    let mut families = Families::default();
    let target = r.chain_file.clone();
    let findings: Vec<&Finding> = r.findings.iter().collect();
    common(
        r.command,
        &target,
        r.verdict,
        r.evaluated_at,
        &findings,
        &mut families,
    );

    let mut trusted = Family::gauge(
        "verify_chain_trusted",
        "1 when the chain leads to a certificate of the CA file, else 0.",
    );
    trusted.push(vec![("target", target.clone())], r.trusted);
    families.add(trusted);

    let mut not_after = Family::seconds(
        "verify_cert_not_after_timestamp",
        "notAfter of the chain's leaf certificate, as Unix time.",
    );
    if let Some(leaf) = r.path.first() {
        not_after.push(
            vec![
                ("target", target.clone()),
                ("subject", leaf.subject.clone()),
                ("sha256", leaf.sha256_fingerprint.clone()),
            ],
            leaf.not_after.unix_timestamp(),
        );
    }
    families.add(not_after);
    families
}

fn count(findings: &[&Finding], severity: Severity) -> i64 {
    let n = findings.iter().filter(|f| f.severity == severity).count();
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A measured duration in seconds, to the microsecond as the JSON has it, without the binary
/// noise of a plain division (`0.075841`, not `0.07584099999999999`).
fn seconds(d: Duration) -> f64 {
    (crate::duration::millis(d) * 1000.0).round() / 1e6
}

/// The Prometheus text exposition format (`--format prometheus`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Prometheus;

impl super::Renderer for Prometheus {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        render(report, out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::findings::Code;
    use crate::probe::TlsMode;
    use crate::report::check::{PlaintextReport, TlsReport};
    use crate::report::fixtures;

    use crate::report::fixtures::member;

    fn check_report() -> Report {
        let mut up = member("mongo-0:27017", vec![]);
        up.tls_mode = TlsMode::TlsAndPlain;
        up.tls = Some(TlsReport {
            version: "TLSv1.3".into(),
            cipher_suite: "TLS13_AES_256_GCM_SHA384".into(),
            key_exchange_group: Some("X25519".into()),
            alpn: None,
            resumed: false,
        });
        up.hello = None;
        up.timings.dns = Some(Duration::from_micros(500));
        up.timings.tls_handshake = Some(Duration::from_micros(2250));
        up.plaintext = Some(PlaintextReport {
            accepted: true,
            detail: "answered".into(),
        });
        up.findings = vec![Finding::new(
            Code::TlsPlaintextAccepted,
            Severity::Warn,
            "plain",
            "force TLS",
        )];
        let odd = member(
            "we\"ird\\host\nname:1",
            vec![
                Finding::new(Code::CertExpired, Severity::Fail, "expired", "renew"),
                Finding::new(Code::CertExpired, Severity::Fail, "expired", "renew"),
            ],
        );
        fixtures::check_report(
            &["mongo-0:27017"],
            vec![up, odd],
            vec![Finding::new(
                Code::RsNoPrimary,
                Severity::Warn,
                "none",
                "elect",
            )],
            Duration::from_millis(1500),
        )
    }

    fn render_string(r: &Report) -> String {
        let mut out = Vec::new();
        render(r, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn check_metrics() {
        let text = render_string(&check_report());
        for line in [
            "# HELP mongotls_check_success ",
            "# TYPE mongotls_check_success gauge",
            "mongotls_check_success{command=\"check\",target=\"mongo-0:27017\"} 0",
            "mongotls_findings{command=\"check\",target=\"mongo-0:27017\",severity=\"fail\"} 2",
            "mongotls_findings{command=\"check\",target=\"mongo-0:27017\",severity=\"warn\"} 2",
            "mongotls_findings{command=\"check\",target=\"mongo-0:27017\",severity=\"info\"} 0",
            "mongotls_findings_by_code{command=\"check\",target=\"mongo-0:27017\",code=\"cert.expired\",severity=\"fail\"} 2",
            "mongotls_evaluation_timestamp_seconds{command=\"check\",target=\"mongo-0:27017\"} 1590969600",
            "mongotls_run_duration_seconds{command=\"check\",target=\"mongo-0:27017\"} 1.5",
            "mongotls_member_up{member=\"mongo-0:27017\"} 0",
            "mongotls_member_tls_handshake_seconds{member=\"mongo-0:27017\"} 0.00225",
            "mongotls_member_phase_seconds{member=\"mongo-0:27017\",phase=\"dns\"} 0.0005",
            "# TYPE mongotls_member_tls_version_info gauge",
            "mongotls_member_tls_version_info{member=\"mongo-0:27017\",version=\"TLSv1.3\",cipher=\"TLS13_AES_256_GCM_SHA384\"} 1",
            "mongotls_member_plaintext_accepted{member=\"mongo-0:27017\"} 1",
            "mongotls_member_findings{member=\"mongo-0:27017\",severity=\"warn\"} 1",
            // Label values escaped as the exposition format requires.
            "mongotls_member_findings{member=\"we\\\"ird\\\\host\\nname:1\",severity=\"fail\"} 2",
        ] {
            assert!(
                text.lines().any(|l| l.starts_with(line)),
                "no line {line} in\n{text}"
            );
        }
        assert!(!text.contains("root"), "the URI is never a label: {text}");
        // Families without series are not written.
        assert!(!text.contains("member_chain_trusted"), "{text}");
    }

    #[test]
    fn parses_and_is_deterministic() {
        use openmetrics_parser::{PrometheusType, PrometheusValue};

        let text = render_string(&check_report());
        assert_eq!(text, render_string(&check_report()));
        // An independent parser of the exposition format: escapes, one HELP and TYPE per
        // family, unique label sets, one label-name set per family.
        let parsed = openmetrics_parser::prometheus::parse_prometheus(&text).unwrap();
        let family = &parsed.families["mongotls_member_findings"];
        assert_eq!(family.family_type, PrometheusType::Gauge);
        let odd = family
            .iter_samples()
            .find(|s| {
                let labels = s.get_labelset().unwrap();
                labels.get_label_value("member") == Some("we\"ird\\host\nname:1")
                    && labels.get_label_value("severity") == Some("fail")
            })
            .expect("the escaped member's series");
        match &odd.value {
            PrometheusValue::Gauge(n) => assert_eq!(n.as_f64(), 2.0),
            other => panic!("not a gauge: {other:?}"),
        }
        assert_eq!(
            parsed.families.len(),
            text.lines().filter(|l| l.starts_with("# TYPE ")).count()
        );
        assert!(parsed
            .families
            .values()
            .all(|f| f.family_type == PrometheusType::Gauge && !f.help.is_empty()));
    }

    #[test]
    fn chain_positions_time_left_and_tls_mode() {
        use crate::pki::verify::{PathSource, Role};
        use crate::report::verify::{ChainReport, EngineReport, PathStep, WebpkiReport};

        let Report::Check(mut r) = check_report() else {
            unreachable!()
        };
        let step = |role, index: usize, days: i64| PathStep {
            role,
            source: PathSource::Chain,
            index,
            subject: "CN=x".into(),
            issuer: "CN=y".into(),
            not_after: r.evaluated_at + time::Duration::days(days),
            days_remaining: days,
            sha256_fingerprint: "ab".into(),
        };
        let engine = || EngineReport {
            accepted: true,
            errors: vec![],
        };
        r.members[0].chain = Some(ChainReport {
            path: vec![step(Role::Leaf, 0, 5), step(Role::Intermediate, 1, 400)],
            trusted: true,
            rustls_webpki: WebpkiReport {
                chain_accepted: true,
                name_accepted: None,
                error: None,
            },
            openssl: engine(),
            node: engine(),
            findings: vec![],
        });
        let text = render_string(&Report::Check(r.clone()));
        let at = r.evaluated_at.unix_timestamp();
        for line in [
            format!("mongotls_member_chain_cert_not_after_timestamp_seconds{{member=\"mongo-0:27017\",position=\"leaf\",index=\"0\"}} {}", at + 5 * 86400),
            format!("mongotls_member_chain_cert_not_after_timestamp_seconds{{member=\"mongo-0:27017\",position=\"intermediate\",index=\"1\"}} {}", at + 400 * 86400),
            "mongotls_member_chain_cert_expires_in_seconds{member=\"mongo-0:27017\",position=\"leaf\",index=\"0\"} 432000".to_string(),
            "mongotls_member_tls_mode_info{member=\"mongo-0:27017\",mode=\"tls_and_plain\"} 1".to_string(),
        ] {
            assert!(text.lines().any(|l| l == line), "no line {line} in\n{text}");
        }
    }

    #[test]
    fn probe_exposition() {
        let report = check_report();
        let fresh = render_probe(&ProbeOutcome {
            target: "prod",
            report: Some(&report),
            error: None,
            duration: Duration::from_millis(1500),
            age: Duration::ZERO,
        })
        .unwrap();
        // The fixture's check failed: the probe ran, and says so.
        assert!(fresh.starts_with("# HELP probe_success "), "{fresh}");
        for line in [
            "probe_success 0",
            "probe_duration_seconds 1.5",
            "mongotls_probe_cache_age_seconds{target_name=\"prod\"} 0.0",
            "mongotls_check_success{command=\"check\",target=\"mongo-0:27017\"} 0",
        ] {
            assert!(
                fresh.lines().any(|l| l == line),
                "no line {line} in\n{fresh}"
            );
        }
        assert!(!fresh.contains("mongotls_probe_error"), "{fresh}");
        let parsed = openmetrics_parser::prometheus::parse_prometheus(&fresh).unwrap();
        assert!(parsed.families.contains_key("probe_success"));

        let invalid = render_probe(&ProbeOutcome {
            target: "bad",
            report: None,
            error: Some("target_invalid"),
            duration: Duration::ZERO,
            age: Duration::ZERO,
        })
        .unwrap();
        assert!(invalid.contains("\nprobe_success 0\n"), "{invalid}");
        assert!(
            invalid
                .contains("mongotls_probe_error{target_name=\"bad\",reason=\"target_invalid\"} 1"),
            "{invalid}"
        );
        assert!(!invalid.contains("mongotls_check_success"), "{invalid}");
    }

    #[test]
    fn seconds_have_no_binary_noise() {
        assert_eq!(
            seconds(Duration::from_nanos(75_841_400)).to_string(),
            "0.075841"
        );
        assert_eq!(seconds(Duration::from_millis(1500)).to_string(), "1.5");
    }
}
