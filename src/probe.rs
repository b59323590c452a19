//! One member, on its own connections: resolve → TCP → TLS (chain captured as presented) →
//! verify the chain → `hello` → `ping` → `buildInfo`, and meanwhile, on a second connection to
//! the same address, a plaintext `hello` (concurrently, so that a silent member costs one
//! timeout, not two). Every phase has its own timeout and duration; every problem becomes a
//! finding of this member.

pub mod progress;
mod tls_failure;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bson::Document;
use rustls::pki_types::ServerName;
use time::OffsetDateTime;
use tokio::io::{AsyncRead, AsyncWrite};

use crate::duration::format_duration;
use crate::findings::{Code, Finding, Severity};
use crate::net::{self, ClientIdentity, NetError, Target, TlsInfo};
use crate::pki::inspect::Cert;
use crate::pki::verify::{verify_chain, ChainVerification, VerifyOptions};
use crate::tr;
use crate::wire::hello::{
    build_info_command, hello_command, parse_hello, ping_command, HelloReply,
};
use crate::wire::io::{run_command_within, CommandError};

use progress::{Phase, Progress, ProgressEvent};
use tls_failure::{client_cert_problem, late_client_cert_refusal, tls_failure_finding};

/// Everything a probe needs besides its target. Shared by every member of a run.
#[derive(Debug, Clone)]
pub struct ProbeSettings {
    /// Bound of each network phase.
    pub timeout: Duration,
    /// When the whole run must end: no phase runs past it.
    pub deadline: Instant,
    /// The run's budget as given (`--deadline`), for messages.
    pub run_budget: Duration,
    /// Name to send as SNI and to check the certificate against, instead of the member's host.
    pub server_name: Option<ServerName<'static>>,
    /// Client certificate to offer, from `tlsCertificateKeyFile`.
    pub identity: Option<Arc<ClientIdentity>>,
    /// Also try a plaintext `hello` on the same port.
    pub plaintext_probe: bool,
    /// Clients were told to ignore host-name mismatches; a mismatch says so.
    pub allow_invalid_hostnames: bool,
    /// Evaluation time for certificates.
    pub now: OffsetDateTime,
    /// Expiry warning window.
    pub warn_days: i64,
    /// `--strict`: the conformance lint's findings fail (see [`VerifyOptions::strict`]).
    pub strict: bool,
    /// `appName` sent in the handshake.
    pub app_name: Option<String>,
    /// Cap on a reply's declared length.
    pub max_message_bytes: usize,
    /// The CA file's certificates.
    pub anchors: Arc<Vec<Cert>>,
    /// `--dns-server`: resolve members through this resolver; `None`: the system's
    /// resolver, as `getaddrinfo` answers.
    pub dns: Option<Arc<net::dns::DnsResolver>>,
}

/// How the endpoint treats TLS and plaintext.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// TLS works; plaintext is refused (requireTLS, "forced SSL").
    TlsOnly,
    /// Both work on the same port (allowTLS / preferTLS, or SSL enabled without forcing it).
    TlsAndPlain,
    /// Plaintext works, TLS does not: TLS is not enabled on this endpoint.
    PlainOnly,
    /// TLS works; plaintext was not probed (`--no-plaintext-probe`), or the probe learnt
    /// nothing (no answer in time, no second connection).
    TlsPlainNotProbed,
    /// Neither worked, or TLS failed and plaintext was not probed.
    Unknown,
    /// No TCP connection.
    Unreachable,
}

impl TlsMode {
    /// Lower-case name as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsMode::TlsOnly => "tls_only",
            TlsMode::TlsAndPlain => "tls_and_plain",
            TlsMode::PlainOnly => "plain_only",
            TlsMode::TlsPlainNotProbed => "tls_plain_not_probed",
            TlsMode::Unknown => "unknown",
            TlsMode::Unreachable => "unreachable",
        }
    }
}

/// Duration of each phase; `None` when the phase did not run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhaseTimings {
    /// Name resolution.
    pub dns: Option<Duration>,
    /// TCP three-way handshake.
    pub tcp_connect: Option<Duration>,
    /// TLS handshake (also when it failed).
    pub tls_handshake: Option<Duration>,
    /// `hello` round trip over TLS.
    pub hello: Option<Duration>,
    /// `ping` round trip over TLS.
    pub ping: Option<Duration>,
    /// `buildInfo` round trip over TLS.
    pub build_info: Option<Duration>,
    /// TCP connect plus plaintext `hello`.
    pub plaintext_hello: Option<Duration>,
}

