//! The staff sign-in and the maintenance panel.

macro_rules! staff_texts {
    ($areas:tt $($texts:tt)*) => {
        next_area! { $areas $($texts)*
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
            zh: "浏览器没有朗读语音。",
            en: "The browser has no speech voices.",
        }
        StaffVoicesMore {
            zh: "等，共 {n} 个",
            en: "and more, {n} in all",
        }
        StaffVoicesOther {
            zh: "其他 {n} 种语言，共 {v} 个语音",
            en: "{n} other languages, {v} voices",
        }
        StaffSpeechSources {
            zh: "朗读来源",
            en: "Where speech comes from",
        }
        StaffSourceBrowser {
            zh: "浏览器语音（{name}）",
            en: "the browser's voice ({name})",
        }
        StaffSourceServer {
            zh: "本机服务器合成（espeak-ng）",
            en: "made by this PC's server (espeak-ng)",
        }
        StaffSourceServerFailed {
            zh: "本机服务器合成，但上次失败：请检查 espeak-ng",
            en: "made by this PC's server, which failed last time: check espeak-ng",
        }
        StaffSpeechTest {
            zh: "测试浏览器语音",
            en: "Test the browser's voice",
        }
        StaffServerSpeechTest {
            zh: "测试服务器合成",
            en: "Test the server's speech",
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
    };
}
