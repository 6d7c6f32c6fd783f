//! `POST /speech`: audio of a text, made on this PC (see [`crate::speech`]) for a
//! kiosk whose browser has no voice; `GET /speech/catalog/{key}`: the audio of
//! one of the kiosk's own catalog texts by its key, which an `<audio>` element
//! can stream and the browser can keep. The same handlers serve the all-in-one
//! server and the edge; a central (PostgreSQL) makes none and says so.

use std::{net::SocketAddr, sync::Arc, time::Instant};

use axum::{
    Router,
    extract::{ConnectInfo, Path, State},
    http::{Extensions, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use kiosk_core::{
    Lang,
    api::{SPEECH_TEXT_MAX, SpeechRequest},
};

use crate::{AppState, error::ApiError, extract::ApiJson, speech::Speech};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/speech", post(speak))
        .route("/speech/catalog/{key}", get(speak_catalog))
}

/// Checks a request: its language and its text, trimmed.
fn check(req: &SpeechRequest) -> Result<(Lang, &str), ApiError> {
    let lang =
        Lang::from_tag(&req.lang).ok_or_else(|| ApiError::field("lang", "unknown_language"))?;
    let text = req.text.trim();
    if text.is_empty() {
        return Err(ApiError::field("text", "speech_text_empty"));
    }
    if text.chars().count() > SPEECH_TEXT_MAX {
        return Err(ApiError::field("text", "speech_text_too_long"));
    }
    Ok((lang, text))
}

pub async fn speak(
    State(speech): State<Option<Arc<Speech>>>,
    extensions: Extensions,
    ApiJson(req): ApiJson<SpeechRequest>,
) -> Result<Response, ApiError> {
    let (lang, text) = check(&req)?;
    // A central makes no speech: its kiosks ask the edge on their own PC.
    let Some(speech) = speech else {
        return Err(ApiError::Unavailable("speech_unavailable"));
    };
    // Any text may be personal: never kept by the browser.
    answer(&speech, &extensions, lang, text, "no-store").await
}

/// `GET /speech/catalog/{key}`: a catalog text's audio. The address names a
/// text of the kiosk's own (never anything typed or personal), and the audio
/// for a key never changes, so the browser may keep it.
pub async fn speak_catalog(
    State(speech): State<Option<Arc<Speech>>>,
    extensions: Extensions,
    Path(key): Path<String>,
) -> Result<Response, ApiError> {
    let Some(speech) = speech else {
        return Err(ApiError::Unavailable("speech_unavailable"));
    };
    // Another release's text, or not a catalog text at all.
    let (lang, text) = speech
        .catalog_text(&key)
        .ok_or(ApiError::NotFound("speech_not_in_catalog"))?;
    answer(
        &speech,
        &extensions,
        lang,
        text,
        "public, max-age=31536000, immutable",
    )
    .await
}

/// The audio of `text`, within the client's rate limit.
async fn answer(
    speech: &Speech,
    extensions: &Extensions,
    lang: Lang,
    text: &str,
    cache_control: &'static str,
) -> Result<Response, ApiError> {
    // One bucket per client address: on the kiosk PC that is the kiosk itself.
    let client = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "local".to_owned(), |c| c.0.ip().to_string());
    if let Err(retry_after_s) = speech.take_turn(&client) {
        return Err(ApiError::TooManyRequests {
            code: "speech_rate_limited",
            retry_after_s,
        });
    }
    let started = Instant::now();
    match speech.speak(lang, text).await {
        Ok((wav, source)) => {
            // Which source and how long, never what was said.
            tracing::debug!(
                lang = lang.tag(),
                source = %source.header(),
                bytes = wav.len(),
                ms = started.elapsed().as_millis() as u64,
                "speech"
            );
            let mut res = (
                StatusCode::OK,
                [(header::CONTENT_TYPE, HeaderValue::from_static("audio/wav"))],
                wav,
            )
                .into_response();
            let headers = res.headers_mut();
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control),
            );
            headers.insert("x-speech-source", HeaderValue::from_static(source.header()));
            Ok(res)
        }
        Err(e) => {
            tracing::warn!(error = %e, lang = lang.tag(), "speech could not be rendered");
            Err(ApiError::Unavailable("speech_unavailable"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_checked_for_language_and_length() {
        let req = |lang: &str, text: &str| SpeechRequest {
            lang: lang.into(),
            text: text.into(),
        };
        assert!(matches!(
            check(&req("zh-CN", " 您好 ")),
            Ok((Lang::ZhCn, "您好"))
        ));
        let code = |r: Result<(Lang, &str), ApiError>| match r {
            Err(ApiError::Validation(errors)) => errors.into_values().flatten().next(),
            _ => None,
        };
        assert_eq!(
            code(check(&req("fr", "bonjour"))).as_deref(),
            Some("unknown_language")
        );
        assert_eq!(
            code(check(&req("en", "  "))).as_deref(),
            Some("speech_text_empty")
        );
        let long = "字".repeat(SPEECH_TEXT_MAX + 1);
        assert_eq!(
            code(check(&req("zh-CN", &long))).as_deref(),
            Some("speech_text_too_long")
        );
        assert!(check(&req("zh-CN", &"字".repeat(SPEECH_TEXT_MAX))).is_ok());
    }
}
