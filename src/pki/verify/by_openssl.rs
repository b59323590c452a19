//! OpenSSL's own verifier, run in-process through the `openssl` crate (vendored OpenSSL 3), as
//! the clients built on OpenSSL run it, and Node.js's host-name rules on top of it.
//!
//! - `openssl` (PyMongo through CPython's `ssl`, and the C, C++, PHP and Ruby drivers): the
//!   `ssl_server` purpose a TLS client sets, no `X509_V_FLAG_X509_STRICT`, security level 2 (the
//!   default of Debian's, Ubuntu's and RHEL's OpenSSL 3, and of OpenSSL ≥ 3.2), the host name
//!   through `X509_VERIFY_PARAM_set1_host` with CPython's host flags
//!   (`X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS`, common-name fallback left on) or the IP address
//!   through `X509_VERIFY_PARAM_set1_ip`, at the evaluation time.
//! - `node` (the Node.js driver, mongosh): the same chain verification without OpenSSL's host
//!   check, at security level 1 (Node 18, 20 and 22 bundle OpenSSL 3.0, whose default is 1;
//!   Node ≥ 24.5 bundles 3.5, level 2), then `tls.checkServerIdentity` (see [`node_identity`]).
//!
//! A verify callback records every error OpenSSL meets (depth, `X509_V_ERR_*` code, OpenSSL's
//! own text) and tells OpenSSL to go on, so one run names every problem, not just the first.
//! Pure: no I/O, the time is a parameter.

use std::cell::RefCell;
use std::net::IpAddr;

use foreign_types::ForeignTypeRef;
use openssl::stack::Stack;
use openssl::x509::store::X509StoreBuilder;
use openssl::x509::verify::{X509CheckFlags, X509VerifyParam};
use openssl::x509::{X509PurposeId, X509Ref, X509StoreContext, X509VerifyResult, X509};
use rustls_pki_types::ServerName;
use time::OffsetDateTime;

use crate::pki::inspect::Cert;

/// OpenSSL's security level for PyMongo and the other OpenSSL-based drivers.
pub(super) const OPENSSL_LEVEL: i32 = 2;
/// OpenSSL's security level inside Node.js 18–22 (bundled OpenSSL 3.0's default).
pub(super) const NODE_LEVEL: i32 = 1;

/// A real engine's judgement of the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineOutcome {
    /// The engine accepts the chain (and the host, when one was given).
    pub accepted: bool,
    /// Every error the engine met, in the order it met them (empty when accepted).
    pub errors: Vec<EngineError>,
}

impl EngineOutcome {
    /// Nothing was presented: the handshake cannot even start verification.
    pub fn no_certificate() -> Self {
        EngineOutcome {
            accepted: false,
            errors: vec![EngineError {
                kind: EngineErrorKind::NoCertificate,
                depth: None,
                der: None,
                message: "no certificate".to_string(),
            }],
        }
    }
}

/// One error of a real engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError {
    /// What kind of error it is.
    pub kind: EngineErrorKind,
    /// OpenSSL's depth of the certificate concerned (0 = the leaf), when it names one.
    pub depth: Option<u32>,
    /// The certificate concerned (DER), when the engine names one.
    pub der: Option<Vec<u8>>,
    /// The engine's own text (`X509_verify_cert_error_string`, Node's reason).
    pub message: String,
}

/// Where an engine error comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineErrorKind {
    /// An `X509_V_ERR_*` code of OpenSSL's verifier.
    X509(i32),
    /// OpenSSL cannot decode a presented certificate: the handshake fails before verification.
    Decode,
    /// The server presented no certificate.
    NoCertificate,
    /// Node's `tls.checkServerIdentity` refuses the host (`ERR_TLS_CERT_ALTNAME_INVALID`).
    NodeAltName,
}

impl EngineError {
    /// The symbolic name users search for: `X509_V_ERR_CERT_HAS_EXPIRED`,
    /// `ERR_TLS_CERT_ALTNAME_INVALID`, `decode_error`.
    pub fn code_name(&self) -> String {
        match self.kind {
            EngineErrorKind::X509(code) => {
                x509_error_name(code).map_or_else(|| format!("X509_V_ERR_{code}"), str::to_string)
            }
            EngineErrorKind::Decode => "decode_error".to_string(),
            EngineErrorKind::NoCertificate => "no_certificate".to_string(),
            EngineErrorKind::NodeAltName => "ERR_TLS_CERT_ALTNAME_INVALID".to_string(),
        }
    }
}

