//! The `audit_log` table: who did what to which record, when, and from where.
//! Rows are only ever added (the database's triggers refuse UPDATE and DELETE).
//! Each is written in the transaction of the change it describes, so a change
//! is never kept without its record, nor a record without its change.

use kiosk_core::{api::AuditEntry, hall_time::HallTime};
use serde_json::Value;

use super::{DbError, Tx};

/// What was done. The names are the `action` column and the `action` filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SignIn,
    /// A wrong password, a name that belongs to nobody, or a disabled user.
    SignInFailed,
    /// Refused because the name's sign-in is locked.
    SignInLocked,
    SignOut,
    UserCreate,
    UserUpdate,
    UserPasswordReset,
    UserUnlock,
    /// The full phone number of a callback request or an appointment was shown.
    PhoneReveal,
    HallCreate,
    HallUpdate,
    HoursUpdate,
    ClosureCreate,
    ClosureDelete,
    /// A service offered or not, or its seats per slot.
    ServiceUpdate,
    /// One slot's seats.
    SlotUpdate,
    /// Arrived or no-show at the counter.
    CheckIn,
    /// A kiosk registered from the console (its secret is never recorded).
    KioskRegister,
    KioskMaintenance,
    /// Legal-aid standards uploaded and put in force.
    StandardsApply,
    /// A 12348 operator took a callback request before calling.
    CallbackClaim,
    /// ... and gave it back without a call.
    CallbackRelease,
    /// What came of a call (the note's text is never recorded).
    CallbackOutcome,
    CallbackNote,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SignInLocked => "sign_in_locked",
            Action::SignOut => "sign_out",
            Action::UserCreate => "user_create",
            Action::UserUpdate => "user_update",
            Action::UserPasswordReset => "user_password_reset",
            Action::UserUnlock => "user_unlock",
            Action::PhoneReveal => "phone_reveal",
            Action::HallCreate => "hall_create",
            Action::HallUpdate => "hall_update",
            Action::HoursUpdate => "hours_update",
            Action::ClosureCreate => "closure_create",
            Action::ClosureDelete => "closure_delete",
            Action::ServiceUpdate => "service_update",
            Action::SlotUpdate => "slot_update",
            Action::CheckIn => "check_in",
            Action::KioskRegister => "kiosk_register",
            Action::KioskMaintenance => "kiosk_maintenance",
            Action::StandardsApply => "standards_apply",
            Action::CallbackClaim => "callback_claim",
            Action::CallbackRelease => "callback_release",
            Action::CallbackOutcome => "callback_outcome",
            Action::CallbackNote => "callback_note",
        }
    }
}

/// Where a request came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Client {
    /// The peer's address (behind a proxy, the proxy's).
    pub addr: Option<String>,
    /// `X-Forwarded-For` as sent: what a proxy says, kept but not trusted.
    pub forwarded_for: Option<String>,
}

/// The record an action concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target<'a> {
    pub kind: &'static str,
    pub id: Option<&'a str>,
}

impl<'a> Target<'a> {
    pub const NONE: Target<'static> = Target { kind: "", id: None };

    pub fn user(id: &'a str) -> Self {
        Self {
            kind: "user",
            id: Some(id),
        }
    }

    pub fn callback(reference: &'a str) -> Self {
        Self {
            kind: "callback",
            id: Some(reference),
        }
    }

    pub fn hall(id: &'a str) -> Self {
        Self {
            kind: "hall",
            id: Some(id),
        }
    }

    pub fn appointment(reference: &'a str) -> Self {
        Self {
            kind: "appointment",
            id: Some(reference),
        }
    }

    pub fn kiosk(id: &'a str) -> Self {
        Self {
            kind: "kiosk",
            id: Some(id),
        }
    }
}

/// One line to add. `detail` must hold no personal data: ids, roles, field
/// names, reasons — never a name, a phone number or a password.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// Who acted: `None` for the CLI and for names that belong to nobody.
    pub user: Option<&'a str>,
    pub action: Action,
    pub target: Target<'a>,
    pub detail: Value,
    pub client: &'a Client,
}

