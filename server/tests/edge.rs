//! The edge in front of a central server, both real processes killed for real:
//! callback requests taken while the central is down are answered honestly and
//! reach it exactly once; an edge killed mid-delivery still delivers each once;
//! reads are served from the last good answers; a wrong secret is refused.

mod common;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use common::proc::{self, Server, get_json, http};
use serde_json::{Value, json};

const OPERATOR_TOKEN: &str = "edge-test-operator";
const STAFF_PIN: &str = "246810";

struct Central {
    db: String,
    dist: PathBuf,
    dir: PathBuf,
    runs: usize,
}

impl Central {
    fn new(dir: &Path) -> Self {
        let dist = dir.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>kiosk</title>",
        )
        .unwrap();
        std::fs::write(
            dist.join("kiosk.json"),
            json!({"kiosk_id": "kiosk-1", "hall_id": "demo-hall", "api_base": "/api/v1", "default_language": "zh-CN"})
                .to_string(),
        )
        .unwrap();
        let db = match common::backend() {
            kiosk_server::db::Dialect::Sqlite => dir.join("central.sqlite3").display().to_string(),
            kiosk_server::db::Dialect::Postgres => common::new_pg_database(),
        };
        Self {
            db,
            dist,
            dir: dir.to_path_buf(),
            runs: 0,
        }
    }

    /// Starts (or restarts, on `addr`) the central with the demo hall.
    fn start(&mut self, addr: Option<SocketAddr>) -> Server {
        self.runs += 1;
        proc::start(
            &[
                "--db",
                &self.db,
                "--dist",
                self.dist.to_str().unwrap(),
                "--demo-data",
                "--operator-token",
                OPERATOR_TOKEN,
                "--staff-pin",
                STAFF_PIN,
                "--rate-limit-per-minute",
                "0",
            ],
            &self.dir.join(format!("central-{}", self.runs)),
            "/api/v1/health",
            addr,
        )
    }

    /// `kiosk-server admin kiosk add ID`: the key file of a new kiosk.
    fn add_kiosk(&self, id: &str) -> PathBuf {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk-server"))
            .args([
                "admin",
                "--db",
                &self.db,
                "kiosk",
                "add",
                id,
                "--hall",
                "demo-hall",
            ])
            .env_remove("KIOSK_DB")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let secret = stdout
            .lines()
            .find(|l| l.len() == 64 && l.bytes().all(|b| b.is_ascii_hexdigit()))
            .expect("the secret is printed");
        let file = self.dir.join(format!("{id}.key"));
        std::fs::write(&file, format!("{secret}\n")).unwrap();
        file
    }
}

fn start_edge(
    dir: &Path,
    central: SocketAddr,
    id: &str,
    key: &Path,
    dist: &Path,
    run: usize,
) -> Server {
    let upstream = format!("http://{central}/");
    let outbox = dir.join(format!("{id}-outbox.sqlite3"));
    proc::start(
        &[
            "edge",
            "--upstream",
            &upstream,
            "--kiosk-id",
            id,
            "--kiosk-key-file",
            key.to_str().unwrap(),
            "--dist",
            dist.to_str().unwrap(),
            "--outbox",
            outbox.to_str().unwrap(),
            "--upstream-timeout-s",
            "2",
            "--speech-cache",
            dir.join(format!("{id}-speech")).to_str().unwrap(),
        ],
        &dir.join(format!("edge-{id}-{run}")),
        "/kiosk.json",
        None,
    )
}

fn callback_body(n: usize) -> Value {
    json!({
        "phone": format!("139{:08}", 10_000_000 + n),
        "topic": "labour",
        "preferred": "asap",
        "language": "zh-CN",
        "consent_version": "2026-11",
    })
}

fn post_callback(edge: SocketAddr, body: &Value, key: &str) -> (u16, Value) {
    let (status, bytes) = http(
        edge,
        "POST",
        "/api/v1/callbacks",
        &[("Idempotency-Key", key)],
        Some(body),
    )
    .unwrap();
    (status, serde_json::from_slice(&bytes).unwrap_or_default())
}

