//! Pure statistics for `mongotls bench`: percentiles, outliers, the TLS overhead with a
//! bootstrap confidence interval, warnings that come with advice, and a bounded sample store.
//!
//! Every duration is an `f64` in milliseconds. Nothing here reads a clock, prints, or draws
//! entropy: randomness comes from [`SplitMix64`] seeded by the caller, so a run can be
//! reproduced exactly from its seed.
//!
//! # Non-finite samples
//!
//! The measurement loop never produces NaN or infinite durations (they come from an
//! `Instant` difference). Should one arrive anyway, every function here drops it instead of
//! letting it poison a sort or a mean: [`summarize`] reports how many it dropped in
//! [`Summary::non_finite`], [`SampleStore`] in [`SampleStore::non_finite`]. [`percentile`] is
//! the exception: it takes an already sorted, finite slice.

use crate::duration::format_ms;
use crate::tr;

/// Modified z-score above which a sample is an outlier (Iglewicz and Hoaglin, 1993).
///
/// hyperfine uses the same modified z-score but a much wider threshold (`|x - median| / MAD >
/// 1.4826 × 10`, about 22 on this scale) because it only warns when there is *any* outlier;
/// mongotls counts outliers and warns when there are many, so it uses the textbook value.
pub const OUTLIER_Z: f64 = 3.5;

/// Converts `|x - median| / MAD` to the modified z-score: the 0.75 quantile of the standard
/// normal distribution, so that the score is in standard deviations for normal data.
const MAD_Z_FACTOR: f64 = 0.6745;

/// Below this many samples in a series, [`series_warnings`] warns.
pub const MIN_SAMPLES: usize = 10;

/// Above this fraction of outliers in a series, [`series_warnings`] warns.
pub const MAX_OUTLIER_FRACTION: f64 = 0.10;

/// Above this coefficient of variation (sample standard deviation / mean), [`series_warnings`]
/// warns.
pub const MAX_VARIATION: f64 = 0.5;

/// The first sample counts as a cold start when it is an outlier *and* at least this many
/// times the median: with very tight timings a first sample 10 % slower is already an
/// outlier, but it is not "much slower".
pub const COLD_START_RATIO: f64 = 1.5;

/// A sensible number of bootstrap resamples for [`compare`]: the 2.5th and 97.5th
/// percentiles then rest on 50 resamples each.
pub const DEFAULT_RESAMPLES: usize = 2000;

/// A sensible cap for [`SampleStore`]: 800 KB of samples per series.
pub const DEFAULT_STORE_CAP: usize = 100_000;

/// SplitMix64 (Steele, Lea and Flood, 2014; Vigna's public-domain reference): a tiny,
/// fast generator with a 64-bit state, good enough for resampling and far from
/// cryptographic. The same seed always gives the same sequence.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform `f64` in `[0, 1)`, from the top 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform index in `[0, n)` (Lemire's multiply-shift; the bias is below `n / 2^64`).
    /// Returns 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// Summary of one series (one metric, one transport).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Finite samples summarised.
    pub count: usize,
    /// Smallest sample.
    pub min_ms: f64,
    /// Median ([`percentile`] 50).
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Largest sample.
    pub max_ms: f64,
    /// Arithmetic mean.
    pub mean_ms: f64,
    /// Sample standard deviation (divides by `n - 1`); 0 for a single sample.
    pub stddev_ms: f64,
    /// Median absolute deviation from the median, unscaled (multiply by 1.4826 to estimate a
    /// normal standard deviation).
    pub mad_ms: f64,
    /// Samples whose modified z-score exceeds [`OUTLIER_Z`] (see [`outlier_count`]).
    pub outliers: usize,
    /// NaN or infinite inputs that were dropped (always 0 from the measurement loop).
    pub non_finite: usize,
}

/// The finite samples, in their original order, and how many were dropped.
fn finite(samples: &[f64]) -> (Vec<f64>, usize) {
    let kept: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    let dropped = samples.len() - kept.len();
    (kept, dropped)
}

/// The finite samples, sorted ascending, and how many were dropped.
fn sorted_finite(samples: &[f64]) -> (Vec<f64>, usize) {
    let (mut kept, dropped) = finite(samples);
    kept.sort_unstable_by(f64::total_cmp);
    (kept, dropped)
}

/// The `p`-th percentile (`p` in 0..=100) of an ascending, finite slice, or `None` if the
/// slice is empty or `p` is outside 0..=100 (or NaN).
///
/// Definition: linear interpolation between the closest ranks, the same as numpy's default
/// (`method='linear'`, R's type 7). With `n` samples `x[0] <= … <= x[n-1]`, let
/// `h = (n - 1) · p / 100`; the result is `x[⌊h⌋] + (h - ⌊h⌋) · (x[⌊h⌋ + 1] - x[⌊h⌋])`.
/// So `[1, 2, …, 10]` has p50 = 5.5, p90 = 9.1 and p99 = 9.91.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    if !(0.0..=100.0).contains(&p) {
        return None;
    }
    let h = last as f64 * p / 100.0;
    let lo = (h.floor() as usize).min(last);
    let hi = (lo + 1).min(last);
    let (a, b) = (*sorted.get(lo)?, *sorted.get(hi)?);
    Some(a + (h - lo as f64) * (b - a))
}

