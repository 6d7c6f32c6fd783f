//! A per-client limit on write requests (token bucket), so a stuck or misused
//! kiosk cannot flood the hall's database. A proven kiosk is counted by its id,
//! anybody else by address ([`Caller::rate_key`]).
//!
//! With SQLite one process owns the database, and the buckets live in its memory.
//! With PostgreSQL several instances behind a load balancer must count together,
//! so the buckets are rows of `rate_buckets`, updated under a row lock in a
//! transaction that need not wait for the disk (`synchronous_commit = off`: after
//! a crash a bucket may be a little fuller, which is harmless).

use std::{collections::HashMap, sync::Mutex, time::Instant};

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    AppState,
    caller::Caller,
    db::{Db, DbError, Dialect},
    error::ApiError,
};

/// Buckets kept in memory before the table is cleared (bounded memory over long
/// uptimes).
const MAX_KEYS: usize = 10_000;
/// Database buckets untouched this long are deleted by housekeeping (a full
/// bucket and a missing one mean the same).
pub const IDLE_BUCKET_MS: i64 = 3_600_000;

pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// Tokens after refilling `tokens` (thousandths) for `elapsed_ms` at `per_minute`,
/// capped at a full bucket; then one taken if there is one. `Err` says in how many
/// seconds the next token is due.
fn refill_and_take(milli: i64, elapsed_ms: i64, per_minute: u32) -> (i64, Result<(), u64>) {
    let capacity = i64::from(per_minute) * 1000;
    // per_minute tokens a minute = per_minute thousandths of a token a millisecond… /60.
    let refilled = (milli + elapsed_ms.max(0) * i64::from(per_minute) / 60).min(capacity);
    if refilled >= 1000 {
        (refilled - 1000, Ok(()))
    } else {
        let missing_ms = (1000 - refilled) * 60 / i64::from(per_minute).max(1);
        let seconds = (missing_ms + 999) / 1000;
        (refilled, Err(u64::try_from(seconds).unwrap_or(1).max(1)))
    }
}

impl RateLimiter {
    /// `per_minute` = 0 switches the limit off.
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `key`; `Err(seconds)` says when the next one is due.
    pub async fn take(&self, db: &Db, key: &str) -> Result<Result<(), u64>, DbError> {
        if self.per_minute == 0 {
            return Ok(Ok(()));
        }
        match db.dialect() {
            Dialect::Sqlite => Ok(self.take_in_memory(key)),
            Dialect::Postgres => take_in_database(db, key, self.per_minute).await,
        }
    }

    /// Takes one token for `key` from this process's own buckets (limits that
    /// need not be shared between instances); `Err(seconds)` as for [`Self::take`].
    pub fn take_in_memory(&self, key: &str) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > MAX_KEYS {
            buckets.clear();
        }
        let (tokens, last) = buckets.entry(key.to_owned()).or_insert((capacity, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * per_second).min(capacity);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / per_second).ceil() as u64)
        }
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

async fn take_in_database(db: &Db, key: &str, per_minute: u32) -> Result<Result<(), u64>, DbError> {
    let key = key.to_owned();
    let full = i64::from(per_minute) * 1000;
    db.write(move |tx| {
        tx.batch("SET LOCAL synchronous_commit = off")?;
        let now = now_ms();
        tx.execute(
            "INSERT INTO rate_buckets (key, milli_tokens, updated_ms) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            &[&key, &full, &now],
        )?;
        // FOR UPDATE: instances taking from one bucket wait for each other.
        let row = tx.query_row(
            "SELECT milli_tokens, updated_ms FROM rate_buckets WHERE key = $1 FOR UPDATE",
            &[&key],
        )?;
        let (milli, updated): (i64, i64) = (row.get(0)?, row.get(1)?);
        let (left, taken) = refill_and_take(milli, now - updated, per_minute);
        tx.execute(
            "UPDATE rate_buckets SET milli_tokens = $2, updated_ms = $3 WHERE key = $1",
            &[&key, &left, &now.max(updated)],
        )?;
        Ok(Ok::<_, DbError>(taken))
    })
    .await?
}

/// Deletes database buckets nobody has used for [`IDLE_BUCKET_MS`].
pub fn purge(tx: &mut crate::db::Tx<'_>) -> Result<u64, DbError> {
    tx.execute(
        "DELETE FROM rate_buckets WHERE updated_ms < $1",
        &[&(now_ms() - IDLE_BUCKET_MS)],
    )
}

/// Middleware: limits POST, PUT, PATCH and DELETE.
pub async fn limit_writes(
    State(state): State<AppState>,
    caller: Caller,
    req: Request,
    next: Next,
) -> Response {
    // Speech changes nothing and has a limit of its own (a screen change asks
    // for several pieces, which must not use up a visitor's submissions).
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.uri().path().ends_with("/speech")
    {
        return next.run(req).await;
    }
    match state
        .rate_limiter()
        .take(&state.db, &caller.rate_key())
        .await
    {
        Ok(Ok(())) => next.run(req).await,
        Ok(Err(retry_after_s)) => ApiError::TooManyRequests {
            code: "rate_limited",
            retry_after_s,
        }
        .into_response(),
        Err(e) => ApiError::Database(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_refills_at_the_rate_and_never_past_full() {
        // 60 a minute: one token a second.
        assert_eq!(refill_and_take(60_000, 10_000, 60), (59_000, Ok(())));
        assert_eq!(refill_and_take(0, 1_000, 60), (0, Ok(())));
        assert_eq!(refill_and_take(0, 500, 60), (500, Err(1)));
        // 2 a minute: the next token after 30 s.
        assert_eq!(refill_and_take(0, 0, 2), (0, Err(30)));
        assert_eq!(
            refill_and_take(0, 3_600_000, 2).0,
            1000,
            "capped at 2, one taken"
        );
    }
}
