//! An in-app keyboard for names and short notes, for kiosks where the system input
//! method may be missing: a grid of the common surnames, and pinyin spelling over
//! the compact table in [`crate::text::pinyin`], plus Latin letters as typed (for
//! names written in Latin letters and the English interface), Space, Delete and
//! Clear. A physical keyboard and a system input method still type into the field.
//!
//! Surname grid and pinyin rather than handwriting: no handwriting recogniser fits
//! the WebAssembly budget, and a pinyin input-method crate's dictionary alone would
//! be larger than the whole app. The letter keys are alphabetical, not QWERTY: many
//! visitors have never used a keyboard, but everyone who learned pinyin at school
//! learned the alphabet in order.

use leptos::{html, prelude::*};

use crate::{
    components::field::Field,
    text::{
        Msg, fill,
        pinyin::{COMMON_SURNAMES, candidates},
    },
    visit::prefs::{tr, use_t},
};

/// Candidates shown at a time: a row or two of large keys, not a wall of them.
const PAGE_SIZE: usize = 12;

/// Most letters held before they are used: several syllables, or a long word in
/// Latin letters.
const MAX_LETTERS: usize = 32;

/// What the keyboard offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Surnames,
    Pinyin,
}

/// What the keys do to the text and to the letters typed but not yet used, apart
/// from the view.
#[derive(Debug)]
struct Edit<'a> {
    text: &'a mut String,
    letters: &'a mut String,
    max_len: usize,
}

impl Edit<'_> {
    /// Appends as much of `more` as fits in `max_len` characters; returns how many
    /// characters went in.
    fn append(&mut self, more: &str) -> usize {
        let room = self.max_len.saturating_sub(self.text.chars().count());
        let fitting: String = more.chars().take(room).collect();
        self.text.push_str(&fitting);
        fitting.chars().count()
    }

    /// Appends a candidate spelled by the first `spelled` letters and uses those
    /// letters up; when the text is full nothing happens. Returns whether it went in.
    fn choose(&mut self, c: char, spelled: usize) -> bool {
        let went_in = self.append(c.encode_utf8(&mut [0; 4])) == 1;
        if went_in {
            self.letters
                .replace_range(..spelled.min(self.letters.len()), "");
        }
        went_in
    }

    /// Appends the letters themselves, as many as fit; the rest stay.
    fn letters_as_typed(&mut self) {
        let letters = std::mem::take(self.letters);
        let taken = self.append(&letters);
        *self.letters = letters[taken..].to_owned();
    }

    /// Appends a space between words: none at the start, never two in a row.
    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.append(" ");
        }
    }

    /// Removes the last pending letter, or else the last character of the text.
    fn delete(&mut self) {
        if self.letters.pop().is_none() {
            self.text.pop();
        }
    }
}

/// A grid of character keys as HTML, for one handler on the grid to serve them
/// all ([`pressed_key`]). A hundred surname keys as views would be a hundred
/// views and closures to build: mounting them was most of the time of the tap
/// that opens a name step.
fn key_grid(keys: impl Iterator<Item = char>, kind: &str, lang: Option<&str>) -> String {
    let lang = lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
    keys.map(|c| {
        format!(
            "<button type=\"button\"{lang} class=\"kiosk-name-keyboard__key \
             kiosk-name-keyboard__key--{kind}\" data-key=\"{c}\">{c}</button>"
        )
    })
    .collect()
}

/// The character of the key of a [`key_grid`] that a click (or Enter) pressed.
fn pressed_key(ev: &leptos::ev::MouseEvent) -> Option<char> {
    use wasm_bindgen::JsCast;
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("button[data-key]")
        .ok()??
        .get_attribute("data-key")?
        .chars()
        .next()
}

