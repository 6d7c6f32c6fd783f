//! The hall's name, which is also the staff's hidden way in: holding a finger
//! (or the mouse button) on it for 5 seconds opens staff sign-in. Nothing tells
//! the public; a quick touch does nothing special. Ctrl+Alt+M does the same from a
//! keyboard (see `ops`).

use leptos::{ev, prelude::*};

use crate::{
    api,
    screen::{self, Screen},
    text::Msg,
    visit::prefs::use_prefs,
};

/// How long the hall name must be held.
pub const HOLD_MS: u64 = 5_000;

#[component]
pub fn HallName(
    /// The element's class.
    class: &'static str,
) -> impl IntoView {
    let prefs = use_prefs();
    let hall = api::halls::use_hall();
    let name = move || {
        hall.get()
            .map(|h| h.names.get(prefs.lang.get()).to_owned())
            .unwrap_or_else(|| Msg::HallFallbackName.text(prefs.lang.get()).to_owned())
    };
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Set when the hold opened sign-in, so the release is not also a tap on
    // whatever the name sits in (the attract screen starts a visit on a tap).
    let fired = StoredValue::new(false);
    let cancel = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
    };
    let start = move |_: ev::PointerEvent| {
        cancel();
        fired.set_value(false);
        let handle = set_timeout_with_handle(
            move || {
                fired.set_value(true);
                screen::go(Screen::Staff);
            },
            std::time::Duration::from_millis(HOLD_MS),
        )
        .ok();
        timer.set_value(handle);
    };
    on_cleanup(cancel);
    view! {
        <p
            class=class
            on:pointerdown=start
            on:pointerup=move |_| cancel()
            on:pointerleave=move |_| cancel()
            on:pointercancel=move |_| cancel()
            on:click=move |e| {
                if fired.get_value() {
                    fired.set_value(false);
                    e.stop_propagation();
                    e.prevent_default();
                }
            }
        >
            {name}
        </p>
    }
}
