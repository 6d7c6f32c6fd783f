//! The reference backend: serves the built kiosk (`dist/`, with an `index.html`
//! fallback for client routes), the back office console (`console/dist/` at
//! `/console/`) and the JSON API under `/api/v1`, on embedded SQLite.

pub mod admin;
pub mod caller;
pub mod clock;
pub mod config;
pub mod console;
pub mod db;
pub mod edge;
pub mod error;
pub mod extract;
pub mod ratelimit;
pub mod routes;
pub mod schedule;
pub mod security;
pub mod speech;

use std::{path::PathBuf, sync::Arc, time::Duration};

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderName, HeaderValue, Request, StatusCode, header},
    middleware,
};
use tower::ServiceBuilder;
use tower_http::{
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

pub use clock::Clock;
pub use config::Config;
use db::Db;

/// Request bodies larger than this are refused with 413.
pub const BODY_LIMIT: usize = 16 * 1024;

/// What every handler can reach, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    inner: Arc<StateInner>,
}

struct StateInner {
    dist: PathBuf,
    console_dist: PathBuf,
    console_csp: HeaderValue,
    standards: kiosk_core::eligibility::Standards,
    standards_source: kiosk_core::api::StandardsSource,
    csp: HeaderValue,
    id_hash_key: Vec<u8>,
    operator_token_hash: Option<String>,
    rate_limiter: ratelimit::RateLimiter,
    request_timeout: Duration,
    console_secure_cookies: bool,
    speech: Arc<speech::Speech>,
}

