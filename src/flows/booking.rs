//! The booking flow's rules, apart from its screens: the steps a visitor goes
//! through, what each needs before moving on, the 14-day calendar built from the
//! hall's slots, and the request it finally sends. Pure, tested natively; the
//! draft lives in memory only and dies with the visit.

use std::collections::BTreeMap;

use kiosk_core::{
    Lang,
    api::{AppointmentRequest, Need, Service, Slot},
    date::Date,
    hall_time::HallTime,
    rules::{PhoneKind, Refusal, check_consent, check_id_number, check_name, check_phone},
};

use crate::{
    flows::wizard::{At, Wizard},
    text::{
        Msg,
        labels::{phone_message, refusal_message},
    },
};

/// Days offered for booking, today included.
pub const DAYS_AHEAD: i64 = 14;

/// One screen of the booking flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Service,
    Day,
    Time,
    Name,
    Phone,
    IdNumber,
    Needs,
    Consent,
    Check,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Service,
        Step::Day,
        Step::Time,
        Step::Name,
        Step::Phone,
        Step::IdNumber,
        Step::Needs,
        Step::Consent,
        Step::Check,
    ];

    /// The step's path segment under `/booking/` (the first step is `/booking`).
    pub fn slug(self) -> &'static str {
        match self {
            Step::Service => "service",
            Step::Day => "day",
            Step::Time => "time",
            Step::Name => "name",
            Step::Phone => "phone",
            Step::IdNumber => "id",
            Step::Needs => "needs",
            Step::Consent => "notice",
            Step::Check => "check",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// How a day looks on the calendar: never by colour alone, always in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayState {
    /// The hall is closed (weekend, holiday).
    Closed,
    /// Open, but every slot is taken.
    Full,
    /// Places left, in this many slots.
    Open { free_slots: usize },
}

/// A calendar day for the day step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    /// ISO weekday, 1 = Monday.
    pub weekday: u8,
    pub state: DayState,
}

/// The next [`DAYS_AHEAD`] days with their state, from the slots the server listed
/// (the server leaves out past slots and closed days, and lists full slots).
pub fn calendar(today: Date, slots: &[Slot]) -> Vec<Day> {
    let mut by_day: BTreeMap<Date, (usize, usize)> = BTreeMap::new();
    for slot in slots {
        if let Some(start) = HallTime::parse_rfc3339(&slot.start) {
            let entry = by_day.entry(start.date()).or_default();
            entry.0 += 1;
            if slot.remaining > 0 {
                entry.1 += 1;
            }
        }
    }
    (0..DAYS_AHEAD)
        .filter_map(|d| today.plus_days(d))
        .map(|date| Day {
            date,
            weekday: date.weekday(),
            state: match by_day.get(&date) {
                None | Some((0, _)) => DayState::Closed,
                Some((_, 0)) => DayState::Full,
                Some((_, free)) => DayState::Open { free_slots: *free },
            },
        })
        .collect()
}

/// The slots of one day, in time order.
pub fn slots_on(date: Date, slots: &[Slot]) -> Vec<Slot> {
    let mut day: Vec<Slot> = slots
        .iter()
        .filter(|s| HallTime::parse_rfc3339(&s.start).is_some_and(|t| t.date() == date))
        .cloned()
        .collect();
    day.sort_by(|a, b| a.start.cmp(&b.start));
    day
}

/// What the visitor has entered so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub service: Option<Service>,
    pub day: Option<Date>,
    pub slot: Option<Slot>,
    pub name: String,
    /// Digits only, as typed on the keypad.
    pub phone: String,
    pub id_number: String,
    pub needs: Vec<Need>,
    /// The notice version the visitor agreed to.
    pub consent: Option<String>,
}

/// Version of the booking notice (sent with the booking; change it with the text).
pub const NOTICE_VERSION: &str = "booking-2026-11";

impl Wizard for Draft {
    type Step = Step;

