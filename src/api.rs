//! Typed calls to the backend under `/api/v1`, one module per resource. Each call
//! returns `Result<T, ApiError>` so screens can tell the visitor what happened.

pub mod appointments;
pub mod eligibility;
pub mod halls;
pub mod kiosks;
pub mod services;
pub mod speech;
pub mod submit;

use kiosk_core::api::Problem;
use serde::{Serialize, de::DeserializeOwned};

/// Why a call to the backend did not give an answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request did not reach the server (offline, server down).
    #[error("the server could not be reached")]
    Unreachable,
    /// The server answered with an error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// The answer was not what this kiosk version understands.
    #[error("the server's answer could not be read")]
    Decode,
}

/// The address of `path` under the configured API base (`kiosk.json`).
pub fn url(path: &str) -> String {
    format!("{}{path}", crate::ops::config::config().api_base)
}

/// How long the kiosk's own repeating calls (status poll, heartbeat) may take
/// before it gives up on them: a hung server must not leave them waiting forever
/// on a kiosk that runs for days. A visitor's calls are not cut short.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A signal that aborts a request after [`REQUEST_TIMEOUT`].
pub fn timeout_signal() -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    leptos::prelude::set_timeout(move || controller.abort(), REQUEST_TIMEOUT);
    Some(signal)
}

/// `GET /api/v1{path}` decoded as JSON.
async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    get_json_until(path, None).await
}

/// `GET /api/v1{path}` decoded as JSON, given up when `signal` aborts.
async fn get_json_until<T: DeserializeOwned>(
    path: &str,
    signal: Option<web_sys::AbortSignal>,
) -> Result<T, ApiError> {
    let response = gloo_net::http::Request::get(&url(path))
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    response.json().await.map_err(|_| ApiError::Decode)
}

/// `POST /api/v1{path}` with a JSON body, once (for requests that change nothing
/// or are safe to repeat by hand): the answer, the server's refusal, or nothing.
async fn post_json<B: Serialize, R: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<R, appointments::LookupError> {
    use appointments::LookupError;
    let json = serde_json::to_string(body).expect("request types serialize");
    let response = gloo_net::http::Request::post(&url(path))
        .header("Content-Type", "application/json")
        .body(json)
        .map_err(|_| LookupError::Unreachable)?
        .send()
        .await
        .map_err(|_| LookupError::Unreachable)?;
    if response.ok() {
        return response.json().await.map_err(|_| LookupError::Unreachable);
    }
    match response.json::<Problem>().await {
        Ok(problem) if response.status() < 500 => Err(LookupError::Refused(problem)),
        _ => Err(LookupError::Unreachable),
    }
}
