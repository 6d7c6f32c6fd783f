//! The hall itself: the profile the kiosks show, opening hours per weekday
//! with breaks, closures and holidays (with the bookings they leave to call),
//! the services offered and the seats of each slot. Every save sends the
//! version it read, so a colleague's change is never silently overwritten.

use gloo_net::http::Method;
use kiosk_core::{
    api::LocalizedText,
    console::{FieldErrors as Errors, Role, push_error},
    hall_admin::{
        AffectedBooking, Closure, ClosureCreated, HallProfile, HallRecord, HallService,
        HallServiceUpdate, HallUpdate, Hours, NewClosure, NewHall, SlotCapacity,
        SlotCapacityUpdate, check_capacity, check_closure, check_hours, check_profile, is_hall_id,
        parse_sessions, sessions_line,
    },
};
use leptos::{ev, prelude::*, task::spawn_local};

use super::{HallPicker, clock_of, hall_path, local, message, today, valid_day, when};
use crate::{
    FieldErrors, FocusHeading,
    api::{ClientError, call, call_empty, json},
    ctx,
    form::{FormAlert, FormErrors},
    i18n::{self, Text},
};

const SAVE: Text = Text("保存", "Save");
const SAVED: Text = Text("已保存。", "Saved.");
const RELOAD: Text = Text("重新读取", "Load again");
const CHANGED_ELSEWHERE: Text = Text(
    "其他人刚修改过这里。请重新读取，核对后再保存。",
    "Someone else has just changed this. Load it again, check, then save.",
);

const PROFILE: Text = Text("基本信息", "Profile");
const NAME_ZH: Text = Text("名称（中文）", "Name in Chinese");
const NAME_EN: Text = Text("名称（英文）", "Name in English");
const ADDRESS_ZH: Text = Text("地址（中文）", "Address in Chinese");
const ADDRESS_EN: Text = Text("地址（英文）", "Address in English");
const PHONE: Text = Text("服务中心电话", "Hall phone");
const VISITOR_PHONE: Text = Text("电话", "Phone");
const HOURS_TEXT_ZH: Text = Text("开放时间说明（中文）", "Opening hours text in Chinese");
const HOURS_TEXT_EN: Text = Text("开放时间说明（英文）", "Opening hours text in English");
const PROFILE_HINT: Text = Text(
    "这些内容显示在自助终端和回执上。",
    "These show on the kiosks and on receipts.",
);

const HOURS: Text = Text("每周开放时间", "Weekly opening hours");
const SLOT_MINUTES: Text = Text("每个预约时段（分钟）", "Slot length (minutes)");
const HOURS_HINT: Text = Text(
    "每天填写开放的时间段，用逗号隔开，中间的空档就是午休，例如“09:00-12:00, 13:30-17:30”。留空表示这一天不开放。",
    "For each day write its sessions, separated by commas; the gaps are breaks. For example “09:00-12:00, 13:30-17:30”. Leave empty for a day closed.",
);
const WEEKDAYS: [Text; 7] = [
    Text("星期一", "Monday"),
    Text("星期二", "Tuesday"),
    Text("星期三", "Wednesday"),
    Text("星期四", "Thursday"),
    Text("星期五", "Friday"),
    Text("星期六", "Saturday"),
    Text("星期日", "Sunday"),
];
const WEEKDAY_FIELDS: [&str; 7] = [
    "weekday_1",
    "weekday_2",
    "weekday_3",
    "weekday_4",
    "weekday_5",
    "weekday_6",
    "weekday_7",
];

const CLOSURES: Text = Text("闭馆与节假日", "Closures and holidays");
const CLOSURE_DATE: Text = Text("日期", "Date");
const CLOSURE_REASON: Text = Text("原因", "Reason");
const CLOSURE_KIND: Text = Text("当天", "That day");
const DAY_OFF: Text = Text("全天不开放", "Closed all day");
const SHORTER: Text = Text("缩短开放时间", "Shorter hours");
const SHORTER_SESSIONS: Text = Text("当天开放的时间段", "Sessions that day");
const ADD_CLOSURE: Text = Text("设置", "Set");
const NO_CLOSURES: Text = Text("今后没有闭馆安排。", "No closures ahead.");
const REOPEN: Text = Text("取消这个安排", "Remove");
const TO_CALL: Text = Text("需通知的预约", "Bookings to call");
const SHOW_TO_CALL: Text = Text("查看需通知的预约", "Show bookings to call");
const CALL_THEM: Text = Text(
    "以下预约在不开放的时间内，没有被取消。请逐一打电话通知，并帮助改约。",
    "These bookings fall outside the hours and are not cancelled. Call each visitor and help them rebook.",
);
const NONE_TO_CALL: Text = Text("没有受影响的预约。", "No bookings are affected.");
const CLOSURE_SET: Text = Text("已设置：", "Set: ");
const CLOSURE_REMOVED: Text = Text("已取消安排：", "Removed: ");

