//! Clause labels at the start of a line: `๑.`, `๑.๒`, `๑.๒.๓`, `1)`, `ข้อ ๓`, `(๑)`, `(ก)`, `ก.`.
//!
//! Only the shape is read here; whether a label really opens a clause (and not a decimal
//! number or a stray abbreviation) is decided by the numbering in `clauses`.

use std::sync::LazyLock;

use regex::Regex;

use crate::thai::digits::parse_number;

/// Thai consonants in the order lists use them (DESIGN.md): ก = 1, ข = 2, ค = 3, ง = 4 …,
/// without the obsolete ฃ and ฅ, and without ฆ, which list numbering skips.
pub const THAI_LETTER_ORDER: &str = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ";

pub fn letter_ordinal(c: char) -> Option<u32> {
    THAI_LETTER_ORDER
        .chars()
        .position(|x| x == c)
        .map(|i| i as u32 + 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelKind {
    /// `๑.`, `๑.๒`, `1.2.3`, `1)`: the path the label spells.
    Dotted(Vec<u32>),
    /// `ข้อ ๓`.
    Kho(u32),
    /// `(๑)`, `(1)`.
    ParenNumber(u32),
    /// `(ก)`.
    ParenLetter(u32),
    /// `ก.`, `ข)`.
    LetterDot(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub kind: LabelKind,
    /// The label as written (`๑.๒.๓`, `ข้อ ๓`, `(ก)`).
    pub written: String,
    /// The text after the label, trimmed.
    pub rest: String,
}

const D: &str = "[0-9\u{0E50}-\u{0E59}]";

static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<num>{D}{{1,3}}(?:\.{D}{{1,3}})*)(?P<end>[.)]?)(?P<rest>.*)$"
    ))
    .expect("dotted label pattern is valid")
});
static KHO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^ข้อ\s*(?P<num>{D}{{1,3}})(?P<end>\.?)(?P<rest>(?:\s.*)?)$"
    ))
    .expect("kho label pattern is valid")
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\((?P<num>{D}{{1,2}}|[ก-ฮ])\)(?P<rest>.*)$"))
        .expect("paren label pattern is valid")
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<letter>[ก-ฮ])[.)](?P<rest>\s.*)$").expect("letter label pattern is valid")
});

/// The label a (trimmed) line starts with, if it has the shape of one.
pub fn parse_label(line: &str) -> Option<Label> {
    if let Some(c) = DOTTED.captures(line) {
        let num = &c["num"];
        let end = &c["end"];
        let rest = &c["rest"];
        let path: Option<Vec<u32>> = num.split('.').map(parse_number).collect();
        let path = path?;
        let levels = path.len();
        // One level needs its closing dot or bracket (`๑.`, `1)`): a bare number starts
        // sentences and table rows. The text after a label never starts with a digit.
        let first_rest = rest.chars().next();
        let ok = (levels > 1 || !end.is_empty())
            && path.iter().all(|n| *n > 0)
            && !first_rest
                .is_some_and(|ch| crate::thai::digits::is_digit(ch) || ch == '.' || ch == '/')
            && !(levels > 1 && end == ")");
        if ok {
            return Some(Label {
                kind: LabelKind::Dotted(path),
                written: format!("{num}{end}"),
                rest: rest.trim().to_string(),
            });
        }
    }
    if let Some(c) = KHO.captures(line) {
        let n = parse_number(&c["num"])?;
        return (n > 0).then(|| Label {
            kind: LabelKind::Kho(n),
            written: format!("ข้อ {}{}", &c["num"], &c["end"]),
            rest: c["rest"].trim().to_string(),
        });
    }
    if let Some(c) = PAREN.captures(line) {
        let inner = &c["num"];
        let kind = match parse_number(inner) {
            Some(n) if n > 0 => LabelKind::ParenNumber(n),
            Some(_) => return None,
            None => LabelKind::ParenLetter(letter_ordinal(inner.chars().next()?)?),
        };
        return Some(Label {
            kind,
            written: format!("({inner})"),
            rest: c["rest"].trim().to_string(),
        });
    }
    if let Some(c) = LETTER.captures(line) {
        let letter = c["letter"].chars().next()?;
        let n = letter_ordinal(letter)?;
        let written: String = line.chars().take(2).collect();
        return Some(Label {
            kind: LabelKind::LetterDot(n),
            written,
            rest: c["rest"].trim().to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<LabelKind> {
        parse_label(s).map(|l| l.kind)
    }

    #[test]
    fn dotted_labels_in_both_digit_scripts() {
        assert_eq!(kind("๑. ให้มีการเผยแพร่"), Some(LabelKind::Dotted(vec![1])));
        assert_eq!(kind("๖.ให้นำผลการประเมิน"), Some(LabelKind::Dotted(vec![6])));
        assert_eq!(kind("๑.๒.๓ มีข้อมูล"), Some(LabelKind::Dotted(vec![1, 2, 3])));
        assert_eq!(
            kind("1.1 การจัดการศึกษา"),
            Some(LabelKind::Dotted(vec![1, 1]))
        );
        assert_eq!(kind("10. ให้ผู้ดำเนินการ"), Some(LabelKind::Dotted(vec![10])));
        assert_eq!(kind("3) ติดตั้ง"), Some(LabelKind::Dotted(vec![3])));
        let l = parse_label("๑.๒.๓ มีข้อมูล").expect("label");
        assert_eq!((l.written.as_str(), l.rest.as_str()), ("๑.๒.๓", "มีข้อมูล"));
    }

    #[test]
    fn other_label_styles() {
        assert_eq!(kind("ข้อ 1 กำชับให้"), Some(LabelKind::Kho(1)));
        assert_eq!(kind("ข้อ ๑๒. ให้"), Some(LabelKind::Kho(12)));
        assert_eq!(kind("(2) ตรวจสอบ"), Some(LabelKind::ParenNumber(2)));
        assert_eq!(kind("(ค) ให้ผู้เดินทาง"), Some(LabelKind::ParenLetter(3)));
        assert_eq!(kind("ง. การติดตาม"), Some(LabelKind::LetterDot(4)));
        // The DESIGN.md order: ก ข ค ง จ … (ฃ, ฅ and ฆ are not used): ง is 4.
        assert_eq!(letter_ordinal('ง'), Some(4));
        assert_eq!(letter_ordinal('จ'), Some(5));
        assert_eq!(letter_ordinal('ฃ'), None);
    }

    #[test]
    fn things_that_are_not_labels() {
        assert_eq!(kind("๒๑ ก.พ. ๖๖"), None);
        assert_eq!(kind("๑ โครงสร้างหน่วยงาน"), None);
        assert_eq!(kind("2566 ปี"), None);
        assert_eq!(kind("ก.พ.ร. กำหนด"), None);
        assert_eq!(kind("ข้อมูลการติดต่อ"), None);
        assert_eq!(kind("0. ไม่ใช่"), None);
        assert_eq!(kind("3/1 วรรคสาม"), None);
    }
}
