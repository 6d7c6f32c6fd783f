//! Two real central instances on one PostgreSQL database behave as one: started
//! together they migrate once; 200 visitors racing for a 3-seat slot over both
//! get exactly 3 bookings; one `Idempotency-Key` sent 50 times over both makes one
//! row; the staff PIN lockout counts attempts made at either; and an instance
//! SIGKILLed again and again under booking load loses no confirmed booking.
//!
//! PostgreSQL only: on SQLite (the first run of the suite) each test says so and
//! returns; `cargo xtask test` runs it again on a throw-away PostgreSQL cluster.

mod common;

use std::{
    collections::BTreeMap,
    net::SocketAddr,
    path::Path,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use common::proc::{self, Server, get_json, http};
use kiosk_server::db::Dialect;
use serde_json::{Value, json};

const STAFF_PIN: &str = "246810";

/// A new database on the test server, or `None` (with a note) on SQLite.
fn postgres_database(test: &str) -> Option<String> {
    if common::backend() == Dialect::Sqlite {
        println!("{test}: PostgreSQL only; `cargo xtask test` runs it in its PostgreSQL step");
        return None;
    }
    Some(common::new_pg_database())
}

/// Starts one central instance on `db`.
fn start(dir: &Path, db: &str, name: &str, addr: Option<SocketAddr>) -> Server {
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    proc::start(
        &[
            "--db",
            db,
            "--dist",
            dist.to_str().unwrap(),
            "--demo-data",
            "--staff-pin",
            STAFF_PIN,
            "--rate-limit-per-minute",
            "0",
        ],
        &dir.join(name),
        "/api/v1/health",
        addr,
    )
}

/// Two instances started at the same moment, as a restarted cluster would be.
fn start_both(dir: &Path, db: &str) -> (Server, Server) {
    let (a, b) = thread::scope(|s| {
        let a = s.spawn(|| start(dir, db, "a", None));
        let b = s.spawn(|| start(dir, db, "b", None));
        (a.join().unwrap(), b.join().unwrap())
    });
    (a, b)
}

fn pg(db: &str) -> postgres::Client {
    postgres::Client::connect(db, postgres::NoTls).unwrap()
}

fn count(db: &str, sql: &str) -> i64 {
    pg(db).query_one(sql, &[]).unwrap().get(0)
}

/// The first future consultation slot whose 3 seats are all free.
fn free_three_seat_slot(addr: SocketAddr) -> Option<String> {
    let slots = get_json(
        addr,
        "/api/v1/halls/demo-hall/slots?service=consultation&days=14",
    );
    slots
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["capacity"] == 3 && s["remaining"] == 3)
        .map(|s| s["start"].as_str().unwrap().to_owned())
}

fn booking(start: &str, phone: &str) -> Value {
    json!({
        "hall_id": "demo-hall",
        "service_id": "consultation",
        "slot_start": start,
        "name": "李四",
        "phone": phone,
        "language": "zh-CN",
        "consent_version": "2026-11",
        "kiosk_id": "kiosk-1",
    })
}

fn book(addr: SocketAddr, body: &Value, key: &str) -> std::io::Result<(u16, Vec<u8>)> {
    http(
        addr,
        "POST",
        "/api/v1/appointments",
        &[("Idempotency-Key", key)],
        Some(body),
    )
}

fn request_code(body: &[u8]) -> String {
    let v: Value = serde_json::from_slice(body).unwrap_or_default();
    v["errors"]["request"][0]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Sends `requests` (instance, body, key) from `threads` threads at once.
fn send_all(requests: Vec<(SocketAddr, Value, String)>, threads: usize) -> Vec<(u16, Vec<u8>)> {
    let queue = Mutex::new(requests.into_iter().enumerate().collect::<Vec<_>>());
    let answers = Mutex::new(Vec::new());
    let go = std::sync::Barrier::new(threads);
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                go.wait();
                loop {
                    let Some((i, (addr, body, key))) = queue.lock().unwrap().pop() else {
                        break;
                    };
                    let answer = book(addr, &body, &key).expect("the instance answers");
                    answers.lock().unwrap().push((i, answer));
                }
            });
        }
    });
    let mut answers = answers.into_inner().unwrap();
    answers.sort_by_key(|a| a.0);
    answers.into_iter().map(|a| a.1).collect()
}