/// The central's callback queue: reference → kiosk.
fn queue(central: SocketAddr) -> Vec<(String, String)> {
    let (status, body) = http(
        central,
        "GET",
        "/api/v1/callbacks",
        &[("Authorization", &format!("Bearer {OPERATOR_TOKEN}"))],
        None,
    )
    .unwrap();
    assert_eq!(status, 200);
    let list: Value = serde_json::from_slice(&body).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["reference"].as_str().unwrap().to_owned(),
                c["kiosk_id"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

fn link(edge: SocketAddr, kiosk: &str) -> Value {
    get_json(edge, &format!("/api/v1/kiosks/{kiosk}/status"))["central"].clone()
}

fn assert_exactly_once(queue: &[(String, String)], references: &[String], kiosk: &str) {
    for r in references {
        let n = queue.iter().filter(|(q, _)| q == r).count();
        assert_eq!(n, 1, "{r} is in the central's queue {n} times");
    }
    assert!(queue.iter().all(|(_, k)| k == kiosk), "{queue:?}");
}

#[test]
fn callbacks_taken_while_the_central_is_down_arrive_once_when_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let mut central = Central::new(dir.path());
    let mut c = central.start(None);
    let key_file = central.add_kiosk("edge-a");
    let edge = start_edge(dir.path(), c.addr, "edge-a", &key_file, &central.dist, 1);

    // The kiosk's own configuration, and the reads it needs, come through the edge.
    let config = get_json(edge.addr, "/kiosk.json");
    assert_eq!(config["kiosk_id"], "edge-a");
    assert_eq!(config["hall_id"], "demo-hall");
    assert_eq!(config["api_base"], "/api/v1");
    let services = get_json(edge.addr, "/api/v1/services");
    assert!(services.as_array().unwrap().len() >= 8);
    assert_eq!(link(edge.addr, "edge-a")["reachable"], true);

    // With the central up, a callback is confirmed by the central itself.
    let (status, receipt) = post_callback(edge.addr, &callback_body(0), &common::key());
    assert_eq!(status, 201, "{receipt}");
    assert_eq!(receipt["status"], "queued");
    let first = receipt["reference"].as_str().unwrap().to_owned();

    // Central killed: 100 requests are each saved on the kiosk, with a reference.
    let central_addr = c.addr;
    c.kill();
    let started = Instant::now();
    let mut saved = Vec::new();
    let mut keys = Vec::new();
    for n in 1..=100 {
        let key = common::key();
        let (status, receipt) = post_callback(edge.addr, &callback_body(n), &key);
        assert_eq!(status, 202, "request {n}: {receipt}");
        assert_eq!(receipt["status"], "saved_on_kiosk");
        assert!(receipt["phone_masked"].as_str().unwrap().contains('*'));
        let reference = receipt["reference"].as_str().unwrap().to_owned();
        assert!(
            kiosk_core::api::is_reference('C', &reference),
            "{reference}"
        );
        saved.push(reference);
        keys.push(key);
    }
    println!(
        "100 callbacks held with the central down in {} ms",
        started.elapsed().as_millis()
    );
    // A retry of a held request is the same answer, not a second request.
    let (status, again) = post_callback(edge.addr, &callback_body(7), &keys[6]);
    assert_eq!(
        (status, again["reference"].as_str()),
        (202, Some(saved[6].as_str()))
    );
    let held = link(edge.addr, "edge-a");
    assert_eq!(held["reachable"], false);
    assert_eq!(held["outbox"], 100);
    // Reads still answer, from the last good answers.
    let (status, _) = http(edge.addr, "GET", "/api/v1/services", &[], None).unwrap();
    assert_eq!(status, 200);
    let (status, _) = http(
        edge.addr,
        "GET",
        "/api/v1/halls/demo-hall/slots?service=consultation",
        &[],
        None,
    )
    .unwrap();
    assert_eq!(status, 503, "booking needs the central");

    // Back on the same address: the outbox drains, in order, each exactly once.
    let c = central.start(Some(central_addr));
    let drained = Instant::now();
    assert!(
        proc::wait_for(
            Duration::from_secs(60),
            || link(edge.addr, "edge-a")["outbox"] == 0
        ),
        "the outbox did not drain: {}\n{}",
        link(edge.addr, "edge-a"),
        edge.log_text()
    );
    println!(
        "outbox of 100 drained in {} ms",
        drained.elapsed().as_millis()
    );
    let q = queue(c.addr);
    assert_eq!(q.len(), 101, "{q:?}");
    saved.push(first);
    assert_exactly_once(&q, &saved, "edge-a");
    // A retry after delivery replays the central's answer.
    let (status, replay) = post_callback(edge.addr, &callback_body(7), &keys[6]);
    assert_eq!(status, 201, "{replay}");
    assert_eq!(replay["reference"], saved[6].as_str());
    assert_eq!(queue(c.addr).len(), 101);
}

#[test]
fn an_edge_killed_while_delivering_still_delivers_each_request_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut central = Central::new(dir.path());
    let mut c = central.start(None);
    let key_file = central.add_kiosk("edge-b");
    let mut edge = start_edge(dir.path(), c.addr, "edge-b", &key_file, &central.dist, 1);
    let central_addr = c.addr;
    c.kill();
    let mut saved = Vec::new();
    for n in 0..60 {
        let (status, receipt) = post_callback(edge.addr, &callback_body(n), &common::key());
        assert_eq!(status, 202, "{receipt}");
        saved.push(receipt["reference"].as_str().unwrap().to_owned());
    }
    // The central returns; the edge is killed as soon as delivery has begun.
    let c = central.start(Some(central_addr));
    assert!(proc::wait_for(Duration::from_secs(30), || !queue(c.addr).is_empty()));
    edge.kill();
    let delivered_before_kill = queue(c.addr).len();
    println!("{delivered_before_kill} of 60 delivered when the edge was killed");
    let edge = start_edge(dir.path(), c.addr, "edge-b", &key_file, &central.dist, 2);
    assert!(
        proc::wait_for(
            Duration::from_secs(60),
            || link(edge.addr, "edge-b")["outbox"] == 0
        ),
        "{}",
        edge.log_text()
    );
    let q = queue(c.addr);
    assert_eq!(q.len(), 60, "{q:?}");
    assert_exactly_once(&q, &saved, "edge-b");
}

