//! A PKI made with the `openssl` CLI (`openssl req` + `openssl ca`, no rcgen): certificates from
//! an independent toolchain, for the acceptance tests against OpenSSL, PyMongo and MockupDB.
//!
//! [`Pki::new`] prepares a CA directory whose extensions file holds the sections `root_ca`,
//! `intermediate_ca` and `server` (for `localhost` and `127.0.0.1`), then the caller's own
//! ([`leaf_section`]); [`Pki::issue`] issues a [`Spec`] under an [`Issued`] CA (or self-signed)
//! with explicit dates, and [`Pki::root_and_intermediate`] the usual pair of CAs. Every `openssl` run that fails panics with its output;
//! [`Pki::with_timeout`] also bounds each run.

// Not every test binary that includes `support` uses every helper, and a certificate that cannot
// be made should fail the test loudly.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use time::{OffsetDateTime, UtcOffset};

use super::peers::run_with_timeout;
use super::run::{path_str, text};

/// The `openssl ca` configuration: a database in the PKI directory, any subject, no copied
/// extensions.
pub const CA_CONFIG: &str = "\
[ ca ]
default_ca = CA_default

[ CA_default ]
database = index.txt
serial = serial.txt
new_certs_dir = newcerts
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no

[ policy_any ]
organizationName = optional
commonName = supplied

[ req ]
distinguished_name = req_dn

[ req_dn ]
";

/// The CA extension sections every PKI has; [`Pki::new`] adds the `server` section
/// ([`leaf_section`] for `localhost` and `127.0.0.1`) and then the caller's own.
pub const CA_EXTENSIONS: &str = "\
[ root_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash

[ intermediate_ca ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
";

/// The SAN of the `server` section.
pub const LOCALHOST_SAN: &str = "DNS:localhost,IP:127.0.0.1";

/// An extensions-file section `[ NAME ]` for an end-entity certificate: not a CA,
/// digitalSignature, extendedKeyUsage `eku`, subjectAltName `san` (none: no SAN extension).
/// Starts with an empty line, to follow another section.
pub fn leaf_section(name: &str, eku: &str, san: Option<&str>) -> String {
    let san = san.map_or_else(String::new, |san| format!("subjectAltName = {san}\n"));
    format!(
        "\n[ {name} ]\n\
         basicConstraints = critical,CA:FALSE\n\
         keyUsage = critical,digitalSignature\n\
         extendedKeyUsage = {eku}\n\
         {san}\
         subjectKeyIdentifier = hash\n\
         authorityKeyIdentifier = keyid\n"
    )
}

/// `YYYYMMDDHHMMSSZ`, as `openssl ca -startdate/-enddate` take it.
pub fn asn1_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

pub fn days(n: i64) -> time::Duration {
    time::Duration::days(n)
}

/// `(not_before, not_after)` of the CAs: from 30 days before `now`, for ten years.
pub fn ca_validity(now: OffsetDateTime) -> (OffsetDateTime, OffsetDateTime) {
    (now - days(30), now + days(3650))
}

#[derive(Clone, Copy)]
pub enum KeyKind {
    P256,
    Rsa(u32),
}

/// What to issue.
pub struct Spec<'a> {
    pub name: &'a str,
    pub subject: &'a str,
    pub key: KeyKind,
    /// Section of the extensions file.
    pub extensions: &'a str,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// Digest of the signature (`-md`).
    pub md: &'a str,
}

impl<'a> Spec<'a> {
    /// A SHA-256-signed certificate valid over `(not_before, not_after)`.
    pub fn new(
        name: &'a str,
        subject: &'a str,
        key: KeyKind,
        extensions: &'a str,
        (not_before, not_after): (OffsetDateTime, OffsetDateTime),
    ) -> Spec<'a> {
        Spec {
            name,
            subject,
            key,
            extensions,
            not_before,
            not_after,
            md: "sha256",
        }
    }
}

/// A certificate (PEM) and its private key (PEM).
#[derive(Clone, Debug)]
pub struct Issued {
    pub cert: PathBuf,
    pub key: PathBuf,
}

pub struct Pki {
    dir: PathBuf,
    config: PathBuf,
    extensions: PathBuf,
    /// Bound on each `openssl` run (none: wait for it).
    timeout: Option<Duration>,
}

impl Pki {
    /// A CA directory in `dir` (created if need be); the extensions file holds
    /// [`CA_EXTENSIONS`], the `server` section, then `extra_sections` (from [`leaf_section`]).
    pub fn new(dir: &Path, extra_sections: &[String]) -> Pki {
        fs::create_dir_all(dir).expect("create pki directory");
        let config = dir.join("ca.cnf");
        let extensions = dir.join("extensions.cnf");
        let server = leaf_section("server", "serverAuth", Some(LOCALHOST_SAN));
        let all = format!("{CA_EXTENSIONS}{server}{}", extra_sections.concat());
        fs::write(&config, CA_CONFIG).expect("write ca.cnf");
        fs::write(&extensions, all).expect("write extensions.cnf");
        fs::write(dir.join("index.txt"), "").expect("write index.txt");
        fs::write(dir.join("serial.txt"), "1000\n").expect("write serial.txt");
        fs::create_dir_all(dir.join("newcerts")).expect("create newcerts");
        Pki {
            dir: dir.to_path_buf(),
            config,
            extensions,
            timeout: None,
        }
    }

