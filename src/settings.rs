//! Settings: what the user typed, resolved before any I/O. Each option's own value was
//! checked by its parser in [`crate::cli::values`]; what is left here are the rules that span
//! several options or need the connection string (the CA file from `--ca` or `tlsCAFile`, the
//! insecure options, `--member` among the seeds, `--plain-uri` paired with the members).
//! Commands take these structs, never raw arguments.

use std::path::PathBuf;
use std::time::Duration;

use rustls_pki_types::ServerName;
use time::OffsetDateTime;

use crate::cli::{
    BenchArgs, CaArgs, CheckArgs, CommonArgs, DemoArgs, SandboxArgs, SandboxSpec, ServeArgs,
    VerifyArgs, WaitArgs,
};
use crate::dates::whole_seconds;
use crate::net::Target;
use crate::report::OutputFormat;
use crate::sandbox::{AuthConfig, ClientAuth, SandboxConfig};
use crate::tr;
use crate::uri::{ConnectionString, Secret};

/// A usage error: the arguments cannot be acted on. Exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Settings every command shares.
#[derive(Clone, Debug)]
pub struct Common {
    /// Output format.
    pub format: OutputFormat,
    /// Expiry warning window in days.
    pub warn_days: i64,
    /// Evaluation time: `--at`, else the wall clock.
    pub now: OffsetDateTime,
    /// Warnings fail the run.
    pub strict: bool,
}

/// `mongotls ca`.
#[derive(Clone, Debug)]
pub struct CaSettings {
    /// Bundle files.
    pub files: Vec<PathBuf>,
    /// Shared settings.
    pub common: Common,
}

/// `mongotls verify`.
#[derive(Clone, Debug)]
pub struct VerifySettings {
    /// CA files.
    pub ca: Vec<PathBuf>,
    /// Chain file.
    pub chain: PathBuf,
    /// Host to check.
    pub host: Option<ServerName<'static>>,
    /// Shared settings.
    pub common: Common,
}

/// Where `check` reads the password the driver authenticates with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasswordSource {
    /// `--password-env VAR`.
    Env(String),
    /// `--password-file FILE`.
    File(PathBuf),
}

/// Where the client certificate's key password comes from. The URI's is a [`Secret`]: it
/// appears in no message; the variable is read when the file is.
#[derive(Debug, Clone)]
pub enum KeyPassword {
    /// `tlsCertificateKeyFilePassword` in the connection string.
    Uri(Secret),
    /// `--client-key-password-env VAR`: the variable's name.
    Env(String),
}

/// The client certificate to present: `--client-cert`, else `tlsCertificateKeyFile`.
#[derive(Debug, Clone)]
pub struct ClientCertSource {
    /// `--client-cert` or `tlsCertificateKeyFile`, for messages.
    pub origin: &'static str,
    /// The PEM file with the certificate and its key.
    pub file: PathBuf,
    /// The key's password: `--client-key-password-env`, else `tlsCertificateKeyFilePassword`.
    pub password: Option<KeyPassword>,
}

impl ClientCertSource {
    /// `--client-cert` wins over `tlsCertificateKeyFile`, `--client-key-password-env` over
    /// `tlsCertificateKeyFilePassword`. `None` when no certificate is given; a password with
    /// no certificate is a usage error.
    pub fn resolve(
        flag: Option<&PathBuf>,
        password_env: Option<&String>,
        uri: &ConnectionString,
    ) -> Result<Option<Self>, UsageError> {
        let (origin, file) = match (flag, &uri.options.tls_certificate_key_file) {
            (Some(f), _) => ("--client-cert", f.clone()),
            (None, Some(f)) => ("tlsCertificateKeyFile", f.clone()),
            (None, None) => {
                if password_env.is_some() {
                    return Err(UsageError(tr!("cli-usage-key-password-without-cert")));
                }
                return Ok(None);
            }
        };
        let password = match (password_env, &uri.options.tls_certificate_key_file_password) {
            (Some(var), _) => Some(KeyPassword::Env(var.clone())),
            (None, Some(p)) => Some(KeyPassword::Uri(p.clone())),
            (None, None) => None,
        };
        Ok(Some(ClientCertSource {
            origin,
            file,
            password,
        }))
    }
}

