//! Judging a CA bundle on its own (`mongotls ca`): what is in it, how its entries chain to each
//! other, and what is wrong with it. Pure: the evaluation time is a parameter.

use std::collections::HashMap;
use std::fmt;

use time::OffsetDateTime;

use crate::dates::rfc3339;
use crate::findings::{Code, Finding, Severity};
use crate::pki::bundle::{Origin, ParsedInput, RejectKind, Rejected};
use crate::pki::clients::{verdicts_for, Condition};
use crate::pki::inspect::{Cert, CertInfo, SignatureCheck, SignatureHash};
use crate::tr;

/// One certificate of the bundle, with where it came from and how it chains.
#[derive(Clone, Debug)]
pub struct BundleCertificate {
    /// 0-based position in the bundle (the `certificate` index of findings).
    pub index: usize,
    /// File, ZIP member, PEM block and line.
    pub source: Origin,
    /// Everything read from the certificate.
    pub info: CertInfo,
    /// Self-issued and its own key verifies its signature.
    pub self_signed: bool,
    /// Index of the bundle certificate that issued this one, if the bundle holds it.
    pub issued_by: Option<usize>,
    /// How this entry relates to the others.
    pub chain: ChainRelation,
}

/// How one certificate of a bundle relates to the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainRelation {
    /// Where its issuer is.
    pub issuer: IssuerInBundle,
    /// The bundle certificates it issued.
    pub issued: Vec<usize>,
}

/// Where a bundle certificate's issuer is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssuerInBundle {
    /// It is its own issuer.
    SelfSignedRoot,
    /// Another certificate of the bundle (by index).
    IssuedBy(usize),
    /// Not in the bundle; the issuer's name.
    Missing(String),
    /// A presented chain judged against a CA file ([`analyse_chain`]): the chain does not hold
    /// the issuer, this certificate of the CA file (by index) does.
    IssuedByCaFile(usize),
    /// A presented chain judged against a CA file: neither holds the issuer, but the CA file
    /// holds this very certificate (by index), so the path is anchored at it.
    InCaFile(usize),
    /// A presented chain judged against a CA file: the chain does not hold the issuer, and the
    /// CA file's certificate with the issuer's name (by index) has another key.
    NameOnlyInCaFile {
        /// The issuer's name.
        issuer: String,
        /// The CA file certificate with that name.
        ca: usize,
    },
    /// A presented chain judged against a CA file: neither holds the issuer; its name.
    MissingFromChainAndCaFile(String),
}

/// `self-signed root; issued #1`, `issued by #0`, `issuer "…" is not in the bundle`, and for a
/// presented chain `issued by CA file #0`, `issuer "…" is in neither the chain nor the CA file`.
impl fmt::Display for ChainRelation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let issuer = match &self.issuer {
            IssuerInBundle::SelfSignedRoot => tr!("pki-relation-self-signed-root"),
            IssuerInBundle::IssuedBy(j) => tr!("pki-relation-issued-by", index = j.to_string()),
            IssuerInBundle::Missing(issuer) => {
                tr!("pki-relation-not-in-bundle", issuer = issuer.as_str())
            }
            IssuerInBundle::IssuedByCaFile(j) => {
                tr!("pki-relation-issued-by-ca-file", index = j.to_string())
            }
            IssuerInBundle::InCaFile(j) => tr!("pki-relation-in-ca-file", index = j.to_string()),
            IssuerInBundle::NameOnlyInCaFile { issuer, ca } => tr!(
                "pki-relation-name-only-in-ca-file",
                issuer = issuer.as_str(),
                index = ca.to_string(),
            ),
            IssuerInBundle::MissingFromChainAndCaFile(issuer) => {
                tr!("pki-relation-nowhere", issuer = issuer.as_str())
            }
        };
        if self.issued.is_empty() {
            return f.write_str(&issuer);
        }
        let list: Vec<String> = self.issued.iter().map(|j| format!("#{j}")).collect();
        f.write_str(&tr!(
            "pki-relation-and-issued",
            relation = issuer,
            issued = list.join(", "),
        ))
    }
}

/// A fact about the input worth showing (e.g. which ZIP member was used).
#[derive(Clone, Debug)]
pub struct Note {
    /// Where it applies.
    pub source: String,
    /// What happened.
    pub message: String,
}

