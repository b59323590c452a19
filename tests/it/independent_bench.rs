//! Acceptance: `mongotls bench` against an independent server that adds a known delay to each
//! TLS handshake.
//!
//! The server is MockupDB (PyPI `mockupdb`, MongoDB's driver team), run by
//! `tests/peers/mock_replset.py` with Python's `ssl` (OpenSSL) for TLS, as in
//! `tests/it/independent_server.rs`; nothing of it is shared with mongotls' Rust code. Each member
//! serves plaintext and TLS on one port (`tls_and_plain`, told apart by the first bytes), and with
//! `tls_handshake_delay_ms` = d it sleeps d once a ClientHello has arrived, before its side of the
//! handshake starts. Plaintext connections, and commands on an established connection, are not
//! delayed. The certificates (RSA root → P-256 intermediate → `localhost`) are made with the
//! `openssl` CLI.
//!
//! One mock process serves three members: M0 without delay, M1 with D = 200 ms, M2 with
//! d0 = 20 ms. Each run is `mongotls bench mongodb://localhost:P/?tls=true --samples 30 --warmup 3
//! --max-time 60s --format json` on one member, one run at a time, in this order: M0, M2, M1, M2,
//! M0; then M0 bounded (`--samples 100000 --max-time 3s --timeout 5s`).
//!
//! # What is asserted, and why it is honest
//!
//! bench's `connect_full` overhead is median(TCP + full TLS handshake) − median(TCP connect).
//! Against M1 that is D + h, where h is what the handshake itself costs (OpenSSL in Python plus
//! rustls: a few ms on loopback). h is not ours to choose, so D is large against it, and h is
//! measured by the same tool on the other members:
//!
//! 1. **The reported overhead matches D within 10 %**: |overhead(M1) − D| ≤ 0.10·D, for
//!    `connect_full`, and also `connect_resumed` and `connect_hello` (the delay comes before
//!    every handshake, resumed or not, and before the first command; `connect_hello` relies on
//!    the mock setting TCP_NODELAY as mongod does, without which the first reply on a TLS
//!    connection waits ~40 ms for a delayed ACK behind the session tickets).
//! 2. **The part due to the delay matches it within 10 %**, with h removed rather than hidden in
//!    the tolerance: |overhead(M1) − overhead(M0) − D| ≤ 0.10·D for both M0 runs, and
//!    |overhead(M1) − overhead(M2) − (D − d0)| ≤ 0.10·(D − d0) for both M2 runs.
//! 3. **The 95 % CI contains the injected delay once h is accounted for**: M1's CI estimates
//!    D + h, so it must meet D + [h_lo, h_hi], where [h_lo, h_hi] is the union of the two M2 runs'
//!    CIs minus d0 (one run before M1 and one after, so a drift during M1 stays inside), to within
//!    ε = 2 ms (1 % of D, a tenth of the acceptance tolerance); and its upper end must be ≥ D,
//!    with no allowance (the server sleeps at least D, so an interval entirely below D is wrong
//!    whatever h is).
//!
//!    Why M2 and not M0: a handshake that starts on an idle machine costs more than one that
//!    follows the previous one at once (CPU idle states and cold caches). An independent Python
//!    `ssl` client sees it too: h ≈ 2.2–2.7 ms back to back, ≈ 4.4–5.2 ms after a server-side
//!    sleep of 5, 20 or 200 ms. M0's handshakes run back to back, so M0's h is not the h inside
//!    M1's overhead: against M0's CIs the check failed with no fault in mongotls (M1's CI − D =
//!    [6.19, 8.95] ms, M0's CIs [2.56, 3.11] and [3.71, 5.92] ms). M2's handshakes, like M1's,
//!    each follow an idle wait, so M2's overhead − d0 estimates nearly the same h. Nearly: the
//!    longer the wait, the colder the start, and from one run to the next h moves by more than
//!    these CIs are wide (0.3–0.6 ms on a quiet machine). The Python client measured h(200 ms) −
//!    h(20 ms) = −0.21, +1.16, +0.07 and +0.30 ms in four runs of 30; mongotls' intervals were
//!    0.06 ms apart once in twelve runs without ε. ε covers that, and is small against the
//!    10 % tolerance and against h itself (≈ 4 ms). M0's band is printed for information.
//! 4. Every raw TLS sample of the three set-up metrics is ≥ its member's delay (the client's
//!    interval contains the server's sleep: a shorter sample means mongotls timed the wrong
//!    thing), and the plaintext medians stay below D/10 (plaintext is not delayed). Every reported
//!    median overhead equals the difference of the medians recomputed here from `samples_ms`,
//!    lies inside its own CI, and every series holds exactly 30 samples.
//!
//! Without a delay (both M0 runs) the `connect_full` overhead median is > 0.
//!
//! The ping overhead is small, on every member (its pings run on one warm connection, which the
//! delay must not touch): its CI reaches into (−b, b), b = max(1 ms, 50 % of the plaintext ping
//! p50). On a warm loopback connection TLS only adds symmetric crypto on ~100-byte messages
//! (microseconds) and bench interleaves the samples (A B B A), so the true overhead is ~0.1 ms.
//! The median alone cannot carry the bound on a loaded 2-core machine: there round-trip times
//! become bimodal (a free core, or waiting behind another process' time slice), and a median of
//! 30 lands in either mode, so the difference of two medians strays by ±2 ms in either direction
//! (seen with one busy core: −0.27, −0.21 and +2.27 ms, plaintext p50 1.4–2.5 ms). The bootstrap
//! CI widens with that spread; a CI that excludes every small value is a measurement error, not
//! noise (a ping timed with any part of the set-up in it is ≥ 3 ms off, 200 ms on M1). The bound
//! scales with the plaintext p50 because load slows both round trips; the 1 ms floor covers a
//! quiet machine (plaintext p50 ≈ 0.5 ms).
//!
//! The bounded run: every series count < 100000 (stopped by `--max-time`, not by `--samples`),
//! `max_time_ms` = 3000, and `duration_ms` ≤ 3000 + 5000 (`--max-time` plus one phase `--timeout`:
//! a sample started just before the deadline may still run); the process' own wall time is at
//! most that plus 2 s for start-up. Every other run's `duration_ms` is at most its `max_time_ms`
//! plus the default 10 s timeout too. These are bounds, not speed targets.
//!
//! Run with `cargo test --test independent_bench -- --nocapture` to see every number (about 35 s).
//! Without `openssl`, `python3`, PyMongo or MockupDB the test prints "skipped" and passes, except
//! in CI (`CI` set), where `.ci/run` installs them and their absence fails.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::openssl::{days, Issued, KeyKind, Pki, Spec};
use crate::support::peers::{mockupdb_peers_or_skip, run_with_timeout, MockSet};
use crate::support::run::{path_str, text, MONGOTLS};
use serde_json::{json, Value};
use tempfile::TempDir;
use time::OffsetDateTime;

