//! Redaction: [`Secret`], and [`ConnectionString::redacted`], the rendering of a connection
//! string that is safe to print.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use super::percent::{encode, VALUE_SAFE};
use super::ConnectionString;

/// What every secret is rendered as.
pub const REDACTED: &str = "****";

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
    /// follows the host list. [`parse`](super::parse) reads it back to the same hosts and
    /// options.
    pub fn redacted(&self) -> String {
        let mut out = String::from(if self.srv.is_some() {
            "mongodb+srv://"
        } else {
            "mongodb://"
        });
        if let Some(user) = &self.username {
            out.push_str(&encode(user, ""));
            if self.password.is_some() {
                out.push(':');
                out.push_str(REDACTED);
            }
            out.push('@');
        }
        let hosts: Vec<String> = match &self.srv {
            Some(srv) => vec![srv.host.clone()],
            None => self.hosts.iter().map(ToString::to_string).collect(),
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::parse;
    use crate::uri::test_helpers::ok;

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

            // The same secrets in a mongodb+srv:// string that parses.
            let srv = format!(
                "mongodb+srv://{user}:{}@cluster0.example.net/{db}?{options}",
                pw.encoded
            );
            let cs = ok(&srv);
            assert!(cs.srv.is_some());
            assert_hidden(
                &all_outputs(&cs),
                &[&pw, &key_pw],
                &format!("round {round} (srv)"),
            );

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
                format!("mongodb+srv://{user}:{}@h1,h2/", pw.encoded),
                format!(
                    "mongodb+srv://{user}:{}@c.example.net/?srvMaxHosts=x&{options}",
                    pw.encoded
                ),
                format!("mongodb+srv://{user}:{}@h:27017/", pw.encoded),
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
