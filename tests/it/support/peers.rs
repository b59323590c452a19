//! The independent peers of the acceptance tests (the `openssl` CLI, `python3`, PyMongo,
//! MockupDB): finding them, skipping without them (but failing in CI), and running them as child
//! processes that are always reaped.
//!
//! - [`tool_runs`], [`openssl_available`], [`python_available`]: whether a tool is there.
//! - [`skip_or_fail_in_ci`], [`mockupdb_peers_or_skip`]: a missing peer skips locally, fails in CI.
//! - [`run_with_timeout`]: a child process run to completion, killed after a bound.
//! - [`MockSet`]: `tests/peers/mock_replset.py` (MockupDB) serving a spec, stopped when dropped.

// Not every test binary that includes `support` uses every helper, a peer that cannot be run
// should fail the test loudly, and a skip says so on stderr.
#![allow(
    dead_code,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::print_stderr
)]

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// What `.ci/run` installs for the `openssl` CLI acceptance tests.
pub const INSTALL_OPENSSL_PYTHON: &str = "apt-get install openssl python3";

/// What `.ci/run` installs for the MockupDB acceptance tests.
pub const INSTALL_MOCKUPDB_PEERS: &str =
    "apt-get install openssl python3; python3 -m pip install pymongo mockupdb";

/// How long the mock replica set may take to listen (Python start-up on a loaded machine).
pub const READY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long the mock may take to exit after its stdin closes before it is killed.
pub const EXIT_GRACE: Duration = Duration::from_secs(5);

// ---------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------

/// Whether `program ARGS` runs and succeeds (all output discarded).
pub fn tool_runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// `openssl version` runs.
pub fn openssl_available() -> bool {
    tool_runs("openssl", &["version"])
}

/// `python3` runs and has its `socket` and `ssl` modules.
pub fn python_available() -> bool {
    tool_runs("python3", &["-c", "import socket, ssl"])
}

/// Locally a missing independent peer skips (loudly); in CI (`CI` set, as `.ci/run` runs) it
/// fails, since `.ci/run` installs the peers (`install` says how) and a skipped acceptance test
/// proves nothing.
pub fn skip_or_fail_in_ci(why: &str, install: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "{why}: .ci/run must install it ({install})"
    );
    eprintln!("skipped: {why}");
}

/// Whether `openssl`, `python3` and its `pymongo` and `mockupdb` modules are all there; when
/// one is not, skips (or fails in CI) naming the first missing one and returns false.
pub fn mockupdb_peers_or_skip() -> bool {
    if !openssl_available() {
        skip_or_fail_in_ci("openssl not on PATH", INSTALL_MOCKUPDB_PEERS);
        return false;
    }
    if !tool_runs("python3", &["-c", "import ssl"]) {
        skip_or_fail_in_ci("python3 not available", INSTALL_MOCKUPDB_PEERS);
        return false;
    }
    if !tool_runs("python3", &["-c", "import pymongo, mockupdb"]) {
        skip_or_fail_in_ci(
            "python3 modules pymongo and mockupdb not installed",
            INSTALL_MOCKUPDB_PEERS,
        );
        return false;
    }
    true
}

/// `tests/peers/NAME`.
pub fn peer_script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/peers")
        .join(name)
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

/// Runs `cmd` (stdin from /dev/null) to completion, killing it after `limit`.
pub fn run_with_timeout(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {cmd:?}: {e}"));
    let drain = |mut r: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout is piped")));
    let err = drain(Box::new(child.stderr.take().expect("stderr is piped")));
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait().expect("wait for child") {
            Some(status) => break status,
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{cmd:?} did not finish within {limit:?}");
            }
            None => thread::sleep(Duration::from_millis(10)),
        }
    };
    Output {
        status,
        stdout: out.join().expect("join stdout reader"),
        stderr: err.join().expect("join stderr reader"),
    }
}

// ---------------------------------------------------------------------------------------------
// The independent server: MockupDB, driven by tests/peers/mock_replset.py
// ---------------------------------------------------------------------------------------------

