//! The on-screen number pad in a real browser: keys, Delete, Clear, typing, limits.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use legal_kiosk::{components::numeric_keypad::NumericKeypad, visit::prefs::provide_prefs};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(20).await;
}

/// Mounts a keypad (max 4 digits) and returns its container and value signal.
fn mount() -> (HtmlElement, RwSignal<String>, impl Drop) {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let value = RwSignal::new(String::new());
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_prefs();
        view! {
            <NumericKeypad
                value=value
                input_id="test-field"
                max_len=4
                described_by=Signal::derive(String::new)
                invalid=Signal::derive(|| false)
            />
        }
    });
    (container, value, handle)
}

fn press(container: &HtmlElement, label: &str) {
    let buttons = container.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == label {
            b.click();
            return;
        }
    }
    panic!("no key {label}");
}

fn field(container: &HtmlElement) -> HtmlInputElement {
    container
        .query_selector("#test-field")
        .unwrap()
        .expect("field")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn keys_delete_and_clear_edit_the_field() {
    let (c, value, _mounted) = mount();
    for key in ["7", "0", "0"] {
        press(&c, key);
    }
    settle().await;
    assert_eq!(value.get_untracked(), "700");
    assert_eq!(field(&c).value(), "700");
    press(&c, "删除");
    settle().await;
    assert_eq!(field(&c).value(), "70");
    press(&c, "清空");
    settle().await;
    assert_eq!(value.get_untracked(), "");
    assert_eq!(field(&c).value(), "");
}

#[wasm_bindgen_test]
async fn the_length_limit_holds_and_a_leading_zero_is_replaced() {
    let (c, value, _mounted) = mount();
    press(&c, "0");
    press(&c, "5");
    settle().await;
    assert_eq!(value.get_untracked(), "5");
    for key in ["1", "2", "3", "4", "5"] {
        press(&c, key);
    }
    settle().await;
    assert_eq!(value.get_untracked(), "5123");
}

#[wasm_bindgen_test]
async fn typed_text_keeps_only_digits() {
    let (c, value, _mounted) = mount();
    let input = field(&c);
    input.set_value("1a2b3");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(value.get_untracked(), "123");
    input.set_value("0007");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(value.get_untracked(), "7");
    input.set_value("000");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(value.get_untracked(), "0", "a lone zero is a real answer");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
}
