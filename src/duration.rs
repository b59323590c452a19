//! Durations as users write them (`500ms`, `1.5s`, `2m`, `1h30m`) and as mongotls prints them.
//!
//! [`parse_duration`] reads one or more `NUMBER UNIT` parts (`1m30s`); the units are `h`, `m`,
//! `s`, `ms`, `us` (or `µs`) and `ns`, a number may have a decimal point (`1.5s`), and the result
//! is exact to the nanosecond. [`format_duration`] prints the shortest exact form, so
//! `parse_duration(&format_duration(d)) == Ok(d)` for every `d` up to [`MAX_DURATION`].
//!
//! Reports carry measured durations as milliseconds: [`millis`] is the one rounding of a
//! `Duration` for them (to the microsecond), [`as_ms`] the exact value statistics work on, and
//! [`format_ms`] the short form sentences use (`1.9 ms`, `18 µs`).

use std::time::Duration;

/// The longest duration [`parse_duration`] accepts: 24 hours. Anything longer is almost
/// certainly a typo (`3000m` for `3000ms`), and no timeout or interval in mongotls needs it.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);

const NANOS_PER_US: u128 = 1_000;
const NANOS_PER_MS: u128 = 1_000_000;
const NANOS_PER_S: u128 = 1_000_000_000;
const NANOS_PER_M: u128 = 60 * NANOS_PER_S;
const NANOS_PER_H: u128 = 60 * NANOS_PER_M;

/// Units [`parse_duration`] accepts, with their length in nanoseconds.
const UNITS: [(&str, u128); 7] = [
    ("h", NANOS_PER_H),
    ("m", NANOS_PER_M),
    ("s", NANOS_PER_S),
    ("ms", NANOS_PER_MS),
    ("us", NANOS_PER_US),
    ("µs", NANOS_PER_US),
    ("ns", 1),
];

/// Longest integer part read (after leading zeros): more digits than this is over 24h in any
/// unit, and keeps the arithmetic far from `u128` overflow.
const MAX_INTEGER_DIGITS: usize = 20;
/// Longest fractional part read (after trailing zeros): more is finer than a nanosecond in
/// every unit.
const MAX_FRACTION_DIGITS: usize = 18;

/// Why a duration the user wrote cannot be used. Every message names the text and the fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DurationError {
    /// Nothing was written.
    #[error("empty duration: write a number and a unit, e.g. 500ms, 3s or 2m")]
    Empty,
    /// A number without a unit (`10`).
    #[error("'{text}' has no unit: write {text}s or {text}ms")]
    NoUnit {
        /// The text as written (trimmed).
        text: String,
    },
    /// A minus sign (`-1s`).
    #[error("'{text}' is negative: write a duration of zero or more, e.g. 500ms")]
    Negative {
        /// The text as written (trimmed).
        text: String,
    },
    /// A unit that is not `h`, `m`, `s`, `ms`, `us`/`µs` or `ns`.
    #[error("unknown unit '{unit}' in '{text}': use h, m, s, ms, us or ns (e.g. 3s, 500ms, 2m)")]
    UnknownUnit {
        /// The text as written (trimmed).
        text: String,
        /// The unit as written.
        unit: String,
    },
    /// Not a number followed by a unit.
    #[error(
        "'{text}' is not a duration: write a number (with '.' as the decimal point) and a unit, \
         e.g. 500ms, 1.5s or 1m30s"
    )]
    Invalid {
        /// The text as written (trimmed).
        text: String,
    },
    /// More precision than a nanosecond (`0.5ns`).
    #[error("'{text}' is finer than a nanosecond: use fewer decimal places or a smaller unit")]
    TooPrecise {
        /// The text as written (trimmed).
        text: String,
    },
    /// Longer than [`MAX_DURATION`] (this includes numbers too large to compute with).
    #[error("'{text}' is longer than 24h: durations are limited to 24h (did you mean ms?)")]
    TooLong {
        /// The text as written (trimmed).
        text: String,
    },
}

