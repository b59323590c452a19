//! Text rendering of `bench`, answer first: one sentence per member saying what TLS adds to a
//! new connection and to a round trip (or, for a member that could not be measured, why),
//! then the run, one compact table per member, the warnings grouped into a few lines with the
//! noise explained once, and the notes.

use std::io::{self, Write};

use comfy_table::{presets, CellAlignment, Table};

use super::bench::{BenchReport, ComparisonReport, SeriesReport, WarningReport};
use super::style::HANG;
use crate::bench::{Metric, Transport};
use crate::duration::{format_ms, millis};
use crate::tr;

/// Series named in a grouped warning line before it says "and N more".
const LISTED_SERIES: usize = 6;

/// Human names of the metrics.
pub(crate) fn metric_label(metric: Metric) -> String {
    match metric {
        Metric::ConnectFull => tr!("bench-metric-connect-full"),
        Metric::ConnectResumed => tr!("bench-metric-connect-resumed"),
        Metric::ConnectHello => tr!("bench-metric-connect-hello"),
        Metric::Ping => tr!("bench-metric-ping"),
        Metric::Payload(bytes) => tr!("bench-metric-payload", size = format_bytes(bytes)),
        Metric::Throughput(n) => tr!("bench-metric-throughput", count = n),
    }
}

/// `512 B`, `1 KiB`, `64 KiB`, `1 MiB`: a payload size as it was given.
pub(crate) fn format_bytes(bytes: usize) -> String {
    const KIB: usize = 1024;
    match bytes {
        b if b >= KIB * KIB && b % (KIB * KIB) == 0 => format!("{} MiB", b / (KIB * KIB)),
        b if b >= KIB && b % KIB == 0 => format!("{} KiB", b / KIB),
        b => format!("{b} B"),
    }
}

/// A confidence interval in the unit of its median, short: `1.6–1.8 ms`, `953–1018 µs`,
/// `0.56–2.6 ms`, `-7.9–13 µs`.
pub(crate) fn format_range(median: f64, low: f64, high: f64) -> String {
    let shown = format_ms(median);
    let unit = shown.rsplit_once(' ').map_or("ms", |(_, u)| u);
    let per_ms = match unit {
        "ns" => 1e6,
        "µs" => 1e3,
        "s" => 1e-3,
        _ => 1.0,
    };
    let short = |ms: f64| {
        let v = ms * per_ms;
        match v.abs() {
            a if a >= 10.0 => format!("{v:.0}"),
            a if a >= 1.0 => format!("{v:.1}"),
            _ => format!("{v:.2}"),
        }
    };
    format!("{}–{} {unit}", short(low), short(high))
}

/// Writes the report as text.
pub fn render(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    answers(r, out)?;
    header(r, out)?;
    for member in &r.members {
        if r.not_measured.iter().any(|n| &n.member == member) {
            continue;
        }
        member_table(r, member, out)?;
        member_lines(r, member, out)?;
    }
    warnings(r, out)?;
    notes_and_findings(r, out)
}

/// First, one line per member: what TLS adds, or why nothing was measured.
fn answers(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    let several = r.members.len() > 1;
    for member in &r.members {
        let prefix = |line: String| {
            if several {
                tr!(
                    "bench-text-member-line",
                    member = member.as_str(),
                    line = line
                )
            } else {
                line
            }
        };
        if let Some(n) = r.not_measured.iter().find(|n| &n.member == member) {
            // The message names the member already.
            writeln!(out, "{}", n.message)?;
            writeln!(out, "  {}", tr!("bench-text-hint", hint = n.hint.as_str()))?;
        } else if let Some(s) = sentence(r, member) {
            writeln!(out, "{}", prefix(s))?;
        } else if let Some(m) = r.missing.iter().find(|m| &m.member == member) {
            let line = tr!("bench-text-nothing-compared", reason = m.reason.as_str());
            writeln!(out, "{}", prefix(line))?;
        }
    }
    if !r.members.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// The URIs, and how many samples were taken in how long.
fn header(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    // A URI wrapped by the text sink continues under itself, not under the label.
    let value = |uri: &str| format!("{HANG}{uri}");
    writeln!(out, "{}", tr!("bench-text-target", uri = value(&r.uri)))?;
    if let Some(p) = &r.plain_uri {
        writeln!(out, "{}", tr!("bench-text-plain", uri = value(p)))?;
    }
    writeln!(
        out,
        "{}",
        tr!(
            "bench-text-run",
            count = r.samples,
            warmup = r.warmup,
            elapsed = format!("{:.1}", millis(r.duration) / 1e3),
            allowed = format!("{:.0}", r.max_time.as_secs_f64())
        )
    )
}

/// The member's heading and its table: one row a metric, in the order first measured.
fn member_table(r: &BenchReport, member: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "== {member}")?;
    let mut table = Table::new();
    table.load_style(presets::NOTHING).set_header(vec![
        tr!("bench-text-col-metric"),
        tr!("bench-text-col-plain-p50"),
        tr!("bench-text-col-tls-p50"),
        tr!("bench-text-col-tls-p99"),
        tr!("bench-text-col-n"),
        tr!("bench-text-col-adds"),
    ]);
    let metrics = first_seen(
        r.series
            .iter()
            .filter(|s| s.member == member)
            .map(|s| s.metric),
    );
    let mut resumed_after = Vec::new();
    for metric in metrics {
        let (row, resumed) = metric_row(r, member, metric);
        table.add_row(row);
        resumed_after.push(resumed);
    }
    for i in 1..=4 {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, " {}", line.trim_end())?;
    }
    for resumed in resumed_after.into_iter().flatten() {
        writeln!(out, "  {resumed}")?;
    }
    Ok(())
}