impl PhaseTimings {
    /// Every phase by its report name (`dns`, `tcp_connect`, …), in the order they run.
    pub fn phases(&self) -> [(&'static str, Option<Duration>); 7] {
        [
            ("dns", self.dns),
            ("tcp_connect", self.tcp_connect),
            ("tls_handshake", self.tls_handshake),
            ("hello", self.hello),
            ("ping", self.ping),
            ("build_info", self.build_info),
            ("plaintext_hello", self.plaintext_hello),
        ]
    }

    /// The phases that ran, with their durations.
    pub fn ran(&self) -> impl Iterator<Item = (&'static str, Duration)> {
        self.phases()
            .into_iter()
            .filter_map(|(name, d)| d.map(|d| (name, d)))
    }
}

/// What a plaintext `hello` on the member's TLS port gave.
#[derive(Debug)]
pub enum PlaintextOutcome {
    /// The server answered it: plaintext is accepted.
    Accepted,
    /// The server closed (or reset) the connection without a reply: it refuses plaintext, as
    /// a member with TLS required (requireTLS, "force SSL") does.
    Closed(CommandError),
    /// The server answered something that is not a MongoDB reply.
    Refused(CommandError),
    /// No reply within the timeout: this proves nothing either way.
    TimedOut(Duration),
    /// No second TCP connection could be made.
    NoConnection(NetError),
}

impl PlaintextOutcome {
    /// The server answered a plaintext `hello`.
    pub fn accepted(&self) -> bool {
        matches!(self, PlaintextOutcome::Accepted)
    }

    /// What the probe proved: `Some(true)` plaintext is accepted, `Some(false)` it is refused,
    /// `None` the probe learnt nothing (no answer in time, no connection).
    pub fn verdict(&self) -> Option<bool> {
        match self {
            PlaintextOutcome::Accepted => Some(true),
            PlaintextOutcome::Closed(_) | PlaintextOutcome::Refused(_) => Some(false),
            PlaintextOutcome::TimedOut(_) | PlaintextOutcome::NoConnection(_) => None,
        }
    }

    /// Sorts the error of a plaintext `hello` by what it means.
    fn from_error(e: CommandError) -> PlaintextOutcome {
        use crate::wire::WireError;
        use std::io::ErrorKind;
        match e {
            CommandError::Timeout(after) => PlaintextOutcome::TimedOut(after),
            CommandError::Wire(ref w) if w.is_clean_close() => PlaintextOutcome::Closed(e),
            CommandError::Wire(WireError::Io { ref source, .. })
                if matches!(
                    source.kind(),
                    ErrorKind::UnexpectedEof
                        | ErrorKind::ConnectionReset
                        | ErrorKind::ConnectionAborted
                        | ErrorKind::BrokenPipe
                ) =>
            {
                PlaintextOutcome::Closed(e)
            }
            e => PlaintextOutcome::Refused(e),
        }
    }
}

/// What happened, in words.
impl std::fmt::Display for PlaintextOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaintextOutcome::Accepted => f.write_str(&tr!("check-plaintext-answered")),
            PlaintextOutcome::Closed(_) => f.write_str(&tr!("check-plaintext-closed")),
            PlaintextOutcome::Refused(e) => {
                f.write_str(&tr!("check-plaintext-refused", error = e.to_string()))
            }
            PlaintextOutcome::TimedOut(after) => f.write_str(&tr!(
                "check-plaintext-timed-out",
                after = format_duration(*after)
            )),
            PlaintextOutcome::NoConnection(e) => {
                f.write_str(&tr!("check-plaintext-no-connection", error = e.to_string()))
            }
        }
    }
}

