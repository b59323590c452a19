//! The driver's-eye check: after the probe, connect with the official Rust driver (`mongodb`
//! 3.x over rustls) using the same connection string, CA and client certificate an
//! application would use; run server selection and `ping`; with credentials, authenticate and
//! ask `connectionStatus` who we are. The probe says what every member presents; this stage
//! says whether an application using this exact string connects, and if not, why, in the
//! driver's own words.
//!
//! The driver's own behaviours are kept, not corrected: with rustls it trusts its built-in
//! Mozilla roots when no CA file is given, replaces them with `tlsCAFile`, cannot allow invalid
//! host names, and only needs one suitable server. [`DriverOutcome`] records what happened;
//! [`verdict_differs`] compares it with the probe's findings.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mongodb::bson::{doc, Document};
use mongodb::error::{Error as DriverError, ErrorKind};
use mongodb::event::sdam::SdamEvent;
use mongodb::event::EventHandler;
use mongodb::options::{
    AuthMechanism, ClientOptions, Credential, ReadPreference, SelectionCriteria, Tls,
};
use mongodb::ServerType;

use crate::findings::{Code, Finding, Severity};
use crate::tr;
use crate::uri::Secret;

/// The driver this stage runs, as the report names it. A test compares it with Cargo.lock.
pub const DRIVER_NAME: &str = "mongodb (Rust driver, rustls)";
/// The driver's version, as Cargo.lock pins it.
pub const DRIVER_VERSION: &str = "3.9.1";

/// What the driver stage is given.
#[derive(Clone, Debug)]
pub struct DriverSettings {
    /// The connection string exactly as the user gave it (it may hold a password).
    pub uri: Secret,
    /// `--ca`, replacing `tlsCAFile` as it does for the probe.
    pub ca_file: Option<PathBuf>,
    /// `--client-cert`, replacing `tlsCertificateKeyFile`.
    pub client_cert: Option<PathBuf>,
    /// The client key's password (`--client-key-password-env`).
    pub key_password: Option<Secret>,
    /// `--username`, replacing the connection string's.
    pub username: Option<String>,
    /// A password from `--password-env`, `--password-file` or the prompt.
    pub password: Option<Secret>,
    /// Bound of server selection and of each connection's set-up.
    pub timeout: Duration,
    /// When the run must be over.
    pub deadline: Instant,
}

/// How the driver stage ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DriverVerdict {
    /// Server selection and `ping` (and authentication, with credentials) succeeded.
    Pass,
    /// They did not; the findings say why.
    Fail,
    /// The stage did not run; [`DriverOutcome::reason`] says why.
    Skipped,
}

impl DriverVerdict {
    /// `pass`, `fail` or `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            DriverVerdict::Pass => "pass",
            DriverVerdict::Fail => "fail",
            DriverVerdict::Skipped => "skipped",
        }
    }
}

/// The user `connectionStatus` reports after authentication.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthenticatedUser {
    /// The user name (for MONGODB-X509, the certificate's subject in RFC 2253).
    pub user: String,
    /// The database it is defined in (`$external` for MONGODB-X509).
    pub db: String,
    /// The mechanism used.
    pub mechanism: String,
    /// Its roles, as `role@db`.
    pub roles: Vec<String>,
}

/// What the driver last said about one server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DriverServer {
    /// `host:port`, as the driver names it.
    pub address: String,
    /// The driver's server type (`RsPrimary`, `Unknown`, …).
    pub server_type: ServerType,
    /// The driver's error for it, secrets removed.
    pub error: Option<String>,
}

/// The outcome of the driver stage.
#[derive(Clone, Debug)]
pub struct DriverOutcome {
    /// Pass, fail or skipped.
    pub verdict: DriverVerdict,
    /// Why it was skipped.
    pub reason: Option<String>,
    /// Who `connectionStatus` says we are (with credentials).
    pub authenticated: Option<AuthenticatedUser>,
    /// The driver's error, secrets removed.
    pub error: Option<String>,
    /// What the driver knew about each server when the stage ended.
    pub servers: Vec<DriverServer>,
    /// Where the driver's trust came from, in words.
    pub trust: String,
    /// Wall time of the stage.
    pub duration: Duration,
    /// What it means.
    pub findings: Vec<Finding>,
}

impl DriverOutcome {
    /// A stage that did not run, and why.
    pub fn skipped(reason: impl Into<String>) -> Self {
        DriverOutcome {
            verdict: DriverVerdict::Skipped,
            reason: Some(reason.into()),
            authenticated: None,
            error: None,
            servers: Vec::new(),
            trust: String::new(),
            duration: Duration::ZERO,
            findings: Vec::new(),
        }
    }
}

/// The latest description of each server, as the driver's monitoring published it.
type Servers = Arc<Mutex<BTreeMap<String, DriverServer>>>;

