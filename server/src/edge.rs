//! `kiosk-server edge`: the server on each kiosk PC of a hall whose data lives on
//! a central server. It serves the built kiosk and its `/kiosk.json` with this
//! kiosk's identity, and forwards `/api/v1` to the central with the kiosk's
//! secret, so the page still talks only to its own origin.
//!
//! While the central cannot be reached:
//! - reads the kiosk needs (services, halls, standards, its status) are answered
//!   from the last good answers, marked `X-Kiosk-Stale`;
//! - callback requests, ratings and heartbeats go into a durable outbox and are sent in
//!   order, exactly once (the same `Idempotency-Key`), with backoff, once it
//!   answers again. The visitor is told honestly that the request is saved on
//!   this kiosk and will be sent, with its reference;
//! - booking is refused (capacity lives at the central), as offline mode does.

pub mod outbox;
mod staff;

use std::{
    net::SocketAddr,
    path::PathBuf,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use axum::{
    Router,
    body::Bytes,
    extract::{ConnectInfo, DefaultBodyLimit, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{any, get, post},
};
use clap::Args;
use kiosk_core::{
    api::{
        CallbackReceipt, CallbackRequest, CallbackStatus, CentralLink, RatingReceipt,
        RatingRequest, RatingStatus,
    },
    mask::mask_phone,
};
use serde_json::Value;

use crate::{error::ApiError, security};
use outbox::{Known, Outbox};

#[derive(Clone, Debug, Args)]
pub struct EdgeArgs {
    /// Address and port to listen on (the kiosk's browser opens it).
    #[arg(long, env = "KIOSK_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Folder of the built kiosk (Trunk's output).
    #[arg(long, env = "KIOSK_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// The central server, e.g. `https://kiosk.sft.example.gov.cn/`.
    #[arg(long, env = "KIOSK_UPSTREAM")]
    pub upstream: String,
    /// This kiosk's id, as `kiosk-server admin kiosk add` registered it.
    #[arg(long, env = "KIOSK_ID", value_parser = crate::config::kiosk_id)]
    pub kiosk_id: String,
    /// File holding this kiosk's secret (printed once by `admin kiosk add`);
    /// keep it readable only by the user the edge runs as.
    #[arg(long, env = "KIOSK_KEY_FILE")]
    pub kiosk_key_file: PathBuf,
    /// The outbox and the last good answers (a SQLite file on this PC).
    #[arg(long, env = "KIOSK_OUTBOX", default_value = "data/edge-outbox.sqlite3")]
    pub outbox: PathBuf,
    /// Requests the outbox holds at most; when it is full, new callback
    /// requests are refused (the kiosk says they were not saved).
    #[arg(long, env = "KIOSK_OUTBOX_MAX", default_value_t = 5000)]
    pub outbox_max: u64,
    /// Seconds a request to the central may take before the edge counts it as
    /// unreachable.
    #[arg(long, env = "KIOSK_UPSTREAM_TIMEOUT", default_value_t = 5)]
    pub upstream_timeout_s: u64,
    /// Speech is rendered here on the kiosk PC, never by the central.
    #[command(flatten)]
    pub speech: crate::speech::SpeechArgs,
}

/// Why the edge could not start.
#[derive(Debug, thiserror::Error)]
pub enum EdgeError {
    #[error("the key file {path}: {why}")]
    KeyFile { path: String, why: String },
    #[error("the upstream {0:?} is not an http:// or https:// URL")]
    Upstream(String),
    #[error("the outbox {path}: {why}")]
    Outbox { path: String, why: String },
    #[error("HTTP client: {0}")]
    Client(#[from] reqwest::Error),
}

struct Inner {
    client: reqwest::Client,
    /// `https://central/api/v1`, no trailing slash.
    api: String,
    upstream: String,
    kiosk_id: String,
    key: String,
    outbox: Outbox,
    reachable: AtomicBool,
    /// Wakes the deliverer when something is queued.
    wake: tokio::sync::Notify,
    /// Held by whoever is sending the head of the queue, so it goes once, in order.
    sending: tokio::sync::Mutex<()>,
    kiosk_json: Value,
    speech: Arc<crate::speech::Speech>,
}

#[derive(Clone)]
pub struct Edge(Arc<Inner>);

fn read_key(path: &std::path::Path) -> Result<String, EdgeError> {
    let err = |why: String| EdgeError::KeyFile {
        path: path.display().to_string(),
        why,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
    let key = text.trim().to_owned();
    if key.is_empty() || key.len() > 256 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(err(
            "it must hold the kiosk's secret as `admin kiosk add` printed it, on one line".into(),
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(
                file = %path.display(),
                "the kiosk key file can be read by other users: chmod 600 it"
            );
        }
    }
    Ok(key)
}

impl Edge {
    pub fn new(args: &EdgeArgs) -> Result<Self, EdgeError> {
        let upstream = args.upstream.trim_end_matches('/').to_owned();
        if !(upstream.starts_with("http://") || upstream.starts_with("https://")) {
            return Err(EdgeError::Upstream(args.upstream.clone()));
        }
        let key = read_key(&args.kiosk_key_file)?;
        let outbox =
            Outbox::open(&args.outbox, args.outbox_max).map_err(|e| EdgeError::Outbox {
                path: args.outbox.display().to_string(),
                why: e.to_string(),
            })?;
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(args.upstream_timeout_s.max(1)))
            .connect_timeout(Duration::from_secs(args.upstream_timeout_s.clamp(1, 3)))
            .pool_idle_timeout(Duration::from_secs(50))
            .build()?;
        let kiosk_json = std::fs::read_to_string(args.dist.join("kiosk.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Self(Arc::new(Inner {
            client,
            api: format!("{upstream}{}", kiosk_core::api::API_PREFIX),
            upstream,
            kiosk_id: args.kiosk_id.clone(),
            key,
            outbox,
            reachable: AtomicBool::new(false),
            wake: tokio::sync::Notify::new(),
            sending: tokio::sync::Mutex::new(()),
            kiosk_json,
            speech: crate::speech::Speech::new(&args.speech),
        })))
    }

    pub fn outbox(&self) -> &Outbox {
        &self.0.outbox
    }

    /// Whether the central answered the last request sent to it.
    pub fn reachable(&self) -> bool {
        self.0.reachable.load(Ordering::SeqCst)
    }

    fn link(&self) -> CentralLink {
        let (outbox, oldest_s) = self.0.outbox.depth().unwrap_or((0, None));
        CentralLink {
            upstream: self.0.upstream.clone(),
            reachable: self.reachable(),
            outbox,
            oldest_s,
            outbox_max: self.0.outbox.max(),
        }
    }
}

/// What came back from the central, or that nothing useful did.
enum Upstream {
    Answer {
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    },
    /// No answer, or one from a proxy standing in for it (502–504), or a
    /// refusal of this kiosk's secret: worth trying again later.
    Unreachable(String),
}

impl Upstream {
    /// The central's answer as it came, or `away(why)` when there was none.
    fn relay_or(self, away: impl FnOnce(String) -> Response) -> Response {
        match self {
            Self::Answer {
                status,
                headers,
                body,
            } => relay(status, &headers, body),
            Self::Unreachable(why) => away(why),
        }
    }
}

/// Request headers passed on to the central; the kiosk credentials are the
/// edge's own, whatever the page sent.
const PASSED_ON: &[header::HeaderName] =
    &[header::CONTENT_TYPE, header::ACCEPT, header::AUTHORIZATION];
/// Answer headers passed back to the page.
const PASSED_BACK: &[&str] = &[
    "content-type",
    "retry-after",
    "idempotent-replayed",
    "x-request-id",
];

impl Edge {
    async fn send(
        &self,
        method: Method,
        path_and_query: &str,
        headers: &HeaderMap,
        idempotency_key: Option<&str>,
        client: Option<std::net::IpAddr>,
        body: Bytes,
    ) -> Upstream {
        let url = format!("{}{path_and_query}", self.0.api);
        let mut req = self
            .0
            .client
            .request(method, url)
            .header("x-kiosk-id", &self.0.kiosk_id)
            .header("x-kiosk-key", &self.0.key);
        for name in PASSED_ON {
            if let Some(v) = headers.get(name) {
                req = req.header(name, v);
            }
        }
        if let Some(key) = idempotency_key {
            req = req.header("idempotency-key", key);
        }
        if let Some(ip) = client {
            req = req.header("x-forwarded-for", ip.to_string());
        }
        let answer = async {
            let res = req.body(body).send().await?;
            let status = res.status();
            let headers = res.headers().clone();
            let body = res.bytes().await?;
            Ok::<_, reqwest::Error>((status, headers, body))
        }
        .await;
        match answer {
            Ok((status, _, _)) if matches!(status.as_u16(), 502..=504) => {
                self.0.reachable.store(false, Ordering::SeqCst);
                Upstream::Unreachable(format!("the central's proxy answered {status}"))
            }
            Ok((StatusCode::UNAUTHORIZED, headers, body))
                if String::from_utf8_lossy(&body).contains("kiosk_unauthorized") =>
            {
                self.0.reachable.store(true, Ordering::SeqCst);
                tracing::error!(
                    kiosk_id = %self.0.kiosk_id,
                    "the central refuses this kiosk's secret: check --kiosk-key-file \
                     (`kiosk-server admin kiosk rekey` gives a new one); requests are held"
                );
                let _ = headers;
                Upstream::Unreachable("the central refuses this kiosk's secret".into())
            }
            Ok((status, headers, body)) => {
                // Back after an outage: send what is held now, not at the head's
                // next backoff (up to a minute away).
                if !self.0.reachable.swap(true, Ordering::SeqCst) {
                    self.0.wake.notify_one();
                }
                Upstream::Answer {
                    status,
                    headers,
                    body,
                }
            }
            Err(e) => {
                self.0.reachable.store(false, Ordering::SeqCst);
                Upstream::Unreachable(without_url(&e))
            }
        }
    }
}

/// reqwest's message without the URL (which is in the log's context already).
fn without_url(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "failed"
    };
    let mut cause = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        source = s.source();
    }
    if cause.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {cause}")
    }
}

