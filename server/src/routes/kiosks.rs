//! `GET /kiosks/{id}/status` (polled by the kiosk), `POST /kiosks/{id}/heartbeat`,
//! and `PUT /kiosks/{id}/maintenance` (staff token of that kiosk).

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    routing::{get, post, put},
};
use kiosk_core::{
    api::{Heartbeat, KioskStatus, MaintenanceRequest},
    hall_time::HallTime,
};

use crate::{
    AppState,
    caller::Caller,
    db,
    error::ApiError,
    extract::{ApiJson, ApiPath, BearerToken},
    security,
};

/// Longest maintenance message per language, in characters.
pub const MESSAGE_MAX: usize = kiosk_core::hall_admin::MAINTENANCE_MESSAGE_MAX;
/// How far ahead the expected-back time may be: two weeks covers a repair that
/// waits for parts; anything longer is a kiosk taken out of use, not maintenance.
pub const BACK_AT_MAX_S: i64 = 14 * 24 * 60 * 60;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/kiosks/{id}/status", get(kiosks_status))
        .route("/kiosks/{id}/heartbeat", post(kiosks_heartbeat))
        .route("/kiosks/{id}/maintenance", put(kiosks_maintenance))
}

async fn kiosks_status(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<KioskStatus>, ApiError> {
    caller.authorize(&state, &id).await?;
    state
        .db
        .call(move |c| db::kiosks::status(c, &id))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("unknown_kiosk"))
}

async fn kiosks_heartbeat(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(beat): ApiJson<Heartbeat>,
) -> Result<StatusCode, ApiError> {
    caller.authorize(&state, &id).await?;
    if beat.version.is_empty()
        || beat.version.len() > 64
        || beat.version.chars().any(char::is_control)
    {
        return Err(ApiError::field("version", "invalid_version"));
    }
    if beat.interval_s.is_some_and(|s| !(5..=3600).contains(&s)) {
        return Err(ApiError::field("interval_s", "invalid_interval"));
    }
    let now = state.clock.unix();
    let known = state
        .db
        .call(move |c| db::kiosks::heartbeat(c, &id, &beat, now))
        .await?;
    if known {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound("unknown_kiosk"))
    }
}

async fn kiosks_maintenance(
    State(state): State<AppState>,
    caller: Caller,
    token: BearerToken,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<MaintenanceRequest>,
) -> Result<Json<KioskStatus>, ApiError> {
    caller.authorize(&state, &id).await?;
    if let Some(m) = &req.message
        && [&m.zh_cn, &m.en]
            .iter()
            .any(|t| t.chars().count() > MESSAGE_MAX)
    {
        return Err(ApiError::field("message", "message_too_long"));
    }
    let now = state.clock.unix();
    let back_at = req
        .back_at
        .as_deref()
        .map(|t| check_back_at(t, now))
        .transpose()?;
    let token_hash = security::sha256_hex(token.0.as_bytes());
    state
        .db
        .write(move |tx| {
            if db::staff::session_kiosk(tx, &token_hash, now)?.as_deref() != Some(id.as_str()) {
                return Ok(Err(ApiError::Unauthorized));
            }
            db::kiosks::set_maintenance(tx, &id, &req, back_at)
                .map(|s| s.ok_or(ApiError::NotFound("unknown_kiosk")))
        })
        .await?
        .map(Json)
}

/// An expected-back time that parses, lies after `now` and at most
/// [`BACK_AT_MAX_S`] ahead of it, or the `invalid_back_at` error.
fn check_back_at(back_at: &str, now: i64) -> Result<HallTime, ApiError> {
    HallTime::parse_rfc3339(back_at)
        .filter(|t| t.unix() > now && t.unix() - now <= BACK_AT_MAX_S)
        .ok_or_else(|| ApiError::field("back_at", "invalid_back_at"))
}
