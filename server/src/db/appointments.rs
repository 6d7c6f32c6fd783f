//! The `appointments` table and the seats they take in `slot_seats`.

use super::{DbError, Row, Tx};
use kiosk_core::{
    api::{Appointment, AppointmentStatus},
    mask::{mask_name, mask_phone},
};

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
    Db(DbError),
}

impl From<DbError> for BookError {
    fn from(e: DbError) -> Self {
        Self::Db(e)
    }
}

/// Takes a seat and stores the appointment, inside a write transaction. The
/// conditional update makes "check capacity, take seat" one atomic step (on
/// PostgreSQL it waits for the row lock of a concurrent booking, then checks the
/// new count), and the `CHECK (taken <= capacity)` constraint stops any path that
/// slips past it. The partial unique index refuses a second booking of one phone
/// for the same service and day, even from another server instance.
pub fn book(tx: &mut Tx<'_>, a: &NewAppointment, capacity: u32) -> Result<(), BookError> {
    let duplicate: bool = tx.query_value(
        "SELECT EXISTS (SELECT 1 FROM appointments
         WHERE phone = $1 AND service_id = $2 AND slot_date = $3 AND status = 'booked')",
        &[&a.phone, &a.service_id, &a.slot_date],
    )?;
    if duplicate {
        return Err(BookError::DuplicateBooking);
    }
    tx.execute(
        "INSERT INTO slot_seats (hall_id, service_id, slot_start, capacity, taken)
         VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING",
        &[&a.hall_id, &a.service_id, &a.slot_start, &capacity],
    )?;
    let taken = tx.execute(
        "UPDATE slot_seats SET taken = taken + 1
         WHERE hall_id = $1 AND service_id = $2 AND slot_start = $3 AND taken < capacity",
        &[&a.hall_id, &a.service_id, &a.slot_start],
    )?;
    if taken == 0 {
        return Err(BookError::SlotFull);
    }
    let inserted = tx.execute(
        "INSERT INTO appointments (reference, hall_id, service_id, slot_start, slot_end,
             slot_date, name, phone, id_number_hash, id_number_last4, needs, language,
             consent_version, kiosk_id, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'booked', $15)",
        &[
            &a.reference,
            &a.hall_id,
            &a.service_id,
            &a.slot_start,
            &a.slot_end,
            &a.slot_date,
            &a.name,
            &a.phone,
            &a.id_number_hash,
            &a.id_number_last4,
            &a.needs,
            &a.language,
            &a.consent_version,
            &a.kiosk_id,
            &a.created_at,
        ],
    );
    match inserted {
        Ok(_) => Ok(super::stats::bump(
            tx,
            &a.hall_id,
            &a.slot_date,
            kiosk_core::stats::Metric::Booking,
        )?),
        // The partial unique index: the same phone, service and day.
        Err(e) if e.is_unique_violation() => Err(BookError::DuplicateBooking),
        Err(e) => Err(e.into()),
    }
}

fn masked(r: &Row) -> Result<Appointment, DbError> {
    let status: String = r.get("status")?;
    Ok(Appointment {
        reference: r.get("reference")?,
        hall_id: r.get("hall_id")?,
        service_id: r.get("service_id")?,
        slot_start: r.get("slot_start")?,
        slot_end: r.get("slot_end")?,
        name_masked: mask_name(&r.get::<String>("name")?),
        phone_masked: mask_phone(&r.get::<String>("phone")?),
        status: if status == "booked" {
            AppointmentStatus::Booked
        } else {
            AppointmentStatus::Cancelled
        },
    })
}

/// The booking with this reference, if `phone` is the one it was booked with.
pub fn find(tx: &mut Tx<'_>, reference: &str, phone: &str) -> Result<Option<Appointment>, DbError> {
    tx.query_opt(
        "SELECT * FROM appointments WHERE reference = $1 AND phone = $2",
        &[&reference, &phone],
    )?
    .as_ref()
    .map(masked)
    .transpose()
}

/// Cancels a standing booking and frees its seat; `None` if there is no such
/// booking for this phone. Cancelling twice is harmless.
pub fn cancel(
    tx: &mut Tx<'_>,
    reference: &str,
    phone: &str,
    now: &str,
) -> Result<Option<Appointment>, DbError> {
    let changed = tx.execute(
        "UPDATE appointments SET status = 'cancelled', cancelled_at = $3
         WHERE reference = $1 AND phone = $2 AND status = 'booked' AND attendance IS NULL",
        &[&reference, &phone, &now],
    )?;
    if changed == 1 {
        let r = tx.query_row(
            "SELECT hall_id, slot_date FROM appointments WHERE reference = $1",
            &[&reference],
        )?;
        let (hall, day): (String, String) = (r.get(0)?, r.get(1)?);
        super::stats::bump(tx, &hall, &day, kiosk_core::stats::Metric::Cancellation)?;
        tx.execute(
            "UPDATE slot_seats SET taken = taken - 1
             WHERE (hall_id, service_id, slot_start) =
                   (SELECT hall_id, service_id, slot_start FROM appointments WHERE reference = $1)
               AND taken > 0",
            &[&reference],
        )?;
    }
    find(tx, reference, phone)
}

/// Deletes appointments, booked or cancelled, whose slot ended more than
/// [`RETENTION_DAYS`] before `now_unix`; returns how many.
///
/// Seat counts in `slot_seats` are left alone: they hold no personal data, and a
/// slot that ended a month ago can no longer be booked or cancelled.
pub fn purge(tx: &mut Tx<'_>, now_unix: i64) -> Result<u64, DbError> {
    tx.execute(
        "DELETE FROM appointments WHERE slot_end_unix < $1",
        &[&(now_unix - RETENTION_DAYS * 86_400)],
    )
}

/// Number of appointment rows (tests and health of the crash test).
pub fn count(tx: &mut Tx<'_>) -> Result<u64, DbError> {
    tx.query_value("SELECT COUNT(*) FROM appointments", &[])
}
