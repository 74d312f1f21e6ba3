//! Which Thai digit a glyph image is, and whether it is one at all: the glyph's shape
//! features ([`features`]) read by the small network of [`super::digit_model`], compiled into
//! the binary. The trainer (`examples/train_digit_model.rs`) calls the same [`features`], so
//! what the model learnt and what it is shown cannot drift apart.

use std::sync::LazyLock;

use image::GrayImage;

use super::digit_model::{Ensemble, CLASSES, NOT_A_DIGIT};

/// Side of the grid of ink shares the model reads.
const GRID: usize = 16;
/// How many cells that grid has.
pub const INK: usize = GRID * GRID;

/// A threshold `num`/`den` of the way from a patch's darkest value to its lightest; `None`
/// in a patch without contrast.
pub(super) fn ink_threshold_at(img: &GrayImage, num: u32, den: u32) -> Option<u8> {
    let (mut lo, mut hi) = (255u8, 0u8);
    for &v in img.as_raw() {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    // (An empty patch has no darkest value: `lo` above `hi`.)
    let range = hi.checked_sub(lo).filter(|&r| r >= 48)?;
    let t = u32::from(lo) + u32::from(range) * num / den.max(1);
    Some(t.min(255) as u8)
}

/// The bounding box of a patch's ink (x0, y0, x1, y1), `None` for a patch without ink.
fn ink_box(img: &GrayImage, t: u8) -> Option<(u32, u32, u32, u32)> {
    let (w, h) = img.dimensions();
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for (y, row) in (0..h).zip(img.as_raw().chunks_exact(w.max(1) as usize)) {
        let Some(first) = row.iter().position(|&v| v < t) else {
            continue;
        };
        let last = row.iter().rposition(|&v| v < t).unwrap_or(first);
        (x0, y0) = (x0.min(first as u32), y0.min(y));
        (x1, y1) = (x1.max(last as u32 + 1), y + 1);
    }
    (x1 > x0 && y1 > y0).then_some((x0, y0, x1, y1))
}

/// Side of the finer map the stroke directions are measured on.
const FINE: usize = 24;
/// Cells of the direction histograms per side, and directions per cell.
const HOG_CELLS: usize = 4;
const HOG_BINS: usize = 8;

/// How many numbers describe a glyph to the model: the ink grid, the directions of its
/// strokes (histograms of gradient directions over 4×4 cells), and the aspect ratio.
pub const FEATURES: usize = GRID * GRID + HOG_CELLS * HOG_CELLS * HOG_BINS + 1;

/// The ink of a patch's glyph resampled to `n`×`n` (its bounding box stretched to fill it):
/// each cell the share of 4×4 sample points that fall on ink.
fn ink_map(img: &GrayImage, t: u8, bbox: (u32, u32, u32, u32), n: usize) -> Vec<f32> {
    let (x0, y0, x1, y1) = bbox;
    // The sample points' columns and rows, worked out once (the same for every cell row and
    // column): the map is built for every glyph the pass weighs, several times a glyph.
    let samples = |from: u32, to: u32| -> Vec<u32> {
        let span = (to - from) as f32;
        (0..n * 4)
            .map(|i| {
                let (cell, sub) = ((i / 4) as f32, (i % 4) as f32);
                let f = (cell + (sub + 0.5) / 4.0) / n as f32 * span;
                from + (f as u32).min(to - from - 1)
            })
            .collect()
    };
    let (xs, ys) = (samples(x0, x1), samples(y0, y1));
    // (Row slices and a count per cell, not a pixel look-up per sample point: the two maps
    // of every glyph read were a fifth of the pass's time.)
    let width = img.width() as usize;
    let row = |y: u32| {
        let start = y as usize * width;
        img.as_raw().get(start..start + width).unwrap_or_default()
    };
    let mut out = vec![0f32; n * n];
    for (cy, rows) in ys.chunks_exact(4).enumerate() {
        let rows = [row(rows[0]), row(rows[1]), row(rows[2]), row(rows[3])];
        for (cx, cols) in xs.chunks_exact(4).enumerate() {
            let mut ink = 0u32;
            for r in &rows {
                for &x in cols {
                    ink += u32::from(r.get(x as usize).is_some_and(|&v| v < t));
                }
            }
            out[cy * n + cx] = ink as f32 / 16.0;
        }
    }
    out
}

/// A gradient's direction bin and length.
fn gradient_of(gx: f32, gy: f32) -> (usize, f32) {
    let m = (gx * gx + gy * gy).sqrt();
    let angle = gy.atan2(gx) + std::f32::consts::PI; // 0..2π
    let bin = ((angle / std::f32::consts::TAU * HOG_BINS as f32) as usize) % HOG_BINS;
    (bin, m)
}

/// Steps of an ink map's values: each is a share of 16 sample points.
const STEPS: i32 = 16;

/// [`gradient_of`] for every difference two ink-map values can make (multiples of 1/16
/// from -1 to 1, exact in `f32`), worked out once: the arc tangent of every cell of every
/// map was a tenth of the pass's time, for at most 33 × 33 different answers.
static GRADIENTS: LazyLock<Vec<(usize, f32)>> = LazyLock::new(|| {
    let side = -STEPS..=STEPS;
    side.clone()
        .flat_map(|kx| {
            side.clone()
                .map(move |ky| gradient_of(kx as f32 / STEPS as f32, ky as f32 / STEPS as f32))
        })
        .collect()
});

/// [`gradient_of`], from the table where the differences are an ink map's.
fn gradient(gx: f32, gy: f32) -> (usize, f32) {
    let step = |g: f32| {
        let k = g * STEPS as f32;
        let whole = k as i32;
        (whole as f32 == k && whole.abs() <= STEPS).then_some(whole + STEPS)
    };
    let side = (2 * STEPS + 1) as usize;
    match (step(gx), step(gy)) {
        (Some(kx), Some(ky)) => GRADIENTS
            .get(kx as usize * side + ky as usize)
            .copied()
            .unwrap_or_else(|| gradient_of(gx, gy)),
        _ => gradient_of(gx, gy),
    }
}

/// Histograms of stroke-edge directions: what tells a tail curling up from one curling
/// down, whatever the stroke's weight.
fn directions(map: &[f32], n: usize) -> Vec<f32> {
    let cell = n / HOG_CELLS;
    let mut out = vec![0f32; HOG_CELLS * HOG_CELLS * HOG_BINS];
    let at = |x: usize, y: usize| map[y * n + x];
    for y in 1..n - 1 {
        for x in 1..n - 1 {
            let gx = at(x + 1, y) - at(x - 1, y);
            let gy = at(x, y + 1) - at(x, y - 1);
            let (bin, m) = gradient(gx, gy);
            if m == 0.0 {
                continue;
            }
            let (c_x, c_y) = ((x / cell).min(HOG_CELLS - 1), (y / cell).min(HOG_CELLS - 1));
            out[(c_y * HOG_CELLS + c_x) * HOG_BINS + bin] += m;
        }
    }
    let norm = out.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        out.iter_mut().for_each(|v| *v = *v / norm * 4.0);
    }
    out
}

