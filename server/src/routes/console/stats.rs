//! `GET /console/stats` and `/console/stats.csv`: per hall per week, bookings,
//! cancellations, no-shows, callbacks and how many were reached within the
//! visitor's window, and the 好差评 distribution. Province admins see every
//! hall, hall admins their own; operators none.

use axum::{
    Json, Router,
    extract::{Query, State, rejection::QueryRejection},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use kiosk_core::{
    Lang,
    console::Role,
    date::Date,
    stats::{RangeProblem, StatsReport, to_csv, weeks},
};
use serde::Deserialize;

use crate::{AppState, console::ConsoleUser, db, error::ApiError};

/// Weeks shown when the range is not given: the current one and the seven before.
pub const DEFAULT_WEEKS: i64 = 8;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/stats", get(console_stats))
        .route("/console/stats.csv", get(console_stats_csv))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatsQuery {
    /// First hall day, `YYYY-MM-DD`; its week is the first.
    from: Option<String>,
    /// Last hall day, `YYYY-MM-DD`; its week is the last.
    to: Option<String>,
    /// One hall, else every hall the user may see.
    hall: Option<String>,
    /// The CSV's language: `zh-CN` (default) or `en`.
    lang: Option<String>,
}

fn date(field: &str, v: Option<&str>) -> Result<Option<Date>, ApiError> {
    match v.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Date::parse_iso(s)
            .map(Some)
            .ok_or_else(|| ApiError::field(field, "invalid_date")),
    }
}

async fn build(
    state: &AppState,
    user: &ConsoleUser,
    q: &StatsQuery,
) -> Result<StatsReport, ApiError> {
    user.require(&[Role::HallAdmin, Role::ProvinceAdmin])?;
    let today = state.clock.hall_now().date();
    let to = date("to", q.to.as_deref())?.unwrap_or(today);
    let from = match date("from", q.from.as_deref())? {
        Some(d) => d,
        None => to.plus_days(-7 * (DEFAULT_WEEKS - 1)).unwrap_or(to),
    };
    let weeks = weeks(from, to).map_err(|e| match e {
        RangeProblem::Reversed => ApiError::field("to", "range_reversed"),
        RangeProblem::TooLong => ApiError::field("from", "range_too_long"),
    })?;
    if let Some(hall) = q.hall.as_deref().filter(|h| !h.is_empty()) {
        user.require_hall(hall)?;
    }
    let only = q.hall.clone().filter(|h| !h.is_empty());
    let mine = (user.role == Role::HallAdmin).then(|| user.halls.clone());
    let (first, last) = (weeks[0], weeks[weeks.len() - 1]);
    let halls = state
        .db
        .call(move |c| {
            let halls: Vec<_> = db::halls::list(c)?
                .into_iter()
                .filter(|h| only.as_ref().is_none_or(|o| *o == h.id))
                .filter(|h| mine.as_ref().is_none_or(|m| m.contains(&h.id)))
                .collect();
            db::stats::report(c, &halls, &weeks)
        })
        .await?;
    if q.hall.as_deref().is_some_and(|h| !h.is_empty()) && halls.is_empty() {
        return Err(ApiError::NotFound("unknown_hall"));
    }
    Ok(StatsReport {
        from: first.to_string(),
        to: last.plus_days(6).unwrap_or(last).to_string(),
        halls,
    })
}

async fn console_stats(
    State(state): State<AppState>,
    user: ConsoleUser,
    query: Result<Query<StatsQuery>, QueryRejection>,
) -> Result<Json<StatsReport>, ApiError> {
    let Query(q) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    Ok(Json(build(&state, &user, &q).await?))
}

async fn console_stats_csv(
    State(state): State<AppState>,
    user: ConsoleUser,
    query: Result<Query<StatsQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let lang = match q.lang.as_deref() {
        None | Some("" | "zh-CN") => Lang::ZhCn,
        Some("en") => Lang::En,
        Some(_) => return Err(ApiError::field("lang", "invalid_lang")),
    };
    let report = build(&state, &user, &q).await?;
    let disposition = format!(
        "attachment; filename=\"stats-{}-{}.csv\"",
        report.from, report.to
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("dates are ASCII"),
            ),
        ],
        to_csv(&report, lang),
    )
        .into_response())
}
