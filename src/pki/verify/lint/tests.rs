//! One test per rule, with certificates made by rcgen (custom extensions where rcgen writes
//! only the conformant form; a patched serial or version where rcgen cannot write the bad one:
//! the lint never checks signatures), and the findings `verify` makes of them.

use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, GeneralSubtree, IsCa, KeyPair, KeyUsagePurpose, NameConstraints,
    SerialNumber,
};
use time::Duration;

use super::super::checks::test_support::{mentions, the, verify, verify_strict};
use super::names::is_host_name;
use super::{lint_certificate, Lint, Place, Rule};
use crate::findings::{ClientAction, ClientVerdicts, Code, Severity};
use crate::pki::inspect::test_certs::{hierarchy, now, server, Made};
use crate::pki::inspect::Cert;

const LEAF: Place = Place {
    leaf: true,
    top: false,
};
const INTERMEDIATE: Place = Place {
    leaf: false,
    top: false,
};
const ROOT: Place = Place {
    leaf: false,
    top: true,
};

/// A conformant server certificate "db.example.com" for `dns`, to adjust.
fn leaf_params(dns: &[&str]) -> CertificateParams {
    let mut p =
        CertificateParams::new(dns.iter().map(|d| d.to_string()).collect::<Vec<_>>()).unwrap();
    p.distinguished_name = DistinguishedName::new();
    p.distinguished_name
        .push(DnType::CommonName, "db.example.com");
    p.not_before = now() - Duration::days(30);
    p.not_after = now() + Duration::days(300);
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p.use_authority_key_identifier_extension = true;
    p
}

/// A conformant CA certificate "Lint CA", to adjust.
fn ca_params() -> CertificateParams {
    let mut p = CertificateParams::default();
    p.distinguished_name = DistinguishedName::new();
    p.distinguished_name.push(DnType::CommonName, "Lint CA");
    p.not_before = now() - Duration::days(30);
    p.not_after = now() + Duration::days(300);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p
}

/// Signs `params` by `issuer` (self-signed when `None`) with a fresh P-256 key.
fn make(params: CertificateParams, issuer: Option<&Made>) -> Made {
    let key = KeyPair::generate().unwrap();
    let cert = match issuer {
        Some(i) => params.signed_by(&key, &i.cert, &i.key).unwrap(),
        None => params.self_signed(&key).unwrap(),
    };
    Made { cert, key }
}

/// An extension rcgen does not write itself (or not in this form).
fn ext(oid: &[u64], critical: bool, content: Vec<u8>) -> CustomExtension {
    let mut e = CustomExtension::from_oid_content(oid, content);
    e.set_criticality(critical);
    e
}

/// DER: tag, definite length, content.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    match content.len() {
        n @ 0..=127 => out.push(n as u8),
        n @ 128..=255 => out.extend([0x81, n as u8]),
        n => out.extend([0x82, (n >> 8) as u8, n as u8]),
    }
    out.extend_from_slice(content);
    out
}

/// The elements of a DER SEQUENCE's content, as (tag, content).
fn elements(mut der: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    while !der.is_empty() {
        let (len, header) = match der[1] {
            n @ 0..=127 => (n as usize, 2),
            0x81 => (der[2] as usize, 3),
            _ => (((der[2] as usize) << 8) | der[3] as usize, 4),
        };
        out.push((der[0], der[header..header + len].to_vec()));
        der = &der[header + len..];
    }
    out
}

/// The certificate with its TBSCertificate's elements edited by `edit` and re-encoded (the
/// signature no longer verifies; the lint does not check it).
fn with_tbs(made: &Made, edit: impl FnOnce(&mut Vec<(u8, Vec<u8>)>)) -> Vec<u8> {
    let cert = elements(made.cert.der());
    let outer = elements(&cert[0].1);
    let mut tbs = elements(&outer[0].1);
    edit(&mut tbs);
    let tbs: Vec<u8> = tbs.iter().flat_map(|(t, c)| tlv(*t, c)).collect();
    let mut content = tlv(0x30, &tbs);
    content.extend(outer[1..].iter().flat_map(|(t, c)| tlv(*t, c)));
    tlv(0x30, &content)
}

