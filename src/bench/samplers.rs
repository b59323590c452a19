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
use tokio_rustls::client::TlsStream;

use super::{SampleError, Transport};
use crate::duration::as_ms;
use crate::net::{self, TlsInfo};
use crate::wire::hello::hello_command;
use crate::wire::io::run_command_within;

/// One timed sample in milliseconds, or why it failed.
pub(super) type Sample = Result<f64, SampleError>;

/// A MongoDB connection, plaintext or TLS.
pub(super) trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<S: AsyncRead + AsyncWrite + Unpin + Send> Stream for S {}

/// Where and how one member is reached: its plaintext and TLS addresses, the two TLS
/// configurations, and the bounds of each connection. Its methods take one sample each.
pub(super) struct Dialer {
    /// Where plaintext samples go.
    pub(super) plain: SocketAddr,
    /// Where TLS samples go.
    pub(super) tls: SocketAddr,
    /// Client configuration without resumption: every handshake is full.
    pub(super) full: Arc<rustls::ClientConfig>,
    /// Client configuration with a session cache, for resumed handshakes.
    pub(super) resuming: Arc<rustls::ClientConfig>,
    /// SNI / certificate name.
    pub(super) name: ServerName<'static>,
    /// Bound of each network phase.
    pub(super) timeout: Duration,
    /// Cap on a reply's declared length.
    pub(super) max: usize,
}

impl Dialer {
    /// One `connect_full` plaintext sample: TCP connect, in milliseconds.
    pub(super) async fn tcp_only(&self) -> Sample {
        let start = Instant::now();
        let s = tcp(self.plain, self.timeout).await?;
        let elapsed = start.elapsed();
        drop(s);
        Ok(as_ms(elapsed))
    }

    /// One `connect_resumed` TLS sample: TCP + TLS (resumed when the cache has a ticket),
    /// in milliseconds, and whether it resumed; then one hello, untimed, so that the server's
    /// new session tickets arrive for the next connection.
    pub(super) async fn tls_resumed(&self) -> Result<(f64, bool), SampleError> {
        let (t, max) = (self.timeout, self.max);
        let (config, name) = (self.resuming.clone(), self.name.clone());
        let start = Instant::now();
        let (mut stream, info) = tcp_tls(self.tls, config, name, t).await?;
        let elapsed = start.elapsed();
        let _ = timed_command(&mut stream, 1, &hello_command(None, false), t, max).await;
        Ok((as_ms(elapsed), info.resumed))
    }

    /// One `connect_hello` plaintext sample: TCP connect + the driver's hello.
    pub(super) async fn plain_hello(&self) -> Sample {
        let start = Instant::now();
        let _conn = self.plain_ready().await?;
        Ok(as_ms(start.elapsed()))
    }

    /// One `connect_hello` TLS sample: TCP connect + full TLS handshake + the driver's hello.
    pub(super) async fn tls_hello(&self) -> Sample {
        let (config, name) = (self.full.clone(), self.name.clone());
        let start = Instant::now();
        let _conn = self.tls_ready(config, name).await?;
        Ok(as_ms(start.elapsed()))
    }

    /// A connection that has said hello, ready for commands.
    pub(super) async fn open(&self, transport: Transport) -> Result<Box<dyn Stream>, SampleError> {
        Ok(match transport {
            Transport::Plain => Box::new(self.plain_ready().await?),
            Transport::Tls => {
                let (config, name) = (self.full.clone(), self.name.clone());
                Box::new(self.tls_ready(config, name).await?)
            }
        })
    }

    /// A plaintext connection that has said hello.
    async fn plain_ready(&self) -> Result<TcpStream, SampleError> {
        let mut s = tcp(self.plain, self.timeout).await?;
        handshake(&mut s, self.timeout, self.max).await?;
        Ok(s)
    }

    /// A TLS connection that has said hello. The caller clones `config` and `name`, outside
    /// what it times.
    async fn tls_ready(
        &self,
        config: Arc<rustls::ClientConfig>,
        name: ServerName<'static>,
    ) -> Result<TlsStream<TcpStream>, SampleError> {
        let (mut stream, _) = tcp_tls(self.tls, config, name, self.timeout).await?;
        handshake(&mut stream, self.timeout, self.max).await?;
        Ok(stream)
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

/// TCP connect + TLS handshake (resumed when `config` has a ticket for the server).
async fn tcp_tls(
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    name: ServerName<'static>,
    t: Duration,
) -> Result<(TlsStream<TcpStream>, TlsInfo), SampleError> {
    let s = tcp(addr, t).await?;
    Ok(net::tls_connect(config, s, name, t).await?)
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
    let (stream, _) = tcp_tls(addr, config, name, t).await?;
    let elapsed = start.elapsed();
    drop(stream);
    Ok(as_ms(elapsed))
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
