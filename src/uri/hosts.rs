//! The host list: entries `host[:port]`, IPv6 literals in brackets, DNS names and IPv4
//! addresses, duplicates; and [`parse_host_port`] for one `host[:port]` on its own.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use super::error::UriError;
use super::percent::decode;
use crate::tr;

/// MongoDB's default port, used when a host has none.
pub const DEFAULT_PORT: u16 = 27017;

/// A server address from the host list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Host {
    /// A DNS name, lower-cased, without a trailing dot.
    Dns(String),
    /// An IPv4 address, or an IPv6 literal (written in brackets in the URI).
    Ip(IpAddr),
}

impl fmt::Display for Host {
    /// The name, or the address (IPv6 without brackets): what a certificate must match.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Dns(name) => f.write_str(name),
            Host::Ip(ip) => write!(f, "{ip}"),
        }
    }
}

/// One `host:port` of the host list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HostPort {
    /// The host.
    pub host: Host,
    /// The port ([`DEFAULT_PORT`] when none was written).
    pub port: u16,
}

impl fmt::Display for HostPort {
    /// `host:port`, with IPv6 addresses in brackets: `[::1]:27017`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]:{}", self.port),
            host => write!(f, "{host}:{}", self.port),
        }
    }
}

/// Reads one `host[:port]` by the rules of the connection string's host list: `db` (port
/// [`DEFAULT_PORT`]), `db:27018`, `10.0.0.5:27017`, `[::1]:27018`; an IPv6 address must be in
/// brackets, and the port, when written, must be a number from 1 to 65535.
///
/// Exactly as one entry of [`parse`](super::parse)'s host list: names are lower-cased and lose
/// a trailing dot (here without the warning the connection string gets), `%`-escapes are
/// decoded, and a unix domain socket (`/tmp/mongodb-27017.sock`, `%2F…`) is refused. What the
/// error quotes is printable, as in [`parse`](super::parse).
///
/// # Errors
///
/// [`UriError`] saying what is wrong with the text and how to write it.
pub fn parse_host_port(text: &str) -> Result<HostPort, UriError> {
    parse_entry(text, &mut Vec::new()).map_err(UriError::printable)
}

/// The host list: its entries in order, duplicates dropped with a warning.
pub(super) fn parse_hosts(
    list: &str,
    warnings: &mut Vec<String>,
) -> Result<Vec<HostPort>, UriError> {
    if list.is_empty() {
        return Err(UriError::EmptyHostList);
    }
    let mut hosts: Vec<HostPort> = Vec::new();
    for (index, entry) in list.split(',').enumerate() {
        if entry.is_empty() {
            return Err(UriError::EmptyHost {
                list: list.to_owned(),
                position: index + 1,
            });
        }
        let host = parse_entry(entry, warnings)?;
        if hosts.contains(&host) {
            warnings.push(tr!("uri-warning-duplicate-host", host = host.to_string()));
        } else {
            hosts.push(host);
        }
    }
    Ok(hosts)
}

/// One entry of the host list: `host`, `host:port`, `[ipv6]` or `[ipv6]:port`.
fn parse_entry(entry: &str, warnings: &mut Vec<String>) -> Result<HostPort, UriError> {
    let lower = entry.to_ascii_lowercase();
    if lower.contains("%2f") || lower.ends_with(".sock") {
        return Err(UriError::UnixSocket {
            host: decode(entry).unwrap_or_else(|_| entry.to_owned()),
        });
    }
    if let Some(inside_and_after) = entry.strip_prefix('[') {
        return parse_bracketed(entry, inside_and_after);
    }
    if entry.contains(']') {
        return Err(UriError::InvalidIpv6 {
            text: entry.to_owned(),
            reason: tr!("uri-ipv6-bracket-without-open"),
        });
    }
    let (name, port) = match entry.matches(':').count() {
        0 => (entry, None),
        1 => match entry.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (entry, None),
        },
        _ => return Err(too_many_colons(entry)),
    };
    if name.is_empty() {
        return Err(UriError::MissingHostName {
            entry: entry.to_owned(),
        });
    }
    let port = match port {
        Some(port) => parse_port(port, entry)?,
        None => DEFAULT_PORT,
    };
    let host = parse_host_name(name, warnings)?;
    Ok(HostPort { host, port })
}

