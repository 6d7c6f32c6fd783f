//! Every text of the console, Chinese first, and the messages for the API's
//! error codes.

use kiosk_core::{
    Lang,
    console::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, Role},
};

/// One text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text(pub &'static str, pub &'static str);

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhCn => self.0,
            Lang::En => self.1,
        }
    }
}

pub const APP_NAME: Text = Text("公共法律服务后台", "Legal services back office");
pub const SKIP: Text = Text("跳到主要内容", "Skip to main content");
pub const LOADING: Text = Text("正在加载……", "Loading…");
pub const SWITCH_LANG: Text = Text("English", "中文");
pub const SWITCH_LANG_LABEL: Text = Text("Switch to English", "切换为中文");
pub const NAV: Text = Text("主导航", "Main navigation");
pub const SIGNED_IN_AS: Text = Text("当前用户", "Signed in as");
pub const SIGN_IN: Text = Text("登录", "Sign in");
pub const SIGN_IN_HEADING: Text = Text("登录后台", "Sign in to the back office");
pub const SIGN_OUT: Text = Text("退出登录", "Sign out");
pub const USER_ID: Text = Text("用户名", "User name");
pub const PASSWORD: Text = Text("密码", "Password");
pub const SIGNING_IN: Text = Text("正在登录……", "Signing in…");
pub const SIGNED_OUT: Text = Text("您已退出登录。", "You have signed out.");
pub const EXPIRED: Text = Text(
    "您长时间未操作，已自动退出登录，请重新登录。",
    "You were signed out after a time without activity. Please sign in again.",
);
pub const IDLE_WARNING: Text = Text(
    "您即将因长时间未操作而被退出登录（约 1 分钟后）。",
    "You will be signed out in about a minute for inactivity.",
);
pub const STAY: Text = Text("保持登录", "Stay signed in");
pub const HOME: Text = Text("首页", "Home");
pub const DESK: Text = Text("12348 回拨", "12348 callbacks");
pub const TODAY: Text = Text("今日预约", "Today's appointments");
pub const KIOSKS: Text = Text("自助终端", "Kiosks");
pub const HALL: Text = Text("服务中心设置", "Hall settings");
pub const STATS: Text = Text("统计", "Statistics");
pub const STANDARDS: Text = Text("法律援助标准", "Legal aid standards");
pub const HOME_INTRO: Text = Text(
    "请从导航中选择要处理的工作。",
    "Choose a task from the navigation.",
);
pub const HOME_NOTHING: Text = Text(
    "您的角色目前没有可用的后台功能。",
    "There is no back office screen for your role yet.",
);
pub const NOT_FOUND: Text = Text("页面不存在", "Page not found");
pub const NOT_FOUND_BODY: Text = Text(
    "您打开的页面不存在或您无权查看。",
    "This page does not exist or is not open to your role.",
);
pub const BACK_HOME: Text = Text("返回后台首页", "Back to the start page");

pub const USERS: Text = Text("用户管理", "Users");
pub const AUDIT: Text = Text("审计日志", "Audit log");
pub const USERS_TABLE: Text = Text("后台用户", "Back office users");
pub const DISPLAY_NAME: Text = Text("姓名", "Name");
pub const ROLE: Text = Text("角色", "Role");
pub const HALLS: Text = Text("负责的服务中心", "Halls");
pub const STATUS: Text = Text("状态", "Status");
pub const ACTIONS: Text = Text("操作", "Actions");
pub const ACTIVE: Text = Text("正常", "Active");
pub const DISABLED: Text = Text("已停用", "Disabled");
pub const LOCKED_UNTIL: Text = Text("已锁定至", "Locked until");
pub const ADD_USER: Text = Text("新增用户", "Add a user");
pub const ADD: Text = Text("新增", "Add");
pub const EDIT: Text = Text("编辑", "Edit");
pub const EDIT_USER: Text = Text("编辑用户", "Edit user");
pub const SAVE: Text = Text("保存", "Save");
pub const CANCEL: Text = Text("取消", "Cancel");
pub const DISABLE: Text = Text("停用", "Disable");
pub const ENABLE: Text = Text("启用", "Enable");
pub const DISABLED_FIELD: Text = Text(
    "停用此账号（立即结束其登录）",
    "Disable this account (ends its sessions)",
);
pub const RESET_PASSWORD: Text = Text("重置密码", "Reset password");
pub const NEW_PASSWORD: Text = Text("新密码", "New password");
pub const RESET_HINT: Text = Text(
    "重置密码也会解除因密码错误造成的锁定，并结束该用户的所有登录。请当面告知新密码。",
    "A reset also ends a lockout after wrong passwords and all of the user's sessions. Tell them the new password in person.",
);
pub const INITIAL_PASSWORD: Text = Text("初始密码", "Initial password");
pub const USER_ID_HINT: Text = Text(
    "2–32 个小写字母、数字或 . _ -，以字母或数字开头",
    "2–32 of lower-case letters, digits, . _ -, starting with a letter or digit",
);
pub const HALLS_HINT: Text = Text("仅服务中心管理员需要选择", "Only hall admins have halls");
pub const USER_ADDED: Text = Text("已新增用户", "User added");
pub const USER_SAVED: Text = Text("已保存用户", "User saved");
pub const PASSWORD_RESET_DONE: Text = Text("已重置密码", "Password reset");
pub const RELOAD: Text = Text("重新载入", "Reload");
pub const NO_USERS: Text = Text("还没有用户。", "No users yet.");

