//! Every screen the kiosk has, in one type. Navigation, the inactivity timer,
//! the frame and speech all ask a [`Screen`]; the URL is only its mirror, kept so
//! that reloads, deep links and the history keep working, and no other module
//! writes a path.
//!
//! [`go`] and [`replace`] work from anywhere (a button's handler, a timer, a
//! finished request), so nothing needs to carry a navigate closure. The kiosk
//! keeps its own small router rather than a general one: it has one type of
//! screen, no nested routes and no loaders, and a general router's history of
//! every address ever visited grew without end on a kiosk that runs for days.

use std::cell::Cell;

use kiosk_core::api::Topic;
use leptos::{ev, prelude::*};
use leptos_use_event_listener::use_event_listener;
use wasm_bindgen::{JsCast, JsValue};

use crate::flows::{booking, callback, self_check::Question};

/// A screen of the kiosk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Between visits: the attract loop, or the out-of-service notice.
    Attract,
    Home,
    Accessibility,
    /// The 好差评 rating at the end of a visit.
    Rating,
    /// Staff sign-in and panel.
    Staff,
    SelfCheckIntro,
    SelfCheck(Question),
    SelfCheckReview,
    SelfCheckResult,
    Booking(booking::Step),
    BookingDone,
    BookingLookup,
    Callback(callback::Step),
    CallbackDone,
}

/// How a screen is treated when nobody touches the kiosk, and how it is spoken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    /// The attract screen: nothing to forget, never reset.
    Attract,
    /// The visitor is filling something in.
    Form,
    /// Information to read.
    Info,
    /// The outcome of what the visitor did: a result, a reference.
    Result,
    /// Staff sign-in and panel.
    Staff,
}

/// The flows whose screens share what the visitor entered: it lives while the
/// visitor is on any of its screens and is gone when they leave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    SelfCheck,
    Booking,
    Callback,
}

impl Screen {
    /// The path the screen is shown at.
    pub fn path(self) -> String {
        let at = |base: &str, slug: &str| format!("{base}/{slug}");
        match self {
            Screen::Attract => "/welcome".into(),
            Screen::Home => "/".into(),
            Screen::Accessibility => "/accessibility".into(),
            Screen::Rating => "/rating".into(),
            Screen::Staff => "/staff".into(),
            Screen::SelfCheckIntro => "/eligibility".into(),
            Screen::SelfCheck(q) => at("/eligibility/q", q.slug()),
            Screen::SelfCheckReview => "/eligibility/check".into(),
            Screen::SelfCheckResult => "/eligibility/result".into(),
            Screen::Booking(booking::Step::Service) => "/booking".into(),
            Screen::Booking(step) => at("/booking", step.slug()),
            Screen::BookingDone => "/booking/done".into(),
            Screen::BookingLookup => "/booking/lookup".into(),
            Screen::Callback(callback::Step::Topic) => "/callback".into(),
            Screen::Callback(step) => at("/callback", step.slug()),
            Screen::CallbackDone => "/callback/done".into(),
        }
    }

    /// The screen at `path` (a trailing slash is ignored), or `None` for a path
    /// the kiosk does not have.
    pub fn from_path(path: &str) -> Option<Screen> {
        let path = match path.trim_end_matches('/') {
            "" => "/",
            p => p,
        };
        let mut parts = path.trim_start_matches('/').split('/');
        let screen = match (parts.next()?, parts.next(), parts.next()) {
            ("", None, None) => Screen::Home,
            ("welcome", None, None) => Screen::Attract,
            ("accessibility", None, None) => Screen::Accessibility,
            ("rating", None, None) => Screen::Rating,
            ("staff", None, None) => Screen::Staff,
            ("eligibility", None, None) => Screen::SelfCheckIntro,
            ("eligibility", Some("q"), Some(q)) => Screen::SelfCheck(Question::from_slug(q)?),
            ("eligibility", Some("check"), None) => Screen::SelfCheckReview,
            ("eligibility", Some("result"), None) => Screen::SelfCheckResult,
            ("booking", None, None) => Screen::Booking(booking::Step::Service),
            ("booking", Some("done"), None) => Screen::BookingDone,
            ("booking", Some("lookup"), None) => Screen::BookingLookup,
            ("booking", Some(step), None) => Screen::Booking(booking::Step::from_slug(step)?),
            ("callback", None, None) => Screen::Callback(callback::Step::Topic),
            ("callback", Some("done"), None) => Screen::CallbackDone,
            ("callback", Some(step), None) => Screen::Callback(callback::Step::from_slug(step)?),
            _ => return None,
        };
        parts.next().is_none().then_some(screen)
    }

