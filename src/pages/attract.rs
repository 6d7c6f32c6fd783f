//! The screen between visits (`/welcome`): the hall, what the kiosk can do, the
//! 12348 hotline, "touch anywhere to start" and how to start with reading aloud.
//! When staff or the back office took the kiosk out of service, the same place
//! shows the out-of-service notice instead (GOV.UK's "service unavailable"
//! pattern): what is unavailable, when it is expected back, that nothing was
//! saved, and where to go instead.

use kiosk_core::{HOTLINE, Lang, api::KioskStatus, hall_time::HallTime};
use leptos::prelude::*;

use crate::{
    components::{focus_heading::FocusHeading, frame::hall_name::HallName},
    ops::use_ops,
    screen::{self, Screen},
    text::dates::day_label,
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs, use_t},
};

#[component]
pub fn AttractPage() -> impl IntoView {
    let ops = use_ops();
    move || {
        if ops.in_maintenance() {
            let status = ops.status.get().unwrap_or_else(|| KioskStatus {
                maintenance: true,
                message: None,
                back_at: None,
                hall_id: String::new(),
                central: None,
            });
            view! { <OutOfService status /> }.into_any()
        } else {
            view! { <Attract /> }.into_any()
        }
    }
}

#[component]
fn Attract() -> impl IntoView {
    let t = use_t();
    let prefs = use_prefs();
    let start = move |_| screen::go(Screen::Home);
    let start_with_audio = move |e: leptos::ev::MouseEvent| {
        e.stop_propagation();
        prefs.audio.set(true);
        screen::go(Screen::Home);
    };
    let other = move || prefs.lang.get().other();
    view! {
        // The whole screen starts a visit; the buttons are the same for keys and
        // screen readers.
        <section class="kiosk-attract" on:click=start>
            <HallName class="kiosk-attract__hall" />
            <FocusHeading text=Msg::AppTitle no_focus=true />
            <p class="kiosk-attract__lead">{tr(Msg::AttractCanDo)}</p>
            <ul class="kiosk-attract__list">
                <li>{tr(Msg::AttractItemCheck)}</li>
                <li>{tr(Msg::AttractItemBook)}</li>
                <li>{tr(Msg::AttractItemCallback)}</li>
            </ul>
            <p class="kiosk-attract__hotline">
                {move || fill(t(Msg::AttractHotline), &[("hotline", HOTLINE)])}
            </p>
            <button type="button" class="kiosk-button kiosk-button--primary kiosk-attract__start">
                <span>{tr(Msg::AttractStart)}</span>
                <span class="kiosk-attract__start-other" lang=move || other().tag()>
                    {move || Msg::AttractStart.text(other())}
                </span>
            </button>
            <p class="kiosk-attract__audio-hint">{tr(Msg::AttractAudioHint)}</p>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-attract__audio"
                on:click=start_with_audio
            >
                {tr(Msg::AttractAudioStart)}
            </button>
        </section>
    }
}

/// "14:30" today, "星期一 11月30日 09:00" on another day; nothing when the time
/// cannot be read or has passed (then the notice simply says nothing about it).
pub fn back_at_label(back_at: &str, now_unix: i64, lang: Lang) -> Option<String> {
    let at = HallTime::parse_rfc3339(back_at)?;
    if at.unix() <= now_unix {
        return None;
    }
    let today = HallTime::from_unix(now_unix).date();
    Some(if at.date() == today {
        at.clock()
    } else {
        format!("{} {}", day_label(at.date(), lang), at.clock())
    })
}

#[component]
fn OutOfService(status: KioskStatus) -> impl IntoView {
    let prefs = use_prefs();
    let primary = prefs.lang.get_untracked();
    let now = (js_sys::Date::now() / 1000.0) as i64;
    // The notice is for anyone passing: both languages, the kiosk's first.
    let block = move |lang: Lang, first: bool| {
        let t = move |m: Msg| m.text(lang);
        let back = status
            .back_at
            .as_deref()
            .and_then(|b| back_at_label(b, now, lang))
            .map(|time| fill(t(Msg::OosBackAt), &[("time", &time)]));
        let message = status
            .message
            .as_ref()
            .map(|m| m.get(lang).to_owned())
            .filter(|m| !m.trim().is_empty());
        view! {
            <div class="kiosk-oos__block" lang=lang.tag()>
                {if first {
                    view! { <FocusHeading text=Msg::OosHeading no_focus=true /> }.into_any()
                } else {
                    view! { <h2 class="kiosk-oos__heading-other">{t(Msg::OosHeading)}</h2> }
                        .into_any()
                }}
                {back.map(|b| view! { <p class="kiosk-oos__back">{b}</p> })}
                {message.map(|m| view! {
                    <p class="kiosk-oos__message">
                        <span class="kiosk-oos__message-label">{t(Msg::OosStaffMessage)}</span>
                        " "
                        {m}
                    </p>
                })}
                <p>{t(Msg::OosNothingSaved)}</p>
                <p>{t(Msg::OosAlternatives)}</p>
                <ul class="kiosk-oos__list">
                    <li>{t(Msg::OosCounter)}</li>
                    <li>{fill(t(Msg::OosHotline), &[("hotline", HOTLINE)])}</li>
                </ul>
            </div>
        }
    };
    view! {
        <section class="kiosk-oos">
            <HallName class="kiosk-attract__hall" />
            {block(primary, true)}
            {block(primary.other(), false)}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expected_time_is_said_plainly_and_only_while_ahead() {
        // 2026-11-30 10:00 at the hall (+08:00) is 02:00 UTC.
        let now = 1_796_004_000;
        assert_eq!(
            HallTime::from_unix(now).to_rfc3339(),
            "2026-11-30T10:00:00+08:00"
        );
        assert_eq!(
            back_at_label("2026-11-30T14:30:00+08:00", now, Lang::ZhCn).as_deref(),
            Some("14:30")
        );
        let tomorrow = back_at_label("2026-12-01T09:00:00+08:00", now, Lang::En).unwrap();
        assert!(
            tomorrow.contains("Tuesday") && tomorrow.ends_with("09:00"),
            "{tomorrow}"
        );
        assert_eq!(
            back_at_label("2026-11-30T09:00:00+08:00", now, Lang::En),
            None
        );
        assert_eq!(back_at_label("soon", now, Lang::En), None);
    }
}
