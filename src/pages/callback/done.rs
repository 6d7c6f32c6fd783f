//! `/callback/done`: the confirmation from the server's answer (masked): the
//! reference, when the call comes and from which number, and a printed receipt;
//! or, when the kiosk's edge holds the request for the central server, that it
//! is saved on this kiosk and will be sent.

use kiosk_core::{
    HOTLINE,
    api::{CallbackReceipt, CallbackStatus, Preferred, Topic},
    date::Date,
    rating::Flow,
};
use leptos::prelude::*;

use crate::{
    components::form::receipt::ReceiptPage,
    flows::callback::When,
    screen::{self, Screen},
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs},
};

use super::{use_callback, when_text};

/// The preferred time the server recorded, as the kiosk words it.
fn recorded_when(p: &Preferred) -> Option<When> {
    match p {
        Preferred::Asap(_) => Some(When::Asap),
        Preferred::At { date, period } => {
            Date::parse_iso(date).map(|d| When::Day(d, Some(*period)))
        }
    }
}

#[component]
pub fn CallbackDonePage() -> impl IntoView {
    let flow = use_callback();
    match flow.done.get_untracked() {
        Some(receipt) => view! { <Receipt receipt=receipt /> }.into_any(),
        None => screen::redirect(Screen::Callback(crate::flows::callback::Step::Topic)),
    }
}

#[component]
fn Receipt(receipt: CallbackReceipt) -> impl IntoView {
    let flow = use_callback();
    let lang = use_prefs().lang;
    let discreet = flow
        .draft
        .with_untracked(|d| d.may_say_12348 == Some(false));
    let when = recorded_when(&receipt.preferred);
    // A call about a poor rating follows a rating already given.
    if flow
        .draft
        .with_untracked(|d| d.topic == Some(Topic::Feedback))
    {
        crate::visit::rating::settle();
    } else {
        crate::visit::rating::offer(Flow::Callback);
    }
    // Held by the kiosk's edge: said plainly, with what happens next.
    let saved = receipt.status == CallbackStatus::SavedOnKiosk;
    let (heading, what_next) = if saved {
        (Msg::CallbackSavedHeading, Msg::CallbackSavedWhatNext)
    } else {
        (Msg::CallbackDoneHeading, Msg::CallbackDoneWhatNext)
    };
    view! {
        <ReceiptPage heading=heading title=Msg::CallbackReceiptTitle reference=receipt.reference.clone()>
                <dl class="kiosk-receipt__details">
                    <dt>{tr(Msg::SummaryWhen)}</dt>
                    <dd>{move || when_text(when, lang.get())}</dd>
                    <dt>{tr(Msg::SummaryPhone)}</dt>
                    <dd>{receipt.phone_masked.clone()}</dd>
                </dl>
                <h3 class="kiosk-receipt__subheading">{tr(Msg::NextHeading)}</h3>
                <p data-testid="what-next">{tr(what_next)}</p>
                {discreet.then(|| view! { <p>{tr(Msg::CallbackDoneDiscreet)}</p> })}
                <p>{move || fill(Msg::CallbackDoneIfMissed.text(lang.get()), &[("hotline", HOTLINE)])}</p>
        </ReceiptPage>
    }
}
