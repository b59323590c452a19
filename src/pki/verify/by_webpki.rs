//! rustls-webpki's own judgement of the chain, as the Rust driver makes it, and the one place
//! its typed errors become finding codes (never by string matching).

use std::time::Duration;

use rustls_pki_types::{CertificateDer, TrustAnchor, UnixTime};

use super::{Ctx, WebpkiOutcome, WebpkiRejection};
use crate::findings::{ClientAction, ClientVerdicts, Code, Finding, Severity};
use crate::pki::clients::{Condition, Refusers};
use crate::tr;

/// rustls-webpki's verdict on the chain, at the evaluation time, for server authentication;
/// a rejection no earlier finding already explains becomes a finding of its own.
pub(super) fn run_webpki(
    ctx: &mut Ctx<'_>,
    leaf: usize,
    name_accepted: Option<bool>,
    path_found: bool,
) -> WebpkiOutcome {
    let anchors = usable_anchors(ctx);
    let error = verify_with_webpki(ctx, leaf, &anchors).err();
    if let Some(e) = &error {
        report_rejection(ctx, e, path_found);
    }
    WebpkiOutcome {
        chain_accepted: error.is_none(),
        name_accepted,
        error: error.map(WebpkiRejection::Error),
    }
}

/// The CA file as rustls-webpki trust anchors; a certificate it cannot use is a `ca.parse_error`
/// warning, since the Rust driver drops it silently.
fn usable_anchors(ctx: &mut Ctx<'_>) -> Vec<TrustAnchor<'static>> {
    let mut anchors = Vec::new();
    for (j, a) in ctx.anchors.iter().enumerate() {
        let der = CertificateDer::from(a.der.as_slice());
        match webpki::anchor_from_trusted_cert(&der) {
            Ok(ta) => anchors.push(ta.to_owned()),
            Err(e) => ctx.push(Finding::new(
                Code::CaParseError,
                Severity::Warn,
                tr!(
                    "pki-anchor-unusable",
                    index = j.to_string(),
                    name = a.short_name(),
                    error = format!("{e:?}"),
                ),
                tr!("pki-anchor-unusable-hint"),
            )),
        }
    }
    anchors
}

/// Runs rustls-webpki on the presented leaf, every other presented certificate offered as an
/// intermediate, at the evaluation time.
fn verify_with_webpki(
    ctx: &Ctx<'_>,
    leaf: usize,
    anchors: &[TrustAnchor<'_>],
) -> Result<(), webpki::Error> {
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
    webpki::EndEntityCert::try_from(&leaf_der).and_then(|ee| {
        ee.verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            anchors,
            &intermediates,
            time,
            webpki::KeyUsage::server_auth(),
            None,
            None,
        )
        .map(|_| ())
    })
}

/// Reports webpki's rejection unless a finding already says rustls refuses the chain: as a
/// path webpki missed when our path builder reached the CA file, else as webpki's own error.
fn report_rejection(ctx: &mut Ctx<'_>, e: &webpki::Error, path_found: bool) {
    let explained = ctx.findings.iter().any(|f| {
        f.clients
            .is_some_and(|c: ClientVerdicts| c.rustls == ClientAction::Reject)
    });
    if explained {
        return;
    }
    let path_missed = path_found
        && matches!(
            e,
            webpki::Error::UnknownIssuer | webpki::Error::InvalidSignatureForPublicKey
        );
    if path_missed {
        ctx.client_finding(
            Code::CertUnknownIssuer,
            Condition::OtherWebpkiError,
            None,
            tr!("pki-webpki-path-missed", error = format!("{e:?}")),
            tr!("pki-webpki-path-missed-hint"),
        );
    } else {
        let (code, condition) = webpki_error_code(e);
        ctx.client_finding(
            code,
            condition,
            None,
            tr!("pki-webpki-rejects", error = format!("{e:?}")),
            tr!("pki-webpki-rejects-hint"),
        );
    }
}

/// The one place webpki's typed errors become our codes (never by string matching).
pub(super) fn webpki_error_code(e: &webpki::Error) -> (Code, Condition) {
    use webpki::Error as E;
    match e {
        E::UnknownIssuer
        | E::MaximumPathDepthExceeded
        | E::MaximumPathBuildCallsExceeded
        | E::MaximumSignatureChecksExceeded => (Code::CertUnknownIssuer, Condition::UnknownIssuer),
        E::CertExpired { .. } => (Code::CertExpired, Condition::LeafExpired),
        E::CertNotValidYet { .. } | E::InvalidCertValidity => {
            (Code::CertNotYetValid, Condition::NotYetValid)
        }
        E::InvalidSignatureForPublicKey | E::SignatureAlgorithmMismatch => {
            (Code::CertBadSignature, Condition::BadSignature)
        }
        E::RequiredEkuNotFoundContext(_) => (Code::CertBadEku, Condition::EkuWithoutServerAuth),
        E::EmptyEkuExtension => (Code::CertBadEku, Condition::EmptyEku),
        E::CaUsedAsEndEntity => (Code::CertCaAsLeaf, Condition::CaAsLeaf),
        E::EndEntityUsedAsCa => (Code::CertIssuerNotCa, Condition::IntermediateNotCa),
        // Our own count (RFC 5280) found nothing, so webpki counted self-issued certificates.
        E::PathLenConstraintViolated => (
            Code::CertPathLenExceeded,
            Condition::PathLenExceededCountingSelfIssued,
        ),
        E::UnsupportedCertVersion => (Code::CertVersion, Condition::LeafNotV3),
        E::UnsupportedCriticalExtension => (
            Code::CertUnhandledCriticalExtension,
            Condition::CriticalExtension(Refusers {
                rustls: true,
                ..Refusers::default()
            }),
        ),
        E::NameConstraintViolation | E::MaximumNameConstraintComparisonsExceeded => {
            (Code::CertNameConstraints, Condition::NameConstraints)
        }
        E::MalformedNameConstraint | E::InvalidNetworkMaskConstraint => (
            Code::CertNameConstraints,
            Condition::MalformedNameConstraint,
        ),
        E::MalformedDnsIdentifier => (
            Code::CertMalformedName,
            Condition::MalformedDnsNameUnderConstraints,
        ),
        E::CertNotValidForName(_) => (Code::CertHostnameMismatch, Condition::HostnameMismatch),
        E::UnsupportedSignatureAlgorithmContext(_)
        | E::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => {
            (Code::CertWeakSignature, Condition::OtherWebpkiError)
        }
        E::BadDer
        | E::BadDerTime
        | E::TrailingData(_)
        | E::MalformedExtensions
        | E::ExtensionValueInvalid
        | E::UnsupportedNameType => (Code::CertMalformed, Condition::OtherWebpkiError),
        _ => (Code::CertInvalid, Condition::OtherWebpkiError),
    }
}

#[cfg(test)]
mod tests {
    use super::super::checks::test_support::{summary, verify};
    use super::super::WebpkiRejection;
    use super::webpki_error_code;
    use crate::findings::{Code, Severity};
    use crate::pki::clients::Condition;
    use crate::pki::inspect::test_certs::{hierarchy, server};

    #[test]
    fn a_rejection_already_explained_adds_no_finding() {
        let h = hierarchy();
        let not_yet = server(&h.intermediate).valid_days(2, 400).make();
        let v = verify(
            &[&h.root],
            &[&not_yet, &h.intermediate],
            Some("db.example.com"),
        );
        assert!(!v.rustls_webpki.chain_accepted);
        assert!(
            matches!(
                v.rustls_webpki.error,
                Some(WebpkiRejection::Error(
                    webpki::Error::CertNotValidYet { .. }
                ))
            ),
            "{:?}",
            v.rustls_webpki.error
        );
        assert_eq!(summary(&v), [(Code::CertNotYetValid, Severity::Fail)]);
    }

    #[test]
    fn a_missing_issuer_is_webpki_unknown_issuer_reported_once() {
        let h = hierarchy();
        let v = verify(&[&h.root], &[&h.leaf], Some("db.example.com"));
        assert_eq!(
            v.rustls_webpki.error,
            Some(WebpkiRejection::Error(webpki::Error::UnknownIssuer))
        );
        let shown = v.rustls_webpki.error.as_ref().map(ToString::to_string);
        assert_eq!(shown.as_deref(), Some("UnknownIssuer"));
        assert_eq!(summary(&v), [(Code::CertUnknownIssuer, Severity::Fail)]);
    }

    #[test]
    fn webpki_errors_become_their_codes() {
        use webpki::Error as E;
        let table = [
            (
                E::UnknownIssuer,
                Code::CertUnknownIssuer,
                Condition::UnknownIssuer,
            ),
            (
                E::InvalidSignatureForPublicKey,
                Code::CertBadSignature,
                Condition::BadSignature,
            ),
            (
                E::CaUsedAsEndEntity,
                Code::CertCaAsLeaf,
                Condition::CaAsLeaf,
            ),
            (
                E::NameConstraintViolation,
                Code::CertNameConstraints,
                Condition::NameConstraints,
            ),
            (E::BadDer, Code::CertMalformed, Condition::OtherWebpkiError),
            (
                E::EndEntityUsedAsCa,
                Code::CertIssuerNotCa,
                Condition::IntermediateNotCa,
            ),
            (
                E::CertRevoked,
                Code::CertInvalid,
                Condition::OtherWebpkiError,
            ),
        ];
        for (error, code, condition) in table {
            assert_eq!(webpki_error_code(&error), (code, condition), "{error:?}");
        }
    }
}
