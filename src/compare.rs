//! Clause alignment between two sets of clauses (two Documents, or clauses selected from the
//! index): which clause of one says what which clause of the other says, how similar they
//! are, a word-level diff, and what only one side has.
//!
//! Similarity is the Dice coefficient of character trigrams over a *skeleton* of each clause:
//! Thai digits made Arabic, Latin lowercased, spaces, punctuation and Thai tone marks and
//! above/below vowels dropped. The skeleton makes the same clause typed and OCR'd (with ํา, a
//! lost tone mark, digits in the other script) compare as nearly equal; trigrams of letters
//! do not depend on how a segmenter splits words. Alignment is one-to-one, greedy by
//! descending similarity above a threshold; clause numbers play no part.

use std::collections::HashMap;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::thai::clean::is_combining_mark;
use crate::thai::digits::to_arabic;
use crate::thai::segment::{word_spans, Model};

/// Pairs below this similarity are not aligned. Chosen by reading: clauses written from one
/// template score 0.5–0.9 against each other, unrelated clauses of the same genre 0.1–0.3.
pub const DEFAULT_THRESHOLD: f64 = 0.4;

/// One clause to compare, with where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct ClauseRef {
    pub doc_id: String,
    pub issuer: Option<String>,
    pub province: Option<String>,
    pub section: Option<String>,
    pub number: String,
    pub text: String,
}

/// The clauses of a Document, for comparing.
pub fn clause_refs(d: &crate::document::Document) -> Vec<ClauseRef> {
    d.clauses
        .iter()
        .map(|c| ClauseRef {
            doc_id: d.id.clone(),
            issuer: d.issuer.clone(),
            province: d.province.clone(),
            section: c.section.clone(),
            number: c.number.clone(),
            text: c.text.clone(),
        })
        .collect()
}

/// The letters that carry a clause's content, for comparing. One pass over the characters
/// instead of a full clean-up: the two clean-up rules that change letters are applied here
/// (ํ + า, a tone mark between or not, is ำ; เเ is แ), and marks, spaces and punctuation drop.
pub fn skeleton(text: &str) -> Vec<char> {
    let chars: Vec<char> = to_arabic(text).chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\u{0E4D}' {
            // ํ, then า directly or after a tone mark
            let aa = match next {
                Some('\u{0E32}') => Some(i + 1),
                Some('\u{0E48}'..='\u{0E4B}') if chars.get(i + 2) == Some(&'\u{0E32}') => {
                    Some(i + 2)
                }
                _ => None,
            };
            if let Some(j) = aa {
                out.push('ำ');
                i = j + 1;
                continue;
            }
        }
        if c == 'เ' && next == Some('เ') {
            out.push('แ');
            i += 2;
            continue;
        }
        if c.is_alphanumeric() && !is_combining_mark(c) {
            out.extend(c.to_lowercase());
        }
        i += 1;
    }
    out
}

/// Character trigram counts of a skeleton.
pub fn trigrams(sk: &[char]) -> HashMap<[char; 3], u32> {
    let mut m = HashMap::new();
    for w in sk.windows(3) {
        *m.entry([w[0], w[1], w[2]]).or_insert(0) += 1;
    }
    m
}

