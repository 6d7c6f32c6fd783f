//! The hall console's API, for hall admins (on their own halls) and province
//! admins (on any): the halls themselves and their profile and opening hours
//! here; a day's appointments and check-in in [`hall_day`], closures in
//! [`hall_closures`], services and seats per slot in [`hall_services`], kiosks in
//! [`hall_kiosks`]. Every write is audited in its own transaction, and every edit
//! of something two admins could change at once carries the version it read.
//!
//! - `GET /console/halls`: the halls the user may act on.
//! - `POST /console/halls`: a new hall (province admins).
//! - `GET`/`PUT /console/halls/{hall}`: the public profile.
//! - `GET`/`PUT /console/halls/{hall}/hours`: opening hours per weekday, with breaks.

#[path = "hall_closures.rs"]
pub mod hall_closures;
#[path = "hall_day.rs"]
pub mod hall_day;
#[path = "hall_kiosks.rs"]
pub mod hall_kiosks;
#[path = "hall_services.rs"]
pub mod hall_services;

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
};
use kiosk_core::{
    console::Role,
    hall_admin::{
        HallRecord, HallUpdate, Hours, NewHall, check_hours, check_profile, is_hall_id, trimmed,
    },
};
use serde_json::json;

use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError,
        audit::{self, Action, Entry, Target},
    },
    error::{ApiError, FieldErrors},
    extract::{ApiJson, ApiPath},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console/halls",
            get(console_halls_list).post(console_halls_create),
        )
        .route(
            "/console/halls/{hall}",
            get(console_hall_get).put(console_hall_update),
        )
        .route(
            "/console/halls/{hall}/hours",
            get(console_hours_get).put(console_hours_update),
        )
        .merge(hall_day::router())
        .merge(hall_closures::router())
        .merge(hall_services::router())
        .merge(hall_kiosks::router())
}

/// Who may use the hall screens.
pub const HALL_ROLES: &[Role] = &[Role::HallAdmin, Role::ProvinceAdmin];

/// 403 unless `user` may act on `hall`: the role first, then the hall.
pub fn may(user: &ConsoleUser, hall: &str) -> Result<(), ApiError> {
    user.require(HALL_ROLES)?;
    user.require_hall(hall)
}

/// The body, read only once the role checks have passed, so a refused user
/// hears 403 whatever they sent.
pub fn body<T>(body: Result<ApiJson<T>, ApiError>) -> Result<T, ApiError> {
    body.map(|ApiJson(b)| b)
}

/// 404 `unknown_hall` for a hall that does not exist (only a province admin can
/// get this far with one).
pub fn known_hall(tx: &mut db::Tx<'_>, hall: &str) -> Result<Result<(), ApiError>, DbError> {
    Ok(if db::hall_admin::hall(tx, hall)?.is_some() {
        Ok(())
    } else {
        Err(ApiError::NotFound("unknown_hall"))
    })
}

async fn console_halls_list(
    State(state): State<AppState>,
    user: ConsoleUser,
) -> Result<Json<Vec<HallRecord>>, ApiError> {
    user.require(HALL_ROLES)?;
    let only = (user.role != Role::ProvinceAdmin).then(|| user.halls.clone());
    let halls = state
        .db
        .call(move |c| db::hall_admin::halls(c, only.as_deref()))
        .await?;
    Ok(Json(halls))
}

async fn console_halls_create(
    State(state): State<AppState>,
    user: ConsoleUser,
    req: Result<ApiJson<NewHall>, ApiError>,
) -> Result<Response, ApiError> {
    user.require(&[Role::ProvinceAdmin])?;
    let req = body(req)?;
    let mut errors = FieldErrors::new();
    if !is_hall_id(&req.id) {
        kiosk_core::console::push_error(&mut errors, "id", "invalid_hall_id");
    }
    let profile = req.profile();
    check_profile(&mut errors, &profile);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let profile = trimmed(&profile);
    let now = state.clock.unix();
    let created = state
        .db
        .write(move |tx| {
            if !db::hall_admin::insert_hall(tx, &req.id, &profile)? {
                return Ok(Err(ApiError::field("id", "hall_exists")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::HallCreate,
                    target: Target::hall(&req.id),
                    detail: json!({}),
                    client: &user.client,
                },
            )?;
            db::hall_admin::hall(tx, &req.id)?
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

async fn console_hall_get(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
) -> Result<Json<HallRecord>, ApiError> {
    may(&user, &hall)?;
    state
        .db
        .call(move |c| db::hall_admin::hall(c, &hall))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("unknown_hall"))
}

async fn console_hall_update(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    req: Result<ApiJson<HallUpdate>, ApiError>,
) -> Result<Json<HallRecord>, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    let mut errors = FieldErrors::new();
    check_profile(&mut errors, &req.profile());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let profile = trimmed(&req.profile());
    let now = state.clock.unix();
    let saved = state
        .db
        .write(move |tx| {
            let Some(before) = db::hall_admin::hall(tx, &hall)? else {
                return Ok(Err(ApiError::NotFound("unknown_hall")));
            };
            if !db::hall_admin::update_profile(tx, &hall, &profile, req.version)? {
                return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
            }
            let b = &before.profile;
            let changed: Vec<&str> = [
                ("names", b.names != profile.names),
                ("address", b.address != profile.address),
                ("phone", b.phone != profile.phone),
                ("opening_hours", b.opening_hours != profile.opening_hours),
            ]
            .into_iter()
            .filter_map(|(f, differs)| differs.then_some(f))
            .collect();
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::HallUpdate,
                    target: Target::hall(&hall),
                    detail: json!({ "changed": changed }),
                    client: &user.client,
                },
            )?;
            db::hall_admin::hall(tx, &hall)?
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok(Json(saved))
}

async fn console_hours_get(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
) -> Result<Json<Hours>, ApiError> {
    may(&user, &hall)?;
    state
        .db
        .call(move |c| db::hall_admin::hours(c, &hall))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("unknown_hall"))
}

async fn console_hours_update(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    req: Result<ApiJson<Hours>, ApiError>,
) -> Result<Json<Hours>, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    let mut errors = FieldErrors::new();
    check_hours(&mut errors, &req);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = state.clock.unix();
    let saved = state
        .db
        .write(move |tx| {
            if let Err(e) = known_hall(tx, &hall)? {
                return Ok(Err(e));
            }
            if !db::hall_admin::set_hours(tx, &hall, &req)? {
                return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
            }
            let open_days: Vec<usize> = req
                .weekdays
                .iter()
                .enumerate()
                .filter(|(_, d)| !d.is_empty())
                .map(|(i, _)| i + 1)
                .collect();
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::HoursUpdate,
                    target: Target::hall(&hall),
                    detail: json!({ "slot_minutes": req.slot_minutes, "open_weekdays": open_days }),
                    client: &user.client,
                },
            )?;
            db::hall_admin::hours(tx, &hall)?
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok(Json(saved))
}
