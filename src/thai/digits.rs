//! Thai digits (๐–๙, U+0E50–U+0E59) and Arabic digits (0–9) in any mix.
//!
//! Announcements write numbers in either script, sometimes both in one line
//! (`ระบบราชการ ๔.0`). Structured fields and the search index use Arabic digits;
//! the document text keeps what was written.

/// The value of one digit in either script, or `None` for any other character.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0E50}'..='\u{0E59}' => Some(c as u32 - 0x0E50),
        _ => None,
    }
}

/// True for 0–9 and ๐–๙.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// True for ๐–๙ only.
pub fn is_thai_digit(c: char) -> bool {
    ('\u{0E50}'..='\u{0E59}').contains(&c)
}

/// Every Thai digit replaced by its Arabic digit; everything else unchanged.
pub fn to_arabic(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_thai_digit(c) {
                char::from(b'0' + (c as u32 - 0x0E50) as u8)
            } else {
                c
            }
        })
        .collect()
}

/// Every Arabic digit replaced by its Thai digit; everything else unchanged.
pub fn to_thai(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0E50 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The value of a string made only of digits (either script, mixed allowed).
/// `None` when it is empty, holds anything else, or overflows `u32`.
pub fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u32, |acc, c| {
        let d = digit_value(c)?;
        acc.checked_mul(10)?.checked_add(d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_mixed_strings_both_ways() {
        assert_eq!(to_arabic("พ.ศ. ๒๕๖๖ และ 2567"), "พ.ศ. 2566 และ 2567");
        assert_eq!(to_thai("มาตรา 65 และ ๓/1"), "มาตรา ๖๕ และ ๓/๑");
    }

    #[test]
    fn parses_numbers_in_either_script() {
        assert_eq!(parse_number("๒๕๖๖"), Some(2566));
        assert_eq!(parse_number("2๕6๖"), Some(2566));
        assert_eq!(parse_number("๐๙"), Some(9));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("๑ ๒"), None);
        assert_eq!(parse_number("99999999999"), None);
    }

    #[test]
    fn every_thai_digit_has_its_value() {
        let thai = "๐๑๒๓๔๕๖๗๘๙";
        for (i, c) in thai.chars().enumerate() {
            assert_eq!(digit_value(c), Some(i as u32));
        }
        assert_eq!(digit_value('ก'), None);
    }

    proptest::proptest! {
        #[test]
        fn scripts_round_trip_and_agree_on_values(n in proptest::num::u32::ANY, text in "[ก-ฮ0-9๐-๙ .]{0,30}") {
            let arabic = n.to_string();
            let thai = to_thai(&arabic);
            proptest::prop_assert!(thai.chars().all(is_thai_digit));
            proptest::prop_assert_eq!(to_arabic(&thai), arabic.clone());
            proptest::prop_assert_eq!(parse_number(&thai), Some(n));
            proptest::prop_assert_eq!(parse_number(&arabic), Some(n));
            // Converting changes digits only, and converting back restores Arabic digits.
            proptest::prop_assert_eq!(to_arabic(&to_thai(&text)), to_arabic(&text));
            proptest::prop_assert_eq!(to_thai(&text).chars().count(), text.chars().count());
        }
    }
}
