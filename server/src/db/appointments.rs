//! The `appointments` table and the seats they take in `slot_seats`.

use kiosk_core::{
    api::{Appointment, AppointmentStatus},
    mask::{mask_name, mask_phone},
};
use rusqlite::{Connection, OptionalExtension, Row, params};

/// Days an appointment is kept after its slot ends, as the consent notice promises
/// (PIPL art. 19: no longer than the purpose needs; art. 47: delete when done).
pub const RETENTION_DAYS: i64 = 30;

/// A validated booking, ready to store.
pub struct NewAppointment {
    pub reference: String,
    pub hall_id: String,
    pub service_id: String,
    pub slot_start: String,
    pub slot_end: String,
    pub slot_date: String,
    pub name: String,
    pub phone: String,
    pub id_number_hash: Option<String>,
    pub id_number_last4: Option<String>,
    pub needs: String,
    pub language: String,
    pub consent_version: String,
    pub kiosk_id: Option<String>,
    pub created_at: String,
}

/// Why a booking could not be stored.
#[derive(Debug)]
pub enum BookError {
    SlotFull,
    DuplicateBooking,
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for BookError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

/// Takes a seat and stores the appointment. Run inside an IMMEDIATE transaction:
/// the conditional update makes "check capacity, take seat" one atomic step, and
/// the `CHECK (taken <= capacity)` constraint stops any path that slips past it.
pub fn book(conn: &Connection, a: &NewAppointment, capacity: u32) -> Result<(), BookError> {
    let duplicate: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM appointments
             WHERE phone = ?1 AND service_id = ?2 AND slot_date = ?3 AND status = 'booked')",
        )?
        .query_row(params![a.phone, a.service_id, a.slot_date], |r| r.get(0))?;
    if duplicate {
        return Err(BookError::DuplicateBooking);
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO slot_seats (hall_id, service_id, slot_start, capacity, taken)
         VALUES (?1, ?2, ?3, ?4, 0)",
    )?
    .execute(params![a.hall_id, a.service_id, a.slot_start, capacity])?;
    let taken = conn
        .prepare_cached(
            "UPDATE slot_seats SET taken = taken + 1
             WHERE hall_id = ?1 AND service_id = ?2 AND slot_start = ?3 AND taken < capacity",
        )?
        .execute(params![a.hall_id, a.service_id, a.slot_start])?;
    if taken == 0 {
        return Err(BookError::SlotFull);
    }
    let inserted = conn
        .prepare_cached(
            "INSERT INTO appointments (reference, hall_id, service_id, slot_start, slot_end,
                 slot_date, name, phone, id_number_hash, id_number_last4, needs, language,
                 consent_version, kiosk_id, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'booked', ?15)",
        )?
        .execute(params![
            a.reference,
            a.hall_id,
            a.service_id,
            a.slot_start,
            a.slot_end,
            a.slot_date,
            a.name,
            a.phone,
            a.id_number_hash,
            a.id_number_last4,
            a.needs,
            a.language,
            a.consent_version,
            a.kiosk_id,
            a.created_at,
        ]);
    match inserted {
        Ok(_) => Ok(()),
        // The partial unique index: the same phone, service and day.
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Err(BookError::DuplicateBooking)
        }
        Err(e) => Err(e.into()),
    }
}

fn masked(r: &Row<'_>) -> rusqlite::Result<Appointment> {
    let status: String = r.get("status")?;
    Ok(Appointment {
        reference: r.get("reference")?,
        hall_id: r.get("hall_id")?,
        service_id: r.get("service_id")?,
        slot_start: r.get("slot_start")?,
        slot_end: r.get("slot_end")?,
        name_masked: mask_name(&r.get::<_, String>("name")?),
        phone_masked: mask_phone(&r.get::<_, String>("phone")?),
        status: if status == "booked" {
            AppointmentStatus::Booked
        } else {
            AppointmentStatus::Cancelled
        },
    })
}

/// The booking with this reference, if `phone` is the one it was booked with.
pub fn find(
    conn: &Connection,
    reference: &str,
    phone: &str,
) -> rusqlite::Result<Option<Appointment>> {
    conn.prepare_cached("SELECT * FROM appointments WHERE reference = ?1 AND phone = ?2")?
        .query_row(params![reference, phone], masked)
        .optional()
}

/// Cancels a standing booking and frees its seat; `None` if there is no such
/// booking for this phone. Cancelling twice is harmless.
pub fn cancel(
    conn: &Connection,
    reference: &str,
    phone: &str,
    now: &str,
) -> rusqlite::Result<Option<Appointment>> {
    let changed = conn
        .prepare_cached(
            "UPDATE appointments SET status = 'cancelled', cancelled_at = ?3
             WHERE reference = ?1 AND phone = ?2 AND status = 'booked'",
        )?
        .execute(params![reference, phone, now])?;
    if changed == 1 {
        conn.prepare_cached(
            "UPDATE slot_seats SET taken = taken - 1
             WHERE (hall_id, service_id, slot_start) =
                   (SELECT hall_id, service_id, slot_start FROM appointments WHERE reference = ?1)
               AND taken > 0",
        )?
        .execute([reference])?;
    }
    find(conn, reference, phone)
}

/// Deletes appointments, booked or cancelled, whose slot ended more than
/// [`RETENTION_DAYS`] before `now_unix`; returns how many.
///
/// Seat counts in `slot_seats` are left alone: they hold no personal data, and a
/// slot that ended a month ago can no longer be booked or cancelled.
pub fn purge(conn: &Connection, now_unix: i64) -> rusqlite::Result<usize> {
    conn.prepare_cached("DELETE FROM appointments WHERE slot_end_unix < ?1")?
        .execute([now_unix - RETENTION_DAYS * 86_400])
}

/// Number of appointment rows (tests and health of the crash test).
pub fn count(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT COUNT(*) FROM appointments", [], |r| r.get(0))
}
