//! Demo data for `--demo-data`: one hall with its hours, the standard services
//! kiosk `kiosk-1` and any `--demo-kiosk`. Inserted only where missing, so restarts
//! keep bookings.

use crate::db::{DbError, Tx, halls, services};

pub const DEMO_HALL: &str = "demo-hall";
pub const DEMO_KIOSK: &str = "kiosk-1";

/// Inserts whatever of the demo data is missing, with `extra_kiosks` (checked ids)
/// in the demo hall beside `kiosk-1`.
pub fn seed(tx: &mut Tx<'_>, extra_kiosks: &[String]) -> Result<(), DbError> {
    halls::insert_demo(tx)?;
    services::insert_standard(tx)?;
    for (id, capacity) in services::STANDARD.iter().map(|s| (s.0, s.6)) {
        tx.execute(
            "INSERT INTO hall_services (hall_id, service_id, capacity)
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            &[&DEMO_HALL, &id, &capacity],
        )?;
    }
    // Monday to Friday, 09:00–12:00 and 13:30–17:30.
    for weekday in 1..=5 {
        for (start, end) in [(9 * 60, 12 * 60), (13 * 60 + 30, 17 * 60 + 30)] {
            tx.execute(
                "INSERT INTO hall_sessions (hall_id, weekday, start_minute, end_minute)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&DEMO_HALL, &weekday, &start, &end],
            )?;
        }
    }
    // 2027 New Year's Day falls on a Friday: an example of a configured holiday.
    tx.execute(
        "INSERT INTO hall_holidays (hall_id, date) VALUES ($1, '2027-01-01')
         ON CONFLICT DO NOTHING",
        &[&DEMO_HALL],
    )?;
    for kiosk in std::iter::once(DEMO_KIOSK).chain(extra_kiosks.iter().map(String::as_str)) {
        tx.execute(
            "INSERT INTO kiosks (id, hall_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&kiosk, &DEMO_HALL],
        )?;
    }
    Ok(())
}
