//! Validators for what visitors type: resident ID numbers and phone numbers
//! (DOMAIN.md §5). Each error has a stable machine code, used in the API's
//! problem+json `errors` map and as the key of the kiosk's translated message.

use crate::date::Date;

/// ISO 7064 MOD 11-2 weights for the first 17 characters (GB 11643-1999).
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for `S mod 11` = 0..=10.
const ID_CHECK: [u8; 11] = *b"10X98765432";

/// Two-digit province-level prefixes of GB/T 2260, plus 81/82/83 for the residence
/// permits of Hong Kong, Macao and Taiwan residents. County codes are not checked:
/// abolished codes stay valid on IDs issued before.
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// Why an ID number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdNumberError {
    /// Nothing was entered.
    Empty,
    /// Not 18 characters (15-digit first-generation numbers are obsolete).
    Length,
    /// A character other than digits and a final X.
    Characters,
    /// The first digits are not a province (or permit/foreigner) code.
    Region,
    /// Characters 7–14 are not a real date.
    BirthDate,
    /// The birth date lies after today.
    FutureBirthDate,
    /// The 18th character does not match MOD 11-2: a typo somewhere.
    CheckCharacter,
}

impl IdNumberError {
    /// Stable machine code for API errors and message lookup.
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "id_number_empty",
            Self::Length => "id_number_length",
            Self::Characters => "id_number_characters",
            Self::Region => "id_number_region",
            Self::BirthDate => "id_number_birth_date",
            Self::FutureBirthDate => "id_number_future_birth_date",
            Self::CheckCharacter => "id_number_check_character",
        }
    }
}

/// A resident ID number that passed every check, in canonical form (upper-case X).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdNumber(String);

/// Sex recorded by the 17th digit (odd = male, even = female).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordedSex {
    Male,
    Female,
}

impl IdNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date encoded in characters 7–14.
    pub fn birth_date(&self) -> Date {
        Date::parse_compact(&self.0[6..14]).expect("checked at construction")
    }

    /// The sex encoded by the 17th digit.
    pub fn recorded_sex(&self) -> RecordedSex {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            RecordedSex::Male
        } else {
            RecordedSex::Female
        }
    }
}

/// The MOD 11-2 check character for 17 leading digits.
fn check_character(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    ID_CHECK[(sum % 11) as usize]
}

/// Validates an 18-character resident ID number (GB 11643-1999), also the residence
/// permits of HK/Macao/Taiwan residents (81/82/83…) and the 2023 foreign permanent
/// residence ID card (9 + province…), which share the layout and check character.
/// Spaces are ignored and a lower-case `x` is accepted. `today` bounds the birth date.
pub fn validate_id_number(input: &str, today: Date) -> Result<IdNumber, IdNumberError> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if s.is_empty() {
        return Err(IdNumberError::Empty);
    }
    let b = s.as_bytes();
    let well_formed = b
        .iter()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || (i == 17 && *c == b'X'));
    if !well_formed {
        return Err(IdNumberError::Characters);
    }
    if b.len() != 18 {
        return Err(IdNumberError::Length);
    }
    let two = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
    let region_ok = if b[0] == b'9' {
        PROVINCES.contains(&two(1))
    } else {
        PROVINCES.contains(&two(0))
    };
    if !region_ok {
        return Err(IdNumberError::Region);
    }
    let birth = Date::parse_compact(&s[6..14]).ok_or(IdNumberError::BirthDate)?;
    if birth > today {
        return Err(IdNumberError::FutureBirthDate);
    }
    if check_character(&b[..17]) != b[17] {
        return Err(IdNumberError::CheckCharacter);
    }
    Ok(IdNumber(s))
}

/// Why a phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Nothing was entered.
    Empty,
    /// Something other than digits, spaces, hyphens, brackets or a leading +86.
    Characters,
    /// Not a mobile number: 11 digits starting 13–19.
    NotMobile,
    /// Not a landline number: 0 + area code + 7 or 8 digits.
    NotLandline,
}

impl PhoneError {
    /// Stable machine code for API errors and message lookup.
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "phone_empty",
            Self::Characters => "phone_characters",
            Self::NotMobile => "phone_not_mobile",
            Self::NotLandline => "phone_not_landline",
        }
    }
}

/// Digits of a phone number and whether it was written with the +86 / 0086 country
/// prefix (then a landline has lost its trunk 0).
struct PhoneDigits {
    digits: String,
    international: bool,
}

