//! The `mongotls` binary: parse arguments, run the library, print once, map to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mongotls::cli::Cli::parse();
    match mongotls::run(&cli.command) {
        Ok(outcome) => {
            let mut stdout = io::stdout().lock();
            match outcome.report.render(outcome.format, &mut stdout) {
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
            let _ = writeln!(io::stderr(), "mongotls: error: {e}");
            ExitCode::from(mongotls::EXIT_USAGE)
        }
    }
}