/// The numbers the digit model reads for a patch holding one glyph — the same for the
/// trainer's glyphs as for a page's — and the glyph's width over height; `None` for no ink.
///
/// The glyph's ink is stretched to a square, so size and stroke weight matter little; its
/// aspect ratio (๑ is narrow, ๔ and ๘ wide) goes in as a number of its own. Ink is what is
/// darker than halfway between the patch's darkest and lightest values; a patch without
/// contrast has none.
pub fn features(img: &GrayImage) -> Option<(Vec<f32>, f32)> {
    features_at(img, 1, 2)
}

/// [`features`] with the ink cut `num`/`den` of the way from the patch's darkest value to its
/// lightest (see [`steadied`]).
fn features_at(img: &GrayImage, num: u32, den: u32) -> Option<(Vec<f32>, f32)> {
    let t = ink_threshold_at(img, num, den)?;
    let bbox = ink_box(img, t)?;
    let aspect = (bbox.2 - bbox.0) as f32 / (bbox.3 - bbox.1) as f32;
    let mut x = ink_map(img, t, bbox, GRID);
    x.extend(directions(&ink_map(img, t, bbox, FINE), FINE));
    x.push(aspect.ln());
    Some((x, aspect))
}

static MODEL: LazyLock<Option<Ensemble>> = LazyLock::new(|| {
    // The model is data of this repository, checked by the tests: one that does not read
    // leaves re-recognition off rather than panicking.
    Ensemble::from_bytes(include_bytes!("../../dictionaries/digit_model.bin"))
        .filter(|m| m.inputs() == FEATURES)
});