/// Parses a duration the user wrote: `500ms`, `3s`, `2m`, `1.5s`, `250us`, `1h`, `1m30s`.
///
/// Surrounding white space is ignored, as is space between a number and its unit (`3 s`) and
/// between parts (`1m 30s`). Units are matched case-insensitively. Zero (`0s`) is returned as
/// is: callers check their own ranges.
///
/// # Errors
///
/// [`DurationError`] for empty text, a bare number (`10`), a negative value, an unknown unit,
/// a malformed number, sub-nanosecond precision, or more than [`MAX_DURATION`].
pub fn parse_duration(text: &str) -> Result<Duration, DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    let owned = || text.to_owned();
    if text.starts_with('-') {
        return Err(DurationError::Negative { text: owned() });
    }
    if text.contains(',') {
        return Err(DurationError::Invalid { text: owned() });
    }

    let is_number_char = |c: char| c.is_ascii_digit() || c == '.';
    let mut rest = text;
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !is_number_char(c))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_len);
        if number.is_empty() {
            return Err(DurationError::Invalid { text: owned() });
        }
        let after = after.trim_start();
        let unit_len = after
            .find(|c: char| is_number_char(c) || c.is_whitespace())
            .unwrap_or(after.len());
        let (unit, next) = after.split_at(unit_len);
        if unit.is_empty() {
            return Err(if next.is_empty() {
                DurationError::NoUnit { text: owned() }
            } else {
                DurationError::Invalid { text: owned() }
            });
        }
        let lower = unit.to_lowercase();
        let Some(&(_, scale)) = UNITS.iter().find(|(name, _)| *name == lower) else {
            return Err(DurationError::UnknownUnit {
                text: owned(),
                unit: unit.to_owned(),
            });
        };
        total = total.saturating_add(scaled(number, scale, text)?);
        if total > MAX_DURATION.as_nanos() {
            return Err(DurationError::TooLong { text: owned() });
        }
        rest = next.trim_start();
    }
    u64::try_from(total)
        .map(Duration::from_nanos)
        .map_err(|_| DurationError::TooLong { text: owned() })
}

/// `number` (digits with at most one `.`) times `scale` nanoseconds, exactly.
fn scaled(number: &str, scale: u128, text: &str) -> Result<u128, DurationError> {
    let invalid = || DurationError::Invalid {
        text: text.to_owned(),
    };
    let (integer, fraction) = number.split_once('.').unwrap_or((number, ""));
    if fraction.contains('.') || (integer.is_empty() && fraction.is_empty()) {
        return Err(invalid());
    }
    let integer = integer.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    if integer.len() > MAX_INTEGER_DIGITS {
        return Err(DurationError::TooLong {
            text: text.to_owned(),
        });
    }
    if fraction.len() > MAX_FRACTION_DIGITS {
        return Err(DurationError::TooPrecise {
            text: text.to_owned(),
        });
    }
    let digits = |s: &str| -> Result<u128, DurationError> {
        if s.is_empty() {
            Ok(0)
        } else {
            s.parse::<u128>().map_err(|_| invalid())
        }
    };
    let whole = digits(integer)?.saturating_mul(scale);
    let numerator = digits(fraction)?.saturating_mul(scale);
    let exponent = u32::try_from(fraction.len()).map_err(|_| invalid())?;
    let denominator = 10u128.pow(exponent);
    if numerator % denominator != 0 {
        return Err(DurationError::TooPrecise {
            text: text.to_owned(),
        });
    }
    Ok(whole.saturating_add(numerator / denominator))
}