/// Everything learnt about one member.
#[derive(Debug)]
pub struct MemberProbe {
    /// `host:port` as the configuration (or the seed list) names it.
    pub address: String,
    /// The member was in the URI's seed list.
    pub seed: bool,
    /// The member is in the set's configuration (`hosts`, `passives`, `arbiters`).
    pub in_config: bool,
    /// Every address the name resolved to.
    pub resolved: Vec<SocketAddr>,
    /// The address connected to.
    pub connected_to: Option<SocketAddr>,
    /// The name sent as SNI (none for IP addresses) and checked against the certificate.
    pub server_name: String,
    /// TLS / plaintext behaviour of the endpoint.
    pub tls_mode: TlsMode,
    /// Duration of each phase.
    pub timings: PhaseTimings,
    /// What the TLS handshake negotiated.
    pub tls: Option<TlsInfo>,
    /// The presented chain and its verification.
    pub chain: Option<ChainVerification>,
    /// The `hello` reply over TLS (or over plaintext when TLS is not enabled).
    pub hello: Option<HelloReply>,
    /// Server version from `buildInfo`.
    pub server_version: Option<String>,
    /// `ping` succeeded.
    pub ping_ok: bool,
    /// The plaintext probe, when it ran.
    pub plaintext: Option<PlaintextOutcome>,
    /// TCP connected but the member never answered: the TLS handshake timed out and no
    /// plaintext `hello` was answered either. Clients cannot use it, as if unreachable.
    pub silent: bool,
    /// The phase timeout that stopped the member (TCP connect, TLS handshake), when one did.
    pub timed_out_after: Option<Duration>,
    /// Every problem of this member.
    pub findings: Vec<Finding>,
    /// The presented leaf, for cross-member comparison.
    pub leaf: Option<Cert>,
}

impl MemberProbe {
    /// A member with nothing learnt yet.
    pub fn empty(target: &Target, server_name: String) -> Self {
        MemberProbe {
            address: target.address.clone(),
            seed: false,
            in_config: false,
            resolved: Vec::new(),
            connected_to: None,
            server_name,
            tls_mode: TlsMode::Unknown,
            timings: PhaseTimings::default(),
            tls: None,
            chain: None,
            hello: None,
            server_version: None,
            ping_ok: false,
            plaintext: None,
            silent: false,
            timed_out_after: None,
            findings: Vec::new(),
            leaf: None,
        }
    }
}

fn fail(code: Code, message: String, hint: String) -> Finding {
    Finding::new(code, Severity::Fail, message, hint)
}

/// `ADDRESS: ERROR`, the message of a member's network failure.
fn member_error(address: &str, error: &dyn std::fmt::Display) -> String {
    tr!(
        "check-member-error",
        address = address,
        error = error.to_string()
    )
}

/// A step of a probe with a bound of its own, as the deadline's messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Dns,
    Tcp,
    Tls,
    Hello,
    Ping,
    BuildInfo,
    Plaintext,
}

impl Step {
    fn in_words(self) -> String {
        match self {
            Step::Dns => tr!("check-step-dns"),
            Step::Tcp => tr!("check-step-tcp"),
            Step::Tls => tr!("check-step-tls"),
            Step::Hello => tr!("check-step-hello"),
            Step::Ping => tr!("check-step-ping"),
            Step::BuildInfo => tr!("check-step-build-info"),
            Step::Plaintext => tr!("check-step-plaintext"),
        }
    }
}

/// The time each phase of one probe may take: the phase timeout, or what is left before the
/// run's deadline when that is less. A phase that would start after the deadline is not
/// started; the member then says which phase was cut and why (`net.deadline_exceeded`).
/// It also tells the run's [`Progress`] when a phase starts and ends.
#[derive(Clone)]
struct Budget {
    progress: Progress,
    /// The member, as events name it.
    address: String,
    timeout: Duration,
    deadline: Instant,
    run_budget: Duration,
    /// The first phase that was not started because the deadline had passed.
    skipped: Option<Step>,
    /// The last phase given less than the phase timeout because the deadline was nearer.
    shortened: Option<Step>,
}

impl Budget {
    fn new(s: &ProbeSettings, address: &str, progress: &Progress) -> Self {
        Budget {
            progress: progress.clone(),
            address: address.to_owned(),
            timeout: s.timeout,
            deadline: s.deadline,
            run_budget: s.run_budget,
            skipped: None,
            shortened: None,
        }
    }

