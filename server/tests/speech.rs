//! `POST /api/v1/speech` with the real espeak-ng: audio that is real speech of a
//! length that fits the text, kept only for the catalog's own texts, refused
//! clearly for a language it cannot speak or a text too long, limited per
//! client, and never written to the log.

mod common;

use std::time::Duration;

use common::{TestApp, TestResponse, backend, proc};
use kiosk_core::{Lang, api::SPEECH_TEXT_MAX, catalog::Msg};
use kiosk_server::db::Dialect;
use serde_json::json;

async fn say(app: &TestApp, lang: &str, text: &str) -> TestResponse {
    app.post("/api/v1/speech", &json!({"lang": lang, "text": text}), None)
        .await
}

/// The files in the app's speech cache.
fn kept(app: &TestApp) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(app.dir.path().join("speech-cache")) {
        Ok(dir) => dir.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Seconds of audio in a 16-bit mono WAV, from its header, after checking the
/// header's lengths match the body.
fn seconds(wav: &[u8]) -> f64 {
    assert_eq!(&wav[0..4], b"RIFF");
    assert_eq!(&wav[8..12], b"WAVE");
    assert_eq!(&wav[36..40], b"data");
    let u32_at = |i: usize| u32::from_le_bytes(wav[i..i + 4].try_into().unwrap());
    assert_eq!(u32_at(4) as usize, wav.len() - 8, "RIFF length");
    assert_eq!(u32_at(40) as usize, wav.len() - 44, "data length");
    let (channels, rate, bits) = (
        u16::from_le_bytes([wav[22], wav[23]]),
        u32_at(24),
        u16::from_le_bytes([wav[34], wav[35]]),
    );
    assert_eq!((channels, bits), (1, 16));
    (wav.len() - 44) as f64 / f64::from(rate) / 2.0
}

/// The loudest sample's share of full scale: near 0 is silence.
fn peak(wav: &[u8]) -> f64 {
    let max = wav[44..]
        .chunks_exact(2)
        .map(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs())
        .max()
        .unwrap_or(0);
    f64::from(max) / 32768.0
}

#[tokio::test]
async fn a_catalog_text_is_spoken_and_kept_and_then_served_from_the_cache() {
    let app = TestApp::new().await;
    let text = Msg::AppTitle.text(Lang::ZhCn);
    let first = say(&app, "zh-CN", text).await;
    if backend() == Dialect::Postgres {
        // A central makes no speech: its kiosks ask their own edges.
        assert_eq!(first.status, 503);
        assert_eq!(first.code("request"), "speech_unavailable");
        return;
    }
    assert_eq!(
        first.status,
        200,
        "{}",
        String::from_utf8_lossy(&first.body)
    );
    assert_eq!(first.header("content-type"), Some("audio/wav"));
    assert_eq!(first.header("cache-control"), Some("no-store"));
    assert_eq!(first.header("x-speech-source"), Some("rendered-kept"));
    // Eight syllables of Mandarin: about one to four seconds, and not silent.
    let length = seconds(&first.body);
    assert!((0.8..4.0).contains(&length), "{length} s");
    assert!(peak(&first.body) > 0.2, "peak {}", peak(&first.body));
    assert_eq!(kept(&app).len(), 1);

    let again = say(&app, "zh-CN", &format!("  {text} ")).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.header("x-speech-source"), Some("cache"));
    assert_eq!(again.body, first.body);

    // A longer text is longer speech; English has its own voice.
    let long = say(&app, "en", Msg::FooterHelp.text(Lang::En)).await;
    assert_eq!(long.status, 200);
    assert!(seconds(&long.body) > length, "{} s", seconds(&long.body));
    assert!(peak(&long.body) > 0.2);
}

#[tokio::test]
async fn a_text_that_is_not_the_catalogs_is_spoken_but_never_kept() {
    let app = TestApp::new().await;
    if backend() == Dialect::Postgres {
        return;
    }
    for (lang, text) in [
        ("zh-CN", "王小明，手机 139****5678，预约号 BK7Q2M"),
        ("en", "Reference BK7Q2M"),
        // The other language's catalog text is not this language's.
        ("en", Msg::AppTitle.text(Lang::ZhCn)),
        // A filled template is not the catalog's text.
        ("en", "Question 2 of 5"),
    ] {
        let res = say(&app, lang, text).await;
        assert_eq!(res.status, 200, "{text}");
        assert_eq!(res.header("x-speech-source"), Some("rendered"), "{text}");
        assert!(seconds(&res.body) > 0.5, "{text}");
    }
    assert!(kept(&app).is_empty(), "{:?}", kept(&app));
}

#[tokio::test]
async fn bad_requests_are_refused_with_a_reason() {
    let app = TestApp::new().await;
    if backend() == Dialect::Postgres {
        return;
    }
    let cases = [
        (
            json!({"lang": "fr", "text": "Bonjour"}),
            422,
            "lang",
            "unknown_language",
        ),
        (
            json!({"lang": "zh-HK", "text": "你好"}),
            422,
            "lang",
            "unknown_language",
        ),
        (
            json!({"lang": "en", "text": "   "}),
            422,
            "text",
            "speech_text_empty",
        ),
        (
            json!({"lang": "zh-CN", "text": "字".repeat(SPEECH_TEXT_MAX + 1)}),
            422,
            "text",
            "speech_text_too_long",
        ),
        (json!({"lang": "en"}), 422, "body", "invalid_body"),
        (
            json!({"lang": "en", "text": "x".repeat(20_000)}),
            413,
            "request",
            "body_too_large",
        ),
    ];
    for (body, status, field, code) in cases {
        let res = app.post("/api/v1/speech", &body, None).await;
        assert_eq!(res.status, status, "{body}");
        assert_eq!(res.code(field), code, "{body}");
    }
    assert!(kept(&app).is_empty());
}

