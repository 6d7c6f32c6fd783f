//! `POST /kiosks/{id}/ratings`: the visitor's 好差评 at the end of a visit.
//!
//! The kiosk proves who it is, so the rating counts for its hall; what is kept
//! is the hall, the day, the level, the reasons and the kind of visit. Neither
//! the kiosk nor the time of day is stored, so a rating cannot be matched to the
//! booking or callback made just before it.

use axum::{Router, extract::State, response::Response, routing::post};
use kiosk_core::{
    api::{RatingReceipt, RatingRequest, RatingStatus},
    date::Date,
    rating::{RatingProblem, check_reasons},
};

use crate::{
    AppState,
    caller::Caller,
    db,
    error::ApiError,
    extract::{ApiJson, ApiPath, IdempotencyKey},
    routes::{idempotent_create, request_hash},
};

/// How many days late an edge may deliver a rating it held: as long as it
/// may hold a callback request.
const HELD_DAYS_MAX: i64 = db::appointments::RETENTION_DAYS;

pub fn router() -> Router<AppState> {
    Router::new().route("/kiosks/{id}/ratings", post(ratings_create))
}

async fn ratings_create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    ApiPath(id): ApiPath<String>,
    ApiJson(req): ApiJson<RatingRequest>,
) -> Result<Response, ApiError> {
    caller.authorize(&state, &id).await?;
    let today = state.clock.hall_now().date();
    let rated_on = match req.rated_on.as_deref() {
        None => today,
        Some(_) if caller.kiosk.is_none() => {
            return Err(ApiError::field("rated_on", "rated_on_not_allowed"));
        }
        Some(d) => match Date::parse_iso(d) {
            Some(d)
                if d <= today
                    && d.days_since_epoch() > today.days_since_epoch() - HELD_DAYS_MAX =>
            {
                d
            }
            _ => return Err(ApiError::field("rated_on", "invalid_rated_on")),
        },
    };
    let reasons = check_reasons(req.level, &req.reasons).map_err(|e| match e {
        RatingProblem::ReasonNotForLevel => ApiError::field("reasons", "reason_not_for_level"),
    })?;
    let hash = request_hash(&state, &req);
    let (level, flow) = (req.level, req.flow);
    idempotent_create(&state, "ratings", key, hash, move |tx| {
        let Some(kiosk) = db::kiosks::status(tx, &id)? else {
            return Ok(Err(ApiError::NotFound("unknown_kiosk")));
        };
        db::ratings::insert(tx, &kiosk.hall_id, rated_on, level, &reasons, flow)?;
        let receipt = RatingReceipt {
            status: RatingStatus::Recorded,
        };
        Ok(Ok(
            serde_json::to_value(receipt).expect("receipt serializes")
        ))
    })
    .await
}
