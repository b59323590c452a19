//! [`UriError`], why a connection string cannot be used: each error's message, and the rule
//! that whatever a message quotes of the string is printable.
//!
//! The messages come from the `uri-error-*` entries of the catalogs (`src/i18n/*/uri.ftl`),
//! rendered in the language in effect when the error is displayed; the explanations an error
//! carries in its fields (`part`, `reason`) are worded when it is made, in the same language.

use std::fmt;

use super::percent::{percent_escape, DecodeError, EncodingProblem};
use super::quote::{escape_controls, printable};
use crate::tr;

/// Why a connection string cannot be used. Messages point at the part, quote the offending
/// text (never a password or a secret option value) and say how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UriError {
    /// Nothing was given.
    Empty,
    /// No `scheme://` at the start.
    MissingScheme,
    /// `mongodb:` without the two slashes.
    MalformedScheme,
    /// A scheme other than `mongodb://`.
    UnsupportedScheme {
        /// The scheme as written.
        scheme: String,
    },
    /// `mongodb+srv://` with more than one host.
    SrvMultipleHosts {
        /// Entries in the host list.
        count: usize,
    },
    /// `mongodb+srv://host:port`.
    SrvPort,
    /// `mongodb+srv://` with an IP address.
    SrvIpAddress {
        /// The address.
        host: String,
    },
    /// `srvServiceName` or `srvMaxHosts` in a `mongodb://` string.
    SrvOptionWithoutSrv {
        /// The option.
        option: &'static str,
    },
    /// `srvMaxHosts` above zero with `replicaSet` or `loadBalanced=true`.
    SrvMaxHostsConflict {
        /// `replicaSet` or `loadBalanced=true`.
        other: &'static str,
    },
    /// `directConnection=true` with `mongodb+srv://`.
    SrvDirectConnection,
    /// `srvServiceName` that is no SRV service name.
    InvalidSrvServiceName {
        /// The value (decoded).
        value: String,
    },
    /// `srvMaxHosts` that is no non-negative integer.
    InvalidSrvMaxHosts {
        /// The value (decoded).
        value: String,
    },
    /// An `@` or a second `:` in the user information.
    UnescapedInUserinfo {
        /// `@` or `:`.
        character: char,
    },
    /// `@host` or `:password@host`.
    EmptyUsername,
    /// An `@` between the first `/` and the options: almost always a `/` in the password.
    AtSignAfterHosts,
    /// The string does not parse, and an `@` after the first `/` means the user information
    /// may have been cut at a `/` in the password: nothing is quoted.
    Ambiguous,
    /// Bad percent-encoding in a part that may be quoted.
    Encoding {
        /// Which part, in words (`user name`, `host`, `database name`, `value of option
        /// 'appName'` in English).
        part: String,
        /// The offending escape (or the whole part for bad UTF-8).
        text: String,
        /// What is wrong.
        problem: EncodingProblem,
    },
    /// Bad percent-encoding in the password or a secret option value (not quoted).
    SecretEncoding {
        /// Which part, in words (`password` or `value of option '...'` in English).
        part: String,
        /// What is wrong.
        problem: EncodingProblem,
    },
    /// No host at all.
    EmptyHostList,
    /// `h1,,h2`.
    EmptyHost {
        /// The host list as written.
        list: String,
        /// 1-based.
        position: usize,
    },
    /// `mongodb://host?options`.
    MissingSlash,
    /// A unix domain socket path.
    UnixSocket {
        /// The socket path (decoded).
        host: String,
    },
    /// A bracketed host that is not an IPv6 address.
    InvalidIpv6 {
        /// The host entry as written.
        text: String,
        /// What is wrong and what to write.
        reason: String,
    },
    /// `[fe80::1%25eth0]`.
    Ipv6Zone {
        /// The host entry as written.
        text: String,
    },
    /// `::1` without brackets.
    Ipv6NotBracketed {
        /// The address.
        address: String,
        /// The port written, or the default.
        port: String,
    },
    /// Numbers and dots that are not an IPv4 address (`256.1.1.1`, `127.1`).
    InvalidIpv4 {
        /// The host as written.
        text: String,
    },
    /// A host name with characters or labels DNS does not allow.
    InvalidHostName {
        /// The host as written (decoded).
        host: String,
        /// What is wrong and what to write.
        reason: String,
    },
    /// `:27017`.
    MissingHostName {
        /// The host entry as written.
        entry: String,
    },
    /// `localhost::27017`.
    TooManyColons {
        /// The host entry as written.
        entry: String,
    },
    /// `host:`.
    EmptyPort {
        /// The host entry as written.
        entry: String,
    },
    /// `host:abc`.
    InvalidPort {
        /// The host entry as written.
        entry: String,
        /// The port as written.
        port: String,
    },
    /// `host:0`, `host:99999`.
    PortOutOfRange {
        /// The host entry as written.
        entry: String,
        /// The port as written.
        port: String,
    },
    /// A database name with a character MongoDB forbids.
    InvalidDatabase {
        /// The name (decoded).
        name: String,
        /// The forbidden character.
        character: char,
    },
    /// `?w` without `=`.
    OptionWithoutValue {
        /// The text, unless the query holds a secret it might be part of.
        text: Option<String>,
    },
    /// `?=x`.
    EmptyOptionName,
    /// A boolean option with another value.
    InvalidBool {
        /// The canonical option name.
        option: String,
        /// The value (decoded).
        value: String,
    },
    /// A millisecond option with another value.
    InvalidInteger {
        /// The canonical option name.
        option: String,
        /// The value (decoded).
        value: String,
    },
    /// An `authMechanism` MongoDB does not have.
    UnknownAuthMechanism {
        /// The value (decoded).
        value: String,
    },
    /// `tls` and `ssl` disagree.
    TlsSslConflict {
        /// The `tls` value.
        tls: bool,
        /// The `ssl` value.
        ssl: bool,
    },
    /// `tlsInsecure` with `tlsAllowInvalidCertificates` or `tlsAllowInvalidHostnames`.
    TlsInsecureConflict {
        /// The other option.
        other: &'static str,
    },
    /// `directConnection=true` with several hosts.
    DirectConnectionMultipleHosts {
        /// Hosts in the list.
        count: usize,
    },
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for UriError {}

