//! Building the path from the server's certificate to the CA file: which presented
//! certificate is the leaf, a greedy walk whose dead end is the one explained to the user,
//! then a bounded backtracking search over every issuer candidate (cross-signed and duplicate
//! intermediates), as rustls-webpki and OpenSSL do.

use super::{Ctx, Node, Role, Stop, MAX_PATH_LEN};
use crate::pki::inspect::{Cert, SignatureCheck};

/// The leaf is the first certificate unless the first one issued another presented
/// certificate, in which case it is the one that issued nothing (a chain sent in reverse).
pub(super) fn choose_leaf(presented: &[Cert]) -> usize {
    let issues_another = |i: usize| {
        presented
            .iter()
            .enumerate()
            .any(|(j, c)| j != i && c.names_issuer(&presented[i]))
    };
    if !issues_another(0) {
        return 0;
    }
    (0..presented.len())
        .find(|&i| !issues_another(i) && !presented[i].info.is_ca)
        .or_else(|| (0..presented.len()).find(|&i| !issues_another(i)))
        .unwrap_or(0)
}

/// Builds the path from the leaf towards the CA file.
///
/// First a greedy walk (the best-looking issuer at each step), whose dead end, if any, is the
/// one explained to the user; then, if it did not reach the CA file, a bounded backtracking
/// search over every issuer candidate (cross-signed intermediates, stale duplicates), as
/// rustls-webpki and OpenSSL do.
pub(super) fn build_path(ctx: &Ctx<'_>, leaf: usize) -> (Vec<Node>, Stop) {
    let leaf_cert = &ctx.presented[leaf];
    // A leaf that is itself in the CA file is trusted directly (a pinned certificate).
    if let Some(j) = ctx.anchors.iter().position(|a| a.der == leaf_cert.der) {
        return (vec![Node::Ca(j)], Stop::Anchored);
    }
    let greedy = greedy_path(ctx, leaf);
    if matches!(greedy.1, Stop::Anchored) {
        return greedy;
    }
    let mut budget = MAX_SEARCH_STEPS;
    let mut path = vec![Node::Chain(leaf)];
    if search(ctx, &mut path, &mut budget) {
        return (path, Stop::Anchored);
    }
    greedy
}

/// Upper bound on issuer candidates tried by [`search`]; a pathological chain cannot make
/// verification slow.
const MAX_SEARCH_STEPS: usize = 200;

/// Issuer candidates of `current` not yet on `path`, each with its signature check and key
/// identifier relation, CA-file certificates first.
fn issuer_candidates(
    ctx: &Ctx<'_>,
    current: Node,
    path: &[Node],
) -> Vec<(Node, SignatureCheck, Option<bool>)> {
    let cur = ctx.cert(current);
    (0..ctx.anchors.len())
        .map(Node::Ca)
        .chain((0..ctx.presented.len()).map(Node::Chain))
        .filter(|&n| n != current && !path.contains(&n))
        .filter(|&n| cur.names_issuer(ctx.cert(n)))
        // A presented copy of a CA-file certificate adds nothing: the anchor wins.
        .filter(|&n| match n {
            Node::Chain(i) => !ctx.anchors.iter().any(|a| a.der == ctx.presented[i].der),
            Node::Ca(_) => true,
        })
        .map(|n| {
            let issuer = ctx.cert(n);
            (n, cur.signature_check(issuer), cur.key_id_matches(issuer))
        })
        .collect()
}

/// A candidate is usable when its key verifies the signature, or when the algorithm cannot be
/// checked here (reported separately as a weak signature) and the key identifiers agree.
fn usable(check: &(Node, SignatureCheck, Option<bool>)) -> bool {
    match check.1 {
        SignatureCheck::Valid => true,
        SignatureCheck::Unsupported => check.2 != Some(false),
        SignatureCheck::Invalid => false,
    }
}

fn greedy_path(ctx: &Ctx<'_>, leaf: usize) -> (Vec<Node>, Stop) {
    let mut path = vec![Node::Chain(leaf)];
    loop {
        if path.len() >= MAX_PATH_LEN {
            return (path, Stop::TooLong);
        }
        let Some(&current) = path.last() else {
            return (path, Stop::NoIssuer);
        };
        let checks = issuer_candidates(ctx, current, &path);
        let next = checks
            .iter()
            .find(|c| c.1 == SignatureCheck::Valid)
            .or_else(|| checks.iter().find(|c| usable(c)))
            .map(|c| c.0);
        match next {
            Some(n @ Node::Ca(_)) => {
                path.push(n);
                return (path, Stop::Anchored);
            }
            Some(n) => path.push(n),
            None if ctx.cert(current).is_self_signed() => return (path, Stop::SelfSigned),
            None if checks.is_empty() => return (path, Stop::NoIssuer),
            None => {
                // Same name, matching key identifier, signature does not verify: forged or
                // corrupted. Anything else with only the name is another key.
                let bad_signature = checks
                    .iter()
                    .filter(|c| c.1 == SignatureCheck::Invalid && c.2 == Some(true))
                    .map(|c| c.0)
                    .collect();
                let different_key = checks
                    .iter()
                    .filter(|c| !(c.1 == SignatureCheck::Invalid && c.2 == Some(true)))
                    .map(|c| c.0)
                    .collect();
                return (
                    path,
                    Stop::NameOnly {
                        different_key,
                        bad_signature,
                    },
                );
            }
        }
    }
}

