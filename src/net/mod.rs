//! Network phases of a probe — DNS, TCP connect, TLS handshake — each with its own timeout and
//! measured duration, and errors typed by what the user needs to know (refused, timed out,
//! closed in the middle of the handshake, alert from the server, not TLS at all).

pub mod dns;
pub mod tls;

use std::io;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::TlsConnector;

use crate::tr;

pub use tls::{ClientIdentity, Observed};

/// A member to connect to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// `host:port` as the replica-set configuration (or the seed list) names it.
    pub address: String,
    /// The host part, without brackets.
    pub host: String,
    /// The port.
    pub port: u16,
}

impl Target {
    /// A member as a server's `hello` names it (`host:port`, `[v6]:port`, or a bare host on
    /// port 27017), read by the rules of the connection string's host list; `address` keeps
    /// the name as the server wrote it.
    ///
    /// # Errors
    ///
    /// The name is not a `host[:port]` a client could dial.
    pub fn from_member_name(name: &str) -> Result<Target, crate::uri::UriError> {
        let hp = crate::uri::parse_host_port(name)?;
        Ok(Target {
            address: name.to_string(),
            host: hp.host.to_string(),
            port: hp.port,
        })
    }
}

impl From<&crate::uri::HostPort> for Target {
    /// A host of the connection string (a seed).
    fn from(hp: &crate::uri::HostPort) -> Self {
        Target {
            address: hp.to_string(),
            host: hp.host.to_string(),
            port: hp.port,
        }
    }
}

/// Why a network phase failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NetError {
    /// The name did not resolve.
    DnsFailed {
        /// The name looked up.
        host: String,
        /// The resolver's error.
        detail: String,
    },
    /// The name resolved to no address.
    DnsEmpty {
        /// The name looked up.
        host: String,
    },
    /// The resolver did not answer in time.
    DnsTimeout {
        /// The name looked up.
        host: String,
        /// The timeout.
        after: Duration,
    },
    /// Nothing listens on that address (RST to our SYN).
    ConnectRefused {
        /// The address tried.
        addr: SocketAddr,
    },
    /// No answer to the TCP handshake in time (firewall, security group, wrong address).
    ConnectTimeout {
        /// The address tried.
        addr: SocketAddr,
        /// The timeout.
        after: Duration,
    },
    /// Another TCP error (unreachable network, …).
    ConnectFailed {
        /// The address tried.
        addr: SocketAddr,
        /// The OS error.
        detail: String,
    },
    /// The TLS handshake did not finish in time.
    TlsTimeout {
        /// The timeout.
        after: Duration,
    },
    /// The TLS handshake failed.
    Tls(TlsFailure),
}

/// How a TLS handshake failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TlsFailure {
    /// The server ended the handshake with a TLS alert.
    Alert(String),
    /// The server closed or reset the connection during the handshake: typical of a server
    /// without TLS receiving a ClientHello.
    Closed(String),
    /// The server answered with something that is not TLS.
    NotTls(String),
    /// Our own TLS configuration could not be built (e.g. an unusable client key).
    Config(String),
    /// Any other handshake error, as rustls words it.
    Other(String),
}

/// The message in the language of the run (`check-net-…` in `check.ftl`).
impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let after = |d: &Duration| crate::duration::format_duration(*d);
        f.write_str(&match self {
            NetError::DnsFailed { host, detail } => tr!(
                "check-net-dns-failed",
                host = host.as_str(),
                detail = detail.as_str()
            ),
            NetError::DnsEmpty { host } => tr!("check-net-dns-empty", host = host.as_str()),
            NetError::DnsTimeout { host, after: d } => {
                tr!(
                    "check-net-dns-timeout",
                    host = host.as_str(),
                    after = after(d)
                )
            }
            NetError::ConnectRefused { addr } => {
                tr!("check-net-connect-refused", addr = addr.to_string())
            }
            NetError::ConnectTimeout { addr, after: d } => tr!(
                "check-net-connect-timeout",
                addr = addr.to_string(),
                after = after(d)
            ),
            NetError::ConnectFailed { addr, detail } => tr!(
                "check-net-connect-failed",
                addr = addr.to_string(),
                detail = detail.as_str()
            ),
            NetError::TlsTimeout { after: d } => tr!("check-net-tls-timeout", after = after(d)),
            NetError::Tls(failure) => {
                tr!("check-net-tls-failed", failure = failure.to_string())
            }
        })
    }
}

