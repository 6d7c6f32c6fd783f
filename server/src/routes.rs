//! The `/api/v1` router: one module per resource, and the idempotent-create helper
//! shared by the POSTs that create rows.

pub mod appointments;
pub mod callbacks;
pub mod console;
pub mod eligibility;
pub mod halls;
pub mod health;
pub mod kiosks;
pub mod openapi;
pub mod ratings;
pub mod services;
pub mod speech;
pub mod staff;

use axum::{
    Router,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;

use crate::{
    AppState,
    db::{
        DbError, Tx,
        idempotency::{self, Saved},
    },
    error::ApiError,
    extract::IdempotencyKey,
    security,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(services::router())
        .merge(halls::router())
        .merge(appointments::router())
        .merge(callbacks::router())
        .merge(eligibility::router())
        .merge(kiosks::router())
        .merge(staff::router())
        .merge(ratings::router())
        .merge(console::router())
        .merge(openapi::router())
        .merge(speech::router())
        .fallback(api_not_found)
        .method_not_allowed_fallback(api_method_not_allowed)
}

/// A known path with the wrong method also answers problem+json.
async fn api_method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Unknown API paths answer problem+json, never the kiosk's index.html.
async fn api_not_found() -> ApiError {
    ApiError::NotFound("no_such_route")
}

/// A hash of the parsed request, so the same body sent with other key order or
/// spacing counts as the same request. Keyed (HMAC with the installation's secret)
/// because the body holds a name, a phone and perhaps an ID number: an unkeyed
/// hash of so little could be reversed by guessing.
pub fn request_hash<T: Serialize>(state: &AppState, req: &T) -> String {
    let json = serde_json::to_string(req).expect("request types serialize");
    security::keyed_hash(state.id_hash_key(), &json)
}

/// Creates a row once per `Idempotency-Key`: within one write transaction, a
/// stored answer for the key is replayed (or refused if the body differs), else
/// `create` runs and its answer is stored beside the row it wrote. Refusals from
/// `create` roll back and are not stored, so a retry can still succeed.
pub async fn idempotent_create<F>(
    state: &AppState,
    scope: &'static str,
    key: IdempotencyKey,
    request_hash: String,
    create: F,
) -> Result<Response, ApiError>
where
    F: FnOnce(&mut Tx<'_>) -> Result<Result<serde_json::Value, ApiError>, DbError> + Send + 'static,
{
    let now = state.clock.unix();
    let key = key.0.hyphenated().to_string();
    let (status, body, replayed) = state
        .db
        .write(move |tx| {
            // Requests with one key wait for each other, whichever server instance
            // took them; the later one then finds the first one's answer.
            tx.lock(&format!("idempotency:{scope}:{key}"))?;
            if let Some(saved) = idempotency::find(tx, scope, &key)? {
                return Ok(if saved.request_hash == request_hash {
                    Ok((saved.status, saved.body, true))
                } else {
                    Err(ApiError::Unprocessable("idempotency_key_reused"))
                });
            }
            Ok(match create(tx)? {
                Ok(body) => {
                    let saved = Saved {
                        request_hash,
                        status: StatusCode::CREATED.as_u16(),
                        body: body.to_string(),
                    };
                    idempotency::save(tx, scope, &key, &saved, now)?;
                    Ok((saved.status, saved.body, false))
                }
                Err(refusal) => Err(refusal),
            })
        })
        .await??;
    let mut response = (
        StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED),
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response();
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}
