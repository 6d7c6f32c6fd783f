//! What a visitor's answers must be, in one home. The kiosk checks them as the
//! visitor types and again on Continue; the server refuses what breaks them with
//! the codes below. Both call these functions, so they cannot disagree, and a
//! refusal found by either is worded by the kiosk from the same [`Refusal`].

use crate::{
    date::Date,
    validate::{
        IdNumber, IdNumberError, PhoneError, normalize_mobile, normalize_phone, validate_id_number,
    },
};

/// Longest name, in characters (a name may be a surname only).
pub const NAME_MAX: usize = 30;
/// Longest note to the 12348 operator, in characters: a line, not a statement.
pub const NOTE_MAX: usize = 200;
/// Longest notice version a submission may carry.
pub const CONSENT_VERSION_MAX: usize = 32;
/// Length of a resident ID number.
pub const ID_NUMBER_LEN: usize = 18;

/// Which phone numbers a request takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// 11-digit mobile numbers only.
    Mobile,
    /// A mobile or a landline.
    Any,
}

impl PhoneKind {
    /// Bookings: the hall may send a reminder text, so a mobile.
    pub const BOOKING: PhoneKind = PhoneKind::Mobile;
    /// Callbacks: 12348 can ring either.
    pub const CALLBACK: PhoneKind = PhoneKind::Any;

    /// Most digits a field of this kind takes: 11 for a mobile, 12 for `0` +
    /// three-digit area code + 8 digits.
    pub fn max_digits(self) -> usize {
        match self {
            PhoneKind::Mobile => 11,
            PhoneKind::Any => 12,
        }
    }
}

/// Why a phone number is refused, as precisely as the digits show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    Empty,
    /// A mobile is wanted and the number does not start with 1.
    StartsWithOne,
    /// Neither a mobile (1…) nor a landline (0…).
    StartsWithOneOrZero,
    /// Starts with 1 but no mobile has that second digit, or has too many digits.
    NotMobile,
    /// A mobile with digits missing.
    TooShort,
    /// Starts with 0 but is not a landline number.
    NotLandline,
}

/// A problem already certain while the visitor is still typing `digits`, so it is
/// said at once instead of after they finish: a number that cannot start so, or
/// a second digit no mobile has. A landline's length depends on its area code and
/// is judged only when finished.
pub fn phone_as_typed(digits: &str, kind: PhoneKind) -> Option<PhoneProblem> {
    let b = digits.as_bytes();
    let landline = kind == PhoneKind::Any && b.first() == Some(&b'0');
    if b.is_empty() || landline {
        return None;
    }
    if b[0] != b'1' {
        return Some(match kind {
            PhoneKind::Mobile => PhoneProblem::StartsWithOne,
            PhoneKind::Any => PhoneProblem::StartsWithOneOrZero,
        });
    }
    if b.len() >= 2 && !(b'3'..=b'9').contains(&b[1]) {
        return Some(PhoneProblem::NotMobile);
    }
    None
}

/// A finished phone number of `kind`, normalized (separators and +86 removed),
/// or why it is refused.
pub fn check_phone(input: &str, kind: PhoneKind) -> Result<String, PhoneProblem> {
    let result = match kind {
        PhoneKind::Mobile => normalize_mobile(input),
        PhoneKind::Any => normalize_phone(input),
    };
    result.map_err(|e| match e {
        PhoneError::Empty => PhoneProblem::Empty,
        PhoneError::NotLandline => PhoneProblem::NotLandline,
        PhoneError::Characters | PhoneError::NotMobile => {
            let digits: String = input.chars().filter(char::is_ascii_digit).collect();
            match phone_as_typed(&digits, kind) {
                Some(problem) => problem,
                None if digits.starts_with('1') && digits.len() < 11 => PhoneProblem::TooShort,
                None => PhoneProblem::NotMobile,
            }
        }
    })
}

/// A character a name or a note must not carry: invisible, yet able to change
/// how the text around it is shown. A bidi override can make one name look like
/// another on a receipt or in the back office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
    /// and the direction marks U+200E, U+200F and U+061C.
    Direction,
    /// Zero-width spaces, word joiners and byte-order marks; a zero-width
    /// (non-)joiner except between two letters of a script that joins with it.
    ZeroWidth,
    /// C0 and C1 control characters and DEL (a note may still break lines).
    Control,
}

