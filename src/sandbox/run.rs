//! Running until stopped: what stops a sandbox ([`StopSignals`]: Ctrl-C, and the SIGTERM and
//! SIGHUP that service managers, `kill` and a closed terminal send), and what it tells its
//! user once it listens ([`describe`]).

use std::io;

use super::access::{describe_auth, INDENT};
use super::{Sandbox, SandboxError, Scenario, SET_NAME};
use crate::tr;

/// The signals that stop a sandbox, listened to from [`StopSignals::install`] on: one that
/// arrives while the sandbox starts is kept and ends [`StopSignals::wait`] at once, so its
/// files are removed whenever the signal comes.
pub struct StopSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hangup: tokio::signal::unix::Signal,
    #[cfg(not(unix))]
    ctrl_c: std::pin::Pin<Box<dyn std::future::Future<Output = io::Result<()>> + Send>>,
}

impl StopSignals {
    /// Starts listening for SIGINT, SIGTERM and SIGHUP (Ctrl-C elsewhere). Call it inside the
    /// runtime, before the sandbox starts.
    pub fn install() -> Result<StopSignals, SandboxError> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let listen = |kind| signal(kind).map_err(SandboxError::Signal);
            Ok(StopSignals {
                interrupt: listen(SignalKind::interrupt())?,
                terminate: listen(SignalKind::terminate())?,
                hangup: listen(SignalKind::hangup())?,
            })
        }
        #[cfg(not(unix))]
        {
            use std::future::Future as _;
            let mut ctrl_c = Box::pin(tokio::signal::ctrl_c());
            // Polled once, so that the handler is installed now.
            let waker = std::task::Waker::noop();
            let _ = ctrl_c
                .as_mut()
                .poll(&mut std::task::Context::from_waker(waker));
            Ok(StopSignals { ctrl_c })
        }
    }

    /// Waits for the first of the signals; returns its name (`SIGTERM`).
    pub async fn wait(&mut self) -> Result<&'static str, SandboxError> {
        #[cfg(unix)]
        {
            Ok(tokio::select! {
                _ = self.interrupt.recv() => "SIGINT",
                _ = self.terminate.recv() => "SIGTERM",
                _ = self.hangup.recv() => "SIGHUP",
            })
        }
        #[cfg(not(unix))]
        {
            (&mut self.ctrl_c).await.map_err(SandboxError::Signal)?;
            Ok("Ctrl-C")
        }
    }
}

/// What `mongotls sandbox` prints once it listens: the replica set, scenario, TLS mode, URI,
/// CA file, users and their password files, client certificates, members, how to stop it.
pub fn describe(sandbox: &Sandbox, out: &mut (dyn io::Write + Send)) -> io::Result<()> {
    let config = sandbox.config();
    let line = |out: &mut (dyn io::Write + Send), text: String| writeln!(out, "{text}");
    line(
        out,
        tr!(
            "sandbox-describe-title",
            set = SET_NAME,
            count = sandbox.members.len()
        ),
    )?;
    line(
        out,
        tr!(
            "sandbox-describe-scenario",
            scenario = config.scenario.name(),
            description = scenario_description(config.scenario)
        ),
    )?;
    line(
        out,
        tr!(
            "sandbox-describe-tls-mode",
            mode = sandbox.tls_mode().name()
        ),
    )?;
    if let Some(delay) = config.handshake_delay {
        line(
            out,
            tr!(
                "sandbox-describe-delay",
                delay = crate::duration::format_duration(delay)
            ),
        )?;
    }
    line(out, tr!("sandbox-describe-uri", uri = sandbox.uri()))?;
    if config.scenario == Scenario::WrongPassword {
        line(
            out,
            format!("{INDENT}{}", tr!("sandbox-describe-wrong-password")),
        )?;
    }
    line(
        out,
        tr!(
            "sandbox-describe-ca-file",
            path = sandbox.ca_file().display().to_string()
        ),
    )?;
    describe_auth(sandbox, out)?;
    line(out, tr!("sandbox-describe-members"))?;
    for name in &sandbox.members {
        let member = if sandbox.primary() == Some(name.as_str()) {
            tr!("sandbox-describe-primary", member = name.as_str())
        } else {
            tr!("sandbox-describe-secondary", member = name.as_str())
        };
        line(out, format!("  {member}"))?;
    }
    line(out, tr!("sandbox-describe-stop"))?;
    out.flush()
}

/// One line saying what the scenario breaks, in the language in effect ([`Scenario::description`]
/// is its English text, which `--help` shows).
fn scenario_description(scenario: Scenario) -> String {
    match scenario {
        Scenario::Good => tr!("sandbox-scenario-good"),
        Scenario::Expired => tr!("sandbox-scenario-expired"),
        Scenario::NotYetValid => tr!("sandbox-scenario-not-yet-valid"),
        Scenario::WrongCa => tr!("sandbox-scenario-wrong-ca"),
        Scenario::HostnameMismatch => tr!("sandbox-scenario-hostname-mismatch"),
        Scenario::MissingIntermediate => tr!("sandbox-scenario-missing-intermediate"),
        Scenario::SelfSigned => tr!("sandbox-scenario-self-signed"),
        Scenario::PlaintextOnly => tr!("sandbox-scenario-plaintext-only"),
        Scenario::TlsRequired => tr!("sandbox-scenario-tls-required"),
        Scenario::OneMemberExpired => tr!("sandbox-scenario-one-member-expired"),
        Scenario::NoPrimary => tr!("sandbox-scenario-no-primary"),
        Scenario::WrongPassword => tr!("sandbox-scenario-wrong-password"),
        Scenario::ClientCertRequired => tr!("sandbox-scenario-client-cert-required"),
    }
}
