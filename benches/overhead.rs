#![allow(clippy::print_stdout, clippy::print_stderr)]
//! What mongotls' own measurement adds around a TLS handshake it measures.
//!
//! Against a one-member sandbox (TLS only), it interleaves two ways of timing the same thing —
//! TCP connect + full TLS 1.3 handshake with the same rustls client configuration:
//! - `bare`: `TcpStream::connect` then `TlsConnector::connect`, between two `Instant::now()`;
//! - `mongotls`: `mongotls::bench::tls_only`, the sample function `bench` uses (timeouts,
//!   typed errors, negotiated-parameter extraction around the same calls).
//!
//! and prints both distributions and the difference of medians with a bootstrap 95 % CI.
//!
//! ```text
//! cargo bench --bench overhead            # 2000 pairs
//! MONGOTLS_BENCH_PAIRS=500 cargo bench --bench overhead
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use mongotls::bench::stats::compare;
use mongotls::duration::format_ms;
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};
use rustls::pki_types::ServerName;

mod support;

fn main() {
    let pairs = support::pairs(2000);
    support::run_main("overhead", run(pairs));
}

async fn run(pairs: usize) -> Result<(), String> {
    let sandbox = Sandbox::start(SandboxConfig {
        members: 1,
        scenario: Scenario::Good,
        tls_mode: Some(TlsMode::Require),
        handshake_delay: None,
    })
    .await
    .map_err(|e| e.to_string())?;
    let addr = *sandbox.addrs().first().ok_or("sandbox has no member")?;
    let name = ServerName::try_from("localhost").map_err(|e| e.to_string())?;
    let (config, _) =
        mongotls::net::tls::client_config_with(None, false).map_err(|e| e.to_string())?;
    let timeout = Duration::from_secs(10);

    let (mut bare, mut ours) = (Vec::with_capacity(pairs), Vec::with_capacity(pairs));
    for i in 0..pairs + 20 {
        let b = bare_sample(addr, config.clone(), name.clone()).await?;
        let o = mongotls::bench::tls_only(addr, config.clone(), name.clone(), timeout)
            .await
            .map_err(|e| e.to_string())?;
        // The first 20 pairs warm up caches and the allocator.
        if i >= 20 {
            bare.push(b);
            ours.push(o);
        }
    }
    sandbox.shutdown().await;

    support::show("bare", &bare);
    support::show("mongotls", &ours);
    if let Some(c) = compare(&bare, &ours, 2000, 7) {
        println!(
            "mongotls adds {} per TCP + TLS sample (95 % CI {} to {}), {:+.1} %",
            format_ms(c.overhead_ms.median),
            format_ms(c.overhead_ms.ci95_low),
            format_ms(c.overhead_ms.ci95_high),
            c.relative_percent
        );
    }
    Ok(())
}

async fn bare_sample(
    addr: std::net::SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
) -> Result<f64, String> {
    let start = Instant::now();
    let tcp = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    tcp.set_nodelay(true).map_err(|e| e.to_string())?;
    let tls = tokio_rustls::TlsConnector::from(config)
        .connect(name, tcp)
        .await
        .map_err(|e| e.to_string())?;
    let elapsed = start.elapsed();
    drop(tls);
    Ok(elapsed.as_secs_f64() * 1e3)
}
