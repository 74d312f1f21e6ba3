//! A date's month abbreviation or era that Tesseract's English model read as Latin letters
//! (`๑๕ A.A. ๔๗` for ๑๕ ก.ค. ๔๗, `๑๖ ILA. ๖๗` for ม.ค., `Wa. ๒๕๔๗` for พ.ศ.), read again by
//! the Thai model alone — and one the Thai model itself read a letter off (`พ.ข.` for พ.ย.,
//! `บ.ศ.` for พ.ศ.), read again with only the abbreviations' letters allowed.
//!
//! With `tha+eng` Tesseract picks, word by word, the model that reads it with the higher
//! score, and a short word of round Thai letters and periods often scores higher as Latin:
//! about one abbreviated date in five on the digit pages lost its month so, and the date
//! with it. Cropped from the page and read again as one line with only the letters and
//! periods of the twelve abbreviations and `พ.ศ.` allowed, the same word reads right (the
//! whitelist keeps the English model out). Only a word that stands where a month
//! abbreviation stands — between a day's digits and a year's — or where the era stands —
//! before a year of four digits — is read again, and its reading is taken only if it is one
//! of those abbreviations whole: a Latin word elsewhere is never touched.
//!
//! The text and the glyph boxes come back together ([`super::respell`]).

use std::ffi::CString;
use std::sync::LazyLock;

use super::engine::Engine;
use super::respell::{read_again, words_by_line, Page, Span};
use crate::error::Result;
use crate::thai::dates::month_of;
use crate::thai::digits::is_thai_digit;

/// Where a Latin word stands in a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Between a day and a year: a month's abbreviation.
    Month,
    /// Before a year of four digits: the era.
    Era,
}

/// A Latin word of the text that stands in a date: its byte range, the index of its first
/// box (its first character other than whitespace), and its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) first_box: usize,
    pub(crate) slot: Slot,
}

impl Word {
    pub(crate) fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            first_box: self.first_box,
        }
    }
}

/// The twelve months' abbreviations (the forms with periods of `dictionaries/months.tsv`).
static MONTH_ABBREVIATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::dictionaries::get().month_abbreviations().collect());

/// The abbreviations a month's or the era's word may be read as.
fn abbreviations(slot: Slot) -> &'static [&'static str] {
    match slot {
        Slot::Month => &MONTH_ABBREVIATIONS,
        Slot::Era => &["พ.ศ."],
    }
}

/// The characters Tesseract may write when it reads such a word again: those of every
/// abbreviation, periods among them.
static WHITELIST: LazyLock<CString> = LazyLock::new(|| {
    let mut chars: Vec<char> = abbreviations(Slot::Month)
        .iter()
        .chain(abbreviations(Slot::Era))
        .flat_map(|a| a.chars())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    CString::new(chars.into_iter().collect::<String>()).unwrap_or_default()
});

/// A word Tesseract's English model may have written for a Thai abbreviation: two to five
/// Latin letters and periods (or a comma for one), a period or comma among them and a letter
/// (`A.A.`, `ILA.`, `fia,`) — or Arabic digits in an abbreviation's shape, a character, a
/// period, a character, a period (`1.8.` for ก.ย., Athiti Light), or a Thai digit for one of
/// the letters (`๓.ค.` for ต.ค., Kodchasan Bold Italic): no number is written so. Or Thai
/// letters and periods in an abbreviation's shape that are no abbreviation of a date, a
/// letter read as another (`พ.ข.` for พ.ย., `ส.ด.` for ส.ค., `บ.ศ.` and `บพ.ศ.` for พ.ศ.) —
/// the other eras (`ค.ศ.`, `ร.ศ.`, `จ.ศ.`) left as they are.
fn misread_abbreviation(token: &str) -> bool {
    let n = token.chars().count();
    let lettered = (2..=5).contains(&n)
        && token
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | ','))
        && token.chars().any(|c| c.is_ascii_alphabetic())
        && token.contains(['.', ',']);
    let chars: Vec<char> = token.chars().collect();
    let thai_letter = |c: char| ('\u{0E01}'..='\u{0E2E}').contains(&c);
    let dotted = matches!(chars.as_slice(), [a, '.', b, '.']
        if (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
            || ((is_thai_digit(*a) || thai_letter(*a))
                && (is_thai_digit(*b) || thai_letter(*b))
                && (is_thai_digit(*a) || is_thai_digit(*b))));
    let thai = (3..=6).contains(&n)
        && token.contains('.')
        && token
            .chars()
            .all(|c| c == '.' || ('\u{0E01}'..='\u{0E4E}').contains(&c))
        && token.chars().filter(|&c| thai_letter(c)).count() >= 2
        && !abbreviations(Slot::Month)
            .iter()
            .chain(abbreviations(Slot::Era))
            .chain(&OTHER_ERAS)
            .any(|a| *a == token);
    lettered || dotted || thai
}

