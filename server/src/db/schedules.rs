//! A hall's opening sessions and holidays, read into a [`Schedule`].

use std::collections::BTreeSet;

use kiosk_core::date::Date;
use rusqlite::{Connection, OptionalExtension, params};

use crate::schedule::{Schedule, Session};

/// The schedule of `hall_id`, or `None` for an unknown hall.
pub fn load(conn: &Connection, hall_id: &str) -> rusqlite::Result<Option<Schedule>> {
    let Some(slot_minutes) = conn
        .prepare_cached("SELECT slot_minutes FROM halls WHERE id = ?1")?
        .query_row([hall_id], |r| r.get::<_, u16>(0))
        .optional()?
    else {
        return Ok(None);
    };
    let sessions = conn
        .prepare_cached(
            "SELECT weekday, start_minute, end_minute FROM hall_sessions WHERE hall_id = ?1",
        )?
        .query_map([hall_id], |r| {
            Ok(Session {
                weekday: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let holidays = conn
        .prepare_cached("SELECT date FROM hall_holidays WHERE hall_id = ?1")?
        .query_map([hall_id], |r| r.get::<_, String>(0))?
        .filter_map(|d| d.map(|d| Date::parse_iso(&d)).transpose())
        .collect::<rusqlite::Result<BTreeSet<_>>>()?;
    Ok(Some(Schedule {
        slot_minutes,
        sessions,
        holidays,
    }))
}

/// Seats taken and the capacity recorded at the first booking, per slot start
/// (RFC 3339), for one hall and service between two slot starts (inclusive).
pub fn seats_taken(
    conn: &Connection,
    hall_id: &str,
    service_id: &str,
    from: &str,
    to: &str,
) -> rusqlite::Result<Vec<(String, (u32, u32))>> {
    conn.prepare_cached(
        "SELECT slot_start, taken, capacity FROM slot_seats
         WHERE hall_id = ?1 AND service_id = ?2 AND slot_start BETWEEN ?3 AND ?4",
    )?
    .query_map(params![hall_id, service_id, from, to], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
    })?
    .collect()
}
