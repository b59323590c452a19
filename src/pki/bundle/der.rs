//! Binary input that starts with a DER SEQUENCE: one certificate, a PKCS#7 bundle, or something
//! recognised (PKCS#12, a private key, a CRL, CSR or public key) and rejected.

use super::pkcs7::{not_signed_data_rejection, push_pkcs7_entries, read_pkcs7, Pkcs7};
use super::sniff::{der_non_certificate_label, der_private_key_label, looks_like_pkcs12};
use super::x509::check_certificate;
use super::{Ctx, InputFormat, ParsedInput, RejectKind};
use crate::tr;

/// DER starting with a SEQUENCE: a certificate, PKCS#7, PKCS#12, a private key, a CRL or CSR, or
/// broken data.
pub(super) fn parse_der(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
    let x509_error = match check_certificate(bytes) {
        Ok(()) => return out.push_cert(bytes.to_vec(), ctx.origin_as(InputFormat::Der)),
        Err(detail) => detail,
    };
    let origin = ctx.origin_as(InputFormat::Pkcs7Der);
    match read_pkcs7(bytes) {
        Pkcs7::Entries(entries) => return push_pkcs7_entries(&origin, entries, out),
        Pkcs7::NotSignedData(kind) => return out.reject(origin, not_signed_data_rejection(&kind)),
        Pkcs7::Broken(detail) => {
            let detail = tr!(
                "pki-der-pkcs7-broken",
                detail = detail,
                file = ctx.command_arg(),
            );
            return out.reject(origin, RejectKind::ParseError { detail });
        }
        Pkcs7::Unrecognised(_) => {}
    }
    let kind = if looks_like_pkcs12(bytes) {
        pkcs12_rejection(ctx)
    } else if let Some(label) = der_private_key_label(bytes) {
        RejectKind::PrivateKey {
            label: label.to_string(),
        }
    } else if let Some(label) = der_non_certificate_label(bytes) {
        RejectKind::NotACertificate {
            label: label.to_string(),
        }
    } else {
        RejectKind::ParseError { detail: x509_error }
    };
    out.reject(ctx.origin_as(InputFormat::Der), kind);
}

fn pkcs12_rejection(ctx: Ctx<'_>) -> RejectKind {
    let file = ctx.command_arg();
    RejectKind::Unsupported {
        format: "PKCS#12 (.p12/.pfx)".to_string(),
        detail: tr!("pki-pkcs12-detail", file = file),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::pki::bundle::test_support::{
        cert_der, only_rejection, parse_error_detail, pkcs12_like, unsupported_format,
    };
    use crate::pki::bundle::{parse_input, InputFormat, RejectKind};

    #[test]
    fn der_certificate() {
        let der = cert_der("a.example");
        let parsed = parse_input("ca.der", &der);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, der);
        assert_eq!(parsed.certs[0].origin.format, Some(InputFormat::Der));
        assert_eq!(parsed.certs[0].origin.to_string(), "ca.der");
    }

    #[test]
    fn der_sequence_that_is_nothing_known() {
        let parsed = parse_input("x.der", b"\x30\x03\x05\x01\x00");
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(!detail.is_empty());
    }

    #[test]
    fn pkcs12_is_unsupported_with_the_openssl_command() {
        let parsed = parse_input("client.p12", &pkcs12_like());
        let rejected = only_rejection(&parsed);
        assert_eq!(unsupported_format(&rejected.kind), "PKCS#12 (.p12/.pfx)");
        let RejectKind::Unsupported { detail, .. } = &rejected.kind else {
            unreachable!()
        };
        assert!(detail.contains("openssl pkcs12 -in client.p12 -nokeys -cacerts -out ca.pem"));
    }
}