/// Which verifier configuration to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Profile {
    /// PyMongo's `ssl.SSLContext`: level 2, OpenSSL checks the host.
    Openssl,
    /// Node.js: level 1, no host check in OpenSSL (Node checks it itself).
    NodeChain,
}

/// Runs OpenSSL's verifier on `presented[leaf]`, the other presented certificates offered as
/// untrusted intermediates, the CA file as the trust store.
pub(super) fn openssl_verify(
    anchors: &[Cert],
    presented: &[Cert],
    leaf: usize,
    host: Option<&ServerName<'_>>,
    now: OffsetDateTime,
    profile: Profile,
) -> EngineOutcome {
    match run(anchors, presented, leaf, host, now, profile) {
        Ok(errors) => EngineOutcome {
            accepted: errors.is_empty(),
            errors,
        },
        Err(e) => EngineOutcome {
            accepted: false,
            errors: vec![e],
        },
    }
}

fn decode_error(message: String, der: &[u8]) -> EngineError {
    EngineError {
        kind: EngineErrorKind::Decode,
        depth: None,
        der: Some(der.to_vec()),
        message,
    }
}

fn run(
    anchors: &[Cert],
    presented: &[Cert],
    leaf: usize,
    host: Option<&ServerName<'_>>,
    now: OffsetDateTime,
    profile: Profile,
) -> Result<Vec<EngineError>, EngineError> {
    let setup = |e: openssl::error::ErrorStack| EngineError {
        kind: EngineErrorKind::X509(X509VerifyResult::APPLICATION_VERIFICATION.as_raw()),
        depth: None,
        der: None,
        message: format!("OpenSSL setup failed: {e}"),
    };
    // The TLS handshake decodes every presented certificate: one OpenSSL cannot read fails it.
    let mut leaf_x509 = None;
    let mut untrusted = Stack::new().map_err(setup)?;
    for (i, c) in presented.iter().enumerate() {
        let x = X509::from_der(&c.der).map_err(|e| decode_error(e.to_string(), &c.der))?;
        if i == leaf {
            leaf_x509 = Some(x);
        } else {
            untrusted.push(x).map_err(setup)?;
        }
    }
    let Some(leaf_x509) = leaf_x509 else {
        return Err(setup(openssl::error::ErrorStack::get()));
    };
    let mut store = X509StoreBuilder::new().map_err(setup)?;
    for a in anchors {
        // A CA-file certificate OpenSSL cannot read is skipped, as loading a PEM bundle does
        // with what it cannot use (the bundle loader reports it on its own).
        if let Ok(x) = X509::from_der(&a.der) {
            // Adding a duplicate is not an error worth stopping for.
            let _ = store.add_cert(x);
        }
    }
    let mut param = X509VerifyParam::new().map_err(setup)?;
    param
        .set_purpose(X509PurposeId::SSL_SERVER)
        .map_err(setup)?;
    param.set_time(now.unix_timestamp() as _);
    match profile {
        Profile::Openssl => {
            param.set_auth_level(OPENSSL_LEVEL);
            param.set_hostflags(X509CheckFlags::NO_PARTIAL_WILDCARDS);
            match host {
                Some(ServerName::DnsName(name)) => param.set_host(name.as_ref()).map_err(setup)?,
                Some(ServerName::IpAddress(ip)) => {
                    param.set_ip(IpAddr::from(*ip)).map_err(setup)?;
                }
                _ => {}
            }
        }
        Profile::NodeChain => param.set_auth_level(NODE_LEVEL),
    }
    store.set_param(&param).map_err(setup)?;
    let store = store.build();

    COLLECTED.with(|c| c.borrow_mut().clear());
    let mut ctx = X509StoreContext::new().map_err(setup)?;
    ctx.init(&store, &leaf_x509, &untrusted, |ctx| {
        // SAFETY: `ctx` is a live, initialised X509_STORE_CTX for the duration of this closure;
        // `collect` matches OpenSSL's X509_STORE_CTX_verify_cb signature and only reads from the
        // context it is given. The safe API has no setter for the verification callback.
        unsafe { X509_STORE_CTX_set_verify_cb(ctx.as_ptr(), Some(collect)) };
        ctx.verify_cert()
    })
    .map_err(setup)?;
    let mut errors: Vec<EngineError> = Vec::new();
    for e in COLLECTED.with(|c| std::mem::take(&mut *c.borrow_mut())) {
        if !errors
            .iter()
            .any(|x| x.kind == e.kind && x.depth == e.depth)
        {
            errors.push(e);
        }
    }
    Ok(errors)
}

