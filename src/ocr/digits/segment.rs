//! A run's patch of the page cut into glyphs: connected pieces of ink, broken glyphs joined,
//! specks and commas told apart, touching digits split, a slash cut from the digit it
//! touches.

use image::GrayImage;

use super::decide::{surely_a_digit, SURELY_A_DIGIT, SURELY_NOT_A_DIGIT, WIDEST_DIGIT};
use crate::ocr::digit_classifier::{classify, ink_threshold_at};

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

/// [`glyphs_of_run`] with all the patch's columns taken for the run's (the tests' patches
/// are cut around a run).
#[cfg(test)]
pub(super) fn glyphs(patch: &GrayImage, band: (u32, u32), slashes: &[(u32, u32)]) -> Glyphs {
    glyphs_of_run(patch, band, slashes, (0, patch.width()))
}

/// A run's patch cut into glyphs (see [`Glyphs`]), given the columns of the patch the run's
/// own boxes cover: only a piece there is looked at as two narrow digits touching (each such
/// look reads a score of cuts; the patch's other pieces are mostly letters).
pub(super) fn glyphs_of_run(
    patch: &GrayImage,
    band: (u32, u32),
    slashes: &[(u32, u32)],
    run: (u32, u32),
) -> Glyphs {
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
    let mut specks: Vec<(u32, u32)> = marks.iter().map(|&(x0, _, y1)| (x0, y1)).collect();
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
            // (The part read once, however many of the tests below ask: classifying is most
            // of the pass's time.)
            let whole = std::cell::OnceCell::new();
            let read_whole = || *whole.get_or_init(|| classify(&own));
            let no_digit = || read_whole().is_some_and(|r| r.p_other >= SURELY_NOT_A_DIGIT);
            if ((b - a) as f32) >= 1.05 * typical && (holds_slash || (at_slash && no_digit())) {
                if let Some(((da, db, digit), _)) = split_off_stroke(&own, t, typical) {
                    out.push((a + da, a + db, digit));
                    continue;
                }
            }
            // A glyph that surely reads as one digit and is no wider than one and a half times
            // its height is one (a typewriter's ๗, wider than its other digits); two digits
            // touching are about twice as wide as high.
            let sure_digit =
                |most: f32| read_whole().is_some_and(|r| r.p_other < 0.02 && r.aspect <= most);
            let one_digit = || sure_digit(1.5);
            let two_wide = ((b - a) as f32) > 1.6 * typical && !one_digit();
            // Two narrow digits touching (Bai Jamjuree ExtraLight's `๕๖`, one and a half
            // times as wide as high) are not as wide as two digits of most faces: where such
            // a piece of the run's reads as no digit, it is cut where both halves surely are.
            let narrow_pair = !two_wide
                && ((b - a) as f32) > NARROW_PAIR * typical
                && (run.0..run.1).contains(&((a + b) / 2))
                && read_whole().is_some_and(|r| r.p_other > 0.5);
            if two_wide || narrow_pair {
                let split = split_touching(&own, t);
                let sure = |g: &GrayImage| classify(g).is_some_and(|r| surely_a_digit(&r));
                let both_sure = split.as_ref().is_some_and(|(_, l, r)| sure(l) && sure(r));
                // A digit and a slash Tesseract did not write (`๙๙๓/๖๐` read `๓` and letters):
                // where no cut gives two sure digits, one leaving a slash and a sure digit
                // does — both kept, the slash written as one among the number's digits.
                if two_wide && !both_sure {
                    // Wider still, but no wider than a digit may be, and surely one: where no
                    // cut gives two sure digits, it is one (Taviraj Black Italic's ๗, 1.53
                    // times as wide as high, whose stem was cut off as a slash: `ood` for ๑๗
                    // stayed; Sawasdee Bold Oblique's ๖๑ touching, 1.67 and read as one sure
                    // ๖, cuts into two sure digits).
                    if sure_digit(WIDEST_DIGIT) {
                        out.push((a, b, own));
                        continue;
                    }
                    if let Some((digit, stroke)) = split_off_stroke(&own, t, typical) {
                        let mut both = [digit, stroke];
                        both.sort_by_key(|p| p.0);
                        out.extend(both.into_iter().map(|(pa, pb, g)| (a + pa, a + pb, g)));
                        continue;
                    }
                }
                if let Some((split, left, right)) = split.filter(|_| two_wide || both_sure) {
                    parts.push((a + split, b, right));
                    parts.push((a, a + split, left));
                    continue;
                }
            }
            // A period touching the digit before it (a bold face's, blurred into the digit's
            // foot: FreeSerif Bold Italic's `๒.`) is cut off and counted a speck, where the
            // digit reads surely without it, as the digit it read with it or the surer.
            if let Some((cut, bottom)) = touching_period(&own, t, low_half, typical) {
                let digit = image::imageops::crop_imm(&own, 0, 0, cut, own.height()).to_image();
                let (with, without) = (read_whole(), classify(&digit).filter(surely_a_digit));
                let better = without.as_ref().is_some_and(|r| {
                    with.as_ref().is_none_or(|w| {
                        (w.digit == r.digit && r.p_digit >= 0.9) || r.p_digit > w.p_digit + 0.2
                    })
                });
                if better {
                    marks.push((a + cut, b, bottom));
                    specks.push((a + cut, bottom));
                    out.push((a, a + cut, digit));
                    continue;
                }
            }
            out.push((a, b, own));
        }
    }
    (out, typical, specks, marks)
}

