//! One error type for every handler, answered as `application/problem+json` with
//! stable machine codes. Internal causes are logged with the request id, never sent.

use std::collections::BTreeMap;

use axum::{
    Json,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use kiosk_core::api::{PROBLEM_CONTENT_TYPE, Problem};

/// Per-field validation failures: field name → machine codes.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request is not usable at all (code says why).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// 401: missing or wrong credentials.
    #[error("unauthorized")]
    Unauthorized,
    /// 401: the request may not act as the kiosk it names (wrong, revoked or
    /// missing secret, or a local-only kiosk from elsewhere).
    #[error("kiosk unauthorized")]
    KioskUnauthorized,
    /// 401 with a code: no usable console session, or a console sign-in refused.
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    /// 403: the caller is known but may not do this (code says why).
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// 404: the named thing does not exist (or is not the caller's).
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// 405: the path exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 409: the request conflicts with the current state (code says how).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// 413: body over the limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 415: not a JSON body.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 422: the body parsed but some fields are invalid.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// 422 with one code for the whole request.
    #[error("unprocessable: {0}")]
    Unprocessable(&'static str),
    /// 429: slow down; retry after the given seconds.
    #[error("too many requests: {code}")]
    TooManyRequests {
        code: &'static str,
        retry_after_s: u64,
    },
    /// 503 with a code: a part the request needs is away (an edge's central).
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
    /// 503: the database failed.
    #[error("database error: {0}")]
    Database(#[from] crate::db::DbError),
}

impl ApiError {
    /// A 422 for one field.
    pub fn field(field: &str, code: &str) -> Self {
        Self::Validation(BTreeMap::from([(field.to_owned(), vec![code.to_owned()])]))
    }

    fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized | Self::KioskUnauthorized | Self::Unauthenticated(_) => {
                StatusCode::UNAUTHORIZED
            }
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Validation(_) | Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Database(_) | Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Stable code and a sentence for people; personal data never goes in either.
    fn code_and_detail(&self) -> (&str, String) {
        match self {
            Self::BadRequest(code) => (code, "The request cannot be used as sent.".into()),
            Self::Unauthorized => ("unauthorized", "A valid bearer token is required.".into()),
            Self::KioskUnauthorized => (
                "kiosk_unauthorized",
                "This request may not act as that kiosk: send its X-Kiosk-Id and X-Kiosk-Key."
                    .into(),
            ),
            Self::Unauthenticated(code) => (
                code,
                match *code {
                    "invalid_credentials" => "The user name or the password is wrong.",
                    "session_expired" => "The session has ended; please sign in again.",
                    _ => "Please sign in to the console.",
                }
                .into(),
            ),
            Self::Forbidden(code) => (
                code,
                match *code {
                    "csrf_failed" => {
                        "The request did not come from the console itself (CSRF check)."
                    }
                    _ => "This account may not do this.",
                }
                .into(),
            ),
            Self::NotFound(code) => (code, "Nothing was found for this request.".into()),
            Self::MethodNotAllowed => (
                "method_not_allowed",
                "This path does not take that method.".into(),
            ),
            Self::Conflict(code) => (code, "The request conflicts with the current state.".into()),
            Self::PayloadTooLarge => ("body_too_large", "The request body is over 16 KiB.".into()),
            Self::UnsupportedMediaType => (
                "unsupported_media_type",
                "Send the body as application/json.".into(),
            ),
            Self::Validation(_) => ("validation_failed", "Some fields are not valid.".into()),
            Self::Unprocessable(code) => (code, "The request cannot be processed.".into()),
            Self::TooManyRequests { code, .. } => {
                (code, "Too many requests; please try again later.".into())
            }
            Self::Unavailable(code) => (
                code,
                match *code {
                    "speech_unavailable" => {
                        "This PC cannot synthesise speech just now (espeak-ng is missing or failed)."
                    }
                    _ => {
                        "This kiosk cannot reach the hall's central server just now; nothing was saved."
                    }
                }
                .into(),
            ),
            Self::Database(e) => {
                tracing::error!(error = %e, "database error");
                (
                    "service_unavailable",
                    "The service could not reach its database. Please try again or ask staff."
                        .into(),
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let retry_after = match &self {
            Self::TooManyRequests { retry_after_s, .. } => Some(*retry_after_s),
            _ => None,
        };
        let (code, detail) = self.code_and_detail();
        let code = code.to_owned();
        let errors = match self {
            Self::Validation(errors) => errors,
            _ => BTreeMap::from([("request".to_owned(), vec![code])]),
        };
        let mut response = problem(status, detail, errors);
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A problem+json response.
pub fn problem(status: StatusCode, detail: String, errors: FieldErrors) -> Response {
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
