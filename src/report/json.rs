//! JSON rendering: one object per run, snake_case, `schema_version` first; `summary` (for
//! `ca`, `verify` and `check`) and `lang` last. docs/json.md documents the `check` object.

use std::io::{self, Write};

use serde::Serialize;

use super::summary::{CheckSummary, FindingsSummary};
use super::Report;

/// A report with what the renderer adds to every JSON object: the summary built from its
/// findings, and the language of its human-readable text (`message`, `hint`, …).
#[derive(Serialize)]
struct Envelope<'a, R: Serialize, S: Serialize> {
    #[serde(flatten)]
    report: &'a R,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<S>,
    lang: &'static str,
}

fn envelope<R: Serialize, S: Serialize>(report: &R, summary: Option<S>) -> Envelope<'_, R, S> {
    Envelope {
        report,
        summary,
        lang: crate::i18n::language().tag(),
    }
}

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let result = match report {
        Report::Ca(r) => {
            serde_json::to_writer_pretty(&mut *out, &envelope(r, Some(FindingsSummary::of_ca(r))))
        }
        Report::Verify(r) => serde_json::to_writer_pretty(
            &mut *out,
            &envelope(r, Some(FindingsSummary::of_verify(r))),
        ),
        Report::Check(r) => serde_json::to_writer_pretty(
            &mut *out,
            &envelope(r.as_ref(), Some(CheckSummary::of(r))),
        ),
        Report::Bench(r) => serde_json::to_writer_pretty(&mut *out, &envelope::<_, ()>(r, None)),
        Report::Wait(r) => {
            serde_json::to_writer_pretty(&mut *out, &envelope::<_, ()>(r.as_ref(), None))
        }
        // The fleet's `summary` (targets by verdict) is its own; each target's report has its
        // check summary.
        Report::Fleet(r) => {
            serde_json::to_writer_pretty(&mut *out, &envelope::<_, ()>(r.as_ref(), None))
        }
    };
    // serde_json gives back the writer's own error (a closed pipe stays a BrokenPipe).
    result.map_err(io::Error::from)?;
    writeln!(out)
}

/// One JSON object (`--format json`, `--export-json`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Json;

impl super::Renderer for Json {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        render(report, out)
    }
}
