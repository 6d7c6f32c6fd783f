//! A hall's kiosks.
//!
//! - `GET /console/halls/{hall}/kiosks`: online or offline (offline after
//!   [`MISSED_HEARTBEATS_OFFLINE`] missed heartbeats), version, errors, the last
//!   touch, the edge's outbox depth, maintenance; never a secret;
//! - `POST /console/halls/{hall}/kiosks`: registers a kiosk; 201 with its secret,
//!   in this answer only (the database keeps its SHA-256, the audit log neither);
//! - `PUT /console/halls/{hall}/kiosks/{id}/maintenance`: the maintenance switch
//!   with a message and an expected-back time, as the staff PIN's screen has it.
//!
//! [`MISSED_HEARTBEATS_OFFLINE`]: kiosk_core::api::MISSED_HEARTBEATS_OFFLINE

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, put},
};
use kiosk_core::{
    api::MaintenanceRequest,
    hall_admin::{KioskInfo, KioskRegistered, NewKiosk, check_maintenance_message, is_kiosk_id},
    hall_time::HallTime,
};
use serde_json::json;

use super::{body, known_hall, may};
use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError,
        audit::{self, Action, Entry, Target},
    },
    error::{ApiError, FieldErrors},
    extract::{ApiJson, ApiPath},
    routes::kiosks::BACK_AT_MAX_S,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console/halls/{hall}/kiosks",
            get(console_kiosks_list).post(console_kiosks_register),
        )
        .route(
            "/console/halls/{hall}/kiosks/{id}/maintenance",
            put(console_kiosk_maintenance),
        )
}

async fn console_kiosks_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
) -> Result<Json<Vec<KioskInfo>>, ApiError> {
    may(&user, &hall)?;
    let now = state.clock.unix();
    let list = state
        .db
        .call(move |c| {
            if let Err(e) = known_hall(c, &hall)? {
                return Ok(Err(e));
            }
            db::hall_admin::kiosks(c, &hall, now).map(Ok)
        })
        .await??;
    Ok(Json(list))
}

async fn console_kiosks_register(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    req: Result<ApiJson<NewKiosk>, ApiError>,
) -> Result<Response, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    if !is_kiosk_id(&req.id) {
        return Err(ApiError::field("id", "invalid_kiosk_id"));
    }
    let now = state.clock.unix();
    let (secret, hash) = crate::admin::new_secret();
    let id = req.id.clone();
    state
        .db
        .write(move |tx| {
            if let Err(e) = known_hall(tx, &hall)? {
                return Ok(Err(e));
            }
            if !db::kiosks::add(tx, &id, &hall, Some(&hash))? {
                return Ok(Err(ApiError::field("id", "kiosk_exists")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::KioskRegister,
                    target: Target::kiosk(&id),
                    detail: json!({ "hall": hall }),
                    client: &user.client,
                },
            )?;
            Ok(Ok(()))
        })
        .await??;
    let answer = KioskRegistered { id: req.id, secret };
    let mut res = (StatusCode::CREATED, Json(answer)).into_response();
    // A secret must not linger in a cache along the way.
    res.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

async fn console_kiosk_maintenance(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath((hall, id)): ApiPath<(String, String)>,
    req: Result<ApiJson<MaintenanceRequest>, ApiError>,
) -> Result<Json<KioskInfo>, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    let now = state.clock.unix();
    let mut errors = FieldErrors::new();
    check_maintenance_message(&mut errors, req.message.as_ref());
    let back_at = match req.back_at.as_deref().filter(|_| req.maintenance) {
        None => None,
        Some(t) => match HallTime::parse_rfc3339(t)
            .filter(|t| t.unix() > now && t.unix() - now <= BACK_AT_MAX_S)
        {
            Some(t) => Some(t),
            None => {
                kiosk_core::console::push_error(&mut errors, "back_at", "invalid_back_at");
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let saved = state
        .db
        .write(move |tx| {
            // Another hall's kiosk is not found here, whoever asks.
            if db::hall_admin::kiosk_hall(tx, &id)?.as_deref() != Some(hall.as_str()) {
                return Ok(Err(ApiError::NotFound("unknown_kiosk")));
            }
            db::kiosks::set_maintenance(tx, &id, &req, back_at)?;
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::KioskMaintenance,
                    target: Target::kiosk(&id),
                    detail: json!({
                        "hall": hall,
                        "maintenance": req.maintenance,
                        "back_at": back_at.map(HallTime::to_rfc3339),
                    }),
                    client: &user.client,
                },
            )?;
            db::hall_admin::kiosks(tx, &hall, now)?
                .into_iter()
                .find(|k| k.id == id)
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok(Json(saved))
}
