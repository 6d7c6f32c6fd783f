//! `/booking/done`: the confirmation, all from the server's answer (masked): the
//! reference in large type, when and where, what to bring, how to cancel, a QR
//! code with only the reference and the lookup path, and a printed receipt.

use kiosk_core::{HOTLINE, api::Appointment};
use leptos::prelude::*;

use crate::{
    api::halls::use_hall,
    components::{
        flow_parts::{ReceiptActions, redirect},
        focus_heading::FocusHeading,
        qr_code::{QrCode, lookup_url},
    },
    i18n::{Msg, fill},
    prefs::{use_prefs, use_t},
};

use super::{slot_when, use_booking};

#[component]
pub fn BookingDonePage() -> impl IntoView {
    let flow = use_booking();
    match flow.done.get_untracked() {
        Some(appointment) => view! { <Receipt appointment=appointment /> }.into_any(),
        None => redirect("/booking".to_owned()),
    }
}

#[component]
fn Receipt(appointment: Appointment) -> impl IntoView {
    crate::rating::offer(kiosk_core::rating::Flow::Booking);
    let flow = use_booking();
    let t = use_t();
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
    let origin = crate::config::config()
        .public_url
        .clone()
        .unwrap_or_else(|| window().location().origin().unwrap_or_default());
    let qr = lookup_url(&origin, &reference);
    let when = {
        let (start, end) = (appointment.slot_start.clone(), appointment.slot_end.clone());
        move || slot_when(&start, &end, lang.get())
    };
    let hall_name = move || {
        hall.get()
            .map(|h| h.names.get(lang.get()).to_owned())
            .unwrap_or_else(|| t(Msg::HallFallbackName).to_owned())
    };
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
        <section class="kiosk-done">
            <FocusHeading text=Msg::BookingDoneHeading />
            <p class="kiosk-notice__text">{move || t(Msg::BookingDoneIntro)}</p>
            <article class="kiosk-receipt" aria-labelledby="kiosk-receipt-title">
                <p class="kiosk-receipt__hall">{hall_name}</p>
                <h2 id="kiosk-receipt-title" class="kiosk-receipt__title">
                    {move || t(Msg::ReceiptTitle)}
                </h2>
                <p class="kiosk-receipt__reference-label">{move || t(Msg::ReferenceLabel)}</p>
                <p class="kiosk-receipt__reference" data-testid="reference">{reference.clone()}</p>
                <dl class="kiosk-receipt__details">
                    <dt>{move || t(Msg::SummaryService)}</dt>
                    <dd>
                        {move || {
                            service_name.as_ref().map(|n| n.get(lang.get()).to_owned()).unwrap_or_default()
                        }}
                    </dd>
                    <dt>{move || t(Msg::SummaryWhen)}</dt>
                    <dd>{when}</dd>
                    <dt>{move || t(Msg::SummaryWhere)}</dt>
                    <dd>{hall_name} <br /> {hall_address}</dd>
                    <dt>{move || t(Msg::SummaryName)}</dt>
                    <dd>{appointment.name_masked.clone()}</dd>
                    <dt>{move || t(Msg::SummaryPhone)}</dt>
                    <dd>{appointment.phone_masked.clone()}</dd>
                </dl>
                {(!materials.is_empty())
                    .then(|| {
                        view! {
                            <h3 class="kiosk-receipt__subheading">{move || t(Msg::MaterialsHeading)}</h3>
                            <ul class="kiosk-receipt__materials">
                                {materials
                                    .into_iter()
                                    .map(|m| view! { <li>{move || m.get(lang.get()).to_owned()}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <h3 class="kiosk-receipt__subheading">{move || t(Msg::HowToCancelHeading)}</h3>
                <p>{move || fill(Msg::HowToCancel.text(lang.get()), &[("hotline", HOTLINE)])}</p>
                <div class="kiosk-receipt__qr">
                    <QrCode data=qr label=qr_label />
                    <p>{move || t(Msg::QrCaption)}</p>
                </div>
                <p class="kiosk-receipt__hotline">
                    {move || t(Msg::HotlineLabel)} " " <strong>{HOTLINE}</strong>
                </p>
            </article>
            <ReceiptActions />
        </section>
    }
}
