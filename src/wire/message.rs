//! OP_MSG, OP_QUERY and OP_REPLY: pure encoders, and a decoder that parses a whole frame from a
//! byte slice with every length checked against the bytes present.

use bson::{Bson, Document};

use super::header::{parse_header, MsgHeader, OpCode, HEADER_LEN};
use super::{WireError, CSTRING_NOT_UTF8, CSTRING_NO_NUL, PART_MESSAGE};

/// OP_MSG flag bit 0: the message ends with a CRC-32C of everything before it.
pub const OP_MSG_CHECKSUM_PRESENT: u32 = 1;
/// OP_MSG flag bit 1: another message follows without a request (exhaust cursors,
/// unacknowledged writes).
pub const OP_MSG_MORE_TO_COME: u32 = 1 << 1;
/// OP_MSG flag bit 16: the client accepts `moreToCome` replies.
pub const OP_MSG_EXHAUST_ALLOWED: u32 = 1 << 16;
/// OP_MSG bits 0..=15 are "required": a parser must reject bits it does not know.
const OP_MSG_REQUIRED_BITS: u32 = 0xffff;
/// The required bits this codec understands.
const OP_MSG_KNOWN_REQUIRED: u32 = OP_MSG_CHECKSUM_PRESENT | OP_MSG_MORE_TO_COME;

/// OP_REPLY responseFlags bit 1: the query failed; the single document holds `$err`.
pub const OP_REPLY_QUERY_FAILURE: i32 = 1 << 1;
/// OP_REPLY responseFlags bit 3: set by every mongod since 1.6; [`encode_op_reply`] sets it too.
pub const OP_REPLY_AWAIT_CAPABLE: i32 = 1 << 3;

/// Smallest BSON document: int32 length and the terminating NUL.
const MIN_DOCUMENT_LEN: usize = 5;
/// Smallest kind-1 section: int32 size and an empty identifier's NUL.
const MIN_SEQUENCE_LEN: usize = 5;

/// An OP_MSG kind-1 section: documents sent beside the body under a field name (`documents`
/// of an `insert`, for example).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSequence {
    /// The field the documents belong to.
    pub identifier: String,
    /// The documents, in order.
    pub documents: Vec<Document>,
}

/// A decoded message.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// OP_MSG: a request or a reply (MongoDB 3.6+).
    Msg {
        /// Flag bits ([`OP_MSG_CHECKSUM_PRESENT`], [`OP_MSG_MORE_TO_COME`], ...). A checksum,
        /// when present, has been verified and stripped.
        flags: u32,
        /// The kind-0 section: the command or the reply.
        body: Document,
        /// The kind-1 sections, in order.
        sequences: Vec<DocumentSequence>,
    },
    /// OP_QUERY: the legacy request; for a command, `collection` is `<db>.$cmd`.
    Query {
        /// Flag bits.
        flags: i32,
        /// Full collection name, e.g. `admin.$cmd`.
        collection: String,
        /// numberToSkip.
        skip: i32,
        /// numberToReturn (-1 for commands).
        limit: i32,
        /// The query (for a command: the command document).
        query: Document,
        /// The optional returnFieldsSelector.
        return_fields: Option<Document>,
    },
    /// OP_REPLY: the legacy reply to OP_QUERY.
    Reply {
        /// responseFlags ([`OP_REPLY_QUERY_FAILURE`], [`OP_REPLY_AWAIT_CAPABLE`], ...).
        flags: i32,
        /// cursorID (0 for a command reply).
        cursor_id: i64,
        /// startingFrom.
        starting_from: i32,
        /// The documents (numberReturned of them: checked).
        documents: Vec<Document>,
    },
}

impl Message {
    /// The opCode this message travels under.
    pub fn op_code(&self) -> OpCode {
        match self {
            Message::Msg { .. } => OpCode::Msg,
            Message::Query { .. } => OpCode::Query,
            Message::Reply { .. } => OpCode::Reply,
        }
    }

    /// The OP_MSG body, the OP_QUERY query, or the first OP_REPLY document.
    pub fn first_document(&self) -> Option<&Document> {
        match self {
            Message::Msg { body, .. } => Some(body),
            Message::Query { query, .. } => Some(query),
            Message::Reply { documents, .. } => documents.first(),
        }
    }

    /// For a request, the command name: the first key of the OP_MSG body or of the OP_QUERY
    /// query (looking inside a `$query`/`query` wrapper, as drivers sent read preferences to
    /// mongos). `None` for replies and empty documents.
    pub fn command_name(&self) -> Option<&str> {
        match self {
            Message::Msg { body, .. } => body.keys().next().map(String::as_str),
            Message::Query { query, .. } => {
                let (first, value) = query.iter().next()?;
                match value {
                    Bson::Document(inner) if first == "$query" || first == "query" => {
                        inner.keys().next().map(String::as_str)
                    }
                    _ => Some(first.as_str()),
                }
            }
            Message::Reply { .. } => None,
        }
    }

    /// OP_MSG with `moreToCome` set: the sender expects no reply (or sends more without one).
    pub fn more_to_come(&self) -> bool {
        matches!(self, Message::Msg { flags, .. } if flags & OP_MSG_MORE_TO_COME != 0)
    }
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/// A message being built: 16 placeholder header bytes, then the payload.
struct Frame {
    buf: Vec<u8>,
}

impl Frame {
    fn new() -> Frame {
        Frame {
            buf: vec![0; HEADER_LEN],
        }
    }

