//! The notice before a submission collects personal data, and the visitor's
//! answer to it.

use kiosk_core::HOTLINE;
use leptos::prelude::*;

use crate::{
    screen::Screen,
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs},
};

/// The notice before consent (PIPL art. 17): who keeps the data, what and why,
/// how long, how to cancel, and its version; then "I agree" (never pre-chosen) or
/// "I do not agree", which says plainly what that means and where else to go.
#[component]
pub fn ConsentNotice(
    /// What is collected and why.
    what: Msg,
    /// How long it is kept.
    how_long: Msg,
    /// How to cancel or withdraw (`{hotline}` is filled in).
    cancel: Msg,
    /// The version sent with the submission.
    version: &'static str,
    /// The visitor agreed.
    on_agree: Callback<()>,
    /// The visitor did not agree.
    on_decline: Callback<()>,
) -> impl IntoView {
    let lang = use_prefs().lang;
    let declined = RwSignal::new(false);
    view! {
        <div class="kiosk-consent">
            <h2 class="kiosk-consent__heading">{tr(Msg::NoticeWhoHeading)}</h2>
            <p>{tr(Msg::NoticeWho)}</p>
            <h2 class="kiosk-consent__heading">{tr(Msg::NoticeWhatHeading)}</h2>
            <p>{tr(what)}</p>
            <h2 class="kiosk-consent__heading">{tr(Msg::NoticeHowLongHeading)}</h2>
            <p>{tr(how_long)}</p>
            <h2 class="kiosk-consent__heading">{tr(Msg::NoticeCancelHeading)}</h2>
            <p>{move || fill(cancel.text(lang.get()), &[("hotline", HOTLINE)])}</p>
            <p class="kiosk-consent__version">
                {move || fill(Msg::NoticeVersionTemplate.text(lang.get()), &[("v", version)])}
            </p>
        </div>
        <div class="kiosk-question__actions kiosk-keep-in-view">
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large"
                on:click=move |_| on_agree.run(())
            >
                {tr(Msg::Agree)}
            </button>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-button--large"
                on:click=move |_| {
                    declined.set(true);
                    on_decline.run(());
                }
            >
                {tr(Msg::Disagree)}
            </button>
        </div>
        <div role="alert">
            <Show when=move || declined.get()>
                <p class="kiosk-consent__declined">
                    {move || fill(Msg::DeclinedBody.text(lang.get()), &[("hotline", HOTLINE)])}
                </p>
                <a href=Screen::Home.path() class="kiosk-button kiosk-button--secondary">
                    {tr(Msg::BackToHome)}
                </a>
            </Show>
        </div>
    }
}
