//! `cargo xtask bench`: measures against budgets, prints a table, writes
//! `target/bench/report.json`, and exits non-zero when a budget is missed or a
//! benchmark could not run (see BENCHMARKS.md).
//!
//! - Payload (here): the release `.wasm`, JS glue and CSS, raw, gzip -9 and
//!   brotli -11 (the copies the build writes for the server,
//!   `xtask/precompress.mjs`), and a check that kiosk-server really sends the
//!   brotli copy with `Content-Type: application/wasm`.
//! - Cold start, tap-to-paint and soak (`browser.rs`): Node scripts driving
//!   Debian's Chromium, in `tests/e2e/bench/`.
//! - Backend (`backend.rs`): oha and `cargo xtask load` against kiosk-server,
//!   each pinned to its own core.

mod backend;
mod browser;
mod deploy;
mod desk;
pub mod load;

use std::{
    fs,
    io::{Read, Write},
    net::TcpStream,
    path::{Path, PathBuf},
    process::{Child, Command, ExitCode, Stdio},
    thread,
    time::Duration,
};

use crate::setup::{self, Result, root};

/// wasm + JS glue, brotli -11, in bytes (1 KB = 1,000 bytes).
const BUDGET_WASM_JS_BR: u64 = 150_000;
/// All CSS, brotli -11, in bytes.
const BUDGET_CSS_BR: u64 = 15_000;

/// Raw, gzip -9 and brotli -11 sizes of some built files.
#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: u64,
    gz: u64,
    br: u64,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;
    fn add(self, o: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + o.raw,
            gz: self.gz + o.gz,
            br: self.br + o.br,
        }
    }
}

fn size(path: &Path) -> Result<u64> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The sizes of `file`, from it and the `.gz` and `.br` copies beside it.
fn sizes_of(file: &Path) -> Result<Sizes> {
    let with = |ext: &str| PathBuf::from(format!("{}.{ext}", file.display()));
    Ok(Sizes {
        raw: size(file)?,
        gz: size(&with("gz"))?,
        br: size(&with("br"))?,
    })
}

/// The built files of `dist` whose names end with `suffix`, summed.
fn built(dist: &Path, suffix: &str) -> Result<(Vec<String>, Sizes)> {
    let mut names = Vec::new();
    let mut total = Sizes::default();
    let entries = fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(suffix) {
            total = total + sizes_of(&entry.path())?;
            names.push(name);
        }
    }
    if names.is_empty() {
        return Err(format!("no *{suffix} in {}", dist.display()));
    }
    names.sort();
    Ok((names, total))
}

/// One line of the report.
pub struct Row {
    pub name: String,
    pub value: String,
    pub budget: String,
    pub pass: bool,
}

