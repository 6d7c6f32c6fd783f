//! Looking up and cancelling a booking: `POST /api/v1/appointments/lookup` and
//! `POST /api/v1/appointments/{reference}/cancel`. Booking itself goes through
//! [`super::submit`] with its idempotency key.

use kiosk_core::api::{Appointment, AppointmentCancel, AppointmentLookup, Problem};

use super::post_json;

/// Why a lookup or cancellation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    /// The server said why (`appointment_not_found`, `appointment_started`, …).
    Refused(Problem),
    /// No answer.
    Unreachable,
}

pub async fn lookup(req: &AppointmentLookup) -> Result<Appointment, LookupError> {
    post_json("/appointments/lookup", req).await
}

pub async fn cancel(reference: &str, req: &AppointmentCancel) -> Result<Appointment, LookupError> {
    post_json(&format!("/appointments/{reference}/cancel"), req).await
}
