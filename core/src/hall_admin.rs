//! The hall console's rules and API types: a hall's profile, opening hours with
//! breaks, closures (a day off or shorter hours), the services offered and their
//! seats per slot, today's appointments and check-in, and the hall's kiosks.
//!
//! The validators run in the console (so a form can say what is wrong before it
//! is sent) and on the server (which is what counts); both push the same codes.

use serde::{Deserialize, Serialize};

use crate::{
    api::LocalizedText,
    console::{FieldErrors, push_error as push},
    date::Date,
};

/// Longest hall name per language, in characters.
pub const HALL_NAME_MAX: usize = 60;
/// Longest address per language.
pub const ADDRESS_MAX: usize = 120;
/// Longest free-text opening hours line per language (what the kiosk shows).
pub const HOURS_TEXT_MAX: usize = 200;
/// Longest closure reason.
pub const REASON_MAX: usize = 100;
/// Longest maintenance message per language.
pub const MAINTENANCE_MESSAGE_MAX: usize = 200;
/// Most opening sessions in one day: three breaks are plenty.
pub const SESSIONS_PER_DAY_MAX: usize = 4;
/// Seats per slot, at most: a hall's counters, not a stadium.
pub const CAPACITY_MAX: u32 = 50;
/// Slot length bounds, as the `halls.slot_minutes` CHECK says.
pub const SLOT_MINUTES_MIN: u16 = 5;
pub const SLOT_MINUTES_MAX: u16 = 240;
/// How far ahead a closure may be set: a year covers next year's holidays.
pub const CLOSURE_DAYS_AHEAD_MAX: i64 = 366;
/// Longest hall id.
pub const HALL_ID_MAX: usize = 40;

/// An opening session, minutes after midnight: `start` inclusive, `end` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: u16,
    pub end: u16,
}

impl Span {
    /// `"09:00–12:00"`.
    pub fn label(self) -> String {
        format!("{}–{}", clock(self.start), clock(self.end))
    }
}

/// `540` → `"09:00"`.
pub fn clock(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// `"09:00"` → `540`; `"24:00"` is the end of the day.
pub fn parse_clock(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// A day's sessions as one line: `"09:00-12:00, 13:30-17:30"`; empty when closed.
pub fn sessions_line(sessions: &[Span]) -> String {
    sessions
        .iter()
        .map(|s| format!("{}-{}", clock(s.start), clock(s.end)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a line of sessions as a person types it: separated by commas (or
/// 、，；), each `start-end` with `-`, `–` or `~`. Empty is a day with no
/// sessions; `None` when a part cannot be read. Order and overlaps are left to
/// [`check_sessions`].
pub fn parse_sessions(line: &str) -> Option<Vec<Span>> {
    line.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (a, b) = part.split_once(['-', '–', '~', '～'])?;
            Some(Span {
                start: parse_clock(a.trim())?,
                end: parse_clock(b.trim())?,
            })
        })
        .collect()
}

/// Checks one day's sessions: each within the day and longer than zero, at most
/// [`SESSIONS_PER_DAY_MAX`], none overlapping another. Breaks are the gaps.
pub fn check_sessions(errors: &mut FieldErrors, field: &str, sessions: &[Span]) {
    if sessions.len() > SESSIONS_PER_DAY_MAX {
        push(errors, field, "too_many_sessions");
    }
    if sessions.iter().any(|s| s.start >= s.end || s.end > 1440) {
        push(errors, field, "invalid_session");
        return;
    }
    let mut sorted = sessions.to_vec();
    sorted.sort();
    if sorted.windows(2).any(|w| w[1].start < w[0].end) {
        push(errors, field, "sessions_overlap");
    }
}

/// `GET`/`PUT /console/halls/{hall}/hours`: the weekly pattern.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    pub slot_minutes: u16,
    /// Monday first: seven days, each its sessions (none: closed that weekday).
    pub weekdays: Vec<Vec<Span>>,
    /// The version read: a save from an older one is refused.
    pub version: i64,
}

/// The errors of an opening-hours edit; fields `slot_minutes`, `weekdays` and
/// `weekday_1` … `weekday_7`.
pub fn check_hours(errors: &mut FieldErrors, hours: &Hours) {
    if !(SLOT_MINUTES_MIN..=SLOT_MINUTES_MAX).contains(&hours.slot_minutes) {
        push(errors, "slot_minutes", "invalid_slot_minutes");
    }
    if hours.weekdays.len() != 7 {
        push(errors, "weekdays", "seven_weekdays");
        return;
    }
    for (i, day) in hours.weekdays.iter().enumerate() {
        check_sessions(errors, &format!("weekday_{}", i + 1), day);
    }
}

/// A hall's public profile, as the kiosk shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HallProfile {
    pub names: LocalizedText,
    pub address: LocalizedText,
    pub phone: String,
    pub opening_hours: LocalizedText,
}

/// `GET /console/halls/{hall}` and the answer of its `PUT`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallRecord {
    pub id: String,
    #[serde(flatten)]
    pub profile: HallProfile,
    pub version: i64,
}

/// `PUT /console/halls/{hall}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HallUpdate {
    pub names: LocalizedText,
    pub address: LocalizedText,
    pub phone: String,
    pub opening_hours: LocalizedText,
    pub version: i64,
}