fn rules_of(der: &[u8], place: Place) -> Vec<Rule> {
    lints_of(der, place).into_iter().map(|l| l.rule).collect()
}

fn lints_of(der: &[u8], place: Place) -> Vec<Lint> {
    let cert = Cert::parse(der.to_vec(), now()).unwrap();
    lint_certificate(&cert, place)
}

fn rules(made: &Made, place: Place) -> Vec<Rule> {
    rules_of(made.cert.der(), place)
}

/// The certificate's DER with the first occurrence of `from` replaced by `to` (same length).
fn patched(made: &Made, from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut der = made.cert.der().to_vec();
    let at = der
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern in DER");
    der[at..at + to.len()].copy_from_slice(to);
    der
}

#[test]
fn a_conformant_hierarchy_has_no_lint() {
    let root = make(ca_params(), None);
    let intermediate = make(
        {
            let mut p = ca_params();
            p.use_authority_key_identifier_extension = true;
            p
        },
        Some(&root),
    );
    let leaf = make(leaf_params(&["db.example.com"]), Some(&intermediate));
    assert_eq!(rules(&root, ROOT), []);
    assert_eq!(rules(&intermediate, INTERMEDIATE), []);
    assert_eq!(rules(&leaf, LEAF), []);
    let h = hierarchy();
    let v = verify(
        &[&h.root],
        &[&h.leaf, &h.intermediate],
        Some("db.example.com"),
    );
    assert!(v.findings.is_empty(), "{:#?}", v.findings);
}

#[test]
fn missing_aki() {
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.use_authority_key_identifier_extension = false;
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::MissingAki]);
    // A self-signed certificate may omit it.
    assert_eq!(rules(&root, ROOT), []);
}

#[test]
fn critical_aki_and_aki_forms() {
    let root = make(ca_params(), None);
    let key_id = tlv(0x80, &[0x11; 20]);
    let mut p = leaf_params(&["db.example.com"]);
    p.use_authority_key_identifier_extension = false;
    p.custom_extensions = vec![ext(&[2, 5, 29, 35], true, tlv(0x30, &key_id))];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::CriticalAki]);

    // authorityCertSerialNumber alone: no keyIdentifier, and the issuer/serial form.
    let mut p = leaf_params(&["db.example.com"]);
    p.use_authority_key_identifier_extension = false;
    p.custom_extensions = vec![ext(&[2, 5, 29, 35], false, tlv(0x30, &tlv(0x82, &[1])))];
    assert_eq!(
        rules(&make(p, Some(&root)), LEAF),
        [Rule::AkiWithoutKeyId, Rule::AkiIssuerSerial]
    );
}

#[test]
fn aki_ski_mismatch_on_a_self_signed_root() {
    let mut p = ca_params();
    p.custom_extensions = vec![ext(
        &[2, 5, 29, 35],
        false,
        tlv(0x30, &tlv(0x80, &[0x11; 20])),
    )];
    assert_eq!(rules(&make(p, None), ROOT), [Rule::AkiSkiMismatch]);
}

/// A CA certificate rcgen writes without subjectKeyIdentifier: basicConstraints as a custom
/// extension, with the given criticality.
fn ca_without_ski(bc_critical: bool) -> Made {
    let mut p = ca_params();
    p.is_ca = IsCa::NoCa;
    let bc = tlv(0x30, &[0x01, 0x01, 0xff]);
    p.custom_extensions = vec![ext(&[2, 5, 29, 19], bc_critical, bc)];
    make(p, None)
}

#[test]
fn missing_ski_and_critical_ski() {
    assert_eq!(rules(&ca_without_ski(true), ROOT), [Rule::MissingSki]);
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.is_ca = IsCa::NoCa;
    p.custom_extensions = vec![ext(&[2, 5, 29, 14], true, tlv(0x04, &[0x22; 20]))];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::CriticalSki]);
}

#[test]
fn basic_constraints_not_critical() {
    assert_eq!(
        rules(&ca_without_ski(false), ROOT),
        [Rule::MissingSki, Rule::BasicConstraintsNotCritical]
    );
}

