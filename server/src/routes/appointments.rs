//! `POST /appointments` (book), `/appointments/lookup` and
//! `/appointments/{reference}/cancel`. Personal data goes in, only masked values
//! come out; ID numbers are kept as a keyed hash and their last four characters.

use std::collections::BTreeMap;

use axum::{Json, Router, extract::State, response::Response, routing::post};
use kiosk_core::{
    api::{
        Appointment, AppointmentCancel, AppointmentLookup, AppointmentRequest, AppointmentStatus,
        is_reference,
    },
    hall_time::HallTime,
    mask::{mask_name, mask_phone},
    rules::{self, PhoneKind, Refusal},
    validate::{normalize_phone, validate_id_number},
};

use crate::{
    AppState,
    caller::Caller,
    db::{
        self,
        appointments::{BookError, NewAppointment},
    },
    error::{ApiError, FieldErrors},
    extract::{ApiJson, ApiPath, IdempotencyKey},
    routes::{idempotent_create, request_hash},
    security,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/appointments", post(appointments_create))
        .route("/appointments/lookup", post(appointments_lookup))
        .route(
            "/appointments/{reference}/cancel",
            post(appointments_cancel),
        )
}

fn push(errors: &mut FieldErrors, field: &str, code: &str) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(code.to_owned());
}

/// A trimmed name (core's rule), or its refusal.
pub fn check_name(errors: &mut FieldErrors, field: &str, name: &str) -> String {
    rules::check_name(name).map_or_else(
        |r| {
            push(errors, field, r.code());
            String::new()
        },
        str::to_owned,
    )
}

/// A non-empty consent version, or the `consent_required` error.
pub fn check_consent(errors: &mut FieldErrors, consent: Option<&str>) -> String {
    rules::check_consent(consent).map_or_else(
        |r| {
            push(errors, "consent_version", r.code());
            String::new()
        },
        str::to_owned,
    )
}

/// A phone of `kind` (core's rule: bookings take mobiles, callbacks also
/// landlines), normalized, or the `invalid_phone` error.
pub fn check_phone(errors: &mut FieldErrors, phone: &str, kind: PhoneKind) -> String {
    rules::check_phone(phone, kind).unwrap_or_else(|p| {
        push(errors, "phone", Refusal::Phone(p).code());
        String::new()
    })
}

/// An optional kiosk id of sensible length.
pub fn check_kiosk_id(errors: &mut FieldErrors, kiosk_id: Option<&str>) {
    if kiosk_id.is_some_and(|k| crate::config::kiosk_id(k).is_err()) {
        push(errors, "kiosk_id", "invalid_kiosk_id");
    }
}

/// Everything about a booking that can be checked without the database.
struct Checked {
    name: String,
    phone: String,
    id_number: Option<String>,
    slot_start: Option<HallTime>,
    consent: String,
}

fn check(req: &AppointmentRequest, now: HallTime) -> Result<Checked, FieldErrors> {
    let mut errors = BTreeMap::new();
    let name = check_name(&mut errors, "name", &req.name);
    let phone = check_phone(&mut errors, &req.phone, PhoneKind::BOOKING);
    let id_number = match req.id_number.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => match validate_id_number(id, now.date()) {
            Ok(id) => Some(id.as_str().to_owned()),
            Err(_) => {
                push(&mut errors, "id_number", "invalid_id_number");
                None
            }
        },
    };
    let slot_start = HallTime::parse_rfc3339(&req.slot_start);
    if slot_start.is_none() {
        push(&mut errors, "slot_start", "invalid_slot");
    }
    let consent = check_consent(&mut errors, req.consent_version.as_deref());
    check_kiosk_id(&mut errors, req.kiosk_id.as_deref());
    if errors.is_empty() {
        Ok(Checked {
            name,
            phone,
            id_number,
            slot_start,
            consent,
        })
    } else {
        Err(errors)
    }
}

