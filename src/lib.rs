//! The kiosk: a Leptos single-page app compiled to WebAssembly.
//!
//! `App` sets up the visit's preferences, the router and the page frame (skip link,
//! header, one `<main>`, help footer). Pages live in `pages/`, reusable pieces in
//! `components/`, server calls in `api/`, all text in `i18n`.

pub mod api;
pub mod booking;
pub mod callback;
pub mod components;
pub mod flow;
pub mod i18n;
pub mod pages;
pub mod pinyin_table;
pub mod prefs;
pub mod self_check;

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};
use leptos_use_event_listener::use_event_listener;

use crate::{
    components::{error_notice::ErrorNotice, footer::KioskFooter, header::KioskHeader},
    i18n::Msg,
    pages::{
        accessibility::AccessibilityPage,
        booking::{
            BookingLayout, BookingStepPage, done::BookingDonePage, lookup::BookingLookupPage,
        },
        callback::{CallbackLayout, CallbackStepPage, done::CallbackDonePage},
        eligibility::{
            EligibilityLayout, check::EligibilityCheckPage, intro::EligibilityIntroPage,
            question::EligibilityQuestionPage, result::EligibilityResultPage,
        },
        home::HomePage,
        not_found::NotFoundPage,
    },
    prefs::{provide_prefs, use_t},
};

/// Id of the `<main>` element, target of the skip link.
pub const MAIN_ID: &str = "kiosk-main";

/// Removes the "starting…" notice that `index.html` shows until the app runs.
pub fn remove_loading_notice() {
    if let Some(el) = document().get_element_by_id("kiosk-loading") {
        el.remove();
    }
}

/// Ends the visit: loads the start page afresh, replacing the history entry, so
/// every signal and the WebAssembly memory of this visit are discarded.
pub fn finish_visit() {
    // If replace fails the page stays as it is; there is no better fallback.
    let _ = window().location().replace("/");
}

#[component]
pub fn App() -> impl IntoView {
    provide_prefs();
    api::halls::provide_hall();
    let t = use_t();

    // Escape, or a keypad's "back" key sending it, returns to the previous screen.
    let _ = use_event_listener(window(), leptos::ev::keydown, |ev| {
        let at_home = window().location().pathname().is_ok_and(|p| p == "/");
        if ev.key() == "Escape" && !ev.default_prevented() && !at_home {
            ev.prevent_default();
            if let Ok(history) = window().history() {
                let _ = history.back();
            }
        }
    });

    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        // Handled here so the router does not treat the fragment as a navigation.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id(MAIN_ID) {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };

    view! {
        <Router>
            <a class="kiosk-skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
                {move || t(Msg::SkipToContent)}
            </a>
            <KioskHeader />
            <main id=MAIN_ID class="kiosk-main" tabindex="-1">
                <ErrorBoundary fallback=|_errors| view! { <ErrorNotice /> }>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <ParentRoute path=path!("/eligibility") view=EligibilityLayout>
                            <Route path=path!("") view=EligibilityIntroPage />
                            <Route path=path!("q/:step") view=EligibilityQuestionPage />
                            <Route path=path!("check") view=EligibilityCheckPage />
                            <Route path=path!("result") view=EligibilityResultPage />
                        </ParentRoute>
                        <ParentRoute path=path!("/booking") view=BookingLayout>
                            <Route path=path!("") view=BookingStepPage />
                            <Route path=path!("done") view=BookingDonePage />
                            <Route path=path!("lookup") view=BookingLookupPage />
                            <Route path=path!(":step") view=BookingStepPage />
                        </ParentRoute>
                        <ParentRoute path=path!("/callback") view=CallbackLayout>
                            <Route path=path!("") view=CallbackStepPage />
                            <Route path=path!("done") view=CallbackDonePage />
                            <Route path=path!(":step") view=CallbackStepPage />
                        </ParentRoute>
                        <Route path=path!("/accessibility") view=AccessibilityPage />
                    </Routes>
                </ErrorBoundary>
            </main>
            <KioskFooter />
        </Router>
    }
}
