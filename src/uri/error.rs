//! [`UriError`], why a connection string cannot be used: each error's message, and the rule
//! that whatever a message quotes of the string is printable.

use super::percent::{percent_escape, DecodeError, EncodingProblem};
use super::quote::{escape_controls, printable};

/// Why a connection string cannot be used. Messages point at the part, quote the offending
/// text (never a password or a secret option value) and say how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UriError {
    /// Nothing was given.
    #[error("empty connection string: write one like mongodb://host:27017/")]
    Empty,
    /// No `scheme://` at the start.
    #[error("missing scheme: a connection string starts with mongodb://")]
    MissingScheme,
    /// `mongodb:` without the two slashes.
    #[error("malformed scheme: a connection string starts with mongodb:// (two slashes)")]
    MalformedScheme,
    /// A scheme other than `mongodb://`.
    #[error("unsupported scheme '{scheme}://': a connection string starts with mongodb://")]
    UnsupportedScheme {
        /// The scheme as written.
        scheme: String,
    },
    /// `mongodb+srv://` with more than one host.
    #[error(
        "mongodb+srv:// takes exactly one host name, got {count}: write \
         mongodb+srv://cluster0.example.net/ (its SRV record lists the hosts), or list the hosts \
         with mongodb://h1:p1,h2:p2/"
    )]
    SrvMultipleHosts {
        /// Entries in the host list.
        count: usize,
    },
    /// `mongodb+srv://host:port`.
    #[error(
        "mongodb+srv:// takes a host name without a port: remove the port (the SRV record \
         gives each host's port)"
    )]
    SrvPort,
    /// `mongodb+srv://` with an IP address.
    #[error(
        "mongodb+srv:// needs a DNS name that has an SRV record, not the IP address {host}: \
         use mongodb://{host}/ instead"
    )]
    SrvIpAddress {
        /// The address.
        host: String,
    },
    /// `srvServiceName` or `srvMaxHosts` in a `mongodb://` string.
    #[error(
        "option '{option}' is only for mongodb+srv:// connection strings: remove it, or use \
         mongodb+srv://HOST/"
    )]
    SrvOptionWithoutSrv {
        /// The option.
        option: &'static str,
    },
    /// `srvMaxHosts` above zero with `replicaSet` or `loadBalanced=true`.
    #[error("srvMaxHosts cannot be combined with {other}: remove one of them")]
    SrvMaxHostsConflict {
        /// `replicaSet` or `loadBalanced=true`.
        other: &'static str,
    },
    /// `directConnection=true` with `mongodb+srv://`.
    #[error(
        "directConnection=true cannot be used with mongodb+srv:// (the SRV record may list \
         several hosts): remove directConnection, or connect to one host with \
         mongodb://host:port/?directConnection=true"
    )]
    SrvDirectConnection,
    /// `srvServiceName` that is no SRV service name.
    #[error(
        "srvServiceName '{value}' is not a valid SRV service name: use letters, digits and '-' \
         (at most 62 characters), e.g. srvServiceName=mongodb"
    )]
    InvalidSrvServiceName {
        /// The value (decoded).
        value: String,
    },
    /// `srvMaxHosts` that is no non-negative integer.
    #[error(
        "option 'srvMaxHosts' needs a non-negative integer, got '{value}': write srvMaxHosts=0 \
         for every host, or srvMaxHosts=N to use N of them"
    )]
    InvalidSrvMaxHosts {
        /// The value (decoded).
        value: String,
    },
    /// An `@` or a second `:` in the user information.
    #[error(
        "the user name or password contains an unescaped '{character}': percent-encode it as {}",
        percent_escape(*character)
    )]
    UnescapedInUserinfo {
        /// `@` or `:`.
        character: char,
    },
    /// `@host` or `:password@host`.
    #[error(
        "empty user name before '@': write user:password@host, or drop the '@' when there are \
         no credentials"
    )]
    EmptyUsername,
    /// An `@` between the first `/` and the options: almost always a `/` in the password.
    #[error(
        "'@' after the host list: if the user name or password contains '/', percent-encode it \
         as %2F (and '@' as %40)"
    )]
    AtSignAfterHosts,
    /// The string does not parse, and an `@` after the first `/` means the user information
    /// may have been cut at a `/` in the password: nothing is quoted.
    #[error(
        "the connection string does not parse, and the '@' after its first '/' means the user \
         name or password may contain an unescaped '/' or '?': percent-encode them as %2F and \
         %3F (details withheld in case they contain the password; without such a password, \
         write '@' in option values as %40 to see them)"
    )]
    Ambiguous,
    /// Bad percent-encoding in a part that may be quoted.
    #[error("'{text}' is not valid percent-encoding in the {part}: {problem}")]
    Encoding {
        /// Which part (`user name`, `host`, `database name`, `value of option 'appName'`).
        part: String,
        /// The offending escape (or the whole part for bad UTF-8).
        text: String,
        /// What is wrong.
        problem: EncodingProblem,
    },
    /// Bad percent-encoding in the password or a secret option value (not quoted).
    #[error("invalid percent-encoding in the {part} (not shown): {problem}")]
    SecretEncoding {
        /// `password` or `value of option '...'`.
        part: String,
        /// What is wrong.
        problem: EncodingProblem,
    },
    /// No host at all.
    #[error("empty host list: write at least one host, e.g. mongodb://localhost:27017/")]
    EmptyHostList,
    /// `h1,,h2`.
    #[error("empty host at position {position} in the host list '{list}': remove the extra ','")]
    EmptyHost {
        /// The host list as written.
        list: String,
        /// 1-based.
        position: usize,
    },
    /// `mongodb://host?options`.
    #[error(
        "a '/' is required between the host list and the options: write mongodb://host/?options \
         (and if the user name or password contains '?', percent-encode it as %3F)"
    )]
    MissingSlash,
    /// A unix domain socket path.
    #[error(
        "unix domain sockets are not supported: mongotls checks TLS over TCP (got '{host}'); \
         give the server's host:port"
    )]
    UnixSocket {
        /// The socket path (decoded).
        host: String,
    },
    /// A bracketed host that is not an IPv6 address.
    #[error("invalid IPv6 literal '{text}': {reason}")]
    InvalidIpv6 {
        /// The host entry as written.
        text: String,
        /// What is wrong and what to write.
        reason: String,
    },
    /// `[fe80::1%25eth0]`.
    #[error(
        "IPv6 zone ids are not supported in '{text}': use a global address or a DNS name, \
         since a certificate cannot name a zone"
    )]
    Ipv6Zone {
        /// The host entry as written.
        text: String,
    },
    /// `::1` without brackets.
    #[error("IPv6 address '{address}' must be in brackets: write [{address}]:{port}")]
    Ipv6NotBracketed {
        /// The address.
        address: String,
        /// The port written, or the default.
        port: String,
    },
    /// Numbers and dots that are not an IPv4 address (`256.1.1.1`, `127.1`).
    #[error(
        "'{text}' is not a valid IPv4 address: write four numbers from 0 to 255, e.g. 10.0.0.5"
    )]
    InvalidIpv4 {
        /// The host as written.
        text: String,
    },
    /// A host name with characters or labels DNS does not allow.
    #[error("invalid host name '{host}': {reason}")]
    InvalidHostName {
        /// The host as written (decoded).
        host: String,
        /// What is wrong and what to write.
        reason: String,
    },
    /// `:27017`.
    #[error("missing host name in '{entry}': write host:port")]
    MissingHostName {
        /// The host entry as written.
        entry: String,
    },
    /// `localhost::27017`.
    #[error(
        "too many ':' in '{entry}': write host:port (IPv6 addresses go in brackets: [::1]:27017)"
    )]
    TooManyColons {
        /// The host entry as written.
        entry: String,
    },
    /// `host:`.
    #[error("missing port after ':' in '{entry}': add the port or remove the ':'")]
    EmptyPort {
        /// The host entry as written.
        entry: String,
    },
    /// `host:abc`.
    #[error("port '{port}' in '{entry}' is not a number: write a port from 1 to 65535")]
    InvalidPort {
        /// The host entry as written.
        entry: String,
        /// The port as written.
        port: String,
    },
    /// `host:0`, `host:99999`.
    #[error("port {port} out of range in '{entry}': use a port from 1 to 65535")]
    PortOutOfRange {
        /// The host entry as written.
        entry: String,
        /// The port as written.
        port: String,
    },
    /// A database name with a character MongoDB forbids.
    #[error(
        "database name '{name}' contains '{character}', which MongoDB does not allow: fix the \
         part after the host list's '/'"
    )]
    InvalidDatabase {
        /// The name (decoded).
        name: String,
        /// The forbidden character.
        character: char,
    },
    /// `?w` without `=`.
    #[error("{}", option_without_value_message(text.as_deref()))]
    OptionWithoutValue {
        /// The text, unless the query holds a secret it might be part of.
        text: Option<String>,
    },
    /// `?=x`.
    #[error("an option has an empty name (nothing before '='): remove the stray '='")]
    EmptyOptionName,
    /// A boolean option with another value.
    #[error(
        "option '{option}' needs true or false, got '{value}': write {option}=true or \
         {option}=false"
    )]
    InvalidBool {
        /// The canonical option name.
        option: String,
        /// The value (decoded).
        value: String,
    },
    /// A millisecond option with another value.
    #[error(
        "option '{option}' needs a non-negative integer, got '{value}': write milliseconds, \
         e.g. {option}=10000 for 10s"
    )]
    InvalidInteger {
        /// The canonical option name.
        option: String,
        /// The value (decoded).
        value: String,
    },
    /// An `authMechanism` MongoDB does not have.
    #[error(
        "authMechanism '{value}' is not one of SCRAM-SHA-1, SCRAM-SHA-256, MONGODB-X509, \
         MONGODB-AWS, MONGODB-OIDC, GSSAPI, PLAIN{}",
        if value.eq_ignore_ascii_case("MONGODB-CR") {
            " (MONGODB-CR was removed in MongoDB 4.0: use SCRAM-SHA-256)"
        } else {
            ""
        }
    )]
    UnknownAuthMechanism {
        /// The value (decoded).
        value: String,
    },
    /// `tls` and `ssl` disagree.
    #[error("'tls={tls}' conflicts with 'ssl={ssl}': ssl is the old name of tls; keep only tls")]
    TlsSslConflict {
        /// The `tls` value.
        tls: bool,
        /// The `ssl` value.
        ssl: bool,
    },
    /// `tlsInsecure` with `tlsAllowInvalidCertificates` or `tlsAllowInvalidHostnames`.
    #[error(
        "'tlsInsecure' cannot be combined with '{other}' (tlsInsecure already sets it): keep \
         only one"
    )]
    TlsInsecureConflict {
        /// The other option.
        other: &'static str,
    },
    /// `directConnection=true` with several hosts.
    #[error(
        "directConnection=true needs exactly one host, got {count}: list one host or remove \
         directConnection"
    )]
    DirectConnectionMultipleHosts {
        /// Hosts in the list.
        count: usize,
    },
}

