//! Judging every certificate on the path: chain order, trust (and why it is missing),
//! validity, key strength and signature hash, extended key usage, CA-as-leaf, and presented
//! certificates that are not on the path. Each problem is a finding with the client families
//! that refuse it.

use super::{Ctx, Node, Role, Stop};
use crate::dates::rfc3339;
use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::Condition;
use crate::pki::inspect::{Cert, SignatureHash};
use crate::tr;

/// `cert.chain_order` (info): the presented certificates on the path were not sent leaf first,
/// then each issuer in turn.
pub(super) fn check_order(ctx: &mut Ctx<'_>, nodes: &[Node]) {
    let presented_order: Vec<usize> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Chain(i) => Some(*i),
            Node::Ca(_) => None,
        })
        .collect();
    let in_order = presented_order.iter().enumerate().all(|(pos, &i)| pos == i);
    if !in_order {
        let order = presented_order
            .iter()
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(" → ");
        ctx.push(Finding::new(
            Code::CertChainOrder,
            Severity::Info,
            tr!("pki-chain-order", order = order),
            tr!("pki-chain-order-hint"),
        ));
    }
}

/// Why the path is trusted only by pinning, or why it is not trusted at all: one finding per
/// way the path can stop short of a CA in the CA file.
pub(super) fn check_trust(ctx: &mut Ctx<'_>, nodes: &[Node], stop: &Stop, pinned: bool) {
    let Some(&top_node) = nodes.last() else {
        return;
    };
    let top_pos = nodes.len() - 1;
    let top = ctx.cert(top_node);
    match stop {
        Stop::Anchored if pinned => pinned_leaf(ctx, top),
        Stop::Anchored => {}
        Stop::SelfSigned if top_pos == 0 => self_signed_leaf(ctx, top),
        Stop::SelfSigned => root_not_in_ca_file(ctx, top, top_pos),
        Stop::NameOnly {
            different_key,
            bad_signature,
        } => {
            if let Some(&n) = bad_signature.first() {
                signature_does_not_verify(ctx, top, top_pos, n);
            } else if let Some(&n) = different_key.first() {
                issuer_with_another_key(ctx, top, top_pos, n);
            }
        }
        Stop::NoIssuer | Stop::TooLong => issuer_not_found(ctx, top, top_pos),
    }
}

/// `cert.self_signed` (warn): the server's certificate is trusted only because the CA file
/// holds that exact certificate.
fn pinned_leaf(ctx: &mut Ctx<'_>, leaf: &Cert) {
    let f = Finding::new(
        Code::CertSelfSigned,
        Severity::Warn,
        tr!("pki-pinned-leaf", name = leaf.short_name()),
        tr!("pki-pinned-leaf-hint"),
    )
    .with_certificate(0);
    ctx.push(f);
}

/// `cert.self_signed`: the server's own certificate signs itself and the CA file does not
/// hold it.
fn self_signed_leaf(ctx: &mut Ctx<'_>, leaf: &Cert) {
    let held = ca_file_summary(ctx.anchors);
    ctx.client_finding(
        Code::CertSelfSigned,
        Condition::SelfSignedUntrusted,
        Some(0),
        tr!(
            "pki-self-signed-leaf",
            name = leaf.short_name(),
            held = held
        ),
        tr!("pki-self-signed-leaf-hint"),
    );
}

/// `cert.unknown_issuer`: the chain ends at a self-signed root the CA file does not hold.
fn root_not_in_ca_file(ctx: &mut Ctx<'_>, root: &Cert, pos: usize) {
    let held = ca_file_summary(ctx.anchors);
    ctx.client_finding(
        Code::CertUnknownIssuer,
        Condition::UnknownIssuer,
        Some(pos),
        tr!(
            "pki-root-not-in-ca-file",
            name = root.short_name(),
            fingerprint = root.info.sha256_fingerprint.as_str(),
            held = held,
        ),
        tr!("pki-root-not-in-ca-file-hint"),
    );
}

/// `cert.bad_signature`: the issuer has the right name and key identifier, but its key does
/// not verify the signature of the certificate at `pos`.
fn signature_does_not_verify(ctx: &mut Ctx<'_>, top: &Cert, pos: usize, issuer: Node) {
    let issuer = ctx.cert(issuer);
    ctx.client_finding(
        Code::CertBadSignature,
        Condition::BadSignature,
        Some(pos),
        tr!(
            "pki-bad-signature",
            name = top.short_name(),
            issuer = issuer.short_name(),
        ),
        tr!("pki-bad-signature-hint"),
    );
}

