//! `GET /api/v1/eligibility/standards`. The self-check itself runs in the kiosk:
//! no call here carries a visitor's answers.

use kiosk_core::eligibility::Standards;

use super::{ApiError, get_json};

/// The financial-difficulty standards the hall's server has in force.
pub async fn standards() -> Result<Standards, ApiError> {
    get_json("/eligibility/standards").await
}
