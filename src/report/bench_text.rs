//! Text rendering of `bench`: one compact table per member, and one sentence saying what TLS
//! adds to a new connection and to a round trip.

use std::io::{self, Write};

use super::bench::{BenchReport, ComparisonReport, SeriesReport};
use crate::bench::{Metric, Transport};
use crate::duration::{format_ms, millis};
use crate::tr;

/// Human names of the metrics.
fn metric_label(metric: Metric) -> String {
    match metric {
        Metric::ConnectFull => "TCP + full handshake".into(),
        Metric::ConnectResumed => "TCP + resumed handshake".into(),
        Metric::ConnectHello => "to a usable connection".into(),
        Metric::Ping => "ping round trip".into(),
        Metric::Payload(bytes) => format!("round trip with {bytes} B"),
        Metric::Throughput(n) => format!("throughput with {n} connections"),
    }
}

/// Writes the report as text.
pub fn render(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    not_measured(r, out)?;
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

/// The members that could not be measured, first: the cause is the answer.
fn not_measured(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    for n in &r.not_measured {
        writeln!(out, "{}", n.message)?;
        writeln!(out, "  {}", tr!("bench-text-hint", hint = n.hint.as_str()))?;
    }
    if !r.not_measured.is_empty() {
        writeln!(out)?;
    }
    Ok(())
}

/// The URIs, and how many samples were taken in how long.
fn header(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Target  {}", r.uri)?;
    if let Some(p) = &r.plain_uri {
        writeln!(out, "Plain   {p}")?;
    }
    writeln!(
        out,
        "Run     {} sample{} per series (+{} warm-up), {:.1} s of {:.0} s allowed",
        r.samples,
        if r.samples == 1 { "" } else { "s" },
        r.warmup,
        millis(r.duration) / 1e3,
        r.max_time.as_secs_f64()
    )
}

/// One line of a member's table: the metric, five numbers and the overhead.
fn table_line(out: &mut dyn Write, cells: [&str; 7]) -> io::Result<()> {
    let [metric, plain_p50, tls_p50, tls_p90, tls_p99, n, adds] = cells;
    writeln!(
        out,
        "   {metric:<26} {plain_p50:>9} {tls_p50:>9} {tls_p90:>9} {tls_p99:>9} {n:>6}   {adds:>22}"
    )
}

/// The member's heading and its table: one row a metric, in the order first measured.
fn member_table(r: &BenchReport, member: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "== {member}")?;
    table_line(
        out,
        [
            "metric (ms)",
            "plain p50",
            "tls p50",
            "tls p90",
            "tls p99",
            "n",
            "TLS adds (95 % CI)",
        ],
    )?;
    let metrics = first_seen(
        r.series
            .iter()
            .filter(|s| s.member == member)
            .map(|s| s.metric),
    );
    for metric in metrics {
        metric_row(r, member, metric, out)?;
    }
    Ok(())
}

/// One metric's row, and how many handshakes resumed where that was counted.
fn metric_row(
    r: &BenchReport,
    member: &str,
    metric: Metric,
    out: &mut dyn Write,
) -> io::Result<()> {
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
            "{} ({}–{})",
            format_ms(c.overhead_ms.median),
            format_ms(c.overhead_ms.ci95_low),
            format_ms(c.overhead_ms.ci95_high)
        )
    });
    table_line(
        out,
        [
            &metric_label(metric),
            &cell(plain, |s| format!("{:.3}", s.summary.p50_ms)),
            &cell(tls, |s| format!("{:.3}", s.summary.p50_ms)),
            &cell(tls, |s| format!("{:.3}", s.summary.p90_ms)),
            &cell(tls, |s| format!("{:.3}", s.summary.p99_ms)),
            &cell(tls, |s| s.summary.count.to_string()),
            adds.as_deref().unwrap_or("-"),
        ],
    )?;
    if let Some(n) = tls.and_then(|s| s.resumed) {
        writeln!(
            out,
            "   {:<26} {n} of {} TLS handshakes resumed",
            "",
            tls.map(|s| s.summary.count).unwrap_or(0)
        )?;
    }
    Ok(())
}

