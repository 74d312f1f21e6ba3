//! Raw image samples (any bit depth, a few colour models) to 8-bit grayscale: what PDF image
//! streams and TIFF strips both hold once their compression is undone.

use image::GrayImage;

use crate::error::{Error, Result};

fn err(msg: impl Into<String>) -> Error {
    Error::Image(msg.into())
}

/// The colour model of the samples, reduced to what grayscale conversion needs.
#[derive(Debug, Clone)]
pub enum Colour {
    Gray,
    Rgb,
    Cmyk,
    /// RGB with an alpha sample after it (TIFF), the alpha ignored.
    RgbAlpha,
    /// One tint component where 1 is full ink (dark).
    Tint,
    Indexed {
        base: Box<Colour>,
        hival: usize,
        lookup: Vec<u8>,
    },
}

impl Colour {
    pub fn components(&self) -> usize {
        match self {
            Colour::Gray | Colour::Tint | Colour::Indexed { .. } => 1,
            Colour::Rgb => 3,
            Colour::Cmyk | Colour::RgbAlpha => 4,
        }
    }

    /// Gray value (0 black … 255 white) of one pixel's components, each 0–255.
    pub fn gray(&self, c: &[u8]) -> u8 {
        match self {
            Colour::Gray => c[0],
            Colour::Tint => 255 - c[0],
            Colour::Rgb | Colour::RgbAlpha => luma(c[0], c[1], c[2]),
            Colour::Cmyk => {
                let k = u16::from(c[3]);
                let ink = |v: u8| 255 - (u16::from(v) + k).min(255) as u8;
                luma(ink(c[0]), ink(c[1]), ink(c[2]))
            }
            Colour::Indexed { .. } => c[0],
        }
    }
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000) as u8
}

/// Unpacks raw samples of `bpc` bits per component.
pub fn samples(data: &[u8], w: u32, h: u32, bpc: i64, colour: &Colour) -> Result<GrayImage> {
    if !matches!(bpc, 1 | 2 | 4 | 8 | 16) {
        return Err(err(format!("{bpc} bits per component")));
    }
    let bpc = bpc as usize;
    let comps = colour.components();
    let row_bytes = (w as usize * comps * bpc).div_ceil(8);
    let needed = row_bytes * h as usize;
    if data.len() < needed {
        return Err(err(format!(
            "image data is truncated ({} of {needed} bytes)",
            data.len()
        )));
    }
    let max = (1u32 << bpc.min(8)) - 1;
    let mut out = GrayImage::new(w, h);
    let mut px = vec![0u8; comps];
    for (y, row) in data.chunks(row_bytes).take(h as usize).enumerate() {
        for x in 0..w as usize {
            for (c, slot) in px.iter_mut().enumerate() {
                let i = x * comps + c;
                let v = match bpc {
                    8 => u32::from(row[i]),
                    16 => u32::from(row[2 * i]),
                    _ => {
                        let bit = i * bpc;
                        (u32::from(row[bit / 8]) >> (8 - bpc - bit % 8)) & max
                    }
                };
                *slot = if bpc >= 8 {
                    v as u8
                } else {
                    (v * 255 / max) as u8
                };
            }
            let g = match colour {
                Colour::Indexed {
                    base,
                    hival,
                    lookup,
                } => {
                    let index = (usize::from(px[0]) * max as usize / 255).min(*hival);
                    let n = base.components();
                    match lookup.get(index * n..index * n + n) {
                        Some(entry) => base.gray(entry),
                        None => 255,
                    }
                }
                _ => colour.gray(&px),
            };
            out.put_pixel(x as u32, y as u32, image::Luma([g]));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_samples_unpack() {
        // Two rows of 3 one-bit pixels: 101, 010 (0 is black in DeviceGray).
        let img = samples(&[0b1010_0000, 0b0100_0000], 3, 2, 1, &Colour::Gray).unwrap_or_default();
        let row = |y| (0..3).map(|x| img.get_pixel(x, y).0[0]).collect::<Vec<_>>();
        assert_eq!(row(0), vec![255, 0, 255]);
        assert_eq!(row(1), vec![0, 255, 0]);
        // RGB red and CMYK full black.
        let rgb = samples(&[255, 0, 0], 1, 1, 8, &Colour::Rgb).unwrap_or_default();
        assert_eq!(rgb.get_pixel(0, 0).0[0], 76);
        let cmyk = samples(&[0, 0, 0, 255], 1, 1, 8, &Colour::Cmyk).unwrap_or_default();
        assert_eq!(cmyk.get_pixel(0, 0).0[0], 0);
        // A two-entry palette of RGB black and white.
        let indexed = Colour::Indexed {
            base: Box::new(Colour::Rgb),
            hival: 1,
            lookup: vec![0, 0, 0, 255, 255, 255],
        };
        let img = samples(&[0b0100_0000], 2, 1, 1, &indexed).unwrap_or_default();
        assert_eq!(
            (img.get_pixel(0, 0).0[0], img.get_pixel(1, 0).0[0]),
            (0, 255)
        );
        assert!(
            samples(&[0], 8, 8, 8, &Colour::Gray).is_err(),
            "truncated data"
        );
    }
}
