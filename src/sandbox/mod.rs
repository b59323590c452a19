//! A loopback MongoDB replica set with a throwaway PKI and scenario switches: the test fixture
//! of `mongotls check` and what `mongotls demo` runs.
//!
//! [`Sandbox::start`] generates a root CA, an intermediate and one certificate per member
//! ([`pki`]), binds one `127.0.0.1:0` listener per member and serves enough of the wire
//! protocol ([`server`], [`commands`]) for official drivers (PyMongo, the Rust driver) and for
//! mongotls' own probe: `hello`/`isMaster` (awaitable too), `ping`, `buildInfo`, `endSessions`,
//! and errors for everything else. Each member tells TLS from plaintext by the first byte of a
//! connection, as mongod does, and answers according to its [`TlsMode`].
//!
//! A [`Scenario`] breaks one thing on purpose (an expired certificate, the wrong CA file, a
//! missing intermediate, TLS disabled, a wrong password, a missing client certificate, ...), so
//! that every finding of `check` can be shown on a real connection. Nothing here prints, except
//! [`describe`] into the writer it is given; [`StopSignals`] are what stop `mongotls sandbox`
//! (SIGINT, SIGTERM, SIGHUP), so that its files are removed however it is stopped.
//!
//! Authentication ([`auth`], [`scram`]): with users ([`SandboxConfig::users`]) members answer
//! like mongod with access control on: SCRAM-SHA-1 and SCRAM-SHA-256 (`saslStart` /
//! `saslContinue`, `saslSupportedMechs`, `speculativeAuthenticate`), MONGODB-X509 over the
//! client certificate of the TLS connection ([`ClientAuth`]), `connectionStatus`, and code 13
//! for other commands before authentication. Passwords never appear in anything printed: they
//! are written to 0600 files in the sandbox's directory.

mod access;
mod auth;
mod commands;
mod pki;
mod run;
mod scram;
mod server;
#[cfg(test)]
mod tests;

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use self::access::{set_up_users, write_private};
use self::auth::Users;
use self::commands::MemberInfo;
use self::server::Member;

pub use self::access::{default_users, ActiveSandboxUser, AuthConfig, ClientCertFiles};
pub use self::auth::{
    ClientAuth, Password, Role, SandboxUser, UserCredential, EXTERNAL_DB, X509_MECHANISM,
};
pub use self::pki::X509_USER_SUBJECT;
pub use self::run::{describe, StopSignals};
pub use self::scram::ScramMechanism;

/// The SCRAM user of the scenarios with authentication (on db [`DEFAULT_USER_DB`]).
pub const DEFAULT_USER: &str = "app";
/// The authentication database of [`DEFAULT_USER`].
pub const DEFAULT_USER_DB: &str = "admin";
/// The password the `wrong-password` scenario's URI carries (never the user's real one, which
/// is random per run).
pub const WRONG_PASSWORD: &str = "not-the-password";

/// The replica-set name every sandbox uses (`setName` in `hello`, `replicaSet` in the URI).
pub const SET_NAME: &str = "mongotls-sandbox";

/// Smallest and largest number of members (a replica set has at most 7 voting members).
pub const MEMBERS_RANGE: std::ops::RangeInclusive<usize> = 1..=7;

/// How long [`Sandbox::shutdown`] waits for a member's tasks before aborting them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// What is wrong with the sandbox, on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scenario {
    /// Everything right: leaf + intermediate presented, the CA file holds the root.
    Good,
    /// Every member's certificate expired 30 days ago.
    Expired,
    /// Every member's certificate becomes valid in 30 days.
    NotYetValid,
    /// The CA file holds another root CA (another name, another key) than the one that signed
    /// the members.
    WrongCa,
    /// The certificates name only `mongo-old.sandbox.invalid`, not `localhost`.
    HostnameMismatch,
    /// Members present their certificate without the intermediate CA.
    MissingIntermediate,
    /// Each member presents a self-signed certificate.
    SelfSigned,
    /// TLS is not enabled: members serve plaintext only.
    PlaintextOnly,
    /// Members refuse plaintext connections (forced SSL, `requireTLS`).
    TlsRequired,
    /// The last member's certificate expired 30 days ago; the others are fine.
    OneMemberExpired,
    /// Every member is a secondary; no `primary` anywhere.
    NoPrimary,
    /// Authentication is on and the URI carries [`DEFAULT_USER`] with a wrong password.
    WrongPassword,
    /// Members require a client certificate from the sandbox CA; the URI gives none.
    ClientCertRequired,
}

