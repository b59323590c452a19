//! What is in one certificate, read with x509-parser: the facts `ca` prints and every check
//! works from. Pure: the current time is a parameter.

use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::FromDer;
use x509_parser::public_key::PublicKey;

use crate::dates::days_between;
use crate::tr;

/// The public key of a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, or the OID when unknown.
    pub algorithm: String,
    /// Key size in bits (RSA modulus, EC field size), when known.
    pub bits: Option<u32>,
    /// Named curve for EC keys (`P-256`, `P-384`, `P-521`, or the OID).
    pub curve: Option<String>,
}

/// The hash family of a signature algorithm, for policy checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureHash {
    /// MD2 or MD5: broken, refused everywhere.
    Md5,
    /// SHA-1: refused by OpenSSL 3, rustls and Go.
    Sha1,
    /// SHA-2 family, or an algorithm with a built-in hash (Ed25519).
    Strong,
    /// An algorithm we do not classify.
    Unknown,
}

impl SignatureHash {
    /// Lower-case name as in reports (`md5`, `sha1`, `strong`, `unknown`).
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureHash::Md5 => "md5",
            SignatureHash::Sha1 => "sha1",
            SignatureHash::Strong => "strong",
            SignatureHash::Unknown => "unknown",
        }
    }
}

/// Everything `mongotls ca` shows about one certificate.
#[derive(Clone, Debug)]
pub struct CertInfo {
    /// Subject distinguished name, e.g. `C=CN, O=Example, CN=Example Root CA`.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number, colon-separated hex.
    pub serial: String,
    /// SHA-256 of the DER encoding, colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256`).
    pub sha256_fingerprint: String,
    /// notBefore.
    pub not_before: OffsetDateTime,
    /// notAfter.
    pub not_after: OffsetDateTime,
    /// Whole days from the evaluation time to notAfter; negative once expired.
    pub days_remaining: i64,
    /// X.509 version (1 or 3).
    pub version: u32,
    /// Subject public key.
    pub key: KeyInfo,
    /// Signature algorithm name (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`, …).
    pub signature_algorithm: String,
    /// Hash family of the signature algorithm.
    pub signature_hash: SignatureHash,
    /// basicConstraints CA flag (false when the extension is absent).
    pub is_ca: bool,
    /// Whether a basicConstraints extension is present at all.
    pub basic_constraints: bool,
    /// basicConstraints pathLenConstraint.
    pub path_len: Option<u32>,
    /// Key usage bits, by name; empty when the extension is absent.
    pub key_usage: Vec<String>,
    /// Extended key usages, by name (`server_auth`, `client_auth`, …) or OID; `None` when the
    /// extension is absent (which allows every usage).
    pub extended_key_usage: Option<Vec<String>>,
    /// Subject key identifier, colon-separated hex.
    pub subject_key_id: Option<String>,
    /// Authority key identifier (keyIdentifier field), colon-separated hex.
    pub authority_key_id: Option<String>,
    /// subjectAltNames as `DNS:name`, `IP:addr`, `email:…`, `URI:…`; `None` when the extension
    /// is absent.
    pub subject_alt_names: Option<Vec<String>>,
    /// Subject common names.
    pub common_names: Vec<String>,
    /// authorityInfoAccess caIssuers URLs (where the issuer certificate can be downloaded).
    pub ca_issuers_urls: Vec<String>,
    /// Subject equals issuer (self-issued); see [`Cert::is_self_signed`] for the signature check.
    pub self_issued: bool,
    /// Critical extensions OpenSSL does not handle (by OID): OpenSSL refuses any chain that
    /// contains such a certificate, trust anchor included.
    pub unhandled_critical_extensions: Vec<String>,
}

/// A parsed certificate: its DER and the facts extracted from it, plus the raw pieces the
/// path builder compares.
#[derive(Clone, Debug)]
pub struct Cert {
    /// DER encoding.
    pub der: Vec<u8>,
    /// Facts, computed at the evaluation time given to [`Cert::parse`].
    pub info: CertInfo,
    subject_raw: Vec<u8>,
    issuer_raw: Vec<u8>,
    ski: Option<Vec<u8>>,
    aki: Option<Vec<u8>>,
}