/// Whether the stage still listens: once it has its answer the client is dropped, and the
/// `ServerClosed` events of that shutdown are not removals from the topology.
type Watching = Arc<AtomicBool>;

/// Stops the watching when dropped: declared after the client, it drops first.
struct StopWatching(Watching);

impl Drop for StopWatching {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Runs the driver stage. Never panics and never outlives `settings.deadline` by more than
/// the driver needs to notice a cancelled future.
pub async fn run(settings: &DriverSettings) -> DriverOutcome {
    let start = Instant::now();
    let servers: Servers = Arc::default();
    let watching: Watching = Arc::new(AtomicBool::new(true));
    let secrets = secrets_of(settings);
    let budget = settings
        .deadline
        .saturating_duration_since(start)
        .min(settings.timeout * 3);
    // Parsing a mongodb+srv:// string resolves SRV and TXT: bounded like the rest.
    let built = tokio::time::timeout(
        budget,
        build_options(settings, servers.clone(), watching.clone()),
    )
    .await;
    let mut outcome = match built {
        Err(_) => cut_short(budget, Vec::new()),
        Ok(Err(e)) => failed(&e, &[], &secrets, &tr!("driver-what-options-refused")),
        Ok(Ok((options, trust))) => {
            let mechanism = options
                .credential
                .as_ref()
                .and_then(|c| c.mechanism.clone());
            let has_user = options
                .credential
                .as_ref()
                .is_some_and(|c| c.username.is_some() || c.mechanism.is_some());
            let seeds: Vec<String> = options.hosts.iter().map(ToString::to_string).collect();
            let hosts = seeds.len();
            // ping follows the connection string's read preference, as the application's
            // reads do; the default is the primary.
            let needs_primary = matches!(
                &options.selection_criteria,
                None | Some(SelectionCriteria::ReadPreference(ReadPreference::Primary))
            );
            let who = who(&options);
            let client = match mongodb::Client::with_options(options) {
                Ok(client) => client,
                Err(e) => {
                    let mut outcome =
                        failed(&e, &[], &secrets, &tr!("driver-what-options-refused"));
                    outcome.trust = trust;
                    outcome.duration = start.elapsed();
                    return outcome;
                }
            };
            let result = tokio::select! {
                r = tokio::time::timeout(
                    budget,
                    connect(&client, who, has_user, mechanism, watching.clone()),
                ) => Ok(r),
                why = selection_hopeless(&servers, &watching, hosts, needs_primary, settings.timeout) => Err(why),
            };
            if matches!(result, Ok(Ok(Ok(_)))) {
                // The ping may win the race with the other members' first checks: give the
                // monitors a moment, so the servers listed are what the driver knows.
                settle(&servers, hosts, SETTLE_FOR.min(settings.timeout)).await;
            }
            let seen = snapshot(&servers, &secrets, &seeds);
            let mut outcome = match result {
                Err(why) => hopeless(&seen, why),
                Ok(Ok(Ok(authenticated))) => DriverOutcome {
                    verdict: DriverVerdict::Pass,
                    reason: None,
                    authenticated,
                    error: None,
                    servers: seen,
                    trust: String::new(),
                    duration: Duration::ZERO,
                    findings: Vec::new(),
                },
                Ok(Ok(Err(e))) => failed(&e, &seen, &secrets, &tr!("driver-what-ping-failed")),
                Ok(Err(_)) => cut_short(budget, seen),
            };
            outcome.trust = trust;
            // Close the driver's monitors and pool now, while the runtime runs: left to the
            // runtime's shutdown, a pool worker can panic on a closed channel (seen once under
            // load), and a panic message is no way to end a report. Not waiting for anything:
            // the stage is over.
            watching.store(false, Ordering::Relaxed);
            let _ = tokio::time::timeout(SHUTDOWN_WAIT, client.shutdown().immediate(true)).await;
            outcome
        }
    };
    outcome.duration = start.elapsed();
    outcome
}

/// How long closing the driver's client may take before the stage moves on regardless.
const SHUTDOWN_WAIT: Duration = Duration::from_millis(500);

/// The driver's options from the connection string, with mongotls' overrides, and where its
/// trust comes from in words.
async fn build_options(
    s: &DriverSettings,
    servers: Servers,
    watching: Watching,
) -> Result<(ClientOptions, String), DriverError> {
    let mut options = ClientOptions::parse(s.uri.expose()).await?;
    options.server_selection_timeout = Some(s.timeout);
    options.connect_timeout = Some(s.timeout);
    // One connection for the commands; the monitors have their own.
    options.max_pool_size = Some(1);
    options.sdam_event_handler = Some(EventHandler::callback(move |event| {
        record(&servers, &watching, event)
    }));
    if let Some(Tls::Enabled(tls)) = options.tls.as_mut() {
        if let Some(ca) = &s.ca_file {
            tls.ca_file_path = Some(ca.clone());
        }
        if let Some(cert) = &s.client_cert {
            tls.cert_key_file_path = Some(cert.clone());
        }
        if let Some(password) = &s.key_password {
            tls.tls_certificate_key_file_password = Some(password.expose().as_bytes().to_vec());
        }
    }
    if s.username.is_some() || s.password.is_some() {
        let credential = options.credential.get_or_insert_with(Credential::default);
        if let Some(user) = &s.username {
            credential.username = Some(user.clone());
        }
        if let Some(password) = &s.password {
            credential.password = Some(password.expose().to_string());
        }
    }
    let trust = match &options.tls {
        Some(Tls::Enabled(tls)) => match &tls.ca_file_path {
            Some(ca) => tr!("driver-trust-ca-file", path = ca.display().to_string()),
            None => tr!("driver-trust-builtin-roots"),
        },
        _ => tr!("driver-trust-none"),
    };
    Ok((options, trust))
}

/// Who the driver authenticates as: the credential's source database (`admin` by default)
/// and user name.
fn who(options: &ClientOptions) -> (Option<String>, Option<String>) {
    let source = options
        .credential
        .as_ref()
        .map(|c| c.source.clone().unwrap_or_else(|| "admin".to_string()));
    let username = options.credential.as_ref().and_then(|c| c.username.clone());
    (source, username)
}

/// Server selection, `ping`, and with credentials `connectionStatus` and the mechanism.
async fn connect(
    client: &mongodb::Client,
    (source, username): (Option<String>, Option<String>),
    authenticate: bool,
    mechanism: Option<AuthMechanism>,
    watching: Watching,
) -> Result<Option<AuthenticatedUser>, DriverError> {
    let _stop = StopWatching(watching);
    let admin = client.database("admin");
    admin.run_command(doc! { "ping": 1 }).await?;
    if !authenticate {
        return Ok(None);
    }
    let status = admin.run_command(doc! { "connectionStatus": 1 }).await?;
    let mechanism = match mechanism {
        Some(m) => m.as_str().to_string(),
        None => negotiated_mechanism(&admin, source.as_deref(), username.as_deref()).await,
    };
    Ok(authenticated_user(&status, mechanism))
}

/// The mechanism the driver picks when none is named: SCRAM-SHA-256 when the server offers it
/// for the user, else SCRAM-SHA-1 (the driver's rule, from the server's `saslSupportedMechs`).
async fn negotiated_mechanism(
    admin: &mongodb::Database,
    source: Option<&str>,
    user: Option<&str>,
) -> String {
    let (Some(source), Some(user)) = (source, user) else {
        return AuthMechanism::ScramSha256.as_str().to_string();
    };
    let reply = admin
        .run_command(doc! { "hello": 1, "saslSupportedMechs": format!("{source}.{user}") })
        .await;
    let offers_sha256 = reply.ok().is_some_and(|r| {
        r.get_array("saslSupportedMechs")
            .is_ok_and(|m| m.iter().any(|v| v.as_str() == Some("SCRAM-SHA-256")))
    });
    if offers_sha256 {
        AuthMechanism::ScramSha256.as_str().to_string()
    } else {
        AuthMechanism::ScramSha1.as_str().to_string()
    }
}

/// The first authenticated user and its roles from a `connectionStatus` reply.
pub fn authenticated_user(status: &Document, mechanism: String) -> Option<AuthenticatedUser> {
    let info = status.get_document("authInfo").ok()?;
    let first = info
        .get_array("authenticatedUsers")
        .ok()?
        .iter()
        .find_map(|u| u.as_document())?;
    let user = first.get_str("user").ok()?.to_string();
    let db = first.get_str("db").ok()?.to_string();
    let roles = info
        .get_array("authenticatedUserRoles")
        .map(|roles| {
            roles
                .iter()
                .filter_map(|r| r.as_document())
                .filter_map(|r| {
                    Some(format!(
                        "{}@{}",
                        r.get_str("role").ok()?,
                        r.get_str("db").ok()?
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(AuthenticatedUser {
        user,
        db,
        mechanism,
        roles,
    })
}

/// Keeps the driver's latest word on each server.
fn record(servers: &Servers, watching: &AtomicBool, event: SdamEvent) {
    let changed = match event {
        SdamEvent::ServerDescriptionChanged(changed) => changed,
        // SDAM drops a member whose set name or role does not fit the connection string.
        SdamEvent::ServerClosed(closed) if watching.load(Ordering::SeqCst) => {
            if let Ok(mut map) = servers.lock() {
                if let Some(entry) = map.get_mut(&closed.address.to_string()) {
                    entry
                        .error
                        .get_or_insert_with(|| tr!("driver-server-removed"));
                }
            }
            return;
        }
        // A member discovered through hello: unknown until its monitor reports.
        SdamEvent::ServerOpening(opening) => {
            if let Ok(mut map) = servers.lock() {
                let address = opening.address.to_string();
                map.entry(address.clone()).or_insert(DriverServer {
                    address,
                    server_type: ServerType::Unknown,
                    error: None,
                });
            }
            return;
        }
        _ => return,
    };
    let description = &changed.new_description;
    let entry = DriverServer {
        address: description.address().to_string(),
        server_type: description.server_type(),
        error: description.error().map(describe),
    };
    if let Ok(mut map) = servers.lock() {
        map.insert(entry.address.clone(), entry);
    }
}

/// The servers in seed-list order (then the others by address), secrets removed.
fn snapshot(servers: &Servers, secrets: &[String], seeds: &[String]) -> Vec<DriverServer> {
    let mut list: Vec<DriverServer> = servers
        .lock()
        .map(|map| {
            map.values()
                .map(|s| DriverServer {
                    error: s.error.as_deref().map(|e| scrub(e, secrets)),
                    ..s.clone()
                })
                .collect()
        })
        .unwrap_or_default();
    let rank = |s: &DriverServer| {
        seeds
            .iter()
            .position(|seed| seed.eq_ignore_ascii_case(&s.address))
            .unwrap_or(seeds.len())
    };
    list.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.address.cmp(&b.address))
    });
    list
}

/// Every secret the driver was given, in the forms its messages could quote.
fn secrets_of(s: &DriverSettings) -> Vec<String> {
    let mut out = Vec::new();
    for secret in [&s.password, &s.key_password].into_iter().flatten() {
        out.push(secret.expose().to_string());
    }
    if let Ok(parsed) = crate::uri::parse(s.uri.expose()) {
        if let Some(p) = parsed.password {
            out.push(p.expose().to_string());
        }
        if let Some(p) = parsed.options.tls_certificate_key_file_password {
            out.push(p.expose().to_string());
        }
    }
    // The raw userinfo: the password as typed (percent-encoded) and the whole string.
    if let Some(rest) = s.uri.expose().split_once("://").map(|(_, r)| r) {
        if let Some((userinfo, _)) = rest.split_once('@') {
            if let Some((_, raw)) = userinfo.split_once(':') {
                out.push(raw.to_string());
            }
        }
    }
    out.push(s.uri.expose().to_string());
    out.retain(|x| !x.is_empty());
    // Longest first, so a secret inside another is not left half-replaced.
    out.sort_by_key(|x| std::cmp::Reverse(x.len()));
    out
}

/// `text` with every secret replaced by `****`.
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for secret in secrets {
        if !secret.is_empty() {
            out = out.replace(secret.as_str(), crate::uri::REDACTED);
        }
    }
    out
}

/// The driver's words for an error: its kind's text, without the labels and debug fields
/// (whose order changes from run to run).
fn describe(e: &DriverError) -> String {
    let text = e.kind.to_string();
    // Server selection appends its whole topology (round-trip times, update times, servers
    // in no fixed order); the servers are reported one by one instead.
    match text.split_once(". Topology:") {
        Some((head, _)) => format!("{head}."),
        None => text,
    }
}

fn failed(
    e: &DriverError,
    servers: &[DriverServer],
    secrets: &[String],
    what: &str,
) -> DriverOutcome {
    let error = scrub(&describe(e), secrets);
    let finding = finding_for(e, &error, servers, what);
    // The servers answered: the credentials are at fault, and what the monitors say of each
    // server at this moment (racing the pool's report of the same error) adds nothing.
    let credentials = matches!(
        finding.code,
        Code::AuthFailed | Code::AuthMechanismUnsupported
    );
    DriverOutcome {
        verdict: DriverVerdict::Fail,
        reason: None,
        authenticated: None,
        findings: vec![finding],
        error: Some(error),
        servers: if credentials {
            Vec::new()
        } else {
            servers.to_vec()
        },
        trust: String::new(),
        duration: Duration::ZERO,
    }
}

fn cut_short(budget: Duration, servers: Vec<DriverServer>) -> DriverOutcome {
    let error = tr!(
        "driver-no-answer-within",
        duration = crate::duration::format_duration(budget)
    );
    DriverOutcome {
        verdict: DriverVerdict::Fail,
        reason: None,
        authenticated: None,
        findings: vec![Finding::new(
            Code::NetDeadlineExceeded,
            Severity::Fail,
            tr!("driver-deadline-message", error = error.as_str()),
            tr!("driver-deadline-hint"),
        )],
        error: Some(error),
        servers,
        trust: String::new(),
        duration: Duration::ZERO,
    }
}

/// How often the monitors' reports are looked at while waiting.
const WATCH_EVERY: Duration = Duration::from_millis(25);

/// How long every server must stay failed before the stage stops waiting: the driver re-checks
/// a failed server every 500 ms while an operation waits for it, so this leaves it two tries.
const FAILED_GRACE: Duration = Duration::from_millis(1200);

/// Why server selection cannot succeed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hopeless {
    /// Every server is failing (or was removed from the topology).
    AllFailed,
    /// The read preference needs a primary, every server is known, and none is one.
    NoPrimary,
}

/// Server types that serve a primary read preference.
const PRIMARY_CAPABLE: [ServerType; 4] = [
    ServerType::RsPrimary,
    ServerType::Standalone,
    ServerType::Mongos,
    ServerType::LoadBalancer,
];

/// What the monitors' reports say about server selection right now.
fn hopeless_now(servers: &Servers, seeds: usize, needs_primary: bool) -> Option<Hopeless> {
    let map = servers.lock().ok()?;
    if map.len() < seeds.max(1) {
        return None;
    }
    if map.values().all(|s| s.error.is_some()) {
        return Some(Hopeless::AllFailed);
    }
    let all_known = map
        .values()
        .all(|s| s.error.is_some() || s.server_type != ServerType::Unknown);
    let primary = map
        .values()
        .any(|s| s.error.is_none() && PRIMARY_CAPABLE.contains(&s.server_type));
    (needs_primary && all_known && !primary).then_some(Hopeless::NoPrimary)
}

/// Resolves once server selection has been hopeless for [`FAILED_GRACE`] (or `timeout`, if
/// shorter): every server the driver monitors (at least `seeds` of them) failing, or, when the
/// read preference needs a primary, none of them one. Server selection cannot succeed before
/// its own timeout then, and an application would wait that long only to see the same.
async fn selection_hopeless(
    servers: &Servers,
    watching: &AtomicBool,
    seeds: usize,
    needs_primary: bool,
    timeout: Duration,
) -> Hopeless {
    let grace = FAILED_GRACE.min(timeout);
    let mut since: Option<(Hopeless, Instant)> = None;
    loop {
        tokio::time::sleep(WATCH_EVERY).await;
        match (hopeless_now(servers, seeds, needs_primary), since) {
            (None, _) => since = None,
            (Some(now), Some((was, at))) if now == was => {
                if at.elapsed() >= grace {
                    watching.store(false, Ordering::SeqCst);
                    return now;
                }
            }
            (Some(now), _) => since = Some((now, Instant::now())),
        }
    }
}

/// How long, at most, the monitors get to finish their first checks after a successful ping.
const SETTLE_FOR: Duration = Duration::from_millis(500);

/// Waits until every seed has a description that is known or failed, or `bound` passes.
async fn settle(servers: &Servers, seeds: usize, bound: Duration) {
    let start = Instant::now();
    while start.elapsed() < bound {
        let settled = servers.lock().is_ok_and(|map| {
            map.len() >= seeds
                && map
                    .values()
                    .all(|s| s.error.is_some() || s.server_type != ServerType::Unknown)
        });
        if settled {
            return;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// Server selection cannot succeed: every server failed, or none is a primary.
fn hopeless(servers: &[DriverServer], why: Hopeless) -> DriverOutcome {
    let (message, error) = match why {
        Hopeless::AllFailed => {
            let errors =
                server_errors(servers).unwrap_or_else(|| tr!("driver-every-server-failed"));
            (
                tr!("driver-all-failed-message", errors = errors.as_str()),
                tr!("driver-all-failed-error", errors = errors.as_str()),
            )
        }
        Hopeless::NoPrimary => {
            let seen = server_types(servers);
            (
                tr!("driver-no-primary-message", servers = seen.as_str()),
                tr!("driver-no-primary-error", servers = seen.as_str()),
            )
        }
    };
    DriverOutcome {
        verdict: DriverVerdict::Fail,
        reason: None,
        authenticated: None,
        findings: vec![Finding::new(
            Code::DriverServerSelectionFailed,
            Severity::Fail,
            message,
            tr!("driver-hopeless-hint"),
        )],
        error: Some(error),
        servers: servers.to_vec(),
        trust: String::new(),
        duration: Duration::ZERO,
    }
}

/// The server error code of a failed command, wherever the driver wrapped it.
fn server_code(e: &DriverError) -> Option<i32> {
    if let ErrorKind::Command(c) = e.kind.as_ref() {
        return Some(c.code);
    }
    std::error::Error::source(e)
        .and_then(|s| s.downcast_ref::<DriverError>())
        .and_then(server_code)
}

/// The one finding that says what the driver's failure means.
fn finding_for(e: &DriverError, error: &str, servers: &[DriverServer], what: &str) -> Finding {
    let code = server_code(e);
    let lower = error.to_ascii_lowercase();
    // 334 MechanismUnavailable; 59 CommandNotFound: a server that knows no SASL at all.
    let mechanism_problem = matches!(code, Some(334 | 59))
        || lower.contains("no such command")
        // mongod's words for 334: "Received authentication for mechanism X which is not enabled".
        || lower.contains("which is not enabled")
        || lower.contains("mechanism")
            && (lower.contains("not supported")
                || lower.contains("unsupported")
                || lower.contains("unavailable"));
    match e.kind.as_ref() {
        _ if mechanism_problem => Finding::new(
            Code::AuthMechanismUnsupported,
            Severity::Fail,
            tr!("driver-mechanism-unavailable-message", error = error),
            tr!("driver-mechanism-unavailable-hint"),
        ),
        ErrorKind::Authentication { .. } => auth_failed(error),
        _ if code == Some(18) => auth_failed(error),
        ErrorKind::ServerSelection { .. } => Finding::new(
            Code::DriverServerSelectionFailed,
            Severity::Fail,
            tr!(
                "driver-selection-failed-message",
                details = server_errors(servers).unwrap_or_else(|| tr!(
                    "driver-selection-saw",
                    error = error,
                    servers = server_types(servers),
                )),
            ),
            tr!("driver-selection-failed-hint"),
        ),
        ErrorKind::InvalidArgument { .. } | ErrorKind::InvalidTlsConfig { .. } => Finding::new(
            Code::DriverOptionsRejected,
            Severity::Fail,
            tr!("driver-stage-failed-message", what = what, error = error),
            tr!("driver-options-rejected-hint"),
        ),
        _ => Finding::new(
            Code::DriverFailed,
            Severity::Fail,
            tr!("driver-stage-failed-message", what = what, error = error),
            tr!("driver-failed-hint"),
        ),
    }
}

fn auth_failed(error: &str) -> Finding {
    Finding::new(
        Code::AuthFailed,
        Severity::Fail,
        tr!("driver-auth-failed-message", error = error),
        tr!("driver-auth-failed-hint"),
    )
}

/// Each server with the type the driver gave it.
fn server_types(servers: &[DriverServer]) -> String {
    if servers.is_empty() {
        return tr!("driver-no-server");
    }
    servers
        .iter()
        .map(|s| format!("{} ({:?})", s.address, s.server_type))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each server's error as the driver describes it, one after another.
fn server_errors(servers: &[DriverServer]) -> Option<String> {
    let parts: Vec<String> = servers
        .iter()
        .filter_map(|s| s.error.as_ref().map(|e| format!("{}: {e}", s.address)))
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// `driver.verdict_differs` when the driver's outcome is not what the probe's findings
/// predict: the driver connects although the probe found failures (it needs one suitable
/// server, and rustls accepts some chains other clients refuse), or it fails for a reason
/// other than credentials although the probe found none. `allow_invalid_hostnames`: the
/// connection string asks clients to ignore host names, which the Rust driver cannot do.
pub fn verdict_differs<'a>(
    outcome: &DriverOutcome,
    probe: impl IntoIterator<Item = &'a Finding>,
    allow_invalid_hostnames: bool,
) -> Option<Finding> {
    let failures: Vec<&Finding> = probe
        .into_iter()
        .filter(|f| f.severity == Severity::Fail)
        .collect();
    match outcome.verdict {
        DriverVerdict::Skipped => None,
        DriverVerdict::Pass if failures.is_empty() => None,
        DriverVerdict::Pass => Some(connected_despite(&failures)),
        DriverVerdict::Fail => {
            let credentials = outcome
                .findings
                .iter()
                .any(|f| matches!(f.code, Code::AuthFailed | Code::AuthMechanismUnsupported));
            let options_rejected = outcome
                .findings
                .iter()
                .any(|f| f.code == Code::DriverOptionsRejected);
            if allow_invalid_hostnames && options_rejected {
                return Some(Finding::new(
                    Code::DriverVerdictDiffers,
                    Severity::Warn,
                    tr!("driver-invalid-hostnames-message"),
                    tr!("driver-invalid-hostnames-hint"),
                ));
            }
            if credentials || !failures.is_empty() {
                return None;
            }
            let error = outcome
                .error
                .clone()
                .unwrap_or_else(|| tr!("driver-no-error-given"));
            let message = if allow_invalid_hostnames {
                tr!("driver-differs-message-hostnames", error = error)
            } else {
                tr!("driver-differs-message", error = error)
            };
            Some(Finding::new(
                Code::DriverVerdictDiffers,
                Severity::Warn,
                message,
                tr!("driver-differs-hint"),
            ))
        }
    }
}

/// One cause, one failure: when the driver could not select a server and the probe already
/// failed members (or the set) for it, `driver.server_selection_failed` is the consequence of
/// those findings, not a second problem. It stays in the report, as `info` saying so; the
/// driver's own verdict stays `fail`. Credentials and options the driver refused are causes of
/// their own and keep their severity.
pub fn explained_by_probe<'a>(
    outcome: &mut DriverOutcome,
    probe: impl IntoIterator<Item = &'a Finding>,
) {
    let probe_failed = probe.into_iter().any(|f| f.severity == Severity::Fail);
    if !probe_failed || outcome.verdict != DriverVerdict::Fail {
        return;
    }
    for f in &mut outcome.findings {
        if f.code == Code::DriverServerSelectionFailed && f.severity == Severity::Fail {
            f.severity = Severity::Info;
            f.hint = tr!("driver-selection-explained-hint");
        }
    }
}

/// The driver connected although the probe found failures: say which clients see which.
fn connected_despite(failures: &[&Finding]) -> Finding {
    let mut codes: Vec<String> = failures.iter().map(|f| f.code.to_string()).collect();
    codes.dedup();
    let mut refusing: Vec<&'static str> = Vec::new();
    let mut rustls_accepts = false;
    for f in failures {
        if let Some(clients) = &f.clients {
            for family in clients.rejecting() {
                if !refusing.contains(&family) {
                    refusing.push(family);
                }
            }
            rustls_accepts |= clients.rustls == crate::findings::ClientAction::Accept;
        }
    }
    // The sentences after the first start with their own separator (a space in English).
    let who = if refusing.is_empty() {
        String::new()
    } else {
        tr!(
            "driver-refusing-clients",
            clients = refusing
                .iter()
                .map(|f| family_name(f))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let rustls = if rustls_accepts {
        tr!("driver-rustls-accepts")
    } else {
        tr!("driver-one-server-enough")
    };
    Finding::new(
        Code::DriverVerdictDiffers,
        Severity::Warn,
        tr!(
            "driver-connected-despite-message",
            count = failures.len().to_string(),
            codes = codes.join(", "),
            rustls = rustls,
            who = who,
        ),
        tr!("driver-connected-despite-hint"),
    )
}

fn family_name(family: &str) -> String {
    match family {
        "openssl" => tr!("driver-family-openssl"),
        "node" => tr!("driver-family-node"),
        "rustls" => tr!("driver-family-rustls"),
        "go" => tr!("driver-family-go"),
        "java" => tr!("driver-family-java"),
        _ => tr!("driver-family-other"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn the_version_named_is_the_one_cargo_lock_pins() {
        let lock = include_str!("../Cargo.lock");
        let at = lock.find("name = \"mongodb\"\nversion = \"").unwrap();
        let version = lock[at..].lines().nth(1).unwrap();
        assert_eq!(version, format!("version = \"{DRIVER_VERSION}\""));
    }

    #[test]
    fn scrub_removes_every_form_of_the_password() {
        let s = DriverSettings {
            uri: Secret::new("mongodb://app:p%40ss@h:1/?tlsCertificateKeyFilePassword=kp"),
            ca_file: None,
            client_cert: None,
            key_password: Some(Secret::new("other")),
            username: None,
            password: None,
            timeout: Duration::from_secs(1),
            deadline: Instant::now(),
        };
        let secrets = secrets_of(&s);
        let text =
            "auth p@ss p%40ss kp other mongodb://app:p%40ss@h:1/?tlsCertificateKeyFilePassword=kp";
        let out = scrub(text, &secrets);
        for leaked in ["p@ss", "p%40ss", "kp", "other"] {
            assert!(!out.contains(leaked), "{out}");
        }
    }

    fn failed_with(code: Code) -> DriverOutcome {
        DriverOutcome {
            verdict: DriverVerdict::Fail,
            findings: vec![Finding::new(code, Severity::Fail, "m", "h")],
            ..DriverOutcome::skipped("")
        }
    }

    #[test]
    fn a_selection_failure_the_probe_explains_is_not_a_second_failure() {
        let probe_fail = Finding::new(Code::NetConnectRefused, Severity::Fail, "m", "h");
        let mut outcome = failed_with(Code::DriverServerSelectionFailed);
        explained_by_probe(&mut outcome, [&probe_fail]);
        assert_eq!(outcome.findings[0].severity, Severity::Info);
        assert_eq!(outcome.verdict, DriverVerdict::Fail);
        // Nothing failed in the probe: the driver's failure is the only one, and stays.
        let mut alone = failed_with(Code::DriverServerSelectionFailed);
        explained_by_probe(&mut alone, []);
        assert_eq!(alone.findings[0].severity, Severity::Fail);
        // Refused credentials are a cause of their own.
        let mut auth = failed_with(Code::AuthFailed);
        explained_by_probe(&mut auth, [&probe_fail]);
        assert_eq!(auth.findings[0].severity, Severity::Fail);
    }

    #[test]
    fn verdict_differs_only_where_the_driver_and_the_probe_disagree() {
        let probe_fail = Finding::new(Code::CertExpired, Severity::Fail, "m", "h");
        let pass = DriverOutcome {
            verdict: DriverVerdict::Pass,
            ..DriverOutcome::skipped("")
        };
        // Agreement: both pass, or both fail.
        assert!(verdict_differs(&pass, [], false).is_none());
        let selection = failed_with(Code::DriverServerSelectionFailed);
        assert!(verdict_differs(&selection, [&probe_fail], false).is_none());
        // Credentials are not a TLS disagreement.
        assert!(verdict_differs(&failed_with(Code::AuthFailed), [], false).is_none());
        // The driver connects despite a failure; fails despite none.
        let f = verdict_differs(&pass, [&probe_fail], false).unwrap();
        assert_eq!(f.code, Code::DriverVerdictDiffers);
        assert!(f.message.contains("cert.expired"), "{}", f.message);
        assert!(verdict_differs(&selection, [], false).is_some());
        // tlsAllowInvalidHostnames refused by the Rust driver, whatever the probe found.
        let rejected = failed_with(Code::DriverOptionsRejected);
        let f = verdict_differs(&rejected, [&probe_fail], true).unwrap();
        assert!(
            f.message.contains("tlsAllowInvalidHostnames"),
            "{}",
            f.message
        );
        assert!(verdict_differs(&DriverOutcome::skipped("x"), [&probe_fail], true).is_none());
    }

    /// The English of the sentences put together from parts (pinned: snapshots and users'
    /// scripts read it).
    #[test]
    fn composed_messages_keep_their_english() {
        use crate::findings::{ClientAction, ClientVerdicts};
        let mut clients = ClientVerdicts::all(ClientAction::Reject);
        clients.rustls = ClientAction::Accept;
        let expired = Finding::new(Code::CertExpired, Severity::Fail, "m", "h");
        let f = connected_despite(&[&expired.clone().with_clients(clients), &expired]);
        assert_eq!(
            f.message,
            "the Rust driver connected and ran ping, but the probe found 2 failure(s) \
             (cert.expired). The Rust driver (rustls) accepts some of it; other drivers do not. \
             Clients that refuse what the probe found: OpenSSL-based drivers (PyMongo, C, C++, \
             PHP, Ruby), Node.js and mongosh, Go driver and the database tools, Java driver."
        );
        let f = connected_despite(&[&expired]);
        assert_eq!(
            f.message,
            "the Rust driver connected and ran ping, but the probe found 1 failure(s) \
             (cert.expired). The driver needs only one suitable server for ping: applications \
             fail when a member with these problems is primary or is read from."
        );
        let failed = DriverOutcome {
            error: Some("boom".into()),
            ..failed_with(Code::DriverFailed)
        };
        let f = verdict_differs(&failed, [], true).unwrap();
        assert_eq!(
            f.message,
            "the probe found every member usable, but the Rust driver could not connect (boom). \
             The connection string asks clients to ignore host names (tlsAllowInvalidHostnames \
             or tlsInsecure), which the Rust driver over rustls cannot do: OpenSSL-based \
             drivers, Java, Go and Node.js honour it and connect. Applications on the Rust \
             driver fail; applications on other drivers may connect."
        );
        let f = verdict_differs(&failed_with(Code::DriverFailed), [], false).unwrap();
        assert_eq!(
            f.message,
            "the probe found every member usable, but the Rust driver could not connect (no \
             error given). Applications on the Rust driver fail; applications on other drivers \
             may connect."
        );
        let out = cut_short(Duration::from_secs(30), Vec::new());
        assert_eq!(
            out.findings[0].message,
            "driver stage: the driver had no answer within 30s (the run's deadline or three \
             times --timeout)"
        );
    }

    #[test]
    fn mongods_mechanism_words_are_mechanism_unsupported() {
        let e = DriverError::custom(());
        let f = finding_for(
            &e,
            "PLAIN failure: Received authentication for mechanism PLAIN which is not enabled",
            &[],
            "x",
        );
        assert_eq!(f.code, Code::AuthMechanismUnsupported);
    }

    #[test]
    fn connection_status_gives_the_user_and_roles() {
        let status = doc! { "authInfo": {
            "authenticatedUsers": [ { "user": "app", "db": "admin" } ],
            "authenticatedUserRoles": [ { "role": "readWrite", "db": "orders" }, { "role": "read", "db": "admin" } ],
        }, "ok": 1 };
        let user = authenticated_user(&status, "SCRAM-SHA-256".into()).unwrap();
        assert_eq!(user.user, "app");
        assert_eq!(user.db, "admin");
        assert_eq!(user.roles, ["readWrite@orders", "read@admin"]);
        let none = doc! { "authInfo": { "authenticatedUsers": [], "authenticatedUserRoles": [] } };
        assert_eq!(authenticated_user(&none, "x".into()), None);
    }
}
