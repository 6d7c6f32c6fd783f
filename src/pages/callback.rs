//! `/callback/…`: asking the 12348 hotline to call back. The layout holds the
//! draft in memory for this visit only; one screen per step, the check screen,
//! then the confirmation from the server's answer.

pub mod check;
pub mod done;

use kiosk_core::{
    Lang,
    api::{CallbackReceipt, CallbackRequest, Period, Topic},
    date::Date,
    rules::{NAME_MAX, NOTE_MAX, PhoneKind},
};
use leptos::prelude::*;

use crate::{
    api::submit::{Submission, SubmitState},
    components::{
        answer_button::AnswerButton,
        field::Field,
        form::{
            frame::FlowFrame,
            wizard::{FlowScreens, StepNav, arrive_at, step_nav},
        },
    },
    device::clock::today,
    flows::callback::{CALL_DAYS_AHEAD, CALL_NEEDS, Draft, NOTICE_VERSION, Step, When},
    pages::steps::{ConsentStep, NeedsStep, Notice, PhoneStep, TextLine, TextStep},
    screen::{self, Screen, use_screen},
    text::{
        Msg,
        dates::day_label,
        labels::{period_label, topic_label},
    },
    visit::prefs::{tr, use_prefs, use_t},
};

impl FlowScreens for Draft {
    fn screen(step: Step) -> Screen {
        Screen::Callback(step)
    }
    const LEAVE: Screen = Screen::Home;
    const REVIEW: Screen = Screen::Callback(Step::Check);
}

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

#[component]
pub fn CallbackLayout() -> impl IntoView {
    let flow = CallbackFlow {
        draft: RwSignal::new(Draft::default()),
        submission: StoredValue::new(Submission::default()),
        state: RwSignal::new(SubmitState::Ready),
        done: RwSignal::new(None),
    };
    // Arriving from a self-check result pre-selects its topic.
    if let Some(topic) = screen::entry_param("topic") {
        flow.draft
            .update_untracked(|d| d.topic = Topic::parse(&topic));
    }
    provide_context(flow);
    let screen = use_screen();
    move || match screen.get() {
        Some(Screen::Callback(step)) => step_view(step),
        Some(Screen::CallbackDone) => view! { <done::CallbackDonePage /> }.into_any(),
        _ => ().into_any(),
    }
}

fn step_view(step: Step) -> AnyView {
    let draft = use_callback().draft;
    if let Some(redirect) = arrive_at(draft, step) {
        return redirect;
    }
    let nav = step_nav(draft, step);
    let text = |get: fn(&Draft) -> &String, get_mut: fn(&mut Draft) -> &mut String| {
        Field::of(draft, get, get_mut)
    };
    match step {
        Step::Topic => view! { <TopicStep nav /> }.into_any(),
        Step::When => view! { <WhenStep nav /> }.into_any(),
        Step::Phone => view! {
            <PhoneStep
                heading=Msg::CallbackPhoneHeading
                nav
                kind=PhoneKind::CALLBACK
                phone=text(|d| &d.phone, |d| &mut d.phone)
            />
        }
        .into_any(),
        Step::Name => {
            view! { <TextStep nav line=NAME text=text(|d| &d.name, |d| &mut d.name) /> }.into_any()
        }
        Step::Safety => view! { <SafetyStep nav /> }.into_any(),
        Step::Needs => view! {
            <NeedsStep
                heading=Msg::CallbackNeedsHeading
                nav
                offered=&CALL_NEEDS
                needs=Field::of(draft, |d: &Draft| &d.needs, |d| &mut d.needs)
            />
        }
        .into_any(),
        Step::Note => {
            view! { <TextStep nav line=NOTE text=text(|d| &d.note, |d| &mut d.note) /> }.into_any()
        }
        Step::Consent => view! {
            <ConsentStep
                nav
                notice=NOTICE
                consent=Field::of(draft, |d: &Draft| &d.consent, |d| &mut d.consent)
            />
        }
        .into_any(),
        Step::Check => view! { <check::CallbackCheckStep nav /> }.into_any(),
    }
}

/// Optional: a surname is enough.
const NAME: TextLine = TextLine {
    heading: Msg::CallbackNameHeading,
    hint: Msg::CallbackNameHint,
    label: Msg::NameLabel,
    input_id: "kiosk-name",
    max_len: NAME_MAX,
    surnames: true,
    optional: true,
};

/// An optional line for the operator.
const NOTE: TextLine = TextLine {
    heading: Msg::CallbackNoteHeading,
    hint: Msg::CallbackNoteHint,
    label: Msg::NoteLabel,
    input_id: "kiosk-note",
    max_len: NOTE_MAX,
    surnames: false,
    optional: true,
};

const NOTICE: Notice = Notice {
    what: Msg::CallbackNoticeWhat,
    how_long: Msg::CallbackNoticeHowLong,
    cancel: Msg::CallbackNoticeCancel,
    version: NOTICE_VERSION,
};

#[component]
fn TopicStep(nav: StepNav) -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let preselected = move || flow.draft.with(|d| d.topic.is_some());
    view! {
        <FlowFrame heading=Msg::CallbackTopicHeading nav=nav hint=Msg::CallbackTopicHint with_continue=true show_continue=Signal::derive(preselected)>
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
                                    nav.go.run(());
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
fn WhenStep(nav: StepNav) -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    let lang = use_prefs().lang;
    let error = nav.error;
    let chosen_day = move || match flow.draft.with(|d| d.when) {
        Some(When::Day(date, _)) => Some(date),
        _ => None,
    };
    let days: Vec<Date> = (0..CALL_DAYS_AHEAD)
        .filter_map(|d| today().plus_days(d))
        .collect();
    view! {
        <FlowFrame heading=Msg::CallbackWhenHeading nav=nav hint=Msg::CallbackWhenHint with_continue=true>
            <ul class="kiosk-answers">
                <AnswerButton
                    label=Signal::derive(move || t(Msg::CallAsap).to_owned())
                    chosen=Signal::derive(move || flow.draft.with(|d| d.when == Some(When::Asap)))
                    on_choose=move || {
                        flow.draft.update(|d| d.when = Some(When::Asap));
                        nav.go.run(());
                    }
                />
            </ul>
            <p class="kiosk-field__label">{tr(Msg::OrChooseDay)}</p>
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
                    <legend class="kiosk-field__label">{tr(Msg::ChoosePeriodLegend)}</legend>
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
                                            nav.go.run(());
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
fn SafetyStep(nav: StepNav) -> impl IntoView {
    let flow = use_callback();
    let t = use_t();
    view! {
        <FlowFrame heading=Msg::CallbackSafetyHeading nav=nav hint=Msg::CallbackSafetyHint>
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
                                    nav.go.run(());
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        </FlowFrame>
    }
}