/// Median and median absolute deviation of an ascending, finite, non-empty slice.
fn median_and_mad(sorted: &[f64]) -> Option<(f64, f64)> {
    let median = percentile(sorted, 50.0)?;
    let mut deviations: Vec<f64> = sorted.iter().map(|x| (x - median).abs()).collect();
    deviations.sort_unstable_by(f64::total_cmp);
    let mad = percentile(&deviations, 50.0)?;
    Some((median, mad))
}

/// Whether `x` is an outlier given the series' median and MAD. When more than half the
/// samples are equal the MAD is 0, and every sample that differs from the median is an
/// outlier (hyperfine does the same by dividing by `f64::EPSILON`).
fn is_outlier(x: f64, median: f64, mad: f64) -> bool {
    let deviation = (x - median).abs();
    if mad > 0.0 {
        MAD_Z_FACTOR * deviation / mad > OUTLIER_Z
    } else {
        deviation > 0.0
    }
}

fn count_outliers(samples: &[f64], median: f64, mad: f64) -> usize {
    samples
        .iter()
        .filter(|&&x| is_outlier(x, median, mad))
        .count()
}

/// Summarises a series; `None` if it has no finite sample.
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    let (sorted, non_finite) = sorted_finite(samples);
    let (min_ms, max_ms) = (*sorted.first()?, *sorted.last()?);
    let (median, mad) = median_and_mad(&sorted)?;
    let n = sorted.len();
    let mean = sorted.iter().sum::<f64>() / n as f64;
    let stddev = if n > 1 {
        let squares: f64 = sorted.iter().map(|x| (x - mean) * (x - mean)).sum();
        (squares / (n - 1) as f64).sqrt()
    } else {
        0.0
    };
    Some(Summary {
        count: n,
        min_ms,
        p50_ms: median,
        p90_ms: percentile(&sorted, 90.0)?,
        p99_ms: percentile(&sorted, 99.0)?,
        max_ms,
        mean_ms: mean,
        stddev_ms: stddev,
        mad_ms: mad,
        outliers: count_outliers(&sorted, median, mad),
        non_finite,
    })
}

/// How many samples are outliers: their modified z-score `0.6745 · |x - median| / MAD`
/// exceeds [`OUTLIER_Z`] (Iglewicz and Hoaglin), the MAD-based score hyperfine uses. 0 for an
/// empty series; non-finite samples are dropped first.
pub fn outlier_count(samples: &[f64]) -> usize {
    let (sorted, _) = sorted_finite(samples);
    match median_and_mad(&sorted) {
        Some((median, mad)) => count_outliers(&sorted, median, mad),
        None => 0,
    }
}

/// The TLS overhead in milliseconds: the difference of medians (TLS − plain) and its
/// percentile-bootstrap 95 % confidence interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Overhead {
    /// `median(tls) - median(plain)`, from the samples themselves (not from the resamples).
    pub median: f64,
    /// 2.5th percentile of the bootstrap distribution of the difference.
    pub ci95_low: f64,
    /// 97.5th percentile of the bootstrap distribution of the difference.
    pub ci95_high: f64,
}

/// TLS compared with plain TCP for one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What TLS adds, in milliseconds.
    pub overhead_ms: Overhead,
    /// `median(tls) / median(plain)`.
    pub ratio: f64,
    /// 2.5th percentile of the bootstrap distribution of the ratio.
    pub ratio_ci95_low: f64,
    /// 97.5th percentile of the bootstrap distribution of the ratio.
    pub ratio_ci95_high: f64,
    /// `100 · (ratio - 1)`: how many percent slower TLS is.
    pub relative_percent: f64,
    /// Bootstrap resamples drawn.
    pub resamples: usize,
}

/// Draws bootstrap medians of one sorted series without sorting each resample: it counts how
/// often each sample was drawn, then walks the counts to the middle rank. One resample costs
/// `O(n)` time and no allocation.
struct MedianResampler<'a> {
    sorted: &'a [f64],
    counts: Vec<u32>,
}

impl<'a> MedianResampler<'a> {
    fn new(sorted: &'a [f64]) -> Self {
        Self {
            sorted,
            counts: vec![0; sorted.len()],
        }
    }

