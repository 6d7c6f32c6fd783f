//! `kiosk-server admin`: a hall set up from nothing by the CLI is what the API
//! serves, kiosks get secrets that bind their requests, and bad input is refused
//! with a message that says what to write instead. On both databases.

mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use clap::Parser;
use common::{TestApp, key};
use kiosk_server::{admin::AdminError, config::Cli};
use serde_json::{Value, json};

/// Runs `kiosk-server admin --db <the app's database> ARGS…` in this process;
/// `stdin` feeds `staff-pin set`.
async fn admin_with(app: &TestApp, args: &[&str], stdin: &str) -> Result<String, AdminError> {
    app.admin_cli(args, stdin).await
}

async fn admin(app: &TestApp, args: &[&str]) -> String {
    admin_with(app, args, "")
        .await
        .unwrap_or_else(|e| panic!("admin {args:?}: {e}"))
}

async fn refused(app: &TestApp, args: &[&str]) -> String {
    match admin_with(app, args, "").await {
        Err(AdminError::Invalid(msg)) => msg,
        other => panic!("admin {args:?} should be refused, got {other:?}"),
    }
}

/// The secret line `kiosk add` and `kiosk rekey` print.
fn secret_in(out: &str) -> String {
    out.lines()
        .find(|l| l.len() == 64 && l.bytes().all(|b| b.is_ascii_hexdigit()))
        .unwrap_or_else(|| panic!("no secret in {out}"))
        .to_owned()
}

async fn east_hall(app: &TestApp) {
    admin(
        app,
        &[
            "hall",
            "add",
            "east",
            "--name-zh",
            "东区公共法律服务中心",
            "--name-en",
            "East District Public Legal Service Centre",
            "--address-zh",
            "东区人民路 1 号",
            "--address-en",
            "1 Renmin Road, East District",
            "--phone",
            "010-87654321",
        ],
    )
    .await;
}

async fn heartbeat(
    app: &TestApp,
    kiosk: &str,
    key: Option<&str>,
    extra: &[(&str, &str)],
) -> StatusCode {
    let mut req = Request::post(format!("/api/v1/kiosks/{kiosk}/heartbeat"))
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-kiosk-id", kiosk);
    if let Some(key) = key {
        req = req.header("x-kiosk-key", key);
    }
    for (name, value) in extra {
        req = req.header(*name, *value);
    }
    let body = json!({"version": "1.0", "uptime_s": 1, "last_interaction_s": 1, "errors": 0, "interval_s": 60});
    app.send(req.body(Body::from(body.to_string())).unwrap())
        .await
        .status
}

