//! The password the driver stage authenticates with: from the connection string,
//! `--password-env VAR`, `--password-file FILE`, or a prompt without echo when stdin is a
//! terminal (never otherwise). The value only ever lives in a [`Secret`].

use std::io::IsTerminal;

use super::inputs::InputError;
use crate::settings::{CheckSettings, PasswordSource};
use crate::uri::Secret;

/// Mechanisms that authenticate without a password.
const PASSWORDLESS: &[&str] = &["MONGODB-X509", "MONGODB-AWS", "GSSAPI", "MONGODB-OIDC"];

/// The password to hand the driver in place of the connection string's, if any.
pub(super) fn password(s: &CheckSettings) -> Result<Option<Secret>, InputError> {
    let user = s.username.as_deref().or(s.uri.username.as_deref());
    match &s.password {
        Some(source) => {
            if user.is_none() {
                return Err(problem(
                    "a password was given but no user: pass --username USER or put the user in the connection string",
                ));
            }
            read(source).map(Some)
        }
        None => {
            let mechanism = s.uri.options.auth_mechanism.as_deref().unwrap_or("");
            // Only the driver stage authenticates, and it does not run under --dns-server.
            let needs_one = s.driver
                && s.dns_server.is_none()
                && s.uri.password.is_none()
                && !PASSWORDLESS
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(mechanism));
            match user {
                Some(user) if needs_one => prompt(user, s.prompt).map(Some),
                _ => Ok(None),
            }
        }
    }
}

fn problem(text: &str) -> InputError {
    InputError::Password {
        problem: text.to_string(),
    }
}

fn read(source: &PasswordSource) -> Result<Secret, InputError> {
    match source {
        PasswordSource::Env(var) => match std::env::var(var) {
            Ok(value) if value.is_empty() => Err(problem(&format!(
                "--password-env {var}: the variable is empty"
            ))),
            Ok(value) => Ok(Secret::new(value)),
            Err(std::env::VarError::NotPresent) => Err(problem(&format!(
                "--password-env {var}: the variable is not set; export it first (`read -s {var}; export {var}`)"
            ))),
            Err(std::env::VarError::NotUnicode(_)) => Err(problem(&format!(
                "--password-env {var}: the value is not valid UTF-8"
            ))),
        },
        PasswordSource::File(path) => {
            let shown = path.display();
            let bytes = crate::pki::load::read_file(path)
                .map_err(|e| problem(&format!("--password-file {shown}: {}", e.problem())))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                problem(&format!("--password-file {shown}: the file is not UTF-8 text"))
            })?;
            // The first line, without its line ending: `echo pw > file` works.
            let first = text.lines().next().unwrap_or("");
            if first.is_empty() {
                return Err(problem(&format!(
                    "--password-file {shown}: the first line is empty; write the password on it"
                )));
            }
            Ok(Secret::new(first))
        }
    }
}

/// Asks on the terminal, without echo; refuses when asking is not `allowed` (`serve`) or stdin
/// is not a terminal (a cron job must not wait for an answer that never comes).
fn prompt(user: &str, allowed: bool) -> Result<Secret, InputError> {
    if !allowed || !std::io::stdin().is_terminal() {
        return Err(problem(&format!(
            "the connection string names the user '{user}' but no password, and stdin is not a terminal to ask on: pass --password-env VAR or --password-file FILE, or --no-driver to skip authentication"
        )));
    }
    let answer = rpassword::prompt_password(format!("Password for {user}: "))
        .map_err(|e| problem(&format!("the password prompt failed: {e}")))?;
    Ok(Secret::new(answer))
}