const SERVICES: Text = Text("服务项目与名额", "Services and seats");
const SERVICE: Text = Text("服务项目", "Service");
const OFFERED: Text = Text("提供", "Offered");
const CAPACITY: Text = Text("每个时段名额", "Seats per slot");
const SERVICES_HINT: Text = Text(
    "名额用于今后新开放的时段；已有时段的名额在下面逐个修改。",
    "Seats apply to slots from now on; change an existing slot below.",
);

const NO_SERVICES: Text = Text(
    "这个服务中心还没有提供任何服务项目：在上表勾选“提供”并填写名额后保存。",
    "This hall offers no service yet: tick “Offered” above, give the seats and save.",
);
const SEATS: Text = Text("某一天的时段名额", "Seats of a day's slots");
const SEATS_DAY: Text = Text("日期", "Day");
const SHOW: Text = Text("显示", "Show");
const SLOT: Text = Text("时段", "Slot");
const TAKEN: Text = Text("已预约", "Booked");
const LEFT: Text = Text("剩余", "Left");
const NO_SLOTS: Text = Text("这一天没有可预约的时段。", "No slots on this day.");
const SEATS_SAVED: Text = Text("已修改名额：", "Seats changed: ");
const HALL_ID: Text = Text("编号：", "Id: ");
const NEW_HALL: Text = Text("新增服务中心", "Add a hall");
const NEW_HALL_ID: Text = Text("编号", "Id");
const NEW_HALL_HINT: Text = Text(
    "编号用于网址和终端配置，之后不能修改：2–40 个小写字母、数字或“-”，例如 xh-center。新服务中心加好后，再设置开放时间和服务项目。",
    "The id stands in addresses and kiosk configuration and cannot change later: 2–40 lower-case letters, digits or “-”, such as xh-center. Once added, set its hours and services.",
);
const ADD_HALL: Text = Text("新增", "Add");
const HALL_ADDED: Text = Text("已新增服务中心：", "Hall added: ");

#[component]
pub fn HallScreen() -> impl IntoView {
    let ctx = ctx();
    let status = RwSignal::new(None::<String>);
    let halls_changed = RwSignal::new(0u32);
    let province = ctx
        .session
        .get_untracked()
        .is_some_and(|s| s.role == Role::ProvinceAdmin);
    let added = move |r: HallRecord| {
        status.set(Some(format!(
            "{}{}",
            ctx.t(HALL_ADDED),
            local(ctx.lang.get_untracked(), &r.profile.names)
        )));
        ctx.hall.set(r.id);
        halls_changed.update(|n| *n += 1);
    };
    view! {
        <FocusHeading text=i18n::HALL />
        <section class="console-panel" aria-label=move || ctx.t(i18n::FILTERS)>
            <HallPicker id="hall-hall" reload=halls_changed />
        </section>
        <p class="console-success-slot" role="status" aria-live="polite">{move || status.get()}</p>
        {move || {
            let hall = ctx.hall.get();
            (!hall.is_empty()).then(|| view! {
                <ProfileForm hall=hall.clone() status=status />
                <HoursForm hall=hall.clone() status=status />
                <Closures hall=hall.clone() status=status />
                <Services hall=hall.clone() status=status />
            })
        }}
        {province.then(|| view! { <NewHallForm on_added=added /> })}
    }
}

/// The message for a refused save: a version conflict says what to do.
fn general(e: &ClientError) -> Option<Text> {
    match e.code() {
        Some("changed_by_someone_else") => Some(CHANGED_ELSEWHERE),
        _ => None,
    }
}

#[component]
fn SaveRow(errors: FormErrors, reload: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ctx = ctx();
    let conflict = move || errors.general.get() == Some(CHANGED_ELSEWHERE);
    view! {
        <FormAlert errors=errors />
        <div class="console-actions">
            <button type="submit" class="console-button">{move || ctx.t(SAVE)}</button>
            {move || conflict().then(|| view! {
                <button type="button" class="console-button console-button--quiet" on:click=move |_| reload()>{move || ctx.t(RELOAD)}</button>
            })}
        </div>
    }
}

