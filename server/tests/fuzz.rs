//! Arbitrary bodies against every write endpoint: whatever arrives, the answer is
//! never a server error (or a panic), and every refusal is problem+json.

mod common;

use std::collections::BTreeMap;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{KIOSK, OPERATOR_TOKEN, STAFF_PIN, TestApp};
use http_body_util::BodyExt;
use proptest::{
    prelude::*,
    sample::Index,
    test_runner::{Config, TestCaseError, TestRunner},
};
use serde_json::{Value, json};
use tower::ServiceExt;

/// Field names of every request type (and of their nested objects).
const FIELDS: &[&str] = &[
    "hall_id",
    "service_id",
    "slot_start",
    "name",
    "phone",
    "id_number",
    "needs",
    "language",
    "consent_version",
    "kiosk_id",
    "reference",
    "topic",
    "preferred",
    "date",
    "period",
    "may_say_12348",
    "note",
    "version",
    "uptime_s",
    "last_interaction_s",
    "errors",
    "pin",
    "maintenance",
    "message",
    "zh-CN",
    "en",
    "matter",
    "has_lawyer",
    "retrial_ordered",
    "criminal",
    "statuses",
    "region",
    "household_size",
    "household_monthly_income",
    "opposing_party_in_household",
    "applicant_monthly_income",
    "days_until_deadline",
    "urgent_preservation",
];

/// Values the server knows, so that bodies get past parsing into the handlers.
const PLAUSIBLE: &[&str] = &[
    "demo-hall",
    "wages",
    "criminal_defence",
    "support_payment",
    "migrant_worker",
    "310000",
    "442000",
    "consultation",
    "legal_aid",
    "2026-12-01T09:00:00+08:00",
    "2026-12-01T01:00:00Z",
    "2026-11-30T07:00:00+08:00",
    "0000-01-01T00:00:00+08:00",
    "9999-12-31T23:30:00-12:00",
    "2026-12-01",
    "张三",
    "13800138000",
    "+86 138-0013-8000",
    "010-12345678",
    "11010519491231002X",
    "wheelchair",
    "sign_language",
    "zh-CN",
    "en",
    "2026-11",
    "kiosk-1",
    "A2345678",
    "labour",
    "asap",
    "morning",
    "evening",
    "0.1.0",
    "246810",
];

/// The write endpoints: method, path, and whether an `Idempotency-Key` belongs.
const ENDPOINTS: &[(&str, &str, bool)] = &[
    ("POST", "/api/v1/appointments", true),
    ("POST", "/api/v1/appointments/lookup", false),
    ("POST", "/api/v1/appointments/A2345678/cancel", false),
    ("POST", "/api/v1/callbacks", true),
    ("POST", "/api/v1/callbacks/C2345678/complete", false),
    ("POST", "/api/v1/kiosks/kiosk-1/heartbeat", false),
    ("PUT", "/api/v1/kiosks/kiosk-1/maintenance", false),
    ("POST", "/api/v1/staff/session", false),
    ("POST", "/api/v1/eligibility", false),
];

/// A valid body for each endpoint of [`ENDPOINTS`], by index.
fn valid_body(endpoint: usize) -> Value {
    match endpoint {
        0 => common::booking("13800138000", "09:00"),
        1 => json!({ "reference": "A2345678", "phone": "13800138000" }),
        2 => json!({ "phone": "13800138000" }),
        3 => json!({
            "phone": "13800138000",
            "name": "张三",
            "topic": "family",
            "preferred": { "date": "2026-12-02", "period": "afternoon" },
            "language": "en",
            "needs": ["hearing_aid"],
            "may_say_12348": false,
            "note": "请下午打",
            "consent_version": "2026-11",
            "kiosk_id": "kiosk-1",
        }),
        4 => json!({}),
        5 => json!({ "version": "0.1.0", "uptime_s": 60, "last_interaction_s": 5, "errors": 0 }),
        6 => {
            json!({ "maintenance": true, "message": { "zh-CN": "维护中", "en": "Under maintenance" } })
        }
        _ => json!({ "kiosk_id": KIOSK, "pin": "000000" }),
    }
}

