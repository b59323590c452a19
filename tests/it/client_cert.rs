//! Client certificates (mutual TLS) against an independent peer: `openssl s_server -Verify 1
//! -CAfile client-ca.pem`, which demands a client certificate from a CA of its own, on
//! 127.0.0.1 with a free port (`-verify_return_error`, or s_server carries on after a failed
//! verification). s_server does not speak MongoDB, so a good certificate ends in
//! a failed `hello`: the assertions are on the TLS phase and the findings.
//!
//! Also the encrypted PKCS#8 key (made at test time with `openssl pkcs8 -topk8 -v2
//! aes-256-cbc`): the right password from the environment and from the URI, a wrong one
//! (exit 2, the password nowhere), a missing variable, and a legacy-encrypted key.

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;
use time::OffsetDateTime;

use crate::support::peers::{openssl_available, skip_or_fail_in_ci, INSTALL_OPENSSL_PYTHON};
use crate::support::pki::{leaf, root, whole_seconds, KeyKind, LeafSpec, Pki, Validity};
use crate::support::run::{path_str, text, MONGOTLS};

const START_TIMEOUT: Duration = Duration::from_secs(20);
const KEY_PASSWORD: &str = "Kp9xQ2mZ-client-key";

/// A running `openssl s_server`; killed and reaped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The files of one test: the server's PKI, the client CA it trusts, and client certificates.
struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        let now = whole_seconds(OffsetDateTime::now_utc());
        let dir = tempfile::tempdir().unwrap();
        let server = Pki::good(now);
        let write = |name: &str, body: &str| fs::write(dir.path().join(name), body).unwrap();
        write("ca.pem", &server.root.cert_pem);
        write("server.pem", &server.leaf.cert_pem);
        write("server.key", &server.leaf.key_pem);
        write("server-chain.pem", &server.intermediate.cert_pem);
        let client_ca = root("Client CA", Validity::ca_around(now), KeyKind::EcdsaP256);
        let other_ca = root("Other CA", Validity::ca_around(now), KeyKind::EcdsaP256);
        write("client-ca.pem", &client_ca.cert_pem);
        let spec = |validity| LeafSpec {
            cn: Some("app-user".into()),
            include_san: false,
            eku_server_auth: false,
            validity,
            ..LeafSpec::server(now)
        };
        for (name, issuer, validity) in [
            ("good", &client_ca, Validity::valid_around(now)),
            ("other-ca", &other_ca, Validity::valid_around(now)),
            ("expired", &client_ca, Validity::expired(now)),
        ] {
            let c = leaf(&spec(validity), issuer);
            write(
                &format!("{name}.pem"),
                &format!("{}{}", c.cert_pem, c.key_pem),
            );
            write(&format!("{name}.crt"), &c.cert_pem);
            write(&format!("{name}.key"), &c.key_pem);
        }
        Files { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `good.crt` with its key encrypted (PKCS#8, PBES2 AES-256-CBC) under [`KEY_PASSWORD`].
    fn encrypted_good(&self) -> PathBuf {
        let out = Command::new("openssl")
            .args([
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-passout",
                "env:MTLS_KEY_PW",
            ])
            .arg("-in")
            .arg(self.path("good.key"))
            .env("MTLS_KEY_PW", KEY_PASSWORD)
            .output()
            .unwrap();
        assert!(out.status.success(), "openssl pkcs8: {}", text(&out.stderr));
        let key = text(&out.stdout);
        assert!(key.contains("ENCRYPTED PRIVATE KEY"));
        let cert = fs::read_to_string(self.path("good.crt")).unwrap();
        let file = self.path("good-encrypted.pem");
        fs::write(&file, format!("{cert}{key}")).unwrap();
        file
    }

    /// Starts `openssl s_server` demanding a client certificate from the client CA;
    /// `version` is `-tls1_2`, `-tls1_3` or empty for either.
    fn server(&self, version: &str) -> Server {
        let mut last = String::new();
        for attempt in 0..5 {
            let port = TcpListener::bind(("127.0.0.1", 0))
                .and_then(|l| l.local_addr())
                .unwrap()
                .port();
            let err_path = self.path(&format!("s_server.{attempt}.stderr"));
            let mut cmd = Command::new("openssl");
            cmd.current_dir(self.dir.path())
                .arg("s_server")
                .arg("-accept")
                .arg(format!("127.0.0.1:{port}"))
                .args(["-cert", "server.pem", "-key", "server.key"])
                .args(["-cert_chain", "server-chain.pem"])
                .args([
                    "-Verify",
                    "1",
                    "-verify_return_error",
                    "-CAfile",
                    "client-ca.pem",
                ])
                .arg("-www");
            if !version.is_empty() {
                cmd.arg(version);
            }
            let mut child = cmd
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(File::create(&err_path).unwrap())
                .spawn()
                .expect("spawn openssl s_server");
            let stdout = child.stdout.take().unwrap();
            let server = Server { child, port };
            let (tx, rx) = mpsc::channel();
            thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    let _ = tx.send(line);
                }
            });
            let deadline = Instant::now() + START_TIMEOUT;
            let addr = SocketAddr::from(([127, 0, 0, 1], port));
            loop {
                if Instant::now() >= deadline {
                    panic!("s_server did not listen on {addr} within {START_TIMEOUT:?}");
                }
                match rx.recv_timeout(Duration::from_millis(100)) {
                    Ok(line) if line.starts_with("ACCEPT") => return server,
                    Ok(_) => {}
                    Err(RecvTimeoutError::Timeout) => {
                        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                            return server;
                        }
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            drop(server);
            last = fs::read_to_string(&err_path).unwrap_or_default();
        }
        panic!("s_server could not start: {last}");
    }
}

