//! Input files: what they are (sniffed from their bytes, never from their names) and their
//! pages as text or images.

pub mod image;
pub mod text;

use crate::error::{Error, Result};

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Pdf,
    Png,
    Jpeg,
    Tiff,
    /// Anything else: decoded as text, which fails with a clear error if it is not.
    Text,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    let b = bytes;
    if b.starts_with(b"%PDF-")
        || b.get(..1024)
            .is_some_and(|h| h.windows(5).any(|w| w == b"%PDF-"))
    {
        Sniffed::Pdf
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Png
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        Sniffed::Tiff
    } else {
        Sniffed::Text
    }
}

/// The pages of one input, ready for clean-up and parsing.
#[derive(Debug, Clone)]
pub struct Pages {
    pub texts: Vec<String>,
    /// Per-page OCR confidence; `None` for text that needed no OCR.
    pub confidences: Vec<Option<f32>>,
    pub encoding: Option<String>,
}

/// Reads a file's bytes into pages of text: text files decoded, page images (PNG, JPEG, the
/// first page of a TIFF) through OCR. PDFs are not read yet ([`Error::Unsupported`]).
/// Returns what the bytes were sniffed as, too.
pub fn pages(bytes: &[u8]) -> Result<(Sniffed, Pages)> {
    let sniffed = sniff(bytes);
    let pages = match sniffed {
        Sniffed::Pdf => return Err(Error::Unsupported("PDF")),
        Sniffed::Png | Sniffed::Jpeg | Sniffed::Tiff => {
            let page = image::decode(bytes)?;
            let r = crate::ocr::recognize(&page)?;
            Pages {
                texts: vec![r.text],
                confidences: vec![Some(r.confidence)],
                encoding: None,
            }
        }
        Sniffed::Text => {
            let decoded = text::decode(bytes)?;
            // A form feed separates pages, as pdftotext and OCR tools write them.
            let texts: Vec<String> = decoded.text.split('\u{000C}').map(str::to_string).collect();
            Pages {
                confidences: vec![None; texts.len()],
                texts,
                encoding: Some(decoded.encoding.to_string()),
            }
        }
    };
    Ok((sniffed, pages))
}
