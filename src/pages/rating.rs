//! `/rating`: the 好差评 rating at the end of a visit. Five large answers, then
//! optional reasons, sent anonymously (the level, the reasons and the kind of
//! visit: nothing that could find the visitor). One tap skips it. A poor rating
//! offers a call back about it, which is a callback request of its own with the
//! topic "feedback", so the rating itself stays anonymous.

use kiosk_core::{
    api::{RatingReceipt, RatingRequest, RatingStatus},
    rating::{Flow, Level, Reason},
};
use leptos::prelude::*;

use crate::{
    api::submit::{RetryPolicy, SubmitError, new_idempotency_key, post_idempotent_with},
    components::{answer_button::AnswerButton, focus_heading::FocusHeading},
    flows::callback::Step,
    ops,
    screen::{self, Screen},
    text::Msg,
    visit::{
        prefs::{tr, use_t},
        rating,
    },
};

/// A rating is worth a short wait, not the half minute a booking gets: the
/// visitor is leaving.
const RATING_RETRIES: RetryPolicy = RetryPolicy {
    base: std::time::Duration::from_millis(500),
    max_delay: std::time::Duration::from_secs(2),
    budget: std::time::Duration::from_secs(6),
};

pub fn level_label(level: Level) -> Msg {
    match level {
        Level::VerySatisfied => Msg::RatingVerySatisfied,
        Level::Satisfied => Msg::RatingSatisfied,
        Level::Fair => Msg::RatingFair,
        Level::Dissatisfied => Msg::RatingDissatisfied,
        Level::VeryDissatisfied => Msg::RatingVeryDissatisfied,
    }
}