fn peer_or_skip() -> bool {
    if openssl_available() {
        return true;
    }
    skip_or_fail_in_ci("openssl not on PATH", INSTALL_OPENSSL_PYTHON);
    false
}

struct Checked {
    code: i32,
    json: Value,
    stdout: String,
    stderr: String,
}

/// `mongotls check` against the server, JSON out, with `extra` arguments and environment.
fn check(
    files: &Files,
    server: &Server,
    uri_extra: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Checked {
    let uri = format!("mongodb://127.0.0.1:{}/?tls=true{uri_extra}", server.port);
    let ca = files.path("ca.pem");
    let mut cmd = Command::new(MONGOTLS);
    crate::support::run::english(&mut cmd)
        .arg("check")
        .arg(&uri)
        .args(["--ca", path_str(&ca)])
        // s_server speaks TLS, not MongoDB: the driver stage has nothing to select (it is
        // judged against servers that do, in driver.rs).
        .args([
            "--no-plaintext-probe",
            "--no-driver",
            // s_server never answers hello: each good handshake waits this long for it.
            "--timeout",
            "3s",
            "--format",
            "json",
        ])
        .args(args)
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = text(&out.stdout);
    Checked {
        code: out.status.code().unwrap_or(-1),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stdout,
        stderr: text(&out.stderr),
    }
}

fn member_codes(r: &Value) -> Vec<String> {
    r["members"][0]["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no member findings: {r:#}"))
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn member_finding<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["members"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {r:#}"))
}

fn top_codes(r: &Value) -> Vec<String> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn no_certificate_is_required(version: &str, alert: &str) {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let server = files.server(version);
    let c = check(&files, &server, "", &[], &[]);
    assert_eq!(c.code, 1, "{}\n{}", c.stdout, c.stderr);
    let f = member_finding(&c.json, "tls.client_cert_required");
    assert!(f["message"].as_str().unwrap().contains(alert), "{f:#}");
    assert!(
        f["hint"].as_str().unwrap().contains("--client-cert"),
        "{f:#}"
    );
    assert!(!member_codes(&c.json).contains(&"mongo.hello_failed".to_string()));
    assert_eq!(c.json["client_cert"], Value::Null);
}

#[test]
fn no_client_certificate_over_tls12_is_client_cert_required() {
    no_certificate_is_required("-tls1_2", "handshake_failure (40)");
}

/// TLS 1.3: the server's `certificate_required` alert arrives only on the first read, after
/// the client believes the handshake finished.
#[test]
fn no_client_certificate_over_tls13_is_client_cert_required() {
    no_certificate_is_required("-tls1_3", "certificate_required (116)");
}

#[test]
fn a_certificate_from_another_ca_is_rejected_naming_the_alert() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    for version in ["-tls1_2", "-tls1_3"] {
        let server = files.server(version);
        let cert = files.path("other-ca.pem");
        let c = check(
            &files,
            &server,
            "",
            &["--client-cert", path_str(&cert)],
            &[],
        );
        assert_eq!(c.code, 1, "{}\n{}", c.stdout, c.stderr);
        let f = member_finding(&c.json, "tls.client_cert_rejected");
        let message = f["message"].as_str().unwrap();
        assert!(message.contains("unknown_ca"), "{version}: {message}");
        assert!(!member_codes(&c.json).contains(&"tls.client_cert_required".to_string()));
        assert_eq!(
            c.json["client_cert"]["issuer"],
            "CN=Other CA,O=mongotls test PKI"
        );
    }
}

#[test]
fn an_expired_client_certificate_is_reported_and_refused() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let server = files.server("");
    let cert = files.path("expired.pem");
    let c = check(
        &files,
        &server,
        "",
        &["--client-cert", path_str(&cert)],
        &[],
    );
    assert_eq!(c.code, 1, "{}\n{}", c.stdout, c.stderr);
    assert!(top_codes(&c.json).contains(&"client_cert.expired".to_string()));
    assert!(c.json["client_cert"]["days_left"].as_i64().unwrap() < 0);
    let f = member_finding(&c.json, "tls.client_cert_rejected");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("certificate_expired"),
        "{f:#}"
    );
}

