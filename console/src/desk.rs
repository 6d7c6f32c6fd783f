//! The 12348 desk, for operators and province admins: the queue of callback
//! requests from every hall in the order they are due, a claim before calling
//! (so two operators never call one person), the outcome of each call, notes,
//! and the full number only on purpose (the server audits every reveal).

use gloo_net::http::Method;
use kiosk_core::{
    Lang,
    api::{Hall, Need, Period, Preferred, Topic},
    console::FieldErrors as Errors,
    desk::{
        CLAIM_MINUTES, DeskDetail, DeskItem, DeskQueue, DeskReveal, DeskView, MAX_TRIES,
        NoteRequest, Outcome, OutcomeRequest, QUEUE_LIMIT, check_note, check_outcome,
    },
};
use leptos::{ev, prelude::*, task::spawn_local};

use crate::{
    FieldErrors, FocusHeading,
    api::{self, ClientError, call, call_empty, json},
    ctx,
    hall::when as short,
    i18n::{self, Text},
};

const QUEUE: Text = Text("待回拨队列", "Queue");
const HALL_LABEL: Text = Text("服务中心", "Hall");
const ALL_HALLS: Text = Text("全部服务中心", "All halls");
const TOPIC_LABEL: Text = Text("事项", "Topic");
const ALL_TOPICS: Text = Text("全部事项", "All topics");
const VIEW_LABEL: Text = Text("状态", "Status");
const OVERDUE_ONLY: Text = Text("只看已超时", "Overdue only");
const SHOW: Text = Text("显示", "Show");
const REFRESH: Text = Text("刷新", "Refresh");
const WINDOW: Text = Text("约定回拨时段", "Promised window");
const WAITING: Text = Text("提出时间", "Requested");
const PHONE: Text = Text("电话", "Phone");
const TRIES: Text = Text("未接通次数", "Unanswered");
const STATE: Text = Text("状态", "State");
const ACTION: Text = Text("操作", "Action");
const OVERDUE: Text = Text("已超时", "Overdue");
const CLAIM: Text = Text("认领并回拨", "Claim to call");
const OPEN_MINE: Text = Text("继续处理", "Continue");
const VIEW_DETAIL: Text = Text("查看", "View");
const EMPTY: Text = Text("没有符合条件的回拨请求。", "No callback requests match.");
const NEW: Text = Text("待回拨", "To call");
const MINE: Text = Text("我已认领", "Claimed by me");
const CLAIMED_BY: Text = Text("已被认领：", "Claimed by ");
const RETRY_AT: Text = Text("再次回拨：", "Call again from ");
const ASAP: Text = Text("尽快（24 小时内）", "As soon as possible (within 24 hours)");
const CALL_HEADING: Text = Text("回拨", "Call");
const NO_12348: Text = Text(
    "注意：来访者要求来电时不要说“这里是 12348”。",
    "Caution: the visitor asked that the caller not say “this is 12348”.",
);
const SPEAK: Text = Text("使用语言：", "Speak: ");
const NEEDS: Text = Text("需要：", "Needs: ");
const VISITOR_NOTE: Text = Text("来访者留言：", "Visitor's note: ");
const OUTCOME_LEGEND: Text = Text("回拨结果", "Outcome of the call");
const NOTE_LABEL: Text = Text("备注（可不填）", "Note (optional)");
const CALL_AFTER: Text = Text("约定再次回拨的时间", "When to call again");
const RECORD: Text = Text("记录结果", "Record outcome");
const RELEASE: Text = Text("放弃认领", "Release claim");
const RECORDED: Text = Text("已记录回拨结果。", "Outcome recorded.");
const RELEASED: Text = Text(
    "已放弃认领，此请求回到队列。",
    "Released: the request is back in the queue.",
);
const CLAIMED: Text = Text("已认领，15 分钟内有效。", "Claimed for 15 minutes.");
const NOTES: Text = Text("备注", "Notes");
const ADD_NOTE: Text = Text("添加备注", "Add note");
const NOTE_ADDED: Text = Text("已添加备注。", "Note added.");
const NEW_NOTE: Text = Text("新备注", "New note");
const ATTEMPTS: Text = Text("回拨记录", "Calls");
const NONE_YET: Text = Text("暂无。", "None yet.");
const CLOSED_AFTER_TRIES: Text = Text(
    "三次回拨均未接通，已自动关闭。",
    "Closed after three unanswered calls.",
);
const CLOSE_PANEL: Text = Text("关闭", "Close");

