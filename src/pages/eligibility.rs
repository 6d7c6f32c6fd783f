//! `/eligibility/…`: the legal-aid self-check. The layout holds the visitor's
//! answers in memory for this visit only (never in storage or the URL); the
//! intro, one screen per question, the check-answers screen and the result are
//! its children. The result is computed in the kiosk: no request carries answers.

pub mod check;
pub mod intro;
pub mod question;
pub mod result;

use kiosk_core::{
    Lang,
    eligibility::{Standards, Status},
};
use leptos::prelude::*;

use crate::{
    api,
    components::form::wizard::FlowScreens,
    flows::self_check::{Answers, Category, Question, Urgency},
    screen::{Screen, use_screen},
    text::{
        Msg, fill,
        labels::{criminal_label, matter_label, status_label},
    },
};

impl FlowScreens for Answers {
    fn screen(q: Question) -> Screen {
        Screen::SelfCheck(q)
    }
    const LEAVE: Screen = Screen::SelfCheckIntro;
    const REVIEW: Screen = Screen::SelfCheckReview;
}

/// The answers of this visit, shared by the self-check screens.
#[derive(Clone, Copy, Debug)]
pub struct SelfCheck(pub RwSignal<Answers>);

pub fn use_self_check() -> SelfCheck {
    expect_context::<SelfCheck>()
}

/// Holds the answers while the visitor is in the self-check; leaving it (home,
/// finish and clear) drops them.
#[component]
pub fn EligibilityLayout() -> impl IntoView {
    provide_context(SelfCheck(RwSignal::new(Answers::default())));
    // Only the standards travel, never an answer.
    api::eligibility::refresh_standards();
    let screen = use_screen();
    move || match screen.get() {
        Some(Screen::SelfCheckIntro) => view! { <intro::EligibilityIntroPage /> }.into_any(),
        Some(Screen::SelfCheck(q)) => view! { <question::QuestionScreen question=q /> }.into_any(),
        Some(Screen::SelfCheckReview) => view! { <check::EligibilityCheckPage /> }.into_any(),
        Some(Screen::SelfCheckResult) => view! { <result::EligibilityResultPage /> }.into_any(),
        _ => ().into_any(),
    }
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

pub fn urgency_label(u: Urgency) -> Msg {
    match u {
        Urgency::Deadline => Msg::UrgDeadline,
        Urgency::Preservation => Msg::UrgPreservation,
        Urgency::Neither => Msg::UrgNeither,
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
pub fn answer_text(q: Question, a: &Answers, standards: &Standards, lang: Lang) -> String {
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
                standards
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

    fn std() -> &'static Standards {
        Standards::embedded()
    }

    #[test]
    fn answers_read_back_in_words() {
        let mut a = Answers::default();
        a.household_size = Some(3);
        a.income = Some(9000);
        a.statuses = vec![Status::MigrantWorker, Status::Disabled];
        assert_eq!(
            answer_text(Question::Household, &a, std(), Lang::ZhCn),
            "3 人"
        );
        assert_eq!(
            answer_text(Question::Income, &a, std(), Lang::En),
            "9000 yuan"
        );
        assert_eq!(
            answer_text(Question::Statuses, &a, std(), Lang::ZhCn),
            "进城务工人员（农民工）、残疾人"
        );
        assert_eq!(
            answer_text(Question::Criminal, &a, std(), Lang::En),
            "None of these"
        );
        assert_eq!(
            answer_text(Question::Region, &a, std(), Lang::ZhCn),
            "其他地方，或不知道"
        );
        a.region = Some("310000".into());
        assert_eq!(
            answer_text(Question::Region, &a, std(), Lang::En),
            "Shanghai"
        );
    }
}
