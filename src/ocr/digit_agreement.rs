//! One page's digits read together. All the digits of a page are printed in one face, so
//! glyphs that look alike are one digit: where the model (which never saw the face) reads
//! most of a page's ๘s right and a few as ๕, the look-alikes outvote the few; where it reads
//! every ๙ of a face as ๗ (Umpush: its ๙ a close second each time), the page shows two
//! different shapes both taken for ๗ — one of them is not, and the one the model is less
//! sure of takes the digit it was next most sure of, if no other shape on the page surely
//! has that — or, where the model gave no such digit enough, the digit Tesseract wrote for
//! it, if that is one Tesseract knows (Mali: its ๕, a ๔ with a flick, read ๔ by the model
//! and ๕ by Tesseract, whose ๕ is ๕ or a digit it lacks — here ๔, the page's other shape).
//!
//! Glyphs are grouped by their ink grids (the 16×16 map the model read): average-linkage
//! clustering, cut at twice the page's typical distance between a glyph and its nearest
//! look-alike (so a clean scan's tight groups and a blurred copy's loose ones are both cut
//! where the digits differ, not where the noise does). Two glyphs the model is all but sure
//! are different digits are never grouped (๔ and ๕ differ by a tail and may look alike
//! closer than a degraded page's noise). A glyph changes only to a digit it had some
//! support for, and only when its group is clearly for that digit.
//!
//! The same likeness settles whether a glyph is a digit at all, where Tesseract wrote letters
//! for it ([`Shapes`]): a typewriter's ๖ the model half takes for a letter is a digit when it
//! looks just like the ๖s of the page's runs.

use super::digit_classifier::INK;

/// One glyph the pass read as a digit.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The ink grid the model read.
    pub ink: [f32; INK],
    /// How likely it is each digit ๐–๙, all that is known weighed in (what Tesseract wrote).
    pub p: [f32; 10],
    /// The digit it was read as (0–9).
    pub digit: usize,
    /// The digit Tesseract wrote for it (0–9), if it wrote a Thai digit.
    pub written: Option<usize>,
}

/// Groups are cut at this many times the page's typical nearest-look-alike distance.
const CUT: f32 = 2.0;
/// A glyph this sure of a digit is never grouped with one this sure of another.
const SURE: f32 = 0.95;
/// A group taken for a digit another group has more surely moves to its next digit only if
/// it gave that digit this much on average (0.1 until session 23: Mali SemiBold Italic's ๙s,
/// read ๗ with ๙ second, gave it 6%; at 0.05 no other digit page changed, and the second
/// rendering's Athiti ExtraLight bilevel gained two digits).
const NEXT_SUPPORT: f32 = 0.05;
/// A digit is another group's to keep only where that group is this sure of it on average: a
/// low-resolution Sawasdee's ๔s fall in two groups, both half taken for ๕, and the smaller
/// one's being "for ๔" kept the larger from moving there (set 12: 31 digit errors → 11 on
/// its five pages, no other page changed). As sure as a glyph must be to be kept apart: at
/// 0.8 set 12 lost 12 of those; at 0.97 one more digit of another page was right.
const TAKEN: f32 = SURE;
/// A group the model is surely for a digit another group is for too moves to another digit
/// only where the two lie this many times the page's typical nearest-look-alike distance
/// apart (their mean grids): two shapes, not one digit's copies the cut happened to part.
/// Mali's ๕, a ๔ with a flick the model is sure is ๔, lies 5.9 times apart from its ๔s; a
/// face's ๘s or ๙s in two groups, all sure, 1.7 to 3.0 times (KoHo Light in a copy of a
/// copy: 24 digit errors, its ๘s and ๔s moved to the ๕ Tesseract wrote for them).
const APART: f32 = 4.0;
/// A glyph takes its group's digit only if it gave that digit this much itself...
const OWN_SUPPORT: f32 = 0.02;
/// ...or this much, where the group moved as a whole to a digit another of the page's shapes
/// did not hold (Mali SemiBold Italic's ๙s, all read ๗ as its ๗s are, a group of twelve 6%
/// for ๙: half its members gave ๙ 1–1.6%).
const MOVED_OWN_SUPPORT: f32 = 0.005;
/// ...and the group gave that digit this many times what it gave the glyph's own reading.
const GROUP_MARGIN: f32 = 1.5;
/// A glyph of a token Tesseract wrote as letters is a digit when it is within this many
/// times the page's typical nearest-look-alike distance of one of the page's digits read
/// the same. On the digit pages 1.5 and 2 read more digits than 1 and no page fewer; at 3 a
/// scan's letters (004's, 2.4 times away) became digits.
const NEAR: f32 = 1.5;
/// Glyphs are read together in pieces of at most this many (a page of tables may hold
/// thousands of digits; grouping costs the square of their number).
const PIECE: usize = 400;

