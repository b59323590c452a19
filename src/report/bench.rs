//! `mongotls bench`: the report of a latency measurement. Built from
//! [`crate::bench::BenchOutcome`]; this is the JSON contract (every raw sample included).

use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;

use super::{value, SCHEMA_VERSION};
use crate::bench::stats::{Overhead, Summary};
use crate::bench::{
    BenchOutcome, BenchWarning, ComparisonRow, CpuCost, Metric, MissingComparison, NotMeasured,
    Series, Throughput, Transport,
};
use crate::findings::{Code, Finding, Verdict};

/// `mongotls bench`.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `bench`.
    pub command: &'static str,
    /// `pass` when at least one comparison was measured, `fail` when nothing could be.
    pub verdict: Verdict,
    /// When the run started.
    #[serde(serialize_with = "value::time")]
    pub started_at: OffsetDateTime,
    /// Wall time of the run.
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
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
    /// Bound of the run.
    #[serde(rename = "max_time_ms", serialize_with = "value::whole_millis")]
    pub max_time: Duration,
    /// Payload sizes measured, in bytes.
    pub payload_sizes: Vec<usize>,
    /// Every series, with raw samples.
    pub series: Vec<SeriesReport>,
    /// TLS versus plaintext.
    pub comparisons: Vec<ComparisonReport>,
    /// Comparisons that could not be made, and why.
    pub missing: Vec<MissingReport>,
    /// Members that could not be measured at all (unreachable, no TLS), and why.
    pub not_measured: Vec<NotMeasuredReport>,
    /// Throughput, plaintext vs TLS.
    pub throughput: Vec<ThroughputReport>,
    /// Client CPU per connection set-up.
    pub cpu: Vec<CpuReport>,
    /// Statistical warnings with advice.
    pub warnings: Vec<WarningReport>,
    /// Facts met on the way.
    pub notes: Vec<String>,
    /// Problems that stopped measurement (unreachable member, …).
    pub findings: Vec<Finding>,
}

/// What a `bench` run was asked to do and how long it took: the report's header.
#[derive(Clone, Debug)]
pub struct BenchRunInfo {
    /// When the run started.
    pub started_at: OffsetDateTime,
    /// Wall time of the run.
    pub duration: Duration,
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
    /// Bound of the run.
    pub max_time: Duration,
    /// Payload sizes measured, in bytes.
    pub payload_sizes: Vec<usize>,
}

impl BenchReport {
    /// The report of a run: its header and everything measured.
    pub fn new(run: BenchRunInfo, outcome: &BenchOutcome) -> Self {
        let findings = outcome.findings();
        BenchReport {
            schema_version: SCHEMA_VERSION,
            command: "bench",
            verdict: Verdict::from_findings(&findings),
            started_at: run.started_at,
            duration: run.duration,
            uri: run.uri,
            plain_uri: run.plain_uri,
            members: run.members,
            samples: run.samples,
            warmup: run.warmup,
            max_time: run.max_time,
            payload_sizes: run.payload_sizes,
            series: outcome.series.iter().map(Into::into).collect(),
            comparisons: outcome.comparisons.iter().map(Into::into).collect(),
            missing: outcome.missing.iter().map(Into::into).collect(),
            not_measured: outcome.not_measured.iter().map(Into::into).collect(),
            throughput: outcome.throughput.iter().map(Into::into).collect(),
            cpu: outcome.cpu.iter().map(Into::into).collect(),
            warnings: outcome.warnings.iter().map(Into::into).collect(),
            notes: outcome.notes.clone(),
            findings,
        }
    }
}