/// `mongotls check`.
#[derive(Clone, Debug)]
pub struct CheckSettings {
    /// The parsed connection string (secrets inside are [`crate::uri::Secret`]s).
    pub uri: ConnectionString,
    /// CA files: `--ca`, else `tlsCAFile`; empty: the platform's trust store.
    pub ca: Vec<PathBuf>,
    /// The connection string as given, for the driver (it may hold a password).
    pub raw_uri: Secret,
    /// Run the driver stage (not `--no-driver`).
    pub driver: bool,
    /// `--username`, replacing the connection string's.
    pub username: Option<String>,
    /// Where the password comes from when not from the connection string.
    pub password: Option<PasswordSource>,
    /// Bound of each network phase.
    pub timeout: Duration,
    /// Bound of the whole run.
    pub deadline: Duration,
    /// Most members probed at once (each holds one connection at a time).
    pub max_connections: usize,
    /// `--server-name`.
    pub server_name: Option<ServerName<'static>>,
    /// `--allow-invalid-hostnames`, `tlsAllowInvalidHostnames=true` or `tlsInsecure=true`.
    pub allow_invalid_hostnames: bool,
    /// Follow `hello` to the other members.
    pub discover: bool,
    /// Probe plaintext on every member.
    pub plaintext_probe: bool,
    /// Show the live progress on stderr when it is a terminal (not `--no-progress`).
    pub progress: bool,
    /// Ask for a missing password on the terminal (only when stdin is one); `serve` never
    /// asks: its probes run on a scrape, with nobody at the terminal.
    pub prompt: bool,
    /// The client certificate to present, when one is given.
    pub client_cert: Option<ClientCertSource>,
    /// `--dns-server`: every lookup goes there; `None`: the system's resolver.
    pub dns_server: Option<std::net::SocketAddr>,
    /// Shared settings.
    pub common: Common,
}

impl CheckSettings {
    /// Validates `mongotls check` arguments; reads no file.
    pub fn from_args(args: &CheckArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        // clap asks for the URI unless --targets is given, and `check --targets` is a fleet.
        let raw = args
            .uri
            .as_deref()
            .ok_or_else(|| UsageError(tr!("fleet-usage-no-uri")))?;
        if args.concurrency.is_some() {
            return Err(UsageError(tr!("fleet-usage-concurrency-without-targets")));
        }
        let uri = crate::uri::parse(raw)
            .map_err(|e| UsageError(tr!("cli-usage-uri", error = e.to_string())))?;
        seed_count_in_range(&uri)?;
        // No CA named: chains are judged against the platform's trust store, as drivers do.
        let ca = ca_files(&args.ca, &uri);
        let password = match (&args.password_env, &args.password_file) {
            (Some(var), _) => Some(PasswordSource::Env(var.clone())),
            (None, Some(file)) => Some(PasswordSource::File(file.clone())),
            (None, None) => None,
        };
        let o = &uri.options;
        let allow_invalid_hostnames = args.members.allow_invalid_hostnames
            || o.tls_allow_invalid_hostnames == Some(true)
            || o.tls_insecure == Some(true);
        let discover = !args.members.no_discover && o.direct_connection != Some(true);
        let client_cert = ClientCertSource::resolve(
            args.members.client_cert.as_ref(),
            args.members.client_key_password_env.as_ref(),
            &uri,
        )?;
        Ok(CheckSettings {
            client_cert,
            ca,
            raw_uri: Secret::new(raw),
            driver: !args.no_driver,
            username: args.username.clone(),
            password,
            timeout: args.timeout,
            deadline: args.deadline,
            max_connections: args.members.max_connections,
            server_name: args.members.server_name.clone(),
            allow_invalid_hostnames,
            discover,
            plaintext_probe: !args.members.no_plaintext_probe,
            progress: !args.no_progress,
            prompt: true,
            dns_server: args.members.dns_server,
            common: Common::from_args(&args.common, now),
            uri,
        })
    }

    /// What `demo` checks the sandbox with: `check URI --ca FILE`, a 5 s phase timeout and a
    /// one-minute deadline, everything else at its default.
    pub fn for_demo(
        uri: &str,
        ca: &std::path::Path,
        now: OffsetDateTime,
    ) -> Result<Self, UsageError> {
        let raw_uri = Secret::new(uri);
        let uri = crate::uri::parse(uri)
            .map_err(|e| UsageError(tr!("cli-usage-sandbox-uri", error = e.to_string())))?;
        Ok(CheckSettings {
            ca: vec![ca.to_path_buf()],
            raw_uri,
            driver: true,
            username: None,
            password: None,
            timeout: Duration::from_secs(5),
            deadline: Duration::from_secs(60),
            max_connections: 16,
            server_name: None,
            allow_invalid_hostnames: false,
            discover: true,
            plaintext_probe: true,
            progress: true,
            prompt: true,
            client_cert: None,
            dns_server: None,
            common: Common {
                format: OutputFormat::Text,
                warn_days: 30,
                now: whole_seconds(now),
                strict: false,
            },
            uri,
        })
    }
}

