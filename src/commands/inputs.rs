//! Reading what a command is given: the CA file(s) it trusts and the client certificate.
//! An input that cannot be used at all is an [`InputError`] (exit 2), never a silent skip.

use crate::net::ClientIdentity;
use crate::pki::bundle::{ParsedInput, RejectKind};
use crate::pki::ca_check::analyse_bundle;
use crate::pki::load::{read_inputs, LoadError};

/// An input the command cannot work with at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A file could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The client certificate file (`tlsCertificateKeyFile`) cannot be used.
    #[error("tlsCertificateKeyFile {file}: {problem}")]
    ClientIdentity {
        /// The file.
        file: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// A file was read but holds no certificate the command can use.
    #[error("{file}: {problem}")]
    NoCertificate {
        /// The file.
        file: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// The resolver for `--dns-server` could not be set up.
    #[error("--dns-server: {0}")]
    Dns(String),
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
            problem: format!(
                "no usable CA certificate ({}); run `mongotls ca` on it for details",
                describe_rejections(&input)
            ),
        });
    }
    Ok((input, analysis))
}

pub(super) fn describe_rejections(input: &ParsedInput) -> String {
    if input.rejected.is_empty() {
        return "it holds no certificate".into();
    }
    input
        .rejected
        .iter()
        .map(|r| {
            let what = match &r.kind {
                RejectKind::Empty => "empty".to_string(),
                RejectKind::ParseError { detail } => format!("unreadable ({detail})"),
                RejectKind::Unsupported { format, .. } => format.clone(),
                RejectKind::PrivateKey { label } => format!("a private key ({label})"),
                RejectKind::NotACertificate { label } => format!("a {label}"),
            };
            format!("{}: {what}", r.origin)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads `tlsCertificateKeyFile`: the client certificate chain and its (unencrypted) key.
/// Nothing of the key ever reaches an error message.
pub(super) fn read_client_identity(path: &std::path::Path) -> Result<ClientIdentity, InputError> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let shown = path.display().to_string();
    let problem = |p: &str| InputError::ClientIdentity {
        file: shown.clone(),
        problem: p.to_string(),
    };
    // The loader's checks: size cap (also for /dev/zero, whose size says 0), no directory or
    // device, no endless wait on a pipe without a writer.
    let bytes = crate::pki::load::read_file(path).map_err(|e| problem(&e.problem()))?;
    if String::from_utf8_lossy(&bytes).contains("ENCRYPTED PRIVATE KEY") {
        return Err(problem(
            "the private key is encrypted, which mongotls cannot use yet: write a decrypted copy with `openssl pkcs8 -in FILE -out client-plain.pem` and keep it private",
        ));
    }
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<_, _>>()
        .map_err(|_| problem("a certificate block cannot be decoded"))?;
    if chain.is_empty() {
        return Err(problem(
            "no certificate in it: the file must hold the client certificate and its private key (PEM)",
        ));
    }
    let key = PrivateKeyDer::from_pem_slice(&bytes).map_err(|_| {
        problem("no usable private key in it: the file must hold the client certificate and its unencrypted private key (PEM)")
    })?;
    Ok(ClientIdentity { chain, key })
}