    /// The bound of the phase `name`, or `None` when the deadline has passed.
    fn phase(&mut self, name: Step) -> Option<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            self.skipped.get_or_insert(name);
            return None;
        }
        if left < self.timeout {
            self.shortened = Some(name);
            return Some(left);
        }
        Some(self.timeout)
    }

    /// Tells the listener that `phase` started.
    fn started(&self, phase: Phase) {
        self.progress.emit(|| ProgressEvent::PhaseStarted {
            address: self.address.clone(),
            phase,
        });
    }

    /// Tells the listener that `phase` ended.
    fn finished(&self, phase: Phase) {
        self.progress.emit(|| ProgressEvent::PhaseFinished {
            address: self.address.clone(),
            phase,
        });
    }

    /// Takes in what a budget cloned for a concurrent branch (the plaintext probe) saw: this
    /// budget's own skipped and shortened phases come first.
    fn merge(&mut self, branch: &Budget) {
        if self.skipped.is_none() {
            self.skipped = branch.skipped;
        }
        if self.shortened.is_none() {
            self.shortened = branch.shortened;
        }
    }

    /// Adds the deadline finding when a phase was skipped, or shortened and then ran into the
    /// deadline.
    fn finish(&self, r: &mut MemberProbe) {
        let address = r.address.as_str();
        let budget = format_duration(self.run_budget);
        let message = match (self.skipped, self.shortened) {
            (Some(phase), _) => tr!(
                "check-deadline-before-phase",
                address = address,
                budget = budget,
                phase = phase.in_words()
            ),
            (None, Some(phase)) if Instant::now() >= self.deadline => tr!(
                "check-deadline-during-phase",
                address = address,
                budget = budget,
                phase = phase.in_words()
            ),
            _ => return,
        };
        r.findings.push(fail(
            Code::NetDeadlineExceeded,
            message,
            tr!("check-deadline-stalled-hint"),
        ));
    }
}

/// Probes one member. Never fails: every failure is a finding of the report.
pub async fn probe(target: &Target, s: &ProbeSettings) -> MemberProbe {
    probe_with(target, s, &Progress::none()).await
}

/// [`probe`], telling `progress` as each phase starts and ends.
pub async fn probe_with(target: &Target, s: &ProbeSettings, progress: &Progress) -> MemberProbe {
    // Names can come from a server's hello: one that is neither a DNS name nor an IP address
    // is reported, not connected to.
    let named = match &s.server_name {
        Some(n) => Ok(n.clone()),
        None => crate::pki::verify::parse_host(&target.host),
    };
    let server_name = match named {
        Ok(n) => n,
        Err(e) => return invalid_name(target, &e),
    };
    let mut r = MemberProbe::empty(target, server_name.to_str().into_owned());
    let mut budget = Budget::new(s, &target.address, progress);
    probe_phases(target, s, server_name, &mut budget, &mut r).await;
    budget.finish(&mut r);
    r
}

async fn probe_phases(
    target: &Target,
    s: &ProbeSettings,
    server_name: ServerName<'static>,
    budget: &mut Budget,
    r: &mut MemberProbe,
) {
    let Some(tcp) = connect(target, s.dns.as_deref(), budget, r).await else {
        return;
    };
    let peer = tcp.peer;
    // TLS and the plaintext probe each on their own connection, at the same time: a member
    // that answers neither costs one timeout, not one after the other.
    let mut plain_budget = budget.clone();
    let plaintext = async {
        if s.plaintext_probe {
            plaintext_hello(peer, s, &mut plain_budget).await
        } else {
            None
        }
    };
    let (tls_error, plain) = tokio::join!(
        tls_phases(tcp.stream, &server_name, s, budget, r),
        plaintext
    );
    budget.merge(&plain_budget);
    let Some(tls_error) = tls_error else {
        return;
    };
    if let Some(p) = &plain {
        r.timings.plaintext_hello = p.elapsed;
    }
    classify_mode(r, tls_error, plain);
}

/// Phases 1 and 2: name resolution and TCP. `None` (with the finding, or the deadline's
/// note) when either failed or was not started.
async fn connect(
    target: &Target,
    dns: Option<&net::dns::DnsResolver>,
    budget: &mut Budget,
    r: &mut MemberProbe,
) -> Option<net::TcpConnected> {
    let timeout = budget.phase(Step::Dns)?;
    budget.started(Phase::Dns);
    let lookup = match dns {
        Some(dns) => dns.resolve(&target.host, target.port, timeout).await,
        None => net::resolve(&target.host, target.port, timeout).await,
    };
    budget.finished(Phase::Dns);
    let resolved = match lookup {
        Ok(res) => res,
        Err(e) => {
            r.findings.push(fail(
                Code::NetDnsFailed,
                member_error(&target.address, &e),
                tr!("check-dns-failed-hint"),
            ));
            r.tls_mode = TlsMode::Unreachable;
            return None;
        }
    };
    r.timings.dns = Some(resolved.elapsed);
    r.resolved = resolved.addresses.clone();

    let timeout = budget.phase(Step::Tcp)?;
    budget.started(Phase::Tcp);
    let connected = net::connect_tcp(&resolved.addresses, timeout).await;
    budget.finished(Phase::Tcp);
    match connected {
        Ok(tcp) => {
            r.timings.tcp_connect = Some(tcp.elapsed);
            r.connected_to = Some(tcp.peer);
            Some(tcp)
        }
        Err(e) => {
            if let NetError::ConnectTimeout { after, .. } = e {
                r.timed_out_after = Some(after);
            }
            r.findings.push(tcp_finding(&target.address, &e));
            r.tls_mode = TlsMode::Unreachable;
            None
        }
    }
}

