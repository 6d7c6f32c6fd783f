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
        zh: "请轻触下面的大按钮。也可以用键盘：方向键或 Tab 键移动，回车键确认。要大字或语音朗读，请按“无障碍”或 F2 键。",
        en: "Touch one of the large buttons below. With keys: arrows or Tab move, Enter selects. For large text or reading aloud, choose “Accessibility” or press F2.",
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
    // ---- barrier-free modes (#6) ----
    RepeatSpeech {
        zh: "再说一遍",
        en: "Say again",
    }
    StopSpeech {
        zh: "停止朗读",
        en: "Stop speaking",
    }
    LanguageChanged {
        zh: "已切换为中文",
        en: "Now in English",
    }
    AudioLabel {
        zh: "语音朗读",
        en: "Read aloud",
    }
    On {
        zh: "打开",
        en: "On",
    }
    Off {
        zh: "关闭",
        en: "Off",
    }
    PrivateListeningLabel {
        zh: "戴耳机时朗读号码（别人听不到时才打开）",
        en: "Read numbers aloud (only with headphones)",
    }
    RateLabel {
        zh: "朗读速度",
        en: "Speaking speed",
    }
    VolumeLabel {
        zh: "音量",
        en: "Volume",
    }
    ReducedMotionLabel {
        zh: "减少动画",
        en: "Reduce motion",
    }
    KeysHelp {
        zh: "用按键：上下方向键移动，回车键确认，Esc 返回，F1 求助，F2 无障碍设置，F3 重复朗读，F4 停止朗读。",
        en: "With keys: arrows move, Enter selects, Esc goes back, F1 help, F2 accessibility, F3 repeat, F4 stop speaking.",
    }
    HelpAsked {
        zh: "请举手或走到服务窗口，工作人员会来帮您。也可以拨打 12348。",
        en: "Raise your hand or go to the service counter; staff will help you. You can also call 12348.",
    }
    RateSlow {
        zh: "慢",
        en: "Slow",
    }
    RateNormal {
        zh: "正常",
        en: "Normal",
    }
    RateFast {
        zh: "快",
        en: "Fast",
    }
    VolumeQuiet {
        zh: "小声",
        en: "Quiet",
    }
    VolumeNormal {
        zh: "适中",
        en: "Medium",
    }
    VolumeLoud {
        zh: "大声",
        en: "Loud",
    }
    DigitEntered {
        zh: "已输入一位",
        en: "digit entered",
    }
    NoVoiceForLanguage {
        zh: "本机没有这种语言的语音，无法朗读。请找工作人员。",
        en: "This kiosk has no voice for this language, so it cannot read aloud. Please ask staff.",
    }
    AudioOn {
        zh: "语音朗读已打开",
        en: "Audio is on",
    }
    // ---- booking and callback flows (#5) ----
    StepTemplate {
        zh: "第 {k} 步，共 {n} 步",
        en: "Step {k} of {n}",
    }
    Loading {
        zh: "正在载入，请稍候……",
        en: "Loading, please wait…",
    }
    Agree {
        zh: "我同意，继续",
        en: "I agree, continue",
    }
    Disagree {
        zh: "我不同意",
        en: "I do not agree",
    }
    DeclinedBody {
        zh: "没有您的同意，本机不能替您提交。您可以到服务窗口请工作人员办理，或拨打 {hotline}。",
        en: "Without your agreement this kiosk cannot send anything for you. Staff at the service counter can help, or call {hotline}.",
    }
    ConsentRequired {
        zh: "请先阅读说明，并按“我同意”。",
        en: "Please read the notice and press “I agree”.",
    }
    NoticeHeading {
        zh: "您的信息怎样使用",
        en: "How your information is used",
    }
    NoticeWhoHeading {
        zh: "谁保管",
        en: "Who keeps it",
    }
    NoticeWho {
        zh: "本公共法律服务中心及所属司法行政机关。不会提供给其他单位或个人。",
        en: "This public legal service centre and the justice bureau it belongs to. It is not given to anyone else.",
    }
    NoticeWhatHeading {
        zh: "收集什么、做什么用",
        en: "What we collect and why",
    }
    NoticeHowLongHeading {
        zh: "保存多久",
        en: "How long it is kept",
    }
    NoticeCancelHeading {
        zh: "怎样取消或撤回",
        en: "How to cancel or withdraw",
    }
    NoticeVersionTemplate {
        zh: "说明版本：{v}",
        en: "Notice version: {v}",
    }
    BookingNoticeWhat {
        zh: "您的姓名、手机号码和您选择的帮助；办理法律援助或公证时还有身份证号码。只用于安排预约、需要时联系您、到场时核对身份。",
        en: "Your name, mobile number and the help you chose; for legal aid or notarization also your ID number. Used only to arrange the appointment, contact you if needed and confirm who you are when you come.",
    }
    BookingNoticeHowLong {
        zh: "预约日期过后 30 天内删除。身份证号码只保存校验值和最后 4 位。",
        en: "Deleted within 30 days after the appointment date. Of an ID number only a check value and the last 4 characters are kept.",
    }
    BookingNoticeCancel {
        zh: "用预约号和手机号码在本机“查询或取消预约”，或到服务窗口，或拨打 {hotline}。取消后不再联系您。",
        en: "Use “Look up or cancel a booking” on this kiosk with your reference and mobile number, ask at the service counter, or call {hotline}. After cancelling we will not contact you.",
    }
    BookingServiceHeading {
        zh: "您要预约办理什么？",
        en: "What would you like to book?",
    }
    BookingServiceHint {
        zh: "轻触一项。每项下面有一句说明。",
        en: "Touch one. Each has a short explanation.",
    }
    ChooseService {
        zh: "请选择一项服务。",
        en: "Please choose a service.",
    }
    LookupLink {
        zh: "查询或取消已有的预约",
        en: "Look up or cancel a booking",
    }
    BookingUnavailableHeading {
        zh: "现在暂时不能在本机预约",
        en: "Booking is not available on this kiosk right now",
    }
    BookingUnavailableBody {
        zh: "本机暂时连不上预约系统。您没有损失任何信息。",
        en: "This kiosk cannot reach the booking system at the moment. Nothing you entered has been lost or sent.",
    }
    BookingDayHeading {
        zh: "哪一天来？",
        en: "Which day would you like to come?",
    }
    BookingDayHint {
        zh: "下面是今后 14 天。不能预约的日子写明了原因。",
        en: "These are the next 14 days. Days you cannot book say why.",
    }
    ChooseDay {
        zh: "请选择一天。",
        en: "Please choose a day.",
    }
    DayClosed {
        zh: "不办公",
        en: "Closed",
    }
    DayFull {
        zh: "已约满",
        en: "Fully booked",
    }
    DayOpenTemplate {
        zh: "可预约（{n} 个时间）",
        en: "Available ({n} times)",
    }
    DayClosedChooseAnother {
        zh: "这一天不办公，请选另一天。",
        en: "The centre is closed that day. Please choose another day.",
    }
    DayFullChooseAnother {
        zh: "这一天已经约满，请选另一天。",
        en: "That day is fully booked. Please choose another day.",
    }
    BookingTimeHeading {
        zh: "几点来？",
        en: "What time would you like to come?",
    }
    BookingTimeHint {
        zh: "每个时间都写着还剩几个名额。",
        en: "Each time shows how many places are left.",
    }
    ChooseTime {
        zh: "请选择一个时间。",
        en: "Please choose a time.",
    }
    SlotFull {
        zh: "已约满",
        en: "Fully booked",
    }
    SlotRemainingTemplate {
        zh: "还剩 {n} 个名额",
        en: "{n} places left",
    }
    SlotFullChooseAnother {
        zh: "这个时间已经约满，请选另一个时间。",
        en: "That time is fully booked. Please choose another time.",
    }
    SlotTaken {
        zh: "您选的时间刚刚被别人约走了。下面是最新的时间，请重新选一个。您填的其他内容都还在。",
        en: "The time you chose was just taken by someone else. Here are the times available now; please choose again. Everything else you entered is kept.",
    }
    SlotGone {
        zh: "这个时间已经不能预约了，请重新选择时间。",
        en: "That time can no longer be booked. Please choose another time.",
    }
    DuplicateBooking {
        zh: "这个手机号码已经预约了这个时间，不用再约。",
        en: "This mobile number already has a booking at this time; there is no need to book again.",
    }
    BookingNameHeading {
        zh: "您怎么称呼？",
        en: "What is your name?",
    }
    NameHint {
        zh: "只写姓也可以，例如“王”。",
        en: "Your family name alone is enough, for example “Wang”.",
    }
    NameLabel {
        zh: "姓名",
        en: "Name",
    }
    NameRequired {
        zh: "请至少写下您的姓。",
        en: "Please enter at least your family name.",
    }
    NameTooLong {
        zh: "姓名太长了，最多 30 个字。",
        en: "The name is too long: at most 30 characters.",
    }
    BookingPhoneHeading {
        zh: "您的手机号码",
        en: "Your mobile number",
    }
    PhoneLabel {
        zh: "电话号码",
        en: "Phone number",
    }
    PhoneHintMobile {
        zh: "11 位手机号码，用下面的数字键输入。",
        en: "11-digit mobile number. Use the number keys below.",
    }
    PhoneHintAny {
        zh: "手机号码，或带区号的固定电话，用下面的数字键输入。",
        en: "A mobile number, or a landline with its area code. Use the number keys below.",
    }
    PhoneEmpty {
        zh: "请输入电话号码。",
        en: "Please enter a phone number.",
    }
    PhoneStartsWithOne {
        zh: "手机号码以 1 开头，请检查第一位。",
        en: "Mobile numbers start with 1. Please check the first digit.",
    }
    PhoneStartsWithOneOrZero {
        zh: "手机号码以 1 开头，固定电话以区号 0 开头，请检查第一位。",
        en: "Mobile numbers start with 1, landlines with the area code's 0. Please check the first digit.",
    }
    PhoneNotMobile {
        zh: "这不是有效的手机号码，请检查。",
        en: "This is not a valid mobile number. Please check it.",
    }
    PhoneTooShort {
        zh: "手机号码是 11 位，还没有输完。",
        en: "A mobile number has 11 digits; some are still missing.",
    }
    PhoneNotLandline {
        zh: "固定电话号码不完整：区号加 7 到 8 位号码。",
        en: "The landline number is incomplete: area code plus 7 or 8 digits.",
    }
    BookingIdHeading {
        zh: "您的身份证号码",
        en: "Your ID card number",
    }
    IdWhy {
        zh: "办理这项服务需要先核对身份。号码输完后会被遮住。",
        en: "This service needs your identity checked first. The number is hidden once entered.",
    }
    IdLabel {
        zh: "身份证号码（18 位）",
        en: "Resident ID number (18 characters)",
    }
    IdHint {
        zh: "最后一位是 X 时，按 X 键。",
        en: "If the last character is X, press the X key.",
    }
    IdEmpty {
        zh: "请输入身份证号码。",
        en: "Please enter your ID number.",
    }
    IdLength {
        zh: "身份证号码是 18 位，请检查是否输完整。",
        en: "An ID number has 18 characters. Please check it is complete.",
    }
    IdCharacters {
        zh: "身份证号码只有数字，最后一位可能是 X。",
        en: "An ID number has only digits, and the last may be X.",
    }
    IdRegion {
        zh: "身份证号码前两位不对，请检查。",
        en: "The first two digits are not right. Please check.",
    }
    IdBirthDate {
        zh: "号码中的出生日期不对，请检查第 7 到 14 位。",
        en: "The date of birth in the number is not right. Please check characters 7 to 14.",
    }
    IdCheckCharacter {
        zh: "号码有一位输错了，请逐位检查。",
        en: "One of the characters is wrong. Please check each one.",
    }
    IdInvalid {
        zh: "身份证号码不正确，请检查。",
        en: "The ID number is not correct. Please check it.",
    }
    ShowTenSeconds {
        zh: "显示 10 秒",
        en: "Show for 10 seconds",
    }
    ShownForTenSeconds {
        zh: "正在显示（10 秒后遮住）",
        en: "Showing (hidden again after 10 seconds)",
    }
    BookingNeedsHeading {
        zh: "来的时候需要什么帮助吗？",
        en: "Do you need any help when you come?",
    }
    NeedWheelchair {
        zh: "轮椅通道或轮椅",
        en: "Wheelchair access or a wheelchair",
    }
    NeedSignLanguage {
        zh: "手语翻译",
        en: "Sign language interpreter",
    }
    NeedInterpreter {
        zh: "方言或少数民族语言翻译",
        en: "Interpreter (dialect or minority language)",
    }
    NeedLargePrint {
        zh: "大字材料",
        en: "Large-print documents",
    }
    NeedHomeVisit {
        zh: "行动不便，请上门服务",
        en: "I cannot come back: please visit me at home",
    }
    NeedText {
        zh: "用文字交流（听说有困难）",
        en: "Communicate by text (hearing or speech difficulty)",
    }
    NeedDialect {
        zh: "说方言或少数民族语言",
        en: "I speak a dialect or minority language",
    }
    NeedHearingAid {
        zh: "我戴助听器，请说慢一点",
        en: "I use a hearing aid: please speak slowly",
    }
    NeedOther {
        zh: "其他帮助（到时告诉工作人员）",
        en: "Other help (tell staff when you come)",
    }
    NoNeeds {
        zh: "不需要",
        en: "No help needed",
    }
    CheckBookingHeading {
        zh: "请核对您的预约",
        en: "Check your booking",
    }
    CheckBookingHint {
        zh: "要改哪一项，就按它旁边的“修改”。没问题就按最下面的“确认预约”。",
        en: "To change something, press “Change” next to it. If all is right, press “Confirm booking” at the bottom.",
    }
    SummaryService {
        zh: "办理事项",
        en: "Service",
    }
    SummaryWhen {
        zh: "时间",
        en: "When",
    }
    SummaryWhere {
        zh: "地点",
        en: "Where",
    }
    SummaryName {
        zh: "姓名",
        en: "Name",
    }
    SummaryPhone {
        zh: "电话",
        en: "Phone",
    }
    SummaryId {
        zh: "身份证号码",
        en: "ID number",
    }
    SummaryNeeds {
        zh: "需要的帮助",
        en: "Help needed",
    }
    BookingIncomplete {
        zh: "还有内容没有填好，请按“修改”补上。",
        en: "Something is still missing. Please use “Change” to add it.",
    }
    ConfirmBooking {
        zh: "确认预约",
        en: "Confirm booking",
    }
    Sending {
        zh: "正在提交，请稍候。网络慢时会自动重试，最多约 30 秒。请不要离开。",
        en: "Sending, please wait. If the network is slow it tries again by itself for up to about 30 seconds. Please stay here.",
    }
    SendingShort {
        zh: "正在提交……",
        en: "Sending…",
    }
    NotSentHeading {
        zh: "没有提交成功",
        en: "Not sent",
    }
    NotSentBody {
        zh: "什么也没有保存。您填的内容还在这个屏幕上，可以再试一次。",
        en: "Nothing was saved. What you entered is still on this screen, and you can try again.",
    }
    NotSentHelp {
        zh: "也可以请工作人员帮忙，或拨打 {hotline}。",
        en: "You can also ask staff for help, or call {hotline}.",
    }
    TryAgain {
        zh: "再试一次",
        en: "Try again",
    }
    RefusedGeneral {
        zh: "没有提交成功，请检查填写的内容，或请工作人员帮忙。",
        en: "It was not accepted. Please check what you entered, or ask staff for help.",
    }
    BookingDoneHeading {
        zh: "预约成功",
        en: "You are booked",
    }
    BookingDoneIntro {
        zh: "请记下预约号，或打印凭条带走。",
        en: "Please note your reference, or print the receipt to take with you.",
    }
    ReceiptTitle {
        zh: "预约凭条",
        en: "Appointment receipt",
    }
    ReferenceLabel {
        zh: "预约号",
        en: "Reference",
    }
    HowToCancelHeading {
        zh: "怎样取消",
        en: "How to cancel",
    }
    HowToCancel {
        zh: "在本机“查询或取消预约”输入预约号和手机号码，或拨打 {hotline}。",
        en: "Use “Look up or cancel a booking” on this kiosk with your reference and mobile number, or call {hotline}.",
    }
    QrLabelTemplate {
        zh: "二维码：预约号 {reference} 的查询地址",
        en: "QR code: the lookup address for reference {reference}",
    }
    QrCaption {
        zh: "用手机扫码查询预约（只含预约号）",
        en: "Scan to look up the booking (holds only the reference)",
    }
    PrintReceipt {
        zh: "打印凭条",
        en: "Print receipt",
    }
    LookupReferenceHeading {
        zh: "请输入预约号",
        en: "Enter your reference",
    }
    LookupPhoneHeading {
        zh: "请输入预约时留的电话号码",
        en: "Enter the phone number you booked with",
    }
    LookupFoundHeading {
        zh: "您的预约",
        en: "Your booking",
    }
    ReferenceFieldLabel {
        zh: "预约号（字母 A 后面的 7 个字符）",
        en: "Reference (the 7 characters after the letter A)",
    }
    ReferenceHint {
        zh: "预约号印在凭条上，例如 A7K3M9PQ。用下面的键输入 A 后面的部分。",
        en: "The reference is on your receipt, for example A7K3M9PQ. Enter the part after the A with the keys below.",
    }
    ReferenceIncomplete {
        zh: "预约号是 A 加 7 个字符，还没有输完。",
        en: "A reference is A and 7 characters; some are still missing.",
    }
    ReferenceKeys {
        zh: "预约号键",
        en: "Reference keys",
    }
    Searching {
        zh: "正在查询，请稍候……",
        en: "Looking it up, please wait…",
    }
    LookupNotFound {
        zh: "没有找到这个预约。请检查预约号和电话号码。",
        en: "No booking was found. Please check the reference and the phone number.",
    }
    LookupUnreachable {
        zh: "现在连不上预约系统，请稍后再试，或请工作人员帮忙。",
        en: "The booking system cannot be reached now. Please try later or ask staff.",
    }
    CancelTooLate {
        zh: "预约时间已经到了，不能在本机取消，请找工作人员。",
        en: "The appointment time has come, so it cannot be cancelled here. Please ask staff.",
    }
    StatusLabel {
        zh: "状态",
        en: "Status",
    }
    StatusBooked {
        zh: "已预约",
        en: "Booked",
    }
    StatusCancelled {
        zh: "已取消",
        en: "Cancelled",
    }
    CancelBooking {
        zh: "取消这个预约",
        en: "Cancel this booking",
    }
    CancelAreYouSure {
        zh: "确定要取消吗？取消后这个时间会让给别人。",
        en: "Are you sure? The time will be given to someone else.",
    }
    CancelYes {
        zh: "是，取消预约",
        en: "Yes, cancel it",
    }
    CancelNo {
        zh: "不取消",
        en: "No, keep it",
    }
    LookupHelp {
        zh: "有问题请找工作人员，或拨打 {hotline}。",
        en: "For help, ask staff or call {hotline}.",
    }
    CallbackTopicHeading {
        zh: "您想咨询哪方面的问题？",
        en: "What is your question about?",
    }
    CallbackTopicHint {
        zh: "12348 的律师会按您选的方面打电话给您。",
        en: "A lawyer on the 12348 line will call you about it.",
    }
    ChooseTopic {
        zh: "请选择一个方面。",
        en: "Please choose a topic.",
    }
    TopicLabour {
        zh: "工作、工资、工伤",
        en: "Work, wages, injuries at work",
    }
    TopicFamily {
        zh: "家庭、赡养、抚养",
        en: "Family, support of parents or children",
    }
    TopicMarriage {
        zh: "婚姻、离婚",
        en: "Marriage and divorce",
    }
    TopicProperty {
        zh: "房屋、财产、借款",
        en: "Housing, property, loans",
    }
    TopicTraffic {
        zh: "交通事故",
        en: "Traffic accidents",
    }
    TopicConsumer {
        zh: "买东西、消费纠纷",
        en: "Shopping and consumer problems",
    }
    TopicCriminal {
        zh: "刑事案件",
        en: "Criminal cases",
    }
    TopicAdministrative {
        zh: "和政府部门的争议",
        en: "Disputes with government offices",
    }
    TopicLegalAid {
        zh: "申请法律援助",
        en: "Applying for legal aid",
    }
    TopicOther {
        zh: "其他问题",
        en: "Something else",
    }
    RatingHeading {
        zh: "您对这次自助服务满意吗？",
        en: "How satisfied are you with this visit?",
    }
    RatingHint {
        zh: "请选一项。评价是匿名的，不记录您的姓名、电话或办理的事项。也可以不评价，直接结束。",
        en: "Choose one. The rating is anonymous: it keeps no name, phone or what you did here. You can also skip it and finish.",
    }
    RatingVerySatisfied {
        zh: "非常满意",
        en: "Very satisfied",
    }
    RatingSatisfied {
        zh: "满意",
        en: "Satisfied",
    }
    RatingFair {
        zh: "基本满意",
        en: "Fairly satisfied",
    }
    RatingDissatisfied {
        zh: "不满意",
        en: "Dissatisfied",
    }
    RatingVeryDissatisfied {
        zh: "非常不满意",
        en: "Very dissatisfied",
    }
    RatingSkip {
        zh: "不评价，结束",
        en: "Skip and finish",
    }
    RatingReasonsHeading {
        zh: "主要是因为什么？",
        en: "What was it mainly about?",
    }
    RatingReasonsHint {
        zh: "可以选几项，也可以都不选，直接提交。",
        en: "Choose any that fit, or none, then send.",
    }
    RatingChosen {
        zh: "您的评价：",
        en: "Your rating:",
    }
    RatingSend {
        zh: "提交评价",
        en: "Send the rating",
    }
    RatingChangeLevel {
        zh: "重新选择满意程度",
        en: "Choose another rating",
    }
    RatingSending {
        zh: "正在提交评价……",
        en: "Sending your rating…",
    }
    RatingSendingHint {
        zh: "请稍候，只需几秒钟。",
        en: "Please wait a few seconds.",
    }
    RatingThanks {
        zh: "感谢您的评价！",
        en: "Thank you for your rating!",
    }
    RatingThanksHint {
        zh: "您的意见会帮助我们改进服务。请按“完成”结束，本机会清除这次的全部信息。",
        en: "It helps us improve. Press “Finish” to end: this kiosk then clears everything from your visit.",
    }
    RatingHeld {
        zh: "网络暂时不通：评价已保存在本机，恢复后自动发送。",
        en: "The network is down for now: your rating is saved on this kiosk and will be sent when it is back.",
    }
    RatingSorry {
        zh: "很抱歉，这次没有让您满意。",
        en: "We are sorry this visit did not go well.",
    }
    RatingMayWeCall {
        zh: "我们可以打电话向您了解情况吗？回电请求与这次评价分开保存，评价仍然是匿名的。",
        en: "May we call you about it? The call request is kept apart from your rating, which stays anonymous.",
    }
    RatingCallMe {
        zh: "可以，请给我回电",
        en: "Yes, please call me",
    }
    RatingNoCall {
        zh: "不用了，结束",
        en: "No thanks, finish",
    }
    RatingFinish {
        zh: "完成",
        en: "Finish",
    }
    RatingNotSent {
        zh: "评价没有发送成功",
        en: "Your rating was not sent",
    }
    RatingNotSentHint {
        zh: "网络暂时不通。您已办理的事项不受影响。可以再试一次，也可以直接结束。",
        en: "The network is not answering. What you did here is not affected. Try again, or finish.",
    }
    ReasonEasyToUse {
        zh: "操作简单",
        en: "Easy to use",
    }
    ReasonQuick {
        zh: "办得快",
        en: "Quick",
    }
    ReasonClearInformation {
        zh: "说明清楚",
        en: "Clear information",
    }
    ReasonAccessible {
        zh: "方便老年人和残障人士",
        en: "Good for older and disabled people",
    }
    ReasonHardToUse {
        zh: "不会操作",
        en: "Hard to use",
    }
    ReasonTooSlow {
        zh: "等待太久",
        en: "Too slow",
    }
    ReasonUnclearInformation {
        zh: "说明看不懂",
        en: "Unclear information",
    }
    ReasonHardToSeeOrHear {
        zh: "字太小或听不清",
        en: "Hard to see or hear",
    }
    ReasonServiceMissing {
        zh: "没有我要办的事项",
        en: "What I needed was not offered",
    }
    TopicFeedback {
        zh: "对服务的意见",
        en: "Your view of our service",
    }
    CallbackWhenHeading {
        zh: "什么时候给您打电话？",
        en: "When should we call you?",
    }
    CallbackWhenHint {
        zh: "可以选“尽快”，也可以选一天和上午、下午或晚上。",
        en: "Choose “As soon as possible”, or a day and morning, afternoon or evening.",
    }
    ChooseWhen {
        zh: "请选择什么时候打电话。",
        en: "Please choose when to call.",
    }
    ChoosePeriod {
        zh: "请再选上午、下午还是晚上。",
        en: "Please also choose morning, afternoon or evening.",
    }
    CallAsap {
        zh: "尽快",
        en: "As soon as possible",
    }
    OrChooseDay {
        zh: "或者选一天：",
        en: "Or choose a day:",
    }
    ChoosePeriodLegend {
        zh: "这一天的什么时候？",
        en: "What time of that day?",
    }
    PeriodMorning {
        zh: "上午（9 点到 12 点）",
        en: "Morning (9:00 to 12:00)",
    }
    PeriodAfternoon {
        zh: "下午（2 点到 6 点）",
        en: "Afternoon (14:00 to 18:00)",
    }
    PeriodEvening {
        zh: "晚上（6 点到 8 点）",
        en: "Evening (18:00 to 20:00)",
    }
    CallbackPhoneHeading {
        zh: "打哪个电话给您？",
        en: "Which number should we call?",
    }
    CallbackNameHeading {
        zh: "怎么称呼您？（可以不填）",
        en: "What should we call you? (optional)",
    }
    CallbackNameHint {
        zh: "只写姓也可以，也可以跳过。",
        en: "Your family name is enough, or you can skip this.",
    }
    SkipThis {
        zh: "跳过",
        en: "Skip",
    }
    CallbackSafetyHeading {
        zh: "打电话时，可以说是 12348 打来的吗？",
        en: "When we call, may we say we are calling from 12348?",
    }
    CallbackSafetyHint {
        zh: "如果别人接电话会给您带来麻烦或危险，请选“不要说”。律师会先确认是您本人再谈。",
        en: "If it could cause you trouble or danger that someone else learns of the call, choose “Do not say”. The lawyer will first make sure they are speaking to you.",
    }
    SafetyYes {
        zh: "可以说是 12348",
        en: "Yes, you may say 12348",
    }
    SafetyNo {
        zh: "不要说是 12348",
        en: "No, do not say 12348",
    }
    ChooseYesOrNo {
        zh: "请选择一项。",
        en: "Please choose one.",
    }
    CallbackNeedsHeading {
        zh: "通话时需要照顾什么吗？",
        en: "Do you need anything for the call?",
    }
    CallbackNoteHeading {
        zh: "想先说一句您的问题吗？（可以不填）",
        en: "Would you like to say in a few words what it is about? (optional)",
    }
    CallbackNoteHint {
        zh: "不要写身份证号码等信息。最多 200 字。",
        en: "Do not write ID numbers or similar. At most 200 characters.",
    }
    NoteLabel {
        zh: "简短说明",
        en: "Short note",
    }
    NoteTooLong {
        zh: "说明太长了，最多 200 字。",
        en: "The note is too long: at most 200 characters.",
    }
    CallbackNoticeWhat {
        zh: "您的电话号码、称呼、问题方面、方便的时间、需要的照顾和说明。只用于 12348 律师给您回电解答。",
        en: "Your phone number, name, topic, preferred time, needs and note. Used only for a 12348 lawyer to call you back and answer.",
    }
    CallbackNoticeHowLong {
        zh: "提出请求后 30 天内删除。",
        en: "Deleted within 30 days after you ask.",
    }
    CallbackNoticeCancel {
        zh: "不需要回电时，拨打 {hotline} 说明即可，或接电话时告诉律师。",
        en: "If you no longer need the call, call {hotline} and say so, or tell the lawyer when they call.",
    }
    CheckCallbackHeading {
        zh: "请核对回电请求",
        en: "Check your callback request",
    }
    CheckCallbackHint {
        zh: "要改哪一项，就按它旁边的“修改”。没问题就按最下面的“确认提交”。",
        en: "To change something, press “Change” next to it. If all is right, press “Send request” at the bottom.",
    }
    SummaryTopic {
        zh: "问题方面",
        en: "Topic",
    }
    SummarySafety {
        zh: "可以说是 12348",
        en: "May say 12348",
    }
    SummaryNote {
        zh: "简短说明",
        en: "Note",
    }
    NotGiven {
        zh: "（没有填）",
        en: "(not given)",
    }
    ConfirmCallback {
        zh: "确认提交",
        en: "Send request",
    }
    TooManyCallbacks {
        zh: "这个号码今天已经提交了多次回电请求。请等待回电，或直接拨打 12348。",
        en: "This number has already asked for several callbacks today. Please wait for the call, or call 12348 directly.",
    }
    CallbackDoneHeading {
        zh: "已收到您的回电请求",
        en: "Your callback request was received",
    }
    CallbackDoneWhatNext {
        zh: "12348 热线的律师会按您选的时间打电话给您。来电显示为 12348，或当地区号加 12348。",
        en: "A lawyer on the 12348 line will call you at the time you chose. The call comes from 12348, or from your area code followed by 12348.",
    }
    CallbackSavedHeading {
        zh: "已保存在本机，联网后自动发送",
        en: "Saved on this kiosk: it will be sent when the connection returns",
    }
    CallbackSavedWhatNext {
        zh: "这台自助机暂时连不上服务中心。您的回电请求已经保存在本机，网络一恢复就会自动发送给 12348 热线，您不需要再做什么。律师会按您选的时间打电话给您，编号保持不变。",
        en: "This kiosk cannot reach the service centre just now. Your callback request is saved on this kiosk and will be sent to the 12348 line as soon as the connection returns; you need do nothing more. A lawyer will call you at the time you chose, and the reference stays the same.",
    }
    CallbackDoneDiscreet {
        zh: "您选了“不要说是 12348”：律师会先确认是您本人接听。",
        en: "You chose “do not say 12348”: the lawyer will first make sure it is you.",
    }
    CallbackReceiptTitle {
        zh: "回电请求凭条",
        en: "Callback request receipt",
    }
    CallbackDoneIfMissed {
        zh: "如果没有接到电话，可以直接拨打 {hotline}，说出请求号。",
        en: "If you miss the call, call {hotline} yourself and give this reference.",
    }
    CallbackUnavailable {
        zh: "现在暂时不能在本机提交回电请求。您可以直接拨打 12348，或请工作人员帮忙。",
        en: "Callback requests cannot be sent from this kiosk right now. Call 12348 directly, or ask staff.",
    }
    // ---- name keyboard (#5) ----
    NkModeLabel {
        zh: "输入方式",
        en: "Way of entering",
    }
    NkSurnames {
        zh: "常见姓氏",
        en: "Common surnames",
    }
    NkSurnameHint {
        zh: "请按您的姓。这里没有的话，请按“拼音”。",
        en: "Press your surname. If it is not here, press “Pinyin”.",
    }
    NkPinyin {
        zh: "拼音",
        en: "Pinyin",
    }
    NkEditKeys {
        zh: "编辑键",
        en: "Editing keys",
    }
    NkSpace {
        zh: "空格",
        en: "Space",
    }
    NkLetterKeys {
        zh: "字母键",
        en: "Letter keys",
    }
    NkTypeHint {
        zh: "请按字母键拼出读音，再选字。",
        en: "Spell the sound with the letter keys, then choose the character.",
    }
    NkTypedTemplate {
        zh: "已输入字母：{letters}",
        en: "Letters typed: {letters}",
    }
    NkCandidates {
        zh: "可选的字",
        en: "Characters to choose from",
    }
    NkNoCandidates {
        zh: "没有找到这个读音的字。可以按“输入字母”直接输入这些字母。",
        en: "No characters found for these letters. Press “Use letters as typed” to enter the letters themselves.",
    }
    NkUseLetters {
        zh: "输入字母",
        en: "Use letters as typed",
    }
    NkPreviousPage {
        zh: "上一页",
        en: "Previous",
    }
    NkNextPage {
        zh: "更多",
        en: "More",
    }
    NkPageTemplate {
        zh: "第 {k} 页，共 {n} 页",
        en: "Page {k} of {n}",
    }
    NkFullTemplate {
        zh: "已经输满 {n} 个字。",
        en: "That is the most allowed: {n} characters.",
    }
    AttractCanDo {
        zh: "在这里可以：",
        en: "Here you can:",
    }
    AttractItemCheck {
        zh: "自查能否获得免费法律援助",
        en: "Check whether you can get free legal aid",
    }
    AttractItemBook {
        zh: "预约到本大厅办事的时间",
        en: "Book a time at this hall",
    }
    AttractItemCallback {
        zh: "请 12348 热线给您回电话",
        en: "Ask the 12348 hotline to call you back",
    }
    AttractHotline {
        zh: "也可以直接拨打法律服务热线 {hotline}",
        en: "You can also call the legal service hotline {hotline}",
    }
    AttractStart {
        zh: "轻触屏幕任意位置开始",
        en: "Touch anywhere to start",
    }
    AttractAudioStart {
        zh: "开启朗读并开始",
        en: "Start with reading aloud",
    }
    AttractAudioHint {
        zh: "看不清屏幕？轻触“开启朗读并开始”，本机会把内容读出来；用键盘时按 Tab 键找到它，再按回车。",
        en: "Hard to see the screen? Touch “Start with reading aloud” and the kiosk will read everything out. On a keypad, press Tab to reach it, then Enter.",
    }
    IdleHeading {
        zh: "您还在吗？",
        en: "Are you still there?",
    }
    IdleBody {
        zh: "如果一直没有操作，本机将在 {seconds} 秒后清除您填写的内容，回到开始页面。",
        en: "If nothing is touched, the kiosk will clear what you entered and go back to the start in {seconds} seconds.",
    }
    IdleTenSeconds {
        zh: "还有 10 秒将清除您填写的内容。",
        en: "10 seconds left before what you entered is cleared.",
    }
    IdleContinue {
        zh: "我还在，继续",
        en: "I'm still here, continue",
    }
    RestartHeading {
        zh: "正在重新启动",
        en: "Restarting",
    }
    RestartBody {
        zh: "本机出了点问题，几秒后会回到开始页面。您填写的内容没有保存。",
        en: "Something went wrong. The kiosk will be back at the start in a few seconds. Nothing you entered was saved.",
    }
    RestartHelp {
        zh: "如需帮助，请到服务窗口，或拨打法律服务热线 12348。",
        en: "For help, go to a service counter or call the legal service hotline 12348.",
    }
    OosHeading {
        zh: "抱歉，本机暂停服务",
        en: "Sorry, this kiosk is not available",
    }
    OosBackAt {
        zh: "预计 {time} 恢复使用。",
        en: "You will be able to use it again from {time}.",
    }
    OosNothingSaved {
        zh: "本机没有保存任何人的信息。",
        en: "Nothing anyone entered has been saved on this kiosk.",
    }
    OosAlternatives {
        zh: "您可以：",
        en: "You can:",
    }
    OosCounter {
        zh: "到大厅的服务窗口办理",
        en: "go to a service counter in this hall",
    }
    OosHotline {
        zh: "拨打法律服务热线 {hotline}",
        en: "call the legal service hotline {hotline}",
    }
    OosStaffMessage {
        zh: "工作人员说明：",
        en: "A note from staff:",
    }
    OfflineTile {
        zh: "暂时无法使用",
        en: "Not available right now",
    }
    CentralDownNotice {
        zh: "这台自助机暂时连不上服务中心：现在不能预约。回电请求会先保存在本机，联网后自动发送。法律援助自查仍可使用。也可以拨打 {hotline}，或到服务窗口办理。",
        en: "This kiosk cannot reach the service centre just now: appointments cannot be booked. Callback requests are saved on this kiosk and sent when the connection returns. The legal-aid self-check still works. You can also call {hotline} or go to a service counter.",
    }
    StaffCentral {
        zh: "服务中心",
        en: "Central server",
    }
    StaffCentralUp {
        zh: "{upstream}：连接正常",
        en: "{upstream}: answering",
    }
    StaffCentralDown {
        zh: "{upstream}：连接不上",
        en: "{upstream}: not answering",
    }
    StaffOutbox {
        zh: "本机待发送",
        en: "Held on this kiosk",
    }
    StaffOutboxDepth {
        zh: "{n} 条（最多 {max} 条），最早的已等待 {age}",
        en: "{n} (at most {max}), the oldest waiting {age}",
    }
    StaffOutboxEmpty {
        zh: "没有（最多 {max} 条）",
        en: "none (at most {max})",
    }
    OfflineNotice {
        zh: "暂时连接不上服务器：预约和回电申请现在无法提交。法律援助自查仍可使用。请拨打 {hotline}，或到服务窗口办理。",
        en: "The kiosk cannot reach its server just now: bookings and callback requests cannot be sent. The legal-aid self-check still works. Please call {hotline} or go to a service counter.",
    }
    StaffSignInHeading {
        zh: "工作人员登录",
        en: "Staff sign-in",
    }
    StaffPinLabel {
        zh: "工作人员密码",
        en: "Staff PIN",
    }
    StaffPinHint {
        zh: "输入数字密码，然后按“登录”。",
        en: "Enter the PIN, then press Sign in.",
    }
    StaffSignIn {
        zh: "登录",
        en: "Sign in",
    }
    StaffCancel {
        zh: "取消，回到开始页面",
        en: "Cancel and go back to the start",
    }
    StaffChecking {
        zh: "正在验证……",
        en: "Checking…",
    }
    StaffPinEmpty {
        zh: "请输入密码。",
        en: "Enter the PIN.",
    }
    StaffPinWrong {
        zh: "密码不正确。连续输错 5 次，工作人员登录将锁定 15 分钟。",
        en: "That PIN is not right. After 5 wrong PINs, staff sign-in is locked for 15 minutes.",
    }
    StaffLocked {
        zh: "输错次数过多，工作人员登录已锁定，请 {minutes} 分钟后再试。",
        en: "Too many wrong PINs: staff sign-in is locked. Try again in {minutes} minutes.",
    }
    StaffUnreachable {
        zh: "连接不上服务器，无法验证密码。",
        en: "The server cannot be reached, so the PIN cannot be checked.",
    }
    StaffPanelHeading {
        zh: "维护面板",
        en: "Staff panel",
    }
    StaffAutoExit {
        zh: "{s} 秒无操作将自动退出。",
        en: "Closes by itself after {s} seconds without use.",
    }
    StaffKiosk {
        zh: "终端编号",
        en: "Kiosk id",
    }
    StaffHall {
        zh: "所在大厅",
        en: "Hall",
    }
    StaffVersion {
        zh: "软件版本",
        en: "App version",
    }
    StaffConfig {
        zh: "配置文件 kiosk.json",
        en: "Configuration (kiosk.json)",
    }
    StaffConfigOk {
        zh: "正常",
        en: "OK",
    }
    StaffConfigProblems {
        zh: "有问题，以下各项使用默认值：",
        en: "Problems found; defaults are used for:",
    }
    StaffApi {
        zh: "服务器连接",
        en: "Server connection",
    }
    StaffApiOk {
        zh: "正常，{ms} 毫秒响应",
        en: "Reachable, answered in {ms} ms",
    }
    StaffApiDown {
        zh: "无法连接",
        en: "Not reachable",
    }
    StaffApiTesting {
        zh: "正在测试……",
        en: "Testing…",
    }
    StaffApiTest {
        zh: "重新测试连接",
        en: "Test the connection again",
    }
    StaffHeartbeat {
        zh: "最近一次心跳",
        en: "Last heartbeat",
    }
    StaffHeartbeatOk {
        zh: "{s} 秒前，服务器已收到",
        en: "{s} seconds ago, received by the server",
    }
    StaffHeartbeatHeld {
        zh: "{s} 秒前，已保存在本机，联网后发送",
        en: "{s} seconds ago, held on this kiosk until the connection returns",
    }
    StaffHeartbeatFailed {
        zh: "{s} 秒前，未送达",
        en: "{s} seconds ago, not received",
    }
    StaffHeartbeatNone {
        zh: "尚未发送",
        en: "None sent yet",
    }
    StaffVoices {
        zh: "朗读语音",
        en: "Speech voices",
    }
    StaffVoicesNone {
        zh: "本机没有可用的朗读语音。",
        en: "This kiosk has no speech voices.",
    }
    StaffSpeechTest {
        zh: "测试朗读",
        en: "Test speech",
    }
    StaffSpeechSample {
        zh: "这是朗读测试。法律服务热线 12348。",
        en: "This is a speech test. Legal service hotline 12348.",
    }
    StaffPrintTest {
        zh: "打印测试页",
        en: "Print a test page",
    }
    StaffPrintTitle {
        zh: "打印测试页",
        en: "Printer test page",
    }
    StaffDisplay {
        zh: "显示屏",
        en: "Display",
    }
    StaffPortrait {
        zh: "竖屏",
        en: "portrait",
    }
    StaffLandscape {
        zh: "横屏",
        en: "landscape",
    }
    StaffService {
        zh: "服务状态",
        en: "Service",
    }
    StaffInService {
        zh: "正在服务",
        en: "In service",
    }
    StaffOutOfService {
        zh: "暂停服务中",
        en: "Out of service",
    }
    StaffBackAt {
        zh: "预计恢复时间",
        en: "Expected back",
    }
    StaffBackUnknown {
        zh: "不确定",
        en: "Not known",
    }
    StaffBack30 {
        zh: "30 分钟后",
        en: "In 30 minutes",
    }
    StaffBack60 {
        zh: "1 小时后",
        en: "In 1 hour",
    }
    StaffBack120 {
        zh: "2 小时后",
        en: "In 2 hours",
    }
    StaffTakeOut {
        zh: "暂停服务",
        en: "Take out of service",
    }
    StaffPutBack {
        zh: "恢复服务",
        en: "Return to service",
    }
    StaffChangeFailed {
        zh: "未能更改服务状态，请检查服务器连接后再试。",
        en: "The service state could not be changed; check the server connection and try again.",
    }
    StaffRestartTest {
        zh: "测试自动重启",
        en: "Test automatic restart",
    }
    StaffExit {
        zh: "退出维护面板",
        en: "Leave the staff panel",
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
