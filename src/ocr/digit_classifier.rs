//! Which Thai digit a glyph image is: nearest neighbour among templates rendered from the fonts
//! Thai documents are set in (`dictionaries/digit_templates.png`, made by
//! `scripts/make-digit-templates.py`), compiled into the binary.
//!
//! A glyph is compared by shape alone: its ink, cropped to its bounding box and scaled to a
//! fixed grid (so size and stroke weight matter little), plus its aspect ratio (๑ is narrow,
//! ๔ and ๘ wide). Templates go through the very same function as the glyphs from a page.

use std::sync::LazyLock;

use image::GrayImage;

/// Side of the grid a glyph's ink is scaled to.
const GRID: u32 = 16;
/// How much the aspect ratio (log scale) weighs against the grid's 256 ink fractions.
const ASPECT_WEIGHT: f32 = 6.0;
/// Side of a template cell in the sheet.
const CELL: u32 = 96;

/// A glyph's shape, ready for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    grid: Vec<f32>,
    log_aspect: f32,
}

impl Shape {
    /// Width over height of the ink.
    pub fn aspect(&self) -> f32 {
        self.log_aspect.exp()
    }

    fn distance(&self, other: &Shape) -> f32 {
        let d: f32 = self
            .grid
            .iter()
            .zip(&other.grid)
            .map(|(a, b)| (a - b) * (a - b))
            .sum();
        d + (ASPECT_WEIGHT * (self.log_aspect - other.log_aspect)).powi(2)
    }
}

/// The threshold between ink and paper in a patch: halfway between its darkest and lightest
/// values, and no ink at all in a patch without contrast.
pub(super) fn ink_threshold(img: &GrayImage) -> Option<u8> {
    let (mut lo, mut hi) = (255u8, 0u8);
    for p in img.pixels() {
        lo = lo.min(p.0[0]);
        hi = hi.max(p.0[0]);
    }
    (hi.saturating_sub(lo) >= 48).then(|| lo + (hi - lo) / 2)
}

/// The shape of the ink in a patch holding one glyph; `None` for a patch with no ink.
pub fn shape(img: &GrayImage) -> Option<Shape> {
    let t = ink_threshold(img)?;
    let (w, h) = img.dimensions();
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for (x, y, p) in img.enumerate_pixels() {
        if p.0[0] < t {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
        }
    }
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let (bw, bh) = (x1 - x0, y1 - y0);
    let mut grid = vec![0f32; (GRID * GRID) as usize];
    let mut counts = vec![0u32; (GRID * GRID) as usize];
    for y in y0..y1 {
        for x in x0..x1 {
            let gx = ((x - x0) * GRID / bw).min(GRID - 1);
            let gy = ((y - y0) * GRID / bh).min(GRID - 1);
            let i = (gy * GRID + gx) as usize;
            counts[i] += 1;
            if img.get_pixel(x, y).0[0] < t {
                grid[i] += 1.0;
            }
        }
    }
    for (g, &n) in grid.iter_mut().zip(&counts) {
        if n > 0 {
            *g /= n as f32;
        }
    }
    Some(Shape {
        grid,
        log_aspect: (bw as f32 / bh as f32).ln(),
    })
}

struct Templates {
    shapes: Vec<(char, Shape)>,
}

static TEMPLATES: LazyLock<Templates> = LazyLock::new(|| {
    let png = include_bytes!("../../dictionaries/digit_templates.png");
    let labels = include_str!("../../dictionaries/digit_templates.txt");
    // The sheet is data of this repository, checked by the tests: a sheet that does not
    // decode leaves the classifier empty (and re-recognition off) rather than panicking.
    let sheet = image::load_from_memory(png)
        .map(|i| i.to_luma8())
        .unwrap_or_default();
    let cols = sheet.width() / CELL;
    let shapes = labels
        .lines()
        .filter(|l| !l.starts_with('#'))
        .enumerate()
        .filter_map(|(i, l)| {
            let digit = l.chars().next()?;
            let (cx, cy) = (
                (i as u32 % cols.max(1)) * CELL,
                (i as u32 / cols.max(1)) * CELL,
            );
            if cols == 0 || cy + CELL > sheet.height() {
                return None;
            }
            let cell = image::imageops::crop_imm(&sheet, cx, cy, CELL, CELL).to_image();
            Some((digit, shape(&cell)?))
        })
        .collect();
    Templates { shapes }
});

/// How many templates the classifier holds (0 if its data could not be read).
pub fn template_count() -> usize {
    TEMPLATES.shapes.len()
}

/// The Thai digit a glyph's shape is nearest to, with the distance.
pub fn classify(glyph: &Shape) -> Option<(char, f32)> {
    TEMPLATES
        .shapes
        .iter()
        .map(|(d, s)| (*d, s.distance(glyph)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_read() {
        assert_eq!(template_count(), 840);
        let per_digit = |d: char| TEMPLATES.shapes.iter().filter(|(c, _)| *c == d).count();
        assert!(('๐'..='๙').all(|d| per_digit(d) == 84));
    }

    #[test]
    fn blank_patches_have_no_shape() {
        assert!(shape(&GrayImage::from_pixel(20, 20, image::Luma([250]))).is_none());
        let mut dot = GrayImage::from_pixel(20, 20, image::Luma([250]));
        dot.put_pixel(5, 5, image::Luma([0]));
        assert!(shape(&dot).is_some_and(|s| s.log_aspect == 0.0));
    }
}

#[cfg(test)]
mod font_cv {
    use super::*;

    /// Leave one face family out: each template classified against the other families only
    /// — how the classifier does on a face it has never seen. (This is how the design was
    /// chosen: 1-NN 0.917; 3-, 5-, 9-NN votes 0.901, 0.912, 0.898; grids of 10, 12, 20 and a
    /// smoothed grid within ±0.01 of 16. The held-out pages in fixtures/digits were not used.)
    #[test]
    fn a_face_never_seen_is_still_read() {
        let families: Vec<String> = include_str!("../../dictionaries/digit_templates.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let face = l.split('\t').nth(1).unwrap_or("");
                face.split('-').next().unwrap_or("").to_string()
            })
            .collect();
        let shapes = &TEMPLATES.shapes;
        assert_eq!(families.len(), shapes.len());
        let right = shapes
            .iter()
            .enumerate()
            .filter(|(i, (d, s))| {
                let nearest = shapes
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| families[*j] != families[*i])
                    .min_by(|a, b| a.1 .1.distance(s).total_cmp(&b.1 .1.distance(s)));
                nearest.is_some_and(|(_, (c, _))| c == d)
            })
            .count();
        let accuracy = right as f64 / shapes.len() as f64;
        assert!(
            accuracy >= 0.9,
            "leave-one-family-out accuracy {accuracy:.3}"
        );
    }
}
