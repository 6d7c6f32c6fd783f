//! The deployments beyond one PC, measured:
//!
//! - `cluster`: two central instances on one throw-away PostgreSQL cluster,
//!   bookings spread over both by the load generator as a load balancer would:
//!   durable bookings/s as fast as 32 connections go, then p99 at a fixed 200/s.
//!   Both instances, PostgreSQL and the load generator share this machine's two
//!   cores, so nothing is pinned.
//! - `edge`: a central (SQLite, core 0) and a kiosk edge in front of it (core 1):
//!   the latency the edge adds to a read and to a booking at a kiosk's pace
//!   (p50 through the edge minus p50 direct), and how long the outbox takes to
//!   drain 1,000 callback requests held while the central was away, once it
//!   answers again.

use std::{
    fs,
    path::Path,
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use super::{
    Row, Server,
    backend::{FIXED_RATE, Load, SECONDS, booking_plan, callback_plan, load_on, pinned, seats},
    get, get_with,
};
use crate::setup::{Result, root};

const BUDGET_CLUSTER_RPS: f64 = 500.0;
const BUDGET_CLUSTER_P99_MS: f64 = 50.0;
const BUDGET_EDGE_ADDED_P50_MS: f64 = 5.0;
/// A kiosk's pace, far above what visitors make, well below saturation.
const EDGE_RATE: f64 = 50.0;
const DRAIN_ITEMS: usize = 1000;
const OPERATOR_TOKEN: &str = "bench-operator";
/// The kiosk behind the edge, registered with a secret.
const EDGE_KIOSK: &str = "bench-edge";

fn free_port() -> Result<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn server_bin() -> std::path::PathBuf {
    root().join("target/server/kiosk-server")
}

/// Runs `command ARGS… --addr 127.0.0.1:PORT`, logging to target/bench/NAME.log,
/// and waits until `ready` answers 200.
fn spawn(mut command: Command, name: &str, port: u16, ready: &str) -> Result<Server> {
    let dir = root().join("target/bench");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let log = fs::File::create(dir.join(format!("{name}.log"))).map_err(|e| e.to_string())?;
    let child = command
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("kiosk-server: {e}"))?;
    let server = Server(child);
    for _ in 0..300 {
        if get(port, ready).is_ok_and(|(s, _, _)| s.contains(" 200 ")) {
            return Ok(server);
        }
        thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "kiosk-server did not start (see target/bench/{name}.log)"
    ))
}

fn central(command: Command, db: &str, dist: &Path, name: &str, port: u16) -> Result<Server> {
    let mut command = command;
    // The direct load speaks as `bench`, a local kiosk of the demo hall.
    command.args(["--db", db, "--dist"]).arg(dist).args([
        "--demo-data",
        "--demo-kiosk",
        "bench",
        "--rate-limit-per-minute",
        "0",
        "--operator-token",
        OPERATOR_TOKEN,
    ]);
    spawn(command, name, port, "/api/v1/health")
}

fn ms(x: f64) -> String {
    format!("{x:.1}")
}

/// Two instances on one PostgreSQL: durable bookings/s and p99 at 200/s.
pub fn cluster(rows: &mut Vec<Row>, json: &mut Vec<String>, dist: &Path) -> Result {
    let pg = crate::pg::Cluster::start()?;
    let (port_a, port_b) = (free_port()?, free_port()?);
    let a = central(
        Command::new(server_bin()),
        &pg.url,
        dist,
        "cluster-a",
        port_a,
    )?;
    let b = central(
        Command::new(server_bin()),
        &pg.url,
        dist,
        "cluster-b",
        port_b,
    )?;
    let addrs = format!("127.0.0.1:{port_a},127.0.0.1:{port_b}");
    let fixed_n = (FIXED_RATE * SECONDS) as usize;
    let seats = seats(port_a, 20_000 + fixed_n)?;
    let (for_max, for_fixed) = seats.split_at(seats.len() - fixed_n);
    let max = load_on(
        &addrs,
        &booking_plan(for_max, 5_000_000, "bench"),
        "cluster-max",
        &["--closed"],
        32,
    )?;
    let fixed = load_on(
        &addrs,
        &booking_plan(for_fixed, 6_000_000, "bench"),
        "cluster-fixed",
        &["--rate", &FIXED_RATE.to_string()],
        32,
    )?;
    drop((a, b));
    let rps = max.ok as f64 / max.seconds;
    json.push(format!(
        "\"cluster\": {{\"instances\": 2, \"max_rps\": {rps:.1}, \"max_sent\": {}, \
         \"max_errors\": {}, \"max_statuses\": \"{}\", \"max_p99_ms\": {:.2}, \
         \"fixed_rate\": {FIXED_RATE}, \"fixed_sent\": {}, \"fixed_errors\": {}, \
         \"fixed_p50_ms\": {:.2}, \"fixed_p99_ms\": {:.2}, \"fixed_max_ms\": {:.2}}}",
        max.sent,
        max.errors,
        max.statuses,
        max.p99,
        fixed.sent,
        fixed.errors,
        fixed.p50,
        fixed.p99,
        fixed.max
    ));
    rows.push(Row {
        name: "PostgreSQL, 2 instances: POST /appointments".into(),
        value: format!(
            "{rps:.0} req/s ({} sent, {} errors; p99 {} ms)",
            max.sent,
            max.errors,
            ms(max.p99)
        ),
        budget: format!("≥ {BUDGET_CLUSTER_RPS} req/s, 0 errors"),
        pass: rps >= BUDGET_CLUSTER_RPS && max.errors == 0,
    });
    rows.push(Row {
        name: format!("PostgreSQL, 2 instances: bookings at {FIXED_RATE}/s"),
        value: format!(
            "p99 {} ms (p50 {}, max {}; {} sent, {} errors)",
            ms(fixed.p99),
            ms(fixed.p50),
            ms(fixed.max),
            fixed.sent,
            fixed.errors
        ),
        budget: format!("p99 ≤ {BUDGET_CLUSTER_P99_MS} ms, 0 errors"),
        pass: fixed.p99 <= BUDGET_CLUSTER_P99_MS
            && fixed.errors == 0
            && fixed.sent as f64 >= FIXED_RATE * SECONDS * 0.99,
    });
    Ok(())
}

