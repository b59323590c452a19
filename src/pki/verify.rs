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

use std::net::IpAddr;
use std::time::Duration;

use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use time::OffsetDateTime;

use crate::dates::rfc3339;
use crate::findings::{ClientAction, ClientVerdicts};
use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::{verdicts_for, Condition};
use crate::pki::inspect::{Cert, SignatureCheck, SignatureHash};

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
}

/// Parses a `--host` value: an IPv4/IPv6 address or a DNS name.
pub fn parse_host(text: &str) -> Result<ServerName<'static>, String> {
    let trimmed = text.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = trimmed.parse::<IpAddr>() {
        return Ok(ServerName::IpAddress(ip.into()));
    }
    ServerName::try_from(text.to_string()).map_err(|_| {
        format!("'{text}' is neither an IP address nor a valid DNS name (letters, digits, '-' and '.', no port)")
    })
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
    /// Every finding. `certificate` indexes `path`.
    pub findings: Vec<Finding>,
}

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
}

impl Ctx<'_> {
    fn cert(&self, node: Node) -> &Cert {
        match node {
            Node::Chain(i) => &self.presented[i],
            Node::Ca(i) => &self.anchors[i],
        }
    }

    fn push(&mut self, f: Finding) {
        self.findings.push(f);
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
        self.push(f);
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
    let opts = &VerifyOptions {
        now: opts.now.replace_nanosecond(0).unwrap_or(opts.now),
        ..opts.clone()
    };
    let mut ctx = Ctx {
        anchors,
        presented,
        opts,
        findings: Vec::new(),
    };
    if presented.is_empty() {
        ctx.push(Finding::new(
            Code::CertUnknownIssuer,
            Severity::Fail,
            "no certificate was presented",
            "the server must send its certificate chain",
        ));
        return ChainVerification {
            path: Vec::new(),
            trusted: false,
            rustls_webpki: WebpkiOutcome {
                chain_accepted: false,
                name_accepted: None,
                error: Some(WebpkiRejection::NoCertificate),
            },
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
    let name_accepted = check_host(&mut ctx, &presented[leaf]);
    check_unused(&mut ctx, &nodes, leaf);
    let webpki = run_webpki(&mut ctx, leaf, name_accepted, trusted);

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
        findings: ctx.findings,
    }
}

/// The leaf is the first certificate unless the first one issued another presented
/// certificate, in which case it is the one that issued nothing (a chain sent in reverse).
fn choose_leaf(presented: &[Cert]) -> usize {
    let issues_another = |i: usize| {
        presented
            .iter()
            .enumerate()
            .any(|(j, c)| j != i && c.names_issuer(&presented[i]))
    };
    if !issues_another(0) {
        return 0;
    }
    (0..presented.len())
        .find(|&i| !issues_another(i) && !presented[i].info.is_ca)
        .or_else(|| (0..presented.len()).find(|&i| !issues_another(i)))
        .unwrap_or(0)
}

/// Builds the path from the leaf towards the CA file.
///
/// First a greedy walk (the best-looking issuer at each step), whose dead end, if any, is the
/// one explained to the user; then, if it did not reach the CA file, a bounded backtracking
/// search over every issuer candidate (cross-signed intermediates, stale duplicates), as
/// rustls-webpki and OpenSSL do.
fn build_path(ctx: &Ctx<'_>, leaf: usize) -> (Vec<Node>, Stop) {
    let leaf_cert = &ctx.presented[leaf];
    // A leaf that is itself in the CA file is trusted directly (a pinned certificate).
    if let Some(j) = ctx.anchors.iter().position(|a| a.der == leaf_cert.der) {
        return (vec![Node::Ca(j)], Stop::Anchored);
    }
    let greedy = greedy_path(ctx, leaf);
    if matches!(greedy.1, Stop::Anchored) {
        return greedy;
    }
    let mut budget = MAX_SEARCH_STEPS;
    let mut path = vec![Node::Chain(leaf)];
    if search(ctx, &mut path, &mut budget) {
        return (path, Stop::Anchored);
    }
    greedy
}

/// Upper bound on issuer candidates tried by [`search`]; a pathological chain cannot make
/// verification slow.
const MAX_SEARCH_STEPS: usize = 200;

/// Issuer candidates of `current` not yet on `path`, each with its signature check and key
/// identifier relation, CA-file certificates first.
fn issuer_candidates(
    ctx: &Ctx<'_>,
    current: Node,
    path: &[Node],
) -> Vec<(Node, SignatureCheck, Option<bool>)> {
    let cur = ctx.cert(current);
    (0..ctx.anchors.len())
        .map(Node::Ca)
        .chain((0..ctx.presented.len()).map(Node::Chain))
        .filter(|&n| n != current && !path.contains(&n))
        .filter(|&n| cur.names_issuer(ctx.cert(n)))
        // A presented copy of a CA-file certificate adds nothing: the anchor wins.
        .filter(|&n| match n {
            Node::Chain(i) => !ctx.anchors.iter().any(|a| a.der == ctx.presented[i].der),
            Node::Ca(_) => true,
        })
        .map(|n| {
            let issuer = ctx.cert(n);
            (n, cur.signature_check(issuer), cur.key_id_matches(issuer))
        })
        .collect()
}

/// A candidate is usable when its key verifies the signature, or when the algorithm cannot be
/// checked here (reported separately as a weak signature) and the key identifiers agree.
fn usable(check: &(Node, SignatureCheck, Option<bool>)) -> bool {
    match check.1 {
        SignatureCheck::Valid => true,
        SignatureCheck::Unsupported => check.2 != Some(false),
        SignatureCheck::Invalid => false,
    }
}

fn greedy_path(ctx: &Ctx<'_>, leaf: usize) -> (Vec<Node>, Stop) {
    let mut path = vec![Node::Chain(leaf)];
    loop {
        if path.len() >= MAX_PATH_LEN {
            return (path, Stop::TooLong);
        }
        let Some(&current) = path.last() else {
            return (path, Stop::NoIssuer);
        };
        let checks = issuer_candidates(ctx, current, &path);
        let next = checks
            .iter()
            .find(|c| c.1 == SignatureCheck::Valid)
            .or_else(|| checks.iter().find(|c| usable(c)))
            .map(|c| c.0);
        match next {
            Some(n @ Node::Ca(_)) => {
                path.push(n);
                return (path, Stop::Anchored);
            }
            Some(n) => path.push(n),
            None if ctx.cert(current).is_self_signed() => return (path, Stop::SelfSigned),
            None if checks.is_empty() => return (path, Stop::NoIssuer),
            None => {
                // Same name, matching key identifier, signature does not verify: forged or
                // corrupted. Anything else with only the name is another key.
                let bad_signature = checks
                    .iter()
                    .filter(|c| c.1 == SignatureCheck::Invalid && c.2 == Some(true))
                    .map(|c| c.0)
                    .collect();
                let different_key = checks
                    .iter()
                    .filter(|c| !(c.1 == SignatureCheck::Invalid && c.2 == Some(true)))
                    .map(|c| c.0)
                    .collect();
                return (
                    path,
                    Stop::NameOnly {
                        different_key,
                        bad_signature,
                    },
                );
            }
        }
    }
}

/// Depth-first search for any path that ends at the CA file; leaves it in `path`.
fn search(ctx: &Ctx<'_>, path: &mut Vec<Node>, budget: &mut usize) -> bool {
    if path.len() >= MAX_PATH_LEN {
        return false;
    }
    let Some(&current) = path.last() else {
        return false;
    };
    for check in issuer_candidates(ctx, current, path) {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        if !usable(&check) {
            continue;
        }
        path.push(check.0);
        if matches!(check.0, Node::Ca(_)) || search(ctx, path, budget) {
            return true;
        }
        path.pop();
    }
    false
}

fn roles(nodes: &[Node], trusted: bool) -> Vec<Role> {
    let last = nodes.len().saturating_sub(1);
    nodes
        .iter()
        .enumerate()
        .map(|(pos, node)| match (pos, node) {
            // A pinned leaf (the CA file holds the server's own certificate) is still the leaf.
            (0, _) => Role::Leaf,
            (_, Node::Ca(_)) if pos == last && trusted => Role::Anchor,
            (p, _) if p == last && !trusted => Role::Untrusted,
            _ => Role::Intermediate,
        })
        .collect()
}

fn check_order(ctx: &mut Ctx<'_>, nodes: &[Node]) {
    let presented_order: Vec<usize> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Chain(i) => Some(*i),
            Node::Ca(_) => None,
        })
        .collect();
    let in_order = presented_order.iter().enumerate().all(|(pos, &i)| pos == i);
    if !in_order {
        let order = presented_order
            .iter()
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(" → ");
        ctx.push(Finding::new(
            Code::CertChainOrder,
            Severity::Info,
            format!(
                "the chain was not sent leaf first then each issuer in turn; the path uses the presented certificates in the order {order}"
            ),
            "TLS 1.2 (RFC 5246) requires that order; current clients tolerate others, but put the server's certificate first, then its issuers, in the server's PEM file",
        ));
    }
}

