//! Stored answers to POSTs, replayed for a repeated `Idempotency-Key`.

use super::{DbError, Tx, appointments, callbacks};

/// Keys are kept at least this long (the draft standard suggests 24 hours), and
/// deleted by the next hourly housekeeping after it.
pub const RETENTION_S: i64 = 48 * 3600;

// A saved answer (reference, slot, masked name and phone) and its request hash must
// not outlive the row they describe. A booked slot always ends after the booking was
// made, and a callback is kept from when it was made, so it is enough that keys go
// well before either row's retention ends (with an hour of housekeeping to spare).
const _: () = assert!(
    RETENTION_S + 3600 < appointments::RETENTION_DAYS * 86_400
        && RETENTION_S + 3600 < callbacks::RETENTION_DAYS * 86_400
);

/// What was answered the first time.
pub struct Saved {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

pub fn find(tx: &mut Tx<'_>, scope: &str, key: &str) -> Result<Option<Saved>, DbError> {
    tx.query_opt(
        "SELECT request_hash, status, response_body FROM idempotency_keys
         WHERE scope = $1 AND key = $2",
        &[&scope, &key],
    )?
    .map(|r| {
        Ok(Saved {
            request_hash: r.get(0)?,
            status: r.get(1)?,
            body: r.get(2)?,
        })
    })
    .transpose()
}

pub fn save(
    tx: &mut Tx<'_>,
    scope: &str,
    key: &str,
    saved: &Saved,
    now_unix: i64,
) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO idempotency_keys (scope, key, request_hash, status, response_body, created_unix)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&scope, &key, &saved.request_hash, &saved.status, &saved.body, &now_unix],
    )?;
    Ok(())
}

/// Forgets keys older than [`RETENTION_S`].
pub fn purge(tx: &mut Tx<'_>, now_unix: i64) -> Result<u64, DbError> {
    tx.execute(
        "DELETE FROM idempotency_keys WHERE created_unix < $1",
        &[&(now_unix - RETENTION_S)],
    )
}