fn relay(status: StatusCode, headers: &HeaderMap, body: Bytes) -> Response {
    let mut res = (status, body).into_response();
    for name in PASSED_BACK {
        if let Some(v) = headers.get(*name) {
            res.headers_mut().insert(*name, v.clone());
        }
    }
    res
}

fn unreachable_problem() -> Response {
    ApiError::Unavailable("upstream_unreachable").into_response()
}

fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Reads whose last good answer is kept for when the central is away.
fn cached_read(path: &str) -> bool {
    matches!(
        path,
        "/services" | "/halls" | "/eligibility/standards" | "/health"
    )
}

async fn api(State(edge): State<Edge>, req: axum::extract::Request) -> Response {
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let (parts, body) = req.into_parts();
    let (method, uri, headers) = (parts.method, parts.uri, parts.headers);
    let Ok(body) = axum::body::to_bytes(body, crate::BODY_LIMIT).await else {
        return ApiError::PayloadTooLarge.into_response();
    };
    let prefix = kiosk_core::api::API_PREFIX;
    let path = uri
        .path()
        .strip_prefix(prefix)
        .unwrap_or(uri.path())
        .to_owned();
    let path_and_query = match uri.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.clone(),
    };
    let own = format!("/kiosks/{}/", edge.0.kiosk_id);
    if method == Method::POST && path == "/callbacks" {
        return callback(&edge, &headers, client, body).await;
    }
    if method == Method::POST && path == format!("{own}ratings") {
        return rating(&edge, &path, &headers, client, body).await;
    }
    if method == Method::POST && path == format!("{own}heartbeat") {
        return heartbeat(&edge, &path, &headers, client, body).await;
    }
    if method == Method::GET && path == format!("{own}status") {
        return status(&edge, &path, &headers, client).await;
    }
    if method == Method::POST && path == "/staff/session" {
        return staff_session(&edge, &headers, client, body).await;
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    match edge
        .send(
            method.clone(),
            &path_and_query,
            &headers,
            key.as_deref(),
            client,
            body,
        )
        .await
    {
        Upstream::Answer {
            status,
            headers,
            body,
        } => {
            if method == Method::GET
                && status == StatusCode::OK
                && cached_read(&path)
                && let Ok(text) = std::str::from_utf8(&body)
            {
                let _ = edge.0.outbox.cache_put(&path, text);
            }
            relay(status, &headers, body)
        }
        Upstream::Unreachable(why) => {
            tracing::warn!(%path, %why, "central unreachable");
            if method == Method::GET
                && cached_read(&path)
                && let Ok(Some((body, age))) = edge.0.outbox.cache_get(&path)
            {
                let mut res = json_response(StatusCode::OK, body);
                res.headers_mut()
                    .insert("x-kiosk-stale", HeaderValue::from(age));
                return res;
            }
            unreachable_problem()
        }
    }
}

