//! Every screen the kiosk has, in one type. Navigation, the inactivity timer,
//! the frame and speech all ask a [`Screen`]; the URL is only its mirror, kept so
//! that reloads, deep links and the history keep working, and no other module
//! writes a path.
//!
//! [`go`] and [`replace`] reach the router from anywhere (a button's handler, a
//! timer, a finished request), so nothing needs to carry a navigate closure.

use std::cell::RefCell;

use kiosk_core::api::Topic;
use leptos::prelude::*;
use leptos_router::NavigateOptions;

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

/// Opens a path in the router.
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

thread_local! {
    static NAVIGATE: RefCell<Option<Navigate>> = const { RefCell::new(None) };
}

/// Lets [`go`] and [`replace`] reach the router; called once, inside it.
#[component]
pub fn Navigation() -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    NAVIGATE.with(|n| *n.borrow_mut() = Some(Box::new(navigate)));
    let location = leptos_router::hooks::use_location();
    provide_context(Current(Memo::new(move |_| {
        location.pathname.with(|p| Screen::from_path(p))
    })));
}

fn open(href: &str, replace: bool) {
    NAVIGATE.with(|n| {
        if let Some(navigate) = n.borrow().as_ref() {
            navigate(
                href,
                NavigateOptions {
                    replace,
                    ..Default::default()
                },
            );
        }
    });
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
/// an entry link, the reference in a receipt's QR code. Read from the router's
/// own location, which is already the new one while a screen is being built.
pub fn entry_param(name: &str) -> Option<String> {
    leptos_router::hooks::use_location()
        .query
        .with_untracked(|q| q.get(name))
}

/// The screen being shown (`None`: a path the kiosk does not have).
#[derive(Clone, Copy)]
pub struct Current(pub Memo<Option<Screen>>);

pub fn use_screen() -> Memo<Option<Screen>> {
    expect_context::<Current>().0
}

/// The screen being shown, read from the address bar: for code that runs outside
/// any component (the end of a visit, a key handler).
pub fn current() -> Option<Screen> {
    window()
        .location()
        .pathname()
        .ok()
        .and_then(|p| Screen::from_path(&p))
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