/// The shapes of the digits a page's runs hold (the runs Tesseract wrote as digits), each
/// with the digit it was read as: what a glyph of a token Tesseract did not write as digits
/// is compared with.
pub struct Shapes {
    shapes: Vec<([f32; INK], char)>,
    /// How near a glyph must be to one of them to be that digit: [`NEAR`] times the page's
    /// typical distance between a digit and its nearest look-alike.
    near: f32,
}

impl Shapes {
    pub fn new(mut shapes: Vec<([f32; INK], char)>) -> Shapes {
        shapes.truncate(PIECE);
        let n = shapes.len();
        let inks: Vec<&[f32; INK]> = shapes.iter().map(|s| &s.0).collect();
        // Too few to know the page's copies by: nothing is vouched for.
        let near = if n >= 4 {
            NEAR * typical_nearest(&distances(&inks), n)
        } else {
            -1.0
        };
        Shapes { shapes, near }
    }

    /// Whether a glyph read as `digit` looks just like a digit of the page read so.
    pub fn vouch_for(&self, ink: &[f32; INK], digit: char) -> bool {
        self.shapes
            .iter()
            .filter(|(_, d)| *d == digit)
            .any(|(s, _)| distance(s, ink) <= self.near)
    }
}

/// The digit each glyph is, read together with the page's other glyphs.
pub fn agree(glyphs: &[Glyph]) -> Vec<usize> {
    glyphs.chunks(PIECE).flat_map(agree_piece).collect()
}

fn agree_piece(glyphs: &[Glyph]) -> Vec<usize> {
    let mut digits: Vec<usize> = glyphs.iter().map(|g| g.digit).collect();
    let n = glyphs.len();
    if n < 3 {
        return digits;
    }
    let (groups, typical) = groups(glyphs);
    // Each group's mean support for each digit, and the digit it is for.
    let mut votes: Vec<Vote> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|members| {
            let mut mean = [0f32; 10];
            for &i in &members {
                for (m, p) in mean.iter_mut().zip(glyphs[i].p) {
                    *m += p / members.len() as f32;
                }
            }
            let digit = argmax(&mean);
            (members, mean, digit, false)
        })
        .collect();
    // Two shapes taken for one digit: the less sure one moves to its next digit, where no
    // group is surely for that one.
    let taken: Vec<usize> = sure_digits(&votes).into_iter().flatten().collect();
    for d in 0..10 {
        let mut claim: Vec<usize> = (0..votes.len()).filter(|&k| votes[k].2 == d).collect();
        if claim.len() < 2 {
            continue;
        }
        claim.sort_by(|&a, &b| votes[b].1[d].total_cmp(&votes[a].1[d]));
        let first = centre(glyphs, &votes[claim[0]].0);
        for &k in &claim[1..] {
            let mean = votes[k].1;
            if mean[d] >= TAKEN && distance(&first, &centre(glyphs, &votes[k].0)) < APART * typical
            {
                continue;
            }
            let next = (0..10)
                .filter(|&e| e != d && !taken.contains(&e) && mean[e] >= NEXT_SUPPORT)
                .max_by(|&a, &b| mean[a].total_cmp(&mean[b]))
                .or_else(|| {
                    written_by_most(glyphs, &votes[k].0)
                        .filter(|&w| w != d && !taken.contains(&w) && known(w) && mean[w] > 0.0)
                });
            if let Some(e) = next {
                votes[k].2 = e;
                votes[k].3 = true;
            }
        }
    }
    // A glyph read as a digit another group is surely for, its own group being another
    // shape, is no such digit (Sawasdee's ๘s, a group of eight half read ๕, apart from the
    // page's sure ๕s).
    let sure_of = sure_digits(&votes);
    for (k, (members, mean, d, moved)) in votes.iter().enumerate() {
        let elsewhere = |digit: usize| {
            sure_of
                .iter()
                .enumerate()
                .any(|(j, s)| j != k && *s == Some(digit))
        };
        for &i in members {
            let own = digits[i];
            // (A group moved to what Tesseract wrote vouches for the members it wrote so.)
            let own_support = if *moved {
                MOVED_OWN_SUPPORT
            } else {
                OWN_SUPPORT
            };
            let supported =
                glyphs[i].p[*d] >= own_support || (*moved && glyphs[i].written == Some(*d));
            if own == *d || !supported {
                continue;
            }
            let anothers = elsewhere(own) && !elsewhere(*d);
            if anothers || *moved || mean[*d] >= GROUP_MARGIN * mean[own] {
                digits[i] = *d;
            }
        }
    }
    digits
}

