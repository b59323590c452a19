//! `mongotls bench`: how much latency TLS adds, per member, for connection set-up and for
//! round trips on a warm connection. Plaintext and TLS samples are interleaved (A B B A …) so
//! that drift hits both alike; statistics are pure functions in [`stats`].

pub mod stats;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bson::{doc, Document};
use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use crate::duration::as_ms;
use crate::findings::{Code, Finding, Severity};
use crate::net::{self, ClientIdentity, NetError, Target};
use crate::wire::hello::hello_command;
use crate::wire::io::{run_command_within, CommandError};
use stats::{
    compare, comparison_warnings, series_warnings, Overhead, SampleStore, StatWarning, Summary,
    DEFAULT_STORE_CAP,
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
    #[error("plaintext refused during warm-up")]
    RefusedDuringWarmup,
    /// There is no plaintext connection to sample on.
    #[error("plaintext refused")]
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
        let member = member.to_string();
        if let (false, false) = (plain.is_empty(), tls.is_empty()) {
            if let Some(c) = compare(plain.samples(), tls.samples(), RESAMPLES, SEED) {
                for w in comparison_warnings(&metric.to_string(), &c) {
                    self.warnings.push(BenchWarning {
                        member: member.clone(),
                        metric,
                        transport: None,
                        warning: w,
                    });
                }
                self.comparisons.push(ComparisonRow {
                    member: member.clone(),
                    metric,
                    overhead_ms: c.overhead_ms,
                    ratio: c.ratio,
                    ratio_ci95_low: c.ratio_ci95_low,
                    ratio_ci95_high: c.ratio_ci95_high,
                    relative_percent: c.relative_percent,
                });
            }
        }
        for (transport, samples) in [(Transport::Plain, plain), (Transport::Tls, tls)] {
            let label = format!("{metric}/{}", transport.as_str());
            for w in series_warnings(&label, samples.samples()) {
                self.warnings.push(BenchWarning {
                    member: member.clone(),
                    metric,
                    transport: Some(transport),
                    warning: w,
                });
            }
            if let Some(summary) = samples.summary() {
                self.series.push(Series {
                    member: member.clone(),
                    metric,
                    transport,
                    samples_ms: samples.samples().to_vec(),
                    summary,
                    resumed: if transport == Transport::Tls {
                        resumed
                    } else {
                        None
                    },
                });
            }
        }
    }

    /// `bench.nothing_measured` when no comparison could be made, with every note that says
    /// why.
    pub fn findings(&self) -> Vec<Finding> {
        if !self.comparisons.is_empty() {
            return Vec::new();
        }
        vec![Finding::new(
            Code::BenchNothingMeasured,
            Severity::Fail,
            format!(
                "nothing could be compared: {}",
                if self.notes.is_empty() {
                    "no sample succeeded".to_string()
                } else {
                    self.notes.join("; ")
                }
            ),
            "run `mongotls check` on the same URI to see why the members cannot be reached",
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
        progress(&format!("measuring {}", member.address));
        let mut m = MemberBench::new(member, plain, s, &mut out);
        m.run(per_unit, deadline).await;
    }
    out
}

struct MemberBench<'a> {
    member: &'a Target,
    plain: &'a Target,
    s: &'a BenchSettings,
    out: &'a mut BenchOutcome,
    tls_addr: Option<SocketAddr>,
    plain_addr: Option<SocketAddr>,
    server_name: ServerName<'static>,
}

/// One timed sample in milliseconds, or why it failed.
type Sample = Result<f64, SampleError>;

impl<'a> MemberBench<'a> {
    fn new(
        member: &'a Target,
        plain: &'a Target,
        s: &'a BenchSettings,
        out: &'a mut BenchOutcome,
    ) -> Self {
        let server_name = s.server_name.clone().unwrap_or_else(|| {
            crate::pki::verify::parse_host(&member.host)
                .unwrap_or_else(|_| ServerName::IpAddress(std::net::Ipv4Addr::LOCALHOST.into()))
        });
        MemberBench {
            member,
            plain,
            s,
            out,
            tls_addr: None,
            plain_addr: None,
            server_name,
        }
    }

    fn note(&mut self, text: String) {
        if !self.out.notes.contains(&text) {
            self.out.notes.push(text);
        }
    }

