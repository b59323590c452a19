//! Conformance lint: deviations from RFC 5280 and the CA/Browser Forum Baseline Requirements
//! that real clients tolerate (a missing authority key identifier, a non-critical
//! basicConstraints on a root, serial number 0, an underscore in a DNS name, …).
//!
//! Pure: [`lint_certificate`] looks at one certificate and the place it has on the path, and
//! returns the rules it breaks; nothing here depends on the clock (the evaluation time only
//! decides the path, upstream). [`lint_path`] turns them into findings: `warn` with every client
//! family `accept`, so the default verdict still mirrors the clients; with `--strict`
//! ([`super::VerifyOptions::strict`]) they are `fail` and say so.
//!
//! The files: `rules` the structure of a certificate (version, serial, validity encoding,
//! extensions and their criticality, key identifiers, CA profile, keys), `names` its names
//! (empty subject, subjectAltName, DNS syntax, wildcards, the CN, name constraints),
//! `messages` the text of each finding.

mod messages;
mod names;
mod rules;

use x509_parser::certificate::X509Certificate;

use super::{Ctx, Node, Role};
use crate::findings::{ClientAction, ClientVerdicts, Code, Finding, Severity};
use crate::pki::clients::{verdicts_for, Condition};
use crate::pki::inspect::Cert;

/// One conformance rule. Each has its own finding code, `lint.<rule>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Not self-issued and no authorityKeyIdentifier (RFC 5280 §4.2.1.1).
    MissingAki,
    /// authorityKeyIdentifier marked critical (RFC 5280 §4.2.1.1).
    CriticalAki,
    /// authorityKeyIdentifier without its keyIdentifier field (RFC 5280 §4.2.1.1, BR 7.1.2.1.3).
    AkiWithoutKeyId,
    /// authorityKeyIdentifier with authorityCertIssuer or authorityCertSerialNumber
    /// (BR 7.1.2.1.3, 7.1.2.11.1).
    AkiIssuerSerial,
    /// A self-signed certificate whose authorityKeyIdentifier is not its own subject key
    /// identifier (BR 7.1.2.1.3).
    AkiSkiMismatch,
    /// A CA certificate without subjectKeyIdentifier (RFC 5280 §4.2.1.2).
    MissingSki,
    /// subjectKeyIdentifier marked critical (RFC 5280 §4.2.1.2).
    CriticalSki,
    /// A CA certificate whose basicConstraints is not critical (RFC 5280 §4.2.1.9).
    BasicConstraintsNotCritical,
    /// A trust anchor without basicConstraints (RFC 5280 §4.2.1.9).
    CaMissingBasicConstraints,
    /// A CA certificate without keyUsage (RFC 5280 §4.2.1.3).
    CaMissingKeyUsage,
    /// A CA certificate (cA TRUE) whose keyUsage lacks keyCertSign (RFC 5280 §4.2.1.3,
    /// BR 7.1.2.10.7).
    CaWithoutKeyCertSign,
    /// keyCertSign asserted without cA TRUE (RFC 5280 §4.2.1.3, §4.2.1.9).
    KeyCertSignWithoutCa,
    /// A CA certificate with an empty subject (RFC 5280 §4.1.2.6).
    CaEmptySubject,
    /// An empty subject without a critical subjectAltName (RFC 5280 §4.2.1.6).
    EmptySubjectSanNotCritical,
    /// A critical subjectAltName beside a non-empty subject (BR 7.1.2.7.12).
    SanCriticalWithSubject,
    /// A subjectAltName extension with no name in it (RFC 5280 §4.2.1.6).
    EmptySan,
    /// Serial number zero (RFC 5280 §4.1.2.2).
    SerialZero,
    /// Negative serial number (RFC 5280 §4.1.2.2).
    SerialNegative,
    /// Serial number longer than 20 octets (RFC 5280 §4.1.2.2).
    SerialTooLong,
    /// A DNS subjectAltName that is not a valid host name: underscore, empty label, other
    /// characters (RFC 5280 §4.2.1.6, RFC 1034 §3.5).
    InvalidDnsName,
    /// A wildcard that is not the whole leftmost label (RFC 6125 §6.4.3, BR 7.1.2.7.12).
    WildcardNotLeftmost,
    /// A wildcard directly over a public suffix, e.g. `*.co.uk` (BR 3.2.2.6).
    WildcardPublicSuffix,
    /// Version 1 or 2 (RFC 5280 §4.1.2.1, BR 7.1.1).
    NotV3,
    /// issuerUniqueID or subjectUniqueID present (RFC 5280 §4.1.2.8).
    UniqueIdentifiers,
    /// The same extension twice (RFC 5280 §4.2).
    DuplicateExtension,
    /// A validity date through 2049 not as UTCTime, or from 2050 on not as GeneralizedTime
    /// (RFC 5280 §4.1.2.5).
    ValidityEncoding,
    /// An extendedKeyUsage extension with no purpose in it (RFC 5280 §4.2.1.12).
    EkuEmpty,
    /// The server's certificate allows anyExtendedKeyUsage (BR 7.1.2.7.10).
    EkuAny,
    /// The server's certificate has a critical extendedKeyUsage (BR 7.1.2.7.6).
    EkuCritical,
    /// A root certificate with extendedKeyUsage (BR 7.1.2.1.2).
    RootHasEku,
    /// nameConstraints not critical (RFC 5280 §4.2.1.10).
    NameConstraintsNotCritical,
    /// nameConstraints in a certificate that is not a CA (RFC 5280 §4.2.1.10).
    NameConstraintsInLeaf,
    /// nameConstraints with no subtree, or a DNS subtree that is not a host name
    /// (RFC 5280 §4.2.1.10, BR 7.1.2.5.2).
    NameConstraintsMalformed,
    /// policyConstraints not critical (RFC 5280 §4.2.1.11).
    PolicyConstraintsNotCritical,
    /// The subject CN of the server's certificate names one of its subjectAltNames but is not
    /// a character-for-character copy of it (BR 7.1.4.3).
    CnDiffersFromSan,
    /// authorityInfoAccess with no access description (RFC 5280 §4.2.2.1).
    AiaEmpty,
    /// A DSA key (BR 6.1.5).
    DsaKey,
    /// An RSA modulus whose size is not a multiple of 8 bits (BR 6.1.5).
    RsaModulusSize,
}

