//! Running unattended: the attract screen, the inactivity warning and reset,
//! out of service, and offline.

macro_rules! ops_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
        OfflineNotice {
            zh: "暂时连接不上服务器：预约和回电申请现在无法提交。法律援助自查仍可使用。请拨打 {hotline}，或到服务窗口办理。",
            en: "The kiosk cannot reach its server just now: bookings and callback requests cannot be sent. The legal-aid self-check still works. Please call {hotline} or go to a service counter.",
        }
        }
    };
}
