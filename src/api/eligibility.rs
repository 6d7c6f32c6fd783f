//! `GET /api/v1/eligibility/standards`, and the standards in force. The
//! self-check itself runs in the kiosk: no call here carries a visitor's answers.

use std::sync::{Arc, OnceLock, RwLock};

use kiosk_core::eligibility::Standards;

use super::{ApiError, get_json};

/// The financial-difficulty standards the hall's server has in force.
pub async fn fetch_standards() -> Result<Standards, ApiError> {
    get_json("/eligibility/standards").await
}

/// Standards fetched from the server this uptime, if any.
static FETCHED: RwLock<Option<Arc<Standards>>> = RwLock::new(None);

/// The financial standards in force: the hall's, as the server last served them
/// (so a hall can update figures without a new kiosk build), else the ones built
/// into the kiosk, so the self-check also works offline.
pub fn standards() -> Arc<Standards> {
    static EMBEDDED: OnceLock<Arc<Standards>> = OnceLock::new();
    FETCHED
        .read()
        .ok()
        .and_then(|s| s.clone())
        .unwrap_or_else(|| {
            Arc::clone(EMBEDDED.get_or_init(|| Arc::new(Standards::embedded().clone())))
        })
}

/// Asks the server for its current standards; keeps the last known on failure.
pub fn refresh_standards() {
    leptos::task::spawn_local(async {
        if let Ok(fresh) = fetch_standards().await
            && let Ok(mut slot) = FETCHED.write()
        {
            *slot = Some(Arc::new(fresh));
        }
    });
}
