//! `bench` as Markdown tables and as CSV (one row per series, raw samples excluded: they are in
//! the JSON).

use std::io::{self, Write};

use super::BenchReport;
use crate::bench::Transport;
use crate::tr;

/// Markdown: a series table and a comparison table.
pub fn markdown(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", tr!("bench-md-title", uri = r.uri.as_str()))?;
    writeln!(out)?;
    for n in &r.not_measured {
        writeln!(out, "- {}", n.message)?;
    }
    if !r.not_measured.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "{}", tr!("bench-md-series-header"))?;
    writeln!(out, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")?;
    for s in &r.series {
        let m = &s.summary;
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            s.member,
            s.metric,
            s.transport.as_str(),
            m.count,
            m.min_ms,
            m.p50_ms,
            m.p90_ms,
            m.p99_ms,
            m.max_ms,
            m.mean_ms,
            m.stddev_ms
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", tr!("bench-md-comparison-header"))?;
    writeln!(out, "|---|---|---:|---|---:|---:|")?;
    for c in &r.comparisons {
        writeln!(
            out,
            "| {} | {} | {:.3} | {:.3} – {:.3} | {:.3} | {:+.1} % |",
            c.member,
            c.metric,
            c.overhead_ms.median,
            c.overhead_ms.ci95_low,
            c.overhead_ms.ci95_high,
            c.ratio,
            c.relative_percent
        )?;
    }
    for m in &r.missing {
        writeln!(out)?;
        let line = tr!(
            "bench-md-missing",
            metric = m.metric.to_string(),
            member = m.member.as_str(),
            reason = m.reason.as_str()
        );
        writeln!(out, "- {line}")?;
    }
    Ok(())
}

/// CSV with a header; fields never contain commas except `member` IPv6 brackets, so every
/// field is quoted.
pub fn csv(r: &BenchReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "member,metric,transport,count,min_ms,p50_ms,p90_ms,p99_ms,max_ms,mean_ms,stddev_ms,overhead_median_ms,overhead_ci95_low_ms,overhead_ci95_high_ms,ratio"
    )?;
    for s in &r.series {
        let m = &s.summary;
        let cmp = r
            .comparisons
            .iter()
            .find(|c| c.member == s.member && c.metric == s.metric)
            .filter(|_| s.transport == Transport::Tls);
        let opt = |v: Option<f64>| v.map(|v| format!("{v:.6}")).unwrap_or_default();
        writeln!(
            out,
            "\"{}\",\"{}\",\"{}\",{},{:.6},{:.6},{:.6},{:.6},{:.6},{:.6},{:.6},{},{},{},{}",
            s.member.replace('"', "\"\""),
            s.metric,
            s.transport.as_str(),
            m.count,
            m.min_ms,
            m.p50_ms,
            m.p90_ms,
            m.p99_ms,
            m.max_ms,
            m.mean_ms,
            m.stddev_ms,
            opt(cmp.map(|c| c.overhead_ms.median)),
            opt(cmp.map(|c| c.overhead_ms.ci95_low)),
            opt(cmp.map(|c| c.overhead_ms.ci95_high)),
            opt(cmp.map(|c| c.ratio)),
        )?;
    }
    Ok(())
}

/// Markdown tables of `bench` (`--format markdown`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

impl super::Renderer for Markdown {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        match report {
            super::Report::Bench(r) => markdown(r, out),
            _ => Err(io::Error::other(tr!("bench-tables-bench-only"))),
        }
    }
}

/// CSV of `bench` (`--format csv`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Csv;

impl super::Renderer for Csv {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        match report {
            super::Report::Bench(r) => csv(r, out),
            _ => Err(io::Error::other(tr!("bench-tables-bench-only"))),
        }
    }
}
