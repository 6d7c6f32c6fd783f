//! `/eligibility`: what the self-check is, that the answers stay here, and Start.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::focus_heading::FocusHeading, i18n::Msg, prefs::use_t, self_check::Question,
};

use super::{question_href, use_self_check};

#[component]
pub fn EligibilityIntroPage() -> impl IntoView {
    let t = use_t();
    // Starting (again) begins with empty answers.
    use_self_check().0.set(Default::default());
    view! {
        <section class="kiosk-notice">
            <FocusHeading text=Msg::TileEligibility />
            <p class="kiosk-notice__text">{move || t(Msg::SelfCheckIntro)}</p>
            <p class="kiosk-notice__text">{move || t(Msg::SelfCheckPrivacy)}</p>
            <p class="kiosk-notice__text">{move || t(Msg::SelfCheckAdvisory)}</p>
            <A
                href=question_href(Question::Category)
                attr:class="kiosk-button kiosk-button--primary kiosk-button--large"
            >
                {move || t(Msg::Start)}
            </A>
            <p class="kiosk-notice__back">
                <A href="/" attr:class="kiosk-button kiosk-button--secondary">
                    {move || t(Msg::BackToHome)}
                </A>
            </p>
        </section>
    }
}
