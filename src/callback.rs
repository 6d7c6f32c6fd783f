//! The 12348 callback request's rules, apart from its screens: the steps, what
//! each needs before moving on, and the request it finally sends. The draft lives
//! in memory only and dies with the visit.

use kiosk_core::{
    Lang,
    api::{Asap, CallbackRequest, Need, Period, Preferred, Topic},
    date::Date,
};

use crate::{
    booking::NAME_MAX,
    flow::{PhoneKind, phone_final},
    i18n::Msg,
};

/// Days a visitor may choose for the call, today included (the server allows 14).
pub const CALL_DAYS_AHEAD: i64 = 7;
/// Longest note, in characters (the server takes up to 500; a kiosk note is short).
pub const NOTE_MAX: usize = 200;

/// Communication needs a caller should know about.
pub const CALL_NEEDS: [Need; 4] = [
    Need::TextCommunication,
    Need::SignLanguage,
    Need::Dialect,
    Need::HearingAid,
];

/// One screen of the callback flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Topic,
    When,
    Phone,
    Name,
    Safety,
    Needs,
    Note,
    Consent,
    Check,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Topic,
        Step::When,
        Step::Phone,
        Step::Name,
        Step::Safety,
        Step::Needs,
        Step::Note,
        Step::Consent,
        Step::Check,
    ];

    /// The step's path segment under `/callback/`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Topic => "topic",
            Step::When => "when",
            Step::Phone => "phone",
            Step::Name => "name",
            Step::Safety => "safety",
            Step::Needs => "needs",
            Step::Note => "note",
            Step::Consent => "notice",
            Step::Check => "check",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The step after this one.
    pub fn next(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(i + 1).copied()
    }

    /// The step before this one.
    pub fn previous(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        i.checked_sub(1).map(|i| Step::ALL[i])
    }
}

/// When the visitor would like the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Asap,
    /// A day, and a part of it once chosen.
    Day(Date, Option<Period>),
}

/// What the visitor has entered so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub topic: Option<Topic>,
    pub when: Option<When>,
    /// Digits only, as typed on the keypad.
    pub phone: String,
    /// Optional: a surname is enough.
    pub name: String,
    /// May the caller say they are from 12348? `None` until answered.
    pub may_say_12348: Option<bool>,
    pub needs: Vec<Need>,
    pub note: String,
    /// The notice version the visitor agreed to.
    pub consent: Option<String>,
}

impl Draft {
    /// What stops the visitor leaving `step`, as the message to say and show.
    pub fn check(&self, step: Step) -> Option<Msg> {
        match step {
            Step::Topic => self.topic.is_none().then_some(Msg::ChooseTopic),
            Step::When => match self.when {
                None => Some(Msg::ChooseWhen),
                Some(When::Day(_, None)) => Some(Msg::ChoosePeriod),
                Some(_) => None,
            },
            Step::Phone => phone_final(&self.phone, PhoneKind::Any).err(),
            Step::Name => (self.name.trim().chars().count() > NAME_MAX).then_some(Msg::NameTooLong),
            Step::Safety => self.may_say_12348.is_none().then_some(Msg::ChooseYesOrNo),
            Step::Note => (self.note.trim().chars().count() > NOTE_MAX).then_some(Msg::NoteTooLong),
            Step::Needs | Step::Check => None,
            Step::Consent => self.consent.is_none().then_some(Msg::ConsentRequired),
        }
    }

    /// The first step with a problem.
    pub fn first_problem(&self) -> Option<(Step, Msg)> {
        Step::ALL
            .into_iter()
            .find_map(|s| self.check(s).map(|p| (s, p)))
    }

    /// The request to send, once every step is fine.
    pub fn request(&self, language: Lang, kiosk_id: Option<String>) -> Option<CallbackRequest> {
        if self.first_problem().is_some() {
            return None;
        }
        let preferred = match self.when? {
            When::Asap => Preferred::Asap(Asap::Asap),
            When::Day(date, period) => Preferred::At {
                date: date.to_string(),
                period: period?,
            },
        };
        let trimmed = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        Some(CallbackRequest {
            phone: phone_final(&self.phone, PhoneKind::Any).ok()?,
            name: trimmed(&self.name),
            topic: self.topic?,
            preferred,
            language,
            needs: self.needs.clone(),
            may_say_12348: self.may_say_12348,
            note: trimmed(&self.note),
            consent_version: self.consent.clone(),
            kiosk_id,
            reference: None,
            requested_at: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> Draft {
        Draft {
            topic: Some(Topic::Labour),
            when: Some(When::Asap),
            phone: "13812345678".into(),
            may_say_12348: Some(false),
            consent: Some("callback-2026-11".into()),
            ..Draft::default()
        }
    }

    #[test]
    fn steps_run_in_order_with_slugs_both_ways() {
        assert_eq!(Step::Topic.previous(), None);
        assert_eq!(Step::Topic.next(), Some(Step::When));
        assert_eq!(Step::Check.next(), None);
        for s in Step::ALL {
            assert_eq!(Step::from_slug(s.slug()), Some(s));
        }
    }

    #[test]
    fn each_step_says_what_is_missing() {
        let mut d = Draft::default();
        assert_eq!(d.check(Step::Topic), Some(Msg::ChooseTopic));
        assert_eq!(d.check(Step::When), Some(Msg::ChooseWhen));
        d.when = Some(When::Day(Date::new(2026, 12, 1).unwrap(), None));
        assert_eq!(d.check(Step::When), Some(Msg::ChoosePeriod));
        assert_eq!(d.check(Step::Phone), Some(Msg::PhoneEmpty));
        d.phone = "0101234".into();
        assert_eq!(d.check(Step::Phone), Some(Msg::PhoneNotLandline));
        assert_eq!(d.check(Step::Name), None, "a name is optional");
        assert_eq!(d.check(Step::Safety), Some(Msg::ChooseYesOrNo));
        d.note = "字".repeat(NOTE_MAX + 1);
        assert_eq!(d.check(Step::Note), Some(Msg::NoteTooLong));
    }

    #[test]
    fn the_request_carries_what_was_chosen_and_nothing_empty() {
        let mut d = complete();
        let req = d.request(Lang::ZhCn, Some("kiosk-1".into())).unwrap();
        assert_eq!(req.preferred, Preferred::Asap(Asap::Asap));
        assert_eq!((req.name, req.note), (None, None));
        assert_eq!(req.may_say_12348, Some(false));
        d.when = Some(When::Day(
            Date::new(2026, 12, 1).unwrap(),
            Some(Period::Evening),
        ));
        d.name = " 王 ".into();
        d.note = "工资被拖欠三个月".into();
        d.needs = vec![Need::HearingAid];
        let req = d.request(Lang::En, None).unwrap();
        assert_eq!(
            req.preferred,
            Preferred::At {
                date: "2026-12-01".into(),
                period: Period::Evening
            }
        );
        assert_eq!(req.name.as_deref(), Some("王"));
        assert_eq!(req.needs, [Need::HearingAid]);
        d.consent = None;
        assert_eq!(d.request(Lang::En, None), None);
    }
}
