//! `mongotls check` against the loopback sandbox, one test per scenario, through the binary
//! exactly as users run it: verdicts, finding codes, the JSON contract, redaction, exit codes.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;

use crate::support::run::{assert_snake, mongotls};
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};
use serde_json::Value;

async fn sandbox(scenario: Scenario, tls_mode: Option<TlsMode>) -> Sandbox {
    Sandbox::start(SandboxConfig {
        members: 3,
        scenario,
        tls_mode,
        handshake_delay: None,
    })
    .await
    .expect("start sandbox")
}

/// Runs `check URI --ca FILE --format json [extra]` in a blocking thread (the sandbox keeps
/// serving on this runtime meanwhile).
async fn check(sb: &Sandbox, extra: &[&str]) -> (i32, Value) {
    let uri = sb.uri();
    let ca = sb.ca_file().display().to_string();
    let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    let run = tokio::task::spawn_blocking(move || {
        let mut args = vec![
            "check",
            &uri,
            "--ca",
            &ca,
            "--format",
            "json",
            "--timeout",
            "10s",
        ];
        args.extend(extra.iter().map(String::as_str));
        mongotls(&args)
    })
    .await
    .expect("join");
    let json: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    (run.code, json)
}

fn member_codes(report: &Value, i: usize) -> BTreeSet<String> {
    report["members"][i]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn set_codes(report: &Value) -> BTreeSet<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn members(report: &Value) -> &Vec<Value> {
    report["members"].as_array().expect("members")
}

/// Every member carries `code`, and the run fails.
async fn every_member_fails_with(scenario: Scenario, code: &str) -> Value {
    let sb = sandbox(scenario, None).await;
    let (exit, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 1, "{scenario}: {r:#}");
    assert_eq!(r["verdict"], "fail");
    assert_eq!(members(&r).len(), 3, "{scenario}");
    for i in 0..3 {
        assert!(
            member_codes(&r, i).contains(code),
            "{scenario}: member {i} lacks {code}: {:?}",
            member_codes(&r, i)
        );
    }
    r
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn good_set_passes_with_every_phase_timed() {
    let sb = sandbox(Scenario::Good, Some(TlsMode::Require)).await;
    let names: BTreeSet<String> = sb.members().into_iter().collect();
    let (exit, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 0, "{r:#}");
    assert_eq!(r["verdict"], "pass");
    assert_eq!(r["schema_version"], mongotls::report::SCHEMA_VERSION);
    assert_eq!(r["target"]["set_name"], "mongotls-sandbox");
    let got: BTreeSet<String> = members(&r)
        .iter()
        .map(|m| m["address"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, names);
    let primaries = members(&r)
        .iter()
        .filter(|m| m["hello"]["is_writable_primary"] == true)
        .count();
    assert_eq!(primaries, 1);
    for m in members(&r) {
        assert_eq!(m["tls_mode"], "tls_only", "{m:#}");
        assert_eq!(m["tls"]["version"], "TLSv1.3");
        assert!(m["tls"]["cipher_suite"]
            .as_str()
            .unwrap()
            .starts_with("TLS13_"));
        for phase in ["dns", "tcp_connect", "tls_handshake", "hello", "ping"] {
            assert!(
                m["timings_ms"][phase].as_f64().is_some_and(|v| v >= 0.0),
                "{phase} not timed: {m:#}"
            );
        }
        assert_eq!(m["chain"]["trusted"], true);
        assert_eq!(m["hello"]["me"], m["address"]);
        assert_eq!(m["server_version"], "7.0.14");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allow_mode_says_plaintext_is_still_accepted() {
    let sb = sandbox(Scenario::Good, Some(TlsMode::Allow)).await;
    let (exit, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 0, "warnings only");
    assert_eq!(r["verdict"], "warn");
    for (i, m) in members(&r).iter().enumerate() {
        assert_eq!(m["tls_mode"], "tls_and_plain");
        assert!(member_codes(&r, i).contains("tls.plaintext_accepted"));
    }
    let (exit, _) = {
        let sb = sandbox(Scenario::Good, Some(TlsMode::Allow)).await;
        let out = check(&sb, &["--strict"]).await;
        sb.shutdown().await;
        out
    };
    assert_eq!(exit, 1, "--strict fails on warnings");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired() {
    every_member_fails_with(Scenario::Expired, "cert.expired").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_yet_valid() {
    every_member_fails_with(Scenario::NotYetValid, "cert.not_yet_valid").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_ca() {
    every_member_fails_with(Scenario::WrongCa, "cert.unknown_issuer").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostname_mismatch() {
    let r = every_member_fails_with(Scenario::HostnameMismatch, "cert.hostname_mismatch").await;
    let f = r["members"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "cert.hostname_mismatch")
        .unwrap();
    let msg = f["message"].as_str().unwrap();
    assert!(msg.contains("localhost"), "{msg}");
    assert!(msg.contains("mongo-old.sandbox.invalid"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_intermediate() {
    let r = every_member_fails_with(Scenario::MissingIntermediate, "cert.unknown_issuer").await;
    assert_eq!(
        r["members"][0]["chain"]["path"].as_array().unwrap().len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn self_signed() {
    every_member_fails_with(Scenario::SelfSigned, "cert.self_signed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plaintext_only_is_explained_as_tls_not_enabled() {
    let r = every_member_fails_with(Scenario::PlaintextOnly, "tls.not_enabled").await;
    for (i, m) in members(&r).iter().enumerate() {
        assert_eq!(m["tls_mode"], "plain_only");
        assert!(!member_codes(&r, i).contains("tls.handshake_failed"));
    }
    // Discovery still worked, from the plaintext hello.
    assert_eq!(r["target"]["set_name"], "mongotls-sandbox");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_required_refuses_plaintext() {
    let sb = sandbox(Scenario::TlsRequired, None).await;
    let (exit, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 0, "{r:#}");
    for m in members(&r) {
        assert_eq!(m["tls_mode"], "tls_only");
        assert_eq!(m["plaintext"]["accepted"], false);
        // The healthy end state, said in plain words rather than as a wire error.
        let detail = m["plaintext"]["detail"].as_str().unwrap();
        assert!(
            detail.contains("refuses plaintext connections, as it should"),
            "{detail}"
        );
        assert!(!detail.contains("of 16 bytes"), "{detail}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_member_expired_is_named_although_the_set_works() {
    let sb = sandbox(Scenario::OneMemberExpired, Some(TlsMode::Require)).await;
    let last = sb.members().last().cloned().unwrap();
    let (exit, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 1);
    for (i, m) in members(&r).iter().enumerate() {
        let expired = member_codes(&r, i).contains("cert.expired");
        assert_eq!(expired, m["address"] == last.as_str(), "{m:#}");
        // The set still answers: every member's ping works.
        assert_eq!(m["ping_ok"], true);
    }
    assert!(set_codes(&r).contains("rs.inconsistent_certificates"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_primary() {
    let sb = sandbox(Scenario::NoPrimary, Some(TlsMode::Require)).await;
    let (exit, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 1);
    assert!(
        set_codes(&r).contains("rs.no_primary"),
        "{:?}",
        set_codes(&r)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_replica_set_name_and_seed_only_mode() {
    let sb = sandbox(Scenario::Good, Some(TlsMode::Require)).await;
    let first = sb.members()[0].clone();
    let uri = format!(
        "mongodb://{first}/?tls=true&replicaSet=not-the-set&tlsCAFile={}",
        sb.ca_file().display()
    );
    let run = tokio::task::spawn_blocking(move || {
        mongotls(&["check", &uri, "--format", "json", "--no-discover"])
    })
    .await
    .unwrap();
    sb.shutdown().await;
    assert_eq!(run.code, 1, "{}", run.stdout);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(set_codes(&r).contains("rs.name_mismatch"));
    assert_eq!(members(&r).len(), 1, "--no-discover probes the seed only");
    assert_eq!(r["options"]["discover"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_seed_is_reported_by_name_and_others_still_checked() {
    let sb = sandbox(Scenario::Good, Some(TlsMode::Require)).await;
    // A port nothing listens on: bind, read the port, close.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_port = dead.local_addr().unwrap().port();
    drop(dead);
    let uri = format!(
        "mongodb://localhost:{dead_port},{}/?tls=true&replicaSet=mongotls-sandbox",
        sb.members()[0]
    );
    let ca = sb.ca_file().display().to_string();
    let run = tokio::task::spawn_blocking(move || {
        mongotls(&[
            "check",
            &uri,
            "--ca",
            &ca,
            "--format",
            "json",
            "--timeout",
            "5s",
        ])
    })
    .await
    .unwrap();
    sb.shutdown().await;
    assert_eq!(run.code, 1);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    let dead_member = members(&r)
        .iter()
        .position(|m| m["address"] == format!("localhost:{dead_port}"))
        .expect("dead seed reported");
    assert_eq!(r["members"][dead_member]["tls_mode"], "unreachable");
    assert!(member_codes(&r, dead_member).contains("net.connect_refused"));
    assert!(set_codes(&r).contains("rs.seed_not_member"));
    // The three real members were discovered and checked anyway.
    assert_eq!(members(&r).len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_never_appears_in_any_output() {
    let sb = sandbox(Scenario::Expired, None).await;
    let secret = "Zq8xW3rT9pLm";
    let uri = format!(
        "mongodb://root:{secret}@{}/admin?tls=true&replicaSet=mongotls-sandbox&tlsCAFile={}",
        sb.members()[0],
        sb.ca_file().display()
    );
    let runs = tokio::task::spawn_blocking(move || {
        ["text", "json"].map(|format| mongotls(&["check", &uri, "--format", format]))
    })
    .await
    .unwrap();
    sb.shutdown().await;
    for run in &runs {
        assert_eq!(run.code, 1);
        assert!(!run.stdout.contains(secret), "password in stdout");
        assert!(!run.stderr.contains(secret), "password in stderr");
        assert!(run.stdout.contains("root:****@"), "{}", run.stdout);
    }
}

#[test]
fn usage_errors_exit_2_without_the_password() {
    let run = mongotls(&[
        "check",
        "mongodb+srv://u:pw123456789@cluster.example.net:27017/",
        "--ca",
        "x",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("without a port"), "{}", run.stderr);
    assert!(!run.stderr.contains("pw123456789"));
    let run = mongotls(&["check", "mongodb://h:99999/", "--ca", "x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("99999"), "{}", run.stderr);
    let run = mongotls(&["check", "mongodb://h/", "--ca", "x", "--timeout", "0s"]);
    assert_eq!(run.code, 2);
    for (option, value) in [
        ("--deadline", "0s"),
        ("--deadline", "2h"),
        ("--deadline", "soon"),
        ("--max-connections", "0"),
        ("--max-connections", "100000"),
    ] {
        let run = mongotls(&["check", "mongodb://h/", "--ca", "x", option, value]);
        assert_eq!(run.code, 2, "{option} {value}: {}", run.stderr);
        assert!(
            run.stderr.contains(option) && run.stderr.contains(value),
            "{option} {value}: {}",
            run.stderr
        );
    }
    // More seeds than a replica set can have members.
    let hosts: Vec<String> = (0..51).map(|i| format!("h{i}:27017")).collect();
    let uri = format!("mongodb://u:pw123456789@{}/", hosts.join(","));
    for command in ["check", "bench"] {
        let run = mongotls(&[command, &uri, "--ca", "x"]);
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert!(run.stderr.contains("51 hosts"), "{command}: {}", run.stderr);
        assert!(!run.stderr.contains("pw123456789"));
    }
}

/// Guards the `check` JSON shape: the contract's keys, snake_case everywhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_contract_is_stable() {
    let sb = sandbox(Scenario::OneMemberExpired, None).await;
    let (_, r) = check(&sb, &[]).await;
    sb.shutdown().await;
    assert_snake(&r, "check");
    for key in [
        "schema_version",
        "verdict",
        "target",
        "ca",
        "client_cert",
        "members",
        "findings",
        "duration_ms",
    ] {
        assert!(r.get(key).is_some(), "check JSON lacks {key}");
    }
    for key in ["uri", "replica_set", "set_name", "seeds"] {
        assert!(r["target"].get(key).is_some(), "target lacks {key}");
    }
    assert!(r["ca"]["certificates"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
    let m = &r["members"][0];
    for key in [
        "address",
        "tls_mode",
        "timings_ms",
        "tls",
        "chain",
        "hello",
        "findings",
    ] {
        assert!(m.get(key).is_some(), "member lacks {key}: {m:#}");
    }
    for key in ["timeout_ms", "deadline_ms", "max_connections", "discover"] {
        assert!(r["options"].get(key).is_some(), "options lack {key}");
    }
    for key in ["dns", "tcp_connect", "tls_handshake", "hello", "ping"] {
        assert!(m["timings_ms"].get(key).is_some(), "timings lack {key}");
    }
    for key in ["version", "cipher_suite"] {
        assert!(m["tls"].get(key).is_some(), "tls lacks {key}");
    }
}

/// A member that accepts TCP connections and never says anything: a listener on
/// 127.0.0.1:0 holding every connection it accepts until the returned task is aborted.
pub(crate) async fn silent_member() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    (address, task)
}

/// Runs `check ARGS --format json` in a blocking thread: exit code and report.
async fn check_json(args: Vec<String>) -> (i32, Value) {
    let run = tokio::task::spawn_blocking(move || {
        let mut args = args;
        args.extend(["--format".into(), "json".into()]);
        mongotls(&args)
    })
    .await
    .unwrap();
    let json: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    (run.code, json)
}

fn ms(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a duration: {v}"))
}

/// TLS and the plaintext probe run at the same time on their own connections: a member that
/// answers neither costs one --timeout, not two, and both phases are still measured.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_member_costs_one_timeout_not_two() {
    let (address, silent) = silent_member().await;
    let timeout_ms = 3000.0;
    let (exit, r) = check_json(vec![
        "check".into(),
        format!("mongodb://{address}/?tls=true"),
        "--no-driver".into(),
        "--timeout".into(),
        "3s".into(),
    ])
    .await;
    silent.abort();
    assert_eq!(exit, 1, "{r:#}");
    let m = &r["members"][0];
    let t = &m["timings_ms"];
    // Both phases ran into the timeout, and both are reported.
    assert!(ms(&t["tls_handshake"]) >= timeout_ms * 0.9, "{t}");
    assert!(ms(&t["plaintext_hello"]) >= timeout_ms * 0.9, "{t}");
    // One after the other they would take two timeouts; side by side, about one.
    assert!(
        ms(&r["duration_ms"]) < timeout_ms * 1.8,
        "the run took {} ms with a {timeout_ms} ms timeout: {t}",
        r["duration_ms"]
    );
}

/// Every finding of the run (set, members, driver) with its severity.
fn all_findings(r: &Value) -> Vec<&Value> {
    let set = r["findings"].as_array().unwrap().iter();
    let of_members = members(r)
        .iter()
        .flat_map(|m| m["findings"].as_array().unwrap());
    let driver = r["driver"]["findings"].as_array().into_iter().flatten();
    set.chain(of_members).chain(driver).collect()
}

fn failures(r: &Value) -> Vec<&str> {
    all_findings(r)
        .into_iter()
        .filter(|f| f["severity"] == "fail")
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

/// One refused member is one failure, for its one cause; the set-level finding says what it
/// means (no other member: clients cannot connect at all) without counting it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_member_is_one_failure() {
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = dead.local_addr().unwrap().to_string();
    drop(dead);
    let (exit, r) = check_json(vec![
        "check".into(),
        format!("mongodb://{address}/?tls=true"),
        "--no-driver".into(),
        "--timeout".into(),
        "5s".into(),
    ])
    .await;
    assert_eq!(exit, 1, "{r:#}");
    assert_eq!(failures(&r), ["net.connect_refused"], "{r:#}");
    let set: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "rs.member_unreachable")
        .collect();
    assert_eq!(set.len(), 1, "{r:#}");
    let hint = set[0]["hint"].as_str().unwrap();
    assert!(!hint.contains("other members"), "{hint}");
    assert!(hint.contains("cannot connect at all"), "{hint}");
}

/// A member that takes the connection and never answers is unreachable for the set like a
/// refused one, and its plaintext probe's timeout is not called a refusal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_member_is_unreachable_and_its_plaintext_timeout_no_refusal() {
    let (address, silent) = silent_member().await;
    let (exit, r) = check_json(vec![
        "check".into(),
        format!("mongodb://{address}/?tls=true"),
        "--no-driver".into(),
        "--timeout".into(),
        "1s".into(),
    ])
    .await;
    silent.abort();
    assert_eq!(exit, 1, "{r:#}");
    assert_eq!(failures(&r), ["tls.handshake_timeout"], "{r:#}");
    let unreachable: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "rs.member_unreachable")
        .collect();
    assert_eq!(unreachable.len(), 1, "{r:#}");
    assert!(
        unreachable[0]["message"]
            .as_str()
            .unwrap()
            .contains("never answered"),
        "{r:#}"
    );
    let p = &r["members"][0]["plaintext"];
    assert_eq!(p["accepted"], false);
    let detail = p["detail"].as_str().unwrap();
    assert!(!detail.starts_with("plaintext refused"), "{detail}");
    assert!(detail.contains("does not prove"), "{detail}");
}

/// In Chinese, the findings speak Chinese and send the user to the console's own labels
/// (数据安全性 > 白名单设置, 专有网络 VPC, port 3717); codes stay as they are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_member_is_explained_in_chinese_with_the_consoles_labels() {
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = dead.local_addr().unwrap().to_string();
    drop(dead);
    let (exit, r) = check_json(vec![
        "--lang".into(),
        "zh".into(),
        "check".into(),
        format!("mongodb://{address}/?tls=true"),
        "--no-driver".into(),
    ])
    .await;
    assert_eq!(exit, 1, "{r:#}");
    let refused = &r["members"][0]["findings"][0];
    assert_eq!(refused["code"], "net.connect_refused");
    let message = refused["message"].as_str().unwrap();
    assert!(
        message.contains("被拒绝") && message.contains(&address),
        "{message}"
    );
    assert!(
        refused["hint"].as_str().unwrap().contains("3717"),
        "{refused}"
    );
    let set = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "rs.member_unreachable")
        .expect("rs.member_unreachable");
    let hint = set["hint"].as_str().unwrap();
    for label in ["数据安全性 > 白名单设置", "专有网络 VPC", "3717"] {
        assert!(hint.contains(label), "{label} not in {hint}");
    }
    assert!(!hint.contains("whitelist"), "{hint}");
}