#[test]
fn a_trust_anchor_without_basic_constraints() {
    let mut p = ca_params();
    p.is_ca = IsCa::NoCa;
    let found = rules(&make(p, None), ROOT);
    assert!(
        found.contains(&Rule::CaMissingBasicConstraints),
        "{found:?}"
    );
    // Not reported for the server's own certificate.
    let mut p = leaf_params(&["db.example.com"]);
    p.is_ca = IsCa::NoCa;
    let root = make(ca_params(), None);
    assert_eq!(rules(&make(p, Some(&root)), LEAF), []);
}

#[test]
fn ca_key_usage_rules() {
    let mut p = ca_params();
    p.key_usages = Vec::new();
    assert_eq!(rules(&make(p, None), ROOT), [Rule::CaMissingKeyUsage]);
    let mut p = ca_params();
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    assert_eq!(rules(&make(p, None), ROOT), [Rule::CaWithoutKeyCertSign]);
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyCertSign,
    ];
    assert_eq!(
        rules(&make(p, Some(&root)), LEAF),
        [Rule::KeyCertSignWithoutCa]
    );
}

#[test]
fn empty_subjects() {
    let mut p = ca_params();
    p.distinguished_name = DistinguishedName::new();
    let found = rules(&make(p, None), ROOT);
    assert_eq!(
        found,
        [Rule::CaEmptySubject, Rule::EmptySubjectSanNotCritical]
    );
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.distinguished_name = DistinguishedName::new();
    assert_eq!(
        rules(&make(p, Some(&root)), LEAF),
        [Rule::EmptySubjectSanNotCritical]
    );
}

/// A SAN extension written by hand: DNS names, critical or not.
fn san(dns: &[&str], critical: bool) -> CustomExtension {
    let names: Vec<u8> = dns.iter().flat_map(|d| tlv(0x82, d.as_bytes())).collect();
    ext(&[2, 5, 29, 17], critical, tlv(0x30, &names))
}

#[test]
fn san_criticality_and_an_empty_san() {
    let root = make(ca_params(), None);
    let mut p = leaf_params(&[]);
    p.custom_extensions = vec![san(&["db.example.com"], true)];
    assert_eq!(
        rules(&make(p, Some(&root)), LEAF),
        [Rule::SanCriticalWithSubject]
    );
    // Critical with an empty subject is what RFC 5280 asks for.
    let mut p = leaf_params(&[]);
    p.distinguished_name = DistinguishedName::new();
    p.custom_extensions = vec![san(&["db.example.com"], true)];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), []);
    let mut p = leaf_params(&[]);
    p.custom_extensions = vec![san(&[], false)];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::EmptySan]);
}

#[test]
fn serial_numbers() {
    let root = make(ca_params(), None);
    let with_serial = |serial: Vec<u8>| {
        let mut p = leaf_params(&["db.example.com"]);
        p.serial_number = Some(SerialNumber::from_slice(&serial));
        make(p, Some(&root))
    };
    assert_eq!(rules(&with_serial(vec![0]), LEAF), [Rule::SerialZero]);
    let long = with_serial([1u8; 21].to_vec());
    let found = lints_of(long.cert.der(), LEAF);
    assert_eq!(found, [Lint::with(Rule::SerialTooLong, "21")]);
    assert_eq!(rules(&with_serial([0x7f; 20].to_vec()), LEAF), []);
    // rcgen writes positive serials only: make 7e:c0:ff:ee negative in the DER.
    let made = with_serial(vec![0x7e, 0xc0, 0xff, 0xee]);
    let der = patched(&made, &[0x7e, 0xc0, 0xff, 0xee], &[0xfe]);
    assert_eq!(
        lints_of(&der, LEAF),
        [Lint::with(Rule::SerialNegative, "fe:c0:ff:ee")]
    );
    // A root's serial number is not judged (Starfield Root G2 has serial 0).
    let mut p = ca_params();
    p.serial_number = Some(SerialNumber::from_slice(&[0]));
    assert_eq!(rules(&make(p, None), ROOT), []);
}