/// Phases 3 and 4: the TLS handshake, the presented chain judged whether or not the
/// handshake completed, and over a completed one the MongoDB commands. Returns how TLS
/// failed (`Some(None)` when it worked), or `None` when the deadline left no time for it.
async fn tls_phases(
    tcp: tokio::net::TcpStream,
    server_name: &ServerName<'static>,
    s: &ProbeSettings,
    budget: &mut Budget,
    r: &mut MemberProbe,
) -> Option<Option<(NetError, net::Observed)>> {
    let timeout = budget.phase(Step::Tls)?;
    budget.started(Phase::Tls);
    let attempt =
        net::tls_handshake(tcp, server_name.clone(), s.identity.as_deref(), timeout).await;
    budget.finished(Phase::Tls);
    r.timings.tls_handshake = Some(attempt.elapsed);
    if !attempt.observed.chain.is_empty() {
        let verification = judge_chain(&attempt.observed.chain, server_name, s, r);
        r.chain = Some(verification);
    }
    Some(match attempt.result {
        Ok((mut stream, info)) => {
            r.tls = Some(info);
            budget.started(Phase::Mongo);
            let late = mongo_phases(&mut stream, s, budget, r, &attempt.observed).await;
            budget.finished(Phase::Mongo);
            late.map(|late| (late, attempt.observed))
        }
        Err(e) => Some((e, attempt.observed)),
    })
}

/// The report of a member whose probe outlived the run's deadline and was abandoned (what it
/// had learnt is lost; every phase is bounded, so this takes a phase that tries several
/// addresses one after the other).
pub fn abandoned(target: &Target, s: &ProbeSettings) -> MemberProbe {
    let mut r = MemberProbe::empty(target, target.host.clone());
    r.findings.push(fail(
        Code::NetDeadlineExceeded,
        tr!(
            "check-deadline-abandoned",
            address = target.address.as_str(),
            budget = format_duration(s.run_budget)
        ),
        tr!("check-deadline-abandoned-hint"),
    ));
    r
}

/// The report of a member whose name cannot be used at all (SNI is sent for DNS names only;
/// IP addresses are matched against IP SANs).
fn invalid_name(target: &Target, why: &crate::pki::verify::InvalidHost) -> MemberProbe {
    let mut r = MemberProbe::empty(target, target.host.clone());
    r.tls_mode = TlsMode::Unreachable;
    r.findings.push(fail(
        Code::NetDnsFailed,
        member_error(&target.address, why),
        tr!("check-invalid-name-hint"),
    ));
    r
}

fn tcp_finding(address: &str, e: &NetError) -> Finding {
    match e {
        NetError::ConnectRefused { .. } => fail(
            Code::NetConnectRefused,
            member_error(address, e),
            tr!("check-connect-refused-hint"),
        ),
        NetError::ConnectTimeout { .. } => fail(
            Code::NetConnectTimeout,
            member_error(address, e),
            tr!("check-connect-timeout-hint"),
        ),
        _ => fail(
            Code::NetConnectFailed,
            member_error(address, e),
            tr!("check-connect-failed-hint"),
        ),
    }
}

fn judge_chain(
    chain: &[Vec<u8>],
    server_name: &ServerName<'static>,
    s: &ProbeSettings,
    r: &mut MemberProbe,
) -> ChainVerification {
    let mut presented = Vec::new();
    for (i, der) in chain.iter().enumerate() {
        match Cert::parse(der.clone(), s.now) {
            Ok(c) => presented.push(c),
            Err(e) => r.findings.push(fail(
                Code::CertInvalid,
                tr!(
                    "check-cert-unparsable",
                    address = r.address.as_str(),
                    index = i.to_string(),
                    error = e.to_string()
                ),
                tr!("check-cert-unparsable-hint"),
            )),
        }
    }
    let opts = VerifyOptions {
        host: Some(server_name.clone()),
        now: s.now,
        warn_days: s.warn_days,
        hostnames_waived: s.allow_invalid_hostnames,
        strict: s.strict,
    };
    let v = verify_chain(&s.anchors, &presented, &opts);
    r.leaf = presented.first().cloned();
    r.findings.extend(v.findings.iter().cloned());
    v
}

