//! Closures: a day off, or shorter hours on one date, with a reason.
//!
//! - `GET /console/halls/{hall}/closures`: from today on, each with the number of
//!   standing bookings outside its hours;
//! - `POST /console/halls/{hall}/closures`: 201 with the closure and those
//!   bookings, masked. They are not cancelled: staff call them (the number is
//!   revealed, audited, by `…/appointments/{reference}/phone`);
//! - `GET /console/halls/{hall}/closures/{date}/bookings`: that list again;
//! - `DELETE /console/halls/{hall}/closures/{date}`: the day opens again.
//!
//! The kiosk's slots come from the same schedule, so a closed day shows closed
//! there at once, and no new booking can be made in it.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
};
use kiosk_core::{
    date::Date,
    hall_admin::{AffectedBooking, Closure, ClosureCreated, NewClosure, check_closure},
    hall_time::HallTime,
};
use serde_json::json;

use super::{body, may};
use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError, Tx,
        audit::{self, Action, Entry, Target},
    },
    error::{ApiError, FieldErrors},
    extract::{ApiJson, ApiPath},
    schedule::Schedule,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console/halls/{hall}/closures",
            get(console_closures_list).post(console_closures_create),
        )
        .route(
            "/console/halls/{hall}/closures/{date}",
            axum::routing::delete(console_closures_delete),
        )
        .route(
            "/console/halls/{hall}/closures/{date}/bookings",
            get(console_closure_bookings),
        )
}

fn schedule(tx: &mut Tx<'_>, hall: &str) -> Result<Result<Schedule, ApiError>, DbError> {
    Ok(db::schedules::load(tx, hall)?.ok_or(ApiError::NotFound("unknown_hall")))
}

fn path_date(date: &str) -> Result<Date, ApiError> {
    Date::parse_iso(date).ok_or(ApiError::NotFound("unknown_closure"))
}

async fn console_closures_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
) -> Result<Json<Vec<Closure>>, ApiError> {
    may(&user, &hall)?;
    let today = state.clock.hall_now().date();
    let list = state
        .db
        .call(move |c| {
            let s = match schedule(c, &hall)? {
                Ok(s) => s,
                Err(e) => return Ok(Err(e)),
            };
            db::hall_admin::closures(c, &hall, &s, today).map(Ok)
        })
        .await??;
    Ok(Json(list))
}

async fn console_closures_create(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    req: Result<ApiJson<NewClosure>, ApiError>,
) -> Result<Response, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    let now = state.clock.unix();
    let today = HallTime::from_unix(now).date();
    let mut errors = FieldErrors::new();
    check_closure(&mut errors, &req, today);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let date = Date::parse_iso(&req.date).expect("checked");
    let created = state
        .db
        .write(move |tx| {
            if let Err(e) = schedule(tx, &hall)? {
                return Ok(Err(e));
            }
            let date_s = date.to_string();
            if db::hall_admin::closure_exists(tx, &hall, &date_s)? {
                return Ok(Err(ApiError::field("date", "closure_exists")));
            }
            let mut sessions = req.sessions.clone();
            sessions.sort();
            db::hall_admin::insert_closure(
                tx,
                &hall,
                &date_s,
                req.reason.trim(),
                &sessions,
                &user.id,
                &HallTime::from_unix(now).to_rfc3339(),
            )?;
            let s = db::schedules::load(tx, &hall)?.ok_or(DbError::NoRow)?;
            let bookings = db::hall_admin::affected(tx, &hall, &s, date)?;
            // The reason is free text: it stays out of the audit log.
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::ClosureCreate,
                    target: Target::hall(&hall),
                    detail: json!({
                        "date": date_s,
                        "day_off": sessions.is_empty(),
                        "bookings": bookings.len(),
                    }),
                    client: &user.client,
                },
            )?;
            Ok(Ok(ClosureCreated {
                closure: Closure {
                    date: date_s,
                    reason: req.reason.trim().to_owned(),
                    sessions,
                    bookings: u32::try_from(bookings.len()).unwrap_or(u32::MAX),
                },
                bookings,
            }))
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

async fn console_closure_bookings(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath((hall, date)): ApiPath<(String, String)>,
) -> Result<Json<Vec<AffectedBooking>>, ApiError> {
    may(&user, &hall)?;
    let date = path_date(&date)?;
    let list = state
        .db
        .call(move |c| {
            let s = match schedule(c, &hall)? {
                Ok(s) => s,
                Err(e) => return Ok(Err(e)),
            };
            db::hall_admin::affected(c, &hall, &s, date).map(Ok)
        })
        .await??;
    Ok(Json(list))
}

async fn console_closures_delete(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath((hall, date)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    may(&user, &hall)?;
    let date = path_date(&date)?.to_string();
    let now = state.clock.unix();
    state
        .db
        .write(move |tx| {
            if !db::hall_admin::delete_closure(tx, &hall, &date)? {
                return Ok(Err(ApiError::NotFound("unknown_closure")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::ClosureDelete,
                    target: Target::hall(&hall),
                    detail: json!({ "date": date }),
                    client: &user.client,
                },
            )?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT)
}
