//! `bench --plot FILE.svg`: the latency distributions, plaintext vs TLS, drawn by plotters
//! to be read at a glance: the answer as the title (what TLS adds, with its 95 % CI), one
//! panel per metric with every member's plaintext and TLS samples as box plots on one shared
//! scale, the sample count on each row, the overhead beside each TLS box, and the axis
//! clipped to the whiskers: outliers inside it are drawn as dots, those beyond it are counted
//! at the edge with the largest value, so one slow sample cannot squeeze the boxes into a
//! corner.

use std::io::{self, Write};
use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bench::{BenchReport, ComparisonReport, SeriesReport};
use super::bench_text::{format_range, metric_label};
use crate::bench::stats::percentile;
use crate::bench::{Metric, Transport};
use crate::duration::format_ms;
use crate::tr;

/// Width of the drawing, in pixels.
const WIDTH: u32 = 1000;
/// Height of one row (one series), in pixels.
const ROW: u32 = 30;
/// Space above a panel's rows for its caption.
const CAPTION: u32 = 30;
/// Space below a panel's rows for the axis: tick labels, then the axis title under them.
const AXIS: u32 = 42;
/// Width of the column right of the plots that holds the overhead of each TLS row.
const ANNOTATION: u32 = 190;
/// Plaintext and TLS colours (blue and vermilion: told apart with colour blindness too).
const PLAIN: RGBColor = RGBColor(0, 114, 178);
const TLS: RGBColor = RGBColor(213, 94, 0);
const GREY: RGBColor = RGBColor(110, 110, 110);
const FONT: &str = "sans-serif";

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

/// One box plot: Tukey's, from the samples themselves.
#[derive(Clone, Debug, PartialEq)]
struct BoxStats {
    q1: f64,
    median: f64,
    q3: f64,
    /// The smallest sample at or above `q1 - 1.5 IQR`.
    low: f64,
    /// The largest sample at or below `q3 + 1.5 IQR`.
    high: f64,
    /// Samples outside the whiskers.
    outliers: Vec<f64>,
}

impl BoxStats {
    fn of(samples: &[f64]) -> Option<BoxStats> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        let (q1, median, q3) = (
            percentile(&sorted, 25.0)?,
            percentile(&sorted, 50.0)?,
            percentile(&sorted, 75.0)?,
        );
        let iqr = q3 - q1;
        let (fence_low, fence_high) = (q1 - 1.5 * iqr, q3 + 1.5 * iqr);
        let inside = |x: &&f64| (fence_low..=fence_high).contains(*x);
        let low = sorted.iter().find(inside).copied().unwrap_or(q1);
        let high = sorted.iter().rev().find(inside).copied().unwrap_or(q3);
        let outliers = sorted
            .iter()
            .copied()
            .filter(|x| !(low..=high).contains(x))
            .collect();
        Some(BoxStats {
            q1,
            median,
            q3,
            low,
            high,
            outliers,
        })
    }
}

/// One row of a panel: one member's series of one transport.
struct Row<'a> {
    member: &'a str,
    transport: Transport,
    series: &'a SeriesReport,
    stats: BoxStats,
}

/// One panel: a metric, every member's rows, and the scale they share.
struct Panel<'a> {
    metric: Metric,
    rows: Vec<Row<'a>>,
    /// Right end of the axis, in milliseconds: past the longest whisker, not the outliers.
    axis_ms: f64,
}

impl Panel<'_> {
    fn height(&self) -> u32 {
        CAPTION + ROW * u32::try_from(self.rows.len()).unwrap_or(1) + AXIS
    }
}

