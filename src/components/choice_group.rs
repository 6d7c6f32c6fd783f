//! A labelled group of toggle buttons of which exactly one is chosen, for settings
//! that apply at once. Each button says its state with `aria-pressed` and a tick,
//! not by colour alone.

use leptos::prelude::*;

use crate::{text::Msg, visit::prefs::tr};

#[component]
pub fn ChoiceGroup<T>(
    /// The question the group answers, its `<legend>`.
    legend: Msg,
    /// The choices with their labels, in display order.
    options: Vec<(T, Msg)>,
    /// The chosen value; pressing a button sets it.
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="kiosk-choice-group">
            <legend class="kiosk-choice-group__legend">{tr(legend)}</legend>
            <div class="kiosk-choice-group__options">
                {options
                    .into_iter()
                    .map(|(option, label)| {
                        let pressed = move || value.get() == option;
                        view! {
                            <button
                                type="button"
                                class="kiosk-button kiosk-choice-group__option"
                                aria-pressed=move || pressed().to_string()
                                on:click=move |_| value.set(option)
                            >
                                <span class="kiosk-choice-group__tick" aria-hidden="true">
                                    {move || if pressed() { "✓" } else { "" }}
                                </span>
                                {tr(label)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
