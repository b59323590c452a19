//! Acceptance: certificates made by an independent toolchain (the `openssl` CLI, no rcgen) are
//! judged by `mongotls` the way `openssl s_client` and PyMongo judge them, with the specific
//! finding code.
//!
//! For every scenario three judges look at the same files:
//! 1. `openssl verify -auth_level 2 -purpose sslserver -verify_hostname HOST` (what
//!    `openssl s_client -verify_return_error` runs, at the security level 2 of Debian, Ubuntu and
//!    RHEL builds; without `-auth_level` the `verify` command checks no security level at all);
//! 2. when `python3` is available, a live handshake against `openssl s_server` made by Python's
//!    `ssl` module exactly as PyMongo makes it (`tests/openssl/pymongo_handshake.py`);
//! 3. `mongotls verify --format json`.
//!
//! Run with `cargo test --test openssl_acceptance -- --nocapture` to see the table of verdicts.
//! Without `openssl` on PATH every test prints "skipped" and passes; without `python3` only the
//! live handshake is skipped.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::openssl::{
    ca_validity, days, leaf_section, Issued, KeyKind, Pki, Spec, LOCALHOST_SAN,
};
use crate::support::peers::{
    openssl_available, python_available, skip_or_fail_in_ci, INSTALL_OPENSSL_PYTHON,
};
use crate::support::run::{path_str, text, MONGOTLS};
use serde_json::Value;
use tempfile::TempDir;
use time::OffsetDateTime;

/// How long `s_server` may take to start listening.
const SERVER_START_TIMEOUT: Duration = Duration::from_secs(10);

/// How many ports to try when the one picked was taken in between.
const BIND_ATTEMPTS: usize = 5;

// ---------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------

/// `openssl` version line, for the table header.
fn openssl_version() -> String {
    let out = Command::new("openssl")
        .arg("version")
        .output()
        .expect("run openssl version");
    text(&out.stdout).trim().to_string()
}

// ---------------------------------------------------------------------------------------------
// A PKI made with `openssl req` and `openssl ca` (`support::openssl`): this test's sections
// ---------------------------------------------------------------------------------------------

/// The sections this test adds to the PKI's extensions file.
fn extensions() -> Vec<String> {
    vec![
        leaf_section("server_other_host", "serverAuth", Some("DNS:other.example")),
        leaf_section("server_cn_only", "serverAuth", None),
        leaf_section("client_only", "clientAuth", Some(LOCALHOST_SAN)),
    ]
}

// ---------------------------------------------------------------------------------------------
// Corrupting a signature
// ---------------------------------------------------------------------------------------------

/// Reads a DER tag-length header at `pos`: `(tag, header length, content length)`.
fn der_header(der: &[u8], pos: usize) -> (u8, usize, usize) {
    let tag = der[pos];
    let first = der[pos + 1];
    if first < 0x80 {
        return (tag, 2, usize::from(first));
    }
    let n = usize::from(first & 0x7f);
    assert!((1..=4).contains(&n), "unexpected DER length form");
    let len = der[pos + 2..pos + 2 + n]
        .iter()
        .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    (tag, 2 + n, len)
}

