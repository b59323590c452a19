//! One member's measurement: plaintext and TLS samples interleaved A B B A for each metric —
//! connection set-up (full handshakes with their CPU cost, resumed handshakes, to a usable
//! connection), round trips on warm connections, then throughput — and what is recorded.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;

use super::samplers::{cpu_time, ping_doc, run_on, tls_only, with_cpu, Dialer, Sample, Stream};
use super::stats::{SampleStore, DEFAULT_STORE_CAP};
use super::{
    throughput, BenchOutcome, BenchSettings, CpuCost, Metric, MissingComparison, NotMeasured,
    SampleError, Transport, SEED,
};
use crate::duration::as_ms;
use crate::net::{self, Target};
use crate::tr;
use crate::wire::io::CommandError;

/// One member's run, within its time budget.
pub(super) struct MemberBench<'a> {
    member: &'a Target,
    plain: &'a Target,
    s: &'a BenchSettings,
    out: &'a mut BenchOutcome,
    /// Time allowed to each metric (its warm-up and samples).
    per_unit: Duration,
    /// End of the whole run.
    deadline: Instant,
    /// Why no plaintext sample can be taken at all (the `--plain-uri` endpoint cannot be
    /// reached): plaintext is then not asked again, and every comparison says this.
    plain_down: Option<String>,
}

impl<'a> MemberBench<'a> {
    pub(super) fn new(
        member: &'a Target,
        plain: &'a Target,
        s: &'a BenchSettings,
        out: &'a mut BenchOutcome,
        per_unit: Duration,
        deadline: Instant,
    ) -> Self {
        MemberBench {
            member,
            plain,
            s,
            out,
            per_unit,
            deadline,
            plain_down: None,
        }
    }

    /// Every metric, one after the other.
    pub(super) async fn run(&mut self) {
        let Some(dialer) = self.prepare().await else {
            return;
        };
        if !self.preflight(&dialer).await {
            return;
        }
        self.full_handshakes(&dialer).await;
        self.resumed_handshakes(&dialer).await;
        self.connect_hello(&dialer).await;
        self.warm(&dialer).await;
        if let Some(n) = self.s.concurrency {
            let member = &self.member.address;
            throughput::measure(self.out, member, n, self.per_unit, self.deadline, &dialer).await;
        }
    }

    /// Resolves both endpoints and builds the dialer with its two TLS configurations: one
    /// without resumption (every handshake full), one with a session cache. `None`, with a
    /// note, when any of it fails.
    async fn prepare(&mut self) -> Option<Dialer> {
        let tls_addr = self.resolve(self.member).await;
        let plain_addr = self.resolve(self.plain).await;
        let (Some(tls), Some(plain)) = (tls_addr, plain_addr) else {
            return None;
        };
        let identity = self.s.identity.as_deref();
        let configs = net::tls::client_config_with(identity, false).and_then(|(full, _)| {
            net::tls::client_config_with(identity, true).map(|(resuming, _)| (full, resuming))
        });
        let (full, resuming) = match configs {
            Ok(c) => c,
            Err(e) => {
                self.out.note(tr!(
                    "bench-note-tls-config-failed",
                    member = self.member.address.as_str(),
                    error = e.to_string()
                ));
                return None;
            }
        };
        let dialer = Dialer {
            plain,
            tls,
            full,
            resuming,
            name: self.server_name(),
            timeout: self.s.timeout,
            max: self.s.max_message_bytes,
        };
        Some(dialer)
    }