impl Rule {
    /// The finding code of the rule.
    pub fn code(self) -> Code {
        match self {
            Rule::MissingAki => Code::LintMissingAki,
            Rule::CriticalAki => Code::LintCriticalAki,
            Rule::AkiWithoutKeyId => Code::LintAkiWithoutKeyId,
            Rule::AkiIssuerSerial => Code::LintAkiIssuerSerial,
            Rule::AkiSkiMismatch => Code::LintAkiSkiMismatch,
            Rule::MissingSki => Code::LintMissingSki,
            Rule::CriticalSki => Code::LintCriticalSki,
            Rule::BasicConstraintsNotCritical => Code::LintBasicConstraintsNotCritical,
            Rule::CaMissingBasicConstraints => Code::LintCaMissingBasicConstraints,
            Rule::CaMissingKeyUsage => Code::LintCaMissingKeyUsage,
            Rule::CaWithoutKeyCertSign => Code::LintCaWithoutKeyCertSign,
            Rule::KeyCertSignWithoutCa => Code::LintKeyCertSignWithoutCa,
            Rule::CaEmptySubject => Code::LintCaEmptySubject,
            Rule::EmptySubjectSanNotCritical => Code::LintEmptySubjectSanNotCritical,
            Rule::SanCriticalWithSubject => Code::LintSanCriticalWithSubject,
            Rule::EmptySan => Code::LintEmptySan,
            Rule::SerialZero => Code::LintSerialZero,
            Rule::SerialNegative => Code::LintSerialNegative,
            Rule::SerialTooLong => Code::LintSerialTooLong,
            Rule::InvalidDnsName => Code::LintInvalidDnsName,
            Rule::WildcardNotLeftmost => Code::LintWildcardNotLeftmost,
            Rule::WildcardPublicSuffix => Code::LintWildcardPublicSuffix,
            Rule::NotV3 => Code::LintNotV3,
            Rule::UniqueIdentifiers => Code::LintUniqueIdentifiers,
            Rule::DuplicateExtension => Code::LintDuplicateExtension,
            Rule::ValidityEncoding => Code::LintValidityEncoding,
            Rule::EkuEmpty => Code::LintEkuEmpty,
            Rule::EkuAny => Code::LintEkuAny,
            Rule::EkuCritical => Code::LintEkuCritical,
            Rule::RootHasEku => Code::LintRootHasEku,
            Rule::NameConstraintsNotCritical => Code::LintNameConstraintsNotCritical,
            Rule::NameConstraintsInLeaf => Code::LintNameConstraintsInLeaf,
            Rule::NameConstraintsMalformed => Code::LintNameConstraintsMalformed,
            Rule::PolicyConstraintsNotCritical => Code::LintPolicyConstraintsNotCritical,
            Rule::CnDiffersFromSan => Code::LintCnDiffersFromSan,
            Rule::AiaEmpty => Code::LintAiaEmpty,
            Rule::DsaKey => Code::LintDsaKey,
            Rule::RsaModulusSize => Code::LintRsaModulusSize,
        }
    }
}

