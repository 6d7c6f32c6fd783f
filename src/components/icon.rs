//! Simple line icons, drawn inline so the kiosk needs no external assets. They are
//! decorative (`aria-hidden`): every icon stands beside words that say the same.

use leptos::prelude::*;

/// The icons the kiosk uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// Scales of justice: legal aid.
    Scales,
    /// A calendar page: booking.
    Calendar,
    /// A telephone handset: call-back.
    Phone,
    /// A person with open arms: accessibility.
    Person,
}

impl Icon {
    /// SVG path data on a 48×48 grid, stroked.
    fn path(self) -> &'static str {
        match self {
            Icon::Scales => {
                "M24 6v34M14 40h20M10 12h28M10 12l-6 14h12zM38 12l-6 14h12zM4 26a6 4 0 0 0 12 0M32 26a6 4 0 0 0 12 0"
            }
            Icon::Calendar => {
                "M8 12h32v28H8zM8 20h32M16 6v10M32 6v10M15 27h5M22 27h5M29 27h5M15 33h5M22 33h5"
            }
            Icon::Phone => "M14 6l6 10-4 4c2 5 7 10 12 12l4-4 10 6-4 8C23 42 6 25 6 10z",
            Icon::Person => {
                "M24 5a4 4 0 1 0 0 8 4 4 0 1 0 0-8M8 18h32M24 18v12M24 30l-8 14M24 30l8 14"
            }
        }
    }
}

#[component]
pub fn IconSvg(
    /// Which icon.
    icon: Icon,
    /// Extra class for sizing by the parent's stylesheet.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! {
        <svg
            class=format!("kiosk-icon {class}")
            viewBox="0 0 48 48"
            aria-hidden="true"
            focusable="false"
        >
            <path d=icon.path() />
        </svg>
    }
}
