//! The 12348 callback request's rules, apart from its screens: the steps, what
//! each needs before moving on, and the request it finally sends. The draft lives
//! in memory only and dies with the visit.

use kiosk_core::{
    Lang,
    api::{Asap, CallbackRequest, Need, Period, Preferred, Topic},
    date::Date,
    rules::{PhoneKind, check_consent, check_note, check_optional_name, check_phone},
};

use crate::{
    flows::wizard::{At, Wizard},
    text::{
        Msg,
        labels::{phone_message, refusal_message},
    },
};

/// Days a visitor may choose for the call, today included (the server allows 14).
pub const CALL_DAYS_AHEAD: i64 = 7;
/// Version of the callback notice (sent with the request; change it with the text).
pub const NOTICE_VERSION: &str = "callback-2026-11";

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

impl Wizard for Draft {
    type Step = Step;

    fn steps(&self, _: &At) -> Vec<Step> {
        Step::ALL.to_vec()
    }

    fn check(&self, step: Step, _: &At) -> Option<Msg> {
        match step {
            Step::Topic => self.topic.is_none().then_some(Msg::ChooseTopic),
            Step::When => match self.when {
                None => Some(Msg::ChooseWhen),
                Some(When::Day(_, None)) => Some(Msg::ChoosePeriod),
                Some(_) => None,
            },
            Step::Phone => check_phone(&self.phone, PhoneKind::CALLBACK)
                .err()
                .map(phone_message),
            Step::Name => check_optional_name(&self.name).err().map(refusal_message),
            Step::Safety => self.may_say_12348.is_none().then_some(Msg::ChooseYesOrNo),
            Step::Note => check_note(&self.note).err().map(refusal_message),
            Step::Needs | Step::Check => None,
            Step::Consent => check_consent(self.consent.as_deref())
                .err()
                .map(refusal_message),
        }
    }

    fn review(&self) -> Option<Step> {
        Some(Step::Check)
    }
}

impl Draft {
    /// The request to send, once every step is fine.
    pub fn request(
        &self,
        language: Lang,
        kiosk_id: Option<String>,
        at: &At,
    ) -> Option<CallbackRequest> {
        if self.first_problem(at).is_some() {
            return None;
        }
        let preferred = match self.when? {
            When::Asap => Preferred::Asap(Asap::Asap),
            When::Day(date, period) => Preferred::At {
                date: date.to_string(),
                period: period?,
            },
        };
        Some(CallbackRequest {
            phone: check_phone(&self.phone, PhoneKind::CALLBACK).ok()?,
            name: check_optional_name(&self.name).ok()?.map(str::to_owned),
            topic: self.topic?,
            preferred,
            language,
            needs: self.needs.clone(),
            may_say_12348: self.may_say_12348,
            note: check_note(&self.note).ok()?.map(str::to_owned),
            consent_version: self.consent.clone(),
            kiosk_id,
            reference: None,
            requested_at: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use kiosk_core::rules::NOTE_MAX;

    use super::*;

    fn at() -> At {
        At {
            today: Date::new(2026, 11, 29).unwrap(),
            standards: std::sync::Arc::new(kiosk_core::eligibility::Standards::embedded().clone()),
        }
    }

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
        let d = Draft::default();
        assert_eq!(d.previous(Step::Topic, &at()), None);
        assert_eq!(d.previous(Step::When, &at()), Some(Step::Topic));
        for s in Step::ALL {
            assert_eq!(Step::from_slug(s.slug()), Some(s));
        }
    }

    #[test]
    fn each_step_says_what_is_missing() {
        let mut d = Draft::default();
        assert_eq!(d.check(Step::Topic, &at()), Some(Msg::ChooseTopic));
        assert_eq!(d.check(Step::When, &at()), Some(Msg::ChooseWhen));
        d.when = Some(When::Day(Date::new(2026, 12, 1).unwrap(), None));
        assert_eq!(d.check(Step::When, &at()), Some(Msg::ChoosePeriod));
        assert_eq!(d.check(Step::Phone, &at()), Some(Msg::PhoneEmpty));
        d.phone = "0101234".into();
        assert_eq!(d.check(Step::Phone, &at()), Some(Msg::PhoneNotLandline));
        assert_eq!(d.check(Step::Name, &at()), None, "a name is optional");
        assert_eq!(d.check(Step::Safety, &at()), Some(Msg::ChooseYesOrNo));
        d.note = "字".repeat(NOTE_MAX + 1);
        assert_eq!(d.check(Step::Note, &at()), Some(Msg::NoteTooLong));
    }

    #[test]
    fn the_request_carries_what_was_chosen_and_nothing_empty() {
        let mut d = complete();
        let req = d
            .request(Lang::ZhCn, Some("kiosk-1".into()), &at())
            .unwrap();
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
        let req = d.request(Lang::En, None, &at()).unwrap();
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
        assert_eq!(d.request(Lang::En, None, &at()), None);
    }
}
