//! `/booking/done`: the confirmation, all from the server's answer (masked): the
//! reference in large type, when and where, what to bring, how to cancel, a QR
//! code with only the reference and the lookup path, and a printed receipt.

use kiosk_core::{HOTLINE, api::Appointment};
use leptos::prelude::*;

use crate::{
    api::halls::use_hall,
    components::{
        form::receipt::{ReceiptPage, use_hall_name},
        qr_code::{QrCode, lookup_url},
    },
    screen::{self, Screen},
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs},
};

use super::use_booking;
use crate::text::dates::slot_when;

#[component]
pub fn BookingDonePage() -> impl IntoView {
    let flow = use_booking();
    match flow.done.get_untracked() {
        Some(appointment) => view! { <Receipt appointment=appointment /> }.into_any(),
        None => screen::redirect(Screen::Booking(crate::flows::booking::Step::Service)),
    }
}

#[component]
fn Receipt(appointment: Appointment) -> impl IntoView {
    crate::visit::rating::offer(kiosk_core::rating::Flow::Booking);
    let flow = use_booking();
    let lang = use_prefs().lang;
    let hall = use_hall();
    let service = flow.services.with_untracked(|s| {
        s.as_ref().and_then(|r| r.as_ref().ok()).and_then(|list| {
            list.iter()
                .find(|s| s.id == appointment.service_id)
                .cloned()
        })
    });
    let service_name = service.as_ref().map(|s| s.names.clone());
    let materials = service.map(|s| s.materials).unwrap_or_default();
    let reference = appointment.reference.clone();
    // The hall's public address from kiosk.json if it has one, else this kiosk's.
    let origin = crate::ops::config::config()
        .public_url
        .clone()
        .unwrap_or_else(|| window().location().origin().unwrap_or_default());
    let qr = lookup_url(&origin, &reference);
    let when = {
        let (start, end) = (appointment.slot_start.clone(), appointment.slot_end.clone());
        move || slot_when(&start, &end, lang.get())
    };
    let hall_name = use_hall_name();
    let hall_address = move || {
        hall.get()
            .map(|h| h.address.get(lang.get()).to_owned())
            .unwrap_or_default()
    };
    let qr_label = {
        let reference = reference.clone();
        Signal::derive(move || {
            fill(
                Msg::QrLabelTemplate.text(lang.get()),
                &[("reference", &reference)],
            )
        })
    };
    view! {
        <ReceiptPage
            heading=Msg::BookingDoneHeading
            intro=Msg::BookingDoneIntro
            title=Msg::ReceiptTitle
            reference=reference.clone()
        >
                <dl class="kiosk-receipt__details">
                    <dt>{tr(Msg::SummaryService)}</dt>
                    <dd>
                        {move || {
                            service_name.as_ref().map(|n| n.get(lang.get()).to_owned()).unwrap_or_default()
                        }}
                    </dd>
                    <dt>{tr(Msg::SummaryWhen)}</dt>
                    <dd>{when}</dd>
                    <dt>{tr(Msg::SummaryWhere)}</dt>
                    <dd>{hall_name} <br /> {hall_address}</dd>
                    <dt>{tr(Msg::SummaryName)}</dt>
                    <dd>{appointment.name_masked.clone()}</dd>
                    <dt>{tr(Msg::SummaryPhone)}</dt>
                    <dd>{appointment.phone_masked.clone()}</dd>
                </dl>
                {(!materials.is_empty())
                    .then(|| {
                        view! {
                            <h3 class="kiosk-receipt__subheading">{tr(Msg::MaterialsHeading)}</h3>
                            <ul class="kiosk-receipt__materials">
                                {materials
                                    .into_iter()
                                    .map(|m| view! { <li>{move || m.get(lang.get()).to_owned()}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <h3 class="kiosk-receipt__subheading">{tr(Msg::HowToCancelHeading)}</h3>
                <p>{move || fill(Msg::HowToCancel.text(lang.get()), &[("hotline", HOTLINE)])}</p>
                <div class="kiosk-receipt__qr">
                    <QrCode data=qr label=qr_label />
                    <p>{tr(Msg::QrCaption)}</p>
                </div>
        </ReceiptPage>
    }
}