/// Whether the digit model is there to use.
pub fn model_loaded() -> bool {
    MODEL.is_some()
}

/// What the model makes of one glyph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The likeliest Thai digit (among the digits only).
    pub digit: char,
    /// That digit's probability.
    pub p_digit: f32,
    /// The probability that the glyph is no Thai digit at all (a letter, a bracket, a dash).
    pub p_other: f32,
    /// The glyph's width over height.
    pub aspect: f32,
    /// The probability of each Thai digit, ๐ to ๙.
    pub digits: [f32; 10],
    /// The glyph's ink grid, as the model read it: what tells look-alikes on one page
    /// ([`super::digit_agreement`]).
    pub ink: [f32; INK],
}

/// Below this, the model's likeliest class for a glyph is not sure enough to stand alone.
const UNSURE: f32 = 0.8;

/// A reading the model is unsure of (no class at [`UNSURE`]) averaged with the glyph read
/// again with its ink cut a third and two thirds of the way from dark to light — the same
/// glyph a little thinner and a little bolder — where a sure one stands as it is. An unseen
/// face's stroke weight, or a scan's toner, is what the model half knows; the three
/// readings together are steadier than the one (session 18: the digit pages' errors
/// 212 → 208, dates 30 → 26 wrong, one page lower: Sawasdee Oblique low-res 3 → 6, a whole
/// number lost). Only the unsure ones are read again: the pass's time 4.97 → 5.31 s over the
/// 141 pages.
fn steadied(p: [f32; CLASSES], again: impl FnOnce() -> Vec<[f32; CLASSES]>) -> [f32; CLASSES] {
    if p.iter().any(|&v| v >= UNSURE) {
        return p;
    }
    let more = again();
    let n = (1 + more.len()) as f32;
    let mut out = p;
    for q in &more {
        out.iter_mut().zip(q).for_each(|(v, w)| *v += w);
    }
    out.iter_mut().for_each(|v| *v /= n);
    out
}

