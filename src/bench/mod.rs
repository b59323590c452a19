//! `mongotls bench`: how much latency TLS adds, per member, for connection set-up and for
//! round trips on a warm connection. Plaintext and TLS samples are interleaved (A B B A …) so
//! that drift hits both alike; statistics are pure functions in [`stats`].

pub mod stats;

mod member;
mod samplers;
mod throughput;

use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;

use crate::duration::format_duration;
use crate::findings::{Code, Finding, Severity};
use crate::net::{ClientIdentity, NetError, Target};
use crate::tr;
use crate::wire::io::CommandError;
use member::MemberBench;
pub use samplers::tls_only;
use stats::{
    compare, comparison_warnings, series_warnings, Overhead, SampleStore, StatWarning, Summary,
};

/// Bootstrap resamples per comparison.
const RESAMPLES: usize = 2000;

/// Fixed seed: the same samples always give the same confidence intervals.
const SEED: u64 = 0x6d6f_6e67_6f74_6c73;

/// What `bench` measures and for how long.
#[derive(Debug, Clone)]
pub struct BenchSettings {
    /// Members to measure (TLS side).
    pub members: Vec<Target>,
    /// Where plaintext samples go for each member: the member itself, or the `--plain-uri`
    /// endpoint paired with it.
    pub plain_endpoints: Vec<Target>,
    /// SNI / certificate name override.
    pub server_name: Option<ServerName<'static>>,
    /// Client certificate to offer.
    pub identity: Option<Arc<ClientIdentity>>,
    /// Samples wanted per series.
    pub samples: usize,
    /// Unrecorded runs before each series.
    pub warmup: usize,
    /// Bound of the whole run.
    pub max_time: Duration,
    /// Bound of each network phase.
    pub timeout: Duration,
    /// Concurrent connections for the throughput test (`None`: skipped).
    pub concurrency: Option<usize>,
    /// Payload sizes for the per-byte cost, in bytes.
    pub payload_sizes: Vec<usize>,
    /// Cap on a reply's declared length.
    pub max_message_bytes: usize,
}

/// Plaintext or TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// Plaintext TCP.
    Plain,
    /// TLS.
    Tls,
}

impl Transport {
    /// Lower-case name as in reports (`plain`, `tls`).
    pub fn as_str(self) -> &'static str {
        match self {
            Transport::Plain => "plain",
            Transport::Tls => "tls",
        }
    }
}

/// What a series measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// TCP connect (plain) vs TCP connect + full TLS handshake.
    ConnectFull,
    /// TCP connect vs TCP connect + resumed TLS handshake.
    ConnectResumed,
    /// Time to a usable connection: connect (+ TLS) + `hello`.
    ConnectHello,
    /// `ping` on a warm connection.
    Ping,
    /// `ping` carrying a `comment` of this many bytes, on a warm connection.
    Payload(usize),
    /// `ping`s per second with this many connections.
    Throughput(usize),
}

/// The stable name (`connect_full`, `payload_1024`, …): scripts match on it.
impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Metric::ConnectFull => f.write_str("connect_full"),
            Metric::ConnectResumed => f.write_str("connect_resumed"),
            Metric::ConnectHello => f.write_str("connect_hello"),
            Metric::Ping => f.write_str("ping"),
            Metric::Payload(bytes) => write!(f, "payload_{bytes}"),
            Metric::Throughput(n) => write!(f, "throughput_{n}"),
        }
    }
}

/// One series of samples and its summary.
#[derive(Debug, Clone)]
pub struct Series {
    /// `host:port`.
    pub member: String,
    /// What it measures.
    pub metric: Metric,
    /// Plaintext or TLS.
    pub transport: Transport,
    /// Every sample in milliseconds, in the order taken — up to 100,000; past that a uniform
    /// random subset (count, min, max, mean and stddev stay exact; percentiles come from the
    /// subset).
    pub samples_ms: Vec<f64>,
    /// Summary statistics.
    pub summary: Summary,
    /// For `connect_resumed` over TLS: how many handshakes actually resumed.
    pub resumed: Option<usize>,
}

