//! OCR with Tesseract (the system's libtesseract and Debian's Thai model), one engine per
//! worker: creating one costs real time, and an engine must not be shared between threads.
//!
//! Tesseract's own OpenMP threading must be off (OMP_THREAD_LIMIT=1, read by libgomp when the
//! process starts — the binary re-executes itself with it set); pages run in parallel instead.

use std::sync::{LazyLock, Mutex};

use tesseract::Tesseract;

use crate::error::{Error, Result};
use crate::source::image::PageImage;

/// The Thai model, with English for the URLs and Latin words announcements hold.
pub const LANGUAGES: &str = "tha+eng";
/// Page segmentation mode 4: a single column of text of variable sizes.
const PAGE_SEG_MODE: &str = "4";

/// One page's text and Tesseract's mean word confidence (0–100).
pub struct Recognized {
    pub text: String,
    pub confidence: f32,
}

/// Idle engines, taken by a worker for one page and given back after.
struct Pool {
    idle: Mutex<Vec<Tesseract>>,
}

static POOL: LazyLock<Pool> = LazyLock::new(|| Pool {
    idle: Mutex::new(Vec::new()),
});

fn new_engine() -> Result<Tesseract> {
    Tesseract::new(None, Some(LANGUAGES)).map_err(|e| {
        Error::Ocr(format!(
            "cannot start Tesseract with '{LANGUAGES}' ({e}): install tesseract-ocr-tha (scripts/install-deps.sh)"
        ))
    })
}

/// Recognises one page image.
pub fn recognize(page: &PageImage) -> Result<Recognized> {
    let engine = match POOL.idle.lock().ok().and_then(|mut v| v.pop()) {
        Some(e) => e,
        None => new_engine()?,
    };
    let (w, h) = page.image.dimensions();
    let ocr_err = |what: &str, e: &dyn std::fmt::Display| Error::Ocr(format!("{what}: {e}"));
    let mut engine = engine
        .set_frame(page.image.as_raw(), w as i32, h as i32, 1, w as i32)
        .map_err(|e| ocr_err("handing the page to Tesseract", &e))?
        .set_source_resolution(page.dpi as i32)
        .set_variable("tessedit_pageseg_mode", PAGE_SEG_MODE)
        .and_then(|t| t.set_variable("debug_file", "/dev/null"))
        .map_err(|e| ocr_err("setting Tesseract's options", &e))?
        .recognize()
        .map_err(|e| ocr_err("recognising the page", &e))?;
    let text = engine
        .get_text()
        .map_err(|e| ocr_err("reading the text", &e))?;
    let confidence = engine.mean_text_conf() as f32;
    if let Ok(mut idle) = POOL.idle.lock() {
        idle.push(engine);
    }
    Ok(Recognized { text, confidence })
}

/// Drops the idle engines. Call before the process exits: Tesseract reports engines still
/// alive at exit as leaks on stderr.
pub fn release_engines() {
    if let Ok(mut idle) = POOL.idle.lock() {
        idle.clear();
    }
}
