//! What the booking and callback flows share, apart from their screens: the
//! versions of the notices a visitor agrees to, phone checks as digits are typed,
//! the idempotency key of a submission, and the words for the server's refusals.
//! Pure and tested natively.

use kiosk_core::validate::{PhoneError, normalize_mobile, normalize_phone};

use crate::i18n::Msg;

/// Version of the booking notice (sent with the booking; change it with the text).
pub const BOOKING_NOTICE_VERSION: &str = "booking-2026-11";
/// Version of the callback notice.
pub const CALLBACK_NOTICE_VERSION: &str = "callback-2026-11";

/// Which phone numbers a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// 11-digit mobile numbers (bookings: the hall may send a reminder text).
    Mobile,
    /// Mobile or landline (a callback can ring either).
    Any,
}

/// Most digits a phone field takes: 11 for a mobile, 12 for `0` + 3-digit area
/// code + 8 digits.
pub fn phone_max_len(kind: PhoneKind) -> usize {
    match kind {
        PhoneKind::Mobile => 11,
        PhoneKind::Any => 12,
    }
}

/// A problem that is already certain while the visitor is still typing, so it is
/// said at once instead of after they finish: a mobile number that does not start
/// with 1, a second digit no mobile has, or a complete number that is not valid.
pub fn phone_problem_as_typed(digits: &str, kind: PhoneKind) -> Option<Msg> {
    let b = digits.as_bytes();
    let landline = kind == PhoneKind::Any && b.first() == Some(&b'0');
    if b.is_empty() || landline {
        // A landline's length depends on its area code: judged on Continue.
        return None;
    }
    if b[0] != b'1' {
        return Some(match kind {
            PhoneKind::Mobile => Msg::PhoneStartsWithOne,
            PhoneKind::Any => Msg::PhoneStartsWithOneOrZero,
        });
    }
    if b.len() >= 2 && !(b'3'..=b'9').contains(&b[1]) {
        return Some(Msg::PhoneNotMobile);
    }
    None
}

/// The problem with a finished phone number, if any, and the number to send.
pub fn phone_final(digits: &str, kind: PhoneKind) -> Result<String, Msg> {
    if let Some(problem) = phone_problem_as_typed(digits, kind) {
        return Err(problem);
    }
    let result = match kind {
        PhoneKind::Mobile => normalize_mobile(digits),
        PhoneKind::Any => normalize_phone(digits),
    };
    result.map_err(|e| match e {
        PhoneError::Empty => Msg::PhoneEmpty,
        PhoneError::NotLandline => Msg::PhoneNotLandline,
        PhoneError::Characters | PhoneError::NotMobile => {
            if digits.starts_with('1') && digits.len() < 11 {
                Msg::PhoneTooShort
            } else {
                Msg::PhoneNotMobile
            }
        }
    })
}

/// The idempotency key of one submission: made when the visitor first presses
/// confirm, reused for every retry and every later press while the request is the
/// same (so "not sent, press again" can never make two rows), and replaced when
/// the visitor changed an answer (a different request is a different submission).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission<R> {
    sent: Option<(R, String)>,
}

impl<R> Default for Submission<R> {
    fn default() -> Self {
        Self { sent: None }
    }
}

impl<R: PartialEq + Clone> Submission<R> {
    /// The key for sending `request`, made by `new_key` only when needed.
    pub fn key_for(&mut self, request: &R, new_key: impl FnOnce() -> String) -> String {
        match &self.sent {
            Some((previous, key)) if previous == request => key.clone(),
            _ => {
                let key = new_key();
                self.sent = Some((request.clone(), key.clone()));
                key
            }
        }
    }

    /// Forgets the key once the submission is done (confirmed or refused).
    pub fn finish(&mut self) {
        self.sent = None;
    }
}

/// Where a submission stands, for the confirm button and its status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitState {
    Ready,
    /// Sending (and retrying): the button cannot be pressed again.
    Sending,
    /// Still no answer after retrying: nothing was saved; ask staff or call 12348.
    NotSent,
    /// The server refused it for a reason the visitor can act on.
    Refused(Msg),
}

