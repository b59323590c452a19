//! Findings: the one vocabulary every check reports in (code, severity, message, hint).
//!
//! A check never stops at the first problem: it pushes a [`Finding`] for each and goes on.
//! The verdict of a report is derived from its findings, never stored beside them.
//! Certificate findings also say what each family of MongoDB clients does about them
//! ([`ClientVerdicts`]); the table that decides it is [`crate::pki::clients`].

use serde::Serialize;

/// What one client family does when it meets a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientAction {
    /// The client connects.
    Accept,
    /// The client refuses the connection.
    Reject,
    /// Not documented and not observed: do not rely on either outcome.
    Unknown,
}

/// What each client family does about one finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ClientVerdicts {
    /// OpenSSL-based drivers (PyMongo, C, C++, PHP, Ruby; `openssl s_client`).
    pub openssl: ClientAction,
    /// Node.js driver and mongosh.
    pub node: ClientAction,
    /// Rust driver (rustls).
    pub rustls: ClientAction,
    /// Go driver and database tools.
    pub go: ClientAction,
    /// Java driver (JSSE).
    pub java: ClientAction,
}

impl ClientVerdicts {
    /// The same action for every family.
    pub const fn all(action: ClientAction) -> Self {
        ClientVerdicts {
            openssl: action,
            node: action,
            rustls: action,
            go: action,
            java: action,
        }
    }

    /// `(family name, action)` pairs in a fixed order.
    pub fn iter(&self) -> [(&'static str, ClientAction); 5] {
        [
            ("openssl", self.openssl),
            ("node", self.node),
            ("rustls", self.rustls),
            ("go", self.go),
            ("java", self.java),
        ]
    }

    /// Names of the families that refuse the connection.
    pub fn rejecting(&self) -> Vec<&'static str> {
        self.iter()
            .into_iter()
            .filter(|(_, a)| *a == ClientAction::Reject)
            .map(|(n, _)| n)
            .collect()
    }

    /// True when at least one common client family refuses the connection.
    pub fn any_rejects(&self) -> bool {
        self.iter().iter().any(|(_, a)| *a == ClientAction::Reject)
    }
}

/// How bad a finding is. Ordered: `Info < Warn < Fail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A fact worth knowing; never changes the verdict.
    Info,
    /// Works today but deserves attention (expiring soon, duplicates, odd ordering).
    Warn,
    /// At least one common family of MongoDB clients will refuse the connection, or the input
    /// cannot be used as given.
    Fail,
}

impl Severity {
    /// Lower-case name as used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Fail => "fail",
        }
    }
}

/// The overall outcome of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No finding above `info`.
    Pass,
    /// At least one warning, no failure.
    Warn,
    /// At least one failure.
    Fail,
}

impl Verdict {
    /// Derives the verdict from a set of findings.
    pub fn from_findings<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Verdict {
        match findings.into_iter().map(|f| f.severity).max() {
            Some(Severity::Fail) => Verdict::Fail,
            Some(Severity::Warn) => Verdict::Warn,
            _ => Verdict::Pass,
        }
    }

    /// Lower-case name as used in JSON and text output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }
}

