//! The embedded SQLite database: opening with durable settings, schema migrations,
//! and running queries off the async runtime.
//!
//! SQLite allows one writer at a time, so one connection behind a mutex is used;
//! queries run on the blocking pool so they never stall the async workers.

pub mod appointments;
pub mod callbacks;
pub mod demo;
pub mod halls;
pub mod idempotency;
pub mod kiosks;
pub mod schedules;
pub mod services;
pub mod staff;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex, Weak},
    time::Duration,
};

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Ordered schema migrations; `PRAGMA user_version` records how many are applied.
/// Append only: never edit a migration that has shipped.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_halls.sql"),
    include_str!("../migrations/0002_bookings.sql"),
    include_str!("../migrations/0003_appointment_retention.sql"),
    include_str!("../migrations/0004_kiosk_back_at.sql"),
];

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("could not create the database folder: {0}")]
    Folder(#[from] std::io::Error),
    #[error("database task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("the database connection was poisoned by an earlier panic")]
    Poisoned,
}

/// Handle to the database, cheap to clone.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating if needed) and migrates the database file at `path`, in WAL
    /// mode with `synchronous=FULL` so a confirmed booking survives a power cut.
    pub async fn open(path: &Path) -> Result<Self, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let path = path.to_path_buf();
        let file = path.clone();
        let conn = tokio::task::spawn_blocking(move || -> Result<Connection, DbError> {
            let mut conn = Connection::open(file)?;
            configure(&conn)?;
            migrate(&mut conn)?;
            Ok(conn)
        })
        .await??;
        let conn = Arc::new(Mutex::new(conn));
        start_checkpointer(&path, &conn)?;
        Ok(Self { conn })
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn call<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, rusqlite::Error> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().map_err(|_| DbError::Poisoned)?;
            f(&mut guard).map_err(DbError::from)
        })
        .await?
    }

    /// Runs `f` in an IMMEDIATE transaction (the write lock is taken at the start,
    /// so read-then-write steps cannot interleave). It commits when `f` returns
    /// `Ok(Ok(_))` and rolls back on `Ok(Err(_))`, a refusal such as "slot full".
    pub async fn write<T, E, F>(&self, f: F) -> Result<Result<T, E>, DbError>
    where
        T: Send + 'static,
        E: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<Result<T, E>, rusqlite::Error> + Send + 'static,
    {
        self.call(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let outcome = f(&tx)?;
            if outcome.is_ok() {
                tx.commit()?;
            }
            Ok(outcome)
        })
        .await
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.call(|c| c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0)))
            .await
            .map(drop)
    }

    /// Inserts the demo hall, services and kiosks (`kiosk-1` and `extra_kiosks`)
    /// where missing, for `cargo xtask run` and tests.
    pub async fn seed_demo_data(&self, extra_kiosks: &[String]) -> Result<(), DbError> {
        let extra_kiosks = extra_kiosks.to_vec();
        self.call(move |c| {
            let tx = c.transaction()?;
            demo::seed(&tx, &extra_kiosks)?;
            tx.commit()
        })
        .await
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // journal_mode answers with a row, so it is read rather than executed.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        tracing::warn!(%mode, "SQLite did not switch to WAL mode");
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;",
    )
}

/// How often the background checkpointer copies the write-ahead log into the
/// database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);

/// Moves most checkpoint work off the request path. By default the commit that
/// makes the log pass 1,000 pages copies it into the database and syncs the file,
/// and the requests queued behind it wait: `cargo xtask bench` saw one callback
/// stall for 200 ms at 200 requests a second. A thread with its own connection now
/// copies the log every half second (PASSIVE: it never blocks the writer), so the
/// commit's own checkpoint finds little left to copy. That one stays: only a
/// checkpoint at the start of a write lets SQLite reuse the log from its
/// beginning, and without it the log grew past 400 MB in the benchmark.
/// Durability is unchanged: every commit still syncs the log (`synchronous=FULL`).
/// The thread ends once the database handle is dropped.
fn start_checkpointer(path: &Path, writer: &Arc<Mutex<Connection>>) -> Result<(), DbError> {
    let checkpointer = Connection::open(path)?;
    checkpointer.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")?;
    let alive: Weak<Mutex<Connection>> = Arc::downgrade(writer);
    let path: PathBuf = path.to_path_buf();
    std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            while alive.strong_count() > 0 {
                std::thread::sleep(CHECKPOINT_EVERY);
                if let Err(e) =
                    checkpointer.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                {
                    tracing::warn!(error = %e, db = %path.display(), "WAL checkpoint failed");
                }
            }
        })?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let applied: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
        tracing::info!(version = i + 1, "applied database migration");
    }
    Ok(())
}

/// How many migrations the code knows.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}