fn option_without_value_message(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("option '{text}' has no '=': write name=value"),
        None => "an option has no '=' (not shown: the options hold a secret it may be part of): \
                 write name=value, and percent-encode '&' and ';' inside values as %26 and %3B"
            .to_owned(),
    }
}

// Here rather than beside `DecodeError`, so that percent-decoding needs no error type.
impl DecodeError {
    /// The error for a part that may be quoted.
    pub(super) fn quoted(self, part: &str) -> UriError {
        UriError::Encoding {
            part: part.to_owned(),
            text: self.snippet,
            problem: self.problem,
        }
    }
}

impl UriError {
    /// The same error, with every piece of the connection string it quotes made
    /// [`printable`] (and explanations that quote a piece, [`escape_controls`]).
    pub(super) fn printable(self) -> UriError {
        let p = |text: String| printable(&text);
        let e = |text: String| escape_controls(&text);
        match self {
            UriError::UnsupportedScheme { scheme } => {
                UriError::UnsupportedScheme { scheme: p(scheme) }
            }
            UriError::SrvIpAddress { host } => UriError::SrvIpAddress { host: p(host) },
            UriError::InvalidSrvServiceName { value } => {
                UriError::InvalidSrvServiceName { value: p(value) }
            }
            UriError::InvalidSrvMaxHosts { value } => {
                UriError::InvalidSrvMaxHosts { value: p(value) }
            }
            UriError::Encoding {
                part,
                text,
                problem,
            } => UriError::Encoding {
                part: e(part),
                text: p(text),
                problem,
            },
            UriError::SecretEncoding { part, problem } => UriError::SecretEncoding {
                part: e(part),
                problem,
            },
            host @ (UriError::EmptyHost { .. }
            | UriError::UnixSocket { .. }
            | UriError::InvalidIpv6 { .. }
            | UriError::Ipv6Zone { .. }
            | UriError::Ipv6NotBracketed { .. }
            | UriError::InvalidIpv4 { .. }
            | UriError::InvalidHostName { .. }
            | UriError::MissingHostName { .. }
            | UriError::TooManyColons { .. }
            | UriError::EmptyPort { .. }
            | UriError::InvalidPort { .. }
            | UriError::PortOutOfRange { .. }) => host.printable_host_error(),
            UriError::InvalidDatabase { name, character } => UriError::InvalidDatabase {
                name: p(name),
                character,
            },
            option @ (UriError::OptionWithoutValue { .. }
            | UriError::InvalidBool { .. }
            | UriError::InvalidInteger { .. }
            | UriError::UnknownAuthMechanism { .. }) => option.printable_option_error(),
            other @ (UriError::Empty
            | UriError::MissingScheme
            | UriError::MalformedScheme
            | UriError::UnescapedInUserinfo { .. }
            | UriError::EmptyUsername
            | UriError::AtSignAfterHosts
            | UriError::Ambiguous
            | UriError::EmptyHostList
            | UriError::MissingSlash
            | UriError::EmptyOptionName
            | UriError::TlsSslConflict { .. }
            | UriError::TlsInsecureConflict { .. }
            | UriError::DirectConnectionMultipleHosts { .. }
            | UriError::SrvMultipleHosts { .. }
            | UriError::SrvPort
            | UriError::SrvOptionWithoutSrv { .. }
            | UriError::SrvMaxHostsConflict { .. }
            | UriError::SrvDirectConnection) => other,
        }
    }

