//! The home screen: what the kiosk can do, as four large tiles.

use leptos::prelude::*;

use crate::{
    components::{focus_heading::FocusHeading, icon::Icon, tile::Tile},
    flows::{booking, callback},
    ops::use_ops,
    screen::Screen,
    text::Msg,
    visit::prefs::tr,
};

#[component]
pub fn HomePage() -> impl IntoView {
    let ops = use_ops();
    let offline = Signal::derive(move || !ops.online.get());
    // Capacity lives at the central server; callbacks can be held by the edge.
    let no_booking = Signal::derive(move || !ops.online.get() || ops.central_down());
    view! {
        <section class="kiosk-home">
            <FocusHeading text=Msg::HomeHeading no_focus=true />
            <p class="kiosk-home__intro">{tr(Msg::HomeIntro)}</p>
            <ul class="kiosk-tiles">
                <Tile
                    to=Screen::SelfCheckIntro
                    title=Msg::TileEligibility
                    hint=Msg::TileEligibilityHint
                    icon=Icon::Scales
                />
                <Tile
                    to=Screen::Booking(booking::Step::Service)
                    unavailable=no_booking
                    title=Msg::TileBooking
                    hint=Msg::TileBookingHint
                    icon=Icon::Calendar
                />
                <Tile
                    to=Screen::Callback(callback::Step::Topic)
                    unavailable=offline
                    title=Msg::TileCallback
                    hint=Msg::TileCallbackHint
                    icon=Icon::Phone
                />
                <Tile
                    to=Screen::Accessibility
                    title=Msg::TileAccessibility
                    hint=Msg::TileAccessibilityHint
                    icon=Icon::Person
                />
            </ul>
        </section>
    }
}
