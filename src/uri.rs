//! MongoDB connection strings (`mongodb://`): parsing per the MongoDB connection string spec,
//! the options mongotls acts on, and redaction.
//!
//! The redaction guarantee: the password and `tlsCertificateKeyFilePassword` are held in
//! [`Secret`], and appear in no `Debug` or `Display` output, no [`ConnectionString::redacted`]
//! rendering, no warning and no [`UriError`] message. Errors inside the user information
//! never quote it; where a password with an unescaped `/` or `?` makes the rest of the string
//! ambiguous, errors say so instead of quoting what might be part of it.
//!
//! `mongodb+srv://` is refused with [`UriError::SrvNotSupported`], and so are unix domain
//! sockets: mongotls checks TLS over TCP.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// MongoDB's default port, used when a host has none.
pub const DEFAULT_PORT: u16 = 27017;

/// The `authMechanism` values accepted (matched case-insensitively, stored as written here).
pub const AUTH_MECHANISMS: [&str; 7] = [
    "SCRAM-SHA-1",
    "SCRAM-SHA-256",
    "MONGODB-X509",
    "MONGODB-AWS",
    "MONGODB-OIDC",
    "GSSAPI",
    "PLAIN",
];

/// What every secret is rendered as.
const REDACTED: &str = "****";

/// Most warnings [`parse`] returns; past it, the last one says how many more there were.
pub const MAX_WARNINGS: usize = 50;

/// Longest piece of the connection string quoted in an error or a warning, in characters.
const MAX_QUOTED_CHARS: usize = 200;

/// The options mongotls reads into [`UriOptions`], in the order [`ConnectionString::redacted`]
/// renders them.
const MONGOTLS_OPTIONS: [&str; 15] = [
    "tls",
    "ssl",
    "tlsCAFile",
    "tlsCertificateKeyFile",
    "tlsCertificateKeyFilePassword",
    "tlsAllowInvalidHostnames",
    "tlsAllowInvalidCertificates",
    "tlsInsecure",
    "replicaSet",
    "directConnection",
    "connectTimeoutMS",
    "serverSelectionTimeoutMS",
    "authSource",
    "authMechanism",
    "appName",
];

/// Options of MongoDB drivers (the URI options spec and common driver-specific ones) that
/// mongotls does not act on: kept in [`ConnectionString::other_options`], not "unknown".
const OTHER_KNOWN_OPTIONS: [&str; 37] = [
    "authMechanismProperties",
    "compressors",
    "zlibCompressionLevel",
    "heartbeatFrequencyMS",
    "journal",
    "loadBalanced",
    "localThresholdMS",
    "maxIdleTimeMS",
    "maxPoolSize",
    "minPoolSize",
    "maxConnecting",
    "maxStalenessSeconds",
    "proxyHost",
    "proxyPort",
    "proxyUsername",
    "proxyPassword",
    "readConcernLevel",
    "readPreference",
    "readPreferenceTags",
    "retryReads",
    "retryWrites",
    "serverMonitoringMode",
    "serverSelectionTryOnce",
    "socketTimeoutMS",
    "srvMaxHosts",
    "srvServiceName",
    "timeoutMS",
    "tlsDisableCertificateRevocationCheck",
    "tlsDisableOCSPEndpointCheck",
    "tlsCRLFile",
    "w",
    "wTimeoutMS",
    "wtimeout",
    "waitQueueMultiple",
    "waitQueueTimeoutMS",
    "uuidRepresentation",
    "gssapiServiceName",
];

/// A secret string (a password). `Debug` and `Display` print `****`; [`Secret::expose`] is the
/// only way to the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself: for the one place that must hand it to a TLS or auth library. Never
    /// print it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

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

/// The options mongotls acts on. `None` means the option was not given (or given empty, which
/// the spec says to ignore).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UriOptions {
    /// `tls`, or its old name `ssl` (both given with different values is an error).
    pub tls: Option<bool>,
    /// `tlsCAFile`.
    pub tls_ca_file: Option<PathBuf>,
    /// `tlsCertificateKeyFile`.
    pub tls_certificate_key_file: Option<PathBuf>,
    /// `tlsCertificateKeyFilePassword` (secret).
    pub tls_certificate_key_file_password: Option<Secret>,
    /// `tlsAllowInvalidHostnames`.
    pub tls_allow_invalid_hostnames: Option<bool>,
    /// `tlsAllowInvalidCertificates`.
    pub tls_allow_invalid_certificates: Option<bool>,
    /// `tlsInsecure` (cannot be combined with the two above).
    pub tls_insecure: Option<bool>,
    /// `replicaSet`.
    pub replica_set: Option<String>,
    /// `directConnection` (`true` needs exactly one host).
    pub direct_connection: Option<bool>,
    /// `connectTimeoutMS`. Zero is kept: drivers read it as "no timeout".
    pub connect_timeout: Option<Duration>,
    /// `serverSelectionTimeoutMS`. Zero is kept: callers check ranges.
    pub server_selection_timeout: Option<Duration>,
    /// `authSource`.
    pub auth_source: Option<String>,
    /// `authMechanism`, one of [`AUTH_MECHANISMS`] spelt as there.
    pub auth_mechanism: Option<String>,
    /// `appName`.
    pub app_name: Option<String>,
}

impl UriOptions {
    /// The TLS options other than `tls`/`ssl` that are set, by their URI names.
    pub fn tls_options_set(&self) -> Vec<&'static str> {
        [
            ("tlsCAFile", self.tls_ca_file.is_some()),
            (
                "tlsCertificateKeyFile",
                self.tls_certificate_key_file.is_some(),
            ),
            (
                "tlsCertificateKeyFilePassword",
                self.tls_certificate_key_file_password.is_some(),
            ),
            (
                "tlsAllowInvalidHostnames",
                self.tls_allow_invalid_hostnames.is_some(),
            ),
            (
                "tlsAllowInvalidCertificates",
                self.tls_allow_invalid_certificates.is_some(),
            ),
            ("tlsInsecure", self.tls_insecure.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect()
    }
}

/// A driver option mongotls does not act on (or does not know), kept so that
/// [`ConnectionString::redacted`] renders the whole string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherOption {
    /// The name as written (percent-decoded).
    pub name: String,
    /// The value (percent-decoded); `None` for options that carry secrets (`proxyPassword`,
    /// `authMechanismProperties`, and any name containing `password`, `secret` or `token`),
    /// whose values are dropped while parsing and rendered as `****`.
    pub value: Option<String>,
    /// The option is a MongoDB driver option (not a typo or an invention).
    pub known: bool,
}

/// A parsed `mongodb://` connection string.
///
/// `Debug` and `Display` are safe to print: `Display` is [`ConnectionString::redacted`], and
/// the secrets are [`Secret`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionString {
    /// The host list, in order, duplicates removed (a warning says so).
    pub hosts: Vec<HostPort>,
    /// The user name (percent-decoded).
    pub username: Option<String>,
    /// The password (percent-decoded). `Some("")` for `user:@host`.
    pub password: Option<Secret>,
    /// The auth database (percent-decoded); `None` when absent or empty.
    pub database: Option<String>,
    /// The options mongotls acts on.
    pub options: UriOptions,
    /// Names of options that are no MongoDB option (each also has a warning, unless there
    /// were more than [`MAX_WARNINGS`]), in order, as the warnings quote them: control
    /// characters escaped, a very long name cut.
    pub unknown_options: Vec<String>,
    /// Everything a user should hear about that did not stop parsing: unknown, repeated and
    /// empty options, duplicate hosts, TLS options that do not match `tls`. Print them all:
    /// control characters in them are escaped, and there are at most [`MAX_WARNINGS`] (the
    /// last then says how many more there were).
    pub warnings: Vec<String>,
    /// Every option not in [`ConnectionString::options`], in order (known driver options and
    /// unknown ones).
    pub other_options: Vec<OtherOption>,
}

