//! `bench --plot FILE.svg`: the latency distributions, plaintext vs TLS, one panel per
//! member and metric, as box plots (median, quartiles, 1.5 IQR whiskers), drawn by plotters.

use std::io::{self, Write};
use std::path::Path;

use plotters::data::Quartiles;
use plotters::prelude::*;

use super::bench::{BenchReport, SeriesReport};
use crate::bench::{Metric, Transport};

const PANEL_HEIGHT: u32 = 170;

/// The file formats `--plot` writes, chosen by the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotFormat {
    /// `.svg`: a vector drawing any browser opens; its text uses the viewer's fonts, so
    /// Chinese labels show wherever the reader has a Chinese font.
    Svg,
}

impl PlotFormat {
    /// The name users know the format by (`SVG`).
    pub fn name(self) -> &'static str {
        match self {
            PlotFormat::Svg => "SVG",
        }
    }

    /// The format `path` asks for, by its extension (any case). A path without an extension
    /// is accepted only when `special` (an existing pipe or device such as `/dev/stdout`,
    /// which has no extension to give): it gets SVG. `Err` is the reason, for the user.
    ///
    /// PNG is refused rather than drawn: a bitmap needs fonts compiled into the binary, and
    /// the Chinese labels would need a CJK font several megabytes large; SVG leaves the text
    /// to the viewer's fonts and converts to PNG with one command.
    pub fn from_path(path: &Path, special: bool) -> Result<PlotFormat, String> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("svg") => Ok(PlotFormat::Svg),
            None if special => Ok(PlotFormat::Svg),
            Some("png") => Err(crate::tr!(
                "bench-plot-png-refused",
                path = path.display().to_string(),
                svg = path.with_extension("svg").display().to_string()
            )),
            Some(other) => Err(crate::tr!(
                "bench-plot-extension-unknown",
                extension = crate::escape::printable(other).into_owned()
            )),
            None => Err(crate::tr!("bench-plot-extension-missing")),
        }
    }
}

/// A plotters error as an I/O error of the renderer, in plotters' words.
fn drawing<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::other(e.to_string())
}

/// The SVG document. Writing it is the caller's.
pub fn render_svg(r: &BenchReport) -> io::Result<String> {
    let mut keys: Vec<(&str, Metric)> = Vec::new();
    for s in &r.series {
        if !keys.contains(&(s.member.as_str(), s.metric)) {
            keys.push((&s.member, s.metric));
        }
    }
    if keys.is_empty() {
        return Err(io::Error::other("no series to plot"));
    }
    let height = PANEL_HEIGHT * u32::try_from(keys.len()).unwrap_or(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (900, height)).into_drawing_area();
        draw(&root, r, &keys)?;
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    r: &BenchReport,
    keys: &[(&str, Metric)],
) -> io::Result<()> {
    root.fill(&WHITE).map_err(drawing)?;
    let panels = root.split_evenly((keys.len(), 1));
    for (panel, &(member, metric)) in panels.iter().zip(keys) {
        let find = |t: Transport| {
            r.series
                .iter()
                .find(|s| s.member == member && s.metric == metric && s.transport == t)
        };
        draw_panel(
            panel,
            member,
            metric,
            find(Transport::Plain),
            find(Transport::Tls),
        )?;
    }
    Ok(())
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    member: &str,
    metric: Metric,
    plain: Option<&SeriesReport>,
    tls: Option<&SeriesReport>,
) -> io::Result<()> {
    let max = [plain, tls]
        .iter()
        .flatten()
        .map(|s| s.summary.max_ms)
        .fold(0.0_f64, f64::max)
        .max(0.001);
    let labels = ["plain", "tls"];
    let mut chart = ChartBuilder::on(area)
        .caption(format!("{member} · {metric} (ms)"), ("sans-serif", 16))
        .margin(8)
        .x_label_area_size(28)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0_f32..(max * 1.05) as f32, labels[..].into_segmented())
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc("milliseconds")
        .draw()
        .map_err(drawing)?;
    for (label, series, color) in [(&labels[0], plain, BLUE), (&labels[1], tls, RED)] {
        let Some(s) = series else { continue };
        if s.samples_ms.is_empty() {
            continue;
        }
        let q = Quartiles::new(&s.samples_ms);
        chart
            .draw_series(std::iter::once(
                Boxplot::new_horizontal(SegmentValue::CenterOf(label), &q)
                    .width(24)
                    .whisker_width(0.6)
                    .style(color),
            ))
            .map_err(drawing)?;
    }
    Ok(())
}

/// Box plots of `bench` as SVG (`--plot FILE.svg`).
#[derive(Clone, Copy, Debug, Default)]
pub struct SvgPlot;

impl super::Renderer for SvgPlot {
    fn render(&self, report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
        match report {
            super::Report::Bench(r) => {
                let svg = render_svg(r)?;
                out.write_all(svg.as_bytes())
            }
            _ => Err(io::Error::other("plots are made of `bench` reports only")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PlotFormat;
    use std::path::Path;

    #[test]
    fn the_extension_picks_the_format_and_anything_else_is_refused_with_a_reason() {
        let svg = |p: &str, special| PlotFormat::from_path(Path::new(p), special);
        assert_eq!(svg("b.svg", false), Ok(PlotFormat::Svg));
        assert_eq!(svg("dir.v2/B.SVG", false), Ok(PlotFormat::Svg));
        assert_eq!(svg("/dev/stdout", true), Ok(PlotFormat::Svg));
        let png = svg("out/b.png", false).unwrap_err();
        assert!(png.contains("rsvg-convert -o out/b.png out/b.svg"), "{png}");
        assert!(svg("b.txt", false).unwrap_err().contains(".txt"));
        assert!(svg("b", false).unwrap_err().contains(".svg"));
        assert!(svg("/dev/stdout", false).is_err());
    }
}
