//! End-to-end tests of the sandbox over real loopback connections: every scenario, both
//! transports, the wire protocol through `crate::wire`, shutdown, and PyMongo when installed.

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bson::{doc, Bson, Document};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::TlsConnector;
use x509_parser::prelude::{ASN1Time, FromDer, GeneralName, X509Certificate};

use super::*;
use crate::wire::{self, WireError, DEFAULT_MAX_MESSAGE_BYTES};

/// Bound of every client operation in these tests: generous, for a loaded machine.
const STEP: Duration = Duration::from_secs(60);

async fn step<F: std::future::Future>(what: &str, f: F) -> F::Output {
    match tokio::time::timeout(STEP, f).await {
        Ok(v) => v,
        Err(_) => panic!("{what} did not finish within {STEP:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// TLS clients
// ---------------------------------------------------------------------------------------------

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// How the test client judges the server.
#[derive(Clone, Copy)]
enum Trust<'a> {
    /// Like a driver: the CA file, host name `localhost`.
    CaFile(&'a Path),
    /// Anything (tests only).
    Anything,
}

fn client_config(trust: Trust<'_>) -> Arc<ClientConfig> {
    match trust {
        Trust::CaFile(path) => {
            let mut roots = RootCertStore::empty();
            for cert in CertificateDer::pem_file_iter(path).unwrap() {
                roots.add(cert.unwrap()).unwrap();
            }
            Arc::new(
                ClientConfig::builder_with_provider(provider())
                    .with_safe_default_protocol_versions()
                    .unwrap()
                    .with_root_certificates(roots)
                    .with_no_client_auth(),
            )
        }
        // The probe's own configuration: completes the handshake whatever the certificate.
        Trust::Anything => crate::net::tls::client_config(None).unwrap().0,
    }
}

async fn tls_connect(addr: SocketAddr, trust: Trust<'_>) -> io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(addr).await?;
    let name = ServerName::try_from("localhost").unwrap();
    TlsConnector::from(client_config(trust))
        .connect(name, tcp)
        .await
}

fn presented_chain(stream: &TlsStream<TcpStream>) -> Vec<CertificateDer<'static>> {
    stream
        .get_ref()
        .1
        .peer_certificates()
        .unwrap()
        .iter()
        .map(|c| c.clone().into_owned())
        .collect()
}

/// The error kinds a client sees when the server closes in the middle of a handshake.
fn is_closed_by_peer(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
    )
}

fn wire_closed_by_peer(e: &WireError) -> bool {
    match e {
        WireError::ConnectionClosed { .. } => true,
        WireError::Io { source, .. } => is_closed_by_peer(source),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// A conversation with one member
// ---------------------------------------------------------------------------------------------

struct Expect<'a> {
    sandbox: &'a Sandbox,
    member: usize,
}

async fn command<S>(
    stream: &mut S,
    id: i32,
    cmd: Document,
    legacy: bool,
) -> Result<Document, WireError>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    step(
        "a command",
        wire::run_command(stream, id, &cmd, legacy, DEFAULT_MAX_MESSAGE_BYTES),
    )
    .await
}

fn assert_failed(result: Result<Document, WireError>, expected_code: i32) {
    match result {
        Err(WireError::CommandFailed { code, .. }) => assert_eq!(code, Some(expected_code)),
        other => panic!("expected a command failure {expected_code}, got {other:?}"),
    }
}

/// hello over OP_QUERY and OP_MSG, ping, buildInfo, an unknown command, ping over OP_QUERY.
async fn converse<S>(stream: &mut S, expect: &Expect<'_>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let sandbox = expect.sandbox;
    let me = &sandbox.members()[expect.member];
    let is_primary = sandbox.primary() == Some(me.as_str());

    let legacy = command(stream, 1, wire::hello_command(None, true), true)
        .await
        .unwrap();
    let modern = command(stream, 2, wire::hello_command(None, false), false)
        .await
        .unwrap();
    for (reply, primary_field) in [(&legacy, "ismaster"), (&modern, "isWritablePrimary")] {
        assert_eq!(reply.get_str("me").unwrap(), me);
        let hosts: Vec<&str> = reply
            .get_array("hosts")
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        assert_eq!(hosts, sandbox.members());
        assert_eq!(reply.get_str("setName").unwrap(), SET_NAME);
        assert_eq!(reply.get_i32("maxWireVersion").unwrap(), 21);
        assert_eq!(reply.get_i32("minWireVersion").unwrap(), 0);
        assert_eq!(reply.get_i32("maxMessageSizeBytes").unwrap(), 48_000_000);
        assert_eq!(reply.get_bool(primary_field).unwrap(), is_primary);
        assert_eq!(reply.get_bool("secondary").unwrap(), !is_primary);
        assert!(reply.get_bool("helloOk").unwrap());
        match sandbox.primary() {
            Some(p) => assert_eq!(reply.get_str("primary").unwrap(), p),
            None => assert!(!reply.contains_key("primary")),
        }
        // The crate's own typed parse accepts it.
        let typed = wire::parse_hello(reply).unwrap();
        assert_eq!(typed.is_primary(), is_primary);
    }
    assert_ne!(
        legacy.get_i64("connectionId").unwrap(),
        0,
        "connection ids count from 1"
    );
    assert_eq!(
        legacy.get("connectionId"),
        modern.get("connectionId"),
        "same connection, same id"
    );

    let ping = command(stream, 3, wire::ping_command(), false)
        .await
        .unwrap();
    assert_eq!(ping.get_f64("ok").unwrap(), 1.0);
    let info = command(stream, 4, wire::build_info_command(), false)
        .await
        .unwrap();
    assert_eq!(info.get_str("version").unwrap(), "7.0.14");
    assert!(info.get_str("gitVersion").is_ok());
    assert_eq!(info.get_i32("maxBsonObjectSize").unwrap(), 16_777_216);
    assert_eq!(info.get_array("versionArray").unwrap().len(), 4);

    // With users, mongod refuses other commands before authentication (13 Unauthorized), and
    // a saslStart without a payload is a bad value (2), not a failed authentication.
    let auth_on = !sandbox.users().is_empty();
    assert_failed(
        command(stream, 5, doc! {"frobnicate": 1, "$db": "admin"}, false).await,
        if auth_on { 13 } else { 59 },
    );
    assert_failed(
        command(
            stream,
            6,
            doc! {"saslStart": 1, "mechanism": "SCRAM-SHA-256", "$db": "admin"},
            false,
        )
        .await,
        if auth_on { 2 } else { 18 },
    );
    // Modern servers accept only the handshake over OP_QUERY.
    assert_failed(command(stream, 7, wire::ping_command(), true).await, 352);
    // And the connection still works after errors.
    command(stream, 8, wire::ping_command(), false)
        .await
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Every scenario
// ---------------------------------------------------------------------------------------------

/// Whether a driver trusting the CA file (host name `localhost`) accepts member `index`.
fn driver_accepts(scenario: Scenario, index: usize, members: usize) -> bool {
    match scenario {
        Scenario::Good | Scenario::TlsRequired | Scenario::NoPrimary | Scenario::WrongPassword => {
            true
        }
        Scenario::OneMemberExpired => index + 1 != members,
        _ => false,
    }
}

fn check_leaf(scenario: Scenario, index: usize, members: usize, chain: &[CertificateDer<'_>]) {
    let expected_len = match scenario {
        Scenario::MissingIntermediate | Scenario::SelfSigned => 1,
        _ => 2,
    };
    assert_eq!(chain.len(), expected_len, "{scenario}: chain length");
    let (_, leaf) = X509Certificate::from_der(chain[0].as_ref()).unwrap();
    let now = ASN1Time::now();
    let validity = leaf.validity();
    let expired = scenario == Scenario::Expired
        || (scenario == Scenario::OneMemberExpired && index + 1 == members);
    if expired {
        assert!(
            validity.not_after < now,
            "{scenario}: member {index} expired"
        );
    } else if scenario == Scenario::NotYetValid {
        assert!(validity.not_before > now, "{scenario}: not yet valid");
    } else {
        assert!(
            validity.is_valid_at(now),
            "{scenario}: member {index} valid now"
        );
    }
    let san = leaf.subject_alternative_name().unwrap().unwrap().value;
    if scenario == Scenario::HostnameMismatch {
        assert_eq!(
            san.general_names,
            vec![GeneralName::DNSName("mongo-old.sandbox.invalid")]
        );
    } else {
        assert!(san
            .general_names
            .contains(&GeneralName::DNSName("localhost")));
    }
    if scenario == Scenario::SelfSigned {
        assert_eq!(leaf.issuer(), leaf.subject());
    } else {
        let issuer = leaf.issuer().iter_common_name().next().unwrap();
        assert_eq!(issuer.as_str().unwrap(), "mongotls sandbox Intermediate CA");
    }
}

async fn exercise(scenario: Scenario) {
    let sandbox = Sandbox::start(SandboxConfig::scenario(scenario))
        .await
        .unwrap();
    let mode = sandbox.tls_mode();
    assert_eq!(mode, scenario.default_tls_mode());
    let n = sandbox.members().len();
    assert_eq!(n, 3);
    let ca_pem = std::fs::read_to_string(sandbox.ca_file()).unwrap();
    let (_, ca_block) = x509_parser::pem::parse_x509_pem(ca_pem.as_bytes()).unwrap();
    let ca_cert = ca_block.parse_x509().unwrap();
    let ca_cn = ca_cert.subject().iter_common_name().next().unwrap();
    let expected_ca = if scenario == Scenario::WrongCa {
        "mongotls sandbox Other Root CA"
    } else {
        "mongotls sandbox Root CA"
    };
    assert_eq!(ca_cn.as_str().unwrap(), expected_ca);

    for (index, &addr) in sandbox.addrs().iter().enumerate() {
        let expect = Expect {
            sandbox: &sandbox,
            member: index,
        };
        // TLS, looking at whatever is presented.
        let tls = step("TLS handshake", tls_connect(addr, Trust::Anything)).await;
        if scenario == Scenario::ClientCertRequired {
            // Without a client certificate: refused in the handshake (TLS 1.3 reports it on
            // the client's first read).
            let refused = match tls {
                Err(_) => true,
                Ok(mut tls) => command(&mut tls, 1, wire::hello_command(None, true), true)
                    .await
                    .is_err(),
            };
            assert!(
                refused,
                "member {index} served a client without a certificate"
            );
        } else if mode.accepts_tls() {
            let mut tls = tls.unwrap_or_else(|e| panic!("{scenario}: member {index}: {e}"));
            check_leaf(scenario, index, n, &presented_chain(&tls));
            converse(&mut tls, &expect).await;
        } else {
            let e = tls.expect_err("TLS refused without TLS support");
            assert!(is_closed_by_peer(&e), "{scenario}: {e:?}");
        }

        // TLS as a driver trusting the CA file would judge it.
        if mode.accepts_tls() {
            let strict = step(
                "TLS handshake",
                tls_connect(addr, Trust::CaFile(sandbox.ca_file())),
            )
            .await;
            let strict = match strict {
                // TLS 1.3: a refused client certificate shows on the first read.
                Ok(mut s) if scenario == Scenario::ClientCertRequired => {
                    command(&mut s, 1, wire::hello_command(None, true), true)
                        .await
                        .map_err(|e| io::Error::other(e.to_string()))
                        .map(|_| ())
                }
                other => other.map(|_| ()),
            };
            assert_eq!(
                strict.is_ok(),
                driver_accepts(scenario, index, n),
                "{scenario}: member {index}: {:?}",
                strict.err()
            );
        }

        // Plaintext.
        let mut tcp = step("TCP connect", TcpStream::connect(addr)).await.unwrap();
        if mode.accepts_plaintext() {
            converse(&mut tcp, &expect).await;
        } else {
            let e = command(&mut tcp, 1, wire::hello_command(None, true), true)
                .await
                .unwrap_err();
            assert!(wire_closed_by_peer(&e), "{scenario}: {e:?}");
        }
    }
    sandbox.shutdown().await;
}

macro_rules! scenario_tests {
    ($($name:ident => $scenario:expr,)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                exercise($scenario).await;
            }
        )*
    };
}

scenario_tests! {
    scenario_good => Scenario::Good,
    scenario_expired => Scenario::Expired,
    scenario_not_yet_valid => Scenario::NotYetValid,
    scenario_wrong_ca => Scenario::WrongCa,
    scenario_hostname_mismatch => Scenario::HostnameMismatch,
    scenario_missing_intermediate => Scenario::MissingIntermediate,
    scenario_self_signed => Scenario::SelfSigned,
    scenario_plaintext_only => Scenario::PlaintextOnly,
    scenario_tls_required => Scenario::TlsRequired,
    scenario_one_member_expired => Scenario::OneMemberExpired,
    scenario_no_primary => Scenario::NoPrimary,
    scenario_wrong_password => Scenario::WrongPassword,
    scenario_client_cert_required => Scenario::ClientCertRequired,
}

#[test]
fn every_scenario_has_a_test_and_a_name() {
    // The macro above lists 13; keep them in step with `Scenario::ALL`.
    assert_eq!(Scenario::ALL.len(), 13);
    for s in Scenario::ALL {
        assert_eq!(s.name().parse::<Scenario>().unwrap(), s);
        assert_eq!(s.to_string(), s.name());
        assert!(!s.description().is_empty());
    }
    for m in TlsMode::ALL {
        assert_eq!(m.name().parse::<TlsMode>().unwrap(), m);
    }
    let e = "broken".parse::<Scenario>().unwrap_err();
    assert!(e
        .to_string()
        .starts_with("unknown scenario 'broken': expected one of good, expired"));
    assert!("requireTLS".parse::<TlsMode>().is_err());
}

// ---------------------------------------------------------------------------------------------
// Lifecycle and protocol details
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn member_count_is_checked() {
    for members in [0, 8] {
        let config = SandboxConfig {
            members,
            ..SandboxConfig::default()
        };
        let e = Sandbox::start(config).await.unwrap_err();
        assert!(matches!(e, SandboxError::MemberCount { requested } if requested == members));
    }
}

#[tokio::test]
async fn uri_names_every_member_and_the_ca_file() {
    let config = SandboxConfig {
        members: 1,
        scenario: Scenario::PlaintextOnly,
        ..SandboxConfig::default()
    };
    let sandbox = Sandbox::start(config).await.unwrap();
    let member = &sandbox.members()[0];
    assert_eq!(member, &format!("localhost:{}", sandbox.addrs()[0].port()));
    assert!(sandbox.ca_file().is_absolute());
    assert_eq!(
        sandbox.uri(),
        format!(
            "mongodb://{member}/?replicaSet=mongotls-sandbox&tls=true&tlsCAFile={}",
            percent_encode_path(sandbox.ca_file())
        )
    );
    assert_eq!(sandbox.set_name(), "mongotls-sandbox");
    assert_eq!(
        percent_encode_path(Path::new("/a b/c%.pem")),
        "/a%20b/c%25.pem"
    );

    let mut out = Vec::new();
    describe(&sandbox, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(&sandbox.uri()), "{text}");
    assert!(text.contains("scenario:  plaintext-only"), "{text}");
    assert!(text.contains("TLS mode:  disabled"), "{text}");
    assert!(text.contains(&format!("{member} (primary)")), "{text}");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn shutdown_closes_ports_and_connections_and_removes_the_temp_dir() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let addrs = sandbox.addrs().to_vec();
    let dir = sandbox.ca_file().parent().unwrap().to_path_buf();
    assert!(dir.is_dir());
    // Open connections of both kinds, one of them in the middle of an awaitable hello.
    let mut tls = step(
        "TLS",
        tls_connect(addrs[0], Trust::CaFile(sandbox.ca_file())),
    )
    .await
    .unwrap();
    command(&mut tls, 1, wire::hello_command(None, false), false)
        .await
        .unwrap();
    let mut awaiting = step("TCP", TcpStream::connect(addrs[1])).await.unwrap();
    let hello = command(&mut awaiting, 1, wire::hello_command(None, false), false)
        .await
        .unwrap();
    let awaitable = doc! {
        "hello": 1, "$db": "admin",
        "topologyVersion": hello.get_document("topologyVersion").unwrap().clone(),
        "maxAwaitTimeMS": 10_000,
    };
    let request = wire::encode_command(2, &awaitable, false).unwrap();
    wire::write_message(&mut awaiting, &request).await.unwrap();

    step("shutdown", sandbox.shutdown()).await;

    assert!(!dir.exists(), "{} removed", dir.display());
    for addr in addrs {
        let e = TcpStream::connect(addr).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused, "{addr}");
    }
    // The open connections were ended: EOF (or a reset), not a hang.
    let mut buf = [0u8; 64];
    let n = step("read after shutdown", tls.read(&mut buf)).await;
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    let r = step(
        "read after shutdown",
        wire::read_message(&mut awaiting, DEFAULT_MAX_MESSAGE_BYTES),
    )
    .await;
    assert!(r.is_err(), "the awaitable hello was not answered: {r:?}");
}