    async fn run(&mut self, per_unit: Duration, deadline: Instant) {
        self.tls_addr = self.resolve(self.member).await;
        self.plain_addr = self.resolve(self.plain).await;
        let (Some(tls_addr), Some(plain_addr)) = (self.tls_addr, self.plain_addr) else {
            return;
        };
        // One configuration without resumption (every handshake full), one with a session cache.
        let configs = net::tls::client_config_with(self.s.identity.as_deref(), false).and_then(
            |(full, _)| {
                net::tls::client_config_with(self.s.identity.as_deref(), true)
                    .map(|(resuming, _)| (full, resuming))
            },
        );
        let (full, resuming) = match configs {
            Ok(c) => c,
            Err(e) => {
                self.note(format!(
                    "{}: TLS client configuration failed: {e}",
                    self.member.address
                ));
                return;
            }
        };
        let t = self.s.timeout;
        let name = self.server_name.clone();
        let max = self.s.max_message_bytes;

        // 1. TCP + full TLS handshake vs TCP, with the client CPU time of each sample.
        let cpu_plain = std::sync::atomic::AtomicU64::new(0);
        let cpu_tls = std::sync::atomic::AtomicU64::new(0);
        let (plain, tls, _) = self
            .interleave(
                per_unit,
                deadline,
                || with_cpu(&cpu_plain, tcp_only(plain_addr, t)),
                || with_cpu(&cpu_tls, tls_only(tls_addr, full.clone(), name.clone(), t)),
            )
            .await;
        let load = |a: &std::sync::atomic::AtomicU64| {
            Duration::from_nanos(a.load(std::sync::atomic::Ordering::Relaxed))
        };
        self.cpu_costs(&plain, &tls, load(&cpu_plain), load(&cpu_tls));
        self.record(Metric::ConnectFull, plain, tls, None);

        // 2. Resumed handshakes: prime the session cache first.
        let _ = tls_resumed(tls_addr, resuming.clone(), name.clone(), t, max).await;
        // Every TLS sample pushes whether it resumed; warm-up runs are dropped from the front.
        let resumed_flags = std::sync::Mutex::new(Vec::<bool>::new());
        let (plain, tls, _) = self
            .interleave(
                per_unit,
                deadline,
                || tcp_only(plain_addr, t),
                || async {
                    let r = tls_resumed(tls_addr, resuming.clone(), name.clone(), t, max).await;
                    r.map(|(ms, resumed)| {
                        if let Ok(mut flags) = resumed_flags.lock() {
                            flags.push(resumed);
                        }
                        ms
                    })
                },
            )
            .await;
        let resumed = resumed_flags
            .lock()
            .map(|flags| {
                let recorded = flags.len().saturating_sub(tls.len());
                flags[recorded..].iter().filter(|r| **r).count()
            })
            .unwrap_or(0);
        if !tls.is_empty() && resumed == 0 {
            self.note(format!(
                "{}: the server did not resume any TLS session (no session tickets / PSK): connect_resumed shows full handshakes",
                self.member.address
            ));
        }
        self.record(Metric::ConnectResumed, plain, tls, Some(resumed));

        // 3. Time to a usable connection: + hello.
        let (plain, tls, plain_error) = self
            .interleave(
                per_unit,
                deadline,
                || plain_hello(plain_addr, t, max),
                || tls_hello(tls_addr, full.clone(), name.clone(), t, max),
            )
            .await;
        if plain.is_empty() {
            self.plaintext_missing(Metric::ConnectHello, plain_error.map(|e| e.to_string()));
        }
        self.record(Metric::ConnectHello, plain, tls, None);

        // 4. Warm connections: ping, then payloads.
        self.warm(per_unit, deadline, plain_addr, tls_addr, &full)
            .await;

        // 5. Throughput.
        if let Some(n) = self.s.concurrency {
            self.throughput(n, per_unit, deadline, plain_addr, tls_addr, &full)
                .await;
        }
    }

    async fn resolve(&mut self, t: &Target) -> Option<SocketAddr> {
        match net::resolve(&t.host, t.port, self.s.timeout).await {
            Ok(r) => r.addresses.first().copied(),
            Err(e) => {
                self.note(format!("{}: {e}", t.address));
                None
            }
        }
    }

