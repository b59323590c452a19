//! MongoDB wire protocol: OP_MSG, OP_QUERY and OP_REPLY encoding and decoding on byte slices,
//! size-capped, plus the `hello` handshake and a thin async framing layer.
//!
//! mongotls speaks just enough of the protocol to run its own `hello`, `ping` and `buildInfo`,
//! and the loopback sandbox server uses the same codec to answer drivers. The layers:
//!
//! - [`header`]: the 16-byte message header. [`parse_header`] rejects a declared length below
//!   16 or above a caller-supplied cap *before* anything is allocated for the body.
//! - [`message`]: pure encoders for requests (OP_MSG, legacy OP_QUERY) and replies (OP_MSG,
//!   OP_REPLY), and [`decode`], which parses a whole frame from a byte slice. Every length read
//!   from the input is checked against the bytes actually present; nothing panics on hostile
//!   input (a property test feeds random bytes and every prefix of valid messages).
//! - [`hello`]: the handshake command drivers send and the typed [`HelloReply`].
//! - [`io`]: reading one frame from / writing one frame to any `AsyncRead`/`AsyncWrite`, and
//!   [`run_command`], one request/reply round trip. There are no timeouts here: the caller wraps
//!   each phase in `tokio::time::timeout`.
//!
//! Out of scope: OP_COMPRESSED (reported as [`WireError::UnsupportedOpCode`]), cursors,
//! authentication.

use std::fmt;

use crate::tr;

pub mod header;
pub mod hello;
pub mod io;
pub mod message;

pub use header::{parse_header, MsgHeader, OpCode, DEFAULT_MAX_MESSAGE_BYTES, HEADER_LEN};
pub use hello::{
    build_info_command, hello_command, parse_hello, ping_command, HelloReply, ServerKind,
};
pub use io::{read_message, run_command, write_message};
pub use message::{
    check_command_ok, decode, decode_frame, encode_command, encode_op_msg, encode_op_msg_parts,
    encode_op_msg_reply, encode_op_query, encode_op_reply, reply_document, DocumentSequence,
    Message, OP_MSG_CHECKSUM_PRESENT, OP_MSG_EXHAUST_ALLOWED, OP_MSG_MORE_TO_COME,
    OP_REPLY_AWAIT_CAPABLE, OP_REPLY_QUERY_FAILURE,
};

/// Everything that can go wrong encoding, decoding or exchanging a MongoDB message.
///
/// Every message says what was wrong, with the numbers involved, so that it can be shown to a
/// user as is.
#[derive(Debug)]
#[non_exhaustive]
pub enum WireError {
    /// The header declares a message longer than the cap (by default the server's
    /// `maxMessageSizeBytes`, 48,000,000). Raised before any body bytes are read or allocated.
    TooLarge {
        /// Length declared in the header.
        declared: i32,
        /// The cap in force.
        limit: usize,
    },

    /// The header declares a length smaller than the header itself (negative included).
    ShorterThanHeader {
        /// Length declared in the header.
        declared: i32,
    },

    /// Fewer bytes are present than a length field (or the fixed layout) requires.
    Truncated {
        /// The part that is cut short, e.g. "OP_MSG body section".
        what: &'static str,
        /// Bytes required.
        expected: usize,
        /// Bytes present.
        got: usize,
    },

    /// A length field inside the message is smaller than the smallest valid value.
    InvalidLength {
        /// The part whose length field is wrong.
        what: &'static str,
        /// Length declared.
        declared: i32,
        /// Smallest valid length.
        min: usize,
    },

    /// Bytes are left over after the last field of the message.
    TrailingBytes {
        /// The part with trailing bytes.
        what: &'static str,
        /// How many bytes are left over.
        count: usize,
    },

    /// A NUL-terminated string (a collection name or a section identifier) is malformed.
    InvalidCString {
        /// The field.
        what: &'static str,
        /// "no NUL terminator" or "not UTF-8".
        reason: &'static str,
    },

    /// A BSON document in the message does not parse.
    InvalidBson {
        /// The part holding the document, e.g. "OP_MSG body section".
        what: &'static str,
        /// The BSON library's explanation.
        message: String,
    },

