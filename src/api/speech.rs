//! `POST /api/v1/speech`: audio of a text, made by the kiosk PC's own server for
//! when the browser has no voice for the display language. The text goes in the
//! body, never the address (it may be a receipt).

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
