//! The 12348 desk's rules and API types: the window a visitor was promised,
//! claims, outcomes and retries. The server applies them; the console shows the
//! same windows and checks the same fields before it sends.

use serde::{Deserialize, Serialize};

use crate::{
    Lang,
    api::{LocalizedText, Need, Period, Preferred, Topic},
    console::{FieldErrors, push_error as push},
    date::Date,
    hall_time::HallTime,
};

/// How long a claim holds: long enough for a call and its notes, short enough
/// that a request an operator walked away from goes back to the queue.
pub const CLAIM_MINUTES: i64 = 15;
/// Failed tries (no answer) before a request is closed.
pub const MAX_TRIES: u32 = 3;
/// After no answer, the next try is due this much later.
pub const RETRY_MINUTES: i64 = 60;
/// "As soon as possible" is promised within a day of the request.
pub const ASAP_HOURS: i64 = 24;
/// "Call me later" may be set at most this many days ahead.
pub const LATER_DAYS_MAX: i64 = 7;
/// Longest operator note, in characters.
pub const NOTE_MAX: usize = 1000;

/// The hours the kiosk promises for each part of the day, minutes after
/// midnight (the kiosk's labels: 9–12, 14–18, 18–20).
pub fn period_span(p: Period) -> (u16, u16) {
    match p {
        Period::Morning => (9 * 60, 12 * 60),
        Period::Afternoon => (14 * 60, 18 * 60),
        Period::Evening => (18 * 60, 20 * 60),
    }
}

/// When the visitor expects the call: from `start` to `end` (Unix seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: i64,
    pub end: i64,
}

/// The window promised for `preferred`, for a request made at `created_unix`.
/// A day and period that cannot be read falls back to "as soon as possible",
/// so a request is never left out of the queue.
pub fn window(preferred: &Preferred, created_unix: i64) -> Window {
    let asap = Window {
        start: created_unix,
        end: created_unix + ASAP_HOURS * 3600,
    };
    match preferred {
        Preferred::Asap(_) => asap,
        Preferred::At { date, period } => {
            let (from, to) = period_span(*period);
            let at = |m| Date::parse_iso(date).and_then(|d| HallTime::new(d, m));
            match (at(from), at(to)) {
                (Some(s), Some(e)) => Window {
                    start: s.unix(),
                    end: e.unix(),
                },
                _ => asap,
            }
        }
    }
}

/// What the operator reports after a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Spoke with the visitor: done.
    Reached,
    /// Nobody answered: tried again later, closed after [`MAX_TRIES`].
    NoAnswer,
    /// The number is not the visitor's, or does not exist: closed.
    WrongNumber,
    /// The visitor asked to be called at another time.
    Later,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Reached,
        Outcome::NoAnswer,
        Outcome::WrongNumber,
        Outcome::Later,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Reached => "reached",
            Outcome::NoAnswer => "no_answer",
            Outcome::WrongNumber => "wrong_number",
            Outcome::Later => "later",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// Where a request stands after an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Next {
    pub tries: u32,
    /// Closed, with the outcome that closed it.
    pub closed: Option<Outcome>,
    /// Not to be called before this (Unix seconds).
    pub retry_unix: Option<i64>,
}

/// What `outcome` does to a request that has failed `tries` times, at `now`.
/// `call_after` is the time the visitor asked for (checked: [`check_outcome`]).
pub fn next(tries: u32, outcome: Outcome, now: i64, call_after: Option<i64>) -> Next {
    match outcome {
        Outcome::Reached | Outcome::WrongNumber => Next {
            tries,
            closed: Some(outcome),
            retry_unix: None,
        },
        Outcome::NoAnswer if tries + 1 >= MAX_TRIES => Next {
            tries: tries + 1,
            closed: Some(Outcome::NoAnswer),
            retry_unix: None,
        },
        Outcome::NoAnswer => Next {
            tries: tries + 1,
            closed: None,
            retry_unix: Some(now + RETRY_MINUTES * 60),
        },
        Outcome::Later => Next {
            tries,
            closed: None,
            retry_unix: Some(call_after.unwrap_or(now + RETRY_MINUTES * 60)),
        },
    }
}

