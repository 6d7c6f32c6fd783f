//! The kiosk's configuration: `kiosk.json`, served next to the app, read once at
//! start-up. Missing fields take the defaults; a field that cannot be used is
//! reported (on the staff panel) and its default used instead, so a typo in the
//! file never leaves a hall without a working kiosk.
//!
//! Only a debug (developer) build lets URL parameters override the file; a release
//! build on a kiosk ignores them, so nobody can repoint a kiosk from its address.

use std::sync::OnceLock;

use kiosk_core::{Lang, api::API_PREFIX};
use serde::Deserialize;
use serde_json::Value;

use crate::device::keymap::KeyMapConfig;

/// Where the configuration file is served.
pub const CONFIG_PATH: &str = "/kiosk.json";

/// How long the kiosk waits, in seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// Without any touch or key, before the "are you still there?" warning, on
    /// screens where the visitor is filling something in.
    pub form_s: u32,
    /// The same on information and result screens.
    pub info_s: u32,
    /// How long the warning counts down before the visit is cleared.
    pub warning_s: u32,
    /// Idle time after which the staff panel closes by itself.
    pub staff_idle_s: u32,
    /// How often the kiosk asks the server whether it is in maintenance.
    pub status_poll_s: u32,
    /// How often the kiosk tells the server it is alive.
    pub heartbeat_s: u32,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            form_s: 120,
            info_s: 60,
            warning_s: 60,
            staff_idle_s: 60,
            status_poll_s: 30,
            heartbeat_s: kiosk_core::api::DEFAULT_HEARTBEAT_S as u32,
        }
    }
}

/// The kiosk's configuration after defaults were applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskConfig {
    /// This kiosk's id at the server (`/kiosks/{id}/…`).
    pub kiosk_id: String,
    /// The hall it stands in.
    pub hall_id: String,
    /// Base path or URL of the API.
    pub api_base: String,
    /// Base address printed in receipt QR codes, when the hall serves the kiosk
    /// under a public address; otherwise the kiosk's own origin.
    pub public_url: Option<String>,
    /// The language each visit starts in.
    pub default_language: Lang,
    pub timeouts: Timeouts,
    pub key_map: KeyMapConfig,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            kiosk_id: "kiosk-1".to_owned(),
            hall_id: "demo-hall".to_owned(),
            api_base: API_PREFIX.to_owned(),
            public_url: None,
            default_language: Lang::ZhCn,
            timeouts: Timeouts::default(),
            key_map: KeyMapConfig::new(),
        }
    }
}

/// The configuration in force and what was wrong with the file, if anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub config: KioskConfig,
    /// One plain line per problem (field and why); empty when the file was fine.
    pub problems: Vec<String>,
}

/// Lower and upper bounds of each timeout, in seconds.
const TIMEOUT_RANGE: (u32, u32) = (5, 3600);

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn is_base(s: &str) -> bool {
    s.starts_with('/') || s.starts_with("https://") || s.starts_with("http://")
}

/// Reads `kiosk.json` text: every usable field is taken, every other one reported.
pub fn parse(text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let root = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            loaded.problems.push("kiosk.json: not a JSON object".into());
            return loaded;
        }
        Err(e) => {
            loaded
                .problems
                .push(format!("kiosk.json: not valid JSON ({e})"));
            return loaded;
        }
    };
    let c = &mut loaded.config;
    let p = &mut loaded.problems;
    for (key, value) in &root {
        match key.as_str() {
            "kiosk_id" | "hall_id" => match value.as_str().filter(|s| is_id(s)) {
                Some(id) if key == "kiosk_id" => c.kiosk_id = id.to_owned(),
                Some(id) => c.hall_id = id.to_owned(),
                None => p.push(format!("{key}: must be 1–64 letters, digits, '-' or '_'")),
            },
            "api_base" => match value.as_str().filter(|s| is_base(s)) {
                Some(base) => c.api_base = base.trim_end_matches('/').to_owned(),
                None => p.push("api_base: must start with '/', 'http://' or 'https://'".into()),
            },
            "public_url" => match value {
                Value::Null => c.public_url = None,
                Value::String(s) if s.starts_with("https://") || s.starts_with("http://") => {
                    c.public_url = Some(s.trim_end_matches('/').to_owned())
                }
                _ => p.push("public_url: must be null or an http(s) address".into()),
            },
            "default_language" => match Lang::deserialize(value) {
                Ok(lang) => c.default_language = lang,
                Err(_) => p.push("default_language: must be \"zh-CN\" or \"en\"".into()),
            },
            "timeouts" => parse_timeouts(value, &mut c.timeouts, p),
            "key_map" => match KeyMapConfig::deserialize(value) {
                Ok(map) => c.key_map = map,
                Err(e) => p.push(format!("key_map: {e}")),
            },
            other => p.push(format!("{other}: unknown setting, ignored")),
        }
    }
    loaded
}

fn parse_timeouts(value: &Value, t: &mut Timeouts, problems: &mut Vec<String>) {
    let Value::Object(map) = value else {
        problems.push("timeouts: must be an object".into());
        return;
    };
    for (key, value) in map {
        let slot = match key.as_str() {
            "form_s" => &mut t.form_s,
            "info_s" => &mut t.info_s,
            "warning_s" => &mut t.warning_s,
            "staff_idle_s" => &mut t.staff_idle_s,
            "status_poll_s" => &mut t.status_poll_s,
            "heartbeat_s" => &mut t.heartbeat_s,
            other => {
                problems.push(format!("timeouts.{other}: unknown setting, ignored"));
                continue;
            }
        };
        let (lo, hi) = TIMEOUT_RANGE;
        match value
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| (lo..=hi).contains(v))
        {
            Some(v) => *slot = v,
            None => problems.push(format!(
                "timeouts.{key}: must be whole seconds from {lo} to {hi}"
            )),
        }
    }
}

