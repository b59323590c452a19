//! Hostile inputs for the binary: files that are not what they claim (truncated, garbage,
//! huge, special), paths that lead nowhere, and a way to run `mongotls` as an unprivileged
//! user so that an unreadable file is unreadable even when the tests run as root.
//!
//! [`run_bounded`] runs the binary like `support::run::mongotls`, but kills it after
//! [`HANG_LIMIT`] and reports that as a hang instead of waiting forever; [`Outcome`] holds
//! what it printed and has the assertions every hostile input shares: no panic, the expected
//! exit code, the file or option named.

// Not every test binary that includes `support` uses every helper, and a fixture that cannot
// be built should fail the test loudly.
#![allow(
    dead_code,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::print_stderr
)]

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::run::{text, MONGOTLS};

/// A run still going after this long is a hang: every input here is refused or judged in a
/// few seconds, network phases are bounded by `--timeout 1s`.
pub const HANG_LIMIT: Duration = Duration::from_secs(30);

/// The user and group an unreadable-file test runs as when the tests run as root
/// (`nobody`/`nogroup` on Debian and Ubuntu).
pub const UNPRIVILEGED_ID: u32 = 65534;

/// What a bounded run gave.
#[derive(Debug)]
pub struct Outcome {
    /// The command line, for messages.
    pub args: Vec<String>,
    /// Exit code; `None` when killed by a signal (including after a hang).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Killed after `limit`.
    pub hung: bool,
    pub elapsed: Duration,
    /// The hang limit it ran under.
    pub limit: Duration,
}

impl Outcome {
    /// stdout as JSON; fails the test when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}) from {:?}:\n{}\nstderr:\n{}",
                self.args, self.stdout, self.stderr
            )
        })
    }

    /// stdout and stderr together.
    pub fn output(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }

    /// Finished in time, without a panic, with exit code `code`.
    pub fn assert_exit(&self, code: i32) -> &Self {
        assert!(
            !self.hung,
            "hang: {:?} still running after {:?}; stderr so far:\n{}",
            self.args, self.limit, self.stderr
        );
        assert!(
            !self.output().contains("panicked"),
            "panic in {:?}:\n{}",
            self.args,
            self.output()
        );
        assert_ne!(self.code, Some(101), "panic exit code: {:?}", self.args);
        assert_eq!(
            self.code,
            Some(code),
            "exit code of {:?}\nstdout:\n{}\nstderr:\n{}",
            self.args,
            self.stdout,
            self.stderr
        );
        self
    }

    /// A usage or input error: exit 2, nothing on stdout, and `mongotls: error: ` or clap's
    /// `error: ` on stderr.
    pub fn assert_usage_error(&self) -> &Self {
        self.assert_exit(2);
        assert!(
            self.stdout.is_empty(),
            "{:?}: a usage error prints no report:\n{}",
            self.args,
            self.stdout
        );
        assert!(
            self.stderr.contains("error"),
            "{:?}: {}",
            self.args,
            self.stderr
        );
        self
    }

    /// stderr holds every one of `parts`.
    pub fn assert_stderr_has(&self, parts: &[&str]) -> &Self {
        for part in parts {
            assert!(
                self.stderr.contains(part),
                "{:?}: stderr lacks {part:?}:\n{}",
                self.args,
                self.stderr
            );
        }
        self
    }

    /// stdout holds every one of `parts`.
    pub fn assert_stdout_has(&self, parts: &[&str]) -> &Self {
        for part in parts {
            assert!(
                self.stdout.contains(part),
                "{:?}: stdout lacks {part:?}:\n{}",
                self.args,
                self.stdout
            );
        }
        self
    }

    /// Neither stdout nor stderr holds `secret`.
    pub fn assert_hides(&self, secret: &str) -> &Self {
        assert!(
            !self.output().contains(secret),
            "{:?}: the secret {secret:?} is printed:\n{}",
            self.args,
            self.output()
        );
        self
    }
}

