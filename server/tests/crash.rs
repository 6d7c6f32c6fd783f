//! The real binary killed with SIGKILL while bookings stream in: every booking
//! that was answered 201 is in the database afterwards, a SQLite file passes
//! SQLite's integrity check, and the server starts again on it and finds the
//! bookings. On PostgreSQL (`KIOSK_TEST_DB=postgres`) the same, on a database of
//! the test server.

mod common;

use std::{
    net::SocketAddr,
    path::Path,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use common::proc::{self, Server, get_json, http};
use serde_json::{Value, json};

const CYCLES: usize = 3;
/// Bookings confirmed in a cycle before the server is killed…
const CONFIRMED_BEFORE_KILL: usize = 30;
/// …or after this long, whichever comes first.
const STREAM_FOR: Duration = Duration::from_millis(1500);
const CLIENT_THREADS: usize = 4;
/// No new cycle starts after this, to keep the test short.
const TIME_BUDGET: Duration = Duration::from_secs(25);

/// Starts the binary on `db` and waits until `/health` answers 200.
fn start(dir: &Path, db: &str, run: usize) -> Server {
    let dist = dir.join("dist");
    proc::start(
        &[
            "--db",
            db,
            "--dist",
            dist.to_str().unwrap(),
            "--demo-data",
            "--rate-limit-per-minute",
            "0",
        ],
        &dir.join(format!("server-{run}")),
        "/api/v1/health",
        None,
    )
}

/// One free seat per entry: (service, slot start), for services needing no ID number.
fn free_seats(addr: SocketAddr) -> Vec<(String, String)> {
    let services = get_json(addr, "/api/v1/services");
    let mut seats = Vec::new();
    for service in services
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["requires_id_number"] == false)
        .take(4)
    {
        let id = service["id"].as_str().unwrap();
        let slots = get_json(
            addr,
            &format!("/api/v1/halls/demo-hall/slots?service={id}&days=14"),
        );
        for slot in slots.as_array().unwrap() {
            for _ in 0..slot["remaining"].as_u64().unwrap() {
                seats.push((id.to_owned(), slot["start"].as_str().unwrap().to_owned()));
            }
        }
    }
    // Popped from the end: the earliest slots are booked first.
    seats.sort_by(|a, b| (&b.1, &b.0).cmp(&(&a.1, &a.0)));
    seats
}

/// A booking answered 201.
#[derive(Clone, Debug)]
struct Confirmed {
    reference: String,
    phone: String,
}

#[derive(Default)]
struct Tally {
    sent: AtomicUsize,
    in_flight: AtomicUsize,
    confirmed: AtomicUsize,
    refused: AtomicUsize,
    server_errors: AtomicUsize,
    unanswered: AtomicUsize,
}

