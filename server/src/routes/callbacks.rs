//! `POST /callbacks` (a visitor asks 12348 to call back) and the operator desk's
//! `GET /callbacks` and `POST /callbacks/{reference}/complete` (bearer token).

use std::collections::BTreeMap;

use axum::{
    Json, Router,
    extract::{Query, State},
    response::Response,
    routing::post,
};
use kiosk_core::{
    api::{
        CallbackReceipt, CallbackRequest, CallbackStatus, OperatorCallback, Preferred, is_reference,
    },
    date::Date,
    hall_time::HallTime,
    mask::mask_phone,
    rules::{self, PhoneKind},
};
use serde::Deserialize;

use crate::{
    AppState,
    caller::Caller,
    db::{self, callbacks::NewCallback},
    error::ApiError,
    extract::{ApiJson, ApiPath, BearerToken, IdempotencyKey},
    routes::{
        appointments::{check_consent, check_kiosk_id, check_name, check_phone},
        idempotent_create, request_hash,
    },
    security,
};

/// Queued callbacks one phone may have within [`WINDOW_S`].
pub const MAX_QUEUED_PER_PHONE: usize = 3;
pub const WINDOW_S: i64 = 24 * 3600;
/// How far a held request's time may lie ahead of this server's clock (the
/// kiosk PC's clock may run a little fast).
const REQUESTED_AHEAD_MAX_S: i64 = 5 * 60;

/// How far ahead a preferred day may be.
pub const MAX_DAYS_AHEAD: i64 = 14;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/callbacks", post(callbacks_create).get(callbacks_list))
        .route("/callbacks/{reference}/complete", post(callbacks_complete))
}

async fn callbacks_create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    ApiJson(req): ApiJson<CallbackRequest>,
) -> Result<Response, ApiError> {
    let now = state.clock.hall_now();
    let mut errors = BTreeMap::new();
    // A request an edge held is dated from when the visitor made it: its
    // preferred day was checked against that day, and the visitor was told it
    // would be sent, so a day passed meanwhile does not refuse it now.
    let requested = match req.requested_at.as_deref() {
        None => None,
        Some(_) if caller.kiosk.is_none() => {
            return Err(ApiError::field("requested_at", "requested_at_not_allowed"));
        }
        Some(t) => match HallTime::parse_rfc3339(t) {
            Some(at)
                if at.unix() <= now.unix() + REQUESTED_AHEAD_MAX_S
                    && at.unix() > now.unix() - db::appointments::RETENTION_DAYS * 86_400 =>
            {
                Some(at)
            }
            _ => return Err(ApiError::field("requested_at", "invalid_requested_at")),
        },
    };
    let held = requested.is_some();
    let now = requested.unwrap_or(now);
    let now_unix = now.unix();
    let phone = check_phone(&mut errors, &req.phone, PhoneKind::CALLBACK);
    let name = req
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| check_name(&mut errors, "name", n));
    let note = rules::check_note(req.note.as_deref().unwrap_or_default()).unwrap_or_else(|r| {
        errors.insert("note".into(), vec![r.code().into()]);
        None
    });
    if let Preferred::At { date, .. } = &req.preferred {
        let ok = Date::parse_iso(date).is_some_and(|d| {
            let ahead = d.days_since_epoch() - now.date().days_since_epoch();
            (0..=MAX_DAYS_AHEAD).contains(&ahead)
        });
        if !ok {
            errors.insert("preferred".into(), vec!["invalid_preferred_date".into()]);
        }
    }
    let consent = check_consent(&mut errors, req.consent_version.as_deref());
    check_kiosk_id(&mut errors, req.kiosk_id.as_deref());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let kiosk_id = caller
        .recorded_kiosk(&state, req.kiosk_id.as_deref())
        .await?;
    // An edge that held the request gave the visitor this reference already.
    let reference = match req.reference.as_deref() {
        None => security::reference('C'),
        Some(_) if caller.kiosk.is_none() => {
            return Err(ApiError::field("reference", "reference_not_allowed"));
        }
        Some(r) if is_reference('C', r) => r.to_owned(),
        Some(_) => return Err(ApiError::field("reference", "invalid_reference")),
    };
    let hash = request_hash(&state, &req);
    let mut needs = req.needs.clone();
    needs.sort();
    needs.dedup();
    let new = NewCallback {
        reference,
        phone,
        name,
        topic: serde_json::to_string(&req.topic).expect("topic serializes"),
        preferred: serde_json::to_string(&req.preferred).expect("preferred serializes"),
        language: serde_json::to_string(&req.language).expect("language serializes"),
        needs: serde_json::to_string(&needs).expect("needs serialize"),
        may_say_12348: req.may_say_12348.unwrap_or(true),
        note: note.map(str::to_owned),
        consent_version: consent,
        kiosk_id,
        created_at: now.to_rfc3339(),
        created_unix: now_unix,
    };
    let preferred = req.preferred.clone();
    idempotent_create(&state, "callbacks", key, hash, move |tx| {
        // One phone's requests are counted one at a time, across instances too.
        tx.lock(&format!("callbacks-phone:{}", new.phone))?;
        let recent = db::callbacks::queued_since(tx, &new.phone, now_unix - WINDOW_S)?;
        // A held request was promised to the visitor; an edge's volume is bounded
        // by its outbox and by this kiosk's write rate limit instead.
        if !held && recent.len() >= MAX_QUEUED_PER_PHONE {
            let oldest = recent[recent.len() - MAX_QUEUED_PER_PHONE];
            return Ok(Err(ApiError::TooManyRequests {
                code: "too_many_callbacks",
                retry_after_s: u64::try_from(oldest + WINDOW_S - now_unix)
                    .unwrap_or(1)
                    .max(1),
            }));
        }
        match db::callbacks::insert(tx, &new) {
            Ok(()) => {}
            Err(e) if e.is_unique_violation() => {
                return Ok(Err(ApiError::Conflict("reference_taken")));
            }
            Err(e) => return Err(e),
        }
        let receipt = CallbackReceipt {
            reference: new.reference.clone(),
            status: CallbackStatus::Queued,
            preferred,
            phone_masked: mask_phone(&new.phone),
        };
        Ok(Ok(
            serde_json::to_value(receipt).expect("receipt serializes")
        ))
    })
    .await
}

/// Operator endpoints need the configured operator token.
fn authorize_operator(state: &AppState, token: &BearerToken) -> Result<(), ApiError> {
    if state.is_operator_token(&token.0) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
}

async fn callbacks_list(
    State(state): State<AppState>,
    token: BearerToken,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<OperatorCallback>>, ApiError> {
    authorize_operator(&state, &token)?;
    let Query(query) = query.map_err(|_| ApiError::BadRequest("invalid_query"))?;
    let status = match query.status.as_deref() {
        None | Some("queued") => "queued",
        Some("completed") => "completed",
        Some(_) => return Err(ApiError::field("status", "invalid_status")),
    };
    Ok(Json(
        state
            .db
            .call(move |c| db::callbacks::list(c, status))
            .await?,
    ))
}

async fn callbacks_complete(
    State(state): State<AppState>,
    token: BearerToken,
    ApiPath(reference): ApiPath<String>,
) -> Result<Json<OperatorCallback>, ApiError> {
    authorize_operator(&state, &token)?;
    let now = state.clock.hall_now().to_rfc3339();
    state
        .db
        .call(move |c| db::callbacks::complete(c, &reference, &now))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("callback_not_found"))
}
