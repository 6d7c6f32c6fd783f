//! Audio mode's voice: the [`Speaker`] speaks catalog text through the Web Speech
//! API (`speechSynthesis`) in the display language, with the visitor's rate and
//! volume, and keeps what it said last so it can be repeated.
//!
//! Callers build text from the translation catalog ([`speakable`] joins a heading
//! and its instructions); the speaker never invents words of its own, so what is
//! heard is what is shown. Masked input is spoken through [`typed_char_text`], which
//! only says the digit itself when the visitor chose private listening.
//!
//! The rules that need no browser (voice ranking, joining, masking) are plain
//! functions tested natively; the `Speaker` methods only wire them to the browser.

use kiosk_core::Lang;
use leptos::{ev, prelude::*};
use leptos_use_event_listener::use_event_listener;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{HtmlAudioElement, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::{
    text::Msg,
    visit::prefs::{Prefs, use_prefs},
};

/// What the voice ranking needs to know about a `SpeechSynthesisVoice`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoiceInfo {
    /// BCP 47 tag as the platform reports it (`zh-CN`, `en_US`, `cmn-Hans-CN`…).
    pub lang: String,
    pub name: String,
    /// `localService`: speaks without a network, which the kiosk may not have.
    pub local: bool,
}

impl VoiceInfo {
    fn of(voice: &SpeechSynthesisVoice) -> Self {
        Self {
            lang: voice.lang(),
            name: voice.name(),
            local: voice.local_service(),
        }
    }
}

/// A tag in one spelling: lower case, `-` separated (Android reports `zh_CN`).
fn normalise_tag(tag: &str) -> String {
    tag.trim().replace('_', "-").to_ascii_lowercase()
}

/// The primary language subtag, with Mandarin's own code folded into `zh`.
fn primary_subtag(normalised: &str) -> &str {
    match normalised.split('-').next().unwrap_or("") {
        "cmn" => "zh",
        primary => primary,
    }
}

/// Cantonese voices share the `zh` subtag but most visitors to a mainland hall
/// would not follow them, so they come last among Chinese voices.
fn is_cantonese(normalised: &str) -> bool {
    normalised.starts_with("yue")
        || normalised.starts_with("zh-yue")
        || normalised.starts_with("zh-hk")
        || normalised.starts_with("zh-mo")
}

/// How well a voice fits `lang`: lower is better, `None` means it does not.
fn fit(lang: Lang, voice_lang: &str) -> Option<u8> {
    let wanted = normalise_tag(lang.tag());
    let have = normalise_tag(voice_lang);
    if have == wanted {
        Some(0)
    } else if primary_subtag(&have) != primary_subtag(&wanted) {
        None
    } else if is_cantonese(&have) && !is_cantonese(&wanted) {
        Some(2)
    } else {
        Some(1)
    }
}

/// Index of the best voice for `lang`: the exact tag before the same language in
/// another region, a local voice before a network one, then the platform's order.
pub fn best_voice(lang: Lang, voices: &[VoiceInfo]) -> Option<usize> {
    best_of(lang, voices.iter().map(|v| (v.lang.as_str(), v.local)))
}

/// [`best_voice`] over `(language tag, local)` pairs, so the browser's list can
/// be ranked without reading every voice's name.
fn best_of<S: AsRef<str>>(lang: Lang, voices: impl Iterator<Item = (S, bool)>) -> Option<usize> {
    voices
        .enumerate()
        .filter_map(|(i, (tag, local))| fit(lang, tag.as_ref()).map(|rank| (rank, !local, i)))
        .min()
        .map(|(_, _, i)| i)
}

/// Voice names grouped by language tag (normalised, sorted), names in the
/// platform's order.
pub fn group_by_language(voices: &[VoiceInfo]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for voice in voices {
        let tag = voice.lang.trim().replace('_', "-");
        match groups
            .iter_mut()
            .find(|(t, _)| t.eq_ignore_ascii_case(&tag))
        {
            Some((_, names)) => names.push(voice.name.clone()),
            None => groups.push((tag, vec![voice.name.clone()])),
        }
    }
    groups.sort_by_key(|(tag, _)| tag.to_ascii_lowercase());
    groups
}