fn check_trust(ctx: &mut Ctx<'_>, nodes: &[Node], stop: &Stop, pinned: bool) {
    let Some(&top_node) = nodes.last() else {
        return;
    };
    let top_pos = nodes.len() - 1;
    let top = ctx.cert(top_node).clone();
    let held = ca_file_summary(ctx.anchors);
    match stop {
        Stop::Anchored if pinned => {
            let f = Finding::new(
                Code::CertSelfSigned,
                Severity::Warn,
                format!(
                    "the server's certificate {} is trusted only because the CA file holds this exact certificate (pinned), not through a CA",
                    top.short_name()
                ),
                "pinning works until the certificate is renewed; prefer a CA-issued certificate and put the CA in the CA file",
            )
            .with_certificate(0);
            ctx.push(f);
        }
        Stop::Anchored => {}
        Stop::SelfSigned if top_pos == 0 => {
            ctx.client_finding(
                Code::CertSelfSigned,
                Condition::SelfSignedUntrusted,
                Some(0),
                format!(
                    "the server's certificate {} is self-signed and the CA file does not hold it (the CA file holds {held})",
                    top.short_name()
                ),
                "issue the server certificate from a CA and put that CA in the CA file, or (for a test setup only) put this exact certificate in the CA file",
            );
        }
        Stop::SelfSigned => {
            ctx.client_finding(
                Code::CertUnknownIssuer,
                Condition::UnknownIssuer,
                Some(top_pos),
                format!(
                    "the server's chain ends at the root {} (SHA-256 {}), which the CA file does not hold (the CA file holds {held}): the CA file looks like the wrong one",
                    top.short_name(),
                    top.info.sha256_fingerprint
                ),
                "download the CA certificate again from the console of this instance (the one the server's chain ends at), and pass that file",
            );
        }
        Stop::NameOnly {
            different_key,
            bad_signature,
        } => {
            if let Some(&n) = bad_signature.first() {
                let issuer = ctx.cert(n).clone();
                ctx.client_finding(
                    Code::CertBadSignature,
                    Condition::BadSignature,
                    Some(top_pos),
                    format!(
                        "the signature of {} does not verify with the key of its issuer {} (same name, matching key identifier): the certificate was altered or mis-issued",
                        top.short_name(),
                        issuer.short_name()
                    ),
                    "re-issue the certificate from the CA; a certificate whose signature does not verify is never accepted",
                );
            } else if let Some(&n) = different_key.first() {
                let other = ctx.cert(n).clone();
                let where_ = match n {
                    Node::Ca(_) => "the CA file",
                    Node::Chain(_) => "the presented chain",
                };
                ctx.client_finding(
                    Code::CertUnknownIssuer,
                    Condition::UnknownIssuer,
                    Some(top_pos),
                    format!(
                        "{} was issued by \"{}\" (authority key id {}), and {where_} holds a certificate with that name whose key does not verify it (subject key id {}): it is a CA of another instance, or from before a certificate renewal",
                        top.short_name(),
                        top.info.issuer,
                        top.info.authority_key_id.as_deref().unwrap_or("absent"),
                        other.info.subject_key_id.as_deref().unwrap_or("absent"),
                    ),
                    "download the CA certificate again from the console of this instance and pass the new file",
                );
            }
        }
        Stop::NoIssuer | Stop::TooLong => {
            let aia = if top.info.ca_issuers_urls.is_empty() {
                String::new()
            } else {
                format!(
                    "; the certificate says its issuer can be downloaded from {}",
                    top.info.ca_issuers_urls.join(", ")
                )
            };
            let needed = format!(
                "\"{}\" (authority key id {})",
                top.info.issuer,
                top.info.authority_key_id.as_deref().unwrap_or("absent")
            );
            let (message, hint) = if top_pos == 0 && ctx.presented.len() == 1 {
                (
                    format!(
                        "the server sent only its own certificate {}; its issuer {needed} is not in the CA file (the CA file holds {held}){aia}. Either the server's chain is incomplete (it should also send that intermediate CA), or the CA file is not the one that issued this certificate",
                        top.short_name()
                    ),
                    "if the issuer is an intermediate CA, configure the server to send it after its own certificate (or add it to the CA file); otherwise download the CA certificate of this instance again",
                )
            } else {
                (
                    format!(
                        "the chain ends at {}, issued by {needed}, which the CA file does not hold (the CA file holds {held}){aia}: the CA file looks like the wrong one, or the server's chain is missing a further intermediate",
                        top.short_name()
                    ),
                    "download the CA certificate of this instance again and pass it with --ca; if it is the right one, the server must also send the missing intermediate",
                )
            };
            ctx.client_finding(
                Code::CertUnknownIssuer,
                Condition::UnknownIssuer,
                Some(top_pos),
                message,
                hint,
            );
        }
    }
}

