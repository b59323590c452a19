//! Checks that `tests/it/support/pki.rs` builds what each scenario claims:
//! structurally with x509-parser, and — where `openssl` / `keytool` are on PATH —
//! by asking OpenSSL (and Java) to judge the result.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::net::IpAddr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::pki::{self, files, scenarios, KeyKind, LeafSpec, Scenario, Validity};
use ::time::{Duration, OffsetDateTime};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::pem::Pem;
use x509_parser::prelude::FromDer;

// ---------------------------------------------------------------------------
// Inspection helpers
// ---------------------------------------------------------------------------

/// What the tests look at in one certificate, owned.
#[derive(Debug)]
struct Info {
    subject_raw: Vec<u8>,
    issuer_raw: Vec<u8>,
    subject: String,
    cn: Option<String>,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    has_san: bool,
    dns: Vec<String>,
    ips: Vec<IpAddr>,
    /// (serverAuth, clientAuth) if the extKeyUsage extension is present.
    eku: Option<(bool, bool)>,
    is_rsa: bool,
    key_bits: usize,
    is_ca: bool,
    ski: Option<Vec<u8>>,
    aki: Option<Vec<u8>>,
    aia_ca_issuers: Vec<String>,
}

impl Info {
    fn issued_by(&self, issuer: &Info) -> bool {
        self.issuer_raw == issuer.subject_raw && self.aki.is_some() && self.aki == issuer.ski
    }

    fn self_issued(&self) -> bool {
        self.issuer_raw == self.subject_raw
    }
}

fn info(der: &[u8]) -> Info {
    let (rest, cert) = X509Certificate::from_der(der).expect("parse certificate");
    assert!(rest.is_empty(), "trailing bytes after certificate");
    let mut info = Info {
        subject_raw: cert.subject().as_raw().to_vec(),
        issuer_raw: cert.issuer().as_raw().to_vec(),
        subject: cert.subject().to_string(),
        cn: cert
            .subject()
            .iter_common_name()
            .next()
            .map(|cn| cn.as_str().expect("CN as str").to_owned()),
        not_before: cert.validity().not_before.to_datetime(),
        not_after: cert.validity().not_after.to_datetime(),
        has_san: false,
        dns: Vec::new(),
        ips: Vec::new(),
        eku: None,
        is_rsa: false,
        key_bits: 0,
        is_ca: cert.is_ca(),
        ski: None,
        aki: None,
        aia_ca_issuers: Vec::new(),
    };
    match cert.public_key().parsed().expect("parse public key") {
        x509_parser::public_key::PublicKey::RSA(rsa) => {
            info.is_rsa = true;
            info.key_bits = rsa.key_size();
        }
        x509_parser::public_key::PublicKey::EC(ec) => info.key_bits = ec.key_size(),
        other => panic!("unexpected key type {other:?}"),
    }
    for ext in cert.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                info.has_san = true;
                for name in &san.general_names {
                    match name {
                        GeneralName::DNSName(d) => info.dns.push((*d).to_owned()),
                        GeneralName::IPAddress(b) => info.ips.push(match b.len() {
                            4 => IpAddr::from(<[u8; 4]>::try_from(*b).unwrap()),
                            16 => IpAddr::from(<[u8; 16]>::try_from(*b).unwrap()),
                            n => panic!("IP SAN of {n} bytes"),
                        }),
                        other => panic!("unexpected SAN {other:?}"),
                    }
                }
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                info.eku = Some((eku.server_auth, eku.client_auth));
            }
            ParsedExtension::SubjectKeyIdentifier(ki) => info.ski = Some(ki.0.to_vec()),
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                info.aki = aki.key_identifier.as_ref().map(|ki| ki.0.to_vec());
            }
            ParsedExtension::AuthorityInfoAccess(aia) => {
                for desc in aia.iter() {
                    assert_eq!(desc.access_method.to_id_string(), "1.3.6.1.5.5.7.48.2");
                    match &desc.access_location {
                        GeneralName::URI(uri) => info.aia_ca_issuers.push((*uri).to_owned()),
                        other => panic!("unexpected AIA location {other:?}"),
                    }
                }
            }
            ParsedExtension::UnsupportedExtension { .. } | ParsedExtension::ParseError { .. } => {
                panic!("extension {} did not parse", ext.oid)
            }
            _ => {}
        }
    }
    info
}

