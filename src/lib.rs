//! mongotls: proves a MongoDB deployment's TLS is right, and explains exactly what is wrong
//! when it is not.
//!
//! Layout: [`cli`] (what the user typed) → [`settings`] (validated) → [`commands`] (read
//! inputs, call the pure engine in [`pki`]) → [`report`] (structs and renderers).

pub mod cli;
pub mod commands;
pub mod duration;
pub mod findings;
pub mod pki;
pub mod report;
pub mod settings;
pub mod uri;
pub mod wire;

use std::process::ExitCode;

use time::OffsetDateTime;

use crate::cli::Command;
use crate::findings::Verdict;
use crate::report::{Format, Report};
use crate::settings::{CaSettings, Common, UsageError, VerifySettings};

/// Exit code: nothing failed (warnings allowed unless `--strict`).
pub const EXIT_OK: u8 = 0;
/// Exit code: a check failed.
pub const EXIT_FAIL: u8 = 1;
/// Exit code: usage or input error.
pub const EXIT_USAGE: u8 = 2;

/// Anything that stops a command before it produces a report (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Arguments that cannot be acted on.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// Inputs that cannot be used.
    #[error(transparent)]
    Input(#[from] commands::InputError),
}

/// A finished run: the report and how to render it.
#[derive(Debug)]
pub struct Outcome {
    /// The report.
    pub report: Report,
    /// Requested format.
    pub format: Format,
    /// `--strict` was given.
    pub strict: bool,
}

impl Outcome {
    /// The process exit code for this outcome.
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self.report.verdict() {
            Verdict::Fail => EXIT_FAIL,
            Verdict::Warn if self.strict => EXIT_FAIL,
            _ => EXIT_OK,
        })
    }
}

/// Runs a command with the wall clock as the default evaluation time.
pub fn run(command: &Command) -> Result<Outcome, RunError> {
    run_at(command, OffsetDateTime::now_utc())
}

/// Runs a command; `now` is used unless `--at` overrides it.
pub fn run_at(command: &Command, now: OffsetDateTime) -> Result<Outcome, RunError> {
    let (report, common): (Report, Common) = match command {
        Command::Ca(args) => {
            let s = CaSettings::from_args(args, now)?;
            (commands::run_ca(&s)?, s.common)
        }
        Command::Verify(args) => {
            let s = VerifySettings::from_args(args, now)?;
            (commands::run_verify(&s)?, s.common)
        }
    };
    Ok(Outcome {
        report,
        format: common.format,
        strict: common.strict,
    })
}
