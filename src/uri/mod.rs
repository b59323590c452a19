//! MongoDB connection strings (`mongodb://`): parsing per the MongoDB connection string spec,
//! the options mongotls acts on, and redaction.
//!
//! The redaction guarantee: the password and `tlsCertificateKeyFilePassword` are held in
//! [`Secret`], and appear in no `Debug` or `Display` output, no [`ConnectionString::redacted`]
//! rendering, no warning and no [`UriError`] message. Errors inside the user information
//! never quote it; where a password with an unescaped `/` or `?` makes the rest of the string
//! ambiguous, errors say so instead of quoting what might be part of it.
//!
//! `mongodb+srv://HOST` is read into [`ConnectionString::srv`] (its hosts come from DNS, see
//! `srv`); unix domain sockets are refused: mongotls checks TLS over TCP.
//!
//! One file a part: `scheme` (`mongodb://`, `mongodb+srv://`), `srv` ([`SrvSeed`] and the
//! pure half of seedlist discovery), `hosts` (the host list, and [`parse_host_port`]
//! for one `host[:port]`), `options` (`?name=value`), `percent` (percent-encoding), `redact`
//! ([`Secret`], [`ConnectionString::redacted`]), `error` ([`UriError`] and its messages) and
//! `quote` (what messages may quote). This file ties them together: [`ConnectionString`],
//! [`parse`], the user information and the database name. Every public item is re-exported
//! here: `crate::uri::X` is the one path to each.

mod error;
mod hosts;
mod options;
mod percent;
mod quote;
mod redact;
mod scheme;
mod srv;

use std::str::FromStr;

use crate::tr;

pub use error::UriError;
pub use hosts::{parse_host_port, Host, HostPort, DEFAULT_PORT};
pub use options::{OtherOption, UriOptions, AUTH_MECHANISMS};
pub use percent::EncodingProblem;
pub use quote::MAX_WARNINGS;
pub use redact::{Secret, REDACTED};
pub use srv::{
    seeds_from_answers, SrvProblem, SrvRecord, SrvSeed, SrvSeeds, TxtOptions,
    DEFAULT_SRV_SERVICE_NAME, TXT_OPTIONS,
};

use hosts::parse_hosts;
use options::{parse_options, warn_about_tls_and_app_name};
use percent::decode;
use quote::printable_warnings;
use scheme::{strip_scheme, Scheme};
use srv::srv_seed;

/// A parsed `mongodb://` or `mongodb+srv://` connection string.
///
/// `Debug` and `Display` are safe to print: `Display` is [`ConnectionString::redacted`], and
/// the secrets are [`Secret`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionString {
    /// The host list, in order, duplicates removed (a warning says so). Empty for
    /// `mongodb+srv://`, whose hosts come from DNS.
    pub hosts: Vec<HostPort>,
    /// `mongodb+srv://`: the SRV name to resolve, and its options.
    pub srv: Option<SrvSeed>,
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

impl ConnectionString {
    /// Whether mongotls should speak TLS to these hosts.
    ///
    /// `tls` (or `ssl`) decides when given. When neither is given, TLS is on if any other TLS
    /// option is set (`tlsCAFile`, `tlsCertificateKeyFile`, `tlsCertificateKeyFilePassword`,
    /// `tlsAllowInvalidHostnames`, `tlsAllowInvalidCertificates`, `tlsInsecure`): asking for a
    /// CA file means TLS was meant. The spec's default for `mongodb://` is off and drivers
    /// differ on whether these options imply TLS, so parsing adds a warning in that case
    /// asking for an explicit `tls=true`. Otherwise off, as in the spec, except for
    /// `mongodb+srv://`, where TLS is on unless `tls=false` (or `ssl=false`).
    pub fn tls_enabled(&self) -> bool {
        self.options
            .tls
            .unwrap_or_else(|| self.srv.is_some() || !self.options.tls_options_set().is_empty())
    }
}

/// Parses a `mongodb://[user[:password]@]host[:port][,host[:port]...][/[database]][?options]`
/// or `mongodb+srv://[user[:password]@]host[/[database]][?options]` connection string.
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

/// The name of a MongoDB connection-string option as drivers spell it, whatever the case it
/// was typed in (`tlscafile` → `tlsCAFile`); `None` for a name no driver knows. The command
/// line uses it to tell a user who typed `--tlsCAFile` that it belongs in the string.
pub fn known_option(name: &str) -> Option<&'static str> {
    options::canonical_name(name)
}

