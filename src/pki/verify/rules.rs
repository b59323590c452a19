//! RFC 5280 §6 path-validation rules that some real client enforces, each its own finding:
//! basicConstraints cA on every issuer, pathLenConstraint (counted as RFC 5280 6.1.4 (l)/(m),
//! and as rustls-webpki and Go count it), keyUsage keyCertSign on issuers and a TLS-server key
//! usage on the leaf, the certificate version, critical extensions each family does not handle,
//! EC keys with explicit curve parameters, and notAfter at exactly the evaluation time.
//!
//! Where the families differ, the condition says which of them enforce the rule
//! ([`crate::pki::clients`] has the sources). Conformance rules every client tolerates are not
//! here: they are `lint.*` findings.

use x509_parser::certificate::X509Certificate;
use x509_parser::der_parser::asn1_rs::Tag;
use x509_parser::extensions::{GeneralName, ParsedExtension};

use super::{Ctx, Node, Role};
use crate::dates::rfc3339;
use crate::findings::Code;
use crate::pki::clients::{Condition, Refusers};
use crate::pki::inspect::Cert;
use crate::tr;

/// Every rule of this file, over the path `nodes` (leaf first) with its `roles`.
pub(super) fn check_path_rules(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role], pinned: bool) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node);
        let Ok(x) = c.x509() else {
            continue;
        };
        critical_extensions(ctx, c, &x, pos, role, pinned);
        explicit_curve(ctx, c, &x, pos);
        validity_boundary(ctx, c, pos, role);
        if pos == 0 {
            leaf_version(ctx, c, pinned);
            leaf_key_usage(ctx, c, &x);
            continue;
        }
        let child = ctx.cert(nodes[pos - 1]).short_name();
        issuer_is_ca(ctx, c, &x, pos, role, &child);
        issuer_key_usage(ctx, c, &x, pos, role, &child);
        dsa_issuer(ctx, c, pos, &child);
        path_len(ctx, nodes, c, pos, role);
        if role == Role::Anchor && c.info.self_issued {
            anchor_aki(ctx, c, &x, pos);
        }
    }
}

