//! The report layer: the structs that make up the output contract (one file per command:
//! [`ca`], [`verify`], [`check`], `bench`), built from the engines' typed results, and the
//! renderers that format them (one file per format). Renderers only format; they never
//! compute, and they never parse back what another part formatted.

pub mod bench;
pub mod bench_table;
pub mod bench_text;
pub mod ca;
pub mod check;
pub mod driver;
pub mod fleet;
pub mod json;
pub mod junit;
pub mod plot;
pub mod prometheus;
pub mod sandbox;
pub mod serve;
pub mod sink;
pub mod style;
pub mod summary;
pub mod text;
pub mod value;
pub mod verify;
pub mod wait;

use std::io::{self, Write};

pub use bench::BenchReport;
pub use ca::{CaReport, CertSummary, CertificateReport, Note};
pub use check::{
    CheckCa, CheckOptions, CheckReport, CheckTarget, ClientCertReport, MemberReport, SrvReport,
};
pub use verify::VerifyReport;
pub use wait::WaitReport;

use crate::escape::Escaping;
use crate::findings::Verdict;
pub use sink::{ColorWhen, Environment, Layout, TextSink};

/// Version of the JSON shape. Bump on any incompatible change, and on new objects a strict
/// reader would refuse (2: check gained `driver`, `srv`, `client_cert`, `ca.system_store`,
/// `ca.system_roots`; 3: `summary` in ca, verify and check, `lang` everywhere, and day
/// counts rounded to the nearest day; 4: `openssl` and `node` engine verdicts beside
/// `rustls_webpki` in verify and every check member's chain, `strict`, and the client families'
/// cells decided by the real engines and the proven models; 5: the `wait` document, and the
/// fleet document of `check --targets` with `targets[]` in place of one set's report).
/// docs/json.md lists every change.
pub const SCHEMA_VERSION: u32 = 5;

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

/// `12 days left`, or `EXPIRED 3 days ago`: a certificate's remaining validity in words, for
/// the formats without colour (JUnit), where the capitals do the painting.
pub(crate) fn days_left(days_remaining: i64) -> String {
    if days_remaining < 0 {
        crate::tr!("report-plain-expired-ago", days = -days_remaining)
    } else {
        crate::tr!("report-plain-days-left", days = days_remaining)
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
    Check(Box<CheckReport>),
    /// `mongotls bench`.
    Bench(BenchReport),
    /// `mongotls wait`.
    Wait(Box<WaitReport>),
    /// `mongotls check --targets FILE`.
    Fleet(Box<fleet::FleetReport>),
}

impl Report {
    /// The report's verdict.
    pub fn verdict(&self) -> Verdict {
        match self {
            Report::Ca(r) => r.verdict,
            Report::Verify(r) => r.verdict,
            Report::Check(r) => r.verdict,
            Report::Bench(r) => r.verdict,
            Report::Wait(r) => r.verdict,
            Report::Fleet(r) => r.verdict,
        }
    }

    /// Renders the report in `format`; text without colour or wrapping ([`Layout::PLAIN`]).
    pub fn render(&self, format: OutputFormat, out: &mut dyn Write) -> io::Result<()> {
        self.render_with(format.renderer(), out)
    }

    /// Renders the report in `format` for a reader: text laid out by the text sink (colour,
    /// width, ASCII), the other formats as [`Report::render`] writes them.
    pub fn render_laid_out(
        &self,
        format: OutputFormat,
        layout: &Layout,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match format {
            // The sink escapes what it does not paint itself, as `Escaping` does.
            OutputFormat::Text => {
                let mut sink = TextSink::new(out, *layout);
                text::render(self, &mut sink)?;
                sink.finish()
            }
            _ => self.render(format, out),
        }
    }

    /// Renders the report with `renderer`. Every renderer writes through [`Escaping`]:
    /// nothing a server chose can reach the reader's terminal (or the XML file) as a control
    /// character.
    pub fn render_with(&self, renderer: &dyn Renderer, out: &mut dyn Write) -> io::Result<()> {
        let mut safe = Escaping::new(out);
        renderer.render(self, &mut safe)?;
        safe.finish()
    }
}

/// One output format: writes any report it supports to any `Write` (stdout, a file), and
/// refuses with an error the reports it does not (JUnit for `bench`, CSV for `check`). Each
/// format is one type in its own file; [`OutputFormat::renderer`] picks it.
pub trait Renderer {
    /// Writes `report`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

impl OutputFormat {
    /// The renderer of this format.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            OutputFormat::Text => &text::Text,
            OutputFormat::Json => &json::Json,
            OutputFormat::Junit => &junit::Junit,
            OutputFormat::Prometheus => &prometheus::Prometheus,
            OutputFormat::Markdown => &bench_table::Markdown,
            OutputFormat::Csv => &bench_table::Csv,
        }
    }
}

/// Reports built by hand for the renderers' unit tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use std::time::Duration;

    use super::*;
    use crate::findings::Finding;
    use crate::probe::PhaseTimings;
    use crate::probe::TlsMode;

    /// A seed member in the configuration that completed TLS, with nothing else learnt.
    pub(crate) fn member(address: &str, findings: Vec<Finding>) -> MemberReport {
        MemberReport {
            address: address.into(),
            seed: true,
            in_config: true,
            resolved: Vec::new(),
            connected_to: None,
            server_name: "localhost".into(),
            tls_mode: TlsMode::TlsOnly,
            timings: PhaseTimings::default(),
            tls: None,
            chain: None,
            hello: None,
            server_version: None,
            ping_ok: true,
            plaintext: None,
            findings,
        }
    }

    /// A `bench` report that measured nothing, with `warnings`.
    pub(crate) fn bench_report(warnings: Vec<super::bench::WarningReport>) -> BenchReport {
        BenchReport {
            schema_version: SCHEMA_VERSION,
            command: "bench",
            verdict: Verdict::Pass,
            started_at: time::macros::datetime!(2020-06-01 00:00 UTC),
            duration: Duration::ZERO,
            uri: String::new(),
            plain_uri: None,
            members: Vec::new(),
            samples: 0,
            warmup: 0,
            max_time: Duration::ZERO,
            payload_sizes: Vec::new(),
            series: Vec::new(),
            comparisons: Vec::new(),
            missing: Vec::new(),
            not_measured: Vec::new(),
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
        duration: Duration,
    ) -> Report {
        Report::Check(Box::new(CheckReport {
            schema_version: SCHEMA_VERSION,
            command: "check",
            verdict: Verdict::Fail,
            evaluated_at: time::macros::datetime!(2020-06-01 00:00 UTC),
            duration,
            target: CheckTarget {
                uri: format!("mongodb://root:****@{}/", seeds.join(",")),
                seeds: seeds.iter().map(|s| s.to_string()).collect(),
                replica_set: None,
                set_name: None,
            },
            srv: None,
            options: CheckOptions {
                timeout: Duration::from_secs(1),
                deadline: Duration::from_secs(60),
                max_connections: 16,
                discover: true,
                plaintext_probe: true,
                server_name: None,
                insecure: Vec::new(),
                strict: false,
            },
            ca: CheckCa {
                files: vec!["ca.pem".into()],
                certificates: Vec::new(),
                system_store: false,
                system_roots: None,
            },
            client_cert: None,
            members,
            driver: (&crate::driver::DriverOutcome::skipped("--no-driver")).into(),
            findings,
        }))
    }
}