/// The digits Tesseract's Thai model has in its character set: what it writes for one of
/// them is that digit or one it lacks, never another it has (but about one time in a
/// thousand).
pub const KNOWN_TO_TESSERACT: &str = "๐๑๒๓๕";

/// Whether digit `d` (0–9) is one of [`KNOWN_TO_TESSERACT`].
fn known(d: usize) -> bool {
    KNOWN_TO_TESSERACT
        .chars()
        .any(|c| c as usize == '๐' as usize + d)
}

/// The digit Tesseract wrote for more than half of a group's members, if any.
fn written_by_most(glyphs: &[Glyph], members: &[usize]) -> Option<usize> {
    let mut count = [0usize; 10];
    for w in members.iter().filter_map(|&i| glyphs[i].written) {
        count[w] += 1;
    }
    (0..10).find(|&w| count[w] * 2 > members.len())
}

/// A group of look-alikes: its members, their mean support for each digit, the digit the
/// group is for, and whether it was moved there from a digit another group holds.
type Vote = (Vec<usize>, [f32; 10], usize, bool);

/// The digit each group is surely for, if any.
fn sure_digits(votes: &[Vote]) -> Vec<Option<usize>> {
    votes
        .iter()
        .map(|v| (v.1[v.2] >= TAKEN).then_some(v.2))
        .collect()
}

/// The likeliest digit (0–9).
pub fn argmax(p: &[f32; 10]) -> usize {
    (0..10).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(0)
}

/// The Euclidean distance of two ink grids, summed in eight lanes: one running sum is a
/// chain of dependent additions that neither vectorises nor pipelines, and a page's
/// grouping takes the distance of every two of its glyphs (a sixth of the pass's time).
fn distance(a: &[f32; INK], b: &[f32; INK]) -> f32 {
    const LANES: usize = 8;
    let mut lanes = [0f32; LANES];
    for (x, y) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for ((lane, x), y) in lanes.iter_mut().zip(x).zip(y) {
            *lane += (x - y) * (x - y);
        }
    }
    // (INK is a multiple of LANES: no remainder.)
    lanes.iter().sum::<f32>().sqrt()
}

/// The distances between every two of `inks`, row by row (n × n).
fn distances(inks: &[&[f32; INK]]) -> Vec<f32> {
    let n = inks.len();
    let mut d = vec![0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let v = distance(inks[i], inks[j]);
            d[i * n + j] = v;
            d[j * n + i] = v;
        }
    }
    d
}

