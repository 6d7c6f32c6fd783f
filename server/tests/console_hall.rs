//! The hall console: who may act on which hall, the profile and opening hours
//! with their versions, closures and the bookings they leave to call, seats per
//! slot as the kiosk then shows them, today's check-in, the hall's kiosks, and
//! the audit line every write leaves. On both databases.

mod common;

use axum::http::StatusCode;
use common::{
    HALL, KIOSK, MONDAY_8AM, TestApp, TestResponse,
    console::{Console, sign_in, user},
    key,
};
use serde_json::{Value, json};

/// A second hall, made by the province admin.
const EAST: &str = "east-hall";
/// Tuesday, the day after the test clock's Monday.
const TOMORROW: &str = "2026-12-01";
const TODAY: &str = "2026-11-30";

/// A valid profile (the body of `POST /console/halls` once it has an id).
fn profile(zh: &str, en: &str) -> Value {
    json!({
        "names": {"zh-CN": zh, "en": en},
        "address": {"zh-CN": "东区和平路 8 号", "en": "8 Heping Road, East District"},
        "phone": "010-8765 4321",
        "opening_hours": {"zh-CN": "周一至周五 9:00–17:00", "en": "Mon–Fri 9:00–17:00"},
    })
}

/// A province admin, `boss`.
async fn boss(app: &TestApp) -> Console {
    user(app, "boss", "province_admin", &[]).await
}

/// `EAST`, created through the API by `boss`.
async fn east_hall(app: &TestApp, boss: &Console) {
    let mut body = profile(
        "东区公共法律服务中心",
        "East District Public Legal Service Centre",
    );
    body["id"] = json!(EAST);
    let res = boss.send(app, "POST", "/console/halls", Some(&body)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["id"], EAST);
}

/// Books the consultation service at the kiosk API on `date` at `hhmm`; the
/// reference.
async fn book(app: &TestApp, date: &str, hhmm: &str, phone: &str) -> String {
    let body = json!({
        "hall_id": HALL,
        "service_id": "consultation",
        "slot_start": format!("{date}T{hhmm}:00+08:00"),
        "name": "张三",
        "phone": phone,
        "language": "zh-CN",
        "consent_version": "2026-11",
        "kiosk_id": KIOSK,
    });
    let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    res.json()["reference"].as_str().unwrap().to_owned()
}

/// The kiosk's public slots of the consultation service on one day.
async fn kiosk_slots(app: &TestApp, date: &str) -> Vec<Value> {
    let res = app
        .get(&format!(
            "/api/v1/halls/{HALL}/slots?service=consultation&from={date}&days=1"
        ))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json().as_array().unwrap().clone()
}

/// The kiosk's slot starting at `hhmm` on `date`.
async fn kiosk_slot(app: &TestApp, date: &str, hhmm: &str) -> Value {
    let start = format!("{date}T{hhmm}:00+08:00");
    kiosk_slots(app, date)
        .await
        .into_iter()
        .find(|s| s["start"] == start.as_str())
        .unwrap_or_else(|| panic!("no kiosk slot at {start}"))
}

/// The audit lines on `target` (`kind:id`), newest first.
async fn audit(app: &TestApp, boss: &Console, target: &str) -> Vec<Value> {
    let res = boss
        .get(app, &format!("/console/audit?target={target}&limit=200"))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["entries"].as_array().unwrap().clone()
}

/// The lines on `target` with `action`, each checked to name `user`; newest first.
async fn audited(
    app: &TestApp,
    boss: &Console,
    target: &str,
    action: &str,
    user: &str,
) -> Vec<Value> {
    let all = audit(app, boss, target).await;
    let lines: Vec<Value> = all
        .iter()
        .filter(|e| e["action"] == action)
        .cloned()
        .collect();
    assert!(!lines.is_empty(), "no {action} on {target} in {all:?}");
    for line in &lines {
        assert_eq!(line["user"], user, "{line}");
        assert_eq!(line["user_name"], "测试用户", "{line}");
    }
    lines
}

fn assert_refused(res: &TestResponse, status: StatusCode, code: &str, what: &str) {
    assert_eq!(res.status, status, "{what}: {}", res.text());
    assert_eq!(res.code("request"), code, "{what}");
}

fn assert_field(res: &TestResponse, field: &str, code: &str, what: &str) {
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{what}: {}",
        res.text()
    );
    assert_eq!(res.json()["errors"][field], json!([code]), "{what}");
}

/// Every endpoint of one hall, each with a body that would be accepted.
fn endpoints(hall: &str, reference: &str) -> Vec<(&'static str, String, Option<Value>)> {
    let mut update = profile("改名", "Renamed");
    update["version"] = json!(1);
    let slot = json!({
        "service_id": "consultation",
        "start": format!("{TOMORROW}T09:00:00+08:00"),
        "capacity": 2,
        "expected": 3,
    });
    let p = format!("/console/halls/{hall}");
    vec![
        ("GET", p.clone(), None),
        ("PUT", p.clone(), Some(update)),
        ("GET", format!("{p}/hours"), None),
        (
            "PUT",
            format!("{p}/hours"),
            Some(
                json!({"slot_minutes": 30, "weekdays": vec![Vec::<Value>::new(); 7], "version": 1}),
            ),
        ),
        ("GET", format!("{p}/closures"), None),
        (
            "POST",
            format!("{p}/closures"),
            Some(json!({"date": TOMORROW, "reason": "设备检修"})),
        ),
        ("DELETE", format!("{p}/closures/2027-01-01"), None),
        ("GET", format!("{p}/closures/{TOMORROW}/bookings"), None),
        ("GET", format!("{p}/appointments?date={TODAY}"), None),
        (
            "POST",
            format!("{p}/appointments/{reference}/attendance"),
            Some(json!({"attendance": "arrived"})),
        ),
        ("POST", format!("{p}/appointments/{reference}/phone"), None),
        ("GET", format!("{p}/services"), None),
        (
            "PUT",
            format!("{p}/services/consultation"),
            Some(json!({"offered": true, "capacity": 5, "version": 1})),
        ),
        (
            "GET",
            format!("{p}/slots?service=consultation&date={TOMORROW}"),
            None,
        ),
        ("PUT", format!("{p}/slots"), Some(slot)),
        ("GET", format!("{p}/kiosks"), None),
        (
            "POST",
            format!("{p}/kiosks"),
            Some(json!({"id": "kiosk-new"})),
        ),
        (
            "PUT",
            format!("{p}/kiosks/{KIOSK}/maintenance"),
            Some(json!({"maintenance": true})),
        ),
    ]
}

