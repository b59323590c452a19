//! `mongotls check` (and `demo`): the report of a replica set, member by member. Built from
//! [`crate::check::SetOutcome`] and [`crate::probe::MemberProbe`]; this is the JSON contract.

use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;

use super::ca::CertSummary;
use super::driver::DriverReport;
use super::value;
use super::verify::ChainReport;
use crate::findings::{Finding, Verdict};
use crate::net::dns::SrvResolution;
use crate::net::TlsInfo;
use crate::pki::client_cert::ClientCertInspection;
use crate::probe::{speaks_op_msg, MemberProbe, PhaseTimings, PlaintextOutcome, TlsMode};
use crate::wire::hello::HelloReply;

/// `mongotls check`.
#[derive(Clone, Debug, Serialize)]
pub struct CheckReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `check`.
    pub command: &'static str,
    /// Derived from every finding, the members' and the set's.
    pub verdict: Verdict,
    /// The time certificates were judged at.
    #[serde(serialize_with = "value::time")]
    pub evaluated_at: OffsetDateTime,
    /// Wall time of the run.
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
    /// What was checked.
    pub target: CheckTarget,
    /// The DNS records of a `mongodb+srv://` string (`null` for `mongodb://`).
    pub srv: Option<SrvReport>,
    /// How.
    pub options: CheckOptions,
    /// The trusted CA file(s).
    pub ca: CheckCa,
    /// The client certificate presented (`--client-cert`, `tlsCertificateKeyFile`), `null`
    /// when none was.
    pub client_cert: Option<ClientCertReport>,
    /// Every member, seeds first.
    pub members: Vec<MemberReport>,
    /// What the official driver made of the connection string.
    pub driver: DriverReport,
    /// Findings about the set, the connection string, the CA file and the options.
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// Every finding of the run: the set's, then each member's, then the driver's.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .chain(self.members.iter().flat_map(|m| m.findings.iter()))
            .chain(self.driver.findings.iter())
    }
}

/// What `check` was pointed at.
#[derive(Clone, Debug, Serialize)]
pub struct CheckTarget {
    /// The connection string with every secret replaced by `****`.
    pub uri: String,
    /// The seed list, as `host:port`.
    pub seeds: Vec<String>,
    /// `replicaSet` from the URI.
    pub replica_set: Option<String>,
    /// The set name the members report.
    pub set_name: Option<String>,
}

/// What the DNS said about a `mongodb+srv://` string.
#[derive(Clone, Debug, Serialize)]
pub struct SrvReport {
    /// The SRV name looked up: `_mongodb._tcp.HOST`.
    pub name: String,
    /// `--dns-server`, or `null` for the system's resolver.
    pub dns_server: Option<String>,
    /// The SRV records as answered, invalid ones included.
    pub records: Vec<SrvRecordReport>,
    /// The TXT records of the host (each record's strings joined).
    pub txt: Vec<String>,
    /// The seeds that follow (`host:port`): valid targets, at most `srvMaxHosts` of them.
    pub seeds: Vec<String>,
    /// Why the lookup failed, in words (`null` when it did not).
    pub error: Option<String>,
    /// How long the SRV and TXT lookups took.
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
}

/// One SRV record.
#[derive(Clone, Debug, Serialize)]
pub struct SrvRecordReport {
    /// The target host name.
    pub target: String,
    /// The port.
    pub port: u16,
    /// Priority (ignored by clients, as the spec says).
    pub priority: u16,
    /// Weight (ignored by clients, as the spec says).
    pub weight: u16,
}

impl From<&SrvResolution> for SrvReport {
    fn from(r: &SrvResolution) -> Self {
        SrvReport {
            name: r.name.clone(),
            dns_server: r.dns_server.map(|s| s.to_string()),
            records: r
                .records
                .iter()
                .map(|rec| SrvRecordReport {
                    target: rec.target.clone(),
                    port: rec.port,
                    priority: rec.priority,
                    weight: rec.weight,
                })
                .collect(),
            txt: r.txt.clone(),
            seeds: r
                .seeds
                .iter()
                .flat_map(|s| s.seeds.iter().map(ToString::to_string))
                .collect(),
            error: r.error.as_ref().map(ToString::to_string),
            duration: r.elapsed,
        }
    }
}