fn ca_file_summary(anchors: &[Cert]) -> String {
    match anchors.len() {
        0 => "no certificate".into(),
        1..=4 => anchors
            .iter()
            .map(Cert::short_name)
            .collect::<Vec<_>>()
            .join(", "),
        n => format!(
            "{n} certificates, e.g. {}",
            anchors[..3]
                .iter()
                .map(Cert::short_name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn check_validity(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    let now = ctx.opts.now;
    let when = rfc3339(now);
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node).clone();
        let name = c.short_name();
        if now > c.info.not_after {
            let days = -c.info.days_remaining;
            let (code, condition, what, hint) = match role {
                Role::Leaf => (
                    Code::CertExpired,
                    Condition::LeafExpired,
                    "the server's certificate",
                    "renew the server certificate (on a managed console: \"Update certificate\"), then download the new CA certificate",
                ),
                Role::Anchor => (
                    Code::CertCaExpired,
                    Condition::AnchorExpired,
                    "the CA certificate this chain is trusted through",
                    "download the current CA certificate from the console; if the CA itself expired, renew the server certificate so that it is issued by a current CA",
                ),
                Role::Intermediate | Role::Untrusted => (
                    Code::CertIntermediateExpired,
                    Condition::IntermediateExpired,
                    "the intermediate CA certificate",
                    "the server must send a current intermediate: renew the server certificate or update the intermediate in the server's PEM file",
                ),
            };
            ctx.client_finding(
                code,
                condition,
                Some(pos),
                format!(
                    "{what} {name} expired on {} ({days} days before {when})",
                    rfc3339(c.info.not_after)
                ),
                hint,
            );
        } else if now < c.info.not_before {
            let condition = if role == Role::Anchor {
                Condition::AnchorNotYetValid
            } else {
                Condition::NotYetValid
            };
            ctx.client_finding(
                Code::CertNotYetValid,
                condition,
                Some(pos),
                format!(
                    "{name} is not valid before {} (evaluated at {when})",
                    rfc3339(c.info.not_before)
                ),
                "check the clock of the machine that issued the certificate and of this machine; a certificate issued with a future start date is refused until then",
            );
        } else if c.info.days_remaining < ctx.opts.warn_days {
            let f = Finding::new(
                Code::CertExpiringSoon,
                Severity::Warn,
                format!(
                    "{name} expires on {} ({} days left, warning window {} days)",
                    rfc3339(c.info.not_after),
                    c.info.days_remaining,
                    ctx.opts.warn_days
                ),
                "renew before it expires (a managed console can renew before expiry: \"Update certificate\"), then download the new CA certificate",
            )
            .with_certificate(pos);
            ctx.push(f);
        }
    }
}

fn check_keys_and_signatures(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node).clone();
        if c.info.key.algorithm == "EC" && c.info.key.bits.is_some_and(|b| b < 224) {
            ctx.client_finding(
                Code::CertWeakKey,
                Condition::EcKeyBelow224,
                Some(pos),
                format!(
                    "{} has an EC key on {} ({} bits)",
                    c.short_name(),
                    c.info.key.curve.as_deref().unwrap_or("an unknown curve"),
                    c.info.key.bits.unwrap_or(0)
                ),
                "re-issue it with an ECDSA P-256 (or RSA 2048+) key",
            );
        }
        if !c.info.unhandled_critical_extensions.is_empty() {
            ctx.client_finding(
                Code::CertUnhandledCriticalExtension,
                Condition::UnhandledCriticalExtension,
                Some(pos),
                format!(
                    "{} marks extension(s) {} critical, which OpenSSL does not handle: OpenSSL-based clients refuse the whole chain",
                    c.short_name(),
                    c.info.unhandled_critical_extensions.join(", ")
                ),
                "re-issue the certificate without marking those extensions critical",
            );
        }
        if c.info.key.algorithm == "RSA" {
            if let Some(bits) = c.info.key.bits {
                let condition = if bits < 1024 {
                    Some(Condition::RsaKeyBelow1024)
                } else if bits < 2048 {
                    Some(Condition::RsaKeyBelow2048)
                } else {
                    None
                };
                if let Some(condition) = condition {
                    ctx.client_finding(
                        Code::CertWeakKey,
                        condition,
                        Some(pos),
                        format!("{} has a {bits}-bit RSA key", c.short_name()),
                        "re-issue it with an RSA key of at least 2048 bits or an ECDSA P-256 key",
                    );
                }
            }
        }
        // A trust anchor's (or an untrusted root's) own signature is never checked by clients.
        let signature_checked = matches!(role, Role::Leaf | Role::Intermediate)
            && !(role == Role::Leaf && matches!(node, Node::Ca(_)));
        if signature_checked {
            let condition = match c.info.signature_hash {
                SignatureHash::Sha1 => Some(Condition::Sha1Signature),
                SignatureHash::Md5 => Some(Condition::Md5Signature),
                _ => None,
            };
            if let Some(condition) = condition {
                ctx.client_finding(
                    Code::CertWeakSignature,
                    condition,
                    Some(pos),
                    format!(
                        "{} is signed with {}",
                        c.short_name(),
                        c.info.signature_algorithm
                    ),
                    "re-issue it with a SHA-256 (or stronger) signature",
                );
            }
        }
    }
}

