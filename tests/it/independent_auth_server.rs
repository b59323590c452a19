//! The independent wire-protocol server that authenticates (`tests/peers/auth_server.py`,
//! wrapped by `support::auth_peers::AuthServer`), judged by PyMongo and the official Rust
//! driver, so the acceptance tests of issue 10 can be written against it with confidence.
//!
//! The certificates are made with the `openssl` CLI (`support::openssl`): a root CA, the
//! server's leaf under it, client certificates (clientAuth) under it, expired, and under an
//! unrelated root. The server's SCRAM is PyPI `scramp`, its TLS Python's `ssl`, its BSON
//! PyMongo's: nothing is shared with mongotls.
//!
//! Without `openssl`, `python3`, PyMongo or scramp the tests skip locally and fail in CI.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use bson::doc;
use mongodb::options::{AuthMechanism, ClientOptions, Credential, Tls, TlsOptions};
use mongodb::Client;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::support::auth_peers::{
    auth_server_or_skip, pymongo_auth, AuthPki, AuthServer, AUTH_PASSWORD as PASSWORD,
    AUTH_USER as USER, AUTH_X509_SUBJECT as SUBJECT,
};
use crate::support::peers::{openssl_available, skip_or_fail_in_ci};

const WRONG: &str = "Wr0ng-Pa55word";

fn peers_or_skip() -> bool {
    if !openssl_available() {
        skip_or_fail_in_ci(
            "openssl not on PATH",
            crate::support::auth_peers::INSTALL_AUTH_SERVER,
        );
        return false;
    }
    auth_server_or_skip()
}

fn uri(server: &AuthServer) -> String {
    server.uri(None, "")
}

fn certs(dir: &Path) -> AuthPki {
    AuthPki::make(dir)
}

fn start(dir: &Path, pki: &AuthPki, client_cert: &'static str) -> AuthServer {
    AuthServer::start_standard(dir, pki, client_cert)
}

fn judge(server: &AuthServer, certs: &AuthPki, extra: Value) -> Value {
    let mut req = json!({"uri": uri(server), "tlsCAFile": certs.ca, "timeout_ms": 3000});
    for (k, v) in extra.as_object().unwrap() {
        req[k] = v.clone();
    }
    pymongo_auth(&req)
}

#[test]
fn pymongo_authenticates_against_the_independent_server() {
    if !peers_or_skip() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let certs = certs(tmp.path());
    let server = start(tmp.path(), &certs, "optional");
    let ctx = || format!("auth_server.py stderr:\n{}", server.stderr());

    for mechanism in ["SCRAM-SHA-1", "SCRAM-SHA-256"] {
        let scram = |password: &str| {
            json!({"username": USER, "password": password, "authSource": "admin",
                   "authMechanism": mechanism})
        };
        let v = judge(&server, &certs, scram(PASSWORD));
        assert_eq!(v["ok"], true, "{mechanism}: {v}\n{}", ctx());
        assert_eq!(v["users"], json!([{"user": USER, "db": "admin"}]), "{v}");
        assert_eq!(
            v["roles"],
            json!([{"role": "readWrite", "db": "app"}]),
            "{v}"
        );
        let v = judge(&server, &certs, scram(WRONG));
        assert_eq!(v["ok"], false, "{mechanism}: {v}");
        assert_eq!(v["error_type"], "OperationFailure", "{v}");
        assert_eq!(v["code"], 18, "{v}");
    }
    let x509 = json!({"authMechanism": "MONGODB-X509", "authSource": "$external",
                      "tlsCertificateKeyFile": certs.client});
    let v = judge(&server, &certs, x509);
    assert_eq!(v["ok"], true, "{v}\n{}", ctx());
    assert_eq!(
        v["users"],
        json!([{"user": SUBJECT, "db": "$external"}]),
        "{v}"
    );
    let v = judge(
        &server,
        &certs,
        json!({"authMechanism": "MONGODB-X509", "authSource": "$external"}),
    );
    assert_eq!(v["code"], 18, "X509 without a certificate: {v}");

    let log = server.stderr();
    assert!(!log.contains(PASSWORD) && !log.contains(WRONG), "{log}");
    assert!(
        log.contains("authenticated app@admin with SCRAM-SHA-256"),
        "{log}"
    );
}

