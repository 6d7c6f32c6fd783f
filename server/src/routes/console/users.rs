//! Console users, for province admins only: `GET /console/users`,
//! `POST /console/users`, `PUT /console/users/{id}` (with the version read, so
//! two admins' edits never silently overwrite each other) and
//! `POST /console/users/{id}/password`. Passwords are never answered or logged.

use axum::{
    Json, Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post, put},
};
use kiosk_core::{
    api::{NewUser, PasswordReset, UserAccount, UserUpdate},
    console::{Role, check_new_password, check_profile, is_user_id, push_error as push},
    hall_time::HallTime,
};
use serde_json::json;

use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self, DbError, Tx,
        audit::{self, Action, Entry, Target},
        users::User,
    },
    error::{ApiError, FieldErrors},
    extract::{ApiJson, ApiPath},
    security,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console/users",
            get(console_users_list).post(console_users_create),
        )
        .route("/console/users/{id}", put(console_users_update))
        .route("/console/users/{id}/password", post(console_users_password))
}

/// Who may manage users.
const MANAGERS: &[Role] = &[Role::ProvinceAdmin];

/// The body, read only once the role check has passed (so a refused user hears
/// 403, whatever they sent). A role that does not exist is `invalid_role`, not
/// the generic `invalid_body`, so the form can say which field is wrong.
fn role_named<T>(body: Result<ApiJson<T>, ApiError>) -> Result<T, ApiError> {
    match body {
        Ok(ApiJson(body)) => Ok(body),
        Err(ApiError::Validation(errors)) if errors.contains_key("role") => {
            Err(ApiError::field("role", "invalid_role"))
        }
        Err(e) => Err(e),
    }
}

/// The checks a new user and an edit share; the display name, trimmed.
fn check_user(
    tx: &mut Tx<'_>,
    errors: &mut FieldErrors,
    display_name: &str,
    role: Role,
    halls: &[String],
) -> Result<String, DbError> {
    check_profile(errors, display_name, role, halls);
    if !db::users::unknown_halls(tx, halls)?.is_empty() {
        push(errors, "halls", "unknown_hall");
    }
    Ok(display_name.trim().to_owned())
}

/// The account as the console shows it, with its lockout if one is running.
fn account(tx: &mut Tx<'_>, user: User, now: i64) -> Result<UserAccount, DbError> {
    let key = db::users::login_key(tx, &user.id)?;
    let locked_until = db::users::locked_until(tx, &key, now)?;
    Ok(UserAccount {
        id: user.id,
        display_name: user.display_name,
        role: user.role,
        halls: user.halls,
        disabled: user.disabled,
        locked_until: locked_until.map(|u| HallTime::from_unix(u).to_rfc3339()),
        version: user.version,
        created_at: user.created_at,
    })
}

/// A password as argon2id, hashed off the async workers.
async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || security::hash_pin(&password))
        .await
        .map_err(|e| ApiError::Database(DbError::Task(e)))
}

async fn console_users_list(
    State(state): State<AppState>,
    user: ConsoleUser,
) -> Result<Json<Vec<UserAccount>>, ApiError> {
    user.require(MANAGERS)?;
    let now = state.clock.unix();
    let accounts = state
        .db
        .call(move |c| {
            db::users::list(c)?
                .into_iter()
                .map(|u| account(c, u, now))
                .collect()
        })
        .await?;
    Ok(Json(accounts))
}