/// DER of every CERTIFICATE block in a PEM text, in order; fails on any other block.
fn pem_certs(pem: &str) -> Vec<Vec<u8>> {
    Pem::iter_from_buffer(pem.as_bytes())
        .map(|block| {
            let block = block.expect("PEM block");
            assert_eq!(block.label, "CERTIFICATE");
            block.contents
        })
        .collect()
}

fn infos(pem: &str) -> Vec<Info> {
    pem_certs(pem).iter().map(|der| info(der)).collect()
}

/// CA file and chain of a scenario, parsed.
fn parts(s: &Scenario) -> (Info, Vec<Info>) {
    let ca = infos(&s.ca_pem);
    assert_eq!(ca.len(), 1, "{}: CA file holds one root", s.name);
    let ca = ca.into_iter().next().unwrap();
    assert!(
        ca.is_ca && ca.self_issued(),
        "{}: CA file holds a root",
        s.name
    );
    (ca, infos(&s.chain_pem))
}

fn valid_at(c: &Info, t: OffsetDateTime) -> bool {
    c.not_before <= t && t <= c.not_after
}

/// Leaf + intermediate from a normally ordered chain, with the usual checks.
fn leaf_and_intermediate(s: &Scenario) -> (Info, Info, Info) {
    let (ca, chain) = parts(s);
    assert_eq!(chain.len(), 2, "{}: leaf + intermediate", s.name);
    let mut chain = chain.into_iter();
    let (leaf, inter) = (chain.next().unwrap(), chain.next().unwrap());
    assert!(!leaf.is_ca, "{}: leaf first", s.name);
    assert!(
        inter.is_ca && !inter.self_issued(),
        "{}: intermediate second",
        s.name
    );
    assert!(
        leaf.issued_by(&inter),
        "{}: leaf issued by intermediate",
        s.name
    );
    (ca, inter, leaf)
}

