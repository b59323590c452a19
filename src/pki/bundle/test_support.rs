//! Fixtures for the unit tests of the bundle reader, all made at run time: certificates, PEM,
//! PKCS#7, PKCS#12-like and ZIP bytes, and accessors that assert the shape of a result.

use super::{ParsedInput, RejectKind, Rejected};

pub(super) fn self_signed(name: &str) -> rcgen::CertifiedKey {
    rcgen::generate_simple_self_signed(vec![name.to_string()]).unwrap()
}

pub(super) fn cert_der(name: &str) -> Vec<u8> {
    self_signed(name).cert.der().to_vec()
}

pub(super) fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::new();
    for chunk in data.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..4 {
            if i <= chunk.len() {
                text.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

/// A PEM block with 64-column lines and LF endings.
pub(super) fn pem(label: &str, der: &[u8]) -> String {
    let mut text = format!("-----BEGIN {label}-----\n");
    for line in base64(der).as_bytes().chunks(64) {
        text.push_str(std::str::from_utf8(line).unwrap());
        text.push('\n');
    }
    text.push_str(&format!("-----END {label}-----\n"));
    text
}

pub(super) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

pub(super) const OID_PKCS7_DATA: &[u8] = b"\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x07\x01";

const OID_PKCS7_SIGNED_DATA: &[u8] = b"\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x07\x02";

/// A certs-only PKCS#7 as `openssl crl2pkcs7 -nocrl` writes it, certificates in the order
/// given (not DER-sorted).
pub(super) fn pkcs7(certs: &[&[u8]]) -> Vec<u8> {
    let certificates = if certs.is_empty() {
        Vec::new()
    } else {
        tlv(0xA0, &certs.concat())
    };
    let signed_data = tlv(
        0x30,
        &[
            tlv(0x02, &[1]),
            tlv(0x31, &[]),
            tlv(0x30, OID_PKCS7_DATA),
            certificates,
            tlv(0xA1, &[]),
            tlv(0x31, &[]),
        ]
        .concat(),
    );
    tlv(
        0x30,
        &[OID_PKCS7_SIGNED_DATA.to_vec(), tlv(0xA0, &signed_data)].concat(),
    )
}

pub(super) fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;

    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in members {
        if name.ends_with('/') {
            writer.add_directory(*name, options).unwrap();
        } else {
            writer.start_file(*name, options).unwrap();
            writer.write_all(data).unwrap();
        }
    }
    writer.finish().unwrap().into_inner()
}

pub(super) const JKS: &[u8] =
    b"\xFE\xED\xFE\xED\x00\x00\x00\x02\x00\x00\x00\x01not really a keystore";

/// PFX header: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data, … } … } and junk.
pub(super) fn pkcs12_like() -> Vec<u8> {
    let auth_safe = tlv(0x30, &[OID_PKCS7_DATA, b"\xA0\x03\x04\x01\x00"].concat());
    tlv(
        0x30,
        &[b"\x02\x01\x03".as_slice(), &auth_safe, &tlv(0x30, &[0; 40])].concat(),
    )
}

pub(super) fn only_rejection(parsed: &ParsedInput) -> &Rejected {
    assert!(parsed.certs.is_empty(), "{parsed:?}");
    assert_eq!(parsed.rejected.len(), 1, "{parsed:?}");
    &parsed.rejected[0]
}

pub(super) fn unsupported_format(kind: &RejectKind) -> &str {
    match kind {
        RejectKind::Unsupported { format, .. } => format,
        other => panic!("expected Unsupported, got {other:?}"),
    }
}

pub(super) fn parse_error_detail(kind: &RejectKind) -> &str {
    match kind {
        RejectKind::ParseError { detail } => detail,
        other => panic!("expected ParseError, got {other:?}"),
    }
}

pub(super) const BROKEN_BLOCK: &str = "-----BEGIN CERTIFICATE-----\n!\n-----END CERTIFICATE-----\n";
