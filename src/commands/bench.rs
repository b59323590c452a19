//! `mongotls bench`: measure, assemble the report, write the files beside it.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use super::inputs::{load_ca, read_client_cert, InputError};
use super::output::{Exports, Written};
use super::{block_on, Outcome, RunError};
use crate::dates::whole_seconds;
use crate::findings::Severity;
use crate::probe::ProbeSettings;
use crate::report::bench::BenchRunInfo;
use crate::report::plot::PlotFormat;
use crate::report::{self, BenchReport, Report};
use crate::settings::BenchRun;
use crate::tr;

/// `mongotls bench`: measure, assemble the report, write `--export-json` and `--plot`.
pub(super) fn run(run: &BenchRun) -> Result<Outcome, RunError> {
    let progress = |what: &str| {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() {
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                tr!("bench-progress-line", what = what)
            );
        }
    };
    // Before anything else: a bad output path must not cost the measurement.
    check_output_path("--export-json", run.export_json.as_deref(), Output::Json)?;
    check_output_path("--plot", run.plot.as_deref(), Output::Plot)?;
    let mut exports = Exports::open(&[
        (
            "--export-json",
            run.export_json.as_deref(),
            &report::json::Json,
        ),
        ("--plot", run.plot.as_deref(), &report::plot::SvgPlot),
    ])
    .map_err(plain_words)?;
    let mut bench = block_on(measure(run, &progress))??;
    if let (Some(plot), true) = (&run.plot, bench.series.is_empty()) {
        // Nothing to draw: the report says why, and no empty drawing is left behind.
        exports.skip("--plot");
        bench
            .notes
            .push(tr!("bench-plot-skipped", path = plot.display().to_string()));
    }
    let mut report = Report::Bench(bench);
    let written = exports.write(&report)?;
    if let Report::Bench(r) = &mut report {
        r.notes.extend(written.iter().map(written_note));
    }
    Ok(Outcome::Report {
        report: Box::new(report),
        format: run.format,
        strict: false,
    })
}

/// "wrote the plot to bench.svg (SVG, 14.2 KiB)": what a written file holds, for the notes.
fn written_note(w: &Written) -> String {
    let path = w.path.display().to_string();
    let size = format_size(w.bytes);
    if w.flag == "--plot" {
        let format = PlotFormat::from_path(&w.path, true).map_or("SVG", PlotFormat::name);
        tr!(
            "bench-wrote-plot",
            path = path,
            format = format,
            size = size
        )
    } else {
        tr!("bench-wrote-json", path = path, size = size)
    }
}

/// `812 B`, `14.2 KiB`, `3.1 MiB`.
fn format_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        format!("{bytes} B")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{:.1} MiB", b / (KIB * KIB))
    }
}

/// What an output option writes.
#[derive(Clone, Copy)]
enum Output {
    /// `--export-json`: JSON, whatever the extension, unless it names another format.
    Json,
    /// `--plot`: the format its extension names.
    Plot,
}

/// Extensions of formats `--export-json` does not write: a path ending in one is a mix-up
/// (`--export-json bench.svg`), refused before it costs a measurement.
const NOT_JSON: &[&str] = &[
    "svg", "png", "jpg", "jpeg", "gif", "pdf", "csv", "tsv", "md", "markdown", "txt", "html",
    "htm", "xml", "yaml", "yml", "toml",
];

/// Checks an output path before any network work starts, so that a typo costs nothing: the
/// folder exists, the path is not a folder, and its extension names a format the option
/// writes. Whether the folder is writable is found out by opening the file, right after.
fn check_output_path(
    flag: &'static str,
    path: Option<&Path>,
    kind: Output,
) -> Result<(), RunError> {
    let Some(path) = path else { return Ok(()) };
    let refuse = |reason: String| RunError::Output {
        flag,
        path: path.to_path_buf(),
        source: io::Error::other(reason),
    };
    let shown = |p: &Path| p.display().to_string();
    let metadata = std::fs::metadata(path).ok();
    if metadata.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(refuse(tr!(
            "bench-output-is-a-folder",
            example = shown(&path.join(match kind {
                Output::Json => "bench.json",
                Output::Plot => "bench.svg",
            }))
        )));
    }
    if metadata.is_none() {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        match std::fs::metadata(parent) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(refuse(tr!(
                    "bench-output-parent-not-a-folder",
                    folder = shown(parent)
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(refuse(tr!(
                    "bench-output-no-folder",
                    folder = shown(parent)
                )))
            }
            Err(e) => return Err(refuse(e.to_string())),
        }
    }
    // A pipe or a device (`/dev/stdout`, `>(jq .)`) has no extension to read a format from.
    let special = metadata.as_ref().is_some_and(|m| !m.is_file());
    match kind {
        Output::Plot => {
            PlotFormat::from_path(path, special).map_err(refuse)?;
        }
        Output::Json => {
            let extension = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            if let Some(ext) = extension.filter(|e| NOT_JSON.contains(&e.as_str())) {
                return Err(refuse(tr!("bench-export-json-extension", extension = ext)));
            }
        }
    }
    Ok(())
}

