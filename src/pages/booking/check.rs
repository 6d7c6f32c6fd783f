//! `/booking/check`: every answer with a Change link, then confirm. Personal data
//! is masked here too, with a ten-second reveal so the visitor can check it.

use kiosk_core::{
    api::Appointment,
    mask::{mask_id_number, mask_name, mask_phone},
};
use leptos::prelude::*;

use crate::{
    api::submit::SubmitState,
    components::form::{
        frame::FlowFrame,
        submit::{SubmitPanel, run_submission},
        summary::{RevealButton, SummaryRow, shown_or_masked, use_reveal},
        wizard::{StepNav, at},
    },
    flows::booking::{Draft, Step},
    screen::{self, Screen},
    text::{
        Msg,
        dates::slot_when,
        labels::{needs_text, problem_message},
    },
    visit::prefs::use_prefs,
};

use super::use_booking;

#[component]
pub fn CheckStep(nav: StepNav) -> impl IntoView {
    let flow = use_booking();
    let lang = use_prefs().lang;
    let hall = crate::api::halls::use_hall();
    let (revealed, reveal) = use_reveal();
    let error = nav.error;

    let d = flow.draft;
    let service = Signal::derive(move || {
        d.with(|d| {
            d.service
                .as_ref()
                .map(|s| s.names.get(lang.get()).to_owned())
                .unwrap_or_default()
        })
    });
    let when = Signal::derive(move || {
        d.with(|d| {
            d.slot
                .as_ref()
                .map(|s| slot_when(&s.start, &s.end, lang.get()))
                .unwrap_or_default()
        })
    });
    let name = shown_or_masked(d, revealed, |d: &Draft| &d.name, mask_name);
    let phone = shown_or_masked(d, revealed, |d: &Draft| &d.phone, mask_phone);
    let id = shown_or_masked(d, revealed, |d: &Draft| &d.id_number, mask_id_number);
    let needs = Signal::derive(move || d.with(|d| needs_text(&d.needs, lang.get())));
    let needs_id = move || d.with(|d| d.needs_id());

    let confirm = Callback::new(move |()| {
        let request = d.with_untracked(|d| {
            d.request(
                &hall.get_untracked().map(|h| h.id).unwrap_or_default(),
                lang.get_untracked(),
                Some(crate::ops::config::config().kiosk_id.clone()),
                &at(),
            )
        });
        let Some(request) = request else {
            error.set(Some(Msg::BookingIncomplete));
            return;
        };
        let hall_id = request.hall_id.clone();
        run_submission(
            "/appointments",
            request,
            flow.submission,
            flow.state,
            move |appointment: Appointment| {
                flow.done.try_set(Some(appointment));
                // The draft has done its job: forget the personal data now.
                flow.draft.try_update(|d| {
                    let service = d.service.take();
                    *d = Default::default();
                    d.service = service;
                });
                screen::replace(Screen::BookingDone);
            },
            move |problem| {
                let reason = problem_message(&problem);
                let taken = matches!(reason, Msg::SlotTaken | Msg::SlotGone);
                if taken {
                    // Back to the times with fresh data; the rest of the draft stays.
                    flow.draft.try_update(|d| d.slot = None);
                    flow.time_notice.try_set(Some(reason));
                    flow.state.try_set(SubmitState::Ready);
                    flow.reload_slots(hall_id);
                    screen::go(Screen::Booking(Step::Time));
                }
            },
        );
    });

    view! {
        <FlowFrame heading=Msg::CheckBookingHeading nav=nav hint=Msg::CheckBookingHint>
            <dl class="kiosk-summary">
                <SummaryRow change=Screen::Booking(Step::Service) key=Msg::SummaryService value=service />
                <SummaryRow change=Screen::Booking(Step::Time) key=Msg::SummaryWhen value=when />
                <SummaryRow change=Screen::Booking(Step::Name) key=Msg::SummaryName value=name />
                <SummaryRow change=Screen::Booking(Step::Phone) key=Msg::SummaryPhone value=phone />
                <Show when=needs_id><SummaryRow change=Screen::Booking(Step::IdNumber) key=Msg::SummaryId value=id /></Show>
                <SummaryRow change=Screen::Booking(Step::Needs) key=Msg::SummaryNeeds value=needs />
            </dl>
            <RevealButton revealed=revealed reveal=reveal />
            <SubmitPanel state=flow.state on_confirm=confirm label=Msg::ConfirmBooking />
        </FlowFrame>
    }
}
