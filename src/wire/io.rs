//! Async framing: read one size-capped message from a stream, write one, and run a command
//! round trip. No timeouts here: callers wrap each phase in `tokio::time::timeout`.

use bson::Document;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::header::{parse_header, MsgHeader, HEADER_LEN};
use super::message::{encode_command, reply_document};
use super::{
    WireError, DURING_READING_BODY, DURING_READING_HEADER, DURING_SENDING, PART_MESSAGE,
    PART_MESSAGE_HEADER,
};

/// Initial buffer for a body: grown as bytes actually arrive, so a peer that declares a large
/// message and then stalls costs memory only for what it sent.
const INITIAL_BODY_CAPACITY: usize = 64 * 1024;

/// Reads one message: the 16-byte header, validated against `max_len` before anything else
/// is read or allocated, then exactly `length - 16` body bytes.
///
/// Returns the header and the body (pass both to [`decode`](super::message::decode)). EOF
/// before the message is complete is [`WireError::ConnectionClosed`] with the byte counts;
/// EOF before its first byte is the same error with `received == 0`
/// ([`WireError::is_clean_close`]).
pub async fn read_message<R>(r: &mut R, max_len: usize) -> Result<(MsgHeader, Vec<u8>), WireError>
where
    R: AsyncRead + Unpin + ?Sized,
{
    let mut head = [0u8; HEADER_LEN];
    let mut filled = 0;
    while let Some(dst) = head.get_mut(filled..).filter(|d| !d.is_empty()) {
        let n = match r.read(dst).await {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(WireError::Io {
                    during: DURING_READING_HEADER,
                    source,
                })
            }
        };
        if n == 0 {
            return Err(WireError::ConnectionClosed {
                received: filled,
                expected: HEADER_LEN,
                part: PART_MESSAGE_HEADER,
            });
        }
        filled += n;
    }

    let header = parse_header(&head, max_len)?;
    let body_len = header.body_len()?;
    let mut body = Vec::with_capacity(body_len.min(INITIAL_BODY_CAPACITY));
    let limit = u64::try_from(body_len).unwrap_or(u64::MAX);
    let got = (&mut *r)
        .take(limit)
        .read_to_end(&mut body)
        .await
        .map_err(|source| WireError::Io {
            during: DURING_READING_BODY,
            source,
        })?;
    if got < body_len {
        return Err(WireError::ConnectionClosed {
            received: HEADER_LEN.saturating_add(got),
            expected: HEADER_LEN.saturating_add(body_len),
            part: PART_MESSAGE,
        });
    }
    Ok((header, body))
}

/// Writes one encoded message and flushes.
pub async fn write_message<W>(w: &mut W, message: &[u8]) -> Result<(), WireError>
where
    W: AsyncWrite + Unpin + ?Sized,
{
    let io = |source| WireError::Io {
        during: DURING_SENDING,
        source,
    };
    w.write_all(message).await.map_err(io)?;
    w.flush().await.map_err(io)
}

/// One command round trip: sends `command` as OP_MSG (or, with `legacy_op_query`, as OP_QUERY
/// on `<$db>.$cmd`; see [`encode_command`]), reads one reply of at most `max_len` bytes,
/// checks that it answers `request_id`, and returns its document (the OP_MSG body or the first
/// OP_REPLY document).
///
/// A reply with `ok: 0` is [`WireError::CommandFailed`]: a failed `ping` is a failure.
pub async fn run_command<S>(
    stream: &mut S,
    request_id: i32,
    command: &Document,
    legacy_op_query: bool,
    max_len: usize,
) -> Result<Document, WireError>
where
    S: AsyncRead + AsyncWrite + Unpin + ?Sized,
{
    let request = encode_command(request_id, command, legacy_op_query)?;
    write_message(stream, &request).await?;
    let (header, body) = read_message(stream, max_len).await?;
    reply_document(request_id, &header, &body)
}

/// Why a command round trip bounded by a timeout failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum CommandError {
    /// No reply came within the timeout.
    Timeout(std::time::Duration),
    /// The reply (or sending the command) failed.
    Wire(WireError),
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommandError::Timeout(d) => f.write_str(&crate::tr!(
                "uri-wire-no-reply-within",
                duration = crate::duration::format_duration(*d)
            )),
            CommandError::Wire(e) => e.fmt(f),
        }
    }
}

/// As `#[error(transparent)]`: the source is the wire error's own.
impl std::error::Error for CommandError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CommandError::Timeout(_) => None,
            CommandError::Wire(e) => std::error::Error::source(e),
        }
    }
}