/// Depth-first search for any path that ends at the CA file; leaves it in `path`.
fn search(ctx: &Ctx<'_>, path: &mut Vec<Node>, budget: &mut usize) -> bool {
    if path.len() >= MAX_PATH_LEN {
        return false;
    }
    let Some(&current) = path.last() else {
        return false;
    };
    for check in issuer_candidates(ctx, current, path) {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        if !usable(&check) {
            continue;
        }
        path.push(check.0);
        if matches!(check.0, Node::Ca(_)) || search(ctx, path, budget) {
            return true;
        }
        path.pop();
    }
    false
}

pub(super) fn roles(nodes: &[Node], trusted: bool) -> Vec<Role> {
    let last = nodes.len().saturating_sub(1);
    nodes
        .iter()
        .enumerate()
        .map(|(pos, node)| match (pos, node) {
            // A pinned leaf (the CA file holds the server's own certificate) is still the leaf.
            (0, _) => Role::Leaf,
            (_, Node::Ca(_)) if pos == last && trusted => Role::Anchor,
            (p, _) if p == last && !trusted => Role::Untrusted,
            _ => Role::Intermediate,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::checks::test_support::{summary, the, verify};
    use super::super::{ChainVerification, PathSource, Role};
    use crate::findings::{Code, Severity};
    use crate::pki::inspect::test_certs::hierarchy;

    /// Role, list and index of each certificate on the path, leaf first.
    fn places(v: &ChainVerification) -> Vec<(Role, PathSource, usize)> {
        v.path.iter().map(|e| (e.role, e.source, e.index)).collect()
    }

    #[test]
    fn leaf_intermediate_root_is_a_trusted_path_without_findings() {
        let h = hierarchy();
        let v = verify(
            &[&h.root],
            &[&h.leaf, &h.intermediate],
            Some("db.example.com"),
        );
        assert!(v.trusted);
        assert_eq!(
            places(&v),
            [
                (Role::Leaf, PathSource::Chain, 0),
                (Role::Intermediate, PathSource::Chain, 1),
                (Role::Anchor, PathSource::Ca, 0)
            ]
        );
        assert_eq!(v.path[2].subject, "CN=Test Root");
        assert_eq!(v.path[0].issuer, "CN=Test Intermediate");
        assert!(v.findings.is_empty(), "{:#?}", v.findings);
        assert!(v.rustls_webpki.chain_accepted);
        assert_eq!(v.rustls_webpki.name_accepted, Some(true));
        assert_eq!(v.rustls_webpki.error, None);
    }

    #[test]
    fn a_chain_sent_in_reverse_is_still_trusted_and_its_order_noted() {
        let h = hierarchy();
        let v = verify(
            &[&h.root],
            &[&h.intermediate, &h.leaf],
            Some("db.example.com"),
        );
        assert!(v.trusted);
        assert_eq!(
            places(&v),
            [
                (Role::Leaf, PathSource::Chain, 1),
                (Role::Intermediate, PathSource::Chain, 0),
                (Role::Anchor, PathSource::Ca, 0)
            ]
        );
        assert_eq!(summary(&v), [(Code::CertChainOrder, Severity::Info)]);
        let f = the(&v, Code::CertChainOrder, Severity::Info, None);
        assert!(f.message.ends_with("in the order #1 → #0"), "{}", f.message);
        assert!(v.rustls_webpki.chain_accepted);
    }

    #[test]
    fn a_root_sent_by_the_server_is_taken_from_the_ca_file() {
        let h = hierarchy();
        let v = verify(
            &[&h.root],
            &[&h.leaf, &h.intermediate, &h.root],
            Some("db.example.com"),
        );
        assert!(v.trusted);
        assert_eq!(v.path.len(), 3, "the presented root is not a fourth step");
        assert_eq!(places(&v)[2], (Role::Anchor, PathSource::Ca, 0));
        assert_eq!(summary(&v), [(Code::CertUnusedCertificate, Severity::Info)]);
        assert_eq!(
            the(&v, Code::CertUnusedCertificate, Severity::Info, None).message,
            "presented certificate #2 \"Test Root\" is also in the CA file; the copy from the CA file is used"
        );
    }

    #[test]
    fn an_intermediate_in_the_ca_file_anchors_the_path_without_a_complaint() {
        let h = hierarchy();
        // The CA file holds the root and the intermediate; the server sends both certificates.
        let v = verify(
            &[&h.root, &h.intermediate],
            &[&h.leaf, &h.intermediate],
            Some("db.example.com"),
        );
        assert!(v.trusted);
        assert_eq!(
            places(&v),
            [
                (Role::Leaf, PathSource::Chain, 0),
                (Role::Anchor, PathSource::Ca, 1)
            ]
        );
        assert_eq!(summary(&v), [(Code::CertUnusedCertificate, Severity::Info)]);
        assert!(v.rustls_webpki.chain_accepted);
        // The server sends only its own certificate: the CA file completes the path.
        let v = verify(
            &[&h.root, &h.intermediate],
            &[&h.leaf],
            Some("db.example.com"),
        );
        assert!(v.trusted);
        assert!(v.findings.is_empty(), "{:#?}", v.findings);
        assert!(v.rustls_webpki.chain_accepted);
    }
}
