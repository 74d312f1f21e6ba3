//! Reading one word of a page again, and putting the new reading into the page's text and
//! glyph boxes alike: what [`super::date_words`], [`super::number_words`] and
//! [`super::latin_words`] share.
//!
//! The digit pass ([`super::digits`]) that reads the page next needs the text and the boxes
//! in step (the n-th character other than whitespace has the n-th box), so a word's new
//! characters get boxes too: equal slices of the old word's.

use std::ffi::CStr;

use image::GrayImage;

use super::digits::{glyph_boxes, Rect};
use super::engine::Engine;
use crate::error::Result;

/// A page as the words read again see it: its image and dpi, its text and Tesseract's glyph
/// boxes (box-file form) so far, and the page-segmentation mode to set back after.
pub(crate) struct Page<'a> {
    pub(crate) image: &'a GrayImage,
    pub(crate) dpi: u32,
    pub(crate) text: &'a str,
    pub(crate) boxes: &'a str,
    pub(crate) mode: &'a CStr,
}

/// What a word's new reading is taken as: the text it now reads, and the rows its letters
/// take (`None`: its old boxes' rows).
pub(crate) type Taken = (String, Option<(u32, u32)>);

/// Reads `words` of a page again, each cut from the page and read as one line with only
/// `whitelist`'s characters allowed, by the engine that read the page (its segmentation mode
/// set back and its whitelist emptied after); `take` says, from a word's new reading and its
/// confidence (and the page's glyph boxes), what the word now reads, if anything. The new
/// text and boxes; `None` where no word was taken, or where the text and boxes were out of
/// step.
pub(crate) fn read_again<W>(
    engine: &mut Engine,
    page: &Page,
    whitelist: &CStr,
    words: Vec<(Span, W)>,
    mut take: impl FnMut(&W, &[(char, Rect)], &str, f32) -> Option<Taken>,
) -> Result<Option<(String, String)>> {
    if words.is_empty() {
        return Ok(None);
    }
    let (width, height) = page.image.dimensions();
    let glyphs = glyph_boxes(page.boxes, height);
    let visible = page.text.chars().filter(|c| !c.is_whitespace()).count();
    if visible != glyphs.len() {
        return Ok(None);
    }
    engine.set_variable(c"tessedit_pageseg_mode", c"7")?;
    engine.set_variable(c"tessedit_char_whitelist", whitelist)?;
    let mut taken: Vec<(Span, Taken)> = Vec::new();
    let mut failed = None;
    for (span, word) in &words {
        let Some(area) = span
            .boxes(page.text, &glyphs)
            .and_then(|own| word_area(own, width, height))
        else {
            continue;
        };
        match read_area(engine, page.image, page.dpi, area) {
            Ok((reading, confidence)) => {
                taken.extend(take(word, &glyphs, &reading, confidence).map(|t| (*span, t)))
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    engine.clear();
    engine.set_variable(c"tessedit_char_whitelist", c"")?;
    engine.set_variable(c"tessedit_pageseg_mode", page.mode)?;
    if let Some(e) = failed {
        return Err(e);
    }
    if taken.is_empty() {
        return Ok(None);
    }
    let replaced: Vec<Respelled> = taken
        .iter()
        .map(|(span, (with, rows))| (*span, with.as_str(), *rows))
        .collect();
    Ok(Some(splice(page.text, &glyphs, height, &replaced)))
}

/// A word of a page's text: its byte range, and the index of its first glyph box (the
/// characters other than whitespace before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) first_box: usize,
}

impl Span {
    /// The glyph boxes of the word's characters.
    pub(crate) fn boxes<'a>(
        &self,
        text: &str,
        boxes: &'a [(char, Rect)],
    ) -> Option<&'a [(char, Rect)]> {
        let n = text.get(self.start..self.end)?.chars().count();
        boxes.get(self.first_box..self.first_box + n)
    }
}

/// A word of a page's text: its byte offset, the word, and the index of its first glyph box.
pub(crate) type Word<'a> = (usize, &'a str, usize);