    /// The median of `n` draws with replacement (same definition as [`percentile`] 50).
    fn draw(&mut self, rng: &mut SplitMix64) -> f64 {
        let n = self.sorted.len();
        self.counts.fill(0);
        for _ in 0..n {
            if let Some(c) = self.counts.get_mut(rng.below(n)) {
                *c += 1;
            }
        }
        // 0-based ranks of the two middle order statistics (equal when n is odd).
        let (lo_rank, hi_rank) = (n.saturating_sub(1) / 2, n / 2);
        let mut seen = 0usize;
        let mut lo = None;
        for (&count, &x) in self.counts.iter().zip(self.sorted) {
            seen += count as usize;
            if lo.is_none() && seen > lo_rank {
                lo = Some(x);
            }
            if seen > hi_rank {
                return (lo.unwrap_or(x) + x) / 2.0;
            }
        }
        // Unreachable: the counts add up to n > hi_rank.
        self.sorted.last().copied().unwrap_or(f64::NAN)
    }
}

/// Compares TLS with plain TCP: the difference and the ratio of medians, each with a
/// percentile-bootstrap 95 % confidence interval.
///
/// Each of `resamples` rounds draws `plain.len()` samples from `plain` and `tls.len()` from
/// `tls`, independently and with replacement, and records `median(tls*) - median(plain*)`
/// and `median(tls*) / median(plain*)`; the interval runs from the 2.5th to the 97.5th
/// percentile of those records. The whole computation is fixed by `seed`. Cost:
/// `O(resamples · (plain.len() + tls.len()))`.
///
/// `None` if either side has no finite sample, `resamples` is 0, or the plain median is not
/// positive (the ratio would be meaningless). Non-finite samples are dropped.
pub fn compare(plain: &[f64], tls: &[f64], resamples: usize, seed: u64) -> Option<Comparison> {
    if resamples == 0 {
        return None;
    }
    let (plain, _) = sorted_finite(plain);
    let (tls, _) = sorted_finite(tls);
    let plain_median = percentile(&plain, 50.0)?;
    let tls_median = percentile(&tls, 50.0)?;
    if plain_median <= 0.0 {
        return None;
    }
    let ratio = tls_median / plain_median;

    let mut rng = SplitMix64::new(seed);
    let mut plain_draws = MedianResampler::new(&plain);
    let mut tls_draws = MedianResampler::new(&tls);
    let mut differences = Vec::with_capacity(resamples);
    let mut ratios = Vec::with_capacity(resamples);
    for _ in 0..resamples {
        let p = plain_draws.draw(&mut rng);
        let t = tls_draws.draw(&mut rng);
        differences.push(t - p);
        // A resampled plain median of 0 is possible when many samples are 0; skip its ratio.
        let r = t / p;
        if r.is_finite() {
            ratios.push(r);
        }
    }
    differences.sort_unstable_by(f64::total_cmp);
    ratios.sort_unstable_by(f64::total_cmp);

    Some(Comparison {
        overhead_ms: Overhead {
            median: tls_median - plain_median,
            ci95_low: percentile(&differences, 2.5)?,
            ci95_high: percentile(&differences, 97.5)?,
        },
        ratio,
        ratio_ci95_low: percentile(&ratios, 2.5).unwrap_or(ratio),
        ratio_ci95_high: percentile(&ratios, 97.5).unwrap_or(ratio),
        relative_percent: 100.0 * (ratio - 1.0),
        resamples,
    })
}

/// What a statistical warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningCode {
    /// Fewer than [`MIN_SAMPLES`] samples.
    TooFewSamples,
    /// The first sample was an outlier far above the median.
    ColdStart,
    /// More than [`MAX_OUTLIER_FRACTION`] of the samples are outliers.
    Outliers,
    /// The standard deviation is above [`MAX_VARIATION`] times the mean.
    HighVariance,
    /// The overhead's confidence interval includes zero.
    CiIncludesZero,
}

impl WarningCode {
    /// The stable identifier (`bench.too_few_samples`, …): scripts match on it.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::TooFewSamples => "bench.too_few_samples",
            WarningCode::ColdStart => "bench.cold_start",
            WarningCode::Outliers => "bench.outliers",
            WarningCode::HighVariance => "bench.high_variance",
            WarningCode::CiIncludesZero => "bench.ci_includes_zero",
        }
    }
}

/// A statistical warning about a series or a comparison, with advice on what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct StatWarning {
    /// What it is about.
    pub code: WarningCode,
    /// What was observed, starting with the series label.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// Warnings about one series, in this order: too few samples (fewer than [`MIN_SAMPLES`]),