fn check_leaf_usage(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role], pinned: bool) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        if !matches!(role, Role::Leaf | Role::Intermediate) {
            continue;
        }
        let c = ctx.cert(node).clone();
        if let Some(eku) = &c.info.extended_key_usage {
            if !eku.iter().any(|u| u == "server_auth" || u == "any") {
                let what = if pos == 0 {
                    "the server's certificate"
                } else {
                    "the intermediate CA"
                };
                ctx.client_finding(
                    Code::CertBadEku,
                    Condition::EkuWithoutServerAuth,
                    Some(pos),
                    format!(
                        "{what} {} restricts its use to [{}], without TLS server authentication (serverAuth)",
                        c.short_name(),
                        eku.join(", ")
                    ),
                    "re-issue it with extendedKeyUsage serverAuth (MongoDB members that also authenticate to each other need serverAuth and clientAuth)",
                );
            }
        }
        if pos == 0 && c.info.is_ca && !pinned {
            ctx.client_finding(
                Code::CertCaAsLeaf,
                Condition::CaAsLeaf,
                Some(0),
                format!(
                    "the server presents a CA certificate ({} has basicConstraints CA:TRUE) as its own certificate",
                    c.short_name()
                ),
                "issue a server certificate (CA:FALSE) from that CA and configure the server with it",
            );
        }
    }
}

