//! The fields of a form flow that take personal data on the number pad: a phone
//! number, checked as it is typed, and a resident ID number, masked once complete
//! with a ten-second reveal. Their problems go to the step's error line.

use kiosk_core::rules::{ID_NUMBER_LEN, PhoneKind, check_id_number, phone_as_typed};
use leptos::prelude::*;

use crate::{
    components::{
        field::Field,
        form::{
            frame::STEP_ERROR_ID,
            summary::{RevealButton, use_reveal},
        },
        numeric_keypad::{KeypadMode, NumericKeypad},
    },
    device::clock::today,
    text::{
        Msg,
        labels::{phone_message, refusal_message},
    },
    visit::prefs::tr,
};

fn described_by(error: RwSignal<Option<Msg>>, hint_id: &'static str) -> Signal<String> {
    Signal::derive(move || {
        if error.get().is_some() {
            format!("{hint_id} {STEP_ERROR_ID}")
        } else {
            hint_id.to_owned()
        }
    })
}

#[component]
pub fn PhoneField(
    /// The digits typed.
    #[prop(into)]
    value: Field,
    /// Mobile only, or landline too.
    kind: PhoneKind,
    /// The step's error.
    error: RwSignal<Option<Msg>>,
) -> impl IntoView {
    // Said as soon as it is certain, cleared as soon as it is fixed.
    Effect::new(move |previous: Option<String>| {
        let digits = value.get();
        if previous.is_some_and(|p| p != digits) {
            error.set(phone_as_typed(&digits, kind).map(phone_message));
        }
        digits
    });
    let hint = match kind {
        PhoneKind::Mobile => Msg::PhoneHintMobile,
        PhoneKind::Any => Msg::PhoneHintAny,
    };
    view! {
        <div class="kiosk-field">
            <label class="kiosk-field__label" for="kiosk-phone">
                {tr(Msg::PhoneLabel)}
            </label>
            <p id="kiosk-phone-hint" class="kiosk-question__hint">{tr(hint)}</p>
            <NumericKeypad
                value=value
                input_id="kiosk-phone"
                max_len=kind.max_digits()
                mode=KeypadMode::Digits
                described_by=described_by(error, "kiosk-phone-hint")
                invalid=Signal::derive(move || error.get().is_some())
            />
        </div>
    }
}

#[component]
pub fn IdNumberField(
    /// The characters typed (digits and a final X).
    #[prop(into)]
    value: Field,
    /// The step's error.
    error: RwSignal<Option<Msg>>,
) -> impl IntoView {
    let (revealed, reveal) = use_reveal();
    let complete = move || value.with(|v| v.len() == ID_NUMBER_LEN);
    let masked = Signal::derive(move || complete() && !revealed.get());
    Effect::new(move |previous: Option<String>| {
        let id = value.get();
        if previous.is_some_and(|p| p != id) {
            error.set(if id.len() == ID_NUMBER_LEN {
                check_id_number(&id, today()).err().map(refusal_message)
            } else {
                None
            });
        }
        id
    });
    view! {
        <div class="kiosk-field">
            <label class="kiosk-field__label" for="kiosk-id-number">
                {tr(Msg::IdLabel)}
            </label>
            <p id="kiosk-id-hint" class="kiosk-question__hint">{tr(Msg::IdHint)}</p>
            <NumericKeypad
                value=value
                input_id="kiosk-id-number"
                max_len=ID_NUMBER_LEN
                mode=KeypadMode::IdNumber
                masked=masked
                described_by=described_by(error, "kiosk-id-hint")
                invalid=Signal::derive(move || error.get().is_some())
            />
            <Show when=complete>
                <RevealButton revealed=revealed reveal=reveal />
            </Show>
        </div>
    }
}
