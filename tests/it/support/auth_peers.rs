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

// ---------------------------------------------------------------------------------------------
// A ready-made PKI and user set for AuthServer (what the acceptance tests of issue 10 need)
// ---------------------------------------------------------------------------------------------

/// The replica-set name of [`AuthServer::start_standard`].
pub const AUTH_SET_NAME: &str = "rs0";
/// The SCRAM user of [`AuthServer::start_standard`] (on `admin`, `readWrite@app`).
pub const AUTH_USER: &str = "app";
/// Its password.
pub const AUTH_PASSWORD: &str = "s3cret-Pencil";
/// The MONGODB-X509 user of [`AuthServer::start_standard`]: the subject of
/// [`AuthPki::client`] as OpenSSL prints it in RFC 2253 (the `openssl ca` policy puts O before
/// CN in the DER, so CN comes first here).
pub const AUTH_X509_SUBJECT: &str = "CN=app-x509,O=mongotls independent";

/// Certificates made with the `openssl` CLI for [`AuthServer`]: a root CA, the server's leaf
/// (`CN=localhost`, SAN localhost/127.0.0.1) under it, and client certificates (clientAuth),
/// each certificate and key in one PEM as `tlsCertificateKeyFile` wants it.
#[derive(Debug, Clone)]
pub struct AuthPki {
    /// The root CA (the CA file for clients, and the server's client CA).
    pub ca: PathBuf,
    /// The server's certificate.
    pub server: PathBuf,
    /// The server's key.
    pub server_key: PathBuf,
    /// A valid client certificate + key, subject [`AUTH_X509_SUBJECT`].
    pub client: PathBuf,
    /// The same subject and CA, expired two days ago.
    pub client_expired: PathBuf,
    /// The same subject, under an unrelated root the server does not trust.
    pub client_other_ca: PathBuf,
}

impl AuthPki {
    /// Makes the PKI in `dir/pki` (and the combined PEMs in `dir`).
    pub fn make(dir: &Path) -> AuthPki {
        use super::openssl::{days, leaf_section, KeyKind, Pki, Spec};
        let pki = Pki::new(
            &dir.join("pki"),
            &[leaf_section("client", "clientAuth", None)],
        )
        .with_timeout(Duration::from_secs(60));
        let now = time::OffsetDateTime::now_utc();
        let (root, _) = pki.root_and_intermediate(now, "independent", "Auth");
        let other = pki.unrelated_root(now);
        let valid = (now - days(1), now + days(365));
        let server = pki.issue(
            &Spec::new("server", "/CN=localhost", KeyKind::P256, "server", valid),
            Some(&root),
        );
        let client = |name: &str, validity, issuer| {
            let issued = pki.issue(
                &Spec::new(
                    name,
                    "/O=mongotls independent/CN=app-x509",
                    KeyKind::P256,
                    "client",
                    validity,
                ),
                Some(issuer),
            );
            let pem = dir.join(format!("{name}-with-key.pem"));
            let both = std::fs::read_to_string(&issued.cert).unwrap()
                + &std::fs::read_to_string(&issued.key).unwrap();
            std::fs::write(&pem, both).unwrap();
            pem
        };
        AuthPki {
            client: client("client", valid, &root),
            client_expired: client("client_expired", (now - days(60), now - days(2)), &root),
            client_other_ca: client("client_other_ca", valid, &other),
            ca: root.cert,
            server: server.cert,
            server_key: server.key,
        }
    }
}

impl AuthServer {
    /// Starts the server with `pki`'s certificates, client certificates as `client_cert`
    /// says (`none`, `optional`, `required`; verified against `pki.ca`), replica set
    /// [`AUTH_SET_NAME`], and two users: [`AUTH_USER`] / [`AUTH_PASSWORD`] on `admin` (SCRAM-SHA-1
    /// and SCRAM-SHA-256) and [`AUTH_X509_SUBJECT`] on `$external`, both `readWrite@app`.
    pub fn start_standard(dir: &Path, pki: &AuthPki, client_cert: &'static str) -> AuthServer {
        let roles = vec![("readWrite".to_owned(), "app".to_owned())];
        AuthServer::start(
            dir,
            &AuthServerSpec {
                cert: pki.server.clone(),
                key: pki.server_key.clone(),
                client_ca: Some(pki.ca.clone()),
                client_cert,
                set_name: AUTH_SET_NAME.to_owned(),
                users: vec![
                    AuthServerUser::Scram {
                        name: AUTH_USER.to_owned(),
                        db: "admin".to_owned(),
                        password: AUTH_PASSWORD.to_owned(),
                        roles: roles.clone(),
                    },
                    AuthServerUser::X509 {
                        subject: AUTH_X509_SUBJECT.to_owned(),
                        roles,
                    },
                ],
            },
        )
    }

    /// `mongodb://[user:password@]localhost:PORT/?replicaSet=SET&tls=true` plus `extra`
    /// options (`&tlsCAFile=...`, `&authSource=admin`, ...). User and password are used as
    /// given: percent-encode them first when they need it.
    pub fn uri(&self, credentials: Option<(&str, &str)>, extra: &str) -> String {
        let userinfo = credentials.map_or_else(String::new, |(u, p)| format!("{u}:{p}@"));
        let set = self.process.ready["set_name"]
            .as_str()
            .unwrap_or(AUTH_SET_NAME);
        format!(
            "mongodb://{userinfo}{}/?replicaSet={set}&tls=true{extra}",
            self.member
        )
    }
}
