//! `mongotls serve` through the binary, against in-process sandboxes: `/healthz`, `/probe`
//! values (the leaf's notAfter as the member presents it, read independently with `openssl
//! s_client`), 400/404 for a missing/unknown target, an invalid entry answered with
//! `probe_success 0`, N concurrent scrapes making one probe, `promtool check metrics` on every
//! exposition, SIGTERM; the deploy/ files (`promtool check config`, `promtool test rules`, the
//! Kubernetes YAML and the command lines in it). tests/it/prometheus_real.rs scrapes it with a
//! real Prometheus.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser as _;
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario};
use serde_json::Value;
use tempfile::TempDir;

use crate::support::peers::{openssl_available, skip_or_fail_in_ci, tool_runs};
use crate::support::run::{mongotls, path_str, MONGOTLS};

/// Generous: the machine is shared and loaded.
const START_LIMIT: Duration = Duration::from_secs(120);
const HTTP_LIMIT: Duration = Duration::from_secs(120);

/// What `.ci/run` installs for promtool and Prometheus.
pub const INSTALL_PROMETHEUS: &str = "apt-get install prometheus";

/// The repository's deploy/ directory.
pub fn deploy() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy")
}

/// Sandboxes running on a runtime of their own while the test blocks on HTTP.
pub struct Sandboxes {
    runtime: tokio::runtime::Runtime,
    pub running: Vec<Sandbox>,
}

impl Sandboxes {
    pub fn start(configs: Vec<SandboxConfig>) -> Sandboxes {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let running = configs
            .into_iter()
            .map(|c| runtime.block_on(Sandbox::start(c)).expect("start sandbox"))
            .collect();
        Sandboxes { runtime, running }
    }
}

impl Drop for Sandboxes {
    fn drop(&mut self) {
        for s in self.running.drain(..) {
            self.runtime.block_on(s.shutdown());
        }
    }
}

/// A 1-member sandbox of `scenario`.
pub fn one_member(scenario: Scenario) -> SandboxConfig {
    SandboxConfig {
        members: 1,
        ..SandboxConfig::scenario(scenario)
    }
}

/// A targets file in `dir`: one `[[targets]]` per (name, sandbox), no driver stage (fast), plus
/// the raw TOML `extra` appended.
pub fn targets_file(dir: &Path, targets: &[(&str, &Sandbox)], extra: &str) -> PathBuf {
    let mut text = String::from("[defaults]\nno_driver = true\ntimeout = \"30s\"\n");
    for (name, sb) in targets {
        text.push_str(&format!(
            "\n[[targets]]\nname = \"{name}\"\nuri = \"{}\"\nca = \"{}\"\n",
            sb.uri(),
            sb.ca_file().display()
        ));
    }
    text.push_str(extra);
    let path = dir.join("targets.toml");
    std::fs::write(&path, text).expect("write targets file");
    path
}

/// `mongotls serve` on 127.0.0.1:0, killed on drop.
pub struct Serve {
    child: Child,
    pub url: String,
    pub listen: String,
    ready: PathBuf,
}

impl Serve {
    /// Starts it with `args` after `--targets FILE`, waits for its ready file.
    pub fn start(targets: &Path, args: &[&str]) -> Serve {
        Serve::start_in(targets, args, "en")
    }

