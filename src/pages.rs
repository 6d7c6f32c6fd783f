//! One screen per route.

pub mod accessibility;
pub mod attract;
pub mod booking;
pub mod callback;
pub mod eligibility;
pub mod home;
pub mod not_found;
pub mod rating;
pub mod staff;
