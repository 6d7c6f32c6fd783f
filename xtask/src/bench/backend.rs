//! The backend benchmark: kiosk-server pinned to core 0 with a fresh database
//! (`synchronous=FULL`, as shipped), the load generators pinned to core 1.
//!
//! - `GET /api/v1/health` with oha (crates.io), 50 connections for 10 s: req/s.
//! - `POST /api/v1/appointments` and `POST /api/v1/callbacks` with `cargo xtask
//!   load` (see `load.rs` for why not oha): as fast as 32 connections go for 10 s
//!   (req/s), then at a fixed 200/s for 10 s (p99). Every request has its own
//!   idempotency key and phone, and the bookings are spread over real slots of the
//!   demo hall (fetched from the API) within their capacity, so none is refused.
//! - Then the 12348 desk's queue, with those callbacks waiting (`desk.rs`).

use std::{
    fs,
    path::Path,
    process::{Command, Stdio},
};

use super::{Row, Server, get_body, start_server};
use crate::setup::{Result, root};

const BUDGET_HEALTH_RPS: f64 = 10_000.0;
const BUDGET_WRITE_RPS: f64 = 300.0;
const BUDGET_WRITE_P99_MS: f64 = 50.0;
pub(super) const FIXED_RATE: f64 = 200.0;
pub(super) const SECONDS: f64 = 10.0;

/// `taskset -c CORE program`: pinning keeps server and load off each other's core.
pub(super) fn pinned(core: u32, program: &Path) -> Command {
    let mut cmd = Command::new("taskset");
    cmd.arg("-c").arg(core.to_string()).arg(program);
    cmd
}

/// Services bookable without an ID number, from `GET /services`.
fn services(port: u16) -> Result<Vec<String>> {
    let body = get_body(port, "/api/v1/services")?;
    Ok(body
        .split("{\"id\":\"")
        .skip(1)
        .filter(|chunk| chunk.contains("\"requires_id_number\":false"))
        .filter_map(|chunk| chunk.split('"').next().map(str::to_owned))
        .collect())
}

/// Free seats as (service, slot start) repeated per place left, from `GET
/// /halls/demo-hall/slots`, 14 days at a time, until there are `want`.
pub(super) fn seats(port: u16, want: usize) -> Result<Vec<(String, String)>> {
    let services = services(port)?;
    if services.is_empty() {
        return Err("the demo hall offers no service without an ID number".into());
    }
    let mut seats = Vec::new();
    let mut from = String::new();
    for _window in 0..60 {
        let mut last_start = String::new();
        for service in &services {
            let query = if from.is_empty() {
                format!("/api/v1/halls/demo-hall/slots?service={service}&days=14")
            } else {
                format!("/api/v1/halls/demo-hall/slots?service={service}&days=14&from={from}")
            };
            let body = get_body(port, &query)?;
            for slot in body.split("{\"start\":\"").skip(1) {
                let start = slot.split('"').next().unwrap_or_default().to_owned();
                let remaining: usize = slot
                    .split("\"remaining\":")
                    .nth(1)
                    .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                for _ in 0..remaining {
                    seats.push((service.clone(), start.clone()));
                }
                last_start = last_start.max(start);
            }
        }
        if seats.len() >= want {
            return Ok(seats);
        }
        // The next window starts the day after the last slot seen.
        let Some(day) = next_day(&last_start) else {
            break;
        };
        from = day;
    }
    Err(format!("only {} free seats in the demo hall", seats.len()))
}

