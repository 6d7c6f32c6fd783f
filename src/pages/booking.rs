//! `/booking/…`: booking an appointment at the hall. The layout holds the draft,
//! the services and the chosen service's slots in memory for this visit only
//! (never in storage, the URL or history state); one screen per step, then the
//! confirmation, and the screen to look up or cancel a booking.

pub mod check;
pub mod done;
pub mod lookup;
pub mod steps;

use kiosk_core::api::{Appointment, AppointmentRequest, Need, Service, Slot};
use leptos::prelude::*;

use crate::{
    api::{
        self, ApiError,
        halls::use_hall,
        submit::{Submission, SubmitState},
    },
    components::form::wizard::FlowScreens,
    device::clock::today,
    flows::booking::{DAYS_AHEAD, Draft, Step},
    screen::{self, Screen, use_screen},
    text::Msg,
};

impl FlowScreens for Draft {
    fn screen(step: Step) -> Screen {
        Screen::Booking(step)
    }
    const LEAVE: Screen = Screen::Home;
    const REVIEW: Screen = Screen::Booking(Step::Check);
}

/// Everything the booking screens share for this visit.
#[derive(Clone, Copy)]
pub struct BookingFlow {
    pub draft: RwSignal<Draft>,
    /// The hall's services (`None` while loading).
    pub services: RwSignal<Option<Result<Vec<Service>, ApiError>>>,
    /// The chosen service's slots for the next 14 days (`None` while loading).
    pub slots: RwSignal<Option<Result<Vec<Slot>, ApiError>>>,
    pub submission: StoredValue<Submission<AppointmentRequest>>,
    pub state: RwSignal<SubmitState>,
    /// The booking the server confirmed, for the confirmation screen.
    pub done: RwSignal<Option<Appointment>>,
    /// A message for the time screen (the chosen time was just taken).
    pub time_notice: RwSignal<Option<Msg>>,
}

pub fn use_booking() -> BookingFlow {
    expect_context::<BookingFlow>()
}

impl BookingFlow {
    /// Fetches the chosen service's slots afresh.
    pub fn reload_slots(self, hall_id: String) {
        let Some(service) = self.draft.with_untracked(|d| d.service.clone()) else {
            return;
        };
        self.slots.set(None);
        leptos::task::spawn_local(async move {
            let fresh = api::halls::slots(&hall_id, &service.id, today(), DAYS_AHEAD).await;
            // Only if the visitor still wants this service.
            if self
                .draft
                .try_with_untracked(|d| d.service.as_ref().map(|s| s.id == service.id))
                .flatten()
                == Some(true)
            {
                self.slots.try_set(Some(fresh));
            }
        });
    }
}

/// Holds the booking while the visitor is in it; leaving it (home, finish and
/// clear) drops everything.
#[component]
pub fn BookingLayout() -> impl IntoView {
    let flow = BookingFlow {
        draft: RwSignal::new(Draft::default()),
        services: RwSignal::new(None),
        slots: RwSignal::new(None),
        submission: StoredValue::new(Submission::default()),
        state: RwSignal::new(SubmitState::Ready),
        done: RwSignal::new(None),
        time_notice: RwSignal::new(None),
    };
    provide_context(flow);
    // Arriving from a self-check result pre-selects the service it suggested.
    let wanted = screen::entry_param("service");
    leptos::task::spawn_local(async move {
        let services = api::services::list().await;
        if let (Ok(list), Some(id)) = (&services, wanted.as_deref())
            && let Some(s) = list.iter().find(|s| s.id == id)
        {
            flow.draft.try_update(|d| d.choose_service(s.clone()));
        }
        flow.services.try_set(Some(services));
    });
    // Slots follow the chosen service.
    let hall = use_hall();
    Effect::new(move |previous: Option<Option<String>>| {
        let service = flow
            .draft
            .with(|d| d.service.as_ref().map(|s| s.id.clone()));
        let hall_id = hall.with(|h| h.as_ref().map(|h| h.id.clone()));
        if let Some(hall_id) = hall_id
            && service.is_some()
            && previous.as_ref() != Some(&service)
        {
            flow.reload_slots(hall_id);
            return service;
        }
        previous.flatten()
    });
    let screen = use_screen();
    move || match screen.get() {
        Some(Screen::Booking(step)) => steps::step_view(step),
        Some(Screen::BookingDone) => view! { <done::BookingDonePage /> }.into_any(),
        Some(Screen::BookingLookup) => view! { <lookup::BookingLookupPage /> }.into_any(),
        _ => ().into_any(),
    }
}

/// The needs offered at the hall.
pub const BOOKING_NEEDS: [Need; 6] = [
    Need::Wheelchair,
    Need::SignLanguage,
    Need::Interpreter,
    Need::LargePrint,
    Need::HomeVisit,
    Need::Other,
];
