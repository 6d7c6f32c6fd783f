//! Provisions of the Legal Aid Law as the engine cites them: `LAL 31(5)` in the
//! result's `articles`, and "法律援助法第31条第5项" / "LAL 31(5)" inside reasons.

use std::fmt;

use crate::api::LocalizedText;

/// An article of the PRC Legal Aid Law, or one numbered item of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Article {
    number: u8,
    item: Option<u8>,
}

/// A whole article, e.g. `art(34)` = "LAL 34".
pub(super) const fn art(number: u8) -> Article {
    Article { number, item: None }
}

/// An item of an article, e.g. `item(31, 5)` = "LAL 31(5)".
pub(super) const fn item(number: u8, item: u8) -> Article {
    Article {
        number,
        item: Some(item),
    }
}

impl Article {
    /// The Chinese form without the law's name: "第31条第5项".
    fn zh(self) -> String {
        match self.item {
            Some(i) => format!("第{}条第{i}项", self.number),
            None => format!("第{}条", self.number),
        }
    }

    /// The English form without the law's abbreviation: "31(5)".
    fn en(self) -> String {
        match self.item {
            Some(i) => format!("{}({i})", self.number),
            None => self.number.to_string(),
        }
    }
}

/// The form used in `articles`: "LAL 31(5)".
impl fmt::Display for Article {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LAL {}", self.en())
    }
}

/// A citation for the end of a sentence: "法律援助法第24条、第30条" and "LAL 24, 30".
pub(super) fn cite(articles: &[Article]) -> LocalizedText {
    let zh: Vec<String> = articles.iter().map(|a| a.zh()).collect();
    let en: Vec<String> = articles.iter().map(|a| a.en()).collect();
    LocalizedText {
        zh_cn: format!("法律援助法{}", zh.join("、")),
        en: format!("LAL {}", en.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_and_items_are_written_as_the_result_contract_says() {
        assert_eq!(art(34).to_string(), "LAL 34");
        assert_eq!(item(31, 5).to_string(), "LAL 31(5)");
        assert_eq!(item(48, 6).to_string(), "LAL 48(6)");
    }

    #[test]
    fn citations_name_the_law_once_in_each_language() {
        let c = cite(&[item(31, 5), item(42, 3)]);
        assert_eq!(c.zh_cn, "法律援助法第31条第5项、第42条第3项");
        assert_eq!(c.en, "LAL 31(5), 42(3)");
        assert_eq!(cite(&[art(43)]).en, "LAL 43");
    }
}
