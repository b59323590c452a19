//! The rules about a certificate's names: an empty subject, the subjectAltName extension, the
//! syntax of DNS names and wildcards, the CN of the server's certificate, name constraints.

use std::net::{Ipv4Addr, Ipv6Addr};

use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, GeneralSubtree, ParsedExtension};

use super::rules::{extension, NAME_CONSTRAINTS, SAN};
use super::{Facts, Lint, Rule};

/// Empty subject, subjectAltName criticality and contents, DNS names, the CN.
pub(super) fn subject_and_san(x: &X509Certificate<'_>, facts: &Facts, out: &mut Vec<Lint>) {
    let empty_subject = x.subject().iter().next().is_none();
    let san = extension(x, SAN);
    if empty_subject {
        if facts.ca {
            out.push(Lint::new(Rule::CaEmptySubject));
        }
        if !san.is_some_and(|e| e.critical) {
            out.push(Lint::new(Rule::EmptySubjectSanNotCritical));
        }
    } else if facts.leaf && san.is_some_and(|e| e.critical) {
        out.push(Lint::new(Rule::SanCriticalWithSubject));
    }
    let names = match san.map(|e| e.parsed_extension()) {
        Some(ParsedExtension::SubjectAlternativeName(san)) => &san.general_names,
        _ => return,
    };
    if names.is_empty() {
        out.push(Lint::new(Rule::EmptySan));
    }
    for name in names {
        if let GeneralName::DNSName(dns) = name {
            dns_name(dns, out);
        }
    }
    if facts.leaf {
        common_names(x, names, out);
    }
}

/// The syntax of one DNS subjectAltName and of its wildcard.
fn dns_name(name: &str, out: &mut Vec<Lint>) {
    let (wildcard, rest) = match name.strip_prefix("*.") {
        Some(rest) => (true, rest),
        None => (false, name),
    };
    if rest.contains('*') {
        out.push(Lint::with(Rule::WildcardNotLeftmost, name));
        return;
    }
    if !is_host_name(rest) {
        out.push(Lint::with(Rule::InvalidDnsName, name));
        return;
    }
    if wildcard && is_public_suffix(rest) {
        out.push(Lint::with(Rule::WildcardPublicSuffix, name));
    }
}

/// A host name in the preferred name syntax (RFC 1034 §3.5, RFC 1123 §2.1): labels of
/// letters, digits and hyphens, 1 to 63 octets, not starting or ending with a hyphen; no empty
/// label (a leading, trailing or doubled dot); at most 253 octets.
pub(super) fn is_host_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// `name` is itself a registry-controlled public suffix (the ICANN section of the Public Suffix
/// List: `com`, `co.uk`, …), so that a wildcard over it covers domains of many owners. The
/// private section is left out: its owners (`s3.amazonaws.com`, …) may get such wildcards for
/// their own namespace, and real certificates do.
fn is_public_suffix(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    psl::suffix(lower.as_bytes())
        .is_some_and(|s| s.typ() == Some(psl::Type::Icann) && s.as_bytes() == lower.as_bytes())
}

/// BR 7.1.4.3: a CN of the server's certificate is a character-for-character copy of one of
/// its subjectAltNames (an IP address in its canonical text form, a DNS name as an A-label).
/// Reported when the CN names one of the subjectAltNames but is written differently (other
/// case, a U-label, an IPv4 address in hex or with leading zeros, an IPv6 address in upper case
/// or not compressed as RFC 5952 says): clients that fall back to the CN read it differently.
/// A CN that names none of them (a label such as "MongoDB Server") is common in private PKIs
/// and not reported.
fn common_names(x: &X509Certificate<'_>, names: &[GeneralName<'_>], out: &mut Vec<Lint>) {
    for cn in x.subject().iter_common_name() {
        let text = match cn.as_str() {
            Ok(t) => t.to_string(),
            Err(_) => String::from_utf8_lossy(cn.as_slice()).into_owned(),
        };
        let names_a_san_differently = names.iter().any(|n| match n {
            GeneralName::DNSName(d) => *d != text && same_dns_name(&text, d),
            GeneralName::IPAddress(bytes) => {
                ip_text(bytes).is_some_and(|canonical| canonical != text)
                    && parse_ip_leniently(&text).is_some_and(|ip| ip == *bytes)
            }
            _ => false,
        });
        if names_a_san_differently {
            out.push(Lint::with(Rule::CnDiffersFromSan, text));
        }
    }
}

/// The same DNS name, compared case-insensitively after converting U-labels to A-labels.
fn same_dns_name(cn: &str, san: &str) -> bool {
    if cn.eq_ignore_ascii_case(san) {
        return true;
    }
    !cn.is_ascii() && idna::domain_to_ascii(cn).is_ok_and(|a| a.eq_ignore_ascii_case(san))
}

/// The canonical text of an IP address subjectAltName (RFC 5952 for IPv6).
fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes)
            .ok()
            .map(|a| Ipv4Addr::from(a).to_string()),
        16 => <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|a| Ipv6Addr::from(a).to_string()),
        _ => None,
    }
}

/// The octets of an IP address written in any form a resolver may accept: IPv6 in any case and
/// compression, IPv4 dotted with leading zeros (read as decimal) or as one hex or decimal
/// number.
fn parse_ip_leniently(text: &str) -> Option<Vec<u8>> {
    if let Ok(v6) = text.parse::<Ipv6Addr>() {
        return Some(v6.octets().to_vec());
    }
    let number = |s: &str| match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => s.parse::<u32>().ok(),
    };
    let parts: Vec<&str> = text.split('.').collect();
    let value = match parts.as_slice() {
        [one] => number(one)?,
        [a, b, c, d] => {
            let mut v = 0u32;
            for p in [a, b, c, d] {
                let octet = number(p).filter(|&o| o <= 255)?;
                v = (v << 8) | octet;
            }
            v
        }
        _ => return None,
    };
    Some(value.to_be_bytes().to_vec())
}

/// nameConstraints: critical, only in CA certificates, with at least one subtree, DNS subtrees
/// that are host names.
pub(super) fn name_constraints(x: &X509Certificate<'_>, facts: &Facts, out: &mut Vec<Lint>) {
    let Some(e) = extension(x, NAME_CONSTRAINTS) else {
        return;
    };
    if !e.critical {
        out.push(Lint::new(Rule::NameConstraintsNotCritical));
    }
    if !facts.ca {
        out.push(Lint::new(Rule::NameConstraintsInLeaf));
    }
    let nc = match e.parsed_extension() {
        ParsedExtension::NameConstraints(nc) => nc,
        _ => {
            out.push(Lint::new(Rule::NameConstraintsMalformed));
            return;
        }
    };
    let trees: Vec<&GeneralSubtree<'_>> = nc
        .permitted_subtrees
        .iter()
        .chain(&nc.excluded_subtrees)
        .flatten()
        .collect();
    if trees.is_empty() {
        out.push(Lint::new(Rule::NameConstraintsMalformed));
    }
    for tree in trees {
        if let GeneralName::DNSName(dns) = tree.base {
            if !is_host_name(dns) {
                out.push(Lint::with(Rule::NameConstraintsMalformed, dns));
            }
        }
    }
}
