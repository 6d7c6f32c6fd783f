//! One error type for every handler, answered as `application/problem+json`.
//! Internal causes are logged, never sent to the client.

use std::collections::BTreeMap;

use axum::{
    Json,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use kiosk_core::api::{PROBLEM_CONTENT_TYPE, Problem};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found: {0}")]
    NotFound(String),
    #[error("database error: {0}")]
    Database(#[from] crate::db::DbError),
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Database(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let detail = match &self {
            Self::NotFound(what) => format!("{what} was not found."),
            Self::Database(e) => {
                tracing::error!(error = %e, "database error");
                "The service could not reach its database. Please try again or ask staff."
                    .to_owned()
            }
        };
        problem(status, detail, BTreeMap::new())
    }
}

/// A problem+json response.
pub fn problem(
    status: StatusCode,
    detail: String,
    errors: BTreeMap<String, Vec<String>>,
) -> Response {
    let body = Problem {
        kind: "about:blank".to_owned(),
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        status: status.as_u16(),
        detail,
        errors,
    };
    (
        status,
        [(header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE)],
        Json(body),
    )
        .into_response()
}