impl Scenario {
    /// Every scenario, in the order of the documentation.
    pub const ALL: [Scenario; 13] = [
        Scenario::Good,
        Scenario::Expired,
        Scenario::NotYetValid,
        Scenario::WrongCa,
        Scenario::HostnameMismatch,
        Scenario::MissingIntermediate,
        Scenario::SelfSigned,
        Scenario::PlaintextOnly,
        Scenario::TlsRequired,
        Scenario::OneMemberExpired,
        Scenario::NoPrimary,
        Scenario::WrongPassword,
        Scenario::ClientCertRequired,
    ];

    /// The kebab-case name (`not-yet-valid`), as accepted by [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Good => "good",
            Scenario::Expired => "expired",
            Scenario::NotYetValid => "not-yet-valid",
            Scenario::WrongCa => "wrong-ca",
            Scenario::HostnameMismatch => "hostname-mismatch",
            Scenario::MissingIntermediate => "missing-intermediate",
            Scenario::SelfSigned => "self-signed",
            Scenario::PlaintextOnly => "plaintext-only",
            Scenario::TlsRequired => "tls-required",
            Scenario::OneMemberExpired => "one-member-expired",
            Scenario::NoPrimary => "no-primary",
            Scenario::WrongPassword => "wrong-password",
            Scenario::ClientCertRequired => "client-cert-required",
        }
    }

    /// One line saying what the scenario breaks.
    pub fn description(self) -> &'static str {
        match self {
            Scenario::Good => {
                "every member presents a valid chain (leaf + intermediate) that the CA file verifies"
            }
            Scenario::Expired => "every member's certificate expired 30 days ago",
            Scenario::NotYetValid => "every member's certificate becomes valid only in 30 days",
            Scenario::WrongCa => {
                "the CA file holds another root CA, not the one that signed the members"
            }
            Scenario::HostnameMismatch => {
                "the certificates name only mongo-old.sandbox.invalid, not localhost \
                 (issued before the endpoint existed)"
            }
            Scenario::MissingIntermediate => {
                "members present their certificate without the intermediate CA"
            }
            Scenario::SelfSigned => "each member presents a self-signed certificate",
            Scenario::PlaintextOnly => {
                "TLS is not enabled: members speak plaintext only (the URI still says tls=true)"
            }
            Scenario::TlsRequired => "members refuse plaintext connections (forced SSL, requireTLS)",
            Scenario::OneMemberExpired => {
                "the last member's certificate expired 30 days ago; the others are fine"
            }
            Scenario::NoPrimary => "every member is a secondary: there is no primary to select",
            Scenario::WrongPassword => {
                "authentication is on and the connection string carries the user with a wrong \
                 password"
            }
            Scenario::ClientCertRequired => {
                "members require a client certificate from the sandbox CA; the connection string \
                 gives none"
            }
        }
    }

    /// The users the scenario runs with (unless [`Sandbox::start_with_auth`] is given others): none
    /// (authentication off), except [`default_users`] for `wrong-password` and
    /// `client-cert-required`.
    pub fn default_users(self) -> Vec<SandboxUser> {
        match self {
            Scenario::WrongPassword | Scenario::ClientCertRequired => default_users(),
            _ => Vec::new(),
        }
    }

    /// The client certificate mode the scenario runs with (unless [`Sandbox::start_with_auth`]
    /// is given another): [`ClientAuth::None`], except [`ClientAuth::Optional`] for
    /// `wrong-password` and [`ClientAuth::Required`] for `client-cert-required`.
    pub fn default_client_auth(self) -> ClientAuth {
        match self {
            Scenario::WrongPassword => ClientAuth::Optional,
            Scenario::ClientCertRequired => ClientAuth::Required,
            _ => ClientAuth::None,
        }
    }
}

