//! Snapshots of every command's output in every format, on fixed inputs: the contract other
//! tooling is built against, pinned byte for byte (insta; the files are in `snapshots/`).
//!
//! - `ca` and `verify` on the fixed chain in `testdata/fixed/`, judged with `--at`: exact.
//! - `check` through `demo`, every sandbox scenario: the sandbox makes a fresh PKI and fresh
//!   ports each run, so ports, fingerprints, serials, key ids, times, day counts and timings
//!   are masked (see [`SANDBOX_FILTERS`]); everything else is exact.
//! - `bench`: the renderers (text, JSON, Markdown, CSV, SVG plot) on a report built from fixed
//!   samples, exact; and the JSON shape (every key and its type) of a live run against the
//!   sandbox.
//!
//! A change here is a change of the output contract: deliberate, reviewed with
//! `cargo insta review` (or by reading the `.snap.new` files), and, for JSON, a reason to bump
//! `schema_version`.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::support::run::MONGOTLS;

const FORMATS: [&str; 4] = ["text", "json", "junit", "prometheus"];

/// Runs the binary from the package root (so `testdata/...` paths are relative and stable);
/// returns `exit: N` and stdout, which is what a snapshot pins.
/// The text is pinned as written: English, UTF-8, never wrapped (wrapping is
/// `tests/it/terminal.rs`'s subject, and would move with the length of masked values).
fn run(args: &[&str]) -> String {
    let out = Command::new(MONGOTLS)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "100000")
        .output()
        .expect("run mongotls");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "{args:?}: exit {:?}\n{stderr}",
        out.status.code()
    );
    format!(
        "exit: {}\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout)
    )
}

fn pin(name: &str, output: &str, filters: &[(&str, &str)]) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings
        .set_snapshot_path(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots"));
    for (pattern, replacement) in filters {
        settings.add_filter(pattern, *replacement);
    }
    settings.bind(|| insta::assert_snapshot!(name, output));
}

// ------------------------------------------------------------------------------------------
// ca and verify: fixed inputs, exact output
// ------------------------------------------------------------------------------------------

const VALID: &str = "2020-06-01T00:00:00Z";
/// After the leaf expired (2021-01-01) and within 30 days of the intermediate's expiry.
const LATE: &str = "2027-12-15T00:00:00Z";

fn ca_case(name: &str, files: &[&str], at: &str) {
    for format in FORMATS {
        let mut args = vec!["ca"];
        args.extend_from_slice(files);
        args.extend_from_slice(&["--at", at, "--format", format]);
        pin(&format!("ca_{name}_{format}"), &run(&args), &[]);
    }
}

#[test]
fn ca_root() {
    ca_case("root", &["testdata/fixed/root.pem"], VALID);
}

#[test]
fn ca_chain_file_late() {
    ca_case(
        "chain_late",
        &["testdata/fixed/chain.pem", "testdata/fixed/root.pem"],
        LATE,
    );
}

#[test]
fn ca_console_zip() {
    ca_case("zip", &["testdata/fixed/ApsaraDB-CA-Chain.zip"], VALID);
}

fn verify_case(name: &str, host: Option<&str>, at: &str) {
    for format in FORMATS {
        let mut args = vec![
            "verify",
            "--ca",
            "testdata/fixed/root.pem",
            "--chain",
            "testdata/fixed/chain.pem",
            "--at",
            at,
            "--format",
            format,
        ];
        if let Some(h) = host {
            args.extend_from_slice(&["--host", h]);
        }
        pin(&format!("verify_{name}_{format}"), &run(&args), &[]);
    }
}

#[test]
fn verify_valid() {
    verify_case("valid", Some("mongo-0.example.internal"), VALID);
}

#[test]
fn verify_expired() {
    verify_case("expired", Some("mongo-1.example.internal"), LATE);
}

#[test]
fn verify_wrong_host() {
    verify_case(
        "wrong_host",
        Some("dds-xxxx.mongodb.rds.aliyuncs.com"),
        VALID,
    );
}

#[test]
fn verify_no_host() {
    verify_case("no_host", None, VALID);
}

#[test]
fn verify_ip_host() {
    verify_case("ip_host", Some("127.0.0.1"), VALID);
}

// ------------------------------------------------------------------------------------------
// check (through demo): every scenario, what varies from run to run masked
// ------------------------------------------------------------------------------------------

