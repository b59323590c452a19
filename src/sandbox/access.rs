//! Who may use the sandbox: users and the client certificate mode ([`AuthConfig`]), the
//! default users of the scenarios with authentication, the 0600 files holding passwords and
//! client certificates, and how [`super::describe`] shows them (never a password).

use std::io;
use std::path::{Path, PathBuf};

use super::auth::ActiveUser;
use super::{
    ClientAuth, Password, Role, Sandbox, SandboxError, SandboxUser, Scenario, UserCredential,
    DEFAULT_USER, DEFAULT_USER_DB, X509_MECHANISM, X509_USER_SUBJECT,
};
use crate::tr;

/// The users of a sandbox with authentication: [`DEFAULT_USER`] on [`DEFAULT_USER_DB`] with
/// SCRAM-SHA-1 and SCRAM-SHA-256 (a random password per run), and the MONGODB-X509 user
/// [`X509_USER_SUBJECT`] of the sandbox's client certificate; both `readWrite` on `app`.
pub fn default_users() -> Vec<SandboxUser> {
    vec![
        SandboxUser::scram(
            DEFAULT_USER,
            DEFAULT_USER_DB,
            None,
            vec![Role::new("readWrite", "app")],
        ),
        SandboxUser::x509(X509_USER_SUBJECT, vec![Role::new("readWrite", "app")]),
    ]
}

/// Who may use the sandbox: its users (authentication is on iff there is one) and whether
/// members ask TLS clients for a certificate. [`Sandbox::start`] takes the scenario's
/// ([`AuthConfig::for_scenario`]); [`Sandbox::start_with_auth`] takes any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthConfig {
    /// The users (empty: authentication off).
    pub users: Vec<SandboxUser>,
    /// Whether members ask TLS clients for a certificate.
    pub client_auth: ClientAuth,
}

impl AuthConfig {
    /// What `scenario` runs with: [`Scenario::default_users`] and
    /// [`Scenario::default_client_auth`].
    pub fn for_scenario(scenario: Scenario) -> AuthConfig {
        AuthConfig {
            users: scenario.default_users(),
            client_auth: scenario.default_client_auth(),
        }
    }

    /// Authentication on with [`default_users`], and client certificates as `client_auth`
    /// says.
    pub fn default_users(client_auth: ClientAuth) -> AuthConfig {
        AuthConfig {
            users: default_users(),
            client_auth,
        }
    }
}

/// A user of a running sandbox: its name, db and roles, how it authenticates, and for SCRAM
/// users the file holding its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSandboxUser {
    /// The user as configured, with the password resolved (generated when none was given).
    pub user: SandboxUser,
    /// The 0600 file holding the password (SCRAM users only).
    pub password_file: Option<PathBuf>,
}

/// The client certificate files of a sandbox (each a PEM with the certificate, then its
/// PKCS#8 key, as `tlsCertificateKeyFile` wants it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCertFiles {
    /// Valid, clientAuth, signed by the sandbox's root CA; its subject is the MONGODB-X509
    /// user [`X509_USER_SUBJECT`].
    pub good: PathBuf,
    /// The same subject and CA, expired 30 days ago.
    pub expired: PathBuf,
    /// The same subject, signed by another CA that the members do not trust.
    pub other_ca: PathBuf,
}

/// Where a continuation line of the sandbox's description starts: under the values of `URI:`
/// and the other labels.
pub(super) const INDENT: &str = "           ";

