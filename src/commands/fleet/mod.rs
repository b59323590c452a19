//! `mongotls check --targets FILE`: many deployments, each checked exactly as `check` checks
//! one ([`super::check::run_check_with`], the same code path), at most `--concurrency` at a
//! time. One target's failure, or its bad entry, never stops the others: every target of the
//! file is in the report, in the file's order. The CA files are read once per distinct set
//! and shared ([`TrustCache`]).

mod progress;
pub(crate) mod targets;

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::Semaphore;

use super::inputs::TrustCache;
use super::{block_on, Outcome, RunError};
use crate::escape::printable;
use crate::findings::Verdict;
use crate::report::fleet::{FleetReport, FleetSummary, FleetTarget};
use crate::report::{Report, SCHEMA_VERSION};
use crate::settings::FleetSettings;
use crate::tr;

/// `mongotls check --targets FILE`.
pub(super) fn run(s: &FleetSettings) -> Result<Outcome, RunError> {
    let file = targets::load(&s.targets, &s.common)?;
    let report = block_on(run_fleet(file, s))?;
    Ok(Outcome::report(Report::Fleet(Box::new(report)), &s.common))
}

/// A target's place in the report: known already (its entry is wrong), or being checked.
enum Slot {
    Ready(FleetTarget),
    Running(String, tokio::task::JoinHandle<FleetTarget>),
}

/// Checks every target of `file`; everything but the rendering.
pub(crate) async fn run_fleet(file: targets::TargetsFile, s: &FleetSettings) -> FleetReport {
    let start = Instant::now();
    let shown_file = file.path.display().to_string();
    let cache = Arc::new(TrustCache::shared());
    let permits = Arc::new(Semaphore::new(s.concurrency));
    let live = progress::Live::start(s.progress, file.targets.len()).map(Arc::new);
    let mut slots = Vec::with_capacity(file.targets.len());
    for entry in file.targets {
        let settings = match entry.settings {
            Ok(settings) => settings,
            Err(e) => {
                if let Some(live) = &live {
                    live.finished(true);
                }
                slots.push(Slot::Ready(FleetTarget::invalid(
                    entry.name,
                    e.message(),
                    e.hint().to_string(),
                )));
                continue;
            }
        };
        let (cache, permits, live) = (cache.clone(), permits.clone(), live.clone());
        let name = entry.name.clone();
        let file = shown_file.clone();
        let task = tokio::spawn(async move {
            // The semaphore is never closed: a permit always comes.
            let _permit = permits.acquire_owned().await;
            let target = match super::check::run_check_with(&settings, &cache).await {
                Ok(report) => FleetTarget::checked(name, report),
                Err(e) => FleetTarget::invalid(
                    name.clone(),
                    tr!(
                        "fleet-entry-error",
                        file = printable(&file).into_owned(),
                        target = printable(&name).into_owned(),
                        problem = e.to_string()
                    ),
                    tr!("fleet-target-input-hint"),
                ),
            };
            if let Some(live) = &live {
                live.finished(target.verdict == Verdict::Fail);
            }
            target
        });
        slots.push(Slot::Running(entry.name, task));
    }
    let mut targets = Vec::with_capacity(slots.len());
    for slot in slots {
        targets.push(match slot {
            Slot::Ready(t) => t,
            Slot::Running(name, task) => match task.await {
                Ok(t) => t,
                Err(_) => {
                    if let Some(live) = &live {
                        live.finished(true);
                    }
                    stopped(&shown_file, name)
                }
            },
        });
    }
    if let Some(live) = live {
        live.finish();
    }
    let summary = FleetSummary::of(&targets);
    FleetReport {
        schema_version: SCHEMA_VERSION,
        command: "check",
        verdict: targets
            .iter()
            .map(|t| t.verdict)
            .max()
            .unwrap_or(Verdict::Pass),
        evaluated_at: s.common.now,
        duration: start.elapsed(),
        concurrency: s.concurrency,
        targets_file: shown_file,
        summary,
        targets,
    }
}

/// A target whose check ended without a report (a bug): reported, never fatal.
fn stopped(file: &str, name: String) -> FleetTarget {
    let message = tr!(
        "fleet-target-stopped",
        file = printable(file).into_owned(),
        target = printable(&name).into_owned()
    );
    FleetTarget::invalid(name, message, tr!("fleet-target-stopped-hint"))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use time::macros::datetime;

    use super::TrustCache;

    fn root() -> Vec<PathBuf> {
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/fixed/root.pem")]
    }

    #[test]
    fn a_shared_cache_reads_each_ca_file_set_once() {
        let now = datetime!(2020-06-01 00:00 UTC);
        let cache = TrustCache::shared();
        let a = cache.load(&root(), now, 30).unwrap();
        let b = cache.load(&root(), now, 30).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(Arc::ptr_eq(&a.anchors, &b.anchors));
        assert_eq!(a.anchors.len(), 1);
        // Another time or warning window is another analysis.
        let c = cache.load(&root(), now, 10).unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        // Without sharing, every call reads.
        let none = TrustCache::none();
        let d = none.load(&root(), now, 30).unwrap();
        let e = none.load(&root(), now, 30).unwrap();
        assert!(!Arc::ptr_eq(&d, &e));
        // A file that cannot be read is each caller's error, not kept.
        let missing = vec![PathBuf::from("/nonexistent/ca.pem")];
        assert!(cache.load(&missing, now, 30).is_err());
        assert!(cache.load(&missing, now, 30).is_err());
    }
}