/// The MongoDB commands over a completed handshake. Returns the TLS error of a server that
/// refused the client certificate after the handshake (TLS 1.3: the alert comes with the first
/// read), which is then reported as a TLS failure rather than as a failed `hello`.
async fn mongo_phases<S>(
    stream: &mut S,
    s: &ProbeSettings,
    budget: &mut Budget,
    r: &mut MemberProbe,
    observed: &net::Observed,
) -> Option<NetError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    // Drivers open with a legacy isMaster over OP_QUERY (helloOk: true); so do we, which also
    // works with servers older than 3.6.
    let hello = hello_command(s.app_name.as_deref(), true);
    let timeout = budget.phase(Step::Hello)?;
    let start = Instant::now();
    let reply = command(stream, 1, &hello, true, s, timeout).await;
    r.timings.hello = Some(start.elapsed());
    let reply = match reply.and_then(|doc| Ok(parse_hello(&doc)?)) {
        Ok(h) => h,
        Err(e) => {
            if let Some(late) = late_client_cert_refusal(&e, observed) {
                return Some(late);
            }
            r.findings.push(fail(
                Code::MongoHelloFailed,
                tr!(
                    "check-hello-failed",
                    address = r.address.as_str(),
                    error = e.to_string()
                ),
                tr!("check-hello-failed-hint"),
            ));
            return None;
        }
    };
    let op_msg = speaks_op_msg(&reply);
    r.hello = Some(reply);

    let timeout = budget.phase(Step::Ping)?;
    let start = Instant::now();
    match command(stream, 2, &ping_command(), !op_msg, s, timeout).await {
        Ok(_) => {
            r.ping_ok = true;
            r.timings.ping = Some(start.elapsed());
        }
        Err(e) => r.findings.push(fail(
            Code::MongoPingFailed,
            tr!(
                "check-ping-failed",
                address = r.address.as_str(),
                error = e.to_string()
            ),
            tr!("check-ping-failed-hint"),
        )),
    }

    let timeout = budget.phase(Step::BuildInfo)?;
    let start = Instant::now();
    match command(stream, 3, &build_info_command(), !op_msg, s, timeout).await {
        Ok(doc) => {
            r.timings.build_info = Some(start.elapsed());
            r.server_version = doc.get_str("version").ok().map(str::to_string);
        }
        Err(e) => r.findings.push(Finding::new(
            Code::MongoBuildInfoUnavailable,
            Severity::Info,
            tr!(
                "check-build-info-unavailable",
                address = r.address.as_str(),
                error = e.to_string()
            ),
            tr!("check-build-info-unavailable-hint"),
        )),
    }
    None
}

/// Whether a server takes commands over OP_MSG (maxWireVersion 6, MongoDB 3.6, and later);
/// the handshake itself always goes over OP_QUERY, as drivers open.
pub fn speaks_op_msg(hello: &HelloReply) -> bool {
    hello.max_wire_version.unwrap_or(0) >= 6
}

/// One command round trip bounded by `timeout`.
async fn command<S>(
    stream: &mut S,
    request_id: i32,
    doc: &Document,
    legacy: bool,
    s: &ProbeSettings,
    timeout: Duration,
) -> Result<Document, CommandError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    run_command_within(
        stream,
        request_id,
        doc,
        legacy,
        s.max_message_bytes,
        timeout,
    )
    .await
}

struct PlainOutcome {
    /// The reply, when the server answered.
    reply: Option<HelloReply>,
    outcome: PlaintextOutcome,
    elapsed: Option<Duration>,
}

/// A plaintext `hello` on a new connection to the same address.
/// `None` when the deadline left no time for it.
async fn plaintext_hello(
    peer: SocketAddr,
    s: &ProbeSettings,
    budget: &mut Budget,
) -> Option<PlainOutcome> {
    budget.started(Phase::Plaintext);
    let outcome = plaintext_attempt(peer, s, budget).await;
    budget.finished(Phase::Plaintext);
    outcome
}

