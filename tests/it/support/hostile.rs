//! A loopback server that misbehaves on purpose, to check that `mongotls check` reports a
//! hostile or broken endpoint as a finding of that member — never a hang, a panic or a crash.
//!
//! [`HostileServer::start`] binds `127.0.0.1:0` (never anything else), generates a throwaway CA
//! and a `localhost` certificate with rcgen (the CA is written to `ca.pem` in a temporary
//! directory, for `--ca`), and serves every connection with one [`Behaviour`] on the caller's
//! tokio runtime. Dropping the server aborts the accept loop and, with it, every connection
//! task (they live in a `JoinSet` owned by the loop), and removes the temporary directory.
//!
//! Behaviours before TLS ([`Behaviour::Silent`] … [`Behaviour::Reset`]) treat every connection
//! alike: the TLS probe and the plaintext probe see the same thing.
//!
//! Behaviours after TLS ([`Behaviour::TwoGibHeader`] … [`Behaviour::Hello`]) look at the first
//! byte of a connection, as mongod does: a TLS handshake record (`0x16`) gets a real rustls
//! handshake, then the wire behaviour on the TLS stream; anything else (a plaintext `hello`)
//! gets **the same wire behaviour in plaintext**. So the plaintext probe meets the same
//! hostile reply as the TLS `hello`, and is exercised against it too.

// Not every test binary that includes `support` uses this fixture, and a fixture that cannot
// be built should fail the test loudly.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bson::{doc, Document};
use mongotls::wire::{
    self, encode_op_msg_reply, encode_op_reply, Message, MsgHeader, DEFAULT_MAX_MESSAGE_BYTES,
};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose, SanType,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};
use tokio_rustls::TlsAcceptor;

/// First byte of a TLS handshake record (a ClientHello).
const TLS_HANDSHAKE_RECORD: u8 = 0x16;

/// The start of a plausible TLS 1.2 ServerHello record: record header (handshake, TLS 1.2,
/// 122 bytes), handshake header (ServerHello, 118 bytes), server version, then "random" bytes.
const SERVER_HELLO_PREFIX: [u8; 43] = [
    0x16, 0x03, 0x03, 0x00, 0x7a, // record: handshake, TLS 1.2, length 122
    0x02, 0x00, 0x00, 0x76, // ServerHello, length 118
    0x03, 0x03, // server_version TLS 1.2
    0x5a, 0x1e, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8,
    0x09, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7,
    0xf8, // random (32 bytes)
];

/// A TLS alert record: fatal (2) handshake_failure (40).
pub const HANDSHAKE_FAILURE_ALERT: [u8; 7] = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28];

/// What an HTTP server answers to bytes it cannot parse.
pub const HTTP_400: &[u8] = b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n\
Content-Length: 11\r\nConnection: close\r\n\r\nBad Request";

/// Bytes that are neither TLS nor MongoDB (the first is no TLS content type).
pub const GARBAGE: &[u8] = b"\x7f\xfe\x00\x13garbage, not TLS \xde\xad\xbe\xef\x01\x02\x03\x04";

/// Declared length of [`Behaviour::TwoGibHeader`]'s reply: the largest int32, 2 GiB − 1 (a
/// message length is an int32, so 2 GiB itself cannot be declared).
pub const TWO_GIB_DECLARED: i32 = i32::MAX;

/// How long a connection may wait for its first bytes, or for a handshake.
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest a connection is held open (silent, draining) before the server lets it go.
const HOLD_LIMIT: Duration = Duration::from_secs(120);