#[test]
fn two_instances_started_together_migrate_once_and_never_overbook_a_slot() {
    let Some(db) = postgres_database("two instances, one slot") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = start_both(dir.path(), &db);
    let versions = count(&db, "SELECT COUNT(*) FROM schema_version");
    let version = count(&db, "SELECT MAX(version) FROM schema_version");
    let halls = count(&db, "SELECT COUNT(*) FROM halls");
    println!(
        "started together: schema_version has {versions} row(s), version {version}; {halls} hall(s)"
    );
    assert_eq!(versions, 1, "one schema version row");
    assert_eq!(
        version,
        i64::try_from(kiosk_server::db::schema_version()).unwrap()
    );
    assert_eq!(halls, 1, "the demo hall inserted once");

    let Some(start) = free_three_seat_slot(a.addr) else {
        println!("SKIPPED: no free 3-seat slot in the next 14 days by the real clock");
        return;
    };
    let requests = (0..200)
        .map(|n| {
            let addr = if n % 2 == 0 { a.addr } else { b.addr };
            (addr, booking(&start, &format!("139{n:08}")), common::key())
        })
        .collect();
    let started = Instant::now();
    let answers = send_all(requests, 32);
    let took = started.elapsed();
    let mut by_status: BTreeMap<(u16, String), usize> = BTreeMap::new();
    for (status, body) in &answers {
        *by_status.entry((*status, request_code(body))).or_default() += 1;
    }
    let created = answers.iter().filter(|a| a.0 == 201).count();
    let full = by_status
        .get(&(409, "slot_full".to_owned()))
        .copied()
        .unwrap_or(0);
    let rows = count(
        &db,
        &format!("SELECT COUNT(*) FROM appointments WHERE slot_start = '{start}'"),
    );
    let taken = count(
        &db,
        &format!(
            "SELECT COALESCE(SUM(taken), 0)::BIGINT FROM slot_seats WHERE slot_start = '{start}'"
        ),
    );
    println!(
        "200 bookings of a 3-seat slot over two instances in {} ms: {by_status:?}; \
         {rows} row(s), {taken} seat(s) taken",
        took.as_millis()
    );
    assert!(answers.iter().all(|a| a.0 < 500), "no 5xx: {by_status:?}");
    assert_eq!(created, 3, "{by_status:?}");
    assert_eq!(full, 197, "{by_status:?}");
    assert_eq!(rows, 3);
    assert_eq!(taken, 3);
    // Both instances see the slot full.
    for server in [&a, &b] {
        let slots = get_json(
            server.addr,
            "/api/v1/halls/demo-hall/slots?service=consultation&days=14",
        );
        let slot = slots
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["start"] == start.as_str())
            .unwrap();
        assert_eq!(slot["remaining"], 0);
    }
}

