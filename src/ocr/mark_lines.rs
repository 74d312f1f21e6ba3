//! Lines that are only another line's marks, dropped before anything reads the page's
//! digits. In a widely spaced face (a typewriter's), a script face or an italic one,
//! Tesseract takes the tone marks, upper vowels and ascenders of a line for a line of their
//! own and reads them as junk (`a a & 8 al oa` above `ข้อ ๔๕ ให้ใช้บังคับ`; `ขย บม๑ด บย ฆ๓ม`
//! over the top of Mali Medium Italic's `ข้อ ๓๐ ให้ใช้บังคับตั้งแต่วันที่ ๑๕`). Their stray
//! digits would pass for the document's, and on the digit pass's page their glyphs — a
//! mark the model is sure is a ๘ — would outvote the page's real digits (Mali Medium
//! Italic's three "๘"s of marks, surer than its twelve real ๘s, moved those to ๕).
//!
//! So the lines are told from Tesseract's own text, line boxes and line confidences, and
//! dropped from the text and from its glyph boxes alike before the digit pass.

use super::digits::box_line;
use super::layout::LineBox;
use crate::thai::digits::is_thai_digit;

/// A line drawn a third over another is marks, whatever it reads, when Tesseract is less sure
/// of it than this (0–100)...
const UNSURE: f32 = 80.0;
/// ...and less sure by this much than of the line it is drawn over. Lines of marks read at
/// 39–77 on Mali Medium Italic's and Fahkwang Medium Italic's pages, their lines at 86–95.
const LESS_SURE_BY: f32 = 15.0;

/// Whether each line is only the marks of another line: within that line's left and right
/// ends (give or take half its height), reaching past its top or bottom, and
///
/// - read as junk (no word over three characters but words of Thai digits with Arabic ones
///   or Latin letters, and a Latin letter, a symbol or such a word among them) or read far
///   less surely ([`UNSURE`], [`LESS_SURE_BY`]: Fahkwang Medium's `2 4`), and
///   overlapping it — shorter than three quarters of it and four fifths of the page's usual
///   line (the tallest quarter's shortest: the usual line whatever share of the lines are
///   marks), or no taller than it with half of it drawn over it — or touching it, the two
///   together no taller than a usual line give or take; or
/// - whatever it reads, no taller than that line, a third of it drawn over it, and read far
///   less surely ([`UNSURE`], [`LESS_SURE_BY`]).
///
/// Text of its own cannot lie there, drawn over that line; a line split beside another
/// (`เป็นต้นไป` boxed apart at the right) is not within it, and a table row of digits stays.
/// `confidences` may be empty (then only the first test is made).
pub fn mark_lines(lines: &[&str], boxes: &[LineBox], confidences: &[f32]) -> Vec<bool> {
    let mut heights: Vec<i32> = boxes.iter().map(|b| b[3] - b[1]).collect();
    heights.sort_unstable();
    let usual = heights.get(heights.len() * 3 / 4).copied().unwrap_or(0);
    let confidence = |i: usize| confidences.get(i).copied();
    boxes
        .iter()
        .zip(lines)
        .enumerate()
        .map(|(i, (m, line))| {
            let h = m[3] - m[1];
            let is_junk = junk(line);
            boxes.iter().enumerate().any(|(j, b)| {
                let height = b[3] - b[1];
                let shared = m[3].min(b[3]) - m[1].max(b[1]);
                // Short beside that line and the page's usual line — or, boxed as tall as
                // a line, drawn half over it (TlwgMono Bold's marks: `๖ eo ๗ ๓๑ & al`
                // across the top of `ข้อ ๒ ให้ใช้บังคับ`): lines of text never overlap so.
                let over = shared > 0
                    && ((4 * h < 3 * height && 5 * h < 4 * usual)
                        || (2 * shared >= h && h <= height));
                // Touching it is enough where the two together are no taller than a usual
                // line, give or take, and it is under half of that: the marks Tesseract
                // took for a line of their own are no longer in that line's box, which may
                // be left as short as they are — Fahkwang Medium Italic's `๑7 ao` (22 px)
                // ended a pixel above `ลงวันที่ ๑๒ ก.ย.` (29 px; the page's usual line
                // 44 px). Two lines of text touching are taller.
                let together = m[3].max(b[3]) - m[1].min(b[1]);
                let touching = shared <= 0
                    && shared > -(h / 5).max(1)
                    && 2 * h < together
                    && 10 * together < 13 * usual;
                let unsure = match (confidence(i), confidence(j)) {
                    (Some(mine), Some(its)) => mine < UNSURE && its - mine >= LESS_SURE_BY,
                    _ => false,
                };
                let drawn_over = 3 * shared >= h && h <= height && unsure;
                j != i
                    && (((is_junk || unsure) && (over || touching)) || drawn_over)
                    && (m[1] < b[1] || m[3] > b[3])
                    && 2 * (b[0] - m[0]) <= height
                    && 2 * (m[2] - b[2]) <= height
            })
        })
        .collect()
}

