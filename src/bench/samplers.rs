//! The single samples `bench` takes — one connection set-up or one command round trip, timed —
//! the connections they run on, and the process CPU time they use.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bson::{doc, Document};
use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use super::{SampleError, Transport};
use crate::duration::as_ms;
use crate::net;
use crate::wire::hello::hello_command;
use crate::wire::io::run_command_within;

/// One timed sample in milliseconds, or why it failed.
pub(super) type Sample = Result<f64, SampleError>;

/// A MongoDB connection, plaintext or TLS.
pub(super) trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<S: AsyncRead + AsyncWrite + Unpin + Send> Stream for S {}

/// Where and how one member is reached: its plaintext and TLS addresses, the TLS
/// configuration of full handshakes, and the bounds of each connection.
pub(super) struct Dialer {
    /// Where plaintext samples go.
    pub(super) plain: SocketAddr,
    /// Where TLS samples go.
    pub(super) tls: SocketAddr,
    /// Client configuration without resumption: every handshake is full.
    pub(super) full: Arc<rustls::ClientConfig>,
    /// SNI / certificate name.
    pub(super) name: ServerName<'static>,
    /// Bound of each network phase.
    pub(super) timeout: Duration,
    /// Cap on a reply's declared length.
    pub(super) max: usize,
}

impl Dialer {
    /// A connection that has said hello, ready for commands.
    pub(super) async fn open(&self, transport: Transport) -> Result<Box<dyn Stream>, SampleError> {
        match transport {
            Transport::Plain => connect_plain_mongo(self.plain, self.timeout, self.max).await,
            Transport::Tls => {
                connect_tls(
                    self.tls,
                    self.full.clone(),
                    self.name.clone(),
                    self.timeout,
                    self.max,
                )
                .await
            }
        }
    }
}

/// `ping`, carrying a `comment` of `payload` bytes when `payload` is not zero.
pub(super) fn ping_doc(payload: usize) -> Document {
    if payload == 0 {
        doc! { "ping": 1, "$db": "admin" }
    } else {
        // `comment` is accepted by every command since MongoDB 4.4 and is not stored: the
        // bytes cross the network and nothing is written.
        doc! { "ping": 1, "comment": "x".repeat(payload), "$db": "admin" }
    }
}

/// One timed command on a shared warm connection.
pub(super) async fn run_on(
    conn: &tokio::sync::Mutex<Box<dyn Stream>>,
    request_id: &AtomicI32,
    command: &Document,
    t: Duration,
    max: usize,
) -> Sample {
    let id = request_id.fetch_add(1, Ordering::Relaxed);
    let mut c = conn.lock().await;
    timed_command(&mut **c, id, command, t, max).await
}

async fn tcp(addr: SocketAddr, t: Duration) -> Result<TcpStream, SampleError> {
    Ok(net::connect_tcp(&[addr], t).await.map(|c| c.stream)?)
}

/// One `connect_full` plaintext sample: TCP connect, in milliseconds.
pub(super) async fn tcp_only(addr: SocketAddr, t: Duration) -> Sample {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let elapsed = start.elapsed();
    drop(s);
    Ok(as_ms(elapsed))
}

/// One `connect_full` TLS sample: TCP connect + full TLS handshake, in milliseconds. Public so
/// that `benches/overhead.rs` can measure what this measurement itself adds.
pub async fn tls_only(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
) -> Sample {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let (stream, _) = net::tls_connect(config, s, name, t).await?;
    let elapsed = start.elapsed();
    drop(stream);
    Ok(as_ms(elapsed))
}

/// TCP + TLS (resumed when the cache has a ticket); then one hello, untimed, so that the
/// server's new session tickets arrive for the next connection.
pub(super) async fn tls_resumed(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
    max: usize,
) -> Result<(f64, bool), SampleError> {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let (mut stream, info) = net::tls_connect(config, s, name, t).await?;
    let elapsed = start.elapsed();
    let _ = timed_command(&mut stream, 1, &hello_command(None, false), t, max).await;
    Ok((as_ms(elapsed), info.resumed))
}

/// One `connect_hello` plaintext sample: TCP connect + the driver's hello.
pub(super) async fn plain_hello(addr: SocketAddr, t: Duration, max: usize) -> Sample {
    let start = Instant::now();
    let mut s = tcp(addr, t).await?;
    handshake(&mut s, t, max).await?;
    Ok(as_ms(start.elapsed()))
}

/// One `connect_hello` TLS sample: TCP connect + full TLS handshake + the driver's hello.
pub(super) async fn tls_hello(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
    max: usize,
) -> Sample {
    let start = Instant::now();
    let s = tcp(addr, t).await?;
    let (mut stream, _) = net::tls_connect(config, s, name, t).await?;
    handshake(&mut stream, t, max).await?;
    Ok(as_ms(start.elapsed()))
}

/// The driver's opening `isMaster` over OP_QUERY.
async fn handshake<S: AsyncRead + AsyncWrite + Unpin + ?Sized>(
    s: &mut S,
    t: Duration,
    max: usize,
) -> Result<(), SampleError> {
    run_command_within(s, 1, &hello_command(None, true), true, max, t).await?;
    Ok(())
}

async fn connect_tls(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
    max: usize,
) -> Result<Box<dyn Stream>, SampleError> {
    let s = tcp(addr, t).await?;
    let (mut stream, _) = net::tls_connect(config, s, name, t).await?;
    handshake(&mut stream, t, max).await?;
    Ok(Box::new(stream))
}

async fn connect_plain_mongo(
    addr: SocketAddr,
    t: Duration,
    max: usize,
) -> Result<Box<dyn Stream>, SampleError> {
    let mut s = tcp(addr, t).await?;
    handshake(&mut s, t, max).await?;
    Ok(Box::new(s))
}

/// One command round trip, in milliseconds.
pub(super) async fn timed_command<S: AsyncRead + AsyncWrite + Unpin + ?Sized>(
    s: &mut S,
    id: i32,
    command: &Document,
    t: Duration,
    max: usize,
) -> Sample {
    let start = Instant::now();
    run_command_within(s, id, command, false, max, t).await?;
    Ok(as_ms(start.elapsed()))
}

/// Runs a sample and adds the process CPU time it used to `acc` (nanoseconds). Samples run
/// one at a time, so the process's CPU time during a sample is the sample's (the runtime's
/// idle workers use next to nothing).
pub(super) async fn with_cpu<F: std::future::Future<Output = Sample>>(
    acc: &AtomicU64,
    sample: F,
) -> Sample {
    let before = cpu_time();
    let result = sample.await;
    if let (Some(a), Some(b)) = (before, cpu_time()) {
        let used = u64::try_from(b.saturating_sub(a).as_nanos()).unwrap_or(u64::MAX);
        acc.fetch_add(used, Ordering::Relaxed);
    }
    result
}

/// Process CPU time (user + system) so far.
#[cfg(unix)]
pub(super) fn cpu_time() -> Option<Duration> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a complete rusage into the pointer on success (return 0);
    // we read it only then.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: rc == 0, so the struct was initialised.
    let usage = unsafe { usage.assume_init() };
    let tv = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    Some(tv(usage.ru_utime) + tv(usage.ru_stime))
}

#[cfg(not(unix))]
pub(super) fn cpu_time() -> Option<Duration> {
    None
}
