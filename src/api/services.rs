//! `GET /api/v1/services`.

use kiosk_core::api::Service;

use super::{ApiError, get_json};

/// The services the hall offers, in display order.
pub async fn list() -> Result<Vec<Service>, ApiError> {
    get_json("/services").await
}
