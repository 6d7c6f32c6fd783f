//! The translation catalog: every visible (and later spoken) string of the kiosk.
//!
//! The `catalog!` macro demands a Chinese and an English text for every key, so a
//! missing translation does not compile; the tests below catch empty or
//! untranslated entries.

use kiosk_core::Lang;

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

            /// The text of this key in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$key, Lang::ZhCn) => $zh,
                        (Msg::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

catalog! {
    AppTitle {
        zh: "法律服务自助终端",
        en: "Legal services self-service kiosk",
    }
    SkipToContent {
        zh: "跳到主要内容",
        en: "Skip to main content",
    }
    HallFallbackName {
        zh: "公共法律服务中心",
        en: "Public Legal Service Centre",
    }
    HotlineLabel {
        zh: "法律服务热线",
        en: "Legal service hotline",
    }
    AccessibilityButton {
        zh: "无障碍",
        en: "Accessibility",
    }
    FinishAndClear {
        zh: "返回首页并清除",
        en: "Finish and clear",
    }
    HomeHeading {
        zh: "您好！请选择要办理的事项",
        en: "Welcome. What would you like to do?",
    }
    HomeIntro {
        zh: "请轻触下面的大按钮。也可以用键盘：Tab 键移动，回车键确认。",
        en: "Touch one of the large buttons below. With keys: Tab moves, Enter selects.",
    }
    TileEligibility {
        zh: "法律援助自测",
        en: "Legal aid self-check",
    }
    TileEligibilityHint {
        zh: "回答几个简单问题，看看能否获得免费法律援助",
        en: "Answer a few simple questions to see whether free legal aid is likely",
    }
    TileBooking {
        zh: "预约办事",
        en: "Book an appointment",
    }
    TileBookingHint {
        zh: "预约时间，到大厅办理法律咨询、调解、公证等",
        en: "Book a time at this hall for advice, mediation, notarization and more",
    }
    TileCallback {
        zh: "12348 回拨",
        en: "12348 call-back",
    }
    TileCallbackHint {
        zh: "留下电话号码，12348 热线给您回电",
        en: "Leave your number and the 12348 hotline will call you back",
    }
    TileAccessibility {
        zh: "无障碍",
        en: "Accessibility",
    }
    TileAccessibilityHint {
        zh: "大字、高对比度等显示方式",
        en: "Large text, high contrast and other display options",
    }
    ComingSoonBody {
        zh: "这项服务还不能在自助终端上办理。",
        en: "This service is not available on the kiosk yet.",
    }
    AskStaffOrHotline {
        zh: "请到服务窗口找工作人员，或拨打 12348 法律服务热线。",
        en: "Please ask staff at the service counter, or call the 12348 legal service hotline.",
    }
    BackToHome {
        zh: "返回首页",
        en: "Back to the start",
    }
    NotFoundHeading {
        zh: "找不到这个页面",
        en: "Page not found",
    }
    NotFoundBody {
        zh: "您要找的页面不存在。请返回首页重新选择。",
        en: "The page you asked for does not exist. Please go back to the start and choose again.",
    }
    ErrorHeading {
        zh: "抱歉，出了点问题",
        en: "Sorry, something went wrong",
    }
    ErrorBody {
        zh: "这不是您的错。请返回首页再试一次。",
        en: "This is not your fault. Please go back to the start and try again.",
    }
    FooterHelp {
        zh: "需要帮助？请找工作人员，或拨打 12348 法律服务热线。",
        en: "Need help? Ask a member of staff or call the 12348 legal service hotline.",
    }
    AccessibilityHeading {
        zh: "无障碍设置",
        en: "Accessibility settings",
    }
    AccessibilityIntro {
        zh: "这些设置只对本次使用有效，结束后自动恢复。",
        en: "These settings last for this visit only and are reset when you finish.",
    }
    TextSizeLabel {
        zh: "文字大小",
        en: "Text size",
    }
    TextSizeNormal {
        zh: "标准",
        en: "Standard",
    }
    TextSizeLarge {
        zh: "大字",
        en: "Large",
    }
    TextSizeLarger {
        zh: "特大字",
        en: "Extra large",
    }
    ThemeLabel {
        zh: "显示颜色",
        en: "Colours",
    }
    ThemeStandard {
        zh: "标准",
        en: "Standard",
    }
    ThemeHighContrast {
        zh: "高对比度",
        en: "High contrast",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_key_has_a_non_empty_text_in_every_language() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                let text = msg.text(lang);
                assert!(!text.trim().is_empty(), "{msg:?} is empty in {lang:?}");
                assert_eq!(text.trim(), text, "{msg:?} has stray spaces in {lang:?}");
            }
        }
    }

    #[test]
    fn chinese_texts_are_chinese_and_english_texts_are_not() {
        for &msg in Msg::ALL {
            assert!(
                has_cjk(msg.text(Lang::ZhCn)),
                "{msg:?} untranslated in zh-CN"
            );
            assert!(!has_cjk(msg.text(Lang::En)), "{msg:?} untranslated in en");
        }
    }

    #[test]
    fn the_hotline_number_is_in_every_help_text() {
        for msg in [Msg::AskStaffOrHotline, Msg::FooterHelp] {
            for lang in Lang::ALL {
                assert!(msg.text(lang).contains(kiosk_core::HOTLINE), "{msg:?}");
            }
        }
    }
}
