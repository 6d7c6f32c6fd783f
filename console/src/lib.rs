//! The back office console: a Leptos single-page app at `/console/`, for desktop
//! screens. `App` restores or asks for a session, then shows the shell (header,
//! navigation by role, one `<main>`) and the current [`Screen`].

pub mod api;
pub mod audit;
pub mod desk;
pub mod form;
pub mod hall;
pub mod i18n;
pub mod standards;
pub mod stats;
pub mod users;

use kiosk_core::{
    Lang,
    api::ConsoleSession,
    console::{IDLE_TIMEOUT_S, Role, normalize_user_id},
};
use leptos::{ev, html, prelude::*, task::spawn_local};

use crate::i18n::Text;

/// Where the console is served.
pub const BASE: &str = "/console";
/// Id of the `<main>` element, target of the skip link.
pub const MAIN_ID: &str = "console-main";
/// How long before the idle timeout the warning shows.
pub const WARN_BEFORE_S: i64 = 60;

/// One screen of the console, with its address: the one list of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// The 12348 desk: the callback queue, claims and outcomes.
    Desk,
    /// The counter: today's appointments and check-in.
    Today,
    /// A hall's kiosks: online, outbox, maintenance, registering.
    Kiosks,
    /// A hall's profile, hours, closures and services (and new halls).
    Hall,
    /// Per hall per week: bookings, callbacks answered in time, ratings.
    Stats,
    /// The legal-aid standards: upload, preview, apply.
    Standards,
    Users,
    Audit,
    NotFound,
}

impl Screen {
    pub fn path(self) -> &'static str {
        match self {
            Screen::Home => "/console/",
            Screen::Desk => "/console/desk",
            Screen::Today => "/console/today",
            Screen::Kiosks => "/console/kiosks",
            Screen::Hall => "/console/hall",
            Screen::Stats => "/console/stats",
            Screen::Standards => "/console/standards",
            Screen::Users => "/console/users",
            Screen::Audit => "/console/audit",
            Screen::NotFound => "/console/not-found",
        }
    }

    pub fn from_path(path: &str) -> Screen {
        match path.trim_end_matches('/') {
            "" | "/console" => Screen::Home,
            "/console/desk" => Screen::Desk,
            "/console/today" => Screen::Today,
            "/console/kiosks" => Screen::Kiosks,
            "/console/hall" => Screen::Hall,
            "/console/stats" => Screen::Stats,
            "/console/standards" => Screen::Standards,
            "/console/users" => Screen::Users,
            "/console/audit" => Screen::Audit,
            _ => Screen::NotFound,
        }
    }

    pub fn title(self) -> Text {
        match self {
            Screen::Home => i18n::HOME,
            Screen::Desk => i18n::DESK,
            Screen::Today => i18n::TODAY,
            Screen::Kiosks => i18n::KIOSKS,
            Screen::Hall => i18n::HALL,
            Screen::Stats => i18n::STATS,
            Screen::Standards => i18n::STANDARDS,
            Screen::Users => i18n::USERS,
            Screen::Audit => i18n::AUDIT,
            Screen::NotFound => i18n::NOT_FOUND,
        }
    }

    /// Who may open it.
    pub fn allowed(self, role: Role) -> bool {
        match self {
            Screen::Home | Screen::NotFound => true,
            Screen::Desk => matches!(role, Role::Operator | Role::ProvinceAdmin),
            Screen::Today | Screen::Kiosks | Screen::Hall | Screen::Stats => {
                matches!(role, Role::HallAdmin | Role::ProvinceAdmin)
            }
            Screen::Standards | Screen::Users | Screen::Audit => role == Role::ProvinceAdmin,
        }
    }

    /// The navigation of a role, in order.
    pub fn nav(role: Role) -> Vec<Screen> {
        [
            Screen::Home,
            Screen::Desk,
            Screen::Today,
            Screen::Kiosks,
            Screen::Hall,
            Screen::Stats,
            Screen::Standards,
            Screen::Users,
            Screen::Audit,
        ]
        .into_iter()
        .filter(|s| s.allowed(role))
        .collect()
    }
}

/// What every screen reaches through the context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub session: RwSignal<Option<ConsoleSession>>,
    pub screen: RwSignal<Screen>,
    /// Said on the sign-in screen: why the session ended.
    pub notice: RwSignal<Option<Text>>,
    /// The hall the hall screens show, kept while moving between them.
    pub hall: RwSignal<String>,
}