fn assert_good_leaf_names(leaf: &Info) {
    assert!(leaf.has_san);
    assert_eq!(leaf.dns, ["mongo-0.test.internal", "localhost"]);
    assert_eq!(leaf.ips, [IpAddr::from([127, 0, 0, 1])]);
    assert_eq!(leaf.cn.as_deref(), Some(pki::HOST));
    assert_eq!(leaf.eku, Some((true, true)));
    assert!(!leaf.is_rsa);
    assert_eq!(leaf.key_bits, 256);
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

// ---------------------------------------------------------------------------
// Structural checks, one per scenario
// ---------------------------------------------------------------------------

#[test]
fn good_is_a_complete_valid_chain() {
    let s = scenarios::good(now());
    assert_eq!(s.name, "good");
    assert_eq!(s.host, pki::HOST);
    assert_eq!(s.at.nanosecond(), 0);
    let (ca, inter, leaf) = leaf_and_intermediate(&s);
    assert!(inter.issued_by(&ca));
    assert_eq!(ca.cn.as_deref(), Some(pki::ROOT_CN));
    assert_eq!(inter.cn.as_deref(), Some(pki::INTERMEDIATE_CN));
    assert!(ca.subject.contains(pki::ORG), "{}", ca.subject);
    for c in [&ca, &inter, &leaf] {
        assert!(valid_at(c, s.at), "{c:?} valid at {}", s.at);
        assert!(c.aia_ca_issuers.is_empty());
    }
    assert_good_leaf_names(&leaf);
    assert!(ca.ski.is_some() && inter.ski.is_some());
}

#[test]
fn pinned_time_gives_exact_dates() {
    let at = pki::pinned_now();
    let s = scenarios::good(at);
    assert_eq!(s.at, at);
    assert_eq!(s.at_rfc3339(), "2025-06-15T12:00:00Z");
    let (_, _, leaf) = leaf_and_intermediate(&s);
    assert_eq!(leaf.not_before, at - Duration::days(30));
    assert_eq!(leaf.not_after, at + Duration::days(365));
    // Sub-second parts are dropped consistently.
    let v = Validity::valid_around(at + Duration::milliseconds(1500));
    assert_eq!(v.not_before, at + Duration::seconds(1) - Duration::days(30));
}

#[test]
fn expired_leaf_is_expired_and_only_the_leaf() {
    let s = scenarios::expired_leaf(now());
    let (ca, inter, leaf) = leaf_and_intermediate(&s);
    assert!(inter.issued_by(&ca));
    assert!(leaf.not_after < s.at);
    assert_eq!(leaf.not_after, s.at - Duration::days(30));
    assert!(valid_at(&inter, s.at) && valid_at(&ca, s.at));
    assert_good_leaf_names(&leaf);
}

#[test]
fn not_yet_valid_leaf_starts_later() {
    let s = scenarios::not_yet_valid_leaf(now());
    let (ca, inter, leaf) = leaf_and_intermediate(&s);
    assert!(leaf.not_before > s.at);
    assert!(valid_at(&inter, s.at) && valid_at(&ca, s.at));
}

#[test]
fn expiring_soon_leaf_has_ten_days_left() {
    let s = scenarios::expiring_soon_leaf(now());
    let (ca, inter, leaf) = leaf_and_intermediate(&s);
    assert!(valid_at(&leaf, s.at));
    assert_eq!(leaf.not_after - s.at, Duration::days(10));
    assert!(valid_at(&inter, s.at) && valid_at(&ca, s.at));
}

#[test]
fn expired_intermediate_is_only_the_intermediate() {
    let s = scenarios::expired_intermediate(now());
    let (ca, inter, leaf) = leaf_and_intermediate(&s);
    assert!(inter.issued_by(&ca));
    assert!(inter.not_after < s.at);
    assert!(valid_at(&leaf, s.at) && valid_at(&ca, s.at));
}

#[test]
fn expired_root_is_still_the_ca_file_and_children_outlive_it() {
    let s = scenarios::expired_root(now());
    let (ca, inter, leaf) = leaf_and_intermediate(&s);
    assert!(inter.issued_by(&ca));
    assert!(ca.not_after < s.at);
    assert!(valid_at(&inter, s.at) && valid_at(&leaf, s.at));
    assert!(inter.not_after > ca.not_after && leaf.not_after > ca.not_after);
}

#[test]
fn wrong_ca_is_unrelated_and_differently_named() {
    let s = scenarios::wrong_ca(now());
    let (ca, inter, _) = leaf_and_intermediate(&s);
    assert_eq!(ca.cn.as_deref(), Some(pki::OTHER_ROOT_CN));
    assert_ne!(inter.issuer_raw, ca.subject_raw);
    assert_ne!(inter.aki, ca.ski);
    assert!(valid_at(&ca, s.at));
}

#[test]
fn wrong_ca_same_name_differs_only_in_key() {
    let s = scenarios::wrong_ca_same_name(now());
    let (ca, inter, _) = leaf_and_intermediate(&s);
    assert_eq!(ca.cn.as_deref(), Some(pki::ROOT_CN));
    assert_eq!(inter.issuer_raw, ca.subject_raw, "same DN");
    assert_ne!(inter.aki, ca.ski, "different key");
    assert!(!inter.issued_by(&ca));
}

#[test]
fn missing_intermediate_serves_leaf_only() {
    for s in [
        scenarios::missing_intermediate(now()),
        scenarios::missing_intermediate_aia(now()),
    ] {
        let (ca, chain) = parts(&s);
        assert_eq!(chain.len(), 1, "{}", s.name);
        let leaf = &chain[0];
        assert!(!leaf.is_ca);
        assert_ne!(
            leaf.issuer_raw, ca.subject_raw,
            "{}: leaf not issued by root",
            s.name
        );
        assert_good_leaf_names(leaf);
        let expected_aia: &[&str] = if s.name == "missing_intermediate_aia" {
            &[pki::AIA_URL]
        } else {
            &[]
        };
        assert_eq!(leaf.aia_ca_issuers, expected_aia, "{}", s.name);
    }
}

#[test]
fn self_signed_leaf_signs_itself() {
    let s = scenarios::self_signed_leaf(now());
    assert_eq!(s.name, "self_signed_leaf");
    let (ca, chain) = parts(&s);
    assert_eq!(chain.len(), 1);
    let leaf = &chain[0];
    assert!(leaf.self_issued() && !leaf.is_ca);
    assert_ne!(leaf.subject_raw, ca.subject_raw);
    assert!(valid_at(leaf, s.at));
    assert_good_leaf_names(leaf);
}

#[test]
fn host_mismatch_leaf_covers_another_name() {
    let s = scenarios::host_mismatch(now());
    let (_, _, leaf) = leaf_and_intermediate(&s);
    assert_eq!(s.host, pki::HOST);
    assert_eq!(leaf.dns, [pki::OTHER_HOST]);
    assert!(leaf.ips.is_empty());
    assert_eq!(leaf.cn.as_deref(), Some(pki::OTHER_HOST));
}

#[test]
fn cn_only_leaf_has_no_san_extension() {
    let s = scenarios::cn_only_leaf(now());
    let (_, _, leaf) = leaf_and_intermediate(&s);
    assert!(!leaf.has_san);
    assert_eq!(leaf.cn.as_deref(), Some(s.host.as_str()));
    assert_eq!(leaf.eku, Some((true, true)));
}

#[test]
fn no_server_auth_eku_is_client_auth_only() {
    let s = scenarios::no_server_auth_eku(now());
    let (_, _, leaf) = leaf_and_intermediate(&s);
    assert_eq!(leaf.eku, Some((false, true)));
}

#[test]
fn rsa1024_leaf_has_a_1024_bit_rsa_key() {
    let s = scenarios::rsa1024_leaf(now());
    let (_, inter, leaf) = leaf_and_intermediate(&s);
    assert!(leaf.is_rsa);
    assert_eq!(leaf.key_bits, 1024);
    assert!(!inter.is_rsa, "signed by a good ECDSA intermediate");
}

#[test]
fn chain_out_of_order_puts_the_intermediate_first() {
    let s = scenarios::chain_out_of_order(now());
    let (ca, chain) = parts(&s);
    assert_eq!(chain.len(), 2);
    let (inter, leaf) = (&chain[0], &chain[1]);
    assert!(inter.is_ca && inter.issued_by(&ca));
    assert!(!leaf.is_ca && leaf.issued_by(inter));
}

#[test]
fn ip_host_is_covered_by_the_ip_san() {
    let s = scenarios::ip_host(now());
    let (_, _, leaf) = leaf_and_intermediate(&s);
    assert_eq!(s.host, "127.0.0.1");
    assert!(leaf.ips.contains(&s.host.parse().unwrap()));
}

#[test]
fn all_lists_every_scenario_once() {
    let all = scenarios::all(now());
    let mut names: Vec<_> = all.iter().map(|s| s.name).collect();
    assert_eq!(names.len(), 17);
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 17, "names are unique");
    for s in &all {
        assert!(!pem_certs(&s.ca_pem).is_empty() && !pem_certs(&s.chain_pem).is_empty());
        assert!(!s.ca_pem.contains("PRIVATE KEY") && !s.chain_pem.contains("PRIVATE KEY"));
    }
}

