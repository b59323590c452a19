//! Name constraints (RFC 5280 4.2.1.10 and 6.1.3 (b)/(c)): every certificate below a CA with
//! a nameConstraints extension must have its subject DN and subjectAltNames inside the
//! permitted subtrees and outside the excluded ones, DNS, IP, directory name, email and URI
//! forms. Self-issued intermediates are skipped (RFC 5280, OpenSSL, Java). Also: the leaf's CN
//! checked as a DNS name when it has no DNS subjectAltName (OpenSSL and Java do that, Go and
//! rustls-webpki never read the CN), malformed names and constraints, and the constraint forms
//! rustls-webpki refuses outright (directory names, URIs, email addresses).

use std::net::IpAddr;

use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, NameConstraints};
use x509_parser::x509::X509Name;

use super::{Ctx, Node};
use crate::findings::{ClientAction, Code};
use crate::pki::clients::{verdicts_for, Condition, Refusers};
use crate::tr;

/// A name of a certificate below a constrained CA, owned.
#[derive(Clone, Debug, PartialEq)]
enum Name {
    Dns(String),
    Ip(Vec<u8>),
    Email(String),
    Uri(String),
    /// RDNs, each a list of (OID, normalised value or raw bytes as hex).
    Dir(Vec<Vec<(String, String)>>, String),
    Other(u8),
}

impl Name {
    fn from_general(g: &GeneralName<'_>) -> Name {
        match g {
            GeneralName::DNSName(d) => Name::Dns(d.to_string()),
            GeneralName::IPAddress(b) => Name::Ip(b.to_vec()),
            GeneralName::RFC822Name(e) => Name::Email(e.to_string()),
            GeneralName::URI(u) => Name::Uri(u.to_string()),
            GeneralName::DirectoryName(n) => dir(n),
            GeneralName::OtherName(..) => Name::Other(0),
            GeneralName::X400Address(_) => Name::Other(3),
            GeneralName::EDIPartyName(_) => Name::Other(5),
            GeneralName::RegisteredID(_) => Name::Other(8),
            _ => Name::Other(255),
        }
    }

    /// The form, as messages name it.
    fn kind(&self) -> String {
        match self {
            Name::Dns(_) => tr!("pki-nc-kind-dns"),
            Name::Ip(_) => tr!("pki-nc-kind-ip"),
            Name::Email(_) => tr!("pki-nc-kind-email"),
            Name::Uri(_) => tr!("pki-nc-kind-uri"),
            Name::Dir(..) => tr!("pki-nc-kind-dir"),
            Name::Other(_) => tr!("pki-nc-kind-other"),
        }
    }

    fn same_form(&self, other: &Name) -> bool {
        match (self, other) {
            (Name::Other(a), Name::Other(b)) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }

    fn text(&self) -> String {
        match self {
            Name::Dns(s) | Name::Email(s) | Name::Uri(s) => s.clone(),
            Name::Ip(b) => ip_text(b),
            Name::Dir(_, text) => text.clone(),
            Name::Other(tag) => format!("[{tag}]"),
        }
    }
}

fn ip_text(b: &[u8]) -> String {
    match b.len() {
        4 => IpAddr::from(<[u8; 4]>::try_from(b).unwrap_or_default()).to_string(),
        16 => IpAddr::from(<[u8; 16]>::try_from(b).unwrap_or_default()).to_string(),
        8 => format!("{}/{}", ip_text(&b[..4]), ip_text(&b[4..])),
        32 => format!("{}/{}", ip_text(&b[..16]), ip_text(&b[16..])),
        _ => b.iter().map(|x| format!("{x:02x}")).collect(),
    }
}

fn dir(n: &X509Name<'_>) -> Name {
    let rdns = n
        .iter()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let value = match atv.as_str() {
                        Ok(s) => s
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase(),
                        Err(_) => atv.as_slice().iter().map(|b| format!("{b:02x}")).collect(),
                    };
                    (atv.attr_type().to_id_string(), value)
                })
                .collect()
        })
        .collect();
    Name::Dir(rdns, n.to_string())
}

/// The constraint matches the name (both of the same form).
fn matches(name: &Name, base: &Name) -> bool {
    match (name, base) {
        (Name::Dns(n), Name::Dns(b)) => dns_within(n, b),
        (Name::Ip(n), Name::Ip(b)) => {
            b.len() == n.len() * 2
                && n.iter()
                    .zip(&b[..n.len()])
                    .zip(&b[n.len()..])
                    .all(|((x, a), m)| x & m == a & m)
        }
        (Name::Email(n), Name::Email(b)) => email_within(n, b),
        (Name::Uri(n), Name::Uri(b)) => uri_host(n).is_some_and(|h| host_within(&h, b)),
        (Name::Dir(n, _), Name::Dir(b, _)) => b.len() <= n.len() && n[..b.len()] == b[..],
        _ => false,
    }
}

