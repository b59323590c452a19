//! The wire codec on arbitrary bytes: `parse_header`, `decode` (with the body as given and
//! with the header's length fixed up to match, so the fuzzer reaches the body parsers without
//! having to guess the length), and `decode_frame`.
//!
//! Properties: nothing panics or allocates by a declared length; a decoded OP_MSG re-encodes,
//! and encoding is stable after one decode/encode round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mongotls::wire::header::{parse_header, MsgHeader, HEADER_LEN};
use mongotls::wire::message::{decode, decode_frame, encode_op_msg_parts, Message};

const MAX: usize = 48_000_000;

fn exercise(message: &Message, header: &MsgHeader) {
    let _ = message.op_code();
    let _ = message.first_document();
    let _ = message.command_name();
    let _ = message.more_to_come();
    if let Message::Msg {
        flags,
        body,
        sequences,
    } = message
    {
        let Ok(first) =
            encode_op_msg_parts(header.request_id, header.response_to, *flags, body, sequences)
        else {
            return;
        };
        let (h2, m2) = decode_frame(&first, MAX)
            .unwrap_or_else(|e| panic!("a re-encoded OP_MSG does not decode: {e}"));
        let Message::Msg {
            flags,
            body,
            sequences,
        } = &m2
        else {
            panic!("a re-encoded OP_MSG decodes as {:?}", m2.op_code());
        };
        let second = encode_op_msg_parts(h2.request_id, h2.response_to, *flags, body, sequences)
            .unwrap_or_else(|e| panic!("a decoded OP_MSG does not re-encode: {e}"));
        assert_eq!(first, second, "OP_MSG encoding is not stable");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(header) = parse_header(data, MAX) {
        let body = &data[HEADER_LEN..];
        if let Ok(message) = decode(&header, body) {
            exercise(&message, &header);
        }
        // Same header with the length that matches the bytes present.
        if let Ok(length) = i32::try_from(data.len()) {
            let fixed = MsgHeader { length, ..header };
            if let Ok(message) = decode(&fixed, body) {
                exercise(&message, &fixed);
            }
        }
    }
    let _ = decode_frame(data, MAX);
    // And as a whole frame with the length field patched to the input's length.
    if data.len() >= HEADER_LEN {
        if let Ok(length) = i32::try_from(data.len()) {
            let mut patched = data.to_vec();
            patched[..4].copy_from_slice(&length.to_le_bytes());
            if let Ok((header, message)) = decode_frame(&patched, MAX) {
                exercise(&message, &header);
            }
        }
    }
});
