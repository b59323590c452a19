//! Validated settings: what the user typed, checked and resolved before any I/O. Commands
//! take these structs, never raw arguments.

use std::path::PathBuf;

use rustls_pki_types::ServerName;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use std::time::Duration;

use crate::cli::{CaArgs, CheckArgs, CommonArgs, DemoArgs, SandboxSpec, VerifyArgs};
use crate::duration::parse_duration;
use crate::pki::verify::parse_host;
use crate::report::OutputFormat;
use crate::sandbox::{SandboxConfig, Scenario};
use crate::uri::ConnectionString;

/// A usage error: the arguments cannot be acted on. Exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Settings every command shares.
#[derive(Clone, Debug)]
pub struct Common {
    /// Output format.
    pub format: OutputFormat,
    /// Expiry warning window in days.
    pub warn_days: i64,
    /// Evaluation time.
    pub now: OffsetDateTime,
    /// Whether `--at` fixed the time.
    pub fixed_time: bool,
    /// Warnings fail the run.
    pub strict: bool,
}

/// `mongotls ca`.
#[derive(Clone, Debug)]
pub struct CaSettings {
    /// Bundle files.
    pub files: Vec<PathBuf>,
    /// Shared settings.
    pub common: Common,
}

/// `mongotls verify`.
#[derive(Clone, Debug)]
pub struct VerifySettings {
    /// CA files.
    pub ca: Vec<PathBuf>,
    /// Chain file.
    pub chain: PathBuf,
    /// Host to check.
    pub host: Option<ServerName<'static>>,
    /// Shared settings.
    pub common: Common,
}

/// `mongotls check`.
#[derive(Clone, Debug)]
pub struct CheckSettings {
    /// The parsed connection string (secrets inside are [`crate::uri::Secret`]s).
    pub uri: ConnectionString,
    /// CA files: `--ca`, else `tlsCAFile`.
    pub ca: Vec<PathBuf>,
    /// Bound of each network phase.
    pub timeout: Duration,
    /// Bound of the whole run.
    pub deadline: Duration,
    /// Most members probed at once (each holds one connection at a time).
    pub max_connections: usize,
    /// `--server-name`.
    pub server_name: Option<ServerName<'static>>,
    /// `--allow-invalid-hostnames` or `tlsAllowInvalidHostnames=true`.
    pub allow_invalid_hostnames: bool,
    /// `tlsAllowInvalidCertificates=true` or `tlsInsecure=true`.
    pub allow_invalid_certificates: bool,
    /// Follow `hello` to the other members.
    pub discover: bool,
    /// Probe plaintext on every member.
    pub plaintext_probe: bool,
    /// Shared settings.
    pub common: Common,
}

/// Longest accepted `--timeout`.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(300);

/// Longest accepted `--deadline`.
pub const MAX_DEADLINE: Duration = Duration::from_secs(3600);

/// Largest accepted `--max-connections`.
pub const MAX_CONNECTIONS: usize = 256;

impl CheckSettings {
    /// Validates `mongotls check` arguments; reads no file.
    pub fn from_args(args: &CheckArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        let uri = crate::uri::parse(&args.uri)
            .map_err(|e| UsageError(format!("connection string: {e}")))?;
        let timeout =
            parse_duration(&args.timeout).map_err(|e| UsageError(format!("--timeout: {e}")))?;
        if timeout.is_zero() || timeout > MAX_TIMEOUT {
            return Err(UsageError(format!(
                "--timeout {} is out of range: give a duration above 0 and at most 5m, e.g. --timeout 10s",
                args.timeout
            )));
        }
        let deadline =
            parse_duration(&args.deadline).map_err(|e| UsageError(format!("--deadline: {e}")))?;
        if deadline.is_zero() || deadline > MAX_DEADLINE {
            return Err(UsageError(format!(
                "--deadline {} is out of range: give a duration above 0 and at most 1h, e.g. --deadline 2m",
                args.deadline
            )));
        }
        if !(1..=MAX_CONNECTIONS).contains(&args.max_connections) {
            return Err(UsageError(format!(
                "--max-connections {} is out of range: give 1 to {MAX_CONNECTIONS}",
                args.max_connections
            )));
        }
        seed_count_in_range(&uri)?;
        let server_name = match &args.server_name {
            Some(n) => Some(parse_host(n).map_err(|e| UsageError(format!("--server-name: {e}")))?),
            None => None,
        };
        let ca = match (&args.ca, &uri.options.tls_ca_file) {
            (Some(ca), _) => vec![ca.clone()],
            (None, Some(ca)) => vec![ca.clone()],
            (None, None) => {
                return Err(UsageError(
                    "no CA file: pass --ca FILE (the CA certificate downloaded from the console) or add tlsCAFile=FILE to the connection string".into(),
                ))
            }
        };
        let o = &uri.options;
        let allow_invalid_hostnames = args.allow_invalid_hostnames
            || o.tls_allow_invalid_hostnames == Some(true)
            || o.tls_insecure == Some(true);
        let allow_invalid_certificates =
            o.tls_allow_invalid_certificates == Some(true) || o.tls_insecure == Some(true);
        let discover = !args.no_discover && o.direct_connection != Some(true);
        Ok(CheckSettings {
            ca,
            timeout,
            deadline,
            max_connections: args.max_connections,
            server_name,
            allow_invalid_hostnames,
            allow_invalid_certificates,
            discover,
            plaintext_probe: !args.no_plaintext_probe,
            common: Common::from_args(&args.common, now)?,
            uri,
        })
    }
}