impl From<WireError> for CommandError {
    fn from(e: WireError) -> Self {
        CommandError::Wire(e)
    }
}

/// [`run_command`] bounded by `timeout`: the one command round trip every probe and
/// benchmark sample uses.
pub async fn run_command_within<S>(
    stream: &mut S,
    request_id: i32,
    command: &Document,
    legacy_op_query: bool,
    max_len: usize,
    timeout: std::time::Duration,
) -> Result<Document, CommandError>
where
    S: AsyncRead + AsyncWrite + Unpin + ?Sized,
{
    match tokio::time::timeout(
        timeout,
        run_command(stream, request_id, command, legacy_op_query, max_len),
    )
    .await
    {
        Err(_) => Err(CommandError::Timeout(timeout)),
        Ok(result) => Ok(result?),
    }
}

#[cfg(test)]
mod tests {
    use super::super::header::{OpCode, DEFAULT_MAX_MESSAGE_BYTES};
    use super::super::hello::{hello_command, parse_hello, ping_command};
    use super::super::message::{decode, encode_op_msg_reply, encode_op_reply, Message};
    use super::*;
    use bson::doc;
    use tokio::io::duplex;

    fn header_bytes(length: i32, op: i32) -> Vec<u8> {
        [length, 1, 0, op]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect()
    }

