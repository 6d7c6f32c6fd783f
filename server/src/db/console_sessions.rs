//! The `console_sessions` table: one row per signed-in browser, under the
//! SHA-256 of its cookie's token.

use kiosk_core::console::IDLE_TIMEOUT_S;

use super::{DbError, Tx};

/// Ended sessions are kept this long, so a browser coming back hears "your
/// session expired" rather than "sign in".
const KEEP_ENDED_S: i64 = 24 * 3600;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub user_id: String,
    pub csrf_token: String,
    pub last_seen_unix: i64,
    pub expires_unix: i64,
}

impl Session {
    /// Whether the session has ended at `now`: idle too long, or past its limit.
    pub fn ended(&self, now: i64) -> bool {
        now - self.last_seen_unix >= IDLE_TIMEOUT_S || now >= self.expires_unix
    }
}

/// Opens a session (and deletes those ended long ago).
pub fn create(
    tx: &mut Tx<'_>,
    token_hash: &str,
    user_id: &str,
    csrf_token: &str,
    now: i64,
    expires: i64,
) -> Result<(), DbError> {
    purge(tx, now)?;
    tx.execute(
        "INSERT INTO console_sessions
             (token_hash, user_id, csrf_token, created_unix, last_seen_unix, expires_unix)
         VALUES ($1, $2, $3, $4, $4, $5)",
        &[&token_hash, &user_id, &csrf_token, &now, &expires],
    )?;
    Ok(())
}

pub fn find(tx: &mut Tx<'_>, token_hash: &str) -> Result<Option<Session>, DbError> {
    tx.query_opt(
        "SELECT user_id, csrf_token, last_seen_unix, expires_unix
         FROM console_sessions WHERE token_hash = $1",
        &[&token_hash],
    )?
    .map(|r| {
        Ok(Session {
            user_id: r.get(0)?,
            csrf_token: r.get(1)?,
            last_seen_unix: r.get(2)?,
            expires_unix: r.get(3)?,
        })
    })
    .transpose()
}

/// A request was made in the session: the idle timeout starts again.
pub fn touch(tx: &mut Tx<'_>, token_hash: &str, now: i64) -> Result<(), DbError> {
    tx.execute(
        "UPDATE console_sessions SET last_seen_unix = $2
         WHERE token_hash = $1 AND last_seen_unix < $2",
        &[&token_hash, &now],
    )?;
    Ok(())
}

/// Ends one session; whether it existed.
pub fn delete(tx: &mut Tx<'_>, token_hash: &str) -> Result<bool, DbError> {
    Ok(tx.execute(
        "DELETE FROM console_sessions WHERE token_hash = $1",
        &[&token_hash],
    )? > 0)
}

/// Ends every session of a user but `keep` (the caller's own, when a user
/// resets their own password); how many.
pub fn delete_for_user(tx: &mut Tx<'_>, user_id: &str, keep: Option<&str>) -> Result<u64, DbError> {
    tx.execute(
        "DELETE FROM console_sessions WHERE user_id = $1 AND token_hash <> COALESCE($2, '')",
        &[&user_id, &keep],
    )
}

/// Deletes sessions that ended more than a day ago; how many.
pub fn purge(tx: &mut Tx<'_>, now: i64) -> Result<u64, DbError> {
    tx.execute(
        "DELETE FROM console_sessions WHERE expires_unix < $1 OR last_seen_unix < $2",
        &[
            &(now - KEEP_ENDED_S),
            &(now - IDLE_TIMEOUT_S - KEEP_ENDED_S),
        ],
    )
}