/// The CN-only certificate finding; `detail` says what the clients do with this host.
fn no_san_finding(ctx: &mut Ctx<'_>, leaf: &Cert, detail: &str) {
    ctx.client_finding(
        Code::CertNoSubjectAltName,
        Condition::CommonNameOnlyMatch,
        Some(0),
        format!(
            "the server's certificate {} has no subjectAltName extension{detail}",
            leaf.short_name()
        ),
        "re-issue it with every name and IP address clients use as subjectAltNames",
    );
}

/// Checks the host name; returns webpki's verdict on it (`None` when no host was given).
fn check_host(ctx: &mut Ctx<'_>, leaf: &Cert) -> Option<bool> {
    let names = covered_names(leaf);
    let no_san = leaf.info.subject_alt_names.is_none();
    let Some(host) = ctx.opts.host.clone() else {
        if no_san {
            no_san_finding(
                ctx,
                leaf,
                "; only OpenSSL-, Node- and Java-based clients fall back to its common name",
            );
        }
        ctx.push(Finding::new(
            Code::CertHostnameNotChecked,
            Severity::Info,
            format!("the host name was not checked; the certificate covers {names}"),
            "pass --host with the name clients connect to (as in the connection string, or the replica-set member name)",
        ));
        return None;
    };
    let host_text = host.to_str().into_owned();
    let webpki_ok =
        match webpki::EndEntityCert::try_from(&CertificateDer::from(leaf.der.as_slice())) {
            Ok(ee) => ee.verify_is_valid_for_subject_name(&host).is_ok(),
            Err(_) => san_matches(leaf, &host),
        };
    if webpki_ok {
        return Some(true);
    }
    let cn_match = matches!(host, ServerName::DnsName(_))
        && leaf
            .info
            .common_names
            .iter()
            .any(|cn| dns_matches(cn, &host_text));
    if no_san && cn_match {
        ctx.client_finding(
            Code::CertNoSubjectAltName,
            Condition::CommonNameOnlyMatch,
            Some(0),
            format!(
                "the server's certificate names {host_text} only in its common name and has no subjectAltName extension: OpenSSL-, Node- and Java-based clients accept it, rustls (Rust driver) and Go (Go driver, database tools) refuse it"
            ),
            format!("re-issue the certificate with subjectAltName DNS:{host_text} (and every other name clients use)"),
        );
    } else {
        if no_san {
            no_san_finding(ctx, leaf, "");
        }
        ctx.client_finding(
            Code::CertHostnameMismatch,
            Condition::HostnameMismatch,
            Some(0),
            format!(
                "the server's certificate does not cover {host_text}; it covers {names}{}",
                if ctx.opts.hostnames_waived {
                    " (the connection string tells clients to ignore this: tlsAllowInvalidHostnames)"
                } else {
                    ""
                }
            ),
            "connect with a name the certificate covers; if this is a new endpoint (added after SSL was enabled), the certificate was issued before it existed: renew the certificate (\"Update certificate\") so that it includes the endpoint",
        );
    }
    Some(false)
}

