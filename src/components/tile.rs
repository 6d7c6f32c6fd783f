//! A large home-screen tile: a link with a title and a one-line description.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{
    components::icon::{Icon, IconSvg},
    i18n::Msg,
    prefs::use_t,
};

#[component]
pub fn Tile(
    /// Where the tile leads.
    href: &'static str,
    /// The tile's title, also its accessible name.
    title: Msg,
    /// One plain line saying what the visitor can do there.
    hint: Msg,
    /// A picture for visitors who read little.
    icon: Icon,
    /// When the service cannot be used just now (the server is unreachable): the
    /// tile stays in place, says so, and leads nowhere.
    #[prop(optional, into)]
    unavailable: Signal<bool>,
) -> impl IntoView {
    let t = use_t();
    view! {
        <li class="kiosk-tiles__item">
            {move || if unavailable.get() {
                view! {
                    <div class="kiosk-tile kiosk-tile--unavailable">
                        <IconSvg icon=icon class="kiosk-tile__icon" />
                        <span class="kiosk-tile__title">{move || t(title)}</span>
                        <span class="kiosk-tile__hint">{move || t(Msg::OfflineTile)}</span>
                    </div>
                }.into_any()
            } else {
                view! {
                    <A href=href attr:class="kiosk-tile">
                        <IconSvg icon=icon class="kiosk-tile__icon" />
                        <span class="kiosk-tile__title">{move || t(title)}</span>
                        <span class="kiosk-tile__hint">{move || t(hint)}</span>
                    </A>
                }.into_any()
            }}
        </li>
    }
}
