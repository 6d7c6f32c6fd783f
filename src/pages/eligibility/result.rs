//! `/eligibility/result`: the advisory result, computed in the kiosk: how likely
//! aid is (in words and an icon), the route, the reasons, the articles with one
//! line each, the financial standard used, what to bring, and what to do next.
//! Urgent cases lead with "ask staff now".

use kiosk_core::{
    api::Topic,
    eligibility::{Likelihood, Route, explain_article},
};
use leptos::prelude::*;

use crate::{
    api::eligibility::standards,
    components::focus_heading::FocusHeading,
    device::clock::today,
    screen::Screen,
    text::{
        Msg, fill,
        labels::{likelihood_title, route_label},
    },
    visit::prefs::{tr, use_prefs, use_t},
};

use super::{article_name, use_self_check};

#[component]
pub fn EligibilityResultPage() -> impl IntoView {
    let t = use_t();
    let lang = use_prefs().lang;
    let answers = use_self_check().0;
    let result = Memo::new(move |_| answers.with(|a| a.result(&standards(), today())));
    let staff_shown = RwSignal::new(false);

    let content = move || {
        let Some(r) = result.get() else {
            return view! {
                <FocusHeading text=Msg::ResultHeading />
                <a href=Screen::SelfCheckIntro.path() class="kiosk-button kiosk-button--primary kiosk-button--large">
                    {tr(Msg::StartAgain)}
                </a>
            }
            .into_any();
        };
        crate::visit::rating::offer(kiosk_core::rating::Flow::SelfCheck);
        let lang_now = lang.get();
        let (icon, modifier) = match r.likelihood {
            Likelihood::Likely => ("✓", "likely"),
            Likelihood::Maybe => ("?", "maybe"),
            Likelihood::Unlikely => ("✕", "unlikely"),
        };
        let means = r.means.clone().map(|m| {
            fill(
                Msg::MeansTemplate.text(lang_now),
                &[
                    ("region", m.region_name.get(lang_now)),
                    ("date", &m.effective_from.to_string()),
                    ("standard", &m.standard.to_string()),
                    ("amount", &m.per_capita.to_string()),
                ],
            )
        });
        let book = if r.route == Route::NotCovered {
            (Screen::booking_for("consultation"), Msg::BookConsultation)
        } else {
            (Screen::booking_for("legal_aid"), Msg::BookLegalAid)
        };
        let staff_button = view! {
            <button
                type="button"
                class=if r.urgent {
                    "kiosk-button kiosk-button--warning kiosk-button--large"
                } else {
                    "kiosk-button kiosk-button--secondary kiosk-button--large"
                }
                aria-expanded=move || staff_shown.get().to_string()
                aria-controls="kiosk-staff-help"
                on:click=move |_| staff_shown.set(true)
            >
                {t(Msg::AskStaffNow)}
            </button>
        };
        let other_buttons = view! {
            <a href=book.0 class="kiosk-button kiosk-button--primary kiosk-button--large">
                {t(book.1)}
            </a>
            <a href=Screen::callback_about(Topic::LegalAid, crate::flows::callback::Step::Topic) class="kiosk-button kiosk-button--secondary kiosk-button--large">
                {t(Msg::RequestCallback)}
            </a>
        };
        let next_buttons = if r.urgent {
            view! { {staff_button} {other_buttons} }.into_any()
        } else {
            view! { {other_buttons} {staff_button} }.into_any()
        };
        view! {
            <FocusHeading text=Msg::ResultHeading />
            {r.urgent.then(|| view! {
                <p class="kiosk-result__urgent" role="alert">
                    <span aria-hidden="true">"! "</span>
                    {t(Msg::UrgentBanner)}
                </p>
            })}
            <div class=format!("kiosk-result__outcome kiosk-result__outcome--{modifier}")>
                <span class="kiosk-result__icon" aria-hidden="true">{icon}</span>
                <div>
                    <h2 class="kiosk-result__title">{t(likelihood_title(r.likelihood))}</h2>
                    <p class="kiosk-result__route">
                        {fill(Msg::RouteTemplate.text(lang_now), &[("route", t(route_label(r.route)))])}
                    </p>
                </div>
            </div>
            <h2 class="kiosk-result__section">{t(Msg::WhyHeading)}</h2>
            <ul class="kiosk-result__list">
                {r.reasons.iter().map(|reason| view! { <li>{reason.get(lang_now).to_owned()}</li> }).collect_view()}
            </ul>
            {means.map(|line| view! {
                <h2 class="kiosk-result__section">{t(Msg::MeansHeading)}</h2>
                <p class="kiosk-notice__text">{line}</p>
            })}
            <h2 class="kiosk-result__section">{t(Msg::ArticlesHeading)}</h2>
            <dl class="kiosk-result__articles">
                {r.articles.iter().map(|a| {
                    let line = explain_article(a).map(|e| e.get(lang_now).to_owned()).unwrap_or_default();
                    view! {
                        <dt>{article_name(a, lang_now)}</dt>
                        <dd>{line}</dd>
                    }
                }).collect_view()}
            </dl>
            <h2 class="kiosk-result__section">{t(Msg::MaterialsHeading)}</h2>
            <ul class="kiosk-result__list kiosk-result__list--check">
                {r.materials.iter().map(|m| view! { <li>{m.label().get(lang_now).to_owned()}</li> }).collect_view()}
            </ul>
            <h2 class="kiosk-result__section">{t(Msg::NextHeading)}</h2>
            <div class="kiosk-result__next kiosk-keep-in-view">{next_buttons}</div>
            <p id="kiosk-staff-help" class="kiosk-result__staff" role="status">
                {move || staff_shown.get().then(|| t(Msg::AskStaffBody))}
            </p>
            <a href=Screen::SelfCheckIntro.path() class="kiosk-button kiosk-button--secondary">
                {t(Msg::StartAgain)}
            </a>
        }
        .into_any()
    };
    view! { <section class="kiosk-result">{content}</section> }
}
