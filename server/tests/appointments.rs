//! Services, slots and appointments: every success and refusal of the booking API.

mod common;

use axum::http::StatusCode;
use common::{HALL, MONDAY_8AM, TestApp, booking, key};
use serde_json::json;

#[tokio::test]
async fn services_list_the_standard_services_with_materials() {
    let app = TestApp::new().await;
    let body = app.get("/api/v1/services").await.json();
    let ids: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "consultation",
            "legal_aid",
            "mediation",
            "notarization",
            "judicial_appraisal",
            "lawyer",
            "arbitration",
            "village_adviser"
        ]
    );
    let legal_aid = &body[1];
    assert_eq!(legal_aid["names"]["zh-CN"], "法律援助");
    assert_eq!(legal_aid["requires_id_number"], true);
    assert_eq!(legal_aid["duration_minutes"], 30);
    assert!(legal_aid["materials"][0]["zh-CN"].is_string());
    assert_eq!(body[0]["requires_id_number"], false);
}

#[tokio::test]
async fn slots_cover_open_days_only_and_skip_the_past() {
    let app = TestApp::new().await;
    // Monday 08:00: Monday has all 14 slots, the weekend none.
    let slots = app
        .get("/api/v1/halls/demo-hall/slots?service=consultation&from=2026-11-30&days=7")
        .await
        .json();
    let slots = slots.as_array().unwrap();
    assert_eq!(slots.len(), 5 * 14, "Monday to Friday, 14 slots a day");
    assert_eq!(slots[0]["start"], "2026-11-30T09:00:00+08:00");
    assert_eq!(slots[0]["end"], "2026-11-30T09:30:00+08:00");
    assert_eq!(slots[0]["capacity"], 3);
    assert_eq!(slots[0]["remaining"], 3);
    assert!(
        slots
            .iter()
            .all(|s| !s["start"].as_str().unwrap().starts_with("2026-12-05"))
    );

    // At 10:10 the morning's first slots are gone.
    app.set_time(MONDAY_8AM + 2 * 3600 + 600);
    let slots = app
        .get("/api/v1/halls/demo-hall/slots?service=consultation&from=2026-11-30&days=1")
        .await
        .json();
    assert_eq!(slots[0]["start"], "2026-11-30T10:30:00+08:00");

    // The configured holiday (2027-01-01, a Friday) has none.
    let slots = app
        .get("/api/v1/halls/demo-hall/slots?service=consultation&from=2027-01-01&days=1")
        .await
        .json();
    assert_eq!(slots, json!([]));
}

#[tokio::test]
async fn full_slots_are_listed_with_nothing_remaining() {
    let app = TestApp::new().await;
    for phone in ["13800000001", "13800000002", "13800000003"] {
        let res = app
            .post(
                "/api/v1/appointments",
                &booking(phone, "09:00"),
                Some(&key()),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED);
    }
    let slots = app
        .get("/api/v1/halls/demo-hall/slots?service=consultation&from=2026-12-01&days=1")
        .await
        .json();
    assert_eq!(slots[0]["start"], "2026-12-01T09:00:00+08:00");
    assert_eq!(slots[0]["remaining"], 0);
    assert_eq!(slots[1]["remaining"], 3);
}

#[tokio::test]
async fn slot_queries_are_validated() {
    let app = TestApp::new().await;
    let cases = [
        (
            "/api/v1/halls/demo-hall/slots?service=consultation&days=15",
            422,
            "days",
        ),
        (
            "/api/v1/halls/demo-hall/slots?service=consultation&days=0",
            422,
            "days",
        ),
        (
            "/api/v1/halls/demo-hall/slots?service=consultation&from=2026-13-01",
            422,
            "from",
        ),
        ("/api/v1/halls/demo-hall/slots", 422, "service"),
        (
            "/api/v1/halls/demo-hall/slots?service=astrology",
            422,
            "service",
        ),
        (
            "/api/v1/halls/nowhere/slots?service=consultation",
            404,
            "request",
        ),
        (
            "/api/v1/halls/demo-hall/slots?service=consultation&color=red",
            400,
            "request",
        ),
    ];
    for (uri, status, field) in cases {
        let res = app.get(uri).await;
        assert_eq!(res.status.as_u16(), status, "{uri}");
        assert!(!res.code(field).is_empty(), "{uri}: {}", res.text());
    }
}