pub const FILTERS: Text = Text("筛选", "Filters");
pub const APPLY: Text = Text("查询", "Search");
pub const ACTION: Text = Text("操作类型", "Action");
pub const ANY_ACTION: Text = Text("全部", "Any");
pub const TARGET: Text = Text("对象", "Target");
pub const TARGET_HINT: Text = Text("如 user 或 user:li.na", "e.g. user or user:li.na");
pub const FROM: Text = Text("起始日期", "From");
pub const TO: Text = Text("截止日期", "To");
pub const AT: Text = Text("时间", "Time");
pub const ACTOR: Text = Text("操作人", "User");
pub const CLIENT: Text = Text("来源地址", "Address");
pub const DETAIL: Text = Text("详情", "Detail");
pub const CLI: Text = Text("命令行", "command line");
pub const OLDER: Text = Text("更早的记录", "Older entries");
pub const NO_ENTRIES: Text = Text("没有符合条件的记录。", "No matching entries.");
pub const ENTRIES_SHOWN: Text = Text("条记录", "entries shown");

/// Who a role is, for people.
pub fn role(role: Role) -> Text {
    match role {
        Role::Operator => Text("12348 话务员", "12348 operator"),
        Role::HallAdmin => Text("服务中心管理员", "Hall admin"),
        Role::ProvinceAdmin => Text("省级管理员", "Province admin"),
    }
}

/// The audit log's actions (`server/src/db/audit.rs`), for people.
pub const AUDIT_ACTIONS: &[(&str, Text)] = &[
    ("sign_in", Text("登录", "Sign-in")),
    ("sign_in_failed", Text("登录失败", "Failed sign-in")),
    ("sign_in_locked", Text("登录被锁定", "Sign-in while locked")),
    ("sign_out", Text("退出登录", "Sign-out")),
    ("user_create", Text("新增用户", "User added")),
    ("user_update", Text("修改用户", "User changed")),
    ("user_password_reset", Text("重置密码", "Password reset")),
    ("user_unlock", Text("解除锁定", "User unlocked")),
    (
        "phone_reveal",
        Text("查看完整电话", "Phone number revealed"),
    ),
    ("callback_claim", Text("认领回拨", "Callback claimed")),
    ("callback_release", Text("放弃认领", "Claim released")),
    (
        "callback_outcome",
        Text("记录回拨结果", "Call outcome recorded"),
    ),
    ("callback_note", Text("添加回拨备注", "Callback note added")),
    ("hall_create", Text("新增服务中心", "Hall added")),
    ("hall_update", Text("修改服务中心", "Hall changed")),
    (
        "hours_update",
        Text("修改开放时间", "Opening hours changed"),
    ),
    ("closure_create", Text("设置闭馆", "Closure set")),
    ("closure_delete", Text("取消闭馆", "Closure removed")),
    ("service_update", Text("修改服务项目", "Service changed")),
    ("slot_update", Text("修改时段名额", "Slot seats changed")),
    ("check_in", Text("到场登记", "Check-in")),
    ("kiosk_register", Text("登记自助终端", "Kiosk registered")),
    ("kiosk_maintenance", Text("终端维护", "Kiosk maintenance")),
    (
        "standards_apply",
        Text("更新法律援助标准", "Legal aid standards applied"),
    ),
];

pub fn action(code: &str) -> Option<Text> {
    AUDIT_ACTIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, t)| *t)
}

