//! The financial-difficulty standards of LAL art. 34: there is no national figure,
//! each province (sometimes each prefecture) sets its own and changes it over time,
//! so they are effective-dated data (`core/data/legal_aid_standards.json`), not
//! constants. The kiosk uses the embedded copy offline; the server can load an
//! updated file with [`Standards::from_json`] and serve it.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::iso_date;
use crate::api::LocalizedText;
use crate::date::Date;

/// The standards file shipped with this build.
pub const EMBEDDED_JSON: &str = include_str!("../../data/legal_aid_standards.json");

/// How a region compares income with its figure. Regions word it differently and the
/// boundary value falls on opposite sides, so the data must say which.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Income per person must be strictly below the figure (低于).
    Below,
    /// Income per person may equal the figure (不高于 / 不超过).
    NotAbove,
}

impl Comparison {
    /// Whether `income` shared by `members` people passes `standard` per person.
    /// Compared as `income ⋚ standard × members` so no rounding of the per-person
    /// share can move a household across the line.
    pub fn passes(self, income: u64, members: u32, standard: u64) -> bool {
        let line = u128::from(standard) * u128::from(members);
        let income = u128::from(income);
        match self {
            Self::Below => income < line,
            Self::NotAbove => income <= line,
        }
    }

    /// The per-person share as a whole number of CNY, rounded so that comparing the
    /// shown number with the figure agrees with [`Comparison::passes`]: down for
    /// "below" (x < s ⇔ ⌊x⌋ < s), up for "not above" (x ≤ s ⇔ ⌈x⌉ ≤ s). A visitor
    /// must never see "3190, not above 3190 — does not meet it".
    pub fn shown_share(self, income: u64, members: u32) -> u64 {
        let members = u64::from(members.max(1));
        match self {
            Self::Below => income / members,
            Self::NotAbove => income.div_ceil(members),
        }
    }

    /// The comparison in words, for sentences like "income … below 3190 CNY".
    pub fn words(self) -> LocalizedText {
        let (zh, en) = match self {
            Self::Below => ("低于", "below"),
            Self::NotAbove => ("不高于", "not above"),
        };
        LocalizedText {
            zh_cn: zh.into(),
            en: en.into(),
        }
    }
}

/// One region's figure from one date on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Six-digit administrative code (GB/T 2260): a province (`"310000"`) or a
    /// prefecture (`"442000"`) where the province lets each city set the figure.
    pub region: String,
    pub names: LocalizedText,
    /// The rule as the region words it, shown beside the figure.
    pub rule: LocalizedText,
    /// Household income per person per month, in whole CNY.
    pub standard_per_capita_monthly: u64,
    pub comparison: Comparison,
    /// First day the figure applies.
    #[serde(with = "iso_date")]
    pub effective_from: Date,
    /// Where the figure comes from.
    pub source: String,
    /// Caveats for staff and maintainers (asset tests, wording to verify).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// Every known standard; `GET /api/v1/eligibility/standards` serves it as is.
/// Deserializing validates it, so a bad file cannot reach the engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StandardsFile")]
pub struct Standards {
    entries: Vec<Standard>,
}

/// The unchecked shape of the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StandardsFile {
    entries: Vec<Standard>,
}

/// Why a standards file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvalidStandards {
    /// No entries at all: every region would lose its figure.
    Empty,
    /// A region code is not six digits.
    RegionCode(String),
    /// A figure of 0 CNY would make every applicant fail.
    ZeroFigure { region: String },
    /// Two entries for one region start on the same day: which applies is unclear.
    Duplicate {
        region: String,
        effective_from: Date,
    },
}

impl fmt::Display for InvalidStandards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the file has no entries"),
            Self::RegionCode(code) => write!(f, "region code {code:?} is not six digits"),
            Self::ZeroFigure { region } => write!(f, "region {region} has a figure of 0 CNY"),
            Self::Duplicate {
                region,
                effective_from,
            } => write!(f, "region {region} has two entries from {effective_from}"),
        }
    }
}