/// Eras other than the Buddhist one, written as a date's abbreviations are: Christian,
/// Rattanakosin, Chula Sakarat.
const OTHER_ERAS: [&str; 3] = ["ค.ศ.", "ร.ศ.", "จ.ศ."];

fn digit(c: char) -> bool {
    is_thai_digit(c) || c.is_ascii_digit()
}

/// The Latin words of `text` that stand where a month's abbreviation stands (after a day,
/// before a two-digit year) or where the era stands (after a month's name or `ปี`, or
/// before a year of four digits). Tesseract's digits around them count however wrong: a
/// token ending in a digit or of up to two Latin characters is a day, one starting with a
/// digit or of up to three Latin characters a short year.
pub(crate) fn date_words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for (tokens, _) in words_by_line(text) {
        for (i, &(start, token, first_box)) in tokens.iter().enumerate() {
            if !misread_abbreviation(token) {
                continue;
            }
            let before = i.checked_sub(1).and_then(|k| tokens.get(k)).map(|t| t.1);
            let after = tokens.get(i + 1).map(|t| t.1);
            // (Tesseract's digits may be letters or symbols, a digit lost or one too many:
            // `๒๕ เมษายน Wa. ๒๕๕`, `ตุลาคม W.a. were`, `ลงวันที่ @ ALA. ๕๒`, `๑๐ A.A. bb`.)
            let latin = |t: &str, most: usize| {
                t.chars().count() <= most && t.chars().all(|c| c.is_ascii_graphic())
            };
            let year = after.is_some_and(|t| t.chars().count() == 4 && t.chars().all(digit))
                || before.is_some_and(|t| month_of(t).is_some_and(|_| t.chars().count() > 4))
                || before.is_some_and(|t| t.ends_with("ปี"));
            let short_year = |t: &str| t.chars().next().is_some_and(digit) || latin(t, 3);
            // (Or the day's word, the day lost: `ลงวันที่ A.A. ๖๕` for ลงวันที่ ๙ ส.ค. ๖๕ —
            // the digit pass looks for the day in the space before the month, once read.)
            let day = |t: &str| {
                t.chars().last().is_some_and(digit)
                    || latin(t, 2)
                    || (t.chars().count() <= 3 && t.chars().any(is_thai_digit))
                    || t.ends_with("วันที่")
            };
            let between_day_and_year = before.is_some_and(day) && after.is_some_and(short_year);
            let slot = if year {
                Slot::Era
            } else if between_day_and_year {
                Slot::Month
            } else {
                continue;
            };
            out.push(Word {
                start,
                end: start + token.len(),
                first_box,
                slot,
            });
        }
    }
    out
}

/// The abbreviation Tesseract's second reading of a word is, if it is one whole: its
/// letters, in order, and nothing else (periods it lost given back: `เมย.` for เม.ย.; a
/// period read as the letter before it, `กกย.` for ก.ย. — no abbreviation doubles a letter).
pub(crate) fn accept(slot: Slot, reading: &str) -> Option<&'static str> {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    let mut undoubled: Vec<char> = reading.chars().collect();
    undoubled.dedup();
    let read = letters(&undoubled.into_iter().collect::<String>());
    let only_periods = reading
        .chars()
        .all(|c| c.is_alphabetic() || c == '.' || c.is_whitespace());
    abbreviations(slot)
        .iter()
        .copied()
        .find(|a| only_periods && !read.is_empty() && letters(a) == read)
}

