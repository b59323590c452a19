//! Reading input files from disk (the only I/O of the PKI engine), with size caps and errors
//! that say which file and how to fix it.
//!
//! Regular files and pipes (`--ca <(kubectl …)`) are read, at most [`MAX_INPUT_BYTES`] of them;
//! directories, devices and sockets are refused with a [`LoadError`]. What the bytes hold is
//! decided by [`parse_input`], never by the file name.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::pki::bundle::{parse_input, ParsedInput};

/// Largest input file read; a CA bundle or chain is a few kilobytes.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// How many certificate-like file names an [`LoadError::IsDirectory`] message lists.
const LISTED_CANDIDATES: usize = 10;

/// Most directory entries looked at when listing candidates.
const SCANNED_ENTRIES: usize = 10_000;

/// Extensions (lower case) of files worth suggesting when a directory is given.
const CANDIDATE_EXTENSIONS: &[&str] = &["pem", "crt", "cer", "cert", "der", "p7b", "p7c", "zip"];

/// A file that could not be read. `path` is the path as given, shown with
/// [`Path::display`]. The message (`Display`) is a complete sentence naming the file and how
/// to fix it, and already includes the operating system's error where there is one.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Nothing at that path (or a symbolic link to nothing).
    #[error("{path}: no such file; check the spelling (a relative path is taken from the current directory)")]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The path is a directory.
    #[error("{path}: is a directory; {}", directory_hint(.candidates))]
    IsDirectory {
        /// The path as given.
        path: String,
        /// Names of the files in it that look like certificates (`.pem`, `.crt`, `.cer`,
        /// `.cert`, `.der`, `.p7b`, `.p7c`, `.zip`), sorted; the message lists the first ten.
        candidates: Vec<String>,
    },
    /// The file exists but this user may not read it.
    #[error("{path}: permission denied; make the file readable by the user running mongotls, or copy it somewhere readable")]
    PermissionDenied {
        /// The path as given.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// Any other I/O error.
    #[error("{path}: could not be read ({source}); check that the file is intact and readable")]
    Unreadable {
        /// The path as given.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// Larger than [`MAX_INPUT_BYTES`].
    #[error("{path}: is too large ({size} bytes; the limit is {max} bytes); a CA certificate or bundle is a few kilobytes, so this is probably not the right file")]
    TooLarge {
        /// The path as given.
        path: String,
        /// The file's size; for a pipe, the bytes read before giving up (a lower bound).
        size: u64,
        /// The limit, [`MAX_INPUT_BYTES`].
        max: u64,
    },
    /// A device, socket or other special file.
    #[error("{path}: is a {kind}, not a regular file; pass a certificate file")]
    NotAFile {
        /// The path as given.
        path: String,
        /// What it is instead, e.g. "character device".
        kind: &'static str,
    },
}

/// Reads one file and parses it; `Origin.file` of everything found is `path` as given.
pub fn read_input(path: &Path) -> Result<ParsedInput, LoadError> {
    let shown = path.display().to_string();
    let bytes = read_capped(path, &shown)?;
    Ok(parse_input(&shown, &bytes))
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

/// The file's bytes, after checking what it is and its size; reads at most one byte more than
/// the cap, so a file that grows (or a pipe) cannot exceed it either.
fn read_capped(path: &Path, shown: &str) -> Result<Vec<u8>, LoadError> {
    let metadata = fs::metadata(path).map_err(|e| io_error(shown, e))?;
    check_file_type(path, shown, &metadata)?;
    if metadata.is_file() && metadata.len() > MAX_INPUT_BYTES {
        return Err(too_large(shown, metadata.len()));
    }
    let file = File::open(path).map_err(|e| io_error(shown, e))?;
    let expected = metadata.len().min(MAX_INPUT_BYTES);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(MAX_INPUT_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(shown, e))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_INPUT_BYTES {
        return Err(too_large(shown, read));
    }
    Ok(bytes)
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

/// The end of the [`LoadError::IsDirectory`] message.
fn directory_hint(candidates: &[String]) -> String {
    if candidates.is_empty() {
        return "pass a certificate file, not a directory (this one holds no .pem, .crt, .cer, \
                .der, .p7b or .zip file)"
            .to_string();
    }
    let shown = candidates
        .iter()
        .take(LISTED_CANDIDATES)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let more = candidates.len().saturating_sub(LISTED_CANDIDATES);
    if more == 0 {
        format!("pass a certificate file inside it (found: {shown})")
    } else {
        format!("pass a certificate file inside it (found: {shown} and {more} more)")
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
