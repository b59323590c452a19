//! The `mongotls` binary: parse arguments, run the library, print once, map to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use mongotls::cli::ColorChoice;
use mongotls::report::{ColorWhen, Environment, TextSink};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language (--lang, else LC_ALL / LC_MESSAGES / LANG) is read before clap parses, so
    // that what parsing says (a value refused, an unknown option) is in it too. It is what
    // clap will read: the last --lang en|zh before a `--`.
    let var = |name: &str| std::env::var(name).ok();
    mongotls::i18n::set_language(mongotls::cli::language_before_parsing(&args, var));
    // The help (`--help`, `-h`, `help`) is in that language too: the command's text comes from
    // the catalog when it is Chinese.
    let parsed = mongotls::cli::localized_command()
        .try_get_matches_from(&args)
        .and_then(|matches| mongotls::cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // The message quotes what was typed: shown, never obeyed.
            let shown = mongotls::cli::render_error(&e, &args);
            let _ = if shown.informational {
                write_escaped(&mut io::stdout(), &shown.text)
            } else {
                write_escaped(&mut io::stderr(), &shown.text)
            };
            return ExitCode::from(shown.exit_code);
        }
    };
    let when = match cli.color {
        ColorChoice::Auto => ColorWhen::Auto,
        ColorChoice::Always => ColorWhen::Always,
        ColorChoice::Never => ColorWhen::Never,
    };
    let env = Environment::of_stdout();
    // What a command prints as it goes (the sandbox) passes the text sink line by line.
    let mut stream = TextSink::new(io::stdout(), env.stream_layout(when));
    let result = mongotls::run(&cli.command, &mut stream);
    let streamed = stream.finish();
    match result {
        Ok(outcome) => {
            let written = streamed.and_then(|()| match &outcome {
                mongotls::Outcome::Report { report, format, .. } => {
                    report.render_laid_out(*format, &env.layout(when), &mut io::stdout().lock())
                }
                mongotls::Outcome::Finished => Ok(()),
            });
            match written {
                Ok(()) => outcome.exit_code(),
                // `mongotls ... | head` is not an error.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => outcome.exit_code(),
                Err(e) => {
                    let _ = writeln!(
                        io::stderr(),
                        "{}",
                        mongotls::tr!("report-write-failed", error = e.to_string())
                    );
                    ExitCode::from(mongotls::EXIT_USAGE)
                }
            }
        }
        Err(e) => {
            // Errors quote inputs (paths, connection-string parts): shown, never obeyed.
            let message = mongotls::tr!("cli-error-prefix", message = e.to_string());
            let _ = write_escaped(&mut io::stderr(), &format!("{message}\n"));
            ExitCode::from(mongotls::EXIT_USAGE)
        }
    }
}

/// Writes text with every control character a user's input could carry shown escaped.
fn write_escaped(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut safe = mongotls::escape::Escaping::new(out);
    safe.write_all(text.as_bytes())?;
    safe.finish()
}
