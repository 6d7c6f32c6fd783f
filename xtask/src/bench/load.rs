//! `cargo xtask load` (used by `cargo xtask bench`, run pinned to its own core):
//! a small HTTP/1.1 load generator for the booking and callback POSTs.
//!
//! Why not oha for these: oha sends the same headers with every request, and the
//! API asks for a new `Idempotency-Key` per submission (the same key is a replay,
//! or a 422 with another body), so oha could only measure replays. oha measures
//! `GET /health`; this measures the writes, the same way: keep-alive connections,
//! latency per request, errors counted.
//!
//! Each line of the plan file is `PATH<TAB>JSON BODY`, one POST each, sent in
//! order with a distinct idempotency key; a line `PATH<TAB>GET` is a GET. With
//! several `--addr` (comma-separated), connection `i` goes to address `i mod n`,
//! as a load balancer would spread them. Two modes:
//! - `--rate R`: open loop, request `i` is due at `start + i / R`; its latency is
//!   measured from when it was due, so a slow server cannot hide its queueing
//!   (no coordinated omission).
//! - `--closed`: every connection sends back to back; throughput is what counts.
//!
//! It prints one line: `sent ok errors seconds p50_ms p99_ms max_ms statuses`.

use std::{
    collections::BTreeMap,
    fs,
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use crate::setup::Result;

/// One keep-alive connection.
struct Conn {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Conn {
    fn open(addr: &str) -> Result<Conn> {
        let stream = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
        stream.set_nodelay(true).ok();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .map_err(|e| e.to_string())?;
        let writer = stream.try_clone().map_err(|e| e.to_string())?;
        Ok(Conn {
            reader: BufReader::new(stream),
            writer,
        })
    }

    /// Sends a JSON POST (or, for the body `GET`, a GET) and reads the whole
    /// answer; returns its status.
    fn send(&mut self, path: &str, key: &str, body: &str) -> std::io::Result<u16> {
        if body == "GET" {
            write!(
                self.writer,
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Kiosk-Id: bench\r\n\r\n"
            )?;
        } else {
            write!(
                self.writer,
                "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
                 Idempotency-Key: {key}\r\nX-Kiosk-Id: bench\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )?;
        }
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut length = 0usize;
        let mut chunked = false;
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let name = name.trim().to_ascii_lowercase();
                if name == "content-length" {
                    length = value.trim().parse().unwrap_or(0);
                } else if name == "transfer-encoding" && value.contains("chunked") {
                    chunked = true;
                }
            }
        }
        if chunked {
            loop {
                line.clear();
                self.reader.read_line(&mut line)?;
                let size = usize::from_str_radix(line.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0; size + 2];
                self.reader.read_exact(&mut chunk)?;
                if size == 0 {
                    break;
                }
            }
        } else {
            let mut body = vec![0; length];
            self.reader.read_exact(&mut body)?;
        }
        Ok(status)
    }
}

/// What one run measured.
#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    statuses: BTreeMap<u16, usize>,
    io_errors: usize,
}

/// `cargo xtask load --addr HOST:PORT --plan FILE (--rate R | --closed) --seconds S
/// --connections C`.
pub fn main(args: &[String]) -> Result {
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let addrs: Vec<String> = get("--addr")
        .ok_or("--addr missing")?
        .split(',')
        .map(str::to_owned)
        .collect();
    let plan = fs::read_to_string(get("--plan").ok_or("--plan missing")?)
        .map_err(|e| format!("plan: {e}"))?;
    let plan: Vec<(String, String)> = plan
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, b)| (p.to_owned(), b.to_owned()))
        .collect();
    let seconds: f64 = get("--seconds")
        .and_then(|s| s.parse().ok())
        .ok_or("--seconds missing")?;
    let connections: usize = get("--connections")
        .and_then(|s| s.parse().ok())
        .unwrap_or(32);
    let rate: Option<f64> = get("--rate").and_then(|s| s.parse().ok());
    if rate.is_none() && !args.iter().any(|a| a == "--closed") {
        return Err("--rate R or --closed".into());
    }
    if let Some(r) = rate
        && (plan.len() as f64) < r * seconds
    {
        return Err(format!(
            "a plan of {} requests is short of {r}/s for {seconds} s",
            plan.len()
        ));
    }
    // A run tag makes the keys unique across runs on one database.
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() ^ d.as_secs() as u32)
        .unwrap_or_default()
        ^ std::process::id();
    let plan = Arc::new(plan);
    let next = Arc::new(AtomicUsize::new(0));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let start = Instant::now() + Duration::from_millis(200);
    let deadline = start + Duration::from_secs_f64(seconds);
    let workers: Vec<_> = (0..connections)
        .map(|c| {
            let (plan, next, tally, addr) = (
                Arc::clone(&plan),
                Arc::clone(&next),
                Arc::clone(&tally),
                addrs[c % addrs.len()].clone(),
            );
            thread::spawn(move || -> Result {
                let mut conn = Conn::open(&addr)?;
                let mut mine = Tally::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, body)) = plan.get(i) else {
                        break;
                    };
                    let due = match rate {
                        Some(r) => start + Duration::from_secs_f64(i as f64 / r),
                        None => Instant::now().max(start),
                    };
                    if due >= deadline {
                        break;
                    }
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        thread::sleep(wait);
                    }
                    let key = format!("{run:08x}-0000-4000-8000-{i:012x}");
                    match conn.send(path, &key, body) {
                        Ok(status) => {
                            *mine.statuses.entry(status).or_default() += 1;
                            mine.latencies_us.push(due.elapsed().as_micros() as u64);
                        }
                        Err(_) => {
                            mine.io_errors += 1;
                            conn = Conn::open(&addr)?;
                        }
                    }
                }
                let mut all = tally.lock().map_err(|_| "tally poisoned")?;
                all.latencies_us.extend(mine.latencies_us);
                all.io_errors += mine.io_errors;
                for (s, n) in mine.statuses {
                    *all.statuses.entry(s).or_default() += n;
                }
                Ok(())
            })
        })
        .collect();
    for w in workers {
        w.join().map_err(|_| "a load worker panicked")??;
    }
    // Until the deadline, or until a closed loop ran through the whole plan.
    let elapsed = start.elapsed().as_secs_f64().min(seconds).max(1e-3);
    let mut tally = Arc::try_unwrap(tally)
        .map_err(|_| "tally still shared")?
        .into_inner()
        .map_err(|_| "tally poisoned")?;
    tally.latencies_us.sort_unstable();
    let pct = |q: f64| -> f64 {
        let v = &tally.latencies_us;
        if v.is_empty() {
            return f64::NAN;
        }
        let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
        v[rank - 1] as f64 / 1000.0
    };
    let sent = tally.latencies_us.len() + tally.io_errors;
    let ok: usize = tally
        .statuses
        .iter()
        .filter(|(s, _)| (200..300).contains(*s))
        .map(|(_, n)| n)
        .sum();
    let statuses: Vec<String> = tally
        .statuses
        .iter()
        .map(|(s, n)| format!("{s}:{n}"))
        .collect();
    println!(
        "{sent} {ok} {} {elapsed:.3} {:.2} {:.2} {:.2} {}",
        sent - ok,
        pct(0.50),
        pct(0.99),
        pct(1.0),
        statuses.join(",")
    );
    Ok(())
}
