//! Thai word segmentation. Thai writes no spaces between words, so search and comparison need
//! a segmenter; this one is ICU4X's (`icu_segmenter`), whose Thai data is compiled in (no
//! download at build or run time).
//!
//! Two models: a dictionary (fast) and an LSTM (slower). `prakat eval --segmentation`
//! measures both against hand-segmented sentences from the seeds; the index uses the
//! dictionary model (see README for the numbers).

use std::sync::LazyLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};

/// Which ICU4X model segments Thai.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    Dictionary,
    Lstm,
}

static DICTIONARY: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));
static LSTM: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_lstm(WordBreakInvariantOptions::default()));

/// Byte ranges of the word-like segments of `text` (words, numbers; not spaces or
/// punctuation), in order.
pub fn word_spans(text: &str, model: Model) -> Vec<(usize, usize)> {
    let segmenter = match model {
        Model::Dictionary => *DICTIONARY,
        Model::Lstm => *LSTM,
    };
    let mut spans = Vec::new();
    let mut iter = segmenter.segment_str(text);
    let mut start = match iter.next() {
        Some(s) => s,
        None => return spans,
    };
    while let Some(end) = iter.next() {
        if iter.is_word_like() || text[start..end].chars().any(char::is_alphanumeric) {
            spans.push((start, end));
        }
        start = end;
    }
    spans
}

/// Every boundary the model puts in `text` (between words, spaces and punctuation alike),
/// as character offsets, the text's start excluded and its end included.
pub fn boundaries(text: &str, model: Model) -> Vec<usize> {
    let segmenter = match model {
        Model::Dictionary => *DICTIONARY,
        Model::Lstm => *LSTM,
    };
    let mut out = Vec::new();
    let mut chars = 0;
    let mut last = 0;
    for b in segmenter.segment_str(text).skip(1) {
        chars += text[last..b].chars().count();
        last = b;
        out.push(chars);
    }
    out
}

/// The words of `text` with the dictionary model.
pub fn words(text: &str) -> Vec<&str> {
    word_spans(text, Model::Dictionary)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect()
}

/// Boundary precision, recall and F1 of `guess` against `gold` (sets of character offsets).
pub fn boundary_scores(gold: &[usize], guess: &[usize]) -> (f64, f64, f64) {
    let g: std::collections::BTreeSet<usize> = gold.iter().copied().collect();
    let s: std::collections::BTreeSet<usize> = guess.iter().copied().collect();
    let hit = g.intersection(&s).count() as f64;
    let p = if s.is_empty() {
        0.0
    } else {
        hit / s.len() as f64
    };
    let r = if g.is_empty() {
        0.0
    } else {
        hit / g.len() as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_runs_split_into_words_and_tone_marks_stay_inside() {
        let w = words("ผู้ว่าราชการจังหวัดภูเก็ต");
        assert!(w.len() >= 3, "{w:?}");
        assert_eq!(w.concat(), "ผู้ว่าราชการจังหวัดภูเก็ต");
        assert!(w.contains(&"จังหวัด"), "{w:?}");
        // Numbers, Latin words and punctuation.
        assert_eq!(
            words("มาตรา ๖๕ (e-service)"),
            ["มาตรา", "๖๕", "e", "service"]
        );
    }

    #[test]
    fn boundaries_are_character_offsets() {
        let text = "ลดธงครึ่งเสา";
        let b = boundaries(text, Model::Dictionary);
        assert_eq!(b.last(), Some(&text.chars().count()));
        assert!(b.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn boundary_scores_compare_segmentations() {
        assert_eq!(boundary_scores(&[1, 2], &[1, 2]), (1.0, 1.0, 1.0));
        let (p, r, _) = boundary_scores(&[2, 3], &[1, 2, 3]);
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }
}