/// The result of analysing a bundle.
#[derive(Clone, Debug, Default)]
pub struct BundleAnalysis {
    /// Certificates in input order.
    pub certificates: Vec<BundleCertificate>,
    /// Parsed certificates, same order, for further checks.
    pub certs: Vec<Cert>,
    /// Facts about the input.
    pub notes: Vec<Note>,
    /// Findings about the input file(s): rejected blocks and per-certificate problems.
    pub findings: Vec<Finding>,
}

/// Findings for the parts of an input that are not certificates, as a CA file.
pub fn rejection_findings(rejected: &[Rejected]) -> Vec<Finding> {
    rejected.iter().map(rejection_finding).collect()
}

fn rejection_finding(r: &Rejected) -> Finding {
    let at = r.origin.to_string();
    let at = at.as_str();
    let f = match &r.kind {
        RejectKind::Empty => Finding::new(
            Code::CaEmpty,
            Severity::Fail,
            tr!("pki-input-empty", at = at),
            tr!("pki-ca-empty-hint"),
        ),
        RejectKind::ParseError { detail } => Finding::new(
            Code::CaParseError,
            Severity::Fail,
            tr!("pki-input-parse-error", at = at, detail = detail.as_str()),
            tr!("pki-ca-parse-error-hint"),
        ),
        RejectKind::Unsupported { format, detail } => Finding::new(
            Code::CaUnsupportedFormat,
            Severity::Fail,
            tr!("pki-ca-unsupported", at = at, format = format.as_str()),
            detail.clone(),
        ),
        RejectKind::PrivateKey { label } => Finding::new(
            Code::CaContainsPrivateKey,
            Severity::Fail,
            tr!("pki-ca-private-key", at = at, label = label.as_str()),
            tr!("pki-ca-private-key-hint"),
        ),
        RejectKind::NotACertificate { label } => Finding::new(
            Code::CaNotACertificate,
            Severity::Warn,
            tr!("pki-ca-not-a-certificate", at = at, label = label.as_str()),
            tr!("pki-ca-not-a-certificate-hint"),
        ),
    };
    f.with_source(at)
}

/// A presented chain (`verify --chain`) analysed like a bundle, with each certificate whose
/// issuer the chain does not hold related to the CA file `ca` instead: the chain's own
/// "not in the bundle" would say an issuer is missing when the CA file holds it.
pub fn analyse_chain(
    input: &ParsedInput,
    ca: &[Cert],
    now: OffsetDateTime,
    warn_days: i64,
) -> BundleAnalysis {
    let mut out = analyse_bundle(input, now, warn_days);
    for (entry, cert) in out.certificates.iter_mut().zip(&out.certs) {
        if let IssuerInBundle::Missing(issuer) = &entry.chain.issuer {
            entry.chain.issuer = issuer_in_ca_file(cert, issuer, ca);
        }
    }
    out
}

/// Where the CA file stands for the issuer of `cert`, which the chain does not hold: an
/// issuer whose key verifies it, else the certificate itself, else a namesake with another key.
fn issuer_in_ca_file(cert: &Cert, issuer: &str, ca: &[Cert]) -> IssuerInBundle {
    let namesakes = || {
        ca.iter()
            .enumerate()
            .filter(|(_, a)| a.der != cert.der && cert.names_issuer(a))
    };
    if let Some((j, _)) =
        namesakes().find(|(_, a)| cert.signature_check(a) != SignatureCheck::Invalid)
    {
        IssuerInBundle::IssuedByCaFile(j)
    } else if let Some(j) = ca.iter().position(|a| a.der == cert.der) {
        IssuerInBundle::InCaFile(j)
    } else if let Some((j, _)) = namesakes().next() {
        IssuerInBundle::NameOnlyInCaFile {
            issuer: issuer.to_string(),
            ca: j,
        }
    } else {
        IssuerInBundle::MissingFromChainAndCaFile(issuer.to_string())
    }
}

