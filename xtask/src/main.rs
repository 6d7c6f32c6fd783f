//! `cargo xtask run` and `cargo xtask test`: everything a fresh machine needs, done
//! idempotently, then build and serve, or the whole test suite with a summary.
//!
//! Tools come only from package registries: Debian (Chromium, ChromeDriver, CJK
//! fonts, PostgreSQL), crates.io (Trunk, wasm-bindgen-cli) and npm (Playwright, axe, binaryen's
//! wasm-opt; Chart.js for the console's charts). Nothing downloads a browser or
//! binary from anywhere else.

mod bench;
mod pg;
mod setup;
mod steps;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run [SERVER FLAGS…]  install what is missing, build the kiosk (release) and serve it
                       with the demo data on http://127.0.0.1:8080 (flags go to
                       kiosk-server, e.g. --addr 0.0.0.0:8080)
  test                 install what is missing, then fmt, clippy, native tests (the
                       server on SQLite, then again on a throw-away PostgreSQL
                       cluster), wasm tests in headless Chromium, release build,
                       Playwright E2E
  bench [--no-build] [NAME…]
                       install oha if missing, release build, then measure against
                       the budgets (payload, backend, cluster: two instances on
                       PostgreSQL, edge, cold start, tap-to-paint, soak; or only
                       those named; see BENCHMARKS.md); writes
                       target/bench/report.json
  postgres COMMAND…    start a throw-away PostgreSQL cluster and run COMMAND with
                       its URL in KIOSK_TEST_PG_URL; the cluster is deleted after
  setup                only install what is missing (what `test` needs)";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    // `cargo xtask run -- --addr …` and `cargo xtask run --addr …` mean the same.
    let rest: Vec<String> = args.skip_while(|a| a == "--").collect();
    match command.as_deref() {
        Some("run") => steps::serve(&rest),
        Some("test") => steps::test(),
        Some("bench") => bench::bench(&rest),
        // The booking and callback load generator `bench` runs pinned to a core.
        Some("load") => match bench::load::main(&rest) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("xtask load: {e}");
                ExitCode::FAILURE
            }
        },
        Some("postgres") => match pg::with_cluster(&rest) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("xtask postgres: {e}");
                ExitCode::FAILURE
            }
        },
        Some("setup") => match setup::for_tests() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("xtask setup: {e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
