//! The options part (`?name=value&…`): the tables of MongoDB options, [`UriOptions`] (the
//! ones mongotls acts on), [`OtherOption`] (the rest), and the warnings about them.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use super::error::UriError;
use super::percent::decode;
use super::quote::printable;
use super::redact::Secret;
use crate::tr;

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

/// The options mongotls reads into [`UriOptions`], in the order
/// [`ConnectionString::redacted`](super::ConnectionString::redacted) renders them.
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
/// mongotls does not act on: kept in
/// [`ConnectionString::other_options`](super::ConnectionString::other_options), not "unknown".
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
/// [`ConnectionString::redacted`](super::ConnectionString::redacted) renders the whole string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherOption {
    /// The name as written (percent-decoded).
    pub name: String,
    /// The value (percent-decoded); `None` for options that carry secrets (`proxyPassword`,
    /// `authMechanismProperties`, and any name containing `password`, `passphrase`, `secret`
    /// or `token`), whose values are dropped while parsing and rendered as `****`.
    pub value: Option<String>,
    /// The option is a MongoDB driver option (not a typo or an invention).
    pub known: bool,
}

/// What the options part yields.
pub(super) struct ParsedOptions {
    pub(super) options: UriOptions,
    pub(super) unknown: Vec<String>,
    pub(super) other: Vec<OtherOption>,
}

/// Option values that may be secrets: never quoted, never stored outside [`Secret`].
fn is_sensitive(lower_name: &str) -> bool {
    matches!(lower_name, "proxypassword" | "authmechanismproperties")
        || ["password", "passphrase", "secret", "token"]
            .iter()
            .any(|w| lower_name.contains(w))
}

/// The name of a MongoDB option as spelt in the tables above.
pub(super) fn canonical_name(lower_name: &str) -> Option<&'static str> {
    MONGOTLS_OPTIONS
        .iter()
        .chain(OTHER_KNOWN_OPTIONS.iter())
        .find(|known| known.eq_ignore_ascii_case(lower_name))
        .copied()
}

/// Reads the options part (after the `?`): `name=value` separated by `&` (or `;`).
pub(super) fn parse_options(
    query: &str,
    warnings: &mut Vec<String>,
) -> Result<ParsedOptions, UriError> {
    let query_lower = query.to_ascii_lowercase();
    let holds_secret = [
        "password",
        "passphrase",
        "secret",
        "token",
        "authmechanismproperties",
    ]
    .iter()
    .any(|w| query_lower.contains(w));
    if query.contains('&') && query.contains(';') {
        warnings.push(tr!("uri-warning-mixed-separators"));
    }
    let mut builder = OptionsBuilder::default();
    // A set: a connection string with thousands of options must not take quadratic time
    // (found by fuzzing).
    let mut seen: HashSet<String> = HashSet::new();
    for segment in query.split(['&', ';']) {
        if segment.is_empty() {
            continue;
        }
        let option = decode_option(segment, holds_secret)?;
        let shown_name = &option.shown_name;
        if option.value.is_empty() {
            warnings.push(tr!("uri-warning-empty-value", option = shown_name.as_str()));
            continue;
        }
        if !seen.insert(option.lower.clone()) && option.lower != "readpreferencetags" {
            warnings.push(tr!("uri-warning-repeated", option = shown_name.as_str()));
        }
        builder.add(option, warnings)?;
    }
    builder.finish()
}

/// One `name=value` of the options part, decoded.
struct NameValue {
    /// The name as written (percent-decoded).
    key: String,
    /// `key` in lower case: how names are matched.
    lower: String,
    /// The name as the tables spell it, for a MongoDB option.
    canonical: Option<&'static str>,
    /// The name as messages quote it: the canonical one if any, made printable.
    shown_name: String,
    /// The value may be a secret: never quoted, never kept.
    sensitive: bool,
    /// The value (percent-decoded).
    value: String,
}

/// Splits one `name=value` at its first `=` and decodes both sides. `holds_secret`: the
/// options part may hold a secret, so a segment without `=` is not quoted.
fn decode_option(segment: &str, holds_secret: bool) -> Result<NameValue, UriError> {
    let Some((raw_key, raw_value)) = segment.split_once('=') else {
        return Err(UriError::OptionWithoutValue {
            text: (!holds_secret).then(|| segment.to_owned()),
        });
    };
    if raw_key.is_empty() {
        return Err(UriError::EmptyOptionName);
    }
    let key = decode(raw_key).map_err(|e| e.quoted(&tr!("uri-part-option-name")))?;
    let lower = key.to_ascii_lowercase();
    let canonical = canonical_name(&lower);
    let shown_name = printable(canonical.unwrap_or(&key));
    let sensitive = is_sensitive(&lower);
    let part = tr!("uri-part-option-value", option = shown_name.as_str());
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
    Ok(NameValue {
        key,
        lower,
        canonical,
        shown_name,
        sensitive,
        value,
    })
}

