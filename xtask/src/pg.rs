//! A throw-away PostgreSQL cluster for the tests: `initdb` into a temporary folder,
//! a server on a free loopback port, removed again when dropped. Never the
//! machine's own cluster, which the tests must neither need nor change.
//!
//! `initdb` and `postgres` refuse to run as root, so as root (CI) they run as the
//! `postgres` system user that Debian's package creates.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use crate::setup::{Result, run};

/// A running cluster; stopped (immediately, it holds nothing worth keeping) and
/// deleted on drop.
pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres: bool,
    /// Superuser URL of its `postgres` database.
    pub url: String,
    pub port: u16,
}

/// Where Debian puts the newest installed PostgreSQL's programs.
fn bin_dir() -> Result<PathBuf> {
    let mut dirs: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| format!("PostgreSQL is not installed (/usr/lib/postgresql: {e})"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    dirs.sort();
    dirs.pop()
        .map(|(_, bin)| bin)
        .ok_or_else(|| "no PostgreSQL server programs under /usr/lib/postgresql".to_owned())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Cluster {
    fn command(&self, program: &str) -> Command {
        command(&self.bin, self.as_postgres, program)
    }

    /// Starts a new cluster on a free port.
    pub fn start() -> Result<Self> {
        let bin = bin_dir()?;
        let as_postgres = is_root();
        let dir = std::env::temp_dir().join(format!(
            "legal-kiosk-pg-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(&dir))?;
        }
        let port = crate::steps::free_port()?;
        let mut cluster = Self {
            dir,
            bin,
            as_postgres,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            port,
        };
        let data = cluster.dir.join("data");
        let quiet = |mut cmd: Command| -> Result {
            let out = cmd
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .output()
                .map_err(|e| format!("could not start {cmd:?}: {e}"))?;
            if out.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "{cmd:?} failed: {}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ))
            }
        };
        let mut initdb = cluster.command("initdb");
        initdb.arg("-D").arg(&data).args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
        ]);
        quiet(initdb)?;
        let mut pg_ctl = cluster.command("pg_ctl");
        pg_ctl
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(cluster.dir.join("log"))
            .arg("-w")
            .arg("-o")
            .arg(format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300",
                cluster.dir.display()
            ))
            .arg("start");
        if let Err(e) = quiet(pg_ctl) {
            let log = std::fs::read_to_string(cluster.dir.join("log")).unwrap_or_default();
            cluster.port = 0;
            return Err(format!("{e}\nserver log:\n{log}"));
        }
        println!(
            "PostgreSQL test cluster at {} (data in {})",
            cluster.url,
            data.display()
        );
        Ok(cluster)
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }
}

fn command(bin: &Path, as_postgres: bool, program: &str) -> Command {
    if as_postgres {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(bin.join(program));
        cmd
    } else {
        Command::new(bin.join(program))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.port != 0 {
            let _ = self
                .command("pg_ctl")
                .arg("-D")
                .arg(self.data_dir())
                .args(["-m", "immediate", "-w", "stop"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `cargo xtask postgres COMMAND…`: runs one command with a cluster's URL in
/// `KIOSK_TEST_PG_URL` (`cargo xtask postgres bash` to try the central server by
/// hand), then deletes the cluster.
pub fn with_cluster(args: &[String]) -> Result {
    let (program, rest) = args
        .split_first()
        .ok_or("give the command to run, e.g. `cargo xtask postgres bash`")?;
    let cluster = Cluster::start()?;
    run(Command::new(program)
        .args(rest)
        .env("KIOSK_TEST_PG_URL", &cluster.url))
}
