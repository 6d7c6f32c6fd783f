//! The back office console's first slice: accounts and roles, cookie sessions
//! with CSRF and idle timeout, password lockout, the append-only audit log, and
//! `kiosk-server admin user`. On both databases.

mod common;

use std::net::SocketAddr;

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{Request, StatusCode, header},
};
use clap::Parser;
use common::{HALL, MONDAY_8AM, TestApp, TestResponse};
use kiosk_server::{admin::AdminError, config::Cli};
use serde_json::{Value, json};

/// Where the tests' requests come from, as the audit log should say.
const CLIENT_IP: &str = "192.0.2.10";
const BOSS: &str = "boss";
const BOSS_PASSWORD: &str = "correct horse battery";

/// Runs `kiosk-server admin --db <the app's database> ARGS…` in this process.
async fn cli(app: &TestApp, args: &[&str], stdin: &str) -> Result<String, AdminError> {
    app.admin_cli(args, stdin).await
}

/// The first province admin, made as an installation makes it.
async fn first_admin(app: &TestApp) {
    cli(
        app,
        &[
            "user",
            "add",
            BOSS,
            "--name",
            "省级管理员",
            "--role",
            "province_admin",
        ],
        &format!("{BOSS_PASSWORD}\n"),
    )
    .await
    .unwrap();
}

