//! The signature block: the signing-date line (`ประกาศ ณ วันที่ …`, `สั่ง ณ วันที่ …`), the
//! signatories (a name in parentheses or on a line of its own, with its honorific) and their
//! position lines. Routing initials and dates that clerks add after the signature
//! (`ท.น.จ. ๒๑ ก.พ. ๖๖`) are not signatories.

use std::sync::LazyLock;

use regex::Regex;

use crate::dictionaries;
use crate::thai::clean::is_thai_letter;
use crate::thai::digits::is_digit;

/// (`ณ` itself may come out of OCR as a Latin letter or a symbol, `ประกาศ A วันที่ ๒๕`, where
/// the วันที่ after it was read, or read again: see the OCR's words before numbers.)
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ประกาศ|สั่ง|ให้ไว้)\s*(?:ณ|\s[^\s\p{Thai}]{1,2})\s*วัน")
        .expect("signing pattern is valid")
});
/// The same line with `ณ วันที่` garbled by OCR into a few Latin letters or symbols (`A WN`,
/// `@ Jun`): the formula word, then no Thai for at most ten characters, then a day number and
/// a Thai word (the month). Only a full date on the line then makes it the signing date.
static SIGNING_GARBLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ประกาศ|สั่ง|ให้ไว้)\s+[^\s\p{Thai}][^\p{Thai}]{0,9}?\s+[0-9๐-๙]{1,2}\s+\p{Thai}")
        .expect("garbled signing pattern is valid")
});

/// True for the line that dates the signature.
pub fn is_signing_line(line: &str) -> bool {
    SIGNING.is_match(line) || SIGNING_GARBLED.is_match(line)
}

/// The honorifics a name begins with, as written (`ว่าที่ร้อยตรี ดร.`), and the rest.
pub fn split_honorific(name: &str) -> (Option<String>, &str) {
    let mut rest = name;
    let mut end = 0;
    loop {
        let r = rest.trim_start();
        let Some(h) = dictionaries::get()
            .honorifics
            .iter()
            .find(|h| r.starts_with(**h) && r.len() > h.len())
        else {
            break;
        };
        end = name.len() - r.len() + h.len();
        rest = &r[h.len()..];
    }
    if end == 0 {
        (None, name)
    } else {
        (Some(name[..end].trim().to_string()), rest.trim_start())
    }
}

/// True for a line that begins with a position title (นายก…, นายอำเภอ, ผู้ว่าราชการ…), which
/// must not be mistaken for a name starting with นาย.
pub fn is_position_start(line: &str) -> bool {
    dictionaries::get()
        .positions
        .iter()
        .any(|p| line.starts_with(p))
}

/// A person's name, as a signature block writes it: `(นายณรงค์ รุ่งชัย)`, or on its own
/// line after the signing date (`นายจิรุตม์ วิศาลจิตร`, `in_block`). Returns the name and its
/// honorific.
pub fn person(line: &str, in_block: bool) -> Option<(String, Option<String>)> {
    let t = line.trim();
    let (inner, parens) = match t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => (inner.trim(), true),
        None => (t, false),
    };
    let n = inner.chars().count();
    let tokens = inner.split_whitespace().count();
    if !(4..=60).contains(&n)
        || tokens > 6
        || inner.chars().any(is_digit)
        || !inner.chars().next().is_some_and(is_thai_letter)
        || is_position_start(inner)
    {
        return None;
    }
    let (honorific, rest) = split_honorific(inner);
    let name = inner.split_whitespace().collect::<Vec<_>>().join(" ");
    match (parens, honorific) {
        (_, Some(h)) if rest.chars().count() >= 2 && (parens || tokens <= 4) => {
            Some((name, Some(h)))
        }
        (true, None) if in_block && (2..=4).contains(&tokens) => Some((name, None)),
        _ => None,
    }
}

