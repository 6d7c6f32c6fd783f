//! Which provision governs a matter and the route it takes (DOMAIN.md §3.1–3.5),
//! in the law's order of precedence.

use super::article::{Article, art, cite, item};
use super::means::means_test;
use super::outcome::{Outcome, say};
use super::{
    CriminalCategory, EligibilityInput, Likelihood, Material, Matter, Route, Standards, Status,
};
use crate::date::Date;

/// Where a matter sits in the law.
enum Basis {
    CriminalDefence,
    CompulsoryMedical,
    /// LAL 32 item.
    NoFinancialCondition(u8),
    Petition,
    /// LAL 31 item.
    FinancialCondition(u8),
    CrimeVictim,
    NotListed,
}

impl Matter {
    /// Whether the matter is one of LAL 31's, where a financial condition applies
    /// unless an art. 42 status waives it (so the self-check asks about statuses).
    pub fn has_financial_condition(self) -> bool {
        matches!(self.basis(), Basis::FinancialCondition(_))
    }

    fn basis(self) -> Basis {
        use Basis::*;
        match self {
            Self::StateCompensation => FinancialCondition(1),
            Self::SocialInsuranceOrAssistance => FinancialCondition(2),
            Self::PensionForBereavedOrDisabled => FinancialCondition(3),
            Self::SupportPayment => FinancialCondition(4),
            Self::LabourRelationship | Self::Wages => FinancialCondition(5),
            Self::CivilCapacity => FinancialCondition(6),
            Self::WorkInjury
            | Self::TrafficAccident
            | Self::FoodDrugAccident
            | Self::MedicalAccident => FinancialCondition(7),
            Self::EnvironmentalDamage => FinancialCondition(8),
            Self::MartyrRights => NoFinancialCondition(1),
            Self::Bravery => NoFinancialCondition(2),
            Self::AcquittalCompensation => NoFinancialCondition(3),
            Self::AbuseAbandonmentDv => NoFinancialCondition(4),
            Self::PetitionRetrial => Petition,
            Self::CriminalDefence => CriminalDefence,
            Self::CriminalVictim => CrimeVictim,
            Self::CompulsoryMedicalTreatment => CompulsoryMedical,
            Self::Other => NotListed,
        }
    }
}

impl CriminalCategory {
    /// Its item of LAL 25 ¶1.
    fn article(self) -> Article {
        match self {
            Self::Minor => item(25, 1),
            Self::SensoryDisability => item(25, 2),
            Self::MentalIncapacity => item(25, 3),
            Self::PossibleLifeOrDeath => item(25, 4),
            Self::DeathPenaltyReview => item(25, 5),
            Self::InAbsentia => item(25, 6),
        }
    }
}

/// A ground of LAL 42 for skipping the financial check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Waiver {
    /// 42(1): a minor, elderly or disabled person with no fixed income.
    NoIncomeGroup,
    /// 42(2): social assistance, judicial assistance or preferential care.
    Assisted,
    /// 42(3): a migrant worker claiming wages or work-injury compensation.
    MigrantWorker,
}

impl Waiver {
    fn article(self) -> Article {
        match self {
            Self::NoIncomeGroup => item(42, 1),
            Self::Assisted => item(42, 2),
            Self::MigrantWorker => item(42, 3),
        }
    }

    /// The grounds the applicant's proven statuses give for an art. 31 matter.
    fn grounds(input: &EligibilityInput) -> Vec<Waiver> {
        let assisted = [
            Status::SocialAssistance,
            Status::JudicialAssistance,
            Status::PreferentialCare,
        ]
        .into_iter()
        .any(|s| input.has(s));
        // Only pay and work-injury claims: a claim that merely seeks confirmation of
        // a labour relationship keeps the ordinary check (DOMAIN.md §3.5).
        let migrant_claim = input.has(Status::MigrantWorker)
            && matches!(input.matter, Matter::Wages | Matter::WorkInjury);
        [
            (
                vulnerable(input) && input.has(Status::NoFixedIncome),
                Self::NoIncomeGroup,
            ),
            (assisted, Self::Assisted),
            (migrant_claim, Self::MigrantWorker),
        ]
        .into_iter()
        .filter_map(|(applies, waiver)| applies.then_some(waiver))
        .collect()
    }
}

/// A minor, elderly or disabled applicant: the first half of LAL 42(1).
fn vulnerable(input: &EligibilityInput) -> bool {
    [Status::Minor, Status::Elderly, Status::Disabled]
        .into_iter()
        .any(|s| input.has(s))
}

