//! The `services` and `hall_services` tables.

use kiosk_core::api::{LocalizedText, Service};
use rusqlite::{Connection, OptionalExtension, Row, params};

fn from_row(r: &Row<'_>) -> rusqlite::Result<Service> {
    let materials: String = r.get("materials")?;
    Ok(Service {
        id: r.get("id")?,
        names: LocalizedText {
            zh_cn: r.get("name_zh")?,
            en: r.get("name_en")?,
        },
        descriptions: LocalizedText {
            zh_cn: r.get("description_zh")?,
            en: r.get("description_en")?,
        },
        duration_minutes: r.get("duration_minutes")?,
        requires_id_number: r.get("requires_id_number")?,
        materials: serde_json::from_str(&materials).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?,
    })
}

/// Every service, in display order.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<Service>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM services ORDER BY sort, id")?;
    stmt.query_map([], from_row)?.collect()
}

/// A service and its seats per slot, if `hall_id` offers it.
pub fn offered(
    conn: &Connection,
    hall_id: &str,
    service_id: &str,
) -> rusqlite::Result<Option<(Service, u32)>> {
    conn.prepare_cached(
        "SELECT s.*, hs.capacity FROM services s
         JOIN hall_services hs ON hs.service_id = s.id
         WHERE hs.hall_id = ?1 AND s.id = ?2",
    )?
    .query_row(params![hall_id, service_id], |r| {
        Ok((from_row(r)?, r.get("capacity")?))
    })
    .optional()
}