/// The injected delay, D.
const DELAY_MS: f64 = 200.0;

/// The matched baseline's delay, d0: long enough that each handshake, like the delayed ones,
/// starts on an idle machine (see the module documentation), short against D.
const MATCHED_DELAY_MS: f64 = 20.0;

/// How far M1's CI may lie from D + M2's h band (1 % of D): a handshake after a 200 ms idle wait
/// costs a little more than one after 20 ms (see the module documentation).
const IDLE_ALLOWANCE_MS: f64 = 0.01 * DELAY_MS;

/// "Within 10 %" of D.
const TOLERANCE: f64 = 0.10;

/// `--samples` and `--warmup` of the measured runs.
const SAMPLES: u64 = 30;
const WARMUP: u64 = 3;

/// `--max-time` of the measured runs, and bench's default `--timeout` (both in ms).
const MAX_TIME: &str = "60s";
const DEFAULT_TIMEOUT_MS: f64 = 10_000.0;

/// The bounded run: far more samples than fit in `--max-time`.
const BOUNDED_SAMPLES: u64 = 100_000;
const BOUNDED_MAX_TIME: &str = "3s";
const BOUNDED_MAX_TIME_MS: f64 = 3000.0;
const BOUNDED_TIMEOUT: &str = "5s";
const BOUNDED_TIMEOUT_MS: f64 = 5000.0;

