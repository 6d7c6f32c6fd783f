//! The kiosk's words: the translation catalog (every visible and spoken string,
//! split by area in core's `catalog/`), core's enumerations and refusals in words
//! (`labels`), days and times (`dates`), and the pinyin table of the name
//! keyboard.

pub mod dates;
pub mod labels;
pub mod pinyin;

pub use kiosk_core::catalog::Msg;

/// Fills `{name}` placeholders of a catalog text: `fill("第 {k} 题", &[("k", "3")])`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use kiosk_core::Lang;

    use super::*;

    /// The `{name}` placeholders of a text, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn both_languages_of_a_template_have_the_same_placeholders() {
        for &msg in Msg::ALL {
            assert_eq!(
                placeholders(msg.text(Lang::ZhCn)),
                placeholders(msg.text(Lang::En)),
                "{msg:?}"
            );
        }
        assert_eq!(
            fill(
                Msg::ProgressTemplate.text(Lang::En),
                &[("k", "2"), ("n", "5")]
            ),
            "Question 2 of 5"
        );
    }

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
