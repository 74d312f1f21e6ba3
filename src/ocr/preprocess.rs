//! Page preprocessing before Tesseract: only deskew, the one step that measurably helped
//! (`scripts/measure-preprocessing.py`: on the scanned fixtures' upright pages, Tesseract's
//! character error fell on every page deskewed — 1.41→1.20%, 1.94→1.79%, 1.49→1.36%,
//! 1.13→0.85% — while a global binarisation helped two pages and hurt two, so it is left
//! to Tesseract's own Otsu).

use image::GrayImage;

/// The largest skew looked for, in tenths of a degree: scanners feed pages within ±2°.
const MAX_TENTHS: i32 = 20;
/// Below this the page is left as it is: turning costs more than it wins.
const MIN_DEGREES: f32 = 0.2;
/// The longest side of the thumbnail the angle is found on.
const THUMB: u32 = 900;

/// The page turned so that its text lines run level, and the angle it was turned by
/// (degrees, anticlockwise positive); `None` when it was level already.
pub fn deskew(img: &GrayImage) -> Option<(GrayImage, f32)> {
    let angle = skew(img)?;
    if angle.abs() < MIN_DEGREES {
        return None;
    }
    Some((rotate(img, angle), angle))
}

/// The inked pixels of a thumbnail whose longest side is about `longest` (every step-th pixel
/// darker than mid-grey): what the page-level tests (skew here, orientation's projection)
/// look at instead of the whole page. Returns the points and the thumbnail's size.
pub(super) fn ink_sample(img: &GrayImage, longest: u32) -> (Vec<(u32, u32)>, u32, u32) {
    let (w, h) = img.dimensions();
    let step = (w.max(h) / longest.max(1)).max(1);
    let (tw, th) = (w / step, h / step);
    let points = (0..th)
        .flat_map(|ty| (0..tw).map(move |tx| (tx, ty)))
        .filter(|&(tx, ty)| img.get_pixel(tx * step, ty * step).0[0] < 128)
        .collect();
    (points, tw, th)
}

/// The skew of the text lines, found as the angle whose projection makes the rows of ink
/// sharpest (the variance of ink per row is highest when lines and gaps are level).
fn skew(img: &GrayImage) -> Option<f32> {
    let (points, tw, th) = ink_sample(img, THUMB);
    if points.len() < 200 {
        return None;
    }
    let ink: Vec<(f32, f32)> = points.iter().map(|&(x, y)| (x as f32, y as f32)).collect();
    let rows = th as usize + tw as usize;
    let score = |tenths: i32| -> f64 {
        let (s, c) = (tenths as f32 / 10.0).to_radians().sin_cos();
        let mut counts = vec![0u32; 2 * rows + 1];
        for &(x, y) in &ink {
            // The row a pixel falls on once the page is turned by this angle.
            let r = (y * c - x * s).round() as i64 + rows as i64;
            if let Some(slot) = usize::try_from(r).ok().and_then(|r| counts.get_mut(r)) {
                *slot += 1;
            }
        }
        let n = counts.len() as f64;
        let mean = ink.len() as f64 / n;
        counts
            .iter()
            .map(|&v| (f64::from(v) - mean).powi(2))
            .sum::<f64>()
            / n
    };
    // Coarse, then fine around the best coarse angle.
    let coarse = (-MAX_TENTHS..=MAX_TENTHS)
        .step_by(5)
        .max_by(|a, b| score(*a).total_cmp(&score(*b)))?;
    let fine = ((coarse - 4).max(-MAX_TENTHS)..=(coarse + 4).min(MAX_TENTHS))
        .max_by(|a, b| score(*a).total_cmp(&score(*b)))?;
    Some(fine as f32 / 10.0)
}

/// Turns the page about its centre by `degrees` (the angle [`skew`] found), bilinear, white
/// where nothing was. Source positions advance by a constant step along each output row, so
/// they are carried in 16.16 fixed point rather than recomputed.
fn rotate(img: &GrayImage, degrees: f32) -> GrayImage {
    let (w, h) = img.dimensions();
    let (wi, hi) = (w as i64, h as i64);
    let (s, c) = f64::from(degrees).to_radians().sin_cos();
    let (cx, cy) = (f64::from(w) / 2.0, f64::from(h) / 2.0);
    const ONE: f64 = 65536.0;
    let src = img.as_raw();
    let mut out = vec![255u8; src.len()];
    let (step_x, step_y) = ((c * ONE) as i64, (s * ONE) as i64);
    for (y, row) in out.chunks_mut(w as usize).enumerate() {
        // Where the row's first pixel comes from: the inverse turn of its centre.
        let (dx, dy) = (0.5 - cx, y as f64 + 0.5 - cy);
        let mut sx = ((c * dx - s * dy + cx - 0.5) * ONE) as i64;
        let mut sy = ((s * dx + c * dy + cy - 0.5) * ONE) as i64;
        for px in row.iter_mut() {
            let (x0, y0) = (sx >> 16, sy >> 16);
            if x0 >= 0 && y0 >= 0 && x0 + 1 < wi && y0 + 1 < hi {
                let (fx, fy) = (sx & 0xFFFF, sy & 0xFFFF);
                let i = (y0 * wi + x0) as usize;
                let p = |k: usize| i64::from(src[k]);
                let top = p(i) * (65536 - fx) + p(i + 1) * fx;
                let bottom = p(i + w as usize) * (65536 - fx) + p(i + w as usize + 1) * fx;
                *px = ((top * (65536 - fy) + bottom * fy) >> 32).clamp(0, 255) as u8;
            }
            sx += step_x;
            sy += step_y;
        }
    }
    GrayImage::from_raw(w, h, out).unwrap_or_else(|| img.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of "words" across a page.
    fn page() -> GrayImage {
        GrayImage::from_fn(800, 1000, |x, y| {
            let line = y / 24;
            let in_line = line % 2 == 1 && (100..900).contains(&y) && (80..720).contains(&x);
            let in_word = ((x + 37 * line) / 7) % 9 != 0;
            image::Luma([if in_line && in_word { 0 } else { 255 }])
        })
    }

    #[test]
    fn a_level_page_is_left_alone_and_a_skewed_one_found() {
        let level = page();
        assert!(skew(&level).is_some_and(|a| a.abs() < 0.15));
        assert!(deskew(&level).is_none());
        for degrees in [1.2f32, -0.8] {
            let skewed = rotate(&level, degrees);
            let found = skew(&skewed).unwrap_or(0.0);
            // Turning back by the angle found levels it: the found angle is the opposite.
            assert!((found + degrees).abs() <= 0.2, "{degrees}: found {found}");
        }
        assert!(skew(&GrayImage::from_pixel(50, 50, image::Luma([255]))).is_none());
    }
}
