//! Retention: appointments are deleted 30 days after their slot ends, callbacks 30
//! days after they were made, as the consent notice promises (PIPL arts. 19, 47);
//! saved idempotency answers go long before the rows they describe.

mod common;

use axum::http::StatusCode;
use common::{MONDAY_8AM, OPERATOR_TOKEN, TestApp, booking, callback, key};
use kiosk_core::hall_time::HallTime;
use kiosk_server::db::{appointments, callbacks, idempotency};
use serde_json::{Value, json};

const DAY: i64 = 86_400;

/// Books through the API and returns the answer (reference, slot_start, slot_end…).
async fn book(app: &TestApp, body: &Value) -> Value {
    let res = app.post("/api/v1/appointments", body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()
}

/// When the booked slot ends, in Unix seconds.
fn slot_end_unix(appointment: &Value) -> i64 {
    HallTime::parse_rfc3339(appointment["slot_end"].as_str().unwrap())
        .unwrap()
        .unix()
}

async fn purge_appointments(app: &TestApp, now: i64) -> u64 {
    app.state
        .db
        .call(move |c| appointments::purge(c, now))
        .await
        .unwrap()
}

async fn purge_callbacks(app: &TestApp, now: i64) -> u64 {
    app.state
        .db
        .call(move |c| callbacks::purge(c, now))
        .await
        .unwrap()
}

/// References of the stored rows of `table`, sorted.
async fn stored(app: &TestApp, table: &'static str) -> Vec<String> {
    app.state
        .db
        .call(move |c| {
            c.query(
                &format!("SELECT reference FROM {table} ORDER BY reference"),
                &[],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect()
        })
        .await
        .unwrap()
}

async fn lookup(app: &TestApp, reference: &str, phone: &str) -> StatusCode {
    app.post(
        "/api/v1/appointments/lookup",
        &json!({"reference": reference, "phone": phone}),
        None,
    )
    .await
    .status
}

#[tokio::test]
async fn an_appointment_is_kept_until_thirty_days_after_its_slot_ends() {
    let app = TestApp::new().await;
    let booked = book(&app, &booking("13800000001", "09:00")).await;
    let reference = booked["reference"].as_str().unwrap();
    let end = slot_end_unix(&booked);

    assert_eq!(purge_appointments(&app, end + 29 * DAY).await, 0);
    assert_eq!(lookup(&app, reference, "13800000001").await, StatusCode::OK);
    // "More than 30 days": at exactly 30 days it is still there, a second later not.
    assert_eq!(purge_appointments(&app, end + 30 * DAY).await, 0);
    assert_eq!(stored(&app, "appointments").await, [reference]);
    assert_eq!(purge_appointments(&app, end + 30 * DAY + 1).await, 1);
    assert_eq!(
        lookup(&app, reference, "13800000001").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(purge_appointments(&app, end + 31 * DAY).await, 0);
}

#[tokio::test]
async fn a_cancelled_appointment_is_deleted_by_the_same_rule() {
    let app = TestApp::new().await;
    let booked = book(&app, &booking("13800000002", "10:00")).await;
    let reference = booked["reference"].as_str().unwrap();
    let end = slot_end_unix(&booked);
    let res = app
        .send_json(
            "POST",
            &format!("/api/v1/appointments/{reference}/cancel"),
            &json!({"phone": "13800000002"}),
            None,
        )
        .await;
    assert_eq!(res.json()["status"], "cancelled");

    assert_eq!(purge_appointments(&app, end + 29 * DAY).await, 0);
    assert_eq!(lookup(&app, reference, "13800000002").await, StatusCode::OK);
    assert_eq!(purge_appointments(&app, end + 31 * DAY).await, 1);
    assert_eq!(stored(&app, "appointments").await, Vec::<String>::new());
}

#[tokio::test]
async fn purging_appointments_leaves_other_visitors_later_slots_alone() {
    let app = TestApp::new().await;
    let first = book(&app, &booking("13800000003", "09:00")).await;
    let same_slot = book(&app, &booking("13800000004", "09:00")).await;
    let mut later = booking("13800000005", "09:00");
    later["slot_start"] = json!("2026-12-03T09:00:00+08:00");
    let later = book(&app, &later).await;
    // Two days later: 29 days after the later slot, 31 after the first two.
    let now = slot_end_unix(&first) + 31 * DAY;
    assert_eq!(slot_end_unix(&later) + 29 * DAY, now);

    assert_eq!(purge_appointments(&app, now).await, 2);
    assert_eq!(
        stored(&app, "appointments").await,
        [later["reference"].as_str().unwrap()]
    );
    assert_eq!(
        lookup(&app, later["reference"].as_str().unwrap(), "13800000005").await,
        StatusCode::OK
    );
    assert_eq!(
        lookup(
            &app,
            same_slot["reference"].as_str().unwrap(),
            "13800000004"
        )
        .await,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_slot_end_is_compared_as_an_instant_not_as_text() {
    let app = TestApp::new().await;
    let booked = book(&app, &booking("13800000006", "09:00")).await;
    let end = slot_end_unix(&booked);
    let stored_end: i64 = app
        .state
        .db
        .call(|c| c.query_value("SELECT slot_end_unix FROM appointments", &[]))
        .await
        .unwrap();
    assert_eq!(stored_end, end);
    // The same instant written in UTC sorts differently as text but is purged at
    // the same moment.
    let utc = format!(
        "{}Z",
        HallTime::from_unix(end - 8 * 3600)
            .to_rfc3339()
            .trim_end_matches("+08:00")
    );
    app.state
        .db
        .call(move |c| c.execute("UPDATE appointments SET slot_end = $1", &[&utc]))
        .await
        .unwrap();
    assert_eq!(purge_appointments(&app, end + 30 * DAY).await, 0);
    assert_eq!(purge_appointments(&app, end + 30 * DAY + 1).await, 1);
}

#[tokio::test]
async fn an_unreadable_slot_end_is_refused_so_no_row_escapes_deletion() {
    let app = TestApp::new().await;
    book(&app, &booking("13800000007", "09:00")).await;
    let refused = app
        .state
        .db
        .call(|c| c.execute("UPDATE appointments SET slot_end = 'soon'", &[]))
        .await;
    let refused = refused.expect_err("an unreadable slot end is refused");
    assert!(refused.is_constraint_violation(), "{refused}");
    // SQLite's generated column cannot be NULL; PostgreSQL's trigger cannot read it.
    let why = refused.to_string();
    assert!(why.contains("NOT NULL") || why.contains("22007"), "{why}");
}

#[tokio::test]
async fn a_callback_is_kept_for_thirty_days_after_it_was_made() {
    let app = TestApp::new().await;
    let res = app
        .post("/api/v1/callbacks", &callback("13900000001"), Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let reference = res.json()["reference"].as_str().unwrap().to_owned();

    assert_eq!(purge_callbacks(&app, MONDAY_8AM + 29 * DAY).await, 0);
    assert_eq!(purge_callbacks(&app, MONDAY_8AM + 30 * DAY).await, 0);
    assert_eq!(stored(&app, "callbacks").await, [reference]);
    assert_eq!(purge_callbacks(&app, MONDAY_8AM + 31 * DAY).await, 1);
    let queue = app
        .get_auth("/api/v1/callbacks?status=queued", OPERATOR_TOKEN)
        .await
        .json();
    assert_eq!(queue, json!([]));
}

#[tokio::test]
async fn a_completed_callback_is_deleted_by_the_same_rule() {
    let app = TestApp::new().await;
    let receipt = app
        .post("/api/v1/callbacks", &callback("13900000002"), Some(&key()))
        .await
        .json();
    let reference = receipt["reference"].as_str().unwrap();
    // Completed a week later: the clock still runs from when it was made.
    app.set_time(MONDAY_8AM + 7 * DAY);
    let done = app
        .send_json(
            "POST",
            &format!("/api/v1/callbacks/{reference}/complete"),
            &json!({}),
            Some(OPERATOR_TOKEN),
        )
        .await;
    assert_eq!(done.json()["status"], "completed");

    assert_eq!(purge_callbacks(&app, MONDAY_8AM + 29 * DAY).await, 0);
    assert_eq!(stored(&app, "callbacks").await, [reference]);
    assert_eq!(purge_callbacks(&app, MONDAY_8AM + 31 * DAY).await, 1);
    assert_eq!(stored(&app, "callbacks").await, Vec::<String>::new());
}

#[tokio::test]
async fn purging_callbacks_leaves_other_visitors_newer_requests_alone() {
    let app = TestApp::new().await;
    let old = app
        .post("/api/v1/callbacks", &callback("13900000003"), Some(&key()))
        .await;
    assert_eq!(old.status, StatusCode::CREATED);
    app.set_time(MONDAY_8AM + 2 * DAY);
    let newer = app
        .post("/api/v1/callbacks", &callback("13900000004"), Some(&key()))
        .await
        .json();

    assert_eq!(purge_callbacks(&app, MONDAY_8AM + 31 * DAY).await, 1);
    let queue = app
        .get_auth("/api/v1/callbacks?status=queued", OPERATOR_TOKEN)
        .await
        .json();
    assert_eq!(queue.as_array().unwrap().len(), 1);
    assert_eq!(queue[0]["reference"], newer["reference"]);
    assert_eq!(queue[0]["phone"], "13900000004");
}

#[tokio::test]
async fn saved_answers_are_forgotten_long_before_the_rows_they_describe() {
    let app = TestApp::new().await;
    // A slot booked for the next morning: the earliest any booking's retention ends.
    let booked = book(&app, &booking("13800000008", "09:00")).await;
    let res = app
        .post("/api/v1/callbacks", &callback("13900000005"), Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let count_keys = || {
        app.state
            .db
            .call(|c| c.query_value::<i64>("SELECT COUNT(*) FROM idempotency_keys", &[]))
    };
    assert_eq!(count_keys().await.unwrap(), 2);

    let after = MONDAY_8AM + idempotency::RETENTION_S + 1;
    let purged = app
        .state
        .db
        .call(move |c| idempotency::purge(c, after))
        .await
        .unwrap();
    assert_eq!(purged, 2);
    assert_eq!(count_keys().await.unwrap(), 0);
    // Housekeeping runs hourly, so a key may live an hour past its retention; the
    // rows it answered for are still there then.
    let latest = after + 3600;
    assert!(latest < slot_end_unix(&booked) + appointments::RETENTION_DAYS * DAY);
    assert!(latest < MONDAY_8AM + callbacks::RETENTION_DAYS * DAY);
    assert_eq!(purge_appointments(&app, latest).await, 0);
    assert_eq!(purge_callbacks(&app, latest).await, 0);
    assert_eq!(stored(&app, "appointments").await.len(), 1);
    assert_eq!(stored(&app, "callbacks").await.len(), 1);
}