/// The options read so far.
#[derive(Default)]
struct OptionsBuilder {
    options: UriOptions,
    /// `tls` and `ssl` apart, until [`OptionsBuilder::finish`] checks that they agree.
    tls: Option<bool>,
    ssl: Option<bool>,
    unknown: Vec<String>,
    /// The names in `unknown`, as a set beside the ordered list: a connection string with
    /// thousands of options must not take quadratic time (found by fuzzing).
    unknown_set: HashSet<String>,
    other: Vec<OtherOption>,
}

impl OptionsBuilder {
    /// Takes one option with a value: into [`UriOptions`] when mongotls acts on it, else
    /// [`OptionsBuilder::keep_other`].
    fn add(&mut self, option: NameValue, warnings: &mut Vec<String>) -> Result<(), UriError> {
        let o = &mut self.options;
        // Used in the arms below, where the option has this canonical name.
        let name = option.canonical.unwrap_or_default();
        let bool_value = || parse_bool(name, &option.value);
        let millis_value = || parse_millis(name, &option.value);
        match option.canonical {
            Some("tls") => self.tls = Some(bool_value()?),
            Some("ssl") => self.ssl = Some(bool_value()?),
            Some("tlsCAFile") => o.tls_ca_file = Some(PathBuf::from(&option.value)),
            Some("tlsCertificateKeyFile") => {
                o.tls_certificate_key_file = Some(PathBuf::from(&option.value));
            }
            Some("tlsCertificateKeyFilePassword") => {
                o.tls_certificate_key_file_password = Some(Secret::new(option.value));
            }
            Some("tlsAllowInvalidHostnames") => {
                o.tls_allow_invalid_hostnames = Some(bool_value()?);
            }
            Some("tlsAllowInvalidCertificates") => {
                o.tls_allow_invalid_certificates = Some(bool_value()?);
            }
            Some("tlsInsecure") => o.tls_insecure = Some(bool_value()?),
            Some("replicaSet") => o.replica_set = Some(option.value),
            Some("directConnection") => o.direct_connection = Some(bool_value()?),
            Some("connectTimeoutMS") => o.connect_timeout = Some(millis_value()?),
            Some("serverSelectionTimeoutMS") => {
                o.server_selection_timeout = Some(millis_value()?);
            }
            Some("authSource") => o.auth_source = Some(option.value),
            Some("authMechanism") => o.auth_mechanism = Some(auth_mechanism(option.value)?),
            Some("appName") => o.app_name = Some(option.value),
            _ => self.keep_other(option, warnings),
        }
        Ok(())
    }

    /// Keeps an option mongotls does not act on, in order; one that is no MongoDB option is
    /// also listed as unknown, with a warning (that suggests the option it looks like).
    fn keep_other(&mut self, option: NameValue, warnings: &mut Vec<String>) {
        let known = option.canonical;
        if known.is_none() {
            let shown_name = &option.shown_name;
            if self.unknown_set.insert(option.key.clone()) {
                self.unknown.push(shown_name.clone());
            }
            warnings.push(match suggestion(&option.lower) {
                Some(s) => tr!(
                    "uri-warning-unknown-option-suggestion",
                    option = shown_name.as_str(),
                    suggestion = s,
                ),
                None => tr!("uri-warning-unknown-option", option = shown_name.as_str()),
            });
        }
        self.other.push(OtherOption {
            name: known.map_or(option.key, str::to_owned),
            value: (!option.sensitive).then_some(option.value),
            known: known.is_some(),
        });
    }

    /// The options, once `tls` and `ssl` agree and `tlsInsecure` stands alone.
    fn finish(self) -> Result<ParsedOptions, UriError> {
        let mut o = self.options;
        if let (Some(t), Some(s)) = (self.tls, self.ssl) {
            if t != s {
                return Err(UriError::TlsSslConflict { tls: t, ssl: s });
            }
        }
        o.tls = self.tls.or(self.ssl);
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
            unknown: self.unknown,
            other: self.other,
        })
    }
}

