//! Pieces both form flows (booking, callback) use inside their steps: the needs
//! chooser, the notice with its consent buttons, a row of the check screen, the
//! masked-data reveal, and the actions under a receipt.

use std::time::Duration;

use kiosk_core::{HOTLINE, Lang, api::Need};
use leptos::{
    leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle},
    prelude::*,
};
use leptos_router::components::A;

use crate::{
    components::answer_button::AnswerButton,
    finish_visit,
    i18n::{Msg, fill},
    prefs::{use_prefs, use_t},
};

/// How long "show" reveals masked personal data.
pub const REVEAL_FOR: Duration = Duration::from_secs(10);

/// The label of a need.
pub fn need_label(n: Need) -> Msg {
    match n {
        Need::Wheelchair => Msg::NeedWheelchair,
        Need::SignLanguage => Msg::NeedSignLanguage,
        Need::Interpreter => Msg::NeedInterpreter,
        Need::LargePrint => Msg::NeedLargePrint,
        Need::HomeVisit => Msg::NeedHomeVisit,
        Need::TextCommunication => Msg::NeedText,
        Need::Dialect => Msg::NeedDialect,
        Need::HearingAid => Msg::NeedHearingAid,
        Need::Other => Msg::NeedOther,
    }
}

/// The chosen needs in words, or "no help needed".
pub fn needs_text(needs: &[Need], lang: Lang) -> String {
    if needs.is_empty() {
        return Msg::NoNeeds.text(lang).to_owned();
    }
    needs
        .iter()
        .map(|n| need_label(*n).text(lang))
        .collect::<Vec<_>>()
        .join(if lang == Lang::ZhCn { "、" } else { "; " })
}

/// Adds `need` if missing, removes it if present.
pub fn toggle_need(needs: &mut Vec<Need>, need: Need) {
    if let Some(i) = needs.iter().position(|n| *n == need) {
        needs.remove(i);
    } else {
        needs.push(need);
    }
}

/// Square-ticked buttons, one per need, and "no help needed" (which clears them
/// and moves on).
#[component]
pub fn NeedsChooser(
    /// The needs offered, in order.
    offered: &'static [Need],
    /// The visitor's needs.
    #[prop(into)]
    chosen: Signal<Vec<Need>>,
    /// Adds or removes one.
    on_toggle: Callback<Need>,
    /// Clears them all and moves on.
    on_none: Callback<()>,
) -> impl IntoView {
    let t = use_t();
    view! {
        <ul class="kiosk-answers">
            {offered
                .iter()
                .map(|&need| {
                    view! {
                        <AnswerButton
                            label=Signal::derive(move || t(need_label(need)).to_owned())
                            chosen=Signal::derive(move || chosen.with(|c| c.contains(&need)))
                            multiple=true
                            on_choose=move || on_toggle.run(need)
                        />
                    }
                })
                .collect_view()}
        </ul>
        <button
            type="button"
            class="kiosk-button kiosk-button--secondary kiosk-button--large"
            on:click=move |_| on_none.run(())
        >
            {move || t(Msg::NoNeeds)}
        </button>
    }
}

/// The notice before consent (PIPL art. 17): who keeps the data, what and why,
/// how long, how to cancel, and its version; then "I agree" (never pre-chosen) or
/// "I do not agree", which says plainly what that means and where else to go.
#[component]
pub fn ConsentNotice(
    /// What is collected and why.
    what: Msg,
    /// How long it is kept.
    how_long: Msg,
    /// How to cancel or withdraw (`{hotline}` is filled in).
    cancel: Msg,
    /// The version sent with the submission.
    version: &'static str,
    /// The visitor agreed.
    on_agree: Callback<()>,
    /// The visitor did not agree.
    on_decline: Callback<()>,
) -> impl IntoView {
    let t = use_t();
    let lang = use_prefs().lang;
    let declined = RwSignal::new(false);
    view! {
        <div class="kiosk-consent">
            <h2 class="kiosk-consent__heading">{move || t(Msg::NoticeWhoHeading)}</h2>
            <p>{move || t(Msg::NoticeWho)}</p>
            <h2 class="kiosk-consent__heading">{move || t(Msg::NoticeWhatHeading)}</h2>
            <p>{move || t(what)}</p>
            <h2 class="kiosk-consent__heading">{move || t(Msg::NoticeHowLongHeading)}</h2>
            <p>{move || t(how_long)}</p>
            <h2 class="kiosk-consent__heading">{move || t(Msg::NoticeCancelHeading)}</h2>
            <p>{move || fill(cancel.text(lang.get()), &[("hotline", HOTLINE)])}</p>
            <p class="kiosk-consent__version">
                {move || fill(Msg::NoticeVersionTemplate.text(lang.get()), &[("v", version)])}
            </p>
        </div>
        <div class="kiosk-question__actions">
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large"
                on:click=move |_| on_agree.run(())
            >
                {move || t(Msg::Agree)}
            </button>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-button--large"
                on:click=move |_| {
                    declined.set(true);
                    on_decline.run(());
                }
            >
                {move || t(Msg::Disagree)}
            </button>
        </div>
        <div role="alert">
            <Show when=move || declined.get()>
                <p class="kiosk-consent__declined">
                    {move || fill(Msg::DeclinedBody.text(lang.get()), &[("hotline", HOTLINE)])}
                </p>
                <A href="/" attr:class="kiosk-button kiosk-button--secondary">
                    {move || t(Msg::BackToHome)}
                </A>
            </Show>
        </div>
    }
}

