//! `/callback/check`: every answer with a Change link, then send.

use kiosk_core::{
    api::CallbackReceipt,
    mask::{mask_name, mask_phone},
};
use leptos::prelude::*;

use crate::{
    components::form::{
        frame::FlowFrame,
        submit::{SubmitPanel, run_submission},
        summary::{RevealButton, SummaryRow, shown_or_masked, use_reveal},
        wizard::{StepNav, at},
    },
    flows::callback::{Draft, Step},
    screen::{self, Screen},
    text::{
        Msg,
        labels::{needs_text, topic_label},
    },
    visit::prefs::{use_prefs, use_t},
};

use super::{use_callback, when_text};

#[component]
pub fn CallbackCheckStep(nav: StepNav) -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let lang = use_prefs().lang;
    let (revealed, reveal) = use_reveal();
    let error = nav.error;
    let d = flow.draft;

    let or_not_given = move |s: String| {
        if s.trim().is_empty() {
            t(Msg::NotGiven).to_owned()
        } else {
            s
        }
    };
    let topic = Signal::derive(move || {
        d.with(|d| {
            d.topic
                .map(|x| t(topic_label(x)).to_owned())
                .unwrap_or_default()
        })
    });
    let when = Signal::derive(move || d.with(|d| when_text(d.when, lang.get())));
    let phone = shown_or_masked(d, revealed, |d: &Draft| &d.phone, mask_phone);
    let name = shown_or_masked(d, revealed, |d: &Draft| &d.name, mask_name);
    let name = Signal::derive(move || or_not_given(name.get()));
    let safety = Signal::derive(move || {
        d.with(|d| match d.may_say_12348 {
            Some(true) => t(Msg::SafetyYes).to_owned(),
            Some(false) => t(Msg::SafetyNo).to_owned(),
            None => String::new(),
        })
    });
    let needs = Signal::derive(move || d.with(|d| needs_text(&d.needs, lang.get())));
    let note = Signal::derive(move || or_not_given(d.with(|d| d.note.trim().to_owned())));

    let confirm = Callback::new(move |()| {
        let Some(request) = d.with_untracked(|d| {
            d.request(
                lang.get_untracked(),
                Some(crate::ops::config::config().kiosk_id.clone()),
                &at(),
            )
        }) else {
            error.set(Some(Msg::BookingIncomplete));
            return;
        };
        run_submission(
            "/callbacks",
            request,
            flow.submission,
            flow.state,
            move |receipt: CallbackReceipt| {
                flow.done.try_set(Some(receipt));
                let discreet = flow
                    .draft
                    .with_untracked(|d| d.may_say_12348 == Some(false));
                // Forget the personal data now; keep only what the receipt needs.
                flow.draft.try_update(|d| {
                    *d = Default::default();
                    d.may_say_12348 = Some(!discreet);
                });
                screen::replace(Screen::CallbackDone);
            },
            |_| {},
        );
    });

    view! {
        <FlowFrame heading=Msg::CheckCallbackHeading nav=nav hint=Msg::CheckCallbackHint>
            <dl class="kiosk-summary">
                <SummaryRow change=Screen::Callback(Step::Topic) key=Msg::SummaryTopic value=topic />
                <SummaryRow change=Screen::Callback(Step::When) key=Msg::SummaryWhen value=when />
                <SummaryRow change=Screen::Callback(Step::Phone) key=Msg::SummaryPhone value=phone />
                <SummaryRow change=Screen::Callback(Step::Name) key=Msg::SummaryName value=name />
                <SummaryRow change=Screen::Callback(Step::Safety) key=Msg::SummarySafety value=safety />
                <SummaryRow change=Screen::Callback(Step::Needs) key=Msg::SummaryNeeds value=needs />
                <SummaryRow change=Screen::Callback(Step::Note) key=Msg::SummaryNote value=note />
            </dl>
            <RevealButton revealed=revealed reveal=reveal />
            <SubmitPanel state=flow.state on_confirm=confirm label=Msg::ConfirmCallback />
        </FlowFrame>
    }
}