/// a cold start (the first sample is an outlier and at least [`COLD_START_RATIO`] times the
/// median), many outliers (more than [`MAX_OUTLIER_FRACTION`] of the samples, not counting
/// a cold first sample, which has its own warning), and high variance (standard deviation
/// above [`MAX_VARIATION`] times the mean).
///
/// `samples` must be in the order they were measured, for the cold-start check. `label`
/// names the series in the messages, e.g. `"handshake over TLS"`.
pub fn series_warnings(label: &str, samples: &[f64]) -> Vec<StatWarning> {
    let mut warnings = Vec::new();
    let (ordered, _) = finite(samples);
    let n = ordered.len();
    if n < MIN_SAMPLES {
        warnings.push(StatWarning {
            code: WarningCode::TooFewSamples,
            message: tr!("bench-warn-too-few", label = label, count = n),
            hint: tr!("bench-warn-too-few-hint", min = MIN_SAMPLES),
        });
    }
    let Some(summary) = summarize(&ordered) else {
        return warnings;
    };
    let (median, mad) = (summary.p50_ms, summary.mad_ms);

    let mut outliers = summary.outliers;
    if let Some(&first) = ordered.first() {
        if n > 1 && is_outlier(first, median, mad) && first >= COLD_START_RATIO * median {
            outliers -= 1;
            warnings.push(StatWarning {
                code: WarningCode::ColdStart,
                message: tr!(
                    "bench-warn-cold-start",
                    label = label,
                    first = format_ms(first),
                    median = format_ms(median)
                ),
                hint: tr!("bench-warn-cold-start-hint"),
            });
        }
    }

    if outliers as f64 > MAX_OUTLIER_FRACTION * n as f64 {
        warnings.push(StatWarning {
            code: WarningCode::Outliers,
            message: tr!(
                "bench-warn-outliers",
                label = label,
                count = outliers,
                samples = n,
                percent = format!("{:.1}", 100.0 * outliers as f64 / n as f64)
            ),
            hint: tr!("bench-warn-outliers-hint"),
        });
    }

    if summary.mean_ms > 0.0 && summary.stddev_ms > MAX_VARIATION * summary.mean_ms {
        warnings.push(StatWarning {
            code: WarningCode::HighVariance,
            message: tr!(
                "bench-warn-variance",
                label = label,
                stddev = format_ms(summary.stddev_ms),
                percent = format!("{:.0}", 100.0 * summary.stddev_ms / summary.mean_ms),
                mean = format_ms(summary.mean_ms)
            ),
            hint: tr!("bench-warn-variance-hint"),
        });
    }
    warnings
}

/// Warnings about a comparison: the 95 % interval of the overhead includes 0, so the
/// samples do not show that TLS adds (or saves) anything. `label` names the metric.
pub fn comparison_warnings(label: &str, c: &Comparison) -> Vec<StatWarning> {
    let mut warnings = Vec::new();
    let o = &c.overhead_ms;
    if o.ci95_low <= 0.0 && 0.0 <= o.ci95_high {
        warnings.push(StatWarning {
            code: WarningCode::CiIncludesZero,
            message: tr!(
                "bench-warn-ci-zero",
                label = label,
                low = format_ms(o.ci95_low),
                high = format_ms(o.ci95_high)
            ),
            hint: tr!("bench-warn-ci-zero-hint"),
        });
    }
    warnings
}

/// Exact running statistics of every finite sample a [`SampleStore`] has seen.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    /// Finite samples seen.
    pub count: usize,
    /// Smallest sample (0 when `count` is 0).
    pub min_ms: f64,
    /// Largest sample (0 when `count` is 0).
    pub max_ms: f64,
    /// Mean (0 when `count` is 0).
    pub mean_ms: f64,
    /// Sample standard deviation (divides by `n - 1`; 0 when `count` is below 2).
    pub stddev_ms: f64,
}

/// Samples of one series in bounded memory.
///
/// Up to `cap` samples it keeps every one, in order, and [`SampleStore::is_exact`] is true.
/// Past the cap it keeps a uniform random subset of `cap` samples (reservoir sampling,
/// Vitter's Algorithm R, driven by a [`SplitMix64`] with the given seed, so it is
/// reproducible), and from then on **percentiles, the MAD and outlier counts come from that
/// reservoir**, while the count, min, max, mean and standard deviation in
/// [`SampleStore::running`] stay exact (Welford's online algorithm). Once the cap has been
/// passed, the order of [`SampleStore::samples`] is no longer the measurement order.
#[derive(Debug, Clone)]
pub struct SampleStore {
    cap: usize,
    kept: Vec<f64>,
    rng: SplitMix64,
    count: usize,
    non_finite: usize,
    min: f64,
    max: f64,
    mean: f64,
    /// Sum of squared deviations from the running mean (Welford's `M2`).
    m2: f64,
}

impl SampleStore {
    /// A store keeping at most `cap` samples (a `cap` of 0 is raised to 1).
    pub fn new(cap: usize, seed: u64) -> Self {
        Self {
            cap: cap.max(1),
            kept: Vec::new(),
            rng: SplitMix64::new(seed),
            count: 0,
            non_finite: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            mean: 0.0,
            m2: 0.0,
        }
    }

