//! Speech rendered on the kiosk PC, for a browser that has no voice for the
//! display language (Chromium on Linux without speech-dispatcher has none):
//! `POST /api/v1/speech` answers `audio/wav`, synthesised by espeak-ng on this
//! machine. Nothing goes to a cloud service.
//!
//! Privacy rules, by construction:
//! - the text goes to espeak-ng on its standard input, never on its command line
//!   (which other users of the PC can read), and is never logged;
//! - audio is kept on disk only for texts that are the kiosk's own catalog texts,
//!   which hold no personal data. Anything else (a receipt with a reference and a
//!   masked phone, a name typed in, "Step 2 of 5") is rendered, sent and
//!   forgotten;
//! - `kiosk-server speech prerender` renders every catalog text in both
//!   languages at deploy time, so the fixed prompts cost nothing when spoken.

use std::{
    collections::{HashMap, HashSet},
    path::{Path, PathBuf},
    process::Stdio,
    sync::Arc,
    time::Duration,
};

use kiosk_core::{Lang, catalog};
use tokio::{io::AsyncWriteExt, process::Command, sync::Semaphore};

use crate::{ratelimit::RateLimiter, security};

/// The speech endpoint's settings, for the all-in-one server and the edge.
#[derive(Clone, Debug, clap::Args)]
pub struct SpeechArgs {
    /// The synthesiser: espeak-ng, or a path to it.
    #[arg(long = "espeak", env = "KIOSK_ESPEAK", default_value = "espeak-ng")]
    pub program: PathBuf,
    /// Folder of rendered catalog texts (created when needed).
    #[arg(long, env = "KIOSK_SPEECH_CACHE", default_value = "data/speech-cache")]
    pub speech_cache: PathBuf,
    /// Speech requests per minute per client; 0 = no limit.
    #[arg(long, env = "KIOSK_SPEECH_RATE_LIMIT", default_value_t = 300)]
    pub speech_rate_limit: u32,
}

impl Default for SpeechArgs {
    fn default() -> Self {
        Self {
            program: PathBuf::from("espeak-ng"),
            speech_cache: PathBuf::from("data/speech-cache"),
            speech_rate_limit: 300,
        }
    }
}

/// How long one synthesis may take before it is given up.
const SYNTH_TIMEOUT: Duration = Duration::from_secs(10);
/// Syntheses running at once: a kiosk speaks one piece at a time and fetches the
/// next ahead; more would only take the PC's cores from the page.
const SYNTH_AT_ONCE: usize = 2;

/// Where an answer's audio came from (the `X-Speech-Source` header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Read from the cache (rendered at deploy time or on first use).
    Cache,
    /// Rendered for this request, and kept (a catalog text).
    RenderedKept,
    /// Rendered for this request and not kept (not a catalog text).
    Rendered,
}

impl Source {
    pub fn header(self) -> &'static str {
        match self {
            Self::Cache => "cache",
            Self::RenderedKept => "rendered-kept",
            Self::Rendered => "rendered",
        }
    }
}

/// Why no audio could be made. Never carries the text.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("the synthesiser could not be started: {0}")]
    Start(std::io::Error),
    #[error("the synthesiser failed ({0})")]
    Failed(String),
    #[error("the synthesiser took longer than {0:?}")]
    Timeout(Duration),
    #[error("the speech cache could not be written: {0}")]
    Cache(std::io::Error),
}

