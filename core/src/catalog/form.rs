//! What every form flow asks the same way: the notice and consent, the name,
//! phone and ID fields, the needs, the review, sending, and the name keyboard.

macro_rules! form_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
        ChooseSeveralHint {
            zh: "可以选多项，选好后点“继续”。",
            en: "You can choose more than one, then choose Continue.",
        }
        // ---- booking and callback flows (#5) ----
        StepTemplate {
            zh: "第 {k} 步，共 {n} 步",
            en: "Step {k} of {n}",
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
        // The name keyboard cannot type these; pasted or sent text can.
        NameHidden {
            zh: "姓名里有看不见的特殊符号，请删掉后重新输入。",
            en: "The name holds an invisible special character. Please delete it and type the name again.",
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
        ReferenceLabel {
            zh: "预约号",
            en: "Reference",
        }
        PrintReceipt {
            zh: "打印凭条",
            en: "Print receipt",
        }
        SkipThis {
            zh: "跳过",
            en: "Skip",
        }
        NoteLabel {
            zh: "简短说明",
            en: "Short note",
        }
        NoteTooLong {
            zh: "说明太长了，最多 200 字。",
            en: "The note is too long: at most 200 characters.",
        }
        NoteHidden {
            zh: "说明里有看不见的特殊符号，请删掉后重新输入。",
            en: "The note holds an invisible special character. Please delete it and type the note again.",
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
        }
    };
}
