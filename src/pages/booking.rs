//! `/booking/…`: booking an appointment at the hall. The layout holds the draft,
//! the services and the chosen service's slots in memory for this visit only
//! (never in storage, the URL or history state); one screen per step, then the
//! confirmation, and the screen to look up or cancel a booking.

pub mod check;
pub mod done;
pub mod lookup;
pub mod steps;

use kiosk_core::{
    Lang,
    api::{Appointment, AppointmentRequest, Need, Service, Slot},
    date::Date,
    hall_time::HallTime,
};
use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    components::Outlet,
    hooks::{use_navigate, use_params_map, use_query_map},
};

use crate::{
    api::{self, ApiError, halls::use_hall},
    booking::{DAYS_AHEAD, Draft, Step},
    flow::{Submission, SubmitState},
    i18n::Msg,
    pages::{eligibility::today, not_found::NotFoundPage},
};

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

/// Where a step lives.
pub fn step_href(step: Step) -> String {
    match step {
        Step::Service => "/booking".to_owned(),
        other => format!("/booking/{}", other.slug()),
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
    let wanted = use_query_map().with_untracked(|q| q.get("service"));
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
    view! { <Outlet /> }
}

/// `/booking` and `/booking/{step}`.
#[component]
pub fn BookingStepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| match params.read().get("step") {
        None => Some(Step::Service),
        Some(slug) => Step::from_slug(&slug),
    });
    move || match step.get() {
        Some(s) => steps::step_view(s),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Moves the visitor on from `step`: to the next step, or, when an earlier step
/// still needs an answer, to that one; once everything is answered (a change made
/// from the check screen), straight back to the check screen.
pub fn next_step(step: Step) -> Callback<()> {
    let flow = use_booking();
    let navigate = use_navigate();
    Callback::new(move |()| {
        let target = flow
            .draft
            .with_untracked(|d| match d.first_problem(today()) {
                Some((first, _)) if first > step => d.next(step).unwrap_or(first),
                Some((first, _)) => first,
                None => Step::Check,
            });
        navigate(&step_href(target), NavigateOptions::default());
    })
}

/// The step's position in this visitor's flow, for "step k of n".
pub fn progress(step: Step) -> Signal<(usize, usize)> {
    let flow = use_booking();
    Signal::derive(move || {
        flow.draft.with(|d| {
            let steps = d.steps();
            let k = steps.iter().position(|s| *s == step).unwrap_or(0) + 1;
            (k, steps.len())
        })
    })
}

/// Back: the previous step, or home from the first.
pub fn back(step: Step) -> Callback<()> {
    let flow = use_booking();
    let navigate = use_navigate();
    Callback::new(move |()| {
        let target = flow
            .draft
            .with_untracked(|d| d.previous(step))
            .map_or_else(|| "/".to_owned(), step_href);
        navigate(&target, NavigateOptions::default());
    })
}

/// "星期二 12月1日" / "Tuesday 1 December".
pub fn day_label(date: Date, lang: Lang) -> String {
    const ZH: [&str; 7] = [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let w = usize::from(date.weekday().clamp(1, 7) - 1);
    match lang {
        Lang::ZhCn => format!("{}月{}日 {}", date.month(), date.day(), ZH[w]),
        Lang::En => format!(
            "{} {} {}",
            kiosk_core::date::WEEKDAYS_EN[w],
            date.day(),
            MONTHS[usize::from(date.month().clamp(1, 12) - 1)]
        ),
    }
}

/// "09:00–09:30" from a slot's RFC 3339 times.
pub fn time_range(start: &str, end: &str) -> String {
    let clock = |s: &str| HallTime::parse_rfc3339(s).map_or_else(String::new, HallTime::clock);
    format!("{}–{}", clock(start), clock(end))
}

/// The day and time of a slot in words: "12月1日 星期二 09:00–09:30".
pub fn slot_when(start: &str, end: &str, lang: Lang) -> String {
    HallTime::parse_rfc3339(start).map_or_else(String::new, |s| {
        format!("{} {}", day_label(s.date(), lang), time_range(start, end))
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_read_naturally() {
        let d = Date::new(2026, 12, 1).unwrap();
        assert_eq!(day_label(d, Lang::ZhCn), "12月1日 星期二");
        assert_eq!(day_label(d, Lang::En), "Tuesday 1 December");
        assert_eq!(
            slot_when(
                "2026-12-01T09:00:00+08:00",
                "2026-12-01T09:30:00+08:00",
                Lang::ZhCn
            ),
            "12月1日 星期二 09:00–09:30"
        );
    }
}