impl FromStr for ConnectionString {
    type Err = UriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl fmt::Display for ConnectionString {
    /// The same as [`ConnectionString::redacted`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl ConnectionString {
    /// The connection string rendered again, safe to print: the password and every secret
    /// option value are `****`; hosts are normalised (lower-case names, explicit ports, IPv6
    /// in brackets, duplicates removed); options use their canonical names (`ssl` becomes
    /// `tls`), mongotls' own first, then the others in their original order; a `/` always
    /// follows the host list. [`parse`] reads it back to the same hosts and options.
    pub fn redacted(&self) -> String {
        let mut out = String::from("mongodb://");
        if let Some(user) = &self.username {
            out.push_str(&encode(user, ""));
            if self.password.is_some() {
                out.push(':');
                out.push_str(REDACTED);
            }
            out.push('@');
        }
        let hosts: Vec<String> = self.hosts.iter().map(ToString::to_string).collect();
        out.push_str(&hosts.join(","));
        out.push('/');
        if let Some(db) = &self.database {
            out.push_str(&encode(db, "."));
        }
        let pairs = self.option_pairs();
        if !pairs.is_empty() {
            out.push('?');
            let rendered: Vec<String> = pairs
                .iter()
                .map(|(name, value)| format!("{}={value}", encode(name, "")))
                .collect();
            out.push_str(&rendered.join("&"));
        }
        out
    }

    /// Whether mongotls should speak TLS to these hosts.
    ///
    /// `tls` (or `ssl`) decides when given. When neither is given, TLS is on if any other TLS
    /// option is set (`tlsCAFile`, `tlsCertificateKeyFile`, `tlsCertificateKeyFilePassword`,
    /// `tlsAllowInvalidHostnames`, `tlsAllowInvalidCertificates`, `tlsInsecure`): asking for a
    /// CA file means TLS was meant. The spec's default for `mongodb://` is off and drivers
    /// differ on whether these options imply TLS, so parsing adds a warning in that case
    /// asking for an explicit `tls=true`. Otherwise off, as in the spec.
    pub fn tls_enabled(&self) -> bool {
        self.options
            .tls
            .unwrap_or_else(|| !self.options.tls_options_set().is_empty())
    }

    /// Options as `(canonical name, percent-encoded value)`, secrets as `****`.
    fn option_pairs(&self) -> Vec<(String, String)> {
        let o = &self.options;
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut push = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((name.to_owned(), value));
            }
        };
        let text = |s: &Option<String>| s.as_deref().map(|v| encode(v, VALUE_SAFE));
        let path =
            |p: &Option<PathBuf>| p.as_ref().map(|p| encode(&p.to_string_lossy(), VALUE_SAFE));
        let flag = |b: Option<bool>| b.map(|b| b.to_string());
        let millis = |d: Option<Duration>| d.map(|d| d.as_millis().to_string());
        push("tls", flag(o.tls));
        push("tlsCAFile", path(&o.tls_ca_file));
        push("tlsCertificateKeyFile", path(&o.tls_certificate_key_file));
        push(
            "tlsCertificateKeyFilePassword",
            o.tls_certificate_key_file_password
                .as_ref()
                .map(|_| REDACTED.to_owned()),
        );
        push(
            "tlsAllowInvalidHostnames",
            flag(o.tls_allow_invalid_hostnames),
        );
        push(
            "tlsAllowInvalidCertificates",
            flag(o.tls_allow_invalid_certificates),
        );
        push("tlsInsecure", flag(o.tls_insecure));
        push("replicaSet", text(&o.replica_set));
        push("directConnection", flag(o.direct_connection));
        push("connectTimeoutMS", millis(o.connect_timeout));
        push(
            "serverSelectionTimeoutMS",
            millis(o.server_selection_timeout),
        );
        push("authSource", text(&o.auth_source));
        push("authMechanism", text(&o.auth_mechanism));
        push("appName", text(&o.app_name));
        for other in &self.other_options {
            let value = match &other.value {
                Some(v) => encode(v, VALUE_SAFE),
                None => REDACTED.to_owned(),
            };
            pairs.push((other.name.clone(), value));
        }
        pairs
    }
}

/// What is wrong with a percent-encoded part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingProblem {
    /// A `%` not followed by two hex digits; `position` counts characters from 1 in the part
    /// as written.
    BadEscape {
        /// Where the `%` is (1-based, in characters).
        position: usize,
    },
    /// The escapes decode to bytes that are not UTF-8.
    NotUtf8,
}

impl fmt::Display for EncodingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodingProblem::BadEscape { position } => write!(
                f,
                "the '%' at character {position} is not followed by two hex digits \
                 (write '%' itself as %25)"
            ),
            EncodingProblem::NotUtf8 => f.write_str("the %-escapes do not decode to UTF-8 text"),
        }
    }
}

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
    /// `mongodb+srv://`: mongotls does not resolve SRV records (the CLI exits 2).
    #[error(
        "mongodb+srv:// URIs are not supported yet: resolve the SRV record \
         (dig SRV _mongodb._tcp.{}) \
         and pass the hosts as mongodb://h1:p1,h2:p2/?tls=true",
        host.as_deref().unwrap_or("HOST")
    )]
    SrvNotSupported {
        /// The SRV name, when it could be read safely.
        host: Option<String>,
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

fn percent_escape(c: char) -> String {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect()
}

fn option_without_value_message(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("option '{text}' has no '=': write name=value"),
        None => "an option has no '=' (not shown: the options hold a secret it may be part of): \
                 write name=value, and percent-encode '&' and ';' inside values as %26 and %3B"
            .to_owned(),
    }
}

/// Parses a `mongodb://[user[:password]@]host[:port][,host[:port]...][/[database]][?options]`
/// connection string.
///
/// Surrounding white space is ignored. Unknown options, repeated options (the last one
/// wins), empty option values (ignored, as the spec says) and duplicate hosts are warnings in
/// [`ConnectionString::warnings`], not errors (at most [`MAX_WARNINGS`] of them).
///
/// Whatever an error or a warning quotes of the string is printable: control characters
/// (line breaks, terminal escapes) are escaped, and a quoted piece is cut after 200
/// characters.
///
/// # Errors
///
/// [`UriError`] for anything that cannot be used; every message says which part is wrong and
/// how to fix it, and none contains the password.
pub fn parse(uri: &str) -> Result<ConnectionString, UriError> {
    match parse_unchecked(uri) {
        Ok(mut cs) => {
            cs.warnings = printable_warnings(std::mem::take(&mut cs.warnings));
            Ok(cs)
        }
        Err(e) => Err(e.printable()),
    }
}

/// At most [`MAX_WARNINGS`] warnings, with what they quote made printable.
fn printable_warnings(mut warnings: Vec<String>) -> Vec<String> {
    if warnings.len() > MAX_WARNINGS {
        let hidden = warnings.len() - (MAX_WARNINGS - 1);
        warnings.truncate(MAX_WARNINGS - 1);
        warnings.push(format!(
            "{hidden} more warnings about the connection string are not shown; fix the ones \
             above and run again"
        ));
    }
    warnings.iter().map(|w| escape_controls(w)).collect()
}

/// A piece of the connection string fit to quote in a message: [`escape_controls`], and at
/// most [`MAX_QUOTED_CHARS`] characters (then `…`).
fn printable(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", escape_controls(text.get(..end).unwrap_or(text))),
        None => escape_controls(text),
    }
}

/// `text` with control characters (line breaks, terminal escapes) and bidi overrides written
/// as escapes (`\n`, `\u{1b}`), so that a message cannot move the cursor, recolour the
/// terminal or reorder what the reader sees: the renderers' own rule.
fn escape_controls(text: &str) -> String {
    crate::escape::printable(text).into_owned()
}

