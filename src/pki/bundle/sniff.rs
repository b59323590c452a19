//! Recognising what a blob is from its bytes alone (ZIP, Java keystore, UTF-16 text, DER shapes
//! such as PKCS#12 and private keys, gzip, tar, bare base64, text, binary data), and the
//! rejection that says what to do instead for each one mongotls does not read.

use super::asn1::{der_children, skip_header};
use super::pem::{decode_base64, header_label, is_base64_byte, is_private_key_label, split_lines};
use super::pkcs7::PKCS7_OID_PREFIX;
use super::x509::check_certificate;
use super::{unsupported, Ctx, RejectKind};
use crate::tr;

const JKS_MAGIC: &[u8] = b"\xFE\xED\xFE\xED";

const JCEKS_MAGIC: &[u8] = b"\xCE\xCE\xCE\xCE";

pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Java keystores (JKS, JCEKS) by their magic number.
pub(super) fn keystore_rejection(ctx: Ctx<'_>, bytes: &[u8]) -> Option<RejectKind> {
    let (format, store_type) = if bytes.starts_with(JKS_MAGIC) {
        (tr!("pki-format-jks"), "")
    } else if bytes.starts_with(JCEKS_MAGIC) {
        (tr!("pki-format-jceks"), " -storetype JCEKS")
    } else {
        return None;
    };
    let file = ctx.command_arg();
    let instead = if ctx.zip_member.is_some() {
        tr!("pki-keystore-instead-in-zip")
    } else {
        tr!("pki-keystore-instead")
    };
    Some(RejectKind::Unsupported {
        format,
        detail: tr!(
            "pki-keystore-detail",
            instead = instead,
            file = file,
            store_type = store_type,
        ),
    })
}

/// UTF-16 text (what PowerShell's `>` writes): a BOM, or ASCII interleaved with zero bytes.
pub(super) fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = bytes.get(..64).unwrap_or(bytes);
    if head.len() < 8 {
        return false;
    }
    let printable = |b: &u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    let evens = || head.iter().step_by(2);
    let odds = || head.iter().skip(1).step_by(2);
    (evens().all(printable) && odds().all(|b| *b == 0))
        || (evens().all(|b| *b == 0) && odds().all(printable))
}

pub(super) fn utf16_rejection() -> RejectKind {
    RejectKind::Unsupported {
        format: tr!("pki-format-utf16"),
        detail: tr!("pki-utf16-detail"),
    }
}

/// Binary data that starts with a SEQUENCE tag. Checked before PEM so that a certificate whose
/// extensions happen to hold `-----BEGIN` is still read as DER.
pub(super) fn looks_like_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && !is_text(bytes)
}

/// PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (data or signedData), … },
/// checked on the first bytes only, so BER (as Windows writes) is recognised too.
pub(super) fn looks_like_pkcs12(bytes: &[u8]) -> bool {
    let check = || -> Option<bool> {
        let pfx = skip_header(bytes, 0x30)?;
        let after_version = pfx.strip_prefix(b"\x02\x01\x03")?;
        let auth_safe = skip_header(after_version, 0x30)?;
        let last_arc = auth_safe.strip_prefix(PKCS7_OID_PREFIX)?.first()?;
        Some(*last_arc == 1 || *last_arc == 2)
    };
    check().unwrap_or(false)
}

fn is_small_integer(child: &(u8, &[u8]), value: u8) -> bool {
    child.0 == 0x02 && child.1 == [value]
}

fn starts_with_oid(content: &[u8]) -> bool {
    content.first() == Some(&0x06)
}

/// The kind of a DER private key, from its shape alone (the key is never decoded further).
pub(super) fn der_private_key_label(bytes: &[u8]) -> Option<&'static str> {
    let children = der_children(bytes)?;
    let all_integers = children.iter().all(|(tag, _)| *tag == 0x02);
    match children.as_slice() {
        [version, (0x30, algorithm), (0x04, _), ..]
            if (is_small_integer(version, 0) || is_small_integer(version, 1))
                && starts_with_oid(algorithm) =>
        {
            Some("PKCS#8 private key (DER)")
        }
        [(0x30, algorithm), (0x04, _)] if starts_with_oid(algorithm) => {
            Some("encrypted PKCS#8 private key (DER)")
        }
        [version, ..] if is_small_integer(version, 0) && all_integers && children.len() >= 9 => {
            Some("PKCS#1 RSA private key (DER)")
        }
        [version, ..] if is_small_integer(version, 0) && all_integers && children.len() == 6 => {
            Some("DSA private key (DER)")
        }
        [version, (0x04, _), ..] if is_small_integer(version, 1) => {
            Some("SEC1 EC private key (DER)")
        }
        _ => None,
    }
}

