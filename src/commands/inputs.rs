//! Reading what a command is given: the CA file(s) it trusts and the client certificate.
//! An input that cannot be used at all is an [`InputError`] (exit 2), never a silent skip.

use crate::net::ClientIdentity;
use crate::pki::bundle::{ParsedInput, RejectKind};
use crate::pki::ca_check::analyse_bundle;
use crate::pki::client_cert::{inspect, parse_key_file, public_key_of, ClientCertInspection};
use crate::pki::load::{read_inputs, LoadError};
use crate::settings::{ClientCertSource, KeyPassword};
use crate::tr;
use crate::uri::Secret;

/// An input the command cannot work with at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A file could not be read.
    Load(#[from] LoadError),
    /// The client certificate file (`--client-cert`, `tlsCertificateKeyFile`) cannot be used.
    ClientIdentity {
        /// Where the file was named: `--client-cert` or `tlsCertificateKeyFile`.
        origin: &'static str,
        /// The file.
        file: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// No CA file was named and the platform's trust store holds no usable root.
    SystemStore {
        /// What was found instead.
        problem: String,
    },
    /// The password for the driver stage cannot be had.
    Password {
        /// What is wrong and how to fix it (never the password).
        problem: String,
    },
    /// A file was read but holds no certificate the command can use.
    NoCertificate {
        /// The file.
        file: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// The resolver for `--dns-server` could not be set up.
    Dns(String),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Load(e) => write!(f, "{e}"),
            InputError::ClientIdentity {
                origin,
                file,
                problem,
            } => write!(f, "{origin} {file}: {problem}"),
            InputError::SystemStore { problem } => {
                f.write_str(&tr!("cli-input-system-store", problem = problem.as_str()))
            }
            InputError::Password { problem } => {
                f.write_str(&tr!("cli-input-password", problem = problem.as_str()))
            }
            InputError::NoCertificate { file, problem } => write!(f, "{file}: {problem}"),
            InputError::Dns(problem) => write!(f, "--dns-server: {problem}"),
        }
    }
}