impl HallUpdate {
    pub fn profile(&self) -> HallProfile {
        HallProfile {
            names: self.names.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
            opening_hours: self.opening_hours.clone(),
        }
    }
}

/// `POST /console/halls` (province admins).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewHall {
    pub id: String,
    pub names: LocalizedText,
    pub address: LocalizedText,
    pub phone: String,
    pub opening_hours: LocalizedText,
}

impl NewHall {
    pub fn profile(&self) -> HallProfile {
        HallProfile {
            names: self.names.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
            opening_hours: self.opening_hours.clone(),
        }
    }
}

fn text_ok(s: &str, max: usize) -> bool {
    let t = s.trim();
    !t.is_empty() && t.chars().count() <= max && !t.chars().any(char::is_control)
}

/// A hall id: 2 to [`HALL_ID_MAX`] of `a-z 0-9 -`, starting with a letter or digit,
/// so it stands in a URL path as it is.
pub fn is_hall_id(id: &str) -> bool {
    (2..=HALL_ID_MAX).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && id.as_bytes()[0] != b'-'
}

/// A hall's phone: 3 to 20 of digits, spaces, `-`, `+`, `(`, `)`, at least 3 digits.
pub fn is_hall_phone(phone: &str) -> bool {
    let p = phone.trim();
    (3..=20).contains(&p.len())
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'))
        && p.chars().filter(char::is_ascii_digit).count() >= 3
}

/// The errors of a profile; fields `names`, `address`, `phone`, `opening_hours`.
pub fn check_profile(errors: &mut FieldErrors, p: &HallProfile) {
    if !(text_ok(&p.names.zh_cn, HALL_NAME_MAX) && text_ok(&p.names.en, HALL_NAME_MAX)) {
        push(errors, "names", "invalid_hall_name");
    }
    if !(text_ok(&p.address.zh_cn, ADDRESS_MAX) && text_ok(&p.address.en, ADDRESS_MAX)) {
        push(errors, "address", "invalid_address");
    }
    if !is_hall_phone(&p.phone) {
        push(errors, "phone", "invalid_hall_phone");
    }
    if !(text_ok(&p.opening_hours.zh_cn, HOURS_TEXT_MAX)
        && text_ok(&p.opening_hours.en, HOURS_TEXT_MAX))
    {
        push(errors, "opening_hours", "invalid_hours_text");
    }
}

/// The profile with every text trimmed, as it is stored.
pub fn trimmed(p: &HallProfile) -> HallProfile {
    let t = |l: &LocalizedText| LocalizedText {
        zh_cn: l.zh_cn.trim().to_owned(),
        en: l.en.trim().to_owned(),
    };
    HallProfile {
        names: t(&p.names),
        address: t(&p.address),
        phone: p.phone.trim().to_owned(),
        opening_hours: t(&p.opening_hours),
    }
}

/// `POST /console/halls/{hall}/closures`: a day off (no sessions) or shorter
/// hours (the sessions of that day).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewClosure {
    pub date: String,
    pub reason: String,
    #[serde(default)]
    pub sessions: Vec<Span>,
}

/// The errors of a new closure on `today`; fields `date`, `reason`, `sessions`.
pub fn check_closure(errors: &mut FieldErrors, c: &NewClosure, today: Date) {
    match Date::parse_iso(&c.date) {
        None => push(errors, "date", "invalid_date"),
        Some(d) if d < today => push(errors, "date", "date_in_past"),
        Some(d) if d.days_since_epoch() - today.days_since_epoch() > CLOSURE_DAYS_AHEAD_MAX => {
            push(errors, "date", "date_too_far")
        }
        Some(_) => {}
    }
    if !text_ok(&c.reason, REASON_MAX) {
        push(errors, "reason", "invalid_reason");
    }
    check_sessions(errors, "sessions", &c.sessions);
}

