//! Legal-aid standards uploaded in the console: checked against the format, a
//! preview of what changes from which date, applied once (never over someone
//! else's upload), audited, and then served to every kiosk. On both databases.

mod common;

use axum::http::StatusCode;
use common::{TestApp, console::user};
use kiosk_core::eligibility::EMBEDDED_JSON;
use serde_json::{Value, json};

/// The built-in file with Shanghai's figure raised from 2026-07-01, and
/// Zhongshan's wording changed.
fn updated() -> Value {
    let mut file: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let entries = file["entries"].as_array_mut().unwrap();
    let mut next = entries[0].clone();
    next["standard_per_capita_monthly"] = json!(3400);
    next["effective_from"] = json!("2026-07-01");
    next["rule"]["zh-CN"] = json!("家庭月人均可支配收入低于 3400 元");
    next["rule"]["en"] = json!("Household disposable income per person per month below 3,400 CNY");
    entries[1]["notes"] = json!("Verified against the city's 2026 notice.");
    entries.push(next);
    file
}

#[tokio::test]
async fn an_upload_is_previewed_by_effective_date_applied_once_audited_and_served() {
    let app = TestApp::new().await;
    let boss = user(&app, "boss", "province_admin", &[]).await;
    let other = user(&app, "deputy", "province_admin", &[]).await;

    let res = boss.get(&app, "/console/standards").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let built_in = res.json();
    assert_eq!(built_in["source"], "built_in");
    let version = built_in["version"].as_str().unwrap().to_owned();
    assert_eq!(version.len(), 64);

    let text = serde_json::to_string_pretty(&updated()).unwrap();
    let upload = json!({ "text": text, "based_on": version });
    let res = boss
        .send(&app, "POST", "/console/standards/preview", Some(&upload))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let preview = res.json();
    assert_eq!(preview["entries"], 3);
    let changes: Vec<(String, String, String)> = preview["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let e = if c["kind"] == "changed" {
                &c["after"]
            } else {
                &c["entry"]
            };
            (
                c["kind"].as_str().unwrap().to_owned(),
                e["region"].as_str().unwrap().to_owned(),
                e["effective_from"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("changed".into(), "442000".into(), "2023-03-10".into()),
            ("added".into(), "310000".into(), "2026-07-01".into()),
        ]
    );
    // A preview changes nothing.
    let served = app.get("/api/v1/eligibility/standards").await.json();
    assert_eq!(served["entries"].as_array().unwrap().len(), 2);

    let res = boss
        .send(&app, "PUT", "/console/standards", Some(&upload))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let applied = res.json();
    assert_eq!(applied["source"], "upload");
    assert_eq!(applied["uploaded_by"], "boss");
    assert_eq!(applied["uploaded_by_name"], "测试用户");
    assert_eq!(applied["version"], preview["version"]);
    let served = app.get("/api/v1/eligibility/standards").await.json();
    assert_eq!(served["entries"].as_array().unwrap().len(), 3);
    // The server's own assessment uses them too: 3300 a month is under the
    // new figure from 2026-07-01, not under the old one.
    let assess = |date: &str| {
        json!({"matter": "traffic_accident", "region": "310000", "date": date,
               "household_size": 1, "household_monthly_income": 3300})
    };
    let figure = |v: Value| v["means"]["standard"].clone();
    let old = app
        .post("/api/v1/eligibility", &assess("2026-06-30"), None)
        .await;
    let new = app
        .post("/api/v1/eligibility", &assess("2026-07-01"), None)
        .await;
    assert_eq!(old.status, StatusCode::OK, "{}", old.text());
    assert_eq!(
        (figure(old.json()), figure(new.json())),
        (json!(3190), json!(3400))
    );

    // The deputy previewed the old version meanwhile: refused, not overwritten.
    let res = other
        .send(&app, "PUT", "/console/standards", Some(&upload))
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.code("request"), "changed_by_someone_else");
    // The same file again, from the new version: nothing to change.
    let again = json!({ "text": text, "based_on": applied["version"] });
    let res = boss
        .send(&app, "PUT", "/console/standards", Some(&again))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.code("text"), "standards_unchanged");

    let res = boss
        .get(&app, "/console/audit?action=standards_apply")
        .await;
    let entries = res.json()["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["user"], "boss");
    assert_eq!(entries[0]["target_kind"], "standards");
    assert_eq!(
        entries[0]["detail"],
        json!({"entries": 3, "added": 1, "changed": 1, "removed": 0})
    );
}

