//! `/callback/…`: asking the 12348 hotline to call back. The layout holds the
//! draft in memory for this visit only; one screen per step, the check screen,
//! then the confirmation from the server's answer.

pub mod check;
pub mod done;

use kiosk_core::{
    Lang,
    api::{CallbackReceipt, CallbackRequest, Period, Topic},
    date::Date,
};
use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    components::Outlet,
    hooks::{use_navigate, use_params_map, use_query_map},
};

use crate::{
    booking::NAME_MAX,
    callback::{CALL_DAYS_AHEAD, CALL_NEEDS, Draft, NOTE_MAX, Step, When},
    components::{
        answer_button::AnswerButton,
        contact_fields::PhoneField,
        flow_frame::{FlowFrame, STEP_ERROR_ID},
        flow_parts::{ConsentNotice, NeedsChooser, redirect, toggle_need},
        name_keyboard::NameKeyboard,
    },
    flow::{CALLBACK_NOTICE_VERSION, PhoneKind, Submission, SubmitState, phone_final},
    i18n::Msg,
    pages::{booking::day_label, eligibility::today, not_found::NotFoundPage},
    prefs::{use_prefs, use_t},
};

/// Everything the callback screens share for this visit.
#[derive(Clone, Copy)]
pub struct CallbackFlow {
    pub draft: RwSignal<Draft>,
    pub submission: StoredValue<Submission<CallbackRequest>>,
    pub state: RwSignal<SubmitState>,
    pub done: RwSignal<Option<CallbackReceipt>>,
}

pub fn use_callback() -> CallbackFlow {
    expect_context::<CallbackFlow>()
}

pub fn topic_label(t: Topic) -> Msg {
    match t {
        Topic::Labour => Msg::TopicLabour,
        Topic::Family => Msg::TopicFamily,
        Topic::Marriage => Msg::TopicMarriage,
        Topic::Property => Msg::TopicProperty,
        Topic::Traffic => Msg::TopicTraffic,
        Topic::Consumer => Msg::TopicConsumer,
        Topic::Criminal => Msg::TopicCriminal,
        Topic::Administrative => Msg::TopicAdministrative,
        Topic::LegalAid => Msg::TopicLegalAid,
        Topic::Other => Msg::TopicOther,
        Topic::Feedback => Msg::TopicFeedback,
    }
}

pub fn period_label(p: Period) -> Msg {
    match p {
        Period::Morning => Msg::PeriodMorning,
        Period::Afternoon => Msg::PeriodAfternoon,
        Period::Evening => Msg::PeriodEvening,
    }
}

/// "As soon as possible" or "12月1日 星期二 上午（…）".
pub fn when_text(when: Option<When>, lang: Lang) -> String {
    match when {
        None => String::new(),
        Some(When::Asap) => Msg::CallAsap.text(lang).to_owned(),
        Some(When::Day(date, period)) => format!(
            "{} {}",
            day_label(date, lang),
            period.map_or("", |p| period_label(p).text(lang))
        ),
    }
}

/// Where a step lives.
pub fn step_href(step: Step) -> String {
    match step {
        Step::Topic => "/callback".to_owned(),
        other => format!("/callback/{}", other.slug()),
    }
}

#[component]
pub fn CallbackLayout() -> impl IntoView {
    let flow = CallbackFlow {
        draft: RwSignal::new(Draft::default()),
        submission: StoredValue::new(Submission::default()),
        state: RwSignal::new(SubmitState::Ready),
        done: RwSignal::new(None),
    };
    // Arriving from a self-check result pre-selects its topic.
    if let Some(topic) = use_query_map().with_untracked(|q| q.get("topic")) {
        let parsed: Option<Topic> = serde_json::from_value(serde_json::Value::String(topic)).ok();
        flow.draft.update_untracked(|d| d.topic = parsed);
    }
    provide_context(flow);
    view! { <Outlet /> }
}

