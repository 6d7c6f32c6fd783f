//! One plain line per provision the engine can cite, for the result screen's list
//! of deciding articles ("LAL 31(5)" → what it says, in everyday words).

use crate::api::LocalizedText;

/// What `article` (as written in `EligibilityResult::articles`) says.
pub fn explain(article: &str) -> Option<LocalizedText> {
    let (zh, en) = match article {
        "LAL 22" => (
            "法律援助的形式包括法律咨询、代拟文书、代理和辩护等",
            "Legal aid includes advice, drafting documents, representation and defence",
        ),
        "LAL 23" => (
            "法律咨询免费，不审查经济状况",
            "Legal advice is free, with no check of your finances",
        ),
        "LAL 24" => (
            "没有辩护人的犯罪嫌疑人、被告人，可以申请法律援助",
            "A suspect or defendant without a defence lawyer may apply for legal aid",
        ),
        "LAL 25(1)" => (
            "未成年人没有辩护人的，应当指派律师辩护",
            "A minor without a defence lawyer must be given one",
        ),
        "LAL 25(2)" => (
            "视力、听力、言语残疾人没有辩护人的，应当指派律师",
            "A person with a visual, hearing or speech disability must be given a defence lawyer",
        ),
        "LAL 25(3)" => (
            "不能完全辨认自己行为的成年人，应当指派律师",
            "An adult who cannot fully understand their own conduct must be given a defence lawyer",
        ),
        "LAL 25(4)" => (
            "可能判处无期徒刑、死刑的，应当指派律师",
            "Anyone facing life imprisonment or death must be given a defence lawyer",
        ),
        "LAL 25(5)" => (
            "死刑复核案件申请法律援助的，应当指派律师",
            "In death-penalty review, a lawyer must be assigned on request",
        ),
        "LAL 25(6)" => (
            "缺席审判案件，应当指派律师",
            "In a trial in absentia, a defence lawyer must be assigned",
        ),
        "LAL 26" => (
            "可能判处无期徒刑、死刑的案件，指派有三年以上执业经历的律师",
            "For life or death cases, the lawyer must have at least 3 years' practice",
        ),
        "LAL 28" => (
            "强制医疗案件的被申请人没有代理人的，应当指派律师",
            "A respondent in a compulsory medical treatment case must be given a lawyer",
        ),
        "LAL 29" => (
            "刑事案件的被害人等因经济困难没有委托代理人的，可以申请",
            "Crime victims who cannot afford a lawyer may apply",
        ),
        "LAL 30" => (
            "值班律师提供法律帮助，不审查经济状况",
            "Duty lawyers give help at once, with no check of your finances",
        ),
        "LAL 31" => (
            "下列事项因经济困难没有委托代理人的，可以申请法律援助",
            "For these matters you may apply if you cannot afford a lawyer",
        ),
        "LAL 31(1)" => ("依法请求国家赔偿", "Claims for state compensation"),
        "LAL 31(2)" => (
            "请求给予社会保险待遇或者社会救助",
            "Claims for social insurance benefits or social assistance",
        ),
        "LAL 31(3)" => (
            "请求发给抚恤金",
            "Claims for a pension for bereaved families or disabled people",
        ),
        "LAL 31(4)" => (
            "请求给付赡养费、抚养费、扶养费",
            "Claims for support payments",
        ),
        "LAL 31(5)" => (
            "请求确认劳动关系或者支付劳动报酬",
            "Confirming a labour relationship or claiming unpaid wages",
        ),
        "LAL 31(6)" => (
            "请求认定无民事行为能力或者限制民事行为能力",
            "Declaring a person unable or partly unable to act legally",
        ),
        "LAL 31(7)" => (
            "工伤、交通、食品药品、医疗事故的人身损害赔偿",
            "Injury compensation after a work, traffic, food/drug or medical accident",
        ),
        "LAL 31(8)" => (
            "环境污染、生态破坏损害赔偿",
            "Compensation for pollution or ecological damage",
        ),
        "LAL 31(9)" => (
            "法律、法规、规章规定的其他情形",
            "Other matters set by laws and regulations",
        ),
        "LAL 32(1)" => (
            "英雄烈士近亲属维护英雄烈士的人格权益，不受经济状况限制",
            "Close relatives of heroes and martyrs protecting their honour: no financial condition",
        ),
        "LAL 32(2)" => (
            "因见义勇为行为主张相关民事权益，不受经济状况限制",
            "Claims arising from an act of bravery: no financial condition",
        ),
        "LAL 32(3)" => (
            "再审改判无罪请求国家赔偿，不受经济状况限制",
            "State compensation after acquittal on retrial: no financial condition",
        ),
        "LAL 32(4)" => (
            "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益，不受经济状况限制",
            "Victims of abuse, abandonment or domestic violence: no financial condition",
        ),
        "LAL 33" => (
            "申诉、再审案件，法院决定再审或检察院抗诉后可以申请",
            "Petitions: you may apply once a retrial is ordered or the procuratorate protests",
        ),
        "LAL 34" => (
            "经济困难的标准由省级人民政府确定",
            "Each province sets the financial-difficulty standard",
        ),
        "LAL 36" => (
            "办案机关应当在三日内通知法律援助机构指派律师",
            "The authorities must notify the legal aid agency within 3 days",
        ),
        "LAL 38" => (
            "向办案机关或争议处理机关所在地的法律援助机构申请",
            "Apply to the legal aid agency where the case or dispute is handled",
        ),
        "LAL 40" => (
            "无民事行为能力人或者限制民事行为能力人由法定代理人代为申请",
            "A legal representative applies for a person who cannot act alone",
        ),
        "LAL 41" => (
            "经济困难状况由申请人如实说明",
            "You state your financial situation yourself, truthfully",
        ),
        "LAL 42(1)" => (
            "无固定生活来源的未成年人、老年人、残疾人，免予核查经济状况",
            "Minors, elderly or disabled people with no fixed income: no financial check",
        ),
        "LAL 42(2)" => (
            "社会救助、司法救助或者优抚对象，免予核查经济状况",
            "People on social or judicial assistance or preferential care: no financial check",
        ),
        "LAL 42(3)" => (
            "进城务工人员请求支付劳动报酬或者工伤赔偿，免予核查经济状况",
            "Migrant workers claiming wages or work-injury compensation: no financial check",
        ),
        "LAL 43" => (
            "法律援助机构收到申请之日起七日内作出决定",
            "The legal aid agency decides within 7 days of your application",
        ),
        "LAL 44" => (
            "期限将到或需紧急保全的，可以先行提供法律援助",
            "If a deadline is near or something must be secured at once, aid can start before the decision",
        ),
        "LAL 48(6)" => (
            "受援人自行委托律师的，终止法律援助",
            "Legal aid ends if you hire your own lawyer",
        ),
        "LAL 49" => (
            "对不予援助的决定有异议的，可以向司法行政部门提出",
            "If aid is not given, you can object to the justice bureau",
        ),
        _ => return None,
    };
    Some(LocalizedText {
        zh_cn: zh.to_owned(),
        en: en.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::eligibility::{CriminalCategory, EligibilityInput, Matter, Status, assess_embedded};

    #[test]
    fn every_article_any_result_cites_has_an_explanation() {
        let today = Date::new(2026, 11, 29).unwrap();
        let statuses = [
            vec![],
            vec![Status::MigrantWorker],
            vec![Status::Elderly, Status::NoFixedIncome],
            vec![Status::SocialAssistance],
        ];
        let mut seen: usize = 0;
        for matter in Matter::ALL {
            for lawyer in [None, Some(true), Some(false)] {
                for st in &statuses {
                    for retrial in [None, Some(true), Some(false)] {
                        let mut input = EligibilityInput::new(matter);
                        input.has_lawyer = lawyer;
                        input.statuses = st.clone();
                        input.retrial_ordered = retrial;
                        input.urgent_preservation = Some(retrial == Some(true));
                        input.region = Some("310000".into());
                        input.household_size = Some(2);
                        input.household_monthly_income = Some(4000);
                        if matter == Matter::CriminalDefence {
                            input.criminal = CriminalCategory::ALL[..(seen % 7)].to_vec();
                        }
                        for a in assess_embedded(&input, today).articles {
                            assert!(explain(&a).is_some(), "no explanation for {a}");
                        }
                        seen += 1;
                    }
                }
            }
        }
    }

    #[test]
    fn explanations_exist_in_both_languages_and_unknown_articles_have_none() {
        let e = explain("LAL 42(3)").unwrap();
        assert!(e.zh_cn.contains("进城务工"));
        assert!(e.en.contains("Migrant"));
        assert_eq!(explain("LAL 99"), None);
    }
}