#[tokio::test]
async fn speech_has_a_limit_of_its_own_and_says_when_to_come_back() {
    let app = TestApp::with(|c| c.speech.speech_rate_limit = 3).await;
    if backend() == Dialect::Postgres {
        return;
    }
    for _ in 0..3 {
        assert_eq!(say(&app, "en", "Yes").await.status, 200);
    }
    let refused = say(&app, "en", "Yes").await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.code("request"), "speech_rate_limited");
    assert!(refused.header("retry-after").is_some());
}

#[tokio::test]
async fn without_a_synthesiser_the_answer_says_so() {
    let app = TestApp::with(|c| c.speech.program = "/nonexistent/espeak-ng".into()).await;
    if backend() == Dialect::Postgres {
        return;
    }
    let res = say(&app, "zh-CN", Msg::AppTitle.text(Lang::ZhCn)).await;
    assert_eq!(res.status, 503);
    assert_eq!(res.code("request"), "speech_unavailable");
    assert!(kept(&app).is_empty());
}

#[tokio::test]
async fn prerendering_renders_every_fixed_catalog_text_once() {
    if backend() == Dialect::Postgres {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let args = kiosk_server::speech::SpeechArgs {
        speech_cache: dir.path().join("cache"),
        ..Default::default()
    };
    let speech = kiosk_server::speech::Speech::new(&args);
    // Keys that share a text share its audio.
    let fixed = Msg::ALL
        .iter()
        .flat_map(|m| Lang::ALL.map(|l| (l, m.text(l))))
        .filter(|(_, t)| !t.contains('{'))
        .collect::<std::collections::HashSet<_>>()
        .len();
    let done = speech.prerender().await.unwrap();
    assert_eq!((done.texts, done.rendered), (fixed, fixed));
    let files = std::fs::read_dir(dir.path().join("cache")).unwrap().count();
    assert_eq!(files, fixed);
    let again = speech.prerender().await.unwrap();
    assert_eq!((again.rendered, again.bytes), (0, done.bytes));
    // What was rendered is what a request then gets, from the cache.
    let (wav, source) = speech
        .speak(Lang::En, Msg::AppTitle.text(Lang::En))
        .await
        .unwrap();
    assert_eq!(source, kiosk_server::speech::Source::Cache);
    assert!(seconds(&wav) > 1.0);
}

#[test]
fn the_server_log_never_holds_what_was_said() {
    if backend() == Dialect::Postgres {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>k</title>").unwrap();
    let db = dir.path().join("k.sqlite3");
    let cache = dir.path().join("speech");
    let server = proc::start_logging(
        &[
            "--db",
            db.to_str().unwrap(),
            "--dist",
            dist.to_str().unwrap(),
            "--speech-cache",
            cache.to_str().unwrap(),
        ],
        &dir.path().join("server"),
        "/api/v1/health",
        None,
        "debug",
    );
    let secret = "张秘密 13987654321 BKZZ9Q";
    for text in [secret, Msg::AppTitle.text(Lang::ZhCn)] {
        let body = json!({"lang": "zh-CN", "text": text});
        let (status, _) =
            proc::http(server.addr, "POST", "/api/v1/speech", &[], Some(&body)).unwrap();
        assert_eq!(status, 200);
    }
    assert!(proc::wait_for(Duration::from_secs(5), || server
        .log_text()
        .contains("rendered-kept")));
    let log = server.log_text();
    assert!(log.contains("speech endpoint ready"), "{log}");
    for word in [
        "张秘密",
        "13987654321",
        "BKZZ9Q",
        Msg::AppTitle.text(Lang::ZhCn),
    ] {
        assert!(!log.contains(word), "{word} in the log:\n{log}");
    }
}

#[tokio::test]
async fn a_catalog_text_can_be_asked_for_by_its_key_and_nothing_else_can() {
    let app = TestApp::new().await;
    let text = Msg::AppTitle.text(Lang::En);
    let key = kiosk_server::speech::key(Lang::En, text);
    let res = app.get(&format!("/api/v1/speech/catalog/{key}")).await;
    if backend() == Dialect::Postgres {
        assert_eq!(res.status, 503);
        assert_eq!(res.code("request"), "speech_unavailable");
        return;
    }
    assert_eq!(res.status, 200, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(res.header("content-type"), Some("audio/wav"));
    // The address names a text of the kiosk's own: the browser may keep it.
    assert_eq!(
        res.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(res.header("x-speech-source"), Some("rendered-kept"));
    assert!(seconds(&res.body) > 0.5 && peak(&res.body) > 0.2);
    let again = app.get(&format!("/api/v1/speech/catalog/{key}")).await;
    assert_eq!(again.header("x-speech-source"), Some("cache"));
    assert_eq!(again.body, res.body);
    // The key of anything else (a phone number, a template) is unknown: it
    // cannot be rendered by address, and nothing is kept.
    for other in [
        kiosk_server::speech::key(Lang::En, "13800138000"),
        kiosk_server::speech::key(Lang::En, Msg::ProgressTemplate.text(Lang::En)),
        kiosk_server::speech::key(Lang::ZhCn, text),
        "../../etc/passwd".replace('/', "%2F"),
    ] {
        let res = app.get(&format!("/api/v1/speech/catalog/{other}")).await;
        assert_eq!(res.status, 404, "{other}");
        assert_eq!(res.code("request"), "speech_not_in_catalog");
    }
    assert_eq!(kept(&app).len(), 1);
}
