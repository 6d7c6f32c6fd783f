//! The speaker in a real browser (wasm-bindgen-test in headless Chromium).
//!
//! Headless Chromium may have no voices, so each test replaces
//! `speechSynthesis.speak`, `.cancel` and `.getVoices` with recorders first: what
//! would be spoken lands in `window.__spoken` (the real utterance objects), every
//! call in `window.__log`, and `window.__voices` is the voice list, one stand-in
//! voice for each language unless a test says otherwise (with none, the speaker
//! turns to the server's speech, which the end-to-end tests cover).
#![cfg(target_arch = "wasm32")]

use std::{cell::RefCell, rc::Rc};

use gloo_timers::future::TimeoutFuture;
use kiosk_core::Lang;
use legal_kiosk::{
    device::speech::{Speaker, VoiceSource, provide_speaker, typed_char_text},
    text::Msg,
    visit::prefs::{Prefs, SpeechRate, Volume, provide_prefs},
};
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).unwrap_or_else(|e| panic!("{code}: {e:?}"))
}

/// Replaces the browser's speech calls with recorders and empties the records.
fn install_recorder() {
    js(r#"(() => {
        const s = window.speechSynthesis;
        window.__log = [];
        window.__spoken = [];
        window.__voices = [
            { lang: "zh-CN", name: "test-zh", localService: true, default: true },
            { lang: "en-GB", name: "test-en", localService: true, default: false },
        ];
        s.speak = (u) => { window.__log.push('speak'); window.__spoken.push(u); };
        s.cancel = () => { window.__log.push('cancel'); };
        window.__lookups = 0;
        s.getVoices = () => { window.__lookups += 1; return window.__voices; };
    })()"#);
}

fn log() -> String {
    js("window.__log.join(',')").as_string().unwrap()
}

/// The recorded utterances as JSON: text, lang, rate, volume, whether the
/// speaker still holds an `end` handler on it, and whether a voice was set.
fn spoken() -> Vec<Value> {
    let json = js(r#"JSON.stringify(window.__spoken.map(u => ({
        text: u.text, lang: u.lang, rate: u.rate, volume: u.volume,
        held: typeof u.onend === 'function' && typeof u.onerror === 'function',
        voice: u.voice !== null,
    })))"#)
    .as_string()
    .unwrap();
    serde_json::from_str(&json).unwrap()
}

fn texts() -> Vec<String> {
    spoken()
        .iter()
        .map(|u| u["text"].as_str().unwrap().to_owned())
        .collect()
}

fn set_voices(json: &str) {
    js(&format!("window.__voices = {json}"));
    js("window.speechSynthesis.dispatchEvent(new Event('voiceschanged'))");
}

struct Mounted {
    speaker: Speaker,
    prefs: Prefs,
    diagnostic: Memo<Option<Msg>>,
    _handle: Box<dyn std::any::Any>,
}

/// Mounts an app shell that provides the preferences and the speaker.
fn mount() -> Mounted {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let out = Rc::new(RefCell::new(None));
    let inner = Rc::clone(&out);
    let handle = leptos::mount::mount_to(container, move || {
        let prefs = provide_prefs();
        let speaker = provide_speaker();
        let diagnostic = Memo::new(move |_| speaker.diagnostic());
        *inner.borrow_mut() = Some((speaker, prefs, diagnostic));
        view! { <p>"speaker"</p> }
    });
    let (speaker, prefs, diagnostic) = out.borrow_mut().take().unwrap();
    Mounted {
        speaker,
        prefs,
        diagnostic,
        _handle: Box::new(handle),
    }
}

fn close(value: &Value, expected: f32) -> bool {
    (value.as_f64().unwrap() - f64::from(expected)).abs() < 1e-6
}

#[wasm_bindgen_test]
fn say_is_silent_with_audio_off_but_keeps_the_text_for_repeat() {
    install_recorder();
    let m = mount();
    m.speaker.say(&["您好"]);
    assert_eq!(log(), "");
    assert_eq!(untrack(|| m.speaker.last()).as_deref(), Some("您好"));
}

#[wasm_bindgen_test]
fn say_speaks_in_the_display_language_with_the_chosen_rate_and_volume() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    m.prefs.lang.set(Lang::En);
    m.prefs.speech_rate.set(SpeechRate::Slow);
    m.prefs.volume.set(Volume::Loud);
    m.speaker.say(&["Welcome"]);
    let u = &spoken()[0];
    assert_eq!(u["text"], "Welcome");
    assert_eq!(u["lang"], "en");
    assert!(close(&u["rate"], SpeechRate::Slow.rate()), "{u}");
    assert!(close(&u["volume"], Volume::Loud.level()), "{u}");

    // Changes apply to the next utterance.
    m.prefs.lang.set(Lang::ZhCn);
    m.prefs.speech_rate.set(SpeechRate::Fast);
    m.prefs.volume.set(Volume::Quiet);
    m.speaker.say(&["欢迎"]);
    let u = &spoken()[1];
    assert_eq!(u["lang"], "zh-CN");
    assert!(close(&u["rate"], SpeechRate::Fast.rate()), "{u}");
    assert!(close(&u["volume"], Volume::Quiet.level()), "{u}");
}

