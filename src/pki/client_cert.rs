//! The client certificate (`--client-cert`, `tlsCertificateKeyFile`), judged on its own before
//! any connection: validity at a given time, whether its Extended Key Usage allows TLS client
//! authentication, whether the private key belongs to it, and the subject in RFC 2253 form —
//! the MONGODB-X509 user name mongod derives from it. Pure: no I/O, the time is a parameter.
//!
//! A problem is a finding, not an error: the probe still presents the certificate, so that the
//! report also shows what each server does with it.

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use time::OffsetDateTime;
use x509_parser::prelude::X509Certificate;

use super::dn::rfc2253;
use super::inspect::{Cert, CertParseError, KeyInfo};
use crate::dates::rfc3339;
use crate::findings::{Code, Finding, Severity};
use crate::tr;

/// Extended Key Usage `id-kp-clientAuth`.
const OID_CLIENT_AUTH: &str = "1.3.6.1.5.5.7.3.2";

/// What the client certificate is, and what is wrong with it.
#[derive(Clone, Debug)]
pub struct ClientCertInspection {
    /// The file it came from, as the user named it.
    pub file: String,
    /// Subject, RFC 2253 (as mongod writes it).
    pub subject: String,
    /// The MONGODB-X509 user name this certificate authenticates as (on `$external`): the
    /// subject in RFC 2253 form.
    pub x509_user: String,
    /// Issuer, RFC 2253.
    pub issuer: String,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// Whole days from the evaluation time to `not_after` (negative once expired).
    pub days_left: i64,
    /// The Extended Key Usage extension is absent (any usage) or lists clientAuth (or any).
    pub eku_client_auth: bool,
    /// The private key's public half is the certificate's public key.
    pub key_matches: bool,
    /// The key was stored encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY`).
    pub encrypted_key: bool,
    /// The certificate's public key.
    pub key: KeyInfo,
    /// Every problem found, in a fixed order.
    pub findings: Vec<Finding>,
}

/// Why the private key cannot be compared with the certificate (the reason, in words).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnusableKey(pub String);

impl std::fmt::Display for UnusableKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!("pki-unusable-key", reason = self.0.as_str()))
    }
}

/// The SubjectPublicKeyInfo (DER) of a private key, derived from the key itself (ring, as the
/// TLS client loads it). Errors say why the TLS library cannot use the key (an RSA key under
/// 2048 bits, an unsupported curve or algorithm); the key's bytes are never part of them.
pub fn public_key_of(key: &PrivateKeyDer<'_>) -> Result<Vec<u8>, UnusableKey> {
    let signing = rustls::crypto::ring::sign::any_supported_type(key)
        .map_err(|_| UnusableKey(tr!("pki-unusable-key-type")))?;
    signing
        .public_key()
        .map(|spki| spki.as_ref().to_vec())
        .ok_or_else(|| UnusableKey(tr!("pki-unusable-key-no-public-key")))
}

/// Inspects the client certificate `cert_der` (the leaf of the file) given the public key
/// derived from the file's private key (`key_spki`, see [`public_key_of`]), as of `now`, with
/// an expiry warning `warn_days` ahead.
pub fn inspect(
    file: &str,
    cert_der: &[u8],
    key_spki: &[u8],
    encrypted_key: bool,
    now: OffsetDateTime,
    warn_days: i64,
) -> Result<ClientCertInspection, CertParseError> {
    let cert = Cert::parse(cert_der.to_vec(), now)?;
    let x = cert.x509()?;
    let subject = rfc2253(x.subject());
    let issuer = rfc2253(x.issuer());
    let eku_client_auth = allows_client_auth(&x);
    let key_matches = x.public_key().raw == key_spki;
    let info = &cert.info;
    let mut out = ClientCertInspection {
        file: file.to_string(),
        x509_user: subject.clone(),
        subject,
        issuer,
        not_before: info.not_before,
        not_after: info.not_after,
        days_left: info.days_remaining,
        eku_client_auth,
        key_matches,
        encrypted_key,
        key: info.key.clone(),
        findings: Vec::new(),
    };
    out.findings = findings(&out, now, warn_days);
    Ok(out)
}

/// No EKU extension allows every usage; otherwise clientAuth or anyExtendedKeyUsage must be
/// listed. An extension that cannot be parsed allows nothing.
fn allows_client_auth(x: &X509Certificate<'_>) -> bool {
    match x.extended_key_usage() {
        Ok(None) => true,
        Ok(Some(eku)) => {
            eku.value.client_auth
                || eku.value.any
                || eku
                    .value
                    .other
                    .iter()
                    .any(|o| o.to_id_string() == OID_CLIENT_AUTH)
        }
        Err(_) => false,
    }
}