/// What differs between two runs of the same sandbox scenario.
const SANDBOX_FILTERS: &[(&str, &str)] = &[
    (r"/tmp/mongotls-sandbox-[^/\s]*/", "[SANDBOX]/"),
    (r"\[::1\]:\d+, ", ""),
    (r"localhost:\d+", "localhost:[PORT]"),
    (r"127\.0\.0\.1:\d+", "127.0.0.1:[PORT]"),
    (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", "[TIME]"),
    (r"UnixTime\(\d+\)", "UnixTime([UNIX])"),
    (r"([0-9A-F]{2}:){31}[0-9A-F]{2}", "[SHA256]"),
    (r"([0-9a-f]{2}:)+[0-9a-f]{2}", "[HEX]"),
    (r"-?\d+ days", "[N] days"),
    (r#""days_remaining": -?\d+"#, r#""days_remaining": [N]"#),
    // Timings: text, JSON, JUnit, Prometheus.
    (r"in \d+ ms", "in [N] ms"),
    (r"(rustls\) [\d.]+), \d+ ms", "$1, [N] ms"),
    // rustls' words for an expired certificate name the moment it checked.
    (r"\d+ \(UNIX\)", "[UNIX] (UNIX)"),
    (r"not valid (after|before) \d+", "not valid $1 [UNIX]"),
    (r"\(\d+ seconds ago\)", "([N] seconds ago)"),
    (r"\(\d+ seconds in future\)", "([N] seconds in future)"),
    (
        r"(dns|tcp|tls|hello|ping|build|plain)=\d+(\.\d)?",
        "$1=[MS]",
    ),
    (
        r#""(dns|tcp_connect|tls_handshake|hello|ping|build_info|plaintext_hello|duration_ms)": \d+(\.\d+)?"#,
        r#""$1": [MS]"#,
    ),
    (r#"time="[\d.]+""#, r#"time="[T]""#),
    (
        r"(?m)^(mongotls_(member_phase|member_tls_handshake|run_duration)_seconds\{[^}]*\}) .*$",
        "$1 [S]",
    ),
    (
        r"(?m)^(mongotls_\w+_timestamp_seconds\{[^}]*\}) .*$",
        "$1 [UNIX]",
    ),
];

fn demo_case(scenario: &str) {
    for format in FORMATS {
        let output = run(&["demo", "--scenario", scenario, "--format", format]);
        pin(
            &format!("demo_{}_{format}", scenario.replace('-', "_")),
            &output,
            SANDBOX_FILTERS,
        );
    }
}

macro_rules! demo_tests {
    ($($test:ident => $scenario:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                demo_case($scenario);
            }
        )*
    };
}

demo_tests! {
    demo_good => "good",
    demo_expired => "expired",
    demo_not_yet_valid => "not-yet-valid",
    demo_wrong_ca => "wrong-ca",
    demo_hostname_mismatch => "hostname-mismatch",
    demo_missing_intermediate => "missing-intermediate",
    demo_self_signed => "self-signed",
    demo_plaintext_only => "plaintext-only",
    demo_tls_required => "tls-required",
    demo_one_member_expired => "one-member-expired",
    demo_no_primary => "no-primary",
    demo_wrong_password => "wrong-password",
    demo_client_cert_required => "client-cert-required",
}

// ------------------------------------------------------------------------------------------
// bench
// ------------------------------------------------------------------------------------------

/// Arrays whose length depends on how the run went (statistical warnings, notes met on the
/// way, comparisons that could not be made, findings): their elements' shape is pinned by the
/// fixed report's exact JSON; the live shape only says they are arrays.
const VARIABLE_ARRAYS: [&str; 4] = ["warnings", "notes", "missing", "findings"];

/// Every key of a JSON document with the type of its value; arrays show the union of their
/// elements' shapes (so the shape does not depend on how many samples a run had).
fn shape(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let t = match v {
                        Value::Array(_) if VARIABLE_ARRAYS.contains(&k.as_str()) => {
                            Value::from("array")
                        }
                        _ => shape(v),
                    };
                    (k.clone(), t)
                })
                .collect(),
        ),
        Value::Null => Value::from("null"),
        Value::Bool(_) => Value::from("bool"),
        Value::Number(_) => Value::from("number"),
        Value::String(_) => Value::from("string"),
        Value::Array(items) => {
            let mut union = serde_json::Map::new();
            let mut scalars: Vec<Value> = Vec::new();
            for item in items {
                match shape(item) {
                    Value::Object(map) => {
                        for (k, t) in map {
                            union.entry(k).or_insert(t);
                        }
                    }
                    other => {
                        if !scalars.contains(&other) {
                            scalars.push(other);
                        }
                    }
                }
            }
            if !union.is_empty() {
                scalars.push(Value::Object(union));
            }
            Value::Array(scalars)
        }
    }
}

/// A live `bench --format json` against the sandbox (plaintext accepted, so every comparison
/// is made): the shape of the JSON contract.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_json_shape_live() {
    let sandbox = mongotls::sandbox::Sandbox::start(mongotls::sandbox::SandboxConfig {
        members: 1,
        ..Default::default()
    })
    .await
    .expect("start sandbox");
    let uri = sandbox.uri();
    let output = tokio::task::spawn_blocking(move || {
        run(&[
            "bench",
            &uri,
            "--samples",
            "12",
            "--warmup",
            "1",
            "--concurrency",
            "2",
            "--payload-sizes",
            "1KiB",
            "--max-time",
            "20s",
            "--format",
            "json",
        ])
    })
    .await
    .expect("bench");
    sandbox.shutdown().await;
    let json: Value =
        serde_json::from_str(output.trim_start_matches(|c| c != '{')).expect("bench JSON");
    let pretty = serde_json::to_string_pretty(&shape(&json)).expect("shape");
    pin("bench_json_shape", &pretty, &[]);
}