/// `cert.unknown_issuer`: a certificate has the issuer's name but another key (a CA of
/// another instance, or from before a renewal).
fn issuer_with_another_key(ctx: &mut Ctx<'_>, top: &Cert, pos: usize, other: Node) {
    let in_ca_file = matches!(other, Node::Ca(_));
    let other = ctx.cert(other);
    let name = top.short_name();
    let issuer = top.info.issuer.as_str();
    let aki = key_id(top.info.authority_key_id.as_deref());
    let ski = key_id(other.info.subject_key_id.as_deref());
    let message = if in_ca_file {
        tr!(
            "pki-issuer-other-key-in-ca-file",
            name = name,
            issuer = issuer,
            aki = aki,
            ski = ski,
        )
    } else {
        tr!(
            "pki-issuer-other-key-in-chain",
            name = name,
            issuer = issuer,
            aki = aki,
            ski = ski,
        )
    };
    ctx.client_finding(
        Code::CertUnknownIssuer,
        Condition::UnknownIssuer,
        Some(pos),
        message,
        tr!("pki-issuer-other-key-hint"),
    );
}

/// `cert.unknown_issuer`: nothing holds even the issuer's name (or the path is absurdly long):
/// an incomplete chain (the server sent only its own certificate) or the wrong CA file.
fn issuer_not_found(ctx: &mut Ctx<'_>, top: &Cert, pos: usize) {
    let held = ca_file_summary(ctx.anchors);
    let aia = if top.info.ca_issuers_urls.is_empty() {
        String::new()
    } else {
        tr!(
            "pki-issuer-download-from",
            urls = top.info.ca_issuers_urls.join(", ")
        )
    };
    let needed = tr!(
        "pki-issuer-needed",
        issuer = top.info.issuer.as_str(),
        aki = key_id(top.info.authority_key_id.as_deref()),
    );
    let name = top.short_name();
    let (message, hint) = if pos == 0 && ctx.presented.len() == 1 {
        (
            tr!(
                "pki-issuer-not-found-leaf-only",
                name = name,
                needed = needed,
                held = held,
                aia = aia,
            ),
            tr!("pki-issuer-not-found-leaf-only-hint"),
        )
    } else {
        (
            tr!(
                "pki-issuer-not-found",
                name = name,
                needed = needed,
                held = held,
                aia = aia,
            ),
            tr!("pki-issuer-not-found-hint"),
        )
    };
    ctx.client_finding(
        Code::CertUnknownIssuer,
        Condition::UnknownIssuer,
        Some(pos),
        message,
        hint,
    );
}

/// A key identifier as shown in messages, `absent` when the certificate has none.
fn key_id(id: Option<&str>) -> String {
    id.map_or_else(|| tr!("pki-key-id-absent"), str::to_string)
}

