//! `--format junit` and `--format prometheus` through the binary, exactly as CI and cron run
//! them: the JUnit XML is parsed with roxmltree (structure, counts, failures), the Prometheus
//! text with an independent parser of the exposition format (openmetrics-parser), on the
//! sandbox (`demo`, `check`) and on the fixed fixtures of `testdata/` (`ca`, `verify` with
//! `--at`).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeMap;

use crate::support::run::{mongotls, path_str, Run};
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario};
use openmetrics_parser::{MetricsExposition, PrometheusType, PrometheusValue};

const ROOT: &str = "testdata/fixed/root.pem";
const CHAIN: &str = "testdata/fixed/chain.pem";
const ZIP: &str = "testdata/fixed/ApsaraDB-CA-Chain.zip";
const HOST: &str = "mongo-0.example.internal";
/// The fixture chain passes at this time; its leaf expired on 2021-01-01.
const GOOD_TIME: &str = "2020-06-01T00:00:00Z";
const LEAF_EXPIRED_TIME: &str = "2022-06-01T00:00:00Z";
/// 2020-06-01T00:00:00Z, 2021-01-01, 2028-01-01 and 2030-01-01 as Unix time.
const GOOD_UNIX: f64 = 1_590_969_600.0;
const LEAF_NOT_AFTER: f64 = 1_609_459_200.0;
const INTERMEDIATE_NOT_AFTER: f64 = 1_830_297_600.0;
const ROOT_NOT_AFTER: f64 = 1_893_456_000.0;

// ---- JUnit ----

#[derive(Debug)]
struct Case {
    name: String,
    classname: String,
    time: Option<f64>,
    /// (message, type, text)
    failure: Option<(String, String, String)>,
    system_out: String,
}

#[derive(Debug)]
struct Suite {
    name: String,
    failures: usize,
    properties: BTreeMap<String, String>,
    cases: Vec<Case>,
}

impl Suite {
    fn case(&self, name: &str) -> &Case {
        self.cases
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no test case {name} in {self:#?}"))
    }

    fn failed(&self) -> Vec<&Case> {
        self.cases.iter().filter(|c| c.failure.is_some()).collect()
    }
}

fn attr(node: roxmltree::Node, name: &str) -> String {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", node.tag_name().name()))
        .to_string()
}

fn count(node: roxmltree::Node, name: &str) -> usize {
    attr(node, name).parse().expect("a count")
}

fn elements<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    tag: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == tag)
}

/// Parses the run's stdout as JUnit XML with one suite, checking that the counts the document
/// declares are the counts of what it holds.
fn junit(run: &Run) -> Suite {
    let doc = roxmltree::Document::parse(&run.stdout)
        .unwrap_or_else(|e| panic!("not XML ({e}):\n{}\n{}", run.stdout, run.stderr));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(attr(root, "name"), "mongotls");
    let suites: Vec<_> = elements(root, "testsuite").collect();
    assert_eq!(suites.len(), 1, "one suite per report");
    let s = suites[0];
    let cases: Vec<Case> = elements(s, "testcase")
        .map(|c| {
            let failure = elements(c, "failure").next().map(|f| {
                (
                    attr(f, "message"),
                    attr(f, "type"),
                    f.text().unwrap_or_default().to_string(),
                )
            });
            assert!(elements(c, "error").next().is_none());
            Case {
                name: attr(c, "name"),
                classname: attr(c, "classname"),
                time: c.attribute("time").map(|t| t.parse().expect("time")),
                failure,
                system_out: elements(c, "system-out")
                    .next()
                    .and_then(|o| o.text())
                    .unwrap_or_default()
                    .to_string(),
            }
        })
        .collect();
    let failures = count(s, "failures");
    assert_eq!(count(s, "tests"), cases.len());
    assert_eq!(
        failures,
        cases.iter().filter(|c| c.failure.is_some()).count()
    );
    assert_eq!(count(s, "errors"), 0);
    assert_eq!(count(root, "tests"), cases.len());
    assert_eq!(count(root, "failures"), failures);
    let properties = elements(s, "properties")
        .flat_map(|p| elements(p, "property"))
        .map(|p| (attr(p, "name"), attr(p, "value")))
        .collect();
    Suite {
        name: attr(s, "name"),
        failures,
        properties,
        cases,
    }
}

// ---- Prometheus ----

type Exposition = MetricsExposition<PrometheusType, PrometheusValue>;