impl Ctx {
    pub fn t(self, text: Text) -> &'static str {
        text.get(self.lang.get())
    }

    /// Goes to `screen`, with a history entry.
    pub fn go(self, screen: Screen) {
        if let Ok(h) = window().history() {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(screen.path()));
        }
        self.screen.set(screen);
    }
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Starts the app on `<body>`.
pub fn start() {
    if let Some(el) = document().get_element_by_id("console-loading") {
        el.remove();
    }
    mount_to_body(App);
}

fn current_screen() -> Screen {
    Screen::from_path(&window().location().pathname().unwrap_or_default())
}

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx {
        lang: RwSignal::new(Lang::ZhCn),
        session: RwSignal::new(None),
        screen: RwSignal::new(current_screen()),
        notice: RwSignal::new(None),
        hall: RwSignal::new(String::new()),
    };
    provide_context(ctx);
    let restoring = RwSignal::new(true);
    let load_failed = RwSignal::new(false);

    Effect::new(move |_| {
        let lang = ctx.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.tag());
        }
    });
    Effect::new(move |_| {
        let title = match ctx.session.get() {
            Some(_) => format!(
                "{} · {}",
                ctx.t(ctx.screen.get().title()),
                ctx.t(i18n::APP_NAME)
            ),
            None => format!("{} · {}", ctx.t(i18n::SIGN_IN), ctx.t(i18n::APP_NAME)),
        };
        document().set_title(&title);
    });
    let _ = window_event_listener(ev::popstate, move |_| ctx.screen.set(current_screen()));
    api::on_signed_out(move |code| {
        if ctx.session.get_untracked().is_some() {
            ctx.notice.set(Some(if code == "session_expired" {
                i18n::EXPIRED
            } else {
                i18n::code(&code)
            }));
            ctx.session.set(None);
        }
    });
    spawn_local(async move {
        match api::restore().await {
            Ok(s) => ctx.session.set(s),
            Err(_) => load_failed.set(true),
        }
        restoring.set(false);
    });

    view! {
        <Show
            when=move || !restoring.get()
            fallback=move || view! { <p class="console-loading" role="status">{move || ctx.t(i18n::LOADING)}</p> }
        >
            <Show when=move || ctx.session.with(Option::is_some) fallback=move || view! { <SignIn load_failed /> }>
                <Shell />
            </Show>
        </Show>
    }
}

/// The language switch: a button naming the other language in its own script.
#[component]
fn LangSwitch() -> impl IntoView {
    let ctx = ctx();
    view! {
        <button
            type="button"
            class="console-button console-button--quiet"
            lang=move || ctx.lang.get().other().tag()
            aria-label=move || i18n::SWITCH_LANG_LABEL.get(ctx.lang.get())
            on:click=move |_| ctx.lang.update(|l| *l = l.other())
        >
            {move || ctx.t(i18n::SWITCH_LANG)}
        </button>
    }
}

/// A heading that takes focus when its screen opens, so screen readers and
/// keyboard users start at the top of the new content.
#[component]
pub fn FocusHeading(text: Text) -> impl IntoView {
    let ctx = ctx();
    let node = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = node.get() {
            let _ = h.focus();
        }
    });
    view! { <h1 class="console-h1" tabindex="-1" node_ref=node>{move || ctx.t(text)}</h1> }
}

