//! Any path that names no screen.

use leptos::prelude::*;

use crate::{components::notice_page::NoticePage, text::Msg};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <NoticePage
            heading=Msg::NotFoundHeading
            paragraphs=vec![Msg::NotFoundBody, Msg::AskStaffOrHotline]
        />
    }
}