/// RFC 3339 at the hall's offset, to the second (the API's other times are
/// whole minutes; an audit line needs the order of events within one).
pub fn timestamp(unix: i64) -> String {
    let t = HallTime::from_unix(unix);
    format!(
        "{}T{}:{:02}+08:00",
        t.date(),
        t.clock(),
        unix.rem_euclid(60)
    )
}

/// Adds a line; call it inside the transaction of the change it describes.
pub fn record(tx: &mut Tx<'_>, now: i64, entry: &Entry<'_>) -> Result<(), DbError> {
    let kind = (!entry.target.kind.is_empty()).then_some(entry.target.kind);
    tx.execute(
        "INSERT INTO audit_log (at, at_unix, user_id, action, target_kind, target_id, detail,
             client_addr, forwarded_for)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &timestamp(now),
            &now,
            &entry.user,
            &entry.action.as_str(),
            &kind,
            &entry.target.id,
            &entry.detail.to_string(),
            &entry.client.addr.as_deref(),
            &entry.client.forwarded_for.as_deref(),
        ],
    )?;
    Ok(())
}

/// Records that `user` was shown the full phone number of callback `reference`:
/// for the 12348 desk's "show number", in the transaction that answers it.
pub fn record_phone_reveal(
    tx: &mut Tx<'_>,
    now: i64,
    user: &str,
    reference: &str,
    client: &Client,
) -> Result<(), DbError> {
    record(
        tx,
        now,
        &Entry {
            user: Some(user),
            action: Action::PhoneReveal,
            target: Target::callback(reference),
            detail: Value::Object(serde_json::Map::new()),
            client,
        },
    )
}

/// Which lines to read; every filter is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub user: Option<String>,
    pub action: Option<String>,
    pub target_kind: Option<String>,
    pub target_id: Option<String>,
    /// At or after (Unix seconds).
    pub from_unix: Option<i64>,
    /// Before (Unix seconds).
    pub to_unix: Option<i64>,
    /// Lines with a smaller id only: the next page.
    pub before: Option<i64>,
    pub limit: u32,
}

/// Matching lines, newest first, at most `filter.limit`.
pub fn list(tx: &mut Tx<'_>, filter: &Filter) -> Result<Vec<AuditEntry>, DbError> {
    // CAST(… IS NULL) makes an absent filter match everything, with one
    // statement for both databases (PostgreSQL needs the parameter's type).
    tx.query(
        "SELECT a.id, a.at, a.user_id, u.display_name, a.action, a.target_kind, a.target_id,
             a.detail, a.client_addr, a.forwarded_for
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         WHERE (CAST($1 AS TEXT) IS NULL OR a.user_id = $1)
           AND (CAST($2 AS TEXT) IS NULL OR a.action = $2)
           AND (CAST($3 AS TEXT) IS NULL OR a.target_kind = $3)
           AND (CAST($4 AS TEXT) IS NULL OR a.target_id = $4)
           AND (CAST($5 AS BIGINT) IS NULL OR a.at_unix >= $5)
           AND (CAST($6 AS BIGINT) IS NULL OR a.at_unix < $6)
           AND (CAST($7 AS BIGINT) IS NULL OR a.id < $7)
         ORDER BY a.id DESC
         LIMIT $8",
        &[
            &filter.user,
            &filter.action,
            &filter.target_kind,
            &filter.target_id,
            &filter.from_unix,
            &filter.to_unix,
            &filter.before,
            &i64::from(filter.limit),
        ],
    )?
    .iter()
    .map(|r| {
        let detail: String = r.get("detail")?;
        Ok(AuditEntry {
            id: r.get("id")?,
            at: r.get("at")?,
            user: r.get("user_id")?,
            user_name: r.get("display_name")?,
            action: r.get("action")?,
            target_kind: r.get("target_kind")?,
            target_id: r.get("target_id")?,
            detail: serde_json::from_str(&detail)
                .map_err(|e| DbError::Conversion(format!("audit detail: {e}")))?,
            client_addr: r.get("client_addr")?,
            forwarded_for: r.get("forwarded_for")?,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_keep_the_seconds_at_the_hall_offset() {
        // Monday 2026-11-30 08:00:07 at the hall.
        assert_eq!(
            timestamp(1_795_996_807),
            "2026-11-30T08:00:07+08:00".to_owned()
        );
    }
}
