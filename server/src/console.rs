//! Who is signed in to the back office console: the session cookie, the CSRF
//! defences, and the role and hall checks that every console endpoint goes
//! through ([`ConsoleUser`]).
//!
//! - The session travels in an `HttpOnly; SameSite=Strict` cookie holding a
//!   random token; the database keeps only its SHA-256. It ends after
//!   [`IDLE_TIMEOUT_S`] without a request, and [`SESSION_MAX_S`] after sign-in.
//! - Every request that is not a GET must carry the session's CSRF token in
//!   `X-CSRF-Token`, and an `Origin` header, when the browser sends one, must be
//!   this server's own host. `SameSite=Strict` already keeps the cookie off
//!   cross-site requests; these hold where it does not (old browsers, a
//!   sibling subdomain).

use axum::{
    extract::FromRequestParts,
    http::{HeaderMap, HeaderValue, Method, header, request::Parts},
};
use kiosk_core::{
    api::ConsoleSession,
    console::{CSRF_HEADER, IDLE_TIMEOUT_S, Role, SESSION_COOKIE, SESSION_MAX_S},
    hall_time::HallTime,
};

use crate::{
    AppState,
    caller::Caller,
    db::{self, audit::Client},
    error::ApiError,
    security,
};

/// The signed-in user of a console request, with a live session, the CSRF
/// checks passed for a write, and the session's idle timeout restarted.
#[derive(Clone, Debug)]
pub struct ConsoleUser {
    pub id: String,
    pub display_name: String,
    pub role: Role,
    pub halls: Vec<String>,
    /// Where the request came from, for the audit log.
    pub client: Client,
    token_hash: String,
    csrf_token: String,
    expires_unix: i64,
}

impl ConsoleUser {
    /// 403 `forbidden_role` unless the user has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden("forbidden_role"))
        }
    }

    /// 403 `forbidden_hall` unless the user may act on `hall`: a province admin on
    /// any, a hall admin on their own halls, nobody else.
    pub fn require_hall(&self, hall: &str) -> Result<(), ApiError> {
        let allowed = match self.role {
            Role::ProvinceAdmin => true,
            Role::HallAdmin => self.halls.iter().any(|h| h == hall),
            Role::Operator => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(ApiError::Forbidden("forbidden_hall"))
        }
    }

    /// The SHA-256 of this request's session token.
    pub fn token_hash(&self) -> &str {
        &self.token_hash
    }

    /// What the app needs to carry on in this session.
    pub fn session(&self) -> ConsoleSession {
        ConsoleSession {
            user: self.id.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            halls: self.halls.clone(),
            csrf_token: self.csrf_token.clone(),
            idle_timeout_s: IDLE_TIMEOUT_S,
            expires_at: HallTime::from_unix(self.expires_unix).to_rfc3339(),
        }
    }
}

/// The answer to sign-in: the same as [`ConsoleUser::session`] gives later.
pub fn session_body(user: &db::users::User, csrf_token: &str, expires_unix: i64) -> ConsoleSession {
    ConsoleSession {
        user: user.id.clone(),
        display_name: user.display_name.clone(),
        role: user.role,
        halls: user.halls.clone(),
        csrf_token: csrf_token.to_owned(),
        idle_timeout_s: IDLE_TIMEOUT_S,
        expires_at: HallTime::from_unix(expires_unix).to_rfc3339(),
    }
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

impl FromRequestParts<AppState> for ConsoleUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let write = is_write(&parts.method);
        if write && !same_origin(&parts.headers) {
            return Err(ApiError::Forbidden("csrf_failed"));
        }
        let token =
            session_token(&parts.headers).ok_or(ApiError::Unauthenticated("session_required"))?;
        let token_hash = security::sha256_hex(token.as_bytes());
        let sent_csrf = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let caller = Caller::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        let client = client(&caller, &parts.headers);
        let now = state.clock.unix();
        let hash = token_hash.clone();
        state
            .db
            .call(move |c| {
                let Some(session) = db::console_sessions::find(c, &hash)? else {
                    return Ok(Err(ApiError::Unauthenticated("session_required")));
                };
                if session.ended(now) {
                    return Ok(Err(ApiError::Unauthenticated("session_expired")));
                }
                let user = match db::users::find(c, &session.user_id)? {
                    Some(u) if !u.disabled => u,
                    _ => return Ok(Err(ApiError::Unauthenticated("session_required"))),
                };
                if write
                    && !sent_csrf
                        .as_deref()
                        .is_some_and(|t| security::constant_time_eq(t, &session.csrf_token))
                {
                    return Ok(Err(ApiError::Forbidden("csrf_failed")));
                }
                db::console_sessions::touch(c, &hash, now)?;
                Ok(Ok(ConsoleUser {
                    id: user.id,
                    display_name: user.display_name,
                    role: user.role,
                    halls: user.halls,
                    client,
                    token_hash: hash,
                    csrf_token: session.csrf_token,
                    expires_unix: session.expires_unix,
                }))
            })
            .await?
    }
}

