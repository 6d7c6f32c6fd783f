//! The inactivity rules as plain functions: whether a visitor idle for so long
//! is still active, should be warned, or has gone, by the kind of screen they
//! are on. Tested natively; `ops` wires them to the clock and the screen.

use crate::{
    ops::config::Timeouts,
    screen::{Screen, ScreenKind},
};

/// The kind of `screen`; a path the kiosk does not have (`None`) is read.
pub fn kind_of(screen: Option<Screen>) -> ScreenKind {
    screen.map_or(ScreenKind::Info, Screen::kind)
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
        ScreenKind::Info | ScreenKind::Result => t.info_s,
    }
}

/// The state of a screen of `kind` after `idle_ms` without a touch or key.
pub fn idle_state(kind: ScreenKind, idle_ms: f64, t: &Timeouts) -> Idle {
    let idle_s = idle_ms.max(0.0) / 1000.0;
    let warning = match kind {
        ScreenKind::Attract => return Idle::Active,
        ScreenKind::Staff => 0,
        ScreenKind::Form | ScreenKind::Info | ScreenKind::Result => t.warning_s,
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

/// Whether a visitor may be using the kiosk on `screen`: then maintenance waits
/// until the visit ends. Nobody is on the attract screen or the staff screens, and
/// a kiosk freshly started on another page has had no visitor yet.
pub fn visit_in_progress(screen: Option<Screen>, touched_since_load: bool) -> bool {
    !matches!(kind_of(screen), ScreenKind::Attract | ScreenKind::Staff) && touched_since_load
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_the_kiosk_does_not_have_is_read_like_information() {
        assert_eq!(
            kind_of(Screen::from_path("/no/such/page")),
            ScreenKind::Info
        );
        assert_eq!(
            kind_of(Screen::from_path("/booking/phone")),
            ScreenKind::Form
        );
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
        assert!(!visit_in_progress(Screen::from_path("/welcome"), true));
        assert!(!visit_in_progress(Screen::from_path("/staff"), true));
        assert!(
            !visit_in_progress(Screen::from_path("/"), false),
            "fresh start, nobody there"
        );
        assert!(visit_in_progress(Screen::from_path("/"), true));
        assert!(visit_in_progress(Screen::from_path("/booking/phone"), true));
    }
}
