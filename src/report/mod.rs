//! Report structs: what each command computed, ready to render. Renderers (one file each)
//! only format these; they never compute.

pub mod bench_table;
pub mod bench_text;
pub mod json;
pub mod junit;
pub mod plot;
pub mod prometheus;
pub mod text;

use std::io::{self, Write};

use serde::Serialize;

use crate::escape::Escaping;
use crate::findings::{Finding, Verdict};
use crate::pki::ca_check::{BundleCertificate, Note};
use crate::pki::verify::{PathElement, WebpkiOutcome};
use crate::probe::MemberReport;

/// Version of the JSON shape. Bump on any incompatible change; adding fields is compatible.
pub const SCHEMA_VERSION: u32 = 1;

/// Every output format any command renders (`bench` adds Markdown and CSV; JUnit and
/// Prometheus are for `ca`, `verify`, `check` and `demo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// Text.
    Text,
    /// JSON.
    Json,
    /// JUnit XML.
    Junit,
    /// Prometheus text exposition format.
    Prometheus,
    /// Markdown tables (`bench`).
    Markdown,
    /// CSV (`bench`).
    Csv,
}

/// `mongotls ca`.
#[derive(Clone, Debug, Serialize)]
pub struct CaReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `ca`.
    pub command: &'static str,
    /// Derived from `findings`.
    pub verdict: Verdict,
    /// The time everything was judged at, RFC 3339.
    pub evaluated_at: String,
    /// Warning window for expiry, in days.
    pub warn_days: i64,
    /// The files read, as given.
    pub files: Vec<String>,
    /// Every certificate found, in input order.
    pub certificates: Vec<BundleCertificate>,
    /// Facts about the input (ZIP members used, …).
    pub notes: Vec<Note>,
    /// Every problem found.
    pub findings: Vec<Finding>,
}

/// A short description of a CA-file certificate, as listed by `verify`.
#[derive(Clone, Debug, Serialize)]
pub struct CertSummary {
    /// Index in the CA file.
    pub index: usize,
    /// Subject DN.
    pub subject: String,
    /// SHA-256 fingerprint.
    pub sha256_fingerprint: String,
    /// notAfter, RFC 3339.
    pub not_after: String,
    /// Whole days to notAfter.
    pub days_remaining: i64,
    /// Where it was read from.
    pub source: String,
}

impl CertSummary {
    /// The summaries of a bundle's certificates.
    pub fn list(certs: &[BundleCertificate]) -> Vec<CertSummary> {
        certs
            .iter()
            .map(|c| CertSummary {
                index: c.index,
                subject: c.info.subject.clone(),
                sha256_fingerprint: c.info.sha256_fingerprint.clone(),
                not_after: c.info.not_after.clone(),
                days_remaining: c.info.days_remaining,
                source: c.source.to_string(),
            })
            .collect()
    }
}

/// `mongotls verify`.
#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `verify`.
    pub command: &'static str,
    /// Derived from `findings`.
    pub verdict: Verdict,
    /// The time everything was judged at, RFC 3339.
    pub evaluated_at: String,
    /// Warning window for expiry, in days.
    pub warn_days: i64,
    /// The host name checked, if any.
    pub host: Option<String>,
    /// The CA file(s) read.
    pub ca_files: Vec<String>,
    /// The chain file read.
    pub chain_file: String,
    /// The CA file's certificates.
    pub ca: Vec<CertSummary>,
    /// The presented certificates, in the order given.
    pub chain: Vec<BundleCertificate>,
    /// The path built, leaf first; findings' `certificate` indexes this list.
    pub path: Vec<PathElement>,
    /// The path ends at a certificate of the CA file.
    pub trusted: bool,
    /// rustls-webpki's own judgement.
    pub rustls_webpki: WebpkiOutcome,
    /// Facts about the inputs.
    pub notes: Vec<Note>,
    /// Every problem found: the CA file's, the chain file's, the chain's.
    pub findings: Vec<Finding>,
}