/// `s` with one character inserted, replaced, or everything from there cut.
fn mutate(s: &str, c: char, at: Index, how: u8) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let i = at.index(chars.len() + 1);
    match how {
        0 => chars.insert(i, c),
        1 if i < chars.len() => chars[i] = c,
        _ => chars.truncate(i),
    }
    chars.into_iter().collect()
}

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => prop::sample::select(PLAUSIBLE).prop_map(str::to_owned),
        // Near misses of known values.
        3 => (prop::sample::select(PLAUSIBLE), any::<char>(), any::<Index>(), 0..3u8)
            .prop_map(|(s, c, at, how)| mutate(s, c, at, how)),
        1 => (any::<char>(), 0..20_000usize).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => Just(String::new()),
    ]
}

/// Strings shaped like RFC 3339 timestamps: the date part valid or nearly so,
/// then either a well-formed time and offset or a tail from a small alphabet that
/// mixes in multi-byte characters.
fn timestamp_like() -> impl Strategy<Value = String> {
    let date = "(0000|0001|1970|2026|9999)-(01|02|11|12)-(01|29|30|31)";
    let regex = |r: String| proptest::string::string_regex(&r).unwrap();
    prop_oneof![
        1 => regex(format!("{date}[Tt][0-2][0-9]:[0-5][0-9]:00([+-][0-2][0-9]:[0-5][0-9]|[Zz])")),
        3 => regex(format!("{date}[Tt ][0-9:+\\-Zzé中ü€]{{0,16}}")),
    ]
}

/// Strings shaped like ISO dates, some nearly so.
fn date_like() -> impl Strategy<Value = String> {
    "(0000|2026|9999|[0-9é]{4})-(00|01|11|12|1é|[0-9]{2})-(00|01|30|31|[0-9中]{1,2})"
}

fn any_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        prop::sample::select(vec![
            json!(0),
            json!(-1),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(1e308),
            json!(-1e308),
            json!(0.5),
            json!(-0.0),
        ]),
    ]
}

/// Arbitrary JSON: scalars of every kind, and arrays and objects whose keys are
/// sometimes random and sometimes the real field names.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any_number(),
        any_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let key = prop_oneof![
            3 => prop::sample::select(FIELDS).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..10)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A change to a valid body.
#[derive(Clone, Debug)]
enum Edit {
    /// Set (or add) a field, maybe one inside `message` or `preferred`.
    Set {
        field: &'static str,
        value: Value,
        nested: bool,
    },
    /// Remove one of the body's fields.
    Remove(Index),
    /// Change one character of one of the body's string fields.
    Mutate(Index, char, Index, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (prop::sample::select(FIELDS), any_json(), any::<bool>()).prop_map(
            |(field, value, nested)| Edit::Set {
                field,
                value,
                nested
            }
        ),
        any::<Index>().prop_map(Edit::Remove),
        (any::<Index>(), any::<char>(), any::<Index>(), 0..3u8)
            .prop_map(|(field, c, at, how)| Edit::Mutate(field, c, at, how)),
    ]
}

fn apply(body: &mut Value, edit: Edit) {
    let Value::Object(map) = body else { return };
    match edit {
        Edit::Set {
            field,
            value,
            nested,
        } => {
            let inner = ["message", "preferred"]
                .into_iter()
                .find(|k| nested && map.get(*k).is_some_and(Value::is_object));
            let target = match inner {
                Some(k) => map.get_mut(k).and_then(Value::as_object_mut).unwrap(),
                None => map,
            };
            target.insert(field.to_owned(), value);
        }
        Edit::Remove(i) if !map.is_empty() => {
            let key = map.keys().nth(i.index(map.len())).unwrap().clone();
            map.remove(&key);
        }
        Edit::Mutate(i, c, at, how) => {
            let strings: Vec<String> = map
                .iter()
                .filter(|(_, v)| v.is_string())
                .map(|(k, _)| k.clone())
                .collect();
            if !strings.is_empty() {
                let key = &strings[i.index(strings.len())];
                let mutated = mutate(map[key].as_str().unwrap(), c, at, how);
                map.insert(key.clone(), Value::String(mutated));
            }
        }
        Edit::Remove(_) => {}
    }
}