/// A request from [`CLIENT_IP`].
fn request(
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Request<Body> {
    let mut req = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let body = match body {
        Some(b) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    let mut req = req.body(body).unwrap();
    let peer: SocketAddr = format!("{CLIENT_IP}:50000").parse().unwrap();
    req.extensions_mut().insert(ConnectInfo(peer));
    req
}

async fn sign_in_with(
    app: &TestApp,
    user: &str,
    password: &str,
    headers: &[(&str, &str)],
) -> TestResponse {
    app.send(request(
        "POST",
        "/api/v1/console/session",
        headers,
        Some(&json!({ "user": user, "password": password })),
    ))
    .await
}

async fn sign_in_raw(app: &TestApp, user: &str, password: &str) -> TestResponse {
    sign_in_with(app, user, password, &[]).await
}

/// A signed-in browser: its cookie and the CSRF token the app keeps.
#[derive(Clone, Debug)]
struct Console {
    token: String,
    csrf: String,
}

impl Console {
    fn cookie(&self) -> String {
        format!("theme=dark; legal_kiosk_console={}", self.token)
    }

    /// A request as the console app sends it: the cookie, and the CSRF token on
    /// anything but a GET.
    async fn send(
        &self,
        app: &TestApp,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> TestResponse {
        let cookie = self.cookie();
        let mut headers = vec![("cookie", cookie.as_str())];
        if method != "GET" {
            headers.push(("x-csrf-token", self.csrf.as_str()));
        }
        app.send(request(method, &format!("/api/v1{path}"), &headers, body))
            .await
    }

    async fn get(&self, app: &TestApp, path: &str) -> TestResponse {
        self.send(app, "GET", path, None).await
    }
}

/// The session token in a `Set-Cookie` header.
fn cookie_token(res: &TestResponse) -> String {
    let cookie = res.header("set-cookie").expect("Set-Cookie");
    cookie
        .strip_prefix("legal_kiosk_console=")
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("not the session cookie: {cookie}"))
        .to_owned()
}

async fn sign_in(app: &TestApp, user: &str, password: &str) -> Console {
    let res = sign_in_raw(app, user, password).await;
    assert_eq!(
        res.status,
        StatusCode::OK,
        "sign-in of {user}: {}",
        res.text()
    );
    Console {
        token: cookie_token(&res),
        csrf: res.json()["csrf_token"].as_str().unwrap().to_owned(),
    }
}

/// A user created through the API by `boss`.
async fn add_user(app: &TestApp, boss: &Console, id: &str, role: &str, halls: &[&str]) {
    let res = boss
        .send(
            app,
            "POST",
            "/console/users",
            Some(&json!({
                "id": id,
                "display_name": format!("User {id}"),
                "role": role,
                "halls": halls,
                "password": format!("{id} password 123"),
            })),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
}

fn password_of(id: &str) -> String {
    format!("{id} password 123")
}

/// The audit log's lines, newest first, as a province admin reads them.
async fn audit(app: &TestApp, boss: &Console, query: &str) -> Vec<Value> {
    let res = boss.get(app, &format!("/console/audit?{query}")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()["entries"].as_array().unwrap().clone()
}

async fn count(app: &TestApp, sql: &'static str, param: String) -> i64 {
    app.state
        .db
        .call(move |c| c.query_value::<i64>(sql, &[&param]))
        .await
        .unwrap()
}

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_cookie_and_keeps_only_its_hash() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let res = sign_in_raw(&app, " Boss ", BOSS_PASSWORD).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let cookie = res.header("set-cookie").unwrap().to_owned();
    for part in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(cookie.split("; ").any(|p| p == part), "{part} in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let token = cookie_token(&res);
    assert_eq!(token.len(), 64);
    let body = res.json();
    assert_eq!(body["user"], BOSS);
    assert_eq!(body["display_name"], "省级管理员");
    assert_eq!(body["role"], "province_admin");
    assert_eq!(body["halls"], json!([]));
    assert_eq!(body["idle_timeout_s"], 900);
    assert_eq!(body["expires_at"], "2026-11-30T20:00:00+08:00");
    let csrf = body["csrf_token"].as_str().unwrap().to_owned();
    assert_eq!(csrf.len(), 64);
    assert_ne!(csrf, token);
    assert!(
        !res.text().contains(&token),
        "the token is only in the cookie"
    );

    // Only the token's SHA-256 is stored.
    let hash = kiosk_server::security::sha256_hex(token.as_bytes());
    let sql = "SELECT COUNT(*) FROM console_sessions WHERE token_hash = $1";
    assert_eq!(count(&app, sql, hash).await, 1);
    assert_eq!(count(&app, sql, token.clone()).await, 0);
    let anywhere = "SELECT COUNT(*) FROM console_sessions
                    WHERE token_hash = $1 OR csrf_token = $1 OR user_id = $1";
    assert_eq!(count(&app, anywhere, token.clone()).await, 0);

    // The session restores after a reload with the same body.
    let console = Console { token, csrf };
    let restored = console.get(&app, "/console/session").await;
    assert_eq!(restored.status, StatusCode::OK);
    assert_eq!(restored.json(), body);

    // Behind a TLS proxy, or with --console-secure-cookies, the cookie is Secure.
    let proxied = sign_in_with(&app, BOSS, BOSS_PASSWORD, &[("x-forwarded-proto", "https")]).await;
    assert!(proxied.header("set-cookie").unwrap().ends_with("; Secure"));
    let secure = TestApp::with(|c| c.console_secure_cookies = true).await;
    first_admin(&secure).await;
    let res = sign_in_raw(&secure, BOSS, BOSS_PASSWORD).await;
    assert!(res.header("set-cookie").unwrap().ends_with("; Secure"));
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_for_15_minutes_then_for_twice_as_long() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    for attempt in 1..=4 {
        let res = sign_in_raw(&app, BOSS, "not the password").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        assert_eq!(res.code("request"), "invalid_credentials");
    }
    let fifth = sign_in_raw(&app, BOSS, "not the password").await;
    assert_eq!(fifth.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(fifth.code("request"), "account_locked");
    assert_eq!(fifth.header("retry-after"), Some("900"));
    // Locked: the right password is refused too, without being checked.
    let right = sign_in_raw(&app, BOSS, BOSS_PASSWORD).await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(right.code("request"), "account_locked");
    app.set_time(MONDAY_8AM + 14 * 60);
    let still = sign_in_raw(&app, BOSS, BOSS_PASSWORD).await;
    assert_eq!(still.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(still.header("retry-after"), Some("60"));

    // After the 15 minutes: five more wrong ones lock it for 30.
    app.set_time(MONDAY_8AM + 15 * 60);
    for _ in 1..=4 {
        assert_eq!(
            sign_in_raw(&app, BOSS, "wrong again").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let again = sign_in_raw(&app, BOSS, "wrong again").await;
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(again.header("retry-after"), Some("1800"));
    app.set_time(MONDAY_8AM + 45 * 60);
    sign_in(&app, BOSS, BOSS_PASSWORD).await;
    // A right password clears the count: four wrong ones do not lock.
    for _ in 1..=4 {
        assert_eq!(
            sign_in_raw(&app, BOSS, "wrong").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    sign_in(&app, BOSS, BOSS_PASSWORD).await;
}

#[tokio::test]
async fn unknown_names_and_disabled_users_are_answered_like_wrong_passwords() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let wrong = sign_in_raw(&app, BOSS, "not the password").await;
    for user in ["nobody", "名字", "a\u{0}b", ""] {
        let res = sign_in_raw(&app, user, BOSS_PASSWORD).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{user:?}");
        assert_eq!(res.json(), wrong.json(), "{user:?}: the same answer");
    }
    // Names that belong to nobody lock like real ones: a lockout tells nothing.
    for _ in 1..=4 {
        sign_in_raw(&app, "nobody", "guess guess guess").await;
    }
    let locked = sign_in_raw(&app, "nobody", "guess guess guess").await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(locked.code("request"), "account_locked");
    // The name typed is never stored, not even for the lockout.
    let stored = count(
        &app,
        "SELECT COUNT(*) FROM console_lockouts WHERE login_key = $1",
        "nobody".into(),
    )
    .await;
    assert_eq!(stored, 0);

    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    add_user(&app, &boss, "op1", "operator", &[]).await;
    let op = sign_in(&app, "op1", &password_of("op1")).await;
    let res = boss
        .send(
            &app,
            "PUT",
            "/console/users/op1",
            Some(&json!({"display_name": "User op1", "role": "operator", "halls": [], "disabled": true, "version": 1})),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["disabled"], true);
    let refused = sign_in_raw(&app, "op1", &password_of("op1")).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json(), wrong.json());
    // Disabling ends the sessions the user had.
    let gone = op.get(&app, "/console/session").await;
    assert_eq!(gone.status, StatusCode::UNAUTHORIZED);
    assert_eq!(gone.code("request"), "session_required");
}

#[tokio::test]
async fn writes_need_the_sessions_csrf_token_and_no_foreign_origin() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    let body = json!({"password": "a new password here"});
    let uri = format!("/api/v1/console/users/{BOSS}/password");
    let cookie = boss.cookie();
    let wrong_csrf = "0".repeat(64);
    for (what, headers) in [
        ("no token", vec![("cookie", cookie.as_str())]),
        (
            "a wrong token",
            vec![
                ("cookie", cookie.as_str()),
                ("x-csrf-token", wrong_csrf.as_str()),
            ],
        ),
        (
            "another session's token",
            vec![
                ("cookie", cookie.as_str()),
                ("x-csrf-token", boss.token.as_str()),
            ],
        ),
        (
            "a foreign origin",
            vec![
                ("cookie", cookie.as_str()),
                ("x-csrf-token", boss.csrf.as_str()),
                ("host", "hall.example"),
                ("origin", "https://evil.example"),
            ],
        ),
        (
            "an opaque origin",
            vec![
                ("cookie", cookie.as_str()),
                ("x-csrf-token", boss.csrf.as_str()),
                ("host", "hall.example"),
                ("origin", "null"),
            ],
        ),
    ] {
        let res = app.send(request("POST", &uri, &headers, Some(&body))).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{what}");
        assert_eq!(res.code("request"), "csrf_failed", "{what}");
    }
    // Sign-in has no token yet: a foreign origin is what refuses it.
    let res = sign_in_with(
        &app,
        BOSS,
        BOSS_PASSWORD,
        &[("host", "hall.example"), ("origin", "https://evil.example")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.code("request"), "csrf_failed");

    // The right token, from the console's own origin: done.
    let res = app
        .send(request(
            "POST",
            &uri,
            &[
                ("cookie", cookie.as_str()),
                ("x-csrf-token", boss.csrf.as_str()),
                ("host", "hall.example"),
                ("origin", "https://hall.example"),
            ],
            Some(&body),
        ))
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    sign_in(&app, BOSS, "a new password here").await;
    // GETs need no token.
    assert_eq!(
        boss.get(&app, "/console/users").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_session_ends_after_15_idle_minutes_and_after_12_hours_in_any_case() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    // Each request restarts the idle timeout.
    app.set_time(MONDAY_8AM + 14 * 60);
    assert_eq!(
        boss.get(&app, "/console/session").await.status,
        StatusCode::OK
    );
    app.set_time(MONDAY_8AM + 28 * 60);
    assert_eq!(
        boss.get(&app, "/console/users").await.status,
        StatusCode::OK
    );
    app.set_time(MONDAY_8AM + 44 * 60);
    let res = boss.get(&app, "/console/session").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.code("request"), "session_expired");
    // A write is refused the same way.
    let res = boss.send(&app, "DELETE", "/console/session", None).await;
    assert_eq!(res.code("request"), "session_expired");

    // Busy all day: the session still ends 12 hours after sign-in.
    let start = MONDAY_8AM + 60 * 60;
    app.set_time(start);
    let busy = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    let mut t = start;
    while t + 10 * 60 < start + 12 * 3600 {
        t += 10 * 60;
        app.set_time(t);
        let res = busy.get(&app, "/console/session").await;
        assert_eq!(res.status, StatusCode::OK, "{} min in", (t - start) / 60);
    }
    app.set_time(start + 12 * 3600);
    let res = busy.get(&app, "/console/session").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.code("request"), "session_expired");

    // No cookie, or a token nobody was given: sign in first.
    let res = app.get("/api/v1/console/session").await;
    assert_eq!(res.code("request"), "session_required");
    let stranger = Console {
        token: "ab".repeat(32),
        csrf: "ab".repeat(32),
    };
    assert_eq!(
        stranger.get(&app, "/console/users").await.code("request"),
        "session_required"
    );
}

#[tokio::test]
async fn after_sign_out_the_cookie_no_longer_works() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    let other = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    let res = boss.send(&app, "DELETE", "/console/session", None).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
    let cleared = res.header("set-cookie").unwrap();
    assert!(cleared.starts_with("legal_kiosk_console=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let res = boss.get(&app, "/console/session").await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.code("request"), "session_required");
    // Only that browser is signed out.
    assert_eq!(
        other.get(&app, "/console/session").await.status,
        StatusCode::OK
    );
}

/// Every console endpoint of this slice, with a body that would be accepted.
fn endpoints() -> Vec<(&'static str, &'static str, Option<Value>)> {
    vec![
        ("GET", "/console/users", None),
        (
            "POST",
            "/console/users",
            Some(
                json!({"id": "new.user", "display_name": "New", "role": "operator", "password": "twelve chars!"}),
            ),
        ),
        (
            "PUT",
            "/console/users/op1",
            Some(
                json!({"display_name": "User op1", "role": "operator", "halls": [], "disabled": false, "version": 1}),
            ),
        ),
        (
            "POST",
            "/console/users/op1/password",
            Some(json!({"password": "another password"})),
        ),
        ("GET", "/console/audit", None),
    ]
}

#[tokio::test]
async fn roles_are_enforced_on_every_console_endpoint() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    add_user(&app, &boss, "op1", "operator", &[]).await;
    add_user(&app, &boss, "hall1", "hall_admin", &[HALL]).await;
    let operator = sign_in(&app, "op1", &password_of("op1")).await;
    let hall_admin = sign_in(&app, "hall1", &password_of("hall1")).await;
    assert_eq!(
        hall_admin.get(&app, "/console/session").await.json()["halls"],
        json!([HALL])
    );
    // (who, method, path) → status. Later slices add their endpoints here.
    for (who, console) in [("operator", &operator), ("hall admin", &hall_admin)] {
        for (method, path, body) in endpoints() {
            let res = console.send(&app, method, path, body.as_ref()).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{who} {method} {path}");
            assert_eq!(
                res.code("request"),
                "forbidden_role",
                "{who} {method} {path}"
            );
        }
        // Refused for the role before the body is even read.
        for path in ["/console/users", "/console/users/op1/password"] {
            let res = console.send(&app, "POST", path, Some(&json!({}))).await;
            assert_eq!(
                res.code("request"),
                "forbidden_role",
                "{who} POST {path} {{}}"
            );
        }
        // Everyone may see and end their own session.
        assert_eq!(
            console.get(&app, "/console/session").await.status,
            StatusCode::OK
        );
    }
    for (method, path, body) in endpoints() {
        let res = boss.send(&app, method, path, body.as_ref()).await;
        assert!(
            res.status.is_success(),
            "province admin {method} {path}: {}",
            res.text()
        );
    }
    // Nothing was changed by the refused requests: op1 is still at version 1+1.
    let users = boss.get(&app, "/console/users").await.json();
    let op1 = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == "op1")
        .unwrap();
    assert_eq!(op1["version"], 2);
}

#[tokio::test]
async fn users_are_validated_field_by_field_and_never_show_a_password() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    let create = |body: Value| {
        let boss = boss.clone();
        let app = &app;
        async move { boss.send(app, "POST", "/console/users", Some(&body)).await }
    };
    let res = create(json!({
        "id": "Bad Id", "display_name": " ", "role": "hall_admin",
        "halls": [HALL, "atlantis"], "password": "short",
    }))
    .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.text()
    );
    let errors = &res.json()["errors"];
    assert_eq!(errors["id"], json!(["invalid_user_id"]));
    assert_eq!(errors["password"], json!(["password_too_short"]));
    assert_eq!(errors["display_name"], json!(["invalid_display_name"]));
    assert_eq!(errors["halls"], json!(["unknown_hall"]));
    let res = create(
        json!({"id": "x1", "display_name": "X", "role": "admin", "password": "long enough pass"}),
    )
    .await;
    assert_eq!(res.code("role"), "invalid_role");
    let res = create(json!({"id": "x1", "display_name": "X", "role": "hall_admin", "password": "long enough pass"})).await;
    assert_eq!(res.code("halls"), "halls_required");
    let res = create(json!({"id": "x1", "display_name": "X", "role": "operator", "halls": [HALL], "password": "long enough pass"})).await;
    assert_eq!(res.code("halls"), "halls_not_allowed");
    let res = create(json!({"id": "x1", "display_name": "X", "role": "operator", "password": "long enough pass", "admin": true})).await;
    assert_eq!(res.code("admin"), "invalid_body");
    let res = create(json!({"id": BOSS, "display_name": "X", "role": "operator", "password": "long enough pass"})).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.code("request"), "user_exists");

    add_user(&app, &boss, "op1", "operator", &[]).await;
    let list = boss.get(&app, "/console/users").await;
    let text = list.text();
    for secret in ["argon2", "password", BOSS_PASSWORD] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert_eq!(list.json().as_array().unwrap().len(), 2);

    // A reset password ends the user's sessions; the old password no longer works.
    let op = sign_in(&app, "op1", &password_of("op1")).await;
    let res = boss
        .send(
            &app,
            "POST",
            "/console/users/op1/password",
            Some(&json!({"password": "short"})),
        )
        .await;
    assert_eq!(res.code("password"), "password_too_short");
    let res = boss
        .send(
            &app,
            "POST",
            "/console/users/ghost/password",
            Some(&json!({"password": "long enough pass"})),
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.code("request"), "unknown_user");
    let res = boss
        .send(
            &app,
            "POST",
            "/console/users/op1/password",
            Some(&json!({"password": "the new one, long"})),
        )
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(
        op.get(&app, "/console/session").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in_raw(&app, "op1", &password_of("op1")).await.status,
        StatusCode::UNAUTHORIZED
    );
    sign_in(&app, "op1", "the new one, long").await;

    // The last province admin cannot be demoted or disabled.
    let res = boss
        .send(
            &app,
            "PUT",
            "/console/users/boss",
            Some(&json!({"display_name": "省级管理员", "role": "operator", "halls": [], "disabled": false, "version": 1})),
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.code("request"), "last_province_admin");
    let res = boss
        .send(
            &app,
            "PUT",
            "/console/users/ghost",
            Some(&json!({"display_name": "G", "role": "operator", "halls": [], "disabled": false, "version": 1})),
        )
        .await;
    assert_eq!(res.code("request"), "unknown_user");
}

#[tokio::test]
async fn two_edits_from_the_same_version_never_overwrite_each_other() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    let other_boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    add_user(&app, &boss, "hall1", "hall_admin", &[HALL]).await;
    let edit = |name: &str| json!({"display_name": name, "role": "hall_admin", "halls": [HALL], "disabled": false, "version": 1});
    let (a, b) = (edit("Edited by A"), edit("Edited by B"));
    let (first, second) = tokio::join!(
        boss.send(&app, "PUT", "/console/users/hall1", Some(&a)),
        other_boss.send(&app, "PUT", "/console/users/hall1", Some(&b)),
    );
    let mut statuses = [first.status, second.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let (won, lost) = if first.status == StatusCode::OK {
        (first, second)
    } else {
        (second, first)
    };
    assert_eq!(lost.code("request"), "changed_by_someone_else");
    assert_eq!(won.json()["version"], 2);
    let users = boss.get(&app, "/console/users").await.json();
    let hall1 = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == "hall1")
        .unwrap();
    assert_eq!(hall1["display_name"], won.json()["display_name"]);
    // Read again, then edit: accepted.
    let mut again = edit("Edited again");
    again["version"] = json!(2);
    let res = boss
        .send(&app, "PUT", "/console/users/hall1", Some(&again))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["version"], 3);
}

#[tokio::test]
async fn the_audit_log_records_every_sign_in_and_write_with_who_what_and_where() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    sign_in_raw(&app, BOSS, "wrong password").await;
    sign_in_raw(&app, "nobody", "wrong password").await;
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    add_user(&app, &boss, "op1", "operator", &[]).await;
    let res = boss
        .send(
            &app,
            "PUT",
            "/console/users/op1",
            Some(&json!({"display_name": "李娜", "role": "hall_admin", "halls": [HALL], "disabled": false, "version": 1})),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    boss.send(
        &app,
        "POST",
        "/console/users/op1/password",
        Some(&json!({"password": "op1 new password"})),
    )
    .await;
    for _ in 0..5 {
        sign_in_raw(&app, "op1", "wrong password").await;
    }
    sign_in_raw(&app, "op1", "op1 new password").await;
    // Reads keep the admin's session alive and are not audited.
    app.set_time(MONDAY_8AM + 10 * 60);
    boss.get(&app, "/console/users").await;
    app.set_time(MONDAY_8AM + 15 * 60);
    let op = sign_in(&app, "op1", "op1 new password").await;
    op.send(&app, "DELETE", "/console/session", None).await;

    let entries = audit(&app, &boss, "").await;
    let lines: Vec<(String, String, String)> = entries
        .iter()
        .rev()
        .map(|e| {
            (
                e["user"].as_str().unwrap_or("-").to_owned(),
                e["action"].as_str().unwrap().to_owned(),
                format!(
                    "{}:{}",
                    e["target_kind"].as_str().unwrap_or(""),
                    e["target_id"].as_str().unwrap_or("")
                ),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("-", "user_create", "user:boss"),
        ("boss", "sign_in_failed", "user:boss"),
        ("-", "sign_in_failed", ":"),
        ("boss", "sign_in", "user:boss"),
        ("boss", "user_create", "user:op1"),
        ("boss", "user_update", "user:op1"),
        ("boss", "user_password_reset", "user:op1"),
        ("op1", "sign_in_failed", "user:op1"),
        ("op1", "sign_in_failed", "user:op1"),
        ("op1", "sign_in_failed", "user:op1"),
        ("op1", "sign_in_failed", "user:op1"),
        ("op1", "sign_in_failed", "user:op1"),
        ("op1", "sign_in_locked", "user:op1"),
        ("op1", "sign_in", "user:op1"),
        ("op1", "sign_out", "user:op1"),
    ]
    .iter()
    .map(|(u, a, t)| ((*u).to_owned(), (*a).to_owned(), (*t).to_owned()))
    .collect();
    assert_eq!(lines, expected);

    // Who, from where, when; the user's name; nothing personal in the detail.
    let newest = &entries[0];
    assert_eq!(newest["client_addr"], CLIENT_IP);
    assert_eq!(newest["user_name"], "李娜");
    assert_eq!(newest["at"], "2026-11-30T08:15:00+08:00");
    assert!(
        entries
            .iter()
            .skip(1)
            .all(|e| e["client_addr"] == CLIENT_IP || e["user"].is_null())
    );
    let cli_line = entries.last().unwrap();
    assert_eq!(cli_line["detail"]["via"], "cli");
    assert!(cli_line.get("client_addr").is_none());
    let update = entries
        .iter()
        .find(|e| e["action"] == "user_update")
        .unwrap();
    assert_eq!(
        update["detail"],
        json!({"changed": ["display_name", "role", "halls"], "role": "hall_admin", "halls": [HALL], "disabled": false})
    );
    let all = serde_json::to_string(&entries).unwrap();
    for secret in [
        "wrong password",
        "op1 new password",
        BOSS_PASSWORD,
        "nobody",
    ] {
        assert!(!all.contains(secret), "{secret} in the audit log");
    }
    let locked = entries.iter().find(|e| e["detail"]["locked_for_s"] == 900);
    assert!(locked.is_some(), "the failure that locked says so");

    // Filters and pages.
    let by_op1 = audit(&app, &boss, "user=op1&action=sign_in_failed").await;
    assert_eq!(by_op1.len(), 5);
    let on_op1 = audit(&app, &boss, "target=user:op1&limit=200").await;
    assert_eq!(on_op1.len(), 11);
    assert!(audit(&app, &boss, "from=2026-12-01").await.is_empty());
    assert_eq!(
        audit(&app, &boss, "from=2026-11-30&to=2026-11-30")
            .await
            .len(),
        15
    );
    let page = boss.get(&app, "/console/audit?limit=10").await.json();
    assert_eq!(page["entries"].as_array().unwrap().len(), 10);
    let before = page["next_before"].as_i64().unwrap();
    let rest = boss
        .get(&app, &format!("/console/audit?limit=10&before={before}"))
        .await
        .json();
    assert_eq!(rest["entries"].as_array().unwrap().len(), 5);
    assert!(rest.get("next_before").is_none());
    for (query, field, code) in [
        ("limit=0", "limit", "invalid_limit"),
        ("from=30.11.2026", "from", "invalid_date"),
        ("limit=x", "request", "invalid_query"),
        ("sort=asc", "request", "invalid_query"),
        ("user=a%00b", "request", "invalid_query"),
    ] {
        let res = boss.get(&app, &format!("/console/audit?{query}")).await;
        assert_eq!(res.code(field), code, "{query}");
    }
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_audit_lines() {
    let app = TestApp::new().await;
    first_admin(&app).await;
    for sql in [
        "UPDATE audit_log SET action = 'nothing'",
        "DELETE FROM audit_log",
    ] {
        let result = app.state.db.call(move |c| c.execute(sql, &[])).await;
        let err = result.expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    let left = app
        .state
        .db
        .call(|c| c.query_value::<i64>("SELECT COUNT(*) FROM audit_log", &[]))
        .await
        .unwrap();
    assert_eq!(left, 1);
}

#[tokio::test]
async fn the_cli_adds_the_first_province_admin_without_showing_a_password() {
    let app = TestApp::new().await;
    let refused = cli(
        &app,
        &[
            "user",
            "add",
            BOSS,
            "--name",
            "Boss",
            "--role",
            "province_admin",
        ],
        "too short\n",
    )
    .await;
    let Err(AdminError::Invalid(msg)) = refused else {
        panic!("a short password is refused: {refused:?}");
    };
    assert!(msg.contains("at least 12 characters"), "{msg}");
    assert!(
        !msg.contains("too short"),
        "the password is not echoed: {msg}"
    );
    let Err(AdminError::Invalid(msg)) = cli(
        &app,
        &[
            "user",
            "add",
            "hall1",
            "--name",
            "H",
            "--role",
            "hall_admin",
        ],
        "long enough password\n",
    )
    .await
    else {
        panic!("a hall admin needs a hall");
    };
    assert!(msg.contains("--hall"), "{msg}");
    assert!(
        Cli::try_parse_from([
            "kiosk-server",
            "admin",
            "user",
            "add",
            "Boss",
            "--name",
            "B",
            "--role",
            "province_admin"
        ])
        .is_err()
    );
    assert!(
        Cli::try_parse_from([
            "kiosk-server",
            "admin",
            "user",
            "add",
            "boss",
            "--name",
            "B",
            "--role",
            "root"
        ])
        .is_err()
    );

    let out = cli(
        &app,
        &[
            "user",
            "add",
            BOSS,
            "--name",
            "省级管理员",
            "--role",
            "province_admin",
        ],
        &format!("{BOSS_PASSWORD}\r\n"),
    )
    .await
    .unwrap();
    assert!(out.contains("boss added as province_admin"), "{out}");
    let again = cli(
        &app,
        &["user", "add", BOSS, "--name", "X", "--role", "operator"],
        &format!("{BOSS_PASSWORD}\n"),
    )
    .await;
    assert!(matches!(again, Err(AdminError::Invalid(m)) if m.contains("exists already")));
    cli(
        &app,
        &[
            "user",
            "add",
            "hall1",
            "--name",
            "Hall One",
            "--role",
            "hall_admin",
            "--hall",
            HALL,
        ],
        "hall one password\n",
    )
    .await
    .unwrap();
    let boss = sign_in(&app, BOSS, BOSS_PASSWORD).await;
    assert_eq!(
        boss.get(&app, "/console/session").await.json()["role"],
        "province_admin"
    );

    let list = cli(&app, &["user", "list"], "").await.unwrap();
    assert!(
        list.contains("boss\t省级管理员\tprovince_admin\t-\tactive"),
        "{list}"
    );
    assert!(
        list.contains(&format!("hall1\tHall One\thall_admin\t{HALL}\tactive")),
        "{list}"
    );
    for _ in 0..5 {
        sign_in_raw(&app, "hall1", "wrong password!").await;
    }
    let list = cli(&app, &["user", "list"], "").await.unwrap();
    assert!(
        list.contains("locked until 2026-11-30T08:15:00+08:00"),
        "{list}"
    );
    let out = cli(&app, &["user", "unlock", "hall1"], "").await.unwrap();
    assert!(out.contains("may sign in again"), "{out}");
    let hall1 = sign_in(&app, "hall1", "hall one password").await;
    cli(&app, &["user", "disable", "hall1"], "").await.unwrap();
    assert_eq!(
        hall1.get(&app, "/console/session").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert!(
        cli(&app, &["user", "list"], "")
            .await
            .unwrap()
            .contains("hall1\tHall One\thall_admin\tdemo-hall\tdisabled")
    );
    let last = cli(&app, &["user", "disable", BOSS], "").await;
    assert!(
        matches!(last, Err(AdminError::Invalid(m)) if m.contains("last active province admin"))
    );

    // No password or hash anywhere: not in the outputs, not in the audit log.
    let entries = audit(&app, &boss, "").await;
    let all = format!("{out}{list}{}", serde_json::to_string(&entries).unwrap());
    for secret in [BOSS_PASSWORD, "hall one password", "argon2"] {
        assert!(!all.contains(secret), "{secret}");
    }
    let created = entries
        .iter()
        .find(|e| e["action"] == "user_create" && e["target_id"] == BOSS)
        .unwrap();
    assert!(created["user"].is_null());
    assert_eq!(
        created["detail"],
        json!({"role": "province_admin", "halls": [], "via": "cli"})
    );
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "user_unlock" && e["detail"]["via"] == "cli")
    );
}
