//! Independent peers for authentication: PyMongo as a judge (`tests/peers/pymongo_auth.py`)
//! and an independent wire-protocol server that speaks SCRAM and demands client certificates
//! (`tests/peers/auth_server.py`: asyncio, Python's `ssl`, PyMongo's `bson`, PyPI `scramp`).
//!
//! - [`pymongo_or_skip`], [`auth_server_or_skip`]: a missing peer skips locally, fails in CI.
//! - [`pymongo_auth`]: one PyMongo connection + `connectionStatus`, its verdict as JSON.
//! - [`AuthServer`]: `auth_server.py` serving a [`AuthServerSpec`], stopped when dropped.

#![allow(
    dead_code,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::print_stderr
)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::peers::{peer_script, skip_or_fail_in_ci, tool_runs, PeerProcess};

/// What `.ci/run` installs for PyMongo as a judge.
pub const INSTALL_PYMONGO: &str = "apt-get install python3; python3 -m pip install pymongo";

/// What `.ci/run` installs for `tests/peers/auth_server.py`.
pub const INSTALL_AUTH_SERVER: &str =
    "apt-get install openssl python3; python3 -m pip install pymongo scramp";

/// Bound of one PyMongo judgement (its own timeouts are shorter).
const JUDGE_TIMEOUT: Duration = Duration::from_secs(60);

/// Whether `python3` with PyMongo is there; when not, skips (or fails in CI).
pub fn pymongo_or_skip() -> bool {
    if !tool_runs("python3", &["-c", "import ssl, pymongo"]) {
        skip_or_fail_in_ci("python3 with pymongo not installed", INSTALL_PYMONGO);
        return false;
    }
    true
}

/// Whether `python3` with PyMongo (and its `bson`) and `scramp` is there; when not, skips (or
/// fails in CI).
pub fn auth_server_or_skip() -> bool {
    if !tool_runs(
        "python3",
        &[
            "-c",
            "import ssl, asyncio, pymongo, scramp; import bson; bson.encode",
        ],
    ) {
        skip_or_fail_in_ci(
            "python3 modules pymongo and scramp not installed",
            INSTALL_AUTH_SERVER,
        );
        return false;
    }
    true
}

/// Runs `tests/peers/pymongo_auth.py` with `request` on its stdin (see the script: `uri`,
/// `username`, `password`, `authSource`, `authMechanism`, `tlsCAFile`,
/// `tlsCertificateKeyFile`, `timeout_ms`) and returns its verdict line: `{"ok": true,
/// "users": [...], "roles": [...]}` or `{"ok": false, "error_type", "code", "error"}`.
/// Blocking: call it from `spawn_blocking` when a sandbox runs on the same runtime.
pub fn pymongo_auth(request: &Value) -> Value {
    let mut child = Command::new("python3")
        .arg(peer_script("pymongo_auth.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn python3 pymongo_auth.py");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(request.to_string().as_bytes())
        .expect("write the request");
    drop(stdin);
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out = thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + JUDGE_TIMEOUT;
    loop {
        if child
            .try_wait()
            .expect("wait for pymongo_auth.py")
            .is_some()
        {
            break;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("pymongo_auth.py did not finish within {JUDGE_TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(10));
    }
    let out = out.join().unwrap();
    let err = err.join().unwrap();
    let line = out.lines().last().unwrap_or("");
    serde_json::from_str(line)
        .unwrap_or_else(|e| panic!("pymongo_auth.py: bad verdict ({e}): {out}\nstderr:\n{err}"))
}

/// A user of [`AuthServer`].
#[derive(Debug, Clone)]
pub enum AuthServerUser {
    /// A SCRAM user with SCRAM-SHA-1 and SCRAM-SHA-256 credentials.
    Scram {
        /// User name.
        name: String,
        /// Authentication database.
        db: String,
        /// Password (the server keeps only salted credentials).
        password: String,
        /// `(role, db)` pairs.
        roles: Vec<(String, String)>,
    },
    /// A MONGODB-X509 user on `$external`, named by a certificate subject in RFC 2253.
    X509 {
        /// The subject, as OpenSSL prints it with `-nameopt RFC2253`.
        subject: String,
        /// `(role, db)` pairs.
        roles: Vec<(String, String)>,
    },
}

/// What [`AuthServer`] serves: one TLS-only member on 127.0.0.1 (a single-member replica set).
#[derive(Debug, Clone)]
pub struct AuthServerSpec {
    /// The server's certificate (PEM, leaf first; may include the chain).
    pub cert: PathBuf,
    /// Its private key (PEM).
    pub key: PathBuf,
    /// The CA file client certificates are verified against (`None`: none requested).
    pub client_ca: Option<PathBuf>,
    /// `"none"`, `"optional"` or `"required"` (needs `client_ca` unless `"none"`).
    pub client_cert: &'static str,
    /// The replica-set name `hello` reports.
    pub set_name: String,
    /// The users.
    pub users: Vec<AuthServerUser>,
}

/// `tests/peers/auth_server.py`: an independent MongoDB wire-protocol server that speaks
/// SCRAM-SHA-1/256 (PyPI `scramp`), MONGODB-X509 and demands client certificates (Python's
/// `ssl`, OpenSSL). Stops when dropped.
pub struct AuthServer {
    /// The process; its ready line has `port`, `member`, and the peers' versions.
    pub process: PeerProcess,
    /// `localhost:PORT`.
    pub member: String,
}

impl AuthServer {
    /// Starts the server on `spec`, its spec file and stderr in `dir`, and waits until it
    /// listens.
    pub fn start(dir: &Path, spec: &AuthServerSpec) -> AuthServer {
        let roles = |r: &[(String, String)]| -> Vec<Value> {
            r.iter()
                .map(|(role, db)| json!({"role": role, "db": db}))
                .collect()
        };
        let users: Vec<Value> = spec
            .users
            .iter()
            .map(|u| match u {
                AuthServerUser::Scram {
                    name,
                    db,
                    password,
                    roles: r,
                } => json!({"user": name, "db": db, "password": password,
                            "mechanisms": ["SCRAM-SHA-1", "SCRAM-SHA-256"], "roles": roles(r)}),
                AuthServerUser::X509 { subject, roles: r } => {
                    json!({"user": subject, "db": "$external", "roles": roles(r)})
                }
            })
            .collect();
        let json = json!({
            "cert": spec.cert,
            "key": spec.key,
            "client_ca": spec.client_ca,
            "client_cert": spec.client_cert,
            "set_name": spec.set_name,
            "users": users,
        });
        let process = PeerProcess::start("auth_server.py", dir, &json);
        let member = process.ready["member"]
            .as_str()
            .unwrap_or_else(|| panic!("no member in {}", process.ready_line))
            .to_owned();
        AuthServer { process, member }
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.process.ready["port"]
            .as_u64()
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or_else(|| panic!("no port in {}", self.process.ready_line))
    }

    /// What the server has written to stderr so far (one line per connection and command
    /// outcome; never a password).
    pub fn stderr(&self) -> String {
        self.process.stderr()
    }
}