#[test]
fn dns_names_and_wildcards() {
    let root = make(ca_params(), None);
    let cases: [(&str, &[Rule]); 10] = [
        ("db_1.example.com", &[Rule::InvalidDnsName]),
        (".example.com", &[Rule::InvalidDnsName]),
        ("db..example.com", &[Rule::InvalidDnsName]),
        ("-db.example.com", &[Rule::InvalidDnsName]),
        ("db.*.example.com", &[Rule::WildcardNotLeftmost]),
        ("d*.example.com", &[Rule::WildcardNotLeftmost]),
        ("*.co.uk", &[Rule::WildcardPublicSuffix]),
        ("*.com", &[Rule::WildcardPublicSuffix]),
        // A private-section suffix's owner may have its wildcard (real S3 certificates do).
        ("*.s3.amazonaws.com", &[]),
        ("*.mongo.example.com", &[]),
    ];
    for (name, expected) in cases {
        let mut p = leaf_params(&[]);
        p.custom_extensions = vec![san(&[name], false)];
        assert_eq!(rules(&make(p, Some(&root)), LEAF), expected, "{name}");
    }
    assert!(is_host_name("xn--n3h.example"));
    assert!(!is_host_name(&"a".repeat(64)));
}

#[test]
fn not_v3() {
    let root = make(ca_params(), None);
    let made = make(leaf_params(&["db.example.com"]), Some(&root));
    // version [0] EXPLICIT INTEGER 2 (v3) → 1 (v2).
    let der = patched(
        &made,
        &[0xa0, 0x03, 0x02, 0x01, 0x02],
        &[0xa0, 0x03, 0x02, 0x01, 0x01],
    );
    assert_eq!(lints_of(&der, LEAF), [Lint::with(Rule::NotV3, "2")]);
}

#[test]
fn unique_identifiers() {
    let root = make(ca_params(), None);
    let made = make(leaf_params(&["db.example.com"]), Some(&root));
    // subjectUniqueID [2] IMPLICIT BIT STRING, before the extensions [3].
    let der = with_tbs(&made, |tbs| {
        let at = tbs.iter().position(|(t, _)| *t == 0xa3).unwrap();
        tbs.insert(at, (0x82, vec![0x00, 0x01]));
    });
    assert_eq!(rules_of(&der, LEAF), [Rule::UniqueIdentifiers]);
}

#[test]
fn validity_encoding() {
    let root = make(ca_params(), None);
    let made = make(leaf_params(&["db.example.com"]), Some(&root));
    // notAfter (2030) as GeneralizedTime instead of UTCTime.
    let der = with_tbs(&made, |tbs| {
        let mut validity = elements(&tbs[4].1);
        assert_eq!(validity[1].0, 0x17, "rcgen writes UTCTime before 2050");
        let mut generalized = b"20".to_vec();
        generalized.extend(&validity[1].1);
        validity[1] = (0x18, generalized);
        tbs[4].1 = validity.iter().flat_map(|(t, c)| tlv(*t, c)).collect();
    });
    assert_eq!(
        lints_of(&der, LEAF),
        [Lint::with(Rule::ValidityEncoding, "notAfter")]
    );
}

#[test]
fn duplicate_extension() {
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.custom_extensions = vec![
        ext(&[1, 3, 6, 1, 4, 1, 55738, 1], false, vec![0x05, 0x00]),
        ext(&[1, 3, 6, 1, 4, 1, 55738, 1], false, vec![0x05, 0x00]),
    ];
    assert_eq!(
        lints_of(make(p, Some(&root)).cert.der(), LEAF),
        [Lint::with(Rule::DuplicateExtension, "1.3.6.1.4.1.55738.1")]
    );
}

#[test]
fn validity_dates_from_2050_on_are_generalized_time() {
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.not_after = time::macros::datetime!(2051-01-01 00:00 UTC);
    assert_eq!(rules(&make(p, Some(&root)), LEAF), []);
}

