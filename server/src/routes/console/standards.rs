//! The legal-aid standards, for province admins: what is in force, a preview of
//! what an uploaded file would change (by the date each change takes effect),
//! and putting it in force. An upload made from an older version than the one
//! in force is refused, so two admins never overwrite each other unawares.

use axum::{
    Json, Router,
    extract::{DefaultBodyLimit, State},
    routing::{get, post},
};
use kiosk_core::{
    api::{StandardsPreview, StandardsSource, StandardsStatus, StandardsUpload},
    console::Role,
    eligibility::{StandardChange, Standards},
    hall_time::HallTime,
};
use serde_json::json;

use crate::{
    AppState,
    console::ConsoleUser,
    db::{
        self,
        audit::{self, Action, Entry, Target},
    },
    error::ApiError,
    extract::ApiJson,
    security,
};

/// A province's file with many prefectures and their notes is larger than a
/// kiosk's requests (16 KiB).
pub const UPLOAD_LIMIT: usize = 256 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/console/standards",
            get(console_standards).put(console_standards_apply),
        )
        .route(
            "/console/standards/preview",
            post(console_standards_preview),
        )
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

/// The version of standards as served: the SHA-256 of their JSON.
pub fn version(s: &Standards) -> String {
    security::sha256_hex(
        serde_json::to_string(s)
            .expect("standards serialize")
            .as_bytes(),
    )
}

async fn status(state: &AppState) -> Result<StandardsStatus, ApiError> {
    let (standards, upload) = state.standards().await?;
    let source = match &upload {
        Some(_) => StandardsSource::Upload,
        None => state.base_standards().1,
    };
    Ok(StandardsStatus {
        source,
        version: version(&standards),
        uploaded_at: upload.as_ref().map(|u| u.uploaded_at.clone()),
        uploaded_by: upload.as_ref().map(|u| u.uploaded_by.clone()),
        uploaded_by_name: upload.and_then(|u| u.uploaded_by_name),
        standards,
    })
}

/// The upload checked: its standards, or the field error saying what is wrong.
fn checked(upload: &StandardsUpload) -> Result<Standards, ApiError> {
    Standards::check_upload(&upload.text).map_err(|p| ApiError::field("text", p.code()))
}

async fn console_standards(
    State(state): State<AppState>,
    user: ConsoleUser,
) -> Result<Json<StandardsStatus>, ApiError> {
    user.require(&[Role::ProvinceAdmin])?;
    Ok(Json(status(&state).await?))
}

async fn console_standards_preview(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiJson(upload): ApiJson<StandardsUpload>,
) -> Result<Json<StandardsPreview>, ApiError> {
    user.require(&[Role::ProvinceAdmin])?;
    let new = checked(&upload)?;
    let current = status(&state).await?;
    if upload.based_on != current.version {
        return Err(ApiError::Conflict("changed_by_someone_else"));
    }
    Ok(Json(StandardsPreview {
        version: version(&new),
        entries: new.entries().len(),
        changes: current.standards.changes_to(&new),
    }))
}

async fn console_standards_apply(
    State(state): State<AppState>,
    user: ConsoleUser,
    ApiJson(upload): ApiJson<StandardsUpload>,
) -> Result<Json<StandardsStatus>, ApiError> {
    user.require(&[Role::ProvinceAdmin])?;
    let new = checked(&upload)?;
    let current = status(&state).await?;
    if upload.based_on != current.version {
        return Err(ApiError::Conflict("changed_by_someone_else"));
    }
    let changes = current.standards.changes_to(&new);
    if changes.is_empty() {
        return Err(ApiError::field("text", "standards_unchanged"));
    }
    let count = |f: fn(&StandardChange) -> bool| changes.iter().filter(|c| f(c)).count();
    let detail = json!({
        "entries": new.entries().len(),
        "added": count(|c| matches!(c, StandardChange::Added { .. })),
        "changed": count(|c| matches!(c, StandardChange::Changed { .. })),
        "removed": count(|c| matches!(c, StandardChange::Removed { .. })),
    });
    let new_version = version(&new);
    // Stored as served (validated, in one canonical form), not as typed.
    let body = serde_json::to_string(&new).expect("standards serialize");
    let now = state.clock.unix();
    let at = HallTime::from_unix(now).to_rfc3339();
    let target = new_version[..16].to_owned();
    state
        .db
        .write(move |tx| {
            // What is in force now, inside the transaction: the version the
            // upload was based on must still be it.
            let latest = db::standards::latest(tx)?;
            let replaces = latest.as_ref().map_or(0, |u| u.id);
            if latest.is_some_and(|u| u.version != upload.based_on) {
                return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
            }
            if !db::standards::insert(tx, replaces, &body, &new_version, &user.id, &at, now)? {
                return Ok(Err(ApiError::Conflict("changed_by_someone_else")));
            }
            audit::record(
                tx,
                now,
                &Entry {
                    user: Some(&user.id),
                    action: Action::StandardsApply,
                    target: Target {
                        kind: "standards",
                        id: Some(&target),
                    },
                    detail,
                    client: &user.client,
                },
            )?;
            Ok(Ok(()))
        })
        .await??;
    Ok(Json(status(&state).await?))
}
