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

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const JKS_MAGIC: &[u8] = b"\xFE\xED\xFE\xED";
const JCEKS_MAGIC: &[u8] = b"\xCE\xCE\xCE\xCE";
/// DER of the OID arc 1.2.840.113549.1.7 (PKCS#7 content types), without the last arc.
const PKCS7_OID_PREFIX: &[u8] = b"\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x07";
const PKCS7_SIGNED_DATA_OID: &str = "1.2.840.113549.1.7.2";

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

/// Binary data that starts with a SEQUENCE tag. Checked before PEM so that a certificate whose
/// extensions happen to hold `-----BEGIN` is still read as DER.
fn looks_like_der(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30) && !is_text(bytes)
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Java keystores (JKS, JCEKS) by their magic number.
fn keystore_rejection(ctx: Ctx<'_>, bytes: &[u8]) -> Option<RejectKind> {
    let (format, store_type) = if bytes.starts_with(JKS_MAGIC) {
        ("Java keystore (JKS)", "")
    } else if bytes.starts_with(JCEKS_MAGIC) {
        ("Java keystore (JCEKS)", " -storetype JCEKS")
    } else {
        return None;
    };
    let file = ctx.command_arg();
    let instead = if ctx.zip_member.is_some() {
        "use the .pem file from the same download instead"
    } else {
        "pass the CA certificate as a PEM file instead (a console that offers a .jks usually \
         offers a .pem beside it)"
    };
    Some(RejectKind::Unsupported {
        format: format.to_string(),
        detail: format!(
            "{instead}; or export the certificate from the keystore: `keytool -list -keystore \
             {file}{store_type}` shows the aliases, then `keytool -exportcert -rfc -alias ALIAS \
             -keystore {file}{store_type} -file ca.pem`"
        ),
    })
}

/// UTF-16 text (what PowerShell's `>` writes): a BOM, or ASCII interleaved with zero bytes.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let head = bytes.get(..64).unwrap_or(bytes);
    if head.len() < 8 {
        return false;
    }
    let printable = |b: &u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    let evens = || head.iter().step_by(2);
    let odds = || head.iter().skip(1).step_by(2);
    (evens().all(printable) && odds().all(|b| *b == 0))
        || (evens().all(|b| *b == 0) && odds().all(printable))
}

fn utf16_rejection() -> RejectKind {
    RejectKind::Unsupported {
        format: "UTF-16 text".to_string(),
        detail: "save the file as ASCII or UTF-8 (mongod and the drivers read neither UTF-16 nor \
                 a file written by PowerShell's `>`); in PowerShell: `Get-Content FILE | \
                 Set-Content -Encoding ascii ca.pem`"
            .to_string(),
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

// ---------------------------------------------------------------------------------------------
// Text and binary data that is none of the formats above
// ---------------------------------------------------------------------------------------------

/// What is wrong with content that is neither ZIP, keystore, PEM, UTF-16 nor DER.
fn other_content_rejection(bytes: &[u8]) -> RejectKind {
    if bytes.starts_with(b"\x1F\x8B") {
        return unsupported(
            "gzip-compressed data",
            "decompress it first (`gunzip`), then pass the certificate file inside",
        );
    }
    if bytes.get(257..262) == Some(b"ustar".as_slice()) {
        return unsupported(
            "tar archive",
            "extract it first (`tar xf FILE`), then pass the certificate file inside",
        );
    }
    if !is_text(bytes) {
        return unsupported(
            "binary data (not DER, PEM, PKCS#7, ZIP)",
            "this is not a certificate in any format mongotls reads (PEM, DER, PKCS#7, or a ZIP \
             of those); check that it is the CA certificate file and that the download completed",
        );
    }
    bare_base64_rejection(bytes).unwrap_or_else(|| {
        unsupported(
            "text without any PEM block",
            "a PEM certificate is base64 text between a line `-----BEGIN CERTIFICATE-----` and a \
             line `-----END CERTIFICATE-----`, and this file has no such lines; pass the CA \
             certificate file itself (often named ca.pem, ca.crt or *-CA-Chain.pem)",
        )
    })
}

fn unsupported(format: &str, detail: &str) -> RejectKind {
    RejectKind::Unsupported {
        format: format.to_string(),
        detail: detail.to_string(),
    }
}

/// Text: no NUL, almost no control characters, and UTF-8 (or nearly all ASCII).
fn is_text(bytes: &[u8]) -> bool {
    let control = bytes
        .iter()
        .filter(|b| b.is_ascii_control() && !b.is_ascii_whitespace())
        .count();
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    !bytes.contains(&0)
        && control.saturating_mul(100) <= bytes.len()
        && (std::str::from_utf8(bytes).is_ok() || non_ascii.saturating_mul(10) <= bytes.len())
}

/// Text that is nothing but base64 (no PEM lines): a certificate or key without its BEGIN and
/// END lines, or a PEM file base64-encoded once more (a Kubernetes Secret's `data` field).
fn bare_base64_rejection(bytes: &[u8]) -> Option<RejectKind> {
    let compact: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    if compact.len() < 64 || !compact.iter().all(|b| is_base64_byte(*b)) {
        return None;
    }
    let decoded = decode_base64(std::iter::once(compact.as_slice()), compact.len()).ok()?;
    if decoded.starts_with(b"-----BEGIN ") {
        return Some(base64_pem_rejection(&decoded));
    }
    if check_certificate(&decoded).is_ok() {
        return Some(unsupported(
            "certificate in base64 without PEM lines",
            "this is a certificate's base64 text without its PEM lines; put a line \
             `-----BEGIN CERTIFICATE-----` before it and a line `-----END CERTIFICATE-----` \
             after it",
        ));
    }
    if let Some(label) = der_private_key_label(&decoded) {
        return Some(RejectKind::PrivateKey {
            label: format!("{label}, base64 without PEM lines"),
        });
    }
    Some(unsupported(
        "base64 text without PEM lines",
        "the file is base64 but not of a certificate; pass the CA certificate in PEM form \
         (`-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----`)",
    ))
}

/// A PEM file that was base64-encoded again.
fn base64_pem_rejection(decoded: &[u8]) -> RejectKind {
    let first_label =
        split_lines(decoded).find_map(|(_, _, line)| header_label(line, b"-----BEGIN "));
    match first_label {
        Some(label) if is_private_key_label(&label) => RejectKind::PrivateKey {
            label: format!("{label}, base64-encoded PEM"),
        },
        _ => unsupported(
            "base64-encoded PEM",
            "the file is a PEM file encoded in base64 once more (as in a Kubernetes Secret's \
             `data` field); decode it first: `base64 -d FILE > ca.pem`",
        ),
    }
}

fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

/// Decodes base64 lines through rustls-pki-types' PEM reader (the project's one PEM/base64
/// decoder), wrapping them in a `CERTIFICATE` block whatever they hold: the label does not
/// change the base64. `size` (the lines' length with their endings) sizes the buffer.
fn decode_base64<'a>(
    lines: impl Iterator<Item = &'a [u8]>,
    size: usize,
) -> Result<Vec<u8>, String> {
    use rustls_pki_types::pem::{PemObject, SectionKind};

    let mut pem = Vec::with_capacity(size.saturating_add(64));
    pem.extend_from_slice(b"-----BEGIN CERTIFICATE-----\n");
    for line in lines {
        pem.extend_from_slice(line.trim_ascii());
        pem.push(b'\n');
    }
    pem.extend_from_slice(b"-----END CERTIFICATE-----\n");
    <(SectionKind, Vec<u8>) as PemObject>::from_pem_slice(&pem)
        .map(|(_, der)| der)
        .map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// PEM
// ---------------------------------------------------------------------------------------------

/// Whether any line looks like a PEM BEGIN line, well-formed or not.
fn has_pem_header(bytes: &[u8]) -> bool {
    contains(bytes, b"--BEGIN")
}

fn is_begin_like(line: &[u8]) -> bool {
    contains(line, b"--BEGIN")
}

fn is_end_like(line: &[u8]) -> bool {
    contains(line, b"--END")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Lines with their 1-based numbers and byte offsets, without line endings (LF, CRLF or CR).
/// An iterator, not a list: a file of millions of empty lines must not cost a slice per line.
fn split_lines(bytes: &[u8]) -> Lines<'_> {
    Lines {
        rest: bytes,
        number: 1,
        offset: 0,
    }
}

/// See [`split_lines`]; [`PemBlock::body_lines`] starts one inside a file.
struct Lines<'a> {
    rest: &'a [u8],
    /// 1-based number of the next line.
    number: usize,
    /// Byte offset of the next line.
    offset: usize,
}

/// One line: its 1-based number, its byte offset, its text without the line ending.
type Line<'a> = (usize, usize, &'a [u8]);

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, ending) = match self.rest.iter().position(|b| *b == b'\n' || *b == b'\r') {
            None => (self.rest, 0),
            Some(end) => {
                let (line, tail) = self.rest.split_at(end);
                (line, if tail.starts_with(b"\r\n") { 2 } else { 1 })
            }
        };
        let item = (self.number, self.offset, line);
        let consumed = line.len().saturating_add(ending);
        self.rest = self.rest.get(consumed..).unwrap_or_default();
        self.offset = self.offset.saturating_add(consumed);
        self.number = self.number.saturating_add(1);
        Some(item)
    }
}

/// The label of a well-formed `-----BEGIN LABEL-----` (or END) line; `prefix` is
/// `-----BEGIN ` or `-----END `. Leading and trailing whitespace is tolerated.
fn header_label(line: &[u8], prefix: &[u8]) -> Option<String> {
    let label = line
        .trim_ascii()
        .strip_prefix(prefix)?
        .strip_suffix(b"-----")?;
    let well_formed = !label.is_empty()
        && label.len() <= 64
        && label.iter().all(|b| *b == b' ' || b.is_ascii_graphic())
        && !label.starts_with(b"-")
        && !label.ends_with(b"-")
        && !label.ends_with(b" ")
        && !contains(label, b"--");
    well_formed.then(|| String::from_utf8_lossy(label).into_owned())
}

/// How a PEM block ended.
#[derive(Debug, PartialEq, Eq)]
enum BlockEnd {
    /// `-----END LABEL-----` with the BEGIN line's label.
    Found,
    /// End of file or another BEGIN line came first.
    Missing,
    /// An END line with another label.
    Mismatched(String),
    /// A line that tries to be the END line but is not well-formed (1-based line number).
    Malformed(usize),
}