/// The words of `text`, line by line: each word's byte offset, the word, and the index of its
/// first glyph box (the characters other than whitespace before it); with each line, the
/// index one past its last box.
pub(crate) fn words_by_line(text: &str) -> Vec<(Vec<Word<'_>>, usize)> {
    let mut out = Vec::new();
    let mut visible = 0usize;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let mut words = Vec::new();
        let mut at = 0usize;
        for word in line.split_whitespace() {
            let offset = line[at..].find(word).map_or(at, |k| at + k);
            words.push((line_start + offset, word, visible));
            visible += word.chars().count();
            at = offset + word.len();
        }
        out.push((words, visible));
        line_start += line.len();
    }
    out
}

/// A word replaced: where it was, what it now reads, and the rows its new letters take
/// (`None`: its old boxes' rows).
pub(crate) type Respelled<'a> = (Span, &'a str, Option<(u32, u32)>);

/// The page area to read a word again in: its boxes' union, with room for the marks above
/// and below its letters (Latin boxes leave out where Thai vowels sit) and a little to each
/// side, inside the page.
fn word_area(boxes: &[(char, Rect)], width: u32, height: u32) -> Option<Rect> {
    let Rect { x0, y0, x1, y1 } = union(boxes)?;
    let h = y1.saturating_sub(y0).max(1);
    let area = Rect {
        x0: x0.saturating_sub(h / 3),
        y0: y0.saturating_sub(h / 2),
        x1: (x1 + h / 3).min(width.saturating_sub(1)),
        y1: (y1 + h / 3).min(height.saturating_sub(1)),
    };
    (area.x1 > area.x0 && area.y1 > area.y0).then_some(area)
}

/// The smallest box holding every one of `boxes`.
fn union(boxes: &[(char, Rect)]) -> Option<Rect> {
    Some(Rect {
        x0: boxes.iter().map(|b| b.1.x0).min()?,
        y0: boxes.iter().map(|b| b.1.y0).min()?,
        x1: boxes.iter().map(|b| b.1.x1).max()?,
        y1: boxes.iter().map(|b| b.1.y1).max()?,
    })
}

/// Tesseract's reading of one area of the page, read as a single line with the engine's
/// current settings, and its mean confidence (0–100).
fn read_area(
    engine: &mut Engine,
    image: &GrayImage,
    dpi: u32,
    area: Rect,
) -> Result<(String, f32)> {
    let crop = image::imageops::crop_imm(
        image,
        area.x0,
        area.y0,
        area.x1 - area.x0,
        area.y1 - area.y0,
    )
    .to_image();
    engine.set_image(&crop, dpi)?;
    engine.recognize()?;
    let text = engine.text()?;
    Ok((text, engine.mean_confidence()))
}

