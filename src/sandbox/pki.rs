//! The sandbox's throwaway PKI: root CA → intermediate CA → one leaf per member (ECDSA P-256,
//! validity relative to a `now` passed in), bent by the scenario.

use std::net::{IpAddr, Ipv4Addr};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose, SanType, PKCS_ECDSA_P256_SHA256,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::{Duration, OffsetDateTime};

use super::{SandboxError, Scenario};

/// Subject CN of the root CA the CA file holds.
pub(crate) const ROOT_CN: &str = "mongotls sandbox Root CA";
/// Subject CN of the intermediate CA that signs the members.
pub(crate) const INTERMEDIATE_CN: &str = "mongotls sandbox Intermediate CA";
/// Subject CN of the unrelated root the `wrong-ca` CA file holds.
pub(crate) const OTHER_ROOT_CN: &str = "mongotls sandbox Other Root CA";
/// Subject CN of the unrelated root that signs the "other CA" client certificate.
pub(crate) const OTHER_CLIENT_ROOT_CN: &str = "mongotls sandbox Other Client CA";
/// The RFC 2253 subject of the sandbox's client certificates: the MONGODB-X509 user name.
pub const X509_USER_SUBJECT: &str = "CN=app-x509,OU=apps,O=mongotls-sandbox";
/// Subject O of every sandbox certificate.
const ORGANIZATION: &str = "mongotls sandbox";
/// The only name of the `hostname-mismatch` certificates.
pub(crate) const OLD_HOST_NAME: &str = "mongo-old.sandbox.invalid";

/// How long a fresh leaf is valid (like a managed service's one-year certificate).
const LEAF_LIFETIME_DAYS: i64 = 365;
/// How long the CAs are valid.
const CA_LIFETIME_DAYS: i64 = 3650;
/// Days by which a bad leaf misses `now` (expired that long ago, valid only that much later).
const MISS_DAYS: i64 = 30;

/// What one member presents: its chain (leaf first) and the leaf's key.
#[derive(Debug)]
pub(crate) struct MemberIdentity {
    /// Leaf first, then the intermediate (unless the scenario drops it).
    pub chain: Vec<CertificateDer<'static>>,
    /// The leaf's private key (PKCS#8).
    pub key: PrivateKeyDer<'static>,
}

/// Everything the sandbox needs from its PKI.
#[derive(Debug)]
pub(crate) struct SandboxPki {
    /// The CA file a user would have downloaded (PEM).
    pub ca_file_pem: String,
    /// One identity per member, in member order.
    pub members: Vec<MemberIdentity>,
    /// The root CA that signed the members' intermediate and the client certificates: the
    /// client CA of members that ask for a certificate.
    pub root: CertificateDer<'static>,
    /// Client certificates with their keys (PEM: certificate, then PKCS#8 key).
    pub clients: ClientPems,
}

/// Client certificate files (certificate and key in one PEM, as `tlsCertificateKeyFile`).
#[derive(Debug)]
pub(crate) struct ClientPems {
    /// Valid, clientAuth, signed by the sandbox root, subject [`X509_USER_SUBJECT`].
    pub good: String,
    /// The same subject, expired 30 days ago.
    pub expired: String,
    /// The same subject, signed by another CA.
    pub other_ca: String,
}

/// Validity of a member's leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeafValidity {
    Current,
    Expired,
    NotYetValid,
}

/// A certificate and its key, able to sign others.
struct Issuer {
    cert: rcgen::Certificate,
    key: KeyPair,
}

/// Generates the PKI of `scenario` for `members` members, with validity relative to `now`.
#[cfg(test)]
pub(crate) fn generate(
    scenario: Scenario,
    members: usize,
    now: OffsetDateTime,
) -> Result<SandboxPki, SandboxError> {
    generate_with_names(scenario, members, now, &[])
}

