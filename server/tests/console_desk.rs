//! The 12348 desk: the queue in the order calls are due, claims that exactly one
//! operator wins and that run out, outcomes with retries and closing after three
//! unanswered tries, notes, audited reveals, and the role boundary. On both
//! databases.

mod common;

use axum::http::StatusCode;
use common::{
    KIOSK, MONDAY_8AM, TestApp, callback,
    console::{Console, user},
    key,
};
use serde_json::{Value, json};

async fn request(app: &TestApp, phone: &str, preferred: Value, topic: &str) -> String {
    let mut body = callback(phone);
    body["kiosk_id"] = json!(KIOSK);
    body["preferred"] = preferred;
    body["topic"] = json!(topic);
    body["name"] = json!("王秀英");
    let res = app.post("/api/v1/callbacks", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["reference"].as_str().unwrap().to_owned()
}

async fn queue(app: &TestApp, who: &Console, query: &str) -> Vec<Value> {
    let res = who.get(app, &format!("/console/desk?{query}")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["items"].as_array().unwrap().clone()
}

fn refs(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .map(|i| i["reference"].as_str().unwrap())
        .collect()
}

async fn outcome(app: &TestApp, who: &Console, r: &str, body: Value) -> common::TestResponse {
    who.send(
        app,
        "POST",
        &format!("/console/desk/{r}/outcome"),
        Some(&body),
    )
    .await
}

async fn claim(app: &TestApp, who: &Console, r: &str) -> common::TestResponse {
    who.send(app, "POST", &format!("/console/desk/{r}/claim"), None)
        .await
}

#[tokio::test]
async fn the_queue_is_ordered_by_the_promised_window_and_filtered() {
    let app = TestApp::new().await;
    let op = user(&app, "op1", "operator", &[]).await;
    let tomorrow_morning = request(
        &app,
        "13900000001",
        json!({"date": "2026-12-01", "period": "morning"}),
        "family",
    )
    .await;
    let asap = request(&app, "13900000002", json!("asap"), "labour").await;
    let today_evening = request(
        &app,
        "13900000003",
        json!({"date": "2026-11-30", "period": "evening"}),
        "labour",
    )
    .await;
    let items = queue(&app, &op, "").await;
    assert_eq!(refs(&items), [&asap, &today_evening, &tomorrow_morning]);
    let first = &items[0];
    assert_eq!(first["phone_masked"], "139****0002");
    assert!(
        first.get("phone").is_none(),
        "the list never has the number"
    );
    assert_eq!(first["name_masked"], "王**");
    assert_eq!(first["hall"], "demo-hall");
    assert_eq!(first["overdue"], false);
    assert_eq!(
        refs(&queue(&app, &op, "topic=labour").await),
        [&asap, &today_evening]
    );
    assert_eq!(queue(&app, &op, "hall=demo-hall").await.len(), 3);
    let res = op.get(&app, "/console/desk?hall=nowhere").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["errors"]["hall"][0], "unknown_hall");
    let res = op.get(&app, "/console/desk?topic=astrology").await;
    assert_eq!(res.json()["errors"]["topic"][0], "invalid_topic");

    // At 20:01 the evening window has passed: overdue, highlighted, filterable.
    app.set_time(MONDAY_8AM + 12 * 3600 + 60);
    let op = common::console::sign_in(&app, "op1").await;
    let overdue = queue(&app, &op, "overdue=true").await;
    assert_eq!(refs(&overdue), [&today_evening]);
    assert_eq!(overdue[0]["overdue"], true);
}

#[tokio::test]
async fn exactly_one_operator_wins_a_claim_and_claims_run_out() {
    let app = TestApp::new().await;
    let op1 = user(&app, "op1", "operator", &[]).await;
    let op2 = user(&app, "op2", "operator", &[]).await;
    let r = request(&app, "13900000001", json!("asap"), "labour").await;

    // Both at once: one 200, one 409.
    let (a, b) = tokio::join!(claim(&app, &op1, &r), claim(&app, &op2, &r));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let (winner, loser) = if a.status == StatusCode::OK {
        (&op1, &op2)
    } else {
        (&op2, &op1)
    };
    let res = claim(&app, loser, &r).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["errors"]["request"][0], "claimed_by_other");
    // The loser cannot record an outcome on it either.
    let res = outcome(&app, loser, &r, json!({"outcome": "reached"})).await;
    assert_eq!(res.json()["errors"]["request"][0], "claimed_by_other");
    let claimed = queue(&app, winner, "view=claimed").await;
    assert_eq!(refs(&claimed), [&r]);
    assert_eq!(claimed[0]["claimed_by_name"], "测试用户");

    // Fifteen minutes on, the claim has run out and the other may take it.
    app.set_time(MONDAY_8AM + 15 * 60 + 1);
    let loser = common::console::sign_in(
        &app,
        if std::ptr::eq(loser, &op1) {
            "op1"
        } else {
            "op2"
        },
    )
    .await;
    assert!(queue(&app, &loser, "view=claimed").await.is_empty());
    assert_eq!(claim(&app, &loser, &r).await.status, StatusCode::OK);
    let res = loser
        .send(&app, "DELETE", &format!("/console/desk/{r}/claim"), None)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let res = loser
        .send(&app, "DELETE", &format!("/console/desk/{r}/claim"), None)
        .await;
    assert_eq!(res.json()["errors"]["request"][0], "claim_required");
}

