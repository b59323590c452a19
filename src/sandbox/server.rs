//! One sandbox member on the network: the accept loop, TLS-or-plaintext detection on the first
//! byte, the member's TLS mode, and the request/reply loop over either transport.

use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rustls::ServerConfig;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

use rustls::pki_types::CertificateDer;
use rustls::server::WebPkiClientVerifier;
use rustls::RootCertStore;

use super::auth::{self, ClientAuth, Session, Users};
use super::commands::{self, MemberInfo, Protocol, Request};
use super::pki::MemberIdentity;
use super::{SandboxError, TlsMode};
use crate::wire::{self, DEFAULT_MAX_MESSAGE_BYTES};

/// The first byte of a TLS record carrying a handshake message (the ClientHello).
const TLS_HANDSHAKE_RECORD: u8 = 0x16;
/// How long a new connection may stay silent before its first byte.
const FIRST_BYTE_TIMEOUT: Duration = Duration::from_secs(10);
/// Bound of the TLS handshake (after the optional configured delay).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a connection may stay idle between requests (driver pools keep connections
/// open; abandoned ones end after this).
const IDLE_TIMEOUT: Duration = Duration::from_secs(600);
/// Bound of writing one reply (a client that stops reading).
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a refused connection's first bytes are read before it is closed.
const REFUSE_DRAIN_TIMEOUT: Duration = Duration::from_secs(1);
/// Pause after a failed `accept` (e.g. out of file descriptors), so the loop does not spin.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(50);

/// A member: what it says about itself, and how it treats connections.
pub(crate) struct Member {
    info: MemberInfo,
    mode: TlsMode,
    tls: TlsAcceptor,
    handshake_delay: Option<Duration>,
    /// Its users; authentication is on when there is one.
    users: Users,
    /// Source of `connectionId`.
    connections: AtomicI64,
    /// Source of the replies' `requestID`.
    request_ids: AtomicI32,
}

impl Member {
    pub(crate) fn new(
        info: MemberInfo,
        mode: TlsMode,
        tls: Arc<ServerConfig>,
        handshake_delay: Option<Duration>,
        users: Users,
    ) -> Member {
        Member {
            info,
            mode,
            tls: TlsAcceptor::from(tls),
            handshake_delay,
            users,
            connections: AtomicI64::new(0),
            request_ids: AtomicI32::new(0),
        }
    }

    fn next_request_id(&self) -> i32 {
        // Wraps after 2^31 replies, which is harmless: clients match on responseTo.
        self.request_ids
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_add(1)
    }
}

/// The rustls configuration a member serves with: its chain and key, ring provider, TLS 1.2
/// and 1.3, and for [`ClientAuth::Optional`] / [`ClientAuth::Required`] a client certificate
/// verifier whose only root is `client_ca`.
pub(crate) fn tls_config(
    member: usize,
    identity: MemberIdentity,
    client_auth: ClientAuth,
    client_ca: &CertificateDer<'static>,
) -> Result<Arc<ServerConfig>, SandboxError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|source| SandboxError::TlsConfig { member, source })?;
    let builder = match client_auth {
        ClientAuth::None => builder.with_no_client_auth(),
        ClientAuth::Optional | ClientAuth::Required => {
            let mut roots = RootCertStore::empty();
            roots
                .add(client_ca.clone())
                .map_err(|source| SandboxError::TlsConfig { member, source })?;
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider);
            let verifier = if client_auth == ClientAuth::Optional {
                verifier.allow_unauthenticated()
            } else {
                verifier
            };
            let verifier = verifier
                .build()
                .map_err(|source| SandboxError::ClientVerifier { member, source })?;
            builder.with_client_cert_verifier(verifier)
        }
    };
    let config = builder
        .with_single_cert(identity.chain, identity.key)
        .map_err(|source| SandboxError::TlsConfig { member, source })?;
    Ok(Arc::new(config))
}

/// The RFC 2253 subject of the (verified) client certificate of `tls`, if one was presented.
fn peer_subject(tls: &tokio_rustls::server::TlsStream<TcpStream>) -> Option<String> {
    let leaf = tls.get_ref().1.peer_certificates()?.first()?;
    let (_, cert) = x509_parser::parse_x509_certificate(leaf.as_ref()).ok()?;
    Some(crate::pki::dn::rfc2253(cert.subject()))
}

