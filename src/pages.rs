//! One screen per file; [`Screens`] shows the one [`Screen`] names, inside the
//! layout of its flow when it has one.

pub mod accessibility;
pub mod attract;
pub mod booking;
pub mod callback;
pub mod eligibility;
pub mod home;
pub mod not_found;
pub mod rating;
pub mod staff;
pub mod steps;

use leptos::prelude::*;

use crate::screen::{Flow, Screen, use_screen};

/// The screen being shown. A flow's layout stays while its screens change, so
/// what the visitor entered lives exactly as long as they are in the flow.
#[component]
pub fn Screens() -> impl IntoView {
    let screen = use_screen();
    let flow = Memo::new(move |_| screen.get().and_then(Screen::flow));
    move || match flow.get() {
        Some(Flow::Booking) => view! { <booking::BookingLayout /> }.into_any(),
        Some(Flow::Callback) => view! { <callback::CallbackLayout /> }.into_any(),
        Some(Flow::SelfCheck) => view! { <eligibility::EligibilityLayout /> }.into_any(),
        None => view! { <Single /> }.into_any(),
    }
}

/// A screen of no flow.
#[component]
fn Single() -> impl IntoView {
    let screen = use_screen();
    move || match screen.get() {
        Some(Screen::Home) => view! { <home::HomePage /> }.into_any(),
        Some(Screen::Attract) => view! { <attract::AttractPage /> }.into_any(),
        Some(Screen::Staff) => view! { <staff::StaffPage /> }.into_any(),
        Some(Screen::Accessibility) => view! { <accessibility::AccessibilityPage /> }.into_any(),
        Some(Screen::Rating) => view! { <rating::RatingPage /> }.into_any(),
        None => view! { <not_found::NotFoundPage /> }.into_any(),
        // A flow's screen: its layout shows it.
        Some(_) => ().into_any(),
    }
}
