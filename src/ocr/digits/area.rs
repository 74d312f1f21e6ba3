//! The glyphs of one run's area of the page: which ink there is the run's and not its
//! neighbours' (Tesseract's boxes drift), each glyph classified, with the periods and
//! slashes between them.

use image::GrayImage;

use super::boxes::Rect;
use super::decide::{
    digit_shaped, likely_a_digit, surely_a_digit, SURELY_A_DIGIT, SURELY_NOT_A_DIGIT,
};
use super::runs::stands_in_for_a_digit;
use super::segment::{glyphs_of_run, ink_rows, slash_shaped};
use crate::ocr::digit_agreement::Shapes;
use crate::ocr::digit_classifier::{classify, Reading};
use crate::thai::digits::is_thai_digit;

/// The middles (x) of a run's own glyph boxes and of its neighbours' on the same line, each
/// neighbour with whether it is a digit, a stand-in for one, or past a period (its glyphs
/// are never the run's).
pub(super) struct Centres {
    /// Each with the character Tesseract wrote for it.
    pub(super) own: Vec<(u32, char)>,
    pub(super) neighbours: Vec<(u32, bool)>,
    /// The columns the run's own boxes cover together, where it has boxes: a glyph whose
    /// middle is in them is no neighbouring number's, however near that number's box.
    pub(super) span: Option<(u32, u32)>,
    /// The columns of a slash Tesseract wrote against the run.
    pub(super) slashes: Vec<(u32, u32)>,
    /// The columns of the boxes of the letters Tesseract wrote next to the run with a space
    /// between (the next word's first, the word before's last).
    pub(super) words: Vec<(u32, u32)>,
}

/// Whether one of `marks` (columns and bottom) low in the line — a period or a comma: its
/// bottom below the middle of the line's `band` — reaches into the columns `left..right`
/// between two glyphs: a number ends there. A speck higher up is a mark above the line (the
/// tone mark of `ที่` over a ๒ set close to it), which parts nothing.
pub(super) fn separated(
    marks: &[(u32, u32, u32)],
    band: (u32, u32),
    left: u32,
    right: u32,
) -> bool {
    let middle = (band.0 + band.1) / 2;
    marks
        .iter()
        .any(|&(x0, x1, bottom)| x0 < right && x1 > left && bottom > middle)
}

/// A glyph a chain of digits reaches is one only if its ink is this much of the typical
/// digit's height or more: no Thai digit is much shorter than the others.
const SHORTEST: f32 = 0.6;
/// ...and only if its foot is no more than this much of the typical digit's height above
/// the feet of the run's own glyphs: every Thai digit stands on the line.
const RAISED: f32 = 0.25;

/// Whose a glyph is, by the boxes nearest to its middle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Owner {
    Run,
    /// A neighbouring number's: not this run's.
    Digits,
    /// A neighbouring letter's box is nearer (or a neighbouring number's, within the run's own
    /// boxes), but boxes drift: the run's if it is surely a digit.
    Letters,
}

impl Centres {
    /// Whether the glyph in page columns `a..b` holds the middle of one of the run's own
    /// boxes and is nearer them than any neighbour's, and is no slash Tesseract wrote: the
    /// run's, however little of it its boxes cover (Tesseract boxed `๒๐` over the ๐ and a
    /// sliver of the ๒, whose middle still fell in it; the ๒, half taken for a letter, was
    /// lost).
    pub(super) fn holds_own_box(&self, a: u32, b: u32) -> bool {
        let slash = self
            .slashes
            .iter()
            .any(|&(sa, sb)| b.min(sb).saturating_sub(a.max(sa)) * 2 >= b - a);
        self.own.iter().any(|&(c, _)| (a..b).contains(&c))
            && self.owner((a + b) / 2) == Owner::Run
            && !slash
    }

    /// Whether half the glyph in page columns `a..b` or more lies in a letter's box of a word
    /// Tesseract wrote apart from the run: that word's letter, which no chain of the run's
    /// digits takes unless Tesseract's boxes drifted (Niramit Bold Italic's เ of `๔๙ เวลา`, a
    /// quarter of a digit from the ๙, read ๓: `๔๙๓ เวลา`). A sliver of a box over the glyph
    /// says nothing (`๔๑ วัน`, the ว boxed three pixels wide at the ๑'s right edge).
    pub(super) fn in_word(&self, a: u32, b: u32) -> bool {
        self.words
            .iter()
            .any(|&(x0, x1)| 2 * b.min(x1).saturating_sub(a.max(x0)) >= b - a)
    }

