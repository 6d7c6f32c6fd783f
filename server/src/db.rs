//! The database: embedded SQLite (one PC, the default) or PostgreSQL (a hall's or a
//! province's central server, shared by any number of instances). Opening with
//! durable settings, schema migrations, and running queries off the async runtime.
//!
//! Both run the same closures over a [`Tx`] on the blocking pool. SQLite allows one
//! writer at a time, so one connection behind a mutex is used; PostgreSQL uses a
//! small pool of connections.

pub mod appointments;
pub mod audit;
pub mod callbacks;
pub mod console_sessions;
pub mod demo;
pub mod desk;
pub mod hall_admin;
pub mod halls;
pub mod idempotency;
pub mod kiosks;
pub mod ratings;
pub mod schedules;
pub mod services;
pub mod sql;
pub mod staff;
pub mod standards;
pub mod stats;
pub mod users;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex, Weak},
    time::Duration,
};

use rusqlite::{Connection, TransactionBehavior};
pub use sql::{Dialect, Row, Tx};

/// Ordered schema migrations as (SQLite, PostgreSQL): the same schema version in
/// both. SQLite's `PRAGMA user_version` and PostgreSQL's `schema_version` table
/// record how many are applied. Append only: never edit a migration that has
/// shipped.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        include_str!("../migrations/0001_halls.sql"),
        include_str!("../migrations/postgres/0001_halls.sql"),
    ),
    (
        include_str!("../migrations/0002_bookings.sql"),
        include_str!("../migrations/postgres/0002_bookings.sql"),
    ),
    (
        include_str!("../migrations/0003_appointment_retention.sql"),
        include_str!("../migrations/postgres/0003_appointment_retention.sql"),
    ),
    (
        include_str!("../migrations/0004_kiosk_back_at.sql"),
        include_str!("../migrations/postgres/0004_kiosk_back_at.sql"),
    ),
    (
        include_str!("../migrations/0005_kiosk_keys.sql"),
        include_str!("../migrations/postgres/0005_kiosk_keys.sql"),
    ),
    (
        include_str!("../migrations/0006_console.sql"),
        include_str!("../migrations/postgres/0006_console.sql"),
    ),
    (
        include_str!("../migrations/0007_ratings.sql"),
        include_str!("../migrations/postgres/0007_ratings.sql"),
    ),
    (
        include_str!("../migrations/0008_desk.sql"),
        include_str!("../migrations/postgres/0008_desk.sql"),
    ),
    (
        include_str!("../migrations/0009_hall_console.sql"),
        include_str!("../migrations/postgres/0009_hall_console.sql"),
    ),
    (
        include_str!("../migrations/0010_stats.sql"),
        include_str!("../migrations/postgres/0010_stats.sql"),
    ),
    (
        include_str!("../migrations/0011_standards.sql"),
        include_str!("../migrations/postgres/0011_standards.sql"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {}", pg_message(.0))]
    Postgres(#[from] postgres::Error),
    #[error("no PostgreSQL connection could be had: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("could not create the database folder: {0}")]
    Folder(#[from] std::io::Error),
    #[error("database task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("the database connection was poisoned by an earlier panic")]
    Poisoned,
    #[error("a query that must return a row returned none")]
    NoRow,
    #[error("a stored value does not fit: {0}")]
    Conversion(String),
    #[error(
        "the database's schema is version {found}, newer than this kiosk-server knows \
         ({known}): run the kiosk-server release that wrote it, or a newer one"
    )]
    SchemaTooNew { found: usize, known: usize },
    #[error("{0}")]
    Url(String),
}

/// PostgreSQL's own message (the driver's Display says only "db error"), or the
/// driver's with its causes ("error connecting to server: Connection refused").
fn pg_message(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{}: {}", db.code().code(), db.message());
    }
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

impl DbError {
    /// A UNIQUE or PRIMARY KEY constraint refused a write.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            Self::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            }
            Self::Postgres(e) => e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION),
            _ => false,
        }
    }

    /// A CHECK or NOT NULL constraint, or a value the column cannot hold, refused
    /// a write.
    pub fn is_constraint_violation(&self) -> bool {
        use postgres::error::SqlState;
        match self {
            Self::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.code == rusqlite::ErrorCode::ConstraintViolation
            }
            Self::Postgres(e) => e.code().is_some_and(|c| {
                [
                    SqlState::CHECK_VIOLATION,
                    SqlState::NOT_NULL_VIOLATION,
                    SqlState::UNIQUE_VIOLATION,
                    SqlState::INVALID_DATETIME_FORMAT,
                    SqlState::DATETIME_FIELD_OVERFLOW,
                ]
                .contains(c)
            }),
            _ => false,
        }
    }
}

