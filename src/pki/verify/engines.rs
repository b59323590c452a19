//! The real engines override their families' columns.
//!
//! The model table ([`crate::pki::clients::verdicts_for`]) says what each family does about one
//! condition. Where the family's own engine runs in-process, its verdict wins:
//! - the engine accepts → that family's cell is `accept` on every finding;
//! - the engine rejects → the findings whose condition one of its errors names get `reject`;
//!   OpenSSL reports every error it meets (see `by_openssl`), so for `openssl` and `node` every
//!   other finding gets `accept`; rustls-webpki stops at its first error, so its other cells
//!   keep the model's answer. When no finding carries the rejection, a finding with the code
//!   the engine's error maps to is added, quoting the engine's own error.
//!
//! So "a family rejects" ⇔ "some finding says `reject` for it", and that equals the real
//! engine's verdict.

use super::by_openssl::{
    node_identity, openssl_verify, EngineError, EngineErrorKind, EngineOutcome, Profile,
};
use super::{Ctx, WebpkiOutcome};
use crate::findings::{ClientAction, ClientVerdicts, Code, Finding, Severity};
use crate::pki::clients::Condition;
use crate::tr;

/// The families whose engine runs in-process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Openssl,
    Node,
    Rustls,
}

impl Family {
    fn cell(self, v: &mut ClientVerdicts) -> &mut ClientAction {
        match self {
            Family::Openssl => &mut v.openssl,
            Family::Node => &mut v.node,
            Family::Rustls => &mut v.rustls,
        }
    }

    /// The engine's name in messages.
    fn engine(self) -> &'static str {
        match self {
            Family::Openssl => "OpenSSL",
            Family::Node => "Node.js",
            Family::Rustls => "rustls-webpki",
        }
    }
}

/// OpenSSL's verdict as PyMongo gets it, and Node's (OpenSSL's chain verdict at Node's level,
/// then `tls.checkServerIdentity`).
pub(super) fn run_engines(ctx: &Ctx<'_>, leaf: usize) -> (EngineOutcome, EngineOutcome) {
    let host = ctx.opts.host.as_ref();
    let (anchors, presented, now) = (ctx.anchors, ctx.presented, ctx.opts.now);
    let openssl = openssl_verify(anchors, presented, leaf, host, now, Profile::Openssl);
    let mut node = openssl_verify(anchors, presented, leaf, host, now, Profile::NodeChain);
    if let Some(host) = host {
        if let Err(reason) = node_identity(&presented[leaf], host) {
            node.accepted = false;
            node.errors.push(EngineError {
                kind: EngineErrorKind::NodeAltName,
                depth: Some(0),
                der: Some(presented[leaf].der.clone()),
                message: format!("Hostname/IP does not match certificate's altnames: {reason}"),
            });
        }
    }
    (openssl, node)
}

/// Applies the three engines' verdicts to the findings (see the module docs).
pub(super) fn apply_engines(
    ctx: &mut Ctx<'_>,
    path_der: &[Vec<u8>],
    webpki: &WebpkiOutcome,
    openssl: &EngineOutcome,
    node: &EngineOutcome,
) {
    apply_full(ctx, path_der, Family::Openssl, openssl);
    apply_full(ctx, path_der, Family::Node, node);
    apply_rustls(ctx, webpki);
}

/// `openssl` and `node`: the engine reported every error it met.
fn apply_full(ctx: &mut Ctx<'_>, path_der: &[Vec<u8>], family: Family, outcome: &EngineOutcome) {
    let codes: Vec<i32> = outcome.errors.iter().filter_map(x509_code).collect();
    let named = |c: Condition| x509_errors_for(c).iter().any(|x| codes.contains(x));
    for i in 0..ctx.findings.len() {
        let condition = ctx.conditions.get(i).copied().flatten();
        let action = if outcome.accepted || !condition.is_some_and(named) {
            ClientAction::Accept
        } else {
            ClientAction::Reject
        };
        set_cell(&mut ctx.findings[i], family, action);
    }
    if !outcome.accepted {
        ensure_carried(ctx, path_der, family, &outcome.errors);
    }
}

/// Conditions on the server's own key that make rustls' handshake fail although webpki's chain
/// verification passes: rustls verifies the server's handshake signature with webpki's
/// algorithms, which take RSA keys of 2048 to 8192 bits and the P-256 and P-384 curves only.
const RUSTLS_LEAF_KEY: [Condition; 4] = [
    Condition::RsaKeyBelow1024,
    Condition::RsaKeyBelow2048,
    Condition::EcKeyBelow224,
    Condition::DsaServerKey,
];