#[tokio::test]
async fn a_booking_is_confirmed_with_a_reference_and_only_masked_data() {
    let app = TestApp::new().await;
    let mut body = booking("138 1234 5678", "09:30");
    body["service_id"] = json!("legal_aid");
    body["id_number"] = json!("11010519491231002x");
    body["needs"] = json!(["wheelchair", "large_print", "wheelchair"]);
    let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let a = res.json();
    let reference = a["reference"].as_str().unwrap();
    assert!(reference.starts_with('A') && reference.len() == 8);
    assert_eq!(a["slot_start"], "2026-12-01T09:30:00+08:00");
    assert_eq!(a["slot_end"], "2026-12-01T10:00:00+08:00");
    assert_eq!(a["name_masked"], "张*");
    assert_eq!(a["phone_masked"], "138****5678");
    assert_eq!(a["status"], "booked");
    let text = res.text();
    assert!(!text.contains("12345678") && !text.contains("1949") && !text.contains("张三"));

    // The ID number is stored only as a keyed hash and its last four characters.
    let (hash, last4, phone): (String, String, String) = app
        .state
        .db
        .call(|c| {
            let r = c.query_row(
                "SELECT id_number_hash, id_number_last4, phone FROM appointments",
                &[],
            )?;
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .await
        .unwrap();
    assert_eq!(last4, "002X");
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("19491231"));
    assert_eq!(phone, "13812345678");
}

#[tokio::test]
async fn an_id_number_is_not_kept_for_a_service_that_does_not_need_one() {
    let app = TestApp::new().await;
    let mut body = booking("13812345678", "09:30");
    body["id_number"] = json!("11010519491231002X");
    let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED);
    let kept: (Option<String>, Option<String>) = app
        .state
        .db
        .call(|c| {
            let r = c.query_row(
                "SELECT id_number_hash, id_number_last4 FROM appointments",
                &[],
            )?;
            Ok((r.get(0)?, r.get(1)?))
        })
        .await
        .unwrap();
    assert_eq!(kept, (None, None));
}

