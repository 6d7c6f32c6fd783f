//! `/accessibility`: display settings for this visit. Text size and colours apply at
//! once through the theme tokens; speech and keypad settings come with their issue.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::choice_group::ChoiceGroup,
    i18n::Msg,
    prefs::{TextSize, Theme, use_prefs, use_t},
};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let prefs = use_prefs();
    let t = use_t();
    view! {
        <section class="kiosk-settings">
            <h1 class="kiosk-heading">{move || t(Msg::AccessibilityHeading)}</h1>
            <p class="kiosk-notice__text">{move || t(Msg::AccessibilityIntro)}</p>
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
            <A href="/" attr:class="kiosk-button kiosk-button--primary">
                {move || t(Msg::BackToHome)}
            </A>
        </section>
    }
}
