//! OCR accuracy for page images that have their truth text beside them (`NAME.truth`): the
//! character error rate, with and without whitespace (Thai spacing is arbitrary), and what
//! the parser recovers from the OCR compared with what it finds in the truth text.

use prakat::document::Document;

/// Levenshtein distance between two character sequences (two rows of the table).
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Character error rate of `ocr` against `truth`: edits over the truth's length.
pub fn cer(ocr: &str, truth: &str, ignore_whitespace: bool) -> f64 {
    let keep = |s: &str| -> Vec<char> {
        prakat::thai::clean::clean(s)
            .0
            .chars()
            .filter(|c| !ignore_whitespace || !c.is_whitespace())
            .collect()
    };
    let (o, t) = (keep(ocr), keep(truth));
    if t.is_empty() {
        return 0.0;
    }
    edit_distance(&o, &t) as f64 / t.len() as f64
}

/// What the parser found in the OCR that it also finds in the truth text.
pub struct Recovered {
    pub issuer: bool,
    pub subject: bool,
    pub date: Option<bool>,
    /// Clauses of the truth found in the OCR with the same number and the same first letters.
    pub clauses: (usize, usize),
    pub signatories: (usize, usize),
}

pub fn recovered(ocr: &Document, truth: &Document) -> Recovered {
    let start = |t: &str| -> String { prakat::compare::skeleton(t).into_iter().take(12).collect() };
    let clauses = truth
        .clauses
        .iter()
        .filter(|c| {
            ocr.clauses.iter().any(|o| {
                o.number == c.number && o.section == c.section && start(&o.text) == start(&c.text)
            })
        })
        .count();
    let signatories = truth
        .signatories
        .iter()
        .filter(|s| ocr.signatories.iter().any(|o| o.name == s.name))
        .count();
    Recovered {
        issuer: ocr.issuer == truth.issuer,
        subject: ocr.subject == truth.subject,
        date: truth.date.as_ref().map(|d| ocr.date.as_ref() == Some(d)),
        clauses: (clauses, truth.clauses.len()),
        signatories: (signatories, truth.signatories.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("กขค"), &c("กขค")), 0);
        assert_eq!(edit_distance(&c("กขค"), &c("กค")), 1);
        assert_eq!(edit_distance(&c(""), &c("กข")), 2);
        assert!((cer("ประ กาศ", "ประกาศ", true) - 0.0).abs() < 1e-9);
        assert!(cer("ประ กาศ", "ประกาศ", false) > 0.0);
    }
}
