//! Turning the bytes of a file a user handed us into certificates, and saying exactly what was
//! not a certificate. Pure: no I/O.
//!
//! Formats: PEM (one or many blocks; CRLF, BOM and text between blocks tolerated), DER (one
//! certificate), PKCS#7 certificate bundles (PEM or DER), and the ZIP a managed-service console
//! hands out. Java keystores, PKCS#12, private keys and other non-certificate content are
//! recognised and reported as [`Rejected`] entries; nothing is skipped silently.

use std::fmt;

/// The container format an entry was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// PEM text with `-----BEGIN CERTIFICATE-----` blocks.
    Pem,
    /// A single DER-encoded certificate.
    Der,
    /// A PKCS#7 / CMS SignedData certificate bundle, PEM-armoured (`-----BEGIN PKCS7-----`).
    Pkcs7Pem,
    /// A PKCS#7 / CMS SignedData certificate bundle, DER (`.p7b`).
    Pkcs7Der,
}

/// Where an entry came from, precisely enough for a user to find it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    /// The file name as the user gave it.
    pub file: String,
    /// The member of a ZIP archive, when the file is a ZIP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_member: Option<String>,
    /// The format of the (innermost) container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<InputFormat>,
    /// 1-based number of the PEM block in its file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// 1-based line of the block's `-----BEGIN` line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based position of the certificate inside a PKCS#7 bundle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

impl Origin {
    /// The whole file, no position inside it yet.
    pub fn file(name: &str) -> Self {
        Origin {
            file: name.to_string(),
            zip_member: None,
            format: None,
            block: None,
            line: None,
            index: None,
        }
    }
}

impl fmt::Display for Origin {
    /// e.g. `ca.pem block 2 (line 23)`, `ApsaraDB-CA.zip:ApsaraDB-CA-Chain.pem block 1 (line 1)`,
    /// `ca.p7b certificate 2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(member) = &self.zip_member {
            write!(f, ":{member}")?;
        }
        if let Some(block) = self.block {
            write!(f, " block {block}")?;
        }
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        if let Some(index) = self.index {
            write!(f, " certificate {index}")?;
        }
        Ok(())
    }
}

/// A certificate found in the input: DER that x509-parser accepted as a certificate.
#[derive(Clone, Debug)]
pub struct RawCert {
    /// The certificate's DER encoding.
    pub der: Vec<u8>,
    /// Where it came from.
    pub origin: Origin,
}

/// Why a part of the input is not a usable certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectKind {
    /// The file (or ZIP member) holds no certificate: zero bytes, whitespace, or text without
    /// any PEM block.
    Empty,
    /// It looked like a certificate (PEM `CERTIFICATE` block, DER SEQUENCE, PKCS#7 entry) but
    /// could not be decoded. `detail` says what the decoder said.
    ParseError {
        /// The decoder's complaint, e.g. "base64 decode error" or "DER: unexpected end".
        detail: String,
    },
    /// A recognised format that is not loaded as certificates: `format` names it
    /// ("Java keystore (JKS)", "PKCS#12", "OpenSSH private key", "binary data", …).
    Unsupported {
        /// Human name of the format.
        format: String,
        /// What to do instead (e.g. "use the .pem file from the same ZIP").
        detail: String,
    },
    /// A private key. Its content is never decoded or printed; only its PEM label is kept.
    PrivateKey {
        /// PEM label, e.g. "RSA PRIVATE KEY", or "PKCS#8 (DER)".
        label: String,
    },
    /// A well-formed block that is not a certificate (CRL, CSR, public key, unknown label).
    NotACertificate {
        /// PEM label, e.g. "X509 CRL".
        label: String,
    },
}

/// A part of the input that is not a usable certificate, and where it is.
#[derive(Clone, Debug)]
pub struct Rejected {
    /// Where it is.
    pub origin: Origin,
    /// Why it was not used.
    pub kind: RejectKind,
}

/// Everything found in one input.
#[derive(Clone, Debug, Default)]
pub struct ParsedInput {
    /// Certificates, in input order.
    pub certs: Vec<RawCert>,
    /// Everything else, in input order.
    pub rejected: Vec<Rejected>,
    /// Facts worth telling the user, e.g. which ZIP member was used and which were not.
    pub notes: Vec<(Origin, String)>,
}

/// Parses one input file's bytes. `name` is the file name to put in every [`Origin`].
pub fn parse_input(name: &str, bytes: &[u8]) -> ParsedInput {
    let _ = (name, bytes);
    todo!("bundle helper implements this")
}
