//! A large answer button. Its chosen state is told by `aria-pressed` and a tick,
//! never by colour alone; an unavailable answer says why in its description and
//! stays focusable (`aria-disabled`) so pressing it can explain.

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
    /// A line under the label (what a service is, how many places are left).
    #[prop(optional, into)]
    description: Option<Signal<String>>,
    /// Cannot be chosen now (full, closed): shown dashed and `aria-disabled`.
    #[prop(optional)]
    unavailable: bool,
) -> impl IntoView {
    let class = match (multiple, description.is_some()) {
        (true, _) => "kiosk-answer kiosk-answer--multiple",
        (false, true) => "kiosk-answer kiosk-answer--described",
        (false, false) => "kiosk-answer",
    };
    view! {
        <li class="kiosk-answers__item">
            <button
                type="button"
                class=class
                class:kiosk-answer--unavailable=unavailable
                aria-pressed=move || chosen.get().to_string()
                aria-disabled=unavailable.then_some("true")
                on:click=move |_| on_choose()
            >
                <span class="kiosk-answer__tick" aria-hidden="true"></span>
                <span class="kiosk-answer__label">
                    {move || label.get()}
                    {description
                        .map(|d| view! { <span class="kiosk-answer__description">{move || d.get()}</span> })}
                </span>
            </button>
        </li>
    }
}
