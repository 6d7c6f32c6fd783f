//! A large home-screen tile: a link with a title and a one-line description.

use leptos::prelude::*;

use crate::{
    components::icon::{Icon, IconSvg},
    screen::Screen,
    text::Msg,
    visit::prefs::tr,
};

#[component]
pub fn Tile(
    /// Where the tile leads.
    to: Screen,
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
    // The same face either way; only whether it leads somewhere differs.
    let face = move |hint: Msg| {
        view! {
            <IconSvg icon=icon class="kiosk-tile__icon" />
            <span class="kiosk-tile__title">{tr(title)}</span>
            <span class="kiosk-tile__hint">{tr(hint)}</span>
        }
    };
    view! {
        <li class="kiosk-tiles__item">
            {move || if unavailable.get() {
                view! { <div class="kiosk-tile kiosk-tile--unavailable">{face(Msg::OfflineTile)}</div> }
                    .into_any()
            } else {
                view! { <a href=to.path() class="kiosk-tile">{face(hint)}</a> }.into_any()
            }}
        </li>
    }
}
