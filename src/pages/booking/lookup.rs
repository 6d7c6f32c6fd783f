//! `/booking/lookup`: look up or cancel a booking with its reference and the
//! phone number it was made with. Answers come masked from the server.

use kiosk_core::{
    HOTLINE,
    api::{Appointment, AppointmentCancel, AppointmentLookup, AppointmentStatus},
    rules::{PhoneKind, check_phone},
};
use leptos::prelude::*;

use crate::{
    api::appointments::{LookupError, cancel, lookup},
    components::form::{
        fields::PhoneField,
        frame::{FlowFrame, STEP_ERROR_ID},
        wizard::StepNav,
    },
    flows::booking::Step,
    screen::{self, Screen},
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs, use_t},
};

use crate::text::dates::slot_when;

/// Characters after the letter of a booking reference (`A7K3M9PQ`).
pub const REFERENCE_DIGITS: usize = 7;
/// The characters references are made of (no 0/O, 1/I/L: nothing to confuse).
pub const REFERENCE_ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Reference,
    Phone,
    Found,
}

/// The characters of a reference after its letter, as typed or scanned
/// (`A7K3M9PQ`, `a7k3m9pq`, `7K3M9PQ`); anything not in the alphabet is dropped.
pub fn reference_digits(input: &str) -> String {
    let upper = input.trim().to_ascii_uppercase();
    let rest = if upper.len() > REFERENCE_DIGITS {
        upper.strip_prefix('A').unwrap_or(&upper)
    } else {
        &upper
    };
    rest.chars()
        .filter(|c| REFERENCE_ALPHABET.contains(*c))
        .take(REFERENCE_DIGITS)
        .collect()
}

fn lookup_message(e: &LookupError) -> Msg {
    match e {
        LookupError::Unreachable => Msg::LookupUnreachable,
        LookupError::Refused(p) => {
            let codes: Vec<&str> = p.errors.values().flatten().map(String::as_str).collect();
            if codes.contains(&"appointment_started") {
                Msg::CancelTooLate
            } else if codes.contains(&"invalid_phone") {
                Msg::PhoneNotMobile
            } else {
                Msg::LookupNotFound
            }
        }
    }
}

