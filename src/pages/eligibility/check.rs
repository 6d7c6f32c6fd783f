//! `/eligibility/check`: every answer given, each with a Change link, then See
//! the result.

use leptos::prelude::*;

use crate::{
    api::eligibility::standards,
    components::{focus_heading::FocusHeading, form::summary::SummaryRow},
    device::clock::today,
    screen::Screen,
    text::Msg,
    visit::prefs::{tr, use_prefs},
};

use super::{answer_text, question_heading, use_self_check};

#[component]
pub fn EligibilityCheckPage() -> impl IntoView {
    let lang = use_prefs().lang;
    let answers = use_self_check().0;
    let rows = move || {
        let standards = standards();
        answers.with(|a| {
            a.summary(&standards, today())
                .into_iter()
                .map(|q| {
                    let answer = answer_text(q, a, &standards, lang.get());
                    view! {
                        <SummaryRow
                            change=Screen::SelfCheck(q)
                            key=question_heading(q, a)
                            value=Signal::stored(answer)
                        />
                    }
                })
                .collect_view()
        })
    };
    let ready = move || answers.with(|a| a.matter.is_some());
    view! {
        <section class="kiosk-check">
            <FocusHeading text=Msg::CheckHeading />
            <p class="kiosk-notice__text">{tr(Msg::CheckIntro)}</p>
            <dl class="kiosk-summary">{rows}</dl>
            <Show
                when=ready
                fallback=move || {
                    view! {
                        <a href=Screen::SelfCheckIntro.path() class="kiosk-button kiosk-button--primary kiosk-button--large">
                            {tr(Msg::StartAgain)}
                        </a>
                    }
                }
            >
                <a href=Screen::SelfCheckResult.path() class="kiosk-button kiosk-button--primary kiosk-button--large">
                    {tr(Msg::SeeResult)}
                </a>
            </Show>
        </section>
    }
}
