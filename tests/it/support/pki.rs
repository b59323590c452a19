//! Test PKI built at run time.
//!
//! Every certificate a test needs is minted here, with validity dates relative
//! to a `now` the caller passes in, so nothing ever expires in the repository
//! and no private key is ever committed. Private keys only live in memory (and
//! in a test's temporary directory when a test writes them out).
//!
//! Building blocks: [`root`], [`intermediate`], [`leaf`], [`self_signed_leaf`]
//! (all return an [`Issued`]), [`Validity`] and [`LeafSpec`].
//!
//! Ready-made cases: [`scenarios`] has one function per [`Scenario`] (`good`,
//! `expired_leaf`, …; `scenarios::all` lists them), each giving what a user
//! would pass as `--ca`, what the server presents as its chain (leaf first,
//! unless the scenario is about order), the host name to check and the time to
//! judge at. [`write_scenario`] puts one on disk.
//!
//! Files that are not a plain PEM CA bundle: [`files`] (a lone private key, a CA
//! with its key, an empty file, text, DER, a real JKS and real PKCS#12 stores).
//!
//! Keys are ECDSA P-256 unless asked otherwise. RSA keys come from the pure-Rust
//! `rsa` crate (ring can neither generate RSA keys nor sign with RSA-1024) and
//! sign through rcgen's [`rcgen::RemoteKeyPair`] hook.
//!
//! Modelled on rustls-webpki's `src/test_utils.rs` and rcgen's
//! `examples/sign-leaf-with-ca.rs`.

// Not every test binary that includes `support` uses every helper, and a test
// fixture that cannot be built should fail the test loudly.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, Certificate, CertificateParams, CustomExtension, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, RemoteKeyPair, SanType,
    SignatureAlgorithm,
};
use rsa::pkcs1::EncodeRsaPublicKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::rand_core::OsRng;
use rsa::signature::{SignatureEncoding, Signer};
use time::{Duration, OffsetDateTime};

/// Organization name put in every subject this module makes.
pub const ORG: &str = "mongotls test PKI";
/// Host name most scenarios check against (covered by the good leaf's DNS SANs).
pub const HOST: &str = "mongo-0.test.internal";
/// Host name that the `host_mismatch` leaf covers instead of [`HOST`].
pub const OTHER_HOST: &str = "other.test.internal";
/// authorityInfoAccess caIssuers URL used by [`LeafSpec::aia_ca_issuers`] in scenarios.
pub const AIA_URL: &str = "http://pki.test.internal/intermediate.crt";
/// Subject CN of the scenarios' root CA.
pub const ROOT_CN: &str = "mongotls Test Root CA";
/// Subject CN of the scenarios' intermediate CA.
pub const INTERMEDIATE_CN: &str = "mongotls Test Intermediate CA";
/// Subject CN of the unrelated root used by `wrong_ca`.
pub const OTHER_ROOT_CN: &str = "mongotls Other Root CA";
/// Password of the JKS and PKCS#12 fixtures (Java's default truststore password).
pub const STORE_PASSWORD: &str = "changeit";

/// A fixed instant for tests that want byte-for-byte stable dates in messages.
pub fn pinned_now() -> OffsetDateTime {
    time::macros::datetime!(2025-06-15 12:00:00 UTC)
}

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

/// Kind of key pair to generate for a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KeyKind {
    /// ECDSA on NIST P-256, signing with SHA-256 (fast; the default).
    #[default]
    EcdsaP256,
    /// RSA, 2048-bit modulus, PKCS#1 v1.5 signatures with SHA-256.
    Rsa2048,
    /// RSA, 1024-bit modulus (too weak for modern policies), PKCS#1 v1.5 with SHA-256.
    Rsa1024,
}

impl KeyKind {
    /// Key size in bits, as x509-parser's `PublicKey::key_size` reports it.
    pub fn bits(self) -> usize {
        match self {
            KeyKind::EcdsaP256 => 256,
            KeyKind::Rsa2048 => 2048,
            KeyKind::Rsa1024 => 1024,
        }
    }

    /// Whether this is an RSA key.
    pub fn is_rsa(self) -> bool {
        matches!(self, KeyKind::Rsa2048 | KeyKind::Rsa1024)
    }
}

/// A freshly generated key: rcgen's handle plus its PKCS#8 encodings.
struct GeneratedKey {
    pair: KeyPair,
    pkcs8_der: Vec<u8>,
    pkcs8_pem: String,
}

