//! A large on-screen number pad writing into a labelled text field, for kiosks
//! with no keyboard. Keys typed on a keyboard go into the same field.

use kiosk_core::mask::mask_id_number;
use leptos::prelude::*;

use crate::{components::field::Field, text::Msg, visit::prefs::tr};

/// What the pad enters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeypadMode {
    /// An amount: no leading zeros (a lone 0 is kept).
    #[default]
    Amount,
    /// Digits as typed, leading zeros too (phone numbers, references).
    Digits,
    /// A resident ID number: digits and a final X, shown masked when `masked`.
    IdNumber,
    /// A staff PIN: digits, never shown (a password field).
    Pin,
}

impl KeypadMode {
    /// Keeps what this mode accepts of typed text, at most `max_len` characters.
    pub fn clean(self, typed: &str, max_len: usize) -> String {
        match self {
            KeypadMode::Amount => {
                let digits: String = typed
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(max_len)
                    .collect();
                let trimmed = digits.trim_start_matches('0');
                if trimmed.is_empty() && !digits.is_empty() {
                    "0".to_owned()
                } else {
                    trimmed.to_owned()
                }
            }
            KeypadMode::Digits | KeypadMode::Pin => typed
                .chars()
                .filter(char::is_ascii_digit)
                .take(max_len)
                .collect(),
            KeypadMode::IdNumber => typed
                .chars()
                .filter(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X'))
                .map(|c| c.to_ascii_uppercase())
                .take(max_len)
                .collect(),
        }
    }
}

#[component]
pub fn NumericKeypad(
    /// The digits entered so far.
    #[prop(into)]
    value: Field,
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
    /// What the pad enters.
    #[prop(optional)]
    mode: KeypadMode,
    /// Show the value masked (an ID number after entry); the field is then
    /// read-only and changed with the keys.
    #[prop(optional, into)]
    masked: Option<Signal<bool>>,
) -> impl IntoView {
    let masked = move || masked.is_some_and(|m| m.get());
    let announcer = crate::device::announce::Announcer::new();
    // Phone and ID digits are personal: audio mode says only "digit entered".
    let private = mode != KeypadMode::Amount;
    let push = move |d: char| {
        announcer.typed(d, private);
        value.update(|v| {
            if mode == KeypadMode::Amount && v == "0" {
                v.clear();
            }
            if v.len() < max_len {
                v.push(d);
            }
        });
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
            type=if mode == KeypadMode::Pin { "password" } else { "text" }
            inputmode="numeric"
            autocomplete="off"
            maxlength=max_len.to_string()
            aria-describedby=move || described_by.get()
            aria-invalid=move || invalid.get().to_string()
            readonly=masked
            prop:value=move || {
                if masked() { mask_id_number(&value.get()) } else { value.get() }
            }
            on:input=move |ev| value.set(mode.clean(&event_target_value(&ev), max_len))
        />
        <div
            class="kiosk-keypad"
            role="group"
            data-keygroup=""
            aria-label=tr(Msg::KeypadLabel)
            data-private-keys=private.then_some("true")
        >
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
            <button
                type="button"
                class="kiosk-keypad__key kiosk-keypad__key--action"
                on:click=move |_| value.set(String::new())
            >
                {tr(Msg::KeyClear)}
            </button>
            {digit('0')}
            <button
                type="button"
                class="kiosk-keypad__key kiosk-keypad__key--action"
                on:click=move |_| {
                    value.update(|v| v.pop());
                }
            >
                {tr(Msg::KeyDelete)}
            </button>
            {(mode == KeypadMode::IdNumber)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="kiosk-keypad__key kiosk-keypad__key--wide"
                            on:click=move |_| push('X')
                        >
                            "X"
                        </button>
                    }
                })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mode_keeps_what_it_accepts() {
        assert_eq!(KeypadMode::Amount.clean("00120a", 7), "120");
        assert_eq!(KeypadMode::Amount.clean("000", 7), "0");
        assert_eq!(KeypadMode::Digits.clean("010-1234 5678", 12), "01012345678");
        assert_eq!(KeypadMode::Digits.clean("123456", 3), "123");
        assert_eq!(
            KeypadMode::IdNumber.clean("11010519491231002x", 18),
            "11010519491231002X"
        );
        assert_eq!(KeypadMode::IdNumber.clean("1a2b", 18), "12");
    }
}
