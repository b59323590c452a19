//! `mongotls check --targets FILE` through the binary, on in-process sandboxes: a fleet with
//! one broken deployment and one invalid entry reports every target and exits 1, the good
//! ones pass; the secrets given as `${VAR}` appear in no output; `--concurrency 1` and `8`
//! agree; the whole file's errors are usage errors (exit 2).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support::run::{english, text, Run, MONGOTLS};
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};

/// A password given only through the environment (`${FLEET_IT_SECRET}`).
const SECRET: &str = "Fl33t-S3cret-Zq8xW3";

/// Runs `mongotls ARGS` with `FLEET_IT_SECRET` in its environment, English, never wrapped.
fn run_fleet(args: &[&str]) -> Run {
    let mut cmd = Command::new(MONGOTLS);
    english(&mut cmd)
        .args(args)
        .env("COLUMNS", "100000")
        .env("FLEET_IT_SECRET", SECRET)
        .env_remove("FLEET_IT_UNSET");
    let out = cmd.output().expect("run mongotls");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: text(&out.stdout),
        stderr: text(&out.stderr),
    }
}

/// Three sandboxes: two good (TLS required, so they pass), one with expired certificates.
struct Fleet {
    sandboxes: Vec<Sandbox>,
    dir: tempfile::TempDir,
    file: PathBuf,
}

impl Fleet {
    async fn start() -> Fleet {
        let good = |members| SandboxConfig {
            members,
            tls_mode: Some(TlsMode::Require),
            ..SandboxConfig::default()
        };
        let sandboxes = vec![
            Sandbox::start(good(3)).await.expect("start orders"),
            Sandbox::start(good(1)).await.expect("start billing"),
            Sandbox::start(SandboxConfig {
                members: 2,
                ..SandboxConfig::scenario(Scenario::Expired)
            })
            .await
            .expect("start the expired sandbox"),
        ];
        let dir = tempfile::tempdir().expect("tempdir");
        // The CA files next to the targets file, named relative to it.
        for (i, sb) in sandboxes.iter().enumerate() {
            std::fs::copy(sb.ca_file(), dir.path().join(format!("ca-{i}.pem"))).expect("copy CA");
        }
        let members = |i: usize| sandboxes[i].members().join(",");
        let targets = format!(
            r#"
[defaults]
timeout = "10s"
no_driver = true

[[targets]]
name = "orders"
uri = "mongodb://root:${{FLEET_IT_SECRET}}@{orders}/admin?replicaSet=mongotls-sandbox&tls=true"
ca = "ca-0.pem"

[[targets]]
name = "billing"
uri = "mongodb://{billing}/?tls=true"
ca = ["ca-1.pem"]
# The driver stage too, for this one.
no_driver = false

[[targets]]
name = "legacy-expired"
uri = "mongodb://{expired}/?replicaSet=mongotls-sandbox&tls=true"
ca = "ca-2.pem"

[[targets]]
name = "missing-variable"
uri = "mongodb://root:${{FLEET_IT_UNSET}}@{orders}/admin?tls=true"
ca = "ca-0.pem"

[[targets]]
name = "secret-in-a-refused-value"
uri = "mongodb://{orders}/?tls=true"
ca = "ca-0.pem"
timeout = "${{FLEET_IT_SECRET}}"
"#,
            orders = members(0),
            billing = members(1),
            expired = members(2),
        );
        let file = dir.path().join("fleet.toml");
        std::fs::write(&file, targets).expect("write the targets file");
        Fleet {
            sandboxes,
            dir,
            file,
        }
    }

    fn file(&self) -> String {
        self.file.display().to_string()
    }

    async fn stop(self) {
        for sb in self.sandboxes {
            sb.shutdown().await;
        }
        drop(self.dir);
    }
}

/// Runs the binary off the async runtime (the sandboxes serve on it meanwhile).
async fn blocking(args: Vec<String>) -> Run {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_fleet(&args)
    })
    .await
    .expect("run the binary")
}

