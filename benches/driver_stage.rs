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

use mongotls::bench::stats::compare;
use mongotls::duration::format_ms;
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};

mod support;

fn main() {
    let pairs = support::pairs(60);
    support::run_main("driver_stage", run(pairs));
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

    support::show("--no-driver", &without);
    support::show("with driver", &with);
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
