//! Turning the bytes of a file a user handed us into certificates, and saying exactly what was
//! not a certificate. Pure: no I/O.
//!
//! Formats: PEM (one or many blocks; CRLF, BOM and text between blocks tolerated), DER (one
//! certificate), PKCS#7 certificate bundles (PEM or DER), and the ZIP a managed-service console
//! hands out. Java keystores, PKCS#12, private keys and other non-certificate content are
//! recognised and reported as [`Rejected`] entries; nothing is skipped silently.
//!
//! The format is detected from the content, never from the file name. PEM base64 is decoded by
//! rustls-pki-types' `PemObject` (the project's one PEM decoder), DER certificates are checked
//! with x509-parser, PKCS#7 is read with `cms`/`der`, ZIP with `zip`. Private keys are recognised
//! by their PEM label or DER shape and never decoded.
//!
//! This file holds the public types and [`parse_input`], which recognises the content and hands
//! it on: `sniff` recognises a blob by its bytes; `pem`, `der` and `zip` read those containers;
//! `pkcs7` reads the certificate set of a PKCS#7 bundle in file order; `x509` checks that DER is
//! one certificate; `asn1` reads BER/DER headers.

mod asn1;
mod der;
mod pem;
mod pkcs7;
mod sniff;
#[cfg(test)]
mod test_support;
mod x509;
mod zip;

use std::fmt;

use self::der::parse_der;
use self::pem::{has_pem_header, parse_pem};
use self::sniff::{
    is_zip, keystore_rejection, looks_like_der, looks_like_utf16, other_content_rejection,
    utf16_rejection,
};
use self::zip::parse_zip;
use crate::tr;

/// The container format an entry was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl InputFormat {
    /// Lower-case name as in reports (`pem`, `der`, `pkcs7_pem`, `pkcs7_der`).
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Pem => "pem",
            InputFormat::Der => "der",
            InputFormat::Pkcs7Pem => "pkcs7_pem",
            InputFormat::Pkcs7Der => "pkcs7_der",
        }
    }
}

/// Where an entry came from, precisely enough for a user to find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file name as the user gave it.
    pub file: String,
    /// The member of a ZIP archive, when the file is a ZIP.
    pub zip_member: Option<String>,
    /// The format of the (innermost) container.
    pub format: Option<InputFormat>,
    /// 1-based number of the PEM block in its file.
    pub block: Option<usize>,
    /// 1-based line of the block's `-----BEGIN` line.
    pub line: Option<usize>,
    /// 1-based position of the certificate inside a PKCS#7 bundle.
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
        let parts = [
            self.block
                .map(|block| tr!("pki-origin-block", block = block.to_string())),
            self.line
                .map(|line| tr!("pki-origin-line", line = line.to_string())),
            self.index
                .map(|index| tr!("pki-origin-certificate", index = index.to_string())),
        ];
        for (n, part) in parts.into_iter().flatten().enumerate() {
            if n == 0 {
                f.write_str(" ")?;
            } else {
                f.write_str(&tr!("pki-origin-separator"))?;
            }
            f.write_str(&part)?;
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
///
/// No variant ever holds key material or quotes input text: labels are checked to be short
/// printable ASCII, details are written by this module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectKind {
    /// The file (or ZIP member) holds nothing: zero bytes or whitespace only; also a ZIP without
    /// files, and a PKCS#7 bundle without certificates (then `origin.format` is `Pkcs7Pem` or
    /// `Pkcs7Der`). Text without any PEM block is [`RejectKind::Unsupported`].
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
    /// The input held more than [`MAX_ENTRIES`] certificates and rejected entries; reading
    /// stopped there, so `certs` and `rejected` are incomplete and the input should be refused
    /// as a whole (a CA bundle holds a few certificates, and judging tens of thousands would
    /// take very long).
    pub over_entry_limit: bool,
}

/// Largest uncompressed size read from one ZIP member; a bigger member is rejected.
pub const MAX_ZIP_MEMBER_BYTES: u64 = 16 * 1024 * 1024;

/// Largest uncompressed size read from all members of one ZIP together.
pub const MAX_ZIP_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