#[component]
pub fn NameKeyboard(
    /// The text entered so far.
    #[prop(into)]
    value: Field,
    /// Id of the text field (for its `<label for>`).
    input_id: &'static str,
    /// Most characters accepted.
    max_len: usize,
    /// Ids of hint or error elements describing the field.
    #[prop(into)]
    described_by: Signal<String>,
    /// Whether the field is in error.
    #[prop(into)]
    invalid: Signal<bool>,
    /// Offer the common-surname grid (names); off for free text such as a note.
    #[prop(optional)]
    surnames: bool,
) -> impl IntoView {
    let t = use_t();
    let mode = RwSignal::new(if surnames {
        Mode::Surnames
    } else {
        Mode::Pinyin
    });
    // Letters typed on the pinyin keys, not yet turned into characters.
    let letters = RwSignal::new(String::new());
    let page = RwSignal::new(0_usize);
    let found = Memo::new(move |_| letters.with(|l| candidates(l)));
    let pages = move || found.with(|f| f.chars.len().div_ceil(PAGE_SIZE));
    let last_page = move || {
        found
            .with_untracked(|f| f.chars.len().div_ceil(PAGE_SIZE))
            .saturating_sub(1)
    };
    // While the system input method composes, the field holds unfinished text.
    let composing = StoredValue::new(false);
    let candidate_row = NodeRef::<html::Div>::new();
    let surname_hint_id = format!("{input_id}-surname-hint");

    let set_from_field = move |text: String| value.set(text.chars().take(max_len).collect());
    let edit = move |change: &dyn Fn(&mut Edit) -> bool| {
        value.update(|text| {
            letters
                .try_update(|letters| {
                    change(&mut Edit {
                        text,
                        letters,
                        max_len,
                    })
                })
                .unwrap_or(false)
        })
    };
    let switch_to = move |to: Mode| {
        mode.set(to);
        letters.set(String::new());
        page.set(0);
    };
    let type_letter = move |c: char| {
        letters.update(|l| {
            if l.len() < MAX_LETTERS {
                l.push(c);
            }
        });
        page.set(0);
    };
    let pick = move |c: char| {
        let spelled = found.with_untracked(|f| f.spelled);
        if edit(&|e| e.choose(c, spelled)) {
            page.set(0);
            // The pressed key went with the old candidates; keep keyboard users here.
            if let Some(row) = candidate_row.get_untracked() {
                let _ = row.focus();
            }
        }
    };
    let press = move |change: fn(&mut Edit)| {
        edit(&|e| {
            change(e);
            true
        });
        page.set(0);
    };

    let mode_button = move |to: Mode, label: Msg| {
        let pressed = move || mode.get() == to;
        view! {
            <button
                type="button"
                class="kiosk-name-keyboard__mode"
                aria-pressed=move || pressed().to_string()
                on:click=move |_| switch_to(to)
            >
                <span class="kiosk-name-keyboard__tick" aria-hidden="true">
                    {move || if pressed() { "✓" } else { "" }}
                </span>
                {tr(label)}
            </button>
        }
    };
    let surname_panel = move || {
        let hint_id = surname_hint_id.clone();
        view! {
            <p id=hint_id.clone() class="kiosk-name-keyboard__hint">
                {tr(Msg::NkSurnameHint)}
            </p>
            <div
                class="kiosk-name-keyboard__surnames"
                role="group"
                data-keygroup=""
                aria-label=tr(Msg::NkSurnames)
                aria-describedby=hint_id
                inner_html=key_grid(COMMON_SURNAMES.iter().copied(), "char", Some("zh-CN"))
                on:click=move |ev| {
                    if let Some(c) = pressed_key(&ev) {
                        edit(&|e| e.append(c.encode_utf8(&mut [0; 4])) > 0);
                    }
                }
            >
            </div>
        }
    };

    let status = move || {
        letters.with(|l| {
            if l.is_empty() {
                t(Msg::NkTypeHint).to_owned()
            } else if found.with(|f| f.chars.is_empty()) {
                format!(
                    "{} {}",
                    fill(t(Msg::NkTypedTemplate), &[("letters", l)]),
                    t(Msg::NkNoCandidates)
                )
            } else {
                fill(t(Msg::NkTypedTemplate), &[("letters", l)])
            }
        })
    };
    let shown = move || {
        found.with(|f| {
            f.chars
                .iter()
                .skip(page.get() * PAGE_SIZE)
                .take(PAGE_SIZE)
                .copied()
                .collect::<Vec<char>>()
        })
    };
    let pinyin_panel = move || {
        view! {
            <div class="kiosk-name-keyboard__compose">
                <p class="kiosk-name-keyboard__typed" role="status">
                    {status}
                </p>
                <button
                    type="button"
                    class="kiosk-name-keyboard__key kiosk-name-keyboard__key--action"
                    aria-disabled=move || letters.with(String::is_empty).to_string()
                    on:click=move |_| press(|e| e.letters_as_typed())
                >
                    {tr(Msg::NkUseLetters)}
                </button>
            </div>
            <div
                class="kiosk-name-keyboard__candidates"
                role="group"
                data-keygroup=""
                aria-label=tr(Msg::NkCandidates)
                tabindex="-1"
                node_ref=candidate_row
            >
                {move || {
                    shown()
                        .into_iter()
                        .map(|c| {
                            view! {
                                <button
                                    type="button"
                                    lang="zh-CN"
                                    class="kiosk-name-keyboard__key kiosk-name-keyboard__key--char"
                                    on:click=move |_| pick(c)
                                >
                                    {c.to_string()}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <Show when=move || { pages() > 1 }>
                <div class="kiosk-name-keyboard__pager">
                    <button
                        type="button"
                        class="kiosk-name-keyboard__key kiosk-name-keyboard__key--action"
                        aria-disabled=move || (page.get() == 0).to_string()
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                    >
                        {tr(Msg::NkPreviousPage)}
                    </button>
                    <span class="kiosk-name-keyboard__page">
                        {move || {
                            fill(
                                t(Msg::NkPageTemplate),
                                &[("k", &(page.get() + 1).to_string()), ("n", &pages().to_string())],
                            )
                        }}
                    </span>
                    <button
                        type="button"
                        class="kiosk-name-keyboard__key kiosk-name-keyboard__key--action"
                        aria-disabled=move || (page.get() + 1 >= pages()).to_string()
                        on:click=move |_| page.update(|p| *p = (*p + 1).min(last_page()))
                    >
                        {tr(Msg::NkNextPage)}
                    </button>
                </div>
            </Show>
            <div
                class="kiosk-name-keyboard__letters"
                role="group"
                data-keygroup=""
                aria-label=tr(Msg::NkLetterKeys)
                inner_html=key_grid('a'..='z', "letter", None)
                on:click=move |ev| {
                    if let Some(c) = pressed_key(&ev) {
                        type_letter(c);
                    }
                }
            >
            </div>
        }
    };

    let full_message = move || {
        value
            .with(|v| v.chars().count() >= max_len)
            .then(|| fill(t(Msg::NkFullTemplate), &[("n", &max_len.to_string())]))
    };

    view! {
        <input
            id=input_id
            class="kiosk-name-keyboard__field"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength=max_len.to_string()
            aria-describedby=move || Some(described_by.get()).filter(|ids| !ids.is_empty())
            aria-invalid=move || invalid.get().to_string()
            prop:value=move || value.get()
            on:compositionstart=move |_| composing.set_value(true)
            on:compositionend=move |ev| {
                composing.set_value(false);
                set_from_field(event_target_value(&ev));
            }
            on:input=move |ev| {
                if !composing.get_value() {
                    set_from_field(event_target_value(&ev));
                }
            }
        />
        <p class="kiosk-name-keyboard__full" role="status">
            {full_message}
        </p>
        <div class="kiosk-name-keyboard">
            <div class="kiosk-name-keyboard__bar">
                {surnames
                    .then(|| {
                        view! {
                            <div
                                class="kiosk-name-keyboard__modes"
                                role="group"
                                aria-label=tr(Msg::NkModeLabel)
                            >
                                {mode_button(Mode::Surnames, Msg::NkSurnames)}
                                {mode_button(Mode::Pinyin, Msg::NkPinyin)}
                            </div>
                        }
                    })}
                <div
                    class="kiosk-name-keyboard__edit"
                    role="group"
                    aria-label=tr(Msg::NkEditKeys)
                >
                    <button
                        type="button"
                        class="kiosk-name-keyboard__key kiosk-name-keyboard__key--action"
                        on:click=move |_| press(|e| e.space())
                    >
                        {tr(Msg::NkSpace)}
                    </button>
                    <button
                        type="button"
                        class="kiosk-name-keyboard__key kiosk-name-keyboard__key--action"
                        on:click=move |_| press(|e| e.delete())
                    >
                        {tr(Msg::KeyDelete)}
                    </button>
                    <button
                        type="button"
                        class="kiosk-name-keyboard__key kiosk-name-keyboard__key--action"
                        on:click=move |_| press(|e| {
                            e.text.clear();
                            e.letters.clear();
                        })
                    >
                        {tr(Msg::KeyClear)}
                    </button>
                </div>
            </div>
            {move || match mode.get() {
                Mode::Surnames => surname_panel().into_any(),
                Mode::Pinyin => pinyin_panel().into_any(),
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::Edit;

    /// Runs `change` on `text` with pending `letters` and a limit of `max_len`.
    fn edited(
        text: &str,
        letters: &str,
        max_len: usize,
        change: impl FnOnce(&mut Edit),
    ) -> (String, String) {
        let (mut text, mut letters) = (text.to_owned(), letters.to_owned());
        change(&mut Edit {
            text: &mut text,
            letters: &mut letters,
            max_len,
        });
        (text, letters)
    }

    #[test]
    fn appending_stops_at_the_length_limit_counting_characters_not_bytes() {
        let cases = [
            ("", "王", 4, "王"),
            ("王小", "abc", 4, "王小ab"),
            ("王小明", "丽", 3, "王小明"),
            ("", "李 雷", 10, "李 雷"),
        ];
        for (before, more, max_len, after) in cases {
            let (text, _) = edited(before, "", max_len, |e| {
                e.append(more);
            });
            assert_eq!(text, after, "{before} + {more}");
        }
    }

    #[test]
    fn a_chosen_character_uses_up_the_letters_that_spell_it_unless_the_text_is_full() {
        let cases = [
            ("王", "xiao", '小', 4, 20, ("王小", "")),
            ("", "xiaoming", '小', 4, 20, ("小", "ming")),
            ("王小明", "li", '丽', 2, 3, ("王小明", "li")),
        ];
        for (text, letters, c, spelled, max_len, after) in cases {
            let edited = edited(text, letters, max_len, |e| {
                e.choose(c, spelled);
            });
            assert_eq!(
                edited,
                (after.0.to_owned(), after.1.to_owned()),
                "{text} {letters}"
            );
        }
    }

    #[test]
    fn letters_as_typed_go_in_as_far_as_they_fit() {
        assert_eq!(
            edited("", "anna", 20, |e| e.letters_as_typed()),
            ("anna".into(), "".into())
        );
        assert_eq!(
            edited("王小", "abc", 3, |e| e.letters_as_typed()),
            ("王小a".into(), "bc".into())
        );
    }

    #[test]
    fn space_separates_words_but_neither_leads_nor_doubles() {
        assert_eq!(edited("anna", "", 20, |e| e.space()).0, "anna ");
        assert_eq!(edited("anna ", "", 20, |e| e.space()).0, "anna ");
        assert_eq!(edited("", "", 20, |e| e.space()).0, "");
        assert_eq!(edited("abc", "", 3, |e| e.space()).0, "abc");
    }

    #[test]
    fn delete_takes_a_pending_letter_before_a_character() {
        assert_eq!(
            edited("李", "le", 20, |e| e.delete()),
            ("李".into(), "l".into())
        );
        assert_eq!(
            edited("李雷", "", 20, |e| e.delete()),
            ("李".into(), "".into())
        );
        assert_eq!(edited("", "", 20, |e| e.delete()), ("".into(), "".into()));
    }
}
