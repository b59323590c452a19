//! `mongotls bench` against the sandbox, through the binary: the JSON contract, every metric,
//! the missing comparison when plaintext is refused, `--plain-uri`, the formats, the plot, the
//! `--max-time` bound, and an injected handshake delay that must show in the overhead (a lower
//! bound only: load can only add time). Accuracy targets live in the README's bench section,
//! not in timed tests.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use crate::support::run::{mongotls, Run};
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};
use serde_json::Value;

async fn sandbox(tls_mode: TlsMode, delay: Option<Duration>) -> Sandbox {
    Sandbox::start(SandboxConfig {
        members: 1,
        scenario: Scenario::Good,
        tls_mode: Some(tls_mode),
        handshake_delay: delay,
    })
    .await
    .expect("start sandbox")
}

async fn bench(args: Vec<String>) -> Run {
    tokio::task::spawn_blocking(move || mongotls(&args))
        .await
        .expect("join")
}

fn args(uri: &str, extra: &[&str]) -> Vec<String> {
    let mut a = vec![
        "bench".to_string(),
        uri.to_string(),
        "--samples".into(),
        "6".into(),
        "--warmup".into(),
        "1".into(),
        "--max-time".into(),
        "60s".into(),
    ];
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr))
}

fn metrics(r: &Value, key: &str) -> Vec<String> {
    r[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}/{}",
                s["metric"].as_str().unwrap(),
                s["transport"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_metric_is_measured_with_raw_samples_and_outputs() {
    let sb = sandbox(TlsMode::Allow, None).await;
    let dir = tempfile::TempDir::new().unwrap();
    let svg = dir.path().join("bench.svg");
    let exported = dir.path().join("bench.json");
    let run = bench(args(
        &sb.uri(),
        &[
            "--format",
            "json",
            "--payload-sizes",
            "1KiB",
            "--concurrency",
            "2",
            "--plot",
            svg.to_str().unwrap(),
            "--export-json",
            exported.to_str().unwrap(),
        ],
    ))
    .await;
    sb.shutdown().await;
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let r = json(&run);
    assert_eq!(r["schema_version"], mongotls::report::SCHEMA_VERSION);
    assert_eq!(r["command"], "bench");
    let got = metrics(&r, "series");
    for metric in [
        "connect_full",
        "connect_resumed",
        "connect_hello",
        "ping",
        "payload_1024",
    ] {
        for transport in ["plain", "tls"] {
            assert!(
                got.contains(&format!("{metric}/{transport}")),
                "{metric}/{transport} in {got:?}"
            );
        }
    }
    for s in r["series"].as_array().unwrap() {
        let samples = s["samples_ms"].as_array().unwrap();
        assert_eq!(samples.len() as u64, s["count"].as_u64().unwrap());
        assert!(!samples.is_empty());
        for key in [
            "min_ms",
            "p50_ms",
            "p90_ms",
            "p99_ms",
            "max_ms",
            "mean_ms",
            "stddev_ms",
        ] {
            assert!(s[key].as_f64().is_some(), "{key} in {s:#}");
        }
        assert!(s["min_ms"].as_f64() <= s["p50_ms"].as_f64());
        assert!(s["p50_ms"].as_f64() <= s["max_ms"].as_f64());
    }
    let cmps = r["comparisons"].as_array().unwrap();
    assert!(cmps.len() >= 5, "{cmps:#?}");
    for c in cmps {
        let o = &c["overhead_ms"];
        assert!(o["ci95_low"].as_f64() <= o["median"].as_f64(), "{c:#}");
        assert!(o["median"].as_f64() <= o["ci95_high"].as_f64(), "{c:#}");
        assert!(c["ratio"].as_f64().is_some());
    }
    // A full TLS handshake costs something over a bare TCP connect.
    let full = cmps.iter().find(|c| c["metric"] == "connect_full").unwrap();
    assert!(full["overhead_ms"]["median"].as_f64().unwrap() > 0.0);
    assert_eq!(r["throughput"].as_array().unwrap().len(), 2);
    assert!(!r["cpu"].as_array().unwrap().is_empty());
    let plot = std::fs::read_to_string(&svg).expect("--plot wrote the SVG");
    assert!(
        plot.contains("<svg") && plot.contains("connect_full"),
        "svg"
    );
    let exported: Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(exported["series"], r["series"]);
    // The report says what it wrote, where, in which format and how large.
    let notes = r["notes"].to_string();
    for wrote in [
        format!("wrote the plot to {} (SVG, ", svg.display()),
        format!(
            "wrote the JSON report to {} (",
            dir.path().join("bench.json").display()
        ),
    ] {
        assert!(notes.contains(&wrote), "{wrote} in {notes}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forced_tls_says_why_the_comparison_is_missing_and_plain_uri_fills_it() {
    let tls_only = sandbox(TlsMode::Require, None).await;
    let run = bench(args(&tls_only.uri(), &["--format", "json"])).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = json(&run);
    let missing = r["missing"].as_array().unwrap();
    let hello = missing
        .iter()
        .find(|m| m["metric"] == "connect_hello")
        .expect("connect_hello comparison reported missing");
    assert!(hello["reason"].as_str().unwrap().contains("--plain-uri"));
    assert!(missing.iter().any(|m| m["metric"] == "ping"));
    // TCP-level set-up is still compared.
    assert!(metrics(&r, "comparisons").contains(&"connect_full/-".to_string()));

    let plain = sandbox(TlsMode::Disabled, None).await;
    let plain_uri = format!("mongodb://{}/", plain.members()[0]);
    let run = bench(args(
        &tls_only.uri(),
        &["--format", "json", "--plain-uri", &plain_uri],
    ))
    .await;
    tls_only.shutdown().await;
    plain.shutdown().await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = json(&run);
    let cmps = metrics(&r, "comparisons");
    assert!(cmps.contains(&"ping/-".to_string()), "{cmps:?}");
    assert!(cmps.contains(&"connect_hello/-".to_string()), "{cmps:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_injected_handshake_delay_shows_in_the_overhead() {
    let delay_ms = 40.0;
    let sb = sandbox(TlsMode::Allow, Some(Duration::from_millis(40))).await;
    let run = bench(args(&sb.uri(), &["--format", "json"])).await;
    sb.shutdown().await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = json(&run);
    let full = r["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["metric"] == "connect_full")
        .unwrap();
    let median = full["overhead_ms"]["median"].as_f64().unwrap();
    // Lower bound only: the server sleeps at least `delay` before every handshake.
    assert!(
        median >= delay_ms * 0.95,
        "overhead {median} ms < injected {delay_ms} ms"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn max_time_bounds_the_run() {
    let sb = sandbox(TlsMode::Allow, None).await;
    let run = bench(vec![
        "bench".into(),
        sb.uri(),
        "--samples".into(),
        "1000000".into(),
        "--max-time".into(),
        "2s".into(),
        "--format".into(),
        "json".into(),
    ])
    .await;
    sb.shutdown().await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = json(&run);
    for s in r["series"].as_array().unwrap() {
        assert!(
            s["count"].as_u64().unwrap() < 1_000_000,
            "stopped by --max-time"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markdown_csv_and_text_formats() {
    let sb = sandbox(TlsMode::Allow, None).await;
    let md = bench(args(&sb.uri(), &["--format", "markdown"])).await;
    let csv = bench(args(&sb.uri(), &["--format", "csv"])).await;
    let text = bench(args(&sb.uri(), &[])).await;
    sb.shutdown().await;
    assert_eq!(md.code, 0);
    assert!(
        md.stdout.contains("| member | metric | transport |"),
        "{}",
        md.stdout
    );
    assert_eq!(csv.code, 0);
    let header = csv.stdout.lines().next().unwrap();
    assert!(header.starts_with("member,metric,transport,count,min_ms,p50_ms"));
    assert!(csv.stdout.lines().count() >= 9);
    assert_eq!(text.code, 0);
    assert!(text.stdout.contains("TLS adds"), "{}", text.stdout);
    assert!(
        text.stdout.contains("to a new connection"),
        "{}",
        text.stdout
    );
}

#[test]
fn absurd_values_are_usage_errors() {
    for bad in [
        vec!["--samples", "0"],
        vec!["--max-time", "0s"],
        vec!["--max-time", "-1s"],
        vec!["--payload-sizes", "1XB"],
        vec!["--payload-sizes", "64MiB"],
        vec!["--concurrency", "0"],
        vec!["--member", "other:1"],
    ] {
        let mut a = vec!["bench".to_string(), "mongodb://localhost:1/".to_string()];
        a.extend(bad.iter().map(|s| s.to_string()));
        let run = mongotls(&a);
        assert_eq!(run.code, 2, "{bad:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_clients_would_refuse_is_noted_before_its_figures() {
    let sb = Sandbox::start(SandboxConfig {
        members: 1,
        scenario: Scenario::Expired,
        tls_mode: Some(TlsMode::Allow),
        handshake_delay: None,
    })
    .await
    .expect("start sandbox");
    // The sandbox URI carries tlsCAFile, so bench checks the chain first.
    let run = bench(args(&sb.uri(), &["--format", "json"])).await;
    sb.shutdown().await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = json(&run);
    let notes = r["notes"].to_string();
    assert!(notes.contains("clients would refuse"), "{notes}");
    assert!(notes.contains("cert.expired"), "{notes}");
    assert!(!r["comparisons"].as_array().unwrap().is_empty());
}

/// A port that accepts connections and counts them, and never answers.
fn counting_listener() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            seen.fetch_add(1, Ordering::SeqCst);
            drop(stream);
        }
    });
    (format!("mongodb://127.0.0.1:{port}/?tls=true"), count)
}

/// Issue 9: `--export-json` and `--plot` are checked before any network work starts, so a
/// typo in a path costs nothing: exit 2 naming the option and the path, and not one
/// connection to the server.
#[test]
fn bad_output_paths_fail_before_measuring() {
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("no-such-dir").join("bench.json");
    let (uri, connections) = counting_listener();
    for (flag, path) in [
        ("--export-json", missing_dir.clone()),
        ("--plot", dir.path().to_path_buf()),
    ] {
        let run = mongotls(&[
            "bench",
            &uri,
            "--samples",
            "3",
            "--timeout",
            "2s",
            flag,
            path.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "{flag}: {}", run.stderr);
        assert!(
            run.stderr.contains(flag) && run.stderr.contains(path.to_str().unwrap()),
            "{}",
            run.stderr
        );
    }
    assert_eq!(
        connections.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "bench connected although its output path was unusable"
    );
}

/// Issue 11: the plot's format comes from its extension, and a path whose extension names a
/// format the option cannot write is refused up front (exit 2, the reason, what to give
/// instead), with no connection made and no file left behind: `--plot b.png` used to get SVG.
#[test]
fn output_paths_with_a_format_the_option_cannot_write_fail_before_measuring() {
    let dir = tempfile::tempdir().unwrap();
    let (uri, connections) = counting_listener();
    for (flag, name, says) in [
        ("--plot", "bench.png", "rsvg-convert"),
        ("--plot", "bench.txt", ".svg"),
        ("--plot", "bench", ".svg"),
        ("--export-json", "bench.svg", ".json"),
        ("--export-json", "bench.csv", ".json"),
    ] {
        let path = dir.path().join(name);
        let run = mongotls(&[
            "bench",
            &uri,
            "--samples",
            "3",
            "--timeout",
            "2s",
            flag,
            path.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "{flag} {name}: {}", run.stderr);
        assert!(
            run.stderr.contains(flag) && run.stderr.contains(says),
            "{flag} {name}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert!(!path.exists(), "{flag} {name} left a file behind");
    }
    assert_eq!(
        connections.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "bench connected although its output path was unusable"
    );
}

/// A run that stops before it has a report (here: an unreadable CA file) leaves no output file
/// behind that it created, and does not empty one that was there.
#[test]
fn a_failed_run_leaves_output_files_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let created = dir.path().join("new.json");
    let existing = dir.path().join("old.svg");
    std::fs::write(&existing, "<svg>earlier run</svg>").unwrap();
    let (uri, _) = counting_listener();
    let run = mongotls(&[
        "bench",
        &uri,
        "--ca",
        dir.path().join("missing-ca.pem").to_str().unwrap(),
        "--export-json",
        created.to_str().unwrap(),
        "--plot",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("missing-ca.pem"), "{}", run.stderr);
    assert!(
        !created.exists(),
        "the run left an empty {}",
        created.display()
    );
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "<svg>earlier run</svg>"
    );
}

/// A loopback port where nothing listens (bound, then released).
fn refused_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// Issue 11: a member where nothing listens is named first, with the refusal, instead of
/// "the server forces TLS … pass --plain-uri" and one "only 0 samples" warning per series;
/// `bench.nothing_measured` carries the cause, and the exit code is 1 (a check failed).
#[test]
fn a_refused_port_is_named_first_and_nothing_else_is_blamed() {
    let port = refused_port();
    let uri = format!("mongodb://127.0.0.1:{port}/?tls=true");
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("bench.svg");
    let text = mongotls(&[
        "bench",
        &uri,
        "--timeout",
        "5s",
        "--plot",
        plot.to_str().unwrap(),
    ]);
    assert_eq!(text.code, 1, "{}\n{}", text.stdout, text.stderr);
    let first = text.stdout.lines().next().unwrap_or_default();
    assert!(
        first.contains(&format!("connection refused at 127.0.0.1:{port}")),
        "first line: {first}\n{}",
        text.stdout
    );
    for wrong in [
        "only 0 samples",
        "forces TLS",
        "--plain-uri",
        "bench.too_few_samples",
    ] {
        assert!(!text.stdout.contains(wrong), "{wrong}:\n{}", text.stdout);
    }
    assert!(!plot.exists(), "an empty plot was left behind");
    assert!(text.stdout.contains("no plot written"), "{}", text.stdout);

    let run = mongotls(&["bench", &uri, "--timeout", "5s", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let r = json(&run);
    assert_eq!(r["not_measured"][0]["code"], "net.connect_refused", "{r:#}");
    assert_eq!(r["warnings"].as_array().unwrap().len(), 0, "{r:#}");
    assert_eq!(r["missing"].as_array().unwrap().len(), 0, "{r:#}");
    let finding = &r["findings"][0];
    assert_eq!(finding["code"], "bench.nothing_measured");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("connection refused"),
        "{finding:#}"
    );
}

/// Issue 11: in Chinese, the refusal and the path errors read in Chinese; codes stay codes.
#[test]
fn chinese_names_the_refusal_and_the_bad_path_in_chinese() {
    let port = refused_port();
    let uri = format!("mongodb://127.0.0.1:{port}/?tls=true");
    let run = mongotls(&["--lang", "zh", "bench", &uri, "--timeout", "5s"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let first = run.stdout.lines().next().unwrap_or_default();
    assert!(
        first.contains("被拒绝") && first.contains(&format!("127.0.0.1:{port}")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("bench.nothing_measured"),
        "{}",
        run.stdout
    );

    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("b.png");
    let bad = mongotls(&[
        "--lang",
        "zh",
        "bench",
        &uri,
        "--plot",
        png.to_str().unwrap(),
    ]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("只生成 SVG"), "{}", bad.stderr);
}
