//! A hall's opening sessions and holidays, read into a [`Schedule`].

use std::collections::BTreeSet;

use kiosk_core::date::Date;

use super::{DbError, Tx};
use crate::schedule::{Schedule, Session};

/// The schedule of `hall_id`, or `None` for an unknown hall.
pub fn load(tx: &mut Tx<'_>, hall_id: &str) -> Result<Option<Schedule>, DbError> {
    let Some(row) = tx.query_opt("SELECT slot_minutes FROM halls WHERE id = $1", &[&hall_id])?
    else {
        return Ok(None);
    };
    let slot_minutes: u16 = row.get(0)?;
    let sessions = tx
        .query(
            "SELECT weekday, start_minute, end_minute FROM hall_sessions WHERE hall_id = $1",
            &[&hall_id],
        )?
        .iter()
        .map(|r| {
            Ok(Session {
                weekday: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    let holidays = tx
        .query(
            "SELECT date FROM hall_holidays WHERE hall_id = $1",
            &[&hall_id],
        )?
        .iter()
        .map(|r| r.get::<String>(0))
        .filter_map(|d| d.map(|d| Date::parse_iso(&d)).transpose())
        .collect::<Result<BTreeSet<_>, DbError>>()?;
    let (holidays, shorter) = super::hall_admin::closures_into(tx, hall_id, holidays)?;
    Ok(Some(Schedule {
        slot_minutes,
        sessions,
        holidays,
        shorter,
    }))
}

/// A slot start (RFC 3339) with its seats taken and the capacity recorded at its
/// first booking.
pub type SlotSeats = (String, (u32, u32));

/// [`SlotSeats`] for one hall and service between two slot starts (inclusive).
pub fn seats_taken(
    tx: &mut Tx<'_>,
    hall_id: &str,
    service_id: &str,
    from: &str,
    to: &str,
) -> Result<Vec<SlotSeats>, DbError> {
    tx.query(
        "SELECT slot_start, taken, capacity FROM slot_seats
         WHERE hall_id = $1 AND service_id = $2 AND slot_start BETWEEN $3 AND $4",
        &[&hall_id, &service_id, &from, &to],
    )?
    .iter()
    .map(|r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
    .collect()
}
