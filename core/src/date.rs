//! A calendar date without time zone, enough for birth dates and opening days.
//!
//! Kept here (instead of pulling in `chrono`/`time`) because the kiosk's WebAssembly
//! must stay small and the rules only need Gregorian day arithmetic.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// English weekday names, Monday first (ISO weekday 1 at index 0).
pub const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// A date, if `year-month-day` exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(())?;
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(())?;
        Some(Self { year, month, day })
    }

    /// Parses the compact `YYYYMMDD` form used inside resident ID numbers.
    pub fn parse_compact(s: &str) -> Option<Self> {
        if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Self::new(
            s[0..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        )
    }

    /// Parses the ISO `YYYY-MM-DD` form used by the API.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Self::parse_compact(&[&s[0..4], &s[5..7], &s[8..10]].concat())
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's
    /// `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (inverse of [`Date::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        u8::try_from((self.days_since_epoch() + 3).rem_euclid(7) + 1).expect("1..=7")
    }

    /// The date `days` later (or earlier, if negative).
    pub fn plus_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_calendar_days_are_dates() {
        let cases = [
            ((2024, 2, 29), true),
            ((2023, 2, 29), false),
            ((1900, 2, 29), false),
            ((2000, 2, 29), true),
            ((2026, 4, 31), false),
            ((2026, 12, 31), true),
            ((2026, 13, 1), false),
            ((2026, 0, 1), false),
            ((2026, 1, 0), false),
        ];
        for ((y, m, d), ok) in cases {
            assert_eq!(Date::new(y, m, d).is_some(), ok, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn epoch_day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        assert_eq!(Date::new(1949, 12, 31).unwrap().days_since_epoch(), -7_306);
        for days in [-30_000, -1, 0, 1, 59, 365, 10_957, 20_000, 40_000] {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
    }

    #[test]
    fn weekdays_follow_the_iso_numbering() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), 4);
        assert_eq!(Date::new(2026, 11, 29).unwrap().weekday(), 7);
        assert_eq!(Date::new(2026, 11, 30).unwrap().weekday(), 1);
        assert_eq!(Date::new(1969, 12, 29).unwrap().weekday(), 1);
        let d = Date::new(2026, 12, 31).unwrap();
        assert_eq!(d.plus_days(1), Date::new(2027, 1, 1));
    }

    #[test]
    fn parses_compact_and_iso_forms() {
        let d = Date::new(1949, 12, 31).unwrap();
        assert_eq!(Date::parse_compact("19491231"), Some(d));
        assert_eq!(Date::parse_iso("1949-12-31"), Some(d));
        assert_eq!(d.to_string(), "1949-12-31");
        assert_eq!(Date::parse_compact("1949123"), None);
        assert_eq!(Date::parse_iso("1949/12/31"), None);
        assert_eq!(Date::parse_iso("1949-02-30"), None);
    }
}
