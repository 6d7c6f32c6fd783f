//! Reusable pieces of the kiosk's screens, one component per file.

pub mod answer_button;
pub mod choice_group;
pub mod contact_fields;
pub mod error_notice;
pub mod flow_frame;
pub mod flow_parts;
pub mod focus_heading;
pub mod footer;
pub mod hall_name;
pub mod header;
pub mod icon;
pub mod idle_warning;
pub mod name_keyboard;
pub mod notice_page;
pub mod numeric_keypad;
pub mod offline_notice;
pub mod qr_code;
pub mod submit_panel;
pub mod tile;