fn generate_key(kind: KeyKind) -> GeneratedKey {
    match kind {
        KeyKind::EcdsaP256 => {
            let pair = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)
                .expect("generate ECDSA P-256 key");
            GeneratedKey {
                pkcs8_der: pair.serialize_der(),
                pkcs8_pem: pair.serialize_pem(),
                pair,
            }
        }
        KeyKind::Rsa2048 | KeyKind::Rsa1024 => {
            let private = rsa::RsaPrivateKey::new(&mut OsRng, kind.bits())
                .expect("generate RSA key with the rsa crate");
            let pkcs8_der = private
                .to_pkcs8_der()
                .expect("encode RSA key as PKCS#8 DER")
                .as_bytes()
                .to_vec();
            let pkcs8_pem = private
                .to_pkcs8_pem(LineEnding::LF)
                .expect("encode RSA key as PKCS#8 PEM")
                .to_string();
            let public_pkcs1_der = private
                .to_public_key()
                .to_pkcs1_der()
                .expect("encode RSA public key as PKCS#1 DER")
                .as_bytes()
                .to_vec();
            let remote = RsaSigner {
                signing_key: rsa::pkcs1v15::SigningKey::new(private),
                public_pkcs1_der,
            };
            GeneratedKey {
                pair: KeyPair::from_remote(Box::new(remote)).expect("wrap RSA key for rcgen"),
                pkcs8_der,
                pkcs8_pem,
            }
        }
    }
}

/// RSA signing for rcgen, done by the `rsa` crate (ring refuses RSA-1024 and
/// cannot generate RSA keys at all).
struct RsaSigner {
    signing_key: rsa::pkcs1v15::SigningKey<rsa::sha2::Sha256>,
    /// `RSAPublicKey` (PKCS#1) DER: what rcgen puts in the SPKI bit string.
    public_pkcs1_der: Vec<u8>,
}

impl RemoteKeyPair for RsaSigner {
    fn public_key(&self) -> &[u8] {
        &self.public_pkcs1_der
    }

    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        self.signing_key
            .try_sign(msg)
            .map(|signature| signature.to_vec())
            .map_err(|_| rcgen::Error::RemoteKeyError)
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

// ---------------------------------------------------------------------------
// Issued certificates
// ---------------------------------------------------------------------------

/// A certificate together with its private key.
///
/// The key is kept so the certificate can sign children; `key_pem` is only ever
/// held in memory or written to a test's temporary directory.
pub struct Issued {
    /// The certificate, DER.
    pub cert_der: Vec<u8>,
    /// The certificate, one PEM block (`-----BEGIN CERTIFICATE-----`).
    pub cert_pem: String,
    /// The private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    pub key_pem: String,
    /// The private key, PKCS#8 DER.
    pub key_pkcs8_der: Vec<u8>,
    /// What kind of key the certificate certifies.
    pub key_kind: KeyKind,
    cert: Certificate,
    key: KeyPair,
}

impl Issued {
    fn new(cert: Certificate, key: GeneratedKey, key_kind: KeyKind) -> Self {
        Issued {
            cert_der: cert.der().to_vec(),
            cert_pem: cert.pem(),
            key_pem: key.pkcs8_pem,
            key_pkcs8_der: key.pkcs8_der,
            key_kind,
            cert,
            key: key.pair,
        }
    }

    /// rcgen's view of the certificate (its parameters, key identifier, …).
    pub fn rcgen_certificate(&self) -> &Certificate {
        &self.cert
    }

    /// rcgen's key pair, for signing further certificates with rcgen directly.
    pub fn rcgen_key(&self) -> &KeyPair {
        &self.key
    }

    /// The validity the certificate was issued with.
    pub fn validity(&self) -> Validity {
        let params = self.cert.params();
        Validity::new(params.not_before, params.not_after)
    }
}

impl fmt::Debug for Issued {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Issued")
            .field("subject", &self.cert.params().distinguished_name)
            .field("validity", &self.validity())
            .field("key_kind", &self.key_kind)
            .finish_non_exhaustive()
    }
}

/// A root → intermediate → leaf hierarchy.
#[derive(Debug)]
pub struct Pki {
    pub root: Issued,
    pub intermediate: Issued,
    pub leaf: Issued,
}

impl Pki {
    /// A healthy hierarchy: long-lived ECDSA root and intermediate
    /// ([`ROOT_CN`], [`INTERMEDIATE_CN`]) and the [`LeafSpec::server`] leaf.
    pub fn good(now: OffsetDateTime) -> Pki {
        Pki::build(
            Validity::ca_around(now),
            Validity::ca_around(now),
            LeafSpec::server(now),
        )
    }

    /// A hierarchy with the given root and intermediate validity and leaf.
    pub fn build(root_validity: Validity, intermediate_validity: Validity, spec: LeafSpec) -> Pki {
        let root = root(ROOT_CN, root_validity, KeyKind::EcdsaP256);
        let intermediate = intermediate(INTERMEDIATE_CN, &root, intermediate_validity);
        let leaf = leaf(&spec, &intermediate);
        Pki {
            root,
            intermediate,
            leaf,
        }
    }

    /// What a server normally presents: leaf, then intermediate (PEM).
    pub fn served_chain_pem(&self) -> String {
        concat_pem([&self.leaf, &self.intermediate])
    }
}