#[tokio::test]
async fn roles_and_halls_bound_every_hall_endpoint() {
    let app = TestApp::new().await;
    let boss = boss(&app).await;
    east_hall(&app, &boss).await;
    let op = user(&app, "op1", "operator", &[]).await;
    let hall_a = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let hall_b = user(&app, "hall.b", "hall_admin", &[EAST]).await;
    let r = book(&app, TODAY, "10:00", "13800000001").await;

    for (method, path, body) in endpoints(HALL, &r) {
        let what = format!("operator {method} {path}");
        let res = op.send(&app, method, &path, body.as_ref()).await;
        assert_refused(&res, StatusCode::FORBIDDEN, "forbidden_role", &what);
        // Refused for the role whatever the body: even an empty one.
        if method != "GET" {
            let res = op.send(&app, method, &path, Some(&json!({}))).await;
            assert_refused(&res, StatusCode::FORBIDDEN, "forbidden_role", &what);
        }
        let what = format!("hall B's admin {method} {path}");
        let res = hall_b.send(&app, method, &path, body.as_ref()).await;
        assert_refused(&res, StatusCode::FORBIDDEN, "forbidden_hall", &what);
        let what = format!("signed out {method} {path}");
        let res = app
            .send_json(method, &format!("/api/v1{path}"), &json!({}), None)
            .await;
        assert_refused(&res, StatusCode::UNAUTHORIZED, "session_required", &what);
    }
    for (method, path, body) in endpoints(EAST, &r) {
        let what = format!("hall A's admin {method} {path}");
        let res = hall_a.send(&app, method, &path, body.as_ref()).await;
        assert_refused(&res, StatusCode::FORBIDDEN, "forbidden_hall", &what);
    }
    // Nothing refused changed a thing, nor left an audit line.
    for target in [
        format!("hall:{HALL}"),
        format!("hall:{EAST}"),
        format!("appointment:{r}"),
        format!("kiosk:{KIOSK}"),
        "kiosk:kiosk-new".to_owned(),
    ] {
        let lines = audit(&app, &boss, &target).await;
        let writes: Vec<&Value> = lines
            .iter()
            .filter(|e| e["action"] != "hall_create")
            .collect();
        assert!(writes.is_empty(), "{target}: {writes:?}");
    }
    let hall = hall_a.get(&app, &format!("/console/halls/{HALL}")).await;
    assert_eq!(hall.status, StatusCode::OK, "{}", hall.text());
    assert_eq!(hall.json()["version"], 1);
    assert_eq!(hall.json()["names"]["zh-CN"], "示范区公共法律服务中心");

    // The list: a hall admin's own halls, every hall for the province.
    let ids = |res: TestResponse| -> Vec<String> {
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        res.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(hall_a.get(&app, "/console/halls").await), [HALL]);
    assert_eq!(ids(hall_b.get(&app, "/console/halls").await), [EAST]);
    assert_eq!(ids(boss.get(&app, "/console/halls").await), [HALL, EAST]);
    let res = op.get(&app, "/console/halls").await;
    assert_refused(
        &res,
        StatusCode::FORBIDDEN,
        "forbidden_role",
        "operator list",
    );
    let res = app.get("/api/v1/console/halls").await;
    assert_refused(
        &res,
        StatusCode::UNAUTHORIZED,
        "session_required",
        "signed-out list",
    );

    // Only a province admin adds a hall.
    let mut west = profile("西区中心", "West Centre");
    west["id"] = json!("west-hall");
    for (who, console) in [("operator", &op), ("hall admin", &hall_a)] {
        let res = console
            .send(&app, "POST", "/console/halls", Some(&west))
            .await;
        assert_refused(&res, StatusCode::FORBIDDEN, "forbidden_role", who);
    }
    let res = boss.send(&app, "POST", "/console/halls", Some(&west)).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["version"], 1);
    let res = boss.send(&app, "POST", "/console/halls", Some(&west)).await;
    assert_field(&res, "id", "hall_exists", "the same id again");
    west["id"] = json!("West Hall");
    let res = boss.send(&app, "POST", "/console/halls", Some(&west)).await;
    assert_field(&res, "id", "invalid_hall_id", "a bad id");
    let res = boss.get(&app, "/console/halls/nowhere").await;
    assert_refused(&res, StatusCode::NOT_FOUND, "unknown_hall", "unknown hall");
    audited(&app, &boss, &format!("hall:{EAST}"), "hall_create", "boss").await;
    audited(&app, &boss, "hall:west-hall", "hall_create", "boss").await;

    // A write without the session's CSRF token is refused, and changes nothing.
    let mut update = profile("改名", "Renamed");
    update["version"] = json!(1);
    let uri = format!("/api/v1/console/halls/{HALL}");
    let cookie = format!("legal_kiosk_console={}", hall_a.token);
    for (what, csrf) in [("no token", None), ("a wrong token", Some("0".repeat(64)))] {
        let mut req = axum::http::Request::put(uri.as_str())
            .header("cookie", cookie.as_str())
            .header("content-type", "application/json");
        if let Some(t) = &csrf {
            req = req.header("x-csrf-token", t.as_str());
        }
        let res = app
            .send(
                req.body(axum::body::Body::from(update.to_string()))
                    .unwrap(),
            )
            .await;
        assert_refused(&res, StatusCode::FORBIDDEN, "csrf_failed", what);
    }
    let forged = Console {
        token: hall_a.token.clone(),
        csrf: "not-the-token".into(),
    };
    let res = forged
        .send(
            &app,
            "POST",
            &format!("/console/halls/{HALL}/closures"),
            Some(&json!({"date": TOMORROW, "reason": "设备检修"})),
        )
        .await;
    assert_refused(&res, StatusCode::FORBIDDEN, "csrf_failed", "forged closure");
    let hall = hall_a.get(&app, &format!("/console/halls/{HALL}")).await;
    assert_eq!(hall.json()["version"], 1);
    assert_eq!(kiosk_slots(&app, TOMORROW).await.len(), 14);

    // The province admin may act on any hall.
    let res = boss
        .get(&app, &format!("/console/halls/{EAST}/hours"))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["weekdays"], json!([[], [], [], [], [], [], []]));
}

