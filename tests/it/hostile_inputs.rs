//! Hostile inputs (issue #5), through the binary as users run it: files that are truncated,
//! malformed, huge, binary, special or unreachable; paths that are directories, symbolic link
//! loops, dangling links or not UTF-8; connection strings with every syntax error the parser
//! reports; absurd option values.
//!
//! Every run must end within [`HANG_LIMIT`] without a panic (exit 101), with exit code 2 for
//! input it cannot act on (a message on stderr naming the file or option and the problem) or
//! exit 1 with a finding naming it, and never print a password.
//!
//! What `tests/it/cli.rs` already covers through the binary is not repeated: a missing file, a
//! directory given to `ca`, a PEM block with broken base64 given to `ca`, a lone private key
//! as `verify --ca`. Tests marked `#[ignore]` document bugs in files this suite does not own;
//! each says what is wrong.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use crate::support;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::support::inputs::{
    garbage, huge_pem_block, os_args, run_bounded, run_command_bounded, shared_tempdir, shown,
    sparse_file, truncated, unused_port, write, Outcome, HANG_LIMIT,
};
use crate::support::pki::{self, files, Pki};
use tempfile::TempDir;
use time::OffsetDateTime;

/// `mongotls::pki::load::MAX_INPUT_BYTES`.
const MAX_INPUT_BYTES: u64 = mongotls::pki::load::MAX_INPUT_BYTES;
/// `mongotls::pki::bundle::MAX_ENTRIES`.
const MAX_ENTRIES: usize = mongotls::pki::bundle::MAX_ENTRIES;

fn now() -> OffsetDateTime {
    pki::whole_seconds(OffsetDateTime::now_utc())
}

/// A healthy PKI (certificates and keys in memory), and on disk, in a directory other users
/// may enter: the CA file (the root) and the chain a server presents.
struct Good {
    dir: TempDir,
    pki: Pki,
    ca: PathBuf,
    chain: PathBuf,
}

fn good() -> Good {
    let dir = shared_tempdir();
    let pki = Pki::good(now());
    let ca = write(dir.path(), "good-ca.pem", pki.root.cert_pem.as_bytes());
    let chain = write(
        dir.path(),
        "good-chain.pem",
        pki.served_chain_pem().as_bytes(),
    );
    Good {
        dir,
        pki,
        ca,
        chain,
    }
}

/// A URI nobody answers on, asking for TLS.
fn dead_uri() -> String {
    format!("mongodb://127.0.0.1:{}/?tls=true", unused_port())
}

/// `check URI --ca CA --timeout 1s --deadline 20s --no-plaintext-probe [extra]`.
fn check(uri: &str, ca: &Path, extra: &[&str]) -> Outcome {
    let mut args: Vec<OsString> = os_args(&[&"check", &uri, &"--ca", &ca]);
    args.extend(
        [
            "--timeout",
            "1s",
            "--deadline",
            "20s",
            "--no-plaintext-probe",
        ]
        .iter()
        .chain(extra)
        .map(OsString::from),
    );
    run_bounded(&args)
}

/// Which argument a hostile file is given as.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// `mongotls ca FILE`.
    Ca,
    /// `verify --ca FILE --chain GOOD`.
    VerifyCa,
    /// `verify --ca GOOD --chain FILE`.
    VerifyChain,
    /// `check URI --ca FILE`.
    CheckCa,
    /// `check URI?tlsCAFile=FILE`.
    CheckTlsCaFile,
    /// `bench URI --ca FILE`.
    BenchCa,
}

const EVERY_ROLE: [Role; 6] = [
    Role::Ca,
    Role::VerifyCa,
    Role::VerifyChain,
    Role::CheckCa,
    Role::CheckTlsCaFile,
    Role::BenchCa,
];

fn run_as(role: Role, file: &Path, good: &Good) -> Outcome {
    let uri = dead_uri();
    match role {
        Role::Ca => run_bounded(&os_args(&[&"ca", &file])),
        Role::VerifyCa => run_bounded(&os_args(&[
            &"verify",
            &"--ca",
            &file,
            &"--chain",
            &good.chain,
            &"--host",
            &pki::HOST,
        ])),
        Role::VerifyChain => run_bounded(&os_args(&[
            &"verify",
            &"--ca",
            &good.ca,
            &"--chain",
            &file,
            &"--host",
            &pki::HOST,
        ])),
        Role::CheckCa => check(&uri, file, &[]),
        Role::CheckTlsCaFile => {
            let path = file.to_str().expect("a UTF-8 path for a connection string");
            let uri = format!("{uri}&tlsCAFile={path}");
            run_bounded(&os_args(&[
                &"check",
                &uri,
                &"--timeout",
                &"1s",
                &"--no-plaintext-probe",
            ]))
        }
        Role::BenchCa => run_bounded(&os_args(&[
            &"bench",
            &uri,
            &"--ca",
            &file,
            &"--samples",
            &"1",
            &"--timeout",
            &"1s",
            &"--max-time",
            &"5s",
        ])),
    }
}

// ------------------------------------------------------------------------------------------
// Files the loader refuses (exit 2 whatever the role)
// ------------------------------------------------------------------------------------------

/// Runs `file` in every role in `roles`; each must be an input error naming the file and
/// holding every one of `problem`.
fn assert_refused_everywhere(file: &Path, roles: &[Role], problem: &[&str], good: &Good) {
    for role in roles {
        let run = run_as(*role, file, good);
        eprintln!("{role:?} {}: {}", shown(file), run.stderr.trim());
        run.assert_usage_error()
            .assert_stderr_has(&[&shown(file)])
            .assert_stderr_has(problem);
    }
}

