//! `parse_input` on arbitrary bytes (PEM, DER, PKCS#7, ZIP, JKS, UTF-16, ...), then
//! `Cert::parse` on every certificate it returns.
//!
//! Properties: nothing panics; every `RawCert` the loader returns parses with `Cert::parse`
//! (the loader promises it only returns DER that x509-parser accepted as a certificate).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongotls::pki::bundle::parse_input;
use mongotls::pki::inspect::Cert;
use time::macros::datetime;

fuzz_target!(|data: &[u8]| {
    let now = datetime!(2020-06-01 00:00 UTC);
    let parsed = parse_input("fuzz", data);
    let mut certs = Vec::with_capacity(parsed.certs.len());
    for raw in &parsed.certs {
        match Cert::parse(raw.der.clone(), now) {
            Ok(cert) => certs.push(cert),
            Err(e) => panic!(
                "parse_input returned a certificate ({}) that Cert::parse rejects: {e}",
                raw.origin
            ),
        }
    }
    // Cheap accessors used by every report.
    for (i, cert) in certs.iter().enumerate() {
        let _ = cert.short_name();
        let _ = cert.is_self_signed();
        let _ = cert.is_valid_at(now);
        if let Some(next) = certs.get(i + 1) {
            let _ = cert.names_issuer(next);
            let _ = cert.key_id_matches(next);
        }
    }
    // Rejections and notes are rendered to the user: Display must not panic either.
    for r in &parsed.rejected {
        let _ = r.origin.to_string();
        let _ = format!("{:?}", r.kind);
    }
    for (origin, _) in &parsed.notes {
        let _ = origin.to_string();
    }
});