fn verdicts(json: &Value) -> Vec<(String, String)> {
    json["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_string(),
                t["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn no_secret(run: &Run, what: &str) {
    assert!(!run.stdout.contains(SECRET), "{what}: secret in stdout");
    assert!(!run.stderr.contains(SECRET), "{what}: secret in stderr");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fleet_with_one_broken_target_reports_all_targets_and_exits_1() {
    let fleet = Fleet::start().await;
    let file = fleet.file();
    let args = |format: &str| {
        vec![
            "check".to_string(),
            "--targets".into(),
            file.clone(),
            "--format".into(),
            format.into(),
        ]
    };
    let json_run = blocking(args("json")).await;
    let text_run = blocking(args("text")).await;
    let junit_run = blocking(args("junit")).await;
    let serial = blocking([args("json"), vec!["--concurrency".into(), "1".into()]].concat()).await;
    fleet.stop().await;

    for (run, what) in [
        (&json_run, "json"),
        (&text_run, "text"),
        (&junit_run, "junit"),
        (&serial, "json, --concurrency 1"),
    ] {
        assert_eq!(run.code, 1, "{what}: {}\n{}", run.stdout, run.stderr);
        no_secret(run, what);
        // Not a terminal: no progress at all.
        assert_eq!(run.stderr, "", "{what}");
    }

    // JSON: every target, in the file's order, with its verdict.
    let json = json_run.json();
    assert_eq!(json["command"], "check");
    assert_eq!(json["verdict"], "fail");
    assert_eq!(json["concurrency"], 8);
    assert!(json["targets_file"]
        .as_str()
        .unwrap()
        .ends_with("fleet.toml"));
    assert_eq!(
        json["summary"],
        serde_json::json!({"targets": 5, "pass": 2, "warn": 0, "fail": 3})
    );
    let expected: Vec<(String, String)> = [
        ("orders", "pass"),
        ("billing", "pass"),
        ("legacy-expired", "fail"),
        ("missing-variable", "fail"),
        ("secret-in-a-refused-value", "fail"),
    ]
    .iter()
    .map(|(n, v)| (n.to_string(), v.to_string()))
    .collect();
    assert_eq!(verdicts(&json), expected);
    let targets = json["targets"].as_array().unwrap();
    // The good ones: full check reports, every member checked.
    assert_eq!(targets[0]["report"]["members"].as_array().unwrap().len(), 3);
    assert_eq!(targets[0]["report"]["summary"]["failing_members"], 0);
    assert!(targets[0]["earliest_not_after"].is_string());
    assert!(targets[0].get("error").is_none());
    assert_eq!(targets[1]["report"]["driver"]["verdict"], "pass");
    // The URI is redacted as in every check report.
    let uri = targets[0]["report"]["target"]["uri"].as_str().unwrap();
    assert!(uri.contains("****"), "{uri}");
    // The broken deployment: its check's own findings.
    let expired = &targets[2];
    let codes: Vec<&str> = expired["report"]["summary"]["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"cert.expired"), "{codes:?}");
    // The invalid entries: an error naming the variable or the key, and no report.
    for (t, needle) in [
        (&targets[3], "${FLEET_IT_UNSET}"),
        (&targets[4], "${FLEET_IT_SECRET}"),
    ] {
        assert_eq!(t["error"]["code"], "fleet.target_invalid", "{t}");
        let message = t["error"]["message"].as_str().unwrap();
        assert!(message.contains(needle), "{message}");
        assert!(message.contains("fleet.toml"), "{message}");
        assert!(t["report"].is_null());
        assert!(!t["error"]["hint"].as_str().unwrap().is_empty());
    }

    // --concurrency 1: the same verdicts.
    assert_eq!(verdicts(&serial.json()), expected);
    assert_eq!(serial.json()["concurrency"], 1);

    // Text: the table lists failing targets first, then the findings with their hints.
    let out = &text_run.stdout;
    let row = |name: &str| {
        out.lines()
            .position(|l| l.trim_start().starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no row for {name}:\n{out}"))
    };
    assert!(row("legacy-expired") < row("orders"), "{out}");
    assert!(row("missing-variable") < row("billing"), "{out}");
    assert!(out.contains("== legacy-expired: FAIL"), "{out}");
    assert!(out.contains("cert.expired"), "{out}");
    assert!(out.contains("hint:"), "{out}");
    assert!(
        !out.contains("== orders"),
        "passing targets have no section:\n{out}"
    );
    assert!(
        out.contains("verdict: FAIL (3 of 5 targets failed, 0 with warnings)"),
        "{out}"
    );

    // JUnit: one suite per target, in the file's order; the failing ones fail.
    let doc = roxmltree::Document::parse(&junit_run.stdout).expect("JUnit XML");
    let suites: Vec<(String, usize)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .map(|s| {
            (
                s.attribute("name").unwrap().to_string(),
                s.attribute("failures").unwrap().parse().unwrap(),
            )
        })
        .collect();
    let names: Vec<&str> = suites.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "orders",
            "billing",
            "legacy-expired",
            "missing-variable",
            "secret-in-a-refused-value"
        ]
    );
    let failures: Vec<usize> = suites.iter().map(|(_, f)| *f).collect();
    assert_eq!(&failures[..2], [0, 0]);
    assert!(failures[2..].iter().all(|f| *f > 0), "{suites:?}");
    assert!(junit_run.stdout.contains("fleet.target_invalid"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrency_1_and_8_give_the_same_verdicts_in_chinese_too() {
    let fleet = Fleet::start().await;
    let file = fleet.file();
    let base = |n: &str| {
        vec![
            "check".to_string(),
            "--targets".into(),
            file.clone(),
            "--format".into(),
            "json".into(),
            "--concurrency".into(),
            n.into(),
        ]
    };
    let one = blocking(base("1")).await;
    let eight = blocking(base("8")).await;
    let zh = blocking(vec![
        "check".into(),
        "--targets".into(),
        file.clone(),
        "--lang".into(),
        "zh".into(),
    ])
    .await;
    fleet.stop().await;
    assert_eq!(verdicts(&one.json()), verdicts(&eight.json()));
    assert_eq!((one.code, eight.code), (1, 1));
    assert_eq!(zh.code, 1);
    no_secret(&zh, "zh");
    assert!(zh.stdout.contains("批量检查"), "{}", zh.stdout);
    assert!(
        zh.stdout.contains("环境变量 ${FLEET_IT_UNSET}"),
        "{}",
        zh.stdout
    );
    assert!(zh.stdout.contains("结论：失败"), "{}", zh.stdout);
}

#[test]
fn the_targets_file_as_a_whole_and_the_flags_are_usage_errors() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/targets");
    let path = |name: &str| data.join(name).display().to_string();
    for (name, needle) in [
        ("not_toml.toml", "not valid TOML"),
        ("no_targets.toml", "has no target"),
        ("duplicate_names.toml", "two targets are named \"orders\""),
        ("defaults_with_uri.toml", "[defaults] uri"),
        ("single_bracket.toml", "[[targets]]"),
        ("missing.toml", "cannot read the targets file"),
    ] {
        let run = run_fleet(&["check", "--targets", &path(name)]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(needle), "{name}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{name}");
    }
    let file = path("duplicate_names.toml");
    for args in [
        // A URI and --targets, or no URI and no --targets.
        vec!["check", "mongodb://h:1/?tls=true", "--targets", &file],
        vec!["check"],
        // A target's option on the command line: it belongs in [defaults].
        vec!["check", "--targets", &file, "--timeout", "5s"],
        vec!["check", "--targets", &file, "--no-driver"],
        // --concurrency: only with --targets, 1 to 256.
        vec!["check", "mongodb://h:1/?tls=true", "--concurrency", "4"],
        vec!["check", "--targets", &file, "--concurrency", "0"],
        vec!["check", "--targets", &file, "--concurrency", "257"],
    ] {
        let run = run_fleet(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    }
    let run = run_fleet(&["check", "--targets", &file, "--timeout", "5s"]);
    assert!(run.stderr.contains("[defaults]"), "{}", run.stderr);
}

/// The fleet document's shape: every key and the type of its value. Each target's `report`
/// is a check report (pinned by the check snapshots): only its top-level keys are listed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fleet_json_shape() {
    let fleet = Fleet::start().await;
    let run = blocking(vec![
        "check".into(),
        "--targets".into(),
        fleet.file(),
        "--format".into(),
        "json".into(),
    ])
    .await;
    fleet.stop().await;
    let json = run.json();
    let pretty = serde_json::to_string_pretty(&shape(&json, "")).expect("shape");
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings
        .set_snapshot_path(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots"));
    settings.bind(|| insta::assert_snapshot!("fleet_json_shape", pretty));
}

/// Keys and value types; arrays as the union of their elements' shapes; a target's `report`
/// as its keys only.
fn shape(v: &Value, key: &str) -> Value {
    match v {
        Value::Object(map) if key == "report" => {
            Value::from(map.keys().cloned().collect::<Vec<_>>())
        }
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v, k))).collect())
        }
        Value::Null => Value::from("null"),
        Value::Bool(_) => Value::from("bool"),
        Value::Number(_) => Value::from("number"),
        Value::String(_) => Value::from("string"),
        Value::Array(items) => {
            let mut union = serde_json::Map::new();
            for item in items {
                if let Value::Object(map) = shape(item, "") {
                    for (k, t) in map {
                        let slot = union.entry(k).or_insert(Value::from("null"));
                        if *slot == "null" {
                            *slot = t;
                        }
                    }
                }
            }
            Value::Array(vec![Value::Object(union)])
        }
    }
}
