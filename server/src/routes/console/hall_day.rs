//! A day's appointments at the counter:
//!
//! - `GET /console/halls/{hall}/appointments?date=YYYY-MM-DD` (today by default),
//!   names and phones masked;
//! - `POST /console/halls/{hall}/appointments/{reference}/attendance`: arrived or
//!   no-show, today only, a no-show only once the slot has started; sending the
//!   same state again changes nothing, another one is 409;
//! - `POST /console/halls/{hall}/appointments/{reference}/phone`: the full number,
//!   for calling someone about a closure; every reveal is audited.

use axum::{
    Json, Router,
    extract::{Query, State, rejection::QueryRejection},
    routing::{get, post},
};
use kiosk_core::{
    api::{AppointmentStatus, is_reference},
    date::Date,
    hall_admin::{AttendanceRequest, HallAppointment, RevealedPhone, check_in_refusal},
    hall_time::HallTime,
};
use serde::Deserialize;
use serde_json::json;

use super::{body, known_hall, may};
use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError,
        audit::{self, Action, Entry, Target},
    },
    error::ApiError,
    extract::{ApiJson, ApiPath},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console/halls/{hall}/appointments",
            get(console_appointments_list),
        )
        .route(
            "/console/halls/{hall}/appointments/{reference}/attendance",
            post(console_appointment_attendance),
        )
        .route(
            "/console/halls/{hall}/appointments/{reference}/phone",
            post(console_appointment_phone),
        )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DayQuery {
    date: Option<String>,
}

/// `date` of a query, today when left out.
pub fn query_date(date: Option<&str>, today: Date) -> Result<Date, ApiError> {
    match date {
        None | Some("") => Ok(today),
        Some(s) => Date::parse_iso(s).ok_or_else(|| ApiError::field("date", "invalid_date")),
    }
}

async fn console_appointments_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(hall): ApiPath<String>,
    query: Result<Query<DayQuery>, QueryRejection>,
) -> Result<Json<Vec<HallAppointment>>, ApiError> {
    may(&user, &hall)?;
    let Query(q) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let date = query_date(q.date.as_deref(), state.clock.hall_now().date())?;
    let list = state
        .db
        .call(move |c| {
            if let Err(e) = known_hall(c, &hall)? {
                return Ok(Err(e));
            }
            db::hall_admin::day(c, &hall, date).map(Ok)
        })
        .await??;
    Ok(Json(list))
}

fn reference_or_404(reference: &str) -> Result<(), ApiError> {
    if is_reference('A', reference) {
        Ok(())
    } else {
        Err(ApiError::NotFound("unknown_appointment"))
    }
}

async fn console_appointment_attendance(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath((hall, reference)): ApiPath<(String, String)>,
    req: Result<ApiJson<AttendanceRequest>, ApiError>,
) -> Result<Json<HallAppointment>, ApiError> {
    may(&user, &hall)?;
    let req = body(req)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    let saved = state
        .db
        .write(move |tx| {
            let Some(found) = db::hall_admin::find(tx, &hall, &reference)? else {
                return Ok(Err(ApiError::NotFound("unknown_appointment")));
            };
            if found.status != AppointmentStatus::Booked {
                return Ok(Err(ApiError::Conflict("appointment_cancelled")));
            }
            let Some(start) = HallTime::parse_rfc3339(&found.slot_start) else {
                return Err(DbError::Conversion("slot_start".into()));
            };
            let today = HallTime::from_unix(now).date();
            if let Some(code) =
                check_in_refusal(req.attendance, start.unix(), start.date(), now, today)
            {
                return Ok(Err(ApiError::field("attendance", code)));
            }
            if found.attendance == Some(req.attendance) {
                return Ok(Ok(found));
            }
            if !db::hall_admin::set_attendance(
                tx,
                &hall,
                &reference,
                req.attendance,
                &HallTime::from_unix(now).to_rfc3339(),
            )? {
                return Ok(Err(ApiError::Conflict("attendance_recorded")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::CheckIn,
                    target: Target::appointment(&reference),
                    detail: json!({ "hall": hall, "attendance": req.attendance }),
                    client: &user.client,
                },
            )?;
            db::hall_admin::find(tx, &hall, &reference)?
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok(Json(saved))
}

async fn console_appointment_phone(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath((hall, reference)): ApiPath<(String, String)>,
) -> Result<Json<RevealedPhone>, ApiError> {
    may(&user, &hall)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    let phone = state
        .db
        .write(move |tx| {
            let Some(phone) = db::hall_admin::phone(tx, &hall, &reference)? else {
                return Ok(Err(ApiError::NotFound("unknown_appointment")));
            };
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::PhoneReveal,
                    target: Target::appointment(&reference),
                    detail: json!({ "hall": hall }),
                    client: &user.client,
                },
            )?;
            Ok(Ok(RevealedPhone { phone }))
        })
        .await??;
    Ok(Json(phone))
}
