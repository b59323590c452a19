//! Judging every certificate on the path: chain order, trust (and why it is missing),
//! validity, key strength and signature hash, extended key usage, CA-as-leaf, and presented
//! certificates that are not on the path. Each problem is a finding with the client families
//! that refuse it.

use super::{Ctx, Node, Role, Stop};
use crate::dates::rfc3339;
use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::Condition;
use crate::pki::inspect::{Cert, SignatureHash};

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
            format!(
                "the chain was not sent leaf first then each issuer in turn; the path uses the presented certificates in the order {order}"
            ),
            "TLS 1.2 (RFC 5246) requires that order; current clients tolerate others, but put the server's certificate first, then its issuers, in the server's PEM file",
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
    let top = ctx.cert(top_node).clone();
    match stop {
        Stop::Anchored if pinned => pinned_leaf(ctx, &top),
        Stop::Anchored => {}
        Stop::SelfSigned if top_pos == 0 => self_signed_leaf(ctx, &top),
        Stop::SelfSigned => root_not_in_ca_file(ctx, &top, top_pos),
        Stop::NameOnly {
            different_key,
            bad_signature,
        } => {
            if let Some(&n) = bad_signature.first() {
                signature_does_not_verify(ctx, &top, top_pos, n);
            } else if let Some(&n) = different_key.first() {
                issuer_with_another_key(ctx, &top, top_pos, n);
            }
        }
        Stop::NoIssuer | Stop::TooLong => issuer_not_found(ctx, &top, top_pos),
    }
}

/// `cert.self_signed` (warn): the server's certificate is trusted only because the CA file
/// holds that exact certificate.
fn pinned_leaf(ctx: &mut Ctx<'_>, leaf: &Cert) {
    let f = Finding::new(
        Code::CertSelfSigned,
        Severity::Warn,
        format!(
            "the server's certificate {} is trusted only because the CA file holds this exact certificate (pinned), not through a CA",
            leaf.short_name()
        ),
        "pinning works until the certificate is renewed; prefer a CA-issued certificate and put the CA in the CA file",
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
        format!(
            "the server's certificate {} is self-signed and the CA file does not hold it (the CA file holds {held})",
            leaf.short_name()
        ),
        "issue the server certificate from a CA and put that CA in the CA file, or (for a test setup only) put this exact certificate in the CA file",
    );
}

/// `cert.unknown_issuer`: the chain ends at a self-signed root the CA file does not hold.
fn root_not_in_ca_file(ctx: &mut Ctx<'_>, root: &Cert, pos: usize) {
    let held = ca_file_summary(ctx.anchors);
    ctx.client_finding(
        Code::CertUnknownIssuer,
        Condition::UnknownIssuer,
        Some(pos),
        format!(
            "the server's chain ends at the root {} (SHA-256 {}), which the CA file does not hold (the CA file holds {held}): the CA file looks like the wrong one",
            root.short_name(),
            root.info.sha256_fingerprint
        ),
        "download the CA certificate again from the console of this instance (the one the server's chain ends at), and pass that file",
    );
}

/// `cert.bad_signature`: the issuer has the right name and key identifier, but its key does
/// not verify the signature of the certificate at `pos`.
fn signature_does_not_verify(ctx: &mut Ctx<'_>, top: &Cert, pos: usize, issuer: Node) {
    let issuer = ctx.cert(issuer).clone();
    ctx.client_finding(
        Code::CertBadSignature,
        Condition::BadSignature,
        Some(pos),
        format!(
            "the signature of {} does not verify with the key of its issuer {} (same name, matching key identifier): the certificate was altered or mis-issued",
            top.short_name(),
            issuer.short_name()
        ),
        "re-issue the certificate from the CA; a certificate whose signature does not verify is never accepted",
    );
}

/// `cert.unknown_issuer`: a certificate has the issuer's name but another key (a CA of
/// another instance, or from before a renewal).
fn issuer_with_another_key(ctx: &mut Ctx<'_>, top: &Cert, pos: usize, other: Node) {
    let where_ = match other {
        Node::Ca(_) => "the CA file",
        Node::Chain(_) => "the presented chain",
    };
    let other = ctx.cert(other).clone();
    ctx.client_finding(
        Code::CertUnknownIssuer,
        Condition::UnknownIssuer,
        Some(pos),
        format!(
            "{} was issued by \"{}\" (authority key id {}), and {where_} holds a certificate with that name whose key does not verify it (subject key id {}): it is a CA of another instance, or from before a certificate renewal",
            top.short_name(),
            top.info.issuer,
            top.info.authority_key_id.as_deref().unwrap_or("absent"),
            other.info.subject_key_id.as_deref().unwrap_or("absent"),
        ),
        "download the CA certificate again from the console of this instance and pass the new file",
    );
}