/// A closure as the console lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub date: String,
    /// Empty for a holiday set with `kiosk-server admin closure`.
    pub reason: String,
    /// Empty: closed all day; otherwise the shorter hours of that day.
    pub sessions: Vec<Span>,
    /// Standing bookings that fall outside the day's hours: people to call.
    pub bookings: u32,
}

/// A booking on a closed day or hour, to call: name and phone masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedBooking {
    pub reference: String,
    pub service_id: String,
    pub slot_start: String,
    pub name_masked: String,
    pub phone_masked: String,
}

/// The answer to `POST …/closures`: the closure and the bookings it leaves
/// standing outside the hours (they are not cancelled: someone calls them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureCreated {
    pub closure: Closure,
    pub bookings: Vec<AffectedBooking>,
}

/// Whether a visitor came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Arrived,
    NoShow,
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Arrived => "arrived",
            Attendance::NoShow => "no_show",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "arrived" => Some(Attendance::Arrived),
            "no_show" => Some(Attendance::NoShow),
            _ => None,
        }
    }
}

/// Why a check-in is refused, or `None` when it may be recorded: only on the
/// slot's own day, and a no-show only once the slot has started.
pub fn check_in_refusal(
    attendance: Attendance,
    slot_start_unix: i64,
    slot_date: Date,
    now_unix: i64,
    today: Date,
) -> Option<&'static str> {
    if slot_date != today {
        Some("not_today")
    } else if attendance == Attendance::NoShow && now_unix < slot_start_unix {
        Some("slot_not_started")
    } else {
        None
    }
}

/// `POST /console/halls/{hall}/appointments/{reference}/attendance`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRequest {
    pub attendance: Attendance,
}

/// A day's appointment as the counter sees it: name and phone masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallAppointment {
    pub reference: String,
    pub service_id: String,
    pub slot_start: String,
    pub slot_end: String,
    pub name_masked: String,
    pub phone_masked: String,
    /// `booked` or `cancelled`.
    pub status: crate::api::AppointmentStatus,
    pub attendance: Option<Attendance>,
}

/// `POST …/appointments/{reference}/phone`: the full number, for calling; audited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealedPhone {
    pub phone: String,
}

/// A service as a hall offers it (or could).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HallService {
    pub service_id: String,
    pub names: LocalizedText,
    pub offered: bool,
    /// Seats per slot for new slots (0 when not offered).
    pub capacity: u32,
    /// 0 while not offered; an edit sends the version it read.
    pub version: i64,
}

/// `PUT /console/halls/{hall}/services/{service}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HallServiceUpdate {
    pub offered: bool,
    pub capacity: u32,
    pub version: i64,
}

/// `invalid_capacity` unless 1 ≤ `capacity` ≤ [`CAPACITY_MAX`].
pub fn check_capacity(errors: &mut FieldErrors, capacity: u32) {
    if !(1..=CAPACITY_MAX).contains(&capacity) {
        push(errors, "capacity", "invalid_capacity");
    }
}

/// One slot's seats as the console shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotCapacity {
    pub start: String,
    pub end: String,
    pub capacity: u32,
    pub taken: u32,
}

/// `PUT /console/halls/{hall}/slots`: one slot's seats. `expected` is the
/// capacity the admin saw, so two edits of one slot do not overwrite each other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SlotCapacityUpdate {
    pub service_id: String,
    pub start: String,
    pub capacity: u32,
    pub expected: u32,
}

/// A kiosk as the hall console lists it: never its secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskInfo {
    pub id: String,
    pub hall_id: String,
    /// Fewer than [`crate::api::MISSED_HEARTBEATS_OFFLINE`] heartbeats missed.
    pub online: bool,
    pub last_seen_at: Option<String>,
    pub version: Option<String>,
    pub errors: Option<u64>,
    /// When a visitor last touched it (from its last heartbeat).
    pub last_touch_at: Option<String>,
    pub heartbeat_s: Option<u64>,
    /// Requests its edge holds for the central, as its last heartbeat said.
    pub outbox: Option<u64>,
    pub maintenance: bool,
    pub message: Option<LocalizedText>,
    pub back_at: Option<String>,
    /// `secret`, `local` or `revoked`.
    pub credential: String,
}

