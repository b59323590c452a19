//! Judging a presented chain the way MongoDB clients will: the engine behind `verify` and,
//! later, every member `check` probes. Pure: the evaluation time is a parameter.
//!
//! Two independent judgements run side by side and are reported together:
//! - rustls-webpki builds and verifies the path for server authentication, exactly as the Rust
//!   driver and our own probe do;
//! - our own path builder walks the same certificates and checks every certificate on the path
//!   (trust anchor included) for validity, key strength, signature hash, EKU and names, so that
//!   every problem is reported, not only the first one webpki stops at, and so that the client
//!   families that behave differently from rustls (see [`crate::pki::clients`]) are judged too.

//!
//! The files: `path` builds the path (greedy, then a bounded search), `checks` judges every
//! certificate on it, `rules` the RFC 5280 §6 rules some client enforces (basicConstraints,
//! pathLenConstraint, keyUsage, critical extensions, …), `names` the name constraints, `host`
//! the name clients connect to, `by_webpki` runs rustls-webpki and translates its errors,
//! `by_openssl` runs OpenSSL's own verifier (and Node's host-name rules), `engines` lets the
//! engines that run in-process decide their families' columns, and `lint` reports what RFC 5280
//! and the CA/Browser Forum forbid but clients tolerate (`fail` only with
//! [`VerifyOptions::strict`]).

mod by_openssl;
mod by_webpki;
mod checks;
mod engines;
mod host;
pub mod lint;
mod names;
mod parsers;
mod path;
mod rules;

use std::net::IpAddr;

use rustls_pki_types::ServerName;
use time::OffsetDateTime;

use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::{verdicts_for, Condition};
use crate::pki::inspect::Cert;
use crate::tr;

pub use by_openssl::{x509_error_name, EngineError, EngineErrorKind, EngineOutcome};
pub use host::dns_matches;

use by_webpki::run_webpki;
use checks::{
    check_keys_and_signatures, check_leaf_usage, check_order, check_trust, check_unused,
    check_validity,
};
use engines::{apply_engines, run_engines};
use host::check_host;
use names::check_name_constraints;
use parsers::check_parsers;
use path::{build_path, choose_leaf, roles};
use rules::check_path_rules;

/// What to verify the chain for.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    /// The name clients connect to; `None` skips the host-name check (and says so).
    pub host: Option<ServerName<'static>>,
    /// Evaluation time.
    pub now: OffsetDateTime,
    /// Warn when a certificate on the path expires within this many days.
    pub warn_days: i64,
    /// Clients were told to ignore host-name mismatches (`tlsAllowInvalidHostnames`): a
    /// mismatch is still reported, and says so.
    pub hostnames_waived: bool,
    /// `--strict`: the conformance lint's findings (`lint.*`) fail instead of warning.
    pub strict: bool,
}

/// A name that is neither an IP address nor a DNS name a certificate could cover.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct InvalidHost(pub String);

impl std::fmt::Display for InvalidHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!("pki-invalid-host", host = self.0.as_str()))
    }
}

/// Parses a host name to check certificates against (`--host`, `--server-name`, a member's
/// host): an IPv4/IPv6 address (IPv6 with or without brackets) or a DNS name.
pub fn parse_host(text: &str) -> Result<ServerName<'static>, InvalidHost> {
    let trimmed = text.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = trimmed.parse::<IpAddr>() {
        return Ok(ServerName::IpAddress(ip.into()));
    }
    ServerName::try_from(text.to_string()).map_err(|_| InvalidHost(text.to_string()))
}

/// Where a certificate on the path came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathSource {
    /// The presented chain (`--chain`, or what the server sent).
    Chain,
    /// The CA file.
    Ca,
}

impl PathSource {
    /// Lower-case name as in reports (`chain`, `ca`).
    pub fn as_str(self) -> &'static str {
        match self {
            PathSource::Chain => "chain",
            PathSource::Ca => "ca",
        }
    }
}

/// The role a certificate plays on the path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The server's own certificate.
    Leaf,
    /// A CA between the leaf and the trust anchor.
    Intermediate,
    /// The certificate from the CA file the path ends at.
    Anchor,
    /// The last certificate reached when the path does not end at the CA file.
    Untrusted,
}

impl Role {
    /// Lower-case name as in reports (`leaf`, `intermediate`, `anchor`, `untrusted`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Leaf => "leaf",
            Role::Intermediate => "intermediate",
            Role::Anchor => "anchor",
            Role::Untrusted => "untrusted",
        }
    }
}

