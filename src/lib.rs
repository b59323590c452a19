//! mongotls: proves a MongoDB deployment's TLS is right, and explains exactly what is wrong
//! when it is not.
//!
//! Layout: [`cli`] (what the user typed) → [`settings`] (validated) → [`commands`] (read
//! inputs, call the pure engine in [`pki`]) → [`report`] (structs and renderers).

pub mod bench;
pub mod check;
pub mod cli;
pub mod commands;
pub mod duration;
pub mod findings;
pub mod net;
pub mod pki;
pub mod probe;
pub mod report;
pub mod sandbox;
pub mod settings;
pub mod uri;
pub mod wire;

use std::io::Write;
use std::process::ExitCode;

use time::OffsetDateTime;

use crate::cli::Command;
use crate::findings::Verdict;
use crate::report::{Format, Report};
use crate::settings::{CaSettings, CheckSettings, Common, UsageError, VerifySettings};

/// Exit code: nothing failed (warnings allowed unless `--strict`).
pub const EXIT_OK: u8 = 0;
/// Exit code: a check failed.
pub const EXIT_FAIL: u8 = 1;
/// Exit code: usage or input error.
pub const EXIT_USAGE: u8 = 2;

/// Anything that stops a command before it produces a report (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The async runtime could not start.
    #[error("cannot start the async runtime: {0}")]
    Runtime(String),
    /// The sandbox could not start.
    #[error("sandbox: {0}")]
    Sandbox(String),
    /// An output file could not be written.
    #[error("{0}")]
    Output(String),
    /// Arguments that cannot be acted on.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// Inputs that cannot be used.
    #[error(transparent)]
    Input(#[from] commands::InputError),
}

/// A finished run.
#[derive(Debug)]
pub enum Outcome {
    /// A report to render.
    Report {
        /// The report.
        report: Box<Report>,
        /// Requested format.
        format: report::OutputFormat,
        /// `--strict` was given.
        strict: bool,
    },
    /// A command that printed as it went (the sandbox) and ended normally.
    Finished,
}

impl Outcome {
    /// The process exit code for this outcome.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Report { report, strict, .. } => match report.verdict() {
                Verdict::Fail => EXIT_FAIL,
                Verdict::Warn if *strict => EXIT_FAIL,
                _ => EXIT_OK,
            },
            Outcome::Finished => EXIT_OK,
        })
    }
}

/// Runs a command with the wall clock as the default evaluation time. `out` receives what
/// long-running commands print as they go (the sandbox's URI); reports are returned.
pub fn run(command: &Command, out: &mut (dyn Write + Send)) -> Result<Outcome, RunError> {
    run_at(command, OffsetDateTime::now_utc(), out)
}

/// Runs a future on a fresh runtime and returns without waiting for stray blocking work: a
/// DNS lookup that outlived its --timeout (getaddrinfo cannot be cancelled) would otherwise
/// hold the report back until the resolver gives up, after every phase was bounded.
fn block_on<F: std::future::Future>(future: F) -> Result<F::Output, RunError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| RunError::Runtime(e.to_string()))?;
    let output = rt.block_on(future);
    rt.shutdown_background();
    Ok(output)
}

/// Runs a command; `now` is used unless `--at` overrides it.
pub fn run_at(
    command: &Command,
    now: OffsetDateTime,
    out: &mut (dyn Write + Send),
) -> Result<Outcome, RunError> {
    let (report, common): (Report, Common) = match command {
        Command::Ca(args) => {
            let s = CaSettings::from_args(args, now)?;
            (commands::run_ca(&s)?, s.common)
        }
        Command::Verify(args) => {
            let s = VerifySettings::from_args(args, now)?;
            (commands::run_verify(&s)?, s.common)
        }
        Command::Check(args) => {
            let s = CheckSettings::from_args(args, now)?;
            let report = block_on(commands::run_check(&s))??;
            (report, s.common)
        }
        Command::Sandbox(args) => {
            let config = sandbox_config(&args.spec)?;
            block_on(sandbox::run_until_interrupted(config, out))?
                .map_err(|e| RunError::Sandbox(e.to_string()))?;
            return Ok(Outcome::Finished);
        }
        Command::Demo(args) => {
            let config = sandbox_config(&args.spec)?;
            let report = block_on(demo(config, now))??;
            return Ok(Outcome::Report {
                report: Box::new(report),
                format: args.format.into(),
                strict: false,
            });
        }
        Command::Bench(args) => {
            let run = settings::BenchRun::from_args(args)?;
            let progress = |what: &str| {
                use std::io::IsTerminal;
                if std::io::stderr().is_terminal() {
                    let _ = writeln!(std::io::stderr(), "mongotls bench: {what}…");
                }
            };
            let report = block_on(commands::run_bench(&run, &progress))??;
            bench_outputs(&run, &report)?;
            return Ok(Outcome::Report {
                report: Box::new(report),
                format: run.format.into(),
                strict: false,
            });
        }
    };
    Ok(Outcome::Report {
        report: Box::new(report),
        format: common.format.into(),
        strict: common.strict,
    })
}