/// Parses the run's stdout with an independent parser of the Prometheus text format; every
/// family is a gauge with HELP text and a `mongotls_` name.
fn prometheus(run: &Run) -> Exposition {
    let exposition = openmetrics_parser::prometheus::parse_prometheus(&run.stdout)
        .unwrap_or_else(|e| panic!("not Prometheus text ({e:?}):\n{}", run.stdout));
    assert!(!exposition.families.is_empty());
    for (name, family) in &exposition.families {
        assert!(name.starts_with("mongotls_"), "{name}");
        assert_eq!(family.family_type, PrometheusType::Gauge, "{name}");
        assert!(!family.help.is_empty(), "{name} has no HELP");
    }
    assert_eq!(
        exposition.families.len(),
        run.stdout
            .lines()
            .filter(|l| l.starts_with("# TYPE "))
            .count(),
        "a family is split"
    );
    exposition
}

/// The values of `name` whose labels include every pair of `labels`.
fn values(exposition: &Exposition, name: &str, labels: &[(&str, &str)]) -> Vec<f64> {
    let Some(family) = exposition.families.get(name) else {
        return Vec::new();
    };
    family
        .iter_samples()
        .filter(|s| {
            let set = s.get_labelset().expect("labels");
            labels
                .iter()
                .all(|(k, v)| set.get_label_value(k) == Some(*v))
        })
        .map(|s| match &s.value {
            PrometheusValue::Gauge(n) => n.as_f64(),
            other => panic!("{name} is not a gauge: {other:?}"),
        })
        .collect()
}

/// The one value of `name` with `labels`.
fn value(exposition: &Exposition, name: &str, labels: &[(&str, &str)]) -> f64 {
    match values(exposition, name, labels)[..] {
        [v] => v,
        ref other => panic!("{name}{labels:?}: {other:?}"),
    }
}

/// Every value of label `label` in family `name`, in order.
fn label_values(exposition: &Exposition, name: &str, label: &str) -> Vec<String> {
    exposition.families[name]
        .iter_samples()
        .map(|s| {
            s.get_labelset()
                .unwrap()
                .get_label_value(label)
                .unwrap()
                .to_string()
        })
        .collect()
}

// ---- demo (check on the sandbox) ----

#[test]
fn demo_junit_has_one_case_per_member_and_one_for_the_set() {
    let run = mongotls(&["demo", "--format", "junit"]);
    // The default scenario warns (plaintext still accepted); warnings do not fail cases.
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = junit(&run);
    assert_eq!(s.name, "mongotls check");
    assert_eq!(s.failures, 0);
    assert_eq!(s.properties["verdict"], "warn");
    assert!(s.properties.contains_key("evaluated_at"));
    assert!(s.properties["seeds"].starts_with("localhost:"));
    let members: Vec<&Case> = s
        .cases
        .iter()
        .filter(|c| c.classname == "mongotls.check.member")
        .collect();
    assert_eq!(members.len(), 3);
    for m in &members {
        assert!(m.name.starts_with("localhost:"), "{m:?}");
        assert!(m.time.is_some_and(|t| t > 0.0), "{m:?}");
        assert!(
            m.system_out.contains("WARN tls.plaintext_accepted"),
            "{m:?}"
        );
        assert!(m.system_out.contains("tls mode: tls_and_plain"), "{m:?}");
    }
    let set = s.case("replica set");
    assert_eq!(set.classname, "mongotls.check.set");
    let driver = s.case("driver");
    assert_eq!(driver.classname, "mongotls.check.driver");
    assert!(driver.failure.is_none(), "{driver:?}");
    assert!(
        driver.system_out.contains("mongodb (Rust driver"),
        "{driver:?}"
    );
    assert_eq!(s.cases.len(), 5);
}

