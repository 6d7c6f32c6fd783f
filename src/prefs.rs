//! The visitor's display preferences for this visit: language, colour theme and text
//! size. They live only in memory (never browser storage) and are reflected onto
//! `<html>` as `lang`, `data-theme` and `data-text-size`, which the stylesheet's
//! tokens follow.

use kiosk_core::Lang;
use leptos::prelude::*;

use crate::i18n::Msg;

/// Colour theme, as `data-theme` on `<html>`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Standard,
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Standard, Theme::HighContrast];

    pub fn attr(self) -> &'static str {
        match self {
            Theme::Standard => "standard",
            Theme::HighContrast => "high-contrast",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Theme::Standard => Msg::ThemeStandard,
            Theme::HighContrast => Msg::ThemeHighContrast,
        }
    }
}

/// Text size step, as `data-text-size` on `<html>`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];

    pub fn attr(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            TextSize::Normal => Msg::TextSizeNormal,
            TextSize::Large => Msg::TextSizeLarge,
            TextSize::Larger => Msg::TextSizeLarger,
        }
    }
}

/// Shared preferences, provided once by [`provide_prefs`].
#[derive(Clone, Copy, Debug)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    pub text_size: RwSignal<TextSize>,
}

impl Prefs {
    fn new() -> Self {
        Self {
            lang: RwSignal::new(Lang::default()),
            theme: RwSignal::new(Theme::default()),
            text_size: RwSignal::new(TextSize::default()),
        }
    }
}

/// Creates the preferences, provides them as context and keeps `<html>` in step.
pub fn provide_prefs() -> Prefs {
    let prefs = Prefs::new();
    provide_context(prefs);
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        let Some(root) = document().document_element() else {
            return;
        };
        // Failing to set an attribute leaves the previous look; nothing to recover.
        let _ = root.set_attribute("lang", lang.tag());
        let _ = root.set_attribute("data-theme", prefs.theme.get().attr());
        let _ = root.set_attribute("data-text-size", prefs.text_size.get().attr());
        document().set_title(Msg::AppTitle.text(lang));
    });
    prefs
}

/// The preferences provided by [`provide_prefs`].
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

/// A translator that follows the current language: `t(Msg::HomeHeading)`.
pub fn use_t() -> impl Fn(Msg) -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_prefs().lang;
    move |msg| msg.text(lang.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_are_distinct_and_kebab_case() {
        let attrs: Vec<&str> = Theme::ALL.iter().map(|t| t.attr()).collect();
        assert_eq!(attrs, ["standard", "high-contrast"]);
        let attrs: Vec<&str> = TextSize::ALL.iter().map(|t| t.attr()).collect();
        assert_eq!(attrs, ["normal", "large", "larger"]);
    }

    #[test]
    fn the_translator_follows_the_language_signal() {
        let owner = Owner::new();
        owner.set();
        let prefs = Prefs::new();
        provide_context(prefs);
        let t = use_t();
        assert_eq!(t(Msg::BackToHome), "返回首页");
        prefs.lang.set(Lang::En);
        assert_eq!(t(Msg::BackToHome), "Back to the start");
    }
}