#[tokio::test]
async fn the_profile_is_saved_from_the_version_read_and_shown_at_the_kiosk() {
    let app = TestApp::new().await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let path = format!("/console/halls/{HALL}");
    let read = admin.get(&app, &path).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    let read = read.json();
    assert_eq!(read["id"], HALL);
    assert_eq!(read["phone"], "010-12345678");
    let version = read["version"].as_i64().unwrap();

    let mut edit = read.clone();
    edit.as_object_mut().unwrap().remove("id");
    edit["names"] = json!({"zh-CN": "  示范区法律服务中心  ", "en": "Demo Legal Service Centre"});
    edit["phone"] = json!("010-1234 5678");
    let res = admin.send(&app, "PUT", &path, Some(&edit)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let saved = res.json();
    assert_eq!(saved["version"], version + 1);
    assert_eq!(
        saved["names"]["zh-CN"], "示范区法律服务中心",
        "stored trimmed"
    );
    assert_eq!(saved["phone"], "010-1234 5678");
    assert_eq!(saved["address"], read["address"]);
    assert_eq!(admin.get(&app, &path).await.json(), saved);

    // Another admin's save from the same, now stale, version is refused.
    edit["names"]["en"] = json!("Someone else's name");
    let res = admin.send(&app, "PUT", &path, Some(&edit)).await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "changed_by_someone_else",
        "stale version",
    );
    assert_eq!(admin.get(&app, &path).await.json(), saved);

    // Field by field.
    let mut bad = edit.clone();
    bad["version"] = saved["version"].clone();
    bad["names"]["zh-CN"] = json!("   ");
    bad["phone"] = json!("12a");
    let res = admin.send(&app, "PUT", &path, Some(&bad)).await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.text()
    );
    let errors = res.json()["errors"].clone();
    assert_eq!(
        errors,
        json!({"names": ["invalid_hall_name"], "phone": ["invalid_hall_phone"]})
    );
    bad["names"]["zh-CN"] = json!("好名字");
    bad["phone"] = json!("010-12345678");
    bad["address"]["en"] = json!("");
    bad["opening_hours"]["zh-CN"] = json!("路".repeat(201));
    let res = admin.send(&app, "PUT", &path, Some(&bad)).await;
    assert_eq!(
        res.json()["errors"],
        json!({"address": ["invalid_address"], "opening_hours": ["invalid_hours_text"]})
    );
    let res = admin
        .send(&app, "PUT", &path, Some(&json!({"version": 2})))
        .await;
    assert_field(&res, "body", "invalid_body", "no fields");

    // The kiosk reads the new name at once.
    let halls = app.get("/api/v1/halls").await.json();
    let demo = halls
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == HALL)
        .unwrap();
    assert_eq!(demo["names"]["zh-CN"], "示范区法律服务中心");
    assert_eq!(demo["names"]["en"], "Demo Legal Service Centre");
    assert_eq!(demo["phone"], "010-1234 5678");

    let boss = boss(&app).await;
    let lines = audited(
        &app,
        &boss,
        &format!("hall:{HALL}"),
        "hall_update",
        "hall.a",
    )
    .await;
    assert_eq!(lines.len(), 1, "refused saves leave no line: {lines:?}");
    assert_eq!(lines[0]["detail"], json!({"changed": ["names", "phone"]}));
}