/// `mongotls wait`: validated.
#[derive(Clone, Debug)]
pub struct WaitRun {
    /// The parsed connection string.
    pub uri: ConnectionString,
    /// CA files: `--ca`, else `tlsCAFile`; empty: the platform's trust store.
    pub ca: Vec<PathBuf>,
    /// The client certificate to present, when one is given.
    pub client_cert: Option<ClientCertSource>,
    /// `--server-name`.
    pub server_name: Option<ServerName<'static>>,
    /// `--allow-invalid-hostnames`, `tlsAllowInvalidHostnames=true` or `tlsInsecure=true`.
    pub allow_invalid_hostnames: bool,
    /// Follow `hello` to the other members.
    pub discover: bool,
    /// Probe plaintext on every member.
    pub plaintext_probe: bool,
    /// Most members probed at once.
    pub max_connections: usize,
    /// `--dns-server`.
    pub dns_server: Option<std::net::SocketAddr>,
    /// Show the live status on stderr (not `--no-progress`).
    pub progress: bool,
    /// Between the starts of two rounds.
    pub interval: Duration,
    /// Bound of the whole wait.
    pub timeout: Duration,
    /// Bound of each network phase of a probe.
    pub probe_timeout: Duration,
    /// What the certificates must show.
    pub expectation: crate::wait::Expectation,
    /// Shared settings (`now` is the start; `--at` does not apply to a wait).
    pub common: Common,
}

impl WaitRun {
    /// Validates `mongotls wait` arguments; reads no file.
    pub fn from_args(args: &WaitArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        use crate::wait::Expectation;
        let uri = crate::uri::parse(&args.uri)
            .map_err(|e| UsageError(tr!("cli-usage-uri", error = e.to_string())))?;
        seed_count_in_range(&uri)?;
        let o = &uri.options;
        let allow_invalid_hostnames = args.members.allow_invalid_hostnames
            || o.tls_allow_invalid_hostnames == Some(true)
            || o.tls_insecure == Some(true);
        let discover = !args.members.no_discover && o.direct_connection != Some(true);
        let expectation = match (
            args.expect_new_cert,
            args.expect_fingerprint,
            args.expect_not_after_later_than,
        ) {
            (true, _, _) => Expectation::NewCert,
            (_, Some(f), _) => Expectation::Fingerprint(f),
            (_, _, Some(d)) => Expectation::NotAfterLaterThan(d),
            _ => Expectation::Pass,
        };
        Ok(WaitRun {
            client_cert: ClientCertSource::resolve(
                args.members.client_cert.as_ref(),
                args.members.client_key_password_env.as_ref(),
                &uri,
            )?,
            ca: ca_files(&args.ca, &uri),
            server_name: args.members.server_name.clone(),
            allow_invalid_hostnames,
            discover,
            plaintext_probe: !args.members.no_plaintext_probe,
            max_connections: args.members.max_connections,
            dns_server: args.members.dns_server,
            progress: !args.no_progress,
            interval: args.interval,
            timeout: args.timeout,
            probe_timeout: args.probe_timeout,
            expectation,
            common: Common {
                format: args.format.into(),
                warn_days: args.warn_days,
                now: whole_seconds(now),
                strict: args.strict,
            },
            uri,
        })
    }
}

/// `--concurrency` when not given: targets checked at once.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// `mongotls check --targets FILE`: many deployments, each with the settings its entry of
/// the file gives (read by the command, not here).
#[derive(Clone, Debug)]
pub struct FleetSettings {
    /// The targets file.
    pub targets: PathBuf,
    /// Most targets checked at once.
    pub concurrency: usize,
    /// Show the live progress on stderr when it is a terminal (not `--no-progress`).
    pub progress: bool,
    /// Shared settings (each target's --warn-days, --strict, --at may override them).
    pub common: Common,
}

impl FleetSettings {
    /// `mongotls check --targets FILE` arguments as settings; `None` without `--targets`.
    pub fn from_args(args: &CheckArgs, now: OffsetDateTime) -> Option<Self> {
        Some(FleetSettings {
            targets: args.targets.clone()?,
            concurrency: args.concurrency.unwrap_or(DEFAULT_CONCURRENCY),
            progress: !args.no_progress,
            common: Common::from_args(&args.common, now),
        })
    }
}

