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
            central: None,
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
             last_interaction_s = $5, errors = $6, heartbeat_s = $7, outbox_depth = $8
         WHERE id = $1",
        &[
            &kiosk_id,
            &now_unix,
            &beat.version,
            &beat.uptime_s,
            &beat.last_interaction_s,
            &beat.errors,
            &beat.interval_s,
            &beat.outbox,
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

/// What the database says about a kiosk's credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KioskKey {
    Unknown,
    /// Registered without a secret: its browser runs on the server's own PC.
    Local,
    /// Its secret was revoked: nothing may act as it until it gets a new one.
    Revoked,
    /// SHA-256 of its secret, hex.
    Hash(String),
}

/// Stored in place of a hash: no SHA-256 hex string equals it.
const REVOKED: &str = "revoked";

pub fn key(tx: &mut Tx<'_>, kiosk_id: &str) -> Result<KioskKey, DbError> {
    Ok(
        match tx.query_opt("SELECT key_hash FROM kiosks WHERE id = $1", &[&kiosk_id])? {
            None => KioskKey::Unknown,
            Some(r) => match r.get::<Option<String>>(0)? {
                None => KioskKey::Local,
                Some(h) if h == REVOKED => KioskKey::Revoked,
                Some(h) => KioskKey::Hash(h),
            },
        },
    )
}

/// Revokes a kiosk's secret (or a local kiosk's trust); `false` for an unknown kiosk.
pub fn revoke(tx: &mut Tx<'_>, kiosk_id: &str) -> Result<bool, DbError> {
    set_key(tx, kiosk_id, Some(REVOKED))
}

/// Registers a kiosk in a hall; `false` if the id is taken.
pub fn add(
    tx: &mut Tx<'_>,
    kiosk_id: &str,
    hall_id: &str,
    key_hash: Option<&str>,
) -> Result<bool, DbError> {
    Ok(tx.execute(
        "INSERT INTO kiosks (id, hall_id, key_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        &[&kiosk_id, &hall_id, &key_hash],
    )? == 1)
}

/// Replaces (or with `None` removes) a kiosk's secret; `false` for an unknown kiosk.
pub fn set_key(tx: &mut Tx<'_>, kiosk_id: &str, key_hash: Option<&str>) -> Result<bool, DbError> {
    Ok(tx.execute(
        "UPDATE kiosks SET key_hash = $2 WHERE id = $1",
        &[&kiosk_id, &key_hash],
    )? == 1)
}

/// A kiosk as the back office lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskRow {
    pub id: String,
    pub hall_id: String,
    pub key: KioskKey,
    pub maintenance: bool,
    pub last_seen_unix: Option<i64>,
    pub heartbeat_s: Option<u64>,
    pub version: Option<String>,
    pub errors: Option<u64>,
    pub last_interaction_s: Option<u64>,
}

impl KioskRow {
    pub fn online(&self, now: i64) -> bool {
        kiosk_core::api::kiosk_online(self.last_seen_unix, self.heartbeat_s, now)
    }
}

/// Every kiosk, or those of one hall, by id.
pub fn list(tx: &mut Tx<'_>, hall_id: Option<&str>) -> Result<Vec<KioskRow>, DbError> {
    tx.query(
        "SELECT id, hall_id, key_hash, maintenance, last_seen_unix,
             heartbeat_s, version, errors, last_interaction_s
         FROM kiosks WHERE hall_id = COALESCE($1, hall_id) ORDER BY id",
        &[&hall_id],
    )?
    .iter()
    .map(|r| {
        Ok(KioskRow {
            id: r.get("id")?,
            hall_id: r.get("hall_id")?,
            key: match r.get::<Option<String>>("key_hash")? {
                None => KioskKey::Local,
                Some(h) if h == REVOKED => KioskKey::Revoked,
                // The hash itself is not for listing.
                Some(_) => KioskKey::Hash(String::new()),
            },
            maintenance: r.get("maintenance")?,
            last_seen_unix: r.get("last_seen_unix")?,
            heartbeat_s: r.get("heartbeat_s")?,
            version: r.get("version")?,
            errors: r.get("errors")?,
            last_interaction_s: r.get("last_interaction_s")?,
        })
    })
    .collect()
}
