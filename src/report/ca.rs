//! `mongotls ca`: the report of a CA bundle, and the certificate facts `verify` and `check`
//! show too. Built from [`crate::pki::ca_check::BundleAnalysis`]; this is the JSON contract.

use serde::Serialize;
use time::OffsetDateTime;

use super::{value, SCHEMA_VERSION};
use crate::findings::{Finding, Verdict};
use crate::pki::bundle::Origin;
use crate::pki::ca_check::{BundleAnalysis, BundleCertificate};
use crate::pki::inspect::{CertInfo, KeyInfo, SignatureHash};

/// `mongotls ca`.
#[derive(Clone, Debug, Serialize)]
pub struct CaReport {
    /// JSON shape version.
    pub schema_version: u32,
    /// Always `ca`.
    pub command: &'static str,
    /// Derived from `findings`.
    pub verdict: Verdict,
    /// The time everything was judged at.
    #[serde(serialize_with = "value::time")]
    pub evaluated_at: OffsetDateTime,
    /// Warning window for expiry, in days.
    pub warn_days: i64,
    /// The files read, as given.
    pub files: Vec<String>,
    /// Every certificate found, in input order.
    pub certificates: Vec<CertificateReport>,
    /// Facts about the input (ZIP members used, …).
    pub notes: Vec<Note>,
    /// Every problem found.
    pub findings: Vec<Finding>,
}

impl CaReport {
    /// The report of `files`, analysed at `now`.
    pub fn new(
        files: Vec<String>,
        analysis: &BundleAnalysis,
        now: OffsetDateTime,
        warn_days: i64,
    ) -> Self {
        CaReport {
            schema_version: SCHEMA_VERSION,
            command: "ca",
            verdict: Verdict::from_findings(&analysis.findings),
            evaluated_at: now,
            warn_days,
            files,
            certificates: analysis.certificates.iter().map(Into::into).collect(),
            notes: analysis.notes.iter().map(Into::into).collect(),
            findings: analysis.findings.clone(),
        }
    }
}

/// One certificate of a bundle or a chain file, with where it came from and how it chains.
#[derive(Clone, Debug, Serialize)]
pub struct CertificateReport {
    /// 0-based position in the bundle (the `certificate` index of findings).
    pub index: usize,
    /// File, ZIP member, PEM block and line.
    #[serde(serialize_with = "value::origin")]
    pub source: Origin,
    /// Everything read from the certificate.
    #[serde(flatten)]
    pub info: CertificateFacts,
    /// Self-issued and its own key verifies its signature.
    pub self_signed: bool,
    /// Index of the bundle certificate that issued this one, if the bundle holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_by: Option<usize>,
    /// How this entry relates to the others, in words.
    pub chain: String,
}

impl From<&BundleCertificate> for CertificateReport {
    fn from(c: &BundleCertificate) -> Self {
        CertificateReport {
            index: c.index,
            source: c.source.clone(),
            info: (&c.info).into(),
            self_signed: c.self_signed,
            issued_by: c.issued_by,
            chain: c.chain.to_string(),
        }
    }
}

/// Everything shown about one certificate.
#[derive(Clone, Debug, Serialize)]
pub struct CertificateFacts {
    /// Subject distinguished name, e.g. `C=CN, O=Example, CN=Example Root CA`.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number, colon-separated hex.
    pub serial: String,
    /// SHA-256 of the DER encoding, colon-separated upper-case hex.
    pub sha256_fingerprint: String,
    /// notBefore.
    #[serde(serialize_with = "value::time")]
    pub not_before: OffsetDateTime,
    /// notAfter.
    #[serde(serialize_with = "value::time")]
    pub not_after: OffsetDateTime,
    /// Whole days from the evaluation time to notAfter; negative once expired.
    pub days_remaining: i64,
    /// X.509 version (1 or 3).
    pub version: u32,
    /// Subject public key.
    pub key: KeyFacts,
    /// Signature algorithm name (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`, …).
    pub signature_algorithm: String,
    /// Hash family of the signature algorithm.
    #[serde(serialize_with = "value::signature_hash")]
    pub signature_hash: SignatureHash,
    /// basicConstraints CA flag (false when the extension is absent).
    pub is_ca: bool,
    /// Whether a basicConstraints extension is present at all.
    pub basic_constraints: bool,
    /// basicConstraints pathLenConstraint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_len: Option<u32>,
    /// Key usage bits, by name; empty when the extension is absent.
    pub key_usage: Vec<String>,
    /// Extended key usages, by name or OID; `null` when the extension is absent.
    pub extended_key_usage: Option<Vec<String>>,
    /// Subject key identifier, colon-separated hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_key_id: Option<String>,
    /// Authority key identifier, colon-separated hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_key_id: Option<String>,
    /// subjectAltNames as `DNS:name`, `IP:addr`, …; `null` when the extension is absent.
    pub subject_alt_names: Option<Vec<String>>,
    /// Subject common names.
    pub common_names: Vec<String>,
    /// authorityInfoAccess caIssuers URLs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ca_issuers_urls: Vec<String>,
    /// Subject equals issuer.
    pub self_issued: bool,
    /// Critical extensions OpenSSL does not handle (by OID).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unhandled_critical_extensions: Vec<String>,
}

