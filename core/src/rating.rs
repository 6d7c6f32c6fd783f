//! 好差评: the five-level rating a visitor gives at the end of a visit that did
//! something, with optional reasons. Government service terminals are one of the
//! official channels of the rating system, so its levels and wording follow it.
//!
//! A rating is anonymous by construction: it carries the level, the reasons and
//! what kind of visit it was, and nothing else. The server stores the hall and the
//! day, never the kiosk or the time (see the `ratings` migration). A visitor who
//! rates a visit poorly may ask to be called about it; that becomes an ordinary
//! callback request with the topic `feedback`, with no link to the rating.

use serde::{Deserialize, Serialize};

/// The five levels, best first (the order the kiosk shows them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 非常满意
    VerySatisfied,
    /// 满意
    Satisfied,
    /// 基本满意
    Fair,
    /// 不满意
    Dissatisfied,
    /// 非常不满意
    VeryDissatisfied,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::VerySatisfied,
        Level::Satisfied,
        Level::Fair,
        Level::Dissatisfied,
        Level::VeryDissatisfied,
    ];

    /// 5 for 非常满意 down to 1 for 非常不满意: the `level` column.
    pub fn score(self) -> i64 {
        match self {
            Level::VerySatisfied => 5,
            Level::Satisfied => 4,
            Level::Fair => 3,
            Level::Dissatisfied => 2,
            Level::VeryDissatisfied => 1,
        }
    }

    pub fn from_score(score: i64) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.score() == score)
    }

    /// 不满意 and 非常不满意: the visitor is offered a call about it (差评回访).
    pub fn is_poor(self) -> bool {
        self.score() <= 2
    }

    /// The reasons offered after this level: what went well after a good one,
    /// what went wrong after the others.
    pub fn reasons(self) -> &'static [Reason] {
        if self.score() >= 4 {
            &Reason::GOOD
        } else {
            &Reason::POOR
        }
    }
}

/// An optional reason chip. There is no free text: a rating stays anonymous only
/// if the visitor cannot type a name or a number into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    // What went well.
    EasyToUse,
    Quick,
    ClearInformation,
    Accessible,
    // What went wrong.
    HardToUse,
    TooSlow,
    UnclearInformation,
    HardToSeeOrHear,
    ServiceMissing,
}

impl Reason {
    pub const GOOD: [Reason; 4] = [
        Reason::EasyToUse,
        Reason::Quick,
        Reason::ClearInformation,
        Reason::Accessible,
    ];
    pub const POOR: [Reason; 5] = [
        Reason::HardToUse,
        Reason::TooSlow,
        Reason::UnclearInformation,
        Reason::HardToSeeOrHear,
        Reason::ServiceMissing,
    ];
    pub const ALL: [Reason; 9] = [
        Reason::EasyToUse,
        Reason::Quick,
        Reason::ClearInformation,
        Reason::Accessible,
        Reason::HardToUse,
        Reason::TooSlow,
        Reason::UnclearInformation,
        Reason::HardToSeeOrHear,
        Reason::ServiceMissing,
    ];

    /// The wire name, as stored in the `reasons` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::EasyToUse => "easy_to_use",
            Reason::Quick => "quick",
            Reason::ClearInformation => "clear_information",
            Reason::Accessible => "accessible",
            Reason::HardToUse => "hard_to_use",
            Reason::TooSlow => "too_slow",
            Reason::UnclearInformation => "unclear_information",
            Reason::HardToSeeOrHear => "hard_to_see_or_hear",
            Reason::ServiceMissing => "service_missing",
        }
    }
}

/// What the rated visit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flow {
    Booking,
    Callback,
    SelfCheck,
}

impl Flow {
    pub const ALL: [Flow; 3] = [Flow::Booking, Flow::Callback, Flow::SelfCheck];

    /// The wire name, as stored in the `flow` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::Booking => "booking",
            Flow::Callback => "callback",
            Flow::SelfCheck => "self_check",
        }
    }
}

/// Why a rating cannot be taken as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingProblem {
    /// A reason that does not go with the level (a "quick" 非常不满意).
    ReasonNotForLevel,
}

/// The reasons, sorted and without repeats, if each goes with `level`.
pub fn check_reasons(level: Level, reasons: &[Reason]) -> Result<Vec<Reason>, RatingProblem> {
    let offered = level.reasons();
    if reasons.iter().any(|r| !offered.contains(r)) {
        return Err(RatingProblem::ReasonNotForLevel);
    }
    let mut reasons = reasons.to_vec();
    reasons.sort();
    reasons.dedup();
    Ok(reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_run_from_five_to_one_and_back() {
        let scores: Vec<i64> = Level::ALL.iter().map(|l| l.score()).collect();
        assert_eq!(scores, [5, 4, 3, 2, 1]);
        for l in Level::ALL {
            assert_eq!(Level::from_score(l.score()), Some(l));
        }
        assert_eq!(Level::from_score(0), None);
        assert_eq!(Level::from_score(6), None);
    }

    #[test]
    fn only_the_two_lowest_levels_are_poor() {
        let poor: Vec<Level> = Level::ALL.into_iter().filter(|l| l.is_poor()).collect();
        assert_eq!(poor, [Level::Dissatisfied, Level::VeryDissatisfied]);
    }

    #[test]
    fn reasons_must_go_with_the_level_and_come_back_sorted_once() {
        assert_eq!(
            check_reasons(
                Level::Satisfied,
                &[Reason::Quick, Reason::EasyToUse, Reason::Quick]
            ),
            Ok(vec![Reason::EasyToUse, Reason::Quick])
        );
        assert_eq!(
            check_reasons(Level::VeryDissatisfied, &[Reason::Quick]),
            Err(RatingProblem::ReasonNotForLevel)
        );
        assert_eq!(
            check_reasons(Level::Fair, &[Reason::TooSlow]),
            Ok(vec![Reason::TooSlow])
        );
        assert_eq!(check_reasons(Level::Fair, &[]), Ok(vec![]));
    }

    #[test]
    fn every_reason_is_offered_after_some_level_and_wire_names_match_serde() {
        for r in Reason::ALL {
            assert!(Reason::GOOD.contains(&r) || Reason::POOR.contains(&r));
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::String(r.as_str().into())
            );
        }
        for f in Flow::ALL {
            assert_eq!(
                serde_json::to_value(f).unwrap(),
                serde_json::Value::String(f.as_str().into())
            );
        }
    }
}
