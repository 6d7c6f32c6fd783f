//! `/eligibility/…`: the legal-aid self-check. The layout holds the visitor's
//! answers in memory for this visit only (never in storage or the URL); the
//! intro, one screen per question, the check-answers screen and the result are
//! its children. The result is computed in the kiosk: no request carries answers.

pub mod check;
pub mod intro;
pub mod question;
pub mod result;

use std::sync::{Arc, OnceLock, RwLock};

use kiosk_core::{
    Lang,
    date::Date,
    eligibility::{CriminalCategory, Likelihood, Matter, Route, Standards, Status},
    hall_time::HallTime,
};
use leptos::prelude::*;
use leptos_router::components::Outlet;

use crate::{
    api,
    i18n::{Msg, fill},
    self_check::{Answers, Category, Question, Urgency},
};

/// The answers of this visit, shared by the self-check screens.
#[derive(Clone, Copy, Debug)]
pub struct SelfCheck(pub RwSignal<Answers>);

pub fn use_self_check() -> SelfCheck {
    expect_context::<SelfCheck>()
}

/// Standards fetched from the server this uptime, if any.
static FETCHED: RwLock<Option<Arc<Standards>>> = RwLock::new(None);

/// The financial standards in force: the hall's, as the server last served them
/// (so a hall can update figures without a new kiosk build), else the ones built
/// into the kiosk, so the self-check also works offline.
pub fn standards() -> Arc<Standards> {
    static EMBEDDED: OnceLock<Arc<Standards>> = OnceLock::new();
    FETCHED
        .read()
        .ok()
        .and_then(|s| s.clone())
        .unwrap_or_else(|| {
            Arc::clone(EMBEDDED.get_or_init(|| Arc::new(Standards::embedded().clone())))
        })
}

/// Asks the server for its current standards; keeps the last known on failure.
fn refresh_standards() {
    leptos::task::spawn_local(async {
        if let Ok(fresh) = api::eligibility::standards().await
            && let Ok(mut slot) = FETCHED.write()
        {
            *slot = Some(Arc::new(fresh));
        }
    });
}

/// Today at the hall, from the kiosk's clock.
pub fn today() -> Date {
    HallTime::from_unix((js_sys::Date::now() / 1000.0) as i64).date()
}

/// Where a question lives.
pub fn question_href(q: Question) -> String {
    format!("/eligibility/q/{}", q.slug())
}

/// Where to go after an answer: the next question, or the check-answers screen.
pub fn next_href(answers: &Answers) -> String {
    answers
        .next(&standards(), today())
        .map_or_else(|| "/eligibility/check".to_owned(), question_href)
}

/// Holds the answers while the visitor is in the self-check; leaving it (home,
/// finish and clear) drops them.
#[component]
pub fn EligibilityLayout() -> impl IntoView {
    provide_context(SelfCheck(RwSignal::new(Answers::default())));
    // Only the standards travel, never an answer.
    refresh_standards();
    view! { <Outlet /> }
}

pub const STATUSES: [Status; 8] = [
    Status::MigrantWorker,
    Status::Elderly,
    Status::Disabled,
    Status::Minor,
    Status::NoFixedIncome,
    Status::SocialAssistance,
    Status::JudicialAssistance,
    Status::PreferentialCare,
];

pub const URGENCY: [Urgency; 3] = [Urgency::Deadline, Urgency::Preservation, Urgency::Neither];

pub fn category_label(c: Category) -> Msg {
    match c {
        Category::Work => Msg::CatWork,
        Category::Family => Msg::CatFamily,
        Category::Accident => Msg::CatAccident,
        Category::Benefits => Msg::CatBenefits,
        Category::Criminal => Msg::CatCriminal,
        Category::Other => Msg::CatOther,
    }
}