/// Whether a line reads as junk: no word over three characters but words of Thai digits with
/// Arabic ones or Latin letters (`๑7`, `๑7ao`: no number a table holds, however long), and a
/// Latin letter, a symbol or such a word among them.
fn junk(line: &str) -> bool {
    let mixed =
        |t: &str| t.chars().any(is_thai_digit) && t.chars().any(|c| c.is_ascii_alphanumeric());
    line.split_whitespace()
        .all(|t| t.chars().count() <= 3 || mixed(t))
        && (line.split_whitespace().any(mixed)
            || line.chars().any(|c| {
                c.is_ascii_alphabetic()
                    || !(c.is_alphanumeric()
                        || c.is_whitespace()
                        || ('\u{0E00}'..='\u{0E7F}').contains(&c))
            }))
}

/// What is left of a page's reading once the lines of marks are gone: its text, Tesseract's
/// glyph boxes for it (where it had them) and its lines' boxes.
pub struct Kept {
    pub text: String,
    pub glyph_boxes: Option<String>,
    pub lines: Vec<LineBox>,
}

/// The page's reading — the text as Tesseract wrote it, its glyph boxes if any, and each
/// text line's box and confidence — without the lines that are only another line's marks
/// ([`mark_lines`]). Where the lines' boxes do not match the text line for line, nothing goes.
pub fn drop_marks(text: &str, glyph_boxes: Option<&str>, lines: &[(LineBox, f32)]) -> Kept {
    let boxes: Vec<LineBox> = lines.iter().map(|l| l.0).collect();
    let written: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if written.len() != boxes.len() {
        return Kept {
            text: text.to_string(),
            glyph_boxes: glyph_boxes.map(str::to_string),
            lines: boxes,
        };
    }
    let confidences: Vec<f32> = lines.iter().map(|l| l.1).collect();
    let marks = mark_lines(&written, &boxes, &confidences);
    let (text, glyph_boxes) = without_marks(text, glyph_boxes, &marks);
    let lines = boxes
        .into_iter()
        .zip(&marks)
        .filter(|(_, mark)| !**mark)
        .map(|(b, _)| b)
        .collect();
    Kept {
        text,
        glyph_boxes,
        lines,
    }
}

