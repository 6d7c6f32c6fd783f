//! The result under construction: route-specific rules fill it in, then the notes
//! every result carries are added (guardian, free advice, urgency, procedure).

use super::article::{Article, art, cite};
use super::{EligibilityInput, EligibilityResult, Likelihood, Material, MeansCheck, Route, Status};
use crate::api::LocalizedText;

/// The result being put together: the route decides the first reasons, the common
/// notes follow.
pub(super) struct Outcome {
    pub(super) route: Route,
    pub(super) likelihood: Likelihood,
    articles: Vec<Article>,
    materials: Vec<Material>,
    reasons: Vec<LocalizedText>,
    pub(super) means: Option<MeansCheck>,
    urgent: bool,
}

impl Outcome {
    pub(super) fn new(route: Route, likelihood: Likelihood) -> Self {
        Self {
            route,
            likelihood,
            articles: Vec::new(),
            materials: Vec::new(),
            reasons: Vec::new(),
            means: None,
            urgent: false,
        }
    }

    pub(super) fn cite(&mut self, articles: &[Article]) {
        for a in articles {
            if !self.articles.contains(a) {
                self.articles.push(*a);
            }
        }
    }

    pub(super) fn bring(&mut self, materials: &[Material]) {
        for m in materials {
            if !self.materials.contains(m) {
                self.materials.push(*m);
            }
        }
    }

    pub(super) fn say(&mut self, text: LocalizedText) {
        self.reasons.push(text);
    }

    pub(super) fn cap(&mut self, likelihood: Likelihood) {
        self.likelihood = self.likelihood.at_most(likelihood);
    }

    /// Whether the visitor files an application (rather than being assigned a
    /// lawyer, or having nothing to apply for).
    fn applies(&self) -> bool {
        matches!(
            self.route,
            Route::CriminalApply | Route::NoMeansTest | Route::MeansWaived | Route::MeansTest
        )
    }

    /// The application itself: form and ID first, then route-specific papers.
    pub(super) fn bring_application(&mut self) {
        self.bring(&[Material::ApplicationForm, Material::IdDocument]);
    }

    /// LAL 40: a minor applies through a legal representative.
    pub(super) fn add_guardian_note(&mut self, input: &EligibilityInput) {
        if !(self.applies() && input.has(Status::Minor)) {
            return;
        }
        // Right after the ID document, where the checklist reader expects it.
        let at = self.materials.len().min(2);
        if !self.materials.contains(&Material::AgentAuthorisation) {
            self.materials.insert(at, Material::AgentAuthorisation);
        }
        let c = cite(&[art(40)]);
        self.say(say(
            format!(
                "未成年人由法定代理人（一般是父母）代为申请（{}）。",
                c.zh_cn
            ),
            format!(
                "A minor applies through a legal representative, usually a parent ({}).",
                c.en
            ),
        ));
    }

    /// Free consultation has no conditions at all (LAL 22, 23), so whoever is
    /// unlikely to get aid still leaves with somewhere to go.
    pub(super) fn add_fallback(&mut self) {
        let offered = self.route == Route::NotCovered
            || (self.route == Route::MeansTest && self.likelihood == Likelihood::Unlikely);
        if !offered {
            return;
        }
        self.cite(&[art(22), art(23)]);
        self.bring(&[Material::MatterDocuments]);
        let c = cite(&[art(22), art(23)]);
        self.say(say(
            format!(
                "免费法律咨询不查经济状况，谁都可以来问（{}）。也可以申请免费的人民调解。",
                c.zh_cn
            ),
            format!(
                "Free legal advice is open to everyone, with no income check ({}). \
                 Free people's mediation is also available.",
                c.en
            ),
        ));
    }

    /// LAL 44: a close deadline or an urgent preservation need lets the agency help
    /// before it decides, so the kiosk sends the visitor to staff at once.
    pub(super) fn add_urgency(&mut self, input: &EligibilityInput) {
        let deadline = input.days_until_deadline.is_some_and(|d| d < 7);
        let preservation = input.urgent_preservation == Some(true);
        if !(deadline || preservation) {
            return;
        }
        self.urgent = true;
        self.cite(&[art(44)]);
        let (zh, en) = match (deadline, preservation) {
            (true, true) => (
                "离期限届满不到7天，还需要马上保全财产或者证据",
                "Your time limit ends in less than 7 days, and property or evidence \
                 must be secured at once",
            ),
            (true, false) => (
                "离期限届满不到7天",
                "Your time limit ends in less than 7 days",
            ),
            _ => (
                "需要马上保全财产或者证据",
                "Property or evidence must be secured at once",
            ),
        };
        let c = cite(&[art(44)]);
        // First, because it changes what the visitor should do next.
        self.reasons.insert(
            0,
            say(
            format!(
                "{zh}。请现在就去窗口找工作人员。情况紧急的，法律援助机构可以先提供帮助，再作决定（{}）。",
                c.zh_cn
            ),
            format!(
                "{en}. Please go to the staff desk now. In urgent cases the legal aid \
                 agency can help before it decides ({}).",
                c.en
            ),
            ),
        );
    }

    /// Where to apply (LAL 38) and who decides, and how fast (LAL 43).
    pub(super) fn add_procedure(&mut self) {
        if self.applies() {
            let c = cite(&[art(38)]);
            self.say(say(
                format!(
                    "请到办理您案件的法院或者机关所在地的法律援助机构申请；还没有案件的，可以到事情发生地申请（{}）。",
                    c.zh_cn
                ),
                format!(
                    "Apply at the legal aid agency where the court or office handling your \
                     case is. If there is no case yet, you can apply where the problem \
                     happened ({}).",
                    c.en
                ),
            ));
        }
        let c = cite(&[art(43)]);
        self.say(say(
            format!(
                "这只是参考，不是决定。由法律援助机构决定，收到申请后7日内作出（{}）。",
                c.zh_cn
            ),
            format!(
                "This is only a guide, not a decision. The legal aid agency decides, \
                 within 7 days of receiving an application ({}).",
                c.en
            ),
        ));
    }

    pub(super) fn into_result(self) -> EligibilityResult {
        EligibilityResult {
            route: self.route,
            likelihood: self.likelihood,
            articles: self.articles.iter().map(ToString::to_string).collect(),
            urgent: self.urgent,
            means: self.means,
            materials: self.materials,
            reasons: self.reasons,
        }
    }
}

/// A text in both languages.
pub(super) fn say(zh: impl Into<String>, en: impl Into<String>) -> LocalizedText {
    LocalizedText {
        zh_cn: zh.into(),
        en: en.into(),
    }
}