fn findings(c: &ClientCertInspection, now: OffsetDateTime, warn_days: i64) -> Vec<Finding> {
    let mut out = Vec::new();
    let fail = |code, message: String, hint: String| {
        Finding::new(code, Severity::Fail, message, hint).with_source(c.file.clone())
    };
    let (file, subject) = (c.file.as_str(), c.subject.as_str());
    if now > c.not_after {
        out.push(fail(
            Code::ClientCertExpired,
            tr!(
                "pki-client-cert-expired",
                file = file,
                subject = subject,
                not_after = rfc3339(c.not_after),
                days = -c.days_left,
            ),
            tr!("pki-client-cert-expired-hint"),
        ));
    } else if now < c.not_before {
        out.push(fail(
            Code::ClientCertNotYetValid,
            tr!(
                "pki-client-cert-not-yet-valid",
                file = file,
                subject = subject,
                not_before = rfc3339(c.not_before),
            ),
            tr!("pki-client-cert-not-yet-valid-hint"),
        ));
    } else if c.days_left <= warn_days {
        out.push(
            Finding::new(
                Code::ClientCertExpiringSoon,
                Severity::Warn,
                tr!(
                    "pki-client-cert-expiring-soon",
                    file = file,
                    subject = subject,
                    not_after = rfc3339(c.not_after),
                    days = c.days_left,
                ),
                tr!("pki-client-cert-expiring-soon-hint"),
            )
            .with_source(c.file.clone()),
        );
    }
    if !c.eku_client_auth {
        out.push(fail(
            Code::ClientCertBadEku,
            tr!("pki-client-cert-bad-eku", file = file, subject = subject),
            tr!("pki-client-cert-bad-eku-hint"),
        ));
    }
    if !c.key_matches {
        out.push(fail(
            Code::ClientCertKeyMismatch,
            tr!(
                "pki-client-cert-key-mismatch",
                file = file,
                subject = subject
            ),
            tr!("pki-client-cert-key-mismatch-hint"),
        ));
    }
    out
}

/// The certificate chain and the private key of a client certificate file (PEM).
#[derive(Debug)]
pub struct ClientKeyFile {
    /// The certificates, in file order (the client certificate first).
    pub chain: Vec<CertificateDer<'static>>,
    /// The private key, decrypted when it was stored encrypted.
    pub key: PrivateKeyDer<'static>,
    /// The key was stored encrypted (PKCS#8 `ENCRYPTED PRIVATE KEY`).
    pub encrypted: bool,
}

/// Why a client certificate file cannot be used. Never holds key bytes or the password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyFileError {
    /// No certificate block.
    NoCertificate,
    /// A certificate block is not valid base64/PEM.
    BadCertificate,
    /// No private key block.
    NoKey,
    /// A key encrypted the legacy OpenSSL way (`Proc-Type: 4,ENCRYPTED`).
    LegacyEncrypted,
    /// An encrypted key and no password.
    NoPassword,
    /// The password does not decrypt the key.
    WrongPassword,
    /// The key is encrypted with something the PKCS#8 decoder does not support.
    UnsupportedEncryption(String),
    /// The encrypted key block is not an EncryptedPrivateKeyInfo.
    BadEncryptedKey(String),
}

/// What is wrong with the file and how to fix it, without naming the file (the caller does).
impl std::fmt::Display for KeyFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            KeyFileError::NoCertificate => tr!("pki-key-file-no-certificate"),
            KeyFileError::BadCertificate => tr!("pki-key-file-bad-certificate"),
            KeyFileError::NoKey => tr!("pki-key-file-no-key"),
            KeyFileError::LegacyEncrypted => tr!("pki-key-file-legacy-encrypted"),
            KeyFileError::NoPassword => tr!("pki-key-file-no-password"),
            KeyFileError::WrongPassword => tr!("pki-key-file-wrong-password"),
            KeyFileError::UnsupportedEncryption(algorithm) => tr!(
                "pki-key-file-unsupported-encryption",
                algorithm = algorithm.as_str()
            ),
            KeyFileError::BadEncryptedKey(detail) => {
                tr!("pki-key-file-bad-encrypted-key", detail = detail.as_str())
            }
        };
        f.write_str(&text)
    }
}

