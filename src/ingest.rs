//! One input file → one Document: read, sniff, decode, clean, parse. A file's failure is an
//! error for that file only; batches are the caller's (see the CLI).

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::document::{Document, Page, Source, SourceKind};
use crate::error::{Error, Result};
use crate::parse::{self, PAGE_BREAK};
use crate::source;
use crate::thai::clean::{self, CleanReport};
use crate::thai::ocr_fixes::{self, FixReport};

/// A Document and what clean-up changed to make it.
pub struct Ingested {
    pub document: Document,
    pub clean: CleanReport,
    /// What the OCR repairs changed (OCR'd pages only).
    pub ocr_fixes: FixReport,
    /// Each OCR'd page after clean-up but before the OCR repairs (`None` for text pages):
    /// what eval measures each repair rule against.
    pub unrepaired: Vec<Option<String>>,
    /// Each OCR'd page as Tesseract wrote it, before the digit pass and any clean-up (`None`
    /// for text pages): the baseline eval compares against.
    pub tesseract_texts: Vec<Option<String>>,
}

/// The content hash that names a Document: SHA-256 of the source bytes, hex.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Cleans page texts and parses them into a Document.
pub fn build_document(
    id: String,
    path: &str,
    kind: SourceKind,
    mut pages: source::Pages,
) -> Ingested {
    let mut report = CleanReport::default();
    let mut fixes = FixReport::default();
    let mut unrepaired = Vec::with_capacity(pages.texts.len());
    let cleaned: Vec<String> = pages
        .texts
        .iter()
        .zip(&pages.confidences)
        .map(|(t, conf)| {
            // OCR'd pages come with their paragraphs from the page's layout (`ocr::layout`):
            // a blank line between them, as in a text file.
            let (mut c, r) = clean::clean(t);
            if conf.is_some() {
                let (fixed, f) = ocr_fixes::fix(&c);
                fixes.add(&f);
                unrepaired.push(Some(std::mem::replace(&mut c, fixed)));
            } else {
                unrepaired.push(None);
            }
            let (joined, n) = clean::join_wrapped_lines(&c);
            report.add(&r);
            report.lines_joined += n;
            joined
        })
        .collect();
    let page_warnings = std::mem::take(&mut pages.warnings);
    let separator = format!("\n{PAGE_BREAK}\n");
    let text = cleaned.join(&separator);
    let parsed = parse::parse(&text);
    let document = Document {
        id,
        source: Source {
            path: path.to_string(),
            kind,
            pages: cleaned.len(),
            encoding: pages.encoding,
        },
        issuer: parsed.issuer,
        issuer_kind: parsed.issuer_kind,
        province: parsed.province,
        subject: parsed.subject,
        date: parsed.date,
        date_text: parsed.date_text,
        signatories: parsed.signatories,
        signing_office: parsed.signing_office,
        clauses: parsed.clauses,
        tables: parsed.tables,
        dates: parsed.dates,
        pages: {
            let mut words = pages.words.into_iter();
            cleaned
                .into_iter()
                .zip(pages.confidences)
                .enumerate()
                .map(|(i, (text, confidence))| Page {
                    number: i + 1,
                    text,
                    confidence,
                    words: words.next().unwrap_or_default(),
                })
                .collect()
        },
        text,
        warnings: page_warnings.into_iter().chain(parsed.warnings).collect(),
    };
    Ingested {
        document,
        clean: report,
        ocr_fixes: fixes,
        unrepaired,
        tesseract_texts: Vec::new(),
    }
}

/// Told how far a file's pages have come, for a progress bar; pages are read in parallel.
pub trait Progress: Sync {
    fn pages_found(&self, _pages: usize) {}
    fn page_done(&self) {}
}

/// No progress report.
pub struct Quiet;
impl Progress for Quiet {}

/// What to keep beyond the Document's own fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Every OCR'd word with its confidence, in `pages[].words`.
    pub words: bool,
}

/// Ingests the bytes of one file.
pub fn ingest_bytes(path: &str, bytes: &[u8]) -> Result<Ingested> {
    ingest_bytes_with(path, bytes, &Quiet, Options::default())
}

/// Time spent reading pages (decoding, turning, OCR).
static PAGE_READING: crate::timing::Counter = crate::timing::Counter::new();

/// Seconds spent reading pages so far, summed over threads: with
/// [`crate::ocr::tesseract_seconds`], how much of it was Tesseract's own work.
pub fn page_seconds() -> f64 {
    PAGE_READING.seconds()
}

