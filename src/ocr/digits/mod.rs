//! The second pass over Thai digits. Tesseract's Thai model has no ๔ ๖ ๗ ๘ ๙ in its character
//! set (they come out as ๕ ๒ ๓ ๐, sometimes as ๆ or split in two), so every run of Thai
//! digits it reports is looked at again: the run's glyphs are cut from the page image where
//! Tesseract saw them and each is classified by [`super::digit_classifier`].
//!
//! The runs Tesseract wrote as digits are read first: their glyphs are the page's digit
//! shapes, which vouch for a look-alike glyph in a token it wrote as letters
//! ([`super::digit_agreement::Shapes`]); then every run and such token is read in page order,
//! and last the page's digits are read together ([`super::digit_agreement::agree`]).
//!
//! Where the digits sit comes from Tesseract's glyph boxes of the same recognition. The page
//! text keeps Tesseract's own spacing: its characters other than whitespace are the boxes'
//! characters in the same order; if the two disagree the page is left as Tesseract read it,
//! and the pass says so.

use image::GrayImage;

use super::digit_agreement::{self, Glyph};
use super::digit_classifier::Reading;
use crate::thai::digits::is_thai_digit;

use area::{read_glyphs, AreaReading, Centres, EarlierReading};
pub(super) use boxes::{box_line, fitted_to, glyph_boxes, line_band, Rect};
use boxes::{gap_area, run_area};
pub(super) use candidates::leading_vowel;
use candidates::{candidates, Candidate};
use decide::{digit_given, read_candidate, read_run, weighed};
use runs::digit_like;
pub(super) use runs::stands_in_for_a_digit;

mod area;
mod boxes;
mod candidates;
mod decide;
mod runs;
mod segment;
#[cfg(test)]
mod tests;

/// What the pass did on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DigitPass {
    pub text: String,
    /// Why the page was left alone, if it was.
    pub skipped: Option<String>,
}

/// A glyph the page's digits of its shape vouch for is a digit: in a token Tesseract wrote as
/// letters (`token`) any glyph, and in a run one the model takes for no digit (Fahkwang
/// Bold's squat ๓, bilevel: `๗๗๑` for ๗๗๓๑, the page's other ๓s read surely — on the digit
/// pages and the second rendering 9 digits more, no page fewer).
fn vouch(glyphs: &mut [Reading], shapes: &digit_agreement::Shapes, token: bool) {
    for g in glyphs {
        if (token || g.p_other >= 0.5) && shapes.vouch_for(&g.ink, g.digit) {
            g.p_other = 0.0;
        }
    }
}

