//! The browser benchmarks: Node scripts in `tests/e2e/bench/` (Playwright driving
//! Debian's Chromium) against kiosk-server serving a copy of `dist/`, so a script
//! may add pages (the cold start's control page) without touching the build.
//! Each script writes PREFIX.tsv (rows) and PREFIX.json (every figure); see
//! `tests/e2e/bench/common.mjs`.

use std::{fs, path::Path};

use super::{Row, start_server};
use crate::setup::{self, Result, e2e_dir, root, tool};

/// The scripts, in the order they run: cold start and tap-to-paint, time to
/// the first sound of server speech, then soak.
pub const SCRIPTS: [&str; 3] = ["startup", "speech", "soak"];

/// Copies the files of `from` into a new `to`.
fn copy_dir(from: &Path, to: &Path) -> Result {
    let _ = fs::remove_dir_all(to);
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

/// Runs `tests/e2e/bench/SCRIPT.mjs` and adds its rows; its figures go into the
/// report under the script's name.
pub fn run(rows: &mut Vec<Row>, json: &mut Vec<String>, dist: &Path, script: &str) -> Result {
    let dir = root().join("target/bench");
    let site = dir.join(format!("site-{script}"));
    copy_dir(dist, &site)?;
    // Every server gets a speech cache of its own; the speech benchmark's is
    // filled first, as a deployment does.
    let cache = dir.join(format!("speech-cache-{script}"));
    let _ = fs::remove_dir_all(&cache);
    if script == "speech" {
        prerender(rows, json, &cache)?;
    }
    let cache_arg = cache.display().to_string();
    let (server, port) = start_server(
        &site,
        script,
        None,
        &[
            "--demo-data",
            "--rate-limit-per-minute",
            "0",
            "--speech-cache",
            &cache_arg,
        ],
    )?;
    let out = dir.join(script);
    for ext in ["tsv", "json"] {
        let _ = fs::remove_file(out.with_extension(ext));
    }
    let ran = setup::run(
        tool("node")
            .arg(format!("bench/{script}.mjs"))
            .args(["--base-url", &format!("http://127.0.0.1:{port}"), "--site"])
            .arg(&site)
            .arg("--out")
            .arg(&out)
            .arg("--speech-cache")
            .arg(&cache)
            .current_dir(e2e_dir()),
    );
    drop(server);
    // The rows the script wrote before it stopped count, even if it failed.
    let tsv = fs::read_to_string(out.with_extension("tsv")).unwrap_or_default();
    for line in tsv.lines() {
        let mut f = line.split('\t');
        let (Some(mark), Some(name)) = (f.next(), f.next()) else {
            continue;
        };
        rows.push(Row {
            name: name.to_owned(),
            value: f.next().unwrap_or_default().to_owned(),
            budget: f.next().unwrap_or_default().to_owned(),
            pass: mark == "ok",
        });
    }
    if let Ok(figures) = fs::read_to_string(out.with_extension("json")) {
        json.push(format!("\"{script}\": {}", figures.trim()));
    }
    ran
}

/// `kiosk-server speech prerender` into `cache`, timed, with the size of what
/// it made: what a deployment does once.
fn prerender(rows: &mut Vec<Row>, json: &mut Vec<String>, cache: &Path) -> Result {
    let started = std::time::Instant::now();
    let out = std::process::Command::new(root().join("target/server/kiosk-server"))
        .args(["speech", "prerender", "--speech-cache"])
        .arg(cache)
        .output()
        .map_err(|e| format!("kiosk-server speech prerender: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!(
            "kiosk-server speech prerender: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let (mut files, mut bytes) = (0u64, 0u64);
    for entry in fs::read_dir(cache).map_err(|e| format!("{}: {e}", cache.display()))? {
        let meta = entry
            .map_err(|e| e.to_string())?
            .metadata()
            .map_err(|e| e.to_string())?;
        files += 1;
        bytes += meta.len();
    }
    rows.push(Row {
        name: "speech prerender, every catalog text in both languages".into(),
        value: format!(
            "{files} texts, {:.1} MB, {seconds:.1} s",
            bytes as f64 / 1e6
        ),
        budget: "reported".into(),
        pass: true,
    });
    json.push(format!(
        "\"speech_prerender\": {{\"texts\": {files}, \"bytes\": {bytes}, \"seconds\": {seconds:.2}}}"
    ));
    Ok(())
}