#[tokio::test]
async fn opening_hours_take_a_lunch_break_and_refuse_overlaps() {
    let app = TestApp::new().await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let path = format!("/console/halls/{HALL}/hours");
    let read = admin.get(&app, &path).await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    let read = read.json();
    assert_eq!(read["slot_minutes"], 30);
    let weekday = json!([{"start": 540, "end": 720}, {"start": 810, "end": 1050}]);
    assert_eq!(
        read["weekdays"],
        json!([weekday, weekday, weekday, weekday, weekday, [], []])
    );
    let version = read["version"].as_i64().unwrap();

    // Monday to Saturday 09:00–12:00 and 14:00–17:00 (sent out of order), Sunday closed.
    let day = json!([{"start": 840, "end": 1020}, {"start": 540, "end": 720}]);
    let week = json!({
        "slot_minutes": 30,
        "weekdays": [day, day, day, day, day, day, []],
        "version": version,
    });
    let res = admin.send(&app, "PUT", &path, Some(&week)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let saved = res.json();
    assert_eq!(saved["version"], version + 1);
    let sorted = json!([{"start": 540, "end": 720}, {"start": 840, "end": 1020}]);
    assert_eq!(
        saved["weekdays"],
        json!([sorted, sorted, sorted, sorted, sorted, sorted, []])
    );
    assert_eq!(admin.get(&app, &path).await.json(), saved);

    // The kiosk's Saturday now has 12 slots with the break between them.
    let saturday = kiosk_slots(&app, "2026-12-05").await;
    let starts: Vec<&str> = saturday
        .iter()
        .map(|s| &s["start"].as_str().unwrap()[11..16])
        .collect();
    assert_eq!(
        starts,
        [
            "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00",
            "15:30", "16:00", "16:30"
        ]
    );
    assert!(kiosk_slots(&app, "2026-12-06").await.is_empty());

    // Overlapping sessions on Wednesday, and a bad slot length.
    let mut bad = week.clone();
    bad["version"] = saved["version"].clone();
    bad["weekdays"][2] = json!([{"start": 540, "end": 750}, {"start": 720, "end": 1020}]);
    let res = admin.send(&app, "PUT", &path, Some(&bad)).await;
    assert_field(&res, "weekday_3", "sessions_overlap", "overlap");
    assert_eq!(
        res.json()["errors"].as_object().unwrap().len(),
        1,
        "{}",
        res.text()
    );
    bad["weekdays"][2] = day.clone();
    bad["weekdays"][4] = json!([{"start": 600, "end": 600}]);
    bad["slot_minutes"] = json!(4);
    let res = admin.send(&app, "PUT", &path, Some(&bad)).await;
    assert_eq!(
        res.json()["errors"],
        json!({"slot_minutes": ["invalid_slot_minutes"], "weekday_5": ["invalid_session"]})
    );
    bad["weekdays"] = json!([day, day]);
    bad["slot_minutes"] = json!(30);
    let res = admin.send(&app, "PUT", &path, Some(&bad)).await;
    assert_field(&res, "weekdays", "seven_weekdays", "two weekdays");

    // A save from the version first read is stale now.
    let mut stale = week.clone();
    stale["weekdays"][6] = day.clone();
    let res = admin.send(&app, "PUT", &path, Some(&stale)).await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "changed_by_someone_else",
        "stale hours",
    );
    assert_eq!(admin.get(&app, &path).await.json(), saved);

    let boss = boss(&app).await;
    let lines = audited(
        &app,
        &boss,
        &format!("hall:{HALL}"),
        "hours_update",
        "hall.a",
    )
    .await;
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(
        lines[0]["detail"],
        json!({"slot_minutes": 30, "open_weekdays": [1, 2, 3, 4, 5, 6]})
    );
}