/// One metric's row, and how many handshakes resumed where that was counted.
fn metric_row(r: &BenchReport, member: &str, metric: Metric) -> (Vec<String>, Option<String>) {
    let find = |t: Transport| {
        r.series
            .iter()
            .find(|s| s.member == member && s.metric == metric && s.transport == t)
    };
    let (plain, tls) = (find(Transport::Plain), find(Transport::Tls));
    let cell = |s: Option<&SeriesReport>, value: fn(&SeriesReport) -> String| {
        s.map(value).unwrap_or_else(|| "-".to_string())
    };
    let adds = comparison(r, member, metric).map(|c| {
        format!(
            "{} ({})",
            format_ms(c.overhead_ms.median),
            format_range(
                c.overhead_ms.median,
                c.overhead_ms.ci95_low,
                c.overhead_ms.ci95_high
            )
        )
    });
    let row = vec![
        metric_label(metric),
        cell(plain, |s| format!("{:.3}", s.summary.p50_ms)),
        cell(tls, |s| format!("{:.3}", s.summary.p50_ms)),
        cell(tls, |s| format!("{:.3}", s.summary.p99_ms)),
        cell(tls, |s| s.summary.count.to_string()),
        adds.unwrap_or_else(|| "-".to_string()),
    ];
    let resumed = tls.and_then(|s| {
        s.resumed.map(|n| {
            tr!(
                "bench-text-resumed",
                resumed = n,
                count = s.summary.count,
                metric = metric_label(metric)
            )
        })
    });
    (row, resumed)
}