/// Re-reads the Thai digits of one page's text: where the text holds some, or where
/// `thai_page` — Tesseract's first reading held some, which words read again since may have
/// taken (a web copy's `_GoBack]` read `6๐8ล6`, that page's only Thai digits). Whether a
/// page goes through the pass is that reading's to say: the page's other glyphs read as
/// digits (a speck read `1`) are still the pass's to read.
pub fn reread(image: &GrayImage, text: &str, boxes: &str, thai_page: bool) -> DigitPass {
    let left_alone = |skipped: Option<String>| DigitPass {
        text: text.to_string(),
        skipped,
    };
    if !thai_page && !text.chars().any(is_thai_digit) {
        return left_alone(None);
    }
    // The text's characters other than whitespace are the boxes' characters, in the same
    // order: the n-th has the n-th box.
    let boxes = glyph_boxes(boxes, image.height());
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let agree = visible == boxes.len()
        && text
            .chars()
            .filter(|c| !c.is_whitespace())
            .zip(&boxes)
            .all(|(a, (b, _))| a == *b);
    if !agree {
        return left_alone(Some(format!(
            "the text and Tesseract's glyph boxes disagree ({visible} and {} characters)",
            boxes.len()
        )));
    }
    // Runs of digit-like characters, line by line (spaces count: a stand-in must touch a
    // Thai digit).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // byte start, byte end, first box
    let mut lines: Vec<(usize, usize)> = Vec::new(); // each line's first and end box
    let mut seen = 0usize; // visible characters before the current line
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let chars: Vec<char> = line.chars().collect();
        let flags = digit_like(&chars);
        let mut open: Option<(usize, usize, usize)> = None;
        let mut byte = offset;
        let mut visible_index = seen;
        for (&c, flag) in chars.iter().zip(flags) {
            if flag {
                match open.as_mut() {
                    Some(run) if run.1 == byte => run.1 = byte + c.len_utf8(),
                    _ => {
                        runs.extend(open.take());
                        open = Some((byte, byte + c.len_utf8(), visible_index));
                    }
                }
            } else {
                runs.extend(open.take());
            }
            if !c.is_whitespace() {
                visible_index += 1;
            }
            byte += c.len_utf8();
        }
        runs.extend(open.take());
        lines.push((seen, visible_index));
        seen = visible_index;
        offset = byte;
    }
    let bands: Vec<Option<(u32, u32)>> = lines
        .iter()
        .map(|&(a, b)| line_band(&boxes[a..b]))
        .collect();
    // Tokens Tesseract did not write as digits but that may be numbers (clause labels read
    // `©.`, `on.`, `ฒ.`; numbers read as Latin words) become runs too, checked harder below.
    let mut all: Vec<(usize, usize, usize, Option<Candidate>)> = runs
        .into_iter()
        .map(|(s, e, f)| (s, e, f, None))
        .chain(
            candidates(text)
                .into_iter()
                .map(|(s, e, f, k)| (s, e, f, Some(k))),
        )
        .collect();
    // (A gap before a token comes before it. A clause label comes before the run it starts
    // with, which is read only if the label is not: see below.)
    let label = |r: &(usize, usize, usize, Option<Candidate>)| r.3 == Some(Candidate::Label);
    all.sort_by_key(|r| (r.0, !label(r), r.1));
    all.dedup_by(|b, a| a.0 == b.0 && (a.1 == a.0) == (b.1 == b.0) && !label(a) && !label(b));
    // Where a run's glyphs are looked for: its area and rows, the middles of its own and its
    // neighbours' boxes, and its line.
    let locate = |start: usize, end: usize, first: usize| {
        let n = text[start..end].chars().count();
        let own = &boxes[first..first + n];
        let line = lines.iter().position(|&(a, b)| (a..b).contains(&first));
        let band = line.and_then(|l| bands[l]);
        let (area, core) = run_area(own, band)?;
        // The characters just before and after (past a period: its speck is no glyph here),
        // where they are on the same line: a glyph nearer to one of them than to the run's own
        // boxes is theirs if they are digits too (`๑.๑` is two runs, each with one ๑); beside
        // a letter, it is the run's if it surely is a digit (the LSTM's boxes drift by up to a
        // digit's width: `๒๕๖๕` boxed as if it ended a digit early).
        let same_line = |r: &Rect| r.y0 < area.y1 && r.y1 > area.y0;
        // Past a period the neighbour is another number's part (`๑.๒.๓`) or a word
        // (`พ.ศ.`): nothing there is the run's.
        // (A slash too: `๒๑๐/๗๖` is two numbers.)
        let before = boxes[..first]
            .iter()
            .rev()
            .position(|(c, _)| !matches!(c, '.' | '/'));
        let after = boxes[first + n..]
            .iter()
            .position(|(c, _)| !matches!(c, '.' | '/'));
        let neighbours: Vec<(u32, bool)> = [
            before.map(|k| (&boxes[first - 1 - k], k > 0)),
            after.map(|k| (&boxes[first + n + k], k > 0)),
        ]
        .into_iter()
        .flatten()
        .filter(|((_, r), _)| same_line(r))
        .map(|((c, r), past_period)| {
            (
                (r.x0 + r.x1) / 2,
                // (A letter that stands in for digits, ว of วัน, is a word here: had it
                // touched the run it would be in it.)
                past_period || is_thai_digit(*c) || c.is_ascii_digit(),
            )
        })
        .collect();
        // The columns no neighbouring number's box takes from the run: its boxes' own, but on
        // a side where a period or a slash stands between it and its neighbour (another part
        // of one number, `๗๑๘/๔`, `๓.๔`, whose boxes drift into each other), only to the
        // middle of its outermost box.
        let middles = || own.iter().map(|(_, r)| (r.x0 + r.x1) / 2);
        let span = (
            match before {
                Some(k) if k > 0 => middles().min().unwrap_or(area.x0),
                _ => area.x0,
            },
            match after {
                Some(k) if k > 0 => middles().max().unwrap_or(area.x1),
                _ => area.x1,
            },
        );
        // The slashes Tesseract wrote against the run (`๔๔๗/๒๕๔๑`): a digit may touch one.
        let slashes = [first.checked_sub(1), Some(first + n)]
            .into_iter()
            .flatten()
            .filter_map(|k| boxes.get(k))
            .filter(|(c, r)| *c == '/' && same_line(r))
            .map(|(_, r)| (r.x0, r.x1))
            .collect();
        // The letters of the words Tesseract wrote apart from the run, beside it.
        let letter = |k: usize| {
            boxes
                .get(k)
                .filter(|(c, r)| c.is_alphabetic() && !is_thai_digit(*c) && same_line(r))
                .map(|(_, r)| (r.x0, r.x1))
        };
        let words = [
            first
                .checked_sub(1)
                .filter(|_| text[..start].ends_with(char::is_whitespace))
                .and_then(letter),
            Some(first + n)
                .filter(|_| text[end..].starts_with(char::is_whitespace))
                .and_then(letter),
        ]
        .into_iter()
        .flatten()
        .collect();
        let centres = Centres {
            own: own.iter().map(|(c, r)| ((r.x0 + r.x1) / 2, *c)).collect(),
            neighbours,
            slashes,
            span: Some(span),
            words,
        };
        Some((area, core, centres, line))
    };
    let taken_on = |taken: &[(Option<usize>, u32, u32)], line: Option<usize>| -> Vec<(u32, u32)> {
        taken
            .iter()
            .filter(|t| t.0 == line)
            .map(|t| (t.1, t.2))
            .collect()
    };
    // The page's digit shapes: the runs Tesseract wrote as digits, read first on their own.
    // A glyph of a token Tesseract did not write as digits that looks just like them is a
    // digit however unsure the model is of it (a typewriter's ๖, which it half takes for a
    // letter: `wage` for ๗๖๕๑), and so is a glyph a run's chain of digits stopped at. Each
    // run's reading is kept for the pass below, which uses it where no token before it on its
    // line took other glyphs in the meantime and the shapes vouch for no glyph it stopped at.
    let mut shapes = Vec::new();
    let mut readings: Vec<Option<EarlierReading>> = Vec::new();
    let mut taken: Vec<(Option<usize>, u32, u32)> = Vec::new();
    for &(start, end, first, candidate) in &all {
        let located = candidate
            .is_none()
            .then(|| locate(start, end, first))
            .flatten();
        let Some((area, core, centres, line)) = located else {
            readings.push(None);
            continue;
        };
        let taken_here = taken_on(&taken, line);
        let read = read_glyphs(image, area, core, &centres, &taken_here, None);
        let run = read_run(&read);
        if !read.read_before && !run.text.is_empty() {
            shapes.extend(
                run.glyphs
                    .iter()
                    .map(|(_, r, written)| (r.ink, digit_given(r, *written))),
            );
            taken.extend(read.columns.iter().map(|&(a, b)| (line, a, b)));
        }
        readings.push(Some((taken_here, read)));
    }
    let shapes = digit_agreement::Shapes::new(shapes);
    // (Read again with the shapes only then: every run read twice took the pass from 5.7 to
    // 7.2 s over the 146 digit pages, for the same digits.)
    let vouched_for = |read: &AreaReading| {
        read.stopped_at
            .iter()
            .any(|r| shapes.vouch_for(&r.ink, r.digit))
    };
    let mut out = String::with_capacity(text.len());
    // Where in `out` each digit read from a glyph stands, with its reading.
    let mut placed: Vec<(usize, Reading, Option<char>)> = Vec::new();
    let mut last = 0;
    // The page columns of the glyphs read so far, by line.
    let mut taken: Vec<(Option<usize>, u32, u32)> = Vec::new();
    for ((start, end, first, candidate), kept) in all.into_iter().zip(readings) {
        if start < last {
            continue;
        }
        let located = if candidate == Some(Candidate::Gap) {
            // (The word before on the same line.)
            let line = lines
                .iter()
                .position(|&(a, b)| (a..b).contains(&first) && a < first);
            let band = line.and_then(|l| bands[l]);
            // (After a clause label's period, from the label's last digit: the period's box
            // may have taken in the digit Tesseract left out.)
            let before = if label_so_far(&text[..start]) {
                first.checked_sub(2)
            } else {
                first.checked_sub(1)
            };
            before
                .and_then(|b| gap_area(&boxes, b, first, band))
                .map(|(area, core, centres)| (area, core, centres, line))
        } else {
            locate(start, end, first)
        };
        let Some((area, core, centres, line)) = located else {
            continue;
        };
        let n = text[start..end].chars().count();
        let taken_here = taken_on(&taken, line);
        let mut read = match kept {
            Some((then, read)) if then == taken_here && !vouched_for(&read) => read,
            _ => read_glyphs(image, area, core, &centres, &taken_here, Some(&shapes)),
        };
        read.drop_spaced_edges();
        if candidate.is_some() {
            // A number's group between its slashes or commas read as letters: the
            // separator's own glyph, caught in the group's area (its boxes drift), is no digit
            // of it (`ฒ่9/๒๕๕๔` for ๗๖/๒๕๕๔, whose slash the model is sure is none).
            let separator = |c: Option<char>| matches!(c, Some('/' | ','));
            if separator(text[end..].chars().next()) {
                read.drop_edge(false);
            }
            if separator(text[..start].chars().next_back()) {
                read.drop_edge(true);
            }
        }
        vouch(&mut read.glyphs, &shapes, candidate.is_some());
        if candidate == Some(Candidate::Label) {
            // The periods Tesseract boxed between a label's glyphs are the label's, where the
            // page's ink alone did not show one (a typewriter's period as big as a glyph;
            // `๖.๘ฆ`, whose last number Tesseract wrote as two characters).
            let columns = &read.columns;
            let own = boxes.get(first..first + n).unwrap_or_default();
            for (_, r) in own.iter().filter(|(c, _)| *c == '.') {
                let middle = (r.x0 + r.x1) / 2;
                for (i, pair) in columns.windows(2).enumerate() {
                    if (pair[0].1..=pair[1].0).contains(&middle) {
                        if let Some(p) = read.periods.get_mut(i) {
                            *p = true;
                        }
                    }
                }
            }
        }
        let original = &text[start..end];
        let reread = match candidate {
            Some(kind) => read_candidate(&read, original, kind),
            None => read_run(&read),
        };
        let digits = &reread.text;
        // An Arabic digit standing alone where the page shows no glyph in the line's band is
        // Tesseract's reading of a mark or a speck (`ปัจจุบัน 4 ซึ่ง`, the 4 the tone mark of
        // ซึ่ง; `ตำบล 1` at a line's end): it goes, with a space beside it.
        if candidate == Some(Candidate::Word) && read.bare && phantom_number(text, start, end) {
            let between = &text[last..start];
            if text[end..].starts_with(' ') {
                out.push_str(between);
                last = end + 1;
            } else {
                out.push_str(between.strip_suffix(' ').unwrap_or(between));
                last = end;
            }
            continue;
        }
        // A candidate that reads as no number leaves its text to what comes after: the runs
        // inside it (a clause label's `๕.อ.๗`, whose whole the glyphs did not make a
        // number) are read on their own.
        if candidate.is_some() && digits.is_empty() && !read.read_before {
            continue;
        }
        let (mut start, mut end) = (start, end);
        let gap = candidate == Some(Candidate::Gap);
        if !read.read_before && !digits.is_empty() && !gap {
            // Characters touching the token that Tesseract wrote for a glyph the run now
            // reads as a digit (`ต๙๙๒`: a face's ๙ read as ต, chained to the run) are that
            // digit: they go.
            let inside = |k: usize| {
                let r = boxes[k].1;
                let middle = (r.x0 + r.x1) / 2;
                read.columns.iter().any(|&(a, b)| (a..b).contains(&middle))
            };
            let swallowed =
                |c: char| !c.is_whitespace() && !matches!(c, '.' | ',' | '-' | '/' | ':');
            let mut k = first;
            while let Some(c) = text[last..start].chars().next_back() {
                if !swallowed(c) || k == 0 || !inside(k - 1) {
                    break;
                }
                start -= c.len_utf8();
                k -= 1;
            }
            let mut k = first + n;
            while let Some(c) = text[end..].chars().next() {
                if !swallowed(c) || k >= boxes.len() || !inside(k) {
                    break;
                }
                end += c.len_utf8();
                k += 1;
            }
        }
        // A run whose glyphs an earlier run of the line took, between two periods, goes with
        // the first of them: the earlier run put its own period from the page (`๕.๒.๑`
        // whose `๕` read `๔.๒`: not `๔.๒..๑`).
        let between = &text[last..start];
        let taken_between_periods =
            read.read_before && between == "." && text[end..].starts_with('.');
        if !taken_between_periods {
            out.push_str(between);
        }
        if read.read_before {
            // A second reading of glyphs an earlier run of the line took: dropped.
        } else if !digits.is_empty() {
            // A number read where Tesseract glued its reading to a word (`ที่ญ`, `«รหัส`)
            // stands apart from the word, as on the page.
            let glued = |c: Option<char>| {
                candidate == Some(Candidate::Slot)
                    && c.is_some_and(|c| ('\u{0E01}'..='\u{0E4E}').contains(&c))
            };
            if glued(out.chars().next_back()) {
                out.push(' ');
            }
            // A clause label's last number, found after its period, joins it (`๔.๔.` and
            // `๗`: `๔.๔.๗`): where all the line holds so far is a label and its space. So
            // does a number's part after its slash (`๕๓๖/` and `๗`).
            let after_slash = out.strip_suffix(' ').is_some_and(|o| o.ends_with('/'));
            if gap && (label_so_far(&out) || after_slash) {
                out.pop();
            }
            placed.extend(
                reread
                    .glyphs
                    .iter()
                    .map(|&(at, r, written)| (out.len() + at, r, written)),
            );
            out.push_str(digits);
            if gap || glued(text[end..].chars().next()) {
                out.push(' ');
            }
            if candidate.is_none() && period_read_as_space(text, start, end, read.period) {
                out.push('.');
                end += 1;
            }
            taken.extend(read.columns.iter().map(|&(a, b)| (line, a, b)));
        } else {
            out.push_str(original);
        }
        last = end;
    }
    out.push_str(&text[last..]);
    // The page's digits read together: look-alikes are one digit.
    let glyphs: Vec<Glyph> = placed
        .iter()
        .map(|&(_, r, written)| {
            let p = weighed(&r, written);
            Glyph {
                ink: r.ink,
                digit: digit_agreement::argmax(&p),
                p,
                written: written
                    .filter(|&c| is_thai_digit(c))
                    .map(|c| c as usize - '๐' as usize),
            }
        })
        .collect();
    for ((at, _, _), (g, d)) in placed
        .iter()
        .zip(glyphs.iter().zip(digit_agreement::agree(&glyphs)))
    {
        if d != g.digit {
            if let Some(c) = char::from_u32('๐' as u32 + d as u32) {
                replace_digit(&mut out, *at, c);
            }
        }
    }
    DigitPass {
        text: out,
        skipped: None,
    }
}

