//! The inactivity rules as plain functions: which kind of screen a path is, and
//! whether a visitor idle for so long is still active, should be warned, or has
//! gone. Tested natively; `ops` wires them to the clock and the router.

use crate::config::Timeouts;

/// The start page shown between visits.
pub const ATTRACT_PATH: &str = "/welcome";
/// Staff sign-in and the staff panel.
pub const STAFF_PATH: &str = "/staff";

/// How a screen is treated when nobody touches the kiosk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    /// The attract screen: nothing to forget, never reset.
    Attract,
    /// The visitor is filling something in (`form_s`).
    Form,
    /// Information and results (`info_s`).
    Info,
    /// Staff sign-in and panel: closes without a warning after `staff_idle_s`.
    Staff,
}

/// The kind of the screen at `path`.
pub fn screen_kind(path: &str) -> ScreenKind {
    let path = path.trim_end_matches('/');
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    if path == ATTRACT_PATH {
        ScreenKind::Attract
    } else if under(STAFF_PATH) {
        ScreenKind::Staff
    } else if path.ends_with("/done") || path == "/eligibility/result" {
        ScreenKind::Info
    } else if under("/booking")
        || under("/callback")
        || under("/eligibility/q")
        || path == "/eligibility/check"
    {
        ScreenKind::Form
    } else {
        ScreenKind::Info
    }
}

/// Where an idle visitor stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    Active,
    /// The warning is shown; the visit is cleared in this many seconds.
    Warning {
        remaining_s: u32,
    },
    /// Time is up: clear the visit (or, for staff, close the panel).
    Expired,
}

/// Seconds without activity before a screen of `kind` warns (or, for staff
/// screens, closes).
pub fn quiet_s(kind: ScreenKind, t: &Timeouts) -> u32 {
    match kind {
        ScreenKind::Attract => u32::MAX,
        ScreenKind::Staff => t.staff_idle_s,
        ScreenKind::Form => t.form_s,
        ScreenKind::Info => t.info_s,
    }
}

/// The state of a screen of `kind` after `idle_ms` without a touch or key.
pub fn idle_state(kind: ScreenKind, idle_ms: f64, t: &Timeouts) -> Idle {
    let idle_s = idle_ms.max(0.0) / 1000.0;
    let warning = match kind {
        ScreenKind::Attract => return Idle::Active,
        ScreenKind::Staff => 0,
        ScreenKind::Form | ScreenKind::Info => t.warning_s,
    };
    let quiet = quiet_s(kind, t);
    let (quiet, end) = (f64::from(quiet), f64::from(quiet + warning));
    if idle_s < quiet {
        Idle::Active
    } else if idle_s < end {
        // Whole seconds left, rounded up: "60" the moment it appears, never "0".
        Idle::Warning {
            remaining_s: (end - idle_s).ceil() as u32,
        }
    } else {
        Idle::Expired
    }
}

/// Whether a visitor may be using the kiosk at `path`: then maintenance waits
/// until the visit ends. Nobody is on the attract screen or the staff screens, and
/// a kiosk freshly started on another page has had no visitor yet.
pub fn visit_in_progress(path: &str, touched_since_load: bool) -> bool {
    !matches!(screen_kind(path), ScreenKind::Attract | ScreenKind::Staff) && touched_since_load
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_are_sorted_by_what_the_visitor_does_there() {
        use ScreenKind::*;
        for (path, kind) in [
            ("/welcome", Attract),
            ("/staff", Staff),
            ("/", Info),
            ("/accessibility", Info),
            ("/eligibility", Info),
            ("/eligibility/q/income", Form),
            ("/eligibility/check", Form),
            ("/eligibility/result", Info),
            ("/booking", Form),
            ("/booking/phone", Form),
            ("/booking/lookup", Form),
            ("/booking/done", Info),
            ("/callback/when", Form),
            ("/callback/done/", Info),
            ("/no/such/page", Info),
        ] {
            assert_eq!(screen_kind(path), kind, "{path}");
        }
    }

    #[test]
    fn the_warning_comes_after_the_quiet_time_and_counts_down() {
        let t = Timeouts::default();
        let s = |secs: f64, kind| idle_state(kind, secs * 1000.0, &t);
        assert_eq!(s(119.9, ScreenKind::Form), Idle::Active);
        assert_eq!(
            s(120.0, ScreenKind::Form),
            Idle::Warning { remaining_s: 60 }
        );
        assert_eq!(
            s(170.2, ScreenKind::Form),
            Idle::Warning { remaining_s: 10 }
        );
        assert_eq!(s(179.9, ScreenKind::Form), Idle::Warning { remaining_s: 1 });
        assert_eq!(s(180.0, ScreenKind::Form), Idle::Expired);
        assert_eq!(s(59.0, ScreenKind::Info), Idle::Active);
        assert_eq!(s(60.0, ScreenKind::Info), Idle::Warning { remaining_s: 60 });
        assert_eq!(s(120.0, ScreenKind::Info), Idle::Expired);
        assert_eq!(s(1e9, ScreenKind::Attract), Idle::Active);
    }

    #[test]
    fn staff_screens_close_without_a_warning() {
        let t = Timeouts::default();
        assert_eq!(idle_state(ScreenKind::Staff, 59_999.0, &t), Idle::Active);
        assert_eq!(idle_state(ScreenKind::Staff, 60_000.0, &t), Idle::Expired);
    }

    #[test]
    fn maintenance_waits_only_for_a_visitor() {
        assert!(!visit_in_progress("/welcome", true));
        assert!(!visit_in_progress("/staff", true));
        assert!(!visit_in_progress("/", false), "fresh start, nobody there");
        assert!(visit_in_progress("/", true));
        assert!(visit_in_progress("/booking/phone", true));
    }
}