/// One series of samples (one member, metric and transport) and its summary.
#[derive(Clone, Debug, Serialize)]
pub struct SeriesReport {
    /// `host:port`.
    pub member: String,
    /// `connect_full`, `connect_resumed`, `connect_hello`, `ping`, `payload_<bytes>`.
    #[serde(serialize_with = "value::display")]
    pub metric: Metric,
    /// `plain` or `tls`.
    #[serde(serialize_with = "value::transport")]
    pub transport: Transport,
    /// Every sample in milliseconds, in the order taken (at most 100,000: past that a uniform
    /// random subset).
    pub samples_ms: Vec<f64>,
    /// Summary statistics.
    #[serde(flatten)]
    pub summary: SummaryReport,
    /// For `connect_resumed` over TLS: how many handshakes actually resumed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resumed: Option<usize>,
}

impl From<&Series> for SeriesReport {
    fn from(s: &Series) -> Self {
        SeriesReport {
            member: s.member.clone(),
            metric: s.metric,
            transport: s.transport,
            samples_ms: s.samples_ms.clone(),
            summary: (&s.summary).into(),
            resumed: s.resumed,
        }
    }
}

/// Summary statistics of one series, in milliseconds.
#[derive(Clone, Debug, Serialize)]
pub struct SummaryReport {
    /// Finite samples summarised.
    pub count: usize,
    /// Smallest sample.
    pub min_ms: f64,
    /// Median.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Largest sample.
    pub max_ms: f64,
    /// Arithmetic mean.
    pub mean_ms: f64,
    /// Sample standard deviation.
    pub stddev_ms: f64,
    /// Median absolute deviation from the median, unscaled.
    pub mad_ms: f64,
    /// Samples whose modified z-score exceeds 3.5.
    pub outliers: usize,
    /// NaN or infinite inputs that were dropped.
    pub non_finite: usize,
}

impl From<&Summary> for SummaryReport {
    fn from(s: &Summary) -> Self {
        SummaryReport {
            count: s.count,
            min_ms: s.min_ms,
            p50_ms: s.p50_ms,
            p90_ms: s.p90_ms,
            p99_ms: s.p99_ms,
            max_ms: s.max_ms,
            mean_ms: s.mean_ms,
            stddev_ms: s.stddev_ms,
            mad_ms: s.mad_ms,
            outliers: s.outliers,
            non_finite: s.non_finite,
        }
    }
}

/// TLS versus plaintext for one metric.
#[derive(Clone, Debug, Serialize)]
pub struct ComparisonReport {
    /// `host:port`.
    pub member: String,
    /// The metric.
    #[serde(serialize_with = "value::display")]
    pub metric: Metric,
    /// TLS − plaintext, median difference with a bootstrap 95 % CI.
    pub overhead_ms: OverheadReport,
    /// median(TLS) / median(plaintext).
    pub ratio: f64,
    /// 95 % CI of the ratio.
    pub ratio_ci95_low: f64,
    /// 95 % CI of the ratio.
    pub ratio_ci95_high: f64,
    /// 100 × (ratio − 1).
    pub relative_percent: f64,
}

impl From<&ComparisonRow> for ComparisonReport {
    fn from(c: &ComparisonRow) -> Self {
        ComparisonReport {
            member: c.member.clone(),
            metric: c.metric,
            overhead_ms: (&c.overhead_ms).into(),
            ratio: c.ratio,
            ratio_ci95_low: c.ratio_ci95_low,
            ratio_ci95_high: c.ratio_ci95_high,
            relative_percent: c.relative_percent,
        }
    }
}

/// The TLS overhead in milliseconds and its 95 % confidence interval.
#[derive(Clone, Debug, Serialize)]
pub struct OverheadReport {
    /// `median(tls) - median(plain)`.
    pub median: f64,
    /// 2.5th percentile of the bootstrap distribution.
    pub ci95_low: f64,
    /// 97.5th percentile of the bootstrap distribution.
    pub ci95_high: f64,
}

impl From<&Overhead> for OverheadReport {
    fn from(o: &Overhead) -> Self {
        OverheadReport {
            median: o.median,
            ci95_low: o.ci95_low,
            ci95_high: o.ci95_high,
        }
    }
}