/// Most members (files and directories) a ZIP may hold; a bigger one is rejected whole.
pub const MAX_ZIP_MEMBERS: usize = 1000;

/// Most certificates and rejected entries read from one input (a system's whole trust store
/// holds about 150); past it, reading stops and [`ParsedInput::over_entry_limit`] is set.
pub const MAX_ENTRIES: usize = 1000;

impl ParsedInput {
    /// Appends everything `other` found after what `self` found, keeping the order.
    pub fn merge(&mut self, other: ParsedInput) {
        self.certs.extend(other.certs);
        self.rejected.extend(other.rejected);
        self.notes.extend(other.notes);
        self.over_entry_limit |= other.over_entry_limit;
    }

    /// Certificates and rejected entries so far.
    fn entries(&self) -> usize {
        self.certs.len().saturating_add(self.rejected.len())
    }

    /// Whether reading should stop: more than [`MAX_ENTRIES`] entries (then the flag is set).
    fn over_limit(&mut self) -> bool {
        if self.entries() > MAX_ENTRIES {
            self.over_entry_limit = true;
        }
        self.over_entry_limit
    }

    fn push_cert(&mut self, der: Vec<u8>, origin: Origin) {
        self.certs.push(RawCert { der, origin });
    }

    fn reject(&mut self, origin: Origin, kind: RejectKind) {
        self.rejected.push(Rejected { origin, kind });
    }

    fn note(&mut self, origin: Origin, text: impl Into<String>) {
        self.notes.push((origin, text.into()));
    }
}

/// Parses one input file's bytes. `name` is the file name to put in every [`Origin`].
///
/// The format is found from the content, never from the name, in this order: empty, ZIP, Java
/// keystore, UTF-16 text, binary DER (certificate, PKCS#7, PKCS#12, private key, CRL, CSR,
/// public key), PEM, other text (bare base64 is recognised) or binary data. Never panics.
///
/// Choices worth knowing:
/// - A PKCS#7 bundle without certificates is `Rejected` as [`RejectKind::Empty`], its
///   `origin.format` saying it was PKCS#7; so is a ZIP without files.
/// - Text between PEM blocks is skipped, but a line that looks like a BEGIN or END line and is
///   not a well-formed one is a [`RejectKind::ParseError`] at that line.
/// - A PEM private-key block is always [`RejectKind::PrivateKey`], even when its END line is
///   missing: its body is never looked at.
/// - In a ZIP, only the members of the best format are used (PEM, else PKCS#7, else DER); the
///   others get a note, except private keys, which stay rejections.
/// - PKCS#7 certificates keep the order of the file (a DER decoder that sorts the SET would
///   renumber them); only DER-encoded PKCS#7 is read, not BER with indefinite lengths.
/// - Past [`MAX_ENTRIES`] certificates and rejected entries, reading stops and
///   [`ParsedInput::over_entry_limit`] is set: callers refuse such an input.
pub fn parse_input(name: &str, bytes: &[u8]) -> ParsedInput {
    let mut out = ParsedInput::default();
    parse_bytes(
        Ctx {
            file: name,
            zip_member: None,
        },
        bytes,
        &mut out,
    );
    out.over_limit();
    out
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where we are: the file and, inside a ZIP, the member.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    file: &'a str,
    zip_member: Option<&'a str>,
}

impl Ctx<'_> {
    /// The whole file or member.
    fn origin(&self) -> Origin {
        Origin {
            zip_member: self.zip_member.map(str::to_string),
            ..Origin::file(self.file)
        }
    }

    /// The whole file or member, read as `format`.
    fn origin_as(&self, format: InputFormat) -> Origin {
        Origin {
            format: Some(format),
            ..self.origin()
        }
    }

    /// The name to put in a command line that the user should run on this input.
    fn command_arg(&self) -> String {
        shell_arg(self.zip_member.unwrap_or(self.file))
    }
}

