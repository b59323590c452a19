//! The ready file of `mongotls serve --ready-file FILE`: where the exporter listens, as JSON,
//! written once it accepts connections (so that tests and scripts can use `--listen …:0`).

use serde::Serialize;

/// The contents of the ready file.
#[derive(Debug, Clone, Serialize)]
pub struct ServeReady {
    /// The process to signal (SIGTERM or SIGINT) to stop the exporter.
    pub pid: u32,
    /// The address it listens on, `IP:PORT` (the port it was given, or the one the system
    /// chose for port 0).
    pub listen: String,
    /// `http://IP:PORT`, the base of `/metrics`, `/probe?target=NAME` and `/healthz`.
    pub url: String,
    /// The targets' names, in the file's order (the invalid ones too: they answer
    /// `probe_success 0`).
    pub targets: Vec<String>,
}

impl ServeReady {
    /// The JSON text, ending in a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
