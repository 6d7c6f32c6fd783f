//! A hall's screens (being written).

use leptos::prelude::*;

use crate::{FocusHeading, i18n};

#[component]
pub fn TodayScreen() -> impl IntoView {
    view! { <FocusHeading text=i18n::TODAY /> }
}

#[component]
pub fn KiosksScreen() -> impl IntoView {
    view! { <FocusHeading text=i18n::KIOSKS /> }
}

#[component]
pub fn HallScreen() -> impl IntoView {
    view! { <FocusHeading text=i18n::HALL /> }
}
