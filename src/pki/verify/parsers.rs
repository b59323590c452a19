//! What a family's own certificate parser or TLS layer refuses before path validation says
//! anything: each rule proven against the real client on x509-limbo (tests/it/limbo_clients.rs).
//!
//! - The JDK refuses to parse a version 3 certificate with an empty subject unless a critical,
//!   non-empty subjectAltName stands in for it (sun.security.x509.X509CertInfo.verifyCert:
//!   "X.509 Certificate is incomplete: SubjectAlternativeName extension MUST be marked critical
//!   when subject field is empty"). Every certificate the server sends and every CA-file
//!   certificate on the path is parsed, so any of them fails the connection.
//! - Go 1.19 refuses to parse a certificate whose authorityInfoAccess is not a DER SEQUENCE of
//!   AccessDescriptions (crypto/x509/parser.go, parseAuthorityInfoAccess: "x509: invalid
//!   authority info access").
//! - Go's crypto/tls and rustls take RSA, ECDSA and Ed25519 server keys only: a DSA server
//!   certificate fails the handshake ("tls: server's certificate contains an unsupported type
//!   of public key").

use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;

use super::{Ctx, Node};
use crate::findings::Code;
use crate::pki::clients::Condition;
use crate::pki::inspect::Cert;
use crate::tr;

const SUBJECT_ALT_NAME: &str = "2.5.29.17";
const AUTHORITY_INFO_ACCESS: &str = "1.3.6.1.5.5.7.1.1";

/// Every rule of this file: the certificates on the path (leaf first) and the presented ones
/// that are not on it.
pub(super) fn check_parsers(ctx: &mut Ctx<'_>, nodes: &[Node]) {
    let unused: Vec<Node> = (0..ctx.presented.len())
        .map(Node::Chain)
        .filter(|n| !nodes.contains(n))
        .collect();
    for &node in nodes.iter().chain(&unused) {
        let c = ctx.cert(node);
        let Ok(x) = c.x509() else {
            continue;
        };
        let pos = nodes.iter().position(|n| *n == node);
        java_empty_subject(ctx, c, &x, pos);
        go_malformed_aia(ctx, c, &x, pos);
    }
    if let Some(&leaf) = nodes.first() {
        let c = ctx.cert(leaf);
        leaf_key_type(ctx, c);
    }
}

/// `cert.malformed` (Java): an empty subject without a critical, non-empty subjectAltName.
fn java_empty_subject(ctx: &mut Ctx<'_>, c: &Cert, x: &X509Certificate<'_>, pos: Option<usize>) {
    if c.info.version != 3 || x.subject().iter_rdn().next().is_some() {
        return;
    }
    let san = x
        .extensions()
        .iter()
        .find(|e| e.oid.to_id_string() == SUBJECT_ALT_NAME);
    let stands_in = san.is_some_and(|e| {
        e.critical
            && matches!(e.parsed_extension(), ParsedExtension::SubjectAlternativeName(s)
                if !s.general_names.is_empty())
    });
    if stands_in {
        return;
    }
    ctx.client_finding(
        Code::CertMalformed,
        Condition::EmptySubjectUnreadableByJava,
        pos,
        tr!("pki-parsers-java-empty-subject", name = c.short_name()),
        tr!("pki-parsers-java-empty-subject-hint"),
    );
}

/// `cert.malformed` (Go): an authorityInfoAccess extension Go cannot parse.
fn go_malformed_aia(ctx: &mut Ctx<'_>, c: &Cert, x: &X509Certificate<'_>, pos: Option<usize>) {
    let malformed = x.extensions().iter().any(|e| {
        e.oid.to_id_string() == AUTHORITY_INFO_ACCESS
            && !matches!(
                e.parsed_extension(),
                ParsedExtension::AuthorityInfoAccess(_)
            )
    });
    if !malformed {
        return;
    }
    ctx.client_finding(
        Code::CertMalformed,
        Condition::AiaUnreadableByGo,
        pos,
        tr!("pki-parsers-go-malformed-aia", name = c.short_name()),
        tr!("pki-parsers-go-malformed-aia-hint"),
    );
}

/// `cert.weak_key`: a server key type the TLS layers of Go and rustls do not take.
fn leaf_key_type(ctx: &mut Ctx<'_>, c: &Cert) {
    if c.info.key.algorithm != "DSA" {
        return;
    }
    ctx.client_finding(
        Code::CertWeakKey,
        Condition::DsaServerKey,
        Some(0),
        tr!("pki-parsers-dsa-server-key", name = c.short_name()),
        tr!("pki-parsers-dsa-server-key-hint"),
    );
}