/// An entry that starts with `[`: an IPv6 address in brackets, then nothing or `:port`.
/// `inside_and_after` is the entry after the `[`.
fn parse_bracketed(entry: &str, inside_and_after: &str) -> Result<HostPort, UriError> {
    let invalid = |reason: String| UriError::InvalidIpv6 {
        text: entry.to_owned(),
        reason,
    };
    let Some((inside, after)) = inside_and_after.split_once(']') else {
        return Err(invalid(tr!("uri-ipv6-missing-close")));
    };
    if inside.contains('%') {
        return Err(UriError::Ipv6Zone {
            text: entry.to_owned(),
        });
    }
    let ip = Ipv6Addr::from_str(inside).map_err(|_| invalid(tr!("uri-ipv6-not-an-address")))?;
    let port = if after.is_empty() {
        DEFAULT_PORT
    } else if let Some(port) = after.strip_prefix(':') {
        parse_port(port, entry)?
    } else {
        return Err(invalid(tr!("uri-ipv6-text-after-bracket")));
    };
    Ok(HostPort {
        host: Host::Ip(IpAddr::V6(ip)),
        port,
    })
}

/// The error for an entry without brackets and with more than one ':': an IPv6 address (with
/// or without a port) that needs brackets, or else too many colons.
fn too_many_colons(entry: &str) -> UriError {
    if Ipv6Addr::from_str(entry).is_ok() {
        return UriError::Ipv6NotBracketed {
            address: entry.to_owned(),
            port: DEFAULT_PORT.to_string(),
        };
    }
    if let Some((address, port)) = entry.rsplit_once(':') {
        if Ipv6Addr::from_str(address).is_ok() && port.bytes().all(|b| b.is_ascii_digit()) {
            return UriError::Ipv6NotBracketed {
                address: address.to_owned(),
                port: port.to_owned(),
            };
        }
    }
    UriError::TooManyColons {
        entry: entry.to_owned(),
    }
}

/// The port written after the ':' of `entry`: a number from 1 to 65535.
fn parse_port(port: &str, entry: &str) -> Result<u16, UriError> {
    if port.is_empty() {
        return Err(UriError::EmptyPort {
            entry: entry.to_owned(),
        });
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(UriError::InvalidPort {
            entry: entry.to_owned(),
            port: port.to_owned(),
        });
    }
    match port.parse::<u16>() {
        Ok(port) if port >= 1 => Ok(port),
        _ => Err(UriError::PortOutOfRange {
            entry: entry.to_owned(),
            port: port.to_owned(),
        }),
    }
}

