//! Acceptance: `mongotls check` against an independent MongoDB wire-protocol server.
//!
//! The server is MockupDB (PyPI `mockupdb`, MongoDB's driver team), a wire-protocol server in
//! Python on PyMongo's `bson`, with Python's `ssl` (OpenSSL) for TLS, run by
//! `tests/peers/mock_replset.py` as a three-member replica set on 127.0.0.1. Nothing of it is
//! shared with mongotls' Rust code (different language, BSON and TLS stacks). The certificates
//! are made with the `openssl` CLI, as in `tests/it/openssl_acceptance.rs`.
//!
//! Each scenario (every certificate failure, a plaintext-only member, a TLS-only member among
//! TLS+plaintext ones, a set with one bad member) is judged three times:
//! 1. `mongotls check mongodb://localhost:P1,P2,P3/?replicaSet=rs0&tls=true --ca CA --format json`;
//! 2. PyMongo (`tests/peers/pymongo_judge.py`): per member a `directConnection` ping over TLS
//!    (and one over plaintext), and a replica-set ping over TLS;
//! 3. `openssl s_client -verify_return_error -verify_hostname localhost` per member.
//!
//! For every member the three verdicts must agree, the failing member must carry the specific
//! code (and the good ones must not), and the overall verdict is `fail` iff a member fails. The
//! healthy set must pass in well under a second, as measured by mongotls (`duration_ms`).
//!
//! Run with `cargo test --test independent_server -- --nocapture` to see the table. Without
//! `openssl`, `python3`, PyMongo or MockupDB the test prints "skipped" and passes, except in CI
//! (`CI` set), where `.ci/run` installs them and their absence fails.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use crate::support::openssl::{days, leaf_section, Issued, KeyKind, Pki, Spec};
use crate::support::peers::{mockupdb_peers_or_skip, peer_script, run_with_timeout, MockSet};
use crate::support::run::{path_str, text, MONGOTLS};
use serde_json::{json, Value};
use tempfile::TempDir;
use time::OffsetDateTime;

/// The replica set's name.
const SET_NAME: &str = "rs0";

/// Bound on any one judge process; reaching it is a test failure, not a verdict.
const PROCESS_TIMEOUT: Duration = Duration::from_secs(60);

/// `mongotls check --timeout`: generous, a loaded machine must not turn into a verdict.
const CHECK_TIMEOUT: &str = "10s";

/// PyMongo's `serverSelectionTimeoutMS`.
const PYMONGO_TIMEOUT_MS: &str = "3000";

/// The healthy check must finish within this, by mongotls' own `duration_ms`.
const HEALTHY_BUDGET_MS: f64 = 1000.0;

/// Scenarios judged at the same time after the healthy one (which runs alone, to be timed).
const PARALLEL_SCENARIOS: usize = 3;

// ---------------------------------------------------------------------------------------------
// A PKI made with `openssl req` and `openssl ca` (`support::openssl`, as in
// tests/it/openssl_acceptance.rs)
// ---------------------------------------------------------------------------------------------

/// Every certificate the scenarios serve.
struct Certs {
    root: PathBuf,
    other_root: PathBuf,
    intermediate: PathBuf,
    good: Issued,
    expired: Issued,
    future: Issued,
    other_host: Issued,
    self_signed: Issued,
}