impl UriError {
    /// The same error, with every piece of the connection string it quotes made
    /// [`printable`] (and explanations that quote a piece, [`escape_controls`]).
    fn printable(self) -> UriError {
        let p = |text: String| printable(&text);
        let e = |text: String| escape_controls(&text);
        match self {
            UriError::UnsupportedScheme { scheme } => {
                UriError::UnsupportedScheme { scheme: p(scheme) }
            }
            UriError::SrvNotSupported { host } => UriError::SrvNotSupported { host: host.map(p) },
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
            UriError::InvalidDatabase { name, character } => UriError::InvalidDatabase {
                name: p(name),
                character,
            },
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
            | UriError::DirectConnectionMultipleHosts { .. }) => other,
        }
    }
}

/// [`parse`] before what the result quotes is made printable.
fn parse_unchecked(uri: &str) -> Result<ConnectionString, UriError> {
    let text = uri.trim();
    if text.is_empty() {
        return Err(UriError::Empty);
    }
    let rest = strip_scheme(text)?;
    let (authority, tail) = match rest.split_once('/') {
        Some((authority, tail)) => (authority, Some(tail)),
        None => (rest, None),
    };
    let (userinfo, host_list) = match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => (Some(userinfo), hosts),
        None => (None, authority),
    };
    if tail.is_none() && authority.contains('?') {
        return Err(UriError::MissingSlash);
    }
    // An '@' after the first '/' may mean the user information was cut at a '/' in the
    // password, so what looks like hosts, database or options may be part of it: quote
    // nothing if parsing fails.
    let ambiguous = tail.is_some_and(|t| t.contains('@'));
    let parsed = parse_parts(userinfo, host_list, tail);
    match parsed {
        Err(e) if ambiguous && e != UriError::AtSignAfterHosts => Err(UriError::Ambiguous),
        other => other,
    }
}

/// Removes `mongodb://` (any case), or says what is wrong with the scheme.
fn strip_scheme(text: &str) -> Result<&str, UriError> {
    const SCHEME: &str = "mongodb://";
    const SRV: &str = "mongodb+srv://";
    if let Some(prefix) = text.get(..SCHEME.len()) {
        if prefix.eq_ignore_ascii_case(SCHEME) {
            return Ok(text.get(SCHEME.len()..).unwrap_or(""));
        }
    }
    if let Some(prefix) = text.get(..SRV.len()) {
        if prefix.eq_ignore_ascii_case(SRV) {
            let rest = text.get(SRV.len()..).unwrap_or("");
            return Err(UriError::SrvNotSupported {
                host: srv_host(rest),
            });
        }
    }
    match text.split_once("://") {
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme.len() <= 20
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            Err(UriError::UnsupportedScheme {
                scheme: scheme.to_owned(),
            })
        }
        Some(_) => Err(UriError::MissingScheme),
        None => {
            let malformed = text
                .get(..8)
                .is_some_and(|p| p.eq_ignore_ascii_case("mongodb:"));
            Err(if malformed {
                UriError::MalformedScheme
            } else {
                UriError::MissingScheme
            })
        }
    }
}

/// The SRV name of a `mongodb+srv://` string, when it can be read without any chance of
/// quoting a password.
fn srv_host(rest: &str) -> Option<String> {
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host = match authority.rsplit_once('@') {
        Some((_, host)) => host,
        None if rest.contains('@') => return None,
        None => authority,
    };
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    plain.then(|| host.to_ascii_lowercase())
}

fn parse_parts(
    userinfo: Option<&str>,
    host_list: &str,
    tail: Option<&str>,
) -> Result<ConnectionString, UriError> {
    let mut warnings = Vec::new();
    let (username, password) = match userinfo {
        Some(userinfo) => parse_userinfo(userinfo)?,
        None => (None, None),
    };
    let (db_text, query) = match tail {
        Some(tail) => match tail.split_once('?') {
            Some((db, query)) => (db, Some(query)),
            None => (tail, None),
        },
        None => ("", None),
    };
    // No database or option name has an '@': it is the rest of a password cut at a '/'.
    let at_in_option_name = query.is_some_and(|q| {
        q.split(['&', ';']).any(|segment| {
            segment
                .split('=')
                .next()
                .is_some_and(|name| name.contains('@'))
        })
    });
    if db_text.contains('@') || at_in_option_name {
        return Err(UriError::AtSignAfterHosts);
    }
    if host_list.is_empty() {
        if let Some(end) = db_text.find(".sock") {
            return Err(UriError::UnixSocket {
                host: format!("/{}", db_text.get(..end + 5).unwrap_or(db_text)),
            });
        }
    }
    let hosts = parse_hosts(host_list, &mut warnings)?;
    let database = parse_database(db_text)?;
    let parsed = parse_options(query.unwrap_or(""), &mut warnings)?;

    let options = parsed.options;
    if options.direct_connection == Some(true) && hosts.len() > 1 {
        return Err(UriError::DirectConnectionMultipleHosts { count: hosts.len() });
    }
    let tls_set = options.tls_options_set();
    if !tls_set.is_empty() {
        let names = tls_set.join(", ");
        match options.tls {
            None => warnings.push(format!(
                "{names} given without tls=true: mongotls assumes TLS, but drivers differ on \
                 whether these options turn it on; add tls=true"
            )),
            Some(false) => warnings.push(format!(
                "tls=false, so {names} {} ignored: set tls=true to use TLS",
                if tls_set.len() == 1 { "is" } else { "are" }
            )),
            Some(true) => {}
        }
    }
    if let Some(name) = &options.app_name {
        if name.len() > 128 {
            warnings.push(format!(
                "appName is {} bytes long: drivers allow at most 128",
                name.len()
            ));
        }
    }
    Ok(ConnectionString {
        hosts,
        username,
        password,
        database,
        options,
        unknown_options: parsed.unknown,
        warnings,
        other_options: parsed.other,
    })
}

fn parse_userinfo(userinfo: &str) -> Result<(Option<String>, Option<Secret>), UriError> {
    if userinfo.contains('@') {
        return Err(UriError::UnescapedInUserinfo { character: '@' });
    }
    let (user, password) = match userinfo.split_once(':') {
        Some((user, password)) => (user, Some(password)),
        None => (userinfo, None),
    };
    if password.is_some_and(|p| p.contains(':')) {
        return Err(UriError::UnescapedInUserinfo { character: ':' });
    }
    if user.is_empty() {
        return Err(UriError::EmptyUsername);
    }
    let user = decode(user).map_err(|e| e.quoted("user name"))?;
    let password = match password {
        Some(p) => Some(Secret::new(decode(p).map_err(|e| {
            UriError::SecretEncoding {
                part: "password".to_owned(),
                problem: e.problem,
            }
        })?)),
        None => None,
    };
    Ok((Some(user), password))
}

fn parse_hosts(list: &str, warnings: &mut Vec<String>) -> Result<Vec<HostPort>, UriError> {
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
        let host = parse_host_port(entry, warnings)?;
        if hosts.contains(&host) {
            warnings.push(format!(
                "host {host} is listed more than once; the duplicate is ignored"
            ));
        } else {
            hosts.push(host);
        }
    }
    Ok(hosts)
}

