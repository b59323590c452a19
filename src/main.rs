//! The `mongotls` binary: parse arguments, run the library, print once, map to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mongotls::cli::Cli::parse();
    let mut stdout = io::stdout();
    match mongotls::run(&cli.command, &mut stdout) {
        Ok(outcome) => {
            let written = match &outcome {
                mongotls::Outcome::Report { report, format, .. } => {
                    report.render(*format, &mut stdout.lock())
                }
                mongotls::Outcome::Finished => Ok(()),
            };
            match written {
                Ok(()) => outcome.exit_code(),
                // `mongotls ... | head` is not an error.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => outcome.exit_code(),
                Err(e) => {
                    let _ = writeln!(io::stderr(), "mongotls: cannot write the report: {e}");
                    ExitCode::from(mongotls::EXIT_USAGE)
                }
            }
        }
        Err(e) => {
            // Errors quote inputs (paths, connection-string parts): shown, never obeyed.
            let mut stderr = io::stderr();
            let mut safe = mongotls::escape::Escaping::new(&mut stderr);
            let _ = writeln!(safe, "mongotls: error: {e}");
            let _ = safe.finish();
            ExitCode::from(mongotls::EXIT_USAGE)
        }
    }
}
