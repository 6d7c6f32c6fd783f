//! Callback requests for the 12348 hotline, and the operator desk's queue.

mod common;

use axum::http::StatusCode;
use common::{MONDAY_8AM, OPERATOR_TOKEN, TestApp, callback, key};
use kiosk_core::rules::NOTE_MAX;
use serde_json::json;

#[tokio::test]
async fn a_callback_is_queued_with_a_reference_and_a_masked_phone() {
    let app = TestApp::new().await;
    let mut body = callback("+86 139 1234 5678");
    body["name"] = json!("李四");
    body["preferred"] = json!({"date": "2026-12-02", "period": "evening"});
    body["needs"] = json!(["sign_language", "text_communication"]);
    body["may_say_12348"] = json!(false);
    body["note"] = json!("工资拖欠三个月");
    body["kiosk_id"] = json!("kiosk-1");
    let res = app.post("/api/v1/callbacks", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let receipt = res.json();
    assert!(receipt["reference"].as_str().unwrap().starts_with('C'));
    assert_eq!(receipt["status"], "queued");
    assert_eq!(receipt["phone_masked"], "139****5678");
    assert_eq!(
        receipt["preferred"],
        json!({"date": "2026-12-02", "period": "evening"})
    );
    assert!(!res.text().contains("12345678"));
}

#[tokio::test]
async fn callback_validation_names_each_bad_field() {
    let app = TestApp::new().await;
    let cases: Vec<(serde_json::Value, &str, &str)> = vec![
        (json!({"phone": "110"}), "phone", "invalid_phone"),
        (json!({"name": "名".repeat(31)}), "name", "name_too_long"),
        (json!({"name": "\u{202e}evil"}), "name", "name_bidi_control"),
        (json!({"name": "\u{feff}李四"}), "name", "name_zero_width"),
        (
            json!({"name": "李\u{001b}四"}),
            "name",
            "name_control_character",
        ),
        (
            json!({"note": "欠薪\u{202d}三个月"}),
            "note",
            "note_bidi_control",
        ),
        (
            json!({"note": "欠薪\u{2060}三个月"}),
            "note",
            "note_zero_width",
        ),
        (
            json!({"note": "欠薪\u{0000}三个月"}),
            "note",
            "note_control_character",
        ),
        (
            json!({"note": "字".repeat(NOTE_MAX + 1)}),
            "note",
            "note_too_long",
        ),
        (
            json!({"preferred": {"date": "2026-11-29", "period": "morning"}}),
            "preferred",
            "invalid_preferred_date",
        ),
        (
            json!({"preferred": {"date": "2026-12-15", "period": "morning"}}),
            "preferred",
            "invalid_preferred_date",
        ),
        (
            json!({"preferred": {"date": "soon", "period": "morning"}}),
            "preferred",
            "invalid_preferred_date",
        ),
        (json!({"preferred": "later"}), "preferred", "invalid_body"),
        (json!({"topic": "astrology"}), "topic", "invalid_body"),
        (
            json!({"consent_version": "  "}),
            "consent_version",
            "consent_required",
        ),
    ];
    for (patch, field, code) in cases {
        let mut body = callback("13912345678");
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let res = app.post("/api/v1/callbacks", &body, Some(&key())).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{patch}: {}",
            res.text()
        );
        assert_eq!(res.code(field), code, "{patch}: {}", res.text());
    }
    // A note of exactly the longest length, a name with the middle dot, and the
    // last allowed day are fine.
    let mut body = callback("13912345678");
    body["note"] = json!("字".repeat(NOTE_MAX));
    body["name"] = json!("阿依古丽·买买提");
    body["preferred"] = json!({"date": "2026-12-14", "period": "morning"});
    let res = app.post("/api/v1/callbacks", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

#[tokio::test]
async fn a_phone_may_have_three_queued_callbacks_a_day() {
    let app = TestApp::new().await;
    for _ in 0..3 {
        let res = app
            .post("/api/v1/callbacks", &callback("13612345678"), Some(&key()))
            .await;
        assert_eq!(res.status, StatusCode::CREATED);
    }
    let res = app
        .post(
            "/api/v1/callbacks",
            &callback("136 1234 5678"),
            Some(&key()),
        )
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.code("request"), "too_many_callbacks");
    assert_eq!(res.header("retry-after"), Some("86400"));
    // Another phone is not affected; a day later the first may ask again.
    let res = app
        .post("/api/v1/callbacks", &callback("13612345679"), Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    app.set_time(MONDAY_8AM + 86_400);
    let res = app
        .post("/api/v1/callbacks", &callback("13612345678"), Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
}

#[tokio::test]
async fn callbacks_replay_on_the_same_key() {
    let app = TestApp::new().await;
    let k = key();
    let first = app
        .post("/api/v1/callbacks", &callback("13512345678"), Some(&k))
        .await;
    let again = app
        .post("/api/v1/callbacks", &callback("13512345678"), Some(&k))
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body);
    let other = app
        .post("/api/v1/callbacks", &callback("13512345679"), Some(&k))
        .await;
    assert_eq!(other.code("request"), "idempotency_key_reused");
    let res = app
        .post("/api/v1/callbacks", &callback("13512345678"), None)
        .await;
    assert_eq!(res.code("request"), "idempotency_key_required");
}

#[tokio::test]
async fn operators_see_the_full_phone_and_complete_callbacks() {
    let app = TestApp::new().await;
    let mut body = callback("13412345678");
    body["may_say_12348"] = json!(false);
    let receipt = app
        .post("/api/v1/callbacks", &body, Some(&key()))
        .await
        .json();
    let reference = receipt["reference"].as_str().unwrap();

    assert_eq!(
        app.get("/api/v1/callbacks").await.status,
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .get_auth("/api/v1/callbacks?status=queued", "wrong")
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.code("request"), "unauthorized");

    let queue = app
        .get_auth("/api/v1/callbacks?status=queued", OPERATOR_TOKEN)
        .await
        .json();
    assert_eq!(queue[0]["reference"], reference);
    assert_eq!(queue[0]["phone"], "13412345678");
    assert_eq!(queue[0]["topic"], "labour");
    assert_eq!(queue[0]["may_say_12348"], false);
    assert_eq!(queue[0]["preferred"], "asap");

    let url = format!("/api/v1/callbacks/{reference}/complete");
    assert_eq!(
        app.send_json("POST", &url, &json!({}), None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let done = app
        .send_json("POST", &url, &json!({}), Some(OPERATOR_TOKEN))
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    assert_eq!(done.json()["status"], "completed");
    let queue = app
        .get_auth("/api/v1/callbacks", OPERATOR_TOKEN)
        .await
        .json();
    assert_eq!(queue, json!([]));
    let completed = app
        .get_auth("/api/v1/callbacks?status=completed", OPERATOR_TOKEN)
        .await
        .json();
    assert_eq!(completed[0]["reference"], reference);
    let res = app
        .get_auth("/api/v1/callbacks?status=lost", OPERATOR_TOKEN)
        .await;
    assert_eq!(res.code("status"), "invalid_status");
    let res = app
        .send_json(
            "POST",
            "/api/v1/callbacks/CNOTHING/complete",
            &json!({}),
            Some(OPERATOR_TOKEN),
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.code("request"), "callback_not_found");
}

#[tokio::test]
async fn without_a_configured_token_the_operator_side_is_closed() {
    let app = TestApp::with(|c| {
        c.operator_token = None;
        c.demo_data = false;
    })
    .await;
    let res = app.get_auth("/api/v1/callbacks", "anything").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}
