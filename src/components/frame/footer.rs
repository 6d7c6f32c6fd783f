//! Consistent help, in the same place on every screen (WCAG 3.2.6).

use leptos::prelude::*;

use crate::{
    device::speech::Speaker,
    text::Msg,
    visit::{
        HelpRequested,
        prefs::{tr, use_prefs},
    },
};

#[component]
pub fn KioskFooter() -> impl IntoView {
    let audio = use_prefs().audio;
    let help = use_context::<HelpRequested>().map(|h| h.0);
    let speaker = use_context::<Speaker>();
    view! {
        <footer class="kiosk-footer">
            // In audio mode: say it again, or be quiet (also keys F3 and F4).
            {speaker.map(|speaker| view! {
                <Show when=move || audio.get()>
                    <div class="kiosk-footer__speech" role="group" aria-label=tr(Msg::AudioLabel)>
                        <button
                            type="button"
                            class="kiosk-button kiosk-button--secondary"
                            on:click=move |_| speaker.repeat()
                        >
                            {tr(Msg::RepeatSpeech)}
                        </button>
                        <button
                            type="button"
                            class="kiosk-button kiosk-button--secondary"
                            on:click=move |_| speaker.stop()
                        >
                            {tr(Msg::StopSpeech)}
                        </button>
                    </div>
                </Show>
            })}
            <p class="kiosk-footer__help">{tr(Msg::FooterHelp)}</p>
            // An alert is announced when it appears; it is there only once asked.
            <Show when=move || help.is_some_and(|h| h.get())>
                <p class="kiosk-footer__asked" role="alert">{tr(Msg::HelpAsked)}</p>
            </Show>
        </footer>
    }
}
