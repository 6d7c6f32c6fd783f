//! The booking steps before the check screen, one screen each; the phone, the
//! needs and the notice are the steps every flow shares.

use kiosk_core::rules::{NAME_MAX, PhoneKind};
use leptos::prelude::*;

use crate::{
    components::{
        answer_button::AnswerButton,
        field::Field,
        form::{
            fields::IdNumberField,
            frame::FlowFrame,
            wizard::{StepNav, arrive_at, step_nav},
        },
        notice_page::NoticePage,
    },
    device::clock::today,
    flows::booking::{DayState, Draft, NOTICE_VERSION, Step, calendar, slots_on},
    pages::steps::{ConsentStep, NeedsStep, Notice, PhoneStep, TextLine, TextStep},
    screen::Screen,
    text::{
        Msg,
        dates::{day_label, time_range},
        fill,
    },
    visit::prefs::{tr, use_prefs, use_t},
};

use super::{BOOKING_NEEDS, check::CheckStep, use_booking};

/// The screen of `step`, or a redirect to the first step still unanswered when
/// the visitor arrived ahead of it (a deep link, a stale history entry).
pub fn step_view(step: Step) -> AnyView {
    let flow = use_booking();
    let draft = flow.draft;
    // The first three steps wait for the services on a deep link (a service
    // chosen from a self-check result is filled in when they come).
    let loading = step <= Step::Time && flow.services.with_untracked(Option::is_none);
    if !loading && let Some(redirect) = arrive_at(draft, step) {
        return redirect;
    }
    let nav = step_nav(draft, step);
    match step {
        Step::Service => view! { <ServiceStep nav /> }.into_any(),
        Step::Day => view! { <DayStep nav /> }.into_any(),
        Step::Time => view! { <TimeStep nav /> }.into_any(),
        Step::Name => view! {
            <TextStep nav line=NAME text=Field::of(draft, |d: &Draft| &d.name, |d| &mut d.name) />
        }
        .into_any(),
        Step::Phone => view! {
            <PhoneStep
                heading=Msg::BookingPhoneHeading
                nav
                kind=PhoneKind::BOOKING
                phone=Field::of(draft, |d: &Draft| &d.phone, |d| &mut d.phone)
            />
        }
        .into_any(),
        Step::IdNumber => view! { <IdStep nav /> }.into_any(),
        Step::Needs => view! {
            <NeedsStep
                heading=Msg::BookingNeedsHeading
                nav
                offered=&BOOKING_NEEDS
                needs=Field::of(draft, |d: &Draft| &d.needs, |d| &mut d.needs)
            />
        }
        .into_any(),
        Step::Consent => view! {
            <ConsentStep
                nav
                notice=NOTICE
                consent=Field::of(draft, |d: &Draft| &d.consent, |d| &mut d.consent)
            />
        }
        .into_any(),
        Step::Check => view! { <CheckStep nav /> }.into_any(),
    }
}

/// The visitor's name: required; a surname may do.
const NAME: TextLine = TextLine {
    heading: Msg::BookingNameHeading,
    hint: Msg::NameHint,
    label: Msg::NameLabel,
    input_id: "kiosk-name",
    max_len: NAME_MAX,
    surnames: true,
    optional: false,
};

const NOTICE: Notice = Notice {
    what: Msg::BookingNoticeWhat,
    how_long: Msg::BookingNoticeHowLong,
    cancel: Msg::BookingNoticeCancel,
    version: NOTICE_VERSION,
};

/// Shown instead of a step when the server cannot be reached.
#[component]
fn Unavailable() -> impl IntoView {
    view! {
        <NoticePage
            heading=Msg::BookingUnavailableHeading
            paragraphs=vec![Msg::BookingUnavailableBody, Msg::AskStaffOrHotline]
        />
    }
}

#[component]
fn Loading() -> impl IntoView {
    view! { <p class="kiosk-flow__loading" role="status">{tr(Msg::Loading)}</p> }
}

