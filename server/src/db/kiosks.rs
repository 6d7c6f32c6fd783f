//! The `kiosks` table: which hall each kiosk stands in, maintenance mode, and what
//! its last heartbeat said.

use super::{DbError, Tx};
use kiosk_core::{
    api::{Heartbeat, KioskStatus, LocalizedText, MaintenanceRequest},
    hall_time::HallTime,
};

pub fn status(tx: &mut Tx<'_>, kiosk_id: &str) -> Result<Option<KioskStatus>, DbError> {
    tx.query_opt(
        "SELECT maintenance, message_zh, message_en, hall_id, back_at_unix
         FROM kiosks WHERE id = $1",
        &[&kiosk_id],
    )?
    .map(|r| {
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
    .transpose()
}

/// Records a heartbeat; `false` for an unknown kiosk.
pub fn heartbeat(
    tx: &mut Tx<'_>,
    kiosk_id: &str,
    beat: &Heartbeat,
    now_unix: i64,
) -> Result<bool, DbError> {
    let n = tx.execute(
        "UPDATE kiosks SET last_seen_unix = $2, version = $3, uptime_s = $4,
             last_interaction_s = $5, errors = $6
         WHERE id = $1",
        &[
            &kiosk_id,
            &now_unix,
            &beat.version,
            &beat.uptime_s,
            &beat.last_interaction_s,
            &beat.errors,
        ],
    )?;
    Ok(n == 1)
}

/// When the kiosk last sent a heartbeat (Unix seconds).
pub fn last_seen(tx: &mut Tx<'_>, kiosk_id: &str) -> Result<Option<i64>, DbError> {
    Ok(tx
        .query_opt(
            "SELECT last_seen_unix FROM kiosks WHERE id = $1",
            &[&kiosk_id],
        )?
        .map(|r| r.get::<Option<i64>>(0))
        .transpose()?
        .flatten())
}

/// Switches maintenance; `back_at` is `req.back_at` as checked by the caller. The
/// message and `back_at` are kept only while maintenance is on.
pub fn set_maintenance(
    tx: &mut Tx<'_>,
    kiosk_id: &str,
    req: &MaintenanceRequest,
    back_at: Option<HallTime>,
) -> Result<Option<KioskStatus>, DbError> {
    let message = req.message.as_ref().filter(|_| req.maintenance);
    let back_at = back_at.filter(|_| req.maintenance);
    tx.execute(
        "UPDATE kiosks SET maintenance = $2, message_zh = $3, message_en = $4,
             back_at_unix = $5
         WHERE id = $1",
        &[
            &kiosk_id,
            &req.maintenance,
            &message.map(|m| m.zh_cn.as_str()),
            &message.map(|m| m.en.as_str()),
            &back_at.map(HallTime::unix),
        ],
    )?;
    status(tx, kiosk_id)
}