/// The size of the intersection of two trigram multisets.
fn common(a: &HashMap<[char; 3], u32>, b: &HashMap<[char; 3], u32>) -> u32 {
    a.iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

fn size(a: &HashMap<[char; 3], u32>) -> u32 {
    a.values().sum()
}

/// Dice coefficient of two trigram multisets: 2·|A∩B| / (|A|+|B|), in 0..=1.
pub fn dice(a: &HashMap<[char; 3], u32>, b: &HashMap<[char; 3], u32>) -> f64 {
    let total = size(a) + size(b);
    if total == 0 {
        return 0.0;
    }
    2.0 * f64::from(common(a, b)) / f64::from(total)
}

/// Overlap coefficient: |A∩B| / min(|A|, |B|), in 0..=1 — high when the shorter text is
/// contained in the longer one.
pub fn overlap(a: &HashMap<[char; 3], u32>, b: &HashMap<[char; 3], u32>) -> f64 {
    let smaller = size(a).min(size(b));
    if smaller == 0 {
        return 0.0;
    }
    f64::from(common(a, b)) / f64::from(smaller)
}

/// Similarity of two trigram profiles, 0..=1: the mean of Dice (same text) and overlap (one
/// text inside the other), because agencies copy a template clause and add to it.
pub fn profile_similarity(a: &HashMap<[char; 3], u32>, b: &HashMap<[char; 3], u32>) -> f64 {
    (dice(a, b) + overlap(a, b)) / 2.0
}

/// Similarity of two clause texts, 0..=1.
pub fn similarity(a: &str, b: &str) -> f64 {
    profile_similarity(&trigrams(&skeleton(a)), &trigrams(&skeleton(b)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of words the two clauses share, or that only one has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub op: Op,
    pub text: String,
}

/// The words of a text with the separators before each kept, so that joining them gives the
/// text back.
fn words_with_gaps(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for (s, e) in word_spans(text, Model::Dictionary) {
        let _ = s;
        out.push(&text[last..e]);
        last = e;
    }
    if last < text.len() {
        out.push(&text[last..]);
    }
    out
}

/// A word-level diff (Thai words from the segmenter), comparing words by their skeletons so
/// that digit scripts and tone-mark slips do not count as changes.
pub fn diff(a: &str, b: &str) -> Vec<DiffPart> {
    let wa = words_with_gaps(a);
    let wb = words_with_gaps(b);
    let ka: Vec<Vec<char>> = wa.iter().map(|w| skeleton(w)).collect();
    let kb: Vec<Vec<char>> = wb.iter().map(|w| skeleton(w)).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    // A very short run of shared letters between two changes (a stray า matched across two
    // rewritten words) reads better as part of the change.
    let short_equal = |i: usize| -> bool {
        let (tag, ra, _) = ops[i].as_tag_tuple();
        tag == DiffTag::Equal
            && ka[ra].iter().map(Vec::len).sum::<usize>() <= 2
            && i > 0
            && i + 1 < ops.len()
            && ops[i - 1].tag() != DiffTag::Equal
            && ops[i + 1].tag() != DiffTag::Equal
    };
    // Within a run of changes, all deleted words come first, then all inserted ones.
    let mut parts: Vec<DiffPart> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |parts: &mut Vec<DiffPart>, del: &mut String, ins: &mut String| {
        for (op, text) in [(Op::Delete, del), (Op::Insert, ins)] {
            if !text.is_empty() {
                parts.push(DiffPart {
                    op,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (i, d) in ops.iter().enumerate() {
        let (tag, ra, rb) = d.as_tag_tuple();
        match tag {
            DiffTag::Equal if !short_equal(i) => {
                flush(&mut parts, &mut del, &mut ins);
                let text = wb[rb].concat();
                match parts.last_mut() {
                    Some(p) if p.op == Op::Equal => p.text.push_str(&text),
                    _ => parts.push(DiffPart {
                        op: Op::Equal,
                        text,
                    }),
                }
            }
            DiffTag::Delete => del.push_str(&wa[ra].concat()),
            DiffTag::Insert => ins.push_str(&wb[rb].concat()),
            _ => {
                del.push_str(&wa[ra].concat());
                ins.push_str(&wb[rb].concat());
            }
        }
    }
    flush(&mut parts, &mut del, &mut ins);
    parts
}

#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// Indexes into the two clause lists.
    pub a: usize,
    pub b: usize,
    pub similarity: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub only_a: Vec<usize>,
    pub only_b: Vec<usize>,
}

/// Aligns two clause lists one-to-one by content.
pub fn align(a: &[ClauseRef], b: &[ClauseRef], threshold: f64) -> Alignment {
    let ta: Vec<_> = a.iter().map(|c| trigrams(&skeleton(&c.text))).collect();
    let tb: Vec<_> = b.iter().map(|c| trigrams(&skeleton(&c.text))).collect();
    let mut scored: Vec<Pair> = Vec::new();
    for (i, x) in ta.iter().enumerate() {
        for (j, y) in tb.iter().enumerate() {
            let s = profile_similarity(x, y);
            if s >= threshold {
                scored.push(Pair {
                    a: i,
                    b: j,
                    similarity: s,
                });
            }
        }
    }
    scored.sort_by(|p, q| {
        q.similarity
            .total_cmp(&p.similarity)
            .then(p.a.cmp(&q.a))
            .then(p.b.cmp(&q.b))
    });
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut pairs = Vec::new();
    for p in scored {
        if !used_a[p.a] && !used_b[p.b] {
            used_a[p.a] = true;
            used_b[p.b] = true;
            pairs.push(p);
        }
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    Alignment {
        pairs,
        only_a: (0..a.len()).filter(|i| !used_a[*i]).collect(),
        only_b: (0..b.len()).filter(|j| !used_b[*j]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_clause_typed_and_ocrd_is_nearly_identical() {
        let typed = "ให้มีการประเมินความพึงพอใจ ปีละ ๑ ครั้ง และนำผลมาปรับปรุงการดำเนินงาน";
        let ocrd = "ให้มีการประเมินความพึงพอใจ ปีละ 1 ครั้ง และน\u{0E4D}\u{0E32}ผลมาปรับปรุงการดาเนินงาน";
        assert!(similarity(typed, ocrd) > 0.9, "{}", similarity(typed, ocrd));
        let other = "ห้ามเผาขยะในที่โล่งทุกกรณี";
        assert!(similarity(typed, other) < 0.2);
        assert_eq!(similarity("", ""), 0.0);
    }

    #[test]
    fn the_skeleton_folds_what_clean_up_would() {
        use crate::thai::clean::clean;
        for raw in [
            "น\u{0E4D}\u{0E32}ผล น\u{0E4D}\u{0E49}\u{0E32}",
            "เเผน ๒๕๖๖ ABC",
            "ผู ้ว่า (ก.พ.ร.)",
        ] {
            assert_eq!(skeleton(raw), skeleton(&clean(raw).0), "{raw}");
        }
        assert_eq!(skeleton("นำ").iter().collect::<String>(), "นำ");
    }

    #[test]
    fn the_diff_keeps_the_text_and_ignores_digit_scripts() {
        let a = "ให้มีการเผยแพร่ข้อมูล ๒ ช่องทาง";
        let b = "ให้มีการเผยแพร่ข้อมูลข่าวสาร 2 ช่องทาง";
        let d = diff(a, b);
        let b_back: String = d
            .iter()
            .filter(|p| p.op != Op::Delete)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(b_back, b);
        let a_back: String = d
            .iter()
            .filter(|p| p.op != Op::Insert)
            .map(|p| p.text.as_str())
            .collect::<String>();
        assert_eq!(skeleton(&a_back), skeleton(a));
        assert!(
            d.iter()
                .any(|p| p.op == Op::Insert && p.text.contains("ข่าวสาร")),
            "{d:?}"
        );
        assert!(
            !d.iter().any(|p| p.op != Op::Equal && p.text.contains('2')),
            "{d:?}"
        );
    }

    #[test]
    fn alignment_is_one_to_one_and_ignores_numbers() {
        let c = |n: &str, t: &str| ClauseRef {
            doc_id: "x".into(),
            issuer: None,
            province: None,
            section: None,
            number: n.into(),
            text: t.into(),
        };
        let a = vec![
            c("1", "ให้มีการเผยแพร่ข้อมูลผ่านเว็บไซต์"),
            c("2", "ห้ามเผาขยะในที่โล่ง"),
        ];
        let b = vec![
            c("1", "ห้ามเผาขยะในที่โล่งทุกกรณี"),
            c("2", "ให้มีการเผยแพร่ข้อมูลผ่านทางเว็บไซต์"),
            c("3", "ให้มีการเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"),
        ];
        let al = align(&a, &b, DEFAULT_THRESHOLD);
        let pairs: Vec<(usize, usize)> = al.pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs.len(), 2);
        assert!(pairs.contains(&(1, 0)));
        assert!(pairs.iter().any(|p| p.0 == 0));
        assert_eq!(al.only_b.len(), 1);
        assert!(al.only_a.is_empty());
    }
}
