//! A simple screen: one heading, a few paragraphs and a way back to the start.

use leptos::prelude::*;

use crate::screen::Screen;
use crate::{components::focus_heading::FocusHeading, text::Msg, visit::prefs::tr};

#[component]
pub fn NoticePage(
    /// The screen's only `<h1>`.
    heading: Msg,
    /// Paragraphs under the heading.
    paragraphs: Vec<Msg>,
) -> impl IntoView {
    view! {
        <section class="kiosk-notice">
            <FocusHeading text=heading />
            {paragraphs
                .into_iter()
                .map(|p| view! { <p class="kiosk-notice__text">{tr(p)}</p> })
                .collect_view()}
            <a href=Screen::Home.path() class="kiosk-button kiosk-button--primary">
                {tr(Msg::BackToHome)}
            </a>
        </section>
    }
}
