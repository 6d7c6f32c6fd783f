//! `GET /halls` and `GET /halls/{hall}/slots`.

use std::collections::HashMap;

use axum::{
    Json, Router,
    extract::{Query, State},
    routing::get,
};
use kiosk_core::{
    api::{Hall, Slot},
    date::Date,
    hall_time::HallTime,
};
use serde::Deserialize;

use crate::{AppState, db, error::ApiError, extract::ApiPath};

/// Longest window of days one slot query may ask for.
pub const MAX_DAYS: u32 = 14;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/halls", get(halls_list))
        .route("/halls/{hall}/slots", get(slots_list))
}

async fn halls_list(State(state): State<AppState>) -> Result<Json<Vec<Hall>>, ApiError> {
    Ok(Json(state.db.call(db::halls::list).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotQuery {
    service: Option<String>,
    from: Option<String>,
    days: Option<String>,
}

async fn slots_list(
    State(state): State<AppState>,
    ApiPath(hall): ApiPath<String>,
    query: Result<Query<SlotQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<Slot>>, ApiError> {
    let Query(query) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let now = state.clock.hall_now();
    let service = query
        .service
        .filter(|s| !s.is_empty())
        .ok_or_else(|| ApiError::field("service", "service_required"))?;
    let from = match query.from.as_deref() {
        None | Some("") => now.date(),
        Some(s) => Date::parse_iso(s).ok_or_else(|| ApiError::field("from", "invalid_date"))?,
    };
    let days = match query.days.as_deref() {
        None | Some("") => MAX_DAYS,
        Some(s) => s
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=MAX_DAYS).contains(d))
            .ok_or_else(|| ApiError::field("days", "days_out_of_range"))?,
    };
    let slots = state
        .db
        .call(move |c| {
            let Some(schedule) = db::schedules::load(c, &hall)? else {
                return Ok(Err(ApiError::NotFound("unknown_hall")));
            };
            let Some((_, capacity)) = db::services::offered(c, &hall, &service)? else {
                return Ok(Err(ApiError::field("service", "unknown_service")));
            };
            let all: Vec<(HallTime, HallTime)> = (0..i64::from(days))
                .filter_map(|d| from.plus_days(d))
                .flat_map(|date| schedule.slots_on(date))
                .filter(|(start, _)| *start > now)
                .collect();
            let (Some(first), Some(last)) = (all.first(), all.last()) else {
                return Ok(Ok(Vec::new()));
            };
            let taken: HashMap<String, (u32, u32)> = db::schedules::seats_taken(
                c,
                &hall,
                &service,
                &first.0.to_rfc3339(),
                &last.0.to_rfc3339(),
            )?
            .into_iter()
            .collect();
            Ok(Ok(all
                .into_iter()
                .map(|(start, end)| {
                    let start = start.to_rfc3339();
                    // A slot keeps the capacity it had at its first booking, as the
                    // booking transaction does.
                    let (used, capacity) = taken.get(&start).copied().unwrap_or((0, capacity));
                    Slot {
                        remaining: capacity.saturating_sub(used),
                        start,
                        end: end.to_rfc3339(),
                        capacity,
                    }
                })
                .collect()))
        })
        .await??;
    Ok(Json(slots))
}