/// One PEM block: its BEGIN line, body and how it ended.
struct PemBlock<'a> {
    /// 1-based number of the block in the file (counting well-formed BEGIN lines).
    number: usize,
    /// 1-based line of the BEGIN line.
    line: usize,
    label: String,
    /// The text between the BEGIN line and the line that ends the block (or the end of the
    /// file), line endings included: one slice however many lines it has.
    body: &'a [u8],
    end: BlockEnd,
    /// The BEGIN or END line is indented (OpenSSL does not see such a block).
    indented: bool,
}

impl<'a> PemBlock<'a> {
    /// The body's lines, numbered as in the file.
    fn body_lines(&self) -> Lines<'a> {
        Lines {
            number: self.line.saturating_add(1),
            ..split_lines(self.body)
        }
    }
}

/// What the line scanner found.
enum PemItem<'a> {
    Block(PemBlock<'a>),
    /// A line that holds `--BEGIN` but is not a well-formed BEGIN line.
    BadHeader {
        line: usize,
        detail: String,
    },
    /// A line that holds `--END` outside any block.
    StrayEnd {
        line: usize,
        detail: String,
    },
}

/// Splits PEM text into blocks, and flags header-like lines that are not well-formed. Text
/// outside blocks (comments, `subject=` lines, Bag Attributes) is skipped. Stops after
/// [`MAX_ENTRIES`] + 1 items: each yields at least one entry, so more cannot be used.
fn scan_pem(bytes: &[u8]) -> Vec<PemItem<'_>> {
    let mut items = Vec::new();
    // The block being read, and the offset where its body starts.
    let mut open: Option<(PemBlock<'_>, usize)> = None;
    let mut blocks = 0;
    let lines = split_lines(bytes);
    for (number, offset, line) in lines {
        if items.len() > MAX_ENTRIES {
            return items;
        }
        if let Some((mut block, body_start)) = open.take() {
            if !is_begin_like(line) && !is_end_like(line) {
                open = Some((block, body_start));
                continue;
            }
            block.body = bytes.get(body_start..offset).unwrap_or_default();
            if !is_begin_like(line) {
                block.end = block_end(&block.label, number, line);
                block.indented |= line.first().is_some_and(u8::is_ascii_whitespace);
                items.push(PemItem::Block(block));
                continue;
            }
            items.push(PemItem::Block(block));
        }
        if is_begin_like(line) {
            match header_label(line, b"-----BEGIN ") {
                Some(label) => {
                    blocks += 1;
                    let after = offset.saturating_add(line.len());
                    let body_start = after
                        .saturating_add(line_ending_len(bytes, after))
                        .min(bytes.len());
                    let block = PemBlock {
                        number: blocks,
                        line: number,
                        label,
                        body: &[],
                        end: BlockEnd::Missing,
                        indented: line.first().is_some_and(u8::is_ascii_whitespace),
                    };
                    open = Some((block, body_start));
                }
                None => items.push(PemItem::BadHeader {
                    line: number,
                    detail: bad_header_detail(number, line),
                }),
            }
        } else if is_end_like(line) {
            items.push(PemItem::StrayEnd {
                line: number,
                detail: stray_end_detail(number, line),
            });
        }
    }
    items.extend(open.map(|(mut block, body_start)| {
        block.body = bytes.get(body_start..).unwrap_or_default();
        PemItem::Block(block)
    }));
    items
}

/// Length of the line ending (LF, CRLF, CR, or none at the end) at `at`.
fn line_ending_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..) {
        Some([b'\r', b'\n', ..]) => 2,
        Some([b'\r' | b'\n', ..]) => 1,
        _ => 0,
    }
}

fn block_end(label: &str, number: usize, line: &[u8]) -> BlockEnd {
    match header_label(line, b"-----END ") {
        Some(end) if end == label => BlockEnd::Found,
        Some(end) => BlockEnd::Mismatched(end),
        None => BlockEnd::Malformed(number),
    }
}

/// Why a line holding `--BEGIN` is not a BEGIN line. Never quotes the line: it may hold key
/// material.
fn bad_header_detail(number: usize, line: &[u8]) -> String {
    let why = if contains(line, b"\\n") {
        "it holds literal `\\n` sequences, as if copied from JSON or an environment variable; \
         replace each `\\n` with a real line break"
    } else if line.trim_ascii().starts_with(b"-----BEGIN ") {
        "it has more text after the header on the same line, as if the line breaks were lost; \
         put the header, each base64 line and the END line on lines of their own"
    } else {
        "a PEM header is a line of its own that reads exactly `-----BEGIN LABEL-----`, with five \
         dashes on each side"
    };
    format!("line {number} looks like a PEM BEGIN line but is not one: {why}")
}

/// Why a line holding `--END` outside any block is wrong. Never quotes the line.
fn stray_end_detail(number: usize, line: &[u8]) -> String {
    if header_label(line, b"-----END ").is_some() {
        format!(
            "line {number} is a PEM END line without a BEGIN line before it; a BEGIN line may \
             have been deleted"
        )
    } else {
        format!(
            "line {number} looks like a PEM END line but is not one: an END line reads exactly \
             `-----END LABEL-----`, with five dashes on each side"
        )
    }
}

/// What a PEM label holds, as far as this module cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelKind {
    Certificate,
    TrustedCertificate,
    Pkcs7,
    PrivateKey,
    Other,
}

fn label_kind(label: &str) -> LabelKind {
    match label {
        "CERTIFICATE" | "X509 CERTIFICATE" => LabelKind::Certificate,
        "TRUSTED CERTIFICATE" => LabelKind::TrustedCertificate,
        "PKCS7" | "PKCS #7 SIGNED DATA" | "CMS" => LabelKind::Pkcs7,
        _ if is_private_key_label(label) => LabelKind::PrivateKey,
        _ => LabelKind::Other,
    }
}

fn is_private_key_label(label: &str) -> bool {
    label.ends_with("PRIVATE KEY")
}

/// Parses PEM text block by block.
fn parse_pem(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
    for item in scan_pem(bytes) {
        if out.over_limit() {
            return;
        }
        match item {
            PemItem::Block(block) => parse_pem_block(ctx, &block, out),
            PemItem::BadHeader { line, detail } => out.reject(
                Origin {
                    line: Some(line),
                    ..ctx.origin_as(InputFormat::Pem)
                },
                RejectKind::ParseError { detail },
            ),
            PemItem::StrayEnd { line, detail } => out.reject(
                Origin {
                    line: Some(line),
                    ..ctx.origin_as(InputFormat::Pem)
                },
                RejectKind::ParseError { detail },
            ),
        }
    }
}

fn pem_origin(ctx: Ctx<'_>, block: &PemBlock<'_>, format: InputFormat) -> Origin {
    Origin {
        block: Some(block.number),
        line: Some(block.line),
        ..ctx.origin_as(format)
    }
}

/// One PEM block: a certificate, a PKCS#7 bundle, a private key (never decoded) or anything
/// else.
fn parse_pem_block(ctx: Ctx<'_>, block: &PemBlock<'_>, out: &mut ParsedInput) {
    let origin = pem_origin(ctx, block, InputFormat::Pem);
    let kind = label_kind(&block.label);
    if kind == LabelKind::PrivateKey {
        out.reject(
            origin,
            RejectKind::PrivateKey {
                label: block.label.clone(),
            },
        );
        return;
    }
    if let Some(detail) = block_end_problem(block) {
        out.reject(origin, RejectKind::ParseError { detail });
        return;
    }
    if block.indented {
        out.note(
            origin.clone(),
            "the BEGIN or END line is indented; OpenSSL (used by mongod and most drivers) does \
             not see indented PEM blocks, so remove the leading spaces",
        );
    }
    match kind {
        LabelKind::Certificate => pem_certificate(ctx, block, origin, out),
        LabelKind::TrustedCertificate => pem_trusted_certificate(block, origin, out),
        LabelKind::Pkcs7 => pem_pkcs7(ctx, block, out),
        LabelKind::PrivateKey | LabelKind::Other => out.reject(
            origin,
            RejectKind::NotACertificate {
                label: block.label.clone(),
            },
        ),
    }
}

fn block_end_problem(block: &PemBlock<'_>) -> Option<String> {
    let label = &block.label;
    match &block.end {
        BlockEnd::Found => None,
        BlockEnd::Missing => Some(format!(
            "missing -----END {label}----- line: the block that starts at line {} never ends",
            block.line
        )),
        BlockEnd::Mismatched(end) => Some(format!(
            "the block is closed by -----END {end}----- instead of -----END {label}-----"
        )),
        BlockEnd::Malformed(line) => Some(format!(
            "line {line} should read -----END {label}----- but is not a well-formed END line"
        )),
    }
}

/// The DER inside a block, or why there is none. Points at the first line with a character that
/// is not base64.
fn decode_block_body(block: &PemBlock<'_>) -> Result<Vec<u8>, String> {
    if block.body.iter().all(u8::is_ascii_whitespace) {
        return Err("there is no base64 text between the BEGIN and END lines".to_string());
    }
    for (number, _, line) in block.body_lines() {
        if let Some(bad) = line
            .trim_ascii()
            .iter()
            .find(|b| !is_base64_byte(**b) && !b.is_ascii_whitespace())
        {
            return Err(format!(
                "line {number}: {} is not a base64 character",
                describe_byte(*bad)
            ));
        }
    }
    let lines = block.body_lines().map(|(_, _, line)| line);
    decode_base64(lines, block.body.len()).map_err(|e| {
        format!("the base64 text does not decode ({e}); a line may be missing or cut short")
    })
}

fn describe_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", char::from(b))
    } else {
        format!("byte 0x{b:02X}")
    }
}

fn pem_certificate(ctx: Ctx<'_>, block: &PemBlock<'_>, origin: Origin, out: &mut ParsedInput) {
    let der = match decode_block_body(block) {
        Ok(der) => der,
        Err(detail) => return out.reject(origin, RejectKind::ParseError { detail }),
    };
    match check_certificate(&der) {
        Ok(()) => out.push_cert(der, origin),
        Err(detail) => match read_pkcs7(&der) {
            Pkcs7::Entries(entries) => {
                out.note(
                    origin,
                    format!(
                        "block labelled {} holds a PKCS#7 bundle; read its certificates",
                        block.label
                    ),
                );
                push_pkcs7_entries(&pem_origin(ctx, block, InputFormat::Pkcs7Pem), entries, out);
            }
            _ => out.reject(origin, RejectKind::ParseError { detail }),
        },
    }
}

