//! The back office's rules, shared by the server and the console app so both
//! refuse the same input and show the same limits: roles, user ids, passwords,
//! sign-in lockout, session lifetimes, and the names of the session cookie and
//! the CSRF header.

use serde::{Deserialize, Serialize};

/// What a console user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A 12348 operator: the callback desk.
    Operator,
    /// Runs one or more halls (their profile, hours, appointments, kiosks).
    HallAdmin,
    /// Runs the province: halls, users, standards, statistics, the audit log.
    ProvinceAdmin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Operator, Role::HallAdmin, Role::ProvinceAdmin];

    /// The name in the API, the database and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::HallAdmin => "hall_admin",
            Role::ProvinceAdmin => "province_admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether users of this role administer a list of halls (and need one).
    pub fn has_halls(self) -> bool {
        self == Role::HallAdmin
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Shortest password, in characters: long passphrases beat composition rules
/// (NIST SP 800-63B), and a console reaches every hall's data.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password, in characters: enough for any passphrase or manager, and it
/// bounds the work one sign-in can ask of argon2.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Wrong passwords in a row that lock a user's sign-in.
pub const SIGN_IN_FAILURES_MAX: u32 = 5;
/// The first lockout; each further one doubles it.
pub const LOCKOUT_S: i64 = 15 * 60;
/// A name's failures are forgotten after this long without an attempt, once no
/// lockout is running.
pub const FAILURES_FORGOTTEN_S: i64 = 24 * 3600;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_S: i64 = 15 * 60;
/// A session ends this long after sign-in, however busy: a shift, with margin.
pub const SESSION_MAX_S: i64 = 12 * 3600;

/// The session cookie (HttpOnly: the app never reads it).
pub const SESSION_COOKIE: &str = "legal_kiosk_console";
/// Every console request other than GET sends the session's CSRF token here.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Longest user id (login name).
pub const USER_ID_MAX: usize = 32;
/// Longest display name, in characters.
pub const DISPLAY_NAME_MAX: usize = 60;

/// How long the lockout that the `lockouts`-th (0-based) one is lasts.
pub fn lockout_seconds(lockouts: u32) -> i64 {
    LOCKOUT_S << lockouts.min(10)
}

/// A user id: 2 to 32 of `a-z 0-9 . _ -`, starting with a letter or digit, so it
/// reads the same in a URL, a log line and the audit log. Lower case only: two
/// accounts cannot differ by case alone.
pub fn is_user_id(id: &str) -> bool {
    (2..=USER_ID_MAX).contains(&id.len())
        && id
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_' || b == b'-'
        })
}

/// What people type at sign-in: surrounding spaces and capitals do not matter.
pub fn normalize_user_id(typed: &str) -> String {
    typed.trim().to_ascii_lowercase()
}

/// Why a password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
}

/// Length is the rule; any characters (spaces, CJK) count.
pub fn check_password(password: &str) -> Result<(), PasswordProblem> {
    let n = password.chars().count();
    if n < PASSWORD_MIN_CHARS {
        Err(PasswordProblem::TooShort)
    } else if n > PASSWORD_MAX_CHARS {
        Err(PasswordProblem::TooLong)
    } else {
        Ok(())
    }
}

/// A display name: 1 to 60 characters after trimming, no control characters.
pub fn is_display_name(name: &str) -> bool {
    let name = name.trim();
    (1..=DISPLAY_NAME_MAX).contains(&name.chars().count()) && !name.chars().any(char::is_control)
}

/// Field errors as the API sends them: field name → machine codes.
pub type FieldErrors = std::collections::BTreeMap<String, Vec<String>>;

/// Adds `code` to `field`'s errors.
pub fn push_error(errors: &mut FieldErrors, field: &str, code: &str) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(code.to_owned());
}

/// The checks of a user's name, role and halls, with the API's codes: the
/// console makes them before sending, the server again on receipt.
pub fn check_profile(errors: &mut FieldErrors, display_name: &str, role: Role, halls: &[String]) {
    if !is_display_name(display_name) {
        push_error(errors, "display_name", "invalid_display_name");
    }
    match (role.has_halls(), halls.is_empty()) {
        (true, true) => push_error(errors, "halls", "halls_required"),
        (false, false) => push_error(errors, "halls", "halls_not_allowed"),
        _ => {}
    }
}

/// A new password's check, as the field error `password`.
pub fn check_new_password(errors: &mut FieldErrors, password: &str) {
    match check_password(password) {
        Ok(()) => {}
        Err(PasswordProblem::TooShort) => push_error(errors, "password", "password_too_short"),
        Err(PasswordProblem::TooLong) => push_error(errors, "password", "password_too_long"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert_eq!(
                serde_json::to_value(role).unwrap(),
                serde_json::json!(role.as_str())
            );
        }
        assert_eq!(Role::parse("admin"), None);
        assert!(Role::HallAdmin.has_halls());
        assert!(!Role::Operator.has_halls());
    }

    #[test]
    fn user_ids_are_short_lower_case_names() {
        for good in ["li.na", "op-01", "wang_wei", "a1", "12348desk"] {
            assert!(is_user_id(good), "{good}");
        }
        let long = "a".repeat(USER_ID_MAX + 1);
        for bad in [
            "",
            "a",
            "Li",
            "li na",
            "-op",
            ".x",
            "用户",
            "a\0b",
            long.as_str(),
        ] {
            assert!(!is_user_id(bad), "{bad:?}");
        }
        assert_eq!(normalize_user_id("  Li.Na "), "li.na");
    }

    #[test]
    fn passwords_are_judged_by_length_in_characters() {
        assert_eq!(
            check_password("eleven char"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(check_password("twelve chars"), Ok(()));
        assert_eq!(check_password("法律服务中心法律服务中心"), Ok(()));
        assert_eq!(
            check_password(&"x".repeat(PASSWORD_MAX_CHARS + 1)),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn lockouts_double_and_stop_growing() {
        assert_eq!(lockout_seconds(0), 15 * 60);
        assert_eq!(lockout_seconds(1), 30 * 60);
        assert_eq!(lockout_seconds(2), 60 * 60);
        assert_eq!(lockout_seconds(40), lockout_seconds(10));
    }

    #[test]
    fn display_names_are_trimmed_and_printable() {
        assert!(is_display_name("张三"));
        assert!(is_display_name(" Li Na "));
        assert!(!is_display_name("  "));
        assert!(!is_display_name("a\nb"));
        assert!(!is_display_name(&"名".repeat(DISPLAY_NAME_MAX + 1)));
    }
}
