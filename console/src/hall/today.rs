//! The counter's day: who is booked, in slot order, with 已到 / 未到 for each
//! visitor, and the full number only on purpose (audited) for a call.

use std::collections::BTreeMap;

use gloo_net::http::Method;
use kiosk_core::{
    api::AppointmentStatus,
    hall_admin::{Attendance, AttendanceRequest, HallAppointment, HallService, RevealedPhone},
};
use leptos::{ev, prelude::*, task::spawn_local};

use super::{HallPicker, clock_of, hall_path, local, message, today, valid_day};
use crate::{
    FocusHeading,
    api::{ClientError, call, json},
    ctx,
    i18n::{self, Text},
};

const DAY_LABEL: Text = Text("日期", "Day");
const SHOW: Text = Text("显示", "Show");
const LIST: Text = Text("预约名单", "Appointments");
const TIME: Text = Text("时间", "Time");
const SERVICE: Text = Text("服务项目", "Service");
const NAME: Text = Text("姓名", "Name");
const PHONE: Text = Text("电话", "Phone");
const REFERENCE: Text = Text("预约号", "Reference");
const CHECK_IN: Text = Text("到场登记", "Check-in");
const ARRIVED: Text = Text("已到", "Arrived");
const NO_SHOW: Text = Text("未到", "No-show");
const CANCELLED: Text = Text("已取消", "Cancelled");
const EMPTY: Text = Text("这一天没有预约。", "No appointments on this day.");
const RECORDED_ARRIVED: Text = Text("已登记到场：", "Checked in: ");
const RECORDED_NO_SHOW: Text = Text("已登记未到：", "Recorded as no-show: ");
const COUNTS: Text = Text("预约 / 已到 / 未到：", "Booked / arrived / no-show: ");

fn attendance_text(a: Attendance) -> Text {
    match a {
        Attendance::Arrived => ARRIVED,
        Attendance::NoShow => NO_SHOW,
    }
}