fn assert_handshake_succeeded(c: &Checked) {
    let codes = member_codes(&c.json);
    for bad in [
        "tls.client_cert_required",
        "tls.client_cert_rejected",
        "tls.handshake_failed",
    ] {
        assert!(!codes.contains(&bad.to_string()), "{codes:?}\n{}", c.stdout);
    }
    assert!(
        c.json["members"][0]["tls"]["version"].is_string(),
        "{}",
        c.stdout
    );
    // s_server is no MongoDB server.
    assert!(
        codes.contains(&"mongo.hello_failed".to_string()),
        "{codes:?}"
    );
}

#[test]
fn a_good_certificate_completes_the_handshake_and_names_the_x509_user() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let cert = files.path("good.pem");
    for version in ["-tls1_2", "-tls1_3"] {
        let server = files.server(version);
        let c = check(
            &files,
            &server,
            "",
            &["--client-cert", path_str(&cert)],
            &[],
        );
        assert_handshake_succeeded(&c);
        let cc = &c.json["client_cert"];
        assert_eq!(cc["subject"], "CN=app-user,O=mongotls test PKI");
        assert_eq!(cc["x509_user"], cc["subject"]);
        assert_eq!(cc["issuer"], "CN=Client CA,O=mongotls test PKI");
        assert_eq!(cc["eku_client_auth"], true);
        assert_eq!(cc["key_matches"], true);
        assert_eq!(cc["encrypted_key"], false);
        assert_eq!(cc["file"], path_str(&cert));
    }
}

/// A key that does not belong to the certificate: reported before any connection, and still
/// presented, so the report also shows the server's refusal (its signature check fails).
#[test]
fn a_key_of_another_certificate_is_a_mismatch_and_the_server_refuses_it() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let cert = fs::read_to_string(files.path("good.crt")).unwrap();
    let key = fs::read_to_string(files.path("other-ca.key")).unwrap();
    let mixed = files.path("mixed.pem");
    fs::write(&mixed, format!("{cert}{key}")).unwrap();
    let server = files.server("");
    let c = check(
        &files,
        &server,
        "",
        &["--client-cert", path_str(&mixed)],
        &[],
    );
    assert_eq!(c.code, 1, "{}\n{}", c.stdout, c.stderr);
    assert!(top_codes(&c.json).contains(&"client_cert.key_mismatch".to_string()));
    assert_eq!(c.json["client_cert"]["key_matches"], false);
    let codes = member_codes(&c.json);
    assert!(
        codes.contains(&"tls.client_cert_rejected".to_string()),
        "{codes:?}\n{}",
        c.stdout
    );
}

#[test]
fn client_cert_flag_wins_over_the_uri_and_text_has_the_section() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let server = files.server("");
    let good = files.path("good.pem");
    let other = files.path("other-ca.pem");
    let c = check(
        &files,
        &server,
        &format!("&tlsCertificateKeyFile={}", path_str(&other)),
        &["--client-cert", path_str(&good)],
        &[],
    );
    assert_handshake_succeeded(&c);
    let out = crate::support::run::english(&mut Command::new(MONGOTLS))
        .arg("check")
        .arg(format!("mongodb://127.0.0.1:{}/?tls=true", server.port))
        .args(["--ca", path_str(&files.path("ca.pem"))])
        .args(["--no-plaintext-probe", "--no-driver", "--timeout", "3s"])
        .args(["--client-cert", path_str(&good)])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Client certificate"), "{stdout}");
    assert!(
        stdout.contains("CN=app-user,O=mongotls test PKI (on $external"),
        "{stdout}"
    );
}

