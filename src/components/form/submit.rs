//! The confirm button of a form flow and what happens after it is pressed: a calm
//! "sending" state announced to assistive technology while the submission is sent
//! and retried, no second press while it is, and if it never got through, the
//! plain truth — nothing was saved, ask staff or call 12348 — with a way to try
//! again with the same idempotency key.

use kiosk_core::{HOTLINE, api::Problem};
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use crate::{
    api::submit::{Submission, SubmitError, SubmitState, new_idempotency_key, post_idempotent},
    text::labels::problem_message,
    text::{Msg, fill},
    visit::prefs::{use_prefs, use_t},
};

/// Sends `request` to `path` under the submission's key unless a send is already
/// under way, moving `state` along; `on_done` gets the server's answer, `on_refused`
/// the server's reason.
pub fn run_submission<Req, Resp>(
    path: &'static str,
    request: Req,
    submission: StoredValue<Submission<Req>>,
    state: RwSignal<SubmitState>,
    on_done: impl FnOnce(Resp) + 'static,
    on_refused: impl FnOnce(Problem) + 'static,
) where
    Req: Serialize + PartialEq + Clone + Send + Sync + 'static,
    Resp: DeserializeOwned + 'static,
{
    if state.get_untracked() == SubmitState::Sending {
        return;
    }
    let key = submission
        .try_update_value(|s| s.key_for(&request, new_idempotency_key))
        .expect("the submission lives as long as its flow");
    state.set(SubmitState::Sending);
    leptos::task::spawn_local(async move {
        match post_idempotent::<Req, Resp>(path, &request, &key).await {
            Ok(answer) => {
                submission.try_update_value(Submission::finish);
                state.try_set(SubmitState::Ready);
                on_done(answer);
            }
            Err(SubmitError::Refused(problem)) => {
                submission.try_update_value(Submission::finish);
                state.try_set(SubmitState::Refused(problem_message(&problem)));
                on_refused(problem);
            }
            Err(SubmitError::NotSent) => {
                state.try_set(SubmitState::NotSent);
            }
        }
    });
}

#[component]
pub fn SubmitPanel(
    /// Where the submission stands.
    state: RwSignal<SubmitState>,
    /// Sends (or sends again) the submission.
    on_confirm: Callback<()>,
    /// The confirm button's label.
    label: Msg,
) -> impl IntoView {
    let t = use_t();
    let lang = use_prefs().lang;
    let sending = move || state.get() == SubmitState::Sending;
    // Status changes are said in audio mode (the confirmation screen says "sent").
    let announcer = crate::device::announce::Announcer::new();
    Effect::new(move |_| match state.get() {
        SubmitState::Sending => announcer.say(&[Msg::Sending]),
        SubmitState::NotSent => announcer.say_texts(&[
            Msg::NotSentHeading.text(lang.get_untracked()),
            Msg::NotSentBody.text(lang.get_untracked()),
            &fill(
                Msg::NotSentHelp.text(lang.get_untracked()),
                &[("hotline", HOTLINE)],
            ),
        ]),
        SubmitState::Refused(msg) => announcer.say(&[Msg::ErrorPrefix, msg]),
        SubmitState::Ready => {}
    });
    let press = move |_| {
        if !sending() {
            on_confirm.run(());
        }
    };
    view! {
        <div class="kiosk-submit">
            <p class="kiosk-submit__status" role="status">
                {move || sending().then(|| view! {
                    <span class="kiosk-submit__spinner" aria-hidden="true"></span>
                    {t(Msg::Sending)}
                })}
            </p>
            <div role="alert">
                {move || match state.get() {
                    SubmitState::NotSent => Some(view! {
                        <div class="kiosk-submit__failed">
                            <h2 class="kiosk-submit__failed-heading">{t(Msg::NotSentHeading)}</h2>
                            <p>{t(Msg::NotSentBody)}</p>
                            <p>{fill(Msg::NotSentHelp.text(lang.get()), &[("hotline", HOTLINE)])}</p>
                        </div>
                    }.into_any()),
                    SubmitState::Refused(msg) => Some(view! {
                        <p class="kiosk-field__error">
                            <span class="kiosk-visually-hidden">{t(Msg::ErrorPrefix)}</span>
                            {t(msg)}
                        </p>
                    }.into_any()),
                    _ => None,
                }}
            </div>
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large kiosk-submit__confirm"
                aria-disabled=move || sending().to_string()
                on:click=press
            >
                {move || {
                    if sending() {
                        t(Msg::SendingShort)
                    } else if state.get() == SubmitState::NotSent {
                        t(Msg::TryAgain)
                    } else {
                        t(label)
                    }
                }}
            </button>
        </div>
    }
}
