//! Reusable pieces of the kiosk's screens, one component per file.

pub mod answer_button;
pub mod choice_group;
pub mod field;
pub mod focus_heading;
pub mod form;
pub mod frame;
pub mod icon;
pub mod name_keyboard;
pub mod notice_page;
pub mod numeric_keypad;
pub mod qr_code;
pub mod tile;