/// Where a period touches the glyph before it: the glyph's last columns hold ink only below
/// `low` (the line's middle), as wide as a period (0.15–0.45 of a digit) and as tall, solid,
/// with at least half a digit's width of taller columns before them. The first column of
/// the period and the row under it.
pub(super) fn touching_period(
    own: &GrayImage,
    t: u8,
    low: u32,
    typical: f32,
) -> Option<(u32, u32)> {
    let (w, h) = own.dimensions();
    let ink = |x: u32, y: u32| own.get_pixel(x, y).0[0] < t;
    let top = |x: u32| (0..h).find(|&y| ink(x, y));
    let mut right = w;
    while right > 0 && top(right - 1).is_none() {
        right -= 1;
    }
    let mut cut = right;
    while cut > 0 && top(cut - 1).is_some_and(|y| y > low) {
        cut -= 1;
    }
    let width = right - cut;
    let rows: Vec<u32> = (cut..right)
        .flat_map(|x| (0..h).filter(move |&y| ink(x, y)))
        .collect();
    let (y0, y1) = (*rows.iter().min()?, *rows.iter().max()? + 1);
    let height = y1 - y0;
    let share = |n: u32| n as f32 / typical;
    let period = (0.15..=0.45).contains(&share(width))
        && (0.15..=0.45).contains(&share(height))
        && rows.len() as u32 * 2 >= width * height
        && share(cut) >= 0.5;
    period.then_some((cut, y1))
}

/// The rows a glyph's ink spans (its top row, and the row below its lowest), `None` for a
/// patch without contrast.
pub(super) fn ink_rows(glyph: &GrayImage) -> Option<(u32, u32)> {
    let t = ink_threshold_at(glyph, 1, 2)?;
    let (w, h) = glyph.dimensions();
    let inked = |y: u32| (0..w).any(|x| glyph.get_pixel(x, y).0[0] < t);
    let top = (0..h).find(|&y| inked(y))?;
    let bottom = (0..h).rev().find(|&y| inked(y))?;
    Some((top, bottom + 1))
}

/// A piece this many times as wide as the typical digit is high may be two narrow digits
/// touching (two digits of most faces are 1.6 times or more).
const NARROW_PAIR: f32 = 1.25;

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
pub(super) fn slash_shaped(glyph: &GrayImage, typical: f32) -> bool {
    ink_threshold_at(glyph, 1, 2).is_some_and(|t| is_slash(&ink_pixels(glyph, t), typical, typical))
}

/// Whether some ink is a slash: one thin run of ink in (nearly) every row it covers, over
/// most of the glyph's height, leaning right as it goes up.
pub(super) fn is_slash(ink: &[Pixel], tall: f32, typical: f32) -> bool {
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
pub(super) fn split_touching(own: &GrayImage, t: u8) -> Option<(u32, GrayImage, GrayImage)> {
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
pub(super) fn components(patch: &GrayImage, t: u8) -> Vec<u32> {
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
