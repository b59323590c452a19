//! `mongotls check --targets FILE`: the report of many deployments, each with its full `check`
//! report (or why its entry could not be checked). Built by `src/commands/fleet`; this is the
//! JSON contract (docs/json.md, "The fleet document").

use std::time::Duration;

use serde::{Serialize, Serializer};
use time::OffsetDateTime;

use super::summary::CheckSummary;
use super::value;
use super::CheckReport;
use crate::findings::{Code, Severity, Verdict};

/// `mongotls check --targets FILE`.
#[derive(Clone, Debug, Serialize)]
pub struct FleetReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `check`.
    pub command: &'static str,
    /// The worst of the targets' verdicts (an invalid target fails).
    pub verdict: Verdict,
    /// The time certificates were judged at (a target's `at` may say otherwise in its report).
    #[serde(serialize_with = "value::time")]
    pub evaluated_at: OffsetDateTime,
    /// Wall time of the whole run.
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
    /// Most targets checked at once.
    pub concurrency: usize,
    /// The targets file, as named on the command line.
    pub targets_file: String,
    /// How many targets, by verdict.
    pub summary: FleetSummary,
    /// Every target, in the file's order.
    pub targets: Vec<FleetTarget>,
}

/// `summary` of the fleet: targets by verdict (an invalid target counts as `fail`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FleetSummary {
    /// Targets in the file.
    pub targets: usize,
    /// Targets that passed.
    pub pass: usize,
    /// Targets with warnings only.
    pub warn: usize,
    /// Targets that failed or could not be checked.
    pub fail: usize,
}

impl FleetSummary {
    /// The counts of `targets`.
    pub fn of(targets: &[FleetTarget]) -> FleetSummary {
        let mut s = FleetSummary {
            targets: targets.len(),
            ..FleetSummary::default()
        };
        for t in targets {
            match t.verdict {
                Verdict::Pass => s.pass += 1,
                Verdict::Warn => s.warn += 1,
                Verdict::Fail => s.fail += 1,
            }
        }
        s
    }
}

/// Why a target could not be checked.
#[derive(Clone, Debug, Serialize)]
pub struct TargetErrorReport {
    /// Always `fleet.target_invalid`.
    pub code: Code,
    /// What is wrong, naming the file, the target and the key (never a secret).
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// One target of the fleet.
#[derive(Clone, Debug, Serialize)]
pub struct FleetTarget {
    /// Its name in the targets file.
    pub name: String,
    /// Its check's verdict; `fail` when it could not be checked.
    pub verdict: Verdict,
    /// Wall time of its check (0 when it could not be checked).
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
    /// The earliest notAfter of the certificates its members presented or chained to.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_time"
    )]
    pub earliest_not_after: Option<OffsetDateTime>,
    /// Why it could not be checked (absent when it was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<TargetErrorReport>,
    /// Its full `check` report with its `summary`, `null` when it could not be checked.
    #[serde(serialize_with = "check_with_summary")]
    pub report: Option<Box<CheckReport>>,
}

impl FleetTarget {
    /// A target that was checked.
    pub fn checked(name: String, report: CheckReport) -> FleetTarget {
        FleetTarget {
            name,
            verdict: report.verdict,
            duration: report.duration,
            earliest_not_after: earliest_not_after(&report).map(|(t, _)| t),
            error: None,
            report: Some(Box::new(report)),
        }
    }

    /// A target that could not be checked.
    pub fn invalid(name: String, message: String, hint: String) -> FleetTarget {
        FleetTarget {
            name,
            verdict: Verdict::Fail,
            duration: Duration::ZERO,
            earliest_not_after: None,
            error: Some(TargetErrorReport {
                code: Code::FleetTargetInvalid,
                message,
                hint,
            }),
            report: None,
        }
    }

    /// Members without a `fail` finding, and members checked.
    pub fn members_ok(&self) -> Option<(usize, usize)> {
        let r = self.report.as_ref()?;
        let ok = r
            .members
            .iter()
            .filter(|m| !m.findings.iter().any(|f| f.severity == Severity::Fail))
            .count();
        Some((ok, r.members.len()))
    }

    /// The earliest notAfter and its whole days left at the evaluation time.
    pub fn earliest(&self) -> Option<(OffsetDateTime, i64)> {
        earliest_not_after(self.report.as_ref()?)
    }

