//! The home screen: what the kiosk can do, as four large tiles.

use leptos::prelude::*;

use crate::{
    components::{focus_heading::FocusHeading, icon::Icon, tile::Tile},
    ops::use_ops,
    text::Msg,
    visit::prefs::use_t,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_t();
    let ops = use_ops();
    let offline = Signal::derive(move || !ops.online.get());
    // Capacity lives at the central server; callbacks can be held by the edge.
    let no_booking = Signal::derive(move || !ops.online.get() || ops.central_down());
    view! {
        <section class="kiosk-home">
            <FocusHeading text=Msg::HomeHeading no_focus=true />
            <p class="kiosk-home__intro">{move || t(Msg::HomeIntro)}</p>
            <ul class="kiosk-tiles">
                <Tile
                    href="/eligibility"
                    title=Msg::TileEligibility
                    hint=Msg::TileEligibilityHint
                    icon=Icon::Scales
                />
                <Tile
                    href="/booking"
                    unavailable=no_booking
                    title=Msg::TileBooking
                    hint=Msg::TileBookingHint
                    icon=Icon::Calendar
                />
                <Tile
                    href="/callback"
                    unavailable=offline
                    title=Msg::TileCallback
                    hint=Msg::TileCallbackHint
                    icon=Icon::Phone
                />
                <Tile
                    href="/accessibility"
                    title=Msg::TileAccessibility
                    hint=Msg::TileAccessibilityHint
                    icon=Icon::Person
                />
            </ul>
        </section>
    }
}
