//! The sandbox as scripts use it, through the binary: SIGTERM and SIGHUP clean up like Ctrl-C,
//! `--ready-file` tells a script when and where to connect, `--port` fixes the ports, and
//! `demo` says where the CA file it names is once it has stopped (`--keep-ca DIR`).

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

use crate::support::run::{mongotls, path_str, sandbox_description, MONGOTLS};

/// Generous: the machine is shared and loaded.
const START_LIMIT: Duration = Duration::from_secs(120);
const STOP_LIMIT: Duration = Duration::from_secs(60);

/// Kills the child if a test fails before it stopped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

fn spawn(args: &[&str], stdout: Stdio) -> Running {
    Running(
        Command::new(MONGOTLS)
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn mongotls sandbox"),
    )
}

/// What `mongotls sandbox` printed up to "Press Ctrl-C to stop.".
fn description(child: &mut Running) -> String {
    let stdout = child.0.stdout.take().expect("piped stdout");
    sandbox_description(stdout, START_LIMIT)
        .unwrap_or_else(|| panic!("mongotls sandbox did not describe itself in time"))
}

fn signal(child: &Running, sig: i32) {
    let pid = i32::try_from(child.0.id()).expect("pid");
    // SAFETY: a signal to our own child, which has not been reaped yet.
    let sent = unsafe { libc::kill(pid, sig) };
    assert_eq!(sent, 0, "kill({pid}, {sig})");
}