fn now_unix() -> i64 {
    now_ms() / 1000
}

/// A PIN checked at the edge.
enum Offline {
    NeverAccepted,
    Right,
    Wrong,
    Locked(i64),
}

/// Staff sign-in: the central's answer; while it cannot be reached, a check
/// against the hash of the PIN it last accepted here (see `staff.rs`).
async fn staff_session(
    edge: &Edge,
    headers: &HeaderMap,
    client: Option<std::net::IpAddr>,
    body: Bytes,
) -> Response {
    let request: Option<kiosk_core::api::StaffSessionRequest> = serde_json::from_slice(&body).ok();
    // Only this kiosk's own staff entry is checked here; anything else is the
    // central's to answer.
    let own = request.filter(|r| r.kiosk_id == edge.0.kiosk_id);
    let answer = edge
        .send(Method::POST, "/staff/session", headers, None, client, body)
        .await;
    let outbox = edge.0.outbox.clone();
    let kiosk = edge.0.kiosk_id.clone();
    match answer {
        Upstream::Answer {
            status,
            headers,
            body,
        } => {
            if status.is_success()
                && let Some(r) = own
            {
                let stored = tokio::task::spawn_blocking(move || {
                    outbox.staff_verifier_put(&kiosk, &security::hash_pin(&r.pin), now_unix())
                })
                .await;
                if !matches!(stored, Ok(Ok(()))) {
                    tracing::warn!("could not keep the staff PIN check for offline sign-in");
                }
            }
            relay(status, &headers, body)
        }
        Upstream::Unreachable(why) => {
            let Some(r) = own else {
                return unreachable_problem();
            };
            let checked = tokio::task::spawn_blocking(move || {
                let now = now_unix();
                let Some(hash) = outbox.staff_verifier(&kiosk)? else {
                    return Ok::<_, rusqlite::Error>(Offline::NeverAccepted);
                };
                if let Some(seconds) = outbox.staff_locked(&kiosk, now)? {
                    return Ok(Offline::Locked(seconds));
                }
                let pin = &r.pin;
                if !pin.is_empty() && pin.len() <= 32 && security::verify_pin(&hash, pin) {
                    outbox.staff_success(&kiosk)?;
                    return Ok(Offline::Right);
                }
                Ok(match outbox.staff_failure(&kiosk, now)? {
                    Some(seconds) => Offline::Locked(seconds),
                    None => Offline::Wrong,
                })
            })
            .await;
            let log = |outcome: &str| {
                tracing::info!(kiosk_id = %edge.0.kiosk_id, outcome, "staff sign-in attempt, checked here: the central cannot be reached");
            };
            match checked {
                Ok(Ok(Offline::Right)) => {
                    log("ok");
                    let session = kiosk_core::api::StaffSession {
                        token: security::random_token(),
                        expires_at: kiosk_core::hall_time::HallTime::from_unix(
                            now_unix() + 30 * 60,
                        )
                        .to_rfc3339(),
                    };
                    json_response(
                        StatusCode::OK,
                        serde_json::to_string(&session).expect("a session serializes"),
                    )
                }
                Ok(Ok(Offline::Wrong)) => {
                    log("wrong_pin");
                    ApiError::Unauthorized.into_response()
                }
                Ok(Ok(Offline::Locked(seconds))) => {
                    log("locked");
                    ApiError::TooManyRequests {
                        code: "staff_locked",
                        retry_after_s: u64::try_from(seconds).unwrap_or(1),
                    }
                    .into_response()
                }
                // No PIN was ever accepted here: only the central can say.
                Ok(Ok(Offline::NeverAccepted)) => {
                    tracing::warn!(%why, "staff sign-in needs the central until a PIN has been accepted through this edge once");
                    unreachable_problem()
                }
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "outbox read failed");
                    unreachable_problem()
                }
                Err(_) => unreachable_problem(),
            }
        }
    }
}

