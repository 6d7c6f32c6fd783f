//! The edge's local SQLite file: the outbox of requests held for the central
//! server, and the last answers to the reads a kiosk needs while it is away.
//!
//! Every write is committed (WAL, `synchronous=FULL`) before the kiosk hears
//! "saved", so a held request survives a power cut of the kiosk PC. A delivered
//! request's body, which holds the visitor's phone, is deleted at once; what is
//! kept for a replay is the central's answer, which shows only masked data.

use std::{
    path::Path,
    sync::{Arc, Mutex},
};

use rusqlite::{Connection, OptionalExtension, params};

/// Delivered and refused items are forgotten after this long (a kiosk retries a
/// submission for about half a minute; the central keeps keys for 48 hours).
pub const KEEP_DONE_S: i64 = 48 * 3600;

/// The outbox table's columns; `{name}` is filled in so that an older file can be
/// rebuilt into the current shape (SQLite cannot alter a CHECK in place).
const OUTBOX_TABLE: &str = "
CREATE TABLE IF NOT EXISTS {name} (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT NOT NULL CHECK (kind IN ('callback', 'heartbeat', 'rating')),
    path             TEXT NOT NULL,
    idempotency_key  TEXT,
    body             TEXT,
    created_unix     INTEGER NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('queued', 'delivered', 'refused')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms  INTEGER NOT NULL DEFAULT 0,
    answer_status    INTEGER,
    answer           TEXT,
    local_answer     TEXT
) STRICT;
";

/// What `PRAGMA user_version` says of a file in today's shape. Version 0 is the
/// first release's file, whose outbox could not hold ratings.
const SCHEMA_VERSION: i64 = 1;

const INDEXES: &str = "
CREATE UNIQUE INDEX IF NOT EXISTS outbox_by_key ON outbox (path, idempotency_key);
CREATE INDEX IF NOT EXISTS outbox_queued ON outbox (state, seq);
CREATE TABLE IF NOT EXISTS cache (
    path          TEXT PRIMARY KEY NOT NULL,
    body          TEXT NOT NULL,
    fetched_unix  INTEGER NOT NULL
) STRICT;
";

/// Creates the tables, or brings a file from an earlier release up to date
/// without losing what it holds: a kiosk PC updated while the network is down
/// still sends what it was keeping.
fn upgrade(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox')",
        [],
        |r| r.get(0),
    )?;
    if exists && version < SCHEMA_VERSION {
        tx.execute_batch(&OUTBOX_TABLE.replace("{name}", "outbox_next"))?;
        tx.execute_batch(
            "INSERT INTO outbox_next SELECT * FROM outbox;
             DROP TABLE outbox;
             ALTER TABLE outbox_next RENAME TO outbox;",
        )?;
    } else {
        tx.execute_batch(&OUTBOX_TABLE.replace("{name}", "outbox"))?;
    }
    tx.execute_batch(INDEXES)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()
}

/// One held request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub seq: i64,
    pub kind: String,
    pub path: String,
    pub idempotency_key: Option<String>,
    pub body: String,
    pub attempts: u32,
    pub next_attempt_ms: i64,
}

/// Where an item with a given key stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Known {
    /// Still held: the answer the kiosk got ("saved on this kiosk").
    Queued { local_answer: String },
    /// The central answered: its status and body.
    Answered { status: u16, body: String },
}

