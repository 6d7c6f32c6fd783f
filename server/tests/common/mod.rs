//! `TestApp`: the real router on a fresh, migrated database with the demo data, a
//! clock fixed at Monday 2026-11-30 08:00 in the hall, and known credentials.
//!
//! The database is a SQLite file, or with `KIOSK_TEST_DB=postgres` a new database
//! on the PostgreSQL server at `KIOSK_TEST_PG_URL` (`cargo xtask test` starts a
//! throw-away cluster and runs every server test on both).
#![allow(dead_code)] // each test file uses a different part

pub mod console;
pub mod proc;

use axum::{
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
};
use http_body_util::BodyExt;
use kiosk_server::{
    AppState, Clock, Config, app,
    db::{Db, DbUrl},
};
use serde_json::Value;
use tower::ServiceExt;

/// Monday 2026-11-30 08:00 at the hall (+08:00).
pub const MONDAY_8AM: i64 = 1_795_996_800;
pub const OPERATOR_TOKEN: &str = "test-operator-token";
pub const STAFF_PIN: &str = "246810";
pub const HALL: &str = "demo-hall";
pub const KIOSK: &str = "kiosk-1";

pub struct TestApp {
    pub state: AppState,
    pub dir: tempfile::TempDir,
    pub config: Config,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("JSON body, got {:?}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The first machine code for `field` in a problem+json body.
    pub fn code(&self, field: &str) -> String {
        self.json()["errors"][field][0]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

impl TestApp {
    /// Runs `kiosk-server admin --db <this app's database> ARGS…` in this process,
    /// with `stdin` for the commands that read a secret from it.
    pub async fn admin_cli(
        &self,
        args: &[&str],
        stdin: &str,
    ) -> Result<String, kiosk_server::admin::AdminError> {
        use clap::Parser;
        use kiosk_server::config::{Cli, Command};
        let db = self.config.db.to_string_unredacted();
        let argv = ["kiosk-server", "admin", "--db", db.as_str()]
            .into_iter()
            .chain(args.iter().copied());
        let Some(Command::Admin(args)) = Cli::try_parse_from(argv).unwrap().command else {
            panic!("an admin command");
        };
        let mut out = Vec::new();
        kiosk_server::admin::run(args, MONDAY_8AM, &mut stdin.as_bytes(), &mut out).await?;
        Ok(String::from_utf8(out).unwrap())
    }

    pub async fn new() -> Self {
        Self::with(|_| {}).await
    }

    /// A test app whose configuration `adjust` may change first.
    pub async fn with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>kiosk</title><script type=\"module\">boot()</script>",
        )
        .unwrap();
        std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
        let mut config = Config::with_paths(test_db(dir.path()).await, dist);
        config.demo_data = true;
        config.operator_token = Some(OPERATOR_TOKEN.into());
        config.staff_pin = Some(STAFF_PIN.into());
        config.rate_limit_per_minute = 0;
        config.speech.speech_cache = dir.path().join("speech-cache");
        adjust(&mut config);
        let db = Db::open(&config.db).await.unwrap();
        let (state, _) = AppState::init(db, &config, Clock::fixed(MONDAY_8AM))
            .await
            .unwrap();
        Self { state, dir, config }
    }

    pub async fn send(&self, req: Request<Body>) -> TestResponse {
        let res = app(self.state.clone()).oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// A GET with extra headers.
    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut req = Request::get(uri);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    pub async fn get_auth(&self, uri: &str, token: &str) -> TestResponse {
        self.send(
            Request::get(uri)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// POSTs JSON, with an `Idempotency-Key` when `key` is given.
    pub async fn post(&self, uri: &str, body: &Value, key: Option<&str>) -> TestResponse {
        let mut req = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
        if let Some(key) = key {
            req = req.header("idempotency-key", key);
        }
        self.send(req.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn send_json(
        &self,
        method: &str,
        uri: &str,
        body: &Value,
        token: Option<&str>,
    ) -> TestResponse {
        let mut req = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.send(req.body(Body::from(body.to_string())).unwrap())
            .await
    }

    /// Moves the fixed clock.
    pub fn set_time(&self, unix: i64) {
        self.state.clock.set(unix);
    }
}

/// Which database the tests run on.
pub fn backend() -> kiosk_server::db::Dialect {
    match std::env::var("KIOSK_TEST_DB").as_deref() {
        Ok("postgres") => kiosk_server::db::Dialect::Postgres,
        Ok("sqlite") | Err(_) => kiosk_server::db::Dialect::Sqlite,
        Ok(other) => panic!("KIOSK_TEST_DB is {other:?}: use sqlite or postgres"),
    }
}

/// A new, empty database for one test: a file in `dir`, or a new PostgreSQL
/// database.
pub async fn test_db(dir: &std::path::Path) -> DbUrl {
    match backend() {
        kiosk_server::db::Dialect::Sqlite => DbUrl::Sqlite(dir.join("db/kiosk.sqlite3")),
        kiosk_server::db::Dialect::Postgres => {
            DbUrl::Postgres(tokio::task::spawn_blocking(new_pg_database).await.unwrap())
        }
    }
}

/// Creates a database named for this test on the server at `KIOSK_TEST_PG_URL`
/// and returns its URL.
pub fn new_pg_database() -> String {
    let base = std::env::var("KIOSK_TEST_PG_URL").expect(
        "KIOSK_TEST_DB=postgres needs KIOSK_TEST_PG_URL, a PostgreSQL server URL \
         (cargo xtask test starts a throw-away cluster and sets both)",
    );
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut client = postgres::Client::connect(&base, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let (without_db, query) = match base.split_once('?') {
        Some((url, q)) => (url, format!("?{q}")),
        None => (base.as_str(), String::new()),
    };
    let server = without_db
        .rsplit_once('/')
        .filter(|(head, _)| head.contains("//") && !head.ends_with('/'))
        .map_or(without_db, |(head, _)| head);
    format!("{server}/{name}{query}")
}

/// A fresh idempotency key.
pub fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A valid booking for Tuesday 2026-12-01 at `hhmm` for the consultation service.
pub fn booking(phone: &str, hhmm: &str) -> Value {
    serde_json::json!({
        "hall_id": HALL,
        "service_id": "consultation",
        "slot_start": format!("2026-12-01T{hhmm}:00+08:00"),
        "name": "张三",
        "phone": phone,
        "language": "zh-CN",
        "consent_version": "2026-11",
    })
}

/// A valid callback request.
pub fn callback(phone: &str) -> Value {
    serde_json::json!({
        "phone": phone,
        "topic": "labour",
        "preferred": "asap",
        "language": "zh-CN",
        "consent_version": "2026-11",
    })
}