/// Every finding code mongotls can emit. The string form (`ca.empty`, …) is a public contract:
/// scripts match on it. Add codes freely; never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Code {
    // ---- CA bundle (`mongotls ca`, and the CA file of every other command) ----
    /// The file holds no certificate at all.
    CaEmpty,
    /// A block or file looked like a certificate but could not be decoded.
    CaParseError,
    /// The file is a format mongotls does not load as a CA bundle (JKS, PKCS#12, binary, …).
    CaUnsupportedFormat,
    /// The CA file holds a private key: it was never meant to leave the server.
    CaContainsPrivateKey,
    /// A certificate in the CA file is not a CA certificate.
    CaNotACa,
    /// A CA certificate has expired.
    CaExpired,
    /// A CA certificate is not valid yet.
    CaNotYetValid,
    /// A CA certificate expires within the warning window.
    CaExpiringSoon,
    /// A CA certificate's key is too weak for common clients.
    CaWeakKey,
    /// A CA certificate is signed with a weak hash.
    CaWeakSignature,
    /// The same certificate appears more than once.
    CaDuplicate,
    /// A block that is not a certificate (CRL, CSR, public key) was found and not used.
    CaNotACertificate,

    // ---- presented chain (`mongotls verify`, `check`) ----
    /// The leaf certificate has expired.
    CertExpired,
    /// The leaf (or an intermediate) is not valid yet.
    CertNotYetValid,
    /// The leaf expires within the warning window.
    CertExpiringSoon,
    /// No path from the presented chain to a certificate of the CA file.
    CertUnknownIssuer,
    /// The certificate does not cover the host name clients connect to.
    CertHostnameMismatch,
    /// The leaf has no subjectAltName extension (common-name-only certificate).
    CertNoSubjectAltName,
    /// The leaf's extended key usage does not allow TLS server authentication.
    CertBadEku,
    /// A key on the path is too weak for common clients.
    CertWeakKey,
    /// A signature on the path uses a weak or unsupported algorithm.
    CertWeakSignature,
    /// A signature on the path does not verify.
    CertBadSignature,
    /// The trust anchor the path ends at has expired.
    CertCaExpired,
    /// An intermediate certificate on the path has expired.
    CertIntermediateExpired,
    /// The leaf is self-signed.
    CertSelfSigned,
    /// The chain was not sent leaf first, then each issuer in turn.
    CertChainOrder,
    /// Presented certificates that are not on the path to the anchor.
    CertUnusedCertificate,
    /// A CA certificate was presented as the leaf.
    CertCaAsLeaf,
    /// The path violates a CA's name constraints.
    CertNameConstraints,
    /// rustls-webpki rejected the chain for a reason no finer check explains.
    CertInvalid,
    /// The host name was not checked because none was given.
    CertHostnameNotChecked,
    /// The chain file holds something other than certificates (e.g. the server's private key).
    CertChainFileContent,
    /// A certificate on the path has a critical extension OpenSSL does not handle.
    CertUnhandledCriticalExtension,
    /// A CA-file certificate has a critical extension OpenSSL does not handle.
    CaUnhandledCriticalExtension,

    // ---- RFC 5280 §6 path validation (issue 12, rfc5280) ----
    /// An issuer on the path is not a CA certificate (no basicConstraints cA=TRUE, or a
    /// version 1/2 certificate).
    CertIssuerNotCa,
    /// An issuer's keyUsage does not allow certificate signing (keyCertSign).
    CertIssuerKeyUsage,
    /// A CA's pathLenConstraint allows fewer CA certificates below it than the path has.
    CertPathLenExceeded,
    /// The leaf's keyUsage does not allow the key uses of a TLS server.
    CertLeafKeyUsage,
    /// The leaf is a version 1 or 2 certificate.
    CertVersion,
    /// An EC key with explicit curve parameters instead of a named curve.
    CertEcExplicitParameters,
    /// A notAfter at exactly the evaluation time, the second clients disagree about.
    CertValidityBoundary,
    /// A subjectAltName that is not a well-formed name of its type.
    CertMalformedName,
    /// rustls-webpki cannot read a certificate on the path (bad DER, bad time, bad extension).
    CertMalformed,

    // ---- network (`check`) ----
    /// The member's name does not resolve.
    NetDnsFailed,
    /// Nothing listens on the member's address.
    NetConnectRefused,
    /// The TCP handshake got no answer in time.
    NetConnectTimeout,
    /// Another TCP error (network unreachable, …).
    NetConnectFailed,
    /// The run's deadline (`--deadline`) passed before this member (or discovery) finished.
    NetDeadlineExceeded,

    // ---- TLS (`check`) ----
    /// The TLS handshake failed (with the alert, when the server sent one).
    TlsHandshakeFailed,
    /// The TLS handshake did not finish in time.
    TlsHandshakeTimeout,
    /// The server requires a client certificate and none was given.
    TlsClientCertRequired,
    /// The endpoint speaks plaintext only: TLS is not enabled there.
    TlsNotEnabled,
    /// The endpoint accepts plaintext as well as TLS.
    TlsPlaintextAccepted,
    /// An option that weakens verification is in effect.
    TlsInsecureOption,

    // ---- client certificate (mutual TLS) ----
    /// The server refused the client certificate given (it sent an alert naming why).
    TlsClientCertRejected,
    /// The client certificate has expired.
    ClientCertExpired,
    /// The client certificate is not valid yet.
    ClientCertNotYetValid,
    /// The client certificate expires within the warning window.
    ClientCertExpiringSoon,
    /// The client certificate's Extended Key Usage does not allow TLS client authentication.
    ClientCertBadEku,
    /// The private key in the client certificate file does not belong to the certificate.
    ClientCertKeyMismatch,

    // ---- MongoDB protocol (`check`) ----
    /// The `hello` handshake failed.
    MongoHelloFailed,
    /// `ping` failed.
    MongoPingFailed,
    /// `buildInfo` was refused or failed (the server version is unknown).
    MongoBuildInfoUnavailable,

    // ---- replica set (`check`) ----
    /// The URI's `replicaSet` differs from the set's name.
    RsNameMismatch,
    /// No member reports itself primary.
    RsNoPrimary,
    /// A member of the set could not be reached.
    RsMemberUnreachable,
    /// A seed of the URI is not in the set's configuration.
    RsSeedNotMember,
    /// The deployment is not a replica set.
    RsNotAReplicaSet,
    /// Members present certificates from different issuers, families or expiry dates.
    RsInconsistentCertificates,
    /// Members run different TLS modes.
    RsMixedTlsModes,
    /// Discovery stopped at the member cap.
    RsDiscoveryCapped,

    // ---- connection string ----
    /// An option mongotls does not know (ignored).
    UriUnknownOption,
    /// Something in the connection string worth a warning (a repeated option, …).
    UriWarning,

    // ---- mongodb+srv:// ----
    /// The SRV or TXT lookup failed: no answer in time, REFUSED, SERVFAIL, unreachable server.
    SrvLookupFailed,
    /// The SRV name does not exist (NXDOMAIN) or has no SRV record.
    SrvNoRecords,
    /// An SRV target outside the SRV name's parent domain (not used).
    SrvInvalidTarget,
    /// More than one TXT record, or a TXT option other than authSource, replicaSet, loadBalanced.
    SrvTxtInvalid,

    // ---- bench ----
    /// `bench` could not compare anything (members unreachable, every sample failed).
    BenchNothingMeasured,
    // The driver stage (issue 10).
    /// The driver found no server to run `ping` on; the message has each server's error.
    DriverServerSelectionFailed,
    /// The driver refused the connection string or the files it names.
    DriverOptionsRejected,
    /// The driver failed in another way.
    DriverFailed,
    /// The driver's outcome differs from what the probe found.
    DriverVerdictDiffers,
    /// The server refused the credentials.
    AuthFailed,
    /// No CA file was named: the platform's trust store was used (a fact, with its size).
    CaSystemStore,
    /// The authentication mechanism is not available for this user or server.
    AuthMechanismUnsupported,

    // ---- issue 12, `openssl` helper: what a real engine refuses that no finer check names ----
    // (the engine stage also uses cert.path_len_exceeded, cert.issuer_not_ca,
    // cert.issuer_key_usage and cert.malformed above)
    /// A certificate policy extension or policy constraint fails (OpenSSL's policy checks).
    CertPolicy,
    /// The chain is longer than the engine's depth limit.
    CertChainTooLong,
    /// OpenSSL refuses the chain for a reason no finer code names (the message quotes it).
    CertOpensslError,
    // ---- conformance lint (`verify`, `check`; see crate::pki::verify::lint) ----
    // RFC 5280 and CA/Browser Forum Baseline Requirements deviations every client accepts:
    // `warn`, `fail` with --strict.
    /// Not self-issued and no authorityKeyIdentifier (RFC 5280 §4.2.1.1).
    LintMissingAki,
    /// authorityKeyIdentifier marked critical (RFC 5280 §4.2.1.1).
    LintCriticalAki,
    /// authorityKeyIdentifier without its keyIdentifier field (RFC 5280 §4.2.1.1, BR 7.1.2.1.3).
    LintAkiWithoutKeyId,
    /// authorityKeyIdentifier with authorityCertIssuer or authorityCertSerialNumber (BR 7.1.2.1.3,
    /// 7.1.2.11.1).
    LintAkiIssuerSerial,
    /// A self-signed certificate whose authorityKeyIdentifier is not its own subject key identifier
    /// (BR 7.1.2.1.3).
    LintAkiSkiMismatch,
    /// A CA certificate without subjectKeyIdentifier (RFC 5280 §4.2.1.2).
    LintMissingSki,
    /// subjectKeyIdentifier marked critical (RFC 5280 §4.2.1.2).
    LintCriticalSki,
    /// A CA certificate whose basicConstraints is not critical (RFC 5280 §4.2.1.9).
    LintBasicConstraintsNotCritical,
    /// A trust anchor without basicConstraints (RFC 5280 §4.2.1.9).
    LintCaMissingBasicConstraints,
    /// A CA certificate without keyUsage (RFC 5280 §4.2.1.3).
    LintCaMissingKeyUsage,
    /// A CA certificate (cA TRUE) whose keyUsage lacks keyCertSign (RFC 5280 §4.2.1.3, BR
    /// 7.1.2.10.7).
    LintCaWithoutKeyCertSign,
    /// keyCertSign asserted without cA TRUE (RFC 5280 §4.2.1.3, §4.2.1.9).
    LintKeyCertSignWithoutCa,
    /// A CA certificate with an empty subject (RFC 5280 §4.1.2.6).
    LintCaEmptySubject,
    /// An empty subject without a critical subjectAltName (RFC 5280 §4.2.1.6).
    LintEmptySubjectSanNotCritical,
    /// A critical subjectAltName beside a non-empty subject (BR 7.1.2.7.12).
    LintSanCriticalWithSubject,
    /// A subjectAltName extension with no name in it (RFC 5280 §4.2.1.6).
    LintEmptySan,
    /// Serial number zero (RFC 5280 §4.1.2.2).
    LintSerialZero,
    /// Negative serial number (RFC 5280 §4.1.2.2).
    LintSerialNegative,
    /// Serial number longer than 20 octets (RFC 5280 §4.1.2.2).
    LintSerialTooLong,
    /// A DNS subjectAltName that is not a valid host name: underscore, empty label, other
    /// characters (RFC 5280 §4.2.1.6, RFC 1034 §3.5).
    LintInvalidDnsName,
    /// A wildcard that is not the whole leftmost label (RFC 6125 §6.4.3, BR 7.1.2.7.12).
    LintWildcardNotLeftmost,
    /// A wildcard directly over a public suffix, e.g. `*.co.uk` (BR 3.2.2.6).
    LintWildcardPublicSuffix,
    /// Version 1 or 2 (RFC 5280 §4.1.2.1, BR 7.1.1).
    LintNotV3,
    /// issuerUniqueID or subjectUniqueID present (RFC 5280 §4.1.2.8).
    LintUniqueIdentifiers,
    /// The same extension twice (RFC 5280 §4.2).
    LintDuplicateExtension,
    /// A validity date through 2049 not as UTCTime, or from 2050 on not as GeneralizedTime (RFC
    /// 5280 §4.1.2.5).
    LintValidityEncoding,
    /// An extendedKeyUsage extension with no purpose in it (RFC 5280 §4.2.1.12).
    LintEkuEmpty,
    /// The server's certificate allows anyExtendedKeyUsage (BR 7.1.2.7.10).
    LintEkuAny,
    /// The server's certificate has a critical extendedKeyUsage (BR 7.1.2.7.6).
    LintEkuCritical,
    /// A root certificate with extendedKeyUsage (BR 7.1.2.1.2).
    LintRootHasEku,
    /// nameConstraints not critical (RFC 5280 §4.2.1.10).
    LintNameConstraintsNotCritical,
    /// nameConstraints in a certificate that is not a CA (RFC 5280 §4.2.1.10).
    LintNameConstraintsInLeaf,
    /// nameConstraints with no subtree, or a DNS subtree that is not a host name (RFC 5280
    /// §4.2.1.10, BR 7.1.2.5.2).
    LintNameConstraintsMalformed,
    /// policyConstraints not critical (RFC 5280 §4.2.1.11).
    LintPolicyConstraintsNotCritical,
    /// The subject CN of the server's certificate names one of its subjectAltNames but is not a
    /// character-for-character copy of it (BR 7.1.4.3).
    LintCnDiffersFromSan,
    /// authorityInfoAccess with no access description (RFC 5280 §4.2.2.1).
    LintAiaEmpty,
    /// A DSA key (BR 6.1.5).
    LintDsaKey,
    /// An RSA modulus whose size is not a multiple of 8 bits (BR 6.1.5).
    LintRsaModulusSize,

    // ---- `mongotls wait` (issue 13) ----
    /// `--timeout` came before every member was back and passing.
    WaitTimeout,
    /// A member is back with the certificate it had when first seen (`--expect-new-cert`), or
    /// not with the one expected.
    WaitCertUnchanged,
    /// The wait was interrupted (Ctrl-C) before every member was ready.
    WaitInterrupted,
    // ---- fleets (`check --targets FILE`) ----
    /// A target of the targets file cannot be checked: its entry is wrong (a missing `${VAR}`,
    /// an option refused) or an input it names cannot be used (a CA file missing).
    FleetTargetInvalid,
}

