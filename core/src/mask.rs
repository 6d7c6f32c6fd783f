//! Display masking of personal information (GB/T 35273 §7.2): on screens, on
//! printed receipts and in API answers, outside the one operator view that needs
//! the full number.

const STAR: char = '*';

/// Keeps the first `head` and last `tail` characters and stars the rest. When the
/// text is too short to leave anything hidden, everything but the first is starred.
fn keep_ends(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let (head, tail) = if n > head + tail {
        (head, tail)
    } else {
        (n.min(1), 0)
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i < head || i >= n - tail { c } else { STAR })
        .collect()
}

/// `110105194912310021` → `110***********0021`: region prefix and last four.
pub fn mask_id_number(id: &str) -> String {
    keep_ends(id.trim(), 3, 4)
}

/// `13812345678` → `138****5678`; landlines keep their first three and last four.
pub fn mask_phone(phone: &str) -> String {
    keep_ends(phone.trim(), 3, 4)
}

/// `张三` → `张*`, `欧阳娜娜` → `欧***`: the first character and a star for each other
/// character, so the length is visible but not the name; spaces are kept so Latin
/// names stay readable as names (`Li Lei` → `L* ***`). Hidden direction and
/// control characters are dropped first, so they cannot reorder what is shown.
pub fn mask_name(name: &str) -> String {
    crate::rules::strip_hidden(name)
        .trim()
        .chars()
        .enumerate()
        .map(|(i, c)| if i == 0 || c.is_whitespace() { c } else { STAR })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_show_only_the_region_prefix_and_last_four() {
        let cases = [
            ("11010519491231002X", "110***********002X"),
            ("110105194912310021", "110***********0021"),
            (" 360426199101010071 ", "360***********0071"),
            ("1234567", "1******"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(mask_id_number(input), expected, "{input:?}");
            assert_eq!(mask_id_number(input).chars().count(), input.trim().len());
        }
    }

    #[test]
    fn phones_show_only_the_first_three_and_last_four_digits() {
        let cases = [
            ("13812345678", "138****5678"),
            ("01012345678", "010****5678"),
            ("075512345678", "075*****5678"),
            ("1234567", "1******"),
            ("5", "5"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(mask_phone(input), expected, "{input:?}");
        }
    }

    #[test]
    fn names_keep_the_first_character_only() {
        let cases = [
            ("张三", "张*"),
            ("王小明", "王**"),
            ("欧阳娜娜", "欧***"),
            ("李", "李"),
            (" Li Lei ", "L* ***"),
            ("", ""),
            // A name stored before hidden characters were refused shows none.
            ("\u{202E}evil", "e***"),
            ("\u{200B}张三", "张*"),
        ];
        for (input, expected) in cases {
            assert_eq!(mask_name(input), expected, "{input:?}");
        }
    }

    #[test]
    fn masking_never_reveals_the_hidden_middle() {
        let phone = "13987654321";
        let masked = mask_phone(phone);
        assert!(!masked.contains("8765"));
        let id = "360426199101010071";
        assert!(!mask_id_number(id).contains("19910101"));
    }
}
