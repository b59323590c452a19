//! Every `mongotls …` command the README shows runs as written.
//!
//! The README is the user's guide; a flag renamed or an example mistyped would send users into
//! an error on their first command. This test takes every command line of the README's `sh`
//! blocks that calls `mongotls` (or `cargo run --release --`), and runs it with the built
//! binary in a directory that holds the files the examples name (`ca.pem`,
//! `ApsaraDB-CA-Chain.zip`, `client.pem`, …, made from a sandbox's PKI), against that
//! sandbox: every `host:port` of an example is replaced by a sandbox member, so the examples'
//! placeholder hosts (`dds-xxxx…:3717`, `db1:27017`) become reachable. A usage or input error
//! (exit 2), a crash or a hang fails the test; exit 0 and 1 are both fine (the placeholder
//! replica-set names and host names are findings, not errors). Commands that need what a test
//! cannot give are listed and skipped on purpose: `sandbox` and `serve` (run until interrupted;
//! `tests/it/serve.rs` runs `serve`) and `mongodb+srv://` (needs DNS records; `tests/it/srv.rs`
//! covers it with dnsmasq). The targets file the fleet examples read (`fleet.toml`) is the
//! README's own TOML example, its hosts mapped to the sandbox like the commands'. A `wait` for a
//! renewal the sandbox never makes runs with `--timeout 3s` (its default is 15 minutes).

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use mongotls::sandbox::{AuthConfig, ClientAuth, Sandbox, SandboxConfig};

use crate::support::peers::run_with_timeout;
use crate::support::run::{text, MONGOTLS};

/// The command lines of the README's `sh` blocks that run mongotls, continuations joined;
/// a shell variable set earlier in the same block (`URI='…'`, `export MONGO_PW=…`) is set
/// before each later command of the block, as a user pasting the block would have it.
fn readme_commands(readme: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    let mut assignments: Vec<String> = Vec::new();
    for line in readme.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_sh = trimmed == "```sh";
            pending.clear();
            assignments.clear();
            continue;
        }
        if !in_sh {
            continue;
        }
        pending.push_str(trimmed.trim_end_matches('\\').trim_end());
        pending.push(' ');
        if trimmed.ends_with('\\') {
            continue;
        }
        let line = std::mem::take(&mut pending);
        let line = line.trim().replace("cargo run --release -- ", "mongotls ");
        let first = line.split_whitespace().next().unwrap_or("");
        let is_assignment = first.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        }) && !line.contains(" mongotls ");
        if is_assignment || line.starts_with("export ") {
            assignments.push(line);
            continue;
        }
        let calls_mongotls =
            line.starts_with("mongotls ") || first.contains('=') && line.contains(" mongotls ");
        if calls_mongotls {
            let mut full = assignments.join("; ");
            if !full.is_empty() {
                full.push_str("; ");
            }
            full.push_str(&line);
            commands.push(full);
        }
    }
    commands
}