/// `mongotls sandbox` (and the sandbox of `demo`): what to start.
pub fn sandbox_config(spec: &SandboxSpec) -> SandboxConfig {
    SandboxConfig {
        members: spec.members,
        scenario: spec.scenario,
        tls_mode: spec.tls_mode,
        handshake_delay: spec.handshake_delay,
    }
}

/// `mongotls sandbox` (and the sandbox of `demo`): who may use it. The scenario's users and
/// client certificate mode; `--auth` adds the default users (and, so that their X509 user can
/// log in, asks for client certificates: `optional`), `--client-auth` overrides the mode.
pub fn sandbox_auth(spec: &SandboxSpec) -> AuthConfig {
    let mut auth = AuthConfig::for_scenario(spec.scenario);
    if spec.auth && auth.users.is_empty() {
        auth.users = crate::sandbox::default_users();
        if auth.client_auth == ClientAuth::None {
            auth.client_auth = ClientAuth::Optional;
        }
    }
    if let Some(mode) = spec.client_auth {
        auth.client_auth = mode;
    }
    auth
}

/// `mongotls sandbox`: what to start, where, and how to tell a script it is ready.
#[derive(Clone, Debug)]
pub struct SandboxRun {
    /// The sandbox.
    pub sandbox: SandboxConfig,
    /// Its users and client certificate mode.
    pub auth: AuthConfig,
    /// `--port BASE`: member `i` on `BASE + i`; `None`: free ports.
    pub base_port: Option<u16>,
    /// `--ready-file FILE`.
    pub ready_file: Option<PathBuf>,
}

impl SandboxRun {
    /// `mongotls sandbox` arguments as settings.
    pub fn from_args(args: &SandboxArgs) -> Result<Self, UsageError> {
        Ok(SandboxRun {
            sandbox: sandbox_config(&args.spec),
            auth: sandbox_auth(&args.spec),
            base_port: base_port(&args.spec)?,
            ready_file: args.ready_file.clone(),
        })
    }
}

/// `--port BASE`, when every member's port `BASE + i` exists.
fn base_port(spec: &SandboxSpec) -> Result<Option<u16>, UsageError> {
    let Some(base) = spec.port else {
        return Ok(None);
    };
    let last = usize::from(base) + spec.members - 1;
    if last > usize::from(u16::MAX) {
        return Err(UsageError(tr!(
            "cli-port-range",
            base = base.to_string(),
            members = spec.members,
            last = last.to_string(),
            highest = (usize::from(u16::MAX) + 1 - spec.members).to_string()
        )));
    }
    Ok(Some(base))
}

/// `mongotls demo`: the sandbox to start and how to show its check.
#[derive(Clone, Debug)]
pub struct DemoSettings {
    /// The sandbox.
    pub sandbox: SandboxConfig,
    /// Its users and client certificate mode.
    pub auth: AuthConfig,
    /// `--port BASE`: member `i` on `BASE + i`; `None`: free ports.
    pub base_port: Option<u16>,
    /// `--keep-ca DIR`: where the CA file outlives the demo.
    pub keep_ca: Option<PathBuf>,
    /// Output format of the check report.
    pub format: OutputFormat,
    /// Show the check's live progress on stderr when it is a terminal.
    pub progress: bool,
    /// Evaluation time.
    pub now: OffsetDateTime,
}

impl DemoSettings {
    /// `mongotls demo` arguments as settings.
    pub fn from_args(args: &DemoArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        Ok(DemoSettings {
            sandbox: sandbox_config(&args.spec),
            auth: sandbox_auth(&args.spec),
            base_port: base_port(&args.spec)?,
            keep_ca: args.keep_ca.clone(),
            format: args.format.into(),
            progress: !args.no_progress,
            now,
        })
    }
}

/// `mongotls serve`.
#[derive(Clone, Debug)]
pub struct ServeSettings {
    /// The targets file.
    pub targets: PathBuf,
    /// Where to listen.
    pub listen: std::net::SocketAddr,
    /// How long a result is served again.
    pub cache_ttl: Duration,
    /// Bound of each probe.
    pub probe_timeout: Duration,
    /// `--ready-file`.
    pub ready_file: Option<PathBuf>,
    /// What the targets' checks share (`now` is replaced by the time of each probe).
    pub common: Common,
}