/// RFC 5280: `example.com` covers itself and every subdomain; `.example.com` (OpenSSL, Go)
/// only subdomains; the empty constraint everything.
fn dns_within(name: &str, base: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let base = base.trim_end_matches('.').to_ascii_lowercase();
    if base.is_empty() {
        return true;
    }
    if let Some(rest) = base.strip_prefix('.') {
        return name.ends_with(&format!(".{rest}"));
    }
    name == base || name.ends_with(&format!(".{base}"))
}

fn host_within(host: &str, base: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let base = base.to_ascii_lowercase();
    match base.strip_prefix('.') {
        Some(rest) => host.ends_with(&format!(".{rest}")),
        None => host == base,
    }
}

fn email_within(name: &str, base: &str) -> bool {
    if base.contains('@') {
        return name.eq_ignore_ascii_case(base);
    }
    let host = name.rsplit_once('@').map_or(name, |(_, h)| h);
    host_within(host, base)
}

fn uri_host(uri: &str) -> Option<String> {
    let rest = uri.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    (!host.is_empty()).then(|| host.to_string())
}

/// A DNS name clients can parse: labels of letters, digits, hyphens and underscores, a
/// leftmost `*` allowed, no empty label.
fn valid_dns(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty()
        && name.split('.').enumerate().all(|(i, label)| {
            !label.is_empty()
                && label.len() <= 63
                && (label == "*" && i == 0
                    || label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        })
}

/// A CN that OpenSSL's NAME_CONSTRAINTS_check_CN treats as a host name: letters, digits,
/// hyphens, at least one dot, no IP address.
fn cn_is_hostname(cn: &str) -> bool {
    cn.contains('.') && cn.parse::<IpAddr>().is_err() && valid_dns(cn) && !cn.starts_with('*')
}

struct Subtrees {
    permitted: Vec<Name>,
    excluded: Vec<Name>,
}

fn subtrees(nc: &NameConstraints<'_>) -> Subtrees {
    let list = |s: &Option<Vec<x509_parser::extensions::GeneralSubtree<'_>>>| {
        s.iter()
            .flatten()
            .map(|t| Name::from_general(&t.base))
            .collect()
    };
    Subtrees {
        permitted: list(&nc.permitted_subtrees),
        excluded: list(&nc.excluded_subtrees),
    }
}

/// How a name stands against one CA's constraints.
enum Verdict {
    Excluded(String),
    NotPermitted(String),
    /// A name form nobody compares (otherName, …) under a constraint of that form.
    Uncomparable(String),
    /// A wildcard DNS name that could stand for an excluded name (rustls-webpki refuses it).
    WildcardMayBeExcluded(String),
    Inside,
}

fn judge(name: &Name, trees: &Subtrees) -> Verdict {
    if let Name::Other(_) = name {
        let constraints: Vec<String> = trees
            .permitted
            .iter()
            .chain(&trees.excluded)
            .filter(|b| name.same_form(b))
            .map(Name::text)
            .collect();
        if constraints.is_empty() {
            return Verdict::Inside;
        }
        return Verdict::Uncomparable(constraints.join(", "));
    }
    if let Some(e) = trees
        .excluded
        .iter()
        .find(|b| name.same_form(b) && matches(name, b))
    {
        return Verdict::Excluded(e.text());
    }
    let permitted: Vec<&Name> = trees
        .permitted
        .iter()
        .filter(|b| name.same_form(b))
        .collect();
    if !permitted.is_empty() && !permitted.iter().any(|b| matches(name, b)) {
        let list = permitted
            .iter()
            .map(|b| b.text())
            .collect::<Vec<_>>()
            .join(", ");
        return Verdict::NotPermitted(list);
    }
    if let Name::Dns(d) = name {
        if let Some(rest) = d.strip_prefix("*.") {
            let suffix = format!(".{}", rest.to_ascii_lowercase());
            let hit = trees.excluded.iter().find(|b| match b {
                Name::Dns(e) => e
                    .to_ascii_lowercase()
                    .strip_suffix(&suffix)
                    .is_some_and(|label| !label.is_empty() && !label.contains('.')),
                _ => false,
            });
            if let Some(e) = hit {
                return Verdict::WildcardMayBeExcluded(e.text());
            }
        }
    }
    Verdict::Inside
}