/// `cert.unknown_issuer`: nothing holds even the issuer's name (or the path is absurdly long):
/// an incomplete chain (the server sent only its own certificate) or the wrong CA file.
fn issuer_not_found(ctx: &mut Ctx<'_>, top: &Cert, pos: usize) {
    let held = ca_file_summary(ctx.anchors);
    let aia = if top.info.ca_issuers_urls.is_empty() {
        String::new()
    } else {
        format!(
            "; the certificate says its issuer can be downloaded from {}",
            top.info.ca_issuers_urls.join(", ")
        )
    };
    let needed = format!(
        "\"{}\" (authority key id {})",
        top.info.issuer,
        top.info.authority_key_id.as_deref().unwrap_or("absent")
    );
    let (message, hint) = if pos == 0 && ctx.presented.len() == 1 {
        (
            format!(
                "the server sent only its own certificate {}; its issuer {needed} is not in the CA file (the CA file holds {held}){aia}. Either the server's chain is incomplete (it should also send that intermediate CA), or the CA file is not the one that issued this certificate",
                top.short_name()
            ),
            "if the issuer is an intermediate CA, configure the server to send it after its own certificate (or add it to the CA file); otherwise download the CA certificate of this instance again",
        )
    } else {
        (
            format!(
                "the chain ends at {}, issued by {needed}, which the CA file does not hold (the CA file holds {held}){aia}: the CA file looks like the wrong one, or the server's chain is missing a further intermediate",
                top.short_name()
            ),
            "download the CA certificate of this instance again and pass it with --ca; if it is the right one, the server must also send the missing intermediate",
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

/// "A, B" or "7 certificates, e.g. A, B, C": what the CA file holds, for messages.
fn ca_file_summary(anchors: &[Cert]) -> String {
    match anchors.len() {
        0 => "no certificate".into(),
        1..=4 => anchors
            .iter()
            .map(Cert::short_name)
            .collect::<Vec<_>>()
            .join(", "),
        n => format!(
            "{n} certificates, e.g. {}",
            anchors[..3]
                .iter()
                .map(Cert::short_name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The validity window of every certificate on the path at the evaluation time: expired, not
/// yet valid, or expiring within the warning window.
pub(super) fn check_validity(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    let now = ctx.opts.now;
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node).clone();
        if now > c.info.not_after {
            expired(ctx, &c, pos, role);
        } else if now < c.info.not_before {
            not_yet_valid(ctx, &c, pos, role);
        } else if c.info.days_remaining < ctx.opts.warn_days {
            expiring_soon(ctx, &c, pos);
        }
    }
}

/// `cert.expired`, `cert.ca_expired` or `cert.intermediate_expired`, by the certificate's role:
/// the clients that refuse an expired trust anchor are not those that refuse an expired leaf.
fn expired(ctx: &mut Ctx<'_>, c: &Cert, pos: usize, role: Role) {
    let when = rfc3339(ctx.opts.now);
    let name = c.short_name();
    let days = -c.info.days_remaining;
    let (code, condition, what, hint) = match role {
        Role::Leaf => (
            Code::CertExpired,
            Condition::LeafExpired,
            "the server's certificate",
            "renew the server certificate (on a managed console: \"Update certificate\"), then download the new CA certificate",
        ),
        Role::Anchor => (
            Code::CertCaExpired,
            Condition::AnchorExpired,
            "the CA certificate this chain is trusted through",
            "download the current CA certificate from the console; if the CA itself expired, renew the server certificate so that it is issued by a current CA",
        ),
        Role::Intermediate | Role::Untrusted => (
            Code::CertIntermediateExpired,
            Condition::IntermediateExpired,
            "the intermediate CA certificate",
            "the server must send a current intermediate: renew the server certificate or update the intermediate in the server's PEM file",
        ),
    };
    ctx.client_finding(
        code,
        condition,
        Some(pos),
        format!(
            "{what} {name} expired on {} ({days} days before {when})",
            rfc3339(c.info.not_after)
        ),
        hint,
    );
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
        format!(
            "{name} is not valid before {} (evaluated at {when})",
            rfc3339(c.info.not_before)
        ),
        "check the clock of the machine that issued the certificate and of this machine; a certificate issued with a future start date is refused until then",
    );
}

/// `cert.expiring_soon` (warn): notAfter falls within the warning window.
fn expiring_soon(ctx: &mut Ctx<'_>, c: &Cert, pos: usize) {
    let name = c.short_name();
    let f = Finding::new(
        Code::CertExpiringSoon,
        Severity::Warn,
        format!(
            "{name} expires on {} ({} days left, warning window {} days)",
            rfc3339(c.info.not_after),
            c.info.days_remaining,
            ctx.opts.warn_days
        ),
        "renew before it expires (a managed console can renew before expiry: \"Update certificate\"), then download the new CA certificate",
    )
    .with_certificate(pos);
    ctx.push(f);
}

/// Key strength, OpenSSL-unhandled critical extensions and signature hash of every certificate
/// on the path.
pub(super) fn check_keys_and_signatures(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role]) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        let c = ctx.cert(node).clone();
        weak_ec_key(ctx, &c, pos);
        unhandled_critical_extensions(ctx, &c, pos);
        weak_rsa_key(ctx, &c, pos);
        // A trust anchor's (or an untrusted root's) own signature is never checked by clients.
        let signature_checked = matches!(role, Role::Leaf | Role::Intermediate)
            && !(role == Role::Leaf && matches!(node, Node::Ca(_)));
        if signature_checked {
            weak_signature_hash(ctx, &c, pos);
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
            format!(
                "{} has an EC key on {} ({} bits)",
                c.short_name(),
                c.info.key.curve.as_deref().unwrap_or("an unknown curve"),
                c.info.key.bits.unwrap_or(0)
            ),
            "re-issue it with an ECDSA P-256 (or RSA 2048+) key",
        );
    }
}

/// `cert.unhandled_critical_extension`: critical extensions OpenSSL does not handle, so
/// OpenSSL-based clients refuse the whole chain.
fn unhandled_critical_extensions(ctx: &mut Ctx<'_>, c: &Cert, pos: usize) {
    if !c.info.unhandled_critical_extensions.is_empty() {
        ctx.client_finding(
            Code::CertUnhandledCriticalExtension,
            Condition::UnhandledCriticalExtension,
            Some(pos),
            format!(
                "{} marks extension(s) {} critical, which OpenSSL does not handle: OpenSSL-based clients refuse the whole chain",
                c.short_name(),
                c.info.unhandled_critical_extensions.join(", ")
            ),
            "re-issue the certificate without marking those extensions critical",
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
        format!("{} has a {bits}-bit RSA key", c.short_name()),
        "re-issue it with an RSA key of at least 2048 bits or an ECDSA P-256 key",
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
        format!(
            "{} is signed with {}",
            c.short_name(),
            c.info.signature_algorithm
        ),
        "re-issue it with a SHA-256 (or stronger) signature",
    );
}

/// What the leaf and intermediates may be used for: an extended key usage without serverAuth,
/// and a CA certificate presented as the server's own.
pub(super) fn check_leaf_usage(ctx: &mut Ctx<'_>, nodes: &[Node], roles: &[Role], pinned: bool) {
    for (pos, (&node, &role)) in nodes.iter().zip(roles).enumerate() {
        if !matches!(role, Role::Leaf | Role::Intermediate) {
            continue;
        }
        let c = ctx.cert(node).clone();
        if let Some(eku) = &c.info.extended_key_usage {
            if !eku.iter().any(|u| u == "server_auth" || u == "any") {
                let what = if pos == 0 {
                    "the server's certificate"
                } else {
                    "the intermediate CA"
                };
                ctx.client_finding(
                    Code::CertBadEku,
                    Condition::EkuWithoutServerAuth,
                    Some(pos),
                    format!(
                        "{what} {} restricts its use to [{}], without TLS server authentication (serverAuth)",
                        c.short_name(),
                        eku.join(", ")
                    ),
                    "re-issue it with extendedKeyUsage serverAuth (MongoDB members that also authenticate to each other need serverAuth and clientAuth)",
                );
            }
        }
        if pos == 0 && c.info.is_ca && !pinned {
            ctx.client_finding(
                Code::CertCaAsLeaf,
                Condition::CaAsLeaf,
                Some(0),
                format!(
                    "the server presents a CA certificate ({} has basicConstraints CA:TRUE) as its own certificate",
                    c.short_name()
                ),
                "issue a server certificate (CA:FALSE) from that CA and configure the server with it",
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
        let message = if in_ca {
            format!(
                "presented certificate #{i} {} is also in the CA file; the copy from the CA file is used",
                c.short_name()
            )
        } else {
            format!(
                "presented certificate #{i} {} is not on the path from the server's certificate to the CA file",
                c.short_name()
            )
        };
        ctx.push(Finding::new(
            Code::CertUnusedCertificate,
            Severity::Info,
            message,
            "harmless, but the server's PEM file should hold only its certificate and the intermediates up to the CA",
        ));
    }
}