/// A host name or IPv4 address (not in brackets), `%`-escapes decoded; a name is lower-cased
/// and loses a trailing dot, with a warning.
fn parse_host_name(name: &str, warnings: &mut Vec<String>) -> Result<Host, UriError> {
    let decoded = if name.contains('%') {
        decode(name).map_err(|e| e.quoted(&tr!("uri-part-host")))?
    } else {
        name.to_owned()
    };
    if let Ok(ip) = Ipv4Addr::from_str(&decoded) {
        return Ok(Host::Ip(IpAddr::V4(ip)));
    }
    let invalid = |reason: String| UriError::InvalidHostName {
        host: decoded.clone(),
        reason,
    };
    if !decoded.is_ascii() {
        return Err(invalid(tr!("uri-host-non-ascii")));
    }
    if let Some(c) = decoded
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
    {
        return Err(invalid(tr!(
            "uri-host-bad-character",
            character = c.escape_default().to_string()
        )));
    }
    let mut lower = decoded.to_ascii_lowercase();
    if lower.len() > 1 && lower.ends_with('.') {
        lower.pop();
        warnings.push(tr!(
            "uri-warning-trailing-dot",
            name = decoded.as_str(),
            lower = lower.as_str(),
        ));
    }
    if lower.len() > 253 {
        return Err(invalid(tr!("uri-host-too-long")));
    }
    let labels: Vec<&str> = lower.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Err(invalid(tr!("uri-host-empty-label")));
    }
    if labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return Err(UriError::InvalidIpv4 { text: decoded });
    }
    for label in &labels {
        if label.len() > 63 {
            return Err(invalid(tr!("uri-host-label-too-long", label = *label)));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid(tr!("uri-host-label-hyphen", label = *label)));
        }
    }
    Ok(Host::Dns(lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::options::UriOptions;
    use crate::uri::test_helpers::{dns, err, ip, ok};

    #[test]
    fn ipv6_literals() {
        let cs = ok("mongodb://[::1]:27017,[2001:db8::1]/");
        assert_eq!(cs.hosts, vec![ip("::1", 27017), ip("2001:db8::1", 27017)]);
        assert_eq!(cs.hosts[0].to_string(), "[::1]:27017");
        assert_eq!(cs.hosts[1].to_string(), "[2001:db8::1]:27017");
        assert_eq!(cs.hosts[1].host.to_string(), "2001:db8::1");
        let cs = ok("mongodb://[2001:DB8::1]:3717");
        assert_eq!(cs.hosts, vec![ip("2001:db8::1", 3717)]);
        assert_eq!(cs.redacted(), "mongodb://[2001:db8::1]:3717/");
    }

    #[test]
    fn default_port_names_and_ipv4() {
        let cs = ok("mongodb://Mongo-0.Example.INTERNAL,10.0.0.5:3717,localhost");
        assert_eq!(
            cs.hosts,
            vec![
                dns("mongo-0.example.internal", 27017),
                ip("10.0.0.5", 3717),
                dns("localhost", 27017)
            ]
        );
        assert_eq!(cs.hosts[1].to_string(), "10.0.0.5:3717");
        assert_eq!(cs.database, None);
        assert_eq!(cs.username, None);
        assert_eq!(cs.password, None);
        assert_eq!(cs.options, UriOptions::default());
    }

    #[test]
    fn duplicate_hosts_and_trailing_dots() {
        let cs = ok("mongodb://a.example.com,A.example.com:27017,a.example.com.:3717/");
        assert_eq!(
            cs.hosts,
            vec![dns("a.example.com", 27017), dns("a.example.com", 3717)]
        );
        assert_eq!(cs.warnings.len(), 2, "{:?}", cs.warnings);
        assert!(cs.warnings.iter().any(|w| w.contains("more than once")));
        assert!(cs.warnings.iter().any(|w| w.contains("ends with '.'")));
    }

    #[test]
    fn unix_sockets_are_refused() {
        for uri in [
            "mongodb://%2Ftmp%2Fmongodb-27017.sock",
            "mongodb://u:p@%2ftmp%2fmongodb-27017.sock/db",
            "mongodb://h1,%2Ftmp%2Fmongodb-27018.sock/",
            "mongodb:///tmp/mongodb-27017.sock/",
        ] {
            let e = err(uri);
            assert!(matches!(e, UriError::UnixSocket { .. }), "{uri}: {e:?}");
            assert!(
                e.to_string().starts_with(
                    "unix domain sockets are not supported: mongotls checks TLS over TCP"
                ),
                "{e}"
            );
            assert!(e.to_string().contains("/tmp/mongodb-270"), "{e}");
        }
    }

    /// The cases `check::target_from_address` covers for the member names of a `hello` reply.
    #[test]
    fn parse_host_port_reads_one_host_like_the_host_list() {
        assert_eq!(parse_host_port("db"), Ok(dns("db", 27017)));
        assert_eq!(parse_host_port("[::1]:27018"), Ok(ip("::1", 27018)));
        assert!(
            matches!(
                parse_host_port("::1:27017"),
                Err(UriError::Ipv6NotBracketed { .. })
            ),
            "an IPv6 address needs brackets"
        );
        assert!(
            matches!(
                parse_host_port(":27017"),
                Err(UriError::MissingHostName { .. })
            ),
            "a port needs a host"
        );
        assert!(
            matches!(
                parse_host_port("db:notaport"),
                Err(UriError::InvalidPort { .. })
            ),
            "a port is a number"
        );
    }

    /// Where the host list's rules go beyond a bare `host:port` (see `parse_host_port`).
    #[test]
    fn parse_host_port_keeps_the_host_lists_other_rules() {
        // Normalised as in a connection string: lower case, no trailing dot (and no warning).
        assert_eq!(
            parse_host_port("DB-0.Example.com.:3717"),
            Ok(dns("db-0.example.com", 3717))
        );
        // Percent-escapes are decoded; unix domain sockets are refused.
        assert_eq!(parse_host_port("d%62:1"), Ok(dns("db", 1)));
        for socket in ["/tmp/mongodb-27017.sock", "%2Ftmp%2Fm.sock"] {
            assert!(
                matches!(parse_host_port(socket), Err(UriError::UnixSocket { .. })),
                "{socket}"
            );
        }
        // Port 0, a zone id, an empty text and a list are refused.
        for text in ["db:0", "[fe80::1%25eth0]:27017", "", "a,b", "db:+1"] {
            assert!(parse_host_port(text).is_err(), "{text}");
        }
        // What the error quotes is printable, as in `parse`.
        let message = parse_host_port("d\u{1b}[2Jb:1").unwrap_err().to_string();
        assert!(!message.chars().any(char::is_control), "{message:?}");
        assert!(message.contains("d\\u{1b}[2Jb"), "{message}");
    }
}