    fn put_i32(&mut self, v: i32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn put_u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn put_i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn put_cstring(&mut self, what: &'static str, s: &str) -> Result<(), WireError> {
        if s.as_bytes().contains(&0) {
            return Err(WireError::Encode {
                what,
                message: crate::tr!("uri-wire-contains-nul", text = format!("{s:?}")),
            });
        }
        self.buf.extend_from_slice(s.as_bytes());
        self.buf.push(0);
        Ok(())
    }

    fn put_document(&mut self, what: &'static str, doc: &Document) -> Result<(), WireError> {
        doc.to_writer(&mut self.buf).map_err(|e| WireError::Encode {
            what,
            message: e.to_string(),
        })
    }

    /// Overwrites 4 bytes at `at` (a placeholder written earlier).
    fn patch_i32(&mut self, at: usize, v: i32) {
        if let Some(dst) = self.buf.get_mut(at..at.saturating_add(4)) {
            dst.copy_from_slice(&v.to_le_bytes());
        }
    }

    /// Writes the header for the current length plus `trailer` bytes still to be appended.
    fn write_header(
        &mut self,
        trailer: usize,
        request_id: i32,
        response_to: i32,
        op_code: OpCode,
    ) -> Result<(), WireError> {
        let total = self.buf.len().saturating_add(trailer);
        let length = i32::try_from(total).map_err(|_| WireError::TooLargeToEncode {
            what: PART_MESSAGE,
            len: total,
        })?;
        let header = MsgHeader {
            length,
            request_id,
            response_to,
            op_code,
        };
        if let Some(dst) = self.buf.get_mut(..HEADER_LEN) {
            dst.copy_from_slice(&header.encode());
        }
        Ok(())
    }

    fn finish(
        mut self,
        request_id: i32,
        response_to: i32,
        op_code: OpCode,
    ) -> Result<Vec<u8>, WireError> {
        self.write_header(0, request_id, response_to, op_code)?;
        Ok(self.buf)
    }
}

/// An OP_MSG request: flags 0, one kind-0 section holding `body` (which should carry `$db`).
pub fn encode_op_msg(request_id: i32, body: &Document) -> Result<Vec<u8>, WireError> {
    encode_op_msg_parts(request_id, 0, 0, body, &[])
}

/// An OP_MSG reply to request `response_to`: flags 0, one kind-0 section.
pub fn encode_op_msg_reply(
    request_id: i32,
    response_to: i32,
    body: &Document,
) -> Result<Vec<u8>, WireError> {
    encode_op_msg_parts(request_id, response_to, 0, body, &[])
}

/// Any OP_MSG: `flags` as given, the kind-0 section, then one kind-1 section per sequence.
/// With [`OP_MSG_CHECKSUM_PRESENT`] in `flags`, the CRC-32C is computed and appended.
pub fn encode_op_msg_parts(
    request_id: i32,
    response_to: i32,
    flags: u32,
    body: &Document,
    sequences: &[DocumentSequence],
) -> Result<Vec<u8>, WireError> {
    let mut f = Frame::new();
    f.put_u32(flags);
    f.buf.push(0);
    f.put_document("OP_MSG body", body)?;
    for seq in sequences {
        f.buf.push(1);
        let size_at = f.buf.len();
        f.put_i32(0);
        f.put_cstring("OP_MSG document sequence identifier", &seq.identifier)?;
        for doc in &seq.documents {
            f.put_document("OP_MSG document sequence", doc)?;
        }
        let size = f.buf.len().saturating_sub(size_at);
        let size = i32::try_from(size).map_err(|_| WireError::TooLargeToEncode {
            what: "OP_MSG document sequence",
            len: size,
        })?;
        f.patch_i32(size_at, size);
    }
    if flags & OP_MSG_CHECKSUM_PRESENT == 0 {
        return f.finish(request_id, response_to, OpCode::Msg);
    }
    f.write_header(4, request_id, response_to, OpCode::Msg)?;
    let crc = crc32c(&[&f.buf]);
    f.put_u32(crc);
    Ok(f.buf)
}

/// A legacy OP_QUERY (flags 0, numberToSkip 0), as drivers send the handshake to servers that
/// may predate OP_MSG: `full_collection_name` is `admin.$cmd`, `number_to_return` -1.
pub fn encode_op_query(
    request_id: i32,
    full_collection_name: &str,
    query: &Document,
    number_to_return: i32,
) -> Result<Vec<u8>, WireError> {
    let mut f = Frame::new();
    f.put_i32(0);
    f.put_cstring("OP_QUERY fullCollectionName", full_collection_name)?;
    f.put_i32(0);
    f.put_i32(number_to_return);
    f.put_document("OP_QUERY query", query)?;
    f.finish(request_id, 0, OpCode::Query)
}

/// A legacy OP_REPLY to request `response_to`, as a server answers OP_QUERY: responseFlags
/// [`OP_REPLY_AWAIT_CAPABLE`] (what mongod sends), cursorID 0, startingFrom 0.
pub fn encode_op_reply(
    request_id: i32,
    response_to: i32,
    documents: &[Document],
) -> Result<Vec<u8>, WireError> {
    let mut f = Frame::new();
    f.put_i32(OP_REPLY_AWAIT_CAPABLE);
    f.put_i64(0);
    f.put_i32(0);
    let n = i32::try_from(documents.len()).map_err(|_| WireError::TooLargeToEncode {
        what: "OP_REPLY document count",
        len: documents.len(),
    })?;
    f.put_i32(n);
    for doc in documents {
        f.put_document("OP_REPLY document", doc)?;
    }
    f.finish(request_id, response_to, OpCode::Reply)
}

/// A command request as [`run_command`](super::io::run_command) sends it.
///
/// - OP_MSG (`legacy_op_query == false`): `command` as the body; `$db: "admin"` is added when
///   the command has no `$db`.
/// - OP_QUERY: on `<$db>.$cmd` (`admin.$cmd` without `$db`), with `$db` removed from the
///   query (servers before 3.6 do not know it), numberToReturn -1.
pub fn encode_command(
    request_id: i32,
    command: &Document,
    legacy_op_query: bool,
) -> Result<Vec<u8>, WireError> {
    if legacy_op_query {
        let db = match command.get("$db") {
            Some(Bson::String(db)) => db.as_str(),
            _ => "admin",
        };
        if command.contains_key("$db") {
            let mut query = command.clone();
            query.remove("$db");
            encode_op_query(request_id, &format!("{db}.$cmd"), &query, -1)
        } else {
            encode_op_query(request_id, &format!("{db}.$cmd"), command, -1)
        }
    } else if command.contains_key("$db") {
        encode_op_msg(request_id, command)
    } else {
        let mut body = command.clone();
        body.insert("$db", "admin");
        encode_op_msg(request_id, &body)
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// A cursor over a byte slice; every read is bounds-checked. `base` is the offset of the slice
/// within the whole message, for error messages.
#[derive(Clone, Copy)]
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], base: usize) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            base,
        }
    }

    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// Offset of the next byte within the whole message.
    fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], WireError> {
        let truncated = WireError::Truncated {
            what,
            expected: n,
            got: self.remaining(),
        };
        let end = self.pos.checked_add(n).ok_or(truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(WireError::Truncated {
            what,
            expected: n,
            got: self.remaining(),
        })?;
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], WireError> {
        let slice = self.take(N, what)?;
        <[u8; N]>::try_from(slice).map_err(|_| WireError::Truncated {
            what,
            expected: N,
            got: slice.len(),
        })
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, WireError> {
        Ok(u8::from_le_bytes(self.array(what)?))
    }

    fn i32(&mut self, what: &'static str) -> Result<i32, WireError> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, WireError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn i64(&mut self, what: &'static str) -> Result<i64, WireError> {
        Ok(i64::from_le_bytes(self.array(what)?))
    }

    /// The int32 at the cursor, without consuming it.
    fn peek_i32(&self, what: &'static str) -> Result<i32, WireError> {
        let mut copy = *self;
        copy.i32(what)
    }

    fn cstring(&mut self, what: &'static str) -> Result<String, WireError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let nul = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or(WireError::InvalidCString {
                what,
                reason: CSTRING_NO_NUL,
            })?;
        let raw = self.take(nul, what)?;
        let s = std::str::from_utf8(raw).map_err(|_| WireError::InvalidCString {
            what,
            reason: CSTRING_NOT_UTF8,
        })?;
        self.take(1, what)?;
        Ok(s.to_owned())
    }

    /// A length-prefixed chunk (BSON document or kind-1 section) whose int32 length counts
    /// itself: checked against `min` and against the bytes left, then taken whole.
    fn length_prefixed(&mut self, what: &'static str, min: usize) -> Result<&'a [u8], WireError> {
        let declared = self.peek_i32(what)?;
        let len = usize::try_from(declared).ok().filter(|&l| l >= min).ok_or(
            WireError::InvalidLength {
                what,
                declared,
                min,
            },
        )?;
        self.take(len, what)
    }

    fn document(&mut self, what: &'static str) -> Result<Document, WireError> {
        let bytes = self.length_prefixed(what, MIN_DOCUMENT_LEN)?;
        // `bytes` is exactly the declared length, so the BSON reader allocates at most that.
        Document::from_reader(bytes).map_err(|e| WireError::InvalidBson {
            what,
            message: e.to_string(),
        })
    }
}

