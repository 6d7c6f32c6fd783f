//! The kiosk: a Leptos single-page app compiled to WebAssembly.
//!
//! `App` sets up the visit's preferences, the router and the page frame (skip link,
//! header, one `<main>`, help footer). Pages live in `pages/`, reusable pieces in
//! `components/`, server calls in `api/`, all text in `i18n`.

pub mod announce;
pub mod api;
pub mod booking;
pub mod callback;
pub mod components;
pub mod config;
pub mod flow;
pub mod i18n;
pub mod keymap;
pub mod keys;
pub mod lockdown;
pub mod ops;
pub mod pages;
pub mod pinyin_table;
pub mod prefs;
pub mod rating;
pub mod self_check;
pub mod speech;

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path,
};

use crate::{
    components::{
        error_notice::ErrorNotice, footer::KioskFooter, header::KioskHeader,
        idle_warning::IdleWarning, offline_notice::OfflineNotice,
    },
    i18n::Msg,
    pages::{
        accessibility::AccessibilityPage,
        attract::AttractPage,
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
        rating::RatingPage,
        staff::StaffPage,
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

/// Name of the `performance.mark` set once the first frame after mounting has
/// been painted: the end of a cold start, read by `cargo xtask bench`.
pub const INTERACTIVE_MARK: &str = "kiosk:interactive";

/// Marks [`INTERACTIVE_MARK`] after the next frame: the animation frame callback
/// runs before that frame's paint, and the timeout queued from it runs after.
pub fn mark_interactive() {
    request_animation_frame(|| {
        set_timeout(
            || {
                if let Some(p) = window().performance() {
                    let _ = p.mark(INTERACTIVE_MARK);
                }
            },
            std::time::Duration::ZERO,
        );
    });
}

/// The visitor finishes ("finish and clear"): first the 好差评 rating when the
/// visit did something and has not been asked, else the end of the visit (see
/// [`ops::end_visit`]). The inactivity reset ends it without asking.
pub fn finish_visit() {
    if !rating::ask_before_finishing() {
        ops::end_visit();
    }
}

/// Lets [`finish_visit`], called from button handlers, reach the router.
#[component]
fn RatingNavigator() -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    rating::set_navigator(move |path| navigate(path, Default::default()));
}

/// Set when the visitor asked for staff (the help key); the footer says what to do.
#[derive(Clone, Copy, Debug)]
pub struct HelpRequested(pub RwSignal<bool>);

/// Installs the key map (inside the router, so keys can navigate).
#[component]
fn KeyInput() -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    let help = expect_context::<HelpRequested>();
    let speaker = speech::use_speaker();
    let announcer = announce::Announcer::new();
    keys::install(
        keymap::KeyMap::with_config(&config::config().key_map),
        keys::KeyHandlers {
            help: Callback::new(move |()| {
                help.0.set(true);
                announcer.say(&[i18n::Msg::HelpAsked]);
            }),
            repeat: Callback::new(move |()| speaker.repeat()),
            stop: Callback::new(move |()| speaker.stop()),
            accessibility: Callback::new(move |()| navigate("/accessibility", Default::default())),
        },
    );
}

/// Starts the kiosk's operations (inside the router, so they can navigate).
#[component]
fn Operations(ops: ops::Ops) -> impl IntoView {
    ops::run(ops);
}

/// Whether the page at `path` is shown without the header and footer (the
/// attract and out-of-service screen: nothing there belongs to a visit).
fn is_bare(path: &str) -> bool {
    path == ops::idle::ATTRACT_PATH
}

/// Whether the current screen is bare. A memo, so that only a change between bare
/// and framed screens rebuilds the header and footer: rebuilding them on every
/// screen change cost time on each tap and left about 1.3 KB of WebAssembly memory
/// behind each time (`cargo xtask bench`, soak).
fn use_bare() -> Memo<bool> {
    let location = leptos_router::hooks::use_location();
    Memo::new(move |_| is_bare(&location.pathname.get()))
}

/// The header, unless the screen is bare.
#[component]
fn Header() -> impl IntoView {
    let bare = use_bare();
    move || (!bare.get()).then(|| view! { <KioskHeader /> })
}

/// The footer, unless the screen is bare.
#[component]
fn Footer() -> impl IntoView {
    let bare = use_bare();
    move || (!bare.get()).then(|| view! { <KioskFooter /> })
}

#[component]
pub fn App() -> impl IntoView {
    lockdown::install();
    let ops = ops::provide_ops();
    let prefs = provide_prefs();
    let speaker = speech::provide_speaker();
    api::halls::provide_hall();
    announce::install_focus_speech();
    // Turning audio mode on says so at once; turning it off silences the kiosk.
    Effect::new(move |was_on: Option<bool>| {
        let on = prefs.audio.get();
        match (was_on, on) {
            (Some(false), true) => {
                speaker.say_now(i18n::Msg::AudioOn.text(prefs.lang.get_untracked()))
            }
            (Some(true), false) => speaker.stop(),
            _ => {}
        }
        on
    });
    let t = use_t();

    let help = HelpRequested(RwSignal::new(false));
    provide_context(help);

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
            <KeyInput />
            <Operations ops />
            <RatingNavigator />
            <a class="kiosk-skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
                {move || t(Msg::SkipToContent)}
            </a>
            <Header />
            <main id=MAIN_ID class="kiosk-main" tabindex="-1">
                <OfflineNotice />
                <ErrorBoundary fallback=|_errors| view! { <ErrorNotice /> }>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/welcome") view=AttractPage />
                        <Route path=path!("/staff") view=StaffPage />
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
                        <Route path=path!("/rating") view=RatingPage />
                    </Routes>
                </ErrorBoundary>
            </main>
            <Footer />
            <IdleWarning />
        </Router>
    }
}
