#![allow(clippy::print_stdout, clippy::print_stderr)]
//! Scale of `check --targets`: N member endpoints (sandboxes of up to 7 members, each with its
//! own PKI, TLS required, served by this process) checked by the release binary as a child
//! process — one `check --targets FILE` with `no_driver = true` in [defaults] — against the
//! same deployments checked by a shell loop of single `check` runs (`xargs -P 8`, one run per
//! deployment, `--no-driver`). Wall time, and peak RSS of the child (wait4's rusage: for the
//! loop, the largest of its processes). Issue 13's budget: 1,000 endpoints in ≤ 3 s on 2 cores,
//! peak ≤ 100 MiB, linear growth, faster than the loop.
//!
//! ```text
//! cargo bench --bench fleet                                   # 10, 100, 1000 endpoints, 3 runs
//! MONGOTLS_BENCH_ENDPOINTS=10,100,1000,2000 MONGOTLS_BENCH_RUNS=5 cargo bench --bench fleet
//! MONGOTLS_BIN=target/release/mongotls ...                    # another binary
//! ```

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use mongotls::sandbox::{Sandbox, SandboxConfig, Scenario, TlsMode};

#[allow(dead_code)] // pairs() and show() are the other benches'.
mod support;

/// Members per sandbox (the sandbox's maximum).
const SET_SIZE: usize = 7;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == MEASURE_CHILD) {
        std::process::exit(measure_child(&args[2..]));
    }
    raise_open_files_limit();
    let sizes: Vec<usize> = std::env::var("MONGOTLS_BENCH_ENDPOINTS")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 100, 1000]);
    let runs = std::env::var("MONGOTLS_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    support::run_main("fleet", run(sizes, runs));
}

