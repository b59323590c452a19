//! Reading input files from disk (the only I/O of the PKI engine), with size caps and errors
//! that say which file and how to fix it.
//!
//! Regular files and pipes (`--ca <(kubectl …)`) are read, at most [`MAX_INPUT_BYTES`] of them;
//! directories, devices and sockets are refused with a [`LoadError`]. A named pipe nobody
//! writes to does not hang the run: files are opened without blocking, and a pipe that gives
//! nothing is refused. What the bytes hold is decided by [`parse_input`], never by the file
//! name; an input with more than [`MAX_ENTRIES`] certificates and other blocks is refused.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::pki::bundle::{parse_input, ParsedInput, MAX_ENTRIES};
use crate::tr;

/// Largest input file read; a CA bundle or chain is a few kilobytes.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// How many certificate-like file names an [`LoadError::IsDirectory`] message lists.
const LISTED_CANDIDATES: usize = 10;

/// Most directory entries looked at when listing candidates.
const SCANNED_ENTRIES: usize = 10_000;

/// Extensions (lower case) of files worth suggesting when a directory is given.
const CANDIDATE_EXTENSIONS: &[&str] = &["pem", "crt", "cer", "cert", "der", "p7b", "p7c", "zip"];

/// A file that could not be read. `path` is the path as given, shown with
/// [`Path::display`] (a path that is not UTF-8 is shown with U+FFFD in place of the bad
/// bytes). The message (`Display`) is a complete sentence naming the file and how to fix it,
/// and already includes the operating system's error where there is one.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Nothing at that path.
    NotFound {
        /// The path as given.
        path: String,
    },
    /// A symbolic link to nothing.
    DanglingSymlink {
        /// The path as given.
        path: String,
        /// Where the link points (as stored in the link).
        target: String,
    },
    /// Symbolic links that point at each other (or too many links in a row).
    SymlinkLoop {
        /// The path as given.
        path: String,
    },
    /// The path is a directory.
    IsDirectory {
        /// The path as given.
        path: String,
        /// Names of the files in it that look like certificates (`.pem`, `.crt`, `.cer`,
        /// `.cert`, `.der`, `.p7b`, `.p7c`, `.zip`), sorted; the message lists the first ten.
        candidates: Vec<String>,
    },
    /// The file exists but this user may not read it.
    PermissionDenied {
        /// The path as given.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// Any other I/O error.
    Unreadable {
        /// The path as given.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge {
        /// The path as given.
        path: String,
        /// The file's size; for a pipe, the bytes read before giving up (a lower bound).
        size: u64,
        /// The limit, [`MAX_INPUT_BYTES`].
        max: u64,
    },
    /// A device, socket or other special file.
    NotAFile {
        /// The path as given.
        path: String,
        /// What it is instead, e.g. "character device" (in English; the message translates it).
        kind: &'static str,
    },
    /// A pipe (a named pipe, or `<(command)`) that gave no data: no program had it open for
    /// writing when it was read, or the program wrote nothing.
    EmptyPipe {
        /// The path as given.
        path: String,
    },
    /// More certificates and other blocks than [`MAX_ENTRIES`].
    TooManyEntries {
        /// The path as given.
        path: String,
        /// The limit, [`MAX_ENTRIES`].
        max: usize,
    },
}