/// An `authMechanism` value as [`AUTH_MECHANISMS`] spells it.
fn auth_mechanism(value: String) -> Result<String, UriError> {
    match AUTH_MECHANISMS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(&value))
    {
        Some(mechanism) => Ok((*mechanism).to_owned()),
        None => Err(UriError::UnknownAuthMechanism { value }),
    }
}

/// The warnings about options that only show once all are read: TLS options without
/// `tls=true`, and an `appName` longer than drivers allow.
pub(super) fn warn_about_tls_and_app_name(options: &UriOptions, warnings: &mut Vec<String>) {
    let tls_set = options.tls_options_set();
    if !tls_set.is_empty() {
        let names = tls_set.join(", ");
        match options.tls {
            None => warnings.push(tr!("uri-warning-tls-implied", names = names)),
            Some(false) => warnings.push(tr!(
                "uri-warning-tls-off",
                names = names,
                count = tls_set.len(),
            )),
            Some(true) => {}
        }
    }
    if let Some(name) = &options.app_name {
        if name.len() > 128 {
            warnings.push(tr!(
                "uri-warning-app-name-long",
                bytes = name.len().to_string()
            ));
        }
    }
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

/// Names other tools give to connection string options, lower case: mongod's `--replSet`,
/// the shell's `--authenticationDatabase`, the legacy `ssl*` names of the shell and of old
/// drivers, and PyMongo's `ssl_*` keyword arguments. Too far from the option's name for a
/// spelling suggestion, but what a user who writes them means.
const OTHER_TOOLS_NAMES: [(&str, &str); 16] = [
    ("replset", "replicaSet"),
    ("replicasetname", "replicaSet"),
    ("authenticationdatabase", "authSource"),
    ("authdb", "authSource"),
    ("sslcafile", "tlsCAFile"),
    ("ssl_ca_certs", "tlsCAFile"),
    ("sslpemkeyfile", "tlsCertificateKeyFile"),
    ("ssl_certfile", "tlsCertificateKeyFile"),
    ("ssl_keyfile", "tlsCertificateKeyFile"),
    ("sslpemkeypassword", "tlsCertificateKeyFilePassword"),
    ("ssl_pem_passphrase", "tlsCertificateKeyFilePassword"),
    ("sslallowinvalidcertificates", "tlsAllowInvalidCertificates"),
    ("ssl_cert_reqs", "tlsAllowInvalidCertificates"),
    ("sslallowinvalidhostnames", "tlsAllowInvalidHostnames"),
    ("sslinvalidhostnameallowed", "tlsAllowInvalidHostnames"),
    ("ssl_match_hostname", "tlsAllowInvalidHostnames"),
];

/// The option a user most likely meant by an unknown name (given in lower case), if any: the
/// option other tools call so ([`OTHER_TOOLS_NAMES`]), the option spelt without `_` and `-`
/// (`tls_ca_file`), or the closest option when it is close enough to be a typo.
///
/// "Close" is the optimal string alignment distance, on names without `_` and `-`: swapping
/// two neighbouring letters costs 1, as a typo does (`tsl` is one step from `tls`, as from
/// `ssl`). Among options equally close, the one that starts like the name wins, then the one of
/// the same length, then the first in the tables (mongotls' own options come first).
fn suggestion(lower_name: &str) -> Option<&'static str> {
    if let Some((_, option)) = OTHER_TOOLS_NAMES.iter().find(|(n, _)| *n == lower_name) {
        return Some(option);
    }
    let name: Vec<char> = lower_name.chars().filter(|c| !"_-".contains(*c)).collect();
    let len = name.len();
    if len == 0 {
        return None;
    }
    MONGOTLS_OPTIONS
        .iter()
        .chain(OTHER_KNOWN_OPTIONS.iter())
        // The distance is at least the length difference: skip hopeless candidates before
        // the quadratic computation (a 100 KB option name took minutes; found by fuzzing).
        .filter(|known| len.abs_diff(known.len()) <= typo_budget(known))
        .enumerate()
        .filter_map(|(order, known)| {
            let known_chars: Vec<char> = known.to_ascii_lowercase().chars().collect();
            let distance = typo_distance(&name, &known_chars);
            // Within the budget, and keeping something of what was written (`x` is not a
            // typo of `w`).
            (distance <= typo_budget(known) && distance < len).then(|| {
                let other_start = name.first() != known_chars.first();
                (
                    (
                        distance,
                        other_start,
                        len.abs_diff(known_chars.len()),
                        order,
                    ),
                    *known,
                )
            })
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, known)| known)
}