/// What a chain file held besides certificates. A private key is expected (MongoDB's
/// PEMKeyFile holds the certificate and its key) and only noted.
pub fn chain_file_findings(input: &ParsedInput) -> Vec<Finding> {
    input
        .rejected
        .iter()
        .map(|r| {
            let at = r.origin.to_string();
            let at = at.as_str();
            let (severity, message, hint) = match &r.kind {
                RejectKind::PrivateKey { label } => (
                    Severity::Info,
                    tr!("pki-chain-private-key", at = at, label = label.as_str()),
                    tr!("pki-chain-private-key-hint"),
                ),
                RejectKind::NotACertificate { label } => (
                    Severity::Warn,
                    tr!(
                        "pki-chain-not-a-certificate",
                        at = at,
                        label = label.as_str()
                    ),
                    tr!("pki-chain-not-a-certificate-hint"),
                ),
                RejectKind::Empty => (
                    Severity::Fail,
                    tr!("pki-input-empty", at = at),
                    tr!("pki-chain-empty-hint"),
                ),
                RejectKind::ParseError { detail } => (
                    Severity::Fail,
                    tr!("pki-input-parse-error", at = at, detail = detail.as_str()),
                    tr!("pki-chain-parse-error-hint"),
                ),
                RejectKind::Unsupported { format, detail } => (
                    Severity::Fail,
                    tr!("pki-chain-unsupported", at = at, format = format.as_str()),
                    detail.clone(),
                ),
            };
            Finding::new(Code::CertChainFileContent, severity, message, hint).with_source(at)
        })
        .collect()
}

/// Parses and judges every certificate of a bundle as of `now`.
pub fn analyse_bundle(input: &ParsedInput, now: OffsetDateTime, warn_days: i64) -> BundleAnalysis {
    let mut out = BundleAnalysis {
        findings: rejection_findings(&input.rejected),
        notes: input_notes(input),
        ..BundleAnalysis::default()
    };
    let origins = parse_entries(input, now, &mut out);
    // Rejected entries already say why nothing was usable; only a silent void needs saying.
    if out.certs.is_empty() && out.findings.is_empty() {
        out.findings.push(Finding::new(
            Code::CaEmpty,
            Severity::Fail,
            tr!("pki-ca-no-usable-certificate"),
            tr!("pki-ca-no-usable-certificate-hint"),
        ));
    }
    judge_entries(&mut out, &origins, now, warn_days);
    out
}

/// The reader's facts about the input (e.g. which ZIP member was used), as notes.
fn input_notes(input: &ParsedInput) -> Vec<Note> {
    input
        .notes
        .iter()
        .map(|(origin, message)| Note {
            source: origin.to_string(),
            message: message.clone(),
        })
        .collect()
}

/// Parses each certificate entry as of `now` into `out.certs`; an entry x509-parser refuses is
/// a `ca.parse_error`. Returns the origins of the parsed ones, in the same order.
fn parse_entries(
    input: &ParsedInput,
    now: OffsetDateTime,
    out: &mut BundleAnalysis,
) -> Vec<Origin> {
    let mut origins = Vec::new();
    for raw in &input.certs {
        match Cert::parse(raw.der.clone(), now) {
            Ok(cert) => {
                out.certs.push(cert);
                origins.push(raw.origin.clone());
            }
            Err(detail) => out.findings.push(
                Finding::new(
                    Code::CaParseError,
                    Severity::Fail,
                    tr!(
                        "pki-input-parse-error",
                        at = raw.origin.to_string(),
                        detail = detail.to_string(),
                    ),
                    tr!("pki-ca-entry-parse-error-hint"),
                )
                .with_source(raw.origin.to_string()),
            ),
        }
    }
    origins
}

/// Works out who issued whom among `out.certs`, and judges each certificate: a copy of an
/// earlier one is only a duplicate, any other gets its own findings.
fn judge_entries(
    out: &mut BundleAnalysis,
    origins: &[Origin],
    now: OffsetDateTime,
    warn_days: i64,
) {
    let BundleAnalysis {
        certificates,
        certs,
        notes,
        findings,
    } = out;
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let relations = Relations::new(certs);
    for (i, (cert, origin)) in certs.iter().zip(origins).enumerate() {
        let entry = bundle_certificate(i, cert, origin, &relations);
        let self_signed = entry.self_signed;
        certificates.push(entry);
        if let Some(&first) = first_seen.get(cert.info.sha256_fingerprint.as_str()) {
            findings.push(duplicate_finding(i, first, cert, origin));
            continue;
        }
        first_seen.insert(cert.info.sha256_fingerprint.as_str(), i);
        findings.extend(
            certificate_findings(i, cert, self_signed, now, warn_days)
                .into_iter()
                .map(|f| f.with_source(origin.to_string())),
        );
    }
    if relations.incomplete() {
        notes.push(Note {
            source: tr!("pki-note-source-bundle"),
            message: tr!(
                "pki-note-relations-incomplete",
                max = MAX_RELATION_CHECKS.to_string()
            ),
        });
    }
}