/// The keyUsage bits as named in messages, `None` when the extension is absent.
fn key_usage(x: &X509Certificate<'_>) -> Option<Vec<&'static str>> {
    let ku = x.key_usage().ok().flatten()?.value;
    Some(
        [
            (ku.digital_signature(), "digitalSignature"),
            (ku.non_repudiation(), "nonRepudiation"),
            (ku.key_encipherment(), "keyEncipherment"),
            (ku.data_encipherment(), "dataEncipherment"),
            (ku.key_agreement(), "keyAgreement"),
            (ku.key_cert_sign(), "keyCertSign"),
            (ku.crl_sign(), "cRLSign"),
            (ku.encipher_only(), "encipherOnly"),
            (ku.decipher_only(), "decipherOnly"),
        ]
        .into_iter()
        .filter(|(set, _)| *set)
        .map(|(_, name)| name)
        .collect(),
    )
}

fn usages_text(usages: &[&str]) -> String {
    if usages.is_empty() {
        tr!("pki-rfc5280-no-bits")
    } else {
        usages.join(", ")
    }
}

/// `cert.issuer_not_ca`: an issuer without basicConstraints cA=TRUE. Every client refuses such
/// an intermediate; only OpenSSL looks at the trust anchor, and it accepts a version 1
/// self-signed root or one without basicConstraints whose keyUsage allows certificate signing.
fn issuer_is_ca(
    ctx: &mut Ctx<'_>,
    c: &Cert,
    x: &X509Certificate<'_>,
    pos: usize,
    role: Role,
    child: &str,
) {
    if c.info.basic_constraints && c.info.is_ca && c.info.version >= 3 {
        return;
    }
    let name = c.short_name();
    let version = c.info.version.to_string();
    let why = if c.info.version < 3 {
        tr!("pki-rfc5280-not-ca-version", version = version)
    } else if c.info.basic_constraints {
        tr!("pki-rfc5280-not-ca-false")
    } else {
        tr!("pki-rfc5280-not-ca-missing")
    };
    let (condition, message, hint) = if role == Role::Anchor {
        // OpenSSL's check_ca(): a v1 self-signed root is a CA, and so is a certificate without
        // basicConstraints whose keyUsage is present (keyCertSign is judged separately).
        let openssl_accepts = !c.info.basic_constraints
            && ((c.info.version == 1 && c.is_self_signed()) || key_usage(x).is_some());
        // Go's CheckSignatureFrom: a version 3 parent needs basicConstraints with cA=TRUE.
        let go_accepts = c.info.version < 3;
        let condition = match (openssl_accepts, go_accepts) {
            (true, true) => return,
            (false, false) => Condition::AnchorNotCa,
            (true, false) => Condition::AnchorNotCaForGo,
            (false, true) => Condition::AnchorNotCaForOpenSsl,
        };
        (
            condition,
            tr!("pki-rfc5280-anchor-not-ca", name = name, why = why),
            tr!("pki-rfc5280-anchor-not-ca-hint"),
        )
    } else {
        (
            Condition::IntermediateNotCa,
            tr!(
                "pki-rfc5280-issuer-not-ca",
                name = name,
                child = child,
                why = why
            ),
            tr!("pki-rfc5280-issuer-not-ca-hint"),
        )
    };
    ctx.client_finding(Code::CertIssuerNotCa, condition, Some(pos), message, hint);
}

/// `cert.issuer_key_usage`: an issuer whose keyUsage lacks keyCertSign. OpenSSL and Java
/// refuse it; Go and rustls-webpki ignore keyUsage on CA certificates.
fn issuer_key_usage(
    ctx: &mut Ctx<'_>,
    c: &Cert,
    x: &X509Certificate<'_>,
    pos: usize,
    role: Role,
    child: &str,
) {
    let Some(usages) = key_usage(x) else {
        return;
    };
    if usages.contains(&"keyCertSign") {
        return;
    }
    let condition = if role == Role::Anchor {
        Condition::AnchorKuWithoutCertSign
    } else {
        Condition::IntermediateKuWithoutCertSign
    };
    ctx.client_finding(
        Code::CertIssuerKeyUsage,
        condition,
        Some(pos),
        tr!(
            "pki-rfc5280-issuer-key-usage",
            name = c.short_name(),
            child = child,
            usages = usages_text(&usages),
        ),
        tr!("pki-rfc5280-issuer-key-usage-hint"),
    );
}

/// `cert.path_len_exceeded`: more CA certificates below a CA than its pathLenConstraint
/// allows. RFC 5280 (OpenSSL, Java) does not count self-issued intermediates; rustls-webpki and
/// Go count every certificate between the leaf and the CA. rustls-webpki and Java do not read
/// the trust anchor's constraint.
fn path_len(ctx: &mut Ctx<'_>, nodes: &[Node], c: &Cert, pos: usize, role: Role) {
    let Some(limit) = c.info.path_len.filter(|_| c.info.is_ca) else {
        return;
    };
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let below = &nodes[1..pos];
    let all = below.len();
    let rfc = below
        .iter()
        .filter(|&&n| !ctx.cert(n).info.self_issued)
        .count();
    if all <= limit {
        return;
    }
    let anchor = role == Role::Anchor;
    let exceeds_rfc = rfc > limit;
    let (condition, count) = match (exceeds_rfc, anchor) {
        (true, false) => (Condition::PathLenExceeded, rfc),
        (true, true) => (Condition::AnchorPathLenExceeded, rfc),
        (false, false) => (Condition::PathLenExceededCountingSelfIssued, all),
        (false, true) => (Condition::AnchorPathLenExceededCountingSelfIssued, all),
    };
    let name = c.short_name();
    let limit = limit.to_string();
    let message = if exceeds_rfc {
        tr!(
            "pki-rfc5280-path-len",
            name = name,
            limit = limit,
            count = count.to_string()
        )
    } else {
        tr!(
            "pki-rfc5280-path-len-self-issued",
            name = name,
            limit = limit,
            count = count,
            rfc_count = rfc.to_string(),
        )
    };
    ctx.client_finding(
        Code::CertPathLenExceeded,
        condition,
        Some(pos),
        message,
        tr!("pki-rfc5280-path-len-hint"),
    );
}

/// `cert.unknown_issuer` for OpenSSL: a self-issued trust anchor whose authorityKeyIdentifier
/// names another key identifier, issuer name or serial number (X509_check_akid), so that
/// OpenSSL does not take it as self-signed and looks for its issuer in vain.
fn anchor_aki(ctx: &mut Ctx<'_>, c: &Cert, x: &X509Certificate<'_>, pos: usize) {
    let Some(aki) = x
        .iter_extensions()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityKeyIdentifier(a) => Some(a),
            _ => None,
        })
    else {
        return;
    };
    let ski = x
        .iter_extensions()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(k) => Some(k.0),
            _ => None,
        });
    let key_mismatch = matches!((&aki.key_identifier, ski), (Some(k), Some(s)) if k.0 != s);
    let serial_mismatch = aki
        .authority_cert_serial
        .is_some_and(|serial| serial != x.raw_serial());
    // OpenSSL compares the first directoryName only, when there is one.
    let issuer_mismatch = aki
        .authority_cert_issuer
        .iter()
        .flatten()
        .find_map(|n| match n {
            GeneralName::DirectoryName(d) => Some(d.as_raw() != x.issuer().as_raw()),
            _ => None,
        })
        .unwrap_or(false);
    let field = if key_mismatch {
        "keyIdentifier"
    } else if issuer_mismatch {
        "authorityCertIssuer"
    } else if serial_mismatch {
        "authorityCertSerialNumber"
    } else {
        return;
    };
    ctx.client_finding(
        Code::CertUnknownIssuer,
        Condition::AnchorAkiMismatch,
        Some(pos),
        tr!(
            "pki-rfc5280-anchor-aki",
            name = c.short_name(),
            field = field
        ),
        tr!("pki-rfc5280-anchor-aki-hint"),
    );
}