#[test]
fn an_edge_with_a_wrong_secret_is_never_served_as_its_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let mut central = Central::new(dir.path());
    let c = central.start(None);
    central.add_kiosk("edge-c");
    let wrong = dir.path().join("wrong.key");
    std::fs::write(&wrong, "0".repeat(64)).unwrap();
    let edge = start_edge(dir.path(), c.addr, "edge-c", &wrong, &central.dist, 1);
    let beat = json!({"version": "1", "uptime_s": 1, "last_interaction_s": 1, "errors": 0});
    let (status, _) = http(
        edge.addr,
        "POST",
        "/api/v1/kiosks/edge-c/heartbeat",
        &[],
        Some(&beat),
    )
    .unwrap();
    assert_eq!(status, 202, "held, not accepted by the central");
    let (status, _) = http(
        c.addr,
        "GET",
        "/api/v1/kiosks/edge-c/status",
        &[("X-Kiosk-Id", "edge-c"), ("X-Kiosk-Key", &"0".repeat(64))],
        None,
    )
    .unwrap();
    assert_eq!(status, 401);
    let (status, receipt) = post_callback(edge.addr, &callback_body(1), &common::key());
    assert_eq!(status, 202, "kept until the secret is fixed: {receipt}");
    assert!(
        queue(c.addr).is_empty(),
        "nothing reached the central as edge-c"
    );
    assert!(
        edge.log_text().contains("refuses this kiosk's secret"),
        "{}",
        edge.log_text()
    );
}

