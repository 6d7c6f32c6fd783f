//! The languages the kiosk speaks. Chinese is the default, English second.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, default first.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// BCP 47 tag, as used in `<html lang>`, the API and speech voices.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language of a tag as the API and browsers write it (`zh-CN`, `zh`,
    /// `en`, `en-GB`, any case, `_` for `-`); `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        match tag.split('-').next()? {
            "zh" | "cmn" if !matches!(tag.as_str(), "zh-hk" | "zh-mo" | "zh-tw") => {
                Some(Lang::ZhCn)
            }
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself, as shown on the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "中文",
            Lang::En => "English",
        }
    }

    /// The language the switch offers when this one is showing.
    pub fn other(self) -> Lang {
        match self {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        }
    }
}

impl crate::api::LocalizedText {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.zh_cn,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_serde_names_and_other_toggles() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.tag()));
            assert_eq!(lang.other().other(), lang);
            assert_ne!(lang.other(), lang);
        }
        assert_eq!(Lang::default(), Lang::ZhCn);
    }

    #[test]
    fn tags_are_read_leniently_but_only_for_languages_the_kiosk_speaks() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        for (tag, lang) in [
            ("zh", Some(Lang::ZhCn)),
            ("ZH_cn", Some(Lang::ZhCn)),
            ("cmn-Hans-CN", Some(Lang::ZhCn)),
            ("en-GB", Some(Lang::En)),
            (" en ", Some(Lang::En)),
            ("zh-HK", None),
            ("zh-TW", None),
            ("fr", None),
            ("eng", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
    }
}