/// `cert.weak_signature`: an issuer with a DSA key, whose signatures rustls-webpki and Go
/// cannot verify (OpenSSL and the JDK still can).
fn dsa_issuer(ctx: &mut Ctx<'_>, c: &Cert, pos: usize, child: &str) {
    if c.info.key.algorithm != "DSA" {
        return;
    }
    ctx.client_finding(
        Code::CertWeakSignature,
        Condition::DsaIssuerKey,
        Some(pos),
        tr!(
            "pki-rfc5280-dsa-issuer",
            name = c.short_name(),
            child = child
        ),
        tr!("pki-rfc5280-dsa-issuer-hint"),
    );
}

/// `cert.leaf_key_usage`: the leaf's keyUsage does not allow a TLS server's key. OpenSSL's
/// SSL-server purpose needs digitalSignature, keyEncipherment or keyAgreement; Java's
/// EndEntityChecker needs digitalSignature for TLS 1.3 and ECDHE; Go and rustls-webpki ignore
/// keyUsage.
fn leaf_key_usage(ctx: &mut Ctx<'_>, c: &Cert, x: &X509Certificate<'_>) {
    let Some(usages) = key_usage(x) else {
        return;
    };
    let has = |u: &str| usages.contains(&u);
    let (condition, id) =
        if !has("digitalSignature") && !has("keyEncipherment") && !has("keyAgreement") {
            (Condition::LeafKuNotForServer, "none")
        } else if !has("digitalSignature") {
            (Condition::LeafKuWithoutDigitalSignature, "signature")
        } else {
            return;
        };
    let (name, usages) = (c.short_name(), usages_text(&usages));
    let message = if id == "none" {
        tr!("pki-rfc5280-leaf-key-usage", name = name, usages = usages)
    } else {
        tr!(
            "pki-rfc5280-leaf-key-usage-signature",
            name = name,
            usages = usages
        )
    };
    ctx.client_finding(
        Code::CertLeafKeyUsage,
        condition,
        Some(0),
        message,
        tr!("pki-rfc5280-leaf-key-usage-hint"),
    );
}

/// `cert.version`: a version 1 or 2 server certificate, which rustls-webpki refuses.
fn leaf_version(ctx: &mut Ctx<'_>, c: &Cert, pinned: bool) {
    if c.info.version >= 3 || pinned {
        return;
    }
    ctx.client_finding(
        Code::CertVersion,
        Condition::LeafNotV3,
        Some(0),
        tr!(
            "pki-rfc5280-leaf-version",
            name = c.short_name(),
            version = c.info.version.to_string(),
        ),
        tr!("pki-rfc5280-leaf-version-hint"),
    );
}

/// `cert.ec_explicit_parameters`: an EC key given with explicit curve parameters instead of a
/// named curve: OpenSSL 3 (X509_V_ERR_EC_KEY_EXPLICIT_PARAMS), rustls-webpki, Go and the JDK
/// refuse it.
fn explicit_curve(ctx: &mut Ctx<'_>, c: &Cert, x: &X509Certificate<'_>, pos: usize) {
    const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
    let spki = x.public_key();
    if spki.algorithm.algorithm.to_id_string() != EC_PUBLIC_KEY {
        return;
    }
    let named = spki
        .algorithm
        .parameters
        .as_ref()
        // `as_oid` does not look at the tag; explicit parameters are a SEQUENCE.
        .is_some_and(|p| p.tag() == Tag::Oid);
    if named {
        return;
    }
    ctx.client_finding(
        Code::CertEcExplicitParameters,
        Condition::EcExplicitParameters,
        Some(pos),
        tr!("pki-rfc5280-explicit-curve", name = c.short_name()),
        tr!("pki-rfc5280-explicit-curve-hint"),
    );
}

