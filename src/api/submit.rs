//! Sending a visitor's submission (a booking, a callback request) safely: one
//! `Idempotency-Key` per submission, reused for every retry, so a retry after a
//! lost answer can never create a second row; retries of network errors, 408, 429
//! and 5xx with jittered exponential backoff for about 30 seconds; anything else
//! is the server's considered answer and is returned at once.

use std::time::Duration;

use kiosk_core::api::Problem;

use crate::text::Msg;
use serde::{Serialize, de::DeserializeOwned};

/// The idempotency key of one submission: made when the visitor first presses
/// confirm, reused for every retry and every later press while the request is the
/// same (so "not sent, press again" can never make two rows), and replaced when
/// the visitor changed an answer (a different request is a different submission).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission<R> {
    sent: Option<(R, String)>,
}

impl<R> Default for Submission<R> {
    fn default() -> Self {
        Self { sent: None }
    }
}

impl<R: PartialEq + Clone> Submission<R> {
    /// The key for sending `request`, made by `new_key` only when needed.
    pub fn key_for(&mut self, request: &R, new_key: impl FnOnce() -> String) -> String {
        match &self.sent {
            Some((previous, key)) if previous == request => key.clone(),
            _ => {
                let key = new_key();
                self.sent = Some((request.clone(), key.clone()));
                key
            }
        }
    }

    /// Forgets the key once the submission is done (confirmed or refused).
    pub fn finish(&mut self) {
        self.sent = None;
    }
}

/// Where a submission stands, for the confirm button and its status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitState {
    Ready,
    /// Sending (and retrying): the button cannot be pressed again.
    Sending,
    /// Still no answer after retrying: nothing was saved; ask staff or call 12348.
    NotSent,
    /// The server refused it for a reason the visitor can act on.
    Refused(Msg),
}

/// How long and how often to retry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// First wait.
    pub base: Duration,
    /// Longest single wait.
    pub max_delay: Duration,
    /// Give up once the waits would add up to more than this.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            base: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            budget: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait before retry number `attempt` (0-based): exponential, capped, with
    /// "full jitter" (`jitter` in 0..1 scales it) so kiosks that lost the server
    /// together do not come back in step. A `Retry-After` from the server is a floor.
    pub fn delay(&self, attempt: u32, jitter: f64, retry_after: Option<Duration>) -> Duration {
        let exp = self
            .base
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.max_delay);
        let jittered = exp.mul_f64(jitter.clamp(0.0, 1.0)).max(self.base / 2);
        retry_after.map_or(jittered, |floor| jittered.max(floor).min(self.budget))
    }
}

/// What one attempt gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Attempt<R> {
    /// 2xx with the decoded answer.
    Done(R),
    /// A refusal the visitor can act on (409, 422, …): not retried.
    Refused(Problem),
    /// Worth retrying: no answer, 408, 429 or 5xx (with any `Retry-After`).
    Retry(Option<Duration>),
}

/// Why a submission did not go through.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitError {
    /// The server refused it, saying why (e.g. `slot_full`, `invalid_phone`).
    Refused(Problem),
    /// No answer after retrying for the whole budget: nothing was saved that the
    /// visitor can rely on; they are sent to staff or 12348.
    NotSent,
}

/// Whether a status is worth retrying with the same key.
pub fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 429) || (500..600).contains(&status)
}

/// Runs `attempt` until it is done, refused, or the policy's budget is spent,
/// sleeping with `sleep` between tries. Generic over both so it is tested natively.
pub async fn with_retries<R, A, AF, S, SF>(
    policy: RetryPolicy,
    mut attempt: A,
    mut sleep: S,
    mut jitter: impl FnMut() -> f64,
) -> Result<R, SubmitError>
where
    A: FnMut() -> AF,
    AF: Future<Output = Attempt<R>>,
    S: FnMut(Duration) -> SF,
    SF: Future<Output = ()>,
{
    let mut waited = Duration::ZERO;
    for n in 0.. {
        match attempt().await {
            Attempt::Done(r) => return Ok(r),
            Attempt::Refused(p) => return Err(SubmitError::Refused(p)),
            Attempt::Retry(retry_after) => {
                let delay = policy.delay(n, jitter(), retry_after);
                if waited + delay > policy.budget {
                    return Err(SubmitError::NotSent);
                }
                waited += delay;
                sleep(delay).await;
            }
        }
    }
    unreachable!("the loop returns")
}

/// A fresh idempotency key, made when the visitor presses confirm.
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .expect("crypto.randomUUID is available in the kiosk browser")
}

/// POSTs `body` to `/api/v1{path}` with `key`, retrying per the default policy.
pub async fn post_idempotent<B, R>(path: &str, body: &B, key: &str) -> Result<R, SubmitError>
where
    B: Serialize,
    R: DeserializeOwned,
{
    post_idempotent_with(RetryPolicy::default(), path, body, key).await
}

/// [`post_idempotent`] with its own retry policy.
pub async fn post_idempotent_with<B, R>(
    policy: RetryPolicy,
    path: &str,
    body: &B,
    key: &str,
) -> Result<R, SubmitError>
where
    B: Serialize,
    R: DeserializeOwned,
{
    let url = super::url(path);
    let json = serde_json::to_string(body).expect("request types serialize");
    with_retries(
        policy,
        || one_attempt::<R>(&url, &json, key),
        gloo_timers::future::sleep,
        js_sys::Math::random,
    )
    .await
}