thread_local! {
    /// What the verify callback saw, for the verification running on this thread.
    static COLLECTED: RefCell<Vec<EngineError>> = const { RefCell::new(Vec::new()) };
}

extern "C" {
    // In libcrypto since OpenSSL 1.1.0; not bound by openssl-sys.
    fn X509_STORE_CTX_set_verify_cb(
        ctx: *mut openssl_sys::X509_STORE_CTX,
        verify_cb: Option<
            unsafe extern "C" fn(
                std::ffi::c_int,
                *mut openssl_sys::X509_STORE_CTX,
            ) -> std::ffi::c_int,
        >,
    );
}

/// The verify callback: records the error OpenSSL reports (if any) and lets it go on.
unsafe extern "C" fn collect(
    ok: std::ffi::c_int,
    ctx: *mut openssl_sys::X509_STORE_CTX,
) -> std::ffi::c_int {
    if ok == 0 && !ctx.is_null() {
        // SAFETY: OpenSSL passes the live context it is verifying with; these getters only read
        // it, and the current certificate (when not null) lives as long as the context.
        let (code, depth, der) = unsafe {
            let code = openssl_sys::X509_STORE_CTX_get_error(ctx);
            let depth = openssl_sys::X509_STORE_CTX_get_error_depth(ctx);
            let cert = openssl_sys::X509_STORE_CTX_get_current_cert(ctx);
            let der = if cert.is_null() {
                None
            } else {
                X509Ref::from_ptr(cert).to_der().ok()
            };
            (code, depth, der)
        };
        // SAFETY: `code` is the error OpenSSL itself set on the context.
        let message = unsafe { X509VerifyResult::from_raw(code) }
            .error_string()
            .to_string();
        let error = EngineError {
            kind: EngineErrorKind::X509(code),
            depth: u32::try_from(depth).ok(),
            der,
            message,
        };
        COLLECTED.with(|c| {
            if let Ok(mut v) = c.try_borrow_mut() {
                v.push(error);
            }
        });
    }
    1
}

/// Node's `tls.checkServerIdentity(hostname, cert)` (lib/tls.js, Node ≥ 17.3.1 / 16.13.2 after
/// CVE-2021-44531), on the leaf:
/// - an IP address is checked only against IP-address SANs (never the CN, never DNS SANs);
/// - a DNS name is checked against the DNS SANs when there is at least one, else against the
///   subject's CN (an IP or URI SAN does not stop the CN fallback);
/// - matching is by labels, ASCII-case-insensitive, a trailing dot ignored; a `*` is honoured
///   only in the leftmost label, at most one, not in an `xn--` label, and only when the pattern
///   has at least three labels; `*` may be part of the label (`b*z.example.com`); a pattern with
///   an empty label or a character outside `!`..DEL never matches.
///
/// Returns Node's reason when it refuses the host.
pub(super) fn node_identity(leaf: &Cert, host: &ServerName<'_>) -> Result<(), String> {
    let sans = leaf.info.subject_alt_names.clone().unwrap_or_default();
    let dns: Vec<&str> = sans.iter().filter_map(|s| s.strip_prefix("DNS:")).collect();
    let ips: Vec<IpAddr> = sans
        .iter()
        .filter_map(|s| s.strip_prefix("IP:"))
        .filter_map(|s| s.trim_matches(['[', ']']).parse().ok())
        .collect();
    match host {
        ServerName::IpAddress(ip) => {
            let ip = IpAddr::from(*ip);
            if ips.contains(&ip) {
                Ok(())
            } else {
                let list: Vec<String> = ips.iter().map(ToString::to_string).collect();
                Err(format!(
                    "IP: {ip} is not in the cert's list: {}",
                    list.join(", ")
                ))
            }
        }
        ServerName::DnsName(name) => {
            let host = name.as_ref().trim_end_matches('.');
            let host_parts = split_host(host);
            if !dns.is_empty() {
                if dns.iter().any(|p| node_check(&host_parts, p)) {
                    Ok(())
                } else {
                    // As Node shows `cert.subjectaltname` (OpenSSL's "IP Address:" label).
                    let alt: Vec<String> = sans
                        .iter()
                        .map(|s| match s.strip_prefix("IP:") {
                            Some(ip) => format!("IP Address:{ip}"),
                            None => s.clone(),
                        })
                        .collect();
                    Err(format!(
                        "Host: {host}. is not in the cert's altnames: {}",
                        alt.join(", ")
                    ))
                }
            } else if !leaf.info.common_names.is_empty() {
                if leaf
                    .info
                    .common_names
                    .iter()
                    .any(|cn| node_check(&host_parts, cn))
                {
                    Ok(())
                } else {
                    Err(format!(
                        "Host: {host}. is not cert's CN: {}",
                        leaf.info.common_names.join(",")
                    ))
                }
            } else {
                Err("Cert does not contain a DNS name".to_string())
            }
        }
        _ => Ok(()),
    }
}