#[test]
fn file_over_the_size_cap_is_refused_naming_the_cap() {
    let good = good();
    let big = good.dir.path().join("disk.img");
    sparse_file(&big, MAX_INPUT_BYTES + 1);
    assert_refused_everywhere(
        &big,
        &EVERY_ROLE,
        &["is too large", "16777217 bytes", "at most 16 MiB"],
        &good,
    );
}

#[test]
fn file_with_more_entries_than_the_cap_is_refused() {
    let good = good();
    // 16 MiB of one certificate, over and over (tens of thousands of copies): refused at
    // once instead of being judged pair by pair.
    let one = good.pki.root.cert_pem.as_bytes();
    let copies = usize::try_from(MAX_INPUT_BYTES).unwrap() / one.len();
    let many = write(good.dir.path(), "many.pem", &one.repeat(copies));
    assert_refused_everywhere(
        &many,
        &[Role::Ca, Role::VerifyCa, Role::CheckCa],
        &["more than 1000 certificates"],
        &good,
    );
    // The same for blocks that are all broken.
    let broken = "-----BEGIN CERTIFICATE-----\n!\n-----END CERTIFICATE-----\n";
    let blocks = write(
        good.dir.path(),
        "blocks.pem",
        broken.repeat(MAX_ENTRIES + 1).as_bytes(),
    );
    assert_refused_everywhere(
        &blocks,
        &[Role::Ca],
        &["more than 1000 certificates"],
        &good,
    );
}