#[derive(Clone)]
pub struct Outbox {
    conn: Arc<Mutex<Connection>>,
    max: u64,
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl Outbox {
    /// Opens (creating) the file; `max` is how many items it holds at most.
    pub fn open(path: &Path, max: u64) -> rusqlite::Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(parent);
        }
        let mut conn = Connection::open(path)?;
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")?;
        upgrade(&mut conn)?;
        conn.execute_batch(super::staff::SCHEMA)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            max,
        })
    }

    pub(super) fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let mut c = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut c)
    }

    pub fn max(&self) -> u64 {
        self.max
    }

    /// The item already taken with this key, if any.
    pub fn known(&self, path: &str, key: &str) -> rusqlite::Result<Option<Known>> {
        self.with(|c| {
            c.query_row(
                "SELECT state, answer_status, answer, local_answer FROM outbox
                 WHERE path = ?1 AND idempotency_key = ?2",
                params![path, key],
                |r| {
                    let state: String = r.get(0)?;
                    Ok(if state == "queued" {
                        Known::Queued {
                            local_answer: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                        }
                    } else {
                        Known::Answered {
                            status: r.get::<_, Option<u16>>(1)?.unwrap_or(502),
                            body: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                        }
                    })
                },
            )
            .optional()
        })
    }

    /// Holds a request; `None` when the outbox is full. The returned item is the
    /// newest; `ahead` says how many are queued before it.
    pub fn push(
        &self,
        kind: &str,
        path: &str,
        key: Option<&str>,
        body: &str,
        local_answer: &str,
    ) -> rusqlite::Result<Option<(Item, u64)>> {
        self.with(|c| {
            let tx = c.transaction()?;
            if kind == "heartbeat" {
                // Only the newest heartbeat is worth sending.
                tx.execute(
                    "DELETE FROM outbox WHERE kind = 'heartbeat' AND state = 'queued'",
                    [],
                )?;
            }
            let queued: u64 = tx.query_row(
                "SELECT COUNT(*) FROM outbox WHERE state = 'queued'",
                [],
                |r| r.get(0),
            )?;
            if queued >= self.max {
                return Ok(None);
            }
            tx.execute(
                "INSERT INTO outbox (kind, path, idempotency_key, body, created_unix, state,
                     local_answer)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6)",
                params![kind, path, key, body, now_unix(), local_answer],
            )?;
            let seq = tx.last_insert_rowid();
            tx.commit()?;
            Ok(Some((
                Item {
                    seq,
                    kind: kind.to_owned(),
                    path: path.to_owned(),
                    idempotency_key: key.map(str::to_owned),
                    body: body.to_owned(),
                    attempts: 0,
                    next_attempt_ms: 0,
                },
                queued,
            )))
        })
    }

    /// The oldest queued item.
    pub fn head(&self) -> rusqlite::Result<Option<Item>> {
        self.with(|c| {
            c.query_row(
                "SELECT seq, kind, path, idempotency_key, body, attempts, next_attempt_ms
                 FROM outbox WHERE state = 'queued' ORDER BY seq LIMIT 1",
                [],
                |r| {
                    Ok(Item {
                        seq: r.get(0)?,
                        kind: r.get(1)?,
                        path: r.get(2)?,
                        idempotency_key: r.get(3)?,
                        body: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                        attempts: r.get(5)?,
                        next_attempt_ms: r.get(6)?,
                    })
                },
            )
            .optional()
        })
    }

    /// The central answered (2xx, or a refusal that a retry cannot change): the
    /// body is deleted, the answer kept for replays.
    pub fn answered(&self, seq: i64, status: u16, answer: &str) -> rusqlite::Result<()> {
        let state = if (200..300).contains(&status) {
            "delivered"
        } else {
            "refused"
        };
        self.with(|c| {
            c.execute(
                "UPDATE outbox SET state = ?2, body = NULL, answer_status = ?3, answer = ?4,
                     local_answer = NULL
                 WHERE seq = ?1",
                params![seq, state, status, answer],
            )
            .map(drop)
        })
    }

    /// A request the kiosk heard refused at once is not kept at all.
    pub fn forget(&self, seq: i64) -> rusqlite::Result<()> {
        self.with(|c| {
            c.execute("DELETE FROM outbox WHERE seq = ?1", [seq])
                .map(drop)
        })
    }

    /// Not delivered this time: try again at `next_attempt_ms`.
    pub fn retry_later(&self, seq: i64, next_attempt_ms: i64) -> rusqlite::Result<()> {
        self.with(|c| {
            c.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2 WHERE seq = ?1",
                params![seq, next_attempt_ms],
            )
            .map(drop)
        })
    }

    /// How many are queued and how old the oldest is (seconds).
    pub fn depth(&self) -> rusqlite::Result<(u64, Option<u64>)> {
        self.with(|c| {
            c.query_row(
                "SELECT COUNT(*), MIN(created_unix) FROM outbox WHERE state = 'queued'",
                [],
                |r| {
                    let oldest: Option<i64> = r.get(1)?;
                    Ok((
                        r.get(0)?,
                        oldest.map(|o| u64::try_from(now_unix() - o).unwrap_or(0)),
                    ))
                },
            )
        })
    }

    /// Forgets answered items older than [`KEEP_DONE_S`].
    pub fn purge(&self) -> rusqlite::Result<usize> {
        self.with(|c| {
            c.execute(
                "DELETE FROM outbox WHERE state <> 'queued' AND created_unix < ?1",
                [now_unix() - KEEP_DONE_S],
            )
        })
    }

    /// Keeps the last good answer to a read.
    pub fn cache_put(&self, path: &str, body: &str) -> rusqlite::Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO cache (path, body, fetched_unix) VALUES (?1, ?2, ?3)
                 ON CONFLICT (path) DO UPDATE SET body = excluded.body,
                     fetched_unix = excluded.fetched_unix",
                params![path, body, now_unix()],
            )
            .map(drop)
        })
    }

    /// The last good answer to a read and its age in seconds.
    pub fn cache_get(&self, path: &str) -> rusqlite::Result<Option<(String, u64)>> {
        self.with(|c| {
            c.query_row(
                "SELECT body, fetched_unix FROM cache WHERE path = ?1",
                [path],
                |r| {
                    let at: i64 = r.get(1)?;
                    Ok((r.get(0)?, u64::try_from(now_unix() - at).unwrap_or(0)))
                },
            )
            .optional()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_from_the_first_release_keeps_what_it_holds_and_takes_ratings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("o.sqlite3");
        {
            let old = OUTBOX_TABLE
                .replace("{name}", "outbox")
                .replace(", 'rating'", "");
            let c = Connection::open(&path).unwrap();
            c.execute_batch(&old).unwrap();
            c.execute_batch(INDEXES).unwrap();
            c.execute(
                "INSERT INTO outbox (kind, path, idempotency_key, body, created_unix, state)
                 VALUES ('callback', '/callbacks', 'k1', '{}', 1, 'queued')",
                [],
            )
            .unwrap();
            assert!(
                c.execute(
                    "INSERT INTO outbox (kind, path, body, created_unix, state)
                     VALUES ('rating', '/r', '{}', 1, 'queued')",
                    [],
                )
                .is_err(),
                "the old shape refuses ratings"
            );
        }
        let o = Outbox::open(&path, 10).unwrap();
        assert_eq!(o.depth().unwrap().0, 1);
        assert!(matches!(
            o.known("/callbacks", "k1").unwrap(),
            Some(Known::Queued { .. })
        ));
        o.push("rating", "/kiosks/k/ratings", Some("k2"), "{}", "{}")
            .unwrap()
            .unwrap();
        assert_eq!(o.depth().unwrap().0, 2);
        drop(o);
        // Opening it again changes nothing.
        assert_eq!(Outbox::open(&path, 10).unwrap().depth().unwrap().0, 2);
    }

    #[test]
    fn items_leave_in_order_and_a_full_outbox_refuses_more() {
        let dir = tempfile::tempdir().unwrap();
        let o = Outbox::open(&dir.path().join("o.sqlite3"), 3).unwrap();
        let (a, ahead) = o
            .push("callback", "/callbacks", Some("k1"), "{}", "{\"r\":1}")
            .unwrap()
            .unwrap();
        assert_eq!(ahead, 0);
        let (b, ahead) = o
            .push("callback", "/callbacks", Some("k2"), "{}", "{}")
            .unwrap()
            .unwrap();
        assert_eq!(ahead, 1);
        o.push("heartbeat", "/kiosks/k/heartbeat", None, "{}", "")
            .unwrap()
            .unwrap();
        // A newer heartbeat replaces the held one and so still fits.
        o.push("heartbeat", "/kiosks/k/heartbeat", None, "{\"n\":2}", "")
            .unwrap()
            .unwrap();
        assert!(
            o.push("callback", "/callbacks", Some("k3"), "{}", "")
                .unwrap()
                .is_none()
        );
        assert_eq!(o.depth().unwrap().0, 3);
        assert_eq!(o.head().unwrap().unwrap().seq, a.seq);
        assert_eq!(
            o.known("/callbacks", "k1").unwrap(),
            Some(Known::Queued {
                local_answer: "{\"r\":1}".into()
            })
        );
        o.answered(a.seq, 201, "{\"reference\":\"C1\"}").unwrap();
        assert_eq!(o.head().unwrap().unwrap().seq, b.seq);
        assert_eq!(
            o.known("/callbacks", "k1").unwrap(),
            Some(Known::Answered {
                status: 201,
                body: "{\"reference\":\"C1\"}".into()
            })
        );
        let body: Option<String> = o
            .with(|c| {
                c.query_row("SELECT body FROM outbox WHERE seq = ?1", [a.seq], |r| {
                    r.get(0)
                })
            })
            .unwrap();
        assert_eq!(body, None, "a delivered body is deleted");
    }
}