/// Strips separators and the +86 / 0086 country prefix; refuses other characters.
fn phone_digits(input: &str) -> Result<PhoneDigits, PhoneError> {
    let compact: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '\u{3000}'))
        .collect();
    if compact.is_empty() {
        return Err(PhoneError::Empty);
    }
    let rest = compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"));
    let international = rest.is_some();
    let rest = rest.unwrap_or(&compact);
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PhoneError::Characters);
    }
    Ok(PhoneDigits {
        digits: rest.to_owned(),
        international,
    })
}

/// A mainland mobile number as 11 digits: `1[3-9]` and nine more. Carrier segments
/// change, so they are deliberately not checked.
pub fn normalize_mobile(input: &str) -> Result<String, PhoneError> {
    let d = phone_digits(input)?.digits;
    let b = d.as_bytes();
    if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
        Ok(d)
    } else {
        Err(PhoneError::NotMobile)
    }
}

/// A landline number as digits with its trunk prefix: 0 + two-digit area code
/// (10, 20–25, 27–29) + 8 digits, or 0 + three-digit area code + 7 or 8 digits.
pub fn normalize_landline(input: &str) -> Result<String, PhoneError> {
    let PhoneDigits {
        digits,
        international,
    } = phone_digits(input)?;
    let d = if international && !digits.starts_with('0') {
        format!("0{digits}")
    } else {
        digits
    };
    let b = d.as_bytes();
    let ok = b.first() == Some(&b'0')
        && match (b.get(1), b.get(2)) {
            (Some(b'1'), Some(b'0')) => b.len() == 11,
            (Some(b'2'), Some(b'0'..=b'5' | b'7'..=b'9')) => b.len() == 11,
            (Some(b'3'..=b'9'), Some(_)) => matches!(b.len(), 11 | 12),
            _ => false,
        };
    if ok {
        Ok(d)
    } else {
        Err(PhoneError::NotLandline)
    }
}