    /// The opCode is one this codec does not decode (OP_COMPRESSED, removed legacy opcodes,
    /// or an unknown number).
    UnsupportedOpCode {
        /// The opCode from the header.
        code: i32,
        /// Its name, or "unknown".
        name: &'static str,
    },

    /// A message arrived where a reply was expected, but it is not a reply (e.g. OP_QUERY).
    NotAReply {
        /// Name of the opCode received.
        name: &'static str,
    },

    /// The reply answers a different request.
    ResponseToMismatch {
        /// The request id sent.
        expected: i32,
        /// The reply's `responseTo`.
        got: i32,
    },

    /// OP_MSG sets a flag bit in 0..=15 that is not defined; the specification requires such
    /// messages to be rejected.
    UnknownRequiredFlags {
        /// The unknown bits (already masked to 0..=15).
        flags: u32,
    },

    /// OP_MSG sets checksumPresent but has no room for the 4-byte checksum.
    ChecksumMissing {
        /// Bytes after the flag bits.
        available: usize,
    },

    /// OP_MSG sets checksumPresent and the CRC-32C does not match the bytes.
    ChecksumMismatch {
        /// Checksum carried by the message.
        stated: u32,
        /// CRC-32C computed over the message.
        computed: u32,
    },

    /// OP_MSG without its (mandatory) kind-0 section.
    NoBodySection,

    /// OP_MSG with more than one kind-0 section.
    DuplicateBodySection {
        /// Offset of the second kind-0 section, counted from the start of the message.
        offset: usize,
    },

    /// OP_MSG section of a kind other than 0 and 1.
    UnknownSectionKind {
        /// The kind byte.
        kind: u8,
        /// Offset of the kind byte, counted from the start of the message.
        offset: usize,
    },

    /// OP_REPLY's `numberReturned` disagrees with the documents it holds.
    NumberReturnedMismatch {
        /// `numberReturned` from the message.
        declared: i32,
        /// Documents actually present.
        found: usize,
    },

    /// OP_REPLY without any document, where a command reply was expected.
    EmptyReply,

    /// The server answered the command with `ok: 0` (or a legacy `$err`).
    CommandFailed {
        /// Numeric error code, when the server sent one.
        code: Option<i32>,
        /// Symbolic error code (`codeName`), when the server sent one.
        code_name: Option<String>,
        /// The server's message (`errmsg` or `$err`).
        errmsg: String,
    },

    /// A reply document does not have the shape expected (e.g. `ok` missing or not a number,
    /// `hosts` not an array of strings).
    InvalidReply {
        /// What is wrong.
        message: String,
    },

    /// A document to send cannot be encoded as BSON (e.g. a key containing NUL).
    Encode {
        /// The part being encoded.
        what: &'static str,
        /// The BSON library's explanation.
        message: String,
    },

    /// A message to send would exceed the 32-bit length fields of the protocol.
    TooLargeToEncode {
        /// The part being encoded.
        what: &'static str,
        /// Its size in bytes.
        len: usize,
    },

    /// The peer closed the connection in the middle of a message (or, with `received == 0`,
    /// before a new one started: see [`WireError::is_clean_close`]).
    ConnectionClosed {
        /// Bytes of the current message received.
        received: usize,
        /// Bytes the message needed (16 while reading the header, then the declared length).
        expected: usize,
        /// "message header" or "message".
        part: &'static str,
    },

    /// An I/O error from the underlying stream.
    Io {
        /// What was being done, e.g. "reading a message header".
        during: &'static str,
        /// The error.
        source: std::io::Error,
    },
}