#[tokio::test]
async fn no_answer_retries_and_three_close_it_with_a_note() {
    let app = TestApp::new().await;
    let op = user(&app, "op1", "operator", &[]).await;
    let r = request(&app, "13900000001", json!("asap"), "labour").await;
    let res = outcome(&app, &op, &r, json!({"outcome": "no_answer"})).await;
    assert_eq!(res.json()["errors"]["request"][0], "claim_required");

    for try_no in 1..=3 {
        assert_eq!(claim(&app, &op, &r).await.status, StatusCode::OK);
        let res = outcome(
            &app,
            &op,
            &r,
            json!({"outcome": "no_answer", "note": format!("第{try_no}次未接")}),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let item = res.json();
        assert_eq!(item["tries"], try_no);
        if try_no < 3 {
            assert!(item.get("closed").is_none());
            assert!(item["retry_at"].as_str().unwrap().ends_with("+08:00"));
            assert!(
                item.get("claimed_by").is_none(),
                "the outcome gives it back"
            );
        } else {
            assert_eq!(item["closed"], "no_answer");
        }
    }
    assert!(refs(&queue(&app, &op, "").await).is_empty());
    assert_eq!(refs(&queue(&app, &op, "view=closed").await), [&r]);
    assert_eq!(
        claim(&app, &op, &r).await.json()["errors"]["request"][0],
        "callback_closed"
    );
    let detail = op.get(&app, &format!("/console/desk/{r}")).await.json();
    assert_eq!(detail["attempts"].as_array().unwrap().len(), 3);
    let kinds: Vec<&str> = detail["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["note", "note", "note", "closed_after_tries"]);
    assert_eq!(detail["notes"][0]["text"], "第1次未接");
    assert_eq!(detail["notes"][0]["author_name"], "测试用户");
}

#[tokio::test]
async fn later_waits_reached_closes_and_counts_within_the_window() {
    let app = TestApp::new().await;
    let op = user(&app, "op1", "operator", &[]).await;
    let r = request(&app, "13900000001", json!("asap"), "labour").await;
    claim(&app, &op, &r).await;
    let res = outcome(&app, &op, &r, json!({"outcome": "later"})).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["errors"]["call_after"][0], "call_after_required");
    let res = outcome(
        &app,
        &op,
        &r,
        json!({"outcome": "later", "call_after": "2026-11-30T07:00"}),
    )
    .await;
    assert_eq!(res.json()["errors"]["call_after"][0], "call_after_past");
    let res = outcome(
        &app,
        &op,
        &r,
        json!({"outcome": "later", "call_after": "2026-11-30T15:30"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["retry_at"], "2026-11-30T15:30:00+08:00");
    assert_eq!(res.json()["tries"], 0);

    claim(&app, &op, &r).await;
    let res = outcome(
        &app,
        &op,
        &r,
        json!({"outcome": "reached", "note": "已解答"}),
    )
    .await;
    assert_eq!(res.json()["closed"], "reached");
    let boss = user(&app, "boss", "province_admin", &[]).await;
    let report = boss
        .get(&app, "/console/stats?from=2026-11-30&to=2026-11-30")
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.text());
    assert!(
        report.text().contains("\"callbacks_in_window\":1"),
        "{}",
        report.text()
    );
}

#[tokio::test]
async fn the_number_is_shown_only_on_purpose_and_every_step_is_audited() {
    let app = TestApp::new().await;
    let op = user(&app, "op1", "operator", &[]).await;
    let r = request(&app, "13900000001", json!("asap"), "labour").await;
    let res = op
        .send(&app, "POST", &format!("/console/desk/{r}/phone"), None)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["phone"], "13900000001");
    assert_eq!(res.json()["name"], "王秀英");
    claim(&app, &op, &r).await;
    let res = op
        .send(
            &app,
            "POST",
            &format!("/console/desk/{r}/notes"),
            Some(&json!({"text": "  "})),
        )
        .await;
    assert_eq!(res.json()["errors"]["text"][0], "note_required");
    let res = op
        .send(
            &app,
            "POST",
            &format!("/console/desk/{r}/notes"),
            Some(&json!({"text": "请用普通话"})),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    outcome(&app, &op, &r, json!({"outcome": "reached"})).await;

    let boss = user(&app, "boss", "province_admin", &[]).await;
    let res = boss
        .get(&app, &format!("/console/audit?target=callback:{r}"))
        .await;
    let log = res.text();
    let actions: Vec<String> = res.json()["entries"]
        .as_array()
        .unwrap_or_else(|| panic!("{log}"))
        .iter()
        .filter(|e| e["target_id"] == r.as_str())
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    for a in [
        "phone_reveal",
        "callback_claim",
        "callback_note",
        "callback_outcome",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} not in {actions:?}");
    }
    assert!(!log.contains("13900000001") && !log.contains("请用普通话"));
}

#[tokio::test]
async fn hall_admins_have_no_desk_and_writes_need_the_csrf_token() {
    let app = TestApp::new().await;
    let hall = user(&app, "hall1", "hall_admin", &["demo-hall"]).await;
    let r = request(&app, "13900000001", json!("asap"), "labour").await;
    for (method, path) in [
        ("GET", "/console/desk".to_owned()),
        ("GET", format!("/console/desk/{r}")),
        ("POST", format!("/console/desk/{r}/claim")),
        ("POST", format!("/console/desk/{r}/phone")),
    ] {
        let res = hall.send(&app, method, &path, None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(res.json()["errors"]["request"][0], "forbidden_role");
    }
    let op = user(&app, "op1", "operator", &[]).await;
    let forged = Console {
        token: op.token.clone(),
        csrf: "not-the-token".into(),
    };
    let res = claim(&app, &forged, &r).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.json()["errors"]["request"][0], "csrf_failed");
    let res = claim(&app, &op, "C0000000").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_long_queue_lists_the_first_due_and_says_how_many_wait() {
    let app = TestApp::new().await;
    let op = user(&app, "op1", "operator", &[]).await;
    let limit = kiosk_core::desk::QUEUE_LIMIT;
    // The last one asked for is due first: the cut keeps it.
    for n in 0..limit {
        request(
            &app,
            &format!("139{n:08}"),
            json!({"date": "2026-12-02", "period": "evening"}),
            "labour",
        )
        .await;
    }
    let first_due = request(&app, "13812345678", json!("asap"), "family").await;
    let res = op.get(&app, "/console/desk").await;
    assert_eq!(res.status, StatusCode::OK);
    let body = res.json();
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), limit);
    assert_eq!(body["total"], limit + 1);
    assert_eq!(items[0]["reference"], first_due.as_str());
    let family = op.get(&app, "/console/desk?topic=family").await.json();
    assert_eq!(family["total"], 1);
    assert_eq!(family["items"].as_array().unwrap().len(), 1);
}