/// Decodes the body of a message (the bytes after the header) as described by `header`.
///
/// `body` must be exactly `header.length - 16` bytes. Supports OP_MSG (kind-0 and kind-1
/// sections, a verified checksum, `moreToCome`), OP_QUERY and OP_REPLY; anything else is
/// [`WireError::UnsupportedOpCode`].
pub fn decode(header: &MsgHeader, body: &[u8]) -> Result<Message, WireError> {
    let expected = header.body_len()?;
    if body.len() < expected {
        return Err(WireError::Truncated {
            what: PART_MESSAGE,
            expected: expected.saturating_add(HEADER_LEN),
            got: body.len().saturating_add(HEADER_LEN),
        });
    }
    if body.len() > expected {
        return Err(WireError::TrailingBytes {
            what: PART_MESSAGE,
            count: body.len() - expected,
        });
    }
    match header.op_code {
        OpCode::Msg => decode_op_msg(header, body),
        OpCode::Query => decode_op_query(body),
        OpCode::Reply => decode_op_reply(body),
        other => Err(WireError::UnsupportedOpCode {
            code: other.as_i32(),
            name: other.name(),
        }),
    }
}

/// Parses a whole frame (header and body) from `bytes`, with `max_len` as the length cap.
/// `bytes` must hold exactly one message.
pub fn decode_frame(bytes: &[u8], max_len: usize) -> Result<(MsgHeader, Message), WireError> {
    let header = parse_header(bytes, max_len)?;
    let body = bytes.get(HEADER_LEN..).unwrap_or_default();
    let message = decode(&header, body)?;
    Ok((header, message))
}

fn decode_op_msg(header: &MsgHeader, body: &[u8]) -> Result<Message, WireError> {
    let mut r = Reader::new(body, HEADER_LEN);
    let flags = r.u32("OP_MSG flag bits")?;
    let unknown = flags & OP_MSG_REQUIRED_BITS & !OP_MSG_KNOWN_REQUIRED;
    if unknown != 0 {
        return Err(WireError::UnknownRequiredFlags { flags: unknown });
    }
    let after_flags = body.get(4..).unwrap_or_default();
    let sections = if flags & OP_MSG_CHECKSUM_PRESENT != 0 {
        let missing = WireError::ChecksumMissing {
            available: after_flags.len(),
        };
        let split = after_flags.len().checked_sub(4).ok_or(missing)?;
        let (sections, stated) =
            after_flags
                .split_at_checked(split)
                .ok_or(WireError::ChecksumMissing {
                    available: after_flags.len(),
                })?;
        let stated = Reader::new(stated, 0).u32("OP_MSG checksum")?;
        let covered = body.get(..4 + split).unwrap_or_default();
        let computed = crc32c(&[&header.encode(), covered]);
        if stated != computed {
            return Err(WireError::ChecksumMismatch { stated, computed });
        }
        sections
    } else {
        after_flags
    };

    let mut r = Reader::new(sections, HEADER_LEN + 4);
    let mut body_doc = None;
    let mut sequences = Vec::new();
    while !r.is_empty() {
        let offset = r.offset();
        match r.u8("OP_MSG section kind")? {
            0 => {
                let doc = r.document("OP_MSG body section")?;
                if body_doc.is_some() {
                    return Err(WireError::DuplicateBodySection { offset });
                }
                body_doc = Some(doc);
            }
            1 => {
                let what = "OP_MSG document sequence";
                let section = r.length_prefixed(what, MIN_SEQUENCE_LEN)?;
                let mut s = Reader::new(section, offset.saturating_add(1));
                s.take(4, what)?;
                let identifier = s.cstring("OP_MSG document sequence identifier")?;
                let mut documents = Vec::new();
                while !s.is_empty() {
                    documents.push(s.document(what)?);
                }
                sequences.push(DocumentSequence {
                    identifier,
                    documents,
                });
            }
            kind => return Err(WireError::UnknownSectionKind { kind, offset }),
        }
    }
    Ok(Message::Msg {
        flags,
        body: body_doc.ok_or(WireError::NoBodySection)?,
        sequences,
    })
}

