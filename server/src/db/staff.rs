//! Staff PINs, the per-kiosk lockout after wrong PINs, the attempt log, and staff
//! sessions (stored as hashes of their bearer tokens).

use super::{DbError, Tx};

/// Wrong PINs in a row that lock a kiosk's staff entry.
pub const MAX_FAILURES: u32 = 5;
/// The first lockout; each further one doubles it.
pub const LOCKOUT_S: i64 = 15 * 60;

/// The PIN hash for the hall a kiosk stands in; `None` for an unknown kiosk, or
/// `Some(None)` when the hall has no PIN set.
pub fn pin_hash_for_kiosk(
    tx: &mut Tx<'_>,
    kiosk_id: &str,
) -> Result<Option<Option<String>>, DbError> {
    tx.query_opt(
        "SELECT p.pin_hash FROM kiosks k LEFT JOIN staff_pins p ON p.hall_id = k.hall_id
         WHERE k.id = $1",
        &[&kiosk_id],
    )?
    .map(|r| r.get(0))
    .transpose()
}

pub fn set_pin(tx: &mut Tx<'_>, hall_id: &str, pin_hash: &str) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO staff_pins (hall_id, pin_hash) VALUES ($1, $2)
         ON CONFLICT (hall_id) DO UPDATE SET pin_hash = excluded.pin_hash",
        &[&hall_id, &pin_hash],
    )?;
    Ok(())
}

pub fn has_pin(tx: &mut Tx<'_>, hall_id: &str) -> Result<bool, DbError> {
    tx.query_value(
        "SELECT EXISTS (SELECT 1 FROM staff_pins WHERE hall_id = $1)",
        &[&hall_id],
    )
}

/// Seconds the kiosk's staff entry stays locked, if it is locked now.
pub fn locked_for(tx: &mut Tx<'_>, kiosk_id: &str, now: i64) -> Result<Option<i64>, DbError> {
    let until: Option<i64> = tx
        .query_opt(
            "SELECT locked_until_unix FROM staff_lockouts WHERE kiosk_id = $1",
            &[&kiosk_id],
        )?
        .map(|r| r.get(0))
        .transpose()?;
    Ok(until.filter(|u| *u > now).map(|u| u - now))
}

/// Counts a wrong PIN. Returns the lockout length in seconds if this failure
/// started one (the fifth in a row; each repeat lockout doubles).
pub fn record_failure(tx: &mut Tx<'_>, kiosk_id: &str, now: i64) -> Result<Option<i64>, DbError> {
    let row = tx.query_row(
        "INSERT INTO staff_lockouts (kiosk_id, failures) VALUES ($1, 1)
         ON CONFLICT (kiosk_id) DO UPDATE SET failures = staff_lockouts.failures + 1
         RETURNING failures, lockouts",
        &[&kiosk_id],
    )?;
    let (failures, lockouts): (u32, u32) = (row.get(0)?, row.get(1)?);
    if failures < MAX_FAILURES {
        return Ok(None);
    }
    let seconds = LOCKOUT_S << lockouts.min(10);
    tx.execute(
        "UPDATE staff_lockouts SET failures = 0, lockouts = lockouts + 1,
             locked_until_unix = $2
         WHERE kiosk_id = $1",
        &[&kiosk_id, &(now + seconds)],
    )?;
    Ok(Some(seconds))
}

/// A right PIN clears the count of failures and of lockouts.
pub fn record_success(tx: &mut Tx<'_>, kiosk_id: &str) -> Result<(), DbError> {
    tx.execute(
        "DELETE FROM staff_lockouts WHERE kiosk_id = $1",
        &[&kiosk_id],
    )?;
    Ok(())
}

/// Every attempt is kept, with the kiosk id and the outcome (never the PIN).
pub fn log_attempt(
    tx: &mut Tx<'_>,
    kiosk_id: &str,
    now: i64,
    outcome: &str,
) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO staff_attempts (kiosk_id, at_unix, outcome) VALUES ($1, $2, $3)",
        &[&kiosk_id, &now, &outcome],
    )?;
    Ok(())
}

pub fn create_session(
    tx: &mut Tx<'_>,
    token_hash: &str,
    kiosk_id: &str,
    expires: i64,
) -> Result<(), DbError> {
    tx.execute(
        "DELETE FROM staff_sessions WHERE expires_unix < $1",
        &[&(expires - 86_400)],
    )?;
    tx.execute(
        "INSERT INTO staff_sessions (token_hash, kiosk_id, expires_unix) VALUES ($1, $2, $3)",
        &[&token_hash, &kiosk_id, &expires],
    )?;
    Ok(())
}

/// The kiosk a live session belongs to.
pub fn session_kiosk(
    tx: &mut Tx<'_>,
    token_hash: &str,
    now: i64,
) -> Result<Option<String>, DbError> {
    tx.query_opt(
        "SELECT kiosk_id FROM staff_sessions WHERE token_hash = $1 AND expires_unix > $2",
        &[&token_hash, &now],
    )?
    .map(|r| r.get(0))
    .transpose()
}

/// Deletes sessions past their expiry; how many.
pub fn purge_sessions(tx: &mut Tx<'_>, now: i64) -> Result<u64, DbError> {
    tx.execute(
        "DELETE FROM staff_sessions WHERE expires_unix < $1",
        &[&now],
    )
}

/// A stored secret by name, created with `make` on first use, and whether this
/// call created it. Instances that start together on one database all get the
/// value of whichever stored it first.
pub fn secret(
    tx: &mut Tx<'_>,
    name: &str,
    make: impl FnOnce() -> Vec<u8>,
) -> Result<(Vec<u8>, bool), DbError> {
    let read = |tx: &mut Tx<'_>| -> Result<Option<Vec<u8>>, DbError> {
        tx.query_opt("SELECT value FROM server_secrets WHERE name = $1", &[&name])?
            .map(|r| r.get(0))
            .transpose()
    };
    if let Some(v) = read(tx)? {
        return Ok((v, false));
    }
    let value = make();
    let created = tx.execute(
        "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        &[&name, &value],
    )? == 1;
    if created {
        Ok((value, true))
    } else {
        Ok((read(tx)?.ok_or(DbError::NoRow)?, false))
    }
}
