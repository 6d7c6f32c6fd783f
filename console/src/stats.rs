//! Statistics per hall per week, for hall and province admins: bookings,
//! cancellations and no-shows; callbacks and how many were reached within the
//! visitor's window; the 好差评 distribution. Each as a Chart.js chart (drawn on a
//! canvas, named as an image that points at its table) and as a table with the
//! same numbers, and the whole report as CSV.

use std::{cell::RefCell, collections::BTreeMap};

use kiosk_core::{
    api::Hall,
    console::Role,
    stats::{HallStats, StatsReport, WeekStats},
};
use leptos::{ev, html, prelude::*, task::spawn_local};
use wasm_bindgen::prelude::*;

use crate::{
    FieldErrors, FocusHeading,
    api::{self, ClientError, StatsFilter},
    ctx,
    i18n::{self, Text},
};

const BOOKINGS: Text = Text("预约", "Bookings");
const CANCELLATIONS: Text = Text("取消", "Cancellations");
const NO_SHOWS: Text = Text("未到", "No-shows");
const CALLBACKS: Text = Text("回拨请求", "Callbacks");
const IN_WINDOW: Text = Text("时段内回拨", "Reached in window");
const IN_WINDOW_SHARE: Text = Text("时段内回拨率", "Reached in window, share");
const WEEK: Text = Text("周（周一）", "Week (Monday)");
const ALL_HALLS: Text = Text("全部服务中心", "All halls");
const HALL_LABEL: Text = Text("服务中心", "Hall");
const DOWNLOAD_CSV: Text = Text("下载 CSV 表格", "Download CSV");
const APPOINTMENTS_CHART: Text = Text(
    "每周预约、取消和未到",
    "Bookings, cancellations and no-shows per week",
);
const CALLBACKS_CHART: Text = Text(
    "每周回拨请求和时段内回拨",
    "Callbacks and those reached in window per week",
);
const RATINGS_CHART: Text = Text("每周好差评分布", "Ratings per week");
const CHART_IS_TABLE: Text = Text("图表的数字见下表。", "The numbers are in the table below.");
const RANGE_HINT: Text = Text(
    "按周统计（周一至周日），最多 53 周。不填则显示最近 8 周。",
    "By week (Monday to Sunday), at most 53 weeks. Empty: the last 8 weeks.",
);
const NO_HALLS: Text = Text("没有可显示的服务中心。", "No halls to show.");
const LEVELS: [Text; 5] = [
    Text("非常满意", "Very satisfied"),
    Text("满意", "Satisfied"),
    Text("基本满意", "Fairly satisfied"),
    Text("不满意", "Dissatisfied"),
    Text("非常不满意", "Very dissatisfied"),
];
/// Colours told apart by lightness as well as hue (and always named in the
/// legend and the table), 5 → 1.
const LEVEL_COLOURS: [&str; 5] = ["#1a7f37", "#6cc070", "#d9b526", "#e07a2f", "#b42318"];

#[wasm_bindgen]
extern "C" {
    /// Chart.js's `Chart`, loaded by index.html.
    #[wasm_bindgen(js_name = Chart)]
    type JsChart;

    #[wasm_bindgen(constructor, js_class = "Chart", catch)]
    fn new(canvas: &web_sys::HtmlCanvasElement, config: &JsValue) -> Result<JsChart, JsValue>;

    #[wasm_bindgen(method)]
    fn destroy(this: &JsChart);
}