#[test]
fn write_scenario_writes_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let s = scenarios::good(now());
    let (ca, chain) = pki::write_scenario(&s, dir.path());
    assert_eq!(std::fs::read_to_string(&ca).unwrap(), s.ca_pem);
    assert_eq!(std::fs::read_to_string(&chain).unwrap(), s.chain_pem);
    assert!(ca.starts_with(dir.path()) && chain.starts_with(dir.path()));
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

#[test]
fn rsa_keys_work_for_roots_and_leaves() {
    let at = now();
    let root = pki::root("RSA Root", Validity::ca_around(at), KeyKind::Rsa2048);
    let inter = pki::intermediate("ECDSA Intermediate", &root, Validity::ca_around(at));
    let leaf = pki::leaf(
        &LeafSpec {
            key: KeyKind::Rsa2048,
            ..LeafSpec::server(at)
        },
        &inter,
    );
    let (r, i, l) = (
        info(&root.cert_der),
        info(&inter.cert_der),
        info(&leaf.cert_der),
    );
    assert!(r.is_rsa && r.key_bits == 2048 && r.self_issued());
    assert!(i.issued_by(&r) && l.issued_by(&i));
    assert!(l.is_rsa && l.key_bits == 2048);
    assert_eq!(root.key_kind, KeyKind::Rsa2048);
    assert!(root.key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    assert_eq!(root.validity(), Validity::ca_around(at));

    let weak = pki::self_signed_leaf(&LeafSpec {
        key: KeyKind::Rsa1024,
        ..LeafSpec::server(at)
    });
    let w = info(&weak.cert_der);
    assert!(w.is_rsa && w.key_bits == 1024 && w.self_issued());
}

#[test]
fn leaf_spec_flags_are_honoured() {
    let at = now();
    let root = pki::root("Flags Root", Validity::ca_around(at), KeyKind::EcdsaP256);
    let ca_leaf = pki::leaf(
        &LeafSpec {
            is_ca: true,
            cn: None,
            aia_ca_issuers: Some(pki::AIA_URL.to_owned()),
            ..LeafSpec::server(at)
        },
        &root,
    );
    let l = info(&ca_leaf.cert_der);
    assert!(l.is_ca);
    assert_eq!(l.cn, None);
    assert_eq!(l.aia_ca_issuers, [pki::AIA_URL]);
}

#[test]
fn fixture_files_are_what_they_claim() {
    let at = now();

    let key = files::private_key_pem();
    let blocks: Vec<_> = Pem::iter_from_buffer(&key)
        .map(|b| b.unwrap().label)
        .collect();
    assert_eq!(blocks, ["PRIVATE KEY"]);

    let mixed = files::ca_with_private_key_pem(at);
    let blocks: Vec<_> = Pem::iter_from_buffer(&mixed).map(|b| b.unwrap()).collect();
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].label, "CERTIFICATE");
    assert_eq!(blocks[1].label, "PRIVATE KEY");
    assert!(info(&blocks[0].contents).is_ca);

    assert!(files::empty().is_empty());

    let text = files::not_a_certificate();
    assert!(std::str::from_utf8(&text).is_ok() && !text.windows(5).any(|w| w == b"-----"));

    let der = files::der_certificate(at);
    assert_eq!(der[0], 0x30);
    assert!(info(&der).is_ca);

    let jks = files::jks_truststore(at);
    assert_eq!(jks[..8], [0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]);
    assert_eq!(jks[8..12], [0, 0, 0, 1]);

    for p12 in [files::pkcs12_truststore(at), files::pkcs12_keystore(at)] {
        // PFX ::= SEQUENCE { version INTEGER (3), ... }
        assert_eq!(p12[0], 0x30);
        let (_, any) = x509_parser::der_parser::parse_der(&p12).expect("PKCS#12 is DER");
        let first = any.as_sequence().expect("sequence")[0]
            .as_u32()
            .expect("version");
        assert_eq!(first, 3);
    }
}

