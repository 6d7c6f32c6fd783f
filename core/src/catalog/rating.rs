//! The 好差评 rating at the end of a visit.

macro_rules! rating_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
        }
    };
}
