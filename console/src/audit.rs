//! The audit log for province admins: filters, newest first, and "older" pages.

use kiosk_core::api::AuditEntry;
use leptos::{ev, prelude::*, task::spawn_local};

use crate::{
    FieldErrors, FocusHeading,
    api::{self, AuditFilter, ClientError},
    ctx,
    i18n::{self, Text},
};

#[component]
pub fn AuditScreen() -> impl IntoView {
    let ctx = ctx();
    let user = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let next = RwSignal::new(None::<i64>);
    let loaded = RwSignal::new(false);
    let applied = RwSignal::new(AuditFilter::default());
    let error = RwSignal::new(None::<ClientError>);
    let general = move || {
        error.get().and_then(|e| match &e {
            ClientError::Unreachable => Some(i18n::UNREACHABLE),
            ClientError::Decode => Some(i18n::FAILED),
            ClientError::Refused { code, errors, .. } if errors.is_empty() => {
                Some(i18n::code(code))
            }
            ClientError::Refused { .. } => None,
        })
    };
    let field = move |f: &'static str| {
        Signal::derive(move || error.with(|e| e.as_ref().map(|e| e.field(f)).unwrap_or_default()))
    };
    let load = move |filter: AuditFilter, before: Option<i64>| {
        spawn_local(async move {
            match api::audit(&filter, before).await {
                Ok(page) => {
                    error.set(None);
                    if before.is_none() {
                        entries.set(page.entries);
                    } else {
                        entries.update(|es| es.extend(page.entries));
                    }
                    next.set(page.next_before);
                    applied.set(filter);
                    loaded.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    load(AuditFilter::default(), None);
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        load(
            AuditFilter {
                user: user.get_untracked(),
                action: action.get_untracked(),
                target: target.get_untracked(),
                from: from.get_untracked(),
                to: to.get_untracked(),
            },
            None,
        );
    };
    let text_field = move |id: &'static str,
                           label: Text,
                           value: RwSignal<String>,
                           kind: &'static str,
                           hint: Option<Text>| {
        let errors_id: &'static str = match id {
            "audit-from" => "audit-from-errors",
            "audit-to" => "audit-to-errors",
            _ => "",
        };
        let hint_id = hint.map(|_| format!("{id}-hint"));
        let described = [hint_id.clone().unwrap_or_default(), errors_id.to_owned()]
            .join(" ")
            .trim()
            .to_owned();
        let api_field = id.trim_start_matches("audit-");
        view! {
            <div class="console-field">
                <label for=id>{move || ctx.t(label)}</label>
                <input id=id type=kind autocomplete="off"
                    aria-describedby=(!described.is_empty()).then_some(described)
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                {hint.map(|h| view! { <p id=hint_id.clone().unwrap_or_default() class="console-hint">{move || ctx.t(h)}</p> })}
                {(!errors_id.is_empty()).then(|| view! { <FieldErrors id=errors_id codes=field(api_field) /> })}
            </div>
        }
    };
    view! {
        <FocusHeading text=i18n::AUDIT />
        <section aria-labelledby="audit-filters-heading" class="console-panel">
            <h2 id="audit-filters-heading">{move || ctx.t(i18n::FILTERS)}</h2>
            <form class="console-form console-form--filters" on:submit=submit novalidate>
                {text_field("audit-user", i18n::USER_ID, user, "text", None)}
                <div class="console-field">
                    <label for="audit-action">{move || ctx.t(i18n::ACTION)}</label>
                    <select id="audit-action" on:change=move |ev| action.set(event_target_value(&ev))>
                        <option value="" selected=move || action.get().is_empty()>{move || ctx.t(i18n::ANY_ACTION)}</option>
                        {i18n::AUDIT_ACTIONS.iter().map(|(code, text)| {
                            let code = *code;
                            let text = *text;
                            view! { <option value=code selected=move || action.get() == code>{move || ctx.t(text)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {text_field("audit-target", i18n::TARGET, target, "text", Some(i18n::TARGET_HINT))}
                {text_field("audit-from", i18n::FROM, from, "date", None)}
                {text_field("audit-to", i18n::TO, to, "date", None)}
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(i18n::APPLY)}</button>
                </div>
            </form>
            <div role="alert" class="console-alert-slot">
                {move || general().map(|t| view! { <p class="console-error">{ctx.t(t)}</p> })}
            </div>
        </section>
        <section aria-labelledby="audit-list-heading">
            <h2 id="audit-list-heading">{move || ctx.t(i18n::AUDIT)}</h2>
            <p role="status" class="console-hint">
                {move || loaded.get().then(|| format!("{} {}", entries.with(Vec::len), ctx.t(i18n::ENTRIES_SHOWN)))}
            </p>
            {move || (loaded.get() && entries.with(Vec::is_empty)).then(|| view! { <p>{ctx.t(i18n::NO_ENTRIES)}</p> })}
            <Show when=move || entries.with(|e| !e.is_empty())>
                <table class="console-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || ctx.t(i18n::AT)}</th>
                            <th scope="col">{move || ctx.t(i18n::ACTOR)}</th>
                            <th scope="col">{move || ctx.t(i18n::ACTION)}</th>
                            <th scope="col">{move || ctx.t(i18n::TARGET)}</th>
                            <th scope="col">{move || ctx.t(i18n::DETAIL)}</th>
                            <th scope="col">{move || ctx.t(i18n::CLIENT)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || entries.get() key=|e| e.id let:e>
                            <AuditRow e />
                        </For>
                    </tbody>
                </table>
            </Show>
            {move || next.get().map(|before| view! {
                <button type="button" class="console-button console-button--quiet"
                    on:click=move |_| load(applied.get_untracked(), Some(before))>
                    {ctx.t(i18n::OLDER)}
                </button>
            })}
        </section>
    }
}

#[component]
fn AuditRow(e: AuditEntry) -> impl IntoView {
    let ctx = ctx();
    // "2026-12-06T15:04:05+08:00": the hall's own time, as it is.
    let at =
        e.at.replacen('T', " ", 1)
            .chars()
            .take(19)
            .collect::<String>();
    let via_cli = e.detail.get("via").and_then(|v| v.as_str()) == Some("cli");
    let actor = match (&e.user_name, &e.user) {
        (Some(name), Some(id)) => view! { {name.clone()}" " <code>{id.clone()}</code> }.into_any(),
        (None, Some(id)) => view! { <code>{id.clone()}</code> }.into_any(),
        _ if via_cli => view! { {move || ctx.t(i18n::CLI)} }.into_any(),
        _ => view! { "—" }.into_any(),
    };
    let code = e.action.clone();
    let action = move || i18n::action(&code).map_or_else(|| code.clone(), |t| ctx.t(t).to_owned());
    let target = match (&e.target_kind, &e.target_id) {
        (Some(k), Some(id)) => format!("{k}:{id}"),
        (Some(k), None) => k.clone(),
        _ => "—".to_owned(),
    };
    let detail = match &e.detail {
        serde_json::Value::Object(m) if m.is_empty() => String::new(),
        other => other.to_string(),
    };
    view! {
        <tr>
            <td class="console-nowrap">{at}</td>
            <td class="console-nowrap">{actor}</td>
            <td class="console-nowrap">{action}</td>
            <td class="console-nowrap"><code>{target}</code></td>
            <td class="console-detail"><code>{detail}</code></td>
            <td>{e.client_addr.clone().unwrap_or_default()}</td>
        </tr>
    }
}
