//! The name clients connect to: subjectAltNames (DNS and IP) as rustls-webpki matches them,
//! and the common name only where OpenSSL-, Node- and Java-based clients fall back to it.

use std::net::IpAddr;

use rustls_pki_types::{CertificateDer, ServerName};

use super::Ctx;
use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::Condition;
use crate::pki::inspect::Cert;
use crate::tr;

/// The JDK's host-name check refuses a DNS name with an ASCII character other than a letter,
/// digit, hyphen or dot before it compares anything (`IDN.toASCII` with STD3 rules); the names
/// match for everyone else.
fn java_ldh(ctx: &mut Ctx<'_>, host: &ServerName<'_>) {
    let ServerName::DnsName(name) = host else {
        return;
    };
    let name = name.as_ref();
    if name
        .chars()
        .all(|ch| !ch.is_ascii() || ch.is_ascii_alphanumeric() || ch == '-' || ch == '.')
    {
        return;
    }
    ctx.client_finding(
        Code::CertHostnameMismatch,
        Condition::HostNotLdhForJava,
        Some(0),
        tr!("pki-parsers-java-host-not-ldh", host = name),
        tr!("pki-parsers-java-host-not-ldh-hint"),
    );
}

/// The CN-only certificate finding; `fallback` adds that some clients fall back to the CN
/// (when no host was given to say more).
fn no_san_finding(ctx: &mut Ctx<'_>, leaf: &Cert, fallback: bool) {
    let name = leaf.short_name();
    let message = if fallback {
        tr!("pki-no-san-cn-fallback", name = name)
    } else {
        tr!("pki-no-san", name = name)
    };
    ctx.client_finding(
        Code::CertNoSubjectAltName,
        Condition::CommonNameOnlyMatch,
        Some(0),
        message,
        tr!("pki-no-san-hint"),
    );
}

/// Checks the host name; returns webpki's verdict on it (`None` when no host was given).
pub(super) fn check_host(ctx: &mut Ctx<'_>, leaf: &Cert) -> Option<bool> {
    let names = covered_names(leaf);
    let no_san = leaf.info.subject_alt_names.is_none();
    let Some(host) = ctx.opts.host.clone() else {
        if no_san {
            no_san_finding(ctx, leaf, true);
        }
        ctx.push(Finding::new(
            Code::CertHostnameNotChecked,
            Severity::Info,
            tr!("pki-hostname-not-checked", names = names),
            tr!("pki-hostname-not-checked-hint"),
        ));
        return None;
    };
    let host_text = host.to_str().into_owned();
    let webpki_ok =
        match webpki::EndEntityCert::try_from(&CertificateDer::from(leaf.der.as_slice())) {
            Ok(ee) => ee.verify_is_valid_for_subject_name(&host).is_ok(),
            Err(_) => san_matches(leaf, &host),
        };
    if webpki_ok {
        java_ldh(ctx, &host);
        return Some(true);
    }
    let cn_match = matches!(host, ServerName::DnsName(_))
        && leaf
            .info
            .common_names
            .iter()
            .any(|cn| dns_matches(cn, &host_text));
    if no_san && cn_match {
        ctx.client_finding(
            Code::CertNoSubjectAltName,
            Condition::CommonNameOnlyMatch,
            Some(0),
            tr!("pki-host-in-cn-only", host = host_text.as_str()),
            tr!("pki-host-in-cn-only-hint", host = host_text.as_str()),
        );
    } else {
        if no_san {
            no_san_finding(ctx, leaf, false);
        }
        let message = if ctx.opts.hostnames_waived {
            tr!(
                "pki-hostname-mismatch-waived",
                host = host_text.as_str(),
                names = names
            )
        } else {
            tr!(
                "pki-hostname-mismatch",
                host = host_text.as_str(),
                names = names
            )
        };
        let condition =
            wildcard_split(leaf, &host, &host_text).unwrap_or(Condition::HostnameMismatch);
        ctx.client_finding(
            Code::CertHostnameMismatch,
            condition,
            Some(0),
            message,
            tr!("pki-hostname-mismatch-hint"),
        );
    }
    Some(false)
}

/// "DNS:a, IP:b" (and the CN, flagged as such), for messages.
fn covered_names(leaf: &Cert) -> String {
    let mut parts: Vec<String> = leaf
        .info
        .subject_alt_names
        .clone()
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.starts_with("DNS:") || n.starts_with("IP:"))
        .collect();
    if parts.is_empty() {
        parts.push(tr!("pki-covered-no-san"));
    }
    for cn in &leaf.info.common_names {
        parts.push(tr!("pki-covered-cn", cn = cn.as_str()));
    }
    parts.join(", ")
}