/// Process start-up and JSON output, on top of `duration_ms`, for the bounded run's wall time.
const START_SLACK_MS: f64 = 2000.0;

/// The ping bound: max(floor, share of the plaintext p50).
const PING_FLOOR_MS: f64 = 1.0;
const PING_SHARE: f64 = 0.5;

/// The set-up metrics the delay applies to.
const SETUP_METRICS: [&str; 3] = ["connect_full", "connect_resumed", "connect_hello"];

/// Every comparison a `tls_and_plain` member must have.
const ALL_METRICS: [&str; 4] = ["connect_full", "connect_resumed", "connect_hello", "ping"];

/// Bound on any one process (openssl, or a bench run of at most 60 s); reaching it fails.
const PROCESS_TIMEOUT: Duration = Duration::from_secs(90);

// ---------------------------------------------------------------------------------------------
// A PKI made with `openssl req` and `openssl ca` (`support::openssl`, as in
// tests/it/independent_server.rs)
// ---------------------------------------------------------------------------------------------

/// The served leaf (`localhost`) and its intermediate, under an RSA root: the chain a managed
/// service presents.
struct Certs {
    intermediate: PathBuf,
    leaf: Issued,
}

fn make_certs(pki: &Pki, now: OffsetDateTime) -> Certs {
    let (_, intermediate) = pki.root_and_intermediate(now, "independent", "Independent");
    let leaf = pki.issue(
        &Spec::new(
            "leaf",
            "/CN=localhost",
            KeyKind::P256,
            "server",
            (now - days(1), now + days(365)),
        ),
        Some(&intermediate),
    );
    Certs {
        intermediate: intermediate.cert,
        leaf,
    }
}

// ---------------------------------------------------------------------------------------------
// The independent server: MockupDB, driven by tests/peers/mock_replset.py
// ---------------------------------------------------------------------------------------------

/// Starts `mock_replset.py` (`support::peers::MockSet`) with one `tls_and_plain` member per
/// entry of `delays_ms`, and checks that it understood the delays.
fn start_mock(dir: &Path, certs: &Certs, delays_ms: &[f64]) -> MockSet {
    let members: Vec<Value> = delays_ms
        .iter()
        .enumerate()
        .map(|(i, delay)| {
            json!({
                "mode": "tls_and_plain",
                "cert": path_str(&certs.leaf.cert),
                "key": path_str(&certs.leaf.key),
                "chain": [path_str(&certs.intermediate)],
                "primary": i == 0,
                "tls_handshake_delay_ms": delay,
            })
        })
        .collect();
    let set = MockSet::start(
        dir,
        &json!({ "set_name": "rs0", "members": members }),
        "",
        "the mock",
    );
    let understood: Vec<f64> = set.info["tls_handshake_delay_ms"]
        .as_array()
        .expect("tls_handshake_delay_ms in the ready line")
        .iter()
        .map(|d| d.as_f64().expect("a delay"))
        .collect();
    assert_eq!(
        understood, delays_ms,
        "the mock's delays: {}",
        set.ready_line
    );
    set
}

// ---------------------------------------------------------------------------------------------
// mongotls bench, and reading its report
// ---------------------------------------------------------------------------------------------

/// One `mongotls bench` run.
struct BenchRun {
    label: &'static str,
    member: String,
    code: Option<i32>,
    /// The JSON report (`Null` when stdout was not JSON).
    report: Value,
    stdout: String,
    stderr: String,
    /// The process' wall time, as seen from here.
    wall_ms: f64,
}