/// Flips the last bit of the signatureValue BIT STRING of a DER certificate.
fn corrupt_signature(der: &mut [u8]) {
    let (tag, hdr, len) = der_header(der, 0);
    assert_eq!(tag, 0x30, "Certificate is a SEQUENCE");
    assert_eq!(hdr + len, der.len(), "one certificate, no trailing data");
    let mut pos = hdr;
    for what in ["tbsCertificate", "signatureAlgorithm"] {
        let (tag, hdr, len) = der_header(der, pos);
        assert_eq!(tag, 0x30, "{what} is a SEQUENCE");
        pos += hdr + len;
    }
    let (tag, hdr, len) = der_header(der, pos);
    assert_eq!(tag, 0x03, "signatureValue is a BIT STRING");
    assert_eq!(
        pos + hdr + len,
        der.len(),
        "signatureValue ends the certificate"
    );
    assert!(len > 1, "signature is not empty");
    der[pos + hdr + len - 1] ^= 0x01;
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn pem_certificate(der: &[u8]) -> String {
    let b64 = base64(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        pem.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

struct Scenario {
    name: &'static str,
    /// The CA file clients are given.
    ca: PathBuf,
    /// The server's certificate and key.
    leaf: Issued,
    /// The intermediates the server sends after its certificate.
    intermediates: Vec<PathBuf>,
    host: &'static str,
    /// The finding code mongotls must report (`None`: the chain is good).
    code: Option<&'static str>,
    /// Whether OpenSSL (and so PyMongo) accepts the chain.
    openssl_accepts: bool,
    /// Further `(family, action)` pairs the finding's `clients` must hold.
    clients: &'static [(&'static str, &'static str)],
}

fn build_scenarios(pki: &Pki, now: OffsetDateTime) -> Vec<Scenario> {
    let ca_valid = ca_validity(now);
    let leaf_valid = (now - days(1), now + days(365));
    let expired = (now - days(60), now - days(2));
    let future = (now + days(2), now + days(365));

    let spec = Spec::new;
    let server =
        |name: &'static str, valid| spec(name, "/CN=localhost", KeyKind::P256, "server", valid);

    let (root, inter) = pki.root_and_intermediate(now, "acceptance", "Acceptance");
    let good = pki.issue(&server("good", leaf_valid), Some(&inter));
    let expired_leaf = pki.issue(&server("expired_leaf", expired), Some(&inter));
    let future_leaf = pki.issue(&server("future_leaf", future), Some(&inter));

    let inter_expired = pki.issue(
        &spec(
            "intermediate_expired",
            "/O=mongotls acceptance/CN=Expired Intermediate CA",
            KeyKind::P256,
            "intermediate_ca",
            expired,
        ),
        Some(&root),
    );
    let under_expired_inter = pki.issue(
        &server("leaf_under_expired_intermediate", leaf_valid),
        Some(&inter_expired),
    );

    let root_expired = pki.issue(
        &spec(
            "root_expired",
            "/O=mongotls acceptance/CN=Expired Root CA",
            KeyKind::P256,
            "root_ca",
            expired,
        ),
        None,
    );
    let inter_under_expired_root = pki.issue(
        &spec(
            "intermediate_under_expired_root",
            "/O=mongotls acceptance/CN=Intermediate Under Expired Root",
            KeyKind::P256,
            "intermediate_ca",
            ca_valid,
        ),
        Some(&root_expired),
    );
    let under_expired_root = pki.issue(
        &server("leaf_under_expired_root", leaf_valid),
        Some(&inter_under_expired_root),
    );

    let other_root = pki.unrelated_root(now);
    let self_signed = pki.issue(&server("self_signed", leaf_valid), None);
    let other_host = pki.issue(
        &spec(
            "other_host",
            "/CN=other.example",
            KeyKind::P256,
            "server_other_host",
            leaf_valid,
        ),
        Some(&inter),
    );
    let cn_only = pki.issue(
        &spec(
            "cn_only",
            "/CN=localhost",
            KeyKind::P256,
            "server_cn_only",
            leaf_valid,
        ),
        Some(&inter),
    );
    let client_only = pki.issue(
        &spec(
            "client_only",
            "/CN=localhost",
            KeyKind::P256,
            "client_only",
            leaf_valid,
        ),
        Some(&inter),
    );
    let rsa1024 = pki.issue(
        &spec(
            "rsa1024",
            "/CN=localhost",
            KeyKind::Rsa(1024),
            "server",
            leaf_valid,
        ),
        Some(&inter),
    );
    let sha1 = pki.issue(
        &Spec {
            md: "sha1",
            ..server("sha1", leaf_valid)
        },
        Some(&inter),
    );
    let bad_signature = {
        let mut der = pki.der(&good.cert, &pki.path("bad_signature.der"));
        corrupt_signature(&mut der);
        let cert = pki.path("bad_signature.pem");
        fs::write(&cert, pem_certificate(&der)).expect("write bad_signature.pem");
        // The copy must still parse: only the signature changed.
        pki.openssl(&["x509", "-noout", "-in", path_str(&cert)]);
        Issued {
            cert,
            key: good.key.clone(),
        }
    };

    let ca = root.cert.clone();
    let i = vec![inter.cert.clone()];
    let openssl_rejects: &[(&str, &str)] = &[("openssl", "reject")];
    let scenario = |name,
                    ca: &PathBuf,
                    leaf: &Issued,
                    intermediates: &[PathBuf],
                    host,
                    code,
                    openssl_accepts,
                    clients| Scenario {
        name,
        ca: ca.clone(),
        leaf: leaf.clone(),
        intermediates: intermediates.to_vec(),
        host,
        code,
        openssl_accepts,
        clients,
    };
    vec![
        scenario("good", &ca, &good, &i, "localhost", None, true, &[]),
        scenario(
            "good (IP host)",
            &ca,
            &good,
            &i,
            "127.0.0.1",
            None,
            true,
            &[],
        ),
        scenario(
            "expired leaf",
            &ca,
            &expired_leaf,
            &i,
            "localhost",
            Some("cert.expired"),
            false,
            openssl_rejects,
        ),
        scenario(
            "not-yet-valid leaf",
            &ca,
            &future_leaf,
            &i,
            "localhost",
            Some("cert.not_yet_valid"),
            false,
            openssl_rejects,
        ),
        scenario(
            "expired intermediate",
            &ca,
            &under_expired_inter,
            std::slice::from_ref(&inter_expired.cert),
            "localhost",
            Some("cert.intermediate_expired"),
            false,
            openssl_rejects,
        ),
        scenario(
            "expired root",
            &root_expired.cert,
            &under_expired_root,
            std::slice::from_ref(&inter_under_expired_root.cert),
            "localhost",
            Some("cert.ca_expired"),
            false,
            &[("openssl", "reject"), ("rustls", "accept")],
        ),
        scenario(
            "wrong CA",
            &other_root.cert,
            &good,
            &i,
            "localhost",
            Some("cert.unknown_issuer"),
            false,
            openssl_rejects,
        ),
        scenario(
            "missing intermediate",
            &ca,
            &good,
            &[],
            "localhost",
            Some("cert.unknown_issuer"),
            false,
            openssl_rejects,
        ),
        scenario(
            "self-signed leaf",
            &ca,
            &self_signed,
            &[],
            "localhost",
            Some("cert.self_signed"),
            false,
            openssl_rejects,
        ),
        scenario(
            "host mismatch",
            &ca,
            &other_host,
            &i,
            "localhost",
            Some("cert.hostname_mismatch"),
            false,
            openssl_rejects,
        ),
        scenario(
            "CN-only leaf",
            &ca,
            &cn_only,
            &i,
            "localhost",
            Some("cert.no_subject_alt_name"),
            true,
            &[("openssl", "accept"), ("rustls", "reject")],
        ),
        scenario(
            "EKU clientAuth only",
            &ca,
            &client_only,
            &i,
            "localhost",
            Some("cert.bad_eku"),
            false,
            openssl_rejects,
        ),
        scenario(
            "RSA-1024 leaf",
            &ca,
            &rsa1024,
            &i,
            "localhost",
            Some("cert.weak_key"),
            false,
            openssl_rejects,
        ),
        scenario(
            "SHA-1 signed leaf",
            &ca,
            &sha1,
            &i,
            "localhost",
            Some("cert.weak_signature"),
            false,
            openssl_rejects,
        ),
        scenario(
            "corrupted signature",
            &ca,
            &bad_signature,
            &i,
            "localhost",
            Some("cert.bad_signature"),
            false,
            openssl_rejects,
        ),
    ]
}

/// Concatenates PEM files.
fn concat(files: &[PathBuf], out: &Path) {
    let mut all = String::new();
    for f in files {
        all.push_str(&fs::read_to_string(f).expect("read PEM"));
    }
    fs::write(out, all).expect("write concatenated PEM");
}

// ---------------------------------------------------------------------------------------------
// Judge 1: openssl verify
// ---------------------------------------------------------------------------------------------

struct OpensslJudgement {
    accepted: bool,
    /// `error N at D depth lookup: MESSAGE` lines.
    errors: Vec<String>,
    output: String,
}

fn judge_openssl(dir: &Path, s: &Scenario, rest: Option<&Path>) -> OpensslJudgement {
    let mut cmd = Command::new("openssl");
    cmd.current_dir(dir)
        .args(["verify", "-auth_level", "2", "-purpose", "sslserver"])
        .arg("-CAfile")
        .arg(&s.ca);
    if let Some(rest) = rest {
        cmd.arg("-untrusted").arg(rest);
    }
    if s.host.parse::<std::net::IpAddr>().is_ok() {
        cmd.args(["-verify_ip", s.host]);
    } else {
        cmd.args(["-verify_hostname", s.host]);
    }
    let out = cmd
        .arg(&s.leaf.cert)
        .stdin(Stdio::null())
        .output()
        .expect("spawn openssl verify");
    let output = format!("{}{}", text(&out.stdout), text(&out.stderr));
    let errors = output
        .lines()
        .filter(|l| l.starts_with("error ") && l.contains(" depth lookup"))
        .map(str::to_string)
        .collect();
    OpensslJudgement {
        accepted: out.status.success() && output.contains(": OK"),
        errors,
        output,
    }
}

// ---------------------------------------------------------------------------------------------
// Judge 2: a PyMongo-like handshake against openssl s_server
// ---------------------------------------------------------------------------------------------

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

enum Readiness {
    Ready,
    Exited,
    TimedOut,
}

/// Waits for `s_server`'s `ACCEPT` line (printed once it listens) or, failing that, for the port
/// to take a connection, until a deadline.
fn wait_listening(lines: &Receiver<String>, port: u16) -> Readiness {
    let deadline = Instant::now() + SERVER_START_TIMEOUT;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    loop {
        let now = Instant::now();
        if now >= deadline {
            return Readiness::TimedOut;
        }
        let wait = (deadline - now).min(Duration::from_millis(100));
        match lines.recv_timeout(wait) {
            Ok(line) if line.starts_with("ACCEPT") => return Readiness::Ready,
            Ok(_) => {}
            Err(RecvTimeoutError::Disconnected) => return Readiness::Exited,
            Err(RecvTimeoutError::Timeout) => {
                if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                    return Readiness::Ready;
                }
            }
        }
    }
}

fn start_server(dir: &Path, s: &Scenario, rest: Option<&Path>) -> Result<Server, String> {
    let mut last_error = String::new();
    for attempt in 0..BIND_ATTEMPTS {
        let port = TcpListener::bind(("127.0.0.1", 0))
            .and_then(|l| l.local_addr())
            .expect("bind an ephemeral port on 127.0.0.1")
            .port();
        let err_path = dir.join(format!("s_server.{attempt}.stderr"));
        let err_file = File::create(&err_path).expect("create s_server stderr file");
        let mut cmd = Command::new("openssl");
        cmd.current_dir(dir)
            .arg("s_server")
            .arg("-accept")
            .arg(format!("127.0.0.1:{port}"))
            .arg("-cert")
            .arg(&s.leaf.cert)
            .arg("-key")
            .arg(&s.leaf.key);
        if let Some(rest) = rest {
            cmd.arg("-cert_chain").arg(rest);
        }
        // Security level 0 so that s_server agrees to serve weak keys and SHA-1 chains: the
        // client is the one being judged.
        cmd.args(["-www", "-cipher", "DEFAULT:@SECLEVEL=0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(err_file);
        let mut child = cmd.spawn().expect("spawn openssl s_server");
        let stdout = child.stdout.take().expect("s_server stdout is piped");
        let server = Server { child, port };
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            // Drains s_server's stdout until it exits, forwarding lines while anyone listens.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        match wait_listening(&rx, port) {
            Readiness::Ready => return Ok(server),
            Readiness::TimedOut => {
                return Err(format!(
                    "s_server did not listen on 127.0.0.1:{port} within {SERVER_START_TIMEOUT:?}"
                ))
            }
            Readiness::Exited => {
                drop(server);
                last_error = fs::read_to_string(&err_path).unwrap_or_default();
                let lower = last_error.to_lowercase();
                if !(lower.contains("in use") || lower.contains("bind")) {
                    return Err(format!("s_server exited: {}", last_error.trim()));
                }
            }
        }
    }
    Err(format!(
        "s_server could not bind after {BIND_ATTEMPTS} attempts: {}",
        last_error.trim()
    ))
}

enum PythonJudgement {
    Skipped,
    Accepted(String),
    Rejected(String),
    Error(String),
}

fn python_script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/openssl/pymongo_handshake.py")
}

fn judge_python(dir: &Path, s: &Scenario, rest: Option<&Path>) -> (PythonJudgement, String) {
    let server = match start_server(dir, s, rest) {
        Ok(server) => server,
        Err(e) => return (PythonJudgement::Error(e), String::new()),
    };
    let out = Command::new("python3")
        .arg(python_script())
        .arg(&s.ca)
        .arg("127.0.0.1")
        .arg(server.port.to_string())
        .arg(s.host)
        .stdin(Stdio::null())
        .output()
        .expect("spawn python3");
    drop(server);
    let stdout = text(&out.stdout);
    let info = stdout
        .lines()
        .find_map(|l| l.strip_prefix("INFO "))
        .unwrap_or_default()
        .to_string();
    let verdict = stdout
        .lines()
        .rev()
        .find(|l| !l.starts_with("INFO ") && !l.trim().is_empty())
        .unwrap_or_default();
    let judgement = if let Some(rest) = verdict.strip_prefix("OK") {
        PythonJudgement::Accepted(rest.trim().to_string())
    } else if let Some(rest) = verdict.strip_prefix("REJECT ") {
        PythonJudgement::Rejected(rest.trim().to_string())
    } else {
        PythonJudgement::Error(format!(
            "{} (python exit {}, stderr: {})",
            verdict,
            out.status,
            text(&out.stderr).trim()
        ))
    };
    (judgement, info)
}

// ---------------------------------------------------------------------------------------------
// Judge 3: mongotls
// ---------------------------------------------------------------------------------------------

struct MongotlsJudgement {
    exit: Option<i32>,
    json: Value,
    raw: String,
}

fn run_mongotls(args: &[&str]) -> (Option<i32>, Result<Value, String>, String) {
    let out = Command::new(MONGOTLS)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("spawn mongotls");
    let stdout = text(&out.stdout);
    let raw = format!("stdout:\n{stdout}\nstderr:\n{}", text(&out.stderr));
    let json = serde_json::from_str::<Value>(&stdout).map_err(|e| format!("not JSON: {e}"));
    (out.status.code(), json, raw)
}

fn judge_mongotls(s: &Scenario, chain: &Path) -> Result<MongotlsJudgement, String> {
    let (exit, json, raw) = run_mongotls(&[
        "verify",
        "--ca",
        path_str(&s.ca),
        "--chain",
        path_str(chain),
        "--host",
        s.host,
        "--format",
        "json",
    ]);
    match json {
        Ok(json) => Ok(MongotlsJudgement { exit, json, raw }),
        Err(e) => Err(format!("mongotls exit {exit:?}, {e}\n{raw}")),
    }
}

fn findings(json: &Value) -> &[Value] {
    json["findings"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn rejected_by(finding: &Value) -> Vec<&str> {
    finding["rejected_by"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// `code{openssl:…,rustls:…}` for each finding above `info`.
fn summarise_findings(json: &Value) -> String {
    let parts: Vec<String> = findings(json)
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            let code = f["code"].as_str().unwrap_or("?");
            match f.get("clients") {
                Some(c) => format!(
                    "{code}{{openssl:{},rustls:{}}}",
                    c["openssl"].as_str().unwrap_or("?"),
                    c["rustls"].as_str().unwrap_or("?")
                ),
                None => code.to_string(),
            }
        })
        .collect();
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(" ")
    }
}

// ---------------------------------------------------------------------------------------------
// The acceptance test
// ---------------------------------------------------------------------------------------------

struct Row {
    scenario: String,
    openssl: String,
    python: String,
    mongotls: String,
}

fn short_openssl(j: &OpensslJudgement) -> String {
    if j.accepted {
        return "accept".into();
    }
    match j.errors.first() {
        // "error 10 at 0 depth lookup: certificate has expired" -> "reject 10@0: certificate has expired"
        Some(e) => {
            let rest = e.trim_start_matches("error ");
            let (num, rest) = rest.split_once(" at ").unwrap_or((rest, ""));
            let (depth, msg) = rest.split_once(" depth lookup: ").unwrap_or((rest, ""));
            format!("reject {num}@{depth}: {msg}")
        }
        None => "reject".into(),
    }
}

#[test]
fn openssl_made_chains_are_judged_like_openssl_and_pymongo() {
    if !openssl_available() {
        skip_or_fail_in_ci("openssl not on PATH", INSTALL_OPENSSL_PYTHON);
        return;
    }
    let python = python_available();
    if !python {
        skip_or_fail_in_ci(
            "python3 not available: live PyMongo-like handshakes skipped",
            INSTALL_OPENSSL_PYTHON,
        );
    }
    let started = Instant::now();
    let tmp = TempDir::new().expect("create temporary directory");
    let pki = Pki::new(tmp.path(), &extensions());
    let now = OffsetDateTime::now_utc();
    let scenarios = build_scenarios(&pki, now);
    let built = started.elapsed();

    let mut rows = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut python_info = String::new();

    for (n, s) in scenarios.iter().enumerate() {
        let sdir = tmp.path().join(format!("scenario{n:02}"));
        fs::create_dir_all(&sdir).expect("create scenario directory");
        let chain = sdir.join("server_chain.pem");
        let mut chain_files = vec![s.leaf.cert.clone()];
        chain_files.extend(s.intermediates.iter().cloned());
        concat(&chain_files, &chain);
        let rest = (!s.intermediates.is_empty()).then(|| {
            let rest = sdir.join("chain_rest.pem");
            concat(&s.intermediates, &rest);
            rest
        });
        let mut fail = |msg: String| failures.push(format!("[{}] {msg}", s.name));

        // Judge 1.
        let ossl = judge_openssl(&sdir, s, rest.as_deref());
        if ossl.accepted != s.openssl_accepts {
            fail(format!(
                "openssl verify {} but the scenario expects it to {} (the test's certificates are \
                 not what they should be):\n{}",
                if ossl.accepted { "accepts" } else { "rejects" },
                if s.openssl_accepts {
                    "accept"
                } else {
                    "reject"
                },
                ossl.output.trim()
            ));
        }

        // Judge 2.
        let (py, info) = if python {
            judge_python(&sdir, s, rest.as_deref())
        } else {
            (PythonJudgement::Skipped, String::new())
        };
        if !info.is_empty() {
            python_info = info;
        }
        let python_accepts = match &py {
            PythonJudgement::Skipped => None,
            PythonJudgement::Accepted(_) => Some(true),
            PythonJudgement::Rejected(_) => Some(false),
            PythonJudgement::Error(e) => {
                fail(format!("live handshake could not be judged: {e}"));
                None
            }
        };
        if let Some(accepts) = python_accepts {
            if accepts != ossl.accepted {
                fail(format!(
                    "python ssl {} but openssl verify {}",
                    if accepts { "accepts" } else { "rejects" },
                    if ossl.accepted { "accepts" } else { "rejects" },
                ));
            }
        }

        // Judge 3.
        let mongo = match judge_mongotls(s, &chain) {
            Ok(m) => m,
            Err(e) => {
                fail(e);
                rows.push(Row {
                    scenario: s.name.into(),
                    openssl: short_openssl(&ossl),
                    python: python_cell(&py),
                    mongotls: "ERROR (see failures)".into(),
                });
                continue;
            }
        };
        let verdict = mongo.json["verdict"].as_str().unwrap_or("?").to_string();
        let all = findings(&mongo.json);
        let mut details = String::new();
        let mut fail = |msg: String| {
            if details.is_empty() {
                details = format!(
                    "\n    mongotls findings: {}",
                    serde_json::to_string_pretty(all).unwrap_or_default()
                );
            }
            failures.push(format!("[{}] {msg}{details}", s.name));
        };

        let expected_verdict = if s.code.is_none() { "pass" } else { "fail" };
        if verdict != expected_verdict {
            fail(format!(
                "mongotls verdict {verdict}, expected {expected_verdict}"
            ));
        }
        let expected_exit = if expected_verdict == "pass" { 0 } else { 1 };
        if mongo.exit != Some(expected_exit) {
            fail(format!(
                "mongotls exit {:?}, expected {expected_exit}",
                mongo.exit
            ));
        }
        let some_family_rejects = all.iter().any(|f| !rejected_by(f).is_empty());
        if (verdict == "fail") != some_family_rejects {
            fail(format!(
                "verdict {verdict} but some family rejects = {some_family_rejects}"
            ));
        }
        let says_openssl_rejects = all.iter().any(|f| rejected_by(f).contains(&"openssl"));
        if says_openssl_rejects == ossl.accepted {
            fail(format!(
                "mongotls says openssl {} (rejected_by), openssl verify {}: {}",
                if says_openssl_rejects {
                    "rejects"
                } else {
                    "accepts"
                },
                if ossl.accepted { "accepts" } else { "rejects" },
                ossl.errors.join("; ")
            ));
        }
        if python_accepts == Some(says_openssl_rejects) {
            fail(format!(
                "mongotls says openssl {} (rejected_by), the PyMongo-like handshake {}",
                if says_openssl_rejects {
                    "rejects"
                } else {
                    "accepts"
                },
                python_cell(&py)
            ));
        }
        if let Some(code) = s.code {
            match all.iter().find(|f| f["code"] == code) {
                None => fail(format!("mongotls does not report {code}")),
                Some(f) => {
                    let openssl_action = if ossl.accepted { "accept" } else { "reject" };
                    let checks = std::iter::once(("openssl", openssl_action))
                        .chain(s.clients.iter().copied());
                    for (family, action) in checks {
                        let got = f["clients"][family].as_str().unwrap_or("(absent)");
                        if got != action {
                            fail(format!(
                                "{code}: clients.{family} is {got}, expected {action}"
                            ));
                        }
                        let listed = rejected_by(f).contains(&family);
                        if listed != (action == "reject") {
                            fail(format!(
                                "{code}: rejected_by {:?} {} {family}",
                                rejected_by(f),
                                if listed { "lists" } else { "does not list" }
                            ));
                        }
                    }
                }
            }
        }
        if mongo.exit.is_none() {
            fail(format!("mongotls killed by a signal\n{}", mongo.raw));
        }

        rows.push(Row {
            scenario: s.name.into(),
            openssl: short_openssl(&ossl),
            python: python_cell(&py),
            mongotls: format!(
                "{verdict} (exit {}) {}",
                mongo
                    .exit
                    .map_or_else(|| "signal".to_string(), |c| c.to_string()),
                summarise_findings(&mongo.json)
            ),
        });
    }

    print_table(&rows, &python_info);
    eprintln!(
        "certificates built in {:.2?}, {} scenarios judged in {:.2?} total",
        built,
        scenarios.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn python_cell(p: &PythonJudgement) -> String {
    match p {
        PythonJudgement::Skipped => "skipped".into(),
        PythonJudgement::Accepted(v) => format!("accept ({v})"),
        PythonJudgement::Rejected(m) => format!("reject {m}"),
        PythonJudgement::Error(e) => format!("ERROR {e}"),
    }
}

fn print_table(rows: &[Row], python_info: &str) {
    let w0 = rows
        .iter()
        .map(|r| r.scenario.len())
        .max()
        .unwrap_or(0)
        .max(8);
    let w1 = rows
        .iter()
        .map(|r| r.openssl.len())
        .max()
        .unwrap_or(0)
        .max(14);
    let w2 = rows
        .iter()
        .map(|r| r.python.len())
        .max()
        .unwrap_or(0)
        .max(17);
    eprintln!();
    eprintln!("{} / python: {}", openssl_version(), python_info);
    eprintln!(
        "{:<w0$} | {:<w1$} | {:<w2$} | mongotls verify",
        "scenario", "openssl verify", "PyMongo-like ssl"
    );
    eprintln!("{}", "-".repeat(w0 + w1 + w2 + 26));
    for r in rows {
        eprintln!(
            "{:<w0$} | {:<w1$} | {:<w2$} | {}",
            r.scenario, r.openssl, r.python, r.mongotls
        );
    }
    eprintln!();
}

// ---------------------------------------------------------------------------------------------
// `mongotls ca` on openssl-made bundles
// ---------------------------------------------------------------------------------------------

fn listed_fingerprints(json: &Value) -> Vec<String> {
    json["certificates"]
        .as_array()
        .map(|certs| {
            certs
                .iter()
                .map(|c| {
                    c.get("sha256_fingerprint")
                        .or_else(|| c.get("info").and_then(|i| i.get("sha256_fingerprint")))
                        .and_then(Value::as_str)
                        .unwrap_or("(missing)")
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn codes(json: &Value) -> Vec<String> {
    findings(json)
        .iter()
        .filter_map(|f| f["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn ca_command_reads_openssl_made_bundles() {
    if !openssl_available() {
        skip_or_fail_in_ci("openssl not on PATH", INSTALL_OPENSSL_PYTHON);
        return;
    }
    let tmp = TempDir::new().expect("create temporary directory");
    let pki = Pki::new(tmp.path(), &extensions());
    let now = OffsetDateTime::now_utc();
    let valid = (now - days(30), now + days(3650));
    let root = pki.issue(
        &Spec {
            name: "root",
            subject: "/O=mongotls acceptance/CN=Bundle Root CA",
            key: KeyKind::P256,
            extensions: "root_ca",
            not_before: valid.0,
            not_after: valid.1,
            md: "sha256",
        },
        None,
    );
    let inter = pki.issue(
        &Spec {
            name: "intermediate",
            subject: "/O=mongotls acceptance/CN=Bundle Intermediate CA",
            key: KeyKind::P256,
            extensions: "intermediate_ca",
            not_before: valid.0,
            not_after: valid.1,
            md: "sha256",
        },
        Some(&root),
    );
    let leaf = pki.issue(
        &Spec {
            name: "leaf",
            subject: "/CN=localhost",
            key: KeyKind::P256,
            extensions: "server",
            not_before: valid.0,
            not_after: now + days(365),
            md: "sha256",
        },
        Some(&inter),
    );
    let bundle = pki.path("bundle.pem");
    concat(&[root.cert.clone(), inter.cert.clone()], &bundle);
    let mut both = vec![pki.fingerprint(&root.cert), pki.fingerprint(&inter.cert)];
    both.sort();

    let p7b_der = pki.path("bundle.p7b");
    let p7b_pem = pki.path("bundle-pem.p7b");
    for (out, form) in [(&p7b_der, "DER"), (&p7b_pem, "PEM")] {
        pki.openssl(&[
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            path_str(&bundle),
            "-outform",
            form,
            "-out",
            path_str(out),
        ]);
    }
    let root_der = pki.path("root.der");
    pki.der(&root.cert, &root_der);
    let p12 = pki.path("server.p12");
    pki.openssl(&[
        "pkcs12",
        "-export",
        "-in",
        path_str(&leaf.cert),
        "-inkey",
        path_str(&leaf.key),
        "-certfile",
        path_str(&bundle),
        "-passout",
        "pass:acceptance",
        "-out",
        path_str(&p12),
    ]);

    let mut failures = Vec::new();
    let cases: [(&str, &Path, Vec<String>); 4] = [
        ("PEM bundle", &bundle, both.clone()),
        ("PKCS#7 DER", &p7b_der, both.clone()),
        ("PKCS#7 PEM", &p7b_pem, both.clone()),
        (
            "DER certificate",
            &root_der,
            vec![pki.fingerprint(&root.cert)],
        ),
    ];
    eprintln!();
    for (what, file, expected) in cases {
        let (exit, json, raw) = run_mongotls(&["ca", "--format", "json", path_str(file)]);
        let json = match json {
            Ok(json) => json,
            Err(e) => {
                failures.push(format!("{what}: mongotls exit {exit:?}, {e}\n{raw}"));
                continue;
            }
        };
        let mut listed = listed_fingerprints(&json);
        listed.sort();
        eprintln!(
            "mongotls ca {what:<16} exit {exit:?} verdict {} certificates {} findings {:?}",
            json["verdict"].as_str().unwrap_or("?"),
            listed.len(),
            codes(&json)
        );
        if listed != expected {
            failures.push(format!(
                "{what}: mongotls lists fingerprints {listed:?}, openssl says {expected:?}"
            ));
        }
        if exit == Some(2) || exit.is_none() {
            failures.push(format!("{what}: mongotls exit {exit:?}\n{raw}"));
        }
    }

    let (exit, json, raw) = run_mongotls(&["ca", "--format", "json", path_str(&p12)]);
    match json {
        Ok(json) => {
            eprintln!(
                "mongotls ca {:<16} exit {exit:?} verdict {} certificates {} findings {:?}",
                "PKCS#12",
                json["verdict"].as_str().unwrap_or("?"),
                listed_fingerprints(&json).len(),
                codes(&json)
            );
            if !codes(&json).iter().any(|c| c == "ca.unsupported_format") {
                failures.push(format!(
                    "PKCS#12: no ca.unsupported_format finding: {:?}",
                    codes(&json)
                ));
            }
            if exit != Some(1) {
                failures.push(format!(
                    "PKCS#12: mongotls exit {exit:?}, expected 1\n{raw}"
                ));
            }
        }
        Err(e) => failures.push(format!("PKCS#12: mongotls exit {exit:?}, {e}\n{raw}")),
    }
    eprintln!();
    assert!(
        failures.is_empty(),
        "{} disagreement(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
