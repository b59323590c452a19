//! The live progress of `check` on stderr, as a user meets it: on a terminal (a pseudo-terminal
//! from util-linux's `script`) a silent member's line appears within moments of the start,
//! long before its timeout; `--no-progress` keeps the terminal quiet; and when stderr is not a
//! terminal nothing at all is written to it.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::check::silent_member;
use crate::support::run::{mongotls, text, MONGOTLS};
use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};

/// `script` from util-linux, which runs a command on a pseudo-terminal; `None` (with the
/// reason printed) when it is missing.
fn script() -> Option<&'static str> {
    let found = Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipped: `script` (util-linux) is not installed, so no pseudo-terminal");
    }
    found.then_some("script")
}

/// A command running on a pseudo-terminal, everything it shows collected as it comes.
struct OnTerminal {
    child: Child,
    shown: Arc<Mutex<Vec<u8>>>,
    started: Instant,
}

impl OnTerminal {
    /// `mongotls ARGS` on a pseudo-terminal (stdout and stderr both the terminal), with a
    /// `TERM` that progress bars draw on.
    fn start(script: &str, args: &[&str]) -> OnTerminal {
        let command = std::iter::once(MONGOTLS)
            .chain(args.iter().copied())
            .map(|a| format!("'{a}'"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut child = Command::new(script)
            .args(["-qfec", &command, "/dev/null"])
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run script");
        let started = Instant::now();
        let shown = Arc::new(Mutex::new(Vec::new()));
        let mut out = child.stdout.take().expect("script's stdout");
        let sink = shown.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        OnTerminal {
            child,
            shown,
            started,
        }
    }

    fn shown(&self) -> String {
        text(&self.shown.lock().unwrap())
    }

    /// Waits until the terminal shows `needle` or `within` has passed since the start;
    /// returns when it appeared.
    fn wait_for(&self, needle: &str, within: Duration) -> Option<Duration> {
        loop {
            if self.shown().contains(needle) {
                return Some(self.started.elapsed());
            }
            if self.started.elapsed() >= within {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for OnTerminal {
    fn drop(&mut self) {
        // Closing the terminal hangs up on mongotls too.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// With one silent member and a long timeout, its status line is on the terminal within
/// moments of the start (the bound is generous for a loaded machine; the timeout is 60 s).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_members_line_is_on_the_terminal_long_before_its_timeout() {
    let Some(script) = script() else { return };
    let (address, silent) = silent_member().await;
    let uri = format!("mongodb://{address}/?tls=true");
    let (appeared, shown) = tokio::task::spawn_blocking(move || {
        let run = OnTerminal::start(
            script,
            &[
                "check",
                &uri,
                "--no-driver",
                "--timeout",
                "60s",
                "--deadline",
                "90s",
            ],
        );
        // The line names the member and shows its phases running.
        let appeared = run.wait_for(&address, Duration::from_secs(20));
        let phases = run.wait_for("tls", Duration::from_secs(20));
        (appeared.zip(phases), run.shown())
    })
    .await
    .unwrap();
    silent.abort();
    let (appeared, _) = appeared.unwrap_or_else(|| panic!("no progress line in 20 s:\n{shown}"));
    eprintln!("the silent member's line appeared after {appeared:?}");
}

/// `--no-progress`: the terminal stays quiet while the member is silent (the report comes
/// only at the end).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_progress_keeps_the_terminal_quiet() {
    let Some(script) = script() else { return };
    let (address, silent) = silent_member().await;
    let uri = format!("mongodb://{address}/?tls=true");
    let shown = tokio::task::spawn_blocking(move || {
        let run = OnTerminal::start(
            script,
            &[
                "check",
                &uri,
                "--no-driver",
                "--no-progress",
                "--timeout",
                "60s",
                "--deadline",
                "90s",
            ],
        );
        // Long enough for a progress line to have been drawn many times over.
        std::thread::sleep(Duration::from_secs(3));
        run.shown()
    })
    .await
    .unwrap();
    silent.abort();
    assert!(shown.is_empty(), "{shown:?}");
}

/// Off a terminal, a healthy `check` writes nothing at all to stderr, and `demo` no progress.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn off_a_terminal_stderr_stays_empty() {
    let sb = Sandbox::start(SandboxConfig {
        members: 3,
        scenario: Scenario::Good,
        tls_mode: Some(TlsMode::Require),
        handshake_delay: None,
    })
    .await
    .expect("start sandbox");
    let uri = sb.uri();
    let ca = sb.ca_file().display().to_string();
    let (check, demo) = tokio::task::spawn_blocking(move || {
        (
            mongotls(&["check", &uri, "--ca", &ca]),
            mongotls(&["demo", "--format", "json"]),
        )
    })
    .await
    .unwrap();
    sb.shutdown().await;
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_eq!(check.stderr, "", "check wrote to stderr");
    assert!(check.stdout.contains("verdict"), "{}", check.stdout);
    // demo says on stderr where its CA file went (a note of its own); no progress line.
    for glyph in ['\u{1b}', '\r', '✓', '✗', '⠋'] {
        assert!(!demo.stderr.contains(glyph), "{:?}", demo.stderr);
    }
}