/// How the server misbehaves, for every connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Behaviour {
    /// Accepts TCP, reads whatever arrives, never writes a byte.
    Silent,
    /// After the ClientHello, sends the start of a ServerHello one byte a second, then stays
    /// silent.
    Trickle,
    /// Answers the ClientHello with [`GARBAGE`].
    Garbage,
    /// Answers the ClientHello with [`HTTP_400`].
    Http400,
    /// Answers the ClientHello with [`HANDSHAKE_FAILURE_ALERT`].
    Alert,
    /// Reads the ClientHello, sends the first bytes of a ServerHello, then resets the
    /// connection (`SO_LINGER` 0, then close: a TCP RST).
    Reset,
    /// Completes TLS, then answers the first message with a bare header declaring
    /// [`TWO_GIB_DECLARED`] bytes (and nothing after it).
    TwoGibHeader,
    /// Completes TLS, then answers the first message with the header and half the body of a
    /// valid `hello` reply, and closes (TLS close_notify, then FIN).
    TruncatedFrame,
    /// Completes TLS, then answers the first message with a well-framed OP_REPLY whose
    /// document is not valid BSON (a string that claims to be ~2 GiB long).
    MalformedBson,
    /// Completes TLS, then answers the first message with a valid `hello` whose `responseTo`
    /// is not the request's id.
    WrongResponseTo,
    /// Completes TLS and answers like a healthy primary (`hello`, `ping`, `buildInfo`, on as
    /// many messages as come), with `hosts` = its own `localhost:PORT` followed by these.
    Hello {
        /// The other members the `hello` names.
        hosts: Vec<String>,
    },
}

impl Behaviour {
    /// Whether this behaviour completes the TLS handshake.
    pub fn completes_tls(&self) -> bool {
        matches!(
            self,
            Behaviour::TwoGibHeader
                | Behaviour::TruncatedFrame
                | Behaviour::MalformedBson
                | Behaviour::WrongResponseTo
                | Behaviour::Hello { .. }
        )
    }
}

/// A running hostile server. Stops on drop.
#[derive(Debug)]
pub struct HostileServer {
    addr: SocketAddr,
    ca_pem: String,
    ca_file: PathBuf,
    _dir: tempfile::TempDir,
    task: JoinHandle<()>,
}

impl HostileServer {
    /// Binds `127.0.0.1:0`, makes the PKI, writes the CA file and starts serving `behaviour`
    /// on the current tokio runtime.
    pub async fn start(behaviour: Behaviour) -> io::Result<HostileServer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let pki = Pki::generate();
        let dir = tempfile::tempdir()?;
        let ca_file = dir.path().join("ca.pem");
        std::fs::write(&ca_file, &pki.ca_pem)?;
        let shared = Arc::new(Shared {
            behaviour,
            name: format!("localhost:{}", addr.port()),
            tls: TlsAcceptor::from(pki.server_config),
        });
        let task = tokio::spawn(accept_loop(listener, shared));
        Ok(HostileServer {
            addr,
            ca_pem: pki.ca_pem,
            ca_file,
            _dir: dir,
            task,
        })
    }

    /// The port the server listens on (on 127.0.0.1).
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `localhost:PORT`: the name its certificate covers and its `hello` uses.
    pub fn address(&self) -> String {
        format!("localhost:{}", self.port())
    }

    /// `mongodb://localhost:PORT/?tls=true`.
    pub fn uri(&self) -> String {
        format!("mongodb://{}/?tls=true", self.address())
    }

    /// The CA file that verifies the server's certificate.
    pub fn ca_file(&self) -> &Path {
        &self.ca_file
    }

    /// The CA certificate, PEM (to combine with another CA file).
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }
}

impl Drop for HostileServer {
    fn drop(&mut self) {
        // The loop owns the connection tasks' JoinSet: aborting it aborts them all.
        self.task.abort();
    }
}

/// A local port nothing listens on (bound on 127.0.0.1, then released).
pub fn dead_port() -> u16 {
    let l = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind 127.0.0.1:0");
    l.local_addr().expect("local address").port()
}

