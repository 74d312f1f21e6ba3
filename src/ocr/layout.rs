//! Paragraphs from the page's geometry.
//!
//! Tesseract's own blank lines (its paragraphs) mean little on these pages: it takes most lines
//! of an evenly spaced page for one paragraph and splits others at random, and it writes no
//! indentation. The parser needs to know where a paragraph starts — the line under a subject
//! that fills its line is the preamble, not the subject's second line — so Tesseract's blank
//! lines are dropped and a blank line is put before each line the layout starts a paragraph
//! with: a gap above it clearly wider than the page's usual gap between lines, or an indented
//! line after a line that ended short of the right margin (the end of the paragraph above).
//! An indented line after a full one is a hanging indent, not a new paragraph.
//!
//! Lines that are only another line's marks go too: in a widely spaced face (a typewriter's)
//! Tesseract takes the tone marks and upper vowels of a line for a line of their own and
//! reads them as Latin junk (`a a & 8 al oa` above `ข้อ ๔๕ ให้ใช้บังคับ`), whose stray
//! digits would pass for the document's.

use crate::thai::digits::is_thai_digit;

/// A text line's box: `[left, top, right, bottom]`, y downwards.
pub type LineBox = [i32; 4];

fn median(mut v: Vec<i32>) -> Option<i32> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    Some(v[v.len() / 2])
}

/// Whether each line starts a paragraph (the first line does not count: it starts the page).
pub fn paragraph_starts(boxes: &[LineBox]) -> Vec<bool> {
    let mut starts = vec![false; boxes.len()];
    let Some(height) = median(boxes.iter().map(|b| b[3] - b[1]).collect()) else {
        return starts;
    };
    let gaps: Vec<i32> = boxes.windows(2).map(|w| w[1][1] - w[0][3]).collect();
    let Some(usual_gap) = median(gaps.clone()) else {
        return starts;
    };
    let mut lefts: Vec<i32> = boxes.iter().map(|b| b[0]).collect();
    lefts.sort_unstable();
    // The left margin: most lines start there; a few centred or indented ones do not.
    let margin = lefts[lefts.len() / 10];
    let right = boxes.iter().map(|b| b[2]).max().unwrap_or(0);
    let height = height.max(1);
    for i in 1..boxes.len() {
        let (above, line) = (boxes[i - 1], boxes[i]);
        let wide_gap = gaps[i - 1] > usual_gap + height * 2 / 5;
        let indented = line[0] - margin > height;
        let above_short = right - above[2] > 2 * height;
        starts[i] = wide_gap || (indented && above_short);
    }
    starts
}

/// Whether each line is only the marks of another line: shorter than three quarters of that
/// line and four fifths of the page's usual line (the tallest quarter's shortest: the usual
/// line whatever share of the lines are marks), or no taller than that line with half of it
/// drawn over it; within its left and right ends (give or take half its height),
/// overlapping or touching it and reaching past its top or bottom, and read as junk — no
/// word over three characters but words of Thai digits with Arabic ones or Latin letters,
/// and a Latin letter, a symbol or such a word among them. Text of its
/// own cannot lie there, drawn over that line; a line split beside another (`เป็นต้นไป`
/// boxed apart at the right) is not within it, and a table row of digits stays.
pub fn mark_lines(lines: &[&str], boxes: &[LineBox]) -> Vec<bool> {
    let mut heights: Vec<i32> = boxes.iter().map(|b| b[3] - b[1]).collect();
    heights.sort_unstable();
    let usual = heights.get(heights.len() * 3 / 4).copied().unwrap_or(0);
    // (A word of Thai digits with Arabic ones or Latin letters, `๑7`, `๑7ao`, is no number a
    // table holds, however long.)
    let mixed =
        |t: &str| t.chars().any(is_thai_digit) && t.chars().any(|c| c.is_ascii_alphanumeric());
    let junk = |line: &str| {
        line.split_whitespace()
            .all(|t| t.chars().count() <= 3 || mixed(t))
            && (line.split_whitespace().any(mixed)
                || line.chars().any(|c| {
                    c.is_ascii_alphabetic()
                        || !(c.is_alphanumeric()
                            || c.is_whitespace()
                            || ('\u{0E00}'..='\u{0E7F}').contains(&c))
                }))
    };
    boxes
        .iter()
        .zip(lines)
        .enumerate()
        .map(|(i, (m, line))| {
            let h = m[3] - m[1];
            junk(line)
                && boxes.iter().enumerate().any(|(j, b)| {
                    let height = b[3] - b[1];
                    let shared = m[3].min(b[3]) - m[1].max(b[1]);
                    // Short beside that line and the page's usual line — or, boxed as tall as
                    // a line, drawn half over it (TlwgMono Bold's marks: `๖ eo ๗ ๓๑ & al`
                    // across the top of `ข้อ ๒ ให้ใช้บังคับ`): lines of text never overlap so.
                    // Touching it is enough where the two together are no taller than a
                    // usual line, give or take, and it is under half of that: the marks
                    // Tesseract took for a line of their own are no longer in that line's
                    // box, which may be left as short as they are — Fahkwang Medium Italic's
                    // `๑7 ao` (22 px) ended a pixel above `ลงวันที่ ๑๒ ก.ย.` (29 px; the
                    // page's usual line 44 px). Two lines of text touching are taller.
                    let together = m[3].max(b[3]) - m[1].min(b[1]);
                    let over = shared > 0
                        && ((4 * h < 3 * height && 5 * h < 4 * usual)
                            || (2 * shared >= h && h <= height));
                    let touching = shared <= 0
                        && shared > -(h / 5).max(1)
                        && 2 * h < together
                        && 10 * together < 13 * usual;
                    j != i
                        && (over || touching)
                        && (m[1] < b[1] || m[3] > b[3])
                        && 2 * (b[0] - m[0]) <= height
                        && 2 * (m[2] - b[2]) <= height
                })
        })
        .collect()
}

