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
    /// Insert the demo hall, services and kiosk `kiosk-1` if missing; prints a
    /// staff PIN and an operator token once, when it creates them.
    #[arg(long, env = "KIOSK_DEMO_DATA")]
    pub demo_data: bool,
    /// Bearer token of the 12348 operator desk (callback queue). Without it and
    /// without demo data, the operator endpoints refuse every request.
    #[arg(long, env = "KIOSK_OPERATOR_TOKEN", hide_env_values = true)]
    pub operator_token: Option<String>,
    /// Sets the staff PIN of every hall (stored as an argon2 hash).
    #[arg(long, env = "KIOSK_STAFF_PIN", hide_env_values = true)]
    pub staff_pin: Option<String>,
    /// Key for the keyed hash of ID numbers; by default a random key is created
    /// on first start and kept in the database.
    #[arg(long, env = "KIOSK_ID_HASH_KEY", hide_env_values = true)]
    pub id_hash_key: Option<String>,
    /// A legal-aid standards file (JSON, as `core/data/legal_aid_standards.json`)
    /// replacing the built-in one, so a hall can update figures without a rebuild.
    #[arg(long, env = "KIOSK_STANDARDS")]
    pub standards: Option<PathBuf>,
    /// Write requests allowed per kiosk (or client address) per minute; 0 = no limit.
    #[arg(long, env = "KIOSK_RATE_LIMIT", default_value_t = 120)]
    pub rate_limit_per_minute: u32,
    /// Seconds a request may take before it is answered 408.
    #[arg(long, env = "KIOSK_REQUEST_TIMEOUT", default_value_t = 15)]
    pub request_timeout_s: u64,
}

impl Config {
    /// The defaults, with the database and built kiosk at the given places.
    pub fn with_paths(db: impl Into<PathBuf>, dist: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: db.into(),
            dist: dist.into(),
            demo_data: false,
            operator_token: None,
            staff_pin: None,
            id_hash_key: None,
            standards: None,
            rate_limit_per_minute: 120,
            request_timeout_s: 15,
        }
    }
}