fn parse_host_port(entry: &str, warnings: &mut Vec<String>) -> Result<HostPort, UriError> {
    let lower = entry.to_ascii_lowercase();
    if lower.contains("%2f") || lower.ends_with(".sock") {
        return Err(UriError::UnixSocket {
            host: decode(entry).unwrap_or_else(|_| entry.to_owned()),
        });
    }
    if let Some(inside_and_after) = entry.strip_prefix('[') {
        let invalid = |reason: &str| UriError::InvalidIpv6 {
            text: entry.to_owned(),
            reason: reason.to_owned(),
        };
        let Some((inside, after)) = inside_and_after.split_once(']') else {
            return Err(invalid(
                "missing ']': write the address in brackets, e.g. [::1]:27017",
            ));
        };
        if inside.contains('%') {
            return Err(UriError::Ipv6Zone {
                text: entry.to_owned(),
            });
        }
        let ip = Ipv6Addr::from_str(inside).map_err(|_| {
            invalid("not an IPv6 address (IPv4 addresses and names go without brackets)")
        })?;
        let port = if after.is_empty() {
            DEFAULT_PORT
        } else if let Some(port) = after.strip_prefix(':') {
            parse_port(port, entry)?
        } else {
            return Err(invalid(
                "unexpected text after ']': write [address]:port, e.g. [::1]:27017",
            ));
        };
        return Ok(HostPort {
            host: Host::Ip(IpAddr::V6(ip)),
            port,
        });
    }
    if entry.contains(']') {
        return Err(UriError::InvalidIpv6 {
            text: entry.to_owned(),
            reason: "']' without '[': write [address]:port, e.g. [::1]:27017".to_owned(),
        });
    }
    let (name, port) = match entry.matches(':').count() {
        0 => (entry, None),
        1 => match entry.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (entry, None),
        },
        _ => {
            if Ipv6Addr::from_str(entry).is_ok() {
                return Err(UriError::Ipv6NotBracketed {
                    address: entry.to_owned(),
                    port: DEFAULT_PORT.to_string(),
                });
            }
            if let Some((address, port)) = entry.rsplit_once(':') {
                if Ipv6Addr::from_str(address).is_ok() && port.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(UriError::Ipv6NotBracketed {
                        address: address.to_owned(),
                        port: port.to_owned(),
                    });
                }
            }
            return Err(UriError::TooManyColons {
                entry: entry.to_owned(),
            });
        }
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

fn parse_host_name(name: &str, warnings: &mut Vec<String>) -> Result<Host, UriError> {
    let decoded = if name.contains('%') {
        decode(name).map_err(|e| e.quoted("host"))?
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
        return Err(invalid(
            "it has non-ASCII characters: write an internationalised name in its xn-- \
             (punycode) form"
                .to_owned(),
        ));
    }
    if let Some(c) = decoded
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
    {
        return Err(invalid(format!(
            "'{}' is not allowed in a host name (letters, digits, '-', '.' only)",
            c.escape_default()
        )));
    }
    let mut lower = decoded.to_ascii_lowercase();
    if lower.len() > 1 && lower.ends_with('.') {
        lower.pop();
        warnings.push(format!(
            "host name '{decoded}' ends with '.': it is used as '{lower}', the form \
             certificates name"
        ));
    }
    if lower.len() > 253 {
        return Err(invalid("it is longer than 253 characters".to_owned()));
    }
    let labels: Vec<&str> = lower.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Err(invalid(
            "it has an empty label (a leading dot or two dots in a row)".to_owned(),
        ));
    }
    if labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return Err(UriError::InvalidIpv4 { text: decoded });
    }
    for label in &labels {
        if label.len() > 63 {
            return Err(invalid(format!(
                "the label '{label}' is longer than 63 characters"
            )));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(invalid(format!(
                "the label '{label}' starts or ends with '-'"
            )));
        }
    }
    Ok(Host::Dns(lower))
}

fn parse_database(text: &str) -> Result<Option<String>, UriError> {
    if text.is_empty() {
        return Ok(None);
    }
    let name = decode(text).map_err(|e| e.quoted("database name"))?;
    if let Some(character) = name
        .chars()
        .find(|c| matches!(c, '/' | '\\' | ' ' | '"' | '$'))
    {
        return Err(UriError::InvalidDatabase { name, character });
    }
    Ok((!name.is_empty()).then_some(name))
}

/// What the options part yields.
struct ParsedOptions {
    options: UriOptions,
    unknown: Vec<String>,
    other: Vec<OtherOption>,
}

/// Option values that may be secrets: never quoted, never stored outside [`Secret`].
fn is_sensitive(lower_name: &str) -> bool {
    matches!(lower_name, "proxypassword" | "authmechanismproperties")
        || ["password", "secret", "token"]
            .iter()
            .any(|w| lower_name.contains(w))
}

fn canonical_name(lower_name: &str) -> Option<&'static str> {
    MONGOTLS_OPTIONS
        .iter()
        .chain(OTHER_KNOWN_OPTIONS.iter())
        .find(|known| known.eq_ignore_ascii_case(lower_name))
        .copied()
}

fn parse_options(query: &str, warnings: &mut Vec<String>) -> Result<ParsedOptions, UriError> {
    let mut o = UriOptions::default();
    let mut tls: Option<bool> = None;
    let mut ssl: Option<bool> = None;
    let mut unknown: Vec<String> = Vec::new();
    // Sets beside the ordered lists: a connection string with thousands of options must not
    // take quadratic time (found by fuzzing).
    let mut unknown_set: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut other: Vec<OtherOption> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let query_lower = query.to_ascii_lowercase();
    let holds_secret = ["password", "secret", "token", "authmechanismproperties"]
        .iter()
        .any(|w| query_lower.contains(w));
    if query.contains('&') && query.contains(';') {
        warnings.push(
            "the options mix '&' and ';' as separators: use '&' only ('&' is the standard)"
                .to_owned(),
        );
    }

    for segment in query.split(['&', ';']) {
        if segment.is_empty() {
            continue;
        }
        let Some((raw_key, raw_value)) = segment.split_once('=') else {
            return Err(UriError::OptionWithoutValue {
                text: (!holds_secret).then(|| segment.to_owned()),
            });
        };
        if raw_key.is_empty() {
            return Err(UriError::EmptyOptionName);
        }
        let key = decode(raw_key).map_err(|e| e.quoted("option name"))?;
        let lower = key.to_ascii_lowercase();
        let canonical = canonical_name(&lower);
        let display_name = canonical.unwrap_or(&key).to_owned();
        // The name as messages quote it.
        let shown_name = printable(&display_name);
        let sensitive = is_sensitive(&lower);
        let part = format!("value of option '{shown_name}'");
        let value = decode(raw_value).map_err(|e| {
            if sensitive {
                UriError::SecretEncoding {
                    part: part.clone(),
                    problem: e.problem.clone(),
                }
            } else {
                e.quoted(&part)
            }
        })?;
        if value.is_empty() {
            warnings.push(format!(
                "option '{shown_name}' has an empty value and is ignored"
            ));
            continue;
        }
        if !seen.insert(lower.clone()) && lower != "readpreferencetags" {
            warnings.push(format!(
                "option '{shown_name}' is given more than once; the last value is used"
            ));
        }
        let bool_value = || parse_bool(&display_name, &value);
        let millis_value = || parse_millis(&display_name, &value);
        match canonical {
            Some("tls") => tls = Some(bool_value()?),
            Some("ssl") => ssl = Some(bool_value()?),
            Some("tlsCAFile") => o.tls_ca_file = Some(PathBuf::from(&value)),
            Some("tlsCertificateKeyFile") => {
                o.tls_certificate_key_file = Some(PathBuf::from(&value));
            }
            Some("tlsCertificateKeyFilePassword") => {
                o.tls_certificate_key_file_password = Some(Secret::new(value));
            }
            Some("tlsAllowInvalidHostnames") => {
                o.tls_allow_invalid_hostnames = Some(bool_value()?);
            }
            Some("tlsAllowInvalidCertificates") => {
                o.tls_allow_invalid_certificates = Some(bool_value()?);
            }
            Some("tlsInsecure") => o.tls_insecure = Some(bool_value()?),
            Some("replicaSet") => o.replica_set = Some(value),
            Some("directConnection") => o.direct_connection = Some(bool_value()?),
            Some("connectTimeoutMS") => o.connect_timeout = Some(millis_value()?),
            Some("serverSelectionTimeoutMS") => {
                o.server_selection_timeout = Some(millis_value()?);
            }
            Some("authSource") => o.auth_source = Some(value),
            Some("authMechanism") => {
                let Some(mechanism) = AUTH_MECHANISMS
                    .iter()
                    .find(|m| m.eq_ignore_ascii_case(&value))
                else {
                    return Err(UriError::UnknownAuthMechanism { value });
                };
                o.auth_mechanism = Some((*mechanism).to_owned());
            }
            Some("appName") => o.app_name = Some(value),
            known => {
                if known.is_none() {
                    if unknown_set.insert(key.clone()) {
                        unknown.push(shown_name.clone());
                    }
                    warnings.push(match suggestion(&lower) {
                        Some(s) => {
                            format!("unknown option '{shown_name}' is ignored: did you mean '{s}'?")
                        }
                        None => format!("unknown option '{shown_name}' is ignored"),
                    });
                }
                other.push(OtherOption {
                    name: known.map_or(key, str::to_owned),
                    value: (!sensitive).then_some(value),
                    known: known.is_some(),
                });
            }
        }
    }

    if let (Some(t), Some(s)) = (tls, ssl) {
        if t != s {
            return Err(UriError::TlsSslConflict { tls: t, ssl: s });
        }
    }
    o.tls = tls.or(ssl);
    if o.tls_insecure.is_some() {
        if o.tls_allow_invalid_certificates.is_some() {
            return Err(UriError::TlsInsecureConflict {
                other: "tlsAllowInvalidCertificates",
            });
        }
        if o.tls_allow_invalid_hostnames.is_some() {
            return Err(UriError::TlsInsecureConflict {
                other: "tlsAllowInvalidHostnames",
            });
        }
    }
    Ok(ParsedOptions {
        options: o,
        unknown,
        other,
    })
}

