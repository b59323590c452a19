//! The driver stage of `check`: what the official Rust driver made of the connection string.
//! Built from [`crate::driver::DriverOutcome`]; part of check's JSON contract (`driver`).

use std::time::Duration;

use serde::Serialize;

use super::value;
use crate::driver::{DriverOutcome, DriverVerdict, DRIVER_NAME, DRIVER_VERSION};
use crate::findings::Finding;

/// `driver` in check's JSON.
#[derive(Clone, Debug, Serialize)]
pub struct DriverReport {
    /// `pass`, `fail` or `skipped`.
    #[serde(serialize_with = "value::driver_verdict")]
    pub verdict: DriverVerdict,
    /// The driver that ran.
    pub name: &'static str,
    /// Its version.
    pub version: &'static str,
    /// Why the stage was skipped.
    pub reason: Option<String>,
    /// Who the server says we are after authentication; `null` without credentials.
    pub authenticated: Option<AuthenticatedReport>,
    /// The driver's error, secrets removed.
    pub error: Option<String>,
    /// Where the driver's trust came from.
    pub trust: Option<String>,
    /// What the driver last knew of each server (empty when the credentials were refused:
    /// the servers answered).
    pub servers: Vec<DriverServerReport>,
    /// Wall time of the stage.
    #[serde(rename = "duration_ms", serialize_with = "value::millis")]
    pub duration: Duration,
    /// What the outcome means, and where it differs from the probe.
    pub findings: Vec<Finding>,
}

/// `driver.authenticated`.
#[derive(Clone, Debug, Serialize)]
pub struct AuthenticatedReport {
    /// The user name.
    pub user: String,
    /// The database it is defined in.
    pub db: String,
    /// The mechanism.
    pub mechanism: String,
    /// Its roles, as `role@db`.
    pub roles: Vec<String>,
}

/// One of `driver.servers`.
#[derive(Clone, Debug, Serialize)]
pub struct DriverServerReport {
    /// `host:port`.
    pub address: String,
    /// The driver's server type.
    #[serde(rename = "type")]
    pub server_type: String,
    /// The driver's error for it.
    pub error: Option<String>,
}

impl From<&DriverOutcome> for DriverReport {
    fn from(o: &DriverOutcome) -> Self {
        DriverReport {
            verdict: o.verdict,
            name: DRIVER_NAME,
            version: DRIVER_VERSION,
            reason: o.reason.clone(),
            authenticated: o.authenticated.as_ref().map(|a| AuthenticatedReport {
                user: a.user.clone(),
                db: a.db.clone(),
                mechanism: a.mechanism.clone(),
                roles: a.roles.clone(),
            }),
            error: o.error.clone(),
            trust: (!o.trust.is_empty()).then(|| o.trust.clone()),
            servers: o
                .servers
                .iter()
                .map(|s| DriverServerReport {
                    address: s.address.clone(),
                    // The driver's own names, as its Debug writes them (`RsPrimary`).
                    server_type: format!("{:?}", s.server_type),
                    error: s.error.clone(),
                })
                .collect(),
            duration: o.duration,
            findings: o.findings.clone(),
        }
    }
}
