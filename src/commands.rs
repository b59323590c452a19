//! The commands: read inputs (the only I/O), call the pure engine, assemble the report.

use std::sync::Arc;

use crate::check::{check_set, SetExpectation};
use crate::findings::{Code, Finding, Severity, Verdict};
use crate::net::ClientIdentity;
use crate::pki::bundle::{ParsedInput, RejectKind};
use crate::pki::ca_check::{analyse_bundle, rejection_findings};
use crate::pki::inspect::rfc3339;
use crate::pki::load::{read_input, read_inputs, LoadError};
use crate::pki::verify::{verify_chain, VerifyOptions};
use crate::probe::{ProbeSettings, Target};
use crate::report::{CaReport, CertSummary, Report, VerifyReport, SCHEMA_VERSION};
use crate::report::{CheckCa, CheckOptions, CheckReport, CheckTarget};
use crate::settings::CheckSettings;
use crate::settings::{CaSettings, VerifySettings};
use crate::uri::Host;

/// An input the command cannot work with at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A file could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The client certificate file (`tlsCertificateKeyFile`) cannot be used.
    #[error("tlsCertificateKeyFile {file}: {problem}")]
    ClientIdentity {
        /// The file.
        file: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// A file was read but holds no certificate the command can use.
    #[error("{file}: {problem}")]
    NoCertificate {
        /// The file.
        file: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
}

fn display_paths(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

/// `mongotls ca`.
pub fn run_ca(s: &CaSettings) -> Result<Report, InputError> {
    let input = read_inputs(&s.files)?;
    let analysis = analyse_bundle(&input, s.common.now, s.common.warn_days);
    Ok(Report::Ca(CaReport {
        schema_version: SCHEMA_VERSION,
        command: "ca",
        verdict: Verdict::from_findings(&analysis.findings),
        evaluated_at: rfc3339(s.common.now),
        warn_days: s.common.warn_days,
        files: display_paths(&s.files),
        certificates: analysis.certificates,
        notes: analysis.notes,
        findings: analysis.findings,
    }))
}

/// Reads and analyses the CA file(s) a command trusts; no usable certificate is an input
/// error (exit 2), since nothing can be verified against it.
fn load_ca(
    paths: &[std::path::PathBuf],
    now: time::OffsetDateTime,
    warn_days: i64,
) -> Result<(ParsedInput, crate::pki::ca_check::BundleAnalysis), InputError> {
    let input = read_inputs(paths)?;
    let analysis = analyse_bundle(&input, now, warn_days);
    if analysis.certs.is_empty() {
        return Err(InputError::NoCertificate {
            file: display_paths(paths).join(", "),
            problem: format!(
                "no usable CA certificate ({}); run `mongotls ca` on it for details",
                describe_rejections(&input)
            ),
        });
    }
    Ok((input, analysis))
}

/// `mongotls verify`.
pub fn run_verify(s: &VerifySettings) -> Result<Report, InputError> {
    let now = s.common.now;
    let (ca_input, ca) = load_ca(&s.ca, now, s.common.warn_days)?;
    let chain_input = read_input(&s.chain)?;
    let chain = analyse_bundle(&chain_input, now, s.common.warn_days);
    if chain.certs.is_empty() {
        return Err(InputError::NoCertificate {
            file: s.chain.display().to_string(),
            problem: format!(
                "no certificate to verify ({}); pass the server's certificate file (PEM, leaf first)",
                describe_rejections(&chain_input)
            ),
        });
    }
    let opts = VerifyOptions {
        host: s.host.clone(),
        now,
        warn_days: s.common.warn_days,
    };
    let verification = verify_chain(&ca.certs, &chain.certs, &opts);

    // The CA file's own load problems matter to every client (a corrupt block, a private key);
    // its per-certificate judgements do not, unless the path uses that certificate, which the
    // chain findings already cover.
    let mut findings = rejection_findings(&ca_input.rejected);
    findings.extend(chain_file_findings(&chain_input));
    findings.extend(verification.findings);
    let mut notes = ca.notes;
    notes.extend(chain.notes);

    Ok(Report::Verify(VerifyReport {
        schema_version: SCHEMA_VERSION,
        command: "verify",
        verdict: Verdict::from_findings(&findings),
        evaluated_at: rfc3339(now),
        warn_days: s.common.warn_days,
        host: s.host.as_ref().map(|h| h.to_str().into_owned()),
        ca_files: display_paths(&s.ca),
        chain_file: s.chain.display().to_string(),
        ca: summaries(&ca.certificates),
        chain: chain.certificates,
        path: verification.path,
        trusted: verification.trusted,
        rustls_webpki: verification.rustls_webpki,
        notes,
        findings,
    }))
}

/// What a chain file held besides certificates. A private key is expected (MongoDB's
/// PEMKeyFile holds the certificate and its key) and only noted.
fn chain_file_findings(input: &ParsedInput) -> Vec<Finding> {
    input
        .rejected
        .iter()
        .map(|r| {
            let at = r.origin.to_string();
            let (severity, message, hint) = match &r.kind {
                RejectKind::PrivateKey { label } => (
                    Severity::Info,
                    format!("{at} is a private key ({label}); it was ignored and is not shown"),
                    "expected in a MongoDB PEMKeyFile; never hand this file to clients".to_string(),
                ),
                RejectKind::NotACertificate { label } => (
                    Severity::Warn,
                    format!("{at} is a {label} block, not a certificate; it was ignored"),
                    "the server's PEM file should hold its certificate, the intermediates and its key".to_string(),
                ),
                RejectKind::Empty => (
                    Severity::Fail,
                    format!("{at} holds no certificate"),
                    "pass the server's certificate file".to_string(),
                ),
                RejectKind::ParseError { detail } => (
                    Severity::Fail,
                    format!("{at} could not be read as a certificate: {detail}"),
                    "the server cannot load a damaged PEM file either; re-create it from the issued certificate".to_string(),
                ),
                RejectKind::Unsupported { format, detail } => (
                    Severity::Fail,
                    format!("{at}: {format} — not a certificate"),
                    detail.clone(),
                ),
            };
            Finding::new(Code::CertChainFileContent, severity, message, hint).with_source(at)
        })
        .collect()
}

fn describe_rejections(input: &ParsedInput) -> String {
    if input.rejected.is_empty() {
        return "it holds no certificate".into();
    }
    input
        .rejected
        .iter()
        .map(|r| {
            let what = match &r.kind {
                RejectKind::Empty => "empty".to_string(),
                RejectKind::ParseError { detail } => format!("unreadable ({detail})"),
                RejectKind::Unsupported { format, .. } => format.clone(),
                RejectKind::PrivateKey { label } => format!("a private key ({label})"),
                RejectKind::NotACertificate { label } => format!("a {label}"),
            };
            format!("{}: {what}", r.origin)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `mongotls check`: everything but the rendering.
pub async fn run_check(s: &CheckSettings) -> Result<Report, InputError> {
    let start = std::time::Instant::now();
    let now = s.common.now;
    let (ca_input, ca) = load_ca(&s.ca, now, s.common.warn_days)?;
    let identity = match &s.uri.options.tls_certificate_key_file {
        Some(path) => Some(Arc::new(read_client_identity(path)?)),
        None => None,
    };

    let mut findings = rejection_findings(&ca_input.rejected);
    findings.extend(option_findings(s));
    let settings = Arc::new(ProbeSettings {
        timeout: s.timeout,
        deadline: start + s.deadline,
        run_budget: s.deadline,
        server_name: s.server_name.clone(),
        identity,
        plaintext_probe: s.plaintext_probe,
        now,
        warn_days: s.common.warn_days,
        app_name: s.uri.options.app_name.clone(),
        max_message_bytes: crate::wire::header::DEFAULT_MAX_MESSAGE_BYTES,
        anchors: Arc::new(ca.certs.clone()),
    });
    let seeds: Vec<Target> = s
        .uri
        .hosts
        .iter()
        .map(|hp| Target {
            address: hp.to_string(),
            host: match &hp.host {
                Host::Dns(name) => name.clone(),
                Host::Ip(ip) => ip.to_string(),
            },
            port: hp.port,
        })
        .collect();
    let expect = SetExpectation {
        replica_set: s.uri.options.replica_set.clone(),
        discover: s.discover,
        max_connections: s.max_connections,
    };
    let outcome = check_set(seeds, &expect, settings).await;
    findings.extend(outcome.findings);

    let mut members = outcome.members;
    if s.allow_invalid_hostnames {
        for m in &mut members {
            for f in &mut m.findings {
                if f.code == Code::CertHostnameMismatch {
                    f.message.push_str(
                        " (the connection string tells clients to ignore this: tlsAllowInvalidHostnames)",
                    );
                }
            }
        }
    }
    let verdict = Verdict::from_findings(
        findings
            .iter()
            .chain(members.iter().flat_map(|m| m.findings.iter())),
    );
    Ok(Report::Check(CheckReport {
        schema_version: SCHEMA_VERSION,
        command: "check",
        verdict,
        evaluated_at: rfc3339(now),
        duration_ms: (start.elapsed().as_secs_f64() * 1e6).round() / 1e3,
        target: CheckTarget {
            uri: s.uri.redacted(),
            seeds: s.uri.hosts.iter().map(ToString::to_string).collect(),
            replica_set: s.uri.options.replica_set.clone(),
            set_name: outcome.set_name,
        },
        options: CheckOptions {
            timeout_ms: u64::try_from(s.timeout.as_millis()).unwrap_or(u64::MAX),
            deadline_ms: u64::try_from(s.deadline.as_millis()).unwrap_or(u64::MAX),
            max_connections: s.max_connections,
            discover: s.discover,
            plaintext_probe: s.plaintext_probe,
            server_name: s.server_name.as_ref().map(|n| n.to_str().into_owned()),
            insecure: insecure_options(s),
        },
        ca: CheckCa {
            files: display_paths(&s.ca),
            certificates: summaries(&ca.certificates),
        },
        members,
        findings,
    }))
}

fn insecure_options(s: &CheckSettings) -> Vec<String> {
    let o = &s.uri.options;
    let mut out = Vec::new();
    if o.tls_insecure == Some(true) {
        out.push("tlsInsecure=true".to_string());
    }
    if o.tls_allow_invalid_certificates == Some(true) {
        out.push("tlsAllowInvalidCertificates=true".to_string());
    }
    if o.tls_allow_invalid_hostnames == Some(true) {
        out.push("tlsAllowInvalidHostnames=true".to_string());
    }
    if s.allow_invalid_hostnames
        && o.tls_allow_invalid_hostnames != Some(true)
        && o.tls_insecure != Some(true)
    {
        out.push("--allow-invalid-hostnames".to_string());
    }
    out
}

/// Findings about the connection string and the options in effect.
fn option_findings(s: &CheckSettings) -> Vec<Finding> {
    let mut out = Vec::new();
    for opt in insecure_options(s) {
        out.push(Finding::new(
            Code::TlsInsecureOption,
            Severity::Warn,
            format!("{opt} is in effect: clients configured like this accept certificates they should refuse"),
            "remove it once the certificates are right; mongotls still reports every certificate problem below",
        ));
    }
    if !s.uri.tls_enabled() {
        out.push(Finding::new(
            Code::UriWarning,
            Severity::Warn,
            "the connection string does not ask for TLS (no tls=true): clients using it connect in plaintext; mongotls probes TLS anyway",
            "add tls=true (and tlsCAFile=...) to the connection string your applications use",
        ));
    }
    // The parser words one warning per unknown option (with a spelling suggestion) and lists
    // the names in `unknown_options`; each warning is reported once, under the right code.
    for w in &s.uri.warnings {
        let unknown = s
            .uri
            .unknown_options
            .iter()
            .any(|name| w.contains(&format!("'{name}'")));
        let (code, hint) = if unknown {
            (
                Code::UriUnknownOption,
                "check its spelling against the MongoDB connection string options",
            )
        } else {
            (
                Code::UriWarning,
                "see the MongoDB connection string documentation",
            )
        };
        out.push(Finding::new(code, Severity::Warn, w.clone(), hint));
    }
    out
}

fn summaries(certs: &[crate::pki::ca_check::BundleCertificate]) -> Vec<CertSummary> {
    certs
        .iter()
        .map(|c| CertSummary {
            index: c.index,
            subject: c.info.subject.clone(),
            sha256_fingerprint: c.info.sha256_fingerprint.clone(),
            not_after: c.info.not_after.clone(),
            days_remaining: c.info.days_remaining,
            source: c.source.to_string(),
        })
        .collect()
}

/// Reads `tlsCertificateKeyFile`: the client certificate chain and its (unencrypted) key.
/// Nothing of the key ever reaches an error message.
fn read_client_identity(path: &std::path::Path) -> Result<ClientIdentity, InputError> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let shown = path.display().to_string();
    let problem = |p: &str| InputError::ClientIdentity {
        file: shown.clone(),
        problem: p.to_string(),
    };
    // The loader's checks: size cap (also for /dev/zero, whose size says 0), no directory or
    // device, no endless wait on a pipe without a writer.
    let bytes = crate::pki::load::read_file(path).map_err(|e| problem(&e.problem()))?;
    if String::from_utf8_lossy(&bytes).contains("ENCRYPTED PRIVATE KEY") {
        return Err(problem(
            "the private key is encrypted, which mongotls cannot use yet: write a decrypted copy with `openssl pkcs8 -in FILE -out client-plain.pem` and keep it private",
        ));
    }
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<_, _>>()
        .map_err(|_| problem("a certificate block cannot be decoded"))?;
    if chain.is_empty() {
        return Err(problem(
            "no certificate in it: the file must hold the client certificate and its private key (PEM)",
        ));
    }
    let key = PrivateKeyDer::from_pem_slice(&bytes).map_err(|_| {
        problem("no usable private key in it: the file must hold the client certificate and its unencrypted private key (PEM)")
    })?;
    Ok(ClientIdentity { chain, key })
}

/// `mongotls bench`: measure, then assemble the report (rendering and the SVG are the
/// caller's).
pub async fn run_bench(
    run: &crate::settings::BenchRun,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<Report, InputError> {
    let started = time::OffsetDateTime::now_utc();
    let start = std::time::Instant::now();
    let mut bench = run.bench.clone();
    if let Some(path) = &run.client_cert {
        bench.identity = Some(Arc::new(read_client_identity(path)?));
    }
    let certificate_notes = match &run.ca {
        Some(ca) => bench_certificate_notes(&bench, ca, started).await?,
        None => Vec::new(),
    };
    let mut outcome = crate::bench::run_bench(&bench, progress).await;
    outcome.notes.splice(0..0, certificate_notes);
    let mut findings = Vec::new();
    if outcome.comparisons.is_empty() {
        findings.push(Finding::new(
            Code::BenchNothingMeasured,
            Severity::Fail,
            format!(
                "nothing could be compared: {}",
                if outcome.notes.is_empty() {
                    "no sample succeeded".to_string()
                } else {
                    outcome.notes.join("; ")
                }
            ),
            "run `mongotls check` on the same URI to see why the members cannot be reached",
        ));
    }
    Ok(Report::Bench(crate::report::BenchReport {
        schema_version: SCHEMA_VERSION,
        command: "bench",
        verdict: Verdict::from_findings(&findings),
        started_at: rfc3339(started.replace_nanosecond(0).unwrap_or(started)),
        duration_ms: (start.elapsed().as_secs_f64() * 1e6).round() / 1e3,
        uri: run.uri_redacted.clone(),
        plain_uri: run.plain_uri_redacted.clone(),
        members: run
            .bench
            .members
            .iter()
            .map(|m| m.address.clone())
            .collect(),
        samples: run.bench.samples,
        warmup: run.bench.warmup,
        max_time_ms: u64::try_from(run.bench.max_time.as_millis()).unwrap_or(u64::MAX),
        payload_sizes: run.bench.payload_sizes.clone(),
        series: outcome.series,
        comparisons: outcome.comparisons,
        missing: outcome.missing,
        throughput: outcome.throughput,
        cpu: outcome.cpu,
        warnings: outcome.warnings,
        notes: outcome.notes,
        findings,
    }))
}

/// One probe per member (no plaintext probe) before a benchmark: what clients would refuse.
async fn bench_certificate_notes(
    bench: &crate::bench::BenchSettings,
    ca: &std::path::Path,
    now: time::OffsetDateTime,
) -> Result<Vec<String>, InputError> {
    let (_, analysis) = load_ca(&[ca.to_path_buf()], now, 0)?;
    let settings = ProbeSettings {
        timeout: bench.timeout,
        deadline: std::time::Instant::now() + bench.max_time,
        run_budget: bench.max_time,
        server_name: bench.server_name.clone(),
        identity: bench.identity.clone(),
        plaintext_probe: false,
        now,
        warn_days: 0,
        app_name: None,
        max_message_bytes: bench.max_message_bytes,
        anchors: Arc::new(analysis.certs),
    };
    let mut notes = Vec::new();
    for member in &bench.members {
        let report = crate::probe::probe(member, &settings).await;
        let refused: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Fail)
            .map(|f| f.code.to_string())
            .collect();
        if !refused.is_empty() {
            notes.push(format!(
                "{}: clients would refuse this member ({}); the figures below measure TLS anyway — run `mongotls check` for the details",
                member.address,
                refused.join(", ")
            ));
        }
    }
    Ok(notes)
}
