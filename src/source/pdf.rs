//! PDF pages, read with lopdf: a page's text layer when it holds real text, else the images the
//! page draws, taken at their native resolution (no re-rendering) and composed as placed.
//!
//! lopdf's own `get_page_images` skips Form XObjects and inline images and ignores where an
//! image is drawn, so the page walker here follows the content stream itself: `q`/`Q`/`cm` for
//! the transformation, `Do` into images and Form XObjects (with their own resources and
//! matrix), and `BI` inline images. Scanners draw one image per page, sometimes several strips;
//! a page whose only image fills it axis-aligned is handed over as it is, anything else is
//! composited onto a white page at the finest image's resolution.

use std::borrow::Cow;

use image::GrayImage;
use lopdf::content::Content;
use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::image::PageImage;
use super::pdf_image;
use crate::error::{Error, Result};

/// The most bytes one decoded stream (content or image) may take: a guard against
/// decompression bombs that still fits a 600-dpi A3 colour scan.
pub(crate) const MAX_DECODED: usize = 256 << 20;
/// The most pixels a composited page may have (≈ A4 at 1200 dpi).
const MAX_CANVAS_PIXELS: u64 = 140_000_000;
/// Form XObjects nest; a cycle must not recurse for ever.
const MAX_FORM_DEPTH: usize = 12;
/// `/Parent` chains are short in real files; a loop must not hang.
const MAX_PARENT_DEPTH: usize = 64;

/// A PDF opened for reading page by page: pages are decoded one at a time, on demand, so a
/// long document never holds more than the pages being worked on.
pub struct PdfFile {
    pdf: lopdf::Document,
    /// Page numbers (1-based, as lopdf names them) and their objects, in order.
    pages: Vec<(u32, ObjectId)>,
}

/// What one page gives: its text layer, an image to OCR, or the news that it must be drawn
/// to be read, and why (text in a font without a Unicode map, or text turned into outlines,
/// and no image: see `render`).
pub enum PdfPage {
    Text(String),
    Image(PageImage),
    Render(&'static str),
}

/// Filled shapes from which a page without text or images is taken for text drawn as
/// outlines (a page of it fills hundreds: 557 for the outlined fixture page) rather than a
/// blank page with a rule or a small emblem on it.
const OUTLINED_TEXT_FILLS: usize = 50;

/// An image drawn on the page and the transformation that places its unit square.
struct Placed<'a> {
    ctm: Matrix,
    stream: Cow<'a, Stream>,
}

/// A PDF transformation matrix `[a b c d e f]`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` applied first, then `outer` (PDF's `cm` pre-multiplies the current matrix).
    fn then(self, outer: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = outer.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn inverse(self) -> Option<Matrix> {
        let [a, b, c, d, e, f] = self.0;
        let det = a * d - b * c;
        if det.abs() < 1e-12 || !det.is_finite() {
            return None;
        }
        Some(Matrix([
            d / det,
            -b / det,
            -c / det,
            a / det,
            (c * f - d * e) / det,
            (b * e - a * f) / det,
        ]))
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        if ops.len() != 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = number(o)?;
        }
        Some(Matrix(m))
    }
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

fn pdf_err(e: impl std::fmt::Display) -> Error {
    Error::Pdf(e.to_string())
}

