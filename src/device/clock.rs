//! The hall's clock as the kiosk reads it.

use kiosk_core::{date::Date, hall_time::HallTime};

/// Today at the hall, from the kiosk's clock.
pub fn today() -> Date {
    HallTime::from_unix((js_sys::Date::now() / 1000.0) as i64).date()
}