async fn appointments_create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    ApiJson(req): ApiJson<AppointmentRequest>,
) -> Result<Response, ApiError> {
    let now = state.clock.hall_now();
    let checked = check(&req, now).map_err(ApiError::Validation)?;
    let kiosk_id = caller
        .recorded_kiosk(&state, req.kiosk_id.as_deref())
        .await?;
    let hash = request_hash(&state, &req);
    let id_hash = checked
        .id_number
        .as_deref()
        .map(|id| security::keyed_hash(state.id_hash_key(), id));
    let created_at = now.to_rfc3339();
    idempotent_create(&state, "appointments", key, hash, move |tx| {
        let Some(schedule) = db::schedules::load(tx, &req.hall_id)? else {
            return Ok(Err(ApiError::field("hall_id", "unknown_hall")));
        };
        let Some((service, capacity)) = db::services::offered(tx, &req.hall_id, &req.service_id)?
        else {
            return Ok(Err(ApiError::field("service_id", "unknown_service")));
        };
        let start = checked.slot_start.expect("checked above");
        let Some(end) = schedule.slot_at(start) else {
            return Ok(Err(ApiError::field("slot_start", "invalid_slot")));
        };
        if start <= now {
            return Ok(Err(ApiError::field("slot_start", "slot_in_past")));
        }
        if service.requires_id_number && checked.id_number.is_none() {
            return Ok(Err(ApiError::field("id_number", "id_number_required")));
        }
        // Collect the minimum (PIPL art. 6): an ID number given for a service that
        // does not need one is not kept.
        let (id_hash, id_last4) = if service.requires_id_number {
            let last4 = checked
                .id_number
                .as_deref()
                .map(|id| id[id.len() - 4..].to_owned());
            (id_hash, last4)
        } else {
            (None, None)
        };
        let mut needs = req.needs.clone();
        needs.sort();
        needs.dedup();
        let new = NewAppointment {
            reference: security::reference('A'),
            hall_id: req.hall_id.clone(),
            service_id: req.service_id.clone(),
            slot_start: start.to_rfc3339(),
            slot_end: end.to_rfc3339(),
            slot_date: start.date().to_string(),
            name: checked.name.clone(),
            phone: checked.phone.clone(),
            id_number_hash: id_hash,
            id_number_last4: id_last4,
            needs: serde_json::to_string(&needs).expect("needs serialize"),
            language: req.language.tag().to_owned(),
            consent_version: checked.consent.clone(),
            kiosk_id,
            created_at,
        };
        match db::appointments::book(tx, &new, capacity) {
            Ok(()) => {}
            Err(BookError::SlotFull) => return Ok(Err(ApiError::Conflict("slot_full"))),
            Err(BookError::DuplicateBooking) => {
                return Ok(Err(ApiError::Conflict("duplicate_booking")));
            }
            Err(BookError::Db(e)) => return Err(e),
        }
        let body = Appointment {
            reference: new.reference,
            hall_id: new.hall_id,
            service_id: new.service_id,
            slot_start: new.slot_start,
            slot_end: new.slot_end,
            name_masked: mask_name(&new.name),
            phone_masked: mask_phone(&new.phone),
            status: AppointmentStatus::Booked,
        };
        Ok(Ok(
            serde_json::to_value(body).expect("appointment serializes")
        ))
    })
    .await
}

async fn appointments_lookup(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<AppointmentLookup>,
) -> Result<Json<Appointment>, ApiError> {
    let phone =
        normalize_phone(&req.phone).map_err(|_| ApiError::field("phone", "invalid_phone"))?;
    let reference = req.reference.trim().to_ascii_uppercase();
    // Not the shape of any reference: nothing to look for (and no stray bytes,
    // such as NUL, that PostgreSQL would refuse as text).
    if !is_reference('A', &reference) {
        return Err(ApiError::NotFound("appointment_not_found"));
    }
    state
        .db
        .call(move |c| db::appointments::find(c, &reference, &phone))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound("appointment_not_found"))
}

async fn appointments_cancel(
    State(state): State<AppState>,
    ApiPath(reference): ApiPath<String>,
    ApiJson(req): ApiJson<AppointmentCancel>,
) -> Result<Json<Appointment>, ApiError> {
    let phone =
        normalize_phone(&req.phone).map_err(|_| ApiError::field("phone", "invalid_phone"))?;
    let reference = reference.trim().to_ascii_uppercase();
    if !is_reference('A', &reference) {
        return Err(ApiError::NotFound("appointment_not_found"));
    }
    let now = state.clock.hall_now();
    state
        .db
        .write(move |tx| {
            let Some(found) = db::appointments::find(tx, &reference, &phone)? else {
                return Ok(Err(ApiError::NotFound("appointment_not_found")));
            };
            let started = HallTime::parse_rfc3339(&found.slot_start).is_none_or(|s| s <= now);
            if found.status == AppointmentStatus::Booked && started {
                return Ok(Err(ApiError::Conflict("appointment_started")));
            }
            db::appointments::cancel(tx, &reference, &phone, &now.to_rfc3339())
                .map(|a| a.ok_or(ApiError::NotFound("appointment_not_found")))
        })
        .await?
        .map(Json)
}