impl std::error::Error for InvalidStandards {}

impl TryFrom<StandardsFile> for Standards {
    type Error = InvalidStandards;

    fn try_from(file: StandardsFile) -> Result<Self, Self::Error> {
        let entries = file.entries;
        if entries.is_empty() {
            return Err(InvalidStandards::Empty);
        }
        for (i, e) in entries.iter().enumerate() {
            if !is_region_code(&e.region) {
                return Err(InvalidStandards::RegionCode(e.region.clone()));
            }
            if e.standard_per_capita_monthly == 0 {
                return Err(InvalidStandards::ZeroFigure {
                    region: e.region.clone(),
                });
            }
            let clash = entries[..i]
                .iter()
                .any(|o| o.region == e.region && o.effective_from == e.effective_from);
            if clash {
                return Err(InvalidStandards::Duplicate {
                    region: e.region.clone(),
                    effective_from: e.effective_from,
                });
            }
        }
        Ok(Self { entries })
    }
}

impl InvalidStandards {
    /// The API's code for it.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "standards_empty",
            Self::RegionCode(_) => "invalid_region_code",
            Self::ZeroFigure { .. } => "zero_figure",
            Self::Duplicate { .. } => "duplicate_standard",
        }
    }
}

/// Why an uploaded standards file is refused, precisely enough to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UploadProblem {
    /// Not JSON of the standards' shape: where, and what the parser says.
    Format {
        line: usize,
        column: usize,
        message: String,
    },
    /// The shape is right, a rule is broken.
    Invalid(InvalidStandards),
}

impl UploadProblem {
    /// The API's code for it (field `text`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format { .. } => "invalid_standards_format",
            Self::Invalid(i) => i.code(),
        }
    }
}

impl Standards {
    /// Checks an uploaded file: the console before it sends, the server on receipt.
    pub fn check_upload(text: &str) -> Result<Standards, UploadProblem> {
        let file: StandardsFile =
            serde_json::from_str(text).map_err(|e| UploadProblem::Format {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        Standards::try_from(file).map_err(UploadProblem::Invalid)
    }

    /// Parses and validates a standards file (the embedded one or an update).
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The standards shipped with this build, parsed once.
    pub fn embedded() -> &'static Standards {
        static EMBEDDED: OnceLock<Standards> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Standards::from_json(EMBEDDED_JSON).expect("the embedded standards file is valid")
        })
    }

    pub fn entries(&self) -> &[Standard] {
        &self.entries
    }

    /// The standard in force in `region` on `date`: the entry for exactly that code
    /// with the latest `effective_from` not after `date`. A prefecture does not fall
    /// back to its province, because provinces like Guangdong set no figure of their
    /// own, only a rule each city turns into one.
    pub fn effective(&self, region: &str, date: Date) -> Option<&Standard> {
        self.entries
            .iter()
            .filter(|e| e.region == region && e.effective_from <= date)
            .max_by_key(|e| e.effective_from)
    }

    /// The earliest entry for `region`, whatever the date: lets the kiosk say
    /// "the standard we know starts on …" for a date before it.
    pub fn earliest(&self, region: &str) -> Option<&Standard> {
        self.entries
            .iter()
            .filter(|e| e.region == region)
            .min_by_key(|e| e.effective_from)
    }
}

/// What an update does to one entry, keyed by region and start date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum StandardChange {
    /// A new figure for a region from a date.
    Added { entry: Standard },
    /// An entry the update no longer has.
    Removed { entry: Standard },
    /// Same region and start, something else differs (the figure, the
    /// comparison, the wording, the source).
    Changed { before: Standard, after: Standard },
}

impl StandardChange {
    /// The entry as it will be (or was, when removed).
    pub fn entry(&self) -> &Standard {
        match self {
            Self::Added { entry } | Self::Removed { entry } => entry,
            Self::Changed { after, .. } => after,
        }
    }
}