/// One page as read: its text (and Tesseract's own, for OCR'd pages), confidence and notes.
struct PageText {
    text: String,
    tesseract_text: Option<String>,
    confidence: Option<f32>,
    words: Vec<crate::document::Word>,
    notes: Vec<String>,
}

/// One page read, or why it could not be.
type PageRead = Result<PageText>;

fn read_page(opened: &source::Opened, index: usize, options: Options) -> PageRead {
    match opened.page(index)? {
        source::PageContent::Text(text) => Ok(PageText {
            text: text.into_owned(),
            tesseract_text: None,
            confidence: None,
            words: Vec::new(),
            notes: Vec::new(),
        }),
        source::PageContent::Image(image) => {
            let r = crate::ocr::recognize(&image, options.words)?;
            Ok(PageText {
                text: r.text,
                tesseract_text: Some(r.tesseract_text),
                confidence: Some(r.confidence),
                words: r
                    .words
                    .into_iter()
                    .map(|(text, confidence)| crate::document::Word { text, confidence })
                    .collect(),
                notes: r.notes,
            })
        }
    }
}

/// Ingests the bytes of one file, its pages in parallel, telling `progress` as pages finish.
/// A page that cannot be read leaves an empty page and a warning; the file fails only if no
/// page can be read.
pub fn ingest_bytes_with(
    path: &str,
    bytes: &[u8],
    progress: &dyn Progress,
    options: Options,
) -> Result<Ingested> {
    use rayon::prelude::*;
    let (sniffed, opened) = source::open(bytes)?;
    let n = opened.page_count();
    progress.pages_found(n);
    let reads: Vec<PageRead> = (0..n)
        .into_par_iter()
        .map(|i| {
            let r = PAGE_READING.time(|| read_page(&opened, i, options));
            progress.page_done();
            r
        })
        .collect();
    if reads.iter().all(Result::is_err) {
        if let Some(Err(e)) = reads.into_iter().next() {
            return Err(if n == 1 {
                e
            } else {
                Error::NoPage(e.to_string())
            });
        }
        return Err(Error::Empty);
    }
    let mut pages = source::Pages {
        encoding: match &opened {
            source::Opened::Text { encoding, .. } => Some(encoding.to_string()),
            _ => None,
        },
        ..Default::default()
    };
    let mut tesseract_texts = Vec::with_capacity(n);
    for (i, read) in reads.into_iter().enumerate() {
        let PageText {
            text,
            tesseract_text,
            confidence,
            words,
            notes,
        } = read.unwrap_or_else(|e| {
            pages.warnings.push(format!("page {}: {e}", i + 1));
            PageText {
                text: String::new(),
                tesseract_text: None,
                confidence: None,
                words: Vec::new(),
                notes: Vec::new(),
            }
        });
        tesseract_texts.push(tesseract_text);
        for note in notes {
            pages.warnings.push(format!("page {}: {note}", i + 1));
        }
        if confidence.is_some() && text.trim().is_empty() {
            pages
                .warnings
                .push(format!("page {}: no text found on the page", i + 1));
        }
        pages.texts.push(text);
        pages.confidences.push(confidence);
        pages.words.push(words);
    }
    let kind = match sniffed {
        source::Sniffed::Text => SourceKind::Text,
        source::Sniffed::Pdf if pages.confidences.iter().all(Option::is_none) => {
            SourceKind::TextPdf
        }
        source::Sniffed::Pdf => SourceKind::ScannedPdf,
        _ => SourceKind::Image,
    };
    let mut ingested = build_document(content_id(bytes), path, kind, pages);
    ingested.tesseract_texts = tesseract_texts;
    for p in &ingested.document.pages {
        if let Some(c) = p.confidence.filter(|c| *c < LOW_CONFIDENCE) {
            ingested
                .document
                .warnings
                .push(format!("page {}: low OCR confidence ({c:.0})", p.number));
        }
    }
    Ok(ingested)
}

/// Pages whose mean OCR confidence is below this get a warning.
pub use crate::ocr::LOW_CONFIDENCE;

/// Reads and ingests one file.
pub fn ingest_file(path: &Path) -> Result<Ingested> {
    ingest_file_with(path, &Quiet, Options::default())
}

/// Reads and ingests one file, telling `progress` as its pages finish.
pub fn ingest_file_with(
    path: &Path,
    progress: &dyn Progress,
    options: Options,
) -> Result<Ingested> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    ingest_bytes_with(&path.to_string_lossy(), &bytes, progress, options)
}