/// `kiosk-server admin kiosk add ID`: writes the printed secret to a key file.
fn add_kiosk(db: &str, id: &str) -> Result<std::path::PathBuf> {
    let out = Command::new(server_bin())
        .args([
            "admin",
            "--db",
            db,
            "kiosk",
            "add",
            id,
            "--hall",
            "demo-hall",
        ])
        .output()
        .map_err(|e| format!("admin: {e}"))?;
    let printed = String::from_utf8_lossy(&out.stdout);
    let secret = printed
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 64 && l.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| {
            format!(
                "admin kiosk add printed no secret: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })?;
    let file = root().join(format!("target/bench/{id}.key"));
    fs::write(&file, format!("{secret}\n")).map_err(|e| e.to_string())?;
    Ok(file)
}

fn edge(dist: &Path, upstream_port: u16, key: &Path, outbox: &Path, port: u16) -> Result<Server> {
    let mut command = pinned(1, &server_bin());
    command
        .args([
            "edge",
            "--upstream",
            &format!("http://127.0.0.1:{upstream_port}/"),
        ])
        .args(["--kiosk-id", EDGE_KIOSK, "--kiosk-key-file"])
        .arg(key)
        .arg("--outbox")
        .arg(outbox)
        .arg("--dist")
        .arg(dist)
        .args(["--upstream-timeout-s", "2"]);
    spawn(command, "edge", port, "/kiosk.json")
}

/// A fresh SQLite file under target/bench.
fn fresh_file(name: &str) -> Result<String> {
    let path = root().join(format!("target/bench/{name}"));
    fs::create_dir_all(root().join("target/bench")).map_err(|e| e.to_string())?;
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", path.display()));
    }
    Ok(path.display().to_string())
}

/// Held requests, from the edge's own status answer (`"outbox":N`).
fn outbox_depth(edge_port: u16) -> Option<usize> {
    let (status, _, body) = get(edge_port, &format!("/api/v1/kiosks/{EDGE_KIOSK}/status")).ok()?;
    if !status.contains(" 200 ") {
        return None;
    }
    let body = String::from_utf8_lossy(&body);
    body.split("\"outbox\":")
        .nth(1)?
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Callback requests in the central's queue (the operator desk's list).
fn queued(central_port: u16) -> Result<usize> {
    let (status, _, body) = get_with(
        central_port,
        "/api/v1/callbacks",
        &format!("Authorization: Bearer {OPERATOR_TOKEN}\r\n"),
    )?;
    if !status.contains(" 200 ") {
        return Err(format!("GET /callbacks: {status}"));
    }
    Ok(String::from_utf8_lossy(&body)
        .matches("\"reference\":")
        .count())
}

fn fixed(addr: &str, plan: &str, name: &str) -> Result<Load> {
    load_on(addr, plan, name, &["--rate", &EDGE_RATE.to_string()], 4)
}

/// What the edge adds, and how fast its outbox drains.
pub fn edge_bench(rows: &mut Vec<Row>, json: &mut Vec<String>, dist: &Path) -> Result {
    let db = fresh_file("edge-central.sqlite3")?;
    let central_port = free_port()?;
    let mut c = central(
        pinned(0, &server_bin()),
        &db,
        dist,
        "edge-central",
        central_port,
    )?;
    let key = add_kiosk(&db, EDGE_KIOSK)?;
    let outbox = fresh_file("edge-outbox.sqlite3")?;
    let edge_port = free_port()?;
    let e = edge(dist, central_port, &key, Path::new(&outbox), edge_port)?;
    let direct = format!("127.0.0.1:{central_port}");
    let via = format!("127.0.0.1:{edge_port}");

    let n = (EDGE_RATE * SECONDS) as usize;
    let reads: String = "/api/v1/halls\tGET\n".repeat(n);
    let read_direct = fixed(&direct, &reads, "edge-read-direct")?;
    let read_via = fixed(&via, &reads, "edge-read-via")?;
    let seats = seats(central_port, 2 * n)?;
    let (first, second) = seats.split_at(n);
    let book_direct = fixed(
        &direct,
        &booking_plan(first, 7_000_000, "bench"),
        "edge-book-direct",
    )?;
    let book_via = fixed(
        &via,
        &booking_plan(second, 7_500_000, EDGE_KIOSK),
        "edge-book-via",
    )?;
    let errors = read_direct.errors + read_via.errors + book_direct.errors + book_via.errors;
    let added_read = read_via.p50 - read_direct.p50;
    let added_book = book_via.p50 - book_direct.p50;

    // The central goes away; the edge holds what the kiosk sends meanwhile.
    drop(c);
    let plan = callback_plan(DRAIN_ITEMS, 8_000_000, EDGE_KIOSK);
    let held = load_on(&via, &plan, "edge-hold", &["--closed"], 4)?;
    let depth = outbox_depth(edge_port).unwrap_or(0);
    c = central(
        pinned(0, &server_bin()),
        &db,
        dist,
        "edge-central-2",
        central_port,
    )?;
    let back = Instant::now();
    // The kiosk's next status poll is the edge's first word with the central.
    let _ = get(edge_port, &format!("/api/v1/kiosks/{EDGE_KIOSK}/status"));
    let deadline = back + Duration::from_secs(300);
    let drained = loop {
        if outbox_depth(edge_port) == Some(0) {
            break Some(back.elapsed());
        }
        if Instant::now() > deadline {
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let arrived = queued(central_port)?;
    drop((e, c));

    json.push(format!(
        "\"edge\": {{\"rate\": {EDGE_RATE}, \"read_p50_direct_ms\": {:.2}, \
         \"read_p50_via_ms\": {:.2}, \"book_p50_direct_ms\": {:.2}, \"book_p50_via_ms\": {:.2}, \
         \"errors\": {errors}, \"held\": {}, \"held_statuses\": \"{}\", \"outbox_depth\": {depth}, \
         \"drain_s\": {}, \"arrived\": {arrived}}}",
        read_direct.p50,
        read_via.p50,
        book_direct.p50,
        book_via.p50,
        held.ok,
        held.statuses,
        drained.map_or("null".to_owned(), |d| format!("{:.2}", d.as_secs_f64()))
    ));
    rows.push(Row {
        name: format!("edge: added p50, GET /halls at {EDGE_RATE}/s"),
        value: format!(
            "{} ms ({} direct, {} via the edge)",
            ms(added_read),
            ms(read_direct.p50),
            ms(read_via.p50)
        ),
        budget: format!("≤ {BUDGET_EDGE_ADDED_P50_MS} ms, 0 errors"),
        pass: added_read <= BUDGET_EDGE_ADDED_P50_MS && errors == 0,
    });
    rows.push(Row {
        name: format!("edge: added p50, POST /appointments at {EDGE_RATE}/s"),
        value: format!(
            "{} ms ({} direct, {} via the edge)",
            ms(added_book),
            ms(book_direct.p50),
            ms(book_via.p50)
        ),
        budget: format!("≤ {BUDGET_EDGE_ADDED_P50_MS} ms, 0 errors"),
        pass: added_book <= BUDGET_EDGE_ADDED_P50_MS && errors == 0,
    });
    rows.push(Row {
        name: format!("edge: outbox drains {DRAIN_ITEMS} held callbacks"),
        value: match drained {
            Some(d) => format!(
                "{:.1} s ({} held as 202, {arrived} in the central's queue)",
                d.as_secs_f64(),
                held.ok
            ),
            None => format!("not drained in 300 s ({arrived} arrived)"),
        },
        budget: "reported; every one arrives once".into(),
        pass: drained.is_some() && held.ok == DRAIN_ITEMS && arrived == DRAIN_ITEMS,
    });
    Ok(())
}
