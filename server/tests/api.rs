//! Foundation: health, the database file, halls, unknown routes, the kiosk files.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use kiosk_server::db::{Db, Dialect};

#[tokio::test]
async fn health_reports_ok_with_version_and_database() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/health").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let body = res.json();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["db"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn the_database_is_created_migrated_and_durable() {
    let app = TestApp::new().await;
    match app.state.db.dialect() {
        Dialect::Sqlite => {
            let path = app.dir.path().join("db/kiosk.sqlite3");
            assert!(path.is_file(), "database file created with its folder");
            let (mode, sync, version) = app
                .state
                .db
                .call(|c| {
                    let mode: String = c.query_value("PRAGMA journal_mode", &[])?;
                    let sync: i64 = c.query_value("PRAGMA synchronous", &[])?;
                    let version: usize = c.query_value("PRAGMA user_version", &[])?;
                    Ok((mode, sync, version))
                })
                .await
                .unwrap();
            assert_eq!(mode, "wal");
            assert_eq!(sync, 2, "synchronous=FULL");
            assert_eq!(version, kiosk_server::db::schema_version());
        }
        Dialect::Postgres => {
            let (sync, version) = app
                .state
                .db
                .call(|c| {
                    let sync: String = c.query_value("SHOW synchronous_commit", &[])?;
                    let version: usize =
                        c.query_value("SELECT version FROM schema_version", &[])?;
                    Ok((sync, version))
                })
                .await
                .unwrap();
            assert_eq!(sync, "on", "a commit waits for the WAL to be flushed");
            assert_eq!(version, kiosk_server::db::schema_version());
        }
    }
}

#[tokio::test]
async fn reopening_an_existing_database_keeps_its_data() {
    let app = TestApp::new().await;
    app.state.db.seed_demo_data(&[]).await.unwrap();
    app.state.db.seed_demo_data(&[]).await.unwrap();
    let reopened = Db::open(&app.config.db).await.unwrap();
    let halls = reopened.call(kiosk_server::db::halls::list).await.unwrap();
    assert_eq!(halls.len(), 1, "seeding twice inserts the demo hall once");
}

#[tokio::test]
async fn halls_lists_the_demo_hall_with_names_in_both_languages() {
    let app = TestApp::new().await;
    let body = app.get("/api/v1/halls").await.json();
    assert_eq!(body[0]["id"], "demo-hall");
    assert_eq!(body[0]["names"]["zh-CN"], "示范区公共法律服务中心");
    assert!(
        body[0]["names"]["en"]
            .as_str()
            .unwrap()
            .contains("Public Legal")
    );
    assert!(body[0]["opening_hours"]["zh-CN"].is_string());
}

#[tokio::test]
async fn unknown_api_routes_answer_problem_json_not_the_kiosk_page() {
    let app = TestApp::new().await;
    let res = app.get("/api/v1/no-such-thing").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        res.header("content-type").unwrap(),
        "application/problem+json"
    );
    let body = res.json();
    assert_eq!(body["status"], 404);
    assert_eq!(body["title"], "Not Found");
}

#[tokio::test]
async fn client_routes_fall_back_to_the_kiosk_index_page() {
    let app = TestApp::new().await;
    for path in ["/", "/booking", "/callback/anything"] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        assert!(
            res.header("content-type").unwrap().starts_with("text/html"),
            "{path}"
        );
        assert!(res.text().contains("<title>kiosk</title>"), "{path}");
    }
    let res = app.get("/app.js").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.text(), "console.log(1)");
}

#[tokio::test]
async fn demo_credentials_are_announced_once_on_first_start_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut config =
        kiosk_server::Config::with_paths(common::test_db(dir.path()).await, dir.path());
    config.demo_data = true;
    let start = || async {
        let db = Db::open(&config.db).await.unwrap();
        kiosk_server::AppState::init(db, &config, kiosk_server::Clock::system())
            .await
            .unwrap()
            .1
    };
    let first = start().await;
    assert_eq!(first.len(), 2, "{first:?}");
    // The printed token works, and the database keeps only its hash.
    let token = first
        .iter()
        .find_map(|n| n.strip_prefix("demo 12348 operator token (shown only now): "))
        .unwrap()
        .to_owned();
    let db = Db::open(&config.db).await.unwrap();
    let (state, _) =
        kiosk_server::AppState::init(db.clone(), &config, kiosk_server::Clock::system())
            .await
            .unwrap();
    assert!(state.is_operator_token(&token));
    assert!(!state.is_operator_token("guess"));
    let t = token.clone();
    let stored: usize = db
        .call(move |c| {
            let values: Vec<Vec<u8>> = c
                .query("SELECT value FROM server_secrets", &[])?
                .iter()
                .map(|r| r.get(0))
                .collect::<Result<_, _>>()?;
            Ok(values
                .iter()
                .filter(|v| String::from_utf8_lossy(v).contains(&t))
                .count())
        })
        .await
        .unwrap();
    assert_eq!(stored, 0, "the token itself is not stored");
    assert!(first.iter().any(|n| n.contains("staff PIN")));
    assert!(first.iter().any(|n| n.contains("operator token")));
    assert!(start().await.is_empty(), "never printed again");
}

#[tokio::test]
async fn idempotency_keys_are_kept_at_least_a_day_then_purged() {
    let app = TestApp::new().await;
    let now = common::MONDAY_8AM;
    app.post(
        "/api/v1/callbacks",
        &common::callback("13812345678"),
        Some(&common::key()),
    )
    .await;
    let purge = |at: i64| {
        app.state
            .db
            .call(move |c| kiosk_server::db::idempotency::purge(c, at))
    };
    assert_eq!(purge(now + 24 * 3600).await.unwrap(), 0);
    assert_eq!(purge(now + 49 * 3600).await.unwrap(), 1);
}