static LOADED: OnceLock<Loaded> = OnceLock::new();

/// The configuration in force (the defaults until [`load`] has run, e.g. in tests).
pub fn get() -> &'static Loaded {
    LOADED.get_or_init(Loaded::default)
}

/// This kiosk's configuration.
pub fn config() -> &'static KioskConfig {
    &get().config
}

/// Fetches `kiosk.json` (never from the cache) and keeps it for the page's life.
/// A missing or unreadable file is a problem reported on the staff panel.
pub async fn load() {
    let mut loaded = match fetch_text().await {
        Ok(text) => parse(&text),
        Err(why) => Loaded {
            config: KioskConfig::default(),
            problems: vec![format!("kiosk.json: {why}; defaults in use")],
        },
    };
    dev_overrides(&mut loaded);
    // Set once, before the app mounts; a second call keeps the first.
    let _ = LOADED.set(loaded);
}

async fn fetch_text() -> Result<String, String> {
    let response = gloo_net::http::Request::get(CONFIG_PATH)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| "could not be fetched".to_owned())?;
    if !response.ok() {
        return Err(format!("answered {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|_| "could not be read".to_owned())
}

/// In a debug build, `?kiosk_id=…&hall_id=…&api_base=…&default_language=…` override
/// the file, for trying several kiosks from one browser.
#[cfg(debug_assertions)]
fn dev_overrides(loaded: &mut Loaded) {
    let Ok(search) = leptos::prelude::window().location().search() else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let mut map = serde_json::Map::new();
    for key in ["kiosk_id", "hall_id", "api_base", "default_language"] {
        if let Some(v) = params.get(key) {
            map.insert(key.to_owned(), Value::String(v));
        }
    }
    if map.is_empty() {
        return;
    }
    let over = parse(&Value::Object(map).to_string());
    let c = &mut loaded.config;
    (c.kiosk_id, c.hall_id, c.api_base, c.default_language) = (
        over.config.kiosk_id,
        over.config.hall_id,
        over.config.api_base,
        over.config.default_language,
    );
    loaded.problems.extend(over.problems);
}

#[cfg(not(debug_assertions))]
fn dev_overrides(_: &mut Loaded) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::keymap::KeyAction;

    #[test]
    fn the_shipped_file_is_the_defaults() {
        let loaded = parse(include_str!("../../kiosk.json"));
        assert_eq!(loaded.problems, Vec::<String>::new());
        assert_eq!(loaded.config, KioskConfig::default());
    }

    #[test]
    fn fields_are_read_and_missing_ones_default() {
        let loaded = parse(
            r#"{"kiosk_id": "hall-3_east", "api_base": "https://api.example.cn/api/v1/",
                "default_language": "en", "public_url": "https://kiosk.example.cn/",
                "timeouts": {"form_s": 90, "warning_s": 30},
                "key_map": {"select": ["NumpadEnter"]}}"#,
        );
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let c = loaded.config;
        assert_eq!(c.kiosk_id, "hall-3_east");
        assert_eq!(c.hall_id, "demo-hall");
        assert_eq!(c.api_base, "https://api.example.cn/api/v1");
        assert_eq!(c.public_url.as_deref(), Some("https://kiosk.example.cn"));
        assert_eq!(c.default_language, Lang::En);
        assert_eq!(c.timeouts.form_s, 90);
        assert_eq!(c.timeouts.warning_s, 30);
        assert_eq!(c.timeouts.info_s, 60);
        assert_eq!(
            c.key_map[&KeyAction::Select],
            vec!["NumpadEnter".to_owned()]
        );
    }

    #[test]
    fn each_bad_field_is_reported_and_defaulted_alone() {
        let loaded = parse(
            r#"{"kiosk_id": "kiosk 1/..", "hall_id": "demo-hall", "api_base": "ftp://x",
                "default_language": "fr", "timeouts": {"form_s": 2, "info_s": 45, "nap_s": 3},
                "key_map": {"jump": ["x"]}, "colour": "red", "public_url": 5}"#,
        );
        let c = &loaded.config;
        assert_eq!(c.kiosk_id, "kiosk-1");
        assert_eq!(c.api_base, "/api/v1");
        assert_eq!(c.default_language, Lang::ZhCn);
        assert_eq!(c.timeouts.form_s, 120);
        assert_eq!(
            c.timeouts.info_s, 45,
            "good fields beside bad ones are kept"
        );
        assert!(c.key_map.is_empty());
        let p = loaded.problems.join("\n");
        for field in [
            "kiosk_id",
            "api_base",
            "default_language",
            "timeouts.form_s",
            "timeouts.nap_s",
            "key_map",
            "colour",
            "public_url",
        ] {
            assert!(p.contains(field), "{field} not reported in:\n{p}");
        }
        assert_eq!(loaded.problems.len(), 8);
    }

    #[test]
    fn a_file_that_is_not_an_object_gives_the_defaults() {
        for text in ["", "[1]", "{\"kiosk_id\":"] {
            let loaded = parse(text);
            assert_eq!(loaded.config, KioskConfig::default());
            assert_eq!(loaded.problems.len(), 1, "{text}");
        }
    }
}
