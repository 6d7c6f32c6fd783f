//! The on-screen name keyboard in a real browser: surnames, pinyin candidates,
//! letters as typed, Space, Delete, Clear, the length limit and typing.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use legal_kiosk::{
    components::name_keyboard::NameKeyboard,
    visit::prefs::{Prefs, TextSize, provide_prefs},
};
use leptos::prelude::*;
use std::{cell::Cell, rc::Rc};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    TimeoutFuture::new(20).await;
}

struct Mounted<H> {
    container: HtmlElement,
    value: RwSignal<String>,
    invalid: RwSignal<bool>,
    prefs: Prefs,
    /// Unmounts when dropped.
    _handle: H,
}

/// Mounts a keyboard (with or without the surname grid) limited to `max_len`.
fn mount(max_len: usize, surnames: bool) -> Mounted<impl Drop> {
    mount_with(max_len, surnames, TextSize::Normal)
}

fn mount_with(max_len: usize, surnames: bool, text_size: TextSize) -> Mounted<impl Drop> {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let value = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let provided = Rc::new(Cell::new(None));
    let handle = leptos::mount::mount_to(container.clone(), {
        let provided = Rc::clone(&provided);
        move || {
            let prefs = provide_prefs();
            prefs.text_size.set(text_size);
            provided.set(Some(prefs));
            view! {
                <NameKeyboard
                    value=value
                    input_id="test-name"
                    max_len=max_len
                    described_by=Signal::derive(|| "test-hint".to_owned())
                    invalid=invalid
                    surnames=surnames
                />
            }
        }
    });
    Mounted {
        container,
        value,
        invalid,
        prefs: provided.get().expect("mounted"),
        _handle: handle,
    }
}