#[wasm_bindgen_test]
fn new_speech_cancels_the_old_and_releases_it() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    m.speaker.say(&["第一句"]);
    m.speaker.say(&["第二句"]);
    assert_eq!(log(), "cancel,speak,cancel,speak");
    let s = spoken();
    assert_eq!(texts(), ["第一句", "第二句"]);
    assert_eq!(s[0]["held"], false, "the replaced utterance is let go");
    assert_eq!(s[1]["held"], true, "the current utterance is kept alive");
}

#[wasm_bindgen_test]
fn stop_cancels_and_releases_the_current_utterance() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    m.speaker.say(&["很长的一段话"]);
    m.speaker.stop();
    assert_eq!(log(), "cancel,speak,cancel");
    assert_eq!(spoken()[0]["held"], false);
}

#[wasm_bindgen_test]
fn an_utterance_is_released_when_it_ends_or_fails() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    m.speaker.say(&["一"]);
    js("window.__spoken[0].dispatchEvent(new Event('end'))");
    assert_eq!(spoken()[0]["held"], false);
    m.speaker.say(&["二"]);
    js("window.__spoken[1].dispatchEvent(new Event('error'))");
    assert_eq!(spoken()[1]["held"], false);
    // A late event from an old utterance does not release the current one.
    m.speaker.say(&["三"]);
    m.speaker.say(&["四"]);
    js("window.__spoken[2].dispatchEvent(new Event('end'))");
    assert_eq!(spoken()[3]["held"], true);
}

#[wasm_bindgen_test]
fn thousands_of_utterances_leave_only_the_last_one_held() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    for i in 0..2000 {
        m.speaker.say(&[&format!("第{i}句")]);
        if i % 2 == 0 {
            js("window.__spoken[window.__spoken.length - 1].dispatchEvent(new Event('end'))");
        }
    }
    let held = js("window.__spoken.filter(u => u.onend !== null || u.onerror !== null).length");
    assert_eq!(held.as_f64(), Some(1.0));
    assert_eq!(spoken().len(), 2000);
}

#[wasm_bindgen_test]
fn repeat_speaks_the_last_text_again() {
    install_recorder();
    let m = mount();
    m.speaker.repeat();
    assert_eq!(log(), "", "nothing to repeat yet");
    m.prefs.audio.set(true);
    m.speaker.say(&["请选择"]);
    m.speaker.repeat();
    assert_eq!(texts(), ["请选择", "请选择"]);
    assert_eq!(log(), "cancel,speak,cancel,speak");
    // Repeat is the visitor's own request: it speaks with audio mode off too.
    m.prefs.audio.set(false);
    m.speaker.repeat();
    assert_eq!(texts().len(), 3);
}

#[wasm_bindgen_test]
fn say_now_speaks_with_audio_off() {
    install_recorder();
    let m = mount();
    m.speaker.say_now(Msg::AudioOn.text(Lang::ZhCn));
    assert_eq!(texts(), ["语音朗读已打开"]);
    assert_eq!(
        untrack(|| m.speaker.last()).as_deref(),
        Some("语音朗读已打开")
    );
}

#[wasm_bindgen_test]
fn blank_text_neither_speaks_nor_interrupts() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    m.speaker.say(&["标题"]);
    m.speaker.say(&["   "]);
    m.speaker.say_now("");
    assert_eq!(log(), "cancel,speak");
    assert_eq!(untrack(|| m.speaker.last()).as_deref(), Some("标题"));
}

#[wasm_bindgen_test]
fn a_masked_digit_is_spoken_as_digit_entered_unless_private() {
    install_recorder();
    let m = mount();
    m.prefs.audio.set(true);
    let say_typed = |masked: bool| {
        let private = m.prefs.private_listening.get_untracked();
        let lang = m.prefs.lang.get_untracked();
        m.speaker
            .say(&[&typed_char_text('5', masked, private, lang)]);
    };
    say_typed(true);
    say_typed(false);
    m.prefs.private_listening.set(true);
    say_typed(true);
    assert_eq!(texts(), ["已输入一位", "5", "5"]);
}

