//! Reusable pieces of the kiosk's screens, one component per file.

pub mod answer_button;
pub mod choice_group;
pub mod error_notice;
pub mod focus_heading;
pub mod footer;
pub mod header;
pub mod icon;
pub mod notice_page;
pub mod numeric_keypad;
pub mod tile;