// ---------------------------------------------------------------------------
// Validity
// ---------------------------------------------------------------------------

/// A certificate's notBefore / notAfter, always whole seconds (as encoded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
}

/// `t` without its sub-second part, as it will read back from the certificate.
pub fn whole_seconds(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(0).expect("0 ns is always valid")
}

impl Validity {
    /// Exactly these bounds (sub-seconds dropped).
    pub fn new(not_before: OffsetDateTime, not_after: OffsetDateTime) -> Self {
        Validity {
            not_before: whole_seconds(not_before),
            not_after: whole_seconds(not_after),
        }
    }

    /// Valid at `now`: from 30 days before to 365 days after (a typical server cert).
    pub fn valid_around(now: OffsetDateTime) -> Self {
        Validity::new(now - Duration::days(30), now + Duration::days(365))
    }

    /// Valid at `now` and long-lived: from 365 days before to 10 years after (a CA).
    pub fn ca_around(now: OffsetDateTime) -> Self {
        Validity::new(now - Duration::days(365), now + Duration::days(3650))
    }

    /// Expired 30 days before `now` (valid for the year before that).
    pub fn expired(now: OffsetDateTime) -> Self {
        Validity::new(now - Duration::days(395), now - Duration::days(30))
    }

    /// Becomes valid 30 days after `now` (for a year).
    pub fn not_yet_valid(now: OffsetDateTime) -> Self {
        Validity::new(now + Duration::days(30), now + Duration::days(395))
    }

    /// Valid at `now`, issued 60 days earlier, expiring exactly `days` days after `now`.
    pub fn expiring_in(now: OffsetDateTime, days: i64) -> Self {
        Validity::new(now - Duration::days(60), now + Duration::days(days))
    }

    /// Whether `t` lies within the bounds (inclusive, as RFC 5280 says).
    pub fn contains(&self, t: OffsetDateTime) -> bool {
        self.not_before <= t && t <= self.not_after
    }

    fn apply(&self, params: &mut CertificateParams) {
        params.not_before = self.not_before;
        params.not_after = self.not_after;
    }
}

// ---------------------------------------------------------------------------
// CA certificates
// ---------------------------------------------------------------------------

fn ca_params(cn: &str, validity: Validity, is_ca: IsCa) -> CertificateParams {
    let mut params = CertificateParams::default();
    params.distinguished_name = subject(Some(cn));
    params.is_ca = is_ca;
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    validity.apply(&mut params);
    params
}

fn subject(cn: Option<&str>) -> DistinguishedName {
    // rcgen's default DN carries "CN=rcgen self signed cert"; start empty.
    let mut dn = DistinguishedName::new();
    dn.push(DnType::OrganizationName, ORG);
    if let Some(cn) = cn {
        dn.push(DnType::CommonName, cn);
    }
    dn
}

/// A self-signed root CA, subject `O=mongotls test PKI, CN=<name>`, basicConstraints
/// `CA:TRUE` (no path length limit), keyUsage keyCertSign + cRLSign + digitalSignature.
pub fn root(name: &str, validity: Validity, key: KeyKind) -> Issued {
    let params = ca_params(name, validity, IsCa::Ca(BasicConstraints::Unconstrained));
    let generated = generate_key(key);
    let cert = params
        .self_signed(&generated.pair)
        .expect("self-sign root CA");
    Issued::new(cert, generated, key)
}

/// An intermediate CA (ECDSA P-256) signed by `issuer`, subject
/// `O=mongotls test PKI, CN=<name>`, `CA:TRUE, pathlen:0`, with an
/// authorityKeyIdentifier. rcgen does not clamp its validity to the issuer's.
pub fn intermediate(name: &str, issuer: &Issued, validity: Validity) -> Issued {
    let mut params = ca_params(name, validity, IsCa::Ca(BasicConstraints::Constrained(0)));
    params.use_authority_key_identifier_extension = true;
    let kind = KeyKind::EcdsaP256;
    let generated = generate_key(kind);
    let cert = params
        .signed_by(&generated.pair, &issuer.cert, &issuer.key)
        .expect("sign intermediate CA");
    Issued::new(cert, generated, kind)
}

// ---------------------------------------------------------------------------
// Leaf certificates
// ---------------------------------------------------------------------------

