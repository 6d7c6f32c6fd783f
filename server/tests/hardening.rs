//! Security headers, body limits and formats, per-kiosk rate limits, request ids.

mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{TestApp, booking, key};
use serde_json::json;

#[tokio::test]
async fn api_answers_are_never_cached_or_sniffed() {
    let app = TestApp::new().await;
    for uri in ["/api/v1/health", "/api/v1/services", "/api/v1/nothing"] {
        let res = app.get(uri).await;
        assert_eq!(res.header("cache-control"), Some("no-store"), "{uri}");
        assert_eq!(
            res.header("x-content-type-options"),
            Some("nosniff"),
            "{uri}"
        );
        assert_eq!(res.header("referrer-policy"), Some("no-referrer"), "{uri}");
        assert!(
            res.header("x-request-id").is_some_and(|id| id.len() == 36),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_kiosk_page_has_a_strict_content_security_policy() {
    let app = TestApp::new().await;
    for uri in ["/", "/booking", "/app.js"] {
        let res = app.get(uri).await;
        let csp = res.header("content-security-policy").expect("CSP");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{directive} in {csp}");
        }
        assert_eq!(res.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
    }
}

#[tokio::test]
async fn bodies_over_16_kib_are_refused() {
    let app = TestApp::new().await;
    let mut body = booking("13812345678", "09:00");
    body["name"] = json!("x".repeat(17 * 1024));
    let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.code("request"), "body_too_large");
}

#[tokio::test]
async fn non_json_and_malformed_bodies_are_refused_in_problem_format() {
    let app = TestApp::new().await;
    let res = app
        .send(
            Request::post("/api/v1/appointments/lookup")
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from("reference=A1"))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    let res = app
        .send(
            Request::post("/api/v1/appointments/lookup")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{\"reference\": "))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.code("request"), "malformed_json");
}

#[tokio::test]
async fn error_answers_never_echo_personal_data() {
    let app = TestApp::new().await;
    let mut body = booking("1381234567X", "09:00");
    body["id_number"] = json!("130402198207290622");
    body["name"] = json!(12345);
    let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = res.text();
    assert!(!text.contains("1381234567"), "{text}");
    assert!(!text.contains("12345"), "{text}");
}

#[tokio::test]
async fn each_kiosk_has_its_own_write_rate_limit() {
    let app = TestApp::with(|c| c.rate_limit_per_minute = 3).await;
    let post = |kiosk: &'static str| {
        Request::post("/api/v1/appointments/lookup")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-kiosk-id", kiosk)
            .body(Body::from(
                json!({"reference": "A2345678", "phone": "13812345678"}).to_string(),
            ))
            .unwrap()
    };
    for _ in 0..3 {
        assert_eq!(
            app.send(post("kiosk-1")).await.status,
            StatusCode::NOT_FOUND
        );
    }
    let res = app.send(post("kiosk-1")).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.code("request"), "rate_limited");
    assert!(
        res.header("retry-after")
            .is_some_and(|s| s.parse::<u64>().unwrap() >= 1)
    );
    assert_eq!(
        app.send(post("kiosk-2")).await.status,
        StatusCode::NOT_FOUND
    );
    // Reads are not limited.
    assert_eq!(app.get("/api/v1/health").await.status, StatusCode::OK);
}

#[tokio::test]
async fn built_files_are_served_precompressed_with_their_own_type() {
    let app = TestApp::new().await;
    let dist = &app.config.dist;
    std::fs::write(dist.join("kiosk.wasm"), b"\0asm plain").unwrap();
    std::fs::write(dist.join("kiosk.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dist.join("kiosk.wasm.gz"), b"gzip bytes").unwrap();
    let get = |encoding: &'static str| {
        app.send(
            Request::get("/kiosk.wasm")
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .unwrap(),
        )
    };
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), &b"brotli bytes"[..]),
        ("gzip", Some("gzip"), &b"gzip bytes"[..]),
        ("identity", None, &b"\0asm plain"[..]),
    ] {
        let res = get(accept).await;
        assert_eq!(res.status, StatusCode::OK, "{accept}");
        assert_eq!(
            res.header("content-type"),
            Some("application/wasm"),
            "{accept}"
        );
        assert_eq!(res.header("content-encoding"), encoding, "{accept}");
        assert_eq!(res.body, body, "{accept}");
        assert!(
            res.header("vary")
                .is_some_and(|v| v.contains("accept-encoding")),
            "{accept}"
        );
    }
}

#[tokio::test]
async fn hashed_build_files_are_kept_a_year_and_the_page_is_checked_every_load() {
    let app = TestApp::new().await;
    let dist = &app.config.dist;
    std::fs::write(dist.join("legal-kiosk-3f1c2b9a8e7d6c5b_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dist.join("kiosk.json"), b"{}").unwrap();
    let year = Some("public, max-age=31536000, immutable");
    let res = app.get("/legal-kiosk-3f1c2b9a8e7d6c5b_bg.wasm").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("cache-control"), year);
    for path in ["/", "/index.html", "/booking/check", "/kiosk.json"] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        assert_eq!(res.header("cache-control"), Some("no-cache"), "{path}");
    }
    // A hashed name from an old build is answered with the page, never kept.
    let res = app.get("/legal-kiosk-0000aaaa1111bbbb_bg.wasm").await;
    assert_eq!(res.header("cache-control"), Some("no-cache"));
    // The API is never stored at all.
    let res = app.get("/api/v1/health").await;
    assert_eq!(res.header("cache-control"), Some("no-store"));
}

/// A NUL is valid JSON and valid UTF-8 but not text PostgreSQL can hold or
/// compare: ids and versions carrying one are refused before the database.
#[tokio::test]
async fn control_characters_in_ids_and_versions_are_refused_not_a_database_error() {
    let app = TestApp::new().await;
    let res = app
        .post(
            "/api/v1/staff/session",
            &json!({ "kiosk_id": "kiosk\u{0}1", "pin": "123456" }),
            None,
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.text()
    );
    assert_eq!(res.code("kiosk_id"), "invalid_kiosk_id");

    let res = app.get("/api/v1/kiosks/kiosk%001/status").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.text());

    let res = app
        .post(
            &format!("/api/v1/kiosks/{}/heartbeat", common::KIOSK),
            &json!({ "version": "0.1\u{0}", "uptime_s": 1, "last_interaction_s": 1, "errors": 0 }),
            None,
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.text()
    );
    assert_eq!(res.code("version"), "invalid_version");

    let mut body = booking("13800138000", "09:00");
    body["kiosk_id"] = json!("kiosk\u{0}1");
    let res = app.post("/api/v1/appointments", &body, Some(&key())).await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.text()
    );
    assert_eq!(res.code("kiosk_id"), "invalid_kiosk_id");
}