/// "A, B" or "7 certificates, e.g. A, B, C": what the CA file holds, for messages.
fn ca_file_summary(anchors: &[Cert]) -> String {
    match anchors.len() {
        0 => tr!("pki-ca-file-holds-nothing"),
        1..=4 => anchors
            .iter()
            .map(Cert::short_name)
            .collect::<Vec<_>>()
            .join(", "),
        n => tr!(
            "pki-ca-file-holds-many",
            count = n,
            names = anchors[..3]
                .iter()
                .map(Cert::short_name)
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// The validity window of every certificate on the path at the evaluation time: expired, not
/// yet valid, or expiring within the warning window.
pub(super) fn check_validity(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    let now = ctx.opts.now;
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node);
        if now > c.info.not_after {
            expired(ctx, c, pos, role);
        } else if now < c.info.not_before {
            not_yet_valid(ctx, c, pos, role);
        } else if c.info.days_remaining < ctx.opts.warn_days {
            expiring_soon(ctx, c, pos);
        }
    }
}

/// `cert.expired`, `cert.ca_expired` or `cert.intermediate_expired`, by the certificate's role:
/// the clients that refuse an expired trust anchor are not those that refuse an expired leaf.
fn expired(ctx: &mut Ctx<'_>, c: &Cert, pos: usize, role: Role) {
    let when = rfc3339(ctx.opts.now);
    let name = c.short_name();
    let days = -c.info.days_remaining;
    let not_after = rfc3339(c.info.not_after);
    let (code, condition, message, hint) = match role {
        Role::Leaf => (
            Code::CertExpired,
            Condition::LeafExpired,
            tr!(
                "pki-leaf-expired",
                name = name,
                not_after = not_after,
                days = days,
                when = when,
            ),
            tr!("pki-leaf-expired-hint"),
        ),
        Role::Anchor => (
            Code::CertCaExpired,
            Condition::AnchorExpired,
            tr!(
                "pki-anchor-expired",
                name = name,
                not_after = not_after,
                days = days,
                when = when,
            ),
            tr!("pki-anchor-expired-hint"),
        ),
        Role::Intermediate | Role::Untrusted => (
            Code::CertIntermediateExpired,
            Condition::IntermediateExpired,
            tr!(
                "pki-intermediate-expired",
                name = name,
                not_after = not_after,
                days = days,
                when = when,
            ),
            tr!("pki-intermediate-expired-hint"),
        ),
    };
    ctx.client_finding(code, condition, Some(pos), message, hint);
}

/// `cert.not_yet_valid`: notBefore is after the evaluation time (judged as an anchor's when the
/// certificate is the trust anchor).
fn not_yet_valid(ctx: &mut Ctx<'_>, c: &Cert, pos: usize, role: Role) {
    let when = rfc3339(ctx.opts.now);
    let condition = if role == Role::Anchor {
        Condition::AnchorNotYetValid
    } else {
        Condition::NotYetValid
    };
    let name = c.short_name();
    ctx.client_finding(
        Code::CertNotYetValid,
        condition,
        Some(pos),
        tr!(
            "pki-not-yet-valid",
            name = name,
            not_before = rfc3339(c.info.not_before),
            when = when,
        ),
        tr!("pki-not-yet-valid-hint"),
    );
}

/// `cert.expiring_soon` (warn): notAfter falls within the warning window.
fn expiring_soon(ctx: &mut Ctx<'_>, c: &Cert, pos: usize) {
    let name = c.short_name();
    let f = Finding::new(
        Code::CertExpiringSoon,
        Severity::Warn,
        tr!(
            "pki-expiring-soon",
            name = name,
            not_after = rfc3339(c.info.not_after),
            days = c.info.days_remaining,
            warn_days = ctx.opts.warn_days,
        ),
        tr!("pki-expiring-soon-hint"),
    )
    .with_certificate(pos);
    ctx.push(f);
}

/// Key strength and signature hash of every certificate on the path (critical extensions are
/// judged in `rules`).
pub(super) fn check_keys_and_signatures(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node);
        weak_ec_key(ctx, c, pos);
        weak_rsa_key(ctx, c, pos);
        // A trust anchor's (or an untrusted root's) own signature is never checked by clients.
        let signature_checked = matches!(role, Role::Leaf | Role::Intermediate)
            && !(role == Role::Leaf && matches!(node, Node::Ca(_)));
        if signature_checked {
            weak_signature_hash(ctx, c, pos);
        }
    }
}

/// `cert.weak_key`: an EC key on a curve below 224 bits.
fn weak_ec_key(ctx: &mut Ctx<'_>, c: &Cert, pos: usize) {
    if c.info.key.algorithm == "EC" && c.info.key.bits.is_some_and(|b| b < 224) {
        ctx.client_finding(
            Code::CertWeakKey,
            Condition::EcKeyBelow224,
            Some(pos),
            tr!(
                "pki-weak-ec-key",
                name = c.short_name(),
                curve = c
                    .info
                    .key
                    .curve
                    .clone()
                    .unwrap_or_else(|| tr!("pki-curve-unknown")),
                bits = c.info.key.bits.unwrap_or(0).to_string(),
            ),
            tr!("pki-weak-ec-key-hint"),
        );
    }
}

/// `cert.weak_key`: an RSA key below 2048 bits (below 1024, every client refuses it).
fn weak_rsa_key(ctx: &mut Ctx<'_>, c: &Cert, pos: usize) {
    let Some(bits) = c.info.key.bits.filter(|_| c.info.key.algorithm == "RSA") else {
        return;
    };
    let condition = if bits < 1024 {
        Condition::RsaKeyBelow1024
    } else if bits < 2048 {
        Condition::RsaKeyBelow2048
    } else {
        return;
    };
    ctx.client_finding(
        Code::CertWeakKey,
        condition,
        Some(pos),
        tr!(
            "pki-weak-rsa-key",
            name = c.short_name(),
            bits = bits.to_string(),
        ),
        tr!("pki-weak-rsa-key-hint"),
    );
}