/// An edge `id` whose central is nowhere to be found (a free port), and that
/// address.
fn edge_with_no_central(dir: &Path, id: &str) -> (Server, SocketAddr) {
    let central = Central::new(dir);
    let key = dir.join("k.key");
    std::fs::write(&key, "a".repeat(64)).unwrap();
    let nowhere: SocketAddr = ([127, 0, 0, 1], proc::free_port()).into();
    (
        start_edge(dir, nowhere, id, &key, &central.dist, 1),
        nowhere,
    )
}

#[test]
fn an_unreachable_central_at_start_is_said_and_the_edge_serves_anyway() {
    let dir = tempfile::tempdir().unwrap();
    let (edge, nowhere) = edge_with_no_central(dir.path(), "edge-d");
    let config = get_json(edge.addr, "/kiosk.json");
    assert_eq!(config["kiosk_id"], "edge-d");
    let status = get_json(edge.addr, "/api/v1/kiosks/edge-d/status");
    assert_eq!(status["maintenance"], false);
    assert_eq!(status["central"]["reachable"], false);
    assert_eq!(status["central"]["upstream"], format!("http://{nowhere}"));
    assert!(
        edge.log_text().contains("cannot be reached"),
        "{}",
        edge.log_text()
    );
    let (status, receipt) = post_callback(edge.addr, &callback_body(2), &common::key());
    assert_eq!(status, 202, "{receipt}");
    let (status, _) = http(edge.addr, "GET", "/api/v1/services", &[], None).unwrap();
    assert_eq!(status, 503, "nothing cached yet: said, not invented");
}

fn sign_in(edge: SocketAddr, kiosk: &str, pin: &str) -> (u16, String) {
    let (status, body) = http(
        edge,
        "POST",
        "/api/v1/staff/session",
        &[],
        Some(&json!({ "kiosk_id": kiosk, "pin": pin })),
    )
    .unwrap();
    let v: Value = serde_json::from_slice(&body).unwrap_or_default();
    let code = v["errors"]["request"][0]
        .as_str()
        .or_else(|| v["token"].as_str().map(|_| "token"))
        .or_else(|| v["errors"]["upstream"][0].as_str())
        .unwrap_or_default()
        .to_owned();
    (status, code)
}

#[test]
fn staff_sign_in_at_an_edge_cut_off_from_the_central_uses_the_pin_it_last_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut central = Central::new(dir.path());
    let c = central.start(None);
    let key_a = central.add_kiosk("edge-a");
    let key_b = central.add_kiosk("edge-b");
    let a = start_edge(dir.path(), c.addr, "edge-a", &key_a, &central.dist, 1);
    let b = start_edge(dir.path(), c.addr, "edge-b", &key_b, &central.dist, 1);
    // Online, the central decides; a right PIN is remembered by edge A only.
    assert_eq!(sign_in(a.addr, "edge-a", "135790").0, 401);
    assert_eq!(
        sign_in(a.addr, "edge-a", STAFF_PIN),
        (200, "token".to_owned())
    );
    drop(c);

    let offline_right = sign_in(a.addr, "edge-a", STAFF_PIN);
    let never = sign_in(b.addr, "edge-b", STAFF_PIN);
    let other_kiosk = sign_in(a.addr, "edge-b", STAFF_PIN);
    let wrong: Vec<(u16, String)> = (0..5)
        .map(|n| sign_in(a.addr, "edge-a", &format!("{:06}", 100_000 + n)))
        .collect();
    let after_lock = sign_in(a.addr, "edge-a", STAFF_PIN);
    println!(
        "central down: edge A, right PIN {offline_right:?}; edge B (no PIN accepted before) \
         {never:?}; edge A asked for B {other_kiosk:?}; five wrong at A {wrong:?}; \
         then the right one {after_lock:?}"
    );
    assert_eq!(offline_right, (200, "token".to_owned()));
    assert_eq!(never.0, 503, "only the central can say: {never:?}");
    assert_eq!(other_kiosk.0, 503, "{other_kiosk:?}");
    assert!(wrong[..4].iter().all(|w| w.0 == 401), "{wrong:?}");
    assert_eq!(wrong[4], (429, "staff_locked".to_owned()));
    assert_eq!(after_lock, (429, "staff_locked".to_owned()));
    // Nothing the PIN could be read from is in the log.
    assert!(!a.log_text().contains(STAFF_PIN));
}