/// What `check` was pointed at.
#[derive(Clone, Debug, Serialize)]
pub struct CheckTarget {
    /// The connection string with every secret replaced by `****`.
    pub uri: String,
    /// The seed list, as `host:port`.
    pub seeds: Vec<String>,
    /// `replicaSet` from the URI.
    pub replica_set: Option<String>,
    /// The set name the members report.
    pub set_name: Option<String>,
}

/// How `check` ran: the options that change what it proves.
#[derive(Clone, Debug, Serialize)]
pub struct CheckOptions {
    /// Bound of each network phase, in milliseconds.
    pub timeout_ms: u64,
    /// Bound of the whole run (`--deadline`), in milliseconds.
    pub deadline_ms: u64,
    /// Most connections open at once (`--max-connections`).
    pub max_connections: usize,
    /// Members beyond the seeds were discovered.
    pub discover: bool,
    /// Plaintext was probed on every member.
    pub plaintext_probe: bool,
    /// `--server-name`, when given.
    pub server_name: Option<String>,
    /// Options in effect that weaken verification; each is also a `tls.insecure_option` finding.
    pub insecure: Vec<String>,
}

/// The CA file(s) `check` trusted.
#[derive(Clone, Debug, Serialize)]
pub struct CheckCa {
    /// Files read.
    pub files: Vec<String>,
    /// Their certificates.
    pub certificates: Vec<CertSummary>,
}

/// `mongotls check`.
#[derive(Clone, Debug, Serialize)]
pub struct CheckReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `check`.
    pub command: &'static str,
    /// Derived from every finding, the members' and the set's.
    pub verdict: Verdict,
    /// The time certificates were judged at, RFC 3339.
    pub evaluated_at: String,
    /// Wall time of the run, in milliseconds.
    pub duration_ms: f64,
    /// What was checked.
    pub target: CheckTarget,
    /// How.
    pub options: CheckOptions,
    /// The trusted CA file(s).
    pub ca: CheckCa,
    /// Every member, seeds first.
    pub members: Vec<MemberReport>,
    /// Findings about the set, the connection string, the CA file and the options.
    pub findings: Vec<Finding>,
}

/// `mongotls bench`.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `bench`.
    pub command: &'static str,
    /// `pass` when at least one comparison was measured, `fail` when nothing could be.
    pub verdict: Verdict,
    /// When the run started, RFC 3339.
    pub started_at: String,
    /// Wall time of the run.
    pub duration_ms: f64,
    /// The TLS-side connection string, redacted.
    pub uri: String,
    /// The plaintext connection string, redacted, when one was given.
    pub plain_uri: Option<String>,
    /// Members measured.
    pub members: Vec<String>,
    /// Samples wanted per series.
    pub samples: usize,
    /// Warm-up runs per series.
    pub warmup: usize,
    /// Bound of the run, in milliseconds.
    pub max_time_ms: u64,
    /// Payload sizes measured, in bytes.
    pub payload_sizes: Vec<usize>,
    /// Every series, with raw samples.
    pub series: Vec<crate::bench::Series>,
    /// TLS versus plaintext.
    pub comparisons: Vec<crate::bench::ComparisonRow>,
    /// Comparisons that could not be made, and why.
    pub missing: Vec<crate::bench::MissingComparison>,
    /// Throughput, plaintext vs TLS.
    pub throughput: Vec<crate::bench::Throughput>,
    /// Client CPU per connection set-up.
    pub cpu: Vec<crate::bench::CpuCost>,
    /// Statistical warnings with advice.
    pub warnings: Vec<crate::bench::BenchWarning>,
    /// Facts met on the way.
    pub notes: Vec<String>,
    /// Problems that stopped measurement (unreachable member, …).
    pub findings: Vec<Finding>,
}

/// `12 days left`, or `EXPIRED 3 days ago`: a certificate's remaining validity in words.
pub(crate) fn days_left(days_remaining: i64) -> String {
    if days_remaining < 0 {
        format!("EXPIRED {} days ago", -days_remaining)
    } else {
        format!("{days_remaining} days left")
    }
}