/// `rustls`: rustls-webpki's chain verdict plus its host-name check, and the server's key usable
/// for the handshake signature; webpki names only its first error, so the cells it does not
/// name keep the model's answer.
fn apply_rustls(ctx: &mut Ctx<'_>, webpki: &WebpkiOutcome) {
    let leaf_key_unusable = ctx.findings.iter().enumerate().any(|(i, f)| {
        f.certificate == Some(0)
            && ctx
                .conditions
                .get(i)
                .copied()
                .flatten()
                .is_some_and(|c| RUSTLS_LEAF_KEY.contains(&c))
    });
    let accepted =
        webpki.chain_accepted && webpki.name_accepted != Some(false) && !leaf_key_unusable;
    let mut named = Vec::new();
    if leaf_key_unusable {
        named.extend(RUSTLS_LEAF_KEY);
    }
    if let Some(super::WebpkiRejection::Error(e)) = &webpki.error {
        named.push(super::by_webpki::webpki_error_code(e).1);
    }
    if webpki.name_accepted == Some(false) {
        named.extend([Condition::HostnameMismatch, Condition::CommonNameOnlyMatch]);
    }
    for i in 0..ctx.findings.len() {
        let condition = ctx.conditions.get(i).copied().flatten();
        if accepted {
            set_cell(&mut ctx.findings[i], Family::Rustls, ClientAction::Accept);
        } else if condition.is_some_and(|c| named.contains(&c)) {
            set_cell(&mut ctx.findings[i], Family::Rustls, ClientAction::Reject);
        }
    }
}

/// Sets one family's cell of a finding that has client verdicts, and keeps the severity derived
/// from them: a finding that fails because a family rejects it becomes a warning when none does
/// any more, and a warning becomes a failure when a family rejects it.
fn set_cell(f: &mut Finding, family: Family, action: ClientAction) {
    let Some(mut clients) = f.clients else {
        return;
    };
    let rejected_before = clients.any_rejects();
    *family.cell(&mut clients) = action;
    if clients.any_rejects() {
        f.severity = Severity::Fail;
    } else if rejected_before && f.severity == Severity::Fail {
        f.severity = Severity::Warn;
    }
    f.rejected_by = Some(clients.rejecting());
    f.clients = Some(clients);
}

/// When no finding says `reject` for `family`, marks the finding an earlier engine added for
/// the same error, or adds one: the specific code of the engine's first error, quoting it.
fn ensure_carried(ctx: &mut Ctx<'_>, path_der: &[Vec<u8>], family: Family, errors: &[EngineError]) {
    let carried = ctx.findings.iter().any(|f| {
        f.clients
            .is_some_and(|mut c| *family.cell(&mut c) == ClientAction::Reject)
    });
    let Some(error) = errors.first() else {
        return;
    };
    if carried {
        return;
    }
    let position = error
        .der
        .as_ref()
        .and_then(|d| path_der.iter().position(|p| p == d));
    let mut code = code_for(error, position, path_der.len());
    // OpenSSL 3 refuses a path whose names times name constraints exceed its limit with the
    // unspecified error (x509_vfy.c, check_name_constraints → NAME_CONSTRAINTS_check).
    if code == Code::CertOpensslError
        && error.kind == EngineErrorKind::X509(1)
        && has_name_constraints(path_der)
    {
        code = Code::CertNameConstraints;
    }
    let message = engine_message(family, error);
    let identity = (error.code_name(), error.depth);
    let earlier = ctx
        .engine_added
        .iter()
        .find(|(i, _)| ctx.findings[*i].code == code && ctx.findings[*i].certificate == position);
    if let Some((i, earlier_identity)) = earlier.cloned() {
        set_cell(&mut ctx.findings[i], family, ClientAction::Reject);
        // The same error of the same engine (OpenSSL inside Node) is quoted once.
        if earlier_identity != identity {
            ctx.findings[i].message = format!("{}; {message}", ctx.findings[i].message);
        }
        return;
    }
    // The other families are judged by the own engine's conditions (the model) and their own
    // engines: a rejection no condition names is this engine's own behaviour (OpenSSL's path
    // building, its resource limits), which they do not share.
    let mut clients = ClientVerdicts::all(ClientAction::Accept);
    *family.cell(&mut clients) = ClientAction::Reject;
    let mut f = Finding::new(
        code,
        Severity::Fail,
        message,
        tr!("pki-engine-rejects-hint", engine = family.engine()),
    )
    .with_clients(clients);
    f.certificate = position;
    ctx.engine_added.push((ctx.findings.len(), identity));
    ctx.push(f);
}

/// "OpenSSL: path length constraint exceeded (X509_V_ERR_PATH_LENGTH_EXCEEDED, depth 2)".
fn engine_message(family: Family, e: &EngineError) -> String {
    match e.depth {
        Some(depth) => tr!(
            "pki-engine-rejects-at",
            engine = family.engine(),
            error = e.message.as_str(),
            code = e.code_name(),
            depth = depth.to_string(),
        ),
        None => tr!(
            "pki-engine-rejects",
            engine = family.engine(),
            error = e.message.as_str(),
            code = e.code_name(),
        ),
    }
}