/// Scripts whose spelling uses U+200C ZERO WIDTH NON-JOINER and U+200D ZERO
/// WIDTH JOINER between letters: Arabic (Uyghur, Kazakh), Syriac, the Indic
/// scripts and Mongolian.
fn joins_with_zwj(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}' | '\u{0700}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{0900}'..='\u{0DFF}' | '\u{1800}'..='\u{18AF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The class of `c` if it is hidden wherever it stands (ZWJ and ZWNJ depend on
/// their neighbours and are not classed here).
fn hidden_class(c: char) -> Option<Hidden> {
    match c {
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => Some(Hidden::Direction),
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => Some(Hidden::ZeroWidth),
        c if c.is_control() => Some(Hidden::Control),
        _ => None,
    }
}

/// The class of the character at `i` of `chars`, in its place, if it is hidden.
fn hidden_at(chars: &[char], i: usize, line_breaks: bool) -> Option<Hidden> {
    match chars[i] {
        '\n' if line_breaks => None,
        '\u{200C}' | '\u{200D}' => {
            let joins = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|&c| joins_with_zwj(c))
            };
            (!(joins(i.checked_sub(1)) && joins(Some(i + 1)))).then_some(Hidden::ZeroWidth)
        }
        c => hidden_class(c),
    }
}

/// Where `text` breaks the rule: the first hidden character's class, or `None`.
/// `line_breaks` lets a note keep its `\n`.
pub fn find_hidden(text: &str, line_breaks: bool) -> Option<Hidden> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| hidden_at(&chars, i, line_breaks))
}

/// `text` with every hidden character removed (line breaks kept), for anything
/// shown or printed: text stored before the rule, or from a source that did not
/// check it.
pub fn strip_hidden(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    if (0..chars.len()).all(|i| hidden_at(&chars, i, true).is_none()) {
        return text.into();
    }
    (0..chars.len())
        .filter(|&i| hidden_at(&chars, i, true).is_none())
        .map(|i| chars[i])
        .collect::<String>()
        .into()
}

/// A required name, trimmed, or why not.
pub fn check_name(name: &str) -> Result<&str, Refusal> {
    let name = name.trim();
    if let Some(hidden) = find_hidden(name, false) {
        return Err(Refusal::NameHidden(hidden));
    }
    match name.chars().count() {
        0 => Err(Refusal::NameRequired),
        n if n > NAME_MAX => Err(Refusal::NameTooLong),
        _ => Ok(name),
    }
}

/// An optional name (a callback may have none): `None` when blank.
pub fn check_optional_name(name: &str) -> Result<Option<&str>, Refusal> {
    if name.trim().is_empty() {
        Ok(None)
    } else {
        check_name(name).map(Some)
    }
}

/// An optional note: `None` when blank.
pub fn check_note(note: &str) -> Result<Option<&str>, Refusal> {
    let note = note.trim();
    if let Some(hidden) = find_hidden(note, true) {
        return Err(Refusal::NoteHidden(hidden));
    }
    match note.chars().count() {
        0 => Ok(None),
        n if n > NOTE_MAX => Err(Refusal::NoteTooLong),
        _ => Ok(Some(note)),
    }
}

/// The version of the notice the visitor agreed to, or `consent_required`.
pub fn check_consent(version: Option<&str>) -> Result<&str, Refusal> {
    match version.map(str::trim) {
        Some(v) if !v.is_empty() && v.chars().count() <= CONSENT_VERSION_MAX => Ok(v),
        _ => Err(Refusal::ConsentRequired),
    }
}

/// A resident ID number checked as of `today`.
pub fn check_id_number(id: &str, today: Date) -> Result<IdNumber, Refusal> {
    validate_id_number(id, today).map_err(Refusal::IdNumber)
}

