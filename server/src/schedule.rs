//! When a hall is open and which appointment slots that gives: pure rules over the
//! hall's configured sessions, slot length and holidays.

use std::collections::{BTreeMap, BTreeSet};

use kiosk_core::{date::Date, hall_time::HallTime};

/// An opening session on one weekday, e.g. Monday 09:00–12:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    /// ISO weekday, 1 = Monday.
    pub weekday: u8,
    /// Minutes after midnight.
    pub start: u16,
    pub end: u16,
}

/// A hall's opening pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub slot_minutes: u16,
    pub sessions: Vec<Session>,
    /// Days the hall is closed although the weekday is open.
    pub holidays: BTreeSet<Date>,
    /// Dates with shorter hours than their weekday's: that day's (start, end)
    /// minutes, replacing the weekday's sessions.
    pub shorter: BTreeMap<Date, Vec<(u16, u16)>>,
}

impl Schedule {
    /// The slots of `date` as (start, end), in order; none on closed days.
    pub fn slots_on(&self, date: Date) -> Vec<(HallTime, HallTime)> {
        if self.holidays.contains(&date) || self.slot_minutes == 0 {
            return Vec::new();
        }
        let mut sessions: Vec<(u16, u16)> = match self.shorter.get(&date) {
            Some(day) => day.clone(),
            None => self
                .sessions
                .iter()
                .filter(|s| s.weekday == date.weekday())
                .map(|s| (s.start, s.end))
                .collect(),
        };
        sessions.sort();
        let mut slots = Vec::new();
        for (s_start, s_end) in sessions {
            let mut start = s_start;
            while start + self.slot_minutes <= s_end {
                let end = start + self.slot_minutes;
                if let (Some(a), Some(b)) = (HallTime::new(date, start), HallTime::new(date, end)) {
                    slots.push((a, b));
                }
                start = end;
            }
        }
        slots
    }

    /// The end of the slot starting at `start`, if `start` is one.
    pub fn slot_at(&self, start: HallTime) -> Option<HallTime> {
        self.slots_on(start.date())
            .into_iter()
            .find(|(a, _)| *a == start)
            .map(|(_, b)| b)
    }

    /// Whether the hall is open at all on `date`.
    pub fn is_open_on(&self, date: Date) -> bool {
        !self.slots_on(date).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Schedule {
        let mut sessions = Vec::new();
        for weekday in 1..=5 {
            sessions.push(Session {
                weekday,
                start: 9 * 60,
                end: 12 * 60,
            });
            sessions.push(Session {
                weekday,
                start: 13 * 60 + 30,
                end: 17 * 60 + 30,
            });
        }
        Schedule {
            slot_minutes: 30,
            sessions,
            holidays: [Date::new(2026, 12, 2).unwrap()].into(),
            shorter: [(Date::new(2026, 12, 4).unwrap(), vec![(9 * 60, 10 * 60)])].into(),
        }
    }

    #[test]
    fn a_weekday_has_six_morning_and_eight_afternoon_slots() {
        let monday = Date::new(2026, 11, 30).unwrap();
        let slots = demo().slots_on(monday);
        assert_eq!(slots.len(), 14);
        assert_eq!(slots[0].0.clock(), "09:00");
        assert_eq!(slots[5].1.clock(), "12:00");
        assert_eq!(slots[6].0.clock(), "13:30");
        assert_eq!(slots[13].1.clock(), "17:30");
    }

    #[test]
    fn weekends_and_holidays_have_no_slots() {
        let s = demo();
        assert!(!s.is_open_on(Date::new(2026, 11, 29).unwrap()), "Sunday");
        assert!(!s.is_open_on(Date::new(2026, 12, 5).unwrap()), "Saturday");
        assert!(!s.is_open_on(Date::new(2026, 12, 2).unwrap()), "holiday");
        assert!(s.is_open_on(Date::new(2026, 12, 3).unwrap()));
    }

    #[test]
    fn a_day_with_shorter_hours_has_only_their_slots() {
        let friday = Date::new(2026, 12, 4).unwrap();
        let slots = demo().slots_on(friday);
        assert_eq!(slots.len(), 2);
        assert_eq!(slots[1].1.clock(), "10:00");
    }

    #[test]
    fn only_exact_slot_starts_are_slots() {
        let s = demo();
        let d = Date::new(2026, 11, 30).unwrap();
        let at = |m| HallTime::new(d, m).unwrap();
        assert_eq!(s.slot_at(at(9 * 60)), Some(at(9 * 60 + 30)));
        assert_eq!(s.slot_at(at(9 * 60 + 15)), None);
        assert_eq!(s.slot_at(at(12 * 60)), None, "lunch break");
        assert_eq!(s.slot_at(at(17 * 60 + 30)), None, "closing time");
    }
}