/// Accepts connections until `shutdown` turns true (or its sender is gone), then closes the
/// listener, aborts every connection task and waits for them.
pub(crate) async fn accept_loop(
    listener: TcpListener,
    member: Arc<Member>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut connections = JoinSet::new();
    // Each connection watches its own receiver (the loop's is borrowed by `select!`).
    let for_connections = shutdown.clone();
    loop {
        tokio::select! {
            () = stopped(&mut shutdown) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    connections.spawn(serve_connection(
                        stream,
                        Arc::clone(&member),
                        for_connections.clone(),
                    ));
                }
                Err(_) => tokio::time::sleep(ACCEPT_ERROR_PAUSE).await,
            },
            // Reap finished connections so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    connections.shutdown().await;
}

/// Resolves when the sandbox stops: `true` was sent, or the sender is gone. (The watch guard
/// is dropped here, so callers' futures stay `Send`.)
async fn stopped(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

/// One connection, start to end. Every error ends this connection only.
async fn serve_connection(stream: TcpStream, member: Arc<Member>, shutdown: watch::Receiver<bool>) {
    let mut first = [0u8; 1];
    match tokio::time::timeout(FIRST_BYTE_TIMEOUT, stream.peek(&mut first)).await {
        Ok(Ok(1..)) => {}
        // EOF, an error, or silence: nothing to serve.
        _ => return,
    }
    let connection_id = member.connections.fetch_add(1, Ordering::Relaxed) + 1;
    if first[0] == TLS_HANDSHAKE_RECORD {
        if !member.mode.accepts_tls() {
            // mongod without TLS: it cannot parse the ClientHello and closes without a word.
            return refuse(stream).await;
        }
        if let Some(delay) = member.handshake_delay {
            tokio::time::sleep(delay).await;
        }
        let accepted = tokio::time::timeout(HANDSHAKE_TIMEOUT, member.tls.accept(stream)).await;
        let Ok(Ok(tls)) = accepted else {
            return;
        };
        let session = Session::new(peer_subject(&tls));
        serve(tls, &member, connection_id, session, shutdown).await;
    } else {
        if !member.mode.accepts_plaintext() {
            // requireTLS: mongod logs that it only allows TLS and closes.
            return refuse(stream).await;
        }
        serve(stream, &member, connection_id, Session::default(), shutdown).await;
    }
}

/// Closes a refused connection after reading what the client sent first, so the client sees
/// the connection closed (EOF) rather than a reset for unread data where possible.
async fn refuse(mut stream: TcpStream) {
    let mut sink = [0u8; 4096];
    let _ = tokio::time::timeout(REFUSE_DRAIN_TIMEOUT, stream.read(&mut sink)).await;
    let _ = tokio::time::timeout(REFUSE_DRAIN_TIMEOUT, stream.shutdown()).await;
}

/// The request/reply loop over an established transport.
async fn serve<S>(
    mut stream: S,
    member: &Member,
    connection_id: i64,
    mut session: Session,
    mut shutdown: watch::Receiver<bool>,
) where
    S: AsyncRead + AsyncWrite + Unpin,
{
    loop {
        let read = tokio::time::timeout(
            IDLE_TIMEOUT,
            wire::read_message(&mut stream, DEFAULT_MAX_MESSAGE_BYTES),
        )
        .await;
        let Ok(Ok((header, body))) = read else {
            // Idle too long, closed by the client, or a frame over the cap.
            break;
        };
        // A message that does not decode (or OP_COMPRESSED, which is never advertised) ends
        // the connection, as mongod does.
        let Ok(message) = wire::decode(&header, &body) else {
            break;
        };
        let Some(request) = Request::from_message(&message) else {
            break;
        };
        if let Some(wait) = commands::await_time(&request, &member.info) {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                () = stopped(&mut shutdown) => break,
            }
        }
        let reply = auth::respond(
            &request,
            &member.info,
            &member.users,
            &mut session,
            connection_id,
            bson::DateTime::now(),
        );
        if !request.reply_expected {
            continue;
        }
        let request_id = member.next_request_id();
        let encoded = match request.protocol {
            Protocol::OpQuery => wire::encode_op_reply(request_id, header.request_id, &[reply]),
            Protocol::OpMsg => wire::encode_op_msg_reply(request_id, header.request_id, &reply),
        };
        let Ok(encoded) = encoded else {
            break;
        };
        let written =
            tokio::time::timeout(WRITE_TIMEOUT, wire::write_message(&mut stream, &encoded)).await;
        if !matches!(written, Ok(Ok(()))) {
            break;
        }
    }
    // Best effort: a TLS close_notify, then FIN.
    let _ = tokio::time::timeout(REFUSE_DRAIN_TIMEOUT, stream.shutdown()).await;
}