/// `/callback` and `/callback/{step}`.
#[component]
pub fn CallbackStepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| match params.read().get("step") {
        None => Some(Step::Topic),
        Some(slug) => Step::from_slug(&slug),
    });
    move || match step.get() {
        Some(s) => step_view(s),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

fn step_view(step: Step) -> AnyView {
    let flow = use_callback();
    let first_open = flow
        .draft
        .with_untracked(|d| d.first_problem().map(|(s, _)| s));
    if let Some(first) = first_open
        && first < step
    {
        return redirect(step_href(first));
    }
    match step {
        Step::Topic => view! { <TopicStep /> }.into_any(),
        Step::When => view! { <WhenStep /> }.into_any(),
        Step::Phone => view! { <PhoneStep /> }.into_any(),
        Step::Name => view! { <TextStep step=Step::Name /> }.into_any(),
        Step::Safety => view! { <SafetyStep /> }.into_any(),
        Step::Needs => view! { <NeedsStep /> }.into_any(),
        Step::Note => view! { <TextStep step=Step::Note /> }.into_any(),
        Step::Consent => view! { <ConsentStep /> }.into_any(),
        Step::Check => view! { <check::CallbackCheckStep /> }.into_any(),
    }
}

/// Moves on from `step`: the next step, an earlier one still open, or back to the
/// check screen once everything is answered.
pub fn next_step(step: Step) -> Callback<()> {
    let flow = use_callback();
    let navigate = use_navigate();
    Callback::new(move |()| {
        let target = flow.draft.with_untracked(|d| match d.first_problem() {
            Some((first, _)) if first > step => step.next().unwrap_or(first),
            Some((first, _)) => first,
            None => Step::Check,
        });
        navigate(&step_href(target), NavigateOptions::default());
    })
}

pub fn back(step: Step) -> Callback<()> {
    let navigate = use_navigate();
    Callback::new(move |()| {
        let target = step.previous().map_or_else(|| "/".to_owned(), step_href);
        navigate(&target, NavigateOptions::default());
    })
}

pub fn progress(step: Step) -> (usize, usize) {
    let k = Step::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1;
    (k, Step::ALL.len())
}

/// Checks `step` and moves on, or shows why not.
fn continue_from(step: Step, error: RwSignal<Option<Msg>>) -> Callback<()> {
    let flow = use_callback();
    let next = next_step(step);
    Callback::new(
        move |()| match flow.draft.with_untracked(|d| d.check(step)) {
            Some(msg) => error.set(Some(msg)),
            None => next.run(()),
        },
    )
}

#[component]
fn TopicStep() -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let error = RwSignal::new(None);
    let next = next_step(Step::Topic);
    let preselected = move || flow.draft.with(|d| d.topic.is_some());
    view! {
        <FlowFrame
            heading=Msg::CallbackTopicHeading
            progress=progress(Step::Topic)
            hint=Msg::CallbackTopicHint
            error=error
            on_back=back(Step::Topic)
        >
            <ul class="kiosk-answers kiosk-answers--topics">
                {Topic::OFFERED
                    .into_iter()
                    // Offered only after a poor rating, so shown only when chosen.
                    .chain(flow.draft.with_untracked(|d| d.topic == Some(Topic::Feedback)).then_some(Topic::Feedback))
                    .map(|topic| {
                        view! {
                            <AnswerButton
                                label=Signal::derive(move || t(topic_label(topic)).to_owned())
                                chosen=Signal::derive(move || flow.draft.with(|d| d.topic == Some(topic)))
                                on_choose=move || {
                                    flow.draft.update(|d| d.topic = Some(topic));
                                    next.run(());
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
            <Show when=preselected>
                <div class="kiosk-question__actions">
                    <button
                        type="button"
                        class="kiosk-button kiosk-button--primary kiosk-button--large"
                        on:click=move |_| next.run(())
                    >
                        {move || t(Msg::Continue)}
                    </button>
                </div>
            </Show>
        </FlowFrame>
    }
}

#[component]
fn WhenStep() -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let lang = use_prefs().lang;
    let error = RwSignal::new(None);
    let next = next_step(Step::When);
    let go = continue_from(Step::When, error);
    let chosen_day = move || match flow.draft.with(|d| d.when) {
        Some(When::Day(date, _)) => Some(date),
        _ => None,
    };
    let days: Vec<Date> = (0..CALL_DAYS_AHEAD)
        .filter_map(|d| today().plus_days(d))
        .collect();
    view! {
        <FlowFrame
            heading=Msg::CallbackWhenHeading
            progress=progress(Step::When)
            hint=Msg::CallbackWhenHint
            error=error
            on_back=back(Step::When)
            on_continue=go
        >
            <ul class="kiosk-answers">
                <AnswerButton
                    label=Signal::derive(move || t(Msg::CallAsap).to_owned())
                    chosen=Signal::derive(move || flow.draft.with(|d| d.when == Some(When::Asap)))
                    on_choose=move || {
                        flow.draft.update(|d| d.when = Some(When::Asap));
                        next.run(());
                    }
                />
            </ul>
            <p class="kiosk-field__label">{move || t(Msg::OrChooseDay)}</p>
            <ul class="kiosk-answers kiosk-answers--days">
                {days
                    .into_iter()
                    .map(|date| {
                        view! {
                            <AnswerButton
                                label=Signal::derive(move || day_label(date, lang.get()))
                                chosen=Signal::derive(move || chosen_day() == Some(date))
                                on_choose=move || {
                                    flow.draft.update(|d| {
                                        let period = match d.when {
                                            Some(When::Day(_, p)) => p,
                                            _ => None,
                                        };
                                        d.when = Some(When::Day(date, period));
                                    });
                                    error.set(None);
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
            <Show when=move || chosen_day().is_some()>
                <fieldset class="kiosk-flow__periods">
                    <legend class="kiosk-field__label">{move || t(Msg::ChoosePeriodLegend)}</legend>
                    <ul class="kiosk-answers">
                        {[Period::Morning, Period::Afternoon, Period::Evening]
                            .into_iter()
                            .map(|period| {
                                view! {
                                    <AnswerButton
                                        label=Signal::derive(move || t(period_label(period)).to_owned())
                                        chosen=Signal::derive(move || {
                                            flow.draft.with(|d| matches!(d.when, Some(When::Day(_, Some(p))) if p == period))
                                        })
                                        on_choose=move || {
                                            flow.draft.update(|d| {
                                                if let Some(When::Day(date, _)) = d.when {
                                                    d.when = Some(When::Day(date, Some(period)));
                                                }
                                            });
                                            next.run(());
                                        }
                                    />
                                }
                            })
                            .collect_view()}
                    </ul>
                </fieldset>
            </Show>
        </FlowFrame>
    }
}

#[component]
fn PhoneStep() -> impl IntoView {
    let flow = use_callback();
    let error = RwSignal::new(None);
    let phone = RwSignal::new(flow.draft.with_untracked(|d| d.phone.clone()));
    Effect::new(move |_| {
        let typed = phone.get();
        flow.draft.update_untracked(|d| d.phone = typed);
    });
    let next = next_step(Step::Phone);
    let go = Callback::new(
        move |()| match phone_final(&phone.get_untracked(), PhoneKind::Any) {
            Err(msg) => error.set(Some(msg)),
            Ok(_) => next.run(()),
        },
    );
    view! {
        <FlowFrame
            heading=Msg::CallbackPhoneHeading
            progress=progress(Step::Phone)
            error=error
            on_back=back(Step::Phone)
            on_continue=go
        >
            <PhoneField value=phone kind=PhoneKind::Any error=error />
        </FlowFrame>
    }
}

/// The optional name and the optional note: the text keyboard and Skip.
#[component]
fn TextStep(step: Step) -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let error = RwSignal::new(None);
    let is_name = step == Step::Name;
    let text = RwSignal::new(flow.draft.with_untracked(|d| {
        if is_name {
            d.name.clone()
        } else {
            d.note.clone()
        }
    }));
    Effect::new(move |_| {
        let typed = text.get();
        flow.draft.update_untracked(|d| {
            if is_name {
                d.name = typed;
            } else {
                d.note = typed;
            }
        });
        error.set(None);
    });
    let go = continue_from(step, error);
    let next = next_step(step);
    let skip = move |_| {
        text.set(String::new());
        next.run(());
    };
    let (heading, hint, label, input_id, max_len) = if is_name {
        (
            Msg::CallbackNameHeading,
            Msg::CallbackNameHint,
            Msg::NameLabel,
            "kiosk-name",
            NAME_MAX,
        )
    } else {
        (
            Msg::CallbackNoteHeading,
            Msg::CallbackNoteHint,
            Msg::NoteLabel,
            "kiosk-note",
            NOTE_MAX,
        )
    };
    view! {
        <FlowFrame
            heading=heading
            progress=progress(step)
            hint=hint
            error=error
            on_back=back(step)
            on_continue=go
        >
            <div class="kiosk-field">
                <label class="kiosk-field__label" for=input_id>{move || t(label)}</label>
                <NameKeyboard
                    value=text
                    input_id=input_id
                    max_len=max_len
                    described_by=Signal::derive(move || {
                        if error.get().is_some() { STEP_ERROR_ID.to_owned() } else { String::new() }
                    })
                    invalid=Signal::derive(move || error.get().is_some())
                    surnames=is_name
                />
            </div>
            <button type="button" class="kiosk-button kiosk-button--secondary kiosk-button--large" on:click=skip>
                {move || t(Msg::SkipThis)}
            </button>
        </FlowFrame>
    }
}

#[component]
fn SafetyStep() -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let error = RwSignal::new(None);
    let next = next_step(Step::Safety);
    view! {
        <FlowFrame
            heading=Msg::CallbackSafetyHeading
            progress=progress(Step::Safety)
            hint=Msg::CallbackSafetyHint
            error=error
            on_back=back(Step::Safety)
        >
            <ul class="kiosk-answers">
                {[(true, Msg::SafetyYes), (false, Msg::SafetyNo)]
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <AnswerButton
                                label=Signal::derive(move || t(label).to_owned())
                                chosen=Signal::derive(move || flow.draft.with(|d| d.may_say_12348 == Some(value)))
                                on_choose=move || {
                                    flow.draft.update(|d| d.may_say_12348 = Some(value));
                                    next.run(());
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        </FlowFrame>
    }
}

#[component]
fn NeedsStep() -> impl IntoView {
    let flow = use_callback();
    let error = RwSignal::new(None::<Msg>);
    let next = next_step(Step::Needs);
    view! {
        <FlowFrame
            heading=Msg::CallbackNeedsHeading
            progress=progress(Step::Needs)
            hint=Msg::ChooseSeveralHint
            error=error
            on_back=back(Step::Needs)
            on_continue=next
        >
            <NeedsChooser
                offered=&CALL_NEEDS
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
    let flow = use_callback();
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
                what=Msg::CallbackNoticeWhat
                how_long=Msg::CallbackNoticeHowLong
                cancel=Msg::CallbackNoticeCancel
                version=CALLBACK_NOTICE_VERSION
                on_agree=Callback::new(move |()| {
                    flow.draft.update(|d| d.consent = Some(CALLBACK_NOTICE_VERSION.to_owned()));
                    next.run(());
                })
                on_decline=Callback::new(move |()| flow.draft.update(|d| d.consent = None))
            />
        </FlowFrame>
    }
}
