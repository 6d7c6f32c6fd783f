//! The financial check of LAL 34: the household's income per person against the
//! region's standard in force on the day.

use super::article::{art, cite};
use super::outcome::{Outcome, say};
use super::{EligibilityInput, Likelihood, Material, MeansCheck, Standard, Standards};
use crate::api::LocalizedText;
use crate::date::Date;

/// LAL 34: compares the household's income per person with the region's standard
/// in force on `date`. Anything unknown leaves the likelihood at "maybe".
pub(super) fn means_test(
    o: &mut Outcome,
    input: &EligibilityInput,
    standards: &Standards,
    date: Date,
) {
    o.cite(&[art(34)]);
    o.bring(&[Material::FinancialStatement]);
    let declared = cite(&[art(41)]);
    o.say(say(
        format!(
            "经济状况由您自己在说明表里填写，法律援助机构会核实（{}）。",
            declared.zh_cn
        ),
        format!(
            "You describe your finances yourself on a form, and the legal aid agency \
             checks it ({}).",
            declared.en
        ),
    ));
    let region = input.region.as_deref();
    let Some(standard) = region.and_then(|r| standards.effective(r, date)) else {
        o.cap(Likelihood::Maybe);
        o.say(no_standard(region, standards, date));
        return;
    };
    let own_only = input.opposing_party_in_household == Some(true);
    let Some((income, members)) = income_basis(input) else {
        o.cap(Likelihood::Maybe);
        o.say(say(
            format!(
                "{}。收入信息没有填全，现在还判断不了，工作人员会和您一起核对。",
                standard_sentence(standard).zh_cn
            ),
            format!(
                "{}. Some income answers are missing, so this cannot be checked yet; \
                 staff will go through it with you.",
                standard_sentence(standard).en
            ),
        ));
        return;
    };
    let passed = standard
        .comparison
        .passes(income, members, standard.standard_per_capita_monthly);
    let per_capita = standard.comparison.shown_share(income, members);
    if !passed {
        o.cap(Likelihood::Unlikely);
    }
    let (whose_zh, whose_en) = if own_only {
        (
            "对方当事人和您住在一起，所以只算您本人的收入：每月",
            "The other party lives with you, so only your own income counts:",
        )
    } else {
        (
            "按您的回答，家庭人均每月",
            "From your answers, income per person is",
        )
    };
    let (verdict_zh, verdict_en) = if passed {
        ("符合这个标准", "which meets it")
    } else {
        (
            "不符合这个标准。工作人员还会了解您的具体情况",
            "which does not meet it. Staff will still look at your situation",
        )
    };
    let s = standard_sentence(standard);
    o.say(say(
        format!("{}。{whose_zh}{per_capita}元，{verdict_zh}。", s.zh_cn),
        format!(
            "{}. {whose_en} {per_capita} CNY a month, {verdict_en}.",
            s.en
        ),
    ));
    if !passed {
        let objection = cite(&[art(49)]);
        o.say(say(
            format!(
                "如果法律援助机构决定不给予法律援助，您可以向司法行政部门提出异议，5日内会有答复（{}）。",
                objection.zh_cn
            ),
            format!(
                "If the legal aid agency decides not to give aid, you can object to the \
                 justice bureau, which answers within 5 days ({}).",
                objection.en
            ),
        ));
    }
    o.means = Some(MeansCheck {
        region: standard.region.clone(),
        region_name: standard.names.clone(),
        per_capita,
        standard: standard.standard_per_capita_monthly,
        comparison: standard.comparison,
        effective_from: standard.effective_from,
        passed,
    });
}

/// The income to compare and how many people share it, if the answers say.
fn income_basis(input: &EligibilityInput) -> Option<(u64, u32)> {
    if input.opposing_party_in_household == Some(true) {
        // Counting the other party's income would make their victim look well off.
        Some((input.applicant_monthly_income?, 1))
    } else {
        let members = input.household_size.filter(|&n| n > 0)?;
        Some((input.household_monthly_income?, members))
    }
}

/// "Standard in Shanghai from 2024-07-01: … below 3190 CNY (LAL 34)", without the
/// final full stop.
fn standard_sentence(standard: &Standard) -> LocalizedText {
    let words = standard.comparison.words();
    let c = cite(&[art(34)]);
    say(
        format!(
            "{}从{}起的标准：家庭月人均收入{}{}元（{}）",
            standard.names.zh_cn,
            standard.effective_from,
            words.zh_cn,
            standard.standard_per_capita_monthly,
            c.zh_cn
        ),
        format!(
            "The standard in {} from {}: household income per person per month {} {} CNY ({})",
            standard.names.en,
            standard.effective_from,
            words.en,
            standard.standard_per_capita_monthly,
            c.en
        ),
    )
}

/// Why no standard could be applied: no region given, a region without data, or a
/// date before the first figure we have.
fn no_standard(region: Option<&str>, standards: &Standards, date: Date) -> LocalizedText {
    let c = cite(&[art(34)]);
    match region.and_then(|r| standards.earliest(r)) {
        Some(first) => say(
            format!(
                "我们掌握的{}标准从{}起施行，{date}适用的标准请问工作人员（{}）。",
                first.names.zh_cn, first.effective_from, c.zh_cn
            ),
            format!(
                "The {} standard we have starts on {}. For {date}, please ask staff for \
                 the standard ({}).",
                first.names.en, first.effective_from, c.en
            ),
        ),
        None => say(
            format!(
                "我们还没有您所在地区的经济困难标准，现在判断不了。请问工作人员当地的标准（{}）。",
                c.zh_cn
            ),
            format!(
                "We do not have the income standard for your area, so this cannot be \
                 checked yet. Please ask staff for the local standard ({}).",
                c.en
            ),
        ),
    }
}
