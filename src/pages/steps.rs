//! The steps several flows share, each written once: a phone number, the needs,
//! the notice and consent, and a line of text (a name, a note).

use kiosk_core::{api::Need, rules::PhoneKind};
use leptos::prelude::*;

use crate::{
    components::{
        field::Field,
        form::{
            consent::ConsentNotice,
            fields::PhoneField,
            frame::{FlowFrame, STEP_ERROR_ID},
            needs::NeedsChooser,
            wizard::StepNav,
        },
        name_keyboard::NameKeyboard,
    },
    flows::wizard::toggle,
    text::Msg,
    visit::prefs::{tr, use_t},
};

/// A phone number on the number pad, checked as it is typed.
#[component]
pub fn PhoneStep(heading: Msg, nav: StepNav, kind: PhoneKind, phone: Field) -> impl IntoView {
    view! {
        <FlowFrame heading=heading nav=nav with_continue=true>
            <PhoneField value=phone kind=kind error=nav.error />
        </FlowFrame>
    }
}

/// The help the visitor needs, several or none.
#[component]
pub fn NeedsStep(
    heading: Msg,
    nav: StepNav,
    /// The needs offered, in order.
    offered: &'static [Need],
    /// The visitor's needs in the draft.
    needs: Field<Vec<Need>>,
) -> impl IntoView {
    view! {
        <FlowFrame heading=heading nav=nav hint=Msg::ChooseSeveralHint with_continue=true>
            <NeedsChooser
                offered=offered
                chosen=needs.signal()
                on_toggle=Callback::new(move |need| needs.update(|chosen| toggle(chosen, need)))
                on_none=Callback::new(move |()| {
                    needs.set(Vec::new());
                    nav.go.run(());
                })
            />
        </FlowFrame>
    }
}

/// What a flow's notice says, and its version.
#[derive(Clone, Copy)]
pub struct Notice {
    /// What is collected and why.
    pub what: Msg,
    /// How long it is kept.
    pub how_long: Msg,
    /// How to cancel or withdraw.
    pub cancel: Msg,
    /// Sent with the submission.
    pub version: &'static str,
}

/// The notice before collecting personal data, and "I agree" or "I do not".
#[component]
pub fn ConsentStep(
    nav: StepNav,
    notice: Notice,
    /// The version agreed to, or `None` when the visitor declined.
    consent: Field<Option<String>>,
) -> impl IntoView {
    view! {
        <FlowFrame heading=Msg::NoticeHeading nav=nav>
            <ConsentNotice
                what=notice.what
                how_long=notice.how_long
                cancel=notice.cancel
                version=notice.version
                on_agree=Callback::new(move |()| {
                    consent.set(Some(notice.version.to_owned()));
                    nav.go.run(());
                })
                on_decline=Callback::new(move |()| consent.set(None))
            />
        </FlowFrame>
    }
}

/// What a line of text is, for [`TextStep`].
#[derive(Clone, Copy)]
pub struct TextLine {
    pub heading: Msg,
    pub hint: Msg,
    pub label: Msg,
    pub input_id: &'static str,
    pub max_len: usize,
    /// A name: the keyboard starts on the common surnames.
    pub surnames: bool,
    /// Whether the visitor may skip it.
    pub optional: bool,
}

/// A line of text on the name keyboard (a name, a note), with Skip when it may
/// be left out. Typing clears an old error.
#[component]
pub fn TextStep(nav: StepNav, line: TextLine, text: Field) -> impl IntoView {
    let t = use_t();
    let error = nav.error;
    Effect::new(move |_| {
        text.with(|_| ());
        error.set(None);
    });
    let skip = move |_| {
        text.set(String::new());
        nav.go.run(());
    };
    view! {
        <FlowFrame heading=line.heading nav=nav hint=line.hint with_continue=true>
            <div class="kiosk-field">
                <label class="kiosk-field__label" for=line.input_id>{move || t(line.label)}</label>
                <NameKeyboard
                    value=text
                    input_id=line.input_id
                    max_len=line.max_len
                    described_by=Signal::derive(move || {
                        if error.get().is_some() { STEP_ERROR_ID.to_owned() } else { String::new() }
                    })
                    invalid=Signal::derive(move || error.get().is_some())
                    surnames=line.surnames
                />
            </div>
            {line
                .optional
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="kiosk-button kiosk-button--secondary kiosk-button--large"
                            on:click=skip
                        >
                            {tr(Msg::SkipThis)}
                        </button>
                    }
                })}
        </FlowFrame>
    }
}