#[component]
pub fn BookingLookupPage() -> impl IntoView {
    let t = use_t();
    let lang = use_prefs().lang;
    let scanned = screen::entry_param("ref");
    let digits = RwSignal::new(scanned.as_deref().map(reference_digits).unwrap_or_default());
    let phone = RwSignal::new(String::new());
    let stage = RwSignal::new(Stage::Reference);
    let error = RwSignal::new(None::<Msg>);
    let found = RwSignal::new(None::<Appointment>);
    let busy = RwSignal::new(false);
    let confirming_cancel = RwSignal::new(false);
    Effect::new(move |_| {
        digits.track();
        if stage.get_untracked() == Stage::Reference {
            error.set(None);
        }
    });

    let reference = move || format!("A{}", digits.get_untracked());
    let find = move || {
        let Ok(number) = check_phone(&phone.get_untracked(), PhoneKind::Any) else {
            error.set(Some(Msg::PhoneNotMobile));
            return;
        };
        busy.set(true);
        let req = AppointmentLookup {
            reference: reference(),
            phone: number,
        };
        leptos::task::spawn_local(async move {
            let answer = lookup(&req).await;
            busy.try_set(false);
            match answer {
                Ok(a) => {
                    found.try_set(Some(a));
                    error.try_set(None);
                    stage.try_set(Stage::Found);
                }
                Err(e) => {
                    error.try_set(Some(lookup_message(&e)));
                }
            }
        });
    };
    let do_cancel = move || {
        let Ok(number) = check_phone(&phone.get_untracked(), PhoneKind::Any) else {
            return;
        };
        busy.set(true);
        let reference = reference();
        leptos::task::spawn_local(async move {
            let answer = cancel(&reference, &AppointmentCancel { phone: number }).await;
            busy.try_set(false);
            confirming_cancel.try_set(false);
            match answer {
                Ok(a) => {
                    found.try_set(Some(a));
                    error.try_set(None);
                }
                Err(e) => {
                    error.try_set(Some(lookup_message(&e)));
                }
            }
        });
    };

    let go = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        match stage.get_untracked() {
            Stage::Reference => {
                if digits.with_untracked(String::len) == REFERENCE_DIGITS {
                    error.set(None);
                    stage.set(Stage::Phone);
                } else {
                    error.set(Some(Msg::ReferenceIncomplete));
                }
            }
            Stage::Phone => find(),
            Stage::Found => {}
        }
    });
    let back = Callback::new(move |()| match stage.get_untracked() {
        Stage::Reference => screen::go(Screen::Booking(Step::Service)),
        Stage::Phone => {
            error.set(None);
            stage.set(Stage::Reference);
        }
        Stage::Found => {
            error.set(None);
            found.set(None);
            phone.set(String::new());
            stage.set(Stage::Phone);
        }
    });
    let heading = Signal::derive(move || match stage.get() {
        Stage::Reference => Msg::LookupReferenceHeading,
        Stage::Phone => Msg::LookupPhoneHeading,
        Stage::Found => Msg::LookupFoundHeading,
    });
    let progress = Signal::derive(move || match stage.get() {
        Stage::Reference => (1, 3),
        Stage::Phone => (2, 3),
        Stage::Found => (3, 3),
    });

    let body = move || {
        match stage.get() {
        Stage::Reference => view! {
            <div class="kiosk-field">
                <label class="kiosk-field__label" for="kiosk-reference">
                    {tr(Msg::ReferenceFieldLabel)}
                </label>
                <p id="kiosk-reference-hint" class="kiosk-question__hint">{tr(Msg::ReferenceHint)}</p>
                <div class="kiosk-reference">
                    <span class="kiosk-reference__prefix" aria-hidden="true">"A"</span>
                    <input
                        id="kiosk-reference"
                        class="kiosk-keypad__field kiosk-reference__field"
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength=REFERENCE_DIGITS.to_string()
                        aria-describedby=move || {
                            if error.get().is_some() {
                                format!("kiosk-reference-hint {STEP_ERROR_ID}")
                            } else {
                                "kiosk-reference-hint".to_owned()
                            }
                        }
                        aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || digits.get()
                        on:input=move |ev| digits.set(reference_digits(&event_target_value(&ev)))
                    />
                </div>
                <div
                    class="kiosk-reference__keys"
                    role="group"
                    data-keygroup=""
                    aria-label=tr(Msg::ReferenceKeys)
                >
                    {REFERENCE_ALPHABET
                        .chars()
                        .map(|c| view! {
                            <button
                                type="button"
                                class="kiosk-keypad__key"
                                on:click=move |_| digits.update(|d| {
                                    if d.len() < REFERENCE_DIGITS {
                                        d.push(c);
                                    }
                                })
                            >
                                {c.to_string()}
                            </button>
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="kiosk-keypad__key kiosk-keypad__key--action"
                        on:click=move |_| digits.update(|d| {
                            d.pop();
                        })
                    >
                        {tr(Msg::KeyDelete)}
                    </button>
                </div>
            </div>
            <Searching busy=busy />
        }
        .into_any(),
        Stage::Phone => view! {
            <PhoneField value=phone kind=PhoneKind::Any error=error />
            <Searching busy=busy />
        }
        .into_any(),
        Stage::Found => {
            let Some(a) = found.get() else {
                return ().into_any();
            };
            let booked = a.status == AppointmentStatus::Booked;
            let when = slot_when(&a.slot_start, &a.slot_end, lang.get());
            view! {
                <dl class="kiosk-receipt__details kiosk-lookup__details">
                    <dt>{tr(Msg::ReferenceLabel)}</dt>
                    <dd class="kiosk-lookup__reference">{a.reference.clone()}</dd>
                    <dt>{tr(Msg::SummaryWhen)}</dt>
                    <dd>{when}</dd>
                    <dt>{tr(Msg::SummaryName)}</dt>
                    <dd>{a.name_masked.clone()}</dd>
                    <dt>{tr(Msg::SummaryPhone)}</dt>
                    <dd>{a.phone_masked.clone()}</dd>
                    <dt>{tr(Msg::StatusLabel)}</dt>
                    <dd>
                        <span role="status">
                            {move || if booked { t(Msg::StatusBooked) } else { t(Msg::StatusCancelled) }}
                        </span>
                    </dd>
                </dl>
                {booked.then(|| view! {
                    <Show
                        when=move || confirming_cancel.get()
                        fallback=move || view! {
                            <button
                                type="button"
                                class="kiosk-button kiosk-button--warning kiosk-button--large"
                                on:click=move |_| confirming_cancel.set(true)
                            >
                                {tr(Msg::CancelBooking)}
                            </button>
                        }
                    >
                        <div class="kiosk-lookup__confirm" role="alert">
                            <p>{tr(Msg::CancelAreYouSure)}</p>
                            <div class="kiosk-question__actions">
                                <button
                                    type="button"
                                    class="kiosk-button kiosk-button--warning kiosk-button--large"
                                    aria-disabled=move || busy.get().to_string()
                                    on:click=move |_| if !busy.get_untracked() { do_cancel() }
                                >
                                    {tr(Msg::CancelYes)}
                                </button>
                                <button
                                    type="button"
                                    class="kiosk-button kiosk-button--secondary kiosk-button--large"
                                    on:click=move |_| confirming_cancel.set(false)
                                >
                                    {tr(Msg::CancelNo)}
                                </button>
                            </div>
                        </div>
                    </Show>
                })}
                <p class="kiosk-question__hint">
                    {move || fill(Msg::LookupHelp.text(lang.get()), &[("hotline", HOTLINE)])}
                </p>
            }
            .into_any()
        }
    }
    };

    view! {
        <FlowFrame
            heading=heading
            nav=StepNav { progress, error, back, go }
            with_continue=true
            show_continue=Signal::derive(move || stage.get() != Stage::Found)
        >
            {body}
        </FlowFrame>
    }
}

#[component]
fn Searching(busy: RwSignal<bool>) -> impl IntoView {
    let t = use_t();
    view! {
        <p class="kiosk-submit__status" role="status">
            {move || busy.get().then(|| t(Msg::Searching))}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_with_or_without_their_letter() {
        assert_eq!(reference_digits("A7K3M9PQ"), "7K3M9PQ");
        assert_eq!(reference_digits(" a7k3m9pq "), "7K3M9PQ");
        assert_eq!(reference_digits("7K3M9PQ"), "7K3M9PQ");
        assert_eq!(
            reference_digits("AB"),
            "AB",
            "short input keeps a leading A"
        );
        assert_eq!(
            reference_digits("A10OI<script>"),
            "SCRPT",
            "confusables and markup dropped"
        );
    }
}