/// The session token from the `Cookie` header(s), if it looks like one of ours
/// (64 hex digits): anything else is not worth a database query.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().trim_matches('"').to_owned())
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether an `Origin` header, if the request has one, names this server's own
/// host (as the `Host` header, or a proxy's `X-Forwarded-Host`, says). Browsers
/// send `Origin` with every POST, PUT and DELETE; clients that are not browsers
/// (curl, tests) may leave it out and still need the CSRF token.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Some(origin_host) = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, host)| host.trim_end_matches('/'))
        .filter(|h| !h.is_empty())
    else {
        // `Origin: null` (a sandboxed frame, a file) or garbage.
        return false;
    };
    let forwarded_host = headers
        .get("x-forwarded-host")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    [forwarded_host, host]
        .into_iter()
        .flatten()
        .any(|h| h.trim().eq_ignore_ascii_case(origin_host))
}

/// Whether the request came over TLS: a proxy in front says so with
/// `X-Forwarded-Proto: https` or `Forwarded: proto=https`. (Trusting the header
/// is harmless: it only ever adds `Secure` to a cookie.)
pub fn over_tls(headers: &HeaderMap) -> bool {
    let says_https = |name: &str, f: &dyn Fn(&str) -> bool| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(f)
    };
    says_https("x-forwarded-proto", &|v| {
        v.split(',')
            .next()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
    }) || says_https("forwarded", &|v| {
        v.split([';', ','])
            .filter_map(|kv| kv.trim().split_once('='))
            .any(|(k, p)| {
                k.eq_ignore_ascii_case("proto") && p.trim_matches('"').eq_ignore_ascii_case("https")
            })
    })
}

/// `Set-Cookie` for a new session; `None` clears the cookie (sign-out).
pub fn session_cookie(state: &AppState, headers: &HeaderMap, token: Option<&str>) -> HeaderValue {
    let secure = if state.console_secure_cookies() || over_tls(headers) {
        "; Secure"
    } else {
        ""
    };
    let (value, max_age) = match token {
        Some(t) => (t, SESSION_MAX_S),
        None => ("", 0),
    };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"
    ))
    .expect("a hex token is a valid header value")
}

/// Longest `X-Forwarded-For` kept in the audit log.
const FORWARDED_FOR_MAX: usize = 200;

/// Where a request came from, for the audit log.
pub fn client(caller: &Caller, headers: &HeaderMap) -> Client {
    Client {
        addr: caller.addr.map(|a| a.to_string()),
        forwarded_for: headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.chars()
                    .filter(|c| !c.is_control())
                    .take(FORWARDED_FOR_MAX)
                    .collect()
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, HeaderValue::from_static(value));
        }
        h
    }

    fn user(role: Role, halls: &[&str]) -> ConsoleUser {
        ConsoleUser {
            id: "u1".into(),
            display_name: "U".into(),
            role,
            halls: halls.iter().map(|h| (*h).to_owned()).collect(),
            client: Client::default(),
            token_hash: String::new(),
            csrf_token: String::new(),
            expires_unix: 0,
        }
    }

    #[test]
    fn a_hall_admin_acts_only_on_their_own_halls() {
        let admin = user(Role::HallAdmin, &["east", "west"]);
        assert!(admin.require_hall("east").is_ok());
        assert!(matches!(
            admin.require_hall("north"),
            Err(ApiError::Forbidden("forbidden_hall"))
        ));
        assert!(user(Role::ProvinceAdmin, &[]).require_hall("north").is_ok());
        assert!(user(Role::Operator, &[]).require_hall("east").is_err());
        assert!(matches!(
            admin.require(&[Role::ProvinceAdmin]),
            Err(ApiError::Forbidden("forbidden_role"))
        ));
        assert!(
            admin
                .require(&[Role::HallAdmin, Role::ProvinceAdmin])
                .is_ok()
        );
    }

    #[test]
    fn the_session_token_is_found_among_other_cookies() {
        let token = "ab".repeat(32);
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_static("theme=dark"));
        h.append(
            header::COOKIE,
            HeaderValue::from_str(&format!("a=1; {SESSION_COOKIE}={token}; b=2")).unwrap(),
        );
        assert_eq!(session_token(&h), Some(token));
        let short = headers(&[("cookie", "legal_kiosk_console=abc")]);
        assert_eq!(session_token(&short), None);
        assert_eq!(session_token(&HeaderMap::new()), None);
    }

    #[test]
    fn only_this_hosts_origin_is_the_same_origin() {
        assert!(same_origin(&headers(&[("host", "hall.example:8080")])));
        assert!(same_origin(&headers(&[
            ("host", "hall.example:8080"),
            ("origin", "https://hall.example:8080"),
        ])));
        assert!(same_origin(&headers(&[
            ("host", "127.0.0.1:8080"),
            ("x-forwarded-host", "console.example"),
            ("origin", "https://console.example"),
        ])));
        for origin in ["https://evil.example", "null", "hall.example:8080"] {
            let h = headers(&[("host", "hall.example:8080"), ("origin", origin)]);
            assert!(!same_origin(&h), "{origin}");
        }
        assert!(!same_origin(&headers(&[("origin", "https://x.example")])));
    }

    #[test]
    fn tls_is_read_from_the_proxys_headers() {
        assert!(over_tls(&headers(&[("x-forwarded-proto", "https")])));
        assert!(over_tls(&headers(&[("x-forwarded-proto", "HTTPS, http")])));
        assert!(over_tls(&headers(&[(
            "forwarded",
            "for=192.0.2.1;proto=https;by=203.0.113.2"
        )])));
        assert!(!over_tls(&headers(&[("x-forwarded-proto", "http")])));
        assert!(!over_tls(&HeaderMap::new()));
    }
}
