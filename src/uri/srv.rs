//! `mongodb+srv://` (the initial DNS seedlist discovery spec): the SRV name a connection
//! string asks for ([`SrvSeed`]), and the pure half of the discovery: SRV and TXT answers →
//! seeds and options ([`seeds_from_answers`]). No I/O here: `net::dns` does the lookups.

use super::error::UriError;
use super::hosts::{Host, HostPort};
use super::options::{parse_options, OtherOption, UriOptions};
use crate::tr;

/// `srvServiceName` when none is given.
pub const DEFAULT_SRV_SERVICE_NAME: &str = "mongodb";

/// The only options a TXT record may set (matched case-insensitively).
pub const TXT_OPTIONS: [&str; 3] = ["authSource", "replicaSet", "loadBalanced"];

/// The SRV part of a `mongodb+srv://` connection string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvSeed {
    /// The host name after `mongodb+srv://`: lower-cased, no trailing dot, no port.
    pub host: String,
    /// `srvServiceName` ([`DEFAULT_SRV_SERVICE_NAME`] when not given).
    pub service_name: String,
    /// `srvMaxHosts`: how many of the SRV targets to use (0: all of them).
    pub max_hosts: usize,
}

impl SrvSeed {
    /// The name whose SRV records list the hosts: `_mongodb._tcp.HOST`.
    pub fn srv_name(&self) -> String {
        format!("_{}._tcp.{}", self.service_name, self.host)
    }

    /// Why `target` may not be used as a host of this SRV name, or `None` when it may.
    ///
    /// The spec (2024 revision): a host with three or more labels has a `{domainname}`, the
    /// host without its first label, and every target must end with `.{domainname}`; a host
    /// with one or two labels is its own `{domainname}`, and a target must end with
    /// `.{host}` (so it has at least one more label).
    pub fn target_problem(&self, target: &str) -> Option<String> {
        let target = target.trim_end_matches('.').to_ascii_lowercase();
        let labels = self.host.split('.').count();
        let domain = if labels >= 3 {
            self.host
                .split_once('.')
                .map_or(self.host.as_str(), |(_, d)| d)
        } else {
            self.host.as_str()
        };
        if target.ends_with(&format!(".{domain}")) {
            return None;
        }
        Some(if labels >= 3 {
            tr!(
                "uri-srv-target-outside-parent",
                domain = domain,
                host = self.host.as_str(),
            )
        } else {
            tr!("uri-srv-target-outside-host", domain = domain)
        })
    }
}

/// Reads the SRV options of a connection string. `srv`: the host written after
/// `mongodb+srv://`, or `None` for `mongodb://`, where `srvServiceName` and `srvMaxHosts` are
/// errors.
pub(super) fn srv_seed(
    srv: Option<&HostPort>,
    options: &UriOptions,
    other: &[OtherOption],
) -> Result<Option<SrvSeed>, UriError> {
    let service_name = other_value(other, "srvServiceName");
    let max_hosts = other_value(other, "srvMaxHosts");
    let Some(hp) = srv else {
        if service_name.is_some() {
            return Err(UriError::SrvOptionWithoutSrv {
                option: "srvServiceName",
            });
        }
        if max_hosts.is_some() {
            return Err(UriError::SrvOptionWithoutSrv {
                option: "srvMaxHosts",
            });
        }
        return Ok(None);
    };
    let host = match &hp.host {
        Host::Dns(name) => name.clone(),
        Host::Ip(ip) => {
            return Err(UriError::SrvIpAddress {
                host: ip.to_string(),
            })
        }
    };
    let service_name = match service_name {
        None => DEFAULT_SRV_SERVICE_NAME.to_owned(),
        Some(name) if valid_service_name(name) => name.to_owned(),
        Some(name) => {
            return Err(UriError::InvalidSrvServiceName {
                value: name.to_owned(),
            })
        }
    };
    let max_hosts = match max_hosts {
        None => 0,
        Some(text) => text
            .parse::<usize>()
            .map_err(|_| UriError::InvalidSrvMaxHosts {
                value: text.to_owned(),
            })?,
    };
    if options.direct_connection == Some(true) {
        return Err(UriError::SrvDirectConnection);
    }
    if max_hosts > 0 {
        if options.replica_set.is_some() {
            return Err(UriError::SrvMaxHostsConflict {
                other: "replicaSet",
            });
        }
        if load_balanced(other) == Some(true) {
            return Err(UriError::SrvMaxHostsConflict {
                other: "loadBalanced=true",
            });
        }
    }
    Ok(Some(SrvSeed {
        host,
        service_name,
        max_hosts,
    }))
}

