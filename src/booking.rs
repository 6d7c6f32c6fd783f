//! The booking flow's rules (#5), apart from its screens: the steps a visitor goes
//! through, what each needs before moving on, the 14-day calendar built from the
//! hall's slots, and the request it finally sends. Pure, tested natively; the
//! draft lives in memory only and dies with the visit.

use std::collections::BTreeMap;

use kiosk_core::{
    Lang,
    api::{AppointmentRequest, Need, Service, Slot},
    date::Date,
    hall_time::HallTime,
    validate::{IdNumberError, PhoneError, normalize_mobile, validate_id_number},
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

/// Why the visitor cannot move on yet; each maps to a spoken and visible message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    ChooseService,
    ChooseDay,
    ChooseTime,
    NameRequired,
    NameTooLong,
    Phone(PhoneError),
    IdNumber(IdNumberError),
    ConsentRequired,
}

/// Longest name, in characters (the server's limit too).
pub const NAME_MAX: usize = 30;

impl Problem {
    /// What the visitor is told, on screen and (in audio mode) aloud.
    pub fn message(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Problem::ChooseService => Msg::ChooseService,
            Problem::ChooseDay => Msg::ChooseDay,
            Problem::ChooseTime => Msg::ChooseTime,
            Problem::NameRequired => Msg::NameRequired,
            Problem::NameTooLong => Msg::NameTooLong,
            Problem::Phone(_) => Msg::PhoneNotMobile,
            Problem::IdNumber(e) => id_message(e),
            Problem::ConsentRequired => Msg::ConsentRequired,
        }
    }
}

/// The words for an ID number problem.
pub fn id_message(e: IdNumberError) -> crate::i18n::Msg {
    use crate::i18n::Msg;
    match e {
        IdNumberError::Empty => Msg::IdEmpty,
        IdNumberError::Length => Msg::IdLength,
        IdNumberError::Characters => Msg::IdCharacters,
        IdNumberError::Region => Msg::IdRegion,
        IdNumberError::BirthDate | IdNumberError::FutureBirthDate => Msg::IdBirthDate,
        IdNumberError::CheckCharacter => Msg::IdCheckCharacter,
    }
}

impl Draft {
    /// Whether the chosen service needs an ID number before arrival.
    pub fn needs_id(&self) -> bool {
        self.service.as_ref().is_some_and(|s| s.requires_id_number)
    }

    /// The steps of this visitor's flow, in order.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps = vec![
            Step::Service,
            Step::Day,
            Step::Time,
            Step::Name,
            Step::Phone,
        ];
        if self.needs_id() {
            steps.push(Step::IdNumber);
        }
        steps.extend([Step::Needs, Step::Consent, Step::Check]);
        steps
    }

    /// The step after `step`.
    pub fn next(&self, step: Step) -> Option<Step> {
        let steps = self.steps();
        steps
            .iter()
            .position(|s| *s == step)
            .and_then(|i| steps.get(i + 1))
            .copied()
    }

    /// The step before `step` (`None` on the first).
    pub fn previous(&self, step: Step) -> Option<Step> {
        let steps = self.steps();
        steps
            .iter()
            .position(|s| *s == step)
            .and_then(|i| i.checked_sub(1))
            .map(|i| steps[i])
    }

    /// What stops the visitor leaving `step`, if anything.
    pub fn check(&self, step: Step, today: Date) -> Option<Problem> {
        match step {
            Step::Service => self.service.is_none().then_some(Problem::ChooseService),
            Step::Day => self.day.is_none().then_some(Problem::ChooseDay),
            Step::Time => self.slot.is_none().then_some(Problem::ChooseTime),
            Step::Name => match self.name.trim().chars().count() {
                0 => Some(Problem::NameRequired),
                n if n > NAME_MAX => Some(Problem::NameTooLong),
                _ => None,
            },
            Step::Phone => normalize_mobile(&self.phone).err().map(Problem::Phone),
            Step::IdNumber => validate_id_number(&self.id_number, today)
                .err()
                .map(Problem::IdNumber),
            Step::Needs | Step::Check => None,
            Step::Consent => self.consent.is_none().then_some(Problem::ConsentRequired),
        }
    }

    /// The first step with a problem, for the check-answers screen's summary.
    pub fn first_problem(&self, today: Date) -> Option<(Step, Problem)> {
        self.steps()
            .into_iter()
            .find_map(|s| self.check(s, today).map(|p| (s, p)))
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
        today: Date,
    ) -> Option<AppointmentRequest> {
        if self.first_problem(today).is_some() {
            return None;
        }
        Some(AppointmentRequest {
            hall_id: hall_id.to_owned(),
            service_id: self.service.as_ref()?.id.clone(),
            slot_start: self.slot.as_ref()?.start.clone(),
            name: self.name.trim().to_owned(),
            phone: normalize_mobile(&self.phone).ok()?,
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
        assert!(!d.steps().contains(&Step::IdNumber));
        assert_eq!(d.next(Step::Phone), Some(Step::Needs));
        d.choose_service(service("legal_aid", true));
        assert_eq!(d.next(Step::Phone), Some(Step::IdNumber));
        assert_eq!(d.previous(Step::Needs), Some(Step::IdNumber));
        assert_eq!(d.previous(Step::Service), None);
    }

    #[test]
    fn each_step_says_what_is_missing() {
        let mut d = Draft::default();
        assert_eq!(
            d.check(Step::Service, today()),
            Some(Problem::ChooseService)
        );
        d.name = "  ".into();
        assert_eq!(d.check(Step::Name, today()), Some(Problem::NameRequired));
        d.name = "张".repeat(31);
        assert_eq!(d.check(Step::Name, today()), Some(Problem::NameTooLong));
        d.name = "张三".into();
        assert_eq!(d.check(Step::Name, today()), None);
        d.phone = "1381234567".into();
        assert_eq!(
            d.check(Step::Phone, today()),
            Some(Problem::Phone(PhoneError::NotMobile))
        );
        d.phone = "13812345678".into();
        assert_eq!(d.check(Step::Phone, today()), None);
        d.id_number = "130402198207290622".into();
        assert_eq!(
            d.check(Step::IdNumber, today()),
            Some(Problem::IdNumber(IdNumberError::CheckCharacter))
        );
        assert_eq!(
            d.check(Step::Consent, today()),
            Some(Problem::ConsentRequired)
        );
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
            d.request("demo-hall", Lang::ZhCn, None, today()),
            None,
            "no consent yet"
        );
        assert_eq!(
            d.first_problem(today()),
            Some((Step::Consent, Problem::ConsentRequired))
        );
        d.consent = Some("2026-11".into());
        let req = d
            .request("demo-hall", Lang::ZhCn, Some("kiosk-1".into()), today())
            .unwrap();
        assert_eq!(req.name, "张三");
        assert_eq!(req.service_id, "legal_aid");
        assert_eq!(req.id_number.as_deref(), Some("11010519491231002X"));
        assert_eq!(req.consent_version.as_deref(), Some("2026-11"));
        assert_eq!(req.kiosk_id.as_deref(), Some("kiosk-1"));
    }
}