/// What an error code of the API (`server/openapi.json`) means, for people.
/// Unknown codes get a general message rather than the code.
pub fn code(code: &str) -> Text {
    match code {
        "invalid_credentials" => Text("用户名或密码不正确。", "Wrong user name or password."),
        "account_locked" => Text(
            "密码错误次数过多，此账号暂时锁定。请稍后再试，或请省级管理员重置密码。",
            "Too many wrong passwords: this account is locked for now. Try later, or ask a province admin to reset the password.",
        ),
        "session_expired" => EXPIRED,
        "session_required" => Text("请先登录。", "Please sign in."),
        "csrf_failed" => Text(
            "请求未通过安全校验，请刷新页面后重试。",
            "The request failed a security check. Reload the page and try again.",
        ),
        "forbidden_role" | "forbidden_hall" => {
            Text("您的角色无权进行此操作。", "Your role may not do this.")
        }
        "invalid_user_id" => USER_ID_HINT_ERROR,
        "password_too_short" => PASSWORD_TOO_SHORT,
        "password_too_long" => PASSWORD_TOO_LONG,
        "invalid_display_name" => Text(
            "请填写姓名（1–60 个字符）。",
            "Enter a name (1–60 characters).",
        ),
        "halls_required" => Text(
            "服务中心管理员至少负责一个服务中心。",
            "A hall admin needs at least one hall.",
        ),
        "halls_not_allowed" => Text(
            "只有服务中心管理员可以选择服务中心。",
            "Only hall admins have halls.",
        ),
        "unknown_hall" => Text("所选服务中心不存在。", "A chosen hall does not exist."),
        "invalid_role" => Text("请选择角色。", "Choose a role."),
        "user_exists" => Text("此用户名已被使用。", "This user name is taken."),
        "changed_by_someone_else" => Text(
            "此用户已被他人修改。请重新载入后再修改。",
            "Someone else changed this user meanwhile. Reload it, then make your change again.",
        ),
        "last_province_admin" => Text(
            "不能停用或降级最后一位省级管理员。",
            "The last active province admin cannot be disabled or demoted.",
        ),
        "unknown_user" => Text("此用户不存在。", "This user does not exist."),
        "invalid_date" => Text("请输入有效日期。", "Enter a valid date."),
        "range_reversed" => Text(
            "截止日期不能早于起始日期。",
            "The end date cannot be before the start date.",
        ),
        "range_too_long" => Text(
            "一次最多统计 53 周，请缩短日期范围。",
            "At most 53 weeks at a time: shorten the range.",
        ),
        "invalid_lang" => Text("不支持这种语言。", "That language is not offered."),
        "invalid_query" | "invalid_limit" => Text("筛选条件无效。", "These filters are not valid."),
        "outcome_required" => Text("请选择回拨结果。", "Choose the outcome of the call."),
        "claimed_by_other" => Text(
            "此请求已被其他话务员认领，请选择另一条。",
            "Another operator has claimed this request: choose another.",
        ),
        "claim_required" => Text(
            "您的认领已失效，请重新认领后再记录。",
            "Your claim has run out: claim the request again, then record.",
        ),
        "callback_closed" => Text("此请求已完成。", "This request is closed."),
        "unknown_callback" => Text(
            "此回拨请求不存在（可能已超过保存期限）。",
            "This callback request no longer exists (it may be past its retention).",
        ),
        "note_required" => Text("请填写备注内容。", "Write the note."),
        "note_too_long" => Text(
            "备注最多 1000 个字。",
            "A note has at most 1000 characters.",
        ),
        "call_after_required" => Text("请填写约定再次回拨的时间。", "Enter when to call again."),
        "invalid_call_after" => Text("请输入有效的日期和时间。", "Enter a valid date and time."),
        "call_after_past" => Text("时间须晚于现在。", "The time must be later than now."),
        "call_after_too_far" => Text("最多约定 7 天以内的时间。", "At most 7 days ahead."),
        "unknown_service" => Text(
            "此服务中心不提供该服务。",
            "This hall does not offer that service.",
        ),
        "service_required" => Text("请选择服务项目。", "Choose a service."),
        "unknown_appointment" => Text("找不到这个预约。", "No such appointment."),
        "appointment_cancelled" => Text("这个预约已取消。", "This appointment was cancelled."),
        "attendance_recorded" => Text("已登记过到场情况。", "Attendance is already recorded."),
        "not_today" => Text(
            "只能登记当天的预约。",
            "Only today's appointments can be checked in.",
        ),
        "slot_not_started" => Text(
            "预约时间还没到，不能登记未到。",
            "The slot has not started: it is too early for a no-show.",
        ),
        "invalid_session" => Text(
            "时间段无效：请按“09:00-12:00”填写，结束晚于开始。",
            "Not a valid session: write it as “09:00-12:00”, ending after it starts.",
        ),
        "sessions_overlap" => Text("两个时间段重叠了。", "Two sessions overlap."),
        "too_many_sessions" => Text("一天最多 4 个时间段。", "At most 4 sessions a day."),
        "seven_weekdays" => Text("需要填写一周七天。", "All seven weekdays are needed."),
        "invalid_slot_minutes" => Text(
            "每个时段的长度须在 5 到 240 分钟之间。",
            "A slot lasts 5 to 240 minutes.",
        ),
        "invalid_reason" => Text(
            "请填写原因，最多 100 个字。",
            "Give a reason, at most 100 characters.",
        ),
        "date_in_past" => Text("日期不能早于今天。", "The date cannot be before today."),
        "date_too_far" => Text("最多只能提前一年设置。", "At most a year ahead."),
        "closure_exists" => Text("这一天已经设置过了。", "That day is already set."),
        "unknown_closure" => Text("找不到这一天的设置。", "No closure on that day."),
        "invalid_capacity" => Text("名额须在 1 到 50 之间。", "Seats must be from 1 to 50."),
        "capacity_below_taken" => Text(
            "名额不能少于已经预约的人数。",
            "Seats cannot be fewer than those already booked.",
        ),
        "invalid_slot" => Text("没有这个时段。", "No such slot."),
        "slot_started" => Text(
            "这个时段已经开始，不能再修改。",
            "This slot has started: it can no longer change.",
        ),
        "invalid_hall_name" => Text(
            "请填写中英文名称，最多 60 个字。",
            "Give the name in Chinese and English, at most 60 characters.",
        ),
        "invalid_address" => Text(
            "请填写中英文地址，最多 120 个字。",
            "Give the address in Chinese and English, at most 120 characters.",
        ),
        "invalid_hall_phone" => Text(
            "电话号码无效：只能有数字、空格、“-”“+”和括号。",
            "Not a valid phone number: digits, spaces, “-”, “+” and brackets only.",
        ),
        "invalid_hours_text" => Text(
            "请填写中英文开放时间说明，最多 200 个字。",
            "Describe the opening hours in Chinese and English, at most 200 characters.",
        ),
        "invalid_hall_id" => Text(
            "编号须为 2–40 个小写字母、数字或“-”。",
            "An id is 2–40 lower-case letters, digits or “-”.",
        ),
        "hall_exists" => Text("已有这个编号的服务中心。", "A hall with this id exists."),
        "invalid_kiosk_id" => Text(
            "终端编号须为 1–64 个字母、数字、“_”或“-”。",
            "A kiosk id is 1–64 letters, digits, “_” or “-”.",
        ),
        "kiosk_exists" => Text("已有这个编号的终端。", "A kiosk with this id exists."),
        "unknown_kiosk" => Text("找不到这台终端。", "No such kiosk."),
        "message_too_long" => Text(
            "提示文字最多 200 个字。",
            "The message is at most 200 characters.",
        ),
        "invalid_back_at" => Text(
            "预计恢复时间须在今后 14 天内。",
            "Expected back must be within the next 14 days.",
        ),
        "invalid_standards_format" => Text(
            "文件不是标准的格式，请对照说明检查。",
            "The file is not in the standards format; check it against the description.",
        ),
        "standards_empty" => Text("文件里没有任何条目。", "The file has no entries."),
        "invalid_region_code" => Text(
            "有地区代码不是 6 位数字。",
            "A region code is not six digits.",
        ),
        "zero_figure" => Text("有地区的标准是 0 元。", "A region has a figure of 0 CNY."),
        "duplicate_standard" => Text(
            "同一地区有两条同一天起的标准。",
            "A region has two entries from the same day.",
        ),
        "standards_unchanged" => Text(
            "这个文件与现行标准完全相同。",
            "This file is the same as the standards in force.",
        ),
        "invalid_topic" | "invalid_view" => Text("筛选条件无效。", "These filters are not valid."),
        "rate_limited" => Text(
            "操作过于频繁，请稍后再试。",
            "Too many requests; try again shortly.",
        ),
        _ => FAILED,
    }
}

