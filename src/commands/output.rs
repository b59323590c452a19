//! Files written beside the rendered report (`bench --export-json FILE`, `--plot FILE.svg`):
//! each is a path and a [`Renderer`], opened before any network work starts — a typo in a
//! path costs nothing, not the whole measurement — and written once the report exists. Also
//! the ready file of the long-running commands (`sandbox`, `serve`).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::RunError;
use crate::files::{open_for_writing, truncate_regular};
use crate::report::{Renderer, Report};

/// One output file: where, in what form, and the file itself, already open.
struct Export {
    /// The option that named it (`--export-json`), for messages.
    flag: &'static str,
    path: PathBuf,
    renderer: &'static dyn Renderer,
    file: Option<File>,
    /// This run created the file: it is removed again when nothing is written to it.
    created: bool,
}

/// The output files of a run. Dropped without [`Exports::write`] (the run failed before it
/// had a report), the files it created are removed again and existing files keep their
/// content.
pub(super) struct Exports(Vec<Export>);

impl Exports {
    /// Opens every `(flag, path, renderer)`: creatable, not a directory, not a pipe nobody
    /// reads. An existing file is not emptied until the report is written.
    pub(super) fn open(
        targets: &[(&'static str, Option<&Path>, &'static dyn Renderer)],
    ) -> Result<Self, RunError> {
        let mut out = Exports(Vec::new());
        for &(flag, path, renderer) in targets {
            let Some(path) = path else { continue };
            let (file, created) = open_for_writing(path).map_err(|e| failed(flag, path, e))?;
            out.0.push(Export {
                flag,
                path: path.to_path_buf(),
                renderer,
                file: Some(file),
                created,
            });
        }
        Ok(out)
    }

    /// Leaves out the file of `flag`: a file this run created is removed again, an existing
    /// one keeps its content.
    pub(super) fn skip(&mut self, flag: &str) {
        self.0.retain(|export| {
            if export.flag != flag {
                return true;
            }
            if export.created {
                let _ = std::fs::remove_file(&export.path);
            }
            false
        });
    }

    /// Writes `report` into every file; returns what was written where.
    pub(super) fn write(mut self, report: &Report) -> Result<Vec<Written>, RunError> {
        let mut written = Vec::new();
        for export in &mut self.0 {
            let Some(file) = export.file.take() else {
                continue;
            };
            export.created = false;
            let mut counted = Counted { file, bytes: 0 };
            truncate_regular(&counted.file)
                .and_then(|()| report.render_with(export.renderer, &mut counted))
                .and_then(|()| counted.flush())
                .map_err(|e| failed(export.flag, &export.path, e))?;
            written.push(Written {
                flag: export.flag,
                path: export.path.clone(),
                bytes: counted.bytes,
            });
        }
        Ok(written)
    }
}

/// One file written: by which option, where, and how many bytes.
pub(super) struct Written {
    /// The option that named it (`--plot`).
    pub(super) flag: &'static str,
    /// The file.
    pub(super) path: PathBuf,
    /// Bytes written.
    pub(super) bytes: u64,
}

/// A file that counts the bytes written to it.
struct Counted {
    file: File,
    bytes: u64,
}

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Exports {
    fn drop(&mut self) {
        for export in &self.0 {
            if export.created && export.file.is_some() {
                let _ = std::fs::remove_file(&export.path);
            }
        }
    }
}

fn failed(flag: &'static str, path: &Path, source: std::io::Error) -> RunError {
    RunError::Output {
        flag,
        path: path.to_path_buf(),
        source,
    }
}

/// `--ready-file` of `sandbox` and `serve`: written whole under a temporary name beside it,
/// then renamed into place (a script that sees the file can read all of it); removed when
/// dropped.
pub(super) struct ReadyFile {
    path: PathBuf,
}

impl ReadyFile {
    /// Writes `json` to `path` that way.
    pub(super) fn write(path: &Path, json: &str) -> Result<ReadyFile, RunError> {
        let failed = |source| RunError::Output {
            flag: "--ready-file",
            path: path.to_path_buf(),
            source,
        };
        let Some(name) = path.file_name() else {
            return Err(failed(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                crate::tr!("sandbox-ready-file-not-a-file"),
            )));
        };
        let mut temporary = name.to_os_string();
        temporary.push(format!(".{}.tmp", std::process::id()));
        let temporary = path.with_file_name(temporary);
        let written = std::fs::write(&temporary, json.as_bytes())
            .and_then(|()| std::fs::rename(&temporary, path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(failed(e));
        }
        Ok(ReadyFile {
            path: path.to_path_buf(),
        })
    }
}

impl Drop for ReadyFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
