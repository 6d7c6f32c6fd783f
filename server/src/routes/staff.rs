//! `POST /staff/session`: a staff member's PIN, checked against the hall's argon2
//! hash, opens a short session. Five wrong PINs lock the kiosk's staff entry for
//! 15 minutes, doubling with each further lockout; every attempt is logged.

use axum::{Json, Router, extract::State, routing::post};
use kiosk_core::{
    api::{StaffSession, StaffSessionRequest},
    hall_time::HallTime,
};

use crate::{AppState, caller::Caller, db, error::ApiError, extract::ApiJson, security};

/// How long a staff session lasts.
pub const SESSION_S: i64 = 30 * 60;

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/session", post(staff_session_create))
}

async fn staff_session_create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(req): ApiJson<StaffSessionRequest>,
) -> Result<Json<StaffSession>, ApiError> {
    let now = state.clock.unix();
    let kiosk = req.kiosk_id.clone();
    if crate::config::kiosk_id(&kiosk).is_err() {
        return Err(ApiError::field("kiosk_id", "invalid_kiosk_id"));
    }
    // Staff sign in at a kiosk: PINs tried from elsewhere never reach its lockout.
    match caller.authorize(&state, &kiosk).await {
        Err(ApiError::NotFound(_)) => {}
        other => other?,
    }
    let log = |outcome: &'static str| {
        tracing::info!(kiosk_id = %kiosk, outcome, "staff sign-in attempt");
    };
    let k = kiosk.clone();
    // The attempt is counted as a failure before the PIN is checked, in one write
    // transaction with the lock check, so PINs sent side by side cannot get more
    // checks than the lockout allows.
    let (pin_hash, locked, lockout) = state
        .db
        .write(move |c| {
            c.lock(&format!("staff:{k}"))?;
            let pin_hash = db::staff::pin_hash_for_kiosk(c, &k)?;
            let locked = db::staff::locked_for(c, &k, now)?;
            let lockout = match (&pin_hash, locked) {
                (Some(_), None) => db::staff::record_failure(c, &k, now)?,
                _ => None,
            };
            Ok(Ok::<_, ApiError>((pin_hash, locked, lockout)))
        })
        .await??;
    let record = |outcome: &'static str| {
        let k = kiosk.clone();
        let db = state.db.clone();
        async move {
            db.call(move |c| db::staff::log_attempt(c, &k, now, outcome))
                .await
        }
    };
    let Some(pin_hash) = pin_hash else {
        log("unknown_kiosk");
        record("unknown_kiosk").await?;
        return Err(ApiError::Unauthorized);
    };
    if let Some(seconds) = locked {
        log("locked");
        record("locked").await?;
        return Err(ApiError::TooManyRequests {
            code: "staff_locked",
            retry_after_s: u64::try_from(seconds).unwrap_or(1),
        });
    }
    // argon2 is deliberately slow: verify off the async workers and outside the
    // database lock.
    let pin = req.pin;
    let ok = match pin_hash {
        Some(hash) if !pin.is_empty() && pin.len() <= 32 => {
            tokio::task::spawn_blocking(move || security::verify_pin(&hash, &pin))
                .await
                .unwrap_or(false)
        }
        _ => false,
    };
    if !ok {
        log("wrong_pin");
        record("wrong_pin").await?;
        return Err(match lockout {
            Some(seconds) => ApiError::TooManyRequests {
                code: "staff_locked",
                retry_after_s: u64::try_from(seconds).unwrap_or(1),
            },
            None => ApiError::Unauthorized,
        });
    }
    log("ok");
    let token = security::random_token();
    let token_hash = security::sha256_hex(token.as_bytes());
    let expires = now + SESSION_S;
    let k = kiosk.clone();
    state
        .db
        .call(move |c| {
            db::staff::log_attempt(c, &k, now, "ok")?;
            db::staff::record_success(c, &k)?;
            db::staff::create_session(c, &token_hash, &k, expires)
        })
        .await?;
    Ok(Json(StaffSession {
        token,
        expires_at: HallTime::from_unix(expires).to_rfc3339(),
    }))
}