/// True for lines that clerks add after a signature: routing initials (`พ.น.จ.`, `ผอ.กลุ่ม`,
/// `รอง ผวจ.....`), dated initials, and short junk an OCR engine reads from stamps.
pub fn is_routing_or_junk(line: &str) -> bool {
    let t = line.trim();
    if is_position_start(t) {
        return false;
    }
    let thai = t.chars().filter(|c| is_thai_letter(*c)).count();
    let dots = t.matches('.').count();
    thai < 3
        || t.contains("....")
        || t.chars().any(|c| c.is_ascii_alphabetic()) && thai < 6
        || (dots >= 2 && t.chars().count() <= 24)
        || (dots >= 1 && t.chars().count() <= 12)
        || !crate::thai::dates::find_dates(t).0.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signing_line_with_its_formula_garbled_by_ocr() {
        assert!(is_signing_line("ประกาศ ณ วันที่ ๒๕ เมษายน พ.ศ. ๒๕๖๒"));
        assert!(is_signing_line("ประกาศ A WN ๒๕ เมษายน พ.ศ. ๒๕๖๒"));
        assert!(is_signing_line("ประกาศ A วันที่ ๒๕ เมษายน พ.ศ. ๒๕๖๒"));
        assert!(is_signing_line("ให้ไว้ @ วันที่ ๑ มีนาคม ๒๕๖๖"));
        assert!(is_signing_line("สั่ง @ Jun 3 มีนาคม 2566"));
        // Not a title, not a sentence about an announcement, not a number of other things.
        assert!(!is_signing_line("ประกาศจังหวัดภูเก็ต"));
        assert!(!is_signing_line("ประกาศ ITA ประจำปี ๒๕๖๖"));
        assert!(!is_signing_line("ประกาศ ฉบับที่ ๒ ลงวันที่ ๑ มีนาคม ๒๕๖๖"));
        assert!(!is_signing_line("ประกาศ A very long Latin phrase 12 มีนาคม"));
        assert!(!is_signing_line("ประกาศ ITA วันที่ ๑ มีนาคม ๒๕๖๖"));
    }

    #[test]
    fn names_with_honorifics() {
        assert_eq!(
            person("(นายณรงค์ รุ่งชัย)", true),
            Some(("นายณรงค์ รุ่งชัย".into(), Some("นาย".into())))
        );
        assert_eq!(
            person("( ว่าที่ร้อยตรี ดร.สมชาย ใจดี )", false),
            Some(("ว่าที่ร้อยตรี ดร.สมชาย ใจดี".into(), Some("ว่าที่ร้อยตรี ดร.".into())))
        );
        assert_eq!(
            person("นางสาวมาลี ศรีสุข", true),
            Some(("นางสาวมาลี ศรีสุข".into(), Some("นางสาว".into())))
        );
        assert_eq!(
            person("พล.ต.อ.สมศักดิ์ ดีมาก", true)
                .and_then(|p| p.1)
                .as_deref(),
            Some("พล.ต.อ.")
        );
    }

    #[test]
    fn positions_and_text_are_not_names() {
        assert_eq!(person("นายกองค์การบริหารส่วนจังหวัดเพชรบูรณ์", true), None);
        assert_eq!(person("นายอำเภอเมืองภูเก็ต", true), None);
        assert_eq!(person("(ฉบับที่ ๕)", true), None);
        assert_eq!(person("(เจ้าของเรื่อง)", false), None);
        assert_eq!(person("ผู้ว่าราชการจังหวัดภูเก็ต", true), None);
    }

    #[test]
    fn routing_lines() {
        for l in [
            "รอง ผวจ.....",
            "พ.น.จ.",
            "ผอ.กลุ่ม",
            "ท.น.จ. ๒๑ ก.พ. ๖๖",
            "จ.น.ส.บ.ก.บ.ช. เขต ๓ ๑๐ ก.พ. ๖๖",
            "Mso๑",
        ] {
            assert!(is_routing_or_junk(l), "{l}");
        }
        for l in [
            "ผู้ว่าราชการจังหวัดภูเก็ต",
            "เลขาธิการ ก.พ.ร.",
            "นายกอธิการบริหารส่วนจังหวัดเพชรบูรณ์",
        ] {
            assert!(!is_routing_or_junk(l), "{l}");
        }
    }
}
