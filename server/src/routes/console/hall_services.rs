//! The services a hall offers and its seats per slot.
//!
//! - `GET /console/halls/{hall}/services`: every service, offered or not;
//! - `PUT /console/halls/{hall}/services/{service}`: offer it (or stop) with a
//!   capacity per slot, from the version read; future slots with seats taken get
//!   the new capacity too, never below the seats taken;
//! - `GET /console/halls/{hall}/slots?service=…&date=…`: one day's slots with
//!   capacity and seats taken;
//! - `PUT /console/halls/{hall}/slots`: one slot's capacity, from the capacity
//!   read; never below the seats taken (422 `capacity_below_taken`).
//!
//! The kiosk's `GET /halls/{hall}/slots` reads the same rows, so the places left
//! it shows follow at once; the booking transaction's conditional update and the
//! `taken <= capacity` CHECK keep a lowered slot from being overbooked.

use axum::{
    Json, Router,
    extract::{Query, State, rejection::QueryRejection},
    routing::{get, put},
};
use kiosk_core::{
    hall_admin::{
        HallService, HallServiceUpdate, SlotCapacity, SlotCapacityUpdate, check_capacity,
    },
    hall_time::HallTime,
};
use serde::Deserialize;
use serde_json::json;

use super::{body, hall_day::query_date, known_hall, may};
use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError,
        audit::{self, Action, Entry, Target},
        hall_admin::SlotChange,
    },
    error::{ApiError, FieldErrors},
    extract::{ApiJson, ApiPath},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/halls/{hall}/services", get(console_services_list))
        .route(
            "/console/halls/{hall}/services/{service}",
            put(console_service_update),
        )
        .route(
            "/console/halls/{hall}/slots",
            get(console_slots_list).put(console_slot_update),
        )
}

async fn console_services_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
) -> Result<Json<Vec<HallService>>, ApiError> {
    may(&user, &hall)?;
    let list = state
        .db
        .call(move |c| {
            if let Err(e) = known_hall(c, &hall)? {
                return Ok(Err(e));
            }
            db::hall_admin::services(c, &hall).map(Ok)
        })
        .await??;
    Ok(Json(list))
}

async fn console_service_update(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath((hall, service)): ApiPath<(String, String)>,
    req: Result<ApiJson<HallServiceUpdate>, ApiError>,
) -> Result<Json<HallService>, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    let mut errors = FieldErrors::new();
    if req.offered {
        check_capacity(&mut errors, req.capacity);
    }
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
            if !db::hall_admin::service_exists(tx, &service)? {
                return Ok(Err(ApiError::NotFound("unknown_service")));
            }
            let after = HallTime::from_unix(now).to_rfc3339();
            if !db::hall_admin::set_service(
                tx,
                &hall,
                &service,
                req.offered,
                req.capacity,
                req.version,
                &after,
            )? {
                return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::ServiceUpdate,
                    target: Target::hall(&hall),
                    detail: json!({
                        "service": service,
                        "offered": req.offered,
                        "capacity": req.offered.then_some(req.capacity),
                    }),
                    client: &user.client,
                },
            )?;
            db::hall_admin::services(tx, &hall)?
                .into_iter()
                .find(|s| s.service_id == service)
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok(Json(saved))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotQuery {
    service: Option<String>,
    date: Option<String>,
}

async fn console_slots_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    query: Result<Query<SlotQuery>, QueryRejection>,
) -> Result<Json<Vec<SlotCapacity>>, ApiError> {
    may(&user, &hall)?;
    let Query(q) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let service = q
        .service
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::field("service", "service_required"))?;
    let date = query_date(q.date.as_deref(), state.clock.hall_now().date())?;
    let list = state
        .db
        .call(move |c| {
            let Some(schedule) = db::schedules::load(c, &hall)? else {
                return Ok(Err(ApiError::NotFound("unknown_hall")));
            };
            let Some((_, default)) = db::services::offered(c, &hall, &service)? else {
                return Ok(Err(ApiError::field("service", "unknown_service")));
            };
            db::hall_admin::slots(c, &hall, &service, &schedule, date, default).map(Ok)
        })
        .await??;
    Ok(Json(list))
}

async fn console_slot_update(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    req: Result<ApiJson<SlotCapacityUpdate>, ApiError>,
) -> Result<Json<SlotCapacity>, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    let mut errors = FieldErrors::new();
    check_capacity(&mut errors, req.capacity);
    let start = HallTime::parse_rfc3339(&req.start);
    if start.is_none() {
        kiosk_core::console::push_error(&mut errors, "start", "invalid_slot");
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let start = start.expect("checked");
    let now = state.clock.unix();
    let saved = state
        .db
        .write(move |tx| {
            let Some(schedule) = db::schedules::load(tx, &hall)? else {
                return Ok(Err(ApiError::NotFound("unknown_hall")));
            };
            let Some((_, default)) = db::services::offered(tx, &hall, &req.service_id)? else {
                return Ok(Err(ApiError::field("service_id", "unknown_service")));
            };
            let Some(end) = schedule.slot_at(start) else {
                return Ok(Err(ApiError::field("start", "invalid_slot")));
            };
            if start.unix() <= now {
                return Ok(Err(ApiError::field("start", "slot_started")));
            }
            let start_s = start.to_rfc3339();
            let change = db::hall_admin::set_slot(
                tx,
                &hall,
                &req.service_id,
                &start_s,
                &end.to_rfc3339(),
                req.capacity,
                req.expected,
                default,
            )?;
            let slot = match change {
                SlotChange::Done(slot) => slot,
                SlotChange::Changed => {
                    return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
                }
                SlotChange::BelowTaken(_) => {
                    return Ok(Err(ApiError::field("capacity", "capacity_below_taken")));
                }
            };
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::SlotUpdate,
                    target: Target::hall(&hall),
                    detail: json!({
                        "service": req.service_id,
                        "slot_start": start_s,
                        "capacity": req.capacity,
                        "was": req.expected,
                    }),
                    client: &user.client,
                },
            )?;
            Ok(Ok(slot))
        })
        .await??;
    Ok(Json(saved))
}
