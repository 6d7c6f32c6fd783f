//! Staff PINs, the per-kiosk lockout after wrong PINs, the attempt log, and staff
//! sessions (stored as hashes of their bearer tokens).

use rusqlite::{Connection, OptionalExtension, params};

/// Wrong PINs in a row that lock a kiosk's staff entry.
pub const MAX_FAILURES: u32 = 5;
/// The first lockout; each further one doubles it.
pub const LOCKOUT_S: i64 = 15 * 60;

/// The PIN hash for the hall a kiosk stands in; `None` for an unknown kiosk, or
/// `Some(None)` when the hall has no PIN set.
pub fn pin_hash_for_kiosk(
    conn: &Connection,
    kiosk_id: &str,
) -> rusqlite::Result<Option<Option<String>>> {
    conn.prepare_cached(
        "SELECT p.pin_hash FROM kiosks k LEFT JOIN staff_pins p ON p.hall_id = k.hall_id
         WHERE k.id = ?1",
    )?
    .query_row([kiosk_id], |r| r.get(0))
    .optional()
}

pub fn set_pin(conn: &Connection, hall_id: &str, pin_hash: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO staff_pins (hall_id, pin_hash) VALUES (?1, ?2)
         ON CONFLICT (hall_id) DO UPDATE SET pin_hash = excluded.pin_hash",
        params![hall_id, pin_hash],
    )?;
    Ok(())
}

pub fn has_pin(conn: &Connection, hall_id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM staff_pins WHERE hall_id = ?1)",
        [hall_id],
        |r| r.get(0),
    )
}

/// Seconds the kiosk's staff entry stays locked, if it is locked now.
pub fn locked_for(conn: &Connection, kiosk_id: &str, now: i64) -> rusqlite::Result<Option<i64>> {
    let until: Option<i64> = conn
        .query_row(
            "SELECT locked_until_unix FROM staff_lockouts WHERE kiosk_id = ?1",
            [kiosk_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(until.filter(|u| *u > now).map(|u| u - now))
}

/// Counts a wrong PIN. Returns the lockout length in seconds if this failure
/// started one (the fifth in a row; each repeat lockout doubles).
pub fn record_failure(
    conn: &Connection,
    kiosk_id: &str,
    now: i64,
) -> rusqlite::Result<Option<i64>> {
    let (failures, lockouts): (u32, u32) = conn.query_row(
        "INSERT INTO staff_lockouts (kiosk_id, failures) VALUES (?1, 1)
         ON CONFLICT (kiosk_id) DO UPDATE SET failures = failures + 1
         RETURNING failures, lockouts",
        [kiosk_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if failures < MAX_FAILURES {
        return Ok(None);
    }
    let seconds = LOCKOUT_S << lockouts.min(10);
    conn.execute(
        "UPDATE staff_lockouts SET failures = 0, lockouts = lockouts + 1,
             locked_until_unix = ?2
         WHERE kiosk_id = ?1",
        params![kiosk_id, now + seconds],
    )?;
    Ok(Some(seconds))
}

/// A right PIN clears the count of failures and of lockouts.
pub fn record_success(conn: &Connection, kiosk_id: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM staff_lockouts WHERE kiosk_id = ?1", [kiosk_id])?;
    Ok(())
}

/// Every attempt is kept, with the kiosk id and the outcome (never the PIN).
pub fn log_attempt(
    conn: &Connection,
    kiosk_id: &str,
    now: i64,
    outcome: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO staff_attempts (kiosk_id, at_unix, outcome) VALUES (?1, ?2, ?3)",
        params![kiosk_id, now, outcome],
    )?;
    Ok(())
}

pub fn create_session(
    conn: &Connection,
    token_hash: &str,
    kiosk_id: &str,
    expires: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM staff_sessions WHERE expires_unix < ?1",
        [expires - 86_400],
    )?;
    conn.execute(
        "INSERT INTO staff_sessions (token_hash, kiosk_id, expires_unix) VALUES (?1, ?2, ?3)",
        params![token_hash, kiosk_id, expires],
    )?;
    Ok(())
}

/// The kiosk a live session belongs to.
pub fn session_kiosk(
    conn: &Connection,
    token_hash: &str,
    now: i64,
) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT kiosk_id FROM staff_sessions WHERE token_hash = ?1 AND expires_unix > ?2",
        params![token_hash, now],
        |r| r.get(0),
    )
    .optional()
}

/// A stored secret by name, created with `make` on first use.
pub fn secret(
    conn: &Connection,
    name: &str,
    make: impl FnOnce() -> Vec<u8>,
) -> rusqlite::Result<(Vec<u8>, bool)> {
    if let Some(v) = conn
        .query_row(
            "SELECT value FROM server_secrets WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok((v, false));
    }
    let value = make();
    conn.execute(
        "INSERT INTO server_secrets (name, value) VALUES (?1, ?2)",
        params![name, value],
    )?;
    Ok((value, true))
}