async fn plaintext_attempt(
    peer: SocketAddr,
    s: &ProbeSettings,
    budget: &mut Budget,
) -> Option<PlainOutcome> {
    let timeout = budget.phase(Step::Plaintext)?;
    let start = Instant::now();
    let mut tcp = match net::connect_tcp(&[peer], timeout).await {
        Ok(tcp) => tcp.stream,
        Err(e) => {
            return Some(PlainOutcome {
                reply: None,
                outcome: PlaintextOutcome::NoConnection(e),
                elapsed: None,
            })
        }
    };
    let hello = hello_command(s.app_name.as_deref(), true);
    let timeout = budget.phase(Step::Plaintext)?;
    let result = command(&mut tcp, 1, &hello, true, s, timeout).await;
    let elapsed = Some(start.elapsed());
    Some(match result.and_then(|doc| Ok(parse_hello(&doc)?)) {
        Ok(h) => PlainOutcome {
            reply: Some(h),
            outcome: PlaintextOutcome::Accepted,
            elapsed,
        },
        Err(e) => PlainOutcome {
            reply: None,
            outcome: PlaintextOutcome::from_error(e),
            elapsed,
        },
    })
}

fn classify_mode(
    r: &mut MemberProbe,
    tls_error: Option<(NetError, net::Observed)>,
    plain: Option<PlainOutcome>,
) {
    // Some(true): plaintext answered; Some(false): refused; None: not probed, or no answer.
    let plain_ok = plain.as_ref().and_then(|p| p.outcome.verdict());
    let plain_reply = match plain {
        Some(p) => {
            r.plaintext = Some(p.outcome);
            p.reply
        }
        None => None,
    };
    match (&tls_error, plain_ok) {
        (None, Some(true)) => {
            r.tls_mode = TlsMode::TlsAndPlain;
            r.findings.push(plaintext_accepted(&r.address));
        }
        (None, Some(false)) => r.tls_mode = TlsMode::TlsOnly,
        (None, None) => r.tls_mode = TlsMode::TlsPlainNotProbed,
        // The server spoke TLS far enough to ask for a client certificate: TLS is enabled,
        // and the failure is the certificate's, whatever plaintext does.
        (Some((e, observed)), plain_ok) if client_cert_problem(e, observed) => {
            r.tls_mode = if plain_ok == Some(true) {
                TlsMode::TlsAndPlain
            } else {
                TlsMode::TlsOnly
            };
            r.findings
                .push(tls_failure_finding(&r.address, e, observed));
            if plain_ok == Some(true) {
                r.findings.push(plaintext_accepted(&r.address));
                if let Some(h) = plain_reply {
                    r.hello = Some(h);
                }
            }
        }
        (Some((e, _)), Some(true)) => {
            r.tls_mode = TlsMode::PlainOnly;
            r.findings.push(fail(
                Code::TlsNotEnabled,
                tr!(
                    "check-tls-not-enabled",
                    address = r.address.as_str(),
                    error = e.to_string()
                ),
                tr!("check-tls-not-enabled-hint"),
            ));
            // Discovery still works from the plaintext hello.
            if let Some(h) = plain_reply {
                r.hello = Some(h);
            }
        }
        (Some((e, observed)), plain_ok) => {
            r.tls_mode = TlsMode::Unknown;
            if let NetError::TlsTimeout { after } = e {
                r.timed_out_after = Some(*after);
                r.silent = plain_ok.is_none();
            }
            r.findings
                .push(tls_failure_finding(&r.address, e, observed));
        }
    }
}