    fn steps(&self, _: &At) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| *s != Step::IdNumber || self.needs_id())
            .collect()
    }

    fn check(&self, step: Step, at: &At) -> Option<Msg> {
        let refused = |r: Result<(), Refusal>| r.err().map(refusal_message);
        match step {
            Step::Service => self.service.is_none().then_some(Msg::ChooseService),
            Step::Day => self.day.is_none().then_some(Msg::ChooseDay),
            Step::Time => self.slot.is_none().then_some(Msg::ChooseTime),
            Step::Name => refused(check_name(&self.name).map(drop)),
            Step::Phone => check_phone(&self.phone, PhoneKind::BOOKING)
                .err()
                .map(phone_message),
            Step::IdNumber => refused(check_id_number(&self.id_number, at.today).map(drop)),
            Step::Needs | Step::Check => None,
            Step::Consent => refused(check_consent(self.consent.as_deref()).map(drop)),
        }
    }

    fn review(&self) -> Option<Step> {
        Some(Step::Check)
    }
}

impl Draft {
    /// Whether the chosen service needs an ID number before arrival.
    pub fn needs_id(&self) -> bool {
        self.service.as_ref().is_some_and(|s| s.requires_id_number)
    }

    /// A new choice of service forgets the day and time (they were its slots) and
    /// an ID number the new service does not need.
    pub fn choose_service(&mut self, service: Service) {
        if self.service.as_ref().map(|s| &s.id) != Some(&service.id) {
            self.day = None;
            self.slot = None;
        }
        if !service.requires_id_number {
            self.id_number.clear();
        }
        self.service = Some(service);
    }

    /// A new day forgets the time chosen on another day.
    pub fn choose_day(&mut self, day: Date) {
        if self.day != Some(day) {
            self.slot = None;
        }
        self.day = Some(day);
    }