pub fn reason_label(reason: Reason) -> Msg {
    match reason {
        Reason::EasyToUse => Msg::ReasonEasyToUse,
        Reason::Quick => Msg::ReasonQuick,
        Reason::ClearInformation => Msg::ReasonClearInformation,
        Reason::Accessible => Msg::ReasonAccessible,
        Reason::HardToUse => Msg::ReasonHardToUse,
        Reason::TooSlow => Msg::ReasonTooSlow,
        Reason::UnclearInformation => Msg::ReasonUnclearInformation,
        Reason::HardToSeeOrHear => Msg::ReasonHardToSeeOrHear,
        Reason::ServiceMissing => Msg::ReasonServiceMissing,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Level,
    Reasons(Level),
    Sending,
    Thanks { poor: bool, held: bool },
    NotSent,
}

#[component]
pub fn RatingPage() -> impl IntoView {
    // Opened with nothing to rate (typed address, a reload): nothing to ask.
    let Some(flow) = rating::pending() else {
        ops::end_visit();
        return ().into_any();
    };
    view! { <Rating flow=flow /> }.into_any()
}

#[component]
fn Rating(flow: Flow) -> impl IntoView {
    let t = use_t();
    let phase = RwSignal::new(Phase::Level);
    let reasons = RwSignal::new(Vec::<Reason>::new());
    // The level being sent, for "try again" after a failure.
    let chosen = RwSignal::new(None::<Level>);
    // One key for this rating, kept across "try again".
    let key = StoredValue::new(new_idempotency_key());

    let send = move || {
        let Phase::Reasons(level) = phase.get_untracked() else {
            return;
        };
        chosen.set(Some(level));
        phase.set(Phase::Sending);
        let body = RatingRequest {
            level,
            reasons: reasons.get_untracked(),
            flow,
            rated_on: None,
        };
        let path = format!("/kiosks/{}/ratings", crate::ops::config::config().kiosk_id);
        leptos::task::spawn_local(async move {
            let answer: Result<RatingReceipt, SubmitError> =
                post_idempotent_with(RATING_RETRIES, &path, &body, &key.get_value()).await;
            match answer {
                Ok(receipt) => {
                    rating::settle();
                    phase.set(Phase::Thanks {
                        poor: level.is_poor(),
                        held: receipt.status == RatingStatus::SavedOnKiosk,
                    });
                }
                // Nothing the visitor can correct: said plainly, with a retry.
                Err(_) => phase.set(Phase::NotSent),
            }
        });
    };
    let skip = move || {
        rating::settle();
        ops::end_visit();
    };
    let call_me = Callback::new(move |()| {
        rating::settle();
        screen::go_to(&Screen::callback_about(
            kiosk_core::api::Topic::Feedback,
            Step::When,
        ));
    });

    let actions = move |buttons: Vec<(Msg, bool, Callback<()>)>| {
        view! {
            <div class="kiosk-question__actions kiosk-done__actions">
                {buttons
                    .into_iter()
                    .map(|(label, primary, run)| {
                        let class = if primary {
                            "kiosk-button kiosk-button--primary kiosk-button--large"
                        } else {
                            "kiosk-button kiosk-button--secondary kiosk-button--large"
                        };
                        view! {
                            <button type="button" class=class on:click=move |_| run.run(())>
                                {tr(label)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    };

    let body = move || match phase.get() {
        Phase::Level => view! {
            <FocusHeading text=Msg::RatingHeading />
            <p class="kiosk-question__hint">{tr(Msg::RatingHint)}</p>
            <ul class="kiosk-answers kiosk-answers--rating">
                {Level::ALL
                    .into_iter()
                    .map(|level| {
                        view! {
                            <AnswerButton
                                label=Signal::derive(move || t(level_label(level)).to_owned())
                                chosen=Signal::derive(|| false)
                                on_choose=move || {
                                    reasons.set(Vec::new());
                                    phase.set(Phase::Reasons(level));
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
            {actions(vec![(Msg::RatingSkip, false, Callback::new(move |()| skip()))])}
        }
        .into_any(),
        Phase::Reasons(level) => view! {
            <FocusHeading text=Msg::RatingReasonsHeading />
            <p class="kiosk-question__hint">{tr(Msg::RatingReasonsHint)}</p>
            <p class="kiosk-rating__chosen">
                {tr(Msg::RatingChosen)} " " <strong>{move || t(level_label(level))}</strong>
            </p>
            <ul class="kiosk-answers kiosk-answers--reasons">
                {level
                    .reasons()
                    .iter()
                    .copied()
                    .map(|reason| {
                        view! {
                            <AnswerButton
                                multiple=true
                                label=Signal::derive(move || t(reason_label(reason)).to_owned())
                                chosen=Signal::derive(move || reasons.with(|r| r.contains(&reason)))
                                on_choose=move || {
                                    reasons.update(|r| {
                                        if let Some(i) = r.iter().position(|x| *x == reason) {
                                            r.remove(i);
                                        } else {
                                            r.push(reason);
                                        }
                                    })
                                }
                            />
                        }
                    })
                    .collect_view()}
            </ul>
            {actions(vec![
                (Msg::RatingSend, true, Callback::new(move |()| send())),
                (Msg::RatingChangeLevel, false, Callback::new(move |()| phase.set(Phase::Level))),
                (Msg::RatingSkip, false, Callback::new(move |()| skip())),
            ])}
        }
        .into_any(),
        Phase::Sending => view! {
            <FocusHeading text=Msg::RatingSending />
            <p role="status">{tr(Msg::RatingSendingHint)}</p>
        }
        .into_any(),
        Phase::Thanks { poor, held } => view! {
            <FocusHeading text=Msg::RatingThanks />
            {held.then(|| view! { <p>{tr(Msg::RatingHeld)}</p> })}
            {if poor {
                view! {
                    <p>{tr(Msg::RatingSorry)}</p>
                    <p>{tr(Msg::RatingMayWeCall)}</p>
                    {actions(vec![
                        (Msg::RatingCallMe, true, call_me),
                        (Msg::RatingNoCall, false, Callback::new(|()| ops::end_visit())),
                    ])}
                }
                .into_any()
            } else {
                view! {
                    <p>{tr(Msg::RatingThanksHint)}</p>
                    {actions(vec![(Msg::RatingFinish, true, Callback::new(|()| ops::end_visit()))])}
                }
                .into_any()
            }}
        }
        .into_any(),
        Phase::NotSent => view! {
            <FocusHeading text=Msg::RatingNotSent />
            <p>{tr(Msg::RatingNotSentHint)}</p>
            {actions(vec![
                (Msg::TryAgain, true, Callback::new(move |()| {
                    if let Some(level) = chosen.get_untracked() {
                        phase.set(Phase::Reasons(level));
                        send();
                    }
                })),
                (Msg::RatingFinish, false, Callback::new(move |()| skip())),
            ])}
        }
        .into_any(),
    };
    view! { <section class="kiosk-question kiosk-rating">{body}</section> }
}