#[wasm_bindgen_test]
async fn the_source_follows_the_voice_list_and_the_language() {
    install_recorder();
    let m = mount();
    // The `voiceschanged` listener is attached by an effect.
    TimeoutFuture::new(20).await;
    set_voices("[]");
    assert_eq!(m.speaker.source(Lang::ZhCn), VoiceSource::Server);
    set_voices(r#"[{ lang: "zh-CN", name: "x", localService: true, default: false }]"#);
    assert_eq!(
        m.speaker.source(Lang::ZhCn),
        VoiceSource::Browser("x".into())
    );
    assert_eq!(m.speaker.source(Lang::En), VoiceSource::Server);
    assert_eq!(m.diagnostic.get_untracked(), None);
}

/// A stand-in for the server's speech: the first text asked for answers at once
/// with a tenth of a second of silence (WAV); any later one waits until its
/// request is aborted, and then rejects, as a real fetch does.
fn serve_speech_once() {
    js(r#"(() => {
        window.__asked = [];
        window.__aborted = 0;
        window.__fetch0 = window.__fetch0 || window.fetch;
        const samples = 800;
        const wav = new DataView(new ArrayBuffer(44 + samples * 2));
        const text = (at, s) => [...s].forEach((c, i) => wav.setUint8(at + i, c.charCodeAt(0)));
        text(0, 'RIFF'); wav.setUint32(4, 36 + samples * 2, true); text(8, 'WAVEfmt ');
        wav.setUint32(16, 16, true); wav.setUint16(20, 1, true); wav.setUint16(22, 1, true);
        wav.setUint32(24, 8000, true); wav.setUint32(28, 16000, true);
        wav.setUint16(32, 2, true); wav.setUint16(34, 16, true);
        text(36, 'data'); wav.setUint32(40, samples * 2, true);
        window.fetch = (req, init) => {
            const url = req instanceof Request ? req.url : String(req);
            if (!url.endsWith('/speech')) return window.__fetch0(req, init);
            const signal = req instanceof Request ? req.signal : init && init.signal;
            return req.clone().text().then((body) => {
                window.__asked.push(JSON.parse(body).text);
                if (window.__asked.length === 1) {
                    return new Response(wav.buffer, { headers: { 'content-type': 'audio/wav' } });
                }
                return new Promise((_, reject) => signal.addEventListener('abort', () => {
                    window.__aborted += 1;
                    reject(new DOMException('aborted', 'AbortError'));
                }));
            });
        };
    })()"#);
}