fn san_matches(leaf: &Cert, host: &ServerName<'_>) -> bool {
    let sans = leaf.info.subject_alt_names.clone().unwrap_or_default();
    match host {
        ServerName::DnsName(d) => sans
            .iter()
            .filter_map(|s| s.strip_prefix("DNS:"))
            .any(|p| dns_matches(p, d.as_ref())),
        ServerName::IpAddress(ip) => {
            let ip = IpAddr::from(*ip).to_string();
            sans.iter()
                .filter_map(|s| s.strip_prefix("IP:"))
                .any(|s| s == ip)
        }
        _ => false,
    }
}

/// A DNS host that rustls-webpki does not find in the DNS subjectAltNames, but that Go's, the
/// JDK's or Node's looser wildcard rules match: which of them connect.
fn wildcard_split(leaf: &Cert, host: &ServerName<'_>, host_text: &str) -> Option<Condition> {
    if !matches!(host, ServerName::DnsName(_)) || !host_text.is_ascii() {
        return None;
    }
    let sans = leaf.info.subject_alt_names.as_deref().unwrap_or_default();
    let dns: Vec<&str> = sans.iter().filter_map(|s| s.strip_prefix("DNS:")).collect();
    // Without DNS names the JDK and Node fall back to the CN: another condition.
    if dns.is_empty() || dns.iter().any(|p| !p.is_ascii()) {
        return None;
    }
    let go = dns.iter().any(|p| go_matches(p, host_text));
    let java = ldh_host(host_text) && dns.iter().any(|p| java_matches(p, host_text));
    let host_parts = super::by_openssl::split_host(host_text);
    let node = dns
        .iter()
        .any(|p| super::by_openssl::node_check(&host_parts, p));
    (go || java || node).then_some(Condition::HostnameWildcardSplit { node, go, java })
}

/// Go 1.19 crypto/x509 (verify.go, VerifyHostname, matchHostnames): a pattern and host that
/// are valid host names (labels of letters, digits, `-` not first, `_`; the pattern's first
/// label may be exactly `*`) match label by label, `*` standing for any one first label, with
/// no floor on the labels after it (`*.com`, even `*`, match); anything else only exactly.
fn go_matches(pattern: &str, host: &str) -> bool {
    fn valid(name: &str, is_pattern: bool) -> bool {
        !name.is_empty()
            && name.split('.').enumerate().all(|(i, label)| {
                (is_pattern && i == 0 && label == "*")
                    || (!label.is_empty()
                        && label.char_indices().all(|(j, c)| {
                            c.is_ascii_alphanumeric() || c == '_' || (c == '-' && j != 0)
                        }))
            })
    }
    let pattern = pattern.to_ascii_lowercase();
    let host = host.to_ascii_lowercase();
    let trimmed = host.strip_suffix('.').unwrap_or(&host);
    if !(valid(trimmed, false) && valid(&pattern, true)) {
        return pattern == host;
    }
    let (p, h): (Vec<&str>, Vec<&str>) =
        (pattern.split('.').collect(), trimmed.split('.').collect());
    p.len() == h.len()
        && p.iter()
            .zip(&h)
            .enumerate()
            .all(|(i, (p, h))| (i == 0 && *p == "*") || p == h)
}