impl Code {
    /// The stable string form of the code.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::CaEmpty => "ca.empty",
            Code::CaParseError => "ca.parse_error",
            Code::CaUnsupportedFormat => "ca.unsupported_format",
            Code::CaContainsPrivateKey => "ca.contains_private_key",
            Code::CaNotACa => "ca.not_a_ca",
            Code::CaExpired => "ca.expired",
            Code::CaNotYetValid => "ca.not_yet_valid",
            Code::CaExpiringSoon => "ca.expiring_soon",
            Code::CaWeakKey => "ca.weak_key",
            Code::CaWeakSignature => "ca.weak_signature",
            Code::CaDuplicate => "ca.duplicate",
            Code::CaNotACertificate => "ca.not_a_certificate",
            Code::CertExpired => "cert.expired",
            Code::CertNotYetValid => "cert.not_yet_valid",
            Code::CertExpiringSoon => "cert.expiring_soon",
            Code::CertUnknownIssuer => "cert.unknown_issuer",
            Code::CertHostnameMismatch => "cert.hostname_mismatch",
            Code::CertNoSubjectAltName => "cert.no_subject_alt_name",
            Code::CertBadEku => "cert.bad_eku",
            Code::CertWeakKey => "cert.weak_key",
            Code::CertWeakSignature => "cert.weak_signature",
            Code::CertBadSignature => "cert.bad_signature",
            Code::CertCaExpired => "cert.ca_expired",
            Code::CertIntermediateExpired => "cert.intermediate_expired",
            Code::CertSelfSigned => "cert.self_signed",
            Code::CertChainOrder => "cert.chain_order",
            Code::CertUnusedCertificate => "cert.unused_certificate",
            Code::CertCaAsLeaf => "cert.ca_as_leaf",
            Code::CertNameConstraints => "cert.name_constraints",
            Code::CertInvalid => "cert.invalid",
            Code::CertHostnameNotChecked => "cert.hostname_not_checked",
            Code::CertChainFileContent => "cert.chain_file_content",
            Code::CertUnhandledCriticalExtension => "cert.unhandled_critical_extension",
            Code::CertIssuerNotCa => "cert.issuer_not_ca",
            Code::CertIssuerKeyUsage => "cert.issuer_key_usage",
            Code::CertPathLenExceeded => "cert.path_len_exceeded",
            Code::CertLeafKeyUsage => "cert.leaf_key_usage",
            Code::CertVersion => "cert.version",
            Code::CertEcExplicitParameters => "cert.ec_explicit_parameters",
            Code::CertValidityBoundary => "cert.validity_boundary",
            Code::CertMalformedName => "cert.malformed_name",
            Code::CertMalformed => "cert.malformed",
            Code::CaUnhandledCriticalExtension => "ca.unhandled_critical_extension",
            Code::NetDnsFailed => "net.dns_failed",
            Code::NetConnectRefused => "net.connect_refused",
            Code::NetConnectTimeout => "net.connect_timeout",
            Code::NetConnectFailed => "net.connect_failed",
            Code::NetDeadlineExceeded => "net.deadline_exceeded",
            Code::TlsHandshakeFailed => "tls.handshake_failed",
            Code::TlsHandshakeTimeout => "tls.handshake_timeout",
            Code::TlsClientCertRequired => "tls.client_cert_required",
            Code::TlsNotEnabled => "tls.not_enabled",
            Code::TlsPlaintextAccepted => "tls.plaintext_accepted",
            Code::TlsInsecureOption => "tls.insecure_option",
            Code::TlsClientCertRejected => "tls.client_cert_rejected",
            Code::ClientCertExpired => "client_cert.expired",
            Code::ClientCertNotYetValid => "client_cert.not_yet_valid",
            Code::ClientCertExpiringSoon => "client_cert.expiring_soon",
            Code::ClientCertBadEku => "client_cert.bad_eku",
            Code::ClientCertKeyMismatch => "client_cert.key_mismatch",
            Code::MongoHelloFailed => "mongo.hello_failed",
            Code::MongoPingFailed => "mongo.ping_failed",
            Code::MongoBuildInfoUnavailable => "mongo.build_info_unavailable",
            Code::RsNameMismatch => "rs.name_mismatch",
            Code::RsNoPrimary => "rs.no_primary",
            Code::RsMemberUnreachable => "rs.member_unreachable",
            Code::RsSeedNotMember => "rs.seed_not_member",
            Code::RsNotAReplicaSet => "rs.not_a_replica_set",
            Code::RsInconsistentCertificates => "rs.inconsistent_certificates",
            Code::RsMixedTlsModes => "rs.mixed_tls_modes",
            Code::RsDiscoveryCapped => "rs.discovery_capped",
            Code::UriUnknownOption => "uri.unknown_option",
            Code::UriWarning => "uri.warning",
            Code::SrvLookupFailed => "srv.lookup_failed",
            Code::SrvNoRecords => "srv.no_records",
            Code::SrvInvalidTarget => "srv.invalid_target",
            Code::SrvTxtInvalid => "srv.txt_invalid",
            Code::BenchNothingMeasured => "bench.nothing_measured",
            Code::DriverServerSelectionFailed => "driver.server_selection_failed",
            Code::DriverOptionsRejected => "driver.options_rejected",
            Code::DriverFailed => "driver.failed",
            Code::DriverVerdictDiffers => "driver.verdict_differs",
            Code::FleetTargetInvalid => "fleet.target_invalid",
            Code::AuthFailed => "auth.failed",
            Code::CaSystemStore => "ca.system_store",
            Code::AuthMechanismUnsupported => "auth.mechanism_unsupported",
            Code::CertPolicy => "cert.policy",
            Code::CertChainTooLong => "cert.chain_too_long",
            Code::CertOpensslError => "cert.openssl_error",
            Code::LintMissingAki => "lint.missing_aki",
            Code::LintCriticalAki => "lint.critical_aki",
            Code::LintAkiWithoutKeyId => "lint.aki_without_key_id",
            Code::LintAkiIssuerSerial => "lint.aki_issuer_serial",
            Code::LintAkiSkiMismatch => "lint.aki_ski_mismatch",
            Code::LintMissingSki => "lint.missing_ski",
            Code::LintCriticalSki => "lint.critical_ski",
            Code::LintBasicConstraintsNotCritical => "lint.basic_constraints_not_critical",
            Code::LintCaMissingBasicConstraints => "lint.ca_missing_basic_constraints",
            Code::LintCaMissingKeyUsage => "lint.ca_missing_key_usage",
            Code::LintCaWithoutKeyCertSign => "lint.ca_without_key_cert_sign",
            Code::LintKeyCertSignWithoutCa => "lint.key_cert_sign_without_ca",
            Code::LintCaEmptySubject => "lint.ca_empty_subject",
            Code::LintEmptySubjectSanNotCritical => "lint.empty_subject_san_not_critical",
            Code::LintSanCriticalWithSubject => "lint.san_critical_with_subject",
            Code::LintEmptySan => "lint.empty_san",
            Code::LintSerialZero => "lint.serial_zero",
            Code::LintSerialNegative => "lint.serial_negative",
            Code::LintSerialTooLong => "lint.serial_too_long",
            Code::LintInvalidDnsName => "lint.invalid_dns_name",
            Code::LintWildcardNotLeftmost => "lint.wildcard_not_leftmost",
            Code::LintWildcardPublicSuffix => "lint.wildcard_public_suffix",
            Code::LintNotV3 => "lint.not_v3",
            Code::LintUniqueIdentifiers => "lint.unique_identifiers",
            Code::LintDuplicateExtension => "lint.duplicate_extension",
            Code::LintValidityEncoding => "lint.validity_encoding",
            Code::LintEkuEmpty => "lint.eku_empty",
            Code::LintEkuAny => "lint.eku_any",
            Code::LintEkuCritical => "lint.eku_critical",
            Code::LintRootHasEku => "lint.root_has_eku",
            Code::LintNameConstraintsNotCritical => "lint.name_constraints_not_critical",
            Code::LintNameConstraintsInLeaf => "lint.name_constraints_in_leaf",
            Code::LintNameConstraintsMalformed => "lint.name_constraints_malformed",
            Code::LintPolicyConstraintsNotCritical => "lint.policy_constraints_not_critical",
            Code::LintCnDiffersFromSan => "lint.cn_differs_from_san",
            Code::LintAiaEmpty => "lint.aia_empty",
            Code::LintDsaKey => "lint.dsa_key",
            Code::LintRsaModulusSize => "lint.rsa_modulus_size",
            Code::WaitTimeout => "wait.timeout",
            Code::WaitCertUnchanged => "wait.cert_unchanged",
            Code::WaitInterrupted => "wait.interrupted",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem (or fact) found by a check.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Stable machine-readable code, e.g. `cert.expired`.
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, with the specific names, dates and values involved.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// Index of the certificate the finding is about, in the list the report names
    /// (`certificates` for `ca`, the presented `chain` for `verify`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<usize>,
    /// Where in the input the finding comes from (file, ZIP member, PEM block and line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Families of MongoDB clients that refuse a connection because of this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected_by: Option<Vec<&'static str>>,
    /// What each client family does about this finding, with `unknown` where undocumented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clients: Option<ClientVerdicts>,
}

impl Finding {
    /// A finding with no certificate, source or client information.
    pub fn new(
        code: Code,
        severity: Severity,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            message: message.into(),
            hint: hint.into(),
            certificate: None,
            source: None,
            rejected_by: None,
            clients: None,
        }
    }

    /// Attaches the index of the certificate the finding is about.
    pub fn with_certificate(mut self, index: usize) -> Self {
        self.certificate = Some(index);
        self
    }

    /// Attaches where in the input the finding comes from.
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Attaches what each client family does, and derives `rejected_by` from it.
    pub fn with_clients(mut self, clients: ClientVerdicts) -> Self {
        self.rejected_by = Some(clients.rejecting());
        self.clients = Some(clients);
        self
    }
}
