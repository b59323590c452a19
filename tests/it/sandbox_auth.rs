//! The sandbox's authentication judged by independent clients: the official Rust driver
//! (`mongodb` crate), PyMongo (`tests/peers/pymongo_auth.py`) and `openssl s_client`.
//!
//! - SCRAM-SHA-1 and SCRAM-SHA-256 with the right password authenticate, and
//!   `connectionStatus` names the user and its roles; a wrong password fails with code 18
//!   (PyMongo: `OperationFailure`), and the password appears in no error.
//! - MONGODB-X509 with the sandbox's client certificate authenticates as its RFC 2253 subject.
//! - A member that requires a client certificate refuses a handshake without one (openssl),
//!   and refuses an expired one and one from another CA (PyMongo).
//!
//! Without `python3`/PyMongo or `openssl` those parts skip locally and fail in CI.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use bson::doc;
use mongodb::options::{AuthMechanism, ClientOptions, Credential, Tls, TlsOptions};
use mongodb::Client;
use mongotls::sandbox::{
    AuthConfig, ClientAuth, Sandbox, SandboxConfig, Scenario, DEFAULT_USER, DEFAULT_USER_DB,
    EXTERNAL_DB, X509_USER_SUBJECT,
};
use serde_json::{json, Value};

use crate::support::auth_peers::{pymongo_auth, pymongo_or_skip};
use crate::support::peers::{openssl_available, run_with_timeout, skip_or_fail_in_ci};

/// Server selection and connection bound of every client here.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

async fn sandbox(members: usize, client_auth: ClientAuth) -> Sandbox {
    Sandbox::start_with_auth(
        SandboxConfig {
            members,
            ..SandboxConfig::default()
        },
        AuthConfig::default_users(client_auth),
    )
    .await
    .expect("start the sandbox")
}

fn password(sb: &Sandbox) -> String {
    let pw = sb
        .password(DEFAULT_USER, DEFAULT_USER_DB)
        .expect("the default user has a password")
        .expose()
        .to_owned();
    // The password file holds it, readable by the owner only.
    let file = sb.users()[0].password_file.clone().unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pw);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", file.display());
    }
    pw
}

/// A driver client for the sandbox's URI, with `credential` and an optional client certificate.
async fn driver(sb: &Sandbox, credential: Credential, cert: Option<&Path>) -> Client {
    let mut options = ClientOptions::parse(sb.uri()).await.unwrap();
    options.credential = Some(credential);
    options.server_selection_timeout = Some(CLIENT_TIMEOUT);
    options.connect_timeout = Some(CLIENT_TIMEOUT);
    let mut tls = TlsOptions::default();
    tls.ca_file_path = Some(sb.ca_file().to_path_buf());
    tls.cert_key_file_path = cert.map(Path::to_path_buf);
    options.tls = Some(Tls::Enabled(tls));
    Client::with_options(options).unwrap()
}

fn scram(mechanism: AuthMechanism, password: &str) -> Credential {
    let mut c = Credential::default();
    c.username = Some(DEFAULT_USER.to_owned());
    c.password = Some(password.to_owned());
    c.source = Some(DEFAULT_USER_DB.to_owned());
    c.mechanism = Some(mechanism);
    c
}

