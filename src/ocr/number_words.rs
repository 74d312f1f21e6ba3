//! A Thai word that stands before a number, read by Tesseract's English model as Latin
//! (`sia ๒๑๖` and `HA ๓๙๖` for ต่อ, `KYA ๘` for หมู่ที่, `tun ๑๕` for วันที่, `JALAL ๔๖.๒๑` for
//! ร้อยละ), read again by the Thai model with only those words' letters allowed.
//!
//! With `tha+eng` Tesseract picks, word by word, the model that scores the word higher, and
//! short Thai words of round letters often score higher as Latin: on the digit pages about
//! two hundred words before numbers came out so, and with them the words search finds
//! (`หมู่ที่`, `ต่อ`). As [`super::date_words`] does for a date's abbreviations, a Latin word
//! right before what may be a number as Tesseract wrote it is cut from the page and read
//! again as one line with only the letters of [`NUMBER_WORDS`] allowed, and the reading is
//! taken only if it is one of those words whole: a Latin word that is one (`COVID ๑๙`) reads
//! as none of them and stays. The digit pass then finds the word a number follows where it
//! looks for one (its `NUMBER_SLOTS`, which end these words).
//!
//! The new letters' boxes take the rows of their line's Thai letters: boxed at a Latin
//! capital's height they pulled the line's band, in which the digit pass looks for digits,
//! out of true (a phone number read two glyphs past its end).

use std::ffi::CString;
use std::sync::LazyLock;

use super::digits::{line_band, stands_in_for_a_digit};
use super::engine::Engine;
use super::respell::{read_again, words_by_line, Page, Span};
use crate::error::Result;
use crate::thai::digits::is_thai_digit;

/// The words announcements write before a number (a clause's, an extension's, a village's,
/// a date's, a share's, a phone's, a time's, a section's, a year's).
pub(crate) const NUMBER_WORDS: [&str; 15] = [
    "ข้อ",
    "ต่อ",
    "ที่",
    "หมู่ที่",
    "วันที่",
    "ลงวันที่",
    "เลขที่",
    "ร้อยละ",
    "โทร",
    "เวลา",
    "มาตรา",
    "หมวด",
    "ครั้งที่",
    "ฉบับที่",
    "ปี",
];

/// A reading is taken only this sure (Tesseract's mean confidence; the number words read
/// again on the digit pages scored 60 to 94).
const MIN_CONFIDENCE: f32 = 50.0;

/// The characters Tesseract may write when it reads such a word again.
static WHITELIST: LazyLock<CString> = LazyLock::new(|| {
    let mut chars: Vec<char> = NUMBER_WORDS.iter().flat_map(|w| w.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    CString::new(chars.into_iter().collect::<String>()).unwrap_or_default()
});

/// The Latin words of `text` right before what may be a number ([`before_a_number`]): two to
/// six ASCII letters. (Words with periods are a date's, left to [`super::date_words`].) Each
/// with the range of its line's glyph boxes.
pub(crate) fn number_words(text: &str) -> Vec<(Span, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (tokens, line_end) in words_by_line(text) {
        let line_boxes = tokens.first().map_or(line_end, |t| t.2)..line_end;
        for pair in tokens.windows(2) {
            let ((start, word, first_box), (_, next, _)) = (pair[0], pair[1]);
            let latin =
                (2..=6).contains(&word.len()) && word.chars().all(|c| c.is_ascii_alphabetic());
            if latin && before_a_number(next) {
                let span = Span {
                    start,
                    end: start + word.len(),
                    first_box,
                };
                out.push((span, line_boxes.clone()));
            }
        }
    }
    out
}

/// Whether a token may be a number as Tesseract wrote it before the digit pass: it starts
/// with a Thai digit or a letter Tesseract writes for one (`ว๑๐`, `ฒ๕ญ่`, `3๙๖`), or it is
/// up to three Latin letters or symbols (`G` for ๘, `bo` for a day: the English model's
/// reading of a number, which the digit pass reads again). A number in Arabic digits does
/// not count: before one a Latin word may well be one (`PM 2.5`, `ISO 9001`).
fn before_a_number(token: &str) -> bool {
    let thai = token.chars().any(is_thai_digit);
    let starts = token
        .chars()
        .next()
        .is_some_and(|c| is_thai_digit(c) || (stands_in_for_a_digit(c) && (!c.is_ascii() || thai)));
    let latin = token.chars().count() <= 3
        && token
            .chars()
            .all(|c| c.is_ascii_graphic() && !c.is_ascii_digit());
    starts || latin
}

/// Thai letters and the leading vowels, in order: what a reading must have as a number word
/// has them (its vowels above and below and its tone marks may be read a little off: `หมูที่`,
/// `รัอยละ`).
fn letters(word: &str) -> String {
    word.chars()
        .filter(|&c| ('\u{0E01}'..='\u{0E30}').contains(&c) || ('เ'..='ไ').contains(&c) || c == 'า')
        .collect()
}

/// The number word a new reading is, if it is one whole (see [`letters`]).
pub(crate) fn accept(reading: &str) -> Option<&'static str> {
    let read: String = reading.chars().filter(|c| !c.is_whitespace()).collect();
    let exact = NUMBER_WORDS.iter().copied().find(|w| *w == read);
    exact.or_else(|| {
        let mut near = NUMBER_WORDS
            .iter()
            .copied()
            .filter(|w| letters(w) == letters(&read));
        // (Only where the letters name one word.)
        match (near.next(), near.next()) {
            (Some(w), None) if !read.is_empty() => Some(w),
            _ => None,
        }
    })
}