/// What a field says for a typed character: a masked field (ID number, phone)
/// says only that a digit was entered, unless the visitor chose private
/// listening (a headset), when the character itself is spoken.
pub fn typed_char_text(ch: char, masked: bool, private_listening: bool, lang: Lang) -> String {
    if masked && !private_listening {
        Msg::DigitEntered.text(lang).to_owned()
    } else {
        ch.to_string()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Punctuation after which a voice already pauses.
fn is_pause(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | ',' | '。' | '！' | '？' | '；' | '：' | '，' | '、' | '…'
    )
}

/// Closing marks that may follow a sentence's final punctuation.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '”' | '’' | '）' | '」' | '』' | '》' | '】'
    )
}

/// Joins pieces of text (a heading, its instructions, options…) into one
/// utterance with a sentence pause between them: `。` after Chinese, `. ` after
/// other text, nothing added where a piece already ends in punctuation. Blank
/// pieces are skipped; the last piece is left as it is.
pub fn speakable(texts: &[&str]) -> String {
    let mut out = String::new();
    let mut previous: Option<&str> = None;
    for piece in texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if let Some(prev) = previous {
            let cjk = prev.chars().any(is_cjk);
            match prev.chars().rev().find(|&c| !is_closing(c)) {
                // Full-width marks (`。`, `！”`) carry their own space.
                Some(c) if is_pause(c) => {
                    if c.is_ascii() || (c == '…' && !cjk) {
                        out.push(' ');
                    }
                }
                _ if cjk => out.push('。'),
                _ => out.push_str(". "),
            }
        }
        out.push_str(piece);
        previous = Some(piece);
    }
    out
}

/// The page's `speechSynthesis`, if this browser has one.
fn synth() -> Option<SpeechSynthesis> {
    let value = js_sys::Reflect::get(&window(), &JsValue::from_str("speechSynthesis")).ok()?;
    if value.is_undefined() || value.is_null() {
        None
    } else {
        Some(value.unchecked_into())
    }
}

/// Every voice the platform offers, as plain data.
fn voice_infos() -> Vec<VoiceInfo> {
    let Some(synth) = synth() else {
        return Vec::new();
    };
    synth
        .get_voices()
        .iter()
        // Cast without an `instanceof` check: the getters used are structural.
        .map(|v| VoiceInfo::of(v.unchecked_ref()))
        .collect()
}

/// The platform's best voice for `lang` and its name, read from the browser.
/// Only each voice's language is read: speech-dispatcher with espeak-ng offers
/// some 13,000 voices (every variant of every language), and reading them all
/// in full took tens of milliseconds at each utterance on a slow kiosk.
fn find_voice(lang: Lang) -> Option<(SpeechSynthesisVoice, String)> {
    let list = synth()?.get_voices();
    let best = best_of(
        lang,
        list.iter().map(|v| {
            let voice: &SpeechSynthesisVoice = v.unchecked_ref();
            (voice.lang(), voice.local_service())
        }),
    )?;
    let voice: SpeechSynthesisVoice = list.get(best as u32).unchecked_into();
    let name = voice.name();
    Some((voice, name))
}

/// Each language's best voice, looked up when first needed and forgotten when
/// the browser's voice list changes. `None`: not looked up yet.
type VoiceChoices = [Option<Option<(SpeechSynthesisVoice, String)>>; Lang::ALL.len()];

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// Where a language's speech comes from on this kiosk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceSource {
    /// A voice the browser has (its name).
    Browser(String),
    /// Audio made by the kiosk PC's own server (`POST /api/v1/speech`), played
    /// in one `<audio>` element.
    Server,
}

/// An utterance being spoken and the handler that releases it when it ends.
///
/// Chromium drops an utterance's `end` event if nothing on the page still holds
/// the utterance, and may stop speaking it; so it is held here until it ends or
/// is cancelled. Dropping this detaches the handler first, so a late event never
/// calls a freed closure.
struct InFlight {
    utterance: SpeechSynthesisUtterance,
    _on_done: Closure<dyn FnMut()>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

/// Server speech being played: its fetches (aborted when it is cancelled) and
/// the address of the piece playing (released when the next one starts).
#[derive(Default)]
struct Playback {
    abort: Option<web_sys::AbortController>,
    url: Option<String>,
}

impl Playback {
    fn release(&mut self) {
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
        self.release_url();
    }