/// `connectionStatus` through the driver: `(users, roles)` as `user@db` / `role@db`.
async fn status(client: &Client) -> mongodb::error::Result<(Vec<String>, Vec<String>)> {
    let reply = client
        .database("admin")
        .run_command(doc! {"connectionStatus": 1})
        .await?;
    let info = reply.get_document("authInfo").unwrap();
    let list = |key: &str, name: &str| -> Vec<String> {
        info.get_array(key)
            .unwrap()
            .iter()
            .map(|d| {
                let d = d.as_document().unwrap();
                format!("{}@{}", d.get_str(name).unwrap(), d.get_str("db").unwrap())
            })
            .collect()
    };
    Ok((
        list("authenticatedUsers", "user"),
        list("authenticatedUserRoles", "role"),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rust_driver_authenticates_with_scram_and_x509() {
    let sb = sandbox(3, ClientAuth::Optional).await;
    let pw = password(&sb);
    for mechanism in [AuthMechanism::ScramSha1, AuthMechanism::ScramSha256] {
        let client = driver(&sb, scram(mechanism.clone(), &pw), None).await;
        let (users, roles) = status(&client)
            .await
            .unwrap_or_else(|e| panic!("{mechanism:?}: {e}"));
        assert_eq!(users, ["app@admin"], "{mechanism:?}");
        assert_eq!(roles, ["readWrite@app"], "{mechanism:?}");
        client.shutdown().await;

        let wrong = "Wr0ng-Pa55word";
        let client = driver(&sb, scram(mechanism.clone(), wrong), None).await;
        let e = status(&client).await.unwrap_err();
        let text = format!("{e} {e:?}");
        assert!(
            matches!(*e.kind, mongodb::error::ErrorKind::Authentication { .. }),
            "{mechanism:?}: {text}"
        );
        assert!(text.contains("Authentication failed."), "{text}");
        assert!(!text.contains(wrong) && !text.contains(&pw), "{text}");
        client.shutdown().await;
    }

    // Without a mechanism the driver negotiates through saslSupportedMechs: SCRAM-SHA-256.
    let mut negotiated = scram(AuthMechanism::ScramSha256, &pw);
    negotiated.mechanism = None;
    let client = driver(&sb, negotiated, None).await;
    assert_eq!(status(&client).await.unwrap().0, ["app@admin"]);
    client.shutdown().await;

    let mut x509 = Credential::default();
    x509.mechanism = Some(AuthMechanism::MongoDbX509);
    x509.source = Some(EXTERNAL_DB.to_owned());
    let client = driver(&sb, x509.clone(), Some(&sb.client_certs().good)).await;
    let (users, _) = status(&client).await.unwrap();
    assert_eq!(users, [format!("{X509_USER_SUBJECT}@{EXTERNAL_DB}")]);
    client.shutdown().await;

    // X509 without a certificate: the member has no subject to authenticate.
    let client = driver(&sb, x509, None).await;
    let e = status(&client).await.unwrap_err();
    assert!(
        matches!(*e.kind, mongodb::error::ErrorKind::Authentication { .. }),
        "{e}"
    );
    client.shutdown().await;
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rust_driver_is_refused_without_a_client_certificate_when_required() {
    let sb = Sandbox::start(SandboxConfig {
        members: 1,
        ..SandboxConfig::scenario(Scenario::ClientCertRequired)
    })
    .await
    .unwrap();
    assert_eq!(sb.client_auth(), ClientAuth::Required);
    let pw = password(&sb);
    let mut options = ClientOptions::parse(sb.uri()).await.unwrap();
    options.server_selection_timeout = Some(Duration::from_secs(2));
    options.credential = Some(scram(AuthMechanism::ScramSha256, &pw));
    let client = Client::with_options(options).unwrap();
    let e = status(&client).await.unwrap_err();
    assert!(
        matches!(*e.kind, mongodb::error::ErrorKind::ServerSelection { .. }),
        "{e}"
    );
    client.shutdown().await;
    // With the good certificate, SCRAM works on the same member.
    let client = driver(
        &sb,
        scram(AuthMechanism::ScramSha256, &pw),
        Some(&sb.client_certs().good),
    )
    .await;
    assert_eq!(status(&client).await.unwrap().0, ["app@admin"]);
    client.shutdown().await;
    sb.shutdown().await;
}

/// The PyMongo request for the sandbox `sb`: its URI (no credentials) and CA file.
fn request(sb: &Sandbox, extra: Value) -> Value {
    let mut req = json!({
        "uri": sb.uri(),
        "tlsCAFile": sb.ca_file(),
        "timeout_ms": 5000,
    });
    for (k, v) in extra.as_object().unwrap() {
        req[k] = v.clone();
    }
    req
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pymongo_authenticates_with_scram_and_x509() {
    if !pymongo_or_skip() {
        return;
    }
    let sb = sandbox(3, ClientAuth::Optional).await;
    let pw = password(&sb);
    let mut requests = Vec::new();
    for mechanism in ["SCRAM-SHA-1", "SCRAM-SHA-256"] {
        for (pass, right) in [(pw.as_str(), true), ("Wr0ng-Pa55word", false)] {
            let req = request(
                &sb,
                json!({"username": DEFAULT_USER, "password": pass,
                       "authSource": DEFAULT_USER_DB, "authMechanism": mechanism}),
            );
            requests.push((format!("{mechanism} right={right}"), req, right));
        }
    }
    let x509 = json!({"authMechanism": "MONGODB-X509", "authSource": EXTERNAL_DB});
    let mut good = x509.clone();
    good["tlsCertificateKeyFile"] = json!(sb.client_certs().good);
    requests.push(("X509".into(), request(&sb, good), true));
    requests.push(("X509 without cert".into(), request(&sb, x509), false));

    for (what, req, right) in requests {
        let verdict = tokio::task::spawn_blocking(move || pymongo_auth(&req))
            .await
            .unwrap();
        let text = verdict.to_string();
        assert!(!text.contains(&pw), "{what}: the password leaked: {text}");
        if right {
            assert_eq!(verdict["ok"], true, "{what}: {text}");
            let user = &verdict["users"][0];
            if what == "X509" {
                assert_eq!(user["user"], X509_USER_SUBJECT, "{text}");
                assert_eq!(user["db"], EXTERNAL_DB, "{text}");
            } else {
                assert_eq!(user["user"], DEFAULT_USER, "{what}: {text}");
                assert_eq!(verdict["roles"][0]["role"], "readWrite", "{text}");
            }
        } else {
            assert_eq!(verdict["ok"], false, "{what}: {text}");
            assert_eq!(verdict["error_type"], "OperationFailure", "{what}: {text}");
            assert_eq!(verdict["code"], 18, "{what}: {text}");
        }
    }
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pymongo_is_refused_without_a_good_client_certificate_when_required() {
    if !pymongo_or_skip() {
        return;
    }
    let sb = sandbox(1, ClientAuth::Required).await;
    let certs = sb.client_certs().clone();
    let cases = [
        ("no certificate", None, false),
        ("expired", Some(certs.expired), false),
        ("other CA", Some(certs.other_ca), false),
        ("good", Some(certs.good), true),
    ];
    for (what, cert, accepted) in cases {
        let mut req = request(
            &sb,
            json!({"authMechanism": "MONGODB-X509", "authSource": EXTERNAL_DB,
                   "timeout_ms": 2000}),
        );
        if let Some(cert) = cert {
            req["tlsCertificateKeyFile"] = json!(cert);
        }
        let verdict = tokio::task::spawn_blocking(move || pymongo_auth(&req))
            .await
            .unwrap();
        assert_eq!(verdict["ok"], accepted, "{what}: {verdict}");
        if !accepted {
            assert_eq!(
                verdict["error_type"], "ServerSelectionTimeoutError",
                "{what}: {verdict}"
            );
        }
    }
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssl_without_a_client_certificate_fails_the_handshake_when_required() {
    if !openssl_available() {
        skip_or_fail_in_ci(
            "openssl not on PATH",
            crate::support::peers::INSTALL_OPENSSL_PYTHON,
        );
        return;
    }
    let sb = sandbox(1, ClientAuth::Required).await;
    let addr = format!("localhost:{}", sb.addrs()[0].port());
    let ca = sb.ca_file().to_path_buf();
    let good = sb.client_certs().good.clone();
    let s_client = move |cert: Option<&Path>| {
        let mut cmd = Command::new("openssl");
        cmd.args([
            "s_client",
            "-connect",
            &addr,
            "-verify_return_error",
            "-CAfile",
        ])
        .arg(&ca);
        match cert {
            Some(cert) => {
                cmd.arg("-cert").arg(cert).arg("-key").arg(cert);
            }
            // TLS 1.2: the server refuses inside the handshake. (In TLS 1.3 the client's side
            // of the handshake completes first and the alert comes after it, which s_client,
            // exiting on stdin's EOF, may or may not read.)
            None => {
                cmd.arg("-tls1_2");
            }
        }
        run_with_timeout(&mut cmd, Duration::from_secs(30))
    };
    let (without, with) =
        tokio::task::spawn_blocking(move || (s_client(None), s_client(Some(&good))))
            .await
            .unwrap();
    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    let refused = text(&without);
    assert!(!without.status.success(), "{refused}");
    assert!(refused.contains("alert certificate required"), "{refused}");
    let accepted = text(&with);
    assert!(with.status.success(), "{accepted}");
    assert!(
        accepted.contains("Verify return code: 0 (ok)"),
        "{accepted}"
    );
    sb.shutdown().await;
}

/// `mongotls sandbox --auth --client-auth required` prints the users, the password file and
/// the client certificate files, never the password; Ctrl-C stops it and removes them.
#[test]
fn sandbox_command_prints_files_not_passwords() {
    use std::process::Stdio;

    let mut child = crate::support::run::english(&mut Command::new(crate::support::run::MONGOTLS))
        .args([
            "sandbox",
            "--members",
            "1",
            "--auth",
            "--client-auth",
            "required",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let printed = crate::support::run::sandbox_description(stdout, Duration::from_secs(60))
        .unwrap_or_else(|| {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mongotls sandbox did not describe itself within 60 s")
        });
    let field = |prefix: &str| -> std::path::PathBuf {
        let line = printed
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(prefix))
            .unwrap_or_else(|| panic!("no '{prefix}' in:\n{printed}"));
        line.split_whitespace().next().unwrap().into()
    };
    let password_file = field("password in ");
    let good = field("good:");
    let password = std::fs::read_to_string(&password_file).unwrap();
    assert!(password.len() >= 16, "a generated password");
    assert!(!printed.contains(&password), "{printed}");
    assert!(printed.contains("user:      app on admin"), "{printed}");
    assert!(printed.contains(X509_USER_SUBJECT), "{printed}");
    assert!(
        printed.contains("client certificates: required"),
        "{printed}"
    );
    assert!(std::fs::read_to_string(&good)
        .unwrap()
        .contains("PRIVATE KEY"));

    // Ctrl-C.
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: sending a signal to our own child process, which has not been reaped yet.
    unsafe {
        libc::kill(pid, libc::SIGINT);
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mongotls sandbox did not stop on SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    assert!(!password_file.exists(), "the sandbox directory is removed");
}
