//! The 16-byte MongoDB message header: opCodes, parsing with a length cap, encoding.

use super::WireError;

/// Size of the message header: messageLength, requestID, responseTo, opCode (int32 each).
pub const HEADER_LEN: usize = 16;

/// MongoDB's default `maxMessageSizeBytes`: the largest message a server sends or accepts.
/// Used as the cap on a peer's declared length unless the caller knows better.
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 48_000_000;

/// The kind of message, from the header's opCode field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpCode {
    /// OP_REPLY (1): the legacy reply to OP_QUERY.
    Reply,
    /// OP_QUERY (2004): legacy query; still accepted for the handshake on `admin.$cmd`.
    Query,
    /// OP_COMPRESSED (2012): a compressed message (not supported by this codec).
    Compressed,
    /// OP_MSG (2013): the message format of MongoDB 3.6+.
    Msg,
    /// Any other value (removed legacy opcodes, or garbage).
    Other(i32),
}

impl OpCode {
    /// The opCode for a header value.
    pub fn from_i32(code: i32) -> OpCode {
        match code {
            1 => OpCode::Reply,
            2004 => OpCode::Query,
            2012 => OpCode::Compressed,
            2013 => OpCode::Msg,
            other => OpCode::Other(other),
        }
    }

    /// The header value for this opCode.
    pub fn as_i32(self) -> i32 {
        match self {
            OpCode::Reply => 1,
            OpCode::Query => 2004,
            OpCode::Compressed => 2012,
            OpCode::Msg => 2013,
            OpCode::Other(code) => code,
        }
    }

    /// The protocol's name for the opCode ("OP_MSG"), the name of a removed legacy opcode, or
    /// [`UNKNOWN_OPCODE`].
    pub fn name(self) -> &'static str {
        match self.as_i32() {
            1 => "OP_REPLY",
            2001 => "OP_UPDATE",
            2002 => "OP_INSERT",
            2004 => "OP_QUERY",
            2005 => "OP_GET_MORE",
            2006 => "OP_DELETE",
            2007 => "OP_KILL_CURSORS",
            2012 => "OP_COMPRESSED",
            2013 => "OP_MSG",
            _ => UNKNOWN_OPCODE,
        }
    }
}

/// [`OpCode::name`] of an opCode the protocol does not have (messages translate it).
pub const UNKNOWN_OPCODE: &str = "unknown";

/// A parsed message header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MsgHeader {
    /// Total message length in bytes, header included.
    pub length: i32,
    /// Identifier chosen by the sender.
    pub request_id: i32,
    /// For a reply, the `request_id` of the request it answers; 0 otherwise.
    pub response_to: i32,
    /// Kind of message.
    pub op_code: OpCode,
}

impl MsgHeader {
    /// Length of the message after the header, or an error when `length` is below 16 (only
    /// possible for a header not built by [`parse_header`]).
    pub fn body_len(&self) -> Result<usize, WireError> {
        usize::try_from(self.length)
            .ok()
            .and_then(|l| l.checked_sub(HEADER_LEN))
            .ok_or(WireError::ShorterThanHeader {
                declared: self.length,
            })
    }

    /// The 16 header bytes, little-endian as on the wire.
    pub fn encode(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        let fields = [
            self.length,
            self.request_id,
            self.response_to,
            self.op_code.as_i32(),
        ];
        for (chunk, value) in out.chunks_exact_mut(4).zip(fields) {
            chunk.copy_from_slice(&value.to_le_bytes());
        }
        out
    }
}