struct Shared {
    behaviour: Behaviour,
    name: String,
    tls: TlsAcceptor,
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let shared = shared.clone();
                    connections.spawn(async move {
                        let _ = tokio::time::timeout(HOLD_LIMIT, serve(stream, &shared)).await;
                    });
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
            // Reap finished connections so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_nodelay(true);
    match &shared.behaviour {
        Behaviour::Silent => drain(&mut stream).await,
        Behaviour::Trickle => {
            if !read_some(&mut stream).await {
                return;
            }
            for byte in SERVER_HELLO_PREFIX {
                if stream.write_all(&[byte]).await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            drain(&mut stream).await;
        }
        Behaviour::Garbage => answer_then_drain(stream, GARBAGE).await,
        Behaviour::Http400 => answer_then_drain(stream, HTTP_400).await,
        Behaviour::Alert => answer_then_drain(stream, &HANDSHAKE_FAILURE_ALERT).await,
        Behaviour::Reset => {
            if !read_some(&mut stream).await {
                return;
            }
            let _ = stream.write_all(&SERVER_HELLO_PREFIX[..9]).await;
            let _ = stream.set_zero_linger();
            drop(stream); // RST
        }
        _ => {
            let mut first = [0u8; 1];
            let peeked = tokio::time::timeout(CONNECTION_TIMEOUT, stream.peek(&mut first)).await;
            if !matches!(peeked, Ok(Ok(1))) {
                return;
            }
            if first[0] == TLS_HANDSHAKE_RECORD {
                let accepted =
                    tokio::time::timeout(CONNECTION_TIMEOUT, shared.tls.accept(stream)).await;
                if let Ok(Ok(mut tls)) = accepted {
                    wire_behaviour(&mut tls, shared).await;
                }
            } else {
                wire_behaviour(&mut stream, shared).await;
            }
        }
    }
}

/// Waits for the first bytes (the ClientHello, or a plaintext request); false on EOF/error.
async fn read_some(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 4096];
    matches!(
        tokio::time::timeout(CONNECTION_TIMEOUT, stream.read(&mut buf)).await,
        Ok(Ok(n)) if n > 0
    )
}

/// Reads and discards until the peer closes (or errors); never writes.
async fn drain<S: AsyncRead + Unpin>(stream: &mut S) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buf).await {
        if n == 0 {
            break;
        }
    }
}

async fn answer_then_drain(mut stream: TcpStream, answer: &[u8]) {
    if !read_some(&mut stream).await {
        return;
    }
    if stream.write_all(answer).await.is_ok() {
        drain(&mut stream).await;
    }
}

/// The behaviours after TLS (or in plaintext): read a request, answer it the hostile way.
async fn wire_behaviour<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, shared: &Shared) {
    loop {
        let Ok(Ok((header, body))) = tokio::time::timeout(
            CONNECTION_TIMEOUT,
            wire::read_message(stream, DEFAULT_MAX_MESSAGE_BYTES),
        )
        .await
        else {
            return;
        };
        let request = wire::decode(&header, &body).ok();
        let legacy = matches!(request, Some(Message::Query { .. }));
        let reply = |doc: &Document, response_to: i32| -> Vec<u8> {
            if legacy {
                encode_op_reply(1000, response_to, std::slice::from_ref(doc)).unwrap()
            } else {
                encode_op_msg_reply(1000, response_to, doc).unwrap()
            }
        };
        let hello = hello_reply(shared);
        match &shared.behaviour {
            Behaviour::TwoGibHeader => {
                let h = MsgHeader {
                    length: TWO_GIB_DECLARED,
                    request_id: 1000,
                    response_to: header.request_id,
                    op_code: wire::OpCode::Reply,
                };
                if stream.write_all(&h.encode()).await.is_ok() {
                    let _ = stream.flush().await;
                    drain(stream).await;
                }
                return;
            }
            Behaviour::TruncatedFrame => {
                let full = reply(&hello, header.request_id);
                let cut = 16 + (full.len() - 16) / 2;
                let _ = stream.write_all(&full[..cut]).await;
                let _ = stream.flush().await;
                let _ = stream.shutdown().await;
                return;
            }
            Behaviour::MalformedBson => {
                let _ = stream
                    .write_all(&malformed_bson_reply(header.request_id))
                    .await;
                let _ = stream.flush().await;
                drain(stream).await;
                return;
            }
            Behaviour::WrongResponseTo => {
                let _ = stream
                    .write_all(&reply(&hello, header.request_id.wrapping_add(1000)))
                    .await;
                let _ = stream.flush().await;
                drain(stream).await;
                return;
            }
            Behaviour::Hello { .. } => {
                let name = request.as_ref().and_then(Message::command_name);
                let answer = match name {
                    Some(n)
                        if n.eq_ignore_ascii_case("hello")
                            || n.eq_ignore_ascii_case("isMaster") =>
                    {
                        hello
                    }
                    Some("ping") => doc! { "ok": 1.0 },
                    Some("buildInfo" | "buildinfo") => {
                        doc! { "version": "7.0.14-hostile", "ok": 1.0 }
                    }
                    _ => {
                        doc! { "ok": 0.0, "errmsg": "no such command", "code": 59, "codeName": "CommandNotFound" }
                    }
                };
                if stream
                    .write_all(&reply(&answer, header.request_id))
                    .await
                    .is_err()
                    || stream.flush().await.is_err()
                {
                    return;
                }
            }
            _ => return,
        }
    }
}

