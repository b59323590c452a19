//! Distinguished names as MongoDB's server writes them: RFC 2253, the way mongod formats a
//! client certificate's subject into the MONGODB-X509 user name (OpenSSL's
//! `XN_FLAG_RFC2253` without `ASN1_STRFLGS_ESC_MSB`: last RDN first, OpenSSL's short attribute
//! names, UTF-8 kept, the RFC 2253 specials escaped, other value types as `#` and their DER in
//! hex). `openssl x509 -noout -subject -nameopt RFC2253,-esc_msb` prints the same text, and the
//! tests compare the two.

use x509_parser::der_parser::asn1_rs::{Any, Tag, ToDer};
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

/// The RFC 2253 text of `name`, as mongod derives a MONGODB-X509 user name from it.
pub fn rfc2253(name: &X509Name<'_>) -> String {
    let rdns: Vec<String> = name
        .iter()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(|rdn| rdn.iter().map(attribute).collect::<Vec<String>>().join("+"))
        .collect();
    rdns.join(",")
}

fn attribute(atv: &AttributeTypeAndValue<'_>) -> String {
    let oid = atv.attr_type().to_id_string();
    let key = short_name(&oid).map_or(oid, str::to_string);
    let value = match text_of(atv.attr_value()) {
        Some(text) => escape(&text),
        None => dump(atv.attr_value()),
    };
    format!("{key}={value}")
}

/// OpenSSL's short names for the attributes certificates carry (`objects.txt`).
fn short_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.4" => "SN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.9" => "street",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.12" => "title",
        "2.5.4.13" => "description",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.41" => "name",
        "2.5.4.42" => "GN",
        "2.5.4.43" => "initials",
        "2.5.4.44" => "generationQualifier",
        "2.5.4.46" => "dnQualifier",
        "2.5.4.65" => "pseudonym",
        "2.5.4.97" => "organizationIdentifier",
        "0.9.2342.19200300.100.1.1" => "UID",
        "0.9.2342.19200300.100.1.25" => "DC",
        "1.2.840.113549.1.9.1" => "emailAddress",
        _ => return None,
    })
}

/// The value as text, for the string types OpenSSL converts to UTF-8; `None` for the rest
/// (and for a string whose bytes do not decode), which are dumped in hex.
fn text_of(value: &Any<'_>) -> Option<String> {
    let data = value.data;
    match value.tag() {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::NumericString
        | Tag::VisibleString => String::from_utf8(data.to_vec()).ok(),
        // T61String: OpenSSL reads each byte as one Latin-1 character.
        Tag::T61String => Some(data.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            if !data.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        Tag::UniversalString => {
            if !data.len().is_multiple_of(4) {
                return None;
            }
            data.chunks_exact(4)
                .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
                .collect()
        }
        _ => None,
    }
}

/// RFC 2253 §2.4 as OpenSSL applies it: the specials and control characters escaped, a
/// leading `#` or space and a trailing space escaped, other characters (UTF-8 too) kept.
fn escape(text: &str) -> String {
    let last = text.chars().count().saturating_sub(1);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// `#` and the value's DER in lower-case hex, as RFC 2253 §2.4 writes a non-string value.
fn dump(value: &Any<'_>) -> String {
    let der = value.to_der_vec().unwrap_or_default();
    let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
    format!("#{hex}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use rcgen::{CertificateParams, DistinguishedName, DnType, DnValue, KeyPair};
    use x509_parser::prelude::FromDer;

    fn subject_of(dn: DistinguishedName) -> String {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name = dn;
        let key = KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        let (_, parsed) = x509_parser::certificate::X509Certificate::from_der(cert.der()).unwrap();
        rfc2253(parsed.subject())
    }

    #[test]
    fn last_rdn_first_with_short_names() {
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CountryName, "CN");
        dn.push(DnType::StateOrProvinceName, "Zhejiang");
        dn.push(DnType::OrganizationName, "Example");
        dn.push(DnType::OrganizationalUnitName, "apps");
        dn.push(DnType::CommonName, "orders-service");
        assert_eq!(
            subject_of(dn),
            "CN=orders-service,OU=apps,O=Example,ST=Zhejiang,C=CN"
        );
    }

    #[test]
    fn specials_are_escaped_and_utf8_kept() {
        let mut dn = DistinguishedName::new();
        dn.push(DnType::OrganizationName, "Acme, Inc. <east>");
        dn.push(DnType::CommonName, DnValue::Utf8String("#app +1 ".into()));
        dn.push(DnType::LocalityName, "杭州");
        assert_eq!(
            subject_of(dn),
            "L=杭州,CN=\\#app \\+1\\ ,O=Acme\\, Inc. \\<east\\>"
        );
    }

    #[test]
    fn bmp_strings_are_decoded_and_unknown_types_dumped() {
        let mut dn = DistinguishedName::new();
        dn.push(
            DnType::CommonName,
            DnValue::BmpString("a中".try_into().unwrap()),
        );
        dn.push(
            DnType::CustomDnType(vec![1, 2, 3, 4]),
            DnValue::PrintableString("x".try_into().unwrap()),
        );
        assert_eq!(subject_of(dn), "1.2.3.4=x,CN=a中");
    }

    #[test]
    fn control_characters_are_hex_escaped() {
        assert_eq!(escape("a\u{1}b"), "a\\01b");
        assert_eq!(escape(" "), "\\ ");
        assert_eq!(escape(""), "");
    }
}
