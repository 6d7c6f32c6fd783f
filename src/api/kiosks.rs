//! The kiosk about itself: `GET /kiosks/{id}/status`, `POST /kiosks/{id}/heartbeat`,
//! staff sign-in (`POST /staff/session`), `PUT /kiosks/{id}/maintenance` and the
//! server's `GET /health` for the staff panel. Nothing here carries a visitor's data.

use gloo_net::http::{Request, Response};
use kiosk_core::api::{
    Health, Heartbeat, KioskStatus, MaintenanceRequest, StaffSession, StaffSessionRequest,
};

use super::{ApiError, get_json, get_json_until, url};

/// Whether this kiosk is in maintenance, as the server says (given up after
/// [`super::REQUEST_TIMEOUT`]).
pub async fn status(kiosk_id: &str) -> Result<KioskStatus, ApiError> {
    get_json_until(
        &format!("/kiosks/{kiosk_id}/status"),
        super::timeout_signal(),
    )
    .await
}

/// The server's health and, for the staff panel, how long it took in milliseconds.
pub async fn health() -> Result<(Health, f64), ApiError> {
    let started = now_ms();
    let health: Health = get_json("/health").await?;
    Ok((health, now_ms() - started))
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

async fn send_json<B: serde::Serialize>(
    request: gloo_net::http::RequestBuilder,
    body: &B,
) -> Result<Response, ApiError> {
    let json = serde_json::to_string(body).expect("request types serialize");
    request
        .header("Content-Type", "application/json")
        .header("X-Kiosk-Id", &crate::ops::config::config().kiosk_id)
        .body(json)
        .map_err(|_| ApiError::Unreachable)?
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)
}

/// Where a heartbeat went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beat {
    /// The server has it.
    Received,
    /// This kiosk's edge holds it until the central answers (202).
    Held,
    /// No answer, or a refusal.
    Failed,
}

/// Tells the server this kiosk is alive.
pub async fn heartbeat(kiosk_id: &str, beat: &Heartbeat) -> Result<Beat, ApiError> {
    let response = send_json(
        // Given up after REQUEST_TIMEOUT, like the status poll.
        Request::post(&url(&format!("/kiosks/{kiosk_id}/heartbeat")))
            .abort_signal(super::timeout_signal().as_ref()),
        beat,
    )
    .await?;
    match response.status() {
        202 => Ok(Beat::Held),
        _ if response.ok() => Ok(Beat::Received),
        status => Err(ApiError::Status(status)),
    }
}

/// Why staff sign-in did not open a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInError {
    /// Wrong PIN (or a kiosk the server does not know).
    Refused,
    /// Too many wrong PINs: locked for this many seconds.
    Locked(u64),
    /// No answer.
    Unreachable,
}

/// Checks a staff PIN at the server; the PIN is never kept by the kiosk.
pub async fn staff_session(kiosk_id: &str, pin: &str) -> Result<StaffSession, SignInError> {
    let body = StaffSessionRequest {
        kiosk_id: kiosk_id.to_owned(),
        pin: pin.to_owned(),
    };
    let response = send_json(Request::post(&url("/staff/session")), &body)
        .await
        .map_err(|_| SignInError::Unreachable)?;
    match response.status() {
        200..=299 => response.json().await.map_err(|_| SignInError::Unreachable),
        429 => Err(SignInError::Locked(
            response
                .headers()
                .get("retry-after")
                .and_then(|v| v.parse().ok())
                .unwrap_or(15 * 60),
        )),
        401 | 403 | 404 | 422 => Err(SignInError::Refused),
        _ => Err(SignInError::Unreachable),
    }
}

/// Takes the kiosk out of service or returns it, with a staff session's token.
pub async fn set_maintenance(
    kiosk_id: &str,
    token: &str,
    req: &MaintenanceRequest,
) -> Result<KioskStatus, ApiError> {
    let response = send_json(
        Request::put(&url(&format!("/kiosks/{kiosk_id}/maintenance")))
            .header("Authorization", &format!("Bearer {token}")),
        req,
    )
    .await?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    response.json().await.map_err(|_| ApiError::Decode)
}