#[tokio::test]
async fn a_closure_shuts_the_kiosk_day_and_lists_the_people_to_call() {
    let app = TestApp::new().await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let r = book(&app, TOMORROW, "10:00", "13800000001").await;
    assert_eq!(kiosk_slots(&app, TOMORROW).await.len(), 14);
    let path = format!("/console/halls/{HALL}/closures");

    let res = admin
        .send(
            &app,
            "POST",
            &path,
            Some(&json!({"date": TOMORROW, "reason": " 设备检修 "})),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert!(
        !res.text().contains("13800000001"),
        "no full phone: {}",
        res.text()
    );
    let created = res.json();
    assert_eq!(
        created["closure"],
        json!({"date": TOMORROW, "reason": "设备检修", "sessions": [], "bookings": 1})
    );
    assert_eq!(
        created["bookings"],
        json!([{
            "reference": r,
            "service_id": "consultation",
            "slot_start": "2026-12-01T10:00:00+08:00",
            "name_masked": "张*",
            "phone_masked": "138****0001",
        }])
    );

    // The list from today on: this one with its booking, and the seeded holiday.
    let res = admin.get(&app, &path).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        res.json(),
        json!([
            {"date": TOMORROW, "reason": "设备检修", "sessions": [], "bookings": 1},
            {"date": "2027-01-01", "reason": "", "sessions": [], "bookings": 0},
        ])
    );
    let res = admin
        .get(&app, &format!("{path}/{TOMORROW}/bookings"))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), created["bookings"]);
    assert!(!res.text().contains("13800000001"));

    // The kiosk shows the day closed and takes no booking in it; the booking
    // already made stands.
    assert!(kiosk_slots(&app, TOMORROW).await.is_empty());
    let mut late = json!({
        "hall_id": HALL, "service_id": "consultation",
        "slot_start": "2026-12-01T11:00:00+08:00", "name": "李四", "phone": "13800000002",
        "language": "zh-CN", "consent_version": "2026-11",
    });
    let res = app.post("/api/v1/appointments", &late, Some(&key())).await;
    assert_field(&res, "slot_start", "invalid_slot", "booking a closed day");
    let day = admin
        .get(
            &app,
            &format!("/console/halls/{HALL}/appointments?date={TOMORROW}"),
        )
        .await
        .json();
    assert_eq!(day[0]["reference"], r.as_str());
    assert_eq!(day[0]["status"], "booked");

    // Twice, in the past, beyond a year, without a reason.
    for (body, field, code) in [
        (
            json!({"date": TOMORROW, "reason": "x"}),
            "date",
            "closure_exists",
        ),
        (
            json!({"date": "2027-01-01", "reason": "x"}),
            "date",
            "closure_exists",
        ),
        (
            json!({"date": "2026-11-29", "reason": "x"}),
            "date",
            "date_in_past",
        ),
        (
            json!({"date": "2027-12-02", "reason": "x"}),
            "date",
            "date_too_far",
        ),
        (
            json!({"date": "2026-12-32", "reason": "x"}),
            "date",
            "invalid_date",
        ),
        (
            json!({"date": "2026-12-03", "reason": "  "}),
            "reason",
            "invalid_reason",
        ),
        (
            json!({"date": "2026-12-03", "reason": "x", "sessions": [{"start": 540, "end": 720}, {"start": 700, "end": 800}]}),
            "sessions",
            "sessions_overlap",
        ),
    ] {
        let res = admin.send(&app, "POST", &path, Some(&body)).await;
        assert_field(&res, field, code, &body.to_string());
    }
    // Today and a year ahead are the bounds.
    for date in [TODAY, "2027-12-01"] {
        let res = admin
            .send(
                &app,
                "POST",
                &path,
                Some(&json!({"date": date, "reason": "演练"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{date}: {}", res.text());
        assert_eq!(res.json()["bookings"], json!([]));
    }

    // Shorter hours: a booking in the afternoon is left outside them.
    let afternoon = book(&app, "2026-12-02", "14:00", "13800000003").await;
    book(&app, "2026-12-02", "09:30", "13800000004").await;
    let res = admin
        .send(
            &app,
            "POST",
            &path,
            Some(&json!({"date": "2026-12-02", "reason": "下午培训", "sessions": [{"start": 540, "end": 720}]})),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["closure"]["bookings"], 1);
    assert_eq!(res.json()["bookings"][0]["reference"], afternoon.as_str());
    let slots = kiosk_slots(&app, "2026-12-02").await;
    assert_eq!(slots.len(), 6, "the morning only");
    assert_eq!(slots[5]["start"], "2026-12-02T11:30:00+08:00");

    // Reopened: the kiosk has the day again, with the booking's seat taken.
    let res = admin
        .send(&app, "DELETE", &format!("{path}/{TOMORROW}"), None)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let slots = kiosk_slots(&app, TOMORROW).await;
    assert_eq!(slots.len(), 14);
    assert_eq!(kiosk_slot(&app, TOMORROW, "10:00").await["remaining"], 2);
    late["slot_start"] = json!("2026-12-01T11:00:00+08:00");
    let res = app.post("/api/v1/appointments", &late, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let res = admin
        .send(&app, "DELETE", &format!("{path}/{TOMORROW}"), None)
        .await;
    assert_refused(&res, StatusCode::NOT_FOUND, "unknown_closure", "again");
    let listed: Vec<String> = admin
        .get(&app, &path)
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, [TODAY, "2026-12-02", "2027-01-01", "2027-12-01"]);

    let boss = boss(&app).await;
    let target = format!("hall:{HALL}");
    let created = audited(&app, &boss, &target, "closure_create", "hall.a").await;
    assert_eq!(created.len(), 4, "refused closures leave no line");
    let first = created.last().unwrap();
    assert_eq!(
        first["detail"],
        json!({"date": TOMORROW, "day_off": true, "bookings": 1})
    );
    let deleted = audited(&app, &boss, &target, "closure_delete", "hall.a").await;
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["detail"], json!({"date": TOMORROW}));
    let log = serde_json::to_string(&audit(&app, &boss, &target).await).unwrap();
    assert!(!log.contains("设备检修"), "the reason stays out of the log");
}

#[tokio::test]
async fn seats_per_slot_follow_at_the_kiosk_and_never_go_under_the_seats_taken() {
    let app = TestApp::new().await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    book(&app, TOMORROW, "10:00", "13800000001").await;
    book(&app, TOMORROW, "10:00", "13800000002").await;
    let list = format!("/console/halls/{HALL}/slots?service=consultation&date={TOMORROW}");
    let res = admin.get(&app, &list).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let slots = res.json();
    assert_eq!(slots.as_array().unwrap().len(), 14);
    assert_eq!(
        slots[0],
        json!({"start": "2026-12-01T09:00:00+08:00", "end": "2026-12-01T09:30:00+08:00", "capacity": 3, "taken": 0})
    );
    assert_eq!(
        slots[2],
        json!({"start": "2026-12-01T10:00:00+08:00", "end": "2026-12-01T10:30:00+08:00", "capacity": 3, "taken": 2})
    );
    let res = admin
        .get(
            &app,
            &format!("/console/halls/{HALL}/slots?date={TOMORROW}"),
        )
        .await;
    assert_field(&res, "service", "service_required", "no service");
    let res = admin
        .get(
            &app,
            &format!("/console/halls/{HALL}/slots?service=astrology&date={TOMORROW}"),
        )
        .await;
    assert_field(&res, "service", "unknown_service", "unknown service");

    // 09:00 down from the 3 read to 1: the kiosk has 1 place left.
    let path = format!("/console/halls/{HALL}/slots");
    let nine = json!({
        "service_id": "consultation",
        "start": "2026-12-01T09:00:00+08:00",
        "capacity": 1,
        "expected": slots[0]["capacity"],
    });
    let res = admin.send(&app, "PUT", &path, Some(&nine)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        res.json(),
        json!({"start": "2026-12-01T09:00:00+08:00", "end": "2026-12-01T09:30:00+08:00", "capacity": 1, "taken": 0})
    );
    let at_kiosk = kiosk_slot(&app, TOMORROW, "09:00").await;
    assert_eq!(at_kiosk["capacity"], 1);
    assert_eq!(at_kiosk["remaining"], 1);
    assert_eq!(admin.get(&app, &list).await.json()[0]["capacity"], 1);

    // The same edit from the old capacity: someone changed it since.
    let res = admin.send(&app, "PUT", &path, Some(&nine)).await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "changed_by_someone_else",
        "stale expected",
    );

    // The lowered slot takes one booking, not two.
    book(&app, TOMORROW, "09:00", "13800000003").await;
    let mut second = json!({
        "hall_id": HALL, "service_id": "consultation",
        "slot_start": "2026-12-01T09:00:00+08:00", "name": "李四", "phone": "13800000004",
        "language": "zh-CN", "consent_version": "2026-11",
    });
    let res = app
        .post("/api/v1/appointments", &second, Some(&key()))
        .await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "slot_full",
        "over the new capacity",
    );
    assert_eq!(kiosk_slot(&app, TOMORROW, "09:00").await["remaining"], 0);

    // Not under the seats taken; 1 to 50.
    let ten = |capacity: u32, expected: u32| {
        json!({
            "service_id": "consultation",
            "start": "2026-12-01T10:00:00+08:00",
            "capacity": capacity,
            "expected": expected,
        })
    };
    let res = admin.send(&app, "PUT", &path, Some(&ten(1, 3))).await;
    assert_field(&res, "capacity", "capacity_below_taken", "1 < 2 taken");
    let res = admin.send(&app, "PUT", &path, Some(&ten(0, 3))).await;
    assert_field(&res, "capacity", "invalid_capacity", "0");
    let res = admin.send(&app, "PUT", &path, Some(&ten(51, 3))).await;
    assert_field(&res, "capacity", "invalid_capacity", "51");
    let res = admin.send(&app, "PUT", &path, Some(&ten(2, 3))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["taken"], 2);
    assert_eq!(kiosk_slot(&app, TOMORROW, "10:00").await["remaining"], 0);
    let res = admin.send(&app, "PUT", &path, Some(&ten(50, 2))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(kiosk_slot(&app, TOMORROW, "10:00").await["remaining"], 48);
    second["slot_start"] = json!("2026-12-01T10:00:00+08:00");
    let res = app
        .post("/api/v1/appointments", &second, Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());

    // Only a slot of the schedule, and not one that has started.
    let mut off = ten(2, 3);
    off["start"] = json!("2026-12-01T12:00:00+08:00");
    let res = admin.send(&app, "PUT", &path, Some(&off)).await;
    assert_field(&res, "start", "invalid_slot", "in the lunch break");
    off["start"] = json!("tomorrow at nine");
    let res = admin.send(&app, "PUT", &path, Some(&off)).await;
    assert_field(&res, "start", "invalid_slot", "not a time");
    app.set_time(MONDAY_8AM + 3600 + 60);
    let admin = sign_in(&app, "hall.a").await;
    off["start"] = json!("2026-11-30T09:00:00+08:00");
    let res = admin.send(&app, "PUT", &path, Some(&off)).await;
    assert_field(&res, "start", "slot_started", "started at 09:00");

    let boss = boss(&app).await;
    let lines = audited(
        &app,
        &boss,
        &format!("hall:{HALL}"),
        "slot_update",
        "hall.a",
    )
    .await;
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(
        lines.last().unwrap()["detail"],
        json!({"service": "consultation", "slot_start": "2026-12-01T09:00:00+08:00", "capacity": 1, "was": 3})
    );
}

#[tokio::test]
async fn todays_visitors_are_checked_in_and_a_number_is_revealed_only_on_purpose() {
    let app = TestApp::new().await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let early = book(&app, TODAY, "10:00", "13800000001").await;
    let later = book(&app, TODAY, "10:30", "13800000002").await;
    let tuesday = book(&app, TOMORROW, "09:00", "13800000003").await;
    let p = format!("/console/halls/{HALL}");

    let res = admin.get(&app, &format!("{p}/appointments")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(!res.text().contains("13800000001"), "{}", res.text());
    let today = res.json();
    assert_eq!(today.as_array().unwrap().len(), 2, "today only: {today}");
    assert_eq!(
        today[0],
        json!({
            "reference": early,
            "service_id": "consultation",
            "slot_start": "2026-11-30T10:00:00+08:00",
            "slot_end": "2026-11-30T10:30:00+08:00",
            "name_masked": "张*",
            "phone_masked": "138****0001",
            "status": "booked",
            "attendance": null,
        })
    );
    assert_eq!(today[1]["reference"], later.as_str());
    let res = admin
        .get(&app, &format!("{p}/appointments?date={TOMORROW}"))
        .await;
    assert_eq!(res.json()[0]["reference"], tuesday.as_str());
    let res = admin
        .get(&app, &format!("{p}/appointments?date=30.11.2026"))
        .await;
    assert_field(&res, "date", "invalid_date", "a bad date");

    let attend = |r: &str| format!("{p}/appointments/{r}/attendance");
    let arrived = json!({"attendance": "arrived"});
    let no_show = json!({"attendance": "no_show"});
    // A no-show only once the slot has started; nothing on another day.
    let res = admin
        .send(&app, "POST", &attend(&early), Some(&no_show))
        .await;
    assert_field(&res, "attendance", "slot_not_started", "no-show at 08:00");
    let res = admin
        .send(&app, "POST", &attend(&tuesday), Some(&arrived))
        .await;
    assert_field(&res, "attendance", "not_today", "tomorrow's visitor");

    // Arrived early is fine, and saying so twice changes nothing.
    let res = admin
        .send(&app, "POST", &attend(&early), Some(&arrived))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["attendance"], "arrived");
    let res = admin
        .send(&app, "POST", &attend(&early), Some(&arrived))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let today = admin.get(&app, &format!("{p}/appointments")).await.json();
    assert_eq!(today[0]["attendance"], "arrived");
    assert_eq!(today[1]["attendance"], Value::Null);

    // 10:31: the 10:30 visitor has not come.
    app.set_time(MONDAY_8AM + 2 * 3600 + 31 * 60);
    let admin = sign_in(&app, "hall.a").await;
    let res = admin
        .send(&app, "POST", &attend(&later), Some(&no_show))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["attendance"], "no_show");
    let today = admin.get(&app, &format!("{p}/appointments")).await.json();
    assert_eq!(today[1]["attendance"], "no_show");
    // Once recorded, the other state is refused.
    let res = admin
        .send(&app, "POST", &attend(&early), Some(&no_show))
        .await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "attendance_recorded",
        "no-show after arrived",
    );
    let res = admin
        .send(&app, "POST", &attend(&later), Some(&arrived))
        .await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "attendance_recorded",
        "arrived after no-show",
    );
    let res = admin
        .send(&app, "POST", &attend("A2222222"), Some(&arrived))
        .await;
    assert_refused(
        &res,
        StatusCode::NOT_FOUND,
        "unknown_appointment",
        "unknown",
    );
    let res = admin
        .send(
            &app,
            "POST",
            &attend(&early),
            Some(&json!({"attendance": "late"})),
        )
        .await;
    assert_field(&res, "attendance", "invalid_body", "late");

    // The full number, on purpose, audited.
    let res = admin
        .send(
            &app,
            "POST",
            &format!("{p}/appointments/{later}/phone"),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), json!({"phone": "13800000002"}));
    let res = admin
        .send(
            &app,
            "POST",
            &format!("{p}/appointments/A2222222/phone"),
            None,
        )
        .await;
    assert_refused(
        &res,
        StatusCode::NOT_FOUND,
        "unknown_appointment",
        "unknown",
    );
    let res = admin
        .send(
            &app,
            "POST",
            &format!("{p}/appointments/nonsense/phone"),
            None,
        )
        .await;
    assert_refused(
        &res,
        StatusCode::NOT_FOUND,
        "unknown_appointment",
        "bad ref",
    );

    let boss = boss(&app).await;
    let target = format!("appointment:{later}");
    let reveals = audited(&app, &boss, &target, "phone_reveal", "hall.a").await;
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0]["detail"], json!({"hall": HALL}));
    let checks = audited(&app, &boss, &target, "check_in", "hall.a").await;
    assert_eq!(
        checks[0]["detail"],
        json!({"hall": HALL, "attendance": "no_show"})
    );
    let checks = audited(
        &app,
        &boss,
        &format!("appointment:{early}"),
        "check_in",
        "hall.a",
    )
    .await;
    assert_eq!(checks.len(), 1, "the repeated click left no second line");
    assert!(
        audit(&app, &boss, &format!("appointment:{tuesday}"))
            .await
            .is_empty()
    );
    let log = serde_json::to_string(&audit(&app, &boss, "appointment").await).unwrap();
    assert!(!log.contains("13800000002"), "no number in the log");
}