/// Why the answers of a booking or a callback cannot be accepted: found by the
/// kiosk before sending, or by the server, which names it by [`Refusal::code`] in
/// a 409 or 422 problem's `errors`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    NameRequired,
    NameTooLong,
    Phone(PhoneProblem),
    IdNumberRequired,
    /// What is wrong with an ID number, as the kiosk's check found it.
    IdNumber(IdNumberError),
    /// An ID number the server refused (its code does not say why).
    IdNumberInvalid,
    NoteTooLong,
    /// A name with an invisible direction, zero-width or control character.
    NameHidden(Hidden),
    /// A note with an invisible direction, zero-width or control character.
    NoteHidden(Hidden),
    ConsentRequired,
    /// The chosen time has no seat left.
    SlotFull,
    /// The chosen time is not offered (any more).
    SlotGone,
    /// This phone already has a booking at that time.
    DuplicateBooking,
    /// This phone has asked for too many callbacks today.
    TooManyCallbacks,
    /// The day chosen for the call is not one that can be chosen.
    PreferredDate,
}

impl Refusal {
    /// The machine code of this refusal in the API's problem details.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NameRequired => "name_required",
            Refusal::NameTooLong => "name_too_long",
            Refusal::Phone(_) => "invalid_phone",
            Refusal::IdNumberRequired => "id_number_required",
            Refusal::IdNumber(_) | Refusal::IdNumberInvalid => "invalid_id_number",
            Refusal::NoteTooLong => "note_too_long",
            Refusal::NameHidden(Hidden::Direction) => "name_bidi_control",
            Refusal::NameHidden(Hidden::ZeroWidth) => "name_zero_width",
            Refusal::NameHidden(Hidden::Control) => "name_control_character",
            Refusal::NoteHidden(Hidden::Direction) => "note_bidi_control",
            Refusal::NoteHidden(Hidden::ZeroWidth) => "note_zero_width",
            Refusal::NoteHidden(Hidden::Control) => "note_control_character",
            Refusal::ConsentRequired => "consent_required",
            Refusal::SlotFull => "slot_full",
            Refusal::SlotGone => "invalid_slot",
            Refusal::DuplicateBooking => "duplicate_booking",
            Refusal::TooManyCallbacks => "too_many_callbacks",
            Refusal::PreferredDate => "invalid_preferred_date",
        }
    }

    /// The refusal a server's code names, if the kiosk knows it. A code says less
    /// than a local check: the phone and ID number refusals it gives are general.
    pub fn from_code(code: &str) -> Option<Refusal> {
        Some(match code {
            "name_required" => Refusal::NameRequired,
            "name_too_long" => Refusal::NameTooLong,
            "invalid_phone" => Refusal::Phone(PhoneProblem::NotMobile),
            "id_number_required" => Refusal::IdNumberRequired,
            "invalid_id_number" => Refusal::IdNumberInvalid,
            "note_too_long" => Refusal::NoteTooLong,
            "name_bidi_control" => Refusal::NameHidden(Hidden::Direction),
            "name_zero_width" => Refusal::NameHidden(Hidden::ZeroWidth),
            "name_control_character" => Refusal::NameHidden(Hidden::Control),
            "note_bidi_control" => Refusal::NoteHidden(Hidden::Direction),
            "note_zero_width" => Refusal::NoteHidden(Hidden::ZeroWidth),
            "note_control_character" => Refusal::NoteHidden(Hidden::Control),
            "consent_required" => Refusal::ConsentRequired,
            "slot_full" => Refusal::SlotFull,
            "invalid_slot" | "slot_in_past" => Refusal::SlotGone,
            "duplicate_booking" => Refusal::DuplicateBooking,
            "too_many_callbacks" => Refusal::TooManyCallbacks,
            "invalid_preferred_date" => Refusal::PreferredDate,
            _ => return None,
        })
    }

    /// The first refusal the kiosk knows among a problem's codes.
    pub fn from_problem(problem: &crate::api::Problem) -> Option<Refusal> {
        problem
            .errors
            .values()
            .flatten()
            .find_map(|code| Refusal::from_code(code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Names as real visitors spell them: Han, a Uyghur name transliterated with
    /// the middle dot and in Arabic script, Latin with diacritics, Mongolian,
    /// Tibetan, and Devanagari whose spelling needs a zero-width joiner.
    const REAL_NAMES: [&str; 9] = [
        "阿依古丽·买买提",
        "Zoë",
        "欧阳娜娜",
        "Li Lei",
        "ئايگۈل",
        "ᠪᠠᠲᠤ",
        "བཀྲ་ཤིས།",
        "क्\u{200D}ष",
        "François Müller",
    ];

    #[test]
    fn real_names_are_accepted_and_shown_unchanged() {
        for name in REAL_NAMES {
            assert_eq!(check_name(name), Ok(name), "{name:?}");
            assert_eq!(check_note(name), Ok(Some(name)), "{name:?}");
            assert_eq!(strip_hidden(name), name, "{name:?}");
        }
    }

    #[test]
    fn each_class_of_hidden_character_is_refused_with_its_own_code() {
        let cases = [
            (
                "\u{202E}evil",
                Hidden::Direction,
                "name_bidi_control",
                "note_bidi_control",
            ),
            (
                "a\u{2066}b\u{2069}",
                Hidden::Direction,
                "name_bidi_control",
                "note_bidi_control",
            ),
            (
                "张\u{200F}三",
                Hidden::Direction,
                "name_bidi_control",
                "note_bidi_control",
            ),
            (
                "张\u{200B}三",
                Hidden::ZeroWidth,
                "name_zero_width",
                "note_zero_width",
            ),
            (
                "\u{FEFF}张三",
                Hidden::ZeroWidth,
                "name_zero_width",
                "note_zero_width",
            ),
            // A joiner between Han characters joins nothing: hidden.
            (
                "张\u{200D}三",
                Hidden::ZeroWidth,
                "name_zero_width",
                "note_zero_width",
            ),
            (
                "张\u{0007}三",
                Hidden::Control,
                "name_control_character",
                "note_control_character",
            ),
            (
                "张\u{0085}三",
                Hidden::Control,
                "name_control_character",
                "note_control_character",
            ),
            (
                "张\t三",
                Hidden::Control,
                "name_control_character",
                "note_control_character",
            ),
        ];
        for (text, class, name_code, note_code) in cases {
            assert_eq!(find_hidden(text, false), Some(class), "{text:?}");
            let refusal = check_name(text).unwrap_err();
            assert_eq!(refusal, Refusal::NameHidden(class));
            assert_eq!(refusal.code(), name_code);
            assert_eq!(Refusal::from_code(name_code), Some(refusal));
            let refusal = check_note(text).unwrap_err();
            assert_eq!(refusal.code(), note_code);
            assert_eq!(Refusal::from_code(note_code), Some(refusal));
        }
    }

    #[test]
    fn a_note_may_break_lines_and_a_name_may_not() {
        assert_eq!(check_note("第一行\n第二行"), Ok(Some("第一行\n第二行")));
        assert_eq!(
            check_name("张\n三"),
            Err(Refusal::NameHidden(Hidden::Control))
        );
        assert_eq!(strip_hidden("\u{202E}张\u{200B}三\n"), "张三\n");
    }

    proptest! {
        #[test]
        fn stripping_leaves_nothing_hidden_and_changes_nothing_else(text in any::<String>()) {
            let stripped = strip_hidden(&text);
            prop_assert_eq!(find_hidden(&stripped, true), None);
            prop_assert_eq!(strip_hidden(&stripped), stripped.clone());
            prop_assert_eq!(stripped == text, find_hidden(&text, true).is_none());
        }

        #[test]
        fn a_direction_control_anywhere_in_a_name_is_refused(
            name in prop::sample::select(REAL_NAMES.to_vec()),
            at in 0usize..20,
            control in prop::sample::select(vec!['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
        ) {
            let mut chars: Vec<char> = name.chars().collect();
            chars.insert(at.min(chars.len()), control);
            let name: String = chars.into_iter().collect();
            // Beside a joiner, the joiner no longer joins and may be named first.
            let class = if name.contains('\u{200D}') {
                find_hidden(&name, false).unwrap()
            } else {
                Hidden::Direction
            };
            prop_assert!(class != Hidden::Control);
            prop_assert_eq!(check_name(&name), Err(Refusal::NameHidden(class)));
            prop_assert_eq!(check_note(&name), Err(Refusal::NoteHidden(class)));
        }

        #[test]
        fn names_without_hidden_characters_pass_the_rule(text in "[\\p{Han}\\p{Latin}·\\x{0621}-\\x{064A}\\x{1820}-\\x{1877} ]{1,30}") {
            prop_assert_eq!(find_hidden(&text, false), None);
        }
    }

    #[test]
    fn certain_phone_problems_are_known_while_typing() {
        use PhoneKind::*;
        assert_eq!(phone_as_typed("", Mobile), None);
        assert_eq!(phone_as_typed("138", Mobile), None);
        assert_eq!(
            phone_as_typed("2", Mobile),
            Some(PhoneProblem::StartsWithOne)
        );
        assert_eq!(
            phone_as_typed("0", Mobile),
            Some(PhoneProblem::StartsWithOne)
        );
        assert_eq!(phone_as_typed("12", Mobile), Some(PhoneProblem::NotMobile));
        assert_eq!(phone_as_typed("010", Any), None, "a landline");
        assert_eq!(
            phone_as_typed("5", Any),
            Some(PhoneProblem::StartsWithOneOrZero)
        );
    }

    #[test]
    fn finished_numbers_are_normalized_or_refused_precisely() {
        use PhoneKind::*;
        assert_eq!(check_phone("13812345678", Mobile), Ok("13812345678".into()));
        assert_eq!(
            check_phone("+86 138-1234-5678", Mobile),
            Ok("13812345678".into())
        );
        assert_eq!(check_phone("", Mobile), Err(PhoneProblem::Empty));
        assert_eq!(
            check_phone("1381234567", Mobile),
            Err(PhoneProblem::TooShort)
        );
        assert_eq!(
            check_phone("138123456789", Mobile),
            Err(PhoneProblem::NotMobile)
        );
        assert_eq!(
            check_phone("01012345678", Mobile),
            Err(PhoneProblem::StartsWithOne)
        );
        assert_eq!(check_phone("01012345678", Any), Ok("01012345678".into()));
        assert_eq!(check_phone("0101234", Any), Err(PhoneProblem::NotLandline));
        assert_eq!(check_phone("13812345678", Any), Ok("13812345678".into()));
        for n in ["13812345678", "01012345678"] {
            assert!(n.len() <= Any.max_digits());
        }
    }

    #[test]
    fn names_notes_and_consent_have_one_limit_each() {
        assert_eq!(check_name("  张三 "), Ok("张三"));
        assert_eq!(check_name("  "), Err(Refusal::NameRequired));
        assert_eq!(
            check_name(&"张".repeat(NAME_MAX)).map(str::len),
            Ok(3 * NAME_MAX)
        );
        assert_eq!(
            check_name(&"张".repeat(NAME_MAX + 1)),
            Err(Refusal::NameTooLong)
        );
        assert_eq!(check_optional_name(" "), Ok(None));
        assert_eq!(check_note(""), Ok(None));
        assert_eq!(
            check_note(&"字".repeat(NOTE_MAX)).map(|n| n.is_some()),
            Ok(true)
        );
        assert_eq!(
            check_note(&"字".repeat(NOTE_MAX + 1)),
            Err(Refusal::NoteTooLong)
        );
        assert_eq!(check_consent(None), Err(Refusal::ConsentRequired));
        assert_eq!(check_consent(Some(" ")), Err(Refusal::ConsentRequired));
        assert_eq!(
            check_consent(Some("booking-2026-11")),
            Ok("booking-2026-11")
        );
    }

    #[test]
    fn every_refusal_survives_its_code() {
        let all = [
            Refusal::NameRequired,
            Refusal::NameTooLong,
            Refusal::Phone(PhoneProblem::NotMobile),
            Refusal::IdNumberRequired,
            Refusal::IdNumberInvalid,
            Refusal::NoteTooLong,
            Refusal::ConsentRequired,
            Refusal::SlotFull,
            Refusal::SlotGone,
            Refusal::DuplicateBooking,
            Refusal::TooManyCallbacks,
            Refusal::PreferredDate,
        ];
        for r in all {
            assert_eq!(Refusal::from_code(r.code()), Some(r), "{r:?}");
        }
        assert_eq!(Refusal::from_code("slot_in_past"), Some(Refusal::SlotGone));
        let local = Refusal::IdNumber(IdNumberError::CheckCharacter);
        assert_eq!(
            Refusal::from_code(local.code()),
            Some(Refusal::IdNumberInvalid)
        );
        assert_eq!(Refusal::from_code("whatever"), None);
    }
}
