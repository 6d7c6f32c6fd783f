//! The `callbacks` table: call-back requests for the 12348 hotline.

use super::{DbError, Row, Tx};
use kiosk_core::api::{CallbackStatus, OperatorCallback};

/// Days a callback request is kept after it was made, as the consent notice promises
/// (PIPL art. 19: no longer than the purpose needs; art. 47: delete when done).
pub const RETENTION_DAYS: i64 = 30;

pub struct NewCallback {
    pub reference: String,
    pub phone: String,
    pub name: Option<String>,
    pub topic: String,
    pub preferred: String,
    pub language: String,
    pub needs: String,
    pub may_say_12348: bool,
    pub note: Option<String>,
    pub consent_version: String,
    pub kiosk_id: Option<String>,
    pub created_at: String,
    pub created_unix: i64,
}

pub fn insert(tx: &mut Tx<'_>, c: &NewCallback) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO callbacks (reference, phone, name, topic, preferred, language, needs,
             may_say_12348, note, consent_version, kiosk_id, status, created_at, created_unix)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'queued', $12, $13)",
        &[
            &c.reference,
            &c.phone,
            &c.name,
            &c.topic,
            &c.preferred,
            &c.language,
            &c.needs,
            &c.may_say_12348,
            &c.note,
            &c.consent_version,
            &c.kiosk_id,
            &c.created_at,
            &c.created_unix,
        ],
    )?;
    // The hall day the request was made (created_at is at the hall's offset).
    let day = c.created_at.get(..10).unwrap_or_default();
    super::stats::bump_for_kiosk(
        tx,
        c.kiosk_id.as_deref(),
        day,
        kiosk_core::stats::Metric::Callback,
    )
}

/// Queued callbacks for `phone` created after `since_unix`, oldest first.
pub fn queued_since(tx: &mut Tx<'_>, phone: &str, since_unix: i64) -> Result<Vec<i64>, DbError> {
    tx.query(
        "SELECT created_unix FROM callbacks
         WHERE phone = $1 AND status = 'queued' AND created_unix > $2
         ORDER BY created_unix",
        &[&phone, &since_unix],
    )?
    .iter()
    .map(|r| r.get(0))
    .collect()
}

fn json_column<T: serde::de::DeserializeOwned>(r: &Row, col: &str) -> Result<T, DbError> {
    let text: String = r.get(col)?;
    serde_json::from_str(&text).map_err(|e| DbError::Conversion(format!("{col}: {e}")))
}

fn operator_view(r: &Row) -> Result<OperatorCallback, DbError> {
    let status: String = r.get("status")?;
    Ok(OperatorCallback {
        reference: r.get("reference")?,
        status: if status == "queued" {
            CallbackStatus::Queued
        } else {
            CallbackStatus::Completed
        },
        phone: r.get("phone")?,
        name: r.get("name")?,
        topic: json_column(r, "topic")?,
        preferred: json_column(r, "preferred")?,
        language: json_column(r, "language")?,
        needs: json_column(r, "needs")?,
        may_say_12348: r.get("may_say_12348")?,
        note: r.get("note")?,
        kiosk_id: r.get("kiosk_id")?,
        created_at: r.get("created_at")?,
        completed_at: r.get("completed_at")?,
    })
}

/// Callbacks in `status` ("queued" or "completed"), oldest first.
pub fn list(tx: &mut Tx<'_>, status: &str) -> Result<Vec<OperatorCallback>, DbError> {
    tx.query(
        "SELECT * FROM callbacks WHERE status = $1 ORDER BY created_unix, reference",
        &[&status],
    )?
    .iter()
    .map(operator_view)
    .collect()
}

/// Marks a callback done; `None` if there is no such reference.
pub fn complete(
    tx: &mut Tx<'_>,
    reference: &str,
    now: &str,
) -> Result<Option<OperatorCallback>, DbError> {
    tx.execute(
        "UPDATE callbacks SET status = 'completed', completed_at = $2
         WHERE reference = $1 AND status = 'queued'",
        &[&reference, &now],
    )?;
    tx.query_opt(
        "SELECT * FROM callbacks WHERE reference = $1",
        &[&reference],
    )?
    .as_ref()
    .map(operator_view)
    .transpose()
}

/// Deletes callbacks, queued or completed, created more than [`RETENTION_DAYS`]
/// before `now_unix`; returns how many. A request still queued after a month is
/// deleted too: the notice promises deletion by age, not by outcome.
pub fn purge(tx: &mut Tx<'_>, now_unix: i64) -> Result<u64, DbError> {
    let n = tx.execute(
        "DELETE FROM callbacks WHERE created_unix < $1",
        &[&(now_unix - RETENTION_DAYS * 86_400)],
    )?;
    // The desk's calls and notes go with their request.
    super::desk::purge_orphans(tx)?;
    Ok(n)
}
