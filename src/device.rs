//! What the kiosk does with its hardware and the browser: speech, announcements
//! of what appears, the keypad and its key map, the lockdown of a public touch
//! screen, and the hall's clock.

pub mod announce;
pub mod clock;
pub mod keymap;
pub mod keys;
pub mod lockdown;
pub mod speech;
