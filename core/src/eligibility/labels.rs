//! Plain names of matters, criminal-case categories and art. 42 groups, as they
//! appear inside the reasons. Written for visitors, not lawyers: short, no jargon
//! where an everyday word exists.

use super::rules::Waiver;
use super::{CriminalCategory, Matter};

/// A name in Chinese and English.
pub(super) type Label = (&'static str, &'static str);

impl Matter {
    /// What the visitor's matter is called in a sentence ("Your matter is …").
    pub(super) fn label(self) -> Label {
        match self {
            Self::StateCompensation => ("国家赔偿", "state compensation"),
            Self::SocialInsuranceOrAssistance => (
                "社会保险待遇或者社会救助",
                "social insurance benefits or social assistance",
            ),
            Self::PensionForBereavedOrDisabled => (
                "抚恤金",
                "a pension for bereaved families or disabled people",
            ),
            Self::SupportPayment => (
                "赡养费、抚养费或者扶养费",
                "support payments for parents, children or a spouse",
            ),
            Self::LabourRelationship => ("确认劳动关系", "confirming a labour relationship"),
            Self::Wages => ("支付劳动报酬（工资）", "unpaid wages"),
            Self::CivilCapacity => (
                "认定无民事行为能力或者限制民事行为能力",
                "declaring a person unable or partly unable to act legally",
            ),
            Self::WorkInjury => ("工伤事故人身损害赔偿", "compensation for a work injury"),
            Self::TrafficAccident => (
                "交通事故人身损害赔偿",
                "compensation for injury in a traffic accident",
            ),
            Self::FoodDrugAccident => (
                "食品药品安全事故人身损害赔偿",
                "compensation for harm from unsafe food or medicine",
            ),
            Self::MedicalAccident => (
                "医疗事故人身损害赔偿",
                "compensation for a medical accident",
            ),
            Self::EnvironmentalDamage => (
                "环境污染、生态破坏损害赔偿",
                "compensation for pollution or damage to nature",
            ),
            Self::MartyrRights => (
                "英雄烈士近亲属维护英雄烈士的名誉等权益",
                "a hero's or martyr's close relative protecting their good name",
            ),
            Self::Bravery => (
                "因见义勇为主张民事权益",
                "a claim arising from an act of bravery",
            ),
            Self::AcquittalCompensation => (
                "再审改判无罪后请求国家赔偿",
                "state compensation after acquittal on retrial",
            ),
            Self::AbuseAbandonmentDv => (
                "遭受虐待、遗弃或者家庭暴力后主张相关权益",
                "rights after abuse, abandonment or domestic violence",
            ),
            Self::PetitionRetrial => ("申诉或者申请再审", "a petition or retrial request"),
            Self::CriminalDefence => ("刑事辩护", "defence in a criminal case"),
            Self::CriminalVictim => ("刑事案件被害人的权益", "a crime victim's case"),
            Self::CompulsoryMedicalTreatment => ("强制医疗", "compulsory medical treatment"),
            Self::Other => ("其他事项", "another matter"),
        }
    }
}

impl CriminalCategory {
    /// Who the suspect or defendant is, completing "… if they are: …".
    pub(super) fn label(self) -> Label {
        match self {
            Self::Minor => ("未成年人", "under 18"),
            Self::SensoryDisability => {
                ("视力、听力或者言语残疾人", "blind, deaf or unable to speak")
            }
            Self::MentalIncapacity => (
                "不能完全辨认自己行为的成年人",
                "an adult who cannot fully understand or control their own actions",
            ),
            Self::PossibleLifeOrDeath => (
                "可能被判处无期徒刑、死刑的人",
                "facing a possible life or death sentence",
            ),
            Self::DeathPenaltyReview => (
                "申请法律援助的死刑复核案件被告人",
                "in a death-penalty review and asking for legal aid",
            ),
            Self::InAbsentia => ("缺席审判案件的被告人", "tried in their absence"),
        }
    }
}

impl Waiver {
    /// Who the ground covers, completing "With proof that you are …".
    pub(super) fn label(self) -> Label {
        match self {
            Self::NoIncomeGroup => (
                "没有固定生活来源的未成年人、老年人或者残疾人",
                "a minor, an elderly or a disabled person with no fixed income",
            ),
            Self::Assisted => (
                "社会救助、司法救助或者优抚对象",
                "receiving social assistance, judicial assistance or preferential care",
            ),
            Self::MigrantWorker => (
                "请求支付劳动报酬或者工伤赔偿的进城务工人员",
                "a migrant worker claiming wages or work-injury compensation",
            ),
        }
    }
}
