//! The frame of one step of a form flow (booking, callback, self-check): progress, the
//! focused heading, a hint, the step's error (visible and announced), the step's
//! content, then Back and, where the step has one, Continue.

use leptos::{html, prelude::*};

use crate::{
    components::focus_heading::FocusHeading,
    components::form::wizard::StepNav,
    text::{Msg, fill},
    visit::prefs::{tr, use_prefs, use_t},
};

/// Id of the step's error line, for `aria-describedby` of its fields.
pub const STEP_ERROR_ID: &str = "kiosk-step-error";

#[component]
pub fn FlowFrame(
    /// The step's heading.
    #[prop(into)]
    heading: Signal<Msg>,
    /// Progress, error, Back and Continue of the step.
    nav: StepNav,
    /// A line under the heading.
    #[prop(default = None, into)]
    hint: Option<Msg>,
    /// Whether the step has a Continue button (where choosing an answer moves
    /// on, it has none).
    #[prop(optional)]
    with_continue: bool,
    /// Whether Continue shows now (default: always, when there is one).
    #[prop(optional, into)]
    show_continue: Option<Signal<bool>>,
    /// How progress is said: "step k of n" unless given.
    #[prop(optional)]
    progress_template: Option<Msg>,
    children: Children,
) -> impl IntoView {
    let StepNav {
        progress,
        error,
        back: on_back,
        go,
    } = nav;
    let on_continue = with_continue.then_some(go);
    let t = use_t();
    let lang = use_prefs().lang;
    let error_line = NodeRef::<html::P>::new();
    // Every error is said in audio mode, as it appears.
    let announcer = crate::device::announce::Announcer::new();
    Effect::new(move |_| {
        if let Some(e) = error.get() {
            announcer.say(&[Msg::ErrorPrefix, e]);
        }
    });
    // Continue, and if the step refused, focus its error (WCAG 3.3.1): keyboard
    // and screen reader users land on why, and the next Tab reaches the field.
    let go_on = move || {
        if let Some(go) = on_continue {
            go.run(());
            if error.get_untracked().is_some()
                && let Some(p) = error_line.get_untracked()
            {
                let _ = p.focus();
            }
        }
    };
    let progress_text = move || {
        let (k, n) = progress.get();
        fill(
            progress_template
                .unwrap_or(Msg::StepTemplate)
                .text(lang.get()),
            &[("k", &k.to_string()), ("n", &n.to_string())],
        )
    };
    view! {
        <section class="kiosk-question kiosk-flow">
            <p class="kiosk-question__progress">{progress_text}</p>
            <FocusHeading text=heading />
            {hint.map(|h| view! { <p class="kiosk-question__hint">{tr(h)}</p> })}
            <p
                id=STEP_ERROR_ID
                class="kiosk-field__error kiosk-flow__error"
                role="alert"
                tabindex="-1"
                node_ref=error_line
            >
                {move || {
                    error
                        .get()
                        .map(|e| {
                            view! {
                                <span class="kiosk-visually-hidden">{t(Msg::ErrorPrefix)}</span>
                                {t(e)}
                            }
                        })
                }}
            </p>
            // A form, so Enter in a field continues (keyboard users need not tab
            // through an on-screen keyboard); every key of those is type="button".
            <form
                class="kiosk-flow__form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    go_on();
                }
            >
                {children()}
            </form>
            <div class="kiosk-question__actions">
                {on_continue
                    .map(|_| {
                        let label = Msg::Continue;
                        let shown = move || show_continue.is_none_or(|s| s.get());
                        view! {
                            <Show when=shown>
                                <button
                                    type="button"
                                    class="kiosk-button kiosk-button--primary kiosk-button--large"
                                    on:click=move |_| go_on()
                                >
                                    {tr(label)}
                                </button>
                            </Show>
                        }
                    })}
            </div>
            <div class="kiosk-question__nav">
                <button
                    type="button"
                    class="kiosk-button kiosk-button--secondary"
                    on:click=move |_| on_back.run(())
                >
                    <span aria-hidden="true">"← "</span>
                    {tr(Msg::Back)}
                </button>
            </div>
        </section>
    }
}
