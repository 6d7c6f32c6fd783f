//! A large on-screen number pad writing into a labelled text field, for kiosks
//! with no keyboard. Keys typed on a keyboard go into the same field.

use leptos::prelude::*;

use crate::{i18n::Msg, prefs::use_t};

#[component]
pub fn NumericKeypad(
    /// The digits entered so far.
    value: RwSignal<String>,
    /// Id of the text field (for its `<label for>`).
    input_id: &'static str,
    /// Most digits accepted.
    max_len: usize,
    /// Ids of hint or error elements describing the field.
    #[prop(into)]
    described_by: Signal<String>,
    /// Whether the field is in error.
    #[prop(into)]
    invalid: Signal<bool>,
) -> impl IntoView {
    let t = use_t();
    let push = move |d: char| {
        value.update(|v| {
            if v == "0" {
                v.clear();
            }
            if v.len() < max_len {
                v.push(d);
            }
        })
    };
    let digit = move |d: char| {
        view! {
            <button type="button" class="kiosk-keypad__key" on:click=move |_| push(d)>
                {d.to_string()}
            </button>
        }
    };
    view! {
        <input
            id=input_id
            class="kiosk-keypad__field"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength=max_len.to_string()
            aria-describedby=move || described_by.get()
            aria-invalid=move || invalid.get().to_string()
            prop:value=move || value.get()
            on:input=move |ev| {
                let digits: String = event_target_value(&ev)
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(max_len)
                    .collect();
                // No leading zeros, but a lone 0 is a real answer.
                let trimmed = digits.trim_start_matches('0');
                value.set(if trimmed.is_empty() && !digits.is_empty() {
                    "0".to_owned()
                } else {
                    trimmed.to_owned()
                });
            }
        />
        <div class="kiosk-keypad" role="group" aria-label=move || t(Msg::KeypadLabel)>
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
            <button
                type="button"
                class="kiosk-keypad__key kiosk-keypad__key--action"
                on:click=move |_| value.set(String::new())
            >
                {move || t(Msg::KeyClear)}
            </button>
            {digit('0')}
            <button
                type="button"
                class="kiosk-keypad__key kiosk-keypad__key--action"
                on:click=move |_| value.update(|v| {
                    v.pop();
                })
            >
                {move || t(Msg::KeyDelete)}
            </button>
        </div>
    }
}