fn plaintext_accepted(address: &str) -> Finding {
    Finding::new(
        Code::TlsPlaintextAccepted,
        Severity::Warn,
        tr!("check-plaintext-accepted", address = address),
        tr!("check-plaintext-accepted-hint"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ProbeSettings {
        ProbeSettings {
            timeout: Duration::from_secs(2),
            deadline: Instant::now() + Duration::from_secs(60),
            run_budget: Duration::from_secs(60),
            server_name: None,
            identity: None,
            plaintext_probe: true,
            allow_invalid_hostnames: false,
            now: OffsetDateTime::now_utc(),
            warn_days: 30,
            strict: false,
            app_name: None,
            max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
            anchors: Arc::new(Vec::new()),
            dns: None,
        }
    }

    #[tokio::test]
    async fn a_name_from_hello_that_is_not_a_host_is_reported_not_dialled() {
        let t = Target {
            address: "bad host!:27017".into(),
            host: "bad host!".into(),
            port: 27017,
        };
        let r = probe(&t, &settings()).await;
        assert_eq!(r.tls_mode, TlsMode::Unreachable);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].code, Code::NetDnsFailed);
        assert!(r.connected_to.is_none());
    }

    #[tokio::test]
    async fn a_probe_started_after_the_deadline_says_so_and_connects_to_nothing() {
        let t = Target {
            address: "127.0.0.1:9".into(),
            host: "127.0.0.1".into(),
            port: 9,
        };
        let mut s = settings();
        s.deadline = Instant::now();
        s.run_budget = Duration::from_secs(7);
        let r = probe(&t, &s).await;
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].code, Code::NetDeadlineExceeded);
        assert!(r.findings[0].message.contains("7s"));
        assert!(r.findings[0].message.contains("name resolution"));
        assert!(r.timings.dns.is_none() && r.connected_to.is_none());
    }

    #[tokio::test]
    async fn a_refused_port_is_net_connect_refused() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        drop(l);
        let t = Target {
            address: format!("127.0.0.1:{port}"),
            host: "127.0.0.1".into(),
            port,
        };
        let r = probe(&t, &settings()).await;
        assert_eq!(r.tls_mode, TlsMode::Unreachable);
        assert!(r.findings.iter().any(|f| f.code == Code::NetConnectRefused));
        assert!(r.timings.dns.is_some());
    }

    fn member() -> MemberProbe {
        let t = Target {
            address: "h:1".into(),
            host: "h".into(),
            port: 1,
        };
        MemberProbe::empty(&t, "h".into())
    }

    fn plain(error: CommandError) -> Option<PlainOutcome> {
        Some(PlainOutcome {
            reply: None,
            outcome: PlaintextOutcome::from_error(error),
            elapsed: Some(Duration::from_millis(3)),
        })
    }

    fn closed() -> CommandError {
        CommandError::Wire(crate::wire::WireError::ConnectionClosed {
            received: 0,
            expected: 16,
            part: "message header",
        })
    }

    /// Forced TLS, the healthy end state, is said in plain words, not as a wire error.
    #[test]
    fn a_member_closing_the_plaintext_connection_refuses_plaintext_as_it_should() {
        let mut r = member();
        classify_mode(&mut r, None, plain(closed()));
        assert_eq!(r.tls_mode, TlsMode::TlsOnly);
        let detail = r.plaintext.as_ref().unwrap().to_string();
        assert!(
            detail.contains("refuses plaintext connections, as it should"),
            "{detail}"
        );
        assert!(detail.contains("requireTLS"), "{detail}");
        assert!(!detail.contains("16 bytes"), "{detail}");
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        // A reset is a refusal too.
        let reset = CommandError::Wire(crate::wire::WireError::Io {
            during: "reading a message header",
            source: std::io::Error::from(std::io::ErrorKind::ConnectionReset),
        });
        assert!(matches!(
            PlaintextOutcome::from_error(reset),
            PlaintextOutcome::Closed(_)
        ));
    }

    /// No answer in time is not a refusal: the mode stays undetermined.
    #[test]
    fn a_plaintext_timeout_is_not_called_a_refusal() {
        let mut r = member();
        classify_mode(
            &mut r,
            None,
            plain(CommandError::Timeout(Duration::from_secs(10))),
        );
        assert_eq!(r.tls_mode, TlsMode::TlsPlainNotProbed);
        let p = r.plaintext.as_ref().unwrap();
        assert!(!p.accepted());
        let detail = p.to_string();
        assert!(!detail.starts_with("plaintext refused"), "{detail}");
        assert!(detail.contains("within 10s"), "{detail}");
        assert!(
            detail.contains("does not prove that plaintext is refused"),
            "{detail}"
        );
        assert!(!r.silent);
    }

    /// TLS timed out and plaintext got no answer either: the member is silent; a member that
    /// closed the plaintext connection did answer.
    #[test]
    fn a_member_answering_neither_tls_nor_plaintext_is_silent() {
        let timeout = || {
            Some((
                NetError::TlsTimeout {
                    after: Duration::from_secs(10),
                },
                net::Observed::default(),
            ))
        };
        let mut r = member();
        classify_mode(
            &mut r,
            timeout(),
            plain(CommandError::Timeout(Duration::from_secs(10))),
        );
        assert!(r.silent);
        assert_eq!(r.tls_mode, TlsMode::Unknown);
        assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
        assert_eq!(r.findings[0].code, Code::TlsHandshakeTimeout);
        let mut r = member();
        classify_mode(&mut r, timeout(), None);
        assert!(r.silent, "not probed: nothing answered either");
        let mut r = member();
        classify_mode(&mut r, timeout(), plain(closed()));
        assert!(!r.silent);
    }
}