/// How many edits a name may be from `known` and still be a typo of it.
fn typo_budget(known: &str) -> usize {
    2.max(known.len() / 5)
}

/// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring characters each cost 1 (no substring is edited twice).
fn typo_distance(a: &[char], b: &[char]) -> usize {
    // Three rows: the one before the previous, for swaps.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let at = |row: &Vec<usize>, k: usize| row.get(k).copied().unwrap_or(0);
            let substitute = at(&previous, j) + usize::from(ca != cb);
            let delete = at(&previous, j + 1) + 1;
            let insert = at(&current, j) + 1;
            let mut best = substitute.min(delete).min(insert);
            let swapped =
                i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca) && ca != cb;
            if swapped {
                best = best.min(at(&before, j - 1) + 1);
            }
            current.push(best);
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::test_helpers::{err, ok};

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

    /// The suggestion for each unknown name, as the warning words it.
    fn suggested(name: &str) -> Option<String> {
        let cs = ok(&format!("mongodb://h/?{name}=1"));
        assert_eq!(cs.unknown_options, [name], "{name} is not unknown");
        let w = &cs.warnings[0];
        w.split_once("did you mean '")
            .map(|(_, rest)| rest.trim_end_matches("'?").to_owned())
    }

    #[test]
    fn suggestions_name_the_option_the_user_meant() {
        let cases = [
            // A swap of two letters is one typo: `tsl` is `tls`, not `ssl`.
            ("tsl", Some("tls")),
            ("TSL", Some("tls")),
            ("sls", Some("ssl")),
            ("tlsCAFil", Some("tlsCAFile")),
            ("tlsCAFlie", Some("tlsCAFile")),
            ("tslCAFile", Some("tlsCAFile")),
            ("repliaSet", Some("replicaSet")),
            ("replicaSte", Some("replicaSet")),
            ("tlsInsecrue", Some("tlsInsecure")),
            ("readPrefernce", Some("readPreference")),
            ("connectTimeout", Some("connectTimeoutMS")),
            ("authsorce", Some("authSource")),
            // Separators other tools write.
            ("tls_ca_file", Some("tlsCAFile")),
            ("replica-set", Some("replicaSet")),
            // Names other tools use: mongod, the shell, PyMongo, old drivers.
            ("replSet", Some("replicaSet")),
            ("authenticationDatabase", Some("authSource")),
            ("ssl_ca_certs", Some("tlsCAFile")),
            ("sslCAFile", Some("tlsCAFile")),
            ("ssl_certfile", Some("tlsCertificateKeyFile")),
            ("sslPEMKeyFile", Some("tlsCertificateKeyFile")),
            ("ssl_cert_reqs", Some("tlsAllowInvalidCertificates")),
            ("sslAllowInvalidHostnames", Some("tlsAllowInvalidHostnames")),
            // Nothing close: no guess.
            ("frobnicate", None),
            ("x", None),
            ("ab", None),
            ("_", None),
        ];
        for (name, expected) in cases {
            assert_eq!(suggested(name).as_deref(), expected, "{name}");
        }
        // Another case is no typo: the option is read.
        for name in [
            "tlsCAfile",
            "tlsCaFile",
            "TLSCAFILE",
            "replicaset",
            "REPLICASET",
        ] {
            let cs = ok(&format!("mongodb://h/?{name}=x&tls=true"));
            assert!(cs.unknown_options.is_empty(), "{name}: {:?}", cs.warnings);
            assert!(cs.warnings.is_empty(), "{name}: {:?}", cs.warnings);
        }
    }

    #[test]
    fn a_passphrase_is_a_secret() {
        let cs = ok("mongodb://h/?ssl_pem_passphrase=hunter2hunter2");
        assert_eq!(cs.other_options[0].value, None);
        assert!(!cs.redacted().contains("hunter2"), "{}", cs.redacted());
        assert!(!cs.warnings.iter().any(|w| w.contains("hunter2")));
    }

    #[test]
    fn typo_distance_counts_a_swap_as_one() {
        let d = |a: &str, b: &str| {
            typo_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("tsl", "tls"), 1);
        assert_eq!(d("tsl", "ssl"), 1);
        assert_eq!(d("ca", "abc"), 3); // OSA, not full Damerau: no edit of a swapped pair
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("same", "same"), 0);
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
}