fn hello_reply(shared: &Shared) -> Document {
    let mut hosts = vec![shared.name.clone()];
    if let Behaviour::Hello { hosts: others } = &shared.behaviour {
        hosts.extend(others.iter().cloned());
    }
    doc! {
        "helloOk": true,
        "ismaster": true,
        "isWritablePrimary": true,
        "secondary": false,
        "setName": "hostile",
        "setVersion": 1,
        "me": shared.name.clone(),
        "primary": shared.name.clone(),
        "hosts": hosts,
        "maxBsonObjectSize": 16_777_216,
        "maxMessageSizeBytes": 48_000_000,
        "maxWriteBatchSize": 100_000,
        "localTime": bson::DateTime::now(),
        "minWireVersion": 0,
        "maxWireVersion": 21,
        "readOnly": false,
        "ok": 1.0,
    }
}

/// A well-framed OP_REPLY (numberReturned 1) whose single document is 16 bytes as declared,
/// but holds a string element claiming 0x7fffff00 bytes.
fn malformed_bson_reply(response_to: i32) -> Vec<u8> {
    let mut document = Vec::new();
    document.extend_from_slice(&16i32.to_le_bytes());
    document.push(0x02); // string
    document.extend_from_slice(b"ok\0");
    document.extend_from_slice(&0x7fff_ff00i32.to_le_bytes());
    document.extend_from_slice(b"ab\0");
    document.push(0x00);
    assert_eq!(document.len(), 16);
    let mut body = Vec::new();
    body.extend_from_slice(&0i32.to_le_bytes()); // responseFlags
    body.extend_from_slice(&0i64.to_le_bytes()); // cursorID
    body.extend_from_slice(&0i32.to_le_bytes()); // startingFrom
    body.extend_from_slice(&1i32.to_le_bytes()); // numberReturned
    body.extend_from_slice(&document);
    let header = MsgHeader {
        length: i32::try_from(16 + body.len()).unwrap(),
        request_id: 1000,
        response_to,
        op_code: wire::OpCode::Reply,
    };
    let mut out = header.encode().to_vec();
    out.extend_from_slice(&body);
    out
}

/// A root CA and a `localhost` leaf (DNS:localhost, IP:127.0.0.1) it signs.
struct Pki {
    ca_pem: String,
    server_config: Arc<rustls::ServerConfig>,
}

impl Pki {
    fn generate() -> Pki {
        let ca_key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::default();
        ca.distinguished_name
            .push(DnType::CommonName, "mongotls hostile test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let now = time::OffsetDateTime::now_utc();
        ca.not_before = now - time::Duration::days(1);
        ca.not_after = now + time::Duration::days(3650);
        let ca_cert = ca.self_signed(&ca_key).unwrap();

        let leaf_key = KeyPair::generate().unwrap();
        let mut leaf = CertificateParams::default();
        leaf.distinguished_name
            .push(DnType::CommonName, "localhost");
        leaf.subject_alt_names = vec![
            SanType::DnsName("localhost".try_into().unwrap()),
            SanType::IpAddress(Ipv4Addr::LOCALHOST.into()),
        ];
        leaf.is_ca = IsCa::ExplicitNoCa;
        leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        leaf.use_authority_key_identifier_extension = true;
        leaf.not_before = now - time::Duration::days(1);
        leaf.not_after = now + time::Duration::days(365);
        let leaf_cert = leaf.signed_by(&leaf_key, &ca_cert, &ca_key).unwrap();

        let chain: Vec<CertificateDer<'static>> = vec![leaf_cert.der().clone()];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
        let server_config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .unwrap();
        Pki {
            ca_pem: ca_cert.pem(),
            server_config: Arc::new(server_config),
        }
    }
}
