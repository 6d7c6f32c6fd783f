//! Enumerations of core in the visitor's words: needs, topics, parts of the day,
//! the self-check's matters and routes, and every refusal, whether the kiosk or
//! the server found it.

use kiosk_core::{
    Lang,
    api::{Need, Period, Topic},
    eligibility::{CriminalCategory, Likelihood, Matter, Route, Status},
    rules::{PhoneProblem, Refusal},
    validate::IdNumberError,
};

use super::Msg;

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

pub fn topic_label(t: Topic) -> Msg {
    match t {
        Topic::Labour => Msg::TopicLabour,
        Topic::Family => Msg::TopicFamily,
        Topic::Marriage => Msg::TopicMarriage,
        Topic::Property => Msg::TopicProperty,
        Topic::Traffic => Msg::TopicTraffic,
        Topic::Consumer => Msg::TopicConsumer,
        Topic::Criminal => Msg::TopicCriminal,
        Topic::Administrative => Msg::TopicAdministrative,
        Topic::LegalAid => Msg::TopicLegalAid,
        Topic::Other => Msg::TopicOther,
        Topic::Feedback => Msg::TopicFeedback,
    }
}

pub fn period_label(p: Period) -> Msg {
    match p {
        Period::Morning => Msg::PeriodMorning,
        Period::Afternoon => Msg::PeriodAfternoon,
        Period::Evening => Msg::PeriodEvening,
    }
}

pub fn matter_label(m: Matter) -> Msg {
    match m {
        Matter::Wages => Msg::MatWages,
        Matter::WorkInjury => Msg::MatWorkInjury,
        Matter::LabourRelationship => Msg::MatLabourRelationship,
        Matter::SupportPayment => Msg::MatSupportPayment,
        Matter::AbuseAbandonmentDv => Msg::MatAbuse,
        Matter::CivilCapacity => Msg::MatCivilCapacity,
        Matter::TrafficAccident => Msg::MatTraffic,
        Matter::MedicalAccident => Msg::MatMedical,
        Matter::FoodDrugAccident => Msg::MatFoodDrug,
        Matter::EnvironmentalDamage => Msg::MatEnvironment,
        Matter::SocialInsuranceOrAssistance => Msg::MatSocialInsurance,
        Matter::PensionForBereavedOrDisabled => Msg::MatPension,
        Matter::StateCompensation => Msg::MatStateCompensation,
        Matter::AcquittalCompensation => Msg::MatAcquittal,
        Matter::CriminalDefence => Msg::MatCriminalDefence,
        Matter::CriminalVictim => Msg::MatCriminalVictim,
        Matter::CompulsoryMedicalTreatment => Msg::MatCompulsoryMedical,
        Matter::PetitionRetrial => Msg::MatPetition,
        Matter::Bravery => Msg::MatBravery,
        Matter::MartyrRights => Msg::MatMartyr,
        Matter::Other => Msg::MatOther,
    }
}

pub fn criminal_label(c: CriminalCategory) -> Msg {
    match c {
        CriminalCategory::Minor => Msg::CrimMinor,
        CriminalCategory::SensoryDisability => Msg::CrimSensory,
        CriminalCategory::MentalIncapacity => Msg::CrimMental,
        CriminalCategory::PossibleLifeOrDeath => Msg::CrimLifeDeath,
        CriminalCategory::DeathPenaltyReview => Msg::CrimDeathReview,
        CriminalCategory::InAbsentia => Msg::CrimAbsentia,
    }
}

pub fn status_label(s: Status) -> Msg {
    match s {
        Status::MigrantWorker => Msg::StMigrant,
        Status::Minor => Msg::StMinor,
        Status::Elderly => Msg::StElderly,
        Status::Disabled => Msg::StDisabled,
        Status::NoFixedIncome => Msg::StNoIncome,
        Status::SocialAssistance => Msg::StSocialAssistance,
        Status::JudicialAssistance => Msg::StJudicial,
        Status::PreferentialCare => Msg::StPreferential,
    }
}