/// Node's `splitHost`: the trailing dot dropped, A–Z lower-cased, split on dots.
pub(super) fn split_host(host: &str) -> Vec<String> {
    host.trim_end_matches('.')
        .to_ascii_lowercase()
        .split('.')
        .map(str::to_string)
        .collect()
}

/// Node's `check(hostParts, pattern, true)`.
pub(super) fn node_check(host_parts: &[String], pattern: &str) -> bool {
    if pattern.is_empty() {
        return false;
    }
    let pattern_parts = split_host(pattern);
    if host_parts.len() != pattern_parts.len() || pattern_parts.iter().any(String::is_empty) {
        return false;
    }
    if pattern_parts
        .iter()
        .any(|p| p.chars().any(|c| !('\u{21}'..='\u{7f}').contains(&c)))
    {
        return false;
    }
    if (1..host_parts.len()).any(|i| host_parts[i] != pattern_parts[i]) {
        return false;
    }
    let (host_sub, pattern_sub) = (&host_parts[0], &pattern_parts[0]);
    let pieces: Vec<&str> = pattern_sub.split('*').collect();
    if pieces.len() == 1 || pattern_sub.contains("xn--") {
        return host_sub == pattern_sub;
    }
    if pieces.len() > 2 || pattern_parts.len() <= 2 {
        return false;
    }
    let (prefix, suffix) = (pieces[0], pieces[1]);
    prefix.len() + suffix.len() <= host_sub.len()
        && host_sub.starts_with(prefix)
        && host_sub.ends_with(suffix)
}