    /// Runs warm-up pairs, then sample pairs in A B B A order until `samples` pairs or the
    /// unit's time budget (or the run's deadline) is spent. Returns both series and the last
    /// plaintext error, if plaintext never worked.
    async fn interleave<P, PF, T, TF>(
        &mut self,
        budget: Duration,
        deadline: Instant,
        mut plain: P,
        mut tls: T,
    ) -> (SampleStore, SampleStore, Option<SampleError>)
    where
        P: FnMut() -> PF,
        PF: std::future::Future<Output = Sample>,
        T: FnMut() -> TF,
        TF: std::future::Future<Output = Sample>,
    {
        let unit_end = (Instant::now() + budget).min(deadline);
        let mut plain_ok = true;
        for _ in 0..self.s.warmup {
            if Instant::now() >= unit_end {
                break;
            }
            plain_ok &= plain().await.is_ok();
            let _ = tls().await;
        }
        // Bounded memory: at most DEFAULT_STORE_CAP samples are kept per series.
        let mut ps = SampleStore::new(DEFAULT_STORE_CAP, SEED);
        let mut ts = SampleStore::new(DEFAULT_STORE_CAP, SEED ^ 1);
        let mut plain_error = None;
        let mut tls_error = None;
        let mut i = 0usize;
        while i < self.s.samples && Instant::now() < unit_end {
            let order_plain_first = i % 4 == 0 || i % 4 == 3;
            for step in 0..2 {
                let do_plain = (step == 0) == order_plain_first;
                if do_plain {
                    if !plain_ok {
                        continue;
                    }
                    match plain().await {
                        Ok(v) => ps.push(v),
                        Err(e) => {
                            plain_error = Some(e);
                            // A refused plaintext endpoint refuses every time: stop asking.
                            if ps.is_empty() {
                                plain_ok = false;
                            }
                        }
                    }
                } else {
                    match tls().await {
                        Ok(v) => ts.push(v),
                        Err(e) => tls_error = Some(e),
                    }
                }
            }
            i += 1;
        }
        if let Some(e) = tls_error {
            self.note(format!(
                "{}: some TLS samples failed: {e}",
                self.member.address
            ));
        }
        if ps.is_empty() && plain_error.is_none() && !plain_ok {
            plain_error = Some(SampleError::RefusedDuringWarmup);
        }
        let plain_error = if ps.is_empty() { plain_error } else { None };
        (ps, ts, plain_error)
    }

    fn plaintext_missing(&mut self, metric: Metric, error: Option<String>) {
        let reason = format!(
            "plaintext refused by {} ({}): the server forces TLS, so there is nothing to compare with; pass --plain-uri for a separate plaintext endpoint",
            self.plain.address,
            error.unwrap_or_else(|| "no answer".into())
        );
        self.out.missing.push(MissingComparison {
            member: self.member.address.clone(),
            metric,
            reason,
        });
    }

    fn record(
        &mut self,
        metric: Metric,
        plain: SampleStore,
        tls: SampleStore,
        resumed: Option<usize>,
    ) {
        let member = self.member.address.clone();
        self.out.record(&member, metric, &plain, &tls, resumed);
    }

    fn cpu_costs(
        &mut self,
        plain: &SampleStore,
        tls: &SampleStore,
        cpu_plain: Duration,
        cpu_tls: Duration,
    ) {
        if cpu_time().is_none() {
            self.note("process CPU time is not available on this platform".into());
            return;
        }
        let member = self.member.address.clone();
        for (transport, samples, cpu) in [
            (Transport::Plain, plain, cpu_plain),
            (Transport::Tls, tls, cpu_tls),
        ] {
            if samples.is_empty() {
                continue;
            }
            let running = samples.running();
            self.out.cpu.push(CpuCost {
                member: member.clone(),
                transport,
                connections: running.count,
                cpu_ms_per_connection: as_ms(cpu) / running.count.max(1) as f64,
                wall_ms_per_connection: running.mean_ms,
            });
        }
    }