/// The page's typical distance between a glyph and its nearest look-alike: the median,
/// over the `n` glyphs of distances `d`, of each one's distance to its nearest other.
fn typical_nearest(d: &[f32], n: usize) -> f32 {
    let mut nearest: Vec<f32> = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i)
                .map(|j| d[i * n + j])
                .fold(f32::INFINITY, f32::min)
        })
        .collect();
    nearest.sort_by(f32::total_cmp);
    nearest.get(n / 2).copied().unwrap_or(f32::INFINITY)
}

/// The mean ink grid of some glyphs.
fn centre(glyphs: &[Glyph], members: &[usize]) -> [f32; INK] {
    let mut c = [0f32; INK];
    for &i in members {
        for (x, y) in c.iter_mut().zip(&glyphs[i].ink) {
            *x += y / members.len() as f32;
        }
    }
    c
}

/// Groups of look-alike glyphs (see the module's doc): average linkage, each glyph's nearest
/// group kept up to date so that a merge costs one pass over the groups. With them, the
/// page's typical nearest-look-alike distance.
fn groups(glyphs: &[Glyph]) -> (Vec<Vec<usize>>, f32) {
    let n = glyphs.len();
    let inks: Vec<&[f32; INK]> = glyphs.iter().map(|g| &g.ink).collect();
    let mut d = distances(&inks);
    let typical = typical_nearest(&d, n);
    let cut = CUT * typical;
    let sure: Vec<Option<usize>> = glyphs
        .iter()
        .map(|g| (g.p[g.digit] >= SURE).then_some(g.digit))
        .collect();
    for i in 0..n {
        d[i * n + i] = f32::INFINITY;
        for j in i + 1..n {
            if matches!((sure[i], sure[j]), (Some(a), Some(b)) if a != b) {
                d[i * n + j] = f32::INFINITY;
                d[j * n + i] = f32::INFINITY;
            }
        }
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut label = sure;
    let mut alive = vec![true; n];
    let nearest_of = |d: &[f32], alive: &[bool], i: usize| -> (usize, f32) {
        (0..n)
            .filter(|&j| alive[j] && j != i)
            .map(|j| (j, d[i * n + j]))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or((i, f32::INFINITY))
    };
    let mut nn: Vec<(usize, f32)> = (0..n).map(|i| nearest_of(&d, &alive, i)).collect();
    while let Some(a) = (0..n)
        .filter(|&i| alive[i])
        .min_by(|&x, &y| nn[x].1.total_cmp(&nn[y].1))
    {
        let (b, dist) = nn[a];
        if dist > cut || b == a {
            break;
        }
        // Merge b into a: a's distance to every other group is the members' average.
        let (sa, sb) = (members[a].len() as f32, members[b].len() as f32);
        for k in 0..n {
            if !alive[k] || k == a || k == b {
                continue;
            }
            let (x, y) = (d[a * n + k], d[b * n + k]);
            let v = (x * sa + y * sb) / (sa + sb);
            d[a * n + k] = v;
            d[k * n + a] = v;
        }
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        label[a] = label[a].or(label[b]);
        alive[b] = false;
        // A group now holding a sure glyph is never grouped with one sure of another digit.
        if let Some(l) = label[a] {
            for k in 0..n {
                if alive[k] && k != a && label[k].is_some_and(|m| m != l) {
                    d[a * n + k] = f32::INFINITY;
                    d[k * n + a] = f32::INFINITY;
                }
            }
        }
        for k in 0..n {
            if alive[k] && (k == a || nn[k].0 == a || nn[k].0 == b) {
                nn[k] = nearest_of(&d, &alive, k);
            }
        }
    }
    (
        members.into_iter().filter(|m| !m.is_empty()).collect(),
        typical,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A glyph whose ink is one block of the grid (`shape`, 0–6, picks which), with a speck
    /// of noise in a cell of the last block (`speck` picks which, so that the glyphs of one
    /// shape are all as far apart), read by the model with `p`.
    fn glyph(shape: usize, speck: usize, p: &[(usize, f32)]) -> Glyph {
        let mut ink = [0f32; INK];
        for k in 0..32 {
            ink[shape * 32 + k] = 1.0;
        }
        ink[INK - 1 - speck] = 0.1;
        let mut probs = [0f32; 10];
        for &(d, v) in p {
            probs[d] = v;
        }
        Glyph {
            ink,
            p: probs,
            digit: argmax(&probs),
            written: None,
        }
    }

    #[test]
    fn distances_are_euclidean_in_every_lane() {
        // Differences in cells of every lane and of the last chunk all count: 3 and 4 apart
        // in two cells, 12 in a third — 13.
        let a = [0f32; INK];
        let mut b = [0f32; INK];
        (b[1], b[14], b[INK - 1]) = (3.0, 4.0, 12.0);
        assert!((distance(&a, &b) - 13.0).abs() < 1e-5);
        assert_eq!(distance(&b, &b), 0.0);
        let d = distances(&[&a, &b, &a]);
        assert_eq!(d.len(), 9);
        assert!((d[1] - 13.0).abs() < 1e-5 && d[1] == d[3] && d[2] == 0.0);
    }

    #[test]
    fn look_alikes_outvote_a_few_misreads() {
        // Eight glyphs of one shape, most read ๘, two read ๕ with ๘ close behind; and ๕s
        // of their own shape.
        let mut page: Vec<Glyph> = (0..6).map(|k| glyph(0, k, &[(8, 0.8), (5, 0.2)])).collect();
        page.push(glyph(0, 6, &[(5, 0.7), (8, 0.3)]));
        page.push(glyph(0, 7, &[(5, 0.6), (8, 0.4)]));
        page.extend((0..5).map(|k| glyph(2, k, &[(5, 0.99)])));
        let digits = agree(&page);
        assert_eq!(&digits[..8], &[8; 8]);
        assert_eq!(&digits[8..], &[5; 5]);
    }

    #[test]
    fn a_glyph_read_as_another_shape_s_sure_digit_takes_its_group_s() {
        // Sawasdee Oblique bilevel: eight ๘s of one shape, half read ๕ (its group is for ๘
        // by 0.55 to 0.45: short of the margin), and the page's ๕s, another shape, read ๕
        // surely.
        let mut page: Vec<Glyph> = (0..4).map(|k| glyph(0, k, &[(8, 0.8), (5, 0.2)])).collect();
        page.extend((4..8).map(|k| glyph(0, k, &[(5, 0.6), (8, 0.4)])));
        page[7].p = [0.0, 0.0, 0.0, 0.0, 0.0, 0.99, 0.0, 0.0, 0.01, 0.0];
        page.extend((0..5).map(|k| glyph(2, k, &[(5, 0.99)])));
        let digits = agree(&page);
        // The last ๘ gave ๘ too little of its own to be moved.
        assert_eq!(&digits[..8], &[8, 8, 8, 8, 8, 8, 8, 5]);
        assert_eq!(&digits[8..], &[5; 5]);
        // With no sure ๕s elsewhere on the page, the ๘ group's narrow vote moves nobody.
        page.truncate(8);
        assert_eq!(agree(&page), [8, 8, 8, 8, 5, 5, 5, 5]);
    }

    #[test]
    fn two_shapes_taken_for_one_digit_are_told_apart() {
        // Umpush: ๗ read ๗ surely; ๙, another shape, read ๗ with ๙ second.
        let mut page: Vec<Glyph> = (0..5).map(|k| glyph(1, k, &[(7, 0.99)])).collect();
        page.extend((0..5).map(|k| glyph(4, k, &[(7, 0.7), (9, 0.3)])));
        let digits = agree(&page);
        assert_eq!(&digits[..5], &[7; 5]);
        assert_eq!(&digits[5..], &[9; 5]);
        // Where another shape on the page is ๙ already, the second ๗ shape stays ๗ (it has
        // no digit to go to) — and the ๙s stay ๙.
        page.extend((0..3).map(|k| glyph(6, k, &[(9, 0.99)])));
        let digits = agree(&page);
        assert_eq!(&digits[5..10], &[7; 5]);
        assert_eq!(&digits[10..], &[9; 3]);
    }

    #[test]
    fn a_shape_the_model_barely_doubts_moves_whole() {
        // Mali SemiBold Italic in a copy of a copy: its ๗ read ๗ surely; its ๙, another
        // shape, read ๗ too, ๙ a distant second (6% over the group, 1% to 19% glyph by
        // glyph). The whole group moves to ๙, its surest glyphs with it.
        let mut page: Vec<Glyph> = (0..5).map(|k| glyph(1, k, &[(7, 0.99)])).collect();
        page.extend((0..3).map(|k| glyph(4, k, &[(7, 0.86), (9, 0.14)])));
        page.extend((3..6).map(|k| glyph(4, k, &[(7, 0.99), (9, 0.01)])));
        let digits = agree(&page);
        assert_eq!(&digits[..5], &[7; 5]);
        assert_eq!(&digits[5..], &[9; 6]);
        // A glyph that gave ๙ nothing at all stays as it was read.
        page[10].p = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        assert_eq!(&agree(&page)[5..], &[9, 9, 9, 9, 9, 7]);
        // With less than 5% for ๙ over the group, nothing moves.
        for g in page.iter_mut().skip(5).take(3) {
            g.p[7] = 0.95;
            g.p[9] = 0.05;
        }
        assert_eq!(&agree(&page)[5..], &[7; 6]);
    }

    #[test]
    fn a_shape_with_nowhere_the_model_points_goes_to_what_tesseract_wrote() {
        // Mali: ๔ read ๔ surely; ๕ (a ๔ with a flick) read ๔ too, ๙ second, ๕ a distant
        // third — and ๙ is another shape's surely. Tesseract wrote ๕ for both shapes.
        let mut page: Vec<Glyph> = (0..5).map(|k| glyph(1, k, &[(4, 0.99)])).collect();
        page.extend((0..6).map(|k| glyph(3, k, &[(4, 0.86), (9, 0.13), (5, 0.01)])));
        page.extend((0..4).map(|k| glyph(5, k, &[(9, 0.99)])));
        page.iter_mut().take(11).for_each(|g| g.written = Some(5));
        let digits = agree(&page);
        assert_eq!(&digits[..5], &[4; 5]);
        assert_eq!(&digits[5..11], &[5; 6]);
        assert_eq!(&digits[11..], &[9; 4]);
        // Where Tesseract wrote the digit the first shape surely is, or no Thai digit, or
        // where another shape on the page surely is ๕, the second shape has nowhere to go.
        for written in [Some(4), None] {
            page.iter_mut().take(11).for_each(|g| g.written = written);
            assert_eq!(&agree(&page)[5..11], &[4; 6]);
        }
        page.iter_mut().take(11).for_each(|g| g.written = Some(5));
        page.extend((0..3).map(|k| glyph(6, k, &[(5, 0.99)])));
        assert_eq!(&agree(&page)[5..11], &[4; 6]);
    }

    #[test]
    fn a_sure_group_moves_only_where_it_is_another_shape() {
        // A face's ๘s in a copy of a copy, all read ๘ surely, fall in two groups: the
        // second's grids a little off the first's (a blot in one cell, 2.5 times the page's
        // typical nearest distance) — one digit's copies, not two shapes. Tesseract wrote ๕
        // for them all: they stay ๘.
        let mut page: Vec<Glyph> = (0..5)
            .map(|k| glyph(1, k, &[(8, 0.99), (5, 0.01)]))
            .collect();
        page.extend((0..3).map(|k| {
            let mut g = glyph(1, k + 5, &[(8, 0.99), (5, 0.01)]);
            g.ink[40] += 0.35;
            g
        }));
        page.iter_mut().for_each(|g| g.written = Some(5));
        let typical = groups(&page).1;
        assert!((0.13..0.15).contains(&typical), "{typical}");
        assert_eq!(groups(&page).0.len(), 2);
        assert_eq!(agree(&page), [8; 8]);
        // Mali's ๕, a ๔ with a flick, read ๔ as surely as its ๔s but another shape: it goes
        // to the ๕ Tesseract wrote.
        let mut page: Vec<Glyph> = (0..5)
            .map(|k| glyph(1, k, &[(4, 0.999), (5, 0.001)]))
            .collect();
        page.extend((0..4).map(|k| glyph(3, k, &[(4, 0.98), (5, 0.02)])));
        page.iter_mut().for_each(|g| g.written = Some(5));
        assert_eq!(agree(&page), [4, 4, 4, 4, 4, 5, 5, 5, 5]);
    }

    #[test]
    fn a_digit_only_an_unsure_group_is_for_is_free_to_move_to() {
        // Sawasdee low-res: ๕ read ๕ surely; the ๔s, in two groups of a blurred shape, read
        // mostly ๕ (the larger) and mostly ๔ (the smaller), neither surely.
        let mut page: Vec<Glyph> = (0..5).map(|k| glyph(1, k, &[(5, 0.99)])).collect();
        page.extend((0..6).map(|k| glyph(3, k, &[(5, 0.7), (4, 0.3)])));
        page.extend((0..3).map(|k| glyph(5, k, &[(4, 0.6), (5, 0.4)])));
        let digits = agree(&page);
        assert_eq!(&digits[..5], &[5; 5]);
        assert_eq!(&digits[5..], &[4; 9]);
        // Where the smaller group is sure of ๔, the larger has nowhere to go: it stays ๕.
        for g in &mut page[11..] {
            g.p[4] = 0.95;
            g.p[5] = 0.05;
        }
        let digits = agree(&page);
        assert_eq!(&digits[5..11], &[5; 6]);
        assert_eq!(&digits[11..], &[4; 3]);
    }

    #[test]
    fn a_sure_reading_is_never_outvoted_and_a_lone_glyph_keeps_its_own() {
        // One shape: four read ๕ surely, one read ๔ surely (a tail the grid barely shows).
        let mut page: Vec<Glyph> = (0..4)
            .map(|k| glyph(3, k, &[(5, 0.97), (4, 0.03)]))
            .collect();
        page.push(glyph(3, 4, &[(4, 0.96), (5, 0.04)]));
        // A glyph of a shape of its own, unsure.
        page.push(glyph(5, 0, &[(6, 0.5), (2, 0.5)]));
        let digits = agree(&page);
        assert_eq!(digits, [5, 5, 5, 5, 4, page[5].digit]);
        // Too few glyphs to read together: each keeps its own reading.
        let two = [
            glyph(0, 0, &[(8, 0.6), (5, 0.4)]),
            glyph(0, 1, &[(5, 0.6), (8, 0.4)]),
        ];
        assert_eq!(agree(&two), [8, 5]);
    }

    #[test]
    fn a_glyph_is_vouched_for_by_the_pages_copies_of_its_digit() {
        // The page's runs: five ๖ of one shape, four ๑ of another.
        let shapes: Vec<([f32; INK], char)> = (0..5)
            .map(|k| (glyph(1, k, &[]).ink, '๖'))
            .chain((0..4).map(|k| (glyph(2, k, &[]).ink, '๑')))
            .collect();
        let page = Shapes::new(shapes.clone());
        // A copy as near as the page's copies are to each other, read as the same digit.
        let copy = glyph(1, 9, &[]).ink;
        assert!(page.vouch_for(&copy, '๖'));
        // Read as another digit, or another shape: no.
        assert!(!page.vouch_for(&copy, '๑'));
        assert!(!page.vouch_for(&glyph(3, 0, &[]).ink, '๖'));
        // Only a little farther than the page's copies are apart: no.
        let mut smudged = copy;
        smudged[0] = 0.3;
        assert!(!page.vouch_for(&smudged, '๖'));
        // Too few shapes to know the page's copies by.
        assert!(!Shapes::new(shapes[..3].to_vec()).vouch_for(&copy, '๖'));
    }
}
