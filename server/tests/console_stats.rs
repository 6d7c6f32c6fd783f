//! Statistics per hall per week: counted at the events themselves, so replays
//! are not counted twice and the counts outlive the retention purge; scoped by
//! role; exported as CSV. On both databases.

mod common;

use axum::http::StatusCode;
use common::{
    HALL, TestApp, booking, callback,
    console::{sign_in, user},
    key,
};
use serde_json::{Value, json};

const BOSS: &str = "boss";

/// The demo hall's week of Monday 2026-11-30.
fn week(report: &Value) -> Value {
    let hall = report["halls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["hall_id"] == HALL)
        .unwrap_or_else(|| panic!("{report}"));
    hall["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["week"] == "2026-11-30")
        .unwrap_or_else(|| panic!("{report}"))
        .clone()
}

#[tokio::test]
async fn bookings_cancellations_callbacks_and_ratings_are_counted_once_per_week_and_outlive_the_purge()
 {
    let app = TestApp::new().await;
    let boss = user(&app, BOSS, "province_admin", &[]).await;

    // Two bookings on Tuesday; one retried with its key (not a second booking).
    let k = key();
    let first = app
        .post(
            "/api/v1/appointments",
            &booking("13800000001", "09:00"),
            Some(&k),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let replay = app
        .post(
            "/api/v1/appointments",
            &booking("13800000001", "09:00"),
            Some(&k),
        )
        .await;
    assert_eq!(replay.status, StatusCode::CREATED);
    let second = app
        .post(
            "/api/v1/appointments",
            &booking("13800000002", "10:00"),
            Some(&key()),
        )
        .await;
    assert_eq!(second.status, StatusCode::CREATED, "{}", second.text());
    // One cancelled, twice (the second changes nothing).
    let reference = first.json()["reference"].as_str().unwrap().to_owned();
    for _ in 0..2 {
        let res = app
            .post(
                &format!("/api/v1/appointments/{reference}/cancel"),
                &json!({"phone": "13800000001"}),
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }
    // A callback from the demo kiosk, and one from no kiosk (no hall).
    let mut from_kiosk = callback("13900000001");
    from_kiosk["kiosk_id"] = json!("kiosk-1");
    let res = app
        .post("/api/v1/callbacks", &from_kiosk, Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let res = app
        .post("/api/v1/callbacks", &callback("13900000002"), Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    // Ratings.
    for level in ["very_satisfied", "very_satisfied", "dissatisfied"] {
        let res = app
            .post(
                "/api/v1/kiosks/kiosk-1/ratings",
                &json!({"level": level, "flow": "booking"}),
                Some(&key()),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }

    let expected = json!({
        "week": "2026-11-30",
        "bookings": 2,
        "cancellations": 1,
        "no_shows": 0,
        "callbacks": 1,
        "callbacks_in_window": 0,
        "ratings": [0, 1, 0, 0, 2],
    });
    let res = boss
        .get(&app, "/console/stats?from=2026-11-16&to=2026-12-06")
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let report = res.json();
    assert_eq!(report["from"], "2026-11-16");
    assert_eq!(report["to"], "2026-12-06");
    let weeks = report["halls"][0]["weeks"].as_array().unwrap().clone();
    assert_eq!(
        weeks.iter().map(|w| w["week"].clone()).collect::<Vec<_>>(),
        [
            json!("2026-11-16"),
            json!("2026-11-23"),
            json!("2026-11-30")
        ]
    );
    assert_eq!(weeks[0]["bookings"], 0);
    assert_eq!(week(&report), expected);

    // A month and more later every booking and callback is purged; the counts stay.
    let later = common::MONDAY_8AM + 40 * 86_400;
    app.set_time(later);
    app.state
        .db
        .write(move |tx| {
            kiosk_server::db::appointments::purge(tx, later)?;
            kiosk_server::db::callbacks::purge(tx, later)?;
            Ok::<_, kiosk_server::db::DbError>(Ok::<(), ()>(()))
        })
        .await
        .unwrap()
        .unwrap();
    let left: i64 = app
        .state
        .db
        .call(|c| c.query_value("SELECT COUNT(*) FROM appointments", &[]))
        .await
        .unwrap();
    assert_eq!(left, 0);
    // (The session ended long ago: a new one.)
    let boss = sign_in(&app, BOSS).await;
    let res = boss
        .get(&app, "/console/stats?from=2026-11-30&to=2026-11-30")
        .await;
    assert_eq!(week(&res.json()), expected);

    // CSV: a BOM, the header, a row per hall and week; in English on request.
    let csv = boss
        .get(&app, "/console/stats.csv?from=2026-11-30&to=2026-12-06")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"stats-2026-11-30-2026-12-06.csv\"")
    );
    let text = csv.text();
    assert!(text.starts_with("\u{feff}服务中心编号,服务中心,"), "{text}");
    assert!(
        text.contains("demo-hall,示范区公共法律服务中心,2026-11-30,2,1,0,1,0,2,0,0,1,0\r\n"),
        "{text}"
    );
    let en = boss
        .get(
            &app,
            "/console/stats.csv?from=2026-11-30&to=2026-12-06&lang=en",
        )
        .await
        .text();
    assert!(en.contains("hall_id,hall,week (Monday),bookings,"), "{en}");
}

#[tokio::test]
async fn statistics_are_for_admins_each_seeing_their_own_halls_and_ranges_are_checked() {
    let app = TestApp::new().await;
    let boss = user(&app, BOSS, "province_admin", &[]).await;
    let hall_admin = user(&app, "hall.admin", "hall_admin", &[HALL]).await;
    let operator = user(&app, "op", "operator", &[]).await;

    // No session: 401; an operator: 403.
    let res = app.get("/api/v1/console/stats").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    for path in ["/console/stats", "/console/stats.csv"] {
        let res = operator.get(&app, path).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(res.code("request"), "forbidden_role");
    }
    // A hall admin sees their hall, and may not ask for another.
    let res = hall_admin.get(&app, "/console/stats").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let halls: Vec<Value> = res.json()["halls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["hall_id"].clone())
        .collect();
    assert_eq!(halls, [json!(HALL)]);
    // Eight weeks by default, ending with this one.
    let weeks = res.json()["halls"][0]["weeks"].as_array().unwrap().len();
    assert_eq!(weeks, 8);
    let res = hall_admin.get(&app, "/console/stats?hall=other-hall").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.code("request"), "forbidden_hall");
    // A province admin asking for a hall that does not exist.
    let res = boss.get(&app, "/console/stats?hall=no-such-hall").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.code("request"), "unknown_hall");

    for (query, field, code) in [
        ("from=2026-12-07&to=2026-12-01", "to", "range_reversed"),
        ("from=2024-01-01&to=2026-12-01", "from", "range_too_long"),
        ("from=yesterday", "from", "invalid_date"),
        ("lang=fr", "lang", "invalid_lang"),
    ] {
        let path = if field == "lang" {
            format!("/console/stats.csv?{query}")
        } else {
            format!("/console/stats?{query}")
        };
        let res = boss.get(&app, &path).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(res.code(field), code, "{query}");
    }
    let res = boss.get(&app, "/console/stats?week=1").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.code("request"), "invalid_query");
}
