//! OCR with Tesseract (the system's libtesseract and Debian's Thai model), one engine per
//! worker: creating one costs real time, and an engine must not be shared between threads.
//!
//! Tesseract's own OpenMP threading must be off (OMP_THREAD_LIMIT=1, read by libgomp when the
//! process starts — the binary re-executes itself with it set); pages run in parallel instead.

mod date_words;
pub mod digit_agreement;
pub mod digit_classifier;
pub mod digit_model;
pub mod digits;
mod engine;
mod latin_words;
pub mod layout;
pub mod mark_lines;
mod number_words;
pub mod orientation;
pub mod preprocess;
mod respell;
mod stray_digits;

use std::borrow::Cow;
use std::sync::{LazyLock, Mutex};

use image::GrayImage;

use engine::Engine;

use crate::error::Result;
use crate::source::image::PageImage;
use crate::timing::Counter;

/// The Thai model, with English for the URLs and Latin words announcements hold.
pub const LANGUAGES: &str = "tha+eng";
/// Page segmentation mode 4: a single column of text of variable sizes.
const PAGE_SEG_MODE: &std::ffi::CStr = c"4";

/// One page's text and Tesseract's mean word confidence (0–100).
pub struct Recognized {
    /// The text, its Thai digits read again by [`digits`].
    pub text: String,
    /// The text as Tesseract wrote it (what the evaluation compares against).
    pub tesseract_text: String,
    pub confidence: f32,
    /// Each word as Tesseract wrote it (before the digit pass), with its confidence.
    pub words: Vec<(String, f32)>,
    /// What was done to the page that a reader should know (it was turned upright).
    pub notes: Vec<String>,
}

/// Pages whose mean confidence is below this get a warning.
pub const LOW_CONFIDENCE: f32 = 60.0;
/// Below this mean confidence a page is worth a second look: it may be upside down. Upright
/// pages of the fixtures read at 86–95; an upside-down one read at 63.
pub const RECHECK_ORIENTATION_BELOW: f32 = 80.0;

/// Time inside Tesseract (recognition, text and box output, orientation detection): what the
/// benchmark sets against the time spent reading pages as a whole.
static TESSERACT: Counter = Counter::new();
/// Time in the digit pass ([`digits`]).
static DIGIT_PASS: Counter = Counter::new();
/// Time deskewing pages.
static DESKEW: Counter = Counter::new();
/// Time reading a date's Latin words again ([`date_words`]; part of [`TESSERACT`]'s time).
static DATE_WORDS: Counter = Counter::new();
/// Time reading Latin words read as digits again ([`latin_words`]; part of [`TESSERACT`]'s
/// time).
static LATIN_WORDS: Counter = Counter::new();
/// Time reading Thai words with an Arabic digit among their letters again
/// ([`stray_digits`]; part of [`TESSERACT`]'s time).
static STRAY_DIGITS: Counter = Counter::new();
/// Time reading Thai words before numbers read as Latin again ([`number_words`]; part of
/// [`TESSERACT`]'s time).
static NUMBER_WORDS: Counter = Counter::new();
/// Time asking Tesseract for its glyph boxes (part of [`TESSERACT`]'s time, asked for the
/// digit pass only).
static GLYPH_BOXES: Counter = Counter::new();

/// Seconds spent getting Tesseract's glyph boxes for the digit pass, summed over threads.
pub fn glyph_box_seconds() -> f64 {
    GLYPH_BOXES.seconds()
}

/// Seconds spent reading dates' Latin words again, summed over threads.
pub fn date_word_seconds() -> f64 {
    DATE_WORDS.seconds()
}

/// Seconds spent reading words before numbers read as Latin again, summed over threads.
pub fn number_word_seconds() -> f64 {
    NUMBER_WORDS.seconds()
}

/// Seconds spent reading Latin words read as digits again, summed over threads.
pub fn latin_word_seconds() -> f64 {
    LATIN_WORDS.seconds()
}

/// Seconds spent reading Thai words with an Arabic digit among their letters again, summed
/// over threads.
pub fn stray_digit_seconds() -> f64 {
    STRAY_DIGITS.seconds()
}