/// Prints a duration the way a user would write it, exactly.
///
/// Below a minute: one number with the largest unit that keeps it at least 1 (`250ns`,
/// `250us`, `1.5ms`, `250ms`, `1.5s`). From a minute on: hours and minutes, then the part
/// below a minute by the same rule, leaving out zero parts (`2m`, `1m30s`, `1m500ms`, `1h`,
/// `1h30m`). Zero is `0s`. [`parse_duration`] reads every result up to 24h back to the same
/// value.
pub fn format_duration(d: Duration) -> String {
    let nanos = d.as_nanos();
    if nanos == 0 {
        return "0s".to_owned();
    }
    if nanos < NANOS_PER_M {
        let (scale, unit) = if nanos >= NANOS_PER_S {
            (NANOS_PER_S, "s")
        } else if nanos >= NANOS_PER_MS {
            (NANOS_PER_MS, "ms")
        } else if nanos >= NANOS_PER_US {
            (NANOS_PER_US, "us")
        } else {
            (1, "ns")
        };
        return format!("{}{unit}", decimal(nanos, scale));
    }
    let hours = nanos / NANOS_PER_H;
    let minutes = (nanos % NANOS_PER_H) / NANOS_PER_M;
    let rest = nanos % NANOS_PER_M;
    let mut out = String::new();
    if hours > 0 {
        out.push_str(&format!("{hours}h"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}m"));
    }
    if rest > 0 {
        out.push_str(&format_duration(Duration::from_nanos(
            u64::try_from(rest).unwrap_or(u64::MAX),
        )));
    }
    out
}

/// A measured duration in milliseconds as reports show it: rounded to the microsecond
/// (`1.234`), so that the same run always prints the same digits.
pub fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// A duration in milliseconds, exact (the unit of `bench`'s samples and statistics).
pub fn as_ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A duration for sentences, with two significant digits and a unit that keeps the number
/// between 1 and 1000: `"1.9 ms"`, `"18 µs"`, `"250 ns"`, `"1.2 s"`. Integer digits are never
/// rounded away (`"123 ms"`), negative values keep their sign (`"-1.9 ms"`), and NaN or
/// infinity prints `"n/a"`.
pub fn format_ms(ms: f64) -> String {
    if !ms.is_finite() {
        return "n/a".to_string();
    }
    if ms == 0.0 {
        return "0 ms".to_string();
    }
    let sign = if ms < 0.0 { "-" } else { "" };
    let ns = ms.abs() * 1e6;
    const UNITS: [(&str, f64); 4] = [("ns", 1.0), ("µs", 1e3), ("ms", 1e6), ("s", 1e9)];
    let mut unit = UNITS
        .iter()
        .rposition(|&(_, scale)| ns >= scale)
        .unwrap_or(0);
    loop {
        let (name, scale) = UNITS.get(unit).copied().unwrap_or(("ns", 1.0));
        let (text, rounded) = two_significant(ns / scale);
        // 999.6 µs rounds to 1000 µs: say 1.0 ms instead.
        if rounded >= 1000.0 && unit + 1 < UNITS.len() {
            unit += 1;
            continue;
        }
        return format!("{sign}{text} {name}");
    }
}

/// `v > 0` rounded to two significant digits (at most three decimals), as text and as a
/// number.
fn two_significant(v: f64) -> (String, f64) {
    let round = |decimals: i32| {
        let scale = 10f64.powi(decimals);
        (v * scale).round() / scale
    };
    let mut decimals = (1 - v.log10().floor() as i32).clamp(0, 3);
    let mut rounded = round(decimals);
    // 9.96 rounds to 10.0: one decimal fewer keeps two significant digits ("10").
    if decimals > 0 && rounded >= 10f64.powi(2 - decimals) {
        decimals -= 1;
        rounded = round(decimals);
    }
    (format!("{rounded:.*}", decimals as usize), rounded)
}

/// `value / scale` as a decimal number without trailing zeros (`1500, 1000` → `1.5`).
fn decimal(value: u128, scale: u128) -> String {
    let whole = value / scale;
    let fraction = value % scale;
    if fraction == 0 {
        return whole.to_string();
    }
    let width = scale.to_string().len() - 1;
    let digits = format!("{fraction:0width$}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn parses_each_unit() {
        assert_eq!(parse_duration("500ms"), Ok(ms(500)));
        assert_eq!(parse_duration("3s"), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_duration("250us"), Ok(Duration::from_micros(250)));
        assert_eq!(parse_duration("250µs"), Ok(Duration::from_micros(250)));
        assert_eq!(parse_duration("7ns"), Ok(Duration::from_nanos(7)));
    }

    #[test]
    fn parses_fractions_exactly() {
        assert_eq!(parse_duration("1.5s"), Ok(ms(1500)));
        assert_eq!(parse_duration(".5s"), Ok(ms(500)));
        assert_eq!(parse_duration("0.001s"), Ok(ms(1)));
        assert_eq!(parse_duration("1.5m"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("0.000000001s"), Ok(Duration::from_nanos(1)));
        assert_eq!(parse_duration("1.500000000000000000000s"), Ok(ms(1500)));
        assert_eq!(parse_duration("2.5ms"), Ok(Duration::from_micros(2500)));
    }

    #[test]
    fn parses_compounds_spaces_and_case() {
        assert_eq!(parse_duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h 30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("  3 s "), Ok(Duration::from_secs(3)));
        assert_eq!(parse_duration("500MS"), Ok(ms(500)));
        assert_eq!(parse_duration("1s500ms"), Ok(ms(1500)));
    }

    #[test]
    fn zero_is_returned() {
        assert_eq!(parse_duration("0s"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("0.0ms"), Ok(Duration::ZERO));
    }

    #[test]
    fn exactly_24h_is_accepted() {
        assert_eq!(parse_duration("24h"), Ok(MAX_DURATION));
        assert_eq!(parse_duration("1440m"), Ok(MAX_DURATION));
    }

    #[test]
    fn bare_number_says_to_add_a_unit() {
        let e = parse_duration("10").unwrap_err();
        assert_eq!(e.to_string(), "'10' has no unit: write 10s or 10ms");
        let e = parse_duration("1.5").unwrap_err();
        assert_eq!(e.to_string(), "'1.5' has no unit: write 1.5s or 1.5ms");
        assert!(matches!(
            parse_duration("0"),
            Err(DurationError::NoUnit { .. })
        ));
        assert!(matches!(
            parse_duration("1m30"),
            Err(DurationError::NoUnit { .. })
        ));
    }

    #[test]
    fn rejects_empty() {
        assert_eq!(parse_duration(""), Err(DurationError::Empty));
        assert_eq!(parse_duration("   "), Err(DurationError::Empty));
        assert!(parse_duration("")
            .unwrap_err()
            .to_string()
            .contains("500ms"));
    }

    #[test]
    fn rejects_negative() {
        let e = parse_duration("-1s").unwrap_err();
        assert!(matches!(e, DurationError::Negative { .. }));
        assert!(e.to_string().contains("'-1s'"), "{e}");
    }

    #[test]
    fn rejects_unknown_units() {
        for text in ["3x", "30sec", "2d", "1e3ms", "5 minutes"] {
            let e = parse_duration(text).unwrap_err();
            assert!(
                matches!(e, DurationError::UnknownUnit { .. }),
                "{text}: {e:?}"
            );
            assert!(e.to_string().contains(text), "{e}");
            assert!(e.to_string().contains("ms"), "{e}");
        }
    }

    #[test]
    fn rejects_malformed_numbers() {
        for text in [
            "s", "ms", "abc", "1.2.3s", ".s", "+3s", "1,5s", "3 4s", "1s x",
        ] {
            let e = parse_duration(text).unwrap_err();
            assert!(
                matches!(
                    e,
                    DurationError::Invalid { .. } | DurationError::UnknownUnit { .. }
                ),
                "{text}: {e:?}"
            );
        }
        let e = parse_duration("1,5s").unwrap_err();
        assert!(e.to_string().contains("decimal point"), "{e}");
    }

    #[test]
    fn rejects_more_than_24h_and_overflow() {
        for text in [
            "25h",
            "24h1ns",
            "1441m",
            "86401s",
            "3000m",
            "18446744073709551616s",
            "99999999999999999999999999999999999999999h",
        ] {
            let e = parse_duration(text).unwrap_err();
            assert!(matches!(e, DurationError::TooLong { .. }), "{text}: {e:?}");
            assert!(e.to_string().contains(text), "{e}");
        }
    }

    #[test]
    fn rejects_sub_nanosecond() {
        for text in ["0.5ns", "1.0000000001s", "0.0000000000000000001h"] {
            let e = parse_duration(text).unwrap_err();
            assert!(
                matches!(e, DurationError::TooPrecise { .. }),
                "{text}: {e:?}"
            );
        }
    }

    #[test]
    fn formats_readably() {
        assert_eq!(format_duration(Duration::ZERO), "0s");
        assert_eq!(format_duration(ms(1500)), "1.5s");
        assert_eq!(format_duration(ms(250)), "250ms");
        assert_eq!(format_duration(Duration::from_micros(1500)), "1.5ms");
        assert_eq!(format_duration(Duration::from_micros(250)), "250us");
        assert_eq!(format_duration(Duration::from_nanos(7)), "7ns");
        assert_eq!(format_duration(Duration::from_secs(3)), "3s");
        assert_eq!(format_duration(Duration::from_secs(60)), "1m");
        assert_eq!(format_duration(Duration::from_secs(90)), "1m30s");
        assert_eq!(format_duration(Duration::from_secs(3600)), "1h");
        assert_eq!(format_duration(Duration::from_secs(5400)), "1h30m");
        assert_eq!(format_duration(Duration::from_secs(3601)), "1h1s");
        assert_eq!(format_duration(ms(60_500)), "1m500ms");
        assert_eq!(format_duration(Duration::from_secs(48 * 3600)), "48h");
        assert_eq!(
            format_duration(Duration::from_nanos(1_234_567_891)),
            "1.234567891s"
        );
    }

    #[test]
    fn format_then_parse_is_the_identity() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let max = u64::try_from(MAX_DURATION.as_nanos()).unwrap();
        for _ in 0..5000 {
            // Mix of magnitudes: raw nanoseconds, whole ms, whole seconds.
            let r = next();
            let nanos = match r % 3 {
                0 => next() % (max + 1),
                1 => (next() % 86_400_000) * 1_000_000,
                _ => (next() % 86_400) * 1_000_000_000,
            };
            let d = Duration::from_nanos(nanos);
            let text = format_duration(d);
            assert_eq!(parse_duration(&text), Ok(d), "{text}");
        }
    }

    #[test]
    fn format_ms_cases() {
        let cases = [
            (1.94, "1.9 ms"),
            (0.018, "18 µs"),
            (0.00025, "250 ns"),
            (12.3, "12 ms"),
            (123.4, "123 ms"),
            (1234.0, "1.2 s"),
            (65_000.0, "65 s"),
            (1.0, "1.0 ms"),
            (0.9996, "1.0 ms"),
            (9.96, "10 ms"),
            (0.00999, "10 µs"),
            (0.0000005, "0.50 ns"),
            (0.0, "0 ms"),
            (-1.94, "-1.9 ms"),
            (-0.018, "-18 µs"),
            (f64::NAN, "n/a"),
            (f64::INFINITY, "n/a"),
        ];
        for (ms, want) in cases {
            assert_eq!(format_ms(ms), want, "format_ms({ms})");
        }
        assert!(!format_ms(f64::MIN_POSITIVE).is_empty());
    }
}
