//! Days and times in the visitor's words.

use kiosk_core::{Lang, date::Date, hall_time::HallTime};

/// "星期二 12月1日" / "Tuesday 1 December".
pub fn day_label(date: Date, lang: Lang) -> String {
    const ZH: [&str; 7] = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let w = usize::from(date.weekday().clamp(1, 7) - 1);
    match lang {
        Lang::ZhCn => format!("{}月{}日 {}", date.month(), date.day(), ZH[w]),
        Lang::En => format!(
            "{} {} {}",
            kiosk_core::date::WEEKDAYS_EN[w],
            date.day(),
            MONTHS[usize::from(date.month().clamp(1, 12) - 1)]
        ),
    }
}

/// "09:00–09:30" from a slot's RFC 3339 times.
pub fn time_range(start: &str, end: &str) -> String {
    let clock = |s: &str| HallTime::parse_rfc3339(s).map_or_else(String::new, HallTime::clock);
    format!("{}–{}", clock(start), clock(end))
}

/// The day and time of a slot in words: "12月1日 星期二 09:00–09:30".
pub fn slot_when(start: &str, end: &str, lang: Lang) -> String {
    HallTime::parse_rfc3339(start).map_or_else(String::new, |s| {
        format!("{} {}", day_label(s.date(), lang), time_range(start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_read_naturally() {
        let d = Date::new(2026, 12, 1).unwrap();
        assert_eq!(day_label(d, Lang::ZhCn), "12月1日 星期二");
        assert_eq!(day_label(d, Lang::En), "Tuesday 1 December");
        assert_eq!(
            slot_when(
                "2026-12-01T09:00:00+08:00",
                "2026-12-01T09:30:00+08:00",
                Lang::ZhCn
            ),
            "12月1日 星期二 09:00–09:30"
        );
    }
}