#[test]
fn a_required_client_certificate_is_enforced_by_the_independent_server() {
    if !peers_or_skip() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let certs = certs(tmp.path());
    let server = start(tmp.path(), &certs, "required");
    let cases = [
        ("no certificate", None, false),
        ("expired", Some(&certs.client_expired), false),
        ("other CA", Some(&certs.client_other_ca), false),
        ("good", Some(&certs.client), true),
    ];
    for (what, cert, accepted) in cases {
        let mut extra = json!({"username": USER, "password": PASSWORD, "authSource": "admin",
                               "authMechanism": "SCRAM-SHA-256", "timeout_ms": 2000});
        if let Some(cert) = cert {
            extra["tlsCertificateKeyFile"] = json!(cert);
        }
        let v = judge(&server, &certs, extra);
        assert_eq!(v["ok"], accepted, "{what}: {v}\n{}", server.stderr());
        if !accepted {
            assert_eq!(
                v["error_type"], "ServerSelectionTimeoutError",
                "{what}: {v}"
            );
        }
    }
}

/// The official Rust driver agrees: SCRAM-SHA-1/256 (and negotiated), a wrong password, X509.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rust_driver_authenticates_against_the_independent_server() {
    if !peers_or_skip() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().to_path_buf();
    let (server, certs) = tokio::task::spawn_blocking(move || {
        let certs = certs(&dir);
        (start(&dir, &certs, "optional"), certs)
    })
    .await
    .unwrap();
    let client = |credential: Credential, cert: Option<PathBuf>| {
        let uri = uri(&server);
        let ca = certs.ca.clone();
        async move {
            let mut options = ClientOptions::parse(uri).await.unwrap();
            options.credential = Some(credential);
            options.server_selection_timeout = Some(Duration::from_secs(10));
            let mut tls = TlsOptions::default();
            tls.ca_file_path = Some(ca);
            tls.cert_key_file_path = cert;
            options.tls = Some(Tls::Enabled(tls));
            Client::with_options(options).unwrap()
        }
    };
    let scram = |mechanism: Option<AuthMechanism>, password: &str| {
        let mut c = Credential::default();
        c.username = Some(USER.to_owned());
        c.password = Some(password.to_owned());
        c.source = Some("admin".to_owned());
        c.mechanism = mechanism;
        c
    };
    let status = |c: Client| async move {
        let r = c
            .database("admin")
            .run_command(doc! {"connectionStatus": 1})
            .await;
        c.shutdown().await;
        r.map(|d| {
            let users = d
                .get_document("authInfo")
                .unwrap()
                .get_array("authenticatedUsers")
                .unwrap()
                .clone();
            users[0]
                .as_document()
                .unwrap()
                .get_str("user")
                .unwrap()
                .to_owned()
        })
    };
    for mechanism in [
        Some(AuthMechanism::ScramSha1),
        Some(AuthMechanism::ScramSha256),
        None,
    ] {
        let user = status(client(scram(mechanism.clone(), PASSWORD), None).await).await;
        assert_eq!(user.unwrap(), USER, "{mechanism:?}\n{}", server.stderr());
        let e = status(client(scram(mechanism.clone(), WRONG), None).await)
            .await
            .unwrap_err();
        assert!(
            matches!(*e.kind, mongodb::error::ErrorKind::Authentication { .. }),
            "{mechanism:?}: {e}"
        );
        assert!(!format!("{e:?}").contains(WRONG));
    }
    let mut x509 = Credential::default();
    x509.mechanism = Some(AuthMechanism::MongoDbX509);
    let user = status(client(x509, Some(certs.client.clone())).await).await;
    assert_eq!(user.unwrap(), SUBJECT, "{}", server.stderr());
    drop(server);
}

/// Today's `mongotls check` (the probe, no authentication yet) passes TLS against the server
/// with a connection string that carries credentials, and echoes no password: the baseline
/// the driver stage's acceptance tests build on.
#[test]
fn mongotls_check_probes_the_independent_server() {
    if !peers_or_skip() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let certs = certs(tmp.path());
    let server = start(tmp.path(), &certs, "optional");
    let uri = server.uri(Some((USER, PASSWORD)), "&authSource=admin");
    let run = crate::support::run::mongotls(&[
        "check",
        &uri,
        "--ca",
        certs.ca.to_str().unwrap(),
        "--format",
        "json",
        "--timeout",
        "10s",
    ]);
    assert!(
        !run.stdout.contains(PASSWORD) && !run.stderr.contains(PASSWORD),
        "{}{}",
        run.stdout,
        run.stderr
    );
    let report = run.json();
    let member = &report["members"][0];
    assert_eq!(member["address"], server.member.as_str(), "{report}");
    assert_ne!(report["verdict"], "fail", "{report}\n{}", server.stderr());
}