fn parse_bool(option: &str, value: &str) -> Result<bool, UriError> {
    if value.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if value.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(UriError::InvalidBool {
            option: option.to_owned(),
            value: value.to_owned(),
        })
    }
}

fn parse_millis(option: &str, value: &str) -> Result<Duration, UriError> {
    let invalid = || UriError::InvalidInteger {
        option: option.to_owned(),
        value: value.to_owned(),
    };
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    value
        .parse::<u64>()
        .map(Duration::from_millis)
        .map_err(|_| invalid())
}

/// The known option closest to an unknown one, if it is close enough to be a typo.
fn suggestion(lower_name: &str) -> Option<&'static str> {
    let len = lower_name.chars().count();
    MONGOTLS_OPTIONS
        .iter()
        .chain(OTHER_KNOWN_OPTIONS.iter())
        // The edit distance is at least the length difference: skip hopeless candidates
        // before the quadratic computation (a 100 KB option name took minutes; found by fuzzing).
        .filter(|known| len.abs_diff(known.len()) <= 2.max(known.len() / 5))
        .map(|known| {
            (
                edit_distance(lower_name, &known.to_ascii_lowercase()),
                *known,
            )
        })
        .filter(|(distance, known)| *distance <= 2.max(known.len() / 5))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| known)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let delete = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insert = current.get(j).copied().unwrap_or(0) + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// A percent-decoding failure, before we know whether the text may be quoted.
struct DecodeError {
    /// The offending escape (`%zz`), or the whole text for bad UTF-8.
    snippet: String,
    problem: EncodingProblem,
}

impl DecodeError {
    /// The error for a part that may be quoted.
    fn quoted(self, part: &str) -> UriError {
        UriError::Encoding {
            part: part.to_owned(),
            text: self.snippet,
            problem: self.problem,
        }
    }
}

/// RFC 3986 percent-decoding (`+` stays `+`).
fn decode(text: &str) -> Result<String, DecodeError> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().enumerate();
    while let Some((index, (offset, c))) = chars.next() {
        if c != '%' {
            let mut buf = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let hex = text.get(offset + 1..offset + 3);
        let byte = hex
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match byte {
            Some(byte) => {
                bytes.push(byte);
                chars.next();
                chars.next();
            }
            None => {
                let snippet: String = text.get(offset..).unwrap_or("").chars().take(3).collect();
                return Err(DecodeError {
                    snippet,
                    problem: EncodingProblem::BadEscape {
                        position: index + 1,
                    },
                });
            }
        }
    }
    String::from_utf8(bytes).map_err(|_| DecodeError {
        snippet: text.to_owned(),
        problem: EncodingProblem::NotUtf8,
    })
}

/// Characters left as they are in rendered option values, besides the unreserved ones.
const VALUE_SAFE: &str = "/:,";

