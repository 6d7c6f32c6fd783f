//! Statistics per hall per week: what is counted, how a week is named, the
//! limits of a report and its CSV, shared by the server (which counts and
//! writes the CSV) and the console (which charts and tables it).
//!
//! Counts are kept as numbers per hall and day, apart from the records they
//! count, so they outlive the retention purge of bookings and callbacks and
//! hold nothing about any visitor.

use serde::{Deserialize, Serialize};

use crate::{Lang, api::LocalizedText, date::Date};

/// The longest report: a year and a week.
pub const MAX_WEEKS: i64 = 53;

/// What one day's counter counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// An appointment booked, counted on the day of its slot.
    Booking,
    /// A booking cancelled, on the day of its slot.
    Cancellation,
    /// A booked visitor who did not come, on the day of the slot.
    NoShow,
    /// A callback request, on the day it was made.
    Callback,
    /// A callback reached within the window the visitor chose, on the day it
    /// was made.
    CallbackInWindow,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::Booking,
        Metric::Cancellation,
        Metric::NoShow,
        Metric::Callback,
        Metric::CallbackInWindow,
    ];

    /// The name stored in the counters table.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Booking => "booking",
            Metric::Cancellation => "cancellation",
            Metric::NoShow => "no_show",
            Metric::Callback => "callback",
            Metric::CallbackInWindow => "callback_in_window",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// The Monday of `date`'s ISO week: the name of the week in a report.
pub fn week_start(date: Date) -> Date {
    date.plus_days(-i64::from(date.weekday() - 1))
        .unwrap_or(date)
}

/// Why a report's range is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeProblem {
    /// `to` is before `from`.
    Reversed,
    /// More than [`MAX_WEEKS`] weeks.
    TooLong,
}

/// The whole weeks from `from`'s Monday to `to`'s Sunday, as the Monday of each.
pub fn weeks(from: Date, to: Date) -> Result<Vec<Date>, RangeProblem> {
    if to < from {
        return Err(RangeProblem::Reversed);
    }
    let first = week_start(from);
    let n = (week_start(to).days_since_epoch() - first.days_since_epoch()) / 7 + 1;
    if n > MAX_WEEKS {
        return Err(RangeProblem::TooLong);
    }
    Ok((0..n).filter_map(|i| first.plus_days(i * 7)).collect())
}

/// One hall's week.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekStats {
    /// The Monday, `YYYY-MM-DD`.
    pub week: String,
    pub bookings: u64,
    pub cancellations: u64,
    pub no_shows: u64,
    pub callbacks: u64,
    /// Of `callbacks`, how many were reached within the visitor's window.
    pub callbacks_in_window: u64,
    /// Ratings by score, 1 (非常不满意) to 5 (非常满意).
    pub ratings: [u64; 5],
}

impl WeekStats {
    /// Adds `n` to `metric`.
    pub fn add(&mut self, metric: Metric, n: u64) {
        let slot = match metric {
            Metric::Booking => &mut self.bookings,
            Metric::Cancellation => &mut self.cancellations,
            Metric::NoShow => &mut self.no_shows,
            Metric::Callback => &mut self.callbacks,
            Metric::CallbackInWindow => &mut self.callbacks_in_window,
        };
        *slot += n;
    }

    /// Callbacks reached in their window, in whole per cent; `None` without any.
    pub fn in_window_percent(&self) -> Option<u64> {
        (self.callbacks > 0)
            .then(|| (self.callbacks_in_window * 100 + self.callbacks / 2) / self.callbacks)
    }

    pub fn rating_count(&self) -> u64 {
        self.ratings.iter().sum()
    }
}

/// One hall's weeks, every week of the range present (zero when nothing
/// happened), oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallStats {
    pub hall_id: String,
    pub names: LocalizedText,
    pub weeks: Vec<WeekStats>,
}

/// `GET /console/stats`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsReport {
    /// The first Monday and the last Sunday of the range.
    pub from: String,
    pub to: String,
    pub halls: Vec<HallStats>,
}

