//! Which families of MongoDB clients refuse a chain, and why we believe so.
//!
//! Clients disagree about the same certificates (see the README, "Clients disagree"). A finding
//! that only says "rustls-webpki rejects this" misleads users of PyMongo, and vice versa, so every
//! certificate finding carries a [`ClientVerdicts`] taken from the one table below,
//! [`verdicts_for`]. Change a row only with a source.
//!
//! Families:
//! - `openssl`: drivers that verify with OpenSSL at its default security level (2 on Debian,
//!   Ubuntu and RHEL builds of OpenSSL 3): PyMongo (Python `ssl`), the C and C++ drivers, PHP,
//!   Ruby, the legacy `mongo` shell, `openssl s_client`.
//! - `node`: the Node.js driver and `mongosh`: OpenSSL inside, but Node's own host-name check
//!   (`tls.checkServerIdentity`) and security level 1.
//! - `rustls`: the Rust driver with its default TLS stack (rustls + rustls-webpki), and mongotls'
//!   own probe.
//! - `go`: the Go driver and the MongoDB database tools built on it (`crypto/x509`).
//! - `java`: the Java and Kotlin drivers (JSSE, PKIX validation).
//!
//! The table is the model. Where a family's own engine runs in-process its verdict overrides
//! the model's column (`src/pki/verify/engines.rs`): `openssl` and `node` (OpenSSL's verifier,
//! vendored) and `rustls` (rustls-webpki). A new [`Condition`] needs a row there too, naming
//! the `X509_V_ERR_*` codes by which OpenSSL refuses it.

use crate::findings::{ClientAction, ClientVerdicts};