#[component]
fn SignIn(load_failed: RwSignal<bool>) -> impl IntoView {
    let ctx = ctx();
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let user_ref = NodeRef::<html::Input>::new();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let login = normalize_user_id(&user.get_untracked());
        let pw = password.get_untracked();
        if login.is_empty() || pw.is_empty() {
            error.set(Some(i18n::code("invalid_credentials")));
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::sign_in(login, pw).await {
                Ok(session) => {
                    password.set(String::new());
                    ctx.notice.set(None);
                    load_failed.set(false);
                    let screen = ctx.screen.get_untracked();
                    if !screen.allowed(session.role) {
                        ctx.go(Screen::Home);
                    }
                    ctx.session.set(Some(session));
                }
                Err(api::ClientError::Unreachable) => error.set(Some(i18n::UNREACHABLE)),
                Err(e) => {
                    error.set(Some(i18n::code(e.code().unwrap_or(""))));
                    password.set(String::new());
                }
            }
            busy.set(false);
        });
    };
    Effect::new(move |_| {
        if let Some(input) = user_ref.get() {
            let _ = input.focus();
        }
    });
    view! {
        <div class="console-signin-page">
            <header class="console-signin-top">
                <p class="console-brand">{move || ctx.t(i18n::APP_NAME)}</p>
                <LangSwitch />
            </header>
            <main id=MAIN_ID class="console-signin">
                <h1 class="console-h1">{move || ctx.t(i18n::SIGN_IN_HEADING)}</h1>
                <div aria-live="polite">
                    {move || ctx.notice.get().map(|n| view! { <p class="console-notice" role="status">{ctx.t(n)}</p> })}
                    {move || load_failed.get().then(|| view! { <p class="console-notice">{ctx.t(i18n::UNREACHABLE)}</p> })}
                </div>
                <form class="console-form" on:submit=submit novalidate>
                    <div class="console-field">
                        <label for="signin-user">{move || ctx.t(i18n::USER_ID)}</label>
                        <input
                            id="signin-user"
                            name="username"
                            autocomplete="username"
                            autocapitalize="none"
                            spellcheck="false"
                            required
                            node_ref=user_ref
                            aria-describedby="signin-error"
                            prop:value=move || user.get()
                            on:input=move |ev| user.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="console-field">
                        <label for="signin-password">{move || ctx.t(i18n::PASSWORD)}</label>
                        <input
                            id="signin-password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            aria-describedby="signin-error"
                            aria-invalid=move || error.get().is_some().to_string()
                            prop:value=move || password.get()
                            on:input=move |ev| password.set(event_target_value(&ev))
                        />
                    </div>
                    <div id="signin-error" role="alert" class="console-alert-slot">
                        {move || error.get().map(|e| view! { <p class="console-error">{ctx.t(e)}</p> })}
                    </div>
                    <button type="submit" class="console-button" aria-disabled=move || busy.get().to_string()>
                        {move || ctx.t(if busy.get() { i18n::SIGNING_IN } else { i18n::SIGN_IN })}
                    </button>
                </form>
            </main>
        </div>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let ctx = ctx();
    let session = move || ctx.session.get();
    let role = move || session().map(|s| s.role).unwrap_or(Role::Operator);
    let warn = RwSignal::new(false);
    // The server ends a session after IDLE_TIMEOUT_S without a request: warn a
    // minute before, and leave at the deadline rather than wait for a 401.
    let timeout_ms = session().map_or(IDLE_TIMEOUT_S, |s| s.idle_timeout_s) as f64 * 1000.0;
    let handle = set_interval_with_handle(
        move || {
            if ctx.session.get_untracked().is_none() {
                return;
            }
            let idle = js_sys::Date::now() - api::last_request_ms();
            if idle >= timeout_ms {
                warn.set(false);
                ctx.notice.set(Some(i18n::EXPIRED));
                ctx.session.set(None);
                // The server would end it at the same moment; say so anyway, in
                // case the two clocks differ.
                spawn_local(async {
                    let _ = api::sign_out().await;
                });
            } else {
                let w = idle >= timeout_ms - (WARN_BEFORE_S as f64) * 1000.0;
                if warn.get_untracked() != w {
                    warn.set(w);
                }
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let stay = move |_| {
        spawn_local(async move {
            if let Ok(s) = api::keep_alive().await {
                ctx.session.update(|cur| {
                    if let Some(cur) = cur {
                        cur.expires_at = s.expires_at;
                    }
                });
                warn.set(false);
            }
        });
    };
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = api::sign_out().await;
            ctx.notice.set(Some(i18n::SIGNED_OUT));
            ctx.session.set(None);
        });
    };
    let skip = move |ev: ev::MouseEvent| {
        ev.prevent_default();
        if let Some(m) = document().get_element_by_id(MAIN_ID)
            && let Ok(m) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m)
        {
            let _ = m.focus();
        }
    };
    view! {
        <a class="console-skip" href="#console-main" on:click=skip>{move || ctx.t(i18n::SKIP)}</a>
        <header class="console-header">
            <p class="console-brand">{move || ctx.t(i18n::APP_NAME)}</p>
            <nav class="console-nav" aria-label=move || ctx.t(i18n::NAV)>
                <ul>
                    {move || Screen::nav(role()).into_iter().map(|s| {
                        view! {
                            <li>
                                <a
                                    href=s.path()
                                    aria-current=move || (ctx.screen.get() == s).then_some("page")
                                    on:click=move |ev: ev::MouseEvent| {
                                        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() { return; }
                                        ev.prevent_default();
                                        ctx.go(s);
                                    }
                                >{move || ctx.t(s.title())}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <div class="console-user">
                <p>
                    <span class="console-visually-hidden">{move || ctx.t(i18n::SIGNED_IN_AS)}" "</span>
                    <span class="console-user__name">{move || session().map(|s| s.display_name).unwrap_or_default()}</span>
                    " · "
                    <span>{move || ctx.t(i18n::role(role()))}</span>
                </p>
                <LangSwitch />
                <button type="button" class="console-button console-button--quiet" on:click=sign_out>
                    {move || ctx.t(i18n::SIGN_OUT)}
                </button>
            </div>
        </header>
        <div role="alert" class="console-idle-slot">
            {move || warn.get().then(|| view! {
                <div class="console-idle">
                    <p>{ctx.t(i18n::IDLE_WARNING)}</p>
                    <button type="button" class="console-button" on:click=stay>{ctx.t(i18n::STAY)}</button>
                </div>
            })}
        </div>
        <main id=MAIN_ID class="console-main" tabindex="-1">
            {move || {
                let screen = ctx.screen.get();
                let screen = if screen.allowed(role()) { screen } else { Screen::NotFound };
                match screen {
                    Screen::Home => view! { <Home /> }.into_any(),
                    Screen::Desk => view! { <desk::DeskScreen /> }.into_any(),
                    Screen::Today => view! { <hall::TodayScreen /> }.into_any(),
                    Screen::Kiosks => view! { <hall::KiosksScreen /> }.into_any(),
                    Screen::Hall => view! { <hall::HallScreen /> }.into_any(),
                    Screen::Stats => view! { <stats::StatsScreen /> }.into_any(),
                    Screen::Standards => view! { <standards::StandardsScreen /> }.into_any(),
                    Screen::Users => view! { <users::UsersScreen /> }.into_any(),
                    Screen::Audit => view! { <audit::AuditScreen /> }.into_any(),
                    Screen::NotFound => view! { <NotFound /> }.into_any(),
                }
            }}
        </main>
    }
}

#[component]
fn Home() -> impl IntoView {
    let ctx = ctx();
    let role = move || ctx.session.get().map(|s| s.role).unwrap_or(Role::Operator);
    let screens = move || {
        Screen::nav(role())
            .into_iter()
            .filter(|s| *s != Screen::Home)
            .collect::<Vec<_>>()
    };
    view! {
        <FocusHeading text=i18n::HOME />
        {move || {
            let list = screens();
            if list.is_empty() {
                view! { <p>{ctx.t(i18n::HOME_NOTHING)}</p> }.into_any()
            } else {
                view! {
                    <p>{ctx.t(i18n::HOME_INTRO)}</p>
                    <ul class="console-tiles">
                        {list.into_iter().map(|s| view! {
                            <li><a class="console-tile" href=s.path() on:click=move |ev: ev::MouseEvent| { ev.prevent_default(); ctx.go(s); }>{ctx.t(s.title())}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let ctx = ctx();
    view! {
        <FocusHeading text=i18n::NOT_FOUND />
        <p>{move || ctx.t(i18n::NOT_FOUND_BODY)}</p>
        <p><a href=Screen::Home.path() on:click=move |ev: ev::MouseEvent| { ev.prevent_default(); ctx.go(Screen::Home); }>{move || ctx.t(i18n::BACK_HOME)}</a></p>
    }
}

/// The messages of a field's error codes, for the element `id` that the field
/// names in `aria-describedby`.
#[component]
pub fn FieldErrors(#[prop(into)] id: String, codes: Signal<Vec<String>>) -> impl IntoView {
    let ctx = ctx();
    view! {
        <div id=id class="console-field-errors">
            {move || codes.get().into_iter().map(|c| view! { <p class="console-error">{ctx.t(i18n::code(&c))}</p> }).collect_view()}
        </div>
    }
}

/// A reference to an `<h2>` that takes focus when its panel opens.
pub type NodeRefH2 = NodeRef<html::H2>;

/// A panel's heading that takes focus as soon as it is shown, so a keyboard
/// or screen reader user lands on what just opened.
pub fn focused_heading() -> NodeRefH2 {
    let heading = NodeRefH2::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    heading
}
