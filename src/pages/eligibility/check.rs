//! `/eligibility/check`: every answer given, each with a Change link, then See
//! the result.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::focus_heading::FocusHeading,
    i18n::Msg,
    prefs::{use_prefs, use_t},
};

use super::{answer_text, question_heading, question_href, standards, today, use_self_check};

#[component]
pub fn EligibilityCheckPage() -> impl IntoView {
    let t = use_t();
    let lang = use_prefs().lang;
    let answers = use_self_check().0;
    let rows = move || {
        answers.with(|a| {
            a.summary(&standards(), today())
                .into_iter()
                .map(|q| {
                    let question = t(question_heading(q, a));
                    let answer = answer_text(q, a, lang.get());
                    view! {
                        <div class="kiosk-summary__row">
                            <dt class="kiosk-summary__key">{question}</dt>
                            <dd class="kiosk-summary__value">{answer}</dd>
                            <dd class="kiosk-summary__action">
                                <A href=question_href(q) attr:class="kiosk-button kiosk-button--secondary">
                                    {t(Msg::Change)}
                                    <span class="kiosk-visually-hidden">" " {question}</span>
                                </A>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let ready = move || answers.with(|a| a.matter.is_some());
    view! {
        <section class="kiosk-check">
            <FocusHeading text=Msg::CheckHeading />
            <p class="kiosk-notice__text">{move || t(Msg::CheckIntro)}</p>
            <dl class="kiosk-summary">{rows}</dl>
            <Show
                when=ready
                fallback=move || {
                    view! {
                        <A href="/eligibility" attr:class="kiosk-button kiosk-button--primary kiosk-button--large">
                            {move || t(Msg::StartAgain)}
                        </A>
                    }
                }
            >
                <A href="/eligibility/result" attr:class="kiosk-button kiosk-button--primary kiosk-button--large">
                    {move || t(Msg::SeeResult)}
                </A>
            </Show>
        </section>
    }
}