/// One certificate on the path, leaf first.
#[derive(Clone, Debug)]
pub struct PathElement {
    /// Leaf, intermediate, anchor.
    pub role: Role,
    /// Presented chain or CA file.
    pub source: PathSource,
    /// Index in that list.
    pub index: usize,
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// notAfter.
    pub not_after: OffsetDateTime,
    /// Whole days to notAfter at the evaluation time.
    pub days_remaining: i64,
    /// SHA-256 fingerprint.
    pub sha256_fingerprint: String,
}

/// rustls-webpki's own judgement.
#[derive(Clone, Debug)]
pub struct WebpkiOutcome {
    /// Path building and verification for server authentication succeeded.
    pub chain_accepted: bool,
    /// The host name check succeeded (`None` when no host was given).
    pub name_accepted: Option<bool>,
    /// Why webpki rejected the chain, when it did.
    pub error: Option<WebpkiRejection>,
}

/// Why rustls-webpki rejected a chain.
#[derive(Clone, Debug, PartialEq)]
pub enum WebpkiRejection {
    /// No certificate was presented, so there was nothing to verify.
    NoCertificate,
    /// rustls-webpki's own error.
    Error(webpki::Error),
}

/// As rustls-webpki's `Debug` names its errors (`CertExpired { … }`), which is what users
/// search for; `no certificate` when nothing was presented.
impl std::fmt::Display for WebpkiRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebpkiRejection::NoCertificate => f.write_str("no certificate"),
            WebpkiRejection::Error(e) => write!(f, "{e:?}"),
        }
    }
}

/// The result of verifying one presented chain.
#[derive(Clone, Debug)]
pub struct ChainVerification {
    /// The path built, leaf first.
    pub path: Vec<PathElement>,
    /// The path ends at a certificate of the CA file.
    pub trusted: bool,
    /// rustls-webpki's judgement.
    pub rustls_webpki: WebpkiOutcome,
    /// OpenSSL's own verifier, configured as PyMongo's `ssl.SSLContext` verifies a server.
    pub openssl: EngineOutcome,
    /// Node.js: OpenSSL's chain verdict at Node's security level, then `checkServerIdentity`.
    pub node: EngineOutcome,
    /// Every finding. `certificate` indexes `path`.
    pub findings: Vec<Finding>,
}

/// A certificate on the path: presented (by index in the chain) or from the CA file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    Chain(usize),
    Ca(usize),
}

/// Why the path stopped before reaching the CA file.
enum Stop {
    /// Reached a certificate of the CA file.
    Anchored,
    /// The last certificate is self-signed and not in the CA file.
    SelfSigned,
    /// Candidates had the issuer's name but not its key or signature.
    NameOnly {
        different_key: Vec<Node>,
        bad_signature: Vec<Node>,
    },
    /// Nothing even has the issuer's name.
    NoIssuer,
    /// Safety stop for cyclic or absurdly long chains.
    TooLong,
}

const MAX_PATH_LEN: usize = 10;

struct Ctx<'a> {
    anchors: &'a [Cert],
    presented: &'a [Cert],
    opts: &'a VerifyOptions,
    findings: Vec<Finding>,
    /// The condition of each finding in `findings` (same index), where it has one.
    conditions: Vec<Option<Condition>>,
    /// Findings the engine stage added: index into `findings`, and the engine error's code name
    /// and depth.
    engine_added: Vec<(usize, (String, Option<u32>))>,
    /// The evaluation time had a fraction of a second (truncated in `opts.now`).
    now_has_fraction: bool,
}

impl<'a> Ctx<'a> {
    /// The certificate at `node`, borrowed from the inputs (not from the context, so that
    /// findings can be pushed while it is held).
    fn cert(&self, node: Node) -> &'a Cert {
        match node {
            Node::Chain(i) => &self.presented[i],
            Node::Ca(i) => &self.anchors[i],
        }
    }

    fn push(&mut self, f: Finding) {
        self.push_with(f, None);
    }

    fn push_with(&mut self, f: Finding, condition: Option<Condition>) {
        // Findings pushed directly onto `findings` have no condition.
        self.conditions.resize(self.findings.len(), None);
        self.findings.push(f);
        self.conditions.push(condition);
    }

    /// A certificate finding whose severity follows from the clients that reject it.
    fn client_finding(
        &mut self,
        code: Code,
        condition: Condition,
        pos: Option<usize>,
        message: String,
        hint: impl Into<String>,
    ) {
        let clients = verdicts_for(condition);
        let severity = if clients.any_rejects() {
            Severity::Fail
        } else {
            Severity::Warn
        };
        let mut f = Finding::new(code, severity, message, hint).with_clients(clients);
        f.certificate = pos;
        self.push_with(f, Some(condition));
    }
}

