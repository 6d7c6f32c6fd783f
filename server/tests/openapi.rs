//! `server/openapi.json` against the code: the served document, its routes, its
//! error codes and its references. Routes and codes are read from the handlers'
//! source text, so a new route or code that the document misses fails here.

mod common;

use std::{
    collections::{BTreeMap, BTreeSet},
    path::{Path, PathBuf},
};

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{HALL, KIOSK, OPERATOR_TOKEN, TestApp};
use serde_json::Value;

/// Codes produced in `error.rs` itself rather than passed in by a handler.
const FIXED_CODES: &[&str] = &[
    "unauthorized",
    "kiosk_unauthorized",
    "body_too_large",
    "unsupported_media_type",
    "validation_failed",
    "service_unavailable",
    "invalid_body",
    "malformed_json",
    "method_not_allowed",
];

/// The axum routing functions that name an HTTP method.
const METHODS: &[&str] = &["get", "post", "put", "delete", "patch", "head", "options"];

fn server_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn document() -> Value {
    let text = std::fs::read_to_string(server_dir().join("openapi.json")).unwrap();
    serde_json::from_str(&text).expect("openapi.json is JSON")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The text of a string literal starting at `s` (after leading whitespace), and
/// the rest after it. Escapes are kept as written: codes and paths have none.
fn string_literal(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start().strip_prefix('"')?;
    let end = s.find('"')?;
    Some((&s[..end], &s[end + 1..]))
}

/// The top-level arguments of a call whose `(` was just consumed, and the rest
/// after its `)`. Nested brackets and string literals are skipped over.
fn call_args(s: &str) -> Option<(Vec<&str>, &str)> {
    let (mut depth, mut start, mut in_string, mut escaped) = (0usize, 0, false, false);
    let mut args = Vec::new();
    for (i, c) in s.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            ')' => {
                let last = s[start..i].trim();
                if !last.is_empty() {
                    args.push(last);
                }
                return Some((args, &s[i + 1..]));
            }
            ',' if depth == 0 => {
                args.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    None
}

/// An argument that is exactly one string literal.
fn literal_arg(arg: &str) -> Option<&str> {
    string_literal(arg)
        .filter(|(_, rest)| rest.trim().is_empty())
        .map(|(lit, _)| lit)
}

/// Every `(METHOD, path)` of `.route("…", get(a).post(b))` in `src`.
fn routes_in(src: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (at, _) in src.match_indices(".route(") {
        let rest = &src[at + ".route(".len()..];
        let Some((path, rest)) = string_literal(rest) else {
            continue;
        };
        let Some(mut chain) = rest.trim_start().strip_prefix(',') else {
            continue;
        };
        // `get(a).post(b)`: a method name, its arguments, then `.` and the next.
        loop {
            chain = chain.trim_start();
            let name_len = chain
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(chain.len());
            let name = chain[..name_len].rsplit("::").next().unwrap_or_default();
            let Some(after) = chain[name_len..].trim_start().strip_prefix('(') else {
                break;
            };
            let Some((_, after)) = call_args(after) else {
                break;
            };
            if METHODS.contains(&name) {
                found.push((name.to_ascii_uppercase(), path.to_owned()));
            }
            match after.trim_start().strip_prefix('.') {
                Some(next) => chain = next,
                None => break,
            }
        }
    }
    found
}

/// Machine codes handed to `ApiError` or pushed into a field-error map in `src`.
fn codes_in(src: &str) -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    let mut calls = |needle: &str, pick: &dyn Fn(&[&str]) -> Vec<String>| {
        for (at, _) in src.match_indices(needle) {
            // `push(` must be a call of its own, not the tail of `.push(` or `fn push(`.
            if needle == "push(" {
                let before = src[..at].trim_end_matches([' ', '\t']);
                if before.ends_with('.') || before.ends_with("fn") || before.ends_with('_') {
                    continue;
                }
            }
            if let Some((args, _)) = call_args(&src[at + needle.len()..]) {
                codes.extend(pick(&args));
            }
        }
    };
    let nth = |n: usize| {
        move |args: &[&str]| {
            args.get(n)
                .and_then(|a| literal_arg(a))
                .map(str::to_owned)
                .into_iter()
                .collect()
        }
    };
    calls("ApiError::field(", &nth(1));
    for variant in [
        "BadRequest(",
        "Unauthenticated(",
        "Forbidden(",
        "NotFound(",
        "Conflict(",
        "Unprocessable(",
        "Unavailable(",
    ] {
        calls(variant, &nth(0));
    }
    let third_of_three = |args: &[&str]| {
        if args.len() == 3 {
            nth(2)(args)
        } else {
            Vec::new()
        }
    };
    calls("push(", &third_of_three);
    calls("push_error(", &third_of_three);
    // `errors.insert("note".into(), vec!["note_too_long".into()])`
    calls(".insert(", &|args: &[&str]| {
        args.get(1)
            .and_then(|a| a.strip_prefix("vec!["))
            .and_then(string_literal)
            .map(|(code, _)| vec![code.to_owned()])
            .unwrap_or_default()
    });
    for (at, _) in src.match_indices("code: ") {
        if let Some((code, _)) = string_literal(&src[at + "code: ".len()..]) {
            codes.insert(code.to_owned());
        }
    }
    codes
}

/// Codes core's checks return rather than push: `Some("not_today")` from a
/// refusal, and the arms of a `fn code(&self)`.
fn core_refusals(src: &str) -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for (at, _) in src.match_indices("Some(") {
        if let Some((code, _)) = string_literal(&src[at + "Some(".len()..]) {
            codes.insert(code.to_owned());
        }
    }
    for (at, _) in src.match_indices("fn code(&self) -> &'static str {") {
        let body = &src[at..];
        let body = &body[..body.find("\n    }\n").unwrap_or(body.len())];
        for (arm, _) in body.match_indices("=> ") {
            if let Some((code, _)) = string_literal(&body[arm + "=> ".len()..]) {
                codes.insert(code.to_owned());
            }
        }
    }
    codes
}