#[tokio::test]
async fn bad_files_are_refused_by_what_is_wrong_and_only_province_admins_may_upload() {
    let app = TestApp::new().await;
    let boss = user(&app, "boss", "province_admin", &[]).await;
    let version = boss.get(&app, "/console/standards").await.json()["version"]
        .as_str()
        .unwrap()
        .to_owned();
    let entry = |region: &str, figure: u64, from: &str| {
        json!({
            "region": region, "names": {"zh-CN": "测试", "en": "Test"},
            "rule": {"zh-CN": "测试", "en": "Test"}, "standard_per_capita_monthly": figure,
            "comparison": "below", "effective_from": from, "source": "test"
        })
    };
    for (text, code) in [
        ("not json".to_owned(), "invalid_standards_format"),
        (r#"{"entries": [{"region": "310000"}]}"#.to_owned(), "invalid_standards_format"),
        (r#"{"entries": []}"#.to_owned(), "standards_empty"),
        (
            json!({"entries": [entry("31000", 3000, "2026-01-01")]}).to_string(),
            "invalid_region_code",
        ),
        (
            json!({"entries": [entry("310000", 0, "2026-01-01")]}).to_string(),
            "zero_figure",
        ),
        (
            json!({"entries": [entry("310000", 1, "2026-01-01"), entry("310000", 2, "2026-01-01")]})
                .to_string(),
            "duplicate_standard",
        ),
    ] {
        let body = json!({"text": text, "based_on": version});
        for (method, path) in [("POST", "/console/standards/preview"), ("PUT", "/console/standards")] {
            let res = boss.send(&app, method, path, Some(&body)).await;
            assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
            assert_eq!(res.code("text"), code, "{text}");
        }
    }
    // A province's file larger than a kiosk request is taken.
    let big: Vec<Value> = (0..80)
        .map(|i| {
            let mut e = entry(&format!("{:06}", 110_100 + i), 2000 + i, "2026-01-01");
            e["notes"] = json!("x".repeat(300));
            e
        })
        .collect();
    let text = json!({ "entries": big }).to_string();
    assert!(text.len() > 16 * 1024);
    let res = boss
        .send(
            &app,
            "POST",
            "/console/standards/preview",
            Some(&json!({"text": text, "based_on": version})),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["entries"], 80);

    // Roles, session and CSRF.
    let ok = json!({"text": EMBEDDED_JSON, "based_on": version});
    for role in ["operator", "hall_admin"] {
        let halls: &[&str] = if role == "hall_admin" {
            &["demo-hall"]
        } else {
            &[]
        };
        let u = user(&app, &format!("u-{role}"), role, halls).await;
        assert_eq!(
            u.get(&app, "/console/standards").await.status,
            StatusCode::FORBIDDEN
        );
        for (method, path) in [
            ("POST", "/console/standards/preview"),
            ("PUT", "/console/standards"),
        ] {
            let res = u.send(&app, method, path, Some(&ok)).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{role} {method} {path}");
            assert_eq!(res.code("request"), "forbidden_role");
        }
    }
    assert_eq!(
        app.get("/api/v1/console/standards").await.status,
        StatusCode::UNAUTHORIZED
    );
    let no_csrf = common::console::Console {
        token: boss.token.clone(),
        csrf: "wrong".into(),
    };
    let res = no_csrf
        .send(&app, "PUT", "/console/standards", Some(&ok))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.code("request"), "csrf_failed");
}