/// What `javax.net.ssl.SNIHostName` accepts (IDN.toASCII with STD3 rules): letters, digits and
/// `-` (not first or last) in labels of 1 to 63, no trailing dot. The JDK's HTTPS identity
/// check refuses any other host name outright ("Illegal given domain name").
fn ldh_host(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// The JDK's sun.security.util.HostnameChecker, TYPE_TLS, for a private CA
/// (chainsToPublicCA false): the pattern must not be `*` or `*.` and needs a dot after its
/// last `*` (hasIllegalWildcard), must be a valid name with `*` read as a letter, then
/// matchAllWildcards: as many labels as the host, `*` anywhere in any label matching any run
/// of characters within that label.
fn java_matches(pattern: &str, host: &str) -> bool {
    if pattern == "*" || pattern == "*." {
        return false;
    }
    if let Some(last) = pattern.rfind('*') {
        if !pattern[last..].contains('.') {
            return false;
        }
    }
    if !ldh_host(&pattern.replace('*', "z")) {
        return false;
    }
    let (pattern, host) = (pattern.to_ascii_lowercase(), host.to_ascii_lowercase());
    let p: Vec<&str> = pattern.split('.').filter(|l| !l.is_empty()).collect();
    let h: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    // Both names are first normalised to Unicode (IDN.toUnicode): an A-label (`xn--`) matches
    // only the same A-label, and a `*` inside one is no wildcard.
    let label = |p: &&str, h: &&str| {
        if p.starts_with("xn--") || h.starts_with("xn--") {
            p == h
        } else {
            java_label_matches(h, p)
        }
    };
    p.len() == h.len() && p.iter().zip(&h).all(|(p, h)| label(p, h))
}

/// HostnameChecker.matchWildCards: the pieces between `*`s appear in order, the first at the
/// start, and the label ends with the last piece.
fn java_label_matches(name: &str, template: &str) -> bool {
    let mut pieces = template.split('*');
    let first = pieces.next().unwrap_or_default();
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        return rest.is_empty();
    };
    for piece in middle {
        match rest.find(piece) {
            Some(i) => rest = &rest[i + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// RFC 6125 matching: case-insensitive; a wildcard only as the whole left-most label, matching
/// exactly one label.
pub fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(rest) => match host.split_once('.') {
            Some((first, host_rest)) => {
                !first.is_empty() && host_rest == rest && rest.contains('.')
            }
            None => false,
        },
        None => pattern == host,
    }
}

#[cfg(test)]
mod tests {
    use super::super::checks::test_support::{mentions, summary, the, verify, EVERY_CLIENT};
    use crate::findings::{Code, Severity};
    use crate::pki::inspect::test_certs::{ca, leaf, Made};

    /// A leaf for `dns`, named after the first, issued by `root`.
    fn for_names(root: &Made, dns: &[&str]) -> Made {
        leaf(dns[0], dns).issued_by(root).make()
    }

    #[test]
    fn a_host_the_certificate_does_not_cover_lists_the_covered_names() {
        let root = ca("Test Root").make();
        let server = for_names(&root, &["db.example.com", "db2.example.com"]);
        let v = verify(&[&root], &[&server], Some("other.example.com"));
        assert!(v.trusted, "a name mismatch does not break the path");
        assert_eq!(v.rustls_webpki.name_accepted, Some(false));
        assert_eq!(summary(&v), [(Code::CertHostnameMismatch, Severity::Fail)]);
        let f = the(&v, Code::CertHostnameMismatch, Severity::Fail, Some(0));
        assert_eq!(
            f.message,
            "the server's certificate does not cover other.example.com; it covers DNS:db.example.com, DNS:db2.example.com, CN=db.example.com (not a subjectAltName)"
        );
        assert_eq!(f.rejected_by.as_deref(), Some(&EVERY_CLIENT[..]));
    }

    #[test]
    fn a_wildcard_covers_exactly_one_label() {
        let root = ca("Test Root").make();
        let server = for_names(&root, &["*.example.com"]);
        let v = verify(&[&root], &[&server], Some("db.example.com"));
        assert_eq!(v.rustls_webpki.name_accepted, Some(true));
        assert!(v.findings.is_empty(), "{:#?}", v.findings);

        let v = verify(&[&root], &[&server], Some("a.db.example.com"));
        assert_eq!(v.rustls_webpki.name_accepted, Some(false));
        let f = the(&v, Code::CertHostnameMismatch, Severity::Fail, Some(0));
        mentions(
            &f.message,
            &["does not cover a.db.example.com; it covers DNS:*.example.com"],
        );
    }

    #[test]
    fn go_java_and_node_match_wildcards_their_own_way() {
        use super::{go_matches, java_matches};
        // Go: `*` as the whole first label, over any number of labels after it.
        assert!(go_matches("*.com", "example.com"));
        assert!(go_matches("*", "com"));
        assert!(!go_matches("ba*.example.com", "baz.example.com"));
        assert!(!go_matches("*.example.com", "a.b.example.com"));
        // The JDK: `*` anywhere, in any label; never `*` alone.
        assert!(java_matches("ba*.example.com", "baz.example.com"));
        assert!(java_matches("foo.*.example.com", "foo.bar.example.com"));
        assert!(java_matches("*.com", "example.com"));
        assert!(!java_matches("*", "com"));
        assert!(!java_matches("*.example.com", "a.b.example.com"));
        assert!(!java_matches(
            "xn--*-1b3c148a.example.com",
            "xn--bliss-1b3c148a.example.com"
        ));
        // Node: one `*` in the first label, over three labels or more.
        let node_matches = |pattern: &str, host: &str| {
            super::super::by_openssl::node_check(
                &super::super::by_openssl::split_host(host),
                pattern,
            )
        };
        assert!(node_matches("ba*.example.com", "baz.example.com"));
        assert!(!node_matches("*.com", "example.com"));
        assert!(!node_matches("foo.*.example.com", "foo.bar.example.com"));
    }

    #[test]
    fn without_a_host_the_covered_names_are_only_listed() {
        let root = ca("Test Root").make();
        let server = for_names(&root, &["db.example.com"]);
        let v = verify(&[&root], &[&server], None);
        assert_eq!(v.rustls_webpki.name_accepted, None);
        assert_eq!(
            summary(&v),
            [(Code::CertHostnameNotChecked, Severity::Info)]
        );
        assert_eq!(
            the(&v, Code::CertHostnameNotChecked, Severity::Info, None).message,
            "the host name was not checked; the certificate covers DNS:db.example.com, CN=db.example.com (not a subjectAltName)"
        );
    }
}
