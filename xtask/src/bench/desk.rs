//! The 12348 desk under a long queue. After the backend benchmark's callback
//! load, the central holds over 20,000 queued requests, as after a province-wide
//! outage when the edges deliver what they held. Every operator's desk reads the
//! queue every 30 seconds and after each claim and outcome, so its read must stay
//! quick however long the queue is: 4 desks read it as fast as they can for 10 s
//! (oha, pinned to the load core), signed in as an operator made with the CLI,
//! as the README says.

use std::{
    io::Write,
    path::Path,
    process::{Command, Stdio},
};

use super::{Row, backend::pinned, json_number as number, post_json};
use crate::setup::Result;

const BUDGET_RPS: f64 = 20.0;
const BUDGET_P99_MS: f64 = 500.0;
const USER: &str = "bench-op";
const PASSWORD: &str = "bench-operator-password";

/// Makes the operator and signs in: the session cookie.
fn operator_cookie(port: u16, server_bin: &Path, db: &Path) -> Result<String> {
    let mut child = Command::new(server_bin)
        .arg("admin")
        .arg("--db")
        .arg(db)
        .args([
            "user",
            "add",
            USER,
            "--name",
            "压测话务",
            "--role",
            "operator",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("kiosk-server admin: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASSWORD}").map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "admin user add: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let (status, headers, body) = post_json(
        port,
        "/api/v1/console/session",
        &format!(r#"{{"user":"{USER}","password":"{PASSWORD}"}}"#),
    )?;
    if !status.contains(" 200 ") {
        return Err(format!(
            "console sign-in: {status} {}",
            String::from_utf8_lossy(&body)
        ));
    }
    headers
        .iter()
        .find(|(k, _)| k == "set-cookie")
        .and_then(|(_, v)| v.split(';').next())
        .map(str::to_owned)
        .ok_or_else(|| "console sign-in set no cookie".to_owned())
}

pub fn run(
    rows: &mut Vec<Row>,
    json: &mut Vec<String>,
    port: u16,
    server_bin: &Path,
    db: &Path,
) -> Result {
    let cookie = operator_cookie(port, server_bin, db)?;
    let header = format!("Cookie: {cookie}\r\n");
    let (status, _, body) = super::get_with(port, "/api/v1/console/desk", &header)?;
    let body = String::from_utf8_lossy(&body);
    if !status.contains(" 200 ") {
        return Err(format!("GET /console/desk: {status} {body}"));
    }
    let waiting = number(&body, "total");
    let listed = body.matches("\"reference\":").count();
    let bytes = body.len();

    let oha = std::path::PathBuf::from(crate::setup::tool_path_lookup("oha"));
    let out = pinned(1, &oha)
        .args([
            "-z",
            "10s",
            "-c",
            "4",
            "--no-tui",
            "--output-format",
            "json",
        ])
        .arg("-H")
        .arg(format!("Cookie: {cookie}"))
        .arg(format!("http://127.0.0.1:{port}/api/v1/console/desk"))
        .output()
        .map_err(|e| format!("oha: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "oha failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let report = String::from_utf8_lossy(&out.stdout);
    let (rps, success, p50, p99) = (
        number(&report, "requestsPerSec"),
        number(&report, "successRate"),
        number(&report, "p50"),
        number(&report, "p99"),
    );
    json.push(format!(
        "\"desk_queue\": {{\"waiting\": {waiting}, \"listed\": {listed}, \"bytes\": {bytes}, \
         \"rps\": {rps:.1}, \"success_rate\": {success}, \"p50_ms\": {p50:.2}, \"p99_ms\": {p99:.2}}}"
    ));
    rows.push(Row {
        name: format!("12348 desk GET /console/desk, {waiting:.0} waiting, 4 desks"),
        value: format!(
            "{rps:.0} req/s, p50 {p50:.0} ms, p99 {p99:.0} ms ({listed} listed, {} KB, success {:.1} %)",
            bytes / 1000,
            success * 100.0
        ),
        budget: format!("≥ {BUDGET_RPS} req/s, p99 ≤ {BUDGET_P99_MS} ms"),
        pass: rps >= BUDGET_RPS && p99 <= BUDGET_P99_MS && success >= 1.0,
    });
    Ok(())
}