async fn status(
    edge: &Edge,
    path: &str,
    headers: &HeaderMap,
    client: Option<std::net::IpAddr>,
) -> Response {
    let answer = edge
        .send(Method::GET, path, headers, None, client, Bytes::new())
        .await;
    let (mut status, stale) = match answer {
        Upstream::Answer {
            status,
            headers,
            body,
        } => {
            if status != StatusCode::OK {
                return relay(status, &headers, body);
            }
            if let Ok(text) = std::str::from_utf8(&body) {
                let _ = edge.0.outbox.cache_put(path, text);
            }
            (
                serde_json::from_slice::<Value>(&body).unwrap_or_default(),
                None,
            )
        }
        Upstream::Unreachable(_) => {
            let cached = edge.0.outbox.cache_get(path).ok().flatten();
            let age = cached.as_ref().map(|c| c.1);
            let value = cached
                .and_then(|(b, _)| serde_json::from_str::<Value>(&b).ok())
                .unwrap_or_else(|| {
                    serde_json::json!({
                        "maintenance": false,
                        "hall_id": edge.0.kiosk_json.get("hall_id").cloned().unwrap_or_default(),
                    })
                });
            (value, Some(age.unwrap_or(0)))
        }
    };
    if let Some(obj) = status.as_object_mut() {
        obj.insert(
            "central".into(),
            serde_json::to_value(edge.link()).expect("the link serializes"),
        );
    }
    let mut res = json_response(StatusCode::OK, status.to_string());
    if let Some(age) = stale {
        res.headers_mut()
            .insert("x-kiosk-stale", HeaderValue::from(age));
    }
    res
}