/// Why DER is not one X.509 certificate.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CertParseError {
    /// A certificate followed by other bytes.
    TrailingData(usize),
    /// Not a certificate x509-parser can read; its error says where.
    Invalid(x509_parser::nom::Err<x509_parser::error::X509Error>),
}

impl std::fmt::Display for CertParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            CertParseError::TrailingData(count) => tr!("pki-cert-trailing-data", count = *count),
            CertParseError::Invalid(e) => tr!("pki-cert-invalid", detail = e.to_string()),
        };
        f.write_str(&text)
    }
}

impl Cert {
    /// Parses DER and extracts its facts as of `now`.
    pub fn parse(der: Vec<u8>, now: OffsetDateTime) -> Result<Cert, CertParseError> {
        let (info, subject_raw, issuer_raw, ski, aki) = {
            let x = parse_x509(&der)?;
            let not_before = x.validity().not_before.to_datetime();
            let not_after = x.validity().not_after.to_datetime();
            let ski = subject_key_id(&x).map(<[u8]>::to_vec);
            let aki = authority_key_id(&x).map(<[u8]>::to_vec);
            let info = CertInfo {
                subject: x.subject().to_string(),
                issuer: x.issuer().to_string(),
                serial: colon_hex(x.raw_serial()),
                sha256_fingerprint: colon_hex(&Sha256::digest(&der)).to_uppercase(),
                not_before,
                not_after,
                days_remaining: days_between(now, not_after),
                version: x.version().0 + 1,
                key: key_info(&x),
                signature_algorithm: signature_algorithm_name(&x),
                signature_hash: signature_hash(&x),
                is_ca: x.is_ca(),
                basic_constraints: matches!(x.basic_constraints(), Ok(Some(_))),
                path_len: x
                    .basic_constraints()
                    .ok()
                    .flatten()
                    .and_then(|bc| bc.value.path_len_constraint),
                key_usage: key_usage(&x),
                extended_key_usage: extended_key_usage(&x),
                subject_key_id: ski.as_deref().map(colon_hex),
                authority_key_id: aki.as_deref().map(colon_hex),
                subject_alt_names: subject_alt_names(&x),
                common_names: x
                    .subject()
                    .iter_common_name()
                    .filter_map(|cn| cn.as_str().ok().map(str::to_string))
                    .collect(),
                ca_issuers_urls: ca_issuers_urls(&x),
                self_issued: x.subject().as_raw() == x.issuer().as_raw(),
                unhandled_critical_extensions: unhandled_critical_extensions(&x),
            };
            (
                info,
                x.subject().as_raw().to_vec(),
                x.issuer().as_raw().to_vec(),
                ski,
                aki,
            )
        };
        Ok(Cert {
            der,
            info,
            subject_raw,
            issuer_raw,
            ski,
            aki,
        })
    }

    /// Re-parses the DER for checks that need the full structure. Cannot fail for a `Cert`
    /// built by [`Cert::parse`], but returns the error rather than assuming so.
    pub fn x509(&self) -> Result<X509Certificate<'_>, CertParseError> {
        parse_x509(&self.der)
    }

    /// True when `issuer`'s subject name is this certificate's issuer name (byte-for-byte, as
    /// rustls-webpki compares names).
    pub fn names_issuer(&self, issuer: &Cert) -> bool {
        self.issuer_raw == issuer.subject_raw
    }

    /// The AKI/SKI relation: `Some(true)` match, `Some(false)` both present and different,
    /// `None` when either is absent.
    pub fn key_id_matches(&self, issuer: &Cert) -> Option<bool> {
        match (&self.aki, &issuer.ski) {
            (Some(a), Some(s)) => Some(a == s),
            _ => None,
        }
    }

    /// Whether `issuer`'s key verifies this certificate's signature.
    pub fn signature_check(&self, issuer: &Cert) -> SignatureCheck {
        match (self.x509(), issuer.x509()) {
            (Ok(child), Ok(parent)) => crate::pki::signature::check(&child, parent.public_key()),
            _ => SignatureCheck::Invalid,
        }
    }

    /// Self-issued and its own key verifies its signature.
    pub fn is_self_signed(&self) -> bool {
        self.info.self_issued && self.signature_check(self) == SignatureCheck::Valid
    }

    /// Is `now` within notBefore..=notAfter?
    pub fn is_valid_at(&self, now: OffsetDateTime) -> bool {
        self.info.not_before <= now && now <= self.info.not_after
    }

    /// One-line description for messages: the subject, or its CN when it has one.
    pub fn short_name(&self) -> String {
        match self.info.common_names.first() {
            Some(cn) => format!("\"{cn}\""),
            None => format!("\"{}\"", self.info.subject),
        }
    }
}

