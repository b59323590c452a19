//! PKCS#7 / CMS SignedData certificate bundles: the certificate set in file order, one entry
//! (certificate or rejection) per element.

use super::asn1::skip_header;
use super::x509::check_certificate;
use super::{Origin, ParsedInput, RejectKind};
use crate::tr;

/// DER of the OID arc 1.2.840.113549.1.7 (PKCS#7 content types), without the last arc.
pub(super) const PKCS7_OID_PREFIX: &[u8] = b"\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x07";

const PKCS7_SIGNED_DATA_OID: &str = "1.2.840.113549.1.7.2";

/// ContentInfo ::= SEQUENCE { contentType OID 1.2.840.113549.1.7.x, … }, on the first bytes.
fn looks_like_pkcs7(bytes: &[u8]) -> bool {
    skip_header(bytes, 0x30).is_some_and(|content| content.starts_with(PKCS7_OID_PREFIX))
}

/// One entry of a SignedData `certificates` SET, in file order.
pub(super) struct Pkcs7Entry {
    tag: der::Tag,
    /// The entry's whole encoding (tag, length, content).
    tlv: Vec<u8>,
}

/// What [`read_pkcs7`] found.
pub(super) enum Pkcs7 {
    /// Not a ContentInfo, and does not look like one (the decoder's complaint).
    Unrecognised(String),
    /// A ContentInfo of another type than SignedData (its OID).
    NotSignedData(String),
    /// Looks like PKCS#7 but does not decode.
    Broken(String),
    /// A SignedData's certificate entries (maybe none).
    Entries(Vec<Pkcs7Entry>),
}

/// Reads a DER ContentInfo with the `cms` crate and walks its SignedData to the certificates,
/// keeping their order (decoding the SET with `cms` would sort it).
pub(super) fn read_pkcs7(bytes: &[u8]) -> Pkcs7 {
    use der::{Decode, Tagged};

    let info = match cms::content_info::ContentInfo::from_der(bytes) {
        Ok(info) => info,
        Err(e) if looks_like_pkcs7(bytes) => {
            return Pkcs7::Broken(tr!("pki-pkcs7-undecodable", error = e.to_string()));
        }
        Err(e) => return Pkcs7::Unrecognised(e.to_string()),
    };
    let content_type = info.content_type.to_string();
    if content_type != PKCS7_SIGNED_DATA_OID {
        return Pkcs7::NotSignedData(content_type);
    }
    if info.content.tag() != der::Tag::Sequence {
        return Pkcs7::Broken(tr!("pki-pkcs7-signed-data-not-sequence"));
    }
    match signed_data_certificates(info.content.value()) {
        Ok(entries) => Pkcs7::Entries(entries),
        Err(e) => Pkcs7::Broken(tr!(
            "pki-pkcs7-signed-data-undecodable",
            error = e.to_string()
        )),
    }
}

/// SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo,
/// certificates [0] IMPLICIT CertificateSet OPTIONAL, … }; `content` is the SEQUENCE's content.
fn signed_data_certificates(content: &[u8]) -> der::Result<Vec<Pkcs7Entry>> {
    use der::Reader;

    let certificates_tag = der::Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber::N0,
    };
    let mut reader = der::SliceReader::new(content)?;
    for _ in ["version", "digestAlgorithms", "encapContentInfo"] {
        reader.tlv_bytes()?;
    }
    if reader.is_finished() || reader.peek_tag()? != certificates_tag {
        return Ok(Vec::new());
    }
    let set: der::asn1::AnyRef<'_> = reader.decode()?;
    let mut entries_reader = der::SliceReader::new(set.value())?;
    let mut entries = Vec::new();
    while !entries_reader.is_finished() {
        let tag = entries_reader.peek_tag()?;
        let tlv = entries_reader.tlv_bytes()?.to_vec();
        entries.push(Pkcs7Entry { tag, tlv });
    }
    Ok(entries)
}

/// One `RawCert` or `Rejected` per entry, `index` 1-based; `Empty` when there is none.
pub(super) fn push_pkcs7_entries(base: &Origin, entries: Vec<Pkcs7Entry>, out: &mut ParsedInput) {
    if entries.is_empty() {
        out.reject(base.clone(), RejectKind::Empty);
        return;
    }
    for (position, entry) in entries.into_iter().enumerate() {
        if out.over_limit() {
            return;
        }
        let origin = Origin {
            index: Some(position + 1),
            ..base.clone()
        };
        if entry.tag != der::Tag::Sequence {
            let label = pkcs7_choice_label(entry.tag);
            out.reject(origin, RejectKind::NotACertificate { label });
            continue;
        }
        match check_certificate(&entry.tlv) {
            Ok(()) => out.push_cert(entry.tlv, origin),
            Err(detail) => out.reject(origin, RejectKind::ParseError { detail }),
        }
    }
}

