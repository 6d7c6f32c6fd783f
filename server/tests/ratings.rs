//! 好差评 ratings from the kiosks: counted per hall and day, with nothing that
//! could tie one to a visitor; only an edge may date a rating it held.

mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{HALL, TestApp, key};
use kiosk_core::date::Date;
use kiosk_server::db;
use serde_json::{Value, json};

const URI: &str = "/api/v1/kiosks/kiosk-1/ratings";

async fn counts(app: &TestApp, from: &str, to: &str) -> [u64; 5] {
    let (from, to) = (Date::parse_iso(from).unwrap(), Date::parse_iso(to).unwrap());
    app.state
        .db
        .call(move |c| db::ratings::distribution(c, HALL, from, to))
        .await
        .unwrap()
}

/// POSTs as a kiosk proven by its secret.
async fn post_proven(
    app: &TestApp,
    kiosk: &str,
    secret: &str,
    body: &Value,
) -> common::TestResponse {
    app.send(
        Request::post(format!("/api/v1/kiosks/{kiosk}/ratings"))
            .header(header::CONTENT_TYPE, "application/json")
            .header("idempotency-key", key())
            .header("x-kiosk-id", kiosk)
            .header("x-kiosk-key", secret)
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_rating_is_counted_for_the_hall_and_day_once_per_key_and_nothing_else_is_kept() {
    let app = TestApp::new().await;
    let k = key();
    let body = json!({"level": "satisfied", "reasons": ["quick", "easy_to_use", "quick"], "flow": "booking"});
    let res = app.post(URI, &body, Some(&k)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json(), json!({"status": "recorded"}));
    // The kiosk's retry of the same rating is not counted twice.
    let again = app.post(URI, &body, Some(&k)).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    for (level, flow) in [("very_dissatisfied", "callback"), ("fair", "self_check")] {
        let res = app
            .post(URI, &json!({"level": level, "flow": flow}), Some(&key()))
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
    assert_eq!(
        counts(&app, "2026-11-30", "2026-11-30").await,
        [1, 0, 1, 1, 0]
    );
    assert_eq!(counts(&app, "2026-12-01", "2026-12-07").await, [0; 5]);

    // What a row holds: no kiosk, no time, and the reasons sorted once.
    let rows = app
        .state
        .db
        .call(|c| {
            c.query(
                "SELECT hall_id, rated_on, level, reasons, flow FROM ratings ORDER BY level DESC",
                &[],
            )?
            .into_iter()
            .map(|r| {
                Ok((
                    r.get::<String>(0)?,
                    r.get::<String>(1)?,
                    r.get::<i64>(2)?,
                    r.get::<String>(3)?,
                    r.get::<String>(4)?,
                ))
            })
            .collect::<Result<Vec<_>, db::DbError>>()
        })
        .await
        .unwrap();
    assert_eq!(
        rows[0],
        (
            HALL.to_owned(),
            "2026-11-30".to_owned(),
            4,
            r#"["easy_to_use","quick"]"#.to_owned(),
            "booking".to_owned()
        )
    );
    let columns: Vec<String> = app
        .state
        .db
        .call(|c| {
            let sql = match common::backend() {
                db::Dialect::Sqlite => {
                    "SELECT name FROM pragma_table_info('ratings') ORDER BY name"
                }
                db::Dialect::Postgres => {
                    "SELECT column_name::text FROM information_schema.columns
                     WHERE table_name = 'ratings' ORDER BY column_name"
                }
            };
            c.query(sql, &[])?
                .into_iter()
                .map(|r| r.get::<String>(0))
                .collect::<Result<Vec<_>, db::DbError>>()
        })
        .await
        .unwrap();
    assert_eq!(
        columns,
        ["flow", "hall_id", "id", "level", "rated_on", "reasons"]
    );
}

#[tokio::test]
async fn bad_ratings_are_refused_by_field() {
    let app = TestApp::new().await;
    let cases = [
        (
            json!({"level": "very_dissatisfied", "reasons": ["quick"], "flow": "booking"}),
            "reasons",
            "reason_not_for_level",
        ),
        (
            json!({"level": "great", "flow": "booking"}),
            "level",
            "invalid_body",
        ),
        (
            json!({"level": "fair", "flow": "lunch"}),
            "flow",
            "invalid_body",
        ),
        (
            json!({"level": "fair", "flow": "booking", "comment": "my phone is 139…"}),
            "comment",
            "invalid_body",
        ),
        // Only an edge, proven by the kiosk's secret, may date a rating.
        (
            json!({"level": "fair", "flow": "booking", "rated_on": "2026-11-29"}),
            "rated_on",
            "rated_on_not_allowed",
        ),
    ];
    for (body, field, code) in cases {
        let res = app.post(URI, &body, Some(&key())).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            res.text()
        );
        let errors = res.json()["errors"].clone();
        let codes: Vec<String> = errors
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| k.contains(field) || k.as_str() == "body")
            .flat_map(|(_, v)| {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_owned())
            })
            .collect();
        assert!(codes.iter().any(|c| c == code), "{body}: {errors}");
    }
    let res = app
        .post(URI, &json!({"level": "fair", "flow": "booking"}), None)
        .await;
    assert_eq!(res.code("request"), "idempotency_key_required");
    let res = app
        .post(
            "/api/v1/kiosks/nobody/ratings",
            &json!({"level": "fair", "flow": "booking"}),
            Some(&key()),
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(counts(&app, "2026-01-01", "2026-12-31").await, [0; 5]);
}

#[tokio::test]
async fn an_edge_dates_a_held_rating_within_the_retention_and_never_in_the_future() {
    let app = TestApp::new().await;
    let out = app
        .admin_cli(&["kiosk", "add", "edge-r", "--hall", HALL], "")
        .await
        .unwrap();
    let secret = out
        .lines()
        .find(|l| l.len() == 64 && l.bytes().all(|b| b.is_ascii_hexdigit()))
        .expect("the secret is printed")
        .to_owned();
    let rating = |on: &str| json!({"level": "very_satisfied", "flow": "callback", "rated_on": on});
    let res = post_proven(&app, "edge-r", &secret, &rating("2026-11-27")).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(
        counts(&app, "2026-11-27", "2026-11-27").await,
        [0, 0, 0, 0, 1]
    );
    // Monday 2026-11-30 is today: tomorrow, and a day past the 30 kept, are refused.
    for on in ["2026-12-01", "2026-10-31", "30/11/2026"] {
        let res = post_proven(&app, "edge-r", &secret, &rating(on)).await;
        assert_eq!(res.code("rated_on"), "invalid_rated_on", "{on}");
    }
    let res = post_proven(&app, "edge-r", &secret, &rating("2026-11-01")).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    // A wrong secret is not the kiosk.
    let res = post_proven(&app, "edge-r", &"0".repeat(64), &rating("2026-11-27")).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
}
