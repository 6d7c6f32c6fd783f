//! The screen's `<h1>`, focused when the screen appears so keyboard and screen
//! reader users start at the top of the new content.

use leptos::{html, prelude::*};

use crate::{i18n::Msg, prefs::use_t};

#[component]
pub fn FocusHeading(
    /// The heading text.
    #[prop(into)]
    text: Signal<Msg>,
) -> impl IntoView {
    let t = use_t();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <h1 class="kiosk-heading" tabindex="-1" node_ref=heading>
            {move || t(text.get())}
        </h1>
    }
}
