//! `GET /openapi.json`: the OpenAPI 3.1 description of this API. A test keeps it
//! in step with the routes and their error codes.

use axum::{Router, http::header, response::IntoResponse, routing::get};

use crate::AppState;

/// The document, as written in `server/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("../../openapi.json");

pub fn router() -> Router<AppState> {
    Router::new().route("/openapi.json", get(openapi_get))
}

async fn openapi_get() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}
