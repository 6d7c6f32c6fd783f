//! The translation catalog: every visible (and later spoken) string of the kiosk.
//!
//! The `catalog!` macro demands a Chinese and an English text for every key, so a
//! missing translation does not compile; the tests below catch empty or
//! untranslated entries.

use kiosk_core::Lang;

macro_rules! catalog {
    ($($key:ident { zh: $zh:literal, en: $en:literal $(,)? })*) => {
        /// A key of the translation catalog.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($key,)*
        }

        impl Msg {
            /// Every key, in catalog order.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The text of this key in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$key, Lang::ZhCn) => $zh,
                        (Msg::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

catalog! {
    AppTitle {
        zh: "法律服务自助终端",
        en: "Legal services self-service kiosk",
    }
    SkipToContent {
        zh: "跳到主要内容",
        en: "Skip to main content",
    }
    HallFallbackName {
        zh: "公共法律服务中心",
        en: "Public Legal Service Centre",
    }
    HotlineLabel {
        zh: "法律服务热线",
        en: "Legal service hotline",
    }
    AccessibilityButton {
        zh: "无障碍",
        en: "Accessibility",
    }
    FinishAndClear {
        zh: "返回首页并清除",
        en: "Finish and clear",
    }
    HomeHeading {
        zh: "您好！请选择要办理的事项",
        en: "Welcome. What would you like to do?",
    }
    HomeIntro {
        zh: "请轻触下面的大按钮。也可以用键盘：Tab 键移动，回车键确认。",
        en: "Touch one of the large buttons below. With keys: Tab moves, Enter selects.",
    }
    TileEligibility {
        zh: "法律援助自测",
        en: "Legal aid self-check",
    }
    TileEligibilityHint {
        zh: "回答几个简单问题，看看能否获得免费法律援助",
        en: "Answer a few simple questions to see whether free legal aid is likely",
    }
    TileBooking {
        zh: "预约办事",
        en: "Book an appointment",
    }
    TileBookingHint {
        zh: "预约时间，到大厅办理法律咨询、调解、公证等",
        en: "Book a time at this hall for advice, mediation, notarization and more",
    }
    TileCallback {
        zh: "12348 回拨",
        en: "12348 call-back",
    }
    TileCallbackHint {
        zh: "留下电话号码，12348 热线给您回电",
        en: "Leave your number and the 12348 hotline will call you back",
    }
    TileAccessibility {
        zh: "无障碍",
        en: "Accessibility",
    }
    TileAccessibilityHint {
        zh: "大字、高对比度等显示方式",
        en: "Large text, high contrast and other display options",
    }
    ComingSoonBody {
        zh: "这项服务还不能在自助终端上办理。",
        en: "This service is not available on the kiosk yet.",
    }
    AskStaffOrHotline {
        zh: "请到服务窗口找工作人员，或拨打 12348 法律服务热线。",
        en: "Please ask staff at the service counter, or call the 12348 legal service hotline.",
    }
    BackToHome {
        zh: "返回首页",
        en: "Back to the start",
    }
    NotFoundHeading {
        zh: "找不到这个页面",
        en: "Page not found",
    }
    NotFoundBody {
        zh: "您要找的页面不存在。请返回首页重新选择。",
        en: "The page you asked for does not exist. Please go back to the start and choose again.",
    }
    ErrorHeading {
        zh: "抱歉，出了点问题",
        en: "Sorry, something went wrong",
    }
    ErrorBody {
        zh: "这不是您的错。请返回首页再试一次。",
        en: "This is not your fault. Please go back to the start and try again.",
    }
    FooterHelp {
        zh: "需要帮助？请找工作人员，或拨打 12348 法律服务热线。",
        en: "Need help? Ask a member of staff or call the 12348 legal service hotline.",
    }
    AccessibilityHeading {
        zh: "无障碍设置",
        en: "Accessibility settings",
    }
    AccessibilityIntro {
        zh: "这些设置只对本次使用有效，结束后自动恢复。",
        en: "These settings last for this visit only and are reset when you finish.",
    }
    TextSizeLabel {
        zh: "文字大小",
        en: "Text size",
    }
    TextSizeNormal {
        zh: "标准",
        en: "Standard",
    }
    TextSizeLarge {
        zh: "大字",
        en: "Large",
    }
    TextSizeLarger {
        zh: "特大字",
        en: "Extra large",
    }
    ThemeLabel {
        zh: "显示颜色",
        en: "Colours",
    }
    ThemeStandard {
        zh: "标准",
        en: "Standard",
    }
    ThemeHighContrast {
        zh: "高对比度",
        en: "High contrast",
    }
    SelfCheckIntro {
        zh: "回答几个简单问题（大约 5 到 8 题），看看您能否获得免费法律援助。",
        en: "Answer a few simple questions (about 5 to 8) to see whether you are likely to get free legal aid.",
    }
    SelfCheckPrivacy {
        zh: "您的回答只留在这台机器上，不会发送，也不会保存。结束时全部清除。",
        en: "Your answers stay on this machine. Nothing is sent or saved, and everything is cleared when you finish.",
    }
    SelfCheckAdvisory {
        zh: "结果只是参考，最终由法律援助机构决定。",
        en: "The result is only a guide. The legal aid agency decides.",
    }
    Start {
        zh: "开始",
        en: "Start",
    }
    Yes {
        zh: "是",
        en: "Yes",
    }
    No {
        zh: "否",
        en: "No",
    }
    DontKnow {
        zh: "不知道",
        en: "I don't know",
    }
    Continue {
        zh: "继续",
        en: "Continue",
    }
    Back {
        zh: "上一步",
        en: "Back",
    }
    NoneOfThese {
        zh: "都没有",
        en: "None of these",
    }
    ProgressTemplate {
        zh: "第 {k} 题，共 {n} 题",
        en: "Question {k} of {n}",
    }
    Chosen {
        zh: "已选",
        en: "chosen",
    }
    QCategory {
        zh: "您遇到的是哪一类问题？",
        en: "What is your problem about?",
    }
    QCategoryHint {
        zh: "选一个最接近的。",
        en: "Choose the closest one.",
    }
    CatWork {
        zh: "工作和工资",
        en: "Work and wages",
    }
    CatFamily {
        zh: "家庭",
        en: "Family",
    }
    CatAccident {
        zh: "事故和受伤赔偿",
        en: "Accidents and injury",
    }
    CatBenefits {
        zh: "社保、抚恤和国家赔偿",
        en: "Benefits, pensions and state compensation",
    }
    CatCriminal {
        zh: "刑事案件",
        en: "A criminal case",
    }
    CatOther {
        zh: "其他",
        en: "Something else",
    }
    QMatter {
        zh: "具体是什么事？",
        en: "What exactly is it about?",
    }
    MatWages {
        zh: "被拖欠工资",
        en: "Unpaid wages",
    }
    MatWorkInjury {
        zh: "工伤赔偿",
        en: "Compensation for a work injury",
    }
    MatLabourRelationship {
        zh: "确认劳动关系",
        en: "Proving that you were employed",
    }
    MatSupportPayment {
        zh: "要赡养费、抚养费或扶养费",
        en: "Support payments for parents, children or a spouse",
    }
    MatAbuse {
        zh: "虐待、遗弃或家庭暴力",
        en: "Abuse, abandonment or domestic violence",
    }
    MatCivilCapacity {
        zh: "认定家人没有或只有部分民事行为能力",
        en: "Declaring a relative unable to manage their own affairs",
    }
    MatTraffic {
        zh: "交通事故受伤赔偿",
        en: "Injury in a traffic accident",
    }
    MatMedical {
        zh: "医疗事故受伤赔偿",
        en: "Injury from medical treatment",
    }
    MatFoodDrug {
        zh: "食品药品安全事故受伤赔偿",
        en: "Injury from unsafe food or medicine",
    }
    MatEnvironment {
        zh: "环境污染损害赔偿",
        en: "Harm from pollution",
    }
    MatSocialInsurance {
        zh: "社会保险待遇或社会救助",
        en: "Social insurance benefits or social assistance",
    }
    MatPension {
        zh: "抚恤金",
        en: "A pension for bereaved families or disabled people",
    }
    MatStateCompensation {
        zh: "国家赔偿",
        en: "State compensation",
    }
    MatAcquittal {
        zh: "再审改判无罪后的国家赔偿",
        en: "State compensation after acquittal on retrial",
    }
    MatCriminalDefence {
        zh: "我或家人被指控犯罪，需要辩护",
        en: "I or a relative am accused of a crime and need a defence",
    }
    MatCriminalVictim {
        zh: "我是刑事案件的被害人",
        en: "I am the victim of a crime",
    }
    MatCompulsoryMedical {
        zh: "强制医疗案件",
        en: "A compulsory medical treatment case",
    }
    MatPetition {
        zh: "对已经判决的案件申诉或再审",
        en: "Challenging a final judgment (petition or retrial)",
    }
    MatBravery {
        zh: "见义勇为引起的赔偿",
        en: "A claim after helping someone in danger",
    }
    MatMartyr {
        zh: "维护英雄烈士的名誉",
        en: "Protecting the honour of a hero or martyr",
    }
    MatOther {
        zh: "以上都不是",
        en: "None of the above",
    }
    QLawyer {
        zh: "这件事您已经请了律师吗？",
        en: "Do you already have a lawyer for this?",
    }
    QLawyerHint {
        zh: "刑事案件中指辩护人。",
        en: "In a criminal case, this means a defence lawyer.",
    }
    QCriminal {
        zh: "下面哪些情况符合被指控的人？",
        en: "Which of these apply to the accused person?",
    }
    ChooseSeveralHint {
        zh: "可以选多项，选好后点“继续”。",
        en: "You can choose more than one, then choose Continue.",
    }
    CrimMinor {
        zh: "未满 18 岁",
        en: "Under 18",
    }
    CrimSensory {
        zh: "盲人、聋人或哑人",
        en: "Blind, deaf or unable to speak",
    }
    CrimMental {
        zh: "不能完全理解或控制自己的行为",
        en: "Cannot fully understand or control their own actions",
    }
    CrimLifeDeath {
        zh: "可能被判无期徒刑或死刑",
        en: "May face life imprisonment or the death penalty",
    }
    CrimDeathReview {
        zh: "案件在死刑复核阶段",
        en: "The case is in death-penalty review",
    }
    CrimAbsentia {
        zh: "缺席审判",
        en: "Being tried in their absence",
    }
    QRetrial {
        zh: "法院已经决定再审，或者检察院已经抗诉了吗？",
        en: "Has the court ordered a retrial, or has the procuratorate protested?",
    }
    QStatuses {
        zh: "下面哪些情况符合您，并且有证明？",
        en: "Which of these apply to you, and can you prove them?",
    }
    QStatusesHint {
        zh: "可以选多项。有证明的，可以不查经济状况。选好后点“继续”。",
        en: "You can choose more than one. With proof, your finances are not checked. Then choose Continue.",
    }
    StMigrant {
        zh: "进城务工人员（农民工）",
        en: "Migrant worker",
    }
    StMinor {
        zh: "未满 18 岁",
        en: "Under 18",
    }
    StElderly {
        zh: "老年人（60 岁以上）",
        en: "Older person (60 or over)",
    }
    StDisabled {
        zh: "残疾人",
        en: "Disabled person",
    }
    StNoIncome {
        zh: "没有固定收入",
        en: "No fixed income",
    }
    StSocialAssistance {
        zh: "领取低保、特困供养等社会救助",
        en: "Receiving social assistance (minimum living allowance and similar)",
    }
    StJudicial {
        zh: "获得司法救助",
        en: "Receiving judicial assistance",
    }
    StPreferential {
        zh: "优抚对象（军人家属、烈士遗属、退役军人等）",
        en: "Preferential care (military families, martyrs' survivors, veterans)",
    }
    QRegion {
        zh: "您的事情在哪里办理？",
        en: "Where is your matter being handled?",
    }
    QRegionHint {
        zh: "各地的经济困难标准不一样。",
        en: "Each place sets its own standard for financial difficulty.",
    }
    OtherRegion {
        zh: "其他地方，或不知道",
        en: "Somewhere else, or I don't know",
    }
    QOpposing {
        zh: "对方和您住在一起吗？",
        en: "Does the other side live in your household?",
    }
    QOpposingHint {
        zh: "如果住在一起，只算您自己的收入。",
        en: "If so, only your own income counts.",
    }
    QHousehold {
        zh: "您家一起生活的有几口人（包括您）？",
        en: "How many people live in your household, including you?",
    }
    PeopleTemplate {
        zh: "{n} 人",
        en: "{n}",
    }
    EightOrMore {
        zh: "8 人或更多",
        en: "8 or more",
    }
    QIncome {
        zh: "全家每月收入一共大约多少元？",
        en: "About how much does your whole household earn a month, in yuan?",
    }
    QIncomeOwn {
        zh: "您自己每月收入大约多少元？",
        en: "About how much do you earn a month, in yuan?",
    }
    QIncomeHint {
        zh: "用下面的数字键输入，再点“继续”。不清楚可以选“不知道”。",
        en: "Type it with the number keys below, then choose Continue. If you are not sure, choose I don't know.",
    }
    IncomeLabel {
        zh: "每月收入（元）",
        en: "Monthly income (yuan)",
    }
    IncomeMissing {
        zh: "请输入金额，或者选“不知道”。",
        en: "Enter an amount, or choose I don't know.",
    }
    YuanTemplate {
        zh: "{n} 元",
        en: "{n} yuan",
    }
    KeypadLabel {
        zh: "数字键",
        en: "Number keys",
    }
    KeyDelete {
        zh: "删除",
        en: "Delete",
    }
    KeyClear {
        zh: "清空",
        en: "Clear",
    }
    ErrorPrefix {
        zh: "错误：",
        en: "Error:",
    }
    QUrgency {
        zh: "有没有很急的情况？",
        en: "Is anything urgent?",
    }
    UrgDeadline {
        zh: "起诉、仲裁等期限不到 7 天",
        en: "A deadline (to sue, to go to arbitration) ends in less than 7 days",
    }
    UrgPreservation {
        zh: "需要马上保全财产或证据",
        en: "Property or evidence must be secured at once",
    }
    UrgNeither {
        zh: "都没有",
        en: "Neither",
    }
    CheckHeading {
        zh: "请核对您的回答",
        en: "Check your answers",
    }
    CheckIntro {
        zh: "要修改哪一项，就点它旁边的“修改”。",
        en: "To change an answer, choose Change beside it.",
    }
    Change {
        zh: "修改",
        en: "Change",
    }
    SeeResult {
        zh: "查看结果",
        en: "See the result",
    }
    ResultHeading {
        zh: "自测结果",
        en: "Your result",
    }
    LikelyTitle {
        zh: "很可能可以获得法律援助",
        en: "You are likely to get legal aid",
    }
    MaybeTitle {
        zh: "有可能获得法律援助",
        en: "You may be able to get legal aid",
    }
    UnlikelyTitle {
        zh: "获得法律援助的可能性不大",
        en: "Legal aid is unlikely",
    }
    RouteTemplate {
        zh: "适用情形：{route}",
        en: "Route: {route}",
    }
    RouteCriminalMandatory {
        zh: "应当指派律师，不用申请",
        en: "A lawyer must be assigned; no application needed",
    }
    RouteCriminalApply {
        zh: "可以申请刑事法律援助",
        en: "You can apply for criminal legal aid",
    }
    RouteNoMeansTest {
        zh: "不审查经济状况",
        en: "No check of your finances",
    }
    RouteMeansWaived {
        zh: "带上证明，可免查经济状况",
        en: "With proof, your finances are not checked",
    }
    RouteMeansTest {
        zh: "需要审查经济困难状况",
        en: "Your finances will be checked",
    }
    RouteAlreadyRepresented {
        zh: "已经有律师",
        en: "You already have a lawyer",
    }
    RouteNotCovered {
        zh: "不属于法律援助事项",
        en: "Not a legal aid matter",
    }
    UrgentBanner {
        zh: "情况紧急：请现在就到服务窗口找工作人员。",
        en: "This is urgent: please go to the service counter now.",
    }
    WhyHeading {
        zh: "为什么",
        en: "Why",
    }
    MeansHeading {
        zh: "经济困难标准",
        en: "Financial difficulty standard",
    }
    MeansTemplate {
        zh: "{region}标准（{date} 起）：每人每月 {standard} 元。按您的回答，每人每月约 {amount} 元。",
        en: "{region} standard (from {date}): {standard} yuan per person a month. From your answers: about {amount} yuan per person a month.",
    }
    ArticlesHeading {
        zh: "依据的法律条文",
        en: "The law it is based on",
    }
    MaterialsHeading {
        zh: "需要带的材料",
        en: "What to bring",
    }
    NextHeading {
        zh: "下一步",
        en: "What to do next",
    }
    AskStaffNow {
        zh: "现在找工作人员",
        en: "Ask staff now",
    }
    AskStaffBody {
        zh: "请到服务窗口，告诉工作人员您做了法律援助自测。",
        en: "Go to the service counter and tell staff you did the legal aid self-check.",
    }
    BookLegalAid {
        zh: "预约法律援助",
        en: "Book a legal aid appointment",
    }
    BookConsultation {
        zh: "预约免费法律咨询",
        en: "Book free legal advice",
    }
    RequestCallback {
        zh: "请 12348 给我回电",
        en: "Ask 12348 to call me back",
    }
    StartAgain {
        zh: "重新自测",
        en: "Start again",
    }
}

/// Fills `{name}` placeholders of a catalog text: `fill("第 {k} 题", &[("k", "3")])`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn both_languages_of_a_template_have_the_same_placeholders() {
        for &msg in Msg::ALL {
            assert_eq!(
                placeholders(msg.text(Lang::ZhCn)),
                placeholders(msg.text(Lang::En)),
                "{msg:?}"
            );
        }
        assert_eq!(
            fill(
                Msg::ProgressTemplate.text(Lang::En),
                &[("k", "2"), ("n", "5")]
            ),
            "Question 2 of 5"
        );
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_key_has_a_non_empty_text_in_every_language() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                let text = msg.text(lang);
                assert!(!text.trim().is_empty(), "{msg:?} is empty in {lang:?}");
                assert_eq!(text.trim(), text, "{msg:?} has stray spaces in {lang:?}");
            }
        }
    }

    #[test]
    fn chinese_texts_are_chinese_and_english_texts_are_not() {
        for &msg in Msg::ALL {
            assert!(
                has_cjk(msg.text(Lang::ZhCn)),
                "{msg:?} untranslated in zh-CN"
            );
            assert!(!has_cjk(msg.text(Lang::En)), "{msg:?} untranslated in en");
        }
    }

    #[test]
    fn the_hotline_number_is_in_every_help_text() {
        for msg in [Msg::AskStaffOrHotline, Msg::FooterHelp] {
            for lang in Lang::ALL {
                assert!(msg.text(lang).contains(kiosk_core::HOTLINE), "{msg:?}");
            }
        }
    }
}
