//! `mongotls verify`: the report of a chain judged against a CA file, and the chain
//! verification every `check` member carries. Built from
//! [`crate::pki::verify::ChainVerification`]; this is the JSON contract.

use serde::Serialize;
use time::OffsetDateTime;

use super::ca::{CertSummary, CertificateReport, Note};
use super::{value, SCHEMA_VERSION};
use crate::findings::{Finding, Verdict};
use crate::pki::ca_check::BundleAnalysis;
use crate::pki::verify::{
    ChainVerification, EngineError, EngineOutcome, PathElement, PathSource, Role, WebpkiOutcome,
};

/// `mongotls verify`.
#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `verify`.
    pub command: &'static str,
    /// Derived from `findings`.
    pub verdict: Verdict,
    /// The time everything was judged at.
    #[serde(serialize_with = "value::time")]
    pub evaluated_at: OffsetDateTime,
    /// Warning window for expiry, in days.
    pub warn_days: i64,
    /// The host name checked, if any.
    pub host: Option<String>,
    /// `--strict`: deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements
    /// (`lint.*` findings) fail instead of warning.
    pub strict: bool,
    /// The CA file(s) read.
    pub ca_files: Vec<String>,
    /// The chain file read.
    pub chain_file: String,
    /// The CA file's certificates.
    pub ca: Vec<CertSummary>,
    /// The presented certificates, in the order given.
    pub chain: Vec<CertificateReport>,
    /// The path built, leaf first; findings' `certificate` indexes this list.
    pub path: Vec<PathStep>,
    /// The path ends at a certificate of the CA file.
    pub trusted: bool,
    /// rustls-webpki's own judgement.
    pub rustls_webpki: WebpkiReport,
    /// OpenSSL's own verifier, as PyMongo configures it.
    pub openssl: EngineReport,
    /// Node.js: OpenSSL at Node's security level, then `tls.checkServerIdentity`.
    pub node: EngineReport,
    /// Facts about the inputs.
    pub notes: Vec<Note>,
    /// Every problem found: the CA file's, the chain file's, the chain's.
    pub findings: Vec<Finding>,
}

/// What `verify` was given, for the report's header.
#[derive(Clone, Debug)]
pub struct VerifyInputs {
    /// The time everything was judged at.
    pub evaluated_at: OffsetDateTime,
    /// Warning window for expiry, in days.
    pub warn_days: i64,
    /// The host name checked, if any.
    pub host: Option<String>,
    /// `--strict` was given.
    pub strict: bool,
    /// The CA file(s) read.
    pub ca_files: Vec<String>,
    /// The chain file read.
    pub chain_file: String,
}

impl VerifyReport {
    /// The report of `verification`, with the findings about the input files first.
    pub fn new(
        inputs: VerifyInputs,
        ca: &BundleAnalysis,
        chain: &BundleAnalysis,
        verification: &ChainVerification,
        input_findings: Vec<Finding>,
    ) -> Self {
        let mut findings = input_findings;
        findings.extend(verification.findings.iter().cloned());
        VerifyReport {
            schema_version: SCHEMA_VERSION,
            command: "verify",
            verdict: Verdict::from_findings(&findings),
            evaluated_at: inputs.evaluated_at,
            warn_days: inputs.warn_days,
            host: inputs.host,
            strict: inputs.strict,
            ca_files: inputs.ca_files,
            chain_file: inputs.chain_file,
            ca: CertSummary::list(&ca.certificates),
            chain: chain.certificates.iter().map(Into::into).collect(),
            path: verification.path.iter().map(Into::into).collect(),
            trusted: verification.trusted,
            rustls_webpki: (&verification.rustls_webpki).into(),
            openssl: (&verification.openssl).into(),
            node: (&verification.node).into(),
            notes: ca
                .notes
                .iter()
                .chain(&chain.notes)
                .map(Into::into)
                .collect(),
            findings,
        }
    }
}