impl ServeSettings {
    /// `mongotls serve` arguments as settings.
    pub fn from_args(args: &ServeArgs, now: OffsetDateTime) -> ServeSettings {
        ServeSettings {
            targets: args.targets.clone(),
            listen: args.listen,
            cache_ttl: args.cache_ttl,
            probe_timeout: args.probe_timeout,
            ready_file: args.ready_file.clone(),
            common: Common {
                format: OutputFormat::Prometheus,
                warn_days: args.warn_days,
                now: whole_seconds(now),
                strict: false,
            },
        }
    }
}

impl Common {
    /// The shared options; `now` is the wall clock, used unless `--at` is given.
    pub fn from_args(args: &CommonArgs, now: OffsetDateTime) -> Common {
        Common {
            format: args.format.into(),
            warn_days: args.warn_days,
            now: args.at.unwrap_or_else(|| whole_seconds(now)),
            strict: args.strict,
        }
    }
}

impl CaSettings {
    /// `mongotls ca` arguments as settings.
    pub fn from_args(args: &CaArgs, now: OffsetDateTime) -> Self {
        CaSettings {
            files: args.files.clone(),
            common: Common::from_args(&args.common, now),
        }
    }
}

impl VerifySettings {
    /// `mongotls verify` arguments as settings.
    pub fn from_args(args: &VerifyArgs, now: OffsetDateTime) -> Self {
        VerifySettings {
            ca: args.ca.clone(),
            chain: args.chain.clone(),
            host: args.host.clone(),
            common: Common::from_args(&args.common, now),
        }
    }
}

/// `mongotls bench`: validated.
#[derive(Clone, Debug)]
pub struct BenchRun {
    /// What to measure.
    pub bench: crate::bench::BenchSettings,
    /// The TLS-side URI, redacted.
    pub uri_redacted: String,
    /// The plaintext URI, redacted, when given.
    pub plain_uri_redacted: Option<String>,
    /// Output format.
    pub format: OutputFormat,
    /// `--export-json`.
    pub export_json: Option<PathBuf>,
    /// `--plot`.
    pub plot: Option<PathBuf>,
    /// `--ca` (all of them), else `tlsCAFile`: when given, each member's chain is checked
    /// once before measuring, so that a benchmark of a server clients would refuse says so.
    pub ca: Vec<PathBuf>,
    /// `--client-cert`, else `tlsCertificateKeyFile`: the client certificate to offer.
    pub client_cert: Option<ClientCertSource>,
}

/// A replica set has at most 50 members: a longer seed list is a mistake (or hostile), and
/// would bypass the member cap of discovery.
fn seed_count_in_range(uri: &ConnectionString) -> Result<(), UsageError> {
    let max = crate::check::MAX_MEMBERS;
    if uri.hosts.len() > max {
        return Err(UsageError(tr!(
            "cli-usage-too-many-seeds",
            count = uri.hosts.len().to_string(),
            max = max.to_string()
        )));
    }
    Ok(())
}

/// The CA files a command trusts: every `--ca` (read together as one bundle, as `verify`
/// reads them), else the connection string's `tlsCAFile`, else none.
fn ca_files(flags: &[PathBuf], uri: &ConnectionString) -> Vec<PathBuf> {
    if !flags.is_empty() {
        return flags.to_vec();
    }
    uri.options.tls_ca_file.iter().cloned().collect()
}

fn targets(uri: &ConnectionString) -> Vec<Target> {
    uri.hosts.iter().map(Target::from).collect()
}

