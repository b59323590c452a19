//! `mongotls verify`: judge a chain file against the CA file, offline.

use super::inputs::{describe_rejections, display_paths, load_ca, InputError};
use super::{Outcome, RunError};
use crate::pki::ca_check::{analyse_chain, chain_file_findings, rejection_findings};
use crate::pki::load::read_input;
use crate::pki::verify::{verify_chain, VerifyOptions};
use crate::report::verify::VerifyInputs;
use crate::report::{Report, VerifyReport};
use crate::settings::VerifySettings;

/// `mongotls verify`.
pub(super) fn run(s: &VerifySettings) -> Result<Outcome, RunError> {
    Ok(Outcome::report(report(s)?, &s.common))
}

fn report(s: &VerifySettings) -> Result<Report, InputError> {
    let now = s.common.now;
    let (ca_input, ca) = load_ca(&s.ca, now, s.common.warn_days)?;
    let chain_input = read_input(&s.chain)?;
    let chain = analyse_chain(&chain_input, &ca.certs, now, s.common.warn_days);
    if chain.certs.is_empty() {
        return Err(InputError::NoCertificate {
            file: s.chain.display().to_string(),
            problem: format!(
                "no certificate to verify ({}); pass the server's certificate file (PEM, leaf first)",
                describe_rejections(&chain_input)
            ),
        });
    }
    let opts = VerifyOptions {
        host: s.host.clone(),
        now,
        warn_days: s.common.warn_days,
        hostnames_waived: false,
        strict: s.common.strict,
    };
    let verification = verify_chain(&ca.certs, &chain.certs, &opts);

    // The CA file's own load problems matter to every client (a corrupt block, a private key);
    // its per-certificate judgements do not, unless the path uses that certificate, which the
    // chain findings already cover.
    let mut input_findings = rejection_findings(&ca_input.rejected);
    input_findings.extend(chain_file_findings(&chain_input));
    let inputs = VerifyInputs {
        evaluated_at: now,
        warn_days: s.common.warn_days,
        host: s.host.as_ref().map(|h| h.to_str().into_owned()),
        strict: s.common.strict,
        ca_files: display_paths(&s.ca),
        chain_file: s.chain.display().to_string(),
    };
    Ok(Report::Verify(VerifyReport::new(
        inputs,
        &ca,
        &chain,
        &verification,
        input_findings,
    )))
}