/// Percent-encodes all but RFC 3986 unreserved characters and `keep`.
fn encode(text: &str, keep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "-._~".contains(c) || keep.contains(c) {
            out.push(c);
        } else {
            out.push_str(&percent_escape(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(uri: &str) -> ConnectionString {
        match parse(uri) {
            Ok(cs) => cs,
            Err(e) => panic!("{uri}: {e}"),
        }
    }

    fn err(uri: &str) -> UriError {
        match parse(uri) {
            Ok(cs) => panic!("{uri} parsed: {cs:?}"),
            Err(e) => e,
        }
    }

    fn dns(name: &str, port: u16) -> HostPort {
        HostPort {
            host: Host::Dns(name.to_owned()),
            port,
        }
    }

    fn ip(addr: &str, port: u16) -> HostPort {
        HostPort {
            host: Host::Ip(addr.parse().unwrap()),
            port,
        }
    }

    #[test]
    fn alibaba_example() {
        let cs = ok(
            "mongodb://root:****@dds-xxxx.mongodb.rds.aliyuncs.com:3717,\
                     dds-yyyy.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-12345678",
        );
        assert_eq!(
            cs.hosts,
            vec![
                dns("dds-xxxx.mongodb.rds.aliyuncs.com", 3717),
                dns("dds-yyyy.mongodb.rds.aliyuncs.com", 3717)
            ]
        );
        assert_eq!(cs.username.as_deref(), Some("root"));
        assert_eq!(cs.password.as_ref().map(Secret::expose), Some("****"));
        assert_eq!(cs.database.as_deref(), Some("admin"));
        assert_eq!(cs.options.replica_set.as_deref(), Some("mgset-12345678"));
        assert!(cs.warnings.is_empty(), "{:?}", cs.warnings);
        assert!(!cs.tls_enabled());
        assert_eq!(
            cs.redacted(),
            "mongodb://root:****@dds-xxxx.mongodb.rds.aliyuncs.com:3717,\
             dds-yyyy.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-12345678"
        );
    }

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
    fn percent_encoding_is_decoded() {
        let cs = ok("mongodb://us%40er%3A1:p%40ss%3Aw%2Fd%25%C3%A9@h/my%2Ddb\
                     ?appName=my%20app%26co&tlsCAFile=%2Fetc%2Fssl%2Fca.pem");
        assert_eq!(cs.username.as_deref(), Some("us@er:1"));
        assert_eq!(cs.password.as_ref().map(Secret::expose), Some("p@ss:w/d%é"));
        assert_eq!(cs.database.as_deref(), Some("my-db"));
        assert_eq!(cs.options.app_name.as_deref(), Some("my app&co"));
        assert_eq!(
            cs.options.tls_ca_file,
            Some(PathBuf::from("/etc/ssl/ca.pem"))
        );
        // '+' is not a space (RFC 3986, not form encoding).
        let cs = ok("mongodb://u:a+b@h/?appName=a+b");
        assert_eq!(cs.password.as_ref().map(Secret::expose), Some("a+b"));
        assert_eq!(cs.options.app_name.as_deref(), Some("a+b"));
        // A password may hold reserved characters other than '@', ':' and '/' unescaped.
        let cs = ok("mongodb://u:p?q!$@h/");
        assert_eq!(cs.password.as_ref().map(Secret::expose), Some("p?q!$"));
    }

    #[test]
    fn user_without_password_and_empty_password() {
        let cs = ok("mongodb://CN%3Dclient@h/?authMechanism=mongodb-x509&tls=true");
        assert_eq!(cs.username.as_deref(), Some("CN=client"));
        assert_eq!(cs.password, None);
        assert_eq!(cs.options.auth_mechanism.as_deref(), Some("MONGODB-X509"));
        assert_eq!(
            cs.redacted(),
            "mongodb://CN%3Dclient@h:27017/?tls=true&authMechanism=MONGODB-X509"
        );
        let cs = ok("mongodb://u:@h");
        assert_eq!(cs.password.as_ref().map(Secret::expose), Some(""));
        assert_eq!(cs.redacted(), "mongodb://u:****@h:27017/");
    }

    #[test]
    fn every_option() {
        let cs = ok(
            "mongodb://h/?tls=true&tlsCAFile=ca.pem&tlsCertificateKeyFile=client.pem\
                     &tlsCertificateKeyFilePassword=kp&tlsAllowInvalidHostnames=false\
                     &tlsAllowInvalidCertificates=false&replicaSet=rs0&directConnection=true\
                     &connectTimeoutMS=5000&serverSelectionTimeoutMS=0&authSource=admin\
                     &authMechanism=SCRAM-SHA-256&appName=mongotls",
        );
        let o = &cs.options;
        assert_eq!(o.tls, Some(true));
        assert_eq!(o.tls_ca_file, Some(PathBuf::from("ca.pem")));
        assert_eq!(
            o.tls_certificate_key_file,
            Some(PathBuf::from("client.pem"))
        );
        assert_eq!(
            o.tls_certificate_key_file_password
                .as_ref()
                .map(Secret::expose),
            Some("kp")
        );
        assert_eq!(o.tls_allow_invalid_hostnames, Some(false));
        assert_eq!(o.tls_allow_invalid_certificates, Some(false));
        assert_eq!(o.tls_insecure, None);
        assert_eq!(o.replica_set.as_deref(), Some("rs0"));
        assert_eq!(o.direct_connection, Some(true));
        assert_eq!(o.connect_timeout, Some(Duration::from_secs(5)));
        assert_eq!(o.server_selection_timeout, Some(Duration::ZERO));
        assert_eq!(o.auth_source.as_deref(), Some("admin"));
        assert_eq!(o.auth_mechanism.as_deref(), Some("SCRAM-SHA-256"));
        assert_eq!(o.app_name.as_deref(), Some("mongotls"));
        assert!(cs.warnings.is_empty(), "{:?}", cs.warnings);
        assert!(cs.unknown_options.is_empty());
        let cs = ok("mongodb://h/?tlsInsecure=true&tls=true");
        assert_eq!(cs.options.tls_insecure, Some(true));
    }

    #[test]
    fn option_names_and_booleans_are_case_insensitive() {
        let cs = ok("mongodb://h/?TLS=TRUE&tlscafile=ca.pem&REPLICASET=rs0\
                     &ConnectTimeoutMs=2500&directconnection=False&AUTHMECHANISM=scram-sha-1");
        assert_eq!(cs.options.tls, Some(true));
        assert_eq!(cs.options.tls_ca_file, Some(PathBuf::from("ca.pem")));
        assert_eq!(cs.options.replica_set.as_deref(), Some("rs0"));
        assert_eq!(
            cs.options.connect_timeout,
            Some(Duration::from_millis(2500))
        );
        assert_eq!(cs.options.direct_connection, Some(false));
        assert_eq!(cs.options.auth_mechanism.as_deref(), Some("SCRAM-SHA-1"));
        assert!(cs.unknown_options.is_empty());
        // Values keep their case.
        assert_eq!(
            ok("mongodb://h/?replicaSet=RS0")
                .options
                .replica_set
                .as_deref(),
            Some("RS0")
        );
    }

    #[test]
    fn unknown_options_are_warnings_with_suggestions() {
        let cs = ok("mongodb://h/?tlsCAFil=ca.pem&frobnicate=1&tls=true");
        assert_eq!(cs.unknown_options, vec!["tlsCAFil", "frobnicate"]);
        assert!(
            cs.warnings
                .iter()
                .any(|w| w.contains("unknown option 'tlsCAFil'") && w.contains("'tlsCAFile'")),
            "{:?}",
            cs.warnings
        );
        assert!(cs
            .warnings
            .iter()
            .any(|w| w == "unknown option 'frobnicate' is ignored"));
        assert_eq!(cs.options.tls_ca_file, None);
        assert_eq!(cs.options.tls, Some(true));
        assert!(cs
            .redacted()
            .ends_with("?tls=true&tlsCAFil=ca.pem&frobnicate=1"));
    }

    #[test]
    fn known_driver_options_are_kept_not_warned() {
        let cs = ok("mongodb://h/?w=majority&readPreference=secondaryPreferred\
                     &readPreferenceTags=dc:ny,rack:1&readPreferenceTags=&retryWrites=true\
                     &proxyPassword=hunter2hunter2&authMechanismProperties=AWS_SESSION_TOKEN:abc");
        assert!(cs.unknown_options.is_empty());
        assert_eq!(cs.warnings.len(), 1, "{:?}", cs.warnings); // the empty readPreferenceTags
        let names: Vec<&str> = cs.other_options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "w",
                "readPreference",
                "readPreferenceTags",
                "retryWrites",
                "proxyPassword",
                "authMechanismProperties"
            ]
        );
        assert!(cs.other_options.iter().all(|o| o.known));
        assert_eq!(cs.other_options[2].value.as_deref(), Some("dc:ny,rack:1"));
        assert_eq!(cs.other_options[4].value, None);
        assert_eq!(cs.other_options[5].value, None);
        let r = cs.redacted();
        assert!(
            r.contains("proxyPassword=****&authMechanismProperties=****"),
            "{r}"
        );
        assert!(!r.contains("hunter2") && !format!("{cs:?}").contains("hunter2"));
    }

    #[test]
    fn repeated_options_last_wins_with_a_warning() {
        let cs = ok("mongodb://h/?replicaSet=a&replicaset=b&tls=false&tls=true");
        assert_eq!(cs.options.replica_set.as_deref(), Some("b"));
        assert_eq!(cs.options.tls, Some(true));
        assert_eq!(
            cs.warnings
                .iter()
                .filter(|w| w.contains("more than once"))
                .count(),
            2,
            "{:?}",
            cs.warnings
        );
    }

    #[test]
    fn semicolons_empty_values_and_trailing_separators() {
        let cs = ok("mongodb://h/?tls=true;replicaSet=rs;");
        assert_eq!(cs.options.tls, Some(true));
        assert_eq!(cs.options.replica_set.as_deref(), Some("rs"));
        assert!(cs.warnings.is_empty());
        let cs = ok("mongodb://h/?tls=true;replicaSet=rs&appName=x");
        assert!(cs.warnings.iter().any(|w| w.contains("mix")));
        let cs = ok("mongodb://h/?connectTimeoutMS=&tls=&&");
        assert_eq!(cs.options.connect_timeout, None);
        assert_eq!(cs.options.tls, None);
        assert_eq!(cs.warnings.len(), 2, "{:?}", cs.warnings);
        assert!(cs.warnings[0].contains("'connectTimeoutMS' has an empty value"));
        assert_eq!(ok("mongodb://h/?").options, UriOptions::default());
    }

    #[test]
    fn tls_and_ssl() {
        assert_eq!(ok("mongodb://h/?ssl=true").options.tls, Some(true));
        assert_eq!(ok("mongodb://h/?ssl=true&tls=true").options.tls, Some(true));
        assert_eq!(
            ok("mongodb://h/?ssl=false&tls=false").options.tls,
            Some(false)
        );
        assert_eq!(
            ok("mongodb://h/?ssl=true").redacted(),
            "mongodb://h:27017/?tls=true"
        );
        let e = err("mongodb://h/?tls=true&ssl=false");
        assert_eq!(
            e,
            UriError::TlsSslConflict {
                tls: true,
                ssl: false
            }
        );
        assert!(e
            .to_string()
            .starts_with("'tls=true' conflicts with 'ssl=false'"));
    }

    #[test]
    fn tls_enabled_rules() {
        assert!(!ok("mongodb://h/").tls_enabled());
        assert!(ok("mongodb://h/?tls=true").tls_enabled());
        assert!(!ok("mongodb://h/?tls=false").tls_enabled());
        let cs = ok("mongodb://h/?tlsCAFile=ca.pem");
        assert!(cs.tls_enabled());
        assert!(
            cs.warnings
                .iter()
                .any(|w| w.contains("tlsCAFile") && w.contains("add tls=true")),
            "{:?}",
            cs.warnings
        );
        let cs = ok("mongodb://h/?tls=false&tlsCAFile=ca.pem&tlsInsecure=true");
        assert!(!cs.tls_enabled());
        assert!(
            cs.warnings
                .iter()
                .any(|w| w.contains("tls=false, so tlsCAFile, tlsInsecure are ignored")),
            "{:?}",
            cs.warnings
        );
        assert!(ok("mongodb://h/?tls=true&tlsCAFile=ca.pem")
            .warnings
            .is_empty());
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
    fn secret_never_prints() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s}"), "****");
        assert_eq!(format!("{s:?}"), "****");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn redacted_normalises() {
        let cs = ok(
            " MongoDB://root:S3cr3tPassw0rd@Dds-X.Example.com:3717,dds-y.example.com\
                     /admin?ssl=true&tlsCertificateKeyFilePassword=KeyPassw0rd&replicaSet=rs\
                     &connectTimeoutMS=0100&appName=a%20b%2Cc ",
        );
        let r = cs.redacted();
        assert_eq!(
            r,
            "mongodb://root:****@dds-x.example.com:3717,dds-y.example.com:27017/admin\
             ?tls=true&tlsCertificateKeyFilePassword=****&replicaSet=rs&connectTimeoutMS=100\
             &appName=a%20b,c"
        );
        assert_eq!(cs.to_string(), r);
        for out in [r, format!("{cs:?}"), format!("{cs:#?}")] {
            assert!(!out.contains("S3cr3tPassw0rd"), "{out}");
            assert!(!out.contains("KeyPassw0rd"), "{out}");
        }
    }

    #[test]
    fn round_trip_keeps_hosts_and_options() {
        for uri in [
            "mongodb://root:pw@dds-xxxx.mongodb.rds.aliyuncs.com:3717,dds-yyyy.mongodb.rds.aliyuncs.com:3717/admin?replicaSet=mgset-12345678",
            "mongodb://[::1]:27017,[2001:db8::1]/",
            "mongodb://h/?tls=true&tlsCAFile=%2Fpath%20with%20space%2Fca.pem&tlsCertificateKeyFile=C:%5Ckeys%5Cclient.pem\
             &tlsCertificateKeyFilePassword=x&tlsAllowInvalidHostnames=true&replicaSet=r%26s\
             &directConnection=true&connectTimeoutMS=10000&serverSelectionTimeoutMS=3000\
             &authSource=%24external&authMechanism=PLAIN&appName=my%3Dapp%3Bv2",
            "mongodb://us%40er:p%2Fw@10.0.0.1:1,10.0.0.2:65535/db.name?w=majority&foo=b%26r&readPreferenceTags=dc:ny,rack:1",
            "mongodb://CN%3Dx%2COU%3Dy@h/?tlsInsecure=true&authMechanism=MONGODB-X509",
        ] {
            let first = ok(uri);
            let again = ok(&first.redacted());
            assert_eq!(again.hosts, first.hosts, "{uri}");
            assert_eq!(again.username, first.username, "{uri}");
            assert_eq!(again.database, first.database, "{uri}");
            assert_eq!(again.other_options, first.other_options, "{uri}");
            assert_eq!(again.unknown_options, first.unknown_options, "{uri}");
            assert_eq!(again.password.is_some(), first.password.is_some());
            let mut expected = first.options.clone();
            if expected.tls_certificate_key_file_password.is_some() {
                expected.tls_certificate_key_file_password = Some(Secret::new(REDACTED));
            }
            assert_eq!(again.options, expected, "{uri}");
            assert_eq!(again.redacted(), first.redacted(), "{uri}");
        }
    }

    #[test]
    fn srv_is_refused_with_the_way_out() {
        let e = err("mongodb+srv://user:pw@Cluster0.abcde.mongodb.net/?retryWrites=true");
        assert_eq!(
            e.to_string(),
            "mongodb+srv:// URIs are not supported yet: resolve the SRV record \
             (dig SRV _mongodb._tcp.cluster0.abcde.mongodb.net) and pass the hosts as \
             mongodb://h1:p1,h2:p2/?tls=true"
        );
        let e = err("MONGODB+SRV://us:er/pw@host/");
        assert_eq!(e, UriError::SrvNotSupported { host: None });
        assert!(e.to_string().contains("_mongodb._tcp.HOST"), "{e}");
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
                "mongodb+srv://cluster0.example.net/",
                |e| matches!(e, UriError::SrvNotSupported { .. }),
                "mongodb+srv:// URIs are not supported yet",
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

    /// xorshift64: a tiny deterministic PRNG for property-style tests.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        fn letters(&mut self, min: usize, max: usize) -> String {
            const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            let n = min + self.below(max - min + 1);
            (0..n)
                .map(|_| char::from(ALPHABET[self.below(ALPHABET.len())]))
                .collect()
        }
    }

    /// A random password: its percent-encoded form, its decoded form, and its letter runs of
    /// 8 or more (none may appear in any output either).
    struct Password {
        encoded: String,
        decoded: String,
        runs: Vec<String>,
    }

    fn password(rng: &mut Rng) -> Password {
        const SPECIALS: [(&str, &str); 15] = [
            ("@", "%40"),
            (":", "%3A"),
            ("/", "%2F"),
            ("%", "%25"),
            ("?", "%3F"),
            ("&", "%26"),
            ("#", "%23"),
            (" ", "%20"),
            ("=", "%3D"),
            ("+", "%2B"),
            (",", "%2C"),
            (";", "%3B"),
            ("é", "%C3%A9"),
            ("[", "%5B"),
            ("*", "%2a"),
        ];
        let mut p = Password {
            encoded: String::new(),
            decoded: String::new(),
            runs: Vec::new(),
        };
        let parts = 1 + rng.below(4);
        for i in 0..parts {
            if i > 0 || rng.chance(30) {
                for _ in 0..1 + rng.below(3) {
                    let (raw, enc) = SPECIALS[rng.below(SPECIALS.len())];
                    p.decoded.push_str(raw);
                    p.encoded.push_str(enc);
                }
            }
            let run = rng.letters(8, 16);
            p.decoded.push_str(&run);
            p.encoded.push_str(&run);
            p.runs.push(run);
        }
        p
    }

    fn assert_hidden(outputs: &[String], secrets: &[&Password], context: &str) {
        for out in outputs {
            for p in secrets {
                assert!(
                    !out.contains(&p.encoded),
                    "{context}: encoded secret in {out}"
                );
                assert!(!out.contains(&p.decoded), "{context}: secret in {out}");
                for run in &p.runs {
                    assert!(!out.contains(run.as_str()), "{context}: '{run}' in {out}");
                }
            }
        }
    }

    fn random_hosts(rng: &mut Rng) -> String {
        let pool = [
            "dds-xxxx.mongodb.rds.aliyuncs.com:3717",
            "mongo-0.example.internal",
            "10.0.0.5:27018",
            "[::1]:27017",
            "[2001:db8::1]",
            "localhost",
        ];
        let n = 1 + rng.below(3);
        let mut hosts: Vec<&str> = Vec::new();
        for _ in 0..n {
            hosts.push(pool[rng.below(pool.len())]);
        }
        hosts.join(",")
    }

    fn all_outputs(cs: &ConnectionString) -> Vec<String> {
        vec![
            format!("{cs:?}"),
            format!("{cs:#?}"),
            cs.to_string(),
            cs.redacted(),
            format!("{:?}", cs.options),
            cs.warnings.join("\n"),
            format!("{:?}", ok(&cs.redacted())),
        ]
    }

    #[test]
    fn passwords_never_appear_in_any_output() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut parsed = 0;
        for round in 0..2000 {
            let pw = password(&mut rng);
            let key_pw = password(&mut rng);
            let user = rng.letters(3, 6).to_lowercase();
            let hosts = random_hosts(&mut rng);
            let mut options = vec!["tls=true".to_owned()];
            if rng.chance(60) {
                options.push(format!("tlsCertificateKeyFilePassword={}", key_pw.encoded));
            }
            if rng.chance(30) {
                options.push(format!("proxyPassword={}", key_pw.encoded));
            }
            if rng.chance(50) {
                options.push("replicaSet=mgset-12345678&appName=mongotls".to_owned());
            }
            if rng.chance(30) {
                options.push("w=majority&Bogus=1&tls=true".to_owned());
            }
            let options = options.join("&");
            let db = if rng.chance(50) { "admin" } else { "" };
            let uri = format!("mongodb://{user}:{}@{hosts}/{db}?{options}", pw.encoded);
            let cs = ok(&uri);
            assert_eq!(
                cs.password.as_ref().map(Secret::expose),
                Some(pw.decoded.as_str())
            );
            assert_hidden(
                &all_outputs(&cs),
                &[&pw, &key_pw],
                &format!("round {round}"),
            );
            parsed += 1;

            // The same password (and key password) inside broken connection strings.
            let raw = &pw.decoded;
            let run = &pw.runs[0];
            let broken = [
                format!("mongodb://{user}:{}@h:99999/?tls=true", pw.encoded),
                format!(
                    "mongodb://{user}:{}@{hosts}/?connectTimeoutMS=abc",
                    pw.encoded
                ),
                format!("mongodb://{user}:{}@h/?authMechanism=FOO", pw.encoded),
                format!("mongodb://{user}:{}@[::1/", pw.encoded),
                format!("mongodb://{user}:{}@h/?tls=true&ssl=false", pw.encoded),
                format!("mongodb://{user}:{}@a,b/?directConnection=true", pw.encoded),
                format!("mongodb://{user}:{}@h?tls=true", pw.encoded),
                format!(
                    "mongodb://{user}:{}@h/?tlsCertificateKeyFilePassword={}%zz",
                    pw.encoded, key_pw.encoded
                ),
                format!(
                    "mongodb://h/?tlsCertificateKeyFilePassword={}&{run}",
                    key_pw.encoded
                ),
                format!("mongodb://{user}:{}%zz@h/", pw.encoded),
                format!("mongodb://{user}:{}%C3@h/", pw.encoded),
                format!("mongodb://{user}:{run}@{raw}@h/"),
                format!("mongodb://{user}:{run}:{raw}@h/"),
                format!("mongodb://{user}:{run}/{raw}@h/db"),
                format!("mongodb://{user}:{run}/x?{run}@h/?tls=true"),
                format!("mongodb://{user}:{run}/x?{run}&a@h/?tls=true"),
                format!("mongodb://{user}:123/{run}@h/?tls=true"),
                format!("mongodb://{user}:{run}@h/{run}x%zz"),
                format!("mongodb+srv://{user}:{run}/{run}@h/"),
            ];
            for uri in &broken {
                match parse(uri) {
                    Err(e) => {
                        let outputs = [e.to_string(), format!("{e:?}")];
                        let secrets: Vec<&Password> = if uri.contains(&key_pw.encoded) {
                            vec![&pw, &key_pw]
                        } else {
                            vec![&pw]
                        };
                        // A run may legitimately be the (non-secret) database name above.
                        if uri.ends_with("x%zz") {
                            continue;
                        }
                        assert_hidden(&outputs, &secrets, uri);
                    }
                    Ok(cs) => panic!("{uri} parsed: {cs:?}"),
                }
            }
        }
        assert_eq!(parsed, 2000);
    }
}