fn make_certs(pki: &Pki, now: OffsetDateTime) -> Certs {
    let leaf_valid = (now - days(1), now + days(365));
    let expired = (now - days(60), now - days(2));
    let future = (now + days(2), now + days(365));
    let spec = Spec::new;
    let server = |name, valid| spec(name, "/CN=localhost", KeyKind::P256, "server", valid);

    let (root, intermediate) = pki.root_and_intermediate(now, "independent", "Independent");
    let other_root = pki.unrelated_root(now);
    Certs {
        good: pki.issue(&server("good", leaf_valid), Some(&intermediate)),
        expired: pki.issue(&server("expired", expired), Some(&intermediate)),
        future: pki.issue(&server("future", future), Some(&intermediate)),
        other_host: pki.issue(
            &spec(
                "other_host",
                "/CN=mongo-old.example",
                KeyKind::P256,
                "server_other_host",
                leaf_valid,
            ),
            Some(&intermediate),
        ),
        self_signed: pki.issue(&server("self_signed", leaf_valid), None),
        root: root.cert,
        other_root: other_root.cert,
        intermediate: intermediate.cert,
    }
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/// What a member serves.
#[derive(Clone)]
struct Member {
    /// `tls_only`, `tls_and_plain` or `plain_only` (as mongotls' `tls_mode` names them).
    mode: &'static str,
    /// Certificate and key (none for `plain_only`).
    leaf: Option<Issued>,
    /// Intermediates sent after the certificate.
    chain: Vec<PathBuf>,
    primary: bool,
    /// The code mongotls must report on this member when it must fail.
    fails_with: Option<&'static str>,
}

struct Scenario {
    name: &'static str,
    /// The CA file every client is given.
    ca: PathBuf,
    members: Vec<Member>,
    /// mongotls' `tls_mode` per member, where the scenario determines it.
    modes: [Option<&'static str>; 3],
    /// mongotls' overall verdict.
    verdict: &'static str,
    /// Whether PyMongo's replica-set ping works.
    set_ping_ok: bool,
}

fn scenarios(c: &Certs) -> Vec<Scenario> {
    let tls = |leaf: &Issued, chain: bool, fails_with| Member {
        mode: "tls_only",
        leaf: Some(leaf.clone()),
        chain: if chain {
            vec![c.intermediate.clone()]
        } else {
            Vec::new()
        },
        primary: false,
        fails_with,
    };
    let primary = |m: Member| Member { primary: true, ..m };
    let all = |name, ca: &PathBuf, leaf: &Issued, chain: bool, code| Scenario {
        name,
        ca: ca.clone(),
        members: vec![
            primary(tls(leaf, chain, code)),
            tls(leaf, chain, code),
            tls(leaf, chain, code),
        ],
        modes: if code.is_none() {
            [Some("tls_only"); 3]
        } else {
            [None; 3]
        },
        verdict: if code.is_none() { "pass" } else { "fail" },
        set_ping_ok: code.is_none(),
    };
    let good = || tls(&c.good, true, None);
    vec![
        all("good", &c.root, &c.good, true, None),
        all("expired", &c.root, &c.expired, true, Some("cert.expired")),
        all(
            "not yet valid",
            &c.root,
            &c.future,
            true,
            Some("cert.not_yet_valid"),
        ),
        all(
            "wrong CA",
            &c.other_root,
            &c.good,
            true,
            Some("cert.unknown_issuer"),
        ),
        all(
            "hostname mismatch",
            &c.root,
            &c.other_host,
            true,
            Some("cert.hostname_mismatch"),
        ),
        all(
            "self-signed",
            &c.root,
            &c.self_signed,
            false,
            Some("cert.self_signed"),
        ),
        Scenario {
            name: "plaintext-only member",
            ca: c.root.clone(),
            members: vec![
                primary(good()),
                good(),
                Member {
                    mode: "plain_only",
                    leaf: None,
                    chain: Vec::new(),
                    primary: false,
                    fails_with: Some("tls.not_enabled"),
                },
            ],
            modes: [Some("tls_only"), Some("tls_only"), Some("plain_only")],
            verdict: "fail",
            set_ping_ok: true,
        },
        Scenario {
            name: "TLS-only member",
            ca: c.root.clone(),
            members: vec![
                primary(good()),
                Member {
                    mode: "tls_and_plain",
                    ..good()
                },
                Member {
                    mode: "tls_and_plain",
                    ..good()
                },
            ],
            modes: [
                Some("tls_only"),
                Some("tls_and_plain"),
                Some("tls_and_plain"),
            ],
            verdict: "warn",
            set_ping_ok: true,
        },
        Scenario {
            name: "one bad member",
            ca: c.root.clone(),
            members: vec![
                primary(good()),
                good(),
                tls(&c.expired, true, Some("cert.expired")),
            ],
            modes: [Some("tls_only"), Some("tls_only"), None],
            verdict: "fail",
            set_ping_ok: true,
        },
    ]
}

// ---------------------------------------------------------------------------------------------
// The independent server: MockupDB, driven by tests/peers/mock_replset.py
// ---------------------------------------------------------------------------------------------

/// Starts the mock replica set serving `s`'s members (`support::peers::MockSet`).
fn start_mock(dir: &Path, s: &Scenario) -> MockSet {
    let members: Vec<Value> = s
        .members
        .iter()
        .map(|m| {
            json!({
                "mode": m.mode,
                "cert": m.leaf.as_ref().map(|l| path_str(&l.cert).to_string()),
                "key": m.leaf.as_ref().map(|l| path_str(&l.key).to_string()),
                "chain": m.chain.iter().map(|p| path_str(p).to_string()).collect::<Vec<_>>(),
                "primary": m.primary,
            })
        })
        .collect();
    MockSet::start(
        dir,
        &json!({ "set_name": SET_NAME, "members": members }),
        &format!("{}: ", s.name),
        "the mock replica set",
    )
}

fn port_of(member: &str) -> &str {
    member.rsplit_once(':').expect("host:port").1
}

// ---------------------------------------------------------------------------------------------
// Judges
// ---------------------------------------------------------------------------------------------

/// One verdict on one member.
#[derive(Clone, Debug)]
struct Outcome {
    ok: bool,
    detail: String,
}

/// `mongotls check ... --format json`: exit code and report.
fn judge_mongotls(set: &MockSet, ca: &Path) -> (Option<i32>, Value, String) {
    let uri = format!(
        "mongodb://{}/?replicaSet={SET_NAME}&tls=true",
        set.seed_list()
    );
    let out = run_with_timeout(
        Command::new(MONGOTLS).args([
            "check",
            &uri,
            "--ca",
            path_str(ca),
            "--format",
            "json",
            "--timeout",
            CHECK_TIMEOUT,
        ]),
        PROCESS_TIMEOUT,
    );
    let stdout = text(&out.stdout);
    let raw = format!("stdout:\n{stdout}\nstderr:\n{}", text(&out.stderr));
    let json = serde_json::from_str::<Value>(&stdout)
        .unwrap_or_else(|e| panic!("mongotls check: not JSON ({e})\n{raw}"));
    (out.status.code(), json, raw)
}

/// `tests/peers/pymongo_judge.py`: its JSON line.
fn judge_pymongo(set: &MockSet, ca: &Path) -> Value {
    let out = run_with_timeout(
        Command::new("python3")
            .arg(peer_script("pymongo_judge.py"))
            .args(["--ca", path_str(ca), "--set", SET_NAME])
            .args(["--timeout-ms", PYMONGO_TIMEOUT_MS])
            .args(&set.members),
        PROCESS_TIMEOUT,
    );
    let stdout = text(&out.stdout);
    let line = stdout.lines().rev().find(|l| l.starts_with('{'));
    line.and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| {
            panic!(
                "pymongo_judge.py gave no JSON ({}):\n{stdout}\n{}",
                out.status,
                text(&out.stderr)
            )
        })
}

fn pymongo_outcome(v: &Value) -> Outcome {
    Outcome {
        ok: v["ok"] == true,
        detail: v["error"].as_str().map(short_pymongo).unwrap_or_default(),
    }
}

/// The informative part of a PyMongo error: `ServerSelectionTimeoutError: [SSL: ...] ...`.
fn short_pymongo(error: &str) -> String {
    let (class, rest) = error.split_once(": ").unwrap_or(("", error));
    let mut rest = rest;
    for stop in [" (configured timeouts", ", Timeout: "] {
        if let Some(i) = rest.find(stop) {
            rest = &rest[..i];
        }
    }
    // "SSL handshake failed: localhost:P: reason" / "localhost:P: reason" -> the reason.
    let mut parts: Vec<&str> = rest.split(": ").collect();
    parts.retain(|p| !(p.starts_with("localhost:") && p[10..].chars().all(|c| c.is_ascii_digit())));
    let rest = parts.join(": ");
    let rest = rest.split(" (_ssl.c").next().unwrap_or(&rest);
    format!("{class}: {rest}")
}

/// `openssl s_client` against one member, verifying like a client given `ca`.
fn judge_s_client(member: &str, ca: &Path) -> Outcome {
    let out = run_with_timeout(
        Command::new("openssl").args([
            "s_client",
            "-connect",
            &format!("127.0.0.1:{}", port_of(member)),
            "-servername",
            "localhost",
            "-CAfile",
            path_str(ca),
            "-verify_return_error",
            "-verify_hostname",
            "localhost",
            "-brief",
        ]),
        PROCESS_TIMEOUT,
    );
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    if out.status.success() && all.contains("Verification: OK") {
        let version = all
            .lines()
            .find_map(|l| l.strip_prefix("Protocol version: "))
            .unwrap_or("?");
        return Outcome {
            ok: true,
            detail: format!("accept {version}"),
        };
    }
    let detail = all
        .lines()
        .find_map(|l| l.strip_prefix("verify error:"))
        .map(|e| format!("reject {e}"))
        .or_else(|| {
            all.lines()
                .find(|l| l.contains("error") || l.contains("errno"))
                .map(|l| format!("reject {}", l.trim()))
        })
        .unwrap_or_else(|| format!("reject ({})", out.status));
    Outcome { ok: false, detail }
}

// ---------------------------------------------------------------------------------------------
// Reading mongotls' report
// ---------------------------------------------------------------------------------------------

fn array(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn member_report<'a>(report: &'a Value, address: &str) -> Option<&'a Value> {
    array(&report["members"])
        .iter()
        .find(|m| m["address"] == address)
}

