//! One input file → one Document: read, sniff, decode, clean, parse. A file's failure is an
//! error for that file only; batches are the caller's (see the CLI).

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::document::{Document, Page, Source, SourceKind};
use crate::error::{Error, Result};
use crate::parse::{self, PAGE_BREAK};
use crate::source;
use crate::thai::clean::{self, CleanReport};

/// A Document and what clean-up changed to make it.
pub struct Ingested {
    pub document: Document,
    pub clean: CleanReport,
}

/// The content hash that names a Document: SHA-256 of the source bytes, hex.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Cleans page texts and parses them into a Document.
pub fn build_document(id: String, path: &str, kind: SourceKind, pages: source::Pages) -> Ingested {
    let mut report = CleanReport::default();
    let cleaned: Vec<String> = pages
        .texts
        .iter()
        .zip(&pages.confidences)
        .map(|(t, conf)| {
            // Tesseract separates every line it takes for a paragraph with a blank line, and
            // takes most lines of a spaced-out page for one: on OCR'd pages blank lines mean
            // nothing, and structure comes from labels, headings and formulas instead.
            let t: std::borrow::Cow<str> = if conf.is_some() {
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
                    .into()
            } else {
                t.into()
            };
            let (c, r) = clean::clean(&t);
            let (joined, n) = clean::join_wrapped_lines(&c);
            report.add(&r);
            report.lines_joined += n;
            joined
        })
        .collect();
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
        pages: cleaned
            .into_iter()
            .zip(pages.confidences)
            .enumerate()
            .map(|(i, (text, confidence))| Page {
                number: i + 1,
                text,
                confidence,
            })
            .collect(),
        text,
        warnings: parsed.warnings,
    };
    Ingested {
        document,
        clean: report,
    }
}

/// Ingests the bytes of one file.
pub fn ingest_bytes(path: &str, bytes: &[u8]) -> Result<Ingested> {
    let (sniffed, pages) = source::pages(bytes)?;
    let kind = match sniffed {
        source::Sniffed::Text => SourceKind::Text,
        source::Sniffed::Pdf => SourceKind::ScannedPdf,
        _ => SourceKind::Image,
    };
    let mut ingested = build_document(content_id(bytes), path, kind, pages);
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
pub const LOW_CONFIDENCE: f32 = 60.0;

/// Reads and ingests one file.
pub fn ingest_file(path: &Path) -> Result<Ingested> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    ingest_bytes(&path.to_string_lossy(), &bytes)
}