#[test]
fn directory_is_refused_in_every_role() {
    let good = good();
    let dir = good.dir.path().join("certs");
    std::fs::create_dir(&dir).unwrap();
    write(&dir, "ApsaraDB-CA-Chain.pem", b"x");
    // `ca DIR` is in tests/it/cli.rs.
    assert_refused_everywhere(
        &dir,
        &EVERY_ROLE[1..],
        &["is a directory", "ApsaraDB-CA-Chain.pem"],
        &good,
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_refused() {
    let good = good();
    let (a, b) = (good.dir.path().join("a.pem"), good.dir.path().join("b.pem"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    assert_refused_everywhere(&a, &EVERY_ROLE, &["loop of symbolic links"], &good);
}

#[cfg(unix)]
#[test]
fn dangling_symlink_names_its_target() {
    let good = good();
    let link = good.dir.path().join("ca.pem");
    std::os::unix::fs::symlink("/nonexistent/ApsaraDB-CA-Chain.pem", &link).unwrap();
    assert_refused_everywhere(
        &link,
        &EVERY_ROLE,
        &[
            "is a symbolic link to /nonexistent/ApsaraDB-CA-Chain.pem",
            "does not exist",
        ],
        &good,
    );
}

#[cfg(unix)]
#[test]
fn device_is_refused() {
    let good = good();
    assert_refused_everywhere(
        Path::new("/dev/null"),
        &EVERY_ROLE,
        &["is a character device, not a regular file"],
        &good,
    );
}

/// A named pipe nobody writes to: opening it for reading would block forever.
#[cfg(unix)]
#[test]
fn fifo_without_a_writer_does_not_hang() {
    let good = good();
    let fifo = good.dir.path().join("ca.pem");
    support::inputs::mkfifo(&fifo);
    assert_refused_everywhere(&fifo, &EVERY_ROLE, &["is a pipe and gave no data"], &good);
}

/// `--ca <(command)`: a pipe with a writer is read.
#[cfg(unix)]
#[test]
fn fifo_with_a_writer_is_read() {
    let good = good();
    let fifo = good.dir.path().join("ca.pem");
    support::inputs::mkfifo(&fifo);
    let pem = good.pki.root.cert_pem.clone();
    let writer = {
        let fifo = fifo.clone();
        // Opening for writing waits for the reader: started first, as a shell would.
        std::thread::spawn(move || std::fs::write(&fifo, pem))
    };
    let run = run_bounded(&os_args(&[&"ca", &fifo, &"--format", &"json"]));
    run.assert_exit(0);
    writer.join().unwrap().unwrap();
    assert_eq!(certificates_in(&run), 1);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_refused_even_for_root() {
    use crate::support::inputs::{chmod, unprivileged, Unprivileged};

    let good = good();
    let secret = write(good.dir.path(), "ca.pem", good.pki.root.cert_pem.as_bytes());
    chmod(&secret, 0o000);
    let as_nobody = match unprivileged(good.dir.path()) {
        Unprivileged::AsIs => false,
        Unprivileged::Wrapped(_) => true,
        Unprivileged::Impossible(why) => {
            assert!(std::env::var_os("CI").is_none(), "{why}");
            eprintln!("skipped: {why}");
            return;
        }
    };
    let (ca, chain) = (good.ca.clone(), good.chain.clone());
    let uri = dead_uri();
    let cases: [Vec<OsString>; 3] = [
        os_args(&[&"ca", &secret]),
        os_args(&[&"verify", &"--ca", &ca, &"--chain", &secret]),
        os_args(&[&"check", &uri, &"--ca", &secret, &"--timeout", &"1s"]),
    ];
    for args in cases {
        let run = match unprivileged(good.dir.path()) {
            Unprivileged::Wrapped(setpriv) if as_nobody => run_command_bounded(setpriv, &args),
            _ => run_bounded(&args),
        };
        eprintln!("{}", run.stderr.trim());
        run.assert_usage_error().assert_stderr_has(&[
            &shown(&secret),
            "permission denied",
            "readable",
        ]);
    }
    // The same file, readable again, is fine: it was the permission, not the content.
    chmod(&secret, 0o644);
    run_bounded(&os_args(&[&"verify", &"--ca", &secret, &"--chain", &chain])).assert_exit(0);
}

#[cfg(unix)]
#[test]
fn non_utf8_paths_are_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;

    let good = good();
    let name = std::ffi::OsStr::from_bytes(b"ca-\xff.pem");
    let lossy = "ca-\u{FFFD}.pem";

    let missing = good.dir.path().join(name);
    for role in [Role::Ca, Role::VerifyCa, Role::VerifyChain, Role::CheckCa] {
        run_as(role, &missing, &good)
            .assert_usage_error()
            .assert_stderr_has(&[lossy, "no such file"]);
    }

    let existing = write(good.dir.path(), name, good.pki.root.cert_pem.as_bytes());
    let run = run_as(Role::Ca, &existing, &good);
    run.assert_exit(0).assert_stdout_has(&[lossy]);
    run_as(Role::VerifyCa, &existing, &good).assert_exit(0);
    // Content problems name it too.
    let broken = good
        .dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"broken-\xfe.pem"));
    std::fs::write(&broken, b"not a certificate").unwrap();
    run_as(Role::Ca, &broken, &good)
        .assert_exit(1)
        .assert_stdout_has(&["broken-\u{FFFD}.pem", "ca.unsupported_format"]);
    run_as(Role::VerifyCa, &broken, &good)
        .assert_usage_error()
        .assert_stderr_has(&["broken-\u{FFFD}.pem", "no usable CA certificate"]);
}

// ------------------------------------------------------------------------------------------
// Files that are read but hold no usable certificate: a finding for `ca` (exit 1), an input
// error where a certificate is required (exit 2)
// ------------------------------------------------------------------------------------------

/// `ca FILE` exits 1 with a finding naming the file and `problem`; `verify --ca`, `verify
/// --chain` and `check --ca` exit 2 naming the file.
fn assert_unusable(file: &Path, code: &str, problem: &str, good: &Good) {
    let name = shown(file);
    let run = run_as(Role::Ca, file, good);
    eprintln!(
        "{name}: {}",
        run.stdout.lines().find(|l| l.contains(code)).unwrap_or("")
    );
    run.assert_exit(1)
        .assert_stdout_has(&[&name, code, problem]);
    run_as(Role::VerifyCa, file, good)
        .assert_usage_error()
        .assert_stderr_has(&[&name, "no usable CA certificate", "mongotls ca"]);
    run_as(Role::VerifyChain, file, good)
        .assert_usage_error()
        .assert_stderr_has(&[&name, "no certificate to verify"]);
    run_as(Role::CheckCa, file, good)
        .assert_usage_error()
        .assert_stderr_has(&[&name, "no usable CA certificate"]);
}

#[test]
fn truncated_der_is_cut_short_at_every_offset() {
    let good = good();
    let der = &good.pki.root.cert_der;
    let half = der.len() / 2;
    for len in [2, 3, 4, 5, 10, half, der.len() - 1] {
        let file = write(
            good.dir.path(),
            format!("cut-{len}.der"),
            &truncated(der, len),
        );
        assert_unusable(&file, "ca.parse_error", "cut short", &good);
    }
    // One byte, 0x30, is the text "0".
    let one = write(good.dir.path(), "cut-1.der", &truncated(der, 1));
    assert_unusable(
        &one,
        "ca.unsupported_format",
        "text without any PEM block",
        &good,
    );
}

#[test]
fn truncated_pem_is_cut_short() {
    let good = good();
    let pem = good.pki.root.cert_pem.as_bytes();
    // Cut inside the base64: the END line is missing.
    let cut = write(good.dir.path(), "cut.pem", &truncated(pem, pem.len() / 2));
    assert_unusable(
        &cut,
        "ca.parse_error",
        "missing -----END CERTIFICATE----- line",
        &good,
    );
    // A base64 line lost in the middle.
    let mut lines: Vec<&str> = good.pki.root.cert_pem.lines().collect();
    lines.remove(3);
    let lost = write(
        good.dir.path(),
        "lost-line.pem",
        format!("{}\n", lines.join("\n")).as_bytes(),
    );
    assert_unusable(
        &lost,
        "ca.parse_error",
        "could not be read as a certificate",
        &good,
    );
}

#[test]
fn malformed_pem_names_the_line() {
    let good = good();
    let cases: [(&str, String, &str); 4] = [
        (
            "bad-base64.pem",
            good.pki.root.cert_pem.replacen("MII", "M*I", 1),
            "'*' is not a base64 character",
        ),
        (
            "no-end.pem",
            good.pki
                .root
                .cert_pem
                .replace("-----END CERTIFICATE-----", ""),
            "missing -----END CERTIFICATE----- line",
        ),
        (
            "wrong-end.pem",
            good.pki
                .root
                .cert_pem
                .replace("END CERTIFICATE", "END PRIVATE KEY"),
            "closed by -----END PRIVATE KEY-----",
        ),
        (
            "one-line.pem",
            good.pki.root.cert_pem.replace('\n', " "),
            "as if the line breaks were lost",
        ),
    ];
    for (name, text, problem) in cases {
        let file = write(good.dir.path(), name, text.as_bytes());
        assert_unusable(&file, "ca.parse_error", problem, &good);
    }
}

#[test]
fn huge_pem_body_is_judged_not_choked_on() {
    let good = good();
    // Well-formed PEM of 12 MiB of base64: under the size cap, read and refused as a
    // certificate, in seconds.
    let file = write(
        good.dir.path(),
        "huge.pem",
        &huge_pem_block(12 * 1024 * 1024),
    );
    let run = run_as(Role::Ca, &file, &good);
    run.assert_exit(1)
        .assert_stdout_has(&[&shown(&file), "ca.parse_error", "not a valid X.509"]);
    run_as(Role::VerifyCa, &file, &good)
        .assert_usage_error()
        .assert_stderr_has(&[&shown(&file), "no usable CA certificate"]);
    // Millions of line breaks inside a block (one slice per line once took 760 MB).
    let mut lines = b"-----BEGIN CERTIFICATE-----\n".to_vec();
    lines.extend(std::iter::repeat_n(b'\n', 8 * 1024 * 1024));
    lines.extend_from_slice(b"-----END CERTIFICATE-----\n");
    let file = write(good.dir.path(), "lines.pem", &lines);
    run_as(Role::Ca, &file, &good)
        .assert_exit(1)
        .assert_stdout_has(&["ca.parse_error", "no base64 text"]);
}

#[test]
fn binary_garbage_is_named_as_such() {
    let good = good();
    let file = write(
        good.dir.path(),
        "garbage.bin",
        &garbage(64 * 1024, Some(0x00)),
    );
    assert_unusable(&file, "ca.unsupported_format", "binary data", &good);
    // Garbage that starts like DER (a SEQUENCE tag).
    let file = write(
        good.dir.path(),
        "garbage.der",
        &garbage(64 * 1024, Some(0x30)),
    );
    assert_unusable(
        &file,
        "ca.parse_error",
        "could not be read as a certificate",
        &good,
    );
    // A DER header that announces 4 GiB.
    let mut huge_header = b"\x30\x84\xff\xff\xff\xff".to_vec();
    huge_header.extend(garbage(100, None));
    let file = write(good.dir.path(), "4gib.der", &huge_header);
    assert_unusable(&file, "ca.parse_error", "announces 4294967301 bytes", &good);
}

#[test]
fn empty_file_where_a_certificate_is_required() {
    // `ca EMPTY` is in tests/it/cli.rs.
    let good = good();
    let file = write(good.dir.path(), "empty.pem", &files::empty());
    run_as(Role::VerifyCa, &file, &good)
        .assert_usage_error()
        .assert_stderr_has(&[&shown(&file), "no usable CA certificate", "empty"]);
    run_as(Role::CheckCa, &file, &good)
        .assert_usage_error()
        .assert_stderr_has(&[&shown(&file), "no usable CA certificate"]);
}

#[test]
fn private_key_as_the_ca_file_is_refused_and_never_printed() {
    let good = good();
    let key_pem = good.pki.leaf.key_pem.clone();
    let key = write(good.dir.path(), "server.key", key_pem.as_bytes());
    let key_der = write(
        good.dir.path(),
        "server.key.der",
        &good.pki.leaf.key_pkcs8_der,
    );
    let body: Vec<&str> = key_pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert!(!body.is_empty());
    for file in [&key, &key_der] {
        let runs = [
            run_as(Role::Ca, file, &good),
            run_as(Role::CheckCa, file, &good),
            run_as(Role::VerifyCa, file, &good),
            run_as(Role::BenchCa, file, &good),
        ];
        runs[0]
            .assert_exit(1)
            .assert_stdout_has(&["ca.contains_private_key", &shown(file)]);
        for run in &runs[1..] {
            run.assert_usage_error()
                .assert_stderr_has(&[&shown(file), "private key"]);
        }
        for run in &runs {
            for line in &body {
                run.assert_hides(line);
            }
        }
    }
}

/// The chain file may hold the key (a MongoDB PEMKeyFile): a key alone is no chain.
#[test]
fn private_key_alone_as_the_chain_is_refused() {
    let good = good();
    let key = write(
        good.dir.path(),
        "server.key",
        good.pki.leaf.key_pem.as_bytes(),
    );
    run_as(Role::VerifyChain, &key, &good)
        .assert_usage_error()
        .assert_stderr_has(&[&shown(&key), "no certificate to verify", "private key"]);
}

#[test]
fn tls_certificate_key_file_problems_name_the_file() {
    let good = good();
    let uri = dead_uri();
    let dir = good.dir.path().join("client");
    std::fs::create_dir(&dir).unwrap();
    let big = good.dir.path().join("client.img");
    sparse_file(&big, MAX_INPUT_BYTES + 1);
    let not_pem = write(good.dir.path(), "client.bin", &garbage(1000, Some(0)));
    for file in [&dir, &big, &not_pem, &good.dir.path().join("missing.pem")] {
        let uri = format!("{uri}&tlsCertificateKeyFile={}", file.display());
        check(&uri, &good.ca, &[])
            .assert_usage_error()
            .assert_stderr_has(&["tlsCertificateKeyFile", &shown(file)]);
    }
}

// ------------------------------------------------------------------------------------------
// Connection strings
// ------------------------------------------------------------------------------------------

/// One connection string: what it must give.
struct UriCase {
    uri: String,
    /// 2: refused before any network; 1: accepted (with a warning), then the dead port fails.
    exit: i32,
    /// Every one must be in the output (stderr for exit 2, stdout for exit 1).
    says: Vec<&'static str>,
    /// Must be in no output.
    secret: Option<&'static str>,
}

fn refused(uri: String, says: &[&'static str]) -> UriCase {
    UriCase {
        uri,
        exit: 2,
        says: says.to_vec(),
        secret: None,
    }
}

fn refused_hiding(uri: String, says: &[&'static str], secret: &'static str) -> UriCase {
    UriCase {
        secret: Some(secret),
        ..refused(uri, says)
    }
}

fn accepted(uri: String, says: &[&'static str], secret: Option<&'static str>) -> UriCase {
    UriCase {
        uri,
        exit: 1,
        says: says.to_vec(),
        secret,
    }
}

/// Every kind of error the parser reports (each `UriError` variant at least once), and
/// warnings; messages must point at the part.
fn uri_cases(port: u16) -> Vec<UriCase> {
    let h = format!("127.0.0.1:{port}");
    vec![
        // scheme
        refused(String::new(), &["empty connection string"]),
        refused("   ".into(), &["empty connection string"]),
        refused(format!("http://{h}/"), &["unsupported scheme 'http://'", "mongodb://"]),
        refused(format!("mongo://{h}/"), &["unsupported scheme 'mongo://'"]),
        refused(h.clone(), &["missing scheme", "mongodb://"]),
        refused(format!("mongodb:/{h}/"), &["malformed scheme", "two slashes"]),
        refused_hiding(
            "mongodb+srv://admin:Sup3rS3cretPw@cluster0.example.net,c1.example.net/?tls=true"
                .into(),
            &["mongodb+srv:// takes exactly one host name, got 2"],
            "Sup3rS3cretPw",
        ),
        // hosts
        refused("mongodb://".into(), &["empty host list"]),
        refused("mongodb:///?tls=true".into(), &["empty host list"]),
        refused_hiding(
            "mongodb://admin:Sup3rS3cretPw@/".into(),
            &["empty host list"],
            "Sup3rS3cretPw",
        ),
        refused(
            format!("mongodb://{h},,db2.example/"),
            &["empty host at position 2", ",,db2.example'", "remove the extra ','"],
        ),
        refused(format!("mongodb://:{port}/"), &["missing host name in ':"]),
        refused(
            "mongodb://localhost::27017/".into(),
            &["too many ':' in 'localhost::27017'"],
        ),
        refused(
            "mongodb://db.example:0/".into(),
            &["port 0 out of range in 'db.example:0'", "1 to 65535"],
        ),
        refused(
            "mongodb://db.example:65536/".into(),
            &["port 65536 out of range in 'db.example:65536'"],
        ),
        refused(
            "mongodb://db.example:99999999999999999999/".into(),
            &["port 99999999999999999999 out of range"],
        ),
        refused(
            "mongodb://db.example:abc/".into(),
            &["port 'abc' in 'db.example:abc' is not a number"],
        ),
        refused(
            "mongodb://db.example:-1/".into(),
            &["port '-1' in 'db.example:-1' is not a number"],
        ),
        refused(
            "mongodb://db.example:/".into(),
            &["missing port after ':' in 'db.example:'"],
        ),
        refused(
            "mongodb://[::1:27017/".into(),
            &["invalid IPv6 literal '[::1:27017'", "missing ']'"],
        ),
        refused(
            "mongodb://::1]:27017/".into(),
            &["invalid IPv6 literal '::1]:27017'", "']' without '['"],
        ),
        refused(
            "mongodb://[::1]x/".into(),
            &["invalid IPv6 literal '[::1]x'", "unexpected text after ']'"],
        ),
        refused(
            "mongodb://[db.example]:27017/".into(),
            &["'[db.example]:27017'", "not an IPv6 address"],
        ),
        refused(
            "mongodb://[fe80::1%25eth0]:27017/".into(),
            &["IPv6 zone ids are not supported in '[fe80::1%25eth0]:27017'"],
        ),
        refused(
            "mongodb://::1/".into(),
            &["IPv6 address '::1' must be in brackets", "[::1]:27017"],
        ),
        refused(
            "mongodb://256.1.1.1/".into(),
            &["'256.1.1.1' is not a valid IPv4 address"],
        ),
        refused(
            "mongodb://bad_host!/".into(),
            &["invalid host name 'bad_host!'", "'!' is not allowed"],
        ),
        refused(
            "mongodb://-db.example/".into(),
            &["invalid host name '-db.example'", "starts or ends with '-'"],
        ),
        refused(
            "mongodb://%2Ftmp%2Fmongodb-27017.sock/".into(),
            &["unix domain sockets are not supported", "/tmp/mongodb-27017.sock"],
        ),
        // Control characters are quoted as escapes, never sent to the terminal.
        refused(
            format!("mongodb://db\n.example:{port}/"),
            &["invalid host name 'db\\n.example'"],
        ),
        refused(
            format!("mongodb://db\u{1b}[2J.example:{port}/"),
            &["invalid host name 'db\\u{1b}[2J.example'"],
        ),
        // user information
        refused_hiding(
            format!("mongodb://admin:Sup3r@S3cretPw@{h}/"),
            &["unescaped '@'", "%40"],
            "S3cretPw",
        ),
        refused_hiding(
            format!("mongodb://admin:Sup3r:S3cretPw@{h}/"),
            &["unescaped ':'", "%3A"],
            "S3cretPw",
        ),
        refused_hiding(
            format!("mongodb://admin:Sup3r/S3cretPw@{h}/"),
            &["'@' after the host list", "%2F"],
            "S3cretPw",
        ),
        refused_hiding(
            format!("mongodb://admin:Sup3r?S3cretPw@{h}"),
            &["a '/' is required between the host list and the options", "%3F"],
            "S3cretPw",
        ),
        refused_hiding(
            "mongodb://admin:Sup3rS3cretPw/?appName=a@b".into(),
            &["details withheld", "%2F"],
            "Sup3rS3cretPw",
        ),
        refused_hiding(
            format!("mongodb://:Sup3rS3cretPw@{h}/"),
            &["empty user name before '@'"],
            "Sup3rS3cretPw",
        ),
        refused_hiding(
            format!("mongodb://ad%zzmin:Sup3rS3cretPw@{h}/"),
            &["'%zz' is not valid percent-encoding in the user name", "character 3"],
            "Sup3rS3cretPw",
        ),
        refused_hiding(
            format!("mongodb://admin:Sup3r%zzS3cretPw@{h}/"),
            &["invalid percent-encoding in the password (not shown)", "character 6"],
            "S3cretPw",
        ),
        refused_hiding(
            format!("mongodb://admin:Sup3r%FFS3cretPw@{h}/"),
            &["password (not shown)", "UTF-8"],
            "S3cretPw",
        ),
        // database
        refused(
            format!("mongodb://{h}/db$x"),
            &["database name 'db$x' contains '$'"],
        ),
        refused(
            format!("mongodb://{h}/db%zz"),
            &["'%zz' is not valid percent-encoding in the database name"],
        ),
        // options
        refused(
            format!("mongodb://{h}?tls=true"),
            &["a '/' is required between the host list and the options"],
        ),
        refused(format!("mongodb://{h}/?tls"), &["option 'tls' has no '='"]),
        refused_hiding(
            format!("mongodb://{h}/?tlsCertificateKeyFilePassword=Sup3rS3cretPw&tls"),
            &["an option has no '='", "not shown"],
            "Sup3rS3cretPw",
        ),
        refused(format!("mongodb://{h}/?=x"), &["empty name"]),
        refused(
            format!("mongodb://{h}/?appName=%zz"),
            &["'%zz' is not valid percent-encoding in the value of option 'appName'"],
        ),
        refused(
            format!("mongodb://{h}/?appName=%C3%28"),
            &["value of option 'appName'", "UTF-8"],
        ),
        refused(
            format!("mongodb://{h}/?%zz=1"),
            &["not valid percent-encoding in the option name"],
        ),
        refused_hiding(
            format!("mongodb://{h}/?tlsCertificateKeyFilePassword=Sup3r%zzS3cretPw"),
            &["option 'tlsCertificateKeyFilePassword' (not shown)"],
            "S3cretPw",
        ),
        refused_hiding(
            format!("mongodb://{h}/?proxyPassword=Sup3r%zzS3cretPw"),
            &["option 'proxyPassword' (not shown)"],
            "S3cretPw",
        ),
        refused(
            format!("mongodb://{h}/?tls=yes"),
            &["option 'tls' needs true or false, got 'yes'"],
        ),
        refused(
            format!("mongodb://{h}/?tlsInsecure=1"),
            &["option 'tlsInsecure' needs true or false, got '1'"],
        ),
        refused(
            format!("mongodb://{h}/?connectTimeoutMS=-5"),
            &["option 'connectTimeoutMS' needs a non-negative integer, got '-5'"],
        ),
        refused(
            format!("mongodb://{h}/?serverSelectionTimeoutMS=abc"),
            &["option 'serverSelectionTimeoutMS' needs a non-negative integer, got 'abc'"],
        ),
        refused(
            format!("mongodb://{h}/?connectTimeoutMS=99999999999999999999999"),
            &["got '99999999999999999999999'"],
        ),
        refused(
            format!("mongodb://{h}/?authMechanism=MONGODB-CR"),
            &["authMechanism 'MONGODB-CR'", "removed in MongoDB 4.0"],
        ),
        refused(
            format!("mongodb://{h}/?tls=true&ssl=false"),
            &["'tls=true' conflicts with 'ssl=false'"],
        ),
        refused(
            format!("mongodb://{h}/?tlsInsecure=true&tlsAllowInvalidCertificates=true"),
            &["'tlsInsecure' cannot be combined with 'tlsAllowInvalidCertificates'"],
        ),
        refused(
            format!("mongodb://{h},db2.example/?directConnection=true"),
            &["directConnection=true needs exactly one host, got 2"],
        ),
        refused(
            format!("mongodb://{h}/?tls=tr\u{1b}[31mue"),
            &["got 'tr\\u{1b}[31mue'"],
        ),
        // More seeds than a replica set has members (settings, before any network).
        refused(
            format!(
                "mongodb://{}/",
                (0..51)
                    .map(|i| format!("db{i}.example"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            &["lists 51 hosts"],
        ),
        // Accepted with warnings (findings): the dead port then fails the run.
        accepted(
            format!("mongodb://{h}/?tls=true&tlsCAFlie=ca.pem"),
            &["uri.unknown_option", "'tlsCAFlie'", "did you mean 'tlsCAFile'"],
            None,
        ),
        accepted(
            format!("mongodb://{h}/?tls=true&tls=true"),
            &["uri.warning", "option 'tls' is given more than once"],
            None,
        ),
        accepted(
            format!("mongodb://{h},{h}/?tls=true"),
            &["is listed more than once"],
            None,
        ),
        accepted(
            format!("mongodb://{h}/?tls=false"),
            &["does not ask for TLS"],
            None,
        ),
        accepted(
            format!("mongodb://{h}/?tls=true&app%1B%5B2JName=x"),
            &["unknown option 'app\\u{1b}[2JName'"],
            None,
        ),
        // '?' in a password followed by '/' is unambiguous (the spec's parse): accepted.
        accepted(
            format!("mongodb://admin:Sup3r?S3cretPw@{h}/?tls=true"),
            &["mongodb://admin:****@"],
            Some("S3cretPw"),
        ),
        accepted(
            format!(
                "mongodb://admin:Sup3rS3cretPw@{h}/?tls=true&tlsCertificateKeyFilePassword=K3yS3cret&proxyPassword=Pr0xyS3cret"
            ),
            &["mongodb://admin:****@", "tlsCertificateKeyFilePassword=****"],
            Some("S3cret"),
        ),
    ]
}

#[test]
fn every_connection_string_error_points_at_the_problem_and_hides_the_password() {
    let good = good();
    let port = unused_port();
    for case in uri_cases(port) {
        assert!(
            !case.uri.contains("S3cret") || case.secret.is_some(),
            "{:?} holds a password: say which, so that its absence is checked",
            case.uri
        );
        let formats: &[&str] = if case.exit == 1 && case.secret.is_some() {
            &["text", "json"]
        } else {
            &["text"]
        };
        for format in formats {
            let run = check(&case.uri, &good.ca, &["--format", format]);
            eprintln!("{:?} -> {}", case.uri, run.stderr.trim());
            if case.exit == 2 {
                run.assert_usage_error()
                    .assert_stderr_has(&["connection string"])
                    .assert_stderr_has(&case.says);
                // One line: nothing quoted broke it.
                assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
            } else {
                run.assert_exit(1);
                if *format == "text" {
                    run.assert_stdout_has(&case.says);
                }
            }
            assert!(
                !run.output().contains('\u{1b}'),
                "{:?}: a raw escape character reached the output",
                case.uri
            );
            if let Some(secret) = case.secret {
                run.assert_hides(secret);
            }
        }
    }
}

/// `bench` parses the same way: its errors name the connection string too.
#[test]
fn bench_refuses_the_same_connection_strings() {
    let port = unused_port();
    for case in uri_cases(port).into_iter().filter(|c| c.exit == 2) {
        let run = run_bounded(&["bench", &case.uri, "--samples", "1", "--timeout", "1s"]);
        run.assert_usage_error();
        if !case.says.iter().any(|s| s.contains("lists 51 hosts")) {
            run.assert_stderr_has(&case.says);
        }
        if let Some(secret) = case.secret {
            run.assert_hides(secret);
        }
    }
    // --plain-uri too, named as such.
    let run = run_bounded(&[
        "bench",
        &format!("mongodb://127.0.0.1:{port}/?tls=true"),
        "--plain-uri",
        "mongodb://admin:Sup3r@S3cretPw@h/",
    ]);
    run.assert_usage_error()
        .assert_stderr_has(&["--plain-uri", "unescaped '@'"])
        .assert_hides("S3cretPw");
}

// ------------------------------------------------------------------------------------------
// Absurd option values
// ------------------------------------------------------------------------------------------

/// `check` options: each refused with exit 2, naming the option and the problem.
const CHECK_OPTIONS: &[(&[&str], &[&str])] = &[
    (&["--timeout=-1s"], &["--timeout", "negative"]),
    (&["--timeout", "0"], &["--timeout", "no unit"]),
    (
        &["--timeout", "0s"],
        &["--timeout 0s is out of range", "above 0"],
    ),
    (&["--timeout", "10y"], &["--timeout", "unknown unit 'y'"]),
    (
        &["--timeout", "abc"],
        &["--timeout", "'abc' is not a duration"],
    ),
    (&["--timeout", "25h"], &["--timeout", "longer than 24h"]),
    (
        &["--timeout", "6m"],
        &["--timeout 6m is out of range", "at most 5m"],
    ),
    (&["--timeout", ""], &["--timeout", "empty duration"]),
    (&["--deadline", "0s"], &["--deadline 0s is out of range"]),
    (
        &["--deadline", "2h"],
        &["--deadline 2h is out of range", "at most 1h"],
    ),
    (
        &["--max-connections", "0"],
        &["--max-connections 0 is out of range"],
    ),
    (
        &["--max-connections", "100000"],
        &["--max-connections 100000"],
    ),
    (&["--max-connections=-1"], &["--max-connections"]),
    (&["--warn-days=-5"], &["--warn-days -5 is out of range"]),
    (
        &["--warn-days", "36501"],
        &["--warn-days 36501 is out of range"],
    ),
    (&["--warn-days", "99999999999999999999"], &["--warn-days"]),
    (&["--warn-days", "abc"], &["--warn-days"]),
    (
        &["--at", "notadate"],
        &["--at 'notadate' is not a time", "RFC 3339"],
    ),
    (
        &["--at", "2027-13-45"],
        &["--at '2027-13-45' is not a time"],
    ),
    (&["--server-name", "a..b"], &["--server-name", "'a..b'"]),
    (&["--server-name", "db.example:27017"], &["--server-name"]),
    (&["--format", "xml"], &["--format"]),
];

/// `bench` options: each refused with exit 2, naming the option.
const BENCH_OPTIONS: &[(&[&str], &[&str])] = &[
    (&["--samples", "0"], &["--samples 0 is out of range"]),
    (
        &["--samples", "1000001"],
        &["--samples 1000001 is out of range"],
    ),
    (&["--samples=-1"], &["--samples"]),
    (&["--samples", "99999999999999999999999"], &["--samples"]),
    (&["--warmup", "1000000000"], &["--warmup", "at most 1000"]),
    (&["--warmup=-1"], &["--warmup"]),
    (
        &["--concurrency", "0"],
        &["--concurrency 0 is out of range"],
    ),
    (
        &["--concurrency", "100000"],
        &["--concurrency 100000 is out of range"],
    ),
    (
        &["--concurrency", "99999999999999999999999"],
        &["--concurrency"],
    ),
    (
        &["--payload-sizes", "0,-1,1TiB"],
        &["--payload-sizes", "0 is out of range"],
    ),
    (
        &["--payload-sizes=-1"],
        &["--payload-sizes", "'-1' is not a size"],
    ),
    (
        &["--payload-sizes", "1TiB"],
        &["--payload-sizes", "unknown unit"],
    ),
    (
        &["--payload-sizes", "16MiB"],
        &["--payload-sizes", "out of range"],
    ),
    (
        &["--payload-sizes", "99999999999999999999999"],
        &["--payload-sizes"],
    ),
    (&["--max-time", "0"], &["--max-time", "no unit"]),
    // One rule for every duration option, check's and bench's alike (bench used to say
    // "--max-time must be above 0", "--timeout is at most 5m").
    (
        &["--max-time", "0s"],
        &["--max-time 0s is out of range", "above 0"],
    ),
    (&["--max-time=-1s"], &["--max-time", "negative"]),
    (&["--max-time", "25h"], &["--max-time", "longer than 24h"]),
    (
        &["--timeout", "0s"],
        &["--timeout 0s is out of range", "above 0"],
    ),
    (&["--timeout", "10y"], &["--timeout", "unknown unit 'y'"]),
    (
        &["--timeout", "6m"],
        &["--timeout 6m is out of range", "at most 5m"],
    ),
    (
        &["--member", "db9.example:1"],
        &["--member db9.example:1 is not in"],
    ),
    (&["--server-name", "a..b"], &["--server-name"]),
    (&["--format", "xml"], &["--format"]),
];

#[test]
fn absurd_check_options_name_the_option() {
    let good = good();
    let uri = dead_uri();
    for (extra, says) in CHECK_OPTIONS {
        let mut args: Vec<OsString> = os_args(&[&"check", &uri, &"--ca", &good.ca]);
        args.extend(extra.iter().map(OsString::from));
        let run = run_bounded(&args);
        eprintln!("{extra:?} -> {}", run.stderr.lines().next().unwrap_or(""));
        run.assert_usage_error().assert_stderr_has(says);
    }
}

#[test]
fn absurd_bench_options_name_the_option() {
    let uri = dead_uri();
    for (extra, says) in BENCH_OPTIONS {
        let mut args = vec!["bench", uri.as_str()];
        args.extend_from_slice(extra);
        let run = run_bounded(&args);
        eprintln!("{extra:?} -> {}", run.stderr.lines().next().unwrap_or(""));
        run.assert_usage_error().assert_stderr_has(says);
    }
}

/// A negative value written as a separate argument (`--timeout -1s`) is read by clap as a
/// flag: exit 2 today, but the message names '-1', not the option.
const SEPARATE_NEGATIVES: &[(&str, &[&str])] = &[
    ("check", &["--timeout", "-1s"]),
    ("check", &["--deadline", "-1s"]),
    ("check", &["--warn-days", "-5"]),
    ("check", &["--max-connections", "-1"]),
    ("bench", &["--samples", "-1"]),
    ("bench", &["--max-time", "-1s"]),
    ("bench", &["--payload-sizes", "-1"]),
];

fn run_separate_negative(command: &str, extra: &[&str], good: &Good) -> Outcome {
    let uri = dead_uri();
    let mut args: Vec<OsString> = os_args(&[&command, &uri]);
    if command == "check" {
        args.extend(os_args(&[&"--ca", &good.ca]));
    }
    args.extend(extra.iter().map(OsString::from));
    run_bounded(&args)
}

#[test]
fn negative_values_as_separate_arguments_are_usage_errors() {
    let good = good();
    for (command, extra) in SEPARATE_NEGATIVES {
        run_separate_negative(command, extra, &good).assert_usage_error();
    }
}

#[test]
fn negative_values_as_separate_arguments_name_the_option() {
    let good = good();
    for (command, extra) in SEPARATE_NEGATIVES {
        run_separate_negative(command, extra, &good)
            .assert_usage_error()
            .assert_stderr_has(&[extra[0]]);
    }
}

// ------------------------------------------------------------------------------------------
// Bugs outside this suite's files
// ------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn tls_certificate_key_file_fifo_does_not_hang() {
    let good = good();
    let fifo = good.dir.path().join("client.pem");
    support::inputs::mkfifo(&fifo);
    let uri = format!("{}&tlsCertificateKeyFile={}", dead_uri(), fifo.display());
    check(&uri, &good.ca, &[])
        .assert_usage_error()
        .assert_stderr_has(&["tlsCertificateKeyFile", &shown(&fifo), "pipe"]);
}

#[cfg(unix)]
#[test]
fn export_json_to_a_fifo_without_a_reader_does_not_hang() {
    let good = good();
    let fifo = good.dir.path().join("bench.json");
    support::inputs::mkfifo(&fifo);
    let uri = dead_uri();
    let run = run_bounded(&os_args(&[
        &"bench",
        &uri,
        &"--samples",
        &"1",
        &"--timeout",
        &"1s",
        &"--export-json",
        &fifo,
    ]));
    run.assert_exit(2)
        .assert_stderr_has(&["--export-json", &shown(&fifo)]);
}

#[test]
fn hundreds_of_identical_certificates_are_judged_quickly() {
    let good = good();
    let bundle = good.pki.root.cert_pem.repeat(500);
    let file = write(good.dir.path(), "dups.pem", bundle.as_bytes());
    let run = run_as(Role::Ca, &file, &good);
    eprintln!("{:?}", run.elapsed);
    run.assert_exit(0).assert_stdout_has(&["ca.duplicate"]);
    assert!(
        run.elapsed < HANG_LIMIT,
        "took {:?} (limit {HANG_LIMIT:?})",
        run.elapsed
    );
}

/// How many certificates a `--format json` report of `ca` lists.
fn certificates_in(run: &Outcome) -> usize {
    let report: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    report["certificates"].as_array().map_or(0, Vec::len)
}

/// `check --targets` and `serve --targets` on a named pipe nobody writes to: a usage error
/// naming the file, not a hang (the targets file is read as every input is).
#[cfg(unix)]
#[test]
fn targets_file_on_a_fifo_without_a_writer_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fleet.toml");
    support::inputs::mkfifo(&fifo);
    for command in ["check", "serve"] {
        let run = run_bounded(&os_args(&[&command, &"--targets", &fifo]));
        run.assert_exit(2);
        assert!(
            run.stderr.contains("cannot read the targets file"),
            "{}",
            run.stderr
        );
    }
}
