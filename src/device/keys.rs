//! The kiosk's keys at work: one `keydown` listener on the window applies the
//! [`KeyMap`]: Up/Down move focus through the screen's controls in reading order,
//! Select activates the focused control (for keypads whose select key is not
//! Enter), Back goes to the previous screen, and Help, Repeat, Stop and
//! Accessibility call the kiosk's own handlers.

use leptos::{ev, prelude::*};
use leptos_use_event_listener::use_event_listener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};

use crate::device::keymap::{KeyAction, KeyMap, is_text_entry};

/// What the kiosk does for the actions that are not about focus.
#[derive(Clone, Copy)]
pub struct KeyHandlers {
    pub help: Callback<()>,
    pub repeat: Callback<()>,
    pub stop: Callback<()>,
    pub accessibility: Callback<()>,
}

/// Controls a visitor can reach with Tab, in document order.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// The visible focusable controls of the page.
fn focusables() -> Vec<HtmlElement> {
    let Ok(list) = document().query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.offset_width() > 0 || el.offset_height() > 0)
        .collect()
}

/// The group of keys an element is in, if any.
fn key_group(el: &web_sys::Element) -> Option<web_sys::Element> {
    el.closest("[data-keygroup]").ok().flatten()
}

/// Moves focus `by` (±1) stops: every control, or with `by_group` a whole group
/// of keys (a number pad, a keyboard) as one stop, entered at its first key.
/// Wraps around; from the heading or nothing focused, forward starts at the
/// first control after it.
fn move_focus(by: isize, by_group: bool) {
    let mut all = focusables();
    let mut active = document().active_element();
    if by_group {
        let mut seen: Vec<web_sys::Element> = Vec::new();
        all.retain(|el| match key_group(el) {
            None => true,
            Some(g) if seen.iter().any(|s| s.is_same_node(Some(&g))) => false,
            Some(g) => {
                seen.push(g);
                true
            }
        });
        // Inside a group, count from the group's first key.
        if let Some(g) = active.as_ref().and_then(key_group) {
            active = all
                .iter()
                .find(|el| key_group(el).is_some_and(|k| k.is_same_node(Some(&g))))
                .map(|el| el.clone().into());
        }
    }
    focus_step(&all, active, by);
}

fn focus_step(all: &[HtmlElement], active: Option<web_sys::Element>, by: isize) {
    if all.is_empty() {
        return;
    }
    let current = active
        .as_ref()
        .and_then(|a| all.iter().position(|el| el.is_same_node(Some(a))));
    let n = all.len() as isize;
    let next = match current {
        Some(i) => (i as isize + by).rem_euclid(n),
        None => {
            // Focus is on a non-tabbable element (the screen's heading): the next
            // control is the first one that follows it in the document.
            let after = active.and_then(|a| {
                all.iter().position(|el| {
                    a.compare_document_position(el) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
                        != 0
                })
            });
            match (after, by > 0) {
                (Some(i), true) => i as isize,
                (Some(i), false) => (i as isize - 1).rem_euclid(n),
                (None, true) => 0,
                (None, false) => n - 1,
            }
        }
    };
    let _ = all[next as usize].focus();
}

fn in_text_entry(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| {
            let kind = el
                .clone()
                .dyn_into::<HtmlInputElement>()
                .ok()
                .map(|i| i.type_());
            is_text_entry(&el.tag_name(), kind.as_deref())
        })
}

/// Listens for the key map's keys for as long as the app runs.
pub fn install(map: KeyMap, handlers: KeyHandlers) {
    let _ = use_event_listener(window(), ev::keydown, move |ev: KeyboardEvent| {
        if ev.default_prevented() || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let Some(action) = map.action(&ev.key(), &ev.code()) else {
            return;
        };
        let typing = in_text_entry(&ev);
        match action {
            // Left and right move the caret in a text field (up and down have
            // nothing to do in a one-line field, so they still move on).
            KeyAction::Up | KeyAction::Down | KeyAction::Previous | KeyAction::Next
                if typing && matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") => {}
            KeyAction::Up => {
                ev.prevent_default();
                move_focus(-1, true);
            }
            KeyAction::Down => {
                ev.prevent_default();
                move_focus(1, true);
            }
            KeyAction::Previous => {
                ev.prevent_default();
                move_focus(-1, false);
            }
            KeyAction::Next => {
                ev.prevent_default();
                move_focus(1, false);
            }
            // Enter and Space already activate buttons and links.
            KeyAction::Select if matches!(ev.key().as_str(), "Enter" | " ") => {}
            KeyAction::Select => {
                ev.prevent_default();
                if let Some(el) = document()
                    .active_element()
                    .and_then(|a| a.dyn_into::<HtmlElement>().ok())
                {
                    el.click();
                }
            }
            KeyAction::Back => {
                let at_home = crate::screen::current() == Some(crate::screen::Screen::Home);
                if !at_home {
                    ev.prevent_default();
                    if let Ok(history) = window().history() {
                        let _ = history.back();
                    }
                }
            }
            KeyAction::Help => {
                ev.prevent_default();
                handlers.help.run(());
            }
            KeyAction::Repeat => {
                ev.prevent_default();
                handlers.repeat.run(());
            }
            KeyAction::Stop => {
                ev.prevent_default();
                handlers.stop.run(());
            }
            KeyAction::Accessibility => {
                ev.prevent_default();
                handlers.accessibility.run(());
            }
        }
    });
}
