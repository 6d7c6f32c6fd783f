//! The personal-data fields of the form flows in a real browser: the phone field
//! says certain problems while digits are typed and keeps leading zeros; the ID
//! field takes an X, masks a complete number and reveals it for ten seconds only.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use kiosk_core::rules::PhoneKind;
use legal_kiosk::{
    components::form::fields::{IdNumberField, PhoneField},
    text::Msg,
    visit::prefs::provide_prefs,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(20).await;
}

fn container() -> HtmlElement {
    let c: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&c).unwrap();
    c
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

fn input(container: &HtmlElement, id: &str) -> HtmlInputElement {
    container
        .query_selector(&format!("#{id}"))
        .unwrap()
        .expect("field")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_phone_number_is_checked_as_it_is_typed() {
    let c = container();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let _mounted = leptos::mount::mount_to(c.clone(), move || {
        provide_prefs();
        view! { <PhoneField value=value kind=PhoneKind::Mobile error=error /> }
    });
    settle().await;
    press(&c, "2");
    settle().await;
    assert_eq!(error.get_untracked(), Some(Msg::PhoneStartsWithOne));
    let field = input(&c, "kiosk-phone");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        field
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .contains("kiosk-step-error")
    );
    press(&c, "清空");
    for d in "138".chars() {
        press(&c, &d.to_string());
    }
    settle().await;
    assert_eq!(error.get_untracked(), None, "fixed as soon as it is fixed");
    for d in "123456789".chars() {
        press(&c, &d.to_string());
    }
    settle().await;
    assert_eq!(value.get_untracked(), "13812345678", "at most 11 digits");
}

#[wasm_bindgen_test]
async fn a_landline_keeps_its_leading_zero_and_typing_keeps_digits_only() {
    let c = container();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let _mounted = leptos::mount::mount_to(c.clone(), move || {
        provide_prefs();
        view! { <PhoneField value=value kind=PhoneKind::Any error=error /> }
    });
    let field = input(&c, "kiosk-phone");
    field.set_value("010-1234 5678");
    field.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(value.get_untracked(), "01012345678");
    assert_eq!(error.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn a_complete_id_number_is_masked_and_revealed_for_ten_seconds_only() {
    let c = container();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let _mounted = leptos::mount::mount_to(c.clone(), move || {
        provide_prefs();
        view! { <IdNumberField value=value error=error /> }
    });
    settle().await;
    for d in "11010519491231002".chars() {
        press(&c, &d.to_string());
    }
    settle().await;
    let field = input(&c, "kiosk-id-number");
    assert_eq!(field.value(), "11010519491231002", "shown while typing");
    press(&c, "X");
    settle().await;
    assert_eq!(value.get_untracked(), "11010519491231002X");
    assert_eq!(field.value(), "110***********002X", "masked once complete");
    assert!(field.read_only());
    assert_eq!(error.get_untracked(), None);
    press(&c, "显示 10 秒");
    settle().await;
    assert_eq!(field.value(), "11010519491231002X");
    TimeoutFuture::new(9_000).await;
    assert_eq!(field.value(), "11010519491231002X", "still shown at 9 s");
    TimeoutFuture::new(1_500).await;
    assert_eq!(
        field.value(),
        "110***********002X",
        "masked again after 10 s"
    );

    // A wrong check character is said as soon as the 18th character is in.
    press(&c, "删除");
    press(&c, "1");
    settle().await;
    assert_eq!(error.get_untracked(), Some(Msg::IdCheckCharacter));
}

#[wasm_bindgen_test]
async fn a_typed_id_number_takes_a_lowercase_x() {
    let c = container();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Msg>);
    let _mounted = leptos::mount::mount_to(c.clone(), move || {
        provide_prefs();
        view! { <IdNumberField value=value error=error /> }
    });
    let field = input(&c, "kiosk-id-number");
    field.set_value("11010519491231002x");
    field.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(value.get_untracked(), "11010519491231002X");
    assert_eq!(error.get_untracked(), None);
}
