//! The commands: read inputs (the only I/O), call the pure engine, assemble the report.

use crate::findings::{Code, Finding, Severity, Verdict};
use crate::pki::bundle::{ParsedInput, RejectKind};
use crate::pki::ca_check::{analyse_bundle, rejection_findings};
use crate::pki::inspect::rfc3339;
use crate::pki::load::{read_input, read_inputs, LoadError};
use crate::pki::verify::{verify_chain, VerifyOptions};
use crate::report::{CaReport, CertSummary, Report, VerifyReport, SCHEMA_VERSION};
use crate::settings::{CaSettings, VerifySettings};

/// An input the command cannot work with at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A file could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
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

/// `mongotls verify`.
pub fn run_verify(s: &VerifySettings) -> Result<Report, InputError> {
    let now = s.common.now;
    let ca_input = read_inputs(&s.ca)?;
    let ca = analyse_bundle(&ca_input, now, s.common.warn_days);
    if ca.certs.is_empty() {
        return Err(InputError::NoCertificate {
            file: display_paths(&s.ca).join(", "),
            problem: format!(
                "no usable CA certificate ({}); run `mongotls ca` on it for details",
                describe_rejections(&ca_input)
            ),
        });
    }
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
        ca: ca
            .certificates
            .iter()
            .map(|c| CertSummary {
                index: c.index,
                subject: c.info.subject.clone(),
                sha256_fingerprint: c.info.sha256_fingerprint.clone(),
                not_after: c.info.not_after.clone(),
                days_remaining: c.info.days_remaining,
                source: c.source.to_string(),
            })
            .collect(),
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
