//! Many requests at once through the real router: seats are never overbooked and
//! an `Idempotency-Key` creates one row however many times it arrives together.

mod common;

use std::time::Instant;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::TestApp;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// Status, `idempotent-replayed` header and body of one request sent on its own
/// task, so the requests really run side by side.
async fn send_all(app: &TestApp, requests: Vec<Request<Body>>) -> Vec<(StatusCode, bool, Vec<u8>)> {
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|req| {
            let state = app.state.clone();
            tokio::spawn(async move {
                let res = kiosk_server::app(state).oneshot(req).await.unwrap();
                let status = res.status();
                let replayed = res.headers().get("idempotent-replayed").is_some();
                let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
                (status, replayed, body)
            })
        })
        .collect();
    let mut out = Vec::with_capacity(tasks.len());
    for task in tasks {
        out.push(task.await.unwrap());
    }
    out
}

fn booking_request(body: &Value, key: &str) -> Request<Body> {
    Request::post("/api/v1/appointments")
        .header(header::CONTENT_TYPE, "application/json")
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn appointment_rows(app: &TestApp) -> u64 {
    app.state
        .db
        .call(kiosk_server::db::appointments::count)
        .await
        .unwrap()
}

fn request_code(body: &[u8]) -> String {
    let v: Value = serde_json::from_slice(body).unwrap_or_default();
    v["errors"]["request"][0]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_visitors_racing_for_the_last_seat_get_one_booking_and_ninety_nine_slot_full() {
    let app = TestApp::new().await;
    // The seat count of a slot is fixed when its first booking is made.
    app.state
        .db
        .call(|c| {
            c.execute(
                "UPDATE hall_services SET capacity = 1 WHERE service_id = 'consultation'",
                &[],
            )
        })
        .await
        .unwrap();
    let requests = (0..100)
        .map(|n| {
            booking_request(
                &common::booking(&format!("139000000{n:02}"), "09:00"),
                &common::key(),
            )
        })
        .collect();
    let started = Instant::now();
    let answers = send_all(&app, requests).await;
    let elapsed = started.elapsed();
    let created = answers
        .iter()
        .filter(|a| a.0 == StatusCode::CREATED)
        .count();
    let full = answers
        .iter()
        .filter(|a| a.0 == StatusCode::CONFLICT && request_code(&a.2) == "slot_full")
        .count();
    let server_errors = answers.iter().filter(|a| a.0.is_server_error()).count();
    let rows = appointment_rows(&app).await;
    let taken: u32 = app
        .state
        .db
        .call(|c| c.query_value("SELECT CAST(SUM(taken) AS BIGINT) FROM slot_seats", &[]))
        .await
        .unwrap();
    println!(
        "100 concurrent bookings of a 1-seat slot: {created} × 201, {full} × 409 slot_full, \
         {server_errors} × 5xx, {rows} row(s), {taken} seat(s) taken, in {} ms",
        elapsed.as_millis()
    );
    let others: Vec<_> = answers
        .iter()
        .filter(|a| a.0 != StatusCode::CREATED && a.0 != StatusCode::CONFLICT)
        .map(|a| (a.0, String::from_utf8_lossy(&a.2).into_owned()))
        .collect();
    assert!(others.is_empty(), "unexpected answers: {others:?}");
    assert_eq!(server_errors, 0);
    assert_eq!(created, 1);
    assert_eq!(full, 99);
    assert_eq!(rows, 1);
    assert_eq!(taken, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_identical_bookings_with_one_key_create_one_appointment_and_the_same_answer() {
    let app = TestApp::new().await;
    let key = common::key();
    let body = common::booking("13800138000", "10:00");
    let requests = (0..50).map(|_| booking_request(&body, &key)).collect();
    let started = Instant::now();
    let answers = send_all(&app, requests).await;
    let elapsed = started.elapsed();
    let created = answers
        .iter()
        .filter(|a| a.0 == StatusCode::CREATED)
        .count();
    let replayed = answers.iter().filter(|a| a.1).count();
    let distinct_bodies: std::collections::BTreeSet<_> = answers.iter().map(|a| &a.2).collect();
    let rows = appointment_rows(&app).await;
    println!(
        "50 concurrent bookings with one Idempotency-Key: {created} × 201 ({replayed} replayed), \
         {} distinct bodies, {rows} row(s), in {} ms",
        distinct_bodies.len(),
        elapsed.as_millis()
    );
    assert_eq!(
        created,
        50,
        "{:?}",
        answers.iter().map(|a| a.0).collect::<Vec<_>>()
    );
    assert_eq!(replayed, 49, "all but the first are replays");
    assert_eq!(distinct_bodies.len(), 1, "every answer is the same");
    let first: Value = serde_json::from_slice(&answers[0].2).unwrap();
    assert_eq!(first["status"], "booked");
    assert_eq!(rows, 1);

    // The same key with another body is refused and books nothing.
    let other = common::booking("13800138000", "10:30");
    let res = app.send(booking_request(&other, &key)).await;
    println!(
        "same key, other body: {} {}",
        res.status,
        res.code("request")
    );
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.code("request"), "idempotency_key_reused");
    assert_eq!(appointment_rows(&app).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_wrong_pins_at_once_get_no_more_pin_checks_than_the_lockout_allows() {
    let app = TestApp::new().await;
    let requests = (0..20)
        .map(|n| {
            let body = serde_json::json!({ "kiosk_id": common::KIOSK, "pin": format!("{:06}", 100_000 + n) });
            Request::post("/api/v1/staff/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap()
        })
        .collect();
    let started = Instant::now();
    let answers = send_all(&app, requests).await;
    let elapsed = started.elapsed();
    let refused = answers
        .iter()
        .filter(|a| a.0 == StatusCode::UNAUTHORIZED)
        .count();
    let locked = answers
        .iter()
        .filter(|a| a.0 == StatusCode::TOO_MANY_REQUESTS && request_code(&a.2) == "staff_locked")
        .count();
    let checked: u32 = app
        .state
        .db
        .call(|c| {
            c.query_value(
                "SELECT COUNT(*) FROM staff_attempts WHERE outcome = 'wrong_pin'",
                &[],
            )
        })
        .await
        .unwrap();
    println!(
        "20 concurrent wrong PINs: {refused} × 401, {locked} × 429 staff_locked, \
         {checked} PIN checks logged, in {} ms",
        elapsed.as_millis()
    );
    assert_eq!(refused + locked, 20);
    // Five wrong PINs lock the kiosk: sending guesses side by side must not buy more.
    let max = kiosk_server::db::staff::MAX_FAILURES;
    assert!(
        checked <= max && refused <= max as usize,
        "{checked} PINs were checked and {refused} answered 401 before the lockout (max {max})"
    );
}
