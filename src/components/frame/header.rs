//! The persistent header: hall name, the 12348 hotline, language switch,
//! accessibility settings and "finish and clear".

use kiosk_core::HOTLINE;
use leptos::prelude::*;

use crate::{
    components::frame::hall_name::HallName,
    screen::Screen,
    text::Msg,
    visit::{
        finish_visit,
        prefs::{tr, use_prefs},
    },
};

#[component]
pub fn KioskHeader() -> impl IntoView {
    let prefs = use_prefs();
    let lang = prefs.lang;
    let announcer = crate::device::announce::Announcer::new();
    let other = move || lang.get().other();

    view! {
        <header class="kiosk-header">
            // Until the server answers (or when it cannot be reached) the generic
            // name shows. Holding it 5 s is the staff's way in.
            <HallName class="kiosk-header__hall" />
            <p class="kiosk-header__hotline">
                <span class="kiosk-header__hotline-label">{tr(Msg::HotlineLabel)}</span>
                " "
                <strong class="kiosk-header__hotline-number">{HOTLINE}</strong>
            </p>
            <div class="kiosk-header__actions">
                <button
                    type="button"
                    class="kiosk-button kiosk-button--secondary kiosk-header__language"
                    lang=move || other().tag()
                    on:click=move |_| {
                        lang.update(|l| *l = l.other());
                        // Said in the language just chosen.
                        announcer.say(&[Msg::LanguageChanged]);
                    }
                >
                    {move || other().native_name()}
                </button>
                <a href=Screen::Accessibility.path() class="kiosk-button kiosk-button--secondary">
                    {tr(Msg::AccessibilityButton)}
                </a>
                <button
                    type="button"
                    class="kiosk-button kiosk-button--warning"
                    on:click=move |_| finish_visit()
                >
                    {tr(Msg::FinishAndClear)}
                </button>
            </div>
        </header>
    }
}