    /// Records one sample. NaN and infinities are counted in [`SampleStore::non_finite`] and
    /// otherwise ignored.
    pub fn push(&mut self, ms: f64) {
        if !ms.is_finite() {
            self.non_finite += 1;
            return;
        }
        self.count += 1;
        let delta = ms - self.mean;
        self.mean += delta / self.count as f64;
        self.m2 += delta * (ms - self.mean);
        self.min = self.min.min(ms);
        self.max = self.max.max(ms);

        if self.kept.len() < self.cap {
            self.kept.push(ms);
        } else if let Some(slot) = self.kept.get_mut(self.rng.below(self.count)) {
            // Keeps the new sample with probability cap / count, in a uniform slot.
            *slot = ms;
        }
    }

    /// Finite samples seen in total (kept or not).
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether no finite sample has been seen.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Non-finite samples ignored.
    pub fn non_finite(&self) -> usize {
        self.non_finite
    }

    /// The most samples kept.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// The samples kept: all of them, in order, while [`SampleStore::is_exact`]; a uniform
    /// random subset of `cap` after that.
    pub fn samples(&self) -> &[f64] {
        &self.kept
    }

    /// Whether every sample seen is kept, so percentiles are exact.
    pub fn is_exact(&self) -> bool {
        self.count <= self.cap
    }

    /// Exact count, min, max, mean and standard deviation of every sample seen.
    pub fn running(&self) -> Running {
        if self.count == 0 {
            return Running {
                count: 0,
                min_ms: 0.0,
                max_ms: 0.0,
                mean_ms: 0.0,
                stddev_ms: 0.0,
            };
        }
        Running {
            count: self.count,
            min_ms: self.min,
            max_ms: self.max,
            mean_ms: self.mean,
            stddev_ms: if self.count > 1 {
                (self.m2 / (self.count - 1) as f64).sqrt()
            } else {
                0.0
            },
        }
    }