/// What a leaf (server) certificate should look like.
///
/// Start from [`LeafSpec::server`] and change fields with struct update syntax:
/// `LeafSpec { key: KeyKind::Rsa1024, ..LeafSpec::server(now) }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafSpec {
    /// DNS names for the subjectAltName extension.
    pub dns: Vec<String>,
    /// IP addresses for the subjectAltName extension.
    pub ips: Vec<IpAddr>,
    /// Subject CN; `None` leaves the subject as just `O=mongotls test PKI`.
    pub cn: Option<String>,
    /// `false` omits the subjectAltName extension entirely (`dns`/`ips` are ignored).
    pub include_san: bool,
    /// `true`: extKeyUsage serverAuth + clientAuth (a typical mongod member
    /// certificate, which also authenticates to its peers); `false`: extKeyUsage
    /// with clientAuth only.
    pub eku_server_auth: bool,
    /// Key of the leaf.
    pub key: KeyKind,
    /// notBefore / notAfter.
    pub validity: Validity,
    /// `true` marks the leaf `CA:TRUE` (and adds keyCertSign); `false` writes
    /// an explicit `CA:FALSE`.
    pub is_ca: bool,
    /// authorityInfoAccess caIssuers URL (e.g. [`AIA_URL`]); `None` omits the extension.
    pub aia_ca_issuers: Option<String>,
    /// Adds a private extension ([`OID_PRIVATE_EXTENSION`]) marked critical, which no TLS
    /// stack handles.
    pub unknown_critical_extension: bool,
}

/// A private-enterprise OID for an extension nobody understands.
pub const OID_PRIVATE_EXTENSION: &[u64] = &[1, 3, 6, 1, 4, 1, 55555, 1];

fn unknown_critical_extension() -> CustomExtension {
    let mut ext = CustomExtension::from_oid_content(OID_PRIVATE_EXTENSION, vec![0x05, 0x00]);
    ext.set_criticality(true);
    ext
}

/// A root like [`root`] carrying a critical extension nobody handles.
pub fn root_with_unknown_critical_extension(name: &str, validity: Validity) -> Issued {
    let mut params = ca_params(name, validity, IsCa::Ca(BasicConstraints::Unconstrained));
    params.custom_extensions.push(unknown_critical_extension());
    let generated = generate_key(KeyKind::EcdsaP256);
    let cert = params
        .self_signed(&generated.pair)
        .expect("self-sign root CA");
    Issued::new(cert, generated, KeyKind::EcdsaP256)
}

impl LeafSpec {
    /// The healthy server leaf: CN and DNS SAN [`HOST`], DNS SAN `localhost`,
    /// IP SAN `127.0.0.1`, serverAuth + clientAuth, ECDSA P-256,
    /// [`Validity::valid_around`] `now`, `CA:FALSE`, no AIA.
    pub fn server(now: OffsetDateTime) -> Self {
        LeafSpec {
            dns: vec![HOST.to_owned(), "localhost".to_owned()],
            ips: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
            cn: Some(HOST.to_owned()),
            include_san: true,
            eku_server_auth: true,
            key: KeyKind::EcdsaP256,
            validity: Validity::valid_around(now),
            is_ca: false,
            aia_ca_issuers: None,
            unknown_critical_extension: false,
        }
    }

    fn params(&self) -> CertificateParams {
        let mut params = CertificateParams::default();
        params.distinguished_name = subject(self.cn.as_deref());
        if self.include_san {
            for name in &self.dns {
                let ia5 = name.clone().try_into().expect("DNS SAN must be IA5");
                params.subject_alt_names.push(SanType::DnsName(ia5));
            }
            for ip in &self.ips {
                params.subject_alt_names.push(SanType::IpAddress(*ip));
            }
        }
        params.is_ca = if self.is_ca {
            IsCa::Ca(BasicConstraints::Unconstrained)
        } else {
            IsCa::ExplicitNoCa
        };
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        if self.key.is_rsa() {
            params.key_usages.push(KeyUsagePurpose::KeyEncipherment);
        }
        if self.is_ca {
            params.key_usages.push(KeyUsagePurpose::KeyCertSign);
        }
        params.extended_key_usages = if self.eku_server_auth {
            vec![
                ExtendedKeyUsagePurpose::ServerAuth,
                ExtendedKeyUsagePurpose::ClientAuth,
            ]
        } else {
            vec![ExtendedKeyUsagePurpose::ClientAuth]
        };
        if let Some(url) = &self.aia_ca_issuers {
            params
                .custom_extensions
                .push(CustomExtension::from_oid_content(
                    OID_AUTHORITY_INFO_ACCESS,
                    aia_ca_issuers_der(url),
                ));
        }
        if self.unknown_critical_extension {
            params.custom_extensions.push(unknown_critical_extension());
        }
        self.validity.apply(&mut params);
        params
    }
}

/// A leaf as described by `spec`, signed by `issuer`, with an authorityKeyIdentifier.
pub fn leaf(spec: &LeafSpec, issuer: &Issued) -> Issued {
    let mut params = spec.params();
    params.use_authority_key_identifier_extension = true;
    let generated = generate_key(spec.key);
    let cert = params
        .signed_by(&generated.pair, &issuer.cert, &issuer.key)
        .expect("sign leaf");
    Issued::new(cert, generated, spec.key)
}

/// A leaf as described by `spec`, signed by its own key (issuer = subject).
pub fn self_signed_leaf(spec: &LeafSpec) -> Issued {
    let params = spec.params();
    let generated = generate_key(spec.key);
    let cert = params.self_signed(&generated.pair).expect("self-sign leaf");
    Issued::new(cert, generated, spec.key)
}

