//! Throughput: `ping`s per second over N concurrent warm connections, plaintext then TLS,
//! each for one fixed window.

use std::time::{Duration, Instant};

use super::samplers::{ping_doc, timed_command, Dialer, Stream};
use super::{BenchOutcome, Metric, MissingComparison, SampleError, Throughput, Transport};
use crate::tr;

/// Measures `n` concurrent connections of each transport for a window of half the unit's
/// budget (at most 5 s); skips what would end past `deadline`.
pub(super) async fn measure(
    out: &mut BenchOutcome,
    member: &str,
    n: usize,
    per_unit: Duration,
    deadline: Instant,
    dialer: &Dialer,
) {
    let window = (per_unit / 2).min(Duration::from_secs(5));
    for transport in [Transport::Plain, Transport::Tls] {
        if Instant::now() + window > deadline {
            out.note(tr!("bench-note-throughput-skipped", member = member));
            return;
        }
        let conns = match open_all(dialer, transport, n).await {
            Ok(conns) => conns,
            Err(e) => {
                out.missing.push(MissingComparison {
                    member: member.to_string(),
                    metric: Metric::Throughput(n),
                    reason: match transport {
                        Transport::Plain => tr!(
                            "bench-missing-throughput-plain",
                            count = n,
                            error = e.to_string()
                        ),
                        Transport::Tls => tr!(
                            "bench-missing-throughput-tls",
                            count = n,
                            error = e.to_string()
                        ),
                    },
                });
                continue;
            }
        };
        let start = Instant::now();
        let operations = ping_until(conns, start + window, dialer).await;
        let elapsed = start.elapsed();
        out.throughput.push(Throughput {
            member: member.to_string(),
            transport,
            concurrency: n,
            operations,
            duration: elapsed,
            ops_per_sec: operations as f64 / elapsed.as_secs_f64().max(1e-9),
        });
    }
}

/// `n` connections of one transport, or the first error.
async fn open_all(
    dialer: &Dialer,
    transport: Transport,
    n: usize,
) -> Result<Vec<Box<dyn Stream>>, SampleError> {
    let mut conns = Vec::new();
    for _ in 0..n {
        conns.push(dialer.open(transport).await?);
    }
    Ok(conns)
}

/// Sends `ping`s on every connection at once, each one after the other on its connection,
/// until `end` (or its first error); returns how many completed.
async fn ping_until(conns: Vec<Box<dyn Stream>>, end: Instant, dialer: &Dialer) -> u64 {
    let (t, max) = (dialer.timeout, dialer.max);
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
    operations
}