impl LoadError {
    /// The path as given (as shown in the message).
    pub fn path(&self) -> &str {
        match self {
            LoadError::NotFound { path }
            | LoadError::DanglingSymlink { path, .. }
            | LoadError::SymlinkLoop { path }
            | LoadError::IsDirectory { path, .. }
            | LoadError::PermissionDenied { path, .. }
            | LoadError::Unreadable { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::NotAFile { path, .. }
            | LoadError::EmptyPipe { path }
            | LoadError::TooManyEntries { path, .. } => path,
        }
    }

    /// The message without the leading `PATH: `, for a caller that names the file itself
    /// (`tlsCertificateKeyFile FILE: is a pipe and gave no data; …`).
    pub fn problem(&self) -> String {
        match self {
            LoadError::NotFound { path } if path == "-" => tr!("pki-load-not-found-dash"),
            LoadError::NotFound { .. } => tr!("pki-load-not-found"),
            LoadError::DanglingSymlink { target, .. } => {
                tr!("pki-load-dangling-symlink", target = target.as_str())
            }
            LoadError::SymlinkLoop { .. } => tr!("pki-load-symlink-loop"),
            LoadError::IsDirectory { candidates, .. } => directory_problem(candidates),
            LoadError::PermissionDenied { .. } => tr!("pki-load-permission-denied"),
            LoadError::Unreadable { source, .. } => {
                tr!("pki-load-unreadable", error = source.to_string())
            }
            LoadError::TooLarge { size, max, .. } => tr!(
                "pki-load-too-large",
                size = size.to_string(),
                max_mib = (max / (1024 * 1024)).to_string(),
                max = max.to_string(),
            ),
            LoadError::NotAFile { kind, .. } => tr!(
                "pki-load-not-a-file",
                kind = match *kind {
                    "character device" => tr!("pki-file-kind-character-device"),
                    "block device" => tr!("pki-file-kind-block-device"),
                    "socket" => tr!("pki-file-kind-socket"),
                    _ => tr!("pki-file-kind-special"),
                }
            ),
            LoadError::EmptyPipe { .. } => tr!("pki-load-empty-pipe"),
            LoadError::TooManyEntries { max, .. } => {
                tr!("pki-load-too-many-entries", max = max.to_string())
            }
        }
    }
}

/// `PATH: problem`, a complete sentence naming the file and how to fix it.
impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!(
            "pki-load-error",
            path = self.path(),
            problem = self.problem()
        ))
    }
}

/// Reads one file and parses it; `Origin.file` of everything found is `path` as given.
pub fn read_input(path: &Path) -> Result<ParsedInput, LoadError> {
    let shown = path.display().to_string();
    let bytes = read_capped(path, &shown)?;
    let parsed = parse_input(&shown, &bytes);
    if parsed.over_entry_limit {
        return Err(LoadError::TooManyEntries {
            path: shown,
            max: MAX_ENTRIES,
        });
    }
    Ok(parsed)
}

/// Reads several files and merges what they hold, in the order given. Stops at the first file
/// that cannot be read.
pub fn read_inputs(paths: &[PathBuf]) -> Result<ParsedInput, LoadError> {
    let mut all = ParsedInput::default();
    for path in paths {
        all.merge(read_input(path)?);
    }
    Ok(all)
}

/// The bytes of a file given on the command line or in the connection string (such as
/// `tlsCertificateKeyFile`), with every check [`read_input`] makes: at most
/// [`MAX_INPUT_BYTES`], no directory or device, and no wait on a pipe without a writer.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_capped(path, &path.display().to_string())
}

/// The platform's trust store, as drivers built on the system's TLS library see it
/// (`rustls-native-certs`: `SSL_CERT_FILE` / `SSL_CERT_DIR` when set, else the distribution's
/// bundle; the keychain on macOS, the certificate store on Windows).
#[derive(Debug, Default)]
pub struct SystemRoots {
    /// The roots found, DER.
    pub certs: Vec<Vec<u8>>,
    /// What could not be read, in words (a missing file, an unreadable directory).
    pub errors: Vec<String>,
}

/// Loads the platform's trust store. Never fails as a whole: an empty `certs` with the
/// reasons in `errors` is the caller's error to word.
pub fn system_roots() -> SystemRoots {
    let found = rustls_native_certs::load_native_certs();
    SystemRoots {
        certs: found.certs.iter().map(|c| c.as_ref().to_vec()).collect(),
        errors: found.errors.iter().map(ToString::to_string).collect(),
    }
}

