//! Users, for province admins: the list, adding one, editing one (with the
//! version read, so someone else's change is never overwritten), disabling and
//! enabling, and resetting a password.

use kiosk_core::{
    api::{Hall, NewUser, UserAccount, UserUpdate},
    console::{
        FieldErrors as Errors, Role, check_new_password, check_profile, is_user_id, push_error,
    },
};
use leptos::{ev, prelude::*, task::spawn_local};

use crate::{
    FieldErrors, FocusHeading,
    api::{self, ClientError},
    ctx,
    form::{FormAlert, FormErrors, refusal},
    i18n::{self, Text},
};

#[derive(Clone, Copy)]
struct UsersState {
    list: RwSignal<Option<Result<Vec<UserAccount>, ClientError>>>,
    halls: RwSignal<Vec<Hall>>,
    done: RwSignal<Option<(Text, String)>>,
    editing: RwSignal<Option<UserAccount>>,
    resetting: RwSignal<Option<String>>,
}

impl UsersState {
    fn reload(self) {
        spawn_local(async move {
            self.list.set(Some(api::users().await));
        });
    }
}

#[component]
pub fn UsersScreen() -> impl IntoView {
    let ctx = ctx();
    let state = UsersState {
        list: RwSignal::new(None),
        halls: RwSignal::new(Vec::new()),
        done: RwSignal::new(None),
        editing: RwSignal::new(None),
        resetting: RwSignal::new(None),
    };
    state.reload();
    spawn_local(async move {
        if let Ok(h) = api::halls().await {
            state.halls.set(h);
        }
    });
    view! {
        <FocusHeading text=i18n::USERS />
        <div role="status" class="console-status-slot">
            {move || state.done.get().map(|(t, who)| view! { <p class="console-success">{ctx.t(t)}": "{who}</p> })}
        </div>
        <section aria-labelledby="users-table-heading">
            <h2 id="users-table-heading">{move || ctx.t(i18n::USERS_TABLE)}</h2>
            {move || match state.list.get() {
                None => view! { <p role="status">{ctx.t(i18n::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="console-error" role="alert">{ctx.t(refusal(&e).1.unwrap_or(i18n::FAILED))}</p> }.into_any(),
                Some(Ok(users)) if users.is_empty() => view! { <p>{ctx.t(i18n::NO_USERS)}</p> }.into_any(),
                Some(Ok(users)) => view! { <UsersTable users state /> }.into_any(),
            }}
        </section>
        {move || state.editing.get().map(|u| view! { <EditUser user=u state /> })}
        {move || state.resetting.get().map(|id| view! { <ResetPassword id state /> })}
        <AddUser state />
    }
}

#[component]
fn UsersTable(users: Vec<UserAccount>, state: UsersState) -> impl IntoView {
    let ctx = ctx();
    let halls = state.halls;
    let hall_name = move |id: &str| {
        halls.with(|hs| {
            hs.iter()
                .find(|h| h.id == id)
                .map(|h| h.names.get(ctx.lang.get()).to_owned())
                .unwrap_or_else(|| id.to_owned())
        })
    };
    view! {
            <table class="console-table">
                <thead>
                    <tr>
                        <th scope="col">{move || ctx.t(i18n::USER_ID)}</th>
                        <th scope="col">{move || ctx.t(i18n::DISPLAY_NAME)}</th>
                        <th scope="col">{move || ctx.t(i18n::ROLE)}</th>
                        <th scope="col">{move || ctx.t(i18n::HALLS)}</th>
                        <th scope="col">{move || ctx.t(i18n::STATUS)}</th>
                        <th scope="col">{move || ctx.t(i18n::ACTIONS)}</th>
                    </tr>
                </thead>
                <tbody>
                    {users.into_iter().map(|u| {
                        let id = u.id.clone();
                        let row = u.clone();
                        let toggle = u.clone();
                        let reset_id = u.id.clone();
                        let halls_text = {
                            let hs = u.halls.clone();
                            move || hs.iter().map(|h| hall_name(h)).collect::<Vec<_>>().join("、")
                        };
                        let status = {
                            let u = u.clone();
                            move || match (&u.disabled, &u.locked_until) {
                                (true, _) => ctx.t(i18n::DISABLED).to_owned(),
                                (false, Some(until)) => format!("{} {}", ctx.t(i18n::LOCKED_UNTIL), until.replace('T', " ").chars().take(16).collect::<String>()),
                                (false, None) => ctx.t(i18n::ACTIVE).to_owned(),
                            }
                        };
                        let disabled = u.disabled;
                        let label_id = id.clone();
                        view! {
                            <tr>
                                <th scope="row"><code>{id.clone()}</code></th>
                                <td>{u.display_name.clone()}</td>
                                <td>{move || ctx.t(i18n::role(u.role))}</td>
                                <td>{halls_text}</td>
                                <td>{status}</td>
                                <td>
    <div class="console-table__actions">
                                    <button type="button" class="console-button console-button--small"
                                        aria-label=move || format!("{} {}", ctx.t(i18n::EDIT), label_id)
                                        on:click=move |_| { state.done.set(None); state.resetting.set(None); state.editing.set(Some(row.clone())); }>
                                        {move || ctx.t(i18n::EDIT)}
                                    </button>
                                    <button type="button" class="console-button console-button--small console-button--quiet"
                                        aria-label={let id = id.clone(); move || format!("{} {}", ctx.t(if disabled { i18n::ENABLE } else { i18n::DISABLE }), id)}
                                        on:click=move |_| {
                                            let u = toggle.clone();
                                            spawn_local(async move {
                                                let update = UserUpdate { display_name: u.display_name.clone(), role: u.role, halls: u.halls.clone(), disabled: !u.disabled, version: u.version };
                                                match api::update_user(&u.id, &update).await {
                                                    Ok(_) => state.done.set(Some((i18n::USER_SAVED, u.id.clone()))),
                                                    Err(e) => state.done.set(Some((refusal(&e).1.unwrap_or(i18n::FAILED), u.id.clone()))),
                                                }
                                                state.reload();
                                            });
                                        }>
                                        {move || ctx.t(if disabled { i18n::ENABLE } else { i18n::DISABLE })}
                                    </button>
                                    <button type="button" class="console-button console-button--small console-button--quiet"
                                        aria-label={let id = id.clone(); move || format!("{} {}", ctx.t(i18n::RESET_PASSWORD), id)}
                                        on:click=move |_| { state.done.set(None); state.editing.set(None); state.resetting.set(Some(reset_id.clone())); }>
                                        {move || ctx.t(i18n::RESET_PASSWORD)}
                                    </button>
                                    </div>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
}

/// Role and halls, shared by the add and edit forms.
#[component]
fn RoleHalls(
    prefix: &'static str,
    role: RwSignal<Role>,
    halls: RwSignal<Vec<String>>,
    all_halls: RwSignal<Vec<Hall>>,
    errors: FormErrors,
) -> impl IntoView {
    let ctx = ctx();
    let role_id = format!("{prefix}-role");
    let role_err: &'static str = if prefix == "add" {
        "add-role-errors"
    } else {
        "edit-role-errors"
    };
    let halls_err: &'static str = if prefix == "add" {
        "add-halls-errors"
    } else {
        "edit-halls-errors"
    };
    view! {
        <div class="console-field">
            <label for=role_id.clone()>{move || ctx.t(i18n::ROLE)}</label>
            <select id=role_id aria-describedby=role_err
                aria-invalid=errors.invalid("role")
                on:change=move |ev| {
                    if let Some(r) = Role::parse(&event_target_value(&ev)) {
                        role.set(r);
                        if !r.has_halls() { halls.set(Vec::new()); }
                    }
                }>
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=move || role.get() == r>{move || ctx.t(i18n::role(r))}</option>
                }).collect_view()}
            </select>
            <FieldErrors id=role_err codes=errors.of("role") />
        </div>
        <fieldset class="console-fieldset" aria-describedby=halls_err>
            <legend>{move || ctx.t(i18n::HALLS)}" "<span class="console-hint">"（"{move || ctx.t(i18n::HALLS_HINT)}"）"</span></legend>
            {move || all_halls.get().into_iter().map(|h| {
                let id = h.id.clone();
                let input_id = format!("{prefix}-hall-{}", h.id);
                let checked = { let id = id.clone(); move || halls.with(|hs| hs.contains(&id)) };
                view! {
                    <div class="console-check">
                        <input type="checkbox" id=input_id.clone()
                            disabled=move || !role.get().has_halls()
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = id.clone();
                                halls.update(|hs| { hs.retain(|x| *x != id); if on { hs.push(id); } });
                            } />
                        <label for=input_id>{move || h.names.get(ctx.lang.get()).to_owned()}" ("{h.id.clone()}")"</label>
                    </div>
                }
            }).collect_view()}
            <FieldErrors id=halls_err codes=errors.of("halls") />
        </fieldset>
    }
}

#[component]
fn AddUser(state: UsersState) -> impl IntoView {
    let ctx = ctx();
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Operator);
    let halls = RwSignal::new(Vec::<String>::new());
    let password = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        state.done.set(None);
        let mut found = Errors::new();
        let new = NewUser {
            id: id.get_untracked().trim().to_owned(),
            display_name: name.get_untracked(),
            role: role.get_untracked(),
            halls: halls.get_untracked(),
            password: password.get_untracked(),
        };
        if !is_user_id(&new.id) {
            push_error(&mut found, "id", "invalid_user_id");
        }
        check_profile(&mut found, &new.display_name, new.role, &new.halls);
        check_new_password(&mut found, &new.password);
        errors.general.set(None);
        if !found.is_empty() {
            errors.fields.set(found);
            return;
        }
        errors.clear();
        spawn_local(async move {
            match api::add_user(&new).await {
                Ok(u) => {
                    state.done.set(Some((i18n::USER_ADDED, u.id)));
                    id.set(String::new());
                    name.set(String::new());
                    password.set(String::new());
                    halls.set(Vec::new());
                    state.reload();
                }
                Err(e) => {
                    // A taken name belongs next to the name field.
                    if e.code() == Some("user_exists") {
                        let mut f = Errors::new();
                        push_error(&mut f, "id", "user_exists");
                        errors.fields.set(f);
                    } else {
                        errors.set(&e);
                    }
                }
            }
        });
    };
    view! {
        <section aria-labelledby="add-user-heading" class="console-panel">
            <h2 id="add-user-heading">{move || ctx.t(i18n::ADD_USER)}</h2>
            <form class="console-form console-form--grid" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="add-id">{move || ctx.t(i18n::USER_ID)}</label>
                    <input id="add-id" autocomplete="off" autocapitalize="none" spellcheck="false"
                        aria-describedby="add-id-hint add-id-errors" aria-invalid=errors.invalid("id")
                        prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev)) />
                    <p id="add-id-hint" class="console-hint">{move || ctx.t(i18n::USER_ID_HINT)}</p>
                    <FieldErrors id="add-id-errors" codes=errors.of("id") />
                </div>
                <div class="console-field">
                    <label for="add-name">{move || ctx.t(i18n::DISPLAY_NAME)}</label>
                    <input id="add-name" autocomplete="off" aria-describedby="add-name-errors"
                        aria-invalid=errors.invalid("display_name")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    <FieldErrors id="add-name-errors" codes=errors.of("display_name") />
                </div>
                <RoleHalls prefix="add" role halls all_halls=state.halls errors />
                <div class="console-field">
                    <label for="add-password">{move || ctx.t(i18n::INITIAL_PASSWORD)}</label>
                    <input id="add-password" type="password" autocomplete="new-password"
                        aria-describedby="add-password-errors" aria-invalid=errors.invalid("password")
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                    <FieldErrors id="add-password-errors" codes=errors.of("password") />
                </div>
                <FormAlert errors=errors />
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(i18n::ADD)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn EditUser(user: UserAccount, state: UsersState) -> impl IntoView {
    let ctx = ctx();
    let account = RwSignal::new(user.clone());
    let name = RwSignal::new(user.display_name.clone());
    let role = RwSignal::new(user.role);
    let halls = RwSignal::new(user.halls.clone());
    let disabled = RwSignal::new(user.disabled);
    let errors = FormErrors::new();
    let conflict = RwSignal::new(false);
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let a = account.get_untracked();
        let update = UserUpdate {
            display_name: name.get_untracked(),
            role: role.get_untracked(),
            halls: halls.get_untracked(),
            disabled: disabled.get_untracked(),
            version: a.version,
        };
        let mut found = Errors::new();
        check_profile(&mut found, &update.display_name, update.role, &update.halls);
        errors.general.set(None);
        conflict.set(false);
        if !found.is_empty() {
            errors.fields.set(found);
            return;
        }
        errors.clear();
        spawn_local(async move {
            match api::update_user(&a.id, &update).await {
                Ok(u) => {
                    state.done.set(Some((i18n::USER_SAVED, u.id)));
                    state.editing.set(None);
                    state.reload();
                }
                Err(e) => {
                    conflict.set(e.code() == Some("changed_by_someone_else"));
                    errors.set(&e);
                }
            }
        });
    };
    // Takes the user as it is now and starts over from it.
    let reload = move |_| {
        spawn_local(async move {
            let id = account.get_untracked().id;
            if let Ok(users) = api::users().await {
                if let Some(u) = users.iter().find(|u| u.id == id).cloned() {
                    name.set(u.display_name.clone());
                    role.set(u.role);
                    halls.set(u.halls.clone());
                    disabled.set(u.disabled);
                    account.set(u);
                    errors.clear();
                    conflict.set(false);
                }
                state.list.set(Some(Ok(users)));
            }
        });
    };
    let heading = crate::focused_heading();
    view! {
        <section aria-labelledby="edit-user-heading" class="console-panel">
            <h2 id="edit-user-heading" tabindex="-1" node_ref=heading>{move || ctx.t(i18n::EDIT_USER)}": "<code>{move || account.get().id}</code></h2>
            <form class="console-form console-form--grid" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="edit-name">{move || ctx.t(i18n::DISPLAY_NAME)}</label>
                    <input id="edit-name" autocomplete="off" aria-describedby="edit-name-errors"
                        aria-invalid=errors.invalid("display_name")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    <FieldErrors id="edit-name-errors" codes=errors.of("display_name") />
                </div>
                <RoleHalls prefix="edit" role halls all_halls=state.halls errors />
                <div class="console-check">
                    <input type="checkbox" id="edit-disabled" prop:checked=move || disabled.get()
                        on:change=move |ev| disabled.set(event_target_checked(&ev)) />
                    <label for="edit-disabled">{move || ctx.t(i18n::DISABLED_FIELD)}</label>
                </div>
                <div role="alert" class="console-alert-slot">
                    {move || errors.general.get().map(|t| view! {
                        <p class="console-error">{ctx.t(t)}</p>
                    })}
                </div>
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(i18n::SAVE)}</button>
                    {move || conflict.get().then(|| view! {
                        <button type="button" class="console-button console-button--quiet" on:click=reload>{ctx.t(i18n::RELOAD)}</button>
                    })}
                    <button type="button" class="console-button console-button--quiet" on:click=move |_| state.editing.set(None)>{move || ctx.t(i18n::CANCEL)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn ResetPassword(id: String, state: UsersState) -> impl IntoView {
    let ctx = ctx();
    let password = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let who = id.clone();
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let pw = password.get_untracked();
        let mut found = Errors::new();
        check_new_password(&mut found, &pw);
        errors.general.set(None);
        if !found.is_empty() {
            errors.fields.set(found);
            return;
        }
        errors.clear();
        let id = id.clone();
        spawn_local(async move {
            match api::reset_password(&id, pw).await {
                Ok(()) => {
                    state.done.set(Some((i18n::PASSWORD_RESET_DONE, id)));
                    state.resetting.set(None);
                    state.reload();
                }
                Err(e) => errors.set(&e),
            }
        });
    };
    let heading = crate::focused_heading();
    view! {
        <section aria-labelledby="reset-heading" class="console-panel">
            <h2 id="reset-heading" tabindex="-1" node_ref=heading>{move || ctx.t(i18n::RESET_PASSWORD)}": "<code>{who.clone()}</code></h2>
            <p id="reset-hint" class="console-hint">{move || ctx.t(i18n::RESET_HINT)}</p>
            <form class="console-form" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="reset-password">{move || ctx.t(i18n::NEW_PASSWORD)}</label>
                    <input id="reset-password" type="password" autocomplete="new-password"
                        aria-describedby="reset-hint reset-password-errors" aria-invalid=errors.invalid("password")
                        prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                    <FieldErrors id="reset-password-errors" codes=errors.of("password") />
                </div>
                <FormAlert errors=errors />
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(i18n::RESET_PASSWORD)}</button>
                    <button type="button" class="console-button console-button--quiet" on:click=move |_| state.resetting.set(None)>{move || ctx.t(i18n::CANCEL)}</button>
                </div>
            </form>
        </section>
    }
}