/// `cert.weak_signature`: signed with SHA-1 or MD5 (only where clients check the signature).
fn weak_signature_hash(ctx: &mut Ctx<'_>, c: &Cert, pos: usize) {
    let condition = match c.info.signature_hash {
        SignatureHash::Sha1 => Condition::Sha1Signature,
        SignatureHash::Md5 => Condition::Md5Signature,
        _ => return,
    };
    ctx.client_finding(
        Code::CertWeakSignature,
        condition,
        Some(pos),
        tr!(
            "pki-weak-signature",
            name = c.short_name(),
            algorithm = c.info.signature_algorithm.as_str(),
        ),
        tr!("pki-weak-signature-hint"),
    );
}

/// What the leaf and intermediates may be used for: an extended key usage without serverAuth,
/// and a CA certificate presented as the server's own.
pub(super) fn check_leaf_usage(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role], pinned: bool) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node);
        if let Some(eku) = &c.info.extended_key_usage {
            if !eku.iter().any(|u| u == "server_auth" || u == "any") {
                let (name, usages) = (c.short_name(), eku.join(", "));
                let (condition, message) = match role {
                    _ if pos == 0 && eku.is_empty() => (
                        Condition::EmptyEku,
                        tr!("pki-rfc5280-empty-eku", name = name),
                    ),
                    _ if pos == 0 => (
                        Condition::EkuWithoutServerAuth,
                        tr!("pki-leaf-bad-eku", name = name, usages = usages),
                    ),
                    Role::Anchor => (
                        Condition::AnchorEkuWithoutServerAuth,
                        tr!("pki-rfc5280-anchor-bad-eku", name = name, usages = usages),
                    ),
                    _ => (
                        Condition::IntermediateEkuWithoutServerAuth,
                        tr!("pki-intermediate-bad-eku", name = name, usages = usages),
                    ),
                };
                ctx.client_finding(
                    Code::CertBadEku,
                    condition,
                    Some(pos),
                    message,
                    tr!("pki-bad-eku-hint"),
                );
            }
        }
        if pos == 0 && c.info.is_ca && !pinned {
            ctx.client_finding(
                Code::CertCaAsLeaf,
                Condition::CaAsLeaf,
                Some(0),
                tr!("pki-ca-as-leaf", name = c.short_name()),
                tr!("pki-ca-as-leaf-hint"),
            );
        }
    }
}

/// `cert.unused_certificate` (info): presented certificates that are not on the path.
pub(super) fn check_unused(ctx: &mut Ctx<'_>, nodes: &[Node], leaf: usize) {
    for i in 0..ctx.presented.len() {
        if nodes.contains(&Node::Chain(i)) {
            continue;
        }
        let c = ctx.presented[i].clone();
        let in_ca = ctx.anchors.iter().any(|a| a.der == c.der);
        let pinned_leaf = matches!(nodes.first(), Some(Node::Ca(_))) && i == leaf;
        if pinned_leaf {
            continue;
        }
        let (index, name) = (i.to_string(), c.short_name());
        let message = if in_ca {
            tr!("pki-unused-in-ca-file", index = index, name = name)
        } else {
            tr!("pki-unused-off-path", index = index, name = name)
        };
        ctx.push(Finding::new(
            Code::CertUnusedCertificate,
            Severity::Info,
            message,
            tr!("pki-unused-hint"),
        ));
    }
}

