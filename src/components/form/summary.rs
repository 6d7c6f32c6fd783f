//! The review before sending: one row per answer with its Change link, and the
//! ten-second reveal of masked personal data.

use std::time::Duration;

use leptos::{
    leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle},
    prelude::*,
};

use crate::{
    screen::Screen,
    text::Msg,
    visit::prefs::{tr, use_t},
};

/// How long "show" reveals masked personal data.
pub const REVEAL_FOR: Duration = Duration::from_secs(10);

/// One answer on a check screen, with its Change link.
#[component]
pub fn SummaryRow(
    /// Where the answer is changed.
    change: Screen,
    /// What was asked.
    #[prop(into)]
    key: Signal<Msg>,
    /// The answer as shown (masked where personal).
    #[prop(into)]
    value: Signal<String>,
) -> impl IntoView {
    let t = use_t();
    view! {
        <div class="kiosk-summary__row">
            <dt class="kiosk-summary__key">{move || t(key.get())}</dt>
            <dd class="kiosk-summary__value">{move || value.get()}</dd>
            <dd class="kiosk-summary__action">
                <a href=change.path() class="kiosk-button kiosk-button--secondary">
                    {tr(Msg::Change)}
                    <span class="kiosk-visually-hidden">" " {move || t(key.get())}</span>
                </a>
            </dd>
        </div>
    }
}

/// Whether masked data is shown in full, and the action that shows it for
/// [`REVEAL_FOR`] (pressing again restarts the time).
pub fn use_reveal() -> (RwSignal<bool>, Callback<()>) {
    let revealed = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    on_cleanup(stop);
    let reveal = Callback::new(move |()| {
        stop();
        revealed.set(true);
        timer.set_value(set_timeout_with_handle(move || revealed.set(false), REVEAL_FOR).ok());
    });
    (revealed, reveal)
}

/// The answer at `get` in `draft` as a review shows it: in full while
/// `revealed`, else masked by `mask`.
pub fn shown_or_masked<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    revealed: RwSignal<bool>,
    get: fn(&D) -> &String,
    mask: fn(&str) -> String,
) -> Signal<String> {
    Signal::derive(move || {
        draft.with(|d| {
            let value = get(d);
            if revealed.get() {
                value.trim().to_owned()
            } else {
                mask(value)
            }
        })
    })
}

/// The "show for 10 seconds" button of [`use_reveal`].
#[component]
pub fn RevealButton(revealed: RwSignal<bool>, reveal: Callback<()>) -> impl IntoView {
    let t = use_t();
    view! {
        <button
            type="button"
            class="kiosk-button kiosk-button--secondary kiosk-field__reveal"
            aria-pressed=move || revealed.get().to_string()
            on:click=move |_| reveal.run(())
        >
            {move || if revealed.get() { t(Msg::ShownForTenSeconds) } else { t(Msg::ShowTenSeconds) }}
        </button>
    }
}
