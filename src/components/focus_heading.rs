//! The screen's `<h1>`, focused when the screen appears so keyboard and screen
//! reader users start at the top of the new content; in audio mode the heading
//! and the screen's instructions (the paragraphs and receipt right after it) are
//! spoken, from the same catalog text the screen shows.

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

use crate::{device::speech::use_speaker, text::Msg, visit::prefs::use_t};

/// The heading's text and what follows it up to the first control: the
/// instructions of the screen, and a receipt if there is one. Alerts and status
/// lines are left out (they speak for themselves).
pub fn screen_text(heading: &web_sys::Element) -> Vec<String> {
    let mut parts = vec![heading.text_content().unwrap_or_default()];
    let mut next = heading.next_element_sibling();
    while let Some(el) = next {
        let role = el.get_attribute("role");
        let speakable = matches!(el.tag_name().as_str(), "P" | "ARTICLE")
            && !matches!(role.as_deref(), Some("alert" | "status"));
        if speakable {
            let text = el
                .dyn_ref::<web_sys::HtmlElement>()
                .map(|h| h.inner_text())
                .unwrap_or_default();
            if !text.trim().is_empty() {
                parts.push(text);
            }
        } else if !matches!(el.tag_name().as_str(), "P") {
            break;
        }
        next = el.next_element_sibling();
    }
    parts
}

#[component]
pub fn FocusHeading(
    /// The heading text.
    #[prop(into)]
    text: Signal<Msg>,
    /// Speak but leave focus where it is (the start screen, where the first Tab
    /// must reach the skip link).
    #[prop(optional)]
    no_focus: bool,
) -> impl IntoView {
    let t = use_t();
    let speaker = use_context::<crate::device::speech::Speaker>().map(|_| use_speaker());
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if !no_focus {
                // Without scrolling: navigation has put the new screen at the
                // top, and scrolling the heading into view would lay the screen
                // out once more before its first frame.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = h.focus_with_options(&options);
            }
            // Read once the screen is painted: its text is then laid out
            // already, and the visitor sees the screen before it is spoken.
            if let Some(speaker) = speaker {
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            // Gone already: the visitor moved on.
                            if !h.is_connected() {
                                return;
                            }
                            let parts = screen_text(&h);
                            let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
                            speaker.say(&refs);
                        },
                        std::time::Duration::ZERO,
                    )
                });
            }
        }
    });
    view! {
        <h1 class="kiosk-heading" tabindex="-1" node_ref=heading>
            {move || t(text.get())}
        </h1>
    }
}