/// Certificate `i` of the bundle with whether it signs itself, which bundle certificate
/// issued it, and which it issued.
fn bundle_certificate(
    i: usize,
    cert: &Cert,
    origin: &Origin,
    relations: &Relations<'_>,
) -> BundleCertificate {
    let self_signed = relations.self_signed(i);
    let issued_by = if self_signed {
        None
    } else {
        relations.issuer_of(i)
    };
    let chain = relation(i, cert, self_signed, issued_by, relations);
    BundleCertificate {
        index: i,
        source: origin.clone(),
        info: cert.info.clone(),
        self_signed,
        issued_by,
        chain,
    }
}

/// `ca.duplicate`: certificate `i` is a byte-for-byte copy of the earlier `first`.
fn duplicate_finding(i: usize, first: usize, cert: &Cert, origin: &Origin) -> Finding {
    Finding::new(
        Code::CaDuplicate,
        Severity::Warn,
        tr!(
            "pki-ca-duplicate",
            index = i.to_string(),
            name = cert.short_name(),
            first = first.to_string(),
        ),
        tr!("pki-ca-duplicate-hint"),
    )
    .with_certificate(i)
    .with_source(origin.to_string())
}

/// Who issued whom in a bundle. Copies of one certificate (same SHA-256) are judged once: a
/// file with hundreds of copies of its root (seen in bundles assembled by appending) made
/// every copy check every other's signature twice, for minutes, and "issue" all the others.
struct Relations<'a> {
    certs: &'a [Cert],
    /// For each certificate, the index of its first copy.
    first_of: Vec<usize>,
    /// Signature checks, by the first copies of (child, issuer).
    checked: std::cell::RefCell<HashMap<(usize, usize), SignatureCheck>>,
    /// Signature checks left: hundreds of distinct certificates sharing one name would
    /// otherwise need one check per pair.
    budget: std::cell::Cell<usize>,
}

/// Most signature checks spent on working out who issued whom in one bundle (about a second).
const MAX_RELATION_CHECKS: usize = 20_000;

impl<'a> Relations<'a> {
    fn new(certs: &'a [Cert]) -> Self {
        Self::with_budget(certs, MAX_RELATION_CHECKS)
    }

    fn with_budget(certs: &'a [Cert], budget: usize) -> Self {
        let mut first: HashMap<&str, usize> = HashMap::new();
        let first_of = certs
            .iter()
            .enumerate()
            .map(|(i, c)| *first.entry(c.info.sha256_fingerprint.as_str()).or_insert(i))
            .collect();
        Relations {
            certs,
            first_of,
            checked: std::cell::RefCell::new(HashMap::new()),
            budget: std::cell::Cell::new(budget),
        }
    }

    /// The budget ran out: some relations were not worked out.
    fn incomplete(&self) -> bool {
        self.budget.get() == 0
    }

    fn signature(&self, child: usize, issuer: usize) -> SignatureCheck {
        let key = (self.first_of[child], self.first_of[issuer]);
        if let Some(&known) = self.checked.borrow().get(&key) {
            return known;
        }
        let left = self.budget.get();
        if left == 0 {
            // Unproven: no relation is claimed.
            return SignatureCheck::Invalid;
        }
        self.budget.set(left - 1);
        let result = self.certs[key.0].signature_check(&self.certs[key.1]);
        self.checked.borrow_mut().insert(key, result);
        result
    }

    fn self_signed(&self, i: usize) -> bool {
        self.certs[i].info.self_issued && self.signature(i, i) == SignatureCheck::Valid
    }