fn decode_op_query(body: &[u8]) -> Result<Message, WireError> {
    let mut r = Reader::new(body, HEADER_LEN);
    let flags = r.i32("OP_QUERY flags")?;
    let collection = r.cstring("OP_QUERY fullCollectionName")?;
    let skip = r.i32("OP_QUERY numberToSkip")?;
    let limit = r.i32("OP_QUERY numberToReturn")?;
    let query = r.document("OP_QUERY query")?;
    let return_fields = if r.is_empty() {
        None
    } else {
        Some(r.document("OP_QUERY returnFieldsSelector")?)
    };
    if !r.is_empty() {
        return Err(WireError::TrailingBytes {
            what: "OP_QUERY",
            count: r.remaining(),
        });
    }
    Ok(Message::Query {
        flags,
        collection,
        skip,
        limit,
        query,
        return_fields,
    })
}

fn decode_op_reply(body: &[u8]) -> Result<Message, WireError> {
    let mut r = Reader::new(body, HEADER_LEN);
    let flags = r.i32("OP_REPLY responseFlags")?;
    let cursor_id = r.i64("OP_REPLY cursorID")?;
    let starting_from = r.i32("OP_REPLY startingFrom")?;
    let declared = r.i32("OP_REPLY numberReturned")?;
    let mut documents = Vec::new();
    while !r.is_empty() {
        documents.push(r.document("OP_REPLY document")?);
    }
    if usize::try_from(declared).ok() != Some(documents.len()) {
        return Err(WireError::NumberReturnedMismatch {
            declared,
            found: documents.len(),
        });
    }
    Ok(Message::Reply {
        flags,
        cursor_id,
        starting_from,
        documents,
    })
}

// ---------------------------------------------------------------------------------------------
// Command replies
// ---------------------------------------------------------------------------------------------

/// The reply document of a command round trip: checks that `header` answers `request_id`
/// (before looking at the body), decodes `body`, takes the OP_MSG body or the first OP_REPLY
/// document, and checks it with [`check_command_ok`].
pub fn reply_document(
    request_id: i32,
    header: &MsgHeader,
    body: &[u8],
) -> Result<Document, WireError> {
    if header.response_to != request_id {
        return Err(WireError::ResponseToMismatch {
            expected: request_id,
            got: header.response_to,
        });
    }
    let doc = match decode(header, body)? {
        Message::Msg { body, .. } => body,
        Message::Reply { documents, .. } => {
            documents.into_iter().next().ok_or(WireError::EmptyReply)?
        }
        other => {
            return Err(WireError::NotAReply {
                name: other.op_code().name(),
            })
        }
    };
    check_command_ok(&doc)?;
    Ok(doc)
}

/// `Ok` when a command reply says `ok: 1` (int32, int64, double or boolean);
/// [`WireError::CommandFailed`] for `ok: 0` or a legacy `$err` reply (with `code`, `codeName`
/// and `errmsg` when present); [`WireError::InvalidReply`] when `ok` is missing or not a number.
pub fn check_command_ok(doc: &Document) -> Result<(), WireError> {
    let code = doc
        .get("code")
        .and_then(number_as_i64)
        .and_then(|c| i32::try_from(c).ok());
    let code_name = match doc.get("codeName") {
        Some(Bson::String(s)) => Some(bounded(s.clone(), 100)),
        _ => None,
    };
    if let Some(err) = doc.get("$err") {
        return Err(WireError::CommandFailed {
            code,
            code_name,
            errmsg: text_of(err),
        });
    }
    match doc.get("ok") {
        None => Err(WireError::InvalidReply {
            message: crate::tr!("uri-wire-reply-without-ok"),
        }),
        Some(ok) => match number_as_f64(ok) {
            Some(1.0) => Ok(()),
            Some(_) => Err(WireError::CommandFailed {
                code,
                code_name,
                errmsg: doc
                    .get("errmsg")
                    .map_or_else(|| crate::tr!("uri-wire-no-errmsg"), text_of),
            }),
            None => Err(WireError::InvalidReply {
                message: crate::tr!(
                    "uri-wire-ok-not-a-number",
                    bson_type = format!("{:?}", ok.element_type())
                ),
            }),
        },
    }
}

/// Longest server error text kept: it ends up in finding messages and on terminals, and a
/// hostile server may send megabytes.
pub const MAX_ERROR_TEXT: usize = 1024;

fn text_of(b: &Bson) -> String {
    let text = match b {
        Bson::String(s) => s.clone(),
        other => other.to_string(),
    };
    bounded(text, MAX_ERROR_TEXT)
}

/// `text` cut to at most `max` bytes (on a character boundary), saying how much was left out.
fn bounded(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let dropped = text.len() - cut;
    text.truncate(cut);
    text.push_str(&crate::tr!(
        "uri-wire-more-bytes",
        dropped = dropped.to_string()
    ));
    text
}

/// A BSON number (int32, int64, double) or boolean as f64.
pub(crate) fn number_as_f64(b: &Bson) -> Option<f64> {
    match b {
        Bson::Double(v) => Some(*v),
        Bson::Int32(v) => Some(f64::from(*v)),
        // Command replies carry small integers; precision loss above 2^53 does not matter.
        #[allow(clippy::cast_precision_loss)]
        Bson::Int64(v) => Some(*v as f64),
        Bson::Boolean(v) => Some(if *v { 1.0 } else { 0.0 }),
        _ => None,
    }
}

