//! Points in time as mongotls judges and prints them: whole seconds (certificates carry no
//! more), RFC 3339 in UTC (`2027-01-01T00:00:00Z`), and whole days between two of them.
//! The one place a time becomes text.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// `t` without its fraction of a second.
pub fn whole_seconds(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(0).unwrap_or(t)
}

/// RFC 3339 text of a time, as every report shows it.
pub fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_else(|_| t.to_string())
}

/// Whole days from `from` to `to`, rounded to the nearest day (half a day up), but never 0
/// once `to` has passed: negative exactly when `to` is before `from`.
///
/// Nearest, not down: a one-year certificate is "365 days" whether it is judged the second it
/// was issued or a few minutes later (rounding down made it 364 in `check` a moment after the
/// sandbox issued it, and 365 in `demo`, which judged it as of its own start).
pub fn days_between(from: OffsetDateTime, to: OffsetDateTime) -> i64 {
    const DAY: i64 = 86_400;
    let secs = (to - from).whole_seconds();
    let days = (secs.abs() + DAY / 2) / DAY;
    if secs < 0 {
        -days.max(1)
    } else {
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn days_round_to_the_nearest_and_expired_is_negative() {
        let now = datetime!(2026-01-10 12:00 UTC);
        assert_eq!(days_between(now, datetime!(2026-01-20 12:00 UTC)), 10);
        assert_eq!(days_between(now, datetime!(2026-01-20 11:59 UTC)), 10);
        assert_eq!(days_between(now, datetime!(2026-01-20 00:00 UTC)), 10);
        assert_eq!(days_between(now, datetime!(2026-01-19 23:59 UTC)), 9);
        assert_eq!(days_between(now, datetime!(2026-01-10 13:00 UTC)), 0);
        // Expired an hour ago is expired: -1, never 0.
        assert_eq!(days_between(now, datetime!(2026-01-10 11:00 UTC)), -1);
        assert_eq!(days_between(now, datetime!(2025-12-11 12:00:01 UTC)), -30);
        assert_eq!(days_between(now, datetime!(2025-12-11 11:59:59 UTC)), -30);
    }

    #[test]
    fn a_one_year_certificate_is_365_days_from_issue_to_hours_later() {
        // The sandbox issues at its start; demo judges as of a moment before, check after.
        let issued = datetime!(2026-12-07 01:06:45 UTC);
        let not_after = issued + time::Duration::days(365);
        for judged in [
            issued - time::Duration::seconds(1),
            issued,
            issued + time::Duration::seconds(1),
            issued + time::Duration::minutes(5),
            issued + time::Duration::hours(11),
        ] {
            assert_eq!(days_between(judged, not_after), 365, "judged at {judged}");
        }
        // The same for one that expired 30 days before the sandbox started.
        let expired = issued - time::Duration::days(30);
        for judged in [
            issued - time::Duration::seconds(1),
            issued + time::Duration::hours(3),
        ] {
            assert_eq!(days_between(judged, expired), -30, "judged at {judged}");
        }
    }

    #[test]
    fn times_print_to_the_second_in_their_offset() {
        let t = datetime!(2027-01-01 00:00:00.75 UTC);
        assert_eq!(rfc3339(whole_seconds(t)), "2027-01-01T00:00:00Z");
        let t = datetime!(2027-01-01 08:00:00 +08:00);
        assert_eq!(rfc3339(t), "2027-01-01T08:00:00+08:00");
    }
}
