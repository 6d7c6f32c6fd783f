//! The frame and the home screen, the words every screen uses, and the
//! accessibility settings with audio.

macro_rules! common_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
            zh: "请轻触要办理事项的大按钮。也可以用键盘：方向键或 Tab 键移动，回车键确认。要大字或语音朗读，请按“无障碍”或 F2 键。",
            en: "Touch the large button of what you need. With keys: arrows or Tab move, Enter selects. For large text or reading aloud, choose “Accessibility” or press F2.",
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
        Chosen {
            zh: "已选",
            en: "chosen",
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
        Change {
            zh: "修改",
            en: "Change",
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
        Loading {
            zh: "正在载入，请稍候……",
            en: "Loading, please wait…",
        }
        }
    };
}
