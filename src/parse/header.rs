//! The announcement's header: the issuer after ประกาศ (or คำสั่ง) in the title, its kind and
//! province, and the subject on the เรื่อง line.

use std::sync::LazyLock;

use regex::Regex;

use super::Line;
use crate::dictionaries;
use crate::document::IssuerKind;
use crate::thai::clean::is_thai_letter;

/// How many non-blank lines from the top may hold the title: room for a Royal Gazette
/// header, a Garuda emblem read as junk, and an office address.
const TITLE_WINDOW: usize = 15;

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // OCR puts stray spaces inside words: ประ กาศ.
    Regex::new(r"(?:^|[\s|:;'’”\x22)\]}])(?:ป *ร *ะ *ก *า *ศ|ค *ำ *ส *ั *่ *ง)\s*(?P<rest>\S.*)$")
        .expect("title pattern is valid")
});
static ORDER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+ที่\s*[0-9\u{0E50}-\u{0E59}]").expect("order number pattern is valid")
});

#[derive(Debug, Default)]
pub struct Header {
    pub issuer: Option<String>,
    pub subject: Option<String>,
    /// Index (into the lines) of the first line after the header.
    pub body_start: usize,
}

/// Words that open the first paragraph, never a subject's second line.
const PARAGRAPH_OPENERS: &[&str] = &[
    "ด้วย",
    "ตามที่",
    "โดยที่",
    "อาศัย",
    "ปัจจุบัน",
    "เนื่องจาก",
    "รัฐธรรมนูญ",
    "เพื่อ",
];

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Joins a wrapped line to the text before it: no space between two Thai letters (a Thai
/// line break falls between words), one space otherwise.
pub fn join_wrapped(a: &mut String, b: &str) {
    let b = b.trim();
    if b.is_empty() {
        return;
    }
    let thai_both = a.chars().next_back().is_some_and(is_thai_letter)
        && b.chars().next().is_some_and(is_thai_letter);
    if !a.is_empty() && !thai_both {
        a.push(' ');
    }
    a.push_str(b);
}

fn issuer_from_title(rest: &str) -> Option<(String, Option<String>)> {
    // "ประกาศ ณ วันที่", "ประกาศให้ทราบ", "ประกาศมา" are formulas, not titles.
    let first = rest.chars().next()?;
    if !is_thai_letter(first)
        || rest.starts_with("ณ")
        || rest.starts_with("ให้")
        || rest.starts_with("มา")
    {
        return None;
    }
    let (issuer, subject) = match rest.find("เรื่อง") {
        Some(i) => (
            &rest[..i],
            Some(rest[i + "เรื่อง".len()..].trim().to_string()),
        ),
        None => (rest, None),
    };
    let issuer = match ORDER_NUMBER.find(issuer) {
        Some(m) => &issuer[..m.start()],
        None => issuer,
    };
    let issuer = collapse_spaces(issuer.trim_end_matches([' ', ':', '-']));
    let n = issuer.chars().count();
    (3..=120)
        .contains(&n)
        .then_some((issuer, subject.filter(|s| !s.is_empty())))
}

/// The text after `เรื่อง` at the start of a line (OCR may split the word: เรือง, เรื่ อง).
fn strip_subject_word(line: &str) -> Option<&str> {
    static SUBJECT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^เ *ร *ื *่? *อ *ง").expect("subject pattern is valid"));
    SUBJECT.find(line).map(|m| &line[m.end()..])
}

/// The text after a word OCR made unreadable at the start of the line just under the title,
/// where เรื่อง stands: set bold and large, it comes out as `Sos`, `509`, `@#a`. Taken only
/// when that first word holds no Thai letter and at most four characters, and Thai text
/// follows it.
fn subject_after_garbled_word(line: &str) -> Option<&str> {
    let (first, rest) = line.trim_start().split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let garbled = (1..=4).contains(&first.chars().count()) && !first.chars().any(is_thai_letter);
    (garbled
        && rest.chars().next().is_some_and(is_thai_letter)
        && rest.chars().count() >= 10
        && super::labels::parse_label(line.trim_start()).is_none())
    .then_some(rest)
}

fn is_subject_continuation(line: &Line) -> bool {
    let t = line.text;
    !t.is_empty()
        && !line.indented
        && !line.page_break
        && t.chars().count() <= 90
        && t.chars().next().is_some_and(is_thai_letter)
        && !PARAGRAPH_OPENERS.iter().any(|w| t.starts_with(w))
        && super::labels::parse_label(t).is_none()
}

pub fn parse_header(lines: &[Line]) -> Header {
    let mut header = Header::default();
    let candidates = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.is_empty())
        .take(TITLE_WINDOW);
    let mut title_at = None;
    for (i, line) in candidates {
        if let Some(c) = TITLE.captures(line.text) {
            if let Some((issuer, subject)) = issuer_from_title(c["rest"].trim()) {
                header.issuer = Some(issuer);
                header.subject = subject;
                title_at = Some(i);
                break;
            }
        }
    }
    let Some(title_at) = title_at else {
        return header;
    };
    header.body_start = title_at + 1;
    let mut subject_at = header.subject.as_ref().map(|_| title_at);
    if subject_at.is_none() {
        // The เรื่อง line follows within a few non-blank lines.
        for (i, line) in lines
            .iter()
            .enumerate()
            .skip(title_at + 1)
            .filter(|(_, l)| !l.text.is_empty())
            .take(4)
        {
            if let Some(rest) = strip_subject_word(line.text) {
                let rest = rest.trim_start_matches([' ', ':', '\t']).trim();
                if !rest.is_empty() {
                    header.subject = Some(collapse_spaces(rest));
                    subject_at = Some(i);
                }
                break;
            }
        }
    }
    if subject_at.is_none() {
        let first = lines
            .iter()
            .enumerate()
            .skip(title_at + 1)
            .find(|(_, l)| !l.text.is_empty());
        if let Some((i, line)) = first {
            if let Some(rest) = subject_after_garbled_word(line.text) {
                header.subject = Some(collapse_spaces(rest.trim()));
                subject_at = Some(i);
            }
        }
    }
    if let (Some(at), Some(subject)) = (subject_at, header.subject.as_mut()) {
        let mut end = at + 1;
        while end < lines.len() && end <= at + 2 && is_subject_continuation(&lines[end]) {
            join_wrapped(subject, lines[end].text);
            end += 1;
        }
        *subject = collapse_spaces(subject);
        header.body_start = end;
    }
    header
}