pub use crate::pki::signature::SignatureCheck;

fn parse_x509(der: &[u8]) -> Result<X509Certificate<'_>, CertParseError> {
    match X509Certificate::from_der(der) {
        Ok(([], x)) => Ok(x),
        Ok((rest, _)) => Err(CertParseError::TrailingData(rest.len())),
        Err(e) => Err(CertParseError::Invalid(e)),
    }
}

/// Lower-case colon-separated hex.
pub fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn key_info(x: &X509Certificate<'_>) -> KeyInfo {
    let spki = x.public_key();
    let oid = spki.algorithm.algorithm.to_id_string();
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => KeyInfo {
            algorithm: "RSA".into(),
            bits: u32::try_from(rsa.key_size()).ok(),
            curve: None,
        },
        Ok(PublicKey::EC(point)) => {
            let curve_oid = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| o.to_id_string());
            let (curve, bits) = match curve_oid.as_deref() {
                Some("1.2.840.10045.3.1.7") => ("P-256".to_string(), Some(256)),
                Some("1.3.132.0.34") => ("P-384".to_string(), Some(384)),
                Some("1.3.132.0.35") => ("P-521".to_string(), Some(521)),
                Some(other) => (other.to_string(), u32::try_from(point.key_size()).ok()),
                None => ("unknown".to_string(), u32::try_from(point.key_size()).ok()),
            };
            KeyInfo {
                algorithm: "EC".into(),
                bits,
                curve: Some(curve),
            }
        }
        Ok(PublicKey::DSA(_)) => KeyInfo {
            algorithm: "DSA".into(),
            bits: None,
            curve: None,
        },
        _ => KeyInfo {
            algorithm: match oid.as_str() {
                "1.3.101.112" => "Ed25519".into(),
                "1.3.101.113" => "Ed448".into(),
                "1.2.840.113549.1.1.10" => "RSA-PSS".into(),
                _ => oid,
            },
            bits: None,
            curve: None,
        },
    }
}

fn signature_algorithm_name(x: &X509Certificate<'_>) -> String {
    let oid = x.signature_algorithm.algorithm.to_id_string();
    let name = match oid.as_str() {
        "1.2.840.113549.1.1.2" => "md2WithRSAEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "rsassaPss",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.1" => "ecdsa-with-SHA224",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.2.840.10040.4.3" => "dsa-with-SHA1",
        "2.16.840.1.101.3.4.3.2" => "dsa-with-SHA256",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        _ => return oid,
    };
    name.to_string()
}

fn signature_hash(x: &X509Certificate<'_>) -> SignatureHash {
    match x.signature_algorithm.algorithm.to_id_string().as_str() {
        "1.2.840.113549.1.1.2" | "1.2.840.113549.1.1.4" => SignatureHash::Md5,
        "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" | "1.2.840.10045.4.1" | "1.2.840.10040.4.3" => {
            SignatureHash::Sha1
        }
        "1.2.840.113549.1.1.11"
        | "1.2.840.113549.1.1.12"
        | "1.2.840.113549.1.1.13"
        | "1.2.840.113549.1.1.14"
        | "1.2.840.113549.1.1.10"
        | "1.2.840.10045.4.3.1"
        | "1.2.840.10045.4.3.2"
        | "1.2.840.10045.4.3.3"
        | "1.2.840.10045.4.3.4"
        | "2.16.840.1.101.3.4.3.2"
        | "1.3.101.112"
        | "1.3.101.113" => SignatureHash::Strong,
        _ => SignatureHash::Unknown,
    }
}