#[test]
fn demo_expired_junit_fails_every_member_with_the_finding() {
    let run = mongotls(&["demo", "--scenario", "expired", "--format", "junit"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let s = junit(&run);
    assert_eq!(s.properties["verdict"], "fail");
    let failed = s.failed();
    // Every member. The driver cannot select any of them, for the members' own cause: one
    // cause, one failure, so its finding is information in the driver's test case.
    assert_eq!(failed.len(), 3, "{s:#?}");
    let driver = s.case("driver");
    assert!(driver.failure.is_none(), "{driver:?}");
    assert!(
        driver.system_out.contains("driver.server_selection_failed"),
        "{driver:?}"
    );
    for c in failed.into_iter().filter(|c| c.name != "driver") {
        assert_eq!(c.classname, "mongotls.check.member");
        let (message, ty, text) = c.failure.as_ref().unwrap();
        assert_eq!(ty, "cert.expired");
        assert!(message.starts_with("cert.expired: "), "{message}");
        // The text lists every finding with its fix, the warnings too.
        assert!(text.contains("FAIL cert.expired"), "{text}");
        assert!(text.contains("fix: "), "{text}");
        assert!(text.contains("WARN tls.plaintext_accepted"), "{text}");
    }
    assert!(s.case("replica set").failure.is_none());
}

#[test]
fn demo_one_member_expired_junit_fails_that_member_only() {
    let run = mongotls(&[
        "demo",
        "--scenario",
        "one-member-expired",
        "--format",
        "junit",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let s = junit(&run);
    let failed = s.failed();
    assert_eq!(failed.len(), 1, "{s:#?}");
    assert_eq!(failed[0].failure.as_ref().unwrap().1, "cert.expired");
    // The driver connects through the good members: a pass, with the difference as a warning.
    let driver = s.case("driver");
    assert!(driver.failure.is_none(), "{driver:?}");
    assert!(
        driver.system_out.contains("WARN driver.verdict_differs"),
        "{driver:?}"
    );
    assert_eq!(s.cases.len(), 5);
}

#[test]
fn demo_expired_prometheus() {
    let run = mongotls(&["demo", "--scenario", "expired", "--format", "prometheus"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let p = prometheus(&run);
    let check = [("command", "check")];
    assert_eq!(value(&p, "mongotls_check_success", &check), 0.0);
    let fails = value(
        &p,
        "mongotls_findings",
        &[("command", "check"), ("severity", "fail")],
    );
    assert!(fails >= 3.0, "{fails}");
    assert_eq!(
        value(
            &p,
            "mongotls_findings_by_code",
            &[("code", "cert.expired"), ("severity", "fail")]
        ),
        3.0
    );
    let target = &label_values(&p, "mongotls_check_success", "target")[0];
    let evaluated = value(&p, "mongotls_evaluation_timestamp_seconds", &check);
    assert!(value(&p, "mongotls_run_duration_seconds", &check) > 0.0);

    let members = label_values(&p, "mongotls_member_up", "member");
    assert_eq!(members.len(), 3);
    // The target label is the seed list, never the connection string.
    assert_eq!(*target, members.join(","));
    assert!(!run.stdout.contains("mongodb://"), "{}", run.stdout);
    for m in &members {
        let member = [("member", m.as_str())];
        // TLS and hello work: the probe completes the handshake whatever the certificate.
        assert_eq!(value(&p, "mongotls_member_up", &member), 1.0);
        assert_eq!(value(&p, "mongotls_member_chain_trusted", &member), 1.0);
        assert_eq!(
            value(&p, "mongotls_member_plaintext_accepted", &member),
            1.0
        );
        let not_after = value(
            &p,
            "mongotls_member_cert_not_after_timestamp_seconds",
            &member,
        );
        assert!(not_after < evaluated, "{not_after} {evaluated}");
        let handshake = value(&p, "mongotls_member_tls_handshake_seconds", &member);
        assert!(handshake > 0.0 && handshake < 60.0, "{handshake}");
        assert_eq!(
            value(
                &p,
                "mongotls_member_phase_seconds",
                &[("member", m.as_str()), ("phase", "tls_handshake")]
            ),
            handshake
        );
        for phase in ["dns", "tcp_connect", "hello", "ping", "plaintext_hello"] {
            value(
                &p,
                "mongotls_member_phase_seconds",
                &[("member", m.as_str()), ("phase", phase)],
            );
        }
        assert_eq!(value(&p, "mongotls_member_tls_version_info", &member), 1.0);
        assert_eq!(
            value(
                &p,
                "mongotls_member_findings",
                &[("member", m.as_str()), ("severity", "fail")]
            ),
            1.0
        );
    }
    let versions = label_values(&p, "mongotls_member_tls_version_info", "version");
    assert!(
        versions.iter().all(|v| v.starts_with("TLSv1.")),
        "{versions:?}"
    );
}

#[test]
fn demo_prometheus_passes_with_warnings() {
    let run = mongotls(&["demo", "--format", "prometheus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let p = prometheus(&run);
    assert_eq!(value(&p, "mongotls_check_success", &[]), 1.0);
    assert_eq!(value(&p, "mongotls_findings", &[("severity", "fail")]), 0.0);
    assert_eq!(value(&p, "mongotls_findings", &[("severity", "warn")]), 3.0);
    assert_eq!(
        values(&p, "mongotls_member_cert_not_after_timestamp_seconds", &[]).len(),
        3
    );
}

// ---- ca and verify on the fixtures ----

#[test]
fn ca_junit_one_case_per_certificate_and_one_for_the_bundle() {
    let run = mongotls(&["ca", ZIP, "--at", GOOD_TIME, "--format", "junit"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = junit(&run);
    assert_eq!(s.name, "mongotls ca");
    assert_eq!(s.failures, 0);
    assert_eq!(s.properties["evaluated_at"], GOOD_TIME);
    let certs: Vec<&Case> = s
        .cases
        .iter()
        .filter(|c| c.classname == "mongotls.ca.certificate")
        .collect();
    assert_eq!(certs.len(), 2);
    assert!(certs[0].name.starts_with("#0 CN=mongotls Fixture Root CA"));
    assert!(certs[1]
        .name
        .starts_with("#1 CN=mongotls Fixture Intermediate CA"));
    let bundle = s.case("bundle");
    assert_eq!(bundle.classname, "mongotls.ca.bundle");
    assert!(bundle.system_out.contains("used ZIP member"), "{bundle:?}");

    // Ten years on, both certificates have expired: each fails in its own case.
    let run = mongotls(&[
        "ca",
        ZIP,
        "--at",
        "2031-01-01T00:00:00Z",
        "--format",
        "junit",
    ]);
    assert_eq!(run.code, 1);
    let s = junit(&run);
    assert_eq!(s.failures, 2);
    for c in s.failed() {
        assert_eq!(c.classname, "mongotls.ca.certificate");
        assert_eq!(c.failure.as_ref().unwrap().1, "ca.expired");
    }
}

#[test]
fn ca_prometheus_lists_every_certificate_expiry() {
    let run = mongotls(&["ca", ZIP, "--at", GOOD_TIME, "--format", "prometheus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let p = prometheus(&run);
    let labels = [("command", "ca"), ("target", ZIP)];
    assert_eq!(value(&p, "mongotls_check_success", &labels), 1.0);
    assert_eq!(
        value(&p, "mongotls_evaluation_timestamp_seconds", &labels),
        GOOD_UNIX
    );
    assert_eq!(
        value(&p, "mongotls_ca_certificates", &[("target", ZIP)]),
        2.0
    );
    let expiry = "mongotls_ca_cert_not_after_timestamp_seconds";
    assert_eq!(
        value(
            &p,
            expiry,
            &[("subject", "CN=mongotls Fixture Root CA, O=mongotls fixture")]
        ),
        ROOT_NOT_AFTER
    );
    assert_eq!(
        value(
            &p,
            expiry,
            &[(
                "subject",
                "CN=mongotls Fixture Intermediate CA, O=mongotls fixture"
            )]
        ),
        INTERMEDIATE_NOT_AFTER
    );
    for sha in label_values(&p, expiry, "sha256") {
        assert_eq!(sha.len(), 95, "colon-separated SHA-256: {sha}");
    }
}

#[test]
fn a_duplicated_certificate_is_one_series() {
    let dir = tempfile::TempDir::new().unwrap();
    let root = std::fs::read_to_string(ROOT).unwrap();
    let twice = dir.path().join("twice.pem");
    std::fs::write(&twice, format!("{root}\n{root}")).unwrap();
    let run = mongotls(&[
        "ca",
        path_str(&twice),
        "--at",
        GOOD_TIME,
        "--format",
        "prometheus",
    ]);
    let p = prometheus(&run);
    assert_eq!(value(&p, "mongotls_ca_certificates", &[]), 2.0);
    assert_eq!(
        values(&p, "mongotls_ca_cert_not_after_timestamp_seconds", &[]),
        [ROOT_NOT_AFTER]
    );
    assert_eq!(
        value(&p, "mongotls_findings_by_code", &[("code", "ca.duplicate")]),
        1.0
    );
}

#[test]
fn label_values_and_xml_are_escaped() {
    // A file name with every character the exposition format escapes, and XML's.
    let dir = tempfile::TempDir::new().unwrap();
    let odd = dir.path().join("we\"ird\\ca\nfile <&>.pem");
    std::fs::copy(ROOT, &odd).unwrap();
    let name = path_str(&odd);

    let run = mongotls(&["ca", name, "--at", GOOD_TIME, "--format", "prometheus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let p = prometheus(&run);
    assert_eq!(
        value(&p, "mongotls_ca_certificates", &[("target", name)]),
        1.0
    );

    let run = mongotls(&["ca", name, "--at", GOOD_TIME, "--format", "junit"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = junit(&run);
    // Valid XML; a line feed in an attribute reads back as a space (XML attribute-value
    // normalisation), everything else exactly.
    assert_eq!(s.properties["files"], name.replace('\n', " "));
}

#[test]
fn verify_junit_one_case_for_the_chain() {
    let verify = |at: &str| {
        mongotls(&[
            "verify", "--ca", ROOT, "--chain", CHAIN, "--host", HOST, "--at", at, "--format",
            "junit",
        ])
    };
    let run = verify(GOOD_TIME);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = junit(&run);
    assert_eq!(s.name, "mongotls verify");
    assert_eq!(s.cases.len(), 1);
    let chain = s.case(CHAIN);
    assert_eq!(chain.classname, "mongotls.verify.chain");
    assert!(chain.failure.is_none());
    assert!(chain.system_out.contains("path ends at the CA file"));
    assert_eq!(s.properties["host"], HOST);

    let run = verify(LEAF_EXPIRED_TIME);
    assert_eq!(run.code, 1);
    let s = junit(&run);
    let (message, ty, text) = s.case(CHAIN).failure.clone().expect("a failure");
    assert_eq!(ty, "cert.expired");
    assert!(message.starts_with("cert.expired: "), "{message}");
    assert!(text.contains("refused by: "), "{text}");
}

#[test]
fn verify_prometheus_trusted_and_leaf_expiry() {
    let run = mongotls(&[
        "verify",
        "--ca",
        ROOT,
        "--chain",
        CHAIN,
        "--host",
        HOST,
        "--at",
        LEAF_EXPIRED_TIME,
        "--format",
        "prometheus",
    ]);
    assert_eq!(run.code, 1);
    let p = prometheus(&run);
    let labels = [("command", "verify"), ("target", CHAIN)];
    assert_eq!(value(&p, "mongotls_check_success", &labels), 0.0);
    assert_eq!(
        value(&p, "mongotls_verify_chain_trusted", &[("target", CHAIN)]),
        1.0
    );
    assert_eq!(
        value(
            &p,
            "mongotls_verify_cert_not_after_timestamp_seconds",
            &[("subject", "CN=mongo-0.example.internal, O=mongotls fixture")]
        ),
        LEAF_NOT_AFTER
    );
    assert_eq!(
        value(
            &p,
            "mongotls_findings_by_code",
            &[("code", "cert.expired"), ("severity", "fail")]
        ),
        1.0
    );
}

#[test]
fn output_is_deterministic_for_a_fixed_time() {
    for format in ["junit", "prometheus"] {
        let args = [
            "verify", "--ca", ROOT, "--chain", CHAIN, "--host", HOST, "--at", GOOD_TIME,
            "--format", format,
        ];
        assert_eq!(mongotls(&args).stdout, mongotls(&args).stdout, "{format}");
        let args = ["ca", ZIP, "--at", GOOD_TIME, "--format", format];
        assert_eq!(mongotls(&args).stdout, mongotls(&args).stdout, "{format}");
    }
}

// ---- secrets, bench ----

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_and_uri_never_appear() {
    let sb = Sandbox::start(SandboxConfig {
        members: 1,
        scenario: Scenario::Expired,
        tls_mode: None,
        handshake_delay: None,
    })
    .await
    .expect("start sandbox");
    let secret = "Zq8xW3rT9pLm";
    let uri = format!(
        "mongodb://root:{secret}@{}/admin?tls=true&replicaSet=mongotls-sandbox&tlsCAFile={}",
        sb.members()[0],
        sb.ca_file().display()
    );
    let runs = tokio::task::spawn_blocking(move || {
        ["junit", "prometheus"].map(|format| mongotls(&["check", &uri, "--format", format]))
    })
    .await
    .unwrap();
    sb.shutdown().await;
    for run in &runs {
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(!run.stdout.contains(secret), "password in stdout");
        assert!(!run.stderr.contains(secret), "password in stderr");
        assert!(!run.stdout.contains("mongodb://"), "{}", run.stdout);
    }
    junit(&runs[0]);
    let p = prometheus(&runs[1]);
    assert_eq!(value(&p, "mongotls_check_success", &[]), 0.0);
}

#[test]
fn bench_keeps_its_own_formats() {
    for format in ["junit", "prometheus"] {
        let run = mongotls(&[
            "bench",
            "mongodb://localhost:1/?tls=true",
            "--format",
            format,
        ]);
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        assert!(run.stderr.contains(format), "{}", run.stderr);
    }
}