impl UriError {
    /// The message, in the language in effect.
    fn message(&self) -> String {
        match self {
            UriError::Empty => tr!("uri-error-empty"),
            UriError::MissingScheme => tr!("uri-error-missing-scheme"),
            UriError::MalformedScheme => tr!("uri-error-malformed-scheme"),
            UriError::UnsupportedScheme { scheme } => {
                tr!("uri-error-unsupported-scheme", scheme = scheme.as_str())
            }
            UriError::SrvMultipleHosts { count } => {
                tr!("uri-error-srv-multiple-hosts", count = count.to_string())
            }
            UriError::SrvPort => tr!("uri-error-srv-port"),
            UriError::SrvIpAddress { host } => {
                tr!("uri-error-srv-ip-address", host = host.as_str())
            }
            UriError::SrvOptionWithoutSrv { option } => {
                tr!("uri-error-srv-option-without-srv", option = *option)
            }
            UriError::SrvMaxHostsConflict { other } => {
                tr!("uri-error-srv-max-hosts-conflict", other = *other)
            }
            UriError::SrvDirectConnection => tr!("uri-error-srv-direct-connection"),
            UriError::InvalidSrvServiceName { value } => {
                tr!("uri-error-invalid-srv-service-name", value = value.as_str())
            }
            UriError::InvalidSrvMaxHosts { value } => {
                tr!("uri-error-invalid-srv-max-hosts", value = value.as_str())
            }
            UriError::UnescapedInUserinfo { character } => tr!(
                "uri-error-unescaped-in-userinfo",
                character = character.to_string(),
                escaped = percent_escape(*character),
            ),
            UriError::EmptyUsername => tr!("uri-error-empty-username"),
            UriError::AtSignAfterHosts => tr!("uri-error-at-sign-after-hosts"),
            UriError::Ambiguous => tr!("uri-error-ambiguous"),
            UriError::Encoding {
                part,
                text,
                problem,
            } => tr!(
                "uri-error-encoding",
                text = text.as_str(),
                part = part.as_str(),
                problem = problem.to_string(),
            ),
            UriError::SecretEncoding { part, problem } => tr!(
                "uri-error-secret-encoding",
                part = part.as_str(),
                problem = problem.to_string(),
            ),
            UriError::EmptyHostList => tr!("uri-error-empty-host-list"),
            UriError::EmptyHost { list, position } => tr!(
                "uri-error-empty-host",
                position = position.to_string(),
                list = list.as_str(),
            ),
            UriError::MissingSlash => tr!("uri-error-missing-slash"),
            UriError::UnixSocket { host } => tr!("uri-error-unix-socket", host = host.as_str()),
            UriError::InvalidIpv6 { text, reason } => tr!(
                "uri-error-invalid-ipv6",
                text = text.as_str(),
                reason = reason.as_str(),
            ),
            UriError::Ipv6Zone { text } => tr!("uri-error-ipv6-zone", text = text.as_str()),
            UriError::Ipv6NotBracketed { address, port } => tr!(
                "uri-error-ipv6-not-bracketed",
                address = address.as_str(),
                port = port.as_str(),
            ),
            UriError::InvalidIpv4 { text } => tr!("uri-error-invalid-ipv4", text = text.as_str()),
            UriError::InvalidHostName { host, reason } => tr!(
                "uri-error-invalid-host-name",
                host = host.as_str(),
                reason = reason.as_str(),
            ),
            UriError::MissingHostName { entry } => {
                tr!("uri-error-missing-host-name", entry = entry.as_str())
            }
            UriError::TooManyColons { entry } => {
                tr!("uri-error-too-many-colons", entry = entry.as_str())
            }
            UriError::EmptyPort { entry } => tr!("uri-error-empty-port", entry = entry.as_str()),
            UriError::InvalidPort { entry, port } => tr!(
                "uri-error-invalid-port",
                port = port.as_str(),
                entry = entry.as_str(),
            ),
            UriError::PortOutOfRange { entry, port } => tr!(
                "uri-error-port-out-of-range",
                port = port.as_str(),
                entry = entry.as_str(),
            ),
            UriError::InvalidDatabase { name, character } => tr!(
                "uri-error-invalid-database",
                name = name.as_str(),
                character = character.to_string(),
            ),
            UriError::OptionWithoutValue { text: Some(text) } => {
                tr!("uri-error-option-without-value", text = text.as_str())
            }
            UriError::OptionWithoutValue { text: None } => {
                tr!("uri-error-option-without-value-hidden")
            }
            UriError::EmptyOptionName => tr!("uri-error-empty-option-name"),
            UriError::InvalidBool { option, value } => tr!(
                "uri-error-invalid-bool",
                option = option.as_str(),
                value = value.as_str(),
            ),
            UriError::InvalidInteger { option, value } => tr!(
                "uri-error-invalid-integer",
                option = option.as_str(),
                value = value.as_str(),
            ),
            UriError::UnknownAuthMechanism { value }
                if value.eq_ignore_ascii_case("MONGODB-CR") =>
            {
                tr!(
                    "uri-error-unknown-auth-mechanism-cr",
                    value = value.as_str()
                )
            }
            UriError::UnknownAuthMechanism { value } => {
                tr!("uri-error-unknown-auth-mechanism", value = value.as_str())
            }
            UriError::TlsSslConflict { tls, ssl } => tr!(
                "uri-error-tls-ssl-conflict",
                tls = tls.to_string(),
                ssl = ssl.to_string(),
            ),
            UriError::TlsInsecureConflict { other } => {
                tr!("uri-error-tls-insecure-conflict", other = *other)
            }
            UriError::DirectConnectionMultipleHosts { count } => tr!(
                "uri-error-direct-connection-multiple-hosts",
                count = count.to_string(),
            ),
        }
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
