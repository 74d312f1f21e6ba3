//! Snippets whose matched words are highlighted whole: a match inside a Thai word widens to the
//! word's boundaries (from the segmenter), and touching highlights merge into one.

use crate::thai::segment::{word_spans, Model};

/// A window of a stored text with highlighted ranges (character offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The snippet with each highlight between `open` and `close`.
    pub fn render(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut hs = self.highlights.iter().peekable();
        for (i, c) in self.text.chars().enumerate() {
            if hs.peek().is_some_and(|h| h.0 == i) {
                out.push_str(open);
            }
            out.push(c);
            if let Some(&&(_, e)) = hs.peek() {
                if e == i + 1 {
                    out.push_str(close);
                    hs.next();
                }
            }
        }
        out
    }
}

/// One character's normal form for matching: Thai digits as Arabic, lowercase.
fn fold(c: char) -> char {
    let c = crate::thai::digits::to_arabic(c.encode_utf8(&mut [0; 4]))
        .chars()
        .next()
        .unwrap_or(c);
    c.to_lowercase().next().unwrap_or(c)
}

fn find_all(hay: &[char], needle: &[char]) -> Vec<(usize, usize)> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == *needle)
        .map(|i| (i, i + needle.len()))
        .collect()
}

/// A snippet of at most about `max_chars` characters of `text` around the first match of any
/// of `needles` (query words, compared digit- and case-insensitively).
pub fn make(text: &str, needles: &[String], max_chars: usize) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| fold(*c)).collect();
    // Word spans as character offsets.
    let mut byte_to_char = vec![0usize; text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        byte_to_char[bi] = ci;
    }
    byte_to_char[text.len()] = chars.len();
    let words: Vec<(usize, usize)> = word_spans(text, Model::Dictionary)
        .into_iter()
        .map(|(s, e)| (byte_to_char[s], byte_to_char[e]))
        .collect();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for n in needles {
        let needle: Vec<char> = n.chars().map(fold).collect();
        for (s, e) in find_all(&folded, &needle) {
            // Widen to whole words.
            let s = words
                .iter()
                .find(|w| w.0 <= s && s < w.1)
                .map_or(s, |w| w.0);
            let e = words
                .iter()
                .find(|w| w.0 < e && e <= w.1)
                .map_or(e, |w| w.1);
            marks.push((s, e));
        }
    }
    marks.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for m in marks {
        match merged.last_mut() {
            Some(last) if m.0 <= last.1 => last.1 = last.1.max(m.1),
            _ => merged.push(m),
        }
    }
    // The window: from a word boundary a little before the first match.
    let first = merged.first().map_or(0, |m| m.0);
    let mut start = first.saturating_sub(max_chars / 3);
    if start > 0 {
        start = words
            .iter()
            .map(|w| w.0)
            .filter(|&b| b <= first && b >= start)
            .min()
            .unwrap_or(first);
    }
    let mut end = (start + max_chars).min(chars.len());
    if end < chars.len() {
        end = words
            .iter()
            .map(|w| w.1)
            .filter(|&b| b > start && b <= end)
            .max()
            .unwrap_or(end);
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < chars.len() { "…" } else { "" };
    let shift = prefix.chars().count();
    let body: String = chars[start..end]
        .iter()
        .collect::<String>()
        .replace(['\n', '\t'], " ");
    Snippet {
        text: format!("{prefix}{body}{suffix}"),
        highlights: merged
            .into_iter()
            .filter(|m| m.0 >= start && m.1 <= end)
            .map(|(s, e)| (s - start + shift, e - start + shift))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_inside_a_word_highlights_the_whole_word() {
        let s = make("มีช่องทาง เช่น กล่องรับฟังความคิดเห็น", &["รับฟัง".into()], 200);
        let marked = s.render("[", "]");
        assert!(
            marked.contains("[รับฟัง]") || marked.contains("รับฟังความคิดเห็น]"),
            "{marked}"
        );
        assert!(!marked.contains("[ฟัง"), "{marked}");
    }

    #[test]
    fn digits_match_across_scripts_and_adjacent_marks_merge() {
        let s = make("ตามมาตรา ๖๕ บัญญัติว่า", &["มาตรา".into(), "65".into()], 200);
        assert_eq!(s.render("<b>", "</b>"), "ตาม<b>มาตรา</b> <b>๖๕</b> บัญญัติว่า");
        let s = make("ข้อมูลข่าวสาร", &["ข้อมูล".into(), "ข่าวสาร".into()], 200);
        assert_eq!(s.highlights.len(), 1, "{s:?}");
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!("{}กล่องรับฟังความคิดเห็น{}", "ก".repeat(500), "ข".repeat(500));
        let s = make(&text, &["กล่อง".into()], 120);
        assert!(s.text.chars().count() <= 122);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(s.highlights.len(), 1);
    }
}
