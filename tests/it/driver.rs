//! Issue 10's acceptance, end to end through the binary: `check`'s driver stage (the official
//! Rust driver), credentials, client certificates and the system trust store, against the
//! independent wire-protocol server `tests/peers/auth_server.py` (Python's `ssl` demanding
//! client certificates, PyPI `scramp` for SCRAM, PyMongo's `bson`), with certificates made by
//! the `openssl` CLI or rcgen. Nothing on the server side is mongotls' code.
//!
//! Without `openssl`, `python3`, PyMongo or scramp the tests skip locally and fail in CI.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

use crate::support::auth_peers::{
    auth_server_or_skip, AuthPki, AuthServer, AuthServerSpec, AUTH_PASSWORD as PASSWORD,
    AUTH_USER as USER, AUTH_X509_SUBJECT as SUBJECT, INSTALL_AUTH_SERVER,
};
use crate::support::inputs::{run_command_bounded, Outcome};
use crate::support::peers::{openssl_available, skip_or_fail_in_ci};
use crate::support::pki::{LeafSpec, Pki, Validity};
use crate::support::run::MONGOTLS;

const WRONG: &str = "Wr0ng-Pa55word";
const PASSWORD_VAR: &str = "MONGOTLS_TEST_DRIVER_PASSWORD";

fn peers_or_skip() -> bool {
    if !openssl_available() {
        skip_or_fail_in_ci("openssl not on PATH", INSTALL_AUTH_SERVER);
        return false;
    }
    auth_server_or_skip()
}

/// `mongotls check ARGS --format json` with `env` set.
fn check(args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let mut command = Command::new(MONGOTLS);
    command.env_remove(PASSWORD_VAR);
    for (k, v) in env {
        command.env(k, v);
    }
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json", "--timeout", "5s"]);
    run_command_bounded(command, &all)
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Every finding code of the report: the set's, the members', the driver's.
fn all_codes(r: &Value) -> Vec<String> {
    let mut out = codes(&r["findings"]);
    for m in r["members"].as_array().into_iter().flatten() {
        out.extend(codes(&m["findings"]));
    }
    out.extend(codes(&r["driver"]["findings"]));
    out
}

/// The driver stage's finding with `code`; the test fails without it.
fn driver_finding<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["driver"]["findings"]
        .as_array()
        .and_then(|list| list.iter().find(|f| f["code"] == code))
        .unwrap_or_else(|| panic!("no {code} in the driver's findings: {:#}", r["driver"]))
}

fn started(dir: &Path, client_cert: &'static str) -> (AuthPki, AuthServer) {
    let pki = AuthPki::make(dir);
    let server = AuthServer::start_standard(dir, &pki, client_cert);
    (pki, server)
}

fn ca_option(pki: &AuthPki) -> String {
    format!("&tlsCAFile={}", pki.ca.display())
}

