//! A hall's screens, for its hall admins and for province admins: the
//! counter's day with check-in, the hall's kiosks, and the hall itself (its
//! profile, opening hours, closures, services and seats per slot).

mod kiosks;
mod setup;
mod today;

pub use kiosks::KiosksScreen;
pub use setup::HallScreen;
pub use today::TodayScreen;

use gloo_net::http::Method;
use kiosk_core::{
    Lang, api::LocalizedText, date::Date, hall_admin::HallRecord, hall_time::HallTime,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::{
    api::{ClientError, call},
    ctx,
    form::refusal,
    i18n::{self, Text},
};

const HALL_LABEL: Text = Text("服务中心", "Hall");
const LOADING: Text = Text("正在读取……", "Loading…");

/// `/halls/{hall}{tail}` under the console API.
pub(crate) fn hall_path(hall: &str, tail: &str) -> String {
    format!("/halls/{hall}{tail}")
}

/// A text in the console's language.
pub(crate) fn local(lang: Lang, t: &LocalizedText) -> String {
    match lang {
        Lang::ZhCn => t.zh_cn.clone(),
        Lang::En => t.en.clone(),
    }
}

pub(crate) fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Today in the hall's time zone, whatever the browser's.
pub(crate) fn today() -> Date {
    HallTime::from_unix(now_unix()).date()
}

/// `2026-11-30T09:00:00+08:00` → `09:00`.
pub(crate) fn clock_of(t: &str) -> String {
    HallTime::parse_rfc3339(t).map_or_else(|| t.to_owned(), HallTime::clock)
}

/// `2026-11-30T09:00:00+08:00` → `11-30 09:00`.
pub(crate) fn when(t: &str) -> String {
    HallTime::parse_rfc3339(t).map_or_else(
        || t.to_owned(),
        |h| {
            format!(
                "{:02}-{:02} {}",
                h.date().month(),
                h.date().day(),
                h.clock()
            )
        },
    )
}

/// Whether `day` is a date; if not, says so in `error`.
pub(crate) fn valid_day(day: RwSignal<String>, error: RwSignal<Option<Text>>) -> bool {
    let ok = Date::parse_iso(&day.get_untracked()).is_some();
    error.set((!ok).then(|| i18n::code("invalid_date")));
    ok
}

/// One message for a refusal: its own, or that of its first field where the
/// screen has no field to show it beside (a button in a table row).
pub(crate) fn message(e: &ClientError) -> Text {
    let (fields, general) = refusal(e);
    general
        .or_else(|| {
            fields
                .values()
                .flatten()
                .next()
                .map(|code| i18n::code(code))
        })
        .unwrap_or(i18n::FAILED)
}

/// Chooses the hall the screen shows among those the user may act on. With
/// one hall it only names it. The choice is kept in the context, so moving
/// from the day to the kiosks stays on the same hall.
#[component]
pub fn HallPicker(
    id: &'static str,
    /// Bumped when a hall is added, to read the list again.
    #[prop(optional)]
    reload: Option<RwSignal<u32>>,
) -> impl IntoView {
    let ctx = ctx();
    let halls = RwSignal::new(None::<Result<Vec<HallRecord>, ClientError>>);
    Effect::new(move |_| {
        if let Some(r) = reload {
            r.track();
        }
        spawn_local(async move {
            let list = call::<Vec<HallRecord>>(Method::GET, "/halls", None).await;
            if let Ok(l) = &list {
                let chosen = ctx.hall.get_untracked();
                if !l.iter().any(|h| h.id == chosen)
                    && let Some(first) = l.first()
                {
                    ctx.hall.set(first.id.clone());
                }
            }
            halls.set(Some(list));
        });
    });
    view! {
        <div class="console-field hall-picker">
            {move || match halls.get() {
                None => view! { <p>{move || ctx.t(LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="console-error" role="alert">{move || ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(list)) if list.len() == 1 => {
                    let names = list[0].profile.names.clone();
                    view! { <p class="hall-picker__one"><strong>{move || ctx.t(HALL_LABEL)}"："</strong>{move || local(ctx.lang.get(), &names)}</p> }.into_any()
                }
                Some(Ok(list)) => view! {
                    <label for=id>{move || ctx.t(HALL_LABEL)}</label>
                    <select id=id on:change=move |ev| ctx.hall.set(event_target_value(&ev))>
                        {list.into_iter().map(|h| {
                            let names = h.profile.names.clone();
                            let hid = h.id.clone();
                            let selected = move || ctx.hall.get() == hid;
                            view! { <option value=h.id.clone() selected=selected>{move || local(ctx.lang.get(), &names)}</option> }
                        }).collect_view()}
                    </select>
                }.into_any(),
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_times_are_read_as_hall_time() {
        assert_eq!(clock_of("2026-11-30T14:05:00+08:00"), "14:05");
        assert_eq!(when("2026-11-30T14:05:00+08:00"), "11-30 14:05");
        assert_eq!(hall_path("demo-hall", "/kiosks"), "/halls/demo-hall/kiosks");
    }

    #[test]
    fn messages_name_the_limits_core_enforces() {
        use kiosk_core::hall_admin::{
            ADDRESS_MAX, CAPACITY_MAX, HALL_NAME_MAX, HOURS_TEXT_MAX, MAINTENANCE_MESSAGE_MAX,
            REASON_MAX, SESSIONS_PER_DAY_MAX, SLOT_MINUTES_MAX, SLOT_MINUTES_MIN,
        };
        let says = |code: &str, n: usize| {
            let t = i18n::code(code);
            assert!(
                t.0.contains(&n.to_string()) && t.1.contains(&n.to_string()),
                "{code} should say {n}"
            );
        };
        says("invalid_hall_name", HALL_NAME_MAX);
        says("invalid_address", ADDRESS_MAX);
        says("invalid_hours_text", HOURS_TEXT_MAX);
        says("invalid_reason", REASON_MAX);
        says("message_too_long", MAINTENANCE_MESSAGE_MAX);
        says("invalid_capacity", CAPACITY_MAX as usize);
        says("too_many_sessions", SESSIONS_PER_DAY_MAX);
        says("invalid_slot_minutes", SLOT_MINUTES_MIN as usize);
        says("invalid_slot_minutes", SLOT_MINUTES_MAX as usize);
    }
}