/// How `check` ran: the options that change what it proves.
#[derive(Clone, Debug, Serialize)]
pub struct CheckOptions {
    /// Bound of each network phase.
    #[serde(rename = "timeout_ms", serialize_with = "value::whole_millis")]
    pub timeout: Duration,
    /// Bound of the whole run (`--deadline`).
    #[serde(rename = "deadline_ms", serialize_with = "value::whole_millis")]
    pub deadline: Duration,
    /// Most connections open at once (`--max-connections`).
    pub max_connections: usize,
    /// Members beyond the seeds were discovered.
    pub discover: bool,
    /// Plaintext was probed on every member.
    pub plaintext_probe: bool,
    /// `--server-name`, when given.
    pub server_name: Option<String>,
    /// Options in effect that weaken verification; each is also a `tls.insecure_option` finding.
    pub insecure: Vec<String>,
    /// `--strict`: deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements
    /// (`lint.*` findings) fail instead of warning, and warnings exit 1.
    pub strict: bool,
}

/// The CA file(s) `check` trusted, or the platform's trust store.
#[derive(Clone, Debug, Serialize)]
pub struct CheckCa {
    /// Files read (empty for the system store).
    pub files: Vec<String>,
    /// Their certificates (not listed for the system store).
    pub certificates: Vec<CertSummary>,
    /// No CA file was named: chains were judged against the platform's trust store.
    pub system_store: bool,
    /// Roots loaded from the platform's trust store (`null` with CA files).
    pub system_roots: Option<usize>,
}

/// The client certificate, judged on its own. Never the key, never its password.
#[derive(Clone, Debug, Serialize)]
pub struct ClientCertReport {
    /// The file, as the user named it.
    pub file: String,
    /// Subject, RFC 2253.
    pub subject: String,
    /// The MONGODB-X509 user name it authenticates as (the subject, RFC 2253, as mongod
    /// writes it).
    pub x509_user: String,
    /// Issuer, RFC 2253.
    pub issuer: String,
    /// Start of validity.
    #[serde(serialize_with = "value::time")]
    pub not_before: OffsetDateTime,
    /// End of validity.
    #[serde(serialize_with = "value::time")]
    pub not_after: OffsetDateTime,
    /// Whole days until `not_after` (negative once expired).
    pub days_left: i64,
    /// Its Extended Key Usage allows TLS client authentication (no EKU extension allows it).
    pub eku_client_auth: bool,
    /// The private key belongs to the certificate.
    pub key_matches: bool,
    /// The key was stored encrypted (PKCS#8).
    pub encrypted_key: bool,
    /// `RSA`, `EC`, `Ed25519`, …
    pub key_algorithm: String,
    /// Key size in bits, when known.
    pub key_bits: Option<u32>,
}

impl From<&ClientCertInspection> for ClientCertReport {
    fn from(c: &ClientCertInspection) -> Self {
        ClientCertReport {
            file: c.file.clone(),
            subject: c.subject.clone(),
            x509_user: c.x509_user.clone(),
            issuer: c.issuer.clone(),
            not_before: c.not_before,
            not_after: c.not_after,
            days_left: c.days_left,
            eku_client_auth: c.eku_client_auth,
            key_matches: c.key_matches,
            encrypted_key: c.encrypted_key,
            key_algorithm: c.key.algorithm.clone(),
            key_bits: c.key.bits,
        }
    }
}

/// Everything learnt about one member.
#[derive(Clone, Debug, Serialize)]
pub struct MemberReport {
    /// `host:port` as the configuration (or the seed list) names it.
    pub address: String,
    /// The member was in the URI's seed list.
    pub seed: bool,
    /// The member is in the set's configuration (`hosts`, `passives`, `arbiters`).
    pub in_config: bool,
    /// Every address the name resolved to.
    pub resolved: Vec<String>,
    /// The address connected to.
    pub connected_to: Option<String>,
    /// The name sent as SNI (none for IP addresses) and checked against the certificate.
    pub server_name: String,
    /// TLS / plaintext behaviour of the endpoint.
    #[serde(serialize_with = "value::tls_mode")]
    pub tls_mode: TlsMode,
    /// Duration of each phase (milliseconds in JSON; `null` when the phase did not run).
    #[serde(rename = "timings_ms", serialize_with = "value::timings")]
    pub timings: PhaseTimings,
    /// What the TLS handshake negotiated.
    pub tls: Option<TlsReport>,
    /// The presented chain and its verification.
    pub chain: Option<ChainReport>,
    /// The `hello` reply over TLS (or over plaintext when TLS is not enabled).
    pub hello: Option<HelloSummary>,
    /// Server version from `buildInfo`.
    pub server_version: Option<String>,
    /// `ping` succeeded.
    pub ping_ok: bool,
    /// The plaintext probe.
    pub plaintext: Option<PlaintextReport>,
    /// Every problem of this member.
    pub findings: Vec<Finding>,
}