    /// The request to send, once every step is fine.
    pub fn request(
        &self,
        hall_id: &str,
        language: Lang,
        kiosk_id: Option<String>,
        at: &At,
    ) -> Option<AppointmentRequest> {
        if self.first_problem(at).is_some() {
            return None;
        }
        Some(AppointmentRequest {
            hall_id: hall_id.to_owned(),
            service_id: self.service.as_ref()?.id.clone(),
            slot_start: self.slot.as_ref()?.start.clone(),
            name: check_name(&self.name).ok()?.to_owned(),
            phone: check_phone(&self.phone, PhoneKind::BOOKING).ok()?,
            id_number: self.needs_id().then(|| self.id_number.trim().to_owned()),
            needs: self.needs.clone(),
            language,
            consent_version: self.consent.clone(),
            kiosk_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use kiosk_core::api::LocalizedText;

    use super::*;

    fn text(s: &str) -> LocalizedText {
        LocalizedText {
            zh_cn: s.into(),
            en: s.into(),
        }
    }

    fn service(id: &str, requires_id_number: bool) -> Service {
        Service {
            id: id.into(),
            names: text(id),
            descriptions: text(id),
            duration_minutes: 30,
            requires_id_number,
            materials: vec![],
        }
    }

    fn slot(start: &str, remaining: u32) -> Slot {
        Slot {
            start: start.into(),
            end: start.replace(":00:00", ":30:00"),
            capacity: 3,
            remaining,
        }
    }

    fn today() -> Date {
        Date::new(2026, 11, 29).unwrap() // a Sunday
    }

    fn at() -> At {
        At {
            today: today(),
            standards: std::sync::Arc::new(kiosk_core::eligibility::Standards::embedded().clone()),
        }
    }

    #[test]
    fn the_calendar_has_fourteen_days_each_closed_full_or_open_in_words() {
        let slots = [
            slot("2026-11-30T09:00:00+08:00", 0),
            slot("2026-11-30T10:00:00+08:00", 2),
            slot("2026-12-01T09:00:00+08:00", 0),
        ];
        let days = calendar(today(), &slots);
        assert_eq!(days.len(), 14);
        assert_eq!(days[0].state, DayState::Closed, "Sunday");
        assert_eq!(days[0].weekday, 7);
        assert_eq!(days[1].state, DayState::Open { free_slots: 1 });
        assert_eq!(days[2].state, DayState::Full);
        assert_eq!(days[3].state, DayState::Closed, "no slots listed");
        assert_eq!(days[13].date, Date::new(2026, 12, 12).unwrap());
    }

    #[test]
    fn a_days_slots_come_in_time_order() {
        let slots = [
            slot("2026-11-30T10:00:00+08:00", 1),
            slot("2026-12-01T09:00:00+08:00", 1),
            slot("2026-11-30T09:00:00+08:00", 1),
        ];
        let day = slots_on(Date::new(2026, 11, 30).unwrap(), &slots);
        assert_eq!(day.len(), 2);
        assert_eq!(day[0].start, "2026-11-30T09:00:00+08:00");
    }

    #[test]
    fn the_id_step_appears_only_for_services_that_need_identity() {
        let mut d = Draft::default();
        d.choose_service(service("consultation", false));
        assert!(!d.steps(&at()).contains(&Step::IdNumber));
        assert_eq!(d.steps(&at())[5], Step::Needs);
        d.choose_service(service("legal_aid", true));
        assert_eq!(d.steps(&at())[5], Step::IdNumber);
        assert_eq!(d.previous(Step::Needs, &at()), Some(Step::IdNumber));
        assert_eq!(d.previous(Step::Service, &at()), None);
    }

    #[test]
    fn each_step_says_what_is_missing() {
        let mut d = Draft::default();
        assert_eq!(d.check(Step::Service, &at()), Some(Msg::ChooseService));
        d.name = "  ".into();
        assert_eq!(d.check(Step::Name, &at()), Some(Msg::NameRequired));
        d.name = "张".repeat(31);
        assert_eq!(d.check(Step::Name, &at()), Some(Msg::NameTooLong));
        d.name = "张三".into();
        assert_eq!(d.check(Step::Name, &at()), None);
        d.phone = "1381234567".into();
        assert_eq!(d.check(Step::Phone, &at()), Some(Msg::PhoneTooShort));
        d.phone = "13812345678".into();
        assert_eq!(d.check(Step::Phone, &at()), None);
        d.id_number = "130402198207290622".into();
        assert_eq!(d.check(Step::IdNumber, &at()), Some(Msg::IdCheckCharacter));
        assert_eq!(d.check(Step::Consent, &at()), Some(Msg::ConsentRequired));
    }

    #[test]
    fn changing_the_service_or_day_forgets_what_depended_on_it() {
        let mut d = Draft::default();
        d.choose_service(service("legal_aid", true));
        d.id_number = "11010519491231002X".into();
        d.choose_day(Date::new(2026, 11, 30).unwrap());
        d.slot = Some(slot("2026-11-30T09:00:00+08:00", 1));
        d.choose_day(Date::new(2026, 12, 1).unwrap());
        assert_eq!(d.slot, None);
        d.slot = Some(slot("2026-12-01T09:00:00+08:00", 1));
        d.choose_service(service("consultation", false));
        assert_eq!((d.day, d.slot.clone()), (None, None));
        assert!(
            d.id_number.is_empty(),
            "an ID the service does not need is dropped"
        );
    }

    #[test]
    fn the_request_is_made_only_from_a_complete_draft() {
        let mut d = Draft::default();
        d.choose_service(service("legal_aid", true));
        d.choose_day(Date::new(2026, 11, 30).unwrap());
        d.slot = Some(slot("2026-11-30T09:00:00+08:00", 1));
        d.name = " 张三 ".into();
        d.phone = "13812345678".into();
        d.id_number = "11010519491231002X".into();
        assert_eq!(
            d.request("demo-hall", Lang::ZhCn, None, &at()),
            None,
            "no consent yet"
        );
        assert_eq!(
            d.first_problem(&at()),
            Some((Step::Consent, Msg::ConsentRequired))
        );
        d.consent = Some("2026-11".into());
        let req = d
            .request("demo-hall", Lang::ZhCn, Some("kiosk-1".into()), &at())
            .unwrap();
        assert_eq!(req.name, "张三");
        assert_eq!(req.service_id, "legal_aid");
        assert_eq!(req.id_number.as_deref(), Some("11010519491231002X"));
        assert_eq!(req.consent_version.as_deref(), Some("2026-11"));
        assert_eq!(req.kiosk_id.as_deref(), Some("kiosk-1"));
    }
}