/// The text without the lines `marks` says are marks (one flag per line that is not blank,
/// in order), and Tesseract's glyph boxes (box-file lines, one glyph each, for the text's
/// characters other than whitespace in order) without those lines' boxes. Where the boxes do
/// not match the text character for character they come back as they were (the digit pass
/// then leaves the page alone, as it would have).
fn without_marks(
    text: &str,
    glyph_boxes: Option<&str>,
    marks: &[bool],
) -> (String, Option<String>) {
    let mut kept = String::with_capacity(text.len());
    // The visible characters of the dropped lines: ranges of their indices.
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut visible = 0usize;
    let mut flags = marks.iter().copied();
    for line in text.split_inclusive('\n') {
        let n = line.chars().filter(|c| !c.is_whitespace()).count();
        // (One flag per line that is not blank.)
        let mark = !line.trim().is_empty() && flags.next().unwrap_or(false);
        if mark {
            dropped.push((visible, visible + n));
        } else {
            kept.push_str(line);
        }
        visible += n;
    }
    let boxes = glyph_boxes.map(|boxes| {
        // (Counted as the digit pass reads them: a line that does not parse holds no glyph.)
        let glyphs = |line: &str| {
            box_line(line).map_or(0, |(g, _)| g.chars().filter(|c| !c.is_whitespace()).count())
        };
        if dropped.is_empty() || boxes.lines().map(glyphs).sum::<usize>() != visible {
            return boxes.to_string();
        }
        let mut out = String::with_capacity(boxes.len());
        let mut at = 0usize;
        for line in boxes.split_inclusive('\n') {
            if !dropped.iter().any(|&(a, b)| (a..b).contains(&at)) {
                out.push_str(line);
            }
            at += glyphs(line.trim_end_matches('\n'));
        }
        out
    });
    (kept, boxes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_another_lines_marks_read_as_junk_is_dropped() {
        // Boxes as Tesseract gave them on a typewriter face's page (250 dpi).
        let lines = [
            "ระหว่างปี พ.ศ. ๒๕๖๔ - ๒๕๖๗ จำนวน ๒๔ แห่ง",
            "a a &  8 ๗ al  oa",
            "ข้อ ๔๕ ให้ใช้บังคับตั้งแต่วันที่ ๖ ธันวาคม พ.ศ. ๒๕๕๒",
            // The same junk beside the page's text, not over it: no line's marks.
            "a a &  8 al",
            "บ้านเลขที่ ๗๔๔/๔๕ หมู่ที่ ๑๙",
            // A real line under a box Tesseract drew two lines tall.
            "ประกาศ ณ วันที่ ๑ มีนาคม",
            // A table row of digits overlapping the row below: no junk.
            "๑๒ ๓๔ ๕๖",
            "ร้อยละ ๕๒.๙๗ ของเป้าหมาย",
            // TlwgMono Bold's marks boxed as tall as a line, half over it (gray, 250 dpi).
            "๖  eo ๗ ๓๑ & \"oe al  oe        ๘ =<",
            "ขอ ๒ ใหใชบงคบตงแตวนท๒๙ กนยายน พ.ศ. ๒๕๔๘ เปนตนไป",
            // Short Latin words on a line that only touches the next: not over it.
            "e g ok",
            "ร้อยละ ๕๒.๙๗ ของเป้าหมาย",
        ];
        let boxes = [
            [231, 419, 1463, 459],
            [576, 586, 1066, 616],
            [233, 594, 1833, 639],
            [1900, 600, 2200, 630],
            [181, 881, 1237, 983],
            [182, 968, 994, 1012],
            [231, 1380, 900, 1410],
            [231, 1408, 1262, 1449],
            [271, 1489, 1770, 1525],
            [231, 1506, 1832, 1546],
            [231, 1700, 900, 1740],
            [231, 1735, 1262, 1775],
        ];
        let marks = [
            false, true, false, false, false, false, false, false, true, false, false, false,
        ];
        assert_eq!(mark_lines(&lines, &boxes, &[]), marks);
        // As sure of every line: the same.
        assert_eq!(mark_lines(&lines, &boxes, &[90.0; 12]), marks);
        let (kept, _) = without_marks(&lines.join("\n"), None, &marks);
        assert!(
            !kept.contains("oa") && kept.contains("a a &  8 al"),
            "{kept}"
        );
        assert_eq!(kept.lines().filter(|l| !l.is_empty()).count(), 10);
    }

    #[test]
    fn marks_may_only_touch_their_line_and_words_of_both_digits_are_junk() {
        // Boxes as Tesseract gave them on Fahkwang Medium Italic's copy of a copy (200 dpi):
        // the marks above a line taken for a line of their own, the first drawn over its
        // line, the others ending a pixel above it (their line's box left short without them).
        let lines = [
            "ข้อ ๒๒ ให้ใช้บังคับตั้งแต่วันที่ ๑๘ พฤศจิกายน พ.ศ. ๒๕๕๕ เป็นต้นไป",
            "9   ve ๓๑ &   re of   v",
            "ข้อ ๓๘ ให้ใช้บังคับตั้งแต่วันที่ ๑๘ มกราคม พ.ศ. ๒๕๔๗ เป็นต้นไป",
            "ตามคำสั่งที่ ๗๐๗/๒๕๔๖ ลงวันที่ ๒๗ กันยายน ๒๕๔๘",
            "๑7 4",
            "ลงวันที่ ๑๒ ต.ค. ๔๐ เวลา ๑๕.๓๐ น.",
            "บ้านเลขที่ ๗๔๗/๖๑ หมู่ที่ ๑๑",
            "๑7ao",
            "ลงวันที่ ๑๒ ก.ย. ๕๔ เวลา ๑๓.๓๑ น.",
            // A row of digits touching the line below it, and short Latin words touching it:
            // the two together are two lines' height.
            "๑๒ ๓๔ ๕๖",
            "ร้อยละ ๕๒.๙๗ ของเป้าหมาย",
            "e g ok",
            "ร้อยละ ๕๒.๙๗ ของเป้าหมาย",
        ];
        let boxes = [
            [181, 392, 1530, 444],
            [196, 454, 1385, 477],
            [181, 462, 1465, 507],
            [181, 606, 1224, 646],
            [248, 666, 333, 687],
            [181, 688, 871, 717],
            [181, 1162, 1211, 1219],
            [248, 1365, 333, 1387],
            [182, 1388, 869, 1417],
            [231, 1500, 900, 1522],
            [231, 1523, 1262, 1568],
            [231, 1600, 900, 1630],
            [231, 1631, 1262, 1676],
        ];
        assert_eq!(
            mark_lines(&lines, &boxes, &[]),
            [
                false, true, false, false, true, false, false, true, false, false, false, false,
                false
            ]
        );
    }

    #[test]
    fn a_line_drawn_over_another_and_read_far_less_surely_is_marks_whatever_it_reads() {
        // Mali Medium Italic (250 dpi): the tops of `ข้อ ๓๐ ให้ใช้บังคับ` read as a line of
        // Thai letters and digits (65.3) over it (93.8), and a real line of a tightly set
        // page, a third over the next, both read surely.
        let lines = [
            "ลงวันที ๒๒ ม.ค. ๕๓ เวลา ๑๕.๓๓ น.",
            "ขย        บม๑ด บย ฆ๓ม w  5    เม  a     ฆม",
            "ข้อ ๓๐ ให้ใช้บังคับตังแต่วันที่ ๑๕ กันยายน พ.ศ. ๒๕๔๘",
            "บ้านเลขที่ ๐๑/๓๓ หมู่ที่ ๑๒ รหัสไปรษณีย์ ๒๕๕๓๑",
            "ข้อ ๕ ให้ใช้บังคับตั้งแต่วันที่ ๒๕ พฤษภาคม พ.ศ. ๒๕๕๒",
        ];
        let boxes = [
            [230, 227, 1122, 284],
            [238, 299, 1773, 342],
            [228, 321, 1882, 374],
            [230, 1303, 1485, 1398],
            [229, 1364, 1905, 1488],
        ];
        let sure = [93.2, 65.3, 93.8, 87.5, 94.5];
        assert_eq!(
            mark_lines(&lines, &boxes, &sure),
            [false, true, false, false, false]
        );
        // Read as surely as its line, or not known how surely: kept.
        let as_sure = [93.2, 90.0, 93.8, 87.5, 94.5];
        assert_eq!(mark_lines(&lines, &boxes, &as_sure), [false; 5]);
        assert_eq!(mark_lines(&lines, &boxes, &[]), [false; 5]);
        // Read unsurely, but drawn less than a third over the next line: kept.
        let mut lower = boxes;
        lower[4][1] = 1375;
        let unsure_real = [93.2, 65.3, 93.8, 60.0, 94.5];
        assert_eq!(
            mark_lines(&lines, &lower, &unsure_real),
            [false, true, false, false, false]
        );
    }

    #[test]
    fn a_line_touching_another_and_read_far_less_surely_is_marks_whatever_it_reads() {
        // Fahkwang Medium's copy of a copy (200 dpi): the marks above `ลงวันที่ ๑๑ พ.ค.`
        // read as two Arabic digits — no junk by the text — ending a pixel above that line.
        let lines = [
            "ข้อ ๔๕ ให้ใช้บังคับตั้งแต่วันที่ ๖ พฤษภาคม พ.ศ. ๒๕๕๘ เป็นต้นไป",
            "2 4",
            "ลงวันที่ ๑๑ พ.ค. ๖๒ เวลา ๑๑.๔๘ น.",
            "บ้านเลขที่ ๘๑๒/๔๗ หมู่ที่ ๑๗ รหัสไปรษณีย์ ๑๙๗๑๕",
        ];
        let boxes = [
            [181, 322, 1475, 374],
            [244, 385, 327, 407],
            [182, 408, 877, 437],
            [180, 462, 1204, 519],
        ];
        let sure = [92.5, 63.4, 92.8, 88.8];
        assert_eq!(
            mark_lines(&lines, &boxes, &sure),
            [false, true, false, false]
        );
        // Read as surely as its line, or not known how surely: kept.
        let as_sure = [92.5, 88.0, 92.8, 88.8];
        assert_eq!(mark_lines(&lines, &boxes, &as_sure), [false; 4]);
        assert_eq!(mark_lines(&lines, &boxes, &[]), [false; 4]);
        // Unsure, but apart from every line (a gap of a fifth of its height or more): kept.
        let mut apart = boxes;
        apart[1] = [244, 380, 327, 402];
        assert_eq!(mark_lines(&lines, &apart, &sure), [false; 4]);
    }

    #[test]
    fn the_marks_go_from_the_text_and_from_its_glyph_boxes_alike() {
        let text = "ข้อ ๑\na ๘\n\nลง ๒\n";
        let boxes = "ข 1 1 2 2 0\n้ 1 1 2 2 0\nอ 1 1 2 2 0\n๑ 3 1 4 2 0\na 5 5 6 6 0\n\
                     ๘ 7 5 8 6 0\nล 1 9 2 10 0\nง 2 9 3 10 0\n๒ 4 9 5 10 0\n";
        let (kept, kept_boxes) = without_marks(text, Some(boxes), &[false, true, false]);
        assert_eq!(kept, "ข้อ ๑\n\nลง ๒\n");
        let kept_boxes = kept_boxes.unwrap_or_default();
        assert_eq!(kept_boxes.lines().count(), 7, "{kept_boxes}");
        assert!(!kept_boxes.contains('a') && !kept_boxes.contains('๘'));
        // Boxes that do not match the text are left as they were.
        let (_, short) = without_marks(text, Some("ข 1 1 2 2 0\n"), &[false, true, false]);
        assert_eq!(short.as_deref(), Some("ข 1 1 2 2 0\n"));
    }

    #[test]
    fn a_page_s_reading_loses_its_mark_lines_and_their_boxes() {
        let text = "ข้อ ๑ ให้ใช้\nab ๘\nลงวันที่ ๒\n";
        let boxes = "ข 1 1 2 2 0\n้ 1 1 2 2 0\nอ 1 1 2 2 0\n๑ 3 1 4 2 0\nใ 5 1 6 2 0\n\
                     ห 6 1 7 2 0\n้ 6 1 7 2 0\nใ 7 1 8 2 0\nช 8 1 9 2 0\n้ 8 1 9 2 0\n\
                     a 1 5 2 6 0\nb 2 5 3 6 0\n๘ 4 5 5 6 0\nล 1 9 2 10 0\nง 2 9 3 10 0\n\
                     ว 3 9 4 10 0\nั 3 9 4 10 0\nน 4 9 5 10 0\nท 5 9 6 10 0\nี 5 9 6 10 0\n\
                     ่ 5 9 6 10 0\n๒ 7 9 8 10 0\n";
        // The middle line drawn over the first's top, short and read as junk.
        let lines = [
            ([100, 100, 1000, 150], 92.0),
            ([120, 90, 900, 110], 55.0),
            ([100, 200, 1000, 250], 93.0),
        ];
        let kept = drop_marks(text, Some(boxes), &lines);
        assert_eq!(kept.text, "ข้อ ๑ ให้ใช้\nลงวันที่ ๒\n");
        assert_eq!(kept.lines, vec![lines[0].0, lines[2].0]);
        let glyphs = kept.glyph_boxes.unwrap_or_default();
        assert_eq!(glyphs.lines().count(), 19);
        assert!(!glyphs.contains('๘'));
        // Boxes for other lines than the text's: nothing goes.
        let all = drop_marks(text, None, &lines[..2]);
        assert_eq!((all.text.as_str(), all.lines.len()), (text, 2));
    }
}