#[tokio::test]
async fn booking_validation_names_each_bad_field() {
    let app = TestApp::new().await;
    let cases: Vec<(serde_json::Value, &str, &str)> = vec![
        (json!({"phone": "12345"}), "phone", "invalid_phone"),
        (json!({"name": "   "}), "name", "name_required"),
        (json!({"name": "名".repeat(31)}), "name", "name_too_long"),
        (json!({"name": "\u{202e}evil"}), "name", "name_bidi_control"),
        (json!({"name": "张\u{2067}三"}), "name", "name_bidi_control"),
        (json!({"name": "张\u{200b}三"}), "name", "name_zero_width"),
        (json!({"name": "张\u{200d}三"}), "name", "name_zero_width"),
        (
            json!({"name": "张\u{0007}三"}),
            "name",
            "name_control_character",
        ),
        (
            json!({"name": "张\u{009b}三"}),
            "name",
            "name_control_character",
        ),
        (
            json!({"id_number": "130402198207290622"}),
            "id_number",
            "invalid_id_number",
        ),
        (
            json!({"id_number": "110105202712310027"}),
            "id_number",
            "invalid_id_number",
        ),
        (
            json!({"consent_version": ""}),
            "consent_version",
            "consent_required",
        ),
        (
            json!({"consent_version": null}),
            "consent_version",
            "consent_required",
        ),
        (
            json!({"slot_start": "tomorrow"}),
            "slot_start",
            "invalid_slot",
        ),
        (
            json!({"slot_start": "2026-12-01T09:15:00+08:00"}),
            "slot_start",
            "invalid_slot",
        ),
        (
            json!({"slot_start": "2026-12-01T12:00:00+08:00"}),
            "slot_start",
            "invalid_slot",
        ),
        (
            json!({"slot_start": "2026-12-05T09:00:00+08:00"}),
            "slot_start",
            "invalid_slot",
        ),
        (
            json!({"slot_start": "2026-11-30T07:30:00+08:00"}),
            "slot_start",
            "invalid_slot",
        ),
        (
            json!({"slot_start": "2026-11-27T09:00:00+08:00"}),
            "slot_start",
            "slot_in_past",
        ),
        (json!({"hall_id": "nowhere"}), "hall_id", "unknown_hall"),
        (
            json!({"service_id": "astrology"}),
            "service_id",
            "unknown_service",
        ),
        (
            json!({"service_id": "legal_aid"}),
            "id_number",
            "id_number_required",
        ),
        (json!({"needs": ["jetpack"]}), "needs[0]", "invalid_body"),
        (json!({"surprise": true}), "surprise", "invalid_body"),
    ];
    for (patch, field, code) in cases {
        let mut body = booking("13812345678", "10:00");
        let obj = body.as_object_mut().unwrap();
        if let Some(patch) = patch.as_object() {
            for (k, v) in patch {
                obj.insert(k.clone(), v.clone());
            }
        }
        let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{patch}: {}",
            res.text()
        );
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        assert_eq!(res.code(field), code, "{patch}: {}", res.text());
    }
    // The slot that was never taken is still free.
    let count: u32 = app
        .state
        .db
        .call(|c| c.query_value("SELECT COUNT(*) FROM appointments", &[]))
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn names_as_real_people_spell_them_are_accepted() {
    let app = TestApp::new().await;
    for (n, (name, masked)) in [
        ("阿依古丽·买买提", "阿*******"),
        ("Zoë", "Z**"),
        ("ئايگۈل", "ئ*****"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut body = booking(&format!("1381234560{n}"), "10:00");
        body["name"] = json!(name);
        let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
        assert_eq!(res.status, StatusCode::CREATED, "{name}: {}", res.text());
        assert_eq!(res.json()["name_masked"], masked);
    }
}

#[tokio::test]
async fn a_full_slot_and_a_second_booking_the_same_day_are_conflicts() {
    let app = TestApp::new().await;
    for phone in ["13800000001", "13800000002", "13800000003"] {
        app.post(
            "/api/v1/appointments",
            &booking(phone, "11:00"),
            Some(&key()),
        )
        .await;
    }
    let res = app
        .post(
            "/api/v1/appointments",
            &booking("13800000004", "11:00"),
            Some(&key()),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.code("request"), "slot_full");

    let res = app
        .post(
            "/api/v1/appointments",
            &booking("13800000001", "14:00"),
            Some(&key()),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.code("request"), "duplicate_booking");

    // Another service the same day is fine.
    let mut other = booking("13800000001", "14:00");
    other["service_id"] = json!("mediation");
    let res = app.post("/api/v1/appointments", &other, Some(&key())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

#[tokio::test]
async fn the_idempotency_key_is_required_replays_and_refuses_reuse() {
    let app = TestApp::new().await;
    let body = booking("13912345678", "15:00");
    let res = app.post("/api/v1/appointments", &body, None).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.code("request"), "idempotency_key_required");
    let res = app
        .post("/api/v1/appointments", &body, Some("not-a-uuid"))
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.code("request"), "idempotency_key_invalid");

    let k = key();
    let first = app.post("/api/v1/appointments", &body, Some(&k)).await;
    assert_eq!(first.status, StatusCode::CREATED);
    // The draft standard's quoted form is the same key.
    let again = app
        .post("/api/v1/appointments", &body, Some(&format!("\"{k}\"")))
        .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));

    let mut changed = body.clone();
    changed["slot_start"] = json!("2026-12-01T15:30:00+08:00");
    let res = app.post("/api/v1/appointments", &changed, Some(&k)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.code("request"), "idempotency_key_reused");

    let rows: u32 = app
        .state
        .db
        .call(|c| c.query_value("SELECT COUNT(*) FROM appointments", &[]))
        .await
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn lookup_needs_the_matching_phone_and_never_uses_the_query_string() {
    let app = TestApp::new().await;
    let a = app
        .post(
            "/api/v1/appointments",
            &booking("13712345678", "16:00"),
            Some(&key()),
        )
        .await
        .json();
    let reference = a["reference"].as_str().unwrap().to_lowercase();

    let res = app
        .post(
            "/api/v1/appointments/lookup",
            &json!({"reference": reference, "phone": "137-1234-5678"}),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["phone_masked"], "137****5678");
    assert_eq!(res.json()["status"], "booked");

    let res = app
        .post(
            "/api/v1/appointments/lookup",
            &json!({"reference": reference, "phone": "13712345679"}),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.code("request"), "appointment_not_found");

    let res = app
        .post(
            "/api/v1/appointments/lookup",
            &json!({"reference": reference, "phone": "x"}),
            None,
        )
        .await;
    assert_eq!(res.code("phone"), "invalid_phone");

    let res = app
        .get(&format!(
            "/api/v1/appointments/lookup?reference={reference}&phone=13712345678"
        ))
        .await;
    assert_eq!(res.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn cancelling_frees_the_seat_and_needs_the_phone() {
    let app = TestApp::new().await;
    let mut refs = Vec::new();
    for phone in ["13800000001", "13800000002", "13800000003"] {
        let a = app
            .post(
                "/api/v1/appointments",
                &booking(phone, "16:30"),
                Some(&key()),
            )
            .await
            .json();
        refs.push(a["reference"].as_str().unwrap().to_owned());
    }
    let url = format!("/api/v1/appointments/{}/cancel", refs[0]);
    let res = app.post(&url, &json!({"phone": "13800000002"}), None).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = app.post(&url, &json!({"phone": "13800000001"}), None).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["status"], "cancelled");
    // Twice is harmless and frees nothing more.
    assert_eq!(
        app.post(&url, &json!({"phone": "13800000001"}), None)
            .await
            .status,
        StatusCode::OK
    );

    let slots = app
        .get("/api/v1/halls/demo-hall/slots?service=consultation&from=2026-12-01&days=1")
        .await
        .json();
    let slot = slots
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["start"] == "2026-12-01T16:30:00+08:00")
        .unwrap();
    assert_eq!(slot["remaining"], 1);
    // The freed seat can be booked again, also by the visitor who cancelled.
    let res = app
        .post(
            "/api/v1/appointments",
            &booking("13800000001", "16:30"),
            Some(&key()),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

#[tokio::test]
async fn an_appointment_that_has_started_cannot_be_cancelled() {
    let app = TestApp::new().await;
    let a = app
        .post(
            "/api/v1/appointments",
            &booking("13800000009", "09:00"),
            Some(&key()),
        )
        .await
        .json();
    app.set_time(MONDAY_8AM + 25 * 3600 + 60); // Tuesday 09:01
    let url = format!(
        "/api/v1/appointments/{}/cancel",
        a["reference"].as_str().unwrap()
    );
    let res = app.post(&url, &json!({"phone": "13800000009"}), None).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.code("request"), "appointment_started");
    let _ = HALL;
}
