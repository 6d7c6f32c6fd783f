//! The fields of a form flow that take personal data on the number pad: a phone
//! number, checked as it is typed, and a resident ID number, masked once complete
//! with a ten-second reveal. Their problems go to the step's error line.

use kiosk_core::validate::validate_id_number;
use leptos::prelude::*;

use crate::{
    booking::id_message,
    components::{
        flow_frame::STEP_ERROR_ID,
        flow_parts::{RevealButton, use_reveal},
        numeric_keypad::{KeypadMode, NumericKeypad},
    },
    flow::{PhoneKind, phone_max_len, phone_problem_as_typed},
    i18n::Msg,
    pages::eligibility::today,
    prefs::use_t,
};

/// Length of a resident ID number.
pub const ID_LEN: usize = 18;

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
    value: RwSignal<String>,
    /// Mobile only, or landline too.
    kind: PhoneKind,
    /// The step's error.
    error: RwSignal<Option<Msg>>,
) -> impl IntoView {
    let t = use_t();
    // Said as soon as it is certain, cleared as soon as it is fixed.
    Effect::new(move |previous: Option<String>| {
        let digits = value.get();
        if previous.is_some_and(|p| p != digits) {
            error.set(phone_problem_as_typed(&digits, kind));
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
                {move || t(Msg::PhoneLabel)}
            </label>
            <p id="kiosk-phone-hint" class="kiosk-question__hint">{move || t(hint)}</p>
            <NumericKeypad
                value=value
                input_id="kiosk-phone"
                max_len=phone_max_len(kind)
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
    value: RwSignal<String>,
    /// The step's error.
    error: RwSignal<Option<Msg>>,
) -> impl IntoView {
    let t = use_t();
    let (revealed, reveal) = use_reveal();
    let complete = move || value.with(|v| v.len() == ID_LEN);
    let masked = Signal::derive(move || complete() && !revealed.get());
    Effect::new(move |previous: Option<String>| {
        let id = value.get();
        if previous.is_some_and(|p| p != id) {
            error.set(if id.len() == ID_LEN {
                validate_id_number(&id, today()).err().map(id_message)
            } else {
                None
            });
        }
        id
    });
    view! {
        <div class="kiosk-field">
            <label class="kiosk-field__label" for="kiosk-id-number">
                {move || t(Msg::IdLabel)}
            </label>
            <p id="kiosk-id-hint" class="kiosk-question__hint">{move || t(Msg::IdHint)}</p>
            <NumericKeypad
                value=value
                input_id="kiosk-id-number"
                max_len=ID_LEN
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
