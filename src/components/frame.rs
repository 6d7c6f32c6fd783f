//! The frame around every screen: header, footer, and the notices that can
//! appear over any screen (offline, an error, the inactivity warning).

pub mod error_notice;
pub mod footer;
pub mod hall_name;
pub mod header;
pub mod idle_warning;
pub mod offline_notice;

/// Id of the `<main>` element, target of the skip link.
pub const MAIN_ID: &str = "kiosk-main";
