//! Which way up a page is. Pages fed into a scanner sideways (no `/Rotate` to say so) are
//! common, and Tesseract reads them as garbage.
//!
//! Two steps, because Tesseract's orientation detection (OSD, with the `osd` data Debian's
//! `tesseract-ocr` ships) costs a sizeable share of a page's recognition time:
//! a projection test that is nearly free tells lines running across the page from lines
//! running down it; OSD then says which of the two turns (or, for a page the recogniser could
//! not read, whether it is upside down).
//!
//! OSD runs on an [`Engine`] of its own, loaded with the `osd` data only.

use std::sync::{LazyLock, Mutex};

use image::GrayImage;

use super::engine::Engine;
use crate::error::Result;

/// The longest side of the thumbnail the projection test looks at.
const THUMB: u32 = 800;
/// OSD's own orientation confidence below which its answer is not taken.
pub const MIN_OSD_CONFIDENCE: f32 = 2.0;
/// A page must show at least this many gaps between lines to be judged by projection.
const MIN_LINE_GAPS: usize = 3;

/// Whether the page's text lines run down the page rather than across it.
///
/// Between lines of text run empty stripes: along pixel rows when lines run across the page,
/// along columns when the page lies sideways. Words leave gaps too, but a column is empty only
/// where every line has a gap at once, so on an upright page empty rows far outnumber empty
/// columns. A page with too few lines to tell (a signature page, a blank) is left as it is;
/// its poor reading then sends it to OSD.
pub fn looks_sideways(img: &GrayImage) -> bool {
    let (rows, cols) = ink_profiles(img);
    let (row_span, _, row_empty) = gaps(&rows);
    let (col_span, col_gaps, col_empty) = gaps(&cols);
    // Text must cover a quarter of the page both ways: a single line, whichever way it runs,
    // has gaps between its words that look like gaps between lines.
    let covers = row_span * 4 >= rows.len() && col_span * 4 >= cols.len();
    covers && col_gaps >= MIN_LINE_GAPS && col_empty > 2.0 * row_empty + 0.05
}

/// Inked pixels per row and per column of a thumbnail.
fn ink_profiles(img: &GrayImage) -> (Vec<u32>, Vec<u32>) {
    let (points, tw, th) = super::preprocess::ink_sample(img, THUMB);
    let mut rows = vec![0u32; th as usize];
    let mut cols = vec![0u32; tw as usize];
    for (x, y) in points {
        rows[y as usize] += 1;
        cols[x as usize] += 1;
    }
    (rows, cols)
}

/// The stretch from the first to the last inked entry (margins do not count), the runs of
/// empty entries within it, and the share of empty entries there.
fn gaps(profile: &[u32]) -> (usize, usize, f64) {
    let first = profile.iter().position(|&v| v > 0);
    let last = profile.iter().rposition(|&v| v > 0);
    let (Some(a), Some(b)) = (first, last) else {
        return (0, 0, 0.0);
    };
    let span = &profile[a..=b];
    let empty = span.iter().filter(|&&v| v == 0).count();
    let runs = span.windows(2).filter(|w| w[0] > 0 && w[1] == 0).count();
    (span.len(), runs, empty as f64 / span.len() as f64)
}

/// What OSD said: how far the page must be turned clockwise to be upright, and how sure it
/// is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Orientation {
    pub turn_clockwise: u32,
    pub confidence: f32,
}

/// Idle OSD engines: Tesseract instances initialised with the `osd` data only.
static POOL: LazyLock<Mutex<Vec<Engine>>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// Asks OSD how the page must be turned; `None` when it cannot tell (too little text).
pub fn detect(img: &GrayImage, dpi: u32) -> Result<Option<Orientation>> {
    let mut osd = match POOL.lock().ok().and_then(|mut p| p.pop()) {
        Some(o) => o,
        None => Engine::new("osd")?,
    };
    osd.set_image(img, dpi)?;
    let found = osd
        .detect_orientation()
        .map(|(deg, confidence)| Orientation {
            // OSD reports the page's orientation counter-clockwise; turning it back is the
            // complement, clockwise.
            turn_clockwise: ((360 - deg.rem_euclid(360)) % 360) as u32,
            confidence,
        });
    osd.clear();
    if let Ok(mut pool) = POOL.lock() {
        pool.push(osd);
    }
    Ok(found)
}

/// Drops the idle OSD engines (see [`super::release_engines`]).
pub fn release() {
    if let Ok(mut pool) = POOL.lock() {
        pool.clear();
    }
}

/// Turns an image clockwise by a multiple of 90°.
pub fn turn(img: &GrayImage, clockwise: u32) -> GrayImage {
    match clockwise % 360 {
        90 => image::imageops::rotate90(img),
        180 => image::imageops::rotate180(img),
        270 => image::imageops::rotate270(img),
        _ => img.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of "words" across a page: ink with gaps that fall elsewhere on each line.
    fn lines_across(w: u32, h: u32, lines: u32) -> GrayImage {
        GrayImage::from_fn(w, h, |x, y| {
            let line = y / 20;
            let in_line = line % 2 == 1 && line < 2 * lines && x > 40 && x < w - 40;
            let in_word = ((x + 37 * line) / 6) % 9 != 0;
            image::Luma([if in_line && in_word { 0 } else { 255 }])
        })
    }

    #[test]
    fn projection_tells_across_from_down() {
        let page = lines_across(600, 850, 20);
        assert!(!looks_sideways(&page));
        assert!(looks_sideways(&turn(&page, 90)));
        assert!(looks_sideways(&turn(&page, 270)));
        assert!(!looks_sideways(&turn(&page, 180)));
        // One line cannot tell; it is left as it is.
        let line = lines_across(600, 850, 1);
        assert!(!looks_sideways(&line) && !looks_sideways(&turn(&line, 90)));
        assert!(!looks_sideways(&GrayImage::from_pixel(
            600,
            850,
            image::Luma([255])
        )));
    }
}