#[component]
fn TextField(
    id: String,
    label: Text,
    value: RwSignal<String>,
    errors: FormErrors,
    field: &'static str,
    /// The ids of the hint and errors that describe it.
    described: String,
) -> impl IntoView {
    let ctx = ctx();
    view! {
        <div class="console-field">
            <label for=id.clone()>{move || ctx.t(label)}</label>
            <input id=id aria-describedby=described aria-invalid=errors.invalid(field)
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// What a hall's profile form holds, for editing one and for adding one.
#[derive(Clone, Copy)]
struct ProfileInputs {
    name_zh: RwSignal<String>,
    name_en: RwSignal<String>,
    addr_zh: RwSignal<String>,
    addr_en: RwSignal<String>,
    phone: RwSignal<String>,
    hours_zh: RwSignal<String>,
    hours_en: RwSignal<String>,
}

impl ProfileInputs {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Self {
            name_zh: s(),
            name_en: s(),
            addr_zh: s(),
            addr_en: s(),
            phone: s(),
            hours_zh: s(),
            hours_en: s(),
        }
    }

    fn fill(self, p: HallProfile) {
        self.name_zh.set(p.names.zh_cn);
        self.name_en.set(p.names.en);
        self.addr_zh.set(p.address.zh_cn);
        self.addr_en.set(p.address.en);
        self.phone.set(p.phone);
        self.hours_zh.set(p.opening_hours.zh_cn);
        self.hours_en.set(p.opening_hours.en);
    }

    fn clear(self) {
        for s in [
            self.name_zh,
            self.name_en,
            self.addr_zh,
            self.addr_en,
            self.phone,
            self.hours_zh,
            self.hours_en,
        ] {
            s.set(String::new());
        }
    }

    fn profile(self) -> HallProfile {
        let pair = |a: RwSignal<String>, b: RwSignal<String>| LocalizedText {
            zh_cn: a.get_untracked(),
            en: b.get_untracked(),
        };
        HallProfile {
            names: pair(self.name_zh, self.name_en),
            address: pair(self.addr_zh, self.addr_en),
            phone: self.phone.get_untracked(),
            opening_hours: pair(self.hours_zh, self.hours_en),
        }
    }
}

/// The profile's fields, their ids prefixed so two forms can share a page.
#[component]
fn ProfileFields(p: ProfileInputs, errors: FormErrors, prefix: &'static str) -> impl IntoView {
    let pair = move |field: &'static str,
                     zh: (Text, RwSignal<String>),
                     en: (Text, RwSignal<String>)| {
        let errs = format!("{prefix}-{field}-errors");
        view! {
            <div class="console-form--grid">
                <TextField id=format!("{prefix}-{field}-zh") label=zh.0 value=zh.1 errors=errors field=field described=format!("{prefix}-hint {errs}") />
                <TextField id=format!("{prefix}-{field}-en") label=en.0 value=en.1 errors=errors field=field described=errs.clone() />
            </div>
            <FieldErrors id=errs codes=errors.of(field) />
        }
    };
    view! {
        {pair("names", (NAME_ZH, p.name_zh), (NAME_EN, p.name_en))}
        {pair("address", (ADDRESS_ZH, p.addr_zh), (ADDRESS_EN, p.addr_en))}
        <TextField id=format!("{prefix}-phone") label=PHONE value=p.phone errors=errors field="phone" described=format!("{prefix}-phone-errors") />
        <FieldErrors id=format!("{prefix}-phone-errors") codes=errors.of("phone") />
        {pair("opening_hours", (HOURS_TEXT_ZH, p.hours_zh), (HOURS_TEXT_EN, p.hours_en))}
    }
}

#[component]
fn ProfileForm(hall: String, status: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = ctx();
    let version = RwSignal::new(None::<i64>);
    let inputs = ProfileInputs::new();
    let errors = FormErrors::new();
    let hall = StoredValue::new(hall);
    let fill = move |r: HallRecord| {
        inputs.fill(r.profile);
        version.set(Some(r.version));
    };
    let load = move || {
        let hall = hall.get_value();
        spawn_local(async move {
            match call::<HallRecord>(Method::GET, &hall_path(&hall, ""), None).await {
                Ok(r) => {
                    errors.clear();
                    fill(r);
                }
                Err(e) => errors.set(&e),
            }
        });
    };
    load();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let Some(v) = version.get_untracked() else {
            return;
        };
        let profile = inputs.profile();
        let mut errs = Errors::new();
        check_profile(&mut errs, &profile);
        if !errs.is_empty() {
            errors.fields.set(errs);
            return;
        }
        let update = HallUpdate {
            names: profile.names,
            address: profile.address,
            phone: profile.phone,
            opening_hours: profile.opening_hours,
            version: v,
        };
        let hall = hall.get_value();
        spawn_local(async move {
            match call::<HallRecord>(Method::PUT, &hall_path(&hall, ""), json(&update)).await {
                Ok(r) => {
                    fill(r);
                    status.set(Some(format!("{} {}", ctx.t(PROFILE), ctx.t(SAVED))));
                }
                Err(e) => {
                    errors.set(&e);
                    if let Some(g) = general(&e) {
                        errors.general.set(Some(g));
                    }
                }
            }
        });
    };
    view! {
        <section class="console-panel" aria-labelledby="hall-profile-heading">
            <h2 id="hall-profile-heading">{move || ctx.t(PROFILE)}</h2>
            <p class="console-hint" id="hall-hint">{move || ctx.t(PROFILE_HINT)}" "{move || ctx.t(HALL_ID)}<span class="console-mono">{hall.get_value()}</span></p>
            <form class="console-form" on:submit=submit novalidate>
                <ProfileFields p=inputs errors=errors prefix="hall" />
                <SaveRow errors=errors reload=load />
            </form>
        </section>
    }
}

