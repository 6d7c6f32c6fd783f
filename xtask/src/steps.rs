//! The two commands: build and serve, or test everything with a summary.

use std::{
    net::TcpListener,
    process::{Command, ExitCode},
    time::{Duration, Instant},
};

use crate::setup::{self, Result, e2e_dir, root, run, tool};

/// Builds the kiosk in release mode into `dist/` with Trunk, offline.
pub fn build_kiosk() -> Result {
    trunk_release(&root())
}

/// Builds the back office console in release mode into `console/dist/`.
pub fn build_console() -> Result {
    trunk_release(&root().join("console"))
}

/// Both web apps, as the server serves them.
pub fn build_web() -> Result {
    build_kiosk()?;
    build_console()
}

/// `trunk build --release --offline` of the app whose Trunk.toml is in `dir`.
fn trunk_release(dir: &std::path::Path) -> Result {
    run(tool("trunk")
        .args(["build", "--release", "--offline"])
        .current_dir(dir)
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        // Trunk's own flags, not ours: keep them out of its environment.
        .env_remove("CARGO_TARGET_DIR"))
}

/// Builds `target/server/kiosk-server` (the fast `server` profile).
pub fn build_server() -> Result {
    run(Command::new("cargo")
        .args([
            "build",
            "--locked",
            "--profile",
            "server",
            "-p",
            "kiosk-server",
        ])
        .current_dir(root()))
}

/// `cargo xtask run`: set up, build, and serve with the demo data.
pub fn run_command(server_args: &[String]) -> Result {
    setup::for_run()?;
    build_web()?;
    build_server()?;
    let server = root().join("target/server/kiosk-server");
    prerender_speech(&server, server_args)?;
    // Where it listens: `--addr` if passed through, else `KIOSK_ADDR`, else the
    // server's default.
    let addr = server_args
        .windows(2)
        .find(|pair| pair[0] == "--addr")
        .map(|pair| pair[1].clone())
        .or_else(|| std::env::var("KIOSK_ADDR").ok())
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    println!(
        "Starting the server; open http://{addr}/ (the console: /console/, its first \
         user from `kiosk-server admin user add`; Ctrl-C stops it)"
    );
    run(Command::new(server)
        .arg("--demo-data")
        .args(server_args)
        .current_dir(root()))
}

/// The kiosk's fixed texts rendered for the server's speech, as a deployment
/// does (a moment when they are there already), so the demo speaks in a browser
/// without voices too. Without espeak-ng, a hint instead: the server runs, and a
/// browser that has voices still speaks.
fn prerender_speech(server: &std::path::Path, server_args: &[String]) -> Result {
    let mut speech_args = Vec::new();
    for pair in server_args.windows(2) {
        if matches!(pair[0].as_str(), "--espeak" | "--speech-cache") {
            speech_args.extend_from_slice(pair);
        }
    }
    let espeak = speech_args
        .iter()
        .position(|a| a == "--espeak")
        .map_or("espeak-ng", |i| speech_args[i + 1].as_str());
    if Command::new(espeak).arg("--version").output().is_err() {
        println!(
            "{espeak} is not installed: the server's own speech is off (Debian: \
             `apt install espeak-ng`); kiosks whose browser has voices still speak"
        );
        return Ok(());
    }
    run(Command::new(server)
        .args(["speech", "prerender"])
        .args(&speech_args)
        .current_dir(root()))
}

pub fn serve(server_args: &[String]) -> ExitCode {
    match run_command(server_args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask run: {e}");
            ExitCode::FAILURE
        }
    }
}

fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(args).current_dir(root());
    cmd
}

/// A free loopback port for the end-to-end server.
pub fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn e2e() -> Result {
    run(&mut cargo(&["build", "--locked", "-p", "kiosk-server"]))?;
    let port = free_port()?;
    run(tool("npx")
        .args(["playwright", "test"])
        .current_dir(e2e_dir())
        .env("KIOSK_E2E_PORT", port.to_string())
        .env("KIOSK_SERVER_BIN", root().join("target/debug/kiosk-server"))
        .env("KIOSK_DIST", root().join("dist"))
        .env("KIOSK_CONSOLE_DIST", root().join("console/dist"))
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

struct Outcome {
    name: &'static str,
    result: Result,
    took: Duration,
}

/// `cargo xtask test`: every layer, continuing past failures so one run shows them
/// all; steps that need an earlier one are skipped when it failed.
pub fn test() -> ExitCode {
    let started = Instant::now();
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut step = |name: &'static str, f: &dyn Fn() -> Result| -> bool {
        println!("\n==> {name}");
        let t = Instant::now();
        let result = f();
        let ok = result.is_ok();
        if let Err(e) = &result {
            eprintln!("!!! {name} failed: {e}");
        }
        outcomes.push(Outcome {
            name,
            result,
            took: t.elapsed(),
        });
        ok
    };

    if step("set up tools", &setup::for_tests) {
        step("cargo fmt --check", &|| {
            run(&mut cargo(&["fmt", "--all", "--", "--check"]))
        });
        step("clippy (native)", &|| {
            run(&mut cargo(&[
                "clippy",
                "--locked",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        });
        step("clippy (wasm32)", &|| {
            run(&mut cargo(&[
                "clippy",
                "--locked",
                "-p",
                "legal-kiosk",
                "-p",
                "legal-kiosk-console",
                "--all-targets",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ]))
        });
        step("native tests (server on SQLite)", &|| {
            run(&mut cargo(&["test", "--locked", "--workspace"]))
        });
        step("server tests on PostgreSQL (throw-away cluster)", &|| {
            let cluster = crate::pg::Cluster::start()?;
            // The whole workspace, as in the step before: `-p kiosk-server` alone
            // unifies features differently and would rebuild every test binary.
            run(cargo(&["test", "--locked", "--workspace"])
                .env("KIOSK_TEST_DB", "postgres")
                .env("KIOSK_TEST_PG_URL", &cluster.url))
        });
        step("wasm-bindgen tests (headless Chromium)", &|| {
            let mut cmd = cargo(&[
                "test",
                "--locked",
                "-p",
                "legal-kiosk",
                "--target",
                "wasm32-unknown-unknown",
            ]);
            cmd.env("PATH", setup::tool_path())
                .env(
                    "CHROMEDRIVER",
                    std::env::var("CHROMEDRIVER")
                        .unwrap_or_else(|_| "/usr/bin/chromedriver".to_owned()),
                )
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
            run(&mut cmd)
        });
        let built = step("release build (trunk: kiosk and console)", &build_web);
        step("end-to-end (Playwright, real server)", &|| {
            if built {
                e2e()
            } else {
                Err("skipped: the release build failed".to_owned())
            }
        });
    }

    println!("\n==> summary");
    for o in &outcomes {
        let mark = if o.result.is_ok() { "ok  " } else { "FAIL" };
        println!("{mark} {:<42} {:>6.1} s", o.name, o.took.as_secs_f64());
    }
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    let passed = outcomes.len() - failed;
    println!("total {:.1} s", started.elapsed().as_secs_f64());
    println!("xtask: {passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