/// The README's TOML block that starts with the line `# <name>`, without that line.
fn toml_example(readme: &str, name: &str) -> Option<String> {
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```toml" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        if block.first().map(|l| l.trim()) == Some(&format!("# {name}")) {
            return Some(block[1..].join("\n"));
        }
    }
    None
}

/// A `wait` command bounded for the test: the sandbox never renews its certificate, so a wait
/// for a new one runs to its `--timeout`; a short one stands in for the default 15 minutes.
fn bounded_wait(command: &str) -> String {
    if !command.contains("mongotls wait ") {
        return command.to_owned();
    }
    let timeout = regex::Regex::new(r"--timeout\s+\S+").expect("regex");
    if timeout.is_match(command) {
        timeout.replace_all(command, "--timeout 3s").into_owned()
    } else {
        command.replacen("mongotls wait ", "mongotls wait --timeout 3s ", 1)
    }
}

/// Replaces every `host:port` in a command (URIs, `--member`) with sandbox members, the same
/// example host always by the same member.
fn to_sandbox(command: &str, members: &[String]) -> String {
    let host_port =
        regex::Regex::new(r"(?:[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*|\d{1,3}(?:\.\d{1,3}){3}):\d{2,5}")
            .expect("regex");
    let mut seen: Vec<String> = Vec::new();
    host_port
        .replace_all(command, |c: &regex::Captures| {
            let found = c[0].to_owned();
            let index = match seen.iter().position(|s| *s == found) {
                Some(i) => i,
                None => {
                    seen.push(found);
                    seen.len() - 1
                }
            };
            members[index % members.len()].clone()
        })
        .into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_readme_command_runs_as_written() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("read README.md");
    let commands = readme_commands(&readme);
    assert!(commands.len() >= 10, "found only {commands:?}");

    let sb = Sandbox::start_with_auth(
        SandboxConfig {
            members: 2,
            ..SandboxConfig::default()
        },
        AuthConfig::default_users(ClientAuth::Optional),
    )
    .await
    .expect("start the sandbox");
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = std::fs::read(sb.ca_file()).expect("read the sandbox CA");
    for name in ["ca.pem", "ApsaraDB-CA-Chain.pem", "root.pem"] {
        std::fs::write(dir.path().join(name), &ca).expect("write a CA file");
    }
    let mut zip = zip::ZipWriter::new(
        std::fs::File::create(dir.path().join("ApsaraDB-CA-Chain.zip")).expect("zip"),
    );
    zip.start_file(
        "ApsaraDB-CA-Chain.pem",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("zip member");
    zip.write_all(&ca).expect("zip write");
    zip.finish().expect("zip finish");
    let client = std::fs::read(&sb.client_certs().good).expect("read the client certificate");
    for name in ["client.pem", "client-encrypted.pem"] {
        std::fs::write(dir.path().join(name), &client).expect("write a client certificate");
    }
    let server = crate::support::pki::Pki::good(time::OffsetDateTime::now_utc()).served_chain_pem();
    std::fs::write(dir.path().join("server.pem"), server).expect("write a server chain");
    // What the README's install lines create first (`mkdir -p`, not a mongotls command).
    for sub in [
        ".local/share/bash-completion/completions",
        ".local/share/man/man1",
    ] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
    }
    std::os::unix::fs::symlink(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata"),
        dir.path().join("testdata"),
    )
    .expect("link testdata");
    let bin_dir = Path::new(MONGOTLS)
        .parent()
        .expect("the binary's directory");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let members = sb.members();
    let uri = sb.uri();
    let fleet = toml_example(&readme, "fleet.toml").expect("the README's fleet.toml example");
    std::fs::write(dir.path().join("fleet.toml"), to_sandbox(&fleet, &members))
        .expect("write fleet.toml");

    let mut ran = 0;
    let mut failures = Vec::new();
    for command in &commands {
        if command.contains("mongotls sandbox")
            || command.contains("mongotls serve")
            || command.contains("mongodb+srv://")
        {
            continue;
        }
        let line = bounded_wait(&to_sandbox(command, &members));
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(&line)
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("URI", &uri)
            .env("MONGO_PW", "not-the-password")
            .env("MONGOTLS_KEY_PW", "unused")
            .env("HOME", dir.path())
            .env_remove("NO_COLOR");
        // A hang panics inside run_with_timeout, naming the command.
        let out = tokio::task::spawn_blocking(move || {
            run_with_timeout(&mut cmd, Duration::from_secs(120))
        })
        .await
        .expect("join");
        ran += 1;
        let code = out.status.code().unwrap_or(-1);
        if !(code == 0 || code == 1) {
            failures.push(format!(
                "README: {command}\nran: {line}\nexit {code}\n{}",
                text(&out.stderr)
            ));
        }
    }
    assert!(ran >= 10, "ran only {ran} of {commands:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_scanner_joins_continuations_and_maps_hosts() {
    let md = "text\n```sh\nURI='mongodb://x:1/'\nmongotls check \"$URI\"\n```\n```sh\nmongotls check 'mongodb://a.example:3717,b.example:3717/?tls=true' \\\n    --ca ca.pem\nMONGO_PW=x mongotls ca ca.pem\ncargo test\n```\n```\nmongotls not-sh\n```\n";
    let commands = readme_commands(md);
    assert_eq!(
        commands,
        [
            "URI='mongodb://x:1/'; mongotls check \"$URI\"",
            "mongotls check 'mongodb://a.example:3717,b.example:3717/?tls=true' --ca ca.pem",
            "MONGO_PW=x mongotls ca ca.pem"
        ]
    );
    let members = ["localhost:1".to_owned(), "localhost:2".to_owned()];
    assert_eq!(
        to_sandbox(&commands[1], &members),
        "mongotls check 'mongodb://localhost:1,localhost:2/?tls=true' --ca ca.pem"
    );
    assert_eq!(
        bounded_wait("mongotls wait \"$URI\" --expect-new-cert"),
        "mongotls wait --timeout 3s \"$URI\" --expect-new-cert"
    );
    assert_eq!(
        bounded_wait("mongotls wait \"$URI\" --timeout 30m --format json"),
        "mongotls wait \"$URI\" --timeout 3s --format json"
    );
    let md = "```toml\n# other.toml\nx = 1\n```\n```toml\n# fleet.toml\n[[targets]]\nname = \"a\"\n```\n";
    assert_eq!(
        toml_example(md, "fleet.toml").as_deref(),
        Some("[[targets]]\nname = \"a\"")
    );
    // Times are not hosts.
    assert_eq!(
        to_sandbox("--at 2027-01-01T00:00:00Z", &members),
        "--at 2027-01-01T00:00:00Z"
    );
}