impl BenchRun {
    /// Validates `mongotls bench` arguments; reads no file.
    pub fn from_args(args: &BenchArgs) -> Result<Self, UsageError> {
        let uri = crate::uri::parse(&args.uri)
            .map_err(|e| UsageError(tr!("cli-usage-uri", error = e.to_string())))?;
        if let Some(srv) = &uri.srv {
            return Err(UsageError(tr!(
                "cli-usage-bench-srv",
                srv_name = srv.srv_name().to_string()
            )));
        }
        seed_count_in_range(&uri)?;
        let mut members = targets(&uri);
        if let Some(want) = &args.member {
            let want_l = want.to_ascii_lowercase();
            members.retain(|t| t.address.to_ascii_lowercase() == want_l);
            if members.is_empty() {
                return Err(UsageError(tr!(
                    "cli-usage-member-not-a-seed",
                    member = want.as_str(),
                    hosts = uri
                        .hosts
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        let (plain_endpoints, plain_uri_redacted) = match &args.plain_uri {
            Some(p) => {
                let plain =
                    crate::uri::parse(p).map_err(|e| UsageError(format!("--plain-uri: {e}")))?;
                let pts = targets(&plain);
                let paired = members
                    .iter()
                    .enumerate()
                    .map(|(i, _)| pts.get(i).or(pts.first()).cloned())
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| UsageError(tr!("cli-usage-plain-uri-no-host")))?;
                (paired, Some(plain.redacted()))
            }
            None => (members.clone(), None),
        };
        Ok(BenchRun {
            bench: crate::bench::BenchSettings {
                members,
                plain_endpoints,
                server_name: args.server_name.clone(),
                identity: None,
                samples: args.samples,
                warmup: args.warmup,
                max_time: args.max_time,
                timeout: args.timeout,
                concurrency: args.concurrency,
                payload_sizes: args
                    .payload_sizes
                    .as_ref()
                    .map(|p| p.0.clone())
                    .unwrap_or_default(),
                max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
            },
            uri_redacted: uri.redacted(),
            plain_uri_redacted,
            format: args.format.into(),
            export_json: args.export_json.clone(),
            plot: args.plot.clone(),
            ca: ca_files(&args.ca, &uri),
            client_cert: ClientCertSource::resolve(
                args.client_cert.as_ref(),
                args.client_key_password_env.as_ref(),
                &uri,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(
        flag: Option<&str>,
        env: Option<&str>,
        uri: &str,
    ) -> Result<Option<ClientCertSource>, UsageError> {
        let uri = crate::uri::parse(uri).map_err(|e| UsageError(e.to_string()))?;
        ClientCertSource::resolve(
            flag.map(PathBuf::from).as_ref(),
            env.map(str::to_string).as_ref(),
            &uri,
        )
    }

    #[test]
    fn the_client_cert_flag_and_the_password_variable_win_over_the_uri() {
        let uri = "mongodb://h/?tlsCertificateKeyFile=u.pem&tlsCertificateKeyFilePassword=pw";
        let s = resolve(Some("f.pem"), Some("VAR"), uri).unwrap().unwrap();
        assert_eq!(
            (s.origin, s.file.to_str()),
            ("--client-cert", Some("f.pem"))
        );
        assert!(matches!(s.password, Some(KeyPassword::Env(ref v)) if v == "VAR"));

        let s = resolve(None, None, uri).unwrap().unwrap();
        assert_eq!(s.origin, "tlsCertificateKeyFile");
        assert!(matches!(s.password, Some(KeyPassword::Uri(ref p)) if p.expose() == "pw"));
        assert!(!format!("{s:?}").contains("pw\""), "{s:?}");

        assert!(resolve(None, None, "mongodb://h/").unwrap().is_none());
    }

    #[test]
    fn a_password_variable_without_a_certificate_is_a_usage_error() {
        let e = resolve(None, Some("VAR"), "mongodb://h/").unwrap_err();
        assert!(e.0.contains("--client-cert"), "{e}");
    }
}

#[cfg(test)]
mod sandbox_auth_tests {
    use super::*;
    use crate::sandbox::Scenario;

    fn spec(scenario: Scenario, auth: bool, client_auth: Option<ClientAuth>) -> SandboxSpec {
        SandboxSpec {
            members: 1,
            scenario,
            tls_mode: None,
            handshake_delay: None,
            auth,
            client_auth,
            port: None,
        }
    }

    #[test]
    fn auth_flags_resolve_over_the_scenario() {
        let a = sandbox_auth(&spec(Scenario::Good, false, None));
        assert!(a.users.is_empty());
        assert_eq!(a.client_auth, ClientAuth::None);
        let a = sandbox_auth(&spec(Scenario::Good, true, None));
        assert_eq!(a.users.len(), 2);
        assert_eq!(a.client_auth, ClientAuth::Optional);
        let a = sandbox_auth(&spec(Scenario::Good, true, Some(ClientAuth::None)));
        assert_eq!(a.client_auth, ClientAuth::None);
        let a = sandbox_auth(&spec(Scenario::ClientCertRequired, true, None));
        assert_eq!(a.client_auth, ClientAuth::Required);
        assert_eq!(a.users.len(), 2);
        let a = sandbox_auth(&spec(
            Scenario::WrongPassword,
            false,
            Some(ClientAuth::Required),
        ));
        assert_eq!(a.client_auth, ClientAuth::Required);
    }
}
