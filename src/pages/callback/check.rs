//! `/callback/check`: every answer with a Change link, then send.

use kiosk_core::{
    api::CallbackReceipt,
    mask::{mask_name, mask_phone},
};
use leptos::prelude::*;
use leptos_router::{NavigateOptions, hooks::use_navigate};

use crate::{
    callback::Step,
    components::{
        flow_frame::FlowFrame,
        flow_parts::{RevealButton, SummaryRow, needs_text, use_reveal},
        submit_panel::{SubmitPanel, run_submission},
    },
    i18n::Msg,
    prefs::{use_prefs, use_t},
};

use super::{back, progress, step_href, topic_label, use_callback, when_text};

#[component]
pub fn CallbackCheckStep() -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let lang = use_prefs().lang;
    let navigate = use_navigate();
    let (revealed, reveal) = use_reveal();
    let error = RwSignal::new(None::<Msg>);
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
    let phone = Signal::derive(move || {
        d.with(|d| {
            if revealed.get() {
                d.phone.clone()
            } else {
                mask_phone(&d.phone)
            }
        })
    });
    let name = Signal::derive(move || {
        or_not_given(d.with(|d| {
            if revealed.get() {
                d.name.trim().to_owned()
            } else {
                mask_name(&d.name)
            }
        }))
    });
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
                Some(crate::config::config().kiosk_id.clone()),
            )
        }) else {
            error.set(Some(Msg::BookingIncomplete));
            return;
        };
        let navigate = navigate.clone();
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
                navigate(
                    "/callback/done",
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            },
            |_| {},
        );
    });

    view! {
        <FlowFrame
            heading=Msg::CheckCallbackHeading
            progress=progress(Step::Check)
            hint=Msg::CheckCallbackHint
            error=error
            on_back=back(Step::Check)
        >
            <dl class="kiosk-summary">
                <SummaryRow href=step_href(Step::Topic) key=Msg::SummaryTopic value=topic />
                <SummaryRow href=step_href(Step::When) key=Msg::SummaryWhen value=when />
                <SummaryRow href=step_href(Step::Phone) key=Msg::SummaryPhone value=phone />
                <SummaryRow href=step_href(Step::Name) key=Msg::SummaryName value=name />
                <SummaryRow href=step_href(Step::Safety) key=Msg::SummarySafety value=safety />
                <SummaryRow href=step_href(Step::Needs) key=Msg::SummaryNeeds value=needs />
                <SummaryRow href=step_href(Step::Note) key=Msg::SummaryNote value=note />
            </dl>
            <RevealButton revealed=revealed reveal=reveal />
            <SubmitPanel state=flow.state on_confirm=confirm label=Msg::ConfirmCallback />
        </FlowFrame>
    }
}
