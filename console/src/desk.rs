//! The 12348 desk (being written).

use leptos::prelude::*;

use crate::{FocusHeading, i18n};

#[component]
pub fn DeskScreen() -> impl IntoView {
    view! { <FocusHeading text=i18n::DESK /> }
}
