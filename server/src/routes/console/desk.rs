//! The 12348 desk, for operators and province admins:
//!
//! - `GET /console/desk?hall=&topic=&view=open|claimed|closed&overdue=true`: the
//!   queue, ordered by when each request is due, then by waiting time;
//! - `GET /console/desk/{reference}`: one request with its calls and notes;
//! - `POST`/`DELETE /console/desk/{reference}/claim`: take a request before
//!   calling (so two operators never call the same person), or give it back;
//! - `POST /console/desk/{reference}/outcome`: what came of the call;
//! - `POST /console/desk/{reference}/notes`: a note, kept as long as the request;
//! - `POST /console/desk/{reference}/phone`: the full number, audited.
//!
//! Every write and every reveal is audited in its own transaction.

use axum::{
    Json, Router,
    extract::{Query, State, rejection::QueryRejection},
    http::StatusCode,
    routing::{get, post},
};
use kiosk_core::{
    api::{Topic, is_reference},
    console::{FieldErrors, Role},
    desk::{
        DeskDetail, DeskItem, DeskQueue, DeskReveal, DeskView, NoteRequest, Outcome,
        OutcomeRequest, check_note, check_outcome, next,
    },
    hall_time::HallTime,
};
use serde::Deserialize;
use serde_json::json;

use super::hall::body;
use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError,
        audit::{self, Action, Entry, Target},
        desk::{Filter, Refusal},
    },
    error::ApiError,
    extract::{ApiJson, ApiPath},
};

const DESK_ROLES: &[Role] = &[Role::Operator, Role::ProvinceAdmin];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/desk", get(console_desk_list))
        .route("/console/desk/{reference}", get(console_desk_get))
        .route(
            "/console/desk/{reference}/claim",
            post(console_desk_claim).delete(console_desk_release),
        )
        .route(
            "/console/desk/{reference}/outcome",
            post(console_desk_outcome),
        )
        .route("/console/desk/{reference}/notes", post(console_desk_note))
        .route("/console/desk/{reference}/phone", post(console_desk_phone))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueQuery {
    hall: Option<String>,
    topic: Option<String>,
    view: Option<String>,
    overdue: Option<bool>,
}

fn filter(q: QueueQuery) -> Result<Filter, ApiError> {
    let mut errors = FieldErrors::new();
    let topic = match q.topic.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => serde_json::from_value::<Topic>(json!(t))
            .map_err(|_| errors.insert("topic".into(), vec!["invalid_topic".into()]))
            .ok(),
    };
    let view = match q.view.as_deref().filter(|v| !v.is_empty()) {
        None => DeskView::Open,
        Some(v) => match DeskView::ALL.into_iter().find(|d| d.as_str() == v) {
            Some(d) => d,
            None => {
                errors.insert("view".into(), vec!["invalid_view".into()]);
                DeskView::Open
            }
        },
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(Filter {
        hall: q.hall.filter(|h| !h.is_empty()),
        topic,
        view,
        overdue_only: q.overdue.unwrap_or(false),
    })
}

async fn console_desk_list(
    State(state): State<AppState>,
    user: ConsoleUser,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> Result<Json<DeskQueue>, ApiError> {
    user.require(DESK_ROLES)?;
    let Query(q) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let f = filter(q)?;
    let now = state.clock.unix();
    let (items, total) = state
        .db
        .call(move |c| {
            if let Some(hall) = f.hall.as_deref()
                && db::hall_admin::hall(c, hall)?.is_none()
            {
                let mut e = FieldErrors::new();
                e.insert("hall".into(), vec!["unknown_hall".into()]);
                return Ok(Err(ApiError::Validation(e)));
            }
            db::desk::list(c, &f, now).map(Ok)
        })
        .await??;
    Ok(Json(DeskQueue {
        now: HallTime::from_unix(now).to_rfc3339(),
        items,
        total,
    }))
}

fn reference_or_404(reference: &str) -> Result<(), ApiError> {
    if is_reference('C', reference) {
        Ok(())
    } else {
        Err(ApiError::NotFound("unknown_callback"))
    }
}

fn refused(r: Refusal) -> ApiError {
    match r {
        Refusal::Unknown => ApiError::NotFound("unknown_callback"),
        Refusal::Closed => ApiError::Conflict("callback_closed"),
        Refusal::HeldBy(_) => ApiError::Conflict("claimed_by_other"),
        Refusal::NotClaimed => ApiError::Conflict("claim_required"),
    }
}

async fn console_desk_get(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(reference): ApiPath<String>,
) -> Result<Json<DeskDetail>, ApiError> {
    user.require(DESK_ROLES)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    state
        .db
        .call(move |c| db::desk::detail(c, &reference, now))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("unknown_callback"))
}