fn codes(findings: &Value) -> BTreeSet<String> {
    array(findings)
        .iter()
        .filter_map(|f| f["code"].as_str().map(str::to_string))
        .collect()
}

fn codes_with(findings: &Value, severity: &str) -> Vec<String> {
    array(findings)
        .iter()
        .filter(|f| f["severity"] == severity)
        .filter_map(|f| f["code"].as_str().map(str::to_string))
        .collect()
}

fn fail_codes(findings: &Value) -> Vec<String> {
    codes_with(findings, "fail")
}

/// `fail,codes (warn: codes)` or `-`.
fn describe_codes(findings: &Value) -> String {
    let fails = fail_codes(findings);
    let mut warns = codes_with(findings, "warn");
    warns.dedup();
    let mut out = fails.join(",");
    if !warns.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("(warn: {})", warns.join(",")));
    }
    if out.is_empty() {
        "-".into()
    } else {
        out
    }
}

// ---------------------------------------------------------------------------------------------
// One scenario
// ---------------------------------------------------------------------------------------------

struct Row {
    scenario: &'static str,
    member: String,
    mongotls: String,
    pymongo: String,
    plain: String,
    s_client: String,
    agree: bool,
}

struct ScenarioResult {
    rows: Vec<Row>,
    /// Set-level lines for the table.
    notes: Vec<String>,
    /// Every disagreement or broken expectation, with the evidence.
    problems: Vec<String>,
    duration_ms: Option<f64>,
}