#[tokio::test]
async fn kiosks_are_registered_with_a_secret_shown_once_and_put_in_maintenance() {
    let app = TestApp::new().await;
    let boss = boss(&app).await;
    east_hall(&app, &boss).await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let path = format!("/console/halls/{HALL}/kiosks");

    let res = admin
        .send(&app, "POST", &path, Some(&json!({"id": "kiosk-2"})))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.header("cache-control"), Some("no-store"));
    let secret = res.json()["secret"].as_str().unwrap().to_owned();
    assert_eq!(res.json()["id"], "kiosk-2");
    assert!(secret.len() >= 32, "{secret}");

    let res = admin.get(&app, &path).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert!(!res.text().contains(&secret), "the secret is shown once");
    let list = res.json();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [KIOSK, "kiosk-2"]);
    let two = &list[1];
    assert!(two.get("secret").is_none() && two.get("key_hash").is_none());
    assert_eq!(two["hall_id"], HALL);
    assert_eq!(two["credential"], "secret");
    assert_eq!(two["online"], false);
    assert_eq!(two["maintenance"], false);
    assert_eq!(list[0]["credential"], "local");

    // Taken ids (in this hall or another) and bad ones.
    let res = admin
        .send(&app, "POST", &path, Some(&json!({"id": "kiosk-2"})))
        .await;
    assert_field(&res, "id", "kiosk_exists", "again");
    let res = boss
        .send(
            &app,
            "POST",
            &format!("/console/halls/{EAST}/kiosks"),
            Some(&json!({"id": "kiosk-2"})),
        )
        .await;
    assert_field(&res, "id", "kiosk_exists", "in another hall");
    let res = admin
        .send(&app, "POST", &path, Some(&json!({"id": "kiosk/3"})))
        .await;
    assert_field(&res, "id", "invalid_kiosk_id", "a slash");

    // The kiosk proves itself with the secret.
    let status = |with_key: bool| {
        let app = &app;
        let secret = secret.clone();
        async move {
            let headers: Vec<(&str, &str)> = if with_key {
                vec![("x-kiosk-id", "kiosk-2"), ("x-kiosk-key", secret.as_str())]
            } else {
                vec![]
            };
            app.get_with("/api/v1/kiosks/kiosk-2/status", &headers)
                .await
        }
    };
    let res = status(false).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{}", res.text());
    let res = status(true).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json(), json!({"maintenance": false, "hall_id": HALL}));

    // Maintenance from the console, as the kiosk's status reports it.
    let m = format!("{path}/kiosk-2/maintenance");
    let on = json!({
        "maintenance": true,
        "message": {"zh-CN": "设备维护中，预计10点恢复", "en": "Under maintenance, back at 10:00"},
        "back_at": "2026-11-30T10:00:00+08:00",
    });
    let res = admin.send(&app, "PUT", &m, Some(&on)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let info = res.json();
    assert_eq!(info["id"], "kiosk-2");
    assert_eq!(info["maintenance"], true);
    assert_eq!(info["back_at"], "2026-11-30T10:00:00+08:00");
    assert_eq!(info["message"], on["message"]);
    assert!(info.get("secret").is_none());
    let res = status(true).await;
    assert_eq!(
        res.json(),
        json!({
            "maintenance": true,
            "message": on["message"],
            "back_at": "2026-11-30T10:00:00+08:00",
            "hall_id": HALL,
        })
    );
    let listed = admin.get(&app, &path).await.json();
    assert_eq!(listed[1]["maintenance"], true);

    // A back-at time in the past, or over two weeks ahead; a long message.
    for (back_at, what) in [
        ("2026-11-30T07:59:00+08:00", "in the past"),
        ("2026-11-30T08:00:00+08:00", "now"),
        ("2026-12-14T08:01:00+08:00", "over 14 days"),
        ("at ten", "not a time"),
    ] {
        let mut bad = on.clone();
        bad["back_at"] = json!(back_at);
        let res = admin.send(&app, "PUT", &m, Some(&bad)).await;
        assert_field(&res, "back_at", "invalid_back_at", what);
    }
    let mut long = on.clone();
    long["message"]["zh-CN"] = json!("维".repeat(201));
    let res = admin.send(&app, "PUT", &m, Some(&long)).await;
    assert_field(&res, "message", "message_too_long", "201 characters");
    assert_eq!(
        status(true).await.json()["back_at"],
        "2026-11-30T10:00:00+08:00"
    );

    // Another hall's kiosk is not found from this hall.
    let res = boss
        .send(
            &app,
            "POST",
            &format!("/console/halls/{EAST}/kiosks"),
            Some(&json!({"id": "east-1"})),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let res = admin
        .send(
            &app,
            "PUT",
            &format!("{path}/east-1/maintenance"),
            Some(&on),
        )
        .await;
    assert_refused(
        &res,
        StatusCode::NOT_FOUND,
        "unknown_kiosk",
        "east-1 from A",
    );
    let res = admin
        .send(
            &app,
            "PUT",
            &format!("{path}/kiosk-9/maintenance"),
            Some(&on),
        )
        .await;
    assert_refused(&res, StatusCode::NOT_FOUND, "unknown_kiosk", "kiosk-9");

    // Back in service.
    let res = admin
        .send(&app, "PUT", &m, Some(&json!({"maintenance": false})))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(
        status(true).await.json(),
        json!({"maintenance": false, "hall_id": HALL})
    );

    let registered = audited(&app, &boss, "kiosk:kiosk-2", "kiosk_register", "hall.a").await;
    assert_eq!(registered.len(), 1);
    assert_eq!(registered[0]["detail"], json!({"hall": HALL}));
    let switched = audited(&app, &boss, "kiosk:kiosk-2", "kiosk_maintenance", "hall.a").await;
    assert_eq!(switched.len(), 2, "{switched:?}");
    assert_eq!(
        switched[1]["detail"],
        json!({"hall": HALL, "maintenance": true, "back_at": "2026-11-30T10:00:00+08:00"})
    );
    assert_eq!(switched[0]["detail"]["maintenance"], false);
    audited(&app, &boss, "kiosk:east-1", "kiosk_register", "boss").await;
    let log = serde_json::to_string(&audit(&app, &boss, "kiosk").await).unwrap();
    assert!(!log.contains(&secret), "the secret stays out of the log");
}

#[tokio::test]
async fn services_are_offered_from_the_version_read() {
    let app = TestApp::new().await;
    let admin = user(&app, "hall.a", "hall_admin", &[HALL]).await;
    let path = format!("/console/halls/{HALL}/services");
    let res = admin.get(&app, &path).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let list = res.json();
    assert_eq!(list.as_array().unwrap().len(), 8);
    let consultation = &list[0];
    assert_eq!(consultation["service_id"], "consultation");
    assert_eq!(consultation["offered"], true);
    assert_eq!(consultation["capacity"], 3);
    let version = consultation["version"].as_i64().unwrap();

    book(&app, TOMORROW, "10:00", "13800000001").await;
    book(&app, TOMORROW, "10:00", "13800000002").await;
    let res = admin
        .send(
            &app,
            "PUT",
            &format!("{path}/consultation"),
            Some(&json!({"offered": true, "capacity": 1, "version": version})),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["capacity"], 1);
    assert_eq!(res.json()["version"], version + 1);
    // New slots get the new capacity; a booked one keeps the seats it has taken.
    assert_eq!(kiosk_slot(&app, TOMORROW, "09:00").await["capacity"], 1);
    let ten = kiosk_slot(&app, TOMORROW, "10:00").await;
    assert_eq!(
        (&ten["capacity"], &ten["remaining"]),
        (&json!(2), &json!(0))
    );

    let res = admin
        .send(
            &app,
            "PUT",
            &format!("{path}/consultation"),
            Some(&json!({"offered": true, "capacity": 4, "version": version})),
        )
        .await;
    assert_refused(
        &res,
        StatusCode::CONFLICT,
        "changed_by_someone_else",
        "stale service",
    );
    let res = admin
        .send(
            &app,
            "PUT",
            &format!("{path}/consultation"),
            Some(&json!({"offered": true, "capacity": 51, "version": version + 1})),
        )
        .await;
    assert_field(&res, "capacity", "invalid_capacity", "51 seats");
    let res = admin
        .send(
            &app,
            "PUT",
            &format!("{path}/astrology"),
            Some(&json!({"offered": true, "capacity": 1, "version": 0})),
        )
        .await;
    assert_refused(&res, StatusCode::NOT_FOUND, "unknown_service", "astrology");

    let boss = boss(&app).await;
    let lines = audited(
        &app,
        &boss,
        &format!("hall:{HALL}"),
        "service_update",
        "hall.a",
    )
    .await;
    assert_eq!(lines.len(), 1);
    assert_eq!(
        lines[0]["detail"],
        json!({"service": "consultation", "offered": true, "capacity": 1})
    );
}
