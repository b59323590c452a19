//! DNS through hickory-resolver (the resolver the MongoDB driver uses): the system
//! configuration, or one server given with `--dns-server` for every lookup of the run (SRV,
//! TXT, and the members' A/AAAA). Each lookup is bounded by a timeout; failures are typed by
//! what the user must do (the name has no records, or the server did not answer properly).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use hickory_resolver::config::{NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError as HickoryError};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::TokioResolver;

use super::{NetError, Resolved};
use crate::duration::format_duration;
use crate::tr;
use crate::uri::SrvRecord;

/// A resolver for one run.
#[derive(Debug, Clone)]
pub struct DnsResolver {
    inner: TokioResolver,
    server: Option<SocketAddr>,
}

/// Why a lookup gave nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DnsLookupError {
    /// The server answered: the name does not exist, or has no record of that type.
    NoRecords {
        /// The name looked up.
        name: String,
        /// `SRV`, `TXT`, `A/AAAA`.
        kind: &'static str,
        /// The name does not exist at all.
        nxdomain: bool,
        /// Which server answered, in words.
        server: String,
    },
    /// No usable answer in time.
    Timeout {
        /// The name looked up.
        name: String,
        /// `SRV`, `TXT`, `A/AAAA`.
        kind: &'static str,
        /// Which server, in words.
        server: String,
        /// The timeout.
        after: Duration,
    },
    /// The server refused, failed (SERVFAIL), or could not be reached.
    Failed {
        /// The name looked up.
        name: String,
        /// `SRV`, `TXT`, `A/AAAA`.
        kind: &'static str,
        /// Which server, in words.
        server: String,
        /// What went wrong, in words.
        detail: String,
    },
    /// The resolver could not be set up (no readable system configuration).
    NoConfiguration {
        /// The resolver's error.
        detail: String,
    },
}

/// The message in the language of the run (`check-dns-…` in `check.ftl`).
impl std::fmt::Display for DnsLookupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            DnsLookupError::NoRecords {
                name,
                kind,
                nxdomain: false,
                server,
            } => tr!(
                "check-dns-no-records",
                server = server.as_str(),
                name = name.as_str(),
                kind = *kind
            ),
            DnsLookupError::NoRecords {
                name,
                kind,
                nxdomain: true,
                server,
            } => tr!(
                "check-dns-no-records-nxdomain",
                server = server.as_str(),
                name = name.as_str(),
                kind = *kind
            ),
            DnsLookupError::Timeout {
                name,
                kind,
                server,
                after,
            } => tr!(
                "check-dns-timeout",
                server = server.as_str(),
                kind = *kind,
                name = name.as_str(),
                after = format_duration(*after)
            ),
            DnsLookupError::Failed {
                name,
                kind,
                server,
                detail,
            } => tr!(
                "check-dns-failed",
                kind = *kind,
                name = name.as_str(),
                server = server.as_str(),
                detail = detail.as_str()
            ),
            DnsLookupError::NoConfiguration { detail } => {
                tr!("check-dns-no-configuration", detail = detail.as_str())
            }
        })
    }
}

impl DnsResolver {
    /// The system's configuration (`/etc/resolv.conf`), with `timeout` per attempt.
    ///
    /// # Errors
    ///
    /// The configuration could not be read.
    pub fn system(timeout: Duration) -> Result<Self, DnsLookupError> {
        let mut builder =
            TokioResolver::builder_tokio().map_err(|e| DnsLookupError::NoConfiguration {
                detail: e.to_string(),
            })?;
        tune(builder.options_mut(), timeout);
        DnsResolver::built(builder, None)
    }

    fn built(
        builder: hickory_resolver::ResolverBuilder<TokioRuntimeProvider>,
        server: Option<SocketAddr>,
    ) -> Result<Self, DnsLookupError> {
        Ok(DnsResolver {
            inner: builder
                .build()
                .map_err(|e| DnsLookupError::NoConfiguration {
                    detail: e.to_string(),
                })?,
            server,
        })
    }

