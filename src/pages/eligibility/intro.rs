//! `/eligibility`: what the self-check is, that the answers stay here, and Start.

use leptos::prelude::*;

use crate::{
    components::focus_heading::FocusHeading, flows::self_check::Question, text::Msg,
    visit::prefs::tr,
};

use super::use_self_check;
use crate::screen::Screen;

#[component]
pub fn EligibilityIntroPage() -> impl IntoView {
    // Starting (again) begins with empty answers.
    use_self_check().0.set(Default::default());
    view! {
        <section class="kiosk-notice">
            <FocusHeading text=Msg::TileEligibility />
            <p class="kiosk-notice__text">{tr(Msg::SelfCheckIntro)}</p>
            <p class="kiosk-notice__text">{tr(Msg::SelfCheckPrivacy)}</p>
            <p class="kiosk-notice__text">{tr(Msg::SelfCheckAdvisory)}</p>
            <div class="kiosk-question__actions kiosk-keep-in-view">
                <a
                    href=Screen::SelfCheck(Question::Category).path()
                    class="kiosk-button kiosk-button--primary kiosk-button--large"
                >
                    {tr(Msg::Start)}
                </a>
            </div>
            <p class="kiosk-notice__back">
                <a href=Screen::Home.path() class="kiosk-button kiosk-button--secondary">
                    {tr(Msg::BackToHome)}
                </a>
            </p>
        </section>
    }
}