#[test]
fn an_encrypted_key_works_with_the_password_from_env_or_uri() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let enc = files.encrypted_good();
    let server = files.server("");
    let c = check(
        &files,
        &server,
        "",
        &[
            "--client-cert",
            path_str(&enc),
            "--client-key-password-env",
            "MTLS_PW",
        ],
        &[("MTLS_PW", KEY_PASSWORD)],
    );
    assert_handshake_succeeded(&c);
    assert_eq!(c.json["client_cert"]["encrypted_key"], true);
    assert!(!c.stdout.contains(KEY_PASSWORD) && !c.stderr.contains(KEY_PASSWORD));

    let c = check(
        &files,
        &server,
        &format!(
            "&tlsCertificateKeyFile={}&tlsCertificateKeyFilePassword={KEY_PASSWORD}",
            path_str(&enc)
        ),
        &[],
        &[],
    );
    assert_handshake_succeeded(&c);
    assert_eq!(c.json["client_cert"]["encrypted_key"], true);
    assert!(!c.stdout.contains(KEY_PASSWORD) && !c.stderr.contains(KEY_PASSWORD));
    assert!(c.stdout.contains("tlsCertificateKeyFilePassword=****"));
}

#[test]
fn a_wrong_key_password_is_exit_2_naming_the_file_and_never_the_password() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let enc = files.encrypted_good();
    let server = files.server("");
    let wrong = "Wr0ngPassw0rd-zz";
    for (uri_extra, args, env) in [
        (
            String::new(),
            vec![
                "--client-cert",
                path_str(&enc),
                "--client-key-password-env",
                "MTLS_PW",
            ],
            vec![("MTLS_PW", wrong)],
        ),
        (
            format!(
                "&tlsCertificateKeyFile={}&tlsCertificateKeyFilePassword={wrong}",
                path_str(&enc)
            ),
            vec![],
            vec![],
        ),
    ] {
        let c = check(&files, &server, &uri_extra, &args, &env);
        assert_eq!(c.code, 2, "{}\n{}", c.stdout, c.stderr);
        assert!(c.stderr.contains(path_str(&enc)), "{}", c.stderr);
        assert!(c.stderr.contains("does not decrypt"), "{}", c.stderr);
        for s in [wrong, KEY_PASSWORD] {
            assert!(
                !c.stdout.contains(s) && !c.stderr.contains(s),
                "{}",
                c.stderr
            );
        }
    }
}

#[test]
fn an_encrypted_key_without_password_or_variable_is_a_clear_error() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let enc = files.encrypted_good();
    let server = files.server("");
    let c = check(&files, &server, "", &["--client-cert", path_str(&enc)], &[]);
    assert_eq!(c.code, 2);
    assert!(
        c.stderr.contains("--client-key-password-env"),
        "{}",
        c.stderr
    );

    let c = check(
        &files,
        &server,
        "",
        &[
            "--client-cert",
            path_str(&enc),
            "--client-key-password-env",
            "MTLS_SURELY_UNSET_VARIABLE",
        ],
        &[],
    );
    assert_eq!(c.code, 2);
    assert!(
        c.stderr.contains("MTLS_SURELY_UNSET_VARIABLE is not set"),
        "{}",
        c.stderr
    );
}

#[test]
fn a_legacy_encrypted_key_says_how_to_convert_it() {
    if !peer_or_skip() {
        return;
    }
    let files = Files::new();
    let out = Command::new("openssl")
        .args(["ec", "-aes256", "-passout", "pass:legacy-pw"])
        .arg("-in")
        .arg(files.path("good.key"))
        .output()
        .unwrap();
    let key = text(&out.stdout);
    if !key.contains("Proc-Type: 4,ENCRYPTED") {
        // OpenSSL 3 writes the traditional format for `openssl ec`; a later one may not.
        eprintln!("skipped: this openssl writes no legacy-encrypted EC key ({key})");
        return;
    }
    let cert = fs::read_to_string(files.path("good.crt")).unwrap();
    let legacy = files.path("legacy.pem");
    fs::write(&legacy, format!("{cert}{key}")).unwrap();
    let server = files.server("");
    let c = check(
        &files,
        &server,
        "",
        &["--client-cert", path_str(&legacy)],
        &[],
    );
    assert_eq!(c.code, 2);
    assert!(c.stderr.contains("openssl pkcs8 -topk8"), "{}", c.stderr);
    assert!(c.stderr.contains(path_str(&legacy)), "{}", c.stderr);
}