/// TLS versus plaintext for one metric.
#[derive(Debug, Clone)]
pub struct ComparisonRow {
    /// `host:port`.
    pub member: String,
    /// The metric.
    pub metric: Metric,
    /// TLS − plaintext, median difference with a bootstrap 95 % CI, in milliseconds.
    pub overhead_ms: Overhead,
    /// median(TLS) / median(plaintext).
    pub ratio: f64,
    /// 95 % CI of the ratio.
    pub ratio_ci95_low: f64,
    /// 95 % CI of the ratio.
    pub ratio_ci95_high: f64,
    /// 100 × (ratio − 1).
    pub relative_percent: f64,
}

/// A comparison that could not be made, and why.
#[derive(Debug, Clone)]
pub struct MissingComparison {
    /// `host:port`.
    pub member: String,
    /// The metric.
    pub metric: Metric,
    /// Why (e.g. plaintext refused: forced SSL).
    pub reason: String,
}

/// A member that could not be measured at all, and why: the first thing a report says.
#[derive(Debug, Clone)]
pub struct NotMeasured {
    /// `host:port`.
    pub member: String,
    /// What stopped it, as the finding code `check` would give (`net.connect_refused`,
    /// `net.connect_timeout`, `net.dns_failed`, `tls.handshake_failed`, …).
    pub code: Code,
    /// What happened, naming the member and the address.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl NotMeasured {
    /// Why `member` cannot be measured, from the error of its first TLS connection.
    pub fn from_error(member: &str, e: &SampleError) -> Self {
        use crate::net::NetError as N;
        let (code, message, hint) = match e {
            SampleError::Net(N::ConnectRefused { addr }) => (
                Code::NetConnectRefused,
                tr!(
                    "bench-unreachable-refused",
                    member = member,
                    address = addr.to_string()
                ),
                tr!("bench-unreachable-refused-hint"),
            ),
            SampleError::Net(N::ConnectTimeout { addr, after }) => (
                Code::NetConnectTimeout,
                tr!(
                    "bench-unreachable-timeout",
                    member = member,
                    address = addr.to_string(),
                    timeout = format_duration(*after)
                ),
                tr!("bench-unreachable-timeout-hint"),
            ),
            SampleError::Net(N::ConnectFailed { addr, detail }) => (
                Code::NetConnectFailed,
                tr!(
                    "bench-unreachable-failed",
                    member = member,
                    address = addr.to_string(),
                    detail = detail.as_str()
                ),
                tr!("bench-unreachable-failed-hint"),
            ),
            SampleError::Net(
                e @ (N::DnsFailed { .. } | N::DnsEmpty { .. } | N::DnsTimeout { .. }),
            ) => (
                Code::NetDnsFailed,
                tr!(
                    "bench-unreachable-dns",
                    member = member,
                    detail = e.to_string()
                ),
                tr!("bench-unreachable-dns-hint"),
            ),
            SampleError::Net(N::TlsTimeout { after }) => (
                Code::TlsHandshakeTimeout,
                tr!(
                    "bench-unreachable-tls-timeout",
                    member = member,
                    timeout = format_duration(*after)
                ),
                tr!("bench-unreachable-tls-hint"),
            ),
            other => (
                Code::TlsHandshakeFailed,
                tr!(
                    "bench-unreachable-tls",
                    member = member,
                    detail = other.to_string()
                ),
                tr!("bench-unreachable-tls-hint"),
            ),
        };
        NotMeasured {
            member: member.to_string(),
            code,
            message,
            hint,
        }
    }
}