/// id-pe-authorityInfoAccess (1.3.6.1.5.5.7.1.1).
pub const OID_AUTHORITY_INFO_ACCESS: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 1, 1];

/// DER of `AuthorityInfoAccessSyntax` holding one caIssuers access description
/// with `url` as uniformResourceIdentifier (RFC 5280 §4.2.2.1).
pub fn aia_ca_issuers_der(url: &str) -> Vec<u8> {
    // id-ad-caIssuers 1.3.6.1.5.5.7.48.2
    const ID_AD_CA_ISSUERS: [u8; 10] = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
    let location = der_tlv(0x86, url.as_bytes()); // [6] IMPLICIT IA5String
    let description = der_tlv(0x30, &[&ID_AD_CA_ISSUERS[..], &location].concat());
    der_tlv(0x30, &description)
}

/// One DER tag-length-value (single-byte tag).
fn der_tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

// ---------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------

/// One situation a user can be in: the inputs to
/// `mongotls verify --ca CA --chain CHAIN --host HOST --at AT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// The scenario function's name (`"good"`, `"expired_leaf"`, …).
    pub name: &'static str,
    /// What the user passes as `--ca` (PEM).
    pub ca_pem: String,
    /// What the server presents (PEM), leaf first unless the scenario is about order.
    pub chain_pem: String,
    /// Host name the client connects to.
    pub host: String,
    /// When to judge the chain (whole seconds).
    pub at: OffsetDateTime,
}

impl Scenario {
    /// `at` as RFC 3339 (for `--at`).
    pub fn at_rfc3339(&self) -> String {
        self.at
            .format(&time::format_description::well_known::Rfc3339)
            .expect("format RFC 3339")
    }
}

fn scenario(
    name: &'static str,
    ca: &Issued,
    chain: &[&Issued],
    host: &str,
    now: OffsetDateTime,
) -> Scenario {
    Scenario {
        name,
        ca_pem: ca.cert_pem.clone(),
        chain_pem: concat_pem(chain.iter().copied()),
        host: host.to_owned(),
        at: whole_seconds(now),
    }
}

/// One function per [`Scenario`], each building fresh keys and certificates for `now`.
pub mod scenarios {
    use super::*;

    /// Scenario over a fresh root → intermediate → leaf; CA file = root, chain = leaf + intermediate.
    fn hierarchy(
        name: &'static str,
        now: OffsetDateTime,
        root_validity: Validity,
        intermediate_validity: Validity,
        spec: LeafSpec,
        host: &str,
    ) -> Scenario {
        let pki = Pki::build(root_validity, intermediate_validity, spec);
        scenario(name, &pki.root, &[&pki.leaf, &pki.intermediate], host, now)
    }

    /// Root → intermediate → leaf, all valid; leaf has DNS SANs `mongo-0.test.internal`,
    /// `localhost` and IP SAN `127.0.0.1`. CA file = root; chain = leaf + intermediate.
    pub fn good(now: OffsetDateTime) -> Scenario {
        let pki = Pki::good(now);
        scenario(
            "good",
            &pki.root,
            &[&pki.leaf, &pki.intermediate],
            HOST,
            now,
        )
    }

    /// As `good`, but the leaf expired 30 days before `now`.
    pub fn expired_leaf(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            validity: Validity::expired(now),
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("expired_leaf", now, ca, ca, spec, HOST)
    }

    /// As `good`, but the leaf only becomes valid 30 days after `now`.
    pub fn not_yet_valid_leaf(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            validity: Validity::not_yet_valid(now),
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("not_yet_valid_leaf", now, ca, ca, spec, HOST)
    }

    /// As `good`, but the leaf expires 10 days after `now` (still valid).
    pub fn expiring_soon_leaf(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            validity: Validity::expiring_in(now, 10),
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("expiring_soon_leaf", now, ca, ca, spec, HOST)
    }

    /// As `good`, but the intermediate expired 30 days before `now` (leaf and root valid).
    pub fn expired_intermediate(now: OffsetDateTime) -> Scenario {
        let ca = Validity::ca_around(now);
        hierarchy(
            "expired_intermediate",
            now,
            ca,
            Validity::expired(now),
            LeafSpec::server(now),
            HOST,
        )
    }

    /// As `good`, but the root (still the CA file) expired 30 days before `now`;
    /// intermediate and leaf are valid (they outlive their issuer).
    pub fn expired_root(now: OffsetDateTime) -> Scenario {
        hierarchy(
            "expired_root",
            now,
            Validity::expired(now),
            Validity::ca_around(now),
            LeafSpec::server(now),
            HOST,
        )
    }