    fn release_url(&mut self) {
        if let Some(url) = self.url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }
}

/// At most one speech is going at a time: new speech cancels the old.
#[derive(Default)]
struct Slot {
    serial: u64,
    in_flight: Option<InFlight>,
    playback: Playback,
    /// Made when server speech is first needed, and kept for the page's life.
    element: Option<HtmlAudioElement>,
}

/// The kiosk's voice, provided once by [`provide_speaker`]. A `Copy` handle.
///
/// `say` is for the app (screen arrival, focus, errors, status, receipt) and
/// speaks only in audio mode; `say_now`, `repeat` and `stop` answer the visitor's
/// own requests and work in any mode. Language, rate and volume are read from
/// [`Prefs`] for each utterance, so a change applies to the next one.
///
/// What is said is given in pieces (a heading, its instructions…). A browser
/// voice says them as one utterance ([`speakable`]); server speech asks for each
/// piece on its own, so a piece that is a catalog text comes from the server's
/// cache, and plays them in turn, fetching the next while one plays.
#[derive(Clone, Copy)]
pub struct Speaker {
    prefs: Prefs,
    last: RwSignal<Option<Vec<String>>>,
    slot: StoredValue<Slot, LocalStorage>,
    voices_changed: Trigger,
    choices: StoredValue<VoiceChoices, LocalStorage>,
    /// The server could not make speech the last time it was asked.
    server_failed: RwSignal<bool>,
}

/// Creates the speaker and provides it as context. Call once in `App`, after
/// `provide_prefs`; it listens for the browser's `voiceschanged` for as long as
/// the calling owner lives.
pub fn provide_speaker() -> Speaker {
    let speaker = Speaker {
        prefs: use_prefs(),
        last: RwSignal::new(None),
        slot: StoredValue::new_local(Slot::default()),
        voices_changed: Trigger::new(),
        choices: StoredValue::new_local(Default::default()),
        server_failed: RwSignal::new(false),
    };
    if let Some(synth) = synth() {
        // Voices load after the page; the diagnostic follows when they arrive.
        let _ = use_event_listener(
            synth,
            ev::Custom::<web_sys::Event>::new("voiceschanged"),
            move |_| {
                speaker
                    .choices
                    .try_update_value(|c| *c = Default::default());
                speaker.voices_changed.notify();
            },
        );
    }
    provide_context(speaker);
    speaker
}

/// The speaker provided by [`provide_speaker`].
pub fn use_speaker() -> Speaker {
    expect_context::<Speaker>()
}

/// Pieces worth saying, trimmed, blank ones left out.
fn pieces(texts: &[&str]) -> Vec<String> {
    texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A promise that settles when `element` has played to its end, failed, or been
/// emptied (speech stopped): what a player waits for before the next piece.
fn finished(element: &HtmlAudioElement) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        element.set_onended(Some(&resolve));
        element.set_onerror(Some(&resolve));
        element.set_onemptied(Some(&resolve));
    })
}

impl Speaker {
    /// Speaks `texts` in audio mode, cancelling whatever is being spoken.
    /// Outside audio mode it stays silent but still remembers them, so that
    /// turning audio on and pressing Repeat speaks the screen the visitor is on.
    /// Blank texts are ignored.
    pub fn say(self, texts: &[&str]) {
        if let Some(pieces) = self.remember(texts)
            && self.prefs.audio.get_untracked()
        {
            self.speak(pieces, None);
        }
    }

    /// Speaks `text` even when audio mode is off: for the one short confirmation
    /// that audio mode was switched on (keep it under 3 s, EN 301 549 5.1.3.10).
    pub fn say_now(self, text: &str) {
        if let Some(pieces) = self.remember(&[text]) {
            self.speak(pieces, None);
        }
    }

    /// Speaks `text` in audio mode without remembering it for Repeat: the name
    /// of the control focus just reached, so Repeat (whose own button takes
    /// focus when pressed) repeats the screen's content, not its own name.
    pub fn say_passing(self, text: &str) {
        let pieces = pieces(&[text]);
        if !pieces.is_empty() && self.prefs.audio.get_untracked() {
            self.speak(pieces, None);
        }
    }