pub fn route_label(r: Route) -> Msg {
    match r {
        Route::CriminalMandatory => Msg::RouteCriminalMandatory,
        Route::CriminalApply => Msg::RouteCriminalApply,
        Route::NoMeansTest => Msg::RouteNoMeansTest,
        Route::MeansWaived => Msg::RouteMeansWaived,
        Route::MeansTest => Msg::RouteMeansTest,
        Route::AlreadyRepresented => Msg::RouteAlreadyRepresented,
        Route::NotCovered => Msg::RouteNotCovered,
    }
}

pub fn likelihood_title(l: Likelihood) -> Msg {
    match l {
        Likelihood::Likely => Msg::LikelyTitle,
        Likelihood::Maybe => Msg::MaybeTitle,
        Likelihood::Unlikely => Msg::UnlikelyTitle,
    }
}

/// The words for an ID number problem.
pub fn id_message(e: IdNumberError) -> Msg {
    match e {
        IdNumberError::Empty => Msg::IdEmpty,
        IdNumberError::Length => Msg::IdLength,
        IdNumberError::Characters => Msg::IdCharacters,
        IdNumberError::Region => Msg::IdRegion,
        IdNumberError::BirthDate | IdNumberError::FutureBirthDate => Msg::IdBirthDate,
        IdNumberError::CheckCharacter => Msg::IdCheckCharacter,
    }
}

/// The words for a phone number problem.
pub fn phone_message(p: PhoneProblem) -> Msg {
    match p {
        PhoneProblem::Empty => Msg::PhoneEmpty,
        PhoneProblem::StartsWithOne => Msg::PhoneStartsWithOne,
        PhoneProblem::StartsWithOneOrZero => Msg::PhoneStartsWithOneOrZero,
        PhoneProblem::NotMobile => Msg::PhoneNotMobile,
        PhoneProblem::TooShort => Msg::PhoneTooShort,
        PhoneProblem::NotLandline => Msg::PhoneNotLandline,
    }
}

/// The words for a refusal, found by the kiosk or named by the server.
pub fn refusal_message(r: Refusal) -> Msg {
    match r {
        Refusal::NameRequired => Msg::NameRequired,
        Refusal::NameTooLong => Msg::NameTooLong,
        Refusal::Phone(p) => phone_message(p),
        Refusal::IdNumberRequired => Msg::IdEmpty,
        Refusal::IdNumber(e) => id_message(e),
        Refusal::IdNumberInvalid => Msg::IdInvalid,
        Refusal::NoteTooLong => Msg::NoteTooLong,
        Refusal::NameHidden(_) => Msg::NameHidden,
        Refusal::NoteHidden(_) => Msg::NoteHidden,
        Refusal::ConsentRequired => Msg::ConsentRequired,
        Refusal::SlotFull => Msg::SlotTaken,
        Refusal::SlotGone => Msg::SlotGone,
        Refusal::DuplicateBooking => Msg::DuplicateBooking,
        Refusal::TooManyCallbacks => Msg::TooManyCallbacks,
        Refusal::PreferredDate => Msg::ChooseWhen,
    }
}

/// The visitor's words for a server's refusal: the first of its codes this kiosk
/// knows, or a general line.
pub fn problem_message(problem: &kiosk_core::api::Problem) -> Msg {
    Refusal::from_problem(problem).map_or(Msg::RefusedGeneral, refusal_message)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use kiosk_core::{
        api::Problem,
        rules::{NAME_MAX, NOTE_MAX},
    };

    use super::*;

    #[test]
    fn refusals_are_explained_by_their_codes() {
        let problem = |code: &str| Problem {
            kind: "about:blank".into(),
            title: "Conflict".into(),
            status: 409,
            detail: String::new(),
            errors: BTreeMap::from([("slot_start".into(), vec![code.into()])]),
        };
        assert_eq!(problem_message(&problem("slot_full")), Msg::SlotTaken);
        assert_eq!(
            problem_message(&problem("invalid_id_number")),
            Msg::IdInvalid
        );
        assert_eq!(problem_message(&problem("whatever")), Msg::RefusedGeneral);
    }

    #[test]
    fn the_limits_said_are_cores_limits() {
        for lang in [Lang::ZhCn, Lang::En] {
            assert!(Msg::NameTooLong.text(lang).contains(&NAME_MAX.to_string()));
            assert!(Msg::NoteTooLong.text(lang).contains(&NOTE_MAX.to_string()));
        }
    }

    #[test]
    fn needs_read_back_in_words() {
        let needs = [Need::HearingAid];
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
