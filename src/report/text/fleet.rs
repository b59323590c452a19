//! Text of `check --targets FILE`, answer first: one table row per target (failing first,
//! then the earliest expiry), then each target that did not pass with its findings and their
//! hints, then the summary and one verdict line. The full reports are in JSON and JUnit.

use std::io::{self, Write};

use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Table};

use super::{finding_lines, hang, verdict_word, HintsShown};
use crate::escape::printable;
use crate::findings::{Finding, Severity, Verdict};
use crate::report::fleet::{FleetReport, FleetTarget};
use crate::report::style::{paint, Role};
use crate::tr;

/// Writes the fleet report as text.
pub(super) fn render_fleet(r: &FleetReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        tr!(
            "fleet-text-heading",
            title = paint(Role::Heading, &tr!("fleet-text-title")),
            file = hang(printable(&r.targets_file)),
            count = r.summary.targets,
            concurrency = r.concurrency.to_string(),
            duration = crate::duration::format_ms(crate::duration::millis(r.duration))
        )
    )?;
    writeln!(out)?;
    let sorted = r.by_severity();
    summary_table(&sorted, out)?;
    let mut hints = HintsShown::default();
    for t in sorted.iter().filter(|t| t.verdict != Verdict::Pass) {
        target_findings(t, &mut hints, out)?;
    }
    writeln!(out)?;
    let s = &r.summary;
    writeln!(
        out,
        "{}",
        tr!(
            "fleet-text-summary",
            title = paint(Role::Heading, &tr!("report-summary-title")),
            count = s.targets,
            pass = s.pass,
            warn = s.warn,
            fail = s.fail
        )
    )?;
    writeln!(
        out,
        "{}",
        tr!(
            "fleet-text-verdict",
            verdict = verdict_word(r.verdict),
            failing = s.fail,
            warning = s.warn,
            count = s.targets
        )
    )
}

/// One row per target: name, verdict, members without failure, earliest notAfter and its
/// days left (negative: expired), first problem. Laid out to fit 80 columns (long cells wrap
/// within their column), so that the sink never breaks a row.
fn summary_table(sorted: &[&FleetTarget], out: &mut dyn Write) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(TABLE_WIDTH)
        .set_header(vec![
            tr!("fleet-text-col-target"),
            tr!("fleet-text-col-verdict"),
            tr!("fleet-text-col-members"),
            tr!("fleet-text-col-earliest"),
            tr!("fleet-text-col-days"),
            tr!("fleet-text-col-problem"),
        ]);
    for t in sorted {
        let members = t
            .members_ok()
            .map_or_else(|| "-".to_string(), |(ok, all)| format!("{ok}/{all}"));
        let (date, days) = match t.earliest() {
            Some((at, days)) => (at.date().to_string(), days.to_string()),
            None => ("-".to_string(), "-".to_string()),
        };
        let problem = t
            .first_problem()
            .map_or_else(|| "-".to_string(), |c| c.to_string());
        table.add_row(vec![
            printable(&t.name).into_owned(),
            verdict_plain(t.verdict),
            members,
            date,
            days,
            problem,
        ]);
    }
    for i in [2, 4] {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    // Only a long target name wraps; verdicts, dates and codes stay whole.
    for i in 1..=5 {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    for line in table.lines() {
        writeln!(out, " {}", line.trim_end())?;
    }
    Ok(())
}

/// Columns of the summary table (the sink's default width less the indent and one).
const TABLE_WIDTH: u16 = 78;

/// `PASS`, `WARN`, `FAIL` without paint (table cells are measured as they are written).
fn verdict_plain(v: Verdict) -> String {
    match v {
        Verdict::Pass => tr!("report-verdict-pass"),
        Verdict::Warn => tr!("report-verdict-warn"),
        Verdict::Fail => tr!("report-verdict-fail"),
    }
}

/// `== name: FAIL` and the target's findings above `info`, worst first, each with its hint
/// (once per report); for an entry that could not be checked, why and how to fix it.
fn target_findings(t: &FleetTarget, hints: &mut HintsShown, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr!(
            "fleet-text-target",
            name = paint(Role::Heading, &printable(&t.name)),
            verdict = verdict_word(t.verdict)
        )
    )?;
    let mut findings: Vec<Finding> = Vec::new();
    if let Some(e) = &t.error {
        findings.push(Finding::new(
            e.code,
            Severity::Fail,
            e.message.clone(),
            e.hint.clone(),
        ));
    }
    if let Some(r) = &t.report {
        let above_info = |f: &&Finding| f.severity > Severity::Info;
        findings.extend(r.findings.iter().filter(above_info).cloned());
        // A member's finding names the member (many members of many targets are listed).
        for m in &r.members {
            for f in m.findings.iter().filter(above_info) {
                let mut f = f.clone();
                if !f.message.starts_with(&m.address) {
                    f.message = tr!(
                        "fleet-text-member-finding",
                        address = m.address.as_str(),
                        message = f.message
                    );
                }
                findings.push(f);
            }
        }
        findings.extend(r.driver.findings.iter().filter(above_info).cloned());
    }
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in &findings {
        finding_lines(f, "   ", None, hints, out)?;
    }
    Ok(())
}