#[test]
fn one_idempotency_key_sent_fifty_times_over_both_instances_makes_one_booking() {
    let Some(db) = postgres_database("one key over two instances") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = start_both(dir.path(), &db);
    let Some(start) = free_three_seat_slot(a.addr) else {
        println!("SKIPPED: no free 3-seat slot in the next 14 days by the real clock");
        return;
    };
    let key = common::key();
    let body = booking(&start, "13800138000");
    let requests = (0..50)
        .map(|n| {
            (
                if n % 2 == 0 { a.addr } else { b.addr },
                body.clone(),
                key.clone(),
            )
        })
        .collect();
    let answers = send_all(requests, 25);
    let statuses: BTreeMap<u16, usize> = answers.iter().fold(BTreeMap::new(), |mut m, a| {
        *m.entry(a.0).or_default() += 1;
        m
    });
    let references: std::collections::BTreeSet<String> = answers
        .iter()
        .filter(|a| a.0 == 201)
        .map(|a| {
            let v: Value = serde_json::from_slice(&a.1).unwrap();
            v["reference"].as_str().unwrap().to_owned()
        })
        .collect();
    let rows = count(&db, "SELECT COUNT(*) FROM appointments");
    let records = count(&db, "SELECT COUNT(*) FROM idempotency_keys");
    println!(
        "50 × one Idempotency-Key over two instances: {statuses:?}, {} reference(s), \
         {rows} appointment row(s), {records} idempotency record(s)",
        references.len()
    );
    assert_eq!(statuses.get(&201), Some(&50), "{statuses:?}");
    assert_eq!(references.len(), 1);
    assert_eq!(rows, 1);
    assert_eq!(records, 1);
}

#[test]
fn the_staff_pin_lockout_counts_wrong_pins_sent_to_either_instance() {
    let Some(db) = postgres_database("PIN lockout over two instances") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = start_both(dir.path(), &db);
    let try_pin = |addr: SocketAddr, pin: &str| {
        let (status, body) = http(
            addr,
            "POST",
            "/api/v1/staff/session",
            &[],
            Some(&json!({ "kiosk_id": "kiosk-1", "pin": pin })),
        )
        .unwrap();
        (status, request_code(&body))
    };
    // Five wrong PINs, alternating between the instances.
    let wrong: Vec<(u16, String)> = (0..5)
        .map(|n| {
            try_pin(
                if n % 2 == 0 { a.addr } else { b.addr },
                &format!("{:06}", 100_000 + n),
            )
        })
        .collect();
    // Now locked at both, even for the right PIN.
    let after_a = try_pin(a.addr, STAFF_PIN);
    let after_b = try_pin(b.addr, STAFF_PIN);
    println!(
        "five wrong PINs over A and B: {wrong:?}; then the right PIN at A {after_a:?}, at B {after_b:?}"
    );
    // The fifth wrong PIN, wherever it is sent, is the one that locks.
    assert!(wrong[..4].iter().all(|w| w.0 == 401), "{wrong:?}");
    assert_eq!(wrong[4], (429, "staff_locked".to_owned()), "{wrong:?}");
    assert_eq!(after_a, (429, "staff_locked".to_owned()));
    assert_eq!(after_b, (429, "staff_locked".to_owned()));
}

/// A booking answered 201.
#[derive(Clone, Debug)]
struct Confirmed {
    reference: String,
    phone: String,
}