/// `--export-json` and `--plot`: files written beside the rendered report.
fn bench_outputs(run: &settings::BenchRun, report: &Report) -> Result<(), RunError> {
    if let Some(path) = &run.export_json {
        let failed = |e: &dyn std::fmt::Display| {
            RunError::Output(format!("--export-json {}: {e}", path.display()))
        };
        let mut file = create_output(path).map_err(|e| failed(&e))?;
        report
            .render(report::OutputFormat::Json, &mut file)
            .map_err(|e| failed(&e))?;
    }
    if let (Some(path), Report::Bench(r)) = (&run.plot, report) {
        let failed =
            |e: &dyn std::fmt::Display| RunError::Output(format!("--plot {}: {e}", path.display()));
        let svg = report::plot::render_svg(r).map_err(|e| failed(&e))?;
        create_output(path)
            .and_then(|mut f| f.write_all(svg.as_bytes()))
            .map_err(|e| failed(&e))?;
    }
    Ok(())
}

/// Creates (or truncates) an output file without waiting forever on a named pipe nobody
/// reads: the open is non-blocking, and a pipe without a reader is an error that says so.
fn create_output(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
        let file = options.open(path).map_err(|e| {
            if e.raw_os_error() == Some(libc::ENXIO) {
                std::io::Error::other(
                    "a named pipe that nobody reads: start its reader first, or give a regular file",
                )
            } else {
                e
            }
        })?;
        // Back to blocking writes (a pipe with a reader is written in full).
        pki::load::set_blocking(&file)?;
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        options.open(path)
    }
}

fn sandbox_config(spec: &cli::SandboxSpec) -> Result<sandbox::SandboxConfig, UsageError> {
    let scenario: sandbox::Scenario = spec.scenario.parse().map_err(|_| {
        UsageError(format!(
            "--scenario '{}' is not a sandbox scenario; choose one of: {}",
            spec.scenario,
            sandbox::Scenario::ALL
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let tls_mode = match &spec.tls_mode {
        Some(m) => Some(m.parse().map_err(|_| {
            UsageError(format!(
                "--tls-mode '{m}' is not a TLS mode; choose require, allow or disabled"
            ))
        })?),
        None => None,
    };
    if !(1..=7).contains(&spec.members) {
        return Err(UsageError(format!(
            "--members {} is out of range: a sandbox has 1 to 7 members",
            spec.members
        )));
    }
    let handshake_delay = match &spec.handshake_delay {
        Some(d) => Some(
            duration::parse_duration(d)
                .map_err(|e| UsageError(format!("--handshake-delay: {e}")))?,
        ),
        None => None,
    };
    Ok(sandbox::SandboxConfig {
        members: spec.members,
        scenario,
        tls_mode,
        handshake_delay,
    })
}

/// Starts the sandbox, checks it as a user would (`check URI --ca FILE`), stops it.
async fn demo(config: sandbox::SandboxConfig, now: OffsetDateTime) -> Result<Report, RunError> {
    let sandbox = sandbox::Sandbox::start(config)
        .await
        .map_err(|e| RunError::Sandbox(e.to_string()))?;
    let args = cli::CheckArgs {
        uri: sandbox.uri(),
        ca: Some(sandbox.ca_file().to_path_buf()),
        timeout: "5s".into(),
        deadline: "1m".into(),
        max_connections: 16,
        server_name: None,
        allow_invalid_hostnames: false,
        no_discover: false,
        no_plaintext_probe: false,
        common: cli::CommonArgs {
            format: Format::Text,
            warn_days: 30,
            at: None,
            strict: false,
        },
    };
    let result = match CheckSettings::from_args(&args, now) {
        Ok(s) => commands::run_check(&s).await.map_err(RunError::from),
        Err(e) => Err(RunError::from(e)),
    };
    sandbox.shutdown().await;
    result
}
