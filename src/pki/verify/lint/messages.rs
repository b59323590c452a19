//! The message and hint of each lint finding, naming the certificate and the rule's section.

use super::super::Role;
use super::{Lint, Rule};
use crate::pki::inspect::Cert;
use crate::tr;

/// "the server's certificate "db"", "the intermediate CA "…"", … for messages.
fn certificate(cert: &Cert, role: Role) -> String {
    let name = cert.short_name();
    match role {
        Role::Leaf => tr!("pki-lint-cert-leaf", name = name),
        Role::Intermediate => tr!("pki-lint-cert-intermediate", name = name),
        Role::Anchor => tr!("pki-lint-cert-anchor", name = name),
        Role::Untrusted => tr!("pki-lint-cert-untrusted", name = name),
    }
}

/// A message in strict mode: says that `--strict` fails it although clients accept it.
pub(super) fn strict(message: String) -> String {
    tr!("pki-lint-strict", message = message)
}

/// The message and hint of `lint` about `cert`, which has `role` on the path.
pub(super) fn text(lint: &Lint, cert: &Cert, role: Role) -> (String, String) {
    let c = certificate(cert, role);
    let d = lint.detail.as_str();
    match lint.rule {
        Rule::MissingAki => (
            tr!("pki-lint-missing-aki", cert = c),
            tr!("pki-lint-missing-aki-hint"),
        ),
        Rule::CriticalAki => (
            tr!("pki-lint-critical-aki", cert = c),
            tr!("pki-lint-critical-aki-hint"),
        ),
        Rule::AkiWithoutKeyId => (
            tr!("pki-lint-aki-without-key-id", cert = c),
            tr!("pki-lint-aki-without-key-id-hint"),
        ),
        Rule::AkiIssuerSerial => (
            tr!("pki-lint-aki-issuer-serial", cert = c),
            tr!("pki-lint-aki-issuer-serial-hint"),
        ),
        Rule::AkiSkiMismatch => (
            tr!("pki-lint-aki-ski-mismatch", cert = c),
            tr!("pki-lint-aki-ski-mismatch-hint"),
        ),
        Rule::MissingSki => (
            tr!("pki-lint-missing-ski", cert = c),
            tr!("pki-lint-missing-ski-hint"),
        ),
        Rule::CriticalSki => (
            tr!("pki-lint-critical-ski", cert = c),
            tr!("pki-lint-critical-ski-hint"),
        ),
        Rule::BasicConstraintsNotCritical => (
            tr!("pki-lint-basic-constraints-not-critical", cert = c),
            tr!("pki-lint-basic-constraints-not-critical-hint"),
        ),
        Rule::CaMissingBasicConstraints => (
            tr!("pki-lint-ca-missing-basic-constraints", cert = c),
            tr!("pki-lint-ca-missing-basic-constraints-hint"),
        ),
        Rule::CaMissingKeyUsage => (
            tr!("pki-lint-ca-missing-key-usage", cert = c),
            tr!("pki-lint-ca-missing-key-usage-hint"),
        ),
        Rule::CaWithoutKeyCertSign => (
            tr!("pki-lint-ca-without-key-cert-sign", cert = c),
            tr!("pki-lint-ca-without-key-cert-sign-hint"),
        ),
        Rule::KeyCertSignWithoutCa => (
            tr!("pki-lint-key-cert-sign-without-ca", cert = c),
            tr!("pki-lint-key-cert-sign-without-ca-hint"),
        ),
        Rule::CaEmptySubject => (
            tr!("pki-lint-ca-empty-subject", cert = c),
            tr!("pki-lint-ca-empty-subject-hint"),
        ),
        Rule::EmptySubjectSanNotCritical => (
            tr!("pki-lint-empty-subject-san-not-critical", cert = c),
            tr!("pki-lint-empty-subject-san-not-critical-hint"),
        ),
        Rule::SanCriticalWithSubject => (
            tr!("pki-lint-san-critical-with-subject", cert = c),
            tr!("pki-lint-san-critical-with-subject-hint"),
        ),
        Rule::EmptySan => (
            tr!("pki-lint-empty-san", cert = c),
            tr!("pki-lint-empty-san-hint"),
        ),
        Rule::SerialZero => (
            tr!("pki-lint-serial-zero", cert = c),
            tr!("pki-lint-serial-hint"),
        ),
        Rule::SerialNegative => (
            tr!("pki-lint-serial-negative", cert = c, serial = d),
            tr!("pki-lint-serial-hint"),
        ),
        Rule::SerialTooLong => (
            tr!("pki-lint-serial-too-long", cert = c, length = d),
            tr!("pki-lint-serial-hint"),
        ),
        Rule::InvalidDnsName => (
            tr!("pki-lint-invalid-dns-name", cert = c, name = d),
            tr!("pki-lint-invalid-dns-name-hint"),
        ),
        Rule::WildcardNotLeftmost => (
            tr!("pki-lint-wildcard-not-leftmost", cert = c, name = d),
            tr!("pki-lint-wildcard-not-leftmost-hint"),
        ),
        Rule::WildcardPublicSuffix => (
            tr!("pki-lint-wildcard-public-suffix", cert = c, name = d),
            tr!("pki-lint-wildcard-public-suffix-hint"),
        ),
        Rule::NotV3 => (
            tr!("pki-lint-not-v3", cert = c, version = d),
            tr!("pki-lint-not-v3-hint"),
        ),
        Rule::UniqueIdentifiers => (
            tr!("pki-lint-unique-identifiers", cert = c),
            tr!("pki-lint-unique-identifiers-hint"),
        ),
        Rule::DuplicateExtension => (
            tr!("pki-lint-duplicate-extension", cert = c, oid = d),
            tr!("pki-lint-duplicate-extension-hint"),
        ),
        Rule::ValidityEncoding => (
            tr!("pki-lint-validity-encoding", cert = c, field = d),
            tr!("pki-lint-validity-encoding-hint"),
        ),
        Rule::EkuEmpty => (
            tr!("pki-lint-eku-empty", cert = c),
            tr!("pki-lint-eku-empty-hint"),
        ),
        Rule::EkuAny => (
            tr!("pki-lint-eku-any", cert = c),
            tr!("pki-lint-eku-any-hint"),
        ),
        Rule::EkuCritical => (
            tr!("pki-lint-eku-critical", cert = c),
            tr!("pki-lint-eku-critical-hint"),
        ),
        Rule::RootHasEku => (
            tr!("pki-lint-root-has-eku", cert = c),
            tr!("pki-lint-root-has-eku-hint"),
        ),
        Rule::NameConstraintsNotCritical => (
            tr!("pki-lint-name-constraints-not-critical", cert = c),
            tr!("pki-lint-name-constraints-not-critical-hint"),
        ),
        Rule::NameConstraintsInLeaf => (
            tr!("pki-lint-name-constraints-in-leaf", cert = c),
            tr!("pki-lint-name-constraints-in-leaf-hint"),
        ),
        Rule::NameConstraintsMalformed if d.is_empty() => (
            tr!("pki-lint-name-constraints-empty", cert = c),
            tr!("pki-lint-name-constraints-malformed-hint"),
        ),
        Rule::NameConstraintsMalformed => (
            tr!("pki-lint-name-constraints-bad-dns", cert = c, name = d),
            tr!("pki-lint-name-constraints-malformed-hint"),
        ),
        Rule::PolicyConstraintsNotCritical => (
            tr!("pki-lint-policy-constraints-not-critical", cert = c),
            tr!("pki-lint-policy-constraints-not-critical-hint"),
        ),
        Rule::CnDiffersFromSan => (
            tr!("pki-lint-cn-differs-from-san", cert = c, cn = d),
            tr!("pki-lint-cn-differs-from-san-hint"),
        ),
        Rule::AiaEmpty => (
            tr!("pki-lint-aia-empty", cert = c),
            tr!("pki-lint-aia-empty-hint"),
        ),
        Rule::DsaKey => (
            tr!("pki-lint-dsa-key", cert = c),
            tr!("pki-lint-dsa-key-hint"),
        ),
        Rule::RsaModulusSize => (
            tr!("pki-lint-rsa-modulus-size", cert = c, bits = d),
            tr!("pki-lint-rsa-modulus-size-hint"),
        ),
    }
}