fn run_scenario(root: &Path, index: usize, s: &Scenario) -> ScenarioResult {
    let dir = root.join(format!("scenario-{index}"));
    fs::create_dir_all(&dir).expect("create scenario directory");
    let set = start_mock(&dir, s);

    // mongotls first and alone, so that its timing is its own.
    let (exit, report, raw) = judge_mongotls(&set, &s.ca);
    let s_client: Vec<Outcome> = set
        .members
        .iter()
        .map(|m| judge_s_client(m, &s.ca))
        .collect();
    let pymongo = judge_pymongo(&set, &s.ca);
    let mock_stderr = set.stderr();
    let info = set.info.clone();
    let names = set.members.clone();
    drop(set);

    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut problem = |what: String| {
        problems.push(format!(
            "[{}] {what}\n    mongotls findings: {}\n    set findings: {}",
            s.name,
            summarise(&report),
            fail_codes_or_all(&report["findings"]),
        ));
    };

    // The members mongotls reports are the members the set has.
    let reported: BTreeSet<String> = array(&report["members"])
        .iter()
        .filter_map(|m| m["address"].as_str().map(str::to_string))
        .collect();
    let expected: BTreeSet<String> = names.iter().cloned().collect();
    if reported != expected {
        problem(format!(
            "mongotls reports members {reported:?}, the set has {expected:?}"
        ));
    }

    let mut any_fails = false;
    let mut primary_ok = None;
    for (i, (name, spec)) in names.iter().zip(&s.members).enumerate() {
        let Some(m) = member_report(&report, name) else {
            continue;
        };
        let member_codes = codes(&m["findings"]);
        let mt_fails = !fail_codes(&m["findings"]).is_empty();
        let pm = pymongo_outcome(&pymongo["members"][i]["tls"]);
        let plain = pymongo_outcome(&pymongo["members"][i]["plain"]);
        let sc = &s_client[i];
        let agree = mt_fails != pm.ok && pm.ok == sc.ok;
        any_fails |= mt_fails;
        if spec.primary {
            primary_ok = Some(pm.ok);
        }
        let tls_mode = m["tls_mode"].as_str().unwrap_or("?");
        rows.push(Row {
            scenario: s.name,
            member: format!(
                "{} ({}{})",
                name,
                spec.mode,
                if spec.primary { ", P" } else { "" }
            ),
            mongotls: format!(
                "{} {} {}",
                if mt_fails { "FAIL" } else { "ok" },
                tls_mode,
                describe_codes(&m["findings"])
            ),
            pymongo: if pm.ok {
                "OK".into()
            } else {
                pm.detail.clone()
            },
            plain: if plain.ok {
                "OK".into()
            } else {
                "refused".into()
            },
            s_client: sc.detail.clone(),
            agree,
        });

        if !agree {
            problem(format!(
                "member {name}: verdicts disagree: mongotls {} / PyMongo {} / s_client {}\n    \
                 PyMongo: {}\n    s_client: {}\n    mongotls member: {}",
                if mt_fails { "fail" } else { "pass" },
                if pm.ok { "ok" } else { "fail" },
                if sc.ok { "accept" } else { "reject" },
                pymongo["members"][i]["tls"],
                sc.detail,
                m["findings"],
            ));
        }
        // The scenario's design: this member fails with that code, or passes without it.
        match spec.fails_with {
            Some(code) => {
                if !mt_fails || !member_codes.contains(code) {
                    problem(format!(
                        "member {name} must fail with {code}; mongotls: {member_codes:?}"
                    ));
                }
            }
            None => {
                if mt_fails {
                    problem(format!(
                        "member {name} must pass; mongotls: {}",
                        m["findings"]
                    ));
                }
            }
        }
        // Codes of the scenario's failures must not be on the good members.
        for other in s.members.iter().filter_map(|o| o.fails_with) {
            if spec.fails_with.is_none() && member_codes.contains(other) {
                problem(format!("good member {name} carries {other}"));
            }
        }
        if let Some(mode) = s.modes[i] {
            if tls_mode != mode {
                problem(format!(
                    "member {name}: tls_mode {tls_mode}, expected {mode}; plaintext: {}",
                    m["plaintext"]
                ));
            }
        }
        // mongotls' plaintext probe against PyMongo's plaintext ping.
        if let Some(accepted) = m["plaintext"]["accepted"].as_bool() {
            if accepted != plain.ok {
                problem(format!(
                    "member {name}: mongotls says plaintext {}, PyMongo's plaintext ping: {}",
                    if accepted { "accepted" } else { "refused" },
                    pymongo["members"][i]["plain"]
                ));
            }
        }
    }

    // The overall verdict and exit code.
    let verdict = report["verdict"].as_str().unwrap_or("?");
    if (verdict == "fail") != any_fails {
        problem(format!(
            "overall verdict {verdict}, but a member fails: {any_fails}"
        ));
    }
    if verdict != s.verdict {
        problem(format!("overall verdict {verdict}, expected {}", s.verdict));
    }
    let want_exit = if any_fails { 1 } else { 0 };
    if exit != Some(want_exit) {
        problem(format!("exit {exit:?}, expected {want_exit}"));
    }

    // PyMongo's replica-set ping works iff the primary works.
    let set_outcome = pymongo_outcome(&pymongo["set"]);
    if set_outcome.ok != s.set_ping_ok {
        problem(format!(
            "PyMongo's set-level ping {}, expected {}: {}",
            if set_outcome.ok { "works" } else { "fails" },
            if s.set_ping_ok { "to work" } else { "to fail" },
            pymongo["set"]
        ));
    }
    if Some(set_outcome.ok) != primary_ok {
        problem(format!(
            "PyMongo's set-level ping {} while the primary's own ping {:?}: {}",
            if set_outcome.ok { "works" } else { "fails" },
            primary_ok,
            pymongo["set"]
        ));
    }

    // The independent server must have understood everything it was sent.
    if mock_stderr.contains("Traceback") {
        problem(format!("the mock server logged an error:\n{mock_stderr}"));
    }

    let duration_ms = report["duration_ms"].as_f64();
    let mut notes = vec![format!(
        "{}: mongotls verdict {verdict} (exit {exit:?}, {} ms), set findings [{}]; \
         PyMongo replica-set ping: {}",
        s.name,
        duration_ms.map_or("?".into(), |d| format!("{d:.1}")),
        codes(&report["findings"])
            .into_iter()
            .collect::<Vec<_>>()
            .join(", "),
        if set_outcome.ok {
            "OK".to_string()
        } else {
            set_outcome.detail.clone()
        }
    )];
    if index == 0 {
        notes.push(format!(
            "peers: MockupDB {} on PyMongo's bson {} with Python ssl ({}); judge PyMongo {}",
            info["mockupdb"].as_str().unwrap_or("?"),
            info["pymongo"].as_str().unwrap_or("?"),
            info["openssl"].as_str().unwrap_or("?"),
            pymongo["pymongo"].as_str().unwrap_or("?"),
        ));
    }
    if !problems.is_empty() {
        problems.push(format!(
            "[{}] mongotls raw output:\n{raw}\nmock stderr:\n{mock_stderr}",
            s.name
        ));
    }
    ScenarioResult {
        rows,
        notes,
        problems,
        duration_ms,
    }
}

