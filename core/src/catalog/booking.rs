//! Booking an appointment, its receipt, and looking a booking up or cancelling it.

macro_rules! booking_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
        BookingPhoneHeading {
            zh: "您的手机号码",
            en: "Your mobile number",
        }
        BookingIdHeading {
            zh: "您的身份证号码",
            en: "Your ID card number",
        }
        BookingNeedsHeading {
            zh: "来的时候需要什么帮助吗？",
            en: "Do you need any help when you come?",
        }
        CheckBookingHeading {
            zh: "请核对您的预约",
            en: "Check your booking",
        }
        CheckBookingHint {
            zh: "要改哪一项，就按它旁边的“修改”。没问题就按最下面的“确认预约”。",
            en: "To change something, press “Change” next to it. If all is right, press “Confirm booking” at the bottom.",
        }
        ConfirmBooking {
            zh: "确认预约",
            en: "Confirm booking",
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
        }
    };
}