    pub fn start_in(targets: &Path, args: &[&str], lang: &str) -> Serve {
        let ready = targets.with_file_name(format!("serve-{}.json", std::process::id()));
        let child = Command::new(MONGOTLS)
            .args(["--lang", lang, "serve", "--targets", path_str(targets)])
            .args(["--listen", "127.0.0.1:0", "--ready-file", path_str(&ready)])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn mongotls serve");
        let mut serve = Serve {
            child,
            url: String::new(),
            listen: String::new(),
            ready,
        };
        let start = Instant::now();
        while !serve.ready.exists() {
            if let Ok(Some(status)) = serve.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = serve.child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                panic!("mongotls serve exited ({status}) before listening:\n{err}");
            }
            assert!(
                start.elapsed() < START_LIMIT,
                "mongotls serve did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(&serve.ready).expect("ready file"))
                .expect("ready file is JSON");
        serve.url = json["url"].as_str().expect("url").to_string();
        serve.listen = json["listen"].as_str().expect("listen").to_string();
        serve
    }

    /// GET `path`: status and body.
    pub fn get(&self, path: &str) -> (u16, String, String) {
        get(&format!("{}{path}", self.url))
    }

    /// Stops it with SIGTERM; its exit code.
    fn terminate(&mut self) -> Option<i32> {
        let pid = i32::try_from(self.child.id()).expect("pid");
        // SAFETY: a signal to our own child, which has not been reaped yet.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            assert!(start.elapsed() < START_LIMIT, "serve did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// GET `url`: status, content type, body (any status; a bounded wait).
pub fn get(url: &str) -> (u16, String, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(HTTP_LIMIT))
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = response.body_mut().read_to_string().expect("body");
    (status, content_type, body)
}

/// The samples of an exposition: `name{labels}` → value (labels as written).
pub fn samples(text: &str) -> BTreeMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (series, value) = l.rsplit_once(' ')?;
            Some((series.to_string(), value.parse().ok()?))
        })
        .collect()
}

/// The one sample whose series starts with `prefix` and contains every `parts`.
pub fn sample(text: &str, prefix: &str, parts: &[&str]) -> f64 {
    let found: Vec<(String, f64)> = samples(text)
        .into_iter()
        .filter(|(s, _)| s.starts_with(prefix) && parts.iter().all(|p| s.contains(p)))
        .collect();
    assert_eq!(found.len(), 1, "{prefix} {parts:?}: {found:?} in\n{text}");
    found[0].1
}

/// Whether promtool runs here; else skips (or fails in CI).
pub fn promtool_or_skip() -> bool {
    if tool_runs("promtool", &["--version"]) {
        return true;
    }
    skip_or_fail_in_ci("promtool not on PATH", INSTALL_PROMETHEUS);
    false
}