impl CheckSettings {
    /// What `demo` checks the sandbox with: `check URI --ca FILE`, a 5 s phase timeout and a
    /// one-minute deadline, everything else at its default.
    pub fn for_demo(
        uri: &str,
        ca: &std::path::Path,
        now: OffsetDateTime,
    ) -> Result<Self, UsageError> {
        let uri = crate::uri::parse(uri)
            .map_err(|e| UsageError(format!("the sandbox's connection string: {e}")))?;
        Ok(CheckSettings {
            ca: vec![ca.to_path_buf()],
            timeout: Duration::from_secs(5),
            deadline: Duration::from_secs(60),
            max_connections: 16,
            server_name: None,
            allow_invalid_hostnames: false,
            allow_invalid_certificates: false,
            discover: true,
            plaintext_probe: true,
            common: Common {
                format: OutputFormat::Text,
                warn_days: 30,
                now: whole_seconds(now),
                fixed_time: false,
                strict: false,
            },
            uri,
        })
    }
}

/// `mongotls sandbox`: the sandbox to start.
pub struct SandboxSettings;

impl SandboxSettings {
    /// Validates the sandbox options.
    pub fn from_spec(spec: &SandboxSpec) -> Result<SandboxConfig, UsageError> {
        let scenario: Scenario = spec.scenario.parse().map_err(|_| {
            UsageError(format!(
                "--scenario '{}' is not a sandbox scenario; choose one of: {}",
                spec.scenario,
                Scenario::ALL
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        let tls_mode = match &spec.tls_mode {
            Some(m) => Some(m.parse().map_err(|_| {
                UsageError(format!(
                    "--tls-mode '{m}' is not a TLS mode; choose require, allow or disabled"
                ))
            })?),
            None => None,
        };
        if !(1..=7).contains(&spec.members) {
            return Err(UsageError(format!(
                "--members {} is out of range: a sandbox has 1 to 7 members",
                spec.members
            )));
        }
        let handshake_delay = match &spec.handshake_delay {
            Some(d) => {
                Some(parse_duration(d).map_err(|e| UsageError(format!("--handshake-delay: {e}")))?)
            }
            None => None,
        };
        Ok(SandboxConfig {
            members: spec.members,
            scenario,
            tls_mode,
            handshake_delay,
        })
    }
}

/// `mongotls demo`: the sandbox to start and how to show its check.
#[derive(Clone, Debug)]
pub struct DemoSettings {
    /// The sandbox.
    pub sandbox: SandboxConfig,
    /// Output format of the check report.
    pub format: OutputFormat,
    /// Evaluation time.
    pub now: OffsetDateTime,
}

impl DemoSettings {
    /// Validates `mongotls demo` arguments.
    pub fn from_args(args: &DemoArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        Ok(DemoSettings {
            sandbox: SandboxSettings::from_spec(&args.spec)?,
            format: args.format.into(),
            now,
        })
    }
}

/// Certificates carry whole seconds; so do reports.
fn whole_seconds(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(0).unwrap_or(t)
}

impl Common {
    /// Validates the shared options; `now` is the wall clock, used unless `--at` is given.
    pub fn from_args(args: &CommonArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        if !(0..=36_500).contains(&args.warn_days) {
            return Err(UsageError(format!(
                "--warn-days {} is out of range: give a number of days from 0 to 36500",
                args.warn_days
            )));
        }
        let (now, fixed_time) = match &args.at {
            Some(text) => (parse_time(text).map_err(UsageError)?, true),
            None => (whole_seconds(now), false),
        };
        Ok(Common {
            format: args.format.into(),
            warn_days: args.warn_days,
            now,
            fixed_time,
            strict: args.strict,
        })
    }
}

impl CaSettings {
    /// Validates `mongotls ca` arguments.
    pub fn from_args(args: &CaArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        Ok(CaSettings {
            files: args.files.clone(),
            common: Common::from_args(&args.common, now)?,
        })
    }
}

impl VerifySettings {
    /// Validates `mongotls verify` arguments.
    pub fn from_args(args: &VerifyArgs, now: OffsetDateTime) -> Result<Self, UsageError> {
        let host = match &args.host {
            Some(h) => Some(parse_host(h).map_err(|e| UsageError(format!("--host: {e}")))?),
            None => None,
        };
        Ok(VerifySettings {
            ca: args.ca.clone(),
            chain: args.chain.clone(),
            host,
            common: Common::from_args(&args.common, now)?,
        })
    }
}

/// Parses `--at`: RFC 3339 (`2027-01-01T00:00:00Z`, `2027-01-01T08:00:00+08:00`) or a bare
/// date (`2027-01-01`, midnight UTC).
pub fn parse_time(text: &str) -> Result<OffsetDateTime, String> {
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(t);
    }
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = Date::parse(text, &date_format) {
        return Ok(d.midnight().assume_utc());
    }
    Err(format!(
        "--at '{text}' is not a time: use RFC 3339 like 2027-01-01T00:00:00Z, or a date like 2027-01-01"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn payload_sizes_parse_and_an_empty_list_is_refused() {
        assert_eq!(parse_sizes("1KiB, 2,1MiB").unwrap(), vec![1024, 2, 1 << 20]);
        for empty in ["", ",,,", " , "] {
            let e = parse_sizes(empty).unwrap_err();
            assert!(e.0.contains("names no size"), "{empty:?}: {e}");
        }
        assert!(parse_sizes("0").is_err() && parse_sizes("-1").is_err());
    }

    #[test]
    fn parses_rfc3339_and_dates() {
        assert_eq!(
            parse_time("2027-01-01T08:00:00+08:00"),
            Ok(datetime!(2027-01-01 00:00 UTC))
        );
        assert_eq!(
            parse_time("2027-01-01"),
            Ok(datetime!(2027-01-01 00:00 UTC))
        );
        let err = parse_time("yesterday").unwrap_err();
        assert!(err.contains("RFC 3339"), "{err}");
    }
}

/// `mongotls bench`: validated.
#[derive(Clone, Debug)]
pub struct BenchRun {
    /// What to measure.
    pub bench: crate::bench::BenchSettings,
    /// The TLS-side URI, redacted.
    pub uri_redacted: String,
    /// The plaintext URI, redacted, when given.
    pub plain_uri_redacted: Option<String>,
    /// Output format.
    pub format: OutputFormat,
    /// `--export-json`.
    pub export_json: Option<PathBuf>,
    /// `--plot`.
    pub plot: Option<PathBuf>,
    /// `--ca`, else `tlsCAFile`: when given, each member's chain is checked once before
    /// measuring, so that a benchmark of a server clients would refuse says so.
    pub ca: Option<PathBuf>,
    /// `tlsCertificateKeyFile`: the client certificate to offer.
    pub client_cert: Option<PathBuf>,
}

/// Largest payload: MongoDB's maxBsonObjectSize.
pub const MAX_PAYLOAD_BYTES: usize = 16 * 1024 * 1024 - 1024;

/// Parses `1KiB,64KiB,1MiB,100` (KiB/MiB binary, KB/MB decimal, bare numbers are bytes).
pub fn parse_sizes(text: &str) -> Result<Vec<usize>, UsageError> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let digits_end = part
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(part.len());
        let (number, unit) = part.split_at(digits_end);
        let n: usize = number.parse().map_err(|_| {
            UsageError(format!(
                "--payload-sizes: '{part}' is not a size: write e.g. 1KiB,64KiB,1MiB"
            ))
        })?;
        let factor = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "kib" | "k" => 1024,
            "mib" | "m" => 1024 * 1024,
            "kb" => 1000,
            "mb" => 1_000_000,
            other => {
                return Err(UsageError(format!(
                    "--payload-sizes: unknown unit '{other}' in '{part}': use B, KiB, MiB, KB or MB"
                )))
            }
        };
        let bytes = n.saturating_mul(factor);
        if bytes == 0 || bytes > MAX_PAYLOAD_BYTES {
            return Err(UsageError(format!(
                "--payload-sizes: {part} is out of range: from 1 byte to 16 MiB minus 1 KiB (MongoDB's largest document)"
            )));
        }
        out.push(bytes);
    }
    if out.is_empty() {
        return Err(UsageError(format!(
            "--payload-sizes '{text}' names no size: write e.g. 1KiB,64KiB,1MiB"
        )));
    }
    Ok(out)
}

/// A replica set has at most 50 members: a longer seed list is a mistake (or hostile), and
/// would bypass the member cap of discovery.
fn seed_count_in_range(uri: &ConnectionString) -> Result<(), UsageError> {
    let max = crate::check::MAX_MEMBERS;
    if uri.hosts.len() > max {
        return Err(UsageError(format!(
            "the connection string lists {} hosts; a replica set has at most {max} members: give at most {max} seeds",
            uri.hosts.len()
        )));
    }
    Ok(())
}

fn targets(uri: &ConnectionString) -> Vec<crate::probe::Target> {
    uri.hosts
        .iter()
        .map(|hp| crate::probe::Target {
            address: hp.to_string(),
            host: match &hp.host {
                crate::uri::Host::Dns(n) => n.clone(),
                crate::uri::Host::Ip(ip) => ip.to_string(),
            },
            port: hp.port,
        })
        .collect()
}

impl BenchRun {
    /// Validates `mongotls bench` arguments; reads no file.
    pub fn from_args(args: &crate::cli::BenchArgs) -> Result<Self, UsageError> {
        let uri = crate::uri::parse(&args.uri)
            .map_err(|e| UsageError(format!("connection string: {e}")))?;
        let duration = |flag: &str, text: &str| {
            parse_duration(text)
                .map_err(|e| UsageError(format!("{flag}: {e}")))
                .and_then(|d| {
                    if d.is_zero() {
                        Err(UsageError(format!("{flag} must be above 0")))
                    } else {
                        Ok(d)
                    }
                })
        };
        let max_time = duration("--max-time", &args.max_time)?;
        let timeout = duration("--timeout", &args.timeout)?;
        if timeout > MAX_TIMEOUT {
            return Err(UsageError("--timeout is at most 5m".into()));
        }
        if !(1..=1_000_000).contains(&args.samples) {
            return Err(UsageError(format!(
                "--samples {} is out of range: from 1 to 1000000",
                args.samples
            )));
        }
        if args.warmup > 1000 {
            return Err(UsageError("--warmup is at most 1000".into()));
        }
        if let Some(n) = args.concurrency {
            if !(1..=256).contains(&n) {
                return Err(UsageError(format!(
                    "--concurrency {n} is out of range: from 1 to 256"
                )));
            }
        }
        seed_count_in_range(&uri)?;
        let mut members = targets(&uri);
        if let Some(want) = &args.member {
            let want_l = want.to_ascii_lowercase();
            members.retain(|t| t.address.to_ascii_lowercase() == want_l);
            if members.is_empty() {
                return Err(UsageError(format!(
                    "--member {want} is not in the connection string's hosts ({})",
                    uri.hosts
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        let (plain_endpoints, plain_uri_redacted) = match &args.plain_uri {
            Some(p) => {
                let plain =
                    crate::uri::parse(p).map_err(|e| UsageError(format!("--plain-uri: {e}")))?;
                let pts = targets(&plain);
                let paired = members
                    .iter()
                    .enumerate()
                    .map(|(i, _)| pts.get(i).or(pts.first()).cloned())
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| UsageError("--plain-uri has no host".into()))?;
                (paired, Some(plain.redacted()))
            }
            None => (members.clone(), None),
        };
        let server_name = match &args.server_name {
            Some(n) => Some(parse_host(n).map_err(|e| UsageError(format!("--server-name: {e}")))?),
            None => None,
        };
        let payload_sizes = match &args.payload_sizes {
            Some(t) => parse_sizes(t)?,
            None => Vec::new(),
        };
        Ok(BenchRun {
            bench: crate::bench::BenchSettings {
                members,
                plain_endpoints,
                server_name,
                identity: None,
                samples: args.samples,
                warmup: args.warmup,
                max_time,
                timeout,
                concurrency: args.concurrency,
                payload_sizes,
                max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
            },
            uri_redacted: uri.redacted(),
            plain_uri_redacted,
            format: args.format.into(),
            export_json: args.export_json.clone(),
            plot: args.plot.clone(),
            ca: args.ca.clone().or_else(|| uri.options.tls_ca_file.clone()),
            client_cert: uri.options.tls_certificate_key_file.clone(),
        })
    }
}