#[test]
fn the_right_password_passes_and_shows_the_user() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (pki, server) = started(dir.path(), "optional");
    // The user in the string, the password from the environment.
    let uri = format!(
        "mongodb://{USER}@{}/?replicaSet=rs0&tls=true&authSource=admin{}",
        server.member,
        ca_option(&pki)
    );
    let run = check(
        &[&uri, "--password-env", PASSWORD_VAR],
        &[(PASSWORD_VAR, PASSWORD)],
    );
    run.assert_hides(PASSWORD);
    let r = run.json();
    assert_eq!(r["driver"]["verdict"], "pass", "{:#}", r["driver"]);
    let who = &r["driver"]["authenticated"];
    assert_eq!(who["user"], USER, "{who:#}");
    assert_eq!(who["db"], "admin");
    assert_eq!(who["mechanism"], "SCRAM-SHA-256");
    assert_eq!(who["roles"], serde_json::json!(["readWrite@app"]));
    assert_eq!(r["driver"]["version"], mongotls::driver::DRIVER_VERSION);

    // The password in the string and SCRAM-SHA-1 named: the driver uses that mechanism.
    let uri = server.uri(
        Some((USER, PASSWORD)),
        &format!(
            "&authSource=admin&authMechanism=SCRAM-SHA-1{}",
            ca_option(&pki)
        ),
    );
    let run = check(&[&uri], &[]);
    run.assert_hides(PASSWORD);
    let r = run.json();
    assert_eq!(r["driver"]["authenticated"]["mechanism"], "SCRAM-SHA-1");
    assert_eq!(r["driver"]["authenticated"]["user"], USER);

    // No user in the string: --username names it.
    let uri = format!(
        "mongodb://{}/?replicaSet=rs0&tls=true&authSource=admin{}",
        server.member,
        ca_option(&pki)
    );
    let run = check(
        &[&uri, "--username", USER, "--password-env", PASSWORD_VAR],
        &[(PASSWORD_VAR, PASSWORD)],
    );
    run.assert_hides(PASSWORD);
    assert_eq!(run.json()["driver"]["authenticated"]["user"], USER);

    // The password from a file (its first line).
    let file = dir.path().join("pw");
    std::fs::write(&file, format!("{PASSWORD}\n")).unwrap();
    let uri = format!(
        "mongodb://{USER}@{}/?replicaSet=rs0&tls=true{}",
        server.member,
        ca_option(&pki)
    );
    let run = check(&[&uri, "--password-file", file.to_str().unwrap()], &[]);
    run.assert_hides(PASSWORD);
    assert_eq!(run.json()["driver"]["authenticated"]["user"], USER);
}

#[test]
fn a_wrong_password_is_auth_failed_and_never_shown() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (pki, server) = started(dir.path(), "optional");
    let uri = server.uri(
        Some((USER, WRONG)),
        &format!("&authSource=admin{}", ca_option(&pki)),
    );
    let run = check(&[&uri], &[]);
    run.assert_exit(1).assert_hides(WRONG);
    let r = run.json();
    assert_eq!(r["driver"]["verdict"], "fail");
    assert!(r["driver"]["authenticated"].is_null());
    assert!(all_codes(&r).contains(&"auth.failed".into()), "{r:#}");
    // Not a TLS difference: the probe found nothing wrong and the credentials are at fault.
    assert!(!all_codes(&r).contains(&"driver.verdict_differs".into()));

    // The same through the environment, and in text.
    let uri = format!(
        "mongodb://{USER}@{}/?replicaSet=rs0&tls=true{}",
        server.member,
        ca_option(&pki)
    );
    let mut command = Command::new(MONGOTLS);
    command.env(PASSWORD_VAR, WRONG);
    let run = run_command_bounded(command, &["check", &uri, "--password-env", PASSWORD_VAR]);
    run.assert_exit(1).assert_hides(WRONG);
    assert!(run.stdout.contains("auth.failed"), "{}", run.stdout);
}

#[test]
fn client_certificates_missing_expired_and_from_another_ca() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (pki, server) = started(dir.path(), "required");
    let uri = server.uri(None, &ca_option(&pki));

    let run = check(&[&uri], &[]);
    run.assert_exit(1);
    let r = run.json();
    assert!(
        all_codes(&r).contains(&"tls.client_cert_required".into()),
        "{:#}",
        r["members"]
    );
    assert_eq!(r["driver"]["verdict"], "fail");

    let run = check(
        &[&uri, "--client-cert", pki.client_expired.to_str().unwrap()],
        &[],
    );
    run.assert_exit(1);
    let r = run.json();
    assert!(
        all_codes(&r).contains(&"client_cert.expired".into()),
        "{:?}",
        all_codes(&r)
    );

    let run = check(
        &[&uri, "--client-cert", pki.client_other_ca.to_str().unwrap()],
        &[],
    );
    run.assert_exit(1);
    let r = run.json();
    assert!(
        all_codes(&r).contains(&"tls.client_cert_rejected".into()),
        "{:#}",
        r["members"]
    );

    // The good one: the probe and the driver both get through.
    let run = check(&[&uri, "--client-cert", pki.client.to_str().unwrap()], &[]);
    let r = run.json();
    assert_eq!(r["driver"]["verdict"], "pass", "{:#}", r["driver"]);
    assert!(
        !all_codes(&r)
            .iter()
            .any(|c| c.starts_with("tls.client_cert")),
        "{:?}",
        all_codes(&r)
    );
}

