//! The legal-aid self-check wizard's flow: which question comes next given the
//! answers so far, and the engine input they make. Pure logic, tested natively;
//! the pages in `pages/eligibility/` only show it. Nothing here leaves the kiosk.
//!
//! The engine itself decides which questions still matter: once the answers settle
//! the route (a lawyer already engaged, a mandatory criminal category, a matter
//! with no financial condition…), the remaining questions are skipped, so the
//! result comes as early as it is known.

use crate::{
    flows::wizard::{At, Wizard},
    text::Msg,
};
use kiosk_core::{
    date::Date,
    eligibility::{
        self, CriminalCategory, EligibilityInput, EligibilityResult, Matter, Route, Standards,
        Status,
    },
};

/// Plain groups of matters for the first question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Work,
    Family,
    Accident,
    Benefits,
    Criminal,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Work,
        Category::Family,
        Category::Accident,
        Category::Benefits,
        Category::Criminal,
        Category::Other,
    ];

    /// The matters offered under this group, most common first.
    pub fn matters(self) -> &'static [Matter] {
        match self {
            Category::Work => &[
                Matter::Wages,
                Matter::WorkInjury,
                Matter::LabourRelationship,
            ],
            Category::Family => &[
                Matter::SupportPayment,
                Matter::AbuseAbandonmentDv,
                Matter::CivilCapacity,
            ],
            Category::Accident => &[
                Matter::TrafficAccident,
                Matter::MedicalAccident,
                Matter::FoodDrugAccident,
                Matter::EnvironmentalDamage,
            ],
            Category::Benefits => &[
                Matter::SocialInsuranceOrAssistance,
                Matter::PensionForBereavedOrDisabled,
                Matter::StateCompensation,
                Matter::AcquittalCompensation,
            ],
            Category::Criminal => &[
                Matter::CriminalDefence,
                Matter::CriminalVictim,
                Matter::CompulsoryMedicalTreatment,
            ],
            Category::Other => &[
                Matter::PetitionRetrial,
                Matter::Bravery,
                Matter::MartyrRights,
                Matter::Other,
            ],
        }
    }
}

/// One screen of the wizard. The slug is its URL segment (no answers in URLs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Question {
    Category,
    Matter,
    Lawyer,
    Criminal,
    Retrial,
    Statuses,
    Region,
    OpposingParty,
    Household,
    Income,
    Urgency,
}

impl Question {
    pub const ALL: [Question; 11] = [
        Question::Category,
        Question::Matter,
        Question::Lawyer,
        Question::Criminal,
        Question::Retrial,
        Question::Statuses,
        Question::Region,
        Question::OpposingParty,
        Question::Household,
        Question::Income,
        Question::Urgency,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Question::Category => "category",
            Question::Matter => "matter",
            Question::Lawyer => "lawyer",
            Question::Criminal => "criminal",
            Question::Retrial => "retrial",
            Question::Statuses => "statuses",
            Question::Region => "region",
            Question::OpposingParty => "opposing-party",
            Question::Household => "household",
            Question::Income => "income",
            Question::Urgency => "urgency",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.slug() == slug)
    }
}

/// The urgency question's answers (LAL 44).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// A deadline or limitation period ends in fewer than 7 days.
    Deadline,
    /// Property or evidence must be secured at once.
    Preservation,
    Neither,
}

/// The visitor's answers. `None` in a field with `answered` containing the
/// question means "I don't know".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub category: Option<Category>,
    pub matter: Option<Matter>,
    pub has_lawyer: Option<bool>,
    pub criminal: Vec<CriminalCategory>,
    pub retrial_ordered: Option<bool>,
    pub statuses: Vec<Status>,
    /// A region code with a standard, or `None` for elsewhere / unknown.
    pub region: Option<String>,
    pub opposing_party_in_household: Option<bool>,
    pub household_size: Option<u32>,
    /// The household's monthly income, or the visitor's own when the other side
    /// lives in the household.
    pub income: Option<u64>,
    pub urgency: Option<Urgency>,
    answered: Vec<Question>,
}

impl Answers {
    /// Records that `q` was answered (its value is set by the caller).
    pub fn mark(&mut self, q: Question) {
        if !self.answered.contains(&q) {
            self.answered.push(q);
        }
    }

    pub fn is_answered(&self, q: Question) -> bool {
        self.answered.contains(&q)
    }

    /// Chooses a category; a matter from another category is forgotten.
    pub fn set_category(&mut self, category: Category) {
        if self.category != Some(category) {
            self.matter = None;
            self.answered.retain(|q| *q != Question::Matter);
        }
        self.category = Some(category);
        self.mark(Question::Category);
    }