/// `POST /console/halls/{hall}/kiosks`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewKiosk {
    pub id: String,
}

/// The answer to registering a kiosk: its secret, shown this once only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskRegistered {
    pub id: String,
    pub secret: String,
}

/// Longest kiosk id.
pub const KIOSK_ID_MAX: usize = 64;

/// A kiosk id: 1 to [`KIOSK_ID_MAX`] of `A-Z a-z 0-9 _ -`.
pub fn is_kiosk_id(id: &str) -> bool {
    (1..=KIOSK_ID_MAX).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// `message_too_long` if a maintenance message is over the limit.
pub fn check_maintenance_message(errors: &mut FieldErrors, m: Option<&LocalizedText>) {
    if let Some(m) = m
        && [&m.zh_cn, &m.en]
            .iter()
            .any(|t| t.chars().count() > MAINTENANCE_MESSAGE_MAX)
    {
        push(errors, "message", "message_too_long");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(a: &str, b: &str) -> Span {
        Span {
            start: parse_clock(a).unwrap(),
            end: parse_clock(b).unwrap(),
        }
    }

    fn codes(f: impl FnOnce(&mut FieldErrors)) -> FieldErrors {
        let mut e = FieldErrors::new();
        f(&mut e);
        e
    }

    #[test]
    fn clock_times_read_and_write_back() {
        assert_eq!(parse_clock("09:00"), Some(540));
        assert_eq!(parse_clock("9:30"), Some(570));
        assert_eq!(parse_clock("24:00"), Some(1440));
        for bad in ["24:01", "12:60", "", "9", "x:00", "09:0"] {
            assert_eq!(parse_clock(bad), None, "{bad:?}");
        }
        assert_eq!(clock(13 * 60 + 5), "13:05");
        assert_eq!(span("09:00", "12:00").label(), "09:00–12:00");
    }

    #[test]
    fn a_line_of_sessions_reads_back_as_written() {
        let day = parse_sessions("09:00-12:00， 13:30–17:30").unwrap();
        assert_eq!(day, [span("09:00", "12:00"), span("13:30", "17:30")]);
        assert_eq!(sessions_line(&day), "09:00-12:00, 13:30-17:30");
        assert_eq!(parse_sessions("  "), Some(vec![]));
        for bad in ["9-12", "09:00", "09:00-25:00", "上午"] {
            assert_eq!(parse_sessions(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_day_with_a_lunch_break_is_valid_and_overlaps_are_not() {
        let ok =
            codes(|e| check_sessions(e, "d", &[span("13:30", "17:30"), span("09:00", "12:00")]));
        assert!(ok.is_empty());
        let overlap =
            codes(|e| check_sessions(e, "d", &[span("09:00", "12:30"), span("12:00", "17:00")]));
        assert_eq!(overlap["d"], ["sessions_overlap"]);
        let backwards = codes(|e| {
            check_sessions(
                e,
                "d",
                &[Span {
                    start: 600,
                    end: 600,
                }],
            )
        });
        assert_eq!(backwards["d"], ["invalid_session"]);
        let late = codes(|e| {
            check_sessions(
                e,
                "d",
                &[Span {
                    start: 600,
                    end: 1441,
                }],
            )
        });
        assert_eq!(late["d"], ["invalid_session"]);
        let many: Vec<Span> = (0..5)
            .map(|i| Span {
                start: i * 60,
                end: i * 60 + 30,
            })
            .collect();
        assert_eq!(
            codes(|e| check_sessions(e, "d", &many))["d"],
            ["too_many_sessions"]
        );
    }

    #[test]
    fn hours_need_seven_days_and_a_slot_length_in_range() {
        let mut h = Hours {
            slot_minutes: 30,
            weekdays: vec![vec![span("09:00", "12:00")]; 7],
            version: 1,
        };
        assert!(codes(|e| check_hours(e, &h)).is_empty());
        h.slot_minutes = 4;
        h.weekdays[2] = vec![span("09:00", "12:00"), span("11:00", "13:00")];
        let e = codes(|e| check_hours(e, &h));
        assert_eq!(e["slot_minutes"], ["invalid_slot_minutes"]);
        assert_eq!(e["weekday_3"], ["sessions_overlap"]);
        h.weekdays.pop();
        assert_eq!(
            codes(|e| check_hours(e, &h))["weekdays"],
            ["seven_weekdays"]
        );
    }

    #[test]
    fn a_closure_is_today_or_later_within_a_year_with_a_reason() {
        let today = Date::new(2026, 11, 30).unwrap();
        let c = |date: &str, reason: &str| NewClosure {
            date: date.into(),
            reason: reason.into(),
            sessions: vec![],
        };
        assert!(codes(|e| check_closure(e, &c("2026-11-30", "设备检修"), today)).is_empty());
        assert_eq!(
            codes(|e| check_closure(e, &c("2026-11-29", "x"), today))["date"],
            ["date_in_past"]
        );
        assert_eq!(
            codes(|e| check_closure(e, &c("2028-01-01", "x"), today))["date"],
            ["date_too_far"]
        );
        assert_eq!(
            codes(|e| check_closure(e, &c("2026-13-01", "x"), today))["date"],
            ["invalid_date"]
        );
        assert_eq!(
            codes(|e| check_closure(e, &c("2026-12-01", "  "), today))["reason"],
            ["invalid_reason"]
        );
        let long = "因".repeat(REASON_MAX + 1);
        assert_eq!(
            codes(|e| check_closure(e, &c("2026-12-01", &long), today))["reason"],
            ["invalid_reason"]
        );
    }

    #[test]
    fn profiles_need_both_languages_and_a_phone() {
        let t = |s: &str| LocalizedText {
            zh_cn: s.into(),
            en: s.into(),
        };
        let mut p = HallProfile {
            names: t("东区中心"),
            address: t("人民路 1 号"),
            phone: "010-1234 5678".into(),
            opening_hours: t("周一至周五"),
        };
        assert!(codes(|e| check_profile(e, &p)).is_empty());
        p.names.en = " ".into();
        p.phone = "12a".into();
        p.address = t(&"路".repeat(ADDRESS_MAX + 1));
        let e = codes(|e| check_profile(e, &p));
        assert_eq!(e["names"], ["invalid_hall_name"]);
        assert_eq!(e["phone"], ["invalid_hall_phone"]);
        assert_eq!(e["address"], ["invalid_address"]);
        assert!(!is_hall_phone("--"));
        assert!(is_hall_phone("+86 (10) 1234"));
    }

    #[test]
    fn hall_and_kiosk_ids_are_url_safe() {
        assert!(is_hall_id("demo-hall"));
        assert!(is_hall_id("e2"));
        for bad in ["x", "-east", "East", "east hall", "东区", &"a".repeat(41)] {
            assert!(!is_hall_id(bad), "{bad:?}");
        }
        assert!(is_kiosk_id("kiosk-2_B"));
        assert!(!is_kiosk_id(""));
        assert!(!is_kiosk_id("kiosk/2"));
    }

    #[test]
    fn capacity_is_one_to_the_maximum() {
        assert!(codes(|e| check_capacity(e, 1)).is_empty());
        assert!(codes(|e| check_capacity(e, CAPACITY_MAX)).is_empty());
        assert_eq!(
            codes(|e| check_capacity(e, 0))["capacity"],
            ["invalid_capacity"]
        );
        assert_eq!(
            codes(|e| check_capacity(e, CAPACITY_MAX + 1))["capacity"],
            ["invalid_capacity"]
        );
    }

    #[test]
    fn check_in_is_for_today_and_no_show_only_after_the_slot_starts() {
        let today = Date::new(2026, 11, 30).unwrap();
        let start = 1_000_000;
        let refuse = |a, now, date| check_in_refusal(a, start, date, now, today);
        assert_eq!(refuse(Attendance::Arrived, start - 600, today), None);
        assert_eq!(
            refuse(Attendance::NoShow, start - 1, today),
            Some("slot_not_started")
        );
        assert_eq!(refuse(Attendance::NoShow, start, today), None);
        let tomorrow = today.plus_days(1).unwrap();
        assert_eq!(
            refuse(Attendance::Arrived, start, tomorrow),
            Some("not_today")
        );
    }

    #[test]
    fn maintenance_messages_have_a_limit() {
        let long = LocalizedText {
            zh_cn: "维".repeat(MAINTENANCE_MESSAGE_MAX + 1),
            en: "ok".into(),
        };
        assert_eq!(
            codes(|e| check_maintenance_message(e, Some(&long)))["message"],
            ["message_too_long"]
        );
        assert!(codes(|e| check_maintenance_message(e, None)).is_empty());
    }
}