    /// `issuer` (not a copy of `child`) names and may have signed `child`.
    fn may_issue(&self, issuer: usize, child: usize) -> bool {
        self.first_of[issuer] != self.first_of[child]
            && self.certs[child].names_issuer(&self.certs[issuer])
            && self.signature(child, issuer) != SignatureCheck::Invalid
    }

    /// The first certificate that may have issued `i`.
    fn issuer_of(&self, i: usize) -> Option<usize> {
        (0..self.certs.len()).find(|&j| self.may_issue(j, i))
    }
}

/// Where certificate `i`'s issuer is, and which bundle certificates it may have issued.
fn relation(
    i: usize,
    cert: &Cert,
    self_signed: bool,
    issued_by: Option<usize>,
    relations: &Relations<'_>,
) -> ChainRelation {
    let issuer = match (self_signed, issued_by) {
        (true, _) => IssuerInBundle::SelfSignedRoot,
        (false, Some(j)) => IssuerInBundle::IssuedBy(j),
        (false, None) => IssuerInBundle::Missing(cert.info.issuer.clone()),
    };
    ChainRelation {
        issuer,
        issued: (0..relations.certs.len())
            .filter(|&j| relations.may_issue(i, j))
            .collect(),
    }
}

/// Everything wrong with one (first copy of a) bundle certificate, in a fixed order: not a CA,
/// validity window, weak RSA key, unhandled critical extensions, weak signature hash.
fn certificate_findings(
    i: usize,
    cert: &Cert,
    self_signed: bool,
    now: OffsetDateTime,
    warn_days: i64,
) -> Vec<Finding> {
    let entry = Entry {
        i,
        name: cert.short_name(),
        info: &cert.info,
        self_signed,
    };
    [
        not_a_ca(&entry),
        validity_window(&entry, now, warn_days),
        weak_rsa_key(&entry),
        unhandled_critical_extensions(&entry),
        weak_signature_hash(&entry),
    ]
    .into_iter()
    .flatten()
    .map(|f| f.with_certificate(i))
    .collect()
}

/// One bundle certificate as the per-certificate checks see it.
struct Entry<'a> {
    /// Position in the bundle.
    i: usize,
    /// [`Cert::short_name`], for messages.
    name: String,
    info: &'a CertInfo,
    self_signed: bool,
}

/// `ca.not_a_ca`: a certificate without basicConstraints CA:TRUE, most often a server's own
/// certificate passed as the CA file (a self-signed version 1 certificate is a root to OpenSSL).
fn not_a_ca(entry: &Entry<'_>) -> Option<Finding> {
    let Entry {
        i,
        name,
        info,
        self_signed,
    } = entry;
    if info.is_ca {
        return None;
    }
    let index = i.to_string();
    let (message, severity) = if info.version == 1 && *self_signed {
        (
            tr!("pki-ca-version-1-root", index = index, name = name.as_str()),
            Severity::Warn,
        )
    } else {
        (
            tr!(
                "pki-ca-not-a-ca",
                index = index,
                name = name.as_str(),
                constraints = if info.basic_constraints {
                    "CA:FALSE".to_string()
                } else {
                    tr!("pki-basic-constraints-absent")
                },
            ),
            Severity::Warn,
        )
    };
    Some(Finding::new(
        Code::CaNotACa,
        severity,
        message,
        tr!("pki-ca-not-a-ca-hint"),
    ))
}

/// `ca.expired`, `ca.not_yet_valid` or `ca.expiring_soon` (within `warn_days`): the
/// certificate's validity window as of `now`.
fn validity_window(entry: &Entry<'_>, now: OffsetDateTime, warn_days: i64) -> Option<Finding> {
    let Entry { i, name, info, .. } = entry;
    let (index, name) = (i.to_string(), name.as_str());
    if now > info.not_after {
        Some(
            Finding::new(
                Code::CaExpired,
                Severity::Fail,
                tr!(
                    "pki-ca-expired",
                    index = index,
                    name = name,
                    not_after = rfc3339(info.not_after),
                    days = -info.days_remaining,
                ),
                tr!("pki-ca-expired-hint"),
            )
            .with_clients(verdicts_for(Condition::AnchorExpired)),
        )
    } else if now < info.not_before {
        Some(
            Finding::new(
                Code::CaNotYetValid,
                Severity::Fail,
                tr!(
                    "pki-ca-not-yet-valid",
                    index = index,
                    name = name,
                    not_before = rfc3339(info.not_before),
                ),
                tr!("pki-ca-not-yet-valid-hint"),
            )
            .with_clients(verdicts_for(Condition::AnchorNotYetValid)),
        )
    } else if info.days_remaining < warn_days {
        Some(Finding::new(
            Code::CaExpiringSoon,
            Severity::Warn,
            tr!(
                "pki-ca-expiring-soon",
                index = index,
                name = name,
                not_after = rfc3339(info.not_after),
                days = info.days_remaining,
                warn_days = warn_days,
            ),
            tr!("pki-ca-expiring-soon-hint"),
        ))
    } else {
        None
    }
}

