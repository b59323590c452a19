//! The commands: read the inputs, run the engines, return the report (or, for the sandbox,
//! run until interrupted). `main` renders the report and maps it to an exit code.

mod bench;
mod ca;
mod check;
mod credentials;
mod fleet;
mod inputs;
mod output;
mod sandbox;
mod serve;
mod verify;
mod wait;

use std::io::Write;
use std::process::ExitCode;

use time::OffsetDateTime;

pub use inputs::InputError;

use clap::CommandFactory;

use crate::cli::{Cli, Command};
use crate::findings::Verdict;
use crate::report::{OutputFormat, Report};
use crate::settings::{
    BenchRun, CaSettings, CheckSettings, Common, DemoSettings, FleetSettings, SandboxRun,
    ServeSettings, UsageError, VerifySettings, WaitRun,
};

/// Whether stderr can show live lines (progress, status): a terminal that is not `dumb`
/// (`check`, `check --targets` and `wait` redraw their lines only then).
fn live_stderr() -> bool {
    use std::io::IsTerminal as _;
    let dumb = std::env::var("TERM").map_or(true, |t| t.is_empty() || t == "dumb");
    !dumb && std::io::stderr().is_terminal()
}

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
    #[error("{}", crate::tr!("cli-run-runtime", error = .0.to_string()))]
    Runtime(std::io::Error),
    /// The sandbox could not start (or stopped with an error).
    #[error("{}", crate::tr!("cli-run-sandbox", error = .0.to_string()))]
    Sandbox(#[from] crate::sandbox::SandboxError),
    /// An output file (`--export-json`, `--plot`) cannot be opened or written.
    #[error("{flag} {}: {source}", path.display())]
    Output {
        /// The option that named the file.
        flag: &'static str,
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Standard output cannot be written (or a man page not rendered).
    #[error("{}", crate::tr!("cli-run-stdout", error = .0.to_string()))]
    Stdout(std::io::Error),
    /// `serve` could not listen or serve.
    #[error("{0}")]
    Serve(String),
    /// Arguments that cannot be acted on.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// Inputs that cannot be used.
    #[error(transparent)]
    Input(#[from] InputError),
}

/// A finished run.
#[derive(Debug)]
pub enum Outcome {
    /// A report to render.
    Report {
        /// The report.
        report: Box<Report>,
        /// Requested format.
        format: OutputFormat,
        /// `--strict` was given.
        strict: bool,
    },
    /// A command that printed as it went (the sandbox) and ended normally.
    Finished,
}

impl Outcome {
    /// A report rendered in the format of the shared options, `--strict` applied.
    fn report(report: Report, common: &Common) -> Outcome {
        Outcome::Report {
            report: Box::new(report),
            format: common.format,
            strict: common.strict,
        }
    }

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
        .map_err(RunError::Runtime)?;
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
    match command {
        Command::Ca(args) => ca::run(&CaSettings::from_args(args, now)),
        Command::Verify(args) => verify::run(&VerifySettings::from_args(args, now)),
        Command::Check(args) => match FleetSettings::from_args(args, now) {
            Some(fleet) => fleet::run(&fleet),
            None => check::run(&CheckSettings::from_args(args, now)?),
        },
        Command::Wait(args) => wait::run(&WaitRun::from_args(args, now)?),
        Command::Sandbox(args) => sandbox::run(&SandboxRun::from_args(args)?, out),
        Command::Demo(args) => sandbox::demo(&DemoSettings::from_args(args, now)?),
        Command::Bench(args) => bench::run(&BenchRun::from_args(args)?),
        Command::Serve(args) => serve::run(&ServeSettings::from_args(args, now)),
        Command::Completions(args) => {
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "mongotls", &mut script);
            print_all(out, &script)
        }
        Command::Man(args) => {
            let mut cli = Cli::command().disable_help_subcommand(true);
            // Builds every subcommand's name as man knows it (`mongotls-check`).
            cli.build();
            let page = match &args.command {
                Some(name) => cli.find_subcommand(name).cloned().unwrap_or(cli),
                None => cli,
            };
            let title = page
                .get_display_name()
                .unwrap_or_else(|| page.get_name())
                .to_string();
            let mut roff = Vec::new();
            clap_mangen::Man::new(page)
                .render(&mut roff)
                .map_err(RunError::Stdout)?;
            print_all(out, &with_title(&roff, &title))
        }
    }
}

/// The page with its `.TH` line first, as man pages begin (clap_mangen puts the definition of
/// the apostrophe string before it, which is as valid after it), and every field of it quoted
/// (clap_mangen leaves the empty date unquoted, which shifts the fields after it).
fn with_title(roff: &[u8], title: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut lines: Vec<&str> = text.lines().filter(|l| !l.starts_with(".TH ")).collect();
    let th = format!(
        ".TH \"{title}\" 1 \"\" \"mongotls {}\" \"User Commands\"",
        env!("CARGO_PKG_VERSION")
    );
    lines.insert(0, &th);
    let mut out = lines.join("\n");
    out.push('\n');
    out.into_bytes()
}

/// Writes generated text (a completion script, a man page) to stdout; a closed pipe
/// (`mongotls man | head`) is not an error.
fn print_all(out: &mut (dyn Write + Send), bytes: &[u8]) -> Result<Outcome, RunError> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(Outcome::Finished),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Outcome::Finished),
        Err(e) => Err(RunError::Stdout(e)),
    }
}
