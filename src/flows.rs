//! The rules of what a visitor fills in, apart from its screens: the wizard
//! protocol every flow follows, and the booking, the 12348 callback request and
//! the legal-aid self-check. Pure and tested natively.

pub mod booking;
pub mod callback;
pub mod self_check;
pub mod wizard;