    pub(super) fn owner(&self, x: u32) -> Owner {
        let own = self.own.iter().map(|&(c, _)| c.abs_diff(x)).min();
        let other = self
            .neighbours
            .iter()
            .min_by_key(|(c, _)| c.abs_diff(x))
            .map(|&(c, digit)| (c.abs_diff(x), digit));
        match (own, other) {
            (Some(own), Some((d, digit))) if d < own => {
                // Within the run's boxes, a glyph nearer a neighbouring number's box is the
                // run's if it surely is a digit, as one nearer a letter's is (Tesseract boxed
                // `๐ ๗๔๔๙` as `๐ ๕๕๕`, the three boxes spread over the four digits, their
                // middles right of the ๗'s, nearer the ๐'s box: the ๗ was lost).
                let within = self.span.is_some_and(|(a, b)| (a..b).contains(&x));
                if digit && !within {
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
pub(super) type EarlierReading = (Vec<(u32, u32)>, AreaReading);

/// What reading a run's area gave.
#[derive(Debug, Default)]
pub(super) struct AreaReading {
    pub(super) glyphs: Vec<Reading>,
    /// What Tesseract wrote for each glyph, where it wrote one character for each.
    pub(super) written: Vec<Option<char>>,
    /// How many characters other than Arabic digits Tesseract wrote for the run.
    pub(super) written_count: usize,
    /// A period follows the last glyph.
    pub(super) period: bool,
    /// Whether a period follows each glyph.
    pub(super) periods: Vec<bool>,
    /// The page columns of the glyphs read (what later runs must not read again).
    pub(super) columns: Vec<(u32, u32)>,
    /// Whether each glyph is a slash: no digit surely, and one thin stroke leaning right.
    pub(super) slashes: Vec<bool>,
    /// The run's own columns hold only glyphs an earlier run already read: its text is a
    /// second reading of them (`๓ a` where the run ๓ took the ๗ Tesseract wrote as `a`).
    pub(super) read_before: bool,
    /// The run's own columns hold no glyph but ones nearer the boxes of letters Tesseract
    /// wrote beside it, read before or not: what it wrote for the run stands for ink the page
    /// shows none of in the line's band (a tone mark, a speck).
    pub(super) bare: bool,
    /// The glyphs shaped like digits, but not taken for ones, that the chains out from the
    /// run stopped at: the page's own digit shapes may yet vouch for them.
    pub(super) stopped_at: Vec<Reading>,
}

impl AreaReading {
    /// Leaves out the first (or last) glyph where the model is sure it is no digit and others
    /// remain.
    pub(super) fn drop_edge(&mut self, first: bool) {
        let n = self.glyphs.len();
        let at = if first { 0 } else { n.saturating_sub(1) };
        if n < 2 || self.glyphs[at].p_other < SURELY_NOT_A_DIGIT {
            return;
        }
        self.remove(at);
    }

    /// Leaves out a glyph at either edge that stands a word's space from the rest — at least
    /// 0.3 of a glyph's width and two and a half times every other gap of the run, no period
    /// between — unless the model is sure it is a digit: the first letter of the next word,
    /// taken in where Tesseract's boxes drifted onto it (Google Sans Bold's `๒๒ ธันวาคม`,
    /// whose ธ read ๕ at 0.83). Three glyphs at least, so that there is a gap to compare.
    pub(super) fn drop_spaced_edges(&mut self) {
        for first in [false, true] {
            let n = self.glyphs.len();
            if n < 3 || self.columns.len() != n {
                return;
            }
            let (at, inner) = if first { (0, 1..n) } else { (n - 1, 0..n - 1) };
            let gap = |i: usize| self.columns[i + 1].0.saturating_sub(self.columns[i].1);
            let edge_gap = gap(if first { 0 } else { n - 2 });
            let widest_inner = inner.clone().skip(1).map(|i| gap(i - 1)).max().unwrap_or(0);
            let mut widths: Vec<u32> = inner
                .map(|i| self.columns[i].1.saturating_sub(self.columns[i].0))
                .collect();
            widths.sort_unstable();
            let typical = widths[widths.len() / 2];
            let period_between = self
                .periods
                .get(if first { 0 } else { n - 2 })
                .copied()
                .unwrap_or(false);
            let spaced = edge_gap * 10 >= typical * 3 && edge_gap * 2 >= 5 * widest_inner.max(1);
            if spaced && !period_between && 1.0 - self.glyphs[at].p_other < SURELY_A_DIGIT {
                self.remove(at);
            }
        }
    }

    fn remove(&mut self, at: usize) {
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
pub(super) fn read_glyphs(
    image: &GrayImage,
    area: Rect,
    core: (u32, u32),
    centres: &Centres,
    taken: &[(u32, u32)],
    shapes: Option<&Shapes>,
) -> AreaReading {
    let (read, at_edge) = read_glyphs_within(image, area, core, centres, taken, shapes, 2);
    if at_edge {
        read_glyphs_within(image, area, core, centres, taken, shapes, 3).0
    } else {
        read
    }
}

/// [`read_glyphs`] with the glyphs looked for `heights` of the area's height either side of
/// it; whether a chain of glyphs reached the edge of that.
pub(super) fn read_glyphs_within(
    image: &GrayImage,
    area: Rect,
    core: (u32, u32),
    centres: &Centres,
    taken: &[(u32, u32)],
    shapes: Option<&Shapes>,
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
    let (own0, own1) = (area.x0 - x0, area.x1 - x0);
    let (found, typical, specks, marks) = glyphs_of_run(&patch, band, &slashes, (own0, own1));
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
    // (Not where the patch shows no glyph at all: a page too faint to find any ink on says
    // nothing of what Tesseract read there.)
    let mut bare = !found.is_empty();
    // The lowest rows of the run's own glyphs' ink.
    let mut own_feet: Vec<u32> = Vec::new();
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
        // (A glyph nearer a letter's box than the run's is that letter's: the run may still
        // be bare.)
        bare &= shared * 3 >= b - a && centres.owner(x0 + (a + b) / 2) == Owner::Letters;
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
                own_feet.extend(ink_rows(&g).map(|rows| rows.1));
            }
        } else {
            // A cut the model is sure is no digit is a neighbour's ink alone (a slash
            // touching the number's last digit, `๑๖๓/`): the glyph is left whole, beside the
            // run (a wide ๘ reaching into its columns may still join it).
            let cut = image::imageops::crop_imm(&g, ca - a, 0, cb - ca, g.height()).to_image();
            match classify(&cut).filter(|r| r.p_other < SURELY_NOT_A_DIGIT) {
                Some(r) => {
                    own.push((ca, cb, r, false, None, false));
                    own_feet.extend(ink_rows(&cut).map(|rows| rows.1));
                }
                None => outside.push((a, b, g)),
            }
        }
    }
    read_before &= own.is_empty();
    own_feet.sort_unstable();
    let foot = own_feet.get(own_feet.len() / 2).copied();
    // Chains of digits out from the run's own glyphs (or its own columns), both ways: each
    // glyph likely a digit to the model, or one the page's digits of its shape vouch for
    // (TlwgMono's low-res ๖, which the model half takes for อ, left of a run Tesseract boxed
    // from the next digit on; session 19: the digit pages' errors 214 → 211). Where the
    // page's shapes are not known yet, the glyph a chain stopped at is kept, for them to be
    // asked once they are.
    let stopped_at = std::cell::RefCell::new(Vec::new());
    let digit = |a: u32, b: u32, g: &GrayImage| {
        if is_taken(a, b) || centres.owner(x0 + (a + b) / 2) == Owner::Digits {
            return None;
        }
        // (No digit is much shorter than the others, and none stands above the line: a
        // piece of the word before, cut off where it touched its neighbour — KoHo Medium
        // Italic's ย, a word space of a third of a digit from `๗๓๑๔๒`, read ๕ — or the
        // vowel and tone mark over the ท of `ที่` before `๒๒`, read ๘ — is no digit of the
        // number.)
        let (top, bottom) = ink_rows(g)?;
        let raised = foot.is_some_and(|f| (bottom as f32) < f as f32 - RAISED * typical);
        if ((bottom - top) as f32) < SHORTEST * typical || raised {
            return None;
        }
        let r = classify(g)?;
        let shaped = digit_shaped(&r);
        if likely_a_digit(&r) || shaped && shapes.is_some_and(|s| s.vouch_for(&r.ink, r.digit)) {
            return Some(r);
        }
        if shaped {
            stopped_at.borrow_mut().push(r);
        }
        None
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
        if next_to == Some(false) && centres.in_word(x0 + a, x0 + b) {
            break;
        }
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
        if next_to == Some(false) && centres.in_word(x0 + a, x0 + b) {
            break;
        }
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
    // (Or, before the next glyph of the run, anywhere in the first half of the gap: a
    // monospace face sets its period in the middle of a cell as wide as a digit's, TlwgMono's
    // `๑.๗.๔` with its periods 0.6–0.65 of a digit after the glyph.)
    let period_after = |a: u32, b: u32, next: Option<u32>| {
        let on_foot =
            |sy: u32| foot_of(a, b).is_some_and(|foot| (sy.abs_diff(foot) as f32) <= 0.2 * typical);
        let reach = next.map_or(0, |n| n.saturating_sub(b) / 2);
        specks.iter().any(|&(sx, sy)| {
            let beside = sx >= b || (sx + overhang >= b && on_foot(sy));
            let after = sx.saturating_sub(b);
            sy > low && beside && ((after as f32) < 0.6 * typical || after < reach)
        })
    };
    let mut out = AreaReading {
        read_before,
        bare,
        stopped_at: stopped_at.take(),
        written_count: centres
            .own
            .iter()
            .filter(|(_, c)| !c.is_ascii_digit())
            .count(),
        ..AreaReading::default()
    };
    for (k, &(a, b, reading, marked, tesseract, slash)) in kept.iter().enumerate() {
        // (Nearer a neighbour's box, but Tesseract wrote one of the run's digits for it.)
        if !marked || surely_a_digit(&reading) || tesseract.is_some_and(is_thai_digit) {
            out.glyphs.push(reading);
            out.written.push(tesseract);
            out.columns.push((x0 + a, x0 + b));
            out.periods
                .push(period_after(a, b, kept.get(k + 1).map(|g| g.0)));
            out.slashes.push(slash);
        }
    }
    out.period = out.periods.last().copied().unwrap_or(false);
    (out, at_edge)
}