/// The panels in the order the metrics were measured, rows member by member (plaintext
/// above TLS).
fn panels(r: &BenchReport) -> Vec<Panel<'_>> {
    let mut metrics: Vec<Metric> = Vec::new();
    for s in &r.series {
        if !metrics.contains(&s.metric) {
            metrics.push(s.metric);
        }
    }
    metrics
        .into_iter()
        .map(|metric| {
            let mut rows = Vec::new();
            for member in &r.members {
                for transport in [Transport::Plain, Transport::Tls] {
                    let found = r.series.iter().find(|s| {
                        &s.member == member && s.metric == metric && s.transport == transport
                    });
                    if let Some((series, stats)) =
                        found.and_then(|s| BoxStats::of(&s.samples_ms).map(|b| (s, b)))
                    {
                        rows.push(Row {
                            member,
                            transport,
                            series,
                            stats,
                        });
                    }
                }
            }
            let whiskers = rows.iter().map(|r| r.stats.high).fold(0.0, f64::max);
            Panel {
                metric,
                rows,
                axis_ms: (whiskers * 1.08).max(0.001),
            }
        })
        .filter(|p| !p.rows.is_empty())
        .collect()
}

/// The title: one line per member, the sentence the text report starts with.
fn title_lines(r: &BenchReport) -> Vec<String> {
    let several = r.members.len() > 1;
    let mut lines = Vec::new();
    for member in &r.members {
        let line = super::bench_text::sentence(r, member).or_else(|| {
            r.not_measured
                .iter()
                .find(|n| &n.member == member)
                .map(|n| n.message.clone())
        });
        match line {
            Some(line) if several && !line.starts_with(member.as_str()) => {
                lines.push(tr!(
                    "bench-text-member-line",
                    member = member.as_str(),
                    line = line
                ));
            }
            Some(line) => lines.push(line),
            None => {}
        }
    }
    if lines.is_empty() {
        lines.push(tr!("bench-plot-title"));
    }
    lines
}

/// The SVG document. Writing it is the caller's.
pub fn render_svg(r: &BenchReport) -> io::Result<String> {
    let panels = panels(r);
    if panels.is_empty() {
        return Err(io::Error::other(tr!("bench-plot-nothing")));
    }
    let title = title_lines(r);
    let title_height = 22 * u32::try_from(title.len()).unwrap_or(1) + 34;
    let label_width = label_width(r);
    let height = title_height + panels.iter().map(Panel::height).sum::<u32>() + 10;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let (head, mut rest) = root.split_vertically(title_height);
        draw_title(&head, &title)?;
        for panel in &panels {
            let (area, below) = rest.split_vertically(panel.height());
            draw_panel(&area, r, panel, label_width)?;
            rest = below;
        }
        root.present().map_err(drawing)?;
    }
    Ok(svg)
}