fn key_usage(x: &X509Certificate<'_>) -> Vec<String> {
    let Ok(Some(ku)) = x.key_usage() else {
        return Vec::new();
    };
    let ku = ku.value;
    [
        (ku.digital_signature(), "digital_signature"),
        (ku.non_repudiation(), "non_repudiation"),
        (ku.key_encipherment(), "key_encipherment"),
        (ku.data_encipherment(), "data_encipherment"),
        (ku.key_agreement(), "key_agreement"),
        (ku.key_cert_sign(), "key_cert_sign"),
        (ku.crl_sign(), "crl_sign"),
        (ku.encipher_only(), "encipher_only"),
        (ku.decipher_only(), "decipher_only"),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .map(|(_, name)| name.to_string())
    .collect()
}

fn extended_key_usage(x: &X509Certificate<'_>) -> Option<Vec<String>> {
    let eku = match x.extended_key_usage() {
        Ok(Some(eku)) => eku.value,
        Ok(None) => return None,
        // A malformed EKU extension: report it as present and unreadable rather than absent.
        Err(_) => return Some(vec![tr!("pki-extension-unreadable")]),
    };
    let mut out = Vec::new();
    let flags = [
        (eku.any, "any"),
        (eku.server_auth, "server_auth"),
        (eku.client_auth, "client_auth"),
        (eku.code_signing, "code_signing"),
        (eku.email_protection, "email_protection"),
        (eku.time_stamping, "time_stamping"),
        (eku.ocsp_signing, "ocsp_signing"),
    ];
    out.extend(flags.iter().filter(|(s, _)| *s).map(|(_, n)| n.to_string()));
    out.extend(eku.other.iter().map(|o| o.to_id_string()));
    Some(out)
}

fn subject_key_id<'a>(x: &'a X509Certificate<'_>) -> Option<&'a [u8]> {
    x.iter_extensions()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(k) => Some(k.0),
            _ => None,
        })
}

fn authority_key_id<'a>(x: &'a X509Certificate<'_>) -> Option<&'a [u8]> {
    x.iter_extensions()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityKeyIdentifier(a) => a.key_identifier.as_ref().map(|k| k.0),
            _ => None,
        })
}

fn subject_alt_names(x: &X509Certificate<'_>) -> Option<Vec<String>> {
    let san = match x.subject_alternative_name() {
        Ok(Some(san)) => san.value,
        Ok(None) => return None,
        Err(_) => return Some(vec![tr!("pki-extension-unreadable")]),
    };
    Some(san.general_names.iter().map(general_name).collect())
}

/// `DNS:name`, `IP:addr`, … as OpenSSL prints them.
pub fn general_name(name: &GeneralName<'_>) -> String {
    match name {
        GeneralName::DNSName(d) => format!("DNS:{d}"),
        GeneralName::IPAddress(bytes) => match bytes.len() {
            4 => {
                let mut a = [0u8; 4];
                a.copy_from_slice(bytes);
                format!("IP:{}", std::net::Ipv4Addr::from(a))
            }
            16 => {
                let mut a = [0u8; 16];
                a.copy_from_slice(bytes);
                format!("IP:{}", std::net::Ipv6Addr::from(a))
            }
            _ => tr!("pki-san-ip-invalid", count = bytes.len()),
        },
        GeneralName::RFC822Name(e) => format!("email:{e}"),
        GeneralName::URI(u) => format!("URI:{u}"),
        GeneralName::DirectoryName(n) => format!("DirName:{n}"),
        GeneralName::RegisteredID(o) => format!("RID:{}", o.to_id_string()),
        GeneralName::OtherName(o, _) => format!("othername:{}", o.to_id_string()),
        _ => tr!("pki-san-unsupported-type"),
    }
}

/// The critical extensions OpenSSL 3 understands (`X509_supported_extension` in
/// crypto/x509/v3_purp.c). Notably absent: subject and authority key identifiers, which
/// OpenSSL refuses when marked critical.
const OPENSSL_HANDLED_CRITICAL: &[&str] = &[
    "2.16.840.1.113730.1.1", // nsCertType
    "2.5.29.15",             // keyUsage
    "2.5.29.17",             // subjectAltName
    "2.5.29.19",             // basicConstraints
    "2.5.29.32",             // certificatePolicies
    "2.5.29.37",             // extKeyUsage
    "2.5.29.36",             // policyConstraints
    "2.5.29.30",             // nameConstraints
    "2.5.29.33",             // policyMappings
    "2.5.29.54",             // inhibitAnyPolicy
    "1.3.6.1.5.5.7.1.14",    // proxyCertInfo
    "1.3.6.1.5.5.7.1.7",     // sbgp-ipAddrBlock
    "1.3.6.1.5.5.7.1.8",     // sbgp-autonomousSysNum
    "1.3.6.1.5.5.7.1.24",    // tlsfeature
];

