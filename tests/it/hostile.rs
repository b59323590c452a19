//! `mongotls check` against hostile and broken servers (`support::hostile`), through the binary
//! as users run it: every misbehaviour must end as a finding of that member, with exit code 1 —
//! never a hang, a panic (exit 101) or a usage error (exit 2) — and must not hide the healthy
//! members of the same run.
//!
//! Each run is bounded generously ([`HANG_LIMIT`]): a child still running then is killed and
//! the test fails as a hang. No timing is asserted beyond that.

// Observed findings and durations go to stderr (shown with `--nocapture`).
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::process::Command;
use std::time::Duration;

use crate::support::hostile::{dead_port, Behaviour, HostileServer, TWO_GIB_DECLARED};
use crate::support::inputs::{run_within, Outcome};
use crate::support::report::{codes, findings, member, members, message};
use crate::support::run::MONGOTLS;
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};
use serde_json::Value;

/// A run still going after this long is a hang (with `--timeout 1s`, runs take a few seconds).
const HANG_LIMIT: Duration = Duration::from_secs(60);

/// The cap of `check`'s discovery (`mongotls::check::MAX_MEMBERS`).
const MAX_MEMBERS: usize = mongotls::check::MAX_MEMBERS;

/// Runs the binary, killing it after [`HANG_LIMIT`]. Blocking: call from `spawn_blocking`.
fn mongotls(args: Vec<String>) -> Outcome {
    run_within(Command::new(MONGOTLS), &args, HANG_LIMIT)
}