    /// The engine's input from the answers so far (`None` before a matter).
    pub fn input(&self) -> Option<EligibilityInput> {
        let mut input = EligibilityInput::new(self.matter?);
        input.has_lawyer = self.has_lawyer;
        input.criminal = self.criminal.clone();
        input.retrial_ordered = self.retrial_ordered;
        input.statuses = self.statuses.clone();
        input.region = self.region.clone();
        input.opposing_party_in_household = self.opposing_party_in_household;
        if self.opposing_party_in_household == Some(true) {
            input.applicant_monthly_income = self.income;
        } else {
            input.household_size = self.household_size;
            input.household_monthly_income = self.income;
        }
        match self.urgency {
            Some(Urgency::Deadline) => input.days_until_deadline = Some(0),
            Some(Urgency::Preservation) => input.urgent_preservation = Some(true),
            Some(Urgency::Neither) => input.urgent_preservation = Some(false),
            None => {}
        }
        Some(input)
    }

    /// The questions this visitor is asked, in order, given the answers so far.
    pub fn questions(&self, standards: &Standards, today: Date) -> Vec<Question> {
        let mut qs = vec![Question::Category, Question::Matter];
        let Some(matter) = self.matter else {
            // The fewest any matter needs, so progress never overstates the end.
            qs.extend([Question::Lawyer, Question::Urgency]);
            return qs;
        };
        qs.push(Question::Lawyer);
        if self.has_lawyer != Some(true) {
            match matter {
                Matter::CriminalDefence => qs.push(Question::Criminal),
                Matter::PetitionRetrial => qs.push(Question::Retrial),
                m if m.has_financial_condition() => qs.push(Question::Statuses),
                _ => {}
            }
            if self.means_test_applies(standards, today) {
                qs.push(Question::Region);
                if self.region.is_some() {
                    if matter == Matter::SupportPayment {
                        qs.push(Question::OpposingParty);
                    }
                    if self.opposing_party_in_household == Some(true) {
                        qs.push(Question::Income);
                    } else {
                        qs.push(Question::Household);
                        if self.household_size.is_some() {
                            qs.push(Question::Income);
                        }
                    }
                }
            }
        }
        qs.push(Question::Urgency);
        qs
    }

    /// Whether the financial check decides, judged on the answers that choose the
    /// route (not on income, which it is about to ask).
    fn means_test_applies(&self, standards: &Standards, today: Date) -> bool {
        let Some(mut input) = self.input() else {
            return false;
        };
        input.region = None;
        input.household_size = None;
        input.household_monthly_income = None;
        input.applicant_monthly_income = None;
        eligibility::assess(&input, standards, today).route == Route::MeansTest
    }

    /// The answered questions still relevant, for the check-answers screen.
    pub fn summary(&self, standards: &Standards, today: Date) -> Vec<Question> {
        self.questions(standards, today)
            .into_iter()
            .filter(|q| self.is_answered(*q))
            .collect()
    }

    /// The advisory result, computed here in the kiosk.
    pub fn result(&self, standards: &Standards, today: Date) -> Option<EligibilityResult> {
        self.input()
            .map(|input| eligibility::assess(&input, standards, today))
    }
}

impl Wizard for Answers {
    type Step = Question;

    fn steps(&self, at: &At) -> Vec<Question> {
        self.questions(&at.standards, at.today)
    }

    /// A question is left by answering it ("I don't know" included).
    fn check(&self, q: Question, _: &At) -> Option<Msg> {
        (!self.is_answered(q)).then_some(Msg::AnswerFirst)
    }
}