/// The users, password files and client certificates, as [`describe`] prints them (never a
/// password).
pub(crate) fn describe_auth(sandbox: &Sandbox, out: &mut (dyn io::Write + Send)) -> io::Result<()> {
    let auth = if sandbox.users.is_empty() {
        tr!("sandbox-describe-auth-off")
    } else {
        tr!("sandbox-describe-auth-on")
    };
    writeln!(out, "{auth}")?;
    for active in &sandbox.users {
        let user = &active.user;
        let roles: Vec<String> = user
            .roles
            .iter()
            .map(|r| format!("{}@{}", r.role, r.db))
            .collect();
        let how = match &user.credential {
            UserCredential::Scram { mechanisms, .. } => mechanisms
                .iter()
                .map(|m| m.name())
                .collect::<Vec<_>>()
                .join(", "),
            UserCredential::X509 => X509_MECHANISM.to_owned(),
        };
        let roles = if roles.is_empty() {
            tr!("sandbox-describe-no-roles")
        } else {
            roles.join(", ")
        };
        let line = tr!(
            "sandbox-describe-user",
            name = user.name.as_str(),
            db = user.db.as_str(),
            how = how,
            roles = roles
        );
        writeln!(out, "{line}")?;
        if let Some(file) = &active.password_file {
            let line = tr!(
                "sandbox-describe-password-file",
                path = file.display().to_string()
            );
            writeln!(out, "{INDENT}{line}")?;
        }
    }
    let certs = sandbox.client_certs();
    let mode = match sandbox.client_auth() {
        ClientAuth::None => tr!("sandbox-describe-client-certs-none"),
        ClientAuth::Optional => tr!("sandbox-describe-client-certs-optional"),
        ClientAuth::Required => tr!("sandbox-describe-client-certs-required"),
    };
    writeln!(out, "{mode}")?;
    let lines = [
        tr!(
            "sandbox-describe-cert-good",
            path = certs.good.display().to_string(),
            subject = X509_USER_SUBJECT
        ),
        tr!(
            "sandbox-describe-cert-expired",
            path = certs.expired.display().to_string()
        ),
        tr!(
            "sandbox-describe-cert-other-ca",
            path = certs.other_ca.display().to_string()
        ),
    ];
    for line in lines {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// Resolves the users' passwords (a random one where none is given), writes each SCRAM user's
/// password to a 0600 file in `dir`, and derives what the members store.
pub(crate) fn set_up_users(
    users: &[SandboxUser],
    dir: &Path,
) -> Result<(Vec<ActiveSandboxUser>, Vec<ActiveUser>), SandboxError> {
    let mut resolved = Vec::with_capacity(users.len());
    let mut active = Vec::with_capacity(users.len());
    for (index, user) in users.iter().enumerate() {
        let mut user = user.clone();
        let mut password_file = None;
        let mut password_text = None;
        if let UserCredential::Scram { password, .. } = &mut user.credential {
            let pw = match password {
                Some(pw) => pw.clone(),
                None => random_password().map_err(|reason| SandboxError::User {
                    user: user.name.clone(),
                    reason,
                })?,
            };
            let name = format!("password-{index}-{}.txt", file_safe(&user.name));
            password_file = Some(write_private(dir, &name, pw.expose())?);
            password_text = Some(pw.expose().to_owned());
            *password = Some(pw);
        }
        let stored =
            ActiveUser::new(&user, password_text.as_deref()).map_err(|e| SandboxError::User {
                user: user.name.clone(),
                reason: e.to_string(),
            })?;
        active.push(stored);
        resolved.push(ActiveSandboxUser {
            user,
            password_file,
        });
    }
    Ok((resolved, active))
}

/// 18 random bytes, base64url: 24 characters that need no escaping in a URI.
fn random_password() -> Result<Password, String> {
    use base64::Engine as _;
    use ring::rand::SecureRandom as _;
    let mut bytes = [0u8; 18];
    ring::rand::SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| "the system random number generator failed".to_owned())?;
    Ok(Password::new(
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
    ))
}

/// `name` with everything but ASCII letters, digits, `-` and `_` replaced by `_`.
fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Writes `contents` to `dir/name`, readable by the owner only (it holds a password or a key).
pub(crate) fn write_private(
    dir: &Path,
    name: &str,
    contents: &str,
) -> Result<PathBuf, SandboxError> {
    use std::io::Write as _;
    let path = dir.join(name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
        .open(&path)
        .and_then(|mut f| f.write_all(contents.as_bytes()))
        .map_err(|source| SandboxError::TempDir {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}