    /// Every lookup to `server` (UDP, and TCP when UDP fails or is truncated), no search
    /// domains, no hosts file.
    ///
    /// # Errors
    ///
    /// Never in practice; typed for symmetry with [`DnsResolver::system`].
    pub fn with_server(server: SocketAddr, timeout: Duration) -> Result<Self, DnsLookupError> {
        let mut ns = NameServerConfig::udp_and_tcp(server.ip());
        for c in &mut ns.connections {
            c.port = server.port();
        }
        let config = ResolverConfig::from_parts(None, Vec::new(), vec![ns]);
        let mut builder =
            TokioResolver::builder_with_config(config, TokioRuntimeProvider::default());
        tune(builder.options_mut(), timeout);
        builder.options_mut().use_hosts_file = hickory_resolver::config::ResolveHosts::Never;
        DnsResolver::built(builder, Some(server))
    }

    /// The server given with `--dns-server`, or `None` for the system configuration.
    pub fn server(&self) -> Option<SocketAddr> {
        self.server
    }

    /// The server in words, for messages.
    pub fn server_in_words(&self) -> String {
        match self.server {
            Some(s) => tr!("check-dns-server", server = s.to_string()),
            None => tr!("check-dns-system-resolver"),
        }
    }

    /// The SRV records of `name`, in answer order, bounded by `timeout`.
    ///
    /// # Errors
    ///
    /// [`DnsLookupError`]; an answer without SRV records is [`DnsLookupError::NoRecords`].
    pub async fn srv(
        &self,
        name: &str,
        timeout: Duration,
    ) -> Result<Vec<SrvRecord>, DnsLookupError> {
        let lookup = self.lookup(name, RecordType::SRV, "SRV", timeout).await?;
        let records: Vec<SrvRecord> = lookup
            .answers()
            .iter()
            .filter_map(|r| match &r.data {
                RData::SRV(srv) => Some(SrvRecord {
                    target: srv
                        .target
                        .to_ascii()
                        .trim_end_matches('.')
                        .to_ascii_lowercase(),
                    port: srv.port,
                    priority: srv.priority,
                    weight: srv.weight,
                }),
                _ => None,
            })
            .collect();
        if records.is_empty() {
            return Err(self.no_records(name, "SRV", false));
        }
        Ok(records)
    }

