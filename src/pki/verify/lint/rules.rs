//! The rules about a certificate's structure: version, unique identifiers, serial number,
//! duplicate extensions, validity encoding, key identifiers, the CA profile (basicConstraints,
//! keyUsage), extended key usage, policy constraints, authority information access, keys.

use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{ParsedExtension, X509Extension};
use x509_parser::public_key::PublicKey;

use super::{Facts, Lint, Rule};
use crate::pki::inspect::{colon_hex, Cert};

pub(super) const AKI: &str = "2.5.29.35";
pub(super) const SKI: &str = "2.5.29.14";
pub(super) const BASIC_CONSTRAINTS: &str = "2.5.29.19";
pub(super) const KEY_USAGE: &str = "2.5.29.15";
pub(super) const EKU: &str = "2.5.29.37";
pub(super) const SAN: &str = "2.5.29.17";
pub(super) const NAME_CONSTRAINTS: &str = "2.5.29.30";
pub(super) const POLICY_CONSTRAINTS: &str = "2.5.29.36";
pub(super) const AIA: &str = "1.3.6.1.5.5.7.1.1";

/// The first extension with `oid` (duplicates are a rule of their own).
pub(super) fn extension<'a, 'b>(
    x: &'b X509Certificate<'a>,
    oid: &str,
) -> Option<&'b X509Extension<'a>> {
    x.iter_extensions().find(|e| e.oid.to_id_string() == oid)
}