#[cfg(test)]
mod tests {
    use kiosk_core::eligibility::Likelihood;

    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 29).unwrap()
    }

    fn standards() -> &'static Standards {
        Standards::embedded()
    }

    fn at() -> At {
        At {
            today: today(),
            standards: std::sync::Arc::new(Standards::embedded().clone()),
        }
    }

    /// The first question still to answer (`None`: time to check the answers).
    fn next(a: &Answers) -> Option<Question> {
        a.first_problem(&at()).map(|(q, _)| q)
    }

    fn can_ask(a: &Answers, q: Question) -> bool {
        a.instead_of(q, &at()).is_none()
    }

    fn start(category: Category, matter: Matter) -> Answers {
        let mut a = Answers::default();
        a.set_category(category);
        a.matter = Some(matter);
        a.mark(Question::Matter);
        a
    }

    #[test]
    fn every_matter_is_offered_under_exactly_one_category() {
        let all: Vec<Matter> = Category::ALL
            .iter()
            .flat_map(|c| c.matters())
            .copied()
            .collect();
        assert_eq!(all.len(), 21);
        for m in &all {
            assert_eq!(all.iter().filter(|x| *x == m).count(), 1, "{m:?}");
        }
    }

    #[test]
    fn a_question_cannot_be_reached_before_the_ones_it_follows() {
        let a = Answers::default();
        assert!(can_ask(&a, Question::Category));
        assert!(!can_ask(&a, Question::Urgency));
        assert!(!can_ask(&a, Question::Income));
        let mut a = start(Category::Work, Matter::Wages);
        assert!(can_ask(&a, Question::Lawyer));
        assert!(can_ask(&a, Question::Category), "going back is fine");
        assert!(!can_ask(&a, Question::Statuses));
        a.mark(Question::Lawyer);
        assert!(can_ask(&a, Question::Statuses));
    }

    #[test]
    fn slugs_round_trip() {
        for q in Question::ALL {
            assert_eq!(Question::from_slug(q.slug()), Some(q));
        }
        assert_eq!(Question::from_slug("nope"), None);
    }

    #[test]
    fn a_migrant_worker_with_unpaid_wages_skips_the_income_questions() {
        let mut a = start(Category::Work, Matter::Wages);
        assert_eq!(next(&a), Some(Question::Lawyer));
        a.has_lawyer = Some(false);
        a.mark(Question::Lawyer);
        assert_eq!(next(&a), Some(Question::Statuses));
        a.statuses = vec![Status::MigrantWorker];
        a.mark(Question::Statuses);
        assert_eq!(next(&a), Some(Question::Urgency));
        a.urgency = Some(Urgency::Neither);
        a.mark(Question::Urgency);
        assert_eq!(next(&a), None);
        let r = a.result(standards(), today()).unwrap();
        assert_eq!(r.route, Route::MeansWaived);
        assert_eq!(r.likelihood, Likelihood::Likely);
        assert_eq!(a.position(Question::Statuses, &at()), (4, 5));
    }

    #[test]
    fn a_means_tested_matter_asks_region_household_and_income() {
        let mut a = start(Category::Accident, Matter::TrafficAccident);
        a.has_lawyer = Some(false);
        a.mark(Question::Lawyer);
        a.mark(Question::Statuses);
        assert_eq!(next(&a), Some(Question::Region));
        a.region = Some("310000".into());
        a.mark(Question::Region);
        assert_eq!(next(&a), Some(Question::Household));
        a.household_size = Some(3);
        a.mark(Question::Household);
        assert_eq!(next(&a), Some(Question::Income));
        a.income = Some(9000);
        a.mark(Question::Income);
        a.mark(Question::Urgency);
        let r = a.result(standards(), today()).unwrap();
        assert_eq!(r.route, Route::MeansTest);
        assert_eq!(
            r.likelihood,
            Likelihood::Likely,
            "3,000 per person is below 3,190"
        );
        a.income = Some(9570);
        let r = a.result(standards(), today()).unwrap();
        assert_eq!(
            r.likelihood,
            Likelihood::Unlikely,
            "3,190 is not below 3,190"
        );
    }

    #[test]
    fn an_unknown_region_skips_income_and_gives_maybe() {
        let mut a = start(Category::Accident, Matter::MedicalAccident);
        a.has_lawyer = Some(false);
        for q in [Question::Lawyer, Question::Statuses, Question::Region] {
            a.mark(q);
        }
        assert_eq!(next(&a), Some(Question::Urgency));
        a.mark(Question::Urgency);
        assert_eq!(
            a.result(standards(), today()).unwrap().likelihood,
            Likelihood::Maybe
        );
    }

    #[test]
    fn support_payments_ask_whether_the_other_side_lives_with_the_visitor() {
        let mut a = start(Category::Family, Matter::SupportPayment);
        for q in [Question::Lawyer, Question::Statuses] {
            a.mark(q);
        }
        a.has_lawyer = Some(false);
        a.region = Some("442000".into());
        a.mark(Question::Region);
        assert_eq!(next(&a), Some(Question::OpposingParty));
        a.opposing_party_in_household = Some(true);
        a.mark(Question::OpposingParty);
        assert_eq!(next(&a), Some(Question::Income));
        a.income = Some(2591);
        let input = a.input().unwrap();
        assert_eq!(input.applicant_monthly_income, Some(2591));
        assert_eq!(input.household_monthly_income, None);
    }

    #[test]
    fn a_lawyer_already_engaged_ends_the_questions_early() {
        let mut a = start(Category::Work, Matter::Wages);
        a.has_lawyer = Some(true);
        a.mark(Question::Lawyer);
        assert_eq!(
            a.questions(standards(), today()),
            [
                Question::Category,
                Question::Matter,
                Question::Lawyer,
                Question::Urgency
            ]
        );
    }

    #[test]
    fn no_financial_condition_matters_skip_statuses_and_means() {
        let mut a = start(Category::Family, Matter::AbuseAbandonmentDv);
        a.mark(Question::Lawyer);
        assert_eq!(next(&a), Some(Question::Urgency));
        a.urgency = Some(Urgency::Deadline);
        a.mark(Question::Urgency);
        let r = a.result(standards(), today()).unwrap();
        assert_eq!(r.route, Route::NoMeansTest);
        assert!(r.urgent);
    }

    #[test]
    fn changing_the_category_forgets_the_matter() {
        let mut a = start(Category::Work, Matter::Wages);
        a.set_category(Category::Criminal);
        assert_eq!(a.matter, None);
        assert_eq!(next(&a), Some(Question::Matter));
    }

    #[test]
    fn criminal_defence_asks_about_the_mandatory_categories() {
        let mut a = start(Category::Criminal, Matter::CriminalDefence);
        a.has_lawyer = Some(false);
        a.mark(Question::Lawyer);
        assert_eq!(next(&a), Some(Question::Criminal));
        a.criminal = vec![CriminalCategory::Minor];
        a.mark(Question::Criminal);
        a.mark(Question::Urgency);
        assert_eq!(
            a.result(standards(), today()).unwrap().route,
            Route::CriminalMandatory
        );
    }
}