    pub fn kind(self) -> ScreenKind {
        match self {
            Screen::Attract => ScreenKind::Attract,
            Screen::Staff => ScreenKind::Staff,
            Screen::SelfCheck(_)
            | Screen::SelfCheckReview
            | Screen::Booking(_)
            | Screen::BookingLookup
            | Screen::Callback(_) => ScreenKind::Form,
            Screen::SelfCheckResult | Screen::BookingDone | Screen::CallbackDone => {
                ScreenKind::Result
            }
            Screen::Home | Screen::Accessibility | Screen::Rating | Screen::SelfCheckIntro => {
                ScreenKind::Info
            }
        }
    }

    /// The flow whose entries this screen shares, if any.
    pub fn flow(self) -> Option<Flow> {
        match self {
            Screen::SelfCheckIntro
            | Screen::SelfCheck(_)
            | Screen::SelfCheckReview
            | Screen::SelfCheckResult => Some(Flow::SelfCheck),
            Screen::Booking(_) | Screen::BookingDone | Screen::BookingLookup => Some(Flow::Booking),
            Screen::Callback(_) | Screen::CallbackDone => Some(Flow::Callback),
            Screen::Attract
            | Screen::Home
            | Screen::Accessibility
            | Screen::Rating
            | Screen::Staff => None,
        }
    }

    /// Whether the screen is shown without the header and footer (nothing on the
    /// attract screen belongs to a visit).
    pub fn is_bare(self) -> bool {
        self == Screen::Attract
    }

    /// The booking's first step with `service` already chosen (from a self-check
    /// result). A service id is no personal data, so it may be in the URL.
    pub fn booking_for(service: &str) -> String {
        format!(
            "{}?service={service}",
            Screen::Booking(booking::Step::Service).path()
        )
    }

    /// A step of the callback request with `topic` already chosen (from a
    /// self-check result, or a poor rating).
    pub fn callback_about(topic: Topic, step: callback::Step) -> String {
        format!("{}?topic={}", Screen::Callback(step).path(), topic.as_str())
    }
}

thread_local! {
    /// The address shown, path and query (see [`provide_navigation`]).
    static ADDRESS: Cell<Option<RwSignal<String>>> = const { Cell::new(None) };
}

/// The browser's address, path and query.
fn address_bar() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    format!("{path}{}", location.search().unwrap_or_default())
}

/// Keeps the screen and the address bar in step, both ways: [`go`] and
/// [`replace`] write the history, the Back of a mouse or a browser's history
/// (`popstate`) is read back, and a tap on a link inside the kiosk opens its
/// screen without reloading. Called once, at the top of the app.
pub fn provide_navigation() {
    let address = RwSignal::new(address_bar());
    ADDRESS.with(|a| a.set(Some(address)));
    let _ = use_event_listener(window(), ev::popstate, move |_| address.set(address_bar()));
    let _ = use_event_listener(document(), ev::click, open_link);
    provide_context(Current(Memo::new(move |_| address.with(|a| screen_at(a)))));
}

/// The screen an address (path and query) names.
fn screen_at(address: &str) -> Option<Screen> {
    Screen::from_path(address.split('?').next().unwrap_or_default())
}

/// A tap on a link to one of the kiosk's own addresses: open it here.
fn open_link(ev: ev::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten());
    let Some(link) = link else { return };
    let Some(href) = link.get_attribute("href") else {
        return;
    };
    if href.starts_with('/') && !href.starts_with("//") && !link.has_attribute("target") {
        ev.prevent_default();
        open(&href, false);
    }
}

