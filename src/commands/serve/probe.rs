//! One target's probes: the cache and the single flight.
//!
//! Each target has a [`Slot`]: a lock around its last result. A scrape takes the lock; when
//! the last result is younger than `--cache-ttl`, or finished after this scrape arrived (it
//! waited on that very probe), it is served again (a cache hit); otherwise the scrape starts a
//! probe, in a task of its own that holds the lock until the result is stored. Scrapes of the
//! same target that arrive meanwhile queue on the lock and get that result: N concurrent
//! scrapes are one probe. The task finishes and stores its result even when the scraper
//! that started it has gone away (Prometheus gave up): the next scrape finds it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use time::OffsetDateTime;
use tokio::sync::Mutex;

use super::metrics::{OwnMetrics, ResultLabels, TargetLabel};
use super::{say, ServeTarget};
use crate::commands::check::run_check;
use crate::dates::whole_seconds;
use crate::escape::printable;
use crate::findings::Verdict;
use crate::report::Report;
use crate::settings::CheckSettings;
use crate::tr;

/// Beyond the probe's bound, for the check to write its report after its own deadline.
const GRACE: Duration = Duration::from_secs(2);

/// What a probe made.
#[derive(Debug)]
pub(super) struct ProbeResult {
    /// The check's report, when it ran.
    pub report: Option<Report>,
    /// Why it could not run: `target_invalid`, `input`, `timeout`, `internal` (the probe panicked).
    pub error: Option<&'static str>,
    /// Its wall time.
    pub duration: Duration,
}

#[derive(Debug)]
struct Cached {
    /// When the probe finished.
    at: Instant,
    result: Arc<ProbeResult>,
}

/// One target: its settings and its last result.
pub(super) struct Slot {
    name: String,
    settings: Result<Arc<CheckSettings>, String>,
    last: Arc<Mutex<Option<Cached>>>,
}

impl Slot {
    pub fn new(target: ServeTarget) -> Slot {
        Slot {
            name: target.name,
            settings: target.settings.map(Arc::new),
            last: Arc::new(Mutex::new(None)),
        }
    }

    /// The result to answer this scrape with, and its age.
    pub async fn result(
        &self,
        metrics: &OwnMetrics,
        bound: Duration,
        ttl: Duration,
    ) -> (Arc<ProbeResult>, Duration) {
        let label = TargetLabel {
            target: self.name.clone(),
        };
        let settings = match &self.settings {
            Ok(s) => Arc::clone(s),
            // Nothing to run: answered at once, never cached.
            Err(_) => {
                let result = ProbeResult {
                    report: None,
                    error: Some("target_invalid"),
                    duration: Duration::ZERO,
                };
                return (Arc::new(result), Duration::ZERO);
            }
        };
        let arrived = Instant::now();
        let mut last = Arc::clone(&self.last).lock_owned().await;
        if let Some(c) = last.as_ref() {
            let age = c.at.elapsed();
            if age < ttl || c.at >= arrived {
                metrics.cache_hits.get_or_create(&label).inc();
                return (Arc::clone(&c.result), age);
            }
        }
        metrics.cache_misses.get_or_create(&label).inc();
        let probes = metrics.probes.clone();
        let duration = metrics.duration.clone();
        let in_flight = InFlight::start(metrics.in_flight.clone());
        let name = self.name.clone();
        let task = tokio::spawn(async move {
            let result = Arc::new(probe(&name, &settings, bound).await);
            drop(in_flight);
            let outcome = match (&result.report, result.error) {
                (Some(r), _) if r.verdict() != Verdict::Fail => "success",
                (Some(_), _) => "failure",
                (None, _) => "error",
            };
            probes
                .get_or_create(&ResultLabels {
                    target: name.clone(),
                    result: outcome,
                })
                .inc();
            duration
                .get_or_create(&TargetLabel { target: name })
                .observe(result.duration.as_secs_f64());
            *last = Some(Cached {
                at: Instant::now(),
                result: Arc::clone(&result),
            });
            result
        });
        match task.await {
            Ok(result) => (result, Duration::ZERO),
            // The probe panicked: said as an error of this scrape, never a crash of the server.
            Err(_) => (
                Arc::new(ProbeResult {
                    report: None,
                    error: Some("internal"),
                    duration: arrived.elapsed(),
                }),
                Duration::ZERO,
            ),
        }
    }
}

/// The in-flight gauge, one up while a probe runs (down again however the task ends).
struct InFlight(prometheus_client::metrics::gauge::Gauge<i64, std::sync::atomic::AtomicI64>);

impl InFlight {
    fn start(
        gauge: prometheus_client::metrics::gauge::Gauge<i64, std::sync::atomic::AtomicI64>,
    ) -> InFlight {
        gauge.inc();
        InFlight(gauge)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// One check of the target, as `check` runs it, judged now, bounded by `bound`.
async fn probe(name: &str, settings: &CheckSettings, bound: Duration) -> ProbeResult {
    let mut s = settings.clone();
    s.common.now = whole_seconds(OffsetDateTime::now_utc());
    s.progress = false;
    s.prompt = false;
    s.deadline = s.deadline.min(bound);
    let start = Instant::now();
    let (report, error) = match tokio::time::timeout(bound + GRACE, run_check(&s)).await {
        Ok(Ok(report)) => (Some(report), None),
        Ok(Err(e)) => {
            say(&tr!(
                "serve-probe-input-error",
                name = printable(name),
                error = e.to_string()
            ));
            (None, Some("input"))
        }
        Err(_) => (None, Some("timeout")),
    };
    ProbeResult {
        report,
        error,
        duration: start.elapsed(),
    }
}
