//! The name clients connect to: subjectAltNames (DNS and IP) as rustls-webpki matches them,
//! and the common name only where OpenSSL-, Node- and Java-based clients fall back to it.

use std::net::IpAddr;

use rustls_pki_types::{CertificateDer, ServerName};

use super::Ctx;
use crate::findings::{Code, Finding, Severity};
use crate::pki::clients::Condition;
use crate::pki::inspect::Cert;

/// The CN-only certificate finding; `detail` says what the clients do with this host.
fn no_san_finding(ctx: &mut Ctx<'_>, leaf: &Cert, detail: &str) {
    ctx.client_finding(
        Code::CertNoSubjectAltName,
        Condition::CommonNameOnlyMatch,
        Some(0),
        format!(
            "the server's certificate {} has no subjectAltName extension{detail}",
            leaf.short_name()
        ),
        "re-issue it with every name and IP address clients use as subjectAltNames",
    );
}

/// Checks the host name; returns webpki's verdict on it (`None` when no host was given).
pub(super) fn check_host(ctx: &mut Ctx<'_>, leaf: &Cert) -> Option<bool> {
    let names = covered_names(leaf);
    let no_san = leaf.info.subject_alt_names.is_none();
    let Some(host) = ctx.opts.host.clone() else {
        if no_san {
            no_san_finding(
                ctx,
                leaf,
                "; only OpenSSL-, Node- and Java-based clients fall back to its common name",
            );
        }
        ctx.push(Finding::new(
            Code::CertHostnameNotChecked,
            Severity::Info,
            format!("the host name was not checked; the certificate covers {names}"),
            "pass --host with the name clients connect to (as in the connection string, or the replica-set member name)",
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
            format!(
                "the server's certificate names {host_text} only in its common name and has no subjectAltName extension: OpenSSL-, Node- and Java-based clients accept it, rustls (Rust driver) and Go (Go driver, database tools) refuse it"
            ),
            format!("re-issue the certificate with subjectAltName DNS:{host_text} (and every other name clients use)"),
        );
    } else {
        if no_san {
            no_san_finding(ctx, leaf, "");
        }
        ctx.client_finding(
            Code::CertHostnameMismatch,
            Condition::HostnameMismatch,
            Some(0),
            format!(
                "the server's certificate does not cover {host_text}; it covers {names}{}",
                if ctx.opts.hostnames_waived {
                    " (the connection string tells clients to ignore this: tlsAllowInvalidHostnames)"
                } else {
                    ""
                }
            ),
            "connect with a name the certificate covers; if this is a new endpoint (added after SSL was enabled), the certificate was issued before it existed: renew the certificate (\"Update certificate\") so that it includes the endpoint",
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
        parts.push("no DNS or IP subjectAltName".into());
    }
    for cn in &leaf.info.common_names {
        parts.push(format!("CN={cn} (not a subjectAltName)"));
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