async fn heartbeat(
    edge: &Edge,
    path: &str,
    headers: &HeaderMap,
    client: Option<std::net::IpAddr>,
    body: Bytes,
) -> Response {
    // The central learns this PC's backlog from the heartbeat it already gets: a
    // body that is not a heartbeat goes on as it is, for the central to refuse.
    let body = match serde_json::from_slice::<kiosk_core::api::Heartbeat>(&body) {
        Ok(mut beat) => {
            beat.outbox = Some(edge.0.outbox.depth().map_or(0, |(n, _)| n));
            Bytes::from(serde_json::to_vec(&beat).expect("a heartbeat serializes"))
        }
        Err(_) => body,
    };
    edge.send(Method::POST, path, headers, None, client, body.clone())
        .await
        .relay_or(|_| {
            let text = String::from_utf8_lossy(&body);
            match edge.0.outbox.push("heartbeat", path, None, &text, "") {
                Ok(None) => ApiError::Unavailable("outbox_full").into_response(),
                Ok(Some(_)) => {
                    edge.0.wake.notify_one();
                    StatusCode::ACCEPTED.into_response()
                }
                Err(e) => {
                    tracing::error!(error = %e, "outbox write failed");
                    unreachable_problem()
                }
            }
        })
}

/// The request's `Idempotency-Key`, when it is a UUID (the only kind the
/// central takes), in one spelling so a retry finds what it held.
fn held_key(headers: &HeaderMap) -> Option<String> {
    headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .and_then(|k| uuid::Uuid::try_parse(k.trim().trim_matches('"')).ok())
        .map(|k| k.hyphenated().to_string())
}

