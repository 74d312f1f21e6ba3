//! Tokens Tesseract did not write as Thai digits that may still be numbers (a clause label
//! read `©.`, a number read as Latin letters, letters where the words say a number stands):
//! found in the text alone, and read again from the page only where the glyphs surely are
//! digits (see [`super::decide`]).

use super::runs::stands_in_for_a_digit;
use crate::thai::clean::is_combining_mark;
use crate::thai::dates::month_of;
use crate::thai::digits::is_thai_digit;

/// A token Tesseract did not write as Thai digits that may still be a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Candidate {
    /// A line's first token, Thai text after it: where clause numbers stand (`©.`, `on.`).
    Label,
    /// A short token where a number may stand: Latin among Thai words (the English model's
    /// reading of a number: `weed` for ๒๕๖๙, `coco` for ๔๑๙๐), Thai letters right after a
    /// number or in one of its comma groups (a face's digits read as letters: `สสอ` for ๙๙๖).
    Word,
    /// A word of one or two characters where the words around it say a number stands: after
    /// a word a number follows (`หมู่ที่ ญ`) or before a month's name (`วันที่ ฯ กรกฎาคม`).
    /// The place vouches for it: one or two glyphs each likelier a digit than not are enough.
    Slot,
    /// The space before a word where the words around say a number stands (after a word a
    /// number follows, before a month's name): ink there Tesseract wrote nothing for is read
    /// as a [`Candidate::Slot`] is.
    Gap,
}