/// A running mock replica set. It serves until its stdin closes; dropping this closes it,
/// waits briefly, then kills and reaps the process ([`PeerProcess`]).
pub struct MockSet {
    process: PeerProcess,
    /// `localhost:PORT` per member, in spec order.
    pub members: Vec<String>,
    /// The ready line, parsed (versions of the peer stack, and what the mock understood).
    pub info: Value,
    /// The ready line as the mock printed it.
    pub ready_line: String,
}

impl MockSet {
    /// Starts `mock_replset.py` on `spec` (`{"set_name": …, "members": […]}`, written to
    /// `dir`) and waits for its ready line, which must name one address per member.
    /// Start-up failures panic with `context` before the message, and call the mock `what`.
    pub fn start(dir: &Path, spec: &Value, context: &str, what: &str) -> MockSet {
        let process =
            PeerProcess::start_labelled("mock_replset.py", dir, spec, &format!("{context}{what}"));
        let info = process.ready.clone();
        let line = process.ready_line.clone();
        let members: Vec<String> = info["members"]
            .as_array()
            .expect("members in the ready line")
            .iter()
            .map(|m| m.as_str().expect("member name").to_string())
            .collect();
        let wanted = spec["members"].as_array().map_or(0, Vec::len);
        assert_eq!(members.len(), wanted, "{line}");
        MockSet {
            process,
            members,
            info,
            ready_line: line,
        }
    }

    /// What the mock has written to stderr so far.
    pub fn stderr(&self) -> String {
        self.process.stderr()
    }

    /// `host:port,host:port,…`, for a seed list.
    pub fn seed_list(&self) -> String {
        self.members.join(",")
    }
}

// ---------------------------------------------------------------------------------------------
// A Python peer process with the ready-line lifecycle (`tests/peers/hostile_peer.py`)
// ---------------------------------------------------------------------------------------------

/// What `.ci/run` installs for the independent hostile peer (PyMongo brings `bson`).
pub const INSTALL_HOSTILE_PEER: &str = "apt-get install python3; python3 -m pip install pymongo";

/// Whether `python3` with its `ssl` module and PyMongo's `bson` package is there (what
/// `tests/peers/hostile_peer.py` needs); when not, skips (or fails in CI) and returns false.
pub fn hostile_peer_or_skip() -> bool {
    if !tool_runs("python3", &["-c", "import socket, ssl"]) {
        skip_or_fail_in_ci("python3 not available", INSTALL_HOSTILE_PEER);
        return false;
    }
    // `bson` as PyMongo ships it (the unrelated PyPI `bson` package has no `encode`/`has_c`).
    if !tool_runs(
        "python3",
        &["-c", "import bson; bson.encode, bson.decode, bson.has_c"],
    ) {
        skip_or_fail_in_ci(
            "python3 module pymongo (and its bson) not installed",
            INSTALL_HOSTILE_PEER,
        );
        return false;
    }
    true
}

/// A Python peer script run as `python3 tests/peers/SCRIPT SPEC.json`, with the same
/// lifecycle as `mock_replset.py`: it prints one JSON line once it listens, then serves until
/// its stdin closes. Dropping this closes stdin, waits up to [`EXIT_GRACE`], then kills and
/// reaps the process.
pub struct PeerProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    /// The ready line, parsed.
    pub ready: Value,
    /// The ready line as the peer printed it.
    pub ready_line: String,
    stderr_path: PathBuf,
}

impl PeerProcess {
    /// Writes `spec` to `dir/NAME.spec.json` (NAME = `script` without `.py`), starts the
    /// script on it (working directory `dir`, stderr to `dir/NAME.stderr`) and waits up to
    /// [`READY_TIMEOUT`] for its JSON ready line. Start-up failures panic, with the peer's
    /// stderr.
    pub fn start(script: &str, dir: &Path, spec: &Value) -> PeerProcess {
        Self::start_labelled(script, dir, spec, script)
    }