/// A BSON int32, int64, or integral double within range, as i64.
pub(crate) fn number_as_i64(b: &Bson) -> Option<i64> {
    match b {
        Bson::Int32(v) => Some(i64::from(*v)),
        Bson::Int64(v) => Some(*v),
        // Checked: finite, integral, and inside i64's range before the cast.
        #[allow(clippy::cast_possible_truncation)]
        Bson::Double(v) if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.2e18 => Some(*v as i64),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// CRC-32C (Castagnoli), for OP_MSG checksums
// ---------------------------------------------------------------------------------------------

const CRC32C_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0x82F6_3B78
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32C of the concatenation of `parts`.
fn crc32c(parts: &[&[u8]]) -> u32 {
    let mut crc = !0u32;
    for part in parts {
        for &b in *part {
            // The index is masked to 0..=255, within the 256-entry table.
            crc = CRC32C_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::super::header::DEFAULT_MAX_MESSAGE_BYTES;
    use super::*;
    use bson::doc;

    /// Hex with spaces and newlines allowed.
    fn hex(s: &str) -> Vec<u8> {
        let clean: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        hex::decode(clean).unwrap()
    }

    /// OP_MSG { ping: 1, $db: "admin" }, requestID 1, written out by hand.
    const PING_OP_MSG: &str = "
        33000000 01000000 00000000 dd070000   # header: length 51, requestID 1, responseTo 0, OP_MSG
        00000000                              # flagBits
        00                                    # section kind 0
        1e000000                              # document length 30
          10 70696e6700 01000000              # int32 'ping' 1
          02 24646200 06000000 61646d696e00   # string '$db' 'admin' (len 6)
        00";

    fn fixture(s: &str) -> Vec<u8> {
        // Strip '#' comments per line, then decode.
        let stripped: String = s
            .lines()
            .map(|l| l.split('#').next().unwrap())
            .collect::<Vec<_>>()
            .join("");
        hex(&stripped)
    }

    #[test]
    fn fixture_bytes_are_what_the_comment_says() {
        // A typo in the hand-written fixture would make the next tests meaningless.
        let f = fixture(PING_OP_MSG);
        assert_eq!(f.len(), 51);
        // "$db" key written as 24 64 62 00.
        assert_eq!(&f[36..40], b"$db\0");
    }

    #[test]
    fn op_msg_ping_encodes_to_the_fixture() {
        let bytes = encode_op_msg(1, &doc! { "ping": 1, "$db": "admin" }).unwrap();
        assert_eq!(bytes, fixture(PING_OP_MSG));
    }

    #[test]
    fn op_msg_ping_fixture_decodes() {
        let (h, m) = decode_frame(&fixture(PING_OP_MSG), DEFAULT_MAX_MESSAGE_BYTES).unwrap();
        assert_eq!(h.request_id, 1);
        assert_eq!(h.op_code, OpCode::Msg);
        assert_eq!(
            m,
            Message::Msg {
                flags: 0,
                body: doc! { "ping": 1, "$db": "admin" },
                sequences: vec![]
            }
        );
        assert_eq!(m.command_name(), Some("ping"));
        assert_eq!(
            m.first_document(),
            Some(&doc! { "ping": 1, "$db": "admin" })
        );
        assert!(!m.more_to_come());
    }

    /// OP_QUERY { isMaster: 1 } on admin.$cmd, requestID 7, numberToReturn -1.
    const IS_MASTER_OP_QUERY: &str = "
        3a000000 07000000 00000000 d4070000   # header: length 58, requestID 7, OP_QUERY
        00000000                              # flags
        61646d696e2e24636d6400                # 'admin.$cmd\\0'
        00000000                              # numberToSkip
        ffffffff                              # numberToReturn -1
        13000000                              # document length 19
          10 69734d617374657200 01000000      # int32 'isMaster' 1
        00";

    #[test]
    fn op_query_is_master_matches_the_fixture_both_ways() {
        let q = doc! { "isMaster": 1 };
        let bytes = encode_op_query(7, "admin.$cmd", &q, -1).unwrap();
        assert_eq!(bytes, fixture(IS_MASTER_OP_QUERY));
        let (h, m) = decode_frame(&bytes, DEFAULT_MAX_MESSAGE_BYTES).unwrap();
        assert_eq!(h.op_code, OpCode::Query);
        assert_eq!(
            m,
            Message::Query {
                flags: 0,
                collection: "admin.$cmd".into(),
                skip: 0,
                limit: -1,
                query: q,
                return_fields: None
            }
        );
        assert_eq!(m.command_name(), Some("isMaster"));
    }

    /// OP_REPLY { ok: 1.0 } answering request 7, requestID 9, AwaitCapable.
    const OK_OP_REPLY: &str = "
        35000000 09000000 07000000 01000000   # header: length 53, requestID 9, responseTo 7, OP_REPLY
        08000000                              # responseFlags: AwaitCapable
        0000000000000000                      # cursorID
        00000000                              # startingFrom
        01000000                              # numberReturned
        11000000                              # document length 17
          01 6f6b00 000000000000f03f          # double 'ok' 1.0
        00";

    #[test]
    fn op_reply_matches_the_fixture_both_ways() {
        let bytes = encode_op_reply(9, 7, &[doc! { "ok": 1.0 }]).unwrap();
        assert_eq!(bytes, fixture(OK_OP_REPLY));
        let (h, m) = decode_frame(&bytes, DEFAULT_MAX_MESSAGE_BYTES).unwrap();
        assert_eq!(h.response_to, 7);
        assert_eq!(
            m,
            Message::Reply {
                flags: OP_REPLY_AWAIT_CAPABLE,
                cursor_id: 0,
                starting_from: 0,
                documents: vec![doc! { "ok": 1.0 }]
            }
        );
        assert_eq!(m.command_name(), None);
        assert_eq!(
            reply_document(7, &h, &bytes[16..]).unwrap(),
            doc! { "ok": 1.0 }
        );
    }

    #[test]
    fn op_reply_number_returned_must_match() {
        let mut bytes = fixture(OK_OP_REPLY);
        bytes[32] = 2; // numberReturned 2, one document present
        let err = decode_frame(&bytes, 1000).unwrap_err();
        assert!(matches!(
            err,
            WireError::NumberReturnedMismatch {
                declared: 2,
                found: 1
            }
        ));
        let bytes = encode_op_reply(1, 2, &[]).unwrap();
        let (h, _) = decode_frame(&bytes, 1000).unwrap();
        assert!(matches!(
            reply_document(2, &h, &bytes[16..]),
            Err(WireError::EmptyReply)
        ));
    }

    #[test]
    fn op_msg_reply_round_trips() {
        let body = doc! { "ok": 1, "n": 3_i64 };
        let bytes = encode_op_msg_reply(10, 4, &body).unwrap();
        let (h, m) = decode_frame(&bytes, 1000).unwrap();
        assert_eq!((h.request_id, h.response_to), (10, 4));
        assert_eq!(m.first_document(), Some(&body));
    }

    #[test]
    fn kind_1_sections_round_trip() {
        let seqs = vec![
            DocumentSequence {
                identifier: "documents".into(),
                documents: vec![doc! { "_id": 1 }, doc! { "_id": 2, "x": "y" }],
            },
            DocumentSequence {
                identifier: "empty".into(),
                documents: vec![],
            },
        ];
        let body = doc! { "insert": "c", "$db": "test" };
        let bytes = encode_op_msg_parts(5, 0, 0, &body, &seqs).unwrap();
        let (_, m) = decode_frame(&bytes, 1000).unwrap();
        assert_eq!(
            m,
            Message::Msg {
                flags: 0,
                body,
                sequences: seqs
            }
        );
        assert_eq!(m.command_name(), Some("insert"));
    }

    #[test]
    fn kind_1_section_before_the_body_is_accepted() {
        // Section order is free; build: flags, kind 1 (identifier "d", one doc {}), kind 0.
        let mut payload = vec![0, 0, 0, 0, 1];
        payload.extend_from_slice(&(4 + 2 + 5_i32).to_le_bytes());
        payload.extend_from_slice(b"d\0");
        payload.extend_from_slice(&[5, 0, 0, 0, 0]);
        payload.push(0);
        let mut body_doc = Vec::new();
        doc! { "ping": 1 }.to_writer(&mut body_doc).unwrap();
        payload.extend_from_slice(&body_doc);
        let bytes = with_header(OpCode::Msg, &payload);
        let (_, m) = decode_frame(&bytes, 1000).unwrap();
        let Message::Msg {
            body, sequences, ..
        } = m
        else {
            panic!("not OP_MSG")
        };
        assert_eq!(body, doc! { "ping": 1 });
        assert_eq!(sequences.len(), 1);
        assert_eq!(sequences[0].identifier, "d");
        assert_eq!(sequences[0].documents, vec![doc! {}]);
    }

    fn with_header(op: OpCode, payload: &[u8]) -> Vec<u8> {
        let mut out = MsgHeader {
            length: i32::try_from(payload.len() + 16).unwrap(),
            request_id: 1,
            response_to: 0,
            op_code: op,
        }
        .encode()
        .to_vec();
        out.extend_from_slice(payload);
        out
    }

    #[test]
    fn crc32c_known_vector() {
        assert_eq!(crc32c(&[b"123456789"]), 0xE306_9283);
        assert_eq!(crc32c(&[b"1234", b"56789"]), 0xE306_9283);
        assert_eq!(crc32c(&[]), 0);
    }

    #[test]
    fn checksum_is_verified_and_not_a_section() {
        let body = doc! { "ping": 1, "$db": "admin" };
        let bytes = encode_op_msg_parts(1, 0, OP_MSG_CHECKSUM_PRESENT, &body, &[]).unwrap();
        assert_eq!(bytes.len(), fixture(PING_OP_MSG).len() + 4);
        let (_, m) = decode_frame(&bytes, 1000).unwrap();
        assert_eq!(m.first_document(), Some(&body));

        // Flip one bit of the checksum, then one of the body.
        let mut bad = bytes.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(matches!(
            decode_frame(&bad, 1000),
            Err(WireError::ChecksumMismatch { .. })
        ));
        let mut bad = bytes.clone();
        bad[30] ^= 0x20;
        let err = decode_frame(&bad, 1000).unwrap_err();
        assert!(matches!(err, WireError::ChecksumMismatch { .. }), "{err}");
        assert!(err.to_string().starts_with("OP_MSG checksum present but"));
    }

    #[test]
    fn checksum_flag_without_room_for_it() {
        // flags = checksumPresent, then only 2 bytes.
        let bytes = with_header(OpCode::Msg, &[1, 0, 0, 0, 0, 0]);
        assert!(matches!(
            decode_frame(&bytes, 1000),
            Err(WireError::ChecksumMissing { available: 2 })
        ));
    }

    #[test]
    fn more_to_come_is_reported() {
        let bytes = encode_op_msg_parts(1, 0, OP_MSG_MORE_TO_COME, &doc! { "ok": 1 }, &[]).unwrap();
        let (_, m) = decode_frame(&bytes, 1000).unwrap();
        assert!(m.more_to_come());
        // exhaustAllowed is optional (bit 16): accepted.
        let bytes =
            encode_op_msg_parts(1, 0, OP_MSG_EXHAUST_ALLOWED, &doc! { "ok": 1 }, &[]).unwrap();
        assert!(decode_frame(&bytes, 1000).is_ok());
    }

    #[test]
    fn unknown_required_flag_is_rejected() {
        let bytes = encode_op_msg_parts(1, 0, 1 << 2, &doc! { "ok": 1 }, &[]).unwrap();
        assert!(matches!(
            decode_frame(&bytes, 1000),
            Err(WireError::UnknownRequiredFlags { flags: 4 })
        ));
    }

    #[test]
    fn op_msg_structural_errors() {
        // No sections at all.
        let bytes = with_header(OpCode::Msg, &[0, 0, 0, 0]);
        assert!(matches!(
            decode_frame(&bytes, 1000),
            Err(WireError::NoBodySection)
        ));
        // Only a kind-1 section.
        let mut p = vec![0, 0, 0, 0, 1];
        p.extend_from_slice(&6_i32.to_le_bytes());
        p.extend_from_slice(b"d\0");
        assert!(matches!(
            decode_frame(&with_header(OpCode::Msg, &p), 1000),
            Err(WireError::NoBodySection)
        ));
        // Two kind-0 sections.
        let mut p = vec![0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
        assert!(matches!(
            decode_frame(&with_header(OpCode::Msg, &p), 1000),
            Err(WireError::DuplicateBodySection { offset: 26 })
        ));
        // Unknown section kind (trailing garbage after the body reads as one).
        p.truncate(10);
        p.push(7);
        let err = decode_frame(&with_header(OpCode::Msg, &p), 1000).unwrap_err();
        assert!(
            matches!(
                err,
                WireError::UnknownSectionKind {
                    kind: 7,
                    offset: 26
                }
            ),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "OP_MSG section at byte 26 has unknown kind 7"
        );
    }

    #[test]
    fn kind_1_size_that_lies() {
        for size in [i32::MAX, 100, 4, 0, -1] {
            let mut p = vec![0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 1];
            p.extend_from_slice(&size.to_le_bytes());
            p.extend_from_slice(b"d\0");
            let err = decode_frame(&with_header(OpCode::Msg, &p), 1000).unwrap_err();
            assert!(
                matches!(
                    err,
                    WireError::Truncated { .. } | WireError::InvalidLength { .. }
                ),
                "{size}: {err}"
            );
        }
        // Size fits but the identifier has no NUL.
        let mut p = vec![0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 1];
        p.extend_from_slice(&6_i32.to_le_bytes());
        p.extend_from_slice(b"dd");
        assert!(matches!(
            decode_frame(&with_header(OpCode::Msg, &p), 1000),
            Err(WireError::InvalidCString { .. })
        ));
        // Size shorter than the document inside it.
        let mut p = vec![0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 1];
        p.extend_from_slice(&8_i32.to_le_bytes());
        p.extend_from_slice(b"d\0");
        p.extend_from_slice(&[5, 0, 0, 0, 0]);
        assert!(decode_frame(&with_header(OpCode::Msg, &p), 1000).is_err());
    }

    #[test]
    fn document_lengths_that_lie() {
        let good = fixture(PING_OP_MSG);
        // The body document claims more bytes than the message holds.
        let mut bad = good.clone();
        bad[21] = 0x40;
        let err = decode_frame(&bad, 1000).unwrap_err();
        assert!(
            matches!(
                err,
                WireError::Truncated {
                    what: "OP_MSG body section",
                    expected: 64,
                    got: 30
                }
            ),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "truncated OP_MSG body section: expected 64 bytes, got 30"
        );
        // ...or fewer than the minimum.
        let mut bad = good.clone();
        bad[21] = 3;
        assert!(matches!(
            decode_frame(&bad, 1000),
            Err(WireError::InvalidLength {
                declared: 3,
                min: 5,
                ..
            })
        ));
        // ...or a negative length.
        let mut bad = good.clone();
        bad[24] = 0x80;
        assert!(matches!(
            decode_frame(&bad, 1000),
            Err(WireError::InvalidLength { .. })
        ));
        // The '$db' string's length (6) claims 200 bytes: inside the document, bson catches it.
        let mut bad = good.clone();
        bad[40] = 200;
        let err = decode_frame(&bad, 1000).unwrap_err();
        assert!(matches!(err, WireError::InvalidBson { .. }), "{err}");
        assert!(err
            .to_string()
            .starts_with("OP_MSG body section is not valid BSON: "));
    }

    #[test]
    fn bad_bson_is_mapped() {
        // Element type 0x7e does not exist.
        let mut bad = fixture(PING_OP_MSG);
        bad[25] = 0x7e;
        assert!(matches!(
            decode_frame(&bad, 1000),
            Err(WireError::InvalidBson { .. })
        ));
        // Document not NUL-terminated.
        let mut bad = fixture(PING_OP_MSG);
        *bad.last_mut().unwrap() = 1;
        assert!(matches!(
            decode_frame(&bad, 1000),
            Err(WireError::InvalidBson { .. })
        ));
    }

    #[test]
    fn body_length_must_match_the_header() {
        let good = fixture(PING_OP_MSG);
        let h = parse_header(&good, 1000).unwrap();
        let err = decode(&h, &good[16..40]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "truncated message: expected 51 bytes, got 40"
        );
        let mut long = good[16..].to_vec();
        long.push(0);
        assert!(matches!(
            decode(&h, &long),
            Err(WireError::TrailingBytes { count: 1, .. })
        ));
    }

    #[test]
    fn op_query_trailing_garbage_and_selector() {
        let mut p = fixture(IS_MASTER_OP_QUERY)[16..].to_vec();
        p.extend_from_slice(&[5, 0, 0, 0, 0]);
        let (_, m) = decode_frame(&with_header(OpCode::Query, &p), 1000).unwrap();
        assert!(matches!(m, Message::Query { return_fields: Some(ref d), .. } if d.is_empty()));
        p.push(9);
        let err = decode_frame(&with_header(OpCode::Query, &p), 1000).unwrap_err();
        assert!(matches!(
            err,
            WireError::TrailingBytes {
                what: "OP_QUERY",
                count: 1
            }
        ));
    }

    #[test]
    fn op_query_collection_must_be_utf8_c_string() {
        let mut p = vec![0, 0, 0, 0, 0xff, 0xfe, 0];
        p.extend_from_slice(&[0; 8]);
        p.extend_from_slice(&[5, 0, 0, 0, 0]);
        assert!(matches!(
            decode_frame(&with_header(OpCode::Query, &p), 1000),
            Err(WireError::InvalidCString {
                reason: "not UTF-8",
                ..
            })
        ));
    }

    #[test]
    fn unsupported_opcodes() {
        let bytes = with_header(OpCode::Compressed, &[0; 9]);
        let err = decode_frame(&bytes, 1000).unwrap_err();
        assert_eq!(err.to_string(), "unsupported opCode 2012 (OP_COMPRESSED)");
        let bytes = with_header(OpCode::Other(4242), &[]);
        assert_eq!(
            decode_frame(&bytes, 1000).unwrap_err().to_string(),
            "unsupported opCode 4242 (unknown)"
        );
    }

    #[test]
    fn command_name_unwraps_query_wrapper() {
        let q = doc! { "$query": { "isMaster": 1 }, "$readPreference": { "mode": "primary" } };
        let bytes = encode_op_query(1, "admin.$cmd", &q, -1).unwrap();
        let (_, m) = decode_frame(&bytes, 1000).unwrap();
        assert_eq!(m.command_name(), Some("isMaster"));
        let bytes = encode_op_msg(1, &doc! {}).unwrap();
        assert_eq!(decode_frame(&bytes, 1000).unwrap().1.command_name(), None);
    }

    #[test]
    fn encode_refuses_nul_in_names() {
        assert!(matches!(
            encode_op_query(1, "ad\0min.$cmd", &doc! { "ping": 1 }, -1),
            Err(WireError::Encode { .. })
        ));
        let seq = DocumentSequence {
            identifier: "a\0b".into(),
            documents: vec![],
        };
        assert!(matches!(
            encode_op_msg_parts(1, 0, 0, &doc! { "ping": 1 }, &[seq]),
            Err(WireError::Encode { .. })
        ));
        let mut d = Document::new();
        d.insert("bad\0key", 1);
        assert!(matches!(
            encode_op_msg(1, &d),
            Err(WireError::Encode { .. })
        ));
    }

    #[test]
    fn encode_command_picks_the_namespace() {
        let bytes = encode_command(3, &doc! { "ping": 1, "$db": "admin" }, false).unwrap();
        assert_eq!(
            bytes,
            encode_op_msg(3, &doc! { "ping": 1, "$db": "admin" }).unwrap()
        );
        // OP_MSG without $db gets admin.
        let (_, m) = decode_frame(
            &encode_command(3, &doc! { "ping": 1 }, false).unwrap(),
            1000,
        )
        .unwrap();
        assert_eq!(
            m.first_document(),
            Some(&doc! { "ping": 1, "$db": "admin" })
        );
        // OP_QUERY: $db becomes the namespace and leaves the query.
        let (_, m) = decode_frame(
            &encode_command(3, &doc! { "buildInfo": 1, "$db": "test" }, true).unwrap(),
            1000,
        )
        .unwrap();
        let Message::Query {
            collection,
            query,
            limit,
            ..
        } = m
        else {
            panic!("not OP_QUERY")
        };
        assert_eq!(collection, "test.$cmd");
        assert_eq!(query, doc! { "buildInfo": 1 });
        assert_eq!(limit, -1);
        let bytes = encode_command(7, &doc! { "isMaster": 1 }, true).unwrap();
        assert_eq!(bytes, fixture(IS_MASTER_OP_QUERY));
    }

    #[test]
    fn reply_document_checks_response_to_first() {
        let bytes = encode_op_msg_reply(1, 7, &doc! { "ok": 1 }).unwrap();
        let h = parse_header(&bytes, 1000).unwrap();
        // Even with a garbage body, the mismatch is what is reported.
        let err = reply_document(3, &h, &[0xff; 3]).unwrap_err();
        assert_eq!(err.to_string(), "responseTo 7 does not match request 3");
        assert!(reply_document(7, &h, &bytes[16..]).is_ok());
        // A request is not a reply.
        let q = encode_op_query(1, "admin.$cmd", &doc! { "ping": 1 }, -1).unwrap();
        let mut h = parse_header(&q, 1000).unwrap();
        h.response_to = 5;
        assert!(matches!(
            reply_document(5, &h, &q[16..]),
            Err(WireError::NotAReply { name: "OP_QUERY" })
        ));
    }

    #[test]
    fn check_ok_variants() {
        for ok in [
            Bson::Int32(1),
            Bson::Int64(1),
            Bson::Double(1.0),
            Bson::Boolean(true),
        ] {
            assert!(check_command_ok(&doc! { "ok": ok.clone() }).is_ok(), "{ok}");
        }
        let err = check_command_ok(&doc! {
            "ok": 0.0, "errmsg": "command buildInfo requires authentication",
            "code": 13, "codeName": "Unauthorized"
        })
        .unwrap_err();
        assert!(matches!(
            err,
            WireError::CommandFailed { code: Some(13), ref code_name, .. }
                if code_name.as_deref() == Some("Unauthorized")
        ));
        let long = "é".repeat(MAX_ERROR_TEXT);
        let err = check_command_ok(&doc! { "ok": 0, "errmsg": long.as_str() }).unwrap_err();
        let WireError::CommandFailed { errmsg, .. } = &err else {
            panic!("{err:?}")
        };
        assert!(errmsg.len() < MAX_ERROR_TEXT + 40, "{}", errmsg.len());
        assert!(
            errmsg.ends_with(&format!("… ({} more bytes)", MAX_ERROR_TEXT)),
            "{errmsg}"
        );
        let err = check_command_ok(&doc! { "$err": "not master", "code": 10107 }).unwrap_err();
        assert_eq!(err.to_string(), "command failed: not master (code 10107)");
        assert!(matches!(
            check_command_ok(&doc! {}),
            Err(WireError::InvalidReply { .. })
        ));
        assert!(matches!(
            check_command_ok(&doc! { "ok": "yes" }),
            Err(WireError::InvalidReply { .. })
        ));
    }

    #[test]
    fn numbers_are_converted_leniently_but_safely() {
        assert_eq!(number_as_i64(&Bson::Double(3.0)), Some(3));
        assert_eq!(number_as_i64(&Bson::Double(3.5)), None);
        assert_eq!(number_as_i64(&Bson::Double(f64::NAN)), None);
        assert_eq!(number_as_i64(&Bson::Double(1e300)), None);
        assert_eq!(number_as_i64(&Bson::Int64(-4)), Some(-4));
        assert_eq!(number_as_i64(&Bson::String("1".into())), None);
    }

    /// xorshift64: deterministic pseudo-random bytes without a dependency.
    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn below(&mut self, n: u64) -> usize {
            usize::try_from(self.next() % n).unwrap()
        }
    }

    /// Header then decode, the way a reader would: must return, never panic.
    fn parse_any(bytes: &[u8]) {
        if let Ok(h) = parse_header(bytes, 4096) {
            let _ = decode(&h, &bytes[16..]);
            if let Ok(body_len) = h.body_len() {
                if let Some(body) = bytes.get(16..16 + body_len) {
                    let _ = decode(&h, body);
                    let _ = reply_document(h.response_to, &h, body);
                }
            }
        }
        let _ = decode_frame(bytes, 4096);
    }

    fn valid_messages() -> Vec<Vec<u8>> {
        let seqs = [DocumentSequence {
            identifier: "documents".into(),
            documents: vec![doc! { "_id": 1, "a": [1, "x", { "b": null }] }, doc! {}],
        }];
        vec![
            fixture(PING_OP_MSG),
            fixture(IS_MASTER_OP_QUERY),
            fixture(OK_OP_REPLY),
            encode_op_msg_parts(
                1,
                2,
                OP_MSG_CHECKSUM_PRESENT,
                &doc! { "insert": "c" },
                &seqs,
            )
            .unwrap(),
            encode_op_msg_parts(1, 2, 0, &doc! { "insert": "c" }, &seqs).unwrap(),
            encode_op_reply(1, 2, &[doc! { "ok": 1 }, doc! { "x": { "y": 1.5 } }]).unwrap(),
        ]
    }

    #[test]
    fn random_bytes_and_prefixes_never_panic() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2000 {
            let len = rng.below(200);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            parse_any(&bytes);
        }
        for msg in valid_messages() {
            parse_any(&msg);
            for end in 0..msg.len() {
                parse_any(&msg[..end]);
            }
        }
    }

    #[test]
    fn random_bodies_behind_valid_headers_never_panic() {
        // Random bytes behind a correct header reach the section/document parsers.
        let mut rng = XorShift(42);
        for i in 0..2000 {
            let op = [OpCode::Msg, OpCode::Query, OpCode::Reply][i % 3];
            let len = rng.below(120);
            let mut payload: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if op == OpCode::Msg && payload.len() >= 4 {
                payload[..4].copy_from_slice(&[0, 0, 0, 0]);
            }
            parse_any(&with_header(op, &payload));
        }
    }

    #[test]
    fn mutated_valid_messages_never_panic() {
        let mut rng = XorShift(7);
        let msgs = valid_messages();
        for i in 0..4000 {
            let mut m = msgs[i % msgs.len()].clone();
            for _ in 0..=rng.below(3) {
                let at = rng.below(m.len() as u64);
                m[at] = rng.next() as u8;
            }
            parse_any(&m);
        }
    }
}
