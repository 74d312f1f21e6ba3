//! Page images (PNG, JPEG, TIFF) decoded to 8-bit grayscale in memory, with the resolution
//! Tesseract should be told.

use image::GrayImage;

use crate::error::{Error, Result};

/// The width of an A4 page in inches: scans of announcements are A4.
const A4_WIDTH_INCHES: f32 = 8.27;

/// A decoded page and its resolution in dots per inch.
pub struct PageImage {
    pub image: GrayImage,
    pub dpi: u32,
}

/// Decodes an image file's bytes. The resolution is estimated from the width, taking the page
/// as A4 portrait (or landscape when wider than tall), since files often claim a wrong one.
pub fn decode(bytes: &[u8]) -> Result<PageImage> {
    let img = image::load_from_memory(bytes).map_err(|e| Error::Image(e.to_string()))?;
    let image = img.to_luma8();
    let (w, h) = image.dimensions();
    if w < 16 || h < 16 {
        return Err(Error::Image(format!(
            "a {w}×{h} image is too small to hold text"
        )));
    }
    let short_side = w.min(h) as f32;
    let dpi = (short_side / A4_WIDTH_INCHES).round().clamp(70.0, 1200.0) as u32;
    Ok(PageImage { image, dpi })
}