/// Parses the first 16 bytes of `bytes` as a header and validates the declared length:
/// at least 16 (the header itself) and at most `max_len`.
///
/// Only the header is looked at; the caller reads or slices the body using
/// [`MsgHeader::body_len`], which this check has made safe to allocate.
pub fn parse_header(bytes: &[u8], max_len: usize) -> Result<MsgHeader, WireError> {
    let header = bytes.get(..HEADER_LEN).ok_or(WireError::Truncated {
        what: super::PART_MESSAGE_HEADER,
        expected: HEADER_LEN,
        got: bytes.len(),
    })?;
    let field = |at: usize| {
        header
            .get(at..at + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, i32::from_le_bytes)
    };
    let (length, request_id, response_to, op_code) = (field(0), field(4), field(8), field(12));

    match usize::try_from(length) {
        Ok(l) if l < HEADER_LEN => return Err(WireError::ShorterThanHeader { declared: length }),
        Err(_) => return Err(WireError::ShorterThanHeader { declared: length }),
        Ok(l) if l > max_len => {
            return Err(WireError::TooLarge {
                declared: length,
                limit: max_len,
            })
        }
        Ok(_) => {}
    }
    Ok(MsgHeader {
        length,
        request_id,
        response_to,
        op_code: OpCode::from_i32(op_code),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_bytes(length: i32, request_id: i32, response_to: i32, op: i32) -> Vec<u8> {
        [length, request_id, response_to, op]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect()
    }

    #[test]
    fn parses_a_known_header() {
        // 51-byte OP_MSG, requestID 1, responseTo 0.
        let bytes = hex::decode("330000000100000000000000dd070000").unwrap();
        let h = parse_header(&bytes, DEFAULT_MAX_MESSAGE_BYTES).unwrap();
        assert_eq!(
            h,
            MsgHeader {
                length: 51,
                request_id: 1,
                response_to: 0,
                op_code: OpCode::Msg
            }
        );
        assert_eq!(h.body_len().unwrap(), 35);
        assert_eq!(h.encode().to_vec(), bytes);
    }

    #[test]
    fn rejects_two_gib_before_anything_else() {
        let bytes = header_bytes(0x7fff_ffff, 1, 0, 2013);
        let err = parse_header(&bytes, DEFAULT_MAX_MESSAGE_BYTES).unwrap_err();
        assert!(matches!(
            err,
            WireError::TooLarge {
                declared: 0x7fff_ffff,
                limit: DEFAULT_MAX_MESSAGE_BYTES
            }
        ));
        assert_eq!(
            err.to_string(),
            "the peer declared a 2147483647-byte message; the limit is 48000000 bytes"
        );
    }

    #[test]
    fn cap_is_a_parameter_and_inclusive() {
        let bytes = header_bytes(1000, 1, 0, 2013);
        assert!(parse_header(&bytes, 1000).is_ok());
        assert!(matches!(
            parse_header(&bytes, 999),
            Err(WireError::TooLarge {
                declared: 1000,
                limit: 999
            })
        ));
    }

    #[test]
    fn rejects_negative_and_short_lengths() {
        for declared in [-1, i32::MIN, 0, 15] {
            let bytes = header_bytes(declared, 1, 0, 2013);
            let err = parse_header(&bytes, DEFAULT_MAX_MESSAGE_BYTES).unwrap_err();
            assert!(
                matches!(err, WireError::ShorterThanHeader { declared: d } if d == declared),
                "{declared}: {err}"
            );
        }
        // Exactly 16 is a (body-less) header; decoding the body will complain, not this.
        assert!(parse_header(&header_bytes(16, 1, 0, 1), 100).is_ok());
        assert_eq!(
            parse_header(&header_bytes(15, 1, 0, 1), 100)
                .unwrap_err()
                .to_string(),
            "message is shorter than its 16-byte header: it declares 15 bytes"
        );
    }

    #[test]
    fn short_input_is_truncated_not_a_panic() {
        for n in 0..HEADER_LEN {
            let err = parse_header(&vec![0x20; n], 100).unwrap_err();
            assert!(matches!(
                err,
                WireError::Truncated { expected: 16, got, .. } if got == n
            ));
        }
    }

    #[test]
    fn opcodes_round_trip_and_have_names() {
        for (code, op, name) in [
            (1, OpCode::Reply, "OP_REPLY"),
            (2004, OpCode::Query, "OP_QUERY"),
            (2012, OpCode::Compressed, "OP_COMPRESSED"),
            (2013, OpCode::Msg, "OP_MSG"),
            (2005, OpCode::Other(2005), "OP_GET_MORE"),
            (42, OpCode::Other(42), "unknown"),
        ] {
            assert_eq!(OpCode::from_i32(code), op);
            assert_eq!(op.as_i32(), code);
            assert_eq!(op.name(), name);
        }
    }

    #[test]
    fn body_len_of_a_hand_built_header_is_checked() {
        let h = MsgHeader {
            length: 3,
            request_id: 0,
            response_to: 0,
            op_code: OpCode::Msg,
        };
        assert!(matches!(
            h.body_len(),
            Err(WireError::ShorterThanHeader { declared: 3 })
        ));
    }
}
