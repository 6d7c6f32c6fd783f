//! The header in a real browser (wasm-bindgen-test in headless Chromium): the
//! language switch changes `<html lang>` and every text of the header.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use legal_kiosk::{components::frame::header::KioskHeader, visit::prefs::provide_prefs};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn Shell() -> impl IntoView {
    provide_prefs();
    view! { <KioskHeader /> }
}

fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

/// Lets effects and the view update after a change.
async fn settle() {
    TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
async fn the_language_switch_updates_html_lang_and_the_header_text() {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let _mounted = leptos::mount::mount_to(container.clone(), Shell);
    settle().await;

    let text = || container.text_content().unwrap_or_default();
    let switch = || -> HtmlElement {
        container
            .query_selector(".kiosk-header__language")
            .unwrap()
            .expect("language switch")
            .unchecked_into()
    };

    assert_eq!(html_lang(), "zh-CN");
    assert!(text().contains("法律服务热线"), "{}", text());
    assert!(text().contains("返回首页并清除"), "{}", text());
    assert!(text().contains("12348"));
    assert_eq!(switch().text_content().unwrap(), "English");
    assert_eq!(switch().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(document().title(), "法律服务自助终端");

    switch().click();
    settle().await;
    assert_eq!(html_lang(), "en");
    assert!(text().contains("Legal service hotline"), "{}", text());
    assert!(text().contains("Finish and clear"), "{}", text());
    assert!(!text().contains("法律服务热线"), "{}", text());
    assert_eq!(switch().text_content().unwrap(), "中文");
    assert_eq!(switch().get_attribute("lang").as_deref(), Some("zh-CN"));
    assert_eq!(document().title(), "Legal services self-service kiosk");

    switch().click();
    settle().await;
    assert_eq!(html_lang(), "zh-CN");
    assert!(text().contains("法律服务热线"), "{}", text());
}