fn outcome_text(o: Outcome) -> Text {
    match o {
        Outcome::Reached => Text("已接通并处理", "Reached"),
        Outcome::NoAnswer => Text("无人接听", "No answer"),
        Outcome::WrongNumber => Text("号码错误", "Wrong number"),
        Outcome::Later => Text("来访者要求稍后再打", "Asked to be called later"),
    }
}

fn view_text(v: DeskView) -> Text {
    match v {
        DeskView::Open => Text("未完成", "Open"),
        DeskView::Claimed => Text("已认领", "Claimed"),
        DeskView::Closed => Text("已完成", "Closed"),
    }
}

fn topic_text(t: Topic) -> Text {
    match t {
        Topic::Labour => Text("劳动与工资", "Work and wages"),
        Topic::Family => Text("婚姻家庭", "Family"),
        Topic::Marriage => Text("婚姻", "Marriage"),
        Topic::Property => Text("房产与邻里", "Housing and property"),
        Topic::Traffic => Text("交通事故", "Traffic accident"),
        Topic::Consumer => Text("消费纠纷", "Consumer dispute"),
        Topic::Criminal => Text("刑事", "Criminal"),
        Topic::Administrative => Text("行政", "Administrative"),
        Topic::LegalAid => Text("法律援助", "Legal aid"),
        Topic::Other => Text("其他", "Other"),
        Topic::Feedback => Text("差评回访", "Follow-up of a poor rating"),
    }
}

fn topic_slug(t: Topic) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn need_text(n: Need) -> Text {
    match n {
        Need::Wheelchair => Text("轮椅", "wheelchair"),
        Need::SignLanguage => Text("手语", "sign language"),
        Need::Interpreter => Text("翻译", "interpreter"),
        Need::LargePrint => Text("大字", "large print"),
        Need::HomeVisit => Text("上门", "home visit"),
        Need::TextCommunication => Text("文字沟通（勿语音）", "text, not voice"),
        Need::Dialect => Text("方言或民族语言", "dialect or minority language"),
        Need::HearingAid => Text("使用助听器，请慢速清晰", "hearing aid: speak slowly"),
        Need::Other => Text("其他", "other"),
    }
}

fn lang_text(l: Lang) -> Text {
    match l {
        Lang::ZhCn => Text("中文", "Chinese"),
        Lang::En => Text("英语", "English"),
    }
}

/// `2026-11-30T14:05:00+08:00` → `11-30 14:05`.
fn window_text(lang: Lang, item: &DeskItem) -> String {
    match &item.preferred {
        Preferred::Asap(_) => ASAP.get(lang).to_owned(),
        Preferred::At { date, period } => {
            let part = match period {
                Period::Morning => Text("上午 9–12 点", "morning 9–12"),
                Period::Afternoon => Text("下午 2–6 点", "afternoon 14–18"),
                Period::Evening => Text("晚上 6–8 点", "evening 18–20"),
            };
            format!("{} {}", date.get(5..).unwrap_or(date), part.get(lang))
        }
    }
}

fn path(reference: &str, tail: &str) -> String {
    format!("/desk/{reference}{tail}")
}

async fn load_queue(query: String) -> Result<DeskQueue, ClientError> {
    call(Method::GET, &format!("/desk?{query}"), None).await
}

fn message(e: &ClientError) -> Option<Text> {
    match e {
        ClientError::Unreachable => Some(i18n::UNREACHABLE),
        ClientError::Decode => Some(i18n::FAILED),
        ClientError::Refused { code, errors, .. } if errors.is_empty() => Some(i18n::code(code)),
        ClientError::Refused { .. } => None,
    }
}

