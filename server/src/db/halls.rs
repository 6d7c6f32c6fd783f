//! The `halls` table.

use super::{DbError, Row, Tx};
use kiosk_core::api::{Hall, LocalizedText};

fn from_row(r: &Row) -> Result<Hall, DbError> {
    Ok(Hall {
        id: r.get("id")?,
        names: LocalizedText {
            zh_cn: r.get("name_zh")?,
            en: r.get("name_en")?,
        },
        address: LocalizedText {
            zh_cn: r.get("address_zh")?,
            en: r.get("address_en")?,
        },
        phone: r.get("phone")?,
        opening_hours: LocalizedText {
            zh_cn: r.get("hours_zh")?,
            en: r.get("hours_en")?,
        },
    })
}

/// Every hall, by id.
pub fn list(tx: &mut Tx<'_>) -> Result<Vec<Hall>, DbError> {
    tx.query("SELECT * FROM halls ORDER BY id", &[])?
        .iter()
        .map(from_row)
        .collect()
}

/// The demo hall used by `cargo xtask run` and the end-to-end tests.
pub fn insert_demo(tx: &mut Tx<'_>) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO halls
             (id, name_zh, name_en, address_zh, address_en, phone, hours_zh, hours_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
        &[
            &"demo-hall",
            &"示范区公共法律服务中心",
            &"Demo District Public Legal Service Centre",
            &"示范区人民路 1 号一楼",
            &"Ground floor, 1 Renmin Road, Demo District",
            &"010-12345678",
            &"周一至周五 9:00–17:00（法定节假日除外）",
            &"Monday to Friday 9:00–17:00 (closed on public holidays)",
        ],
    )?;
    Ok(())
}