    async fn warm(
        &mut self,
        per_unit: Duration,
        deadline: Instant,
        plain_addr: SocketAddr,
        tls_addr: SocketAddr,
        full: &Arc<rustls::ClientConfig>,
    ) {
        let t = self.s.timeout;
        let max = self.s.max_message_bytes;
        let tls_conn =
            match connect_tls(tls_addr, full.clone(), self.server_name.clone(), t, max).await {
                Ok(c) => c,
                Err(e) => {
                    self.note(format!(
                        "{}: no warm TLS connection: {e}",
                        self.member.address
                    ));
                    return;
                }
            };
        let plain_conn = match connect_plain_mongo(plain_addr, t, max).await {
            Ok(c) => Some(c),
            Err(e) => {
                let why = e.to_string();
                self.plaintext_missing(Metric::Ping, Some(why.clone()));
                for &size in &self.s.payload_sizes {
                    self.plaintext_missing(Metric::Payload(size), Some(why.clone()));
                }
                None
            }
        };
        let tls_conn = tokio::sync::Mutex::new(tls_conn);
        let plain_conn = plain_conn.map(tokio::sync::Mutex::new);
        let request_id = std::sync::atomic::AtomicI32::new(10);
        let mut metrics: Vec<(Metric, Document)> = vec![(Metric::Ping, ping_doc(0))];
        for &size in &self.s.payload_sizes {
            metrics.push((Metric::Payload(size), ping_doc(size)));
        }
        for (metric, command) in metrics {
            let (plain, tls, _) = match &plain_conn {
                Some(p) => {
                    self.interleave(
                        per_unit,
                        deadline,
                        || run_on(p, &request_id, &command, t, max),
                        || run_on(&tls_conn, &request_id, &command, t, max),
                    )
                    .await
                }
                None => {
                    self.interleave(
                        per_unit,
                        deadline,
                        || async { Err::<f64, SampleError>(SampleError::NoPlaintext) },
                        || run_on(&tls_conn, &request_id, &command, t, max),
                    )
                    .await
                }
            };
            self.record(metric, plain, tls, None);
        }
    }

    async fn throughput(
        &mut self,
        n: usize,
        per_unit: Duration,
        deadline: Instant,
        plain_addr: SocketAddr,
        tls_addr: SocketAddr,
        full: &Arc<rustls::ClientConfig>,
    ) {
        let t = self.s.timeout;
        let max = self.s.max_message_bytes;
        let window = (per_unit / 2).min(Duration::from_secs(5));
        for transport in [Transport::Plain, Transport::Tls] {
            if Instant::now() + window > deadline {
                self.note(format!(
                    "{}: throughput skipped: --max-time reached",
                    self.member.address
                ));
                return;
            }
            let mut conns: Vec<Box<dyn Stream>> = Vec::new();
            for _ in 0..n {
                let c = match transport {
                    Transport::Plain => connect_plain_mongo(plain_addr, t, max).await,
                    Transport::Tls => {
                        connect_tls(tls_addr, full.clone(), self.server_name.clone(), t, max).await
                    }
                };
                match c {
                    Ok(c) => conns.push(c),
                    Err(e) => {
                        self.out.missing.push(MissingComparison {
                            member: self.member.address.clone(),
                            metric: Metric::Throughput(n),
                            reason: format!("could not open {n} {transport:?} connections: {e}"),
                        });
                        break;
                    }
                }
            }
            if conns.len() < n {
                continue;
            }
            let start = Instant::now();
            let end = start + window;
            let mut set = tokio::task::JoinSet::new();
            for mut c in conns {
                set.spawn(async move {
                    let mut ops = 0u64;
                    let mut id = 100;
                    while Instant::now() < end {
                        id += 1;
                        if timed_command(&mut *c, id, &ping_doc(0), t, max)
                            .await
                            .is_err()
                        {
                            break;
                        }
                        ops += 1;
                    }
                    ops
                });
            }
            let mut operations = 0;
            while let Some(r) = set.join_next().await {
                operations += r.unwrap_or(0);
            }
            let elapsed = start.elapsed();
            self.out.throughput.push(Throughput {
                member: self.member.address.clone(),
                transport,
                concurrency: n,
                operations,
                duration: elapsed,
                ops_per_sec: operations as f64 / elapsed.as_secs_f64().max(1e-9),
            });
        }
    }
}

/// One timed command on a shared warm connection.
async fn run_on(
    conn: &tokio::sync::Mutex<Box<dyn Stream>>,
    request_id: &std::sync::atomic::AtomicI32,
    command: &Document,
    t: Duration,
    max: usize,
) -> Sample {
    let id = request_id.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut c = conn.lock().await;
    timed_command(&mut **c, id, command, t, max).await
}

/// A MongoDB connection, plaintext or TLS.
trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<S: AsyncRead + AsyncWrite + Unpin + Send> Stream for S {}

fn ping_doc(payload: usize) -> Document {
    if payload == 0 {
        doc! { "ping": 1, "$db": "admin" }
    } else {
        // `comment` is accepted by every command since MongoDB 4.4 and is not stored: the
        // bytes cross the network and nothing is written.
        doc! { "ping": 1, "comment": "x".repeat(payload), "$db": "admin" }
    }
}

