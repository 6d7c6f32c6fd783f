//! Kiosk status, heartbeats, staff sign-in with its lockout, and maintenance mode.

mod common;

use axum::http::StatusCode;
use common::{KIOSK, MONDAY_8AM, STAFF_PIN, TestApp};
use serde_json::json;

async fn sign_in(app: &TestApp, pin: &str) -> common::TestResponse {
    app.post(
        "/api/v1/staff/session",
        &json!({"kiosk_id": KIOSK, "pin": pin}),
        None,
    )
    .await
}

#[tokio::test]
async fn a_kiosk_reports_its_hall_and_is_in_service_by_default() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/kiosks/kiosk-1/status").await;
    assert_eq!(
        res.json(),
        json!({"maintenance": false, "hall_id": "demo-hall"})
    );
    let res = app.get("/api/v1/kiosks/kiosk-9/status").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.code("request"), "unknown_kiosk");
}

#[tokio::test]
async fn heartbeats_are_recorded_per_kiosk() {
    let app = TestApp::new().await;
    let beat = json!({"version": "0.1.0", "uptime_s": 3600, "last_interaction_s": 12, "errors": 0});
    let res = app
        .post("/api/v1/kiosks/kiosk-1/heartbeat", &beat, None)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let seen = app
        .state
        .db
        .call(|c| kiosk_server::db::kiosks::last_seen(c, "kiosk-1"))
        .await
        .unwrap();
    assert_eq!(seen, Some(MONDAY_8AM));
    let res = app
        .post("/api/v1/kiosks/kiosk-9/heartbeat", &beat, None)
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = app
        .post(
            "/api/v1/kiosks/kiosk-1/heartbeat",
            &json!({"version": "0.1.0"}),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn staff_sign_in_with_the_right_pin_opens_a_session_for_maintenance() {
    let app = TestApp::new().await;
    let res = sign_in(&app, STAFF_PIN).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let token = res.json()["token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 64);
    assert_eq!(res.json()["expires_at"], "2026-11-30T08:30:00+08:00");

    let on = json!({"maintenance": true, "message": {"zh-CN": "维护中，预计10点恢复", "en": "Back at 10:00"}});
    let res = app
        .send_json("PUT", "/api/v1/kiosks/kiosk-1/maintenance", &on, None)
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = app
        .send_json(
            "PUT",
            "/api/v1/kiosks/kiosk-1/maintenance",
            &on,
            Some("bad"),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = app
        .send_json(
            "PUT",
            "/api/v1/kiosks/kiosk-1/maintenance",
            &on,
            Some(&token),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let status = app.get("/api/v1/kiosks/kiosk-1/status").await.json();
    assert_eq!(status["maintenance"], true);
    assert_eq!(status["message"]["en"], "Back at 10:00");

    let off = json!({"maintenance": false});
    app.send_json(
        "PUT",
        "/api/v1/kiosks/kiosk-1/maintenance",
        &off,
        Some(&token),
    )
    .await;
    let status = app.get("/api/v1/kiosks/kiosk-1/status").await.json();
    assert_eq!(
        status,
        json!({"maintenance": false, "hall_id": "demo-hall"})
    );

    // The session expires after 30 minutes.
    app.set_time(MONDAY_8AM + 31 * 60);
    let res = app
        .send_json(
            "PUT",
            "/api/v1/kiosks/kiosk-1/maintenance",
            &on,
            Some(&token),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn five_wrong_pins_lock_staff_entry_for_15_minutes_then_30() {
    let app = TestApp::new().await;
    for _ in 0..4 {
        assert_eq!(
            sign_in(&app, "000000").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let res = sign_in(&app, "000000").await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.code("request"), "staff_locked");
    assert_eq!(res.header("retry-after"), Some("900"));
    // Even the right PIN is refused while locked.
    let res = sign_in(&app, STAFF_PIN).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    app.set_time(MONDAY_8AM + 600);
    assert_eq!(
        sign_in(&app, STAFF_PIN).await.header("retry-after"),
        Some("300")
    );

    // After the lockout, five more wrong PINs lock for twice as long.
    app.set_time(MONDAY_8AM + 901);
    for _ in 0..4 {
        sign_in(&app, "111111").await;
    }
    let res = sign_in(&app, "111111").await;
    assert_eq!(res.header("retry-after"), Some("1800"));

    // Every attempt is logged with the kiosk id.
    let attempts: u32 = app
        .state
        .db
        .call(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM staff_attempts WHERE kiosk_id = 'kiosk-1'",
                [],
                |r| r.get(0),
            )
        })
        .await
        .unwrap();
    assert_eq!(attempts, 12);
}

#[tokio::test]
async fn a_right_pin_resets_the_failure_count() {
    let app = TestApp::new().await;
    for _ in 0..4 {
        sign_in(&app, "000000").await;
    }
    assert_eq!(sign_in(&app, STAFF_PIN).await.status, StatusCode::OK);
    for _ in 0..4 {
        assert_eq!(
            sign_in(&app, "000000").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn unknown_kiosks_cannot_sign_in() {
    let app = TestApp::new().await;
    let res = app
        .post(
            "/api/v1/staff/session",
            &json!({"kiosk_id": "kiosk-9", "pin": STAFF_PIN}),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_session_of_one_kiosk_cannot_switch_another() {
    let app = TestApp::new().await;
    app.state
        .db
        .call(|c| {
            c.execute(
                "INSERT INTO kiosks (id, hall_id) VALUES ('kiosk-2', 'demo-hall')",
                [],
            )
        })
        .await
        .unwrap();
    let token = sign_in(&app, STAFF_PIN).await.json()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .send_json(
            "PUT",
            "/api/v1/kiosks/kiosk-2/maintenance",
            &json!({"maintenance": true}),
            Some(&token),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}