/// Operations per second with N concurrent connections.
#[derive(Debug, Clone)]
pub struct Throughput {
    /// `host:port`.
    pub member: String,
    /// Plaintext or TLS.
    pub transport: Transport,
    /// Concurrent connections.
    pub concurrency: usize,
    /// `ping`s completed.
    pub operations: u64,
    /// Measurement window.
    pub duration: Duration,
    /// operations / second.
    pub ops_per_sec: f64,
}

/// Client CPU time per connection set-up.
#[derive(Debug, Clone)]
pub struct CpuCost {
    /// `host:port`.
    pub member: String,
    /// `plain` (TCP connect) or `tls` (TCP + full handshake).
    pub transport: Transport,
    /// Connections measured.
    pub connections: usize,
    /// Process CPU time (user + system) per connection, in milliseconds.
    pub cpu_ms_per_connection: f64,
    /// Wall time per connection, in milliseconds.
    pub wall_ms_per_connection: f64,
}

/// A statistical warning, with where it applies.
#[derive(Debug, Clone)]
pub struct BenchWarning {
    /// `host:port`.
    pub member: String,
    /// The metric.
    pub metric: Metric,
    /// The transport, for a warning about one series (none for a comparison).
    pub transport: Option<Transport>,
    /// The warning.
    pub warning: StatWarning,
}

impl BenchWarning {
    /// `connect_full/tls` for a series, `ping` for a comparison: what the warning is about.
    pub fn series(&self) -> String {
        match self.transport {
            Some(t) => format!("{}/{}", self.metric, t.as_str()),
            None => self.metric.to_string(),
        }
    }
}

