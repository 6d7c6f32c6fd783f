//! While the server cannot be reached: booking and callback requests cannot be
//! sent, the self-check (which runs in the kiosk) still works, and 12348 or a
//! service counter can help. Behind an edge whose central server is away, only
//! booking stops: callback requests are held on the kiosk. Disappears by itself
//! when the server answers again.

use kiosk_core::HOTLINE;
use leptos::prelude::*;

use crate::{
    ops::use_ops,
    text::{Msg, fill},
    visit::prefs::use_t,
};

#[component]
pub fn OfflineNotice() -> impl IntoView {
    let ops = use_ops();
    let t = use_t();
    // Only there while offline: an empty alert region would be noise.
    move || {
        let notice = if !ops.online.get() {
            Msg::OfflineNotice
        } else if ops.central_down() {
            Msg::CentralDownNotice
        } else {
            return None;
        };
        Some(view! {
            <p class="kiosk-offline" role="alert">
                {move || fill(t(notice), &[("hotline", HOTLINE)])}
            </p>
        })
    }
}