impl From<&MemberProbe> for MemberReport {
    fn from(m: &MemberProbe) -> Self {
        MemberReport {
            address: m.address.clone(),
            seed: m.seed,
            in_config: m.in_config,
            resolved: m.resolved.iter().map(ToString::to_string).collect(),
            connected_to: m.connected_to.map(|a| a.to_string()),
            server_name: m.server_name.clone(),
            tls_mode: m.tls_mode,
            timings: m.timings,
            tls: m.tls.as_ref().map(Into::into),
            chain: m.chain.as_ref().map(Into::into),
            hello: m.hello.as_ref().map(Into::into),
            server_version: m.server_version.clone(),
            ping_ok: m.ping_ok,
            plaintext: m.plaintext.as_ref().map(Into::into),
            findings: m.findings.clone(),
        }
    }
}

/// What a completed handshake negotiated.
#[derive(Clone, Debug, Serialize)]
pub struct TlsReport {
    /// `TLSv1.3`, `TLSv1.2`.
    pub version: String,
    /// IANA name of the cipher suite.
    pub cipher_suite: String,
    /// Key-exchange group (`X25519`, `secp256r1`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_exchange_group: Option<String>,
    /// ALPN protocol, when one was negotiated (MongoDB servers negotiate none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpn: Option<String>,
    /// The handshake resumed an earlier session.
    pub resumed: bool,
}

impl From<&TlsInfo> for TlsReport {
    fn from(t: &TlsInfo) -> Self {
        TlsReport {
            version: t.version.clone(),
            cipher_suite: t.cipher_suite.clone(),
            key_exchange_group: t.key_exchange_group.clone(),
            alpn: t.alpn.clone(),
            resumed: t.resumed,
        }
    }
}

/// The `hello` fields a report shows.
#[derive(Clone, Debug, Serialize)]
pub struct HelloSummary {
    /// Replica set name.
    pub set_name: Option<String>,
    /// The member's own name in the configuration.
    pub me: Option<String>,
    /// Primary?
    pub is_writable_primary: bool,
    /// Secondary?
    pub secondary: bool,
    /// Arbiter?
    pub arbiter_only: bool,
    /// Hidden?
    pub hidden: bool,
    /// The primary's name, as this member sees it.
    pub primary: Option<String>,
    /// Electable members.
    pub hosts: Vec<String>,
    /// Priority-0 members.
    pub passives: Vec<String>,
    /// Arbiters.
    pub arbiters: Vec<String>,
    /// Wire versions.
    pub min_wire_version: Option<i32>,
    /// Wire versions.
    pub max_wire_version: Option<i32>,
    /// Largest BSON document the server accepts.
    pub max_bson_object_size: Option<i64>,
    /// Largest message the server accepts.
    pub max_message_size_bytes: Option<i64>,
    /// The handshake went over legacy OP_QUERY (always: drivers do the same) and later commands
    /// over OP_MSG when the server supports it (maxWireVersion ≥ 6, MongoDB 3.6).
    pub op_msg: bool,
}

impl From<&HelloReply> for HelloSummary {
    fn from(r: &HelloReply) -> Self {
        HelloSummary {
            set_name: r.set_name.clone(),
            me: r.me.clone(),
            is_writable_primary: r.is_primary(),
            secondary: r.secondary.unwrap_or(false),
            arbiter_only: r.arbiter_only.unwrap_or(false),
            hidden: r.hidden.unwrap_or(false),
            primary: r.primary.clone(),
            hosts: r.hosts.clone(),
            passives: r.passives.clone(),
            arbiters: r.arbiters.clone(),
            min_wire_version: r.min_wire_version,
            max_wire_version: r.max_wire_version,
            max_bson_object_size: r.max_bson_object_size,
            max_message_size_bytes: r.max_message_size_bytes,
            op_msg: speaks_op_msg(r),
        }
    }
}

/// Outcome of the plaintext probe.
#[derive(Clone, Debug, Serialize)]
pub struct PlaintextReport {
    /// The server answered a plaintext `hello`.
    pub accepted: bool,
    /// What happened, in words.
    pub detail: String,
}

impl From<&PlaintextOutcome> for PlaintextReport {
    fn from(p: &PlaintextOutcome) -> Self {
        PlaintextReport {
            accepted: p.accepted(),
            detail: p.to_string(),
        }
    }
}
