//! What the visitor sees when a screen fails: calm words, the 12348 number and a
//! button that starts afresh (a full reload, so the failed state is gone too).

use leptos::prelude::*;

use crate::{
    components::focus_heading::FocusHeading,
    text::Msg,
    visit::{finish_visit, prefs::tr},
};

#[component]
pub fn ErrorNotice() -> impl IntoView {
    view! {
        <section class="kiosk-notice" role="alert">
            <FocusHeading text=Msg::ErrorHeading />
            <p class="kiosk-notice__text">{tr(Msg::ErrorBody)}</p>
            <p class="kiosk-notice__text">{tr(Msg::AskStaffOrHotline)}</p>
            <button
                type="button"
                class="kiosk-button kiosk-button--primary"
                on:click=move |_| finish_visit()
            >
                {tr(Msg::BackToHome)}
            </button>
        </section>
    }
}
