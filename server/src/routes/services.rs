//! `GET /services`: what the halls offer.

use axum::{Json, Router, extract::State, routing::get};
use kiosk_core::api::Service;

use crate::{AppState, db, error::ApiError};

pub fn router() -> Router<AppState> {
    Router::new().route("/services", get(services_list))
}

async fn services_list(State(state): State<AppState>) -> Result<Json<Vec<Service>>, ApiError> {
    Ok(Json(state.db.call(db::services::list).await?))
}
