//! One PDF image XObject (or inline image) decoded to 8-bit grayscale at its native
//! resolution: DCTDecode (JPEG, CMYK included) through `image`, CCITTFaxDecode (G4, and G3
//! 1-D or 2-D) through `hayro-ccitt`, JPXDecode (JPEG 2000) through `hayro-jpeg2000`, JBIG2Decode (with its
//! `/JBIG2Globals`) through `hayro-jbig2`, and raw samples after lopdf's transport filters
//! (Flate with PNG/TIFF predictors, LZW, ASCII85/Hex, RunLength) in Gray, RGB, CMYK,
//! ICCBased, Indexed and Separation colour spaces at 1–16 bits, `/Decode [1 0]` and stencil
//! masks honoured.
//!
//! An image that cannot be decoded is an error that names its filter; the caller fails that
//! page only.

use std::borrow::Cow;

use image::GrayImage;
use lopdf::{Dictionary, Object, Stream};

use super::pdf::MAX_DECODED;
use super::raster::{samples, Colour};
use crate::error::{Error, Result};

/// The largest side a page image may have; real scans are below 15,000 pixels.
const MAX_SIDE: i64 = 30_000;
/// The most pixels a page image may have: an A4 page at 1,200 dpi has 139 million. A file
/// that claims more gets an error, not a gigabyte allocated for it.
const MAX_PIXELS: i64 = 150_000_000;

/// An image's size, when it is one a page can have.
fn in_range(width: i64, height: i64, what: &str) -> Result<(u32, u32)> {
    let sides = (1..=MAX_SIDE).contains(&width) && (1..=MAX_SIDE).contains(&height);
    if !sides || width * height > MAX_PIXELS {
        return Err(err(format!(
            "{what} of {width}×{height} pixels is out of range"
        )));
    }
    Ok((width as u32, height as u32))
}

fn err(msg: impl Into<String>) -> Error {
    Error::Pdf(msg.into())
}

/// A dictionary entry under its full name or the abbreviation inline images use.
fn entry<'a>(
    pdf: &'a lopdf::Document,
    dict: &'a Dictionary,
    full: &[u8],
    short: &[u8],
) -> Option<&'a Object> {
    let o = dict.get(full).or_else(|_| dict.get(short)).ok()?;
    pdf.dereference(o).ok().map(|(_, o)| o)
}

fn int(o: Option<&Object>) -> Option<i64> {
    match o? {
        Object::Integer(i) => Some(*i),
        Object::Real(r) => Some(*r as i64),
        _ => None,
    }
}

/// Inline images abbreviate filter names.
fn filter_name(name: &[u8]) -> &[u8] {
    match name {
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"Fl" => b"FlateDecode",
        b"RL" => b"RunLengthDecode",
        b"CCF" => b"CCITTFaxDecode",
        b"DCT" => b"DCTDecode",
        other => other,
    }
}