/// A comparison that could not be made, and why.
#[derive(Clone, Debug, Serialize)]
pub struct MissingReport {
    /// `host:port`.
    pub member: String,
    /// The metric.
    #[serde(serialize_with = "value::display")]
    pub metric: Metric,
    /// Why (e.g. plaintext refused: forced SSL).
    pub reason: String,
}

impl From<&MissingComparison> for MissingReport {
    fn from(m: &MissingComparison) -> Self {
        MissingReport {
            member: m.member.clone(),
            metric: m.metric,
            reason: m.reason.clone(),
        }
    }
}

/// A member that could not be measured at all, and why.
#[derive(Clone, Debug, Serialize)]
pub struct NotMeasuredReport {
    /// `host:port`.
    pub member: String,
    /// What stopped it, as `check` names it: `net.connect_refused`, `net.connect_timeout`,
    /// `net.connect_failed`, `net.dns_failed`, `tls.handshake_failed`,
    /// `tls.handshake_timeout`.
    pub code: Code,
    /// What happened.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl From<&NotMeasured> for NotMeasuredReport {
    fn from(n: &NotMeasured) -> Self {
        NotMeasuredReport {
            member: n.member.clone(),
            code: n.code,
            message: n.message.clone(),
            hint: n.hint.clone(),
        }
    }
}

/// Operations per second with N concurrent connections.
#[derive(Clone, Debug, Serialize)]
pub struct ThroughputReport {
    /// `host:port`.
    pub member: String,
    /// `plain` or `tls`.
    #[serde(serialize_with = "value::transport")]
    pub transport: Transport,
    /// Concurrent connections.
    pub concurrency: usize,
    /// `ping`s completed.
    pub operations: u64,
    /// Measurement window.
    #[serde(rename = "duration_ms", serialize_with = "value::exact_millis")]
    pub duration: Duration,
    /// operations / second.
    pub ops_per_sec: f64,
}

impl From<&Throughput> for ThroughputReport {
    fn from(t: &Throughput) -> Self {
        ThroughputReport {
            member: t.member.clone(),
            transport: t.transport,
            concurrency: t.concurrency,
            operations: t.operations,
            duration: t.duration,
            ops_per_sec: t.ops_per_sec,
        }
    }
}

/// Client CPU time per connection set-up.
#[derive(Clone, Debug, Serialize)]
pub struct CpuReport {
    /// `host:port`.
    pub member: String,
    /// `plain` (TCP connect) or `tls` (TCP + full handshake).
    #[serde(serialize_with = "value::transport")]
    pub transport: Transport,
    /// Connections measured.
    pub connections: usize,
    /// Process CPU time (user + system) per connection.
    pub cpu_ms_per_connection: f64,
    /// Wall time per connection.
    pub wall_ms_per_connection: f64,
}

impl From<&CpuCost> for CpuReport {
    fn from(c: &CpuCost) -> Self {
        CpuReport {
            member: c.member.clone(),
            transport: c.transport,
            connections: c.connections,
            cpu_ms_per_connection: c.cpu_ms_per_connection,
            wall_ms_per_connection: c.wall_ms_per_connection,
        }
    }
}

/// A statistical warning, with where it applies and advice.
#[derive(Clone, Debug, Serialize)]
pub struct WarningReport {
    /// `host:port`.
    pub member: String,
    /// `connect_full/tls` for a series, `ping` for a comparison.
    pub series: String,
    /// `bench.too_few_samples`, `bench.outliers`, `bench.ci_includes_zero`,
    /// `bench.high_variance` or `bench.cold_start`.
    pub code: &'static str,
    /// What was observed.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl From<&BenchWarning> for WarningReport {
    fn from(w: &BenchWarning) -> Self {
        WarningReport {
            member: w.member.clone(),
            series: w.series(),
            code: w.warning.code.as_str(),
            message: w.warning.message.clone(),
            hint: w.warning.hint.clone(),
        }
    }
}
