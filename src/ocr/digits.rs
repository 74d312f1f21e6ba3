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
use super::digit_classifier::{classify, ink_threshold_at, Reading};
use crate::thai::dates::month_of;

/// What the pass did on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DigitPass {
    pub text: String,
    /// Why the page was left alone, if it was.
    pub skipped: Option<String>,
}

/// A run's text as re-read, with where in it each digit read from a glyph stands.
#[derive(Debug, Default)]
struct Reread {
    text: String,
    /// Byte offset in `text` of each digit read from a glyph, the glyph's reading and what
    /// Tesseract wrote for it.
    glyphs: Vec<(usize, Reading, Option<char>)>,
}

impl Reread {
    fn push_digit(&mut self, r: &Reading, written: Option<char>) {
        self.glyphs.push((self.text.len(), *r, written));
        self.text.push(digit_given(r, written));
    }
}

fn is_thai_digit(c: char) -> bool {
    ('๐'..='๙').contains(&c)
}

/// What Tesseract writes for the digits its Thai model lacks, besides other digits: ๆ and
/// letters whose shapes are near (ฒ for ๗, ง for ๖, ว for ๓…), `@` and `©` for ๑, and Arabic
/// digits from the English model. Such a character is part of a digit run only when it touches a Thai digit
/// (no space between): Thai words are not written against numbers.
fn stands_in_for_a_digit(c: char) -> bool {
    matches!(c, 'ๆ' | 'ฒ' | 'ง' | 'ว' | 'ฆ' | 'ญ' | 'ณ' | '@' | '©') || c.is_ascii_digit()
}

