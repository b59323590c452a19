//! `mongotls ca`: read the bundle, judge it, report.

use super::inputs::{display_paths, InputError};
use super::{Outcome, RunError};
use crate::pki::ca_check::analyse_bundle;
use crate::pki::load::read_inputs;
use crate::report::{CaReport, Report};
use crate::settings::CaSettings;

/// `mongotls ca`.
pub(super) fn run(s: &CaSettings) -> Result<Outcome, RunError> {
    Ok(Outcome::report(report(s)?, &s.common))
}

fn report(s: &CaSettings) -> Result<Report, InputError> {
    let input = read_inputs(&s.files)?;
    let analysis = analyse_bundle(&input, s.common.now, s.common.warn_days);
    Ok(Report::Ca(CaReport::new(
        display_paths(&s.files),
        &analysis,
        s.common.now,
        s.common.warn_days,
    )))
}