    /// The summary of everything seen: count, min, max, mean and standard deviation exact
    /// (from [`SampleStore::running`]); percentiles, MAD and outliers from the kept samples
    /// (exact until the cap is passed, then estimates; outliers are counted among the kept
    /// samples). `None` before the first finite sample.
    pub fn summary(&self) -> Option<Summary> {
        let mut summary = summarize(&self.kept)?;
        let running = self.running();
        summary.count = running.count;
        summary.min_ms = running.min_ms;
        summary.max_ms = running.max_ms;
        summary.mean_ms = running.mean_ms;
        summary.stddev_ms = running.stddev_ms;
        summary.non_finite = self.non_finite;
        Some(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// `1.0 + u` with `u` uniform in `[0, 0.1)`, from a fixed seed.
    fn noisy_ones(n: usize, seed: u64) -> Vec<f64> {
        let mut rng = SplitMix64::new(seed);
        (0..n).map(|_| 1.0 + 0.1 * rng.next_f64()).collect()
    }

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Vigna's splitmix64.c, seed 1234567.
        let mut rng = SplitMix64::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn splitmix64_ranges() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..10_000 {
            let x = rng.next_f64();
            assert!((0.0..1.0).contains(&x));
            assert!(rng.below(3) < 3);
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.below(1), 0);
    }

    #[test]
    fn percentiles_match_numpy_linear() {
        // numpy.percentile([1..10], [0, 25, 50, 90, 99, 100]) = 1, 3.25, 5.5, 9.1, 9.91, 10
        // (numpy's default 'linear' method, worked by hand: p99 → h = 9 · 0.99 = 8.91).
        let xs: Vec<f64> = (1..=10).map(f64::from).collect();
        let expect = [
            (0.0, 1.0),
            (25.0, 3.25),
            (50.0, 5.5),
            (90.0, 9.1),
            (99.0, 9.91),
            (100.0, 10.0),
        ];
        for (p, want) in expect {
            let got = percentile(&xs, p).unwrap();
            assert!(close(got, want), "p{p}: {got} != {want}");
        }
        // numpy.percentile([1, 3, 7], [50, 75]) = 3, 5
        assert!(close(percentile(&[1.0, 3.0, 7.0], 50.0).unwrap(), 3.0));
        assert!(close(percentile(&[1.0, 3.0, 7.0], 75.0).unwrap(), 5.0));
    }

    #[test]
    fn percentile_edges() {
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(percentile(&[4.0], 0.0), Some(4.0));
        assert_eq!(percentile(&[4.0], 99.0), Some(4.0));
        assert_eq!(percentile(&[4.0], 100.0), Some(4.0));
        assert_eq!(percentile(&[1.0, 2.0], -1.0), None);
        assert_eq!(percentile(&[1.0, 2.0], 100.5), None);
        assert_eq!(percentile(&[1.0, 2.0], f64::NAN), None);
    }

    #[test]
    fn summary_of_a_known_vector() {
        // numpy's definitions, worked by hand: mean 5, std(ddof=1) = √(32/7) =
        // 2.138089935299395, median 4.5, percentile 90 = 7.6 (h = 6.3), percentile 99 = 8.86
        // (h = 6.93); the deviations from 4.5 have median 0.5.
        let s = summarize(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
        assert_eq!(s.count, 8);
        assert!(close(s.min_ms, 2.0));
        assert!(close(s.max_ms, 9.0));
        assert!(close(s.mean_ms, 5.0));
        assert!(close(s.stddev_ms, 2.138_089_935_299_395));
        assert!(close(s.p50_ms, 4.5));
        assert!(close(s.p90_ms, 7.6));
        assert!(close(s.p99_ms, 8.86));
        assert!(close(s.mad_ms, 0.5));
        // 9 is 4.5 from the median: 0.6745 · 4.5 / 0.5 = 6.07 > 3.5; 2 and 7 score 3.37.
        assert_eq!(s.outliers, 1);
        assert_eq!(s.non_finite, 0);
    }

    #[test]
    fn summary_degenerate_inputs() {
        assert_eq!(summarize(&[]), None);
        assert_eq!(summarize(&[f64::NAN, f64::INFINITY]), None);

        let one = summarize(&[3.0]).unwrap();
        assert_eq!(
            (one.count, one.stddev_ms, one.mad_ms, one.outliers),
            (1, 0.0, 0.0, 0)
        );
        assert_eq!(
            (one.min_ms, one.p50_ms, one.p99_ms, one.max_ms),
            (3.0, 3.0, 3.0, 3.0)
        );

        let equal = summarize(&[2.5; 50]).unwrap();
        assert_eq!(
            (equal.stddev_ms, equal.mad_ms, equal.outliers),
            (0.0, 0.0, 0)
        );
        assert_eq!(equal.p90_ms, 2.5);

        let with_nan = summarize(&[1.0, f64::NAN, 2.0, f64::NEG_INFINITY, 3.0]).unwrap();
        assert_eq!(with_nan.count, 3);
        assert_eq!(with_nan.non_finite, 2);
        assert!(close(with_nan.mean_ms, 2.0));
        assert!(close(with_nan.stddev_ms, 1.0));
    }

    #[test]
    fn one_extreme_value_is_the_only_outlier() {
        let xs = [1.0, 1.1, 0.9, 1.05, 0.95, 1.02, 0.98, 50.0, 1.01, 0.99];
        assert_eq!(outlier_count(&xs), 1);
        // Well-spread data without a stray value has none.
        let spread: Vec<f64> = (0..100).map(|i| 10.0 + f64::from(i) * 0.1).collect();
        assert_eq!(outlier_count(&spread), 0);
        assert_eq!(outlier_count(&[]), 0);
        assert_eq!(outlier_count(&[5.0]), 0);
        assert_eq!(outlier_count(&[5.0, 500.0]), 0);
        assert_eq!(outlier_count(&[f64::NAN, 1.0, 1.0]), 0);
    }

    #[test]
    fn outliers_when_the_mad_is_zero() {
        let mut xs = vec![10.0; 7];
        xs.push(100.0);
        assert_eq!(outlier_count(&xs), 1);
        xs.push(100.0);
        assert_eq!(outlier_count(&xs), 2);
    }

    #[test]
    fn bootstrap_recovers_a_known_shift() {
        let plain = noisy_ones(200, 1);
        let tls: Vec<f64> = plain.iter().map(|x| x + 2.0).collect();
        let c = compare(&plain, &tls, DEFAULT_RESAMPLES, 42).unwrap();
        let o = &c.overhead_ms;
        assert!((o.median - 2.0).abs() < 0.05, "{c:?}");
        assert!(o.ci95_low <= 2.0 && 2.0 <= o.ci95_high, "{c:?}");
        assert!(o.ci95_high - o.ci95_low < 0.05, "{c:?}");
        // Median plain ≈ 1.05, so TLS takes ≈ 2.9 times as long.
        assert!((c.ratio - 3.0).abs() < 0.1, "{c:?}");
        assert!(
            c.ratio_ci95_low <= c.ratio && c.ratio <= c.ratio_ci95_high,
            "{c:?}"
        );
        assert!(close(c.relative_percent, 100.0 * (c.ratio - 1.0)));
        assert_eq!(c.resamples, DEFAULT_RESAMPLES);
        assert!(comparison_warnings("handshake", &c).is_empty());
    }

    #[test]
    fn identical_series_include_zero_and_warn() {
        let plain = noisy_ones(100, 3);
        let c = compare(&plain, &plain, 1000, 9).unwrap();
        assert_eq!(c.overhead_ms.median, 0.0);
        assert!(
            c.overhead_ms.ci95_low < 0.0 && 0.0 < c.overhead_ms.ci95_high,
            "{c:?}"
        );
        assert!(c.ratio_ci95_low < 1.0 && 1.0 < c.ratio_ci95_high, "{c:?}");
        let warnings = comparison_warnings("ping", &c);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, WarningCode::CiIncludesZero);
        assert!(warnings[0].message.starts_with("ping: "));
        assert!(warnings[0].message.contains("includes 0"));
    }

    #[test]
    fn bootstrap_is_deterministic() {
        let plain = noisy_ones(50, 5);
        let tls = noisy_ones(60, 6);
        let a = compare(&plain, &tls, 500, 11).unwrap();
        let b = compare(&plain, &tls, 500, 11).unwrap();
        assert_eq!(a, b);
        let other = compare(&plain, &tls, 500, 12).unwrap();
        assert_eq!(a.overhead_ms.median, other.overhead_ms.median);
        assert_ne!(a.overhead_ms.ci95_low, other.overhead_ms.ci95_low);
    }

    #[test]
    fn bootstrap_degenerate_inputs() {
        assert_eq!(compare(&[], &[1.0], 100, 0), None);
        assert_eq!(compare(&[1.0], &[], 100, 0), None);
        assert_eq!(compare(&[1.0], &[2.0], 0, 0), None);
        assert_eq!(compare(&[0.0, 0.0, 1.0], &[2.0], 100, 0), None);
        assert_eq!(compare(&[f64::NAN], &[2.0], 100, 0), None);

        let single = compare(&[1.0], &[3.0], 100, 0).unwrap();
        let o = &single.overhead_ms;
        assert_eq!((o.median, o.ci95_low, o.ci95_high), (2.0, 2.0, 2.0));
        assert_eq!(single.ratio, 3.0);
        assert_eq!(single.relative_percent, 200.0);

        let equal = compare(&[2.0; 20], &[2.0; 30], 100, 0).unwrap();
        assert_eq!(equal.overhead_ms.ci95_low, 0.0);
        assert_eq!(equal.overhead_ms.ci95_high, 0.0);
        assert_eq!(comparison_warnings("x", &equal).len(), 1);

        // Some resampled plain medians are 0: their ratios are skipped, nothing panics.
        let zeros = compare(&[0.0, 1.0, 1.0], &[2.0, 2.0, 2.0], 200, 1).unwrap();
        assert!(zeros.ratio_ci95_high.is_finite());
    }

    #[test]
    fn bootstrap_median_agrees_with_sorting_the_resample() {
        // The counting shortcut must give exactly what drawing the same indices, sorting
        // the resample and taking percentile 50 gives, for odd and even sizes.
        for n in 1..=12u32 {
            let sorted: Vec<f64> = (0..n).map(|i| f64::from(i * i) * 0.5).collect();
            let mut resampler = MedianResampler::new(&sorted);
            let mut rng = SplitMix64::new(u64::from(n));
            for _ in 0..200 {
                let mut replay = rng.clone();
                let mut resample: Vec<f64> = (0..sorted.len())
                    .map(|_| sorted[replay.below(sorted.len())])
                    .collect();
                resample.sort_unstable_by(f64::total_cmp);
                let want = percentile(&resample, 50.0).unwrap();
                let got = resampler.draw(&mut rng);
                assert!(close(got, want), "n={n}: {got} != {want}");
            }
        }
    }

    fn codes(warnings: &[StatWarning]) -> Vec<&'static str> {
        warnings.iter().map(|w| w.code.as_str()).collect()
    }