#[test]
fn mongodb_x509_authenticates_as_the_certificate_subject() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (pki, server) = started(dir.path(), "required");
    let uri = server.uri(
        None,
        &format!(
            "&authMechanism=MONGODB-X509&authSource=$external&tlsCertificateKeyFile={}{}",
            pki.client.display(),
            ca_option(&pki)
        ),
    );
    let run = check(&[&uri], &[]);
    let r = run.json();
    assert_eq!(r["driver"]["verdict"], "pass", "{:#}", r["driver"]);
    let who = &r["driver"]["authenticated"];
    assert_eq!(who["user"], SUBJECT, "{who:#}");
    assert_eq!(who["db"], "$external");
    assert_eq!(who["mechanism"], "MONGODB-X509");
    // The user name mongotls predicts from the certificate is the one the server used.
    assert_eq!(
        r["client_cert"]["x509_user"], SUBJECT,
        "{:#}",
        r["client_cert"]
    );
}

#[test]
fn an_expired_root_that_rustls_accepts_is_driver_verdict_differs() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let now = time::OffsetDateTime::now_utc();
    let pki = Pki::build(
        Validity::expired(now),
        Validity::ca_around(now),
        LeafSpec::server(now),
    );
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let chain = write("chain.pem", &pki.served_chain_pem());
    let key = write("key.pem", &pki.leaf.key_pem);
    let ca = write("root.pem", &pki.root.cert_pem);
    let server = AuthServer::start(
        dir.path(),
        &AuthServerSpec {
            cert: chain,
            key,
            client_ca: None,
            client_cert: "none",
            set_name: "rs0".into(),
            users: Vec::new(),
        },
    );
    let uri = server.uri(None, &format!("&tlsCAFile={}", ca.display()));
    let run = check(&[&uri], &[]);
    run.assert_exit(1);
    let r = run.json();
    let codes = all_codes(&r);
    assert!(codes.contains(&"cert.ca_expired".into()), "{codes:?}");
    // webpki does not judge a trust anchor's validity: the Rust driver connects.
    assert_eq!(r["driver"]["verdict"], "pass", "{:#}", r["driver"]);
    let message = driver_finding(&r, "driver.verdict_differs")["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("cert.ca_expired"), "{message}");
    assert!(message.contains("OpenSSL-based drivers"), "{message}");
}

#[test]
fn without_a_ca_a_private_ca_is_unknown_to_the_system_store() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (_pki, server) = started(dir.path(), "none");
    // The platform store, as rustls-native-certs reads it: SSL_CERT_FILE names the bundle.
    let other = Pki::good(time::OffsetDateTime::now_utc());
    let store = dir.path().join("system-store.pem");
    std::fs::write(&store, &other.root.cert_pem).unwrap();
    let uri = server.uri(None, "");
    let run = check(
        &[&uri],
        &[
            ("SSL_CERT_FILE", store.to_str().unwrap()),
            ("SSL_CERT_DIR", ""),
        ],
    );
    run.assert_exit(1);
    let r = run.json();
    assert_eq!(r["ca"]["system_store"], true, "{:#}", r["ca"]);
    assert_eq!(r["ca"]["system_roots"], 1);
    let codes = all_codes(&r);
    assert!(codes.contains(&"cert.unknown_issuer".into()), "{codes:?}");
    assert!(codes.contains(&"ca.system_store".into()), "{codes:?}");

    // A store that cannot be read is a clear error, not an empty trust.
    let run = check(
        &[&uri],
        &[
            (
                "SSL_CERT_FILE",
                dir.path().join("missing.pem").to_str().unwrap(),
            ),
            ("SSL_CERT_DIR", ""),
        ],
    );
    run.assert_exit(2)
        .assert_stderr_has(&["system trust store", "--ca"]);
}