/// A condition found on a chain, fine-grained enough that client behaviour is uniform for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// The leaf's notAfter is in the past.
    LeafExpired,
    /// A certificate on the path has a notBefore in the future.
    NotYetValid,
    /// No path to a trusted certificate.
    UnknownIssuer,
    /// The host name is in neither the DNS/IP subjectAltNames nor (where consulted) the CN.
    HostnameMismatch,
    /// No subjectAltName extension; the host name matches the subject CN.
    CommonNameOnlyMatch,
    /// The leaf has an extendedKeyUsage extension without serverAuth.
    EkuWithoutServerAuth,
    /// An RSA key shorter than 1024 bits.
    RsaKeyBelow1024,
    /// An RSA key of 1024 to 2047 bits.
    RsaKeyBelow2048,
    /// A certificate signed with SHA-1.
    Sha1Signature,
    /// A certificate signed with MD5 or MD2.
    Md5Signature,
    /// A signature that does not verify with the issuer's key.
    BadSignature,
    /// The trust anchor's notAfter is in the past.
    AnchorExpired,
    /// The trust anchor's notBefore is in the future.
    AnchorNotYetValid,
    /// An intermediate's notAfter is in the past.
    IntermediateExpired,
    /// A self-signed leaf that is not itself in the CA file.
    SelfSignedUntrusted,
    /// The leaf is a CA certificate (basicConstraints CA:TRUE).
    CaAsLeaf,
    /// A name on the path is outside a CA's name constraints.
    NameConstraints,
    /// An EC key on a curve below 112-bit security (P-192 and the like).
    EcKeyBelow224,
    /// A critical extension OpenSSL does not handle.
    UnhandledCriticalExtension,
    /// rustls-webpki rejects the chain for another reason.
    OtherWebpkiError,
    /// A deviation from RFC 5280 or the CA/Browser Forum Baseline Requirements that clients
    /// tolerate (the conformance lint, `lint.*` codes).
    Conformance,

    // ---- rfc5280: RFC 5280 §6 path validation (src/pki/verify/rules.rs, names.rs) ----
    /// An intermediate without basicConstraints cA=TRUE (extension missing, cA false, or a
    /// version 1/2 certificate).
    IntermediateNotCa,
    /// The trust anchor is no CA by OpenSSL's check_ca(): basicConstraints cA false, or no
    /// basicConstraints and neither keyUsage nor a version 1 self-signed certificate.
    AnchorNotCa,
    /// An intermediate's keyUsage lacks keyCertSign.
    IntermediateKuWithoutCertSign,
    /// The trust anchor's keyUsage lacks keyCertSign.
    AnchorKuWithoutCertSign,
    /// An intermediate's pathLenConstraint is exceeded, counted as RFC 5280 counts (without
    /// self-issued intermediates).
    PathLenExceeded,
    /// The trust anchor's pathLenConstraint is exceeded, counted as RFC 5280 counts.
    AnchorPathLenExceeded,
    /// An intermediate's pathLenConstraint is exceeded only when self-issued intermediates
    /// are counted too (as rustls-webpki and Go count).
    PathLenExceededCountingSelfIssued,
    /// The trust anchor's pathLenConstraint is exceeded only when self-issued intermediates
    /// are counted too.
    AnchorPathLenExceededCountingSelfIssued,
    /// The leaf's keyUsage has none of digitalSignature, keyEncipherment, keyAgreement.
    LeafKuNotForServer,
    /// The leaf's keyUsage has keyEncipherment or keyAgreement but not digitalSignature.
    LeafKuWithoutDigitalSignature,
    /// The leaf is a version 1 or 2 certificate.
    LeafNotV3,
    /// An EC key with explicit curve parameters instead of a named curve.
    EcExplicitParameters,
    /// A leaf's or intermediate's notAfter is exactly the evaluation time.
    ExpiresThisSecond,
    /// The trust anchor's notAfter is exactly the evaluation time.
    AnchorExpiresThisSecond,
    /// Critical extensions that the families marked `true` do not handle on that certificate
    /// (computed per certificate from each family's list; see rules.rs).
    CriticalExtension(Refusers),
    /// The leaf has no DNS subjectAltName and its CN, read as a DNS name, is outside a CA's
    /// DNS name constraints.
    NameConstraintsCommonName,
    /// A subject DN (or directoryName subjectAltName) outside a CA's directoryName
    /// constraints.
    NameConstraintsDirectoryName,
    /// An intermediate's subjectAltName is outside the name constraints of a CA above it.
    NameConstraintsIntermediateSan,
    /// Names conform, but a CA constrains directory names, URIs or email addresses, which
    /// rustls-webpki refuses whenever a certificate below has a name of that form.
    NameConstraintsUnsupportedByWebpki,
    /// A DNS or IP name constraint clients cannot parse (a wildcard, a non-contiguous mask).
    MalformedNameConstraint,
    /// A DNS subjectAltName that is not a host name, below a CA with DNS constraints.
    MalformedDnsNameUnderConstraints,
    /// An IP subjectAltName that is not 4 or 16 bytes, below a CA with IP constraints.
    MalformedIpUnderConstraints,
    /// An intermediate's extendedKeyUsage lacks serverAuth and anyExtendedKeyUsage.
    IntermediateEkuWithoutServerAuth,
    /// The trust anchor's extendedKeyUsage lacks serverAuth and anyExtendedKeyUsage.
    AnchorEkuWithoutServerAuth,
    /// A name outside the name constraints of the trust anchor: the families marked `true`
    /// refuse it (the JDK ignores a trust anchor certificate's name constraints).
    NameConstraintsOnAnchor(Refusers),
    /// The leaf's extendedKeyUsage extension lists no purpose at all.
    EmptyEku,
    /// A subjectAltName of a form nobody compares (otherName, …) below a constraint of that
    /// form.
    NameConstraintsOtherForm,
    /// A wildcard DNS subjectAltName (`*.example.com`) that could stand for an excluded name
    /// (`db.example.com`).
    NameConstraintsWildcardMayBeExcluded,
    /// A self-issued intermediate's subjectAltName outside a CA's name constraints (RFC 5280
    /// skips self-issued intermediates).
    NameConstraintsSelfIssuedSan,
    /// A constraining CA's own subjectAltName outside its own name constraints.
    NameConstraintsOwnSan,
    /// A nameConstraints extension with neither permitted nor excluded subtrees.
    EmptyNameConstraints,
    /// The trust anchor is a version 3 certificate without basicConstraints, whose keyUsage
    /// makes it a CA for OpenSSL.
    AnchorNotCaForGo,
    /// The trust anchor is a version 1 certificate that OpenSSL does not take as a CA (not
    /// self-signed).
    AnchorNotCaForOpenSsl,
    /// A notAfter in the evaluation second, evaluated after that second's first instant.
    ExpiresWithinThisSecond,
    /// The trust anchor's notAfter in the evaluation second, after its first instant.
    AnchorExpiresWithinThisSecond,
    /// An issuer with a DSA key.
    DsaIssuerKey,
    /// A self-issued trust anchor whose authorityKeyIdentifier does not name itself (another
    /// key identifier, issuer or serial number).
    AnchorAkiMismatch,
    /// A certificate the JDK refuses to parse: version 3, empty subject, and no critical,
    /// non-empty subjectAltName.
    EmptySubjectUnreadableByJava,
    /// An authorityInfoAccess extension Go's parser refuses.
    AiaUnreadableByGo,
    /// A DSA server key, which the TLS layers of Go and rustls do not take.
    DsaServerKey,
    /// A host name with characters other than letters, digits, hyphens and dots, which the JDK's
    /// host-name check refuses outright.
    HostNotLdhForJava,
    /// The host name is not in the DNS subjectAltNames by rustls-webpki's and OpenSSL's rules,
    /// but a wildcard matches it by the looser rules of some families (`true`: that family's
    /// matcher finds the host; see host.rs).
    HostnameWildcardSplit {
        /// Node's checkServerIdentity matches it.
        node: bool,
        /// Go's crypto/x509 matches it.
        go: bool,
        /// The JDK's HostnameChecker (TYPE_TLS) matches it.
        java: bool,
    },
}