/// DER objects that are well-formed but not certificates.
pub(super) fn der_non_certificate_label(bytes: &[u8]) -> Option<&'static str> {
    use x509_parser::prelude::FromDer;

    if matches!(x509_parser::parse_x509_crl(bytes), Ok((rest, _)) if rest.is_empty()) {
        return Some("X509 CRL (DER)");
    }
    let csr = x509_parser::certification_request::X509CertificationRequest::from_der(bytes);
    if matches!(csr, Ok((rest, _)) if rest.is_empty()) {
        return Some("CERTIFICATE REQUEST (DER)");
    }
    match der_children(bytes)?.as_slice() {
        [(0x30, algorithm), (0x03, _)] if starts_with_oid(algorithm) => Some("PUBLIC KEY (DER)"),
        _ => None,
    }
}

/// What is wrong with content that is neither ZIP, keystore, PEM, UTF-16 nor DER.
pub(super) fn other_content_rejection(bytes: &[u8]) -> RejectKind {
    if bytes.starts_with(b"\x1F\x8B") {
        return unsupported(&tr!("pki-format-gzip"), &tr!("pki-gzip-detail"));
    }
    if bytes.get(257..262) == Some(b"ustar".as_slice()) {
        return unsupported(&tr!("pki-format-tar"), &tr!("pki-tar-detail"));
    }
    if !is_text(bytes) {
        return unsupported(&tr!("pki-format-binary"), &tr!("pki-binary-detail"));
    }
    bare_base64_rejection(bytes).unwrap_or_else(|| {
        unsupported(
            &tr!("pki-format-text-without-pem"),
            &tr!("pki-text-without-pem-detail"),
        )
    })
}

/// Text: no NUL, almost no control characters, and UTF-8 (or nearly all ASCII).
fn is_text(bytes: &[u8]) -> bool {
    let control = bytes
        .iter()
        .filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace())
        .count();
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    !bytes.contains(&0)
        && control.saturating_mul(100) <= bytes.len()
        && (std::str::from_utf8(bytes).is_ok() || non_ascii.saturating_mul(10) <= bytes.len())
}

/// Text that is nothing but base64 (no PEM lines): a certificate or key without its BEGIN and
/// END lines, or a PEM file base64-encoded once more (a Kubernetes Secret's `data` field).
fn bare_base64_rejection(bytes: &[u8]) -> Option<RejectKind> {
    let compact: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if compact.len() < 64 || !compact.iter().all(|b| is_base64_byte(*b)) {
        return None;
    }
    let decoded = decode_base64(std::iter::once(compact.as_slice()), compact.len()).ok()?;
    if decoded.starts_with(b"-----BEGIN ") {
        return Some(base64_pem_rejection(&decoded));
    }
    if check_certificate(&decoded).is_ok() {
        return Some(unsupported(
            &tr!("pki-format-bare-base64-certificate"),
            &tr!("pki-bare-base64-certificate-detail"),
        ));
    }
    if let Some(label) = der_private_key_label(&decoded) {
        return Some(RejectKind::PrivateKey {
            label: tr!("pki-label-bare-base64", label = label),
        });
    }
    Some(unsupported(
        &tr!("pki-format-bare-base64"),
        &tr!("pki-bare-base64-detail"),
    ))
}

