//! Agreement of `mongotls verify`'s engine with the x509-limbo path-validation suite.
//!
//! The suite is not part of this repository: it is read from `../shared/testvectors/x509-limbo/`
//! (or `$MONGOTLS_LIMBO_DIR`) when present. Run it with
//!
//! ```text
//! cargo test --release --test it limbo -- --ignored --nocapture
//! ```
//!
//! It prints how many cases the engine agrees with, next to the reference results of
//! rustls-webpki and OpenSSL stored beside the suite, and every divergence. It asserts only a
//! floor (so a regression fails), not an exact count.

use std::collections::BTreeMap;
use std::path::PathBuf;

use mongotls::findings::Verdict;
use mongotls::pki::bundle::parse_input;
use mongotls::pki::inspect::Cert;
use mongotls::pki::verify::{parse_host, verify_chain, ChainVerification, VerifyOptions};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The suite's directory: `$MONGOTLS_LIMBO_DIR`, else `../shared/testvectors/x509-limbo`.
pub(crate) fn limbo_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MONGOTLS_LIMBO_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/testvectors/x509-limbo")
        });
    dir.join("limbo.json").exists().then_some(dir)
}

fn certs(pems: &[Value], now: OffsetDateTime) -> Result<Vec<Cert>, String> {
    let mut out = Vec::new();
    for pem in pems {
        let text = pem.as_str().ok_or("PEM is not a string")?;
        let parsed = parse_input("limbo", text.as_bytes());
        if let Some(r) = parsed.rejected.first() {
            return Err(format!("{:?}", r.kind));
        }
        for raw in parsed.certs {
            out.push(Cert::parse(raw.der, now).map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

/// A case's evaluation time: its `validation_time`, or `None` for "now".
pub(crate) fn validation_time(case: &Value) -> Result<Option<OffsetDateTime>, String> {
    match case["validation_time"].as_str() {
        Some(t) => OffsetDateTime::parse(t, &Rfc3339)
            .map(Some)
            .map_err(|e| format!("unreadable validation_time {t:?}: {e}")),
        None => Ok(None),
    }
}

/// Runs `verify_chain` on a case as `mongotls verify` would (CA file = `trusted_certs`, chain =
/// the peer certificate then `untrusted_intermediates`, host = `expected_peer_name`), at `now`.
/// `Err` when mongotls cannot read the case's certificates or name.
pub(crate) fn verify_case(
    case: &Value,
    now: OffsetDateTime,
    strict: bool,
) -> Result<ChainVerification, String> {
    let empty = Vec::new();
    let anchors = certs(case["trusted_certs"].as_array().unwrap_or(&empty), now)?;
    let mut presented = certs(&[case["peer_certificate"].clone()], now)?;
    presented.extend(certs(
        case["untrusted_intermediates"].as_array().unwrap_or(&empty),
        now,
    )?);
    let host = match case["expected_peer_name"]["value"].as_str() {
        Some(name) => Some(parse_host(name).map_err(|e| e.to_string())?),
        None => None,
    };
    Ok(verify_chain(
        &anchors,
        &presented,
        &VerifyOptions {
            host,
            now,
            warn_days: 0,
            hostnames_waived: false,
            strict,
        },
    ))
}

enum Outcome {
    Skipped(&'static str),
    Ran {
        success: bool,
        codes: Vec<String>,
        /// Families some finding says reject, with the codes saying so.
        rejecting: BTreeMap<&'static str, Vec<String>>,
    },
}

fn run_case(case: &Value, strict: bool) -> Outcome {
    if case["validation_kind"] != "SERVER" {
        return Outcome::Skipped("non-SERVER testcases not supported");
    }
    // The engine has no depth option; a limit at or above its own path bound (10) is moot.
    if case["max_chain_depth"].as_u64().is_some_and(|d| d < 10) {
        return Outcome::Skipped("max-chain-depth testcases are not supported");
    }
    if case["key_usage"].as_array().is_some_and(|a| !a.is_empty()) {
        return Outcome::Skipped("key_usage not supported");
    }
    let now = match validation_time(case) {
        Ok(t) => t.unwrap_or_else(OffsetDateTime::now_utc),
        Err(_) => return Outcome::Skipped("unreadable validation_time"),
    };
    let result = match verify_case(case, now, strict) {
        Ok(r) => r,
        Err(why) => {
            return Outcome::Ran {
                success: false,
                codes: vec![format!("parse: {why}")],
                rejecting: BTreeMap::new(),
            }
        }
    };
    let verdict = Verdict::from_findings(&result.findings);
    let mut rejecting: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for f in &result.findings {
        for family in f.rejected_by.iter().flatten() {
            rejecting
                .entry(family)
                .or_default()
                .push(f.code.to_string());
        }
    }
    Outcome::Ran {
        rejecting,
        success: verdict != Verdict::Fail,
        codes: result
            .findings
            .iter()
            .filter(|f| f.severity == mongotls::findings::Severity::Fail)
            .map(|f| f.code.to_string())
            .collect(),
    }
}

fn reference(dir: &std::path::Path, file: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
    let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    json["results"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| {
                    Some((
                        r["id"].as_str()?.to_string(),
                        r["actual_result"].as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
#[ignore = "reads ../shared/testvectors/x509-limbo; run with --ignored"]
fn limbo_agreement() {
    let Some(dir) = limbo_dir() else {
        eprintln!("skipped: x509-limbo not found (set MONGOTLS_LIMBO_DIR)");
        return;
    };
    let text = std::fs::read_to_string(dir.join("limbo.json")).unwrap_or_default();
    let suite: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    let cases = suite["testcases"].as_array().cloned().unwrap_or_default();
    let webpki = reference(&dir, "results-rustls-webpki-0.103.13.json");
    let openssl = reference(&dir, "results-openssl-3.0.19.json");

    let (mut ran, mut agree, mut skipped) = (0, 0, 0);
    let (mut webpki_ran, mut webpki_agree) = (0, 0);
    let (mut openssl_ran, mut openssl_agree) = (0, 0);
    let mut divergences = Vec::new();
    // Failures whose only fail finding is `cert.invalid`: webpki's error, which no finer code
    // names (goal: none).
    let mut invalid_only = Vec::new();
    // `MONGOTLS_LIMBO_DUMP=file`: each case's rejecting families, to compare with real clients.
    let mut dump = Vec::new();
    let mut fail_codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut skip_reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &cases {
        let id = case["id"].as_str().unwrap_or("?").to_string();
        let expected = case["expected_result"].as_str().unwrap_or("?");
        match run_case(case, false) {
            Outcome::Skipped(reason) => {
                skipped += 1;
                *skip_reasons.entry(reason).or_insert(0) += 1;
            }
            Outcome::Ran {
                success,
                codes,
                rejecting,
            } => {
                dump.push(format!("{id}\t{rejecting:?}"));
                ran += 1;
                if !success && !codes.is_empty() && codes.iter().all(|c| c == "cert.invalid") {
                    invalid_only.push(id.clone());
                }
                for code in &codes {
                    *fail_codes.entry(code.clone()).or_insert(0) += 1;
                }
                let ours = if success { "SUCCESS" } else { "FAILURE" };
                if ours == expected {
                    agree += 1;
                } else {
                    divergences.push(format!(
                        "{id}: expected {expected}, mongotls {ours} {codes:?} (webpki {}, openssl {})",
                        webpki.get(&id).map(String::as_str).unwrap_or("-"),
                        openssl.get(&id).map(String::as_str).unwrap_or("-"),
                    ));
                }
                for (reference, ran, agreed) in [
                    (&webpki, &mut webpki_ran, &mut webpki_agree),
                    (&openssl, &mut openssl_ran, &mut openssl_agree),
                ] {
                    if let Some(r) = reference.get(&id).filter(|r| *r != "SKIPPED") {
                        *ran += 1;
                        if r == expected {
                            *agreed += 1;
                        }
                    }
                }
            }
        }
    }
    if let Some(path) = std::env::var_os("MONGOTLS_LIMBO_DUMP") {
        let _ = std::fs::write(path, dump.join("\n"));
    }
    eprintln!("divergences from expected_result:");
    for d in &divergences {
        eprintln!("  {d}");
    }
    eprintln!("fail codes (findings, over every case): {fail_codes:?}");
    eprintln!(
        "failures carrying only cert.invalid: {} {invalid_only:?}",
        invalid_only.len()
    );
    eprintln!(
        "mongotls verify: {agree}/{ran} cases agree with expected_result ({skipped} skipped: {skip_reasons:?})"
    );
    eprintln!(
        "on the same cases: rustls-webpki 0.103.13 {webpki_agree}/{webpki_ran}, OpenSSL 3.0.19 {openssl_agree}/{openssl_ran}"
    );
    let strict = strict_agreement(&cases);
    assert!(ran >= 150, "too few cases ran: {ran}");
    assert!(
        strict * 100 >= ran * 85,
        "--strict agreement fell below 85%: {strict}/{ran}"
    );
    assert!(
        agree * 100 >= ran * 65,
        "agreement fell below 65%: {agree}/{ran}"
    );
}

/// Agreement of `verify --strict` with `expected_result`, with its divergences printed; the
/// number of cases that agree.
fn strict_agreement(cases: &[Value]) -> usize {
    let (mut ran, mut agree) = (0, 0);
    let mut divergences = Vec::new();
    for case in cases {
        let Outcome::Ran { success, codes, .. } = run_case(case, true) else {
            continue;
        };
        ran += 1;
        let expected = case["expected_result"].as_str().unwrap_or("?");
        let ours = if success { "SUCCESS" } else { "FAILURE" };
        if ours == expected {
            agree += 1;
        } else {
            divergences.push(format!(
                "{}: expected {expected}, mongotls --strict {ours} {codes:?}",
                case["id"].as_str().unwrap_or("?")
            ));
        }
    }
    eprintln!("divergences of --strict from expected_result:");
    for d in &divergences {
        eprintln!("  {d}");
    }
    eprintln!(
        "mongotls verify --strict: {agree}/{ran} cases agree with expected_result ({:.1}%)",
        agree as f64 * 100.0 / ran.max(1) as f64
    );
    agree
}