/// Reads a client certificate file: its certificates and its private key, decrypting an
/// encrypted PKCS#8 key with `password`. A password given for an unencrypted key is ignored.
pub fn parse_key_file(
    bytes: &[u8],
    password: Option<&[u8]>,
) -> Result<ClientKeyFile, KeyFileError> {
    use rustls::pki_types::pem::PemObject;
    let text = String::from_utf8_lossy(bytes);
    // Before the certificates: the PEM reader refuses a block with headers.
    if text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(KeyFileError::LegacyEncrypted);
    }
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(bytes)
        .collect::<Result<_, _>>()
        .map_err(|_| KeyFileError::BadCertificate)?;
    if chain.is_empty() {
        return Err(KeyFileError::NoCertificate);
    }
    if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        let password = password.ok_or(KeyFileError::NoPassword)?;
        let key = decrypt(bytes, password)?;
        return Ok(ClientKeyFile {
            chain,
            key,
            encrypted: true,
        });
    }
    let key = PrivateKeyDer::from_pem_slice(bytes).map_err(|_| KeyFileError::NoKey)?;
    Ok(ClientKeyFile {
        chain,
        key,
        encrypted: false,
    })
}

fn decrypt(bytes: &[u8], password: &[u8]) -> Result<PrivateKeyDer<'static>, KeyFileError> {
    use pkcs8::der::asn1::OctetString;
    let blocks =
        pem::parse_many(bytes).map_err(|e| KeyFileError::BadEncryptedKey(e.to_string()))?;
    let block = blocks
        .iter()
        .find(|b| b.tag() == "ENCRYPTED PRIVATE KEY")
        .ok_or(KeyFileError::NoKey)?;
    let info = pkcs8::EncryptedPrivateKeyInfo::<OctetString>::try_from(block.contents())
        .map_err(|e| KeyFileError::BadEncryptedKey(e.to_string()))?;
    let plain = info.decrypt(password).map_err(|e| match e {
        pkcs8::Error::EncryptedPrivateKey(pkcs8::pkcs5::Error::UnsupportedAlgorithm { oid }) => {
            KeyFileError::UnsupportedEncryption(tr!(
                "pki-key-file-algorithm-oid",
                oid = oid.to_string()
            ))
        }
        pkcs8::Error::EncryptedPrivateKey(pkcs8::pkcs5::Error::NoPbes1CryptSupport) => {
            KeyFileError::UnsupportedEncryption("PBES1".into())
        }
        // A wrong password shows as bad padding, or (rarely) as plaintext that is no key.
        _ => KeyFileError::WrongPassword,
    })?;
    Ok(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        plain.as_bytes().to_vec(),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    };
    use time::macros::datetime;
    use time::Duration;

    const NOW: OffsetDateTime = datetime!(2026-06-01 00:00 UTC);

    struct Made {
        der: Vec<u8>,
        key: KeyPair,
    }

    fn ca() -> (rcgen::Certificate, KeyPair) {
        let key = KeyPair::generate().unwrap();
        let mut p = CertificateParams::default();
        p.distinguished_name.push(DnType::CommonName, "Client CA");
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.not_before = NOW - Duration::days(400);
        p.not_after = NOW + Duration::days(4000);
        (p.self_signed(&key).unwrap(), key)
    }

    fn client(
        not_before: OffsetDateTime,
        not_after: OffsetDateTime,
        eku: Option<Vec<ExtendedKeyUsagePurpose>>,
    ) -> Made {
        let (ca, ca_key) = ca();
        let key = KeyPair::generate().unwrap();
        let mut p = CertificateParams::default();
        p.distinguished_name.push(DnType::CommonName, "app, user");
        p.distinguished_name
            .push(DnType::OrganizationalUnitName, "Apps");
        p.not_before = not_before;
        p.not_after = not_after;
        if let Some(eku) = eku {
            p.extended_key_usages = eku;
        }
        let cert = p.signed_by(&key, &ca, &ca_key).unwrap();
        Made {
            der: cert.der().to_vec(),
            key,
        }
    }

    fn spki(k: &KeyPair) -> Vec<u8> {
        let der = PrivateKeyDer::try_from(k.serialize_der()).unwrap();
        public_key_of(&der).unwrap()
    }

    fn codes(c: &ClientCertInspection) -> Vec<&'static str> {
        c.findings.iter().map(|f| f.code.as_str()).collect()
    }

    fn good() -> Made {
        client(
            NOW - Duration::days(10),
            NOW + Duration::days(300),
            Some(vec![ExtendedKeyUsagePurpose::ClientAuth]),
        )
    }

    #[test]
    fn a_good_certificate_has_no_finding_and_names_its_x509_user() {
        let m = good();
        let c = inspect("client.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        assert_eq!(c.subject, "OU=Apps,CN=app\\, user");
        assert_eq!(c.x509_user, c.subject);
        assert_eq!(c.issuer, "CN=Client CA");
        assert!(c.eku_client_auth && c.key_matches && !c.encrypted_key);
        assert_eq!(c.days_left, 300);
        assert_eq!(c.key.algorithm, "EC");
    }

    #[test]
    fn expired_not_yet_valid_and_expiring_soon_are_told_apart() {
        let m = client(NOW - Duration::days(100), NOW - Duration::days(3), None);
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert_eq!(codes(&c), ["client_cert.expired"]);
        assert!(c.findings[0].message.contains("3 days ago"));
        assert_eq!(c.findings[0].severity, Severity::Fail);

        let m = client(NOW + Duration::days(1), NOW + Duration::days(100), None);
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert_eq!(codes(&c), ["client_cert.not_yet_valid"]);

        let m = client(NOW - Duration::days(1), NOW + Duration::days(10), None);
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert_eq!(codes(&c), ["client_cert.expiring_soon"]);
        assert_eq!(c.findings[0].severity, Severity::Warn);
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 5).unwrap();
        assert!(c.findings.is_empty());
    }

    #[test]
    fn an_eku_without_client_auth_is_bad_and_no_eku_is_fine() {
        let window = (NOW - Duration::days(1), NOW + Duration::days(100));
        let m = client(
            window.0,
            window.1,
            Some(vec![ExtendedKeyUsagePurpose::ServerAuth]),
        );
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert_eq!(codes(&c), ["client_cert.bad_eku"]);
        assert!(!c.eku_client_auth);
        assert!(c.findings[0].hint.contains("clientAuth"));

        let m = client(window.0, window.1, None);
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert!(c.eku_client_auth);

        let m = client(
            window.0,
            window.1,
            Some(vec![
                ExtendedKeyUsagePurpose::ServerAuth,
                ExtendedKeyUsagePurpose::ClientAuth,
            ]),
        );
        let c = inspect("c.pem", &m.der, &spki(&m.key), false, NOW, 30).unwrap();
        assert!(c.eku_client_auth);
    }

    #[test]
    fn a_key_of_another_certificate_is_a_mismatch() {
        let m = good();
        let other = KeyPair::generate().unwrap();
        let c = inspect("c.pem", &m.der, &spki(&other), true, NOW, 30).unwrap();
        assert_eq!(codes(&c), ["client_cert.key_mismatch"]);
        assert!(!c.key_matches && c.encrypted_key);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(inspect("c.pem", b"nope", b"", false, NOW, 30).is_err());
        let bad = PrivateKeyDer::try_from(vec![0x30u8, 0x03, 0x02, 0x01, 0x00]);
        if let Ok(bad) = bad {
            assert!(public_key_of(&bad).is_err());
        }
    }

    fn pem_file(extra: &str) -> (Made, String) {
        let m = good();
        let cert = pem::encode(&pem::Pem::new("CERTIFICATE", m.der.clone()));
        (m, format!("{cert}{extra}"))
    }

    #[test]
    fn a_plain_key_file_gives_its_chain_and_key() {
        let m = good();
        let text = format!(
            "{}{}",
            pem::encode(&pem::Pem::new("CERTIFICATE", m.der.clone())),
            m.key.serialize_pem()
        );
        let f = parse_key_file(text.as_bytes(), Some(b"ignored")).unwrap();
        assert_eq!(f.chain.len(), 1);
        assert!(!f.encrypted);
        assert_eq!(public_key_of(&f.key).unwrap(), spki(&m.key));
    }

    #[test]
    fn each_unusable_file_has_its_own_error_with_the_fix() {
        let (_, no_key) = pem_file("");
        assert_eq!(
            parse_key_file(no_key.as_bytes(), None).unwrap_err(),
            KeyFileError::NoKey
        );
        assert_eq!(
            parse_key_file(b"just text", None).unwrap_err(),
            KeyFileError::NoCertificate
        );
        let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        let (_, legacy) = pem_file(legacy);
        let e = parse_key_file(legacy.as_bytes(), Some(b"pw")).unwrap_err();
        assert_eq!(e, KeyFileError::LegacyEncrypted);
        assert!(e.to_string().contains("openssl pkcs8 -topk8"));

        let encrypted = pem::encode(&pem::Pem::new("ENCRYPTED PRIVATE KEY", vec![0x30, 0x00]));
        let (_, encrypted) = pem_file(&encrypted);
        let e = parse_key_file(encrypted.as_bytes(), None).unwrap_err();
        assert_eq!(e, KeyFileError::NoPassword);
        assert!(e.to_string().contains("--client-key-password-env"));
        assert!(matches!(
            parse_key_file(encrypted.as_bytes(), Some(b"pw")).unwrap_err(),
            KeyFileError::BadEncryptedKey(_)
        ));
    }
}