    /// Kills (and fails on) any `openssl` run that takes longer than `limit`.
    pub fn with_timeout(self, limit: Duration) -> Pki {
        Pki {
            timeout: Some(limit),
            ..self
        }
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    /// Runs `openssl ARGS` in the PKI directory; panics with its output when it fails.
    pub fn openssl(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new("openssl");
        cmd.args(args).current_dir(&self.dir);
        let out = match self.timeout {
            Some(limit) => run_with_timeout(&mut cmd, limit),
            None => cmd.stdin(Stdio::null()).output().expect("spawn openssl"),
        };
        assert!(
            out.status.success(),
            "openssl {} failed ({}):\n{}\n{}",
            args.join(" "),
            out.status,
            text(&out.stdout),
            text(&out.stderr)
        );
        out
    }

    fn generate_key(&self, name: &str, kind: KeyKind) -> PathBuf {
        let key = self.path(&format!("{name}.key"));
        let mut args = vec!["genpkey", "-out", path_str(&key)];
        let bits;
        match kind {
            KeyKind::P256 => {
                args.extend(["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]);
            }
            KeyKind::Rsa(n) => {
                bits = format!("rsa_keygen_bits:{n}");
                args.extend(["-algorithm", "RSA", "-pkeyopt", &bits]);
            }
        }
        self.openssl(&args);
        key
    }

    /// The CAs most PKIs start with, valid over [`ca_validity`]: an RSA-2048 root
    /// `/O=mongotls ORG/CN=CN Root CA` (files `root.*`) and under it a P-256 intermediate
    /// `/O=mongotls ORG/CN=CN Intermediate CA` (files `intermediate.*`).
    pub fn root_and_intermediate(
        &self,
        now: OffsetDateTime,
        org: &str,
        cn: &str,
    ) -> (Issued, Issued) {
        let root = self.issue(
            &Spec::new(
                "root",
                &format!("/O=mongotls {org}/CN={cn} Root CA"),
                KeyKind::Rsa(2048),
                "root_ca",
                ca_validity(now),
            ),
            None,
        );
        let intermediate = self.issue(
            &Spec::new(
                "intermediate",
                &format!("/O=mongotls {org}/CN={cn} Intermediate CA"),
                KeyKind::P256,
                "intermediate_ca",
                ca_validity(now),
            ),
            Some(&root),
        );
        (root, intermediate)
    }

    /// A P-256 root that no chain here leads to, `/O=somebody else/CN=Unrelated Root CA`
    /// (files `other_root.*`), valid over [`ca_validity`].
    pub fn unrelated_root(&self, now: OffsetDateTime) -> Issued {
        self.issue(
            &Spec::new(
                "other_root",
                "/O=somebody else/CN=Unrelated Root CA",
                KeyKind::P256,
                "root_ca",
                ca_validity(now),
            ),
            None,
        )
    }

    /// Issues `spec` with `openssl req` + `openssl ca`; `issuer` `None` means self-signed.
    pub fn issue(&self, spec: &Spec<'_>, issuer: Option<&Issued>) -> Issued {
        let key = self.generate_key(spec.name, spec.key);
        let csr = self.path(&format!("{}.csr", spec.name));
        let cert = self.path(&format!("{}.pem", spec.name));
        self.openssl(&[
            "req",
            "-new",
            "-config",
            path_str(&self.config),
            "-key",
            path_str(&key),
            "-subj",
            spec.subject,
            "-out",
            path_str(&csr),
        ]);
        let start = asn1_time(spec.not_before);
        let end = asn1_time(spec.not_after);
        let mut args = vec![
            "ca",
            "-config",
            path_str(&self.config),
            "-batch",
            "-notext",
            "-preserveDN",
            "-in",
            path_str(&csr),
            "-out",
            path_str(&cert),
            "-startdate",
            &start,
            "-enddate",
            &end,
            "-md",
            spec.md,
            "-extfile",
            path_str(&self.extensions),
            "-extensions",
            spec.extensions,
        ];
        match issuer {
            Some(issuer) => args.extend([
                "-cert",
                path_str(&issuer.cert),
                "-keyfile",
                path_str(&issuer.key),
            ]),
            None => args.extend(["-selfsign", "-keyfile", path_str(&key)]),
        }
        self.openssl(&args);
        Issued { cert, key }
    }

    /// `cert`'s SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it.
    pub fn fingerprint(&self, cert: &Path) -> String {
        let out = self.openssl(&[
            "x509",
            "-noout",
            "-fingerprint",
            "-sha256",
            "-in",
            path_str(cert),
        ]);
        let line = text(&out.stdout);
        line.trim()
            .split_once('=')
            .map(|(_, fp)| fp.trim().to_uppercase())
            .expect("openssl fingerprint line has '='")
    }

    /// `cert` as DER, converted by `openssl x509`.
    pub fn der(&self, cert: &Path, out: &Path) -> Vec<u8> {
        self.openssl(&[
            "x509",
            "-in",
            path_str(cert),
            "-outform",
            "DER",
            "-out",
            path_str(out),
        ]);
        fs::read(out).expect("read DER")
    }
}