/// The text with some words replaced (in order, not overlapping), and glyph boxes to match
/// (in Tesseract's box-file form): each new character gets an equal slice of its word's
/// boxes' union — in the rows given, where some are (the rows the line's Thai letters take:
/// a Latin word's boxes are a capital's height, and Thai letters boxed so would pull the
/// line's band, which the digit pass reads its digits in, out of true).
pub(crate) fn splice(
    text: &str,
    boxes: &[(char, Rect)],
    image_height: u32,
    replaced: &[Respelled],
) -> (String, String) {
    let mut new_text = String::with_capacity(text.len());
    let mut new_boxes: Vec<(char, Rect)> = Vec::with_capacity(boxes.len());
    let (mut last_byte, mut last_box) = (0usize, 0usize);
    for (word, with, rows) in replaced {
        let (Some(own), Some(kept)) =
            (word.boxes(text, boxes), boxes.get(last_box..word.first_box))
        else {
            continue;
        };
        let Some(Rect { x0, y0, x1, y1 }) = union(own) else {
            continue;
        };
        let (y0, y1) = rows.unwrap_or((y0, y1));
        if word.start < last_byte {
            continue;
        }
        new_text.push_str(&text[last_byte..word.start]);
        new_text.push_str(with);
        new_boxes.extend_from_slice(kept);
        let letters: Vec<char> = with.chars().filter(|c| !c.is_whitespace()).collect();
        let k = letters.len().max(1) as u32;
        let step = (x1.saturating_sub(x0) / k).max(1);
        for (i, &c) in letters.iter().enumerate() {
            let left = x0 + step * i as u32;
            new_boxes.push((
                c,
                Rect {
                    x0: left,
                    y0,
                    x1: (left + step).min(x1.max(left)),
                    y1,
                },
            ));
        }
        last_byte = word.end;
        last_box = word.first_box + own.len();
    }
    new_text.push_str(&text[last_byte..]);
    new_boxes.extend_from_slice(boxes.get(last_box..).unwrap_or_default());
    let box_text = new_boxes
        .iter()
        .map(|(c, r)| {
            format!(
                "{c} {} {} {} {} 0\n",
                r.x0,
                image_height.saturating_sub(r.y1),
                r.x1,
                image_height.saturating_sub(r.y0)
            )
        })
        .collect();
    (new_text, box_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A box for each character of `text` other than whitespace, 20 pixels apart.
    fn boxes_of(text: &str) -> Vec<(char, Rect)> {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .enumerate()
            .map(|(i, c)| {
                let x0 = 20 * i as u32;
                (
                    c,
                    Rect {
                        x0,
                        y0: 100,
                        x1: x0 + 15,
                        y1: 130,
                    },
                )
            })
            .collect()
    }

    /// The span of the `nth` whitespace-separated word of `text`.
    fn span_of(text: &str, nth: usize) -> Span {
        let mut visible = 0;
        let mut at = 0;
        for (i, word) in text.split_whitespace().enumerate() {
            let start = at + text[at..].find(word).unwrap_or(0);
            if i == nth {
                return Span {
                    start,
                    end: start + word.len(),
                    first_box: visible,
                };
            }
            visible += word.chars().count();
            at = start + word.len();
        }
        panic!("no word {nth} in {text}");
    }

    #[test]
    fn the_new_text_and_its_boxes_stay_in_step() {
        let text = "วันที่ ๑๐ A.A. bb เวลา\nปี Wa. ๒๕๔๗";
        let height = 1000;
        let boxes = boxes_of(text);
        let (month, era) = (span_of(text, 2), span_of(text, 6));
        // A shorter word and one as long.
        let replaced = [(month, "ส.ค", None), (era, "พ.ศ.", None)];
        let (new_text, box_text) = splice(text, &boxes, height, &replaced);
        assert_eq!(new_text, "วันที่ ๑๐ ส.ค bb เวลา\nปี พ.ศ. ๒๕๔๗");
        let parsed = glyph_boxes(&box_text, height);
        let visible: Vec<char> = new_text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(parsed.iter().map(|b| b.0).collect::<Vec<_>>(), visible);
        // The boxes of the characters kept are as they were; the new letters share their
        // word's span.
        assert_eq!(parsed[0], boxes[0]);
        assert_eq!(parsed.last(), boxes.last());
        let word = &boxes[month.first_box..month.first_box + 4];
        let new = &parsed[month.first_box..month.first_box + 3];
        assert_eq!(new[0].1.x0, word[0].1.x0);
        assert!(new.iter().all(|b| b.1.x1 <= word[3].1.x1 && b.1.y0 == 100));
        assert_eq!(parsed[month.first_box + 3].0, 'b');
        // In the rows given, where some are: the new letters only.
        let (new_text, box_text) =
            splice(text, &boxes, height, &[(month, "ส.ค.", Some((104, 126)))]);
        let parsed = glyph_boxes(&box_text, height);
        assert_eq!(new_text, "วันที่ ๑๐ ส.ค. bb เวลา\nปี Wa. ๒๕๔๗");
        let new = &parsed[month.first_box..month.first_box + 4];
        assert!(new.iter().all(|b| (b.1.y0, b.1.y1) == (104, 126)));
        assert_eq!(parsed[0], boxes[0]);
        assert_eq!(parsed[month.first_box + 4], boxes[month.first_box + 4]);
    }
}