/// One broken rule, with what the message quotes (the bad name, the serial's length, the
/// extension's OID, …; empty when the rule needs nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    /// The rule.
    pub rule: Rule,
    /// What the message quotes.
    pub detail: String,
}

impl Lint {
    fn new(rule: Rule) -> Self {
        Lint {
            rule,
            detail: String::new(),
        }
    }

    fn with(rule: Rule, detail: impl Into<String>) -> Self {
        Lint {
            rule,
            detail: detail.into(),
        }
    }
}

/// Where a certificate is on the path, as far as the rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The server's own certificate (subscriber rules apply).
    pub leaf: bool,
    /// The certificate of the CA file the path ends at (or the untrusted top of the chain).
    pub top: bool,
}

/// Every rule `cert` breaks at `place`, in a fixed order.
pub fn lint_certificate(cert: &Cert, place: Place) -> Vec<Lint> {
    let Ok(x) = cert.x509() else {
        return Vec::new();
    };
    let facts = Facts::of(cert, &x, place);
    let mut out = Vec::new();
    rules::structure(&x, &facts, &mut out);
    rules::key_identifiers(cert, &x, &facts, &mut out);
    rules::ca_profile(&x, &facts, &mut out);
    rules::usages(&x, &facts, &mut out);
    rules::keys(&x, &mut out);
    names::subject_and_san(&x, &facts, &mut out);
    names::name_constraints(&x, &facts, &mut out);
    out
}

/// What several rules need to know about the certificate.
pub(crate) struct Facts {
    /// The rules of CA certificates apply: an issuer on the path, or cA TRUE.
    ca: bool,
    /// The server's own certificate.
    leaf: bool,
    /// Subject equals issuer.
    self_issued: bool,
    /// At the top of a path of more than one certificate (the trust anchor, or the untrusted
    /// end of the chain).
    top: bool,
    /// A root: self-issued and at the top of the path.
    root: bool,
}

impl Facts {
    fn of(cert: &Cert, x: &X509Certificate<'_>, place: Place) -> Self {
        let self_issued = x.subject().as_raw() == x.issuer().as_raw();
        Facts {
            ca: !place.leaf || cert.info.is_ca,
            leaf: place.leaf,
            self_issued,
            top: place.top,
            root: place.top && !place.leaf && self_issued,
        }
    }
}

/// Lints every certificate on the path and adds a finding per broken rule.
pub(super) fn lint_path(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    let strict = ctx.opts.strict;
    let last = nodes.len().saturating_sub(1);
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node);
        let place = Place {
            leaf: role == Role::Leaf,
            top: pos == last && pos > 0,
        };
        for lint in lint_certificate(c, place) {
            let (message, hint) = messages::text(&lint, c, role);
            let f = finding(lint.rule, message, hint, strict).with_certificate(pos);
            ctx.push(f);
        }
    }
}

/// The finding of one broken rule: `warn` (every client accepts it), `fail` in strict mode,
/// whose message then says so.
fn finding(rule: Rule, message: String, hint: String, strict: bool) -> Finding {
    let clients = verdicts_for(Condition::Conformance);
    debug_assert_eq!(clients, ClientVerdicts::all(ClientAction::Accept));
    let (severity, message) = if strict {
        (Severity::Fail, messages::strict(message))
    } else {
        (Severity::Warn, message)
    };
    Finding::new(rule.code(), severity, message, hint).with_clients(clients)
}

#[cfg(test)]
mod tests;
