//! `GET /api/v1/halls`.

use kiosk_core::api::Hall;

use super::{ApiError, get_json};

/// The halls this installation serves.
pub async fn list() -> Result<Vec<Hall>, ApiError> {
    get_json("/halls").await
}