#[test]
fn extended_key_usage_rules() {
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::Any];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::EkuAny]);
    let server_auth = tlv(0x06, &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01]);
    let mut p = leaf_params(&["db.example.com"]);
    p.extended_key_usages = Vec::new();
    p.custom_extensions = vec![ext(&[2, 5, 29, 37], true, tlv(0x30, &server_auth))];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::EkuCritical]);
    let mut p = leaf_params(&["db.example.com"]);
    p.extended_key_usages = Vec::new();
    p.custom_extensions = vec![ext(&[2, 5, 29, 37], false, tlv(0x30, &[]))];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::EkuEmpty]);
    let mut p = ca_params();
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let with_eku = make(p, None);
    assert_eq!(rules(&with_eku, ROOT), [Rule::RootHasEku]);
    // An intermediate may restrict its usages.
    assert_eq!(rules(&with_eku, INTERMEDIATE), []);
}

#[test]
fn name_constraints_rules() {
    let root = make(ca_params(), None);
    let permitted = tlv(0xa0, &tlv(0x30, &tlv(0x82, b"example.com")));
    let mut p = ca_params();
    p.custom_extensions = vec![ext(&[2, 5, 29, 30], false, tlv(0x30, &permitted))];
    assert_eq!(
        rules(&make(p, None), ROOT),
        [Rule::NameConstraintsNotCritical]
    );
    let mut p = ca_params();
    p.name_constraints = Some(NameConstraints {
        permitted_subtrees: vec![GeneralSubtree::DnsName(".example.com".into())],
        excluded_subtrees: Vec::new(),
    });
    assert_eq!(
        lints_of(make(p, None).cert.der(), ROOT),
        [Lint::with(Rule::NameConstraintsMalformed, ".example.com")]
    );
    let mut p = leaf_params(&["db.example.com"]);
    p.name_constraints = Some(NameConstraints {
        permitted_subtrees: vec![GeneralSubtree::DnsName("example.com".into())],
        excluded_subtrees: Vec::new(),
    });
    assert_eq!(
        rules(&make(p, Some(&root)), LEAF),
        [Rule::NameConstraintsInLeaf]
    );
}

#[test]
fn policy_constraints_and_an_empty_aia() {
    let mut p = ca_params();
    p.custom_extensions = vec![ext(&[2, 5, 29, 36], false, tlv(0x30, &tlv(0x80, &[0])))];
    assert_eq!(
        rules(&make(p, None), ROOT),
        [Rule::PolicyConstraintsNotCritical]
    );
    let root = make(ca_params(), None);
    let mut p = leaf_params(&["db.example.com"]);
    p.custom_extensions = vec![ext(&[1, 3, 6, 1, 5, 5, 7, 1, 1], false, tlv(0x30, &[]))];
    assert_eq!(rules(&make(p, Some(&root)), LEAF), [Rule::AiaEmpty]);
}

#[test]
fn a_cn_written_differently_from_its_san() {
    let root = make(ca_params(), None);
    let with_cn = |cn: &str, sans: &[&str]| {
        let mut p = leaf_params(sans);
        p.distinguished_name = DistinguishedName::new();
        p.distinguished_name.push(DnType::CommonName, cn);
        lints_of(make(p, Some(&root)).cert.der(), LEAF)
    };
    let differs = |cn: &str| vec![Lint::with(Rule::CnDiffersFromSan, cn)];
    assert_eq!(
        with_cn("DB.Example.com", &["db.example.com"]),
        differs("DB.Example.com")
    );
    assert_eq!(
        with_cn("192.168.001.001", &["192.168.1.1"]),
        differs("192.168.001.001")
    );
    assert_eq!(
        with_cn("0xC0A80101", &["192.168.1.1"]),
        differs("0xC0A80101")
    );
    assert_eq!(
        with_cn("2001:DB8::1", &["2001:db8::1"]),
        differs("2001:DB8::1")
    );
    assert_eq!(
        with_cn("test-測試.com", &["xn--test--gs1lv54n.com"]),
        differs("test-測試.com")
    );
    // The same text, or a CN that names none of them, is fine.
    assert_eq!(with_cn("2001:db8::1", &["2001:db8::1"]), []);
    assert_eq!(with_cn("MongoDB Server", &["db.example.com"]), []);
}