/// The route, top-down: representation first (it rules out every route), then the
/// criminal routes, the matters without a financial condition, petitions, the
/// art. 31 matters, crime victims, and what the law does not list.
pub(super) fn route(input: &EligibilityInput, standards: &Standards, date: Date) -> Outcome {
    if input.has_lawyer == Some(true) {
        return already_represented();
    }
    match input.matter.basis() {
        Basis::CriminalDefence => criminal_defence(&input.criminal),
        Basis::CompulsoryMedical => compulsory_medical(),
        Basis::NoFinancialCondition(n) => no_financial_condition(input.matter, n),
        Basis::Petition => petition(input, standards, date),
        Basis::FinancialCondition(n) => financial_condition(input, n, standards, date),
        Basis::CrimeVictim => crime_victim(input, standards, date),
        Basis::NotListed => not_listed(),
    }
}

/// Arts. 24, 29 and 31 all require "no agent"; aid ends once one is hired (48(6)).
fn already_represented() -> Outcome {
    let mut o = Outcome::new(Route::AlreadyRepresented, Likelihood::Unlikely);
    let articles = [art(24), art(29), art(31), item(48, 6)];
    o.cite(&articles);
    let c = cite(&articles);
    o.say(say(
        format!(
            "您已经有律师。法律援助是给没有律师的人的；请了律师，法律援助就结束（{}）。\
             请先和您的律师商量。",
            c.zh_cn
        ),
        format!(
            "You already have a lawyer. Legal aid is for people with no lawyer, and it \
             ends when one is hired ({}). Please talk to your lawyer first.",
            c.en
        ),
    ));
    o
}

/// LAL 25 ¶1 makes a defence lawyer mandatory for the listed people; anyone else
/// may apply under art. 24 and has a duty lawyer meanwhile (art. 30).
fn criminal_defence(categories: &[CriminalCategory]) -> Outcome {
    // Deduplicated, in the law's order, whatever order the kiosk sent them in.
    let mut categories = categories.to_vec();
    categories.sort_unstable();
    categories.dedup();
    if categories.is_empty() {
        return criminal_apply();
    }
    let mut o = Outcome::new(Route::CriminalMandatory, Likelihood::Likely);
    let articles: Vec<Article> = categories.iter().map(|c| c.article()).collect();
    o.cite(&articles);
    o.bring(&[Material::CriminalCaseDocuments]);
    let (zh, en): (Vec<_>, Vec<_>) = categories.iter().map(|c| c.label()).unzip();
    let c = cite(&articles);
    o.say(say(
        format!(
            "犯罪嫌疑人、被告人没有辩护人，又属于以下情形的，必须为其指派律师：{}（{}）。不用申请，也不查经济状况。",
            zh.join("；"),
            c.zh_cn
        ),
        format!(
            "A suspect or defendant with no defence lawyer must be given one if they \
             are: {} ({}). No application and no income check are needed.",
            en.join("; "),
            c.en
        ),
    ));
    let serious = categories.iter().any(|c| {
        matches!(
            c,
            CriminalCategory::PossibleLifeOrDeath | CriminalCategory::DeathPenaltyReview
        )
    });
    if serious {
        let c = cite(&[art(26)]);
        o.say(say(
            format!(
                "可能判处无期徒刑、死刑或者死刑复核的案件，指派的律师要有3年以上执业经历（{}）。",
                c.zh_cn
            ),
            format!(
                "For a possible life or death sentence, or a death-penalty review, the \
                 lawyer must have at least 3 years of practice ({}).",
                c.en
            ),
        ));
    }
    say_authorities_notify(&mut o);
    o
}

fn criminal_apply() -> Outcome {
    let mut o = Outcome::new(Route::CriminalApply, Likelihood::Likely);
    o.cite(&[art(24), art(30)]);
    o.bring_application();
    o.bring(&[Material::CriminalCaseDocuments]);
    let (apply, duty) = (cite(&[art(24)]), cite(&[art(30)]));
    o.say(say(
        format!(
            "没有辩护人的犯罪嫌疑人、被告人，因经济困难或者其他原因，可以申请法律援助（{}）。\
             在这之前，值班律师可以免费提供法律帮助（{}）。",
            apply.zh_cn, duty.zh_cn
        ),
        format!(
            "A suspect or defendant with no defence lawyer may apply for legal aid, \
             because of money problems or for other reasons ({}). Until then, a duty \
             lawyer can help for free ({}).",
            apply.en, duty.en
        ),
    ));
    o
}

