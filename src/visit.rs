//! One visitor's visit: their preferences, the help they asked for, the 好差评
//! rating at the end, and how the visit ends.

pub mod prefs;
pub mod rating;

use leptos::prelude::*;

use crate::ops;

/// The visitor finishes ("finish and clear"): first the 好差评 rating when the
/// visit did something and has not been asked, else the end of the visit (see
/// [`ops::end_visit`]). The inactivity reset ends it without asking.
pub fn finish_visit() {
    if !rating::ask_before_finishing() {
        ops::end_visit();
    }
}

/// Set when the visitor asked for staff (the help key); the footer says what to do.
#[derive(Clone, Copy, Debug)]
pub struct HelpRequested(pub RwSignal<bool>);