/// Verification scenarios shared by the unit tests of `verify`'s files.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(super) mod test_support {
    use super::super::{parse_host, verify_chain, ChainVerification, VerifyOptions};
    use crate::findings::{Code, Finding, Severity};
    use crate::pki::inspect::test_certs::{now, parsed, Made};

    /// Every client family, as `rejected_by` lists them.
    pub(crate) const EVERY_CLIENT: [&str; 5] = ["openssl", "node", "rustls", "go", "java"];

    /// Verifies the presented `chain` against the CA file `ca` at [`now`], with a 30-day
    /// warning window, for `host` when given.
    pub(crate) fn verify(ca: &[&Made], chain: &[&Made], host: Option<&str>) -> ChainVerification {
        let opts = VerifyOptions {
            host: host.map(|h| parse_host(h).unwrap()),
            now: now(),
            warn_days: 30,
            hostnames_waived: false,
            strict: false,
        };
        verify_chain(&parsed(ca), &parsed(chain), &opts)
    }

    /// [`verify`] with `--strict`: the conformance lint's findings fail.
    pub(crate) fn verify_strict(
        ca: &[&Made],
        chain: &[&Made],
        host: Option<&str>,
    ) -> ChainVerification {
        let opts = VerifyOptions {
            host: host.map(|h| parse_host(h).unwrap()),
            now: now(),
            warn_days: 30,
            hostnames_waived: false,
            strict: true,
        };
        verify_chain(&parsed(ca), &parsed(chain), &opts)
    }

    /// The one finding with `code`, checked to have `severity` and to be about the certificate
    /// at path position `certificate`; fails, showing every finding, otherwise.
    pub(crate) fn the(
        v: &ChainVerification,
        code: Code,
        severity: Severity,
        certificate: Option<usize>,
    ) -> &Finding {
        let found: Vec<&Finding> = v.findings.iter().filter(|f| f.code == code).collect();
        assert_eq!(found.len(), 1, "one {code} expected in {:#?}", v.findings);
        assert_eq!(
            (found[0].severity, found[0].certificate),
            (severity, certificate),
            "{code}"
        );
        found[0]
    }

    /// Fails, showing `message`, unless it contains each of `parts`.
    pub(crate) fn mentions(message: &str, parts: &[&str]) {
        for part in parts {
            assert!(message.contains(part), "{part:?} missing from: {message}");
        }
    }

    /// `(code, severity)` of every finding, in order.
    pub(crate) fn summary(v: &ChainVerification) -> Vec<(Code, Severity)> {
        v.findings.iter().map(|f| (f.code, f.severity)).collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::test_support::{mentions, summary, the, verify, EVERY_CLIENT};
    use crate::findings::{ClientAction, Code, Severity};
    use crate::pki::inspect::test_certs::{ca, hierarchy, leaf, server};

    #[test]
    fn an_expired_leaf_fails_for_every_client() {
        let h = hierarchy();
        let expired = server(&h.intermediate).valid_days(-400, -10).make();
        let v = verify(&[&h.root], &[&expired, &h.intermediate], None);
        assert!(v.trusted, "an expired leaf still has a path");
        let f = the(&v, Code::CertExpired, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &[
                "the server's certificate \"db.example.com\" expired on 2030-05-22T00:00:00Z",
                "(10 days before 2030-06-01T00:00:00Z)",
            ],
        );
        assert_eq!(f.rejected_by.as_deref(), Some(&EVERY_CLIENT[..]));
    }

    #[test]
    fn an_expired_root_in_the_ca_file_fails_openssl_but_not_rustls() {
        let root = ca("Test Root").valid_days(-4000, -1).make();
        let intermediate = ca("Test Intermediate").issued_by(&root).make();
        let leaf = server(&intermediate).make();
        let v = verify(&[&root], &[&leaf, &intermediate], Some("db.example.com"));
        assert!(v.trusted);
        assert_eq!(summary(&v), [(Code::CertCaExpired, Severity::Fail)]);
        // The anchor is third on the path.
        let f = the(&v, Code::CertCaExpired, Severity::Fail, Some(2));
        mentions(
            &f.message,
            &["the CA certificate this chain is trusted through \"Test Root\" expired on"],
        );
        let clients = f.clients.unwrap();
        assert_eq!(clients.openssl, ClientAction::Reject);
        assert_eq!(clients.rustls, ClientAction::Accept);
        assert!(
            v.rustls_webpki.chain_accepted,
            "webpki does not check the anchor's validity"
        );
    }

    #[test]
    fn a_missing_intermediate_names_the_issuer() {
        let h = hierarchy();
        let v = verify(&[&h.root], &[&h.leaf], None);
        assert!(!v.trusted);
        let f = the(&v, Code::CertUnknownIssuer, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &[
                "the server sent only its own certificate \"db.example.com\"; its issuer \"CN=Test Intermediate\"",
                "(the CA file holds \"Test Root\")",
            ],
        );
        assert_eq!(f.rejected_by.as_deref(), Some(&EVERY_CLIENT[..]));
    }

    #[test]
    fn a_chain_that_stops_short_of_the_ca_file_names_the_missing_issuer() {
        let h = hierarchy();
        let other = ca("Other Root").make();
        let v = verify(&[&other], &[&h.leaf, &h.intermediate], None);
        assert!(!v.trusted);
        // The intermediate is where the path stops.
        let f = the(&v, Code::CertUnknownIssuer, Severity::Fail, Some(1));
        mentions(
            &f.message,
            &[
                "the chain ends at \"Test Intermediate\", issued by \"CN=Test Root\"",
                "(the CA file holds \"Other Root\")",
            ],
        );
    }

    #[test]
    fn a_ca_file_of_another_instance_is_named_as_such() {
        let h = hierarchy();
        // Same name as the intermediate, another key.
        let other_instance = ca("Test Intermediate").issued_by(&h.root).make();
        let v = verify(&[&other_instance], &[&h.leaf], None);
        assert!(!v.trusted);
        let f = the(&v, Code::CertUnknownIssuer, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &[
                "\"db.example.com\" was issued by \"CN=Test Intermediate\" (authority key id ",
                "the CA file holds a certificate with that name whose key does not verify it",
                "it is a CA of another instance",
            ],
        );
    }

    #[test]
    fn an_issuer_whose_key_does_not_verify_despite_its_key_id_is_a_bad_signature() {
        let root = ca("Test Root").make();
        let leaf = server(&root).make();
        // Same name and subject key identifier as the real root, another key.
        let forged = ca("Test Root").key_id(root.cert.key_identifier()).make();
        let v = verify(&[&forged], &[&leaf], None);
        assert!(!v.trusted);
        let f = the(&v, Code::CertBadSignature, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["the signature of \"db.example.com\" does not verify with the key of its issuer \"Test Root\""],
        );
        assert!(
            !v.findings.iter().any(|f| f.code == Code::CertUnknownIssuer),
            "{:#?}",
            v.findings
        );
    }

    #[test]
    fn a_self_signed_leaf_not_in_the_ca_file_fails() {
        let root = ca("Test Root").make();
        let own = leaf("db.example.com", &["db.example.com"]).make();
        let v = verify(&[&root], &[&own], None);
        assert!(!v.trusted);
        let f = the(&v, Code::CertSelfSigned, Severity::Fail, Some(0));
        assert_eq!(
            f.message,
            "the server's certificate \"db.example.com\" is self-signed and the CA file does not hold it (the CA file holds \"Test Root\")"
        );
        assert_eq!(f.rejected_by.as_deref(), Some(&EVERY_CLIENT[..]));
    }

    #[test]
    fn a_self_signed_leaf_pinned_in_the_ca_file_is_trusted_with_a_warning() {
        let own = leaf("db.example.com", &["db.example.com"]).make();
        let v = verify(&[&own], &[&own], None);
        assert!(v.trusted);
        let f = the(&v, Code::CertSelfSigned, Severity::Warn, Some(0));
        assert!(f.clients.is_none());
        mentions(
            &f.message,
            &["the server's certificate \"db.example.com\" is trusted only because the CA file holds this exact certificate (pinned)"],
        );
    }

    #[test]
    fn a_chain_ending_at_a_root_the_ca_file_does_not_hold_names_its_fingerprint() {
        let root = ca("Test Root").make();
        let leaf = server(&root).make();
        let other = ca("Other Root").make();
        let v = verify(&[&other], &[&leaf, &root], None);
        assert!(!v.trusted);
        let f = the(&v, Code::CertUnknownIssuer, Severity::Fail, Some(1));
        let fingerprint = root.parsed().info.sha256_fingerprint;
        mentions(
            &f.message,
            &[&format!(
                "the server's chain ends at the root \"Test Root\" (SHA-256 {fingerprint}), which the CA file does not hold (the CA file holds \"Other Root\")"
            )],
        );
    }

    #[test]
    fn an_intermediate_expiring_inside_the_warning_window_warns() {
        let root = ca("Test Root").make();
        let intermediate = ca("Test Intermediate")
            .issued_by(&root)
            .valid_days(-30, 12)
            .make();
        let leaf = server(&intermediate).make();
        let v = verify(&[&root], &[&leaf, &intermediate], None);
        let f = the(&v, Code::CertExpiringSoon, Severity::Warn, Some(1));
        mentions(&f.message, &["(12 days left, warning window 30 days)"]);
    }
}