/// Why one sample could not be taken.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SampleError {
    /// Connecting (TCP or TLS) failed.
    #[error(transparent)]
    Net(#[from] NetError),
    /// A command round trip failed.
    #[error(transparent)]
    Command(#[from] CommandError),
    /// Plaintext was refused on every warm-up run, so it was not asked again.
    #[error("{}", tr!("bench-error-refused-during-warmup"))]
    RefusedDuringWarmup,
    /// There is no plaintext connection to sample on.
    #[error("{}", tr!("bench-error-no-plaintext"))]
    NoPlaintext,
}

/// Everything measured.
#[derive(Debug, Clone, Default)]
pub struct BenchOutcome {
    /// Every series.
    pub series: Vec<Series>,
    /// Every comparison made.
    pub comparisons: Vec<ComparisonRow>,
    /// Comparisons that could not be made.
    pub missing: Vec<MissingComparison>,
    /// Members that could not be measured at all (unreachable, no TLS).
    pub not_measured: Vec<NotMeasured>,
    /// Throughput results.
    pub throughput: Vec<Throughput>,
    /// CPU cost of connection set-up.
    pub cpu: Vec<CpuCost>,
    /// Statistical warnings with advice.
    pub warnings: Vec<BenchWarning>,
    /// Facts (resumption not offered, errors met while sampling).
    pub notes: Vec<String>,
}

impl BenchOutcome {
    /// Adds one metric's two series of `member`: their summaries, the comparison (TLS minus
    /// plaintext, bootstrap CI with a fixed seed) when both have samples, and every
    /// statistical warning. Pure: the same samples always give the same outcome.
    pub fn record(
        &mut self,
        member: &str,
        metric: Metric,
        plain: &SampleStore,
        tls: &SampleStore,
        resumed: Option<usize>,
    ) {
        if let (false, false) = (plain.is_empty(), tls.is_empty()) {
            self.record_comparison(member, metric, plain, tls);
        }
        self.record_series(member, metric, Transport::Plain, plain, None);
        self.record_series(member, metric, Transport::Tls, tls, resumed);
    }

    /// TLS minus plaintext for one metric, and the warnings about that comparison.
    fn record_comparison(
        &mut self,
        member: &str,
        metric: Metric,
        plain: &SampleStore,
        tls: &SampleStore,
    ) {
        let Some(c) = compare(plain.samples(), tls.samples(), RESAMPLES, SEED) else {
            return;
        };
        let warnings = comparison_warnings(&metric.to_string(), &c);
        self.warn(member, metric, None, warnings);
        self.comparisons.push(ComparisonRow {
            member: member.to_string(),
            metric,
            overhead_ms: c.overhead_ms,
            ratio: c.ratio,
            ratio_ci95_low: c.ratio_ci95_low,
            ratio_ci95_high: c.ratio_ci95_high,
            relative_percent: c.relative_percent,
        });
    }

    /// One series' warnings, and the series itself when it has samples.
    fn record_series(
        &mut self,
        member: &str,
        metric: Metric,
        transport: Transport,
        samples: &SampleStore,
        resumed: Option<usize>,
    ) {
        // An empty series is not a statistical matter: why it is empty is in `missing`,
        // `not_measured` or the notes, once, instead of an "only 0 samples" per series.
        if !samples.is_empty() {
            let label = format!("{metric}/{}", transport.as_str());
            let warnings = series_warnings(&label, samples.samples());
            self.warn(member, metric, Some(transport), warnings);
        }
        if let Some(summary) = samples.summary() {
            self.series.push(Series {
                member: member.to_string(),
                metric,
                transport,
                samples_ms: samples.samples().to_vec(),
                summary,
                resumed,
            });
        }
    }

    fn warn(
        &mut self,
        member: &str,
        metric: Metric,
        transport: Option<Transport>,
        warnings: Vec<StatWarning>,
    ) {
        self.warnings
            .extend(warnings.into_iter().map(|warning| BenchWarning {
                member: member.to_string(),
                metric,
                transport,
                warning,
            }));
    }

    /// Adds a fact to the notes, once.
    fn note(&mut self, text: String) {
        if !self.notes.contains(&text) {
            self.notes.push(text);
        }
    }

    /// `bench.nothing_measured` when no comparison could be made, saying why: the members
    /// that could not be reached (with what to do about the first), else every note.
    pub fn findings(&self) -> Vec<Finding> {
        if !self.comparisons.is_empty() {
            return Vec::new();
        }
        let (why, hint) = match self.not_measured.first() {
            Some(first) => (
                self.not_measured
                    .iter()
                    .map(|n| n.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                first.hint.clone(),
            ),
            // TLS was measured, plaintext never: the reasons are the comparisons' own.
            None if !self.missing.is_empty() => {
                let mut reasons: Vec<&str> = Vec::new();
                for m in &self.missing {
                    if !reasons.contains(&m.reason.as_str()) {
                        reasons.push(&m.reason);
                    }
                }
                (reasons.join("; "), tr!("bench-nothing-compared-hint"))
            }
            None if self.notes.is_empty() => (
                tr!("bench-no-sample-succeeded"),
                tr!("bench-nothing-measured-hint"),
            ),
            None => (self.notes.join("; "), tr!("bench-nothing-measured-hint")),
        };
        vec![Finding::new(
            Code::BenchNothingMeasured,
            Severity::Fail,
            tr!("bench-nothing-measured", why = why),
            hint,
        )]
    }
}

/// Runs the whole benchmark. Members are measured one after the other (never concurrently,
/// so they do not disturb each other's numbers); the run stops at `max_time`.
pub async fn run_bench(s: &BenchSettings, progress: &(dyn Fn(&str) + Sync)) -> BenchOutcome {
    let deadline = Instant::now() + s.max_time;
    let mut out = BenchOutcome::default();
    let units = s.members.len().max(1) * (4 + s.payload_sizes.len())
        + usize::from(s.concurrency.is_some()) * s.members.len();
    let per_unit = s.max_time / u32::try_from(units.max(1)).unwrap_or(u32::MAX);
    for (member, plain) in s.members.iter().zip(&s.plain_endpoints) {
        progress(&tr!(
            "bench-progress-measuring",
            member = member.address.as_str()
        ));
        let mut m = MemberBench::new(member, plain, s, &mut out, per_unit, deadline);
        m.run().await;
    }
    out
}