/// Below a member's table: client CPU per connection, throughput, and the comparisons that
/// could not be made (one line per reason).
fn member_lines(r: &BenchReport, member: &str, out: &mut dyn Write) -> io::Result<()> {
    for c in r.cpu.iter().filter(|c| c.member == member) {
        let line = match c.transport {
            Transport::Plain => tr!(
                "bench-text-cpu-plain",
                cpu = format_ms(c.cpu_ms_per_connection),
                wall = format_ms(c.wall_ms_per_connection)
            ),
            Transport::Tls => tr!(
                "bench-text-cpu-tls",
                cpu = format_ms(c.cpu_ms_per_connection),
                wall = format_ms(c.wall_ms_per_connection)
            ),
        };
        writeln!(out, "  {line}")?;
    }
    for t in r.throughput.iter().filter(|t| t.member == member) {
        let ops = format!("{:.0}", t.ops_per_sec);
        let line = match t.transport {
            Transport::Plain => {
                tr!(
                    "bench-text-throughput-plain",
                    count = t.concurrency,
                    ops = ops
                )
            }
            Transport::Tls => tr!(
                "bench-text-throughput-tls",
                count = t.concurrency,
                ops = ops
            ),
        };
        writeln!(out, "  {line}")?;
    }
    let missing: Vec<_> = r.missing.iter().filter(|m| m.member == member).collect();
    for reason in first_seen(missing.iter().map(|m| m.reason.as_str())) {
        let metrics: Vec<String> = missing
            .iter()
            .filter(|m| m.reason == reason)
            .map(|m| m.metric.to_string())
            .collect();
        let line = tr!(
            "bench-text-no-comparison",
            metrics = metrics.join(&tr!("bench-text-list-separator")),
            reason = reason
        );
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// The warnings in a few lines: the timing noise (outliers, high variance, a slow first
/// sample) counted in one line and explained once; a confidence interval that includes 0 and
/// too few samples each in one line naming where. Every warning, per series, is in the JSON.
fn warnings(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    if r.warnings.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", tr!("bench-text-warnings"))?;
    let several = r.members.len() > 1;
    let name = |w: &WarningReport| {
        if several {
            format!("{} {}", w.member, w.series)
        } else {
            w.series.clone()
        }
    };
    let of = |code: &str| -> Vec<&WarningReport> {
        r.warnings.iter().filter(|w| w.code == code).collect()
    };
    let (outliers, variance, cold) = (
        of("bench.outliers"),
        of("bench.high_variance"),
        of("bench.cold_start"),
    );
    let noisy = first_seen(
        outliers
            .iter()
            .chain(&variance)
            .chain(&cold)
            .map(|w| (w.member.as_str(), w.series.as_str())),
    );
    if !noisy.is_empty() {
        let mut kinds = Vec::new();
        if !outliers.is_empty() {
            kinds.push(tr!("bench-text-noise-outliers", count = outliers.len()));
        }
        if !variance.is_empty() {
            kinds.push(tr!("bench-text-noise-variance", count = variance.len()));
        }
        if !cold.is_empty() {
            kinds.push(tr!("bench-text-noise-cold", count = cold.len()));
        }
        let line = tr!(
            "bench-text-noise",
            count = noisy.len(),
            total = r.series.len().max(noisy.len()),
            kinds = kinds.join(&tr!("bench-text-list-separator"))
        );
        writeln!(out, "  {line}")?;
        writeln!(out, "    {}", tr!("bench-text-noise-why"))?;
    }
    let zero = of("bench.ci_includes_zero");
    if !zero.is_empty() {
        let names = listed(zero.iter().map(|w| name(w)).collect());
        writeln!(out, "  {}", tr!("bench-text-ci-zero", metrics = names))?;
    }
    let few = of("bench.too_few_samples");
    if !few.is_empty() {
        let names = listed(few.iter().map(|w| name(w)).collect());
        let line = tr!(
            "bench-text-too-few",
            count = few.len(),
            series = names,
            min = crate::bench::stats::MIN_SAMPLES
        );
        writeln!(out, "  {line}")?;
    }
    writeln!(out, "  {}", tr!("bench-text-warnings-json"))
}

/// `a, b, c` — and at most [`LISTED_SERIES`] of them, then how many more.
fn listed(names: Vec<String>) -> String {
    let names = first_seen(names.into_iter());
    let separator = tr!("bench-text-list-separator");
    if names.len() <= LISTED_SERIES {
        return names.join(&separator);
    }
    tr!(
        "bench-text-and-more",
        list = names[..LISTED_SERIES].join(&separator),
        count = names.len() - LISTED_SERIES
    )
}

/// The notes, then the findings.
fn notes_and_findings(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    if !r.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr!("bench-text-notes"))?;
        for n in &r.notes {
            writeln!(out, "  - {n}")?;
        }
    }
    for f in &r.findings {
        writeln!(
            out,
            "  {} {}: {}",
            f.severity.as_str().to_uppercase(),
            f.code,
            f.message
        )?;
    }
    Ok(())
}

/// Each distinct item once, in the order first seen.
fn first_seen<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen: Vec<T> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

fn comparison<'a>(
    r: &'a BenchReport,
    member: &str,
    metric: Metric,
) -> Option<&'a ComparisonReport> {
    r.comparisons
        .iter()
        .find(|c| c.member == member && c.metric == metric)
}