/// The message in the language of the run (`check-net-…` in `check.ftl`).
impl std::fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            TlsFailure::Alert(alert) => tr!("check-net-tls-alert", alert = alert.as_str()),
            TlsFailure::Closed(detail) => {
                tr!("check-net-tls-closed", detail = detail.as_str())
            }
            TlsFailure::NotTls(detail) => {
                tr!("check-net-tls-not-tls", detail = detail.as_str())
            }
            TlsFailure::Config(detail) => {
                tr!("check-net-tls-config", detail = detail.as_str())
            }
            TlsFailure::Other(detail) => detail.clone(),
        })
    }
}

/// Addresses a name resolved to.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// Every address, in resolver order.
    pub addresses: Vec<SocketAddr>,
    /// How long the lookup took.
    pub elapsed: Duration,
}

/// Resolves `host:port` within `timeout`. IP literals resolve to themselves.
pub async fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Resolved, NetError> {
    let start = Instant::now();
    let lookup = tokio::net::lookup_host((host, port));
    let addresses: Vec<SocketAddr> = match tokio::time::timeout(timeout, lookup).await {
        Err(_) => {
            return Err(NetError::DnsTimeout {
                host: host.to_string(),
                after: timeout,
            })
        }
        Ok(Err(e)) => {
            return Err(NetError::DnsFailed {
                host: host.to_string(),
                detail: e.to_string(),
            })
        }
        Ok(Ok(addrs)) => addrs.collect(),
    };
    if addresses.is_empty() {
        return Err(NetError::DnsEmpty {
            host: host.to_string(),
        });
    }
    Ok(Resolved {
        addresses,
        elapsed: start.elapsed(),
    })
}

/// An established TCP connection.
#[derive(Debug)]
pub struct TcpConnected {
    /// The stream.
    pub stream: TcpStream,
    /// The address that answered.
    pub peer: SocketAddr,
    /// How long the successful attempt took.
    pub elapsed: Duration,
}

/// Connects to the first address that answers, each attempt bounded by `timeout`; returns the
/// error of the last attempt when none does.
pub async fn connect_tcp(
    addresses: &[SocketAddr],
    timeout: Duration,
) -> Result<TcpConnected, NetError> {
    let mut last = None;
    for &addr in addresses {
        let start = Instant::now();
        match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
            Ok(Ok(stream)) => {
                let _ = stream.set_nodelay(true);
                return Ok(TcpConnected {
                    stream,
                    peer: addr,
                    elapsed: start.elapsed(),
                });
            }
            Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionRefused => {
                last = Some(NetError::ConnectRefused { addr });
            }
            Ok(Err(e)) => {
                last = Some(NetError::ConnectFailed {
                    addr,
                    detail: e.to_string(),
                })
            }
            Err(_) => {
                last = Some(NetError::ConnectTimeout {
                    addr,
                    after: timeout,
                })
            }
        }
    }
    Err(last.unwrap_or(NetError::DnsEmpty {
        host: tr!("check-net-no-address"),
    }))
}

/// What a completed handshake negotiated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsInfo {
    /// `TLSv1.3`, `TLSv1.2`.
    pub version: String,
    /// IANA name of the cipher suite.
    pub cipher_suite: String,
    /// Key-exchange group (`X25519`, `secp256r1`, …).
    pub key_exchange_group: Option<String>,
    /// ALPN protocol, when one was negotiated (MongoDB servers negotiate none).
    pub alpn: Option<String>,
    /// The handshake resumed an earlier session (abbreviated handshake).
    pub resumed: bool,
}

/// The outcome of a TLS handshake attempt: the stream when it succeeded, and in every case
/// what was observed (the chain, a client-certificate request) and how long it took.
#[derive(Debug)]
pub struct TlsAttempt {
    /// The connection and what it negotiated, or why it failed.
    pub result: Result<(TlsStream<TcpStream>, TlsInfo), NetError>,
    /// The presented chain and client-certificate request, even after a failure.
    pub observed: Observed,
    /// Time from ClientHello to the end (success, failure or timeout).
    pub elapsed: Duration,
}

