//! The needs chooser: square-ticked buttons, one per need, and "no help needed".

use kiosk_core::api::Need;
use leptos::prelude::*;

use crate::{
    components::answer_button::AnswerButton,
    text::{Msg, labels::need_label},
    visit::prefs::{tr, use_t},
};

/// Square-ticked buttons, one per need, and "no help needed" (which clears them
/// and moves on).
#[component]
pub fn NeedsChooser(
    /// The needs offered, in order.
    offered: &'static [Need],
    /// The visitor's needs.
    #[prop(into)]
    chosen: Signal<Vec<Need>>,
    /// Adds or removes one.
    on_toggle: Callback<Need>,
    /// Clears them all and moves on.
    on_none: Callback<()>,
) -> impl IntoView {
    let t = use_t();
    view! {
        <ul class="kiosk-answers">
            {offered
                .iter()
                .map(|&need| {
                    view! {
                        <AnswerButton
                            label=Signal::derive(move || t(need_label(need)).to_owned())
                            chosen=Signal::derive(move || chosen.with(|c| c.contains(&need)))
                            multiple=true
                            on_choose=move || on_toggle.run(need)
                        />
                    }
                })
                .collect_view()}
        </ul>
        <button
            type="button"
            class="kiosk-button kiosk-button--secondary kiosk-button--large"
            on:click=move |_| on_none.run(())
        >
            {tr(Msg::NoNeeds)}
        </button>
    }
}