#[cfg(test)]
mod printable_tests {
    use super::*;

    #[test]
    fn errors_escape_control_characters_they_quote() {
        let cases = [
            ("mongodb://local\nhost:1/", "local\\nhost"),
            ("mongodb://h:1\u{1b}[2J/", "1\\u{1b}[2J"),
            ("mongodb://h/?tls=tr\u{7}ue", "tr\\u{7}ue"),
            ("mongodb://h/?connectTimeoutMS=1%0A2", "1\\n2"),
            ("mongodb://h/db%1B$", "db\\u{1b}$"),
            ("mongodb://h/?ap\u{1b}p=%zz", "ap\\u{1b}p"),
            ("mongodb://[::1\r]:1/", "[::1\\r]:1"),
        ];
        for (uri, quoted) in cases {
            let message = parse(uri).unwrap_err().to_string();
            assert!(message.contains(quoted), "{uri:?}: {message}");
            assert!(
                !message.chars().any(char::is_control),
                "{uri:?}: {message:?}"
            );
        }
    }

    #[test]
    fn warnings_escape_control_characters_and_name_unknown_options_as_listed() {
        let cs = parse("mongodb://h/?app%1B%5B31mName=x&a%0Ab=1&a%0Ab=2&c%0D=").unwrap();
        for w in &cs.warnings {
            assert!(!w.chars().any(char::is_control), "{w:?}");
        }
        assert_eq!(cs.unknown_options, ["app\\u{1b}[31mName", "a\\nb"]);
        // Each unknown option's warning quotes it as `unknown_options` lists it.
        for name in &cs.unknown_options {
            assert!(
                cs.warnings.iter().any(|w| w.contains(&format!("'{name}'"))),
                "{name}: {:?}",
                cs.warnings
            );
        }
        // The names stay as written where the string is rendered again (percent-encoded).
        assert!(
            cs.redacted().contains("app%1B%5B31mName=x"),
            "{}",
            cs.redacted()
        );
    }

