//! Clean-up of Thai text as archives hold it: web copies, word-processor exports and OCR.
//!
//! Every rule counts what it changed ([`CleanReport`]) so that the evaluation report can show
//! which rules earn their place. Rules are conservative: each one fixes a byte sequence that
//! is never right in Thai, so it cannot damage correct text.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// What [`clean`] changed, rule by rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CleanReport {
    /// Zero-width spaces/joiners, word joiners, BOMs and soft hyphens dropped.
    pub invisible_removed: usize,
    /// NBSP and other Unicode spaces turned into plain spaces.
    pub spaces_normalised: usize,
    /// Characters changed by Unicode NFC.
    pub nfc_changed: usize,
    /// Nikhahit + sara aa (ํ + า, optionally with a tone mark between) joined into sara am ำ.
    pub sara_am_composed: usize,
    /// Doubled sara e (เเ) written as sara ae (แ).
    pub sara_ae_composed: usize,
    /// Spaces removed before a combining mark (above/below vowels, tone marks).
    pub mark_spaces_removed: usize,
    /// A combining mark repeated (่่) written once.
    pub repeated_marks_removed: usize,
    /// Conversion residue such as `[bookmark: _GoBack]` and `^{…}` removed.
    pub markup_removed: usize,
    /// Lines broken inside a paragraph joined back (see [`join_wrapped_lines`]).
    pub lines_joined: usize,
}

impl CleanReport {
    pub fn add(&mut self, o: &CleanReport) {
        self.invisible_removed += o.invisible_removed;
        self.spaces_normalised += o.spaces_normalised;
        self.nfc_changed += o.nfc_changed;
        self.sara_am_composed += o.sara_am_composed;
        self.sara_ae_composed += o.sara_ae_composed;
        self.mark_spaces_removed += o.mark_spaces_removed;
        self.repeated_marks_removed += o.repeated_marks_removed;
        self.markup_removed += o.markup_removed;
        self.lines_joined += o.lines_joined;
    }

    pub fn total(&self) -> usize {
        self.invisible_removed
            + self.spaces_normalised
            + self.nfc_changed
            + self.sara_am_composed
            + self.sara_ae_composed
            + self.mark_spaces_removed
            + self.repeated_marks_removed
            + self.markup_removed
            + self.lines_joined
    }
}

/// Thai combining marks: mai han-akat, the above and below vowels, phinthu, and
/// maitaikhu through yamakkan (tone marks, thanthakhat, nikhahit).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// A Thai letter, vowel or mark (U+0E01–U+0E4F), digits excluded.
pub fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E4F}').contains(&c)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// A bookmark closed on its line, or — OCR'd, its bracket and underscore lost
/// (`[bookmark: GoBackแห่งรัฐ`) — its opening and the Latin name after it; and a superscript.
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[bookmark: [^\]\n]*\]|\[bookmark: ?[A-Za-z0-9_]*|\^\{([^{}]*)\}")
        .expect("markup pattern is valid")
});

