use serde_json::{Value, json};

use super::*;

/// A day after every embedded standard took effect.
fn today() -> Date {
    Date::new(2025, 6, 1).unwrap()
}

/// The contract's names of every matter, statuses and criminal categories.
const MATTERS: [&str; 21] = [
    "state_compensation",
    "social_insurance_or_assistance",
    "pension_for_bereaved_or_disabled",
    "support_payment",
    "labour_relationship",
    "wages",
    "civil_capacity",
    "work_injury",
    "traffic_accident",
    "food_drug_accident",
    "medical_accident",
    "environmental_damage",
    "martyr_rights",
    "bravery",
    "acquittal_compensation",
    "abuse_abandonment_dv",
    "petition_retrial",
    "criminal_defence",
    "criminal_victim",
    "compulsory_medical_treatment",
    "other",
];
const STATUSES: [&str; 8] = [
    "migrant_worker",
    "minor",
    "elderly",
    "disabled",
    "no_fixed_income",
    "social_assistance",
    "judicial_assistance",
    "preferential_care",
];
const CRIMINAL: [&str; 6] = [
    "minor",
    "sensory_disability",
    "mental_incapacity",
    "possible_life_or_death",
    "death_penalty_review",
    "in_absentia",
];

fn input(json: Value) -> EligibilityInput {
    serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn run(json: Value) -> EligibilityResult {
    assess(&input(json), Standards::embedded(), today())
}

/// One row of the table: answers in the API's JSON and what must come out.
struct Case {
    name: &'static str,
    input: Value,
    route: Route,
    likelihood: Likelihood,
    /// Exactly, in order.
    articles: &'static [&'static str],
    urgent: bool,
    /// `(per_capita, standard, passed)` when a means check must have run.
    means: Option<(u64, u64, bool)>,
}

fn case(
    name: &'static str,
    input: Value,
    route: Route,
    likelihood: Likelihood,
    articles: &'static [&'static str],
) -> Case {
    Case {
        name,
        input,
        route,
        likelihood,
        articles,
        urgent: false,
        means: None,
    }
}

impl Case {
    fn urgent(mut self) -> Self {
        self.urgent = true;
        self
    }

    fn means(mut self, per_capita: u64, standard: u64, passed: bool) -> Self {
        self.means = Some((per_capita, standard, passed));
        self
    }
}

/// A Shanghai household of one with `income` a month, on top of `json`.
fn shanghai(mut json: Value, income: u64) -> Value {
    json["region"] = json!("310000");
    json["household_size"] = json!(1);
    json["household_monthly_income"] = json!(income);
    json
}

