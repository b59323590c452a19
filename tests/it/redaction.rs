//! Property: no output of mongotls ever contains a password — not the report in any format
//! (every `--format` value `check` accepts, and `Debug`), not an error message, not what a
//! command prints as it goes.
//!
//! Passwords are generated (proptest): an 8-character random alphanumeric head, so that a
//! match cannot be a coincidence, and a tail of arbitrary Unicode, percent-encoded in the
//! URI as users must. Each case also picks a way to break the connection string (or none), so
//! the error paths are exercised with the password in place: a bad port, a bad option value,
//! an unescaped `@` in the password, broken percent-encoding inside the password, a missing
//! client-key file with `tlsCertificateKeyFilePassword`, `mongodb+srv`, an unbalanced IPv6
//! bracket. Valid cases run `check` for real against the in-process sandbox (expired
//! certificates, so reports carry chains, findings and messages).
//!
//! Asserted absent everywhere: the password as typed in the URI, decoded, percent-encoded, and
//! its random head alone. The same for the client key's password, from
//! `tlsCertificateKeyFilePassword` and from `--client-key-password-env`, right (the encrypted
//! key is used) and wrong (the error names the file, not the password). The same for the
//! password the driver stage authenticates with, from `--password-env` and `--password-file`,
//! right (it authenticates) and wrong (`auth.failed`).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::OnceLock;

use clap::{Parser, ValueEnum};
use mongotls::cli::Cli;
use mongotls::cli::Format;
use mongotls::report::{OutputFormat, Report};
use mongotls::sandbox::{AuthConfig, ClientAuth, Sandbox, SandboxConfig, Scenario};
use mongotls::Outcome;
use proptest::prelude::*;
use time::OffsetDateTime;

/// A sandbox shared by every case, on its own runtime (the cases call the blocking library
/// entry point, which builds its own).
struct Shared {
    _rt: tokio::runtime::Runtime,
    sandbox: Sandbox,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        start_shared(
            Scenario::Expired,
            AuthConfig::for_scenario(Scenario::Expired),
        )
    })
}

/// A two-member sandbox of `scenario` with `auth`, on its own one-thread runtime.
fn start_shared(scenario: Scenario, auth: AuthConfig) -> Shared {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let config = SandboxConfig {
        members: 2,
        scenario,
        tls_mode: None,
        handshake_delay: None,
    };
    let sandbox = rt
        .block_on(Sandbox::start_with_auth(config, auth))
        .expect("start sandbox");
    if let Some(dir) = sandbox.ca_file().parent() {
        remove_at_exit(dir.to_path_buf());
    }
    Shared { _rt: rt, sandbox }
}

/// The shared sandboxes live in statics, which are never dropped: their directories (CA,
/// client keys, password files) are removed when the test process exits instead.
fn remove_at_exit(dir: std::path::PathBuf) {
    static DIRS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());
    static REGISTER: std::sync::Once = std::sync::Once::new();
    extern "C" fn remove_all() {
        if let Ok(dirs) = DIRS.lock() {
            for dir in dirs.iter() {
                let _ = std::fs::remove_dir_all(dir);
            }
        }
    }
    if let Ok(mut dirs) = DIRS.lock() {
        dirs.push(dir);
    }
    REGISTER.call_once(|| {
        // SAFETY: registers a plain function with no captured state; it only touches the
        // static above and the file system.
        unsafe {
            libc::atexit(remove_all);
        }
    });
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How a case breaks the connection string.
#[derive(Debug, Clone, Copy)]
enum Breakage {
    None,
    BadPort,
    BadBool,
    RawAt,
    BadPercent,
    KeyFilePassword,
    Srv,
    OpenBracket,
}

const BREAKAGES: [Breakage; 8] = [
    Breakage::None,
    Breakage::BadPort,
    Breakage::BadBool,
    Breakage::RawAt,
    Breakage::BadPercent,
    Breakage::KeyFilePassword,
    Breakage::Srv,
    Breakage::OpenBracket,
];

