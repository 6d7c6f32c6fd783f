//! `kiosk-server`: configuration, database, and serving with graceful shutdown.

use clap::Parser;
use kiosk_server::{
    AppState, Clock, Config,
    config::{Cli, Command},
    db::{Db, DbError, appointments, callbacks, idempotency, staff},
};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Admin(args)) => admin(args).await,
        None => match serve(cli.serve).await {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                tracing::error!("{e}");
                eprintln!("kiosk-server: {e}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}

/// `kiosk-server admin …`: answers on stdout, warnings and errors on stderr.
async fn admin(args: kiosk_server::admin::AdminArgs) -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")),
        )
        .init();
    let db = args.db.clone();
    let now = Clock::system().unix();
    let result = kiosk_server::admin::run(
        args,
        now,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
    )
    .await;
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(kiosk_server::admin::AdminError::Db(e)) => {
            eprintln!("kiosk-server admin: database {db}: {e}");
            std::process::ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("kiosk-server admin: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let db = Db::open(&config.db)
        .await
        .map_err(|e| format!("database {}: {e}", config.db))?;
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
    // Before serving, so data past its retention (say, after a long power-off) is
    // gone before anyone can ask for it.
    purge_expired(&state).await;
    tokio::spawn(housekeeping(state.clone()));
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let url = format!("http://{}/", listener.local_addr()?);
    tracing::info!(%url, db = %config.db, "legal-kiosk server listening");
    println!("legal-kiosk is being served at {url}");
    let app =
        kiosk_server::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// Hourly, starting an hour after start-up (which has just purged): see
/// [`purge_expired`].
async fn housekeeping(state: AppState) {
    let hour = std::time::Duration::from_secs(3600);
    let mut every_hour = tokio::time::interval_at(tokio::time::Instant::now() + hour, hour);
    loop {
        every_hour.tick().await;
        purge_expired(&state).await;
    }
}

/// Deletes what is past its retention: appointments and callbacks (30 days, as the
/// consent notice says), idempotency keys, expired staff sessions, idle rate-limit
/// buckets. Safe when every instance on one database runs it: each delete only
/// removes rows past a date, whoever gets there first.
async fn purge_expired(state: &AppState) {
    let now = state.clock.unix();
    let purged = state
        .db
        .write(move |c| {
            let appointments = appointments::purge(c, now)?;
            let callbacks = callbacks::purge(c, now)?;
            let keys = idempotency::purge(c, now)?;
            let sessions = staff::purge_sessions(c, now)?;
            let buckets = kiosk_server::ratelimit::purge(c)?;
            Ok(Ok::<_, DbError>((
                appointments,
                callbacks,
                keys + sessions + buckets,
            )))
        })
        .await
        .and_then(|r| r);
    match purged {
        Ok((appointments, callbacks, other)) => {
            tracing::info!(
                appointments,
                callbacks,
                other,
                "deleted data past its retention"
            );
        }
        Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
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