#[component]
pub fn DeskScreen() -> impl IntoView {
    let ctx = ctx();
    let me = ctx
        .session
        .get_untracked()
        .map(|s| s.user)
        .unwrap_or_default();
    let halls = RwSignal::new(Vec::<Hall>::new());
    let hall = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let view_sel = RwSignal::new(DeskView::Open);
    let overdue = RwSignal::new(false);
    let items = RwSignal::new(None::<Vec<DeskItem>>);
    let total = RwSignal::new(0usize);
    let error = RwSignal::new(None::<Text>);
    // Kept apart from `error`, so a refresh that works does not wipe the
    // refusal of what the operator just did.
    let load_error = RwSignal::new(None::<Text>);
    let status = RwSignal::new(None::<Text>);
    let open = RwSignal::new(None::<String>);
    spawn_local(async move {
        if let Ok(list) = api::halls().await {
            halls.set(list);
        }
    });
    let query = move || {
        let mut q = format!("view={}", view_sel.get_untracked().as_str());
        if !hall.get_untracked().is_empty() {
            q.push_str(&format!("&hall={}", hall.get_untracked()));
        }
        if !topic.get_untracked().is_empty() {
            q.push_str(&format!("&topic={}", topic.get_untracked()));
        }
        if overdue.get_untracked() {
            q.push_str("&overdue=true");
        }
        q
    };
    let refresh = move || {
        let q = query();
        spawn_local(async move {
            match load_queue(q).await {
                Ok(queue) => {
                    load_error.set(None);
                    total.set(queue.total);
                    items.set(Some(queue.items));
                }
                Err(e) => load_error.set(message(&e).or(Some(i18n::FAILED))),
            }
        });
    };
    refresh();
    // The queue changes as kiosks send requests and colleagues call: it is
    // read again every 30 seconds while the desk is open.
    if let Ok(handle) = set_interval_with_handle(refresh, std::time::Duration::from_secs(30)) {
        on_cleanup(move || handle.clear());
    }
    let claim = move |reference: String| {
        spawn_local(async move {
            match call::<DeskItem>(Method::POST, &path(&reference, "/claim"), None).await {
                Ok(_) => {
                    status.set(Some(CLAIMED));
                    error.set(None);
                    open.set(Some(reference));
                }
                Err(e) => {
                    status.set(None);
                    error.set(message(&e));
                }
            }
            refresh();
        });
    };
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        refresh();
    };
    let me_row = me.clone();
    view! {
        <FocusHeading text=i18n::DESK />
        <section aria-labelledby="desk-filters-heading" class="console-panel">
            <h2 id="desk-filters-heading">{move || ctx.t(i18n::FILTERS)}</h2>
            <form class="console-form console-form--filters" on:submit=submit novalidate>
                <div class="console-field">
                    <label for="desk-hall">{move || ctx.t(HALL_LABEL)}</label>
                    <select id="desk-hall" on:change=move |ev| hall.set(event_target_value(&ev))>
                        <option value="">{move || ctx.t(ALL_HALLS)}</option>
                        {move || halls.get().into_iter().map(|h| {
                            let names = h.names.clone();
                            view! { <option value=h.id.clone()>{move || match ctx.lang.get() { Lang::ZhCn => names.zh_cn.clone(), Lang::En => names.en.clone() }}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="console-field">
                    <label for="desk-topic">{move || ctx.t(TOPIC_LABEL)}</label>
                    <select id="desk-topic" on:change=move |ev| topic.set(event_target_value(&ev))>
                        <option value="">{move || ctx.t(ALL_TOPICS)}</option>
                        {Topic::all().map(|t| view! { <option value=topic_slug(t)>{move || ctx.t(topic_text(t))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="console-field">
                    <label for="desk-view">{move || ctx.t(VIEW_LABEL)}</label>
                    <select id="desk-view" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        view_sel.set(DeskView::ALL.into_iter().find(|d| d.as_str() == v).unwrap_or_default());
                    }>
                        {DeskView::ALL.into_iter().map(|v| view! { <option value=v.as_str()>{move || ctx.t(view_text(v))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="console-check">
                    <input id="desk-overdue" type="checkbox" prop:checked=move || overdue.get()
                        on:change=move |ev| overdue.set(event_target_checked(&ev)) />
                    <label for="desk-overdue">{move || ctx.t(OVERDUE_ONLY)}</label>
                </div>
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(SHOW)}</button>
                </div>
            </form>
        </section>
        <p class="console-success-slot" role="status" aria-live="polite">{move || status.get().map(|t| ctx.t(t))}</p>
        <p class="console-error" role="alert">{move || error.get().or(load_error.get()).map(|t| ctx.t(t))}</p>
        {move || open.get().map(|reference| view! {
            <CallPanel reference=reference me=me.clone() open status error on_change=refresh />
        })}
        <section aria-labelledby="desk-queue-heading" class="console-panel">
            <div class="console-panel__head">
                <h2 id="desk-queue-heading">{move || ctx.t(QUEUE)}</h2>
                <button type="button" class="console-button console-button--quiet" on:click=move |_| refresh()>{move || ctx.t(REFRESH)}</button>
            </div>
            {move || {
                let me = me_row.clone();
                match items.get() {
                    None => view! { <p role="status">{move || ctx.t(i18n::LOADING)}</p> }.into_any(),
                    Some(list) if list.is_empty() => view! { <p>{move || ctx.t(EMPTY)}</p> }.into_any(),
                    Some(list) => view! {
                        {move || (total.get() > items.with(|l| l.as_ref().map_or(0, Vec::len))).then(|| {
                            let n = total.get();
                            view! { <p class="console-hint">{move || match ctx.lang.get() {
                                Lang::ZhCn => format!("共 {n} 条，这里列出最先到期的 {QUEUE_LIMIT} 条。"),
                                Lang::En => format!("{n} in all; the first {QUEUE_LIMIT} due are listed."),
                            }}</p> }
                        })}
                        <div class="console-table-scroll" tabindex="0" role="region" aria-labelledby="desk-queue-heading">
                            <table class="console-table desk-queue">
                                <thead>
                                    <tr>
                                        <th scope="col">{move || ctx.t(WINDOW)}</th>
                                        <th scope="col">{move || ctx.t(TOPIC_LABEL)}</th>
                                        <th scope="col">{move || ctx.t(HALL_LABEL)}</th>
                                        <th scope="col">{move || ctx.t(WAITING)}</th>
                                        <th scope="col">{move || ctx.t(PHONE)}</th>
                                        <th scope="col">{move || ctx.t(TRIES)}</th>
                                        <th scope="col">{move || ctx.t(STATE)}</th>
                                        <th scope="col">{move || ctx.t(ACTION)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|item| {
                                        let mine = item.claimed_by.as_deref() == Some(me.as_str());
                                        let reference = item.reference.clone();
                                        let row_class = if item.overdue { "desk-row desk-row--overdue" } else { "desk-row" };
                                        let it = item.clone();
                                        let state = move || {
                                            let lang = ctx.lang.get();
                                            if let Some(o) = it.closed {
                                                format!("{} {}", outcome_text(o).get(lang), it.closed_at.as_deref().map(short).unwrap_or_default())
                                            } else if mine {
                                                MINE.get(lang).to_owned()
                                            } else if let Some(name) = &it.claimed_by_name {
                                                format!("{}{}", CLAIMED_BY.get(lang), name)
                                            } else if let Some(at) = &it.retry_at {
                                                format!("{}{}", RETRY_AT.get(lang), short(at))
                                            } else {
                                                NEW.get(lang).to_owned()
                                            }
                                        };
                                        let it = item.clone();
                                        let window = move || window_text(ctx.lang.get(), &it);
                                        let hall_name = item.hall_name.clone();
                                        let hall_text = move || hall_name.as_ref().map(|n| match ctx.lang.get() { Lang::ZhCn => n.zh_cn.clone(), Lang::En => n.en.clone() }).unwrap_or_else(|| "—".into());
                                        let action = if item.closed.is_some() || (item.claimed_by.is_some() && !mine) {
                                            let r = reference.clone();
                                            view! { <button type="button" class="console-button console-button--quiet" on:click=move |_| open.set(Some(r.clone()))>{move || ctx.t(VIEW_DETAIL)}<span class="console-visually-hidden">{format!(" {reference}")}</span></button> }.into_any()
                                        } else if mine {
                                            let r = reference.clone();
                                            view! { <button type="button" class="console-button" on:click=move |_| open.set(Some(r.clone()))>{move || ctx.t(OPEN_MINE)}<span class="console-visually-hidden">{format!(" {reference}")}</span></button> }.into_any()
                                        } else {
                                            let r = reference.clone();
                                            view! { <button type="button" class="console-button" on:click=move |_| claim(r.clone())>{move || ctx.t(CLAIM)}<span class="console-visually-hidden">{format!(" {reference}")}</span></button> }.into_any()
                                        };
                                        let overdue = item.overdue;
                                        view! {
                                            <tr class=row_class data-reference=item.reference.clone()>
                                                <td>
                                                    {window}
                                                    {overdue.then(|| view! { <span class="desk-badge desk-badge--overdue">{move || ctx.t(OVERDUE)}</span> })}
                                                </td>
                                                <td>{move || ctx.t(topic_text(item.topic))}</td>
                                                <td>{hall_text}</td>
                                                <td>{short(&item.created_at)}</td>
                                                <td class="console-mono">{item.phone_masked.clone()}</td>
                                                <td>{format!("{} / {MAX_TRIES}", item.tries)}</td>
                                                <td>{state}</td>
                                                <td>{action}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            }}
        </section>
    }
}

/// One request: who to call and how, the full number on purpose, the outcome
/// form while the user holds the claim, the notes and the calls so far.
#[component]
fn CallPanel(
    reference: String,
    me: String,
    open: RwSignal<Option<String>>,
    status: RwSignal<Option<Text>>,
    error: RwSignal<Option<Text>>,
    on_change: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let detail = RwSignal::new(None::<DeskDetail>);
    let revealed = RwSignal::new(None::<DeskReveal>);
    let outcome = RwSignal::new(None::<Outcome>);
    let note = RwSignal::new(String::new());
    let call_after = RwSignal::new(String::new());
    let new_note = RwSignal::new(String::new());
    let fields = RwSignal::new(Errors::new());
    let heading = crate::focused_heading();
    let r = StoredValue::new(reference.clone());
    let load = move || {
        let r = r.get_value();
        spawn_local(async move {
            match call::<DeskDetail>(Method::GET, &path(&r, ""), None).await {
                Ok(d) => detail.set(Some(d)),
                Err(e) => error.set(message(&e)),
            }
        });
    };
    load();
    let field = move |f: &'static str| {
        Signal::derive(move || fields.with(|e| e.get(f).cloned().unwrap_or_default()))
    };
    let reveal = move |_| {
        let r = r.get_value();
        spawn_local(async move {
            match call::<DeskReveal>(Method::POST, &path(&r, "/phone"), None).await {
                Ok(p) => revealed.set(Some(p)),
                Err(e) => error.set(message(&e)),
            }
        });
    };
    let record = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let Some(o) = outcome.get_untracked() else {
            fields.set(Errors::from([(
                "outcome".to_owned(),
                vec!["outcome_required".to_owned()],
            )]));
            return;
        };
        let req = OutcomeRequest {
            outcome: o,
            note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
            call_after: Some(call_after.get_untracked()).filter(|_| o == Outcome::Later),
        };
        let mut errs = Errors::new();
        check_outcome(&mut errs, &req, (js_sys::Date::now() / 1000.0) as i64);
        fields.set(errs.clone());
        if !errs.is_empty() {
            return;
        }
        let r = r.get_value();
        spawn_local(async move {
            match call::<DeskItem>(Method::POST, &path(&r, "/outcome"), json(&req)).await {
                Ok(_) => {
                    status.set(Some(RECORDED));
                    error.set(None);
                    open.set(None);
                }
                Err(e) => {
                    if let ClientError::Refused { errors, .. } = &e {
                        fields.set(errors.clone());
                    }
                    error.set(message(&e));
                }
            }
            on_change();
        });
    };
    let release = move |_| {
        let r = r.get_value();
        spawn_local(async move {
            match call_empty(Method::DELETE, &path(&r, "/claim"), None).await {
                Ok(()) => {
                    status.set(Some(RELEASED));
                    open.set(None);
                }
                Err(e) => error.set(message(&e)),
            }
            on_change();
        });
    };
    let add_note = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Errors::new();
        let text = check_note(&mut errs, "text", &new_note.get_untracked());
        fields.set(errs.clone());
        if !errs.is_empty() {
            return;
        }
        let r = r.get_value();
        spawn_local(async move {
            match call::<DeskDetail>(
                Method::POST,
                &path(&r, "/notes"),
                json(&NoteRequest { text }),
            )
            .await
            {
                Ok(d) => {
                    detail.set(Some(d));
                    new_note.set(String::new());
                    status.set(Some(NOTE_ADDED));
                }
                Err(e) => {
                    if let ClientError::Refused { errors, .. } = &e {
                        fields.set(errors.clone());
                    }
                    error.set(message(&e));
                }
            }
        });
    };
    let title = reference.clone();
    view! {
        <section class="console-panel desk-call" aria-labelledby="desk-call-heading">
            <div class="console-panel__head">
                <h2 id="desk-call-heading" tabindex="-1" node_ref=heading>{move || format!("{} {}", ctx.t(CALL_HEADING), title)}</h2>
                <button type="button" class="console-button console-button--quiet" on:click=move |_| open.set(None)>{move || ctx.t(CLOSE_PANEL)}</button>
            </div>
            {move || detail.get().map(|d| {
                let item = d.item.clone();
                let mine = item.claimed_by.as_deref() == Some(me.as_str());
                let needs: Vec<Need> = item.needs.clone();
                let lang = item.language;
                let visitor_note = item.visitor_note.clone();
                let phone_masked = item.phone_masked.clone();
                let name_masked = item.name_masked.clone().unwrap_or_default();
                view! {
                    <div class="desk-who">
                        {(!item.may_say_12348).then(|| view! { <p class="desk-warning" role="note">{move || ctx.t(NO_12348)}</p> })}
                        <p>{move || ctx.t(SPEAK)}{move || ctx.t(lang_text(lang))}</p>
                        {(!needs.is_empty()).then(|| { let needs = needs.clone(); view! { <p>{move || ctx.t(NEEDS)}{move || needs.iter().map(|n| ctx.t(need_text(*n))).collect::<Vec<_>>().join("、")}</p> } })}
                        {visitor_note.map(|n| view! { <p>{move || ctx.t(VISITOR_NOTE)}{n.clone()}</p> })}
                        <p class="desk-number">
                            {move || match revealed.get() {
                                Some(p) => view! { <span class="console-mono desk-number__full">{p.phone.clone()}</span> " " <span>{p.name.clone().unwrap_or_default()}</span> }.into_any(),
                                None => view! { <span class="console-mono">{phone_masked.clone()}</span> " " <span>{name_masked.clone()}</span> }.into_any(),
                            }}
                        </p>
                        {move || revealed.get().is_none().then(|| view! {
                            <p>
                                <button type="button" class="console-button console-button--quiet" aria-describedby="desk-audited" on:click=reveal>{move || ctx.t(i18n::SHOW_NUMBER)}</button>
                                <span id="desk-audited" class="console-hint">{move || ctx.t(i18n::NUMBER_AUDITED)}</span>
                            </p>
                        })}
                    </div>
                    {mine.then(|| view! {
                        <form class="console-form" on:submit=record novalidate>
                            <fieldset class="console-fieldset" aria-describedby="desk-outcome-errors">
                                <legend>{move || ctx.t(OUTCOME_LEGEND)}</legend>
                                {Outcome::ALL.into_iter().map(|o| {
                                    let id = format!("desk-outcome-{}", o.as_str());
                                    view! {
                                        <div class="console-check">
                                            <input type="radio" name="desk-outcome" id=id.clone() value=o.as_str()
                                                prop:checked=move || outcome.get() == Some(o)
                                                on:change=move |_| outcome.set(Some(o)) />
                                            <label for=id>{move || ctx.t(outcome_text(o))}</label>
                                        </div>
                                    }
                                }).collect_view()}
                                <FieldErrors id="desk-outcome-errors" codes=field("outcome") />
                            </fieldset>
                            {move || (outcome.get() == Some(Outcome::Later)).then(|| view! {
                                <div class="console-field">
                                    <label for="desk-call-after">{move || ctx.t(CALL_AFTER)}</label>
                                    <input id="desk-call-after" type="datetime-local" aria-describedby="desk-call-after-errors"
                                        aria-invalid=move || (!field("call_after").get().is_empty()).to_string()
                                        prop:value=move || call_after.get() on:input=move |ev| call_after.set(event_target_value(&ev)) />
                                    <FieldErrors id="desk-call-after-errors" codes=field("call_after") />
                                </div>
                            })}
                            <div class="console-field">
                                <label for="desk-note">{move || ctx.t(NOTE_LABEL)}</label>
                                <textarea id="desk-note" rows="3" aria-describedby="desk-note-errors"
                                    aria-invalid=move || (!field("note").get().is_empty()).to_string()
                                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                                <FieldErrors id="desk-note-errors" codes=field("note") />
                            </div>
                            <div class="console-actions">
                                <button type="submit" class="console-button">{move || ctx.t(RECORD)}</button>
                                <button type="button" class="console-button console-button--quiet" on:click=release>{move || ctx.t(RELEASE)}</button>
                            </div>
                            <p class="console-hint">{move || match ctx.lang.get() {
                                Lang::ZhCn => format!("认领在 {CLAIM_MINUTES} 分钟后失效。"),
                                Lang::En => format!("A claim runs out after {CLAIM_MINUTES} minutes."),
                            }}</p>
                        </form>
                    })}
                    <h3>{move || ctx.t(ATTEMPTS)}</h3>
                    {if d.attempts.is_empty() {
                        view! { <p>{move || ctx.t(NONE_YET)}</p> }.into_any()
                    } else {
                        view! { <ol class="desk-history">{d.attempts.iter().map(|a| {
                            let who = a.by_name.clone().unwrap_or_else(|| a.by.clone());
                            let o = a.outcome;
                            let after = a.call_after.as_deref().map(short);
                            view! { <li>{short(&a.at)} " " {who} " · " {move || ctx.t(outcome_text(o))} {after.map(|t| format!(" → {t}"))}</li> }
                        }).collect_view()}</ol> }.into_any()
                    }}
                    <h3>{move || ctx.t(NOTES)}</h3>
                    {if d.notes.is_empty() {
                        view! { <p>{move || ctx.t(NONE_YET)}</p> }.into_any()
                    } else {
                        view! { <ol class="desk-history">{d.notes.iter().map(|n| {
                            let who = n.author_name.clone().or_else(|| n.author.clone()).unwrap_or_else(|| "12348".into());
                            let text = n.text.clone();
                            let auto = n.kind == "closed_after_tries";
                            view! { <li>{short(&n.at)} " " {who} "：" {move || if auto { ctx.t(CLOSED_AFTER_TRIES).to_owned() } else { text.clone() }}</li> }
                        }).collect_view()}</ol> }.into_any()
                    }}
                    {item.closed.is_none().then(|| view! {
                        <form class="console-form" on:submit=add_note novalidate>
                            <div class="console-field">
                                <label for="desk-new-note">{move || ctx.t(NEW_NOTE)}</label>
                                <textarea id="desk-new-note" rows="2" aria-describedby="desk-new-note-errors"
                                    aria-invalid=move || (!field("text").get().is_empty()).to_string()
                                    prop:value=move || new_note.get() on:input=move |ev| new_note.set(event_target_value(&ev))></textarea>
                                <FieldErrors id="desk-new-note-errors" codes=field("text") />
                            </div>
                            <div class="console-actions">
                                <button type="submit" class="console-button console-button--quiet">{move || ctx.t(ADD_NOTE)}</button>
                            </div>
                        </form>
                    })}
                }
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_as_month_day_and_clock() {
        assert_eq!(short("2026-11-30T14:05:00+08:00"), "11-30 14:05");
        assert_eq!(short("garbage"), "garbage");
    }

    #[test]
    fn every_topic_has_a_filter_value() {
        for t in Topic::all() {
            assert!(!topic_slug(t).is_empty());
        }
    }
}
