//! Calls to `/api/v1/console/…`: the session cookie travels by itself, the CSRF
//! token is kept here, in memory only, and sent with every request that is not a
//! GET. One error type for every call.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use gloo_net::http::{Method, RequestBuilder};
use kiosk_core::api::{
    API_PREFIX, AuditPage, ConsoleSession, ConsoleSignIn, Hall, NewUser, PasswordReset, Problem,
    UserAccount, UserUpdate,
};
use kiosk_core::console::CSRF_HEADER;
use serde::{Serialize, de::DeserializeOwned};

/// Why a call gave no answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    /// The request did not reach the server.
    #[error("the server could not be reached")]
    Unreachable,
    /// The server refused: its code, and the codes of each field.
    #[error("the server answered {status}: {code}")]
    Refused {
        status: u16,
        code: String,
        errors: BTreeMap<String, Vec<String>>,
    },
    /// The answer was not what this version understands.
    #[error("the server's answer could not be read")]
    Decode,
}

impl ClientError {
    /// The API's code for the whole request, if the server refused.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Refused { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The codes for one field of the request.
    pub fn field(&self, field: &str) -> Vec<String> {
        match self {
            ClientError::Refused { errors, .. } => errors.get(field).cloned().unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

/// What the app does when the server says the session is gone.
type SignedOutHandler = Box<dyn Fn(String)>;

thread_local! {
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
    static LAST_REQUEST_MS: Cell<f64> = const { Cell::new(0.0) };
    static ON_SIGNED_OUT: RefCell<Option<SignedOutHandler>> = const { RefCell::new(None) };
}

/// When the last request that reached the server was sent (the server's idle
/// clock restarts with each), in `Date.now()` milliseconds.
pub fn last_request_ms() -> f64 {
    LAST_REQUEST_MS.with(Cell::get)
}

/// Called with the code when a request hears that the session is gone (401).
pub fn on_signed_out(f: impl Fn(String) + 'static) {
    ON_SIGNED_OUT.with(|h| *h.borrow_mut() = Some(Box::new(f)));
}

fn set_csrf(token: Option<String>) {
    CSRF.with(|c| *c.borrow_mut() = token);
}

fn url(path: &str) -> String {
    format!("{API_PREFIX}/console{path}")
}

async fn send(
    method: Method,
    path: &str,
    body: Option<String>,
) -> Result<gloo_net::http::Response, ClientError> {
    let mut req = RequestBuilder::new(&url(path)).method(method.clone());
    if method != Method::GET
        && let Some(token) = CSRF.with(|c| c.borrow().clone())
    {
        req = req.header(CSRF_HEADER, &token);
    }
    let sent_at = js_sys::Date::now();
    let response = match body {
        Some(json) => {
            req.header("Content-Type", "application/json")
                .body(json)
                .map_err(|_| ClientError::Unreachable)?
                .send()
                .await
        }
        None => req.send().await,
    }
    .map_err(|_| ClientError::Unreachable)?;
    LAST_REQUEST_MS.with(|t| t.set(sent_at));
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    // A refusal of the whole request has its code under "request"; a
    // validation failure has codes per field.
    let (code, errors) = match response.json::<Problem>().await {
        Ok(mut p) => match p
            .errors
            .remove("request")
            .and_then(|c| c.into_iter().next())
        {
            Some(code) => (code, p.errors),
            None => ("validation_failed".to_owned(), p.errors),
        },
        Err(_) => (String::new(), BTreeMap::new()),
    };
    Err(ClientError::Refused {
        status,
        code,
        errors,
    })
}

/// A call of a signed-in screen: a 401 ends the session in the app too.
pub(crate) async fn call<R: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<String>,
) -> Result<R, ClientError> {
    match send(method, path, body).await {
        Ok(r) => r.json().await.map_err(|_| ClientError::Decode),
        Err(e) => Err(signed_out_if_401(e)),
    }
}

pub(crate) async fn call_empty(
    method: Method,
    path: &str,
    body: Option<String>,
) -> Result<(), ClientError> {
    send(method, path, body)
        .await
        .map(|_| ())
        .map_err(signed_out_if_401)
}

fn signed_out_if_401(e: ClientError) -> ClientError {
    if let ClientError::Refused {
        status: 401, code, ..
    } = &e
    {
        set_csrf(None);
        let code = code.clone();
        ON_SIGNED_OUT.with(|h| {
            if let Some(h) = &*h.borrow() {
                h(code);
            }
        });
    }
    e
}

pub(crate) fn json<T: Serialize>(body: &T) -> Option<String> {
    Some(serde_json::to_string(body).expect("request types serialize"))
}

/// `POST /console/session`.
pub async fn sign_in(user: String, password: String) -> Result<ConsoleSession, ClientError> {
    let response = send(
        Method::POST,
        "/session",
        json(&ConsoleSignIn { user, password }),
    )
    .await?;
    let session: ConsoleSession = response.json().await.map_err(|_| ClientError::Decode)?;
    set_csrf(Some(session.csrf_token.clone()));
    Ok(session)
}

/// `GET /console/session`: the session after a reload, if the cookie holds one.
pub async fn restore() -> Result<Option<ConsoleSession>, ClientError> {
    match send(Method::GET, "/session", None).await {
        Ok(response) => {
            let session: ConsoleSession = response.json().await.map_err(|_| ClientError::Decode)?;
            set_csrf(Some(session.csrf_token.clone()));
            Ok(Some(session))
        }
        Err(ClientError::Refused { status: 401, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `GET /console/session` while signed in: restarts the server's idle clock.
pub async fn keep_alive() -> Result<ConsoleSession, ClientError> {
    call(Method::GET, "/session", None).await
}

/// `DELETE /console/session`.
pub async fn sign_out() -> Result<(), ClientError> {
    let r = call_empty(Method::DELETE, "/session", None).await;
    set_csrf(None);
    r
}

pub async fn users() -> Result<Vec<UserAccount>, ClientError> {
    call(Method::GET, "/users", None).await
}

pub async fn add_user(user: &NewUser) -> Result<UserAccount, ClientError> {
    call(Method::POST, "/users", json(user)).await
}

pub async fn update_user(id: &str, update: &UserUpdate) -> Result<UserAccount, ClientError> {
    call(Method::PUT, &format!("/users/{id}"), json(update)).await
}

pub async fn reset_password(id: &str, password: String) -> Result<(), ClientError> {
    call_empty(
        Method::POST,
        &format!("/users/{id}/password"),
        json(&PasswordReset { password }),
    )
    .await
}

/// The audit log's filters, as the query string says them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub user: String,
    pub action: String,
    pub target: String,
    pub from: String,
    pub to: String,
}

pub async fn audit(filter: &AuditFilter, before: Option<i64>) -> Result<AuditPage, ClientError> {
    let q = web_sys::UrlSearchParams::new().map_err(|_| ClientError::Decode)?;
    for (k, v) in [
        ("user", &filter.user),
        ("action", &filter.action),
        ("target", &filter.target),
        ("from", &filter.from),
        ("to", &filter.to),
    ] {
        if !v.trim().is_empty() {
            q.append(k, v.trim());
        }
    }
    if let Some(b) = before {
        q.append("before", &b.to_string());
    }
    let qs: String = q.to_string().into();
    call(Method::GET, &format!("/audit?{qs}"), None).await
}

/// `GET /api/v1/halls` (public): the halls a hall admin can be given.
pub async fn halls() -> Result<Vec<Hall>, ClientError> {
    let response = gloo_net::http::Request::get(&format!("{API_PREFIX}/halls"))
        .send()
        .await
        .map_err(|_| ClientError::Unreachable)?;
    if !response.ok() {
        return Err(ClientError::Refused {
            status: response.status(),
            code: String::new(),
            errors: BTreeMap::new(),
        });
    }
    response.json().await.map_err(|_| ClientError::Decode)
}

/// The statistics' range and hall, as the query string says them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatsFilter {
    pub from: String,
    pub to: String,
    /// Empty: every hall the user may see.
    pub hall: String,
}

impl StatsFilter {
    fn query(&self) -> String {
        let Ok(q) = web_sys::UrlSearchParams::new() else {
            return String::new();
        };
        for (k, v) in [("from", &self.from), ("to", &self.to), ("hall", &self.hall)] {
            if !v.trim().is_empty() {
                q.append(k, v.trim());
            }
        }
        q.to_string().into()
    }

    /// Where the CSV of this report is downloaded (a plain link: the session
    /// cookie goes with it, and a GET needs no CSRF token).
    pub fn csv_href(&self, lang: kiosk_core::Lang) -> String {
        let q = self.query();
        let sep = if q.is_empty() { "" } else { "&" };
        url(&format!("/stats.csv?{q}{sep}lang={}", lang.tag()))
    }
}

pub async fn stats(filter: &StatsFilter) -> Result<kiosk_core::stats::StatsReport, ClientError> {
    call(Method::GET, &format!("/stats?{}", filter.query()), None).await
}