/// Streams bookings from several threads until `stop`; returns the confirmed ones.
fn stream_bookings(
    addr: SocketAddr,
    seats: Vec<(String, String)>,
    phones: &Arc<AtomicU64>,
    tally: &Arc<Tally>,
    stop: &Arc<AtomicBool>,
) -> Vec<thread::JoinHandle<Vec<Confirmed>>> {
    let seats = Arc::new(Mutex::new(seats));
    (0..CLIENT_THREADS)
        .map(|_| {
            let (seats, phones, tally, stop) = (
                Arc::clone(&seats),
                Arc::clone(phones),
                Arc::clone(tally),
                Arc::clone(stop),
            );
            thread::spawn(move || {
                let mut mine = Vec::new();
                while !stop.load(Ordering::SeqCst) {
                    let Some((service, start)) = seats.lock().unwrap().pop() else {
                        break;
                    };
                    let phone = format!("139{:08}", phones.fetch_add(1, Ordering::SeqCst));
                    let body = json!({
                        "hall_id": "demo-hall",
                        "service_id": service,
                        "slot_start": start,
                        "name": "李四",
                        "phone": phone,
                        "language": "zh-CN",
                        "consent_version": "2026-11",
                        "kiosk_id": "kiosk-1",
                    });
                    let key = uuid::Uuid::new_v4().to_string();
                    tally.sent.fetch_add(1, Ordering::SeqCst);
                    tally.in_flight.fetch_add(1, Ordering::SeqCst);
                    let answer = http(
                        addr,
                        "POST",
                        "/api/v1/appointments",
                        &[("Idempotency-Key", &key)],
                        Some(&body),
                    );
                    tally.in_flight.fetch_sub(1, Ordering::SeqCst);
                    match answer {
                        Ok((201, body)) => {
                            let v: Value = serde_json::from_slice(&body).unwrap();
                            mine.push(Confirmed {
                                reference: v["reference"].as_str().unwrap().to_owned(),
                                phone,
                            });
                            tally.confirmed.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok((status, _)) if status >= 500 => {
                            tally.server_errors.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok(_) => {
                            tally.refused.fetch_add(1, Ordering::SeqCst);
                        }
                        // The server died under this request (or before it).
                        Err(_) => {
                            tally.unanswered.fetch_add(1, Ordering::SeqCst);
                            break;
                        }
                    }
                }
                mine
            })
        })
        .collect()
}

/// What the database says after the crash: references missing among
/// `confirmed`, integrity check, rows, seats taken, standing bookings.
fn inspect(db: &str, confirmed: &[Confirmed]) -> (usize, String, u64, u64, u64) {
    if db.starts_with("postgres") {
        return inspect_postgres(db, confirmed);
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let mut find = conn
        .prepare("SELECT COUNT(*) FROM appointments WHERE reference = ?1")
        .unwrap();
    let missing = confirmed
        .iter()
        .filter(|c| {
            find.query_row([&c.reference], |r| r.get::<_, u64>(0))
                .unwrap()
                != 1
        })
        .count();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, u64>(0)).unwrap();
    let rows = count("SELECT COUNT(*) FROM appointments");
    let taken = count("SELECT COALESCE(SUM(taken), 0) FROM slot_seats");
    let booked = count("SELECT COUNT(*) FROM appointments WHERE status = 'booked'");
    (missing, integrity, rows, taken, booked)
}

/// PostgreSQL's own recovery makes a file check meaningless: the integrity part
/// is a query that must succeed on every table the booking touches.
fn inspect_postgres(db: &str, confirmed: &[Confirmed]) -> (usize, String, u64, u64, u64) {
    let mut client = postgres::Client::connect(db, postgres::NoTls).unwrap();
    let references: Vec<String> = confirmed.iter().map(|c| c.reference.clone()).collect();
    let found: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM appointments WHERE reference = ANY($1)",
            &[&references],
        )
        .unwrap()
        .get(0);
    let mut count = |sql: &str| -> u64 {
        let n: i64 = client.query_one(sql, &[]).unwrap().get(0);
        u64::try_from(n).unwrap()
    };
    let rows = count("SELECT COUNT(*) FROM appointments");
    let taken = count("SELECT COALESCE(SUM(taken), 0)::BIGINT FROM slot_seats");
    let booked = count("SELECT COUNT(*) FROM appointments WHERE status = 'booked'");
    let missing = confirmed.len() - usize::try_from(found).unwrap();
    (missing, "ok".to_owned(), rows, taken, booked)
}

fn lookup(addr: SocketAddr, booking: &Confirmed) -> (u16, Value) {
    let (status, body) = http(
        addr,
        "POST",
        "/api/v1/appointments/lookup",
        &[],
        Some(&json!({ "reference": booking.reference, "phone": booking.phone })),
    )
    .unwrap();
    (status, serde_json::from_slice(&body).unwrap_or_default())
}

#[test]
fn confirmed_bookings_survive_sigkill_and_the_server_restarts_on_the_same_file() {
    let test_started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let db: String = match common::backend() {
        kiosk_server::db::Dialect::Sqlite => dir.path().join("kiosk.sqlite3").display().to_string(),
        kiosk_server::db::Dialect::Postgres => common::new_pg_database(),
    };
    let mut server = start(dir.path(), &db, 0);
    let phones = Arc::new(AtomicU64::new(0));
    let mut confirmed: Vec<Confirmed> = Vec::new();
    let mut unanswered_total = 0;
    for cycle in 1..=CYCLES {
        if cycle > 1 && test_started.elapsed() > TIME_BUDGET {
            println!("cycle {cycle}: skipped, the time budget is spent");
            break;
        }
        let cycle_started = Instant::now();
        let seats = free_seats(server.addr);
        if seats.is_empty() {
            assert_eq!(cycle, 1, "cycle {cycle}: no free seats left");
            println!(
                "SKIPPED: the demo hall has no future slots in the next 14 days by the real clock"
            );
            return;
        }
        let seats_offered = seats.len();
        let tally = Arc::new(Tally::default());
        let stop = Arc::new(AtomicBool::new(false));
        let streamed = Instant::now();
        let clients = stream_bookings(server.addr, seats, &phones, &tally, &stop);
        while tally.confirmed.load(Ordering::SeqCst) < CONFIRMED_BEFORE_KILL
            && streamed.elapsed() < STREAM_FOR
        {
            thread::sleep(Duration::from_millis(1));
        }
        let in_flight_at_kill = tally.in_flight.load(Ordering::SeqCst);
        server.child.kill().unwrap(); // SIGKILL on unix
        server.child.wait().unwrap();
        stop.store(true, Ordering::SeqCst);
        let this_cycle: Vec<Confirmed> = clients
            .into_iter()
            .flat_map(|c| c.join().expect("client thread"))
            .collect();
        confirmed.extend(this_cycle.iter().cloned());
        let unanswered = tally.unanswered.load(Ordering::SeqCst);
        unanswered_total += unanswered;

        let (missing, integrity, rows, taken, booked) = inspect(&db, &confirmed);
        println!(
            "cycle {cycle}: {seats_offered} free seats, {} sent, {} confirmed (201), {} refused, \
             {} × 5xx, {in_flight_at_kill} in flight at SIGKILL, {unanswered} unanswered; \
             DB: {rows} rows for {} confirmed so far, missing = {missing}, \
             integrity_check = {integrity}, seats taken = {taken}, booked = {booked}",
            tally.sent.load(Ordering::SeqCst),
            this_cycle.len(),
            tally.refused.load(Ordering::SeqCst),
            tally.server_errors.load(Ordering::SeqCst),
            confirmed.len(),
        );
        assert!(
            !this_cycle.is_empty(),
            "cycle {cycle}: nothing was confirmed"
        );
        assert_eq!(
            tally.server_errors.load(Ordering::SeqCst),
            0,
            "cycle {cycle}: 5xx answers"
        );
        assert_eq!(missing, 0, "cycle {cycle}: confirmed bookings lost");
        assert_eq!(integrity, "ok", "cycle {cycle}");
        assert!(
            rows <= (confirmed.len() + unanswered_total) as u64,
            "cycle {cycle}: {rows} rows, more than the requests that could have committed"
        );
        assert_eq!(taken, booked, "cycle {cycle}: seats and bookings disagree");

        server = start(dir.path(), &db, cycle);
        let health = get_json(server.addr, "/api/v1/health");
        assert_eq!(health["status"], "ok");
        assert_eq!(health["db"], "ok");
        for booking in [this_cycle.first(), this_cycle.last(), confirmed.first()]
            .into_iter()
            .flatten()
        {
            let (status, body) = lookup(server.addr, booking);
            assert_eq!(status, 200, "cycle {cycle}: lookup of {booking:?}: {body}");
            assert_eq!(body["reference"], booking.reference.as_str());
            assert_eq!(body["status"], "booked");
        }
        println!(
            "cycle {cycle}: restarted, health ok, lookups ok, {} ms",
            cycle_started.elapsed().as_millis()
        );
    }
    println!(
        "{} bookings confirmed over the cycles, none missing, in {} ms",
        confirmed.len(),
        test_started.elapsed().as_millis()
    );
}