/// Cleans one text (a page or a whole file) and reports what changed. Line structure is
/// kept; see [`join_wrapped_lines`] for joining lines back into paragraphs.
pub fn clean(text: &str) -> (String, CleanReport) {
    let mut r = CleanReport::default();

    // 1. Invisible characters and odd spaces; CRLF and CR line ends become LF.
    let mut s = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_invisible(c) {
            r.invisible_removed += 1;
        } else if is_odd_space(c) {
            r.spaces_normalised += 1;
            s.push(' ');
        } else if c == '\r' {
            if chars.peek() != Some(&'\n') {
                s.push('\n');
            }
        } else {
            s.push(c);
        }
    }

    // 2. Conversion residue.
    if s.contains("[bookmark:") || s.contains("^{") {
        let mut n = 0;
        s = MARKUP
            .replace_all(&s, |c: &regex::Captures| {
                n += 1;
                c.get(1).map_or(String::new(), |m| m.as_str().to_string())
            })
            .into_owned();
        r.markup_removed = n;
    }

    // 3. NFC. Thai has no canonical compositions except in rare cases, but other scripts in
    // the same text (Latin with combining accents) do.
    if !unicode_normalization::is_nfc_quick(s.chars()).eq(&unicode_normalization::IsNormalized::Yes)
    {
        let nfc: String = s.nfc().collect();
        r.nfc_changed = s.chars().zip(nfc.chars()).filter(|(a, b)| a != b).count()
            + s.chars().count().abs_diff(nfc.chars().count());
        s = nfc;
    }

    // 4. Thai character sequences, one pass.
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        // ํ + า → ำ ; ํ + tone + า → tone + ำ
        if c == '\u{0E4D}' {
            if cs.get(i + 1) == Some(&'\u{0E32}') {
                out.push('\u{0E33}');
                r.sara_am_composed += 1;
                i += 2;
                continue;
            }
            if let (Some(&t), Some(&'\u{0E32}')) = (cs.get(i + 1), cs.get(i + 2)) {
                if ('\u{0E48}'..='\u{0E4B}').contains(&t) {
                    out.push(t);
                    out.push('\u{0E33}');
                    r.sara_am_composed += 1;
                    i += 3;
                    continue;
                }
            }
        }
        // เ + เ → แ
        if c == '\u{0E40}' && cs.get(i + 1) == Some(&'\u{0E40}') {
            out.push('\u{0E41}');
            r.sara_ae_composed += 1;
            i += 2;
            continue;
        }
        // spaces before a combining mark that follows a Thai letter
        if c == ' ' {
            let mut j = i;
            while j < cs.len() && cs[j] == ' ' {
                j += 1;
            }
            let after_thai = out.chars().next_back().is_some_and(is_thai_letter);
            if after_thai && j < cs.len() && is_combining_mark(cs[j]) {
                r.mark_spaces_removed += j - i;
                i = j;
                continue;
            }
        }
        // a combining mark repeated
        if is_combining_mark(c) && out.ends_with(c) {
            r.repeated_marks_removed += 1;
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    (out, r)
}

/// True for a line that opens a structure of its own, so that it is never joined to the
/// line above: a numbered or lettered item, a bullet, a table row, a rule, or a paragraph
/// that begins with a closing formula (`dictionaries/openers.txt`: ทั้งนี้, สำหรับ, …).
fn starts_structure(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        None => true,
        Some(c) if super::digits::is_digit(c) => true,
        // A lettered item: ก. or ก) and a space.
        Some(c)
            if is_thai_letter(c)
                && matches!((chars.next(), chars.next()), (Some('.' | ')'), Some(' '))) =>
        {
            true
        }
        Some('(' | '-' | '–' | '•' | '*' | '/' | '…' | '.' | '[') => true,
        _ => {
            t.starts_with("ข้อ")
                || line.contains('\t')
                || crate::dictionaries::get()
                    .openers
                    .iter()
                    .any(|o| t.starts_with(o))
        }
    }
}

