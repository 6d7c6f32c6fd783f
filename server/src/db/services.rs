//! The `services` and `hall_services` tables.

use super::{DbError, Row, Tx};
use kiosk_core::api::{LocalizedText, Service};

fn from_row(r: &Row) -> Result<Service, DbError> {
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
        materials: serde_json::from_str(&materials)
            .map_err(|e| DbError::Conversion(format!("materials: {e}")))?,
    })
}

/// Every service, in display order.
pub fn list(tx: &mut Tx<'_>) -> Result<Vec<Service>, DbError> {
    tx.query("SELECT * FROM services ORDER BY sort, id", &[])?
        .iter()
        .map(from_row)
        .collect()
}

/// A service and its seats per slot, if `hall_id` offers it.
pub fn offered(
    tx: &mut Tx<'_>,
    hall_id: &str,
    service_id: &str,
) -> Result<Option<(Service, u32)>, DbError> {
    tx.query_opt(
        "SELECT s.*, hs.capacity FROM services s
         JOIN hall_services hs ON hs.service_id = s.id
         WHERE hs.hall_id = $1 AND s.id = $2",
        &[&hall_id, &service_id],
    )?
    .map(|r| Ok((from_row(&r)?, r.get("capacity")?)))
    .transpose()
}
