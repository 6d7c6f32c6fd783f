//! `POST /api/v1/speech`: audio of a text, made by the kiosk PC's own server for
//! when the browser has no voice for the display language. The text goes in the
//! body, never the address (it may be a receipt). A catalog text, which holds
//! nothing personal, has an address of its own instead
//! (`GET /api/v1/speech/catalog/{key}`): an `<audio>` element streams it, and
//! the browser keeps it.

use kiosk_core::{
    Lang,
    api::{SPEECH_TEXT_MAX, SpeechRequest},
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{ApiError, url};

/// The audio of `text` in `lang`, as a blob for an `<audio>` element; given up
/// when `signal` aborts (the visitor moved on). A text over the server's limit is
/// cut at it rather than refused: the start of a long receipt is better than
/// silence.
pub async fn audio(
    lang: Lang,
    text: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Blob, ApiError> {
    let text: String = text.chars().take(SPEECH_TEXT_MAX).collect();
    let body = SpeechRequest {
        lang: lang.tag().to_owned(),
        text,
    };
    let response = gloo_net::http::Request::post(&url("/speech"))
        .abort_signal(signal)
        .json(&body)
        .map_err(|_| ApiError::Decode)?
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    if !response.ok() {
        return Err(ApiError::Status(response.status()));
    }
    // As a blob, so the audio never passes through WebAssembly memory.
    let blob = web_sys::Response::from(response)
        .blob()
        .map_err(|_| ApiError::Decode)?;
    JsFuture::from(blob)
        .await
        .map_err(|_| ApiError::Unreachable)?
        .dyn_into::<web_sys::Blob>()
        .map_err(|_| ApiError::Decode)
}

/// The address of `text`'s audio if it is one of the catalog's fixed texts:
/// its key is the SHA-256 (hex) of the language tag, a newline and the text, as
/// the server computes it. `None` for any other text, and where the browser has
/// no `crypto.subtle` (only secure contexts do; the kiosk PC's own server at
/// 127.0.0.1 is one).
pub async fn catalog_address(lang: Lang, text: &str) -> Option<String> {
    if !kiosk_core::catalog::is_fixed_text(lang, text) {
        return None;
    }
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    // Undefined outside a secure context: calling it would throw.
    if subtle.is_undefined() {
        return None;
    }
    let data = format!("{}\n{text}", lang.tag());
    let digest = subtle
        .digest_with_str_and_u8_array("SHA-256", data.as_bytes())
        .ok()?;
    let digest = JsFuture::from(digest).await.ok()?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let key: String = js_sys::Uint8Array::new(&digest)
        .to_vec()
        .into_iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect();
    Some(url(&format!("/speech/catalog/{key}")))
}
