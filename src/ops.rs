//! Running unattended: noticing visitors' activity, the inactivity warning and
//! reset, asking the server every `status_poll_s` whether the kiosk is in
//! maintenance (and whether it can be reached at all), the heartbeat, and the
//! staff session.
//!
//! One one-second ticker drives it all, with `Date.now()` as the clock, so a test
//! can move time with Playwright's clock instead of waiting.

pub mod config;
pub mod crash;
pub mod idle;

use std::cell::Cell;

use kiosk_core::api::{Heartbeat, KioskStatus};
use leptos::{ev, prelude::*};
use leptos_use_event_listener::{
    UseEventListenerOptions, use_event_listener, use_event_listener_with_options,
};

use crate::api;
use idle::{Idle, idle_state, kind_of};

use crate::screen::{self, Screen, ScreenKind};

/// The app's version, as the heartbeat and the staff panel give it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// While the server cannot be reached, how often to try again (seconds).
const OFFLINE_RETRY_S: f64 = 10.0;

thread_local! {
    /// When a visitor last touched, typed or pressed a key (`Date.now()`, ms).
    static LAST_ACTIVITY: Cell<f64> = const { Cell::new(0.0) };
    /// When this page (this visit, after a reset) started.
    static STARTED: Cell<f64> = const { Cell::new(0.0) };
    /// Whether anybody touched the kiosk since the page loaded.
    static TOUCHED: Cell<bool> = const { Cell::new(false) };
    /// Errors seen since start: calls that failed, unhandled errors.
    static ERRORS: Cell<u64> = const { Cell::new(0) };
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Counts a touch, key or typed character as the visitor being there.
pub fn activity() {
    LAST_ACTIVITY.with(|c| c.set(now()));
    TOUCHED.with(|c| c.set(true));
}

/// Counts an error for the heartbeat.
pub fn count_error() {
    ERRORS.with(|c| c.set(c.get() + 1));
}

/// Errors counted since this page started.
pub fn errors() -> u64 {
    ERRORS.with(Cell::get)
}

/// Seconds since the last touch or key.
pub fn idle_s() -> u64 {
    ((now() - LAST_ACTIVITY.with(Cell::get)).max(0.0) / 1000.0) as u64
}

/// The kiosk's running state, shared by the screens that show it.
#[derive(Clone, Copy)]
pub struct Ops {
    /// Where the current visitor stands with inactivity.
    pub idle: RwSignal<Idle>,
    /// Whether the server answered the last time it was asked.
    pub online: RwSignal<bool>,
    /// The server's last answer about this kiosk (`None` until the first).
    pub status: RwSignal<Option<KioskStatus>>,
    /// The server does not know this kiosk's id (a configuration problem).
    pub unknown_kiosk: RwSignal<bool>,
    /// A staff session's token, only in memory, only on the staff screens.
    pub staff_token: RwSignal<Option<String>>,
    /// When the last heartbeat was sent (`Date.now()`) and where it went.
    pub last_heartbeat: RwSignal<Option<(f64, api::kiosks::Beat)>>,
}

impl Ops {
    /// Whether this kiosk's edge reports that the central server cannot be
    /// reached: booking is closed, callback requests are held on the kiosk.
    pub fn central_down(self) -> bool {
        self.status.with(|s| {
            s.as_ref()
                .and_then(|s| s.central.as_ref())
                .is_some_and(|c| !c.reachable)
        })
    }

    /// Whether the server has this kiosk out of service.
    pub fn in_maintenance(self) -> bool {
        self.status
            .with(|s| s.as_ref().is_some_and(|s| s.maintenance))
    }
}

/// The state provided by [`provide_ops`].
pub fn use_ops() -> Ops {
    use_context::<Ops>().unwrap_or_else(provide_ops)
}

/// Creates the kiosk's running state for this page.
pub fn provide_ops() -> Ops {
    let ops = Ops {
        idle: RwSignal::new(Idle::Active),
        online: RwSignal::new(true),
        status: RwSignal::new(None),
        unknown_kiosk: RwSignal::new(false),
        staff_token: RwSignal::new(None),
        last_heartbeat: RwSignal::new(None),
    };
    provide_context(ops);
    ops
}

/// Ends the visit: stops speech, clears any storage the page could have touched,
/// and loads the attract screen afresh, replacing the history entry, so every
/// signal, every request still on its way and the WebAssembly memory of this
/// visit are discarded.
pub fn end_visit() {
    if let Ok(synth) = window().speech_synthesis() {
        synth.cancel();
    }
    for storage in [window().local_storage(), window().session_storage()]
        .into_iter()
        .flatten()
        .flatten()
    {
        // The kiosk never writes storage; this clears anything that did.
        let _ = storage.clear();
    }
    // If replace fails the page stays as it is; there is no better fallback.
    let _ = window().location().replace(&Screen::Attract.path());
}

/// Starts watching activity, the clock, the server and the staff key chord.
/// Call once, in the App.
pub fn run(ops: Ops) {
    let started = now();
    STARTED.with(|c| c.set(started));
    LAST_ACTIVITY.with(|c| c.set(started));

    // Touches, clicks, keys, typing and IME composition all count, heard on the
    // document (no screen stops these events from bubbling).
    let doc = document();
    let seen = move || {
        activity();
        if ops.idle.get_untracked() != Idle::Active {
            ops.idle.set(Idle::Active);
        }
    };
    for name in [
        "pointerdown",
        "touchstart",
        "keydown",
        "input",
        "wheel",
        "compositionstart",
        "compositionupdate",
    ] {
        // Passive: they only watch, so touches and wheels never wait for them.
        let _ = use_event_listener_with_options(
            doc.clone(),
            ev::Custom::<web_sys::Event>::new(name),
            move |_| seen(),
            UseEventListenerOptions::default().passive(true),
        );
    }
    // Staff entry by key chord: Ctrl+Alt+M.
    let _ = use_event_listener(doc, ev::keydown, move |e| {
        if e.ctrl_key() && e.alt_key() && e.key().eq_ignore_ascii_case("m") {
            e.prevent_default();
            screen::go(Screen::Staff);
        }
    });
    // Back online: ask at once.
    let _ = use_event_listener(window(), ev::online, move |_| poll_status(ops));

    tick(ops);

    // Maintenance begins on the attract screen, or for a kiosk nobody has touched
    // since it started; a visitor is never interrupted, the switch happens when
    // the visit ends.
    Effect::new(move |_| {
        if ops.in_maintenance() {
            let here = screen::current();
            // A submission in flight is part of a visit, so it is never cut.
            if !idle::visit_in_progress(here, TOUCHED.with(Cell::get))
                && !matches!(kind_of(here), ScreenKind::Staff | ScreenKind::Attract)
            {
                screen::go(Screen::Attract);
            }
        }
    });
}

thread_local! {
    /// When the status was last asked for and the last heartbeat sent (ms).
    static LAST_STATUS: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static LAST_BEAT: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// Checks inactivity, and asks the server or sends the heartbeat when due; then
/// sleeps until the next moment something can change, but never more than a
/// second (a new screen may have a shorter timeout). Waking at the exact moment
/// makes the warning appear exactly when configured.
fn tick(ops: Ops) {
    let t = now();
    let timeouts = &config::config().timeouts;
    let kind = kind_of(screen::current());
    let last = LAST_ACTIVITY.with(Cell::get);
    let state = idle_state(kind, t - last, timeouts);
    if ops.idle.get_untracked() != state {
        ops.idle.set(state);
    }
    if state == Idle::Expired {
        // For staff too: the session's token is forgotten with the page.
        end_visit();
        return;
    }
    let every_status = 1000.0
        * if ops.online.get_untracked() {
            f64::from(timeouts.status_poll_s)
        } else {
            OFFLINE_RETRY_S
        };
    if t - LAST_STATUS.with(Cell::get) >= every_status {
        LAST_STATUS.with(|c| c.set(t));
        poll_status(ops);
    }
    let every_beat = 1000.0 * f64::from(timeouts.heartbeat_s);
    if t - LAST_BEAT.with(Cell::get) >= every_beat {
        LAST_BEAT.with(|c| c.set(t));
        send_heartbeat(ops);
    }
    let next_idle = match (kind, state) {
        (ScreenKind::Attract, _) => f64::INFINITY,
        // The moment the warning appears (or the staff panel closes).
        (_, Idle::Active) => last + 1000.0 * f64::from(idle::quiet_s(kind, timeouts)),
        // The moment the countdown shows one second less (or time is up).
        (_, Idle::Warning { remaining_s }) => {
            last + 1000.0
                * (f64::from(idle::quiet_s(kind, timeouts) + timeouts.warning_s)
                    - f64::from(remaining_s - 1))
        }
        (_, Idle::Expired) => t,
    };
    let next = next_idle
        .min(LAST_STATUS.with(Cell::get) + every_status)
        .min(LAST_BEAT.with(Cell::get) + every_beat);
    let wait = (next - t).clamp(1.0, 1000.0);
    set_timeout(
        move || tick(ops),
        std::time::Duration::from_millis(wait.ceil() as u64),
    );
}

/// Asks the server about this kiosk; an unanswered call marks the kiosk offline.
pub fn poll_status(ops: Ops) {
    thread_local!(static ASKING: Cell<bool> = const { Cell::new(false) });
    if ASKING.with(|a| a.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        let answer = api::kiosks::status(&config::config().kiosk_id).await;
        ASKING.with(|a| a.set(false));
        match answer {
            Ok(status) => {
                ops.online.set(true);
                ops.unknown_kiosk.set(false);
                if ops.status.get_untracked().as_ref() != Some(&status) {
                    ops.status.set(Some(status));
                }
            }
            Err(api::ApiError::Status(404)) => {
                ops.online.set(true);
                ops.unknown_kiosk.set(true);
            }
            Err(api::ApiError::Unreachable) => {
                count_error();
                ops.online.set(false);
            }
            Err(_) => {
                count_error();
                ops.online.set(true);
            }
        }
    });
}

/// What the heartbeat says now.
pub fn heartbeat_now() -> Heartbeat {
    Heartbeat {
        version: VERSION.to_owned(),
        uptime_s: ((now() - STARTED.with(Cell::get)).max(0.0) / 1000.0) as u64,
        last_interaction_s: idle_s(),
        errors: errors(),
        interval_s: Some(u64::from(config::config().timeouts.heartbeat_s)),
        outbox: None,
    }
}

/// Tells the server the kiosk is alive: version, uptime, idle time and errors,
/// nothing about any visitor.
pub fn send_heartbeat(ops: Ops) {
    let beat = heartbeat_now();
    leptos::task::spawn_local(async move {
        let sent = now();
        let went = api::kiosks::heartbeat(&config::config().kiosk_id, &beat)
            .await
            .unwrap_or(api::kiosks::Beat::Failed);
        if went == api::kiosks::Beat::Failed {
            count_error();
        }
        ops.last_heartbeat.set(Some((sent, went)));
    });
}