fn audited(
    tx: &mut db::Tx<'_>,
    user: &ConsoleUser,
    now: i64,
    action: Action,
    reference: &str,
    detail: serde_json::Value,
) -> Result<(), DbError> {
    audit::record(
        tx,
        now,
        &Entry {
            user: Some(&user.id),
            action,
            target: Target::callback(reference),
            detail,
            client: &user.client,
        },
    )
}

fn found(tx: &mut db::Tx<'_>, reference: &str, now: i64) -> Result<DeskItem, DbError> {
    db::desk::find(tx, reference, now)?.ok_or(DbError::NoRow)
}

async fn console_desk_claim(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(reference): ApiPath<String>,
) -> Result<Json<DeskItem>, ApiError> {
    user.require(DESK_ROLES)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    let item = state
        .db
        .write(move |tx| {
            if let Err(r) = db::desk::claim(tx, &reference, &user.id, now)? {
                return Ok(Err(refused(r)));
            }
            audited(tx, &user, now, Action::CallbackClaim, &reference, json!({}))?;
            found(tx, &reference, now).map(Ok)
        })
        .await??;
    Ok(Json(item))
}

async fn console_desk_release(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(reference): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    user.require(DESK_ROLES)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    state
        .db
        .write(move |tx| {
            if !db::desk::release(tx, &reference, &user.id)? {
                return Ok(Err(
                    match db::desk::held_by(tx, &reference, &user.id, now)? {
                        Ok(()) => ApiError::Conflict("claim_required"),
                        Err(r) => refused(r),
                    },
                ));
            }
            audited(
                tx,
                &user,
                now,
                Action::CallbackRelease,
                &reference,
                json!({}),
            )?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT)
}

async fn console_desk_outcome(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(reference): ApiPath<String>,
    req: Result<ApiJson<OutcomeRequest>, ApiError>,
) -> Result<Json<DeskItem>, ApiError> {
    user.require(DESK_ROLES)?;
    let req = body(req)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    let mut errors = FieldErrors::new();
    let call_after = check_outcome(&mut errors, &req, now);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let note = req
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let item = state
        .db
        .write(move |tx| {
            if let Err(r) = db::desk::held_by(tx, &reference, &user.id, now)? {
                return Ok(Err(refused(r)));
            }
            let before = found(tx, &reference, now)?;
            let n = next(before.tries, req.outcome, now, call_after);
            db::desk::record_outcome(tx, &reference, &user.id, req.outcome, call_after, n, now)?;
            if let Some(text) = &note {
                db::desk::add_note(tx, &reference, Some(&user.id), "note", text, now)?;
            }
            if n.closed == Some(Outcome::NoAnswer) {
                db::desk::add_note(tx, &reference, None, "closed_after_tries", "", now)?;
            }
            if n.closed == Some(Outcome::Reached) {
                db::desk::count_in_window(tx, &before, now)?;
            }
            audited(
                tx,
                &user,
                now,
                Action::CallbackOutcome,
                &reference,
                json!({
                    "outcome": req.outcome,
                    "tries": n.tries,
                    "closed": n.closed.is_some(),
                    "note": note.is_some(),
                }),
            )?;
            found(tx, &reference, now).map(Ok)
        })
        .await??;
    Ok(Json(item))
}

async fn console_desk_note(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(reference): ApiPath<String>,
    req: Result<ApiJson<NoteRequest>, ApiError>,
) -> Result<Json<DeskDetail>, ApiError> {
    user.require(DESK_ROLES)?;
    let req = body(req)?;
    reference_or_404(&reference)?;
    let mut errors = FieldErrors::new();
    let text = check_note(&mut errors, "text", &req.text);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let now = state.clock.unix();
    let detail = state
        .db
        .write(move |tx| {
            if db::desk::find(tx, &reference, now)?.is_none() {
                return Ok(Err(ApiError::NotFound("unknown_callback")));
            }
            db::desk::add_note(tx, &reference, Some(&user.id), "note", &text, now)?;
            audited(tx, &user, now, Action::CallbackNote, &reference, json!({}))?;
            db::desk::detail(tx, &reference, now)?
                .ok_or(DbError::NoRow)
                .map(Ok)
        })
        .await??;
    Ok(Json(detail))
}

async fn console_desk_phone(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(reference): ApiPath<String>,
) -> Result<Json<DeskReveal>, ApiError> {
    user.require(DESK_ROLES)?;
    reference_or_404(&reference)?;
    let now = state.clock.unix();
    let revealed = state
        .db
        .write(move |tx| {
            let Some(revealed) = db::desk::reveal(tx, &reference)? else {
                return Ok(Err(ApiError::NotFound("unknown_callback")));
            };
            audited(tx, &user, now, Action::PhoneReveal, &reference, json!({}))?;
            Ok(Ok(revealed))
        })
        .await??;
    Ok(Json(revealed))
}
