//! `kiosk-server`: configuration, database, and serving with graceful shutdown.

use clap::Parser;
use kiosk_server::{
    AppState, Clock, Config,
    config::{Cli, Command, SpeechCommand},
    db::{Db, DbError, appointments, callbacks, console_sessions, idempotency, staff},
};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Admin(args)) => admin(args).await,
        Some(Command::Speech(SpeechCommand::Prerender(args))) => prerender(args).await,
        Some(Command::Edge(args)) => {
            init_logging("info", false);
            match kiosk_server::edge::run(args).await {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!("{e}");
                    eprintln!("kiosk-server edge: {e}");
                    std::process::ExitCode::FAILURE
                }
            }
        }
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

/// `kiosk-server speech prerender`: every catalog text into the speech cache.
async fn prerender(args: kiosk_server::speech::SpeechArgs) -> std::process::ExitCode {
    init_logging("warn", true);
    let speech = kiosk_server::speech::Speech::new(&args);
    let started = std::time::Instant::now();
    match speech.prerender().await {
        Ok(done) => {
            println!(
                "speech cache {}: {} catalog texts ({} rendered now), {:.1} MB, in {:.1} s",
                speech.cache_dir().display(),
                done.texts,
                done.rendered,
                done.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kiosk-server speech prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `kiosk-server admin …`: answers on stdout, warnings and errors on stderr.
async fn admin(args: kiosk_server::admin::AdminArgs) -> std::process::ExitCode {
    init_logging("warn", true);
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

/// Logs at `level` unless RUST_LOG says otherwise; the admin CLI logs to stderr
/// so its answers on stdout stay clean.
fn init_logging(level: &str, to_stderr: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if to_stderr {
        builder.with_writer(std::io::stderr).init();
    } else {
        builder.init();
    }
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    init_logging("info", false);
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
    if let Some(speech) = state.speech() {
        kiosk_server::speech::report_start(speech).await;
    }
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let url = format!("http://{}/", listener.local_addr()?);
    tracing::info!(%url, db = %config.db, "legal-kiosk server listening");
    println!("legal-kiosk is being served at {url}");
    let app =
        kiosk_server::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(kiosk_server::shutdown_signal())
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
/// consent notice says), idempotency keys, expired staff and console sessions, idle rate-limit
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
            let console = console_sessions::purge(c, now)?;
            Ok(Ok::<_, DbError>((
                appointments,
                callbacks,
                keys + sessions + buckets + console,
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