/// A PEM file that was base64-encoded again.
fn base64_pem_rejection(decoded: &[u8]) -> RejectKind {
    let first_label =
        split_lines(decoded).find_map(|(_, _, line)| header_label(line, b"-----BEGIN "));
    match first_label {
        Some(label) if is_private_key_label(&label) => RejectKind::PrivateKey {
            label: tr!("pki-label-base64-pem", label = label),
        },
        _ => unsupported(&tr!("pki-format-base64-pem"), &tr!("pki-base64-pem-detail")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::pki::bundle::test_support::{
        base64, cert_der, only_rejection, pem, self_signed, tlv, unsupported_format, JKS,
        OID_PKCS7_DATA,
    };
    use crate::pki::bundle::{parse_input, InputFormat, RejectKind};

    #[test]
    fn java_keystores_are_unsupported_with_keytool_advice() {
        let parsed = parse_input("truststore.jks", JKS);
        let rejected = only_rejection(&parsed);
        assert_eq!(unsupported_format(&rejected.kind), "Java keystore (JKS)");
        let RejectKind::Unsupported { detail, .. } = &rejected.kind else {
            unreachable!()
        };
        assert!(detail.contains(
            "keytool -exportcert -rfc -alias ALIAS -keystore truststore.jks -file ca.pem"
        ));
        let parsed = parse_input("my store.jceks", b"\xCE\xCE\xCE\xCE\x00\x00\x00\x02");
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "Java keystore (JCEKS)");
        assert!(detail.contains("-keystore 'my store.jceks' -storetype JCEKS"));
    }

    #[test]
    fn utf16_and_gzip_are_named() {
        let pem_text = pem("CERTIFICATE", &cert_der("a.example"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(pem_text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let parsed = parse_input("ca.pem", &utf16);
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "UTF-16 text"
        );
        let no_bom = &utf16[2..];
        let parsed = parse_input("ca.pem", no_bom);
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "UTF-16 text"
        );
        let parsed = parse_input("ca.pem.gz", b"\x1F\x8B\x08\x00\x00\x00\x00\x00");
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "gzip-compressed data"
        );
    }

    #[test]
    fn der_certificate_holding_a_pem_header_is_still_der() {
        let mut params = rcgen::CertificateParams::new(vec!["a.example".to_string()]).unwrap();
        params
            .custom_extensions
            .push(rcgen::CustomExtension::from_oid_content(
                &[1, 3, 6, 1, 4, 1, 55555, 1],
                b"\x0c\x1b-----BEGIN CERTIFICATE-----".to_vec(),
            ));
        let key = rcgen::KeyPair::generate().unwrap();
        let der = params.self_signed(&key).unwrap().der().to_vec();
        let parsed = parse_input("odd.der", &der);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs[0].origin.format, Some(InputFormat::Der));
    }

    #[test]
    fn text_starting_with_zero_is_text() {
        let parsed = parse_input("x.txt", b"0 s:CN = a.example\n");
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "text without any PEM block"
        );
    }

    #[test]
    fn pkcs8_der_private_key() {
        let key = self_signed("a.example");
        let der = key.key_pair.serialize_der();
        let parsed = parse_input("key.der", &der);
        assert_eq!(
            only_rejection(&parsed).kind,
            RejectKind::PrivateKey {
                label: "PKCS#8 private key (DER)".to_string()
            }
        );
        let shown = format!("{parsed:?}");
        assert!(!shown.contains(&format!("{:?}", &der[der.len() - 8..])));
    }

    #[test]
    fn pkcs1_der_private_key_by_shape() {
        let ints: Vec<u8> = std::iter::once(tlv(0x02, &[0]))
            .chain((0..8).map(|i| tlv(0x02, &[i + 1; 3])))
            .flatten()
            .collect();
        let parsed = parse_input("key.der", &tlv(0x30, &ints));
        assert_eq!(
            only_rejection(&parsed).kind,
            RejectKind::PrivateKey {
                label: "PKCS#1 RSA private key (DER)".to_string()
            }
        );
    }

    #[test]
    fn der_public_key_is_not_a_certificate() {
        let spki = tlv(
            0x30,
            &[
                tlv(0x30, b"\x06\x07\x2A\x86\x48\xCE\x3D\x02\x01"),
                tlv(0x03, &[0, 4, 1, 2]),
            ]
            .concat(),
        );
        let parsed = parse_input("pub.der", &spki);
        assert_eq!(
            only_rejection(&parsed).kind,
            RejectKind::NotACertificate {
                label: "PUBLIC KEY (DER)".to_string()
            }
        );
    }

    #[test]
    fn ber_pkcs12_with_indefinite_lengths_is_recognised() {
        let mut bytes = b"\x30\x80\x02\x01\x03\x30\x80".to_vec();
        bytes.extend_from_slice(OID_PKCS7_DATA);
        bytes.extend_from_slice(b"\xA0\x80\x24\x80\x04\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        let parsed = parse_input("win.pfx", &bytes);
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "PKCS#12 (.p12/.pfx)"
        );
    }

    #[test]
    fn garbage_bytes_are_binary_data() {
        let parsed = parse_input("x.bin", b"\x00\x01\x02\xFF\x80garbage\x00\x00");
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "binary data (not DER, PEM, PKCS#7, ZIP)"
        );
    }

    #[test]
    fn text_without_pem() {
        let parsed = parse_input(
            "notes.txt",
            "Hello,\nthe CA is attached. Grüße\n".as_bytes(),
        );
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "text without any PEM block");
        assert!(detail.contains("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn bare_base64_certificate() {
        let body = base64(&cert_der("a.example"));
        let parsed = parse_input("ca.txt", body.as_bytes());
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "certificate in base64 without PEM lines");
        assert!(detail.contains("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn base64_encoded_pem_from_a_kubernetes_secret() {
        let text = base64(pem("CERTIFICATE", &cert_der("a.example")).as_bytes());
        let parsed = parse_input("ca.crt", text.as_bytes());
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "base64-encoded PEM");
        assert!(detail.contains("base64 -d"));
        let key = base64(self_signed("a").key_pair.serialize_pem().as_bytes());
        assert!(matches!(
            only_rejection(&parse_input("tls.key", key.as_bytes())).kind,
            RejectKind::PrivateKey { .. }
        ));
    }
}