/// `cert.validity_boundary`: notAfter is exactly the evaluation time. OpenSSL's X509_cmp_time
/// counts a certificate as expired at its notAfter second; RFC 5280, rustls-webpki, Go and the
/// JDK one second later.
fn validity_boundary(ctx: &mut Ctx<'_>, c: &Cert, pos: usize, role: Role) {
    if c.info.not_after != ctx.opts.now {
        return;
    }
    // The trust anchor of a pinned leaf is the leaf. Go and the JDK compare with the clock's
    // fraction of a second: past the notAfter second's first instant, they refuse too.
    let condition = match (role == Role::Anchor && pos > 0, ctx.now_has_fraction) {
        (true, false) => Condition::AnchorExpiresThisSecond,
        (true, true) => Condition::AnchorExpiresWithinThisSecond,
        (false, false) => Condition::ExpiresThisSecond,
        (false, true) => Condition::ExpiresWithinThisSecond,
    };
    ctx.client_finding(
        Code::CertValidityBoundary,
        condition,
        Some(pos),
        tr!(
            "pki-rfc5280-validity-boundary",
            name = c.short_name(),
            not_after = rfc3339(c.info.not_after),
        ),
        tr!("pki-rfc5280-validity-boundary-hint"),
    );
}

/// Critical extensions rustls-webpki handles (`remember_cert_extension`): keyUsage,
/// subjectAltName, basicConstraints, nameConstraints, cRLDistributionPoints, extKeyUsage, and
/// the SCT list.
const WEBPKI_HANDLED: &[&str] = &[
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.19",
    "2.5.29.30",
    "2.5.29.31",
    "2.5.29.37",
    "1.3.6.1.4.1.11129.2.4.2",
];

/// Critical extensions Go 1.19's parser handles (`processExtensions`); subjectAltName and
/// nameConstraints only with the name forms it reads (see [`go_handles`]).
const GO_HANDLED: &[&str] = &[
    "2.5.29.14",
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.19",
    "2.5.29.30",
    "2.5.29.31",
    "2.5.29.32",
    "2.5.29.35",
    "2.5.29.37",
    "1.3.6.1.5.5.7.1.1",
];

/// Critical extensions the JDK's PKIX checkers resolve (KeyChecker, ConstraintsChecker,
/// PolicyChecker) on intermediates.
const JAVA_PKIX_HANDLED: &[&str] = &[
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.19",
    "2.5.29.30",
    "2.5.29.32",
    "2.5.29.33",
    "2.5.29.36",
    "2.5.29.37",
    "2.5.29.54",
];

/// On the server's certificate the JDK's EndEntityChecker allows only these critical
/// extensions (keyUsage, extKeyUsage, Netscape cert type, basicConstraints, subjectAltName),
/// and nameConstraints (measured, JDK 17: x509-limbo rfc5280::nc::not-allowed-in-ee-critical).
const JAVA_LEAF_HANDLED: &[&str] = &[
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.19",
    "2.5.29.30",
    "2.5.29.37",
    "2.16.840.1.113730.1.1",
];

/// Go marks a critical subjectAltName unhandled when it holds none of the names Go reads, and
/// a critical nameConstraints when a subtree is of another form (a directory name, …).
fn go_handles(x: &X509Certificate<'_>, oid: &str) -> bool {
    if !GO_HANDLED.contains(&oid) {
        return false;
    }
    let known = |g: &GeneralName<'_>| {
        matches!(
            g,
            GeneralName::DNSName(_)
                | GeneralName::IPAddress(_)
                | GeneralName::RFC822Name(_)
                | GeneralName::URI(_)
        )
    };
    match oid {
        "2.5.29.17" => match x.subject_alternative_name() {
            Ok(Some(san)) => san.value.general_names.iter().any(known),
            _ => true,
        },
        "2.5.29.30" => match x.name_constraints() {
            Ok(Some(nc)) => nc
                .value
                .permitted_subtrees
                .iter()
                .chain(nc.value.excluded_subtrees.iter())
                .flatten()
                .all(|s| known(&s.base)),
            _ => true,
        },
        _ => true,
    }
}

