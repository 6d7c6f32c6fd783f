//! `GET /health`: liveness and database reachability for the back office.

use axum::{Json, Router, extract::State, http::StatusCode, routing::get};
use kiosk_core::api::Health;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health_get))
}

async fn health_get(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let db_ok = match state.db.ping().await {
        Ok(()) => true,
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            false
        }
    };
    let status = if db_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = Health {
        status: if db_ok { "ok" } else { "degraded" }.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        db: if db_ok { "ok" } else { "error" }.to_owned(),
    };
    (status, Json(body))
}