/// LAL 28: the respondent in a compulsory-medical-treatment case gets a lawyer
/// assigned on the court's notice, like the art. 25 defendants.
fn compulsory_medical() -> Outcome {
    let mut o = Outcome::new(Route::CriminalMandatory, Likelihood::Likely);
    o.cite(&[art(28)]);
    o.bring(&[Material::CriminalCaseDocuments]);
    let c = cite(&[art(28)]);
    o.say(say(
        format!(
            "强制医疗案件的被申请人没有代理人的，法院必须通知法律援助机构指派律师（{}）。\
             不用申请，也不查经济状况。",
            c.zh_cn
        ),
        format!(
            "A person facing compulsory medical treatment who has no lawyer must be given \
             one on the court's notice ({}). No application and no income check are needed.",
            c.en
        ),
    ));
    say_authorities_notify(&mut o);
    o
}

/// LAL 36: the time limits of a mandatory assignment.
fn say_authorities_notify(o: &mut Outcome) {
    let c = cite(&[art(36)]);
    o.say(say(
        format!(
            "公安机关、检察院或者法院应当在3日内通知法律援助机构，法律援助机构在3日内指派律师（{}）。",
            c.zh_cn
        ),
        format!(
            "The police, procuratorate or court must tell the legal aid agency within \
             3 days, and the agency assigns a lawyer within 3 days ({}).",
            c.en
        ),
    ));
}

/// LAL 32: no financial condition at all.
fn no_financial_condition(matter: Matter, n: u8) -> Outcome {
    let mut o = Outcome::new(Route::NoMeansTest, Likelihood::Likely);
    o.cite(&[item(32, n)]);
    o.bring_application();
    o.bring(&[Material::MatterDocuments]);
    let (zh, en) = matter.label();
    let c = cite(&[item(32, n)]);
    o.say(say(
        format!("您的事项是{zh}。申请法律援助不查经济状况（{}）。", c.zh_cn),
        format!(
            "Your matter is {en}. Legal aid for it has no income check ({}).",
            c.en
        ),
    ));
    o
}

/// LAL 33: a petition is covered only once a retrial is ordered or the
/// procuratorate protests; then the financial condition of art. 31 applies.
/// Not knowing whether that happened gives "maybe" (DOMAIN.md §3.8), so the check
/// runs as if it had and the answer is capped.
fn petition(input: &EligibilityInput, standards: &Standards, date: Date) -> Outcome {
    let c = cite(&[art(33)]);
    match input.retrial_ordered {
        Some(false) => {
            let mut o = Outcome::new(Route::NotCovered, Likelihood::Unlikely);
            o.cite(&[art(33)]);
            o.say(say(
                format!(
                    "申诉或者申请再审的，要等法院决定再审或者检察院提出抗诉以后，才能申请法律援助（{}）。",
                    c.zh_cn
                ),
                format!(
                    "For a petition or retrial request, legal aid is possible only after \
                     the court orders a retrial or the procuratorate protests ({}).",
                    c.en
                ),
            ));
            o
        }
        ordered => {
            let mut o = Outcome::new(Route::MeansTest, Likelihood::Likely);
            o.cite(&[art(33), art(31)]);
            o.bring_application();
            let conditions = cite(&[art(33), art(31)]);
            if ordered.is_some() {
                o.say(say(
                    format!(
                        "法院已经决定再审或者检察院已经抗诉，经济困难、没有律师的，可以申请法律援助（{}）。",
                        conditions.zh_cn
                    ),
                    format!(
                        "A retrial has been ordered or the procuratorate has protested, so \
                         you may apply if you have no lawyer and cannot afford one ({}).",
                        conditions.en
                    ),
                ));
            } else {
                o.cap(Likelihood::Maybe);
                o.say(say(
                    format!(
                        "如果法院已经决定再审或者检察院已经抗诉，经济困难、没有律师的，可以申请法律援助；\
                         在这之前不能申请（{}）。请把再审决定书或者抗诉书给工作人员看。",
                        conditions.zh_cn
                    ),
                    format!(
                        "If a retrial has been ordered or the procuratorate has protested, you \
                         may apply if you have no lawyer and cannot afford one; before that, \
                         you cannot ({}). Please show staff the retrial decision or protest.",
                        conditions.en
                    ),
                ));
            }
            means_test(&mut o, input, standards, date);
            o.bring(&[Material::MatterDocuments, Material::RetrialDecision]);
            o
        }
    }
}

