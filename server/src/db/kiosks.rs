//! The `kiosks` table: which hall each kiosk stands in, maintenance mode, and what
//! its last heartbeat said.

use kiosk_core::api::{Heartbeat, KioskStatus, LocalizedText, MaintenanceRequest};
use rusqlite::{Connection, OptionalExtension, params};

pub fn status(conn: &Connection, kiosk_id: &str) -> rusqlite::Result<Option<KioskStatus>> {
    conn.prepare_cached(
        "SELECT maintenance, message_zh, message_en, hall_id FROM kiosks WHERE id = ?1",
    )?
    .query_row([kiosk_id], |r| {
        let zh: Option<String> = r.get(1)?;
        let en: Option<String> = r.get(2)?;
        Ok(KioskStatus {
            maintenance: r.get(0)?,
            message: zh.zip(en).map(|(zh_cn, en)| LocalizedText { zh_cn, en }),
            hall_id: r.get(3)?,
        })
    })
    .optional()
}

/// Records a heartbeat; `false` for an unknown kiosk.
pub fn heartbeat(
    conn: &Connection,
    kiosk_id: &str,
    beat: &Heartbeat,
    now_unix: i64,
) -> rusqlite::Result<bool> {
    let clamp = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    let n = conn
        .prepare_cached(
            "UPDATE kiosks SET last_seen_unix = ?2, version = ?3, uptime_s = ?4,
                 last_interaction_s = ?5, errors = ?6
             WHERE id = ?1",
        )?
        .execute(params![
            kiosk_id,
            now_unix,
            beat.version,
            clamp(beat.uptime_s),
            clamp(beat.last_interaction_s),
            clamp(beat.errors),
        ])?;
    Ok(n == 1)
}

/// When the kiosk last sent a heartbeat (Unix seconds).
pub fn last_seen(conn: &Connection, kiosk_id: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT last_seen_unix FROM kiosks WHERE id = ?1",
        [kiosk_id],
        |r| r.get(0),
    )
    .optional()
    .map(Option::flatten)
}

pub fn set_maintenance(
    conn: &Connection,
    kiosk_id: &str,
    req: &MaintenanceRequest,
) -> rusqlite::Result<Option<KioskStatus>> {
    let message = req.message.as_ref().filter(|_| req.maintenance);
    conn.prepare_cached(
        "UPDATE kiosks SET maintenance = ?2, message_zh = ?3, message_en = ?4 WHERE id = ?1",
    )?
    .execute(params![
        kiosk_id,
        req.maintenance,
        message.map(|m| m.zh_cn.as_str()),
        message.map(|m| m.en.as_str()),
    ])?;
    status(conn, kiosk_id)
}