/// A 好差评 rating: sent at once, or held in the outbox when the central cannot
/// be reached, dated with the day it was given so it counts in that week.
async fn rating(
    edge: &Edge,
    path: &str,
    headers: &HeaderMap,
    client: Option<std::net::IpAddr>,
    body: Bytes,
) -> Response {
    let key = held_key(headers);
    let parsed = serde_json::from_slice::<RatingRequest>(&body).ok();
    let (Some(key), Some(mut request)) = (key, parsed) else {
        return edge
            .send(Method::POST, path, headers, None, client, body)
            .await
            .relay_or(|_| unreachable_problem());
    };
    if let Ok(Some(Known::Queued { local_answer })) = edge.0.outbox.known(path, &key) {
        return json_response(StatusCode::ACCEPTED, local_answer);
    }
    edge.send(Method::POST, path, headers, Some(&key), client, body)
        .await
        .relay_or(|_| {
            request.rated_on = Some(
                kiosk_core::hall_time::HallTime::from_unix(now_unix())
                    .date()
                    .to_string(),
            );
            let held = serde_json::to_string(&request).expect("requests serialize");
            let saved = serde_json::to_string(&RatingReceipt {
                status: RatingStatus::SavedOnKiosk,
            })
            .expect("receipts serialize");
            match edge
                .0
                .outbox
                .push("rating", path, Some(&key), &held, &saved)
            {
                Ok(None) => ApiError::Unavailable("outbox_full").into_response(),
                Ok(Some(_)) => {
                    edge.0.wake.notify_one();
                    json_response(StatusCode::ACCEPTED, saved)
                }
                Err(e) => {
                    tracing::error!(error = %e, "outbox write failed");
                    unreachable_problem()
                }
            }
        })
}

/// A callback request: held in the outbox first (durably), then sent at once if
/// nothing is ahead of it. The visitor hears the central's answer, or that the
/// request is saved on this kiosk with its reference; never a request lost.
async fn callback(
    edge: &Edge,
    headers: &HeaderMap,
    client: Option<std::net::IpAddr>,
    body: Bytes,
) -> Response {
    let path = "/callbacks";
    let key = held_key(headers);
    // Only a well-formed request with a key is held; anything else goes to the
    // central as it is, for its precise refusal.
    let parsed = serde_json::from_slice::<CallbackRequest>(&body).ok();
    let (Some(key), Some(mut request)) = (key, parsed) else {
        return edge
            .send(Method::POST, path, headers, None, client, body)
            .await
            .relay_or(|_| unreachable_problem());
    };
    match edge.0.outbox.known(path, &key) {
        Ok(Some(Known::Queued { local_answer })) => {
            return json_response(StatusCode::ACCEPTED, local_answer);
        }
        Ok(Some(Known::Answered { status, body })) => {
            let mut res = json_response(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
                body,
            );
            res.headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            return res;
        }
        Ok(None) => {}
        Err(e) => {
            tracing::error!(error = %e, "outbox read failed");
            return unreachable_problem();
        }
    }
    request.reference = Some(security::reference('C'));
    request.kiosk_id = Some(edge.0.kiosk_id.clone());
    request.requested_at =
        Some(kiosk_core::hall_time::HallTime::from_unix(now_unix()).to_rfc3339());
    let held = serde_json::to_string(&request).expect("requests serialize");
    let saved = CallbackReceipt {
        reference: request.reference.clone().expect("set above"),
        status: CallbackStatus::SavedOnKiosk,
        preferred: request.preferred.clone(),
        phone_masked: kiosk_core::validate::normalize_phone(&request.phone)
            .map(|p| mask_phone(&p))
            .unwrap_or_else(|_| mask_phone(&request.phone)),
    };
    let saved = serde_json::to_string(&saved).expect("receipts serialize");
    let (item, ahead) = match edge
        .0
        .outbox
        .push("callback", path, Some(&key), &held, &saved)
    {
        Ok(Some(pushed)) => pushed,
        Ok(None) => {
            tracing::error!(
                max = edge.0.outbox.max(),
                "outbox full: a callback request was refused"
            );
            return ApiError::Unavailable("outbox_full").into_response();
        }
        Err(e) => {
            tracing::error!(error = %e, "outbox write failed");
            return unreachable_problem();
        }
    };
    // Sent at once only when it is first in line and nobody else is sending.
    if ahead == 0
        && let Ok(_sending) = edge.0.sending.try_lock()
    {
        match deliver(edge, &item).await {
            Delivery::Answered {
                status,
                headers,
                body,
            } => {
                if !status.is_success() {
                    // Refused at once: the kiosk shows why, and nothing is kept.
                    let _ = edge.0.outbox.forget(item.seq);
                }
                return relay(status, &headers, Bytes::from(body));
            }
            Delivery::Later(_) => {}
        }
    }
    edge.0.wake.notify_one();
    json_response(StatusCode::ACCEPTED, saved)
}