/// Detects the format of `bytes` and hands them to the matching parser.
fn parse_bytes(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        out.reject(ctx.origin(), RejectKind::Empty);
    } else if is_zip(bytes) {
        parse_zip(ctx, bytes, out);
    } else if let Some(kind) = keystore_rejection(ctx, bytes) {
        out.reject(ctx.origin(), kind);
    } else if looks_like_utf16(bytes) {
        out.reject(ctx.origin(), utf16_rejection());
    } else if looks_like_der(bytes) {
        parse_der(ctx, bytes, out);
    } else if has_pem_header(bytes) {
        parse_pem(ctx, bytes, out);
    } else {
        out.reject(ctx.origin(), other_content_rejection(bytes));
    }
}

/// Quotes `name` for a POSIX shell when it holds anything but safe characters.
fn shell_arg(name: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "._-/+:@%,=".contains(c);
    if !name.is_empty() && name.chars().all(safe) {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', r"'\''"))
    }
}

fn unsupported(format: &str, detail: &str) -> RejectKind {
    RejectKind::Unsupported {
        format: format.to_string(),
        detail: detail.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::pki::bundle::test_support::{
        cert_der, only_rejection, pem, pkcs12_like, pkcs7, zip_of, BROKEN_BLOCK, JKS,
    };

    /// Every result must hold something: a certificate or a rejection.
    fn assert_accounted(parsed: &ParsedInput) {
        assert!(
            !parsed.certs.is_empty() || !parsed.rejected.is_empty(),
            "nothing reported: {parsed:?}"
        );
    }

    #[test]
    fn empty_whitespace_and_bom_only() {
        for bytes in [&b""[..], b" \r\n\t\n", UTF8_BOM, b"\xEF\xBB\xBF\n"] {
            let parsed = parse_input("x.pem", bytes);
            let rejected = only_rejection(&parsed);
            assert_eq!(rejected.kind, RejectKind::Empty);
            assert_eq!(rejected.origin, Origin::file("x.pem"));
        }
    }

    #[test]
    fn merge_keeps_the_over_limit_flag() {
        let mut all = ParsedInput::default();
        all.merge(parse_input(
            "a.pem",
            BROKEN_BLOCK.repeat(MAX_ENTRIES + 1).as_bytes(),
        ));
        all.merge(parse_input("b.pem", BROKEN_BLOCK.as_bytes()));
        assert!(all.over_entry_limit);
    }

    #[test]
    fn never_panics_on_prefixes_and_flipped_bytes() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let chain_pem = format!("{}{}", pem("CERTIFICATE", &a), pem("PKCS7", &pkcs7(&[&b])));
        let samples = [
            a.clone(),
            pkcs7(&[&a, &b]),
            pkcs12_like(),
            chain_pem.clone().into_bytes(),
            zip_of(&[("a.pem", chain_pem.as_bytes()), ("b.p7b", &pkcs7(&[&a]))]),
        ];
        for sample in &samples {
            for len in 0..=sample.len() {
                assert_accounted(&parse_input("x", &sample[..len]));
            }
            for position in (0..sample.len()).step_by(7) {
                let mut flipped = sample.clone();
                flipped[position] ^= 0x55;
                assert_accounted(&parse_input("x", &flipped));
            }
        }
    }

    #[test]
    fn never_panics_on_random_bytes() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let prefixes: [&[u8]; 6] = [
            b"",
            b"\x30",
            b"\x30\x82",
            b"PK\x03\x04",
            b"-----BEGIN ",
            JKS,
        ];
        for round in 0..3000 {
            let len = (next() % 300) as usize;
            let mut bytes = prefixes[round % prefixes.len()].to_vec();
            bytes.extend((0..len).map(|_| next() as u8));
            assert_accounted(&parse_input("x", &bytes));
        }
    }

    #[test]
    fn merge_keeps_order() {
        let mut first = parse_input("a.pem", pem("CERTIFICATE", &cert_der("a")).as_bytes());
        first.merge(parse_input("b.pem", b""));
        first.merge(parse_input("c.der", &cert_der("c")));
        let files: Vec<&str> = first.certs.iter().map(|c| c.origin.file.as_str()).collect();
        assert_eq!(files, ["a.pem", "c.der"]);
        assert_eq!(first.rejected[0].origin.file, "b.pem");
    }
}