#[component]
fn ServiceStep(nav: StepNav) -> impl IntoView {
    let flow = use_booking();
    let lang = use_prefs().lang;
    let list = move || {
        match flow.services.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(_)) => view! { <Unavailable /> }.into_any(),
        Some(Ok(services)) => view! {
            <ul class="kiosk-answers kiosk-answers--services">
                {services
                    .into_iter()
                    .map(|s| {
                        let id = s.id.clone();
                        let chosen = Signal::derive(move || {
                            flow.draft.with(|d| d.service.as_ref().is_some_and(|c| c.id == id))
                        });
                        let name = s.names.clone();
                        let description = s.descriptions.clone();
                        let service = StoredValue::new(s);
                        view! {
                            <AnswerButton
                                label=Signal::derive(move || name.get(lang.get()).to_owned())
                                description=Signal::derive(move || description.get(lang.get()).to_owned())
                                chosen=chosen
                                on_choose=move || {
                                    flow.draft.update(|d| d.choose_service(service.get_value()));
                                    nav.go.run(());
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="kiosk-question__hint">
                <a href=Screen::BookingLookup.path() class="kiosk-button kiosk-button--secondary">
                    {tr(Msg::LookupLink)}
                </a>
            </p>
        }
        .into_any(),
    }
    };
    // Continue only when a service is already chosen (pre-selected from a result).
    let preselected = move || flow.draft.with(|d| d.service.is_some());
    view! {
        <FlowFrame heading=Msg::BookingServiceHeading nav=nav hint=Msg::BookingServiceHint with_continue=true show_continue=Signal::derive(preselected)>
            {list}
        </FlowFrame>
    }
}

#[component]
fn DayStep(nav: StepNav) -> impl IntoView {
    let flow = use_booking();
    let t = use_t();
    let lang = use_prefs().lang;
    let error = nav.error;
    let days = move || {
        match flow.slots.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(_)) => view! { <Unavailable /> }.into_any(),
        Some(Ok(slots)) => view! {
            <ul class="kiosk-answers kiosk-answers--days">
                {calendar(today(), &slots)
                    .into_iter()
                    .map(|day| {
                        let date = day.date;
                        let open = matches!(day.state, DayState::Open { .. });
                        let state = day.state.clone();
                        let state_text = move || match &state {
                            DayState::Closed => t(Msg::DayClosed).to_owned(),
                            DayState::Full => t(Msg::DayFull).to_owned(),
                            DayState::Open { free_slots } => fill(
                                Msg::DayOpenTemplate.text(lang.get()),
                                &[("n", &free_slots.to_string())],
                            ),
                        };
                        let chosen = Signal::derive(move || flow.draft.with(|d| d.day == Some(date)));
                        let unavailable = if open { None } else { Some(day.state.clone()) };
                        view! {
                            <AnswerButton
                                label=Signal::derive(move || day_label(date, lang.get()))
                                description=Signal::derive(state_text)
                                chosen=chosen
                                unavailable=!open
                                on_choose=move || match &unavailable {
                                    None => {
                                        flow.draft.update(|d| d.choose_day(date));
                                        nav.go.run(());
                                    }
                                    Some(DayState::Full) => error.set(Some(Msg::DayFullChooseAnother)),
                                    Some(_) => error.set(Some(Msg::DayClosedChooseAnother)),
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
    };
    view! {
        <FlowFrame heading=Msg::BookingDayHeading nav=nav hint=Msg::BookingDayHint>
            {days}
        </FlowFrame>
    }
}

#[component]
fn TimeStep(nav: StepNav) -> impl IntoView {
    let flow = use_booking();
    let t = use_t();
    let lang = use_prefs().lang;
    // "This time was just taken" after a refused submission, shown once.
    let error = nav.error;
    error.set(flow.time_notice.get_untracked());
    flow.time_notice.set(None);
    let times = move || {
        let Some(date) = flow.draft.with(|d| d.day) else {
            return ().into_any();
        };
        match flow.slots.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(_)) => view! { <Unavailable /> }.into_any(),
            Some(Ok(slots)) => view! {
                <p class="kiosk-question__hint">{move || day_label(date, lang.get())}</p>
                <ul class="kiosk-answers kiosk-answers--times">
                    {slots_on(date, &slots)
                        .into_iter()
                        .map(|slot| {
                            let range = time_range(&slot.start, &slot.end);
                            let remaining = slot.remaining;
                            let start = slot.start.clone();
                            let chosen = Signal::derive(move || {
                                flow.draft.with(|d| d.slot.as_ref().is_some_and(|s| s.start == start))
                            });
                            let slot = StoredValue::new(slot);
                            let state_text = move || {
                                if remaining == 0 {
                                    t(Msg::SlotFull).to_owned()
                                } else {
                                    fill(
                                        Msg::SlotRemainingTemplate.text(lang.get()),
                                        &[("n", &remaining.to_string())],
                                    )
                                }
                            };
                            view! {
                                <AnswerButton
                                    label=range.clone()
                                    description=Signal::derive(state_text)
                                    chosen=chosen
                                    unavailable=remaining == 0
                                    on_choose=move || {
                                        if remaining == 0 {
                                            error.set(Some(Msg::SlotFullChooseAnother));
                                        } else {
                                            flow.draft.update(|d| d.slot = Some(slot.get_value()));
                                            nav.go.run(());
                                        }
                                    }
                                />
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <FlowFrame heading=Msg::BookingTimeHeading nav=nav hint=Msg::BookingTimeHint>
            {times}
        </FlowFrame>
    }
}

#[component]
fn IdStep(nav: StepNav) -> impl IntoView {
    let draft = use_booking().draft;
    view! {
        <FlowFrame heading=Msg::BookingIdHeading nav=nav hint=Msg::IdWhy with_continue=true>
            <IdNumberField
                value=Field::of(draft, |d: &Draft| &d.id_number, |d| &mut d.id_number)
                error=nav.error
            />
        </FlowFrame>
    }
}