/// `ca.weak_key`: an RSA key below 2048 bits (below 1024, every client refuses it).
fn weak_rsa_key(entry: &Entry<'_>) -> Option<Finding> {
    let Entry { i, name, info, .. } = entry;
    if info.key.algorithm != "RSA" {
        return None;
    }
    let bits = info.key.bits.filter(|b| *b < 2048)?;
    let condition = if bits < 1024 {
        Condition::RsaKeyBelow1024
    } else {
        Condition::RsaKeyBelow2048
    };
    Some(
        Finding::new(
            Code::CaWeakKey,
            Severity::Fail,
            tr!(
                "pki-ca-weak-rsa-key",
                index = i.to_string(),
                name = name.as_str(),
                bits = bits.to_string(),
            ),
            tr!("pki-ca-weak-rsa-key-hint"),
        )
        .with_clients(verdicts_for(condition)),
    )
}

/// `ca.unhandled_critical_extension`: critical extensions OpenSSL does not handle, so
/// OpenSSL-based clients refuse every chain through this CA.
fn unhandled_critical_extensions(entry: &Entry<'_>) -> Option<Finding> {
    let Entry { i, name, info, .. } = entry;
    if info.unhandled_critical_extensions.is_empty() {
        return None;
    }
    Some(
        Finding::new(
            Code::CaUnhandledCriticalExtension,
            Severity::Fail,
            tr!(
                "pki-ca-unhandled-critical",
                index = i.to_string(),
                name = name.as_str(),
                extensions = info.unhandled_critical_extensions.join(", "),
            ),
            tr!("pki-ca-unhandled-critical-hint"),
        )
        .with_clients(verdicts_for(Condition::UnhandledCriticalExtension)),
    )
}