/// The visitor's words for a refusal, from the machine codes of the problem's
/// `errors` map (the first one this kiosk knows), or a general line.
pub fn refusal_message(problem: &kiosk_core::api::Problem) -> Msg {
    problem
        .errors
        .values()
        .flatten()
        .find_map(|code| code_message(code))
        .unwrap_or(Msg::RefusedGeneral)
}

fn code_message(code: &str) -> Option<Msg> {
    Some(match code {
        "slot_full" => Msg::SlotTaken,
        "invalid_slot" | "slot_in_past" => Msg::SlotGone,
        "duplicate_booking" => Msg::DuplicateBooking,
        "invalid_phone" => Msg::PhoneNotMobile,
        "name_required" => Msg::NameRequired,
        "name_too_long" => Msg::NameTooLong,
        "id_number_required" => Msg::IdEmpty,
        "invalid_id_number" => Msg::IdInvalid,
        "too_many_callbacks" => Msg::TooManyCallbacks,
        "invalid_preferred_date" => Msg::ChooseWhen,
        "consent_required" => Msg::ConsentRequired,
        "note_too_long" => Msg::NoteTooLong,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use kiosk_core::api::Problem;

    use super::*;

    #[test]
    fn certain_phone_problems_are_said_while_typing() {
        use PhoneKind::*;
        assert_eq!(phone_problem_as_typed("", Mobile), None);
        assert_eq!(phone_problem_as_typed("1", Mobile), None);
        assert_eq!(phone_problem_as_typed("138", Mobile), None);
        assert_eq!(
            phone_problem_as_typed("2", Mobile),
            Some(Msg::PhoneStartsWithOne)
        );
        assert_eq!(
            phone_problem_as_typed("0", Mobile),
            Some(Msg::PhoneStartsWithOne)
        );
        assert_eq!(
            phone_problem_as_typed("12", Mobile),
            Some(Msg::PhoneNotMobile)
        );
        assert_eq!(phone_problem_as_typed("010", Any), None, "a landline");
        assert_eq!(
            phone_problem_as_typed("5", Any),
            Some(Msg::PhoneStartsWithOneOrZero)
        );
    }

    #[test]
    fn finished_numbers_are_checked_with_the_core_validators() {
        use PhoneKind::*;
        assert_eq!(phone_final("13812345678", Mobile), Ok("13812345678".into()));
        assert_eq!(phone_final("", Mobile), Err(Msg::PhoneEmpty));
        assert_eq!(phone_final("1381234567", Mobile), Err(Msg::PhoneTooShort));
        assert_eq!(
            phone_final("01012345678", Mobile),
            Err(Msg::PhoneStartsWithOne)
        );
        assert_eq!(phone_final("01012345678", Any), Ok("01012345678".into()));
        assert_eq!(phone_final("0101234", Any), Err(Msg::PhoneNotLandline));
        assert_eq!(phone_final("13812345678", Any), Ok("13812345678".into()));
    }

    #[test]
    fn one_key_per_submission_reused_until_the_request_changes() {
        let mut s = Submission::default();
        let mut made = 0;
        let mut key = |s: &mut Submission<&str>, r| {
            s.key_for(&r, || {
                made += 1;
                format!("k{made}")
            })
        };
        assert_eq!(key(&mut s, "a"), "k1");
        assert_eq!(key(&mut s, "a"), "k1", "a retry after 'not sent'");
        assert_eq!(key(&mut s, "b"), "k2", "an answer changed");
        s.finish();
        assert_eq!(
            key(&mut s, "b"),
            "k3",
            "a new submission after the last one ended"
        );
    }

    #[test]
    fn refusals_are_explained_by_their_codes() {
        let problem = |code: &str| Problem {
            kind: "about:blank".into(),
            title: "Conflict".into(),
            status: 409,
            detail: String::new(),
            errors: BTreeMap::from([("slot_start".into(), vec![code.into()])]),
        };
        assert_eq!(refusal_message(&problem("slot_full")), Msg::SlotTaken);
        assert_eq!(
            refusal_message(&problem("invalid_id_number")),
            Msg::IdInvalid
        );
        assert_eq!(refusal_message(&problem("whatever")), Msg::RefusedGeneral);
    }
}