/// A PDF colour space, as far as grayscale conversion needs it.
fn colour_space(pdf: &lopdf::Document, o: Option<&Object>) -> Result<Colour> {
    let Some(o) = o else { return Ok(Colour::Gray) };
    let o = pdf
        .dereference(o)
        .map(|(_, o)| o)
        .map_err(|e| err(e.to_string()))?;
    let name_of = |o: &Object| o.as_name().ok().map(<[u8]>::to_vec);
    if let Some(name) = name_of(o) {
        return match name.as_slice() {
            b"DeviceGray" | b"G" | b"CalGray" => Ok(Colour::Gray),
            b"DeviceRGB" | b"RGB" | b"CalRGB" => Ok(Colour::Rgb),
            b"DeviceCMYK" | b"CMYK" => Ok(Colour::Cmyk),
            other => Err(err(format!(
                "unsupported colour space {}",
                String::from_utf8_lossy(other)
            ))),
        };
    }
    let arr = o.as_array().map_err(|_| err("malformed colour space"))?;
    let family = arr.first().and_then(name_of).unwrap_or_default();
    match family.as_slice() {
        b"ICCBased" => {
            let stream = arr
                .get(1)
                .and_then(|s| pdf.dereference(s).ok())
                .and_then(|(_, s)| s.as_stream().ok())
                .ok_or_else(|| err("malformed ICCBased colour space"))?;
            match int(stream.dict.get(b"N").ok()) {
                Some(1) => Ok(Colour::Gray),
                Some(3) => Ok(Colour::Rgb),
                Some(4) => Ok(Colour::Cmyk),
                n => Err(err(format!("ICCBased colour space with N = {n:?}"))),
            }
        }
        b"CalGray" => Ok(Colour::Gray),
        b"CalRGB" => Ok(Colour::Rgb),
        b"Separation" => Ok(Colour::Tint),
        b"Indexed" | b"I" => {
            let base = colour_space(pdf, arr.get(1))?;
            let hival = int(arr.get(2)).filter(|h| (0..=255).contains(h));
            let lookup = arr
                .get(3)
                .and_then(|l| pdf.dereference(l).ok())
                .map(|(_, l)| l);
            let lookup = match lookup {
                Some(Object::String(bytes, _)) => bytes.clone(),
                Some(Object::Stream(s)) => s
                    .decompressed_content_with_limit(1 << 16)
                    .unwrap_or_else(|_| s.content.clone()),
                _ => return Err(err("malformed Indexed colour space")),
            };
            let hival = hival.ok_or_else(|| err("malformed Indexed colour space"))? as usize;
            Ok(Colour::Indexed {
                base: Box::new(base),
                hival,
                lookup,
            })
        }
        other => Err(err(format!(
            "unsupported colour space {}",
            String::from_utf8_lossy(other)
        ))),
    }
}

/// A decoded image and what a reader should know about it (data cut short, read as far as
/// it goes).
pub struct Decoded {
    pub image: GrayImage,
    pub note: Option<String>,
}