/// Which families refuse a certificate because of a critical extension they do not handle.
/// Node follows OpenSSL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refusers {
    /// OpenSSL (and so Node).
    pub openssl: bool,
    /// rustls-webpki.
    pub rustls: bool,
    /// Go crypto/x509.
    pub go: bool,
    /// Java PKIX and JSSE's end-entity checks.
    pub java: bool,
}

impl Refusers {
    /// The refusing families' names, as `rejected_by` lists them.
    pub fn names(self) -> Vec<&'static str> {
        [
            (self.openssl, "openssl"),
            (self.openssl, "node"),
            (self.rustls, "rustls"),
            (self.go, "go"),
            (self.java, "java"),
        ]
        .into_iter()
        .filter(|(r, _)| *r)
        .map(|(_, n)| n)
        .collect()
    }
}
/// A row where Node is OpenSSL's (the same verifier decides both).
fn only(
    openssl: ClientAction,
    rustls: ClientAction,
    go: ClientAction,
    java: ClientAction,
) -> ClientVerdicts {
    ClientVerdicts {
        openssl,
        node: openssl,
        rustls,
        go,
        java,
    }
}

/// The table. One row per condition; each row names its sources.
pub fn verdicts_for(condition: Condition) -> ClientVerdicts {
    use ClientAction::{Accept, Reject, Unknown};
    match condition {
        // RFC 5280 path validation; every TLS stack enforces these.
        Condition::LeafExpired
        | Condition::NotYetValid
        | Condition::UnknownIssuer
        | Condition::HostnameMismatch
        | Condition::BadSignature
        | Condition::IntermediateExpired
        | Condition::SelfSignedUntrusted => ClientVerdicts::all(Reject),
        // OpenSSL X509_check_host falls back to the CN when there is no DNS SAN (Python's
        // `hostname_checks_common_name` defaults to true); Node's checkServerIdentity does the
        // same; JDK HostnameChecker uses the most specific CN without DNS SANs. rustls-webpki
        // never reads the CN; Go 1.15+ ignores it ("x509: certificate relies on legacy Common
        // Name field"). DOMAIN.md: reported, not yet observed on the test bed.
        Condition::CommonNameOnlyMatch => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Reject,
            go: Reject,
            java: Accept,
        },
        // OpenSSL purpose check X509_PURPOSE_SSL_SERVER; webpki KeyUsage::server_auth();
        // Go ExtKeyUsageServerAuth by default; JSSE EndEntityChecker for TLS servers.
        Condition::EkuWithoutServerAuth => ClientVerdicts::all(Reject),
        // Below every stack's floor: OpenSSL level 1 (80 bits), Go 1.24 (< 1024 rejected),
        // JDK jdk.certpath.disabledAlgorithms "RSA keySize < 1024", webpki (2048 minimum).
        Condition::RsaKeyBelow1024 => ClientVerdicts::all(Reject),
        // Observed on the test bed (DOMAIN.md): OpenSSL level 2 rejects, Node (level 1) accepts,
        // rustls-webpki rejects (2048-bit minimum). Go and the JDK accept 1024-bit RSA.
        Condition::RsaKeyBelow2048 => ClientVerdicts {
            openssl: Reject,
            node: Accept,
            rustls: Reject,
            go: Accept,
            java: Accept,
        },
        // OpenSSL 3.0: SHA-1 certificate signatures are refused at security level 1 and above
        // (so by Node too). webpki has no SHA-1 verifier. Go 1.18+ rejects SHA-1 certificates.
        // The JDK disables SHA-1 only for chains to its own bundled roots ("SHA1 jdkCA"), so a
        // private CA still works.
        Condition::Sha1Signature => ClientVerdicts {
            openssl: Reject,
            node: Reject,
            rustls: Reject,
            go: Reject,
            java: Accept,
        },
        Condition::Md5Signature => ClientVerdicts::all(Reject),
        // Observed (DOMAIN.md): OpenSSL and Node reject an expired root, rustls accepts (webpki
        // does not check the anchor's validity). Go checks the validity of every certificate it
        // puts in a chain, roots included (verify.go, isValid runs for rootCertificate too).
        // JSSE: the PKIX CertPathValidator validates the certificates of the CertPath, and the
        // trust anchor is not one of them (RFC 5280 6.1: the anchor is an input), so its
        // validity is never checked; OpenJDK 17 accepts limbo's expired-root case.
        Condition::AnchorExpired | Condition::AnchorNotYetValid => ClientVerdicts {
            openssl: Reject,
            node: Reject,
            rustls: Accept,
            go: Reject,
            java: Accept,
        },
        // webpki: Error::CaUsedAsEndEntity. OpenSSL's SSL-server purpose check accepts a CA
        // certificate as the server's own. Go 1.19 crypto/x509 (verify.go, isValid) checks
        // basicConstraints only for intermediateCertificate, never the leaf's. JSSE: PKIX checks
        // basicConstraints of the CA certificates only, and EndEntityChecker.checkTLSServer
        // looks at the leaf's keyUsage and extendedKeyUsage, not its CA flag (a CA's keyUsage
        // without digitalSignature is refused as LeafKeyUsageNoTls). Proven on x509-limbo
        // (tests/it/limbo_clients.rs).
        Condition::CaAsLeaf => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Reject,
            go: Accept,
            java: Accept,
        },
        // RFC 5280 name constraints: OpenSSL, webpki and Go enforce them; so does the JDK's
        // ConstraintsChecker (NameConstraintsExtension.verify on every certificate below).
        Condition::NameConstraints => ClientVerdicts {
            openssl: Reject,
            node: Reject,
            rustls: Reject,
            go: Reject,
            java: Reject,
        },
        // OpenSSL security level 2 needs 112-bit keys (P-224 and up); level 1 (Node) needs 80.
        // rustls and Go implement no curve below P-256, so the TLS handshake itself fails.
        // JDK 17: "Algorithm constraints check failed on keysize limits: EC 192 bit key"
        // (x509-limbo webpki::forbidden-p192-*, measured).
        Condition::EcKeyBelow224 => ClientVerdicts {
            openssl: Reject,
            node: Accept,
            rustls: Reject,
            go: Reject,
            java: Reject,
        },
        // OpenSSL refuses a chain holding an unhandled critical extension anywhere, anchor
        // included (X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION). webpki's list of handled
        // extensions differs and it does not look at the anchor's; Go and Java: unknown here.
        Condition::UnhandledCriticalExtension => ClientVerdicts {
            openssl: Reject,
            node: Reject,
            rustls: Unknown,
            go: Unknown,
            java: Unknown,
        },
        Condition::OtherWebpkiError => ClientVerdicts {
            openssl: Unknown,
            node: Unknown,
            rustls: Reject,
            go: Unknown,
            java: Unknown,
        },
        // JDK X509CertInfo.verifyCert (measured, JDK 17: x509-limbo
        // rfc5280::san::noncritical-with-empty-subject, rfc5280::ca-empty-subject); OpenSSL, Go
        // and webpki parse it.
        Condition::EmptySubjectUnreadableByJava => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Accept,
            go: Accept,
            java: Reject,
        },
        // Go 1.19 parser.go parseAuthorityInfoAccess (measured: webpki::malformed-aia); OpenSSL
        // and webpki do not read a non-critical AIA to verify; JDK 17 accepted it (measured).
        Condition::AiaUnreadableByGo => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Accept,
            go: Reject,
            java: Accept,
        },
        // crypto/tls handshake_client.go: RSA, ECDSA and Ed25519 leaf keys only; rustls verifies
        // the handshake signature with webpki's algorithms, which have no DSA. OpenSSL verifies
        // DSA; JDK 17's PKIX accepted the chain (measured: webpki::forbidden-dsa-leaf).
        Condition::DsaServerKey => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Reject,
            go: Reject,
            java: Accept,
        },
        // JDK HostnameChecker.matchDNS: IDN.toASCII(name, USE_STD3_ASCII_RULES) throws on a
        // non-LDH ASCII character ("Illegal given domain name", measured:
        // rfc5280::san::underscore-dns). OpenSSL, Go, Node and webpki compare the bytes.
        Condition::HostNotLdhForJava => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Accept,
            go: Accept,
            java: Reject,
        },
        // Wildcards: rustls-webpki found no match; OpenSSL's X509_check_host allows a wildcard
        // only in the first label over two labels or more, and CPython sets
        // X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, so PyMongo refuses too. Go 1.19 (matchHostnames)
        // takes `*.com` and `*`; the JDK's HostnameChecker (matchAllWildcards) takes `*`
        // anywhere, partial too; Node's checkServerIdentity takes one partial wildcard in the
        // first label. Each family's own matcher decided (host.rs).
        Condition::HostnameWildcardSplit { node, go, java } => {
            let action = |matches: bool| if matches { Accept } else { Reject };
            ClientVerdicts {
                openssl: Reject,
                node: action(node),
                rustls: Reject,
                go: action(go),
                java: action(java),
            }
        }
        // The conformance lint reports only what clients tolerate: each rule was chosen so
        // (x509-limbo's cases for it: rustls-webpki and OpenSSL as PyMongo runs it accept).
        // What a client refuses is a finding of its own, never a lint.
        Condition::Conformance => ClientVerdicts::all(Accept),
        // RFC 5280 §6 rules. Sources: OpenSSL 3.0 crypto/x509/x509_vfy.c
        // (check_chain, check_name_constraints, check_cert_time) and v3_purp.c (check_ca,
        // check_purpose_ssl_server); rustls-webpki 0.103 src/verify_cert.rs and src/subject_name;
        // Go 1.19 src/crypto/x509/verify.go (isValid, checkChainForKeyUsage) and parser.go; the JDK's
        // sun.security.provider.certpath (ConstraintsChecker, KeyChecker, PolicyChecker) and
        // sun.security.validator.EndEntityChecker, sun.security.x509.NameConstraintsExtension.
        // OpenSSL check_chain: intermediates need check_ca() == 1 (X509_V_ERR_INVALID_CA);
        // webpki EndEntityUsedAsCa / UnsupportedCertVersion; Go NotAuthorizedToSign for
        // intermediates without BasicConstraintsValid && IsCA; JDK ConstraintsChecker "not a
        // CA certificate" (v1/v2 only tolerated when self-issued right below the anchor).
        Condition::IntermediateNotCa => ClientVerdicts::all(Reject),
        // OpenSSL checks the anchor with check_ca() too; Go's CheckSignatureFrom refuses a v3
        // parent without basicConstraints cA=TRUE (x509-limbo root-missing-basic-constraints,
        // run on Go 1.19); webpki keeps only the anchor's name, key and name constraints; PKIX
        // takes the trust anchor as name and key.
        // JSSE's PKIXValidator.verifyTrustAnchor refuses a v3 anchor without cA=TRUE ("is not
        // a CA certificate") and one whose keyUsage lacks keyCertSign (measured, JDK 17).
        Condition::AnchorNotCa => only(Reject, Accept, Reject, Reject),
        Condition::AnchorNotCaForGo => only(Accept, Accept, Reject, Reject),
        Condition::AnchorNotCaForOpenSsl => only(Reject, Accept, Accept, Accept),
        // OpenSSL check_ca(): keyUsage without keyCertSign is no CA (the anchor included); JSSE
        // verifyTrustAnchor checks the anchor's keyCertSign too; webpki: "we ignore the
        // KeyUsage extension"; Go: "KeyUsage status flags are ignored"; JDK KeyChecker
        // verifies keyCertSign on every CA certificate of the path.
        Condition::IntermediateKuWithoutCertSign => only(Reject, Accept, Accept, Reject),
        Condition::AnchorKuWithoutCertSign => only(Reject, Accept, Accept, Reject),
        // Every verifier enforces pathLenConstraint on intermediates; webpki and Go count
        // self-issued certificates too, so they refuse at least as often.
        Condition::PathLenExceeded => ClientVerdicts::all(Reject),
        // OpenSSL's loop and Go's isValid cover the root; webpki does not keep the anchor's
        // basicConstraints and PKIX does not read the anchor certificate's.
        Condition::AnchorPathLenExceeded => only(Reject, Accept, Reject, Accept),
        // OpenSSL (EXFLAG_SI) and the JDK (isSelfIssued) skip self-issued intermediates as
        // RFC 5280 6.1.4 (l) says; webpki's sub_ca_count and Go's len(currentChain)-1 do not.
        Condition::PathLenExceededCountingSelfIssued => only(Accept, Reject, Reject, Accept),
        Condition::AnchorPathLenExceededCountingSelfIssued => only(Accept, Accept, Reject, Accept),
        // OpenSSL check_purpose_ssl_server: ku_reject(digitalSignature | keyEncipherment |
        // keyAgreement); JDK EndEntityChecker.checkTLSServer needs digitalSignature for
        // ECDHE and TLS 1.3 ("UNKNOWN") key exchanges; webpki and Go ignore keyUsage.
        Condition::LeafKuNotForServer => only(Reject, Accept, Accept, Reject),
        Condition::LeafKuWithoutDigitalSignature => only(Accept, Accept, Accept, Reject),
        // webpki accepts only v3 certificates (UnsupportedCertVersion); OpenSSL, Go and the
        // JDK parse v1 end-entity certificates and need no extension on them.
        Condition::LeafNotV3 => only(Accept, Reject, Accept, Accept),
        // OpenSSL 3 check_curve(): X509_V_ERR_EC_KEY_EXPLICIT_PARAMS; webpki knows named
        // curves only; Go's parser refuses unnamed curves; the JDK's SunEC accepts only named
        // curves since JDK 16 ("Only named ECParameters supported").
        Condition::EcExplicitParameters => ClientVerdicts::all(Reject),
        // OpenSSL check_cert_time: X509_cmp_time(notAfter, now) is -1 when notAfter is earlier
        // than *or equal to* now; webpki `time > not_after`, Go `now.After(NotAfter)`, the
        // JDK `notAfter.before(date)` still accept the last second.
        Condition::ExpiresThisSecond => only(Reject, Accept, Accept, Accept),
        Condition::AnchorExpiresThisSecond => only(Reject, Accept, Accept, Accept),
        // Past the second's first instant Go (time.Time) and the JDK (Date, milliseconds) see
        // the certificate expired too; webpki compares whole seconds. Go checks the root too;
        // PKIX does not check the trust anchor's validity.
        Condition::ExpiresWithinThisSecond => only(Reject, Accept, Reject, Reject),
        Condition::AnchorExpiresWithinThisSecond => only(Reject, Accept, Reject, Accept),
        // webpki has no DSA verifier; Go 1.19 cannot verify DSA signatures ("algorithm
        // unimplemented"); OpenSSL 3 and the JDK verify them.
        Condition::DsaIssuerKey => only(Accept, Reject, Reject, Accept),
        // A TrustAnchor built from a KeyStore certificate has no name constraints in the JDK
        // (measured, JDK 17: every x509-limbo rfc5280::nc case constrained at the root passes).
        Condition::CriticalExtension(r) | Condition::NameConstraintsOnAnchor(r) => {
            let action = |refuses: bool| if refuses { Reject } else { Accept };
            only(
                action(r.openssl),
                action(r.rustls),
                action(r.go),
                action(r.java),
            )
        }
        // OpenSSL NAME_CONSTRAINTS_check_CN (leaf without DNS SAN) and the JDK's
        // NameConstraintsExtension.verify (CN as DNSName without DNS SAN) check the CN; webpki
        // and Go check subjectAltNames only.
        Condition::NameConstraintsCommonName => only(Reject, Accept, Accept, Reject),
        // OpenSSL nc_dn, JDK X500Name constraints, webpki refuses every directoryName
        // constraint; Go never checks directory names (a critical extension holding them is
        // an unhandled critical extension, reported separately).
        Condition::NameConstraintsDirectoryName => only(Reject, Reject, Accept, Reject),
        // Every verifier checks the subjectAltNames of the intermediates below (Go 1.19 too,
        // measured on x509-limbo intermediate-with-san-rejected-by-*-nc).
        Condition::NameConstraintsIntermediateSan => ClientVerdicts::all(Reject),
        // OpenSSL (EXFLAG_SI) and the JDK skip self-issued intermediates; webpki checks every
        // certificate below the CA; Go refuses (x509-limbo rfc5280::nc::permitted-self-issued).
        Condition::NameConstraintsSelfIssuedSan => only(Accept, Reject, Reject, Accept),
        // Go's isValid checks the constraining CA's own SANs against its constraints
        // (toCheck = leaf and c); nobody else does (rfc5280::nc::invalid-dnsname-leading-period).
        Condition::NameConstraintsOwnSan => only(Accept, Accept, Reject, Accept),
        // Go 1.19 parser: "x509: empty name constraints extension"; OpenSSL and webpki accept
        // it; the JDK's NameConstraintsExtension decodes an empty SEQUENCE.
        Condition::EmptyNameConstraints => only(Accept, Accept, Reject, Accept),
        // webpki subject_name/mod.rs: directoryName, URI and other forms "fail closed".
        Condition::NameConstraintsUnsupportedByWebpki => only(Accept, Reject, Accept, Accept),
        // webpki MalformedNameConstraint / InvalidNetworkMaskConstraint; Go's parser fails on
        // such constraints; OpenSSL nc_match refuses a bad mask and a wildcard constraint
        // matches no name. JDK: not known.
        Condition::MalformedNameConstraint => only(Reject, Reject, Reject, Unknown),
        // webpki MalformedDnsIdentifier; OpenSSL compares the text as is; Go 1.19 accepts
        // `.example.com` (x509-limbo nc-permits-invalid-dns-san); so does JDK 17 (measured),
        // and it skips an IP address of a wrong length (nc-permits-invalid-ip-san).
        Condition::MalformedDnsNameUnderConstraints => only(Accept, Reject, Accept, Accept),
        Condition::MalformedIpUnderConstraints => only(Reject, Reject, Reject, Accept),
        // OpenSSL check_purpose on CA certificates (xku_reject, the anchor included since
        // X509_TRUST_NO_SS_COMPAT leaves it untrusted-by-aux); webpki check_eku on every
        // certificate it parses (not the anchor); Go checkChainForKeyUsage walks the whole
        // chain, root included; the JDK checks extendedKeyUsage on the end entity only.
        Condition::IntermediateEkuWithoutServerAuth => only(Reject, Reject, Reject, Accept),
        Condition::AnchorEkuWithoutServerAuth => only(Reject, Accept, Reject, Accept),
        // webpki EmptyEkuExtension; OpenSSL's SSL-server purpose finds no serverAuth ("unsuitable
        // certificate purpose", openssl verify -purpose sslserver on x509-limbo
        // rfc5280::eku::ee-eku-empty); Go treats an empty list as absent; the JDK finds no
        // serverAuth in the list.
        Condition::EmptyEku => only(Reject, Reject, Accept, Reject),
        // OpenSSL X509_check_akid: a root whose authorityKeyIdentifier names another key,
        // issuer or serial is not self-signed for OpenSSL, which then looks for its issuer
        // ("unable to get issuer certificate", x509-limbo webpki::aki::root-with-aki-*). The
        // others take the trust anchor as it is.
        Condition::AnchorAkiMismatch => only(Reject, Accept, Accept, Accept),
        // OpenSSL nc_match: X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE for forms it cannot compare;
        // webpki: an Unsupported name under a constraint of its tag is a violation; Go ignores
        // unknown SAN types (a critical constraint of that form is an unhandled critical
        // extension, reported on its own); the JDK compares otherNames only for equality.
        Condition::NameConstraintsOtherForm => only(Reject, Reject, Accept, Reject),
        // webpki matches a wildcard against excluded subtrees as a pattern
        // (x509-limbo rfc5280::nc::nc-forbids-dnsname-wildcard-san); OpenSSL and Go 1.19
        // compare the text (Go fixed it only for CVE-2025-61727); the JDK compares suffixes.
        Condition::NameConstraintsWildcardMayBeExcluded => only(Accept, Reject, Accept, Accept),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expired_root_is_rejected_by_openssl_but_not_rustls() {
        let v = verdicts_for(Condition::AnchorExpired);
        assert_eq!(v.rejecting(), vec!["openssl", "node", "go"]);
        assert!(v.any_rejects());
    }

    #[test]
    fn rsa_1024_splits_openssl_and_node() {
        let v = verdicts_for(Condition::RsaKeyBelow2048);
        assert_eq!(v.openssl, ClientAction::Reject);
        assert_eq!(v.node, ClientAction::Accept);
        assert_eq!(v.rustls, ClientAction::Reject);
    }

    #[test]
    fn go_and_java_accept_a_ca_leaf_but_java_needs_digital_signature() {
        let v = verdicts_for(Condition::CaAsLeaf);
        assert_eq!((v.go, v.java), (ClientAction::Accept, ClientAction::Accept));
        let ku = verdicts_for(Condition::LeafKuNotForServer);
        assert_eq!(ku.rejecting(), vec!["openssl", "node", "java"]);
        let ku = verdicts_for(Condition::LeafKuWithoutDigitalSignature);
        assert_eq!(ku.rejecting(), vec!["java"]);
        assert_eq!(verdicts_for(Condition::EmptyEku).go, ClientAction::Accept);
    }

    #[test]
    fn serialises_as_object_of_actions() {
        let v = verdicts_for(Condition::CommonNameOnlyMatch);
        let json = serde_json::to_value(v).unwrap_or_default();
        assert_eq!(json["openssl"], "accept");
        assert_eq!(json["rustls"], "reject");
    }
}
