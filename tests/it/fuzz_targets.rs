//! The fuzz targets (`fuzz/`, cargo-fuzz) build against the current library and run their
//! committed seed corpus crash-free, plus a few seconds of random input each.
//!
//! This is no fuzzing campaign (`fuzz/run.sh` is: coverage-guided, with sanitizers, on the
//! stable toolchain through `RUSTC_BOOTSTRAP=1`). It keeps the targets from rotting as the
//! library changes, on the stable toolchain and without cargo-fuzz: libfuzzer-sys builds on
//! stable, and a target built without coverage instrumentation still runs every input given.
//!
//! Building the fuzz crate takes about a minute on two cores, so the test is ignored by a plain
//! `cargo test` and run by `.ci/run` as a step of its own (CI always runs it):
//! `cargo test --test it fuzz_targets -- --ignored`.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TARGETS: [&str; 5] = ["bundle", "uri", "wire", "hello", "verify"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
#[ignore = "builds the fuzz crate (about 1 minute): run by .ci/run as its own step, \
            `cargo test --test it fuzz_targets -- --ignored`"]
fn fuzz_targets_build_and_run_their_seed_corpus() {
    let target_dir = root().join("target");
    let start = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--manifest-path"])
        .arg(root().join("fuzz/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--locked")
        .status()
        .expect("run cargo");
    assert!(status.success(), "the fuzz targets do not build");
    eprintln!("fuzz targets built in {:.0?}", start.elapsed());
    for t in TARGETS {
        let binary = target_dir.join("debug").join(t);
        let corpus = root().join("fuzz/corpus").join(t);
        let seeds: Vec<PathBuf> = std::fs::read_dir(&corpus)
            .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
            .map(|e| e.unwrap().path())
            .collect();
        assert!(!seeds.is_empty(), "{t}: no seed corpus");
        run(t, &binary, &seeds, &[]);
        // Random inputs into a scratch corpus (never into the committed one).
        let scratch = tempfile::tempdir().unwrap();
        run(
            t,
            &binary,
            &[scratch.path().to_path_buf()],
            &["-max_total_time=3", "-max_len=65536"],
        );
    }
}

fn run(target: &str, binary: &Path, inputs: &[PathBuf], flags: &[&str]) {
    let start = Instant::now();
    let out = Command::new(binary)
        .args(flags)
        .args(inputs)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{target} {flags:?}: {}\n{stderr}",
        out.status
    );
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "{target}: too slow"
    );
    let last = stderr.lines().last().unwrap_or_default();
    eprintln!("{target} {flags:?}: {last}");
}
