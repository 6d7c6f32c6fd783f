//! The 12348 callback request and its receipt.

macro_rules! callback_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
        }
    };
}
