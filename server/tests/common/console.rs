//! A signed-in console user for API tests: made with the admin CLI, signed in
//! through the API, sending its cookie and (on writes) its CSRF token.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::{Value, json};

use super::{TestApp, TestResponse};

/// Every test user's password.
pub const PASSWORD: &str = "correct horse battery";

pub struct Console {
    pub token: String,
    pub csrf: String,
}

impl Console {
    /// `method` on `/api/v1{path}` as the console app sends it.
    pub async fn send(
        &self,
        app: &TestApp,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> TestResponse {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("/api/v1{path}"))
            .header(
                header::COOKIE,
                format!("legal_kiosk_console={}", self.token),
            );
        if method != "GET" {
            req = req.header("x-csrf-token", &self.csrf);
        }
        let req = match body {
            Some(b) => req
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        };
        app.send(req.unwrap()).await
    }

    pub async fn get(&self, app: &TestApp, path: &str) -> TestResponse {
        self.send(app, "GET", path, None).await
    }
}

/// Makes `id` with `role` (and `halls`) by the CLI, then signs it in.
pub async fn user(app: &TestApp, id: &str, role: &str, halls: &[&str]) -> Console {
    let mut args = vec!["user", "add", id, "--name", "测试用户", "--role", role];
    for h in halls {
        args.extend(["--hall", h]);
    }
    app.admin_cli(&args, &format!("{PASSWORD}\n"))
        .await
        .unwrap();
    sign_in(app, id).await
}

/// Signs in a user that exists.
pub async fn sign_in(app: &TestApp, id: &str) -> Console {
    let res = app
        .send(
            Request::post("/api/v1/console/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(
                    json!({"user": id, "password": PASSWORD}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let token = res
        .header("set-cookie")
        .and_then(|c| c.strip_prefix("legal_kiosk_console="))
        .and_then(|r| r.split(';').next())
        .expect("the session cookie")
        .to_owned();
    Console {
        token,
        csrf: res.json()["csrf_token"].as_str().unwrap().to_owned(),
    }
}
