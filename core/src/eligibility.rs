//! The legal-aid self-check (DOMAIN.md §3): from what a visitor answers, which route
//! of the PRC Legal Aid Law (LAL) their matter takes, how likely aid is, the deciding
//! provisions, the materials to bring and plain reasons in Chinese and English.
//!
//! [`assess`] is a pure function of the answers, the financial-difficulty
//! [`Standards`] and today's date, so the kiosk (offline) and the server give the same
//! answer. The result is advice only (PIPL art. 24): the legal aid agency decides.
//! Unknown answers ("I don't know") lower the likelihood to "maybe", never further.

mod article;
mod explain;
mod iso_date;
mod labels;
mod means;
mod outcome;
mod rules;
mod standards;

use serde::{Deserialize, Serialize};

pub use self::explain::explain as explain_article;
use self::outcome::say;
use self::rules::route;
pub use self::standards::{
    Comparison, EMBEDDED_JSON, InvalidStandards, Standard, StandardChange, Standards, UploadProblem,
};
use crate::api::LocalizedText;
use crate::date::Date;

/// What the visitor needs help with. Each maps to the provision that governs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    StateCompensation,
    SocialInsuranceOrAssistance,
    PensionForBereavedOrDisabled,
    SupportPayment,
    LabourRelationship,
    Wages,
    CivilCapacity,
    WorkInjury,
    TrafficAccident,
    FoodDrugAccident,
    MedicalAccident,
    EnvironmentalDamage,
    MartyrRights,
    Bravery,
    AcquittalCompensation,
    AbuseAbandonmentDv,
    PetitionRetrial,
    CriminalDefence,
    CriminalVictim,
    CompulsoryMedicalTreatment,
    Other,
}

impl Matter {
    /// Every matter, in the order of the input contract.
    pub const ALL: [Matter; 21] = [
        Matter::StateCompensation,
        Matter::SocialInsuranceOrAssistance,
        Matter::PensionForBereavedOrDisabled,
        Matter::SupportPayment,
        Matter::LabourRelationship,
        Matter::Wages,
        Matter::CivilCapacity,
        Matter::WorkInjury,
        Matter::TrafficAccident,
        Matter::FoodDrugAccident,
        Matter::MedicalAccident,
        Matter::EnvironmentalDamage,
        Matter::MartyrRights,
        Matter::Bravery,
        Matter::AcquittalCompensation,
        Matter::AbuseAbandonmentDv,
        Matter::PetitionRetrial,
        Matter::CriminalDefence,
        Matter::CriminalVictim,
        Matter::CompulsoryMedicalTreatment,
        Matter::Other,
    ];
}

/// Facts about a suspect or defendant that oblige the authorities to have a
/// defence lawyer assigned (LAL 25 ¶1, items 1–6 in the law's order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriminalCategory {
    Minor,
    SensoryDisability,
    MentalIncapacity,
    PossibleLifeOrDeath,
    DeathPenaltyReview,
    InAbsentia,
}

impl CriminalCategory {
    /// Every category, in the law's order (LAL 25 ¶1 items 1–6).
    pub const ALL: [CriminalCategory; 6] = [
        CriminalCategory::Minor,
        CriminalCategory::SensoryDisability,
        CriminalCategory::MentalIncapacity,
        CriminalCategory::PossibleLifeOrDeath,
        CriminalCategory::DeathPenaltyReview,
        CriminalCategory::InAbsentia,
    ];
}

/// Groups the applicant says they can prove they belong to (LAL 42).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    MigrantWorker,
    Minor,
    Elderly,
    Disabled,
    NoFixedIncome,
    SocialAssistance,
    JudicialAssistance,
    PreferentialCare,
}

/// The visitor's answers. Only `matter` is required; every other answer may be left
/// out ("I don't know").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityInput {
    pub matter: Matter,
    /// Already represented by a lawyer (or, in a criminal case, has a defender).
    #[serde(default)]
    pub has_lawyer: Option<bool>,
    /// For `petition_retrial`: the court has ordered a retrial or the procuratorate
    /// has protested (LAL 33).
    #[serde(default)]
    pub retrial_ordered: Option<bool>,
    /// For `criminal_defence`: what applies to the suspect or defendant.
    #[serde(default)]
    pub criminal: Vec<CriminalCategory>,
    /// Groups the applicant can prove they belong to.
    #[serde(default)]
    pub statuses: Vec<Status>,
    /// Six-digit administrative code of the province or prefecture whose standard
    /// applies, e.g. `"310000"` or `"442000"`.
    #[serde(default)]
    pub region: Option<String>,
    /// The day to apply the standard of; `None` means today.
    #[serde(default, with = "iso_date::option")]
    pub date: Option<Date>,
    /// People in the household, the applicant included.
    #[serde(default)]
    pub household_size: Option<u32>,
    /// The whole household's monthly income, in CNY.
    #[serde(default)]
    pub household_monthly_income: Option<u64>,
    /// The other side of the dispute lives in the household (support, divorce,
    /// domestic violence): then only the applicant's own income counts.
    #[serde(default)]
    pub opposing_party_in_household: Option<bool>,
    /// The applicant's own monthly income, in CNY.
    #[serde(default)]
    pub applicant_monthly_income: Option<u64>,
    /// Days left before a limitation period or procedural deadline runs out.
    #[serde(default)]
    pub days_until_deadline: Option<u32>,
    /// Property or evidence must be preserved, or advance execution sought, at once.
    #[serde(default)]
    pub urgent_preservation: Option<bool>,
}