/// `ca.weak_signature`: signed with SHA-1 or MD5. Harmless (info) on a self-signed root, whose
/// own signature no client checks; a failure on an intermediate.
fn weak_signature_hash(entry: &Entry<'_>) -> Option<Finding> {
    let Entry {
        i,
        name,
        info,
        self_signed,
    } = entry;
    let condition = match info.signature_hash {
        SignatureHash::Sha1 => Condition::Sha1Signature,
        SignatureHash::Md5 => Condition::Md5Signature,
        _ => return None,
    };
    let (index, name) = (i.to_string(), name.as_str());
    let algorithm = info.signature_algorithm.as_str();
    Some(if *self_signed {
        Finding::new(
            Code::CaWeakSignature,
            Severity::Info,
            tr!(
                "pki-ca-root-weak-signature",
                index = index,
                name = name,
                algorithm = algorithm,
            ),
            tr!("pki-ca-root-weak-signature-hint"),
        )
    } else {
        Finding::new(
            Code::CaWeakSignature,
            Severity::Fail,
            tr!(
                "pki-ca-weak-signature",
                index = index,
                name = name,
                algorithm = algorithm,
            ),
            tr!("pki-ca-weak-signature-hint"),
        )
        .with_clients(verdicts_for(condition))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::findings::ClientAction;
    use crate::pki::bundle::RawCert;
    use crate::pki::inspect::test_certs::{ca, hierarchy, now, parsed, server, Made};

    /// The bundle `ca.pem` holding `certs`, one PEM block each.
    fn bundle(certs: &[&Made]) -> ParsedInput {
        ParsedInput {
            certs: certs
                .iter()
                .enumerate()
                .map(|(i, c)| RawCert {
                    der: c.cert.der().to_vec(),
                    origin: Origin {
                        block: Some(i + 1),
                        ..Origin::file("ca.pem")
                    },
                })
                .collect(),
            ..ParsedInput::default()
        }
    }

    /// `(code, severity, certificate)` of every finding, in order.
    fn summary(a: &BundleAnalysis) -> Vec<(Code, Severity, Option<usize>)> {
        a.findings
            .iter()
            .map(|f| (f.code, f.severity, f.certificate))
            .collect()
    }

    #[test]
    fn a_server_certificate_in_the_ca_file_is_not_a_ca() {
        let root = ca("Test Root").make();
        let leaf = server(&root).make();
        let a = analyse_bundle(&bundle(&[&leaf]), now(), 30);
        assert_eq!(summary(&a), [(Code::CaNotACa, Severity::Warn, Some(0))]);
        let f = &a.findings[0];
        assert!(
            f.message.starts_with(
                "certificate #0 \"db.example.com\" is not a CA certificate (basicConstraints CA:FALSE)"
            ),
            "{}",
            f.message
        );
        assert_eq!(f.source.as_deref(), Some("ca.pem block 1"));
        assert_eq!(
            a.certificates[0].chain.to_string(),
            "issuer \"CN=Test Root\" is not in the bundle"
        );
    }

    /// The chain relation of every certificate, in words.
    fn relations(a: &BundleAnalysis) -> Vec<String> {
        a.certificates.iter().map(|c| c.chain.to_string()).collect()
    }

    #[test]
    fn a_presented_chain_names_the_ca_file_certificate_that_issued_it() {
        let h = hierarchy();
        let chain = bundle(&[&h.leaf, &h.intermediate]);
        // The intermediate's issuer is the CA file's root: not "not in the bundle".
        let a = analyse_chain(&chain, &parsed(&[&h.root]), now(), 30);
        assert_eq!(
            relations(&a),
            ["issued by #1", "issued by CA file #0; issued #0"]
        );
        assert_eq!(a.certificates[1].issued_by, None, "no chain index");
        // The CA file holds the intermediate and its root; the leaf alone is presented.
        let a = analyse_chain(
            &bundle(&[&h.leaf]),
            &parsed(&[&h.root, &h.intermediate]),
            now(),
            30,
        );
        assert_eq!(relations(&a), ["issued by CA file #1"]);
        // The CA file holds the intermediate itself, not its root: the path ends there.
        let a = analyse_chain(&chain, &parsed(&[&h.intermediate]), now(), 30);
        assert_eq!(
            relations(&a),
            [
                "issued by #1",
                "also in the CA file as #0, so trusted as it is; issued #0"
            ]
        );
    }

    #[test]
    fn a_presented_chain_whose_issuer_is_nowhere_says_where_it_looked() {
        let h = hierarchy();
        let chain = bundle(&[&h.leaf, &h.intermediate]);
        let other = ca("Other Root").make();
        let a = analyse_chain(&chain, &parsed(&[&other]), now(), 30);
        assert_eq!(
            relations(&a),
            [
                "issued by #1",
                "issuer \"CN=Test Root\" is in neither the chain nor the CA file; issued #0"
            ]
        );
        // A root of the same name with another key (another instance's CA file).
        let namesake = ca("Test Root").make();
        let a = analyse_chain(&chain, &parsed(&[&other, &namesake]), now(), 30);
        assert_eq!(
            relations(&a)[1],
            "issuer \"CN=Test Root\" is not in the chain, and CA file #1 has that name but another key; issued #0"
        );
        // Judged as a bundle on its own, the same file still says "not in the bundle".
        let a = analyse_bundle(&chain, now(), 30);
        assert_eq!(
            relations(&a)[1],
            "issuer \"CN=Test Root\" is not in the bundle; issued #0"
        );
    }

    #[test]
    fn a_ca_expiring_inside_the_warning_window_warns() {
        let root = ca("Test Root").valid_days(-30, 10).make();
        let a = analyse_bundle(&bundle(&[&root]), now(), 30);
        assert_eq!(
            summary(&a),
            [(Code::CaExpiringSoon, Severity::Warn, Some(0))]
        );
        assert_eq!(
            a.findings[0].message,
            "certificate #0 \"Test Root\" expires on 2030-06-11T00:00:00Z (10 days left, warning window 30 days)"
        );
        // Ten days left is outside a ten-day window.
        let a = analyse_bundle(&bundle(&[&root]), now(), 10);
        assert!(a.findings.is_empty(), "{:#?}", a.findings);
    }

    #[test]
    fn an_expired_or_not_yet_valid_ca_fails_openssl_but_not_rustls() {
        let expired = ca("Old Root").valid_days(-400, -5).make();
        let future = ca("New Root").valid_days(3, 400).make();
        let a = analyse_bundle(&bundle(&[&expired, &future]), now(), 30);
        assert_eq!(
            summary(&a),
            [
                (Code::CaExpired, Severity::Fail, Some(0)),
                (Code::CaNotYetValid, Severity::Fail, Some(1))
            ]
        );
        assert_eq!(
            a.findings[0].message,
            "certificate #0 \"Old Root\" expired on 2030-05-27T00:00:00Z (5 days ago)"
        );
        assert_eq!(
            a.findings[1].message,
            "certificate #1 \"New Root\" is not valid before 2030-06-04T00:00:00Z"
        );
        for f in &a.findings {
            let clients = f.clients.unwrap();
            assert_eq!(clients.openssl, ClientAction::Reject);
            assert_eq!(clients.rustls, ClientAction::Accept);
        }
    }

    #[test]
    fn a_duplicate_is_reported_and_not_judged_again() {
        let root = ca("Test Root").valid_days(-400, -5).make();
        let intermediate = ca("Test Intermediate").issued_by(&root).make();
        let a = analyse_bundle(&bundle(&[&root, &intermediate, &root]), now(), 30);
        assert_eq!(
            summary(&a),
            [
                (Code::CaExpired, Severity::Fail, Some(0)),
                (Code::CaDuplicate, Severity::Warn, Some(2))
            ]
        );
        let f = &a.findings[1];
        assert_eq!(
            f.message,
            "certificate #2 \"Test Root\" is the same certificate as #0"
        );
        assert_eq!(f.source.as_deref(), Some("ca.pem block 3"));
        let chains: Vec<String> = a.certificates.iter().map(|c| c.chain.to_string()).collect();
        assert_eq!(
            chains,
            [
                "self-signed root; issued #1",
                "issued by #0",
                "self-signed root; issued #1"
            ]
        );
        assert_eq!(a.certificates[1].issued_by, Some(0));
        assert!(a.certificates[2].self_signed);
    }

    #[test]
    fn an_input_without_certificates_is_empty() {
        let a = analyse_bundle(&ParsedInput::default(), now(), 30);
        assert_eq!(summary(&a), [(Code::CaEmpty, Severity::Fail, None)]);
        assert!(a.certificates.is_empty());
    }

    /// Distinct self-signed certificates that all share rcgen's default name.
    fn same_named(n: usize) -> Vec<Cert> {
        let now = OffsetDateTime::now_utc();
        (0..n)
            .map(|i| {
                let c = rcgen::generate_simple_self_signed(vec![format!("h{i}.example")]).unwrap();
                Cert::parse(c.cert.der().to_vec(), now).unwrap()
            })
            .collect()
    }

    #[test]
    fn copies_of_one_certificate_are_judged_once_and_issue_nothing() {
        let one = same_named(1).remove(0);
        let copies: Vec<Cert> = (0..50).map(|_| one.clone()).collect();
        let r = Relations::new(&copies);
        for i in 0..copies.len() {
            assert!(r.self_signed(i));
            assert_eq!(r.issuer_of(i), None);
        }
        assert_eq!(
            r.checked.borrow().len(),
            1,
            "one signature check for 50 copies"
        );
    }

    #[test]
    fn the_signature_budget_bounds_same_named_certificates() {
        let certs = same_named(6);
        let r = Relations::with_budget(&certs, 8);
        for i in 0..certs.len() {
            let _ = r.issuer_of(i);
        }
        assert!(r.incomplete());
        assert_eq!(r.checked.borrow().len(), 8);
        // Within the budget nothing is left out: each signs only itself.
        let r = Relations::new(&certs);
        assert!((0..certs.len()).all(|i| r.issuer_of(i).is_none() && r.self_signed(i)));
        assert!(!r.incomplete());
    }
}
