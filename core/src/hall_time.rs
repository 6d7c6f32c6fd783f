//! Wall-clock time at the hall. China Standard Time is UTC+08:00 all year (no
//! daylight saving), so a fixed offset is exact. The API writes times as RFC 3339
//! with that offset, e.g. `2026-12-01T09:30:00+08:00`.

use std::fmt;

use crate::date::Date;

/// The hall's offset from UTC, in minutes.
pub const HALL_OFFSET_MINUTES: i64 = 8 * 60;

/// A minute-precise local time at the hall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HallTime {
    date: Date,
    /// Minutes since local midnight, 0..1440.
    minute: u16,
}

impl HallTime {
    /// `date` at `minute` minutes after midnight, if `minute` is within the day.
    pub fn new(date: Date, minute: u16) -> Option<Self> {
        (minute < 24 * 60).then_some(Self { date, minute })
    }

    /// The local time of a Unix timestamp (seconds), rounded down to the minute.
    pub fn from_unix(seconds: i64) -> Self {
        Self::checked_from_unix(seconds).expect("timestamp within years 0..65535")
    }

    /// Like [`HallTime::from_unix`], `None` outside years 0..=65535.
    pub fn checked_from_unix(seconds: i64) -> Option<Self> {
        let minutes = seconds.div_euclid(60) + HALL_OFFSET_MINUTES;
        let days = minutes.div_euclid(24 * 60);
        let minute = u16::try_from(minutes.rem_euclid(24 * 60)).expect("< 1440");
        let date = Date::from_days_since_epoch(days)?;
        Some(Self { date, minute })
    }

    /// Seconds since the Unix epoch.
    pub fn unix(self) -> i64 {
        (self.date.days_since_epoch() * 24 * 60 + i64::from(self.minute) - HALL_OFFSET_MINUTES) * 60
    }

    pub fn date(self) -> Date {
        self.date
    }

    /// Minutes since local midnight.
    pub fn minute_of_day(self) -> u16 {
        self.minute
    }

    /// This time moved by `minutes` (may cross days).
    pub fn plus_minutes(self, minutes: i64) -> Self {
        Self::from_unix(self.unix() + minutes * 60)
    }

    /// `HH:MM`, as shown to visitors.
    pub fn clock(self) -> String {
        format!("{:02}:{:02}", self.minute / 60, self.minute % 60)
    }

    /// RFC 3339 with the hall's offset: `YYYY-MM-DDTHH:MM:00+08:00`.
    pub fn to_rfc3339(self) -> String {
        format!("{}T{}:00+08:00", self.date, self.clock())
    }

    /// Parses an RFC 3339 timestamp with any offset (or `Z`) and converts it to hall
    /// time. Seconds must be zero: the API deals in whole minutes.
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        let (date, rest) = s.split_once(['T', 't'])?;
        let date = Date::parse_iso(date)?;
        if rest.len() < 8 {
            return None;
        }
        let (clock, offset) = (rest.get(..8)?, rest.get(8..)?);
        let b = clock.as_bytes();
        if b[2] != b':' || b[5] != b':' {
            return None;
        }
        let num = |s: &str| -> Option<i64> {
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        let (h, m, sec) = (num(&clock[0..2])?, num(&clock[3..5])?, num(&clock[6..8])?);
        if h > 23 || m > 59 || sec != 0 {
            return None;
        }
        let offset_minutes = match offset {
            "Z" | "z" => 0,
            _ => {
                let sign = match offset.as_bytes().first()? {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let o = offset.get(1..)?;
                if o.len() != 5 || o.as_bytes()[2] != b':' {
                    return None;
                }
                let (oh, om) = (num(&o[0..2])?, num(&o[3..5])?);
                if oh > 23 || om > 59 {
                    return None;
                }
                sign * (oh * 60 + om)
            }
        };
        let utc_minutes = date.days_since_epoch() * 24 * 60 + h * 60 + m - offset_minutes;
        Self::checked_from_unix(utc_minutes * 60)
    }
}

impl fmt::Display for HallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: u16, mo: u8, d: u8, h: u16, mi: u16) -> HallTime {
        HallTime::new(Date::new(y, mo, d).unwrap(), h * 60 + mi).unwrap()
    }

    #[test]
    fn unix_timestamps_convert_to_beijing_time() {
        // 2026-11-29T16:00:00Z is midnight of the 30th in Beijing.
        let t = HallTime::from_unix(1_795_968_000);
        assert_eq!(t, at(2026, 11, 30, 0, 0));
        assert_eq!(t.unix(), 1_795_968_000);
        assert_eq!(HallTime::from_unix(0), at(1970, 1, 1, 8, 0));
        assert_eq!(HallTime::from_unix(59), at(1970, 1, 1, 8, 0));
    }

    #[test]
    fn formats_and_parses_rfc3339_with_the_hall_offset() {
        let t = at(2026, 12, 1, 9, 30);
        assert_eq!(t.to_rfc3339(), "2026-12-01T09:30:00+08:00");
        assert_eq!(t.clock(), "09:30");
        let cases = [
            ("2026-12-01T09:30:00+08:00", Some(t)),
            ("2026-12-01T01:30:00Z", Some(t)),
            ("2026-12-01t01:30:00z", Some(t)),
            ("2026-11-30T20:30:00-05:00", Some(t)),
            ("2026-12-01T09:30:01+08:00", None),
            ("2026-12-01T24:00:00+08:00", None),
            ("2026-12-01 09:30:00+08:00", None),
            ("2026-12-01T09:30:00", None),
            ("2026-12-01T09:30:00+0800", None),
            ("2026-02-30T09:30:00+08:00", None),
            ("", None),
        ];
        for (s, expected) in cases {
            assert_eq!(HallTime::parse_rfc3339(s), expected, "{s}");
        }
    }

    #[test]
    fn adding_minutes_crosses_midnight() {
        assert_eq!(
            at(2026, 12, 31, 23, 45).plus_minutes(30),
            at(2027, 1, 1, 0, 15)
        );
        assert_eq!(
            at(2026, 12, 1, 9, 0).plus_minutes(-30),
            at(2026, 12, 1, 8, 30)
        );
    }
}
