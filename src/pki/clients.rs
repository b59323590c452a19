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
    /// The leaf has an extendedKeyUsage extension that lists no usage at all.
    LeafEkuEmpty,
    /// The leaf has a keyUsage extension with none of digitalSignature, keyEncipherment and
    /// keyAgreement (a CA's keyCertSign/cRLSign, say): no TLS use at all.
    LeafKeyUsageNoTls,
    /// The leaf's keyUsage has keyEncipherment or keyAgreement but not digitalSignature.
    LeafKeyUsageNoDigitalSignature,
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
        // RFC 5280 name constraints: OpenSSL, webpki and Go enforce them.
        Condition::NameConstraints => ClientVerdicts {
            openssl: Reject,
            node: Reject,
            rustls: Reject,
            go: Reject,
            java: Unknown,
        },
        // OpenSSL security level 2 needs 112-bit keys (P-224 and up); level 1 (Node) needs 80.
        // rustls and Go implement no curve below P-256, so the TLS handshake itself fails.
        Condition::EcKeyBelow224 => ClientVerdicts {
            openssl: Reject,
            node: Accept,
            rustls: Reject,
            go: Reject,
            java: Unknown,
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
        // An extendedKeyUsage extension with no usage. Go 1.19 (verify.go,
        // checkChainForKeyUsage) skips a certificate whose ExtKeyUsage and UnknownExtKeyUsage
        // are both empty, as if it had no extension. JSSE (EndEntityChecker.checkEKU): the
        // extension is present and holds neither serverAuth nor anyExtendedKeyUsage: refused.
        // OpenSSL's purpose check (xku present without SSL_SERVER) and webpki refuse it too.
        Condition::LeafEkuEmpty => ClientVerdicts {
            openssl: Reject,
            node: Reject,
            rustls: Reject,
            go: Accept,
            java: Reject,
        },
        // keyUsage of the server's certificate. JSSE's EndEntityChecker.checkTLSServer needs
        // digitalSignature for the authTypes of TLS 1.3 ("UNKNOWN") and of ECDHE suites (the
        // KU_SERVER_SIGNATURE list). OpenSSL's SSL-server purpose (v3_purp.c,
        // check_purpose_ssl_server: ku_reject(x, KU_TLS)) needs one of digitalSignature,
        // keyEncipherment, keyAgreement. Go ignores keyUsage ("KeyUsage status flags are
        // ignored", verify.go), and webpki does not read the end entity's keyUsage.
        Condition::LeafKeyUsageNoTls => ClientVerdicts {
            openssl: Reject,
            node: Reject,
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
        Condition::LeafKeyUsageNoDigitalSignature => ClientVerdicts {
            openssl: Accept,
            node: Accept,
            rustls: Accept,
            go: Accept,
            java: Reject,
        },
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
        let ku = verdicts_for(Condition::LeafKeyUsageNoTls);
        assert_eq!(ku.rejecting(), vec!["openssl", "node", "java"]);
        let ku = verdicts_for(Condition::LeafKeyUsageNoDigitalSignature);
        assert_eq!(ku.rejecting(), vec!["java"]);
        assert_eq!(
            verdicts_for(Condition::LeafEkuEmpty).go,
            ClientAction::Accept
        );
    }

    #[test]
    fn serialises_as_object_of_actions() {
        let v = verdicts_for(Condition::CommonNameOnlyMatch);
        let json = serde_json::to_value(v).unwrap_or_default();
        assert_eq!(json["openssl"], "accept");
        assert_eq!(json["rustls"], "reject");
    }
}
