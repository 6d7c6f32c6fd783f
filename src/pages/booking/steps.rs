//! The booking steps before the check screen, one screen each.

use leptos::prelude::*;

use crate::{
    booking::{DayState, NAME_MAX, Step, calendar, slots_on},
    components::{
        answer_button::AnswerButton,
        contact_fields::{IdNumberField, PhoneField},
        flow_frame::{FlowFrame, STEP_ERROR_ID},
        flow_parts::{ConsentNotice, NeedsChooser, redirect, toggle_need},
        name_keyboard::NameKeyboard,
        notice_page::NoticePage,
    },
    flow::{BOOKING_NOTICE_VERSION, PhoneKind, phone_final},
    i18n::{Msg, fill},
    pages::eligibility::today,
    prefs::{use_prefs, use_t},
};

use super::{
    BOOKING_NEEDS, back, check::CheckStep, day_label, next_step, progress, step_href, time_range,
    use_booking,
};

/// The screen of `step`, or a redirect to the first step still unanswered when
/// the visitor arrived ahead of it (a deep link, a stale history entry).
pub fn step_view(step: Step) -> AnyView {
    let flow = use_booking();
    let first_open = flow
        .draft
        .with_untracked(|d| d.first_problem(today()).map(|(s, _)| s));
    if let Some(first) = first_open
        && first < step
        && !(step <= Step::Time && flow.services.with_untracked(Option::is_none))
    {
        return redirect(step_href(first));
    }
    match step {
        Step::Service => view! { <ServiceStep /> }.into_any(),
        Step::Day => view! { <DayStep /> }.into_any(),
        Step::Time => view! { <TimeStep /> }.into_any(),
        Step::Name => view! { <NameStep /> }.into_any(),
        Step::Phone => view! { <PhoneStep /> }.into_any(),
        Step::IdNumber => view! { <IdStep /> }.into_any(),
        Step::Needs => view! { <NeedsStep /> }.into_any(),
        Step::Consent => view! { <ConsentStep /> }.into_any(),
        Step::Check => view! { <CheckStep /> }.into_any(),
    }
}

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
    let t = use_t();
    view! { <p class="kiosk-flow__loading" role="status">{move || t(Msg::Loading)}</p> }
}

#[component]
fn ServiceStep() -> impl IntoView {
    let flow = use_booking();
    let t = use_t();
    let lang = use_prefs().lang;
    let error = RwSignal::new(None);
    let next = next_step(Step::Service);
    let go = Callback::new(move |()| {
        match flow
            .draft
            .with_untracked(|d| d.check(Step::Service, today()))
        {
            Some(p) => error.set(Some(p.message())),
            None => next.run(()),
        }
    });
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
                                    next.run(());
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="kiosk-question__hint">
                <a href="/booking/lookup" class="kiosk-button kiosk-button--secondary">
                    {move || t(Msg::LookupLink)}
                </a>
            </p>
        }
        .into_any(),
    }
    };
    // Continue only when a service is already chosen (pre-selected from a result).
    let preselected = move || flow.draft.with(|d| d.service.is_some());
    view! {
        <FlowFrame
            heading=Msg::BookingServiceHeading
            progress=progress(Step::Service)
            hint=Msg::BookingServiceHint
            error=error
            on_back=back(Step::Service)
        >
            {list}
            <Show when=preselected>
                <div class="kiosk-question__actions">
                    <button
                        type="button"
                        class="kiosk-button kiosk-button--primary kiosk-button--large"
                        on:click=move |_| go.run(())
                    >
                        {move || t(Msg::Continue)}
                    </button>
                </div>
            </Show>
        </FlowFrame>
    }
}

#[component]
fn DayStep() -> impl IntoView {
    let flow = use_booking();
    let t = use_t();
    let lang = use_prefs().lang;
    let error = RwSignal::new(None);
    let next = next_step(Step::Day);
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
                                        next.run(());
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
        <FlowFrame
            heading=Msg::BookingDayHeading
            progress=progress(Step::Day)
            hint=Msg::BookingDayHint
            error=error
            on_back=back(Step::Day)
        >
            {days}
        </FlowFrame>
    }
}

#[component]
fn TimeStep() -> impl IntoView {
    let flow = use_booking();
    let t = use_t();
    let lang = use_prefs().lang;
    // "This time was just taken" after a refused submission, shown once.
    let error = RwSignal::new(flow.time_notice.get_untracked());
    flow.time_notice.set(None);
    let next = next_step(Step::Time);
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
                                            next.run(());
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
        <FlowFrame
            heading=Msg::BookingTimeHeading
            progress=progress(Step::Time)
            hint=Msg::BookingTimeHint
            error=error
            on_back=back(Step::Time)
        >
            {times}
        </FlowFrame>
    }
}

