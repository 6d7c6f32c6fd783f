//! Whether this visit is asked for its 好差评 rating, and the way there.
//!
//! A visit that did something (a booking, a callback request, a self-check
//! result) is asked once, when the visitor finishes it; one that only looked
//! around, or that ends by the inactivity reset (nobody is there to answer), is
//! not. A callback about a poor rating is not rated again. The state lives for
//! the page, which `end_visit` reloads, so it never outlives the visit, and it
//! holds no answer: only which kind of visit it was.

use std::cell::Cell;

use kiosk_core::rating::Flow;

use crate::screen::{self, Screen};

thread_local! {
    static OFFERED: Cell<Option<Flow>> = const { Cell::new(None) };
    static DONE: Cell<bool> = const { Cell::new(false) };
}

/// The visit did `flow`: it will be asked for a rating when it finishes (the
/// first thing it did names it).
pub fn offer(flow: Flow) {
    if !DONE.with(Cell::get) && OFFERED.with(Cell::get).is_none() {
        OFFERED.with(|o| o.set(Some(flow)));
    }
}

/// The rating was given, skipped, or is not wanted (a feedback callback): the
/// visit is not asked again.
pub fn settle() {
    DONE.with(|d| d.set(true));
}

/// The kind of visit to rate, while one is waiting for its rating.
pub fn pending() -> Option<Flow> {
    if DONE.with(Cell::get) {
        None
    } else {
        OFFERED.with(Cell::get)
    }
}

/// At "finish": opens the rating screen when the visit has one waiting, and
/// says so; `false` means the visit can end now.
pub fn ask_before_finishing() -> bool {
    if pending().is_none() {
        return false;
    }
    // "Finish" pressed on the rating screen itself: that is a skip.
    if screen::current() == Some(Screen::Rating) {
        settle();
        return false;
    }
    screen::go(Screen::Rating);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_is_asked_once_for_the_first_thing_it_did() {
        assert_eq!(pending(), None);
        offer(Flow::SelfCheck);
        offer(Flow::Booking);
        assert_eq!(pending(), Some(Flow::SelfCheck));
        settle();
        assert_eq!(pending(), None);
        offer(Flow::Callback);
        assert_eq!(pending(), None, "rated once is enough");
        assert!(!ask_before_finishing());
    }
}