    /// `--server-name`, else the member's host (an IP address or a DNS name).
    fn server_name(&self) -> ServerName<'static> {
        self.s.server_name.clone().unwrap_or_else(|| {
            crate::pki::verify::parse_host(&self.member.host)
                .unwrap_or_else(|_| ServerName::IpAddress(std::net::Ipv4Addr::LOCALHOST.into()))
        })
    }

    async fn resolve(&mut self, t: &Target) -> Option<SocketAddr> {
        match net::resolve(&t.host, t.port, self.s.timeout).await {
            Ok(r) => r.addresses.first().copied(),
            Err(e) => {
                let member = &self.member.address;
                self.out
                    .not_measured
                    .push(NotMeasured::from_error(member, &SampleError::Net(e)));
                None
            }
        }
    }

    /// One TLS connection before anything is measured: a member that cannot be reached (or
    /// does not complete a handshake) is reported once, with the cause, instead of as empty
    /// series. A separate plaintext endpoint that cannot be reached is noted the same way,
    /// and plaintext is then not asked again. Returns whether the member can be measured.
    async fn preflight(&mut self, d: &Dialer) -> bool {
        let first = tls_only(d.tls, d.full.clone(), d.name.clone(), d.timeout).await;
        if let Err(e) = first {
            let member = &self.member.address;
            self.out
                .not_measured
                .push(NotMeasured::from_error(member, &e));
            return false;
        }
        if d.plain != d.tls {
            if let Err(e) = d.tcp_only().await {
                self.plain_down = Some(self.missing_reason(Some(&e)));
            }
        }
        true
    }

    /// `connect_full`: TCP + full TLS handshake vs TCP, with the client CPU time of each
    /// sample.
    async fn full_handshakes(&mut self, d: &Dialer) {
        let cpu_plain = AtomicU64::new(0);
        let cpu_tls = AtomicU64::new(0);
        let (plain, tls, plain_error) = self
            .interleave(
                || with_cpu(&cpu_plain, d.tcp_only()),
                || {
                    // The public sample function: `benches/overhead.rs` measures this one.
                    let sample = tls_only(d.tls, d.full.clone(), d.name.clone(), d.timeout);
                    with_cpu(&cpu_tls, sample)
                },
            )
            .await;
        let load = |a: &AtomicU64| Duration::from_nanos(a.load(Ordering::Relaxed));
        self.cpu_costs(&plain, &tls, load(&cpu_plain), load(&cpu_tls));
        let why = self.missing_reason(plain_error.as_ref());
        self.record(Metric::ConnectFull, plain, tls, None, why);
    }

    /// `connect_resumed`: TCP + resumed TLS handshake vs TCP, and how many handshakes
    /// actually resumed.
    async fn resumed_handshakes(&mut self, d: &Dialer) {
        // Prime the session cache first.
        let _ = d.tls_resumed().await;
        // Every TLS sample pushes whether it resumed; warm-up runs are dropped from the front.
        let resumed_flags = Mutex::new(Vec::<bool>::new());
        let (plain, tls, plain_error) = self
            .interleave(
                || d.tcp_only(),
                || async {
                    d.tls_resumed().await.map(|(ms, resumed)| {
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
            self.out.note(tr!(
                "bench-note-no-resumption",
                member = self.member.address.as_str()
            ));
        }
        let why = self.missing_reason(plain_error.as_ref());
        self.record(Metric::ConnectResumed, plain, tls, Some(resumed), why);
    }

    /// `connect_hello`: time to a usable connection, connect (+ TLS) + `hello`.
    async fn connect_hello(&mut self, d: &Dialer) {
        let (plain, tls, plain_error) = self.interleave(|| d.plain_hello(), || d.tls_hello()).await;
        let why = self.missing_reason(plain_error.as_ref());
        self.record(Metric::ConnectHello, plain, tls, None, why);
    }

    /// `ping`, then each payload size, on one warm connection of each transport.
    async fn warm(&mut self, d: &Dialer) {
        let Some((tls_conn, plain_conn)) = self.open_warm(d).await else {
            return;
        };
        // Why plaintext has no warm connection, for every round-trip comparison.
        let plain_why = match &plain_conn {
            Ok(_) => None,
            Err(e) => Some(self.missing_reason(Some(e))),
        };
        let plain_conn = plain_conn.ok();
        let (t, max) = (d.timeout, d.max);
        let tls_conn = tokio::sync::Mutex::new(tls_conn);
        let plain_conn = plain_conn.map(tokio::sync::Mutex::new);
        let request_id = AtomicI32::new(10);
        let mut metrics = vec![(Metric::Ping, ping_doc(0))];
        for &size in &self.s.payload_sizes {
            metrics.push((Metric::Payload(size), ping_doc(size)));
        }
        for (metric, command) in metrics {
            let (plain, tls, plain_error) = self
                .interleave(
                    || async {
                        match &plain_conn {
                            Some(p) => run_on(p, &request_id, &command, t, max).await,
                            None => Err(SampleError::NoPlaintext),
                        }
                    },
                    || run_on(&tls_conn, &request_id, &command, t, max),
                )
                .await;
            let why = match &plain_why {
                Some(why) => why.clone(),
                None => self.missing_reason(plain_error.as_ref()),
            };
            self.record(metric, plain, tls, None, why);
        }
    }

    /// The warm TLS connection (`None`, with a note, when it cannot be opened) and the warm
    /// plaintext one, or why there is none (every round-trip comparison is then missing).
    async fn open_warm(
        &mut self,
        d: &Dialer,
    ) -> Option<(Box<dyn Stream>, Result<Box<dyn Stream>, SampleError>)> {
        let tls_conn = match d.open(Transport::Tls).await {
            Ok(c) => c,
            Err(e) => {
                self.out.note(tr!(
                    "bench-note-no-warm-tls",
                    member = self.member.address.as_str(),
                    error = e.to_string()
                ));
                return None;
            }
        };
        let plain_conn = match &self.plain_down {
            Some(_) => Err(SampleError::NoPlaintext),
            None => d.open(Transport::Plain).await,
        };
        Some((tls_conn, plain_conn))
    }

    /// Runs warm-up pairs, then sample pairs in A B B A order until `samples` pairs or the
    /// unit's time budget (or the run's deadline) is spent. Returns both series and the last
    /// plaintext error, if plaintext never worked.
    async fn interleave<P, PF, T, TF>(
        &mut self,
        mut plain: P,
        mut tls: T,
    ) -> (SampleStore, SampleStore, Option<SampleError>)
    where
        P: FnMut() -> PF,
        PF: std::future::Future<Output = Sample>,
        T: FnMut() -> TF,
        TF: std::future::Future<Output = Sample>,
    {
        let unit_end = (Instant::now() + self.per_unit).min(self.deadline);
        let plain_up = self.plain_down.is_none();
        let warm_up_error = warm_up(self.s.warmup, unit_end, plain_up, &mut plain, &mut tls).await;
        let mut series = Interleaved::new(plain_up, warm_up_error);
        let mut i = 0usize;
        while i < self.s.samples && Instant::now() < unit_end {
            let order_plain_first = i.is_multiple_of(4) || i % 4 == 3;
            for step in 0..2 {
                let do_plain = (step == 0) == order_plain_first;
                if !do_plain {
                    series.take_tls(tls().await);
                } else if series.plain_ok {
                    series.take_plain(plain().await);
                }
            }
            i += 1;
        }
        if let Some(e) = &series.tls_error {
            self.out.note(tr!(
                "bench-note-tls-samples-failed",
                member = self.member.address.as_str(),
                error = e.to_string()
            ));
        }
        series.finish()
    }

    /// Why a metric has no plaintext sample, from the last plaintext error: an endpoint
    /// that cannot be reached, one that does not answer, or one that refuses plaintext (the
    /// server forces TLS: `--plain-uri` gives a separate endpoint).
    fn missing_reason(&self, error: Option<&SampleError>) -> String {
        use crate::net::NetError as N;
        if let Some(why) = &self.plain_down {
            return why.clone();
        }
        let address = self.plain.address.as_str();
        match error {
            Some(SampleError::Net(
                e @ (N::ConnectRefused { .. }
                | N::ConnectTimeout { .. }
                | N::ConnectFailed { .. }
                | N::DnsFailed { .. }
                | N::DnsEmpty { .. }
                | N::DnsTimeout { .. }),
            )) => tr!(
                "bench-missing-plain-unreachable",
                address = address,
                error = e.to_string()
            ),
            Some(e @ SampleError::Command(CommandError::Timeout(_))) => tr!(
                "bench-missing-plain-no-answer",
                address = address,
                error = e.to_string()
            ),
            Some(e) => tr!(
                "bench-missing-plain-refused",
                address = address,
                error = e.to_string()
            ),
            None => tr!(
                "bench-missing-plain-refused",
                address = address,
                error = tr!("bench-no-answer")
            ),
        }
    }

    /// Records one metric; when plaintext has no sample but TLS has, the comparison is
    /// missing for `plain_why`.
    fn record(
        &mut self,
        metric: Metric,
        plain: SampleStore,
        tls: SampleStore,
        resumed: Option<usize>,
        plain_why: String,
    ) {
        let member = self.member.address.clone();
        if plain.is_empty() && !tls.is_empty() {
            self.out.missing.push(MissingComparison {
                member: member.clone(),
                metric,
                reason: plain_why,
            });
        }
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
            self.out.note(tr!("bench-note-no-cpu-time"));
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
}

/// Unrecorded pairs, `runs` of them or until `unit_end` (plaintext left out when `plain_up` is
/// false). Returns the last plaintext error, if plaintext failed.
async fn warm_up<P, PF, T, TF>(
    runs: usize,
    unit_end: Instant,
    plain_up: bool,
    plain: &mut P,
    tls: &mut T,
) -> Option<SampleError>
where
    P: FnMut() -> PF,
    PF: std::future::Future<Output = Sample>,
    T: FnMut() -> TF,
    TF: std::future::Future<Output = Sample>,
{
    let mut plain_error = None;
    for _ in 0..runs {
        if Instant::now() >= unit_end {
            break;
        }
        if plain_up {
            if let Err(e) = plain().await {
                plain_error = Some(e);
            }
        }
        let _ = tls().await;
    }
    plain_error
}

/// Both series of one metric while they are taken, and what went wrong.
struct Interleaved {
    plain: SampleStore,
    tls: SampleStore,
    /// False once plaintext failed in warm-up or before its first sample: a refused
    /// plaintext endpoint refuses every time, so it is not asked again.
    plain_ok: bool,
    plain_error: Option<SampleError>,
    tls_error: Option<SampleError>,
}

impl Interleaved {
    /// `plain_up`: plaintext may be asked at all; `warm_up_error`: it failed in warm-up, so
    /// it is not asked again.
    fn new(plain_up: bool, warm_up_error: Option<SampleError>) -> Self {
        // Bounded memory: at most DEFAULT_STORE_CAP samples are kept per series.
        Interleaved {
            plain: SampleStore::new(DEFAULT_STORE_CAP, SEED),
            tls: SampleStore::new(DEFAULT_STORE_CAP, SEED ^ 1),
            plain_ok: plain_up && warm_up_error.is_none(),
            plain_error: warm_up_error,
            tls_error: None,
        }
    }

    fn take_plain(&mut self, sample: Sample) {
        match sample {
            Ok(v) => self.plain.push(v),
            Err(e) => {
                self.plain_error = Some(e);
                if self.plain.is_empty() {
                    self.plain_ok = false;
                }
            }
        }
    }

    fn take_tls(&mut self, sample: Sample) {
        match sample {
            Ok(v) => self.tls.push(v),
            Err(e) => self.tls_error = Some(e),
        }
    }

    /// Both series, and why plaintext has no sample (`None` when it has).
    fn finish(self) -> (SampleStore, SampleStore, Option<SampleError>) {
        let plain_error = match self.plain.is_empty() {
            false => None,
            true => self.plain_error,
        };
        (self.plain, self.tls, plain_error)
    }
}