/// The row labels' column: wide enough for the longest (member names when there are
/// several), within reason.
fn label_width(r: &BenchReport) -> u32 {
    let longest = if r.members.len() > 1 {
        r.members
            .iter()
            .map(|m| m.chars().count())
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let chars = u32::try_from(longest).unwrap_or(40) + 14;
    (chars * 7 + 16).clamp(130, 360)
}

fn draw_title(area: &DrawingArea<SVGBackend<'_>, Shift>, lines: &[String]) -> io::Result<()> {
    let mut y = 12;
    for line in lines {
        let style = (FONT, 17).into_font().style(FontStyle::Bold).color(&BLACK);
        area.draw(&Text::new(line.clone(), (16, y), style))
            .map_err(drawing)?;
        y += 22;
    }
    let legend = tr!("bench-plot-legend");
    area.draw(&Text::new(
        legend,
        (16, y + 4),
        (FONT, 13).into_font().color(&GREY),
    ))
    .map_err(drawing)
}

/// Milliseconds, or microseconds when the whole axis is below a millisecond: the tick
/// labels then stay short integers.
fn axis_unit(axis_ms: f64) -> (&'static str, f64) {
    if axis_ms < 1.0 {
        ("µs", 1000.0)
    } else {
        ("ms", 1.0)
    }
}

fn draw_panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    r: &BenchReport,
    panel: &Panel<'_>,
    label_width: u32,
) -> io::Result<()> {
    let (unit, scale) = axis_unit(panel.axis_ms);
    let rows = panel.rows.len() as f64;
    let caption = tr!(
        "bench-plot-caption",
        label = metric_label(panel.metric),
        metric = panel.metric.to_string()
    );
    area.draw(&Text::new(
        caption,
        (16, 8),
        (FONT, 15).into_font().style(FontStyle::Bold).color(&BLACK),
    ))
    .map_err(drawing)?;
    let mut chart = ChartBuilder::on(area)
        .margin_top(CAPTION)
        .margin_right(8)
        .x_label_area_size(AXIS)
        .y_label_area_size(label_width)
        .right_y_label_area_size(ANNOTATION)
        .build_cartesian_2d(0.0..panel.axis_ms * scale, 0.0..rows)
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(8)
        .x_label_formatter(&|v| tick(*v))
        .x_label_style((FONT, 12))
        .x_desc(tr!("bench-plot-axis", unit = unit))
        .axis_desc_style((FONT, 13))
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()
        .map_err(drawing)?;
    let several = r.members.len() > 1;
    let plot = chart.plotting_area().clone();
    let (x_range, _) = plot.get_pixel_range();
    for (i, row) in panel.rows.iter().enumerate() {
        let y = rows - i as f64 - 0.5;
        let color = match row.transport {
            Transport::Plain => PLAIN,
            Transport::Tls => TLS,
        };
        draw_box(&plot, &row.stats, y, scale, panel.axis_ms, color)?;
        let (_, py) = plot.map_coordinate(&(0.0, y));
        // Row label, right-aligned left of the axis.
        let label = row_label(row, several);
        let left = (FONT, 13)
            .into_font()
            .color(&color)
            .pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(
            label,
            (
                x_range.start - 10 - area.get_base_pixel().0,
                py - area.get_base_pixel().1,
            ),
            left,
        ))
        .map_err(drawing)?;
        // Outliers beyond the axis: how many, and the largest.
        let beyond: Vec<f64> = row
            .stats
            .outliers
            .iter()
            .copied()
            .filter(|x| *x > panel.axis_ms)
            .collect();
        if let Some(max) = beyond.iter().copied().reduce(f64::max) {
            let text = tr!(
                "bench-plot-beyond",
                count = beyond.len(),
                max = format_ms(max)
            );
            let style = (FONT, 11)
                .into_font()
                .color(&GREY)
                .pos(Pos::new(HPos::Right, VPos::Bottom));
            let at = (
                x_range.end - 4 - area.get_base_pixel().0,
                py - 10 - area.get_base_pixel().1,
            );
            area.draw(&Text::new(text, at, style)).map_err(drawing)?;
        }
        // The overhead, beside each TLS box.
        if row.transport == Transport::Tls {
            let (text, shade) = overhead_text(r, row.member, panel.metric);
            let style = (FONT, 13)
                .into_font()
                .color(&shade)
                .pos(Pos::new(HPos::Left, VPos::Center));
            let at = (
                x_range.end + 14 - area.get_base_pixel().0,
                py - area.get_base_pixel().1,
            );
            area.draw(&Text::new(text, at, style)).map_err(drawing)?;
        }
    }
    Ok(())
}