async fn tcp(addr: SocketAddr, t: Duration) -> Result<TcpStream, SampleError> {
    Ok(net::connect_tcp(&[addr], t).await.map(|c| c.stream)?)
}

async fn tcp_only(addr: SocketAddr, t: Duration) -> Sample {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let elapsed = start.elapsed();
    drop(s);
    Ok(as_ms(elapsed))
}

/// One `connect_full` TLS sample: TCP connect + full TLS handshake, in milliseconds. Public so
/// that `benches/overhead.rs` can measure what this measurement itself adds.
pub async fn tls_only(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
) -> Sample {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let (stream, _) = net::tls_connect(config, s, name, t).await?;
    let elapsed = start.elapsed();
    drop(stream);
    Ok(as_ms(elapsed))
}

/// TCP + TLS (resumed when the cache has a ticket); then one hello, untimed, so that the
/// server's new session tickets arrive for the next connection.
async fn tls_resumed(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
    max: usize,
) -> Result<(f64, bool), SampleError> {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let (mut stream, info) = net::tls_connect(config, s, name, t).await?;
    let elapsed = start.elapsed();
    let _ = timed_command(&mut stream, 1, &hello_command(None, false), t, max).await;
    Ok((as_ms(elapsed), info.resumed))
}

async fn plain_hello(addr: SocketAddr, t: Duration, max: usize) -> Sample {
    let start = Instant::now();
    let mut s = tcp(addr, t).await?;
    handshake(&mut s, t, max).await?;
    Ok(as_ms(start.elapsed()))
}

async fn tls_hello(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
    max: usize,
) -> Sample {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let (mut stream, _) = net::tls_connect(config, s, name, t).await?;
    handshake(&mut stream, t, max).await?;
    Ok(as_ms(start.elapsed()))
}

/// The driver's opening `isMaster` over OP_QUERY.
async fn handshake<S: AsyncRead + AsyncWrite + Unpin + ?Sized>(
    s: &mut S,
    t: Duration,
    max: usize,
) -> Result<(), SampleError> {
    run_command_within(s, 1, &hello_command(None, true), true, max, t).await?;
    Ok(())
}

async fn connect_tls(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
    max: usize,
) -> Result<Box<dyn Stream>, SampleError> {
    let s = tcp(addr, t).await?;
    let (mut stream, _) = net::tls_connect(config, s, name, t).await?;
    handshake(&mut stream, t, max).await?;
    Ok(Box::new(stream))
}

async fn connect_plain_mongo(
    addr: SocketAddr,
    t: Duration,
    max: usize,
) -> Result<Box<dyn Stream>, SampleError> {
    let mut s = tcp(addr, t).await?;
    handshake(&mut s, t, max).await?;
    Ok(Box::new(s))
}

async fn timed_command<S: AsyncRead + AsyncWrite + Unpin + ?Sized>(
    s: &mut S,
    id: i32,
    command: &Document,
    t: Duration,
    max: usize,
) -> Sample {
    let start = Instant::now();
    run_command_within(s, id, command, false, max, t).await?;
    Ok(as_ms(start.elapsed()))
}

/// Runs a sample and adds the process CPU time it used to `acc` (nanoseconds). Samples run
/// one at a time, so the process's CPU time during a sample is the sample's (the runtime's
/// idle workers use next to nothing).
async fn with_cpu<F: std::future::Future<Output = Sample>>(
    acc: &std::sync::atomic::AtomicU64,
    sample: F,
) -> Sample {
    let before = cpu_time();
    let result = sample.await;
    if let (Some(a), Some(b)) = (before, cpu_time()) {
        let used = u64::try_from(b.saturating_sub(a).as_nanos()).unwrap_or(u64::MAX);
        acc.fetch_add(used, std::sync::atomic::Ordering::Relaxed);
    }
    result
}

/// Process CPU time (user + system) so far.
#[cfg(unix)]
fn cpu_time() -> Option<Duration> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a complete rusage into the pointer on success (return 0);
    // we read it only then.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: rc == 0, so the struct was initialised.
    let usage = unsafe { usage.assume_init() };
    let tv = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    Some(tv(usage.ru_utime) + tv(usage.ru_stime))
}

#[cfg(not(unix))]
fn cpu_time() -> Option<Duration> {
    None
}
