//! Crash recovery: a Rust panic or an unhandled JavaScript error replaces the page
//! with a calm "restarting" notice (12348 for help) and loads the attract screen
//! afresh 3 seconds later. The notice and the timer are plain DOM and a bound
//! `location.replace`, so they work even when the WebAssembly instance is dead.
//!
//! Nothing of the error itself is logged or sent: a panic message could quote data
//! a visitor entered. The server only hears that an error happened (the heartbeat's
//! error count, sent once as a beacon).

use std::cell::Cell;

use kiosk_core::{HOTLINE, Lang, api::Heartbeat};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

use crate::screen::Screen;
use crate::text::Msg;

/// How long the restarting notice shows before the attract screen loads.
pub const RESTART_AFTER_MS: i32 = 3_000;

thread_local!(static RESTARTING: Cell<bool> = const { Cell::new(false) });

/// Installs the panic hook and the page's error listeners. Call first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        // Only a developer's debug build shows where it happened.
        #[cfg(debug_assertions)]
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        #[cfg(not(debug_assertions))]
        let _ = info;
        restart();
    }));
    for name in ["error", "unhandledrejection"] {
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            if is_benign(&e) {
                return;
            }
            // Cancelled, the browser does not print the error to its console:
            // its message could quote what a visitor typed.
            e.prevent_default();
            restart();
        });
        // The listeners live as long as the page.
        let _ = window().add_event_listener_with_callback(name, on_error.as_ref().unchecked_ref());
        on_error.forget();
    }
}

/// Chromium reports a layout notice ("ResizeObserver loop …") as an error event;
/// it is not a failure of the kiosk.
fn is_benign(e: &web_sys::Event) -> bool {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .is_some_and(|m| m.contains("ResizeObserver loop"))
}

/// The notice's markup, in both languages (which one the visitor chose may be gone).
pub fn notice_html() -> String {
    let t = |m: Msg, l: Lang| m.text(l).replace('<', "&lt;");
    format!(
        "<main class=\"kiosk-restart\" id=\"kiosk-restart\" role=\"alert\">\
         <h1 class=\"kiosk-restart__heading\">{h_zh}</h1>\
         <p class=\"kiosk-restart__heading-en\" lang=\"en\">{h_en}</p>\
         <p class=\"kiosk-restart__text\">{b_zh}</p>\
         <p class=\"kiosk-restart__text\" lang=\"en\">{b_en}</p>\
         <p class=\"kiosk-restart__help\">{p_zh}</p>\
         <p class=\"kiosk-restart__help\" lang=\"en\">{p_en}</p>\
         <p class=\"kiosk-restart__hotline\" aria-hidden=\"true\">{HOTLINE}</p>\
         </main>",
        h_zh = t(Msg::RestartHeading, Lang::ZhCn),
        h_en = t(Msg::RestartHeading, Lang::En),
        b_zh = t(Msg::RestartBody, Lang::ZhCn),
        b_en = t(Msg::RestartBody, Lang::En),
        p_zh = t(Msg::RestartHelp, Lang::ZhCn),
        p_en = t(Msg::RestartHelp, Lang::En),
    )
}

/// Shows the restarting notice and schedules the fresh start (once).
pub fn restart() {
    if RESTARTING.with(|r| r.replace(true)) {
        return;
    }
    web_sys::console::error_1(&JsValue::from_str(
        "legal-kiosk: internal error; restarting (details withheld: they may hold personal data)",
    ));
    if let Ok(synth) = window().speech_synthesis() {
        synth.cancel();
    }
    let doc = document();
    if let Some(body) = doc.body() {
        body.set_inner_html(&notice_html());
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", Lang::ZhCn.tag());
    }
    send_error_beacon();
    // A JavaScript function bound to its arguments: it needs no WebAssembly.
    let location = window().location();
    if let Ok(replace) = js_sys::Reflect::get(&location, &JsValue::from_str("replace"))
        && let Ok(replace) = replace.dyn_into::<js_sys::Function>()
    {
        let go: js_sys::Function = replace
            .bind1(&location, &JsValue::from_str(&Screen::Attract.path()))
            .unchecked_into();
        let _ =
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&go, RESTART_AFTER_MS);
    }
}

/// One last heartbeat with the error counted, by `sendBeacon` so it survives the
/// page going away.
fn send_error_beacon() {
    let beat = Heartbeat {
        errors: super::errors() + 1,
        ..super::heartbeat_now()
    };
    let Ok(json) = serde_json::to_string(&beat) else {
        return;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(&json));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let url = crate::api::url(&format!(
        "/kiosks/{}/heartbeat",
        crate::ops::config::config().kiosk_id
    ));
    let _ = window()
        .navigator()
        .send_beacon_with_opt_blob(&url, Some(&blob));
}