impl Scenario {
    /// The TLS mode the scenario runs with unless [`SandboxConfig::tls_mode`] says otherwise:
    /// [`TlsMode::Allow`] (what a managed service does after SSL is enabled), except
    /// [`TlsMode::Require`] for `tls-required` and [`TlsMode::Disabled`] for `plaintext-only`.
    pub fn default_tls_mode(self) -> TlsMode {
        match self {
            Scenario::TlsRequired => TlsMode::Require,
            Scenario::PlaintextOnly => TlsMode::Disabled,
            _ => TlsMode::Allow,
        }
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Scenario {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scenario::ALL
            .into_iter()
            .find(|sc| sc.name() == s)
            .ok_or_else(|| UnknownName {
                kind: "scenario",
                name: s.to_owned(),
                expected: Scenario::ALL.iter().map(|sc| sc.name()).collect(),
            })
    }
}

/// How a member treats TLS and plaintext, like mongod's `net.tls.mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TlsMode {
    /// `requireTLS`: TLS only; plaintext connections are closed.
    Require,
    /// `allowTLS`/`preferTLS`: TLS and plaintext on the same port.
    Allow,
    /// `disabled`: plaintext only; a TLS ClientHello gets the connection closed.
    Disabled,
}

impl TlsMode {
    /// Every mode.
    pub const ALL: [TlsMode; 3] = [TlsMode::Require, TlsMode::Allow, TlsMode::Disabled];

    /// The kebab-case name (`require`, `allow`, `disabled`), as accepted by [`FromStr`].
    pub fn name(self) -> &'static str {
        match self {
            TlsMode::Require => "require",
            TlsMode::Allow => "allow",
            TlsMode::Disabled => "disabled",
        }
    }

    /// Whether a TLS ClientHello is answered.
    pub fn accepts_tls(self) -> bool {
        self != TlsMode::Disabled
    }

    /// Whether a plaintext connection is served.
    pub fn accepts_plaintext(self) -> bool {
        self != TlsMode::Require
    }
}

impl fmt::Display for TlsMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for TlsMode {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TlsMode::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| UnknownName {
                kind: "TLS mode",
                name: s.to_owned(),
                expected: TlsMode::ALL.iter().map(|m| m.name()).collect(),
            })
    }
}

/// A scenario or TLS mode name that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} '{name}': expected one of {}", expected.join(", "))]
pub struct UnknownName {
    /// "scenario" or "TLS mode".
    pub kind: &'static str,
    /// What was given.
    pub name: String,
    /// The valid names.
    pub expected: Vec<&'static str>,
}

/// What to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxConfig {
    /// Number of members, 1 to 7 (default 3).
    pub members: usize,
    /// What is broken on purpose (default [`Scenario::Good`]).
    pub scenario: Scenario,
    /// TLS mode of every member; `None` = [`Scenario::default_tls_mode`].
    pub tls_mode: Option<TlsMode>,
    /// Sleep this long before each TLS handshake (to check what `bench` measures).
    pub handshake_delay: Option<Duration>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            members: 3,
            scenario: Scenario::Good,
            tls_mode: None,
            handshake_delay: None,
        }
    }
}

impl SandboxConfig {
    /// Three members running `scenario` with its default TLS mode.
    pub fn scenario(scenario: Scenario) -> SandboxConfig {
        SandboxConfig {
            scenario,
            ..SandboxConfig::default()
        }
    }

    /// The TLS mode the members run with.
    pub fn effective_tls_mode(&self) -> TlsMode {
        self.tls_mode
            .unwrap_or_else(|| self.scenario.default_tls_mode())
    }
}