/// Marks the characters of one line that a digit run is made of (a space stands between).
fn digit_like(line: &[char]) -> Vec<bool> {
    let mut flags: Vec<bool> = line.iter().map(|&c| is_thai_digit(c)).collect();
    // A vowel or tone mark Tesseract put on a digit after a period (`ฒ.ู๓.๓` for ๗.๙.๙:
    // TlwgMono's digits take marks) is the number's: no word starts there.
    for i in 1..line.len().saturating_sub(1) {
        let mark =
            matches!(line[i], '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
        if mark && line[i - 1] == '.' && is_thai_digit(line[i + 1]) {
            flags[i] = true;
        }
    }
    // Stand-ins spread from Thai digits both ways, so that ฒ๕ and ๕ฒ๐ are both runs.
    loop {
        let mut changed = false;
        for i in 0..line.len() {
            if flags[i] || !stands_in_for_a_digit(line[i]) {
                continue;
            }
            // Touching a Thai digit, or across the period of a clause number (`๑.๒.ฆ`,
            // `@.๒.๑`) or the comma of a thousand (`ฒ,๙๙๒`).
            let flag = |j: Option<usize>| j.and_then(|j| flags.get(j)).copied().unwrap_or(false);
            let char_at = |j: Option<usize>| j.and_then(|j| line.get(j)).copied();
            let touches = flag(i.checked_sub(1))
                || flag(Some(i + 1))
                || (matches!(char_at(i.checked_sub(1)), Some('.' | ',')) && flag(i.checked_sub(2)))
                || (matches!(char_at(Some(i + 1)), Some('.' | ',')) && flag(Some(i + 2)));
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
    // half read as อ) is part of the number: Thai words are not written inside numbers.
    for i in 1..line.len().saturating_sub(1) {
        let letter = ('\u{0E01}'..='\u{0E2E}').contains(&line[i]);
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

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: u32,
    y0: u32,
    x1: u32,
    y1: u32,
}

/// The area a run's glyphs are looked for in: the columns of all its boxes, and the rows a
/// digit of the run's typical height takes (its median top and bottom), with room above for
/// the tails of ๕ ๖ ๙. A union of the boxes would let one odd box (a mark, a glyph of the
/// line above) stretch the area into the neighbouring lines. When the run's own boxes are
/// far from the height of its line's letters (`band`: a token read as `a.` boxed a few
/// pixels high), the line's rows are taken instead. The area comes with its core rows
/// (top, bottom) before the room is added.
fn run_area(boxes: &[(char, Rect)], band: Option<(u32, u32)>) -> Option<(Rect, (u32, u32))> {
    let x0 = boxes.iter().map(|b| b.1.x0).min()?;
    let x1 = boxes.iter().map(|b| b.1.x1).max()?;
    let (mut top, mut bottom) = median_rows(boxes.iter().map(|b| b.1))?;
    if let Some((bt, bb)) = band {
        let (own, line) = (
            bottom.saturating_sub(top) as f32,
            bb.saturating_sub(bt) as f32,
        );
        let middle = (top + bottom) / 2;
        if own < 0.6 * line || own > 1.6 * line || !(bt..=bb).contains(&middle) {
            (top, bottom) = (bt, bb);
        }
    }
    let height = bottom.saturating_sub(top).max(1);
    Some((
        Rect {
            x0,
            y0: top.saturating_sub(height * 2 / 5),
            x1,
            y1: bottom + height / 10,
        },
        (top, bottom),
    ))
}

/// How wide the space between two words must be, in heights of the line's letters, for a
/// number Tesseract wrote nothing for to fit in it: a word space is under half a letter's
/// height, a digit about one.
const GAP_FOR_A_DIGIT: f32 = 1.0;

/// The area of the space between the box before `next` and `next` itself (on one line), on
/// the rows of the line's letters `band`, where it is wide enough to hold a digit (see
/// [`Candidate::Gap`]); with its core rows and the two words' letters as neighbours.
fn gap_area(
    boxes: &[(char, Rect)],
    next: usize,
    band: Option<(u32, u32)>,
) -> Option<(Rect, (u32, u32), Centres)> {
    let (top, bottom) = band?;
    let before = boxes.get(next.checked_sub(1)?)?.1;
    let after = boxes.get(next)?.1;
    let height = bottom.saturating_sub(top).max(1);
    let gap = after.x0.saturating_sub(before.x1);
    if gap < 3 || (gap as f32) < GAP_FOR_A_DIGIT * height as f32 {
        return None;
    }
    let area = Rect {
        x0: before.x1 + 1,
        y0: top.saturating_sub(height * 2 / 5),
        x1: after.x0.saturating_sub(1),
        y1: bottom + height / 10,
    };
    // A glyph nearer either word's letter than the middle of the space is that word's (the
    // LSTM's boxes drift): never the number's, and no chain goes on from it. (The letter
    // beside the space is taken a letter wide: its box may be a mark's, or a few pixels.)
    let half = height / 2;
    let centres = Centres {
        own: vec![((area.x0 + area.x1) / 2, ' ')],
        slashes: Vec::new(),
        neighbours: vec![
            (before.x1.saturating_sub(half), true),
            (after.x0 + half, true),
        ],
    };
    Some((area, (top, bottom), centres))
}

/// The median top and the median bottom of some boxes.
fn median_rows(rects: impl Iterator<Item = Rect>) -> Option<(u32, u32)> {
    let (mut tops, mut bottoms): (Vec<u32>, Vec<u32>) = rects.map(|r| (r.y0, r.y1)).unzip();
    if tops.is_empty() {
        return None;
    }
    tops.sort_unstable();
    bottoms.sort_unstable();
    Some((tops[tops.len() / 2], bottoms[bottoms.len() / 2]))
}

/// The rows a line's letters take: the median top and bottom of its Thai consonants' boxes
/// (vowels and tone marks above and below would pull them apart), `None` with fewer than 3.
fn line_band(boxes: &[(char, Rect)]) -> Option<(u32, u32)> {
    let consonants: Vec<Rect> = boxes
        .iter()
        .filter(|(c, _)| ('ก'..='ฮ').contains(c) && !"ปฝฟฬฎฏฐญ".contains(*c))
        .map(|b| b.1)
        .collect();
    if consonants.len() < 3 {
        return None;
    }
    median_rows(consonants.into_iter())
}

/// Every character of Tesseract's glyph boxes (box-file lines `glyph left bottom right top
/// page`, y counted from the image's bottom) with its box in image coordinates, in reading
/// order, spaces left out.
fn glyph_boxes(boxes: &str, image_height: u32) -> Vec<(char, Rect)> {
    let mut out = Vec::new();
    for line in boxes.lines() {
        // The glyph may itself be several characters; the five numbers close the line.
        let mut fields = line.rsplitn(6, ' ');
        let mut n = || fields.next().and_then(|f| f.trim().parse::<u32>().ok());
        let (Some(_page), Some(top), Some(right), Some(bottom), Some(left)) =
            (n(), n(), n(), n(), n())
        else {
            continue;
        };
        let Some(glyph) = fields.next() else { continue };
        let rect = Rect {
            x0: left,
            y0: image_height.saturating_sub(top),
            x1: right.max(left),
            y1: image_height.saturating_sub(bottom),
        };
        out.extend(
            glyph
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| (c, rect)),
        );
    }
    out
}

/// Re-reads the Thai digits of one page's text.
pub fn reread(image: &GrayImage, text: &str, boxes: &str) -> DigitPass {
    let left_alone = |skipped: Option<String>| DigitPass {
        text: text.to_string(),
        skipped,
    };
    if !text.chars().any(is_thai_digit) {
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
    // (A gap before a token comes before it.)
    all.sort_by_key(|r| (r.0, r.1));
    all.dedup_by_key(|r| (r.0, r.1 == r.0));
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
        // The slashes Tesseract wrote against the run (`๔๔๗/๒๕๔๑`): a digit may touch one.
        let slashes = [first.checked_sub(1), Some(first + n)]
            .into_iter()
            .flatten()
            .filter_map(|k| boxes.get(k))
            .filter(|(c, r)| *c == '/' && same_line(r))
            .map(|(_, r)| (r.x0, r.x1))
            .collect();
        let centres = Centres {
            own: own.iter().map(|(c, r)| ((r.x0 + r.x1) / 2, *c)).collect(),
            neighbours,
            slashes,
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
    // letter: `wage` for ๗๖๕๑). Each run's reading is kept for the pass below, which uses it
    // where no token before it on its line took other glyphs in the meantime.
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
        let read = read_glyphs(image, area, core, &centres, &taken_here);
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
            gap_area(&boxes, first, band).map(|(area, core, centres)| (area, core, centres, line))
        } else {
            locate(start, end, first)
        };
        let Some((area, core, centres, line)) = located else {
            continue;
        };
        let n = text[start..end].chars().count();
        let taken_here = taken_on(&taken, line);
        let mut read = match kept {
            Some((then, read)) if then == taken_here => read,
            _ => read_glyphs(image, area, core, &centres, &taken_here),
        };
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
        if candidate.is_some() {
            for g in &mut read.glyphs {
                if shapes.vouch_for(&g.ink, g.digit) {
                    g.p_other = 0.0;
                }
            }
        }
        let original = &text[start..end];
        let reread = match candidate {
            Some(kind) => read_candidate(&read, original, kind),
            None => read_run(&read),
        };
        let digits = &reread.text;
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
        out.push_str(&text[last..start]);
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

/// A token Tesseract did not write as Thai digits that may still be a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Candidate {
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
/// (up to three) or after a word a number follows ([`NUMBER_SLOTS`], up to four), or with an
/// Arabic digit among them (up to four); one letter against `ที่`; the groups of a number's
/// commas or slashes that hold no Thai digit; and the space before a word where a number
/// stands ([`Candidate::Gap`], an empty range). Byte range of the token, the visible index
/// of its first character, and which kind it is. Only glyphs the model is sure are Thai
/// digits turn one into digits (see [`read_candidate`]) — or, where the words around say a
/// number stands ([`Candidate::Slot`]), likely digits; genuine words and Arabic numbers stay
/// as they are.
fn candidates(text: &str) -> Vec<(usize, usize, usize, Candidate)> {
    // (ฯ too: a typewriter's ๗ comes out as one.)
    let is_thai_letter = |c: char| ('\u{0E01}'..='\u{0E2F}').contains(&c) || "เแโใไ".contains(c);
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
            // (A bracket opening the token may be a digit's shape — Noto Looped's condensed
            // ๗ read `(` — but a list item's `(1)` is no number.)
            let latin_like = !token
                .char_indices()
                .any(|(i, c)| is_thai_digit(c) || (c == '(' && i > 0) || c == ')')
                && token.chars().all(|c| {
                    // (Typographic punctuation too — quotes, primes, guillemets: `wed”` for
                    // ๒๕๖๗, `Oma’` for ๑๗๙.)
                    c.is_ascii_graphic()
                        || ('\u{A1}'..='\u{FF}').contains(&c)
                        || ('\u{2010}'..='\u{205E}').contains(&c)
                        || stands_in_for_a_digit(c)
                })
                && (token.chars().any(|c| {
                    // (Tesseract's English model writes a bold ๘ as `«`, ๔ as `¢`, ๖ as `>`.)
                    c.is_ascii_alphanumeric()
                        || ('\u{A1}'..='\u{FF}').contains(&c)
                        || "<>@ฒงวฆญณ".contains(c)
                })
                    // (Where a number stands, any symbol: `หมู่ที่ =` for หมู่ที่ ๘.)
                    || in_slot);
            if latin_like {
                if first && (1..=4).contains(&n) && after.chars().next().is_some_and(is_thai_letter)
                {
                    out.push((byte, byte + token_len, visible, Candidate::Label));
                } else if thai_line && (1..=6).contains(&n) && !token.contains(['/', ',']) {
                    out.push((byte, byte + token_len, visible, word));
                } else if thai_line && (1..=9).contains(&n) {
                    // A number with a slash or a comma read as Latin (`(00/@` for ๗๐๐/๙๙, a
                    // house number; `MEd,` for ๓๔๖,): each part on its own, as the slash or
                    // comma is no digit.
                    let mut at = 0usize;
                    let mut part_visible = visible;
                    for part in token.split(['/', ',']) {
                        let len = part.chars().count();
                        if (1..=4).contains(&len) {
                            out.push((byte + at, byte + at + part.len(), part_visible, word));
                        }
                        at += part.len() + 1;
                        part_visible += len + 1;
                    }
                }
            } else if first {
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
            } else if !token.chars().any(is_thai_digit) && token.chars().any(is_thai_letter) {
                // Thai letters right after a number (`๗๙๐๐ สต่อด` for ๗๙๐๐ ๙๒๖๙: a face's
                // digits Tesseract took all for letters): a number's second part, if its
                // glyphs surely are digits.
                // Before a month's name, where a date's day stands (`วันที่ ซ กันยายน` for
                // ๗ กันยายน), up to three.
                // After a word a number follows (`หมู่ที่ เฒ` for หมู่ที่ ๗), up to four.
                // Thai letters and Arabic digits in one short token (`จ9` for ๖๖, `อ9` for
                // ๑๖): Tesseract's two models each took part of a number; no Thai word holds
                // an Arabic digit.
                let mixed = n <= 4 && token.chars().any(|c| c.is_ascii_digit());
                if (after_number && (1..=5).contains(&n))
                    || (before_month && n <= 3)
                    || (after_slot && n <= 4)
                    || mixed
                {
                    out.push((byte, byte + token_len, visible, word));
                } else if let Some(head) = token
                    .strip_suffix(|c: char| is_thai_letter(c) && !"เแโใไ".contains(c))
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
                let numeric = !abbreviated && groups().any(|g| g.chars().any(is_thai_digit));
                let mut at = 0usize;
                let mut group_visible = visible;
                for group in groups() {
                    let len = group.chars().count();
                    if numeric
                        && (1..=4).contains(&len)
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
/// year, a phone number and its extension.
const NUMBER_SLOTS: [&str; 8] = ["ที่", "ข้อ", "ร้อยละ", "มาตรา", "พ.ศ.", "จำนวน", "โทร", "ต่อ"];

/// A candidate re-read: accepted only if every glyph in it is surely a digit (a dash, a
/// bullet, a Latin letter or an Arabic digit is not). A clause label keeps or gains the
/// period after it; a word keeps what followed its letters.
fn read_candidate(read: &AreaReading, original: &str, kind: Candidate) -> Reread {
    let glyphs = &read.glyphs;
    let most = match kind {
        Candidate::Label => 3,
        Candidate::Word | Candidate::Slot | Candidate::Gap => 8,
    };
    let placed = matches!(kind, Candidate::Slot | Candidate::Gap)
        && glyphs.len() <= 4
        && glyphs.iter().all(likely_a_digit);
    let mut out = Reread::default();
    if glyphs.is_empty() || glyphs.len() > most || !(placed || surely_digits(glyphs)) {
        // An Arabic clause number whose period Tesseract lost (`4 ให้มี…` for `4. ให้มี…`):
        // the period back, when the page shows one.
        let arabic = !original.is_empty() && original.chars().all(|c| c.is_ascii_digit());
        if kind == Candidate::Label && arabic && read.period {
            out.text = format!("{original}.");
        }
        return out;
    }
    // A word with a glyph for each of its letters and digits keeps its punctuation between
    // them (`99.69` for ๑๑.๔๑, a time).
    let marks = |c: &char| matches!(c, '.' | ',' | '/' | ':');
    let inner = original.trim_end_matches('.');
    if kind != Candidate::Label
        && inner.chars().any(|c| marks(&c))
        && inner.chars().filter(|c| !marks(c)).count() == glyphs.len()
    {
        let mut digits = glyphs.iter();
        for c in inner.chars() {
            if marks(&c) {
                out.text.push(c);
            } else if let Some(g) = digits.next() {
                out.push_digit(g, None);
            }
        }
        out.text.push_str(&original[inner.len()..]);
        return out;
    }
    // A label or a word keeps the periods the page shows between its numbers (`9.m` for
    // ๖.๓, `19.0.6` for ๒.๖.๘ where `19` is one glyph); a label gains the one after.
    let last = glyphs.len() - 1;
    for (i, (g, &period)) in glyphs.iter().zip(&read.periods).enumerate() {
        out.push_digit(g, None);
        if period && i < last {
            out.text.push('.');
        }
    }
    if (read.period && kind == Candidate::Label) || original.ends_with('.') {
        out.text.push('.');
    }
    out
}

/// How sure the model must be that a glyph is a Thai digit before a token Tesseract did not
/// write as digits (a clause label read `©.`, a number read as Latin letters) is taken for
/// one (see [`read_candidate`]).
const SURELY_A_DIGIT: f32 = 0.9;
/// Within a run Tesseract took for digits, a glyph the model takes for something else this
/// surely (a bracket or a dash caught in the run's area) is left out.
const SURELY_NOT_A_DIGIT: f32 = 0.95;

/// The digits in a run's area of the page, one per glyph found there. A glyph the model is
/// sure is no digit is left out (a bracket or a dash caught in the area) — unless Tesseract
/// wrote a Thai digit for it (a face the model never saw: the typewriter's ๙ and ๖).
/// (A glyph between two of the number's digits was once kept however sure the model was,
/// for Sawasdee's ๙, which it took for ต; the model now reads that ๙, and what the rule
/// still kept was an oblique slash or a broken digit's piece: dropped in session 8.)
fn read_run(read: &AreaReading) -> Reread {
    let g = &read.glyphs;
    // Where Tesseract wrote as many characters (other than Arabic digits, which the model
    // knows for no Thai digit) as there are glyphs, none is a stray one.
    let none_stray = g.len() <= read.written_count;
    let written = |i: usize| read.written.get(i).copied().flatten();
    let slash = |i: usize| read.slashes.get(i).copied().unwrap_or(false);
    let kept: Vec<usize> = (0..g.len())
        .filter(|&i| {
            g[i].p_other < SURELY_NOT_A_DIGIT || none_stray || written(i).is_some_and(is_thai_digit)
        })
        .collect();
    let mut out = Reread::default();
    for (k, &i) in kept.iter().enumerate() {
        // A slash among the digits, whatever Tesseract wrote for it (`๕๐ต๓7๕๕` for
        // ๔๐๙/๔๙: as many characters as glyphs, the slash one of them): a slash.
        if slash(i) {
            if k > 0 && k + 1 < kept.len() {
                out.text.push('/');
            }
            continue;
        }
        out.push_digit(&g[i], written(i));
        // A period the page shows between two of the run's digits, which Tesseract lost
        // (`๓๕.๑` for ๙.๘.๑: a run holds no period of Tesseract's).
        if k + 1 < kept.len() && read.periods.get(i).copied().unwrap_or(false) {
            out.text.push('.');
        }
    }
    out
}

/// The digits Tesseract's Thai model has in its character set.
const KNOWN_TO_TESSERACT: &str = "๐๑๒๓๕";

/// How often Tesseract writes one digit it knows for another it knows: 5 times in the 1,078
/// it read right on the digit pages of sets 1 and 2 (`๒` as `๓`, `๓` as `๐`), about one in
/// a thousand for each wrong digit.
const TESSERACT_SWAPS_KNOWN_DIGITS: f32 = 1e-3;

/// A glyph's digit, given what Tesseract wrote for it. Tesseract tells the digits it knows
/// apart well; its errors are the digits it lacks, written as the nearest one it knows. So
/// where it wrote a digit it knows, the glyph is that digit or one it lacks (๓ is ๓ ๔ ๖ ๗ ๘
/// or ๙, seldom ๑): the model's reading is weighed by that. A bold face's ๓ whose loops
/// closed up reads to the model as ๑ (๓ a distant second), and Tesseract, reading the whole
/// line, knows better; where the model is all but certain, it still wins.
fn digit_given(r: &Reading, written: Option<char>) -> char {
    char::from_u32('๐' as u32 + digit_agreement::argmax(&weighed(r, written)) as u32)
        .unwrap_or(r.digit)
}

/// How likely a glyph is each digit given what Tesseract wrote for it (see [`digit_given`]),
/// summing to one.
fn weighed(r: &Reading, written: Option<char>) -> [f32; 10] {
    let w = written.filter(|&w| KNOWN_TO_TESSERACT.contains(w));
    let mut p = r.digits;
    for (d, v) in ('๐'..='๙').zip(p.iter_mut()) {
        if w.is_some_and(|w| d != w && KNOWN_TO_TESSERACT.contains(d)) {
            *v *= TESSERACT_SWAPS_KNOWN_DIGITS;
        }
    }
    let sum: f32 = p.iter().sum();
    if sum > 0.0 {
        p.iter_mut().for_each(|v| *v /= sum);
    }
    p
}

/// Glyphs that together surely are a number: each more likely a digit than not, and on
/// average as sure as one glyph must be alone — or, three glyphs or more, all but one surely
/// digits (`wage` for ๗๖๕๑, a typewriter's ๖ half taken for a letter: no word's letters
/// read so). The model cannot tell ๐ from a Latin `o` by shape — it gives such a glyph
/// 0.1–0.7 of being no digit (a condensed face's oval) — so
/// a ๐ below 0.7 counts for its shape alone where the other glyphs surely are digits
/// (`coco` for ๔๑๙๐, `co` for ๔๐); a token of nothing but circles is judged as a whole.
fn surely_digits(glyphs: &[Reading]) -> bool {
    let sure = |glyphs: &[&Reading]| {
        let shaped = glyphs
            .iter()
            .all(|g| (0.3..=1.6).contains(&g.aspect) && g.p_other < 0.5);
        let mean_other = glyphs.iter().map(|g| g.p_other).sum::<f32>() / glyphs.len().max(1) as f32;
        let unsure = glyphs.iter().filter(|g| !surely_a_digit(g)).count();
        !glyphs.is_empty()
            && shaped
            && (1.0 - mean_other >= SURELY_A_DIGIT || (glyphs.len() >= 3 && unsure <= 1))
    };
    let round = |g: &&Reading| g.digit == '๐' && g.p_other < 0.7 && (0.3..=1.6).contains(&g.aspect);
    let all: Vec<&Reading> = glyphs.iter().collect();
    let others: Vec<&Reading> = all.iter().copied().filter(|g| !round(g)).collect();
    sure(if others.is_empty() { &all } else { &others })
}

/// Shaped like a digit and more likely one than not: enough for a glyph that touches a
/// number's digits (a ๐ after ๘, which alone the model half takes for an `o`).
fn likely_a_digit(r: &Reading) -> bool {
    (0.3..=1.6).contains(&r.aspect) && r.p_other < 0.5
}

/// Shaped like a digit and taken for one: what a glyph Tesseract did not call a digit must
/// be before it is read as one.
fn surely_a_digit(r: &Reading) -> bool {
    (0.3..=1.6).contains(&r.aspect) && 1.0 - r.p_other >= SURELY_A_DIGIT
}

/// The middles (x) of a run's own glyph boxes and of its neighbours' on the same line, each
/// neighbour with whether it is a digit, a stand-in for one, or past a period (its glyphs
/// are never the run's).
struct Centres {
    /// Each with the character Tesseract wrote for it.
    own: Vec<(u32, char)>,
    neighbours: Vec<(u32, bool)>,
    /// The columns of a slash Tesseract wrote against the run.
    slashes: Vec<(u32, u32)>,
}

/// Whether one of `marks` (columns and bottom) low in the line — a period or a comma: its
/// bottom below the middle of the line's `band` — reaches into the columns `left..right`
/// between two glyphs: a number ends there. A speck higher up is a mark above the line (the
/// tone mark of `ที่` over a ๒ set close to it), which parts nothing.
fn separated(marks: &[(u32, u32, u32)], band: (u32, u32), left: u32, right: u32) -> bool {
    let middle = (band.0 + band.1) / 2;
    marks
        .iter()
        .any(|&(x0, x1, bottom)| x0 < right && x1 > left && bottom > middle)
}

/// Whose a glyph is, by the boxes nearest to its middle.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Owner {
    Run,
    /// A neighbouring number's: not this run's.
    Digits,
    /// A neighbouring letter's box is nearer, but boxes drift: the run's if it is surely a digit.
    Letters,
}

impl Centres {
    /// Whether the glyph in page columns `a..b` holds the middle of one of the run's own
    /// boxes and is nearer them than any neighbour's, and is no slash Tesseract wrote: the
    /// run's, however little of it its boxes cover (Tesseract boxed `๒๐` over the ๐ and a
    /// sliver of the ๒, whose middle still fell in it; the ๒, half taken for a letter, was
    /// lost).
    fn holds_own_box(&self, a: u32, b: u32) -> bool {
        let slash = self
            .slashes
            .iter()
            .any(|&(sa, sb)| b.min(sb).saturating_sub(a.max(sa)) * 2 >= b - a);
        self.own.iter().any(|&(c, _)| (a..b).contains(&c))
            && self.owner((a + b) / 2) == Owner::Run
            && !slash
    }

    fn owner(&self, x: u32) -> Owner {
        let own = self.own.iter().map(|&(c, _)| c.abs_diff(x)).min();
        let other = self
            .neighbours
            .iter()
            .min_by_key(|(c, _)| c.abs_diff(x))
            .map(|&(c, digit)| (c.abs_diff(x), digit));
        match (own, other) {
            (Some(own), Some((d, digit))) if d < own => {
                if digit {
                    Owner::Digits
                } else {
                    Owner::Letters
                }
            }
            _ => Owner::Run,
        }
    }
}

/// A run's reading from the first look at the page's runs, with the columns that were taken
/// on its line then.
type EarlierReading = (Vec<(u32, u32)>, AreaReading);

/// What reading a run's area gave.
#[derive(Debug, Default)]
struct AreaReading {
    glyphs: Vec<Reading>,
    /// What Tesseract wrote for each glyph, where it wrote one character for each.
    written: Vec<Option<char>>,
    /// How many characters other than Arabic digits Tesseract wrote for the run.
    written_count: usize,
    /// A period follows the last glyph.
    period: bool,
    /// Whether a period follows each glyph.
    periods: Vec<bool>,
    /// The page columns of the glyphs read (what later runs must not read again).
    columns: Vec<(u32, u32)>,
    /// Whether each glyph is a slash: no digit surely, and one thin stroke leaning right.
    slashes: Vec<bool>,
    /// The run's own columns hold only glyphs an earlier run already read: its text is a
    /// second reading of them (`๓ a` where the run ๓ took the ๗ Tesseract wrote as `a`).
    read_before: bool,
}

impl AreaReading {
    /// Leaves out the first (or last) glyph where the model is sure it is no digit and others
    /// remain.
    fn drop_edge(&mut self, first: bool) {
        let n = self.glyphs.len();
        let at = if first { 0 } else { n.saturating_sub(1) };
        if n < 2 || self.glyphs[at].p_other < SURELY_NOT_A_DIGIT {
            return;
        }
        self.glyphs.remove(at);
        if at < self.periods.len() {
            self.periods.remove(at);
        }
        if at < self.written.len() {
            self.written.remove(at);
        }
        if at < self.columns.len() {
            self.columns.remove(at);
        }
        if at < self.slashes.len() {
            self.slashes.remove(at);
        }
        self.period = self.periods.last().copied().unwrap_or(false);
    }
}

/// The glyphs in a run's area, read as digits.
///
/// Glyphs in the run's own columns are its; beside them, a chain of glyphs each within a
/// third of a digit of the last, with no comma or period between, is too (Tesseract cut a
/// number short: ๒๔๙ for ๒๔๙๗), but only while each is likelier a digit than not and is no
/// neighbouring number's. Glyphs an earlier run of the line read (`taken`) are left out.
///
/// The glyphs are looked for up to twice the area's height either side of it; where a chain
/// reaches the edge of that, the glyph there is cut short and reads as something else (a
/// number's first digit three digits left of the one Tesseract boxed: Sarabun's ๗ of `๗๙๐`,
/// where it wrote `ซ«๐`), and the run is read again with three heights either side. (Not
/// always three: more of the line in the patch changes the typical digit's size and the
/// specks taken for periods, for the worse on three pages.)
fn read_glyphs(
    image: &GrayImage,
    area: Rect,
    core: (u32, u32),
    centres: &Centres,
    taken: &[(u32, u32)],
) -> AreaReading {
    let (read, at_edge) = read_glyphs_within(image, area, core, centres, taken, 2);
    if at_edge {
        read_glyphs_within(image, area, core, centres, taken, 3).0
    } else {
        read
    }
}

/// [`read_glyphs`] with the glyphs looked for `heights` of the area's height either side of
/// it; whether a chain of glyphs reached the edge of that.
fn read_glyphs_within(
    image: &GrayImage,
    area: Rect,
    core: (u32, u32),
    centres: &Centres,
    taken: &[(u32, u32)],
    heights: u32,
) -> (AreaReading, bool) {
    let (w, h) = image.dimensions();
    let widen = heights * area.y1.saturating_sub(area.y0);
    let pad = 3;
    let (x0, y0) = (area.x0.saturating_sub(widen), area.y0.saturating_sub(pad));
    let (x1, y1) = ((area.x1 + widen).min(w), (area.y1 + pad).min(h));
    if x1 <= x0 + 1 || y1 <= y0 + 1 {
        return (AreaReading::default(), false);
    }
    let patch = image::imageops::crop_imm(image, x0, y0, x1 - x0, y1 - y0).to_image();
    // (Not the page's own edge: nothing more is there.)
    let (edge_left, edge_right) = (x0 > 0, x1 < w);
    let band = (core.0.saturating_sub(y0), core.1.saturating_sub(y0));
    let slashes: Vec<(u32, u32)> = centres
        .slashes
        .iter()
        .map(|&(a, b)| (a.saturating_sub(x0), b.saturating_sub(x0)))
        .collect();
    let (found, typical, specks, marks) = glyphs(&patch, band, &slashes);
    let (own0, own1) = (area.x0 - x0, area.x1 - x0);
    let slack = (0.5 * typical) as u32;
    let (lo, hi) = (
        own0.saturating_sub(slack),
        (own1 + slack).min(patch.width()),
    );
    let is_taken = |a: u32, b: u32| {
        taken.iter().any(|&(ta, tb)| {
            let shared = (x0 + b).min(tb).saturating_sub((x0 + a).max(ta));
            shared * 2 >= b - a
        })
    };
    // The run's own glyphs: a third of the glyph's width or more in its columns (the LSTM's
    // boxes are off by up to half a digit either way), or a glyph too wide for one digit
    // joined to a neighbour's ink (`ศ.๒` touching), cut to the columns.
    // Each glyph kept with its columns, what the model reads it as, and whether it must
    // surely be a digit to count (it is nearer a neighbouring letter's box).
    let mut own: Vec<(u32, u32, Reading, bool, Option<char>, bool)> = Vec::new();
    let mut outside: Vec<(u32, u32, GrayImage)> = Vec::new();
    let mut read_before = false;
    // Each glyph's columns and lowest row of ink: where a period set after it sits (none
    // looked for where no speck could be one).
    let feet: Vec<(u32, u32, u32)> = found
        .iter()
        .filter(|_| !specks.is_empty())
        .map(|(a, b, g)| {
            let foot = (0..g.height())
                .rev()
                .find(|&y| (0..g.width()).any(|x| g.get_pixel(x, y).0[0] < 255))
                .unwrap_or(0);
            (*a, *b, foot)
        })
        .collect();
    for (a, b, g) in found {
        let shared = b.min(own1).saturating_sub(a.max(own0));
        let (ca, cb) = (a.max(lo), b.min(hi));
        let wide =
            ((b - a) as f32) > 1.2 * typical && cb.saturating_sub(ca) as f32 >= 0.5 * typical;
        // (A glyph holding the middle of one of the run's boxes is the run's however far its
        // box drifted off it.)
        let shared = if centres.holds_own_box(x0 + a, x0 + b) {
            b - a
        } else {
            shared
        };
        if shared * 3 < b - a && !wide {
            outside.push((a, b, g));
            continue;
        }
        if is_taken(a, b) {
            read_before = true;
            continue;
        }
        if shared * 3 >= b - a {
            let marked = match centres.owner(x0 + (a + b) / 2) {
                Owner::Run => false,
                Owner::Letters => true,
                Owner::Digits => continue,
            };
            if let Some(r) = classify(&g) {
                let slash = r.p_other >= SURELY_NOT_A_DIGIT && slash_shaped(&g, typical);
                own.push((a, b, r, marked, None, slash));
            }
        } else {
            // A cut the model is sure is no digit is a neighbour's ink alone (a slash
            // touching the number's last digit, `๑๖๓/`): the glyph is left whole, beside the
            // run (a wide ๘ reaching into its columns may still join it).
            let cut = image::imageops::crop_imm(&g, ca - a, 0, cb - ca, g.height()).to_image();
            match classify(&cut).filter(|r| r.p_other < SURELY_NOT_A_DIGIT) {
                Some(r) => own.push((ca, cb, r, false, None, false)),
                None => outside.push((a, b, g)),
            }
        }
    }
    read_before &= own.is_empty();
    // Chains of digits out from the run's own glyphs (or its own columns), both ways.
    let digit = |a: u32, b: u32, g: &GrayImage| {
        if is_taken(a, b) || centres.owner(x0 + (a + b) / 2) == Owner::Digits {
            return None;
        }
        classify(g).filter(likely_a_digit)
    };
    // Within a number digits stand closer than words do, and nothing stands between them (a
    // comma or a period ends it: `๗๙,๕๑๔` is not to be one run).
    // Kerned digits overlap (a tail of ๖ reaches under the next one's columns): a glyph is
    // beside the chain when its middle is past the chain's edge.
    // Digits set apart (a typewriter's, a monospace face's) stand as far apart as the run's
    // own glyphs do: the widest gap between them, and a little more, is no word's space
    // (that is a whole digit's width there), up to two thirds of a digit.
    // (The glyphs come left to right.)
    let widest_gap = own
        .windows(2)
        .map(|w| w[1].0.saturating_sub(w[0].1))
        .max()
        .unwrap_or(0);
    let within = (0.35 * typical).max((1.3 * widest_gap as f32).min(0.65 * typical));
    let near = |left: u32, right: u32| {
        (right.saturating_sub(left) as f32) < within && !separated(&marks, band, left, right)
    };
    // Where Tesseract wrote more Thai digits (or letters standing in for them) than its
    // columns hold glyphs, its boxes drifted (by up to a digit): that many glyphs beside them
    // are the run's even a little further out (a typewriter's digits stand apart; `๒ณ` boxed
    // over the ๗ alone, for ๒๗). (Not Arabic digits: the English model writes `19` for one.)
    let written_digits = centres
        .own
        .iter()
        .filter(|(_, c)| is_thai_digit(*c) || (stands_in_for_a_digit(*c) && !c.is_ascii_digit()))
        .count();
    // (A slash among the run's glyphs is none of those: `๕/` for ๘/, its ๕ boxed over the
    // slash.)
    let digit_glyphs = own.iter().filter(|o| !o.5).count();
    let mut missing = written_digits.saturating_sub(digit_glyphs);
    // Whether a glyph is beside the chain, and whether only as one of the missing ones.
    let beside = |left: u32, right: u32, missing: usize| -> Option<bool> {
        if near(left, right) {
            return Some(false);
        }
        let drifted = missing > 0
            && (right.saturating_sub(left) as f32) < 0.8 * typical
            && !separated(&marks, band, left, right);
        drifted.then_some(true)
    };
    let own_count = own.len();
    let mut chained_left = false;
    let mut right_edge = own.iter().map(|o| o.1).max().unwrap_or(own1);
    let mut left_edge = own.iter().map(|o| o.0).min().unwrap_or(own0);
    let mut kept = own;
    let mut at_edge = false;
    for (a, b, g) in &outside {
        if (a + b) / 2 <= right_edge {
            continue;
        }
        // (A missing glyph is counted off only once one is found: a letter tried on one side
        // leaves the count for the other.)
        let next_to = beside(right_edge, *a, missing);
        at_edge |= edge_right && *b >= patch.width() && next_to.is_some();
        let Some((drifted, r)) = next_to.and_then(|drifted| Some((drifted, digit(*a, *b, g)?)))
        else {
            break;
        };
        missing -= usize::from(drifted);
        right_edge = *b;
        kept.push((*a, *b, r, false, None, false));
    }
    for (a, b, g) in outside.iter().rev() {
        if (a + b) / 2 >= left_edge {
            continue;
        }
        let next_to = beside(*b, left_edge, missing);
        at_edge |= edge_left && *a == 0 && next_to.is_some();
        let Some((drifted, r)) = next_to.and_then(|drifted| Some((drifted, digit(*a, *b, g)?)))
        else {
            break;
        };
        missing -= usize::from(drifted);
        left_edge = *a;
        chained_left = true;
        kept.push((*a, *b, r, false, None, false));
    }
    kept.sort_by_key(|k| k.0);
    // What Tesseract wrote for each of the run's glyphs, where it wrote one character for
    // each: by their order (its boxes drift by up to a digit, so the nearest box may be a
    // neighbour's). Its characters go to the glyphs found with the chains in where they are
    // as many (a chain found the glyph its boxes left out); else to the run's own glyphs
    // where those are as many and no chain reached left — one that did found the number's
    // first digit outside boxes drifted right, which took in something after it instead (a
    // slash touching it: `๔๗๒/`).
    let written_to = if kept.len() == centres.own.len() {
        kept.len()
    } else if own_count == centres.own.len() && !chained_left {
        own_count
    } else {
        0
    };
    // (Without a chain to the left the run's own glyphs come first.)
    for (k, &(_, c)) in kept.iter_mut().take(written_to).zip(&centres.own) {
        k.4 = Some(c);
    }
    // A period: a speck in the lower half of the line starting within half a digit after a
    // glyph (a clause label's `๖.๓`, the last one's `๓.`) — or a little before its last
    // column, level with the glyph's foot: an italic digit's top leans out over the period
    // set after its foot (FreeSerif Bold Italic's `๑.๙.๒`, the period 1–5 pixels inside
    // columns a digit 25 high spans). (Not the mai ek of the next line's ที่ under a ๑.)
    let low = (band.0 + band.1) / 2;
    let overhang = (0.3 * typical) as u32;
    let foot_of = |a: u32, b: u32| {
        feet.iter()
            .max_by_key(|f| f.1.min(b).saturating_sub(f.0.max(a)))
            .map(|f| f.2)
    };
    let period_after = |a: u32, b: u32| {
        let on_foot =
            |sy: u32| foot_of(a, b).is_some_and(|foot| (sy.abs_diff(foot) as f32) <= 0.2 * typical);
        specks.iter().any(|&(sx, sy)| {
            let beside = sx >= b || (sx + overhang >= b && on_foot(sy));
            sy > low && beside && (sx.saturating_sub(b) as f32) < 0.6 * typical
        })
    };
    let mut out = AreaReading {
        read_before,
        written_count: centres
            .own
            .iter()
            .filter(|(_, c)| !c.is_ascii_digit())
            .count(),
        ..AreaReading::default()
    };
    for &(a, b, reading, marked, tesseract, slash) in &kept {
        // (Nearer a neighbour's box, but Tesseract wrote one of the run's digits for it.)
        if !marked || surely_a_digit(&reading) || tesseract.is_some_and(is_thai_digit) {
            out.glyphs.push(reading);
            out.written.push(tesseract);
            out.columns.push((x0 + a, x0 + b));
            out.periods.push(period_after(a, b));
            out.slashes.push(slash);
        }
    }
    out.period = out.periods.last().copied().unwrap_or(false);
    (out, at_edge)
}

/// Cuts a run's patch into glyphs: connected pieces of ink, pieces over one another joined
/// (a glyph broken by a light scan), specks (the period of `พ.ศ.`) dropped, and a piece as
/// wide as two digits (two digits touching) split where both halves read as digits, and a
/// digit touching one of `slashes` (the columns of slashes Tesseract wrote against the run)
/// cut from it. Each glyph comes with its column range in the patch and a patch of its own
/// ink only (a neighbour's ink reaching into its columns is whitened). Then the typical
/// digit height, the specks (left edge, bottom) and the marks that part a number — specks and
/// commas — by their columns and bottom.
type Glyphs = (
    Vec<(u32, u32, GrayImage)>,
    f32,
    Vec<(u32, u32)>,
    Vec<(u32, u32, u32)>,
);

fn glyphs(patch: &GrayImage, band: (u32, u32), slashes: &[(u32, u32)]) -> Glyphs {
    let (w, h) = patch.dimensions();
    // Pieces are cut at a threshold nearer the paper than the model's (three fifths of the
    // way from the darkest ink, not half): a serif face's hairlines, grey after blur and
    // JPEG, would otherwise break a glyph in two (FreeSerif's ๒ into a ๑ and a stroke).
    let Some(t) = ink_threshold_at(patch, 3, 5) else {
        return (Vec::new(), 1.0, Vec::new(), Vec::new());
    };
    let labels = components(patch, t);
    // Bounding boxes of the pieces.
    let mut boxes: Vec<(u32, u32, u32, u32)> = Vec::new(); // x0, y0, x1, y1
    let mut inked: Vec<u32> = Vec::new(); // pixels of each piece
    for (i, &l) in labels.iter().enumerate() {
        if l == 0 {
            continue;
        }
        let (x, y) = (i as u32 % w, i as u32 / w);
        let k = l as usize - 1;
        if k >= boxes.len() {
            boxes.resize(k + 1, (u32::MAX, u32::MAX, 0, 0));
            inked.resize(k + 1, 0);
        }
        let b = &mut boxes[k];
        *b = (b.0.min(x), b.1.min(y), b.2.max(x + 1), b.3.max(y + 1));
        inked[k] += 1;
    }
    let mut heights: Vec<u32> = boxes.iter().map(|b| b.3.saturating_sub(b.1)).collect();
    heights.sort_unstable();
    let Some(&tallest) = heights.last() else {
        return (Vec::new(), 1.0, Vec::new(), Vec::new());
    };
    // The typical digit height: the median of pieces at least a third of the tallest.
    let big: Vec<u32> = heights
        .iter()
        .copied()
        .filter(|&x| x * 3 >= tallest)
        .collect();
    let typical = big.get(big.len() / 2).copied().unwrap_or(tallest).max(1) as f32;
    // Glyphs: pieces sorted left to right; a small piece (a glyph broken by a light scan) is
    // joined to the glyph whose columns it mostly shares. Two whole digits never are, though
    // a tail (of ๖, of ๕) may reach over the next one's columns.
    // A speck: under a third of a digit both ways; or, up to 0.45 of one, a round solid dot
    // in the line's lower half — a typewriter's period, or a bold face's, is that big. (A
    // stroke broken off a digit is longer one way, or hollow, or high.)
    let low_half = (band.0 + band.1) / 2;
    let is_speck = |k: usize| {
        let b = boxes[k];
        let (bw, bh) = (b.2.saturating_sub(b.0), b.3.saturating_sub(b.1));
        let small = |n: u32, share: f32| (n as f32) < share * typical;
        let dot = small(bw, 0.45)
            && small(bh, 0.45)
            && bw * 3 >= bh * 2
            && bh * 3 >= bw * 2
            && inked.get(k).copied().unwrap_or(0) * 10 >= bw * bh * 6
            && b.1 >= low_half;
        (small(bw, 0.35) && small(bh, 0.35)) || dot
    };
    // The marks that part a number (columns and bottom): specks, sitting low as a period
    // does (a pixel or two of a bilevel scan's noise is none), and commas (below).
    let mut marks: Vec<(u32, u32, u32)> = (0..boxes.len())
        .filter(|&k| is_speck(k) && boxes[k].2 >= boxes[k].0 + 2 && boxes[k].3 >= boxes[k].1 + 2)
        .map(|k| (boxes[k].0, boxes[k].2, boxes[k].3))
        .collect();
    // The specks by left edge and bottom.
    let specks: Vec<(u32, u32)> = marks.iter().map(|&(x0, _, y1)| (x0, y1)).collect();
    let mut order: Vec<usize> = (0..boxes.len()).filter(|&k| !is_speck(k)).collect();
    order.sort_by_key(|&k| boxes[k].0);
    let mut groups: Vec<(u32, u32, Vec<usize>)> = Vec::new();
    for k in order {
        let (x0, y0, x1, y1) = boxes[k];
        let small = ((y1 - y0) as f32) < 0.6 * typical;
        if let Some(g) = groups.last_mut() {
            let overlap = g.1.min(x1).saturating_sub(g.0.max(x0));
            let narrower = (x1 - x0).min(g.1 - g.0).max(1);
            let group_small =
                g.2.iter()
                    .all(|&m| ((boxes[m].3 - boxes[m].1) as f32) < 0.6 * typical);
            // Pieces of one broken glyph lie close; a mark of the next line below does not.
            let gy0 = g.2.iter().map(|&m| boxes[m].1).min().unwrap_or(y0);
            let gy1 = g.2.iter().map(|&m| boxes[m].3).max().unwrap_or(y1);
            let apart = y0.saturating_sub(gy1).max(gy0.saturating_sub(y1));
            if overlap * 2 >= narrower && (small || group_small) && (apart as f32) <= 0.25 * typical
            {
                g.0 = g.0.min(x0);
                g.1 = g.1.max(x1);
                g.2.push(k);
                continue;
            }
        }
        groups.push((x0, x1, vec![k]));
    }
    // A glyph mostly above or below the line's rows is a mark of this line or a piece of the
    // next: not a digit. One narrow and short, hanging from the lower half of the line, is a
    // comma (`๙๐๐,๔๙๓`): it parts a number as a period does.
    groups.retain(|(x0, x1, members)| {
        let gy0 = members.iter().map(|&m| boxes[m].1).min().unwrap_or(0);
        let gy1 = members.iter().map(|&m| boxes[m].3).max().unwrap_or(0);
        let inside = gy1.min(band.1).saturating_sub(gy0.max(band.0));
        let kept = inside * 2 >= gy1.saturating_sub(gy0);
        let comma = ((x1 - x0) as f32) < 0.35 * typical
            && ((gy1 - gy0) as f32) < 0.6 * typical
            && gy0 >= low_half
            && gy1 > band.1;
        if !kept && comma {
            marks.push((*x0, *x1, gy1));
        }
        kept
    });
    // This glyph's ink alone, on white.
    let ink_of = |x0: u32, x1: u32, members: &[usize]| {
        GrayImage::from_fn(x1 - x0, h, |x, y| {
            let l = labels[(y * w + x + x0) as usize];
            if l != 0 && members.contains(&(l as usize - 1)) {
                *patch.get_pixel(x + x0, y)
            } else {
                image::Luma([255])
            }
        })
    };
    // A digit broken side by side by a light scan (the loop of ๔ apart from its tail) comes
    // as two narrow pieces neither of which reads as a digit: they are one glyph if together
    // they surely read as one. (A digit and a dash after it must stay two; so must a digit
    // and the slash Tesseract wrote after it — ๐ and `/` together read ๗.)
    let holds_a_slash = |a: u32, b: u32| {
        slashes
            .iter()
            .any(|&(sa, sb)| (a..b).contains(&((sa + sb) / 2)))
    };
    let mut joined: Vec<(u32, u32, Vec<usize>)> = Vec::with_capacity(groups.len());
    for g in groups {
        if let Some(last) = joined.last_mut().filter(|l| !holds_a_slash(l.0, l.1)) {
            let narrow = |a: u32, b: u32| ((b - a) as f32) < 0.8 * typical;
            let gap = g.0.saturating_sub(last.1) as f32;
            let union = g.1.max(last.1) - last.0;
            if narrow(last.0, last.1)
                && narrow(g.0, g.1)
                && !holds_a_slash(g.0, g.1)
                && gap <= 0.25 * typical
                && (union as f32) <= 1.4 * typical
            {
                let other = |x0: u32, x1: u32, m: &[usize]| {
                    classify(&ink_of(x0, x1, m)).map_or(1.0, |r| r.p_other)
                };
                let both: Vec<usize> = last.2.iter().chain(&g.2).copied().collect();
                let (x0, x1) = (last.0, g.1.max(last.1));
                if other(last.0, last.1, &last.2) > 0.5
                    && other(g.0, g.1, &g.2) > 0.5
                    && other(x0, x1, &both) < 1.0 - SURELY_A_DIGIT
                {
                    *last = (x0, x1, both);
                    continue;
                }
            }
        }
        joined.push(g);
    }
    let mut out = Vec::new();
    for (x0, x1, members) in joined {
        // Cut again while a part is still as wide as two digits (three touching: `๕๖๐` in
        // a bold face's blurred copy).
        let mut parts = vec![(x0, x1, ink_of(x0, x1, &members))];
        while let Some((a, b, own)) = parts.pop() {
            // A digit touching a slash Tesseract wrote beside the run (`/๒๕๔๑` in an
            // italic face) reads as no digit: the slash, a thin stroke across the line, is
            // cut off along its slant, where what is left surely is a digit. (Before cutting
            // between two digits: a digit and its slash may be as wide as two.)
            let near = (0.5 * typical) as u32;
            let at_slash = slashes
                .iter()
                .any(|&(sa, sb)| a < sb + near && b + near > sa);
            // A digit whose columns hold the middle of the slash Tesseract wrote after it is
            // joined to that slash however it reads (๐ and a slash read as ๗, ๓ and one as
            // ๗, ๔ and one as no digit): the same cut.
            let holds_slash = holds_a_slash(a, b);
            let no_digit = || classify(&own).is_some_and(|r| r.p_other >= SURELY_NOT_A_DIGIT);
            if ((b - a) as f32) >= 1.05 * typical && (holds_slash || (at_slash && no_digit())) {
                if let Some(((da, db, digit), _)) = split_off_stroke(&own, t, typical) {
                    out.push((a + da, a + db, digit));
                    continue;
                }
            }
            // A glyph that surely reads as one digit and is no wider than one and a half times
            // its height is one (a typewriter's ๗, wider than its other digits); two digits
            // touching are about twice as wide as high.
            let one_digit = || classify(&own).is_some_and(|r| r.p_other < 0.02 && r.aspect <= 1.5);
            if ((b - a) as f32) > 1.6 * typical && !one_digit() {
                let split = split_touching(&own, t);
                // A digit and a slash Tesseract did not write (`๙๙๓/๖๐` read `๓` and letters):
                // where no cut gives two sure digits, one leaving a slash and a sure digit
                // does — both kept, the slash written as one among the number's digits.
                let sure = |g: &GrayImage| classify(g).is_some_and(|r| surely_a_digit(&r));
                if !split.as_ref().is_some_and(|(_, l, r)| sure(l) && sure(r)) {
                    if let Some((digit, stroke)) = split_off_stroke(&own, t, typical) {
                        let mut both = [digit, stroke];
                        both.sort_by_key(|p| p.0);
                        out.extend(both.into_iter().map(|(pa, pb, g)| (a + pa, a + pb, g)));
                        continue;
                    }
                }
                if let Some((split, left, right)) = split {
                    parts.push((a + split, b, right));
                    parts.push((a, a + split, left));
                    continue;
                }
            }
            out.push((a, b, own));
        }
    }
    (out, typical, specks, marks)
}

/// A pixel's column and row.
type Pixel = (u32, u32);

/// The pixels of an image darker than `t`, row by row.
fn ink_pixels(img: &GrayImage, t: u8) -> Vec<Pixel> {
    let (w, h) = img.dimensions();
    (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y).0[0] < t)
        .collect()
}

/// Whether a glyph's ink (on white) is one slash, at least three fifths of a digit tall.
fn slash_shaped(glyph: &GrayImage, typical: f32) -> bool {
    ink_threshold_at(glyph, 1, 2).is_some_and(|t| is_slash(&ink_pixels(glyph, t), typical, typical))
}

/// Whether some ink is a slash: one thin run of ink in (nearly) every row it covers, over
/// most of the glyph's height, leaning right as it goes up.
fn is_slash(ink: &[Pixel], tall: f32, typical: f32) -> bool {
    let mut rows: std::collections::BTreeMap<u32, Vec<u32>> = std::collections::BTreeMap::new();
    for &(x, y) in ink {
        rows.entry(y).or_default().push(x);
    }
    if (rows.len() as f32) < 0.6 * tall {
        return false;
    }
    let mut single = 0usize;
    let mut centres: Vec<(f32, f32)> = Vec::with_capacity(rows.len());
    for (&y, xs) in rows.iter_mut() {
        xs.sort_unstable();
        let runs = 1 + xs.windows(2).filter(|p| p[1] > p[0] + 1).count();
        let width = xs.len() as f32;
        if runs == 1 && width <= 0.3 * typical {
            single += 1;
        }
        centres.push((y as f32, xs.iter().sum::<u32>() as f32 / width));
    }
    let (Some(low), Some(high)) = (centres.last(), centres.first()) else {
        return false;
    };
    // (Rows count down the page: the top row is the first.)
    let lean = high.1 - low.1;
    single as f32 >= 0.8 * rows.len() as f32 && lean >= 0.2 * (low.0 - high.0)
}

/// Some of a glyph's ink alone, on white: its columns in the glyph and its image.
type Piece = (u32, u32, GrayImage);

/// The piece of `own` that the pixels `ink` are (`None` for no pixels).
fn piece_of(own: &GrayImage, ink: &[Pixel]) -> Option<Piece> {
    let x0 = ink.iter().map(|p| p.0).min()?;
    let x1 = ink.iter().map(|p| p.0).max()? + 1;
    let mut img = GrayImage::from_pixel(x1 - x0, own.height(), image::Luma([255]));
    for &(x, y) in ink {
        img.put_pixel(x - x0, y, *own.get_pixel(x, y));
    }
    Some((x0, x1, img))
}

/// A glyph that is a digit and a slash touching, cut apart along a slanted line where one
/// side of the line is a thin stroke as tall as most of the glyph and the other surely reads
/// as a digit: the digit, then the stroke. `None` where no cut gives that.
fn split_off_stroke(own: &GrayImage, t: u8, typical: f32) -> Option<(Piece, Piece)> {
    let ink = ink_pixels(own, t);
    let bottom = ink.iter().map(|p| p.1).max()?;
    let top = ink.iter().map(|p| p.1).min()?;
    let tall = (bottom - top + 1) as f32;
    // The best cut: the most ink cut off as the slash (the whole of it: a digit with the
    // slash's foot left on it may still surely read as one — Umpush's ๓ as ๗), then the
    // surest digit.
    let mut best: Option<((usize, f32), Piece, Vec<Pixel>)> = None;
    // Slants from upright to 45° (x gained per row going up), cut positions across the glyph.
    for slant in [0.0f32, 0.25, 0.5, 0.75, 1.0] {
        // A pixel's place across the slant: left of a cut where it is below the cut's column.
        // How many pixels lie left of each cut is counted from the places sorted: most cuts
        // leave more than a third of the ink on the stroke's side and are passed over
        // without sorting the ink into two.
        let place = |&(x, y): &Pixel| x as f32 - slant * (bottom - y) as f32;
        let mut along: Vec<f32> = ink.iter().map(place).collect();
        along.sort_by(f32::total_cmp);
        for cut in 1..own.width() {
            let left_of = |p: &Pixel| place(p) < cut as f32;
            let left = along.partition_point(|&a| a < cut as f32);
            for stroke_left in [true, false] {
                // (No more than a third of the ink on the stroke's side leaves the digit some.)
                let strokes = if stroke_left { left } else { ink.len() - left };
                if strokes == 0 || strokes * 3 > ink.len() {
                    continue;
                }
                let (stroke, digit): (Vec<Pixel>, Vec<Pixel>) =
                    ink.iter().partition(|p| left_of(p) == stroke_left);
                if !is_slash(&stroke, tall, typical) {
                    continue;
                }
                let Some(piece) = piece_of(own, &digit) else {
                    continue;
                };
                // (One digit's width: two touching digits are cut apart elsewhere.)
                if (piece.1 - piece.0) as f32 > 1.4 * typical {
                    continue;
                }
                let Some(r) = classify(&piece.2) else {
                    continue;
                };
                let score = (stroke.len(), 1.0 - r.p_other);
                if score.1 >= SURELY_A_DIGIT && best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, piece, stroke));
                }
            }
        }
    }
    let (_, digit, stroke) = best?;
    Some((digit, piece_of(own, &stroke)?))
}

/// Two touching glyphs cut apart at the column where both halves read best as digits (the
/// thinner column where they read alike). The thinnest column alone is not enough: where a
/// tail reaches over the next digit (Sawasdee's ๙ touching the ๖ after it) the thinnest
/// column lies inside the first glyph and cuts its tail off. Cuts are tried in the middle
/// two fifths of the piece; `None` for a piece too narrow to cut.
fn split_touching(own: &GrayImage, t: u8) -> Option<(u32, GrayImage, GrayImage)> {
    let (w, h) = own.dimensions();
    let column: Vec<u32> = (0..w)
        .map(|x| (0..h).filter(|&y| own.get_pixel(x, y).0[0] < t).count() as u32)
        .collect();
    let halves = |split: u32| {
        (
            image::imageops::crop_imm(own, 0, 0, split, h).to_image(),
            image::imageops::crop_imm(own, split, 0, w - split, h).to_image(),
        )
    };
    // How well a half reads as one digit: the log of its probability of being a digit.
    let fit = |g: &GrayImage| classify(g).map_or(-14.0, |r| (1.0 - r.p_other).max(1e-6).ln());
    let (lo, hi) = (w * 3 / 10, w * 7 / 10);
    // Both halves keep ink columns (and each is narrower than the piece: cutting again ends).
    if lo == 0 {
        return None;
    }
    // Readings within a hundredth (in log terms) tie: the thinner column wins.
    let split = (lo..hi).max_by_key(|&split| {
        let (l, r) = halves(split);
        let score = ((fit(&l) + fit(&r)) * 100.0).round() as i64;
        (score, std::cmp::Reverse(column[split as usize]))
    })?;
    let (l, r) = halves(split);
    Some((split, l, r))
}

/// Connected pieces of ink (8-neighbours): a label per pixel, 0 for paper.
///
/// Pieces are numbered in the order their first pixel comes row by row. The ink is marked
/// once and neighbours found by index (this runs on every patch the pass reads, a run's
/// line two heights either side: it was a quarter of the pass's time pixel by pixel).
fn components(patch: &GrayImage, t: u8) -> Vec<u32> {
    let (w, h) = (patch.width() as usize, patch.height() as usize);
    let ink: Vec<bool> = patch.as_raw().iter().take(w * h).map(|&v| v < t).collect();
    let mut labels = vec![0u32; w * h];
    let mut next = 0u32;
    let mut stack = Vec::new();
    for start in 0..w * h {
        if labels[start] != 0 || !ink[start] {
            continue;
        }
        next += 1;
        labels[start] = next;
        stack.push(start);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            let (xa, xb) = (x.saturating_sub(1), (x + 1).min(w - 1));
            for ny in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                for j in ny * w + xa..=ny * w + xb {
                    if labels[j] == 0 && ink[j] {
                        labels[j] = next;
                        stack.push(j);
                    }
                }
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens `candidates` finds in `text` (not the spaces it would look at), each with
    /// the visible index of its first character and its kind.
    fn tokens_in(text: &str) -> Vec<(&str, usize, Candidate)> {
        candidates(text)
            .into_iter()
            .filter(|c| c.3 != Candidate::Gap)
            .map(|(s, e, first, kind)| (&text[s..e], first, kind))
            .collect()
    }

    /// Just the tokens' text.
    fn token_texts(text: &str) -> Vec<&str> {
        tokens_in(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn stand_ins_count_only_against_a_thai_digit() {
        let flags = |s: &str| -> String {
            let chars: Vec<char> = s.chars().collect();
            digit_like(&chars)
                .iter()
                .map(|&f| if f { '1' } else { '0' })
                .collect()
        };
        // ๆ after a digit, ฒ before one, Arabic digits inside a Thai number.
        assert_eq!(flags("พ.ศ.๒๕๐ๆ"), "00001111");
        assert_eq!(flags("ฒ๕๔๕"), "1111");
        assert_eq!(flags("๒๕55๒"), "11111");
        // Across the period of a clause number.
        assert_eq!(flags("๑.๒.ฆ"), "10101");
        assert_eq!(flags("@.๒.๑"), "10101");
        assert_eq!(flags("ฒ,๙๙๒"), "10111");
        // A mark Tesseract put on a digit after a period is the number's (and lets a stand-in
        // reach across); a mark on a word's letter is not.
        assert_eq!(flags("ฒ.\u{e39}๓.๓"), "101101");
        assert_eq!(flags("๑.ก\u{e39}"), "1000");
        // A space stands between: วรรค after a number stays a word; ๆ after a word too.
        assert_eq!(flags("๑ วรรค"), "100000");
        assert_eq!(flags("ต่างๆ"), "00000");
        // A letter inside a number is part of it, and at its edge one or two of those
        // Tesseract writes for a typewriter's ๖; a word against a number is not.
        assert_eq!(flags("๒๕อ๖๑"), "11111");
        assert_eq!(flags("๒๕ก๖๑"), "11111");
        assert_eq!(flags("อ๓๔๑"), "1111");
        assert_eq!(flags("๑อ.๓๙"), "11011");
        assert_eq!(flags("ที่๑๒"), "00011");
        assert_eq!(flags("ข้อ๑"), "0001");
        assert_eq!(flags("๒๐คน"), "1100");
        assert_eq!(flags("ก๓๔๑"), "0111");
        // More letters than digits: a number's group only beside a group of digits alone.
        assert_eq!(flags("๔ออ/๕๑"), "111011");
        // A stand-in counts as a digit among them.
        assert_eq!(flags("ณ๕ออ๑"), "11111");
        assert_eq!(flags("๑ออ ๒"), "10001");
        // A clause label's number read as something else, where the others are Thai digits
        // and one follows it; not a time's unit, a school grade or an abbreviation.
        assert_eq!(flags("ด.๓.๑"), "10101");
        // (The last one a stand-in.)
        assert_eq!(flags("ต.๕.ฒ"), "10101");
        assert_eq!(flags("๘.ส'.ฒ"), "101101");
        assert_eq!(flags("๓.».๑."), "101010");
        assert_eq!(flags("๙.๓๘.น."), "1011000");
        assert_eq!(flags("ม.๓"), "001");
        assert_eq!(flags("ม.ค.๖๖"), "000011");
    }

    #[test]
    fn line_openers_that_stand_for_clause_numbers() {
        let text = "ดังนี้\n©. ให้มีการเผยแพร่\non. ให้บุคลากร\n- ให้มีการจัดทำ\nฒ. การติดตาม\nwww.example.go.th ติดต่อ\nA4 paper\n(๑) ข้อ";
        let found: Vec<&str> = candidates(text)
            .iter()
            .filter(|c| c.3 == Candidate::Label)
            .map(|&(s, e, _, _)| &text[s..e])
            .collect();
        // A dash is no candidate (a bullet); a long Latin word and Latin text after are not.
        assert_eq!(found, vec!["©.", "on.", "ฒ."]);
        // The visible index points at the token's first character.
        let (_, _, first, _) = candidates("ก ข\n5 ให้")[0];
        assert_eq!(first, 2);
    }

    /// A glyph the model is sure is a digit, with these probabilities among the digits (the
    /// likeliest is its digit).
    fn reading(p: &[(char, f32)]) -> Reading {
        let mut digits = [0f32; 10];
        for &(c, v) in p {
            digits[c as usize - '๐' as usize] = v;
        }
        let best = p.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|x| x.0);
        Reading {
            digit: best.unwrap_or('๐'),
            p_digit: 1.0,
            p_other: 0.0,
            aspect: 1.0,
            digits,
            ink: [0.0; crate::ocr::digit_classifier::INK],
        }
    }

    #[test]
    fn tesseracts_digit_weighs_on_the_reading() {
        // A bold ๓ whose loops closed: the model says ๑, ๓ a distant second; Tesseract wrote
        // ๓, and seldom writes ๓ for a ๑.
        let closed = reading(&[('๑', 0.997), ('๓', 0.002), ('๐', 0.001)]);
        assert_eq!(digit_given(&closed, Some('๓')), '๓');
        assert_eq!(digit_given(&closed, None), '๑');
        // Where Tesseract wrote a digit it knows, a digit it lacks stays possible: ๕ for ๔.
        let four = reading(&[('๔', 0.9), ('๕', 0.1)]);
        assert_eq!(digit_given(&four, Some('๕')), '๔');
        // A digit it wrote for another it knows (๓ for ๒, one in a thousand) loses only to a
        // model that is all but certain.
        let two = reading(&[('๒', 0.999_999), ('๗', 1e-9)]);
        assert_eq!(digit_given(&two, Some('๓')), '๒');
        // A letter or an Arabic digit it wrote says nothing of which Thai digit it is.
        assert_eq!(digit_given(&closed, Some('ฒ')), '๑');
    }

    #[test]
    fn a_word_read_as_digits_keeps_its_punctuation() {
        let read = |digits: &str| AreaReading {
            glyphs: digits.chars().map(|d| reading(&[(d, 1.0)])).collect(),
            periods: vec![false; digits.chars().count()],
            ..AreaReading::default()
        };
        // A time Tesseract wrote in Arabic digits: one glyph for each digit, the period kept.
        assert_eq!(
            read_candidate(&read("๑๑๔๑"), "99.69", Candidate::Word).text,
            "๑๑.๔๑"
        );
        assert_eq!(
            read_candidate(&read("๑๒๓๔"), "12/34.", Candidate::Word).text,
            "๑๒/๓๔."
        );
        // Glyphs and characters that do not pair up: the digits alone.
        assert_eq!(
            read_candidate(&read("๑๑๔"), "99.69", Candidate::Word).text,
            "๑๑๔"
        );
    }

    #[test]
    fn a_run_gets_back_a_period_the_page_shows() {
        // Tesseract wrote `๓๕` for the label ๙.๘, its period lost; the page has a speck low
        // after the first glyph.
        let mut read = AreaReading {
            glyphs: vec![reading(&[('๙', 1.0)]), reading(&[('๘', 1.0)])],
            written: vec![Some('๓'), Some('๕')],
            written_count: 2,
            periods: vec![true, false],
            ..AreaReading::default()
        };
        assert_eq!(read_run(&read).text, "๙.๘");
        // No speck between them: one number.
        read.periods = vec![false, false];
        assert_eq!(read_run(&read).text, "๙๘");
        // A period after the last glyph is the text's own, not the run's.
        read.periods = vec![false, true];
        assert_eq!(read_run(&read).text, "๙๘");
    }

    #[test]
    fn only_a_mark_low_in_the_line_parts_two_glyphs() {
        // The line's band is rows 10–30; marks by columns and bottom.
        let comma = [(50, 53, 33)];
        assert!(separated(&comma, (10, 30), 45, 55));
        // An oblique face's comma reaches under the digit before: still between them.
        assert!(separated(&comma, (10, 30), 52, 60));
        // Outside the columns between the glyphs: nothing parted.
        assert!(!separated(&comma, (10, 30), 53, 60));
        assert!(!separated(&comma, (10, 30), 40, 50));
        // A mark above the line (bottom at row 8, or above the middle): nothing parted.
        assert!(!separated(&[(50, 53, 8)], (10, 30), 45, 55));
        assert!(!separated(&[(50, 53, 20)], (10, 30), 45, 55));
    }

    #[test]
    fn a_glyph_holding_a_box_s_middle_is_the_run_s() {
        // The run's boxes' middles at 110 and 130; a letter's box at 80 and one at 170.
        let centres = Centres {
            own: vec![(110, '๒'), (130, '๐')],
            neighbours: vec![(80, false), (170, false)],
            slashes: vec![],
        };
        // A glyph 90–112 holds 110 and its middle (101) is nearer 110 than 80.
        assert!(centres.holds_own_box(90, 112));
        // One that holds no box's middle, or whose middle is nearer the letter's box.
        assert!(!centres.holds_own_box(112, 128));
        assert!(!centres.holds_own_box(60, 111));
        // A slash Tesseract wrote over the same columns: the glyph is the slash.
        let slashed = Centres {
            slashes: vec![(92, 112)],
            ..centres
        };
        assert!(!slashed.holds_own_box(90, 112));
        assert!(slashed.holds_own_box(118, 140));
    }

    #[test]
    fn a_digit_holding_tesseract_s_slash_is_cut_from_it() {
        // Sawasdee Bold, `๙๖๔/๘๒` (fixtures/digits/sawasdee_bold.jpg): the ๔ touches the
        // slash, and the two read as no digit; Tesseract's `/` box is at columns 246–277 of
        // this patch of the line.
        let page = image::open(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/digits/sawasdee_bold.jpg"
        ))
        .expect("the fixture page")
        .to_luma8();
        let patch = image::imageops::crop_imm(&page, 319, 1031, 429, 97).to_image();
        let digit_at = |slashes: &[(u32, u32)]| {
            glyphs(&patch, (27, 88), slashes)
                .0
                .iter()
                .filter(|(a, b, _)| *a < 246 && *b > 207)
                .filter_map(|(_, _, g)| classify(g))
                .map(|r| (r.digit, r.p_other < 0.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(digit_at(&[(246, 277)]), vec![('๔', true)]);
        // Without the slash's columns the same cut is found: the two are as wide as two
        // digits, and no cut gives two sure ones (see the next tests). The slash is kept
        // then, a glyph of its own after the ๔.
        let unboxed = digit_at(&[]);
        assert_eq!((unboxed.len(), unboxed.first()), (2, Some(&('๔', true))));
    }

    /// A digit page of the fixtures, straightened as the pipeline straightens it first.
    fn deskewed_page(page: &str) -> GrayImage {
        let path = format!("{}/fixtures/digits/{page}", env!("CARGO_MANIFEST_DIR"));
        let page = image::open(path).expect("the fixture page").to_luma8();
        crate::ocr::preprocess::deskew(&page).map_or(page, |(p, _)| p)
    }

    /// A patch of [`deskewed_page`].
    fn deskewed_patch(page: &str, x: u32, y: u32, w: u32, h: u32) -> GrayImage {
        image::imageops::crop_imm(&deskewed_page(page), x, y, w, h).to_image()
    }

    /// [`read_glyphs`] on a run of a [`deskewed_page`]: its area (x0, y0, x1, y1), rows, and
    /// the middles of its own boxes (with what Tesseract wrote), its neighbours' and slashes'.
    fn read_on_page(
        page: &str,
        area: (u32, u32, u32, u32),
        core: (u32, u32),
        own: &[(u32, char)],
        neighbours: &[(u32, bool)],
        slashes: &[(u32, u32)],
    ) -> AreaReading {
        read_on_page_within(page, area, core, own, neighbours, slashes, None).0
    }

    /// [`read_on_page`], with the glyphs looked for `heights` of the area's height either
    /// side ([`read_glyphs_within`]), or as [`read_glyphs`] looks (`None`); whether a chain
    /// reached the patch's edge (`false` for `None`).
    fn read_on_page_within(
        page: &str,
        (x0, y0, x1, y1): (u32, u32, u32, u32),
        core: (u32, u32),
        own: &[(u32, char)],
        neighbours: &[(u32, bool)],
        slashes: &[(u32, u32)],
        heights: Option<u32>,
    ) -> (AreaReading, bool) {
        let centres = Centres {
            own: own.to_vec(),
            neighbours: neighbours.to_vec(),
            slashes: slashes.to_vec(),
        };
        let (page, area) = (deskewed_page(page), Rect { x0, y0, x1, y1 });
        match heights {
            Some(n) => read_glyphs_within(&page, area, core, &centres, &[], n),
            None => (read_glyphs(&page, area, core, &centres, &[]), false),
        }
    }

    #[test]
    fn a_digit_is_not_joined_to_the_slash_after_it() {
        // Noto Looped Condensed, `๒๑๐/๗๖` (fixtures/digits/noto_looped_condensed.jpg): the ๐
        // and the slash stand apart, each narrow and neither surely a digit; together they
        // surely read as one (๗, or ๙ with the slash's foot cut off). Tesseract's `/` box is
        // at columns 180–199 of this patch of the line.
        let patch = deskewed_patch("noto_looped_condensed.jpg", 330, 698, 283, 58);
        let read_at = |slashes: &[(u32, u32)]| {
            glyphs(&patch, (17, 52), slashes)
                .0
                .iter()
                .filter(|(a, b, _)| *a < 199 && *b > 150)
                .map(|(a, b, g)| (*a, *b, classify(g).map(|r| r.digit)))
                .collect::<Vec<_>>()
        };
        let apart = read_at(&[(180, 199)]);
        assert_eq!(apart.len(), 2, "{apart:?}");
        assert_eq!(apart[0].2, Some('๐'), "{apart:?}");
        assert!(apart[0].1 <= 180, "{apart:?}");
        // Without the slash's columns the two are joined, and no ๐ is read there.
        let joined = read_at(&[]);
        assert_eq!(joined.len(), 1, "{joined:?}");
        assert_ne!(joined[0].2, Some('๐'));
    }

    #[test]
    fn a_slash_is_cut_off_whole() {
        // Umpush low-res, `๘๘๓/๑๘` (fixtures/digits/umpush_lowres.jpg): the ๓ touches the
        // slash; a cut leaving the slash's foot on the ๓ reads ๗ as surely as the whole cut
        // reads ๓. The slash's columns are 197–213 of this patch.
        let patch = deskewed_patch("umpush_lowres.jpg", 294, 1579, 319, 68);
        let cut: Vec<(u32, u32, char)> = glyphs(&patch, (15, 50), &[(197, 213)])
            .0
            .iter()
            .filter(|(a, b, _)| *a < 213 && *b > 169)
            .filter_map(|(a, b, g)| Some((*a, *b, classify(g)?.digit)))
            .collect();
        assert_eq!(cut.len(), 1, "{cut:?}");
        assert_eq!(cut[0].2, '๓', "{cut:?}");
        assert!(cut[0].1 <= 200, "{cut:?}");
    }

    #[test]
    fn a_slash_boxed_as_a_digit_leaves_the_digit_missing() {
        // TlwgTypewriter low-res, `๘/๒๕๕๕` (fixtures/digits/typewriter_lowres.jpg): Tesseract
        // wrote `๕/` with its ๕ boxed over the slash and its `/` over the gap after. The ๘
        // beside is the digit it wrote: the slash counts for none.
        let read = read_on_page(
            "typewriter_lowres.jpg",
            (441, 810, 459, 859),
            (823, 856),
            &[(450, '๕')],
            &[(412, false), (485, true)],
            &[(458, 479)],
        );
        assert_eq!(read_run(&read).text, "๘");
    }

    #[test]
    fn an_italic_digit_may_lean_over_its_period() {
        // FreeSerif Bold Italic bilevel, the label `๑.๙.๒` (Tesseract: `aco`): each period
        // starts a few pixels left of the last column of the digit before it, whose top
        // leans out over it.
        let read = read_on_page(
            "freeserif_bold_italic_bilevel.png",
            (183, 950, 278, 989),
            (960, 987),
            &[(193, 'a'), (231, 'c'), (266, 'o')],
            &[],
            &[],
        );
        assert_eq!(read.periods, [true, true, false]);
        assert_eq!(read_candidate(&read, "aco", Candidate::Label).text, "๑.๙.๒");
        // Umpush Bold bilevel, `๑๐` over the next line's `ที่`: the mai ek under the ๑'s
        // last columns is low in the run's rows but far below the ๑'s foot — no period.
        let (read, _) = umpush_one_zero(None);
        assert_eq!(read_run(&read).text, "๑๐");
    }

    /// Umpush Bold bilevel's `๑๐` (umpush_bold_bilevel.png), with the next line's `ที่`
    /// under it: [`read_on_page_within`].
    fn umpush_one_zero(heights: Option<u32>) -> (AreaReading, bool) {
        read_on_page_within(
            "umpush_bold_bilevel.png",
            (354, 1392, 407, 1456),
            (1409, 1452),
            &[(366, '๑'), (395, '๐')],
            &[],
            &[],
            heights,
        )
    }

    #[test]
    fn a_chain_that_reaches_the_patch_s_edge_is_looked_for_again_wider() {
        // Sarabun, `๗๙๐/๒๕๔๕` (sarabun.jpg), written `ซ«๐/` by Tesseract, which boxed only
        // the ๐ as a digit: the ๗ three digits left of it lies across the edge of the patch
        // first looked in, and cut short reads as no digit; looked for again wider, the
        // chain takes it.
        let sarabun = |heights| {
            read_on_page_within(
                "sarabun.jpg",
                (575, 1420, 604, 1458),
                (1430, 1456),
                &[(589, '๐')],
                &[(564, false), (649, true)],
                &[(610, 631)],
                heights,
            )
        };
        let (first, at_edge) = sarabun(Some(2));
        assert!(at_edge);
        assert_eq!(read_run(&first).text, "๙๐");
        assert_eq!(read_run(&sarabun(None).0).text, "๗๙๐");
        // A run whose chains end inside the patch (Umpush Bold bilevel's `๑๐`) is not.
        let (read, at_edge) = umpush_one_zero(Some(2));
        assert!(!at_edge);
        assert_eq!(read_run(&read).text, "๑๐");
    }

    #[test]
    fn a_slash_tesseract_did_not_write_is_cut_from_its_digit() {
        // Sawasdee Bold Oblique bilevel, `๙๙๓/๖๐` (sawasdee_bold_oblique_bilevel.png): the ๓
        // and the slash touch, and Tesseract wrote no slash. Cut as two digits they read ๕
        // and ๙; cut along the slash, a ๓ and a slash.
        let patch = deskewed_patch("sawasdee_bold_oblique_bilevel.png", 327, 1380, 200, 47);
        let (found, typical, _, _) = glyphs(&patch, (14, 42), &[]);
        let there: Vec<&(u32, u32, GrayImage)> = found
            .iter()
            .filter(|(a, b, _)| *a < 140 && *b > 100)
            .collect();
        assert_eq!(there.len(), 2);
        let first = classify(&there[0].2).expect("a reading");
        assert_eq!(first.digit, '๓');
        assert!(surely_a_digit(&first));
        assert!(slash_shaped(&there[1].2, typical));
    }

    #[test]
    fn a_slash_among_a_run_s_digits_is_a_slash() {
        // `๕๐ต๓7๕๕` for ๔๐๙/๔๙: six glyphs, the fourth surely no digit and slash-shaped.
        let digit = |d: char| reading(&[(d, 1.0)]);
        let mut stroke = reading(&[('๙', 1.0)]);
        stroke.p_other = 1.0;
        let mut read = AreaReading {
            glyphs: vec![
                digit('๔'),
                digit('๐'),
                digit('๙'),
                stroke,
                digit('๔'),
                digit('๙'),
            ],
            written: vec![None; 6],
            written_count: 6,
            periods: vec![false; 6],
            slashes: vec![false, false, false, true, false, false],
            ..AreaReading::default()
        };
        assert_eq!(read_run(&read).text, "๔๐๙/๔๙");
        // Not slash-shaped: as many glyphs as Tesseract wrote characters, all read.
        read.slashes = vec![false; 6];
        assert_eq!(read_run(&read).text, "๔๐๙๙๔๙");
        // At the run's edge a slash is left to the text around it.
        read.slashes = vec![false, false, false, false, false, true];
        read.glyphs[5] = stroke;
        assert_eq!(read_run(&read).text, "๔๐๙๙๔");
        // The shape: a thin stroke leaning right, as tall as a digit; not a block.
        let slash = GrayImage::from_fn(16, 30, |x, y| {
            let centre = 13.0 - 0.4 * y as f32;
            image::Luma([if (x as f32 - centre).abs() < 1.5 {
                0
            } else {
                255
            }])
        });
        assert!(slash_shaped(&slash, 30.0));
        let block = GrayImage::from_fn(16, 30, |x, _| image::Luma([if x < 12 { 0 } else { 255 }]));
        assert!(!slash_shaped(&block, 30.0));
        // A stroke half a digit tall is no slash.
        assert!(!slash_shaped(&slash, 60.0));
    }

    #[test]
    fn a_big_round_dot_low_in_the_line_is_a_period() {
        // Two digit-high blocks (rows 10–30, the line's band), then one mark after each: a
        // solid dot 8 px across in the lower half (a typewriter's period: 0.4 of a digit),
        // or the same dot hollow, or a stroke 8 by 3, or the solid dot high in the line.
        let page = |mark: &dyn Fn(u32, u32) -> bool| {
            GrayImage::from_fn(120, 40, |x, y| {
                let block =
                    (10..30).contains(&y) && ((10..26).contains(&x) || (40..56).contains(&x));
                image::Luma([if block || mark(x, y) { 0 } else { 255 }])
            })
        };
        let solid =
            |top: u32| move |x: u32, y: u32| (70..78).contains(&x) && (top..top + 8).contains(&y);
        let specks_of = |img: &GrayImage| glyphs(img, (10, 30), &[]).2;
        assert_eq!(specks_of(&page(&solid(22))), vec![(70, 30)]);
        let hollow =
            |x: u32, y: u32| solid(22)(x, y) && !((71..77).contains(&x) && (23..29).contains(&y));
        assert!(specks_of(&page(&hollow)).is_empty());
        let stroke = |x: u32, y: u32| (70..78).contains(&x) && (26..29).contains(&y);
        assert!(specks_of(&page(&stroke)).is_empty());
        assert!(specks_of(&page(&solid(11))).is_empty());
    }

    #[test]
    fn a_comma_parts_a_number() {
        // Two digit-high blocks (rows 10–30, the line's band) and a stroke 3 px wide between
        // them, hanging from row 27 to 38 (a comma), or standing in the line (rows 12–23).
        let page = |top: u32| {
            GrayImage::from_fn(80, 40, |x, y| {
                let block =
                    (10..30).contains(&y) && ((10..26).contains(&x) || (40..56).contains(&x));
                let stroke = (30..33).contains(&x) && (top..top + 11).contains(&y);
                image::Luma([if block || stroke { 0 } else { 255 }])
            })
        };
        let (found, _, _, marks) = glyphs(&page(27), (10, 30), &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(marks, vec![(30, 33, 38)]);
        assert!(separated(&marks, (10, 30), 26, 40));
        // In the line it is no comma (a glyph of its own, or a piece of one).
        let (_, _, _, marks) = glyphs(&page(12), (10, 30), &[]);
        assert!(marks.is_empty());
    }

    #[test]
    fn pieces_join_through_corners_and_are_numbered_in_reading_order() {
        // Ink ('#') under the threshold, paper ('.') over it: a diagonal joins (8-neighbours),
        // a gap of one column does not; the piece whose first pixel comes first row by row
        // is 1, whatever its size; the patch's edges bound the search.
        let rows = ["...#....##", "..#.....#.", ".#..#.....", "#...#....#"];
        let patch = GrayImage::from_fn(10, 4, |x, y| {
            let ink = rows[y as usize].as_bytes()[x as usize] == b'#';
            image::Luma([if ink { 20 } else { 230 }])
        });
        let want = ["...1....22", "..1.....2.", ".1..3.....", "1...3....4"];
        let mark = |l: u32| char::from_digit(l, 10).filter(|_| l > 0).unwrap_or('.');
        let got: Vec<String> = components(&patch, 128)
            .chunks(10)
            .map(|row| row.iter().map(|&l| mark(l)).collect())
            .collect();
        assert_eq!(got, want);
        // Nothing at a threshold no pixel is under; nothing in an empty patch.
        assert!(components(&patch, 10).iter().all(|&l| l == 0));
        assert!(components(&GrayImage::new(0, 0), 128).is_empty());
    }

    #[test]
    fn a_piece_too_narrow_to_cut_is_left_whole() {
        // Three columns of ink, one row: no cut leaves ink on both sides of it — and cutting
        // again and again (a part still "two digits wide" on a line one pixel high) must end.
        let bar = GrayImage::from_fn(3, 1, |_, _| image::Luma([0]));
        assert!(split_touching(&bar, 128).is_none());
        let mut patch = GrayImage::from_pixel(20, 5, image::Luma([255]));
        for x in 5..8 {
            patch.put_pixel(x, 2, image::Luma([0]));
        }
        let (found, typical, _, _) = glyphs(&patch, (0, 5), &[]);
        assert_eq!((found.len(), typical), (1, 1.0));
    }

    #[test]
    fn a_number_is_sure_as_a_whole() {
        let read_as = |digit: char, p_other: f32, aspect: f32| Reading {
            digit,
            p_digit: 1.0 - p_other,
            p_other,
            aspect,
            digits: [0.0; 10],
            ink: [0.0; crate::ocr::digit_classifier::INK],
        };
        let r = |p_other: f32, aspect: f32| read_as('๔', p_other, aspect);
        let o = |p_other: f32, aspect: f32| read_as('๐', p_other, aspect);
        // `coco` for ๔๑๙๐: three sure digits and a ๐ the model half takes for an `o`; `co`
        // for ๔๐ with a ๐ it takes more for an `o` than for a digit.
        assert!(surely_digits(&[
            r(0.0, 1.0),
            r(0.001, 1.0),
            r(0.0, 0.9),
            o(0.31, 1.2)
        ]));
        assert!(surely_digits(&[r(0.0, 0.8), o(0.56, 0.8)]));
        // The same ๐ alone is not sure enough, nor two of them; one surer an `o` than that
        // is no digit; a letter among digits spoils the lot; so does a glyph no digit is
        // shaped like (a dash); nothing at all is no number.
        assert!(!surely_digits(&[o(0.31, 1.2)]));
        assert!(!surely_digits(&[o(0.2, 1.0), o(0.2, 1.0)]));
        assert!(!surely_digits(&[r(0.0, 1.0), o(0.8, 1.0)]));
        assert!(!surely_digits(&[r(0.0, 1.0), r(0.0, 1.0), r(0.6, 1.0)]));
        assert!(!surely_digits(&[r(0.0, 1.0), r(0.0, 3.0)]));
        assert!(!surely_digits(&[]));
    }

    #[test]
    fn latin_words_among_thai_are_candidates() {
        let text =
            "ระหว่างปี พ.ศ. weed - weds จำนวน ow แห่ง\nsee www.opdc.go.th now\nเว็บไซต์ www.opdc.go.th";
        let found: Vec<(&str, Candidate)> = candidates(text)
            .iter()
            .map(|&(s, e, _, k)| (&text[s..e], k))
            .collect();
        // Short Latin tokens in a line that holds Thai; not the dash (no letter or digit),
        // not a URL (too long), nothing in a line of Latin only.
        assert_eq!(
            found,
            vec![
                ("weed", Candidate::Word),
                ("weds", Candidate::Word),
                // (After จำนวน, a number's place.)
                ("ow", Candidate::Slot)
            ]
        );
        // Latin-1 symbols the English model writes for a bold digit (๘ as `«`, ๔ as `¢`).
        let symbols = "ลงวันที่ « พฤษภาคม ราคา ¢ บาท";
        assert_eq!(token_texts(symbols), vec!["«", "¢"]);
        // Latin with typographic punctuation (a digit's tail read as a quote).
        let quoted = "ปีงบประมาณ wed” และ มาตรา Oma’ วรรค ยอด a‰ ของ";
        assert_eq!(token_texts(quoted), vec!["wed”", "Oma’", "a‰"]);
        // A number with a slash read as Latin, a bracket first: each part; a list item's
        // bracketed number is none.
        let slashed = "เลขที่ (00/@ หมู่ที่ ๖\nรายการ (1) และ (ก) ของ\nงบ MEd, ๙๒๒";
        assert_eq!(token_texts(slashed), vec!["(00", "@", "MEd"]);
        assert_eq!(candidates(slashed)[1].2, "เลขที่(00/".chars().count());
        // A line whose only Thai is its digits is a Thai line.
        let phone = "Ins ๐ iced ๕๕๕๓\nIns 0 iced 5553";
        let found: Vec<&str> = candidates(phone)
            .iter()
            .map(|&(s, e, _, _)| &phone[s..e])
            .collect();
        assert_eq!(found, vec!["Ins", "iced"]);
        // The letters a label's last number came out as.
        let label = "๑.๒.ดา ฎีข้อมูล\n๖.ให้นำผล";
        assert_eq!(token_texts(label), vec!["ดา"]);
        assert_eq!(candidates(label)[0].2, "๑.๒.".chars().count());
        // Visible indices count the characters before the token, spaces left out.
        let (_, _, first, _) = candidates("ปี พ.ศ. weed")[0];
        assert_eq!(first, "ปีพ.ศ.".chars().count());
    }

    #[test]
    fn letters_where_a_number_goes_on_are_candidates() {
        let tokens = |text: &'static str| -> Vec<(&'static str, usize)> {
            tokens_in(text)
                .into_iter()
                .map(|(t, first, _)| (t, first))
                .collect()
        };
        // A second part after a number (a phone number's), even one Tesseract half read as
        // letters; not a word after it that is longer than a number's part, not a word after
        // a word.
        assert_eq!(
            tokens("โทร ๐ ฒ่๕๐๐ สต่อด ต่อ ๖๘๑\nภายใน ๓๐ วันทำการ นับแต่"),
            vec![("สต่อด", "โทร๐ฒ่๕๐๐".chars().count())]
        );
        // The groups of a number around its commas that hold no Thai digit (`สสอ`, `ฒ`), each
        // with the visible index of its first character; and a word after such a number.
        assert_eq!(
            tokens("งบ ๘๖๕,สสอ บาท\nงบ ฒ,ต๙๙๒ บาท"),
            vec![
                ("สสอ", "งบ๘๖๕,".chars().count()),
                ("ฒ", "งบ๘๖๕,สสอบาทงบ".chars().count()),
                ("บาท", "งบ๘๖๕,สสอบาทงบฒ,ต๙๙๒".chars().count()),
            ]
        );
        // A number's part after a slash that Tesseract read as letters or Arabic digits (and
        // the word after such a number).
        assert_eq!(
            tokens("เลขที่ ๓๙๓/ญฒ หมู่\nเลขที่ ๒๑๗/ฒ9 หมู่"),
            vec![
                ("ญฒ", "เลขที่๓๙๓/".chars().count()),
                ("หมู่", "เลขที่๓๙๓/ญฒ".chars().count()),
                ("ฒ9", "เลขที่๓๙๓/ญฒหมู่เลขที่๒๑๗/".chars().count()),
                ("หมู่", "เลขที่๓๙๓/ญฒหมู่เลขที่๒๑๗/ฒ9".chars().count()),
            ]
        );
        // A date's day before a month's name, written as letters; not a longer word.
        assert_eq!(
            tokens("วันที่ ซ กันยายน\nวันที่ เญ ก.ย. ๖๖\nเดือน มกราคม"),
            vec![
                ("ซ", "วันที่".chars().count()),
                ("เญ", "วันที่ซกันยายนวันที่".chars().count()),
            ]
        );
        // After a word a number follows, up to four characters; not after another word.
        assert_eq!(
            tokens("หมู่ที่ เฒ รหัส\nร้อยละ ฒอ ของ\nบ้าน เฒ รหัส"),
            vec![
                ("เฒ", "หมู่ที่".chars().count()),
                ("ฒอ", "หมู่ที่เฒรหัสร้อยละ".chars().count()),
            ]
        );
        // After a slot word whose mai ek Tesseract lost; not after นาที or ทันที.
        assert_eq!(
            tokens("หมู่ที อ รหัส\nห้านาที อ รหัส\nโดยทันที อ รหัส"),
            vec![("อ", "หมู่ที".chars().count())]
        );
        // A number's part on either side of its period read as letters; not an
        // abbreviation's letters.
        assert_eq!(
            tokens("เวลา ต.๑๗ น.\nร้อยละ ๖๖.ต(ญ ของ\nลงวันที่ ๑ ต.ค.๖๖"),
            vec![
                ("ต", "เวลา".chars().count()),
                // (Letters after a number, as above.)
                ("น.", "เวลาต.๑๗".chars().count()),
                ("ต(ญ", "เวลาต.๑๗น.ร้อยละ๖๖.".chars().count()),
            ]
        );
        // Before a word that counts what a number counts, up to four characters.
        let counted = "เป้าหมาย ayo ราย\nเป้าหมาย ฒตณ ราย\nเป้าหมาย abcde ราย";
        assert_eq!(
            tokens_in(counted)
                .into_iter()
                .map(|(t, _, k)| (t, k))
                .collect::<Vec<_>>(),
            vec![("ayo", Candidate::Slot), ("abcde", Candidate::Word)]
        );
        // A comma or a slash between words is no number's.
        assert!(tokens("ก,ข ค/ง").is_empty());
        // A symbol glued to the word after a number's place, or to a month's name; not
        // after another word, not a closing bracket, not three symbols.
        assert_eq!(
            tokens("หมู่ที่ «รหัส\nวันที่ ๑ =กันยายน\nคำว่า «รหัส»\nหมู่ที่ )รหัส\nที่ ***กขค"),
            vec![
                ("«", "หมู่ที่".chars().count()),
                ("=", "หมู่ที่«รหัสวันที่๑".chars().count()),
            ]
        );
    }

    #[test]
    fn where_the_words_say_a_number_stands() {
        let found = |text: &'static str| -> Vec<(&'static str, Candidate)> {
            tokens_in(text)
                .into_iter()
                .map(|(t, _, k)| (t, k))
                .collect()
        };
        // One or two characters after a word a number follows or before a month's name
        // (ฯ too); three or four after such a word stay words to be read strictly.
        assert_eq!(
            found("หมู่ที่ ญ รหัส\nลงวันที่ ฯ กรกฎาคม\nร้อยละ ฒอฒ ของ\nหมู่ที่ = รหัส\nบ้าน = รหัส"),
            vec![
                ("ญ", Candidate::Slot),
                ("ฯ", Candidate::Slot),
                ("ฒอฒ", Candidate::Word),
                // (A symbol too, there only.)
                ("=", Candidate::Slot),
            ]
        );
        // A letter against `ที่` (or `ที` before a month): only the letter, with its visible
        // index. `ทีม` elsewhere is a word; `ที่` with a vowel after is no number's place.
        let glued = "ประกาศ วันที่ญ มกราคม\nคำสั่ง ลงวันทีณ มกราคม\nกับ ทีม งาน\nจาก ที่มา ของ";
        assert_eq!(
            found(glued),
            vec![("ญ", Candidate::Slot), ("ณ", Candidate::Slot)]
        );
        assert_eq!(candidates(glued)[0].2, "ประกาศวันที่".chars().count());
        // Thai letters with an Arabic digit in one short token; not a longer one.
        assert_eq!(
            found("เวลา จ9 น. บ้าน\nเวลา อ9อาคาร น."),
            vec![("จ9", Candidate::Word)]
        );
    }

    #[test]
    fn a_number_s_place_vouches_for_a_glyph_the_model_half_knows() {
        // Sawasdee Bold Oblique's ๗ after หมู่ที่: likelier a digit than not, not surely one.
        let mut seven = reading(&[('๗', 0.64), ('๙', 0.23)]);
        seven.p_other = 0.12;
        let read = AreaReading {
            glyphs: vec![seven],
            periods: vec![false],
            ..AreaReading::default()
        };
        assert_eq!(read_candidate(&read, "ญ", Candidate::Slot).text, "๗");
        assert_eq!(read_candidate(&read, "ญ", Candidate::Word).text, "");
        // A glyph likelier something else is no digit, place or not.
        let mut letter = seven;
        letter.p_other = 0.6;
        let read = AreaReading {
            glyphs: vec![letter],
            periods: vec![false],
            ..AreaReading::default()
        };
        assert_eq!(read_candidate(&read, "ญ", Candidate::Slot).text, "");
        // Up to four glyphs (`ayo` for ๗๗๗๐ before ราย: each likelier a digit than not, not
        // all sure enough for a word anywhere).
        let four = AreaReading {
            glyphs: vec![seven, seven, seven, seven],
            periods: vec![false; 4],
            ..AreaReading::default()
        };
        assert_eq!(read_candidate(&four, "ayo", Candidate::Slot).text, "๗๗๗๗");
        assert_eq!(read_candidate(&four, "ayo", Candidate::Word).text, "");
        let five = AreaReading {
            glyphs: vec![seven; 5],
            periods: vec![false; 5],
            ..AreaReading::default()
        };
        assert_eq!(read_candidate(&five, "ayo", Candidate::Slot).text, "");
    }

    #[test]
    fn a_number_needs_all_but_one_glyph_sure() {
        let glyph = |other: f32| {
            let mut g = reading(&[('๕', 1.0 - other)]);
            g.p_other = other;
            g
        };
        // `wage` for ๗๖๕๑: three sure, one half taken for a letter.
        assert!(surely_digits(&[
            glyph(0.0),
            glyph(0.485),
            glyph(0.0),
            glyph(0.0)
        ]));
        // Two glyphs, one of them that unsure: not enough on average, nor by count.
        assert!(!surely_digits(&[glyph(0.0), glyph(0.485)]));
        // Two unsure among four.
        assert!(!surely_digits(&[
            glyph(0.0),
            glyph(0.3),
            glyph(0.3),
            glyph(0.0)
        ]));
        // One likelier a letter.
        assert!(!surely_digits(&[
            glyph(0.0),
            glyph(0.6),
            glyph(0.0),
            glyph(0.0)
        ]));
    }

    #[test]
    fn a_separator_s_glyph_is_left_out_of_a_number_s_group() {
        let mut slash = reading(&[('๙', 0.0)]);
        slash.p_other = 1.0;
        let mut read = AreaReading {
            glyphs: vec![reading(&[('๗', 1.0)]), reading(&[('๖', 1.0)]), slash],
            periods: vec![false, false, false],
            columns: vec![(0, 10), (12, 20), (21, 26)],
            ..AreaReading::default()
        };
        // Not at the other edge (the first glyph is a digit).
        read.drop_edge(true);
        assert_eq!(read.glyphs.len(), 3);
        read.drop_edge(false);
        assert_eq!(read.columns, vec![(0, 10), (12, 20)]);
        assert_eq!(
            read_candidate(&read, "ฒ\u{e48}9", Candidate::Word).text,
            "๗๖"
        );
        // A lone glyph stays (nothing else would be left).
        let mut alone = AreaReading {
            glyphs: vec![slash],
            ..AreaReading::default()
        };
        alone.drop_edge(false);
        assert_eq!(alone.glyphs.len(), 1);
    }

    #[test]
    fn a_space_where_a_number_stands_is_looked_at() {
        let found = |text: &'static str| -> Vec<(usize, usize, Candidate)> {
            candidates(text)
                .iter()
                .filter(|c| c.3 == Candidate::Gap)
                .map(|&(s, e, first, k)| {
                    assert_eq!(s, e);
                    (s, first, k)
                })
                .collect()
        };
        // Before a month's name and after a word a number follows: the space before the
        // word, with the word's first visible index. Not after a number, not before a number
        // or a short token (those are read themselves).
        let text = "ณ วันที่ กันยายน\nหมู่ที่ รหัส\nวันที่ ๗ กันยายน\nหมู่ที่ ๗ รหัส\nหมู่ที่ ญ";
        let at = |word: &str| text.find(word).unwrap_or(usize::MAX);
        assert_eq!(
            found(text),
            vec![
                (at("กันยายน"), "ณวันที่".chars().count(), Candidate::Gap),
                (at("รหัส"), "ณวันที่กันยายนหมู่ที่".chars().count(), Candidate::Gap),
            ]
        );
        // On the page: a space as wide as a letter is high holds a number; a word's space
        // does not. (Boxes: the last letter of ที่, then the next word's first.)
        let rect = |x0, x1| Rect {
            x0,
            y0: 100,
            x1,
            y1: 130,
        };
        let wide = [('ี', rect(100, 120)), ('ก', rect(160, 180))];
        let (area, core, centres) = gap_area(&wide, 1, Some((100, 130))).expect("wide space");
        assert_eq!((area.x0, area.x1, core), (121, 159, (100, 130)));
        // The middle of the space is the number's; the letters beside it are not.
        assert_eq!(centres.owner(140), Owner::Run);
        assert_eq!(centres.owner(108), Owner::Digits);
        assert_eq!(centres.owner(172), Owner::Digits);
        let narrow = [('ี', rect(100, 120)), ('ก', rect(130, 150))];
        assert!(gap_area(&narrow, 1, Some((100, 130))).is_none());
        // No line of letters to measure by, or no word before: nothing.
        assert!(gap_area(&wide, 1, None).is_none());
        assert!(gap_area(&wide, 0, Some((100, 130))).is_none());
    }

    #[test]
    fn a_slash_is_one_thin_stroke_leaning_right() {
        // 30 rows; the typical digit 30 pixels high.
        let line = |lean: f32, width: u32| -> Vec<(u32, u32)> {
            (0..30u32)
                .flat_map(|y| {
                    let x = 5 + (lean * (29 - y) as f32) as u32;
                    (x..x + width).map(move |x| (x, y))
                })
                .collect()
        };
        assert!(is_slash(&line(0.5, 3), 30.0, 30.0));
        // Upright (a ๑'s stem), leaning left (a backslash), or too thick: no.
        assert!(!is_slash(&line(0.0, 3), 30.0, 30.0));
        let backslash: Vec<(u32, u32)> = line(0.5, 3).iter().map(|&(x, y)| (x, 29 - y)).collect();
        assert!(!is_slash(&backslash, 30.0, 30.0));
        assert!(!is_slash(&line(0.5, 12), 30.0, 30.0));
        // Two strokes in each row (a loop's sides), or only the top third of the rows: no.
        let mut loop_sides = line(0.5, 3);
        loop_sides.extend(line(0.5, 3).iter().map(|&(x, y)| (x + 10, y)));
        assert!(!is_slash(&loop_sides, 30.0, 30.0));
        let short: Vec<(u32, u32)> = line(0.5, 3).into_iter().filter(|p| p.1 < 10).collect();
        assert!(!is_slash(&short, 30.0, 30.0));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Whatever Tesseract wrote and wherever it boxed it, the pass gives a text (no
        /// panic), and the tokens it looks at are whole characters of that text.
        #[test]
        fn any_text_and_boxes_give_a_text(
            text in "[ก-ฮ่้ีัูฯ๐-๙0-9a-zA-Z.,/()=@ \n]{0,80}",
            places in proptest::collection::vec((0u32..60, 0u32..40, 0u32..30), 80),
            ink in proptest::collection::vec((0u32..600, 0u32..100, 1u32..40, 1u32..40), 0..30),
        ) {
            for (a, b, _, _) in candidates(&text) {
                proptest::prop_assert!(a <= b && b <= text.len());
                proptest::prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            }
            let chars: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(digit_like(&chars).len(), chars.len());
            // A page with some blots of ink, and a box for each visible character.
            let mut img = GrayImage::from_pixel(600, 100, image::Luma([255]));
            for &(x, y, w, h) in &ink {
                for yy in y..(y + h).min(100) {
                    for xx in x..(x + w).min(600) {
                        img.put_pixel(xx, yy, image::Luma([0]));
                    }
                }
            }
            let mut boxes = String::new();
            let mut x = 0u32;
            for (c, &(step, y, w)) in text.chars().filter(|c| !c.is_whitespace()).zip(&places) {
                x += step / 4;
                boxes.push_str(&format!("{c} {x} {} {} {} 0\n", 10 + y, x + w, 40 + y));
            }
            let pass = reread(&img, &text, &boxes);
            proptest::prop_assert!(pass.skipped.is_some() || !pass.text.is_empty() || text.trim().is_empty() || !text.chars().any(is_thai_digit));
        }
    }

    #[test]
    fn text_and_boxes_must_agree() {
        // Box-file lines: y from the bottom of a 100-pixel-high image.
        let boxes = "พ 10 60 30 90 0\n๒ 40 60 60 90 0\n๕ 62 60 82 90 0\n";
        let b = glyph_boxes(boxes, 100);
        assert_eq!(b.len(), 3);
        assert_eq!((b[1].0, b[1].1.x0, b[1].1.y0, b[1].1.y1), ('๒', 40, 10, 40));
        // A text that is not the boxes' is left alone, with the reason.
        let img = GrayImage::from_pixel(200, 100, image::Luma([255]));
        let pass = reread(&img, "พ ๒๕๖", boxes);
        assert_eq!(pass.text, "พ ๒๕๖");
        assert!(pass.skipped.is_some());
        // No Thai digits: nothing to do, nothing said.
        let none = reread(&img, "ไม่มีตัวเลข 2566", boxes);
        assert_eq!(none.text, "ไม่มีตัวเลข 2566");
        assert!(none.skipped.is_none());
    }
}
