//! The reference backend: serves the built kiosk (`dist/`, with an `index.html`
//! fallback for client routes) and the JSON API under `/api/v1`, on embedded SQLite.

pub mod config;
pub mod db;
pub mod error;
pub mod routes;

use std::{path::PathBuf, sync::Arc};

use axum::Router;
use tower_http::{
    services::{ServeDir, ServeFile},
    trace::TraceLayer,
};

pub use config::Config;
use db::Db;

/// What every handler can reach, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    inner: Arc<StateInner>,
}

struct StateInner {
    dist: PathBuf,
}

impl AppState {
    pub fn new(db: Db, config: &Config) -> Self {
        Self {
            db,
            inner: Arc::new(StateInner {
                dist: config.dist.clone(),
            }),
        }
    }

    /// Folder of the built kiosk.
    pub fn dist(&self) -> &std::path::Path {
        &self.inner.dist
    }
}

/// The whole HTTP application. Tests call it with `tower::ServiceExt::oneshot`.
pub fn app(state: AppState) -> Router {
    let dist = state.dist().to_path_buf();
    // Client routes (/booking, /callback, …) are served index.html so deep links and
    // reloads work; the router in the kiosk then shows the page or its 404 screen.
    let kiosk = ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html")));
    Router::new()
        .nest(kiosk_core::api::API_PREFIX, routes::router())
        .fallback_service(kiosk)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