/// OpenSSL 3's names for its verification errors (include/openssl/x509_vfy.h).
pub fn x509_error_name(code: i32) -> Option<&'static str> {
    Some(match code {
        0 => "X509_V_OK",
        1 => "X509_V_ERR_UNSPECIFIED",
        2 => "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT",
        3 => "X509_V_ERR_UNABLE_TO_GET_CRL",
        4 => "X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE",
        5 => "X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE",
        6 => "X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
        7 => "X509_V_ERR_CERT_SIGNATURE_FAILURE",
        8 => "X509_V_ERR_CRL_SIGNATURE_FAILURE",
        9 => "X509_V_ERR_CERT_NOT_YET_VALID",
        10 => "X509_V_ERR_CERT_HAS_EXPIRED",
        11 => "X509_V_ERR_CRL_NOT_YET_VALID",
        12 => "X509_V_ERR_CRL_HAS_EXPIRED",
        13 => "X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD",
        14 => "X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD",
        15 => "X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD",
        16 => "X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD",
        17 => "X509_V_ERR_OUT_OF_MEM",
        18 => "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT",
        19 => "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN",
        20 => "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
        21 => "X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        22 => "X509_V_ERR_CERT_CHAIN_TOO_LONG",
        23 => "X509_V_ERR_CERT_REVOKED",
        24 => "X509_V_ERR_NO_ISSUER_PUBLIC_KEY",
        25 => "X509_V_ERR_PATH_LENGTH_EXCEEDED",
        26 => "X509_V_ERR_INVALID_PURPOSE",
        27 => "X509_V_ERR_CERT_UNTRUSTED",
        28 => "X509_V_ERR_CERT_REJECTED",
        29 => "X509_V_ERR_SUBJECT_ISSUER_MISMATCH",
        30 => "X509_V_ERR_AKID_SKID_MISMATCH",
        31 => "X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH",
        32 => "X509_V_ERR_KEYUSAGE_NO_CERTSIGN",
        33 => "X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER",
        34 => "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION",
        35 => "X509_V_ERR_KEYUSAGE_NO_CRL_SIGN",
        36 => "X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION",
        37 => "X509_V_ERR_INVALID_NON_CA",
        38 => "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED",
        39 => "X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE",
        40 => "X509_V_ERR_PROXY_CERTIFICATES_NOT_ALLOWED",
        41 => "X509_V_ERR_INVALID_EXTENSION",
        42 => "X509_V_ERR_INVALID_POLICY_EXTENSION",
        43 => "X509_V_ERR_NO_EXPLICIT_POLICY",
        44 => "X509_V_ERR_DIFFERENT_CRL_SCOPE",
        45 => "X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE",
        46 => "X509_V_ERR_UNNESTED_RESOURCE",
        47 => "X509_V_ERR_PERMITTED_VIOLATION",
        48 => "X509_V_ERR_EXCLUDED_VIOLATION",
        49 => "X509_V_ERR_SUBTREE_MINMAX",
        50 => "X509_V_ERR_APPLICATION_VERIFICATION",
        51 => "X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE",
        52 => "X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX",
        53 => "X509_V_ERR_UNSUPPORTED_NAME_SYNTAX",
        54 => "X509_V_ERR_CRL_PATH_VALIDATION_ERROR",
        55 => "X509_V_ERR_PATH_LOOP",
        56 => "X509_V_ERR_SUITE_B_INVALID_VERSION",
        57 => "X509_V_ERR_SUITE_B_INVALID_ALGORITHM",
        58 => "X509_V_ERR_SUITE_B_INVALID_CURVE",
        59 => "X509_V_ERR_SUITE_B_INVALID_SIGNATURE_ALGORITHM",
        60 => "X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED",
        61 => "X509_V_ERR_SUITE_B_CANNOT_SIGN_P_384_WITH_P_256",
        62 => "X509_V_ERR_HOSTNAME_MISMATCH",
        63 => "X509_V_ERR_EMAIL_MISMATCH",
        64 => "X509_V_ERR_IP_ADDRESS_MISMATCH",
        65 => "X509_V_ERR_DANE_NO_MATCH",
        66 => "X509_V_ERR_EE_KEY_TOO_SMALL",
        67 => "X509_V_ERR_CA_KEY_TOO_SMALL",
        68 => "X509_V_ERR_CA_MD_TOO_WEAK",
        69 => "X509_V_ERR_INVALID_CALL",
        70 => "X509_V_ERR_STORE_LOOKUP",
        71 => "X509_V_ERR_NO_VALID_SCTS",
        72 => "X509_V_ERR_PROXY_SUBJECT_NAME_VIOLATION",
        73 => "X509_V_ERR_OCSP_VERIFY_NEEDED",
        74 => "X509_V_ERR_OCSP_VERIFY_FAILED",
        75 => "X509_V_ERR_OCSP_CERT_UNKNOWN",
        76 => "X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM",
        77 => "X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH",
        78 => "X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY",
        79 => "X509_V_ERR_INVALID_CA",
        80 => "X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA",
        81 => "X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN",
        82 => "X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA",
        83 => "X509_V_ERR_ISSUER_NAME_EMPTY",
        84 => "X509_V_ERR_SUBJECT_NAME_EMPTY",
        85 => "X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER",
        86 => "X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER",
        87 => "X509_V_ERR_EMPTY_SUBJECT_ALT_NAME",
        88 => "X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL",
        89 => "X509_V_ERR_CA_BCONS_NOT_CRITICAL",
        90 => "X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL",
        91 => "X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL",
        92 => "X509_V_ERR_CA_CERT_MISSING_KEY_USAGE",
        93 => "X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3",
        94 => "X509_V_ERR_EC_KEY_EXPLICIT_PARAMS",
        95 => "X509_V_ERR_RPK_UNTRUSTED",
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use rcgen::{
        BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, KeyPair,
        KeyUsagePurpose, SanType, SubjectPublicKeyInfo,
    };
    use time::Duration;

    use super::super::checks::test_support::verify;
    use super::super::ChainVerification;
    use super::*;
    use crate::findings::{ClientAction, Code, Severity};
    use crate::pki::inspect::test_certs::{ca, hierarchy, leaf, now, server, Made};

    /// The X509_V_ERR codes OpenSSL reported, with their depths.
    fn errors(o: &EngineOutcome) -> Vec<(String, Option<u32>)> {
        o.errors.iter().map(|e| (e.code_name(), e.depth)).collect()
    }

    /// Whether some finding says `family` rejects.
    fn rejects(
        v: &ChainVerification,
        family: fn(&crate::findings::ClientVerdicts) -> ClientAction,
    ) -> bool {
        v.findings.iter().any(|f| {
            f.clients
                .is_some_and(|c| family(&c) == ClientAction::Reject)
        })
    }

    /// A CA with pathLenConstraint `pathlen`, issued by `issuer`.
    fn ca_with_pathlen(cn: &str, pathlen: u8, issuer: &Made) -> Made {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, cn);
        params.not_before = now() - Duration::days(30);
        params.not_after = now() + Duration::days(365);
        params.is_ca = IsCa::Ca(BasicConstraints::Constrained(pathlen));
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        params.use_authority_key_identifier_extension = true;
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &issuer.cert, &issuer.key).unwrap();
        Made { cert, key }
    }

    /// A server certificate with these SANs (and CN "server"), issued by `issuer`; `spki` is
    /// the subject's public key when it is not the fresh P-256 key.
    fn server_with(sans: Vec<SanType>, cn: &str, issuer: &Made, spki: Option<&[u8]>) -> Made {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.subject_alt_names = sans;
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, cn);
        params.not_before = now() - Duration::days(30);
        params.not_after = now() + Duration::days(365);
        params.is_ca = IsCa::ExplicitNoCa;
        params.use_authority_key_identifier_extension = true;
        let key = KeyPair::generate().unwrap();
        let cert = match spki {
            Some(der) => {
                let public = SubjectPublicKeyInfo::from_der(der).unwrap();
                params
                    .signed_by(&public, &issuer.cert, &issuer.key)
                    .unwrap()
            }
            None => params.signed_by(&key, &issuer.cert, &issuer.key).unwrap(),
        };
        Made { cert, key }
    }

    fn dns(name: &str) -> SanType {
        SanType::DnsName(name.try_into().unwrap())
    }

    #[test]
    fn a_good_chain_is_accepted_by_openssl_and_node() {
        let h = hierarchy();
        let v = verify(
            &[&h.root],
            &[&h.leaf, &h.intermediate],
            Some("db.example.com"),
        );
        assert!(v.openssl.accepted, "{:?}", v.openssl);
        assert!(v.node.accepted, "{:?}", v.node);
        assert!(v.findings.is_empty(), "{:#?}", v.findings);
    }

    #[test]
    fn an_expired_leaf_is_openssl_cert_has_expired_at_depth_0() {
        let h = hierarchy();
        let expired = server(&h.intermediate).valid_days(-400, -10).make();
        let v = verify(
            &[&h.root],
            &[&expired, &h.intermediate],
            Some("db.example.com"),
        );
        assert_eq!(
            errors(&v.openssl),
            [("X509_V_ERR_CERT_HAS_EXPIRED".to_string(), Some(0))]
        );
        assert_eq!(v.openssl.errors[0].message, "certificate has expired");
        assert!(!v.node.accepted);
        let f = v
            .findings
            .iter()
            .find(|f| f.code == Code::CertExpired)
            .unwrap();
        let c = f.clients.unwrap();
        assert_eq!(
            (c.openssl, c.node, c.rustls),
            (
                ClientAction::Reject,
                ClientAction::Reject,
                ClientAction::Reject
            )
        );
    }

    #[test]
    fn a_wrong_host_is_refused_by_openssl_and_by_nodes_own_check() {
        let h = hierarchy();
        let v = verify(
            &[&h.root],
            &[&h.leaf, &h.intermediate],
            Some("other.example.com"),
        );
        assert_eq!(
            errors(&v.openssl),
            [("X509_V_ERR_HOSTNAME_MISMATCH".to_string(), Some(0))]
        );
        assert_eq!(
            errors(&v.node),
            [("ERR_TLS_CERT_ALTNAME_INVALID".to_string(), Some(0))]
        );
        assert_eq!(
            v.node.errors[0].message,
            "Hostname/IP does not match certificate's altnames: Host: other.example.com. is not in the cert's altnames: DNS:db.example.com"
        );
        assert!(rejects(&v, |c| c.openssl) && rejects(&v, |c| c.node));
    }

    #[test]
    fn an_exceeded_path_length_is_carried_by_the_own_finding_once() {
        let root = ca("Test Root").make();
        let constrained = ca_with_pathlen("Constrained", 0, &root);
        let below = ca_with_pathlen("Below", 0, &constrained);
        let leaf = server(&below).make();
        let v = verify(
            &[&root],
            &[&leaf, &below, &constrained],
            Some("db.example.com"),
        );
        assert!(
            errors(&v.openssl).contains(&("X509_V_ERR_PATH_LENGTH_EXCEEDED".to_string(), Some(2))),
            "{:?}",
            v.openssl
        );
        // The own engine names the rule (rules.rs); OpenSSL's error marks that finding instead
        // of adding a second one.
        let found: Vec<&crate::findings::Finding> = v
            .findings
            .iter()
            .filter(|f| f.code == Code::CertPathLenExceeded)
            .collect();
        assert_eq!(found.len(), 1, "{:#?}", v.findings);
        let f = found[0];
        assert!(
            f.message
                .starts_with("pathLenConstraint 0 on \"Constrained\""),
            "{}",
            f.message
        );
        assert_eq!(f.severity, Severity::Fail);
        assert_eq!(f.certificate, Some(2));
        let c = f.clients.unwrap();
        assert_eq!(
            (c.openssl, c.node),
            (ClientAction::Reject, ClientAction::Reject)
        );
    }

    #[test]
    fn an_ip_address_is_checked_against_ip_sans_only() {
        let h = hierarchy();
        let ip = server_with(
            vec![SanType::IpAddress("10.0.0.1".parse().unwrap())],
            "10.0.0.2",
            &h.intermediate,
            None,
        );
        let v = verify(&[&h.root], &[&ip, &h.intermediate], Some("10.0.0.1"));
        assert!(
            v.openssl.accepted && v.node.accepted,
            "{:?} {:?}",
            v.openssl,
            v.node
        );
        // The CN holds 10.0.0.2: neither OpenSSL nor Node reads an IP address from the CN.
        let v = verify(&[&h.root], &[&ip, &h.intermediate], Some("10.0.0.2"));
        assert_eq!(
            errors(&v.openssl),
            [("X509_V_ERR_IP_ADDRESS_MISMATCH".to_string(), Some(0))]
        );
        assert_eq!(
            v.node.errors[0].message,
            "Hostname/IP does not match certificate's altnames: IP: 10.0.0.2 is not in the cert's list: 10.0.0.1"
        );
    }

    #[test]
    fn a_partial_wildcard_is_refused_by_pymongo_and_accepted_by_node() {
        let h = hierarchy();
        let partial = server_with(
            vec![dns("db*.example.com")],
            "server",
            &h.intermediate,
            None,
        );
        let v = verify(
            &[&h.root],
            &[&partial, &h.intermediate],
            Some("db1.example.com"),
        );
        assert_eq!(
            errors(&v.openssl),
            [("X509_V_ERR_HOSTNAME_MISMATCH".to_string(), Some(0))]
        );
        assert!(v.node.accepted, "{:?}", v.node);
        assert!(rejects(&v, |c| c.openssl));
        assert!(!rejects(&v, |c| c.node), "{:#?}", v.findings);
    }

    #[test]
    fn a_1024_bit_rsa_leaf_splits_openssl_level_2_and_node_level_1() {
        let h = hierarchy();
        let rsa = openssl::rsa::Rsa::generate(1024).unwrap();
        let spki = openssl::pkey::PKey::from_rsa(rsa)
            .unwrap()
            .public_key_to_der()
            .unwrap();
        let weak = server_with(
            vec![dns("db.example.com")],
            "db.example.com",
            &h.intermediate,
            Some(&spki),
        );
        let v = verify(
            &[&h.root],
            &[&weak, &h.intermediate],
            Some("db.example.com"),
        );
        assert_eq!(
            errors(&v.openssl),
            [("X509_V_ERR_EE_KEY_TOO_SMALL".to_string(), Some(0))]
        );
        assert!(v.node.accepted, "{:?}", v.node);
        let f = v
            .findings
            .iter()
            .find(|f| f.code == Code::CertWeakKey)
            .unwrap();
        let c = f.clients.unwrap();
        assert_eq!(
            (c.openssl, c.node),
            (ClientAction::Reject, ClientAction::Accept)
        );
        // webpki's chain verification never looks at the server's own key, but rustls verifies
        // the handshake signature with it, which needs 2048 bits: the Rust driver refuses.
        assert!(v.rustls_webpki.chain_accepted);
        assert_eq!(c.rustls, ClientAction::Reject);
    }

    #[test]
    fn a_cn_only_certificate_matches_in_openssl_and_node() {
        let h = hierarchy();
        let cn_only = server_with(Vec::new(), "db.example.com", &h.intermediate, None);
        let v = verify(
            &[&h.root],
            &[&cn_only, &h.intermediate],
            Some("db.example.com"),
        );
        assert!(
            v.openssl.accepted && v.node.accepted,
            "{:?} {:?}",
            v.openssl,
            v.node
        );
        let f = v
            .findings
            .iter()
            .find(|f| f.code == Code::CertNoSubjectAltName)
            .unwrap();
        let c = f.clients.unwrap();
        assert_eq!(
            (c.openssl, c.node),
            (ClientAction::Accept, ClientAction::Accept)
        );
    }

    #[test]
    fn a_missing_intermediate_collects_every_error() {
        let h = hierarchy();
        let v = verify(&[&h.root], &[&h.leaf], Some("other.example.com"));
        let codes = errors(&v.openssl);
        assert!(
            codes.contains(&(
                "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY".to_string(),
                Some(0)
            )),
            "{codes:?}"
        );
        assert!(
            codes.contains(&("X509_V_ERR_HOSTNAME_MISMATCH".to_string(), Some(0))),
            "{codes:?}"
        );
    }

    #[test]
    fn node_matches_names_as_lib_tls_js_does() {
        let parts = |h: &str| split_host(h);
        assert!(node_check(&parts("db.example.com"), "*.example.com"));
        assert!(node_check(&parts("DB.Example.com."), "*.EXAMPLE.com"));
        assert!(node_check(&parts("db1.example.com"), "db*.example.com"));
        assert!(!node_check(&parts("a.b.example.com"), "*.example.com"));
        assert!(!node_check(&parts("example.com"), "*.com"));
        assert!(!node_check(&parts("a.b.example.com"), "a.*.example.com"));
        assert!(!node_check(
            &parts("xn--a.example.com"),
            "xn--*.example.com"
        ));
        assert!(!node_check(&parts("db.example.com"), "db..example.com"));
        assert!(!node_check(&parts("db.example.com"), "**.example.com"));
    }

    #[test]
    fn node_uses_the_cn_only_without_dns_sans() {
        let h = hierarchy();
        let with_ip = server_with(
            vec![SanType::IpAddress("10.0.0.1".parse().unwrap())],
            "db.example.com",
            &h.intermediate,
            None,
        )
        .parsed();
        let host = ServerName::try_from("db.example.com").unwrap();
        assert_eq!(node_identity(&with_ip, &host), Ok(()));
        let plain = leaf("db.example.com", &["other.example.com"])
            .make()
            .parsed();
        assert_eq!(
            node_identity(&plain, &host),
            Err(
                "Host: db.example.com. is not in the cert's altnames: DNS:other.example.com"
                    .to_string()
            )
        );
    }
}