    #[test]
    fn a_clean_series_has_no_warnings() {
        assert!(series_warnings("tcp connect", &noisy_ones(100, 2)).is_empty());
        assert!(series_warnings("tcp connect", &[1.0; 20]).is_empty());
    }

    #[test]
    fn too_few_samples() {
        let w = series_warnings("handshake", &[1.0, 1.1, 1.2]);
        assert_eq!(codes(&w), ["bench.too_few_samples"]);
        assert_eq!(w[0].message, "handshake: only 3 samples");
        assert!(w[0].hint.contains("--samples"));
        assert!(w[0].hint.contains("--max-time"));
        assert_eq!(codes(&series_warnings("x", &[])), ["bench.too_few_samples"]);
        assert_eq!(series_warnings("x", &[1.0])[0].message, "x: only 1 sample");
        // NaN does not count as a sample.
        let mut nan_padded = noisy_ones(9, 4);
        nan_padded.push(f64::NAN);
        assert_eq!(
            codes(&series_warnings("x", &nan_padded)),
            ["bench.too_few_samples"]
        );
    }

    #[test]
    fn many_outliers() {
        let mut xs = noisy_ones(40, 8);
        for i in [5, 15, 25, 35, 39] {
            xs[i] = 1.5;
        }
        let w = series_warnings("ping", &xs);
        assert_eq!(codes(&w), ["bench.outliers"]);
        assert!(
            w[0].message.contains("5 outliers in 40 samples (12.5 %)"),
            "{w:?}"
        );
        assert!(w[0].hint.contains("--warmup"));
        // 10 % exactly is tolerated.
        xs[39] = 1.05;
        assert!(series_warnings("ping", &xs).is_empty());
    }