#[component]
pub fn TodayScreen() -> impl IntoView {
    let ctx = ctx();
    let day = RwSignal::new(today().to_string());
    let list = RwSignal::new(None::<Result<Vec<HallAppointment>, ClientError>>);
    let services = RwSignal::new(BTreeMap::<String, kiosk_core::api::LocalizedText>::new());
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<Text>);
    let phones = RwSignal::new(BTreeMap::<String, String>::new());

    let load = move || {
        let hall = ctx.hall.get_untracked();
        if hall.is_empty() {
            return;
        }
        let date = day.get_untracked();
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/appointments?date={date}"));
            list.set(Some(
                call::<Vec<HallAppointment>>(Method::GET, &path, None).await,
            ));
        });
    };
    // A new hall: its services' names, then its day.
    Effect::new(move |_| {
        let hall = ctx.hall.get();
        if hall.is_empty() {
            return;
        }
        phones.set(BTreeMap::new());
        spawn_local(async move {
            if let Ok(s) =
                call::<Vec<HallService>>(Method::GET, &hall_path(&hall, "/services"), None).await
            {
                services.set(s.into_iter().map(|s| (s.service_id, s.names)).collect());
            }
        });
        load();
    });
    // The counter's list changes as visitors book and cancel at the kiosks.
    if let Ok(handle) = set_interval_with_handle(load, std::time::Duration::from_secs(60)) {
        on_cleanup(move || handle.clear());
    }

    let record = move |a: HallAppointment, attendance: Attendance| {
        let hall = ctx.hall.get_untracked();
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/appointments/{}/attendance", a.reference));
            match call::<HallAppointment>(
                Method::POST,
                &path,
                json(&AttendanceRequest { attendance }),
            )
            .await
            {
                Ok(_) => {
                    error.set(None);
                    let said = match attendance {
                        Attendance::Arrived => RECORDED_ARRIVED,
                        Attendance::NoShow => RECORDED_NO_SHOW,
                    };
                    status.set(Some(format!(
                        "{}{} {}",
                        ctx.t(said),
                        a.name_masked,
                        a.reference
                    )));
                }
                Err(e) => {
                    status.set(None);
                    error.set(Some(message(&e)));
                }
            }
            load();
        });
    };
    let reveal = move |reference: String| {
        let hall = ctx.hall.get_untracked();
        spawn_local(async move {
            let path = hall_path(&hall, &format!("/appointments/{reference}/phone"));
            match call::<RevealedPhone>(Method::POST, &path, None).await {
                Ok(p) => phones.update(|m| {
                    m.insert(reference, p.phone);
                }),
                Err(e) => error.set(Some(message(&e))),
            }
        });
    };
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if valid_day(day, error) {
            load();
        }
    };

    view! {
        <FocusHeading text=i18n::TODAY />
        <section class="console-panel" aria-labelledby="today-filter-heading">
            <h2 id="today-filter-heading" class="console-visually-hidden">{move || ctx.t(i18n::FILTERS)}</h2>
            <form class="console-form console-form--filters" on:submit=submit novalidate>
                <HallPicker id="today-hall" />
                <div class="console-field">
                    <label for="today-date">{move || ctx.t(DAY_LABEL)}</label>
                    <input id="today-date" type="date" prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                </div>
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(SHOW)}</button>
                </div>
            </form>
        </section>
        <p class="console-success-slot" role="status" aria-live="polite">{move || status.get()}</p>
        <div role="alert" class="console-alert-slot">
            {move || error.get().map(|t| view! { <p class="console-error">{ctx.t(t)}</p> })}
        </div>
        <section class="console-panel" aria-labelledby="today-list-heading">
            <h2 id="today-list-heading">{move || ctx.t(LIST)}</h2>
            {move || match list.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="console-error">{ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! { <p>{move || ctx.t(EMPTY)}</p> }.into_any(),
                Some(Ok(items)) => {
                    let booked = items.iter().filter(|a| a.status == AppointmentStatus::Booked).count();
                    let arrived = items.iter().filter(|a| a.attendance == Some(Attendance::Arrived)).count();
                    let no_show = items.iter().filter(|a| a.attendance == Some(Attendance::NoShow)).count();
                    view! {
                        <p class="today-counts">{move || ctx.t(COUNTS)}{format!("{booked} / {arrived} / {no_show}")}</p>
                        <div class="console-table-scroll">
                            <table class="console-table today-list">
                                <thead><tr>
                                    <th scope="col">{move || ctx.t(TIME)}</th>
                                    <th scope="col">{move || ctx.t(SERVICE)}</th>
                                    <th scope="col">{move || ctx.t(NAME)}</th>
                                    <th scope="col">{move || ctx.t(PHONE)}</th>
                                    <th scope="col">{move || ctx.t(REFERENCE)}</th>
                                    <th scope="col">{move || ctx.t(CHECK_IN)}</th>
                                </tr></thead>
                                <tbody>
                                    {items.into_iter().map(|a| {
                                        let service = a.service_id.clone();
                                        let service_name = move || services.with(|m| m.get(&service).map(|n| local(ctx.lang.get(), n)).unwrap_or_else(|| service.clone()));
                                        let time = format!("{}–{}", clock_of(&a.slot_start), clock_of(&a.slot_end));
                                        let r = a.reference.clone();
                                        let masked = a.phone_masked.clone();
                                        let who = format!(" {} {}", a.name_masked, a.reference);
                                        let phone = {
                                            let r = r.clone();
                                            move || match phones.with(|m| m.get(&r).cloned()) {
                                                Some(full) => view! { <span class="console-mono">{full}</span> }.into_any(),
                                                None => {
                                                    let r = r.clone();
                                                    let who = who.clone();
                                                    view! {
                                                        <span class="console-mono">{masked.clone()}</span>
                                                        " "
                                                        <button type="button" class="console-button console-button--quiet console-button--small" aria-describedby="today-audited" on:click=move |_| reveal(r.clone())>
                                                            {move || ctx.t(i18n::SHOW_NUMBER)}<span class="console-visually-hidden">{who.clone()}</span>
                                                        </button>
                                                    }.into_any()
                                                }
                                            }
                                        };
                                        let check_in = if a.status == AppointmentStatus::Cancelled {
                                            view! { <span>{move || ctx.t(CANCELLED)}</span> }.into_any()
                                        } else if let Some(done) = a.attendance {
                                            view! { <strong class="today-done">{move || ctx.t(attendance_text(done))}</strong> }.into_any()
                                        } else {
                                            let who = format!(" {} {}", a.name_masked, a.reference);
                                            let (a1, a2) = (a.clone(), a.clone());
                                            let who2 = who.clone();
                                            view! {
                                                <span class="console-table__actions">
                                                    <button type="button" class="console-button console-button--small" on:click=move |_| record(a1.clone(), Attendance::Arrived)>
                                                        {move || ctx.t(ARRIVED)}<span class="console-visually-hidden">{who.clone()}</span>
                                                    </button>
                                                    <button type="button" class="console-button console-button--quiet console-button--small" on:click=move |_| record(a2.clone(), Attendance::NoShow)>
                                                        {move || ctx.t(NO_SHOW)}<span class="console-visually-hidden">{who2.clone()}</span>
                                                    </button>
                                                </span>
                                            }.into_any()
                                        };
                                        view! {
                                            <tr data-reference=r.clone() class:today-row--cancelled={a.status == AppointmentStatus::Cancelled}>
                                                <td class="console-nowrap">{time}</td>
                                                <td>{service_name}</td>
                                                <td>{a.name_masked.clone()}</td>
                                                <td class="console-nowrap">{phone}</td>
                                                <td class="console-mono">{r.clone()}</td>
                                                <td>{check_in}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <p id="today-audited" class="console-hint">{move || ctx.t(i18n::NUMBER_AUDITED)}</p>
                    }.into_any()
                }
            }}
        </section>
    }
}
