//! The `ratings` table: 好差评 given at the kiosks, by hall and day only.

use kiosk_core::{
    date::Date,
    rating::{Flow, Level, Reason},
};

use super::{DbError, Tx};
use crate::security;

/// Keeps one rating. Its id is random, so row order says nothing about when or
/// in which order visitors rated.
pub fn insert(
    tx: &mut Tx<'_>,
    hall_id: &str,
    rated_on: Date,
    level: Level,
    reasons: &[Reason],
    flow: Flow,
) -> Result<(), DbError> {
    let id = security::hex(&security::random_bytes::<16>());
    let reasons = serde_json::to_string(reasons).expect("reasons serialize");
    tx.execute(
        "INSERT INTO ratings (id, hall_id, rated_on, level, reasons, flow)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &id,
            &hall_id,
            &rated_on.to_string(),
            &level.score(),
            &reasons,
            &flow.as_str(),
        ],
    )?;
    Ok(())
}

/// How many ratings of each level a hall had from `from` to `to` (inclusive),
/// as `[非常不满意, 不满意, 基本满意, 满意, 非常满意]` counts: index = score − 1.
pub fn distribution(
    tx: &mut Tx<'_>,
    hall_id: &str,
    from: Date,
    to: Date,
) -> Result<[u64; 5], DbError> {
    let mut counts = [0u64; 5];
    for row in tx.query(
        "SELECT level, COUNT(*) FROM ratings
         WHERE hall_id = $1 AND rated_on >= $2 AND rated_on <= $3
         GROUP BY level",
        &[&hall_id, &from.to_string(), &to.to_string()],
    )? {
        let level: i64 = row.get(0)?;
        let n: i64 = row.get(1)?;
        if let Some(slot) = usize::try_from(level - 1)
            .ok()
            .and_then(|i| counts.get_mut(i))
        {
            *slot = u64::try_from(n).unwrap_or(0);
        }
    }
    Ok(counts)
}
