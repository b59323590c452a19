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

/// Whole days from `from` to `to`, rounded towards negative infinity (so an expired
/// certificate never shows 0 days remaining).
pub fn days_between(from: OffsetDateTime, to: OffsetDateTime) -> i64 {
    let secs = (to - from).whole_seconds();
    secs.div_euclid(86_400)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn days_round_down_so_expired_is_negative() {
        let now = datetime!(2026-01-10 12:00 UTC);
        assert_eq!(days_between(now, datetime!(2026-01-20 12:00 UTC)), 10);
        assert_eq!(days_between(now, datetime!(2026-01-20 11:59 UTC)), 9);
        assert_eq!(days_between(now, datetime!(2026-01-10 11:00 UTC)), -1);
    }

    #[test]
    fn times_print_to_the_second_in_their_offset() {
        let t = datetime!(2027-01-01 00:00:00.75 UTC);
        assert_eq!(rfc3339(whole_seconds(t)), "2027-01-01T00:00:00Z");
        let t = datetime!(2027-01-01 08:00:00 +08:00);
        assert_eq!(rfc3339(t), "2027-01-01T08:00:00+08:00");
    }
}
