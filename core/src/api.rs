//! Request and response types of the HTTP API under `/api/v1`, shared by the kiosk
//! and the server so the two cannot drift apart. JSON field names are the contract.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Path prefix of every API route.
pub const API_PREFIX: &str = "/api/v1";

/// `GET /api/v1/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `"ok"` when the service and its database answer.
    pub status: String,
    /// The server's version (its crate version).
    pub version: String,
    /// `"ok"` when a query against the database succeeded.
    pub db: String,
}

/// A text in each language the kiosk offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    pub en: String,
}

/// `GET /api/v1/halls`: one public legal service hall.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hall {
    /// Stable identifier, e.g. `"demo-hall"`.
    pub id: String,
    pub names: LocalizedText,
    pub address: LocalizedText,
    /// The hall's own phone number (the 12348 hotline is separate).
    pub phone: String,
    pub opening_hours: LocalizedText,
}

/// An error answer, `application/problem+json` (RFC 9457), with a per-field map of
/// stable machine codes for validation errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
}

/// Media type of [`Problem`] bodies.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_text_uses_language_tags_as_keys() {
        let t = LocalizedText {
            zh_cn: "法律咨询".into(),
            en: "Legal consultation".into(),
        };
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["zh-CN"], "法律咨询");
        assert_eq!(json["en"], "Legal consultation");
    }

    #[test]
    fn problem_serializes_type_and_omits_an_empty_error_map() {
        let p = Problem {
            kind: "about:blank".into(),
            title: "Not Found".into(),
            status: 404,
            detail: "no such route".into(),
            errors: BTreeMap::new(),
        };
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["type"], "about:blank");
        assert!(json.get("errors").is_none());
        let back: Problem = serde_json::from_value(json).unwrap();
        assert_eq!(back, p);
    }
}