/// `cert.unhandled_critical_extension`: critical extensions some family does not handle, with
/// the families that therefore refuse the chain. OpenSSL and Go look at every certificate on
/// the path, the trust anchor included; rustls-webpki and the JDK not at the anchor.
fn critical_extensions(
    ctx: &mut Ctx<'_>,
    c: &Cert,
    x: &X509Certificate<'_>,
    pos: usize,
    role: Role,
    pinned: bool,
) {
    let anchor = role == Role::Anchor && pos > 0;
    // JSSE accepts a server certificate the trust store holds without looking at it (measured,
    // JDK 17: x509-limbo rfc5280::serial::negative).
    let java_looks = !(anchor || (pos == 0 && pinned));
    let mut refusers = Refusers::default();
    let mut listed = Vec::new();
    for e in x.extensions().iter().filter(|e| e.critical) {
        let oid = e.oid.to_id_string();
        let openssl = c.info.unhandled_critical_extensions.contains(&oid);
        let rustls = !anchor && !WEBPKI_HANDLED.contains(&oid.as_str());
        let go = !go_handles(x, &oid);
        let java_handled = if pos == 0 {
            JAVA_LEAF_HANDLED
        } else {
            JAVA_PKIX_HANDLED
        };
        let java = java_looks && !java_handled.contains(&oid.as_str());
        if openssl || rustls || go || java {
            refusers.openssl |= openssl;
            refusers.rustls |= rustls;
            refusers.go |= go;
            refusers.java |= java;
            listed.push(extension_name(e.parsed_extension(), &oid));
        }
    }
    if listed.is_empty() {
        return;
    }
    let (name, extensions) = (c.short_name(), listed.join(", "));
    let openssl_only = Refusers {
        openssl: true,
        ..Refusers::default()
    };
    let message = if refusers == openssl_only {
        tr!(
            "pki-unhandled-critical",
            name = name,
            extensions = extensions
        )
    } else {
        tr!(
            "pki-rfc5280-critical-extension",
            name = name,
            extensions = extensions,
            families = refusers.names().join(", "),
        )
    };
    ctx.client_finding(
        Code::CertUnhandledCriticalExtension,
        Condition::CriticalExtension(refusers),
        Some(pos),
        message,
        tr!("pki-unhandled-critical-hint"),
    );
}

