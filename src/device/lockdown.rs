//! Lockdown inside the page (#7): a visitor cannot open the browser's menus, pick
//! up or drag page content, zoom the browser, or leave the kiosk's own pages.
//!
//! Document listeners, installed once at start-up, stop what CSS cannot;
//! `style/lockdown.css` does the rest (no selection or callout, no pinch or
//! double-tap zoom, no dragging links and images). Chromium's kiosk flags and
//! managed policies (docs/deploying.md) are the outer wall; this inner one makes
//! the app behave the same in a plain browser window and under test.
//!
//! Zoom is not needed: the accessibility panel's large-text mode replaces it.
//! `window.open` is not intercepted: the app never calls it, and the links that
//! could open a window are stopped here.

use leptos::{ev, prelude::*};
use leptos_use_event_listener::{UseEventListenerOptions, use_event_listener_with_options};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent, MouseEvent, Node};

/// Where text stays selectable (and the selection handles appear), so a visitor
/// can correct what they type. Kept in step with `style/lockdown.css`.
const TEXT_ENTRY: &str = "input, textarea, [contenteditable]";

/// Elements whose activation navigates.
const LINK: &str = "a[href], area[href]";

/// Installs the page's lockdown listeners once at start-up; they live as long as
/// the app's root owner, that is as long as the page.
pub fn install() {
    // Right-click and long-press open the browser's menu: new window, save, inspect.
    block(ev::contextmenu, |_| true);
    // Dragging a link, image or text out hands it to another window or the desktop.
    block(ev::dragstart, |_| true);
    // Selecting text brings up handles and a copy menu; text fields keep it for editing.
    block(ev::selectstart, |e| {
        !target_element(e).is_some_and(|el| matches_or_inside(&el, TEXT_ENTRY))
    });
    // Safari's pinch gestures (the kiosk runs Chromium; this costs nothing there).
    block(ev::Custom::<Event>::new("gesturestart"), |_| true);
    block(ev::Custom::<Event>::new("gesturechange"), |_| true);
    // Ctrl + wheel zooms the browser, and Chromium reports a touchpad pinch as one.
    block(ev::wheel, |e| e.ctrl_key());
    // Ctrl/Cmd with + - = 0 zoom the browser from a keyboard.
    block(ev::keydown, |e: &KeyboardEvent| {
        is_zoom_key(e.ctrl_key() || e.meta_key(), &e.key(), &e.code())
    });
    // A two-finger pinch is stopped by `touch-action: pan-x pan-y` alone (lockdown.css;
    // the E2E test pinches with real touch input). No touch listener here on purpose:
    // a document-level one that is not passive makes Chromium wait for the page's
    // script before it can act on any touch (`cargo xtask bench` measured taps by
    // touch at twice the time of mouse clicks while there was one).
    // A link off the app's origin, into another window or for a download leaves the kiosk;
    // so does any link clicked with a modifier (new tab or window, or Alt: download).
    block(ev::click, |e: &MouseEvent| {
        link_of(e).is_some_and(|link| {
            leaves_the_app(&link) || e.ctrl_key() || e.shift_key() || e.meta_key() || e.alt_key()
        })
    });
    // A middle click opens a link in a new tab.
    block(ev::auxclick, |e| link_of(e).is_some());
}

