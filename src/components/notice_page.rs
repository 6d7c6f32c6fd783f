//! A simple screen: one heading, a few paragraphs and a way back to the start.

use leptos::prelude::*;

use crate::screen::Screen;
use crate::{components::focus_heading::FocusHeading, text::Msg, visit::prefs::use_t};

#[component]
pub fn NoticePage(
    /// The screen's only `<h1>`.
    heading: Msg,
    /// Paragraphs under the heading.
    paragraphs: Vec<Msg>,
) -> impl IntoView {
    let t = use_t();
    view! {
        <section class="kiosk-notice">
            <FocusHeading text=heading />
            {paragraphs
                .into_iter()
                .map(|p| view! { <p class="kiosk-notice__text">{move || t(p)}</p> })
                .collect_view()}
            <a href=Screen::Home.path() class="kiosk-button kiosk-button--primary">
                {move || t(Msg::BackToHome)}
            </a>
        </section>
    }
}