#[tokio::test]
async fn a_hall_set_up_by_the_cli_is_served_with_its_hours_services_and_closures() {
    let app = TestApp::new().await;
    east_hall(&app).await;
    let out = admin(
        &app,
        &[
            "hours",
            "set",
            "--hall",
            "east",
            "--weekdays",
            "1-5",
            "--sessions",
            "09:00-12:00,14:00-17:00",
        ],
    )
    .await;
    assert!(out.contains("周一至周五 9:00–12:00、14:00–17:00"), "{out}");
    admin(&app, &["service", "add-standard"]).await;
    admin(
        &app,
        &[
            "service",
            "offer",
            "--hall",
            "east",
            "--service",
            "mediation",
            "--capacity",
            "4",
        ],
    )
    .await;

    let halls = app.get("/api/v1/halls").await.json();
    let east = halls
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "east")
        .expect("the new hall is listed");
    assert_eq!(east["names"]["zh-CN"], "东区公共法律服务中心");
    assert_eq!(
        east["opening_hours"]["en"],
        "Monday to Friday 9:00–12:00, 14:00–17:00 (closed on public holidays)"
    );
    let slots = app
        .get("/api/v1/halls/east/slots?service=mediation&from=2026-12-01&days=1")
        .await
        .json();
    let slots = slots.as_array().unwrap();
    assert_eq!(slots.len(), 12, "six 30-minute slots in each session");
    assert_eq!(slots[0]["start"], "2026-12-01T09:00:00+08:00");
    assert_eq!(slots[6]["start"], "2026-12-01T14:00:00+08:00");
    assert!(
        slots
            .iter()
            .all(|s| s["capacity"] == 4 && s["remaining"] == 4)
    );

    // A booking for Tuesday, then Tuesday is closed: the CLI names the person to call.
    let mut booking = common::booking("13812345678", "09:30");
    booking["hall_id"] = json!("east");
    booking["service_id"] = json!("mediation");
    booking["name"] = json!("李四");
    let res = app
        .post("/api/v1/appointments", &booking, Some(&key()))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let reference = res.json()["reference"].as_str().unwrap().to_owned();
    let out = admin(&app, &["closure", "add", "--hall", "east", "2026-12-01"]).await;
    assert!(out.contains("1 booking(s) already made"), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with(&reference))
        .expect("the booking is listed");
    assert!(
        line.contains("09:30") && line.contains("李四") && line.contains("13812345678"),
        "{line}"
    );
    let closed = app
        .get("/api/v1/halls/east/slots?service=mediation&from=2026-12-01&days=1")
        .await
        .json();
    assert_eq!(closed, json!([]), "no times on a closed day");
    assert!(
        admin(&app, &["closure", "list", "--hall", "east"])
            .await
            .contains("2026-12-01")
    );
    admin(&app, &["closure", "remove", "--hall", "east", "2026-12-01"]).await;
    let reopened = app
        .get("/api/v1/halls/east/slots?service=mediation&from=2026-12-01&days=1")
        .await
        .json();
    assert_eq!(reopened.as_array().unwrap().len(), 12);

    // Withdrawn: the hall no longer offers it.
    admin(
        &app,
        &[
            "service",
            "withdraw",
            "--hall",
            "east",
            "--service",
            "mediation",
        ],
    )
    .await;
    let res = app
        .get("/api/v1/halls/east/slots?service=mediation&from=2026-12-01&days=1")
        .await;
    assert_eq!(res.code("service"), "unknown_service");
    // Edits show at once.
    admin(&app, &["hall", "edit", "east", "--phone", "010-11112222"]).await;
    assert!(
        admin(&app, &["hall", "list"])
            .await
            .contains("010-11112222")
    );
}

#[tokio::test]
async fn a_kiosk_is_known_by_its_secret_which_can_be_replaced_and_revoked() {
    let app = TestApp::new().await;
    let out = admin(
        &app,
        &["kiosk", "add", "hall-kiosk-7", "--hall", "demo-hall"],
    )
    .await;
    let secret = secret_in(&out);
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", Some(&secret), &[]).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", Some("0".repeat(64).as_str()), &[]).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", None, &[]).await,
        StatusCode::UNAUTHORIZED,
        "a kiosk with a secret must send it"
    );
    // Another kiosk's secret never makes a request that kiosk.
    assert_eq!(
        heartbeat(&app, "kiosk-1", Some(&secret), &[]).await,
        StatusCode::UNAUTHORIZED
    );

    let list = admin(&app, &["kiosk", "list", "--hall", "demo-hall"]).await;
    let row = list
        .lines()
        .find(|l| l.starts_with("hall-kiosk-7"))
        .unwrap();
    assert!(
        row.contains("online") && row.contains("secret") && row.contains("1.0"),
        "{row}"
    );
    assert!(!list.contains(&secret), "the secret is never listed");

    let new_secret = secret_in(&admin(&app, &["kiosk", "rekey", "hall-kiosk-7"]).await);
    assert_ne!(new_secret, secret);
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", Some(&secret), &[]).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", Some(&new_secret), &[]).await,
        StatusCode::NO_CONTENT
    );

    admin(&app, &["kiosk", "revoke", "hall-kiosk-7"]).await;
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", Some(&new_secret), &[]).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        heartbeat(&app, "hall-kiosk-7", None, &[]).await,
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .get_with(
            "/api/v1/kiosks/hall-kiosk-7/status",
            &[("x-kiosk-id", "hall-kiosk-7")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.code("request"), "kiosk_unauthorized");
    assert!(admin(&app, &["kiosk", "list"]).await.contains("revoked"));
}