#[wasm_bindgen_test]
async fn a_piece_fetched_ahead_then_abandoned_is_not_an_unhandled_rejection() {
    install_recorder();
    let m = mount();
    TimeoutFuture::new(20).await;
    set_voices("[]");
    serve_speech_once();
    // The crash handler restarts the kiosk on an unhandled rejection.
    js(r#"(() => {
        window.__rejections = 0;
        window.addEventListener('unhandledrejection', (e) => { window.__rejections += 1; e.preventDefault(); });
    })()"#);
    m.prefs.audio.set(true);
    m.speaker.say(&["一", "二"]);
    // The second piece is asked for as soon as the first has arrived.
    for _ in 0..100 {
        if js("window.__asked.length").as_f64() == Some(2.0) {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    assert_eq!(
        js("window.__asked.join(',')").as_string().as_deref(),
        Some("一,二")
    );
    // The visitor moves on: the second piece's request is aborted and rejects.
    m.speaker.stop();
    TimeoutFuture::new(200).await;
    let aborted = js("window.__aborted").as_f64();
    let rejections = js("window.__rejections").as_f64();
    js("window.fetch = window.__fetch0");
    assert_eq!(aborted, Some(1.0), "the piece fetched ahead was aborted");
    assert_eq!(
        rejections,
        Some(0.0),
        "and nothing was left rejected and unhandled"
    );
    assert!(
        !m.speaker.server_failed(),
        "an abort is not a failure of the server"
    );
}

#[wasm_bindgen_test]
async fn without_a_voice_or_the_servers_speech_the_diagnostic_says_so() {
    install_recorder();
    let m = mount();
    TimeoutFuture::new(20).await;
    set_voices("[]");
    assert_eq!(
        m.diagnostic.get_untracked(),
        None,
        "not known before asking"
    );
    // The test page's server has no speech endpoint: the request fails.
    m.prefs.audio.set(true);
    m.speaker.say(&["你好"]);
    for _ in 0..100 {
        if m.diagnostic.get_untracked().is_some() {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    assert_eq!(m.diagnostic.get_untracked(), Some(Msg::NoVoiceForLanguage));
    assert!(spoken().is_empty(), "nothing went to speechSynthesis");
    // A voice for the language: the diagnostic clears.
    set_voices(r#"[{ lang: "zh-CN", name: "x", localService: true, default: false }]"#);
    assert_eq!(m.diagnostic.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn the_voice_is_looked_up_once_per_voice_list_however_long_it_is() {
    install_recorder();
    let m = mount();
    TimeoutFuture::new(20).await;
    // As speech-dispatcher with espeak-ng offers: thousands of variants, the
    // Mandarin one among them.
    js(r#"(() => {
        const v = [];
        for (let i = 0; i < 13000; i++) v.push({ lang: "af", name: "Afrikaans+" + i, localService: true, default: false });
        v.push({ lang: "cmn", name: "Chinese (Mandarin) espeak-ng", localService: true, default: false });
        window.__voices = v;
        window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
        window.__lookups = 0;
    })()"#);
    m.prefs.audio.set(true);
    for text in ["一", "二", "三"] {
        m.speaker.say(&[text]);
    }
    assert_eq!(
        m.speaker.source(Lang::ZhCn),
        VoiceSource::Browser("Chinese (Mandarin) espeak-ng".into())
    );
    let lookups = js("window.__lookups").as_f64();
    assert_eq!(
        lookups,
        Some(1.0),
        "one look at the list for three utterances"
    );
    // A new list is looked at again.
    set_voices(r#"[{ lang: "zh-CN", name: "new", localService: true, default: false }]"#);
    assert_eq!(
        m.speaker.source(Lang::ZhCn),
        VoiceSource::Browser("new".into())
    );
}

#[wasm_bindgen_test]
fn voice_for_picks_the_best_installed_voice() {
    install_recorder();
    let m = mount();
    set_voices(
        r#"[
        { lang: "en-US", name: "net-en", localService: false, default: true },
        { lang: "zh-TW", name: "tw", localService: true, default: false },
        { lang: "zh-CN", name: "net-cn", localService: false, default: false },
        { lang: "en-GB", name: "local-en", localService: true, default: false },
        { lang: "zh_CN", name: "local-cn", localService: true, default: false }
    ]"#,
    );
    let name = |lang| m.speaker.voice_for(lang).map(|v| v.name());
    assert_eq!(name(Lang::ZhCn).as_deref(), Some("local-cn"));
    assert_eq!(name(Lang::En).as_deref(), Some("local-en"));
    let groups = Speaker::voices_by_language();
    let tags: Vec<&str> = groups.iter().map(|(tag, _)| tag.as_str()).collect();
    assert_eq!(tags, ["en-GB", "en-US", "zh-CN", "zh-TW"]);
    assert_eq!(groups[2].1, ["net-cn", "local-cn"]);

    // Speaking with only stand-in voices still works; none is set on the utterance.
    m.prefs.audio.set(true);
    m.speaker.say(&["你好"]);
    let u = &spoken()[0];
    assert_eq!(u["lang"], "zh-CN");
    assert_eq!(u["voice"], false);
}

#[wasm_bindgen_test]
fn without_speech_synthesis_the_speaker_turns_to_the_server() {
    js(r#"(() => {
        window.__synthDescriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
        Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    })()"#);
    let m = mount();
    m.prefs.audio.set(true);
    m.speaker.say(&["你好"]);
    m.speaker.say_now("你好");
    m.speaker.repeat();
    m.speaker.stop();
    let source = m.speaker.source(Lang::ZhCn);
    let voices = Speaker::voices_by_language();
    js(r#"(() => {
        const d = window.__synthDescriptor;
        if (d) { Object.defineProperty(window, 'speechSynthesis', d); }
        else { delete window.speechSynthesis; }
    })()"#);
    assert_eq!(source, VoiceSource::Server);
    assert!(voices.is_empty());
    assert_eq!(untrack(|| m.speaker.last()).as_deref(), Some("你好"));
    assert!(
        js("typeof window.speechSynthesis.speak === 'function'")
            .as_bool()
            .unwrap()
    );
}

#[wasm_bindgen_test]
async fn a_catalog_text_has_an_address_and_nothing_else_does() {
    // The server's key (kiosk_server::speech::key) of this text, by sha256sum.
    let title = Msg::AppTitle.text(Lang::ZhCn);
    assert_eq!(
        legal_kiosk::api::speech::catalog_address(Lang::ZhCn, title)
            .await
            .as_deref(),
        Some(
            "/api/v1/speech/catalog/94e94c8e68d7399fe9714415c71dd2602415996ec3df6b4889af76e40d575d10"
        )
    );
    // Not the catalog's: a phone number, a template, the other language's text.
    for (lang, text) in [
        (Lang::ZhCn, "13800138000"),
        (Lang::En, Msg::ProgressTemplate.text(Lang::En)),
        (Lang::En, title),
    ] {
        assert_eq!(
            legal_kiosk::api::speech::catalog_address(lang, text).await,
            None,
            "{text}"
        );
    }
}