/// "TLS adds 1.9 ms to a new connection (95 % CI 1.7–2.1 ms) and 18 µs to a round trip
/// (95 % CI 12–25 µs)."
pub fn sentence(r: &BenchReport, member: &str) -> Option<String> {
    let connect = comparison(r, member, Metric::ConnectFull);
    let ping = comparison(r, member, Metric::Ping);
    let adds = |c: &ComparisonReport| format_ms(c.overhead_ms.median);
    let ci = |c: &ComparisonReport| {
        let o = &c.overhead_ms;
        format_range(o.median, o.ci95_low, o.ci95_high)
    };
    // A round trip whose interval includes 0: TLS adds nothing measurable, and the sentence
    // says so rather than quoting a median that is noise.
    let zero =
        |c: &ComparisonReport| c.overhead_ms.ci95_low <= 0.0 && 0.0 <= c.overhead_ms.ci95_high;
    match (connect, ping) {
        (Some(c), Some(p)) if zero(p) => Some(tr!(
            "bench-sentence-both-ping-zero",
            connect = adds(c),
            connect_ci = ci(c),
            ping_ci = ci(p)
        )),
        (Some(c), Some(p)) => Some(tr!(
            "bench-sentence-both",
            connect = adds(c),
            connect_ci = ci(c),
            ping = adds(p),
            ping_ci = ci(p)
        )),
        (Some(c), None) => Some(tr!(
            "bench-sentence-connect",
            connect = adds(c),
            connect_ci = ci(c)
        )),
        (None, Some(p)) if zero(p) => Some(tr!("bench-sentence-ping-zero", ping_ci = ci(p))),
        (None, Some(p)) => Some(tr!("bench-sentence-ping", ping = adds(p), ping_ci = ci(p))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::report::bench::WarningReport;
    use crate::report::fixtures;

    fn warning(member: &str, series: &str, code: &'static str) -> WarningReport {
        WarningReport {
            member: member.into(),
            series: series.into(),
            code,
            message: format!("{series}: {code}"),
            hint: "per-series hint".into(),
        }
    }

    fn warnings_of(r: &super::BenchReport) -> String {
        let mut out = Vec::new();
        super::render(r, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        text[text.find("Warnings:").unwrap()..].to_string()
    }

    #[test]
    fn noise_is_counted_in_one_line_and_explained_once() {
        let mut ws = Vec::new();
        for series in [
            "connect_full/plain",
            "ping/tls",
            "ping/plain",
            "connect_hello/tls",
        ] {
            ws.push(warning("a:1", series, "bench.outliers"));
            ws.push(warning("a:1", series, "bench.high_variance"));
        }
        ws.push(warning("a:1", "ping/tls", "bench.cold_start"));
        let r = fixtures::bench_report(ws);
        let warnings = warnings_of(&r);
        assert_eq!(
            warnings.lines().count(),
            4,
            "heading, noise, why, pointer to the JSON:\n{warnings}"
        );
        assert!(
            warnings.contains(
                "timing noise in 4 of 4 series: outliers in 4, high variance in 4, a slow first sample in 1"
            ),
            "{warnings}"
        );
        assert!(!warnings.contains("per-series hint"), "{warnings}");
    }

    #[test]
    fn a_ci_that_includes_zero_and_too_few_samples_name_where() {
        let r = fixtures::bench_report(vec![
            warning("a:1", "ping", "bench.ci_includes_zero"),
            warning("a:1", "payload_1024/plain", "bench.too_few_samples"),
            warning("a:1", "payload_1024/tls", "bench.too_few_samples"),
        ]);
        let warnings = warnings_of(&r);
        assert!(warnings.contains("includes 0 for ping:"), "{warnings}");
        assert!(
            warnings.contains("2 series (payload_1024/plain, payload_1024/tls)"),
            "{warnings}"
        );
        assert!(!warnings.contains("timing noise"), "{warnings}");
    }

    #[test]
    fn a_long_list_says_how_many_more() {
        let names: Vec<String> = (0..9).map(|i| format!("s{i}")).collect();
        assert_eq!(super::listed(names), "s0, s1, s2, s3, s4, s5 and 3 more");
    }

    #[test]
    fn ranges_share_their_unit() {
        assert_eq!(super::format_range(1.7, 1.6, 1.8), "1.6–1.8 ms");
        assert_eq!(super::format_range(0.979, 0.953, 1.018), "953–1018 µs");
        assert_eq!(super::format_range(1.7, 0.562, 2.6), "0.56–2.6 ms");
        assert_eq!(super::format_range(0.0042, -0.0079, 0.013), "-7.9–13 µs");
        assert_eq!(super::format_bytes(1024), "1 KiB");
        assert_eq!(super::format_bytes(1_048_576), "1 MiB");
        assert_eq!(super::format_bytes(1000), "1000 B");
    }
}