/// Where a name was found, which decides who checks it.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    Subject,
    CommonName,
    San,
}

/// The names of `x` that constraints apply to.
fn names_of(x: &X509Certificate<'_>, leaf: bool) -> Vec<(Name, Source)> {
    let mut out = Vec::new();
    if x.subject().iter().next().is_some() {
        out.push((dir(x.subject()), Source::Subject));
    }
    let san: Vec<Name> = match x.subject_alternative_name() {
        Ok(Some(san)) => san
            .value
            .general_names
            .iter()
            .map(Name::from_general)
            .collect(),
        _ => Vec::new(),
    };
    let has_dns = san.iter().any(|n| matches!(n, Name::Dns(_)));
    if leaf && !has_dns {
        for cn in x.subject().iter_common_name() {
            if let Ok(cn) = cn.as_str() {
                if cn_is_hostname(cn) {
                    out.push((Name::Dns(cn.to_string()), Source::CommonName));
                }
            }
        }
    }
    out.extend(san.into_iter().map(|n| (n, Source::San)));
    out
}

/// `condition` as the families judge it when the constraining CA is the trust anchor: the
/// JDK does not read a trust anchor certificate's name constraints.
fn at(anchor: bool, condition: Condition) -> Condition {
    if !anchor {
        return condition;
    }
    let v = verdicts_for(condition);
    Condition::NameConstraintsOnAnchor(Refusers {
        openssl: v.openssl == ClientAction::Reject,
        rustls: v.rustls == ClientAction::Reject,
        go: v.go == ClientAction::Reject,
        java: false,
    })
}

/// At most this many name-constraint violations are reported per constraining CA.
const MAX_REPORTED: usize = 5;