/// The buttons inside `container` matching `selector`.
fn buttons(container: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = container.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// A button's visible name, without the decorative tick of a pressed toggle.
fn name(button: &HtmlElement) -> String {
    let text = button.text_content().unwrap_or_default();
    text.trim().trim_start_matches('✓').trim().to_owned()
}

fn button(container: &HtmlElement, label: &str) -> HtmlElement {
    buttons(container, "button")
        .into_iter()
        .find(|b| name(b) == label)
        .unwrap_or_else(|| panic!("no key {label}"))
}

fn press(container: &HtmlElement, label: &str) {
    button(container, label).click();
}

fn type_letters(container: &HtmlElement, letters: &str) {
    for c in letters.chars() {
        press(container, &c.to_string());
    }
}

fn candidates(container: &HtmlElement) -> Vec<String> {
    buttons(container, ".kiosk-name-keyboard__candidates button")
        .iter()
        .map(name)
        .collect()
}

fn typed_line(container: &HtmlElement) -> String {
    container
        .query_selector(".kiosk-name-keyboard__typed")
        .unwrap()
        .expect("the typed-letters line")
        .text_content()
        .unwrap_or_default()
}

fn field(container: &HtmlElement) -> HtmlInputElement {
    container
        .query_selector("#test-name")
        .unwrap()
        .expect("field")
        .unchecked_into()
}

fn attr(element: &HtmlElement, name: &str) -> Option<String> {
    element.get_attribute(name)
}

#[wasm_bindgen_test]
async fn a_surname_key_puts_the_surname_in_the_field() {
    let m = mount(20, true);
    settle().await;
    let c = &m.container;
    assert_eq!(
        attr(&button(c, "常见姓氏"), "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        attr(&button(c, "拼音"), "aria-pressed").as_deref(),
        Some("false")
    );
    let tick = |label| {
        button(c, label)
            .text_content()
            .unwrap_or_default()
            .contains('✓')
    };
    assert!(
        tick("常见姓氏") && !tick("拼音"),
        "the chosen mode shows a tick, not only a colour"
    );
    let grid = buttons(c, ".kiosk-name-keyboard__surnames button");
    assert_eq!(grid.len(), 100, "the hundred commonest surnames");
    assert_eq!(name(&grid[0]), "王");
    assert!(
        grid.iter()
            .all(|b| attr(b, "lang").as_deref() == Some("zh-CN"))
    );
    assert!(
        grid.iter()
            .all(|b| attr(b, "type").as_deref() == Some("button"))
    );
    press(c, "王");
    settle().await;
    assert_eq!(m.value.get_untracked(), "王");
    assert_eq!(field(c).value(), "王");
}

#[wasm_bindgen_test]
async fn pinyin_letters_offer_candidates_and_choosing_one_appends_it() {
    let m = mount(20, true);
    let c = &m.container;
    press(c, "王");
    press(c, "拼音");
    settle().await;
    assert_eq!(
        attr(&button(c, "拼音"), "aria-pressed").as_deref(),
        Some("true")
    );
    assert!(
        buttons(c, ".kiosk-name-keyboard__surnames button").is_empty(),
        "the surname grid gives way to the letters"
    );
    type_letters(c, "xiao");
    settle().await;
    assert!(typed_line(c).contains("xiao"), "{}", typed_line(c));
    let offered = candidates(c);
    assert_eq!(offered[0], "小", "{offered:?}");
    assert!(offered.len() <= 12);
    press(c, "小");
    settle().await;
    assert_eq!(m.value.get_untracked(), "王小");
    assert!(
        !typed_line(c).contains("xiao"),
        "letters cleared: {}",
        typed_line(c)
    );
    assert!(candidates(c).is_empty());
}

#[wasm_bindgen_test]
async fn letters_past_one_syllable_stay_for_the_next_character() {
    let m = mount(20, false);
    let c = &m.container;
    settle().await;
    assert!(
        c.query_selector(".kiosk-name-keyboard__modes")
            .unwrap()
            .is_none(),
        "without surnames there is nothing to switch"
    );
    type_letters(c, "xiaoming");
    settle().await;
    assert_eq!(candidates(c)[0], "小");
    let key = button(c, "小");
    key.focus().unwrap();
    key.click();
    settle().await;
    assert!(typed_line(c).contains("ming"), "{}", typed_line(c));
    let focused = document().active_element().expect("focus kept");
    assert_eq!(
        focused.class_name(),
        "kiosk-name-keyboard__candidates",
        "focus stays with the candidates, not lost to the page"
    );
    assert_eq!(candidates(c)[0], "明");
    press(c, "明");
    settle().await;
    assert_eq!(m.value.get_untracked(), "小明");
}

#[wasm_bindgen_test]
async fn letters_go_in_as_typed_and_space_separates_words() {
    let m = mount(20, false);
    let c = &m.container;
    let use_letters = button(c, "输入字母");
    assert_eq!(attr(&use_letters, "aria-disabled").as_deref(), Some("true"));
    type_letters(c, "anna");
    settle().await;
    assert_eq!(
        attr(&use_letters, "aria-disabled").as_deref(),
        Some("false")
    );
    use_letters.click();
    press(c, "空格");
    type_letters(c, "li");
    use_letters.click();
    settle().await;
    assert_eq!(m.value.get_untracked(), "anna li");
    assert_eq!(field(c).value(), "anna li");
}

#[wasm_bindgen_test]
async fn the_keys_follow_the_display_language() {
    let m = mount(20, true);
    let c = &m.container;
    m.prefs.lang.set(kiosk_core::Lang::En);
    settle().await;
    for label in ["Common surnames", "Pinyin", "Space", "Delete", "Clear"] {
        button(c, label);
    }
    press(c, "Pinyin");
    settle().await;
    button(c, "Use letters as typed");
    assert!(typed_line(c).starts_with("Spell"), "{}", typed_line(c));
    m.prefs.lang.set(kiosk_core::Lang::ZhCn);
    settle().await;
}

#[wasm_bindgen_test]
async fn delete_takes_pending_letters_first_and_clear_empties_everything() {
    let m = mount(20, true);
    let c = &m.container;
    press(c, "李");
    press(c, "拼音");
    settle().await;
    type_letters(c, "le");
    settle().await;
    press(c, "删除");
    settle().await;
    assert_eq!(m.value.get_untracked(), "李", "a pending letter went first");
    assert!(typed_line(c).contains('l') && !typed_line(c).contains("le"));
    press(c, "删除");
    press(c, "删除");
    settle().await;
    assert_eq!(m.value.get_untracked(), "");
    type_letters(c, "li");
    settle().await;
    press(c, "李");
    type_letters(c, "lei");
    settle().await;
    assert_eq!(m.value.get_untracked(), "李");
    assert!(!candidates(c).is_empty());
    press(c, "清空");
    settle().await;
    assert_eq!(m.value.get_untracked(), "");
    assert_eq!(field(c).value(), "");
    assert!(candidates(c).is_empty());
}

#[wasm_bindgen_test]
async fn no_key_goes_past_the_length_limit() {
    let m = mount(3, true);
    let c = &m.container;
    press(c, "王");
    press(c, "拼音");
    settle().await;
    type_letters(c, "xiao");
    settle().await;
    press(c, "小");
    type_letters(c, "abc");
    press(c, "输入字母");
    settle().await;
    assert_eq!(m.value.get_untracked(), "王小a");
    assert!(
        typed_line(c).contains("bc"),
        "what did not fit stays: {}",
        typed_line(c)
    );
    let full = c
        .query_selector(".kiosk-name-keyboard__full")
        .unwrap()
        .unwrap();
    assert!(full.text_content().unwrap_or_default().contains('3'));
    press(c, "空格");
    press(c, "删除");
    press(c, "删除");
    settle().await;
    type_letters(c, "ming");
    settle().await;
    press(c, "明");
    settle().await;
    assert_eq!(m.value.get_untracked(), "王小a");
    assert!(
        typed_line(c).contains("ming"),
        "nothing went in, nothing was used up"
    );
}

#[wasm_bindgen_test]
async fn candidates_come_twelve_at_a_time_with_more() {
    let m = mount(20, false);
    let c = &m.container;
    press(c, "z");
    settle().await;
    let first = candidates(c);
    assert_eq!(first.len(), 12);
    let previous = button(c, "上一页");
    assert_eq!(attr(&previous, "aria-disabled").as_deref(), Some("true"));
    press(c, "更多");
    settle().await;
    let second = candidates(c);
    assert!(!second.is_empty() && second.iter().all(|s| !first.contains(s)));
    assert_eq!(attr(&previous, "aria-disabled").as_deref(), Some("false"));
    let page = c
        .query_selector(".kiosk-name-keyboard__page")
        .unwrap()
        .unwrap();
    assert!(page.text_content().unwrap_or_default().contains("第 2 页"));
    press(c, &second[0]);
    settle().await;
    assert_eq!(m.value.get_untracked(), second[0]);
}

#[wasm_bindgen_test]
async fn typing_and_input_method_composition_in_the_field_set_the_value() {
    let m = mount(4, true);
    let c = &m.container;
    let input = field(c);
    assert_eq!(
        attr(input.unchecked_ref(), "aria-describedby").as_deref(),
        Some("test-hint")
    );
    assert_eq!(
        attr(input.unchecked_ref(), "aria-invalid").as_deref(),
        Some("false")
    );
    m.invalid.set(true);
    input.set_value("李雷");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(m.value.get_untracked(), "李雷");
    assert_eq!(
        attr(input.unchecked_ref(), "aria-invalid").as_deref(),
        Some("true")
    );
    input.set_value("欧阳娜娜x");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(
        m.value.get_untracked(),
        "欧阳娜娜",
        "cut to four characters"
    );
    assert_eq!(input.value(), "欧阳娜娜");

    input.set_value("");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    input
        .dispatch_event(&Event::new("compositionstart").unwrap())
        .unwrap();
    input.set_value("zhang");
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(
        m.value.get_untracked(),
        "",
        "unfinished composition is left alone"
    );
    assert_eq!(input.value(), "zhang");
    input.set_value("张");
    input
        .dispatch_event(&Event::new("compositionend").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(m.value.get_untracked(), "张");
}

/// The kiosk's own stylesheets, for the layout test.
fn add_styles() {
    if document()
        .get_element_by_id("name-keyboard-test-styles")
        .is_some()
    {
        return;
    }
    let style = document().create_element("style").unwrap();
    style.set_id("name-keyboard-test-styles");
    style.set_text_content(Some(
        &[
            include_str!("../style/tokens.css"),
            include_str!("../style/base.css"),
            include_str!("../style/name_keyboard.css"),
        ]
        .concat(),
    ));
    document().head().unwrap().append_child(&style).unwrap();
}

/// Every key at least 60 × 60 CSS px, nothing wider than the container; returns the
/// height of the first letter or surname key.
fn check_layout(container: &HtmlElement, case: &str) -> i32 {
    for key in buttons(container, "button") {
        assert!(
            key.offset_width() >= 60 && key.offset_height() >= 60,
            "{case}: {} is {}×{}",
            name(&key),
            key.offset_width(),
            key.offset_height()
        );
    }
    assert!(
        container.scroll_width() <= container.client_width(),
        "{case}: {} px of content in {} px",
        container.scroll_width(),
        container.client_width()
    );
    buttons(
        container,
        ".kiosk-name-keyboard__surnames button, .kiosk-name-keyboard__letters button",
    )[0]
    .offset_height()
}

#[wasm_bindgen_test]
async fn keys_stay_large_and_nothing_overflows_at_every_text_size_and_orientation() {
    add_styles();
    // The kiosk's screens less the page padding (2rem each side).
    for (orientation, width) in [
        ("portrait", "calc(1080px - 4rem)"),
        ("landscape", "calc(1920px - 4rem)"),
    ] {
        let mut heights = Vec::new();
        for size in TextSize::ALL {
            let m = mount_with(20, true, size);
            let c = &m.container;
            c.set_attribute("style", &format!("width: {width}; overflow: auto"))
                .unwrap();
            settle().await;
            let case = format!("{orientation}, {}", size.attr());
            heights.push(check_layout(c, &format!("{case}, surnames")));
            press(c, "拼音");
            settle().await;
            press(c, "z");
            settle().await;
            assert!(
                c.query_selector(".kiosk-name-keyboard__pager")
                    .unwrap()
                    .is_some()
            );
            check_layout(c, &format!("{case}, pinyin"));
        }
        assert!(
            heights.windows(2).all(|w| w[0] < w[1]),
            "{orientation}: keys grow with the text size: {heights:?}"
        );
    }
    document()
        .document_element()
        .unwrap()
        .set_attribute("data-text-size", "normal")
        .unwrap();
}
