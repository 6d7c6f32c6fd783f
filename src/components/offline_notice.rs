//! While the server cannot be reached: booking and callback requests cannot be
//! sent, the self-check (which runs in the kiosk) still works, and 12348 or a
//! service counter can help. Disappears by itself when the server answers again.

use kiosk_core::HOTLINE;
use leptos::prelude::*;

use crate::{
    i18n::{Msg, fill},
    ops::use_ops,
    prefs::use_t,
};

#[component]
pub fn OfflineNotice() -> impl IntoView {
    let ops = use_ops();
    let t = use_t();
    // Only there while offline: an empty alert region would be noise.
    move || {
        (!ops.online.get()).then(|| {
            view! {
                <p class="kiosk-offline" role="alert">
                    {move || fill(t(Msg::OfflineNotice), &[("hotline", HOTLINE)])}
                </p>
            }
        })
    }
}