/// The CSV columns, in order.
fn header(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::ZhCn => [
            "服务中心编号",
            "服务中心",
            "周（周一）",
            "预约",
            "取消",
            "未到",
            "回拨请求",
            "时段内回拨",
            "非常满意",
            "满意",
            "基本满意",
            "不满意",
            "非常不满意",
        ],
        Lang::En => [
            "hall_id",
            "hall",
            "week (Monday)",
            "bookings",
            "cancellations",
            "no-shows",
            "callbacks",
            "callbacks in window",
            "very satisfied",
            "satisfied",
            "fairly satisfied",
            "dissatisfied",
            "very dissatisfied",
        ],
    }
}

/// A CSV field: quoted when it must be, and never read as a formula by a
/// spreadsheet (a leading `=`, `+`, `-` or `@` gets a `'`).
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The report as CSV (RFC 4180, CRLF), a row per hall and week, with a UTF-8
/// byte-order mark so spreadsheet programs read the Chinese right.
pub fn to_csv(report: &StatsReport, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header(lang).join(","));
    out.push_str("\r\n");
    for hall in &report.halls {
        let name = match lang {
            Lang::ZhCn => &hall.names.zh_cn,
            Lang::En => &hall.names.en,
        };
        for w in &hall.weeks {
            let mut row = vec![field(&hall.hall_id), field(name), w.week.clone()];
            row.extend(
                [
                    w.bookings,
                    w.cancellations,
                    w.no_shows,
                    w.callbacks,
                    w.callbacks_in_window,
                ]
                .iter()
                .map(u64::to_string),
            );
            // Columns run from 非常满意 down, as the rating is asked.
            row.extend(w.ratings.iter().rev().map(u64::to_string));
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_cover_the_range() {
        assert_eq!(week_start(d("2026-12-06")), d("2026-11-30"));
        assert_eq!(week_start(d("2026-11-30")), d("2026-11-30"));
        assert_eq!(
            weeks(d("2026-11-25"), d("2026-12-07")).unwrap(),
            vec![d("2026-11-23"), d("2026-11-30"), d("2026-12-07")]
        );
        assert_eq!(
            weeks(d("2026-12-07"), d("2026-12-01")),
            Err(RangeProblem::Reversed)
        );
        assert!(weeks(d("2026-01-01"), d("2026-12-31")).is_ok());
        assert_eq!(
            weeks(d("2025-01-01"), d("2026-12-31")),
            Err(RangeProblem::TooLong)
        );
    }

    #[test]
    fn metrics_round_trip_and_percent_rounds() {
        for m in Metric::ALL {
            assert_eq!(Metric::parse(m.as_str()), Some(m));
            assert_eq!(
                serde_json::to_value(m).unwrap(),
                serde_json::json!(m.as_str())
            );
        }
        let mut w = WeekStats::default();
        assert_eq!(w.in_window_percent(), None);
        w.add(Metric::Callback, 3);
        w.add(Metric::CallbackInWindow, 2);
        assert_eq!(w.in_window_percent(), Some(67));
    }

    #[test]
    fn csv_has_a_bom_a_header_a_row_per_week_and_no_formulas() {
        let report = StatsReport {
            from: "2026-11-30".into(),
            to: "2026-12-06".into(),
            halls: vec![HallStats {
                hall_id: "h1".into(),
                names: LocalizedText {
                    zh_cn: "=HYPERLINK(\"x\")".into(),
                    en: "Hall, one".into(),
                },
                weeks: vec![WeekStats {
                    week: "2026-11-30".into(),
                    bookings: 4,
                    cancellations: 1,
                    no_shows: 1,
                    callbacks: 2,
                    callbacks_in_window: 1,
                    ratings: [1, 0, 0, 2, 5],
                }],
            }],
        };
        let zh = to_csv(&report, Lang::ZhCn);
        assert!(zh.starts_with("\u{feff}服务中心编号,"));
        let lines: Vec<&str> = zh.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{zh}");
        assert_eq!(
            lines[1],
            "h1,\"'=HYPERLINK(\"\"x\"\")\",2026-11-30,4,1,1,2,1,5,2,0,0,1"
        );
        let en = to_csv(&report, Lang::En);
        assert!(en.contains("h1,\"Hall, one\",2026-11-30"));
    }
}
