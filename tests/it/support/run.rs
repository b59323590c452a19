//! Running the `mongotls` binary as users run it, and reading what it prints.
//!
//! [`mongotls`] runs the binary to completion and gives its exit code and output as a [`Run`];
//! [`Run::json`] parses its stdout. [`text`] and [`path_str`] turn process output and temporary
//! paths into strings; [`assert_snake`] guards the JSON contract's key style.

// Not every test binary that includes `support` uses every helper, and a helper that cannot do
// its job should fail the test loudly.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The binary under test.
pub const MONGOTLS: &str = env!("CARGO_BIN_EXE_mongotls");

/// What a finished `mongotls` run gave (`code` is -1 when it was killed by a signal).
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout as JSON; panics with both streams when it is not.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", self.stdout, self.stderr))
    }
}

/// Pins `cmd` to English in UTF-8, whatever the machine's locale (a developer's
/// `LANG=zh_CN.UTF-8` included), for tests that read the English text.
pub fn english(cmd: &mut Command) -> &mut Command {
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env("LANG", "C.UTF-8")
}

/// Runs `mongotls ARGS` to completion (stdin inherited, output captured).
pub fn mongotls<S: AsRef<OsStr>>(args: &[S]) -> Run {
    // What the report says, not how it is laid out: one line per line (a pipe is otherwise
    // wrapped to 80 columns; tests/it/terminal.rs covers the wrapping).
    let out = Command::new(MONGOTLS)
        .args(args)
        .env("COLUMNS", "100000")
        // English in UTF-8 whatever the machine's locale (a zh_CN CI runner included); a test
        // of the Chinese text passes --lang zh.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LC_CTYPE")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run mongotls");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: text(&out.stdout),
        stderr: text(&out.stderr),
    }
}

/// Process output as text (invalid UTF-8 replaced).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary path as `&str`, for command lines.
pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Asserts that every object key in `v` (named from `at` down) is snake_case.
pub fn assert_snake(v: &Value, at: &str) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                assert!(
                    k.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "key {at}.{k} is not snake_case"
                );
                assert_snake(v, &format!("{at}.{k}"));
            }
        }
        Value::Array(items) => items.iter().for_each(|i| assert_snake(i, at)),
        _ => {}
    }
}

/// What a started `mongotls sandbox` printed up to its "Press Ctrl-C to stop." line, read on a
/// thread of its own (the sandbox keeps running); `None` when it has not said it within `limit`.
pub fn sandbox_description(
    stdout: std::process::ChildStdout,
    limit: std::time::Duration,
) -> Option<String> {
    use std::io::{BufRead as _, BufReader};
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut printed = String::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let done = line.starts_with("Press Ctrl-C");
            printed.push_str(&line);
            printed.push('\n');
            if done {
                let _ = tx.send(printed.clone());
            }
        }
    });
    rx.recv_timeout(limit).ok()
}