    /// [`PeerProcess::start`], with start-up failures calling the peer `label`.
    pub fn start_labelled(script: &str, dir: &Path, spec: &Value, label: &str) -> PeerProcess {
        let name = script.strip_suffix(".py").unwrap_or(script);
        let spec_path = dir.join(format!("{name}.spec.json"));
        fs::write(&spec_path, spec.to_string()).expect("write the peer's spec");
        let stderr_path = dir.join(format!("{name}.stderr"));
        let mut child = Command::new("python3")
            .arg(peer_script(script))
            .arg(&spec_path)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(File::create(&stderr_path).expect("create the peer's stderr file"))
            .spawn()
            .unwrap_or_else(|e| panic!("spawn python3 {script}: {e}"));
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut peer = PeerProcess {
            child,
            stdin,
            ready: Value::Null,
            ready_line: String::new(),
            stderr_path,
        };
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            // The first line is the ready line; keep draining until the process exits.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let line = match rx.recv_timeout(READY_TIMEOUT) {
            Ok(line) => line,
            Err(RecvTimeoutError::Timeout) => panic!(
                "{label} did not start within {READY_TIMEOUT:?}: {}",
                peer.stderr()
            ),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("{label} exited before it was ready: {}", peer.stderr())
            }
        };
        peer.ready = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("{label}: bad ready line ({e}): {line}"));
        peer.ready_line = line;
        peer
    }

    /// What the peer has written to stderr so far.
    pub fn stderr(&self) -> String {
        fs::read_to_string(&self.stderr_path).unwrap_or_default()
    }
}

impl Drop for PeerProcess {
    fn drop(&mut self) {
        // Closing stdin is the shutdown signal.
        drop(self.stdin.take());
        let deadline = Instant::now() + EXIT_GRACE;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `tests/peers/hostile_peer.py`: an independent hostile MongoDB server, one port of
/// 127.0.0.1 per behaviour (`silent`, `slow`, …, `healthy`; see the script). Stops when
/// dropped.
pub struct HostilePeer {
    /// The process (its ready line: `ports`, `closed_ports`, versions).
    pub process: PeerProcess,
}

impl HostilePeer {
    /// Starts the peer serving `cert` (covering `localhost`) with its `key` and `chain`
    /// (intermediates), files in `dir`; its `hello`s name the replica set `set_name`, and
    /// `hosts_elsewhere`'s also names `extra_hosts`, verbatim.
    pub fn start(
        dir: &Path,
        cert: &Path,
        key: &Path,
        chain: &[PathBuf],
        set_name: &str,
        extra_hosts: &[&str],
    ) -> Self {
        let path = |p: &Path| p.to_str().expect("temporary paths are UTF-8").to_string();
        let spec = serde_json::json!({
            "cert": path(cert),
            "key": path(key),
            "chain": chain.iter().map(|p| path(p)).collect::<Vec<_>>(),
            "set_name": set_name,
            "extra_hosts": extra_hosts,
        });
        let process = PeerProcess::start("hostile_peer.py", dir, &spec);
        assert!(
            process.ready["ports"].is_object(),
            "no ports in {}",
            process.ready_line
        );
        HostilePeer { process }
    }

    /// The port `behaviour` listens on (on 127.0.0.1); panics when the peer has no such
    /// behaviour.
    pub fn port(&self, behaviour: &str) -> u16 {
        self.process.ready["ports"][behaviour]
            .as_u64()
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or_else(|| panic!("no port for {behaviour} in {}", self.process.ready_line))
    }

    /// `localhost:PORT` of `behaviour`: the name its certificate covers and its `hello` uses.
    pub fn address(&self, behaviour: &str) -> String {
        format!("localhost:{}", self.port(behaviour))
    }

    /// Every behaviour the peer serves, by name.
    pub fn behaviours(&self) -> Vec<String> {
        self.process.ready["ports"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// `localhost:PORT` of each bound-but-not-listening port `hosts_elsewhere` names.
    pub fn closed_addresses(&self) -> Vec<String> {
        self.process.ready["closed_ports"]
            .as_array()
            .map(|ports| {
                ports
                    .iter()
                    .filter_map(Value::as_u64)
                    .map(|p| format!("localhost:{p}"))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What the peer has written to stderr so far.
    pub fn stderr(&self) -> String {
        self.process.stderr()
    }
}