    #[test]
    fn long_quoted_text_is_cut() {
        let host = format!("{}!", "h".repeat(10_000));
        let message = parse(&format!("mongodb://{host}/"))
            .unwrap_err()
            .to_string();
        assert!(message.len() < 1_000, "{} bytes", message.len());
        assert!(message.contains(&format!("'{}…'", "h".repeat(MAX_QUOTED_CHARS))));
        // The explanation after the quote is kept whole.
        assert!(
            message.ends_with("(letters, digits, '-', '.' only)"),
            "{message}"
        );

        let name = "n".repeat(10_000);
        let cs = parse(&format!("mongodb://h/?{name}=1")).unwrap();
        assert!(cs.warnings[0].len() < 1_000, "{}", cs.warnings[0]);
        assert_eq!(cs.unknown_options[0].chars().count(), MAX_QUOTED_CHARS + 1);
        assert_eq!(cs.other_options[0].name, name, "kept whole for redacted()");
    }

    #[test]
    fn warnings_are_capped_with_a_count_of_the_rest() {
        let options: Vec<String> = (0..120).map(|i| format!("opt{i}=1")).collect();
        let cs = parse(&format!("mongodb://h/?{}", options.join("&"))).unwrap();
        assert_eq!(cs.unknown_options.len(), 120);
        assert_eq!(cs.warnings.len(), MAX_WARNINGS);
        assert_eq!(
            cs.warnings[MAX_WARNINGS - 1],
            "71 more warnings about the connection string are not shown; fix the ones above \
             and run again"
        );
        assert!(cs.warnings[0].contains("'opt0'"));
        let few = parse("mongodb://h/?a=1&b=2").unwrap();
        assert_eq!(few.warnings.len(), 2);
    }
}

#[cfg(test)]
mod scale_tests {
    use super::*;

    /// Regression (fuzzing): huge option names and thousands of options parse in linear time.
    /// The assertion is on the result, not on time; before the fix this test ran for minutes.
    #[test]
    fn many_and_huge_unknown_options_parse() {
        let huge = "x".repeat(100_000);
        let many: Vec<String> = (0..20_000).map(|i| format!("opt{i}=1")).collect();
        let uri = format!("mongodb://h/?{huge}=1&{}", many.join("&"));
        let parsed = parse(&uri).unwrap();
        assert_eq!(parsed.unknown_options.len(), 20_001);
    }
}