impl PdfFile {
    pub fn open(bytes: &[u8]) -> Result<Self> {
        let pdf =
            lopdf::Document::load_mem(bytes).map_err(|e| pdf_err(format!("unreadable: {e}")))?;
        if pdf.is_encrypted() {
            return Err(Error::Pdf("the file is encrypted".into()));
        }
        let pages: Vec<(u32, ObjectId)> = pdf.get_pages().into_iter().collect();
        if pages.is_empty() {
            return Err(Error::Pdf("the document has no pages".into()));
        }
        Ok(PdfFile { pdf, pages })
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Reads page `index` (0-based). An error here is this page's alone.
    pub fn page(&self, index: usize) -> Result<PdfPage> {
        let &(page_number, id) = self
            .pages
            .get(index)
            .ok_or_else(|| pdf_err(format!("no page {}", index + 1)))?;
        let page = self.pdf.get_dictionary(id).map_err(pdf_err)?;
        let media = self.media_box(page)?;
        let rotate = self
            .inherited(page, b"Rotate")
            .and_then(number)
            .map_or(0, |r| (r as i64).rem_euclid(360));
        let resources = self
            .inherited(page, b"Resources")
            .and_then(|r| r.as_dict().ok());
        let content = self
            .pdf
            .get_page_content_with_limit(id, MAX_DECODED)
            .map_err(|e| pdf_err(format!("page content: {e}")))?;
        let mut walk = Walk::default();
        self.walk(&content, resources, Matrix::IDENTITY, 0, &mut walk)?;

        if walk.shows_text {
            let text = self
                .pdf
                .extract_text_with_limit(&[page_number], MAX_DECODED)
                .unwrap_or_default();
            if readable_text_layer(&text) {
                return Ok(PdfPage::Text(text));
            }
        }
        if walk.images.is_empty() {
            if walk.shows_text {
                return Ok(PdfPage::Render("its text layer is not readable text"));
            }
            if walk.fills >= OUTLINED_TEXT_FILLS {
                return Ok(PdfPage::Render(
                    "it draws shapes, not text or images (text turned into outlines)",
                ));
            }
            return Err(pdf_err("the page is blank: no image and no text"));
        }
        let mut page_image = self.compose(&walk.images, media)?;
        page_image.image = match rotate {
            90 => image::imageops::rotate90(&page_image.image),
            180 => image::imageops::rotate180(&page_image.image),
            270 => image::imageops::rotate270(&page_image.image),
            _ => page_image.image,
        };
        Ok(PdfPage::Image(page_image))
    }

    fn deref<'a>(&'a self, o: &'a Object) -> Result<&'a Object> {
        self.pdf.dereference(o).map(|(_, o)| o).map_err(pdf_err)
    }

    /// A page attribute, looked up through `/Parent` as PDF lets pages inherit it.
    fn inherited<'a>(&'a self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let mut node = page;
        for _ in 0..MAX_PARENT_DEPTH {
            if let Ok(v) = node.get(key) {
                return self.deref(v).ok();
            }
            node = self.deref(node.get(b"Parent").ok()?).ok()?.as_dict().ok()?;
        }
        None
    }

    /// The page's box in points, `[x0, y0, x1, y1]`; a zero-size page is an error.
    fn media_box(&self, page: &Dictionary) -> Result<[f64; 4]> {
        let Some(arr) = self
            .inherited(page, b"MediaBox")
            .and_then(|o| o.as_array().ok())
        else {
            // PDF's default when a file omits it: US Letter.
            return Ok([0.0, 0.0, 612.0, 792.0]);
        };
        let v: Vec<f64> = arr
            .iter()
            .filter_map(|o| self.deref(o).ok().and_then(number))
            .collect();
        let [x0, y0, x1, y1] = v[..] else {
            return Err(pdf_err("the page's MediaBox is malformed"));
        };
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        if x1 - x0 < 1.0 || y1 - y0 < 1.0 {
            return Err(pdf_err("the page has zero size"));
        }
        Ok([x0, y0, x1, y1])
    }

