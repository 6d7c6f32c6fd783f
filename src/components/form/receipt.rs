//! A confirmation with its receipt, and under it: print it, and finish (which
//! clears the visit).

use kiosk_core::HOTLINE;
use leptos::prelude::*;

use crate::{
    api::halls::use_hall,
    components::focus_heading::FocusHeading,
    text::Msg,
    visit::{
        finish_visit,
        prefs::{tr, use_prefs, use_t},
    },
};

/// The hall's name in the display language (a fallback until the server said).
pub fn use_hall_name() -> Signal<String> {
    let t = use_t();
    let lang = use_prefs().lang;
    let hall = use_hall();
    Signal::derive(move || {
        hall.with(|h| h.as_ref().map(|h| h.names.get(lang.get()).to_owned()))
            .unwrap_or_else(|| t(Msg::HallFallbackName).to_owned())
    })
}

/// A confirmation: its heading, a line under it, the part that is printed (the
/// hall, the receipt's title, the reference in large type, the details given
/// as `children`, the hotline), then Print and Finish.
#[component]
pub fn ReceiptPage(
    #[prop(into)] heading: Signal<Msg>,
    #[prop(default = None, into)] intro: Option<Msg>,
    title: Msg,
    reference: String,
    children: Children,
) -> impl IntoView {
    let hall_name = use_hall_name();
    view! {
        <section class="kiosk-done">
            <FocusHeading text=heading />
            {intro.map(|i| view! { <p class="kiosk-notice__text">{tr(i)}</p> })}
            <article class="kiosk-receipt" aria-labelledby="kiosk-receipt-title">
                <p class="kiosk-receipt__hall">{hall_name}</p>
                <h2 id="kiosk-receipt-title" class="kiosk-receipt__title">{tr(title)}</h2>
                <p class="kiosk-receipt__reference-label">{tr(Msg::ReferenceLabel)}</p>
                <p class="kiosk-receipt__reference" data-testid="reference">{reference}</p>
                {children()}
                <p class="kiosk-receipt__hotline">
                    {tr(Msg::HotlineLabel)} " " <strong>{HOTLINE}</strong>
                </p>
            </article>
            <ReceiptActions />
        </section>
    }
}

/// Prints the page; the print stylesheet shows only the receipt, sized for 80 mm
/// thermal paper.
pub fn print_receipt() {
    // A kiosk without a printer shows the browser's own message; nothing to add.
    let _ = window().print();
}

/// Print, and finish (which clears the visit), under a receipt.
#[component]
pub fn ReceiptActions() -> impl IntoView {
    view! {
        <div class="kiosk-question__actions kiosk-done__actions kiosk-keep-in-view">
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large"
                on:click=move |_| print_receipt()
            >
                {tr(Msg::PrintReceipt)}
            </button>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-button--large"
                on:click=move |_| finish_visit()
            >
                {tr(Msg::FinishAndClear)}
            </button>
        </div>
    }
}
