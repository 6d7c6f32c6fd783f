//! Legal-aid standards, for province admins: what is in force and where it
//! came from; a file chosen (or pasted) is checked here and on the server, the
//! changes it makes are shown by the date each takes effect, and only then is
//! it put in force. An upload prepared against an older version is refused,
//! so two admins never overwrite each other unawares.

use gloo_net::http::Method;
use kiosk_core::{
    Lang,
    api::{StandardsPreview, StandardsSource, StandardsStatus, StandardsUpload},
    eligibility::{InvalidStandards, Standard, StandardChange, Standards, UploadProblem},
};
use leptos::{ev, prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;

use crate::{
    FocusHeading,
    api::{ClientError, call, json},
    ctx,
    hall::{local, message},
    i18n::{self, Text},
};

const IN_FORCE: Text = Text("现行标准", "In force");
const SOURCE: Text = Text("来源：", "Source: ");
const BUILT_IN: Text = Text("随软件发布的版本", "Shipped with this release");
const FILE: Text = Text("服务器配置文件", "The server's file");
const UPLOADED: Text = Text("在后台上传", "Uploaded in the console");
const UPLOADED_BY: Text = Text("上传：", "Uploaded: ");
const VERSION: Text = Text("版本：", "Version: ");
const REGION: Text = Text("地区", "Region");
const CODE: Text = Text("代码", "Code");
const FIGURE: Text = Text("每人每月（元）", "Per person per month (CNY)");
const RULE: Text = Text("比较方式", "Comparison");
const FROM: Text = Text("起始日期", "From");
const UPLOAD: Text = Text("上传新标准", "Upload new standards");
const CHOOSE_FILE: Text = Text("选择文件（JSON）", "Choose a file (JSON)");
const OR_PASTE: Text = Text("或粘贴文件内容", "Or paste the file's text");
const FORMAT_HINT: Text = Text(
    "格式与 core/data/legal_aid_standards.json 相同：entries 列表，每项有 region、names、rule、standard_per_capita_monthly、comparison、effective_from、source。",
    "The format of core/data/legal_aid_standards.json: a list of entries, each with region, names, rule, standard_per_capita_monthly, comparison, effective_from and source.",
);
const CHECK: Text = Text("检查并预览", "Check and preview");
const PREVIEW: Text = Text("预览：将发生的变化", "Preview: what changes");
const NO_CHANGES: Text = Text(
    "这个文件与现行标准完全相同，不需要生效。",
    "This file is the same as the standards in force: nothing to apply.",
);
const APPLY: Text = Text("确认生效", "Put in force");
const DISCARD: Text = Text("放弃", "Discard");
const APPLIED: Text = Text("新标准已生效。", "The new standards are in force.");
const ADDED: Text = Text("新增", "Added");
const CHANGED: Text = Text("修改", "Changed");
const REMOVED: Text = Text("删除", "Removed");
const KIND: Text = Text("变化", "Change");
const ENTRIES: Text = Text("条目数：", "Entries: ");
const READ_FAILED: Text = Text(
    "读取文件失败，请重新选择。",
    "The file could not be read; choose it again.",
);
const EMPTY_TEXT: Text = Text("请选择文件或粘贴内容。", "Choose a file or paste its text.");

fn source_text(s: StandardsSource) -> Text {
    match s {
        StandardsSource::BuiltIn => BUILT_IN,
        StandardsSource::File => FILE,
        StandardsSource::Upload => UPLOADED,
    }
}

/// What is wrong with a file, precisely enough to find it: the line and
/// column of a format error, the region of a broken rule.
pub fn problem_text(lang: Lang, p: &UploadProblem) -> String {
    let zh = lang == Lang::ZhCn;
    match p {
        UploadProblem::Format { line, column, .. } => {
            if zh {
                format!("文件格式不对：第 {line} 行第 {column} 列附近无法读取。")
            } else {
                format!(
                    "Not in the standards format: cannot be read near line {line}, column {column}."
                )
            }
        }
        UploadProblem::Invalid(InvalidStandards::Empty) => {
            if zh {
                "文件里没有任何条目。".into()
            } else {
                "The file has no entries.".into()
            }
        }
        UploadProblem::Invalid(InvalidStandards::RegionCode(code)) => {
            if zh {
                format!("地区代码“{code}”不是 6 位数字。")
            } else {
                format!("Region code “{code}” is not six digits.")
            }
        }
        UploadProblem::Invalid(InvalidStandards::ZeroFigure { region }) => {
            if zh {
                format!("地区 {region} 的标准是 0 元。")
            } else {
                format!("Region {region} has a figure of 0 CNY.")
            }
        }
        UploadProblem::Invalid(InvalidStandards::Duplicate {
            region,
            effective_from,
        }) => {
            if zh {
                format!("地区 {region} 有两条从 {effective_from} 起的标准。")
            } else {
                format!("Region {region} has two entries from {effective_from}.")
            }
        }
    }
}

#[component]
fn EntryCells(entry: Standard) -> impl IntoView {
    let ctx = ctx();
    let names = entry.names.clone();
    let words = entry.comparison.words();
    view! {
        <td>{move || local(ctx.lang.get(), &names)}</td>
        <td class="console-mono">{entry.region.clone()}</td>
        <td class="console-nowrap">{entry.effective_from.to_string()}</td>
        <td>{move || local(ctx.lang.get(), &words)}</td>
    }
}

#[component]
pub fn StandardsScreen() -> impl IntoView {
    let ctx = ctx();
    let status = RwSignal::new(None::<Result<StandardsStatus, ClientError>>);
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<(StandardsPreview, StandardsUpload)>);
    let done = RwSignal::new(None::<Text>);
    let load = move || {
        spawn_local(async move {
            status.set(Some(
                call::<StandardsStatus>(Method::GET, "/standards", None).await,
            ));
        });
    };
    load();
    let set_refusal = move |e: &ClientError| {
        let field = e.field("text");
        problem.set(Some(match field.first() {
            Some(code) => ctx.t(i18n::code(code)).to_owned(),
            None => ctx.t(message(e)).to_owned(),
        }));
    };
    let choose = move |ev: ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => {
                    problem.set(None);
                    text.set(t.as_string().unwrap_or_default());
                }
                Err(_) => problem.set(Some(ctx.t(READ_FAILED).to_owned())),
            }
        });
    };
    let check = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        preview.set(None);
        let body = text.get_untracked();
        if body.trim().is_empty() {
            problem.set(Some(ctx.t(EMPTY_TEXT).to_owned()));
            return;
        }
        // The same check the server makes, here first, with where it failed.
        if let Err(p) = Standards::check_upload(&body) {
            problem.set(Some(problem_text(ctx.lang.get_untracked(), &p)));
            return;
        }
        problem.set(None);
        let Some(Ok(current)) = status.get_untracked() else {
            return;
        };
        let upload = StandardsUpload {
            text: body,
            based_on: current.version,
        };
        spawn_local(async move {
            match call::<StandardsPreview>(Method::POST, "/standards/preview", json(&upload)).await
            {
                Ok(p) => preview.set(Some((p, upload))),
                Err(e) => set_refusal(&e),
            }
        });
    };
    let apply = move |upload: StandardsUpload| {
        spawn_local(async move {
            match call::<StandardsStatus>(Method::PUT, "/standards", json(&upload)).await {
                Ok(s) => {
                    status.set(Some(Ok(s)));
                    preview.set(None);
                    text.set(String::new());
                    done.set(Some(APPLIED));
                }
                Err(e) => {
                    preview.set(None);
                    set_refusal(&e);
                    load();
                }
            }
        });
    };
    view! {
        <FocusHeading text=i18n::STANDARDS />
        <p class="console-success-slot" role="status" aria-live="polite">{move || done.get().map(|t| ctx.t(t))}</p>
        <section class="console-panel" aria-labelledby="standards-upload-heading">
            <h2 id="standards-upload-heading">{move || ctx.t(UPLOAD)}</h2>
            <p id="standards-format" class="console-hint">{move || ctx.t(FORMAT_HINT)}</p>
            <form class="console-form" on:submit=check novalidate>
                <div class="console-field">
                    <label for="standards-file">{move || ctx.t(CHOOSE_FILE)}</label>
                    <input id="standards-file" type="file" accept=".json,application/json" aria-describedby="standards-format" on:change=choose />
                </div>
                <div class="console-field">
                    <label for="standards-text">{move || ctx.t(OR_PASTE)}</label>
                    <textarea id="standards-text" rows="8" class="console-mono" spellcheck="false"
                        aria-describedby="standards-format standards-problem" aria-invalid=move || problem.get().is_some().to_string()
                        prop:value=move || text.get() on:input=move |ev| { text.set(event_target_value(&ev)); preview.set(None); }></textarea>
                </div>
                <div id="standards-problem" role="alert" class="console-alert-slot">
                    {move || problem.get().map(|p| view! { <p class="console-error">{p}</p> })}
                </div>
                <div class="console-actions">
                    <button type="submit" class="console-button">{move || ctx.t(CHECK)}</button>
                </div>
            </form>
        </section>
        {move || preview.get().map(|(p, upload)| view! { <PreviewPanel preview=p upload=upload on_apply=apply on_discard=move || preview.set(None) /> })}
        <section class="console-panel" aria-labelledby="standards-current-heading">
            <h2 id="standards-current-heading">{move || ctx.t(IN_FORCE)}</h2>
            {move || match status.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="console-error" role="alert">{ctx.t(message(&e))}</p> }.into_any(),
                Some(Ok(s)) => {
                    let who = s.uploaded_by_name.clone().or(s.uploaded_by.clone());
                    let at = s.uploaded_at.clone();
                    let source = s.source;
                    view! {
                        <p>{move || ctx.t(SOURCE)}{move || ctx.t(source_text(source))}
                            {at.map(|a| view! { " · " {move || ctx.t(UPLOADED_BY)}{crate::hall::when(&a)}" "{who.clone()} })}
                        </p>
                        <p class="console-hint">{move || ctx.t(VERSION)}<span class="console-mono">{s.version[..16.min(s.version.len())].to_owned()}</span>" · "{move || ctx.t(ENTRIES)}{s.standards.entries().len()}</p>
                        <div class="console-table-scroll">
                            <table class="console-table standards-current">
                                <thead><tr>
                                    <th scope="col">{move || ctx.t(REGION)}</th>
                                    <th scope="col">{move || ctx.t(CODE)}</th>
                                    <th scope="col">{move || ctx.t(FROM)}</th>
                                    <th scope="col">{move || ctx.t(RULE)}</th>
                                    <th scope="col" class="console-table--numbers">{move || ctx.t(FIGURE)}</th>
                                </tr></thead>
                                <tbody>
                                    {s.standards.entries().iter().cloned().map(|e| {
                                        let figure = e.standard_per_capita_monthly;
                                        view! { <tr><EntryCells entry=e /><td class="console-table--numbers">{figure}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn PreviewPanel(
    preview: StandardsPreview,
    upload: StandardsUpload,
    on_apply: impl Fn(StandardsUpload) + Copy + 'static,
    on_discard: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let ctx = ctx();
    let heading = crate::focused_heading();
    let upload = StoredValue::new(upload);
    let empty = preview.changes.is_empty();
    view! {
        <section class="console-panel standards-preview" aria-labelledby="standards-preview-heading">
            <h2 id="standards-preview-heading" tabindex="-1" node_ref=heading>{move || ctx.t(PREVIEW)}</h2>
            <p>{move || ctx.t(ENTRIES)}{preview.entries}</p>
            {if empty {
                view! { <p>{move || ctx.t(NO_CHANGES)}</p> }.into_any()
            } else {
                view! {
                    <div class="console-table-scroll">
                        <table class="console-table standards-changes">
                            <thead><tr>
                                <th scope="col">{move || ctx.t(KIND)}</th>
                                <th scope="col">{move || ctx.t(REGION)}</th>
                                <th scope="col">{move || ctx.t(CODE)}</th>
                                <th scope="col">{move || ctx.t(FROM)}</th>
                                <th scope="col">{move || ctx.t(RULE)}</th>
                                <th scope="col" class="console-table--numbers">{move || ctx.t(FIGURE)}</th>
                            </tr></thead>
                            <tbody>
                                {preview.changes.into_iter().map(|c| {
                                    let (kind, figure) = match &c {
                                        StandardChange::Added { entry } => (ADDED, entry.standard_per_capita_monthly.to_string()),
                                        StandardChange::Removed { entry } => (REMOVED, entry.standard_per_capita_monthly.to_string()),
                                        StandardChange::Changed { before, after } => (CHANGED, format!("{} → {}", before.standard_per_capita_monthly, after.standard_per_capita_monthly)),
                                    };
                                    view! {
                                        <tr class=format!("standards-change standards-change--{}", kind.1.to_lowercase())>
                                            <th scope="row">{move || ctx.t(kind)}</th>
                                            <EntryCells entry=c.entry().clone() />
                                            <td class="console-table--numbers console-nowrap">{figure}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <div class="console-actions">
                {(!empty).then(|| view! { <button type="button" class="console-button" on:click=move |_| on_apply(upload.get_value())>{move || ctx.t(APPLY)}</button> })}
                <button type="button" class="console-button console-button--quiet" on:click=move |_| on_discard()>{move || ctx.t(DISCARD)}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_is_explained_where_it_breaks() {
        let p = Standards::check_upload("{\n  \"entries\": [\n    {]\n}").unwrap_err();
        let zh = problem_text(Lang::ZhCn, &p);
        assert!(zh.contains("第 3 行"), "{zh}");
        let p = Standards::check_upload(r#"{"entries": []}"#).unwrap_err();
        assert_eq!(problem_text(Lang::En, &p), "The file has no entries.");
    }
}