/// A new hall, for province admins: its id, then the same profile.
#[component]
fn NewHallForm(on_added: impl Fn(HallRecord) + Copy + 'static) -> impl IntoView {
    let ctx = ctx();
    let id = RwSignal::new(String::new());
    let inputs = ProfileInputs::new();
    let errors = FormErrors::new();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let p = inputs.profile();
        let hall = NewHall {
            id: id.get_untracked().trim().to_owned(),
            names: p.names,
            address: p.address,
            phone: p.phone,
            opening_hours: p.opening_hours,
        };
        let mut errs = Errors::new();
        if !is_hall_id(&hall.id) {
            push_error(&mut errs, "id", "invalid_hall_id");
        }
        check_profile(&mut errs, &hall.profile());
        if !errs.is_empty() {
            errors.fields.set(errs);
            return;
        }
        spawn_local(async move {
            match call::<HallRecord>(Method::POST, "/halls", json(&hall)).await {
                Ok(r) => {
                    id.set(String::new());
                    inputs.clear();
                    on_added(r);
                }
                Err(e) => errors.set(&e),
            }
        });
    };
    view! {
        <section class="console-panel" aria-labelledby="new-hall-heading">
            <h2 id="new-hall-heading">{move || ctx.t(NEW_HALL)}</h2>
            <p class="console-hint" id="new-hall-hint">{move || ctx.t(NEW_HALL_HINT)}</p>
            <form class="console-form" on:submit=submit novalidate>
                <TextField id="new-hall-id".to_owned() label=NEW_HALL_ID value=id errors=errors field="id" described="new-hall-hint new-hall-id-errors".to_owned() />
                <FieldErrors id="new-hall-id-errors" codes=errors.of("id") />
                <ProfileFields p=inputs errors=errors prefix="new-hall" />
                <FormAlert errors=errors />
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(ADD_HALL)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn HoursForm(hall: String, status: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = ctx();
    let version = RwSignal::new(None::<i64>);
    let slot = RwSignal::new(String::new());
    let days: [RwSignal<String>; 7] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let errors = FormErrors::new();
    let hall = StoredValue::new(hall);
    let fill = move |h: Hours| {
        slot.set(h.slot_minutes.to_string());
        for (i, d) in days.iter().enumerate() {
            d.set(
                h.weekdays
                    .get(i)
                    .map(|s| sessions_line(s))
                    .unwrap_or_default(),
            );
        }
        version.set(Some(h.version));
    };
    let load = move || {
        let hall = hall.get_value();
        spawn_local(async move {
            match call::<Hours>(Method::GET, &hall_path(&hall, "/hours"), None).await {
                Ok(h) => {
                    errors.clear();
                    fill(h);
                }
                Err(e) => errors.set(&e),
            }
        });
    };
    load();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let Some(v) = version.get_untracked() else {
            return;
        };
        let mut errs = Errors::new();
        let slot_minutes = slot.get_untracked().trim().parse::<u16>().unwrap_or(0);
        let mut weekdays = Vec::new();
        for (i, d) in days.iter().enumerate() {
            match parse_sessions(&d.get_untracked()) {
                Some(s) => weekdays.push(s),
                None => {
                    push_error(&mut errs, WEEKDAY_FIELDS[i], "invalid_session");
                    weekdays.push(Vec::new());
                }
            }
        }
        let hours = Hours {
            slot_minutes,
            weekdays,
            version: v,
        };
        if errs.is_empty() {
            check_hours(&mut errs, &hours);
        }
        if !errs.is_empty() {
            errors.fields.set(errs);
            return;
        }
        let hall = hall.get_value();
        spawn_local(async move {
            match call::<Hours>(Method::PUT, &hall_path(&hall, "/hours"), json(&hours)).await {
                Ok(h) => {
                    fill(h);
                    status.set(Some(format!("{} {}", ctx.t(HOURS), ctx.t(SAVED))));
                }
                Err(e) => {
                    errors.set(&e);
                    if let Some(g) = general(&e) {
                        errors.general.set(Some(g));
                    }
                }
            }
        });
    };
    view! {
        <section class="console-panel" aria-labelledby="hall-hours-heading">
            <h2 id="hall-hours-heading">{move || ctx.t(HOURS)}</h2>
            <form class="console-form" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="hall-slot-minutes">{move || ctx.t(SLOT_MINUTES)}</label>
                    <input id="hall-slot-minutes" type="number" inputmode="numeric" min="5" max="240" class="console-input--short"
                        aria-describedby="hall-slot-minutes-errors" aria-invalid=errors.invalid("slot_minutes")
                        prop:value=move || slot.get() on:input=move |ev| slot.set(event_target_value(&ev)) />
                    <FieldErrors id="hall-slot-minutes-errors" codes=errors.of("slot_minutes") />
                </div>
                <p id="hall-hours-hint" class="console-hint">{move || ctx.t(HOURS_HINT)}</p>
                <FieldErrors id="hall-weekdays-errors" codes=errors.of("weekdays") />
                {(0..7).map(|i| {
                    let id = WEEKDAY_FIELDS[i];
                    let d = days[i];
                    view! {
                        <div class="console-field hall-weekday">
                            <label for=format!("hall-{id}")>{move || ctx.t(WEEKDAYS[i])}</label>
                            <input id=format!("hall-{id}") inputmode="numeric" autocomplete="off"
                                aria-describedby=format!("hall-hours-hint hall-{id}-errors") aria-invalid=errors.invalid(id)
                                prop:value=move || d.get() on:input=move |ev| d.set(event_target_value(&ev)) />
                            <FieldErrors id=format!("hall-{id}-errors") codes=errors.of(id) />
                        </div>
                    }
                }).collect_view()}
                <SaveRow errors=errors reload=load />
            </form>
        </section>
    }
}

