//! "Are you still there?": shown `warning_s` before an idle visit is cleared, as
//! an `alertdialog` with one large button that has focus. It is said when it
//! appears and once more at 10 seconds, never every second; the countdown on
//! screen is not a live region. Any touch or key closes it (see `ops`).

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

use crate::{
    device::announce::Announcer,
    ops::{self, idle::Idle, use_ops},
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs, use_t},
};

/// When the last warning is repeated, in seconds left.
pub const LAST_CALL_S: u32 = 10;

#[component]
pub fn IdleWarning() -> impl IntoView {
    let ops = use_ops();
    let t = use_t();
    let lang = use_prefs().lang;
    let announcer = Announcer::new();
    let remaining = move || match ops.idle.get() {
        Idle::Warning { remaining_s } => Some(remaining_s),
        _ => None,
    };
    let open = Memo::new(move |_| remaining().is_some());
    let last_call = Memo::new(move |_| remaining().is_some_and(|s| s <= LAST_CALL_S));
    let button = NodeRef::<html::Button>::new();
    // Where focus was before the dialog took it, to give it back.
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);

    Effect::new(move |_| {
        if open.get() {
            before.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            // Said once: the countdown must not make this effect run each second.
            let seconds = untrack(remaining).unwrap_or_default().to_string();
            let l = lang.get_untracked();
            announcer.say_texts(&[
                Msg::IdleHeading.text(l),
                &fill(Msg::IdleBody.text(l), &[("seconds", &seconds)]),
                Msg::IdleContinue.text(l),
            ]);
        } else if let Some(el) = before.try_update_value(Option::take).flatten()
            && el.is_connected()
        {
            let _ = el.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    Effect::new(move |_| {
        if last_call.get() {
            announcer.say(&[Msg::IdleTenSeconds]);
        }
    });
    let keep = move |_| {
        ops::activity();
        ops.idle.set(Idle::Active);
    };

    view! {
        <Show when=move || open.get()>
            <div class="kiosk-idle">
                <div
                    class="kiosk-idle__dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="kiosk-idle-heading"
                    aria-describedby="kiosk-idle-body"
                >
                    <h2 id="kiosk-idle-heading" class="kiosk-idle__heading">
                        {tr(Msg::IdleHeading)}
                    </h2>
                    <p id="kiosk-idle-body" class="kiosk-idle__body">
                        {move || {
                            let s = remaining().unwrap_or_default().to_string();
                            fill(Msg::IdleBody.text(lang.get()), &[("seconds", &s)])
                        }}
                    </p>
                    <p class="kiosk-idle__status" role="status">
                        {move || last_call.get().then(|| t(Msg::IdleTenSeconds))}
                    </p>
                    <button
                        type="button"
                        class="kiosk-button kiosk-button--primary kiosk-button--large kiosk-idle__continue"
                        node_ref=button
                        on:click=keep
                    >
                        {tr(Msg::IdleContinue)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
