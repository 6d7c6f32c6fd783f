//! The hall's kiosks: which are up (offline after three missed heartbeats),
//! their version, errors, last touch and the edge's outbox; the maintenance
//! switch with a message and an expected-back time; and registering a kiosk,
//! whose secret is shown once.

use gloo_net::http::Method;
use kiosk_core::{
    api::{LocalizedText, MaintenanceRequest},
    console::{FieldErrors as Errors, push_error},
    desk::parse_local,
    hall_admin::{KioskInfo, KioskRegistered, NewKiosk, check_maintenance_message, is_kiosk_id},
};
use leptos::{ev, prelude::*, task::spawn_local};

use super::{HallPicker, hall_path, local, message, now_unix, when};
use crate::{
    FieldErrors, FocusHeading,
    api::{ClientError, call, json},
    ctx,
    form::{FormAlert, FormErrors},
    i18n::{self, Text},
};

const LIST: Text = Text("终端列表", "Kiosks");
const ID: Text = Text("终端编号", "Kiosk");
const STATE: Text = Text("状态", "State");
const ONLINE: Text = Text("在线", "Online");
const OFFLINE: Text = Text("离线", "Offline");
const NEVER_SEEN: Text = Text("从未连接", "Never connected");
const LAST_SEEN: Text = Text("最后心跳", "Last heartbeat");
const VERSION: Text = Text("版本", "Version");
const ERRORS: Text = Text("错误数", "Errors");
const LAST_TOUCH: Text = Text("最后使用", "Last touched");
const OUTBOX: Text = Text("待发送", "Outbox");
const MAINTENANCE: Text = Text("维护", "Maintenance");
const IN_MAINTENANCE: Text = Text("维护中", "In maintenance");
const REVOKED: Text = Text("已停用", "Revoked");
const EDIT: Text = Text("维护设置", "Maintenance");
const EMPTY: Text = Text(
    "这个服务中心还没有登记终端。",
    "No kiosks registered in this hall.",
);
const OFFLINE_HINT: Text = Text(
    "连续 3 次没有收到心跳即显示为离线。",
    "A kiosk is shown offline after 3 missed heartbeats.",
);
const MAINT_HEADING: Text = Text("维护设置：", "Maintenance: ");
const MAINT_ON: Text = Text("暂停服务（维护模式）", "Out of service (maintenance)");
const MESSAGE_ZH: Text = Text("屏幕提示（中文，可不填）", "Message in Chinese (optional)");
const MESSAGE_EN: Text = Text("屏幕提示（英文，可不填）", "Message in English (optional)");
const BACK_AT: Text = Text("预计恢复时间（可不填）", "Expected back (optional)");
const BACK_AT_HINT: Text = Text(
    "终端屏幕上会显示这段提示和恢复时间。",
    "The kiosk shows this message and time on its screen.",
);
const SAVE: Text = Text("保存", "Save");
const CANCEL: Text = Text("取消", "Cancel");
const SAVED: Text = Text("已保存维护设置：", "Maintenance saved: ");
const REGISTER_HEADING: Text = Text("登记新终端", "Register a kiosk");
const REGISTER: Text = Text("登记", "Register");
const ID_HINT: Text = Text(
    "1–64 个字母、数字、“_”或“-”，例如 hall-kiosk-3。",
    "1–64 letters, digits, “_” or “-”, such as hall-kiosk-3.",
);
const SECRET_HEADING: Text = Text("终端密钥（只显示这一次）", "Kiosk secret (shown this once)");
const SECRET_HINT: Text = Text(
    "请现在把密钥填入这台终端的配置。关闭后无法再次查看；丢失时只能重新登记。",
    "Put the secret in this kiosk's configuration now. It cannot be shown again; if lost, register the kiosk again.",
);
const SECRET_DONE: Text = Text("我已记下，关闭", "I have it: close");

fn state_text(k: &KioskInfo) -> Text {
    if k.credential == "revoked" {
        REVOKED
    } else if k.last_seen_at.is_none() {
        NEVER_SEEN
    } else if k.online {
        ONLINE
    } else {
        OFFLINE
    }
}

