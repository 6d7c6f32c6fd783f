//! The `kiosks` table: which hall each kiosk stands in, maintenance mode, and what
//! its last heartbeat said.

use kiosk_core::{
    api::{Heartbeat, KioskStatus, LocalizedText, MaintenanceRequest},
    hall_time::HallTime,
};
use rusqlite::{Connection, OptionalExtension, params};

pub fn status(conn: &Connection, kiosk_id: &str) -> rusqlite::Result<Option<KioskStatus>> {
    conn.prepare_cached(
        "SELECT maintenance, message_zh, message_en, hall_id, back_at_unix
         FROM kiosks WHERE id = ?1",
    )?
    .query_row([kiosk_id], |r| {
        let zh: Option<String> = r.get(1)?;
        let en: Option<String> = r.get(2)?;
        let back_at: Option<i64> = r.get(4)?;
        Ok(KioskStatus {
            maintenance: r.get(0)?,
            message: zh.zip(en).map(|(zh_cn, en)| LocalizedText { zh_cn, en }),
            back_at: back_at
                .and_then(HallTime::checked_from_unix)
                .map(HallTime::to_rfc3339),
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

/// Switches maintenance; `back_at` is `req.back_at` as checked by the caller. The
/// message and `back_at` are kept only while maintenance is on.
pub fn set_maintenance(
    conn: &Connection,
    kiosk_id: &str,
    req: &MaintenanceRequest,
    back_at: Option<HallTime>,
) -> rusqlite::Result<Option<KioskStatus>> {
    let message = req.message.as_ref().filter(|_| req.maintenance);
    let back_at = back_at.filter(|_| req.maintenance);
    conn.prepare_cached(
        "UPDATE kiosks SET maintenance = ?2, message_zh = ?3, message_en = ?4,
             back_at_unix = ?5
         WHERE id = ?1",
    )?
    .execute(params![
        kiosk_id,
        req.maintenance,
        message.map(|m| m.zh_cn.as_str()),
        message.map(|m| m.en.as_str()),
        back_at.map(HallTime::unix),
    ])?;
    status(conn, kiosk_id)
}
