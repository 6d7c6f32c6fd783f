//! `GET /console/audit`: the audit log for province admins, newest first,
//! filtered and paged.

use axum::{
    Json, Router,
    extract::{Query, State, rejection::QueryRejection},
    routing::get,
};
use kiosk_core::{api::AuditPage, console::Role, date::Date, hall_time::HallTime};
use serde::Deserialize;

use crate::{AppState, console::ConsoleUser, db, error::ApiError};

/// Lines per page unless `limit` says otherwise, and the most it may say.
pub const PAGE_DEFAULT: u32 = 50;
pub const PAGE_MAX: u32 = 200;

pub fn router() -> Router<AppState> {
    Router::new().route("/console/audit", get(console_audit_list))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuery {
    user: Option<String>,
    action: Option<String>,
    /// `kind` (`user`) or `kind:id` (`user:li.na`).
    target: Option<String>,
    /// First hall day, `YYYY-MM-DD`.
    from: Option<String>,
    /// Last hall day, `YYYY-MM-DD` (inclusive).
    to: Option<String>,
    limit: Option<u32>,
    before: Option<i64>,
}

/// An empty filter is no filter; one with control characters (which PostgreSQL
/// may not even compare) or of silly length cannot match anything.
fn text(v: Option<String>) -> Result<Option<String>, ApiError> {
    match v.filter(|s| !s.is_empty()) {
        Some(s) if s.len() > 100 || s.chars().any(char::is_control) => {
            Err(ApiError::BadRequest("invalid_query"))
        }
        other => Ok(other),
    }
}

/// Midnight at the hall starting `date`, in Unix seconds.
fn day_start(date: Date) -> i64 {
    HallTime::new(date, 0).expect("minute 0").unix()
}

fn date(field: &str, v: Option<&str>) -> Result<Option<Date>, ApiError> {
    match v.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Date::parse_iso(s)
            .map(Some)
            .ok_or_else(|| ApiError::field(field, "invalid_date")),
    }
}

async fn console_audit_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPage>, ApiError> {
    user.require(&[Role::ProvinceAdmin])?;
    let Query(q) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let limit = q.limit.unwrap_or(PAGE_DEFAULT);
    if !(1..=PAGE_MAX).contains(&limit) {
        return Err(ApiError::field("limit", "invalid_limit"));
    }
    let from = date("from", q.from.as_deref())?;
    let to = date("to", q.to.as_deref())?;
    let (target_kind, target_id) = match text(q.target)? {
        None => (None, None),
        Some(t) => match t.split_once(':') {
            Some((kind, id)) => (Some(kind.to_owned()), Some(id.to_owned())),
            None => (Some(t), None),
        },
    };
    let filter = db::audit::Filter {
        user: text(q.user)?,
        action: text(q.action)?,
        target_kind,
        target_id,
        from_unix: from.map(day_start),
        to_unix: to.and_then(|d| d.plus_days(1)).map(day_start),
        before: q.before,
        // One more than asked, to know whether there is a next page.
        limit: limit + 1,
    };
    let mut entries = state.db.call(move |c| db::audit::list(c, &filter)).await?;
    let more = entries.len() > limit as usize;
    entries.truncate(limit as usize);
    let next_before = more.then(|| entries.last().map(|e| e.id)).flatten();
    Ok(Json(AuditPage {
        entries,
        next_before,
    }))
}