/// Tokens Tesseract did not write as Thai digits that stand where numbers stand: tokens of no
/// Thai letters and no Thai digits — Latin letters, symbols, Arabic digits, or one letter
/// Tesseract writes for a digit — at the start of a line before Thai text or anywhere in a
/// line that holds Thai (each part of one with a slash or a comma; where a number stands, a
/// symbol alone too); Thai letters right after a number (up to five), before a month's name
/// (up to three), after a word a number follows ([`NUMBER_SLOTS`]) or before one that counts
/// ([`COUNTERS`], up to four), or with an
/// Arabic digit among them (up to four); one letter against `ที่`; the groups of a number's
/// commas or slashes that hold no Thai digit; and the space before a word where a number
/// stands ([`Candidate::Gap`], an empty range). Byte range of the token, the visible index
/// of its first character, and which kind it is. Only glyphs the model is sure are Thai
/// digits turn one into digits (see [`read_candidate`]) — or, where the words around say a
/// number stands ([`Candidate::Slot`]), likely digits; genuine words and Arabic numbers stay
/// as they are.
pub(super) fn candidates(text: &str) -> Vec<(usize, usize, usize, Candidate)> {
    // (ฯ too: a typewriter's ๗ comes out as one.)
    let is_thai_letter = |c: char| ('\u{0E01}'..='\u{0E2F}').contains(&c) || leading_vowel(c);
    let mut out = Vec::new();
    let mut seen = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        // (Thai digits say so too: `Gaga Ins ๐ iced ๕๕๕๓` is a phone number's line whose
        // words Tesseract's English model read.)
        let thai_line = line.chars().any(|c| is_thai_letter(c) || is_thai_digit(c));
        let mut first = true;
        // The token before was a number in Thai digits.
        let mut after_number = false;
        // The token before ends with a word a number follows (`หมู่ที่`, `ข้อ`, `ร้อยละ`).
        let mut after_slot = false;
        // The token before opens the line: a clause label ending with a period.
        let mut after_open_label = false;
        // The token before is a number ending with a slash: its part after the slash left out.
        let mut after_open_slash = false;
        let mut visible = seen;
        let mut rest = line;
        let mut byte = offset;
        loop {
            let lead = rest.len() - rest.trim_start().len();
            byte += lead;
            rest = &rest[lead..];
            let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            if token_len == 0 {
                break;
            }
            let token = &rest[..token_len];
            let after = rest[token_len..].trim_start();
            let n = token.chars().count();
            // Before a month's name, where a date's day stands.
            let before_month = after
                .split_whitespace()
                .next()
                .is_some_and(|t| month_of(t).is_some());
            // One or two characters where the words around say a number stands (`หมู่ที่ ญ`,
            // `วันที่ ฯ กรกฎาคม`).
            // Before a word that counts what a number counts (`๗๗๗๐ ราย`, `๗๖ วัน`), up to
            // four characters.
            let before_counter = after
                .split_whitespace()
                .next()
                .is_some_and(|t| COUNTERS.contains(&t));
            let in_slot = ((after_slot || before_month) && n <= 2) || (before_counter && n <= 4);
            let word = if in_slot {
                Candidate::Slot
            } else {
                Candidate::Word
            };
            // Before a word, where the words around say a number stands and Tesseract may
            // have written nothing for it (`วันที่ กันยายน` for วันที่ ๗ กันยายน): the space
            // is looked at on the page (see [`gap_area`]).
            let a_word = n >= 3
                && token.chars().any(is_thai_letter)
                && !token
                    .chars()
                    .any(|c| is_thai_digit(c) || c.is_ascii_digit());
            if !first && a_word && (after_slot || month_of(token).is_some()) && !after_number {
                out.push((byte, byte, visible, Candidate::Gap));
            }
            // After a clause label ending with a period, where its last number may stand and
            // Tesseract wrote nothing for it (`๔.๔. รายงาน` for ๔.๔.๗ รายงาน): a label's own
            // space is too narrow to be looked at.
            if after_open_label && a_word {
                out.push((byte, byte, visible, Candidate::Gap));
            }
            // After a number ending with a slash, where the number's part after it stands and
            // Tesseract wrote nothing for it (`๕๓๖/ หมู่ที่` for ๕๓๖/๗ หมู่ที่, Kodchasan
            // SemiBold's ๗ tucked against the slash): no number ends with one.
            if after_open_slash
                && !token
                    .chars()
                    .any(|c| is_thai_digit(c) || c.is_ascii_digit())
            {
                out.push((byte, byte, visible, Candidate::Gap));
            }
            // A closing bracket last and no opening one, in a line's first token with periods
            // or where a number stands: a number whose last digit's tail Tesseract read as
            // the bracket (`0.6.0)` for the label ๑.๙.๗, `Me.)`, `o.oo)`; `Come) ราย` for
            // ๕๐๙๗ ราย) — not a list item's `1)` or `(1)`.
            // (A period after the bracket too: `0.0).` for ๓.๗.๓, Mali Medium Italic.)
            let label_bracket = token.trim_end_matches('.').ends_with(')')
                && token.matches(')').count() == 1
                && !token.contains('(')
                && ((first && token.contains('.')) || after_slot || before_counter);
            // (A bracket opening the token may be a digit's shape — Noto Looped's condensed
            // ๗ read `(` — but a list item's `(1)` is no number.)
            let latin_like = !token.char_indices().any(|(i, c)| {
                is_thai_digit(c) || (c == '(' && i > 0) || (c == ')' && !label_bracket)
            }) && token.chars().all(|c| {
                // (Typographic punctuation too — quotes, primes, guillemets: `wed”` for
                // ๒๕๖๗, `Oma’` for ๑๗๙.)
                c.is_ascii_graphic()
                    || ('\u{A1}'..='\u{FF}').contains(&c)
                    || ('\u{2010}'..='\u{205E}').contains(&c)
                    || stands_in_for_a_digit(c)
            }) && (token.chars().any(|c| {
                    // (Tesseract's English model writes a bold ๘ as `«`, ๔ as `¢`, ๖ as `>`.)
                    c.is_ascii_alphanumeric()
                        || ('\u{A1}'..='\u{FF}').contains(&c)
                        || "<>@ฒงวฆญณ".contains(c)
                })
                    // (Where a number stands, any symbol: `หมู่ที่ =` for หมู่ที่ ๘.)
                    || in_slot);
            if latin_like {
                // (Up to four characters; a label's three numbers and their periods up to
                // eight: `em...)` for ๗.๖.๖.)
                let longest = if token.contains('.') { 8 } else { 4 };
                if first
                    && (1..=longest).contains(&n)
                    && after.chars().next().is_some_and(is_thai_letter)
                {
                    out.push((byte, byte + token_len, visible, Candidate::Label));
                } else if thai_line && (1..=6).contains(&n) && !token.contains(['/', ',']) {
                    out.push((byte, byte + token_len, visible, word));
                } else if thai_line
                    && (after_slot || before_counter)
                    && n <= 10
                    && !token.contains(['/', ',', '.'])
                {
                    // A whole number read as a long Latin word where a number stands, two
                    // letters a digit (`evevevla ราย` for ๗๗๗๒ ราย, `รหัสไปรษณีย์ cumevoe` for
                    // ๗๓๗๖๕): too long for a word among Thai, not for a number's place. (One
                    // with a slash, comma or point is read part by part, below.)
                    out.push((byte, byte + token_len, visible, Candidate::Word));
                } else if thai_line && (1..=9).contains(&n) {
                    // A number with a slash or a comma read as Latin (`(00/@` for ๗๐๐/๙๙, a
                    // house number; `MEd,` for ๓๔๖,), or one too long for a word with a
                    // decimal point (`GG.ovla` for ๘๘.๗๒, Google Sans Bold; one point only, not
                    // a web address's `a.go.th`): each part on its own, as the slash, comma or
                    // point is no digit.
                    let point = token.matches('.').count() == 1;
                    let mut at = 0usize;
                    let mut part_visible = visible;
                    for part in token.split(|c| c == '/' || c == ',' || (point && c == '.')) {
                        let len = part.chars().count();
                        if (1..=4).contains(&len) {
                            out.push((byte + at, byte + at + part.len(), part_visible, word));
                        }
                        at += part.len() + 1;
                        part_visible += len + 1;
                    }
                }
            } else if first {
                // A clause label read partly as letters or with a number lost: `ผุ๗.๘` for
                // ๙.๗.๘, `ฒซ.๘` for ๗.๘, `ผง.` for ๕.๖., `๑..๔` for ๑.๗.๔ — opening a line
                // before Thai text, Thai digits, letters and marks in one to three groups of
                // up to three between periods, a Thai digit or a letter Tesseract writes for
                // one among them (not an abbreviation's letters: `พ.ศ.`, `อบต.`), or two
                // periods in a row; two characters at least (`ง.` is a list item's letter).
                // (A leading vowel too: `๖.ฒ.ใต` for ๖.๗.๒, Maitree Light's ๒ read `ใต`; and
                // an Arabic digit, the English model's reading of one: `๕.9.ซ` for ๔.๖.๗.)
                let label_like = |c: char| {
                    is_thai_digit(c)
                        || c.is_ascii_digit()
                        || c == '.'
                        || ('\u{0E01}'..='\u{0E2E}').contains(&c)
                        || leading_vowel(c)
                        || is_combining_mark(c)
                };
                // (Past a leading vowel Tesseract put before a digit, `ไ๒.อ.๑` for ๒.๑.๑: no
                // word starts with one and goes on with a digit; cleaning drops it.)
                let stray = token
                    .chars()
                    .next()
                    .filter(|&c| leading_vowel(c))
                    .filter(|_| token.chars().nth(1).is_some_and(is_thai_digit))
                    .map_or(0, char::len_utf8);
                let label = &token[stray..];
                let groups: Vec<&str> = label.trim_end_matches('.').split('.').collect();
                let garbled = label.contains('.')
                    && label.chars().all(label_like)
                    && !label.starts_with(leading_vowel)
                    && label.chars().filter(|&c| c != '.').count() >= 2
                    && (1..=3).contains(&groups.len())
                    && groups.iter().all(|g| g.chars().count() <= 3)
                    && ((label
                        .chars()
                        .any(|c| stands_in_for_a_digit(c) || is_thai_digit(c))
                        && label.chars().any(|c| !is_thai_digit(c) && c != '.'))
                        || label.contains(".."))
                    && after.chars().next().is_some_and(is_thai_letter);
                if garbled {
                    let at = visible + usize::from(stray > 0);
                    out.push((byte + stray, byte + token_len, at, Candidate::Label));
                }
                // A clause label whose last number came out as letters (`๑.๒.ดา` for ๑.๒.๓):
                // one or two characters after `digits.`, then a space.
                if let Some(dot) = token.rfind('.') {
                    let (head, tail) = (&token[..dot], &token[dot + 1..]);
                    let tail_len = tail.chars().count();
                    if head.chars().last().is_some_and(is_thai_digit)
                        && (1..=2).contains(&tail_len)
                        && !tail.chars().any(is_thai_digit)
                    {
                        let tail_visible = visible + head.chars().count() + 1;
                        out.push((
                            byte + dot + 1,
                            byte + token_len,
                            tail_visible,
                            Candidate::Word,
                        ));
                    }
                }
            } else if !token.chars().any(is_thai_digit)
                && token.chars().any(is_thai_letter)
                && !(after_slot && n > 4 && token.contains('.') && month_of(token).is_none())
                // (A number with a slash after a number's word, all of it read as letters —
                // `เลขที่ รรฒ/รส` for ๑๑๗/๑๙ — is a number's groups, read below.)
                && !(after_slot && token.contains('/'))
            {
                // Thai letters right after a number (`๗๙๐๐ สต่อด` for ๗๙๐๐ ๙๒๖๙: a face's
                // digits Tesseract took all for letters): a number's second part, if its
                // glyphs surely are digits.
                // Before a month's name, where a date's day stands (`วันที่ ซ กันยายน` for
                // ๗ กันยายน), up to three.
                // After a word a number follows (`หมู่ที่ เฒ` for หมู่ที่ ๗), or before a word
                // that counts what a number counts (`ญ่ญ ราย` for ๗๗๗๗ ราย), up to four.
                // Thai letters and Arabic digits in one short token (`จ9` for ๖๖, `อ9` for
                // ๑๖): Tesseract's two models each took part of a number; no Thai word holds
                // an Arabic digit.
                let mixed = n <= 4 && token.chars().any(|c| c.is_ascii_digit());
                if (after_number && (1..=5).contains(&n))
                    || (before_month && n <= 3)
                    || (after_slot && n <= 4)
                    || (before_counter && n <= 4)
                    || mixed
                {
                    out.push((byte, byte + token_len, visible, word));
                } else if let Some(head) = token
                    .strip_suffix(|c: char| is_thai_letter(c) && !leading_vowel(c))
                    .filter(|head| head.ends_with("ที่") || (before_month && head.ends_with("ที")))
                {
                    // One letter after `ที่` with no space (`วันที่ญ` for วันที่ ๗): no word
                    // ends so; a number's place. (Tesseract often loses the mai ek, which a
                    // repair rule puts back later: `ทีณ`, then only before a month's name —
                    // `ทีม` is a word.)
                    let at = byte + head.len();
                    out.push((at, byte + token_len, visible + n - 1, Candidate::Slot));
                } else if let Some((prefix, _)) = token
                    .char_indices()
                    .find(|&(_, c)| ('\u{0E00}'..='\u{0E7F}').contains(&c))
                    .map(|(at, _)| token.split_at(at))
                    .filter(|(prefix, word)| {
                        (1..=2).contains(&prefix.chars().count())
                            && !prefix.contains([')', ']'])
                            && (after_slot || month_of(word).is_some())
                    })
                {
                    // A symbol glued to the word after a number's place, or to a month's
                    // name (`หมู่ที่ «รหัส` for หมู่ที่ ๘ รหัส: the English model's `«` for a
                    // bold ๘, the space lost).
                    out.push((byte, byte + prefix.len(), visible, Candidate::Slot));
                } else if let Some(head) = glued_to_a_month(token).filter(|_| after_slot) {
                    // A letter or two glued to a month's name where a day stands (`วันที่
                    // วกันยายน` for วันที่ ๖ กันยายน: a face's ๖ read as ว, the space lost).
                    out.push((byte, byte + head.len(), visible, Candidate::Slot));
                } else if let Some(head) = glued_stand_in(token).filter(|_| after_slot) {
                    // A letter Tesseract writes for a digit glued to the next word where a
                    // number stands (`หมู่ที่ ฒรหัสไปรษณีย์` for หมู่ที่ ๗ รหัส…, `หมู่ที่
                    // วรหัส…` for ๖).
                    out.push((byte, byte + head.len(), visible, Candidate::Slot));
                }
            } else if token.contains([',', '/', '.']) {
                // A thousands group read as letters (`๘๖๕,สสอ`, `ฒ,๙๙๒`), or a number's part
                // after a slash (`๓๙๓/ญฒ` for ๓๙๓/๗, a house number; `๑๒๓/๒๕๖๖`, an order's)
                // or on either side of its period (`๖๖.ต(ญ` for ๖๖.๙๗, `ต.๑๗` for ๙.๑๗, a
                // time): the groups of a number, one of them Thai digits, that hold none.
                // (Not an abbreviation's letters: `ต.ค.๖๖`.)
                let groups = || token.split([',', '/', '.']);
                let letter = |g: &str| g.chars().count() == 1 && g.chars().all(is_thai_letter);
                let abbreviated = token
                    .split('.')
                    .collect::<Vec<_>>()
                    .windows(2)
                    .any(|w| letter(w[0]) && letter(w[1]));
                // (After a word a number follows, a number however Tesseract read it:
                // `ร้อยละ ตปลป.ญอว` for ร้อยละ ๗๗.๗๐.)
                let numeric =
                    !abbreviated && (after_slot || groups().any(|g| g.chars().any(is_thai_digit)));
                // A digit Tesseract wrote as a slash (a thin face's ๗: `//๒๕๕๐` for
                // ๗/๒๕๕๐, `%//๒๕๔๗` for ๗/๒๕๔๗): no number holds two slashes in a row, so
                // what stands before them, with the first, may be a digit — where it holds no
                // Thai digit (a run's glyphs are read as a run).
                if let Some(double) = token.find("//") {
                    let head = &token[..double + 1];
                    if numeric && head.chars().count() <= 3 && !head.chars().any(is_thai_digit) {
                        out.push((byte, byte + head.len(), visible, Candidate::Word));
                    }
                }
                let mut at = 0usize;
                let mut group_visible = visible;
                for group in groups() {
                    let len = group.chars().count();
                    // (Counted without the marks Tesseract put on its letters: `เล่เท/๒๕๕๓`
                    // for ๙๘๓/๒๕๕๓.)
                    let glyphs = group.chars().filter(|&c| !is_combining_mark(c)).count();
                    if numeric
                        && (1..=4).contains(&glyphs)
                        && !group.chars().any(is_thai_digit)
                        && group.chars().any(|c| {
                            is_thai_letter(c) || stands_in_for_a_digit(c) || c.is_ascii_digit()
                        })
                    {
                        out.push((
                            byte + at,
                            byte + at + group.len(),
                            group_visible,
                            Candidate::Word,
                        ));
                    }
                    at += group.len() + 1;
                    group_visible += len + 1;
                }
            }
            // (Tesseract may have read some of its digits as letters too: `ฒ่๕๐๐`.)
            let digits = token.chars().filter(|&c| is_thai_digit(c)).count();
            after_number = digits > 0 && digits * 2 >= n;
            // (Or `ที่` with its mai ek lost, as Tesseract often writes it: `หมู่ที อ` for
            // หมู่ที่ ๑. Not the words that end so: `นาที`, which a number comes before, and
            // `ทันที`.)
            after_slot = NUMBER_SLOTS.iter().any(|w| token.ends_with(w))
                || (token.ends_with("ที")
                    && n > 2
                    && !["นาที", "ทันที"].iter().any(|w| token.ends_with(w)));
            // (One to three numbers, each followed by its period: `๒.`, `๔.๔.`.)
            after_open_label = first
                && token.ends_with('.')
                && !token.contains("..")
                && (1..=3).contains(&token.matches('.').count())
                && token.chars().all(|c| c == '.' || is_thai_digit(c));
            after_open_slash = token
                .strip_suffix('/')
                .is_some_and(|head| head.chars().next_back().is_some_and(is_thai_digit));
            first = false;
            visible += n;
            byte += token_len;
            rest = &rest[token_len..];
        }
        seen += line.chars().filter(|c| !c.is_whitespace()).count();
        offset += line.len();
    }
    out
}