/// [`generate`], with `extra_names` as further DNS subjectAltNames of every member's leaf
/// (beside `localhost`; the `hostname-mismatch` scenario still names only its old host).
pub(crate) fn generate_with_names(
    scenario: Scenario,
    members: usize,
    now: OffsetDateTime,
    extra_names: &[String],
) -> Result<SandboxPki, SandboxError> {
    let root = make_ca(ROOT_CN, None, now, "root CA")?;
    let intermediate = make_ca(INTERMEDIATE_CN, Some(&root), now, "intermediate CA")?;

    let ca_file_pem = match scenario {
        Scenario::WrongCa => make_ca(OTHER_ROOT_CN, None, now, "other root CA")?
            .cert
            .pem(),
        _ => root.cert.pem(),
    };

    let mut identities = Vec::with_capacity(members);
    for index in 0..members {
        let validity = match scenario {
            Scenario::Expired => LeafValidity::Expired,
            Scenario::NotYetValid => LeafValidity::NotYetValid,
            Scenario::OneMemberExpired if index + 1 == members => LeafValidity::Expired,
            _ => LeafValidity::Current,
        };
        let host_name = match scenario {
            Scenario::HostnameMismatch => Some(OLD_HOST_NAME),
            _ => None,
        };
        let what = || format!("certificate of member {index}");
        let key = new_key(&what())?;
        let params = leaf_params(host_name, extra_names, validity, now).map_err(|source| {
            SandboxError::Certificate {
                what: what(),
                source,
            }
        })?;
        let (leaf, chain_tail) = match scenario {
            Scenario::SelfSigned => (params.self_signed(&key), vec![]),
            Scenario::MissingIntermediate => (
                params.signed_by(&key, &intermediate.cert, &intermediate.key),
                vec![],
            ),
            _ => (
                params.signed_by(&key, &intermediate.cert, &intermediate.key),
                vec![intermediate.cert.der().clone()],
            ),
        };
        let leaf = leaf.map_err(|source| SandboxError::Certificate {
            what: what(),
            source,
        })?;
        let mut chain = vec![leaf.der().clone()];
        chain.extend(chain_tail);
        identities.push(MemberIdentity {
            chain,
            key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        });
    }

    let other_client_root = make_ca(OTHER_CLIENT_ROOT_CN, None, now, "other client CA")?;
    let clients = ClientPems {
        good: make_client(&root, LeafValidity::Current, now, "client certificate")?,
        expired: make_client(
            &root,
            LeafValidity::Expired,
            now,
            "expired client certificate",
        )?,
        other_ca: make_client(
            &other_client_root,
            LeafValidity::Current,
            now,
            "client certificate of another CA",
        )?,
    };

    Ok(SandboxPki {
        ca_file_pem,
        members: identities,
        root: root.cert.der().clone(),
        clients,
    })
}

/// A client certificate (clientAuth only) for [`X509_USER_SUBJECT`] signed by `issuer`, as a
/// PEM with the certificate and then its PKCS#8 key.
fn make_client(
    issuer: &Issuer,
    validity: LeafValidity,
    now: OffsetDateTime,
    what: &str,
) -> Result<String, SandboxError> {
    let key = new_key(what)?;
    let mut params =
        leaf_params(None, &[], validity, now).map_err(|source| SandboxError::Certificate {
            what: what.to_owned(),
            source,
        })?;
    // DER order O, OU, CN: RFC 2253 lists the last RDN first, "CN=app-x509,OU=apps,O=...".
    let mut dn = rcgen::DistinguishedName::new();
    dn.push(DnType::OrganizationName, "mongotls-sandbox");
    dn.push(DnType::OrganizationalUnitName, "apps");
    dn.push(DnType::CommonName, "app-x509");
    params.distinguished_name = dn;
    params.subject_alt_names = Vec::new();
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let cert = params
        .signed_by(&key, &issuer.cert, &issuer.key)
        .map_err(|source| SandboxError::Certificate {
            what: what.to_owned(),
            source,
        })?;
    Ok(format!("{}{}", cert.pem(), key.serialize_pem()))
}

fn new_key(what: &str) -> Result<KeyPair, SandboxError> {
    KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(|source| SandboxError::Certificate {
        what: format!("key of the {what}"),
        source,
    })
}

