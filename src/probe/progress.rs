//! What `check` tells while it works, as typed events: a member queued, a phase of its probe
//! started or ended, the member done (and how), the SRV lookup and the driver stage. The probes
//! and the set's discovery emit them into a [`Progress`] handle; a live display in the face
//! (`commands::progress`) shows them. Nothing here prints, and without a listener an event is
//! never even built.

use std::sync::Arc;
use std::time::Duration;

use crate::findings::{Code, Severity};

use super::MemberProbe;

/// A phase of one member's probe, as the live display names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    /// Name resolution.
    Dns,
    /// The TCP connection.
    Tcp,
    /// The TLS handshake.
    Tls,
    /// `hello`, `ping` and `buildInfo` over TLS.
    Mongo,
    /// The plaintext `hello` on a second connection.
    Plaintext,
}

impl Phase {
    /// Every phase, in the order a probe runs them (TLS and plaintext side by side).
    pub const ALL: [Phase; 5] = [
        Phase::Dns,
        Phase::Tcp,
        Phase::Tls,
        Phase::Mongo,
        Phase::Plaintext,
    ];
}

/// How a member's probe ended, in short: enough for one status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberEnd {
    /// How many of its findings fail.
    pub failures: usize,
    /// How many warn.
    pub warnings: usize,
    /// The code of its first failure: the cause to name.
    pub cause: Option<Code>,
    /// The phase timeout that stopped it (TCP connect, TLS handshake), when one did.
    pub timed_out_after: Option<Duration>,
    /// It took the connection and never answered.
    pub silent: bool,
    /// The TLS version negotiated (`TLSv1.3`), when the handshake completed.
    pub tls_version: Option<String>,
    /// How long its probe took.
    pub elapsed: Duration,
}

impl MemberEnd {
    /// The end of `probe`, which took `elapsed`.
    pub fn of(probe: &MemberProbe, elapsed: Duration) -> MemberEnd {
        let count = |s: Severity| probe.findings.iter().filter(|f| f.severity == s).count();
        MemberEnd {
            failures: count(Severity::Fail),
            warnings: count(Severity::Warn),
            cause: probe
                .findings
                .iter()
                .find(|f| f.severity == Severity::Fail)
                .map(|f| f.code),
            timed_out_after: probe.timed_out_after,
            silent: probe.silent,
            tls_version: probe.tls.as_ref().map(|t| t.version.clone()),
            elapsed,
        }
    }
}

/// One thing that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressEvent {
    /// The `mongodb+srv://` name is being looked up.
    SrvStarted {
        /// The SRV name (`_mongodb._tcp.host`).
        name: String,
    },
    /// The SRV lookup ended: the hosts it gave, `None` when it failed.
    SrvFinished {
        /// How many hosts it listed.
        hosts: Option<usize>,
    },
    /// A member will be probed: the seeds first, then each member discovery finds.
    MemberQueued {
        /// `host:port` as the seed list or the configuration names it (not escaped).
        address: String,
        /// It is a seed.
        seed: bool,
    },
    /// A phase of a member's probe started.
    PhaseStarted {
        /// The member.
        address: String,
        /// The phase.
        phase: Phase,
    },
    /// A phase of a member's probe ended, however it went.
    PhaseFinished {
        /// The member.
        address: String,
        /// The phase.
        phase: Phase,
    },
    /// A member's probe ended.
    MemberFinished {
        /// The member.
        address: String,
        /// How.
        end: MemberEnd,
    },
    /// The driver stage started.
    DriverStarted,
    /// The driver stage ended: `Some(true)` it connected, `Some(false)` it failed, `None` it
    /// did not run.
    DriverFinished {
        /// Whether the driver connected.
        passed: Option<bool>,
    },
}

type Listener = dyn Fn(ProgressEvent) + Send + Sync;

/// Where a run's events go: a listener shared by every probe, or nowhere.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<Listener>>);

impl Progress {
    /// Events go nowhere (and are never built).
    pub fn none() -> Progress {
        Progress(None)
    }

    /// Events go to `listener`, called on whichever task emits them: it must be quick.
    pub fn to(listener: impl Fn(ProgressEvent) + Send + Sync + 'static) -> Progress {
        Progress(Some(Arc::new(listener)))
    }

    /// Emits the event `make` builds, when someone listens.
    pub fn emit(&self, make: impl FnOnce() -> ProgressEvent) {
        if let Some(listener) = &self.0 {
            listener(make());
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(listening)"
        } else {
            "Progress(none)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_listener_no_event_is_built() {
        Progress::none().emit(|| unreachable!("built without a listener"));
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        let p = Progress::to(move |e| sink.lock().unwrap().push(e));
        p.emit(|| ProgressEvent::DriverStarted);
        assert_eq!(*seen.lock().unwrap(), [ProgressEvent::DriverStarted]);
    }
}
