//! The kiosk's translation catalog, one file per area of the kiosk. Each area's
//! macro adds its texts and hands everything to the next; the last makes [`Msg`].
//! The `catalog!` macro demands a Chinese and an English text for every key, so a
//! missing translation does not compile; the kiosk's `text` tests catch empty or
//! untranslated entries.
//!
//! It lives in core because the server needs it too: the speech endpoint keeps
//! audio only of texts that are the catalog's (they hold no personal data), and
//! renders all of them at deploy time.

use crate::Lang;

macro_rules! catalog {
    ($($key:ident { zh: $zh:literal, en: $en:literal $(,)? })*) => {
        /// A key of the translation catalog.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($key,)*
        }

        impl Msg {
            /// Every key, in catalog order.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The text of this key in `lang`. A table indexed by key rather than
            /// a `match`: a thousand match arms were 16 KB of code in the `.wasm`.
            pub fn text(self, lang: Lang) -> &'static str {
                const TEXTS: &[[&str; 2]] = &[$([$zh, $en],)*];
                TEXTS[self as usize][match lang {
                    Lang::ZhCn => 0,
                    Lang::En => 1,
                }]
            }
        }
    };
}

/// Hands the texts gathered so far to the next area, or to `catalog!` after
/// the last.
macro_rules! next_area {
    ([$next:ident $($rest:ident)*] $($texts:tt)*) => {
        $next! { [$($rest)*] $($texts)* }
    };
    ([] $($texts:tt)*) => {
        catalog! { $($texts)* }
    };
}

#[macro_use]
mod common;
#[macro_use]
mod self_check;
#[macro_use]
mod form;
#[macro_use]
mod booking;
#[macro_use]
mod callback;
#[macro_use]
mod rating;
#[macro_use]
mod ops;
#[macro_use]
mod staff;

next_area! { [common_texts self_check_texts form_texts booking_texts callback_texts rating_texts ops_texts staff_texts] }

/// The catalog's texts in `lang` that are said as they stand: templates
/// (`{n}`) are filled in first, so only their results are ever spoken, and those
/// are not the catalog's. Audio of these may be kept and asked for by address.
pub fn fixed_texts(lang: Lang) -> impl Iterator<Item = &'static str> {
    Msg::ALL
        .iter()
        .map(move |m| m.text(lang))
        .filter(|text| !text.contains('{'))
}

/// Whether `text` is one of [`fixed_texts`] in `lang`.
pub fn is_fixed_text(lang: Lang, text: &str) -> bool {
    fixed_texts(lang).any(|t| t == text)
}