enum Delivery {
    Answered {
        status: StatusCode,
        headers: HeaderMap,
        body: String,
    },
    Later(String),
}

/// Sends one held item; records a definite answer (the body is deleted then).
async fn deliver(edge: &Edge, item: &outbox::Item) -> Delivery {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    let answer = edge
        .send(
            Method::POST,
            &item.path,
            &headers,
            item.idempotency_key.as_deref(),
            None,
            Bytes::from(item.body.clone()),
        )
        .await;
    match answer {
        Upstream::Answer {
            status,
            headers,
            body,
        } => {
            let body = String::from_utf8_lossy(&body).into_owned();
            // 408, the write rate limit and the central's own 5xx say "not now",
            // not "no" (a visitor's third callback of the day is a "no").
            let not_now = status == StatusCode::REQUEST_TIMEOUT
                || status.is_server_error()
                || status == StatusCode::TOO_MANY_REQUESTS
                    && (item.kind == "heartbeat" || body.contains("\"rate_limited\""));
            if not_now {
                return Delivery::Later(format!("the central answered {status}"));
            }
            if let Err(e) = edge.0.outbox.answered(item.seq, status.as_u16(), &body) {
                tracing::error!(error = %e, "outbox write failed");
            }
            Delivery::Answered {
                status,
                headers,
                body,
            }
        }
        Upstream::Unreachable(why) => Delivery::Later(why),
    }
}