pub fn matter_label(m: Matter) -> Msg {
    match m {
        Matter::Wages => Msg::MatWages,
        Matter::WorkInjury => Msg::MatWorkInjury,
        Matter::LabourRelationship => Msg::MatLabourRelationship,
        Matter::SupportPayment => Msg::MatSupportPayment,
        Matter::AbuseAbandonmentDv => Msg::MatAbuse,
        Matter::CivilCapacity => Msg::MatCivilCapacity,
        Matter::TrafficAccident => Msg::MatTraffic,
        Matter::MedicalAccident => Msg::MatMedical,
        Matter::FoodDrugAccident => Msg::MatFoodDrug,
        Matter::EnvironmentalDamage => Msg::MatEnvironment,
        Matter::SocialInsuranceOrAssistance => Msg::MatSocialInsurance,
        Matter::PensionForBereavedOrDisabled => Msg::MatPension,
        Matter::StateCompensation => Msg::MatStateCompensation,
        Matter::AcquittalCompensation => Msg::MatAcquittal,
        Matter::CriminalDefence => Msg::MatCriminalDefence,
        Matter::CriminalVictim => Msg::MatCriminalVictim,
        Matter::CompulsoryMedicalTreatment => Msg::MatCompulsoryMedical,
        Matter::PetitionRetrial => Msg::MatPetition,
        Matter::Bravery => Msg::MatBravery,
        Matter::MartyrRights => Msg::MatMartyr,
        Matter::Other => Msg::MatOther,
    }
}

pub fn criminal_label(c: CriminalCategory) -> Msg {
    match c {
        CriminalCategory::Minor => Msg::CrimMinor,
        CriminalCategory::SensoryDisability => Msg::CrimSensory,
        CriminalCategory::MentalIncapacity => Msg::CrimMental,
        CriminalCategory::PossibleLifeOrDeath => Msg::CrimLifeDeath,
        CriminalCategory::DeathPenaltyReview => Msg::CrimDeathReview,
        CriminalCategory::InAbsentia => Msg::CrimAbsentia,
    }
}

pub fn status_label(s: Status) -> Msg {
    match s {
        Status::MigrantWorker => Msg::StMigrant,
        Status::Minor => Msg::StMinor,
        Status::Elderly => Msg::StElderly,
        Status::Disabled => Msg::StDisabled,
        Status::NoFixedIncome => Msg::StNoIncome,
        Status::SocialAssistance => Msg::StSocialAssistance,
        Status::JudicialAssistance => Msg::StJudicial,
        Status::PreferentialCare => Msg::StPreferential,
    }
}

pub fn urgency_label(u: Urgency) -> Msg {
    match u {
        Urgency::Deadline => Msg::UrgDeadline,
        Urgency::Preservation => Msg::UrgPreservation,
        Urgency::Neither => Msg::UrgNeither,
    }
}

pub fn route_label(r: Route) -> Msg {
    match r {
        Route::CriminalMandatory => Msg::RouteCriminalMandatory,
        Route::CriminalApply => Msg::RouteCriminalApply,
        Route::NoMeansTest => Msg::RouteNoMeansTest,
        Route::MeansWaived => Msg::RouteMeansWaived,
        Route::MeansTest => Msg::RouteMeansTest,
        Route::AlreadyRepresented => Msg::RouteAlreadyRepresented,
        Route::NotCovered => Msg::RouteNotCovered,
    }
}

pub fn likelihood_title(l: Likelihood) -> Msg {
    match l {
        Likelihood::Likely => Msg::LikelyTitle,
        Likelihood::Maybe => Msg::MaybeTitle,
        Likelihood::Unlikely => Msg::UnlikelyTitle,
    }
}

/// The heading of a question (income depends on whose income counts).
pub fn question_heading(q: Question, answers: &Answers) -> Msg {
    match q {
        Question::Category => Msg::QCategory,
        Question::Matter => Msg::QMatter,
        Question::Lawyer => Msg::QLawyer,
        Question::Criminal => Msg::QCriminal,
        Question::Retrial => Msg::QRetrial,
        Question::Statuses => Msg::QStatuses,
        Question::Region => Msg::QRegion,
        Question::OpposingParty => Msg::QOpposing,
        Question::Household => Msg::QHousehold,
        Question::Income if answers.opposing_party_in_household == Some(true) => Msg::QIncomeOwn,
        Question::Income => Msg::QIncome,
        Question::Urgency => Msg::QUrgency,
    }
}