    /// The CA file holds an unrelated root with a different name ([`OTHER_ROOT_CN`]);
    /// the chain is a good leaf + intermediate from another hierarchy.
    pub fn wrong_ca(now: OffsetDateTime) -> Scenario {
        let pki = Pki::good(now);
        let other = root(OTHER_ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256);
        scenario(
            "wrong_ca",
            &other,
            &[&pki.leaf, &pki.intermediate],
            HOST,
            now,
        )
    }

    /// The CA file holds a root with the same subject DN as the chain's real root
    /// but a different key (e.g. the CA from before a renewal).
    pub fn wrong_ca_same_name(now: OffsetDateTime) -> Scenario {
        let pki = Pki::good(now);
        let impostor = root(ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256);
        scenario(
            "wrong_ca_same_name",
            &impostor,
            &[&pki.leaf, &pki.intermediate],
            HOST,
            now,
        )
    }

    /// As `good`, but the server presents only the leaf.
    pub fn missing_intermediate(now: OffsetDateTime) -> Scenario {
        let pki = Pki::good(now);
        scenario("missing_intermediate", &pki.root, &[&pki.leaf], HOST, now)
    }

    /// As `missing_intermediate`, and the leaf carries an authorityInfoAccess
    /// caIssuers URL ([`AIA_URL`]) where the intermediate could be fetched.
    pub fn missing_intermediate_aia(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            aia_ca_issuers: Some(AIA_URL.to_owned()),
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        let pki = Pki::build(ca, ca, spec);
        scenario(
            "missing_intermediate_aia",
            &pki.root,
            &[&pki.leaf],
            HOST,
            now,
        )
    }

    /// The server presents a self-signed leaf (same names as the good leaf);
    /// the CA file holds the good root, which did not sign it.
    pub fn self_signed_leaf(now: OffsetDateTime) -> Scenario {
        let ca = root(ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256);
        let leaf = super::self_signed_leaf(&LeafSpec::server(now));
        scenario("self_signed_leaf", &ca, &[&leaf], HOST, now)
    }

    /// The leaf covers only [`OTHER_HOST`] (CN and DNS SAN, no IP SAN); host is [`HOST`].
    pub fn host_mismatch(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            dns: vec![OTHER_HOST.to_owned()],
            ips: Vec::new(),
            cn: Some(OTHER_HOST.to_owned()),
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("host_mismatch", now, ca, ca, spec, HOST)
    }

    /// The leaf has no subjectAltName extension at all; its CN is the host.
    pub fn cn_only_leaf(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            include_san: false,
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("cn_only_leaf", now, ca, ca, spec, HOST)
    }

    /// The leaf's extKeyUsage is clientAuth only (no serverAuth).
    pub fn no_server_auth_eku(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            eku_server_auth: false,
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("no_server_auth_eku", now, ca, ca, spec, HOST)
    }

    /// The leaf has an RSA-1024 key (signed by a good ECDSA intermediate).
    pub fn rsa1024_leaf(now: OffsetDateTime) -> Scenario {
        let spec = LeafSpec {
            key: KeyKind::Rsa1024,
            ..LeafSpec::server(now)
        };
        let ca = Validity::ca_around(now);
        hierarchy("rsa1024_leaf", now, ca, ca, spec, HOST)
    }

    /// As `good`, but the server presents the intermediate first, then the leaf.
    pub fn chain_out_of_order(now: OffsetDateTime) -> Scenario {
        let pki = Pki::good(now);
        scenario(
            "chain_out_of_order",
            &pki.root,
            &[&pki.intermediate, &pki.leaf],
            HOST,
            now,
        )
    }

    /// As `good`, but the client connects to `127.0.0.1` (covered by the IP SAN).
    pub fn ip_host(now: OffsetDateTime) -> Scenario {
        let pki = Pki::good(now);
        scenario(
            "ip_host",
            &pki.root,
            &[&pki.leaf, &pki.intermediate],
            "127.0.0.1",
            now,
        )
    }

    /// Every scenario, in a stable order, built for `now`.
    pub fn all(now: OffsetDateTime) -> Vec<Scenario> {
        vec![
            good(now),
            expired_leaf(now),
            not_yet_valid_leaf(now),
            expiring_soon_leaf(now),
            expired_intermediate(now),
            expired_root(now),
            wrong_ca(now),
            wrong_ca_same_name(now),
            missing_intermediate(now),
            missing_intermediate_aia(now),
            self_signed_leaf(now),
            host_mismatch(now),
            cn_only_leaf(now),
            no_server_auth_eku(now),
            rsa1024_leaf(now),
            chain_out_of_order(now),
            ip_host(now),
        ]
    }
}

/// Writes `<name>-ca.pem` and `<name>-chain.pem` into `dir` (typically a
/// `tempfile::TempDir`'s path) and returns their paths (CA, chain).
pub fn write_scenario(scenario: &Scenario, dir: &Path) -> (PathBuf, PathBuf) {
    let ca = dir.join(format!("{}-ca.pem", scenario.name));
    let chain = dir.join(format!("{}-chain.pem", scenario.name));
    std::fs::write(&ca, &scenario.ca_pem).expect("write scenario CA file");
    std::fs::write(&chain, &scenario.chain_pem).expect("write scenario chain file");
    (ca, chain)
}

