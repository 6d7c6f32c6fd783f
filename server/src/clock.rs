//! The server's notion of "now", replaceable in tests so slot rules can be checked
//! at a chosen moment.

use std::{
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::{SystemTime, UNIX_EPOCH},
};

use kiosk_core::hall_time::HallTime;

/// Unix seconds now.
#[derive(Clone)]
pub struct Clock(Option<Arc<AtomicI64>>);

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self(None)
    }

    /// A clock that stands at `unix` until [`Clock::set`] moves it.
    pub fn fixed(unix: i64) -> Self {
        Self(Some(Arc::new(AtomicI64::new(unix))))
    }

    /// Moves a fixed clock (no effect on the system clock).
    pub fn set(&self, unix: i64) {
        if let Some(t) = &self.0 {
            t.store(unix, Ordering::SeqCst);
        }
    }

    pub fn unix(&self) -> i64 {
        match &self.0 {
            Some(t) => t.load(Ordering::SeqCst),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0),
        }
    }

    /// Now at the hall.
    pub fn hall_now(&self) -> HallTime {
        HallTime::from_unix(self.unix())
    }
}