fn yes_no(v: Option<bool>) -> Msg {
    match v {
        Some(true) => Msg::Yes,
        Some(false) => Msg::No,
        None => Msg::DontKnow,
    }
}

/// The given answer to `q`, in words, for the check-answers screen.
pub fn answer_text(q: Question, a: &Answers, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang).to_owned();
    let list = |items: Vec<Msg>| {
        if items.is_empty() {
            t(Msg::NoneOfThese)
        } else {
            items
                .into_iter()
                .map(t)
                .collect::<Vec<_>>()
                .join(if lang == Lang::ZhCn { "、" } else { "; " })
        }
    };
    match q {
        Question::Category => a
            .category
            .map_or_else(String::new, |c| t(category_label(c))),
        Question::Matter => a.matter.map_or_else(String::new, |m| t(matter_label(m))),
        Question::Lawyer => t(yes_no(a.has_lawyer)),
        Question::Retrial => t(yes_no(a.retrial_ordered)),
        Question::OpposingParty => t(yes_no(a.opposing_party_in_household)),
        Question::Criminal => list(a.criminal.iter().map(|c| criminal_label(*c)).collect()),
        Question::Statuses => list(a.statuses.iter().map(|s| status_label(*s)).collect()),
        Question::Region => a
            .region
            .as_deref()
            .and_then(|r| {
                standards()
                    .entries()
                    .iter()
                    .find(|s| s.region == r)
                    .map(|s| s.names.get(lang).to_owned())
            })
            .unwrap_or_else(|| t(Msg::OtherRegion)),
        Question::Household => match a.household_size {
            Some(n) if n >= 8 => t(Msg::EightOrMore),
            Some(n) => fill(Msg::PeopleTemplate.text(lang), &[("n", &n.to_string())]),
            None => t(Msg::DontKnow),
        },
        Question::Income => a.income.map_or_else(
            || t(Msg::DontKnow),
            |n| fill(Msg::YuanTemplate.text(lang), &[("n", &n.to_string())]),
        ),
        Question::Urgency => a
            .urgency
            .map_or_else(|| t(Msg::DontKnow), |u| t(urgency_label(u))),
    }
}

/// "LAL 31(5)" as the visitor reads it: "《法律援助法》第31条第5项" or "Legal Aid Law 31(5)".
pub fn article_name(article: &str, lang: Lang) -> String {
    let rest = article.strip_prefix("LAL ").unwrap_or(article);
    match lang {
        Lang::En => format!("Legal Aid Law, article {rest}"),
        Lang::ZhCn => {
            let (num, item) = match rest.split_once('(') {
                Some((n, i)) => (n, Some(i.trim_end_matches(')'))),
                None => (rest, None),
            };
            match item {
                Some(i) => format!("《法律援助法》第{num}条第{i}项"),
                None => format!("《法律援助法》第{num}条"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_read_naturally_in_both_languages() {
        assert_eq!(
            article_name("LAL 31(5)", Lang::ZhCn),
            "《法律援助法》第31条第5项"
        );
        assert_eq!(article_name("LAL 44", Lang::ZhCn), "《法律援助法》第44条");
        assert_eq!(
            article_name("LAL 42(3)", Lang::En),
            "Legal Aid Law, article 42(3)"
        );
    }

    #[test]
    fn answers_read_back_in_words() {
        let mut a = Answers::default();
        a.household_size = Some(3);
        a.income = Some(9000);
        a.statuses = vec![Status::MigrantWorker, Status::Disabled];
        assert_eq!(answer_text(Question::Household, &a, Lang::ZhCn), "3 人");
        assert_eq!(answer_text(Question::Income, &a, Lang::En), "9000 yuan");
        assert_eq!(
            answer_text(Question::Statuses, &a, Lang::ZhCn),
            "进城务工人员（农民工）、残疾人"
        );
        assert_eq!(
            answer_text(Question::Criminal, &a, Lang::En),
            "None of these"
        );
        assert_eq!(
            answer_text(Question::Region, &a, Lang::ZhCn),
            "其他地方，或不知道"
        );
        a.region = Some("310000".into());
        assert_eq!(answer_text(Question::Region, &a, Lang::En), "Shanghai");
    }
}