    #[test]
    fn high_variance() {
        let xs: Vec<f64> = (0..40)
            .map(|i| if i % 2 == 0 { 1.0 } else { 5.0 })
            .collect();
        let w = series_warnings("hello", &xs);
        assert_eq!(codes(&w), ["bench.high_variance"]);
        assert!(w[0].message.contains("% of the mean"), "{w:?}");
    }

    #[test]
    fn cold_start() {
        let mut xs = noisy_ones(30, 10);
        xs[0] = 2.0;
        let w = series_warnings("handshake", &xs);
        assert_eq!(codes(&w), ["bench.cold_start"]);
        assert!(
            w[0].message
                .starts_with("handshake: the first sample (2.0 ms)"),
            "{w:?}"
        );
        assert!(w[0].hint.contains("--warmup"));
        // A first sample that is an outlier but only slightly slower is not a cold start.
        let mut tight = vec![1.0; 30];
        tight[0] = 1.1;
        assert!(codes(&series_warnings("x", &tight)).is_empty());
        // The same value later is an ordinary outlier (and 1 in 30 is tolerated).
        xs.swap(0, 10);
        assert!(series_warnings("handshake", &xs).is_empty());
    }

    #[test]
    fn store_below_the_cap_is_exact() {
        let mut store = SampleStore::new(10, 1);
        assert!(store.is_empty());
        assert_eq!(store.summary(), None);
        assert_eq!(store.running().count, 0);
        for x in [3.0, 1.0, f64::NAN, 2.0] {
            store.push(x);
        }
        assert_eq!(store.len(), 3);
        assert_eq!(store.non_finite(), 1);
        assert!(store.is_exact());
        assert_eq!(store.samples(), &[3.0, 1.0, 2.0]);
        let r = store.running();
        assert_eq!((r.count, r.min_ms, r.max_ms), (3, 1.0, 3.0));
        assert!(close(r.mean_ms, 2.0) && close(r.stddev_ms, 1.0));
        let s = store.summary().unwrap();
        assert_eq!((s.count, s.p50_ms, s.non_finite), (3, 2.0, 1));

        let mut zero_cap = SampleStore::new(0, 1);
        zero_cap.push(1.0);
        zero_cap.push(2.0);
        assert_eq!((zero_cap.cap(), zero_cap.samples().len()), (1, 1));
        assert!(!zero_cap.is_exact());
    }

    #[test]
    fn store_switches_to_a_reservoir_past_the_cap() {
        let cap = DEFAULT_STORE_CAP;
        let mut store = SampleStore::new(cap, 2024);
        let mut values = SplitMix64::new(99);
        let (mut sum, mut min, mut max) = (0.0, f64::INFINITY, f64::NEG_INFINITY);
        let n = 1_000_000;
        for _ in 0..n {
            let x = values.next_f64();
            sum += x;
            min = f64::min(min, x);
            max = f64::max(max, x);
            store.push(x);
        }
        assert_eq!(store.len(), n);
        assert!(!store.is_exact());
        assert_eq!(store.samples().len(), cap);
        let r = store.running();
        assert_eq!((r.count, r.min_ms, r.max_ms), (n, min, max));
        assert!((r.mean_ms - sum / n as f64).abs() < 1e-12);
        // Uniform on [0, 1): standard deviation 1/√12.
        assert!((r.stddev_ms - (1.0f64 / 12.0).sqrt()).abs() < 0.002);
        let s = store.summary().unwrap();
        assert_eq!((s.count, s.min_ms, s.max_ms), (n, min, max));
        assert!((s.p50_ms - 0.5).abs() < 0.02, "{s:?}");
        assert!((s.p90_ms - 0.9).abs() < 0.02, "{s:?}");
        // Late values are kept too: the reservoir is not just the first `cap`.
        let mut late = SampleStore::new(100, 3);
        for i in 0..10_000 {
            late.push(f64::from(i));
        }
        assert!(late.samples().iter().any(|&x| x >= 5000.0));
        assert!(late.samples().iter().any(|&x| x < 5000.0));
    }

    #[test]
    fn store_is_reproducible() {
        let fill = |seed| {
            let mut store = SampleStore::new(16, seed);
            for i in 0..1000 {
                store.push(f64::from(i));
            }
            store.samples().to_vec()
        };
        assert_eq!(fill(1), fill(1));
        assert_ne!(fill(1), fill(2));
    }
}