/// The issuer's kind, from how its name begins (the longest known beginning wins).
pub fn issuer_kind(issuer: &str) -> IssuerKind {
    dictionaries::get()
        .agency_kinds
        .iter()
        .find(|(prefix, _)| issuer.starts_with(prefix))
        .map_or(IssuerKind::Other, |(_, kind)| *kind)
}

/// The province a name mentions (`จังหวัดภูเก็ต`, `องค์การบริหารส่วนจังหวัดเพชรบูรณ์`), the
/// longest match winning so that `นครราชสีมา` is not read as another name.
pub fn province_in(text: &str) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for p in &dictionaries::get().provinces {
        for form in std::iter::once(&p.name).chain(p.aliases.iter()) {
            if text.contains(form) && best.is_none_or(|(_, len)| form.len() > len) {
                best = Some((p.name, form.len()));
            }
        }
    }
    best.map(|(name, _)| name)
}

/// The first `จังหวัด<province>` written in a text.
pub fn province_after_changwat(text: &str) -> Option<&'static str> {
    text.match_indices("จังหวัด")
        .filter_map(|(i, w)| {
            let after = &text[i + w.len()..];
            dictionaries::get()
                .provinces
                .iter()
                .filter(|p| after.starts_with(p.name))
                .max_by_key(|p| p.name.len())
                .map(|p| p.name)
        })
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_provinces_from_issuer_names() {
        assert_eq!(issuer_kind("จังหวัดภูเก็ต"), IssuerKind::Province);
        assert_eq!(issuer_kind("องค์การบริหารส่วนจังหวัดเพชรบูรณ์"), IssuerKind::Pao);
        assert_eq!(issuer_kind("องค์การบริหารส่วนตำบลสระโพนทอง"), IssuerKind::Sao);
        assert_eq!(issuer_kind("สำนักงาน ก.พ.ร."), IssuerKind::Office);
        assert_eq!(issuer_kind("สำนักนายกรัฐมนตรี"), IssuerKind::Ministry);
        assert_eq!(issuer_kind("กระทรวงศึกษาธิการ"), IssuerKind::Ministry);
        assert_eq!(issuer_kind("เทศบาลตำบลบ้านใหม่"), IssuerKind::Municipality);
        assert_eq!(issuer_kind("วัดโพธิ์"), IssuerKind::Other);
        assert_eq!(province_in("องค์การบริหารส่วนจังหวัดเพชรบูรณ์"), Some("เพชรบูรณ์"));
        assert_eq!(province_in("เพชรบุรี"), Some("เพชรบุรี"));
        assert_eq!(province_in("สำนักงาน ก.พ.ร."), None);
        assert_eq!(
            province_after_changwat("อำเภอเมือง จังหวัดนครราชสีมา"),
            Some("นครราชสีมา")
        );
        assert_eq!(province_after_changwat("จังหวัดชายแดนภาคใต้"), None);
    }

    fn subject_of(text: &str) -> Option<String> {
        parse_header(&super::super::split_lines(text)).subject
    }

    #[test]
    fn a_garbled_subject_word_under_the_title_still_gives_the_subject() {
        // OCR read เรื่อง as `Sos`.
        assert_eq!(
            subject_of("ประกาศจังหวัดภูเก็ต\nSos มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ\nด้วยรัฐธรรมนูญ")
                .as_deref(),
            Some("มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ")
        );
        // Not when the first word has Thai in it, is long, or starts a clause.
        for text in [
            "ประกาศจังหวัดภูเก็ต\n(ฉบับที่ ๒) มาตรการสร้างความโปร่งใส\n",
            "ประกาศจังหวัดภูเก็ต\nOpenGov มาตรการสร้างความโปร่งใสในการปฏิบัติ\n",
            "ประกาศจังหวัดภูเก็ต\n1. ให้มีการเปิดเผยข้อมูลข่าวสารทุกไตรมาส\n",
            "ประกาศจังหวัดภูเก็ต\nITA สั้น\n",
        ] {
            assert_eq!(subject_of(text), None, "{text}");
        }
    }
}