/// The Thai digit a glyph patch most likely is; `None` for a patch with no ink, or no model.
pub fn classify(img: &GrayImage) -> Option<Reading> {
    let model = MODEL.as_ref()?;
    let (x, aspect) = features(img)?;
    let p = steadied(model.probabilities(&x), || {
        [(1, 3), (2, 3)]
            .into_iter()
            .filter_map(|(num, den)| features_at(img, num, den))
            .map(|(y, _)| model.probabilities(&y))
            .collect()
    });
    let best = (0..NOT_A_DIGIT).max_by(|&a, &b| p[a].total_cmp(&p[b]))?;
    let mut digits = [0f32; 10];
    digits.copy_from_slice(p.get(..NOT_A_DIGIT)?);
    let mut ink = [0f32; INK];
    ink.copy_from_slice(x.get(..INK)?);
    Some(Reading {
        digit: char::from_u32('๐' as u32 + best as u32)?,
        p_digit: p[best],
        p_other: p[NOT_A_DIGIT],
        aspect,
        digits,
        ink,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_is_read() {
        assert!(model_loaded());
    }

    #[test]
    fn only_an_unsure_reading_is_read_again() {
        let mut sure = [0.0f32; CLASSES];
        sure[4] = 0.85;
        sure[NOT_A_DIGIT] = 0.15;
        let again = || vec![[0.5f32; CLASSES]];
        assert_eq!(steadied(sure, again), sure);
        let mut unsure = [0.0f32; CLASSES];
        unsure[4] = 0.6;
        unsure[NOT_A_DIGIT] = 0.4;
        let mut thin = [0.0f32; CLASSES];
        thin[5] = 1.0;
        let mut bold = [0.0f32; CLASSES];
        bold[4] = 1.0;
        let out = steadied(unsure, || vec![thin, bold]);
        let expect = |i: usize, v: f32| assert!((out[i] - v).abs() < 1e-6, "{i}: {}", out[i]);
        expect(4, 1.6 / 3.0);
        expect(5, 1.0 / 3.0);
        expect(NOT_A_DIGIT, 0.4 / 3.0);
        // Nothing read again (a patch with no contrast at those cuts): the reading stands.
        assert_eq!(steadied(unsure, Vec::new), unsure);
    }

    #[test]
    fn the_gradient_table_answers_as_the_arc_tangent_does() {
        for kx in -STEPS..=STEPS {
            for ky in -STEPS..=STEPS {
                let (gx, gy) = (kx as f32 / 16.0, ky as f32 / 16.0);
                assert_eq!(gradient(gx, gy), gradient_of(gx, gy), "{kx} {ky}");
            }
        }
        // Off the table's steps, and past its ends: worked out as they come.
        for (gx, gy) in [(0.3, -0.7), (1.5, 0.0), (-2.0, 0.25)] {
            assert_eq!(gradient(gx, gy), gradient_of(gx, gy));
        }
        // Eight bins round the circle, the first from the direction (-1, 0) onwards.
        let bin = |gx: f32, gy: f32| gradient(gx, gy).0;
        let bins = [
            bin(-1.0, -0.01),
            bin(1.0, 0.01),
            bin(0.5, 0.5),
            bin(-0.01, 1.0),
        ];
        assert_eq!(bins, [0, 4, 5, 6]);
    }

    #[test]
    fn ink_maps_count_the_ink_under_each_cell() {
        // A 8×8 patch, its left half ink: a 2×2 map is ink on the left, paper on the right.
        let patch = GrayImage::from_fn(8, 8, |x, _| image::Luma([if x < 4 { 0 } else { 255 }]));
        let t = ink_threshold_at(&patch, 1, 2).expect("contrast");
        assert_eq!(ink_box(&patch, t), Some((0, 0, 4, 8)));
        assert_eq!(
            ink_map(&patch, t, (0, 0, 8, 8), 2),
            vec![1.0, 0.0, 1.0, 0.0]
        );
        // A box that is the ink's own fills the map.
        assert_eq!(ink_map(&patch, t, (0, 0, 4, 8), 2), vec![1.0; 4]);
    }

    #[test]
    fn blank_patches_have_no_shape() {
        assert!(features(&GrayImage::from_pixel(20, 20, image::Luma([250]))).is_none());
        assert!(classify(&GrayImage::from_pixel(20, 20, image::Luma([250]))).is_none());
        let mut dot = GrayImage::from_pixel(20, 20, image::Luma([250]));
        dot.put_pixel(5, 5, image::Luma([0]));
        let (x, aspect) = features(&dot).expect("a dot has ink");
        assert_eq!((x.len(), aspect), (FEATURES, 1.0));
        // A patch of no pixels at all (a cut at a glyph's edge) has no ink and no threshold.
        for (w, h) in [(0, 0), (0, 20), (20, 0)] {
            let empty = GrayImage::new(w, h);
            assert!(ink_threshold_at(&empty, 3, 5).is_none());
            assert!(classify(&empty).is_none());
        }
    }
}
