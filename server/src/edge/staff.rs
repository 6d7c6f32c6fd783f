//! Staff sign-in at a kiosk whose central cannot be reached.
//!
//! The central checks the PIN. When it cannot be reached, staff still need the
//! staff panel most: it is where they see that the kiosk is cut off and how much
//! it holds. So each time the central accepts a PIN sent through this edge, the
//! edge keeps its own argon2id hash of it (never the PIN), and while the central
//! is away it checks the PIN against that, with the same lockout as the central
//! (five wrong PINs lock for 15 minutes, doubling). A session opened this way
//! only opens the panel: everything it would change (maintenance) goes to the
//! central, which does not know the token and refuses it.
//!
//! A PIN changed at the central reaches the edge with the next successful
//! sign-in there; until then the old PIN still opens the panel offline.

use rusqlite::{OptionalExtension, params};

use super::outbox::Outbox;

/// Wrong PINs before a lockout, and the first lockout's length.
pub const MAX_FAILURES: i64 = 5;
pub const FIRST_LOCK_S: i64 = 15 * 60;

pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS staff_verifier (
    kiosk_id      TEXT PRIMARY KEY NOT NULL,
    pin_hash      TEXT NOT NULL,
    saved_unix    INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS staff_lockout (
    kiosk_id      TEXT PRIMARY KEY NOT NULL,
    failures      INTEGER NOT NULL,
    lockouts      INTEGER NOT NULL,
    locked_until  INTEGER NOT NULL
) STRICT;
";

impl Outbox {
    /// Keeps the hash of a PIN the central just accepted.
    pub fn staff_verifier_put(
        &self,
        kiosk: &str,
        pin_hash: &str,
        now: i64,
    ) -> rusqlite::Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO staff_verifier (kiosk_id, pin_hash, saved_unix) VALUES (?1, ?2, ?3)
                 ON CONFLICT (kiosk_id) DO UPDATE SET pin_hash = excluded.pin_hash,
                     saved_unix = excluded.saved_unix",
                params![kiosk, pin_hash, now],
            )?;
            c.execute("DELETE FROM staff_lockout WHERE kiosk_id = ?1", [kiosk])
                .map(drop)
        })
    }

    pub fn staff_verifier(&self, kiosk: &str) -> rusqlite::Result<Option<String>> {
        self.with(|c| {
            c.query_row(
                "SELECT pin_hash FROM staff_verifier WHERE kiosk_id = ?1",
                [kiosk],
                |r| r.get(0),
            )
            .optional()
        })
    }

    /// Seconds the local staff sign-in stays locked, if it is.
    pub fn staff_locked(&self, kiosk: &str, now: i64) -> rusqlite::Result<Option<i64>> {
        self.with(|c| {
            let until: Option<i64> = c
                .query_row(
                    "SELECT locked_until FROM staff_lockout WHERE kiosk_id = ?1",
                    [kiosk],
                    |r| r.get(0),
                )
                .optional()?;
            Ok(until.filter(|u| *u > now).map(|u| u - now))
        })
    }

    /// Counts a wrong PIN; the lockout's length in seconds when this one locks.
    pub fn staff_failure(&self, kiosk: &str, now: i64) -> rusqlite::Result<Option<i64>> {
        self.with(|c| {
            let tx = c.transaction()?;
            let (failures, lockouts): (i64, i64) = tx
                .query_row(
                    "SELECT failures, lockouts FROM staff_lockout WHERE kiosk_id = ?1",
                    [kiosk],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .unwrap_or((0, 0));
            let failures = failures + 1;
            let (failures, lockouts, until, lock) = if failures >= MAX_FAILURES {
                let seconds = FIRST_LOCK_S << lockouts.min(6);
                (0, lockouts + 1, now + seconds, Some(seconds))
            } else {
                (failures, lockouts, 0, None)
            };
            tx.execute(
                "INSERT INTO staff_lockout (kiosk_id, failures, lockouts, locked_until)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (kiosk_id) DO UPDATE SET failures = excluded.failures,
                     lockouts = excluded.lockouts,
                     locked_until = MAX(staff_lockout.locked_until, excluded.locked_until)",
                params![kiosk, failures, lockouts, until],
            )?;
            tx.commit()?;
            Ok(lock)
        })
    }

    /// A right PIN: the count starts again.
    pub fn staff_success(&self, kiosk: &str) -> rusqlite::Result<()> {
        self.with(|c| {
            c.execute("DELETE FROM staff_lockout WHERE kiosk_id = ?1", [kiosk])
                .map(drop)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_pins_lock_for_fifteen_minutes_then_thirty_and_a_right_one_resets() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(&dir.path().join("o.sqlite3"), 10).unwrap();
        let now = 1_000_000;
        for _ in 0..4 {
            assert_eq!(outbox.staff_failure("k", now).unwrap(), None);
        }
        assert_eq!(outbox.staff_locked("k", now).unwrap(), None);
        assert_eq!(outbox.staff_failure("k", now).unwrap(), Some(900));
        assert_eq!(outbox.staff_locked("k", now + 1).unwrap(), Some(899));
        assert_eq!(outbox.staff_locked("k", now + 900).unwrap(), None);
        for _ in 0..4 {
            assert_eq!(outbox.staff_failure("k", now + 901).unwrap(), None);
        }
        assert_eq!(outbox.staff_failure("k", now + 901).unwrap(), Some(1800));
        outbox.staff_success("k").unwrap();
        assert_eq!(outbox.staff_locked("k", now + 902).unwrap(), None);
        assert_eq!(outbox.staff_locked("other", now).unwrap(), None);
    }

    #[test]
    fn the_verifier_is_the_last_accepted_pins_hash_and_clears_the_lockout() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::open(&dir.path().join("o.sqlite3"), 10).unwrap();
        assert_eq!(outbox.staff_verifier("k").unwrap(), None);
        for _ in 0..5 {
            outbox.staff_failure("k", 100).unwrap();
        }
        outbox.staff_verifier_put("k", "hash-1", 100).unwrap();
        outbox.staff_verifier_put("k", "hash-2", 200).unwrap();
        assert_eq!(
            outbox.staff_verifier("k").unwrap().as_deref(),
            Some("hash-2")
        );
        assert_eq!(outbox.staff_locked("k", 101).unwrap(), None);
    }
}
