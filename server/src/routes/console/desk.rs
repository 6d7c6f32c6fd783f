//! The 12348 desk's API joins here with its documentation and its screen; the
//! rules are in `kiosk_core::desk` and the tables in `db::desk`.

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
}