#[tokio::test]
async fn a_local_kiosk_is_accepted_only_from_this_pc() {
    let app = TestApp::new().await;
    let out = admin(
        &app,
        &[
            "kiosk",
            "add",
            "counter-pc",
            "--hall",
            "demo-hall",
            "--local",
        ],
    )
    .await;
    assert!(
        !out.lines().any(|l| l.len() == 64),
        "no secret for a local kiosk: {out}"
    );
    assert_eq!(
        heartbeat(&app, "counter-pc", None, &[]).await,
        StatusCode::NO_CONTENT
    );
    // Through a proxy (even one on this host) it is not this PC.
    assert_eq!(
        heartbeat(
            &app,
            "counter-pc",
            None,
            &[("x-forwarded-for", "192.0.2.7")]
        )
        .await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        heartbeat(&app, "kiosk-1", None, &[("x-real-ip", "192.0.2.7")]).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn bookings_and_callbacks_record_the_proven_kiosk_and_no_other() {
    let app = TestApp::new().await;
    let secret = secret_in(&admin(&app, &["kiosk", "add", "edge-3", "--hall", "demo-hall"]).await);
    let post = |body: Value, kiosk_key: Option<String>| {
        let mut req = Request::post("/api/v1/callbacks")
            .header(header::CONTENT_TYPE, "application/json")
            .header("idempotency-key", key())
            .header("x-kiosk-id", "edge-3");
        if let Some(k) = kiosk_key {
            req = req.header("x-kiosk-key", k);
        }
        app.send(req.body(Body::from(body.to_string())).unwrap())
    };
    // No kiosk_id in the body: the proven kiosk is recorded.
    let res = post(common::callback("13900000001"), Some(secret.clone())).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    // A body naming another kiosk is refused.
    let mut other = common::callback("13900000002");
    other["kiosk_id"] = json!("kiosk-1");
    let res = post(other, Some(secret.clone())).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    // Naming the kiosk without its secret is refused too.
    let mut claimed = common::callback("13900000003");
    claimed["kiosk_id"] = json!("edge-3");
    let res = post(claimed, None).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    // A kiosk the server does not know is a field error.
    let mut unknown = common::callback("13900000004");
    unknown["kiosk_id"] = json!("no-such-kiosk");
    let res = app.post("/api/v1/callbacks", &unknown, Some(&key())).await;
    assert_eq!(res.code("kiosk_id"), "unknown_kiosk");

    let queue = app
        .get_auth("/api/v1/callbacks", common::OPERATOR_TOKEN)
        .await
        .json();
    let kiosks: Vec<&Value> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["kiosk_id"])
        .collect();
    assert_eq!(kiosks, [&json!("edge-3")]);
}

#[tokio::test]
async fn a_staff_pin_set_by_the_cli_opens_a_staff_session() {
    let app = TestApp::new().await;
    let out = admin_with(
        &app,
        &["staff-pin", "set", "--hall", "demo-hall"],
        "97531864\n",
    )
    .await
    .unwrap();
    assert!(out.contains("argon2id"), "{out}");
    assert!(!out.contains("97531864"));
    let res = app
        .post(
            "/api/v1/staff/session",
            &json!({"kiosk_id": "kiosk-1", "pin": "97531864"}),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let res = app
        .post(
            "/api/v1/staff/session",
            &json!({"kiosk_id": "kiosk-1", "pin": common::STAFF_PIN}),
            None,
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNAUTHORIZED,
        "the old PIN no longer works"
    );
    for bad in ["12345\n", "abcdefgh\n", "\n", "1234567890123\n"] {
        match admin_with(&app, &["staff-pin", "set", "--hall", "demo-hall"], bad).await {
            Err(AdminError::Invalid(msg)) => assert!(msg.contains("6 to 12 digits"), "{msg}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn bad_input_is_refused_with_what_to_write_instead() {
    let app = TestApp::new().await;
    east_hall(&app).await;
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "hall",
                "add",
                "east",
                "--name-zh",
                "x",
                "--name-en",
                "x",
                "--address-zh",
                "x",
                "--address-en",
                "x",
                "--phone",
                "010-87654321",
            ],
            "exists already",
        ),
        (
            &["hall", "add", "west", "--name-zh", "西区"],
            "needs --name-en",
        ),
        (
            &["hall", "edit", "east", "--phone", "12"],
            "not a phone number",
        ),
        (&["hall", "edit", "east"], "nothing to change"),
        (
            &["hall", "edit", "nowhere", "--phone", "010-87654321"],
            "no hall \"nowhere\"",
        ),
        (
            &[
                "hours",
                "set",
                "--hall",
                "east",
                "--weekdays",
                "0-5",
                "--sessions",
                "09:00-12:00",
            ],
            "ISO weekdays",
        ),
        (
            &[
                "hours",
                "set",
                "--hall",
                "east",
                "--weekdays",
                "1",
                "--sessions",
                "09:00-12:00,11:00-13:00",
            ],
            "overlap",
        ),
        (
            &[
                "hours",
                "set",
                "--hall",
                "east",
                "--weekdays",
                "1",
                "--sessions",
                "9am-noon",
            ],
            "HH:MM-HH:MM",
        ),
        (
            &["closure", "add", "--hall", "east", "24/12/2026"],
            "YYYY-MM-DD",
        ),
        (
            &["closure", "remove", "--hall", "east", "2026-12-24"],
            "was not closed",
        ),
        (
            &[
                "service",
                "offer",
                "--hall",
                "east",
                "--service",
                "juggling",
                "--capacity",
                "2",
            ],
            "no service",
        ),
        (
            &[
                "service",
                "offer",
                "--hall",
                "east",
                "--service",
                "consultation",
                "--capacity",
                "0",
            ],
            "1 to 100",
        ),
        (
            &["kiosk", "add", "kiosk-1", "--hall", "demo-hall"],
            "exists already",
        ),
        (&["kiosk", "add", "k9", "--hall", "nowhere"], "no hall"),
        (&["kiosk", "rekey", "nobody"], "no kiosk"),
    ];
    for (args, expected) in cases {
        let msg = refused(&app, args).await;
        assert!(msg.contains(expected), "{args:?}: {msg}");
    }
    // clap refuses malformed ids before anything runs.
    let err = Cli::try_parse_from([
        "kiosk-server",
        "admin",
        "kiosk",
        "add",
        "bad id",
        "--hall",
        "h",
    ])
    .unwrap_err();
    assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
}

#[test]
fn the_binary_says_what_is_wrong_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = match common::backend() {
        kiosk_server::db::Dialect::Sqlite => dir.path().join("k.sqlite3").display().to_string(),
        kiosk_server::db::Dialect::Postgres => common::new_pg_database(),
    };
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kiosk-server"))
            .args(["admin", "--db", &db])
            .args(args)
            .env_remove("KIOSK_DB")
            .output()
            .unwrap()
    };
    let out = run(&["kiosk", "add", "k1", "--hall", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no hall \"nowhere\""), "{stderr}");
    assert!(out.stdout.is_empty());
    let out = run(&["hall", "list"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ID\tNAME"));

    // A database written by a newer kiosk-server is refused by name.
    let newer = kiosk_server::db::schema_version() + 1;
    let bump = format!("{newer}");
    match common::backend() {
        kiosk_server::db::Dialect::Sqlite => {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.pragma_update(None, "user_version", newer).unwrap();
        }
        kiosk_server::db::Dialect::Postgres => {
            let mut c = postgres::Client::connect(&db, postgres::NoTls).unwrap();
            c.execute("UPDATE schema_version SET version = $1", &[&(newer as i64)])
                .unwrap();
        }
    }
    let out = run(&["hall", "list"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("newer than this kiosk-server knows") && stderr.contains(&bump),
        "{stderr}"
    );
    let serve = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk-server"))
        .args([
            "--db",
            &db,
            "--addr",
            "127.0.0.1:0",
            "--dist",
            dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        serve.status.code(),
        Some(1),
        "the server does not start on it either"
    );
    assert!(String::from_utf8_lossy(&serve.stderr).contains("newer than this kiosk-server knows"));

    // An unreachable database is named, without its password.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk-server"))
        .args([
            "admin",
            "--db",
            "postgres://kiosk:s3cret@127.0.0.1:1/kiosk",
            "hall",
            "list",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("127.0.0.1:1") && stderr.contains("refused"),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cret"), "{stderr}");
}