    /// Follows a content stream, collecting the images it draws and whether it shows text.
    fn walk<'a>(
        &'a self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        base: Matrix,
        depth: usize,
        out: &mut Walk<'a>,
    ) -> Result<()> {
        let ops = Content::decode(content)
            .map_err(|e| pdf_err(format!("content stream: {e}")))?
            .operations;
        let mut ctm = base;
        let mut stack: Vec<Matrix> = Vec::new();
        let xobjects = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| self.deref(x).ok())
            .and_then(|x| x.as_dict().ok());
        for op in ops {
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(base),
                "cm" => {
                    if let Some(m) = Matrix::from_operands(&op.operands) {
                        ctm = m.then(ctm);
                    }
                }
                "Tj" | "TJ" | "'" | "\"" => out.shows_text = true,
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => out.fills += 1,
                "BI" => {
                    if let Some(Object::Stream(s)) = op.operands.into_iter().next() {
                        out.images.push(Placed {
                            ctm,
                            stream: Cow::Owned(s),
                        });
                    }
                }
                "Do" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some(obj) = xobjects
                        .and_then(|x| x.get(name).ok())
                        .and_then(|o| self.deref(o).ok())
                    else {
                        continue;
                    };
                    let Ok(stream) = obj.as_stream() else {
                        continue;
                    };
                    match stream.dict.get(b"Subtype").and_then(|s| s.as_name()) {
                        Ok(b"Image") => out.images.push(Placed {
                            ctm,
                            stream: Cow::Borrowed(stream),
                        }),
                        Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                            let matrix = stream
                                .dict
                                .get(b"Matrix")
                                .ok()
                                .and_then(|m| self.deref(m).ok())
                                .and_then(|m| m.as_array().ok())
                                .and_then(|m| Matrix::from_operands(m))
                                .unwrap_or(Matrix::IDENTITY);
                            let form_resources = stream
                                .dict
                                .get(b"Resources")
                                .ok()
                                .and_then(|r| self.deref(r).ok())
                                .and_then(|r| r.as_dict().ok())
                                .or(resources);
                            let body = stream
                                .decompressed_content_with_limit(MAX_DECODED)
                                .unwrap_or_else(|_| stream.content.clone());
                            self.walk(&body, form_resources, matrix.then(ctm), depth + 1, out)?;
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// One grayscale page from the images drawn on it.
    fn compose(&self, placed: &[Placed], media: [f64; 4]) -> Result<PageImage> {
        let mut notes = Vec::new();
        let mut decoded: Vec<GrayImage> = placed
            .iter()
            .map(|p| {
                pdf_image::decode(&p.stream, &self.pdf).map(|d| {
                    notes.extend(d.note);
                    d.image
                })
            })
            .collect::<Result<_>>()?;
        // The common case: one image filling the page upright — hand it over untouched.
        if let [p] = placed {
            let [a, b, c, d, _, _] = p.ctm.0;
            if b.abs() < 1e-6 && c.abs() < 1e-6 && a > 0.0 && d > 0.0 {
                if let Some(image) = decoded.pop() {
                    let dpi = image.width() as f64 / (a / 72.0);
                    return Ok(PageImage {
                        image,
                        dpi: clamp_dpi(dpi),
                        notes,
                    });
                }
            }
        }
        // Otherwise composite: the finest resolution any image has, over the area the images
        // cover within the page.
        let mut scale: f64 = 0.0; // pixels per point
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (p, img) in placed.iter().zip(&decoded) {
            let [a, b, c, d, _, _] = p.ctm.0;
            let (wpt, hpt) = ((a * a + b * b).sqrt(), (c * c + d * d).sqrt());
            if wpt > 0.0 && hpt > 0.0 {
                scale = scale
                    .max(img.width() as f64 / wpt)
                    .max(img.height() as f64 / hpt);
            }
            for (u, v) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                let (x, y) = p.ctm.apply(u, v);
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
        let (x0, y0) = (x0.max(media[0]), y0.max(media[1]));
        let (x1, y1) = (x1.min(media[2]), y1.min(media[3]));
        if !(scale > 0.0 && x1 > x0 && y1 > y0) {
            return Err(pdf_err("the page's images lie outside the page"));
        }
        let (w, h) = (((x1 - x0) * scale).round(), ((y1 - y0) * scale).round());
        if w < 1.0 || h < 1.0 || w * h > MAX_CANVAS_PIXELS as f64 {
            return Err(pdf_err(format!(
                "a composited page of {w}×{h} pixels is out of range"
            )));
        }
        let (w, h) = (w as u32, h as u32);
        let mut canvas = GrayImage::from_pixel(w, h, image::Luma([255]));
        for (p, img) in placed.iter().zip(&decoded) {
            paint(&mut canvas, img, p.ctm, [x0, y1], scale);
        }
        Ok(PageImage {
            image: canvas,
            dpi: clamp_dpi(scale * 72.0),
            notes,
        })
    }
}

fn clamp_dpi(dpi: f64) -> u32 {
    if dpi.is_finite() {
        dpi.round().clamp(70.0, 1200.0) as u32
    } else {
        300
    }
}

/// Paints one image onto the canvas (darken blend: scanned strips do not overlap, and the
/// white of a stencil mask must not cover what is under it), sampling nearest neighbours.
fn paint(canvas: &mut GrayImage, img: &GrayImage, ctm: Matrix, top_left: [f64; 2], scale: f64) {
    let Some(inv) = ctm.inverse() else { return };
    let (cw, ch) = canvas.dimensions();
    let (iw, ih) = (img.width() as f64, img.height() as f64);
    // The canvas rows and columns this image can reach.
    let (mut px0, mut py0, mut px1, mut py1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (u, v) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
        let (x, y) = ctm.apply(u, v);
        let (px, py) = ((x - top_left[0]) * scale, (top_left[1] - y) * scale);
        (px0, py0, px1, py1) = (px0.min(px), py0.min(py), px1.max(px), py1.max(py));
    }
    let cols = (px0.floor().max(0.0) as u32)..(px1.ceil().min(cw as f64) as u32);
    let rows = (py0.floor().max(0.0) as u32)..(py1.ceil().min(ch as f64) as u32);
    for py in rows {
        for px in cols.clone() {
            let x = top_left[0] + (px as f64 + 0.5) / scale;
            let y = top_left[1] - (py as f64 + 0.5) / scale;
            let (u, v) = inv.apply(x, y);
            if !(0.0..1.0).contains(&u) || !(0.0..1.0).contains(&v) {
                continue;
            }
            // Image row 0 is the top of the unit square (v = 1).
            let (ix, iy) = ((u * iw) as u32, ((1.0 - v) * ih) as u32);
            if ix < img.width() && iy < img.height() {
                let s = img.get_pixel(ix, iy).0[0];
                let c = canvas.get_pixel_mut(px, py);
                c.0[0] = c.0[0].min(s);
            }
        }
    }
}

#[derive(Default)]
struct Walk<'a> {
    images: Vec<Placed<'a>>,
    shows_text: bool,
    /// Path-filling operators met (`f`, `B` …).
    fills: usize,
}

/// Whether a page's extracted text layer is text a reader would recognise: enough of it, and
/// Thai that has Thai's shape (fonts without a usable Unicode map give Latin-1 mojibake,
/// private-use code points or control characters).
pub fn readable_text_layer(text: &str) -> bool {
    let visible: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if visible.len() < 20 {
        return false;
    }
    if visible.iter().any(|c| c.is_control() || *c == '\u{FFFD}') {
        return false;
    }
    if visible.iter().all(char::is_ascii) {
        let letters = visible.iter().filter(|c| c.is_ascii_alphanumeric()).count();
        return letters * 10 >= visible.len() * 6;
    }
    super::text::looks_thai(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_and_invert() {
        let scale = Matrix([2.0, 0.0, 0.0, 3.0, 0.0, 0.0]);
        let shift = Matrix([1.0, 0.0, 0.0, 1.0, 10.0, 20.0]);
        // Scale first, then shift.
        assert_eq!(scale.then(shift).apply(1.0, 1.0), (12.0, 23.0));
        assert_eq!(shift.then(scale).apply(1.0, 1.0), (22.0, 63.0));
        let m = scale.then(shift);
        let (x, y) = m.apply(0.25, 0.5);
        let (u, v) = m.inverse().map(|i| i.apply(x, y)).unwrap_or_default();
        assert!((u - 0.25).abs() < 1e-9 && (v - 0.5).abs() < 1e-9);
        assert!(Matrix([0.0; 6]).inverse().is_none());
    }

    #[test]
    fn text_layers_are_judged_by_their_shape() {
        assert!(readable_text_layer(
            "ประกาศจังหวัดภูเก็ต เรื่อง มาตรการป้องกันและแก้ไขปัญหาฝุ่นละออง"
        ));
        // The same words decoded as Latin-1 (a font without a Unicode map).
        assert!(!readable_text_layer(
            "»ÃÐ¡ÒÈ¨Ñ§ËÇÑ´À¾Ùà¡çµ àÃ×èÍ§ ÁÒµÃ¡ÒÃ»éÍ§¡Ñ¹áÅÐá¡éä¢»Ñ\u{AD}ËÒ½Ø¹ÅÐÍÍ§"
        ));
        assert!(!readable_text_layer("\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}\u{17}\u{18}\u{19}\u{1a}"));
        assert!(!readable_text_layer("สั้น"));
        assert!(readable_text_layer(
            "Announcement of the Phuket Provincial Office on dust"
        ));
    }
}