fn non_empty(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// The page text with Tesseract's blank lines and the lines of another line's marks
/// ([`mark_lines`]) dropped, and a blank line put before each paragraph the layout shows.
/// Which lines are marks is told from `read`, the text as Tesseract wrote it, line for line
/// the same (before the digit pass, which may read a mark line's `๑๓` as four digits: a word
/// too long for junk — Fahkwang Medium Italic's page kept `ve ๐๕๖๕ &`); where its lines do
/// not match, from the text itself. When the boxes do not match the text line for line, the
/// text comes back with its blank lines dropped and nothing else changed.
pub fn with_paragraphs(text: &str, read: &str, boxes: &[LineBox]) -> String {
    let lines = non_empty(text);
    if lines.len() != boxes.len() {
        return lines.join("\n");
    }
    let read = non_empty(read);
    let marks = if read.len() == lines.len() {
        mark_lines(&read, boxes)
    } else {
        mark_lines(&lines, boxes)
    };
    let (lines, boxes): (Vec<&str>, Vec<LineBox>) = lines
        .into_iter()
        .zip(boxes.iter().copied())
        .zip(marks)
        .filter(|(_, mark)| !mark)
        .map(|(line, _)| line)
        .unzip();
    let starts = paragraph_starts(&boxes);
    let mut out = String::with_capacity(text.len() + lines.len());
    for (i, (line, start)) in lines.iter().zip(starts).enumerate() {
        if i > 0 {
            out.push('\n');
            if start {
                out.push('\n');
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of a 300-dpi page: 60 px tall, 87 px apart, from x = 200 to 2280.
    fn line(top: i32, left: i32, right: i32) -> LineBox {
        [left, top, right, top + 60]
    }

    #[test]
    fn a_wider_gap_or_an_indent_after_a_short_line_starts_a_paragraph() {
        let boxes = [
            line(100, 200, 2280),
            line(187, 200, 1500), // the paragraph ends short
            line(274, 400, 2280), // indented after a short line: a new paragraph
            line(361, 200, 2280),
            line(491, 200, 2280), // a gap 43 px wider than usual
            line(578, 400, 2280), // indented after a full line: a hanging indent
            line(665, 200, 2280),
        ];
        assert_eq!(
            paragraph_starts(&boxes),
            [false, false, true, false, true, false, false]
        );
        let text = "a\n\nb\nc\nd\ne\n\nf\ng\n";
        assert_eq!(
            with_paragraphs(text, text, &boxes),
            "a\nb\n\nc\nd\n\ne\nf\ng"
        );
    }

    #[test]
    fn boxes_that_do_not_match_the_lines_change_nothing_but_blank_lines() {
        let boxes = [line(100, 200, 2280), line(187, 200, 2280)];
        assert_eq!(with_paragraphs("a\n\nb\nc", "", &boxes), "a\nb\nc");
        assert_eq!(with_paragraphs("", "", &[]), "");
    }

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
        assert_eq!(
            mark_lines(&lines, &boxes),
            [false, true, false, false, false, false, false, false, true, false, false, false]
        );
        let text = lines.join("\n");
        let kept = with_paragraphs(&text, &text, &boxes);
        assert!(
            !kept.contains("oa") && kept.contains("a a &  8 al"),
            "{kept}"
        );
        assert_eq!(kept.lines().filter(|l| !l.is_empty()).count(), 10);
    }

    #[test]
    fn mark_lines_are_told_from_tesseracts_text_and_may_only_touch_their_line() {
        // Boxes as Tesseract gave them on Fahkwang Medium Italic's copy of a copy (200 dpi):
        // the marks above a line taken for a line of their own, the first drawn over its
        // line, the others ending a pixel above it (their line's box left short without them).
        let read = [
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
            mark_lines(&read, &boxes),
            [
                false, true, false, false, true, false, false, true, false, false, false, false,
                false
            ]
        );
        // The digit pass read the marks' `๓๑` as four digits, a word too long for junk: told
        // from the text as the pass left it, that line would stay.
        let passed = read.join("\n").replace("ve ๓๑", "ve ๐๕๖๕");
        let kept = with_paragraphs(&passed, &read.join("\n"), &boxes);
        assert!(!kept.contains("๐๕๖๕") && !kept.contains("ao"), "{kept}");
        assert_eq!(kept.lines().filter(|l| !l.is_empty()).count(), 10);
        assert!(with_paragraphs(&passed, &passed, &boxes).contains("๐๕๖๕"));
    }
}