mod fixed_bench {
    //! A `bench` report built from fixed samples through the engine's own bookkeeping
    //! (`BenchOutcome::record`: summaries, bootstrap comparisons with the fixed seed,
    //! warnings): the renderers' output is then exact.

    use std::time::Duration;

    use mongotls::bench::stats::{SampleStore, SplitMix64};
    use mongotls::bench::{
        BenchOutcome, CpuCost, Metric, MissingComparison, Throughput, Transport,
    };
    use mongotls::report::bench::BenchRunInfo;
    use mongotls::report::{BenchReport, OutputFormat, Report};

    use super::pin;

    const MEMBER: &str = "db-0.example:27017";

    /// `n` samples around `base` ms with a spread of `spread` ms, from a fixed seed.
    fn samples(seed: u64, n: usize, base: f64, spread: f64) -> SampleStore {
        let mut rng = SplitMix64::new(seed);
        let mut store = SampleStore::new(100_000, 1);
        for _ in 0..n {
            store.push(((base + spread * rng.next_f64()) * 1e6).round() / 1e6);
        }
        store
    }

    fn outcome() -> BenchOutcome {
        let mut out = BenchOutcome::default();
        out.record(
            MEMBER,
            Metric::ConnectFull,
            &samples(1, 20, 0.20, 0.05),
            &samples(2, 20, 2.20, 0.30),
            None,
        );
        let mut cold = SampleStore::new(100_000, 1);
        cold.push(1.5);
        for x in samples(3, 20, 0.21, 0.05).samples().iter().skip(1) {
            cold.push(*x);
        }
        out.record(
            MEMBER,
            Metric::ConnectResumed,
            &cold,
            &samples(4, 20, 1.10, 0.20),
            Some(20),
        );
        out.record(
            MEMBER,
            Metric::ConnectHello,
            &samples(5, 20, 0.60, 0.10),
            &samples(6, 20, 3.00, 0.40),
            None,
        );
        // Overlapping distributions: the interval includes zero.
        out.record(
            MEMBER,
            Metric::Ping,
            &samples(7, 20, 0.100, 0.040),
            &samples(8, 20, 0.105, 0.040),
            None,
        );
        out.record(
            MEMBER,
            Metric::Payload(1024),
            &samples(9, 5, 0.12, 0.02),
            &samples(10, 5, 0.15, 0.02),
            None,
        );
        out.missing.push(MissingComparison {
            member: MEMBER.into(),
            metric: Metric::Payload(1_048_576),
            reason: "plaintext refused by db-0.example:27017 (no answer): the server forces TLS, so there is nothing to compare with; pass --plain-uri for a separate plaintext endpoint".into(),
        });
        for (transport, ops) in [(Transport::Plain, 9000u32), (Transport::Tls, 8000)] {
            out.throughput.push(Throughput {
                member: MEMBER.into(),
                transport,
                concurrency: 4,
                operations: u64::from(ops),
                duration: Duration::from_secs(1),
                ops_per_sec: f64::from(ops),
            });
        }
        for (transport, cpu, wall) in [(Transport::Plain, 0.012, 0.21), (Transport::Tls, 0.9, 2.3)]
        {
            out.cpu.push(CpuCost {
                member: MEMBER.into(),
                transport,
                connections: 20,
                cpu_ms_per_connection: cpu,
                wall_ms_per_connection: wall,
            });
        }
        out.notes.push(
            "db-0.example:27017: the server offered no session tickets on one connection".into(),
        );
        out
    }

    fn report() -> Report {
        let run = BenchRunInfo {
            started_at: time::macros::datetime!(2026-01-02 03:04:05 UTC),
            duration: Duration::from_micros(1_234_500),
            uri: "mongodb://root:****@db-0.example:27017/?tls=true".into(),
            plain_uri: None,
            members: vec![MEMBER.into()],
            samples: 20,
            warmup: 3,
            max_time: Duration::from_secs(30),
            payload_sizes: vec![1024],
        };
        Report::Bench(BenchReport::new(run, &outcome()))
    }

    fn render(format: OutputFormat) -> String {
        let mut out = Vec::new();
        report().render(format, &mut out).expect("render");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn bench_text() {
        pin("bench_fixed_text", &render(OutputFormat::Text), &[]);
    }

    #[test]
    fn bench_json() {
        pin("bench_fixed_json", &render(OutputFormat::Json), &[]);
    }

    #[test]
    fn bench_markdown() {
        pin("bench_fixed_markdown", &render(OutputFormat::Markdown), &[]);
    }

    #[test]
    fn bench_csv() {
        pin("bench_fixed_csv", &render(OutputFormat::Csv), &[]);
    }

    #[test]
    fn bench_plot() {
        let Report::Bench(r) = report() else {
            unreachable!()
        };
        let svg = mongotls::report::plot::render_svg(&r).expect("plot");
        pin("bench_fixed_plot_svg", &svg, &[]);
    }
}