#[test]
fn a_held_request_is_dated_when_the_visitor_made_it_and_is_not_refused_for_the_delay() {
    use kiosk_core::hall_time::HallTime;
    let dir = tempfile::tempdir().unwrap();
    let mut central = Central::new(dir.path());
    let c = central.start(None);
    let key_file = central.add_kiosk("edge-h");
    let secret = std::fs::read_to_string(&key_file)
        .unwrap()
        .trim()
        .to_owned();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let held_since = HallTime::from_unix(now - 86_000);
    let body = |requested_at: &HallTime| {
        json!({
            "phone": "13912345678",
            "topic": "labour",
            "preferred": { "date": requested_at.date().to_string(), "period": "morning" },
            "language": "zh-CN",
            "consent_version": "2026-11",
            "kiosk_id": "edge-h",
            "reference": kiosk_server::security::reference('C'),
            "requested_at": requested_at.to_rfc3339(),
        })
    };
    let post = |body: &Value, proven: bool| {
        let key = common::key();
        let mut headers = vec![("Idempotency-Key", key.as_str())];
        if proven {
            headers.push(("X-Kiosk-Id", "edge-h"));
            headers.push(("X-Kiosk-Key", secret.as_str()));
        }
        let (status, bytes) =
            http(c.addr, "POST", "/api/v1/callbacks", &headers, Some(body)).unwrap();
        let v: Value = serde_json::from_slice(&bytes).unwrap_or_default();
        (status, v)
    };
    // Only a kiosk's edge may date a request.
    let mut unproven = body(&held_since);
    unproven.as_object_mut().unwrap().remove("reference");
    let (status, v) = post(&unproven, false);
    assert_eq!(
        (status, v["errors"]["requested_at"][0].as_str()),
        (422, Some("requested_at_not_allowed")),
        "{v}"
    );
    // Held for almost a day: yesterday's preferred day and a fourth request
    // for the phone are still accepted, as the visitor was promised.
    let answers: Vec<(u16, Value)> = (0..4).map(|_| post(&body(&held_since), true)).collect();
    println!(
        "four requests held since {} for one phone: {:?}",
        held_since.to_rfc3339(),
        answers.iter().map(|a| a.0).collect::<Vec<_>>()
    );
    assert!(answers.iter().all(|a| a.0 == 201), "{answers:?}");
    // The same through the front door is limited: the fourth is refused.
    let direct: Vec<u16> = (0..1)
        .map(|_| {
            let mut b = body(&HallTime::from_unix(now));
            let o = b.as_object_mut().unwrap();
            o.remove("reference");
            o.remove("requested_at");
            post(&b, true).0
        })
        .collect();
    assert_eq!(
        direct,
        vec![429],
        "the phone has 4 queued from the last 24 hours"
    );
    // The 12348 queue dates them from the request, not from delivery.
    let (_, list) = http(
        c.addr,
        "GET",
        "/api/v1/callbacks",
        &[("Authorization", &format!("Bearer {OPERATOR_TOKEN}"))],
        None,
    )
    .unwrap();
    let list: Value = serde_json::from_slice(&list).unwrap();
    let created: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["created_at"].as_str().unwrap())
        .collect();
    assert_eq!(created.len(), 4);
    assert!(
        created.iter().all(|c| *c == held_since.to_rfc3339()),
        "{created:?}"
    );
    // Older than the retention, or from the future: refused by name.
    for at in [
        HallTime::from_unix(now - 31 * 86_400),
        HallTime::from_unix(now + 3_600),
    ] {
        let (status, v) = post(&body(&at), true);
        assert_eq!(
            (status, v["errors"]["requested_at"][0].as_str()),
            (422, Some("invalid_requested_at")),
            "{v}"
        );
    }
}