fn number(n: Option<u64>) -> String {
    n.map_or_else(|| "—".to_owned(), |n| n.to_string())
}

fn time(t: &Option<String>) -> String {
    t.as_deref().map_or_else(|| "—".to_owned(), when)
}

#[component]
pub fn KiosksScreen() -> impl IntoView {
    let ctx = ctx();
    let list = RwSignal::new(None::<Result<Vec<KioskInfo>, ClientError>>);
    let status = RwSignal::new(None::<String>);
    let editing = RwSignal::new(None::<KioskInfo>);
    let secret = RwSignal::new(None::<KioskRegistered>);
    let load = move || {
        let hall = ctx.hall.get_untracked();
        if hall.is_empty() {
            return;
        }
        spawn_local(async move {
            list.set(Some(
                call::<Vec<KioskInfo>>(Method::GET, &hall_path(&hall, "/kiosks"), None).await,
            ));
        });
    };
    Effect::new(move |_| {
        if !ctx.hall.get().is_empty() {
            editing.set(None);
            load();
        }
    });
    // Heartbeats come every minute or so: the list follows them.
    if let Ok(handle) = set_interval_with_handle(load, std::time::Duration::from_secs(30)) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <FocusHeading text=i18n::KIOSKS />
        <section class="console-panel" aria-label=move || ctx.t(i18n::FILTERS)>
            <HallPicker id="kiosks-hall" />
        </section>
        <p class="console-success-slot" role="status" aria-live="polite">{move || status.get()}</p>
        {move || secret.get().map(|s| view! { <SecretPanel registered=s on_close=move || secret.set(None) /> })}
        {move || editing.get().map(|k| view! {
            <MaintenanceForm kiosk=k on_done={move |saved: Option<KioskInfo>| {
                if let Some(k) = saved {
                    status.set(Some(format!("{}{}", ctx.t(SAVED), k.id)));
                }
                editing.set(None);
                load();
            }} />
        })}
        <section class="console-panel" aria-labelledby="kiosks-list-heading">
            <h2 id="kiosks-list-heading">{move || ctx.t(LIST)}</h2>
            <p class="console-hint">{move || ctx.t(OFFLINE_HINT)}</p>
            {move || match list.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="console-error" role="alert">{ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p>{move || ctx.t(EMPTY)}</p> }.into_any(),
                Some(Ok(items)) => view! {
                    <div class="console-table-scroll">
                        <table class="console-table kiosks-list">
                            <thead><tr>
                                <th scope="col">{move || ctx.t(ID)}</th>
                                <th scope="col">{move || ctx.t(STATE)}</th>
                                <th scope="col">{move || ctx.t(LAST_SEEN)}</th>
                                <th scope="col">{move || ctx.t(VERSION)}</th>
                                <th scope="col">{move || ctx.t(ERRORS)}</th>
                                <th scope="col">{move || ctx.t(LAST_TOUCH)}</th>
                                <th scope="col">{move || ctx.t(OUTBOX)}</th>
                                <th scope="col">{move || ctx.t(MAINTENANCE)}</th>
                            </tr></thead>
                            <tbody>
                                {items.into_iter().map(|k| {
                                    let state = state_text(&k);
                                    let down = state == OFFLINE;
                                    let message = k.message.clone();
                                    let back = k.back_at.clone();
                                    let row = k.clone();
                                    let id = k.id.clone();
                                    view! {
                                        <tr data-kiosk=k.id.clone() class:kiosks-row--down=down>
                                            <th scope="row" class="console-mono">{k.id.clone()}</th>
                                            <td><span class="kiosk-state" class:kiosk-state--down=down class:kiosk-state--up={state == ONLINE}>{move || ctx.t(state)}</span></td>
                                            <td class="console-nowrap">{time(&k.last_seen_at)}</td>
                                            <td>{k.version.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td>{number(k.errors)}</td>
                                            <td class="console-nowrap">{time(&k.last_touch_at)}</td>
                                            <td>{number(k.outbox)}</td>
                                            <td>
                                                {k.maintenance.then(|| view! {
                                                    <p><strong>{move || ctx.t(IN_MAINTENANCE)}</strong>{back.as_deref().map(|b| format!(" → {}", when(b)))}</p>
                                                    {message.clone().map(|m| view! { <p>{move || local(ctx.lang.get(), &m)}</p> })}
                                                })}
                                                <button type="button" class="console-button console-button--quiet console-button--small" on:click=move |_| editing.set(Some(row.clone()))>
                                                    {move || ctx.t(EDIT)}<span class="console-visually-hidden">{format!(" {id}")}</span>
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
        </section>
        <RegisterForm on_registered={move |r: KioskRegistered| {
            secret.set(Some(r));
            load();
        }} />
    }
}

#[component]
fn SecretPanel(registered: KioskRegistered, on_close: impl Fn() + Copy + 'static) -> impl IntoView {
    let ctx = ctx();
    let heading = crate::focused_heading();
    view! {
        <section class="console-panel kiosk-secret" aria-labelledby="kiosk-secret-heading">
            <h2 id="kiosk-secret-heading" tabindex="-1" node_ref=heading>{move || ctx.t(SECRET_HEADING)}</h2>
            <p><strong>{move || ctx.t(ID)}"："</strong><span class="console-mono">{registered.id.clone()}</span></p>
            <p class="console-mono kiosk-secret__value" data-testid="kiosk-secret">{registered.secret.clone()}</p>
            <p class="console-hint">{move || ctx.t(SECRET_HINT)}</p>
            <div class="console-actions">
                <button type="button" class="console-button" on:click=move |_| on_close()>{move || ctx.t(SECRET_DONE)}</button>
            </div>
        </section>
    }
}

#[component]
fn RegisterForm(on_registered: impl Fn(KioskRegistered) + Copy + 'static) -> impl IntoView {
    let ctx = ctx();
    let id = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let kiosk = id.get_untracked().trim().to_owned();
        if !is_kiosk_id(&kiosk) {
            errors.fields.set(Errors::from([(
                "id".to_owned(),
                vec!["invalid_kiosk_id".to_owned()],
            )]));
            return;
        }
        let hall = ctx.hall.get_untracked();
        spawn_local(async move {
            match call::<KioskRegistered>(
                Method::POST,
                &hall_path(&hall, "/kiosks"),
                json(&NewKiosk { id: kiosk }),
            )
            .await
            {
                Ok(r) => {
                    id.set(String::new());
                    on_registered(r);
                }
                Err(e) => errors.set(&e),
            }
        });
    };
    view! {
        <section class="console-panel" aria-labelledby="kiosk-register-heading">
            <h2 id="kiosk-register-heading">{move || ctx.t(REGISTER_HEADING)}</h2>
            <form class="console-form" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="kiosk-new-id">{move || ctx.t(ID)}</label>
                    <input id="kiosk-new-id" autocomplete="off" spellcheck="false"
                        aria-describedby="kiosk-new-id-hint kiosk-new-id-errors" aria-invalid=errors.invalid("id")
                        prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev)) />
                    <p id="kiosk-new-id-hint" class="console-hint">{move || ctx.t(ID_HINT)}</p>
                    <FieldErrors id="kiosk-new-id-errors" codes=errors.of("id") />
                </div>
                <FormAlert errors=errors />
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(REGISTER)}</button>
                </div>
            </form>
        </section>
    }
}

/// `2026-11-30T09:00:00+08:00` → `2026-11-30T09:00`, a `datetime-local` value.
fn local_input(t: &str) -> String {
    t.get(..16).unwrap_or_default().to_owned()
}

#[component]
fn MaintenanceForm(
    kiosk: KioskInfo,
    on_done: impl Fn(Option<KioskInfo>) + Copy + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let on = RwSignal::new(kiosk.maintenance);
    let message = kiosk.message.as_ref();
    let zh = RwSignal::new(message.map(|m| m.zh_cn.clone()).unwrap_or_default());
    let en = RwSignal::new(message.map(|m| m.en.clone()).unwrap_or_default());
    let back = RwSignal::new(
        kiosk
            .back_at
            .as_deref()
            .map(local_input)
            .unwrap_or_default(),
    );
    let errors = FormErrors::new();
    let heading = crate::focused_heading();
    let id = kiosk.id.clone();
    let id_for_save = StoredValue::new(kiosk.id.clone());
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        errors.clear();
        let mut errs = Errors::new();
        let text = LocalizedText {
            zh_cn: zh.get_untracked().trim().to_owned(),
            en: en.get_untracked().trim().to_owned(),
        };
        let message = (!text.zh_cn.is_empty() || !text.en.is_empty()).then_some(text);
        check_maintenance_message(&mut errs, message.as_ref());
        let back_at = match back.get_untracked().trim() {
            "" => None,
            t => match parse_local(t).filter(|b| b.unix() > now_unix()) {
                Some(b) => Some(b.to_rfc3339()),
                None => {
                    push_error(&mut errs, "back_at", "invalid_back_at");
                    None
                }
            },
        };
        let req = MaintenanceRequest {
            maintenance: on.get_untracked(),
            message: message.filter(|_| on.get_untracked()),
            back_at: back_at.filter(|_| on.get_untracked()),
        };
        if !errs.is_empty() && req.maintenance {
            errors.fields.set(errs);
            return;
        }
        let hall = ctx.hall.get_untracked();
        let id = id_for_save.get_value();
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/kiosks/{id}/maintenance"));
            match call::<KioskInfo>(Method::PUT, &path, json(&req)).await {
                Ok(k) => on_done(Some(k)),
                Err(e) => errors.set(&e),
            }
        });
    };
    view! {
        <section class="console-panel" aria-labelledby="kiosk-maint-heading">
            <h2 id="kiosk-maint-heading" tabindex="-1" node_ref=heading>{move || ctx.t(MAINT_HEADING)}{id.clone()}</h2>
            <form class="console-form" on:submit=submit novalidate>
                <div class="console-check">
                    <input id="kiosk-maint-on" type="checkbox" prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
                    <label for="kiosk-maint-on">{move || ctx.t(MAINT_ON)}</label>
                </div>
                <div class="console-form--grid">
                    <div class="console-field">
                        <label for="kiosk-maint-zh">{move || ctx.t(MESSAGE_ZH)}</label>
                        <textarea id="kiosk-maint-zh" rows="2" aria-describedby="kiosk-maint-hint kiosk-maint-message-errors" aria-invalid=errors.invalid("message")
                            prop:value=move || zh.get() on:input=move |ev| zh.set(event_target_value(&ev)) disabled=move || !on.get()></textarea>
                    </div>
                    <div class="console-field">
                        <label for="kiosk-maint-en">{move || ctx.t(MESSAGE_EN)}</label>
                        <textarea id="kiosk-maint-en" rows="2" aria-describedby="kiosk-maint-hint kiosk-maint-message-errors" aria-invalid=errors.invalid("message")
                            prop:value=move || en.get() on:input=move |ev| en.set(event_target_value(&ev)) disabled=move || !on.get()></textarea>
                    </div>
                </div>
                <FieldErrors id="kiosk-maint-message-errors" codes=errors.of("message") />
                <div class="console-field">
                    <label for="kiosk-maint-back">{move || ctx.t(BACK_AT)}</label>
                    <input id="kiosk-maint-back" type="datetime-local" aria-describedby="kiosk-maint-hint kiosk-maint-back-errors" aria-invalid=errors.invalid("back_at")
                        prop:value=move || back.get() on:input=move |ev| back.set(event_target_value(&ev)) disabled=move || !on.get() />
                    <FieldErrors id="kiosk-maint-back-errors" codes=errors.of("back_at") />
                </div>
                <p id="kiosk-maint-hint" class="console-hint">{move || ctx.t(BACK_AT_HINT)}</p>
                <FormAlert errors=errors />
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(SAVE)}</button>
                    <button type="button" class="console-button console-button--quiet" on:click=move |_| on_done(None)>{move || ctx.t(CANCEL)}</button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_time_fills_the_datetime_input() {
        assert_eq!(local_input("2026-11-30T09:30:00+08:00"), "2026-11-30T09:30");
        let back = parse_local(&local_input("2026-11-30T09:30:00+08:00")).unwrap();
        assert_eq!(back.to_rfc3339(), "2026-11-30T09:30:00+08:00");
    }
}
