//! Opening files without hanging: a named pipe blocks `open(2)` until its other end appears,
//! which may be never. Inputs (the CA bundle, the chain, the client certificate; read with
//! their size caps by [`crate::pki::load`]) and outputs (`--export-json`, `--plot`) open
//! without waiting, then go back to blocking reads and writes.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Opens `path` for reading without waiting for a pipe's writer; [`set_blocking`] turns the
/// descriptor back to blocking reads.
#[cfg(unix)]
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;

    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

/// Opens `path` for reading.
#[cfg(not(unix))]
pub fn open_for_reading(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Opens `path` for writing, creating it when missing, without truncating it yet (the caller
/// truncates with [`truncate_regular`] when it has something to write) and without waiting
/// for a pipe's reader: a pipe nobody reads is an error that says so. Returns the file, back
/// in blocking mode, and whether this call created it.
pub fn open_for_writing(path: &Path) -> io::Result<(File, bool)> {
    let existed = path.symlink_metadata().is_ok();
    let mut options = OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ENXIO) {
            return io::Error::other(crate::tr!("uri-files-pipe-unread"));
        }
        e
    })?;
    // Back to blocking writes (a pipe with a reader is written in full).
    set_blocking(&file)?;
    Ok((file, !existed))
}

/// Empties a regular file before it is written (pipes and devices have nothing to empty).
pub fn truncate_regular(file: &File) -> io::Result<()> {
    if file.metadata()?.is_file() {
        file.set_len(0)?;
    }
    Ok(())
}

/// Back to blocking reads and writes, so that a pipe whose other end is slow
/// (`<(kubectl …)`) is waited for.
#[cfg(unix)]
pub fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;

    let fd = file.as_raw_fd();
    // SAFETY: fcntl(2) with F_GETFL/F_SETFL on a descriptor `file` owns and keeps open; no
    // memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Files are always blocking here.
#[cfg(not(unix))]
pub fn set_blocking(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn writing_creates_then_truncates_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, b"old content").unwrap();
        let (mut file, created) = open_for_writing(&path).unwrap();
        assert!(!created);
        assert_eq!(std::fs::read(&path).unwrap(), b"old content");
        truncate_regular(&file).unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");

        let fresh = dir.path().join("fresh.svg");
        let (_, created) = open_for_writing(&fresh).unwrap();
        assert!(created && fresh.exists());
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(open_for_writing(dir.path()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_nobody_reads_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo(3) with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = open_for_writing(&fifo).unwrap_err();
        assert!(
            e.to_string().contains("named pipe that nobody reads"),
            "{e}"
        );
    }
}
