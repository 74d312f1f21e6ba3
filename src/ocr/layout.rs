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
//! (Lines that are only another line's marks are gone before: [`super::mark_lines`].)

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

/// The page text with Tesseract's blank lines dropped and a blank line put before each
/// paragraph the layout shows. When the boxes do not match the text line for line, the text
/// comes back with its blank lines dropped and nothing else changed.
pub fn with_paragraphs(text: &str, boxes: &[LineBox]) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() != boxes.len() {
        return lines.join("\n");
    }
    let starts = paragraph_starts(boxes);
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
        assert_eq!(with_paragraphs(text, &boxes), "a\nb\n\nc\nd\n\ne\nf\ng");
    }

    #[test]
    fn boxes_that_do_not_match_the_lines_change_nothing_but_blank_lines() {
        let boxes = [line(100, 200, 2280), line(187, 200, 2280)];
        assert_eq!(with_paragraphs("a\n\nb\nc", &boxes), "a\nb\nc");
        assert_eq!(with_paragraphs("", &[]), "");
    }
}