/// Why the sandbox could not start (or could not run until stopped).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// The member count is outside 1..=7.
    MemberCount {
        /// What was asked for.
        requested: usize,
    },
    /// A member's listener could not be bound.
    Bind {
        /// Index of the member (0-based).
        member: usize,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// rcgen could not make a certificate or key.
    Certificate {
        /// Which certificate or key ("root CA", "certificate of member 2", ...).
        what: String,
        /// The error.
        #[source]
        source: rcgen::Error,
    },
    /// rustls refused a member's certificate and key.
    TlsConfig {
        /// Index of the member (0-based).
        member: usize,
        /// The error.
        #[source]
        source: rustls::Error,
    },
    /// rustls could not build the client certificate verifier of a member.
    ClientVerifier {
        /// Index of the member (0-based).
        member: usize,
        /// The error.
        #[source]
        source: rustls::server::VerifierBuilderError,
    },
    /// A user's SCRAM credentials could not be derived (a password SASLprep refuses, or no
    /// randomness for the salt).
    User {
        /// The user name.
        user: String,
        /// Why, in words (never the password).
        reason: String,
    },
    /// The temporary directory or the CA file in it could not be written.
    TempDir {
        /// The directory or file.
        path: PathBuf,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// Writing the sandbox's description failed.
    Output(#[source] io::Error),
    /// Waiting for Ctrl-C failed.
    Signal(#[source] io::Error),
    /// A fixed port (`--port BASE`) cannot be listened on: taken, or not allowed.
    Port {
        /// The port.
        port: u16,
        /// Index of the member (0-based).
        member: usize,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// `--port BASE` leaves no room for every member below 65536.
    PortRange {
        /// The base port.
        base: u16,
        /// The member count.
        members: usize,
    },
    /// The CA file could not be copied where it was asked to be kept.
    KeepCa {
        /// The directory.
        dir: PathBuf,
        /// The error.
        #[source]
        source: io::Error,
    },
}

impl fmt::Display for SandboxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::tr;
        let text = match self {
            SandboxError::MemberCount { requested } => {
                tr!(
                    "sandbox-error-member-count",
                    requested = requested.to_string()
                )
            }
            SandboxError::Bind { member, source } => tr!(
                "sandbox-error-bind",
                member = member.to_string(),
                error = source.to_string()
            ),
            SandboxError::Certificate { what, source } => tr!(
                "sandbox-error-certificate",
                what = what.as_str(),
                error = source.to_string()
            ),
            SandboxError::TlsConfig { member, source } => tr!(
                "sandbox-error-tls-config",
                member = member.to_string(),
                error = source.to_string()
            ),
            SandboxError::ClientVerifier { member, source } => tr!(
                "sandbox-error-client-verifier",
                member = member.to_string(),
                error = source.to_string()
            ),
            SandboxError::User { user, reason } => tr!(
                "sandbox-error-user",
                user = user.as_str(),
                reason = reason.as_str()
            ),
            SandboxError::TempDir { path, source } => tr!(
                "sandbox-error-temp-dir",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            SandboxError::Output(source) => {
                tr!("sandbox-error-output", error = source.to_string())
            }
            SandboxError::Signal(source) => {
                tr!("sandbox-error-signal", error = source.to_string())
            }
            SandboxError::Port {
                port,
                member,
                source,
            } => tr!(
                "sandbox-error-port",
                port = port.to_string(),
                member = member.to_string(),
                error = source.to_string()
            ),
            SandboxError::PortRange { base, members } => tr!(
                "sandbox-error-port-range",
                base = base.to_string(),
                members = members.to_string()
            ),
            SandboxError::KeepCa { dir, source } => tr!(
                "sandbox-error-keep-ca",
                dir = dir.display().to_string(),
                error = source.to_string()
            ),
        };
        f.write_str(&text)
    }
}

/// A running sandbox replica set. Dropping it stops it too (without waiting); prefer
/// [`Sandbox::shutdown`] in async code.
#[derive(Debug)]
pub struct Sandbox {
    config: SandboxConfig,
    members: Vec<String>,
    addrs: Vec<SocketAddr>,
    primary: Option<String>,
    ca_file: PathBuf,
    client_auth: ClientAuth,
    users: Vec<ActiveSandboxUser>,
    client_certs: ClientCertFiles,
    temp_dir: TempDir,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Sandbox {
    /// Generates the PKI, writes the CA file into a fresh temporary directory, binds one
    /// `127.0.0.1:0` listener per member and starts serving, with the users and client
    /// certificate mode of the scenario ([`AuthConfig::for_scenario`]).
    pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        let auth = AuthConfig::for_scenario(config.scenario);
        Sandbox::start_full(config, auth, "localhost").await
    }

    /// [`Sandbox::start`], with the members named `host_name:<port>` (in `hello` and in
    /// [`Sandbox::members`]) and `host_name` also in their certificates: for a name that a
    /// test's own DNS server (an SRV record's target) points at 127.0.0.1.
    pub async fn start_named(
        config: SandboxConfig,
        host_name: &str,
    ) -> Result<Sandbox, SandboxError> {
        let auth = AuthConfig::for_scenario(config.scenario);
        Sandbox::start_full(config, auth, host_name).await
    }

    /// [`Sandbox::start`] with the users and client certificate mode of `auth`. Passwords
    /// left `None` are generated; each SCRAM user's password is written to a 0600 file
    /// ([`ActiveSandboxUser::password_file`]).
    pub async fn start_with_auth(
        config: SandboxConfig,
        auth: AuthConfig,
    ) -> Result<Sandbox, SandboxError> {
        Sandbox::start_full(config, auth, "localhost").await
    }

    /// [`Sandbox::start_with_auth`] and [`Sandbox::start_named`] at once.
    pub async fn start_full(
        config: SandboxConfig,
        auth: AuthConfig,
        host_name: &str,
    ) -> Result<Sandbox, SandboxError> {
        Sandbox::start_inner(config, auth, host_name, None).await
    }

    /// [`Sandbox::start_with_auth`] on fixed ports when `base_port` is given: member `i`
    /// listens on `127.0.0.1:base_port + i` ([`SandboxError::Port`] when one is taken);
    /// `None` takes free ports as [`Sandbox::start`] does.
    pub async fn start_on(
        config: SandboxConfig,
        auth: AuthConfig,
        base_port: Option<u16>,
    ) -> Result<Sandbox, SandboxError> {
        Sandbox::start_inner(config, auth, "localhost", base_port).await
    }

    async fn start_inner(
        config: SandboxConfig,
        auth: AuthConfig,
        host_name: &str,
        base_port: Option<u16>,
    ) -> Result<Sandbox, SandboxError> {
        if !MEMBERS_RANGE.contains(&config.members) {
            return Err(SandboxError::MemberCount {
                requested: config.members,
            });
        }
        let mode = config.effective_tls_mode();
        let extra_names: Vec<String> = if host_name == "localhost" {
            Vec::new()
        } else {
            vec![host_name.to_owned()]
        };
        let pki = pki::generate_with_names(
            config.scenario,
            config.members,
            time::OffsetDateTime::now_utc(),
            &extra_names,
        )?;

        let mut listeners = Vec::with_capacity(config.members);
        for member in 0..config.members {
            let listener = match base_port {
                None => TcpListener::bind(("127.0.0.1", 0))
                    .await
                    .map_err(|source| SandboxError::Bind { member, source })?,
                Some(base) => {
                    let port = u16::try_from(member)
                        .ok()
                        .and_then(|i| base.checked_add(i))
                        .ok_or(SandboxError::PortRange {
                            base,
                            members: config.members,
                        })?;
                    TcpListener::bind(("127.0.0.1", port))
                        .await
                        .map_err(|source| SandboxError::Port {
                            port,
                            member,
                            source,
                        })?
                }
            };
            let addr = listener
                .local_addr()
                .map_err(|source| SandboxError::Bind { member, source })?;
            listeners.push((listener, addr));
        }
        let addrs: Vec<SocketAddr> = listeners.iter().map(|(_, a)| *a).collect();
        let members: Vec<String> = addrs
            .iter()
            .map(|a| format!("{host_name}:{}", a.port()))
            .collect();
        let primary = match config.scenario {
            Scenario::NoPrimary => None,
            _ => members.first().cloned(),
        };

        let temp_dir = TempDir::create()?;
        let ca_file = temp_dir.path.join("ca.pem");
        std::fs::write(&ca_file, pki.ca_file_pem.as_bytes()).map_err(|source| {
            SandboxError::TempDir {
                path: ca_file.clone(),
                source,
            }
        })?;
        let client_certs = ClientCertFiles {
            good: write_private(&temp_dir.path, "client.pem", &pki.clients.good)?,
            expired: write_private(&temp_dir.path, "client-expired.pem", &pki.clients.expired)?,
            other_ca: write_private(&temp_dir.path, "client-other-ca.pem", &pki.clients.other_ca)?,
        };
        let (users, active) = set_up_users(&auth.users, &temp_dir.path)?;
        let users_of_members = Users { users: active };
        let client_auth = auth.client_auth;

        let (shutdown, shutdown_rx) = watch::channel(false);
        let mut server_configs = Vec::with_capacity(config.members);
        for (index, identity) in pki.members.into_iter().enumerate() {
            server_configs.push(server::tls_config(index, identity, client_auth, &pki.root)?);
        }
        let mut tasks = Vec::with_capacity(config.members);
        for (((listener, _), tls), name) in listeners.into_iter().zip(server_configs).zip(&members)
        {
            let info = MemberInfo {
                name: name.clone(),
                hosts: members.clone(),
                primary: primary.clone(),
                is_primary: primary.as_ref() == Some(name),
                process_id: bson::oid::ObjectId::new(),
                set_name: SET_NAME.to_owned(),
            };
            let member = Arc::new(Member::new(
                info,
                mode,
                tls,
                config.handshake_delay,
                users_of_members.clone(),
            ));
            tasks.push(tokio::spawn(server::accept_loop(
                listener,
                member,
                shutdown_rx.clone(),
            )));
        }

        Ok(Sandbox {
            config,
            members,
            addrs,
            primary,
            ca_file,
            client_auth,
            users,
            client_certs,
            temp_dir,
            shutdown,
            tasks,
        })
    }

    /// The connection string a user would run: every member as a seed, the replica set, and
    /// `tls=true&tlsCAFile=...` (also for `plaintext-only`: that is what a user who thinks SSL
    /// is on would run). For `wrong-password` it carries [`DEFAULT_USER`] with
    /// [`WRONG_PASSWORD`] and `authSource`, as [`Sandbox::uri_with_credentials`] writes them.
    pub fn uri(&self) -> String {
        if self.config.scenario == Scenario::WrongPassword {
            return self.uri_with_credentials(DEFAULT_USER, WRONG_PASSWORD, DEFAULT_USER_DB);
        }
        format!(
            "mongodb://{}/?replicaSet={}&tls=true&tlsCAFile={}",
            self.members.join(","),
            SET_NAME,
            percent_encode_path(&self.ca_file)
        )
    }

    /// [`Sandbox::uri`] with `user:password@` (percent-encoded) and `authSource=auth_source`.
    pub fn uri_with_credentials(&self, user: &str, password: &str, auth_source: &str) -> String {
        format!(
            "mongodb://{}:{}@{}/?replicaSet={}&tls=true&tlsCAFile={}&authSource={}",
            percent_encode_component(user),
            percent_encode_component(password),
            self.members.join(","),
            SET_NAME,
            percent_encode_path(&self.ca_file),
            percent_encode_component(auth_source)
        )
    }

    /// The users, with their resolved passwords and password files (empty: authentication
    /// off).
    pub fn users(&self) -> &[ActiveSandboxUser] {
        &self.users
    }

    /// The password of the SCRAM user `name` on `db` (for tests; never printed).
    pub fn password(&self, name: &str, db: &str) -> Option<&Password> {
        self.users.iter().find_map(|u| match &u.user.credential {
            UserCredential::Scram { password, .. } if u.user.name == name && u.user.db == db => {
                password.as_ref()
            }
            _ => None,
        })
    }

    /// The client certificate files (written for every sandbox; only members with
    /// [`ClientAuth::Optional`] or [`ClientAuth::Required`] ask for one).
    pub fn client_certs(&self) -> &ClientCertFiles {
        &self.client_certs
    }

    /// Whether members ask TLS clients for a certificate.
    pub fn client_auth(&self) -> ClientAuth {
        self.client_auth
    }

    /// The CA file a user would have downloaded (for `wrong-ca`: a CA that did not sign the
    /// members). An absolute path.
    pub fn ca_file(&self) -> &Path {
        &self.ca_file
    }

    /// Copies the CA file into `dir` (created if missing) as `mongotls-sandbox-ca.pem`, where
    /// it outlives the sandbox, and makes that copy the CA file [`Sandbox::ca_file`] and
    /// [`Sandbox::uri`] name. Returns the copy's path.
    pub fn keep_ca_file_in(&mut self, dir: &Path) -> Result<PathBuf, SandboxError> {
        let failed = |source| SandboxError::KeepCa {
            dir: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(failed)?;
        let dir = std::path::absolute(dir).map_err(failed)?;
        let kept = dir.join("mongotls-sandbox-ca.pem");
        std::fs::copy(&self.ca_file, &kept).map_err(failed)?;
        self.ca_file = kept.clone();
        Ok(kept)
    }

    /// The members as `localhost:<port>`, in order; member 0 is the primary (unless
    /// `no-primary`).
    pub fn members(&self) -> Vec<String> {
        self.members.clone()
    }

    /// The members' socket addresses (all on 127.0.0.1), in the order of [`Sandbox::members`].
    pub fn addrs(&self) -> &[SocketAddr] {
        &self.addrs
    }

    /// The primary's name, `None` for `no-primary`.
    pub fn primary(&self) -> Option<&str> {
        self.primary.as_deref()
    }

    /// The replica-set name, [`SET_NAME`].
    pub fn set_name(&self) -> &str {
        SET_NAME
    }

    /// The configuration it was started with.
    pub fn config(&self) -> &SandboxConfig {
        &self.config
    }

    /// The TLS mode the members run with.
    pub fn tls_mode(&self) -> TlsMode {
        self.config.effective_tls_mode()
    }

    /// Stops accepting, ends every connection, waits for the tasks (aborting those that do not
    /// end within a few seconds) and removes the temporary directory.
    pub async fn shutdown(mut self) {
        // `send` fails only when every receiver is gone, i.e. the tasks have already ended.
        let _ = self.shutdown.send(true);
        for mut task in std::mem::take(&mut self.tasks) {
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
            {
                task.abort();
                let _ = task.await;
            }
        }
        self.temp_dir.remove();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        for task in &self.tasks {
            task.abort();
        }
        // The temporary directory is removed by `TempDir`'s own drop.
    }
}

/// Percent-encodes a URI user name, password or option value: only unreserved characters stay.
fn percent_encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-encodes a path for a URI option value: unreserved characters and `/` stay.
fn percent_encode_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A directory under `std::env::temp_dir()` with a unique name, removed on drop.
#[derive(Debug)]
struct TempDir {
    path: PathBuf,
    removed: bool,
}

impl TempDir {
    fn create() -> Result<TempDir, SandboxError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base =
            std::path::absolute(std::env::temp_dir()).unwrap_or_else(|_| std::env::temp_dir());
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let name = format!(
            "mongotls-sandbox-{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            nanos
        );
        let path = base.join(name);
        // `create_dir`, not `create_dir_all`: an existing directory of that name is an error,
        // never shared.
        std::fs::create_dir(&path).map_err(|source| SandboxError::TempDir {
            path: path.clone(),
            source,
        })?;
        Ok(TempDir {
            path,
            removed: false,
        })
    }

    fn remove(&mut self) {
        if !self.removed {
            let _ = std::fs::remove_dir_all(&self.path);
            self.removed = true;
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        self.remove();
    }
}