/// RFC 6335 service names (letters, digits, '-'; not starting or ending with '-'), up to 62
/// characters as the spec allows.
fn valid_service_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 62
        && !name.starts_with('-')
        && !name.ends_with('-')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && name.chars().any(|c| c.is_ascii_alphabetic())
}

/// The last value of an option kept in [`OtherOption`]s, by its canonical name.
fn other_value<'a>(other: &'a [OtherOption], name: &str) -> Option<&'a str> {
    other
        .iter()
        .rev()
        .find(|o| o.name.eq_ignore_ascii_case(name))
        .and_then(|o| o.value.as_deref())
}

/// `loadBalanced`, when given as `true` or `false`.
fn load_balanced(other: &[OtherOption]) -> Option<bool> {
    match other_value(other, "loadBalanced")?
        .to_ascii_lowercase()
        .as_str()
    {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// One SRV record as the DNS answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvRecord {
    /// The target host name, lower-cased, without the trailing dot.
    pub target: String,
    /// The port.
    pub port: u16,
    /// Priority (shown; ignored, as the spec says).
    pub priority: u16,
    /// Weight (shown; ignored, as the spec says).
    pub weight: u16,
}

/// The options a TXT record set (before the connection string overrides them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxtOptions {
    /// `authSource`.
    pub auth_source: Option<String>,
    /// `replicaSet`.
    pub replica_set: Option<String>,
    /// `loadBalanced`.
    pub load_balanced: Option<bool>,
}

/// Something about the SRV or TXT answers that clients following the spec refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SrvProblem {
    /// A target outside the allowed domain: it is not used.
    InvalidTarget {
        /// `target:port`.
        target: String,
        /// Why, in words.
        reason: String,
    },
    /// The TXT answer cannot be used as it is (several records, a forbidden option, a value
    /// that does not parse): what was wrong, and what mongotls did instead.
    TxtInvalid {
        /// Why, in words.
        reason: String,
    },
}

/// What the SRV and TXT answers give, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvSeeds {
    /// The seeds to probe, in the SRV answer's order (a random subset with `srvMaxHosts`).
    pub seeds: Vec<HostPort>,
    /// The TXT options that apply (those the connection string itself sets are dropped: the
    /// connection string overrides the TXT record).
    pub txt_options: TxtOptions,
    /// Everything clients refuse about the answers.
    pub problems: Vec<SrvProblem>,
}

/// The pure half of seedlist discovery: checks every SRV target against the SRV name's
/// domain (bad ones are dropped, each with a problem), reads the TXT answer (at most one
/// record, only [`TXT_OPTIONS`]; the connection string's own options win), and applies
/// `srvMaxHosts` by shuffling with `random_below` (which returns a number below its argument)
/// before taking that many.
pub fn seeds_from_answers(
    seed: &SrvSeed,
    uri_options: &UriOptions,
    records: &[SrvRecord],
    txt: &[String],
    random_below: &mut dyn FnMut(usize) -> usize,
) -> SrvSeeds {
    let mut problems = Vec::new();
    let mut seeds: Vec<HostPort> = Vec::new();
    for r in records {
        let hp = HostPort {
            host: Host::Dns(r.target.trim_end_matches('.').to_ascii_lowercase()),
            port: r.port,
        };
        if let Some(reason) = seed.target_problem(&r.target) {
            problems.push(SrvProblem::InvalidTarget {
                target: hp.to_string(),
                reason,
            });
        } else if !seeds.contains(&hp) {
            seeds.push(hp);
        }
    }
    let mut txt_options = read_txt(txt, &mut problems);
    if uri_options.auth_source.is_some() {
        txt_options.auth_source = None;
    }
    if uri_options.replica_set.is_some() {
        txt_options.replica_set = None;
    }
    if seed.max_hosts > 0 && txt_options.replica_set.is_some() {
        problems.push(SrvProblem::TxtInvalid {
            reason: tr!("uri-srv-txt-replica-set-with-max-hosts"),
        });
    }
    if seed.max_hosts > 0 && seed.max_hosts < seeds.len() {
        // Fisher-Yates, as the spec recommends.
        for i in (1..seeds.len()).rev() {
            let j = random_below(i + 1).min(i);
            seeds.swap(i, j);
        }
        seeds.truncate(seed.max_hosts);
    }
    SrvSeeds {
        seeds,
        txt_options,
        problems,
    }
}