/// The `X509_V_ERR_*` code an engine error stands for (Node's host-name refusal is OpenSSL's
/// `X509_V_ERR_HOSTNAME_MISMATCH` for this purpose); `None` for a certificate OpenSSL cannot
/// decode, which no condition names.
fn x509_code(e: &EngineError) -> Option<i32> {
    match e.kind {
        EngineErrorKind::X509(code) => Some(code),
        EngineErrorKind::NodeAltName => Some(62),
        EngineErrorKind::Decode | EngineErrorKind::NoCertificate => None,
    }
}

/// The `X509_V_ERR_*` codes by which OpenSSL refuses a chain for `condition` (empty: OpenSSL
/// never refuses it for that). One row per condition: add one with every new condition.
fn x509_errors_for(condition: Condition) -> &'static [i32] {
    match condition {
        // X509_V_ERR_CERT_HAS_EXPIRED, X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD.
        Condition::LeafExpired | Condition::IntermediateExpired | Condition::AnchorExpired => {
            &[10, 14]
        }
        // X509_V_ERR_CERT_NOT_YET_VALID, X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD.
        Condition::NotYetValid | Condition::AnchorNotYetValid => &[9, 13],
        // UNABLE_TO_GET_ISSUER_CERT(_LOCALLY), UNABLE_TO_VERIFY_LEAF_SIGNATURE,
        // DEPTH_ZERO_SELF_SIGNED_CERT, SELF_SIGNED_CERT_IN_CHAIN, CERT_UNTRUSTED,
        // CERT_REJECTED, NO_ISSUER_PUBLIC_KEY, PATH_LOOP.
        Condition::UnknownIssuer | Condition::SelfSignedUntrusted => {
            &[2, 20, 21, 18, 19, 27, 28, 24, 55]
        }
        // HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH (and Node's ERR_TLS_CERT_ALTNAME_INVALID): a
        // CN-only certificate OpenSSL does not match carries it too.
        Condition::HostnameMismatch
        | Condition::CommonNameOnlyMatch
        | Condition::HostnameWildcardSplit { .. } => &[62, 64],
        // INVALID_PURPOSE.
        Condition::EkuWithoutServerAuth => &[26],
        // EE_KEY_TOO_SMALL, CA_KEY_TOO_SMALL.
        Condition::RsaKeyBelow1024 | Condition::RsaKeyBelow2048 | Condition::EcKeyBelow224 => {
            &[66, 67]
        }
        // CA_MD_TOO_WEAK; CERT_SIGNATURE_FAILURE where the digest is disabled outright.
        Condition::Sha1Signature | Condition::Md5Signature => &[68, 7],
        // CERT_SIGNATURE_FAILURE, UNABLE_TO_DECRYPT_CERT_SIGNATURE,
        // UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY.
        Condition::BadSignature => &[7, 4, 6],
        // OpenSSL's SSL-server purpose accepts a CA certificate as the server's own.
        Condition::CaAsLeaf => &[],
        // PERMITTED_VIOLATION, EXCLUDED_VIOLATION, SUBTREE_MINMAX, UNSUPPORTED_CONSTRAINT_TYPE,
        // UNSUPPORTED_CONSTRAINT_SYNTAX, UNSUPPORTED_NAME_SYNTAX.
        Condition::NameConstraints => &[47, 48, 49, 51, 52, 53],
        // UNHANDLED_CRITICAL_EXTENSION.
        Condition::UnhandledCriticalExtension => &[34],
        Condition::OtherWebpkiError => &[],
        // Conformance lint: every client tolerates it.
        Condition::Conformance => &[],
        // INVALID_CA (check_ca() fails: no cA, or keyUsage without keyCertSign), INVALID_NON_CA.
        Condition::IntermediateNotCa
        | Condition::AnchorNotCa
        | Condition::AnchorNotCaForGo
        | Condition::AnchorNotCaForOpenSsl => &[79, 37],
        // KEYUSAGE_NO_CERTSIGN (check_issued), INVALID_CA (check_ca).
        Condition::IntermediateKuWithoutCertSign | Condition::AnchorKuWithoutCertSign => &[32, 79],
        // PATH_LENGTH_EXCEEDED.
        Condition::PathLenExceeded
        | Condition::AnchorPathLenExceeded
        | Condition::PathLenExceededCountingSelfIssued
        | Condition::AnchorPathLenExceededCountingSelfIssued => &[25],
        // INVALID_PURPOSE (check_purpose_ssl_server), KEYUSAGE_NO_DIGITAL_SIGNATURE.
        Condition::LeafKuNotForServer
        | Condition::LeafKuWithoutDigitalSignature
        | Condition::IntermediateEkuWithoutServerAuth
        | Condition::AnchorEkuWithoutServerAuth
        | Condition::EmptyEku => &[26, 39],
        // OpenSSL takes a version 1 leaf and verifies DSA signatures.
        Condition::LeafNotV3 | Condition::DsaIssuerKey => &[],
        // EC_KEY_EXPLICIT_PARAMS.
        Condition::EcExplicitParameters => &[94],
        // CERT_HAS_EXPIRED: X509_cmp_time counts the notAfter second itself as past.
        Condition::ExpiresThisSecond
        | Condition::AnchorExpiresThisSecond
        | Condition::ExpiresWithinThisSecond
        | Condition::AnchorExpiresWithinThisSecond => &[10],
        // UNHANDLED_CRITICAL_EXTENSION.
        Condition::CriticalExtension(_) => &[34],
        // PERMITTED_VIOLATION, EXCLUDED_VIOLATION, SUBTREE_MINMAX, UNSUPPORTED_CONSTRAINT_TYPE,
        // UNSUPPORTED_CONSTRAINT_SYNTAX, UNSUPPORTED_NAME_SYNTAX.
        Condition::NameConstraintsCommonName
        | Condition::NameConstraintsDirectoryName
        | Condition::NameConstraintsIntermediateSan
        | Condition::NameConstraintsUnsupportedByWebpki
        | Condition::MalformedNameConstraint
        | Condition::MalformedDnsNameUnderConstraints
        | Condition::MalformedIpUnderConstraints
        | Condition::NameConstraintsOtherForm
        | Condition::NameConstraintsWildcardMayBeExcluded
        | Condition::NameConstraintsSelfIssuedSan
        | Condition::NameConstraintsOwnSan
        | Condition::EmptyNameConstraints
        | Condition::NameConstraintsOnAnchor(_) => &[47, 48, 49, 51, 52, 53],
        // A root whose AKI names another key is not self-signed for OpenSSL, which then looks
        // for its issuer: UNABLE_TO_GET_ISSUER_CERT(_LOCALLY), UNABLE_TO_VERIFY_LEAF_SIGNATURE,
        // SELF_SIGNED_CERT_IN_CHAIN.
        Condition::AnchorAkiMismatch => &[2, 20, 21, 19],
        // Other parsers' and TLS layers' refusals: OpenSSL has no error for them.
        Condition::EmptySubjectUnreadableByJava
        | Condition::AiaUnreadableByGo
        | Condition::DsaServerKey
        | Condition::HostNotLdhForJava => &[],
    }
}