    /// [`UriError::printable`] for an error about one entry of the host list.
    fn printable_host_error(self) -> UriError {
        let p = |text: String| printable(&text);
        let e = |text: String| escape_controls(&text);
        match self {
            UriError::EmptyHost { list, position } => UriError::EmptyHost {
                list: p(list),
                position,
            },
            UriError::UnixSocket { host } => UriError::UnixSocket { host: p(host) },
            UriError::InvalidIpv6 { text, reason } => UriError::InvalidIpv6 {
                text: p(text),
                reason: e(reason),
            },
            UriError::Ipv6Zone { text } => UriError::Ipv6Zone { text: p(text) },
            UriError::Ipv6NotBracketed { address, port } => UriError::Ipv6NotBracketed {
                address: p(address),
                port: p(port),
            },
            UriError::InvalidIpv4 { text } => UriError::InvalidIpv4 { text: p(text) },
            UriError::InvalidHostName { host, reason } => UriError::InvalidHostName {
                host: p(host),
                reason: e(reason),
            },
            UriError::MissingHostName { entry } => UriError::MissingHostName { entry: p(entry) },
            UriError::TooManyColons { entry } => UriError::TooManyColons { entry: p(entry) },
            UriError::EmptyPort { entry } => UriError::EmptyPort { entry: p(entry) },
            UriError::InvalidPort { entry, port } => UriError::InvalidPort {
                entry: p(entry),
                port: p(port),
            },
            UriError::PortOutOfRange { entry, port } => UriError::PortOutOfRange {
                entry: p(entry),
                port: p(port),
            },
            // `printable` sends only the errors above here.
            other => other,
        }
    }