fn summarise(report: &Value) -> String {
    array(&report["members"])
        .iter()
        .map(|m| {
            format!(
                "{}={}",
                m["address"].as_str().unwrap_or("?"),
                fail_codes_or_all(&m["findings"])
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn fail_codes_or_all(findings: &Value) -> String {
    let all: Vec<String> = array(findings)
        .iter()
        .map(|f| {
            format!(
                "{}({})",
                f["code"].as_str().unwrap_or("?"),
                f["severity"].as_str().unwrap_or("?")
            )
        })
        .collect();
    format!("[{}]", all.join(", "))
}

fn print_table(results: &[(usize, ScenarioResult)]) {
    let mut out = String::new();
    let header = [
        "scenario",
        "member",
        "mongotls",
        "PyMongo (TLS)",
        "plain",
        "s_client",
        "agree",
    ];
    let mut lines: Vec<[String; 7]> = vec![header.map(str::to_string)];
    for (_, r) in results {
        for row in &r.rows {
            lines.push([
                row.scenario.to_string(),
                row.member.clone(),
                row.mongotls.clone(),
                row.pymongo.clone(),
                row.plain.clone(),
                row.s_client.clone(),
                if row.agree { "yes" } else { "NO" }.to_string(),
            ]);
        }
    }
    let widths: Vec<usize> = (0..7)
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for l in &lines {
        let cells: Vec<String> = l
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    for (_, r) in results {
        for n in &r.notes {
            let _ = writeln!(out, "{n}");
        }
    }
    eprintln!("\n{out}");
}

// ---------------------------------------------------------------------------------------------
// The acceptance test
// ---------------------------------------------------------------------------------------------

#[test]
fn check_agrees_with_pymongo_and_s_client_against_mockupdb() {
    if !mockupdb_peers_or_skip() {
        return;
    }
    let started = Instant::now();
    let tmp = TempDir::new().expect("create temporary directory");
    let pki = Pki::new(
        &tmp.path().join("pki"),
        &[leaf_section(
            "server_other_host",
            "serverAuth",
            Some("DNS:mongo-old.example"),
        )],
    )
    .with_timeout(PROCESS_TIMEOUT);
    let certs = make_certs(&pki, OffsetDateTime::now_utc());
    let all = scenarios(&certs);

    // The healthy set first and alone: its duration is the performance claim.
    let mut results = vec![(0, run_scenario(tmp.path(), 0, &all[0]))];
    let next = AtomicUsize::new(1);
    let collected = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..PARALLEL_SCENARIOS {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(s) = all.get(i) else { break };
                let r = run_scenario(tmp.path(), i, s);
                collected.lock().unwrap().push((i, r));
            });
        }
    });
    let mut rest = collected.into_inner().unwrap();
    rest.sort_by_key(|(i, _)| *i);
    results.extend(rest);

    print_table(&results);
    let healthy_ms = results[0].1.duration_ms;
    eprintln!(
        "healthy 3-member check: duration_ms = {} (budget {HEALTHY_BUDGET_MS} ms); whole test {:.1} s",
        healthy_ms.map_or("?".into(), |d| format!("{d:.1}")),
        started.elapsed().as_secs_f64()
    );

    let mut problems: Vec<String> = results
        .iter()
        .flat_map(|(_, r)| r.problems.iter().cloned())
        .collect();
    match healthy_ms {
        Some(ms) if ms < HEALTHY_BUDGET_MS => {}
        other => problems.push(format!(
            "[good] the healthy check took {other:?} ms, budget {HEALTHY_BUDGET_MS} ms"
        )),
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