/// Seconds spent deskewing pages so far, summed over threads.
pub fn deskew_seconds() -> f64 {
    DESKEW.seconds()
}

/// Seconds spent re-reading Thai digits so far, summed over threads.
pub fn digit_pass_seconds() -> f64 {
    DIGIT_PASS.seconds()
}

/// Seconds spent inside Tesseract so far, summed over threads.
pub fn tesseract_seconds() -> f64 {
    TESSERACT.seconds()
}

/// Idle engines, taken by a worker for one page and given back after.
struct Pool {
    idle: Mutex<Vec<Engine>>,
}

static POOL: LazyLock<Pool> = LazyLock::new(|| Pool {
    idle: Mutex::new(Vec::new()),
});

fn new_engine() -> Result<Engine> {
    let engine = Engine::new(LANGUAGES)?;
    engine.set_variable(c"tessedit_pageseg_mode", PAGE_SEG_MODE)?;
    Ok(engine)
}

/// Recognises one page image, turning it upright first when it was scanned sideways or
/// upside down (see [`orientation`]). With `words`, each word comes with its confidence
/// (walking Tesseract's results word by word costs 2–5% of its time, so only on request).
pub fn recognize(page: &PageImage, words: bool) -> Result<Recognized> {
    let dpi = page.dpi;
    let sideways = orientation::looks_sideways(&page.image);
    // Sideways: OSD says which way; unsure, try a quarter turn clockwise first.
    let first_turn = if sideways {
        match TESSERACT.time(|| orientation::detect(&page.image, dpi))? {
            Some(o)
                if o.confidence >= orientation::MIN_OSD_CONFIDENCE
                    && o.turn_clockwise % 180 == 90 =>
            {
                o.turn_clockwise
            }
            _ => 90,
        }
    } else {
        0
    };
    let image: Cow<GrayImage> = match first_turn {
        0 => Cow::Borrowed(&page.image),
        t => Cow::Owned(orientation::turn(&page.image, t)),
    };
    let image = match DESKEW.time(|| preprocess::deskew(&image)) {
        Some((level, _)) => Cow::Owned(level),
        None => image,
    };
    let mut reading = read(&image, dpi, words)?;
    // The image the kept reading came from, when it is not `image` itself.
    let mut turned_image: Option<GrayImage> = None;
    let mut turned = first_turn;
    if reading.confidence < RECHECK_ORIENTATION_BELOW {
        // A poor reading may be an upside-down page (or the other sideways turn): ask OSD
        // about the image as read, and keep whichever reading is better.
        let second = match TESSERACT.time(|| orientation::detect(&image, dpi))? {
            Some(o) if o.confidence >= orientation::MIN_OSD_CONFIDENCE && o.turn_clockwise != 0 => {
                Some(o.turn_clockwise)
            }
            _ if sideways => Some(180),
            _ => None,
        };
        if let Some(t) = second {
            let other = orientation::turn(&image, t);
            let second = read(&other, dpi, words)?;
            if second.confidence > reading.confidence {
                reading = second;
                turned_image = Some(other);
                turned = (first_turn + t) % 360;
            }
        }
    }
    let mut notes = page.notes.clone();
    if turned != 0 {
        let how = if turned == 180 {
            "upside down"
        } else {
            "sideways"
        };
        notes.push(format!(
            "turned {turned}° clockwise to read it (scanned {how})"
        ));
    }
    // (With words read again, when any were: text and boxes alike.)
    let (read_text, read_boxes) = match &reading.read_again {
        Some((text, boxes)) => (text, Some(boxes.as_str())),
        None => (&reading.text, reading.boxes.as_deref()),
    };
    // The lines of another line's marks go first, from the text and its glyph boxes alike:
    // their glyphs are no digits of the page.
    let kept = mark_lines::drop_marks(read_text, read_boxes, &reading.lines);
    let (text, boxes) = (kept.text, kept.glyph_boxes);
    let text = match boxes {
        Some(boxes) => {
            let read_image = turned_image.as_ref().unwrap_or(&image);
            // (Boxes are asked for where Tesseract read Thai digits.)
            let pass = DIGIT_PASS.time(|| digits::reread(read_image, &text, &boxes, true));
            if let Some(why) = pass.skipped {
                notes.push(format!("Thai digits left as Tesseract read them: {why}"));
            }
            pass.text
        }
        None => text,
    };
    let text = layout::with_paragraphs(&text, &kept.lines);
    Ok(Recognized {
        text,
        tesseract_text: reading.text,
        confidence: reading.confidence,
        words: reading.words,
        notes,
    })
}