/// "DNS:a, IP:b" (and the CN, flagged as such), for messages.
fn covered_names(leaf: &Cert) -> String {
    let mut parts: Vec<String> = leaf
        .info
        .subject_alt_names
        .clone()
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.starts_with("DNS:") || n.starts_with("IP:"))
        .collect();
    if parts.is_empty() {
        parts.push("no DNS or IP subjectAltName".into());
    }
    for cn in &leaf.info.common_names {
        parts.push(format!("CN={cn} (not a subjectAltName)"));
    }
    parts.join(", ")
}

fn san_matches(leaf: &Cert, host: &ServerName<'_>) -> bool {
    let sans = leaf.info.subject_alt_names.clone().unwrap_or_default();
    match host {
        ServerName::DnsName(d) => sans
            .iter()
            .filter_map(|s| s.strip_prefix("DNS:"))
            .any(|p| dns_matches(p, d.as_ref())),
        ServerName::IpAddress(ip) => {
            let ip = IpAddr::from(*ip).to_string();
            sans.iter()
                .filter_map(|s| s.strip_prefix("IP:"))
                .any(|s| s == ip)
        }
        _ => false,
    }
}

/// RFC 6125 matching: case-insensitive; a wildcard only as the whole left-most label, matching
/// exactly one label.
pub fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(rest) => match host.split_once('.') {
            Some((first, host_rest)) => {
                !first.is_empty() && host_rest == rest && rest.contains('.')
            }
            None => false,
        },
        None => pattern == host,
    }
}

fn check_unused(ctx: &mut Ctx<'_>, nodes: &[Node], leaf: usize) {
    for i in 0..ctx.presented.len() {
        if nodes.contains(&Node::Chain(i)) {
            continue;
        }
        let c = ctx.presented[i].clone();
        let in_ca = ctx.anchors.iter().any(|a| a.der == c.der);
        let pinned_leaf = matches!(nodes.first(), Some(Node::Ca(_))) && i == leaf;
        if pinned_leaf {
            continue;
        }
        let message = if in_ca {
            format!(
                "presented certificate #{i} {} is also in the CA file; the copy from the CA file is used",
                c.short_name()
            )
        } else {
            format!(
                "presented certificate #{i} {} is not on the path from the server's certificate to the CA file",
                c.short_name()
            )
        };
        ctx.push(Finding::new(
            Code::CertUnusedCertificate,
            Severity::Info,
            message,
            "harmless, but the server's PEM file should hold only its certificate and the intermediates up to the CA",
        ));
    }
}