#[test]
fn no_password_and_no_terminal_is_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(
        &ca,
        Pki::good(time::OffsetDateTime::now_utc()).root.cert_pem,
    )
    .unwrap();
    let ca = ca.to_str().unwrap();
    let run = check(&["mongodb://app@127.0.0.1:9/?tls=true", "--ca", ca], &[]);
    // stdin is not a terminal here: mongotls must not wait for a password.
    run.assert_exit(2)
        .assert_stderr_has(&["'app'", "--password-env", "--password-file"]);
    let run = check(
        &[
            "mongodb://127.0.0.1:9/?tls=true",
            "--ca",
            ca,
            "--password-env",
            PASSWORD_VAR,
        ],
        &[(PASSWORD_VAR, "x")],
    );
    run.assert_exit(2).assert_stderr_has(&["--username"]);
    let run = check(
        &[
            "mongodb://app@127.0.0.1:9/?tls=true",
            "--ca",
            ca,
            "--password-env",
            PASSWORD_VAR,
        ],
        &[],
    );
    run.assert_exit(2)
        .assert_stderr_has(&[PASSWORD_VAR, "not set"]);
}

/// The prompt: only on a terminal, without echo. `script` (util-linux) gives mongotls a
/// pseudo-terminal and types the password into it; the transcript must not hold it.
#[test]
fn the_password_prompt_reads_a_terminal_without_echo() {
    if !crate::support::peers::tool_runs("script", &["--version"]) {
        skip_or_fail_in_ci(
            "script (util-linux) not on PATH",
            "apt-get install util-linux",
        );
        return;
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sandbox = rt
        .block_on(mongotls::sandbox::Sandbox::start_with_auth(
            mongotls::sandbox::SandboxConfig {
                members: 1,
                scenario: mongotls::sandbox::Scenario::Good,
                tls_mode: None,
                handshake_delay: None,
            },
            mongotls::sandbox::AuthConfig::default_users(mongotls::sandbox::ClientAuth::None),
        ))
        .unwrap();
    let password = sandbox
        .password(
            mongotls::sandbox::DEFAULT_USER,
            mongotls::sandbox::DEFAULT_USER_DB,
        )
        .unwrap()
        .expose()
        .to_string();
    let uri = format!(
        "mongodb://app@{}/admin?replicaSet=mongotls-sandbox&tls=true&tlsCAFile={}",
        sandbox.members().join(","),
        sandbox.ca_file().display()
    );
    let inner = format!("{MONGOTLS} check '{uri}' --no-plaintext-probe --format json");
    // The password arrives after the prompt is up; `script` copies it to the terminal.
    let shell = format!("(sleep 1; printf '%s\\n' \"$PW\") | script -qec \"{inner}\" /dev/null");
    let mut command = Command::new("sh");
    command.env("PW", &password);
    let run = run_command_bounded(command, &["-c", &shell]);
    rt.block_on(sandbox.shutdown());
    assert!(run.stdout.contains("Password for app:"), "{}", run.output());
    assert!(
        run.stdout.contains("\"user\": \"app\""),
        "the prompted password did not authenticate:\n{}",
        run.output()
    );
    run.assert_hides(&password);
}

#[test]
fn tls_allow_invalid_hostnames_is_a_difference_the_rust_driver_cannot_honour() {
    if !peers_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let (pki, server) = started(dir.path(), "none");
    let uri = server.uri(
        None,
        &format!("&tlsAllowInvalidHostnames=true{}", ca_option(&pki)),
    );
    let run = check(&[&uri], &[]);
    let r = run.json();
    let codes = all_codes(&r);
    assert!(codes.contains(&"tls.insecure_option".into()), "{codes:?}");
    assert!(
        codes.contains(&"driver.options_rejected".into()),
        "{codes:?}"
    );
    let differs = driver_finding(&r, "driver.verdict_differs");
    assert!(
        differs["message"]
            .as_str()
            .unwrap()
            .contains("tlsAllowInvalidHostnames"),
        "{differs:#}"
    );
}
