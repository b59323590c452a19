//! The name clients connect to: subjectAltNames (DNS and IP) as rustls-webpki matches them,
//! and the common name only where OpenSSL-, Node- and Java-based clients fall back to it.

use std::net::IpAddr;

use rustls_pki_types::{CertificateDer, ServerName};

use super::Ctx;
use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::Condition;
use crate::pki::inspect::Cert;
use crate::tr;

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
        ctx.client_finding(
            Code::CertHostnameMismatch,
            Condition::HostnameMismatch,
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
