//! `GET /halls`: the halls this installation serves.

use axum::{Json, Router, extract::State, routing::get};
use kiosk_core::api::Hall;

use crate::{AppState, db, error::ApiError};

pub fn router() -> Router<AppState> {
    Router::new().route("/halls", get(halls_list))
}

async fn halls_list(State(state): State<AppState>) -> Result<Json<Vec<Hall>>, ApiError> {
    Ok(Json(state.db.call(|c| db::halls::list(c)).await?))
}
