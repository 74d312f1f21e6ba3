//! Which characters of Tesseract's text make a run of Thai digits: its Thai digits, and the
//! letters and symbols it writes for the digits its Thai model lacks where they touch one.

use crate::thai::clean::is_combining_mark;
use crate::thai::digits::is_thai_digit;

/// What Tesseract writes for the digits its Thai model lacks, besides other digits: ๆ and
/// letters whose shapes are near (ฒ for ๗, ง for ๖, ว for ๓…), `@` and `©` for ๑, and Arabic
/// digits from the English model. Such a character is part of a digit run only when it touches a Thai digit
/// (no space between): Thai words are not written against numbers.
pub(crate) fn stands_in_for_a_digit(c: char) -> bool {
    matches!(c, 'ๆ' | 'ฒ' | 'ง' | 'ว' | 'ฆ' | 'ญ' | 'ณ' | '@' | '©') || c.is_ascii_digit()
}

/// Marks the characters of one line that a digit run is made of (a space stands between).
pub(super) fn digit_like(line: &[char]) -> Vec<bool> {
    let mut flags: Vec<bool> = line.iter().map(|&c| is_thai_digit(c)).collect();
    // A vowel or tone mark Tesseract put on a digit after a period (`ฒ.ู๓.๓` for ๗.๙.๙:
    // TlwgMono's digits take marks) is the number's: no word starts there.
    for i in 1..line.len().saturating_sub(1) {
        let mark = is_combining_mark(line[i]);
        if mark && line[i - 1] == '.' && is_thai_digit(line[i + 1]) {
            flags[i] = true;
        }
    }
    // Stand-ins spread from Thai digits both ways, so that ฒ๕ and ๕ฒ๐ are both runs. So do
    // the guillemets and cent sign the English model writes for a bold digit, but only
    // across a period or comma (`๔๖.«` for ๔๖.๙, `»,๖๙๑` for ๖,๖๙๑): against a digit they
    // stand beside one Tesseract wrote for the same glyph (see below).
    loop {
        let mut changed = false;
        for i in 0..line.len() {
            let symbol = "«»¢".contains(line[i]);
            if flags[i] || !(stands_in_for_a_digit(line[i]) || symbol) {
                continue;
            }
            // Touching a Thai digit, or across the period of a clause number (`๑.๒.ฆ`,
            // `@.๒.๑`) or the comma of a thousand (`ฒ,๙๙๒`).
            let flag = |j: Option<usize>| j.and_then(|j| flags.get(j)).copied().unwrap_or(false);
            let char_at = |j: Option<usize>| j.and_then(|j| line.get(j)).copied();
            let across = (matches!(char_at(i.checked_sub(1)), Some('.' | ','))
                && flag(i.checked_sub(2)))
                || (matches!(char_at(Some(i + 1)), Some('.' | ',')) && flag(Some(i + 2)));
            let against = flag(i.checked_sub(1)) || flag(Some(i + 1));
            let touches = across || (against && !symbol);
            if touches {
                flags[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // One Thai letter between two Thai digits, no space (`๒๕อ๖๑`: a ๖ broken in two, one
    // half read as อ) is part of the number: Thai words are not written inside numbers. So
    // is a guillemet or cent sign the English model wrote for part of a bold digit (`๑«๕` for
    // Krub Bold Italic's ๑๙, the ๙ read twice, once by the run on each side) — only there: at
    // a number's edge (`«๓๐๓` for ๙๐๓) it stands beside a digit Tesseract wrote for the same
    // glyph, and would put what it wrote out of step with the glyphs.
    for i in 1..line.len().saturating_sub(1) {
        let letter = ('\u{0E01}'..='\u{0E2E}').contains(&line[i]) || "«»¢".contains(line[i]);
        if letter && !flags[i] && is_thai_digit(line[i - 1]) && is_thai_digit(line[i + 1]) {
            flags[i] = true;
        }
    }
    // Two more rules, token by token.
    let mut start = 0;
    for token in line.split(|c| c.is_whitespace()) {
        // A clause label with one of its numbers read as one or two other characters
        // (`ด.๓.๑` for ๗.๓.๑, `๓.».๑` for ๓.๖.๑): three numbers or more, all Thai digits
        // but that one, and not the last (`๙.๓๘.น.` is a time and its unit; a label's last
        // number is a candidate of its own). (Two numbers are not enough: `ม.๓` is a
        // school grade.)
        let parts: Vec<&[char]> = token
            .strip_suffix(&['.'])
            .unwrap_or(token)
            .split(|&c| c == '.')
            .collect();
        // (A letter Tesseract writes for a digit counts as one here: `ต.๕.ฒ` for ๙.๕.๗.)
        let digits_only = |p: &&[char]| {
            !p.is_empty()
                && p.iter()
                    .all(|&c| is_thai_digit(c) || stands_in_for_a_digit(c))
        };
        if parts.len() >= 3
            && parts.iter().filter(|p| !digits_only(p)).count() == 1
            && parts.last().is_some_and(digits_only)
        {
            let mut i = start;
            for part in &parts {
                if (1..=2).contains(&part.len()) && !part.iter().any(|&c| is_thai_digit(c)) {
                    flags[i..i + part.len()].iter_mut().for_each(|f| *f = true);
                }
                i += part.len() + 1;
            }
        }
        // At a number's edge, only the letters Tesseract writes for a typewriter's ๖ (อ, จ),
        // one or two, in a group of digits and nothing else (`อ๓๔๑`, `๔ออ/๕๑`): a word whose
        // space was lost (`๒๐คน`, `ข้อ๑`) keeps its letters. The groups between a number's
        // periods, commas and slashes count one by one; a group of more letters than digits
        // only beside one of digits alone (`๔ออ/๕๑`, not `๑ออ`).
        let groups = || token.split(|&c| matches!(c, '.' | ',' | '/'));
        let numeric = groups().any(|g| !g.is_empty() && g.iter().all(|&c| is_thai_digit(c)));
        let mut i = start;
        for group in groups() {
            if is_mixed(group, numeric) {
                flags[i..i + group.len()].iter_mut().for_each(|f| *f = true);
            }
            i += group.len() + 1;
        }
        start += token.len() + 1;
    }
    flags
}

/// Thai digits (or letters Tesseract writes for digits) with one or two of อ and จ among them
/// and nothing else; as many digits as letters at least, unless the number has another group
/// of digits.
fn is_mixed(group: &[char], beside_digits: bool) -> bool {
    let letter = |c: char| matches!(c, 'อ' | 'จ');
    // (A letter Tesseract writes for a digit is one here: `ณ๕ออ๑` for ๗๘๖๖๑.)
    let digit = |c: char| is_thai_digit(c) || stands_in_for_a_digit(c);
    let digits = group.iter().filter(|&&c| digit(c)).count();
    let letters = group.iter().filter(|&&c| letter(c)).count();
    group.iter().all(|&c| digit(c) || letter(c))
        && (1..=2).contains(&letters)
        && digits >= 1
        && (digits >= letters || beside_digits)
}