    /// Says `text` from `source`, whatever the kiosk would choose: for staff to
    /// test each source.
    pub fn test(self, text: &str, source: VoiceSource) {
        self.speak(pieces(&[text]), Some(source));
    }

    /// Stops speaking now.
    pub fn stop(self) {
        self.release_current();
        if let Some(synth) = synth() {
            synth.cancel();
        }
    }

    /// Speaks the last texts again, if there were any. Pressing Repeat is the
    /// visitor's own request, so this speaks in any mode.
    pub fn repeat(self) {
        if let Some(pieces) = self.last.get_untracked() {
            self.speak(pieces, None);
        }
    }

    /// The last texts given to `say` or `say_now`, joined (reactive).
    pub fn last(self) -> Option<String> {
        self.last.with(|last| {
            last.as_ref()
                .map(|p| speakable(&p.iter().map(String::as_str).collect::<Vec<_>>()))
        })
    }

    /// The best installed voice for `lang`; see [`best_voice`]. `None` when there
    /// is none or the browser has no `speechSynthesis`.
    pub fn voice_for(self, lang: Lang) -> Option<SpeechSynthesisVoice> {
        self.chosen(lang).map(|(voice, _)| voice)
    }

    /// [`find_voice`], remembered until the voice list changes.
    fn chosen(self, lang: Lang) -> Option<(SpeechSynthesisVoice, String)> {
        let i = lang_index(lang);
        if let Some(Some(known)) = self.choices.try_with_value(|c| c[i].clone()) {
            return known;
        }
        let found = find_voice(lang);
        self.choices
            .try_update_value(|c| c[i] = Some(found.clone()));
        found
    }

    /// Where speech in `lang` comes from now: the browser's best voice for it,
    /// else the server.
    pub fn source(self, lang: Lang) -> VoiceSource {
        match self.chosen(lang) {
            Some((_, name)) => VoiceSource::Browser(name),
            None => VoiceSource::Server,
        }
    }

    /// [`Self::source`], again whenever the browser's voice list changes
    /// (reactive).
    pub fn source_tracked(self, lang: Lang) -> VoiceSource {
        self.voices_changed.track();
        self.source(lang)
    }

    /// Whether the last request for server speech failed (reactive).
    pub fn server_failed(self) -> bool {
        self.server_failed.get()
    }

    /// Installed voice names by language tag, for the staff panel.
    pub fn voices_by_language() -> Vec<(String, Vec<String>)> {
        group_by_language(&voice_infos())
    }

    /// [`Self::voices_by_language`], again whenever the browser's voice list changes
    /// (reactive).
    pub fn voices_tracked(self) -> Vec<(String, Vec<String>)> {
        self.voices_changed.track();
        Self::voices_by_language()
    }

    /// `Some(Msg::NoVoiceForLanguage)` when this kiosk cannot speak the display
    /// language: no browser voice for it, and the server's speech failed when
    /// last asked. Reactive: follows the language, the voice list (which
    /// browsers fill in after start-up) and the server's last answer.
    pub fn diagnostic(self) -> Option<Msg> {
        self.voices_changed.track();
        let lang = self.prefs.lang.get();
        (self.source(lang) == VoiceSource::Server && self.server_failed.get())
            .then_some(Msg::NoVoiceForLanguage)
    }

    /// Keeps `texts` for `repeat`; `None` if there is nothing to say.
    fn remember(self, texts: &[&str]) -> Option<Vec<String>> {
        let pieces = pieces(texts);
        if pieces.is_empty() {
            return None;
        }
        if self
            .last
            .with_untracked(|last| last.as_ref() != Some(&pieces))
        {
            self.last.set(Some(pieces.clone()));
        }
        Some(pieces)
    }

    /// Drops the held utterance (detaching its handlers) and stops server speech
    /// (its fetches aborted, its element emptied, which ends the player's wait)
    /// without touching `speechSynthesis`. Never called while the slot is
    /// borrowed by the caller.
    fn release_current(self) {
        let (old, element) = self
            .slot
            .try_update_value(|slot| {
                slot.serial += 1;
                slot.playback.release();
                (slot.in_flight.take(), slot.element.clone())
            })
            .unwrap_or((None, None));
        drop(old);
        if let Some(element) = element
            && element.has_attribute("src")
        {
            let _ = element.pause();
            element.remove_attribute("src").ok();
            element.load();
        }
    }