/// Reads the TXT answer (each record's strings already joined): none is fine, more than one
/// record or an option other than [`TXT_OPTIONS`] is a problem. With several records none is
/// used; a forbidden option is dropped and the others are kept.
fn read_txt(txt: &[String], problems: &mut Vec<SrvProblem>) -> TxtOptions {
    let record = match txt {
        [] => return TxtOptions::default(),
        [one] => one,
        many => {
            problems.push(SrvProblem::TxtInvalid {
                reason: tr!("uri-srv-txt-several", count = many.len().to_string()),
            });
            return TxtOptions::default();
        }
    };
    let mut allowed = Vec::new();
    let mut forbidden = Vec::new();
    for segment in record.split('&').filter(|s| !s.is_empty()) {
        let name = segment.split('=').next().unwrap_or(segment);
        if TXT_OPTIONS.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            allowed.push(segment);
        } else {
            forbidden.push(crate::escape::printable(name).into_owned());
        }
    }
    if !forbidden.is_empty() {
        problems.push(SrvProblem::TxtInvalid {
            reason: tr!(
                "uri-srv-txt-forbidden",
                options = forbidden.join(", "),
                count = forbidden.len(),
            ),
        });
    }
    let mut warnings = Vec::new();
    match parse_options(&allowed.join("&"), &mut warnings) {
        Ok(parsed) => TxtOptions {
            auth_source: parsed.options.auth_source,
            replica_set: parsed.options.replica_set,
            load_balanced: load_balanced(&parsed.other),
        },
        Err(e) => {
            problems.push(SrvProblem::TxtInvalid {
                reason: tr!("uri-srv-txt-unparsable", error = e.to_string()),
            });
            TxtOptions::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uri::test_helpers::{dns, err, ok};

    fn seed(host: &str) -> SrvSeed {
        SrvSeed {
            host: host.into(),
            service_name: DEFAULT_SRV_SERVICE_NAME.into(),
            max_hosts: 0,
        }
    }

    fn rec(target: &str, port: u16) -> SrvRecord {
        SrvRecord {
            target: target.into(),
            port,
            priority: 0,
            weight: 5,
        }
    }

    fn first(_: usize) -> usize {
        0
    }

    #[test]
    fn parses_one_host_tls_on_and_the_srv_options() {
        let cs = ok(
            "mongodb+srv://u:pw@Cluster0.Example.NET/admin?srvServiceName=custom-db&srvMaxHosts=2",
        );
        let srv = cs.srv.clone().unwrap();
        assert_eq!(srv.host, "cluster0.example.net");
        assert_eq!(srv.srv_name(), "_custom-db._tcp.cluster0.example.net");
        assert_eq!(srv.max_hosts, 2);
        assert!(cs.hosts.is_empty());
        assert!(cs.tls_enabled());
        assert!(!ok("mongodb+srv://c.example.net/?tls=false").tls_enabled());
        assert!(!ok("mongodb+srv://c.example.net/?ssl=false").tls_enabled());
        assert_eq!(
            cs.redacted(),
            "mongodb+srv://u:****@cluster0.example.net/admin?srvServiceName=custom-db&srvMaxHosts=2"
        );
        assert_eq!(ok(&cs.redacted()).srv, cs.srv);
        let cs = ok("mongodb+srv://localhost");
        assert_eq!(cs.srv.unwrap().srv_name(), "_mongodb._tcp.localhost");
    }

    #[test]
    fn refuses_what_the_spec_refuses_without_the_password() {
        for uri in [
            "mongodb+srv://u:Secr3tPw@a.example.net,b.example.net/",
            "mongodb+srv://u:Secr3tPw@a.example.net:27017/",
            "mongodb+srv://u:Secr3tPw@[::1]/",
            "mongodb+srv://u:Secr3tPw@a.example.net/?directConnection=true",
            "mongodb+srv://u:Secr3tPw@a.example.net/?srvMaxHosts=1&replicaSet=x",
            "mongodb+srv://u:Secr3tPw@/",
            "mongodb://u:Secr3tPw@a/?srvServiceName=mongodb",
        ] {
            let e = err(uri);
            assert!(!format!("{e} {e:?}").contains("Secr3tPw"), "{uri}: {e}");
        }
        // srvMaxHosts=0 means "all": no conflict with replicaSet.
        ok("mongodb+srv://a.example.net/?srvMaxHosts=0&replicaSet=x");
        ok("mongodb+srv://a.example.net/?directConnection=false");
    }

    #[test]
    fn targets_must_lie_inside_the_parent_domain() {
        let s = seed("cluster0.example.net");
        assert_eq!(s.target_problem("node1.example.net"), None);
        assert_eq!(s.target_problem("a.b.example.net."), None);
        assert_eq!(s.target_problem("NODE1.EXAMPLE.NET"), None);
        assert!(s.target_problem("node1.evil.net").is_some());
        assert!(s.target_problem("example.net").is_some());
        assert!(s.target_problem("node1.notexample.net").is_some());
        // Fewer than three labels: targets must lie below the host itself.
        let s = seed("example.net");
        assert_eq!(s.target_problem("node1.example.net"), None);
        assert!(s.target_problem("example.net").is_some());
        assert!(s.target_problem("node1.other.net").is_some());
        let s = seed("localhost");
        assert_eq!(s.target_problem("db.localhost"), None);
        assert!(s.target_problem("localhost").is_some());
    }

    #[test]
    fn bad_targets_are_dropped_the_others_kept() {
        let out = seeds_from_answers(
            &seed("c.example.net"),
            &UriOptions::default(),
            &[
                rec("a.example.net.", 27017),
                rec("b.evil.net.", 27018),
                rec("a.example.net.", 27017),
            ],
            &[],
            &mut first,
        );
        assert_eq!(out.seeds, vec![dns("a.example.net", 27017)]);
        assert_eq!(
            out.problems,
            vec![SrvProblem::InvalidTarget {
                target: "b.evil.net:27018".into(),
                reason: "it does not lie inside example.net, the parent domain of c.example.net"
                    .into()
            }]
        );
    }

    #[test]
    fn txt_sets_only_three_options_and_the_uri_wins() {
        let mut opts = UriOptions::default();
        let out = seeds_from_answers(
            &seed("c.example.net"),
            &opts,
            &[rec("a.example.net", 1)],
            &["replicaSet=rs0&authSource=admin&loadBalanced=false".into()],
            &mut first,
        );
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        assert_eq!(
            out.txt_options,
            TxtOptions {
                auth_source: Some("admin".into()),
                replica_set: Some("rs0".into()),
                load_balanced: Some(false)
            }
        );
        opts.replica_set = Some("mine".into());
        let out = seeds_from_answers(
            &seed("c.example.net"),
            &opts,
            &[rec("a.example.net", 1)],
            &["replicaSet=rs0&ssl=false&connectTimeoutMS=5".into()],
            &mut first,
        );
        assert_eq!(out.txt_options, TxtOptions::default());
        match out.problems.as_slice() {
            [SrvProblem::TxtInvalid { reason }] => {
                assert!(reason.contains("sets ssl, connectTimeoutMS"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        let out = seeds_from_answers(
            &seed("c.example.net"),
            &UriOptions::default(),
            &[rec("a.example.net", 1)],
            &["replicaSet=a".into(), "authSource=b".into()],
            &mut first,
        );
        assert_eq!(out.txt_options, TxtOptions::default());
        assert!(
            matches!(out.problems.as_slice(), [SrvProblem::TxtInvalid { reason }] if reason.contains("2 TXT records"))
        );
    }

    #[test]
    fn srv_max_hosts_takes_a_random_subset() {
        let mut s = seed("c.example.net");
        s.max_hosts = 2;
        let records: Vec<SrvRecord> = (1..=4)
            .map(|i| rec(&format!("n{i}.example.net"), 27017))
            .collect();
        // Always picking index 0: the shuffle moves the first element to the back each step.
        let out = seeds_from_answers(&s, &UriOptions::default(), &records, &[], &mut first);
        assert_eq!(out.seeds.len(), 2);
        let mut last = |n: usize| n - 1;
        let out = seeds_from_answers(&s, &UriOptions::default(), &records, &[], &mut last);
        assert_eq!(
            out.seeds,
            vec![dns("n1.example.net", 27017), dns("n2.example.net", 27017)]
        );
        s.max_hosts = 10;
        let out = seeds_from_answers(&s, &UriOptions::default(), &records, &[], &mut first);
        assert_eq!(out.seeds.len(), 4);
        // A TXT replicaSet conflicts with srvMaxHosts.
        let out = seeds_from_answers(
            &s,
            &UriOptions::default(),
            &records,
            &["replicaSet=rs0".into()],
            &mut first,
        );
        assert!(matches!(
            out.problems.as_slice(),
            [SrvProblem::TxtInvalid { .. }]
        ));
    }
}