/// The certificate with another subjectPublicKeyInfo: `algorithm` (OID and parameters) and
/// the DER of the key in the BIT STRING.
fn with_key(made: &Made, algorithm: &[u8], key: &[u8]) -> Vec<u8> {
    let mut bits = vec![0x00];
    bits.extend_from_slice(key);
    let mut spki = tlv(0x30, algorithm);
    spki.extend(tlv(0x03, &bits));
    with_tbs(made, |tbs| tbs[6].1 = spki)
}

#[test]
fn key_algorithms_and_sizes() {
    let root = make(ca_params(), None);
    let made = make(leaf_params(&["db.example.com"]), Some(&root));
    // id-dsa with tiny (p, q, g), y = 5: only the algorithm matters.
    let mut dsa = tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01]);
    dsa.extend(tlv(
        0x30,
        &[[0x02, 0x01, 0x17], [0x02, 0x01, 0x0b], [0x02, 0x01, 0x02]].concat(),
    ));
    assert_eq!(
        rules_of(&with_key(&made, &dsa, &[0x02, 0x01, 0x05]), LEAF),
        [Rule::DsaKey]
    );
    // rsaEncryption with a 2052-bit modulus (0x0f then 256 octets).
    let mut rsa = tlv(
        0x06,
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01],
    );
    rsa.extend([0x05, 0x00]);
    let mut modulus = vec![0x0f];
    modulus.extend([0xab; 256]);
    let mut key = tlv(0x02, &modulus);
    key.extend(tlv(0x02, &[0x01, 0x00, 0x01]));
    assert_eq!(
        lints_of(&with_key(&made, &rsa, &tlv(0x30, &key)), LEAF),
        [Lint::with(Rule::RsaModulusSize, "2052")]
    );
}

#[test]
fn rsa_modulus_size_counts_exact_bits() {
    assert_eq!(super::rules::modulus_bits(&[0x00, 0x80, 0, 0]), 24);
    assert_eq!(super::rules::modulus_bits(&[0x0f, 0xff]), 12);
    assert_eq!(super::rules::modulus_bits(&[0x00]), 0);
}

#[test]
fn findings_warn_with_every_client_accepting_and_fail_in_strict_mode() {
    let h = hierarchy();
    let no_aki = {
        let mut p = leaf_params(&["db.example.com"]);
        p.use_authority_key_identifier_extension = false;
        make(p, Some(&h.intermediate))
    };
    let v = verify(
        &[&h.root],
        &[&no_aki, &h.intermediate],
        Some("db.example.com"),
    );
    let f = the(&v, Code::LintMissingAki, Severity::Warn, Some(0));
    assert_eq!(f.clients, Some(ClientVerdicts::all(ClientAction::Accept)));
    assert_eq!(f.rejected_by, Some(Vec::new()));
    mentions(
        &f.message,
        &["the server's certificate \"db.example.com\" has no authorityKeyIdentifier extension, which RFC 5280 §4.2.1.1 requires"],
    );
    assert_eq!(Code::LintMissingAki.as_str(), "lint.missing_aki");

    let v = verify_strict(
        &[&h.root],
        &[&no_aki, &h.intermediate],
        Some("db.example.com"),
    );
    let f = the(&v, Code::LintMissingAki, Severity::Fail, Some(0));
    assert!(
        f.message
            .starts_with("strict mode: the server's certificate"),
        "{}",
        f.message
    );
    assert!(!f.clients.unwrap().any_rejects());
    assert!(v.rustls_webpki.chain_accepted);
}

#[test]
fn the_anchor_is_linted_under_its_role() {
    let root = ca_without_ski(false);
    let leaf = server(&root).make();
    let v = verify(&[&root], &[&leaf], Some("db.example.com"));
    let f = the(
        &v,
        Code::LintBasicConstraintsNotCritical,
        Severity::Warn,
        Some(1),
    );
    mentions(&f.message, &["the CA certificate \"Lint CA\" from the CA file is a CA certificate whose basicConstraints extension is not critical"]);
}