fn distinguished_name(cn: &str) -> rcgen::DistinguishedName {
    let mut dn = rcgen::DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    dn.push(DnType::OrganizationName, ORGANIZATION);
    dn
}

/// A root (no `parent`) or an intermediate (signed by `parent`, path length 0).
fn make_ca(
    cn: &str,
    parent: Option<&Issuer>,
    now: OffsetDateTime,
    what: &str,
) -> Result<Issuer, SandboxError> {
    let key = new_key(what)?;
    let mut params = CertificateParams::default();
    params.distinguished_name = distinguished_name(cn);
    params.not_before = now - Duration::days(1);
    params.not_after = now + Duration::days(CA_LIFETIME_DAYS);
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let cert = match parent {
        None => {
            params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            params.self_signed(&key)
        }
        Some(parent) => {
            params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
            params.use_authority_key_identifier_extension = true;
            params.signed_by(&key, &parent.cert, &parent.key)
        }
    }
    .map_err(|source| SandboxError::Certificate {
        what: what.to_owned(),
        source,
    })?;
    Ok(Issuer { cert, key })
}

/// A member's leaf: CN=localhost with DNS:localhost and IP:127.0.0.1, or only `host_name`
/// (CN and SAN) when given; `extra_names` as further DNS SANs beside `localhost`;
/// serverAuth + clientAuth, CA:FALSE, AKI.
fn leaf_params(
    host_name: Option<&str>,
    extra_names: &[String],
    validity: LeafValidity,
    now: OffsetDateTime,
) -> Result<CertificateParams, rcgen::Error> {
    let mut params = CertificateParams::default();
    match host_name {
        None => {
            params.distinguished_name = distinguished_name("localhost");
            params.subject_alt_names = vec![
                SanType::DnsName("localhost".try_into()?),
                SanType::IpAddress(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            ];
            for name in extra_names {
                params
                    .subject_alt_names
                    .push(SanType::DnsName(name.as_str().try_into()?));
            }
        }
        Some(name) => {
            params.distinguished_name = distinguished_name(name);
            params.subject_alt_names = vec![SanType::DnsName(name.try_into()?)];
        }
    }
    let (not_before, not_after) = match validity {
        LeafValidity::Current => (
            now - Duration::days(1),
            now + Duration::days(LEAF_LIFETIME_DAYS),
        ),
        LeafValidity::Expired => (
            now - Duration::days(LEAF_LIFETIME_DAYS + MISS_DAYS),
            now - Duration::days(MISS_DAYS),
        ),
        LeafValidity::NotYetValid => (
            now + Duration::days(MISS_DAYS),
            now + Duration::days(MISS_DAYS + LEAF_LIFETIME_DAYS),
        ),
    };
    params.not_before = not_before;
    params.not_after = not_after;
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![
        ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsagePurpose::ClientAuth,
    ];
    params.use_authority_key_identifier_extension = true;
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_parser::prelude::*;

    fn now() -> OffsetDateTime {
        // A fixed instant: the PKI takes time as a parameter.
        OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap()
    }

    fn parse<'a>(der: &'a CertificateDer<'_>) -> X509Certificate<'a> {
        X509Certificate::from_der(der.as_ref()).unwrap().1
    }

    fn cn(cert: &X509Certificate<'_>) -> String {
        cert.subject()
            .iter_common_name()
            .next()
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn ca_file_cn(pem: &str) -> String {
        let (_, block) = x509_parser::pem::parse_x509_pem(pem.as_bytes()).unwrap();
        let cert = block.parse_x509().unwrap();
        cn(&cert)
    }

    #[test]
    fn good_chain_is_leaf_then_intermediate_and_ca_file_is_root() {
        let pki = generate(Scenario::Good, 3, now()).unwrap();
        assert_eq!(pki.members.len(), 3);
        assert_eq!(ca_file_cn(&pki.ca_file_pem), ROOT_CN);
        for m in &pki.members {
            assert_eq!(m.chain.len(), 2);
            let leaf = parse(&m.chain[0]);
            let inter = parse(&m.chain[1]);
            assert_eq!(cn(&leaf), "localhost");
            assert_eq!(cn(&inter), INTERMEDIATE_CN);
            assert_eq!(leaf.issuer(), inter.subject());
            assert!(leaf.validity().is_valid_at(ASN1Time::from(now())));
            let bc = leaf.basic_constraints().unwrap().unwrap().value;
            assert!(!bc.ca);
            let eku = leaf.extended_key_usage().unwrap().unwrap().value;
            assert!(eku.server_auth && eku.client_auth);
            let san = leaf.subject_alternative_name().unwrap().unwrap().value;
            assert!(san
                .general_names
                .contains(&GeneralName::DNSName("localhost")));
            assert!(san
                .general_names
                .contains(&GeneralName::IPAddress(&[127, 0, 0, 1])));
            let aki = leaf
                .extensions()
                .iter()
                .any(|e| e.oid == x509_parser::oid_registry::OID_X509_EXT_AUTHORITY_KEY_IDENTIFIER);
            assert!(aki, "leaf has an authority key identifier");
        }
    }

    #[test]
    fn client_certificates_name_the_x509_user() {
        let pki = generate(Scenario::Good, 1, now()).unwrap();
        let at = ASN1Time::from(now());
        let root = parse(&pki.root);
        for (pem, valid, by_root) in [
            (&pki.clients.good, true, true),
            (&pki.clients.expired, false, true),
            (&pki.clients.other_ca, true, false),
        ] {
            assert!(pem.contains("-----BEGIN PRIVATE KEY-----"));
            let (_, block) = x509_parser::pem::parse_x509_pem(pem.as_bytes()).unwrap();
            let cert = block.parse_x509().unwrap();
            assert_eq!(crate::pki::dn::rfc2253(cert.subject()), X509_USER_SUBJECT);
            assert_eq!(cert.validity().is_valid_at(at), valid);
            assert_eq!(cert.issuer() == root.subject(), by_root);
            let eku = cert.extended_key_usage().unwrap().unwrap().value;
            assert!(eku.client_auth && !eku.server_auth);
        }
    }

    #[test]
    fn scenarios_bend_the_pki() {
        let at = ASN1Time::from(now());
        let expired = generate(Scenario::Expired, 2, now()).unwrap();
        for m in &expired.members {
            assert!(parse(&m.chain[0]).validity().not_after < at);
        }
        let nyv = generate(Scenario::NotYetValid, 2, now()).unwrap();
        for m in &nyv.members {
            assert!(parse(&m.chain[0]).validity().not_before > at);
        }
        let one = generate(Scenario::OneMemberExpired, 3, now()).unwrap();
        let valid: Vec<bool> = one
            .members
            .iter()
            .map(|m| parse(&m.chain[0]).validity().is_valid_at(at))
            .collect();
        assert_eq!(valid, [true, true, false]);

        let wrong = generate(Scenario::WrongCa, 1, now()).unwrap();
        assert_eq!(ca_file_cn(&wrong.ca_file_pem), OTHER_ROOT_CN);
        assert_eq!(wrong.members[0].chain.len(), 2);

        let missing = generate(Scenario::MissingIntermediate, 1, now()).unwrap();
        assert_eq!(missing.members[0].chain.len(), 1);
        let leaf = parse(&missing.members[0].chain[0]);
        assert_eq!(
            leaf.issuer().to_string(),
            format!("CN={INTERMEDIATE_CN}, O={ORGANIZATION}")
        );

        let selfsigned = generate(Scenario::SelfSigned, 1, now()).unwrap();
        assert_eq!(ca_file_cn(&selfsigned.ca_file_pem), ROOT_CN);
        let leaf = parse(&selfsigned.members[0].chain[0]);
        assert_eq!(selfsigned.members[0].chain.len(), 1);
        assert_eq!(leaf.issuer(), leaf.subject());

        let mismatch = generate(Scenario::HostnameMismatch, 1, now()).unwrap();
        let leaf = parse(&mismatch.members[0].chain[0]);
        let san = leaf.subject_alternative_name().unwrap().unwrap().value;
        assert_eq!(san.general_names, vec![GeneralName::DNSName(OLD_HOST_NAME)]);
    }
}
