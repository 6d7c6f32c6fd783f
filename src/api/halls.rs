//! `GET /api/v1/halls` and `GET /api/v1/halls/{hall}/slots`, and the hall this
//! kiosk stands in, shared by every screen that names it.

use kiosk_core::{
    api::{Hall, Slot},
    date::Date,
};
use leptos::prelude::*;

use super::{ApiError, get_json};

/// The halls this installation serves.
pub async fn list() -> Result<Vec<Hall>, ApiError> {
    get_json("/halls").await
}

/// The slots of `hall` for `service` over `days` days from `from` (full ones too).
pub async fn slots(
    hall: &str,
    service: &str,
    from: Date,
    days: i64,
) -> Result<Vec<Slot>, ApiError> {
    get_json(&format!(
        "/halls/{hall}/slots?service={service}&from={from}&days={days}"
    ))
    .await
}

#[derive(Clone, Copy)]
struct HallList(LocalResource<Result<Vec<Hall>, ApiError>>);

/// Asks the server for its halls once per visit, for every screen to share.
pub fn provide_hall() {
    provide_context(HallList(LocalResource::new(list)));
}

/// This kiosk's hall (`hall_id` of `kiosk.json`, or the installation's first if the
/// server does not know that id), once the server answered.
pub fn use_hall() -> Signal<Option<Hall>> {
    let halls = use_context::<HallList>().unwrap_or_else(|| {
        provide_hall();
        expect_context::<HallList>()
    });
    Signal::derive(move || {
        halls.0.get().and_then(Result::ok).and_then(|halls| {
            let wanted = &crate::ops::config::config().hall_id;
            let at = halls.iter().position(|h| &h.id == wanted).unwrap_or(0);
            halls.into_iter().nth(at)
        })
    })
}