/// OpenSSL's `TRUSTED CERTIFICATE`: a certificate followed by trust settings.
fn pem_trusted_certificate(block: &PemBlock<'_>, origin: Origin, out: &mut ParsedInput) {
    let mut der = match decode_block_body(block) {
        Ok(der) => der,
        Err(detail) => return out.reject(origin, RejectKind::ParseError { detail }),
    };
    match x509_parser::parse_x509_certificate(&der) {
        Ok((rest, _)) => {
            let cert_len = der.len().saturating_sub(rest.len());
            der.truncate(cert_len);
            out.note(
                origin.clone(),
                "TRUSTED CERTIFICATE block: read the certificate; the OpenSSL trust settings \
                 attached to it were ignored",
            );
            out.push_cert(der, origin);
        }
        Err(err) => out.reject(
            origin,
            RejectKind::ParseError {
                detail: describe_x509_error(&der, &err),
            },
        ),
    }
}

fn pem_pkcs7(ctx: Ctx<'_>, block: &PemBlock<'_>, out: &mut ParsedInput) {
    let origin = pem_origin(ctx, block, InputFormat::Pkcs7Pem);
    let der = match decode_block_body(block) {
        Ok(der) => der,
        Err(detail) => return out.reject(origin, RejectKind::ParseError { detail }),
    };
    match read_pkcs7(&der) {
        Pkcs7::Entries(entries) => push_pkcs7_entries(&origin, entries, out),
        Pkcs7::NotSignedData(kind) => out.reject(origin, not_signed_data_rejection(&kind)),
        Pkcs7::Broken(detail) => out.reject(origin, RejectKind::ParseError { detail }),
        Pkcs7::Unrecognised(detail) => out.reject(
            origin,
            RejectKind::ParseError {
                detail: format!(
                    "the {} block does not hold a PKCS#7 structure ({detail})",
                    block.label
                ),
            },
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// X.509
// ---------------------------------------------------------------------------------------------

/// Whether `der` is exactly one X.509 certificate that x509-parser accepts.
fn check_certificate(der: &[u8]) -> Result<(), String> {
    match x509_parser::parse_x509_certificate(der) {
        Ok(([], _)) => Ok(()),
        Ok((rest, _)) => Err(format!(
            "the certificate is followed by {} bytes of other data",
            rest.len()
        )),
        Err(err) => Err(describe_x509_error(der, &err)),
    }
}

fn describe_x509_error(
    der: &[u8],
    err: &x509_parser::nom::Err<x509_parser::error::X509Error>,
) -> String {
    if let Some(problem) = truncation_problem(der) {
        return problem;
    }
    match err {
        x509_parser::nom::Err::Incomplete(_) => {
            "the DER data is cut short (truncated file or copy?)".to_string()
        }
        x509_parser::nom::Err::Error(e) | x509_parser::nom::Err::Failure(e) => {
            format!("not a valid X.509 certificate: {e}")
        }
    }
}

/// "cut short" when the outer DER header announces more bytes than there are.
fn truncation_problem(der: &[u8]) -> Option<String> {
    let header = read_header(der)?;
    let total = header.header_len.checked_add(header.len?)?;
    (total > der.len()).then(|| {
        format!(
            "the data is cut short: its DER header announces {total} bytes but there are only {} \
             (truncated download or copy?)",
            der.len()
        )
    })
}

// ---------------------------------------------------------------------------------------------
// DER
// ---------------------------------------------------------------------------------------------

/// DER starting with a SEQUENCE: a certificate, PKCS#7, PKCS#12, a private key, a CRL or CSR, or
/// broken data.
fn parse_der(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
    let x509_error = match check_certificate(bytes) {
        Ok(()) => return out.push_cert(bytes.to_vec(), ctx.origin_as(InputFormat::Der)),
        Err(detail) => detail,
    };
    let origin = ctx.origin_as(InputFormat::Pkcs7Der);
    match read_pkcs7(bytes) {
        Pkcs7::Entries(entries) => return push_pkcs7_entries(&origin, entries, out),
        Pkcs7::NotSignedData(kind) => return out.reject(origin, not_signed_data_rejection(&kind)),
        Pkcs7::Broken(detail) => {
            let detail = format!(
                "{detail}; if it uses BER indefinite lengths, convert it with `openssl pkcs7 \
                 -inform DER -in {} -print_certs -out ca.pem`",
                ctx.command_arg()
            );
            return out.reject(origin, RejectKind::ParseError { detail });
        }
        Pkcs7::Unrecognised(_) => {}
    }
    let kind = if looks_like_pkcs12(bytes) {
        pkcs12_rejection(ctx)
    } else if let Some(label) = der_private_key_label(bytes) {
        RejectKind::PrivateKey {
            label: label.to_string(),
        }
    } else if let Some(label) = der_non_certificate_label(bytes) {
        RejectKind::NotACertificate {
            label: label.to_string(),
        }
    } else {
        RejectKind::ParseError { detail: x509_error }
    };
    out.reject(ctx.origin_as(InputFormat::Der), kind);
}

fn pkcs12_rejection(ctx: Ctx<'_>) -> RejectKind {
    let file = ctx.command_arg();
    RejectKind::Unsupported {
        format: "PKCS#12 (.p12/.pfx)".to_string(),
        detail: format!(
            "mongotls does not read PKCS#12 (it usually holds a private key too); extract the CA \
             certificates with `openssl pkcs12 -in {file} -nokeys -cacerts -out ca.pem` (or the \
             client/server certificate with -clcerts instead of -cacerts; OpenSSL 3 may need \
             -legacy for old files)"
        ),
    }
}

/// One BER/DER header: one-byte tag, header length, content length (`None`: indefinite).
struct Header {
    tag: u8,
    header_len: usize,
    len: Option<usize>,
}

/// Reads a header with a one-byte tag; `None` when there is none or it is malformed.
fn read_header(bytes: &[u8]) -> Option<Header> {
    let tag = *bytes.first()?;
    if tag & 0x1F == 0x1F {
        return None;
    }
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some(Header {
            tag,
            header_len: 2,
            len: Some(usize::from(first)),
        });
    }
    let count = usize::from(first & 0x7F);
    if count == 0 {
        return Some(Header {
            tag,
            header_len: 2,
            len: None,
        });
    }
    if count > 4 {
        return None;
    }
    let mut len: usize = 0;
    for byte in bytes.get(2..2 + count)? {
        len = len.checked_mul(256)?.checked_add(usize::from(*byte))?;
    }
    Some(Header {
        tag,
        header_len: 2 + count,
        len: Some(len),
    })
}

/// The `(tag, content)` children of a definite-length element that fills `bytes` exactly.
fn der_children(bytes: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let outer = read_header(bytes)?;
    let end = outer.header_len.checked_add(outer.len?)?;
    if end != bytes.len() {
        return None;
    }
    let mut rest = bytes.get(outer.header_len..)?;
    let mut children = Vec::new();
    while !rest.is_empty() {
        let header = read_header(rest)?;
        let end = header.header_len.checked_add(header.len?)?;
        children.push((header.tag, rest.get(header.header_len..end)?));
        rest = rest.get(end..)?;
    }
    Some(children)
}

/// The content of the first element, when it is the element that starts `bytes`.
fn skip_header(bytes: &[u8], tag: u8) -> Option<&[u8]> {
    let header = read_header(bytes)?;
    (header.tag == tag).then_some(())?;
    bytes.get(header.header_len..)
}

/// PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (data or signedData), … },
/// checked on the first bytes only, so BER (as Windows writes) is recognised too.
fn looks_like_pkcs12(bytes: &[u8]) -> bool {
    let check = || -> Option<bool> {
        let pfx = skip_header(bytes, 0x30)?;
        let after_version = pfx.strip_prefix(b"\x02\x01\x03")?;
        let auth_safe = skip_header(after_version, 0x30)?;
        let last_arc = auth_safe.strip_prefix(PKCS7_OID_PREFIX)?.first()?;
        Some(*last_arc == 1 || *last_arc == 2)
    };
    check().unwrap_or(false)
}

/// ContentInfo ::= SEQUENCE { contentType OID 1.2.840.113549.1.7.x, … }, on the first bytes.
fn looks_like_pkcs7(bytes: &[u8]) -> bool {
    skip_header(bytes, 0x30).is_some_and(|content| content.starts_with(PKCS7_OID_PREFIX))
}

fn is_small_integer(child: &(u8, &[u8]), value: u8) -> bool {
    child.0 == 0x02 && child.1 == [value]
}

fn starts_with_oid(content: &[u8]) -> bool {
    content.first() == Some(&0x06)
}

/// The kind of a DER private key, from its shape alone (the key is never decoded further).
fn der_private_key_label(bytes: &[u8]) -> Option<&'static str> {
    let children = der_children(bytes)?;
    let all_integers = children.iter().all(|(tag, _)| *tag == 0x02);
    match children.as_slice() {
        [version, (0x30, algorithm), (0x04, _), ..]
            if (is_small_integer(version, 0) || is_small_integer(version, 1))
                && starts_with_oid(algorithm) =>
        {
            Some("PKCS#8 private key (DER)")
        }
        [(0x30, algorithm), (0x04, _)] if starts_with_oid(algorithm) => {
            Some("encrypted PKCS#8 private key (DER)")
        }
        [version, ..] if is_small_integer(version, 0) && all_integers && children.len() >= 9 => {
            Some("PKCS#1 RSA private key (DER)")
        }
        [version, ..] if is_small_integer(version, 0) && all_integers && children.len() == 6 => {
            Some("DSA private key (DER)")
        }
        [version, (0x04, _), ..] if is_small_integer(version, 1) => {
            Some("SEC1 EC private key (DER)")
        }
        _ => None,
    }
}

/// DER objects that are well-formed but not certificates.
fn der_non_certificate_label(bytes: &[u8]) -> Option<&'static str> {
    use x509_parser::prelude::FromDer;

    if matches!(x509_parser::parse_x509_crl(bytes), Ok((rest, _)) if rest.is_empty()) {
        return Some("X509 CRL (DER)");
    }
    let csr = x509_parser::certification_request::X509CertificationRequest::from_der(bytes);
    if matches!(csr, Ok((rest, _)) if rest.is_empty()) {
        return Some("CERTIFICATE REQUEST (DER)");
    }
    match der_children(bytes)?.as_slice() {
        [(0x30, algorithm), (0x03, _)] if starts_with_oid(algorithm) => Some("PUBLIC KEY (DER)"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// PKCS#7
// ---------------------------------------------------------------------------------------------

/// One entry of a SignedData `certificates` SET, in file order.
struct Pkcs7Entry {
    tag: der::Tag,
    /// The entry's whole encoding (tag, length, content).
    tlv: Vec<u8>,
}

/// What [`read_pkcs7`] found.
enum Pkcs7 {
    /// Not a ContentInfo, and does not look like one (the decoder's complaint).
    Unrecognised(String),
    /// A ContentInfo of another type than SignedData (its OID).
    NotSignedData(String),
    /// Looks like PKCS#7 but does not decode.
    Broken(String),
    /// A SignedData's certificate entries (maybe none).
    Entries(Vec<Pkcs7Entry>),
}

/// Reads a DER ContentInfo with the `cms` crate and walks its SignedData to the certificates,
/// keeping their order (decoding the SET with `cms` would sort it).
fn read_pkcs7(bytes: &[u8]) -> Pkcs7 {
    use der::{Decode, Tagged};

    let info = match cms::content_info::ContentInfo::from_der(bytes) {
        Ok(info) => info,
        Err(e) if looks_like_pkcs7(bytes) => {
            return Pkcs7::Broken(format!("PKCS#7 bundle could not be decoded: {e}"));
        }
        Err(e) => return Pkcs7::Unrecognised(e.to_string()),
    };
    let content_type = info.content_type.to_string();
    if content_type != PKCS7_SIGNED_DATA_OID {
        return Pkcs7::NotSignedData(content_type);
    }
    if info.content.tag() != der::Tag::Sequence {
        return Pkcs7::Broken("PKCS#7 SignedData is not a SEQUENCE".to_string());
    }
    match signed_data_certificates(info.content.value()) {
        Ok(entries) => Pkcs7::Entries(entries),
        Err(e) => Pkcs7::Broken(format!("PKCS#7 SignedData could not be decoded: {e}")),
    }
}

/// SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo,
/// certificates [0] IMPLICIT CertificateSet OPTIONAL, … }; `content` is the SEQUENCE's content.
fn signed_data_certificates(content: &[u8]) -> der::Result<Vec<Pkcs7Entry>> {
    use der::Reader;

    let certificates_tag = der::Tag::ContextSpecific {
        constructed: true,
        number: der::TagNumber::N0,
    };
    let mut reader = der::SliceReader::new(content)?;
    for _ in ["version", "digestAlgorithms", "encapContentInfo"] {
        reader.tlv_bytes()?;
    }
    if reader.is_finished() || reader.peek_tag()? != certificates_tag {
        return Ok(Vec::new());
    }
    let set: der::asn1::AnyRef<'_> = reader.decode()?;
    let mut entries_reader = der::SliceReader::new(set.value())?;
    let mut entries = Vec::new();
    while !entries_reader.is_finished() {
        let tag = entries_reader.peek_tag()?;
        let tlv = entries_reader.tlv_bytes()?.to_vec();
        entries.push(Pkcs7Entry { tag, tlv });
    }
    Ok(entries)
}

/// One `RawCert` or `Rejected` per entry, `index` 1-based; `Empty` when there is none.
fn push_pkcs7_entries(base: &Origin, entries: Vec<Pkcs7Entry>, out: &mut ParsedInput) {
    if entries.is_empty() {
        out.reject(base.clone(), RejectKind::Empty);
        return;
    }
    for (position, entry) in entries.into_iter().enumerate() {
        if out.over_limit() {
            return;
        }
        let origin = Origin {
            index: Some(position + 1),
            ..base.clone()
        };
        if entry.tag != der::Tag::Sequence {
            let label = pkcs7_choice_label(entry.tag);
            out.reject(origin, RejectKind::NotACertificate { label });
            continue;
        }
        match check_certificate(&entry.tlv) {
            Ok(()) => out.push_cert(entry.tlv, origin),
            Err(detail) => out.reject(origin, RejectKind::ParseError { detail }),
        }
    }
}

/// CertificateChoices other than a plain certificate (RFC 5652, 10.2.2).
fn pkcs7_choice_label(tag: der::Tag) -> String {
    match tag.number().value() {
        0 => "extended certificate (PKCS#6, obsolete)".to_string(),
        1 | 2 => "attribute certificate".to_string(),
        3 => "other certificate format".to_string(),
        _ => format!("unknown PKCS#7 certificate entry (tag {tag})"),
    }
}

fn not_signed_data_rejection(content_type: &str) -> RejectKind {
    let name = match content_type {
        "1.2.840.113549.1.7.1" => "data",
        "1.2.840.113549.1.7.3" => "envelopedData",
        "1.2.840.113549.1.7.5" => "digestedData",
        "1.2.840.113549.1.7.6" => "encryptedData",
        _ => "content",
    };
    RejectKind::Unsupported {
        format: format!("PKCS#7/CMS {name} ({content_type})"),
        detail: "only a PKCS#7 SignedData certificate bundle (.p7b) holds certificates to read; \
                 pass the CA certificate file instead"
            .to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// ZIP
// ---------------------------------------------------------------------------------------------

/// One ZIP member that was read and parsed.
struct ZipMember {
    name: String,
    parsed: ParsedInput,
}

/// A ZIP as a managed-service console hands it out: parses each member, then keeps the members
/// of the best format (see [`choose_zip_members`]).
fn parse_zip(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
    if ctx.zip_member.is_some() {
        let kind = unsupported(
            "ZIP inside a ZIP",
            "extract the inner ZIP and pass it, or the certificate file inside it",
        );
        return out.reject(ctx.origin(), kind);
    }
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => {
            let detail = format!("the ZIP archive is damaged ({e}); download it again");
            return out.reject(ctx.origin(), RejectKind::ParseError { detail });
        }
    };
    if archive.len() > MAX_ZIP_MEMBERS {
        let kind = RejectKind::Unsupported {
            format: format!("ZIP archive with {} members", archive.len()),
            detail: format!(
                "a certificate download holds a few files, and mongotls reads at most \
                 {MAX_ZIP_MEMBERS}; extract the certificate file and pass it"
            ),
        };
        return out.reject(ctx.origin(), kind);
    }
    let members = read_zip_members(ctx.file, &mut archive, out);
    choose_zip_members(ctx, members, out);
}

fn member_origin(file: &str, member: &str) -> Origin {
    Origin {
        zip_member: Some(member.to_string()),
        ..Origin::file(file)
    }
}

/// Reads and parses every member; directories are skipped, macOS metadata gets a note.
fn read_zip_members<R: std::io::Read + std::io::Seek>(
    file: &str,
    archive: &mut zip::ZipArchive<R>,
    out: &mut ParsedInput,
) -> Vec<ZipMember> {
    let mut budget = MAX_ZIP_TOTAL_BYTES;
    let mut members: Vec<ZipMember> = Vec::new();
    let mut entries: usize = 0;
    for index in 0..archive.len() {
        if entries > MAX_ENTRIES {
            out.over_entry_limit = true;
            break;
        }
        let name = archive
            .name_for_index(index)
            .map_or_else(|| format!("member #{}", index + 1), printable_name);
        if name.ends_with('/') || name.ends_with('\\') {
            continue;
        }
        if is_macos_metadata(&name) {
            out.note(
                member_origin(file, &name),
                "ignored: macOS Finder metadata, not a certificate file",
            );
            continue;
        }
        let mut parsed = ParsedInput::default();
        match read_zip_member(archive, index, &mut budget) {
            Ok(data) => parse_bytes(
                Ctx {
                    file,
                    zip_member: Some(&name),
                },
                &data,
                &mut parsed,
            ),
            Err(kind) => parsed.reject(member_origin(file, &name), kind),
        }
        entries = entries.saturating_add(parsed.entries());
        out.over_entry_limit |= parsed.over_entry_limit;
        members.push(ZipMember { name, parsed });
    }
    members
}

/// A member name fit to print: control characters (terminal escapes) become U+FFFD and a very
/// long name is cut.
fn printable_name(name: &str) -> String {
    name.chars()
        .take(256)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn is_macos_metadata(name: &str) -> bool {
    name.starts_with("__MACOSX/") || name.rsplit('/').next() == Some(".DS_Store")
}

/// The bytes of one member, read with a size cap; `budget` is what the whole ZIP may still
/// expand to.
fn read_zip_member<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
    budget: &mut u64,
) -> Result<Vec<u8>, RejectKind> {
    use std::io::Read;

    let member = archive.by_index(index).map_err(zip_member_error)?;
    let limit = MAX_ZIP_MEMBER_BYTES.min(*budget);
    let mut data = Vec::new();
    member
        .take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| RejectKind::ParseError {
            detail: format!("the ZIP member could not be decompressed ({e}); download again"),
        })?;
    let read = u64::try_from(data.len()).unwrap_or(u64::MAX);
    if read > MAX_ZIP_MEMBER_BYTES {
        return Err(unsupported(
            "ZIP member larger than 16 MiB",
            "a certificate file is a few kilobytes; this member is something else",
        ));
    }
    if read > *budget {
        return Err(unsupported(
            "ZIP that expands to more than 64 MiB",
            "stopped reading at this member; extract the certificate file and pass it",
        ));
    }
    *budget = budget.saturating_sub(read);
    Ok(data)
}

fn zip_member_error(e: zip::result::ZipError) -> RejectKind {
    match e {
        zip::result::ZipError::UnsupportedArchive(what) => RejectKind::Unsupported {
            format: format!("ZIP member that mongotls cannot extract ({what})"),
            detail: "extract the ZIP with an unzip tool (with its password, if it has one) and \
                     pass the certificate file"
                .to_string(),
        },
        other => RejectKind::ParseError {
            detail: format!("the ZIP member could not be read ({other}); download again"),
        },
    }
}

/// How much a certificate's container is preferred inside a ZIP: lower is better.
fn format_rank(format: Option<InputFormat>) -> u8 {
    match format {
        Some(InputFormat::Pem) => 0,
        Some(InputFormat::Pkcs7Pem | InputFormat::Pkcs7Der) => 1,
        Some(InputFormat::Der) => 2,
        None => 3,
    }
}

/// The best rank among a member's certificates; `None` when it yielded none.
fn member_rank(parsed: &ParsedInput) -> Option<u8> {
    parsed
        .certs
        .iter()
        .map(|c| format_rank(c.origin.format))
        .min()
}

/// Uses the members whose certificates come in the best format (PEM, else PKCS#7, else DER);
/// notes every other member, keeping private keys as rejections. When no member yields a
/// certificate, every member's rejections are reported.
fn choose_zip_members(ctx: Ctx<'_>, members: Vec<ZipMember>, out: &mut ParsedInput) {
    if members.is_empty() {
        return out.reject(ctx.origin(), RejectKind::Empty);
    }
    let Some(best) = members.iter().filter_map(|m| member_rank(&m.parsed)).min() else {
        members.into_iter().for_each(|m| out.merge(m.parsed));
        return;
    };
    let used: Vec<&ZipMember> = members
        .iter()
        .filter(|m| member_rank(&m.parsed) == Some(best))
        .collect();
    let used_names = used
        .iter()
        .map(|m| m.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let used_ders: std::collections::HashSet<&[u8]> = used
        .iter()
        .flat_map(|m| m.parsed.certs.iter().map(|c| c.der.as_slice()))
        .collect();
    let notes: Vec<Option<String>> = members
        .iter()
        .map(|m| {
            (member_rank(&m.parsed) != Some(best))
                .then(|| unused_member_note(m, &used_names, &used_ders))
        })
        .collect();
    for (member, unused_note) in members.into_iter().zip(notes) {
        let origin = member_origin(ctx.file, &member.name);
        match unused_note {
            None => {
                out.note(origin, format!("used ZIP member {}", member.name));
                out.merge(member.parsed);
            }
            Some(note) => {
                out.note(origin, note);
                out.rejected.extend(
                    (member.parsed.rejected.into_iter())
                        .filter(|r| matches!(r.kind, RejectKind::PrivateKey { .. })),
                );
            }
        }
    }
}

/// "not used: …" for a member that [`choose_zip_members`] leaves out.
fn unused_member_note(
    member: &ZipMember,
    used_names: &str,
    used_ders: &std::collections::HashSet<&[u8]>,
) -> String {
    let certs = &member.parsed.certs;
    let what = describe_member(&member.parsed);
    if certs.is_empty() {
        return format!("not used: {what}; the certificates are read from {used_names}");
    }
    let missing = certs
        .iter()
        .filter(|c| !used_ders.contains(c.der.as_slice()))
        .count();
    if missing == 0 {
        format!(
            "not used: {what}; the same {} read from {used_names}",
            count_certificates(certs.len())
        )
    } else {
        format!(
            "not used: {what}, although {} not in {used_names}; only {used_names} is read, so \
             extract this member and pass it too to check it",
            count_certificates(missing)
        )
    }
}

/// "1 certificate is" / "2 certificates are".
fn count_certificates(n: usize) -> String {
    if n == 1 {
        "1 certificate is".to_string()
    } else {
        format!("{n} certificates are")
    }
}

/// A short name for what a member holds.
fn describe_member(parsed: &ParsedInput) -> String {
    let format = parsed
        .certs
        .iter()
        .map(|c| c.origin.format)
        .min_by_key(|f| format_rank(*f));
    if let Some(format) = format {
        return match format {
            Some(InputFormat::Pem) => "PEM certificates",
            Some(InputFormat::Der) => "DER certificate",
            Some(InputFormat::Pkcs7Pem) => "PKCS#7 bundle (PEM)",
            Some(InputFormat::Pkcs7Der) => "PKCS#7 bundle (DER)",
            None => "certificates",
        }
        .to_string();
    }
    match parsed.rejected.first().map(|r| &r.kind) {
        Some(RejectKind::Unsupported { format, .. }) => format.clone(),
        Some(RejectKind::ParseError { detail }) => format!("unreadable ({detail})"),
        Some(RejectKind::PrivateKey { label }) => format!("private key ({label})"),
        Some(RejectKind::NotACertificate { label }) => label.clone(),
        Some(RejectKind::Empty) | None => "empty".to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    // -- fixtures, all made at run time ----------------------------------------------------

    fn self_signed(name: &str) -> rcgen::CertifiedKey {
        rcgen::generate_simple_self_signed(vec![name.to_string()]).unwrap()
    }

    fn cert_der(name: &str) -> Vec<u8> {
        self_signed(name).cert.der().to_vec()
    }

    fn base64(data: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut text = String::new();
        for chunk in data.chunks(3) {
            let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
            let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
            for i in 0..4 {
                if i <= chunk.len() {
                    text.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    text.push('=');
                }
            }
        }
        text
    }

    /// A PEM block with 64-column lines and LF endings.
    fn pem(label: &str, der: &[u8]) -> String {
        let mut text = format!("-----BEGIN {label}-----\n");
        for line in base64(der).as_bytes().chunks(64) {
            text.push_str(std::str::from_utf8(line).unwrap());
            text.push('\n');
        }
        text.push_str(&format!("-----END {label}-----\n"));
        text
    }

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = content.len();
        if len < 0x80 {
            out.push(len as u8);
        } else {
            let bytes = len.to_be_bytes();
            let skip = bytes.iter().take_while(|b| **b == 0).count();
            out.push(0x80 | (bytes.len() - skip) as u8);
            out.extend_from_slice(&bytes[skip..]);
        }
        out.extend_from_slice(content);
        out
    }

    const OID_PKCS7_DATA: &[u8] = b"\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x07\x01";
    const OID_PKCS7_SIGNED_DATA: &[u8] = b"\x06\x09\x2A\x86\x48\x86\xF7\x0D\x01\x07\x02";

    /// A certs-only PKCS#7 as `openssl crl2pkcs7 -nocrl` writes it, certificates in the order
    /// given (not DER-sorted).
    fn pkcs7(certs: &[&[u8]]) -> Vec<u8> {
        let certificates = if certs.is_empty() {
            Vec::new()
        } else {
            tlv(0xA0, &certs.concat())
        };
        let signed_data = tlv(
            0x30,
            &[
                tlv(0x02, &[1]),
                tlv(0x31, &[]),
                tlv(0x30, OID_PKCS7_DATA),
                certificates,
                tlv(0xA1, &[]),
                tlv(0x31, &[]),
            ]
            .concat(),
        );
        tlv(
            0x30,
            &[OID_PKCS7_SIGNED_DATA.to_vec(), tlv(0xA0, &signed_data)].concat(),
        )
    }

    fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;

        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in members {
            if name.ends_with('/') {
                writer.add_directory(*name, options).unwrap();
            } else {
                writer.start_file(*name, options).unwrap();
                writer.write_all(data).unwrap();
            }
        }
        writer.finish().unwrap().into_inner()
    }

    const JKS: &[u8] = b"\xFE\xED\xFE\xED\x00\x00\x00\x02\x00\x00\x00\x01not really a keystore";

    /// PFX header: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data, … } … } and junk.
    fn pkcs12_like() -> Vec<u8> {
        let auth_safe = tlv(0x30, &[OID_PKCS7_DATA, b"\xA0\x03\x04\x01\x00"].concat());
        tlv(
            0x30,
            &[b"\x02\x01\x03".as_slice(), &auth_safe, &tlv(0x30, &[0; 40])].concat(),
        )
    }

    fn only_rejection(parsed: &ParsedInput) -> &Rejected {
        assert!(parsed.certs.is_empty(), "{parsed:?}");
        assert_eq!(parsed.rejected.len(), 1, "{parsed:?}");
        &parsed.rejected[0]
    }

    fn unsupported_format(kind: &RejectKind) -> &str {
        match kind {
            RejectKind::Unsupported { format, .. } => format,
            other => panic!("expected Unsupported, got {other:?}"),
        }
    }

    fn parse_error_detail(kind: &RejectKind) -> &str {
        match kind {
            RejectKind::ParseError { detail } => detail,
            other => panic!("expected ParseError, got {other:?}"),
        }
    }

    fn note_for<'a>(parsed: &'a ParsedInput, member: &str) -> &'a str {
        parsed
            .notes
            .iter()
            .find(|(origin, _)| origin.zip_member.as_deref() == Some(member))
            .map(|(_, text)| text.as_str())
            .unwrap_or_else(|| panic!("no note for {member}: {parsed:?}"))
    }

    // -- PEM ---------------------------------------------------------------------------------

    #[test]
    fn single_pem_certificate() {
        let key = self_signed("a.example");
        let parsed = parse_input("ca.pem", key.cert.pem().as_bytes());
        assert!(
            parsed.rejected.is_empty() && parsed.notes.is_empty(),
            "{parsed:?}"
        );
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, key.cert.der().to_vec());
        let origin = &parsed.certs[0].origin;
        assert_eq!(origin.file, "ca.pem");
        assert_eq!(origin.format, Some(InputFormat::Pem));
        assert_eq!((origin.block, origin.line), (Some(1), Some(1)));
        assert_eq!((origin.zip_member.as_deref(), origin.index), (None, None));
        assert_eq!(origin.to_string(), "ca.pem block 1 (line 1)");
    }

    #[test]
    fn multi_pem_with_crlf_bom_and_text_between_blocks() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let (pem_a, pem_b) = (pem("CERTIFICATE", &a), pem("CERTIFICATE", &b));
        let text = format!(
            "subject=CN = a.example\nissuer=CN = a.example\n{pem_a}Bag Attributes\n    \
             friendlyName: b\n\n{pem_b}"
        )
        .replace('\n', "\r\n");
        let bytes = [UTF8_BOM, text.as_bytes()].concat();
        let parsed = parse_input("bundle.pem", &bytes);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 2);
        assert_eq!(parsed.certs[0].der, a);
        assert_eq!(parsed.certs[1].der, b);
        let second_line = 2 + pem_a.lines().count() + 3 + 1;
        let positions: Vec<_> = parsed
            .certs
            .iter()
            .map(|c| (c.origin.block, c.origin.line))
            .collect();
        assert_eq!(
            positions,
            [(Some(1), Some(3)), (Some(2), Some(second_line))]
        );
    }

    #[test]
    fn old_mac_line_endings_and_missing_final_newline() {
        let der = cert_der("a.example");
        let text = pem("CERTIFICATE", &der).replace('\n', "\r");
        let parsed = parse_input("mac.pem", text.trim_end().as_bytes());
        assert_eq!(parsed.certs.len(), 1, "{parsed:?}");
        assert_eq!(parsed.certs[0].der, der);
    }

    #[test]
    fn x509_certificate_label_is_a_certificate() {
        let der = cert_der("a.example");
        let parsed = parse_input("old.pem", pem("X509 CERTIFICATE", &der).as_bytes());
        assert_eq!(parsed.certs.len(), 1, "{parsed:?}");
        assert_eq!(parsed.certs[0].der, der);
    }

    #[test]
    fn trusted_certificate_keeps_the_certificate_and_notes_the_trust_settings() {
        let der = cert_der("a.example");
        // CERT_AUX ::= SEQUENCE { trust SEQUENCE OF OID (serverAuth) }
        let aux = tlv(
            0x30,
            &tlv(0x30, b"\x06\x08\x2B\x06\x01\x05\x05\x07\x03\x01"),
        );
        let text = pem("TRUSTED CERTIFICATE", &[der.as_slice(), &aux].concat());
        let parsed = parse_input("trusted.pem", text.as_bytes());
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, der);
        assert_eq!(parsed.notes.len(), 1);
        assert!(parsed.notes[0].1.contains("trust settings"), "{parsed:?}");
    }

    #[test]
    fn indented_block_is_read_with_a_note() {
        let der = cert_der("a.example");
        let text: String = pem("CERTIFICATE", &der)
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect();
        let parsed = parse_input("values.yaml", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1, "{parsed:?}");
        assert!(parsed.notes[0].1.contains("indented"), "{parsed:?}");
    }

    #[test]
    fn private_key_is_rejected_and_never_shown() {
        let key = self_signed("a.example");
        let key_pem = key.key_pair.serialize_pem();
        let text = format!("{}{key_pem}", key.cert.pem());
        let parsed = parse_input("server.pem", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(
            parsed.rejected[0].kind,
            RejectKind::PrivateKey {
                label: "PRIVATE KEY".to_string()
            }
        );
        assert_eq!(parsed.rejected[0].origin.block, Some(2));
        let shown = format!("{parsed:?}");
        let body: Vec<&str> = key_pem
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        assert!(!body.is_empty());
        for line in body {
            assert!(!shown.contains(line), "key material in {shown}");
            let start = line.get(..16).unwrap_or(line);
            assert!(!shown.contains(start), "key material in {shown}");
        }
    }

    #[test]
    fn every_private_key_label_is_a_private_key() {
        for label in [
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "DSA PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY",
            "OPENSSH PRIVATE KEY",
            "ANY PRIVATE KEY",
        ] {
            let text = format!(
                "-----BEGIN {label}-----\nProc-Type: 4,ENCRYPTED\nc2VjcmV0c2VjcmV0c2VjcmV0\n\
                 -----END {label}-----\n"
            );
            let parsed = parse_input("k.pem", text.as_bytes());
            let rejected = only_rejection(&parsed);
            assert_eq!(
                rejected.kind,
                RejectKind::PrivateKey {
                    label: label.to_string()
                }
            );
            assert!(!format!("{parsed:?}").contains("c2VjcmV0"));
        }
    }

    #[test]
    fn private_key_without_end_line_is_still_a_private_key() {
        let text = "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0c2VjcmV0\n";
        let parsed = parse_input("k.pem", text.as_bytes());
        assert!(matches!(
            only_rejection(&parsed).kind,
            RejectKind::PrivateKey { .. }
        ));
        assert!(!format!("{parsed:?}").contains("c2VjcmV0"));
    }

    #[test]
    fn non_certificate_labels_are_named() {
        for label in [
            "X509 CRL",
            "CERTIFICATE REQUEST",
            "NEW CERTIFICATE REQUEST",
            "PUBLIC KEY",
            "SSH2 PUBLIC KEY",
        ] {
            let text = pem(label, b"\x30\x03\x02\x01\x00");
            let parsed = parse_input("x.pem", text.as_bytes());
            let rejected = only_rejection(&parsed);
            assert_eq!(
                rejected.kind,
                RejectKind::NotACertificate {
                    label: label.to_string()
                }
            );
            assert_eq!(
                (rejected.origin.block, rejected.origin.line),
                (Some(1), Some(1))
            );
        }
    }

    #[test]
    fn bad_base64_in_block_two_names_block_and_line() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let pem_a = pem("CERTIFICATE", &a);
        let mut lines: Vec<String> = pem("CERTIFICATE", &b).lines().map(String::from).collect();
        lines[3].replace_range(10..11, ".");
        let text = format!("{pem_a}\n{}\n", lines.join("\n"));
        let parsed = parse_input("bundle.pem", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, a);
        assert_eq!(parsed.rejected.len(), 1);
        let rejected = &parsed.rejected[0];
        let begin_line = pem_a.lines().count() + 2;
        assert_eq!(rejected.origin.block, Some(2));
        assert_eq!(rejected.origin.line, Some(begin_line));
        assert_eq!(rejected.origin.format, Some(InputFormat::Pem));
        let detail = parse_error_detail(&rejected.kind);
        assert_eq!(
            detail,
            format!("line {}: '.' is not a base64 character", begin_line + 3)
        );
    }

    #[test]
    fn base64_that_does_not_decode_is_a_parse_error() {
        let text = "-----BEGIN CERTIFICATE-----\nMIIB=AAA\n-----END CERTIFICATE-----\n";
        let parsed = parse_input("x.pem", text.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("does not decode"), "{detail}");
    }

    #[test]
    fn missing_base64_line_is_reported_as_cut_short() {
        let der = cert_der("a.example");
        let mut lines: Vec<&str> = Vec::new();
        let text = pem("CERTIFICATE", &der);
        lines.extend(text.lines());
        lines.remove(2);
        let parsed = parse_input("x.pem", lines.join("\n").as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("cut short"), "{detail}");
    }

    #[test]
    fn empty_block_is_a_parse_error() {
        let text = "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n";
        let parsed = parse_input("x.pem", text.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("no base64 text"), "{detail}");
    }

    #[test]
    fn block_that_is_not_a_certificate_is_a_parse_error() {
        let text = pem("CERTIFICATE", b"\x30\x06\x02\x01\x00\x02\x01\x00");
        let parsed = parse_input("x.pem", text.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("X.509"), "{detail}");
    }

    #[test]
    fn certificate_with_trailing_bytes_is_a_parse_error() {
        let der = [cert_der("a.example"), vec![0x05, 0x00]].concat();
        let parsed = parse_input("x.pem", pem("CERTIFICATE", &der).as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("followed by 2 bytes"), "{detail}");
    }

    #[test]
    fn begin_without_end() {
        let der = cert_der("a.example");
        let text = pem("CERTIFICATE", &der);
        let cut: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("-----END"))
            .collect();
        let parsed = parse_input("x.pem", cut.join("\n").as_bytes());
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.block, Some(1));
        assert_eq!(
            parse_error_detail(&rejected.kind),
            "missing -----END CERTIFICATE----- line: the block that starts at line 1 never ends"
        );
    }

    #[test]
    fn begin_without_end_followed_by_a_good_block() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let first = pem("CERTIFICATE", &a);
        let first: Vec<&str> = first
            .lines()
            .filter(|l| !l.starts_with("-----END"))
            .collect();
        let text = format!("{}\n{}", first.join("\n"), pem("CERTIFICATE", &b));
        let parsed = parse_input("x.pem", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1, "{parsed:?}");
        assert_eq!(parsed.certs[0].der, b);
        assert_eq!(parsed.certs[0].origin.block, Some(2));
        assert_eq!(parsed.certs[0].origin.line, Some(first.len() + 1));
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(parsed.rejected[0].origin.block, Some(1));
    }

    #[test]
    fn end_with_another_label() {
        let text = pem("CERTIFICATE", &cert_der("a.example"))
            .replace("-----END CERTIFICATE-----", "-----END X509 CRL-----");
        let parsed = parse_input("x.pem", text.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("-----END X509 CRL-----"), "{detail}");
    }

    #[test]
    fn end_line_without_begin() {
        let text = format!(
            "{}-----END CERTIFICATE-----\n",
            pem("CERTIFICATE", &cert_der("a.example"))
        );
        let parsed = parse_input("x.pem", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1);
        let rejected = &parsed.rejected[0];
        assert_eq!(rejected.origin.line, Some(text.lines().count()));
        assert_eq!(rejected.origin.block, None);
        assert!(parse_error_detail(&rejected.kind).contains("without a BEGIN line"));
    }

    #[test]
    fn begin_in_prose_is_a_parse_error_at_its_line() {
        let text = format!(
            "# Paste the -----BEGIN CERTIFICATE----- block below\n{}",
            pem("CERTIFICATE", &cert_der("a.example"))
        );
        let parsed = parse_input("x.pem", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].origin.block, Some(1));
        assert_eq!(parsed.certs[0].origin.line, Some(2));
        let rejected = &parsed.rejected[0];
        assert_eq!(
            (rejected.origin.line, rejected.origin.block),
            (Some(1), None)
        );
        assert!(parse_error_detail(&rejected.kind).starts_with("line 1 looks like a PEM BEGIN"));
    }

    #[test]
    fn pem_copied_from_json_is_explained_without_quoting_it() {
        let text = pem("CERTIFICATE", &cert_der("a.example"));
        let json = format!("{{\"ca\": \"{}\"}}", text.replace('\n', "\\n"));
        let parsed = parse_input("ca.json", json.as_bytes());
        let rejected = only_rejection(&parsed);
        let detail = parse_error_detail(&rejected.kind);
        assert!(detail.contains("literal `\\n`"), "{detail}");
        assert!(!detail.contains("MII"), "{detail}");
    }

    #[test]
    fn headers_with_four_dashes_are_parse_errors() {
        let text = pem("CERTIFICATE", &cert_der("a.example")).replace("-----", "----");
        let parsed = parse_input("x.pem", text.as_bytes());
        assert!(parsed.certs.is_empty());
        let details: Vec<&str> = parsed
            .rejected
            .iter()
            .map(|r| parse_error_detail(&r.kind))
            .collect();
        assert_eq!(details.len(), 2, "{details:?}");
        assert!(details[0].contains("five dashes"));
        assert!(details[1].contains("looks like a PEM END line"));
    }

    #[test]
    fn certificate_block_that_holds_pkcs7_is_read() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let text = pem("CERTIFICATE", &pkcs7(&[&a, &b]));
        let parsed = parse_input("x.pem", text.as_bytes());
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        let ders: Vec<_> = parsed.certs.iter().map(|c| c.der.clone()).collect();
        assert_eq!(ders, [a, b]);
        assert_eq!(parsed.certs[1].origin.format, Some(InputFormat::Pkcs7Pem));
        assert!(parsed.notes[0].1.contains("PKCS#7"));
    }

    // -- DER ---------------------------------------------------------------------------------

    #[test]
    fn der_certificate() {
        let der = cert_der("a.example");
        let parsed = parse_input("ca.der", &der);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, der);
        assert_eq!(parsed.certs[0].origin.format, Some(InputFormat::Der));
        assert_eq!(parsed.certs[0].origin.to_string(), "ca.der");
    }

    #[test]
    fn der_certificate_holding_a_pem_header_is_still_der() {
        let mut params = rcgen::CertificateParams::new(vec!["a.example".to_string()]).unwrap();
        params
            .custom_extensions
            .push(rcgen::CustomExtension::from_oid_content(
                &[1, 3, 6, 1, 4, 1, 55555, 1],
                b"\x0c\x1b-----BEGIN CERTIFICATE-----".to_vec(),
            ));
        let key = rcgen::KeyPair::generate().unwrap();
        let der = params.self_signed(&key).unwrap().der().to_vec();
        let parsed = parse_input("odd.der", &der);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs[0].origin.format, Some(InputFormat::Der));
    }

    #[test]
    fn text_starting_with_zero_is_text() {
        let parsed = parse_input("x.txt", b"0 s:CN = a.example\n");
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "text without any PEM block"
        );
    }

    #[test]
    fn truncated_der() {
        let der = cert_der("a.example");
        let parsed = parse_input("ca.der", &der[..der.len() / 2]);
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.format, Some(InputFormat::Der));
        let detail = parse_error_detail(&rejected.kind);
        assert!(detail.contains("cut short"), "{detail}");
    }

    #[test]
    fn der_with_trailing_bytes() {
        let der = [cert_der("a.example"), b"junk".to_vec()].concat();
        let parsed = parse_input("ca.der", &der);
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("followed by 4 bytes"), "{detail}");
    }

    #[test]
    fn der_sequence_that_is_nothing_known() {
        let parsed = parse_input("x.der", b"\x30\x03\x05\x01\x00");
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(!detail.is_empty());
    }

    #[test]
    fn pkcs8_der_private_key() {
        let key = self_signed("a.example");
        let der = key.key_pair.serialize_der();
        let parsed = parse_input("key.der", &der);
        assert_eq!(
            only_rejection(&parsed).kind,
            RejectKind::PrivateKey {
                label: "PKCS#8 private key (DER)".to_string()
            }
        );
        let shown = format!("{parsed:?}");
        assert!(!shown.contains(&format!("{:?}", &der[der.len() - 8..])));
    }

    #[test]
    fn pkcs1_der_private_key_by_shape() {
        let ints: Vec<u8> = std::iter::once(tlv(0x02, &[0]))
            .chain((0..8).map(|i| tlv(0x02, &[i + 1; 3])))
            .flatten()
            .collect();
        let parsed = parse_input("key.der", &tlv(0x30, &ints));
        assert_eq!(
            only_rejection(&parsed).kind,
            RejectKind::PrivateKey {
                label: "PKCS#1 RSA private key (DER)".to_string()
            }
        );
    }

    #[test]
    fn der_public_key_is_not_a_certificate() {
        let spki = tlv(
            0x30,
            &[
                tlv(0x30, b"\x06\x07\x2A\x86\x48\xCE\x3D\x02\x01"),
                tlv(0x03, &[0, 4, 1, 2]),
            ]
            .concat(),
        );
        let parsed = parse_input("pub.der", &spki);
        assert_eq!(
            only_rejection(&parsed).kind,
            RejectKind::NotACertificate {
                label: "PUBLIC KEY (DER)".to_string()
            }
        );
    }

    #[test]
    fn pkcs12_is_unsupported_with_the_openssl_command() {
        let parsed = parse_input("client.p12", &pkcs12_like());
        let rejected = only_rejection(&parsed);
        assert_eq!(unsupported_format(&rejected.kind), "PKCS#12 (.p12/.pfx)");
        let RejectKind::Unsupported { detail, .. } = &rejected.kind else {
            unreachable!()
        };
        assert!(detail.contains("openssl pkcs12 -in client.p12 -nokeys -cacerts -out ca.pem"));
    }

    #[test]
    fn ber_pkcs12_with_indefinite_lengths_is_recognised() {
        let mut bytes = b"\x30\x80\x02\x01\x03\x30\x80".to_vec();
        bytes.extend_from_slice(OID_PKCS7_DATA);
        bytes.extend_from_slice(b"\xA0\x80\x24\x80\x04\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        let parsed = parse_input("win.pfx", &bytes);
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "PKCS#12 (.p12/.pfx)"
        );
    }

    // -- PKCS#7 ------------------------------------------------------------------------------

    #[test]
    fn pkcs7_der_keeps_the_order_of_the_file() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        for order in [[&a, &b], [&b, &a]] {
            let bundle = pkcs7(&[order[0], order[1]]);
            let parsed = parse_input("chain.p7b", &bundle);
            assert!(parsed.rejected.is_empty(), "{parsed:?}");
            let ders: Vec<&Vec<u8>> = parsed.certs.iter().map(|c| &c.der).collect();
            assert_eq!(ders, order);
            for (i, cert) in parsed.certs.iter().enumerate() {
                assert_eq!(cert.origin.format, Some(InputFormat::Pkcs7Der));
                assert_eq!(cert.origin.index, Some(i + 1));
            }
            assert_eq!(
                parsed.certs[1].origin.to_string(),
                "chain.p7b certificate 2"
            );
        }
    }

    #[test]
    fn pkcs7_from_the_cms_encoder_is_read() {
        use cms::cert::x509::Certificate;
        use der::{Decode, Encode};

        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let path = vec![
            Certificate::from_der(&a).unwrap(),
            Certificate::from_der(&b).unwrap(),
        ];
        let bundle = cms::content_info::ContentInfo::try_from(path)
            .unwrap()
            .to_der()
            .unwrap();
        let parsed = parse_input("chain.p7b", &bundle);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        let mut ders: Vec<Vec<u8>> = parsed.certs.into_iter().map(|c| c.der).collect();
        ders.sort();
        let mut expected = vec![a, b];
        expected.sort();
        assert_eq!(ders, expected);
    }

    #[test]
    fn pkcs7_pem() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let text = format!("comment\n{}", pem("PKCS7", &pkcs7(&[&a, &b])));
        let parsed = parse_input("chain.p7c", text.as_bytes());
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 2);
        let origin = &parsed.certs[1].origin;
        assert_eq!(origin.format, Some(InputFormat::Pkcs7Pem));
        assert_eq!(
            (origin.block, origin.line, origin.index),
            (Some(1), Some(2), Some(2))
        );
        assert_eq!(parsed.certs[1].der, b);
        let other_label = pem("PKCS #7 SIGNED DATA", &pkcs7(&[&a]));
        assert_eq!(parse_input("x.pem", other_label.as_bytes()).certs.len(), 1);
    }

    #[test]
    fn pkcs7_without_certificates_is_empty() {
        let parsed = parse_input("empty.p7b", &pkcs7(&[]));
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.kind, RejectKind::Empty);
        assert_eq!(rejected.origin.format, Some(InputFormat::Pkcs7Der));
    }

    #[test]
    fn pkcs7_with_a_broken_certificate_names_its_index() {
        let a = cert_der("a.example");
        let broken = tlv(0x30, &tlv(0x02, &[1]));
        let parsed = parse_input("chain.p7b", &pkcs7(&[&a, &broken]));
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(parsed.rejected[0].origin.index, Some(2));
        assert!(matches!(
            parsed.rejected[0].kind,
            RejectKind::ParseError { .. }
        ));
    }

    #[test]
    fn pkcs7_block_that_is_not_pkcs7() {
        let parsed = parse_input("x.pem", pem("PKCS7", &cert_der("a.example")).as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("does not hold a PKCS#7"), "{detail}");
    }

    #[test]
    fn broken_pkcs7_is_a_parse_error() {
        let mut bundle = pkcs7(&[&cert_der("a.example")]);
        let last = bundle.len() - 1;
        bundle.truncate(last);
        let parsed = parse_input("chain.p7b", &bundle);
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.format, Some(InputFormat::Pkcs7Der));
        assert!(parse_error_detail(&rejected.kind).contains("PKCS#7"));
    }

    // -- keystores, ZIP ------------------------------------------------------------------------

    #[test]
    fn java_keystores_are_unsupported_with_keytool_advice() {
        let parsed = parse_input("truststore.jks", JKS);
        let rejected = only_rejection(&parsed);
        assert_eq!(unsupported_format(&rejected.kind), "Java keystore (JKS)");
        let RejectKind::Unsupported { detail, .. } = &rejected.kind else {
            unreachable!()
        };
        assert!(detail.contains(
            "keytool -exportcert -rfc -alias ALIAS -keystore truststore.jks -file ca.pem"
        ));
        let parsed = parse_input("my store.jceks", b"\xCE\xCE\xCE\xCE\x00\x00\x00\x02");
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "Java keystore (JCEKS)");
        assert!(detail.contains("-keystore 'my store.jceks' -storetype JCEKS"));
    }

    #[test]
    fn zip_from_a_console_uses_the_pem_member() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let chain_pem = format!("{}{}", pem("CERTIFICATE", &a), pem("CERTIFICATE", &b));
        let bytes = zip_of(&[
            ("ApsaraDB-CA-Chain/", b""),
            ("ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.jks", JKS),
            ("ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b", &pkcs7(&[&a, &b])),
            (
                "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem",
                chain_pem.as_bytes(),
            ),
        ]);
        let parsed = parse_input("ApsaraDB-CA-Chain.zip", &bytes);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        let ders: Vec<_> = parsed.certs.iter().map(|c| c.der.clone()).collect();
        assert_eq!(ders, [a, b]);
        let origin = &parsed.certs[1].origin;
        let second_line = pem("CERTIFICATE", &ders[0]).lines().count() + 1;
        assert_eq!(
            origin.to_string(),
            format!(
                "ApsaraDB-CA-Chain.zip:ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem block 2 (line \
                 {second_line})"
            )
        );
        assert_eq!(parsed.notes.len(), 3, "{parsed:?}");
        assert_eq!(
            note_for(&parsed, "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"),
            "used ZIP member ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"
        );
        assert_eq!(
            note_for(&parsed, "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b"),
            "not used: PKCS#7 bundle (DER); the same 2 certificates are read from \
             ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"
        );
        assert_eq!(
            note_for(&parsed, "ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.jks"),
            "not used: Java keystore (JKS); the certificates are read from \
             ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem"
        );
        assert!(parsed
            .notes
            .iter()
            .all(|(o, _)| o.zip_member.as_deref() != Some("ApsaraDB-CA-Chain/")));
    }

    #[test]
    fn zip_with_only_a_keystore_reports_the_member() {
        let bytes = zip_of(&[("ca.jks", JKS), ("README.txt", b"Import into Java.\n")]);
        let parsed = parse_input("ca.zip", &bytes);
        assert!(parsed.certs.is_empty());
        assert_eq!(parsed.rejected.len(), 2, "{parsed:?}");
        let jks = &parsed.rejected[0];
        assert_eq!(jks.origin.file, "ca.zip");
        assert_eq!(jks.origin.zip_member.as_deref(), Some("ca.jks"));
        assert_eq!(unsupported_format(&jks.kind), "Java keystore (JKS)");
        let RejectKind::Unsupported { detail, .. } = &jks.kind else {
            unreachable!()
        };
        assert!(detail.contains("-keystore ca.jks"), "{detail}");
        assert_eq!(
            unsupported_format(&parsed.rejected[1].kind),
            "text without any PEM block"
        );
    }

    #[test]
    fn zip_prefers_pkcs7_over_der_and_says_what_differs() {
        let (a, b) = (cert_der("a.example"), cert_der("b.example"));
        let bytes = zip_of(&[("other.der", &b), ("chain.p7b", &pkcs7(&[&a]))]);
        let parsed = parse_input("ca.zip", &bytes);
        assert!(parsed.rejected.is_empty(), "{parsed:?}");
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].der, a);
        assert_eq!(parsed.certs[0].origin.format, Some(InputFormat::Pkcs7Der));
        let note = note_for(&parsed, "other.der");
        assert!(
            note.starts_with(
                "not used: DER certificate, although 1 certificate is not in chain.p7b"
            ),
            "{note}"
        );
    }

    #[test]
    fn zip_keeps_private_keys_as_rejections() {
        let key = self_signed("a.example");
        let bytes = zip_of(&[
            ("server.pem", key.cert.pem().as_bytes()),
            ("server.key", key.key_pair.serialize_pem().as_bytes()),
        ]);
        let parsed = parse_input("bundle.zip", &bytes);
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.rejected.len(), 1);
        assert_eq!(
            parsed.rejected[0].origin.zip_member.as_deref(),
            Some("server.key")
        );
        assert!(matches!(
            parsed.rejected[0].kind,
            RejectKind::PrivateKey { .. }
        ));
    }

    #[test]
    fn zip_inside_zip_and_macos_metadata() {
        let inner = zip_of(&[(
            "ca.pem",
            pem("CERTIFICATE", &cert_der("a.example")).as_bytes(),
        )]);
        let bytes = zip_of(&[
            ("inner.zip", &inner),
            ("__MACOSX/._inner.zip", b"\0\x05\x16\x07"),
        ]);
        let parsed = parse_input("outer.zip", &bytes);
        let rejected = only_rejection(&parsed);
        assert_eq!(rejected.origin.zip_member.as_deref(), Some("inner.zip"));
        assert_eq!(unsupported_format(&rejected.kind), "ZIP inside a ZIP");
        assert!(note_for(&parsed, "__MACOSX/._inner.zip").contains("macOS"));
    }

    #[test]
    fn zip_members_are_parsed_like_files() {
        let bytes = zip_of(&[
            ("empty.pem", b""),
            ("bad.pem", b"-----BEGIN CERTIFICATE-----\n"),
        ]);
        let parsed = parse_input("x.zip", &bytes);
        assert_eq!(parsed.rejected.len(), 2);
        assert_eq!(parsed.rejected[0].kind, RejectKind::Empty);
        assert_eq!(parsed.rejected[1].origin.block, Some(1));
        assert_eq!(
            parsed.rejected[1].origin.zip_member.as_deref(),
            Some("bad.pem")
        );
    }

    #[test]
    fn zip_member_names_cannot_inject_terminal_escapes() {
        let bytes = zip_of(&[("\u{1b}[2Jca.pem", b"")]);
        let parsed = parse_input("x.zip", &bytes);
        let member = only_rejection(&parsed).origin.zip_member.clone().unwrap();
        assert_eq!(member, "\u{FFFD}[2Jca.pem");
    }

    #[test]
    fn zip_without_files_is_empty() {
        let parsed = parse_input("x.zip", &zip_of(&[("dir/", b"")]));
        assert_eq!(only_rejection(&parsed).kind, RejectKind::Empty);
    }

    #[test]
    fn corrupt_zip() {
        let mut bytes = zip_of(&[("ca.pem", pem("CERTIFICATE", &cert_der("a")).as_bytes())]);
        bytes.truncate(bytes.len() - 10);
        let parsed = parse_input("x.zip", &bytes);
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("ZIP archive is damaged"), "{detail}");
    }

    // -- neither PEM nor DER ---------------------------------------------------------------------

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
    fn garbage_bytes_are_binary_data() {
        let parsed = parse_input("x.bin", b"\x00\x01\x02\xFF\x80garbage\x00\x00");
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "binary data (not DER, PEM, PKCS#7, ZIP)"
        );
    }

    #[test]
    fn text_without_pem() {
        let parsed = parse_input(
            "notes.txt",
            "Hello,\nthe CA is attached. Grüße\n".as_bytes(),
        );
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "text without any PEM block");
        assert!(detail.contains("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn bare_base64_certificate() {
        let body = base64(&cert_der("a.example"));
        let parsed = parse_input("ca.txt", body.as_bytes());
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "certificate in base64 without PEM lines");
        assert!(detail.contains("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn base64_encoded_pem_from_a_kubernetes_secret() {
        let text = base64(pem("CERTIFICATE", &cert_der("a.example")).as_bytes());
        let parsed = parse_input("ca.crt", text.as_bytes());
        let RejectKind::Unsupported { format, detail } = &only_rejection(&parsed).kind else {
            panic!("{parsed:?}")
        };
        assert_eq!(format, "base64-encoded PEM");
        assert!(detail.contains("base64 -d"));
        let key = base64(self_signed("a").key_pair.serialize_pem().as_bytes());
        assert!(matches!(
            only_rejection(&parse_input("tls.key", key.as_bytes())).kind,
            RejectKind::PrivateKey { .. }
        ));
    }

    #[test]
    fn utf16_and_gzip_are_named() {
        let pem_text = pem("CERTIFICATE", &cert_der("a.example"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(pem_text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let parsed = parse_input("ca.pem", &utf16);
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "UTF-16 text"
        );
        let no_bom = &utf16[2..];
        let parsed = parse_input("ca.pem", no_bom);
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "UTF-16 text"
        );
        let parsed = parse_input("ca.pem.gz", b"\x1F\x8B\x08\x00\x00\x00\x00\x00");
        assert_eq!(
            unsupported_format(&only_rejection(&parsed).kind),
            "gzip-compressed data"
        );
    }

    // -- robustness ------------------------------------------------------------------------------

    /// Every result must hold something: a certificate or a rejection.
    fn assert_accounted(parsed: &ParsedInput) {
        assert!(
            !parsed.certs.is_empty() || !parsed.rejected.is_empty(),
            "nothing reported: {parsed:?}"
        );
    }

    // -- limits ---------------------------------------------------------------------------

    const BROKEN_BLOCK: &str = "-----BEGIN CERTIFICATE-----\n!\n-----END CERTIFICATE-----\n";

    #[test]
    fn pem_with_more_entries_than_the_limit_stops_reading() {
        let parsed = parse_input("ca.pem", BROKEN_BLOCK.repeat(MAX_ENTRIES).as_bytes());
        assert!(!parsed.over_entry_limit);
        assert_eq!(parsed.rejected.len(), MAX_ENTRIES);

        // Far more blocks than the limit: reading stops just past it.
        let parsed = parse_input("ca.pem", BROKEN_BLOCK.repeat(50_000).as_bytes());
        assert!(parsed.over_entry_limit);
        assert!(
            parsed.rejected.len() <= MAX_ENTRIES + 1,
            "{}",
            parsed.rejected.len()
        );

        // BEGIN lines without END lines count as well.
        let begins = "-----BEGIN CERTIFICATE-----\n".repeat(MAX_ENTRIES + 5);
        assert!(parse_input("ca.pem", begins.as_bytes()).over_entry_limit);
    }

    #[test]
    fn pkcs7_with_more_certificates_than_the_limit_stops_reading() {
        let der = cert_der("a.example");
        let copies: Vec<&[u8]> = std::iter::repeat_n(der.as_slice(), MAX_ENTRIES + 1).collect();
        let parsed = parse_input("ca.p7b", &pkcs7(&copies));
        assert!(parsed.over_entry_limit);
        assert!(parsed.certs.len() <= MAX_ENTRIES + 1);
        let parsed = parse_input("ca.p7b", &pkcs7(&copies[..MAX_ENTRIES]));
        assert!(!parsed.over_entry_limit);
        assert_eq!(parsed.certs.len(), MAX_ENTRIES);
    }

    #[test]
    fn zip_whose_members_hold_more_than_the_limit_together_is_over_it() {
        let half = BROKEN_BLOCK.repeat(MAX_ENTRIES / 2 + 1);
        let zip = zip_of(&[("a.pem", half.as_bytes()), ("b.pem", half.as_bytes())]);
        assert!(parse_input("ca.zip", &zip).over_entry_limit);
        let zip = zip_of(&[("a.pem", half.as_bytes())]);
        assert!(!parse_input("ca.zip", &zip).over_entry_limit);
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

    /// Millions of lines cost no memory per line (a 15 MiB file of line breaks took 760 MB),
    /// and line numbers stay right after them.
    #[test]
    fn millions_of_lines_in_a_block_are_read_with_their_numbers() {
        let empty_body = format!(
            "-----BEGIN CERTIFICATE-----\n{}-----END CERTIFICATE-----\n",
            "\r\n".repeat(2_000_000)
        );
        let parsed = parse_input("ca.pem", empty_body.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("no base64 text"), "{detail}");

        let bad_late = format!(
            "-----BEGIN CERTIFICATE-----\r{}AB!C\r-----END CERTIFICATE-----\r",
            "\r".repeat(1_000_000)
        );
        let parsed = parse_input("ca.pem", bad_late.as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert_eq!(detail, "line 1000002: '!' is not a base64 character");
    }

    #[test]
    fn block_bodies_end_where_the_next_line_starts() {
        let der = cert_der("a.example");
        let block = pem("CERTIFICATE", &der);
        // A block cut by the next BEGIN line, one at the very end of the file, and one whose
        // BEGIN line is the last line without a line break.
        let text = format!(
            "{}{block}{}",
            block.replace("-----END CERTIFICATE-----\n", ""),
            "-----BEGIN CERTIFICATE-----"
        );
        let parsed = parse_input("ca.pem", text.as_bytes());
        assert_eq!(parsed.certs.len(), 1);
        assert_eq!(parsed.certs[0].origin.block, Some(2));
        assert_eq!(parsed.rejected.len(), 2);
        for rejected in &parsed.rejected {
            let detail = parse_error_detail(&rejected.kind);
            assert!(detail.contains("never ends"), "{detail}");
        }
        // CRLF endings: the body of each block is exactly its base64.
        let crlf = block.replace('\n', "\r\n");
        let parsed = parse_input("ca.pem", format!("{crlf}{crlf}").as_bytes());
        assert_eq!(parsed.certs.len(), 2);
        assert!(parsed.rejected.is_empty());
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
