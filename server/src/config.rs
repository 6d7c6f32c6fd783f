//! Server configuration from flags and environment variables, with defaults that
//! work from the repository root after `cargo xtask run` has built the kiosk.

use std::{net::SocketAddr, path::PathBuf};

use clap::Parser;

/// Command-line flags; each also reads the environment variable named beside it.
#[derive(Clone, Debug, Parser)]
#[command(name = "kiosk-server", version, about)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "KIOSK_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// SQLite database file; created and migrated on first start.
    #[arg(long, env = "KIOSK_DB", default_value = "data/kiosk.sqlite3")]
    pub db: PathBuf,
    /// Folder of the built kiosk (Trunk's output).
    #[arg(long, env = "KIOSK_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Insert the demo hall (and later demo data) if it is missing.
    #[arg(long, env = "KIOSK_DEMO_DATA")]
    pub demo_data: bool,
}

impl Config {
    /// The defaults, with the database and built kiosk at the given places.
    pub fn with_paths(db: impl Into<PathBuf>, dist: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: db.into(),
            dist: dist.into(),
            demo_data: false,
        }
    }
}
