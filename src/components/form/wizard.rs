//! A flow's steps as its screens use them: which screen a step is, and for one
//! step its progress, its error line, Back, and Continue (check, then move on).
//! Written once for booking, callback and the self-check.

use leptos::prelude::*;

use crate::{
    api::eligibility::standards,
    device::clock::today,
    flows::wizard::{At, Wizard},
    screen::{self, Screen},
    text::Msg,
};

/// A flow's draft with the screens of its steps.
pub trait FlowScreens: Wizard + Send + Sync + 'static {
    /// The screen of `step`.
    fn screen(step: Self::Step) -> Screen;
    /// Where Back from the first step goes.
    const LEAVE: Screen;
    /// Where Continue goes once every step is answered, when the review is not
    /// one of the steps.
    const REVIEW: Screen;
}

/// What the steps depend on now: today, and the standards in force.
pub fn at() -> At {
    At {
        today: today(),
        standards: standards(),
    }
}

fn target<W: FlowScreens>(step: Option<W::Step>) -> Screen {
    step.map_or(W::REVIEW, W::screen)
}

/// One step's navigation.
#[derive(Clone, Copy)]
pub struct StepNav {
    /// "Step k of n".
    pub progress: Signal<(usize, usize)>,
    /// Why the visitor cannot move on, shown and spoken by the frame.
    pub error: RwSignal<Option<Msg>>,
    /// The previous step, or out of the flow from the first.
    pub back: Callback<()>,
    /// Checks the step and moves on, or puts the reason in `error`.
    pub go: Callback<()>,
}

/// The navigation of `step` of the flow whose draft is `draft`.
pub fn step_nav<W: FlowScreens>(draft: RwSignal<W>, step: W::Step) -> StepNav {
    let error = RwSignal::new(None);
    StepNav {
        progress: Signal::derive(move || draft.with(|d| d.position(step, &at()))),
        error,
        back: Callback::new(move |()| {
            let previous = draft.with_untracked(|d| d.previous(step, &at()));
            screen::go(previous.map_or(W::LEAVE, W::screen));
        }),
        go: Callback::new(move |()| {
            let at = at();
            match draft.with_untracked(|d| d.check(step, &at).ok_or_else(|| d.after(step, &at))) {
                Ok(problem) => error.set(Some(problem)),
                Err(next) => screen::go(target::<W>(next)),
            }
        }),
    }
}

/// For a visitor who arrived at `step` before its time (a deep link, a stale
/// history entry): the redirect to where they should be. `None`: show the step.
pub fn arrive_at<W: FlowScreens>(draft: RwSignal<W>, step: W::Step) -> Option<AnyView> {
    draft
        .with_untracked(|d| d.instead_of(step, &at()))
        .map(|instead| screen::redirect(target::<W>(instead)))
}
