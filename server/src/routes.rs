//! The `/api/v1` router: one module per resource.

pub mod halls;
pub mod health;

use std::collections::BTreeMap;

use axum::{Router, http::StatusCode, response::Response};

use crate::{AppState, error::problem};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(halls::router())
        .fallback(api_not_found)
}

/// Unknown API paths answer problem+json, never the kiosk's index.html.
async fn api_not_found() -> Response {
    problem(
        StatusCode::NOT_FOUND,
        "There is no such API route.".to_owned(),
        BTreeMap::new(),
    )
}