thread_local! {
    /// The charts on screen, by the id their component was given, so a
    /// component's cleanup (which must be `Send`) can name its chart.
    static CHARTS: RefCell<BTreeMap<u64, JsChart>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// One chart: a canvas that Chart.js draws on once it is in the page, and
/// frees when it leaves. Without Chart.js the table still says it all.
#[component]
fn Chart(title: Text, table_id: String, config: Signal<serde_json::Value>) -> impl IntoView {
    let ctx = ctx();
    let canvas = NodeRef::<html::Canvas>::new();
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    Effect::new(move |_| {
        let config = config.get();
        let Some(canvas) = canvas.get() else {
            return;
        };
        CHARTS.with(|c| {
            if let Some(old) = c.borrow_mut().remove(&id) {
                old.destroy();
            }
        });
        let Ok(config) = js_sys::JSON::parse(&config.to_string()) else {
            return;
        };
        if let Ok(chart) = JsChart::new(&canvas, &config) {
            CHARTS.with(|c| c.borrow_mut().insert(id, chart));
        }
    });
    on_cleanup(move || {
        CHARTS.with(|c| {
            if let Some(chart) = c.borrow_mut().remove(&id) {
                chart.destroy();
            }
        });
    });
    let label = move || format!("{}. {}", ctx.t(title), ctx.t(CHART_IS_TABLE));
    view! {
        <figure class="console-chart">
            <figcaption>{move || ctx.t(title)}</figcaption>
            <div class="console-chart__canvas">
                <canvas node_ref=canvas role="img" aria-label=label aria-describedby=table_id></canvas>
            </div>
        </figure>
    }
}

fn dataset(label: &str, data: Vec<u64>, colour: &str) -> serde_json::Value {
    serde_json::json!({ "label": label, "data": data, "backgroundColor": colour, "borderColor": colour })
}

/// A bar chart's Chart.js configuration: no animation (it moves nothing a
/// reader needs), whole numbers on the axis, the legend under it.
fn bar_config(
    labels: Vec<String>,
    datasets: Vec<serde_json::Value>,
    stacked: bool,
) -> serde_json::Value {
    serde_json::json!({
        "type": "bar",
        "data": { "labels": labels, "datasets": datasets },
        "options": {
            "animation": false,
            "responsive": true,
            "maintainAspectRatio": false,
            "plugins": { "legend": { "position": "bottom" } },
            "scales": {
                "x": { "stacked": stacked },
                "y": { "stacked": stacked, "beginAtZero": true, "ticks": { "precision": 0 } }
            }
        }
    })
}

fn column(weeks: &[WeekStats], f: impl Fn(&WeekStats) -> u64) -> Vec<u64> {
    weeks.iter().map(f).collect()
}

#[component]
fn HallReport(hall: HallStats) -> impl IntoView {
    let ctx = ctx();
    let weeks = hall.weeks.clone();
    let labels: Vec<String> = weeks
        .iter()
        .map(|w| w.week.get(5..).unwrap_or(&w.week).to_owned())
        .collect();
    let table_id = format!("stats-table-{}", hall.hall_id);
    let heading_id = format!("stats-hall-{}", hall.hall_id);
    let (w1, l1) = (weeks.clone(), labels.clone());
    let appointments = Signal::derive(move || {
        bar_config(
            l1.clone(),
            vec![
                dataset(ctx.t(BOOKINGS), column(&w1, |w| w.bookings), "#0b4f9c"),
                dataset(
                    ctx.t(CANCELLATIONS),
                    column(&w1, |w| w.cancellations),
                    "#8a96a8",
                ),
                dataset(ctx.t(NO_SHOWS), column(&w1, |w| w.no_shows), "#b42318"),
            ],
            false,
        )
    });
    let (w2, l2) = (weeks.clone(), labels.clone());
    let callbacks = Signal::derive(move || {
        bar_config(
            l2.clone(),
            vec![
                dataset(ctx.t(CALLBACKS), column(&w2, |w| w.callbacks), "#0b4f9c"),
                dataset(
                    ctx.t(IN_WINDOW),
                    column(&w2, |w| w.callbacks_in_window),
                    "#1a7f37",
                ),
            ],
            false,
        )
    });
    let (w3, l3) = (weeks.clone(), labels);
    let ratings = Signal::derive(move || {
        let sets = (0..5)
            .map(|i| {
                // Score 5 first, as the kiosk asks.
                let score = 4 - i;
                dataset(
                    ctx.t(LEVELS[i]),
                    column(&w3, |w| w.ratings[score]),
                    LEVEL_COLOURS[i],
                )
            })
            .collect();
        bar_config(l3.clone(), sets, true)
    });
    let names = hall.names.clone();
    let name = move || match ctx.lang.get() {
        kiosk_core::Lang::ZhCn => names.zh_cn.clone(),
        kiosk_core::Lang::En => names.en.clone(),
    };
    let rows = weeks.clone();
    let labelled_by = heading_id.clone();
    view! {
        <section class="console-panel console-stats" aria-labelledby=labelled_by>
            <h2 id=heading_id>{name.clone()}</h2>
            <div class="console-charts">
                <Chart title=APPOINTMENTS_CHART table_id=table_id.clone() config=appointments />
                <Chart title=CALLBACKS_CHART table_id=table_id.clone() config=callbacks />
                <Chart title=RATINGS_CHART table_id=table_id.clone() config=ratings />
            </div>
            <div class="console-table-scroll" tabindex="0" role="region" aria-labelledby=format!("{table_id}-caption")>
                <table id=table_id.clone() class="console-table console-table--numbers">
                    <caption id=format!("{table_id}-caption")>{move || format!("{} · {}", name(), ctx.t(i18n::STATS))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || ctx.t(WEEK)}</th>
                            <th scope="col">{move || ctx.t(BOOKINGS)}</th>
                            <th scope="col">{move || ctx.t(CANCELLATIONS)}</th>
                            <th scope="col">{move || ctx.t(NO_SHOWS)}</th>
                            <th scope="col">{move || ctx.t(CALLBACKS)}</th>
                            <th scope="col">{move || ctx.t(IN_WINDOW)}</th>
                            <th scope="col">{move || ctx.t(IN_WINDOW_SHARE)}</th>
                            {LEVELS.iter().map(|l| { let l = *l; view! { <th scope="col">{move || ctx.t(l)}</th> } }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|w| {
                            let share = w.in_window_percent().map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
                            view! {
                                <tr>
                                    <th scope="row">{w.week.clone()}</th>
                                    <td>{w.bookings}</td>
                                    <td>{w.cancellations}</td>
                                    <td>{w.no_shows}</td>
                                    <td>{w.callbacks}</td>
                                    <td>{w.callbacks_in_window}</td>
                                    <td>{share}</td>
                                    {(0..5).rev().map(|s| view! { <td>{w.ratings[s]}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn StatsScreen() -> impl IntoView {
    let ctx = ctx();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let hall = RwSignal::new(String::new());
    let halls = RwSignal::new(Vec::<Hall>::new());
    let report = RwSignal::new(None::<StatsReport>);
    let applied = RwSignal::new(StatsFilter::default());
    let error = RwSignal::new(None::<ClientError>);
    let busy = RwSignal::new(false);
    let role = ctx.session.get_untracked().map(|s| s.role);
    let own: Vec<String> = ctx
        .session
        .get_untracked()
        .map(|s| s.halls)
        .unwrap_or_default();
    spawn_local(async move {
        if let Ok(list) = api::halls().await {
            let list = if role == Some(Role::HallAdmin) {
                list.into_iter().filter(|h| own.contains(&h.id)).collect()
            } else {
                list
            };
            halls.set(list);
        }
    });
    let load = move |filter: StatsFilter| {
        busy.set(true);
        spawn_local(async move {
            match api::stats(&filter).await {
                Ok(r) => {
                    error.set(None);
                    report.set(Some(r));
                    applied.set(filter);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    load(StatsFilter::default());
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        load(StatsFilter {
            from: from.get_untracked(),
            to: to.get_untracked(),
            hall: hall.get_untracked(),
        });
    };
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
    let date_field = move |id: &'static str,
                           errors_id: &'static str,
                           label: Text,
                           value: RwSignal<String>,
                           api_field: &'static str| {
        view! {
            <div class="console-field">
                <label for=id>{move || ctx.t(label)}</label>
                <input id=id type="date" autocomplete="off" aria-describedby=format!("stats-range-hint {errors_id}")
                    aria-invalid=move || (!field(api_field).get().is_empty()).to_string()
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                <FieldErrors id=errors_id codes=field(api_field) />
            </div>
        }
    };
    view! {
        <FocusHeading text=i18n::STATS />
        <section aria-labelledby="stats-filters-heading" class="console-panel">
            <h2 id="stats-filters-heading">{move || ctx.t(i18n::FILTERS)}</h2>
            <form class="console-form console-form--filters" on:submit=submit novalidate>
                {date_field("stats-from", "stats-from-errors", i18n::FROM, from, "from")}
                {date_field("stats-to", "stats-to-errors", i18n::TO, to, "to")}
                <div class="console-field">
                    <label for="stats-hall">{move || ctx.t(HALL_LABEL)}</label>
                    <select id="stats-hall" on:change=move |ev| hall.set(event_target_value(&ev))>
                        <option value="" selected=move || hall.get().is_empty()>{move || ctx.t(ALL_HALLS)}</option>
                        {move || halls.get().into_iter().map(|h| {
                            let id = h.id.clone();
                            let selected = id.clone();
                            let names = h.names.clone();
                            view! {
                                <option value=id selected=move || hall.get() == selected>
                                    {move || match ctx.lang.get() { kiosk_core::Lang::ZhCn => names.zh_cn.clone(), kiosk_core::Lang::En => names.en.clone() }}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="console-actions">
                    <button type="submit" class="console-button" aria-disabled=move || busy.get().to_string()>{move || ctx.t(i18n::APPLY)}</button>
                </div>
            </form>
            <p id="stats-range-hint" class="console-hint">{move || ctx.t(RANGE_HINT)}</p>
            <div role="alert" class="console-alert-slot">
                {move || general().map(|t| view! { <p class="console-error">{ctx.t(t)}</p> })}
            </div>
        </section>
        <p role="status" class="console-hint">
            {move || report.get().map(|r| format!("{} {} – {}", ctx.t(i18n::STATS), r.from, r.to))}
        </p>
        {move || report.get().map(|r| view! {
            <p>
                <a class="console-button console-button--quiet" href=applied.get().csv_href(ctx.lang.get()) download="">
                    {ctx.t(DOWNLOAD_CSV)}
                </a>
            </p>
            {if r.halls.is_empty() {
                view! { <p>{ctx.t(NO_HALLS)}</p> }.into_any()
            } else {
                r.halls.into_iter().map(|h| view! { <HallReport hall=h /> }).collect_view().into_any()
            }}
        })}
    }
}
