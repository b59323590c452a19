//! The ready file of `mongotls sandbox --ready-file FILE`: what a script needs to use the
//! sandbox, as JSON, written once every member listens.

use serde::Serialize;

/// The contents of the ready file.
#[derive(Debug, Clone, Serialize)]
pub struct SandboxReady {
    /// The process to signal (SIGTERM or SIGINT) to stop the sandbox.
    pub pid: u32,
    /// The connection string (`tls=true&tlsCAFile=…`), as `URI:` shows it.
    pub uri: String,
    /// The CA file.
    pub ca: String,
    /// Every member as `localhost:PORT`, the primary first (unless `no-primary`).
    pub members: Vec<String>,
    /// The replica-set name.
    pub replica_set: String,
    /// The scenario's name.
    pub scenario: String,
    /// The members' TLS mode (`require`, `allow`, `disabled`).
    pub tls_mode: String,
    /// The users (empty: authentication off), never their passwords.
    pub users: Vec<SandboxReadyUser>,
    /// The client certificate (and key) file signed by the sandbox's CA.
    pub client_cert: String,
}

/// A user of the sandbox in the ready file.
#[derive(Debug, Clone, Serialize)]
pub struct SandboxReadyUser {
    /// The user name (the subject, for the MONGODB-X509 user).
    pub name: String,
    /// Its authentication database.
    pub db: String,
    /// The 0600 file holding its password (SCRAM users only).
    pub password_file: Option<String>,
}

impl SandboxReady {
    /// The JSON text, ending in a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
