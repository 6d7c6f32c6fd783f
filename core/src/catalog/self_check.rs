//! The legal-aid self-check: its questions, answers, result and reasons.

macro_rules! self_check_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
        AnswerFirst {
            zh: "请先回答这个问题。",
            en: "Please answer this question first.",
        }
        ProgressTemplate {
            zh: "第 {k} 题，共 {n} 题",
            en: "Question {k} of {n}",
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
    };
}