#[component]
fn AffectedList(
    bookings: Vec<AffectedBooking>,
    services: RwSignal<Vec<HallService>>,
) -> impl IntoView {
    let ctx = ctx();
    if bookings.is_empty() {
        return view! { <p>{move || ctx.t(NONE_TO_CALL)}</p> }.into_any();
    }
    view! {
        <p>{move || ctx.t(CALL_THEM)}</p>
        <table class="console-table">
            <thead><tr>
                <th scope="col">{move || ctx.t(SLOT)}</th>
                <th scope="col">{move || ctx.t(SERVICE)}</th>
                <th scope="col">{move || ctx.t(Text("姓名", "Name"))}</th>
                <th scope="col">{move || ctx.t(VISITOR_PHONE)}</th>
                <th scope="col">{move || ctx.t(Text("预约号", "Reference"))}</th>
            </tr></thead>
            <tbody>
                {bookings.into_iter().map(|b| {
                    let id = b.service_id.clone();
                    let service = move || services.with(|l| l.iter().find(|s| s.service_id == id).map_or_else(|| id.clone(), |s| local(ctx.lang.get(), &s.names)));
                    view! {
                    <tr>
                        <td class="console-nowrap">{when(&b.slot_start)}</td>
                        <td>{service}</td>
                        <td>{b.name_masked.clone()}</td>
                        <td class="console-mono">{b.phone_masked.clone()}</td>
                        <td class="console-mono">{b.reference.clone()}</td>
                    </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Closures(hall: String, status: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = ctx();
    let list = RwSignal::new(None::<Result<Vec<Closure>, ClientError>>);
    let affected = RwSignal::new(None::<(String, Vec<AffectedBooking>)>);
    let date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let shorter = RwSignal::new(false);
    let sessions = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let services = RwSignal::new(Vec::<HallService>::new());
    let hall = StoredValue::new(hall);
    let load = move || {
        let hall = hall.get_value();
        spawn_local(async move {
            list.set(Some(
                call::<Vec<Closure>>(Method::GET, &hall_path(&hall, "/closures"), None).await,
            ));
        });
    };
    load();
    spawn_local(async move {
        let path = hall_path(&hall.get_value(), "/services");
        if let Ok(l) = call::<Vec<HallService>>(Method::GET, &path, None).await {
            services.set(l);
        }
    });
    let show_affected = move |day: String| {
        let hall = hall.get_value();
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/closures/{day}/bookings"));
            match call::<Vec<AffectedBooking>>(Method::GET, &path, None).await {
                Ok(b) => affected.set(Some((day, b))),
                Err(e) => errors.general.set(Some(message(&e))),
            }
        });
    };
    let remove = move |day: String| {
        let hall = hall.get_value();
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/closures/{day}"));
            match call_empty(Method::DELETE, &path, None).await {
                Ok(()) => {
                    status.set(Some(format!("{}{day}", ctx.t(CLOSURE_REMOVED))));
                    if affected.with_untracked(|a| a.as_ref().is_some_and(|(d, _)| *d == day)) {
                        affected.set(None);
                    }
                }
                Err(e) => errors.general.set(Some(message(&e))),
            }
            load();
        });
    };
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let mut errs = Errors::new();
        let day_sessions = if shorter.get_untracked() {
            match parse_sessions(&sessions.get_untracked()) {
                Some(s) if !s.is_empty() => s,
                _ => {
                    push_error(&mut errs, "sessions", "invalid_session");
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        let closure = NewClosure {
            date: date.get_untracked().trim().to_owned(),
            reason: reason.get_untracked().trim().to_owned(),
            sessions: day_sessions,
        };
        check_closure(&mut errs, &closure, today());
        if !errs.is_empty() {
            errors.fields.set(errs);
            return;
        }
        let hall = hall.get_value();
        spawn_local(async move {
            match call::<ClosureCreated>(
                Method::POST,
                &hall_path(&hall, "/closures"),
                json(&closure),
            )
            .await
            {
                Ok(c) => {
                    status.set(Some(format!("{}{}", ctx.t(CLOSURE_SET), c.closure.date)));
                    affected.set(Some((c.closure.date, c.bookings)));
                    date.set(String::new());
                    reason.set(String::new());
                    sessions.set(String::new());
                    shorter.set(false);
                }
                Err(e) => errors.set(&e),
            }
            load();
        });
    };
    view! {
        <section class="console-panel" aria-labelledby="hall-closures-heading">
            <h2 id="hall-closures-heading">{move || ctx.t(CLOSURES)}</h2>
            {move || match list.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="console-error">{ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p>{move || ctx.t(NO_CLOSURES)}</p> }.into_any(),
                Some(Ok(items)) => view! {
                    <table class="console-table hall-closures">
                        <thead><tr>
                            <th scope="col">{move || ctx.t(CLOSURE_DATE)}</th>
                            <th scope="col">{move || ctx.t(CLOSURE_KIND)}</th>
                            <th scope="col">{move || ctx.t(CLOSURE_REASON)}</th>
                            <th scope="col">{move || ctx.t(TO_CALL)}</th>
                            <th scope="col"><span class="console-visually-hidden">{move || ctx.t(REOPEN)}</span></th>
                        </tr></thead>
                        <tbody>
                            {items.into_iter().map(|c| {
                                let kind = if c.sessions.is_empty() { None } else { Some(sessions_line(&c.sessions)) };
                                let (d1, d2) = (c.date.clone(), c.date.clone());
                                let label = format!(" {}", c.date);
                                let label2 = label.clone();
                                view! {
                                    <tr data-date=c.date.clone()>
                                        <th scope="row" class="console-nowrap">{c.date.clone()}</th>
                                        <td>{move || kind.clone().unwrap_or_else(|| ctx.t(DAY_OFF).to_owned())}</td>
                                        <td>{c.reason.clone()}</td>
                                        <td>
                                            {c.bookings}
                                            {(c.bookings > 0).then(|| view! {
                                                " "
                                                <button type="button" class="console-button console-button--quiet console-button--small" on:click=move |_| show_affected(d1.clone())>
                                                    {move || ctx.t(SHOW_TO_CALL)}<span class="console-visually-hidden">{label.clone()}</span>
                                                </button>
                                            })}
                                        </td>
                                        <td>
                                            <button type="button" class="console-button console-button--quiet console-button--small" on:click=move |_| remove(d2.clone())>
                                                {move || ctx.t(REOPEN)}<span class="console-visually-hidden">{label2.clone()}</span>
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
            {move || affected.get().map(|(day, bookings)| view! {
                <section class="hall-affected" aria-labelledby="hall-affected-heading">
                    <h3 id="hall-affected-heading">{move || ctx.t(TO_CALL)}" "{day.clone()}</h3>
                    <AffectedList bookings=bookings services=services />
                </section>
            })}
            <form class="console-form" on:submit=submit novalidate>
                <div class="console-form--grid">
                    <div class="console-field">
                        <label for="closure-date">{move || ctx.t(CLOSURE_DATE)}</label>
                        <input id="closure-date" type="date" min=today().to_string() aria-describedby="closure-date-errors" aria-invalid=errors.invalid("date")
                            prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                        <FieldErrors id="closure-date-errors" codes=errors.of("date") />
                    </div>
                    <div class="console-field">
                        <label for="closure-reason">{move || ctx.t(CLOSURE_REASON)}</label>
                        <input id="closure-reason" aria-describedby="closure-reason-errors" aria-invalid=errors.invalid("reason")
                            prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                        <FieldErrors id="closure-reason-errors" codes=errors.of("reason") />
                    </div>
                </div>
                <fieldset class="console-fieldset">
                    <legend>{move || ctx.t(CLOSURE_KIND)}</legend>
                    <div class="console-check">
                        <input id="closure-day-off" type="radio" name="closure-kind" prop:checked=move || !shorter.get() on:change=move |_| shorter.set(false) />
                        <label for="closure-day-off">{move || ctx.t(DAY_OFF)}</label>
                    </div>
                    <div class="console-check">
                        <input id="closure-shorter" type="radio" name="closure-kind" prop:checked=move || shorter.get() on:change=move |_| shorter.set(true) />
                        <label for="closure-shorter">{move || ctx.t(SHORTER)}</label>
                    </div>
                </fieldset>
                {move || shorter.get().then(|| view! {
                    <div class="console-field">
                        <label for="closure-sessions">{move || ctx.t(SHORTER_SESSIONS)}</label>
                        <input id="closure-sessions" autocomplete="off" aria-describedby="hall-hours-hint closure-sessions-errors" aria-invalid=errors.invalid("sessions")
                            prop:value=move || sessions.get() on:input=move |ev| sessions.set(event_target_value(&ev)) />
                        <FieldErrors id="closure-sessions-errors" codes=errors.of("sessions") />
                    </div>
                })}
                <FormAlert errors=errors />
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(ADD_CLOSURE)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Services(hall: String, status: RwSignal<Option<String>>) -> impl IntoView {
    let ctx = ctx();
    let list = RwSignal::new(None::<Result<Vec<HallService>, ClientError>>);
    let errors = FormErrors::new();
    let hall = StoredValue::new(hall);
    let load = move || {
        let hall = hall.get_value();
        spawn_local(async move {
            list.set(Some(
                call::<Vec<HallService>>(Method::GET, &hall_path(&hall, "/services"), None).await,
            ));
        });
    };
    load();
    view! {
        <section class="console-panel" aria-labelledby="hall-services-heading">
            <h2 id="hall-services-heading">{move || ctx.t(SERVICES)}</h2>
            <p id="hall-services-hint" class="console-hint">{move || ctx.t(SERVICES_HINT)}</p>
            <FormAlert errors=errors />
            {move || match list.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="console-error">{ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(items)) => {
                    let offered: Vec<HallService> = items.iter().filter(|s| s.offered).cloned().collect();
                    view! {
                        <table class="console-table hall-services">
                            <thead><tr>
                                <th scope="col">{move || ctx.t(SERVICE)}</th>
                                <th scope="col">{move || ctx.t(OFFERED)}</th>
                                <th scope="col">{move || ctx.t(CAPACITY)}</th>
                                <th scope="col"><span class="console-visually-hidden">{move || ctx.t(SAVE)}</span></th>
                            </tr></thead>
                            <tbody>
                                {items.into_iter().map(|s| view! { <ServiceRow hall=hall.get_value() service=s errors=errors status=status on_saved=load /> }).collect_view()}
                            </tbody>
                        </table>
                        {if offered.is_empty() {
                            view! { <p class="console-hint">{move || ctx.t(NO_SERVICES)}</p> }.into_any()
                        } else {
                            view! { <Seats hall=hall.get_value() services=offered status=status /> }.into_any()
                        }}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ServiceRow(
    hall: String,
    service: HallService,
    errors: FormErrors,
    status: RwSignal<Option<String>>,
    on_saved: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let offered = RwSignal::new(service.offered);
    let capacity = RwSignal::new(if service.offered {
        service.capacity.to_string()
    } else {
        String::new()
    });
    let row_errors = RwSignal::new(Vec::<String>::new());
    let id = service.service_id.clone();
    let names = service.names.clone();
    let version = service.version;
    let hall = StoredValue::new(hall);
    let sid = StoredValue::new(id.clone());
    let save = move |_| {
        row_errors.set(Vec::new());
        errors.general.set(None);
        let on = offered.get_untracked();
        let cap = capacity.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let mut errs = Errors::new();
        if on {
            check_capacity(&mut errs, cap);
        }
        if let Some(codes) = errs.remove("capacity") {
            row_errors.set(codes);
            return;
        }
        let update = HallServiceUpdate {
            offered: on,
            capacity: if on { cap } else { 0 },
            version,
        };
        let (hall, sid) = (hall.get_value(), sid.get_value());
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/services/{sid}"));
            match call::<HallService>(Method::PUT, &path, json(&update)).await {
                Ok(s) => {
                    status.set(Some(format!(
                        "{} {}",
                        local(ctx.lang.get_untracked(), &s.names),
                        ctx.t(SAVED)
                    )));
                    on_saved();
                }
                Err(e) => {
                    let field = e.field("capacity");
                    if field.is_empty() {
                        errors.general.set(Some(general(&e).unwrap_or(message(&e))));
                    } else {
                        row_errors.set(field);
                    }
                }
            }
        });
    };
    let cap_id = format!("service-{id}-capacity");
    let err_id = format!("service-{id}-errors");
    let on_id = format!("service-{id}-offered");
    let name = move || local(ctx.lang.get(), &names);
    let name2 = name.clone();
    view! {
        <tr data-service=id.clone()>
            <th scope="row">{name.clone()}</th>
            <td>
                <input id=on_id.clone() type="checkbox" prop:checked=move || offered.get() on:change=move |ev| offered.set(event_target_checked(&ev)) />
                <label for=on_id class="console-visually-hidden">{move || ctx.t(OFFERED)}" "{name2.clone()}</label>
            </td>
            <td>
                <label for=cap_id.clone() class="console-visually-hidden">{move || ctx.t(CAPACITY)}" "{name.clone()}</label>
                <input id=cap_id type="number" inputmode="numeric" min="1" max="50" class="console-input--short"
                    aria-describedby=err_id.clone() aria-invalid=move || (!row_errors.get().is_empty()).to_string()
                    disabled=move || !offered.get()
                    prop:value=move || capacity.get() on:input=move |ev| capacity.set(event_target_value(&ev)) />
                <FieldErrors id=err_id codes=Signal::derive(move || row_errors.get()) />
            </td>
            <td><button type="button" class="console-button console-button--small" on:click=save>{move || ctx.t(SAVE)}<span class="console-visually-hidden">{format!(" {id}")}</span></button></td>
        </tr>
    }
}

#[component]
fn Seats(
    hall: String,
    services: Vec<HallService>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = ctx();
    let service = RwSignal::new(
        services
            .first()
            .map(|s| s.service_id.clone())
            .unwrap_or_default(),
    );
    let day = RwSignal::new(today().plus_days(1).unwrap_or(today()).to_string());
    let slots = RwSignal::new(None::<Result<Vec<SlotCapacity>, ClientError>>);
    let error = RwSignal::new(None::<Text>);
    let hall = StoredValue::new(hall);
    let load = move || {
        let (hall, s, d) = (
            hall.get_value(),
            service.get_untracked(),
            day.get_untracked(),
        );
        if s.is_empty() {
            return;
        }
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/slots?service={s}&date={d}"));
            slots.set(Some(
                call::<Vec<SlotCapacity>>(Method::GET, &path, None).await,
            ));
        });
    };
    load();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if valid_day(day, error) {
            load();
        }
    };
    view! {
        <section class="hall-seats" aria-labelledby="hall-seats-heading">
            <h3 id="hall-seats-heading">{move || ctx.t(SEATS)}</h3>
            <form class="console-form console-form--filters" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="seats-service">{move || ctx.t(SERVICE)}</label>
                    <select id="seats-service" on:change=move |ev| service.set(event_target_value(&ev))>
                        {services.into_iter().map(|s| {
                            let names = s.names.clone();
                            view! { <option value=s.service_id.clone()>{move || local(ctx.lang.get(), &names)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="console-field">
                    <label for="seats-day">{move || ctx.t(SEATS_DAY)}</label>
                    <input id="seats-day" type="date" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                </div>
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(SHOW)}</button>
                </div>
            </form>
            <div role="alert" class="console-alert-slot">
                {move || error.get().map(|t| view! { <p class="console-error">{ctx.t(t)}</p> })}
            </div>
            {move || match slots.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="console-error">{ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p>{move || ctx.t(NO_SLOTS)}</p> }.into_any(),
                Some(Ok(items)) => view! {
                    <table class="console-table console-table--numbers hall-slots">
                        <thead><tr>
                            <th scope="col">{move || ctx.t(SLOT)}</th>
                            <th scope="col">{move || ctx.t(CAPACITY)}</th>
                            <th scope="col">{move || ctx.t(TAKEN)}</th>
                            <th scope="col">{move || ctx.t(LEFT)}</th>
                            <th scope="col"><span class="console-visually-hidden">{move || ctx.t(SAVE)}</span></th>
                        </tr></thead>
                        <tbody>
                            {items.into_iter().map(|s| view! { <SlotRow hall=hall.get_value() service=service.get_untracked() seat=s error=error status=status on_saved=load /> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SlotRow(
    hall: String,
    service: String,
    seat: SlotCapacity,
    error: RwSignal<Option<Text>>,
    status: RwSignal<Option<String>>,
    on_saved: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let slot = seat;
    let seats = RwSignal::new(slot.capacity.to_string());
    let row_errors = RwSignal::new(Vec::<String>::new());
    let label = format!("{}–{}", clock_of(&slot.start), clock_of(&slot.end));
    let start = StoredValue::new(slot.start.clone());
    let expected = slot.capacity;
    let hall = StoredValue::new(hall);
    let service = StoredValue::new(service);
    let shown = label.clone();
    let save = move |_| {
        row_errors.set(Vec::new());
        error.set(None);
        let capacity = seats.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let mut errs = Errors::new();
        check_capacity(&mut errs, capacity);
        if let Some(codes) = errs.remove("capacity") {
            row_errors.set(codes);
            return;
        }
        let update = SlotCapacityUpdate {
            service_id: service.get_value(),
            start: start.get_value(),
            capacity,
            expected,
        };
        let hall = hall.get_value();
        let shown = shown.clone();
        spawn_local(async move {
            match call::<SlotCapacity>(Method::PUT, &hall_path(&hall, "/slots"), json(&update))
                .await
            {
                Ok(s) => {
                    status.set(Some(format!(
                        "{}{shown} → {}",
                        ctx.t(SEATS_SAVED),
                        s.capacity
                    )));
                    on_saved();
                }
                Err(e) => {
                    let field = e.field("capacity");
                    if field.is_empty() {
                        error.set(Some(general(&e).unwrap_or(message(&e))));
                    } else {
                        row_errors.set(field);
                    }
                }
            }
        });
    };
    let key = slot.start.get(11..16).unwrap_or_default().replace(':', "");
    let input_id = format!("seats-{key}");
    let err_id = format!("seats-{key}-errors");
    let left = slot.capacity.saturating_sub(slot.taken);
    view! {
        <tr data-start=slot.start.clone()>
            <th scope="row" class="console-nowrap">{label.clone()}</th>
            <td>
                <label for=input_id.clone() class="console-visually-hidden">{move || ctx.t(CAPACITY)}" "{label.clone()}</label>
                <input id=input_id type="number" inputmode="numeric" min="1" max="50" class="console-input--short"
                    aria-describedby=err_id.clone() aria-invalid=move || (!row_errors.get().is_empty()).to_string()
                    prop:value=move || seats.get() on:input=move |ev| seats.set(event_target_value(&ev)) />
                <FieldErrors id=err_id codes=Signal::derive(move || row_errors.get()) />
            </td>
            <td>{slot.taken}</td>
            <td>{left}</td>
            <td><button type="button" class="console-button console-button--small" on:click=save>{move || ctx.t(SAVE)}<span class="console-visually-hidden">{format!(" {}", clock_of(&slot.start))}</span></button></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_weekday_has_its_field_in_the_order_core_checks() {
        assert_eq!(WEEKDAYS.len(), WEEKDAY_FIELDS.len());
        for (i, f) in WEEKDAY_FIELDS.iter().enumerate() {
            assert_eq!(*f, format!("weekday_{}", i + 1));
        }
    }
}