#[test]
fn an_instance_killed_again_and_again_under_load_loses_no_confirmed_booking() {
    const KILLS: usize = 3;
    let Some(db) = postgres_database("SIGKILL under load") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut a, b) = start_both(dir.path(), &db);
    let services = get_json(b.addr, "/api/v1/services");
    let mut seats = Vec::new();
    for service in services
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["requires_id_number"] == false)
    {
        let id = service["id"].as_str().unwrap();
        let slots = get_json(
            b.addr,
            &format!("/api/v1/halls/demo-hall/slots?service={id}&days=14"),
        );
        for slot in slots.as_array().unwrap() {
            for _ in 0..slot["remaining"].as_u64().unwrap() {
                seats.push((id.to_owned(), slot["start"].as_str().unwrap().to_owned()));
            }
        }
    }
    if seats.len() < 200 {
        println!("SKIPPED: only {} free seats by the real clock", seats.len());
        return;
    }
    let seats = Arc::new(Mutex::new(seats));
    let a_addr = a.addr;
    let stop = Arc::new(AtomicBool::new(false));
    let phones = Arc::new(AtomicU64::new(0));
    let server_errors = Arc::new(AtomicU64::new(0));
    // Four clients: two on each instance; those on A keep going through its
    // restarts, counting what went unanswered.
    let clients: Vec<_> = (0..4)
        .map(|n| {
            let addr = if n % 2 == 0 { a_addr } else { b.addr };
            let (seats, stop, phones, server_errors) = (
                Arc::clone(&seats),
                Arc::clone(&stop),
                Arc::clone(&phones),
                Arc::clone(&server_errors),
            );
            thread::spawn(move || {
                let mut mine = Vec::new();
                let mut unanswered = 0;
                while !stop.load(Ordering::SeqCst) {
                    let Some((service, start)) = seats.lock().unwrap().pop() else {
                        break;
                    };
                    let phone = format!("137{:08}", phones.fetch_add(1, Ordering::SeqCst));
                    let mut body = booking(&start, &phone);
                    body["service_id"] = json!(service);
                    match book(addr, &body, &common::key()) {
                        Ok((201, answer)) => {
                            let v: Value = serde_json::from_slice(&answer).unwrap();
                            mine.push(Confirmed {
                                reference: v["reference"].as_str().unwrap().to_owned(),
                                phone,
                            });
                        }
                        Ok((status, _)) if status >= 500 => {
                            server_errors.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok(_) => {}
                        Err(_) => {
                            unanswered += 1;
                            thread::sleep(Duration::from_millis(20));
                        }
                    }
                }
                (mine, unanswered)
            })
        })
        .collect();
    let mut restarts = Vec::new();
    for kill in 1..=KILLS {
        thread::sleep(Duration::from_millis(700));
        a.kill();
        let down = Instant::now();
        a = start(dir.path(), &db, &format!("a-{kill}"), Some(a_addr));
        restarts.push(down.elapsed().as_millis());
    }
    thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::SeqCst);
    let mut confirmed = Vec::new();
    let mut unanswered = 0;
    for client in clients {
        let (mine, lost) = client.join().unwrap();
        confirmed.extend(mine);
        unanswered += lost;
    }
    let references: Vec<String> = confirmed.iter().map(|c| c.reference.clone()).collect();
    let mut client = pg(&db);
    let found: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM appointments WHERE reference = ANY($1)",
            &[&references],
        )
        .unwrap()
        .get(0);
    let overbooked: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM slot_seats WHERE taken > capacity",
            &[],
        )
        .unwrap()
        .get(0);
    let taken: i64 = client
        .query_one(
            "SELECT COALESCE(SUM(taken), 0)::BIGINT FROM slot_seats",
            &[],
        )
        .unwrap()
        .get(0);
    let booked: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM appointments WHERE status = 'booked'",
            &[],
        )
        .unwrap()
        .get(0);
    println!(
        "{KILLS} SIGKILLs of instance A under load (restarted in {restarts:?} ms): {} confirmed, \
         {found} of them in the database, {unanswered} unanswered, {} × 5xx; \
         {booked} booked, {taken} seats taken, {overbooked} slot(s) overbooked",
        confirmed.len(),
        server_errors.load(Ordering::SeqCst),
    );
    assert!(confirmed.len() > 20, "the load confirmed bookings");
    assert_eq!(
        found,
        i64::try_from(confirmed.len()).unwrap(),
        "confirmed bookings lost"
    );
    assert_eq!(server_errors.load(Ordering::SeqCst), 0);
    assert_eq!(overbooked, 0);
    assert_eq!(taken, booked);
    // Each is found through either instance, as the visitor would look it up.
    for (i, c) in confirmed.iter().enumerate().step_by(7) {
        let addr = if i % 2 == 0 { a.addr } else { b.addr };
        let (status, body) = http(
            addr,
            "POST",
            "/api/v1/appointments/lookup",
            &[],
            Some(&json!({ "reference": c.reference, "phone": c.phone })),
        )
        .unwrap();
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    }
}