/// Joins lines that a layout wrapped inside a paragraph back into one line, and reports how
/// many it joined.
///
/// Only a document whose lines look wrapped is touched: at least 8 lines, most of them as long
/// as a printed line (the 75th percentile of line lengths is 40–160 characters), and a line
/// is joined to the next only when it is nearly that full (at least 80% of it) and the next
/// line does not open a structure (clause label, bullet, table row). Thai words join with no
/// space, as a Thai line break falls between words; other scripts with one space.
pub fn join_wrapped_lines(text: &str) -> (String, usize) {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.trim().is_empty() && !l.contains('\t'))
        .map(|l| l.trim().chars().count())
        .collect();
    if lengths.len() < 8 {
        return (text.to_string(), 0);
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 3 / 4];
    // A printed A4 line holds 40–160 characters; outside that the lines are not wrapped.
    if !(40..=160).contains(&width) {
        return (text.to_string(), 0);
    }
    let full = width * 4 / 5;
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut joined = 0;
    let mut join_next = false;
    for (i, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(prev) if join_next => {
                let next = line.trim_start();
                let thai_both = prev.chars().next_back().is_some_and(is_thai_letter)
                    && next.chars().next().is_some_and(is_thai_letter);
                if !thai_both {
                    prev.push(' ');
                }
                prev.push_str(next);
                joined += 1;
            }
            _ => out.push((*line).to_string()),
        }
        let this = line.trim_end();
        join_next = lines.get(i + 1).is_some_and(|next| {
            this.chars().count() >= full
                && !next.trim().is_empty()
                && !starts_structure(next)
                && !this.contains('\t')
                && !this.ends_with("...")
                && !this.ends_with('…')
        });
        if join_next {
            if let Some(prev) = out.last_mut() {
                let n = prev.trim_end().len();
                prev.truncate(n);
            }
        }
    }
    (out.join("\n"), joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sara_am_is_composed_with_and_without_a_tone_mark() {
        let (s, r) = clean("สํานักนายกรัฐมนตรี น\u{0E4D}\u{0E49}\u{0E32}");
        assert_eq!(s, "สำนักนายกรัฐมนตรี น\u{0E49}\u{0E33}");
        assert_eq!(r.sara_am_composed, 2);
    }

    #[test]
    fn invisible_characters_and_odd_spaces() {
        let (s, r) = clean("\u{FEFF}ประกาศ\u{200B}จังหวัด\u{00A0}ภูเก็ต\r\n");
        assert_eq!(s, "ประกาศจังหวัด ภูเก็ต\n");
        assert_eq!(r.invisible_removed, 2);
        assert_eq!(r.spaces_normalised, 1);
    }

    #[test]
    fn doubled_sara_e_and_stray_mark_spaces() {
        let (s, r) = clean("เเผน ผู ้ว่า ที่่");
        assert_eq!(s, "แผน ผู้ว่า ที่");
        assert_eq!(r.sara_ae_composed, 1);
        assert_eq!(r.mark_spaces_removed, 1);
        assert_eq!(r.repeated_marks_removed, 1);
    }

    #[test]
    fn conversion_residue_is_removed_and_its_text_kept() {
        let (s, r) = clean("แนวนโยบาย\n[bookmark: _GoBack]แห่งรัฐ ให้เป็น ^{ปัจจุบันทันที}");
        assert_eq!(s, "แนวนโยบาย\nแห่งรัฐ ให้เป็น ปัจจุบันทันที");
        assert_eq!(r.markup_removed, 2);
        // OCR'd, with its bracket lost: the name goes, the Thai text after it stays.
        let (s, r) = clean("[bookmark: GoBackแห่งรัฐ มาตรา 65\nรัฐพึง [ข้อ]");
        assert_eq!(s, "แห่งรัฐ มาตรา 65\nรัฐพึง [ข้อ]");
        assert_eq!(r.markup_removed, 1);
    }

    #[test]
    fn clean_text_is_left_as_it_is() {
        let t = "ประกาศ ณ วันที่ ๑๓ มีนาคม พ.ศ. ๒๕๖๖\nจังหวัดภูเก็ต";
        let (s, r) = clean(t);
        assert_eq!(s, t);
        assert_eq!(r.total(), 0);
    }

    #[test]
    fn wrapped_lines_join_and_structure_stays() {
        let line = "เพื่อให้การดำเนินงานขององค์การบริหารส่วนจังหวัดเพชรบูรณ์เป็นไปด้วยความถูกต้อง";
        let text = format!(
            "{line}\nเหมาะสม เป็นธรรม\n\n๑. {line}\n{line}\n๒. ข้อ\n{line}\n{line}\nก. {line}\nทั้งนี้ {line}\n{line}"
        );
        let (s, n) = join_wrapped_lines(&text);
        assert_eq!(n, 4, "{s}");
        let lines: Vec<&str> = s.split('\n').collect();
        assert_eq!(lines[0], format!("{line}เหมาะสม เป็นธรรม"));
        assert_eq!(lines[2], format!("๑. {line}{line}"));
        assert_eq!(lines[3], "๒. ข้อ");
        assert_eq!(lines[4], format!("{line}{line}"));
        assert_eq!(
            lines[5],
            format!("ก. {line}"),
            "a lettered item starts its own line"
        );
        assert_eq!(
            lines[6],
            format!("ทั้งนี้ {line}{line}"),
            "a closing formula starts its own line"
        );
    }

    #[test]
    fn unwrapped_documents_are_not_joined() {
        let para = "ก".repeat(400);
        let text = format!("{para}\n{para}\n{para}\n{para}\n{para}");
        assert_eq!(join_wrapped_lines(&text), (text.clone(), 0));
    }
}
