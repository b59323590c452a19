//! Does an issuer's key verify a certificate's signature? Used by the path builder to tell
//! "this is the issuer" from "this only has the issuer's name".
//!
//! Deliberately wider than any one client: it verifies legacy algorithms (SHA-1, RSA-1024)
//! too, so that a weak-but-genuine signature is reported as `cert.weak_signature` /
//! `cert.weak_key` and never mistaken for a forged one (`cert.bad_signature`).

use ring::signature as sig;
use x509_parser::certificate::X509Certificate;
use x509_parser::x509::SubjectPublicKeyInfo;

/// Outcome of a signature check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureCheck {
    /// The issuer's key verifies the signature.
    Valid,
    /// The signature does not verify with this key.
    Invalid,
    /// The algorithm (or key/curve combination) is one ring cannot verify (MD5, DSA,
    /// ecdsa-with-SHA1, P-521, …): neither proven nor disproven.
    Unsupported,
}

/// Verifies `child`'s signature with `issuer_key`.
pub fn check(child: &X509Certificate<'_>, issuer_key: &SubjectPublicKeyInfo<'_>) -> SignatureCheck {
    let alg_oid = child.signature_algorithm.algorithm.to_id_string();
    let curve = issuer_key
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.as_oid().ok())
        .map(|o| o.to_id_string());
    let Some(alg) = algorithm(&alg_oid, curve.as_deref(), child) else {
        return SignatureCheck::Unsupported;
    };
    let key = sig::UnparsedPublicKey::new(alg, &issuer_key.subject_public_key.data);
    match key.verify(child.tbs_certificate.as_ref(), &child.signature_value.data) {
        Ok(()) => SignatureCheck::Valid,
        Err(_) => SignatureCheck::Invalid,
    }
}

fn algorithm(
    oid: &str,
    curve: Option<&str>,
    child: &X509Certificate<'_>,
) -> Option<&'static dyn sig::VerificationAlgorithm> {
    const P256: &str = "1.2.840.10045.3.1.7";
    const P384: &str = "1.3.132.0.34";
    Some(match (oid, curve) {
        ("1.2.840.113549.1.1.5" | "1.3.14.3.2.29", _) => {
            &sig::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY
        }
        ("1.2.840.113549.1.1.11", _) => &sig::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
        ("1.2.840.113549.1.1.12", _) => &sig::RSA_PKCS1_2048_8192_SHA384,
        ("1.2.840.113549.1.1.13", _) => &sig::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
        ("1.2.840.113549.1.1.10", _) => pss(child)?,
        ("1.2.840.10045.4.3.2", Some(P256)) => &sig::ECDSA_P256_SHA256_ASN1,
        ("1.2.840.10045.4.3.2", Some(P384)) => &sig::ECDSA_P384_SHA256_ASN1,
        ("1.2.840.10045.4.3.3", Some(P256)) => &sig::ECDSA_P256_SHA384_ASN1,
        ("1.2.840.10045.4.3.3", Some(P384)) => &sig::ECDSA_P384_SHA384_ASN1,
        ("1.3.101.112", _) => &sig::ED25519,
        _ => return None,
    })
}

fn pss(child: &X509Certificate<'_>) -> Option<&'static dyn sig::VerificationAlgorithm> {
    use x509_parser::signature_algorithm::SignatureAlgorithm;
    let parsed = SignatureAlgorithm::try_from(&child.signature_algorithm).ok()?;
    let SignatureAlgorithm::RSASSA_PSS(params) = parsed else {
        return None;
    };
    Some(match params.hash_algorithm_oid().to_id_string().as_str() {
        "2.16.840.1.101.3.4.2.1" => &sig::RSA_PSS_2048_8192_SHA256,
        "2.16.840.1.101.3.4.2.2" => &sig::RSA_PSS_2048_8192_SHA384,
        "2.16.840.1.101.3.4.2.3" => &sig::RSA_PSS_2048_8192_SHA512,
        _ => return None,
    })
}