/// A number the hotline can call back: a mobile, or failing that a landline.
pub fn normalize_phone(input: &str) -> Result<String, PhoneError> {
    match normalize_mobile(input) {
        Ok(d) => Ok(d),
        Err(PhoneError::NotMobile) => normalize_landline(input).map_err(|e| match e {
            // A number starting with 1 is most likely a mobile with a typo.
            PhoneError::NotLandline
                if phone_digits(input).is_ok_and(|p| p.digits.starts_with('1')) =>
            {
                PhoneError::NotMobile
            }
            e => e,
        }),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 29).unwrap()
    }

    #[test]
    fn id_numbers_from_the_domain_reference_are_judged_correctly() {
        let cases: &[(&str, Result<(), IdNumberError>)] = &[
            ("11010519491231002X", Ok(())),
            ("11010519491231002x", Ok(())),
            ("440524188001010014", Ok(())),
            ("360426199101010071", Ok(())),
            ("130402198207290622", Err(IdNumberError::CheckCharacter)),
            ("130402198207290624", Ok(())),
            ("", Err(IdNumberError::Empty)),
            ("   ", Err(IdNumberError::Empty)),
            ("11010519491231002", Err(IdNumberError::Length)),
            ("110105194912310", Err(IdNumberError::Length)),
            ("11010519491231002X1", Err(IdNumberError::Length)),
            ("1101051949123100X2", Err(IdNumberError::Characters)),
            ("11010519491231002Y", Err(IdNumberError::Characters)),
            ("110105-19491231002X", Err(IdNumberError::Characters)),
            ("99010519491231002X", Err(IdNumberError::Region)),
            ("00010519491231002X", Err(IdNumberError::Region)),
            ("110105194902300021", Err(IdNumberError::BirthDate)),
            ("110105202712310027", Err(IdNumberError::FutureBirthDate)),
            (" 110105 19491231 002X ", Ok(())),
        ];
        for (input, expected) in cases {
            let got = validate_id_number(input, today()).map(|_| ());
            assert_eq!(&got, expected, "{input:?}");
        }
    }

    #[test]
    fn check_characters_follow_iso_7064_mod_11_2() {
        assert_eq!(check_character(b"44052418800101001"), b'4');
        assert_eq!(check_character(b"36042619910101007"), b'1');
        assert_eq!(check_character(b"11010519491231002"), b'X');
        assert_eq!(check_character(b"13040219820729062"), b'4');
    }

    #[test]
    fn permit_and_foreigner_numbers_use_the_same_check() {
        for prefix in ["810000", "820000", "830000", "911156"] {
            let body = format!("{prefix}19900101001");
            let check = check_character(body.as_bytes()) as char;
            let id = format!("{body}{check}");
            assert!(validate_id_number(&id, today()).is_ok(), "{id}");
        }
    }

    #[test]
    fn a_valid_id_reports_birth_date_and_recorded_sex() {
        let id = validate_id_number("11010519491231002x", today()).unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
        assert_eq!(id.birth_date(), Date::new(1949, 12, 31).unwrap());
        assert_eq!(id.recorded_sex(), RecordedSex::Female);
        let id = validate_id_number("360426199101010071", today()).unwrap();
        assert_eq!(id.recorded_sex(), RecordedSex::Male);
    }

    #[test]
    fn a_birth_date_of_today_is_accepted_and_tomorrow_is_not() {
        let body = "11010520261129002";
        let id = format!("{body}{}", check_character(body.as_bytes()) as char);
        assert!(validate_id_number(&id, today()).is_ok());
        let body = "11010520261130002";
        let id = format!("{body}{}", check_character(body.as_bytes()) as char);
        assert_eq!(
            validate_id_number(&id, today()),
            Err(IdNumberError::FutureBirthDate)
        );
    }

    #[test]
    fn mobile_numbers_are_normalized_or_refused() {
        let cases: &[(&str, Result<&str, PhoneError>)] = &[
            ("13812345678", Ok("13812345678")),
            ("138 1234 5678", Ok("13812345678")),
            ("138-1234-5678", Ok("13812345678")),
            ("+86 138 1234 5678", Ok("13812345678")),
            ("+8613812345678", Ok("13812345678")),
            ("008613812345678", Ok("13812345678")),
            ("19912345678", Ok("19912345678")),
            ("", Err(PhoneError::Empty)),
            ("  - ", Err(PhoneError::Empty)),
            ("12812345678", Err(PhoneError::NotMobile)),
            ("1381234567", Err(PhoneError::NotMobile)),
            ("138123456789", Err(PhoneError::NotMobile)),
            ("23812345678", Err(PhoneError::NotMobile)),
            ("138l2345678", Err(PhoneError::Characters)),
            ("+86", Err(PhoneError::Characters)),
            ("+1 13812345678", Err(PhoneError::Characters)),
        ];
        for (input, expected) in cases {
            let got = normalize_mobile(input);
            assert_eq!(got.as_deref().map_err(|e| *e), *expected, "{input:?}");
        }
    }

    #[test]
    fn landline_numbers_follow_the_area_code_rules() {
        let cases: &[(&str, Result<&str, PhoneError>)] = &[
            ("010-12345678", Ok("01012345678")),
            ("(021) 1234 5678", Ok("02112345678")),
            ("02912345678", Ok("02912345678")),
            ("0755-12345678", Ok("075512345678")),
            ("0755-1234567", Ok("07551234567")),
            ("0311 1234567", Ok("03111234567")),
            ("+86 10 12345678", Ok("01012345678")),
            ("0086 755 1234 5678", Ok("075512345678")),
            ("0261234567", Err(PhoneError::NotLandline)),
            ("02612345678", Err(PhoneError::NotLandline)),
            ("0101234567", Err(PhoneError::NotLandline)),
            ("010123456789", Err(PhoneError::NotLandline)),
            ("0755123456", Err(PhoneError::NotLandline)),
            ("07551234567890", Err(PhoneError::NotLandline)),
            ("0112345678", Err(PhoneError::NotLandline)),
            ("12345678", Err(PhoneError::NotLandline)),
        ];
        for (input, expected) in cases {
            let got = normalize_landline(input);
            assert_eq!(got.as_deref().map_err(|e| *e), *expected, "{input:?}");
        }
    }

    #[test]
    fn any_phone_accepts_mobiles_and_landlines_and_blames_the_likely_kind() {
        assert_eq!(
            normalize_phone("138 1234 5678").as_deref(),
            Ok("13812345678")
        );
        assert_eq!(
            normalize_phone("010-12345678").as_deref(),
            Ok("01012345678")
        );
        assert_eq!(normalize_phone("1381234567"), Err(PhoneError::NotMobile));
        assert_eq!(normalize_phone("010123"), Err(PhoneError::NotLandline));
        assert_eq!(normalize_phone("abc"), Err(PhoneError::Characters));
        assert_eq!(normalize_phone(""), Err(PhoneError::Empty));
    }

    #[test]
    fn every_error_has_a_distinct_stable_code() {
        let mut codes: Vec<&str> = [
            IdNumberError::Empty,
            IdNumberError::Length,
            IdNumberError::Characters,
            IdNumberError::Region,
            IdNumberError::BirthDate,
            IdNumberError::FutureBirthDate,
            IdNumberError::CheckCharacter,
        ]
        .map(IdNumberError::code)
        .into_iter()
        .chain(
            [
                PhoneError::Empty,
                PhoneError::Characters,
                PhoneError::NotMobile,
                PhoneError::NotLandline,
            ]
            .map(PhoneError::code),
        )
        .collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }
}