fn run_webpki(
    ctx: &mut Ctx<'_>,
    leaf: usize,
    name_accepted: Option<bool>,
    path_found: bool,
) -> WebpkiOutcome {
    let mut anchors = Vec::new();
    for (j, a) in ctx.anchors.iter().enumerate() {
        let der = CertificateDer::from(a.der.as_slice());
        match webpki::anchor_from_trusted_cert(&der) {
            Ok(ta) => anchors.push(ta.to_owned()),
            Err(e) => ctx.push(Finding::new(
                Code::CaParseError,
                Severity::Warn,
                format!(
                    "CA certificate #{j} {} cannot be used as a trust anchor by rustls-webpki ({e:?}); the Rust driver drops it without a word",
                    a.short_name()
                ),
                "replace it with a well-formed copy of the CA certificate",
            )),
        }
    }
    let intermediates: Vec<CertificateDer<'_>> = ctx
        .presented
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != leaf)
        .map(|(_, c)| CertificateDer::from(c.der.as_slice()))
        .collect();
    let leaf_der = CertificateDer::from(ctx.presented[leaf].der.as_slice());
    let secs = u64::try_from(ctx.opts.now.unix_timestamp()).unwrap_or(0);
    let time = UnixTime::since_unix_epoch(Duration::from_secs(secs));
    let result = webpki::EndEntityCert::try_from(&leaf_der).and_then(|ee| {
        ee.verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            &anchors,
            &intermediates,
            time,
            webpki::KeyUsage::server_auth(),
            None,
            None,
        )
        .map(|_| ())
    });
    let error = result.err();
    if let Some(e) = &error {
        let explained = ctx.findings.iter().any(|f| {
            f.clients
                .is_some_and(|c: ClientVerdicts| c.rustls == ClientAction::Reject)
        });
        let path_missed = path_found
            && matches!(
                e,
                webpki::Error::UnknownIssuer | webpki::Error::InvalidSignatureForPublicKey
            );
        if !explained && path_missed {
            ctx.client_finding(
                Code::CertInvalid,
                Condition::OtherWebpkiError,
                None,
                format!(
                    "a valid path to the CA file exists, but rustls-webpki (Rust driver) does not find it and rejects the chain ({e:?}); this happens with self-issued or cross-signed intermediates"
                ),
                "simplify the chain the server sends (leaf and the intermediates of one path only) so that the Rust driver can verify it too",
            );
        } else if !explained {
            let (code, condition) = webpki_error_code(e);
            ctx.client_finding(
                code,
                condition,
                None,
                format!("rustls-webpki (Rust driver) rejects the chain: {e:?}"),
                "see the rustls-webpki error; other clients may accept this chain, but the Rust driver will not",
            );
        }
    }
    WebpkiOutcome {
        chain_accepted: error.is_none(),
        name_accepted,
        error: error.map(WebpkiRejection::Error),
    }
}

/// The one place webpki's typed errors become our codes (never by string matching).
fn webpki_error_code(e: &webpki::Error) -> (Code, Condition) {
    use webpki::Error as E;
    match e {
        E::UnknownIssuer => (Code::CertUnknownIssuer, Condition::UnknownIssuer),
        E::CertExpired { .. } => (Code::CertExpired, Condition::LeafExpired),
        E::CertNotValidYet { .. } => (Code::CertNotYetValid, Condition::NotYetValid),
        E::InvalidSignatureForPublicKey => (Code::CertBadSignature, Condition::BadSignature),
        E::RequiredEkuNotFoundContext(_) => (Code::CertBadEku, Condition::EkuWithoutServerAuth),
        E::CaUsedAsEndEntity => (Code::CertCaAsLeaf, Condition::CaAsLeaf),
        E::NameConstraintViolation => (Code::CertNameConstraints, Condition::NameConstraints),
        E::UnsupportedSignatureAlgorithmContext(_)
        | E::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => {
            (Code::CertWeakSignature, Condition::OtherWebpkiError)
        }
        _ => (Code::CertInvalid, Condition::OtherWebpkiError),
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