/// The file's bytes, after checking what it is and its size; reads at most one byte more than
/// the cap, so a file that grows (or a pipe) cannot exceed it either.
fn read_capped(path: &Path, shown: &str) -> Result<Vec<u8>, LoadError> {
    let metadata = fs::metadata(path).map_err(|e| path_error(path, shown, e))?;
    check_file_type(path, shown, &metadata)?;
    if metadata.is_file() && metadata.len() > MAX_INPUT_BYTES {
        return Err(too_large(shown, metadata.len()));
    }
    let file = crate::files::open_for_reading(path).map_err(|e| path_error(path, shown, e))?;
    // The path may have been replaced between the two looks: judge what was opened.
    let opened = file.metadata().map_err(|e| io_error(shown, e))?;
    check_file_type(path, shown, &opened)?;
    let pipe = is_pipe(&opened);
    let expected = opened.len().min(MAX_INPUT_BYTES);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    if pipe {
        wait_for_writer(&file, &mut bytes).map_err(|e| io_error(shown, e))?;
    }
    crate::files::set_blocking(&file).map_err(|e| io_error(shown, e))?;
    let already = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    file.take(MAX_INPUT_BYTES.saturating_add(1).saturating_sub(already))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(shown, e))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_INPUT_BYTES {
        return Err(too_large(shown, read));
    }
    if bytes.is_empty() && pipe {
        return Err(LoadError::EmptyPipe {
            path: shown.to_string(),
        });
    }
    Ok(bytes)
}

/// How long a pipe without a writer is given for one to appear (a producer started just
/// before mongotls, `cat ca.pem > fifo &`); then it is read as empty.
const PIPE_WRITER_WAIT: Duration = Duration::from_secs(1);

/// On a pipe opened without blocking: returns once a writer is there (its first bytes are
/// appended to `bytes`), or after [`PIPE_WRITER_WAIT`] without one. A non-blocking read tells
/// them apart: no writer reads as end of file, a writer that has not written yet as
/// `WouldBlock`.
fn wait_for_writer(mut file: &File, bytes: &mut Vec<u8>) -> io::Result<()> {
    let started = Instant::now();
    let mut buf = [0u8; 8192];
    loop {
        match file.read(&mut buf) {
            Ok(0) if started.elapsed() < PIPE_WRITER_WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(n) => {
                bytes.extend_from_slice(buf.get(..n).unwrap_or_default());
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(unix)]
fn is_pipe(metadata: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    metadata.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_pipe(_metadata: &Metadata) -> bool {
    false
}

fn too_large(shown: &str, size: u64) -> LoadError {
    LoadError::TooLarge {
        path: shown.to_string(),
        size,
        max: MAX_INPUT_BYTES,
    }
}

/// Regular files and pipes pass; directories and special files do not.
fn check_file_type(path: &Path, shown: &str, metadata: &Metadata) -> Result<(), LoadError> {
    if metadata.is_dir() {
        return Err(LoadError::IsDirectory {
            path: shown.to_string(),
            candidates: certificate_files_in(path),
        });
    }
    if metadata.is_file() {
        return Ok(());
    }
    match special_file_kind(metadata) {
        None => Ok(()),
        Some(kind) => Err(LoadError::NotAFile {
            path: shown.to_string(),
            kind,
        }),
    }
}

/// What a non-regular, non-directory file is; `None` for a pipe, which is read.
#[cfg(unix)]
fn special_file_kind(metadata: &Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;

    let file_type = metadata.file_type();
    if file_type.is_fifo() {
        None
    } else if file_type.is_char_device() {
        Some("character device")
    } else if file_type.is_block_device() {
        Some("block device")
    } else if file_type.is_socket() {
        Some("socket")
    } else {
        Some("special file")
    }
}

/// What a non-regular, non-directory file is.
#[cfg(not(unix))]
fn special_file_kind(_metadata: &Metadata) -> Option<&'static str> {
    Some("special file")
}

/// An error from following `path` (stat or open), told apart further than [`io_error`]: a
/// symbolic link to nothing and a loop of links are named as such.
fn path_error(path: &Path, shown: &str, error: io::Error) -> LoadError {
    if is_link_loop(&error) {
        return LoadError::SymlinkLoop {
            path: shown.to_string(),
        };
    }
    if error.kind() == io::ErrorKind::NotFound {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            let target = fs::read_link(path)
                .map(|t| t.display().to_string())
                .unwrap_or_else(|_| tr!("pki-load-link-target-unknown"));
            return LoadError::DanglingSymlink {
                path: shown.to_string(),
                target,
            };
        }
    }
    io_error(shown, error)
}

#[cfg(unix)]
fn is_link_loop(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_link_loop(_error: &io::Error) -> bool {
    false
}

fn io_error(shown: &str, error: io::Error) -> LoadError {
    let path = shown.to_string();
    match error.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound { path },
        io::ErrorKind::PermissionDenied => LoadError::PermissionDenied {
            path,
            source: error,
        },
        _ => LoadError::Unreadable {
            path,
            source: error,
        },
    }
}

/// Sorted names of the files in `dir` with a certificate-like extension; empty when the
/// directory cannot be listed.
fn certificate_files_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .take(SCANNED_ENTRIES)
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| has_certificate_extension(name))
        .collect();
    names.sort();
    names
}

