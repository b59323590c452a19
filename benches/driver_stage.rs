#![allow(clippy::print_stdout, clippy::print_stderr)]
//! What the driver stage adds to a healthy `check`: a 3-member sandbox (TLS only, no
//! credentials), the release binary run as users run it, interleaved with and without
//! `--no-driver`, and the difference of medians with a bootstrap 95 % CI. Issue 10's budget:
//! at most 30 ms on loopback.
//!
//! ```text
//! cargo bench --bench driver_stage            # 60 pairs
//! MONGOTLS_BENCH_PAIRS=200 cargo bench --bench driver_stage
//! ```

use std::process::{Command, Stdio};
use std::time::Instant;

use mongotls::bench::stats::{compare, summarize};
use mongotls::duration::format_ms;
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};

fn main() {
    let pairs: usize = std::env::var("MONGOTLS_BENCH_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start a runtime: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = runtime.block_on(run(pairs)) {
        eprintln!("driver_stage bench failed: {e}");
        std::process::exit(1);
    }
}

async fn run(pairs: usize) -> Result<(), String> {
    let sandbox = Sandbox::start(SandboxConfig {
        members: 3,
        scenario: Scenario::Good,
        tls_mode: Some(TlsMode::Require),
        handshake_delay: None,
    })
    .await
    .map_err(|e| e.to_string())?;
    let uri = sandbox.uri();
    let (mut without, mut with) = (Vec::with_capacity(pairs), Vec::with_capacity(pairs));
    for i in 0..pairs + 5 {
        // Alternate which goes first, so drift hits both alike.
        let (a, b) = if i % 2 == 0 {
            let a = timed_check(&uri, true).await?;
            (a, timed_check(&uri, false).await?)
        } else {
            let b = timed_check(&uri, false).await?;
            (timed_check(&uri, true).await?, b)
        };
        // The first pairs warm up the page cache and the sandbox.
        if i >= 5 {
            without.push(a);
            with.push(b);
        }
    }
    sandbox.shutdown().await;

    let show = |label: &str, v: &[f64]| {
        if let Some(s) = summarize(v) {
            println!(
                "{label:<12} n={} min {} p50 {} p90 {} mean {}",
                s.count,
                format_ms(s.min_ms),
                format_ms(s.p50_ms),
                format_ms(s.p90_ms),
                format_ms(s.mean_ms)
            );
        }
    };
    show("--no-driver", &without);
    show("with driver", &with);
    if let Some(c) = compare(&without, &with, 2000, 7) {
        println!(
            "the driver stage adds {} to a healthy 3-member check (95 % CI {} to {}), {:+.1} %",
            format_ms(c.overhead_ms.median),
            format_ms(c.overhead_ms.ci95_low),
            format_ms(c.overhead_ms.ci95_high),
            c.relative_percent
        );
    }
    Ok(())
}

/// Wall time of one `mongotls check` (ms); exit 0 expected (a healthy set).
async fn timed_check(uri: &str, no_driver: bool) -> Result<f64, String> {
    let uri = uri.to_string();
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mongotls"));
        command
            .args(["check", &uri, "--format", "json"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if no_driver {
            command.arg("--no-driver");
        }
        let start = Instant::now();
        let status = command.status().map_err(|e| e.to_string())?;
        let elapsed = start.elapsed();
        if !status.success() {
            return Err(format!(
                "check exited with {status} (no_driver: {no_driver})"
            ));
        }
        Ok(elapsed.as_secs_f64() * 1e3)
    })
    .await
    .map_err(|e| e.to_string())?
}
