//! Input files: what they are (sniffed from their bytes, never from their names) and their
//! pages as text or images.

pub mod image;
pub mod pdf;
mod pdf_image;
mod raster;
pub mod render;
pub mod text;

use std::borrow::Cow;
use std::ops::Range;

use crate::error::Result;
use image::{PageImage, TiffFile};
use pdf::{PdfFile, PdfPage};

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
#[derive(Debug, Clone, Default)]
pub struct Pages {
    pub texts: Vec<String>,
    /// Per-page OCR confidence; `None` for text that needed no OCR.
    pub confidences: Vec<Option<f32>>,
    /// Per-page words as the OCR engine read them, with its confidence in each; empty for
    /// text that needed no OCR.
    pub words: Vec<Vec<crate::document::Word>>,
    pub encoding: Option<String>,
    /// What went wrong with single pages (a page that failed keeps its place, empty).
    pub warnings: Vec<String>,
}

/// One page as the file holds it: text (borrowed from a text file, owned from a PDF's text
/// layer), or an image still to be read.
pub enum PageContent<'a> {
    Text(Cow<'a, str>),
    Image(PageImage),
}

/// An input file opened for reading page by page. Images are decoded only when their page
/// is asked for, so memory holds the pages being worked on, not the document.
pub enum Opened<'a> {
    Text {
        text: String,
        /// Byte ranges of the pages (a form feed separates them).
        pages: Vec<Range<usize>>,
        encoding: &'static str,
    },
    Image(&'a [u8]),
    Tiff(TiffFile<'a>),
    /// The file's bytes beside it, for the pages that must be rendered.
    Pdf(Box<PdfFile>, &'a [u8]),
}

impl Opened<'_> {
    pub fn page_count(&self) -> usize {
        match self {
            Opened::Text { pages, .. } => pages.len(),
            Opened::Image(_) => 1,
            Opened::Tiff(t) => t.page_count(),
            Opened::Pdf(p, _) => p.page_count(),
        }
    }

    /// Reads page `index` (0-based); an error is that page's alone.
    pub fn page(&self, index: usize) -> Result<PageContent<'_>> {
        match self {
            Opened::Text { text, pages, .. } => Ok(PageContent::Text(Cow::Borrowed(
                pages
                    .get(index)
                    .and_then(|r| text.get(r.clone()))
                    .unwrap_or_default(),
            ))),
            Opened::Image(bytes) => image::decode(bytes).map(PageContent::Image),
            Opened::Tiff(t) => t.page(index).map(PageContent::Image),
            Opened::Pdf(p, bytes) => match p.page(index)? {
                PdfPage::Text(t) => Ok(PageContent::Text(Cow::Owned(t))),
                PdfPage::Image(i) => Ok(PageContent::Image(i)),
                PdfPage::Render(why) => render::page(bytes, index + 1, why).map(PageContent::Image),
            },
        }
    }
}

/// Opens a file's bytes: sniffs what they are and reads what must be read whole (a text's
/// encoding, a PDF's cross-reference table, a TIFF's page count). Returns what the bytes
/// were sniffed as, too.
pub fn open(bytes: &[u8]) -> Result<(Sniffed, Opened<'_>)> {
    let sniffed = sniff(bytes);
    let opened = match sniffed {
        Sniffed::Pdf => Opened::Pdf(Box::new(PdfFile::open(bytes)?), bytes),
        Sniffed::Tiff => Opened::Tiff(TiffFile::open(bytes)?),
        Sniffed::Png | Sniffed::Jpeg => Opened::Image(bytes),
        Sniffed::Text => {
            let decoded = text::decode(bytes)?;
            // A form feed separates pages, as pdftotext and OCR tools write them.
            let mut pages = Vec::new();
            let mut start = 0;
            for (i, _) in decoded.text.match_indices('\u{000C}') {
                pages.push(start..i);
                start = i + 1;
            }
            pages.push(start..decoded.text.len());
            Opened::Text {
                text: decoded.text,
                pages,
                encoding: decoded.encoding,
            }
        }
    };
    Ok((sniffed, opened))
}