/// Concatenated PEM of the given certificates, in order.
pub fn concat_pem<'a>(certs: impl IntoIterator<Item = &'a Issued>) -> String {
    certs.into_iter().map(|c| c.cert_pem.as_str()).collect()
}

// ---------------------------------------------------------------------------
// Files that are not (only) PEM certificates
// ---------------------------------------------------------------------------

/// Fixture files a user might wrongly pass as `--ca` (or a server key store).
pub mod files {
    use super::*;

    /// A lone PKCS#8 private key PEM (ECDSA P-256): someone passed `--ca server.key`.
    pub fn private_key_pem() -> Vec<u8> {
        generate_key(KeyKind::EcdsaP256).pkcs8_pem.into_bytes()
    }

    /// A valid root CA certificate PEM followed by that CA's private key PEM.
    pub fn ca_with_private_key_pem(now: OffsetDateTime) -> Vec<u8> {
        let ca = root(ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256);
        format!("{}{}", ca.cert_pem, ca.key_pem).into_bytes()
    }

    /// A zero-byte file.
    pub fn empty() -> Vec<u8> {
        Vec::new()
    }

    /// Text that is not a certificate (a MongoDB config snippet).
    pub fn not_a_certificate() -> Vec<u8> {
        b"net:\n  tls:\n    mode: requireTLS\n    certificateKeyFile: /etc/ssl/mongodb.pem\n    CAFile: /etc/ssl/ca.pem\n"
            .to_vec()
    }

    /// A root CA certificate as raw DER (not PEM).
    pub fn der_certificate(now: OffsetDateTime) -> Vec<u8> {
        root(ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256).cert_der
    }

    /// A real Java KeyStore (JKS, magic `FE ED FE ED`, version 2) holding the root
    /// as one trustedCertEntry, alias `mongotls-root`, integrity-protected with
    /// [`STORE_PASSWORD`] (readable by `keytool -list -storetype JKS`).
    pub fn jks_truststore(now: OffsetDateTime) -> Vec<u8> {
        let ca = root(ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256);
        let millis = u64::try_from(now.unix_timestamp()).unwrap_or(0) * 1000;
        jks_trusted_certs(&[("mongotls-root", &ca.cert_der)], STORE_PASSWORD, millis)
    }

