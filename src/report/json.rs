//! JSON rendering: one object per run, snake_case, `schema_version` first.

use std::io::{self, Write};

use super::Report;

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let result = match report {
        Report::Ca(r) => serde_json::to_writer_pretty(&mut *out, r),
        Report::Verify(r) => serde_json::to_writer_pretty(&mut *out, r),
        Report::Check(r) => serde_json::to_writer_pretty(&mut *out, r),
        Report::Bench(r) => serde_json::to_writer_pretty(&mut *out, r),
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
