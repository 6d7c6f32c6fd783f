//! Installing what is missing. Each check is cheap, so a warm machine skips
//! straight through; each install is the registry recipe from shared/TOOLCHAIN.md.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

pub type Result<T = ()> = std::result::Result<T, String>;

/// Trunk 0.22 needs a newer rustc than this machine's 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// Debian packages the tests need: the browser and its driver, CJK fonts for the
/// screenshots, PostgreSQL for the central server's tests (they start a
/// throw-away cluster of their own, never the system one), espeak-ng, the
/// synthesiser behind the server's speech endpoint, and for the real-voice test
/// speech-dispatcher with its espeak-ng module (Chromium's voices on Linux) and
/// PulseAudio with `parec`, whose null sink the test records.
const TEST_APT_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "postgresql",
    "espeak-ng",
    "speech-dispatcher-espeak-ng",
    "pulseaudio",
    "pulseaudio-utils",
];

/// The workspace root (this crate lives in `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent folder")
        .to_path_buf()
}

/// The npm package of the end-to-end tests, which also carries binaryen's wasm-opt.
pub fn e2e_dir() -> PathBuf {
    root().join("tests/e2e")
}

/// Runs a command with inherited output, failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first line a command prints on stdout, if it runs successfully.
fn output_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned()
    })
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

/// PATH with the npm tools (binaryen's wasm-opt) first, then cargo's bin folder.
pub fn tool_path() -> String {
    let mut parts = vec![e2e_dir().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin"));
    }
    let mut path = std::env::join_paths(parts).expect("paths without separators");
    if let Some(old) = std::env::var_os("PATH") {
        path.push(":");
        path.push(old);
    }
    path.to_string_lossy().into_owned()
}

/// A command that finds the tools installed here.
pub fn tool(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env("PATH", tool_path());
    cmd
}

fn ensure_rust() -> Result {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is required (the machine's Rust toolchain): {e}"))?;
    if !String::from_utf8_lossy(&targets.stdout).contains("wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let has_fmt = output_line("cargo", &["fmt", "--version"]).is_some();
    let has_clippy = output_line("cargo", &["clippy", "--version"]).is_some();
    if !has_fmt || !has_clippy {
        run(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))?;
    }
    Ok(())
}

fn ensure_cargo_tool(binary: &str, version: &str, install: &mut Command) -> Result {
    let seen = output_line(&tool_path_lookup(binary), &["--version"]).unwrap_or_default();
    if seen.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    println!("{binary} {version} is missing (found: {seen:?}); installing from crates.io");
    run(install)
}

/// The full path of a tool as `tool()` would find it (PATH lookups in `Command`
/// use the parent's PATH, not the child's).
pub fn tool_path_lookup(binary: &str) -> String {
    std::env::split_paths(&tool_path())
        .map(|dir| dir.join(binary))
        .find(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| binary.to_owned())
}

fn ensure_trunk_and_wasm_bindgen() -> Result {
    let wb = locked_wasm_bindgen_version()?;
    // Its lockfile names a crate version the registry here does not serve: no --locked.
    ensure_cargo_tool(
        "wasm-bindgen",
        &wb,
        Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wb]),
    )?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &mut locked_install("trunk", TRUNK_VERSION),
    )
}

/// `cargo install --locked CRATE --version VERSION`, without LTO: a tool build does
/// not need it, and this saves minutes on a fresh machine.
fn locked_install(krate: &str, version: &str) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate, "--locked", "--version", version])
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    cmd
}

fn ensure_apt(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            output_line("dpkg-query", &["-W", "-f=${Status}", p])
                .is_none_or(|s| !s.ends_with("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("Debian packages missing: {}", missing.join(" "));
    let sudo = output_line("id", &["-u"]).as_deref() != Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = Command::new(if sudo { "sudo" } else { "apt-get" });
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

fn ensure_node() -> Result {
    if output_line("node", &["--version"]).is_some() && output_line("npm", &["--version"]).is_some()
    {
        return Ok(());
    }
    ensure_apt(&["nodejs", "npm"])
}

/// `npm ci` in each npm package of the project (the end-to-end tests, with
/// binaryen's wasm-opt; the console's browser libraries) when its node_modules is
/// missing or older than its lockfile.
fn ensure_npm_packages() -> Result {
    for dir in [e2e_dir(), root().join("console")] {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let lock = modified(&dir.join("package-lock.json"));
        let installed = modified(&dir.join("node_modules/.package-lock.json"));
        if lock.is_some() && installed.is_some() && installed >= lock {
            continue;
        }
        run(tool("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            // The tests drive Debian's Chromium; never fetch a browser build.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
    }
    Ok(())
}

/// What `cargo xtask run` needs: the wasm toolchain and wasm-opt.
pub fn for_run() -> Result {
    ensure_rust()?;
    ensure_node()?;
    ensure_npm_packages()?;
    ensure_trunk_and_wasm_bindgen()
}

/// oha, the HTTP load generator of `cargo xtask bench`.
const OHA_VERSION: &str = "1.16.0";

/// What `cargo xtask bench` needs: all of `test`'s, plus oha from crates.io
/// when `oha` (the backend benchmark) is to run.
pub fn for_bench(oha: bool) -> Result {
    for_tests()?;
    if !oha {
        return Ok(());
    }
    ensure_cargo_tool("oha", OHA_VERSION, &mut locked_install("oha", OHA_VERSION))
}

/// What `cargo xtask test` needs: all of `run`'s, plus Chromium, its driver and
/// CJK fonts so screenshots show the Chinese text.
pub fn for_tests() -> Result {
    ensure_apt(TEST_APT_PACKAGES)?;
    for_run()
}