    /// The TXT records of `name`, each record's strings joined, bounded by `timeout`. No
    /// record at all is `Ok(vec![])`: a TXT record is optional.
    ///
    /// # Errors
    ///
    /// [`DnsLookupError`] when the server did not answer properly.
    pub async fn txt(&self, name: &str, timeout: Duration) -> Result<Vec<String>, DnsLookupError> {
        match self.lookup(name, RecordType::TXT, "TXT", timeout).await {
            Ok(lookup) => Ok(lookup
                .answers()
                .iter()
                .filter_map(|r| match &r.data {
                    RData::TXT(txt) => Some(
                        txt.txt_data
                            .iter()
                            .map(|part| String::from_utf8_lossy(part).into_owned())
                            .collect::<String>(),
                    ),
                    _ => None,
                })
                .collect()),
            Err(DnsLookupError::NoRecords { .. }) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    /// Resolves `host:port` (A and AAAA) within `timeout`, as [`super::resolve`] does with the
    /// system's resolver. IP literals resolve to themselves.
    ///
    /// # Errors
    ///
    /// [`NetError::DnsTimeout`], [`NetError::DnsFailed`] or [`NetError::DnsEmpty`].
    pub async fn resolve(
        &self,
        host: &str,
        port: u16,
        timeout: Duration,
    ) -> Result<Resolved, NetError> {
        let start = Instant::now();
        if let Ok(ip) = host.parse::<std::net::IpAddr>() {
            return Ok(Resolved {
                addresses: vec![SocketAddr::new(ip, port)],
                elapsed: start.elapsed(),
            });
        }
        let fqdn = format!("{}.", host.trim_end_matches('.'));
        let addresses: Vec<SocketAddr> =
            match tokio::time::timeout(timeout, self.inner.lookup_ip(fqdn.as_str())).await {
                Err(_) => {
                    return Err(NetError::DnsTimeout {
                        host: host.to_owned(),
                        after: timeout,
                    })
                }
                Ok(Err(e)) if e.is_no_records_found() => Vec::new(),
                Ok(Err(e)) => {
                    return Err(NetError::DnsFailed {
                        host: host.to_owned(),
                        detail: format!("{}: {}", self.server_in_words(), describe(&e)),
                    })
                }
                Ok(Ok(ips)) => ips.iter().map(|ip| SocketAddr::new(ip, port)).collect(),
            };
        if addresses.is_empty() {
            return Err(NetError::DnsEmpty {
                host: host.to_owned(),
            });
        }
        Ok(Resolved {
            addresses,
            elapsed: start.elapsed(),
        })
    }

    async fn lookup(
        &self,
        name: &str,
        record_type: RecordType,
        kind: &'static str,
        timeout: Duration,
    ) -> Result<hickory_resolver::lookup::Lookup, DnsLookupError> {
        let fqdn = format!("{}.", name.trim_end_matches('.'));
        match tokio::time::timeout(timeout, self.inner.lookup(fqdn.as_str(), record_type)).await {
            Err(_) => Err(DnsLookupError::Timeout {
                name: name.to_owned(),
                kind,
                server: self.server_in_words(),
                after: timeout,
            }),
            Ok(Err(e)) if e.is_no_records_found() => {
                Err(self.no_records(name, kind, e.is_nx_domain()))
            }
            Ok(Err(HickoryError::Timeout)) => Err(DnsLookupError::Timeout {
                name: name.to_owned(),
                kind,
                server: self.server_in_words(),
                after: timeout,
            }),
            Ok(Err(e)) => Err(DnsLookupError::Failed {
                name: name.to_owned(),
                kind,
                server: self.server_in_words(),
                detail: describe(&e),
            }),
            Ok(Ok(lookup)) => Ok(lookup),
        }
    }

    fn no_records(&self, name: &str, kind: &'static str, nxdomain: bool) -> DnsLookupError {
        DnsLookupError::NoRecords {
            name: name.to_owned(),
            kind,
            nxdomain,
            server: self.server_in_words(),
        }
    }
}

/// One attempt per lookup, bounded by the run's `--timeout` (the caller bounds the whole
/// lookup too); answers are not cached across runs anyway.
fn tune(opts: &mut ResolverOpts, timeout: Duration) {
    opts.timeout = timeout;
    opts.attempts = 1;
    opts.try_tcp_on_error = true;
    opts.ndots = 0;
}

/// A resolver error in words.
fn describe(e: &HickoryError) -> String {
    match e {
        HickoryError::Dns(DnsError::ResponseCode(ResponseCode::Refused)) => {
            tr!("check-dns-refused")
        }
        HickoryError::Dns(DnsError::ResponseCode(ResponseCode::ServFail)) => {
            tr!("check-dns-servfail")
        }
        HickoryError::Dns(DnsError::ResponseCode(code)) => {
            tr!("check-dns-response-code", code = code.to_string())
        }
        HickoryError::Timeout => tr!("check-dns-no-answer"),
        HickoryError::Io(io) => tr!("check-dns-network-error", error = io.to_string()),
        HickoryError::NoConnections => tr!("check-dns-no-connection"),
        other => other.to_string(),
    }
}

/// What resolving a `mongodb+srv://` name gave: the records as found, the seeds and TXT
/// options that follow from them (see [`crate::uri::seeds_from_answers`]), or why there are
/// none. For `check`'s report, and for anything else that connects to the seeds (a driver).
#[derive(Debug, Clone)]
pub struct SrvResolution {
    /// The SRV name looked up: `_mongodb._tcp.HOST`.
    pub name: String,
    /// The host whose TXT record was looked up.
    pub host: String,
    /// `--dns-server`, or `None` for the system resolver.
    pub dns_server: Option<SocketAddr>,
    /// The SRV records, in answer order (also the invalid ones).
    pub records: Vec<SrvRecord>,
    /// The TXT records, each record's strings joined.
    pub txt: Vec<String>,
    /// Seeds, TXT options and problems; `None` when a lookup failed.
    pub seeds: Option<crate::uri::SrvSeeds>,
    /// Why the SRV or TXT lookup failed.
    pub error: Option<DnsLookupError>,
    /// How long both lookups took.
    pub elapsed: Duration,
}

/// Looks up the SRV and TXT records of `seed` (concurrently, each bounded by `timeout`) and
/// turns them into seeds: the first half of seedlist discovery.
pub async fn resolve_seedlist(
    seed: &crate::uri::SrvSeed,
    uri_options: &crate::uri::UriOptions,
    resolver: &DnsResolver,
    timeout: Duration,
) -> SrvResolution {
    let start = Instant::now();
    let name = seed.srv_name();
    let (srv, txt) = tokio::join!(
        resolver.srv(&name, timeout),
        resolver.txt(&seed.host, timeout)
    );
    let mut out = SrvResolution {
        name,
        host: seed.host.clone(),
        dns_server: resolver.server(),
        records: Vec::new(),
        txt: Vec::new(),
        seeds: None,
        error: None,
        elapsed: Duration::ZERO,
    };
    match (srv, txt) {
        (Ok(records), Ok(txt)) => {
            let seeds = crate::uri::seeds_from_answers(
                seed,
                uri_options,
                &records,
                &txt,
                &mut random_below,
            );
            out.records = records;
            out.txt = txt;
            out.seeds = Some(seeds);
        }
        (Err(e), txt) => {
            out.txt = txt.unwrap_or_default();
            out.error = Some(e);
        }
        (Ok(records), Err(e)) => {
            out.records = records;
            out.error = Some(e);
        }
    }
    out.elapsed = start.elapsed();
    out
}

/// A number below `n` (0 for 0), from the standard library's randomly keyed hasher: enough to
/// pick `srvMaxHosts` hosts the way the spec asks, without a dependency.
fn random_below(n: usize) -> usize {
    use std::hash::BuildHasher;
    if n == 0 {
        return 0;
    }
    let r = std::collections::hash_map::RandomState::new().hash_one(Instant::now());
    usize::try_from(r % n as u64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_below_stays_in_range() {
        assert_eq!(random_below(0), 0);
        assert_eq!(random_below(1), 0);
        assert!((0..200).all(|_| random_below(3) < 3));
    }

    #[tokio::test]
    async fn a_silent_server_is_named_and_bounded_by_the_timeout() {
        // Bound, never read: the query goes unanswered over UDP, and TCP is refused.
        let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = silent.local_addr().unwrap();
        let dns = DnsResolver::with_server(addr, Duration::from_millis(300)).unwrap();
        assert_eq!(dns.server(), Some(addr));
        let start = Instant::now();
        let e = dns
            .srv("_mongodb._tcp.c.example.test", Duration::from_millis(300))
            .await
            .unwrap_err();
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
        assert!(
            matches!(
                e,
                DnsLookupError::Timeout { .. } | DnsLookupError::Failed { .. }
            ),
            "{e:?}"
        );
        assert!(e.to_string().contains(&addr.to_string()), "{e}");
        let e = dns
            .resolve("db.example.test", 27017, Duration::from_millis(300))
            .await;
        assert!(
            matches!(
                e,
                Err(NetError::DnsTimeout { .. } | NetError::DnsFailed { .. })
            ),
            "{e:?}"
        );
        // IP literals never reach the server.
        let r = dns
            .resolve("127.0.0.1", 27017, Duration::from_millis(300))
            .await
            .unwrap();
        assert_eq!(r.addresses, vec![SocketAddr::from(([127, 0, 0, 1], 27017))]);
    }
}