/// Every name-constraint rule for the path `nodes` (leaf first).
pub(super) fn check_name_constraints(ctx: &mut Ctx<'_>, nodes: &[Node]) {
    for k in 1..nodes.len() {
        let anchor = k == nodes.len() - 1 && matches!(nodes[k], Node::Ca(_));
        let ca = ctx.cert(nodes[k]);
        let Ok(ca_x) = ca.x509() else {
            continue;
        };
        let Ok(Some(nc)) = ca_x.name_constraints() else {
            continue;
        };
        let trees = subtrees(nc.value);
        if trees.permitted.is_empty() && trees.excluded.is_empty() {
            ctx.client_finding(
                Code::CertNameConstraints,
                at(anchor, Condition::EmptyNameConstraints),
                Some(k),
                tr!("pki-nc-empty", ca = ca.short_name()),
                tr!("pki-nc-malformed-constraint-hint"),
            );
            continue;
        }
        if malformed_constraints(ctx, ca, k, &trees, anchor) {
            continue;
        }
        own_names(ctx, ca, &ca_x, k, &trees, anchor);
        let mut violated = false;
        // rustls-webpki checks every certificate's subject against directory-name constraints
        // and refuses whenever there is one, whatever the subject.
        let mut webpki_refuses = trees
            .permitted
            .iter()
            .chain(&trees.excluded)
            .any(|b| matches!(b, Name::Dir(..)));
        // A pathological chain (thousands of names against thousands of constraints) still
        // gets a readable report.
        let mut reported = 0;
        for j in (0..k).rev() {
            let c = ctx.cert(nodes[j]);
            let Ok(x) = c.x509() else {
                continue;
            };
            let names = names_of(&x, j == 0);
            // rustls-webpki refuses every directory-name, URI and email constraint it meets,
            // whatever the name (it implements none of them), self-issued certificates included.
            webpki_refuses |= names.iter().any(|(n, src)| {
                *src != Source::CommonName
                    && matches!(
                        n,
                        Name::Dir(..) | Name::Uri(_) | Name::Email(_) | Name::Other(_)
                    )
                    && trees
                        .permitted
                        .iter()
                        .chain(&trees.excluded)
                        .any(|b| n.same_form(b))
            });
            let self_issued = j > 0 && c.info.self_issued;
            for (name, source) in &names {
                // RFC 5280 skips self-issued intermediates; webpki and Go check their
                // subjectAltNames anyway.
                if self_issued && *source != Source::San {
                    continue;
                }
                if malformed_name(ctx, c, j, ca, name, &trees, anchor) {
                    violated = true;
                    continue;
                }
                let (why, constraint) = match judge(name, &trees) {
                    Verdict::Inside => continue,
                    Verdict::Excluded(e) => ("excluded", e),
                    Verdict::NotPermitted(p) => ("permitted", p),
                    Verdict::Uncomparable(c) => ("uncomparable", c),
                    Verdict::WildcardMayBeExcluded(e) => ("wildcard", e),
                };
                violated = true;
                reported += 1;
                if reported > MAX_REPORTED {
                    continue;
                }
                let condition = match (source, name) {
                    _ if self_issued => Condition::NameConstraintsSelfIssuedSan,
                    _ if why == "uncomparable" => Condition::NameConstraintsOtherForm,
                    _ if why == "wildcard" => Condition::NameConstraintsWildcardMayBeExcluded,
                    (Source::CommonName, _) => Condition::NameConstraintsCommonName,
                    (_, Name::Dir(..)) => Condition::NameConstraintsDirectoryName,
                    (_, _) if j > 0 => Condition::NameConstraintsIntermediateSan,
                    _ => Condition::NameConstraints,
                };
                let (name_text, kind) = (name.text(), name.kind());
                let (cert, ca_name) = (c.short_name(), ca.short_name());
                let message = match (why, source) {
                    ("excluded", Source::CommonName) => tr!(
                        "pki-nc-cn-excluded",
                        name = cert,
                        value = name_text,
                        ca = ca_name,
                        constraint = constraint,
                    ),
                    (_, Source::CommonName) => tr!(
                        "pki-nc-cn-not-permitted",
                        name = cert,
                        value = name_text,
                        ca = ca_name,
                        constraint = constraint,
                    ),
                    ("uncomparable", _) => tr!(
                        "pki-nc-other-form",
                        name = cert,
                        value = name_text,
                        ca = ca_name,
                        constraint = constraint,
                    ),
                    ("wildcard", _) => tr!(
                        "pki-nc-wildcard-excluded",
                        name = cert,
                        value = name_text,
                        ca = ca_name,
                        constraint = constraint,
                    ),
                    ("excluded", _) => tr!(
                        "pki-nc-excluded",
                        name = cert,
                        kind = kind,
                        value = name_text,
                        ca = ca_name,
                        constraint = constraint,
                    ),
                    _ => tr!(
                        "pki-nc-not-permitted",
                        name = cert,
                        kind = kind,
                        value = name_text,
                        ca = ca_name,
                        constraint = constraint,
                    ),
                };
                ctx.client_finding(
                    Code::CertNameConstraints,
                    at(anchor, condition),
                    Some(j),
                    message,
                    tr!("pki-nc-hint"),
                );
            }
        }
        if webpki_refuses && !violated {
            ctx.client_finding(
                Code::CertNameConstraints,
                at(anchor, Condition::NameConstraintsUnsupportedByWebpki),
                Some(k),
                tr!("pki-nc-webpki-unsupported", ca = ca.short_name()),
                tr!("pki-nc-webpki-unsupported-hint"),
            );
        }
    }
}

/// Go checks a constraining CA's own subjectAltNames (DNS, IP, email, URI) against its own
/// constraints; nobody else does.
fn own_names(
    ctx: &mut Ctx<'_>,
    ca: &crate::pki::inspect::Cert,
    x: &X509Certificate<'_>,
    pos: usize,
    trees: &Subtrees,
    anchor: bool,
) {
    let Ok(Some(san)) = x.subject_alternative_name() else {
        return;
    };
    for name in san.value.general_names.iter().map(Name::from_general) {
        if !matches!(
            name,
            Name::Dns(_) | Name::Ip(_) | Name::Email(_) | Name::Uri(_)
        ) {
            continue;
        }
        let constraint = match judge(&name, trees) {
            Verdict::Excluded(c) | Verdict::NotPermitted(c) => c,
            _ => continue,
        };
        ctx.client_finding(
            Code::CertNameConstraints,
            at(anchor, Condition::NameConstraintsOwnSan),
            Some(pos),
            tr!(
                "pki-nc-own-san",
                ca = ca.short_name(),
                kind = name.kind(),
                value = name.text(),
                constraint = constraint,
            ),
            tr!("pki-nc-hint"),
        );
        return;
    }
}