/// `POST /console/desk/{reference}/outcome`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRequest {
    pub outcome: Outcome,
    /// What was said, kept with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For `later`: when, as `YYYY-MM-DDTHH:MM` in hall time (a
    /// `datetime-local` input's value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_after: Option<String>,
}

/// `YYYY-MM-DDTHH:MM` (seconds allowed and ignored) in hall time.
pub fn parse_local(s: &str) -> Option<HallTime> {
    let (date, time) = s.trim().split_once('T')?;
    let date = Date::parse_iso(date)?;
    let hm = time.get(..5)?;
    let (h, m) = hm.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !(time.len() == 5 || time.len() == 8) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    HallTime::new(date, h * 60 + m)
}

/// Checks a note: not blank, at most [`NOTE_MAX`] characters. Returns it trimmed.
pub fn check_note(errors: &mut FieldErrors, field: &str, text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        push(errors, field, "note_required");
    } else if let Some(hidden) = crate::rules::find_hidden(text, true) {
        push(
            errors,
            field,
            crate::rules::Refusal::NoteHidden(hidden).code(),
        );
    } else if text.chars().count() > NOTE_MAX {
        push(errors, field, "note_too_long");
    }
    text.to_owned()
}

/// Checks an outcome at `now`; returns the `call_after` time it names.
pub fn check_outcome(errors: &mut FieldErrors, req: &OutcomeRequest, now: i64) -> Option<i64> {
    if let Some(note) = req.note.as_deref().filter(|n| !n.trim().is_empty()) {
        check_note(errors, "note", note);
    }
    if req.outcome != Outcome::Later {
        return None;
    }
    let Some(text) = req.call_after.as_deref().filter(|t| !t.trim().is_empty()) else {
        push(errors, "call_after", "call_after_required");
        return None;
    };
    match parse_local(text).map(HallTime::unix) {
        None => push(errors, "call_after", "invalid_call_after"),
        Some(t) if t <= now => push(errors, "call_after", "call_after_past"),
        Some(t) if t > now + LATER_DAYS_MAX * 86_400 => {
            push(errors, "call_after", "call_after_too_far")
        }
        Some(t) => return Some(t),
    }
    None
}

/// `POST /console/desk/{reference}/notes`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRequest {
    pub text: String,
}

/// Which requests the queue lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeskView {
    /// Still to be called: new, waiting for a retry, or claimed.
    #[default]
    Open,
    /// Claimed by someone now.
    Claimed,
    /// Closed: reached, wrong number, or out of tries.
    Closed,
}

impl DeskView {
    pub const ALL: [DeskView; 3] = [DeskView::Open, DeskView::Claimed, DeskView::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            DeskView::Open => "open",
            DeskView::Claimed => "claimed",
            DeskView::Closed => "closed",
        }
    }
}

/// One request in the queue. The phone and name are masked: the full ones come
/// only from `POST /console/desk/{reference}/phone`, which is audited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskItem {
    pub reference: String,
    /// The hall of the kiosk it was made at (none from elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall_name: Option<LocalizedText>,
    pub topic: Topic,
    pub preferred: Preferred,
    /// The language to speak.
    pub language: Lang,
    pub needs: Vec<Need>,
    /// `false`: do not say "this is 12348" (the visitor's safety).
    pub may_say_12348: bool,
    pub phone_masked: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_masked: Option<String>,
    /// What the visitor wrote at the kiosk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor_note: Option<String>,
    pub created_at: String,
    pub window_start: String,
    pub window_end: String,
    /// Still open after the end of its window.
    pub overdue: bool,
    /// Failed tries so far.
    pub tries: u32,
    /// Not to be called before this (after no answer, or as asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_until: Option<String>,
    /// The outcome that closed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
}

/// The most requests one queue answer lists: the first due. A shift works
/// from the top; after a province-wide outage thousands may wait, and every
/// operator's desk reads the queue every 30 seconds.
pub const QUEUE_LIMIT: usize = 200;

/// `GET /console/desk`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskQueue {
    /// The server's time, which `overdue` and claims are measured against.
    pub now: String,
    /// The first [`QUEUE_LIMIT`] under the filter, in the order they are due.
    pub items: Vec<DeskItem>,
    /// How many match the filter in all.
    pub total: usize,
}

