//! Latin words the Thai model read as digits and symbols (`(แบบ 0|1)` for OIT, `ไปสู่ว[5อก`
//! for vision), read again with Thai letters kept out.
//!
//! Announcements hold Latin words (acronyms, a web copy's bookmarks), and with `tha+eng`
//! Tesseract sometimes keeps the Thai model's reading of one: its digits and symbols for the
//! Latin letters. Those digits are numbers nowhere on the page, and the digit pass would
//! read their glyphs as Thai digits. A stretch of a word that mixes Arabic digits with what
//! no number is written with — brackets, a bar, an underscore, Latin letters — is cropped
//! and read again as one line with only Latin letters, digits (Arabic and Thai) and a few
//! symbols allowed. The new reading is taken only if it holds no digit at all and at least
//! as many Latin letters as the stretch had digits, with a mean confidence of 30 or more (a
//! whitelisted one-line reading scores low: `OT)` 39, `GoBack` 48): a real number
//! (`COVID-19`, `ISO9001`, a web address's) reads with its digits again and stays as it was.
//!
//! Arabic digits among Thai digits are left to the digit pass: they are how Tesseract writes
//! some Thai digits (`๑2` for a clause's ๑๒, which a reading like this one took for `Qs`).
//! But a word whose Thai and Arabic digits have a Thai consonant between them, and no vowel
//! and none of a number's marks (`. , / : -`), is no number in either script, nor a Thai
//! word (a web page's `_GoBack]` read `6๐8ล6`): from its first digit to its last, it is read
//! again the same way.

use std::ffi::CStr;

use super::digits::stands_in_for_a_digit;
use super::engine::Engine;
use super::respell::{read_again, words_by_line, Page, Span};
use crate::error::Result;
use crate::thai::digits::is_thai_digit;

/// What Tesseract may write when it reads such a stretch again.
const WHITELIST: &CStr =
    c"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789๐๑๒๓๔๕๖๗๘๙()[]|_-.,:/";

/// A new reading is taken only read at least this surely (Tesseract's mean confidence).
const MIN_CONFIDENCE: f32 = 30.0;

/// Symbols no number is written with.
fn foreign_to_numbers(c: char) -> bool {
    matches!(c, '|' | '[' | ']' | '{' | '}' | '_' | '\\')
}

/// The stretches of `text` (within its words) that may be Latin read as digits, in order and
/// not overlapping: see [`ascii_stretches`] and [`mixed_script_digits`].
pub(crate) fn suspects(text: &str) -> Vec<Span> {
    let mut all = ascii_stretches(text);
    all.extend(mixed_script_digits(text));
    all.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut out: Vec<Span> = Vec::with_capacity(all.len());
    for span in all {
        if out.last().is_none_or(|last| span.start >= last.end) {
            out.push(span);
        }
    }
    out
}

/// ASCII characters together, an Arabic digit among them and a symbol no number is written
/// with or a Latin letter.
fn ascii_stretches(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut visible = 0usize;
    let mut byte = 0usize;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_graphic() {
            if !chars[i].is_whitespace() {
                visible += 1;
            }
            byte += chars[i].len_utf8();
            i += 1;
            continue;
        }
        // A stretch starts here.
        let (start, first_box) = (byte, visible);
        let mut k = i;
        while k < chars.len() && chars[k].is_ascii_graphic() {
            byte += 1;
            visible += 1;
            k += 1;
        }
        let stretch = &chars[i..k];
        let arabic = stretch.iter().any(char::is_ascii_digit);
        let mixed = stretch
            .iter()
            .any(|&c| foreign_to_numbers(c) || c.is_ascii_alphabetic());
        if arabic && mixed {
            out.push(Span {
                start,
                end: byte,
                first_box,
            });
        }
        i = k;
    }
    out
}