/// Version, unique identifiers, serial number, duplicate extensions, validity encoding.
pub(super) fn structure(x: &X509Certificate<'_>, facts: &Facts, out: &mut Vec<Lint>) {
    let version = x.version().0 + 1;
    if version != 3 {
        out.push(Lint::with(Rule::NotV3, version.to_string()));
    }
    if x.tbs_certificate.issuer_uid.is_some() || x.tbs_certificate.subject_uid.is_some() {
        out.push(Lint::new(Rule::UniqueIdentifiers));
    }
    // A root's serial number identifies nothing on the path (and long-trusted roots such as
    // Starfield Root G2 have serial 0).
    if !facts.root {
        serial(x.raw_serial(), out);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut duplicated: Vec<String> = Vec::new();
    for e in x.iter_extensions() {
        let oid = e.oid.to_id_string();
        if seen.contains(&oid) {
            if !duplicated.contains(&oid) {
                duplicated.push(oid);
            }
        } else {
            seen.push(oid);
        }
    }
    for oid in duplicated {
        out.push(Lint::with(Rule::DuplicateExtension, oid));
    }
    let validity = x.validity();
    for (field, time) in [
        ("notBefore", &validity.not_before),
        ("notAfter", &validity.not_after),
    ] {
        let year = time.to_datetime().year();
        if (year < 2050) == time.is_generalizedtime() {
            out.push(Lint::with(Rule::ValidityEncoding, field));
        }
    }
}

/// Serial number: positive, non-zero, at most 20 octets.
fn serial(raw: &[u8], out: &mut Vec<Lint>) {
    if raw.first().is_some_and(|b| b & 0x80 != 0) {
        out.push(Lint::with(Rule::SerialNegative, colon_hex(raw)));
    } else if raw.iter().all(|&b| b == 0) {
        out.push(Lint::new(Rule::SerialZero));
    }
    if raw.len() > 20 {
        out.push(Lint::with(Rule::SerialTooLong, raw.len().to_string()));
    }
}

/// Authority and subject key identifiers.
pub(super) fn key_identifiers(
    cert: &Cert,
    x: &X509Certificate<'_>,
    facts: &Facts,
    out: &mut Vec<Lint>,
) {
    match extension(x, AKI) {
        None if !facts.self_issued => out.push(Lint::new(Rule::MissingAki)),
        None => {}
        Some(e) => {
            if e.critical {
                out.push(Lint::new(Rule::CriticalAki));
            }
            if let ParsedExtension::AuthorityKeyIdentifier(aki) = e.parsed_extension() {
                match &aki.key_identifier {
                    None => out.push(Lint::new(Rule::AkiWithoutKeyId)),
                    Some(id) => {
                        let ski = cert.info.subject_key_id.as_deref();
                        if facts.self_issued
                            && ski.is_some_and(|s| s != colon_hex(id.0))
                            && cert.is_self_signed()
                        {
                            out.push(Lint::new(Rule::AkiSkiMismatch));
                        }
                    }
                }
                if aki.authority_cert_issuer.is_some() || aki.authority_cert_serial.is_some() {
                    out.push(Lint::new(Rule::AkiIssuerSerial));
                }
            }
        }
    }
    match extension(x, SKI) {
        None if facts.ca => out.push(Lint::new(Rule::MissingSki)),
        Some(e) if e.critical => out.push(Lint::new(Rule::CriticalSki)),
        _ => {}
    }
}

/// basicConstraints and keyUsage of CA certificates, keyCertSign of the others.
pub(super) fn ca_profile(x: &X509Certificate<'_>, facts: &Facts, out: &mut Vec<Lint>) {
    let bc = extension(x, BASIC_CONSTRAINTS);
    let ca_flag = match bc.map(X509Extension::parsed_extension) {
        Some(ParsedExtension::BasicConstraints(bc)) => bc.ca,
        _ => false,
    };
    match bc {
        Some(e) if ca_flag && !e.critical => {
            out.push(Lint::new(Rule::BasicConstraintsNotCritical));
        }
        None if facts.top && !facts.leaf => {
            out.push(Lint::new(Rule::CaMissingBasicConstraints));
        }
        _ => {}
    }
    let key_cert_sign = match extension(x, KEY_USAGE).map(X509Extension::parsed_extension) {
        None => {
            if facts.ca {
                out.push(Lint::new(Rule::CaMissingKeyUsage));
            }
            return;
        }
        Some(ParsedExtension::KeyUsage(ku)) => ku.key_cert_sign(),
        Some(_) => return,
    };
    if ca_flag && !key_cert_sign {
        out.push(Lint::new(Rule::CaWithoutKeyCertSign));
    }
    if key_cert_sign && !ca_flag {
        out.push(Lint::new(Rule::KeyCertSignWithoutCa));
    }
}

/// Extended key usage, policy constraints, authority information access.
pub(super) fn usages(x: &X509Certificate<'_>, facts: &Facts, out: &mut Vec<Lint>) {
    match extension(x, EKU) {
        None => {}
        Some(e) => {
            if let ParsedExtension::ExtendedKeyUsage(eku) = e.parsed_extension() {
                let empty = !(eku.any
                    || eku.server_auth
                    || eku.client_auth
                    || eku.code_signing
                    || eku.email_protection
                    || eku.time_stamping
                    || eku.ocsp_signing)
                    && eku.other.is_empty();
                if empty {
                    out.push(Lint::new(Rule::EkuEmpty));
                }
                if facts.leaf && eku.any {
                    out.push(Lint::new(Rule::EkuAny));
                }
            }
            if facts.leaf && e.critical {
                out.push(Lint::new(Rule::EkuCritical));
            }
            if facts.root {
                out.push(Lint::new(Rule::RootHasEku));
            }
        }
    }
    if extension(x, POLICY_CONSTRAINTS).is_some_and(|e| !e.critical) {
        out.push(Lint::new(Rule::PolicyConstraintsNotCritical));
    }
    if let Some(e) = extension(x, AIA) {
        let empty = match e.parsed_extension() {
            ParsedExtension::AuthorityInfoAccess(aia) => aia.accessdescs.is_empty(),
            _ => true,
        };
        if empty {
            out.push(Lint::new(Rule::AiaEmpty));
        }
    }
}

/// Key algorithms and sizes the Baseline Requirements allow.
pub(super) fn keys(x: &X509Certificate<'_>, out: &mut Vec<Lint>) {
    match x.public_key().parsed() {
        Ok(PublicKey::DSA(_)) => out.push(Lint::new(Rule::DsaKey)),
        Ok(PublicKey::RSA(rsa)) => {
            let bits = modulus_bits(rsa.modulus);
            if !bits.is_multiple_of(8) {
                out.push(Lint::with(Rule::RsaModulusSize, bits.to_string()));
            }
        }
        _ => {}
    }
}

/// The exact size in bits of a big-endian modulus (leading zero octets and bits left out).
pub(super) fn modulus_bits(modulus: &[u8]) -> usize {
    let mut bytes = modulus.iter().skip_while(|&&b| b == 0);
    match bytes.next() {
        Some(&first) => (8 - first.leading_zeros() as usize) + 8 * bytes.count(),
        None => 0,
    }
}
