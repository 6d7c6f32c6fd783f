//! Real server processes for the tests that kill them: start on a free port,
//! wait until they answer, talk plain HTTP/1.1 to them.

use std::{
    fs::File,
    io::{Read, Write},
    net::{SocketAddr, TcpListener, TcpStream},
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use serde_json::Value;

/// Environment variables of the server that the tests never inherit.
const SERVER_ENV: &[&str] = &[
    "KIOSK_ADDR",
    "KIOSK_DB",
    "KIOSK_DIST",
    "KIOSK_DEMO_DATA",
    "KIOSK_DEMO_KIOSKS",
    "KIOSK_OPERATOR_TOKEN",
    "KIOSK_STAFF_PIN",
    "KIOSK_ID_HASH_KEY",
    "KIOSK_RATE_LIMIT",
    "KIOSK_REQUEST_TIMEOUT",
    "KIOSK_UPSTREAM",
    "KIOSK_ID",
    "KIOSK_KEY_FILE",
    "KIOSK_OUTBOX",
    "KIOSK_OUTBOX_MAX",
    "KIOSK_ESPEAK",
    "KIOSK_SPEECH_CACHE",
    "KIOSK_SPEECH_RATE_LIMIT",
];

/// A server process; killed and reaped on every way out of the test.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    pub log: PathBuf,
}

impl Server {
    /// SIGKILL (on unix), and wait for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// What it wrote, on stderr and stdout.
    pub fn log_text(&self) -> String {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        read(&self.log) + &read(&self.log.with_extension("out"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `kiosk-server ARGS… --addr <free port>` with its log in `log` and
/// waits until `ready` answers 200. `addr` reuses an address (a restart).
pub fn start(args: &[&str], log: &Path, ready: &str, addr: Option<SocketAddr>) -> Server {
    start_logging(args, log, ready, addr, "warn")
}

/// [`start`] with the log filter `level` (`RUST_LOG`).
pub fn start_logging(
    args: &[&str],
    log: &Path,
    ready: &str,
    addr: Option<SocketAddr>,
    level: &str,
) -> Server {
    // Another process may take the free port before the server binds it: retry.
    const ATTEMPTS: usize = 3;
    for attempt in 1..=ATTEMPTS {
        let addr = addr.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], free_port())));
        let log_path = log.with_extension(format!("{attempt}.log"));
        let mut command = Command::new(env!("CARGO_BIN_EXE_kiosk-server"));
        for var in SERVER_ENV {
            command.env_remove(var);
        }
        let child = command
            .args(args)
            .arg("--addr")
            .arg(addr.to_string())
            .env("RUST_LOG", level)
            .stdin(Stdio::null())
            .stderr(File::create(&log_path).unwrap())
            .stdout(File::create(log_path.with_extension("out")).unwrap())
            .spawn()
            .expect("the kiosk-server binary starts");
        let mut server = Server {
            child,
            addr,
            log: log_path.clone(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok((200, _)) = http(addr, "GET", ready, &[], None) {
                return server;
            }
            let exited = server.child.try_wait().unwrap();
            if exited.is_some() && attempt < ATTEMPTS {
                break;
            }
            if exited.is_some() || Instant::now() > deadline {
                panic!(
                    "server did not come up (exit: {exited:?}); its log:\n{}{}",
                    server.log_text(),
                    std::fs::read_to_string(log_path.with_extension("out")).unwrap_or_default()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
    unreachable!("the last attempt returns or panics")
}

/// Waits up to `timeout` for `ready` to hold; whether it did.
pub fn wait_for(timeout: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if ready() {
            return true;
        }
        thread::sleep(Duration::from_millis(50));
    }
    ready()
}

/// One HTTP/1.1 request on its own connection: status and body.
pub fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> std::io::Result<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    stream.write_all(request.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    parse_response(&response).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            format!("incomplete response ({} bytes)", response.len()),
        )
    })
}

fn parse_response(raw: &[u8]) -> Option<(u16, Vec<u8>)> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let body = &raw[split + 4..];
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_owned())
        })
    };
    if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        return Some((status, dechunk(body)?));
    }
    match header("content-length") {
        Some(len) => {
            let len: usize = len.parse().ok()?;
            (body.len() >= len).then(|| (status, body[..len].to_vec()))
        }
        None => Some((status, body.to_vec())),
    }
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

pub fn get_json(addr: SocketAddr, path: &str) -> Value {
    let (status, body) = http(addr, "GET", path, &[], None).unwrap();
    assert_eq!(
        status,
        200,
        "GET {path}: {}",
        String::from_utf8_lossy(&body)
    );
    serde_json::from_slice(&body).unwrap()
}