/// `mongotls bench mongodb://MEMBER/?tls=true --format json` with `args`.
fn bench(label: &'static str, member: &str, args: &[&str]) -> BenchRun {
    let uri = format!("mongodb://{member}/?tls=true");
    let started = Instant::now();
    let out = run_with_timeout(
        Command::new(MONGOTLS)
            .args(["bench", &uri, "--format", "json"])
            .args(args),
        PROCESS_TIMEOUT,
    );
    let wall_ms = started.elapsed().as_secs_f64() * 1e3;
    let stdout = text(&out.stdout);
    BenchRun {
        label,
        member: member.to_string(),
        code: out.status.code(),
        report: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stdout,
        stderr: text(&out.stderr),
        wall_ms,
    }
}

fn measured(label: &'static str, member: &str) -> BenchRun {
    let (samples, warmup) = (SAMPLES.to_string(), WARMUP.to_string());
    bench(
        label,
        member,
        &[
            "--samples",
            &samples,
            "--warmup",
            &warmup,
            "--max-time",
            MAX_TIME,
        ],
    )
}

fn array(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// `overhead_ms` of one comparison.
#[derive(Clone, Copy, Debug)]
struct Overhead {
    median: f64,
    lo: f64,
    hi: f64,
}

impl std::fmt::Display for Overhead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} ms [{:.3}, {:.3}]", self.median, self.lo, self.hi)
    }
}

impl BenchRun {
    fn comparison(&self, metric: &str) -> Option<&Value> {
        array(&self.report["comparisons"])
            .iter()
            .find(|c| c["metric"] == metric && c["member"] == self.member.as_str())
    }

    fn overhead(&self, metric: &str) -> Option<Overhead> {
        let o = &self.comparison(metric)?["overhead_ms"];
        Some(Overhead {
            median: o["median"].as_f64()?,
            lo: o["ci95_low"].as_f64()?,
            hi: o["ci95_high"].as_f64()?,
        })
    }

    fn series(&self, metric: &str, transport: &str) -> Option<&Value> {
        array(&self.report["series"]).iter().find(|s| {
            s["metric"] == metric
                && s["transport"] == transport
                && s["member"] == self.member.as_str()
        })
    }

    fn samples(&self, metric: &str, transport: &str) -> Vec<f64> {
        self.series(metric, transport)
            .map(|s| array(&s["samples_ms"]).iter().map(num).collect())
            .unwrap_or_default()
    }

    fn p50(&self, metric: &str, transport: &str) -> f64 {
        self.series(metric, transport)
            .map_or(f64::NAN, |s| num(&s["p50_ms"]))
    }

    fn duration_ms(&self) -> f64 {
        num(&self.report["duration_ms"])
    }

