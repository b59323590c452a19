//! `mongotls ca` and `mongotls verify` through the binary, exactly as users run them: every
//! finding code, the JSON contract, exit codes. Certificates come from `support::pki`, built at
//! run time with explicit dates.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crate::support::pki::{self, files, scenarios, KeyKind, LeafSpec, Scenario, Validity};
use crate::support::run::{assert_snake, mongotls};
use serde_json::Value;
use tempfile::TempDir;
use time::OffsetDateTime;

fn now() -> OffsetDateTime {
    pki::whole_seconds(OffsetDateTime::now_utc())
}

fn codes(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["code"].as_str().expect("code").to_string())
        .collect()
}

fn finding<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {:#}", report["findings"]))
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Runs `verify --format json` on a scenario; returns the exit code and the report.
fn verify(s: &Scenario, extra: &[&str]) -> (i32, Value) {
    let dir = TempDir::new().expect("tempdir");
    let (ca, chain) = pki::write_scenario(s, dir.path());
    let at = s.at_rfc3339();
    let mut args = vec![
        "verify",
        "--ca",
        path_str(&ca),
        "--chain",
        path_str(&chain),
        "--host",
        &s.host,
        "--at",
        &at,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let run = mongotls(&args);
    (run.code, run.json())
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

fn ca_json(bytes: &[u8], extra: &[&str]) -> (i32, Value) {
    let dir = TempDir::new().expect("tempdir");
    let p = write(&dir, "ca.pem", bytes);
    let mut args = vec!["ca", path_str(&p), "--format", "json"];
    args.extend_from_slice(extra);
    let run = mongotls(&args);
    (run.code, run.json())
}

/// Asserts a failing verification that carries `code` with the given client families rejecting.
fn assert_fails_with(s: &Scenario, code: &str, rejected_by: &[&str]) -> Value {
    let (exit, report) = verify(s, &[]);
    assert_eq!(exit, 1, "{}: exit code; report {report:#}", s.name);
    assert_eq!(report["verdict"], "fail", "{}", s.name);
    let f = finding(&report, code);
    assert_eq!(f["severity"], "fail", "{}: {f:#}", s.name);
    let got: Vec<&str> = f["rejected_by"]
        .as_array()
        .expect("rejected_by")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(got, rejected_by, "{}: rejected_by of {code}", s.name);
    assert!(!f["message"].as_str().unwrap_or("").is_empty());
    assert!(!f["hint"].as_str().unwrap_or("").is_empty());
    report
}

const ALL: &[&str] = &["openssl", "node", "rustls", "go", "java"];

// ---------------------------------------------------------------- verify

#[test]
fn verify_good_chain_passes_with_full_path() {
    let (exit, r) = verify(&scenarios::good(now()), &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["verdict"], "pass");
    assert_eq!(r["schema_version"], mongotls::report::SCHEMA_VERSION);
    assert_eq!(r["trusted"], true);
    assert_eq!(r["rustls_webpki"]["chain_accepted"], true);
    assert_eq!(r["rustls_webpki"]["name_accepted"], true);
    let roles: Vec<&str> = r["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["leaf", "intermediate", "anchor"]);
    assert_eq!(r["path"][2]["source"], "ca");
    assert!(codes(&r).iter().all(|c| c != "cert.hostname_not_checked"));
}

#[test]
fn verify_ip_host_uses_ip_subject_alt_names() {
    let (exit, r) = verify(&scenarios::ip_host(now()), &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["host"], "127.0.0.1");
}

#[test]
fn verify_expired_leaf() {
    let r = assert_fails_with(&scenarios::expired_leaf(now()), "cert.expired", ALL);
    assert_eq!(finding(&r, "cert.expired")["certificate"], 0);
}

#[test]
fn verify_not_yet_valid_leaf() {
    assert_fails_with(
        &scenarios::not_yet_valid_leaf(now()),
        "cert.not_yet_valid",
        ALL,
    );
}

#[test]
fn verify_expiring_soon_is_a_warning_and_strict_makes_it_fail() {
    let s = scenarios::expiring_soon_leaf(now());
    let (exit, r) = verify(&s, &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["verdict"], "warn");
    assert_eq!(finding(&r, "cert.expiring_soon")["severity"], "warn");
    let (exit, _) = verify(&s, &["--strict"]);
    assert_eq!(exit, 1);
    // A narrower window silences it.
    let (exit, r) = verify(&s, &["--warn-days", "5"]);
    assert_eq!(exit, 0);
    assert_eq!(r["verdict"], "pass", "{r:#}");
}

#[test]
fn verify_expired_intermediate() {
    assert_fails_with(
        &scenarios::expired_intermediate(now()),
        "cert.intermediate_expired",
        ALL,
    );
}

#[test]
fn verify_expired_root_fails_although_rustls_accepts() {
    let r = assert_fails_with(
        &scenarios::expired_root(now()),
        "cert.ca_expired",
        &["openssl", "node", "go"],
    );
    let f = finding(&r, "cert.ca_expired");
    assert_eq!(f["clients"]["rustls"], "accept");
    // JSSE's PKIX validator never checks the trust anchor's validity (tests/it/limbo_clients.rs).
    assert_eq!(f["clients"]["java"], "accept");
    assert_eq!(r["rustls_webpki"]["chain_accepted"], true);
}

#[test]
fn verify_wrong_ca_names_what_is_needed_and_what_the_file_holds() {
    let r = assert_fails_with(&scenarios::wrong_ca(now()), "cert.unknown_issuer", ALL);
    let msg = finding(&r, "cert.unknown_issuer")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains(pki::ROOT_CN), "needed issuer: {msg}");
    assert!(msg.contains(pki::OTHER_ROOT_CN), "CA file content: {msg}");
    assert!(msg.contains("authority key id"), "{msg}");
    assert!(msg.contains("CA file looks like the wrong one"), "{msg}");
}

#[test]
fn verify_same_name_different_key_ca_is_called_out() {
    let r = assert_fails_with(
        &scenarios::wrong_ca_same_name(now()),
        "cert.unknown_issuer",
        ALL,
    );
    let msg = finding(&r, "cert.unknown_issuer")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains("whose key does not verify it"), "{msg}");
    assert!(msg.contains("renewal"), "{msg}");
}

#[test]
fn verify_missing_intermediate_says_chain_incomplete_and_gives_aia() {
    let r = assert_fails_with(
        &scenarios::missing_intermediate(now()),
        "cert.unknown_issuer",
        ALL,
    );
    let msg = finding(&r, "cert.unknown_issuer")["message"]
        .as_str()
        .unwrap();
    assert!(msg.contains("only its own certificate"), "{msg}");
    assert!(msg.contains("incomplete"), "{msg}");
    assert!(msg.contains(pki::INTERMEDIATE_CN), "{msg}");

    let r = assert_fails_with(
        &scenarios::missing_intermediate_aia(now()),
        "cert.unknown_issuer",
        ALL,
    );
    let msg = finding(&r, "cert.unknown_issuer")["message"]
        .as_str()
        .unwrap();
    assert!(msg.contains(pki::AIA_URL), "{msg}");
}

#[test]
fn verify_self_signed_leaf() {
    let r = assert_fails_with(&scenarios::self_signed_leaf(now()), "cert.self_signed", ALL);
    assert!(!codes(&r).contains(&"cert.unknown_issuer".to_string()));
}

#[test]
fn verify_host_mismatch_lists_covered_names() {
    let r = assert_fails_with(
        &scenarios::host_mismatch(now()),
        "cert.hostname_mismatch",
        ALL,
    );
    let msg = finding(&r, "cert.hostname_mismatch")["message"]
        .as_str()
        .unwrap();
    assert!(msg.contains(&format!("DNS:{}", pki::OTHER_HOST)), "{msg}");
    assert!(msg.contains(pki::HOST), "{msg}");
    assert_eq!(r["rustls_webpki"]["name_accepted"], false);
}

#[test]
fn verify_cn_only_leaf_splits_the_client_families() {
    let r = assert_fails_with(
        &scenarios::cn_only_leaf(now()),
        "cert.no_subject_alt_name",
        &["rustls", "go"],
    );
    let f = finding(&r, "cert.no_subject_alt_name");
    assert_eq!(f["clients"]["openssl"], "accept");
    assert_eq!(f["clients"]["java"], "accept");
    // Not also reported as a plain mismatch: OpenSSL does accept it.
    assert!(!codes(&r).contains(&"cert.hostname_mismatch".to_string()));
}

#[test]
fn verify_leaf_without_server_auth_eku() {
    let r = assert_fails_with(&scenarios::no_server_auth_eku(now()), "cert.bad_eku", ALL);
    assert!(finding(&r, "cert.bad_eku")["message"]
        .as_str()
        .unwrap()
        .contains("client_auth"));
}

#[test]
fn verify_rsa_1024_leaf_is_weak() {
    let r = assert_fails_with(
        &scenarios::rsa1024_leaf(now()),
        "cert.weak_key",
        &["openssl", "rustls"],
    );
    assert_eq!(finding(&r, "cert.weak_key")["clients"]["node"], "accept");
}

#[test]
fn verify_out_of_order_chain_is_tolerated_and_said() {
    let (exit, r) = verify(&scenarios::chain_out_of_order(now()), &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(finding(&r, "cert.chain_order")["severity"], "info");
    assert_eq!(r["path"][0]["index"], 1, "the leaf was sent second");
}

#[test]
fn verify_bad_signature_on_a_tampered_leaf() {
    let n = now();
    let p = pki::Pki::good(n);
    let mut der = p.leaf.cert_der.clone();
    let last = der.len() - 1;
    der[last] ^= 0x01; // inside the signature BIT STRING
    let dir = TempDir::new().unwrap();
    let ca = write(
        &dir,
        "ca.pem",
        pki::concat_pem([&p.root, &p.intermediate]).as_bytes(),
    );
    let chain = write(&dir, "leaf.der", &der);
    let run = mongotls(&[
        "verify",
        "--ca",
        path_str(&ca),
        "--chain",
        path_str(&chain),
        "--host",
        pki::HOST,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let r = run.json();
    assert_eq!(finding(&r, "cert.bad_signature")["severity"], "fail");
}

#[test]
fn verify_reports_every_problem_not_only_the_first() {
    // Expired, wrong host, no serverAuth, RSA-1024: four findings on one leaf.
    let n = now();
    let spec = LeafSpec {
        dns: vec![pki::OTHER_HOST.into()],
        eku_server_auth: false,
        key: KeyKind::Rsa1024,
        validity: Validity::expired(n),
        ..LeafSpec::server(n)
    };
    let p = pki::Pki::build(Validity::ca_around(n), Validity::ca_around(n), spec);
    let s = Scenario {
        name: "many",
        ca_pem: p.root.cert_pem.clone(),
        chain_pem: p.served_chain_pem(),
        host: pki::HOST.into(),
        at: n,
    };
    let (exit, r) = verify(&s, &[]);
    assert_eq!(exit, 1);
    let got = codes(&r);
    for code in [
        "cert.expired",
        "cert.hostname_mismatch",
        "cert.bad_eku",
        "cert.weak_key",
    ] {
        assert!(got.iter().any(|c| c == code), "{code} missing from {got:?}");
    }
}

#[test]
fn verify_without_host_says_the_name_was_not_checked() {
    let s = scenarios::good(now());
    let dir = TempDir::new().unwrap();
    let (ca, chain) = pki::write_scenario(&s, dir.path());
    let run = mongotls(&[
        "verify",
        "--ca",
        path_str(&ca),
        "--chain",
        path_str(&chain),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0);
    let r = run.json();
    assert_eq!(finding(&r, "cert.hostname_not_checked")["severity"], "info");
    assert!(r["host"].is_null());
}

#[test]
fn verify_ignores_the_private_key_of_a_pemkeyfile_and_never_prints_it() {
    let s = scenarios::good(now());
    let p = pki::Pki::good(now());
    let dir = TempDir::new().unwrap();
    let ca = write(&dir, "ca.pem", p.root.cert_pem.as_bytes());
    let pem_key_file = format!(
        "{}{}{}",
        p.leaf.cert_pem, p.intermediate.cert_pem, p.leaf.key_pem
    );
    let chain = write(&dir, "server.pem", pem_key_file.as_bytes());
    for format in ["json", "text"] {
        let run = mongotls(&[
            "verify",
            "--ca",
            path_str(&ca),
            "--chain",
            path_str(&chain),
            "--host",
            &s.host,
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0, "{}", run.stdout);
        let key_body: String = p
            .leaf
            .key_pem
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        for line in p.leaf.key_pem.lines().filter(|l| !l.starts_with("-----")) {
            assert!(!run.stdout.contains(line), "key material printed");
        }
        assert!(!key_body.is_empty());
    }
}

#[test]
fn verify_text_ends_with_one_verdict_line() {
    let s = scenarios::expired_leaf(now());
    let dir = TempDir::new().unwrap();
    let (ca, chain) = pki::write_scenario(&s, dir.path());
    let at = s.at_rfc3339();
    let run = mongotls(&[
        "verify",
        "--ca",
        path_str(&ca),
        "--chain",
        path_str(&chain),
        "--host",
        &s.host,
        "--at",
        &at,
    ]);
    assert_eq!(run.code, 1);
    let last = run.stdout.trim_end().lines().last().unwrap_or("");
    assert!(last.starts_with("verdict: FAIL"), "{last}");
    assert_eq!(run.stdout.matches("verdict:").count(), 1);
    assert!(run.stdout.contains("cert.expired"));
    assert!(run.stdout.contains("hint:"));
}

#[test]
fn verify_at_time_moves_the_judgement() {
    // The good chain, judged two years later: the leaf has expired.
    let s = scenarios::good(now());
    let later = Scenario {
        at: s.at + time::Duration::days(730),
        ..s
    };
    let (exit, r) = verify(&later, &[]);
    assert_eq!(exit, 1);
    assert!(codes(&r).contains(&"cert.expired".to_string()));
}

// ---------------------------------------------------------------- input errors

#[test]
fn missing_file_is_exit_2_naming_the_file() {
    let run = mongotls(&["ca", "/nonexistent/ca.pem"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("/nonexistent/ca.pem"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn directory_is_exit_2_with_candidates() {
    let dir = TempDir::new().unwrap();
    write(&dir, "ApsaraDB-CA-Chain.pem", b"x");
    let run = mongotls(&["ca", path_str(dir.path())]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("directory"), "{}", run.stderr);
    assert!(
        run.stderr.contains("ApsaraDB-CA-Chain.pem"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_arguments_are_exit_2() {
    let run = mongotls(&["ca", "x.pem", "--at", "yesterday"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("RFC 3339"), "{}", run.stderr);
    let run = mongotls(&["verify", "--ca", "x", "--chain", "y", "--host", "a b"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--host"), "{}", run.stderr);
    let run = mongotls(&["verify", "--chain", "y"]);
    assert_eq!(run.code, 2, "clap usage error");
}

#[test]
fn verify_with_a_ca_file_without_certificates_is_exit_2() {
    let dir = TempDir::new().unwrap();
    let ca = write(&dir, "ca.pem", &files::private_key_pem());
    let s = scenarios::good(now());
    let (_, chain) = pki::write_scenario(&s, dir.path());
    let run = mongotls(&["verify", "--ca", path_str(&ca), "--chain", path_str(&chain)]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("private key"), "{}", run.stderr);
}

// ---------------------------------------------------------------- ca

#[test]
fn ca_lists_certificates_with_every_field_and_their_relations() {
    let p = pki::Pki::good(now());
    let bundle = pki::concat_pem([&p.root, &p.intermediate]);
    let (exit, r) = ca_json(bundle.as_bytes(), &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["verdict"], "pass");
    assert_eq!(r["schema_version"], mongotls::report::SCHEMA_VERSION);
    let certs = r["certificates"].as_array().unwrap();
    assert_eq!(certs.len(), 2);
    for field in [
        "subject",
        "issuer",
        "serial",
        "sha256_fingerprint",
        "not_before",
        "not_after",
        "days_remaining",
        "key",
        "signature_algorithm",
        "is_ca",
        "key_usage",
        "extended_key_usage",
        "subject_key_id",
        "subject_alt_names",
        "source",
        "chain",
    ] {
        assert!(
            certs[0].get(field).is_some(),
            "missing {field}: {:#}",
            certs[0]
        );
    }
    assert_eq!(certs[0]["self_signed"], true);
    assert_eq!(certs[1]["issued_by"], 0);
    assert_eq!(certs[1]["path_len"], 0);
    assert_eq!(certs[1]["source"]["block"], 2);
    assert!(certs[0]["chain"]
        .as_str()
        .unwrap()
        .contains("self-signed root"));
}

#[test]
fn ca_empty_file() {
    let (exit, r) = ca_json(&files::empty(), &[]);
    assert_eq!(exit, 1);
    assert_eq!(finding(&r, "ca.empty")["severity"], "fail");
}

#[test]
fn ca_parse_error_names_the_block() {
    let p = pki::Pki::good(now());
    let good = p.root.cert_pem.clone();
    let broken = p.intermediate.cert_pem.replacen("MII", "M!I", 1).replacen(
        "-----BEGIN CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\n!",
        1,
    );
    let (exit, r) = ca_json(format!("{good}{broken}").as_bytes(), &[]);
    assert_eq!(exit, 1, "{r:#}");
    let f = finding(&r, "ca.parse_error");
    assert!(f["source"].as_str().unwrap().contains("block 2"), "{f:#}");
    assert_eq!(r["certificates"].as_array().unwrap().len(), 1);
}

#[test]
fn ca_unsupported_formats_are_explained() {
    let n = now();
    for (bytes, what) in [
        (files::jks_truststore(n), "JKS"),
        (files::pkcs12_truststore(n), "PKCS#12"),
        (files::not_a_certificate(), "text"),
    ] {
        let (exit, r) = ca_json(&bytes, &[]);
        assert_eq!(exit, 1, "{what}");
        let f = finding(&r, "ca.unsupported_format");
        let text = format!("{} {}", f["message"], f["hint"]);
        assert!(text.contains(what), "{what}: {text}");
    }
}

#[test]
fn ca_with_private_key_is_flagged_and_key_never_printed() {
    let bytes = files::ca_with_private_key_pem(now());
    let (exit, r) = ca_json(&bytes, &[]);
    assert_eq!(exit, 1);
    assert_eq!(finding(&r, "ca.contains_private_key")["severity"], "fail");
    let text = String::from_utf8_lossy(&bytes).to_string();
    let key_lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("PRIVATE KEY"))
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert!(!key_lines.is_empty());
    let rendered = r.to_string();
    for line in key_lines {
        assert!(!rendered.contains(line), "key material in output");
    }
}

#[test]
fn ca_server_certificate_is_not_a_ca() {
    let p = pki::Pki::good(now());
    let (exit, r) = ca_json(p.leaf.cert_pem.as_bytes(), &[]);
    assert_eq!(exit, 0, "a warning only");
    assert_eq!(finding(&r, "ca.not_a_ca")["severity"], "warn");
}

#[test]
fn ca_expired_not_yet_valid_and_expiring_soon() {
    let n = now();
    let expired = pki::root("Old Root", Validity::expired(n), KeyKind::EcdsaP256);
    let (exit, r) = ca_json(expired.cert_pem.as_bytes(), &[]);
    assert_eq!(exit, 1);
    let f = finding(&r, "ca.expired");
    assert_eq!(f["clients"]["rustls"], "accept");
    assert_eq!(f["clients"]["openssl"], "reject");

    let future = pki::root(
        "Future Root",
        Validity::not_yet_valid(n),
        KeyKind::EcdsaP256,
    );
    let (exit, r) = ca_json(future.cert_pem.as_bytes(), &[]);
    assert_eq!(exit, 1);
    finding(&r, "ca.not_yet_valid");

    let soon = pki::root(
        "Soon Root",
        Validity::expiring_in(n, 10),
        KeyKind::EcdsaP256,
    );
    let (exit, r) = ca_json(soon.cert_pem.as_bytes(), &[]);
    assert_eq!(exit, 0);
    assert_eq!(r["verdict"], "warn");
    finding(&r, "ca.expiring_soon");
    let (_, r) = ca_json(soon.cert_pem.as_bytes(), &["--warn-days", "5"]);
    assert_eq!(r["verdict"], "pass");
    let (exit, _) = ca_json(soon.cert_pem.as_bytes(), &["--strict"]);
    assert_eq!(exit, 1);
}

#[test]
fn ca_weak_rsa_key() {
    let weak = pki::root("Weak Root", Validity::ca_around(now()), KeyKind::Rsa1024);
    let (exit, r) = ca_json(weak.cert_pem.as_bytes(), &[]);
    assert_eq!(exit, 1);
    let f = finding(&r, "ca.weak_key");
    assert!(f["message"].as_str().unwrap().contains("1024"));
}

#[test]
fn ca_duplicate() {
    let p = pki::Pki::good(now());
    let bundle = format!("{}{}", p.root.cert_pem, p.root.cert_pem);
    let (exit, r) = ca_json(bundle.as_bytes(), &[]);
    assert_eq!(exit, 0);
    assert_eq!(finding(&r, "ca.duplicate")["certificate"], 1);
}

#[test]
fn ca_der_and_console_zip() {
    let (exit, r) = ca_json(&files::der_certificate(now()), &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["certificates"][0]["source"]["format"], "der");

    let zip = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixed/ApsaraDB-CA-Chain.zip");
    let run = mongotls(&[
        "ca",
        path_str(&zip),
        "--at",
        "2020-06-01T00:00:00Z",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let r = run.json();
    assert_eq!(r["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(
        r["certificates"][0]["source"]["zip_member"],
        "ApsaraDB-CA-Chain.pem"
    );
    let notes = r["notes"].to_string();
    assert!(
        notes.contains("used ZIP member ApsaraDB-CA-Chain.pem"),
        "{notes}"
    );
    assert!(notes.contains("ApsaraDB-CA-Chain.jks"), "{notes}");
}

#[test]
fn fixed_time_fixture_passes_then_expires() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/fixed");
    let args = |at: &'static str| {
        vec![
            "verify".to_string(),
            "--ca".into(),
            dir.join("root.pem").display().to_string(),
            "--chain".into(),
            dir.join("chain.pem").display().to_string(),
            "--host".into(),
            "mongo-2.example.internal".into(),
            "--at".into(),
            at.into(),
        ]
    };
    let run = |at| {
        let a = args(at);
        mongotls(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    assert_eq!(run("2020-06-01T00:00:00Z").code, 0);
    let late = run("2021-06-01T00:00:00Z");
    assert_eq!(late.code, 1);
    assert!(late.stdout.contains("cert.expired"));
}

// ---------------------------------------------------------------- JSON contract

/// Guards the JSON shape: top-level keys, snake_case everywhere, finding fields.
#[test]
fn json_contract_is_stable() {
    let (_, v) = verify(&scenarios::expired_root(now()), &[]);
    assert_snake(&v, "verify");
    for key in [
        "schema_version",
        "command",
        "verdict",
        "evaluated_at",
        "host",
        "ca",
        "chain",
        "path",
        "trusted",
        "rustls_webpki",
        "findings",
    ] {
        assert!(v.get(key).is_some(), "verify JSON lacks {key}");
    }
    let f = finding(&v, "cert.ca_expired");
    for key in [
        "code",
        "severity",
        "message",
        "hint",
        "certificate",
        "rejected_by",
        "clients",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f:#}");
    }

    let p = pki::Pki::good(now());
    let (_, c) = ca_json(p.root.cert_pem.as_bytes(), &[]);
    assert_snake(&c, "ca");
    for key in [
        "schema_version",
        "command",
        "verdict",
        "evaluated_at",
        "files",
        "certificates",
        "findings",
    ] {
        assert!(c.get(key).is_some(), "ca JSON lacks {key}");
    }
}

// ---------------------------------------------------------------- SHA-1

/// An RSA root and a SHA-1-signed child of it (leaf or intermediate).
fn sha1_child(is_ca: bool) -> (pki::Issued, String) {
    let n = now();
    let root = pki::root("Legacy RSA Root", Validity::ca_around(n), KeyKind::Rsa2048);
    let child = if is_ca {
        pki::intermediate("Legacy SHA-1 Intermediate", &root, Validity::ca_around(n))
    } else {
        pki::leaf(&LeafSpec::server(n), &root)
    };
    let (_, pem) = pki::resign_with_sha1(&child, &root);
    (root, pem)
}

#[test]
fn verify_sha1_signed_leaf_is_a_weak_signature() {
    let (root, leaf_pem) = sha1_child(false);
    let s = Scenario {
        name: "sha1_leaf",
        ca_pem: root.cert_pem.clone(),
        chain_pem: leaf_pem,
        host: pki::HOST.into(),
        at: now(),
    };
    let r = assert_fails_with(
        &s,
        "cert.weak_signature",
        &["openssl", "node", "rustls", "go"],
    );
    assert!(finding(&r, "cert.weak_signature")["message"]
        .as_str()
        .unwrap()
        .contains("sha1WithRSAEncryption"));
    // The signature itself is genuine: no bad-signature finding, and the path is built.
    assert!(!codes(&r).contains(&"cert.bad_signature".to_string()));
    assert_eq!(r["trusted"], true);
}

#[test]
fn ca_sha1_signed_intermediate_is_a_weak_signature() {
    let (root, inter_pem) = sha1_child(true);
    let bundle = format!("{}{inter_pem}", root.cert_pem);
    let (exit, r) = ca_json(bundle.as_bytes(), &[]);
    assert_eq!(exit, 1, "{r:#}");
    let f = finding(&r, "ca.weak_signature");
    assert_eq!(f["severity"], "fail");
    assert_eq!(f["certificate"], 1);
    assert_eq!(r["certificates"][1]["issued_by"], 0);
}

// ---------------------------------------------------------------- critical extensions

#[test]
fn verify_unhandled_critical_extension_on_the_leaf() {
    let n = now();
    let spec = LeafSpec {
        unknown_critical_extension: true,
        ..LeafSpec::server(n)
    };
    let p = pki::Pki::build(Validity::ca_around(n), Validity::ca_around(n), spec);
    let s = Scenario {
        name: "critical_ext",
        ca_pem: p.root.cert_pem.clone(),
        chain_pem: p.served_chain_pem(),
        host: pki::HOST.into(),
        at: n,
    };
    // An extension no verifier knows: every family refuses the leaf.
    let r = assert_fails_with(&s, "cert.unhandled_critical_extension", ALL);
    assert!(finding(&r, "cert.unhandled_critical_extension")["message"]
        .as_str()
        .unwrap()
        .contains("1.3.6.1.4.1.55555.1"));
    // webpki refuses it as well, and says so.
    assert_eq!(r["rustls_webpki"]["chain_accepted"], false);
}

#[test]
fn ca_unhandled_critical_extension_on_a_root() {
    let root = pki::root_with_unknown_critical_extension("Odd Root", Validity::ca_around(now()));
    let (exit, r) = ca_json(root.cert_pem.as_bytes(), &[]);
    assert_eq!(exit, 1, "{r:#}");
    assert_eq!(
        finding(&r, "ca.unhandled_critical_extension")["clients"]["openssl"],
        "reject"
    );
}

#[test]
fn verify_pinned_self_signed_leaf_is_a_warning() {
    let n = now();
    let leaf = pki::self_signed_leaf(&LeafSpec::server(n));
    let s = Scenario {
        name: "pinned",
        ca_pem: leaf.cert_pem.clone(),
        chain_pem: leaf.cert_pem.clone(),
        host: pki::HOST.into(),
        at: n,
    };
    let (exit, r) = verify(&s, &[]);
    let f = finding(&r, "cert.self_signed");
    assert_eq!(f["severity"], "warn", "{r:#}");
    assert_eq!(r["path"][0]["role"], "leaf");
    assert_eq!(r["path"][0]["source"], "ca");
    assert_eq!(r["trusted"], true);
    // rustls-webpki accepts a pinned CA:FALSE certificate as its own anchor.
    assert_eq!(r["rustls_webpki"]["chain_accepted"], true);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["verdict"], "warn");
}

/// A chain every client accepts whose leaf lists an underscore DNS name beside its real names:
/// a conformance lint, `warn` (exit 0) by default, `fail` (exit 1) with `--strict`.
#[test]
fn verify_strict_fails_on_a_conformance_lint_that_clients_tolerate() {
    let now = now();
    let mut spec = LeafSpec::server(now);
    spec.dns.push("mongo_1.test.internal".to_owned());
    let ca = Validity::ca_around(now);
    let built = pki::Pki::build(ca, ca, spec);
    let s = Scenario {
        name: "underscore_dns_san",
        ca_pem: built.root.cert_pem.clone(),
        chain_pem: pki::concat_pem([&built.leaf, &built.intermediate]),
        host: pki::HOST.to_owned(),
        at: now,
    };
    let (exit, r) = verify(&s, &[]);
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["verdict"], "warn");
    assert_eq!(r["strict"], false);
    let lint = finding(&r, "lint.invalid_dns_name");
    assert_eq!(lint["severity"], "warn");
    assert_eq!(lint["certificate"], 0);
    assert_eq!(lint["rejected_by"], serde_json::json!([]));
    for family in ["openssl", "node", "rustls", "go", "java"] {
        assert_eq!(lint["clients"][family], "accept", "{lint:#}");
    }
    assert!(
        lint["message"].as_str().unwrap().contains(
            "lists the DNS name \"mongo_1.test.internal\", which is not a valid host name"
        ),
        "{lint:#}"
    );
    let (exit, r) = verify(&s, &["--strict"]);
    assert_eq!(exit, 1, "{r:#}");
    assert_eq!(r["verdict"], "fail");
    assert_eq!(r["strict"], true);
    let lint = finding(&r, "lint.invalid_dns_name");
    assert_eq!(lint["severity"], "fail");
    assert!(lint["message"]
        .as_str()
        .unwrap()
        .starts_with("strict mode: "));
    assert_eq!(lint["rejected_by"], serde_json::json!([]));
    // The text report says so under its first line, in both languages.
    let dir = TempDir::new().expect("tempdir");
    let (ca_file, chain_file) = pki::write_scenario(&s, dir.path());
    let at = s.at_rfc3339();
    for (lang, header) in [
        ("en", "Strict mode (--strict): deviations from RFC 5280"),
        ("zh", "严格模式（--strict）"),
    ] {
        let run = mongotls(&[
            "verify",
            "--ca",
            path_str(&ca_file),
            "--chain",
            path_str(&chain_file),
            "--host",
            &s.host,
            "--at",
            &at,
            "--strict",
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        assert!(run.stdout.contains(header), "{}", run.stdout);
        assert!(
            run.stdout.contains("lint.invalid_dns_name"),
            "{}",
            run.stdout
        );
    }
}