/// A tick label: at most three decimals, no trailing zeros (`0.6`, not `0.6000000000000001`).
fn tick(v: f64) -> String {
    let text = format!("{v:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// `TLS  n=50`, with the member in front when there are several.
fn row_label(row: &Row<'_>, several: bool) -> String {
    let transport = match row.transport {
        Transport::Plain => tr!("bench-plot-row-plain", count = row.series.summary.count),
        Transport::Tls => tr!("bench-plot-row-tls", count = row.series.summary.count),
    };
    if several {
        format!("{} {transport}", row.member)
    } else {
        transport
    }
}

/// `TLS adds 1.7 ms (1.6–1.8 ms)`, grey when the interval includes 0; or why there is no
/// comparison.
fn overhead_text(r: &BenchReport, member: &str, metric: Metric) -> (String, RGBColor) {
    let found: Option<&ComparisonReport> = r
        .comparisons
        .iter()
        .find(|c| c.member == member && c.metric == metric);
    match found {
        Some(c) => {
            let o = &c.overhead_ms;
            let text = tr!(
                "bench-plot-adds",
                adds = format_ms(o.median),
                ci = format_range(o.median, o.ci95_low, o.ci95_high)
            );
            let shade = if o.ci95_low <= 0.0 && 0.0 <= o.ci95_high {
                GREY
            } else {
                BLACK
            };
            (text, shade)
        }
        None => (tr!("bench-plot-no-comparison"), GREY),
    }
}

/// One box plot at height `y`: whiskers with caps, the box from Q1 to Q3 (filled lightly),
/// the median as a thick line, outliers inside the axis as hollow dots.
fn draw_box<DB: DrawingBackend>(
    plot: &DrawingArea<
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    b: &BoxStats,
    y: f64,
    scale: f64,
    axis_ms: f64,
    color: RGBColor,
) -> io::Result<()> {
    let x = |ms: f64| ms.min(axis_ms) * scale;
    let (half_box, half_cap) = (0.26, 0.14);
    let line = color.stroke_width(2);
    let whisker = color.stroke_width(1);
    plot.draw(&PathElement::new(
        vec![(x(b.low), y), (x(b.q1), y)],
        whisker,
    ))
    .map_err(drawing)?;
    plot.draw(&PathElement::new(
        vec![(x(b.q3), y), (x(b.high), y)],
        whisker,
    ))
    .map_err(drawing)?;
    for end in [b.low, b.high] {
        plot.draw(&PathElement::new(
            vec![(x(end), y - half_cap), (x(end), y + half_cap)],
            whisker,
        ))
        .map_err(drawing)?;
    }
    plot.draw(&Rectangle::new(
        [(x(b.q1), y - half_box), (x(b.q3), y + half_box)],
        color.mix(0.18).filled(),
    ))
    .map_err(drawing)?;
    plot.draw(&Rectangle::new(
        [(x(b.q1), y - half_box), (x(b.q3), y + half_box)],
        whisker,
    ))
    .map_err(drawing)?;
    plot.draw(&PathElement::new(
        vec![(x(b.median), y - half_box), (x(b.median), y + half_box)],
        line,
    ))
    .map_err(drawing)?;
    for &o in b.outliers.iter().filter(|o| **o <= axis_ms) {
        plot.draw(&Circle::new((o * scale, y), 2, whisker))
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
            _ => Err(io::Error::other(tr!("bench-plot-bench-only"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PlotFormat;
    use std::path::Path;

    #[test]
    fn ticks_are_short() {
        assert_eq!(super::tick(0.6000000000000001), "0.6");
        assert_eq!(super::tick(250.0), "250");
        assert_eq!(super::tick(0.0), "0");
        assert_eq!(super::tick(1.25), "1.25");
    }

    #[test]
    fn box_plots_are_tukeys_from_the_samples() {
        let mut samples: Vec<f64> = (1..=20).map(f64::from).collect();
        samples.push(100.0);
        let b = super::BoxStats::of(&samples).unwrap();
        assert_eq!((b.q1, b.median, b.q3), (6.0, 11.0, 16.0));
        // Whiskers end at samples, not at the fences (q1 - 15 = -9, q3 + 15 = 31).
        assert_eq!((b.low, b.high), (1.0, 20.0));
        assert_eq!(b.outliers, vec![100.0]);
        assert!(super::BoxStats::of(&[]).is_none());
    }

    #[test]
    fn the_axis_ends_past_the_whiskers_and_the_outlier_is_counted_beyond_it() {
        let mut r = crate::report::fixtures::bench_report(Vec::new());
        r.members = vec!["a:1".into()];
        let mut samples: Vec<f64> = (0..40).map(|i| 1.0 + f64::from(i % 5) * 0.01).collect();
        samples.push(50.0);
        r.series.push(crate::report::bench::SeriesReport {
            member: "a:1".into(),
            metric: crate::bench::Metric::Ping,
            transport: crate::bench::Transport::Tls,
            summary: (&crate::bench::stats::summarize(&samples).unwrap()).into(),
            samples_ms: samples,
            resumed: None,
        });
        let panels = super::panels(&r);
        assert!(panels[0].axis_ms < 1.2, "axis {} ms", panels[0].axis_ms);
        let svg = super::render_svg(&r).unwrap();
        assert!(svg.contains("1 outlier beyond the axis: 50 ms"), "{svg}");
        assert!(svg.contains("TLS (n=41)"), "{svg}");
        assert!(!svg.contains("&quot;"), "no quoted labels");
    }

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
