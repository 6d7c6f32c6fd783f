//! Console users (`users`, `user_halls`) and the sign-in lockout per login name
//! (`console_lockouts`).

use kiosk_core::console::{FAILURES_FORGOTTEN_S, Role, SIGN_IN_FAILURES_MAX, lockout_seconds};

use super::{DbError, Row, Tx, staff};
use crate::security;

/// A user as stored, without the password hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub display_name: String,
    pub role: Role,
    pub halls: Vec<String>,
    pub disabled: bool,
    pub version: i64,
    pub created_at: String,
}

fn role(r: &Row) -> Result<Role, DbError> {
    let name: String = r.get("role")?;
    Role::parse(&name).ok_or_else(|| DbError::Conversion(format!("unknown role {name:?}")))
}

fn from_row(tx: &mut Tx<'_>, r: &Row) -> Result<User, DbError> {
    let id: String = r.get("id")?;
    Ok(User {
        halls: halls(tx, &id)?,
        display_name: r.get("display_name")?,
        role: role(r)?,
        disabled: r.get("disabled")?,
        version: r.get("version")?,
        created_at: r.get("created_at")?,
        id,
    })
}

const COLUMNS: &str = "id, display_name, role, disabled, version, created_at";

pub fn find(tx: &mut Tx<'_>, id: &str) -> Result<Option<User>, DbError> {
    match tx.query_opt(
        &format!("SELECT {COLUMNS} FROM users WHERE id = $1"),
        &[&id],
    )? {
        Some(r) => from_row(tx, &r).map(Some),
        None => Ok(None),
    }
}

/// Every user, by id.
pub fn list(tx: &mut Tx<'_>) -> Result<Vec<User>, DbError> {
    let rows = tx.query(&format!("SELECT {COLUMNS} FROM users ORDER BY id"), &[])?;
    rows.iter().map(|r| from_row(tx, r)).collect()
}

/// The user and the argon2 hash a sign-in checks.
pub fn with_password_hash(tx: &mut Tx<'_>, id: &str) -> Result<Option<(User, String)>, DbError> {
    let Some(user) = find(tx, id)? else {
        return Ok(None);
    };
    let hash: String = tx.query_value("SELECT password_hash FROM users WHERE id = $1", &[&id])?;
    Ok(Some((user, hash)))
}

pub fn halls(tx: &mut Tx<'_>, id: &str) -> Result<Vec<String>, DbError> {
    tx.query(
        "SELECT hall_id FROM user_halls WHERE user_id = $1 ORDER BY hall_id",
        &[&id],
    )?
    .iter()
    .map(|r| r.get(0))
    .collect()
}

/// Of `halls`, those no hall has as its id.
pub fn unknown_halls(tx: &mut Tx<'_>, halls: &[String]) -> Result<Vec<String>, DbError> {
    let mut unknown = Vec::new();
    for hall in halls {
        // Hall ids follow the kiosk id rule; anything else (a NUL, say, which
        // PostgreSQL cannot even compare) is unknown without asking.
        let known = crate::config::kiosk_id(hall).is_ok()
            && tx.query_value::<bool>(
                "SELECT EXISTS (SELECT 1 FROM halls WHERE id = $1)",
                &[&hall.as_str()],
            )?;
        if !known {
            unknown.push(hall.clone());
        }
    }
    Ok(unknown)
}

/// A user to add; `password_hash` is argon2id.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    pub id: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub halls: &'a [String],
    pub password_hash: &'a str,
    pub created_at: &'a str,
    pub created_unix: i64,
}

/// Adds a user; `false` if the id is taken.
pub fn insert(tx: &mut Tx<'_>, user: &NewUser<'_>) -> Result<bool, DbError> {
    let added = tx.execute(
        "INSERT INTO users (id, display_name, role, password_hash, created_at, created_unix)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        &[
            &user.id,
            &user.display_name,
            &user.role.as_str(),
            &user.password_hash,
            &user.created_at,
            &user.created_unix,
        ],
    )? == 1;
    if added {
        set_halls(tx, user.id, user.halls)?;
    }
    Ok(added)
}

fn set_halls(tx: &mut Tx<'_>, id: &str, halls: &[String]) -> Result<(), DbError> {
    tx.execute("DELETE FROM user_halls WHERE user_id = $1", &[&id])?;
    for hall in halls {
        tx.execute(
            "INSERT INTO user_halls (user_id, hall_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&id, hall],
        )?;
    }
    Ok(())
}

/// The editable state of a user.
#[derive(Clone, Debug)]
pub struct Edit<'a> {
    pub display_name: &'a str,
    pub role: Role,
    pub halls: &'a [String],
    pub disabled: bool,
}