pub(super) fn display_paths(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

/// Reads and analyses the CA file(s) a command trusts; no usable certificate is an input
/// error (exit 2), since nothing can be verified against it.
pub(super) fn load_ca(
    paths: &[std::path::PathBuf],
    now: time::OffsetDateTime,
    warn_days: i64,
) -> Result<(ParsedInput, crate::pki::ca_check::BundleAnalysis), InputError> {
    let input = read_inputs(paths)?;
    let analysis = analyse_bundle(&input, now, warn_days);
    if analysis.certs.is_empty() {
        return Err(InputError::NoCertificate {
            file: display_paths(paths).join(", "),
            problem: tr!(
                "cli-input-no-usable-ca",
                rejections = describe_rejections(&input)
            ),
        });
    }
    Ok((input, analysis))
}

/// What `check` trusts: the CA file(s), or the platform's trust store when none is named.
pub(super) struct Trust {
    /// The CA file(s) as read (empty for the system store).
    pub input: ParsedInput,
    /// Their analysis; for the system store only `certs` (the roots) is filled.
    pub analysis: crate::pki::ca_check::BundleAnalysis,
    /// Set when the trust is the platform's store.
    pub system: Option<SystemStore>,
}

/// The platform's trust store as loaded.
pub(super) struct SystemStore {
    /// Roots loaded and used.
    pub roots: usize,
    /// Entries that could not be parsed as certificates (not used).
    pub unreadable: usize,
    /// What the loader could not read, in words.
    pub errors: Vec<String>,
}

/// `paths` when given, else the platform's trust store (as drivers do without `tlsCAFile`).
pub(super) fn load_trust(
    paths: &[std::path::PathBuf],
    now: time::OffsetDateTime,
    warn_days: i64,
) -> Result<Trust, InputError> {
    if !paths.is_empty() {
        let (input, analysis) = load_ca(paths, now, warn_days)?;
        return Ok(Trust {
            input,
            analysis,
            system: None,
        });
    }
    let found = crate::pki::load::system_roots();
    let mut analysis = crate::pki::ca_check::BundleAnalysis::default();
    let mut unreadable = 0;
    for der in found.certs {
        match crate::pki::inspect::Cert::parse(der, now) {
            Ok(cert) => analysis.certs.push(cert),
            Err(_) => unreadable += 1,
        }
    }
    if analysis.certs.is_empty() {
        let problem = if found.errors.is_empty() {
            tr!("cli-input-store-empty")
        } else {
            tr!(
                "cli-input-store-unreadable",
                errors = found.errors.join("; ")
            )
        };
        return Err(InputError::SystemStore { problem });
    }
    Ok(Trust {
        input: ParsedInput::default(),
        system: Some(SystemStore {
            roots: analysis.certs.len(),
            unreadable,
            errors: found.errors,
        }),
        analysis,
    })
}

pub(super) fn describe_rejections(input: &ParsedInput) -> String {
    if input.rejected.is_empty() {
        return tr!("cli-input-holds-no-certificate");
    }
    input
        .rejected
        .iter()
        .map(|r| {
            let what = match &r.kind {
                RejectKind::Empty => tr!("cli-input-rejected-empty"),
                RejectKind::ParseError { detail } => {
                    tr!("cli-input-rejected-unreadable", detail = detail.as_str())
                }
                RejectKind::Unsupported { format, .. } => format.clone(),
                RejectKind::PrivateKey { label } => {
                    tr!("cli-input-rejected-private-key", label = label.as_str())
                }
                RejectKind::NotACertificate { label } => {
                    tr!("cli-input-rejected-other", label = label.as_str())
                }
            };
            format!("{}: {what}", r.origin)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The client certificate a command presents, and what its inspection found.
#[derive(Debug)]
pub(super) struct ClientCert {
    /// Certificate chain and key, for the TLS client.
    pub identity: ClientIdentity,
    /// The certificate judged on its own (validity, EKU, key match, X.509 user name).
    pub inspection: ClientCertInspection,
    /// The key's password, for the driver stage (which reads the file itself).
    pub key_password: Option<Secret>,
}

/// Reads and inspects the client certificate file (`--client-cert` or `tlsCertificateKeyFile`,
/// named by `origin` in errors): the certificate chain and its key, decrypted with the
/// password when it is encrypted PKCS#8. Neither the key nor the password ever reaches an
/// error message.
pub(super) fn read_client_cert(
    source: &ClientCertSource,
    now: time::OffsetDateTime,
    warn_days: i64,
) -> Result<ClientCert, InputError> {
    let (origin, path, password) = (source.origin, &source.file, source.password.as_ref());
    let shown = path.display().to_string();
    let problem = |p: String| InputError::ClientIdentity {
        origin,
        file: shown.clone(),
        problem: p,
    };
    let password = match password {
        None => None,
        Some(KeyPassword::Uri(s)) => Some(s.clone()),
        Some(KeyPassword::Env(var)) => match std::env::var(var) {
            Ok(v) => Some(Secret::new(v)),
            Err(std::env::VarError::NotPresent) => {
                return Err(problem(tr!(
                    "cli-input-key-password-unset",
                    var = var.as_str()
                )))
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(problem(tr!(
                    "cli-input-key-password-not-utf8",
                    var = var.as_str()
                )))
            }
        },
    };
    // The loader's checks: size cap (also for /dev/zero, whose size says 0), no directory or
    // device, no endless wait on a pipe without a writer.
    let bytes = crate::pki::load::read_file(path).map_err(|e| problem(e.problem()))?;
    let file = parse_key_file(&bytes, password.as_ref().map(|p| p.expose().as_bytes()))
        .map_err(|e| problem(e.to_string()))?;
    let spki = public_key_of(&file.key).map_err(|e| problem(e.to_string()))?;
    let leaf = file
        .chain
        .first()
        .ok_or_else(|| problem(tr!("cli-input-client-cert-missing")))?;
    let inspection = inspect(&shown, leaf.as_ref(), &spki, file.encrypted, now, warn_days)
        .map_err(|e| {
            problem(tr!(
                "cli-input-client-cert-unusable",
                problem = e.to_string()
            ))
        })?;
    Ok(ClientCert {
        identity: ClientIdentity {
            chain: file.chain,
            key: file.key,
        },
        inspection,
        key_password: password,
    })
}

/// The CA file the driver stage reads. The driver takes one PEM file (`tlsCAFile`); when the
/// CA comes as one PEM file, that file is passed as it is; when it comes as several files, or
/// as a ZIP, DER or PKCS#7 bundle, the certificates read from all of them are written to one
/// temporary PEM file, removed when this is dropped (after the driver stage).
pub(super) struct DriverCa {
    path: Option<std::path::PathBuf>,
    _merged: Option<tempfile::TempPath>,
}

impl DriverCa {
    /// The file to hand the driver; `None` when no CA file was given.
    pub(super) fn path(&self) -> Option<std::path::PathBuf> {
        self.path.clone()
    }
}

/// What the driver stage trusts, from the CA file(s) `paths` as `input` holds them.
pub(super) fn driver_ca(
    paths: &[std::path::PathBuf],
    input: &ParsedInput,
) -> Result<DriverCa, InputError> {
    use crate::pki::bundle::InputFormat;
    let one_pem_file = paths.len() == 1
        && input
            .certs
            .iter()
            .all(|c| c.origin.format == Some(InputFormat::Pem) && c.origin.zip_member.is_none());
    if paths.is_empty() || one_pem_file {
        return Ok(DriverCa {
            path: paths.first().cloned(),
            _merged: None,
        });
    }
    let blocks: Vec<pem::Pem> = input
        .certs
        .iter()
        .map(|c| pem::Pem::new("CERTIFICATE", c.der.clone()))
        .collect();
    let merged = || -> std::io::Result<tempfile::TempPath> {
        let mut file = tempfile::Builder::new()
            .prefix("mongotls-merged-ca-")
            .suffix(".pem")
            .tempfile()?;
        std::io::Write::write_all(&mut file, pem::encode_many(&blocks).as_bytes())?;
        std::io::Write::flush(&mut file)?;
        Ok(file.into_temp_path())
    };
    let merged = merged().map_err(|e| InputError::NoCertificate {
        file: display_paths(paths).join(", "),
        problem: tr!("cli-driver-ca-not-written", error = e.to_string()),
    })?;
    Ok(DriverCa {
        path: Some(merged.to_path_buf()),
        _merged: Some(merged),
    })
}

/// What a run trusts, read once: the CA file(s) (or the system store), the file the driver
/// stage reads, and the anchors the probes verify against.
pub(super) struct LoadedTrust {
    /// The CA file(s) as read and analysed.
    pub trust: Trust,
    /// What the driver stage reads.
    pub driver_ca: DriverCa,
    /// The anchors, shared by every member's probe.
    pub anchors: std::sync::Arc<Vec<crate::pki::inspect::Cert>>,
}

/// What a set of CA files and the time judged at make: the key of [`TrustCache`].
type TrustKey = (Vec<std::path::PathBuf>, time::OffsetDateTime, i64);

/// Trust read once per distinct CA file set (and evaluation time and warning window), shared
/// by every run that names it: a fleet of a thousand targets on one CA bundle parses it once.
/// [`TrustCache::none`] reads afresh on every call (one `check`). A failure is not kept: each
/// run that names an unusable file reports it.
pub(super) struct TrustCache {
    shared: Option<std::sync::Mutex<TrustSlots>>,
}

type TrustSlots = std::collections::HashMap<
    TrustKey,
    std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<LoadedTrust>>>>,
>;

impl TrustCache {
    /// No sharing: every call reads.
    pub(super) fn none() -> Self {
        TrustCache { shared: None }
    }

    /// Sharing between the calls made through this cache.
    pub(super) fn shared() -> Self {
        TrustCache {
            shared: Some(std::sync::Mutex::new(TrustSlots::new())),
        }
    }

    /// The trust of `paths` at `now`, read now or shared.
    pub(super) fn load(
        &self,
        paths: &[std::path::PathBuf],
        now: time::OffsetDateTime,
        warn_days: i64,
    ) -> Result<std::sync::Arc<LoadedTrust>, InputError> {
        let read = || -> Result<std::sync::Arc<LoadedTrust>, InputError> {
            let trust = load_trust(paths, now, warn_days)?;
            let driver_ca = driver_ca(paths, &trust.input)?;
            let anchors = std::sync::Arc::new(trust.analysis.certs.clone());
            Ok(std::sync::Arc::new(LoadedTrust {
                trust,
                driver_ca,
                anchors,
            }))
        };
        let Some(shared) = &self.shared else {
            return read();
        };
        let slot = {
            let mut slots = shared
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            slots
                .entry((paths.to_vec(), now, warn_days))
                .or_default()
                .clone()
        };
        // One reader per key; the others wait for its result.
        let mut slot = slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(loaded) = slot.as_ref() {
            return Ok(loaded.clone());
        }
        let loaded = read()?;
        *slot = Some(loaded.clone());
        Ok(loaded)
    }
}
