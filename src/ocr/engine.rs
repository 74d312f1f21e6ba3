//! The system's libtesseract through its C API (`tesseract-sys`, the bindings the `tesseract`
//! crate is built on), wrapped in one safe type.
//!
//! The `tesseract` crate's wrapper hides the handle, and with it what prakat needs beyond the
//! text: per-glyph boxes (`GetBoxText`, which costs about 2% of a page's recognition where the
//! TSV output the crate offers costs 15%) and orientation detection (OSD). All unsafe code
//! of the OCR stage is in this file.

use std::ffi::{c_char, c_int, CStr, CString};
use std::ptr;

use image::GrayImage;
use tesseract_sys as sys;

use crate::error::{Error, Result};

/// One Tesseract instance. Not shareable between threads, but movable: a worker takes one
/// from a pool for a page and gives it back.
pub struct Engine {
    api: *mut sys::TessBaseAPI,
}

// SAFETY: a TessBaseAPI may move between threads; an Engine is used by one thread at a time
// (it is owned by a pool's mutex or by the worker holding it), never shared.
unsafe impl Send for Engine {}

fn ocr_err(msg: impl Into<String>) -> Error {
    Error::Ocr(msg.into())
}

/// Takes ownership of a string Tesseract allocated.
///
/// SAFETY: `p` must be null or a NUL-terminated string from Tesseract, not freed elsewhere.
unsafe fn take_text(p: *mut c_char) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: per this function's contract.
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    // SAFETY: the pointer came from Tesseract and is freed once, here.
    unsafe { sys::TessDeleteText(p) };
    Some(s)
}

impl Engine {
    /// An engine for `languages` (e.g. `tha+eng`, or `osd`), its debug output silenced.
    pub fn new(languages: &str) -> Result<Engine> {
        let lang = CString::new(languages).map_err(|e| ocr_err(e.to_string()))?;
        // SAFETY: Create returns a fresh handle that Drop deletes; Init3 reads the C strings
        // only during the call.
        let engine = unsafe {
            let api = sys::TessBaseAPICreate();
            if api.is_null() {
                return Err(ocr_err("cannot create a Tesseract instance"));
            }
            let engine = Engine { api };
            if sys::TessBaseAPIInit3(api, ptr::null(), lang.as_ptr()) != 0 {
                return Err(ocr_err(format!(
                    "cannot start Tesseract with '{languages}': install tesseract-ocr-tha and tesseract-ocr-osd (scripts/install-deps.sh)"
                )));
            }
            engine
        };
        engine.set_variable(c"debug_file", c"/dev/null")?;
        Ok(engine)
    }

    pub fn set_variable(&self, name: &CStr, value: &CStr) -> Result<()> {
        // SAFETY: the handle is live; the strings are read during the call only.
        let ok = unsafe { sys::TessBaseAPISetVariable(self.api, name.as_ptr(), value.as_ptr()) };
        if ok == 0 {
            return Err(ocr_err(format!(
                "Tesseract refused {}={}",
                name.to_string_lossy(),
                value.to_string_lossy()
            )));
        }
        Ok(())
    }

    /// Hands a page over (Tesseract copies the pixels) with its resolution.
    pub fn set_image(&mut self, img: &GrayImage, dpi: u32) -> Result<()> {
        let (w, h) = img.dimensions();
        let (Ok(wi), Ok(hi)) = (c_int::try_from(w), c_int::try_from(h)) else {
            return Err(ocr_err(format!(
                "a {w}×{h} page is too large for Tesseract"
            )));
        };
        // SAFETY: the buffer holds h rows of w bytes and outlives the call, which copies it.
        unsafe {
            sys::TessBaseAPISetImage(self.api, img.as_raw().as_ptr(), wi, hi, 1, wi);
            sys::TessBaseAPISetSourceResolution(self.api, dpi.min(c_int::MAX as u32) as c_int);
        }
        Ok(())
    }

    pub fn recognize(&mut self) -> Result<()> {
        // SAFETY: the handle is live; no progress monitor is passed.
        if unsafe { sys::TessBaseAPIRecognize(self.api, ptr::null_mut()) } != 0 {
            return Err(ocr_err("Tesseract could not recognise the page"));
        }
        Ok(())
    }

    /// The recognised text.
    pub fn text(&mut self) -> Result<String> {
        // SAFETY: the handle is live; the returned string is Tesseract's to free.
        unsafe { take_text(sys::TessBaseAPIGetUTF8Text(self.api)) }
            .ok_or_else(|| ocr_err("Tesseract gave no text"))
    }