/// `subjectKeyIdentifier (2.5.29.14)` for the extensions people know by name, else the OID.
fn extension_name(parsed: &ParsedExtension<'_>, oid: &str) -> String {
    let name = match parsed {
        ParsedExtension::SubjectKeyIdentifier(_) => "subjectKeyIdentifier",
        ParsedExtension::AuthorityKeyIdentifier(_) => "authorityKeyIdentifier",
        ParsedExtension::AuthorityInfoAccess(_) => "authorityInfoAccess",
        ParsedExtension::CRLDistributionPoints(_) => "cRLDistributionPoints",
        ParsedExtension::CertificatePolicies(_) => "certificatePolicies",
        ParsedExtension::PolicyConstraints(_) => "policyConstraints",
        ParsedExtension::PolicyMappings(_) => "policyMappings",
        ParsedExtension::InhibitAnyPolicy(_) => "inhibitAnyPolicy",
        ParsedExtension::NameConstraints(_) => "nameConstraints",
        ParsedExtension::SubjectAlternativeName(_) => "subjectAltName",
        ParsedExtension::IssuerAlternativeName(_) => "issuerAltName",
        ParsedExtension::SubjectInfoAccess(_) => "subjectInfoAccess",
        _ => return oid.to_string(),
    };
    format!("{name} ({oid})")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use rcgen::{
        BasicConstraints, CertificateParams, CidrSubnet, CustomExtension, DistinguishedName,
        DnType, ExtendedKeyUsagePurpose, GeneralSubtree, IsCa, KeyPair, KeyUsagePurpose,
        NameConstraints,
    };
    use time::Duration;

    use super::super::checks::test_support::{mentions, the, verify};
    use crate::findings::{Code, Severity};
    use crate::pki::inspect::test_certs::{ca, now, server, Made};

    /// A certificate named `cn`, a CA (CA:TRUE, keyCertSign) unless `tweak` changes it, signed
    /// by `issuer` (self-signed without one), valid around [`now`].
    fn make(cn: &str, issuer: Option<&Made>, tweak: impl FnOnce(&mut CertificateParams)) -> Made {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, cn);
        params.not_before = now() - Duration::days(30);
        params.not_after = now() + Duration::days(365);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        tweak(&mut params);
        let key = KeyPair::generate().unwrap();
        let cert = match issuer {
            Some(i) => {
                params.use_authority_key_identifier_extension = true;
                params.signed_by(&key, &i.cert, &i.key).unwrap()
            }
            None => params.self_signed(&key).unwrap(),
        };
        Made { cert, key }
    }

    /// "db.example.com" (a server certificate) issued by `issuer`, adjusted by `tweak`.
    fn leaf_by(issuer: &Made, tweak: impl FnOnce(&mut CertificateParams)) -> Made {
        make("db.example.com", Some(issuer), |p| {
            p.subject_alt_names = vec![rcgen::SanType::DnsName(
                "db.example.com".try_into().unwrap(),
            )];
            p.is_ca = IsCa::ExplicitNoCa;
            p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
            p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
            tweak(p);
        })
    }

    fn rejected_by(f: &crate::findings::Finding) -> Vec<&'static str> {
        f.rejected_by.clone().unwrap_or_default()
    }

    const ALL: [&str; 5] = ["openssl", "node", "rustls", "go", "java"];

    #[test]
    fn an_intermediate_without_the_ca_bit_fails_for_every_client() {
        let root = ca("Test Root").make();
        for is_ca in [IsCa::NoCa, IsCa::ExplicitNoCa] {
            let missing = matches!(is_ca, IsCa::NoCa);
            let intermediate = make("Test Intermediate", Some(&root), |p| p.is_ca = is_ca);
            let leaf = server(&intermediate).make();
            let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
            let f = the(&v, Code::CertIssuerNotCa, Severity::Fail, Some(1));
            let why = if missing {
                "it has no basicConstraints extension"
            } else {
                "its basicConstraints says cA=FALSE"
            };
            mentions(
                &f.message,
                &[
                    "\"Test Intermediate\" issues \"db.example.com\" but is not a CA certificate",
                    why,
                ],
            );
            assert_eq!(rejected_by(f), ALL);
            assert!(!v.findings.iter().any(|f| f.code == Code::CertInvalid));
        }
    }

    #[test]
    fn a_root_without_basic_constraints_fails_all_but_rustls() {
        let root = make("Test Root", None, |p| {
            p.is_ca = IsCa::NoCa;
            p.key_usages = Vec::new();
        });
        let intermediate = ca("Test Intermediate").issued_by(&root).make();
        let leaf = server(&intermediate).make();
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        let f = the(&v, Code::CertIssuerNotCa, Severity::Fail, Some(2));
        mentions(
            &f.message,
            &["the CA certificate this chain is trusted through \"Test Root\""],
        );
        // Go's CheckSignatureFrom refuses a v3 parent without basicConstraints, JSSE's
        // verifyTrustAnchor a v3 anchor that is no CA; rustls takes the anchor as name and key.
        assert_eq!(rejected_by(f), ["openssl", "node", "go", "java"]);
    }

    #[test]
    fn path_len_zero_on_an_intermediate_with_a_ca_below_fails_for_every_client() {
        let root = ca("Test Root").make();
        let a = make("Intermediate A", Some(&root), |p| {
            p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        });
        let b = ca("Intermediate B").issued_by(&a).make();
        let leaf = server(&b).make();
        let v = verify(&[&root], &[&leaf, &b, &a], Some("db.example.com"));
        let f = the(&v, Code::CertPathLenExceeded, Severity::Fail, Some(2));
        assert_eq!(
            f.message,
            "pathLenConstraint 0 on \"Intermediate A\" allows at most 0 CA certificate(s) below it, but the path has 1"
        );
        assert_eq!(rejected_by(f), ALL);
        assert!(!v.rustls_webpki.chain_accepted);
        assert!(!v.findings.iter().any(|f| f.code == Code::CertInvalid));
    }

    #[test]
    fn path_len_on_the_root_is_enforced_by_openssl_and_go_only() {
        let root = make("Test Root", None, |p| {
            p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        });
        let intermediate = ca("Test Intermediate").issued_by(&root).make();
        let leaf = server(&intermediate).make();
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        let f = the(&v, Code::CertPathLenExceeded, Severity::Fail, Some(2));
        assert_eq!(rejected_by(f), ["openssl", "node", "go"]);
        assert!(
            v.rustls_webpki.chain_accepted,
            "webpki ignores the anchor's constraint"
        );
    }

    #[test]
    fn a_self_issued_intermediate_counts_only_for_webpki_and_go() {
        let root = ca("Test Root").make();
        let a = make("Intermediate A", Some(&root), |p| {
            p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        });
        // A second "Intermediate A" with another key, issued by the first: self-issued.
        let a2 = make("Intermediate A", Some(&a), |_| {});
        let leaf = server(&a2).make();
        let v = verify(&[&root], &[&leaf, &a2, &a], Some("db.example.com"));
        let f = the(&v, Code::CertPathLenExceeded, Severity::Fail, Some(2));
        mentions(
            &f.message,
            &[
                "only when self-issued intermediates are counted",
                "0 without",
            ],
        );
        assert_eq!(rejected_by(f), ["rustls", "go"]);
    }

    #[test]
    fn an_intermediate_key_usage_without_key_cert_sign_fails_openssl_and_java() {
        let root = ca("Test Root").make();
        let intermediate = make("Test Intermediate", Some(&root), |p| {
            p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        });
        let leaf = server(&intermediate).make();
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        let f = the(&v, Code::CertIssuerKeyUsage, Severity::Fail, Some(1));
        mentions(
            &f.message,
            &["its keyUsage (digitalSignature) does not include keyCertSign"],
        );
        assert_eq!(rejected_by(f), ["openssl", "node", "java"]);
    }

    #[test]
    fn a_leaf_key_usage_for_certificate_signing_only_fails_openssl_and_java() {
        let root = ca("Test Root").make();
        let leaf = leaf_by(&root, |p| p.key_usages = vec![KeyUsagePurpose::KeyCertSign]);
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(&v, Code::CertLeafKeyUsage, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["has keyUsage keyCertSign, which allows none of"],
        );
        assert_eq!(rejected_by(f), ["openssl", "node", "java"]);
        // keyEncipherment only: Java alone needs digitalSignature.
        let leaf = leaf_by(&root, |p| {
            p.key_usages = vec![KeyUsagePurpose::KeyEncipherment]
        });
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(&v, Code::CertLeafKeyUsage, Severity::Fail, Some(0));
        assert_eq!(rejected_by(f), ["java"]);
    }

    #[test]
    fn an_intermediate_eku_without_server_auth_fails_all_but_java() {
        let root = ca("Test Root").make();
        let intermediate = make("Test Intermediate", Some(&root), |p| {
            p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        });
        let leaf = server(&intermediate).make();
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        let f = the(&v, Code::CertBadEku, Severity::Fail, Some(1));
        assert_eq!(rejected_by(f), ["openssl", "node", "rustls", "go"]);
        assert!(!v.rustls_webpki.chain_accepted);
    }

    #[test]
    fn unknown_critical_extensions_name_the_families_that_look() {
        let unknown = || {
            let mut e =
                CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 55555, 1], vec![5, 0]);
            e.set_criticality(true);
            e
        };
        let root = ca("Test Root").make();
        let leaf = leaf_by(&root, |p| p.custom_extensions = vec![unknown()]);
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(
            &v,
            Code::CertUnhandledCriticalExtension,
            Severity::Fail,
            Some(0),
        );
        mentions(
            &f.message,
            &["1.3.6.1.4.1.55555.1", "openssl, node, rustls, go, java"],
        );
        assert_eq!(rejected_by(f), ALL);
        // On the trust anchor only OpenSSL and Go look.
        let root = make("Test Root", None, |p| p.custom_extensions = vec![unknown()]);
        let leaf = server(&root).make();
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(
            &v,
            Code::CertUnhandledCriticalExtension,
            Severity::Fail,
            Some(1),
        );
        assert_eq!(rejected_by(f), ["openssl", "node", "go"]);
        assert!(v.rustls_webpki.chain_accepted);
    }

    fn constrained_root(nc: NameConstraints) -> Made {
        make("Test Root", None, |p| p.name_constraints = Some(nc))
    }

    #[test]
    fn dns_name_constraints_permitted_and_excluded() {
        let root = constrained_root(NameConstraints {
            permitted_subtrees: vec![GeneralSubtree::DnsName("example.org".into())],
            excluded_subtrees: Vec::new(),
        });
        let leaf = leaf_by(&root, |_| {});
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(&v, Code::CertNameConstraints, Severity::Fail, Some(0));
        assert_eq!(
            f.message,
            "\"db.example.com\" has the DNS name db.example.com, outside the name constraints of \"Test Root\" (permitted: example.org)"
        );
        // The JDK ignores the name constraints of a trust anchor certificate.
        assert_eq!(rejected_by(f), ["openssl", "node", "rustls", "go"]);
        assert!(!v.rustls_webpki.chain_accepted);

        let root = constrained_root(NameConstraints {
            permitted_subtrees: Vec::new(),
            excluded_subtrees: vec![GeneralSubtree::DnsName("example.com".into())],
        });
        let leaf = leaf_by(&root, |_| {});
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(&v, Code::CertNameConstraints, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["which the name constraints of \"Test Root\" exclude (example.com)"],
        );

        let root = constrained_root(NameConstraints {
            permitted_subtrees: vec![GeneralSubtree::DnsName("example.com".into())],
            excluded_subtrees: Vec::new(),
        });
        let leaf = leaf_by(&root, |_| {});
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        assert!(v.findings.is_empty(), "{:#?}", v.findings);
        assert!(v.rustls_webpki.chain_accepted);
    }

    #[test]
    fn name_constraints_on_an_intermediate_bind_every_client() {
        let root = ca("Test Root").make();
        let intermediate = make("Test Intermediate", Some(&root), |p| {
            p.name_constraints = Some(NameConstraints {
                permitted_subtrees: vec![GeneralSubtree::DnsName("example.org".into())],
                excluded_subtrees: Vec::new(),
            });
        });
        let leaf = leaf_by(&intermediate, |_| {});
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        let f = the(&v, Code::CertNameConstraints, Severity::Fail, Some(0));
        assert_eq!(rejected_by(f), ALL);
    }

    #[test]
    fn ip_name_constraints() {
        let root = constrained_root(NameConstraints {
            permitted_subtrees: vec![GeneralSubtree::IpAddress(CidrSubnet::from_v4_prefix(
                [10, 0, 0, 0],
                8,
            ))],
            excluded_subtrees: Vec::new(),
        });
        let leaf = leaf_by(&root, |p| {
            p.subject_alt_names = vec![rcgen::SanType::IpAddress([192, 168, 1, 1].into())];
        });
        let v = verify(&[&root], &[&leaf], Some("192.168.1.1"));
        let f = the(&v, Code::CertNameConstraints, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["IP address 192.168.1.1", "(permitted: 10.0.0.0/255.0.0.0)"],
        );
        assert_eq!(rejected_by(f), ["openssl", "node", "rustls", "go"]);
    }

    /// DER: `tag`, a short-form length, `content`.
    fn der(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag, u8::try_from(content.len()).unwrap()];
        out.extend_from_slice(content);
        out
    }

    #[test]
    fn directory_name_constraints_apply_to_the_subject() {
        // nameConstraints permitted directoryName O=Other, written by hand: rcgen 0.13 tags a
        // directoryName implicitly, which x509-parser (rightly) refuses.
        let o_other = der(
            0x30,
            &[&[6, 3, 0x55, 4, 10][..], &der(0x0c, b"Other")].concat(),
        );
        let name = der(0x30, &der(0x31, &o_other));
        let subtree = der(0x30, &der(0xa4, &name));
        let nc = der(0x30, &der(0xa0, &subtree));
        let mut ext = CustomExtension::from_oid_content(&[2, 5, 29, 30], nc);
        ext.set_criticality(true);
        let root = make("Test Root", None, |p| p.custom_extensions = vec![ext]);
        let leaf = leaf_by(&root, |_| {});
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(&v, Code::CertNameConstraints, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["has the subject CN=db.example.com, outside the name constraints"],
        );
        // Go never checks directory names (a critical constraint of that form is an unhandled
        // critical extension for Go, reported on its own).
        assert_eq!(rejected_by(f), ["openssl", "node", "rustls"]);
    }

    #[test]
    fn the_common_name_is_checked_as_a_dns_name_by_openssl_and_java() {
        let root = constrained_root(NameConstraints {
            permitted_subtrees: vec![GeneralSubtree::DnsName("example.org".into())],
            excluded_subtrees: Vec::new(),
        });
        let leaf = leaf_by(&root, |p| p.subject_alt_names = Vec::new());
        let v = verify(&[&root], &[&leaf], None);
        let f = the(&v, Code::CertNameConstraints, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["its common name db.example.com, checked as a DNS name by OpenSSL and Java"],
        );
        assert_eq!(
            rejected_by(f),
            ["openssl", "node"],
            "the JDK ignores an anchor's constraints"
        );
    }

    #[test]
    fn a_not_after_at_the_evaluation_second_fails_openssl_only() {
        let root = ca("Test Root").make();
        let leaf = leaf_by(&root, |p| p.not_after = now());
        let v = verify(&[&root], &[&leaf], Some("db.example.com"));
        let f = the(&v, Code::CertValidityBoundary, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["has notAfter 2030-06-01T00:00:00Z, exactly the evaluation time"],
        );
        assert_eq!(rejected_by(f), ["openssl", "node"]);
        assert!(!v.findings.iter().any(|f| f.code == Code::CertExpired));
    }

    #[test]
    fn a_conforming_chain_has_no_rfc5280_findings() {
        let root = ca("Test Root").make();
        let intermediate = make("Test Intermediate", Some(&root), |p| {
            p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        });
        let leaf = leaf_by(&intermediate, |_| {});
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        assert!(v.findings.is_empty(), "{:#?}", v.findings);
    }
}
