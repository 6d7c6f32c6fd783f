//! Consistent help, in the same place on every screen (WCAG 3.2.6).

use leptos::prelude::*;

use crate::{i18n::Msg, prefs::use_t};

#[component]
pub fn KioskFooter() -> impl IntoView {
    let t = use_t();
    view! {
        <footer class="kiosk-footer">
            <p class="kiosk-footer__help">{move || t(Msg::FooterHelp)}</p>
        </footer>
    }
}
