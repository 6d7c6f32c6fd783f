//! Pure Rust shared by the kiosk (WebAssembly) and the server (native).
//!
//! No browser or server dependencies live here, so the same rules run identically
//! in both places: what a visitor's answers must be (`rules`), input validation
//! and masking (`validate`, `mask`), the
//! request/response types of the HTTP API (`api`), the back office's rules
//! (`console`), and the kiosk's words (`catalog`).

pub mod api;
pub mod catalog;
pub mod console;
pub mod date;
pub mod desk;
pub mod eligibility;
pub mod hall_admin;
pub mod hall_time;
pub mod lang;
pub mod mask;
pub mod rating;
pub mod rules;
pub mod stats;
pub mod validate;

pub use lang::Lang;

/// The public legal service hotline, shown on every screen.
pub const HOTLINE: &str = "12348";