async fn one_attempt<R: DeserializeOwned>(url: &str, json: &str, key: &str) -> Attempt<R> {
    let request = gloo_net::http::Request::post(url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .header("X-Kiosk-Id", &crate::ops::config::config().kiosk_id)
        .body(json.to_owned());
    let Ok(request) = request else {
        return Attempt::Retry(None);
    };
    let Ok(response) = request.send().await else {
        return Attempt::Retry(None);
    };
    let status = response.status();
    if response.ok() {
        return match response.json::<R>().await {
            Ok(r) => Attempt::Done(r),
            // A 2xx we cannot read: the row exists; replaying the key shows it.
            Err(_) => Attempt::Retry(None),
        };
    }
    if is_retryable(status) {
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.parse::<u64>().ok())
            .map(Duration::from_secs);
        return Attempt::Retry(retry_after);
    }
    match response.json::<Problem>().await {
        Ok(problem) => Attempt::Refused(problem),
        Err(_) => Attempt::Retry(None),
    }
}

#[cfg(test)]
mod tests {
    use std::{cell::RefCell, collections::BTreeMap};

    use super::*;

    #[test]
    fn one_key_per_submission_reused_until_the_request_changes() {
        let mut s = Submission::default();
        let mut made = 0;
        let mut key = |s: &mut Submission<&str>, r| {
            s.key_for(&r, || {
                made += 1;
                format!("k{made}")
            })
        };
        assert_eq!(key(&mut s, "a"), "k1");
        assert_eq!(key(&mut s, "a"), "k1", "a retry after 'not sent'");
        assert_eq!(key(&mut s, "b"), "k2", "an answer changed");
        s.finish();
        assert_eq!(
            key(&mut s, "b"),
            "k3",
            "a new submission after the last one ended"
        );
    }

    fn problem(code: &str) -> Problem {
        Problem {
            kind: "about:blank".into(),
            title: "Conflict".into(),
            status: 409,
            detail: String::new(),
            errors: BTreeMap::from([("request".into(), vec![code.into()])]),
        }
    }

    /// Runs `with_retries` over a script of attempt outcomes, recording sleeps.
    fn run(
        script: Vec<Attempt<u32>>,
        jitter: f64,
    ) -> (Result<u32, SubmitError>, Vec<Duration>, usize) {
        let script = RefCell::new(script.into_iter());
        let tries = RefCell::new(0);
        let slept = RefCell::new(Vec::new());
        let result = futures_lite_block_on(with_retries(
            RetryPolicy::default(),
            || {
                *tries.borrow_mut() += 1;
                let next = script.borrow_mut().next().unwrap_or(Attempt::Retry(None));
                async move { next }
            },
            |d| {
                slept.borrow_mut().push(d);
                async {}
            },
            || jitter,
        ));
        (result, slept.into_inner(), tries.into_inner())
    }

    /// Polls a future whose every await is already ready (no I/O in these tests).
    fn futures_lite_block_on<F: Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(out) = f.as_mut().poll(&mut cx) {
                return out;
            }
        }
    }

    #[test]
    fn retryable_statuses_are_408_429_and_5xx_only() {
        for s in [408, 429, 500, 502, 503, 599] {
            assert!(is_retryable(s), "{s}");
        }
        for s in [200, 201, 400, 401, 404, 409, 413, 415, 422] {
            assert!(!is_retryable(s), "{s}");
        }
    }

    #[test]
    fn delays_grow_exponentially_are_capped_and_jittered() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(0, 1.0, None), Duration::from_millis(500));
        assert_eq!(p.delay(1, 1.0, None), Duration::from_secs(1));
        assert_eq!(p.delay(3, 1.0, None), Duration::from_secs(4));
        assert_eq!(p.delay(10, 1.0, None), Duration::from_secs(8));
        assert_eq!(p.delay(3, 0.5, None), Duration::from_secs(2));
        assert_eq!(
            p.delay(3, 0.0, None),
            Duration::from_millis(250),
            "never zero"
        );
        assert_eq!(
            p.delay(0, 1.0, Some(Duration::from_secs(5))),
            Duration::from_secs(5)
        );
        assert_eq!(p.delay(0, 1.0, Some(Duration::from_secs(99))), p.budget);
    }

    #[test]
    fn a_success_after_failures_is_returned_with_the_waits_between() {
        let (result, slept, tries) = run(
            vec![Attempt::Retry(None), Attempt::Retry(None), Attempt::Done(7)],
            1.0,
        );
        assert_eq!(result, Ok(7));
        assert_eq!(tries, 3);
        assert_eq!(slept, [Duration::from_millis(500), Duration::from_secs(1)]);
    }

    #[test]
    fn a_refusal_is_returned_at_once_without_retrying() {
        let (result, slept, tries) = run(vec![Attempt::Refused(problem("slot_full"))], 1.0);
        assert_eq!(result, Err(SubmitError::Refused(problem("slot_full"))));
        assert_eq!(tries, 1);
        assert!(slept.is_empty());
    }

    #[test]
    fn endless_failures_give_up_within_the_budget() {
        let (result, slept, tries) = run(vec![], 1.0);
        assert_eq!(result, Err(SubmitError::NotSent));
        let total: Duration = slept.iter().sum();
        assert!(total <= Duration::from_secs(30), "{total:?}");
        assert!(
            total >= Duration::from_secs(20),
            "tries for most of the budget: {total:?}"
        );
        assert_eq!(tries, slept.len() + 1);
    }
}