/// Applies `edit` if the user is still at `version`; the new version, or `None`
/// when the user is gone or someone else changed it first. The conditional
/// UPDATE holds across server instances: on PostgreSQL the second of two edits
/// waits for the first's row lock and then finds the version moved on.
pub fn update(
    tx: &mut Tx<'_>,
    id: &str,
    version: i64,
    edit: &Edit<'_>,
) -> Result<Option<i64>, DbError> {
    let row = tx.query_opt(
        "UPDATE users SET display_name = $3, role = $4, disabled = $5, version = version + 1
         WHERE id = $1 AND version = $2
         RETURNING version",
        &[
            &id,
            &version,
            &edit.display_name,
            &edit.role.as_str(),
            &edit.disabled,
        ],
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    set_halls(tx, id, edit.halls)?;
    Ok(Some(row.get(0)?))
}

/// Disables a user (the CLI); `false` for an unknown one.
pub fn disable(tx: &mut Tx<'_>, id: &str) -> Result<bool, DbError> {
    Ok(tx.execute(
        "UPDATE users SET disabled = $2, version = version + 1 WHERE id = $1",
        &[&id, &true],
    )? == 1)
}

/// Replaces a user's password hash; `false` for an unknown user. The version
/// stays: a new password does not make an open edit of the profile stale.
pub fn set_password(tx: &mut Tx<'_>, id: &str, password_hash: &str) -> Result<bool, DbError> {
    Ok(tx.execute(
        "UPDATE users SET password_hash = $2 WHERE id = $1",
        &[&id, &password_hash],
    )? == 1)
}

/// Province admins who can still sign in.
pub fn active_province_admins(tx: &mut Tx<'_>) -> Result<i64, DbError> {
    tx.query_value(
        "SELECT COUNT(*) FROM users WHERE role = $1 AND disabled = $2",
        &[&Role::ProvinceAdmin.as_str(), &false],
    )
}

/// The key of a login name's lockout row: an HMAC under a secret kept in the
/// database (so the CLI and every server instance compute the same one).
pub fn login_key(tx: &mut Tx<'_>, login: &str) -> Result<String, DbError> {
    let (key, _) = staff::secret(tx, "console_login_key", || {
        security::random_bytes::<32>().to_vec()
    })?;
    Ok(security::keyed_hash(&key, login))
}

/// Until when (Unix seconds) the name's sign-in is locked, if it is at `now`.
pub fn locked_until(tx: &mut Tx<'_>, key: &str, now: i64) -> Result<Option<i64>, DbError> {
    let until: Option<i64> = tx
        .query_opt(
            "SELECT locked_until_unix FROM console_lockouts WHERE login_key = $1",
            &[&key],
        )?
        .map(|r| r.get(0))
        .transpose()?;
    Ok(until.filter(|u| *u > now))
}

/// Counts a failed sign-in. Returns the lockout length in seconds if this
/// failure started one (the fifth in a row; each repeat lockout doubles).
pub fn record_failure(tx: &mut Tx<'_>, key: &str, now: i64) -> Result<Option<i64>, DbError> {
    // Names tried once and never again are forgotten, so rows of names that
    // belong to nobody do not pile up.
    tx.execute(
        "DELETE FROM console_lockouts WHERE updated_unix < $1 AND locked_until_unix < $2",
        &[&(now - FAILURES_FORGOTTEN_S), &now],
    )?;
    let row = tx.query_row(
        "INSERT INTO console_lockouts (login_key, failures, updated_unix) VALUES ($1, 1, $2)
         ON CONFLICT (login_key) DO UPDATE
             SET failures = console_lockouts.failures + 1, updated_unix = excluded.updated_unix
         RETURNING failures, lockouts",
        &[&key, &now],
    )?;
    let (failures, lockouts): (u32, u32) = (row.get(0)?, row.get(1)?);
    if failures < SIGN_IN_FAILURES_MAX {
        return Ok(None);
    }
    let seconds = lockout_seconds(lockouts);
    tx.execute(
        "UPDATE console_lockouts SET failures = 0, lockouts = lockouts + 1,
             locked_until_unix = $2
         WHERE login_key = $1",
        &[&key, &(now + seconds)],
    )?;
    Ok(Some(seconds))
}

/// A right password, an admin's reset or `admin user unlock` clears the name's
/// failures and lockouts; whether there were any.
pub fn clear_failures(tx: &mut Tx<'_>, key: &str) -> Result<bool, DbError> {
    Ok(tx.execute("DELETE FROM console_lockouts WHERE login_key = $1", &[&key])? > 0)
}
