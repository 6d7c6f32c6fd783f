//! `POST /eligibility` (the self-check for other channels, e.g. a website) and
//! `GET /eligibility/standards`. The answer is exactly the kiosk engine's: both
//! call `kiosk_core::eligibility::assess`. Answers are not stored or logged.

use axum::{
    Json, Router,
    extract::State,
    routing::{get, post},
};
use kiosk_core::eligibility::{self, EligibilityInput, EligibilityResult, Standards};

use crate::{AppState, error::ApiError, extract::ApiJson};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/eligibility", post(eligibility_assess))
        .route("/eligibility/standards", get(eligibility_standards))
}

async fn eligibility_assess(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<EligibilityInput>,
) -> Result<Json<EligibilityResult>, ApiError> {
    if input
        .region
        .as_deref()
        .is_some_and(|r| r.len() != 6 || !r.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ApiError::field("region", "invalid_region"));
    }
    let today = state.clock.hall_now().date();
    let (standards, _) = state.standards().await?;
    Ok(Json(eligibility::assess(&input, &standards, today)))
}

async fn eligibility_standards(State(state): State<AppState>) -> Result<Json<Standards>, ApiError> {
    Ok(Json(state.standards().await?.0))
}
