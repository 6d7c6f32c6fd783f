//! The kiosk: a Leptos single-page app compiled to WebAssembly.
//!
//! `App` sets up the visit's preferences, navigation and the page frame (skip link,
//! header, one `<main>`, help footer); nothing imports from it. The screens are
//! listed in `screen`, one page each in `pages/`; reusable pieces are in
//! `components/`, the flows' rules in `flows/`, the hardware and the browser in
//! `device/`, running unattended in `ops/`, server calls in `api/`, the visitor's
//! visit in `visit/`, and every word in `text/`.

pub mod api;
pub mod components;
pub mod device;
pub mod flows;
pub mod ops;
pub mod pages;
pub mod screen;
pub mod text;
pub mod visit;

use leptos::prelude::*;

use crate::{
    components::frame::{
        MAIN_ID, error_notice::ErrorNotice, footer::KioskFooter, header::KioskHeader,
        idle_warning::IdleWarning, offline_notice::OfflineNotice,
    },
    pages::Screens,
    screen::{Screen, provide_navigation, use_screen},
    text::Msg,
    visit::prefs::{provide_prefs, tr},
};

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

/// Installs the key map.
#[component]
fn KeyInput() -> impl IntoView {
    let help = expect_context::<visit::HelpRequested>();
    let speaker = device::speech::use_speaker();
    let announcer = device::announce::Announcer::new();
    device::keys::install(
        device::keymap::KeyMap::with_config(&ops::config::config().key_map),
        device::keys::KeyHandlers {
            help: Callback::new(move |()| {
                help.0.set(true);
                announcer.say(&[text::Msg::HelpAsked]);
            }),
            repeat: Callback::new(move |()| speaker.repeat()),
            stop: Callback::new(move |()| speaker.stop()),
            accessibility: Callback::new(move |()| screen::go(Screen::Accessibility)),
        },
    );
}

/// Starts the kiosk's operations.
#[component]
fn Operations(ops: ops::Ops) -> impl IntoView {
    ops::run(ops);
}

/// Whether the current screen is bare. A memo, so that only a change between bare
/// and framed screens rebuilds the header and footer: rebuilding them on every
/// screen change cost time on each tap.
fn use_bare() -> Memo<bool> {
    let screen = use_screen();
    Memo::new(move |_| screen.get().is_some_and(Screen::is_bare))
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
    provide_navigation();
    device::lockdown::install();
    let ops = ops::provide_ops();
    let prefs = provide_prefs();
    let speaker = device::speech::provide_speaker();
    api::halls::provide_hall();
    device::announce::install_focus_speech();
    // Turning audio mode on says so at once; turning it off silences the kiosk.
    Effect::new(move |was_on: Option<bool>| {
        let on = prefs.audio.get();
        match (was_on, on) {
            (Some(false), true) => {
                speaker.say_now(text::Msg::AudioOn.text(prefs.lang.get_untracked()))
            }
            (Some(true), false) => speaker.stop(),
            _ => {}
        }
        on
    });

    let help = visit::HelpRequested(RwSignal::new(false));
    provide_context(help);

    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        // Handled here so the fragment does not enter the address or the history.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id(MAIN_ID) {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };

    view! {
        <KeyInput />
            <Operations ops />
            <a class="kiosk-skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
                {tr(Msg::SkipToContent)}
            </a>
            <Header />
            <main id=MAIN_ID class="kiosk-main" tabindex="-1">
                <OfflineNotice />
                <ErrorBoundary fallback=|_errors| view! { <ErrorNotice /> }>
                    <Screens />
                </ErrorBoundary>
            </main>
            <Footer />
            <IdleWarning />
    }
}