/// Reads the number words of a page again (see the module's doc). `None` where no word was
/// read as one.
pub(super) fn reread(engine: &mut Engine, page: &Page) -> Result<Option<(String, String)>> {
    read_again(
        engine,
        page,
        &WHITELIST,
        number_words(page.text),
        |line, glyphs, reading, confidence| {
            let rows = glyphs.get(line.clone()).and_then(line_band);
            accept(reading)
                .filter(|_| confidence >= MIN_CONFIDENCE)
                .map(|w| (w.to_string(), rows))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        number_words(text)
            .into_iter()
            .map(|(s, _)| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn latin_words_before_what_may_be_a_number() {
        // Before Thai digits, a letter Tesseract writes for one, Arabic digits, a short Latin
        // token (a number the English model read).
        let text = "ติดต่อ โทร ๐ ๗๕๗๑ sia ๒๑๖ บ้านเลขที่ ๔๑/๒ KYA G รหัส\nประกาศ ณ Tui ว๑๐ มกราคม\nJAMAL 4๖.๒๑ ของ";
        assert_eq!(found(text), vec!["sia", "KYA", "Tui", "JAMAL"]);
        // Its first box: the characters other than whitespace before it.
        let (first, line) = number_words(text)[0].clone();
        assert_eq!(first.first_box, "ติดต่อโทร๐๗๕๗๑".chars().count());
        // And its line's boxes.
        assert_eq!(
            line,
            0.."ติดต่อโทร๐๗๕๗๑sia๒๑๖บ้านเลขที่๔๑/๒KYAGรหัส".chars().count()
        );
        // Not before a Thai word or an Arabic number, a word with a period (a date's), one
        // letter, a long word, a word of Thai letters.
        for text in [
            "PM 2.5 เกิน",
            "ISO 9001 ระบบ",
            "COVID 19 ระบาด",
            "sia ให้ใช้",
            "A.A. ๖๕",
            "G ๘",
            "SALIAYS ๔๖",
            "ต่อ ๒๑๖",
            "ISO ระบบ",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_reading_is_taken_only_as_a_number_word_whole() {
        assert_eq!(accept("ต่อ\n"), Some("ต่อ"));
        assert_eq!(accept("ร้อยละ"), Some("ร้อยละ"));
        // Its marks a little off: the letters name one word.
        assert_eq!(accept("หมูที่\n"), Some("หมู่ที่"));
        assert_eq!(accept("รัอยละ"), Some("ร้อยละ"));
        for reading in ["", "มู่ที่", "วันที่ ว", "งวนที่", "ลง", "ต่อต่อ"]
        {
            assert_eq!(accept(reading), None, "{reading}");
        }
    }
}