async fn console_users_create(
    State(state): State<AppState>,
    user: ConsoleUser,
    body: Result<ApiJson<NewUser>, ApiError>,
) -> Result<Response, ApiError> {
    user.require(MANAGERS)?;
    let req = role_named(body)?;
    let mut errors = FieldErrors::new();
    if !is_user_id(&req.id) {
        push(&mut errors, "id", "invalid_user_id");
    }
    check_new_password(&mut errors, &req.password);
    // Only a well-formed request is worth an argon2 hash.
    let hash = if errors.is_empty() {
        hash_password(req.password.clone()).await?
    } else {
        String::new()
    };
    let now = state.clock.unix();
    let created = state
        .db
        .write(move |tx| {
            let display_name =
                check_user(tx, &mut errors, &req.display_name, req.role, &req.halls)?;
            if !errors.is_empty() {
                return Ok(Err(ApiError::Validation(errors)));
            }
            let added = db::users::insert(
                tx,
                &db::users::NewUser {
                    id: &req.id,
                    display_name: &display_name,
                    role: req.role,
                    halls: &req.halls,
                    password_hash: &hash,
                    created_at: &HallTime::from_unix(now).to_rfc3339(),
                    created_unix: now,
                },
            )?;
            if !added {
                return Ok(Err(ApiError::Conflict("user_exists")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::UserCreate,
                    target: Target::user(&req.id),
                    detail: json!({ "role": req.role, "halls": req.halls }),
                    client: &user.client,
                },
            )?;
            let created = db::users::find(tx, &req.id)?.ok_or(DbError::NoRow)?;
            account(tx, created, now).map(Ok)
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

async fn console_users_update(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(id): ApiPath<String>,
    body: Result<ApiJson<UserUpdate>, ApiError>,
) -> Result<Json<UserAccount>, ApiError> {
    user.require(MANAGERS)?;
    if !is_user_id(&id) {
        return Err(ApiError::NotFound("unknown_user"));
    }
    let req = role_named(body)?;
    let now = state.clock.unix();
    let updated = state
        .db
        .write(move |tx| {
            // Edits that could leave no active province admin wait for each other,
            // on every server instance, so two admins cannot demote each other.
            tx.lock("console-users")?;
            let Some(before) = db::users::find(tx, &id)? else {
                return Ok(Err(ApiError::NotFound("unknown_user")));
            };
            let mut errors = FieldErrors::new();
            let display_name =
                check_user(tx, &mut errors, &req.display_name, req.role, &req.halls)?;
            if !errors.is_empty() {
                return Ok(Err(ApiError::Validation(errors)));
            }
            let edit = db::users::Edit {
                display_name: &display_name,
                role: req.role,
                halls: &req.halls,
                disabled: req.disabled,
            };
            if db::users::update(tx, &id, req.version, &edit)?.is_none() {
                return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
            }
            if db::users::active_province_admins(tx)? == 0 {
                return Ok(Err(ApiError::Conflict("last_province_admin")));
            }
            if req.disabled {
                db::console_sessions::delete_for_user(tx, &id, None)?;
            }
            let mut halls = req.halls.clone();
            halls.sort();
            halls.dedup();
            let changed: Vec<&str> = [
                ("display_name", before.display_name != display_name),
                ("role", before.role != req.role),
                ("halls", before.halls != halls),
                ("disabled", before.disabled != req.disabled),
            ]
            .into_iter()
            .filter_map(|(field, differs)| differs.then_some(field))
            .collect();
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::UserUpdate,
                    target: Target::user(&id),
                    // The display name is a person's name: only that it changed.
                    detail: json!({
                        "changed": changed,
                        "role": req.role,
                        "halls": halls,
                        "disabled": req.disabled,
                    }),
                    client: &user.client,
                },
            )?;
            let after = db::users::find(tx, &id)?.ok_or(DbError::NoRow)?;
            account(tx, after, now).map(Ok)
        })
        .await??;
    Ok(Json(updated))
}

async fn console_users_password(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiPath(id): ApiPath<String>,
    body: Result<ApiJson<PasswordReset>, ApiError>,
) -> Result<StatusCode, ApiError> {
    user.require(MANAGERS)?;
    let ApiJson(req) = body?;
    if !is_user_id(&id) {
        return Err(ApiError::NotFound("unknown_user"));
    }
    let mut errors = FieldErrors::new();
    check_new_password(&mut errors, &req.password);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let hash = hash_password(req.password).await?;
    let now = state.clock.unix();
    state
        .db
        .write(move |tx| {
            if !db::users::set_password(tx, &id, &hash)? {
                return Ok(Err(ApiError::NotFound("unknown_user")));
            }
            // The old password may be known to someone: its sessions end (but the
            // admin's own, when they reset their own), and so does a lockout.
            db::console_sessions::delete_for_user(tx, &id, Some(user.token_hash()))?;
            let key = db::users::login_key(tx, &id)?;
            db::users::clear_failures(tx, &key)?;
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::UserPasswordReset,
                    target: Target::user(&id),
                    detail: json!({}),
                    client: &user.client,
                },
            )?;
            Ok(Ok(()))
        })
        .await??;
    Ok(StatusCode::NO_CONTENT)
}