/// The full phone number is shown only on purpose, and the server audits it.
pub const SHOW_NUMBER: Text = Text("显示完整号码", "Show the full number");
pub const NUMBER_AUDITED: Text = Text(
    "显示完整号码会记入审计日志。",
    "Showing the full number is recorded in the audit log.",
);

pub const FAILED: Text = Text(
    "操作未能完成，请稍后重试。",
    "That did not work. Please try again.",
);
pub const UNREACHABLE: Text = Text(
    "无法连接服务器，请检查网络后重试。",
    "The server cannot be reached. Check the network and try again.",
);
pub const USER_ID_HINT_ERROR: Text = Text(
    "用户名须为 2–32 个小写字母、数字或 . _ -，以字母或数字开头。",
    "A user name has 2–32 lower-case letters, digits, . _ -, starting with a letter or digit.",
);
pub const PASSWORD_TOO_SHORT: Text = Text(
    "密码至少 12 个字符。",
    "A password has at least 12 characters.",
);
pub const PASSWORD_TOO_LONG: Text = Text(
    "密码最多 128 个字符。",
    "A password has at most 128 characters.",
);

// The texts above spell the limits out; they must say what core enforces.
const _: () = assert!(PASSWORD_MIN_CHARS == 12 && PASSWORD_MAX_CHARS == 128);
