//! `/staff`: staff sign-in with a PIN the server checks (with its lockout; no
//! secret is in the kiosk), then the staff panel: what this kiosk is and how it is
//! doing, speech and print tests, and taking it out of or back into service at
//! the server (so the state survives a reload). The session's token lives only in
//! memory and is forgotten when the panel closes, by hand or after
//! `staff_idle_s` without a touch.

use kiosk_core::{
    Lang,
    api::{KioskStatus, MaintenanceRequest},
    hall_time::HallTime,
};
use leptos::{ev, prelude::*};

use crate::{
    api::{
        self,
        kiosks::{Beat, SignInError, set_maintenance, staff_session},
    },
    components::{
        focus_heading::FocusHeading,
        numeric_keypad::{KeypadMode, NumericKeypad},
    },
    device::speech::{VoiceSource, use_speaker},
    ops::{self, VERSION, config, use_ops},
    pages::attract::back_at_label,
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs, use_t},
};

/// Longest PIN the pad takes (the server accepts up to 32).
const PIN_MAX: usize = 12;

#[component]
pub fn StaffPage() -> impl IntoView {
    let ops = use_ops();
    move || {
        if ops.staff_token.with(Option::is_some) {
            view! { <StaffPanel /> }.into_any()
        } else {
            view! { <StaffSignIn /> }.into_any()
        }
    }
}

/// Minutes to say for a lockout of `seconds` (rounded up, at least 1).
pub fn lock_minutes(seconds: u64) -> u64 {
    seconds.div_ceil(60).max(1)
}

#[component]
fn StaffSignIn() -> impl IntoView {
    let t = use_t();
    let lang = use_prefs().lang;
    let ops = use_ops();
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let announcer = crate::device::announce::Announcer::new();
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        if checking.get_untracked() {
            return;
        }
        let typed = pin.get_untracked();
        if typed.is_empty() {
            error.set(Some(t(Msg::StaffPinEmpty).to_owned()));
            announcer.say(&[Msg::StaffPinEmpty]);
            return;
        }
        checking.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let answer = staff_session(&config::config().kiosk_id, &typed).await;
            checking.try_set(false);
            pin.try_set(String::new());
            let l = lang.get_untracked();
            let problem = match answer {
                Ok(session) => {
                    ops.staff_token.set(Some(session.token));
                    return;
                }
                Err(SignInError::Refused) => Msg::StaffPinWrong.text(l).to_owned(),
                Err(SignInError::Locked(s)) => fill(
                    Msg::StaffLocked.text(l),
                    &[("minutes", &lock_minutes(s).to_string())],
                ),
                Err(SignInError::Unreachable) => Msg::StaffUnreachable.text(l).to_owned(),
            };
            announcer.say_texts(&[&problem]);
            error.try_set(Some(problem));
        });
    };
    let invalid = Signal::derive(move || error.with(Option::is_some));
    view! {
        <section class="kiosk-staff">
            <FocusHeading text=Msg::StaffSignInHeading />
            <form class="kiosk-staff__form" on:submit=submit novalidate>
                <label class="kiosk-field__label" for="staff-pin">
                    {tr(Msg::StaffPinLabel)}
                </label>
                <p id="staff-pin-hint" class="kiosk-field__hint">{tr(Msg::StaffPinHint)}</p>
                <p id="staff-pin-error" class="kiosk-field__error" role="alert">
                    {move || error.get()}
                </p>
                <NumericKeypad
                    value=pin
                    input_id="staff-pin"
                    max_len=PIN_MAX
                    described_by="staff-pin-hint staff-pin-error"
                    invalid=invalid
                    mode=KeypadMode::Pin
                />
                <p class="kiosk-staff__status" role="status">
                    {move || checking.get().then(|| t(Msg::StaffChecking))}
                </p>
                <div class="kiosk-staff__actions">
                    <button
                        type="submit"
                        class="kiosk-button kiosk-button--primary kiosk-button--large"
                        aria-disabled=move || checking.get().to_string()
                    >
                        {tr(Msg::StaffSignIn)}
                    </button>
                    <button
                        type="button"
                        class="kiosk-button kiosk-button--secondary"
                        on:click=move |_| ops::end_visit()
                    >
                        {tr(Msg::StaffCancel)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// What the connection test found.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Reach {
    Testing,
    Up(f64),
    Down,
}

/// The expected-back choices, in minutes (`None`: not known).
const BACK_CHOICES: [(Option<i64>, Msg); 4] = [
    (None, Msg::StaffBackUnknown),
    (Some(30), Msg::StaffBack30),
    (Some(60), Msg::StaffBack60),
    (Some(120), Msg::StaffBack120),
];

/// `minutes` from `now_unix` on a whole minute, as the API wants it.
pub fn back_at_in(now_unix: i64, minutes: i64) -> String {
    HallTime::from_unix((now_unix / 60 + minutes) * 60).to_rfc3339()
}

/// "45 秒" / "45 s", "12 分钟" / "12 min", "3 小时" / "3 h".
/// One language's voices for the staff panel: the first few names and how many
/// there are (speech-dispatcher offers a thousand variants of some languages).
fn voice_line(tag: &str, names: &[String], lang: Lang) -> String {
    const SHOWN: usize = 3;
    let first = names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        let n = names.len().to_string();
        format!(
            "{tag}: {first} {}",
            fill(Msg::StaffVoicesMore.text(lang), &[("n", &n)])
        )
    } else {
        format!("{tag}: {first}")
    }
}