/// The ISO date after an RFC 3339 time's date.
fn next_day(rfc3339: &str) -> Option<String> {
    let date = rfc3339.get(..10)?;
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let (y, m, d) = if d < days_in[(m - 1) as usize] {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// A phone of its own for request `n` of the whole run.
fn phone(n: usize) -> String {
    format!("139{n:08}")
}

/// Bookings made at `kiosk`, one per seat.
pub(super) fn booking_plan(seats: &[(String, String)], first_phone: usize, kiosk: &str) -> String {
    seats
        .iter()
        .enumerate()
        .map(|(i, (service, start))| {
            format!(
                "/api/v1/appointments\t{{\"hall_id\":\"demo-hall\",\"service_id\":\"{service}\",\
                 \"slot_start\":\"{start}\",\"name\":\"压测用户\",\"phone\":\"{}\",\
                 \"language\":\"zh-CN\",\"consent_version\":\"bench\",\"kiosk_id\":\"{kiosk}\"}}\n",
                phone(first_phone + i)
            )
        })
        .collect()
}

/// Callback requests made at `kiosk`.
pub(super) fn callback_plan(count: usize, first_phone: usize, kiosk: &str) -> String {
    (0..count)
        .map(|i| {
            format!(
                "/api/v1/callbacks\t{{\"phone\":\"{}\",\"topic\":\"labour\",\"preferred\":\"asap\",\
                 \"language\":\"zh-CN\",\"consent_version\":\"bench\",\"kiosk_id\":\"{kiosk}\"}}\n",
                phone(first_phone + i)
            )
        })
        .collect()
}

/// One `cargo xtask load` figure line.
pub(super) struct Load {
    pub sent: usize,
    pub ok: usize,
    pub errors: usize,
    pub seconds: f64,
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
    pub statuses: String,
}

fn load(port: u16, plan: &str, name: &str, mode: &[&str]) -> Result<Load> {
    load_on(&format!("127.0.0.1:{port}"), plan, name, mode, 32)
}

/// `cargo xtask load` on core 1 against `addrs` (comma-separated).
pub(super) fn load_on(
    addrs: &str,
    plan: &str,
    name: &str,
    mode: &[&str],
    connections: usize,
) -> Result<Load> {
    let dir = root().join("target/bench");
    let file = dir.join(format!("plan-{name}.tsv"));
    fs::write(&file, plan).map_err(|e| format!("{}: {e}", file.display()))?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = pinned(1, &exe)
        .arg("load")
        .args(["--addr", addrs, "--plan"])
        .arg(&file)
        .args(["--seconds", &SECONDS.to_string()])
        .args(["--connections", &connections.to_string()])
        .args(mode)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("load: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let f: Vec<&str> = text.split_whitespace().collect();
    if !out.status.success() || f.len() < 7 {
        return Err(format!("load {name} failed: {text}"));
    }
    let num = |i: usize| f[i].parse::<f64>().unwrap_or(f64::NAN);
    Ok(Load {
        sent: num(0) as usize,
        ok: num(1) as usize,
        errors: num(2) as usize,
        seconds: num(3),
        p50: num(4),
        p99: num(5),
        max: num(6),
        statuses: f.get(7).copied().unwrap_or("").to_owned(),
    })
}

/// oha on `GET /health`: (req/s, success rate, p99 ms).
fn oha_health(port: u16) -> Result<(f64, f64, f64)> {
    let oha = std::path::PathBuf::from(crate::setup::tool_path_lookup("oha"));
    let out = pinned(1, &oha)
        .args([
            "-z",
            "10s",
            "-c",
            "50",
            "--no-tui",
            "--output-format",
            "json",
        ])
        .arg(format!("http://127.0.0.1:{port}/api/v1/health"))
        .output()
        .map_err(|e| format!("oha: {e}"))?;
    let json = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "oha failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // oha 1.16's first "p99" is in `metrics.latency_ms`.
    let field = |name| super::json_number(&json, name);
    Ok((field("requestsPerSec"), field("successRate"), field("p99")))
}

pub(super) fn write_rows(
    rows: &mut Vec<Row>,
    json: &mut Vec<String>,
    what: &str,
    max: &Load,
    fixed: &Load,
) {
    let rps = max.ok as f64 / max.seconds;
    json.push(format!(
        "\"{what}\": {{\"max_rps\": {rps:.1}, \"max_sent\": {}, \"max_errors\": {}, \
         \"max_statuses\": \"{}\", \"fixed_rate\": {FIXED_RATE}, \"fixed_sent\": {}, \
         \"fixed_errors\": {}, \"fixed_p50_ms\": {:.2}, \"fixed_p99_ms\": {:.2}, \
         \"fixed_max_ms\": {:.2}, \"fixed_statuses\": \"{}\"}}",
        max.sent,
        max.errors,
        max.statuses,
        fixed.sent,
        fixed.errors,
        fixed.p50,
        fixed.p99,
        fixed.max,
        fixed.statuses
    ));
    rows.push(Row {
        name: format!("backend POST /{what}, 32 connections"),
        value: format!(
            "{rps:.0} req/s ({} sent, {} errors; p99 {:.1} ms)",
            max.sent, max.errors, max.p99
        ),
        budget: format!("≥ {BUDGET_WRITE_RPS} req/s, 0 errors"),
        pass: rps >= BUDGET_WRITE_RPS && max.errors == 0,
    });
    rows.push(Row {
        name: format!("backend POST /{what} at {FIXED_RATE}/s"),
        value: format!(
            "p99 {:.1} ms (p50 {:.1}, max {:.1}; {} sent, {} errors)",
            fixed.p99, fixed.p50, fixed.max, fixed.sent, fixed.errors
        ),
        budget: format!("p99 ≤ {BUDGET_WRITE_P99_MS} ms, 0 errors"),
        pass: fixed.p99 <= BUDGET_WRITE_P99_MS
            && fixed.errors == 0
            && fixed.sent as f64 >= FIXED_RATE * SECONDS * 0.99,
    });
}

/// Runs the backend benchmark and adds its rows.
pub fn run(rows: &mut Vec<Row>, json: &mut Vec<String>, dist: &Path) -> Result {
    let server_bin = root().join("target/server/kiosk-server");
    let (server, port): (Server, u16) = start_server(
        dist,
        "backend",
        Some(pinned(0, &server_bin)),
        // The load speaks as kiosk `bench`, a local kiosk of the demo hall.
        &[
            "--demo-data",
            "--demo-kiosk",
            "bench",
            "--rate-limit-per-minute",
            "0",
        ],
    )?;

    let (rps, success, p99) = oha_health(port)?;
    json.push(format!(
        "\"health\": {{\"rps\": {rps:.1}, \"success_rate\": {success}, \"p99_ms\": {p99:.2}}}"
    ));
    rows.push(Row {
        name: "backend GET /health (oha, 50 connections)".into(),
        value: format!(
            "{rps:.0} req/s (success {:.1} %, p99 {p99:.1} ms)",
            success * 100.0
        ),
        budget: format!("≥ {BUDGET_HEALTH_RPS} req/s"),
        pass: rps >= BUDGET_HEALTH_RPS && success >= 1.0,
    });

    // Enough seats for a fast server at full speed, then the fixed rate.
    let fixed_n = (FIXED_RATE * SECONDS) as usize;
    let seats = seats(port, 20_000 + fixed_n)?;
    let (for_max, for_fixed) = seats.split_at(seats.len() - fixed_n);
    let max = load(
        port,
        &booking_plan(for_max, 0, "bench"),
        "appointments-max",
        &["--closed"],
    )?;
    let fixed = load(
        port,
        &booking_plan(for_fixed, 1_000_000, "bench"),
        "appointments-fixed",
        &["--rate", &FIXED_RATE.to_string()],
    )?;
    write_rows(rows, json, "appointments", &max, &fixed);

    let max = load(
        port,
        &callback_plan(20_000, 2_000_000, "bench"),
        "callbacks-max",
        &["--closed"],
    )?;
    let fixed = load(
        port,
        &callback_plan(fixed_n, 3_000_000, "bench"),
        "callbacks-fixed",
        &["--rate", &FIXED_RATE.to_string()],
    )?;
    write_rows(rows, json, "callbacks", &max, &fixed);
    // Those callbacks now wait in the 12348 queue: the desk reads it.
    super::desk::run(
        rows,
        json,
        port,
        &server_bin,
        &root().join("target/bench/backend.sqlite3"),
    )?;
    drop(server);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::next_day;

    #[test]
    fn next_day_rolls_over_months_years_and_leap_days() {
        assert_eq!(
            next_day("2026-11-30T09:00:00+08:00").as_deref(),
            Some("2026-12-01")
        );
        assert_eq!(
            next_day("2026-12-31T09:00:00+08:00").as_deref(),
            Some("2027-01-01")
        );
        assert_eq!(
            next_day("2028-02-28T09:00:00+08:00").as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(
            next_day("2027-02-28T09:00:00+08:00").as_deref(),
            Some("2027-03-01")
        );
        assert_eq!(next_day("2026-01-15").as_deref(), Some("2026-01-16"));
        assert_eq!(next_day("garbage"), None);
    }
}