fn has_certificate_extension(name: &str) -> bool {
    Path::new(name)
        .extension()
        .map(|ext| ext.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|ext| CANDIDATE_EXTENSIONS.contains(&ext.as_str()))
}

/// The [`LoadError::IsDirectory`] message after the path: the certificate files in it.
fn directory_problem(candidates: &[String]) -> String {
    if candidates.is_empty() {
        return tr!("pki-load-directory-without-candidates");
    }
    let found = candidates
        .iter()
        .take(LISTED_CANDIDATES)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let more = candidates.len().saturating_sub(LISTED_CANDIDATES);
    if more == 0 {
        tr!("pki-load-directory", found = found)
    } else {
        tr!(
            "pki-load-directory-and-more",
            found = found,
            more = more.to_string()
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::pki::bundle::RejectKind;

    fn cert_pem(name: &str) -> String {
        rcgen::generate_simple_self_signed(vec![name.to_string()])
            .unwrap()
            .cert
            .pem()
    }

    #[test]
    fn good_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        fs::write(&path, cert_pem("a.example")).unwrap();
        let parsed = read_input(&path).unwrap();
        assert_eq!(parsed.certs.len(), 1);
        assert!(parsed.rejected.is_empty());
        assert_eq!(parsed.certs[0].origin.file, path.display().to_string());
    }

    #[cfg(unix)]
    #[test]
    fn relative_path_is_shown_as_given() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("ca.pem"), cert_pem("a.example")).unwrap();
        // A relative path to the temporary directory, without touching the working tree.
        let cwd = std::env::current_dir().unwrap();
        let mut relative: PathBuf = cwd.components().skip(1).map(|_| "..").collect();
        relative.push(dir.path().strip_prefix("/").unwrap());
        relative.push("ca.pem");
        assert!(relative.is_relative());
        let parsed = read_input(&relative).unwrap();
        assert_eq!(parsed.certs[0].origin.file, relative.display().to_string());
    }

    #[test]
    fn empty_file_is_parsed_not_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.pem");
        fs::write(&path, b"").unwrap();
        let parsed = read_input(&path).unwrap();
        assert_eq!(parsed.rejected[0].kind, RejectKind::Empty);
    }

    #[test]
    fn missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.pem");
        let error = read_input(&path).unwrap_err();
        assert!(
            matches!(&error, LoadError::NotFound { path: p } if *p == path.display().to_string())
        );
        let message = error.to_string();
        assert!(message.starts_with(&format!("{}: no such file;", path.display())));
    }

    #[test]
    fn directory_lists_certificate_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "ApsaraDB-CA-Chain.pem",
            "ApsaraDB-CA-Chain.p7b",
            "ApsaraDB-CA-Chain.jks",
            "README.txt",
            "server.CRT",
        ] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        fs::create_dir(dir.path().join("old.pem")).unwrap();
        let path = dir.path().join(".");
        let error = read_input(dir.path()).unwrap_err();
        let LoadError::IsDirectory { candidates, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(
            candidates,
            &[
                "ApsaraDB-CA-Chain.p7b",
                "ApsaraDB-CA-Chain.pem",
                "server.CRT"
            ]
        );
        assert_eq!(
            error.to_string(),
            format!(
                "{}: is a directory; pass a certificate file inside it (found: \
                 ApsaraDB-CA-Chain.p7b, ApsaraDB-CA-Chain.pem, server.CRT)",
                dir.path().display()
            )
        );
        assert!(matches!(
            read_input(&path),
            Err(LoadError::IsDirectory { .. })
        ));
    }

    #[test]
    fn directory_with_many_or_no_candidates() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_input(dir.path()).unwrap_err();
        assert!(error.to_string().contains("holds no .pem"), "{error}");
        for i in 0..13 {
            fs::write(dir.path().join(format!("{i:02}.pem")), b"x").unwrap();
        }
        let message = read_input(dir.path()).unwrap_err().to_string();
        assert!(message.contains("(found: 00.pem, 01.pem,"), "{message}");
        assert!(message.ends_with("09.pem and 3 more)"), "{message}");
    }

    #[test]
    fn too_large_file_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("disk.img");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_INPUT_BYTES + 1).unwrap();
        let error = read_input(&path).unwrap_err();
        let LoadError::TooLarge { size, max, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!((*size, *max), (MAX_INPUT_BYTES + 1, MAX_INPUT_BYTES));
        assert!(error.to_string().contains("is too large"));
    }

    #[test]
    fn file_at_the_limit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.pem");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_INPUT_BYTES).unwrap();
        let parsed = read_input(&path).unwrap();
        assert!(matches!(
            parsed.rejected[0].kind,
            RejectKind::Unsupported { .. }
        ));
    }

    #[test]
    fn read_inputs_merges_in_order_and_stops_at_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.pem");
        let b = dir.path().join("b.pem");
        fs::write(&a, cert_pem("a.example")).unwrap();
        fs::write(
            &b,
            format!("{}{}", cert_pem("b.example"), cert_pem("c.example")),
        )
        .unwrap();
        let parsed = read_inputs(&[b.clone(), a.clone()]).unwrap();
        let files: Vec<String> = parsed.certs.iter().map(|c| c.origin.file.clone()).collect();
        let (a_shown, b_shown) = (a.display().to_string(), b.display().to_string());
        assert_eq!(files, [b_shown.clone(), b_shown, a_shown]);
        let missing = dir.path().join("missing.pem");
        assert!(matches!(
            read_inputs(&[a, missing]),
            Err(LoadError::NotFound { .. })
        ));
        assert!(read_inputs(&[]).unwrap().certs.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn device_is_not_a_file() {
        let error = read_input(Path::new("/dev/null")).unwrap_err();
        assert!(matches!(
            error,
            LoadError::NotAFile {
                kind: "character device",
                ..
            }
        ));
        assert_eq!(
            error.to_string(),
            "/dev/null: is a character device, not a regular file; pass a certificate file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_path_does_not_panic() {
        use std::os::unix::ffi::OsStrExt;

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(std::ffi::OsStr::from_bytes(b"ca\xFF.pem"));
        fs::write(&path, cert_pem("a.example")).unwrap();
        let parsed = read_input(&path).unwrap();
        assert!(parsed.certs[0].origin.file.ends_with("ca\u{FFFD}.pem"));
        let missing = dir.path().join(std::ffi::OsStr::from_bytes(b"no\xFE.pem"));
        assert!(read_input(&missing)
            .unwrap_err()
            .to_string()
            .contains("no\u{FFFD}.pem"));
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        use std::os::unix::ffi::OsStrExt;

        let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: mkfifo(3) with a NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_without_a_writer_is_refused_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        mkfifo(&path);
        let started = Instant::now();
        let error = read_input(&path).unwrap_err();
        assert!(matches!(error, LoadError::EmptyPipe { .. }), "{error:?}");
        assert!(error.to_string().contains("is a pipe and gave no data"));
        // Bounded by PIPE_WRITER_WAIT; a generous margin for a loaded machine.
        assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[cfg(unix)]
    #[test]
    fn fifo_whose_writer_comes_late_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        mkfifo(&path);
        let pem = cert_pem("a.example");
        let writer = {
            let (path, pem) = (path.clone(), pem.clone());
            std::thread::spawn(move || {
                use std::io::Write;
                use std::os::unix::fs::OpenOptionsExt;
                // A writer that appears only once the reader has the pipe open (opening a pipe
                // for writing without blocking fails while there is no reader); it gives up
                // rather than hang the test.
                let started = Instant::now();
                let mut file = loop {
                    let opened = fs::OpenOptions::new()
                        .write(true)
                        .custom_flags(libc::O_NONBLOCK)
                        .open(&path);
                    match opened {
                        Ok(file) => break file,
                        Err(_) if started.elapsed() < Duration::from_secs(10) => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(e) => panic!("no reader: {e}"),
                    }
                };
                file.write_all(pem.as_bytes()).unwrap();
            })
        };
        let parsed = read_input(&path).unwrap();
        writer.join().unwrap();
        assert_eq!(parsed.certs.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_with_a_slow_writer_is_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        mkfifo(&path);
        let pem = cert_pem("a.example");
        let writer = {
            let path = path.clone();
            std::thread::spawn(move || {
                use std::io::Write;
                // Opening for writing waits for the reader; then nothing for longer than
                // PIPE_WRITER_WAIT: a writer that is there but slow is waited for.
                let mut file = fs::OpenOptions::new().write(true).open(&path).unwrap();
                std::thread::sleep(PIPE_WRITER_WAIT + Duration::from_millis(500));
                file.write_all(pem.as_bytes()).unwrap();
            })
        };
        let parsed = read_input(&path).unwrap();
        writer.join().unwrap();
        assert_eq!(parsed.certs.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_and_dangling_symlink_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.pem"), dir.path().join("b.pem"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let error = read_input(&a).unwrap_err();
        assert!(matches!(error, LoadError::SymlinkLoop { .. }), "{error:?}");
        assert!(error
            .to_string()
            .starts_with(&format!("{}: is a loop of symbolic links", a.display())));

        let dangling = dir.path().join("ca.pem");
        std::os::unix::fs::symlink("gone/ca.pem", &dangling).unwrap();
        let error = read_input(&dangling).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: is a symbolic link to gone/ca.pem, which does not exist; point the link at \
                 the certificate file, or pass the file itself",
                dangling.display()
            )
        );
    }

    #[test]
    fn dash_is_not_standard_input() {
        let message = LoadError::NotFound { path: "-".into() }.to_string();
        assert!(message.contains("/dev/stdin"), "{message}");
    }

    #[test]
    fn too_many_entries_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        let block = "-----BEGIN CERTIFICATE-----\n!\n-----END CERTIFICATE-----\n";
        fs::write(&path, block.repeat(MAX_ENTRIES)).unwrap();
        assert_eq!(read_input(&path).unwrap().rejected.len(), MAX_ENTRIES);
        fs::write(&path, block.repeat(MAX_ENTRIES + 1)).unwrap();
        let error = read_input(&path).unwrap_err();
        assert!(
            matches!(error, LoadError::TooManyEntries { max, .. } if max == MAX_ENTRIES),
            "{error:?}"
        );
        assert!(error.to_string().contains("more than 1000 certificates"));
    }

    #[test]
    fn read_file_applies_the_same_checks() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_file(dir.path()),
            Err(LoadError::IsDirectory { .. })
        ));
        let path = dir.path().join("client.pem");
        fs::write(&path, b"bytes").unwrap();
        assert_eq!(read_file(&path).unwrap(), b"bytes");
        File::create(&path)
            .unwrap()
            .set_len(MAX_INPUT_BYTES + 1)
            .unwrap();
        assert!(matches!(read_file(&path), Err(LoadError::TooLarge { .. })));
    }

    #[test]
    fn too_large_names_the_limit() {
        let message = too_large("disk.img", MAX_INPUT_BYTES + 1).to_string();
        assert!(message.contains("at most 16 MiB"), "{message}");
    }

    #[test]
    fn problem_is_the_message_without_the_path() {
        let error = LoadError::EmptyPipe {
            path: "client.pem".into(),
        };
        assert_eq!(error.path(), "client.pem");
        assert!(error.problem().starts_with("is a pipe and gave no data"));
        assert_eq!(
            format!("client.pem: {}", error.problem()),
            error.to_string()
        );
    }

    #[test]
    fn io_errors_are_classified() {
        let denied = io_error("x.pem", io::Error::from(io::ErrorKind::PermissionDenied));
        assert!(matches!(denied, LoadError::PermissionDenied { .. }));
        assert!(denied.to_string().starts_with("x.pem: permission denied;"));
        let other = io_error("x.pem", io::Error::other("disk on fire"));
        assert_eq!(
            other.to_string(),
            "x.pem: could not be read (disk on fire); check that the file is intact and readable"
        );
    }
}