/// One answer on a check screen, with its Change link.
#[component]
pub fn SummaryRow(
    /// Where the answer is changed.
    href: String,
    /// What was asked.
    key: Msg,
    /// The answer as shown (masked where personal).
    #[prop(into)]
    value: Signal<String>,
) -> impl IntoView {
    let t = use_t();
    view! {
        <div class="kiosk-summary__row">
            <dt class="kiosk-summary__key">{move || t(key)}</dt>
            <dd class="kiosk-summary__value">{move || value.get()}</dd>
            <dd class="kiosk-summary__action">
                <A href=href attr:class="kiosk-button kiosk-button--secondary">
                    {move || t(Msg::Change)}
                    <span class="kiosk-visually-hidden">" " {move || t(key)}</span>
                </A>
            </dd>
        </div>
    }
}

/// Whether masked data is shown in full, and the action that shows it for
/// [`REVEAL_FOR`] (pressing again restarts the time).
pub fn use_reveal() -> (RwSignal<bool>, Callback<()>) {
    let revealed = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    on_cleanup(stop);
    let reveal = Callback::new(move |()| {
        stop();
        revealed.set(true);
        timer.set_value(set_timeout_with_handle(move || revealed.set(false), REVEAL_FOR).ok());
    });
    (revealed, reveal)
}

/// The "show for 10 seconds" button of [`use_reveal`].
#[component]
pub fn RevealButton(revealed: RwSignal<bool>, reveal: Callback<()>) -> impl IntoView {
    let t = use_t();
    view! {
        <button
            type="button"
            class="kiosk-button kiosk-button--secondary kiosk-field__reveal"
            aria-pressed=move || revealed.get().to_string()
            on:click=move |_| reveal.run(())
        >
            {move || if revealed.get() { t(Msg::ShownForTenSeconds) } else { t(Msg::ShowTenSeconds) }}
        </button>
    }
}

/// Sends the visitor to `path` on the next frame, replacing the history entry
/// (a screen reached too early: a deep link, a stale entry), and shows nothing.
pub fn redirect(path: String) -> AnyView {
    let navigate = leptos_router::hooks::use_navigate();
    request_animation_frame(move || {
        navigate(
            &path,
            leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    });
    ().into_any()
}

/// Prints the page; the print stylesheet shows only the receipt, sized for 80 mm
/// thermal paper.
pub fn print_receipt() {
    // A kiosk without a printer shows the browser's own message; nothing to add.
    let _ = window().print();
}

/// Print, and finish (which clears the visit), under a receipt.
#[component]
pub fn ReceiptActions() -> impl IntoView {
    let t = use_t();
    view! {
        <div class="kiosk-question__actions kiosk-done__actions">
            <button
                type="button"
                class="kiosk-button kiosk-button--primary kiosk-button--large"
                on:click=move |_| print_receipt()
            >
                {move || t(Msg::PrintReceipt)}
            </button>
            <button
                type="button"
                class="kiosk-button kiosk-button--secondary kiosk-button--large"
                on:click=move |_| finish_visit()
            >
                {move || t(Msg::FinishAndClear)}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_toggle_and_read_back_in_words() {
        let mut needs = vec![];
        toggle_need(&mut needs, Need::Wheelchair);
        toggle_need(&mut needs, Need::HearingAid);
        toggle_need(&mut needs, Need::Wheelchair);
        assert_eq!(needs, [Need::HearingAid]);
        assert_eq!(
            needs_text(&needs, Lang::En),
            "I use a hearing aid: please speak slowly"
        );
        assert_eq!(needs_text(&[], Lang::ZhCn), "不需要");
        assert_eq!(
            needs_text(&[Need::Wheelchair, Need::LargePrint], Lang::ZhCn),
            "轮椅通道或轮椅、大字材料"
        );
    }
}