/// A valid body for one endpoint with a few edits: gets past the JSON shape
/// checks into the handlers' own validation.
fn near_valid() -> impl Strategy<Value = (usize, Value)> {
    (0..ENDPOINTS.len(), prop::collection::vec(edit(), 1..4)).prop_map(|(endpoint, edits)| {
        let mut body = valid_body(endpoint);
        for e in edits {
            apply(&mut body, e);
        }
        (endpoint, body)
    })
}

struct Fuzz {
    app: TestApp,
    staff_token: String,
    /// How often each status was answered, to show how deep the inputs got.
    seen: std::sync::Mutex<BTreeMap<u16, usize>>,
}

impl Fuzz {
    async fn new() -> Self {
        let app = TestApp::new().await;
        let res = app
            .post(
                "/api/v1/staff/session",
                &json!({ "kiosk_id": KIOSK, "pin": STAFF_PIN }),
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "staff sign-in");
        let staff_token = res.json()["token"].as_str().unwrap().to_owned();
        Self {
            app,
            staff_token,
            seen: Default::default(),
        }
    }

    /// Sends `body` with `content_type` to endpoint `i`, with or without an
    /// `Idempotency-Key`, and checks the answer.
    async fn check(
        &self,
        i: usize,
        with_key: bool,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Result<(), TestCaseError> {
        let (method, uri, _) = ENDPOINTS[i];
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        if with_key {
            req = req.header("idempotency-key", common::key());
        }
        let token = match uri {
            u if u.ends_with("/maintenance") => Some(self.staff_token.as_str()),
            u if u.ends_with("/complete") => Some(OPERATOR_TOKEN),
            _ => None,
        };
        if let Some(token) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let req = req.body(Body::from(body)).unwrap();
        let what = format!("{method} {uri} (key: {with_key}, content type: {content_type:?})");
        // On its own task, so a panicking handler fails the case instead of the run.
        let answer = tokio::spawn(kiosk_server::app(self.app.state.clone()).oneshot(req)).await;
        let res = match answer {
            Ok(res) => res.unwrap(),
            Err(e) if e.is_panic() => {
                return Err(TestCaseError::fail(format!("{what}: the handler panicked")));
            }
            Err(e) => return Err(TestCaseError::fail(format!("{what}: {e}"))),
        };
        let status = res.status();
        *self
            .seen
            .lock()
            .unwrap()
            .entry(status.as_u16())
            .or_default() += 1;
        let content_type = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(!status.is_server_error(), "{what} → {status}: {text}");
        if !status.is_success() {
            prop_assert_eq!(
                content_type.as_str(),
                "application/problem+json",
                "{} → {}: {}",
                what,
                status,
                text
            );
            let problem: Value = serde_json::from_slice(&bytes)
                .map_err(|e| TestCaseError::fail(format!("{what}: problem body: {e}")))?;
            prop_assert_eq!(&problem["status"], &json!(status.as_u16()), "{}", what);
            let errors: BTreeMap<String, Vec<String>> =
                serde_json::from_value(problem["errors"].clone())
                    .map_err(|e| TestCaseError::fail(format!("{what}: errors map: {e}: {text}")))?;
            prop_assert!(!errors.is_empty(), "{} → {}: no codes", what, status);
        }
        Ok(())
    }

    /// `body` as JSON to every endpoint; the two idempotent ones with and
    /// without a key.
    async fn everywhere(
        &self,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Result<(), TestCaseError> {
        for (i, (_, _, keyed)) in ENDPOINTS.iter().enumerate() {
            self.check(i, *keyed, content_type, body.to_vec()).await?;
            if *keyed {
                self.check(i, false, content_type, body.to_vec()).await?;
            }
        }
        Ok(())
    }
}

fn runner() -> TestRunner {
    // PROPTEST_CASES=5000 fuzzes longer.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    TestRunner::new(Config {
        cases,
        max_shrink_iters: 512,
        // No regression files beside the sources: failures print their input.
        failure_persistence: None,
        ..Config::default()
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn arbitrary_json_bodies_never_get_a_server_error_and_refusals_are_problem_json() {
    let rt = runtime();
    let fuzz = rt.block_on(Fuzz::new());
    let inputs = (any_json(), near_valid(), timestamp_like(), date_like());
    let result = runner().run(&inputs, |(body, (endpoint, near), timestamp, date)| {
        rt.block_on(async {
            let json = Some("application/json");
            fuzz.everywhere(json, body.to_string().as_bytes()).await?;
            let keyed = ENDPOINTS[endpoint].2;
            fuzz.check(endpoint, keyed, json, near.to_string().into_bytes())
                .await?;
            let mut booking = valid_body(0);
            booking["slot_start"] = timestamp.into();
            fuzz.check(0, true, json, booking.to_string().into_bytes())
                .await?;
            let mut callback = valid_body(3);
            callback["preferred"]["date"] = date.into();
            fuzz.check(3, true, json, callback.to_string().into_bytes())
                .await
        })
    });
    println!(
        "JSON bodies, statuses seen: {:?}",
        fuzz.seen.lock().unwrap()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// JSON texts that `serde_json::Value` cannot hold or that parsers get wrong.
const AWKWARD_JSON: &[&str] = &[
    "18446744073709551616",
    "-9223372036854775809",
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "1.0",
    "-0",
    "00",
    "\"a\" \"b\"",
];

#[test]
fn arbitrary_bytes_never_get_a_server_error_and_refusals_are_problem_json() {
    let rt = runtime();
    let fuzz = rt.block_on(Fuzz::new());
    let bytes = prop_oneof![
        3 => prop::collection::vec(any::<u8>(), 0..2048),
        1 => prop::collection::vec(any::<u8>(), 16_000..17_000),
        // A valid body with one field's value replaced by an awkward literal.
        3 => (0..ENDPOINTS.len(), prop::sample::select(FIELDS), prop::sample::select(AWKWARD_JSON))
            .prop_map(|(endpoint, field, literal)| {
                let mut body = valid_body(endpoint);
                body[field] = json!("\u{1}");
                body.to_string().replace("\"\\u0001\"", literal).into_bytes()
            }),
        // Deep nesting.
        1 => (1..400usize).prop_map(|depth| {
            format!("{}{}", "[".repeat(depth), "]".repeat(depth)).into_bytes()
        }),
    ];
    let content_types = prop::sample::select(vec![
        Some("application/json"),
        Some("application/json; charset=utf-8"),
        Some("application/problem+json"),
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ]);
    let result = runner().run(&(bytes, content_types), |(body, content_type)| {
        rt.block_on(fuzz.everywhere(content_type, &body))
    });
    println!("raw bytes, statuses seen: {:?}", fuzz.seen.lock().unwrap());
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[tokio::test]
async fn slot_starts_that_nearly_parse_are_refused_without_a_panic() {
    let fuzz = Fuzz::new().await;
    for slot_start in [
        // Byte 8 after the `T` falls inside a two-byte character.
        "2026-12-01T0900:00\u{e9}+08:00",
        // Year 0 with an offset east of the hall's lands before year 0 in hall time.
        "0000-01-01T00:00:00+08:01",
    ] {
        let mut body = common::booking("13800138000", "09:00");
        body["slot_start"] = slot_start.into();
        let outcome = fuzz
            .check(
                0,
                true,
                Some("application/json"),
                body.to_string().into_bytes(),
            )
            .await;
        assert!(outcome.is_ok(), "slot_start {slot_start:?}: {outcome:?}");
    }
}

#[tokio::test]
async fn path_parameters_that_are_not_utf8_are_refused_as_problem_json() {
    let app = TestApp::new().await;
    for (method, uri) in [
        ("GET", "/api/v1/kiosks/%FF/status"),
        ("GET", "/api/v1/halls/%FF/slots?service=consultation"),
        ("POST", "/api/v1/appointments/%FF/cancel"),
    ] {
        let res = app
            .send(
                Request::builder()
                    .method(method)
                    .uri(uri)
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(r#"{"phone":"13800138000"}"#))
                    .unwrap(),
            )
            .await;
        assert!(
            res.status.is_client_error(),
            "{method} {uri}: {}",
            res.status
        );
        assert_eq!(
            res.header("content-type"),
            Some("application/problem+json"),
            "{method} {uri}: {}",
            res.text()
        );
    }
}