#[tokio::test]
async fn drop_removes_the_temp_dir() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let dir = sandbox.ca_file().parent().unwrap().to_path_buf();
    drop(sandbox);
    assert!(!dir.exists());
}

#[tokio::test]
async fn awaitable_hello_is_answered_after_max_await_time() {
    let sandbox = Sandbox::start(SandboxConfig {
        members: 1,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut tcp = TcpStream::connect(sandbox.addrs()[0]).await.unwrap();
    let first = command(&mut tcp, 1, wire::hello_command(None, false), false)
        .await
        .unwrap();
    let tv = first.get_document("topologyVersion").unwrap();
    assert!(matches!(tv.get("processId"), Some(Bson::ObjectId(_))));
    assert_eq!(tv.get_i64("counter").unwrap(), 0);
    let awaitable = doc! {
        "hello": 1, "$db": "admin", "topologyVersion": tv.clone(), "maxAwaitTimeMS": 200,
    };
    let started = Instant::now();
    let reply = command(&mut tcp, 2, awaitable, false).await.unwrap();
    // A lower bound only: a sleep never ends early.
    assert!(started.elapsed() >= Duration::from_millis(190));
    assert_eq!(reply.get("topologyVersion"), first.get("topologyVersion"));
    // The exhaustAllowed flag is ignored: a normal reply without moreToCome.
    let exhaust = wire::encode_op_msg_parts(
        3,
        0,
        wire::OP_MSG_EXHAUST_ALLOWED,
        &doc! {"hello": 1, "$db": "admin"},
        &[],
    )
    .unwrap();
    wire::write_message(&mut tcp, &exhaust).await.unwrap();
    let (header, body) = wire::read_message(&mut tcp, DEFAULT_MAX_MESSAGE_BYTES)
        .await
        .unwrap();
    assert_eq!(header.response_to, 3);
    let message = wire::decode(&header, &body).unwrap();
    assert!(!message.more_to_come());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn more_to_come_gets_no_reply_and_bad_frames_end_only_their_connection() {
    let sandbox = Sandbox::start(SandboxConfig {
        members: 1,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let addr = sandbox.addrs()[0];
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    let silent =
        wire::encode_op_msg_parts(10, 0, wire::OP_MSG_MORE_TO_COME, &wire::ping_command(), &[])
            .unwrap();
    wire::write_message(&mut tcp, &silent).await.unwrap();
    // The next reply answers request 11, not 10.
    command(&mut tcp, 11, wire::ping_command(), false)
        .await
        .unwrap();

    // A 2 GiB declared length: the connection ends, nothing is allocated.
    let mut huge = TcpStream::connect(addr).await.unwrap();
    let mut header = Vec::new();
    for v in [0x7fff_ffffi32, 1, 0, 2013] {
        header.extend_from_slice(&v.to_le_bytes());
    }
    huge.write_all(&header).await.unwrap();
    let mut buf = [0u8; 16];
    let n = step("read", huge.read(&mut buf)).await;
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");

    // Garbage that is not a message, and a client that connects and leaves.
    let mut garbage = TcpStream::connect(addr).await.unwrap();
    garbage
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let n = step("read", garbage.read(&mut buf)).await;
    assert!(matches!(n, Ok(0) | Err(_)), "{n:?}");
    drop(TcpStream::connect(addr).await.unwrap());

    // An OP_MSG without $db is an error, not a closed connection (sent by hand:
    // `run_command` adds the `$db` that is missing).
    let request = wire::encode_op_msg(12, &doc! {"ping": 1}).unwrap();
    wire::write_message(&mut tcp, &request).await.unwrap();
    let (header, body) = step(
        "reply",
        wire::read_message(&mut tcp, DEFAULT_MAX_MESSAGE_BYTES),
    )
    .await
    .unwrap();
    assert_failed(wire::reply_document(12, &header, &body), 40571);
    // The first connection is unaffected.
    command(&mut tcp, 13, wire::ping_command(), false)
        .await
        .unwrap();
    sandbox.shutdown().await;
}

#[tokio::test]
async fn handshake_delay_and_mode_override_apply() {
    let sandbox = Sandbox::start(SandboxConfig {
        members: 1,
        scenario: Scenario::PlaintextOnly,
        tls_mode: Some(TlsMode::Require),
        handshake_delay: Some(Duration::from_millis(100)),
    })
    .await
    .unwrap();
    assert_eq!(sandbox.tls_mode(), TlsMode::Require);
    let addr = sandbox.addrs()[0];
    let started = Instant::now();
    let mut tls = step("TLS", tls_connect(addr, Trust::CaFile(sandbox.ca_file())))
        .await
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(90));
    command(&mut tls, 1, wire::ping_command(), false)
        .await
        .unwrap();
    let mut tcp = TcpStream::connect(addr).await.unwrap();
    let e = command(&mut tcp, 1, wire::ping_command(), false)
        .await
        .unwrap_err();
    assert!(wire_closed_by_peer(&e), "{e:?}");
    sandbox.shutdown().await;
}

// ---------------------------------------------------------------------------------------------
// An official driver
// ---------------------------------------------------------------------------------------------

const PYMONGO_SCRIPT: &str = r#"
import sys, time
from pymongo import MongoClient
client = MongoClient(sys.argv[1], serverSelectionTimeoutMS=5000)
print("ping", client.admin.command("ping")["ok"])
deadline = time.time() + 30
while len(client.nodes) < 3 and time.time() < deadline:
    time.sleep(0.1)
print("nodes", ",".join(sorted("%s:%d" % n for n in client.nodes)))
print("primary", "%s:%d" % client.primary)
print("version", client.server_info()["version"])
client.close()
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pymongo_discovers_the_good_replica_set() {
    let has_pymongo = std::process::Command::new("python3")
        .args(["-c", "import pymongo"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !has_pymongo {
        eprintln!("skipped: python3 with pymongo is not installed (pip install pymongo)");
        return;
    }
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let uri = sandbox.uri();
    let output = step(
        "the PyMongo script",
        tokio::task::spawn_blocking(move || {
            std::process::Command::new("python3")
                .args(["-c", PYMONGO_SCRIPT, &uri])
                .output()
        }),
    )
    .await
    .unwrap()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let mut members = sandbox.members();
    members.sort();
    assert!(stdout.contains("ping 1.0"), "{stdout}");
    assert!(
        stdout.contains(&format!("nodes {}", members.join(","))),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("primary {}", sandbox.primary().unwrap())),
        "{stdout}"
    );
    assert!(stdout.contains("version 7.0.14"), "{stdout}");
    sandbox.shutdown().await;
}