fn unhandled_critical_extensions(x: &X509Certificate<'_>) -> Vec<String> {
    x.extensions()
        .iter()
        .filter(|e| e.critical)
        .map(|e| e.oid.to_id_string())
        .filter(|oid| !OPENSSL_HANDLED_CRITICAL.contains(&oid.as_str()))
        .collect()
}

fn ca_issuers_urls(x: &X509Certificate<'_>) -> Vec<String> {
    const CA_ISSUERS: &str = "1.3.6.1.5.5.7.48.2";
    x.iter_extensions()
        .filter_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityInfoAccess(aia) => Some(aia),
            _ => None,
        })
        .flat_map(|aia| aia.iter())
        .filter(|ad| ad.access_method.to_id_string() == CA_ISSUERS)
        .filter_map(|ad| match &ad.access_location {
            GeneralName::URI(u) => Some(u.to_string()),
            _ => None,
        })
        .collect()
}

/// Certificates made at run time for the unit tests of the PKI engine (`ca_check`, `verify`):
/// one builder for roots, intermediates and leaves, valid for a span of days around a fixed
/// evaluation time, so that no test depends on the clock.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod test_certs {
    use rcgen::{
        BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, KeyIdMethod, KeyPair,
        KeyUsagePurpose,
    };
    use time::{Duration, OffsetDateTime};

    use super::Cert;

    /// The evaluation time of every test.
    pub(crate) fn now() -> OffsetDateTime {
        time::macros::datetime!(2030-06-01 00:00 UTC)
    }

    /// A certificate and its key, so that it can issue others.
    pub(crate) struct Made {
        pub(crate) cert: rcgen::Certificate,
        pub(crate) key: KeyPair,
    }

    impl Made {
        /// The certificate as [`Cert::parse`] reads it at [`now`].
        pub(crate) fn parsed(&self) -> Cert {
            Cert::parse(self.cert.der().to_vec(), now()).unwrap()
        }
    }

    /// Parses each certificate at [`now`], in order.
    pub(crate) fn parsed(certs: &[&Made]) -> Vec<Cert> {
        certs.iter().map(|c| c.parsed()).collect()
    }

    /// The usual hierarchy: a root, an intermediate it issued, and a server certificate the
    /// intermediate issued.
    pub(crate) struct Hierarchy {
        /// "Test Root".
        pub(crate) root: Made,
        /// "Test Intermediate".
        pub(crate) intermediate: Made,
        /// "db.example.com", see [`server`].
        pub(crate) leaf: Made,
    }

    /// Makes a fresh [`Hierarchy`].
    pub(crate) fn hierarchy() -> Hierarchy {
        let root = ca("Test Root").make();
        let intermediate = ca("Test Intermediate").issued_by(&root).make();
        let leaf = server(&intermediate).make();
        Hierarchy {
            root,
            intermediate,
            leaf,
        }
    }

    /// The server certificate "db.example.com" (DNS:db.example.com) issued by `issuer`.
    pub(crate) fn server(issuer: &Made) -> Spec<'_> {
        leaf("db.example.com", &["db.example.com"]).issued_by(issuer)
    }

    /// What to make: start with [`ca`] or [`leaf`], adjust, then [`Spec::make`].
    pub(crate) struct Spec<'a> {
        cn: &'a str,
        ca: bool,
        dns: &'a [&'a str],
        issuer: Option<&'a Made>,
        /// notBefore and notAfter, in days from [`now`].
        days: (i64, i64),
        key_id: Option<Vec<u8>>,
    }

    /// A CA certificate named `cn` (CA:TRUE, keyCertSign), self-signed unless
    /// [`Spec::issued_by`] says otherwise, valid from 30 days before [`now`] for a year.
    pub(crate) fn ca(cn: &str) -> Spec<'_> {
        Spec {
            cn,
            ca: true,
            dns: &[],
            issuer: None,
            days: (-30, 365),
            key_id: None,
        }
    }

    /// A server certificate named `cn` (CA:FALSE) for the DNS names `dns`, self-signed unless
    /// [`Spec::issued_by`] says otherwise, valid from 30 days before [`now`] for a year.
    pub(crate) fn leaf<'a>(cn: &'a str, dns: &'a [&'a str]) -> Spec<'a> {
        Spec {
            cn,
            ca: false,
            dns,
            issuer: None,
            days: (-30, 365),
            key_id: None,
        }
    }

    impl<'a> Spec<'a> {
        /// Signed by `issuer`, with an authority key identifier naming it.
        pub(crate) fn issued_by(mut self, issuer: &'a Made) -> Self {
            self.issuer = Some(issuer);
            self
        }

        /// Valid from `from` to `to` days after [`now`] (negative: before it).
        pub(crate) fn valid_days(mut self, from: i64, to: i64) -> Self {
            self.days = (from, to);
            self
        }

        /// This subject key identifier instead of one derived from the key (a CA only).
        pub(crate) fn key_id(mut self, id: Vec<u8>) -> Self {
            self.key_id = Some(id);
            self
        }

        /// Generates a fresh P-256 key and the certificate.
        pub(crate) fn make(self) -> Made {
            let mut params =
                CertificateParams::new(self.dns.iter().map(|d| d.to_string()).collect::<Vec<_>>())
                    .unwrap();
            params.distinguished_name = DistinguishedName::new();
            params.distinguished_name.push(DnType::CommonName, self.cn);
            params.not_before = now() + Duration::days(self.days.0);
            params.not_after = now() + Duration::days(self.days.1);
            if self.ca {
                params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
                params.key_usages = vec![
                    KeyUsagePurpose::KeyCertSign,
                    KeyUsagePurpose::CrlSign,
                    KeyUsagePurpose::DigitalSignature,
                ];
            } else {
                params.is_ca = IsCa::ExplicitNoCa;
            }
            if let Some(id) = self.key_id {
                params.key_identifier_method = KeyIdMethod::PreSpecified(id);
            }
            let key = KeyPair::generate().unwrap();
            let cert = match self.issuer {
                Some(issuer) => {
                    params.use_authority_key_identifier_extension = true;
                    params.signed_by(&key, &issuer.cert, &issuer.key).unwrap()
                }
                None => params.self_signed(&key).unwrap(),
            };
            Made { cert, key }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn colon_hex_formats_bytes() {
        assert_eq!(colon_hex(&[0x0a, 0xff, 0x00]), "0a:ff:00");
        assert_eq!(colon_hex(&[]), "");
    }

    #[test]
    fn parses_an_rcgen_certificate() {
        let ck = rcgen::generate_simple_self_signed(vec!["db.example".into(), "10.0.0.1".into()])
            .unwrap();
        let cert = Cert::parse(ck.cert.der().to_vec(), OffsetDateTime::now_utc()).unwrap();
        assert_eq!(
            cert.info.subject_alt_names,
            Some(vec!["DNS:db.example".into(), "IP:10.0.0.1".into()])
        );
        assert_eq!(cert.info.key.algorithm, "EC");
        assert_eq!(cert.info.key.curve.as_deref(), Some("P-256"));
        assert_eq!(cert.info.signature_hash, SignatureHash::Strong);
        assert!(cert.is_self_signed());
        assert_eq!(cert.info.sha256_fingerprint.len(), 32 * 3 - 1);
    }

    #[test]
    fn rejects_trailing_data() {
        let ck = rcgen::generate_simple_self_signed(vec!["db.example".into()]).unwrap();
        let mut der = ck.cert.der().to_vec();
        der.push(0);
        let err = Cert::parse(der, OffsetDateTime::now_utc()).unwrap_err();
        assert_eq!(err, CertParseError::TrailingData(1));
        assert_eq!(
            err.to_string(),
            "1 byte of trailing data after the certificate"
        );
    }
}