    /// What every run must satisfy. Returns false when the report is unusable.
    fn check_common(&self, timeout_ms: f64, problems: &mut Vec<String>) -> bool {
        let l = self.label;
        if self.code != Some(0) || self.report.is_null() {
            problems.push(format!(
                "[{l}] mongotls bench exited {:?}\nstdout: {}\nstderr: {}",
                self.code, self.stdout, self.stderr
            ));
            return false;
        }
        if self.report["verdict"] != "pass" {
            problems.push(format!("[{l}] verdict {}", self.report["verdict"]));
        }
        if !array(&self.report["missing"]).is_empty() {
            problems.push(format!(
                "[{l}] comparisons missing on a tls_and_plain member: {}",
                self.report["missing"]
            ));
        }
        let max_time_ms = num(&self.report["max_time_ms"]);
        let duration = self.duration_ms();
        if !le(duration, max_time_ms + timeout_ms) {
            problems.push(format!(
                "[{l}] duration_ms {duration} > max_time_ms {max_time_ms} + one phase timeout {timeout_ms}"
            ));
        }
        for metric in ALL_METRICS {
            let Some(o) = self.overhead(metric) else {
                problems.push(format!("[{l}] no {metric} comparison"));
                continue;
            };
            if !(le(o.lo, o.median) && le(o.median, o.hi)) {
                problems.push(format!("[{l}] {metric}: median outside its CI: {o}"));
            }
            // The reported median overhead is the difference of the raw series' medians.
            let (plain, tls) = (self.samples(metric, "plain"), self.samples(metric, "tls"));
            if let (Some(p), Some(t)) = (median(&plain), median(&tls)) {
                let recomputed = t - p;
                if (recomputed - o.median).abs() > 1e-6 * (1.0 + o.median.abs()) {
                    problems.push(format!(
                        "[{l}] {metric}: overhead median {} != median(tls) - median(plain) from samples_ms = {recomputed}",
                        o.median
                    ));
                }
            }
        }
        for s in array(&self.report["series"]) {
            let count = s["count"].as_u64().unwrap_or(0);
            let raw = array(&s["samples_ms"]).len() as u64;
            if count != raw {
                problems.push(format!(
                    "[{l}] {}/{}: count {count} but {raw} samples_ms",
                    s["metric"], s["transport"]
                ));
            }
        }
        true
    }

    /// A measured run took exactly `--samples` samples per series.
    fn check_counts(&self, problems: &mut Vec<String>) {
        for metric in ALL_METRICS {
            for transport in ["plain", "tls"] {
                let count = self
                    .series(metric, transport)
                    .and_then(|s| s["count"].as_u64());
                if count != Some(SAMPLES) {
                    problems.push(format!(
                        "[{}] {metric}/{transport}: count {count:?}, --samples {SAMPLES}",
                        self.label
                    ));
                }
            }
        }
    }

    /// Without delay: a TLS set-up costs something.
    fn check_no_delay(&self, problems: &mut Vec<String>) {
        if let Some(o) = self.overhead("connect_full") {
            if !lt(0.0, o.median) {
                problems.push(format!(
                    "[{}] connect_full overhead without delay is not positive: {o}",
                    self.label
                ));
            }
        }
    }

    /// The ping overhead is small: its CI reaches into (−b, b), b = max(1 ms, 50 % of the
    /// plaintext ping p50) — see the module documentation for why the CI and not the median.
    fn check_ping(&self, problems: &mut Vec<String>) {
        if let Some(o) = self.overhead("ping") {
            let plain_p50 = self.p50("ping", "plain");
            let bound = ping_bound(plain_p50);
            if !(lt(o.lo, bound) && lt(-bound, o.hi)) {
                problems.push(format!(
                    "[{}] ping overhead {o} is not small: its CI excludes (-{bound:.3}, {bound:.3}) ms (plain p50 {plain_p50:.3} ms)",
                    self.label
                ));
            }
        }
    }
}

/// `a <= b`; false when either is NaN (a missing number fails the check).
fn le(a: f64, b: f64) -> bool {
    a <= b
}

/// `a < b`; false when either is NaN.
fn lt(a: f64, b: f64) -> bool {
    a < b
}

fn ping_bound(plain_p50: f64) -> f64 {
    PING_FLOOR_MS.max(PING_SHARE * plain_p50)
}

