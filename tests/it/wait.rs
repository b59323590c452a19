//! Acceptance: `mongotls wait` follows an independent replica set through a rolling restart.
//!
//! The server is `tests/peers/rolling_replset.py`: tests/peers/mock_replset.py's three-member
//! replica set (MockupDB's wire protocol on PyMongo's `bson`, Python's `ssl` for TLS; nothing
//! shared with mongotls' Rust code) whose members stop, start again on the same port with
//! another certificate, and hand over the primary on commands read from its stdin. The CA and
//! the leaves (the old one, and a renewed one from the same CA with a later notAfter) are made
//! here with rcgen.
//!
//! The tests wait on events (the peer's JSON lines, `wait`'s timestamped stderr lines), never
//! on sleeps: a member is started again only once `wait` has said it went away, so that every
//! downtime is observed however loaded the machine is. Without python3, PyMongo or MockupDB
//! they print "skipped" and pass, except in CI (`CI` set), where their absence fails.
//!
//! Also here: the JSON shape of a `wait` report built from fixed times by the pure timeline
//! (insta snapshot), and the usage errors of `--expect-*`.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tempfile::TempDir;
use time::OffsetDateTime;

use crate::support::peers::{mockupdb_peers_or_skip, peer_script};
use crate::support::pki::{leaf, LeafSpec, Pki, Validity};
use crate::support::run::{english, mongotls, path_str, text, MONGOTLS};

/// The replica set's name.
const SET_NAME: &str = "rs0";

/// Bound on waiting for one event (a peer's line, a line of `wait`): reaching it fails the test.
const EVENT_TIMEOUT: Duration = Duration::from_secs(60);

/// `openssl x509 -fingerprint -sha256` style: upper-case, colon-separated.
fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The test PKI in `dir`: `ca.pem` (the root), `inter.pem`, the old leaf (`old.pem`,
/// `old.key`) and a renewed one from the same intermediate, valid a year longer (`new.pem`,
/// `new.key`). Returns the fingerprints of the old and the new leaf.
fn write_pki(dir: &Path) -> (String, String) {
    let now = OffsetDateTime::now_utc();
    let pki = Pki::good(now);
    let renewed = leaf(
        &LeafSpec {
            validity: Validity::new(
                now - time::Duration::days(1),
                now + time::Duration::days(730),
            ),
            ..LeafSpec::server(now)
        },
        &pki.intermediate,
    );
    let files = [
        ("ca.pem", pki.root.cert_pem.clone()),
        ("inter.pem", pki.intermediate.cert_pem.clone()),
        ("old.pem", pki.leaf.cert_pem.clone()),
        ("old.key", pki.leaf.key_pem.clone()),
        ("new.pem", renewed.cert_pem.clone()),
        ("new.key", renewed.key_pem.clone()),
    ];
    for (name, pem) in files {
        fs::write(dir.join(name), pem).expect("write PKI file");
    }
    (
        fingerprint(&pki.leaf.cert_der),
        fingerprint(&renewed.cert_der),
    )
}

/// Lines of a child's pipe, read on a thread, with everything read so far kept.
struct Lines {
    rx: Receiver<String>,
    seen: Vec<String>,
}

impl Lines {
    fn read(pipe: impl Read + Send + 'static) -> Lines {
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Lines {
            rx,
            seen: Vec::new(),
        }
    }

    /// The next line for which `want` holds (the lines before it are kept too); panics after
    /// [`EVENT_TIMEOUT`], or when the pipe closes first, with `context()`.
    fn until(
        &mut self,
        what: &str,
        want: impl Fn(&str) -> bool,
        context: impl Fn() -> String,
    ) -> String {
        let deadline = Instant::now() + EVENT_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(e) => panic!(
                    "no line {what} ({e:?}); so far:\n{}\n{}",
                    self.seen.join("\n"),
                    context()
                ),
            }
        }
    }

    /// Whatever arrives until the pipe closes (bounded by [`EVENT_TIMEOUT`]).
    fn rest(&mut self) -> String {
        let deadline = Instant::now() + EVENT_TIMEOUT;
        while let Ok(line) = self
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.seen.push(line);
        }
        self.seen.join("\n")
    }
}

/// `tests/peers/rolling_replset.py`, serving three `tls_only` members with `cert`/`key`,
/// member 2 the primary. Dropping it closes its stdin, then kills and reaps it.
struct RollingSet {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Lines,
    members: Vec<String>,
    dir: std::path::PathBuf,
}

