//! The one step protocol of every flow (booking, callback, self-check): a draft
//! knows its steps in order and what stops the visitor leaving each; from that
//! alone follow progress, Back, where Continue goes, and where a visitor who
//! arrived too early (a deep link, a stale history entry) is sent instead.

use std::sync::Arc;

use kiosk_core::{date::Date, eligibility::Standards};

use crate::text::Msg;

/// What the steps may depend on beyond the answers: the day, and the legal-aid
/// standards in force.
#[derive(Clone, Debug)]
pub struct At {
    pub today: Date,
    pub standards: Arc<Standards>,
}

/// A flow's draft: what the visitor has entered so far.
pub trait Wizard {
    type Step: Copy + Eq + std::fmt::Debug + Send + Sync + 'static;

    /// This visitor's steps, in order (they may depend on the answers).
    fn steps(&self, at: &At) -> Vec<Self::Step>;

    /// What stops the visitor leaving `step`, in words, if anything.
    fn check(&self, step: Self::Step, at: &At) -> Option<Msg>;

    /// The step that shows every answer before sending, when it is one of the
    /// steps (the self-check's review is a screen of its own).
    fn review(&self) -> Option<Self::Step> {
        None
    }

    /// Whether `step` counts in "step k of n" (the review of the self-check's
    /// questions does not).
    fn counts(&self, _step: Self::Step) -> bool {
        true
    }

    /// "Step k of n".
    fn position(&self, step: Self::Step, at: &At) -> (usize, usize) {
        let steps: Vec<_> = self
            .steps(at)
            .into_iter()
            .filter(|s| self.counts(*s))
            .collect();
        let k = steps
            .iter()
            .position(|s| *s == step)
            .map_or(steps.len(), |i| i + 1);
        (k, steps.len().max(k))
    }

    /// The step before `step` (`None` on the first: Back leaves the flow).
    fn previous(&self, step: Self::Step, at: &At) -> Option<Self::Step> {
        let steps = self.steps(at);
        let i = steps.iter().position(|s| *s == step)?;
        i.checked_sub(1).map(|i| steps[i])
    }

    /// The first step with a problem.
    fn first_problem(&self, at: &At) -> Option<(Self::Step, Msg)> {
        self.steps(at)
            .into_iter()
            .find_map(|s| self.check(s, at).map(|m| (s, m)))
    }

    /// Where Continue from `step` goes: the next step; or an earlier one still
    /// open; or, once everything is answered (a change made from the review), the
    /// review again. `None` means the review when it is not a step.
    fn after(&self, step: Self::Step, at: &At) -> Option<Self::Step> {
        let steps = self.steps(at);
        let here = steps.iter().position(|s| *s == step);
        let open = steps.iter().position(|s| self.check(*s, at).is_some());
        match (open, here) {
            (Some(open), Some(here)) if open > here => steps.get(here + 1).copied(),
            (Some(open), _) => Some(steps[open]),
            (None, _) => self.review(),
        }
    }

    /// Where a visitor who arrived at `step` should be instead: the first step
    /// still open before it, or the place to go on from when `step` is not one of
    /// theirs (any more). `None`: `step` may be shown.
    fn instead_of(&self, step: Self::Step, at: &At) -> Option<Option<Self::Step>> {
        let steps = self.steps(at);
        let Some(here) = steps.iter().position(|s| *s == step) else {
            return Some(self.after(step, at));
        };
        steps[..here]
            .iter()
            .find(|s| self.check(**s, at).is_some())
            .map(|s| Some(*s))
    }
}

/// Adds `item` if missing, removes it if present (a multiple-choice answer).
pub fn toggle<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if let Some(i) = items.iter().position(|n| *n == item) {
        items.remove(i);
    } else {
        items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three steps; `b` is skipped when `a` is 2; `c` reviews.
    #[derive(Default)]
    struct Draft {
        a: Option<u8>,
        b: Option<u8>,
    }

    impl Wizard for Draft {
        type Step = char;
        fn steps(&self, _: &At) -> Vec<char> {
            if self.a == Some(2) {
                vec!['a', 'c']
            } else {
                vec!['a', 'b', 'c']
            }
        }
        fn check(&self, step: char, _: &At) -> Option<Msg> {
            match step {
                'a' => self.a.is_none().then_some(Msg::ChooseService),
                'b' => self.b.is_none().then_some(Msg::ChooseDay),
                _ => None,
            }
        }
        fn review(&self) -> Option<char> {
            Some('c')
        }
    }

    fn at() -> At {
        At {
            today: Date::new(2026, 11, 29).unwrap(),
            standards: Arc::new(Standards::embedded().clone()),
        }
    }

    #[test]
    fn steps_follow_the_answers_with_progress_and_back() {
        let at = at();
        let mut d = Draft::default();
        assert_eq!(d.position('b', &at), (2, 3));
        assert_eq!(d.previous('a', &at), None);
        assert_eq!(d.previous('c', &at), Some('b'));
        d.a = Some(2);
        assert_eq!(d.position('c', &at), (2, 2));
        assert_eq!(d.previous('c', &at), Some('a'));
    }

    #[test]
    fn continue_goes_on_back_to_what_is_open_or_to_the_review() {
        let at = at();
        let mut d = Draft::default();
        assert_eq!(d.after('a', &at), Some('a'), "a itself is still open");
        d.a = Some(1);
        assert_eq!(d.after('a', &at), Some('b'));
        d.b = Some(1);
        assert_eq!(d.after('a', &at), Some('c'), "a change from the review");
        d.b = None;
        assert_eq!(d.after('c', &at), Some('b'), "an earlier step is open");
    }

    #[test]
    fn arriving_too_early_sends_to_the_first_open_step() {
        let at = at();
        let mut d = Draft::default();
        assert_eq!(d.instead_of('a', &at), None);
        assert_eq!(d.instead_of('c', &at), Some(Some('a')));
        d.a = Some(2);
        assert_eq!(
            d.instead_of('b', &at),
            Some(Some('c')),
            "b is not a step now"
        );
        assert_eq!(d.instead_of('c', &at), None);
    }

    #[test]
    fn toggling_adds_and_removes() {
        let mut v = vec![1];
        toggle(&mut v, 2);
        toggle(&mut v, 1);
        assert_eq!(v, [2]);
    }
}