/// Verifies `presented` (leaf first, ideally) against `anchors` (the CA file).
///
/// `presented` must not be empty; the caller reports an empty chain file as an input error.
pub fn verify_chain(
    anchors: &[Cert],
    presented: &[Cert],
    opts: &VerifyOptions,
) -> ChainVerification {
    // Certificate times have whole-second granularity; compare at that granularity (as
    // rustls-webpki does), so a chain is not expired a few milliseconds into its last second.
    let now_has_fraction = opts.now.nanosecond() != 0;
    let opts = &VerifyOptions {
        now: opts.now.replace_nanosecond(0).unwrap_or(opts.now),
        ..opts.clone()
    };
    let mut ctx = Ctx {
        anchors,
        presented,
        opts,
        findings: Vec::new(),
        conditions: Vec::new(),
        engine_added: Vec::new(),
        now_has_fraction,
    };
    if presented.is_empty() {
        ctx.push(Finding::new(
            Code::CertUnknownIssuer,
            Severity::Fail,
            tr!("pki-no-certificate-presented"),
            tr!("pki-no-certificate-presented-hint"),
        ));
        return ChainVerification {
            path: Vec::new(),
            trusted: false,
            rustls_webpki: WebpkiOutcome {
                chain_accepted: false,
                name_accepted: None,
                error: Some(WebpkiRejection::NoCertificate),
            },
            openssl: EngineOutcome::no_certificate(),
            node: EngineOutcome::no_certificate(),
            findings: ctx.findings,
        };
    }

    let leaf = choose_leaf(presented);
    let (nodes, stop) = build_path(&ctx, leaf);
    let pinned = matches!(nodes.first(), Some(Node::Ca(_)));
    let trusted = matches!(stop, Stop::Anchored);
    let roles = roles(&nodes, trusted);

    check_order(&mut ctx, &nodes);
    check_trust(&mut ctx, &nodes, &stop, pinned);
    check_validity(&mut ctx, &nodes, &roles);
    check_keys_and_signatures(&mut ctx, &nodes, &roles);
    check_leaf_usage(&mut ctx, &nodes, &roles, pinned);
    check_path_rules(&mut ctx, &nodes, &roles, pinned);
    check_parsers(&mut ctx, &nodes);
    check_name_constraints(&mut ctx, &nodes);
    let name_accepted = check_host(&mut ctx, &presented[leaf]);
    check_unused(&mut ctx, &nodes, leaf);
    let webpki = run_webpki(&mut ctx, leaf, name_accepted, trusted);
    lint::lint_path(&mut ctx, &nodes, &roles);
    let (openssl, node) = run_engines(&ctx, leaf);
    let path_der: Vec<Vec<u8>> = nodes.iter().map(|&n| ctx.cert(n).der.clone()).collect();
    apply_engines(&mut ctx, &path_der, &webpki, &openssl, &node);

    let path = nodes
        .iter()
        .zip(&roles)
        .map(|(&node, &role)| {
            let c = ctx.cert(node);
            let (source, index) = match node {
                Node::Chain(i) => (PathSource::Chain, i),
                Node::Ca(i) => (PathSource::Ca, i),
            };
            PathElement {
                role,
                source,
                index,
                subject: c.info.subject.clone(),
                issuer: c.info.issuer.clone(),
                not_after: c.info.not_after,
                days_remaining: c.info.days_remaining,
                sha256_fingerprint: c.info.sha256_fingerprint.clone(),
            }
        })
        .collect();
    ChainVerification {
        path,
        trusted,
        rustls_webpki: webpki,
        openssl,
        node,
        findings: ctx.findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_matches_one_label_only() {
        assert!(dns_matches("*.example.com", "db.example.com"));
        assert!(dns_matches("*.Example.com", "DB.example.com."));
        assert!(!dns_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_matches("*.example.com", "example.com"));
        assert!(!dns_matches("*.com", "example.com"));
        assert!(dns_matches("db.example.com", "DB.EXAMPLE.COM"));
    }

    #[test]
    fn host_parsing_accepts_ip_and_dns() {
        assert!(matches!(
            parse_host("127.0.0.1"),
            Ok(ServerName::IpAddress(_))
        ));
        assert!(matches!(parse_host("[::1]"), Ok(ServerName::IpAddress(_))));
        assert!(matches!(
            parse_host("db.example.com"),
            Ok(ServerName::DnsName(_))
        ));
        assert!(parse_host("db example").is_err());
    }
}
