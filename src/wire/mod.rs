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
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WireError {
    /// The header declares a message longer than the cap (by default the server's
    /// `maxMessageSizeBytes`, 48,000,000). Raised before any body bytes are read or allocated.
    #[error("the peer declared a {declared}-byte message; the limit is {limit} bytes")]
    TooLarge {
        /// Length declared in the header.
        declared: i32,
        /// The cap in force.
        limit: usize,
    },

    /// The header declares a length smaller than the header itself (negative included).
    #[error("message is shorter than its 16-byte header: it declares {declared} bytes")]
    ShorterThanHeader {
        /// Length declared in the header.
        declared: i32,
    },

    /// Fewer bytes are present than a length field (or the fixed layout) requires.
    #[error("truncated {what}: expected {expected} bytes, got {got}")]
    Truncated {
        /// The part that is cut short, e.g. "OP_MSG body section".
        what: &'static str,
        /// Bytes required.
        expected: usize,
        /// Bytes present.
        got: usize,
    },

    /// A length field inside the message is smaller than the smallest valid value.
    #[error("{what} declares {declared} bytes; the minimum is {min}")]
    InvalidLength {
        /// The part whose length field is wrong.
        what: &'static str,
        /// Length declared.
        declared: i32,
        /// Smallest valid length.
        min: usize,
    },

    /// Bytes are left over after the last field of the message.
    #[error("{what} has {count} trailing bytes after its last field")]
    TrailingBytes {
        /// The part with trailing bytes.
        what: &'static str,
        /// How many bytes are left over.
        count: usize,
    },

    /// A NUL-terminated string (a collection name or a section identifier) is malformed.
    #[error("{what} is not a valid C string: {reason}")]
    InvalidCString {
        /// The field.
        what: &'static str,
        /// "no NUL terminator" or "not UTF-8".
        reason: &'static str,
    },

    /// A BSON document in the message does not parse.
    #[error("{what} is not valid BSON: {message}")]
    InvalidBson {
        /// The part holding the document, e.g. "OP_MSG body section".
        what: &'static str,
        /// The BSON library's explanation.
        message: String,
    },

    /// The opCode is one this codec does not decode (OP_COMPRESSED, removed legacy opcodes,
    /// or an unknown number).
    #[error("unsupported opCode {code} ({name})")]
    UnsupportedOpCode {
        /// The opCode from the header.
        code: i32,
        /// Its name, or "unknown".
        name: &'static str,
    },

    /// A message arrived where a reply was expected, but it is not a reply (e.g. OP_QUERY).
    #[error("expected a reply (OP_MSG or OP_REPLY), got {name}")]
    NotAReply {
        /// Name of the opCode received.
        name: &'static str,
    },

    /// The reply answers a different request.
    #[error("responseTo {got} does not match request {expected}")]
    ResponseToMismatch {
        /// The request id sent.
        expected: i32,
        /// The reply's `responseTo`.
        got: i32,
    },

    /// OP_MSG sets a flag bit in 0..=15 that is not defined; the specification requires such
    /// messages to be rejected.
    #[error("OP_MSG sets unknown required flag bits {flags:#06x} (bits 0-15 must be understood)")]
    UnknownRequiredFlags {
        /// The unknown bits (already masked to 0..=15).
        flags: u32,
    },

    /// OP_MSG sets checksumPresent but has no room for the 4-byte checksum.
    #[error(
        "OP_MSG checksum present but the message has only {available} bytes after the flags, \
         no room for the 4-byte CRC-32C"
    )]
    ChecksumMissing {
        /// Bytes after the flag bits.
        available: usize,
    },

    /// OP_MSG sets checksumPresent and the CRC-32C does not match the bytes.
    #[error(
        "OP_MSG checksum present but wrong: the message says {stated:#010x}, its bytes give \
         {computed:#010x}"
    )]
    ChecksumMismatch {
        /// Checksum carried by the message.
        stated: u32,
        /// CRC-32C computed over the message.
        computed: u32,
    },

    /// OP_MSG without its (mandatory) kind-0 section.
    #[error("OP_MSG has no body section (kind 0)")]
    NoBodySection,

    /// OP_MSG with more than one kind-0 section.
    #[error("OP_MSG has more than one body section (kind 0); the second is at byte {offset}")]
    DuplicateBodySection {
        /// Offset of the second kind-0 section, counted from the start of the message.
        offset: usize,
    },

    /// OP_MSG section of a kind other than 0 and 1.
    #[error("OP_MSG section at byte {offset} has unknown kind {kind}")]
    UnknownSectionKind {
        /// The kind byte.
        kind: u8,
        /// Offset of the kind byte, counted from the start of the message.
        offset: usize,
    },

    /// OP_REPLY's `numberReturned` disagrees with the documents it holds.
    #[error("OP_REPLY says numberReturned {declared} but holds {found} documents")]
    NumberReturnedMismatch {
        /// `numberReturned` from the message.
        declared: i32,
        /// Documents actually present.
        found: usize,
    },

    /// OP_REPLY without any document, where a command reply was expected.
    #[error("OP_REPLY holds no documents; a command reply needs one")]
    EmptyReply,

    /// The server answered the command with `ok: 0` (or a legacy `$err`).
    #[error("command failed: {errmsg}{}", code_suffix(*.code, .code_name.as_deref()))]
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
    #[error("unexpected reply: {message}")]
    InvalidReply {
        /// What is wrong.
        message: String,
    },

    /// A document to send cannot be encoded as BSON (e.g. a key containing NUL).
    #[error("cannot encode {what} as BSON: {message}")]
    Encode {
        /// The part being encoded.
        what: &'static str,
        /// The BSON library's explanation.
        message: String,
    },

    /// A message to send would exceed the 32-bit length fields of the protocol.
    #[error("a {len}-byte {what} does not fit the protocol's 32-bit length field")]
    TooLargeToEncode {
        /// The part being encoded.
        what: &'static str,
        /// Its size in bytes.
        len: usize,
    },

    /// The peer closed the connection in the middle of a message (or, with `received == 0`,
    /// before a new one started: see [`WireError::is_clean_close`]).
    #[error("the connection closed after {received} of {expected} bytes of the {part}")]
    ConnectionClosed {
        /// Bytes of the current message received.
        received: usize,
        /// Bytes the message needed (16 while reading the header, then the declared length).
        expected: usize,
        /// "message header" or "message".
        part: &'static str,
    },

    /// An I/O error from the underlying stream.
    #[error("{during}: {source}")]
    Io {
        /// What was being done, e.g. "reading a message header".
        during: &'static str,
        /// The error.
        #[source]
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
                part: "message header",
                ..
            }
        )
    }
}

/// " (code 13, Unauthorized)", " (code 13)", " (Unauthorized)" or "".
fn code_suffix(code: Option<i32>, code_name: Option<&str>) -> String {
    match (code, code_name) {
        (Some(c), Some(n)) => format!(" (code {c}, {n})"),
        (Some(c), None) => format!(" (code {c})"),
        (None, Some(n)) => format!(" ({n})"),
        (None, None) => String::new(),
    }
}

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