/// A note on a request: an operator's, or the desk's own when it closed one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskNote {
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    /// `note` (free text), or `closed_after_tries` (written by the desk).
    pub kind: String,
    pub text: String,
}

/// One call and what came of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskAttempt {
    pub at: String,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_name: Option<String>,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_after: Option<String>,
}

/// `GET /console/desk/{reference}`: a request with its history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskDetail {
    pub item: DeskItem,
    pub attempts: Vec<DeskAttempt>,
    pub notes: Vec<DeskNote>,
}

/// `POST /console/desk/{reference}/phone`: the number to call, and the name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskReveal {
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Asap;

    fn at(date: &str, period: Period) -> Preferred {
        Preferred::At {
            date: date.into(),
            period,
        }
    }

    fn unix(s: &str) -> i64 {
        parse_local(s).unwrap().unix()
    }

    #[test]
    fn windows_are_the_hours_the_kiosk_promises() {
        let made = unix("2026-11-30T08:00");
        let w = window(&at("2026-12-01", Period::Afternoon), made);
        assert_eq!(w.start, unix("2026-12-01T14:00"));
        assert_eq!(w.end, unix("2026-12-01T18:00"));
        let w = window(&Preferred::Asap(Asap::Asap), made);
        assert_eq!((w.start, w.end), (made, made + 86_400));
        let w = window(&at("not a date", Period::Morning), made);
        assert_eq!(w.start, made, "an unreadable day is still queued");
    }

    #[test]
    fn three_unanswered_tries_close_a_request() {
        let now = 1_000_000;
        let first = next(0, Outcome::NoAnswer, now, None);
        assert_eq!(first.tries, 1);
        assert_eq!(first.closed, None);
        assert_eq!(first.retry_unix, Some(now + RETRY_MINUTES * 60));
        let second = next(first.tries, Outcome::NoAnswer, now, None);
        assert_eq!(second.closed, None);
        let third = next(second.tries, Outcome::NoAnswer, now, None);
        assert_eq!(third.closed, Some(Outcome::NoAnswer));
        assert_eq!(third.tries, MAX_TRIES);
        assert_eq!(
            next(2, Outcome::Reached, now, None).closed,
            Some(Outcome::Reached)
        );
        let later = next(1, Outcome::Later, now, Some(now + 999));
        assert_eq!((later.tries, later.retry_unix), (1, Some(now + 999)));
    }

    #[test]
    fn later_needs_a_time_ahead_within_a_week() {
        let now = unix("2026-11-30T08:00");
        let codes = |call_after: Option<&str>| {
            let mut e = FieldErrors::new();
            let req = OutcomeRequest {
                outcome: Outcome::Later,
                note: None,
                call_after: call_after.map(Into::into),
            };
            let t = check_outcome(&mut e, &req, now);
            (t, e.get("call_after").cloned().unwrap_or_default())
        };
        assert_eq!(codes(None).1, ["call_after_required"]);
        assert_eq!(codes(Some("tomorrow")).1, ["invalid_call_after"]);
        assert_eq!(codes(Some("2026-11-30T07:59")).1, ["call_after_past"]);
        assert_eq!(codes(Some("2026-12-08T08:00")).1, ["call_after_too_far"]);
        assert_eq!(
            codes(Some("2026-12-01T10:30")),
            (Some(unix("2026-12-01T10:30")), vec![])
        );
        assert_eq!(
            codes(Some("2026-12-01T10:30:00")).0,
            Some(unix("2026-12-01T10:30"))
        );
    }

    #[test]
    fn notes_are_bounded_and_not_blank() {
        let mut e = FieldErrors::new();
        check_note(&mut e, "text", "  ");
        assert_eq!(e["text"], ["note_required"]);
        let mut e = FieldErrors::new();
        check_note(&mut e, "text", &"话".repeat(NOTE_MAX + 1));
        assert_eq!(e["text"], ["note_too_long"]);
        let mut e = FieldErrors::new();
        assert_eq!(check_note(&mut e, "text", " 已回电 "), "已回电");
        assert!(e.is_empty());
    }

    #[test]
    fn outcomes_round_trip_their_names() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.as_str()), Some(o));
        }
    }
}