/// A thousand listeners and their connections need more than the usual 1,024 descriptors.
fn raise_open_files_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit with a valid pointer to a local rlimit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max
        {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

/// One measured run of a child: wall time (ms), peak RSS (KiB), CPU time (ms).
#[derive(Clone, Copy)]
struct Measure {
    wall_ms: f64,
    peak_kib: i64,
    /// User and system CPU time of it and its children.
    cpu_ms: f64,
}

/// The argument that makes this program the measurer of one command (see [`measure`]).
const MEASURE_CHILD: &str = "--measure-child";

/// Runs `program args` through this very program in measurer mode and reads what it saw.
///
/// The measurer is a small fresh process: a child exec'd straight from this one (which holds
/// a thousand sandboxes) would start with this process's peak RSS in its own, since Linux
/// carries the old address space's high-water mark over exec into the rusage.
fn measure(program: &Path, args: &[&str], expect_success: bool) -> Result<Measure, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .arg(MEASURE_CHILD)
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<f64> = text
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    let [wall_ms, peak_kib, cpu_ms, code] = fields[..] else {
        return Err(format!(
            "measurer: {text} {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    };
    if expect_success && code != 0.0 {
        return Err(format!(
            "{} {args:?} exited with {code}: {}",
            program.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(Measure {
        wall_ms,
        peak_kib: peak_kib as i64,
        cpu_ms,
    })
}

/// Measurer mode: runs the command (stdout discarded, stderr passed on), waits for it with
/// wait4, prints `wall_ms peak_kib cpu_ms exit_code`.
fn measure_child(command: &[std::ffi::OsString]) -> i32 {
    let Some((program, args)) = command.split_first() else {
        return 2;
    };
    let start = Instant::now();
    let child = match Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot run {program:?}: {e}");
            return 2;
        }
    };
    let Ok(pid) = i32::try_from(child.id()) else {
        return 2;
    };
    let mut status: libc::c_int = 0;
    // SAFETY: a zeroed rusage is a valid value of the plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child's pid, with valid pointers to locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall_ms = start.elapsed().as_secs_f64() * 1e3;
    if waited != pid {
        eprintln!("wait4: {}", std::io::Error::last_os_error());
        return 2;
    }
    let code = std::process::ExitStatus::from_raw(status)
        .code()
        .unwrap_or(-1);
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    println!(
        "{wall_ms:.3} {} {:.3} {code}",
        usage.ru_maxrss,
        ms(usage.ru_utime) + ms(usage.ru_stime)
    );
    0
}

fn binary() -> PathBuf {
    std::env::var_os("MONGOTLS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_mongotls")))
}

/// The targets file of `sandboxes` and the loop's input (one URI a line, its CA in it).
fn write_inputs(dir: &Path, sandboxes: &[Sandbox]) -> Result<(PathBuf, PathBuf), String> {
    let targets = dir.join("fleet.toml");
    let uris = dir.join("uris.txt");
    let mut toml = String::from("[defaults]\nno_driver = true\ntimeout = \"10s\"\n");
    let mut lines = String::new();
    for (i, sb) in sandboxes.iter().enumerate() {
        toml.push_str(&format!(
            "\n[[targets]]\nname = \"set-{i}\"\nuri = \"mongodb://{}/?replicaSet={}&tls=true\"\nca = \"{}\"\n",
            sb.members().join(","),
            sb.set_name(),
            sb.ca_file().display()
        ));
        lines.push_str(&sb.uri());
        lines.push('\n');
    }
    std::fs::write(&targets, toml).map_err(|e| e.to_string())?;
    std::fs::write(&uris, lines).map_err(|e| e.to_string())?;
    Ok((targets, uris))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

struct Row {
    endpoints: usize,
    sets: usize,
    fleet: Measure,
    shell: Measure,
}

async fn run(sizes: Vec<usize>, runs: usize) -> Result<(), String> {
    let bin = binary();
    println!(
        "binary: {} · {} runs per size (median wall, largest peak RSS) · {} CPUs",
        bin.display(),
        runs,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let mut rows = Vec::new();
    for endpoints in sizes {
        let mut sandboxes = Vec::new();
        let mut left = endpoints;
        while left > 0 {
            let members = left.min(SET_SIZE);
            sandboxes.push(
                Sandbox::start(SandboxConfig {
                    members,
                    scenario: Scenario::Good,
                    tls_mode: Some(TlsMode::Require),
                    handshake_delay: None,
                })
                .await
                .map_err(|e| e.to_string())?,
            );
            left -= members;
        }
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let (targets, uris) = write_inputs(dir.path(), &sandboxes)?;
        let (mut fleet, mut shell) = (Vec::new(), Vec::new());
        // One unmeasured run of each warms the page cache.
        for i in 0..=runs {
            let bin_f = bin.clone();
            let targets = targets.clone();
            let f = tokio::task::spawn_blocking(move || {
                let targets = targets.display().to_string();
                let args = ["check", "--targets", &targets, "--format", "json"];
                measure(&bin_f, &args, true)
            })
            .await
            .map_err(|e| e.to_string())??;
            let bin_s = bin.clone();
            let uris = uris.clone();
            let s = tokio::task::spawn_blocking(move || {
                let (bin, uris) = (bin_s.display().to_string(), uris.display().to_string());
                let script =
                    "xargs -P 8 -I{} \"$0\" check {} --no-driver --format json < \"$1\" > /dev/null";
                measure(Path::new("sh"), &["-c", script, &bin, &uris], true)
            })
            .await
            .map_err(|e| e.to_string())??;
            if i > 0 {
                fleet.push(f);
                shell.push(s);
            }
        }
        for sb in sandboxes.drain(..) {
            sb.shutdown().await;
        }
        let pick = |m: &[Measure]| Measure {
            wall_ms: median(m.iter().map(|x| x.wall_ms).collect()),
            peak_kib: m.iter().map(|x| x.peak_kib).max().unwrap_or(0),
            cpu_ms: median(m.iter().map(|x| x.cpu_ms).collect()),
        };
        let row = Row {
            endpoints,
            sets: endpoints.div_ceil(SET_SIZE),
            fleet: pick(&fleet),
            shell: pick(&shell),
        };
        println!(
            "{:>6} endpoints ({:>4} sets): check --targets {:>7.0} ms (cpu {:>6.0} ms) {:>6.1} MiB · xargs -P 8 {:>7.0} ms (cpu {:>6.0} ms) {:>6.1} MiB",
            row.endpoints,
            row.sets,
            row.fleet.wall_ms,
            row.fleet.cpu_ms,
            mib(row.fleet.peak_kib),
            row.shell.wall_ms,
            row.shell.cpu_ms,
            mib(row.shell.peak_kib)
        );
        let _ = std::io::stdout().flush();
        rows.push(row);
    }
    table(&rows);
    Ok(())
}

fn mib(kib: i64) -> f64 {
    kib as f64 / 1024.0
}

/// The Markdown table the README quotes, with the per-endpoint cost (linear growth keeps it
/// flat) and the speed-up over the loop.
fn table(rows: &[Row]) {
    println!();
    println!("| endpoints | sets | `check --targets` wall | CPU | peak RSS | wall per endpoint | `xargs -P 8` wall | CPU | peak RSS | speed-up |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {} | {:.2} s | {:.2} s | {:.1} MiB | {:.2} ms | {:.2} s | {:.2} s | {:.1} MiB | {:.1}× |",
            r.endpoints,
            r.sets,
            r.fleet.wall_ms / 1e3,
            r.fleet.cpu_ms / 1e3,
            mib(r.fleet.peak_kib),
            r.fleet.wall_ms / r.endpoints as f64,
            r.shell.wall_ms / 1e3,
            r.shell.cpu_ms / 1e3,
            mib(r.shell.peak_kib),
            r.shell.wall_ms / r.fleet.wall_ms
        );
    }
}