/// The first number field `name` of a JSON text, e.g. `"total": 22000`: enough
/// for oha's report and our own answers without a JSON parser in xtask.
fn json_number(json: &str, name: &str) -> f64 {
    json.split(&format!("\"{name}\":"))
        .nth(1)
        .and_then(|r| {
            r.trim_start()
                .split(|c: char| c == ',' || c == '}' || c.is_whitespace())
                .next()
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(f64::NAN)
}

/// An HTTP answer: status line, headers (lower-case names), body.
type Answer = (String, Vec<(String, String)>, Vec<u8>);

/// `GET path` on 127.0.0.1:`port`, asking for brotli.
fn get(port: u16, path: &str) -> Result<Answer> {
    get_with(port, path, "")
}

/// `GET path` with `headers` (each line ending in `\r\n`).
fn get_with(port: u16, path: &str, headers: &str) -> Result<Answer> {
    request(port, "GET", path, headers, "")
}

/// `POST path` with a JSON body.
fn post_json(port: u16, path: &str, body: &str) -> Result<Answer> {
    let headers = format!(
        "Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    request(port, "POST", path, &headers, body)
}

fn request(port: u16, method: &str, path: &str, headers: &str, body: &str) -> Result<Answer> {
    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("connect: {e}"))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br, gzip\r\nConnection: close\r\n{headers}\r\n{body}"
    )
    .map_err(|e| format!("send: {e}"))?;
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .map_err(|e| format!("read: {e}"))?;
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no end of headers")?;
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default().to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok((status, headers, answer[split + 4..].to_vec()))
}

/// The body of `GET path` (the API answers uncompressed), failing unless 200.
fn get_body(port: u16, path: &str) -> Result<String> {
    let (status, headers, body) = get(port, path)?;
    if !status.contains(" 200 ") {
        return Err(format!("GET {path}: {status}"));
    }
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        return Err(format!("GET {path}: chunked answer"));
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// A running kiosk-server, stopped when dropped.
pub struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts kiosk-server serving `dist` on a free port with a new database
/// `target/bench/NAME.sqlite3`; `command` runs it another way (pinned to a core).
fn start_server(
    dist: &Path,
    name: &str,
    command: Option<Command>,
    args: &[&str],
) -> Result<(Server, u16)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))?;
    let dir = root().join("target/bench");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let db = dir.join(format!("{name}.sqlite3"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let log = fs::File::create(dir.join(format!("{name}.log"))).map_err(|e| e.to_string())?;
    let mut command =
        command.unwrap_or_else(|| Command::new(root().join("target/server/kiosk-server")));
    let child = command
        .args(["--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(&db)
        .arg("--dist")
        .arg(dist)
        .args(args)
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("kiosk-server: {e}"))?;
    let server = Server(child);
    for _ in 0..100 {
        if get(port, "/api/v1/health").is_ok_and(|(s, _, _)| s.contains(" 200 ")) {
            return Ok((server, port));
        }
        thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "kiosk-server did not start (see target/bench/{name}.log)"
    ))
}

fn payload(rows: &mut Vec<Row>, json: &mut Vec<String>) -> Result {
    let dist = root().join("dist");
    let (wasm_names, wasm) = built(&dist, ".wasm")?;
    let (js_names, js) = built(&dist, ".js")?;
    let (_, css) = built(&dist, ".css")?;
    let mut sizes = Vec::new();
    for (name, s) in [("wasm", wasm), ("js", js), ("css", css)] {
        sizes.push(format!(
            "\"{name}\": {{\"raw\": {}, \"gzip\": {}, \"brotli\": {}}}",
            s.raw, s.gz, s.br
        ));
        rows.push(Row {
            name: format!("payload {name} (raw / gzip -9 / brotli -11)"),
            value: format!("{} / {} / {} B", s.raw, s.gz, s.br),
            budget: String::new(),
            pass: true,
        });
    }
    json.push(format!("\"payload\": {{{}}}", sizes.join(", ")));
    let code = wasm + js;
    rows.push(Row {
        name: "payload wasm + js, brotli".into(),
        value: format!("{} B", code.br),
        budget: format!("≤ {BUDGET_WASM_JS_BR} B"),
        pass: code.br <= BUDGET_WASM_JS_BR,
    });
    rows.push(Row {
        name: "payload css, brotli".into(),
        value: format!("{} B", css.br),
        budget: format!("≤ {BUDGET_CSS_BR} B"),
        pass: css.br <= BUDGET_CSS_BR,
    });

    // The console is for desktops on an office network: reported, no budget.
    // Its JS includes Chart.js, fetched only by the statistics screen.
    let console = root().join("console/dist");
    let (_, cwasm) = built(&console, ".wasm")?;
    let (cjs_names, cjs) = built(&console, ".js")?;
    json.push(format!(
        "\"console_payload\": {{\"wasm_brotli\": {}, \"js_brotli\": {}}}",
        cwasm.br, cjs.br
    ));
    rows.push(Row {
        name: "console payload wasm / JS (with Chart.js), brotli".into(),
        value: format!("{} / {} B ({})", cwasm.br, cjs.br, cjs_names.join(", ")),
        budget: "reported".into(),
        pass: true,
    });

    // The server must send what was measured: the brotli copy, typed as wasm.
    let (server, port) = start_server(&dist, "payload", None, &[])?;
    let mut served = |name: &str, want_type: &str, want_len: u64| -> Result<bool> {
        let (status, headers, body) = get(port, &format!("/{name}"))?;
        let body = body.len();
        let get = |k: &str| {
            headers
                .iter()
                .find(|(h, _)| h == k)
                .map(|(_, v)| v.as_str())
                .unwrap_or("")
        };
        let ok = status.contains(" 200 ")
            && get("content-encoding") == "br"
            && get("content-type").starts_with(want_type)
            && body as u64 == want_len;
        rows.push(Row {
            name: format!("served precompressed: {name}"),
            value: format!(
                "{} {} {} B",
                get("content-encoding"),
                get("content-type"),
                body
            ),
            budget: format!("br {want_type} {want_len} B"),
            pass: ok,
        });
        Ok(ok)
    };
    let wasm_file = dist.join(&wasm_names[0]);
    let js_file = dist.join(&js_names[0]);
    served(&wasm_names[0], "application/wasm", sizes_of(&wasm_file)?.br)?;
    served(&js_names[0], "text/javascript", sizes_of(&js_file)?.br)?;
    drop(server);
    Ok(())
}

/// Runs one benchmark; if it cannot run, says so in a failing row.
fn measure(rows: &mut Vec<Row>, name: &str, f: impl FnOnce(&mut Vec<Row>) -> Result) {
    let started = std::time::Instant::now();
    if let Err(e) = f(rows) {
        rows.push(Row {
            name: name.into(),
            value: format!("could not run: {e}"),
            budget: String::new(),
            pass: false,
        });
    }
    println!(
        "xtask bench: {name} took {:.0} s",
        started.elapsed().as_secs_f64()
    );
}

/// `cargo xtask bench [--no-build] [NAME…]`: all benchmarks, or only those named
/// (payload, backend, cluster, edge, startup, speech, soak); `--no-build` measures the
/// last build.
pub fn bench(args: &[String]) -> ExitCode {
    let no_build = args.iter().any(|a| a == "--no-build");
    let only: Vec<&String> = args.iter().filter(|a| *a != "--no-build").collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| *o == name);
    let started = std::time::Instant::now();
    let mut rows = Vec::new();
    let mut json = Vec::new();
    // oha (about ten minutes to compile) only for the benchmark that uses it.
    let built = setup::for_bench(wanted("backend")).and_then(|()| {
        if no_build {
            return Ok(());
        }
        crate::steps::build_kiosk()
            .and_then(|()| crate::steps::build_console())
            .and_then(|()| crate::steps::build_server())
    });
    if let Err(e) = built {
        rows.push(Row {
            name: "build".into(),
            value: format!("failed: {e}"),
            budget: String::new(),
            pass: false,
        });
    } else {
        let dist = root().join("dist");
        if wanted("payload") {
            measure(&mut rows, "payload", |rows| payload(rows, &mut json));
        }
        if wanted("backend") {
            measure(&mut rows, "backend", |rows| {
                backend::run(rows, &mut json, &dist)
            });
        }
        if wanted("cluster") {
            measure(&mut rows, "cluster", |rows| {
                deploy::cluster(rows, &mut json, &dist)
            });
        }
        if wanted("edge") {
            measure(&mut rows, "edge", |rows| {
                deploy::edge_bench(rows, &mut json, &dist)
            });
        }
        for script in browser::SCRIPTS.into_iter().filter(|s| wanted(s)) {
            measure(&mut rows, script, |rows| {
                browser::run(rows, &mut json, &dist, script)
            });
        }
    }
    let minutes = started.elapsed().as_secs_f64() / 60.0;
    rows.push(Row {
        name: "whole bench, including the builds".into(),
        value: format!("{minutes:.1} min"),
        budget: "< 15 min".into(),
        pass: minutes < 15.0,
    });

    println!("\n{:<46} {:<40} budget", "benchmark", "measured");
    for r in &rows {
        let mark = if r.pass { "ok  " } else { "MISS" };
        println!("{mark} {:<41} {:<40} {}", r.name, r.value, r.budget);
    }
    let dir = root().join("target/bench");
    let report = format!(
        "{{\n  {},\n  \"rows\": [\n{}\n  ]\n}}\n",
        json.join(",\n  "),
        rows.iter()
            .map(|r| format!(
                "    {{\"name\": {:?}, \"measured\": {:?}, \"budget\": {:?}, \"pass\": {}}}",
                r.name, r.value, r.budget, r.pass
            ))
            .collect::<Vec<_>>()
            .join(",\n")
    );
    if let Err(e) =
        fs::create_dir_all(&dir).and_then(|()| fs::write(dir.join("report.json"), report))
    {
        eprintln!("xtask bench: cannot write the report: {e}");
        return ExitCode::FAILURE;
    }
    println!("\nreport: {}", dir.join("report.json").display());
    if rows.iter().all(|r| r.pass) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
