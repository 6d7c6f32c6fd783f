//! Server configuration from flags and environment variables, with defaults that
//! work from the repository root after `cargo xtask run` has built the kiosk.

use std::{net::SocketAddr, path::PathBuf};

use clap::{Parser, Subcommand};

use crate::{admin::AdminArgs, db::DbUrl};

/// `kiosk-server [FLAGS]` serves; `kiosk-server admin …` sets up.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "kiosk-server",
    version,
    about = "legal-kiosk's server: the kiosk app and its API, on SQLite or PostgreSQL",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub serve: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    /// Set up halls, services, opening hours, closures, kiosks and staff PINs.
    Admin(AdminArgs),
    /// Serve one kiosk PC: the kiosk app, its API forwarded to the central
    /// server, and an outbox for when the central cannot be reached.
    Edge(crate::edge::EdgeArgs),
    /// Speech for kiosks without a browser voice: render every catalog text in
    /// both languages into the speech cache, at deploy time.
    #[command(subcommand)]
    Speech(SpeechCommand),
}

#[derive(Clone, Debug, Subcommand)]
pub enum SpeechCommand {
    /// Render every fixed catalog text in both languages (those already in the
    /// cache are kept), and say how many, how big and how long it took.
    Prerender(crate::speech::SpeechArgs),
}

/// Command-line flags; each also reads the environment variable named beside it.
#[derive(Clone, Debug, Parser)]
#[command(name = "kiosk-server", version, about)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "KIOSK_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The database: a SQLite file (created and migrated on first start), or a
    /// PostgreSQL URL (`postgres://user:password@host:port/database`) shared by
    /// any number of instances.
    #[arg(
        long,
        env = "KIOSK_DB",
        default_value = "data/kiosk.sqlite3",
        hide_env_values = true
    )]
    pub db: DbUrl,
    /// Folder of the built kiosk (Trunk's output).
    #[arg(long, env = "KIOSK_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Folder of the built back office console (Trunk's output of `console/`),
    /// served at `/console/`; when it is missing, `/console/` answers 404.
    #[arg(long, env = "KIOSK_CONSOLE_DIST", default_value = "console/dist")]
    pub console_dist: PathBuf,
    /// Insert the demo hall, services and kiosk `kiosk-1` if missing; prints a
    /// staff PIN and an operator token once, when it creates them.
    #[arg(long, env = "KIOSK_DEMO_DATA")]
    pub demo_data: bool,
    /// Another kiosk in the demo hall beside `kiosk-1`, for tests and multi-kiosk
    /// demos; repeatable (the variable takes a comma-separated list). Needs
    /// `--demo-data`.
    #[arg(
        long = "demo-kiosk",
        value_name = "ID",
        env = "KIOSK_DEMO_KIOSKS",
        value_delimiter = ',',
        value_parser = kiosk_id,
        requires = "demo_data"
    )]
    pub demo_kiosks: Vec<String>,
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
    /// Mark the console's session cookie `Secure` on every answer, not only on
    /// requests a proxy says came over TLS (`X-Forwarded-Proto: https`).
    #[arg(long, env = "KIOSK_CONSOLE_SECURE_COOKIES")]
    pub console_secure_cookies: bool,
    #[command(flatten)]
    pub speech: crate::speech::SpeechArgs,
}

impl Config {
    /// The defaults, with the given database and built kiosk.
    pub fn with_paths(db: DbUrl, dist: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db,
            dist: dist.into(),
            console_dist: PathBuf::from("console/dist"),
            demo_data: false,
            demo_kiosks: Vec::new(),
            operator_token: None,
            staff_pin: None,
            id_hash_key: None,
            standards: None,
            rate_limit_per_minute: 120,
            request_timeout_s: 15,
            console_secure_cookies: false,
            speech: crate::speech::SpeechArgs::default(),
        }
    }
}

/// Longest kiosk id, as the API accepts.
pub const KIOSK_ID_MAX: usize = 64;

/// A kiosk id of 1 to 64 characters out of `A-Z a-z 0-9 _ -`, so it can stand in
/// a URL path and a log line as it is.
pub fn kiosk_id(id: &str) -> Result<String, String> {
    if id.is_empty() || id.len() > KIOSK_ID_MAX {
        return Err(format!(
            "a kiosk id has 1 to {KIOSK_ID_MAX} characters, this one {}",
            id.len()
        ));
    }
    match id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        Some(c) => Err(format!(
            "a kiosk id has only letters A-Z, a-z, digits, '_' and '-', not {c:?}"
        )),
        None => Ok(id.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, clap::Error> {
        Config::try_parse_from(std::iter::once("kiosk-server").chain(args.iter().copied()))
    }

    #[test]
    fn demo_kiosks_are_repeated_or_comma_separated() {
        let config = parse(&[
            "--demo-data",
            "--demo-kiosk",
            "kiosk-2",
            "--demo-kiosk=kiosk_3,K4",
        ])
        .unwrap();
        assert_eq!(config.demo_kiosks, ["kiosk-2", "kiosk_3", "K4"]);
        assert!(parse(&["--demo-data"]).unwrap().demo_kiosks.is_empty());
    }

    #[test]
    fn a_demo_kiosk_needs_demo_data() {
        let err = parse(&["--demo-kiosk", "kiosk-2"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
        assert!(err.to_string().contains("--demo-data"), "{err}");
    }

    #[test]
    fn demo_kiosk_ids_are_checked_at_start_up() {
        let long = "k".repeat(KIOSK_ID_MAX + 1);
        for bad in ["", "kiosk 2", "kiosk/2", "киоск", "kiosk-2,", long.as_str()] {
            let err = parse(&["--demo-data", "--demo-kiosk", bad]).unwrap_err();
            assert_eq!(
                err.kind(),
                clap::error::ErrorKind::ValueValidation,
                "{bad:?}"
            );
        }
        let longest = "k".repeat(KIOSK_ID_MAX);
        assert!(parse(&["--demo-data", "--demo-kiosk", &longest]).is_ok());
    }

    #[test]
    fn kiosk_ids_are_letters_digits_underscores_and_hyphens() {
        assert_eq!(
            kiosk_id("Hall_2-kiosk-10"),
            Ok("Hall_2-kiosk-10".to_owned())
        );
        assert!(kiosk_id("kiosk.2").unwrap_err().contains("'.'"));
        assert!(kiosk_id("").unwrap_err().contains("1 to 64"));
    }
}
