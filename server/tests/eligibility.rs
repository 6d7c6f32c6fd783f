//! `POST /eligibility` answers exactly what the kiosk's engine answers, and the
//! standards can be replaced without a rebuild.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use kiosk_core::{
    date::Date,
    eligibility::{EligibilityInput, Standards, assess},
};
use serde_json::{Value, json};

fn monday() -> Date {
    Date::new(2026, 11, 30).unwrap()
}

#[tokio::test]
async fn a_migrant_worker_with_unpaid_wages_gets_means_waived_and_likely() {
    let app = TestApp::new().await;
    let res = app
        .post(
            "/api/v1/eligibility",
            &json!({"matter": "wages", "statuses": ["migrant_worker"], "has_lawyer": false}),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let body = res.json();
    assert_eq!(body["route"], "means_waived");
    assert_eq!(body["likelihood"], "likely");
    let articles: Vec<&str> = body["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        articles.contains(&"LAL 31(5)") && articles.contains(&"LAL 42(3)"),
        "{articles:?}"
    );
}

#[tokio::test]
async fn the_endpoint_returns_exactly_the_engine_result() {
    let app = TestApp::new().await;
    let inputs = [
        json!({"matter": "traffic_accident", "region": "310000", "household_size": 3, "household_monthly_income": 9000}),
        json!({"matter": "traffic_accident", "region": "310000", "household_size": 3, "household_monthly_income": 9570}),
        json!({"matter": "support_payment", "region": "442000", "opposing_party_in_household": true, "applicant_monthly_income": 2591}),
        json!({"matter": "criminal_defence", "criminal": ["minor"]}),
        json!({"matter": "criminal_defence", "has_lawyer": true}),
        json!({"matter": "abuse_abandonment_dv", "days_until_deadline": 3}),
        json!({"matter": "petition_retrial", "retrial_ordered": false}),
        json!({"matter": "labour_relationship", "statuses": ["migrant_worker"]}),
        json!({"matter": "other"}),
        json!({"matter": "medical_accident", "date": "2023-01-01", "region": "442000", "household_size": 1, "household_monthly_income": 100}),
    ];
    for input in inputs {
        let res = app.post("/api/v1/eligibility", &input, None).await;
        assert_eq!(res.status, StatusCode::OK, "{input}: {}", res.text());
        let parsed: EligibilityInput = serde_json::from_value(input.clone()).unwrap();
        let expected =
            serde_json::to_value(assess(&parsed, Standards::embedded(), monday())).unwrap();
        assert_eq!(res.json(), expected, "{input}");
    }
}

#[tokio::test]
async fn bad_self_check_bodies_are_refused_field_by_field() {
    let app = TestApp::new().await;
    let cases: [(Value, &str, &str); 4] = [
        (json!({}), "body", "invalid_body"),
        (json!({"matter": "astrology"}), "matter", "invalid_body"),
        (
            json!({"matter": "wages", "salary": 1}),
            "salary",
            "invalid_body",
        ),
        (
            json!({"matter": "wages", "region": "Shanghai"}),
            "region",
            "invalid_region",
        ),
    ];
    for (body, field, code) in cases {
        let res = app.post("/api/v1/eligibility", &body, None).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(res.code(field), code, "{body}: {}", res.text());
    }
}

#[tokio::test]
async fn the_standards_are_served_and_can_be_replaced_by_a_file() {
    let app = TestApp::new().await;
    let served = app.get("/api/v1/eligibility/standards").await.json();
    assert_eq!(served, serde_json::to_value(Standards::embedded()).unwrap());

    // A hall updates Shanghai's figure without a rebuild.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("standards.json");
    let updated = kiosk_core::eligibility::EMBEDDED_JSON.replace("3190", "3500");
    std::fs::write(&path, updated).unwrap();
    let app = TestApp::with(|c| c.standards = Some(path.clone())).await;
    let served = app.get("/api/v1/eligibility/standards").await.json();
    assert!(served.to_string().contains("3500"));
    let res = app
        .post(
            "/api/v1/eligibility",
            &json!({"matter": "traffic_accident", "region": "310000", "household_size": 1, "household_monthly_income": 3400}),
            None,
        )
        .await;
    assert_eq!(res.json()["likelihood"], "likely");
    assert_eq!(res.json()["means"]["standard"], 3500);
}