/// The stretches of `text` where a word holds a Thai digit and an Arabic one with a Thai
/// consonant between them, and no vowel or number's mark: from the word's first digit to
/// its last.
fn mixed_script_digits(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (words, _) in words_by_line(text) {
        for (offset, word, first_box) in words {
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            let digit = |c: char| c.is_ascii_digit() || is_thai_digit(c);
            let (Some(first), Some(last)) = (
                chars.iter().position(|&(_, c)| digit(c)),
                chars.iter().rposition(|&(_, c)| digit(c)),
            ) else {
                continue;
            };
            let inside = &chars[first..=last];
            // Only digits, ASCII and Thai consonants: Thai words have vowels (`ที่๑ใน2`); and
            // none of a number's marks: `2วลป//๕๒` is a house number (๖๖๗//๔๒) read so.
            let bare = inside.iter().all(|&(_, c)| {
                (digit(c) || c.is_ascii_graphic() || ('ก'..='ฮ').contains(&c))
                    && !matches!(c, '.' | ',' | '/' | ':' | '-')
            });
            let thai = inside.iter().any(|&(_, c)| is_thai_digit(c));
            let arabic = inside.iter().any(|&(_, c)| c.is_ascii_digit());
            // (Not a letter Tesseract writes for a Thai digit: `๒ง5` may be a number.)
            let letter = inside
                .iter()
                .any(|&(_, c)| ('ก'..='ฮ').contains(&c) && !stands_in_for_a_digit(c));
            if bare && thai && arabic && letter {
                let (at, c) = inside[inside.len() - 1];
                out.push(Span {
                    start: offset + inside[0].0,
                    end: offset + at + c.len_utf8(),
                    first_box: first_box + first,
                });
            }
        }
    }
    out
}

/// The new reading of a stretch that had `digits` digits, if it is taken (see the module's
/// doc).
pub(crate) fn accept(reading: &str, confidence: f32, digits: usize) -> Option<String> {
    let reading = reading.split_whitespace().collect::<Vec<_>>().join(" ");
    let letters = reading.chars().filter(char::is_ascii_alphabetic).count();
    let no_digit = !reading
        .chars()
        .any(|c| c.is_ascii_digit() || is_thai_digit(c));
    (no_digit && letters >= digits.max(1) && confidence >= MIN_CONFIDENCE).then_some(reading)
}

/// Reads a page's suspect stretches again (see the module's doc). `None` where no new
/// reading was taken.
pub(super) fn reread(engine: &mut Engine, page: &Page) -> Result<Option<(String, String)>> {
    let stretches = suspects(page.text)
        .into_iter()
        .map(|span| {
            let digits = page.text[span.start..span.end]
                .chars()
                .filter(|&c| c.is_ascii_digit() || is_thai_digit(c))
                .count();
            (span, digits)
        })
        .collect();
    read_again(
        engine,
        page,
        WHITELIST,
        stretches,
        |&digits, _, reading, confidence| accept(reading, confidence, digits).map(|a| (a, None)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        suspects(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn stretches_that_mix_digits_with_what_no_number_holds() {
        let text =
            "ข้อมูลสาธารณะ (แบบ 0|1) ทั้งหมด\n[bookmark: 6๐8ล6แห่งรัฐ มาตรา 65\nไปสู่ว[5อก เป้าหมาย COVID-19";
        assert_eq!(found(text), vec!["0|1)", "6๐8ล6", "[5", "COVID-19"]);
        // Their first boxes: the characters other than whitespace before them.
        let first = suspects(text)[0].first_box;
        assert_eq!(first, "ข้อมูลสาธารณะ(แบบ".chars().count());
        let bookmark = suspects(text)[1];
        assert_eq!(
            bookmark.first_box,
            "ข้อมูลสาธารณะ(แบบ0|1)ทั้งหมด[bookmark:".chars().count()
        );
        let vision = suspects(text)[2];
        assert_eq!(
            vision.first_box,
            "ข้อมูลสาธารณะ(แบบ0|1)ทั้งหมด[bookmark:6๐8ล6แห่งรัฐมาตรา65ไปสู่ว"
                .chars()
                .count()
        );
        // Numbers alone, a number against a word, a date, a web address without digits,
        // Arabic digits among Thai ones.
        for text in [
            "มาตรา 65 บัญญัติ",
            "ที่1 และ ๒๕๖๖",
            "ข้อ ๑.๒.๓ (1) (ก)",
            "วันที่ 13/03/2566 เวลา 10:30 น.",
            "www.opdc.go.th",
            "๒๕๖๖ ๑2 ๒5๒๐ ๒ง5 ที่๑ใน2 2วลป//๕๒",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_reading_is_taken_only_with_no_digit_and_letters_enough() {
        assert_eq!(accept("OIT)\n", 90.0, 2), Some("OIT)".to_string()));
        assert_eq!(accept(" Go Back] ", 80.0, 2), Some("Go Back]".to_string()));
        for (reading, confidence, digits) in [
            ("COVID-19", 95.0, 2),
            ("O1T)", 95.0, 2),
            ("๒๕๖๖", 95.0, 4),
            ("OIT", 20.0, 2),
            ("I", 95.0, 2),
            ("", 95.0, 1),
        ] {
            assert_eq!(accept(reading, confidence, digits), None, "{reading}");
        }
    }
}
