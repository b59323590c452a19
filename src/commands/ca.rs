//! `mongotls ca`: read the bundle, judge it, report.

use super::inputs::{display_paths, InputError};
use super::{Outcome, RunError};
use crate::findings::Verdict;
use crate::pki::ca_check::analyse_bundle;
use crate::pki::inspect::rfc3339;
use crate::pki::load::read_inputs;
use crate::report::{CaReport, Report, SCHEMA_VERSION};
use crate::settings::CaSettings;

/// `mongotls ca`.
pub(super) fn run(s: &CaSettings) -> Result<Outcome, RunError> {
    Ok(Outcome::report(report(s)?, &s.common))
}

fn report(s: &CaSettings) -> Result<Report, InputError> {
    let input = read_inputs(&s.files)?;
    let analysis = analyse_bundle(&input, s.common.now, s.common.warn_days);
    Ok(Report::Ca(CaReport {
        schema_version: SCHEMA_VERSION,
        command: "ca",
        verdict: Verdict::from_findings(&analysis.findings),
        evaluated_at: rfc3339(s.common.now),
        warn_days: s.common.warn_days,
        files: display_paths(&s.files),
        certificates: analysis.certificates,
        notes: analysis.notes,
        findings: analysis.findings,
    }))
}
