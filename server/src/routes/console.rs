//! The back office console's API under `/console/`: sessions, users and the
//! audit log. Every route but sign-in takes a [`ConsoleUser`], which checks the
//! session, CSRF and idle timeout; each handler then names the roles it allows.
//!
//! [`ConsoleUser`]: crate::console::ConsoleUser

pub mod audit;
pub mod desk;
pub mod hall;
pub mod session;
pub mod standards;
pub mod stats;
pub mod users;

use axum::Router;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(session::router())
        .merge(users::router())
        .merge(audit::router())
        .merge(desk::router())
        .merge(hall::router())
        .merge(stats::router())
        .merge(standards::router())
}