/// A DNS or IP constraint clients cannot parse: a wildcard or bad characters in a DNS
/// constraint, an IP constraint that is not address + contiguous mask (8 or 32 bytes).
fn malformed_constraints(
    ctx: &mut Ctx<'_>,
    ca: &crate::pki::inspect::Cert,
    pos: usize,
    trees: &Subtrees,
    anchor: bool,
) -> bool {
    let bad = trees
        .permitted
        .iter()
        .chain(&trees.excluded)
        .find(|b| match b {
            Name::Dns(d) => {
                let d = d.strip_prefix('.').unwrap_or(d);
                !d.is_empty() && (d.contains('*') || !valid_dns(d))
            }
            Name::Ip(bytes) => {
                let half = bytes.len() / 2;
                !(bytes.len() == 8 || bytes.len() == 32) || !contiguous(&bytes[half..])
            }
            _ => false,
        });
    let Some(bad) = bad else {
        return false;
    };
    ctx.client_finding(
        Code::CertNameConstraints,
        at(anchor, Condition::MalformedNameConstraint),
        Some(pos),
        tr!(
            "pki-nc-malformed-constraint",
            ca = ca.short_name(),
            kind = bad.kind(),
            value = bad.text(),
        ),
        tr!("pki-nc-malformed-constraint-hint"),
    );
    true
}

fn contiguous(mask: &[u8]) -> bool {
    let bits: Vec<bool> = mask
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| b & (1 << i) != 0))
        .collect();
    let ones = bits.iter().take_while(|b| **b).count();
    bits[ones..].iter().all(|b| !b)
}

/// A name that cannot be compared with the CA's constraints of its form: a DNS
/// subjectAltName that is not a host name, an IP subjectAltName that is not 4 or 16 bytes.
fn malformed_name(
    ctx: &mut Ctx<'_>,
    c: &crate::pki::inspect::Cert,
    pos: usize,
    ca: &crate::pki::inspect::Cert,
    name: &Name,
    trees: &Subtrees,
    anchor: bool,
) -> bool {
    let constrained = trees
        .permitted
        .iter()
        .chain(&trees.excluded)
        .any(|b| name.same_form(b));
    let condition = match name {
        Name::Dns(d) if constrained && !valid_dns(d) => Condition::MalformedDnsNameUnderConstraints,
        Name::Ip(b) if constrained && b.len() != 4 && b.len() != 16 => {
            Condition::MalformedIpUnderConstraints
        }
        _ => return false,
    };
    ctx.client_finding(
        Code::CertMalformedName,
        at(anchor, condition),
        Some(pos),
        tr!(
            "pki-nc-malformed-name",
            name = c.short_name(),
            kind = name.kind(),
            value = name.text(),
            ca = ca.short_name(),
        ),
        tr!("pki-nc-malformed-name-hint"),
    );
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_constraints_cover_the_name_and_its_subdomains() {
        assert!(dns_within("db.example.com", "example.com"));
        assert!(dns_within("example.com", "example.com"));
        assert!(!dns_within("badexample.com", "example.com"));
        assert!(dns_within("a.example.com", ".example.com"));
        assert!(!dns_within("example.com", ".example.com"));
        assert!(dns_within("anything", ""));
        assert!(dns_within("*.Example.com", "example.COM"));
    }

    #[test]
    fn ip_constraints_compare_under_the_mask() {
        let name = Name::Ip(vec![10, 1, 2, 3]);
        assert!(matches(&name, &Name::Ip(vec![10, 0, 0, 0, 255, 0, 0, 0])));
        assert!(!matches(&name, &Name::Ip(vec![11, 0, 0, 0, 255, 0, 0, 0])));
        assert!(
            !matches(&name, &Name::Ip(vec![0; 32])),
            "v4 against a v6 range"
        );
        assert!(contiguous(&[255, 255, 0, 0]));
        assert!(!contiguous(&[255, 0, 255, 0]));
    }

    #[test]
    fn email_and_uri_constraints_compare_hosts() {
        assert!(email_within("a@example.com", "example.com"));
        assert!(email_within("a@mail.example.com", ".example.com"));
        assert!(!email_within("a@example.com", "b@example.com"));
        assert_eq!(
            uri_host("https://user@db.example.com:443/x").as_deref(),
            Some("db.example.com")
        );
    }

    #[test]
    fn host_names_are_told_from_other_text() {
        assert!(valid_dns("db.example.com"));
        assert!(valid_dns("*.example.com"));
        assert!(!valid_dns("db..example.com"));
        assert!(!valid_dns("a.*.example.com"));
        assert!(!valid_dns("db example.com"));
        assert!(cn_is_hostname("db.example.com"));
        assert!(!cn_is_hostname("Test Root"));
        assert!(!cn_is_hostname("10.0.0.1"));
    }
}