/// The synthesiser, its cache and its limit.
pub struct Speech {
    program: PathBuf,
    cache: PathBuf,
    catalog: HashSet<(Lang, &'static str)>,
    /// Each catalog text by its key ([`key`]), for `GET /speech/catalog/{key}`.
    by_key: HashMap<String, (Lang, &'static str)>,
    limiter: RateLimiter,
    running: Semaphore,
}

impl std::fmt::Debug for Speech {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speech")
            .field("program", &self.program)
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

/// The espeak-ng voice of each language: Mandarin (`cmn`) and English.
fn voice(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "cmn",
        Lang::En => "en",
    }
}

/// A text's key: the SHA-256 (hex) of its language tag, a newline and the text.
/// It names the text's file in the cache and, for catalog texts, its address
/// (`GET /speech/catalog/{key}`), which the kiosk computes the same way.
pub fn key(lang: Lang, text: &str) -> String {
    security::sha256_hex(format!("{}\n{text}", lang.tag()).as_bytes())
}

/// espeak-ng writing to a pipe cannot go back to fill in the WAV header's
/// lengths and leaves placeholders; browsers then guess the duration. The
/// lengths are set from what was written.
fn fix_wav_lengths(wav: &mut [u8]) {
    if wav.len() >= 44 && &wav[0..4] == b"RIFF" && &wav[8..12] == b"WAVE" && &wav[36..40] == b"data"
    {
        let riff = u32::try_from(wav.len() - 8).unwrap_or(u32::MAX);
        let data = u32::try_from(wav.len() - 44).unwrap_or(u32::MAX);
        wav[4..8].copy_from_slice(&riff.to_le_bytes());
        wav[40..44].copy_from_slice(&data.to_le_bytes());
    }
}

/// What `prerender` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prerendered {
    /// Catalog texts in the cache now (both languages).
    pub texts: usize,
    /// Of those, rendered by this run (the others were there already).
    pub rendered: usize,
    /// Size of the cached audio of every catalog text.
    pub bytes: u64,
}

impl Speech {
    pub fn new(args: &SpeechArgs) -> Arc<Self> {
        let catalog: HashSet<(Lang, &'static str)> = Lang::ALL
            .into_iter()
            .flat_map(|lang| catalog::fixed_texts(lang).map(move |text| (lang, text)))
            .collect();
        let by_key = catalog
            .iter()
            .map(|&(lang, text)| (key(lang, text), (lang, text)))
            .collect();
        Arc::new(Self {
            program: args.program.clone(),
            cache: args.speech_cache.clone(),
            catalog,
            by_key,
            limiter: RateLimiter::new(args.speech_rate_limit),
            running: Semaphore::new(SYNTH_AT_ONCE),
        })
    }

    /// Whether audio of `text` may be kept: only the kiosk's own catalog texts,
    /// which hold no personal data.
    pub fn may_keep(&self, lang: Lang, text: &str) -> bool {
        self.catalog.contains(&(lang, text))
    }

    /// The cache file of a catalog text (named by a hash of language and text).
    fn cache_file(&self, lang: Lang, text: &str) -> PathBuf {
        self.cache.join(format!("{}.wav", key(lang, text)))
    }

    /// The catalog text whose key is `key`; `None` for anything else, so only
    /// the kiosk's own texts can be asked for by address.
    pub fn catalog_text(&self, key: &str) -> Option<(Lang, &'static str)> {
        self.by_key.get(key).copied()
    }

    /// Takes one of `client`'s speech requests from its own limit (kept in this
    /// process: speech is made on the PC that asks); `Err(seconds)` until the
    /// next is allowed.
    pub fn take_turn(&self, client: &str) -> Result<(), u64> {
        self.limiter.take_in_memory(&format!("speech:{client}"))
    }

    /// The folder of kept audio.
    pub fn cache_dir(&self) -> &Path {
        &self.cache
    }

    /// Runs espeak-ng on `text`, which goes in on its standard input.
    pub async fn render(&self, lang: Lang, text: &str) -> Result<Vec<u8>, SynthError> {
        let _turn = self
            .running
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let mut child = Command::new(&self.program)
            // -b 1: the input is UTF-8. No text argument: it reads standard input.
            .args(["-v", voice(lang), "-b", "1", "--stdout"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(SynthError::Start)?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let input = text.to_owned();
        let write = async move {
            // A failed write shows as the program's failure below.
            let _ = stdin.write_all(input.as_bytes()).await;
            drop(stdin);
        };
        let run = async {
            let ((), out) = tokio::join!(write, child.wait_with_output());
            out
        };
        let out = tokio::time::timeout(SYNTH_TIMEOUT, run)
            .await
            .map_err(|_| SynthError::Timeout(SYNTH_TIMEOUT))?
            .map_err(|e| SynthError::Failed(e.to_string()))?;
        if !out.status.success() || out.stdout.len() <= 44 {
            return Err(SynthError::Failed(format!(
                "{}, {} bytes",
                out.status,
                out.stdout.len()
            )));
        }
        let mut wav = out.stdout;
        fix_wav_lengths(&mut wav);
        Ok(wav)
    }

    /// Audio of `text`: from the cache, or rendered (and kept if it is a catalog
    /// text).
    pub async fn speak(&self, lang: Lang, text: &str) -> Result<(Vec<u8>, Source), SynthError> {
        if !self.may_keep(lang, text) {
            return Ok((self.render(lang, text).await?, Source::Rendered));
        }
        let file = self.cache_file(lang, text);
        if let Ok(wav) = tokio::fs::read(&file).await {
            return Ok((wav, Source::Cache));
        }
        let wav = self.render(lang, text).await?;
        self.keep(&file, &wav).await?;
        Ok((wav, Source::RenderedKept))
    }

    /// Writes a cache file whole or not at all (a new name, then a rename).
    async fn keep(&self, file: &Path, wav: &[u8]) -> Result<(), SynthError> {
        tokio::fs::create_dir_all(&self.cache)
            .await
            .map_err(SynthError::Cache)?;
        let part = file.with_extension(format!("part-{}", security::random_token()));
        tokio::fs::write(&part, wav)
            .await
            .map_err(SynthError::Cache)?;
        tokio::fs::rename(&part, file)
            .await
            .map_err(SynthError::Cache)
    }

    /// Renders every catalog text in both languages that is not in the cache yet.
    pub async fn prerender(&self) -> Result<Prerendered, SynthError> {
        let mut texts: Vec<(Lang, &'static str)> = self.catalog.iter().copied().collect();
        texts.sort_unstable_by_key(|(lang, text)| (lang.tag(), *text));
        // Two lanes, every other text each: espeak-ng uses one core, and
        // `render` lets two run at once.
        let lane = |first: usize| {
            let texts = &texts;
            async move {
                let (mut rendered, mut bytes) = (0, 0);
                for &(lang, text) in texts.iter().skip(first).step_by(SYNTH_AT_ONCE) {
                    let file = self.cache_file(lang, text);
                    bytes += match tokio::fs::metadata(&file).await {
                        Ok(meta) => meta.len(),
                        Err(_) => {
                            let wav = self.render(lang, text).await?;
                            self.keep(&file, &wav).await?;
                            rendered += 1;
                            wav.len() as u64
                        }
                    };
                }
                Ok::<_, SynthError>((rendered, bytes))
            }
        };
        const _: () = assert!(SYNTH_AT_ONCE == 2, "one lane per synthesis at once");
        let ((r0, b0), (r1, b1)) = tokio::try_join!(lane(0), lane(1))?;
        Ok(Prerendered {
            texts: texts.len(),
            rendered: r0 + r1,
            bytes: b0 + b1,
        })
    }
}

/// Logs at start-up whether the synthesiser answers, so a PC without espeak-ng
/// is found before a visitor needs it.
pub async fn report_start(speech: &Speech) {
    match speech.render(Lang::En, "ready").await {
        Ok(_) => tracing::info!(
            program = %speech.program.display(),
            cache = %speech.cache.display(),
            "speech endpoint ready"
        ),
        Err(e) => tracing::warn!(
            program = %speech.program.display(),
            error = %e,
            "speech endpoint cannot synthesise: kiosks without a browser voice will be silent (install espeak-ng)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wav_lengths_are_set_from_what_was_written() {
        let mut wav = b"RIFF\x24\xf0\xff\x7fWAVEfmt ".to_vec();
        wav.extend_from_slice(&[0; 20]);
        wav.extend_from_slice(b"data\x00\xf0\xff\x7f");
        wav.extend_from_slice(&[1; 100]);
        fix_wav_lengths(&mut wav);
        assert_eq!(u32::from_le_bytes(wav[4..8].try_into().unwrap()), 136);
        assert_eq!(u32::from_le_bytes(wav[40..44].try_into().unwrap()), 100);
        let mut not_wav = vec![0u8; 60];
        fix_wav_lengths(&mut not_wav);
        assert_eq!(not_wav, vec![0u8; 60]);
    }

    use kiosk_core::catalog::Msg;

    #[test]
    fn only_fixed_catalog_texts_may_be_kept() {
        let speech = Speech::new(&SpeechArgs::default());
        assert!(speech.may_keep(Lang::ZhCn, Msg::AppTitle.text(Lang::ZhCn)));
        assert!(speech.may_keep(Lang::En, Msg::AppTitle.text(Lang::En)));
        // The other language's text is not this language's catalog text.
        assert!(!speech.may_keep(Lang::En, Msg::AppTitle.text(Lang::ZhCn)));
        assert!(!speech.may_keep(Lang::ZhCn, "13800138000"));
        assert!(!speech.may_keep(Lang::En, Msg::ProgressTemplate.text(Lang::En)));
        let fixed = catalog::fixed_texts(Lang::ZhCn).count();
        assert!(fixed > 300, "{fixed} fixed texts");
        // By address: each catalog text under its key, nothing else.
        let title = Msg::AppTitle.text(Lang::En);
        assert_eq!(
            speech.catalog_text(&key(Lang::En, title)),
            Some((Lang::En, title))
        );
        assert_eq!(speech.catalog_text(&key(Lang::En, "13800138000")), None);
        assert_eq!(speech.catalog_text("not-a-key"), None);
        // The kiosk computes the same key (its wasm test has this value too).
        assert_eq!(
            key(Lang::ZhCn, "法律服务自助终端"),
            "94e94c8e68d7399fe9714415c71dd2602415996ec3df6b4889af76e40d575d10"
        );
    }
}