/// The exit code once the child stopped (None: killed by a signal).
fn wait(child: &mut Running) -> Option<i32> {
    let deadline = Instant::now() + STOP_LIMIT;
    loop {
        if let Some(status) = child.0.try_wait().expect("try_wait") {
            return status.code();
        }
        assert!(
            Instant::now() < deadline,
            "the sandbox did not stop in time"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn ca_file_of(printed: &str) -> PathBuf {
    printed
        .lines()
        .find_map(|l| l.strip_prefix("CA file:"))
        .map(|p| PathBuf::from(p.trim()))
        .unwrap_or_else(|| panic!("no CA file line in:\n{printed}"))
}

#[test]
fn sigterm_and_sighup_clean_up_like_ctrl_c() {
    for sig in [libc::SIGTERM, libc::SIGHUP] {
        let mut child = spawn(&["sandbox", "--members", "1", "--auth"], Stdio::piped());
        let printed = description(&mut child);
        let ca = ca_file_of(&printed);
        let dir = ca.parent().expect("the sandbox's directory").to_path_buf();
        assert!(dir.is_dir(), "{}", dir.display());
        signal(&child, sig);
        // Exit 0: stopping is what the user asked for.
        assert_eq!(wait(&mut child), Some(0), "signal {sig}");
        assert!(!dir.exists(), "signal {sig} left {} behind", dir.display());
    }
}

/// Waits for `path` to appear, as a script does (`until [ -s FILE ]; do sleep 0.1; done`).
fn wait_for_file(path: &Path, child: &mut Running) -> Value {
    let deadline = Instant::now() + START_LIMIT;
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            // Renamed into place whole: whatever a script reads is complete JSON.
            return serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("incomplete ready file ({e}): {text:?}"));
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            panic!("the sandbox exited ({status}) before writing its ready file");
        }
        assert!(Instant::now() < deadline, "no ready file in time");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_script_waits_for_the_ready_file_then_connects() {
    let dir = TempDir::new().expect("tempdir");
    let ready = dir.path().join("sandbox.json");
    let mut child = spawn(
        &[
            "sandbox",
            "--members",
            "2",
            "--scenario",
            "tls-required",
            "--ready-file",
            path_str(&ready),
        ],
        Stdio::null(),
    );
    let info = wait_for_file(&ready, &mut child);
    assert_eq!(info["pid"], child.0.id(), "{info:#}");
    assert_eq!(info["members"].as_array().expect("members").len(), 2);
    assert_eq!(info["replica_set"], "mongotls-sandbox");
    assert_eq!(info["tls_mode"], "require");
    let ca = PathBuf::from(info["ca"].as_str().expect("ca"));
    assert!(ca.is_file(), "{info:#}");
    let uri = info["uri"].as_str().expect("uri").to_string();
    assert!(
        uri.contains(info["members"][0].as_str().unwrap()),
        "{info:#}"
    );
    // No temporary file left beside it.
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "{beside:?}");

    let check = mongotls(&["check", &uri, "--format", "json", "--timeout", "20s"]);
    assert_eq!(check.code, 0, "{}\n{}", check.stdout, check.stderr);
    assert_eq!(check.json()["verdict"], "pass", "{}", check.stdout);

    signal(&child, libc::SIGTERM);
    assert_eq!(wait(&mut child), Some(0));
    assert!(!ready.exists(), "the ready file outlived the sandbox");
    assert!(!ca.exists(), "the CA file outlived the sandbox");
}

/// Two consecutive ports free a moment ago (the test retries on a race).
fn free_pair() -> u16 {
    for _ in 0..20 {
        let a = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind");
        let port = a.local_addr().expect("addr").port();
        if port < u16::MAX && std::net::TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no two consecutive free ports");
}

#[test]
fn fixed_ports_are_used_and_a_taken_one_is_named() {
    let dir = TempDir::new().expect("tempdir");
    let ready = dir.path().join("ready.json");
    let mut attempts = 0;
    let info = loop {
        attempts += 1;
        let base = free_pair();
        let mut child = spawn(
            &[
                "sandbox",
                "--members",
                "2",
                "--port",
                &base.to_string(),
                "--ready-file",
                path_str(&ready),
            ],
            Stdio::null(),
        );
        let deadline = Instant::now() + START_LIMIT;
        while !ready.exists() && Instant::now() < deadline {
            if let Ok(Some(_)) = child.0.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if !ready.exists() && attempts < 5 {
            // Another process took a port in between: try another pair.
            continue;
        }
        let info = wait_for_file(&ready, &mut child);
        assert_eq!(
            info["members"],
            serde_json::json!([
                format!("localhost:{base}"),
                format!("localhost:{}", base + 1)
            ]),
            "{info:#}"
        );
        signal(&child, libc::SIGINT);
        assert_eq!(wait(&mut child), Some(0));
        break info;
    };
    assert!(info["uri"].as_str().unwrap().contains("localhost:"));

    // A taken port: exit 2, naming the port and what to do, and nothing left behind.
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind");
    let port = taken.local_addr().unwrap().port();
    let run = mongotls(&["sandbox", "--members", "1", "--port", &port.to_string()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("127.0.0.1:{port}")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--port"), "{}", run.stderr);
    drop(taken);

    let run = mongotls(&["sandbox", "--members", "3", "--port", "65535"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("give a base of at most 65533"),
        "{}",
        run.stderr
    );
}

#[test]
fn demo_says_where_its_ca_file_is_once_it_has_stopped() {
    let run = mongotls(&["demo", "--members", "1", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let named = run.json()["ca"]["files"][0]
        .as_str()
        .expect("ca file")
        .to_string();
    assert!(run.stderr.contains("removed"), "{}", run.stderr);
    assert!(run.stderr.contains(&named), "{}", run.stderr);
    assert!(run.stderr.contains("--keep-ca DIR"), "{}", run.stderr);
    assert!(!Path::new(&named).exists());

    let dir = TempDir::new().expect("tempdir");
    let keep = dir.path().join("kept");
    let run = mongotls(&[
        "demo",
        "--members",
        "1",
        "--format",
        "json",
        "--keep-ca",
        path_str(&keep),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kept = keep.join("mongotls-sandbox-ca.pem");
    assert_eq!(
        run.json()["ca"]["files"][0].as_str(),
        Some(path_str(&kept)),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("kept at"), "{}", run.stderr);
    let pem = std::fs::read_to_string(&kept).expect("the kept CA file");
    assert!(pem.contains("BEGIN CERTIFICATE"), "{pem}");
    // It is a CA file mongotls reads.
    let ca = mongotls(&["ca", path_str(&kept), "--format", "json"]);
    assert_eq!(ca.code, 0, "{}", ca.stdout);
}

#[test]
fn the_sandbox_speaks_chinese_when_asked() {
    let mut child = spawn(
        &["--lang", "zh", "sandbox", "--members", "1"],
        Stdio::piped(),
    );
    let stdout = child.0.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut printed = String::new();
    let deadline = Instant::now() + START_LIMIT;
    for line in lines.by_ref() {
        let line = line.expect("utf-8");
        let done = line.starts_with("按 Ctrl-C 停止");
        printed.push_str(&line);
        printed.push('\n');
        if done || Instant::now() > deadline {
            break;
        }
    }
    signal(&child, libc::SIGTERM);
    assert_eq!(wait(&mut child), Some(0));
    assert!(
        printed.contains("mongotls 沙箱：副本集 mongotls-sandbox，1 个成员"),
        "{printed}"
    );
    assert!(printed.contains("（主节点）"), "{printed}");
    // The connection string keeps its label: scripts that read it work in every language.
    assert!(printed.contains("\nURI:       mongodb://"), "{printed}");

    let run = mongotls(&["--lang", "zh", "demo", "--members", "1", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("沙箱已停止"), "{}", run.stderr);
}