/// [`parse`] before what the result quotes is made printable.
fn parse_unchecked(uri: &str) -> Result<ConnectionString, UriError> {
    let text = uri.trim();
    if text.is_empty() {
        return Err(UriError::Empty);
    }
    let (scheme, rest) = strip_scheme(text)?;
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
    let parsed = parse_parts(scheme, userinfo, host_list, tail);
    match parsed {
        Err(e) if ambiguous && e != UriError::AtSignAfterHosts => Err(UriError::Ambiguous),
        other => other,
    }
}

/// The parts after the scheme: user information, host list, database and options.
fn parse_parts(
    scheme: Scheme,
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
    if at_sign_after_hosts(db_text, query) {
        return Err(UriError::AtSignAfterHosts);
    }
    if host_list.is_empty() {
        if let Some(end) = db_text.find(".sock") {
            return Err(UriError::UnixSocket {
                host: format!("/{}", db_text.get(..end + 5).unwrap_or(db_text)),
            });
        }
    }
    if scheme == Scheme::Srv {
        let count = host_list.split(',').count();
        if count > 1 {
            return Err(UriError::SrvMultipleHosts { count });
        }
        if !host_list.starts_with('[') && host_list.contains(':') {
            return Err(UriError::SrvPort);
        }
    }
    let mut hosts = parse_hosts(host_list, &mut warnings)?;
    let database = parse_database(db_text)?;
    let parsed = parse_options(query.unwrap_or(""), &mut warnings)?;

    let options = parsed.options;
    let srv_host = match scheme {
        Scheme::Srv => hosts.pop(),
        Scheme::Mongodb => None,
    };
    let srv = srv_seed(srv_host.as_ref(), &options, &parsed.other)?;
    if options.direct_connection == Some(true) && hosts.len() > 1 {
        return Err(UriError::DirectConnectionMultipleHosts { count: hosts.len() });
    }
    warn_about_tls_and_app_name(&options, &mut warnings);
    Ok(ConnectionString {
        hosts,
        srv,
        username,
        password,
        database,
        options,
        unknown_options: parsed.unknown,
        warnings,
        other_options: parsed.other,
    })
}

/// An `@` in the database name or in an option name: no database or option name has one, so
/// it is the rest of a password cut at a '/'.
fn at_sign_after_hosts(db_text: &str, query: Option<&str>) -> bool {
    let at_in_option_name = query.is_some_and(|q| {
        q.split(['&', ';']).any(|segment| {
            segment
                .split('=')
                .next()
                .is_some_and(|name| name.contains('@'))
        })
    });
    db_text.contains('@') || at_in_option_name
}

/// `user[:password]`, both percent-decoded.
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
    let user = decode(user).map_err(|e| e.quoted(&tr!("uri-part-user-name")))?;
    let password = match password {
        Some(p) => Some(Secret::new(decode(p).map_err(|e| {
            UriError::SecretEncoding {
                part: tr!("uri-part-password"),
                problem: e.problem,
            }
        })?)),
        None => None,
    };
    Ok((Some(user), password))
}

/// The database name after the host list's `/`, percent-decoded; `None` when empty.
fn parse_database(text: &str) -> Result<Option<String>, UriError> {
    if text.is_empty() {
        return Ok(None);
    }
    let name = decode(text).map_err(|e| e.quoted(&tr!("uri-part-database-name")))?;
    if let Some(character) = name
        .chars()
        .find(|c| matches!(c, '/' | '\\' | ' ' | '"' | '$'))
    {
        return Err(UriError::InvalidDatabase { name, character });
    }
    Ok((!name.is_empty()).then_some(name))
}

#[cfg(test)]
mod test_helpers {
    //! What the tests of every part use.

    use super::*;

    pub(super) fn ok(uri: &str) -> ConnectionString {
        match parse(uri) {
            Ok(cs) => cs,
            Err(e) => panic!("{uri}: {e}"),
        }
    }

    pub(super) fn err(uri: &str) -> UriError {
        match parse(uri) {
            Ok(cs) => panic!("{uri} parsed: {cs:?}"),
            Err(e) => e,
        }
    }

    pub(super) fn dns(name: &str, port: u16) -> HostPort {
        HostPort {
            host: Host::Dns(name.to_owned()),
            port,
        }
    }

    pub(super) fn ip(addr: &str, port: u16) -> HostPort {
        HostPort {
            host: Host::Ip(addr.parse().unwrap()),
            port,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_helpers::{dns, ok};
    use super::*;

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
}

// Under its old path, `uri::scale_tests`, which fuzz/README.md names.
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