    /// The code of its first `fail` finding (else its first warning): what the summary
    /// table shows.
    pub fn first_problem(&self) -> Option<Code> {
        if let Some(e) = &self.error {
            return Some(e.code);
        }
        let r = self.report.as_ref()?;
        [Severity::Fail, Severity::Warn]
            .into_iter()
            .find_map(|want| {
                r.all_findings()
                    .find(|f| f.severity == want)
                    .map(|f| f.code)
            })
    }
}

impl FleetReport {
    /// The targets as the text summary lists them: failing first, then warning, then passing;
    /// within each, the earliest expiry first (unknown last), then by name.
    pub fn by_severity(&self) -> Vec<&FleetTarget> {
        let mut sorted: Vec<&FleetTarget> = self.targets.iter().collect();
        sorted.sort_by(|a, b| {
            b.verdict
                .cmp(&a.verdict)
                .then_with(|| match (a.earliest_not_after, b.earliest_not_after) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                })
                .then_with(|| a.name.cmp(&b.name))
        });
        sorted
    }
}

/// The earliest notAfter on any member's path, with its days left.
fn earliest_not_after(r: &CheckReport) -> Option<(OffsetDateTime, i64)> {
    r.members
        .iter()
        .filter_map(|m| m.chain.as_ref())
        .flat_map(|c| c.path.iter())
        .map(|step| (step.not_after, step.days_remaining))
        .min_by_key(|(t, _)| *t)
}

fn optional_time<S: Serializer>(t: &Option<OffsetDateTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => value::time(t, s),
        None => s.serialize_none(),
    }
}

/// A target's check report as `check --format json` writes it, less `lang` (the fleet's).
#[derive(Serialize)]
struct CheckWithSummary<'a> {
    #[serde(flatten)]
    report: &'a CheckReport,
    summary: CheckSummary,
}

fn check_with_summary<S: Serializer>(
    r: &Option<Box<CheckReport>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match r {
        Some(r) => CheckWithSummary {
            report: r,
            summary: CheckSummary::of(r),
        }
        .serialize(s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::report::fixtures::check_report;
    use crate::report::Report;

    fn checked(name: &str, verdict: Verdict) -> FleetTarget {
        let Report::Check(mut r) = check_report(&["h:1"], Vec::new(), Vec::new(), Duration::ZERO)
        else {
            unreachable!()
        };
        r.verdict = verdict;
        FleetTarget::checked(name.into(), *r)
    }

    fn at(days: i64) -> Option<OffsetDateTime> {
        Some(time::macros::datetime!(2027-01-01 00:00 UTC) + time::Duration::days(days))
    }

    #[test]
    fn the_table_order_is_severity_then_earliest_expiry_then_name() {
        let mut targets = vec![
            checked("pass-late", Verdict::Pass),
            checked("warn", Verdict::Warn),
            checked("pass-early", Verdict::Pass),
            FleetTarget::invalid("invalid".into(), "m".into(), "h".into()),
            checked("fail-unknown", Verdict::Fail),
            checked("fail-soon", Verdict::Fail),
            checked("pass-unknown", Verdict::Pass),
        ];
        targets[0].earliest_not_after = at(300);
        targets[2].earliest_not_after = at(10);
        targets[5].earliest_not_after = at(1);
        let summary = FleetSummary::of(&targets);
        assert_eq!(
            summary,
            FleetSummary {
                targets: 7,
                pass: 3,
                warn: 1,
                fail: 3
            }
        );
        let report = FleetReport {
            schema_version: crate::report::SCHEMA_VERSION,
            command: "check",
            verdict: Verdict::Fail,
            evaluated_at: time::macros::datetime!(2027-01-01 00:00 UTC),
            duration: Duration::ZERO,
            concurrency: 8,
            targets_file: "f.toml".into(),
            summary,
            targets,
        };
        let order: Vec<&str> = report
            .by_severity()
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "fail-soon",
                "fail-unknown",
                "invalid",
                "warn",
                "pass-early",
                "pass-late",
                "pass-unknown"
            ]
        );
        let invalid = report.targets.iter().find(|t| t.name == "invalid").unwrap();
        assert_eq!(invalid.first_problem(), Some(Code::FleetTargetInvalid));
        assert_eq!(invalid.members_ok(), None);
        let json = serde_json::to_value(invalid).unwrap();
        assert_eq!(json["error"]["code"], "fleet.target_invalid");
        assert!(json["report"].is_null());
        assert!(json.get("earliest_not_after").is_none());
    }
}