#[component]
fn NameStep() -> impl IntoView {
    let flow = use_booking();
    let t = use_t();
    let error = RwSignal::new(None);
    let name = RwSignal::new(flow.draft.with_untracked(|d| d.name.clone()));
    // Typing clears an old error; the draft follows the field.
    Effect::new(move |_| {
        let typed = name.get();
        flow.draft.update_untracked(|d| d.name = typed);
        error.set(None);
    });
    let next = next_step(Step::Name);
    let go = Callback::new(move |()| {
        match flow.draft.with_untracked(|d| d.check(Step::Name, today())) {
            Some(p) => error.set(Some(p.message())),
            None => next.run(()),
        }
    });
    view! {
        <FlowFrame
            heading=Msg::BookingNameHeading
            progress=progress(Step::Name)
            hint=Msg::NameHint
            error=error
            on_back=back(Step::Name)
            on_continue=go
        >
            <div class="kiosk-field">
                <label class="kiosk-field__label" for="kiosk-name">{move || t(Msg::NameLabel)}</label>
                <NameKeyboard
                    value=name
                    input_id="kiosk-name"
                    max_len=NAME_MAX
                    described_by=Signal::derive(move || {
                        if error.get().is_some() { STEP_ERROR_ID.to_owned() } else { String::new() }
                    })
                    invalid=Signal::derive(move || error.get().is_some())
                    surnames=true
                />
            </div>
        </FlowFrame>
    }
}

#[component]
fn PhoneStep() -> impl IntoView {
    let flow = use_booking();
    let error = RwSignal::new(None);
    let phone = RwSignal::new(flow.draft.with_untracked(|d| d.phone.clone()));
    Effect::new(move |_| {
        let typed = phone.get();
        flow.draft.update_untracked(|d| d.phone = typed);
    });
    let next = next_step(Step::Phone);
    let go =
        Callback::new(
            move |()| match phone_final(&phone.get_untracked(), PhoneKind::Mobile) {
                Err(msg) => error.set(Some(msg)),
                Ok(_) => next.run(()),
            },
        );
    view! {
        <FlowFrame
            heading=Msg::BookingPhoneHeading
            progress=progress(Step::Phone)
            error=error
            on_back=back(Step::Phone)
            on_continue=go
        >
            <PhoneField value=phone kind=PhoneKind::Mobile error=error />
        </FlowFrame>
    }
}

#[component]
fn IdStep() -> impl IntoView {
    let flow = use_booking();
    let error = RwSignal::new(None);
    let id = RwSignal::new(flow.draft.with_untracked(|d| d.id_number.clone()));
    Effect::new(move |_| {
        let typed = id.get();
        flow.draft.update_untracked(|d| d.id_number = typed);
    });
    let next = next_step(Step::IdNumber);
    let go = Callback::new(move |()| {
        match flow
            .draft
            .with_untracked(|d| d.check(Step::IdNumber, today()))
        {
            Some(p) => error.set(Some(p.message())),
            None => next.run(()),
        }
    });
    view! {
        <FlowFrame
            heading=Msg::BookingIdHeading
            progress=progress(Step::IdNumber)
            hint=Msg::IdWhy
            error=error
            on_back=back(Step::IdNumber)
            on_continue=go
        >
            <IdNumberField value=id error=error />
        </FlowFrame>
    }
}

#[component]
fn NeedsStep() -> impl IntoView {
    let flow = use_booking();
    let error = RwSignal::new(None::<Msg>);
    let next = next_step(Step::Needs);
    view! {
        <FlowFrame
            heading=Msg::BookingNeedsHeading
            progress=progress(Step::Needs)
            hint=Msg::ChooseSeveralHint
            error=error
            on_back=back(Step::Needs)
            on_continue=next
        >
            <NeedsChooser
                offered=&BOOKING_NEEDS
                chosen=Signal::derive(move || flow.draft.with(|d| d.needs.clone()))
                on_toggle=Callback::new(move |need| flow.draft.update(|d| toggle_need(&mut d.needs, need)))
                on_none=Callback::new(move |()| {
                    flow.draft.update(|d| d.needs.clear());
                    next.run(());
                })
            />
        </FlowFrame>
    }
}

#[component]
fn ConsentStep() -> impl IntoView {
    let flow = use_booking();
    let error = RwSignal::new(None);
    let next = next_step(Step::Consent);
    view! {
        <FlowFrame
            heading=Msg::NoticeHeading
            progress=progress(Step::Consent)
            error=error
            on_back=back(Step::Consent)
        >
            <ConsentNotice
                what=Msg::BookingNoticeWhat
                how_long=Msg::BookingNoticeHowLong
                cancel=Msg::BookingNoticeCancel
                version=BOOKING_NOTICE_VERSION
                on_agree=Callback::new(move |()| {
                    flow.draft.update(|d| d.consent = Some(BOOKING_NOTICE_VERSION.to_owned()));
                    next.run(());
                })
                on_decline=Callback::new(move |()| flow.draft.update(|d| d.consent = None))
            />
        </FlowFrame>
    }
}
