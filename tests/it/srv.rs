//! `mongotls check mongodb+srv://` against a real DNS server on loopback (dnsmasq, an
//! independent implementation), with `--dns-server`: the SRV targets are checked member by
//! member against the sandbox, whose members are named by those targets; targets outside the
//! domain, a forbidden TXT option, a name without records and a server that never answers
//! each give their finding.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::net::{SocketAddr, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::peers::skip_or_fail_in_ci;
use crate::support::run::{assert_snake, mongotls};
use mongotls::sandbox::{Sandbox, SandboxConfig, SET_NAME};
use serde_json::Value;

const DNSMASQ: &str = "/usr/sbin/dnsmasq";
const INSTALL: &str = "apt-get install dnsmasq-base";
/// The name the sandbox members use, and the SRV targets point at (127.0.0.1).
const MEMBER_HOST: &str = "db.mongo.test";

/// A dnsmasq serving only the records it was given (and NXDOMAIN for other names under
/// `mongo.test`) on 127.0.0.1; killed on drop.
struct Dnsmasq {
    child: Child,
    addr: SocketAddr,
}

impl Dnsmasq {
    /// Starts dnsmasq with `records` (its `--srv-host=…`, `--txt-record=…` options) on a free
    /// port, retrying on another port when the one picked was taken meanwhile. `None` (after
    /// skipping, or failing in CI) when dnsmasq is not installed.
    fn start(records: &[String]) -> Option<Dnsmasq> {
        let binary = if std::path::Path::new(DNSMASQ).exists() {
            DNSMASQ.to_owned()
        } else if Command::new("dnsmasq").arg("--version").output().is_ok() {
            "dnsmasq".to_owned()
        } else {
            skip_or_fail_in_ci("dnsmasq not installed", INSTALL);
            return None;
        };
        for _attempt in 0..5 {
            // dnsmasq serves UDP and TCP on one port: a port free for both, else another.
            let udp = UdpSocket::bind("127.0.0.1:0").expect("free port");
            let port = udp.local_addr().expect("local address").port();
            if std::net::TcpListener::bind(("127.0.0.1", port)).is_err() {
                continue;
            }
            drop(udp);
            let mut child = Command::new(&binary)
                .args([
                    "--keep-in-foreground",
                    "--no-resolv",
                    "--no-hosts",
                    "--conf-file=/dev/null",
                    "--listen-address=127.0.0.1",
                    "--bind-interfaces",
                    "--pid-file",
                    "--log-facility=-",
                    "--local=/mongo.test/",
                    &format!("--port={port}"),
                    &format!("--host-record={MEMBER_HOST},127.0.0.1"),
                ])
                .args(records)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn dnsmasq");
            let addr = SocketAddr::from(([127, 0, 0, 1], port));
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(5) {
                if let Ok(Some(_)) = child.try_wait() {
                    break; // the port was taken: try another
                }
                // Ready when it answers a query over UDP, as the resolver asks: a TCP connect
                // alone could reach another test's listener on that port number.
                if answers_udp(addr) {
                    return Some(Dnsmasq { child, addr });
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("dnsmasq did not start on any of 5 ports");
    }
}

/// Whether a DNS server answers at `addr` over UDP: one query (A `mongo.test`), any reply
/// with its id.
fn answers_udp(addr: SocketAddr) -> bool {
    let Ok(socket) = UdpSocket::bind("127.0.0.1:0") else {
        return false;
    };
    let _ = socket.set_read_timeout(Some(Duration::from_millis(200)));
    let mut query = vec![0x4d, 0x54, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    query.extend_from_slice(b"\x05mongo\x04test\x00\x00\x01\x00\x01");
    if socket.send_to(&query, addr).is_err() {
        return false;
    }
    let mut reply = [0u8; 512];
    matches!(socket.recv_from(&mut reply), Ok((n, from)) if n >= 12 && from == addr && reply[..2] == query[..2])
}

impl Drop for Dnsmasq {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One SRV record `_mongodb._tcp.{host}` → `target:port`.
fn srv(host: &str, target: &str, port: u16) -> String {
    format!("--srv-host=_mongodb._tcp.{host},{target},{port},0,5")
}

/// `check URI --ca FILE --dns-server ADDR --format json [extra]`, off the runtime.
async fn check(uri: &str, ca: &str, dns: SocketAddr, extra: &[&str]) -> (i32, Value, Duration) {
    let mut args: Vec<String> = [
        "check",
        uri,
        "--ca",
        ca,
        "--dns-server",
        &dns.to_string(),
        "--format",
        "json",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    let start = Instant::now();
    let run = tokio::task::spawn_blocking(move || mongotls(&args))
        .await
        .expect("join");
    let json: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
    (run.code, json, start.elapsed())
}

fn codes(findings: &Value) -> BTreeSet<String> {
    findings
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn all_codes(r: &Value) -> BTreeSet<String> {
    let mut out = codes(&r["findings"]);
    for m in r["members"].as_array().expect("members") {
        out.extend(codes(&m["findings"]));
    }
    out
}

async fn named_sandbox() -> Sandbox {
    Sandbox::start_named(SandboxConfig::default(), MEMBER_HOST)
        .await
        .expect("start sandbox")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn srv_name_is_checked_member_by_member_through_dns_server() {
    let sb = named_sandbox().await;
    let ports: Vec<u16> = sb.addrs().iter().map(|a| a.port()).collect();
    let mut records: Vec<String> = ports
        .iter()
        .map(|p| srv("cluster.mongo.test", MEMBER_HOST, *p))
        .collect();
    records.push(format!(
        "--txt-record=cluster.mongo.test,replicaSet={SET_NAME}"
    ));
    let Some(dns) = Dnsmasq::start(&records) else {
        sb.shutdown().await;
        return;
    };
    let ca = sb.ca_file().display().to_string();
    let (exit, r, _) = check("mongodb+srv://cluster.mongo.test/", &ca, dns.addr, &[]).await;
    // --dns-server also serves a plain mongodb:// string: its hosts resolve through it.
    let first = sb.members()[0].clone();
    let (plain_exit, plain, _) = check(
        &format!("mongodb://{first}/?tls=true"),
        &ca,
        dns.addr,
        &["--no-discover"],
    )
    .await;
    let members: BTreeSet<String> = sb.members().into_iter().collect();
    sb.shutdown().await;
    assert_snake(&r, "$");

    assert_eq!(
        r["srv"]["name"], "_mongodb._tcp.cluster.mongo.test",
        "{r:#}"
    );
    assert_eq!(r["srv"]["dns_server"], dns.addr.to_string());
    assert_eq!(r["srv"]["records"].as_array().unwrap().len(), 3, "{r:#}");
    assert_eq!(r["srv"]["records"][0]["target"], MEMBER_HOST);
    assert_eq!(r["srv"]["records"][0]["weight"], 5);
    assert_eq!(r["srv"]["txt"][0], format!("replicaSet={SET_NAME}"));
    assert!(r["srv"]["duration_ms"].as_f64().is_some(), "{r:#}");
    let seeds: BTreeSet<String> = r["srv"]["seeds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert_eq!(seeds, members, "{r:#}");
    // The TXT record's replicaSet is the one expected.
    assert_eq!(r["target"]["replica_set"], SET_NAME);
    assert_eq!(r["target"]["set_name"], SET_NAME);

    // Member by member, under the SRV targets' name, resolved through --dns-server.
    let probed = r["members"].as_array().unwrap();
    assert_eq!(probed.len(), 3, "{r:#}");
    for m in probed {
        assert!(members.contains(m["address"].as_str().unwrap()), "{m:#}");
        assert_eq!(m["server_name"], MEMBER_HOST);
        assert_eq!(
            m["resolved"][0].as_str().unwrap().split(':').next(),
            Some("127.0.0.1")
        );
        assert_eq!(m["seed"], true);
        assert_eq!(m["in_config"], true);
        assert_eq!(m["chain"]["trusted"], true, "{m:#}");
    }
    let all = all_codes(&r);
    assert!(
        all.iter()
            .all(|c| !c.starts_with("srv.") && !c.starts_with("cert.") && c != "net.dns_failed"),
        "{all:?}"
    );
    assert_eq!(exit, 0, "{r:#}");

    assert_eq!(plain["srv"], Value::Null);
    assert_eq!(plain["members"][0]["address"], first.as_str());
    assert_eq!(plain["members"][0]["chain"]["trusted"], true, "{plain:#}");
    assert_eq!(plain_exit, 0, "{plain:#}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn targets_outside_the_domain_and_forbidden_txt_options_are_findings() {
    let sb = named_sandbox().await;
    let ports: Vec<u16> = sb.addrs().iter().map(|a| a.port()).collect();
    let records = vec![
        // One good target and one in another domain.
        srv("outside.mongo.test", MEMBER_HOST, ports[0]),
        srv("outside.mongo.test", "db.evil.test", ports[1]),
        // A TXT record setting an option a TXT record may not set.
        srv("badtxt.mongo.test", MEMBER_HOST, ports[0]),
        format!("--txt-record=badtxt.mongo.test,replicaSet={SET_NAME}&tls=false"),
    ];
    let Some(dns) = Dnsmasq::start(&records) else {
        sb.shutdown().await;
        return;
    };
    let ca = sb.ca_file().display().to_string();
    let (exit, outside, _) = check(
        "mongodb+srv://outside.mongo.test/",
        &ca,
        dns.addr,
        &["--no-discover"],
    )
    .await;
    let (exit_txt, badtxt, _) = check(
        "mongodb+srv://badtxt.mongo.test/",
        &ca,
        dns.addr,
        &["--no-discover"],
    )
    .await;
    sb.shutdown().await;

    assert_eq!(exit, 1, "{outside:#}");
    let invalid: Vec<&Value> = outside["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "srv.invalid_target")
        .collect();
    assert_eq!(invalid.len(), 1, "{outside:#}");
    let message = invalid[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("db.evil.test:{}", ports[1])),
        "{message}"
    );
    assert!(message.contains("mongo.test"), "{message}");
    // The good target is still checked; the bad one is not.
    assert_eq!(outside["srv"]["records"].as_array().unwrap().len(), 2);
    assert_eq!(outside["srv"]["seeds"].as_array().unwrap().len(), 1);
    let probed = outside["members"].as_array().unwrap();
    assert_eq!(probed.len(), 1, "{outside:#}");
    assert_eq!(probed[0]["address"], format!("{MEMBER_HOST}:{}", ports[0]));
    assert_eq!(probed[0]["chain"]["trusted"], true);

    assert_eq!(exit_txt, 1, "{badtxt:#}");
    let txt: Vec<&Value> = badtxt["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "srv.txt_invalid")
        .collect();
    assert_eq!(txt.len(), 1, "{badtxt:#}");
    assert!(
        txt[0]["message"].as_str().unwrap().contains("sets tls"),
        "{txt:?}"
    );
    assert!(txt[0]["hint"]
        .as_str()
        .unwrap()
        .contains("authSource, replicaSet and loadBalanced"));
    // TLS stays on (a TXT record cannot turn it off), and the allowed option still applies.
    assert_eq!(badtxt["target"]["replica_set"], SET_NAME);
    assert_eq!(badtxt["members"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_without_records_is_no_records() {
    let Some(dns) = Dnsmasq::start(&[srv("other.mongo.test", MEMBER_HOST, 27017)]) else {
        return;
    };
    // Only for its CA file: no member is reached.
    let sb = named_sandbox().await;
    let ca = sb.ca_file().display().to_string();
    let (exit, r, _) = check("mongodb+srv://nothing.mongo.test/", &ca, dns.addr, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 1, "{r:#}");
    assert_eq!(r["verdict"], "fail");
    assert_eq!(
        codes(&r["findings"])
            .into_iter()
            .filter(|c| c.starts_with("srv."))
            .collect::<Vec<_>>(),
        ["srv.no_records"],
        "{r:#}"
    );
    assert!(
        r["srv"]["error"].as_str().unwrap().contains("NXDOMAIN"),
        "{r:#}"
    );
    assert!(r["members"].as_array().unwrap().is_empty());

    // A name dnsmasq has no data for and no upstream to ask: it refuses, which is a failed
    // lookup (the server's fault), not a name without records.
    let sb = named_sandbox().await;
    let ca = sb.ca_file().display().to_string();
    let (exit, r, _) = check("mongodb+srv://cluster.elsewhere.test/", &ca, dns.addr, &[]).await;
    sb.shutdown().await;
    assert_eq!(exit, 1, "{r:#}");
    let failed: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("srv."))
        .collect();
    assert_eq!(failed.len(), 1, "{r:#}");
    assert_eq!(failed[0]["code"], "srv.lookup_failed", "{r:#}");
    let message = failed[0]["message"].as_str().unwrap();
    assert!(message.contains(&dns.addr.to_string()), "{message}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dns_server_that_never_answers_is_lookup_failed_within_the_timeout() {
    // Bound and never read: queries to it go unanswered.
    let silent = UdpSocket::bind("127.0.0.1:0").expect("bind");
    let addr = silent.local_addr().unwrap();
    // Only for its CA file: no member is reached.
    let sb = named_sandbox().await;
    let ca = sb.ca_file().display().to_string();
    let (exit, r, elapsed) = check(
        "mongodb+srv://cluster.mongo.test/",
        &ca,
        addr,
        &["--timeout", "1s"],
    )
    .await;
    drop(silent);
    sb.shutdown().await;
    assert_eq!(exit, 1, "{r:#}");
    let srv_findings: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("srv."))
        .collect();
    assert_eq!(srv_findings.len(), 1, "{r:#}");
    assert_eq!(srv_findings[0]["code"], "srv.lookup_failed");
    let message = srv_findings[0]["message"].as_str().unwrap();
    assert!(message.contains(&addr.to_string()), "{message}");
    assert!(elapsed < Duration::from_secs(8), "took {elapsed:?}");
    assert!(r["members"].as_array().unwrap().is_empty());
}
