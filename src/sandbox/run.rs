//! Running until stopped: what stops a sandbox ([`StopSignals`]: Ctrl-C, and the SIGTERM and
//! SIGHUP that service managers, `kill` and a closed terminal send), and what it tells its
//! user once it listens ([`describe`]).

use std::io;

use super::access::describe_auth;
use super::{Sandbox, SandboxError, Scenario, SET_NAME};

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
    writeln!(
        out,
        "mongotls sandbox: replica set {} with {} member{}",
        SET_NAME,
        sandbox.members.len(),
        if sandbox.members.len() == 1 { "" } else { "s" }
    )?;
    writeln!(
        out,
        "scenario:  {} ({})",
        config.scenario,
        config.scenario.description()
    )?;
    writeln!(out, "TLS mode:  {}", sandbox.tls_mode())?;
    if let Some(delay) = config.handshake_delay {
        writeln!(
            out,
            "delay:     {} before each TLS handshake",
            crate::duration::format_duration(delay)
        )?;
    }
    writeln!(out, "URI:       {}", sandbox.uri())?;
    if config.scenario == Scenario::WrongPassword {
        writeln!(
            out,
            "           (its password is wrong on purpose; the real one is in the file below)"
        )?;
    }
    writeln!(out, "CA file:   {}", sandbox.ca_file().display())?;
    describe_auth(sandbox, out)?;
    writeln!(out, "members:")?;
    for name in &sandbox.members {
        let role = if sandbox.primary() == Some(name.as_str()) {
            "primary"
        } else {
            "secondary"
        };
        writeln!(out, "  {name} ({role})")?;
    }
    writeln!(out, "Press Ctrl-C to stop.")?;
    out.flush()
}