impl From<&CertInfo> for CertificateFacts {
    fn from(i: &CertInfo) -> Self {
        CertificateFacts {
            subject: i.subject.clone(),
            issuer: i.issuer.clone(),
            serial: i.serial.clone(),
            sha256_fingerprint: i.sha256_fingerprint.clone(),
            not_before: i.not_before,
            not_after: i.not_after,
            days_remaining: i.days_remaining,
            version: i.version,
            key: (&i.key).into(),
            signature_algorithm: i.signature_algorithm.clone(),
            signature_hash: i.signature_hash,
            is_ca: i.is_ca,
            basic_constraints: i.basic_constraints,
            path_len: i.path_len,
            key_usage: i.key_usage.clone(),
            extended_key_usage: i.extended_key_usage.clone(),
            subject_key_id: i.subject_key_id.clone(),
            authority_key_id: i.authority_key_id.clone(),
            subject_alt_names: i.subject_alt_names.clone(),
            common_names: i.common_names.clone(),
            ca_issuers_urls: i.ca_issuers_urls.clone(),
            self_issued: i.self_issued,
            unhandled_critical_extensions: i.unhandled_critical_extensions.clone(),
        }
    }
}

/// The public key of a certificate.
#[derive(Clone, Debug, Serialize)]
pub struct KeyFacts {
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, or the OID when unknown.
    pub algorithm: String,
    /// Key size in bits, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bits: Option<u32>,
    /// Named curve for EC keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curve: Option<String>,
}

impl From<&KeyInfo> for KeyFacts {
    fn from(k: &KeyInfo) -> Self {
        KeyFacts {
            algorithm: k.algorithm.clone(),
            bits: k.bits,
            curve: k.curve.clone(),
        }
    }
}

/// A fact about the input worth showing (e.g. which ZIP member was used).
#[derive(Clone, Debug, Serialize)]
pub struct Note {
    /// Where it applies.
    pub source: String,
    /// What happened.
    pub message: String,
}

impl From<&crate::pki::ca_check::Note> for Note {
    fn from(n: &crate::pki::ca_check::Note) -> Self {
        Note {
            source: n.source.clone(),
            message: n.message.clone(),
        }
    }
}

/// A short description of a CA-file certificate, as `verify` and `check` list them.
#[derive(Clone, Debug, Serialize)]
pub struct CertSummary {
    /// Index in the CA file.
    pub index: usize,
    /// Subject DN.
    pub subject: String,
    /// SHA-256 fingerprint.
    pub sha256_fingerprint: String,
    /// notAfter.
    #[serde(serialize_with = "value::time")]
    pub not_after: OffsetDateTime,
    /// Whole days to notAfter.
    pub days_remaining: i64,
    /// Where it was read from.
    pub source: String,
}

impl CertSummary {
    /// The summaries of a bundle's certificates.
    pub fn list(certs: &[BundleCertificate]) -> Vec<CertSummary> {
        certs
            .iter()
            .map(|c| CertSummary {
                index: c.index,
                subject: c.info.subject.clone(),
                sha256_fingerprint: c.info.sha256_fingerprint.clone(),
                not_after: c.info.not_after,
                days_remaining: c.info.days_remaining,
                source: c.source.to_string(),
            })
            .collect()
    }
}