/// Backoff after `attempts` failures: 1 s doubling to a minute, with ±25 % jitter
/// so the kiosks of a hall do not all knock at once when the central returns.
fn backoff_ms(attempts: u32) -> i64 {
    let base = 1000i64 << attempts.min(6);
    let base = base.min(60_000);
    let jitter = i64::from(u16::from_le_bytes(security::random_bytes::<2>())) % (base / 2 + 1);
    base * 3 / 4 + jitter
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Sends the outbox, oldest first, one at a time; waits for the head's next
/// attempt (or to be woken) when the central does not answer.
pub async fn deliverer(edge: Edge) {
    loop {
        let head = edge.0.outbox.head();
        let item = match head {
            Ok(Some(item)) => item,
            Ok(None) => {
                let _ = tokio::time::timeout(Duration::from_secs(30), edge.0.wake.notified()).await;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "outbox read failed");
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
        };
        let wait = item.next_attempt_ms - now_ms();
        if wait > 0 {
            let _ = tokio::time::timeout(
                Duration::from_millis(u64::try_from(wait).unwrap_or(0)),
                edge.0.wake.notified(),
            )
            .await;
            // Woken early (a new item): the head's time has not come unless the
            // central was just seen answering.
            if item.next_attempt_ms > now_ms() && !edge.reachable() {
                continue;
            }
        }
        let _sending = edge.0.sending.lock().await;
        // Someone may have sent it meanwhile.
        if edge.0.outbox.head().ok().flatten().map(|h| h.seq) != Some(item.seq) {
            continue;
        }
        match deliver(&edge, &item).await {
            Delivery::Answered { status, .. } => {
                if status.is_success() {
                    tracing::info!(seq = item.seq, kind = %item.kind, %status, "held request delivered");
                } else {
                    // Not the visitor's data: the machine code is in the answer.
                    tracing::warn!(seq = item.seq, kind = %item.kind, %status, "held request refused by the central");
                }
            }
            Delivery::Later(why) => {
                let next = now_ms() + backoff_ms(item.attempts);
                if item.attempts == 0 || item.attempts % 10 == 0 {
                    tracing::warn!(seq = item.seq, attempts = item.attempts + 1, %why, "central unreachable: the outbox waits");
                }
                if let Err(e) = edge.0.outbox.retry_later(item.seq, next) {
                    tracing::error!(error = %e, "outbox write failed");
                }
            }
        }
    }
}

/// `/kiosk.json`: the built one, with this kiosk's identity and its own origin
/// as the API, so a hall does not edit one file per PC.
async fn kiosk_json(State(edge): State<Edge>) -> Response {
    let mut config = edge.0.kiosk_json.clone();
    let status_path = format!("/kiosks/{}/status", edge.0.kiosk_id);
    let hall = edge
        .0
        .outbox
        .cache_get(&status_path)
        .ok()
        .flatten()
        .and_then(|(b, _)| serde_json::from_str::<Value>(&b).ok())
        .and_then(|v| v.get("hall_id").cloned());
    if let Some(obj) = config.as_object_mut() {
        obj.insert("kiosk_id".into(), Value::from(edge.0.kiosk_id.clone()));
        obj.insert("api_base".into(), Value::from(kiosk_core::api::API_PREFIX));
        if let Some(hall) = hall {
            obj.insert("hall_id".into(), hall);
        }
    }
    let mut res = json_response(StatusCode::OK, config.to_string());
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

impl axum::extract::FromRef<Edge> for Option<Arc<crate::speech::Speech>> {
    fn from_ref(edge: &Edge) -> Self {
        Some(edge.0.speech.clone())
    }
}

/// The edge's HTTP application.
pub fn app(edge: Edge, dist: &std::path::Path, timeout: Duration) -> Router {
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let csp = HeaderValue::from_str(&security::kiosk_csp(&index)).expect("the CSP is plain ASCII");
    let api_path = format!("{}/{{*rest}}", kiosk_core::api::API_PREFIX);
    let speech_path = format!("{}/speech", kiosk_core::api::API_PREFIX);
    let router = Router::new()
        .route("/kiosk.json", get(kiosk_json))
        // Speech is made here, on the kiosk PC, whether or not the central answers.
        .route(&speech_path, post(crate::routes::speech::speak))
        .route(
            &format!("{speech_path}/catalog/{{key}}"),
            get(crate::routes::speech::speak_catalog),
        )
        .route(&api_path, any(api))
        .layer(DefaultBodyLimit::max(crate::BODY_LIMIT))
        .with_state(edge);
    crate::with_common_layers(crate::with_kiosk_files(router, dist, csp), timeout)
}

/// Runs the edge until Ctrl-C or SIGTERM.
pub async fn run(args: EdgeArgs) -> Result<(), Box<dyn std::error::Error>> {
    let edge = Edge::new(&args)?;
    if !args.dist.join("index.html").is_file() {
        tracing::warn!(dist = %args.dist.display(), "no built kiosk found (index.html missing)");
    }
    // A first word with the central, so the log says at once whether it answers.
    let probe = status(
        &edge,
        &format!("/kiosks/{}/status", args.kiosk_id),
        &HeaderMap::new(),
        None,
    )
    .await;
    let (depth, _) = edge.outbox().depth().unwrap_or((0, None));
    if edge.reachable() && probe.status() == StatusCode::OK {
        tracing::info!(upstream = %edge.0.upstream, outbox = depth, "central server answers");
    } else {
        tracing::warn!(
            upstream = %edge.0.upstream,
            outbox = depth,
            "central server cannot be reached: serving anyway; callback requests and heartbeats are held until it answers"
        );
    }
    crate::speech::report_start(&edge.0.speech).await;
    tokio::spawn(deliverer(edge.clone()));
    let purger = edge.clone();
    tokio::spawn(async move {
        let mut hourly = tokio::time::interval(Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            if let Err(e) = purger.outbox().purge() {
                tracing::warn!(error = %e, "outbox housekeeping failed");
            }
        }
    });
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let url = format!("http://{}/", listener.local_addr()?);
    tracing::info!(%url, kiosk_id = %args.kiosk_id, "legal-kiosk edge listening");
    println!(
        "legal-kiosk edge for {} is being served at {url}",
        args.kiosk_id
    );
    let app = app(edge, &args.dist, Duration::from_secs(30))
        .into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(crate::shutdown_signal())
        .await?;
    Ok(())
}