fn open(href: &str, replace: bool) {
    let Some(address) = ADDRESS.with(Cell::get) else {
        return;
    };
    if let Ok(history) = window().history() {
        // The same address again is no new entry: Back must not stay put.
        let _ = if replace || address.with_untracked(|a| a == href) {
            history.replace_state_with_url(&JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(href))
        };
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    address.set(href.to_owned());
}

/// Shows `screen`, as a new history entry.
pub fn go(screen: Screen) {
    open(&screen.path(), false);
}

/// Shows `screen` in place of the current history entry (a screen that must not
/// be gone back to: a confirmation's form, a step reached too early).
pub fn replace(screen: Screen) {
    open(&screen.path(), true);
}

/// Opens an entry link made by [`Screen::booking_for`] or [`Screen::callback_about`].
pub fn go_to(href: &str) {
    open(href, false);
}

/// Shows `screen` on the next frame, replacing the history entry, and shows
/// nothing meanwhile: for a screen reached too early (a deep link, a stale
/// history entry).
pub fn redirect(screen: Screen) -> AnyView {
    request_animation_frame(move || replace(screen));
    ().into_any()
}

/// A parameter of the address the screen was opened at: the service or topic of
/// an entry link, the reference in a receipt's QR code.
pub fn entry_param(name: &str) -> Option<String> {
    let address = ADDRESS.with(Cell::get)?.get_untracked();
    let (_, query) = address.split_once('?')?;
    web_sys::UrlSearchParams::new_with_str(query)
        .ok()?
        .get(name)
}

/// The screen being shown (`None`: a path the kiosk does not have).
#[derive(Clone, Copy)]
pub struct Current(pub Memo<Option<Screen>>);

pub fn use_screen() -> Memo<Option<Screen>> {
    expect_context::<Current>().0
}

/// The screen being shown, untracked: for code that runs outside any component
/// (the end of a visit, a key handler). Read from the address navigation keeps,
/// the one the [`Current`] memo follows.
pub fn current() -> Option<Screen> {
    screen_at(
        &ADDRESS
            .with(Cell::get)
            .map_or_else(address_bar, |a| a.get_untracked()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_screen() -> Vec<Screen> {
        let mut all = vec![
            Screen::Attract,
            Screen::Home,
            Screen::Accessibility,
            Screen::Rating,
            Screen::Staff,
            Screen::SelfCheckIntro,
            Screen::SelfCheckReview,
            Screen::SelfCheckResult,
            Screen::BookingDone,
            Screen::BookingLookup,
            Screen::CallbackDone,
        ];
        all.extend(Question::ALL.map(Screen::SelfCheck));
        all.extend(booking::Step::ALL.map(Screen::Booking));
        all.extend(callback::Step::ALL.map(Screen::Callback));
        all
    }

    #[test]
    fn every_screen_has_one_path_and_comes_back_from_it() {
        let all = every_screen();
        let mut paths: Vec<String> = all.iter().map(|s| s.path()).collect();
        for (screen, path) in all.iter().zip(&paths) {
            assert_eq!(Screen::from_path(path), Some(*screen), "{path}");
            assert_eq!(
                Screen::from_path(&format!("{path}/")),
                Some(*screen),
                "{path}/"
            );
        }
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), all.len(), "two screens share a path");
    }

    #[test]
    fn unknown_paths_are_no_screen() {
        for path in [
            "/no/such/page",
            "/booking/nope",
            "/booking/phone/extra",
            "/eligibility/q",
            "/eligibility/q/nope",
            "/callback/done/more",
        ] {
            assert_eq!(Screen::from_path(path), None, "{path}");
        }
    }

    #[test]
    fn screens_have_the_kind_the_idle_timer_and_speech_need() {
        use ScreenKind::*;
        for (path, kind) in [
            ("/welcome", Attract),
            ("/staff", Staff),
            ("/", Info),
            ("/accessibility", Info),
            ("/eligibility", Info),
            ("/eligibility/q/income", Form),
            ("/eligibility/check", Form),
            ("/eligibility/result", Result),
            ("/booking", Form),
            ("/booking/phone", Form),
            ("/booking/lookup", Form),
            ("/booking/done", Result),
            ("/callback/when", Form),
            ("/callback/done/", Result),
        ] {
            assert_eq!(
                Screen::from_path(path).map(Screen::kind),
                Some(kind),
                "{path}"
            );
        }
    }

    #[test]
    fn entry_links_carry_only_a_service_or_a_topic() {
        assert_eq!(
            Screen::booking_for("legal_aid"),
            "/booking?service=legal_aid"
        );
        assert_eq!(
            Screen::callback_about(Topic::LegalAid, callback::Step::Topic),
            "/callback?topic=legal_aid"
        );
        assert_eq!(
            Screen::callback_about(Topic::Feedback, callback::Step::When),
            "/callback/when?topic=feedback"
        );
    }
}
