//! `/callback`: the Callback screen. Its flow is built by its own issue; until then
//! the visitor is sent to staff or the 12348 hotline.

use leptos::prelude::*;

use crate::{components::notice_page::NoticePage, i18n::Msg};

#[component]
pub fn CallbackPage() -> impl IntoView {
    view! {
        <NoticePage
            heading=Msg::TileCallback
            paragraphs=vec![Msg::ComingSoonBody, Msg::AskStaffOrHotline]
        />
    }
}