    #[tokio::test]
    async fn two_gib_declared_length_is_refused_without_reading_on() {
        // Only the header is available; a reader that tried to read (or allocate) the body
        // would see EOF instead of the cap error.
        let bytes = header_bytes(0x7fff_ffff, 2013);
        let err = read_message(&mut bytes.as_slice(), DEFAULT_MAX_MESSAGE_BYTES)
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            WireError::TooLarge {
                declared: 0x7fff_ffff,
                limit: DEFAULT_MAX_MESSAGE_BYTES
            }
        ));
    }

    #[tokio::test]
    async fn negative_and_short_lengths_are_refused() {
        for declared in [-16, 0, 12] {
            let bytes = header_bytes(declared, 2013);
            let err = read_message(&mut bytes.as_slice(), 1000).await.unwrap_err();
            assert!(
                matches!(err, WireError::ShorterThanHeader { declared: d } if d == declared),
                "{err}"
            );
        }
    }

    #[tokio::test]
    async fn eof_positions_are_reported() {
        let msg = encode_op_msg_reply(1, 0, &doc! { "ok": 1 }).unwrap();
        // Nothing at all: a clean close.
        let err = read_message(&mut &msg[..0], 1000).await.unwrap_err();
        assert!(err.is_clean_close(), "{err}");
        // Mid-header.
        let err = read_message(&mut &msg[..10], 1000).await.unwrap_err();
        assert_eq!(
            err.to_string(),
            "the connection closed after 10 of 16 bytes of the message header"
        );
        assert!(!err.is_clean_close());
        // Mid-body.
        let err = read_message(&mut &msg[..20], 1000).await.unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the connection closed after 20 of {} bytes of the message",
                msg.len()
            )
        );
        // Whole, with the next message's bytes following: only one frame is consumed.
        let mut two = msg.clone();
        two.extend_from_slice(&msg);
        let mut reader = two.as_slice();
        let (h, body) = read_message(&mut reader, 1000).await.unwrap();
        assert_eq!(usize::try_from(h.length).unwrap(), msg.len());
        assert_eq!(body, msg[16..]);
        assert_eq!(reader.len(), msg.len());
    }

    #[tokio::test]
    async fn a_trickling_peer_is_reassembled() {
        let msg = encode_op_msg_reply(1, 0, &doc! { "ok": 1, "pad": "x".repeat(300) }).unwrap();
        let (mut a, mut b) = duplex(7); // tiny buffer: many partial reads
        let to_send = msg.clone();
        let writer = tokio::spawn(async move { write_message(&mut b, &to_send).await });
        let (h, body) = read_message(&mut a, 1000).await.unwrap();
        writer.await.unwrap().unwrap();
        assert_eq!(h.op_code, OpCode::Msg);
        assert_eq!(body, msg[16..]);
    }

    /// A one-shot fake server: reads a request, hands it to `answer`, writes what it returns.
    fn fake_server<F>(answer: F) -> tokio::io::DuplexStream
    where
        F: FnOnce(MsgHeader, Message) -> Vec<u8> + Send + 'static,
    {
        let (client, mut server) = duplex(64 * 1024);
        tokio::spawn(async move {
            let (h, body) = read_message(&mut server, DEFAULT_MAX_MESSAGE_BYTES)
                .await
                .unwrap();
            let m = decode(&h, &body).unwrap();
            let reply = answer(h, m);
            write_message(&mut server, &reply).await.unwrap();
        });
        client
    }

    #[tokio::test]
    async fn run_command_op_msg_round_trip() {
        let mut c = fake_server(|h, m| {
            assert_eq!(m.command_name(), Some("ping"));
            assert_eq!(m.first_document().unwrap().get_str("$db").unwrap(), "admin");
            encode_op_msg_reply(100, h.request_id, &doc! { "ok": 1.0 }).unwrap()
        });
        let reply = run_command(&mut c, 2, &ping_command(), false, 1000)
            .await
            .unwrap();
        assert_eq!(reply, doc! { "ok": 1.0 });
    }

    #[tokio::test]
    async fn run_command_legacy_hello_round_trip() {
        let mut c = fake_server(|h, m| {
            let Message::Query {
                collection, limit, ..
            } = &m
            else {
                panic!("expected OP_QUERY, got {m:?}")
            };
            assert_eq!(collection, "admin.$cmd");
            assert_eq!(*limit, -1);
            assert_eq!(m.command_name(), Some("isMaster"));
            encode_op_reply(
                100,
                h.request_id,
                &[doc! {
                    "ismaster": true, "setName": "rs0", "hosts": ["a:1"],
                    "maxWireVersion": 21, "ok": 1.0
                }],
            )
            .unwrap()
        });
        let doc = run_command(&mut c, 1, &hello_command(None, true), true, 1000)
            .await
            .unwrap();
        let h = parse_hello(&doc).unwrap();
        assert!(h.is_primary());
        assert_eq!(h.max_wire_version, Some(21));
    }

    #[tokio::test]
    async fn run_command_wrong_response_to() {
        let mut c = fake_server(|h, _| {
            encode_op_msg_reply(100, h.request_id + 4, &doc! { "ok": 1 }).unwrap()
        });
        let err = run_command(&mut c, 3, &ping_command(), false, 1000)
            .await
            .unwrap_err();
        assert_eq!(err.to_string(), "responseTo 7 does not match request 3");
    }

    #[tokio::test]
    async fn run_command_ok_zero_is_command_failed() {
        let mut c = fake_server(|h, _| {
            encode_op_msg_reply(
                100,
                h.request_id,
                &doc! { "ok": 0, "errmsg": "requires authentication", "code": 13, "codeName": "Unauthorized" },
            )
            .unwrap()
        });
        let err = run_command(&mut c, 3, &ping_command(), false, 1000)
            .await
            .unwrap_err();
        assert!(
            matches!(err, WireError::CommandFailed { code: Some(13), .. }),
            "{err}"
        );
    }

    #[tokio::test]
    async fn run_command_reply_over_the_cap() {
        let mut c = fake_server(|h, _| {
            encode_op_msg_reply(
                100,
                h.request_id,
                &doc! { "ok": 1, "pad": "x".repeat(2000) },
            )
            .unwrap()
        });
        let err = run_command(&mut c, 3, &ping_command(), false, 1000)
            .await
            .unwrap_err();
        assert!(
            matches!(err, WireError::TooLarge { limit: 1000, .. }),
            "{err}"
        );
    }

    #[tokio::test]
    async fn run_command_server_hangs_up() {
        let (mut c, server) = duplex(1024);
        drop(server);
        let err = run_command(&mut c, 1, &ping_command(), false, 1000)
            .await
            .unwrap_err();
        // Either the write or the read notices, depending on timing; never a panic.
        assert!(
            matches!(
                err,
                WireError::Io { .. } | WireError::ConnectionClosed { .. }
            ),
            "{err}"
        );
    }

    #[tokio::test]
    async fn run_command_non_tls_garbage_reply() {
        // An HTTP server on the MongoDB port: "HTTP/1.1" read as a header is a huge length.
        let (mut c, mut server) = duplex(1024);
        tokio::spawn(async move {
            let _ = read_message(&mut server, 1000).await;
            let _ = write_message(&mut server, b"HTTP/1.1 400 Bad Request\r\n\r\n").await;
        });
        let err = run_command(&mut c, 1, &ping_command(), false, DEFAULT_MAX_MESSAGE_BYTES)
            .await
            .unwrap_err();
        assert!(matches!(err, WireError::TooLarge { .. }), "{err}");
    }
}