/// The ordinary median (mean of the two middle values for an even count).
fn median(v: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

fn describe(run: &BenchRun) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "[{}] {} exit {:?}: duration_ms {:.1} (max_time_ms {}), wall {:.1} ms",
        run.label,
        run.member,
        run.code,
        run.duration_ms(),
        run.report["max_time_ms"],
        run.wall_ms
    );
    let _ = writeln!(
        out,
        "  {:<16} {:>7} {:>10} {:>10} {:>10} {:>10}   overhead median [ci95]",
        "metric", "n", "plain p50", "tls p50", "tls min", "tls max"
    );
    for metric in ALL_METRICS {
        let tls = run.series(metric, "tls");
        let stat = |key: &str| tls.map_or(f64::NAN, |s| num(&s[key]));
        let _ = writeln!(
            out,
            "  {:<16} {:>7} {:>10.3} {:>10.3} {:>10.3} {:>10.3}   {}",
            metric,
            tls.map_or("-".into(), |s| s["count"].to_string()),
            run.p50(metric, "plain"),
            stat("p50_ms"),
            stat("min_ms"),
            stat("max_ms"),
            run.overhead(metric)
                .map_or("-".to_string(), |o| o.to_string())
        );
    }
    if let Some(r) = run
        .series("connect_resumed", "tls")
        .and_then(|s| s.get("resumed"))
    {
        let _ = writeln!(out, "  connect_resumed/tls resumed: {r}");
    }
    for key in ["notes", "warnings"] {
        for n in array(&run.report[key]) {
            let line = n
                .get("message")
                .and_then(Value::as_str)
                .map_or_else(|| n.to_string(), str::to_string);
            let _ = writeln!(out, "  {key}: {line}");
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The acceptance test
// ---------------------------------------------------------------------------------------------

#[test]
#[ignore = "slow peer suite (MockupDB, about 30 s): .ci/run runs it as a step of its own"]
fn bench_overhead_matches_an_injected_handshake_delay_on_mockupdb() {
    if !mockupdb_peers_or_skip() {
        return;
    }
    let started = Instant::now();
    let tmp = TempDir::new().expect("create temporary directory");
    let certs = make_certs(
        &Pki::new(&tmp.path().join("pki"), &[]).with_timeout(PROCESS_TIMEOUT),
        OffsetDateTime::now_utc(),
    );
    let mock = start_mock(tmp.path(), &certs, &[0.0, DELAY_MS, MATCHED_DELAY_MS]);
    let m0 = mock.members[0].clone();
    let m1 = mock.members[1].clone();
    let m2 = mock.members[2].clone();
    eprintln!(
        "MockupDB {} / PyMongo {} / {}; M0 {m0} (no delay), M1 {m1} (TLS handshake delay {DELAY_MS} ms), M2 {m2} ({MATCHED_DELAY_MS} ms)",
        mock.info["mockupdb"].as_str().unwrap_or("?"),
        mock.info["pymongo"].as_str().unwrap_or("?"),
        mock.info["openssl"].as_str().unwrap_or("?"),
    );

    // One run at a time: runs never overlap, so they do not disturb each other. The baselines
    // come before and after the delayed run, so that a drift during it stays inside their band.
    let none_before = measured("M0 no delay, before", &m0);
    let matched_before = measured("M2 20 ms, before", &m2);
    let delayed = measured("M1 delay 200 ms", &m1);
    let matched_after = measured("M2 20 ms, after", &m2);
    let none_after = measured("M0 no delay, after", &m0);
    let bounded_samples = BOUNDED_SAMPLES.to_string();
    let bounded = bench(
        "M0 bounded",
        &m0,
        &[
            "--samples",
            &bounded_samples,
            "--max-time",
            BOUNDED_MAX_TIME,
            "--timeout",
            BOUNDED_TIMEOUT,
        ],
    );
    let mock_stderr = mock.stderr();
    drop(mock);

    let measured_runs = [
        &none_before,
        &matched_before,
        &delayed,
        &matched_after,
        &none_after,
    ];
    for run in measured_runs.iter().copied().chain([&bounded]) {
        eprintln!("{}", describe(run));
    }

    let mut problems = Vec::new();
    let mut usable = Vec::new();
    for run in measured_runs {
        if run.check_common(DEFAULT_TIMEOUT_MS, &mut problems) {
            run.check_counts(&mut problems);
            // Every run's warm round trips: the delay must not touch them.
            run.check_ping(&mut problems);
            usable.push(run.label);
        }
    }
    let ok = |run: &BenchRun| usable.contains(&run.label);

    // Without delay.
    for run in [&none_before, &none_after] {
        if ok(run) {
            run.check_no_delay(&mut problems);
        }
    }
    // With delay.
    for (run, delay) in [
        (&matched_before, MATCHED_DELAY_MS),
        (&delayed, DELAY_MS),
        (&matched_after, MATCHED_DELAY_MS),
    ] {
        if ok(run) {
            check_delayed_samples(run, delay, &mut problems);
        }
    }
    if ok(&delayed) {
        let none: Vec<&BenchRun> = [&none_before, &none_after]
            .into_iter()
            .filter(|r| ok(r))
            .collect();
        let matched: Vec<&BenchRun> = [&matched_before, &matched_after]
            .into_iter()
            .filter(|r| ok(r))
            .collect();
        check_delay(&delayed, &none, &matched, &mut problems);
    }

    // --max-time bounds the run.
    if bounded.check_common(BOUNDED_TIMEOUT_MS, &mut problems) {
        check_bounded(&bounded, &mut problems);
    }
    eprintln!("whole test {:.1} s", started.elapsed().as_secs_f64());
    if !mock_stderr.trim().is_empty() {
        eprintln!("mock stderr:\n{mock_stderr}");
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// `--samples 100000 --max-time 3s --timeout 5s`: stopped by the time, within one timeout.
fn check_bounded(bounded: &BenchRun, problems: &mut Vec<String>) {
    let max_time_ms = num(&bounded.report["max_time_ms"]);
    if max_time_ms != BOUNDED_MAX_TIME_MS {
        problems.push(format!(
            "[bounded] max_time_ms {max_time_ms}, --max-time {BOUNDED_MAX_TIME_MS} ms"
        ));
    }
    for s in array(&bounded.report["series"]) {
        let count = s["count"].as_u64().unwrap_or(u64::MAX);
        if count >= BOUNDED_SAMPLES {
            problems.push(format!(
                "[bounded] {}/{}: {count} samples: not stopped by --max-time",
                s["metric"], s["transport"]
            ));
        }
    }
    let limit = BOUNDED_MAX_TIME_MS + BOUNDED_TIMEOUT_MS;
    let duration = bounded.duration_ms();
    if !le(duration, limit) {
        problems.push(format!(
            "[bounded] duration_ms {duration} > --max-time + --timeout = {limit}"
        ));
    }
    if !le(bounded.wall_ms, limit + START_SLACK_MS) {
        problems.push(format!(
            "[bounded] the process ran {:.0} ms > {limit} + {START_SLACK_MS} ms",
            bounded.wall_ms
        ));
    }
    eprintln!(
        "bounded: duration_ms {duration:.1} ≤ {limit} (wall {:.1} ms ≤ {}); largest series {}",
        bounded.wall_ms,
        limit + START_SLACK_MS,
        array(&bounded.report["series"])
            .iter()
            .filter_map(|s| s["count"].as_u64())
            .max()
            .unwrap_or(0)
    );
}

/// Point 4: every TLS set-up sample contains the server's sleep; plaintext is not delayed.
fn check_delayed_samples(run: &BenchRun, delay: f64, problems: &mut Vec<String>) {
    for metric in SETUP_METRICS {
        let shortest = run
            .samples(metric, "tls")
            .into_iter()
            .fold(f64::INFINITY, f64::min);
        if !le(delay, shortest) {
            problems.push(format!(
                "[{}] {metric}/tls: a sample of {shortest:.3} ms is shorter than the server's {delay} ms sleep",
                run.label
            ));
        }
        let plain_p50 = run.p50(metric, "plain");
        if !lt(plain_p50, DELAY_MS / 10.0) {
            problems.push(format!(
                "[{}] {metric}/plain p50 {plain_p50:.3} ms: plaintext looks delayed",
                run.label
            ));
        }
    }
}

/// The union of the baselines' connect_full CIs, each minus its own injected delay: the
/// handshake cost h those runs allow.
fn handshake_band(baselines: &[&BenchRun], delay: f64) -> Option<(f64, f64)> {
    baselines
        .iter()
        .filter_map(|b| b.overhead("connect_full"))
        .map(|o| (o.lo - delay, o.hi - delay))
        .reduce(|(lo, hi), (l, h)| (lo.min(l), hi.max(h)))
}

/// Points 1–3 of the module documentation.
fn check_delay(
    delayed: &BenchRun,
    no_delay: &[&BenchRun],
    matched: &[&BenchRun],
    problems: &mut Vec<String>,
) {
    let d = DELAY_MS;
    let tol = TOLERANCE * d;
    // 1. The reported set-up overheads match D within 10 %.
    for metric in SETUP_METRICS {
        let Some(o) = delayed.overhead(metric) else {
            continue;
        };
        let off = (o.median - d).abs();
        eprintln!(
            "{metric}: overhead with D = {d} ms: {o}; |median - D| = {off:.3} ms (limit {tol} ms)"
        );
        if !le(off, tol) {
            problems.push(format!(
                "[delay] {metric}: reported overhead {o} is not within {}% of the injected {d} ms",
                TOLERANCE * 100.0
            ));
        }
    }

    let Some(o) = delayed.overhead("connect_full") else {
        return;
    };
    // 2. What the delay adds, with the handshake's own cost removed.
    for (baselines, delay) in [(no_delay, 0.0), (matched, MATCHED_DELAY_MS)] {
        for b in baselines {
            let Some(base) = b.overhead("connect_full") else {
                continue;
            };
            let attributable = o.median - base.median;
            let want = d - delay;
            let off = (attributable - want).abs();
            eprintln!(
                "connect_full: {} {base}; difference {attributable:.3} ms for {want} ms injected, off by {off:.3} ms (limit {:.1} ms)",
                b.label,
                TOLERANCE * want
            );
            if !le(off, TOLERANCE * want) {
                problems.push(format!(
                    "[delay] connect_full: overhead with {d} ms − overhead with {delay} ms ({}) = {attributable:.3} ms, not within {}% of {want} ms (with {d} ms: {o}, with {delay} ms: {base})",
                    b.label,
                    TOLERANCE * 100.0
                ));
            }
        }
    }
    // 3. The CI contains D + h for an h the matched baselines allow, and does not lie below D.
    if let Some((h_lo, h_hi)) = handshake_band(no_delay, 0.0) {
        eprintln!(
            "connect_full: for information, back-to-back handshakes (no delay) cost h in [{h_lo:.3}, {h_hi:.3}] ms; CI with D minus D: [{:.3}, {:.3}]",
            o.lo - d,
            o.hi - d
        );
    }
    let Some((h_lo, h_hi)) = handshake_band(matched, MATCHED_DELAY_MS) else {
        problems.push("[delay] no matched baseline to account for the handshake's cost".into());
        return;
    };
    let (want_lo, want_hi) = (d + h_lo, d + h_hi);
    // How far apart the two intervals are (0 when they intersect).
    let gap = (o.lo - want_hi).max(want_lo - o.hi).max(0.0);
    let contains = le(gap, IDLE_ALLOWANCE_MS) && le(d, o.hi);
    eprintln!(
        "connect_full: CI with D [{:.3}, {:.3}] vs D + h (h from the {MATCHED_DELAY_MS} ms runs' CIs) [{want_lo:.3}, {want_hi:.3}]: gap {gap:.3} ms (allowance {IDLE_ALLOWANCE_MS} ms), upper end ≥ D: {}",
        o.lo,
        o.hi,
        le(d, o.hi)
    );
    if !contains {
        problems.push(format!(
            "[delay] connect_full: CI [{:.3}, {:.3}] does not contain D + the handshake cost h measured with a {MATCHED_DELAY_MS} ms delay ([{want_lo:.3}, {want_hi:.3}], gap {gap:.3} ms > {IDLE_ALLOWANCE_MS} ms), or lies below D = {d}",
            o.lo, o.hi
        ));
    }
}
