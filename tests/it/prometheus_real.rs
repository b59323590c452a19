//! A real Prometheus (Debian's `prometheus`) on 127.0.0.1 scrapes `mongotls serve` through
//! the very relabelling of deploy/prometheus/prometheus.yml, with its rules.yml loaded, and the
//! values come back through its HTTP API: the leaf's notAfter equals what the sandbox member
//! presents (read with `openssl s_client`), `probe_success` is 1 for a good target and 0 for an
//! expired one, and the expiring-certificate alert becomes pending (or firing) for the expired
//! one only.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mongotls::sandbox::Scenario;
use serde_json::Value;
use tempfile::TempDir;

use crate::serve::{
    deploy, get, leaf_not_after, one_member, targets_file, Sandboxes, Serve, INSTALL_PROMETHEUS,
};
use crate::support::peers::{openssl_available, skip_or_fail_in_ci, tool_runs};

/// How long Prometheus may take to start, scrape and evaluate on a loaded machine.
const LIMIT: Duration = Duration::from_secs(180);

/// `prometheus`, killed on drop.
struct Prometheus {
    child: Child,
    url: String,
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A free loopback port (closed again: Prometheus binds it next).
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    l.local_addr().expect("address").port()
}

/// deploy/prometheus/prometheus.yml with the exporter's address, these target names and a
/// one-second interval: the relabelling itself is the shipped one.
fn config(serve: &str, names: &[&str]) -> String {
    let shipped =
        std::fs::read_to_string(deploy().join("prometheus/prometheus.yml")).expect("config");
    let mut text = shipped.clone();
    for (from, to) in [
        ("scrape_interval: 1m", "scrape_interval: 1s"),
        ("scrape_timeout: 30s", "scrape_timeout: 1s"),
        ("evaluation_interval: 1m", "evaluation_interval: 1s"),
        ("127.0.0.1:9716", serve),
    ] {
        assert!(
            text.contains(from),
            "deploy/prometheus/prometheus.yml: no {from}"
        );
        text = text.replace(from, to);
    }
    let listed = "          - prod-orders\n          - prod-users\n";
    assert!(text.contains(listed), "the example targets moved");
    let ours: String = names.iter().map(|n| format!("          - {n}\n")).collect();
    text.replace(listed, &ours)
}

fn start_prometheus(dir: &Path, config_text: &str) -> Prometheus {
    std::fs::write(dir.join("prometheus.yml"), config_text).expect("write config");
    std::fs::copy(deploy().join("prometheus/rules.yml"), dir.join("rules.yml")).expect("rules");
    let port = free_port();
    let child = Command::new("prometheus")
        .arg(format!(
            "--config.file={}",
            dir.join("prometheus.yml").display()
        ))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.join("data").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn prometheus");
    let prometheus = Prometheus {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let ready = format!("{}/-/ready", prometheus.url);
    wait_for("Prometheus ready", || ureq_ok(&ready).then_some(()));
    prometheus
}

fn ureq_ok(url: &str) -> bool {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(5)))
        .http_status_as_error(false)
        .build()
        .into();
    matches!(agent.get(url).call(), Ok(r) if r.status() == 200)
}

/// Polls `f` until it gives a value, at most [`LIMIT`].
fn wait_for<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < LIMIT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// The value of an instant query with exactly one result, once it has one.
fn query_one(prometheus: &Prometheus, promql: &str) -> f64 {
    let url = format!(
        "{}/api/v1/query?query={}",
        prometheus.url,
        percent_encode(promql)
    );
    wait_for(promql, || {
        let (status, _, body) = get(&url);
        let v: Value = serde_json::from_str(&body).ok()?;
        let result = v["data"]["result"].as_array()?;
        if status != 200 || result.len() != 1 {
            return None;
        }
        result[0]["value"][1].as_str()?.parse().ok()
    })
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn real_prometheus_scrapes_serve_and_the_expiry_alert_goes_off() {
    if !tool_runs("prometheus", &["--version"]) {
        skip_or_fail_in_ci("prometheus not on PATH", INSTALL_PROMETHEUS);
        return;
    }
    if !openssl_available() {
        skip_or_fail_in_ci("openssl not on PATH", "apt-get install openssl");
        return;
    }
    let dir = TempDir::new().unwrap();
    let sb = Sandboxes::start(vec![
        one_member(Scenario::Good),
        one_member(Scenario::Expired),
    ]);
    let (good, expired) = (&sb.running[0], &sb.running[1]);
    let targets = targets_file(dir.path(), &[("good", good), ("expired", expired)], "");
    // A long TTL: the first probe of each target is made here, without Prometheus's one-second
    // scrape timeout; Prometheus then reads the cached results.
    let serve = Serve::start(&targets, &["--cache-ttl", "1h"]);
    for name in ["good", "expired"] {
        let (status, _, body) = serve.get(&format!("/probe?target={name}"));
        assert_eq!(status, 200, "{body}");
    }
    let prometheus = start_prometheus(dir.path(), &config(&serve.listen, &["good", "expired"]));

    let leaf = query_one(
        &prometheus,
        r#"mongotls_member_chain_cert_not_after_timestamp_seconds{job="mongotls",instance="good",position="leaf"}"#,
    );
    assert_eq!(leaf, leaf_not_after(&good.addrs()[0]) as f64);
    let expired_leaf = query_one(
        &prometheus,
        r#"mongotls_member_cert_not_after_timestamp_seconds{job="mongotls",instance="expired"}"#,
    );
    assert_eq!(expired_leaf, leaf_not_after(&expired.addrs()[0]) as f64);
    assert_eq!(
        query_one(&prometheus, r#"probe_success{instance="good"}"#),
        1.0
    );
    assert_eq!(
        query_one(&prometheus, r#"probe_success{instance="expired"}"#),
        0.0
    );
    // The exporter's own metrics, through the second job.
    assert_eq!(
        query_one(&prometheus, r#"mongotls_build_info{job="mongotls-serve"}"#),
        1.0
    );

    // rules.yml: the expired leaf has negative time left, so the 7-day alert is pending (its
    // `for` is 10 minutes) for `expired`, and nothing is for `good`.
    let alerts_url = format!("{}/api/v1/alerts", prometheus.url);
    let alerts = wait_for("the expiry alert", || {
        let (_, _, body) = get(&alerts_url);
        let v: Value = serde_json::from_str(&body).ok()?;
        let alerts = v["data"]["alerts"].as_array()?.clone();
        alerts
            .iter()
            .any(|a| {
                a["labels"]["alertname"] == "MongoTLSCertificateExpiresWithin7Days"
                    && a["labels"]["instance"] == "expired"
                    && a["labels"]["position"] == "leaf"
                    && matches!(a["state"].as_str(), Some("pending" | "firing"))
            })
            .then_some(alerts)
    });
    assert!(
        !alerts.iter().any(|a| a["labels"]["instance"] == "good"
            && a["labels"]["alertname"]
                .as_str()
                .is_some_and(|n| n.starts_with("MongoTLSCertificate"))),
        "{alerts:?}"
    );
}