impl RollingSet {
    fn start(dir: &Path, cert: &str, key: &str) -> RollingSet {
        let members: Vec<Value> = (0..3)
            .map(|i| {
                json!({"mode": "tls_only", "cert": cert, "key": key, "chain": ["inter.pem"],
                       "primary": i == 2})
            })
            .collect();
        let spec = dir.join("rolling.spec.json");
        fs::write(
            &spec,
            json!({"set_name": SET_NAME, "members": members}).to_string(),
        )
        .expect("write the spec");
        let mut child = Command::new("python3")
            .arg(peer_script("rolling_replset.py"))
            .arg(&spec)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(dir.join("rolling.stderr")).expect("stderr file"))
            .spawn()
            .expect("spawn python3 rolling_replset.py");
        let stdin = child.stdin.take();
        let out = Lines::read(child.stdout.take().expect("stdout is piped"));
        let mut set = RollingSet {
            child,
            stdin,
            out,
            members: Vec::new(),
            dir: dir.to_path_buf(),
        };
        let stderr = set.stderr_fn();
        let ready = set
            .out
            .until("ready", |l| l.contains("\"members\""), stderr);
        let ready: Value = serde_json::from_str(&ready).expect("ready line is JSON");
        set.members = ready["members"]
            .as_array()
            .expect("members")
            .iter()
            .map(|m| m.as_str().expect("address").to_string())
            .collect();
        assert_eq!(set.members.len(), 3, "{ready}");
        set
    }

    fn stderr_fn(&self) -> impl Fn() -> String {
        let path = self.dir.join("rolling.stderr");
        move || {
            format!(
                "peer stderr:\n{}",
                fs::read_to_string(&path).unwrap_or_default()
            )
        }
    }

    fn seeds(&self) -> String {
        self.members.join(",")
    }

    /// Sends one command and waits for the event it answers with.
    fn command(&mut self, line: &str, event: &str, member: usize) -> Instant {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}")
            .and_then(|()| stdin.flush())
            .expect("write to the peer");
        let stderr = self.stderr_fn();
        self.out.until(
            &format!("{event} {member} after `{line}`"),
            |l| {
                assert!(!l.contains("\"error\""), "the peer refused `{line}`: {l}");
                let v: Value = serde_json::from_str(l).unwrap_or(Value::Null);
                v["event"] == event && v["member"] == member
            },
            stderr,
        );
        Instant::now()
    }
}

impl Drop for RollingSet {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A running `mongotls wait`: its stderr line by line, its stdout whole at the end. Killed
/// and reaped when dropped.
struct Waiting {
    child: Child,
    err: Lines,
    out: Option<thread::JoinHandle<Vec<u8>>>,
}

impl Waiting {
    fn start(args: &[&str]) -> Waiting {
        let mut cmd = Command::new(MONGOTLS);
        english(&mut cmd)
            .arg("wait")
            .args(args)
            .env("COLUMNS", "100000")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn mongotls wait");
        let err = Lines::read(child.stderr.take().expect("stderr is piped"));
        let mut stdout = child.stdout.take().expect("stdout is piped");
        let out = thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        Waiting {
            child,
            err,
            out: Some(out),
        }
    }

    /// Waits for a stderr line holding every one of `parts`.
    fn says(&mut self, parts: &[&str]) -> String {
        self.err.until(
            &format!("with {parts:?} from wait"),
            |l| parts.iter().all(|p| l.contains(p)),
            String::new,
        )
    }

    fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits (at most `limit`) for the exit: its code, the moment it was seen, stdout, stderr.
    fn finish(mut self, limit: Duration) -> (Option<i32>, Instant, String, String) {
        let deadline = Instant::now() + limit;
        let status = loop {
            match self.child.try_wait().expect("wait for mongotls") {
                Some(status) => break status,
                None if Instant::now() >= deadline => {
                    let _ = self.child.kill();
                    panic!(
                        "mongotls wait did not exit within {limit:?}; stderr:\n{}",
                        self.err.seen.join("\n")
                    );
                }
                None => thread::sleep(Duration::from_millis(5)),
            }
        };
        let exited = Instant::now();
        let stdout = text(
            &self
                .out
                .take()
                .expect("once")
                .join()
                .expect("stdout reader"),
        );
        let stderr = self.err.rest();
        (status.code(), exited, stdout, stderr)
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(set: &RollingSet) -> String {
    format!("mongodb://{}/?replicaSet={SET_NAME}&tls=true", set.seeds())
}

fn parse(stdout: &str, stderr: &str) -> Value {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"))
}

fn member<'a>(report: &'a Value, address: &str) -> &'a Value {
    report["members"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["address"] == address)
        .unwrap_or_else(|| panic!("no member {address} in {report:#}"))
}

/// The acceptance test of the issue: members restarted one at a time onto the renewed
/// certificate, the primary last (after it hands over), and `wait --expect-new-cert` exits 0
/// only once the last one is back.
#[test]
fn wait_follows_a_rolling_restart_onto_renewed_certificates() {
    if !mockupdb_peers_or_skip() {
        return;
    }
    let started = Instant::now();
    let dir = TempDir::new().expect("temp dir");
    let (old, new) = write_pki(dir.path());
    let mut set = RollingSet::start(dir.path(), "old.pem", "old.key");
    let ca = dir.path().join("ca.pem");
    let uri = uri(&set);
    let mut wait = Waiting::start(&[
        &uri,
        "--ca",
        path_str(&ca),
        "--expect-new-cert",
        "--interval",
        "200ms",
        "--timeout",
        "90s",
        "--format",
        "json",
    ]);
    wait.says(&["first round done: 3 members, 0 ready"]);
    let m = set.members.clone();
    let mut back = Instant::now();
    for i in [0, 1, 2] {
        if i == 2 {
            // The primary restarts last: it hands over first.
            set.command("primary 0", "primary", 0);
            wait.says(&["primary: ", &format!("→ {}", m[0])]);
            assert!(
                wait.running(),
                "wait ended before the last member restarted"
            );
        }
        set.command(&format!("stop {i}"), "stopped", i);
        wait.says(&[&format!("{}: went away", m[i])]);
        back = set.command(&format!("start {i} new.pem new.key"), "up", i);
        if i < 2 {
            wait.says(&[&format!("{}: came back", m[i])]);
            assert!(
                wait.running(),
                "wait ended with member {} still on the old certificate",
                m[2]
            );
        }
    }
    let (code, exited, stdout, stderr) = wait.finish(EVENT_TIMEOUT);
    let report = parse(&stdout, &stderr);
    assert_eq!(code, Some(0), "{report:#}\n{stderr}");
    assert_eq!(report["command"], "wait");
    assert_ne!(report["verdict"], "fail", "{report:#}");
    for address in &m {
        let r = member(&report, address);
        assert!(
            r["downtime_ms"].as_f64().expect("downtime_ms") > 0.0,
            "{r:#}"
        );
        assert_eq!(
            r["initial_certificate"]["sha256_fingerprint"],
            old.as_str(),
            "{r:#}"
        );
        assert_eq!(
            r["final_certificate"]["sha256_fingerprint"],
            new.as_str(),
            "{r:#}"
        );
        let events: Vec<&str> = r["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|e| e["event"].as_str().expect("event"))
            .collect();
        assert!(
            events.contains(&"went_away") && events.contains(&"came_back"),
            "{r:#}"
        );
        let came_back = r["events"]
            .as_array()
            .expect("events")
            .iter()
            .find(|e| e["event"] == "came_back")
            .expect("came_back");
        assert_eq!(came_back["sha256_fingerprint"], new.as_str());
        assert_eq!(came_back["tls_mode"], "tls_only");
    }
    let changes = report["primary_changes"]
        .as_array()
        .expect("primary_changes");
    assert!(
        changes
            .iter()
            .any(|c| c["from"] == m[2].as_str() && c["to"] == m[0].as_str()),
        "{report:#}"
    );
    eprintln!(
        "wait acceptance: wall {:.1}s; wait exited {} ms after the last member listened again \
         (interval 200ms)",
        started.elapsed().as_secs_f64(),
        exited.saturating_duration_since(back).as_millis()
    );
}

/// A member that never comes back: exit 1 at `--timeout`, `wait.timeout` naming it and only it.
#[test]
fn wait_times_out_naming_the_member_that_never_came_back() {
    if !mockupdb_peers_or_skip() {
        return;
    }
    let dir = TempDir::new().expect("temp dir");
    write_pki(dir.path());
    let mut set = RollingSet::start(dir.path(), "old.pem", "old.key");
    set.command("stop 1", "stopped", 1);
    let ca = dir.path().join("ca.pem");
    let uri = uri(&set);
    let wait = Waiting::start(&[
        &uri,
        "--ca",
        path_str(&ca),
        "--interval",
        "200ms",
        "--timeout",
        "6s",
        "--format",
        "json",
    ]);
    let (code, _, stdout, stderr) = wait.finish(EVENT_TIMEOUT);
    let report = parse(&stdout, &stderr);
    assert_eq!(code, Some(1), "{report:#}\n{stderr}");
    assert_eq!(report["verdict"], "fail");
    assert!(
        report["duration_ms"].as_f64().expect("duration_ms") >= 6000.0,
        "{report:#}"
    );
    let timeouts: Vec<&Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "wait.timeout")
        .collect();
    assert_eq!(timeouts.len(), 1, "{report:#}");
    let gone = &set.members[1];
    assert_eq!(timeouts[0]["source"], gone.as_str(), "{report:#}");
    let message = timeouts[0]["message"].as_str().expect("message");
    assert!(message.contains(gone.as_str()), "{message}");
    for other in [&set.members[0], &set.members[2]] {
        assert!(!message.contains(other.as_str()), "{message}");
        assert_eq!(member(&report, other)["downtime_ms"], 0.0);
    }
    assert!(member(&report, gone)["downtime_ms"].as_f64().expect("ms") > 0.0);
    assert!(stderr.contains("--timeout reached"), "{stderr}");
}

/// Every member already presents the expected leaf: done at the first round.
#[test]
fn wait_ends_at_the_first_round_when_every_member_already_has_the_expected_certificate() {
    if !mockupdb_peers_or_skip() {
        return;
    }
    let dir = TempDir::new().expect("temp dir");
    let (_, new) = write_pki(dir.path());
    let set = RollingSet::start(dir.path(), "new.pem", "new.key");
    let ca = dir.path().join("ca.pem");
    // As users paste it: lower case, no colons.
    let typed = new.replace(':', "").to_lowercase();
    let wait = Waiting::start(&[
        &uri(&set),
        "--ca",
        path_str(&ca),
        "--expect-fingerprint",
        &typed,
        "--format",
        "json",
    ]);
    let (code, _, stdout, stderr) = wait.finish(EVENT_TIMEOUT);
    let report = parse(&stdout, &stderr);
    assert_eq!(code, Some(0), "{report:#}\n{stderr}");
    for m in report["members"].as_array().expect("members") {
        assert_eq!(m["events"].as_array().expect("events").len(), 1, "{m:#}");
        assert_eq!(m["final_certificate"]["sha256_fingerprint"], new.as_str());
    }
    assert!(
        stderr.contains("first round done: 3 members, 3 ready"),
        "{stderr}"
    );
}

#[test]
fn a_bad_expected_fingerprint_or_two_expectations_are_usage_errors() {
    let r = mongotls(&[
        "wait",
        "mongodb://localhost:1/",
        "--expect-fingerprint",
        "AB:CD",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--expect-fingerprint"), "{}", r.stderr);
    assert!(r.stderr.contains("4 hex digits"), "{}", r.stderr);
    let r = mongotls(&[
        "wait",
        "mongodb://localhost:1/",
        "--expect-fingerprint",
        "zz",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--expect-fingerprint"), "{}", r.stderr);
    let r = mongotls(&[
        "wait",
        "mongodb://localhost:1/",
        "--expect-new-cert",
        "--expect-not-after-later-than",
        "2030-01-01",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = mongotls(&["wait", "mongodb://localhost:1/", "--interval", "0s"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--interval"), "{}", r.stderr);
}

/// Nothing listens: every round finds the member down, and the wait ends at --timeout, in
/// Chinese too.
#[test]
fn a_member_that_never_answers_times_out_in_chinese_too() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let uri = format!("mongodb://127.0.0.1:{port}/?tls=true");
    let r = mongotls(&[
        "wait",
        &uri,
        "--timeout",
        "1500ms",
        "--interval",
        "300ms",
        "--probe-timeout",
        "1s",
        "--no-progress",
        "--lang",
        "zh",
    ]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("wait.timeout"), "{}", r.stdout);
    assert!(r.stdout.contains("没有恢复"), "{}", r.stdout);
    assert!(r.stderr.is_empty(), "--no-progress: {}", r.stderr);
}

/// The JSON document, pinned, on a timeline replayed from fixed times by the pure layer.
#[test]
fn the_json_document_of_wait_is_pinned() {
    use mongotls::probe::TlsMode;
    use mongotls::report::{OutputFormat, Report, WaitReport};
    use mongotls::wait::timeline::{Expectation, Leaf, Observation, State, Timeline};
    use mongotls::wait::Ending;
    use time::macros::datetime;

    let t0 = datetime!(2026-12-07 06:00:00 UTC);
    let at = |ms: i64| t0 + time::Duration::milliseconds(ms);
    let old = Leaf {
        fingerprint: [0xAB; 32],
        not_after: datetime!(2027-01-10 00:00:00 UTC),
    };
    let new = Leaf {
        fingerprint: [0x12; 32],
        not_after: datetime!(2028-01-10 00:00:00 UTC),
    };
    let (a, b) = ("db-0.example:27017", "db-1.example:27017");
    let obs =
        |address: &str, state: State, leaf: Option<Leaf>, primary: Option<bool>| Observation {
            address: address.into(),
            state,
            leaf,
            tls_mode: (state != State::Down).then_some(TlsMode::TlsOnly),
            primary,
            problems: Vec::new(),
        };
    let mut t = Timeline::new(Expectation::NewCert);
    t.observe_round(
        at(0),
        vec![
            obs(a, State::Up, Some(old), Some(false)),
            obs(b, State::Up, Some(old), Some(true)),
        ],
    );
    t.observe_round(
        at(2_000),
        vec![
            obs(a, State::Down, None, None),
            obs(b, State::Up, Some(old), Some(true)),
        ],
    );
    t.observe_round(
        at(5_500),
        vec![
            obs(a, State::Up, Some(new), Some(false)),
            obs(b, State::Up, Some(old), Some(true)),
        ],
    );
    t.observe_round(
        at(7_000),
        vec![
            obs(a, State::Up, Some(new), Some(true)),
            obs(b, State::Down, None, None),
        ],
    );
    t.observe_round(
        at(9_250),
        vec![
            obs(a, State::Up, Some(new), Some(true)),
            obs(b, State::Up, Some(new), Some(false)),
        ],
    );
    assert!(t.is_done());
    let report = Report::Wait(Box::new(WaitReport::new(
        &t,
        Ending::Done,
        t0,
        at(9_300),
        Duration::from_millis(9_300),
        Vec::new(),
    )));
    let mut out = Vec::new();
    report.render(OutputFormat::Json, &mut out).expect("render");
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    settings.bind(|| insta::assert_snapshot!("wait_fixed_json", text(&out)));
}

/// Ctrl-C (SIGINT) ends the wait with the report so far: exit 1, `wait.interrupted`.
#[cfg(unix)]
#[test]
fn an_interrupted_wait_reports_what_it_saw() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let uri = format!("mongodb://127.0.0.1:{port}/?tls=true");
    let mut wait = Waiting::start(&[
        &uri,
        "--timeout",
        "5m",
        "--interval",
        "200ms",
        "--probe-timeout",
        "2s",
        "--format",
        "json",
    ]);
    wait.says(&["first round done: 1 member, 0 ready"]);
    let pid = wait.child.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let (code, _, stdout, stderr) = wait.finish(EVENT_TIMEOUT);
    let report = parse(&stdout, &stderr);
    assert_eq!(code, Some(1), "{report:#}\n{stderr}");
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"wait.interrupted"), "{report:#}");
    let m = &report["members"][0];
    assert_eq!(m["address"], format!("127.0.0.1:{port}"));
    assert_eq!(m["events"][0]["state"], "down", "{m:#}");
}

/// On a terminal (util-linux `script`'s pseudo-terminal): one live line per member with its
/// state, cleared before the report.
#[test]
fn on_a_terminal_each_member_has_a_live_line() {
    let has_script = Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_script {
        eprintln!("skipped: `script` (util-linux) is not installed, so no pseudo-terminal");
        return;
    }
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let command = format!(
        "'{MONGOTLS}' wait 'mongodb://127.0.0.1:{port}/?tls=true' --timeout 2s --interval 300ms \
         --probe-timeout 1s --color never"
    );
    let out = crate::support::peers::run_with_timeout(
        Command::new("script")
            .args(["-qfec", &command, "/dev/null"])
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL"),
        EVENT_TIMEOUT,
    );
    let shown = text(&out.stdout);
    let address = format!("127.0.0.1:{port}");
    // The live line: the member, its state, not ready; then the report.
    assert!(
        shown.contains(&format!("{address} down")) && shown.contains("not ready"),
        "{shown}"
    );
    assert!(shown.contains("verdict: FAIL"), "{shown}");
    assert!(shown.contains("wait.timeout"), "{shown}");
}