    /// Serializes trusted-certificate entries the way `sun.security.provider.JavaKeyStore` does.
    pub fn jks_trusted_certs(
        entries: &[(&str, &[u8])],
        password: &str,
        created_millis: u64,
    ) -> Vec<u8> {
        fn write_utf(out: &mut Vec<u8>, s: &str) {
            // Java's modified UTF-8 equals UTF-8 for the ASCII used here.
            let len = u16::try_from(s.len()).expect("JKS string too long");
            out.extend_from_slice(&len.to_be_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        let mut out = Vec::new();
        out.extend_from_slice(&0xFEED_FEED_u32.to_be_bytes());
        out.extend_from_slice(&2_u32.to_be_bytes());
        out.extend_from_slice(&u32::try_from(entries.len()).expect("count").to_be_bytes());
        for (alias, der) in entries {
            out.extend_from_slice(&2_u32.to_be_bytes()); // tag: trusted certificate entry
            write_utf(&mut out, alias);
            out.extend_from_slice(&created_millis.to_be_bytes());
            write_utf(&mut out, "X.509");
            out.extend_from_slice(&u32::try_from(der.len()).expect("cert len").to_be_bytes());
            out.extend_from_slice(der);
        }
        // Keyed digest: SHA-1(password as UTF-16BE || "Mighty Aphrodite" || contents).
        use sha1::Digest;
        let mut digest = sha1::Sha1::new();
        let password_utf16be: Vec<u8> =
            password.encode_utf16().flat_map(u16::to_be_bytes).collect();
        digest.update(&password_utf16be);
        digest.update(b"Mighty Aphrodite");
        digest.update(&out);
        out.extend_from_slice(digest.finalize().as_slice());
        out
    }

    // Low PBKDF iteration counts: these stores protect nothing and debug builds are slow.
    const P12_ITERATIONS: u32 = 2048;

    /// A real PKCS#12 truststore (as Java's `keytool -importcert -storetype PKCS12`
    /// makes): the root as a trusted certificate bag, alias `mongotls-root`, no key,
    /// password [`STORE_PASSWORD`] (AES-256 PBES2, HMAC-SHA-256 MAC).
    pub fn pkcs12_truststore(now: OffsetDateTime) -> Vec<u8> {
        let ca = root(ROOT_CN, Validity::ca_around(now), KeyKind::EcdsaP256);
        let mut store = p12_keystore::KeyStore::new();
        store.add_entry(
            "mongotls-root",
            p12_keystore::KeyStoreEntry::Certificate(
                p12_keystore::Certificate::from_der(&ca.cert_der).expect("p12 certificate"),
            ),
        );
        write_p12(&store)
    }

    /// A real PKCS#12 keystore (a server's `.p12`/`.pfx`): the good leaf's private
    /// key with leaf, intermediate and root, password [`STORE_PASSWORD`].
    pub fn pkcs12_keystore(now: OffsetDateTime) -> Vec<u8> {
        let pki = Pki::good(now);
        let certs = [&pki.leaf, &pki.intermediate, &pki.root]
            .map(|c| p12_keystore::Certificate::from_der(&c.cert_der).expect("p12 certificate"));
        let key = p12_keystore::PrivateKey::from_der(&pki.leaf.key_pkcs8_der).expect("p12 key");
        let chain = p12_keystore::PrivateKeyChain::new(b"mongotls-leaf".as_slice(), key, certs);
        let mut store = p12_keystore::KeyStore::new();
        store.add_entry(
            "mongotls-leaf",
            p12_keystore::KeyStoreEntry::PrivateKeyChain(chain),
        );
        write_p12(&store)
    }

    fn write_p12(store: &p12_keystore::KeyStore) -> Vec<u8> {
        store
            .writer(STORE_PASSWORD)
            .encryption_iterations(P12_ITERATIONS)
            .mac_iterations(P12_ITERATIONS)
            .write()
            .expect("write PKCS#12")
    }
}

// ---------------------------------------------------------------------------
// SHA-1 signatures (rcgen cannot make them)
// ---------------------------------------------------------------------------

/// `cert` (signed by `issuer` with sha256WithRSAEncryption) re-signed with
/// sha1WithRSAEncryption by the same RSA issuer key, as a legacy CA would have issued it.
/// Returns the certificate as (DER, PEM); it cannot sign children through rcgen.
///
/// Both AlgorithmIdentifiers differ from SHA-256's only in the last OID byte, and an RSA
/// signature has the modulus' length, so every DER length stays the same and the bytes can be
/// patched in place.
pub fn resign_with_sha1(cert: &Issued, issuer: &Issued) -> (Vec<u8>, String) {
    use rsa::pkcs8::DecodePrivateKey;
    use sha1::Digest;
    const SHA256_RSA: &[u8] = &[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
    ];
    const SHA1_DIGEST_INFO: &[u8] = &[
        0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
    ];
    assert!(
        issuer.key_kind.is_rsa(),
        "SHA-1 re-signing needs an RSA issuer"
    );
    let mut der = cert.cert_der.clone();
    let mut patched = 0;
    let mut i = 0;
    while i + SHA256_RSA.len() <= der.len() {
        if &der[i..i + SHA256_RSA.len()] == SHA256_RSA {
            der[i + SHA256_RSA.len() - 1] = 0x05; // sha1WithRSAEncryption
            patched += 1;
        }
        i += 1;
    }
    assert_eq!(patched, 2, "expected the TBS and outer signature algorithm");
    // Certificate ::= SEQUENCE { tbs SEQUENCE, alg, BIT STRING }: find the TBS bounds.
    let tbs_at = outer_content_start(&der);
    let (tbs_content, tbs_len) = der_element(&der, tbs_at);
    let tbs = der[tbs_at..tbs_content + tbs_len].to_vec();
    let mut digest_info = SHA1_DIGEST_INFO.to_vec();
    digest_info.extend_from_slice(&sha1::Sha1::digest(&tbs));
    let key = rsa::RsaPrivateKey::from_pkcs8_der(&issuer.key_pkcs8_der).expect("issuer RSA key");
    let signature = key
        .sign(rsa::Pkcs1v15Sign::new_unprefixed(), &digest_info)
        .expect("RSA sign");
    let sig_at = der.len() - signature.len();
    der[sig_at..].copy_from_slice(&signature);
    let pem = pem_certificate(&der);
    (der, pem)
}

/// Offset of the content of the outermost SEQUENCE.
fn outer_content_start(der: &[u8]) -> usize {
    let (start, _) = der_element(der, 0);
    start
}

/// (content start, content length) of the DER element whose tag is at `at`.
fn der_element(der: &[u8], at: usize) -> (usize, usize) {
    let len_byte = der[at + 1];
    if len_byte < 0x80 {
        (at + 2, len_byte as usize)
    } else {
        let n = (len_byte & 0x7f) as usize;
        let len = der[at + 2..at + 2 + n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | *b as usize);
        (at + 2 + n, len)
    }
}

/// One PEM `CERTIFICATE` block for `der`.
pub fn pem_certificate(der: &[u8]) -> String {
    use rsa::pkcs8::der::pem::{encode_string, LineEnding as PemLineEnding};
    encode_string("CERTIFICATE", PemLineEnding::LF, der).expect("PEM encode")
}