fn age_text(seconds: u64, lang: Lang) -> String {
    let (n, zh, en) = match seconds {
        s if s < 120 => (s, "秒", "s"),
        s if s < 7200 => (s / 60, "分钟", "min"),
        s => (s / 3600, "小时", "h"),
    };
    match lang {
        Lang::ZhCn => format!("{n} {zh}"),
        Lang::En => format!("{n} {en}"),
    }
}

#[component]
fn StaffPanel() -> impl IntoView {
    let t = use_t();
    let prefs = use_prefs();
    let lang = prefs.lang;
    let ops = use_ops();
    let speaker = use_speaker();
    let hall = api::halls::use_hall();
    let loaded = config::get();
    let cfg = &loaded.config;

    // A clock for "seconds ago" and the voice list (voices arrive late).
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            now.try_set(js_sys::Date::now());
        },
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    let reach = RwSignal::new(Reach::Testing);
    let test_api = move || {
        reach.set(Reach::Testing);
        leptos::task::spawn_local(async move {
            let r = match api::kiosks::health().await {
                Ok((_, ms)) => Reach::Up(ms),
                Err(_) => Reach::Down,
            };
            reach.try_set(r);
        });
    };
    test_api();

    let heartbeat = move || {
        let l = lang.get();
        match ops.last_heartbeat.get() {
            None => Msg::StaffHeartbeatNone.text(l).to_owned(),
            Some((at, went)) => {
                let s = (((now.get() - at) / 1000.0).max(0.0) as u64).to_string();
                let m = match went {
                    Beat::Received => Msg::StaffHeartbeatOk,
                    Beat::Held => Msg::StaffHeartbeatHeld,
                    Beat::Failed => Msg::StaffHeartbeatFailed,
                };
                fill(m.text(l), &[("s", &s)])
            }
        }
    };
    // Voices arrive after start-up: follow the browser's `voiceschanged`.
    let voices = move || speaker.voices_tracked();
    // Each language's source, in the display language.
    let source_text = move |for_lang: Lang| {
        let l = lang.get();
        match speaker.source_tracked(for_lang) {
            VoiceSource::Browser(name) => fill(Msg::StaffSourceBrowser.text(l), &[("name", &name)]),
            VoiceSource::Server if speaker.server_failed() => {
                Msg::StaffSourceServerFailed.text(l).to_owned()
            }
            VoiceSource::Server => Msg::StaffSourceServer.text(l).to_owned(),
        }
    };
    let display = move || {
        now.track();
        let w = window();
        let num =
            |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let (iw, ih) = (num(w.inner_width()), num(w.inner_height()));
        let (sw, sh) = w
            .screen()
            .map(|s| (s.width().unwrap_or(0), s.height().unwrap_or(0)))
            .unwrap_or((0, 0));
        let orientation = if ih >= iw {
            Msg::StaffPortrait
        } else {
            Msg::StaffLandscape
        };
        format!(
            "{sw}×{sh} · {iw}×{ih} · {dpr}× · {o}",
            dpr = w.device_pixel_ratio(),
            o = orientation.text(lang.get())
        )
    };

    let back_choice = RwSignal::new(None::<i64>);
    let changing = RwSignal::new(false);
    let change_failed = RwSignal::new(false);
    let change = move |maintenance: bool| {
        let Some(token) = ops.staff_token.get_untracked() else {
            return;
        };
        if changing.get_untracked() {
            return;
        }
        let now_unix = (js_sys::Date::now() / 1000.0) as i64;
        let req = MaintenanceRequest {
            maintenance,
            message: None,
            back_at: maintenance
                .then(|| back_choice.get_untracked().map(|m| back_at_in(now_unix, m)))
                .flatten(),
        };
        changing.set(true);
        change_failed.set(false);
        leptos::task::spawn_local(async move {
            let answer = set_maintenance(&config::config().kiosk_id, &token, &req).await;
            changing.try_set(false);
            match answer {
                Ok(status) => {
                    ops.status.try_set(Some(status));
                }
                Err(_) => {
                    change_failed.try_set(true);
                }
            }
        });
    };
    let service_state = move || {
        let l = lang.get();
        ops.status.with(|s| match s {
            Some(KioskStatus {
                maintenance: true,
                back_at,
                ..
            }) => {
                let when = back_at
                    .as_deref()
                    .and_then(|b| back_at_label(b, (now.get() / 1000.0) as i64, l))
                    .map(|w| format!(" · {} {w}", Msg::StaffBackAt.text(l)))
                    .unwrap_or_default();
                format!("{}{when}", Msg::StaffOutOfService.text(l))
            }
            _ => Msg::StaffInService.text(l).to_owned(),
        })
    };
    let print_test = move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-print", "test");
            let _ = window().print();
            let _ = root.remove_attribute("data-print");
        }
    };
    let hall_name = move || {
        hall.get()
            .map(|h| format!("{} ({})", h.names.get(lang.get()), h.id))
            .unwrap_or_else(|| cfg.hall_id.clone())
    };
    let kiosk_id = cfg.kiosk_id.clone();
    let unknown = move || ops.unknown_kiosk.get();
    let problems = loaded.problems.clone();
    let staff_idle = cfg.timeouts.staff_idle_s.to_string();

    view! {
        <section class="kiosk-staff">
            <FocusHeading text=Msg::StaffPanelHeading />
            <p class="kiosk-staff__note">
                {move || fill(t(Msg::StaffAutoExit), &[("s", &staff_idle)])}
            </p>
            <dl class="kiosk-staff__facts">
                <dt>{tr(Msg::StaffKiosk)}</dt>
                <dd data-fact="kiosk">
                    {kiosk_id.clone()}
                    {move || unknown().then_some(" — unknown to the server (404)")}
                </dd>
                <dt>{tr(Msg::StaffHall)}</dt>
                <dd data-fact="hall">{hall_name}</dd>
                <dt>{tr(Msg::StaffVersion)}</dt>
                <dd data-fact="version">{VERSION}</dd>
                <dt>{tr(Msg::StaffConfig)}</dt>
                <dd data-fact="config">
                    {if problems.is_empty() {
                        view! { <span>{tr(Msg::StaffConfigOk)}</span> }.into_any()
                    } else {
                        view! {
                            <span>{tr(Msg::StaffConfigProblems)}</span>
                            <ul class="kiosk-staff__problems">
                                {problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </dd>
                <dt>{tr(Msg::StaffApi)}</dt>
                <dd data-fact="api">
                    {move || match reach.get() {
                        Reach::Testing => t(Msg::StaffApiTesting).to_owned(),
                        Reach::Up(ms) => fill(t(Msg::StaffApiOk), &[("ms", &(ms.max(0.0).round() as u64).to_string())]),
                        Reach::Down => t(Msg::StaffApiDown).to_owned(),
                    }}
                    " "
                    <button type="button" class="kiosk-button kiosk-button--secondary" on:click=move |_| test_api()>
                        {tr(Msg::StaffApiTest)}
                    </button>
                </dd>
                <dt>{tr(Msg::StaffHeartbeat)}</dt>
                <dd data-fact="heartbeat">{heartbeat}</dd>
                {move || {
                    let central = ops.status.with(|s| s.as_ref().and_then(|s| s.central.clone()))?;
                    let l = lang.get();
                    let link = fill(
                        if central.reachable { Msg::StaffCentralUp.text(l) } else { Msg::StaffCentralDown.text(l) },
                        &[("upstream", &central.upstream)],
                    );
                    let max = central.outbox_max.to_string();
                    let held = match central.oldest_s {
                        Some(age) if central.outbox > 0 => fill(
                            Msg::StaffOutboxDepth.text(l),
                            &[("n", &central.outbox.to_string()), ("max", &max), ("age", &age_text(age, l))],
                        ),
                        _ => fill(Msg::StaffOutboxEmpty.text(l), &[("max", &max)]),
                    };
                    Some(view! {
                        <dt>{Msg::StaffCentral.text(l)}</dt>
                        <dd data-fact="central">{link}</dd>
                        <dt>{Msg::StaffOutbox.text(l)}</dt>
                        <dd data-fact="outbox">{held}</dd>
                    })
                }}
                <dt>{tr(Msg::StaffVoices)}</dt>
                <dd data-fact="voices">
                    {move || {
                        let v = voices();
                        if v.is_empty() {
                            view! { <span>{t(Msg::StaffVoicesNone)}</span> }.into_any()
                        } else {
                            let l = lang.get();
                            // The kiosk's own languages first; speech-dispatcher
                            // adds a hundred others, folded away.
                            let (ours, others): (Vec<_>, Vec<_>) =
                                v.into_iter().partition(|(tag, _)| Lang::from_tag(tag).is_some());
                            let line = move |(tag, names): (String, Vec<String>)| {
                                view! { <li>{voice_line(&tag, &names, l)}</li> }
                            };
                            let folded = (!others.is_empty()).then(|| {
                                let count: usize = others.iter().map(|(_, n)| n.len()).sum();
                                let summary = fill(
                                    Msg::StaffVoicesOther.text(l),
                                    &[("n", &others.len().to_string()), ("v", &count.to_string())],
                                );
                                view! {
                                    <details class="kiosk-staff__more">
                                        <summary>{summary}</summary>
                                        <ul class="kiosk-staff__voices">
                                            {others.into_iter().map(line).collect_view()}
                                        </ul>
                                    </details>
                                }
                            });
                            view! {
                                <ul class="kiosk-staff__voices">
                                    {ours.into_iter().map(line).collect_view()}
                                </ul>
                                {folded}
                            }
                                .into_any()
                        }
                    }}
                    <button
                        type="button"
                        class="kiosk-button kiosk-button--secondary"
                        data-testid="test-browser-voice"
                        on:click=move |_| {
                            speaker.test(
                                Msg::StaffSpeechSample.text(lang.get_untracked()),
                                VoiceSource::Browser(String::new()),
                            )
                        }
                    >
                        {tr(Msg::StaffSpeechTest)}
                    </button>
                </dd>
                <dt>{tr(Msg::StaffSpeechSources)}</dt>
                <dd data-fact="speech-sources">
                    <ul class="kiosk-staff__voices">
                        {Lang::ALL
                            .into_iter()
                            .map(|for_lang| {
                                view! {
                                    <li data-lang=for_lang.tag()>
                                        {for_lang.native_name()}
                                        {move || if lang.get() == Lang::ZhCn { "：" } else { ": " }}
                                        {move || source_text(for_lang)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <button
                        type="button"
                        class="kiosk-button kiosk-button--secondary"
                        data-testid="test-server-speech"
                        on:click=move |_| {
                            speaker
                                .test(Msg::StaffSpeechSample.text(lang.get_untracked()), VoiceSource::Server)
                        }
                    >
                        {tr(Msg::StaffServerSpeechTest)}
                    </button>
                </dd>
                <dt>{tr(Msg::StaffDisplay)}</dt>
                <dd data-fact="display">{display}</dd>
                <dt>{tr(Msg::StaffService)}</dt>
                <dd data-fact="service">{service_state}</dd>
            </dl>

            <fieldset class="kiosk-staff__back" hidden=move || ops.in_maintenance()>
                <legend>{tr(Msg::StaffBackAt)}</legend>
                <div class="kiosk-staff__choices" data-keygroup="">
                    {BACK_CHOICES
                        .map(|(minutes, label)| view! {
                            <button
                                type="button"
                                class="kiosk-button kiosk-button--secondary kiosk-staff__choice"
                                aria-pressed=move || (back_choice.get() == minutes).to_string()
                                on:click=move |_| back_choice.set(minutes)
                            >
                                {tr(label)}
                            </button>
                        })}
                </div>
            </fieldset>
            <p class="kiosk-field__error" role="alert">
                {move || change_failed.get().then(|| t(Msg::StaffChangeFailed))}
            </p>
            <div class="kiosk-staff__actions">
                // Only the change that applies: out of service, or back into it.
                {move || if ops.in_maintenance() {
                    view! {
                        <button
                            type="button"
                            class="kiosk-button kiosk-button--primary kiosk-button--large"
                            aria-disabled=move || changing.get().to_string()
                            on:click=move |_| change(false)
                        >
                            {tr(Msg::StaffPutBack)}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="kiosk-button kiosk-button--warning kiosk-button--large"
                            aria-disabled=move || changing.get().to_string()
                            on:click=move |_| change(true)
                        >
                            {tr(Msg::StaffTakeOut)}
                        </button>
                    }.into_any()
                }}
            </div>
            <div class="kiosk-staff__actions">
                <button type="button" class="kiosk-button kiosk-button--secondary" on:click=print_test>
                    {tr(Msg::StaffPrintTest)}
                </button>
                <button
                    type="button"
                    class="kiosk-button kiosk-button--secondary"
                    on:click=move |_| panic!("restart test from the staff panel")
                >
                    {tr(Msg::StaffRestartTest)}
                </button>
                <button
                    type="button"
                    class="kiosk-button kiosk-button--primary"
                    on:click=move |_| ops::end_visit()
                >
                    {tr(Msg::StaffExit)}
                </button>
            </div>
            <PrintTestPage />
        </section>
    }
}

/// What the print test prints (hidden on screen): enough to judge width, type,
/// Chinese glyphs and the cut.
#[component]
fn PrintTestPage() -> impl IntoView {
    let lang = use_prefs().lang;
    let cfg = config::config();
    let when = HallTime::from_unix((js_sys::Date::now() / 1000.0) as i64);
    view! {
        <div class="kiosk-print-test" aria-hidden="true">
            <p class="kiosk-print-test__title">{move || Msg::StaffPrintTitle.text(lang.get())}</p>
            <p>{format!("{} · {}", cfg.kiosk_id, cfg.hall_id)}</p>
            <p>{format!("{} {} · v{VERSION}", when.date(), when.clock())}</p>
            <p>"法律援助 预约 回电 · 12348"</p>
            <p>"0123456789 ABCDEFGHJKMNPQRSTUVWXYZ"</p>
            <p class="kiosk-print-test__rule">"————————————————"</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockouts_are_said_in_whole_minutes() {
        assert_eq!(lock_minutes(900), 15);
        assert_eq!(lock_minutes(901), 16);
        assert_eq!(lock_minutes(1), 1);
        assert_eq!(lock_minutes(0), 1);
    }

    #[test]
    fn expected_back_times_fall_on_whole_minutes_ahead() {
        let now = 1_796_004_030; // 10:00:30 at the hall
        assert_eq!(back_at_in(now, 30), "2026-11-30T10:30:00+08:00");
        assert_eq!(back_at_in(now, 120), "2026-11-30T12:00:00+08:00");
    }
}