/// Where the data lives: a SQLite file, or a PostgreSQL URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbUrl {
    /// `postgres://…` or `postgresql://…` is PostgreSQL; anything else is a SQLite
    /// file path.
    pub fn parse(s: &str) -> Self {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Self::Postgres(s.to_owned())
        } else {
            Self::Sqlite(PathBuf::from(s))
        }
    }

    /// As given, password and all: for passing on, never for logs.
    pub fn to_string_unredacted(&self) -> String {
        match self {
            Self::Sqlite(p) => p.display().to_string(),
            Self::Postgres(url) => url.clone(),
        }
    }

    /// For logs: the file, or the URL without its password.
    pub fn redacted(&self) -> String {
        match self {
            Self::Sqlite(p) => p.display().to_string(),
            Self::Postgres(url) => redact_password(url),
        }
    }
}

impl std::str::FromStr for DbUrl {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse(s))
    }
}

impl std::fmt::Display for DbUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`; a
/// `password=` parameter is hidden the same way.
fn redact_password(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:***@{host}"),
            None => format!("{user}@{host}"),
        },
        None => authority.to_owned(),
    };
    let tail = tail
        .split('&')
        .map(|part| match part.split_once("password=") {
            Some((before, _)) => format!("{before}password=***"),
            None => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&");
    format!("{scheme}://{authority}{tail}")
}

/// Handle to the database, cheap to clone.
#[derive(Clone)]
pub struct Db {
    backend: Backend,
}

#[derive(Clone)]
enum Backend {
    Sqlite(Arc<Mutex<Connection>>),
    Postgres(Arc<PgPool>),
}

/// The pool, closed on a thread of its own when the last handle goes: closing a
/// synchronous PostgreSQL connection blocks on the driver's own runtime, which
/// tokio refuses on an async worker (where a server or a test drops its handle).
struct PgPool(Option<r2d2::Pool<PgManager>>);

impl PgPool {
    fn get(&self) -> Result<r2d2::PooledConnection<PgManager>, DbError> {
        Ok(self
            .0
            .as_ref()
            .expect("the pool lives until dropped")
            .get()?)
    }
}

impl Drop for PgPool {
    fn drop(&mut self) {
        if let Some(pool) = self.0.take() {
            let _ = std::thread::Builder::new()
                .name("pg-pool-close".into())
                .spawn(move || drop(pool));
        }
    }
}

/// Connections most a PostgreSQL pool keeps per server instance.
pub const PG_POOL_SIZE: u32 = 16;

impl Db {
    /// Opens and migrates the database: a SQLite file (created if needed) in WAL
    /// mode with `synchronous=FULL`, or a PostgreSQL database with
    /// `synchronous_commit=on`, so a confirmed booking survives a power cut.
    pub async fn open(url: &DbUrl) -> Result<Self, DbError> {
        match url {
            DbUrl::Sqlite(path) => Self::open_sqlite(path).await,
            DbUrl::Postgres(url) => Self::open_postgres(url).await,
        }
    }

    async fn open_sqlite(path: &Path) -> Result<Self, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let path = path.to_path_buf();
        let file = path.clone();
        let conn = tokio::task::spawn_blocking(move || -> Result<Connection, DbError> {
            let mut conn = Connection::open(file)?;
            configure(&conn)?;
            migrate_sqlite(&mut conn)?;
            Ok(conn)
        })
        .await??;
        let conn = Arc::new(Mutex::new(conn));
        start_checkpointer(&path, &conn)?;
        Ok(Self {
            backend: Backend::Sqlite(conn),
        })
    }

    async fn open_postgres(url: &str) -> Result<Self, DbError> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e| DbError::Url(format!("the PostgreSQL URL cannot be read: {e}")))?;
        let manager = PgManager { config };
        let pool = tokio::task::spawn_blocking(move || -> Result<_, DbError> {
            // Migrate on a connection of its own, holding a session lock, so
            // instances that start together apply each migration once.
            let mut first = r2d2::ManageConnection::connect(&manager)?;
            migrate_postgres(&mut first)?;
            drop(first);
            Ok(PgPool(Some(
                r2d2::Pool::builder()
                    .max_size(PG_POOL_SIZE)
                    .min_idle(Some(2))
                    .connection_timeout(Duration::from_secs(5))
                    .test_on_check_out(false)
                    .error_handler(Box::new(PoolErrors))
                    .build(manager)?,
            )))
        })
        .await??;
        Ok(Self {
            backend: Backend::Postgres(Arc::new(pool)),
        })
    }

    pub fn dialect(&self) -> Dialect {
        match self.backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs `f` with a connection (each statement commits by itself) on the
    /// blocking pool.
    pub async fn call<T, F>(&self, f: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Tx<'_>) -> Result<T, DbError> + Send + 'static,
    {
        let backend = self.backend.clone();
        tokio::task::spawn_blocking(move || match backend {
            Backend::Sqlite(conn) => {
                let guard = conn.lock().map_err(|_| DbError::Poisoned)?;
                f(&mut Tx::sqlite(&guard))
            }
            Backend::Postgres(pool) => {
                let mut conn = pool.get()?;
                f(&mut Tx::postgres(&mut conn))
            }
        })
        .await?
    }

    /// Runs `f` in a transaction. It commits when `f` returns `Ok(Ok(_))` and
    /// rolls back on `Ok(Err(_))`, a refusal such as "slot full", or on an error.
    ///
    /// On SQLite the transaction is IMMEDIATE (the write lock is taken at the
    /// start, so read-then-write steps cannot interleave). On PostgreSQL it is
    /// READ COMMITTED: steps that must not interleave with another instance's take
    /// a row lock (a conditional UPDATE) or [`Tx::lock`].
    pub async fn write<T, E, F>(&self, f: F) -> Result<Result<T, E>, DbError>
    where
        T: Send + 'static,
        E: Send + 'static,
        F: FnOnce(&mut Tx<'_>) -> Result<Result<T, E>, DbError> + Send + 'static,
    {
        let backend = self.backend.clone();
        tokio::task::spawn_blocking(move || match backend {
            Backend::Sqlite(conn) => {
                let mut guard = conn.lock().map_err(|_| DbError::Poisoned)?;
                let tx = guard.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let outcome = f(&mut Tx::sqlite(&tx))?;
                if outcome.is_ok() {
                    tx.commit()?;
                }
                Ok(outcome)
            }
            Backend::Postgres(pool) => {
                let mut conn = pool.get()?;
                conn.open_tx = true;
                conn.client.batch_execute("BEGIN")?;
                let outcome = f(&mut Tx::postgres(&mut conn));
                let end = match &outcome {
                    Ok(Ok(_)) => "COMMIT",
                    _ => "ROLLBACK",
                };
                match conn.client.batch_execute(end) {
                    Ok(()) => {
                        conn.open_tx = false;
                        outcome
                    }
                    // The first error says more than the failed ROLLBACK after it;
                    // either way the connection is dropped (still marked open).
                    Err(_) if outcome.is_err() => outcome,
                    // A failed COMMIT has rolled back: the caller hears so.
                    Err(e) => Err(e.into()),
                }
            }
        })
        .await?
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.call(|c| c.query_value::<i64>("SELECT 1", &[]))
            .await
            .map(drop)
    }

    /// Inserts the demo hall, services and kiosks (`kiosk-1` and `extra_kiosks`)
    /// where missing, for `cargo xtask run` and tests.
    pub async fn seed_demo_data(&self, extra_kiosks: &[String]) -> Result<(), DbError> {
        let extra_kiosks = extra_kiosks.to_vec();
        self.write(move |tx| demo::seed(tx, &extra_kiosks).map(Ok::<_, DbError>))
            .await?
    }
}

/// Opens PostgreSQL connections for the pool, with the session settings every
/// guarantee depends on.
#[derive(Debug)]
struct PgManager {
    config: postgres::Config,
}

impl r2d2::ManageConnection for PgManager {
    type Connection = sql::PgConn;
    type Error = DbError;

    fn connect(&self) -> Result<Self::Connection, DbError> {
        let mut client = self.config.connect(postgres::NoTls)?;
        // A 2xx answer is durable: COMMIT returns once the WAL is flushed.
        client.batch_execute(
            "SET synchronous_commit = on;
             SET statement_timeout = '10s';
             SET lock_timeout = '5s';
             SET idle_in_transaction_session_timeout = '30s';",
        )?;
        Ok(sql::PgConn::new(client))
    }

    fn is_valid(&self, conn: &mut Self::Connection) -> Result<(), DbError> {
        Ok(conn.client.batch_execute("")?)
    }

    fn has_broken(&self, conn: &mut Self::Connection) -> bool {
        // A connection left inside a transaction (a panic mid-way) is not reused.
        conn.client.is_closed() || conn.open_tx
    }
}

/// Logs what the pool could not do (a refused connection, say) once per failure.
#[derive(Debug)]
struct PoolErrors;

impl r2d2::HandleError<DbError> for PoolErrors {
    fn handle_error(&self, error: DbError) {
        tracing::warn!(%error, "PostgreSQL connection failed");
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

fn migrate_sqlite(conn: &mut Connection) -> Result<(), DbError> {
    let applied: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    check_not_newer(applied)?;
    for (i, (sql, _)) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
        tracing::info!(version = i + 1, "applied database migration");
    }
    Ok(())
}

/// Key of the session lock held while migrating a PostgreSQL database.
const MIGRATION_LOCK: i64 = 0x6c6b_6d69_6772; // "lkmigr"

fn migrate_postgres(conn: &mut sql::PgConn) -> Result<(), DbError> {
    let client = &mut conn.client;
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let result = (|| -> Result<(), DbError> {
        client
            .batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        let applied: i64 = client
            .query_opt("SELECT version FROM schema_version", &[])?
            .map_or(0, |r| r.get(0));
        let applied = usize::try_from(applied).unwrap_or(0);
        check_not_newer(applied)?;
        for (i, (_, sql)) in MIGRATIONS.iter().enumerate().skip(applied) {
            let mut tx = client.transaction()?;
            tx.batch_execute(sql)?;
            tx.execute("DELETE FROM schema_version", &[])?;
            tx.execute(
                "INSERT INTO schema_version (version) VALUES ($1)",
                &[&i64::try_from(i + 1).unwrap_or(i64::MAX)],
            )?;
            tx.commit()?;
            tracing::info!(version = i + 1, "applied database migration");
        }
        Ok(())
    })();
    client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])?;
    result
}

fn check_not_newer(applied: usize) -> Result<(), DbError> {
    if applied > MIGRATIONS.len() {
        return Err(DbError::SchemaTooNew {
            found: applied,
            known: MIGRATIONS.len(),
        });
    }
    Ok(())
}

/// How many migrations the code knows.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_database_and_hide_passwords_in_logs() {
        assert_eq!(
            DbUrl::parse("data/kiosk.sqlite3"),
            DbUrl::Sqlite("data/kiosk.sqlite3".into())
        );
        let pg = DbUrl::parse("postgres://kiosk:s3cret@db.example:5432/kiosk?sslmode=disable");
        assert!(matches!(pg, DbUrl::Postgres(_)));
        assert_eq!(
            pg.redacted(),
            "postgres://kiosk:***@db.example:5432/kiosk?sslmode=disable"
        );
        assert_eq!(
            DbUrl::parse("postgresql://db/kiosk?user=k&password=s3cret").redacted(),
            "postgresql://db/kiosk?user=k&password=***"
        );
        assert_eq!(
            DbUrl::parse("postgres://kiosk@db/kiosk").redacted(),
            "postgres://kiosk@db/kiosk"
        );
    }
}
