//! `/accessibility`: the accessibility panel, for this visit only: text size,
//! colours, reading aloud (with speed, volume and private listening for numbers),
//! reduced motion, and how to use the keys. Everything applies at once.

use leptos::prelude::*;

use crate::{
    components::{choice_group::ChoiceGroup, focus_heading::FocusHeading},
    text::Msg,
    visit::prefs::{SpeechRate, TextSize, Theme, Volume, tr, use_prefs, use_t},
};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = use_t();
    let speaker = use_context::<crate::device::speech::Speaker>();
    view! {
        <section class="kiosk-settings">
            <FocusHeading text=Msg::AccessibilityHeading />
            <p class="kiosk-notice__text">{tr(Msg::AccessibilityIntro)}</p>
            <ChoiceGroup
                legend=Msg::TextSizeLabel
                options=TextSize::ALL.iter().map(|s| (*s, s.label())).collect()
                value=prefs.text_size
            />
            <ChoiceGroup
                legend=Msg::ThemeLabel
                options=Theme::ALL.iter().map(|s| (*s, s.label())).collect()
                value=prefs.theme
            />
            <ChoiceGroup
                legend=Msg::AudioLabel
                options=vec![(true, Msg::On), (false, Msg::Off)]
                value=prefs.audio
            />
            <Show when=move || prefs.audio.get()>
                <p class="kiosk-field__error" role="alert">
                    {move || speaker.and_then(|s| s.diagnostic()).map(t)}
                </p>
                <ChoiceGroup
                    legend=Msg::RateLabel
                    options=SpeechRate::ALL.iter().map(|s| (*s, s.label())).collect()
                    value=prefs.speech_rate
                />
                <ChoiceGroup
                    legend=Msg::VolumeLabel
                    options=Volume::ALL.iter().map(|s| (*s, s.label())).collect()
                    value=prefs.volume
                />
                <ChoiceGroup
                    legend=Msg::PrivateListeningLabel
                    options=vec![(true, Msg::On), (false, Msg::Off)]
                    value=prefs.private_listening
                />
            </Show>
            <ChoiceGroup
                legend=Msg::ReducedMotionLabel
                options=vec![(true, Msg::On), (false, Msg::Off)]
                value=prefs.reduced_motion
            />
            <p class="kiosk-notice__text">{tr(Msg::KeysHelp)}</p>
            <a href="/" class="kiosk-button kiosk-button--primary">
                {tr(Msg::BackToHome)}
            </a>
        </section>
    }
}
