//! `kiosk-server`: configuration, database, and serving with graceful shutdown.

use clap::Parser;
use kiosk_server::{AppState, Clock, Config, db::Db};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let config = Config::parse();
    let db = Db::open(&config.db).await?;
    let (state, notices) = AppState::init(db, &config, Clock::system()).await?;
    for notice in notices {
        tracing::warn!("{notice}");
    }
    if !config.dist.join("index.html").is_file() {
        tracing::warn!(
            dist = %config.dist.display(),
            "no built kiosk found (index.html missing): only /api/v1 will answer; build it with `cargo xtask run`"
        );
    }
    tokio::spawn(housekeeping(state.clone()));
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let url = format!("http://{}/", listener.local_addr()?);
    tracing::info!(%url, db = %config.db.display(), "legal-kiosk server listening");
    println!("legal-kiosk is being served at {url}");
    let app =
        kiosk_server::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// Hourly: forget idempotency keys past their retention and expired staff sessions.
async fn housekeeping(state: AppState) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        let now = state.clock.unix();
        let purged = state
            .db
            .call(move |c| {
                let keys = kiosk_server::db::idempotency::purge(c, now)?;
                let sessions =
                    c.execute("DELETE FROM staff_sessions WHERE expires_unix < ?1", [now])?;
                Ok(keys + sessions)
            })
            .await;
        match purged {
            Ok(n) => tracing::debug!(rows = n, "housekeeping"),
            Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM so in-flight requests finish before exit.
async fn shutdown_signal() {
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