impl axum::extract::FromRef<AppState> for Option<Arc<speech::Speech>> {
    fn from_ref(state: &AppState) -> Self {
        state.speech().cloned()
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error(transparent)]
    Database(#[from] db::DbError),
    #[error("the legal-aid standards file could not be used: {0}")]
    Standards(String),
}

/// One-time messages for the operator of a demo installation (new PIN, token).
pub type Notices = Vec<String>;

impl AppState {
    /// Prepares the state from a migrated database: demo data, secrets and the
    /// kiosk page's CSP. Returns notices to print once (demo credentials).
    pub async fn init(db: Db, config: &Config, clock: Clock) -> Result<(Self, Notices), InitError> {
        let mut notices = Notices::new();
        if config.demo_data {
            db.seed_demo_data(&config.demo_kiosks).await?;
        }
        let id_hash_key = match &config.id_hash_key {
            Some(key) => key.as_bytes().to_vec(),
            None => {
                db.call(|c| {
                    db::staff::secret(c, "id_hash_key", || security::random_bytes::<32>().to_vec())
                })
                .await?
                .0
            }
        };
        if let Some(pin) = config.staff_pin.clone() {
            let hash = security::hash_pin(&pin);
            db.call(move |c| {
                let halls: Vec<String> = c
                    .query("SELECT id FROM halls", &[])?
                    .iter()
                    .map(|r| r.get(0))
                    .collect::<Result<_, _>>()?;
                halls
                    .iter()
                    .try_for_each(|h| db::staff::set_pin(c, h, &hash))
            })
            .await?;
        } else if config.demo_data {
            let pin = security::random_pin();
            let hash = security::hash_pin(&pin);
            let created = db
                .call(move |c| {
                    if db::staff::has_pin(c, db::demo::DEMO_HALL)? {
                        return Ok(false);
                    }
                    db::staff::set_pin(c, db::demo::DEMO_HALL, &hash).map(|()| true)
                })
                .await?;
            if created {
                notices.push(format!(
                    "demo staff PIN for {} (shown only now): {pin}",
                    db::demo::DEMO_HALL
                ));
            }
        }
        // Only a hash of the operator token is kept, in memory and in the database.
        let operator_token_hash = match &config.operator_token {
            Some(t) => Some(security::sha256_hex(t.as_bytes())),
            None if config.demo_data => {
                let token = security::random_token();
                let hash = security::sha256_hex(token.as_bytes());
                let (stored, created) = db
                    .call(move |c| {
                        db::staff::secret(c, "operator_token_hash", || hash.into_bytes())
                    })
                    .await?;
                if created {
                    notices.push(format!(
                        "demo 12348 operator token (shown only now): {token}"
                    ));
                }
                Some(String::from_utf8_lossy(&stored).into_owned())
            }
            None => None,
        };
        let standards_source = match &config.standards {
            Some(_) => kiosk_core::api::StandardsSource::File,
            None => kiosk_core::api::StandardsSource::BuiltIn,
        };
        let standards = match &config.standards {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| InitError::Standards(format!("{}: {e}", path.display())))?;
                kiosk_core::eligibility::Standards::from_json(&text)
                    .map_err(|e| InitError::Standards(format!("{}: {e}", path.display())))?
            }
            None => kiosk_core::eligibility::Standards::embedded().clone(),
        };
        let index = std::fs::read_to_string(config.dist.join("index.html")).unwrap_or_default();
        let csp =
            HeaderValue::from_str(&security::kiosk_csp(&index)).expect("the CSP is plain ASCII");
        let console_index =
            std::fs::read_to_string(config.console_dist.join("index.html")).unwrap_or_default();
        let console_csp = HeaderValue::from_str(&security::kiosk_csp(&console_index))
            .expect("the CSP is plain ASCII");
        let state = Self {
            db,
            clock,
            inner: Arc::new(StateInner {
                dist: config.dist.clone(),
                console_dist: config.console_dist.clone(),
                console_csp,
                standards,
                standards_source,
                csp,
                id_hash_key,
                operator_token_hash,
                rate_limiter: ratelimit::RateLimiter::new(config.rate_limit_per_minute),
                request_timeout: Duration::from_secs(config.request_timeout_s.max(1)),
                console_secure_cookies: config.console_secure_cookies,
                speech: speech::Speech::new(&config.speech),
            }),
        };
        Ok((state, notices))
    }

    /// The legal-aid financial standards this server started with (its
    /// `--standards` file, else the built-in copy), and which of the two.
    pub fn base_standards(
        &self,
    ) -> (
        &kiosk_core::eligibility::Standards,
        kiosk_core::api::StandardsSource,
    ) {
        (&self.inner.standards, self.inner.standards_source)
    }

    /// The legal-aid financial standards in force: the newest upload from the
    /// console (read from the database, so every instance agrees), else the
    /// base ones; with the upload, if that is where they came from.
    pub async fn standards(
        &self,
    ) -> Result<
        (
            kiosk_core::eligibility::Standards,
            Option<db::standards::Upload>,
        ),
        db::DbError,
    > {
        let upload = self.db.call(db::standards::latest).await?;
        if let Some(u) = upload {
            match kiosk_core::eligibility::Standards::from_json(&u.body) {
                Ok(s) => return Ok((s, Some(u))),
                // Checked when uploaded; a row that no longer parses (a release
                // with stricter rules) must not stop the self-check.
                Err(e) => {
                    tracing::error!(id = u.id, error = %e, "uploaded standards unreadable: using the base ones")
                }
            }
        }
        Ok((self.inner.standards.clone(), None))
    }

    /// Folder of the built kiosk.
    pub fn dist(&self) -> &std::path::Path {
        &self.inner.dist
    }

    /// Key of the keyed hash of ID numbers.
    pub fn id_hash_key(&self) -> &[u8] {
        &self.inner.id_hash_key
    }

    /// Whether `token` is the operator desk's (false when none is configured).
    pub fn is_operator_token(&self, token: &str) -> bool {
        self.inner
            .operator_token_hash
            .as_deref()
            .is_some_and(|hash| {
                security::constant_time_eq(hash, &security::sha256_hex(token.as_bytes()))
            })
    }

    /// The speech endpoint's synthesiser and cache. Speech is made on the kiosk
    /// PC: by the all-in-one server (SQLite) and by each kiosk's edge, never by a
    /// central (PostgreSQL), whose kiosks ask their edges.
    pub fn speech(&self) -> Option<&Arc<speech::Speech>> {
        (self.db.dialect() == db::Dialect::Sqlite).then_some(&self.inner.speech)
    }

    pub fn rate_limiter(&self) -> &ratelimit::RateLimiter {
        &self.inner.rate_limiter
    }

    /// Whether the console's session cookie is always `Secure`
    /// (`--console-secure-cookies`).
    pub fn console_secure_cookies(&self) -> bool {
        self.inner.console_secure_cookies
    }
}

/// The whole HTTP application. Tests call it with `tower::ServiceExt::oneshot`.
pub fn app(state: AppState) -> Router {
    let dist = state.dist().to_path_buf();
    let api = routes::router()
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            ratelimit::limit_writes,
        ))
        // Outside the rate limit, so it knows which kiosk a request is from.
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            caller::identify,
        ))
        // Answers are never kept, unless a handler says otherwise: the audio of a
        // catalog text by its address, which never changes.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let router = Router::new()
        .nest(kiosk_core::api::API_PREFIX, api)
        .with_state(state.clone());
    let router = router.nest_service(
        "/console",
        console_files(&state.inner.console_dist, state.inner.console_csp.clone()),
    );
    let router = with_kiosk_files(router, &dist, state.inner.csp.clone());
    with_common_layers(router, state.inner.request_timeout)
}