/// The central's 好差评 counts for the demo hall on `day`, read from its database.
fn rating_counts(db: &str, day: kiosk_core::date::Date) -> [u64; 5] {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = kiosk_server::db::Db::open(&kiosk_server::db::DbUrl::parse(db))
            .await
            .unwrap();
        db.call(move |c| kiosk_server::db::ratings::distribution(c, "demo-hall", day, day))
            .await
            .unwrap()
    })
}

#[test]
fn a_rating_given_while_the_central_is_down_is_held_and_counted_once_on_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut central = Central::new(dir.path());
    let mut c = central.start(None);
    let key_file = central.add_kiosk("edge-r");
    let edge = start_edge(dir.path(), c.addr, "edge-r", &key_file, &central.dist, 1);
    let today = kiosk_core::hall_time::HallTime::from_unix(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64,
    )
    .date();
    let rate = |level: &str, key: &str| {
        let (status, bytes) = http(
            edge.addr,
            "POST",
            "/api/v1/kiosks/edge-r/ratings",
            &[("Idempotency-Key", key)],
            Some(&json!({"level": level, "reasons": [], "flow": "callback"})),
        )
        .unwrap();
        let v: Value = serde_json::from_slice(&bytes).unwrap_or_default();
        (status, v)
    };
    // Central up: recorded by the central itself.
    let (status, v) = rate("very_satisfied", &common::key());
    assert_eq!(
        (status, v["status"].as_str()),
        (201, Some("recorded")),
        "{v}"
    );

    // Central down: saved on the kiosk, once per key.
    let central_addr = c.addr;
    c.kill();
    let held = common::key();
    let (status, v) = rate("dissatisfied", &held);
    assert_eq!(
        (status, v["status"].as_str()),
        (202, Some("saved_on_kiosk")),
        "{v}"
    );
    let (status, _) = rate("dissatisfied", &held);
    assert_eq!(status, 202);
    assert_eq!(link(edge.addr, "edge-r")["outbox"], 1);

    // Back: delivered once, dated with the day it was given.
    let _c = central.start(Some(central_addr));
    assert!(
        proc::wait_for(
            Duration::from_secs(60),
            || link(edge.addr, "edge-r")["outbox"] == 0
        ),
        "the outbox did not drain: {}\n{}",
        link(edge.addr, "edge-r"),
        edge.log_text()
    );
    // Counts by score, 1 (非常不满意) to 5 (非常满意).
    assert_eq!(rating_counts(&central.db, today), [0, 1, 0, 0, 1]);
}

#[test]
fn an_edge_cut_off_from_the_central_still_speaks_and_keeps_only_catalog_texts() {
    let dir = tempfile::tempdir().unwrap();
    let (edge, _) = edge_with_no_central(dir.path(), "edge-s");
    let heading = kiosk_core::catalog::Msg::AppTitle.text(kiosk_core::Lang::ZhCn);
    for text in [heading, "请拨打 13912345678 找王小明"] {
        let body = json!({"lang": "zh-CN", "text": text});
        let (status, wav) = http(edge.addr, "POST", "/api/v1/speech", &[], Some(&body)).unwrap();
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&wav));
        assert_eq!(&wav[..4], b"RIFF");
    }
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("edge-s-speech"))
        .unwrap()
        .collect();
    assert_eq!(kept.len(), 1, "only the catalog text is kept");
    // And by its address, from what was kept.
    let key = kiosk_server::speech::key(kiosk_core::Lang::ZhCn, heading);
    let path = format!("/api/v1/speech/catalog/{key}");
    let (status, wav) = http(edge.addr, "GET", &path, &[], None).unwrap();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&wav));
    assert_eq!(&wav[..4], b"RIFF");
}