    /// Cancels the current speech and speaks `pieces` with the current
    /// preferences, from `source` or the one the display language has.
    fn speak(self, pieces: Vec<String>, source: Option<VoiceSource>) {
        self.stop();
        let lang = self.prefs.lang.get_untracked();
        match source.unwrap_or_else(|| self.source(lang)) {
            VoiceSource::Browser(_) => {
                let refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
                self.speak_browser(&speakable(&refs), lang);
            }
            VoiceSource::Server => self.speak_server(pieces, lang),
        }
    }

    /// Speaks `text` through `speechSynthesis`.
    fn speak_browser(self, text: &str, lang: Lang) {
        let Some(synth) = synth() else {
            return;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
            return;
        };
        utterance.set_lang(lang.tag());
        utterance.set_rate(self.prefs.speech_rate.get_untracked().rate());
        utterance.set_volume(self.prefs.volume.get_untracked().level());
        if let Some(voice) = self.voice_for(lang)
            && voice.is_instance_of::<SpeechSynthesisVoice>()
        {
            // Only a real voice object may be set; anything else makes the setter throw.
            utterance.set_voice(Some(&voice));
        }

        let Some(serial) = self.slot.try_with_value(|slot| slot.serial) else {
            return;
        };
        let slot = self.slot;
        let on_done = Closure::<dyn FnMut()>::new(move || {
            // `end`, or `error` for a failed utterance: release it unless newer
            // speech has already taken its place. Dropping this closure while it
            // runs is safe; wasm-bindgen frees it when the call returns.
            let finished = slot
                .try_update_value(|slot| {
                    if slot.serial == serial {
                        slot.in_flight.take()
                    } else {
                        None
                    }
                })
                .flatten();
            drop(finished);
        });
        utterance.set_onend(Some(on_done.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(on_done.as_ref().unchecked_ref()));
        slot.update_value(|slot| {
            slot.in_flight = Some(InFlight {
                utterance: utterance.clone(),
                _on_done: on_done,
            });
        });
        synth.speak(&utterance);
    }

    /// Plays `pieces` as server speech, one after the other.
    fn speak_server(self, pieces: Vec<String>, lang: Lang) {
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        let Some((serial, element)) = self.slot.try_update_value(|slot| {
            slot.playback.abort = controller;
            let element = slot
                .element
                .get_or_insert_with(|| HtmlAudioElement::new().expect("an audio element"))
                .clone();
            (slot.serial, element)
        }) else {
            return;
        };
        let current = move || self.slot.try_with_value(|s| s.serial) == Some(serial);
        // Asks for a piece at once (a promise runs without being awaited), so the
        // next piece is on its way while one plays: a catalog text's address
        // (a string; the element fetches it, streaming, from the browser's
        // cache once heard), or any other text's audio (a blob).
        // It never rejects: a piece fetched ahead and then dropped (the visitor
        // moved on) would otherwise be an unhandled rejection, which the crash
        // handler takes for a crash. A failure is `null`.
        let post = {
            let signal = signal.clone();
            move |text: String| {
                let signal = signal.clone();
                wasm_bindgen_futures::future_to_promise(async move {
                    Ok(crate::api::speech::audio(lang, &text, signal.as_ref())
                        .await
                        .map_or(JsValue::NULL, JsValue::from))
                })
            }
        };
        let fetch = {
            let post = post.clone();
            move |text: String| {
                let post = post.clone();
                wasm_bindgen_futures::future_to_promise(async move {
                    match crate::api::speech::catalog_address(lang, &text).await {
                        Some(address) => Ok(JsValue::from_str(&address)),
                        None => wasm_bindgen_futures::JsFuture::from(post(text)).await,
                    }
                })
            }
        };
        // Plays `src` from the start at the visitor's speed and volume; whether
        // it began.
        let play = {
            let element = element.clone();
            move |src: String| {
                let element = element.clone();
                async move {
                    element.set_src(&src);
                    element.set_playback_rate(f64::from(
                        self.prefs.speech_rate.get_untracked().rate(),
                    ));
                    element.set_volume(f64::from(self.prefs.volume.get_untracked().level()));
                    match element.play() {
                        Ok(started) => wasm_bindgen_futures::JsFuture::from(started).await.is_ok(),
                        Err(_) => false,
                    }
                }
            }
        };
        // A blob's object address, released when the next piece starts.
        let hold = move |blob: &web_sys::Blob| {
            let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
            self.slot.update_value(|slot| {
                slot.playback.release_url();
                slot.playback.url = Some(url.clone());
            });
            Some(url)
        };
        leptos::task::spawn_local(async move {
            let mut texts = pieces.into_iter();
            let mut next = texts.next().map(|t| (fetch(t.clone()), t));
            while let Some((pending, text)) = next.take() {
                let got = wasm_bindgen_futures::JsFuture::from(pending).await;
                if !current() {
                    return;
                }
                let Some(got) = got.ok().filter(|v| !v.is_null()) else {
                    self.server_failed.set(true);
                    return;
                };
                next = texts.next().map(|t| (fetch(t.clone()), t));
                let by_address = got.is_string();
                let mut played = match got.as_string() {
                    Some(address) => {
                        self.slot.update_value(|slot| slot.playback.release_url());
                        play(address).await
                    }
                    None => match got.dyn_into::<web_sys::Blob>().ok().and_then(|b| hold(&b)) {
                        Some(url) => play(url).await,
                        None => return,
                    },
                };
                if !played && current() && by_address {
                    // The address was not answered (a text another release of
                    // the server does not have): the text itself, then.
                    let blob = wasm_bindgen_futures::JsFuture::from(post(text)).await;
                    if !current() {
                        return;
                    }
                    let Some(blob) = blob.ok().and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
                    else {
                        self.server_failed.set(true);
                        return;
                    };
                    if let Some(url) = hold(&blob) {
                        played = play(url).await;
                    }
                }
                if !played || !current() {
                    return;
                }
                if self.server_failed.get_untracked() {
                    self.server_failed.set(false);
                }
                // Only now: a new `src` fires `emptied` for the piece before.
                let done = finished(&element);
                let _ = wasm_bindgen_futures::JsFuture::from(done).await;
                if !current() {
                    return;
                }
            }
            // Played to the end: the element lets its last piece go.
            self.slot.update_value(|slot| slot.playback.release_url());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(lang: &str, name: &str, local: bool) -> VoiceInfo {
        VoiceInfo {
            lang: lang.into(),
            name: name.into(),
            local,
        }
    }

    #[test]
    fn the_best_voice_is_exact_then_same_language_then_local_then_first() {
        let cases: &[(Lang, &[VoiceInfo], Option<usize>)] = &[
            (Lang::ZhCn, &[], None),
            (Lang::ZhCn, &[voice("en-US", "a", true)], None),
            (
                Lang::ZhCn,
                &[voice("zh-TW", "tw", true), voice("zh-CN", "cn", false)],
                Some(1),
            ),
            (
                Lang::ZhCn,
                &[voice("zh-CN", "net", false), voice("zh-CN", "local", true)],
                Some(1),
            ),
            (
                Lang::ZhCn,
                &[
                    voice("zh-CN", "first", true),
                    voice("zh-CN", "second", true),
                ],
                Some(0),
            ),
            // Android's underscore and another case are the same tag.
            (Lang::ZhCn, &[voice("ZH_cn", "android", true)], Some(0)),
            (
                Lang::ZhCn,
                &[voice("cmn-Hans-CN", "mandarin", true)],
                Some(0),
            ),
            // Cantonese only when nothing else speaks Chinese.
            (
                Lang::ZhCn,
                &[voice("zh-HK", "yue", true), voice("zh-TW", "tw", false)],
                Some(1),
            ),
            (Lang::ZhCn, &[voice("zh-HK", "yue", true)], Some(0)),
            // "en" has no exact voice in practice: any English, local first.
            (
                Lang::En,
                &[
                    voice("zh-CN", "cn", true),
                    voice("en-US", "us-net", false),
                    voice("en-GB", "gb", true),
                ],
                Some(2),
            ),
            (
                Lang::En,
                &[voice("en", "plain", false), voice("en-GB", "gb", true)],
                Some(0),
            ),
            // A prefix is not a language: "eng" is not "en".
            (Lang::En, &[voice("eng", "x", true)], None),
        ];
        for (lang, voices, expected) in cases {
            assert_eq!(best_voice(*lang, voices), *expected, "{lang:?} {voices:?}");
        }
    }

    #[test]
    fn voices_are_grouped_by_tag_in_platform_order() {
        let groups = group_by_language(&[
            voice("zh-CN", "Huihui", true),
            voice("en-US", "David", true),
            voice("zh_CN", "Android", true),
            voice("en-GB", "Hazel", false),
        ]);
        assert_eq!(
            groups,
            vec![
                ("en-GB".to_owned(), vec!["Hazel".to_owned()]),
                ("en-US".to_owned(), vec!["David".to_owned()]),
                (
                    "zh-CN".to_owned(),
                    vec!["Huihui".to_owned(), "Android".to_owned()]
                ),
            ]
        );
        assert!(group_by_language(&[]).is_empty());
    }

    #[test]
    fn a_masked_field_says_only_that_a_digit_was_entered() {
        let cases = [
            (false, false, Lang::ZhCn, "7"),
            (false, true, Lang::En, "7"),
            (true, false, Lang::ZhCn, "已输入一位"),
            (true, false, Lang::En, "digit entered"),
            (true, true, Lang::ZhCn, "7"),
        ];
        for (masked, private, lang, expected) in cases {
            assert_eq!(
                typed_char_text('7', masked, private, lang),
                expected,
                "masked {masked}, private {private}, {lang:?}"
            );
        }
        assert_eq!(typed_char_text('X', true, true, Lang::En), "X");
    }

    #[test]
    fn speakable_pauses_between_pieces_without_doubling_punctuation() {
        let cases: &[(&[&str], &str)] = &[
            (&[], ""),
            (&["只有一句"], "只有一句"),
            (&["标题", "说明"], "标题。说明"),
            (&["您好！", "请选择"], "您好！请选择"),
            (&["标题。", "说明。"], "标题。说明。"),
            (&["请拨打 12348", "谢谢"], "请拨打 12348。谢谢"),
            (&["他说：“好。”", "然后"], "他说：“好。”然后"),
            (&["Heading", "Instructions"], "Heading. Instructions"),
            (
                &["Is this right?", "Choose one"],
                "Is this right? Choose one",
            ),
            (&["Done.", "Thank you."], "Done. Thank you."),
            (&["Note:", "bring ID"], "Note: bring ID"),
            (&["Say \"yes.\"", "Next"], "Say \"yes.\" Next"),
            (&["Say “yes.”", "Next"], "Say “yes.” Next"),
            (&["Wait…", "Next"], "Wait… Next"),
            (&["请稍等…", "下一步"], "请稍等…下一步"),
            (&["(optional)", "Next"], "(optional). Next"),
            (&["  Heading  ", "", "   ", "Next"], "Heading. Next"),
            (&["Step 2 of 5", "Your name"], "Step 2 of 5. Your name"),
        ];
        for (pieces, expected) in cases {
            assert_eq!(speakable(pieces), *expected, "{pieces:?}");
        }
    }

    #[test]
    fn every_catalog_text_joins_with_one_pause_at_most() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                let (text, next) = (msg.text(lang), Msg::AudioOn.text(lang));
                let joined = speakable(&[text, next]);
                let between = joined
                    .strip_prefix(text)
                    .and_then(|rest| rest.strip_suffix(next))
                    .unwrap_or_else(|| panic!("{msg:?} {lang:?}: {joined}"));
                let ends_in_pause = text
                    .chars()
                    .rev()
                    .find(|&c| !is_closing(c))
                    .is_some_and(is_pause);
                let allowed: &[&str] = if ends_in_pause {
                    &["", " "]
                } else {
                    &["。", ". "]
                };
                assert!(allowed.contains(&between), "{msg:?} {lang:?}: {joined}");
            }
        }
    }
}
