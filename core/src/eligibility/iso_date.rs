//! Serde support for [`Date`] as an ISO `YYYY-MM-DD` string, for the date fields of
//! the eligibility input, result and standards file (`#[serde(with = "iso_date")]`).

use serde::{Deserialize, Deserializer, Serializer};

use crate::date::Date;

pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    // An owned `String`, not `&str`: `serde_json::from_value` cannot lend a borrow.
    parse(&String::deserialize(deserializer)?)
}

fn parse<E: serde::de::Error>(s: &str) -> Result<Date, E> {
    Date::parse_iso(s).ok_or_else(|| E::custom(format!("not a date as YYYY-MM-DD: {s:?}")))
}

/// The same for `Option<Date>`: `null` is `None` (pair with `#[serde(default)]` so an
/// absent field is `None` too).
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(date),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .as_deref()
            .map(parse)
            .transpose()
    }
}
