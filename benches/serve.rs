#![allow(clippy::print_stdout, clippy::print_stderr)]
//! `mongotls serve` under Prometheus-like load: 100 scrapes per second for 10 seconds of
//! `/metrics`, then of `/probe?target=NAME` answered from the cache, against the release
//! binary (the one `cargo bench` builds) and a one-member sandbox. Open loop: each request is
//! due at a fixed time (every 10 ms) and its latency is counted from that time, so a slow answer
//! that delays the next ones is charged to them too (no coordinated omission). One keep-alive
//! connection, as Prometheus keeps one per target. Goal (README): p99 ≤ 10 ms.
//!
//! ```text
//! cargo bench --bench serve
//! MONGOTLS_BENCH_RATE=200 MONGOTLS_BENCH_SECONDS=5 cargo bench --bench serve
//! ```

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use mongotls::sandbox::{Sandbox, SandboxConfig};

// Only run_main of the shared helpers.
#[allow(dead_code)]
mod support;

/// The release binary this bench was built with.
const MONGOTLS: &str = env!("CARGO_BIN_EXE_mongotls");

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|v| *v > 0)
        .unwrap_or(default)
}

fn main() {
    let rate = env_or("MONGOTLS_BENCH_RATE", 100);
    let seconds = env_or("MONGOTLS_BENCH_SECONDS", 10);
    support::run_main("serve", run(rate, seconds));
}

/// `mongotls serve`, killed on drop.
struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn run(rate: u64, seconds: u64) -> Result<(), String> {
    let sandbox = Sandbox::start(SandboxConfig {
        members: 1,
        ..SandboxConfig::default()
    })
    .await
    .map_err(|e| e.to_string())?;
    let dir = tempfile::TempDir::new().map_err(|e| e.to_string())?;
    let targets = dir.path().join("targets.toml");
    std::fs::write(
        &targets,
        format!(
            "[[targets]]\nname = \"sandbox\"\nuri = \"{}\"\nca = \"{}\"\nno_driver = true\n",
            sandbox.uri(),
            sandbox.ca_file().display()
        ),
    )
    .map_err(|e| e.to_string())?;
    let ready = dir.path().join("ready.json");
    let (serve, url) = start(&targets, &ready)?;
    let measured = tokio::task::spawn_blocking(move || -> Result<(), String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        // The probe that fills the cache (TTL 1h), and a warm connection.
        let probe = format!("{url}/probe?target=sandbox");
        fetch(&agent, &probe)?;
        println!(
            "mongotls serve {url}: {rate} scrapes/s for {seconds} s per endpoint, open loop, one keep-alive connection"
        );
        for (label, endpoint) in [
            ("/metrics", format!("{url}/metrics")),
            ("/probe", probe.clone()),
        ] {
            let h = scrape(&agent, &endpoint, rate, seconds)?;
            let ms = |us: u64| us as f64 / 1000.0;
            println!(
                "{label:<9} n={} p50 {:.3} ms  p90 {:.3} ms  p99 {:.3} ms  max {:.3} ms  (goal p99 <= 10 ms: {})",
                h.len(),
                ms(h.value_at_quantile(0.50)),
                ms(h.value_at_quantile(0.90)),
                ms(h.value_at_quantile(0.99)),
                ms(h.max()),
                if h.value_at_quantile(0.99) <= 10_000 { "met" } else { "NOT MET" }
            );
        }
        let metrics = fetch(&agent, &format!("{url}/metrics"))?;
        let probes: Vec<&str> = metrics
            .lines()
            .filter(|l| l.starts_with("mongotls_serve_probes_total{"))
            .collect();
        println!("probes run during the bench (the cache answered the rest): {probes:?}");
        Ok(())
    })
    .await
    .map_err(|e| e.to_string());
    drop(serve);
    sandbox.shutdown().await;
    measured?
}

fn start(targets: &Path, ready: &PathBuf) -> Result<(Serve, String), String> {
    let child = Command::new(MONGOTLS)
        .args(["serve", "--targets"])
        .arg(targets)
        .args([
            "--listen",
            "127.0.0.1:0",
            "--cache-ttl",
            "1h",
            "--ready-file",
        ])
        .arg(ready)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{MONGOTLS}: {e}"))?;
    let serve = Serve(child);
    let start = Instant::now();
    while !ready.exists() {
        if start.elapsed() > Duration::from_secs(60) {
            return Err("mongotls serve did not start within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let text = std::fs::read_to_string(ready).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let url = json["url"].as_str().ok_or("no url in the ready file")?;
    Ok((serve, url.to_string()))
}

fn fetch(agent: &ureq::Agent, url: &str) -> Result<String, String> {
    agent
        .get(url)
        .call()
        .map_err(|e| format!("GET {url}: {e}"))?
        .body_mut()
        .read_to_string()
        .map_err(|e| format!("GET {url}: {e}"))
}

/// `rate` requests per second for `seconds`, each timed from when it was due (microseconds).
fn scrape(
    agent: &ureq::Agent,
    url: &str,
    rate: u64,
    seconds: u64,
) -> Result<Histogram<u64>, String> {
    let mut h = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).map_err(|e| e.to_string())?;
    let every = Duration::from_secs(1) / u32::try_from(rate).unwrap_or(u32::MAX);
    let start = Instant::now();
    for i in 0..rate * seconds {
        let due = start + every * u32::try_from(i).unwrap_or(u32::MAX);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        fetch(agent, url)?;
        let us = u64::try_from(due.elapsed().as_micros()).unwrap_or(u64::MAX);
        h.record(us.max(1)).map_err(|e| e.to_string())?;
    }
    Ok(h)
}
