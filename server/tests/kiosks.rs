//! Kiosk status, heartbeats, staff sign-in with its lockout, and maintenance mode.

mod common;

use axum::http::StatusCode;
use common::{KIOSK, MONDAY_8AM, STAFF_PIN, TestApp};
use serde_json::json;

async fn sign_in(app: &TestApp, pin: &str) -> common::TestResponse {
    sign_in_at(app, KIOSK, pin).await
}

async fn sign_in_at(app: &TestApp, kiosk: &str, pin: &str) -> common::TestResponse {
    app.post(
        "/api/v1/staff/session",
        &json!({"kiosk_id": kiosk, "pin": pin}),
        None,
    )
    .await
}

/// A staff token for `kiosk`, signed in with the right PIN.
async fn staff_token(app: &TestApp, kiosk: &str) -> String {
    let res = sign_in_at(app, kiosk, STAFF_PIN).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["token"].as_str().unwrap().to_owned()
}

async fn put_maintenance(
    app: &TestApp,
    kiosk: &str,
    body: &serde_json::Value,
    token: &str,
) -> common::TestResponse {
    app.send_json(
        "PUT",
        &format!("/api/v1/kiosks/{kiosk}/maintenance"),
        body,
        Some(token),
    )
    .await
}

async fn status_of(app: &TestApp, kiosk: &str) -> serde_json::Value {
    let res = app.get(&format!("/api/v1/kiosks/{kiosk}/status")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
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
            c.query_value(
                "SELECT COUNT(*) FROM staff_attempts WHERE kiosk_id = 'kiosk-1'",
                &[],
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
    let app = TestApp::with(|c| c.demo_kiosks = vec!["kiosk-2".into()]).await;
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

#[tokio::test]
async fn maintenance_can_say_when_the_kiosk_is_expected_back() {
    let app = TestApp::new().await;
    let token = staff_token(&app, KIOSK).await;
    let on = json!({"maintenance": true, "back_at": "2026-11-30T10:30:00+08:00"});
    let res = put_maintenance(&app, KIOSK, &on, &token).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["back_at"], "2026-11-30T10:30:00+08:00");
    assert_eq!(
        status_of(&app, KIOSK).await,
        json!({"maintenance": true, "back_at": "2026-11-30T10:30:00+08:00", "hall_id": "demo-hall"})
    );

    // Any offset is accepted; the answer is at the hall's.
    let on = json!({"maintenance": true, "back_at": "2026-12-01T01:00:00Z"});
    assert_eq!(
        put_maintenance(&app, KIOSK, &on, &token).await.status,
        StatusCode::OK
    );
    assert_eq!(
        status_of(&app, KIOSK).await["back_at"],
        "2026-12-01T09:00:00+08:00"
    );

    // Once the time has passed it is still reported: the kiosk words that case.
    app.set_time(MONDAY_8AM + 2 * 86_400);
    assert_eq!(
        status_of(&app, KIOSK).await["back_at"],
        "2026-12-01T09:00:00+08:00"
    );
}

#[tokio::test]
async fn an_expected_back_time_that_is_past_too_far_ahead_or_garbled_is_refused() {
    let app = TestApp::new().await;
    let token = staff_token(&app, KIOSK).await;
    // The clock stands at Monday 2026-11-30 08:00 at the hall.
    for back_at in [
        "2026-11-30T07:59:00+08:00",
        "2026-11-30T08:00:00+08:00",
        "2026-11-30T00:00:00Z",
        "2026-12-14T08:01:00+08:00",
        "2027-11-30T08:00:00+08:00",
        "2026-11-30T10:30:15+08:00",
        "2026-11-30T10:30:00",
        "2026-11-30 10:30",
        "10:30",
        "tomorrow",
        "",
    ] {
        let body = json!({"maintenance": true, "back_at": back_at});
        let res = put_maintenance(&app, KIOSK, &body, &token).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{back_at:?}");
        assert_eq!(res.code("back_at"), "invalid_back_at", "{back_at:?}");
    }
    assert_eq!(status_of(&app, KIOSK).await["maintenance"], false);
    let res = put_maintenance(
        &app,
        KIOSK,
        &json!({"maintenance": true, "back_at": 10}),
        &token,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A minute ahead and exactly 14 days ahead are the bounds.
    for back_at in ["2026-11-30T08:01:00+08:00", "2026-12-14T08:00:00+08:00"] {
        let body = json!({"maintenance": true, "back_at": back_at});
        let res = put_maintenance(&app, KIOSK, &body, &token).await;
        assert_eq!(res.status, StatusCode::OK, "{back_at}: {}", res.text());
        assert_eq!(status_of(&app, KIOSK).await["back_at"], back_at);
    }
}

#[tokio::test]
async fn turning_maintenance_off_clears_the_expected_back_time() {
    let app = TestApp::new().await;
    let token = staff_token(&app, KIOSK).await;
    let on = json!({
        "maintenance": true,
        "message": {"zh-CN": "更换打印纸", "en": "Changing the paper"},
        "back_at": "2026-11-30T09:00:00+08:00",
    });
    put_maintenance(&app, KIOSK, &on, &token).await;
    assert_eq!(
        status_of(&app, KIOSK).await["back_at"],
        "2026-11-30T09:00:00+08:00"
    );
    let res = put_maintenance(&app, KIOSK, &json!({"maintenance": false}), &token).await;
    assert_eq!(res.status, StatusCode::OK);
    let off = json!({"maintenance": false, "hall_id": "demo-hall"});
    assert_eq!(res.json(), off);
    assert_eq!(status_of(&app, KIOSK).await, off);

    // A time sent with "off" is not kept, nor is an earlier one when maintenance
    // is switched on again without one.
    let res = put_maintenance(
        &app,
        KIOSK,
        &json!({"maintenance": false, "back_at": "2026-11-30T09:00:00+08:00"}),
        &token,
    )
    .await;
    assert_eq!(res.json(), off);
    put_maintenance(&app, KIOSK, &on, &token).await;
    put_maintenance(&app, KIOSK, &json!({"maintenance": true}), &token).await;
    assert_eq!(
        status_of(&app, KIOSK).await,
        json!({"maintenance": true, "hall_id": "demo-hall"})
    );
}

#[tokio::test]
async fn demo_kiosks_from_the_configuration_are_independent_kiosks_of_the_demo_hall() {
    let app = TestApp::with(|c| c.demo_kiosks = vec!["kiosk-2".into(), "lobby_3".into()]).await;
    let in_service = json!({"maintenance": false, "hall_id": "demo-hall"});
    for kiosk in [KIOSK, "kiosk-2", "lobby_3"] {
        assert_eq!(status_of(&app, kiosk).await, in_service, "{kiosk}");
    }

    // Maintenance on one leaves the others in service.
    let token = staff_token(&app, "kiosk-2").await;
    let on = json!({"maintenance": true, "back_at": "2026-11-30T09:00:00+08:00"});
    assert_eq!(
        put_maintenance(&app, "kiosk-2", &on, &token).await.status,
        StatusCode::OK
    );
    assert_eq!(status_of(&app, "kiosk-2").await["maintenance"], true);
    assert_eq!(status_of(&app, "lobby_3").await, in_service);
    assert_eq!(status_of(&app, KIOSK).await, in_service);

    // The staff lockout is per kiosk: locking lobby_3 leaves kiosk-2's entry open.
    for _ in 0..4 {
        sign_in_at(&app, "lobby_3", "000000").await;
    }
    let res = sign_in_at(&app, "lobby_3", "000000").await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        sign_in_at(&app, "lobby_3", STAFF_PIN).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_at(&app, "kiosk-2", STAFF_PIN).await.status,
        StatusCode::OK
    );
}