fn source_codes() -> BTreeSet<String> {
    let mut codes: BTreeSet<String> = rust_files(&server_dir().join("src"))
        .iter()
        .flat_map(|f| codes_in(&std::fs::read_to_string(f).unwrap()))
        .collect();
    // The checks the console and the server share, with their codes.
    for shared in [
        "console.rs",
        "desk.rs",
        "rules.rs",
        "hall_admin.rs",
        "eligibility/standards.rs",
    ] {
        let file = server_dir().join("../core/src").join(shared);
        let src = std::fs::read_to_string(file).unwrap();
        codes.extend(codes_in(&src));
        // Not the tests' own strings.
        codes.extend(core_refusals(
            src.split("#[cfg(test)]").next().unwrap_or_default(),
        ));
    }
    codes.extend(FIXED_CODES.iter().map(|c| (*c).to_owned()));
    codes
}

fn documented_operations(doc: &Value) -> BTreeSet<(String, String)> {
    doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|k| METHODS.contains(&k.as_str()))
                .map(move |m| (m.to_ascii_uppercase(), path.clone()))
        })
        .collect()
}

/// Every string value anywhere in `v`.
fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
        Value::Object(o) => {
            for (k, v) in o {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r),
                    _ => refs(v, out),
                }
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn the_served_document_is_the_file_and_is_openapi_3_1() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let file = std::fs::read_to_string(server_dir().join("openapi.json")).unwrap();
    assert_eq!(res.text(), file, "served verbatim");
    let doc = res.json();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string());
    assert!(doc["info"]["version"].is_string());
    assert!(
        file.starts_with("{\n  \"openapi\""),
        "pretty-printed with two spaces"
    );
}

