//! `mongotls sandbox` (run until interrupted) and `mongotls demo` (start, check, stop).

use std::io::Write;

use super::check::run_check;
use super::{block_on, Outcome, RunError};
use crate::report::Report;
use crate::sandbox::{self, AuthConfig, Sandbox, SandboxConfig};
use crate::settings::{CheckSettings, DemoSettings};

/// `mongotls sandbox`: prints the URI and CA file, serves until Ctrl-C.
pub(super) fn run(
    config: SandboxConfig,
    auth: AuthConfig,
    out: &mut (dyn Write + Send),
) -> Result<Outcome, RunError> {
    block_on(sandbox::run_until_interrupted(config, auth, out))??;
    Ok(Outcome::Finished)
}

/// `mongotls demo`.
pub(super) fn demo(s: &DemoSettings) -> Result<Outcome, RunError> {
    let report = block_on(check_sandbox(s))??;
    Ok(Outcome::Report {
        report: Box::new(report),
        format: s.format,
        strict: false,
    })
}

/// Starts the sandbox, checks it as a user would (`check URI --ca FILE`), stops it.
async fn check_sandbox(s: &DemoSettings) -> Result<Report, RunError> {
    let sandbox = Sandbox::start_with_auth(s.sandbox.clone(), s.auth.clone()).await?;
    let result = match CheckSettings::for_demo(&sandbox.uri(), sandbox.ca_file(), s.now) {
        Ok(settings) => run_check(&settings).await.map_err(RunError::from),
        Err(e) => Err(RunError::from(e)),
    };
    sandbox.shutdown().await;
    result
}