    /// Every recognised glyph with its box, one per line: `glyph left bottom right top page`
    /// (Tesseract's box-file format: y counted from the bottom of the image).
    pub fn glyph_boxes(&mut self) -> Result<String> {
        // SAFETY: as for `text`.
        unsafe { take_text(sys::TessBaseAPIGetBoxText(self.api, 0)) }
            .ok_or_else(|| ocr_err("Tesseract gave no glyph boxes"))
    }

    /// Visits each element at `level` (word, text line …) of the last recognition that holds
    /// text, in reading order, with its text, Tesseract's confidence in it and its box
    /// `[left, top, right, bottom]` (y downwards).
    fn each_at(
        &mut self,
        level: sys::TessPageIteratorLevel,
        mut visit: impl FnMut(String, f32, [i32; 4]),
    ) {
        // SAFETY: the iterator walks this engine's last result, which stays alive until
        // `clear`; it is deleted here, once. The page iterator is a view of it, not a
        // separate object to delete. Each text is freed by `take_text`.
        unsafe {
            let it = sys::TessBaseAPIGetIterator(self.api);
            if it.is_null() {
                return;
            }
            let page = sys::TessResultIteratorGetPageIterator(it);
            loop {
                if let Some(text) = take_text(sys::TessResultIteratorGetUTF8Text(it, level)) {
                    let (mut l, mut t, mut r, mut b) = (0, 0, 0, 0);
                    if !text.trim().is_empty()
                        && !page.is_null()
                        && sys::TessPageIteratorBoundingBox(
                            page, level, &mut l, &mut t, &mut r, &mut b,
                        ) != 0
                    {
                        let confidence = sys::TessResultIteratorConfidence(it, level);
                        visit(text, confidence, [l, t, r, b]);
                    }
                }
                if sys::TessResultIteratorNext(it, level) == 0 {
                    break;
                }
            }
            sys::TessResultIteratorDelete(it);
        }
    }

    /// Each word of the last recognition as Tesseract wrote it, with its confidence in it
    /// (0–100), in reading order.
    pub fn words(&mut self) -> Vec<(String, f32)> {
        let mut out = Vec::new();
        self.each_at(
            sys::TessPageIteratorLevel_RIL_WORD,
            |text, confidence, _| {
                out.push((text, confidence));
            },
        );
        out
    }

    /// The box of each text line of the last recognition that holds text, in reading order
    /// (the order `text` writes its lines in): `[left, top, right, bottom]`, y downwards;
    /// with Tesseract's confidence in the line (0–100).
    pub fn line_boxes(&mut self) -> Vec<([i32; 4], f32)> {
        let mut out = Vec::new();
        self.each_at(sys::TessPageIteratorLevel_RIL_TEXTLINE, |_, c, b| {
            out.push((b, c))
        });
        out
    }

    /// Mean word confidence of the last recognition, 0–100.
    pub fn mean_confidence(&mut self) -> f32 {
        // SAFETY: the handle is live.
        unsafe { sys::TessBaseAPIMeanTextConf(self.api) as f32 }
    }

    /// Orientation detection (an engine made for `osd`): the page's orientation in degrees
    /// counter-clockwise and OSD's confidence, or `None` when it cannot tell.
    pub fn detect_orientation(&mut self) -> Option<(i32, f32)> {
        let mut deg: c_int = 0;
        let mut conf: f32 = 0.0;
        let mut script: *const c_char = ptr::null();
        let mut script_conf: f32 = 0.0;
        // SAFETY: the out-pointers point at locals; the script name is static in Tesseract.
        let ok = unsafe {
            sys::TessBaseAPIDetectOrientationScript(
                self.api,
                &mut deg,
                &mut conf,
                &mut script,
                &mut script_conf,
            )
        };
        (ok != 0).then_some((deg, conf))
    }

    /// Drops the page and its results (the engine and its models stay loaded).
    pub fn clear(&mut self) {
        // SAFETY: the handle is live.
        unsafe { sys::TessBaseAPIClear(self.api) };
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // SAFETY: the handle came from TessBaseAPICreate and is ended and deleted once.
        unsafe {
            sys::TessBaseAPIEnd(self.api);
            sys::TessBaseAPIDelete(self.api);
        }
    }
}