/// One certificate on the path, leaf first.
#[derive(Clone, Debug, Serialize)]
pub struct PathStep {
    /// Leaf, intermediate, anchor, untrusted.
    #[serde(serialize_with = "value::role")]
    pub role: Role,
    /// Presented chain or CA file.
    #[serde(serialize_with = "value::path_source")]
    pub source: PathSource,
    /// Index in that list.
    pub index: usize,
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// notAfter.
    #[serde(serialize_with = "value::time")]
    pub not_after: OffsetDateTime,
    /// Whole days to notAfter at the evaluation time.
    pub days_remaining: i64,
    /// SHA-256 fingerprint.
    pub sha256_fingerprint: String,
}

impl From<&PathElement> for PathStep {
    fn from(p: &PathElement) -> Self {
        PathStep {
            role: p.role,
            source: p.source,
            index: p.index,
            subject: p.subject.clone(),
            issuer: p.issuer.clone(),
            not_after: p.not_after,
            days_remaining: p.days_remaining,
            sha256_fingerprint: p.sha256_fingerprint.clone(),
        }
    }
}

/// rustls-webpki's own judgement.
#[derive(Clone, Debug, Serialize)]
pub struct WebpkiReport {
    /// Path building and verification for server authentication succeeded.
    pub chain_accepted: bool,
    /// The host name check succeeded (absent when no host was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_accepted: Option<bool>,
    /// webpki's error, when it rejected (its own name for it, e.g. `UnknownIssuer`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl From<&WebpkiOutcome> for WebpkiReport {
    fn from(w: &WebpkiOutcome) -> Self {
        WebpkiReport {
            chain_accepted: w.chain_accepted,
            name_accepted: w.name_accepted,
            error: w.error.as_ref().map(ToString::to_string),
        }
    }
}

/// A real engine's own judgement of the chain (OpenSSL, Node.js).
#[derive(Clone, Debug, Serialize)]
pub struct EngineReport {
    /// The engine accepts the chain (and the host, when one was given).
    pub accepted: bool,
    /// Every error the engine met; empty when it accepts.
    pub errors: Vec<EngineErrorReport>,
}

/// One error of a real engine.
#[derive(Clone, Debug, Serialize)]
pub struct EngineErrorReport {
    /// The engine's symbolic name: `X509_V_ERR_CERT_HAS_EXPIRED`, `ERR_TLS_CERT_ALTNAME_INVALID`.
    pub code: String,
    /// OpenSSL's depth of the certificate concerned (0 = the server's own), when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<u32>,
    /// The engine's own text, in English as the engine writes it.
    pub message: String,
}

impl From<&EngineOutcome> for EngineReport {
    fn from(o: &EngineOutcome) -> Self {
        EngineReport {
            accepted: o.accepted,
            errors: o.errors.iter().map(Into::into).collect(),
        }
    }
}

impl From<&EngineError> for EngineErrorReport {
    fn from(e: &EngineError) -> Self {
        EngineErrorReport {
            code: e.code_name(),
            depth: e.depth,
            message: e.message.clone(),
        }
    }
}

/// A presented chain and its verification, as each `check` member carries it.
#[derive(Clone, Debug, Serialize)]
pub struct ChainReport {
    /// The path built, leaf first.
    pub path: Vec<PathStep>,
    /// The path ends at a certificate of the CA file.
    pub trusted: bool,
    /// rustls-webpki's judgement.
    pub rustls_webpki: WebpkiReport,
    /// OpenSSL's own verifier, as PyMongo configures it.
    pub openssl: EngineReport,
    /// Node.js: OpenSSL at Node's security level, then `tls.checkServerIdentity`.
    pub node: EngineReport,
    /// Every finding. `certificate` indexes `path`.
    pub findings: Vec<Finding>,
}

impl From<&ChainVerification> for ChainReport {
    fn from(v: &ChainVerification) -> Self {
        ChainReport {
            path: v.path.iter().map(Into::into).collect(),
            trusted: v.trusted,
            rustls_webpki: (&v.rustls_webpki).into(),
            openssl: (&v.openssl).into(),
            node: (&v.node).into(),
            findings: v.findings.clone(),
        }
    }
}