/// `promtool check metrics` on `text`: passes, naming what it says otherwise.
pub fn promtool_check_metrics(what: &str, text: &str) {
    let mut child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn promtool");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to promtool");
    let out = child.wait_with_output().expect("promtool");
    assert!(
        out.status.success(),
        "promtool check metrics on {what}: {}{}\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The notAfter (Unix time) of the leaf `address` presents, read with `openssl s_client`.
pub fn leaf_not_after(address: &std::net::SocketAddr) -> i64 {
    let out = Command::new("openssl")
        .args(["s_client", "-connect", &address.to_string()])
        .args(["-servername", "localhost"])
        .stdin(Stdio::null())
        .output()
        .expect("openssl s_client");
    let text = String::from_utf8_lossy(&out.stdout);
    let pem = pem::parse(
        text.split_inclusive("-----END CERTIFICATE-----\n")
            .next()
            .and_then(|t| t.find("-----BEGIN").map(|i| &t[i..]))
            .unwrap_or_else(|| panic!("no certificate from s_client:\n{text}")),
    )
    .expect("PEM");
    let (_, cert) = x509_parser::parse_x509_certificate(pem.contents()).expect("X.509");
    cert.validity().not_after.timestamp()
}

/// /healthz, /probe of a good target (values as the member presents them), 400 and 404 with
/// the names of the targets, an invalid entry (`probe_success 0` and the reason), /metrics,
/// and promtool's verdict on each exposition (and on `check --format prometheus`).
#[test]
fn serve_answers_probe_metrics_and_healthz() {
    if !openssl_available() {
        skip_or_fail_in_ci("openssl not on PATH", "apt-get install openssl");
        return;
    }
    let promtool = promtool_or_skip();
    let dir = TempDir::new().unwrap();
    let sb = Sandboxes::start(vec![one_member(Scenario::Good)]);
    let good = &sb.running[0];
    let targets = targets_file(
        dir.path(),
        &[("good", good)],
        &format!(
            "\n[[targets]]\nname = \"broken\"\nuri = \"mongodb://localhost:1/?tls=true\"\ntimeout = \"nonsense\"\n\
             \n[[targets]]\nname = \"no-ca\"\nuri = \"{}\"\nca = \"missing-ca.pem\"\n",
            good.uri()
        ),
    );
    let serve = Serve::start(&targets, &[]);

    let (status, _, body) = serve.get("/healthz");
    assert_eq!((status, body.as_str()), (200, "ok\n"));

    let (status, content_type, body) = serve.get("/probe?target=good");
    assert_eq!(status, 200, "{body}");
    assert_eq!(content_type, "text/plain; version=0.0.4; charset=utf-8");
    assert_eq!(sample(&body, "probe_success", &[]), 1.0);
    assert!(sample(&body, "probe_duration_seconds", &[]) > 0.0);
    assert_eq!(sample(&body, "mongotls_check_success{", &[]), 1.0);
    let member = good.members()[0].clone();
    let leaf = leaf_not_after(&good.addrs()[0]);
    let by_position = sample(
        &body,
        "mongotls_member_chain_cert_not_after_timestamp_seconds{",
        &[
            &format!("member=\"{member}\""),
            "position=\"leaf\"",
            "index=\"0\"",
        ],
    );
    assert_eq!(by_position, leaf as f64, "{body}");
    assert_eq!(
        sample(
            &body,
            "mongotls_member_cert_not_after_timestamp_seconds{",
            &[]
        ),
        leaf as f64
    );
    let evaluated = sample(&body, "mongotls_evaluation_timestamp_seconds{", &[]);
    assert_eq!(
        sample(
            &body,
            "mongotls_member_chain_cert_expires_in_seconds{",
            &["position=\"leaf\""]
        ),
        leaf as f64 - evaluated
    );
    // The sandbox's chain: leaf, intermediate, the CA file's root.
    for position in ["intermediate", "anchor"] {
        sample(
            &body,
            "mongotls_member_chain_cert_not_after_timestamp_seconds{",
            &[&format!("position=\"{position}\"")],
        );
    }
    assert!(sample(&body, "mongotls_member_tls_handshake_seconds{", &[]) > 0.0);
    assert_eq!(
        sample(
            &body,
            "mongotls_member_tls_mode_info{",
            &["mode=\"tls_and_plain\""]
        ),
        1.0
    );
    assert_eq!(
        sample(
            &body,
            "mongotls_findings_by_code{",
            &["code=\"tls.plaintext_accepted\""]
        ),
        1.0
    );
    assert!(!body.contains("mongotls_probe_error"), "{body}");
    if promtool {
        promtool_check_metrics("/probe?target=good", &body);
    }

    let (status, _, body) = serve.get("/probe");
    assert_eq!(status, 400);
    assert!(
        body.contains("?target=NAME") && body.contains("good, broken"),
        "{body}"
    );
    let (status, _, body) = serve.get("/probe?target=nope");
    assert_eq!(status, 404);
    assert!(
        body.contains("\"nope\"") && body.contains("good, broken"),
        "{body}"
    );

    let (status, _, body) = serve.get("/probe?target=broken");
    assert_eq!(status, 200, "{body}");
    assert_eq!(sample(&body, "probe_success", &[]), 0.0);
    assert_eq!(
        sample(
            &body,
            "mongotls_probe_error{",
            &["target_name=\"broken\"", "reason=\"target_invalid\""]
        ),
        1.0
    );
    if promtool {
        promtool_check_metrics("/probe?target=broken", &body);
    }

    // A check that cannot run (its CA file is missing): probe_success 0, reason "input".
    let (status, _, body) = serve.get("/probe?target=no-ca");
    assert_eq!(status, 200, "{body}");
    assert_eq!(sample(&body, "probe_success", &[]), 0.0);
    assert_eq!(
        sample(
            &body,
            "mongotls_probe_error{",
            &["target_name=\"no-ca\"", "reason=\"input\""]
        ),
        1.0
    );

    let (status, content_type, body) = serve.get("/metrics");
    assert_eq!(status, 200);
    assert_eq!(content_type, "text/plain; version=0.0.4; charset=utf-8");
    assert_eq!(sample(&body, "mongotls_build_info{", &[]), 1.0);
    assert_eq!(
        sample(&body, "mongotls_serve_targets{", &["state=\"invalid\""]),
        1.0
    );
    assert_eq!(
        sample(
            &body,
            "mongotls_serve_probes_total{",
            &["target=\"good\"", "result=\"success\""]
        ),
        1.0
    );
    assert_eq!(sample(&body, "mongotls_serve_probes_in_flight", &[]), 0.0);
    if promtool {
        promtool_check_metrics("/metrics", &body);
        // And the one-shot exposition of the same target.
        let run = mongotls(&[
            "check",
            &good.uri(),
            "--no-driver",
            "--format",
            "prometheus",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        promtool_check_metrics("check --format prometheus", &run.stdout);
    }
}

/// N scrapes at once of a target whose probe is slow (a handshake delay): one probe, the other
/// scrapes answered with its result (visible in /metrics); with a long TTL this holds however
/// the scrapes interleave with the probe.
#[test]
fn concurrent_scrapes_make_one_probe() {
    const N: usize = 8;
    let dir = TempDir::new().unwrap();
    let sb = Sandboxes::start(vec![SandboxConfig {
        members: 1,
        handshake_delay: Some(Duration::from_secs(2)),
        ..SandboxConfig::default()
    }]);
    let targets = targets_file(dir.path(), &[("slow", &sb.running[0])], "");
    let serve = Serve::start(&targets, &["--cache-ttl", "1h", "--probe-timeout", "2m"]);
    let url = format!("{}/probe?target=slow", serve.url);
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(N));
    let scrapes: Vec<_> = (0..N)
        .map(|_| {
            let (url, barrier) = (url.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                get(&url)
            })
        })
        .collect();
    for scrape in scrapes {
        let (status, _, body) = scrape.join().expect("scrape thread");
        assert_eq!(status, 200, "{body}");
        assert_eq!(sample(&body, "probe_success", &[]), 1.0, "{body}");
    }
    let (_, _, metrics) = serve.get("/metrics");
    let slow = ["target=\"slow\""];
    assert_eq!(
        sample(&metrics, "mongotls_serve_probe_cache_misses_total{", &slow),
        1.0,
        "{metrics}"
    );
    assert_eq!(
        sample(&metrics, "mongotls_serve_probe_cache_hits_total{", &slow),
        (N - 1) as f64
    );
    assert_eq!(sample(&metrics, "mongotls_serve_probes_total{", &slow), 1.0);
    assert_eq!(
        sample(
            &metrics,
            "mongotls_serve_probe_duration_seconds_count{",
            &slow
        ),
        1.0
    );
    assert_eq!(
        sample(&metrics, "mongotls_serve_http_requests_total{", &["/probe"]),
        N as f64
    );
}

/// SIGTERM stops it (exit 0, the ready file removed); its answers follow --lang.
#[test]
fn sigterm_stops_serve_and_answers_follow_the_language() {
    let dir = TempDir::new().unwrap();
    let sb = Sandboxes::start(vec![one_member(Scenario::Good)]);
    let targets = targets_file(dir.path(), &[("good", &sb.running[0])], "");
    let mut serve = Serve::start_in(&targets, &[], "zh");
    let (status, _, body) = serve.get("/probe?target=nope");
    assert_eq!(status, 404);
    assert!(body.contains("没有名为“nope”的目标"), "{body}");
    assert_eq!(serve.terminate(), Some(0));
    assert!(!serve.ready.exists(), "the ready file is removed");
}

/// A client that starts a request and never finishes it (its headers cut short) does not
/// hold serve past SIGTERM: it stops once answers in flight have had --probe-timeout and a
/// few seconds.
#[test]
fn an_unfinished_request_does_not_hold_serve_after_sigterm() {
    let dir = TempDir::new().unwrap();
    let sb = Sandboxes::start(vec![one_member(Scenario::Good)]);
    let targets = targets_file(dir.path(), &[("good", &sb.running[0])], "");
    let mut serve = Serve::start(&targets, &["--probe-timeout", "1s"]);
    let address = serve.url.trim_start_matches("http://").to_string();
    let mut stalled = std::net::TcpStream::connect(&address).expect("connect to serve");
    stalled
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")
        .expect("half a request");
    assert_eq!(serve.terminate(), Some(0));
    drop(stalled);
}

/// A targets file that cannot be used at all is a usage error (exit 2), before listening.
#[test]
fn unusable_targets_file_is_exit_2() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.toml");
    let run = mongotls(&[
        "serve",
        "--targets",
        path_str(&missing),
        "--listen",
        "127.0.0.1:0",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("missing.toml"), "{}", run.stderr);
    let run = mongotls(&["serve", "--targets", "t.toml", "--listen", "localhost"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not IP:PORT"), "{}", run.stderr);
}

/// deploy/prometheus: the config and rules are valid, the rules' unit tests pass (the alerts
/// fire on an expiring certificate and stay quiet on a good one).
#[test]
fn deploy_prometheus_passes_promtool() {
    if !promtool_or_skip() {
        return;
    }
    let dir = deploy().join("prometheus");
    for args in [
        vec!["check", "config", "prometheus.yml"],
        vec!["check", "rules", "rules.yml"],
        vec!["test", "rules", "rules_test.yml"],
    ] {
        let out = Command::new("promtool")
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("promtool");
        assert!(
            out.status.success(),
            "promtool {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Every `mongotls` command line in deploy/kubernetes (a container's `args`, with `command`
/// naming mongotls) parses with our CLI; every file is YAML.
#[test]
fn deploy_kubernetes_command_lines_parse() {
    use yaml_rust2::{Yaml, YamlLoader};

    fn containers<'a>(doc: &'a Yaml, out: &mut Vec<&'a Yaml>) {
        match doc {
            Yaml::Hash(h) => {
                for (k, v) in h {
                    if k.as_str() == Some("containers") {
                        if let Yaml::Array(list) = v {
                            out.extend(list.iter());
                        }
                    }
                    containers(v, out);
                }
            }
            Yaml::Array(list) => list.iter().for_each(|v| containers(v, out)),
            _ => {}
        }
    }

    let dir = deploy().join("kubernetes");
    let mut lines = Vec::new();
    let mut kinds = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("deploy/kubernetes") {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let docs = YamlLoader::load_from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()));
        for doc in &docs {
            if let Some(kind) = doc["kind"].as_str() {
                kinds.push(kind.to_string());
            }
            let mut found = Vec::new();
            containers(doc, &mut found);
            for c in found {
                let words = |key: &str| -> Vec<String> {
                    c[key]
                        .as_vec()
                        .map(|v| {
                            v.iter()
                                .map(|w| w.as_str().expect("a string").to_string())
                                .collect()
                        })
                        .unwrap_or_default()
                };
                let mut line = words("command");
                line.extend(words("args"));
                lines.push((path.clone(), line));
            }
        }
    }
    kinds.sort();
    for kind in ["ConfigMap", "CronJob", "Deployment", "Secret", "Service"] {
        assert!(kinds.iter().any(|k| k == kind), "no {kind} in {kinds:?}");
    }
    assert!(lines.len() >= 2, "{lines:?}");
    for (path, line) in &lines {
        assert_eq!(
            line.first().map(String::as_str),
            Some("/mongotls"),
            "{}",
            path.display()
        );
        let parsed = mongotls::cli::Cli::try_parse_from(line);
        assert!(
            parsed.is_ok(),
            "{}: {line:?}: {}",
            path.display(),
            parsed.err().map(|e| e.to_string()).unwrap_or_default()
        );
    }
    // The smoke test and the exporter.
    assert!(lines
        .iter()
        .any(|(_, l)| l.get(1).map(String::as_str) == Some("check")
            && l.iter().any(|w| w == "--targets")));
    assert!(lines
        .iter()
        .any(|(_, l)| l.get(1).map(String::as_str) == Some("serve")));
}

/// `check --targets FILE --format prometheus`: one file for the whole fleet, every series with
/// its `target_name`, the invalid entry said; promtool accepts it.
#[test]
fn fleet_prometheus_labels_every_series_with_its_target() {
    let dir = TempDir::new().unwrap();
    let sb = Sandboxes::start(vec![one_member(Scenario::Good), one_member(Scenario::Good)]);
    let targets = targets_file(
        dir.path(),
        &[("first", &sb.running[0]), ("second", &sb.running[1])],
        "\n[[targets]]\nname = \"broken\"\nuri = \"mongodb://localhost:1/?tls=true\"\ntimeout = \"nonsense\"\n",
    );
    let run = mongotls(&[
        "check",
        "--targets",
        path_str(&targets),
        "--format",
        "prometheus",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = &run.stdout;
    for (name, ok) in [("first", 1.0), ("second", 1.0), ("broken", 0.0)] {
        let label = format!("target_name=\"{name}\"");
        assert_eq!(
            sample(text, "mongotls_fleet_target_success{", &[&label]),
            ok
        );
    }
    assert_eq!(
        sample(
            text,
            "mongotls_fleet_target_invalid{",
            &["target_name=\"broken\""]
        ),
        1.0
    );
    for (name, sandbox) in [("first", &sb.running[0]), ("second", &sb.running[1])] {
        let member = format!("member=\"{}\"", sandbox.members()[0]);
        let label = format!("target_name=\"{name}\"");
        sample(
            text,
            "mongotls_member_chain_cert_not_after_timestamp_seconds{",
            &[&label, &member, "position=\"leaf\""],
        );
    }
    assert_eq!(
        text.matches("# TYPE mongotls_member_up gauge").count(),
        1,
        "{text}"
    );
    if promtool_or_skip() {
        promtool_check_metrics("check --targets --format prometheus", text);
    }
}

/// The Dockerfile (which this machine cannot build: no Docker daemon) agrees with what it
/// packages: its Rust image is at least the crate's `rust-version`, it builds the `mongotls`
/// binary and runs it as `/mongotls` (the path deploy/kubernetes calls), as a non-root user,
/// and it exposes serve's default port, the port the Kubernetes manifests use.
#[test]
fn dockerfile_agrees_with_the_crate_and_the_manifests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docker = std::fs::read_to_string(root.join("Dockerfile")).expect("Dockerfile");
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let version = |text: &str| -> (u32, u32) {
        let mut parts = text.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
    };
    let msrv = cargo
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| version(v.trim_matches('"')))
        .expect("rust-version in Cargo.toml");
    let image = docker
        .lines()
        .find_map(|l| l.strip_prefix("FROM rust:"))
        .and_then(|l| l.split(['-', ' ']).next())
        .map(version)
        .expect("a rust: build stage");
    assert!(
        image >= msrv,
        "rust:{image:?} is older than rust-version {msrv:?}"
    );
    assert!(docker.contains("--bin mongotls"), "{docker}");
    assert!(docker.contains("ENTRYPOINT [\"/mongotls\"]"), "{docker}");
    assert!(docker.contains("USER nonroot"), "{docker}");
    let port = mongotls::cli::SERVE_DEFAULT_LISTEN
        .rsplit(':')
        .next()
        .expect("a port");
    assert!(docker.contains(&format!("EXPOSE {port}")), "{docker}");
    let manifests =
        std::fs::read_to_string(deploy().join("kubernetes/serve.yaml")).expect("serve.yaml");
    assert!(
        manifests.contains(&format!("containerPort: {port}")),
        "serve.yaml does not use port {port}"
    );
}
