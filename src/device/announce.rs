//! What audio mode says besides screen headings (those are in `FocusHeading`):
//! the focused control as focus moves, and the helpers components use to speak
//! errors, status changes and typed characters. Every text spoken is the text
//! shown, from the translation catalog or the page itself.

use leptos::{ev, prelude::*};
use leptos_use_event_listener::use_event_listener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::{
    device::speech::{Speaker, typed_char_text},
    text::Msg,
    visit::prefs::use_prefs,
};

/// The speaker, when the app provides one (component tests mount without it).
pub fn speaker() -> Option<Speaker> {
    use_context::<Speaker>()
}

/// A handle for saying things later, from event handlers and effects.
#[derive(Clone, Copy)]
pub struct Announcer {
    speaker: Option<Speaker>,
    prefs: crate::visit::prefs::Prefs,
}

impl Announcer {
    pub fn new() -> Self {
        Self {
            speaker: speaker(),
            prefs: use_prefs(),
        }
    }

    /// Says catalog texts one after the other, in the display language (audio
    /// mode only).
    pub fn say(self, msgs: &[Msg]) {
        if let Some(s) = self.speaker {
            let lang = self.prefs.lang.get_untracked();
            let texts: Vec<&str> = msgs.iter().map(|m| m.text(lang)).collect();
            s.say(&texts);
        }
    }

    /// Says texts the page built (filled templates, a receipt), in turn.
    pub fn say_texts(self, texts: &[&str]) {
        if let Some(s) = self.speaker {
            s.say(texts);
        }
    }

    /// Echoes a typed character: a private field says only "digit entered"
    /// unless the visitor chose private listening.
    pub fn typed(self, ch: char, private: bool) {
        if let Some(s) = self.speaker {
            s.say_passing(&typed_char_text(
                ch,
                private,
                self.prefs.private_listening.get_untracked(),
                self.prefs.lang.get_untracked(),
            ));
        }
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

/// What a control is called and its state, as a screen reader would say it.
fn control_text(el: &Element, lang: kiosk_core::Lang) -> Option<String> {
    let doc = document();
    let mut name = el
        .get_attribute("aria-label")
        .filter(|l| !l.trim().is_empty())
        .or_else(|| {
            if el.tag_name() == "INPUT" {
                let id = el.id();
                doc.query_selector(&format!("label[for='{id}']"))
                    .ok()
                    .flatten()
                    .and_then(|l| l.text_content())
            } else {
                el.dyn_ref::<HtmlElement>().map(HtmlElement::inner_text)
            }
        })?
        .replace('✓', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        return None;
    }
    if el.get_attribute("aria-pressed").as_deref() == Some("true") {
        name.push_str(match lang {
            kiosk_core::Lang::ZhCn => "，已选",
            kiosk_core::Lang::En => ", chosen",
        });
    }
    if el.get_attribute("aria-disabled").as_deref() == Some("true") {
        name.push_str(match lang {
            kiosk_core::Lang::ZhCn => "，不可选",
            kiosk_core::Lang::En => ", unavailable",
        });
    }
    // A field says its value only if it is not personal (the masked ID shows
    // stars; phone and name fields are said by their label alone).
    if let Some(input) = el.dyn_ref::<HtmlInputElement>()
        && input.read_only()
        && !input.value().is_empty()
    {
        name.push(' ');
        name.push_str(&input.value());
    }
    Some(name)
}

/// In audio mode, says each control as focus reaches it (the screen's heading
/// speaks itself on arrival).
pub fn install_focus_speech() {
    let Some(speaker) = speaker() else {
        return;
    };
    let prefs = use_prefs();
    let _ = use_event_listener(document(), ev::focusin, move |ev| {
        if !prefs.audio.get_untracked() {
            return;
        }
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if el.tag_name() == "H1" || el.tag_name() == "MAIN" {
            return;
        }
        // A touch on a key of a phone or ID pad must not say the digit aloud
        // (the pad says "digit entered"); moving onto it with keys still does.
        let pointer_focus = !el.matches(":focus-visible").unwrap_or(true);
        if pointer_focus && el.closest("[data-private-keys]").ok().flatten().is_some() {
            return;
        }
        if let Some(text) = control_text(&el, prefs.lang.get_untracked()) {
            speaker.say_passing(&text);
        }
    });
}