/// Below a member's table: client CPU per connection, throughput, the sentence, and the
/// comparisons that could not be made.
fn member_lines(r: &BenchReport, member: &str, out: &mut dyn Write) -> io::Result<()> {
    for c in r.cpu.iter().filter(|c| c.member == member) {
        writeln!(
            out,
            "   client CPU per {}: {} (wall {})",
            match c.transport {
                Transport::Plain => "TCP connect",
                Transport::Tls => "TCP + TLS handshake",
            },
            format_ms(c.cpu_ms_per_connection),
            format_ms(c.wall_ms_per_connection)
        )?;
    }
    for t in r.throughput.iter().filter(|t| t.member == member) {
        writeln!(
            out,
            "   throughput {} with {} connections: {:.0} ops/s",
            match t.transport {
                Transport::Plain => "plaintext",
                Transport::Tls => "TLS",
            },
            t.concurrency,
            t.ops_per_sec
        )?;
    }
    if let Some(sentence) = sentence(r, member) {
        writeln!(out, "   {sentence}")?;
    }
    for m in r.missing.iter().filter(|m| m.member == member) {
        writeln!(out, "   no {} comparison: {}", m.metric, m.reason)?;
    }
    Ok(())
}

/// The warnings, grouped by code in first-seen order: on a loaded machine the same warning
/// fires for many series, and its advice is the same each time.
fn warnings(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    if r.warnings.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Warnings:")?;
    for code in first_seen(r.warnings.iter().map(|w| w.code)) {
        let group: Vec<_> = r.warnings.iter().filter(|w| w.code == code).collect();
        writeln!(out, "  {code} ({}):", group.len())?;
        for w in &group {
            writeln!(out, "    - {}: {}", w.member, w.message)?;
        }
        for hint in first_seen(group.iter().map(|w| w.hint.as_str())) {
            writeln!(out, "    hint: {hint}")?;
        }
    }
    Ok(())
}

/// The notes, then the findings.
fn notes_and_findings(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    if !r.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "Notes:")?;
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

/// "TLS adds 1.9 ms (+240 %, 95 % CI 1.7–2.1 ms) to a new connection and 18 µs (+9 %) to a
/// round trip."
pub fn sentence(r: &BenchReport, member: &str) -> Option<String> {
    let connect = comparison(r, member, Metric::ConnectFull);
    let ping = comparison(r, member, Metric::Ping);
    let part = |c: &ComparisonReport, what: &str, ci: bool| {
        let ci_text = if ci {
            format!(
                ", 95 % CI {}–{}",
                format_ms(c.overhead_ms.ci95_low),
                format_ms(c.overhead_ms.ci95_high)
            )
        } else {
            String::new()
        };
        format!(
            "{} ({:+.0} %{ci_text}) to {what}",
            format_ms(c.overhead_ms.median),
            c.relative_percent
        )
    };
    match (connect, ping) {
        (Some(c), Some(p)) => Some(format!(
            "TLS adds {} and {}.",
            part(c, "a new connection", true),
            part(p, "a round trip", false)
        )),
        (Some(c), None) => Some(format!("TLS adds {}.", part(c, "a new connection", true))),
        (None, Some(p)) => Some(format!("TLS adds {}.", part(p, "a round trip", true))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::report::bench::WarningReport;
    use crate::report::fixtures;

    fn warning(member: &str, code: &'static str, message: &str, hint: &str) -> WarningReport {
        WarningReport {
            member: member.into(),
            series: "ping/tls".into(),
            code,
            message: message.into(),
            hint: hint.into(),
        }
    }

    #[test]
    fn warnings_are_grouped_by_code_with_each_hint_once() {
        let r = fixtures::bench_report(vec![
            warning("a:1", "bench.outliers", "ping/tls: 4 outliers", "be quiet"),
            warning(
                "a:1",
                "bench.cold_start",
                "connect_full/tls: slow first",
                "warm up",
            ),
            warning(
                "b:2",
                "bench.outliers",
                "ping/plain: 5 outliers",
                "be quiet",
            ),
        ]);
        let mut out = Vec::new();
        super::render(&r, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let warnings = &text[text.find("Warnings:").unwrap()..];
        assert!(
            warnings.starts_with(
                "Warnings:\n  bench.outliers (2):\n    - a:1: ping/tls: 4 outliers\n    - b:2: ping/plain: 5 outliers\n    hint: be quiet\n  bench.cold_start (1):\n"
            ),
            "{warnings}"
        );
        assert_eq!(warnings.matches("hint: be quiet").count(), 1);
    }
}