/// Whether a certificate on the path has a nameConstraints extension.
fn has_name_constraints(path_der: &[Vec<u8>]) -> bool {
    path_der.iter().any(|der| {
        x509_parser::parse_x509_certificate(der).is_ok_and(|(_, c)| {
            c.extensions()
                .iter()
                .any(|e| e.oid.to_id_string() == "2.5.29.30")
        })
    })
}

/// The code of the finding added when no finding carries an engine's rejection. `position` is
/// the certificate's place on our path, when it is on it.
fn code_for(e: &EngineError, position: Option<usize>, path_len: usize) -> Code {
    let code = match e.kind {
        EngineErrorKind::X509(code) => code,
        EngineErrorKind::Decode => return Code::CertMalformed,
        EngineErrorKind::NoCertificate => return Code::CertUnknownIssuer,
        EngineErrorKind::NodeAltName => return Code::CertHostnameMismatch,
    };
    match code {
        9 => Code::CertNotYetValid,
        10 => match position {
            Some(0) | None if e.depth == Some(0) => Code::CertExpired,
            Some(p) if p + 1 == path_len && p > 0 => Code::CertCaExpired,
            _ => Code::CertIntermediateExpired,
        },
        18 => Code::CertSelfSigned,
        2 | 19 | 20 | 21 | 24 | 27 | 28 | 55 => Code::CertUnknownIssuer,
        4 | 6 | 7 => Code::CertBadSignature,
        22 => Code::CertChainTooLong,
        25 => Code::CertPathLenExceeded,
        26 => Code::CertBadEku,
        32 => Code::CertIssuerKeyUsage,
        34 => Code::CertUnhandledCriticalExtension,
        37 | 79 => Code::CertIssuerNotCa,
        42 | 43 => Code::CertPolicy,
        13 | 14 | 41 | 80..=93 => Code::CertMalformed,
        47..=49 | 51..=53 => Code::CertNameConstraints,
        62 | 64 => Code::CertHostnameMismatch,
        66 | 67 | 94 => Code::CertWeakKey,
        68 | 76..=78 => Code::CertWeakSignature,
        _ => Code::CertOpensslError,
    }
}