/// Whether all the last line of `text` holds is a clause label ending with a period, and a
/// space: where the label's last number Tesseract left out may stand.
fn label_so_far(text: &str) -> bool {
    let line = &text[text.rfind('\n').map_or(0, |k| k + 1)..];
    line.strip_suffix(". ")
        .is_some_and(|l| !l.is_empty() && l.chars().all(|c| c == '.' || is_thai_digit(c)))
}

/// Whether `text[start..end]` is a word of one or two Arabic digits standing alone: spaces
/// or a line's ends on both sides.
fn phantom_number(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let apart = |c: Option<char>| c.is_none_or(char::is_whitespace);
    (1..=2).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_digit())
        && apart(text[..start].chars().next_back())
        && apart(text[end..].chars().next())
}

/// Whether the space after a run is a clause label's period Tesseract read as one (`๕ ๓ ให้`,
/// `๕ ๖.๓ รายงาน` for ๕.๓ and ๕.๖.๓): the run opens its line, the page shows a period after
/// its last glyph, and after the one space stand numbers and periods, a space and Thai text.
/// (A table's row of numbers shows no period between them.)
fn period_read_as_space(text: &str, start: usize, end: usize, page_period: bool) -> bool {
    let opens_line = text[..start].chars().next_back().is_none_or(|c| c == '\n');
    let Some(after) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let token_len = after.find(char::is_whitespace).unwrap_or(after.len());
    let (token, rest) = after.split_at(token_len);
    page_period
        && opens_line
        && text[start..end].chars().all(is_thai_digit)
        && token.chars().next().is_some_and(is_thai_digit)
        && token.chars().all(|c| is_thai_digit(c) || c == '.')
        && rest
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| ('\u{0E01}'..='\u{0E2E}').contains(&c) || "เแโใไ".contains(c))
}

/// `text` with the Thai digit at byte `at` replaced by `digit` (another Thai digit, as long
/// in UTF-8); nothing changes where no Thai digit stands there.
fn replace_digit(text: &mut String, at: usize, digit: char) {
    let Some(old) = text.get(at..).and_then(|rest| rest.chars().next()) else {
        return;
    };
    if is_thai_digit(old) && is_thai_digit(digit) {
        let mut buf = [0u8; 4];
        text.replace_range(at..at + old.len_utf8(), digit.encode_utf8(&mut buf));
    }
}