    /// [`UriError::printable`] for an error about one option.
    fn printable_option_error(self) -> UriError {
        let p = |text: String| printable(&text);
        match self {
            UriError::OptionWithoutValue { text } => {
                UriError::OptionWithoutValue { text: text.map(p) }
            }
            UriError::InvalidBool { option, value } => UriError::InvalidBool {
                option: p(option),
                value: p(value),
            },
            UriError::InvalidInteger { option, value } => UriError::InvalidInteger {
                option: p(option),
                value: p(value),
            },
            UriError::UnknownAuthMechanism { value } => {
                UriError::UnknownAuthMechanism { value: p(value) }
            }
            // `printable` sends only the errors above here.
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::test_helpers::{err, ok};

    /// Recognises the expected error.
    type Check = fn(&UriError) -> bool;

    /// Every error: the URI, the variant, and text its message must contain.
    #[test]
    fn every_error_points_at_the_problem() {
        let cases: Vec<(&str, Check, &str)> = vec![
            ("", |e| *e == UriError::Empty, "empty connection string"),
            ("   ", |e| *e == UriError::Empty, "mongodb://"),
            (
                "localhost:27017",
                |e| *e == UriError::MissingScheme,
                "missing scheme: a connection string starts with mongodb://",
            ),
            (
                "mongodb:/h",
                |e| *e == UriError::MalformedScheme,
                "two slashes",
            ),
            (
                "mongo://localhost:27017",
                |e| matches!(e, UriError::UnsupportedScheme { .. }),
                "unsupported scheme 'mongo://'",
            ),
            (
                "user:pw@ho/st://x",
                |e| *e == UriError::MissingScheme,
                "missing scheme",
            ),
            (
                "mongodb://",
                |e| *e == UriError::EmptyHostList,
                "empty host list",
            ),
            (
                "mongodb:///admin",
                |e| *e == UriError::EmptyHostList,
                "empty host list",
            ),
            (
                "mongodb://u:p@/admin",
                |e| *e == UriError::EmptyHostList,
                "empty host list",
            ),
            (
                "mongodb://a,,b",
                |e| matches!(e, UriError::EmptyHost { position: 2, .. }),
                "empty host at position 2 in the host list 'a,,b'",
            ),
            (
                "mongodb://a,",
                |e| matches!(e, UriError::EmptyHost { position: 2, .. }),
                "','",
            ),
            (
                "mongodb://h:99999",
                |e| matches!(e, UriError::PortOutOfRange { .. }),
                "port 99999 out of range in 'h:99999'",
            ),
            (
                "mongodb://h:0/",
                |e| matches!(e, UriError::PortOutOfRange { .. }),
                "1 to 65535",
            ),
            (
                "mongodb://h:65536",
                |e| matches!(e, UriError::PortOutOfRange { .. }),
                "65536",
            ),
            (
                "mongodb://h:123456789012345678901234567890",
                |e| matches!(e, UriError::PortOutOfRange { .. }),
                "out of range",
            ),
            (
                "mongodb://h:-1",
                |e| matches!(e, UriError::InvalidPort { .. }),
                "port '-1' in 'h:-1' is not a number",
            ),
            (
                "mongodb://localhost:foo",
                |e| matches!(e, UriError::InvalidPort { .. }),
                "'foo'",
            ),
            (
                "mongodb://h:+1",
                |e| matches!(e, UriError::InvalidPort { .. }),
                "'+1'",
            ),
            (
                "mongodb://h:",
                |e| matches!(e, UriError::EmptyPort { .. }),
                "missing port after ':' in 'h:'",
            ),
            (
                "mongodb://:27017",
                |e| matches!(e, UriError::MissingHostName { .. }),
                "missing host name in ':27017'",
            ),
            (
                "mongodb://localhost::27017",
                |e| matches!(e, UriError::TooManyColons { .. }),
                "too many ':' in 'localhost::27017'",
            ),
            (
                "mongodb://::",
                |e| matches!(e, UriError::Ipv6NotBracketed { .. }),
                "brackets",
            ),
            (
                "mongodb://::1",
                |e| matches!(e, UriError::Ipv6NotBracketed { .. }),
                "IPv6 address '::1' must be in brackets: write [::1]:27017",
            ),
            (
                "mongodb://2001:db8::1:3717",
                |e| matches!(e, UriError::Ipv6NotBracketed { .. }),
                "brackets",
            ),
            (
                "mongodb://fe80::1%25eth0",
                |e| matches!(e, UriError::TooManyColons { .. }),
                "':'",
            ),
            (
                "mongodb://[::1",
                |e| matches!(e, UriError::InvalidIpv6 { .. }),
                "invalid IPv6 literal '[::1'",
            ),
            (
                "mongodb://[::1]x",
                |e| matches!(e, UriError::InvalidIpv6 { .. }),
                "after ']'",
            ),
            (
                "mongodb://[zz::1]:27017",
                |e| matches!(e, UriError::InvalidIpv6 { .. }),
                "'[zz::1]:27017'",
            ),
            (
                "mongodb://[10.0.0.1]",
                |e| matches!(e, UriError::InvalidIpv6 { .. }),
                "without brackets",
            ),
            (
                "mongodb://::1]",
                |e| matches!(e, UriError::InvalidIpv6 { .. }),
                "']' without '['",
            ),
            (
                "mongodb://[::1]:foo",
                |e| matches!(e, UriError::InvalidPort { .. }),
                "'foo'",
            ),
            (
                "mongodb://[::1]:65536",
                |e| matches!(e, UriError::PortOutOfRange { .. }),
                "65536",
            ),
            (
                "mongodb://[fe80::1%25eth0]:27017",
                |e| matches!(e, UriError::Ipv6Zone { .. }),
                "zone ids are not supported",
            ),
            (
                "mongodb://256.1.1.1",
                |e| matches!(e, UriError::InvalidIpv4 { .. }),
                "'256.1.1.1' is not a valid IPv4 address",
            ),
            (
                "mongodb://127.1",
                |e| matches!(e, UriError::InvalidIpv4 { .. }),
                "four numbers",
            ),
            (
                "mongodb://exa mple.com",
                |e| matches!(e, UriError::InvalidHostName { .. }),
                "invalid host name 'exa mple.com': ' ' is not allowed",
            ),
            (
                "mongodb://b%C3%BCcher.de",
                |e| matches!(e, UriError::InvalidHostName { .. }),
                "punycode",
            ),
            (
                "mongodb://a..b",
                |e| matches!(e, UriError::InvalidHostName { .. }),
                "empty label",
            ),
            (
                "mongodb://.a",
                |e| matches!(e, UriError::InvalidHostName { .. }),
                "empty label",
            ),
            (
                "mongodb://-a.b",
                |e| matches!(e, UriError::InvalidHostName { .. }),
                "starts or ends with '-'",
            ),
            (
                "mongodb://h%zz",
                |e| matches!(e, UriError::Encoding { .. }),
                "'%zz' is not valid percent-encoding in the host",
            ),
            (
                "mongodb://example.com?w=1",
                |e| *e == UriError::MissingSlash,
                "a '/' is required between the host list and the options",
            ),
            (
                "mongodb://alice:foo:bar@127.0.0.1",
                |e| *e == UriError::UnescapedInUserinfo { character: ':' },
                "percent-encode it as %3A",
            ),
            (
                "mongodb://alice@@127.0.0.1",
                |e| *e == UriError::UnescapedInUserinfo { character: '@' },
                "percent-encode it as %40",
            ),
            (
                "mongodb://alice@foo:bar@127.0.0.1",
                |e| *e == UriError::UnescapedInUserinfo { character: '@' },
                "unescaped '@'",
            ),
            (
                "mongodb://alice/@localhost/db",
                |e| *e == UriError::AtSignAfterHosts,
                "%2F",
            ),
            (
                "mongodb://alice/bob:foo@localhost/db",
                |e| *e == UriError::AtSignAfterHosts,
                "%2F",
            ),
            (
                "mongodb://alice:foo/bar@localhost/db",
                |e| *e == UriError::AtSignAfterHosts,
                "%2F",
            ),
            (
                "mongodb://alice:foo/b?ar@localhost/db",
                |e| *e == UriError::AtSignAfterHosts,
                "%2F",
            ),
            (
                "mongodb://alice:foo/?x&ar@localhost/db",
                |e| *e == UriError::AtSignAfterHosts,
                "%2F",
            ),
            (
                "mongodb://alice:foo/?x=ar@localhost/db",
                |e| *e == UriError::Ambiguous,
                "withheld",
            ),
            (
                "mongodb://h:99999/?appName=a@b",
                |e| *e == UriError::Ambiguous,
                "%40",
            ),
            (
                "mongodb://@h",
                |e| *e == UriError::EmptyUsername,
                "empty user name",
            ),
            (
                "mongodb://:pw@h",
                |e| *e == UriError::EmptyUsername,
                "empty user name",
            ),
            (
                "mongodb://us%zzer:pw@h",
                |e| matches!(e, UriError::Encoding { .. }),
                "'%zz' is not valid percent-encoding in the user name",
            ),
            (
                "mongodb://u:pw%zz@h",
                |e| matches!(e, UriError::SecretEncoding { .. }),
                "invalid percent-encoding in the password (not shown): the '%' at character 3",
            ),
            (
                "mongodb://u:pw%@h",
                |e| matches!(e, UriError::SecretEncoding { .. }),
                "%25",
            ),
            (
                "mongodb://u:%FF%FE@h",
                |e| {
                    matches!(
                        e,
                        UriError::SecretEncoding {
                            problem: EncodingProblem::NotUtf8,
                            ..
                        }
                    )
                },
                "UTF-8",
            ),
            (
                "mongodb://h/a%20b",
                |e| matches!(e, UriError::InvalidDatabase { character: ' ', .. }),
                "database name 'a b' contains ' '",
            ),
            (
                "mongodb://h/a/b",
                |e| matches!(e, UriError::InvalidDatabase { character: '/', .. }),
                "'/'",
            ),
            (
                "mongodb://h/a$b",
                |e| matches!(e, UriError::InvalidDatabase { .. }),
                "'$'",
            ),
            (
                "mongodb://h/%zz",
                |e| matches!(e, UriError::Encoding { .. }),
                "database name",
            ),
            (
                "mongodb://example.com/?w",
                |e| {
                    *e == UriError::OptionWithoutValue {
                        text: Some("w".to_owned()),
                    }
                },
                "option 'w' has no '='",
            ),
            (
                "mongodb://h/?tlsCertificateKeyFilePassword=ab&cdefgh",
                |e| *e == UriError::OptionWithoutValue { text: None },
                "not shown",
            ),
            (
                "mongodb://h/?=x",
                |e| *e == UriError::EmptyOptionName,
                "empty name",
            ),
            (
                "mongodb://h/?tl%zzs=true",
                |e| matches!(e, UriError::Encoding { .. }),
                "'%zz' is not valid percent-encoding in the option name",
            ),
            (
                "mongodb://h/?appName=a%zz",
                |e| matches!(e, UriError::Encoding { .. }),
                "in the value of option 'appName'",
            ),
            (
                "mongodb://h/?tlsCertificateKeyFilePassword=a%zz",
                |e| matches!(e, UriError::SecretEncoding { .. }),
                "value of option 'tlsCertificateKeyFilePassword' (not shown)",
            ),
            (
                "mongodb://h/?tls=yes",
                |e| matches!(e, UriError::InvalidBool { .. }),
                "option 'tls' needs true or false, got 'yes'",
            ),
            (
                "mongodb://h/?SSL=1",
                |e| matches!(e, UriError::InvalidBool { .. }),
                "option 'ssl'",
            ),
            (
                "mongodb://h/?tlsAllowInvalidCertificates=invalid",
                |e| matches!(e, UriError::InvalidBool { .. }),
                "'tlsAllowInvalidCertificates'",
            ),
            (
                "mongodb://h/?tlsAllowInvalidHostnames=x",
                |e| matches!(e, UriError::InvalidBool { .. }),
                "x",
            ),
            (
                "mongodb://h/?tlsInsecure=x",
                |e| matches!(e, UriError::InvalidBool { .. }),
                "x",
            ),
            (
                "mongodb://h/?directConnection=x",
                |e| matches!(e, UriError::InvalidBool { .. }),
                "x",
            ),
            (
                "mongodb://h/?connectTimeoutMS=abc",
                |e| matches!(e, UriError::InvalidInteger { .. }),
                "option 'connectTimeoutMS' needs a non-negative integer, got 'abc'",
            ),
            (
                "mongodb://h/?connecttimeoutms=-1",
                |e| matches!(e, UriError::InvalidInteger { .. }),
                "option 'connectTimeoutMS' needs a non-negative integer, got '-1'",
            ),
            (
                "mongodb://h/?serverSelectionTimeoutMS=1.5",
                |e| matches!(e, UriError::InvalidInteger { .. }),
                "'serverSelectionTimeoutMS'",
            ),
            (
                "mongodb://h/?serverSelectionTimeoutMS=99999999999999999999999",
                |e| matches!(e, UriError::InvalidInteger { .. }),
                "99999999999999999999999",
            ),
            (
                "mongodb://h/?authMechanism=FOO",
                |e| matches!(e, UriError::UnknownAuthMechanism { .. }),
                "authMechanism 'FOO' is not one of SCRAM-SHA-1",
            ),
            (
                "mongodb://h/?authMechanism=MONGODB-CR",
                |e| matches!(e, UriError::UnknownAuthMechanism { .. }),
                "removed in MongoDB 4.0",
            ),
            (
                "mongodb://h/?tls=true&ssl=false",
                |e| matches!(e, UriError::TlsSslConflict { .. }),
                "'tls=true' conflicts with 'ssl=false'",
            ),
            (
                "mongodb://h/?ssl=true&tls=false",
                |e| matches!(e, UriError::TlsSslConflict { .. }),
                "'tls=false' conflicts with 'ssl=true'",
            ),
            (
                "mongodb://h/?tlsInsecure=true&tlsAllowInvalidCertificates=true",
                |e| matches!(e, UriError::TlsInsecureConflict { .. }),
                "'tlsInsecure' cannot be combined with 'tlsAllowInvalidCertificates'",
            ),
            (
                "mongodb://h/?tlsAllowInvalidHostnames=false&tlsInsecure=false",
                |e| matches!(e, UriError::TlsInsecureConflict { .. }),
                "'tlsAllowInvalidHostnames'",
            ),
            (
                "mongodb://a,b,c/?directConnection=true",
                |e| *e == UriError::DirectConnectionMultipleHosts { count: 3 },
                "directConnection=true needs exactly one host, got 3",
            ),
            (
                "mongodb+srv://a.example.net,b.example.net/",
                |e| *e == UriError::SrvMultipleHosts { count: 2 },
                "mongodb+srv:// takes exactly one host name, got 2",
            ),
            (
                "mongodb+srv://cluster0.example.net:27017/",
                |e| *e == UriError::SrvPort,
                "without a port",
            ),
            (
                "mongodb+srv://10.0.0.5/",
                |e| matches!(e, UriError::SrvIpAddress { .. }),
                "use mongodb://10.0.0.5/ instead",
            ),
            (
                "mongodb://h/?srvMaxHosts=2",
                |e| {
                    *e == UriError::SrvOptionWithoutSrv {
                        option: "srvMaxHosts",
                    }
                },
                "only for mongodb+srv://",
            ),
            (
                "mongodb+srv://c.example.net/?srvMaxHosts=2&replicaSet=rs0",
                |e| {
                    *e == UriError::SrvMaxHostsConflict {
                        other: "replicaSet",
                    }
                },
                "srvMaxHosts cannot be combined with replicaSet",
            ),
            (
                "mongodb+srv://c.example.net/?srvMaxHosts=1&loadBalanced=true",
                |e| {
                    *e == UriError::SrvMaxHostsConflict {
                        other: "loadBalanced=true",
                    }
                },
                "loadBalanced=true",
            ),
            (
                "mongodb+srv://c.example.net/?directConnection=true",
                |e| *e == UriError::SrvDirectConnection,
                "directConnection=true cannot be used with mongodb+srv://",
            ),
            (
                "mongodb+srv://c.example.net/?srvServiceName=a.b",
                |e| matches!(e, UriError::InvalidSrvServiceName { .. }),
                "not a valid SRV service name",
            ),
            (
                "mongodb+srv://c.example.net/?srvMaxHosts=-1",
                |e| matches!(e, UriError::InvalidSrvMaxHosts { .. }),
                "needs a non-negative integer, got '-1'",
            ),
            (
                "mongodb://%2Ftmp%2Fmongodb-27017.sock",
                |e| matches!(e, UriError::UnixSocket { .. }),
                "unix domain sockets are not supported: mongotls checks TLS over TCP",
            ),
        ];
        for (uri, expected, text) in cases {
            let e = err(uri);
            assert!(expected(&e), "{uri}: unexpected {e:?}");
            assert!(e.to_string().contains(text), "{uri}: '{e}' lacks '{text}'");
        }
        // directConnection=true with one host (or false with several) is fine.
        ok("mongodb://a/?directConnection=true");
        ok("mongodb://a,b/?directConnection=false");
        ok("mongodb://a,a/?directConnection=true");
    }
}
