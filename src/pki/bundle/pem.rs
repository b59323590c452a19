//! PEM text: splitting it into lines and blocks, flagging header-like lines that are not
//! well-formed, decoding the base64 of each block and reading what its label says it holds.

use super::pkcs7::{not_signed_data_rejection, push_pkcs7_entries, read_pkcs7, Pkcs7};
use super::x509::{check_certificate, describe_x509_error};
use super::{Ctx, InputFormat, Origin, ParsedInput, RejectKind, MAX_ENTRIES};
use crate::tr;

/// Whether any line looks like a PEM BEGIN line, well-formed or not.
pub(super) fn has_pem_header(bytes: &[u8]) -> bool {
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
pub(super) fn split_lines(bytes: &[u8]) -> Lines<'_> {
    Lines {
        rest: bytes,
        number: 1,
        offset: 0,
    }
}

/// See [`split_lines`]; [`PemBlock::body_lines`] starts one inside a file.
pub(super) struct Lines<'a> {
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
pub(super) fn header_label(line: &[u8], prefix: &[u8]) -> Option<String> {
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
                    open = Some(open_block(bytes, (number, offset, line), label, blocks));
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

/// The block that a well-formed BEGIN line opens, its body still empty, and the offset where
/// its body starts: just after the BEGIN line and its line ending.
fn open_block<'a>(
    bytes: &[u8],
    (number, offset, line): Line<'_>,
    label: String,
    block_number: usize,
) -> (PemBlock<'a>, usize) {
    let after = offset.saturating_add(line.len());
    let body_start = after
        .saturating_add(line_ending_len(bytes, after))
        .min(bytes.len());
    let block = PemBlock {
        number: block_number,
        line: number,
        label,
        body: &[],
        end: BlockEnd::Missing,
        indented: line.first().is_some_and(u8::is_ascii_whitespace),
    };
    (block, body_start)
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
        tr!("pki-pem-begin-literal-newlines")
    } else if line.trim_ascii().starts_with(b"-----BEGIN ") {
        tr!("pki-pem-begin-run-on")
    } else {
        tr!("pki-pem-begin-shape")
    };
    tr!("pki-pem-bad-begin", line = number.to_string(), why = why)
}

/// Why a line holding `--END` outside any block is wrong. Never quotes the line.
fn stray_end_detail(number: usize, line: &[u8]) -> String {
    let line_number = number.to_string();
    if header_label(line, b"-----END ").is_some() {
        tr!("pki-pem-stray-end", line = line_number)
    } else {
        tr!("pki-pem-bad-end", line = line_number)
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

pub(super) fn is_private_key_label(label: &str) -> bool {
    label.ends_with("PRIVATE KEY")
}

/// Parses PEM text block by block.
pub(super) fn parse_pem(ctx: Ctx<'_>, bytes: &[u8], out: &mut ParsedInput) {
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
        out.note(origin.clone(), tr!("pki-pem-indented"));
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
    let label = block.label.as_str();
    match &block.end {
        BlockEnd::Found => None,
        BlockEnd::Missing => Some(tr!(
            "pki-pem-end-missing",
            label = label,
            line = block.line.to_string(),
        )),
        BlockEnd::Mismatched(end) => Some(tr!(
            "pki-pem-end-mismatched",
            end = end.as_str(),
            label = label,
        )),
        BlockEnd::Malformed(line) => Some(tr!(
            "pki-pem-end-malformed",
            line = line.to_string(),
            label = label,
        )),
    }
}

/// The DER inside a block, or why there is none. Points at the first line with a character that
/// is not base64.
fn decode_block_body(block: &PemBlock<'_>) -> Result<Vec<u8>, String> {
    if block.body.iter().all(u8::is_ascii_whitespace) {
        return Err(tr!("pki-pem-body-empty"));
    }
    for (number, _, line) in block.body_lines() {
        if let Some(bad) = line
            .trim_ascii()
            .iter()
            .find(|b| !is_base64_byte(**b) && !b.is_ascii_whitespace())
        {
            return Err(tr!(
                "pki-pem-not-base64",
                line = number.to_string(),
                character = describe_byte(*bad),
            ));
        }
    }
    let lines = block.body_lines().map(|(_, _, line)| line);
    decode_base64(lines, block.body.len()).map_err(|e| tr!("pki-pem-base64-undecodable", error = e))
}

pub(super) fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

/// Decodes base64 lines through rustls-pki-types' PEM reader (the project's one PEM/base64
/// decoder), wrapping them in a `CERTIFICATE` block whatever they hold: the label does not
/// change the base64. `size` (the lines' length with their endings) sizes the buffer.
pub(super) fn decode_base64<'a>(
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

fn describe_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", char::from(b))
    } else {
        tr!("pki-pem-byte", hex = format!("0x{b:02X}"))
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
                    tr!("pki-pem-pkcs7-in-certificate", label = block.label.as_str()),
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
            out.note(origin.clone(), tr!("pki-pem-trusted-certificate"));
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
                detail: tr!(
                    "pki-pem-not-pkcs7",
                    label = block.label.as_str(),
                    detail = detail,
                ),
            },
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::pki::bundle::test_support::{
        cert_der, only_rejection, parse_error_detail, pem, pkcs7, self_signed, tlv, BROKEN_BLOCK,
    };
    use crate::pki::bundle::{parse_input, InputFormat, RejectKind, MAX_ENTRIES, UTF8_BOM};

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
    fn pkcs7_block_that_is_not_pkcs7() {
        let parsed = parse_input("x.pem", pem("PKCS7", &cert_der("a.example")).as_bytes());
        let detail = parse_error_detail(&only_rejection(&parsed).kind);
        assert!(detail.contains("does not hold a PKCS#7"), "{detail}");
    }

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
}