impl Standards {
    /// What replacing `self` with `new` changes, ordered by the date each change
    /// takes effect, then region: what the console shows before it applies.
    pub fn changes_to(&self, new: &Standards) -> Vec<StandardChange> {
        let key = |e: &Standard| (e.effective_from, e.region.clone());
        let mut out: Vec<StandardChange> = Vec::new();
        for e in &new.entries {
            match self.entries.iter().find(|o| key(o) == key(e)) {
                None => out.push(StandardChange::Added { entry: e.clone() }),
                Some(o) if o != e => out.push(StandardChange::Changed {
                    before: o.clone(),
                    after: e.clone(),
                }),
                Some(_) => {}
            }
        }
        for o in &self.entries {
            if !new.entries.iter().any(|e| key(e) == key(o)) {
                out.push(StandardChange::Removed { entry: o.clone() });
            }
        }
        out.sort_by_key(|c| key(c.entry()));
        out
    }
}

fn is_region_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn entry(region: &str, figure: u64, comparison: &str, from: &str) -> serde_json::Value {
        serde_json::json!({
            "region": region,
            "names": { "zh-CN": "测试", "en": "Test" },
            "rule": { "zh-CN": "测试", "en": "Test" },
            "standard_per_capita_monthly": figure,
            "comparison": comparison,
            "effective_from": from,
            "source": "test",
        })
    }

    fn file(entries: Vec<serde_json::Value>) -> String {
        serde_json::json!({ "entries": entries }).to_string()
    }

    #[test]
    fn an_upload_is_refused_with_where_or_which_rule() {
        match Standards::check_upload("{\"entries\": [ {\"region\": 310000} ]}") {
            Err(UploadProblem::Format {
                line: 1, column, ..
            }) => assert!(column > 10),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            Standards::check_upload(r#"{"entries": []}"#)
                .unwrap_err()
                .code(),
            "standards_empty"
        );
        let dup = file(vec![
            entry("310000", 3190, "below", "2024-07-01"),
            entry("310000", 3200, "below", "2024-07-01"),
        ]);
        assert_eq!(
            Standards::check_upload(&dup).unwrap_err().code(),
            "duplicate_standard"
        );
        assert!(Standards::check_upload(EMBEDDED_JSON).is_ok());
    }

    #[test]
    fn changes_are_listed_by_the_date_they_take_effect() {
        let old = Standards::from_json(&file(vec![
            entry("310000", 3190, "below", "2024-07-01"),
            entry("442000", 2592, "below", "2023-03-10"),
        ]))
        .unwrap();
        let new = Standards::from_json(&file(vec![
            entry("310000", 3190, "not_above", "2024-07-01"),
            entry("310000", 3400, "not_above", "2026-07-01"),
        ]))
        .unwrap();
        let changes = old.changes_to(&new);
        let summary: Vec<(&str, &str, String)> = changes
            .iter()
            .map(|c| {
                let kind = match c {
                    StandardChange::Added { .. } => "added",
                    StandardChange::Removed { .. } => "removed",
                    StandardChange::Changed { .. } => "changed",
                };
                (
                    kind,
                    c.entry().region.as_str(),
                    c.entry().effective_from.to_string(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("removed", "442000", "2023-03-10".to_owned()),
                ("changed", "310000", "2024-07-01".to_owned()),
                ("added", "310000", "2026-07-01".to_owned()),
            ]
        );
        assert!(new.changes_to(&new).is_empty());
    }

    #[test]
    fn the_embedded_file_holds_the_domain_figures() {
        let s = Standards::embedded();
        let shanghai = s.effective("310000", date("2024-07-01")).unwrap();
        assert_eq!(shanghai.standard_per_capita_monthly, 3190);
        assert_eq!(shanghai.comparison, Comparison::Below);
        assert_eq!(shanghai.names.en, "Shanghai");
        let zhongshan = s.effective("442000", date("2023-03-10")).unwrap();
        assert_eq!(zhongshan.standard_per_capita_monthly, 2592);
        assert_eq!(zhongshan.comparison, Comparison::Below);
    }

    #[test]
    fn the_latest_entry_not_after_the_date_applies() {
        let s = Standards::from_json(&file(vec![
            entry("320100", 2000, "not_above", "2021-11-01"),
            entry("320100", 2490, "not_above", "2025-01-01"),
            entry("320200", 2500, "below", "2021-11-01"),
        ]))
        .unwrap();
        let figure = |d: &str| {
            s.effective("320100", date(d))
                .map(|e| e.standard_per_capita_monthly)
        };
        assert_eq!(figure("2021-10-31"), None);
        assert_eq!(figure("2021-11-01"), Some(2000));
        assert_eq!(figure("2024-12-31"), Some(2000));
        assert_eq!(figure("2025-01-01"), Some(2490));
        assert_eq!(s.effective("320000", date("2025-01-01")), None);
        assert_eq!(
            s.earliest("320100").unwrap().effective_from,
            date("2021-11-01")
        );
    }

    #[test]
    fn a_prefecture_does_not_borrow_its_provinces_entry() {
        let s = Standards::from_json(&file(vec![entry("440000", 3000, "below", "2023-01-01")]))
            .unwrap();
        assert!(s.effective("442000", date("2024-01-01")).is_none());
    }

    #[test]
    fn invalid_files_are_refused_with_the_reason() {
        let cases = [
            (
                file(vec![entry("31000", 3190, "below", "2024-07-01")]),
                "not six digits",
            ),
            (
                file(vec![entry("310000", 0, "below", "2024-07-01")]),
                "figure of 0",
            ),
            (
                file(vec![
                    entry("310000", 3190, "below", "2024-07-01"),
                    entry("310000", 3200, "below", "2024-07-01"),
                ]),
                "two entries",
            ),
            (
                file(vec![entry("310000", 3190, "under", "2024-07-01")]),
                "unknown variant",
            ),
            (
                file(vec![entry("310000", 3190, "below", "2024-07-32")]),
                "YYYY-MM-DD",
            ),
            (r#"{"entries": [], "extra": 1}"#.to_owned(), "unknown field"),
        ];
        for (json, message) in cases {
            let err = Standards::from_json(&json).unwrap_err().to_string();
            assert!(err.contains(message), "{err} should mention {message:?}");
        }
    }

    #[test]
    fn standards_serialize_to_the_file_shape_and_back() {
        let s = Standards::embedded();
        let json = serde_json::to_value(s).unwrap();
        assert_eq!(json["entries"][0]["effective_from"], "2024-07-01");
        assert_eq!(json["entries"][0]["names"]["zh-CN"], "上海市");
        assert_eq!(json["entries"][0]["comparison"], "below");
        let back: Standards = serde_json::from_value(json).unwrap();
        assert_eq!(&back, s);
    }

    #[test]
    fn comparisons_put_the_boundary_on_opposite_sides() {
        // (income, members, standard, below passes, not_above passes)
        let cases = [
            (3189, 1, 3190, true, true),
            (3190, 1, 3190, false, true),
            (3191, 1, 3190, false, false),
            (6379, 2, 3190, true, true),
            (6380, 2, 3190, false, true),
            (6381, 2, 3190, false, false),
            (u64::MAX, u32::MAX, u64::MAX, true, true),
        ];
        for (income, members, standard, below, not_above) in cases {
            assert_eq!(
                Comparison::Below.passes(income, members, standard),
                below,
                "{income}/{members} below {standard}"
            );
            assert_eq!(
                Comparison::NotAbove.passes(income, members, standard),
                not_above,
                "{income}/{members} not above {standard}"
            );
        }
    }

    #[test]
    fn the_shown_share_agrees_with_the_exact_comparison() {
        for comparison in [Comparison::Below, Comparison::NotAbove] {
            for income in 6370..6390 {
                let shown = comparison.shown_share(income, 2);
                assert_eq!(
                    comparison.passes(shown, 1, 3190),
                    comparison.passes(income, 2, 3190),
                    "{comparison:?} {income}/2 shown as {shown}"
                );
            }
        }
    }
}
