//! A per-client limit on write requests (token bucket), so a stuck or misused
//! kiosk cannot flood the hall's database. Clients are told apart by address.

use std::{collections::HashMap, net::SocketAddr, sync::Mutex, time::Instant};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{AppState, error::ApiError};

/// Buckets kept before the table is cleared (bounded memory over long uptimes).
const MAX_KEYS: usize = 10_000;

pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
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
    pub fn take(&self, key: &str) -> Result<(), u64> {
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

/// Middleware: limits POST, PUT, PATCH and DELETE.
pub async fn limit_writes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    // The client's address decides the bucket: a header chosen by the client
    // could be rotated to dodge the limit (or to flood the table). Kiosks each
    // have their own address; the header only tells apart clients that have none
    // (in-process tests).
    let key = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| format!("addr:{}", c.0.ip()))
        .or_else(|| {
            req.headers()
                .get("x-kiosk-id")
                .and_then(|v| v.to_str().ok())
                .map(|k| format!("kiosk:{k}"))
        })
        .unwrap_or_else(|| "unknown".to_owned());
    match state.rate_limiter().take(&key) {
        Ok(()) => next.run(req).await,
        Err(retry_after_s) => ApiError::TooManyRequests {
            code: "rate_limited",
            retry_after_s,
        }
        .into_response(),
    }
}