fn drain_in_thread(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

/// Runs `mongotls ARGS` (stdin from /dev/null), killed after [`HANG_LIMIT`].
pub fn run_bounded<S: AsRef<OsStr>>(args: &[S]) -> Outcome {
    run_command_bounded(Command::new(MONGOTLS), args)
}

/// Runs `command ARGS` (the command is `mongotls` itself, or a wrapper whose last argument
/// so far is `mongotls`), killed after [`HANG_LIMIT`].
pub fn run_command_bounded<S: AsRef<OsStr>>(command: Command, args: &[S]) -> Outcome {
    run_within(command, args, HANG_LIMIT)
}

/// Runs `command ARGS`, killed after `limit` (then `hung` is set).
pub fn run_within<S: AsRef<OsStr>>(mut command: Command, args: &[S], limit: Duration) -> Outcome {
    let start = Instant::now();
    // These tests read what a report says, not how it is laid out: one line per line (a pipe
    // is otherwise wrapped to 80 columns; tests/it/terminal.rs covers the wrapping).
    let mut child = command
        .args(args)
        .env("COLUMNS", "100000")
        // English in UTF-8 whatever the machine's locale (a zh_CN CI runner included); a test
        // of the Chinese text passes --lang zh.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mongotls");
    let stdout = drain_in_thread(child.stdout.take().expect("stdout"));
    let stderr = drain_in_thread(child.stderr.take().expect("stderr"));
    let mut hung = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for mongotls") {
            break status;
        }
        if start.elapsed() > limit {
            hung = true;
            let _ = child.kill();
            break child.wait().expect("reap the killed mongotls");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Outcome {
        args: args
            .iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect(),
        code: status.code(),
        stdout: text(&stdout.join().expect("stdout reader")),
        stderr: text(&stderr.join().expect("stderr reader")),
        hung,
        elapsed: start.elapsed(),
        limit,
    }
}

/// `OsString` arguments from a mix of text and paths.
pub fn os_args(parts: &[&dyn AsRef<OsStr>]) -> Vec<OsString> {
    parts.iter().map(|p| p.as_ref().to_os_string()).collect()
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
pub fn unused_port() -> u16 {
    let listener =
        std::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

/// `bytes` cut to their first `len` bytes.
pub fn truncated(bytes: &[u8], len: usize) -> Vec<u8> {
    bytes.get(..len).expect("cut inside the data").to_vec()
}

/// Deterministic bytes that look random (xorshift), starting with `first` when given.
pub fn garbage(len: usize, first: Option<u8>) -> Vec<u8> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut out: Vec<u8> = (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    if let (Some(first), Some(slot)) = (first, out.first_mut()) {
        *slot = first;
    }
    out
}

/// A `CERTIFICATE` PEM block whose body is `body_bytes` of base64 (of garbage), in 64-column
/// lines: well-formed PEM of a size no certificate has.
pub fn huge_pem_block(body_bytes: usize) -> Vec<u8> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let body_bytes = body_bytes - body_bytes % 4;
    let mut out = b"-----BEGIN CERTIFICATE-----\n".to_vec();
    out.reserve(body_bytes + body_bytes / 64 + 64);
    let noise = garbage(4096, None);
    for i in 0..body_bytes {
        out.push(ALPHABET[usize::from(noise[i % noise.len()] & 63)]);
        if i % 64 == 63 {
            out.push(b'\n');
        }
    }
    out.extend_from_slice(b"\n-----END CERTIFICATE-----\n");
    out
}

/// A sparse file of `len` bytes (cheap at any size).
pub fn sparse_file(path: &Path, len: u64) {
    std::fs::File::create(path)
        .expect("create the sparse file")
        .set_len(len)
        .expect("size the sparse file");
}

/// A named pipe at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;

    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("no NUL in path");
    // SAFETY: mkfifo(3) with a NUL-terminated path that outlives the call.
    let rc = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// Sets the permission bits of `path`.
#[cfg(unix)]
pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// How to run `mongotls` so that a file with mode 000 is really unreadable to it.
pub enum Unprivileged {
    /// Not root: permission bits apply; run `mongotls` itself.
    AsIs,
    /// Root: run through this command (`setpriv` to an unprivileged user); `mongotls` is
    /// its last argument so far.
    Wrapped(Command),
    /// Neither possible; the reason.
    Impossible(String),
}

/// The effective user id of this process.
#[cfg(unix)]
pub fn euid() -> u32 {
    // SAFETY: geteuid(2) has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// How to run `mongotls` for an unreadable-file test; see [`Unprivileged`].
#[cfg(unix)]
pub fn unprivileged(dir: &Path) -> Unprivileged {
    if euid() != 0 {
        return Unprivileged::AsIs;
    }
    let as_nobody = |program: &Path, args: &[&str]| {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        command.arg(program).args(args);
        command
    };
    let runs = |mut command: Command| {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !runs(as_nobody(Path::new("true"), &[])) {
        return Unprivileged::Impossible(
            "running as root, and `setpriv` (util-linux) cannot switch to uid 65534, so a mode \
             000 file would still be readable"
                .to_string(),
        );
    }
    // The build directory may sit where that user cannot go (a checkout under /root): then a
    // copy of the binary in `dir` (mode 0755) is run instead.
    let mut binary = PathBuf::from(MONGOTLS);
    if !runs(as_nobody(&binary, &["--version"])) {
        let copy = dir.join("mongotls-for-nobody");
        std::fs::copy(MONGOTLS, &copy).expect("copy the mongotls binary");
        #[cfg(unix)]
        chmod(&copy, 0o755);
        if !runs(as_nobody(&copy, &["--version"])) {
            return Unprivileged::Impossible(format!(
                "uid 65534 cannot run mongotls, not even a copy in {}",
                dir.display()
            ));
        }
        binary = copy;
    }
    Unprivileged::Wrapped(as_nobody(&binary, &[]))
}

/// A temporary directory other users may enter and list (mode 755), for files an
/// unprivileged `mongotls` must reach.
pub fn shared_tempdir() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().expect("tempdir");
    #[cfg(unix)]
    chmod(dir.path(), 0o755);
    dir
}

/// `path` as it appears in messages (`Path::display`: bytes that are not UTF-8 become U+FFFD).
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: impl AsRef<Path>, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the fixture");
    path
}