#[test]
fn the_route_scanner_reads_chained_and_multi_line_routes() {
    let src = r#"
        Router::new()
            .route("/a", get(list))
            .route(
                "/b/{id}/c",
                post(create).get(read),
            )
            .route("/d", routing::put(update).delete(remove))
            .route_layer(middleware::from_fn(limit))
    "#;
    let found: BTreeSet<_> = routes_in(src).into_iter().collect();
    let expected: BTreeSet<_> = [
        ("GET", "/a"),
        ("POST", "/b/{id}/c"),
        ("GET", "/b/{id}/c"),
        ("PUT", "/d"),
        ("DELETE", "/d"),
    ]
    .iter()
    .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn the_code_scanner_finds_codes_in_every_form_they_are_written() {
    let src = r#"
        fn push(errors: &mut FieldErrors, field: &str, code: &str) {
            errors.entry(field.to_owned()).or_default().push(code.to_owned());
        }
        push(&mut errors, "name", "name_required");
        push(errors, field, "name_too_long");
        errors.insert("note".into(), vec!["note_too_long".into()]);
        return Err(ApiError::field("slot_start", "invalid_slot"));
        ApiError::field(&field, "invalid_body")
        Err(ApiError::BadRequest("invalid_query"))
        .ok_or(ApiError::NotFound("unknown_kiosk"))
        Err(BookError::SlotFull) => return Ok(Err(ApiError::Conflict("slot_full"))),
        Err(ApiError::Unprocessable("idempotency_key_reused"))
        Err(ApiError::Forbidden("forbidden_role"))
        .ok_or(ApiError::Unauthenticated("session_required"))?
        ApiError::TooManyRequests { code: "staff_locked", retry_after_s: 1 }
        notices.push(format!("demo PIN {pin}"));
    "#;
    let expected: BTreeSet<String> = [
        "name_required",
        "name_too_long",
        "note_too_long",
        "invalid_slot",
        "invalid_body",
        "invalid_query",
        "unknown_kiosk",
        "slot_full",
        "idempotency_key_reused",
        "forbidden_role",
        "session_required",
        "staff_locked",
    ]
    .iter()
    .map(|c| (*c).to_owned())
    .collect();
    assert_eq!(codes_in(src), expected);
}

#[test]
fn the_document_has_exactly_the_routes_of_the_router() {
    let mut routes = BTreeSet::new();
    for file in rust_files(&server_dir().join("src/routes")) {
        routes.extend(routes_in(&std::fs::read_to_string(&file).unwrap()));
    }
    assert!(
        routes.len() >= 15,
        "the scanner found too few routes: {routes:?}"
    );
    assert!(routes.contains(&("GET".to_owned(), "/callbacks".to_owned())));
    assert!(routes.contains(&("POST".to_owned(), "/callbacks".to_owned())));
    let documented = documented_operations(&document());
    let missing: Vec<_> = routes.difference(&documented).collect();
    let extra: Vec<_> = documented.difference(&routes).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "routes not in openapi.json: {missing:?}; documented but not routed: {extra:?}"
    );
}

#[test]
fn every_error_code_of_the_server_is_documented() {
    let codes = source_codes();
    assert!(
        codes.len() >= 30,
        "the scanner found too few codes: {codes:?}"
    );
    for code in [
        "slot_full",
        "note_too_long",
        "staff_locked",
        "no_such_route",
    ] {
        assert!(codes.contains(code), "scanner missed {code}");
    }
    let doc = document();
    let mut texts = Vec::new();
    strings(&doc, &mut texts);
    let missing: Vec<_> = codes
        .iter()
        .filter(|code| !texts.iter().any(|t| t.contains(code.as_str())))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from openapi.json: {missing:?}"
    );
}

#[test]
fn documented_error_codes_exist_in_the_server_and_in_the_error_code_schema() {
    let codes = source_codes();
    let doc = document();
    let enumerated: BTreeSet<String> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("ErrorCode enum")
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    let stale: Vec<_> = enumerated.difference(&codes).collect();
    assert!(
        stale.is_empty(),
        "ErrorCode lists codes the server never sends: {stale:?}"
    );
    // Every code the server can put in `errors` (all but the 422 umbrella code).
    let unlisted: Vec<_> = codes
        .iter()
        .filter(|c| *c != "validation_failed" && !enumerated.contains(*c))
        .collect();
    assert!(unlisted.is_empty(), "ErrorCode enum misses {unlisted:?}");
    // Each response's `x-error-codes` names only known codes, and fits its status.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for (status, res) in op["responses"].as_object().unwrap() {
                for code in res["x-error-codes"].as_array().into_iter().flatten() {
                    let code = code.as_str().unwrap();
                    assert!(
                        enumerated.contains(code),
                        "{method} {path} {status}: unknown code {code}"
                    );
                }
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        res["x-error-codes"].is_array()
                            || res["content"]["application/json"].is_object(),
                        "{method} {path} {status}: an error response names its codes"
                    );
                }
            }
        }
    }
}