/// An output file that cannot be opened, in words rather than the OS's error number.
fn plain_words(e: RunError) -> RunError {
    match e {
        RunError::Output { flag, path, source }
            if source.kind() == io::ErrorKind::PermissionDenied =>
        {
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
                _ => ".".to_string(),
            };
            RunError::Output {
                flag,
                path,
                source: io::Error::other(tr!("bench-output-permission-denied", folder = folder)),
            }
        }
        other => other,
    }
}

/// Measures, then assembles the report (rendering and the SVG are the caller's).
async fn measure(
    run: &BenchRun,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BenchReport, InputError> {
    let started = time::OffsetDateTime::now_utc();
    let start = std::time::Instant::now();
    let mut bench = run.bench.clone();
    let mut client_cert_notes = Vec::new();
    if let Some(source) = &run.client_cert {
        let cert = read_client_cert(source, started, 0)?;
        client_cert_notes = cert
            .inspection
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.code, f.message))
            .collect();
        bench.identity = Some(Arc::new(cert.identity));
    }
    let certificate_notes = if run.ca.is_empty() {
        Vec::new()
    } else {
        bench_certificate_notes(&bench, &run.ca, started).await?
    };
    let mut outcome = crate::bench::run_bench(&bench, progress).await;
    // A member that could not be measured says why itself; "the figures below measure TLS
    // anyway" would have no figures below.
    let measured = |member: &str| !outcome.not_measured.iter().any(|n| n.member == member);
    let mut notes: Vec<String> = certificate_notes
        .into_iter()
        .filter(|(member, _)| measured(member))
        .map(|(_, note)| note)
        .collect();
    notes.extend(client_cert_notes);
    outcome.notes.splice(0..0, notes);
    let run_info = BenchRunInfo {
        started_at: whole_seconds(started),
        duration: start.elapsed(),
        uri: run.uri_redacted.clone(),
        plain_uri: run.plain_uri_redacted.clone(),
        members: run
            .bench
            .members
            .iter()
            .map(|m| m.address.clone())
            .collect(),
        samples: run.bench.samples,
        warmup: run.bench.warmup,
        max_time: run.bench.max_time,
        payload_sizes: run.bench.payload_sizes.clone(),
    };
    Ok(BenchReport::new(run_info, &outcome))
}

/// One probe per member (no plaintext probe) before a benchmark: what clients would refuse,
/// as `(member, note)`.
async fn bench_certificate_notes(
    bench: &crate::bench::BenchSettings,
    ca: &[std::path::PathBuf],
    now: time::OffsetDateTime,
) -> Result<Vec<(String, String)>, InputError> {
    let (_, analysis) = load_ca(ca, now, 0)?;
    let settings = ProbeSettings {
        timeout: bench.timeout,
        deadline: std::time::Instant::now() + bench.max_time,
        run_budget: bench.max_time,
        server_name: bench.server_name.clone(),
        identity: bench.identity.clone(),
        plaintext_probe: false,
        allow_invalid_hostnames: false,
        now,
        warn_days: 0,
        strict: false,
        app_name: None,
        max_message_bytes: bench.max_message_bytes,
        anchors: Arc::new(analysis.certs),
        dns: None,
    };
    let mut notes = Vec::new();
    for member in &bench.members {
        let report = crate::probe::probe(member, &settings).await;
        let refused: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Fail)
            .map(|f| f.code.to_string())
            .collect();
        if !refused.is_empty() {
            let note = tr!(
                "bench-note-clients-would-refuse",
                member = member.address.as_str(),
                codes = refused.join(", ")
            );
            notes.push((member.address.clone(), note));
        }
    }
    Ok(notes)
}
