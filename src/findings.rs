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

    // ---- judges helper (issue 12) ----
    /// The server certificate's keyUsage does not allow the signature TLS 1.3 needs
    /// (digitalSignature), or no TLS use at all.
    CertLeafKeyUsage,
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
            Code::AuthFailed => "auth.failed",
            Code::CaSystemStore => "ca.system_store",
            Code::AuthMechanismUnsupported => "auth.mechanism_unsupported",
            Code::CertLeafKeyUsage => "cert.leaf_key_usage",
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