/// A kind of word read again on a page ([`respell`]): the engine that read the page, the
/// page as read so far; the new text and boxes where any word was read again.
type Reread = fn(&mut Engine, &respell::Page) -> Result<Option<(String, String)>>;

/// One Tesseract reading of a page, with its glyph boxes when it holds Thai digits.
struct Reading {
    text: String,
    confidence: f32,
    /// The text lines' boxes, for the paragraphs ([`layout`]), with Tesseract's confidence in
    /// each line (for [`mark_lines`]).
    lines: Vec<(layout::LineBox, f32)>,
    words: Vec<(String, f32)>,
    /// Tesseract's glyph boxes, when the text holds Thai digits.
    boxes: Option<String>,
    /// The text and glyph boxes with words read again — a date's Latin words
    /// ([`date_words`]), Thai words before numbers read as Latin ([`number_words`]), Latin
    /// words read as digits ([`latin_words`]), Thai words with an Arabic digit among their
    /// letters ([`stray_digits`]) — where any were.
    read_again: Option<(String, String)>,
}

/// One Tesseract pass over an upright page.
fn read(image: &GrayImage, dpi: u32, words: bool) -> Result<Reading> {
    let mut engine = match POOL.idle.lock().ok().and_then(|mut v| v.pop()) {
        Some(e) => e,
        None => new_engine()?,
    };
    let mut reusable = true;
    let reading = TESSERACT.time(|| -> Result<Reading> {
        engine.set_image(image, dpi)?;
        engine.recognize()?;
        let text = engine.text()?;
        let confidence = engine.mean_confidence();
        let words = if words { engine.words() } else { Vec::new() };
        let lines = engine.line_boxes();
        let boxes = if text.chars().any(|c| ('๐'..='๙').contains(&c)) {
            let boxes = GLYPH_BOXES.time(|| engine.glyph_boxes())?;
            Some(digits::fitted_to(&text, &boxes).unwrap_or(boxes))
        } else {
            None
        };
        // Words read again, one kind after another, each on the text and boxes the one
        // before left. (A failure leaves the page as read so far, and the engine, whose
        // settings it may have left changed, is not reused.)
        let mut read_again: Option<(String, String)> = None;
        if let Some(boxes) = &boxes {
            let steps: [(&Counter, Reread); 4] = [
                (&DATE_WORDS, date_words::reread),
                (&NUMBER_WORDS, number_words::reread),
                (&LATIN_WORDS, latin_words::reread),
                (&STRAY_DIGITS, stray_digits::reread),
            ];
            for (counter, step) in steps {
                let (text, boxes) = read_again
                    .as_ref()
                    .map_or((text.as_str(), boxes.as_str()), |(t, b)| {
                        (t.as_str(), b.as_str())
                    });
                let page = respell::Page {
                    image,
                    dpi,
                    text,
                    boxes,
                    mode: PAGE_SEG_MODE,
                };
                match counter.time(|| step(&mut engine, &page)) {
                    Ok(Some(new)) => read_again = Some(new),
                    Ok(None) => {}
                    Err(_) => {
                        reusable = false;
                        break;
                    }
                }
            }
        }
        engine.clear();
        Ok(Reading {
            text,
            confidence,
            lines,
            words,
            boxes,
            read_again,
        })
    });
    // An engine that failed on a page is dropped rather than reused.
    if reading.is_ok() && reusable {
        if let Ok(mut idle) = POOL.idle.lock() {
            idle.push(engine);
        }
    }
    reading
}

/// Drops the idle engines. Call before the process exits: Tesseract reports engines still
/// alive at exit as leaks on stderr.
pub fn release_engines() {
    if let Ok(mut idle) = POOL.idle.lock() {
        idle.clear();
    }
    orientation::release();
}