/// Whether JPEG data ends with its end-of-image marker (trailing padding allowed).
fn jpeg_complete(data: &[u8]) -> bool {
    let tail = &data[data.len().saturating_sub(64)..];
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Decodes one image stream.
pub fn decode(stream: &Stream, pdf: &lopdf::Document) -> Result<Decoded> {
    let dict = &stream.dict;
    let width = int(entry(pdf, dict, b"Width", b"W")).unwrap_or(0);
    let height = int(entry(pdf, dict, b"Height", b"H")).unwrap_or(0);
    let (w, h) = in_range(width, height, "an image")?;
    let mask = matches!(
        entry(pdf, dict, b"ImageMask", b"IM"),
        Some(Object::Boolean(true))
    );
    let inverted = entry(pdf, dict, b"Decode", b"D")
        .and_then(|d| d.as_array().ok())
        .and_then(|d| d.first().zip(d.get(1)))
        .is_some_and(|(lo, hi)| int(Some(lo)).unwrap_or(0) > int(Some(hi)).unwrap_or(1));

    let filters: Vec<Vec<u8>> = match entry(pdf, dict, b"Filter", b"F") {
        None => Vec::new(),
        Some(Object::Name(n)) => vec![filter_name(n).to_vec()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|f| f.as_name().ok().map(|n| filter_name(n).to_vec()))
            .collect(),
        Some(_) => return Err(err("malformed /Filter")),
    };
    let codec = filters
        .last()
        .filter(|f| {
            matches!(
                f.as_slice(),
                b"DCTDecode" | b"CCITTFaxDecode" | b"JPXDecode" | b"JBIG2Decode"
            )
        })
        .cloned();
    // Transport filters before an image codec are undone first, by lopdf. With no filter,
    // or the codec alone, the stream's bytes are used where they lie.
    let data: Cow<[u8]> = if filters.is_empty() || (codec.is_some() && filters.len() == 1) {
        Cow::Borrowed(&stream.content)
    } else {
        let undone = if codec.is_some() {
            // Only the transport filters before the codec: a stream of their own.
            let mut dict = stream.dict.clone();
            let rest: Vec<Object> = filters[..filters.len() - 1]
                .iter()
                .map(|f| Object::Name(f.clone()))
                .collect();
            dict.set("Filter", Object::Array(rest));
            dict.remove(b"DecodeParms");
            Stream::new(dict, stream.content.clone()).decompressed_content_with_limit(MAX_DECODED)
        } else {
            stream.decompressed_content_with_limit(MAX_DECODED)
        };
        Cow::Owned(undone.map_err(|e| {
            err(format!(
                "cannot undo the {} filter: {e}",
                String::from_utf8_lossy(&filters[0])
            ))
        })?)
    };

    let mut note = None;
    let mut img = match codec.as_deref() {
        Some(b"DCTDecode") => {
            let decoded = image::load_from_memory_with_format(&data, image::ImageFormat::Jpeg)
                .map_err(|e| err(format!("DCTDecode (JPEG) image: {e}")))?;
            if !jpeg_complete(&data) {
                note = Some("the JPEG image is cut short: read as far as it goes".to_string());
            }
            decoded.to_luma8()
        }
        Some(b"CCITTFaxDecode") => {
            let parms = entry(pdf, dict, b"DecodeParms", b"DP").and_then(|p| match p {
                Object::Dictionary(d) => Some(d),
                Object::Array(a) => a.last().and_then(|p| p.as_dict().ok()),
                _ => None,
            });
            ccitt(&data, w, h, parms, pdf)?
        }
        Some(b"JPXDecode") => jpx(&data)?,
        Some(b"JBIG2Decode") => {
            let globals = entry(pdf, dict, b"DecodeParms", b"DP")
                .and_then(|p| match p {
                    Object::Dictionary(d) => Some(d),
                    Object::Array(a) => a.last().and_then(|p| p.as_dict().ok()),
                    _ => None,
                })
                .and_then(|p| p.get(b"JBIG2Globals").ok())
                .and_then(|g| pdf.dereference(g).ok())
                .and_then(|(_, g)| g.as_stream().ok())
                .map(|g| {
                    g.decompressed_content_with_limit(MAX_DECODED)
                        .unwrap_or_else(|_| g.content.clone())
                });
            jbig2(&data, globals.as_deref())?
        }
        Some(other) => {
            return Err(err(format!(
                "{} images are not supported (no decoder in this build)",
                String::from_utf8_lossy(other)
            )))
        }
        None => {
            let bpc = if mask {
                1
            } else {
                int(entry(pdf, dict, b"BitsPerComponent", b"BPC")).unwrap_or(8)
            };
            let colour = if mask {
                Colour::Gray
            } else {
                colour_space(pdf, entry(pdf, dict, b"ColorSpace", b"CS"))?
            };
            samples(&data, w, h, bpc, &colour)?
        }
    };
    // JPEG and JPEG 2000 data are authoritative about their own size; the dictionary may be
    // stale.
    let self_describing = matches!(codec.as_deref(), Some(b"DCTDecode" | b"JPXDecode"));
    if img.dimensions() != (w, h) && !self_describing {
        return Err(err("decoded image size differs from its dictionary"));
    }
    // A stencil mask paints where its sample is 0 (or 1 with /Decode [1 0]): painted is
    // black, the rest white. JPEG 2000 carries its own colour and ignores /Decode.
    if inverted && codec.as_deref() != Some(b"JPXDecode") {
        image::imageops::invert(&mut img);
    }
    Ok(Decoded { image: img, note })
}

/// CCITT fax data (Group 4, Group 3 1-D or mixed 1-D/2-D; end-of-line codes, byte-aligned
/// rows and end-of-block as `/DecodeParms` says) to gray: black 0, white 255 — before
/// `/Decode`.
fn ccitt(
    data: &[u8],
    w: u32,
    h: u32,
    parms: Option<&Dictionary>,
    pdf: &lopdf::Document,
) -> Result<GrayImage> {
    let get = |k: &[u8]| parms.and_then(|p| entry(pdf, p, k, k));
    let flag = |k: &[u8], default: bool| match get(k) {
        Some(Object::Boolean(b)) => *b,
        _ => default,
    };
    let k = int(get(b"K")).unwrap_or(0);
    let columns = int(get(b"Columns")).unwrap_or(1728);
    if columns != i64::from(w) {
        return Err(err(format!(
            "CCITTFaxDecode: /Columns {columns} does not match the width {w}"
        )));
    }
    let settings = hayro_ccitt::DecodeSettings {
        columns: w,
        rows: h,
        end_of_block: flag(b"EndOfBlock", true),
        end_of_line: flag(b"EndOfLine", false),
        rows_are_byte_aligned: flag(b"EncodedByteAlign", false),
        encoding: match k {
            k if k < 0 => hayro_ccitt::EncodingMode::Group4,
            0 => hayro_ccitt::EncodingMode::Group3_1D,
            _ => hayro_ccitt::EncodingMode::Group3_2D,
        },
        strict: false,
    };
    let mut rows = FaxRows {
        image: GrayImage::from_pixel(w, h, image::Luma([255])),
        y: 0,
        black_is_1: flag(b"BlackIs1", false),
    };
    let decoded = hayro_ccitt::decode(
        data,
        &mut rows,
        &mut hayro_ccitt::DecoderContext::new(settings),
    );
    // Rows decoded before a fault are kept (the rest stays white); none is an error.
    if let (Err(e), 0) = (decoded, rows.y) {
        return Err(err(format!(
            "CCITTFaxDecode: the fax data is corrupt ({e:?})"
        )));
    }
    Ok(rows.image)
}

/// Receives fax rows as colour changes and paints them.
struct FaxRows {
    image: GrayImage,
    y: u32,
    black_is_1: bool,
}

impl hayro_ccitt::Decoder for FaxRows {
    fn push_row(&mut self, changes: &[u32]) {
        let (w, h) = self.image.dimensions();
        if self.y >= h {
            return;
        }
        // The filter writes 0 for black unless /BlackIs1; DeviceGray 0 is black.
        let (black, white) = if self.black_is_1 { (255, 0) } else { (0, 255) };
        let row = self.y as usize * w as usize;
        let pixels: &mut [u8] = &mut self.image;
        let line = &mut pixels[row..row + w as usize];
        line.fill(white);
        // Each row starts white; pairs of changes bound the black runs.
        for run in changes.chunks(2) {
            let from = (run[0] as usize).min(line.len());
            let to = run
                .get(1)
                .map_or(line.len(), |&t| (t as usize).min(line.len()));
            line[from..to.max(from)].fill(black);
        }
        self.y += 1;
    }
}

/// One JPEG 2000 decode at a time: decoding a 300-dpi page takes ≈ 270 MB at its peak (the
/// decoder's planes are 32-bit), and two at once made a batch's peak memory grow with the
/// number of JPX files in it (277 MB for 18 pages, 434 MB for 144). Pages of other kinds
/// go on meanwhile; only a second JPX page waits.
static JPX_DECODE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// JPEG 2000 data (a JP2 file or a bare codestream) to gray, through its own colour space.
fn jpx(data: &[u8]) -> Result<GrayImage> {
    // A decode that panicked poisons nothing we rely on: the lock guards no data.
    let _one_at_a_time = JPX_DECODE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let jpx_err = |e: &dyn std::fmt::Display| err(format!("JPXDecode (JPEG 2000) image: {e}"));
    let settings = hayro_jpeg2000::DecodeSettings::default();
    let image = hayro_jpeg2000::Image::new(data, &settings).map_err(|e| jpx_err(&e))?;
    let (w, h) = in_range(
        i64::from(image.width()),
        i64::from(image.height()),
        "a JPEG 2000 image",
    )?;
    let alpha = usize::from(image.has_alpha());
    let channels = usize::from(image.color_space().num_channels());
    let colour = match channels {
        1 => Colour::Gray,
        3 => Colour::Rgb,
        4 => Colour::Cmyk,
        n => {
            return Err(err(format!(
                "JPXDecode (JPEG 2000) image with {n} colour channels"
            )))
        }
    };
    let mut context = hayro_jpeg2000::DecoderContext::default();
    let decoded = image.decode(&mut context).map_err(|e| jpx_err(&e))?;
    let mut samples_8 = decoded.data_u8();
    if alpha > 0 {
        // Interleaved with the alpha sample last: keep the colour samples.
        let step = channels + alpha;
        samples_8 = samples_8
            .chunks_exact(step)
            .flat_map(|px| px[..channels].iter().copied())
            .collect();
    }
    samples(&samples_8, w, h, 8, &colour)
}

/// A JBIG2 page (PDF's embedded organisation, with the shared `/JBIG2Globals` segments) to
/// gray. As the filter's output, 0 is black: DeviceGray's convention, before `/Decode`.
fn jbig2(data: &[u8], globals: Option<&[u8]>) -> Result<GrayImage> {
    let jbig2_err = |e: &dyn std::fmt::Display| err(format!("JBIG2Decode image: {e}"));
    let settings = hayro_jbig2::DecodeSettings::default();
    let globals = globals
        .map(|g| hayro_jbig2::Globals::new(g, &settings))
        .transpose()
        .map_err(|e| jbig2_err(&e))?;
    let page = hayro_jbig2::Page::new_embedded(data, globals.as_ref(), &settings)
        .map_err(|e| jbig2_err(&e))?;
    let (w, h) = in_range(
        i64::from(page.width()),
        i64::from(page.height()),
        "a JBIG2 image",
    )?;
    let mut sink = GraySink {
        pixels: Vec::with_capacity(w as usize * h as usize),
        width: w as usize,
        row_start: 0,
    };
    page.decode(&mut sink).map_err(|e| jbig2_err(&e))?;
    sink.pixels.resize(w as usize * h as usize, 255);
    GrayImage::from_raw(w, h, sink.pixels).ok_or_else(|| err("JBIG2Decode: image size"))
}

/// Receives a JBIG2 page's pixels row by row.
struct GraySink {
    pixels: Vec<u8>,
    width: usize,
    row_start: usize,
}

impl hayro_jbig2::Decoder for GraySink {
    fn push_pixel(&mut self, black: bool) {
        if self.pixels.len() < self.row_start + self.width {
            self.pixels.push(if black { 0 } else { 255 });
        }
    }
    fn push_pixel_chunk(&mut self, black: bool, chunk_count: u32) {
        let room = (self.row_start + self.width).saturating_sub(self.pixels.len());
        let n = (chunk_count as usize * 8).min(room);
        self.pixels
            .extend(std::iter::repeat_n(if black { 0 } else { 255 }, n));
    }
    fn next_line(&mut self) {
        // A short row is padded white; the next starts a full width on.
        self.pixels.resize(self.row_start + self.width, 255);
        self.row_start += self.width;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_images_are_bounded_in_sides_and_in_pixels() {
        assert_eq!(in_range(2480, 3508, "a page").ok(), Some((2480, 3508)));
        assert!(in_range(0, 10, "a page").is_err());
        assert!(in_range(40_000, 10, "a page").is_err());
        // Each side allowed, the whole too large: 400 million pixels.
        let e = in_range(20_000, 20_000, "a JBIG2 image").map(|_| ());
        assert!(
            matches!(&e, Err(Error::Pdf(m)) if m.contains("20000×20000")),
            "{e:?}"
        );
    }
}