/// `check URI --ca CA --format json --timeout 1s [extra]`, off the runtime so that the
/// servers keep serving meanwhile.
async fn check(uri: String, ca: String, extra: &[&str]) -> Outcome {
    let mut args: Vec<String> = [
        "check",
        &uri,
        "--ca",
        &ca,
        "--format",
        "json",
        "--timeout",
        "1s",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    tokio::task::spawn_blocking(move || mongotls(args))
        .await
        .expect("join the blocking run")
}

async fn check_hostile(server: &HostileServer) -> Outcome {
    check(server.uri(), server.ca_file().display().to_string(), &[]).await
}

/// Starts `behaviour`, checks it alone, asserts a clean failure with a single member (nothing
/// is discovered from a hostile answer) carrying `code`, and returns that member's message for
/// `code` and the member.
async fn single(behaviour: Behaviour, code: &str) -> (String, Value) {
    let server = HostileServer::start(behaviour.clone())
        .await
        .expect("start hostile server");
    let run = check_hostile(&server).await;
    drop(server);
    run.assert_exit(1);
    let r = run.json();
    assert_eq!(r["verdict"], "fail", "{behaviour:?}");
    assert_eq!(members(&r).len(), 1, "{behaviour:?}: {r:#}");
    let m = members(&r)[0].clone();
    let msg = message(&m, code).to_string();
    eprintln!(
        "{behaviour:?}: {code} in {:.1}s: {msg}",
        run.elapsed.as_secs_f64()
    );
    if behaviour.completes_tls() {
        // TLS itself worked (and the chain is trusted): the trouble is after it.
        assert!(m["tls"]["version"].is_string(), "{behaviour:?}: {m:#}");
        assert_eq!(m["chain"]["trusted"], true, "{behaviour:?}: {m:#}");
        // The plaintext probe met the same hostile answer and did not count it as accepted.
        assert_eq!(m["plaintext"]["accepted"], false, "{behaviour:?}: {m:#}");
    } else {
        assert!(m["tls"].is_null(), "{behaviour:?}: {m:#}");
    }
    (msg, m)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn never_speaks_is_a_handshake_timeout() {
    single(Behaviour::Silent, "tls.handshake_timeout").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_byte_a_second_is_a_handshake_timeout() {
    single(Behaviour::Trickle, "tls.handshake_timeout").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_answer_is_not_tls() {
    let (msg, _) = single(Behaviour::Garbage, "tls.handshake_failed").await;
    assert!(msg.contains("not TLS"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_answer_is_not_tls() {
    let (msg, _) = single(Behaviour::Http400, "tls.handshake_failed").await;
    assert!(msg.contains("not TLS"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alert_is_named() {
    let (msg, _) = single(Behaviour::Alert, "tls.handshake_failed").await;
    assert!(msg.contains("alert"), "{msg}");
    assert!(msg.contains("HandshakeFailure"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_mid_handshake_is_a_handshake_failure() {
    let (msg, _) = single(Behaviour::Reset, "tls.handshake_failed").await;
    assert!(msg.contains("closed the connection"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_gib_header_names_the_size_and_the_limit() {
    let (msg, m) = single(Behaviour::TwoGibHeader, "mongo.hello_failed").await;
    assert!(msg.contains(&TWO_GIB_DECLARED.to_string()), "{msg}");
    let limit = mongotls::wire::DEFAULT_MAX_MESSAGE_BYTES.to_string();
    assert!(msg.contains(&limit), "{msg}");
    let plain = m["plaintext"]["detail"].as_str().unwrap();
    assert!(plain.contains(&TWO_GIB_DECLARED.to_string()), "{plain}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_frame_is_a_hello_failure() {
    let (msg, _) = single(Behaviour::TruncatedFrame, "mongo.hello_failed").await;
    assert!(msg.contains("closed"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_bson_is_a_hello_failure() {
    let (msg, _) = single(Behaviour::MalformedBson, "mongo.hello_failed").await;
    assert!(msg.contains("BSON"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_response_to_is_a_hello_failure() {
    let (msg, _) = single(Behaviour::WrongResponseTo, "mongo.hello_failed").await;
    assert!(msg.contains("responseTo"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_hosts_are_capped() {
    let hosts: Vec<String> = (0..10_000)
        .map(|i| format!("m{i}.hostile.invalid:27017"))
        .collect();
    let server = HostileServer::start(Behaviour::Hello { hosts })
        .await
        .expect("start hostile server");
    let run = check_hostile(&server).await;
    let seed = server.address();
    drop(server);
    run.assert_exit(1);
    let r = run.json();
    eprintln!(
        "10,000 hosts: {} members in {:.1}s",
        members(&r).len(),
        run.elapsed.as_secs_f64()
    );
    assert!(
        codes(&r).iter().any(|c| c == "rs.discovery_capped"),
        "{:?}",
        codes(&r)
    );
    assert!(members(&r).len() <= MAX_MEMBERS, "{}", members(&r).len());
    assert!(members(&r).len() > 1, "discovery followed some hosts");
    assert_eq!(member(&r, &seed)["ping_ok"], true);
    for m in members(&r).iter().filter(|m| m["address"] != seed.as_str()) {
        assert!(
            codes(m).iter().any(|c| c == "net.dns_failed"),
            "{}: {:?}",
            m["address"],
            codes(m)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hosts_pointing_elsewhere_are_reported_as_members() {
    let dead = [dead_port(), dead_port()].map(|p| format!("localhost:{p}"));
    let nowhere = "nonexistent.invalid:27017".to_string();
    let mut hosts = dead.to_vec();
    hosts.push(nowhere.clone());
    let server = HostileServer::start(Behaviour::Hello { hosts })
        .await
        .expect("start hostile server");
    let run = check_hostile(&server).await;
    let seed = server.address();
    drop(server);
    run.assert_exit(1);
    let r = run.json();
    for m in members(&r) {
        eprintln!("hosts elsewhere: {} {:?}", m["address"], codes(m));
    }
    assert_eq!(members(&r).len(), 4, "{r:#}");
    let s = member(&r, &seed);
    assert_eq!(s["ping_ok"], true, "{s:#}");
    assert_eq!(s["server_version"], "7.0.14-hostile");
    for d in &dead {
        let m = member(&r, d);
        assert!(message(m, "net.connect_refused").contains("refused"));
        assert_eq!(m["tls_mode"], "unreachable");
    }
    let m = member(&r, &nowhere);
    assert!(message(m, "net.dns_failed").contains("nonexistent.invalid"));
    let unreachable = findings(&r)
        .iter()
        .filter(|f| f["code"] == "rs.member_unreachable")
        .count();
    assert_eq!(unreachable, 3, "{:?}", codes(&r));
}

/// Several hostile seeds beside one healthy sandbox seed: every hostile one is reported with
/// its finding, and the healthy set is still discovered and fully reported.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_seeds_do_not_hide_a_healthy_set() {
    let sb = Sandbox::start(SandboxConfig {
        members: 3,
        scenario: Scenario::Good,
        tls_mode: Some(TlsMode::Require),
        handshake_delay: None,
    })
    .await
    .expect("start sandbox");
    let cases = [
        (Behaviour::Silent, "tls.handshake_timeout"),
        (Behaviour::Trickle, "tls.handshake_timeout"),
        (Behaviour::Http400, "tls.handshake_failed"),
        (Behaviour::Reset, "tls.handshake_failed"),
        (Behaviour::TwoGibHeader, "mongo.hello_failed"),
        (Behaviour::MalformedBson, "mongo.hello_failed"),
    ];
    let mut servers = Vec::new();
    for (b, _) in &cases {
        servers.push(HostileServer::start(b.clone()).await.expect("start"));
    }
    // One CA file trusting the sandbox and every hostile server.
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    let mut pem = std::fs::read_to_string(sb.ca_file()).unwrap();
    for s in &servers {
        pem.push_str(s.ca_pem());
    }
    std::fs::write(&ca, pem).unwrap();
    let healthy_seed = sb.members()[0].clone();
    let seeds: Vec<String> = servers
        .iter()
        .map(HostileServer::address)
        .chain([healthy_seed])
        .collect();
    let uri = format!(
        "mongodb://{}/?tls=true&replicaSet={}",
        seeds.join(","),
        sb.set_name()
    );
    let run = check(uri, ca.display().to_string(), &[]).await;
    let hostile: Vec<String> = servers.iter().map(HostileServer::address).collect();
    let set_name = sb.set_name().to_string();
    let names = sb.members();
    drop(servers);
    sb.shutdown().await;
    run.assert_exit(1);
    let r = run.json();
    eprintln!(
        "combined: {} members in {:.1}s",
        members(&r).len(),
        run.elapsed.as_secs_f64()
    );
    assert_eq!(members(&r).len(), cases.len() + 3, "{r:#}");
    for ((b, code), address) in cases.iter().zip(&hostile) {
        let m = member(&r, address);
        assert!(
            codes(m).iter().any(|c| c == code),
            "{b:?} at {address}: {:?}",
            codes(m)
        );
    }
    assert_eq!(r["target"]["set_name"], set_name.as_str());
    for name in names {
        let m = member(&r, &name);
        assert_eq!(m["tls_mode"], "tls_only", "{m:#}");
        assert!(m["tls"]["version"].is_string(), "{m:#}");
        assert_eq!(m["chain"]["trusted"], true, "{m:#}");
        assert_eq!(m["hello"]["me"], name.as_str(), "{m:#}");
        assert_eq!(m["hello"]["set_name"], set_name.as_str());
        assert_eq!(m["ping_ok"], true, "{m:#}");
        assert_eq!(m["server_version"], "7.0.14", "{m:#}");
        assert_eq!(m["in_config"], true);
        assert!(findings(m).is_empty(), "{name}: {:?}", codes(m));
    }
    // The set itself is judged from the healthy members: a primary exists, names agree.
    let set_codes = codes(&r);
    assert!(
        !set_codes.iter().any(|c| c == "rs.no_primary"),
        "{set_codes:?}"
    );
    assert!(
        !set_codes.iter().any(|c| c == "rs.name_mismatch"),
        "{set_codes:?}"
    );
}

/// `--deadline` bounds the whole run, whatever `--timeout` allows: stalled members are cut at
/// it (or not started, when `--max-connections` makes them wait past it), and members that
/// discovery named but had no time left for are listed at set level. Each says so with
/// `net.deadline_exceeded`; the member that answered is reported in full.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadline_bounds_the_run_and_names_what_was_cut() {
    let elsewhere = format!("localhost:{}", dead_port());
    let healthy = HostileServer::start(Behaviour::Hello {
        hosts: vec![elsewhere.clone()],
    })
    .await
    .expect("start hello server");
    let mut silent = Vec::new();
    for _ in 0..3 {
        silent.push(
            HostileServer::start(Behaviour::Silent)
                .await
                .expect("start"),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    let mut pem = healthy.ca_pem().to_string();
    for s in &silent {
        pem.push_str(s.ca_pem());
    }
    std::fs::write(&ca, pem).unwrap();
    let seeds: Vec<String> = std::iter::once(healthy.address())
        .chain(silent.iter().map(HostileServer::address))
        .collect();
    let uri = format!("mongodb://alice:Dl9secret@{}/?tls=true", seeds.join(","));
    // --timeout would let each silent member stall for 5 minutes; the deadline stops the run
    // after 3 seconds. Two connections at a time: the third silent member waits for a slot.
    let args: Vec<String> = [
        "check",
        &uri,
        "--ca",
        &ca.display().to_string(),
        "--format",
        "json",
        "--timeout",
        "5m",
        "--deadline",
        "3s",
        "--max-connections",
        "2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let run = tokio::task::spawn_blocking(move || mongotls(args))
        .await
        .unwrap();
    drop(healthy);
    drop(silent);
    run.assert_exit(1);
    assert!(!run.stdout.contains("Dl9secret") && !run.stderr.contains("Dl9secret"));
    let r = run.json();
    eprintln!(
        "deadline 3s: finished in {:.1}s; {:?}",
        run.elapsed.as_secs_f64(),
        members(&r)
            .iter()
            .map(|m| (m["address"].clone(), codes(m)))
            .collect::<Vec<_>>()
    );
    // Far below what --timeout alone would allow (3 members x 5m); no tight bound on a
    // loaded machine.
    assert!(run.elapsed < Duration::from_secs(40), "{:?}", run.elapsed);
    assert_eq!(r["options"]["deadline_ms"], 3000);
    assert_eq!(r["options"]["max_connections"], 2);
    let h = member(&r, &seeds[0]);
    assert_eq!(h["ping_ok"], true, "{h:#}");
    assert!(!codes(h).contains(&"net.deadline_exceeded".to_string()));
    let mut never_started = 0;
    for address in &seeds[1..] {
        let m = member(&r, address);
        let why = message(m, "net.deadline_exceeded");
        assert!(why.contains("3s"), "{address}: {m:#}");
        if why.contains("before the name resolution could start") {
            never_started += 1;
        }
    }
    // Two connections at a time: the third silent member waited for a slot until the
    // deadline, and was never started.
    assert_eq!(never_started, 1, "{r:#}");
    // Discovery named a member the deadline left no time for.
    assert!(
        message(&r, "net.deadline_exceeded").contains(&elsewhere),
        "{:?}",
        codes(&r)
    );
}
