//! The visitor's display preferences for this visit: language, colour theme and text
//! size. They live only in memory (never browser storage) and are reflected onto
//! `<html>` as `lang`, `data-theme` and `data-text-size`, which the stylesheet's
//! tokens follow.

use kiosk_core::Lang;
use leptos::prelude::*;

use crate::text::Msg;

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

/// How fast the kiosk speaks in audio mode (choices, not a slider).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SpeechRate {
    Slow,
    #[default]
    Normal,
    Fast,
}

impl SpeechRate {
    pub const ALL: [SpeechRate; 3] = [SpeechRate::Slow, SpeechRate::Normal, SpeechRate::Fast];

    /// `SpeechSynthesisUtterance.rate`.
    pub fn rate(self) -> f32 {
        match self {
            SpeechRate::Slow => 0.75,
            SpeechRate::Normal => 1.0,
            SpeechRate::Fast => 1.3,
        }
    }

    pub fn label(self) -> Msg {
        match self {
            SpeechRate::Slow => Msg::RateSlow,
            SpeechRate::Normal => Msg::RateNormal,
            SpeechRate::Fast => Msg::RateFast,
        }
    }
}

/// How loud the kiosk speaks in audio mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Volume {
    Quiet,
    #[default]
    Normal,
    Loud,
}

impl Volume {
    pub const ALL: [Volume; 3] = [Volume::Quiet, Volume::Normal, Volume::Loud];

    /// `SpeechSynthesisUtterance.volume` (0–1).
    pub fn level(self) -> f32 {
        match self {
            Volume::Quiet => 0.4,
            Volume::Normal => 0.7,
            Volume::Loud => 1.0,
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Volume::Quiet => Msg::VolumeQuiet,
            Volume::Normal => Msg::VolumeNormal,
            Volume::Loud => Msg::VolumeLoud,
        }
    }
}

/// Shared preferences, provided once by [`provide_prefs`]. All of them last for
/// one visit: the reload at its end starts from the defaults.
#[derive(Clone, Copy, Debug)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    pub text_size: RwSignal<TextSize>,
    /// Audio mode: the kiosk speaks.
    pub audio: RwSignal<bool>,
    /// A headset is plugged in: private data (ID, phone digits) may be spoken.
    pub private_listening: RwSignal<bool>,
    /// No animation (also when the system asks for reduced motion).
    pub reduced_motion: RwSignal<bool>,
    pub speech_rate: RwSignal<SpeechRate>,
    pub volume: RwSignal<Volume>,
}

impl Prefs {
    fn new() -> Self {
        Self {
            lang: RwSignal::new(crate::ops::config::config().default_language),
            theme: RwSignal::new(Theme::default()),
            text_size: RwSignal::new(TextSize::default()),
            audio: RwSignal::new(false),
            private_listening: RwSignal::new(false),
            reduced_motion: RwSignal::new(false),
            speech_rate: RwSignal::new(SpeechRate::default()),
            volume: RwSignal::new(Volume::default()),
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
        let _ = root.set_attribute(
            "data-reduced-motion",
            if prefs.reduced_motion.get() {
                "true"
            } else {
                "false"
            },
        );
        let _ = root.set_attribute("data-audio", if prefs.audio.get() { "on" } else { "off" });
        document().set_title(Msg::AppTitle.text(lang));
    });
    prefs
}

/// The preferences provided by [`provide_prefs`].
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

/// A catalog text that follows the display language, as a view's text or an
/// attribute's value: `{tr(Msg::HomeHeading)}`. Every call returns the same
/// closure type, so the view layer's code for a reactive text is generated once;
/// `move || t(msg)` written out at each place is a type (and code) of its own.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_prefs().lang;
    move || msg.text(lang.get())
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