/// Runs a TLS handshake over `tcp` for `server_name` (SNI is sent for DNS names only).
pub async fn tls_handshake(
    tcp: TcpStream,
    server_name: ServerName<'static>,
    identity: Option<&ClientIdentity>,
    timeout: Duration,
) -> TlsAttempt {
    let start = Instant::now();
    let (config, observed) = match tls::client_config(identity) {
        Ok(c) => c,
        Err(e) => {
            return TlsAttempt {
                result: Err(NetError::Tls(TlsFailure::Config(e.to_string()))),
                observed: Observed::default(),
                elapsed: start.elapsed(),
            }
        }
    };
    let result = tls_connect(config, tcp, server_name, timeout).await;
    let elapsed = start.elapsed();
    let observed = observed
        .lock()
        .map(|mut o| std::mem::take(&mut *o))
        .unwrap_or_default();
    TlsAttempt {
        result,
        observed,
        elapsed,
    }
}

/// A TLS handshake with a given client configuration (shared by connections that should
/// resume each other's sessions), bounded by `timeout`.
pub async fn tls_connect(
    config: std::sync::Arc<rustls::ClientConfig>,
    tcp: TcpStream,
    server_name: ServerName<'static>,
    timeout: Duration,
) -> Result<(TlsStream<TcpStream>, TlsInfo), NetError> {
    let connector = TlsConnector::from(config);
    match tokio::time::timeout(timeout, connector.connect(server_name, tcp)).await {
        Err(_) => Err(NetError::TlsTimeout { after: timeout }),
        Ok(Err(e)) => Err(NetError::Tls(classify_tls_error(&e))),
        Ok(Ok(stream)) => {
            let info = negotiated(stream.get_ref().1);
            Ok((stream, info))
        }
    }
}

fn negotiated(conn: &rustls::ClientConnection) -> TlsInfo {
    TlsInfo {
        version: match conn.protocol_version() {
            Some(rustls::ProtocolVersion::TLSv1_3) => "TLSv1.3".into(),
            Some(rustls::ProtocolVersion::TLSv1_2) => "TLSv1.2".into(),
            Some(other) => format!("{other:?}"),
            None => "unknown".into(),
        },
        cipher_suite: conn
            .negotiated_cipher_suite()
            .map(|s| {
                s.suite()
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("{:?}", s.suite()))
            })
            .unwrap_or_else(|| "unknown".into()),
        key_exchange_group: conn
            .negotiated_key_exchange_group()
            .map(|g| format!("{:?}", g.name())),
        alpn: conn
            .alpn_protocol()
            .map(|p| String::from_utf8_lossy(p).into_owned()),
        resumed: conn.handshake_kind() == Some(rustls::HandshakeKind::Resumed),
    }
}

/// The TLS alert inside an I/O error from a TLS stream, by name (`CertificateRequired`,
/// `BadCertificate`, …): with TLS 1.3 a server that refuses the client's certificate says so
/// only after the client believes the handshake finished, so the alert arrives on the first
/// read instead of from the handshake.
pub fn alert_in(e: &io::Error) -> Option<String> {
    match classify_tls_error(e) {
        TlsFailure::Alert(alert) => Some(alert),
        _ => None,
    }
}

/// Translates a handshake error once, by type: the rustls error inside the I/O error, or the
/// I/O error kind.
fn classify_tls_error(e: &io::Error) -> TlsFailure {
    if let Some(rustls_error) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        return match rustls_error {
            rustls::Error::AlertReceived(alert) => TlsFailure::Alert(format!("{alert:?}")),
            rustls::Error::InvalidMessage(m) => TlsFailure::NotTls(format!("{m:?}")),
            other => TlsFailure::Other(other.to_string()),
        };
    }
    match e.kind() {
        io::ErrorKind::UnexpectedEof => TlsFailure::Closed(tr!("check-net-end-of-stream")),
        io::ErrorKind::ConnectionReset => TlsFailure::Closed(tr!("check-net-connection-reset")),
        io::ErrorKind::ConnectionAborted | io::ErrorKind::BrokenPipe => {
            TlsFailure::Closed(e.to_string())
        }
        io::ErrorKind::InvalidData => TlsFailure::NotTls(e.to_string()),
        _ => TlsFailure::Other(e.to_string()),
    }
}