impl WireError {
    /// True when the peer closed the connection between messages (EOF before the first header
    /// byte): the normal end of a connection for a server reading requests.
    pub fn is_clean_close(&self) -> bool {
        matches!(
            self,
            WireError::ConnectionClosed {
                received: 0,
                part: PART_MESSAGE_HEADER,
                ..
            }
        )
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for WireError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WireError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl WireError {
    /// The message, in the language in effect.
    fn message(&self) -> String {
        match self {
            WireError::TooLarge { declared, limit } => tr!(
                "uri-wire-too-large",
                declared = declared.to_string(),
                limit = limit.to_string(),
            ),
            WireError::ShorterThanHeader { declared } => tr!(
                "uri-wire-shorter-than-header",
                declared = declared.to_string()
            ),
            WireError::Truncated {
                what,
                expected,
                got,
            } => tr!(
                "uri-wire-truncated",
                what = part_name(what),
                expected = expected.to_string(),
                got = got.to_string(),
            ),
            WireError::InvalidLength {
                what,
                declared,
                min,
            } => tr!(
                "uri-wire-invalid-length",
                what = part_name(what),
                declared = declared.to_string(),
                min = min.to_string(),
            ),
            WireError::TrailingBytes { what, count } => tr!(
                "uri-wire-trailing-bytes",
                what = part_name(what),
                count = count.to_string(),
            ),
            WireError::InvalidCString { what, reason } => tr!(
                "uri-wire-invalid-cstring",
                what = part_name(what),
                reason = match *reason {
                    CSTRING_NO_NUL => tr!("uri-wire-cstring-no-nul"),
                    CSTRING_NOT_UTF8 => tr!("uri-wire-cstring-not-utf8"),
                    other => other.to_owned(),
                },
            ),
            WireError::InvalidBson { what, message } => tr!(
                "uri-wire-invalid-bson",
                what = part_name(what),
                message = message.as_str(),
            ),
            WireError::UnsupportedOpCode { code, name } => tr!(
                "uri-wire-unsupported-opcode",
                code = code.to_string(),
                name = match *name {
                    header::UNKNOWN_OPCODE => tr!("uri-wire-opcode-unknown"),
                    known => known.to_owned(),
                },
            ),
            WireError::NotAReply { name } => tr!("uri-wire-not-a-reply", name = *name),
            WireError::ResponseToMismatch { expected, got } => tr!(
                "uri-wire-response-to-mismatch",
                got = got.to_string(),
                expected = expected.to_string(),
            ),
            WireError::UnknownRequiredFlags { flags } => {
                tr!("uri-wire-unknown-flags", flags = format!("{flags:#06x}"))
            }
            WireError::ChecksumMissing { available } => tr!(
                "uri-wire-checksum-missing",
                available = available.to_string()
            ),
            WireError::ChecksumMismatch { stated, computed } => tr!(
                "uri-wire-checksum-mismatch",
                stated = format!("{stated:#010x}"),
                computed = format!("{computed:#010x}"),
            ),
            WireError::NoBodySection => tr!("uri-wire-no-body-section"),
            WireError::DuplicateBodySection { offset } => tr!(
                "uri-wire-duplicate-body-section",
                offset = offset.to_string()
            ),
            WireError::UnknownSectionKind { kind, offset } => tr!(
                "uri-wire-unknown-section-kind",
                offset = offset.to_string(),
                kind = kind.to_string(),
            ),
            WireError::NumberReturnedMismatch { declared, found } => tr!(
                "uri-wire-number-returned-mismatch",
                declared = declared.to_string(),
                found = found.to_string(),
            ),
            WireError::EmptyReply => tr!("uri-wire-empty-reply"),
            WireError::CommandFailed {
                code,
                code_name,
                errmsg,
            } => match (code, code_name) {
                (Some(code), Some(name)) => tr!(
                    "uri-wire-command-failed-code-name",
                    errmsg = errmsg.as_str(),
                    code = code.to_string(),
                    name = name.as_str(),
                ),
                (Some(code), None) => tr!(
                    "uri-wire-command-failed-code",
                    errmsg = errmsg.as_str(),
                    code = code.to_string(),
                ),
                (None, Some(name)) => tr!(
                    "uri-wire-command-failed-name",
                    errmsg = errmsg.as_str(),
                    name = name.as_str(),
                ),
                (None, None) => tr!("uri-wire-command-failed", errmsg = errmsg.as_str()),
            },
            WireError::InvalidReply { message } => {
                tr!("uri-wire-invalid-reply", message = message.as_str())
            }
            WireError::Encode { what, message } => tr!(
                "uri-wire-encode",
                what = part_name(what),
                message = message.as_str(),
            ),
            WireError::TooLargeToEncode { what, len } => tr!(
                "uri-wire-too-large-to-encode",
                len = len.to_string(),
                what = part_name(what),
            ),
            WireError::ConnectionClosed {
                received,
                expected,
                part,
            } => tr!(
                "uri-wire-connection-closed",
                received = received.to_string(),
                expected = expected.to_string(),
                part = part_name(part),
            ),
            WireError::Io { during, source } => tr!(
                "uri-wire-io",
                during = match *during {
                    DURING_READING_HEADER => tr!("uri-wire-during-reading-header"),
                    DURING_READING_BODY => tr!("uri-wire-during-reading-body"),
                    DURING_SENDING => tr!("uri-wire-during-sending"),
                    other => other.to_owned(),
                },
                error = source.to_string(),
            ),
        }
    }
}

/// The part of a message an error names (`what`, `part`), in words: "message" and "message
/// header" are translated; the protocol's own names (`OP_MSG body section`, `OP_QUERY
/// fullCollectionName`) are kept as the specification spells them.
fn part_name(what: &str) -> String {
    match what {
        PART_MESSAGE => tr!("uri-wire-part-message"),
        PART_MESSAGE_HEADER => tr!("uri-wire-part-message-header"),
        other => other.to_owned(),
    }
}

/// [`WireError::ConnectionClosed`]'s `part` (and a `what`) while reading a header.
pub(crate) const PART_MESSAGE_HEADER: &str = "message header";
/// [`WireError::ConnectionClosed`]'s `part` (and a `what`) for the whole message.
pub(crate) const PART_MESSAGE: &str = "message";
/// [`WireError::InvalidCString`]'s reasons.
pub(crate) const CSTRING_NO_NUL: &str = "no NUL terminator";
pub(crate) const CSTRING_NOT_UTF8: &str = "not UTF-8";
/// [`WireError::Io`]'s `during`.
pub(crate) const DURING_READING_HEADER: &str = "reading a message header";
pub(crate) const DURING_READING_BODY: &str = "reading a message body";
pub(crate) const DURING_SENDING: &str = "sending a message";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_the_numbers() {
        let e = WireError::TooLarge {
            declared: i32::MAX,
            limit: DEFAULT_MAX_MESSAGE_BYTES,
        };
        assert_eq!(
            e.to_string(),
            "the peer declared a 2147483647-byte message; the limit is 48000000 bytes"
        );
        let e = WireError::ResponseToMismatch {
            expected: 3,
            got: 7,
        };
        assert_eq!(e.to_string(), "responseTo 7 does not match request 3");
        let e = WireError::UnsupportedOpCode {
            code: 2012,
            name: "OP_COMPRESSED",
        };
        assert_eq!(e.to_string(), "unsupported opCode 2012 (OP_COMPRESSED)");
        let e = WireError::ConnectionClosed {
            received: 20,
            expected: 51,
            part: "message",
        };
        assert_eq!(
            e.to_string(),
            "the connection closed after 20 of 51 bytes of the message"
        );
        assert!(!e.is_clean_close());
    }

    #[test]
    fn command_failed_renders_code_and_name() {
        let e = WireError::CommandFailed {
            code: Some(13),
            code_name: Some("Unauthorized".into()),
            errmsg: "command buildInfo requires authentication".into(),
        };
        assert_eq!(
            e.to_string(),
            "command failed: command buildInfo requires authentication (code 13, Unauthorized)"
        );
        let e = WireError::CommandFailed {
            code: None,
            code_name: None,
            errmsg: "x".into(),
        };
        assert_eq!(e.to_string(), "command failed: x");
    }

    #[test]
    fn flags_render_in_hex() {
        let e = WireError::UnknownRequiredFlags { flags: 0x4 };
        assert_eq!(
            e.to_string(),
            "OP_MSG sets unknown required flag bits 0x0004 (bits 0-15 must be understood)"
        );
        let e = WireError::ChecksumMismatch {
            stated: 1,
            computed: 0xdead_beef,
        };
        assert_eq!(
            e.to_string(),
            "OP_MSG checksum present but wrong: the message says 0x00000001, its bytes give 0xdeadbeef"
        );
    }
}