/// CertificateChoices other than a plain certificate (RFC 5652, 10.2.2).
fn pkcs7_choice_label(tag: der::Tag) -> String {
    match tag.number().value() {
        0 => tr!("pki-pkcs7-extended-certificate"),
        1 | 2 => tr!("pki-pkcs7-attribute-certificate"),
        3 => tr!("pki-pkcs7-other-certificate-format"),
        _ => tr!("pki-pkcs7-unknown-entry", tag = tag.to_string()),
    }
}

pub(super) fn not_signed_data_rejection(content_type: &str) -> RejectKind {
    let name = match content_type {
        "1.2.840.113549.1.7.1" => "data",
        "1.2.840.113549.1.7.3" => "envelopedData",
        "1.2.840.113549.1.7.5" => "digestedData",
        "1.2.840.113549.1.7.6" => "encryptedData",
        _ => "content",
    };
    RejectKind::Unsupported {
        format: format!("PKCS#7/CMS {name} ({content_type})"),
        detail: tr!("pki-pkcs7-not-signed-data-detail"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::pki::bundle::test_support::{
        cert_der, only_rejection, parse_error_detail, pkcs7, tlv,
    };
    use crate::pki::bundle::{parse_input, InputFormat, RejectKind, MAX_ENTRIES};

    #[test]
    fn pkcs7_der_keeps_the_order_of_the_file() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        for order in [[&a, &b], [&b, &a]] {
            let bundle = pkcs7(&[order[0], order[1]]);
            let parsed = parse_input("chain.p7b", &bundle);
            assert!(parsed.rejected.is_empty(), "{parsed:?}");
            let ders: Vec<&Vec<u8>> = parsed.certs.iter().map(|c| &c.der).collect();
            assert_eq!(ders, order);
            for (i, cert) in parsed.certs.iter().enumerate() {
                assert_eq!(cert.origin.format, Some(InputFormat::Pkcs7Der));
                assert_eq!(cert.origin.index, Some(i + 1));
            }
            assert_eq!(
                parsed.certs[1].origin.to_string(),
                "chain.p7b certificate 2"
            );
        }
    }

    #[test]
    fn pkcs7_from_the_cms_encoder_is_read() {
        use cms::cert::x509::Certificate;
        use der::{Decode, Encode};

        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let path = vec![
            Certificate::from_der(&a).unwrap(),
            Certificate::from_der(&b).unwrap(),
        ];
        let bundle = cms::content_info::ContentInfo::try_from(path)
            .unwrap()
            .to_der()
            .unwrap();
        let parsed = parse_input("chain.p7b", &bundle);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        let mut ders: Vec<Vec<u8>> = parsed.certs.into_iter().map(|c| c.der).collect();
        ders.sort();
        let mut expected = vec![a, b];
        expected.sort();
        assert_eq!(ders, expected);
    }

    #[test]
    fn pkcs7_without_certificates_is_empty() {
        let parsed = parse_input("empty.p7b", &pkcs7(&[]));
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.kind, RejectKind::Empty);
        assert_eq!(rejected.origin.format, Some(InputFormat::Pkcs7Der));
    }

    #[test]
    fn pkcs7_with_a_broken_certificate_names_its_index() {
        let a = cert_der("a.example");
        let broken = tlv(0x30, &tlv(0x02, &[1]));
        let parsed = parse_input("chain.p7b", &pkcs7(&[&a, &broken]));
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(parsed.rejected[0].origin.index, Some(2));
        assert!(matches!(
            parsed.rejected[0].kind,
            RejectKind::ParseError { .. }
        ));
    }

    #[test]
    fn broken_pkcs7_is_a_parse_error() {
        let mut bundle = pkcs7(&[&cert_der("a.example")]);
        let last = bundle.len() - 1;
        bundle.truncate(last);
        let parsed = parse_input("chain.p7b", &bundle);
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.format, Some(InputFormat::Pkcs7Der));
        assert!(parse_error_detail(&rejected.kind).contains("PKCS#7"));
    }

    #[test]
    fn pkcs7_with_more_certificates_than_the_limit_stops_reading() {
        let der = cert_der("a.example");
        let copies: Vec<&[u8]> = std::iter::repeat_n(der.as_slice(), MAX_ENTRIES + 1).collect();
        let parsed = parse_input("ca.p7b", &pkcs7(&copies));
        assert!(parsed.over_entry_limit);
        assert!(parsed.certs.len() <= MAX_ENTRIES + 1);
        let parsed = parse_input("ca.p7b", &pkcs7(&copies[..MAX_ENTRIES]));
        assert!(!parsed.over_entry_limit);
        assert_eq!(parsed.certs.len(), MAX_ENTRIES);
    }
}