/// The built kiosk as the fallback of `router`: its files, precompressed, under
/// its CSP; client routes (/booking, /callback, …) are served index.html so deep
/// links and reloads work, and the kiosk's router then shows the page or its 404
/// screen.
pub fn with_kiosk_files(router: Router, dist: &std::path::Path, csp: HeaderValue) -> Router {
    let kiosk = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        // The body depends on Accept-Encoding (precompressed copies below).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .layer(middleware::from_fn(cache_built_files))
        // The build writes .br and .gz copies beside the files (xtask/precompress.mjs):
        // sent as such to browsers that accept them, with the original's type.
        .service(
            ServeDir::new(dist)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(
                    ServeFile::new(dist.join("index.html"))
                        .precompressed_br()
                        .precompressed_gzip(),
                ),
        );
    router.fallback_service(kiosk)
}

/// How long a browser may keep a built file. A file whose name carries the build's
/// content hash never changes, so it is kept for a year without asking again: the
/// kiosk's browser then also keeps the compiled `.wasm` in its code cache, and a
/// reload after "finish and clear" starts without compiling. Everything else
/// (index.html, deep links served as index.html) is checked on every load, so a
/// new build is picked up at the next reload.
async fn cache_built_files(
    req: Request<axum::body::Body>,
    next: middleware::Next,
) -> axum::response::Response {
    let hashed = is_hashed_name(req.uri().path());
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    let policy = if hashed && !html && res.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    res
}

/// Whether a path names a file Trunk called after its content hash:
/// `legal-kiosk-3f1c…_bg.wasm`, `base-6ff3…e440.css` (the hash is 64 bits in
/// lowercase hex, without leading zeros).
fn is_hashed_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(base, hash)| {
        !base.is_empty()
            && (12..=16).contains(&hash.len())
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// The built console under its CSP, its client routes (/console/users, …) served
/// index.html like the kiosk's. Without a build, a page that says so, not the
/// kiosk's index.html (which would start the kiosk on an admin's desk).
fn console_files(dist: &std::path::Path, csp: HeaderValue) -> Router {
    if !dist.join("index.html").is_file() {
        tracing::warn!(
            "no console build in {}: /console/ answers 404",
            dist.display()
        );
        return Router::new().fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
                 <title>后台未安装 · Console not installed</title></head><body><main>\
                 <h1>后台管理台未安装</h1><p>此服务器没有后台管理台的构建文件（--console-dist）。</p>\
                 <p lang=\"en\">The back office console is not installed on this server \
                 (no build in --console-dist).</p></main></body></html>",
            )
        });
    }
    with_kiosk_files(Router::new(), dist, csp)
}

/// Request ids, a log line per request that holds no personal data, the request
/// timeout and the security headers every answer carries.
pub fn with_common_layers(router: Router, timeout: Duration) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(
                // Only method, path and request id: query strings and bodies may
                // carry personal data and are never logged.
                TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                }),
            )
            .layer(PropagateRequestIdLayer::new(request_id))
            .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
            .layer(SetResponseHeaderLayer::overriding(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::overriding(
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            )),
    )
}

/// Resolves on Ctrl-C or SIGTERM so in-flight requests finish before exit.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod hashed_name_tests {
    use super::is_hashed_name;

    #[test]
    fn only_trunks_content_hashed_names_count() {
        assert!(is_hashed_name("/legal-kiosk-3f1c2b9a8e7d6c5b_bg.wasm"));
        assert!(is_hashed_name("/legal-kiosk-3f1c2b9a8e7d6c5b.js"));
        assert!(is_hashed_name("/header-2374110468b6c6d.css"));
        assert!(is_hashed_name("/console/base-6ff385254d44e440.css.br"));
        assert!(!is_hashed_name("/index.html"));
        assert!(!is_hashed_name("/booking/check"));
        assert!(!is_hashed_name("/kiosk.wasm"));
        assert!(!is_hashed_name("/answer_button.css"));
        assert!(!is_hashed_name("/-6ff385254d44e440.css"));
        assert!(!is_hashed_name("/base-6FF385254D44E440.css"), "not Trunk's");
    }
}