#[test]
fn every_reference_resolves_and_the_named_schemas_exist() {
    let doc = document();
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(found.len() > 50);
    for r in found {
        let pointer = r.strip_prefix('#').expect("local reference");
        assert!(doc.pointer(pointer).is_some(), "dangling $ref {r}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "Hall",
        "Service",
        "Slot",
        "Appointment",
        "AppointmentRequest",
        "AppointmentLookup",
        "AppointmentCancel",
        "CallbackRequest",
        "CallbackReceipt",
        "OperatorCallback",
        "KioskStatus",
        "Heartbeat",
        "StaffSessionRequest",
        "StaffSession",
        "MaintenanceRequest",
        "Problem",
        "ErrorCode",
        "LocalizedText",
        "Need",
        "Topic",
        "Period",
        "Preferred",
        "Lang",
        "Health",
    ] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
    assert_eq!(
        schemas["LocalizedText"]["required"],
        serde_json::json!(["zh-CN", "en"])
    );
    // Request types with `deny_unknown_fields` refuse unknown properties.
    for name in [
        "AppointmentRequest",
        "AppointmentLookup",
        "AppointmentCancel",
        "CallbackRequest",
        "Heartbeat",
        "StaffSessionRequest",
        "MaintenanceRequest",
        "ConsoleSignIn",
        "NewUser",
        "UserUpdate",
        "PasswordReset",
    ] {
        assert_eq!(
            schemas[name]["additionalProperties"],
            Value::Bool(false),
            "{name}"
        );
    }
    let schemes = &doc["components"]["securitySchemes"];
    for scheme in ["operatorToken", "staffToken"] {
        assert_eq!(schemes[scheme]["scheme"], "bearer", "{scheme}");
    }
}

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let app = TestApp::new().await;
    let doc = document();
    let prefix = doc["servers"][0]["url"].as_str().expect("server url");
    assert_eq!(prefix, kiosk_core::api::API_PREFIX);
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let concrete = path
                .replace("{hall}", HALL)
                .replace("{id}", KIOSK)
                .replace("{reference}", "A2345678")
                .replace("{date}", "2026-12-01")
                .replace("{service}", "legal-aid")
                .replace("{key}", &"0".repeat(64));
            assert!(!concrete.contains('{'), "unsubstituted parameter in {path}");
            let mut req = Request::builder()
                .method(method.to_ascii_uppercase().as_str())
                .uri(format!("{prefix}{concrete}"))
                .header(header::AUTHORIZATION, format!("Bearer {OPERATOR_TOKEN}"))
                .header("idempotency-key", common::key());
            let body = if op.get("requestBody").is_some() {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from("{}")
            } else {
                Body::empty()
            };
            let res = app.send(req.body(body).unwrap()).await;
            let what = format!("{method} {path} → {}", res.status);
            assert_ne!(res.status, StatusCode::METHOD_NOT_ALLOWED, "{what}");
            if res.status == StatusCode::NOT_FOUND {
                assert_ne!(
                    res.json()["errors"]["request"],
                    serde_json::json!(["no_such_route"]),
                    "{what}"
                );
            }
            let documented = op["responses"].get(res.status.as_str());
            assert!(documented.is_some(), "{what}: status not documented");
            let media = if res.status.is_success() {
                "application/json"
            } else {
                "application/problem+json"
            };
            if documented.is_some_and(|d| d["content"].get(media).is_some()) {
                assert!(
                    res.header("content-type")
                        .is_some_and(|c| c.starts_with(media)),
                    "{what}: content type {:?}",
                    res.header("content-type")
                );
                let _ = res.json();
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} operations");
}

#[test]
fn every_operation_documents_its_statuses() {
    let doc = document();
    let mut seen = BTreeMap::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            let id = op["operationId"].as_str().expect("operationId");
            assert!(
                seen.insert(id.to_owned(), path.clone()).is_none(),
                "{id} twice"
            );
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path}: no success status"
            );
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(responses.contains_key(status), "{method} {path}: {status}");
                }
            }
            if method == "post" || method == "put" {
                assert!(responses.contains_key("429"), "{method} {path}: 429");
            }
            let needs_key = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["$ref"] == "#/components/parameters/IdempotencyKey");
            assert_eq!(
                needs_key,
                ["/appointments", "/callbacks", "/kiosks/{id}/ratings"].contains(&path.as_str())
                    && method == "post",
                "{method} {path}: Idempotency-Key"
            );
            if op.get("security").is_some() {
                assert!(responses.contains_key("401"), "{method} {path}: 401");
            }
        }
    }
}
