//! Where Tesseract saw the text's characters: its glyph boxes, and from them the page area a
//! run of digits (or the space where a number stands) is looked for in, on its line's rows.

use super::area::Centres;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::ocr) struct Rect {
    pub(in crate::ocr) x0: u32,
    pub(in crate::ocr) y0: u32,
    pub(in crate::ocr) x1: u32,
    pub(in crate::ocr) y1: u32,
}

/// The area a run's glyphs are looked for in: the columns of all its boxes, and the rows a
/// digit of the run's typical height takes (its median top and bottom), with room above for
/// the tails of ๕ ๖ ๙. A union of the boxes would let one odd box (a mark, a glyph of the
/// line above) stretch the area into the neighbouring lines. When the run's own boxes are
/// far from the height of its line's letters (`band`: a token read as `a.` boxed a few
/// pixels high), the line's rows are taken instead. The area comes with its core rows
/// (top, bottom) before the room is added.
pub(super) fn run_area(
    boxes: &[(char, Rect)],
    band: Option<(u32, u32)>,
) -> Option<(Rect, (u32, u32))> {
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
/// height, a digit about one — but the letters' boxes may be taller than the letters (with
/// their marks): Sarabun ExtraBold's `ข้อ ๗ ให้`, the ๗ left out, had 0.85 (session 20: 1.0
/// → 0.8, one digit more on the digit pages, no page lower).
const GAP_FOR_A_DIGIT: f32 = 0.8;

/// The area of the space between the box before `next` and `next` itself (on one line), on
/// the rows of the line's letters `band`, where it is wide enough to hold a digit (see
/// [`Candidate::Gap`]); with its core rows and the two words' letters as neighbours.
///
/// The space is measured from the box `before` — the one before `next`, or a clause label's
/// last digit before the word after it: the label's period, whose box may have taken in the
/// digit Tesseract left out, lies between.
pub(super) fn gap_area(
    boxes: &[(char, Rect)],
    before: usize,
    next: usize,
    band: Option<(u32, u32)>,
) -> Option<(Rect, (u32, u32), Centres)> {
    let (top, bottom) = band?;
    let before = boxes.get(before)?.1;
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
        span: None,
        words: Vec::new(),
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
pub(in crate::ocr) fn line_band(boxes: &[(char, Rect)]) -> Option<(u32, u32)> {
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

/// At most this many glyph boxes more than the text has characters are let go (see
/// [`fitted_to`]).
const MOST_BOXES_LET_GO: usize = 3;

/// Tesseract's glyph boxes fitted to its text, where they hold a few glyphs more than the
/// text does (box-file lines, one character each); `None` where there is nothing to fit, or
/// no fit. Tesseract's text can leave out a glyph its boxes keep (a `~` read over a Latin
/// word: `wn~oate` in the boxes, `wn  oate` in the text), and a page whose text and boxes
/// are out of step by one glyph had its every digit left as Tesseract read it (Mali
/// ExtraLight Italic low-res, 85 of 194 digits wrong). Each character of the text takes the
/// first box of its character from where the one before it took its; the boxes passed over
/// are let go — only up to [`MOST_BOXES_LET_GO`], and only if every character finds its box.
pub(in crate::ocr) fn fitted_to(text: &str, boxes: &str) -> Option<String> {
    let glyphs: Vec<(char, [u32; 4])> = boxes
        .lines()
        .filter_map(box_line)
        .flat_map(|(glyph, rect)| {
            glyph
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(move |c| (c, rect))
        })
        .collect();
    let wanted: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let surplus = glyphs.len().checked_sub(wanted.len())?;
    if surplus == 0 || surplus > MOST_BOXES_LET_GO {
        return None;
    }
    let mut out = String::with_capacity(boxes.len());
    let (mut next, mut let_go) = (0usize, 0usize);
    for c in wanted {
        let at = next + glyphs.get(next..)?.iter().position(|g| g.0 == c)?;
        let_go += at - next;
        if let_go > surplus {
            return None;
        }
        let [left, bottom, right, top] = glyphs[at].1;
        out.push_str(&format!("{c} {left} {bottom} {right} {top} 0\n"));
        next = at + 1;
    }
    Some(out)
}

/// One box-file line (`glyph left bottom right top page`, y counted from the image's bottom):
/// its glyph (which may itself be several characters) and the four numbers — left, bottom,
/// right, top; `None` where the five numbers that close the line do not parse.
pub(in crate::ocr) fn box_line(line: &str) -> Option<(&str, [u32; 4])> {
    let mut fields = line.rsplitn(6, ' ');
    let mut n = || fields.next().and_then(|f| f.trim().parse::<u32>().ok());
    let (Some(_page), Some(top), Some(right), Some(bottom), Some(left)) = (n(), n(), n(), n(), n())
    else {
        return None;
    };
    Some((fields.next()?, [left, bottom, right, top]))
}

/// Every character of Tesseract's glyph boxes ([`box_line`]) with its box in image
/// coordinates, in reading order, spaces left out.
pub(in crate::ocr) fn glyph_boxes(boxes: &str, image_height: u32) -> Vec<(char, Rect)> {
    let mut out = Vec::new();
    for (glyph, [left, bottom, right, top]) in boxes.lines().filter_map(box_line) {
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