/// What stands before a month's name in a token that ends with one: one or two characters,
/// no digit among them (`ว` of `วกันยายน`).
fn glued_to_a_month(token: &str) -> Option<&str> {
    crate::dictionaries::get().months.iter().find_map(|m| {
        let head = token.strip_suffix(m.name)?;
        ((1..=2).contains(&head.chars().count()) && !head.chars().any(is_thai_digit))
            .then_some(head)
    })
}

/// A vowel written before the consonant it follows in speech (เ แ โ ใ ไ): no word ends
/// with one, and a Thai word may start with one.
pub(in crate::ocr) fn leading_vowel(c: char) -> bool {
    "เแโใไ".contains(c)
}

/// The letter a token opens with where it is one Tesseract writes for a digit and a word
/// follows it at once — a consonant, not the letter's own vowel or mark, nor another such
/// letter: `ฒ` of `ฒรหัส`.
fn glued_stand_in(token: &str) -> Option<&str> {
    let mut chars = token.chars();
    let first = chars
        .next()
        .filter(|&c| stands_in_for_a_digit(c) && !c.is_ascii())?;
    let next = chars.next()?;
    let word = ('ก'..='ฮ').contains(&next) && !stands_in_for_a_digit(next);
    (word && chars.count() >= 2).then(|| &token[..first.len_utf8()])
}

/// Words that count what the number before them counts, in this genre: cases, baht, places,
/// days, people, years, months, times, rai, millions.
const COUNTERS: [&str; 10] = [
    "ราย",
    "บาท",
    "แห่ง",
    "วัน",
    "คน",
    "ปี",
    "เดือน",
    "ครั้ง",
    "ไร่",
    "ล้าน",
];

/// Words a number follows in this genre: a clause's, a village's, a house's, an order's or a
/// day's number (`ข้อ`, `หมู่ที่`, `เลขที่`, `คำสั่งที่`, `วันที่`), a share, a section, a
/// year, a phone number and its extension, a postal code (`รหัสไปรษณีย์`).
const NUMBER_SLOTS: [&str; 9] = [
    "ที่",
    "ข้อ",
    "ร้อยละ",
    "มาตรา",
    "พ.ศ.",
    "จำนวน",
    "โทร",
    "ต่อ",
    "ไปรษณีย์",
];
