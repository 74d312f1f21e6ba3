//! Page images (PNG, JPEG, TIFF with any number of pages, G4 included) decoded to 8-bit
//! grayscale in memory, with the resolution Tesseract should be told.

use std::io::Cursor;

use image::GrayImage;
use tiff::decoder::{Decoder as TiffDecoder, DecodingResult};
use tiff::tags::Tag;
use tiff::ColorType;

use super::raster::{samples, Colour};
use crate::error::{Error, Result};

/// The width of an A4 page in inches: scans of announcements are A4.
const A4_WIDTH_INCHES: f32 = 8.27;
/// TIFFs have no page count up front; a loop of IFDs must end.
const MAX_TIFF_PAGES: usize = 10_000;

/// A decoded page and its resolution in dots per inch.
pub struct PageImage {
    pub image: GrayImage,
    pub dpi: u32,
    /// What a reader should know about how the page was decoded.
    pub notes: Vec<String>,
}

impl PageImage {
    /// A page whose resolution is estimated from its size, taking it as A4 portrait (or
    /// landscape when wider than tall): files often claim a wrong resolution, or none.
    pub fn new(image: GrayImage) -> Result<Self> {
        let (w, h) = image.dimensions();
        if w < 16 || h < 16 {
            return Err(Error::Image(format!(
                "a {w}×{h} image is too small to hold text"
            )));
        }
        let short_side = w.min(h) as f32;
        let dpi = (short_side / A4_WIDTH_INCHES).round().clamp(70.0, 1200.0) as u32;
        Ok(PageImage {
            image,
            dpi,
            notes: Vec::new(),
        })
    }
}

/// Decodes a single-page image file's bytes (PNG, JPEG, or a TIFF's first page).
pub fn decode(bytes: &[u8]) -> Result<PageImage> {
    let img = image::load_from_memory(bytes).map_err(|e| Error::Image(e.to_string()))?;
    PageImage::new(img.to_luma8())
}

/// A TIFF file's pages, decoded one at a time on demand.
pub struct TiffFile<'a> {
    bytes: &'a [u8],
    pages: usize,
}

fn tiff_err(e: impl std::fmt::Display) -> Error {
    Error::Image(format!("TIFF: {e}"))
}

impl<'a> TiffFile<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self> {
        let mut decoder = TiffDecoder::new(Cursor::new(bytes)).map_err(tiff_err)?;
        let mut pages = 1;
        while decoder.more_images() && pages < MAX_TIFF_PAGES {
            if decoder.next_image().is_err() {
                break;
            }
            pages += 1;
        }
        Ok(TiffFile { bytes, pages })
    }

    pub fn page_count(&self) -> usize {
        self.pages
    }

    /// Decodes page `index` (0-based).
    pub fn page(&self, index: usize) -> Result<PageImage> {
        let mut d = TiffDecoder::new(Cursor::new(self.bytes)).map_err(tiff_err)?;
        d.seek_to_image(index).map_err(tiff_err)?;
        let (w, h) = d.dimensions().map_err(tiff_err)?;
        let colour_type = d.colortype().map_err(tiff_err)?;
        // 0 = WhiteIsZero (fax-style bilevel), 1 = BlackIsZero.
        let white_is_zero = d
            .find_tag_unsigned::<u32>(Tag::PhotometricInterpretation)
            .ok()
            .flatten()
            == Some(0);
        let data = match d.read_image().map_err(tiff_err)? {
            DecodingResult::U8(v) => v,
            DecodingResult::U16(v) => v.iter().flat_map(|s| s.to_be_bytes()).collect(),
            _ => return Err(tiff_err("unsupported sample format")),
        };
        let (colour, bits) = match colour_type {
            ColorType::Gray(b) => (Colour::Gray, b),
            ColorType::RGB(b) => (Colour::Rgb, b),
            ColorType::RGBA(b) => (Colour::RgbAlpha, b),
            ColorType::CMYK(b) => (Colour::Cmyk, b),
            other => return Err(tiff_err(format!("unsupported colour type {other:?}"))),
        };
        let mut image = samples(&data, w, h, i64::from(bits), &colour)?;
        if white_is_zero {
            image::imageops::invert(&mut image);
        }
        PageImage::new(image)
    }
}
