//! Legal aid standards (being written).

use leptos::prelude::*;

use crate::{FocusHeading, i18n};

#[component]
pub fn StandardsScreen() -> impl IntoView {
    view! { <FocusHeading text=i18n::STANDARDS /> }
}
