//! The `mongotls` binary: parse arguments, run the library, print once, map to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use mongotls::cli::ColorChoice;
use mongotls::report::sink::layout_line;
use mongotls::report::{ColorWhen, Environment, Layout, TextSink};

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
            // Help and version are clap's own layout; errors are laid out like every error.
            let _ = if shown.informational {
                write_escaped(&mut io::stdout(), &shown.text, &Layout::PLAIN)
            } else {
                write_escaped(&mut io::stderr(), &shown.text, &error_layout())
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
            let _ = write_escaped(&mut io::stderr(), &format!("{message}\n"), &error_layout());
            ExitCode::from(mongotls::EXIT_USAGE)
        }
    }
}

/// How errors are laid out on stderr: wrapped to its terminal's width (else `COLUMNS`, else 80
/// columns), in ASCII when the locale is not UTF-8, never coloured — as reports are.
fn error_layout() -> Layout {
    Environment::of_stderr().layout(ColorWhen::Never)
}

/// Writes text with every control character a user's input could carry shown escaped, each
/// line laid out by `layout`.
fn write_escaped(out: &mut dyn Write, text: &str, layout: &Layout) -> io::Result<()> {
    let mut escaped = Vec::new();
    let mut safe = mongotls::escape::Escaping::new(&mut escaped);
    safe.write_all(text.as_bytes())?;
    safe.finish()?;
    let escaped = String::from_utf8_lossy(&escaped);
    for line in escaped.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        write!(out, "{}{end}", layout_line(body, layout))?;
    }
    Ok(())
}
