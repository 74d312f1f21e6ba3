//! An Arabic digit Tesseract wrote for a Thai letter inside a Thai word (`จหัสไป5ษณีย์` for
//! รหัสไปรษณีย์, `2งวันที่` for ลงวันที่), read again by the Thai model.
//!
//! Announcements set numbers apart from words: of the 357 Arabic digits in the seeds, the
//! real texts and the scans' truths, none touches a Thai letter. So on a page that holds
//! Thai digits (the only pages words are read again on), a lone Arabic digit with Thai
//! letters on both sides, or opening a word of Thai letters, is suspect: the word is cut from
//! the page and read again as one line with Thai letters, marks and digits of both scripts
//! allowed. The new reading (less a leading vowel at its end, which ends no Thai word and is
//! the next word's) is taken only if it has no digit, as many characters as the old,
//! and differs from it where the digit was and at most one place more, read with a mean
//! confidence of 50 or more: a real number glued to a word (`5คน`) reads as a digit again and
//! stays. A digit at a word's end (`ที่2`) is left alone: that is how Tesseract writes some
//! Thai digits, which the digit pass reads.

use std::ffi::CString;
use std::sync::LazyLock;

use super::digits::leading_vowel;
use super::engine::Engine;
use super::respell::{read_again, words_by_line, Page, Span};
use crate::error::Result;
use crate::thai::clean::is_thai_letter;
use crate::thai::digits::is_thai_digit;

/// A reading is taken only this sure (Tesseract's mean confidence).
const MIN_CONFIDENCE: f32 = 50.0;

/// What Tesseract may write when it reads such a word again: Thai letters, vowels and marks,
/// and digits of both scripts (so that a real digit reads as one).
static WHITELIST: LazyLock<CString> = LazyLock::new(|| {
    let thai = ('\u{0E01}'..='\u{0E3A}').chain('\u{0E40}'..='\u{0E4E}');
    let chars: String = thai.chain('๐'..='๙').chain('0'..='9').collect();
    CString::new(chars).unwrap_or_default()
});

/// A Thai letter, vowel or mark; not the baht sign (a digit beside it is a price's).
fn is_thai_text(c: char) -> bool {
    is_thai_letter(c) && c != '฿'
}

/// A Thai consonant or a leading vowel: what a Thai word opens with.
fn opens_a_word(c: char) -> bool {
    ('ก'..='ฮ').contains(&c) || leading_vowel(c)
}

/// The words of `text` that hold one Arabic digit, no other digit, and Thai letters around
/// it (see the module's doc); each with the digit's place among the word's characters.
pub(crate) fn suspects(text: &str) -> Vec<(Span, (&str, usize))> {
    let mut out = Vec::new();
    for (words, _) in words_by_line(text) {
        for (start, word, first_box) in words {
            let chars: Vec<char> = word.chars().collect();
            let digits: Vec<usize> = (0..chars.len())
                .filter(|&i| chars[i].is_ascii_digit() || is_thai_digit(chars[i]))
                .collect();
            let [at] = digits[..] else { continue };
            if !chars[at].is_ascii_digit() {
                continue;
            }
            let before = at.checked_sub(1).and_then(|i| chars.get(i)).copied();
            let after = chars.get(at + 1).copied();
            let inside = before.is_some_and(is_thai_text) && after.is_some_and(is_thai_text);
            let opening = at == 0 && after.is_some_and(opens_a_word);
            if inside || opening {
                let span = Span {
                    start,
                    end: start + word.len(),
                    first_box,
                };
                out.push((span, (word, at)));
            }
        }
    }
    out
}

/// The new reading of a word whose digit stood at `at`, if it is taken (see the module's
/// doc).
pub(crate) fn accept(old: &str, at: usize, reading: &str, confidence: f32) -> Option<String> {
    let mut read: Vec<char> = reading.chars().filter(|c| !c.is_whitespace()).collect();
    // A leading vowel ends no Thai word: at the reading's end it is the next word's, caught
    // at the crop's edge (`รหัสไปรษณีย์เ`).
    while read.last().copied().is_some_and(leading_vowel) {
        read.pop();
    }
    let old: Vec<char> = old.chars().collect();
    if confidence < MIN_CONFIDENCE
        || read.len() != old.len()
        || read.iter().any(|&c| c.is_ascii_digit() || is_thai_digit(c))
        || !read.get(at).copied().is_some_and(is_thai_text)
    {
        return None;
    }
    let elsewhere = (0..old.len())
        .filter(|&i| i != at && old[i] != read[i])
        .count();
    (elsewhere <= 1).then(|| read.into_iter().collect())
}

/// Reads a page's suspect words again (see the module's doc). `None` where no new reading
/// was taken.
pub(super) fn reread(engine: &mut Engine, page: &Page) -> Result<Option<(String, String)>> {
    read_again(
        engine,
        page,
        &WHITELIST,
        suspects(page.text),
        |&(word, at), _, reading, confidence| {
            accept(word, at, reading, confidence).map(|w| (w, None))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, usize)> {
        suspects(text)
            .into_iter()
            .map(|(s, (word, at))| {
                assert_eq!(word, &text[s.start..s.end]);
                (word, at)
            })
            .collect()
    }

    #[test]
    fn a_lone_arabic_digit_among_thai_letters() {
        let text = "หมู่ที่ ๑๗ จหัสไป5ษณีย์ ๗๐๘๘๐\nไตรมาสที่ ๔ 2งวันที่ ๘ มิ.ย.";
        assert_eq!(found(text), vec![("จหัสไป5ษณีย์", 6), ("2งวันที่", 0)]);
        let (span, _) = suspects(text)[1];
        assert_eq!(
            span.first_box,
            "หมู่ที่๑๗จหัสไป5ษณีย์๗๐๘๘๐ไตรมาสที่๔".chars().count()
        );
        // A digit at a word's end, beside Thai digits, two digits, a number alone, one
        // against punctuation, a Latin word's.
        for text in [
            "หมู่ที่2 ถนน",
            "๒5๒๐ ที่๑5น",
            "จำนวน 12คน",
            "มาตรา 65 บัญญัติ",
            "พ.ศ.2545 (5)ก",
            "COVID-19 A4",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_reading_is_taken_only_as_the_word_with_a_letter_for_its_digit() {
        let old = "จหัสไป5ษณีย์";
        assert_eq!(
            accept(old, 6, "จหัสไปรษณีย์\n", 80.0).as_deref(),
            Some("จหัสไปรษณีย์")
        );
        assert_eq!(
            accept(old, 6, "รหัสไปรษณีย์เ", 80.0).as_deref(),
            Some("รหัสไปรษณีย์")
        );
        for (reading, confidence) in [
            ("จหัสไป5ษณีย์", 90.0),
            ("จหัสไป๕ษณีย์", 90.0),
            ("จหัสไปรษณีย์", 30.0),
            ("รหัสไปรษณีย", 90.0),
            ("รหัสโปรษณีย", 90.0),
            ("รทัสไปรษณีย์", 90.0),
        ] {
            assert_eq!(accept(old, 6, reading, confidence), None, "{reading}");
        }
    }
}