/// Cancels `event` on the document whenever `when` says so. Capture phase, so
/// nothing in the app can stop it first; not passive, so cancelling a Ctrl + wheel
/// counts (Chromium makes document-level wheel listeners passive by default).
fn block<E>(event: E, when: impl Fn(&E::EventType) -> bool + 'static)
where
    E: ev::EventDescriptor + 'static,
    E::EventType: AsRef<Event>,
{
    let options = UseEventListenerOptions::default()
        .capture(true)
        .passive(false);
    let _ = use_event_listener_with_options(
        document(),
        event,
        move |e: E::EventType| {
            // An event already under way (a scroll) cannot be cancelled; trying only
            // logs a warning.
            if e.as_ref().cancelable() && when(&e) {
                e.as_ref().prevent_default();
            }
        },
        options,
    );
}

/// The element an event is about (a text node's parent for selection events).
fn target_element(e: &impl AsRef<Event>) -> Option<Element> {
    let node = e.as_ref().target()?.dyn_into::<Node>().ok()?;
    match node.dyn_into::<Element>() {
        Ok(el) => Some(el),
        Err(node) => node.parent_element(),
    }
}

fn matches_or_inside(el: &Element, selector: &str) -> bool {
    el.closest(selector).ok().flatten().is_some()
}

/// The link a click lands in, if any.
fn link_of(e: &MouseEvent) -> Option<Element> {
    target_element(e)?.closest(LINK).ok().flatten()
}

/// Whether following `link` would leave this page's origin, open another
/// browsing context, or download.
fn leaves_the_app(link: &Element) -> bool {
    let href = link.get_attribute("href").unwrap_or_default();
    // Resolved as the browser would, against the link's base URL.
    let base = link.base_uri().ok().flatten().unwrap_or_default();
    let origin = web_sys::Url::new_with_base(&href, &base)
        .map(|url| url.origin())
        .ok();
    let own = window().location().origin().ok();
    let target = link.get_attribute("target");
    !stays_in_app(
        origin.as_deref(),
        own.as_deref(),
        target.as_deref(),
        link.has_attribute("download"),
    )
}

/// A link stays in the app when its URL has the page's origin (`mailto:`, `tel:`
/// and `javascript:` URLs have the opaque origin "null"), it opens in the same
/// browsing context and it is not a download. An unknown origin never stays.
fn stays_in_app(
    link_origin: Option<&str>,
    page_origin: Option<&str>,
    target: Option<&str>,
    download: bool,
) -> bool {
    let same_origin =
        matches!((link_origin, page_origin), (Some(a), Some(b)) if a == b && a != "null");
    let same_context = target.is_none_or(|t| t.is_empty() || t.eq_ignore_ascii_case("_self"));
    same_origin && same_context && !download
}

/// Whether a key press with Ctrl (or Cmd) held zooms the browser: `+`, `-`, `=`,
/// `0`, on the main keys or the number pad, shifted or not.
fn is_zoom_key(ctrl_or_meta: bool, key: &str, code: &str) -> bool {
    ctrl_or_meta
        && (matches!(key, "+" | "-" | "=" | "_" | "0")
            || matches!(
                code,
                "Equal" | "Minus" | "Digit0" | "NumpadAdd" | "NumpadSubtract" | "Numpad0"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "http://127.0.0.1:8080";

    #[test]
    fn links_stay_in_the_app_only_on_its_origin_in_its_own_window() {
        let cases = [
            // (link origin, target, download, stays)
            (Some(PAGE), None, false, true),
            (Some(PAGE), Some(""), false, true),
            (Some(PAGE), Some("_self"), false, true),
            (Some(PAGE), Some("_SELF"), false, true),
            (Some(PAGE), Some("_blank"), false, false),
            (Some(PAGE), Some("_top"), false, false),
            (Some(PAGE), Some("receipt"), false, false),
            (Some(PAGE), None, true, false),
            (Some("https://example.com"), None, false, false),
            (Some("http://127.0.0.1:8081"), None, false, false),
            (Some("null"), None, false, false),
            (None, None, false, false),
        ];
        for (origin, target, download, stays) in cases {
            assert_eq!(
                stays_in_app(origin, Some(PAGE), target, download),
                stays,
                "{origin:?} target={target:?} download={download}"
            );
        }
    }

    #[test]
    fn a_page_of_unknown_or_opaque_origin_keeps_no_link() {
        assert!(!stays_in_app(Some(PAGE), None, None, false));
        assert!(!stays_in_app(Some("null"), Some("null"), None, false));
    }

    #[test]
    fn ctrl_or_cmd_with_plus_minus_equals_or_zero_is_a_zoom_key() {
        let zoom = [
            ("+", "Equal"),
            ("=", "Equal"),
            ("-", "Minus"),
            ("_", "Minus"),
            ("0", "Digit0"),
            ("+", "NumpadAdd"),
            ("-", "NumpadSubtract"),
            ("0", "Numpad0"),
        ];
        for (key, code) in zoom {
            assert!(is_zoom_key(true, key, code), "{key} {code}");
            assert!(!is_zoom_key(false, key, code), "{key} {code} without Ctrl");
        }
        for (key, code) in [
            ("1", "Digit1"),
            ("a", "KeyA"),
            ("F2", "F2"),
            ("Enter", "Enter"),
        ] {
            assert!(!is_zoom_key(true, key, code), "{key} {code}");
        }
    }
}