fn cases() -> Vec<Case> {
    use Likelihood::*;
    use Route::*;
    vec![
        // Representation rules out every route.
        case(
            "a migrant worker who already has a lawyer is already represented",
            json!({"matter": "wages", "has_lawyer": true, "statuses": ["migrant_worker"]}),
            AlreadyRepresented,
            Unlikely,
            &["LAL 24", "LAL 29", "LAL 31", "LAL 48(6)"],
        ),
        case(
            "a minor suspect who has a defender is already represented",
            json!({"matter": "criminal_defence", "has_lawyer": true, "criminal": ["minor"]}),
            AlreadyRepresented,
            Unlikely,
            &["LAL 24", "LAL 29", "LAL 31", "LAL 48(6)"],
        ),
        case(
            "a victim of domestic violence who has a lawyer is already represented",
            json!({"matter": "abuse_abandonment_dv", "has_lawyer": true}),
            AlreadyRepresented,
            Unlikely,
            &["LAL 24", "LAL 29", "LAL 31", "LAL 48(6)"],
        ),
        // Criminal defence: the art. 25 list, in the law's order.
        case(
            "a minor suspect must be assigned a lawyer",
            json!({"matter": "criminal_defence", "has_lawyer": false, "criminal": ["minor"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(1)"],
        ),
        case(
            "a deaf defendant must be assigned a lawyer",
            json!({"matter": "criminal_defence", "criminal": ["sensory_disability"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(2)"],
        ),
        case(
            "an adult who cannot control their conduct must be assigned a lawyer",
            json!({"matter": "criminal_defence", "criminal": ["mental_incapacity"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(3)"],
        ),
        case(
            "a defendant facing life or death must be assigned a lawyer",
            json!({"matter": "criminal_defence", "criminal": ["possible_life_or_death"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(4)"],
        ),
        case(
            "a defendant in death-penalty review must be assigned a lawyer",
            json!({"matter": "criminal_defence", "criminal": ["death_penalty_review"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(5)"],
        ),
        case(
            "a defendant tried in absentia must be assigned a lawyer",
            json!({"matter": "criminal_defence", "criminal": ["in_absentia"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(6)"],
        ),
        case(
            "several criminal categories are cited once each in the law's order",
            json!({"matter": "criminal_defence",
                   "criminal": ["possible_life_or_death", "minor", "minor"]}),
            CriminalMandatory,
            Likely,
            &["LAL 25(1)", "LAL 25(4)"],
        ),
        case(
            "other suspects may apply and have a duty lawyer meanwhile",
            json!({"matter": "criminal_defence", "has_lawyer": false}),
            CriminalApply,
            Likely,
            &["LAL 24", "LAL 30"],
        ),
        case(
            "a respondent in compulsory medical treatment must be assigned a lawyer",
            json!({"matter": "compulsory_medical_treatment"}),
            CriminalMandatory,
            Likely,
            &["LAL 28"],
        ),
        // Art. 32: no financial condition, whatever the income.
        case(
            "a martyr's relative has no means test",
            json!({"matter": "martyr_rights"}),
            NoMeansTest,
            Likely,
            &["LAL 32(1)"],
        ),
        case(
            "a brave rescuer has no means test even with a high income",
            shanghai(json!({"matter": "bravery"}), 50_000),
            NoMeansTest,
            Likely,
            &["LAL 32(2)"],
        ),
        case(
            "state compensation after acquittal has no means test",
            json!({"matter": "acquittal_compensation"}),
            NoMeansTest,
            Likely,
            &["LAL 32(3)"],
        ),
        case(
            "a domestic violence victim has no means test",
            json!({"matter": "abuse_abandonment_dv", "opposing_party_in_household": true}),
            NoMeansTest,
            Likely,
            &["LAL 32(4)"],
        ),
        // Art. 33: petitions.
        case(
            "a petition before any retrial order is not covered yet",
            json!({"matter": "petition_retrial", "retrial_ordered": false}),
            NotCovered,
            Unlikely,
            &["LAL 33", "LAL 22", "LAL 23"],
        ),
        case(
            "a petition after a retrial order takes the means test",
            shanghai(
                json!({"matter": "petition_retrial", "retrial_ordered": true}),
                3000,
            ),
            MeansTest,
            Likely,
            &["LAL 33", "LAL 31", "LAL 34"],
        )
        .means(3000, 3190, true),
        case(
            "a petition after a retrial order with too high an income is unlikely",
            shanghai(
                json!({"matter": "petition_retrial", "retrial_ordered": true}),
                4000,
            ),
            MeansTest,
            Unlikely,
            &["LAL 33", "LAL 31", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(4000, 3190, false),
        case(
            "a petition with an unknown retrial order is maybe, never unlikely",
            shanghai(json!({"matter": "petition_retrial"}), 3000),
            MeansTest,
            Maybe,
            &["LAL 33", "LAL 31", "LAL 34"],
        )
        .means(3000, 3190, true),
        // Art. 31, item by item, with a passing Shanghai income.
        case(
            "state compensation is an art. 31(1) matter",
            shanghai(json!({"matter": "state_compensation"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(1)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "social insurance or assistance is an art. 31(2) matter",
            shanghai(json!({"matter": "social_insurance_or_assistance"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(2)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "a pension for the bereaved is an art. 31(3) matter",
            shanghai(json!({"matter": "pension_for_bereaved_or_disabled"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(3)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "support payments are an art. 31(4) matter",
            shanghai(json!({"matter": "support_payment"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(4)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "confirming a labour relationship is an art. 31(5) matter",
            shanghai(json!({"matter": "labour_relationship"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(5)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "unpaid wages without a status take the means test",
            shanghai(json!({"matter": "wages"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(5)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "declaring civil capacity is an art. 31(6) matter",
            shanghai(json!({"matter": "civil_capacity"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(6)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "a work injury is an art. 31(7) matter",
            shanghai(json!({"matter": "work_injury"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(7)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "a traffic accident is an art. 31(7) matter",
            shanghai(json!({"matter": "traffic_accident"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(7)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "a food or drug accident is an art. 31(7) matter",
            shanghai(json!({"matter": "food_drug_accident"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(7)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "a medical accident is an art. 31(7) matter",
            shanghai(json!({"matter": "medical_accident"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(7)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "environmental damage is an art. 31(8) matter",
            shanghai(json!({"matter": "environmental_damage"}), 2000),
            MeansTest,
            Likely,
            &["LAL 31(8)", "LAL 34"],
        )
        .means(2000, 3190, true),
        // Art. 42: proof of status skips the check, for art. 31 matters only.
        case(
            "a migrant worker with unpaid wages skips the means test",
            json!({"matter": "wages", "statuses": ["migrant_worker"]}),
            MeansWaived,
            Likely,
            &["LAL 31(5)", "LAL 42(3)"],
        ),
        case(
            "a migrant worker with a work injury skips the means test",
            json!({"matter": "work_injury", "statuses": ["migrant_worker"]}),
            MeansWaived,
            Likely,
            &["LAL 31(7)", "LAL 42(3)"],
        ),
        case(
            "a migrant worker only confirming a labour relationship takes the means test",
            json!({"matter": "labour_relationship", "statuses": ["migrant_worker"]}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        case(
            "a migrant worker hurt in a traffic accident takes the means test",
            shanghai(
                json!({"matter": "traffic_accident", "statuses": ["migrant_worker"]}),
                5000,
            ),
            MeansTest,
            Unlikely,
            &["LAL 31(7)", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(5000, 3190, false),
        case(
            "an elderly parent with no fixed income skips the means test",
            json!({"matter": "support_payment", "statuses": ["elderly", "no_fixed_income"]}),
            MeansWaived,
            Likely,
            &["LAL 31(4)", "LAL 42(1)"],
        ),
        case(
            "a minor with no fixed income skips the means test",
            json!({"matter": "support_payment", "statuses": ["no_fixed_income", "minor"]}),
            MeansWaived,
            Likely,
            &["LAL 31(4)", "LAL 42(1)"],
        ),
        case(
            "a disabled person with no fixed income skips the means test",
            json!({"matter": "traffic_accident", "statuses": ["disabled", "no_fixed_income"]}),
            MeansWaived,
            Likely,
            &["LAL 31(7)", "LAL 42(1)"],
        ),
        case(
            "an elderly person with a fixed income takes the means test",
            json!({"matter": "support_payment", "statuses": ["elderly"]}),
            MeansTest,
            Maybe,
            &["LAL 31(4)", "LAL 34"],
        ),
        case(
            "no fixed income alone does not skip the means test",
            json!({"matter": "support_payment", "statuses": ["no_fixed_income"]}),
            MeansTest,
            Maybe,
            &["LAL 31(4)", "LAL 34"],
        ),
        case(
            "a social assistance recipient skips the means test",
            json!({"matter": "social_insurance_or_assistance",
                   "statuses": ["social_assistance"]}),
            MeansWaived,
            Likely,
            &["LAL 31(2)", "LAL 42(2)"],
        ),
        case(
            "a judicial assistance recipient skips the means test",
            json!({"matter": "state_compensation", "statuses": ["judicial_assistance"]}),
            MeansWaived,
            Likely,
            &["LAL 31(1)", "LAL 42(2)"],
        ),
        case(
            "a preferential care recipient skips the means test",
            json!({"matter": "pension_for_bereaved_or_disabled",
                   "statuses": ["preferential_care"]}),
            MeansWaived,
            Likely,
            &["LAL 31(3)", "LAL 42(2)"],
        ),
        case(
            "every art. 42 ground that fits is cited",
            json!({"matter": "wages", "statuses":
                   ["social_assistance", "migrant_worker", "elderly", "no_fixed_income"]}),
            MeansWaived,
            Likely,
            &["LAL 31(5)", "LAL 42(1)", "LAL 42(2)", "LAL 42(3)"],
        ),
        case(
            "a status skips no check outside art. 31: a victim on social assistance",
            shanghai(
                json!({"matter": "criminal_victim", "statuses": ["social_assistance"]}),
                5000,
            ),
            MeansTest,
            Unlikely,
            &["LAL 29", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(5000, 3190, false),
        // Crime victims and unlisted matters.
        case(
            "a crime victim takes the means test",
            shanghai(json!({"matter": "criminal_victim"}), 1500),
            MeansTest,
            Likely,
            &["LAL 29", "LAL 34"],
        )
        .means(1500, 3190, true),
        case(
            "an unlisted matter is not covered but free advice remains",
            json!({"matter": "other"}),
            NotCovered,
            Unlikely,
            &["LAL 22", "LAL 23"],
        ),
        case(
            "an unlisted matter stays not covered however low the income",
            shanghai(json!({"matter": "other"}), 0),
            NotCovered,
            Unlikely,
            &["LAL 22", "LAL 23"],
        ),
        // Shanghai's "below" line, both sides.
        case(
            "Shanghai 3189 a month is below 3190",
            shanghai(json!({"matter": "wages"}), 3189),
            MeansTest,
            Likely,
            &["LAL 31(5)", "LAL 34"],
        )
        .means(3189, 3190, true),
        case(
            "Shanghai 3190 a month is not below 3190",
            shanghai(json!({"matter": "wages"}), 3190),
            MeansTest,
            Unlikely,
            &["LAL 31(5)", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(3190, 3190, false),
        case(
            "a Shanghai household of two with 6379 is below the line per person",
            json!({"matter": "wages", "region": "310000",
                   "household_size": 2, "household_monthly_income": 6379}),
            MeansTest,
            Likely,
            &["LAL 31(5)", "LAL 34"],
        )
        .means(3189, 3190, true),
        case(
            "a Shanghai household of two with 6380 is on the line and fails",
            json!({"matter": "wages", "region": "310000",
                   "household_size": 2, "household_monthly_income": 6380}),
            MeansTest,
            Unlikely,
            &["LAL 31(5)", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(3190, 3190, false),
        // Zhongshan's prefecture figure.
        case(
            "Zhongshan 2591 a month is below 2592",
            json!({"matter": "wages", "region": "442000",
                   "household_size": 1, "household_monthly_income": 2591}),
            MeansTest,
            Likely,
            &["LAL 31(5)", "LAL 34"],
        )
        .means(2591, 2592, true),
        case(
            "Zhongshan 2592 a month is not below 2592",
            json!({"matter": "wages", "region": "442000",
                   "household_size": 1, "household_monthly_income": 2592}),
            MeansTest,
            Unlikely,
            &["LAL 31(5)", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(2592, 2592, false),
        case(
            "Zhongshan 2593 a month is above 2592",
            json!({"matter": "wages", "region": "442000",
                   "household_size": 1, "household_monthly_income": 2593}),
            MeansTest,
            Unlikely,
            &["LAL 31(5)", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(2593, 2592, false),
        case(
            "Zhongshan on the day its standard starts applies it",
            json!({"matter": "wages", "region": "442000", "date": "2023-03-10",
                   "household_size": 3, "household_monthly_income": 7773}),
            MeansTest,
            Likely,
            &["LAL 31(5)", "LAL 34"],
        )
        .means(2591, 2592, true),
        case(
            "Zhongshan the day before its standard starts has no standard",
            json!({"matter": "wages", "region": "442000", "date": "2023-03-09",
                   "household_size": 3, "household_monthly_income": 7773}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        case(
            "Shanghai before July 2024 has no standard",
            json!({"matter": "wages", "region": "310000", "date": "2024-06-30",
                   "household_size": 1, "household_monthly_income": 1000}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        // Unknowns lead to "maybe".
        case(
            "a province without a figure is maybe",
            json!({"matter": "wages", "region": "440000",
                   "household_size": 1, "household_monthly_income": 1000}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        case(
            "an unknown region is maybe",
            json!({"matter": "wages", "household_size": 1, "household_monthly_income": 1000}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        case(
            "an unknown household income is maybe",
            json!({"matter": "wages", "region": "310000", "household_size": 2}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        case(
            "an unknown household size is maybe",
            json!({"matter": "wages", "region": "310000", "household_monthly_income": 9000}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        case(
            "a household of zero cannot be divided by and is maybe",
            json!({"matter": "wages", "region": "310000",
                   "household_size": 0, "household_monthly_income": 1000}),
            MeansTest,
            Maybe,
            &["LAL 31(5)", "LAL 34"],
        ),
        // The opposing party in the household.
        case(
            "with the other party at home only the applicant's own income counts",
            json!({"matter": "support_payment", "region": "310000",
                   "household_size": 2, "household_monthly_income": 12000,
                   "opposing_party_in_household": true, "applicant_monthly_income": 2000}),
            MeansTest,
            Likely,
            &["LAL 31(4)", "LAL 34"],
        )
        .means(2000, 3190, true),
        case(
            "with the other party at home an unknown own income is maybe",
            json!({"matter": "support_payment", "region": "310000",
                   "household_size": 2, "household_monthly_income": 2000,
                   "opposing_party_in_household": true}),
            MeansTest,
            Maybe,
            &["LAL 31(4)", "LAL 34"],
        ),
        case(
            "without the other party at home the household income counts",
            json!({"matter": "support_payment", "region": "310000",
                   "household_size": 2, "household_monthly_income": 12000,
                   "opposing_party_in_household": false, "applicant_monthly_income": 2000}),
            MeansTest,
            Unlikely,
            &["LAL 31(4)", "LAL 34", "LAL 22", "LAL 23"],
        )
        .means(6000, 3190, false),
        // Urgency (art. 44).
        case(
            "a deadline in 6 days is urgent",
            json!({"matter": "wages", "statuses": ["migrant_worker"], "days_until_deadline": 6}),
            MeansWaived,
            Likely,
            &["LAL 31(5)", "LAL 42(3)", "LAL 44"],
        )
        .urgent(),
        case(
            "a deadline in 7 days is not urgent",
            json!({"matter": "wages", "statuses": ["migrant_worker"], "days_until_deadline": 7}),
            MeansWaived,
            Likely,
            &["LAL 31(5)", "LAL 42(3)"],
        ),
        case(
            "a deadline today is urgent",
            json!({"matter": "bravery", "days_until_deadline": 0}),
            NoMeansTest,
            Likely,
            &["LAL 32(2)", "LAL 44"],
        )
        .urgent(),
        case(
            "an urgent preservation need is urgent",
            shanghai(
                json!({"matter": "traffic_accident", "urgent_preservation": true}),
                2000,
            ),
            MeansTest,
            Likely,
            &["LAL 31(7)", "LAL 34", "LAL 44"],
        )
        .urgent()
        .means(2000, 3190, true),
        case(
            "no preservation need and a far deadline are not urgent",
            json!({"matter": "martyr_rights", "urgent_preservation": false,
                   "days_until_deadline": 30}),
            NoMeansTest,
            Likely,
            &["LAL 32(1)"],
        ),
        case(
            "an unlisted matter with a close deadline is still sent to staff",
            json!({"matter": "other", "days_until_deadline": 2}),
            NotCovered,
            Unlikely,
            &["LAL 22", "LAL 23", "LAL 44"],
        )
        .urgent(),
    ]
}

#[test]
fn the_table_of_cases_gives_the_expected_route_likelihood_and_articles() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    for c in cases {
        let r = run(c.input.clone());
        assert_eq!(r.route, c.route, "{}", c.name);
        assert_eq!(r.likelihood, c.likelihood, "{}", c.name);
        assert_eq!(r.articles, c.articles, "{}", c.name);
        assert_eq!(r.urgent, c.urgent, "{}", c.name);
        let means = r
            .means
            .as_ref()
            .map(|m| (m.per_capita, m.standard, m.passed));
        assert_eq!(means, c.means, "{}", c.name);
    }
}

#[test]
fn a_migrant_worker_with_unpaid_wages_skips_the_means_test() {
    let r = run(json!({"matter": "wages", "statuses": ["migrant_worker"]}));
    assert_eq!(r.route, Route::MeansWaived);
    assert_eq!(r.likelihood, Likelihood::Likely);
    assert!(r.articles.contains(&"LAL 31(5)".to_owned()));
    assert!(r.articles.contains(&"LAL 42(3)".to_owned()));
    assert_eq!(
        r.materials,
        [
            Material::ApplicationForm,
            Material::IdDocument,
            Material::StatusProof,
            Material::MatterDocuments,
        ]
    );
    assert_eq!(r.means, None);
}

/// Every result the tests produce: the table, and each matter with nothing else
/// answered.
fn all_results() -> Vec<(String, EligibilityResult)> {
    let table = cases()
        .into_iter()
        .map(|c| (c.name.to_owned(), run(c.input)));
    let bare = MATTERS
        .iter()
        .map(|m| (format!("bare {m}"), run(json!({ "matter": m }))));
    table.chain(bare).collect()
}

#[test]
fn no_output_ever_says_rejected() {
    for (name, r) in all_results() {
        let text = serde_json::to_string(&r).unwrap().to_lowercase();
        for word in ["reject", "驳回", "拒绝"] {
            assert!(!text.contains(word), "{name}: {word:?} in {text}");
        }
    }
}

#[test]
fn every_result_cites_an_article_and_explains_itself_in_both_languages() {
    for (name, r) in all_results() {
        assert!(!r.articles.is_empty(), "{name}");
        assert!(!r.reasons.is_empty(), "{name}");
        for reason in &r.reasons {
            assert!(reason.zh_cn.contains("法律援助法第"), "{name}: {reason:?}");
            assert!(reason.en.contains("(LAL "), "{name}: {reason:?}");
            assert!(
                !reason
                    .en
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            );
        }
        let last = r.reasons.last().unwrap();
        assert!(
            last.en.contains("only a guide")
                && last.en.contains("within 7 days")
                && last.en.contains("(LAL 43)")
        );
        assert!(last.zh_cn.contains("7日内") && last.zh_cn.contains("第43条"));
    }
}

#[test]
fn results_hold_together() {
    for (name, r) in all_results() {
        let has = |m| r.materials.contains(&m);
        let cites = |a: &str| r.articles.iter().any(|x| x == a);
        match r.route {
            Route::MeansWaived => assert!(has(Material::StatusProof), "{name}"),
            Route::MeansTest => assert!(has(Material::FinancialStatement), "{name}"),
            Route::AlreadyRepresented => assert!(r.materials.is_empty(), "{name}"),
            Route::CriminalMandatory => assert!(!has(Material::ApplicationForm), "{name}"),
            Route::NotCovered => assert!(cites("LAL 22") && cites("LAL 23"), "{name}"),
            Route::CriminalApply | Route::NoMeansTest => {}
        }
        if r.means.is_some() {
            assert_eq!(r.route, Route::MeansTest, "{name}");
        }
        assert_eq!(r.urgent, cites("LAL 44"), "{name}");
        let mut materials = r.materials.clone();
        materials.sort_by_key(|m| format!("{m:?}"));
        materials.dedup();
        assert_eq!(
            materials.len(),
            r.materials.len(),
            "{name}: duplicate material"
        );
        let mut articles = r.articles.clone();
        articles.sort();
        articles.dedup();
        assert_eq!(
            articles.len(),
            r.articles.len(),
            "{name}: duplicate article"
        );
    }
}

#[test]
fn unanswered_questions_never_make_aid_unlikely() {
    for matter in MATTERS {
        let r = run(json!({ "matter": matter }));
        let expected = match matter {
            // Naming a matter the law does not list is an answer, not a gap.
            "other" => Likelihood::Unlikely,
            "petition_retrial" => Likelihood::Maybe,
            _ if r.route == Route::MeansTest => Likelihood::Maybe,
            _ => Likelihood::Likely,
        };
        assert_eq!(r.likelihood, expected, "{matter}");
    }
}

#[test]
fn the_urgent_reason_comes_first_and_sends_the_visitor_to_staff() {
    let r = run(json!({"matter": "wages", "days_until_deadline": 3, "urgent_preservation": true}));
    let first = &r.reasons[0];
    assert!(first.en.contains("less than 7 days") && first.en.contains("secured"));
    assert!(first.en.contains("staff desk now") && first.en.contains("(LAL 44)"));
    assert!(first.zh_cn.contains("现在就去窗口"));
    let r = run(json!({"matter": "wages", "urgent_preservation": true}));
    assert!(!r.reasons[0].en.contains("7 days"));
}

#[test]
fn the_means_reason_names_the_region_date_and_figure() {
    let r = run(shanghai(json!({"matter": "wages"}), 3189));
    let text: Vec<&str> = r.reasons.iter().map(|t| t.en.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("Shanghai from 2024-07-01")
            && t.contains("below 3190 CNY")
            && t.contains("3189 CNY a month, which meets it")),
        "{text:?}"
    );
    let zh: Vec<&str> = r.reasons.iter().map(|t| t.zh_cn.as_str()).collect();
    assert!(
        zh.iter().any(|t| t.contains("上海市从2024-07-01起的标准")),
        "{zh:?}"
    );
    let m = r.means.unwrap();
    assert_eq!(m.region, "310000");
    assert_eq!(m.region_name.zh_cn, "上海市");
    assert_eq!(m.effective_from, Date::new(2024, 7, 1).unwrap());
    assert_eq!(m.comparison, Comparison::Below);
}

#[test]
fn a_date_before_the_first_standard_says_when_it_starts() {
    let r = run(json!({"matter": "wages", "region": "442000", "date": "2023-03-09"}));
    assert!(
        r.reasons.iter().any(|t| t
            .en
            .contains("Zhongshan, Guangdong standard we have starts on 2023-03-10")),
        "{:?}",
        r.reasons
    );
}

#[test]
fn the_date_defaults_to_today() {
    let answers = input(json!({"matter": "wages", "region": "310000",
                               "household_size": 1, "household_monthly_income": 3000}));
    let before = assess(
        &answers,
        Standards::embedded(),
        Date::new(2024, 6, 30).unwrap(),
    );
    assert_eq!((before.likelihood, before.means), (Likelihood::Maybe, None));
    let on = assess(
        &answers,
        Standards::embedded(),
        Date::new(2024, 7, 1).unwrap(),
    );
    assert_eq!(on.likelihood, Likelihood::Likely);
    assert_eq!(
        assess_embedded(&answers, today()),
        run(json!({"matter": "wages", "region": "310000",
        "household_size": 1, "household_monthly_income": 3000}))
    );
}

#[test]
fn a_not_above_standard_lets_the_boundary_pass() {
    let standards = Standards::from_json(
        &json!({"entries": [{
            "region": "320100",
            "names": {"zh-CN": "江苏省南京市", "en": "Nanjing, Jiangsu"},
            "rule": {"zh-CN": "测试数据", "en": "Test data"},
            "standard_per_capita_monthly": 2490,
            "comparison": "not_above",
            "effective_from": "2025-01-01",
            "source": "test fixture, not a real figure"
        }]})
        .to_string(),
    )
    .unwrap();
    let at = |income: u64, size: u32| {
        let answers = input(json!({"matter": "wages", "region": "320100",
            "household_size": size, "household_monthly_income": income}));
        let r = assess(&answers, &standards, today());
        let m = r.means.unwrap();
        (r.likelihood, m.per_capita, m.passed)
    };
    assert_eq!(at(2490, 1), (Likelihood::Likely, 2490, true));
    assert_eq!(at(2491, 1), (Likelihood::Unlikely, 2491, false));
    // 4981 / 2 = 2490.5: over the line, and shown rounded up so it reads as over.
    assert_eq!(at(4981, 2), (Likelihood::Unlikely, 2491, false));
    let r = assess(
        &input(json!({"matter": "wages", "region": "320100",
            "household_size": 1, "household_monthly_income": 2490})),
        &standards,
        today(),
    );
    assert!(
        r.reasons
            .iter()
            .any(|t| t.en.contains("not above 2490 CNY"))
    );
}

#[test]
fn materials_follow_the_route_and_the_applicant() {
    let cases: [(Value, &[Material]); 7] = [
        (
            shanghai(
                json!({"matter": "petition_retrial", "retrial_ordered": true}),
                1000,
            ),
            &[
                Material::ApplicationForm,
                Material::IdDocument,
                Material::FinancialStatement,
                Material::MatterDocuments,
                Material::RetrialDecision,
            ],
        ),
        (
            json!({"matter": "support_payment", "statuses": ["minor", "no_fixed_income"]}),
            &[
                Material::ApplicationForm,
                Material::IdDocument,
                Material::AgentAuthorisation,
                Material::StatusProof,
                Material::MatterDocuments,
            ],
        ),
        (
            json!({"matter": "criminal_defence", "criminal": ["minor"]}),
            &[Material::CriminalCaseDocuments],
        ),
        (
            json!({"matter": "criminal_defence"}),
            &[
                Material::ApplicationForm,
                Material::IdDocument,
                Material::CriminalCaseDocuments,
            ],
        ),
        (
            json!({"matter": "criminal_victim"}),
            &[
                Material::ApplicationForm,
                Material::IdDocument,
                Material::FinancialStatement,
                Material::CriminalCaseDocuments,
            ],
        ),
        (
            json!({"matter": "petition_retrial", "retrial_ordered": false}),
            &[Material::MatterDocuments],
        ),
        (json!({"matter": "wages", "has_lawyer": true}), &[]),
    ];
    for (answers, expected) in cases {
        assert_eq!(run(answers.clone()).materials, expected, "{answers}");
    }
}

#[test]
fn a_not_covered_petition_offers_free_advice_and_mediation() {
    let r = run(json!({"matter": "petition_retrial", "retrial_ordered": false}));
    let en: String = r.reasons.iter().map(|t| t.en.as_str()).collect();
    assert!(en.contains("after the court orders a retrial"));
    assert!(en.contains("Free legal advice") && en.contains("mediation"));
}

#[test]
fn a_near_miss_on_art_42_is_explained() {
    let r = run(json!({"matter": "labour_relationship", "statuses": ["migrant_worker"]}));
    assert!(
        r.reasons
            .iter()
            .any(|t| t.en.contains("only to confirm a labour relationship"))
    );
    let r = run(json!({"matter": "support_payment", "statuses": ["elderly"]}));
    assert!(
        r.reasons
            .iter()
            .any(|t| t.en.contains("also have no fixed income"))
    );
}

#[test]
fn input_json_uses_the_contract_field_names_and_round_trips() {
    let json = json!({
        "matter": "support_payment",
        "has_lawyer": false,
        "retrial_ordered": null,
        "criminal": ["minor"],
        "statuses": ["elderly", "no_fixed_income"],
        "region": "442000",
        "date": "2025-01-31",
        "household_size": 3,
        "household_monthly_income": 6000,
        "opposing_party_in_household": true,
        "applicant_monthly_income": 1200,
        "days_until_deadline": 10,
        "urgent_preservation": false,
    });
    let parsed = input(json.clone());
    assert_eq!(parsed.matter, Matter::SupportPayment);
    assert_eq!(parsed.date, Date::new(2025, 1, 31));
    assert_eq!(parsed.statuses, [Status::Elderly, Status::NoFixedIncome]);
    assert_eq!(serde_json::to_value(&parsed).unwrap(), json);
    assert_eq!(
        input(json!({"matter": "other"})),
        EligibilityInput::new(Matter::Other)
    );
}

#[test]
fn input_json_is_strict_about_names_and_values() {
    let cases = [
        (json!({"matter": "wages", "income": 1000}), "unknown field"),
        (json!({"matter": "wage"}), "unknown variant"),
        (
            json!({"matter": "wages", "statuses": ["poor"]}),
            "unknown variant",
        ),
        (
            json!({"matter": "wages", "date": "2025-02-30"}),
            "YYYY-MM-DD",
        ),
        (
            json!({"matter": "wages", "household_size": -1}),
            "invalid value",
        ),
        (json!({"has_lawyer": true}), "missing field `matter`"),
    ];
    for (json, message) in cases {
        let err = serde_json::from_value::<EligibilityInput>(json.clone())
            .unwrap_err()
            .to_string();
        assert!(err.contains(message), "{json}: {err}");
    }
}

#[test]
fn every_contract_name_is_accepted() {
    for matter in MATTERS {
        assert!(
            serde_json::from_value::<Matter>(json!(matter)).is_ok(),
            "{matter}"
        );
    }
    for status in STATUSES {
        assert!(
            serde_json::from_value::<Status>(json!(status)).is_ok(),
            "{status}"
        );
    }
    for category in CRIMINAL {
        let c: CriminalCategory = serde_json::from_value(json!(category)).unwrap();
        assert_eq!(serde_json::to_value(c).unwrap(), json!(category));
    }
}

#[test]
fn result_json_has_the_contract_shape_and_round_trips() {
    let r = run(
        json!({"matter": "wages", "region": "310000", "household_size": 2,
                       "household_monthly_income": 6000, "days_until_deadline": 3}),
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["route"], "means_test");
    assert_eq!(json["likelihood"], "likely");
    assert_eq!(json["articles"], json!(["LAL 31(5)", "LAL 34", "LAL 44"]));
    assert_eq!(json["urgent"], true);
    assert_eq!(
        json["means"],
        json!({
            "region": "310000",
            "region_name": {"zh-CN": "上海市", "en": "Shanghai"},
            "per_capita": 3000,
            "standard": 3190,
            "comparison": "below",
            "effective_from": "2024-07-01",
            "passed": true,
        })
    );
    assert_eq!(
        json["materials"],
        json!([
            "application_form",
            "id_document",
            "financial_statement",
            "matter_documents"
        ])
    );
    assert!(json["reasons"][0]["zh-CN"].is_string() && json["reasons"][0]["en"].is_string());
    let back: EligibilityResult = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
    let none = serde_json::to_value(run(json!({"matter": "other"}))).unwrap();
    assert_eq!(none["means"], Value::Null);
}

#[test]
fn every_material_has_a_label_in_both_languages() {
    let all = [
        Material::ApplicationForm,
        Material::IdDocument,
        Material::AgentAuthorisation,
        Material::FinancialStatement,
        Material::StatusProof,
        Material::MatterDocuments,
        Material::RetrialDecision,
        Material::CriminalCaseDocuments,
    ];
    for m in all {
        let label = m.label();
        assert!(!label.zh_cn.is_empty() && !label.en.is_empty(), "{m:?}");
    }
}
