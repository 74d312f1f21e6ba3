//! Errors a file can fail with. Each names what was wrong so that a batch report can say
//! why one file failed while the others went on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary data, not text ({0})")]
    Binary(String),
    #[error("unknown text encoding: not UTF-8, UTF-16 or Thai TIS-620/Windows-874 ({0})")]
    UnknownEncoding(String),
    #[error("cannot decode the image: {0}")]
    Image(String),
    #[error("PDF: {0}")]
    Pdf(String),
    #[error("no page could be read (the first: {0})")]
    NoPage(String),
    #[error("OCR failed: {0}")]
    Ocr(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
