//! `mongotls sandbox` (run until stopped) and `mongotls demo` (start, check, stop).

use std::io::Write;
use std::path::PathBuf;

use super::check::run_check;
use super::output::ReadyFile;
use super::{block_on, Outcome, RunError};
use crate::report::sandbox::{SandboxReady, SandboxReadyUser};
use crate::report::sink::layout_line;
use crate::report::{ColorWhen, Environment, Report};
use crate::sandbox::{self, Sandbox, SandboxError, StopSignals};
use crate::settings::{CheckSettings, DemoSettings, SandboxRun};
use crate::tr;

/// `mongotls sandbox`: prints the URI and CA file (and writes `--ready-file`), serves until
/// SIGINT, SIGTERM or SIGHUP, then removes its files.
pub(super) fn run(s: &SandboxRun, out: &mut (dyn Write + Send)) -> Result<Outcome, RunError> {
    block_on(serve(s, out))??;
    Ok(Outcome::Finished)
}

async fn serve(s: &SandboxRun, out: &mut (dyn Write + Send)) -> Result<(), RunError> {
    // Before anything exists that a signal would leave behind.
    let mut stop = StopSignals::install()?;
    let sandbox = Sandbox::start_on(s.sandbox.clone(), s.auth.clone(), s.base_port).await?;
    let served = async {
        sandbox::describe(&sandbox, out).map_err(SandboxError::Output)?;
        let ready = match &s.ready_file {
            Some(path) => Some(ReadyFile::write(path, &ready(&sandbox).to_json())?),
            None => None,
        };
        stop.wait().await?;
        drop(ready);
        writeln!(out, "{}", tr!("sandbox-stopping")).map_err(SandboxError::Output)?;
        out.flush().map_err(SandboxError::Output)?;
        Ok::<(), RunError>(())
    }
    .await;
    sandbox.shutdown().await;
    served
}

/// What the ready file says about `sandbox`.
fn ready(sandbox: &Sandbox) -> SandboxReady {
    SandboxReady {
        pid: std::process::id(),
        uri: sandbox.uri(),
        ca: sandbox.ca_file().display().to_string(),
        members: sandbox.members(),
        replica_set: sandbox.set_name().to_string(),
        scenario: sandbox.config().scenario.name().to_string(),
        tls_mode: sandbox.tls_mode().name().to_string(),
        users: sandbox
            .users()
            .iter()
            .map(|u| SandboxReadyUser {
                name: u.user.name.clone(),
                db: u.user.db.clone(),
                password_file: u.password_file.as_ref().map(|p| p.display().to_string()),
            })
            .collect(),
        client_cert: sandbox.client_certs().good.display().to_string(),
    }
}

/// `mongotls demo`. Says on stderr where the CA file the report names is now: kept
/// (`--keep-ca DIR`), or removed with the sandbox.
pub(super) fn demo(s: &DemoSettings) -> Result<Outcome, RunError> {
    let (report, ca_file) = block_on(check_sandbox(s))??;
    let note = if s.keep_ca.is_some() {
        tr!("sandbox-demo-ca-kept", path = ca_file.display().to_string())
    } else {
        tr!(
            "sandbox-demo-ca-removed",
            path = ca_file.display().to_string()
        )
    };
    // Wrapped like the report when stderr is the same terminal; whole in a pipe or a log.
    let layout = Environment::of_stderr().stream_layout(ColorWhen::Never);
    let _ = writeln!(std::io::stderr(), "{}", layout_line(&note, &layout));
    Ok(Outcome::Report {
        report: Box::new(report),
        format: s.format,
        strict: false,
    })
}

/// Starts the sandbox, checks it as a user would (`check URI --ca FILE`), stops it. Returns
/// the report and the CA file it names.
async fn check_sandbox(s: &DemoSettings) -> Result<(Report, PathBuf), RunError> {
    let mut sandbox = Sandbox::start_on(s.sandbox.clone(), s.auth.clone(), s.base_port).await?;
    if let Some(dir) = &s.keep_ca {
        if let Err(e) = sandbox.keep_ca_file_in(dir) {
            sandbox.shutdown().await;
            return Err(e.into());
        }
    }
    let ca_file = sandbox.ca_file().to_path_buf();
    let result = match CheckSettings::for_demo(&sandbox.uri(), &ca_file, s.now) {
        Ok(mut settings) => {
            settings.progress = s.progress;
            run_check(&settings).await.map_err(RunError::from)
        }
        Err(e) => Err(RunError::from(e)),
    };
    sandbox.shutdown().await;
    Ok((result?, ca_file))
}