/// The connection string for `password` broken as asked, and every form of the secret that
/// must not be shown.
fn case_uri(head: &str, tail: &str, breakage: Breakage) -> (String, Vec<String>) {
    let sb = &shared().sandbox;
    let password = format!("{head}{tail}");
    let mut forbidden = vec![head.to_string(), password.clone(), encode(&password)];
    let userinfo_password = match breakage {
        Breakage::RawAt => format!("{head}@{}", encode(tail)),
        Breakage::BadPercent => format!("{head}%zz{}", encode(tail)),
        _ => encode(&password),
    };
    forbidden.push(userinfo_password.clone());
    let hosts = match breakage {
        Breakage::BadPort => "localhost:99999".to_string(),
        Breakage::OpenBracket => "[::1:27017".to_string(),
        _ => sb.members().join(","),
    };
    let scheme = match breakage {
        Breakage::Srv => "mongodb+srv",
        _ => "mongodb",
    };
    let mut options = "replicaSet=mongotls-sandbox&tls=true".to_string();
    match breakage {
        Breakage::BadBool => options.push_str("&tlsAllowInvalidHostnames=maybe"),
        Breakage::KeyFilePassword => options.push_str(&format!(
            "&tlsCertificateKeyFile=%2Fnonexistent%2Fclient.pem&tlsCertificateKeyFilePassword={}",
            encode(&password)
        )),
        _ => {}
    }
    (
        format!("{scheme}://root:{userinfo_password}@{hosts}/admin?{options}"),
        forbidden,
    )
}

/// Everything a `check` run shows: the report in every format (and `Debug`), or the error.
fn check_outputs(uri: &str) -> Vec<(String, String)> {
    let ca = shared().sandbox.ca_file().display().to_string();
    let args = [
        "mongotls",
        "check",
        uri,
        "--ca",
        &ca,
        "--timeout",
        "5s",
        "--no-plaintext-probe",
    ];
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return vec![("clap error".into(), e.to_string())],
    };
    let mut printed = Vec::new();
    let now = OffsetDateTime::now_utc();
    let mut out = match mongotls::run_at(&cli.command, now, &mut printed) {
        Ok(Outcome::Report { report, .. }) => rendered(&report),
        Ok(Outcome::Finished) => Vec::new(),
        Err(e) => vec![
            ("error".into(), e.to_string()),
            ("error (Debug)".into(), format!("{e:?}")),
        ],
    };
    out.push((
        "printed".into(),
        String::from_utf8_lossy(&printed).into_owned(),
    ));
    out
}