impl EligibilityInput {
    /// Answers about `matter` with every other question unanswered.
    pub fn new(matter: Matter) -> Self {
        Self {
            matter,
            has_lawyer: None,
            retrial_ordered: None,
            criminal: Vec::new(),
            statuses: Vec::new(),
            region: None,
            date: None,
            household_size: None,
            household_monthly_income: None,
            opposing_party_in_household: None,
            applicant_monthly_income: None,
            days_until_deadline: None,
            urgent_preservation: None,
        }
    }

    fn has(&self, status: Status) -> bool {
        self.statuses.contains(&status)
    }
}

/// Which path through the law the matter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The authorities must have a defence lawyer assigned; nothing to apply for
    /// (LAL 25, 28).
    CriminalMandatory,
    /// A suspect or defendant may apply (LAL 24).
    CriminalApply,
    /// Aid without any financial condition (LAL 32).
    NoMeansTest,
    /// A financial condition applies, but proof of status skips the check (LAL 42).
    MeansWaived,
    /// The financial-difficulty standard decides (LAL 34).
    MeansTest,
    /// Representation aid is only for people with no lawyer.
    AlreadyRepresented,
    /// Not a legal-aid matter (yet); free consultation and mediation remain.
    NotCovered,
}

/// How likely legal aid is, as advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    Likely,
    Maybe,
    Unlikely,
}

impl Likelihood {
    /// The less favourable of two: an unknown answer can turn "likely" into
    /// "maybe", but a known failing one still decides.
    fn at_most(self, cap: Self) -> Self {
        let rank = |l| match l {
            Self::Likely => 2,
            Self::Maybe => 1,
            Self::Unlikely => 0,
        };
        if rank(cap) < rank(self) { cap } else { self }
    }
}

/// Something to bring to the application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Material {
    /// The application form; staff fill it in for those who cannot.
    ApplicationForm,
    /// The applicant's ID document.
    IdDocument,
    /// Proof that an agent or legal representative may act (LAL 40).
    AgentAuthorisation,
    /// 经济困难状况说明表, the self-declared financial statement (LAL 41).
    FinancialStatement,
    /// Proof of an art. 42 status (低保证, disability certificate, …).
    StatusProof,
    /// Papers about the matter: contracts, pay records, judgments, letters.
    MatterDocuments,
    /// The retrial decision or the procuratorate's protest (LAL 33).
    RetrialDecision,
    /// Papers of the criminal case: detention notice, indictment, judgment.
    CriminalCaseDocuments,
}

impl Material {
    /// What to call it on the checklist.
    pub fn label(self) -> LocalizedText {
        let (zh, en) = match self {
            Self::ApplicationForm => ("法律援助申请表", "Legal aid application form"),
            Self::IdDocument => ("身份证件", "ID document"),
            Self::AgentAuthorisation => (
                "代理人的授权委托书或者监护关系证明",
                "Proof that your agent or guardian may act for you",
            ),
            Self::FinancialStatement => (
                "经济困难状况说明表",
                "Statement of your financial situation",
            ),
            Self::StatusProof => (
                "身份证明材料（如低保证、残疾证）",
                "Proof of your status (for example a social assistance or disability card)",
            ),
            Self::MatterDocuments => ("与案件有关的材料", "Papers about your matter"),
            Self::RetrialDecision => (
                "再审决定书或者抗诉书",
                "The retrial decision or the procuratorate's protest",
            ),
            Self::CriminalCaseDocuments => (
                "刑事案件材料（如拘留通知书、起诉书）",
                "Papers of the criminal case (for example a detention notice or indictment)",
            ),
        };
        say(zh, en)
    }
}

/// The financial check as run, so the kiosk can show "standard as of <date>,
/// <region>" beside the outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeansCheck {
    /// The region code whose standard was used.
    pub region: String,
    pub region_name: LocalizedText,
    /// The household's monthly income per person in CNY, or the applicant's own
    /// income when the other party lives in the household.
    pub per_capita: u64,
    /// The figure it was compared with, in CNY per person per month.
    pub standard: u64,
    pub comparison: Comparison,
    /// First day of the standard used.
    #[serde(with = "iso_date")]
    pub effective_from: Date,
    pub passed: bool,
}

/// The self-check's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityResult {
    pub route: Route,
    pub likelihood: Likelihood,
    /// Deciding provisions, e.g. `"LAL 31(5)"`, `"LAL 42(3)"`.
    pub articles: Vec<String>,
    /// A deadline or preservation need makes this urgent (LAL 44): see staff now.
    pub urgent: bool,
    /// The financial check, when one ran and could be computed.
    pub means: Option<MeansCheck>,
    /// What to bring, each listed once.
    pub materials: Vec<Material>,
    /// Plain sentences for the visitor, each citing its provision.
    pub reasons: Vec<LocalizedText>,
}

/// Assesses `input` against `standards`; `today` stands in for a missing
/// `input.date`.
pub fn assess(input: &EligibilityInput, standards: &Standards, today: Date) -> EligibilityResult {
    let date = input.date.unwrap_or(today);
    let mut outcome = route(input, standards, date);
    outcome.add_guardian_note(input);
    outcome.add_fallback();
    outcome.add_urgency(input);
    outcome.add_procedure();
    outcome.into_result()
}

/// [`assess`] with the standards shipped in this build.
pub fn assess_embedded(input: &EligibilityInput, today: Date) -> EligibilityResult {
    assess(input, Standards::embedded(), today)
}

#[cfg(test)]
mod tests;