/// Any command's report.
#[derive(Clone, Debug)]
pub enum Report {
    /// `mongotls ca`.
    Ca(CaReport),
    /// `mongotls verify`.
    Verify(VerifyReport),
    /// `mongotls check`.
    Check(CheckReport),
    /// `mongotls bench`.
    Bench(BenchReport),
}

impl Report {
    /// The report's verdict.
    pub fn verdict(&self) -> Verdict {
        match self {
            Report::Ca(r) => r.verdict,
            Report::Verify(r) => r.verdict,
            Report::Check(r) => r.verdict,
            Report::Bench(r) => r.verdict,
        }
    }

    /// Renders the report in `format`.
    /// Every format goes through [`Escaping`]: nothing a server chose can reach the
    /// reader's terminal (or the XML file) as a control character.
    pub fn render(&self, format: OutputFormat, out: &mut dyn Write) -> io::Result<()> {
        let mut safe = Escaping::new(out);
        let out: &mut dyn Write = &mut safe;
        match (format, self) {
            (OutputFormat::Text, _) => text::render(self, out),
            (OutputFormat::Json, _) => json::render(self, out),
            (OutputFormat::Markdown, Report::Bench(r)) => bench_table::markdown(r, out),
            (OutputFormat::Csv, Report::Bench(r)) => bench_table::csv(r, out),
            (OutputFormat::Markdown | OutputFormat::Csv, _) => Err(io::Error::other(
                "Markdown and CSV are formats of `bench` only",
            )),
            // Both refuse `bench` reports.
            (OutputFormat::Junit, _) => junit::render(self, out),
            (OutputFormat::Prometheus, _) => prometheus::render(self, out),
        }?;
        safe.finish()
    }
}

/// Reports built by hand for the renderers' unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::probe::{MemberReport, Target, TlsMode};

    /// A seed member in the configuration that completed TLS, with nothing else learnt.
    pub(crate) fn member(address: &str, findings: Vec<Finding>) -> MemberReport {
        let target = Target {
            address: address.into(),
            host: "localhost".into(),
            port: 1,
        };
        let mut m = MemberReport::empty(&target, "localhost".into());
        m.seed = true;
        m.in_config = true;
        m.tls_mode = TlsMode::TlsOnly;
        m.ping_ok = true;
        m.findings = findings;
        m
    }

    /// A `bench` report that measured nothing, with `warnings`.
    pub(crate) fn bench_report(warnings: Vec<crate::bench::BenchWarning>) -> BenchReport {
        BenchReport {
            schema_version: SCHEMA_VERSION,
            command: "bench",
            verdict: Verdict::Pass,
            started_at: String::new(),
            duration_ms: 0.0,
            uri: String::new(),
            plain_uri: None,
            members: Vec::new(),
            samples: 0,
            warmup: 0,
            max_time_ms: 0,
            payload_sizes: Vec::new(),
            series: Vec::new(),
            comparisons: Vec::new(),
            missing: Vec::new(),
            throughput: Vec::new(),
            cpu: Vec::new(),
            warnings,
            notes: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// A failed `check` report over `members`, with `findings` at set level.
    pub(crate) fn check_report(
        seeds: &[&str],
        members: Vec<MemberReport>,
        findings: Vec<Finding>,
        duration_ms: f64,
    ) -> Report {
        Report::Check(CheckReport {
            schema_version: SCHEMA_VERSION,
            command: "check",
            verdict: Verdict::Fail,
            evaluated_at: "2020-06-01T00:00:00Z".into(),
            duration_ms,
            target: CheckTarget {
                uri: format!("mongodb://root:****@{}/", seeds.join(",")),
                seeds: seeds.iter().map(|s| s.to_string()).collect(),
                replica_set: None,
                set_name: None,
            },
            options: CheckOptions {
                timeout_ms: 1000,
                deadline_ms: 60000,
                max_connections: 16,
                discover: true,
                plaintext_probe: true,
                server_name: None,
                insecure: Vec::new(),
            },
            ca: CheckCa {
                files: vec!["ca.pem".into()],
                certificates: Vec::new(),
            },
            members,
            findings,
        })
    }
}