#[test]
fn aia_der_matches_a_known_encoding() {
    // Same bytes as OpenSSL's `authorityInfoAccess = caIssuers;URI:http://a/b`.
    let der = pki::aia_ca_issuers_der("http://a/b");
    let expected = [
        0x30, 0x18, 0x30, 0x16, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02, 0x86,
        0x0a, b'h', b't', b't', b'p', b':', b'/', b'/', b'a', b'/', b'b',
    ];
    assert_eq!(der, expected);
    // Long-form lengths.
    let long = pki::aia_ca_issuers_der(&format!("http://{}", "x".repeat(300)));
    assert_eq!(long[..4], [0x30, 0x82, 0x01, 0x45]); // 307-byte URI: 4 + 10 + (4 + 307)
}

// ---------------------------------------------------------------------------
// External judges: OpenSSL and keytool
// ---------------------------------------------------------------------------

/// Whether `tool` is an executable on PATH; if not, says
/// "skipped: TOOL not on PATH" on stderr.
fn tool_available(tool: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let found = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(tool))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    });
    if !found {
        // Straight to the process's stderr: libtest captures `eprintln!`, and a
        // skip should be visible without `--nocapture`.
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "skipped: {tool} not on PATH");
    }
    found
}

/// Runs `openssl verify` on a scenario: the first non-CA certificate of the chain
/// is the target, the other chain certificates are `-untrusted`.
/// Returns (accepted, combined output).
fn openssl_verify(s: &Scenario, dir: &Path, extra: &[&str]) -> (bool, String) {
    const END: &str = "-----END CERTIFICATE-----\n";
    let blocks: Vec<String> = s
        .chain_pem
        .split_inclusive(END)
        .map(str::to_owned)
        .collect();
    let certs = pem_certs(&s.chain_pem);
    assert_eq!(
        blocks.len(),
        certs.len(),
        "{}: one PEM block per cert",
        s.name
    );
    let leaf_idx = certs
        .iter()
        .position(|der| !info(der).is_ca)
        .expect("chain has a leaf");
    let leaf_pem = blocks[leaf_idx].clone();
    let untrusted_pem: String = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != leaf_idx)
        .map(|(_, b)| b.as_str())
        .collect();
    let (ca, _) = pki::write_scenario(s, dir);
    let leaf = dir.join(format!("{}-leaf.pem", s.name));
    std::fs::write(&leaf, leaf_pem).unwrap();

    let mut cmd = Command::new("openssl");
    cmd.arg("verify")
        .arg("-CAfile")
        .arg(&ca)
        .arg("-attime")
        .arg(s.at.unix_timestamp().to_string());
    if s.host.parse::<IpAddr>().is_ok() {
        cmd.arg("-verify_ip").arg(&s.host);
    } else {
        cmd.arg("-verify_hostname").arg(&s.host);
    }
    if !untrusted_pem.is_empty() {
        let untrusted = dir.join(format!("{}-untrusted.pem", s.name));
        std::fs::write(&untrusted, untrusted_pem).unwrap();
        cmd.arg("-untrusted").arg(untrusted);
    }
    cmd.args(extra).arg(&leaf);
    let out = cmd.output().expect("run openssl verify");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn openssl_judges_scenarios_as_expected() {
    if !tool_available("openssl") {
        return;
    }
    let at = now();
    let dir = tempfile::tempdir().unwrap();
    const EXPIRED: &[&str] = &["certificate has expired"];
    const NO_ISSUER: &[&str] = &["unable to get local issuer certificate"];
    // OpenSSL 3 and 1.1 wordings.
    const SELF_SIGNED: &[&str] = &["self-signed certificate", "self signed certificate"];
    const BAD_PURPOSE: &[&str] = &[
        "unsuitable certificate purpose",
        "unsupported certificate purpose",
    ];
    const NONE: &[&str] = &[];
    const SSL_SERVER: &[&str] = &["-purpose", "sslserver"];
    // (scenario, extra `openssl verify` args, expected error strings; empty = accepted)
    let cases = [
        (scenarios::good(at), NONE, NONE),
        (scenarios::good(at), SSL_SERVER, NONE),
        (scenarios::ip_host(at), NONE, NONE),
        (scenarios::expiring_soon_leaf(at), NONE, NONE),
        (scenarios::cn_only_leaf(at), NONE, NONE), // OpenSSL falls back to the CN
        (scenarios::chain_out_of_order(at), NONE, NONE),
        (scenarios::rsa1024_leaf(at), &["-auth_level", "1"], NONE),
        (
            scenarios::rsa1024_leaf(at),
            &["-auth_level", "2"],
            &["EE certificate key too weak"],
        ),
        (scenarios::expired_leaf(at), NONE, EXPIRED),
        (
            scenarios::not_yet_valid_leaf(at),
            NONE,
            &["certificate is not yet valid"],
        ),
        (scenarios::expired_intermediate(at), NONE, EXPIRED),
        (scenarios::expired_root(at), NONE, EXPIRED),
        (scenarios::wrong_ca(at), NONE, NO_ISSUER),
        (scenarios::wrong_ca_same_name(at), NONE, NO_ISSUER),
        (scenarios::missing_intermediate(at), NONE, NO_ISSUER),
        (scenarios::missing_intermediate_aia(at), NONE, NO_ISSUER),
        (scenarios::self_signed_leaf(at), NONE, SELF_SIGNED),
        (scenarios::host_mismatch(at), NONE, &["hostname mismatch"]),
        (scenarios::no_server_auth_eku(at), SSL_SERVER, BAD_PURPOSE),
    ];
    let mut failures = Vec::new();
    for (i, (s, extra, expected)) in cases.iter().enumerate() {
        let case_dir = dir.path().join(i.to_string());
        std::fs::create_dir(&case_dir).unwrap();
        let (ok, output) = openssl_verify(s, &case_dir, extra);
        let as_expected = if expected.is_empty() {
            ok
        } else {
            !ok && expected.iter().any(|m| output.contains(m))
        };
        if !as_expected {
            failures.push(format!(
                "{} {extra:?}: expected {expected:?}, openssl said (ok={ok}):\n{output}",
                s.name
            ));
        }
    }
    // The soon-expiring leaf is expired 11 days later.
    let mut soon = scenarios::expiring_soon_leaf(at);
    soon.at += Duration::days(11);
    let (ok, output) = openssl_verify(&soon, dir.path(), &[]);
    if ok || !output.contains("certificate has expired") {
        failures.push(format!("expiring_soon_leaf + 11 days: ok={ok}\n{output}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

#[test]
fn openssl_reads_the_pkcs12_fixtures() {
    if !tool_available("openssl") {
        return;
    }
    let at = now();
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, want_key) in [
        ("trust.p12", files::pkcs12_truststore(at), false),
        ("server.p12", files::pkcs12_keystore(at), true),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new("openssl")
            .args(["pkcs12", "-nodes", "-passin"])
            .arg(format!("pass:{}", pki::STORE_PASSWORD))
            .arg("-in")
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let certs = stdout.matches("BEGIN CERTIFICATE").count();
        assert_eq!(certs, if want_key { 3 } else { 1 }, "{name}:\n{stdout}");
        assert_eq!(stdout.contains("BEGIN PRIVATE KEY"), want_key, "{name}");
    }
}

#[test]
fn keytool_reads_the_java_stores() {
    if !tool_available("keytool") {
        return;
    }
    let at = now();
    let dir = tempfile::tempdir().unwrap();
    let runs = [
        (
            "trust.jks",
            files::jks_truststore(at),
            "JKS",
            "trustedCertEntry",
        ),
        (
            "trust.p12",
            files::pkcs12_truststore(at),
            "PKCS12",
            "trustedCertEntry",
        ),
        (
            "server.p12",
            files::pkcs12_keystore(at),
            "PKCS12",
            "PrivateKeyEntry",
        ),
    ]
    .map(|(name, bytes, store_type, entry)| {
        // One JVM each, started together: keytool is slow to start.
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let child = Command::new("keytool")
            .args([
                "-list",
                "-storepass",
                pki::STORE_PASSWORD,
                "-storetype",
                store_type,
            ])
            .arg("-keystore")
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        (name, entry, child)
    });
    for (name, entry, child) in runs {
        let out = child.wait_with_output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{name}: {text}");
        assert!(text.contains(entry), "{name}: {text}");
    }
}