/// LAL 31: no agent and financial difficulty, unless proof of status skips the
/// check (art. 42).
fn financial_condition(
    input: &EligibilityInput,
    n: u8,
    standards: &Standards,
    date: Date,
) -> Outcome {
    let waivers = Waiver::grounds(input);
    let route = if waivers.is_empty() {
        Route::MeansTest
    } else {
        Route::MeansWaived
    };
    let mut o = Outcome::new(route, Likelihood::Likely);
    o.cite(&[item(31, n)]);
    o.bring_application();
    let (zh, en) = input.matter.label();
    let c = cite(&[item(31, n)]);
    o.say(say(
        format!(
            "您的事项是{zh}。没有律师、经济困难的，可以申请法律援助（{}）。",
            c.zh_cn
        ),
        format!(
            "Your matter is {en}. If you have no lawyer and cannot afford one, you may \
             apply for legal aid ({}).",
            c.en
        ),
    ));
    if waivers.is_empty() {
        say_near_waivers(&mut o, input);
        means_test(&mut o, input, standards, date);
    } else {
        for waiver in waivers {
            say_waiver(&mut o, waiver);
        }
        o.bring(&[Material::StatusProof]);
    }
    o.bring(&[Material::MatterDocuments]);
    o
}

fn say_waiver(o: &mut Outcome, waiver: Waiver) {
    o.cite(&[waiver.article()]);
    let (zh, en) = waiver.label();
    let c = cite(&[waiver.article()]);
    o.say(say(
        format!(
            "您能证明自己是{zh}，所以不查经济状况（{}）。请带上证明材料；没有证明，仍要查经济状况。",
            c.zh_cn
        ),
        format!(
            "With proof that you are {en}, there is no income check ({}). Bring the \
             proof; without it, the usual income check applies.",
            c.en
        ),
    ));
}

/// Explains an art. 42 ground the visitor nearly meets, so a missing answer or a
/// narrower claim is not a surprise at the desk.
fn say_near_waivers(o: &mut Outcome, input: &EligibilityInput) {
    // Exactly one half of 42(1) was answered.
    if vulnerable(input) != input.has(Status::NoFixedIncome) {
        let c = cite(&[item(42, 1)]);
        o.say(say(
            format!(
                "未成年人、老年人、残疾人同时没有固定生活来源的，才不查经济状况（{}）。",
                c.zh_cn
            ),
            format!(
                "Minors, elderly and disabled people skip the income check only if they \
                 also have no fixed income ({}).",
                c.en
            ),
        ));
    }
    if input.has(Status::MigrantWorker) {
        let c = cite(&[item(42, 3)]);
        o.say(say(
            format!(
                "进城务工人员只有请求支付工资或者工伤赔偿的，才不查经济状况；只请求确认劳动关系的，仍要查（{}）。",
                c.zh_cn
            ),
            format!(
                "For migrant workers, only claims for wages or work-injury compensation \
                 skip the income check; a claim only to confirm a labour relationship \
                 does not ({}).",
                c.en
            ),
        ));
    }
}

/// LAL 29: victims and private prosecutors who cannot afford an agent.
fn crime_victim(input: &EligibilityInput, standards: &Standards, date: Date) -> Outcome {
    let mut o = Outcome::new(Route::MeansTest, Likelihood::Likely);
    o.cite(&[art(29)]);
    o.bring_application();
    let c = cite(&[art(29)]);
    o.say(say(
        format!(
            "刑事案件的被害人、自诉人、附带民事诉讼原告人，因经济困难没有代理人的，可以申请法律援助（{}）。",
            c.zh_cn
        ),
        format!(
            "Victims, private prosecutors and civil claimants in a criminal case who \
             cannot afford a lawyer may apply for legal aid ({}).",
            c.en
        ),
    ));
    means_test(&mut o, input, standards, date);
    o.bring(&[Material::CriminalCaseDocuments]);
    o
}

/// Matters outside arts. 31–33: local rules may add some (31(9)), so staff know.
fn not_listed() -> Outcome {
    let mut o = Outcome::new(Route::NotCovered, Likelihood::Unlikely);
    let c = cite(&[item(31, 9)]);
    o.say(say(
        format!(
            "您的事项不在法律援助法列出的事项里，一般不能得到法律援助。当地规定可能还有别的事项（{}），可以问工作人员。",
            c.zh_cn
        ),
        format!(
            "Your matter is not on the Legal Aid Law's list, so legal aid is unlikely. \
             Local rules may add matters ({}); staff can tell you.",
            c.en
        ),
    ));
    o
}
