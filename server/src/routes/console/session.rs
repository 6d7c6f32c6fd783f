//! `POST /console/session` (sign in with a password), `GET /console/session`
//! (the app restores itself after a reload) and `DELETE /console/session`
//! (sign out).
//!
//! Wrong passwords are counted per login name in the database, so the lockout
//! holds across server instances: [`SIGN_IN_FAILURES_MAX`] in a row lock the
//! name for [`LOCKOUT_S`], doubling with each further lockout. A name that
//! belongs to nobody is answered, timed and locked exactly like a real one.
//!
//! [`SIGN_IN_FAILURES_MAX`]: kiosk_core::console::SIGN_IN_FAILURES_MAX
//! [`LOCKOUT_S`]: kiosk_core::console::LOCKOUT_S

use std::sync::OnceLock;

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use kiosk_core::{
    api::{ConsoleSession, ConsoleSignIn},
    console::{PASSWORD_MAX_CHARS, SESSION_MAX_S, is_user_id, normalize_user_id},
};
use serde_json::{Map, Value, json};

use crate::{
    AppState,
    caller::Caller,
    console::{self, ConsoleUser},
    db::{
        self,
        audit::{self, Action, Entry, Target},
    },
    error::ApiError,
    extract::ApiJson,
    security,
};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/console/session",
        post(console_session_create)
            .get(console_session_read)
            .delete(console_session_delete),
    )
}

/// An argon2 hash of a random secret: checked against for names that belong to
/// nobody, so they take as long to refuse as real ones.
fn stand_in_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| security::hash_pin(&security::random_token()))
}

fn locked(seconds: i64) -> ApiError {
    ApiError::TooManyRequests {
        code: "account_locked",
        retry_after_s: u64::try_from(seconds).unwrap_or(1).max(1),
    }
}

async fn console_session_create(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(req): ApiJson<ConsoleSignIn>,
) -> Result<Response, ApiError> {
    // No session yet, so no CSRF token: the origin check is what keeps another
    // site from signing a browser in to an account of its choosing.
    if !console::same_origin(&headers) {
        return Err(ApiError::Forbidden("csrf_failed"));
    }
    let now = state.clock.unix();
    let client = console::client(&caller, &headers);
    let login = normalize_user_id(&req.user);
    // A name outside the rule cannot be anybody's, and is never sent to the
    // database as text (PostgreSQL refuses a NUL, say).
    let lookup = is_user_id(&login).then(|| login.clone());
    let c = client.clone();
    // The attempt is counted as a failure before the password is checked, in one
    // transaction with the lock check, so attempts sent side by side cannot get
    // more checks than the lockout allows; a right password clears it again.
    let (account, locked_for, lockout, key) = state
        .db
        .write(move |tx| {
            let key = db::users::login_key(tx, &login)?;
            tx.lock(&format!("console-sign-in:{key}"))?;
            let account = match &lookup {
                Some(id) => db::users::with_password_hash(tx, id)?,
                None => None,
            };
            if let Some(until) = db::users::locked_until(tx, &key, now)? {
                let user = account.as_ref().map(|(u, _)| u.id.as_str());
                audit::record(
                    tx,
                    now,
                    &Entry {
                        user,
                        action: Action::SignInLocked,
                        target: user.map_or(Target::NONE, Target::user),
                        detail: json!({}),
                        client: &c,
                    },
                )?;
                return Ok(Ok::<_, ApiError>((account, Some(until - now), None, key)));
            }
            let lockout = db::users::record_failure(tx, &key, now)?;
            Ok(Ok((account, None, lockout, key)))
        })
        .await??;
    if let Some(seconds) = locked_for {
        return Err(locked(seconds));
    }
    // argon2 is deliberately slow: off the async workers and outside any
    // database lock.
    let hash = account.as_ref().map(|(_, h)| h.clone());
    let password = req.password;
    let password_ok = tokio::task::spawn_blocking(move || {
        let hash = hash.as_deref().unwrap_or_else(|| stand_in_hash());
        // Over-long input is never hashed: no stored password is that long.
        password.chars().count() <= PASSWORD_MAX_CHARS && security::verify_pin(hash, &password)
    })
    .await
    .unwrap_or(false);
    let user = match account {
        Some((user, _)) if password_ok && !user.disabled => user,
        other => {
            let reason = match &other {
                None => "unknown_user",
                Some((u, _)) if u.disabled => "disabled",
                Some(_) => "wrong_password",
            };
            let mut detail = Map::new();
            detail.insert("reason".into(), reason.into());
            if let Some(seconds) = lockout {
                detail.insert("locked_for_s".into(), seconds.into());
            }
            let id = other.map(|(u, _)| u.id);
            state
                .db
                .write(move |tx| {
                    audit::record(
                        tx,
                        now,
                        &Entry {
                            user: id.as_deref(),
                            action: Action::SignInFailed,
                            target: id.as_deref().map_or(Target::NONE, Target::user),
                            detail: Value::Object(detail),
                            client: &client,
                        },
                    )
                    .map(Ok::<_, ApiError>)
                })
                .await??;
            return Err(match lockout {
                Some(seconds) => locked(seconds),
                None => ApiError::Unauthenticated("invalid_credentials"),
            });
        }
    };
    let token = security::random_token();
    let token_hash = security::sha256_hex(token.as_bytes());
    let csrf = security::random_token();
    let expires = now + SESSION_MAX_S;
    let body = console::session_body(&user, &csrf, expires);
    state
        .db
        .write(move |tx| {
            db::users::clear_failures(tx, &key)?;
            db::console_sessions::create(tx, &token_hash, &user.id, &csrf, now, expires)?;
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::SignIn,
                    target: Target::user(&user.id),
                    detail: json!({}),
                    client: &client,
                },
            )
            .map(Ok::<_, ApiError>)
        })
        .await??;
    Ok((
        [(
            header::SET_COOKIE,
            console::session_cookie(&state, &headers, Some(&token)),
        )],
        Json(body),
    )
        .into_response())
}

async fn console_session_read(user: ConsoleUser) -> Json<ConsoleSession> {
    Json(user.session())
}

async fn console_session_delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    user: ConsoleUser,
) -> Result<Response, ApiError> {
    let now = state.clock.unix();
    state
        .db
        .write(move |tx| {
            db::console_sessions::delete(tx, user.token_hash())?;
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::SignOut,
                    target: Target::user(&user.id),
                    detail: json!({}),
                    client: &user.client,
                },
            )
            .map(Ok::<_, ApiError>)
        })
        .await??;
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            console::session_cookie(&state, &headers, None),
        )],
    )
        .into_response())
}