/// Reads the date words of a page again (see the module's doc). `None` where no word was
/// read as an abbreviation.
pub(super) fn reread(engine: &mut Engine, page: &Page) -> Result<Option<(String, String)>> {
    let words = date_words(page.text)
        .into_iter()
        .map(|w| (w.span(), w.slot))
        .collect();
    read_again(engine, page, &WHITELIST, words, |&slot, _, reading, _| {
        accept(slot, reading).map(|a| (a.to_string(), None))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Slot)> {
        date_words(text)
            .into_iter()
            .map(|w| (&text[w.start..w.end], w.slot))
            .collect()
    }

    #[test]
    fn latin_words_where_a_date_s_month_or_era_stands() {
        // Between a day and a year (its digits Latin too), before a year of four digits.
        let text = "ลงวันที่ ๑๕ A.A. ๕๕ เวลา\nลงวันที่ ๑๐ ILA. bel เวลา\nวันที่ ๒๕ เมษายน Wa. ๒๕๔๗";
        assert_eq!(
            found(text),
            vec![
                ("A.A.", Slot::Month),
                ("ILA.", Slot::Month),
                ("Wa.", Slot::Era)
            ]
        );
        // Tesseract's digits around it however wrong: a day of symbols or with a letter, a
        // year a digit short or of letters, the era after a month's name or `ปี`.
        let garbled = "ลงวันที่ @ ALA. ๕๒ เวลา\nลงวันที่ ๒ฒ fla. ๕๕ เวลา\nลงวันที่ ๑๗ 1.8. ๕๘ เวลา\nลงวันที่ ๒๔ ๓.ค. ๖๓ เวลา\nลงวันที่ ๒๔ พ.ข. ๔๐ เวลา\nวันที่ ๒๙ พฤษภาคม บพ.ศ. ๒๕๔๘\nลงวันที่ A.A. ๖๕ เวลา\nวันที่ ๒๕ เมษายน Wa. ๒๕๕ เป็น\nระหว่างปี Wid. were\nตุลาคม W.a. ๒๕๕๐๑";
        assert_eq!(
            found(garbled),
            vec![
                ("ALA.", Slot::Month),
                ("fla.", Slot::Month),
                ("1.8.", Slot::Month),
                ("๓.ค.", Slot::Month),
                ("พ.ข.", Slot::Month),
                ("บพ.ศ.", Slot::Era),
                ("A.A.", Slot::Month),
                ("Wa.", Slot::Era),
                ("Wid.", Slot::Era),
                ("W.a.", Slot::Era)
            ]
        );
        // Its first box: the characters other than whitespace before it.
        let first = date_words(text)[0].first_box;
        assert_eq!(first, "ลงวันที่๑๕".chars().count());
        // Not a unit after a time, a Latin word among words, a word with no period, a long
        // one, nor one before a Thai word.
        for text in [
            "เวลา ๑๐.๕๒ U.",
            "ดูที่ A.A. ได้",
            "ลงวันที่ ๑๕ AA ๕๕",
            "ลงวันที่ ๑๕ A.B.C.D ๕๕",
            "ลงวันที่ ๑๕ 1.8 ๕๕",
            "ข้อ ๑๕ 1.8. ให้",
            "ลงวันที่ ๒๔ ต.ค. ๖๓",
            "ตุลาคม พ.ศ. ๒๕๖๓",
            "ปี ค.ศ. ๒๐๒๓",
            "ข้อ ๑๕ ก.ม. ให้",
            "ข้อ ๑๕ A.A. ให้",
            "ลงวันที่ A.A. ให้",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_reading_is_taken_only_as_a_whole_abbreviation() {
        assert_eq!(accept(Slot::Month, "ส.ค.\n"), Some("ส.ค."));
        assert_eq!(accept(Slot::Month, "มี.ค"), Some("มี.ค."));
        assert_eq!(accept(Slot::Month, "ส. ค."), Some("ส.ค."));
        assert_eq!(accept(Slot::Month, "เมย."), Some("เม.ย."));
        assert_eq!(accept(Slot::Month, "กกย.\n"), Some("ก.ย."));
        assert_eq!(accept(Slot::Era, "พ.ศ."), Some("พ.ศ."));
        for (slot, reading) in [
            (Slot::Month, "พ.ศ."),
            (Slot::Month, "ส.ค.ค."),
            (Slot::Month, "ส,ค."),
            (Slot::Month, ""),
            (Slot::Era, "ส.ค."),
        ] {
            assert_eq!(accept(slot, reading), None, "{reading}");
        }
    }
}
