//! A large answer button. Its chosen state is told by `aria-pressed` and a tick,
//! never by colour alone.

use leptos::prelude::*;

#[component]
pub fn AnswerButton(
    /// The answer, as the visitor reads it.
    #[prop(into)]
    label: Signal<String>,
    /// Whether this answer is the chosen one.
    #[prop(into)]
    chosen: Signal<bool>,
    /// What choosing it does.
    on_choose: impl Fn() + Send + Sync + 'static,
    /// One of several that can be chosen together (a square box, not a round one).
    #[prop(optional)]
    multiple: bool,
) -> impl IntoView {
    view! {
        <li class="kiosk-answers__item">
            <button
                type="button"
                class=if multiple { "kiosk-answer kiosk-answer--multiple" } else { "kiosk-answer" }
                aria-pressed=move || chosen.get().to_string()
                on:click=move |_| on_choose()
            >
                <span class="kiosk-answer__tick" aria-hidden="true">
                    {move || if chosen.get() { "✓" } else { "" }}
                </span>
                <span class="kiosk-answer__label">{move || label.get()}</span>
            </button>
        </li>
    }
}
