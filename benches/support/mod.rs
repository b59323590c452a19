//! What the benchmarks share: a runtime that runs one async measurement and exits with a
//! clear message, and one line per distribution.

use std::future::Future;

use mongotls::bench::stats::summarize;
use mongotls::duration::format_ms;

/// `MONGOTLS_BENCH_PAIRS`, or `default`.
pub fn pairs(default: usize) -> usize {
    std::env::var("MONGOTLS_BENCH_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `measurement` on a multi-threaded runtime; exit 2 when there is none, 1 when the
/// measurement fails (with `name` and the error).
pub fn run_main<F: Future<Output = Result<(), String>>>(name: &str, measurement: F) {
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
    if let Err(e) = runtime.block_on(measurement) {
        eprintln!("{name} bench failed: {e}");
        std::process::exit(1);
    }
}

/// One line: count, min, p50, p90, p99 and mean of `samples` (ms).
pub fn show(label: &str, samples: &[f64]) {
    if let Some(s) = summarize(samples) {
        println!(
            "{label:<12} n={} min {} p50 {} p90 {} p99 {} mean {}",
            s.count,
            format_ms(s.min_ms),
            format_ms(s.p50_ms),
            format_ms(s.p90_ms),
            format_ms(s.p99_ms),
            format_ms(s.mean_ms)
        );
    }
}
