//! Who is calling: a kiosk proven by its secret, a kiosk on the server's own PC,
//! or anybody. Heartbeats, status, staff sign-in, maintenance and what bookings
//! and callbacks record as their kiosk are bound to the kiosk proven here, never
//! to an `X-Kiosk-Id` header that anyone can send.
//!
//! - An edge (or any client holding a kiosk's secret) sends `X-Kiosk-Id` and
//!   `X-Kiosk-Key`. A wrong or revoked secret is answered 401 at once.
//! - A kiosk registered without a secret (`--demo-data`, or
//!   `admin kiosk add --local` for an all-in-one PC) is accepted only from this
//!   PC: a loopback peer with no proxy headers (a proxy on the same host forwards
//!   from loopback, so `X-Forwarded-For`, `X-Real-IP` or `Forwarded` make a
//!   request remote).

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{HeaderMap, request::Parts},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    AppState,
    db::{self, kiosks::KioskKey},
    error::ApiError,
    security,
};

/// The caller of one API request.
#[derive(Clone, Debug, Default)]
pub struct Caller {
    /// The kiosk whose secret the request carried.
    pub kiosk: Option<String>,
    /// The kiosk named by `X-Kiosk-Id` without a secret.
    pub claimed: Option<String>,
    /// From this PC (see the module docs). In-process requests (tests) have no
    /// peer address and count as local.
    pub local: bool,
    pub addr: Option<IpAddr>,
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn is_local(headers: &HeaderMap, addr: Option<IpAddr>) -> bool {
    let proxied = ["x-forwarded-for", "x-real-ip", "forwarded"]
        .iter()
        .any(|h| headers.contains_key(*h));
    !proxied && addr.is_none_or(|a| a.is_loopback())
}

impl Caller {
    /// Whom the write rate limit counts this request against.
    pub fn rate_key(&self) -> String {
        match (&self.kiosk, &self.claimed, self.local, self.addr) {
            (Some(k), _, _, _) => format!("kiosk:{k}"),
            // Local kiosks share one address, and only local kiosks can claim.
            (None, Some(k), true, _) => format!("local-kiosk:{k}"),
            (None, _, _, Some(a)) => format!("addr:{a}"),
            (None, _, _, None) => "unknown".to_owned(),
        }
    }

    /// Whether this request may act as `kiosk_id`: it carried that kiosk's secret,
    /// or the kiosk has no secret and the request comes from this PC. 404 for a
    /// kiosk the database does not know, 401 otherwise.
    pub async fn authorize(&self, state: &AppState, kiosk_id: &str) -> Result<(), ApiError> {
        // No kiosk has an id outside the rule, and such an id (a NUL, say) is not
        // even text PostgreSQL can compare: unknown, without asking the database.
        if crate::config::kiosk_id(kiosk_id).is_err() {
            return Err(ApiError::NotFound("unknown_kiosk"));
        }
        match &self.kiosk {
            Some(k) if k == kiosk_id => return Ok(()),
            Some(_) => return Err(ApiError::KioskUnauthorized),
            None => {}
        }
        let id = kiosk_id.to_owned();
        match state.db.call(move |c| db::kiosks::key(c, &id)).await? {
            KioskKey::Unknown => Err(ApiError::NotFound("unknown_kiosk")),
            KioskKey::Local if self.local => Ok(()),
            KioskKey::Local | KioskKey::Revoked | KioskKey::Hash(_) => {
                Err(ApiError::KioskUnauthorized)
            }
        }
    }

    /// The kiosk a booking or callback records: the one named in the body (which
    /// this request must be allowed to act as), or else the proven one.
    pub async fn recorded_kiosk(
        &self,
        state: &AppState,
        named: Option<&str>,
    ) -> Result<Option<String>, ApiError> {
        match named {
            Some(id) => match self.authorize(state, id).await {
                Ok(()) => Ok(Some(id.to_owned())),
                Err(ApiError::NotFound(_)) => Err(ApiError::field("kiosk_id", "unknown_kiosk")),
                Err(e) => Err(e),
            },
            None => Ok(self.kiosk.clone()),
        }
    }
}

/// Middleware on `/api/v1`: checks a kiosk secret if one is sent, then leaves the
/// [`Caller`] for the rate limit and the handlers.
pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let addr = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let headers = req.headers();
    let local = is_local(headers, addr);
    let id = header(headers, "x-kiosk-id").map(str::to_owned);
    let key = header(headers, "x-kiosk-key").map(str::to_owned);
    let caller = match (id, key) {
        (Some(id), Some(key)) => match verify(&state, &id, &key).await {
            Ok(true) => Caller {
                kiosk: Some(id),
                claimed: None,
                local,
                addr,
            },
            Ok(false) => {
                tracing::warn!(kiosk_id = %id, "kiosk credential refused");
                return ApiError::KioskUnauthorized.into_response();
            }
            Err(e) => return e.into_response(),
        },
        (None, Some(_)) => return ApiError::KioskUnauthorized.into_response(),
        (claimed, None) => Caller {
            kiosk: None,
            claimed,
            local,
            addr,
        },
    };
    req.extensions_mut().insert(caller);
    next.run(req).await
}

async fn verify(state: &AppState, id: &str, key: &str) -> Result<bool, ApiError> {
    if id.len() > crate::config::KIOSK_ID_MAX || key.len() > 256 {
        return Ok(false);
    }
    let id = id.to_owned();
    let stored = state.db.call(move |c| db::kiosks::key(c, &id)).await?;
    Ok(match stored {
        KioskKey::Hash(hash) => {
            security::constant_time_eq(&hash, &security::sha256_hex(key.as_bytes()))
        }
        KioskKey::Unknown | KioskKey::Local | KioskKey::Revoked => false,
    })
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Caller>()
            .cloned()
            .unwrap_or_else(|| {
                // Outside the middleware (never in the real router): only the address.
                let addr = parts
                    .extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|c| c.0.ip());
                Caller {
                    local: is_local(&parts.headers, addr),
                    addr,
                    ..Caller::default()
                }
            }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_direct_loopback_peer_is_local() {
        let none = HeaderMap::new();
        let v4: IpAddr = [127, 0, 0, 1].into();
        let lan: IpAddr = [192, 168, 1, 20].into();
        assert!(is_local(&none, Some(v4)));
        assert!(is_local(
            &none,
            Some(IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]))
        ));
        assert!(is_local(&none, None), "in-process");
        assert!(!is_local(&none, Some(lan)));
        for proxy in ["x-forwarded-for", "x-real-ip", "forwarded"] {
            let mut h = HeaderMap::new();
            h.insert(proxy, "203.0.113.9".parse().unwrap());
            assert!(!is_local(&h, Some(v4)), "{proxy}");
        }
    }

    #[test]
    fn the_rate_limit_counts_proven_kiosks_by_id_and_others_by_address() {
        let lan: IpAddr = [192, 168, 1, 20].into();
        let proven = Caller {
            kiosk: Some("k1".into()),
            addr: Some(lan),
            ..Caller::default()
        };
        assert_eq!(proven.rate_key(), "kiosk:k1");
        let claimed_remote = Caller {
            claimed: Some("k1".into()),
            addr: Some(lan),
            ..Caller::default()
        };
        assert_eq!(claimed_remote.rate_key(), "addr:192.168.1.20");
        let claimed_local = Caller {
            claimed: Some("k1".into()),
            local: true,
            ..Caller::default()
        };
        assert_eq!(claimed_local.rate_key(), "local-kiosk:k1");
    }
}