fn rendered(report: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Format::value_variants()
        .iter()
        .map(|f| {
            let mut bytes = Vec::new();
            report
                .render(OutputFormat::from(*f), &mut bytes)
                .unwrap_or_else(|e| panic!("render {f:?}: {e}"));
            (
                format!("{f:?}"),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    out.push(("Debug".into(), format!("{report:?}")));
    out
}

fn assert_no_secret(outputs: &[(String, String)], forbidden: &[String], uri: &str) {
    for (what, text) in outputs {
        for secret in forbidden {
            assert!(
                !text.contains(secret.as_str()),
                "{what} shows the password form {secret:?} (URI {uri:?}):\n{text}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_output_contains_the_password(
        head in "[A-Za-z0-9]{8}",
        tail in proptest::collection::vec(any::<char>(), 0..12)
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        breakage in proptest::sample::select(BREAKAGES.to_vec()),
    ) {
        let (uri, forbidden) = case_uri(&head, &tail, breakage);
        let outputs = check_outputs(&uri);
        if matches!(breakage, Breakage::None) {
            // The valid case produced a report: the user name is there, the password is not.
            let json = outputs.iter().find(|(w, _)| w == "Json").map(|(_, t)| t.as_str());
            prop_assert!(json.is_some_and(|j| j.contains("root:****@")), "{outputs:?}");
        }
        assert_no_secret(&outputs, &forbidden, &uri);
    }
}

/// `bench` with a password: every bench format, the `--export-json` file and the SVG plot.
#[test]
fn bench_outputs_do_not_contain_the_password() {
    let sb = &shared().sandbox;
    let head = "Bq7Rk2Vw";
    let password = format!("{head}:p@ss/wörd");
    let uri = format!(
        "mongodb://root:{}@{}/admin?tls=true",
        encode(&password),
        sb.members()[0]
    );
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("bench.json");
    let plot = dir.path().join("bench.svg");
    let mut outputs = Vec::new();
    for format in ["text", "json", "markdown", "csv"] {
        let cli = Cli::try_parse_from([
            "mongotls",
            "bench",
            &uri,
            "--ca",
            &sb.ca_file().display().to_string(),
            "--samples",
            "3",
            "--warmup",
            "0",
            "--max-time",
            "10s",
            "--format",
            format,
            "--export-json",
            &export.display().to_string(),
            "--plot",
            &plot.display().to_string(),
        ])
        .unwrap();
        let mut printed = Vec::new();
        let outcome =
            mongotls::run_at(&cli.command, OffsetDateTime::now_utc(), &mut printed).unwrap();
        let Outcome::Report { report, format, .. } = outcome else {
            panic!("bench printed no report")
        };
        let mut bytes = Vec::new();
        report.render(format, &mut bytes).unwrap();
        outputs.push((format!("{format:?}"), String::from_utf8(bytes).unwrap()));
        outputs.push(("Debug".into(), format!("{report:?}")));
        outputs.push(("printed".into(), String::from_utf8(printed).unwrap()));
        outputs.push(("export".into(), std::fs::read_to_string(&export).unwrap()));
        outputs.push(("plot".into(), std::fs::read_to_string(&plot).unwrap()));
    }
    assert!(
        outputs[0].1.contains("root:****@"),
        "the redacted URI is shown: {}",
        outputs[0].1
    );
    let forbidden = vec![head.to_string(), password.clone(), encode(&password)];
    assert_no_secret(&outputs, &forbidden, &uri);
}

// ---------------------------------------------------------------------------------------------
// The client key's password (tlsCertificateKeyFilePassword, --client-key-password-env)
// ---------------------------------------------------------------------------------------------

/// A client certificate file whose EC key is encrypted (PKCS#8, PBES2 AES-256-CBC, made by
/// `openssl pkcs8 -topk8`) under `password`; `None` when openssl is not there.
fn encrypted_client_cert(dir: &std::path::Path, password: &str) -> Option<std::path::PathBuf> {
    use crate::support::pki::{leaf, root, KeyKind, LeafSpec, Validity};
    if !crate::support::peers::openssl_available() {
        crate::support::peers::skip_or_fail_in_ci(
            "openssl not on PATH",
            crate::support::peers::INSTALL_OPENSSL_PYTHON,
        );
        return None;
    }
    let now = OffsetDateTime::now_utc();
    let ca = root("Client CA", Validity::ca_around(now), KeyKind::EcdsaP256);
    let spec = LeafSpec {
        cn: Some("app-user".into()),
        include_san: false,
        eku_server_auth: false,
        ..LeafSpec::server(now)
    };
    let client = leaf(&spec, &ca);
    let plain = dir.join("plain.key");
    std::fs::write(&plain, &client.key_pem).unwrap();
    let out = std::process::Command::new("openssl")
        .args([
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-passout",
            "env:MTLS_KEY_PW",
        ])
        .arg("-in")
        .arg(&plain)
        .env("MTLS_KEY_PW", password)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = dir.join("client.pem");
    std::fs::write(
        &file,
        format!(
            "{}{}",
            client.cert_pem,
            String::from_utf8_lossy(&out.stdout)
        ),
    )
    .unwrap();
    std::fs::remove_file(&plain).unwrap();
    Some(file)
}

/// `mongotls check` as a process with the key password in an environment variable: stdout
/// and stderr in text and JSON.
fn check_with_env_password(cert: &std::path::Path, password: &str) -> Vec<(String, String)> {
    let sb = &shared().sandbox;
    let uri = format!(
        "mongodb://{}/admin?replicaSet=mongotls-sandbox&tls=true",
        sb.members().join(",")
    );
    check_in_every_format(&uri, sb, |command| {
        command
            .args(["--client-cert", &cert.display().to_string()])
            .args(["--client-key-password-env", "MTLS_REDACTION_KEY_PW"])
            .env("MTLS_REDACTION_KEY_PW", password);
    })
}

/// `check URI --ca CA` through the binary in every format, `extra` adding to each command
/// line: stdout and stderr of each run.
fn check_in_every_format(
    uri: &str,
    sb: &Sandbox,
    extra: impl Fn(&mut std::process::Command),
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for format in ["text", "json", "junit", "prometheus"] {
        let mut command = std::process::Command::new(crate::support::run::MONGOTLS);
        command
            .arg("check")
            .arg(uri)
            .args(["--ca", &sb.ca_file().display().to_string()])
            .args([
                "--timeout",
                "5s",
                "--no-plaintext-probe",
                "--format",
                format,
            ])
            .stdin(std::process::Stdio::null());
        extra(&mut command);
        let run = command.output().unwrap();
        out.push((
            format!("{format} stdout"),
            String::from_utf8_lossy(&run.stdout).into_owned(),
        ));
        out.push((
            format!("{format} stderr"),
            String::from_utf8_lossy(&run.stderr).into_owned(),
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// The client key's password, right or wrong, from the URI or from the environment, is in
    /// no report format, no error and nothing printed.
    #[test]
    fn no_output_contains_the_client_key_password(
        head in "[A-Za-z0-9]{8}",
        tail in "[!-~]{0,10}",
        right in any::<bool>(),
    ) {
        let password = format!("{head}{tail}");
        let dir = tempfile::tempdir().unwrap();
        // A right password decrypts the file; a wrong one is tried on a file encrypted under
        // another password.
        let file_password = if right { password.clone() } else { format!("other-{head}") };
        let Some(cert) = encrypted_client_cert(dir.path(), &file_password) else {
            return Ok(());
        };
        let forbidden = vec![head.clone(), password.clone(), encode(&password)];
        let sb = &shared().sandbox;
        let uri = format!(
            "mongodb://{}/admin?replicaSet=mongotls-sandbox&tls=true&tlsCertificateKeyFile={}&tlsCertificateKeyFilePassword={}",
            sb.members().join(","),
            encode(&cert.display().to_string()),
            encode(&password)
        );
        let outputs = check_outputs(&uri);
        if right {
            let json = outputs.iter().find(|(w, _)| w == "Json").map(|(_, t)| t.as_str());
            prop_assert!(
                json.is_some_and(|j| j.contains("\"encrypted_key\": true")),
                "{outputs:?}"
            );
        } else {
            prop_assert!(
                outputs.iter().any(|(w, t)| w == "error" && t.contains("does not decrypt")),
                "{outputs:?}"
            );
        }
        assert_no_secret(&outputs, &forbidden, &uri);
        assert_no_secret(&check_with_env_password(&cert, &password), &forbidden, "(env)");
    }
}

/// A sandbox with authentication on (the default users, valid certificates), shared by the
/// driver-password cases.
fn shared_auth() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| start_shared(Scenario::Good, AuthConfig::default_users(ClientAuth::None)))
}

/// `check` as users run it, with the password from `--password-env` or `--password-file`, in
/// every format: stdout and stderr of each run.
fn check_with_driver_password(password: &str, from_file: bool) -> Vec<(String, String)> {
    let sb = &shared_auth().sandbox;
    let uri = format!(
        "mongodb://{}@{}/admin?replicaSet=mongotls-sandbox&tls=true",
        mongotls::sandbox::DEFAULT_USER,
        sb.members().join(",")
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pw");
    std::fs::write(&file, format!("{password}\n")).unwrap();
    check_in_every_format(&uri, sb, |command| {
        if from_file {
            command.args(["--password-file", &file.display().to_string()]);
        } else {
            command
                .args(["--password-env", "DRIVER_REDACTION_PW"])
                .env("DRIVER_REDACTION_PW", password);
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// The password the driver stage authenticates with, from the environment or a file,
    /// right or wrong, is in no report format, no error and nothing printed; the right one
    /// authenticates (so it really reached the driver).
    #[test]
    fn no_output_contains_the_driver_password(
        head in "[A-Za-z0-9]{8}",
        tail in "[!-~]{0,10}",
        right in any::<bool>(),
        from_file in any::<bool>(),
    ) {
        let sb = &shared_auth().sandbox;
        let real = sb
            .password(mongotls::sandbox::DEFAULT_USER, mongotls::sandbox::DEFAULT_USER_DB)
            .expect("the default user's password")
            .expose()
            .to_string();
        let password = if right { real.clone() } else { format!("{head}{tail}") };
        let forbidden = if right {
            vec![real.clone(), encode(&real)]
        } else {
            vec![head.clone(), password.clone(), encode(&password)]
        };
        let outputs = check_with_driver_password(&password, from_file);
        let json = outputs
            .iter()
            .find(|(w, _)| w == "json stdout")
            .map(|(_, t)| t.as_str())
            .unwrap_or("");
        if right {
            prop_assert!(json.contains("\"user\": \"app\""), "{json}");
        } else {
            prop_assert!(json.contains("auth.failed"), "{json}");
        }
        assert_no_secret(&outputs, &forbidden, "(driver password)");
    }
}
